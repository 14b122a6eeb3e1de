//! Microsoft Word (.docx): the paragraphs of `word/document.xml` (text
//! boxes, footnotes, comments, headers and footers left out), the title
//! from the paragraph styled as one, and a warning when the file seems to
//! hold several articles.

use super::alt_chunks;
use super::extracted::Extracted;
use super::office_zip::{
    attribute, marked_styles, paragraphs, part, XmlDialect, TITLE_STYLE, TOP_HEADING,
};
use quick_xml::events::BytesStart;
use std::collections::{HashMap, HashSet};

const WORD: XmlDialect = XmlDialect {
    paragraphs: &["p"],
    // Only <w:t> runs are text: field codes (<w:instrText>) and deleted
    // text (<w:delText>) are not.
    text: &["t"],
    line_breaks: &["br", "cr"],
    spaces: &["tab"],
    // "well-known" typed with a non-breaking hyphen; a soft hyphen
    // (<w:softHyphen/>) only marks where the word may break.
    hyphens: &["noBreakHyphen"],
    // Footnotes, endnotes and comments live in other parts (not read); a
    // footnote's mark in the text is an element without text. Fallback
    // copies repeat what their <mc:Choice> holds. A paragraph moved with
    // tracked changes on is also at its old place, inside <w:moveFrom>
    // (its new place, <w:moveTo>, is read); deleted runs are skipped
    // whole, whatever text elements a writer put in them.
    // A run's or paragraph's formatting before a tracked change
    // (<w:rPrChange>) is not what the document shows.
    skip: &["Fallback", "moveFrom", "del", "rPrChange", "pPrChange"],
    // The content of a text box, in a drawing shape or a VML text box.
    boxes: &["txbxContent"],
    // Tables: data (election results, figures) left out with a warning,
    // a layout table holding the article's paragraphs read.
    tables: &["tbl"],
    rows: &["tr"],
    runs: &["r"],
};

/// Whether a run property hides the run: Word's Hidden font effect
/// (`<w:vanish/>`, not `w:val="0"`), given directly or by a character
/// style in `hidden_styles`.
fn hides(e: &BytesStart, hidden_styles: &HashSet<String>) -> bool {
    match e.local_name().as_ref() {
        "vanish" => is_on(e),
        "rStyle" => attribute(e, "val").is_some_and(|v| hidden_styles.contains(v.as_ref())),
        _ => false,
    }
}

/// A toggle property is on unless its `w:val` turns it off.
fn is_on(e: &BytesStart) -> bool {
    attribute(e, "val").is_none_or(|v| !matches!(v.as_ref(), "0" | "false" | "off"))
}

/// The ids of the styles in `word/styles.xml` that hide their text.
fn hidden_styles(bytes: &[u8]) -> HashSet<String> {
    let Ok(styles) = part(bytes, "word/styles.xml") else {
        return HashSet::new();
    };
    marked_styles(&styles, "style", "styleId", |e| {
        (e.local_name().as_ref() == "vanish" && is_on(e)).then_some(1)
    })
    .into_keys()
    .collect()
}

/// The style ids of Word's Title and Heading 1 styles. A paragraph names
/// its style by id, and the id depends on Word's language ("Titel",
/// "berschrift1" in German Word); `word/styles.xml` gives each built-in
/// style its English name ("Title", "heading 1") in every language.
fn title_styles(bytes: &[u8]) -> HashMap<String, u8> {
    let mut ids = HashMap::from([
        ("Title".to_string(), TITLE_STYLE),
        ("Heading1".to_string(), TOP_HEADING),
    ]);
    if let Ok(styles) = part(bytes, "word/styles.xml") {
        ids.extend(marked_styles(&styles, "style", "styleId", |e| {
            if e.local_name().as_ref() != "name" {
                return None;
            }
            match attribute(e, "val")?.to_lowercase().as_str() {
                "title" => Some(TITLE_STYLE),
                "heading 1" => Some(TOP_HEADING),
                _ => None,
            }
        }));
    }
    ids
}

/// The text of a .docx file, paragraphs separated by blank lines, and its
/// title when a paragraph has the Title or Heading 1 style.
pub fn read(bytes: &[u8]) -> Result<Extracted, String> {
    let xml = part(bytes, "word/document.xml")?;
    let (xml, unread) = alt_chunks::inlined(bytes, &xml);
    let styles = title_styles(bytes);
    let mark = |e: &BytesStart| {
        if e.local_name().as_ref() != "pStyle" {
            return None;
        }
        styles.get(attribute(e, "val")?.as_ref()).copied()
    };
    let hidden = hidden_styles(bytes);
    let mut got = paragraphs(&xml, &WORD, &mark, &|e| hides(e, &hidden))?.into_extracted();
    let all = got.text.trim().is_empty();
    match alt_chunks::unread_warning(&unread, all) {
        Some(why) if all => Err(why),
        Some(warning) => {
            got.warnings.push(warning);
            Ok(got)
        }
        None => Ok(got),
    }
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
            <w:p/><w:p><w:r><w:delText>gone</w:delText><w:t>Caf\u{e9}</w:t><w:tab/><w:t>end well</w:t><w:noBreakHyphen/><w:t>known</w:t><w:softHyphen/><w:t>ly</w:t></w:r></w:p>\
            </w:body></w:document>";
        let bytes = zip_of(&[("word/document.xml", doc)]);
        let got = read(&bytes).unwrap().text;
        assert_eq!(
            got,
            "Police said the riot & fire\n\nwere over.\nNext line\n\nCaf\u{e9} end well-knownly"
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
        // A subhead after short body paragraphs heads a section.
        let got = read(&doc(&[
            para("", "He was rushed to hospital."),
            para("Heading1", "What happens next"),
        ]))
        .unwrap();
        assert!(got.meta.is_empty(), "{:?}", got.meta);
    }

    /// From a real-input review: German Word names the Title style "Titel"
    /// in the document; its style sheet gives the English name.
    #[test]
    fn a_title_style_is_found_by_its_name_in_any_language() {
        let doc = "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>Montag</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val=\"Titel\"/></w:pPr><w:r><w:t>Sturm an der K\u{fc}ste</w:t></w:r></w:p></w:body></w:document>";
        let styles = "<w:styles xmlns:w=\"w\"><w:style w:type=\"paragraph\" w:styleId=\"Titel\"><w:name w:val=\"Title\"/></w:style><w:style w:styleId=\"Standard\"><w:name w:val=\"Normal\"/></w:style></w:styles>";
        let bytes = zip_of(&[("word/document.xml", doc), ("word/styles.xml", styles)]);
        assert_eq!(read(&bytes).unwrap().meta[0].1, "Sturm an der K\u{fc}ste");
    }

    /// From a red-team review: text formatted as Hidden (Font, Hidden;
    /// an editor's note, a hidden answer) was read and scored, though Word
    /// neither shows nor prints it. Hidden directly or by a character
    /// style; a mark that turns it off, a hidden paragraph mark and
    /// formatting from before a tracked change hide nothing.
    #[test]
    fn hidden_text_is_not_read() {
        let doc = "<w:document xmlns:w=\"w\"><w:body>\
            <w:p><w:r><w:t xml:space=\"preserve\">Residents were calm. </w:t></w:r>\
            <w:r><w:rPr><w:b/><w:vanish/></w:rPr><w:t>NOTE: panic</w:t><w:tab/><w:t>crisis.</w:t></w:r>\
            <w:r><w:t xml:space=\"preserve\"> Sandbags came.</w:t></w:r></w:p>\
            <w:p><w:r><w:rPr><w:rStyle w:val=\"Secret\"/></w:rPr><w:t>Hidden by style.</w:t></w:r>\
            <w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>Shown.</w:t></w:r>\
            <w:r><w:rPr><w:rPrChange w:id=\"1\"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t xml:space=\"preserve\"> Shown too.</w:t></w:r></w:p>\
            <w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t>Its mark hidden.</w:t></w:r></w:p>\
            </w:body></w:document>";
        let styles = "<w:styles xmlns:w=\"w\"><w:style w:type=\"character\" w:styleId=\"Secret\"><w:name w:val=\"Secret\"/><w:rPr><w:vanish/></w:rPr></w:style></w:styles>";
        let bytes = zip_of(&[("word/document.xml", doc), ("word/styles.xml", styles)]);
        assert_eq!(
            read(&bytes).unwrap().text,
            "Residents were calm. Sandbags came.\n\nShown. Shown too.\n\nIts mark hidden."
        );
    }

    /// A paragraph moved with tracked changes on is in the file twice: at
    /// its old place inside `<w:moveFrom>` (to be read as deleted) and at
    /// its new place inside `<w:moveTo>`.
    #[test]
    fn a_tracked_move_is_read_once_at_its_new_place() {
        let run = |t: &str| format!("<w:r><w:t>{t}</w:t></w:r>");
        let doc = format!(
            "<w:document xmlns:w=\"w\"><w:body>\
             <w:moveFromRangeStart w:id=\"1\" w:name=\"move1\"/>\
             <w:p><w:pPr><w:rPr><w:moveFrom w:id=\"2\"/></w:rPr></w:pPr><w:moveFrom w:id=\"3\">{}</w:moveFrom></w:p>\
             <w:moveFromRangeEnd w:id=\"1\"/>\
             <w:p>{}<w:moveFrom w:id=\"4\">{}</w:moveFrom>{}</w:p>\
             <w:moveToRangeStart w:id=\"5\" w:name=\"move1\"/>\
             <w:p><w:moveTo w:id=\"6\">{}</w:moveTo></w:p>\
             <w:moveToRangeEnd w:id=\"5\"/>\
             <w:p><w:del w:id=\"7\"><w:r><w:delText>Gone.</w:delText></w:r></w:del>{}</w:p>\
             </w:body></w:document>",
            run("The river burst its banks."),
            run("Residents left "),
            run("quickly "),
            run("at dawn."),
            run("The river burst its banks."),
            run("Roads are shut."),
        );
        let bytes = zip_of(&[("word/document.xml", doc.as_str())]);
        assert_eq!(
            read(&bytes).unwrap().text,
            "Residents left at dawn.\n\nThe river burst its banks.\n\nRoads are shut."
        );
    }

    /// A pull quote in a text box repeats the article's words: its text
    /// (in a drawing shape, and in the VML fallback copy) is left out,
    /// and so is a footnote, whose text is in another part. A document
    /// whose whole text is in text boxes is read from them, with a warning.
    #[test]
    fn text_boxes_and_footnotes_are_left_out() {
        let boxed = |text: &str| {
            format!(
                "<w:r><mc:AlternateContent xmlns:mc=\"mc\"><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp xmlns:wps=\"wps\"><wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>\
                 <mc:Fallback><w:pict><v:textbox xmlns:v=\"v\"><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
            )
        };
        let doc = format!(
            "<w:document xmlns:w=\"w\"><w:body>\
             <w:p><w:r><w:t>Storm hits the coast</w:t></w:r></w:p>\
             <w:p><w:r><w:t>The sea wall broke at dawn.</w:t></w:r><w:r><w:footnoteReference w:id=\"2\"/></w:r>{}</w:p>\
             <w:p><w:pict><v:shape xmlns:v=\"v\"><v:textbox><w:txbxContent><w:p><w:r><w:t>Old VML box</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict><w:r><w:t>Homes were flooded.</w:t></w:r></w:p>\
             </w:body></w:document>",
            boxed("A deadly threat")
        );
        let footnotes = "<w:footnotes xmlns:w=\"w\"><w:footnote w:id=\"2\"><w:p><w:r><w:t>Interview, 2017.</w:t></w:r></w:p></w:footnote></w:footnotes>";
        let bytes = zip_of(&[
            ("word/document.xml", doc.as_str()),
            ("word/footnotes.xml", footnotes),
        ]);
        let got = read(&bytes).unwrap();
        assert_eq!(
            got.text,
            "Storm hits the coast\n\nThe sea wall broke at dawn.\n\nHomes were flooded."
        );
        assert!(got.warnings.is_empty(), "{:?}", got.warnings);
        let only_boxes = format!(
            "<w:document xmlns:w=\"w\"><w:body><w:p>{}</w:p></w:body></w:document>",
            boxed("The river burst its banks.")
        );
        let got = read(&zip_of(&[("word/document.xml", only_boxes.as_str())])).unwrap();
        assert_eq!(got.text, "The river burst its banks.");
        assert!(got.warnings[0].contains("text boxes"), "{:?}", got.warnings);
    }

    /// Several pasted articles, each under its own Heading 1 with its own
    /// byline or date line: a warning (the file is still read as one
    /// article); subheads over short sections, or over long ones without a
    /// byline or date of their own, or Heading 1 sections under a Title,
    /// are one article.
    #[test]
    fn several_titled_articles_in_one_file_are_named() {
        let para = |style: &str, text: &str| {
            format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")
        };
        let body = |words: usize| para("Normal", &"word ".repeat(words));
        let doc = |paras: &[String]| {
            let xml = format!(
                "<w:document xmlns:w=\"w\"><w:body>{}</w:body></w:document>",
                paras.concat()
            );
            read(&zip_of(&[("word/document.xml", xml.as_str())])).unwrap()
        };
        let three = doc(&[
            para("Heading1", "First story"),
            para("Normal", "By Jane Smith"),
            para("Normal", "12 March 2024"),
            body(100),
            body(100),
            para("Heading1", "Second story"),
            para("Normal", "By Tom Brown, 13 March 2024"),
            body(300),
            para("Heading1", "Third story"),
            para("Normal", "14 March 2024"),
            body(200),
        ]);
        let w = three.several_articles.unwrap();
        assert!(
            w.starts_with("looks like it holds 3 articles (3 Heading 1 titles"),
            "{w}"
        );
        assert!(three.warnings.is_empty());
        assert_eq!(three.meta[0].1, "First story");
        // Sections of one article: short ones, or under a Title.
        let subheads = doc(&[
            para("Heading1", "One story"),
            body(300),
            para("Heading1", "What happens next"),
            body(60),
        ]);
        assert_eq!(subheads.several_articles, None);
        // From a review: one article whose subheads are in Heading 1, each
        // over a paragraph or two of 150 words and more, was called several
        // articles. Its headline has a byline, its subheads have none.
        let feature = doc(&[
            para("Heading1", "Inside the flood town"),
            para("Normal", "By Jane Smith"),
            body(200),
            para("Heading1", "The night the river rose"),
            body(120),
            body(80),
            para("Heading1", "What the council knew"),
            body(250),
            para("Heading1", "What happens next"),
            body(160),
        ]);
        assert_eq!(feature.several_articles, None);
        let titled = doc(&[
            para("Title", "One story"),
            body(300),
            para("Heading1", "Background"),
            body(300),
        ]);
        assert_eq!(titled.several_articles, None);
        let two_titles = doc(&[
            para("Title", "One story"),
            body(300),
            para("Title", "Another story"),
            body(300),
        ]);
        assert!(two_titles
            .several_articles
            .unwrap()
            .contains("2 Title-style titles"));
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

    /// From a review: a table's cells were read as paragraphs, so a table
    /// of figures became many fragment "sentences". A table of short cells
    /// is left out with a warning; one whose cells hold paragraphs (a
    /// layout table) is read; a document that is only a table is read.
    #[test]
    fn a_data_table_is_left_out_with_a_warning() {
        let p = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
        let row = |cells: &[&str]| {
            let cells: String = cells
                .iter()
                .map(|c| format!("<w:tc>{}</w:tc>", p(c)))
                .collect();
            format!("<w:tr>{cells}</w:tr>")
        };
        let doc = |body: &str| {
            let xml = format!("<w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>");
            read(&zip_of(&[("word/document.xml", xml.as_str())])).unwrap()
        };
        let results = format!(
            "<w:tbl>{}{}{}</w:tbl>",
            row(&["Party", "Votes", "Share"]),
            row(&["Labour", "412", "33.7%"]),
            row(&["Green", "98", "8.1%"])
        );
        let got = doc(&format!(
            "{}{}{results}{}",
            p("Labour holds the council"),
            p("Labour kept control of the council on Thursday."),
            p("Turnout was 31 per cent.")
        ));
        assert_eq!(
            got.text,
            "Labour holds the council\n\nLabour kept control of the council on Thursday.\n\nTurnout was 31 per cent."
        );
        assert_eq!(got.warnings.len(), 1, "{:?}", got.warnings);
        assert!(
            got.warnings[0].starts_with(
                "1 table of short cells (3 rows: figures, results, a list) left out of the text"
            ),
            "{:?}",
            got.warnings
        );
        // A layout table: its cells hold the article's paragraphs.
        let long = "Residents were told to leave their homes as the river rose through the night and the council opened two shelters.";
        let got = doc(&format!(
            "{}<w:tbl>{}</w:tbl>",
            p("Flood"),
            row(&[long, "Photo: PA"])
        ));
        assert_eq!(got.text, format!("Flood\n\n{long}\n\nPhoto: PA"));
        assert!(got.warnings.is_empty(), "{:?}", got.warnings);
        // Nothing but a table: read from it, with a warning.
        let got = doc(&results);
        assert!(got.text.starts_with("Party\n\nVotes"), "{}", got.text);
        assert!(
            got.warnings[0].contains("all its text is in tables"),
            "{:?}",
            got.warnings
        );
    }
}
