//! Word's embedded documents (`<w:altChunk>`): a part, most often HTML,
//! that Word converts into the document when it opens it. Tools that export
//! web content to Word write the whole text so, and `word/document.xml`
//! then holds no paragraph of its own: read without its chunks, such a
//! file was skipped as empty.

use super::html::html_to_text;
use super::office_zip::{attribute, part, part_bytes};
use crate::input::decode::utf8_or_1252;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::borrow::Cow;
use std::collections::HashMap;

/// The document's XML with each `<w:altChunk>` replaced by the paragraphs
/// of the part it names, and the reason for each part frame cannot read
/// (an MHTML page, a nested Word file), which stays out.
pub fn inlined<'a>(bytes: &[u8], xml: &'a str) -> (Cow<'a, str>, Vec<String>) {
    if !xml.contains("altChunk") {
        return (Cow::Borrowed(xml), Vec::new());
    }
    let targets = targets(bytes);
    let mut out = String::with_capacity(xml.len());
    let mut problems = Vec::new();
    let mut copied = 0usize;
    let mut reader = Reader::from_str(xml);
    loop {
        let start = reader.buffer_position() as usize;
        let id = match reader.read_event() {
            Ok(Event::Empty(e)) if e.local_name().as_ref() == "altChunk" => {
                attribute(&e, "id").map(Cow::into_owned)
            }
            Ok(Event::Start(e)) if e.local_name().as_ref() == "altChunk" => {
                let id = attribute(&e, "id").map(Cow::into_owned);
                // Its properties (`<w:altChunkPr>`) hold no text; it ends
                // past its end tag.
                if reader.read_to_end(e.name()).is_err() {
                    break;
                }
                id
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => continue,
        };
        let end = reader.buffer_position() as usize;
        // The text before the chunk is copied as it stands.
        out.push_str(&xml[copied..start]);
        copied = end.max(start);
        match id.and_then(|id| targets.get(&id).cloned()) {
            Some(name) => match chunk_text(bytes, &name) {
                Ok(text) => out.push_str(&as_paragraphs(&text)),
                Err(why) => problems.push(why),
            },
            None => problems.push("an embedded part its relationships do not name".into()),
        }
    }
    out.push_str(&xml[copied.min(xml.len())..]);
    (Cow::Owned(out), problems)
}

/// The warning for chunks frame cannot read (or, when the document has
/// no other text, `all`, the reason it is skipped), with the advice to
/// have Word convert them.
pub fn unread_warning(problems: &[String], all: bool) -> Option<String> {
    let what = if all {
        "all its text is in parts"
    } else {
        "text in parts"
    };
    (!problems.is_empty()).then(|| {
        format!(
            "{what} Word converts only when it opens the file ({}), which frame does not read: open the document in Word and save it again (File > Save As > Word Document), which makes it ordinary text",
            problems.join("; ")
        )
    })
}

/// The part each relationship id of `word/document.xml` names, as a path
/// inside the archive.
fn targets(bytes: &[u8]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let Ok(rels) = part(bytes, "word/_rels/document.xml.rels") else {
        return out;
    };
    let mut reader = Reader::from_str(&rels);
    while let Ok(ev) = reader.read_event() {
        match ev {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let external = attribute(&e, "TargetMode").is_some_and(|m| m == "External");
                if let (Some(id), Some(target), false) =
                    (attribute(&e, "Id"), attribute(&e, "Target"), external)
                {
                    let path = match target.strip_prefix('/') {
                        Some(absolute) => absolute.to_string(),
                        None => format!("word/{target}"),
                    };
                    out.insert(id.into_owned(), path);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The text of the embedded part `name`: a web page's visible text, plain
/// text, or RTF. Any other kind is named as the reason it is not read.
fn chunk_text(bytes: &[u8], name: &str) -> Result<String, String> {
    let ext = name
        .rsplit_once('.')
        .map_or("", |(_, e)| e)
        .to_ascii_lowercase();
    let kind = match ext.as_str() {
        "html" | "htm" | "xhtml" | "txt" | "rtf" => None,
        "mht" | "mhtml" => Some("a web page saved as one file"),
        "docx" | "docm" | "dotx" => Some("a Word document inside the document"),
        _ => Some("a kind of part frame does not read"),
    };
    if let Some(kind) = kind {
        return Err(format!("{name}, {kind}"));
    }
    let data = part_bytes(bytes, name)?;
    match ext.as_str() {
        "rtf" => super::rtf::read(&data).map(|e| e.text),
        "txt" => Ok(utf8_or_1252(&data).0.into_owned()),
        _ => Ok(html_to_text(&utf8_or_1252(&data).0)),
    }
}

/// A chunk's text as Word paragraphs: one per paragraph, its lines apart.
fn as_paragraphs(text: &str) -> String {
    text.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let lines: Vec<String> = p
                .lines()
                .map(|l| {
                    format!(
                        "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
                        quick_xml::escape::escape(l)
                    )
                })
                .collect();
            format!("<w:p>{}</w:p>", lines.join("<w:br/>"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::input::formats::docx::read;
    use crate::input::formats::fixtures::zip_of;

    const RELS: &str = "<Relationships xmlns=\"r\">\
        <Relationship Id=\"rIdA\" Type=\"t/aFChunk\" Target=\"afchunk.html\"/>\
        <Relationship Id=\"rIdB\" Type=\"t/aFChunk\" Target=\"/word/chunk2.mht\"/>\
        <Relationship Id=\"rIdC\" Type=\"t/hyperlink\" Target=\"http://x.example/\" TargetMode=\"External\"/>\
        </Relationships>";

    fn docx(body: &str, chunks: &[(&str, &str)]) -> Vec<u8> {
        let doc = format!("<w:document xmlns:w=\"w\" xmlns:r=\"r\"><w:body>{body}<w:sectPr/></w:body></w:document>");
        let mut parts = vec![
            ("word/document.xml", doc.as_str()),
            ("word/_rels/document.xml.rels", RELS),
        ];
        parts.extend_from_slice(chunks);
        zip_of(&parts)
    }

    /// From a red-team review: a Word file written by a web tool
    /// (html-docx-js, a report generator) holds its text as an HTML part
    /// Word converts on opening; frame skipped it as "no text (its body is
    /// empty)". Its paragraphs are read where the chunk stands.
    #[test]
    fn an_html_chunk_is_read_in_its_place() {
        let html = "<html><body><h1>Storm batters coast</h1><p>By Ann Lee</p>\
            <p>Winds reached 90mph &amp; trees fell.<br>Roads closed.</p></body></html>";
        let bytes = docx(
            "<w:p><w:r><w:t>Before.</w:t></w:r></w:p><w:altChunk r:id=\"rIdA\"><w:altChunkPr><w:matchSrc/></w:altChunkPr></w:altChunk><w:p><w:r><w:t>After.</w:t></w:r></w:p>",
            &[("word/afchunk.html", html)],
        );
        let got = read(&bytes).unwrap();
        assert_eq!(
            got.text,
            "Before.\n\nStorm batters coast\n\nBy Ann Lee\n\nWinds reached 90mph & trees fell.\nRoads closed.\n\nAfter."
        );
        assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    }

    /// A chunk frame cannot read is named: the reason a document with no
    /// other text is skipped, else a warning.
    #[test]
    fn an_unreadable_chunk_is_named() {
        let chunk = [("word/chunk2.mht", "MIME-Version: 1.0\r\n")];
        let err = read(&docx("<w:altChunk r:id=\"rIdB\"/>", &chunk)).unwrap_err();
        assert!(
            err.starts_with("all its text is in parts Word converts")
                && err.contains("word/chunk2.mht, a web page saved as one file")
                && err.contains("save it again"),
            "{err}"
        );
        let got = read(&docx(
            "<w:p><w:r><w:t>Own text.</w:t></w:r></w:p><w:altChunk r:id=\"rIdB\"/><w:altChunk r:id=\"rIdZ\"/>",
            &chunk,
        ))
        .unwrap();
        assert_eq!(got.text, "Own text.");
        assert!(
            got.warnings[0].starts_with("text in parts Word converts")
                && got.warnings[0].contains("; an embedded part its relationships do not name"),
            "{:?}",
            got.warnings
        );
    }
}
