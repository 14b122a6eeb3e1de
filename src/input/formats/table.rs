//! Tabular corpora: CSV (header row) or JSON Lines, one article per row.
//! The whole file is decoded like an article file (BOM sniffing, UTF-8, else
//! Windows-1252); an unusable file is skipped with the reason; a missing
//! column skips the whole file; a bad row skips that row; duplicate ids are
//! an error that names every clash.

use crate::input::article::make_document;
use crate::input::decode;
use crate::input::document::{display, sha256_hex, Corpus};
use crate::input::limits::MAX_FILE_BYTES;
use crate::model::error::{Error, Result};
use crate::model::options::TableColumns;
use crate::model::{InputRecord, Skipped};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Column names shown in a message before "... and N more".
const MAX_LISTED: usize = 20;

struct Row {
    /// 1-based line (JSONL) or data-row number (CSV) for messages.
    row: usize,
    fields: HashMap<String, String>,
}

/// `items` joined with ", ", cut after 20 with "... and N more", so that a
/// message stays short whatever the file holds.
pub fn listing<S: AsRef<str>>(items: &[S]) -> String {
    let mut s: Vec<&str> = items.iter().take(MAX_LISTED).map(AsRef::as_ref).collect();
    let more;
    if items.len() > MAX_LISTED {
        more = format!("... and {} more", items.len() - MAX_LISTED);
        s.push(&more);
    }
    s.join(", ")
}

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
            skip(corpus, format!("cannot read: {e}"));
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
    let is_jsonl = matches!(
        crate::input::walk::extension(path).as_str(),
        "jsonl" | "ndjson"
    );
    let skipped_before = corpus.skipped.len();
    let rows = if is_jsonl {
        jsonl_rows(&text, &name, corpus)
    } else {
        csv_rows(&text, &name, corpus)
    };
    let Some((rows, columns)) = rows else {
        return Ok(());
    };
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
    for (what, col) in [
        ("text", Some(&cols.text)),
        ("id", cols.id.as_ref()),
        ("title", cols.title.as_ref()),
        ("date", cols.date.as_ref()),
        ("group", cols.group.as_ref()),
    ] {
        if let Some(col) = col {
            if !columns.iter().any(|c| c == col) {
                skip(
                    corpus,
                    format!(
                        "no column '{col}' for the {what} (columns: {}); use --{what}-column to pick one",
                        listing(&columns)
                    ),
                );
                return Ok(());
            }
        }
    }
    let mut rows_of: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut docs = Vec::new();
    for row in rows {
        let source = format!("{name}:row {}", row.row);
        let get = |c: &Option<String>| {
            c.as_ref()
                .and_then(|c| row.fields.get(c))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let text = row.fields.get(&cols.text).cloned().unwrap_or_default();
        if text.trim().is_empty() {
            corpus.skipped.push(Skipped {
                source,
                reason: format!("empty '{}' field", cols.text),
            });
            continue;
        }
        // A row number standing in for a missing id could clash with a real one.
        let id = match (&cols.id, get(&cols.id)) {
            (None, _) => row.row.to_string(),
            (Some(_), Some(id)) => id,
            (Some(col), None) => {
                corpus.skipped.push(Skipped {
                    source,
                    reason: format!("empty '{col}' field (the id column)"),
                });
                continue;
            }
        };
        rows_of.entry(id.clone()).or_default().push(row.row);
        let text = text.replace("\r\n", "\n");
        let mut doc = make_document(&text, keep_boilerplate);
        if doc.text.trim().is_empty() {
            corpus.skipped.push(Skipped {
                source,
                reason: "no article text left after removing boilerplate".into(),
            });
            continue;
        }
        doc.id = id;
        doc.source = source;
        if let Some(t) = get(&cols.title) {
            doc.title = t;
        }
        doc.date = get(&cols.date);
        doc.group = get(&cols.group);
        // Every other short column is metadata that --group-by can pick.
        for (k, v) in &row.fields {
            let v = v.trim();
            if k != &cols.text && !v.is_empty() && v.len() <= 200 {
                doc.meta.insert(k.trim().to_lowercase(), v.to_string());
            }
        }
        docs.push(doc);
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

fn csv_rows(text: &str, name: &str, corpus: &mut Corpus) -> Option<(Vec<Row>, Vec<String>)> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match rdr.headers() {
        Ok(h) => h.iter().map(|f| f.trim().to_string()).collect(),
        Err(e) => {
            corpus.skipped.push(Skipped {
                source: name.into(),
                reason: format!("not a readable CSV file: {e}"),
            });
            return None;
        }
    };
    let mut rows = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let row = i + 1;
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                corpus.skipped.push(Skipped {
                    source: format!("{name}:row {row}"),
                    reason: format!("unreadable CSV row: {e}"),
                });
                continue;
            }
        };
        if rec.len() != header.len() {
            corpus.skipped.push(Skipped {
                source: format!("{name}:row {row}"),
                reason: format!(
                    "has {} field{}, the header has {}",
                    rec.len(),
                    if rec.len() == 1 { "" } else { "s" },
                    header.len()
                ),
            });
            continue;
        }
        let fields = header
            .iter()
            .cloned()
            .zip(rec.iter().map(str::to_string))
            .collect();
        rows.push(Row { row, fields });
    }
    Some((rows, header))
}

fn jsonl_rows(text: &str, name: &str, corpus: &mut Corpus) -> Option<(Vec<Row>, Vec<String>)> {
    let mut rows = Vec::new();
    let mut columns: Vec<String> = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let row = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = match serde_json::from_str(line.trim()) {
            Ok(v) => v,
            Err(e) => {
                corpus.skipped.push(Skipped {
                    source: format!("{name}:row {row}"),
                    reason: format!("not valid JSON: {e}"),
                });
                continue;
            }
        };
        let Some(obj) = value.as_object() else {
            corpus.skipped.push(Skipped {
                source: format!("{name}:row {row}"),
                reason: "not a JSON object".into(),
            });
            continue;
        };
        let mut fields = HashMap::new();
        for (k, v) in obj {
            if !columns.contains(k) {
                columns.push(k.clone());
            }
            let s = match v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            };
            fields.insert(k.clone(), s);
        }
        rows.push(Row { row, fields });
    }
    Some((rows, columns))
}
