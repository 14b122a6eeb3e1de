//! Reading one article file: size check, hash, decoding, the format's
//! reader, boilerplate removal, title, date and metadata.

use super::boilerplate;
use super::decode;
use super::document::{display, sha256_hex, Document};
use super::formats;
use super::limits::MAX_FILE_BYTES;
use super::walk::{extension, Candidate};
use crate::model::InputRecord;

/// One file read: the article or why it cannot be used, its input record
/// and its warnings.
pub(crate) struct FileResult {
    pub(crate) doc: std::result::Result<Document, String>,
    pub(crate) input: Option<InputRecord>,
    pub(crate) warnings: Vec<String>,
}

pub(crate) fn read_article(c: &Candidate, keep_boilerplate: bool) -> FileResult {
    let source = display(&c.path);
    let mut warnings = Vec::new();
    let size = std::fs::metadata(&c.path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return FileResult {
            doc: Err(format!(
                "file is {} MB, above frame's limit of {} MB per article file (split it into articles)",
                size >> 20,
                MAX_FILE_BYTES >> 20
            )),
            input: None,
            warnings,
        };
    }
    let bytes = match super::limits::read_file(&c.path) {
        Ok(b) => b,
        Err(e) => {
            return FileResult {
                doc: Err(format!("cannot read: {e}")),
                input: None,
                warnings,
            }
        }
    };
    let input = Some(InputRecord {
        path: source.clone(),
        sha256: sha256_hex(&bytes),
        bytes: bytes.len() as u64,
    });
    let (text, enc) = match decode::decode(&bytes) {
        Ok(t) => t,
        Err(decode::DecodeProblem::Empty) => {
            return FileResult {
                doc: Err("empty file".into()),
                input,
                warnings,
            }
        }
        Err(decode::DecodeProblem::Binary) => {
            return FileResult {
                doc: Err("binary file (not text)".into()),
                input,
                warnings,
            }
        }
    };
    if enc == decode::Encoding::Windows1252 {
        warnings.push(format!("{source}: not valid UTF-8; read as Windows-1252"));
    }
    let ext = extension(&c.path);
    let (text, meta) = formats::to_text(&ext, text);
    let file_name = c
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut doc = make_document(&text, keep_boilerplate);
    if doc.text.trim().is_empty() {
        return FileResult {
            doc: Err("no article text left after removing boilerplate".into()),
            input,
            warnings,
        };
    }
    doc.source = source;
    doc.date = date_in(&file_name);
    for (k, v) in meta {
        match k.as_str() {
            "title" if !v.is_empty() => doc.title = v.clone(),
            "date" if !v.is_empty() => doc.date = Some(v.clone()),
            "outlet" | "group" | "source" if !v.is_empty() => doc.group = Some(v.clone()),
            _ => {}
        }
        if !v.is_empty() {
            doc.meta.insert(k, v);
        }
    }
    FileResult {
        doc: Ok(doc),
        input,
        warnings,
    }
}

/// Builds a document from decoded text: boilerplate removed, title found, hash taken.
pub fn make_document(text: &str, keep_boilerplate: bool) -> Document {
    let (clean, dropped) = if keep_boilerplate {
        (text.to_string(), 0)
    } else {
        boilerplate::strip(text)
    };
    let title = find_title(&clean);
    Document {
        sha256: sha256_hex(clean.as_bytes()),
        text: clean,
        title,
        boilerplate_lines: dropped,
        ..Default::default()
    }
}

/// The first line of at least four words (section labels such as "World News"
/// are shorter), else the first non-empty line.
pub fn find_title(text: &str) -> String {
    let lines = || text.lines().map(str::trim).filter(|l| !l.is_empty());
    lines()
        .find(|l| l.split_whitespace().count() >= 4)
        .or_else(|| lines().next())
        .unwrap_or("")
        .chars()
        .take(300)
        .collect()
}

/// A YYYY-MM-DD date inside a file name.
pub(crate) fn date_in(name: &str) -> Option<String> {
    let b = name.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let s = &b[i..i + 10];
        let ok = s.iter().enumerate().all(|(j, c)| {
            if j == 4 || j == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
        let boundary = (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
        (ok && boundary).then(|| name[i..i + 10].to_string())
    })
}
