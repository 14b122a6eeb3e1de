//! Tabular corpora: CSV (header row) or JSON Lines, one article per row.
//! For `analyze` ([`read`]) the whole file is decoded like an article file
//! (BOM sniffing, UTF-8, else Windows-1252); an unusable file is skipped
//! with the reason; a missing column skips the whole file; a bad row skips
//! that row; duplicate ids are an error that names every clash.
//! `frame score` streams a table instead ([`open`], then [`rows`]).
//!
//! `rows.rs` reads rows one at a time, `convert.rs` turns a row into a
//! document, `open.rs` opens a file for streaming, `quotes.rs` finds a
//! quotation mark that is never closed, `site_titles.rs` cuts the site's
//! name from the end of titles.

mod convert;
pub mod open;
pub mod quotes;
pub mod rows;
pub mod site_titles;

pub use convert::{listing, missing_column, to_document};

use crate::input::decode;
use crate::input::document::{bad_dates_warning, display, sha256_hex, Corpus};
use crate::input::limits::MAX_FILE_BYTES;
use crate::model::error::{Error, Result};
use crate::model::options::TableColumns;
use crate::model::{InputRecord, Skipped};
use rows::{RawRow, RowEvent, TableKind, TableRows};
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

/// How messages and the article's source name a row, so that it can be
/// found in the file: its line (where a quoted field holding line breaks
/// makes it differ from the row), and for CSV the data row as well.
pub fn row_source(name: &str, jsonl: bool, line: u64, row: usize) -> String {
    if jsonl {
        format!("{name}:line {line}")
    } else {
        format!("{name}:line {line} (row {row})")
    }
}

/// The table and line of a source [`row_source`] wrote ("t.csv:line 23
/// (row 22)" -> ("t.csv", 23)); `None` for a file's own source.
pub fn source_line(source: &str) -> Option<(&str, u64)> {
    let (file, rest) = source.rsplit_once(":line ")?;
    let digits = rest.split(|c: char| !c.is_ascii_digit()).next()?;
    Some((file, digits.parse().ok()?))
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
        let (size, limit) = crate::input::limits::size_and_limit(size, MAX_FILE_BYTES);
        skip(
            corpus,
            format!(
                "file is {size}, above frame's limit of {limit} per file (split it into several tables)"
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
            if let Some(w) = decode::warning(enc, &bytes) {
                corpus.warnings.push(format!("{name}: {w}"));
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
    let kind = TableKind::of(path);
    let is_jsonl = kind == TableKind::Jsonl;
    let skipped_before = corpus.skipped.len();
    // The text is whole in memory already, so no row is too long to hold.
    let mut table = match TableRows::new(text.as_bytes(), kind, u64::MAX) {
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
            Ok(RowEvent::Bad { row, line, reason }) => corpus.skipped.push(Skipped {
                source: row_source(&name, is_jsonl, line, row),
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
    if let Some(hint) = convert::unread_columns(&name, &columns, cols) {
        corpus.warnings.push(hint);
    }
    // Each id's (line, row) pairs.
    let mut rows_of: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    let mut docs = Vec::new();
    let mut bad_dates = Vec::new();
    fn column<'a>(rows: &'a [RawRow], c: &'a str) -> impl Iterator<Item = &'a str> {
        rows.iter()
            .filter_map(move |r| r.fields.get(c))
            .map(String::as_str)
    }
    let context = convert::TableContext {
        // "3/5/2024" is read in the order the column's other dates settle.
        order: cols
            .date
            .as_ref()
            .and_then(|c| crate::input::day_month::column_order(column(&rows, c))),
        sites: cols
            .title
            .as_ref()
            .map(|c| site_titles::SiteTitles::of(column(&rows, c)))
            .unwrap_or_default(),
    };
    let mut sites_cut: BTreeMap<String, usize> = BTreeMap::new();
    for row in rows {
        let source = row_source(&name, is_jsonl, row.line, row.row);
        match convert::to_document_in(&row, cols, keep_boilerplate, source.clone(), &context) {
            Ok(convert::RowDocument {
                doc,
                bad_date,
                site_cut,
            }) => {
                if let Some(why) = bad_date {
                    bad_dates.push(format!("{source}: {why}"));
                }
                if let Some(site) = site_cut {
                    *sites_cut.entry(site).or_default() += 1;
                }
                rows_of
                    .entry(doc.id.clone())
                    .or_default()
                    .push((row.line as usize, row.row));
                docs.push(doc);
            }
            Err(reason) => corpus.skipped.push(Skipped { source, reason }),
        }
    }
    if let Some(w) = bad_dates_warning(&name, &bad_dates) {
        corpus.warnings.push(w);
    }
    if let Some(w) = site_titles::cut_warning(&name, &sites_cut) {
        corpus.warnings.push(w);
    }
    let mut clashes: Vec<(usize, String)> = rows_of
        .into_iter()
        .filter(|(_, rows)| rows.len() > 1)
        .map(|(id, at)| {
            let (lines, rows): (Vec<usize>, Vec<usize>) = at.into_iter().unzip();
            let lines_rows = if is_jsonl {
                format!("on lines {}", rows_list(&lines))
            } else {
                format!("on lines {} (rows {})", rows_list(&lines), rows_list(&rows))
            };
            (lines[0], format!("'{id}' {lines_rows}"))
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn read_table(name: &str, text: &str, cols: &TableColumns) -> (Corpus, Result<()>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let mut corpus = Corpus::default();
        let r = read(&path, cols, true, &mut corpus);
        (corpus, r)
    }

    /// Rows are named by the line they start on (a quoted field holding line
    /// breaks makes it differ from the row), so that a user can find them.
    #[test]
    fn rows_are_named_by_their_line() {
        let (c, r) = read_table(
            "t.csv",
            "id,text\n1,\"three\nline\nfield\"\n2,\n3,a,b\n4,fine\n",
            &TableColumns::default(),
        );
        r.unwrap();
        let mut skipped: Vec<String> = c.skipped.iter().map(|s| s.to_string()).collect();
        skipped.sort();
        assert_eq!(skipped.len(), 2);
        assert!(
            skipped[0].ends_with("t.csv:line 5 (row 2): empty 'text' field"),
            "{skipped:?}"
        );
        assert!(
            skipped[1].ends_with("t.csv:line 6 (row 3): has 3 fields, the header has 2"),
            "{skipped:?}"
        );
        assert!(
            c.documents[1].source.ends_with("t.csv:line 7 (row 4)"),
            "{}",
            c.documents[1].source
        );
        let (c, _) = read_table(
            "t.jsonl",
            "{\"text\": \"a\"}\n[1]\n",
            &TableColumns::default(),
        );
        assert!(
            c.skipped[0].source.ends_with("t.jsonl:line 2"),
            "{:?}",
            c.skipped
        );
        // Duplicate ids are named by line too.
        let cols = TableColumns {
            id: Some("id".into()),
            ..TableColumns::default()
        };
        let (_, r) = read_table("d.csv", "id,text\na,\"x\ny\"\na,z\n", &cols);
        let e = r.unwrap_err().to_string();
        assert!(e.contains("'a' on lines 2 and 4 (rows 1 and 2)"), "{e}");
    }

    /// From a real-input review: dates frame cannot read were left out of
    /// the timeline without a word; written-out dates are read as in front
    /// matter.
    #[test]
    fn unreadable_dates_are_named_once_per_table() {
        let cols = TableColumns {
            date: Some("date".into()),
            ..TableColumns::default()
        };
        let (c, r) = read_table(
            "d.csv",
            "date,text\n2024-03-05,a\n5 March 2024,b\n3/5/2024,c\n2024-13-45,d\n,e\n",
            &cols,
        );
        r.unwrap();
        let dates: Vec<Option<&str>> = c.documents.iter().map(|d| d.date.as_deref()).collect();
        assert_eq!(
            dates,
            [Some("2024-03-05"), Some("2024-03-05"), None, None, None]
        );
        assert_eq!(c.warnings.len(), 1, "{:?}", c.warnings);
        assert!(
            c.warnings[0].contains("2 rows have a date frame cannot read")
                && c.warnings[0].contains("line 4 (row 3): date '3/5/2024'"),
            "{:?}",
            c.warnings
        );
    }

    /// From a real-input review: spreadsheets save dates as "2/7/2017" or
    /// "07/02/2017"; the column's dates with a day above 12 tell which
    /// number is the day, for the whole column.
    #[test]
    fn year_last_dates_are_read_in_the_order_their_column_settles() {
        let cols = TableColumns {
            date: Some("date".into()),
            ..TableColumns::default()
        };
        let dates = |csv: &str| {
            let (c, r) = read_table("d.csv", csv, &cols);
            r.unwrap();
            let d: Vec<Option<String>> = c.documents.iter().map(|d| d.date.clone()).collect();
            (d, c.warnings)
        };
        let (us, w) = dates("date,text\n2/7/2017,a\n2/17/2017 10:30,b\n2017/2/7,c\n");
        assert_eq!(
            us,
            [
                Some("2017-02-07".into()),
                Some("2017-02-17".into()),
                Some("2017-02-07".into())
            ]
        );
        assert!(w.is_empty(), "{w:?}");
        let (uk, _) = dates("date,text\n07/02/2017,a\n17/02/2017,b\n");
        assert_eq!(uk, [Some("2017-02-07".into()), Some("2017-02-17".into())]);
        // A column that mixes both orders settles neither: its undecided
        // dates are named, not guessed.
        let (mixed, w) = dates("date,text\n2/7/2017,a\n2/17/2017,b\n17/2/2017,c\n");
        assert_eq!(
            mixed,
            [None, Some("2017-02-17".into()), Some("2017-02-17".into())]
        );
        assert!(
            w[0].contains(
                "date '2/7/2017' is not a date frame can read: it could be day 2 of month 7"
            ),
            "{w:?}"
        );
    }

    /// `source_line` reads back what `row_source` writes, for the
    /// warnings that group skipped rows by table.
    #[test]
    fn a_row_source_reads_back_as_its_table_and_line() {
        let csv = row_source("my:line 1.csv", false, 23, 22);
        assert_eq!(source_line(&csv), Some(("my:line 1.csv", 23)));
        assert_eq!(
            source_line(&row_source("t.jsonl", true, 4, 4)),
            Some(("t.jsonl", 4))
        );
        assert_eq!(source_line("folder/a.txt"), None);
    }

    /// A `.tsv` file is split at tabs only: a one-column header shows no
    /// delimiter, and its rows' commas are the text's own.
    #[test]
    fn a_tsv_table_is_split_at_tabs_only() {
        let (c, r) = read_table("t.tsv", "text\nA, b, c\nD, e\n", &TableColumns::default());
        r.unwrap();
        assert!(c.skipped.is_empty(), "{:?}", c.skipped);
        let texts: Vec<&str> = c.documents.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["A, b, c", "D, e"]);
        let (c, _) = read_table("t.tsv", "id\ttext\n1\tA, b\n", &TableColumns::default());
        assert_eq!(c.documents[0].text, "A, b");
        // The same one-column file named .csv is split at its commas.
        let (c, _) = read_table("t.csv", "text\nA, b, c\n", &TableColumns::default());
        assert!(
            c.documents.is_empty() && c.skipped.len() == 1,
            "{:?}",
            c.skipped
        );
    }

    #[test]
    fn a_repeated_text_column_skips_the_table_naming_it() {
        let (c, r) = read_table(
            "dup.csv",
            "id,text,text\n1,Flood a,Flood b\n",
            &TableColumns::default(),
        );
        r.unwrap();
        assert!(c.documents.is_empty());
        assert_eq!(c.skipped.len(), 1);
        assert!(c.skipped[0].source.ends_with("dup.csv"));
        assert!(c.skipped[0]
            .reason
            .contains("2 columns 'text' (columns 2, 3)"));
    }
}
