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
