//! OpenDocument text (.odt, LibreOffice and Google Docs): the paragraphs
//! and headings of `content.xml`.

use super::extracted::Extracted;
use super::office_zip::{paragraphs, part, XmlDialect};

const ODF: XmlDialect = XmlDialect {
    paragraphs: &["p", "h"],
    text: &[],
    line_breaks: &["line-break"],
    spaces: &["s", "tab"],
    // Footnotes, comments and tracked deletions are not the article's text.
    skip: &["note", "annotation", "tracked-changes"],
};

/// The text of an .odt file, paragraphs separated by blank lines.
pub fn read(bytes: &[u8]) -> Result<Extracted, String> {
    if part(bytes, "META-INF/manifest.xml").is_ok_and(|m| m.contains("encryption-data")) {
        return Err(
            "password-protected (encrypted) document: open it, remove the password and save it again".into(),
        );
    }
    let xml = part(bytes, "content.xml")?;
    let text = paragraphs(&xml, &ODF)?;
    Ok(Extracted {
        text,
        ..Extracted::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::formats::fixtures::{odt_of, zip_of};

    #[test]
    fn paragraphs_headings_and_spaces() {
        let content = "<office:document-content xmlns:office=\"o\" xmlns:text=\"t\"><office:body><office:text>\
            <text:h text:outline-level=\"1\">Flood warning issued</text:h>\
            <text:p>Residents<text:s text:c=\"3\"/>were <text:span text:style-name=\"T1\">told</text:span> to leave.<text:note><text:note-body><text:p>A footnote</text:p></text:note-body></text:note></text:p>\
            <text:p>Line one<text:line-break/>line two</text:p>\
            </office:text></office:body></office:document-content>";
        let bytes = zip_of(&[
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", content),
        ]);
        assert_eq!(
            read(&bytes).unwrap().text,
            "Flood warning issued\n\nResidents were told to leave.\n\nLine one\nline two"
        );
        assert_eq!(read(&odt_of(&["A", "B"])).unwrap().text, "A\n\nB");
    }

    #[test]
    fn encrypted_and_corrupt_odt() {
        let enc = zip_of(&[
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", "\u{1}\u{2}binary"),
            (
                "META-INF/manifest.xml",
                "<manifest:file-entry><manifest:encryption-data/></manifest:file-entry>",
            ),
        ]);
        assert!(read(&enc).unwrap_err().contains("password"));
        let good = odt_of(&["Text"]);
        assert!(read(&good[..good.len() - 30]).is_err());
    }
}
