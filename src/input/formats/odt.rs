//! OpenDocument text (.odt, LibreOffice and Google Docs): the paragraphs
//! and headings of `content.xml`.

use super::extracted::Extracted;
use super::office_zip::{
    attribute, marked_styles, paragraphs, part, XmlDialect, TITLE_STYLE, TOP_HEADING,
};
use quick_xml::events::BytesStart;
use std::collections::HashSet;

const ODF: XmlDialect = XmlDialect {
    paragraphs: &["p", "h"],
    text: &[],
    line_breaks: &["line-break"],
    spaces: &["s", "tab"],
    hyphens: &[],
    // Footnotes, comments and tracked deletions are not the article's text.
    skip: &["note", "annotation", "tracked-changes"],
    // A frame's text box (pull quotes, sidebars, picture captions).
    boxes: &["text-box"],
    // Tables: data (election results, figures) left out with a warning,
    // a layout table holding the article's paragraphs read.
    tables: &["table"],
    rows: &["table-row"],
    runs: &[],
};

/// The styles (automatic ones in `content.xml`, named ones in
/// `styles.xml`) whose text is not displayed: LibreOffice's Hidden font
/// effect, `text:display="none"`.
fn hidden_styles(bytes: &[u8], content: &str) -> HashSet<String> {
    let undisplayed = |e: &BytesStart| {
        (e.local_name().as_ref() == "text-properties"
            && attribute(e, "display").is_some_and(|d| d == "none"))
        .then_some(1)
    };
    let mut out: HashSet<String> = marked_styles(content, "style", "name", undisplayed)
        .into_keys()
        .collect();
    if let Ok(styles) = part(bytes, "styles.xml") {
        out.extend(marked_styles(&styles, "style", "name", undisplayed).into_keys());
    }
    out
}

/// Whether an element's text is hidden: a span or paragraph in a style
/// that is not displayed.
fn hides(e: &BytesStart, hidden_styles: &HashSet<String>) -> bool {
    match e.local_name().as_ref() {
        "span" | "p" | "h" => {
            attribute(e, "style-name").is_some_and(|s| hidden_styles.contains(s.as_ref()))
        }
        _ => false,
    }
}

/// The rank a named paragraph style gives: LibreOffice's Title and
/// Heading 1 (`Heading_20_1`).
fn named_rank(style: &str) -> Option<u8> {
    match style {
        "Title" => Some(TITLE_STYLE),
        "Heading_20_1" => Some(TOP_HEADING),
        _ => None,
    }
}

/// The text of an .odt file, paragraphs separated by blank lines, and its
/// title: the paragraph in the Title style, else the first level-1 heading
/// before the body.
pub fn read(bytes: &[u8]) -> Result<Extracted, String> {
    if part(bytes, "META-INF/manifest.xml").is_ok_and(|m| m.contains("encryption-data")) {
        return Err(
            "password-protected (encrypted) document: open it, remove the password and save it again".into(),
        );
    }
    let xml = part(bytes, "content.xml")?;
    // A paragraph formatted by hand gets an automatic style ("P1") whose
    // parent is the style the writer chose.
    let automatic = marked_styles(&xml, "style", "name", |e| {
        named_rank(&attribute(e, "parent-style-name")?)
    });
    let mark = |e: &BytesStart| {
        let name = e.local_name();
        if !matches!(name.as_ref(), "p" | "h") {
            return None;
        }
        let styled = attribute(e, "style-name")
            .and_then(|s| named_rank(&s).or_else(|| automatic.get(s.as_ref()).copied()));
        let level_one = attribute(e, "outline-level").is_none_or(|l| l == "1");
        let heading = (name.as_ref() == "h" && level_one).then_some(TOP_HEADING);
        match (styled, heading) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    };
    let hidden = hidden_styles(bytes, &xml);
    let got = paragraphs(&xml, &ODF, &mark, &|e| hides(e, &hidden))?;
    Ok(got.into_extracted())
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

    /// From a red-team review: text LibreOffice shows as hidden (Font
    /// Effects, Hidden: `text:display="none"`) was read and scored. A span
    /// or a paragraph in such a style, automatic or named, is left out.
    #[test]
    fn hidden_text_is_not_read() {
        let content = "<office:document-content xmlns:office=\"o\" xmlns:text=\"t\" xmlns:style=\"s\"><office:automatic-styles>\
            <style:style style:name=\"T1\" style:family=\"text\"><style:text-properties text:display=\"none\"/></style:style>\
            <style:style style:name=\"T2\" style:family=\"text\"><style:text-properties text:display=\"true\"/></style:style>\
            </office:automatic-styles><office:body><office:text>\
            <text:p>Residents were calm. <text:span text:style-name=\"T1\">NOTE: panic <text:s/>crisis.</text:span>Sandbags came.</text:p>\
            <text:p text:style-name=\"Secret\">A hidden paragraph.</text:p>\
            <text:p><text:span text:style-name=\"T2\">Shown.</text:span></text:p>\
            </office:text></office:body></office:document-content>";
        let styles = "<office:document-styles xmlns:office=\"o\" xmlns:text=\"t\" xmlns:style=\"s\"><office:styles><style:style style:name=\"Secret\" style:family=\"paragraph\"><style:text-properties text:display=\"none\"/></style:style></office:styles></office:document-styles>";
        let bytes = zip_of(&[
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", content),
            ("styles.xml", styles),
        ]);
        assert_eq!(
            read(&bytes).unwrap().text,
            "Residents were calm. Sandbags came.\n\nShown."
        );
    }

    /// From a real-input review: the title was the first paragraph (a
    /// date line), not the heading after it.
    #[test]
    fn the_title_is_the_level_one_heading_before_the_body() {
        let odt = |body: &str| {
            let content = format!("<office:document-content xmlns:text=\"t\"><office:body><office:text>{body}</office:text></office:body></office:document-content>");
            zip_of(&[
                ("mimetype", "application/vnd.oasis.opendocument.text"),
                ("content.xml", &content),
            ])
        };
        let long = "Residents were told to leave their homes as the river rose through the night and the council opened two shelters in the town hall.";
        let got = read(&odt(&format!("<text:p>5 March 2024</text:p><text:h text:outline-level=\"1\">Flood warning issued</text:h><text:p>{long}</text:p><text:h text:outline-level=\"1\">Background</text:h>"))).unwrap();
        assert_eq!(
            got.meta,
            [("title".to_string(), "Flood warning issued".to_string())]
        );
        // A section heading after the body is not the title; the Title style is.
        let got = read(&odt(&format!(
            "<text:p>{long}</text:p><text:h text:outline-level=\"1\">Background</text:h>"
        )))
        .unwrap();
        assert!(got.meta.is_empty(), "{:?}", got.meta);
        let got = read(&odt(&format!("<text:h text:outline-level=\"2\">Local</text:h><text:p text:style-name=\"Title\">River bursts banks</text:p><text:p>{long}</text:p>"))).unwrap();
        assert_eq!(got.meta[0].1, "River bursts banks");
        // Formatted by hand, the title has an automatic style based on Title.
        let got = read(&odt(&format!("<office:automatic-styles><style:style style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name=\"Title\"/></office:automatic-styles><text:p>Coursework corpus, article 7</text:p><text:p text:style-name=\"P1\">River bursts banks</text:p><text:p>{long}</text:p>"))).unwrap();
        assert_eq!(got.meta[0].1, "River bursts banks");
    }

    /// A frame's text box (a pull quote) is left out, as in Word.
    #[test]
    fn text_boxes_are_left_out() {
        let content = "<office:document-content xmlns:text=\"t\" xmlns:draw=\"d\"><office:body><office:text>\
            <text:p>Storm hits the coast</text:p>\
            <text:p>The sea wall broke.<draw:frame><draw:text-box><text:p>A deadly threat</text:p></draw:text-box></draw:frame></text:p>\
            </office:text></office:body></office:document-content>";
        let bytes = zip_of(&[
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", content),
        ]);
        assert_eq!(
            read(&bytes).unwrap().text,
            "Storm hits the coast\n\nThe sea wall broke."
        );
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

    /// A table of short cells is left out with a warning, as in Word; a
    /// level-1 heading over one article's section is no new article.
    #[test]
    fn a_data_table_is_left_out_and_subheads_are_one_article() {
        let odt = |body: &str| {
            let content = format!("<office:document-content xmlns:text=\"t\" xmlns:table=\"tb\"><office:body><office:text>{body}</office:text></office:body></office:document-content>");
            read(&zip_of(&[
                ("mimetype", "application/vnd.oasis.opendocument.text"),
                ("content.xml", &content),
            ]))
            .unwrap()
        };
        let row = |a: &str, b: &str| {
            format!("<table:table-row><table:table-cell><text:p>{a}</text:p></table:table-cell><table:table-cell><text:p>{b}</text:p></table:table-cell></table:table-row>")
        };
        let got = odt(&format!(
            "<text:h text:outline-level=\"1\">Labour holds the council</text:h><text:p>Labour kept control.</text:p>\
             <table:table><table:table-header-rows>{}</table:table-header-rows>{}</table:table>",
            row("Party", "Votes"),
            row("Labour", "412")
        ));
        assert_eq!(got.text, "Labour holds the council\n\nLabour kept control.");
        assert!(
            got.warnings[0].starts_with("1 table of short cells (2 rows"),
            "{:?}",
            got.warnings
        );
        let words = "word ".repeat(200);
        let h = |t: &str| format!("<text:h text:outline-level=\"1\">{t}</text:h>");
        let p = |t: &str| format!("<text:p>{t}</text:p>");
        let one = odt(&format!(
            "{}{}{}{}{}{}{}",
            h("Inside the flood town"),
            p("By Jane Smith"),
            p(&words),
            h("The night the river rose"),
            p(&words),
            h("What happens next"),
            p(&words)
        ));
        assert_eq!(one.several_articles, None);
        let two = odt(&format!(
            "{}{}{}{}{}{}",
            h("Flood hits the town"),
            p("By Jane Smith | 12 March 2024"),
            p(&words),
            h("Council opens shelters"),
            p("13 March 2024"),
            p(&words)
        ));
        assert!(two.several_articles.is_some());
    }
}
