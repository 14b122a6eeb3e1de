//! Microsoft Word (.docx): the paragraphs of `word/document.xml`, and the
//! title from the paragraph styled as one.

use super::extracted::Extracted;
use super::office_zip::{attribute, paragraphs, part, XmlDialect, TITLE_STYLE, TOP_HEADING};
use quick_xml::events::BytesStart;

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
    title_mark,
};

/// A paragraph in Word's built-in Title style is the title; else the first
/// in Heading 1 (style ids as Word writes them, whatever the UI language).
fn title_mark(e: &BytesStart) -> Option<u8> {
    if e.local_name().as_ref() != "pStyle" {
        return None;
    }
    match attribute(e, "val")?.as_ref() {
        "Title" => Some(TITLE_STYLE),
        "Heading1" => Some(TOP_HEADING),
        _ => None,
    }
}

/// The text of a .docx file, paragraphs separated by blank lines, and its
/// title when a paragraph has the Title or Heading 1 style.
pub fn read(bytes: &[u8]) -> Result<Extracted, String> {
    let xml = part(bytes, "word/document.xml")?;
    let got = paragraphs(&xml, &WORD)?;
    Ok(Extracted {
        text: got.text,
        meta: got.title.map(|t| ("title".into(), t)).into_iter().collect(),
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

    /// A paragraph in Word's Title style is the title, wherever it stands;
    /// without one, the first Heading 1.
    #[test]
    fn the_title_comes_from_the_paragraph_style() {
        let para = |style: &str, text: &str| {
            let p_pr = if style.is_empty() {
                String::new()
            } else {
                format!("<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>")
            };
            format!("<w:p>{p_pr}<w:r><w:t>{text}</w:t></w:r></w:p>")
        };
        let doc = |paras: &[String]| {
            let xml = format!(
                "<w:document xmlns:w=\"w\"><w:body>{}</w:body></w:document>",
                paras.concat()
            );
            zip_of(&[("word/document.xml", xml.as_str())])
        };
        let got = read(&doc(&[
            para("", "Monday 5 March"),
            para("Heading1", "Storm nears"),
            para("Title", "Storm hits the coast"),
        ]))
        .unwrap();
        assert_eq!(
            got.meta,
            [("title".to_string(), "Storm hits the coast".to_string())]
        );
        let got = read(&doc(&[
            para("", "Monday 5 March"),
            para("Heading1", "Storm nears"),
        ]))
        .unwrap();
        assert_eq!(got.meta[0].1, "Storm nears");
        assert!(read(&doc(&[para("", "Text")])).unwrap().meta.is_empty());
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
