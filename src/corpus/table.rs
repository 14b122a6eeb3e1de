//! Tabular corpora: CSV (header row) or JSON Lines, one article per row.
//! A missing text column skips the whole file; a bad row skips that row;
//! duplicate ids are an error that names both rows.

use super::{display, make_document, sha256_hex, Corpus};
use crate::analysis::{InputRecord, Skipped};
use crate::error::{Error, Result};
use crate::options::TableColumns;
use std::collections::HashMap;
use std::path::Path;

struct Row {
    /// 1-based line (JSONL) or data-row number (CSV) for messages.
    row: usize,
    fields: HashMap<String, String>,
}

/// Reads one table into `corpus`.
pub fn read(
    path: &Path,
    cols: &TableColumns,
    keep_boilerplate: bool,
    corpus: &mut Corpus,
) -> Result<()> {
    let name = display(path);
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            corpus.skipped.push(Skipped {
                source: name,
                reason: format!("cannot read: {e}"),
            });
            return Ok(());
        }
    };
    corpus.inputs.push(InputRecord {
        path: name.clone(),
        sha256: sha256_hex(&bytes),
        bytes: bytes.len() as u64,
    });
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&bytes);
    let is_jsonl = matches!(super::extension(path).as_str(), "jsonl" | "ndjson");
    let rows = if is_jsonl {
        jsonl_rows(bytes, &name, corpus)
    } else {
        csv_rows(bytes, &name, corpus)
    };
    let Some((rows, columns)) = rows else {
        return Ok(());
    };
    for (what, col) in [
        ("text", Some(&cols.text)),
        ("id", cols.id.as_ref()),
        ("title", cols.title.as_ref()),
        ("date", cols.date.as_ref()),
        ("group", cols.group.as_ref()),
    ] {
        if let Some(col) = col {
            if !columns.iter().any(|c| c == col) {
                corpus.skipped.push(Skipped {
                    source: name.clone(),
                    reason: format!(
                        "no column '{col}' for the {what} (columns: {}); use --{what}-column to pick one",
                        columns.join(", ")
                    ),
                });
                return Ok(());
            }
        }
    }
    let mut first_row_of: HashMap<String, usize> = HashMap::new();
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
        let id = get(&cols.id).unwrap_or_else(|| row.row.to_string());
        if let Some(prev) = first_row_of.get(&id) {
            return Err(Error::Input {
                path: path.to_path_buf(),
                message: format!("duplicate id '{id}' in rows {prev} and {}", row.row),
            });
        }
        first_row_of.insert(id.clone(), row.row);
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
        corpus.documents.push(doc);
    }
    Ok(())
}

fn decode_field(raw: &[u8], source: &str, warned: &mut bool, corpus: &mut Corpus) -> String {
    match std::str::from_utf8(raw) {
        Ok(s) => s.to_string(),
        Err(_) => {
            if !*warned {
                corpus
                    .warnings
                    .push(format!("{source}: not valid UTF-8; read as Windows-1252"));
                *warned = true;
            }
            encoding_rs::WINDOWS_1252.decode(raw).0.into_owned()
        }
    }
}

fn csv_rows(bytes: &[u8], name: &str, corpus: &mut Corpus) -> Option<(Vec<Row>, Vec<String>)> {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let mut warned = false;
    let header: Vec<String> = match rdr.byte_headers() {
        Ok(h) => h
            .iter()
            .map(|f| {
                decode_field(f, name, &mut warned, corpus)
                    .trim()
                    .to_string()
            })
            .collect(),
        Err(e) => {
            corpus.skipped.push(Skipped {
                source: name.into(),
                reason: format!("not a readable CSV file: {e}"),
            });
            return None;
        }
    };
    let mut rows = Vec::new();
    for (i, rec) in rdr.byte_records().enumerate() {
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
        let source = format!("{name}:row {row}");
        let fields = header
            .iter()
            .cloned()
            .zip(
                rec.iter()
                    .map(|f| decode_field(f, &source, &mut warned, corpus)),
            )
            .collect();
        rows.push(Row { row, fields });
    }
    Some((rows, header))
}

fn jsonl_rows(bytes: &[u8], name: &str, corpus: &mut Corpus) -> Option<(Vec<Row>, Vec<String>)> {
    let mut rows = Vec::new();
    let mut columns: Vec<String> = Vec::new();
    let mut warned = false;
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let row = i + 1;
        let line = decode_field(line, &format!("{name}:line {row}"), &mut warned, corpus);
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
