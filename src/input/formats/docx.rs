//! Microsoft Word (.docx): the paragraphs of `word/document.xml`, and the
//! title and author from `docProps/core.xml` when Word recorded them.

use super::extracted::Extracted;
use super::office_zip::{paragraphs, part, XmlDialect};

const WORD: XmlDialect = XmlDialect {
    paragraphs: &["p"],
    // Only <w:t> runs are text: field codes (<w:instrText>) and deleted
    // text (<w:delText>) are not.
    text: &["t"],
    line_breaks: &["br", "cr"],
    spaces: &["tab"],
    // Footnote references and comments live in other parts; text boxes'
    // fallback copies would repeat their text.
    skip: &["Fallback"],
};

/// The text of a .docx file, paragraphs separated by blank lines.
pub fn read(bytes: &[u8]) -> Result<Extracted, String> {
    let xml = part(bytes, "word/document.xml")?;
    let text = paragraphs(&xml, &WORD)?;
    Ok(Extracted {
        text,
        ..Extracted::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::formats::fixtures::{docx_of, zip_of};

    #[test]
    fn paragraphs_runs_and_breaks() {
        let doc = "<w:document xmlns:w=\"w\"><w:body>\
            <w:p><w:r><w:t>Police </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>said</w:t></w:r><w:r><w:t xml:space=\"preserve\"> the riot &amp; fire</w:t></w:r></w:p>\
            <w:p><w:r><w:instrText>HYPERLINK \"x\"</w:instrText><w:t>were over.</w:t><w:br/><w:t>Next line</w:t></w:r></w:p>\
            <w:p/><w:p><w:r><w:delText>gone</w:delText><w:t>Caf\u{e9}</w:t><w:tab/><w:t>end</w:t></w:r></w:p>\
            </w:body></w:document>";
        let bytes = zip_of(&[("word/document.xml", doc)]);
        let got = read(&bytes).unwrap().text;
        assert_eq!(
            got,
            "Police said the riot & fire\n\nwere over.\nNext line\n\nCaf\u{e9} end"
        );
        assert_eq!(
            read(&docx_of(&["One", "Two <3"])).unwrap().text,
            "One\n\nTwo <3"
        );
    }

    #[test]
    fn corrupt_docx_is_an_error() {
        let good = docx_of(&["Some text here"]);
        for cut in [10, good.len() / 2, good.len() - 5] {
            assert!(read(&good[..cut]).is_err());
        }
        let no_body = zip_of(&[("word/other.xml", "<x/>")]);
        assert!(read(&no_body).unwrap_err().contains("no word/document.xml"));
        let bad_xml = zip_of(&[("word/document.xml", "<w:p><w:t>x</w:p>")]);
        assert!(read(&bad_xml).unwrap_err().contains("XML"));
    }
}
