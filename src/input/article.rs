//! Reading one article file: size check, hash, the reader for its format
//! (detected from its first bytes and extension, or forced by `--format`),
//! the split of a news-database export into its articles, boilerplate
//! removal, title, date and metadata.

use super::boilerplate;
use super::document::{display, sha256_hex, Document};
use super::exports;
use super::formats::{self, Detected, Extracted};
use super::limits::MAX_FILE_BYTES;
use super::walk::{extension, Candidate};
use crate::model::options::InputFormat;
use crate::model::{InputRecord, Skipped};

/// One file read: its articles (one, or each article of an export), what
/// in it could not be used, its input record and its warnings.
pub(crate) struct FileResult {
    /// The articles, or why the file cannot be used at all.
    pub(crate) doc: std::result::Result<Vec<Document>, String>,
    /// Articles of an export that were dropped, with the reason.
    pub(crate) skipped: Vec<Skipped>,
    pub(crate) input: Option<InputRecord>,
    pub(crate) warnings: Vec<String>,
}

impl FileResult {
    fn fail(reason: impl Into<String>, input: Option<InputRecord>, warnings: Vec<String>) -> Self {
        FileResult {
            doc: Err(reason.into()),
            skipped: Vec::new(),
            input,
            warnings,
        }
    }
}

/// The file's text and metadata through the reader its content and
/// extension call for (or `forced`).
pub(crate) fn extract(
    path: &std::path::Path,
    bytes: &[u8],
    forced: Option<InputFormat>,
) -> std::result::Result<Extracted, String> {
    let format = match forced {
        Some(f) => f,
        None => match formats::detect(&extension(path), bytes) {
            Detected::Reader(f) => f,
            Detected::Unsupported(why) => return Err(why),
        },
    };
    formats::read(format, bytes)
}

pub(crate) fn read_article(
    c: &Candidate,
    keep_boilerplate: bool,
    forced: Option<InputFormat>,
) -> FileResult {
    let source = display(&c.path);
    let mut warnings = Vec::new();
    let size = std::fs::metadata(&c.path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return FileResult::fail(
            format!(
                "file is {} MB, above frame's limit of {} MB per article file (split it into articles)",
                size >> 20,
                MAX_FILE_BYTES >> 20
            ),
            None,
            warnings,
        );
    }
    let bytes = match super::limits::read_file(&c.path) {
        Ok(b) => b,
        Err(e) => {
            return FileResult::fail(
                format!("cannot read: {}", super::limits::io_reason(&e)),
                None,
                warnings,
            )
        }
    };
    let input = Some(InputRecord {
        path: source.clone(),
        sha256: sha256_hex(&bytes),
        bytes: bytes.len() as u64,
    });
    let extracted = match extract(&c.path, &bytes, forced) {
        Ok(e) => e,
        Err(why) => return FileResult::fail(why, input, warnings),
    };
    drop(bytes);
    warnings.extend(extracted.warnings.iter().map(|w| format!("{source}: {w}")));
    let file_name = c
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut skipped = Vec::new();
    let parts: Vec<(Option<usize>, Extracted)> = match exports::split(&extracted.text) {
        Some(split) if !split.articles.is_empty() => {
            warnings.extend(split.warnings.iter().map(|w| format!("{source}: {w}")));
            split
                .articles
                .into_iter()
                .enumerate()
                .map(|(i, a)| (Some(i + 1), a))
                .collect()
        }
        Some(split) => {
            warnings.push(format!(
                "{source}: looks like a {} export but no article could be split off; read as one article",
                split.database
            ));
            warnings.extend(split.warnings.iter().map(|w| format!("{source}: {w}")));
            vec![(None, extracted.unwrapped())]
        }
        None => vec![(None, extracted.unwrapped())],
    };
    let mut docs = Vec::with_capacity(parts.len());
    for (position, part) in parts {
        let mut doc = make_document(&part.text, keep_boilerplate);
        let here = match position {
            Some(n) => format!("{source}#{n}"),
            None => source.clone(),
        };
        if doc.text.trim().is_empty() {
            skipped.push(Skipped {
                source: here,
                reason: "no article text left after removing boilerplate".into(),
            });
            continue;
        }
        doc.source = here;
        // The id's part within the file; `load` puts the file's id before it.
        doc.id = position.map(|n| format!("#{n}")).unwrap_or_default();
        doc.date = date_in(&file_name);
        for (k, v) in part.meta {
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
        docs.push(doc);
    }
    if docs.is_empty() {
        let reason = match skipped.pop() {
            Some(s) if skipped.is_empty() => s.reason,
            Some(s) => {
                skipped.push(s);
                "none of its articles has text left after removing boilerplate".into()
            }
            None => "no article found".into(),
        };
        return FileResult {
            doc: Err(reason),
            skipped,
            input,
            warnings,
        };
    }
    FileResult {
        doc: Ok(docs),
        skipped,
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
