//! `frame score` on a CSV or JSON Lines table: rows are read, scored and
//! written in batches, so a table of any length takes bounded memory. A row
//! that cannot be used is a warning naming its file and line; the run goes
//! on. Ids are written as given: unlike `analyze`, which must tell its
//! articles apart, `frame score` does not hold every id to check that they
//! are unique.

use super::batch::{Batch, BatchScorer, MAX_ROW_BYTES};
use super::sink::RowSink;
use crate::input::document::display;
use crate::input::formats::table::rows::{RowEvent, TableKind, TableRows};
use crate::input::formats::table::{listing, missing_column, open::open, to_document};
use crate::model::error::{Error, Result};
use crate::model::options::TableColumns;
use std::path::Path;

/// Scores the rows of the table at `path`, writing each batch before
/// reading on; `warn` gets one message per row left out. Returns the
/// number of rows scored.
pub fn score_table(
    scorer: &BatchScorer,
    path: &Path,
    cols: &TableColumns,
    sink: &mut RowSink,
    warn: &mut dyn FnMut(String),
) -> Result<usize> {
    let name = display(path);
    let err = |message: String| Error::Input {
        path: path.to_path_buf(),
        message,
    };
    let kind = TableKind::of(path);
    let jsonl = kind == TableKind::Jsonl;
    let mut rows = TableRows::new(open(path).map_err(err)?, kind, MAX_ROW_BYTES).map_err(err)?;
    // A CSV file names its columns up front; JSON Lines rows name their own.
    if !jsonl {
        if let Some(why) = missing_column(rows.columns(), cols) {
            return Err(err(why));
        }
    }
    let at = |line: u64, row: usize| {
        if jsonl {
            format!("{name}:line {line}")
        } else {
            format!("{name}:line {line} (row {row})")
        }
    };
    let mut batch = Batch::default();
    // Rows left out, each with a warning.
    let mut left_out = 0usize;
    for event in rows.by_ref() {
        match event {
            Ok(RowEvent::Row(r)) => {
                if r.windows_1252 {
                    warn(format!(
                        "{}: not valid UTF-8; read as Windows-1252",
                        at(r.line, r.row)
                    ));
                }
                match to_document(&r, cols, true, format!("{name}:row {}", r.row)) {
                    Ok(doc) => {
                        if !batch.push(doc, scorer, sink) {
                            return Ok(batch.scored);
                        }
                    }
                    Err(reason) => {
                        left_out += 1;
                        warn(format!("{}: {reason}; row skipped", at(r.line, r.row)))
                    }
                }
            }
            Ok(RowEvent::Bad { row, line, reason }) => {
                left_out += 1;
                warn(format!("{}: {reason}; row skipped", at(line, row)))
            }
            Err(e) => {
                // The rows before it are good: they are written first.
                batch.flush(scorer, sink);
                return Err(err(format!(
                    "{e} (frame score is for short texts; frame analyze reads long articles)"
                )));
            }
        }
    }
    batch.flush(scorer, sink);
    if batch.scored == 0 {
        if let Some(why) = missing_column(rows.columns(), cols) {
            return Err(err(why));
        }
        // "See the warnings" only when there are some: a table of no rows
        // has none to see.
        return Err(Error::NoArticles {
            details: if left_out > 0 {
                format!(": no row of {name} has text to score (see the warnings above)")
            } else if jsonl {
                format!(": {name} has no rows (no JSON object on any line)")
            } else {
                format!(
                    ": {name} has no rows, only a header ({})",
                    listing(rows.columns())
                )
            },
        });
    }
    Ok(batch.scored)
}

#[cfg(test)]
mod tests {
    use super::super::batch::tests::default_scorer;
    use super::super::batch::BATCH;
    use super::super::sink::to_csv;
    use super::*;
    use crate::input::document::Document;

    fn score_file(
        name: &str,
        bytes: &[u8],
        cols: &TableColumns,
    ) -> (Result<usize>, String, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (scorer, frames) = default_scorer();
        let mut out = Vec::new();
        let mut warnings = Vec::new();
        let got = {
            let mut sink = RowSink::new(&mut out, false, frames);
            score_table(&scorer, &path, cols, &mut sink, &mut |w| warnings.push(w))
        };
        let warnings = warnings
            .into_iter()
            .map(|w| w.replace(&display(&path), name))
            .collect();
        (got, String::from_utf8(out).unwrap(), warnings)
    }

    /// More rows than a batch: the rows of scoring the table at once, in order.
    #[test]
    fn a_long_table_gives_the_rows_of_one_pass() {
        let texts = [
            "Police say the attack caused fear.",
            "Residents are calm.",
            "The budget.",
        ];
        let mut csv = String::from("id,text\n");
        let mut docs = Vec::new();
        for i in 0..BATCH + 5 {
            csv.push_str(&format!("r{i},\"{}\"\n", texts[i % 3]));
            docs.push(Document {
                id: format!("r{i}"),
                text: texts[i % 3].into(),
                ..Default::default()
            });
        }
        let cols = TableColumns {
            id: Some("id".into()),
            ..TableColumns::default()
        };
        let (got, out, warnings) = score_file("t.csv", csv.as_bytes(), &cols);
        assert_eq!(got.unwrap(), BATCH + 5);
        assert!(warnings.is_empty(), "{warnings:?}");
        let (scorer, frames) = default_scorer();
        assert!(out.as_bytes() == to_csv(&scorer.score(&docs), &frames));
    }

    #[test]
    fn bad_rows_are_named_by_line_and_the_run_goes_on() {
        let (got, out, warnings) = score_file(
            "t.csv",
            b"id,text\n1,\"Police\nsaid\"\n2,a,b\n3,\n4,caf\xe9 attack\n",
            &TableColumns::default(),
        );
        assert_eq!(got.unwrap(), 2);
        assert_eq!(
            warnings,
            [
                "t.csv:line 4 (row 2): has 3 fields, the header has 2; row skipped",
                "t.csv:line 5 (row 3): empty 'text' field; row skipped",
                "t.csv:line 6 (row 4): not valid UTF-8; read as Windows-1252",
            ]
        );
        let ids: Vec<&str> = out.lines().skip(1).map(|l| &l[..1]).collect();
        assert_eq!(ids, ["1", "4"]);
    }

    #[test]
    fn json_lines_without_the_text_column_name_the_columns() {
        let (got, _, warnings) = score_file(
            "t.jsonl",
            b"{\"body\": \"Police said.\"}\nnot json\n",
            &TableColumns::default(),
        );
        let why = got.unwrap_err().to_string();
        assert!(
            why.contains("no column 'text' for the text (columns: body)"),
            "{why}"
        );
        assert!(
            warnings[1].starts_with("t.jsonl:line 2: not valid JSON"),
            "{warnings:?}"
        );
    }

    /// An unclosed quote: the rows before it are written, then the run
    /// stops naming the line, within the row cap.
    #[test]
    fn an_unclosed_quote_stops_with_the_line() {
        let mut bytes = b"id,text\n1,Police said.\n2,\"never closed ".to_vec();
        bytes.extend(b"word ".repeat((MAX_ROW_BYTES / 5 + 2) as usize));
        let (got, out, _) = score_file("t.csv", &bytes, &TableColumns::default());
        let why = got.unwrap_err().to_string();
        assert!(
            why.contains("line 3: the row starting there is longer than 16 MB"),
            "{why}"
        );
        assert_eq!(out.lines().count(), 2, "{out}");
    }
}
