//! Word, OpenDocument and RTF files built in memory, with invented text.
//!
//! One copy serves both the readers' unit tests in the library (included by
//! path from `src/input/formats/mod.rs`, as `#[cfg(test)]` items cannot
//! reach integration tests) and the end-to-end tests here, so the fixtures
//! the two kinds of test read cannot drift apart. Being compiled into both
//! crates, this file uses only std and the package's dependencies, never
//! `frame` or `crate::` items.

use std::io::{Cursor, Write};

/// A zip archive of (name, content) entries, as Word or LibreOffice would write it.
pub fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(content.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A .docx whose body holds one `<w:p>` per paragraph.
pub fn docx_of(paras: &[&str]) -> Vec<u8> {
    let body: String = paras
        .iter()
        .map(|p| {
            format!(
                "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                quick_xml::escape::escape(*p)
            )
        })
        .collect();
    let doc = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    zip_of(&[
        ("[Content_Types].xml", "<Types/>"),
        ("word/document.xml", &doc),
    ])
}

/// An .odt whose body holds one `<text:p>` per paragraph.
pub fn odt_of(paras: &[&str]) -> Vec<u8> {
    let body: String = paras
        .iter()
        .map(|p| {
            format!(
                "<text:p text:style-name=\"P1\">{}</text:p>",
                quick_xml::escape::escape(*p)
            )
        })
        .collect();
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>{body}</office:text></office:body></office:document-content>"
    );
    zip_of(&[
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", &content),
        ("META-INF/manifest.xml", "<manifest:manifest/>"),
    ])
}

/// RTF as Word writes it: a font table, a stylesheet-like hidden group,
/// one `\par` per paragraph, non-ASCII as `\u` escapes.
pub fn rtf_of(paras: &[&str]) -> String {
    let mut s = String::from(
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}}{\\*\\generator Test 1.0;}\\viewkind4\\uc1\n",
    );
    for p in paras {
        s.push_str("\\pard\\sa200\\f0\\fs24 ");
        for c in p.chars() {
            match c {
                '\\' | '{' | '}' => {
                    s.push('\\');
                    s.push(c);
                }
                c if c.is_ascii() => s.push(c),
                c => s.push_str(&format!("\\u{}?", c as u32 as i16)),
            }
        }
        s.push_str("\\par\n");
    }
    s.push('}');
    s
}

/// One line of a PDF page: where it starts (x, y from the bottom left, in
/// points), its size in points and its text.
pub type PlacedLine = (f64, f64, f64, String);

/// A PDF with one page per entry, each line drawn in Helvetica where it is
/// placed, in the order given (a layout program may draw a page's columns
/// line by line across the page).
pub fn pdf_placed_of(pages: &[Vec<PlacedLine>]) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut kids: Vec<Object> = Vec::new();
    for lines in pages {
        let mut ops = vec![Operation::new("BT", vec![])];
        for (x, y, size, text) in lines {
            ops.push(Operation::new("Tf", vec!["F1".into(), (*size).into()]));
            let at: Vec<Object> = [1.0, 0.0, 0.0, 1.0, *x, *y].map(Object::from).to_vec();
            ops.push(Operation::new("Tm", at));
            ops.push(Operation::new(
                "Tj",
                vec![Object::string_literal(text.as_str())],
            ));
        }
        ops.push(Operation::new("ET", vec![]));
        let content_id = doc.add_object(Stream::new(
            dictionary! {},
            Content { operations: ops }.encode().unwrap(),
        ));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        });
        kids.push(page_id.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        lopdf::Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// `text` broken into lines of at most `width` characters.
pub fn wrapped(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for w in text.split_whitespace() {
        let line = lines.last_mut().unwrap();
        if !line.is_empty() && line.len() + 1 + w.len() > width {
            lines.push(w.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(w);
        }
    }
    lines
}

/// Two columns of 10-point text on an A4 page, `left` at x 50 and `right`
/// at x 320, each wrapped at 40 characters and starting at `top`, drawn
/// line by line across the page: the left column's first line, the right
/// column's first line, then the second lines.
pub fn interleaved_columns(left: &str, right: &str, top: f64) -> Vec<PlacedLine> {
    let (l, r) = (wrapped(left, 40), wrapped(right, 40));
    let mut out = Vec::new();
    for i in 0..l.len().max(r.len()) {
        let y = top - 13.0 * i as f64;
        for (x, col) in [(50.0, &l), (320.0, &r)] {
            if let Some(t) = col.get(i) {
                out.push((x, y, 10.0, t.clone()));
            }
        }
    }
    out
}
