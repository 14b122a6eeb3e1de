//! Tabular corpora: CSV (header row) or JSON Lines, one article per row.
//! For `analyze` ([`read`]) the whole file is decoded like an article file
//! (BOM sniffing, UTF-8, else Windows-1252); an unusable file is skipped
//! with the reason; a missing column skips the whole file; a bad row skips
//! that row; duplicate ids are an error that names every clash.
//! `frame score` streams a table instead ([`open`], then [`rows`]).
//!
//! `rows.rs` reads rows one at a time, `convert.rs` turns a row into a
//! document, `open.rs` opens a file for streaming, `quotes.rs` finds a
//! quotation mark that is never closed.

mod convert;
pub mod open;
pub mod quotes;
pub mod rows;

pub use convert::{listing, missing_column, to_document};

use crate::input::decode;
use crate::input::document::{display, sha256_hex, Corpus};
use crate::input::limits::MAX_FILE_BYTES;
use crate::model::error::{Error, Result};
use crate::model::options::TableColumns;
use crate::model::{InputRecord, Skipped};
use rows::{RowEvent, TableRows};
use std::collections::BTreeMap;
use std::path::Path;

/// "1 and 3", "1, 3 and 5".
fn rows_list(rows: &[usize]) -> String {
    let shown: Vec<String> = rows.iter().map(usize::to_string).collect();
    match shown.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => shown.join(""),
    }
}

/// Reads one table into `corpus`.
pub fn read(
    path: &Path,
    cols: &TableColumns,
    keep_boilerplate: bool,
    corpus: &mut Corpus,
) -> Result<()> {
    let name = display(path);
    let skip = |corpus: &mut Corpus, reason: String| {
        corpus.skipped.push(Skipped {
            source: name.clone(),
            reason,
        })
    };
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        skip(
            corpus,
            format!(
                "file is {} MB, above frame's limit of {} MB per file (split it into several tables)",
                size >> 20,
                MAX_FILE_BYTES >> 20
            ),
        );
        return Ok(());
    }
    let bytes = match crate::input::limits::read_file(path) {
        Ok(b) => b,
        Err(e) => {
            skip(
                corpus,
                format!("cannot read: {}", crate::input::limits::io_reason(&e)),
            );
            return Ok(());
        }
    };
    corpus.inputs.push(InputRecord {
        path: name.clone(),
        sha256: sha256_hex(&bytes),
        bytes: bytes.len() as u64,
    });
    let text = match decode::decode(&bytes) {
        Ok((text, enc)) => {
            if enc == decode::Encoding::Windows1252 {
                let line = std::str::from_utf8(&bytes)
                    .err()
                    .map(|e| {
                        bytes[..e.valid_up_to()]
                            .iter()
                            .filter(|&&b| b == b'\n')
                            .count()
                            + 1
                    })
                    .unwrap_or(1);
                corpus.warnings.push(format!(
                    "{name}: not valid UTF-8 (first at line {line}); read as Windows-1252"
                ));
            }
            text
        }
        Err(decode::DecodeProblem::Empty) => {
            skip(corpus, "empty file".into());
            return Ok(());
        }
        Err(decode::DecodeProblem::Binary) => {
            skip(corpus, "binary file (not text)".into());
            return Ok(());
        }
    };
    let is_jsonl = is_jsonl(path);
    let skipped_before = corpus.skipped.len();
    // The text is whole in memory already, so no row is too long to hold.
    let mut table = match TableRows::new(text.as_bytes(), is_jsonl, u64::MAX) {
        Ok(t) => t,
        Err(reason) => {
            skip(corpus, reason);
            return Ok(());
        }
    };
    let mut rows = Vec::new();
    for event in table.by_ref() {
        match event {
            Ok(RowEvent::Row(r)) => rows.push(r),
            Ok(RowEvent::Bad { row, reason, .. }) => corpus.skipped.push(Skipped {
                source: format!("{name}:row {row}"),
                reason,
            }),
            // Reading bytes in memory fails on nothing, and no row is over the cap.
            Err(e) => {
                skip(corpus, e.to_string());
                return Ok(());
            }
        }
    }
    let columns = table.columns().to_vec();
    if rows.is_empty() && corpus.skipped.len() == skipped_before {
        skip(
            corpus,
            if is_jsonl {
                "no rows (no JSON object on any line)".into()
            } else {
                format!("no rows: only a header ({})", listing(&columns))
            },
        );
        return Ok(());
    }
    if let Some(reason) = missing_column(&columns, cols) {
        skip(corpus, reason);
        return Ok(());
    }
    let mut rows_of: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut docs = Vec::new();
    for row in rows {
        let source = format!("{name}:row {}", row.row);
        match to_document(&row, cols, keep_boilerplate, source.clone()) {
            Ok(doc) => {
                rows_of.entry(doc.id.clone()).or_default().push(row.row);
                docs.push(doc);
            }
            Err(reason) => corpus.skipped.push(Skipped { source, reason }),
        }
    }
    let mut clashes: Vec<(usize, String)> = rows_of
        .into_iter()
        .filter(|(_, rows)| rows.len() > 1)
        .map(|(id, rows)| (rows[0], format!("'{id}' in rows {}", rows_list(&rows))))
        .collect();
    if !clashes.is_empty() {
        clashes.sort();
        let shown: Vec<String> = clashes.into_iter().map(|(_, s)| s).collect();
        return Err(Error::Input {
            path: path.to_path_buf(),
            message: format!(
                "duplicate id{} {}",
                if shown.len() == 1 { "" } else { "s" },
                listing(&shown)
            ),
        });
    }
    corpus.documents.extend(docs);
    Ok(())
}

/// Whether `path` names a JSON Lines table (else CSV).
pub fn is_jsonl(path: &Path) -> bool {
    matches!(
        crate::input::walk::extension(path).as_str(),
        "jsonl" | "ndjson"
    )
}
