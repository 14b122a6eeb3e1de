//! Article metadata from outside the text: a `---` front-matter block at the
//! top of a plain-text file, and a metadata sidecar (`--metadata meta.csv`).
//!
//! The sidecar is a CSV file with a header row and one row per article. Its
//! key column is the first of `id`, `article_id`, `file`, `filename` (any
//! case), else the first column; a key matches an article's id, its file name
//! (`001.txt`) or its source path. Every other column becomes metadata that
//! `--group-by` can pick; `date`, `title` and `group`/`outlet` also set the
//! article's date, title and group. Rows that match no article and articles
//! without a row are reported as warnings; a repeated key is an error naming
//! both lines.

use super::document::{bad_dates_warning, display, sha256_hex, Corpus};
use super::formats::table::quotes;
use super::formats::table::rows::{csv_reader, TableKind};
use crate::model::error::{Error, Result};
use crate::model::numbers::int;
use crate::model::InputRecord;
use std::collections::BTreeMap;
use std::path::Path;

/// Header names taken as the key column, in order of preference.
const KEY_COLUMNS: [&str; 4] = ["id", "article_id", "file", "filename"];

/// Reads the sidecar at `path` and merges it into the corpus's documents.
pub fn apply(path: &Path, corpus: &mut Corpus) -> Result<()> {
    let bad = |message: String| Error::Input {
        path: path.to_path_buf(),
        message,
    };
    let bytes = super::limits::read_file(path).map_err(|e| {
        bad(format!(
            "cannot read metadata file: {} (the file given to --metadata)",
            super::limits::io_reason(&e)
        ))
    })?;
    corpus.inputs.push(InputRecord {
        path: display(path),
        sha256: sha256_hex(&bytes),
        bytes: bytes.len() as u64,
    });
    let name = display(path);
    // Decoded as article files and tables are (UTF-16 too).
    let text = match super::decode::decode(&bytes) {
        Ok((text, enc)) => {
            if let Some(w) = super::decode::warning(enc, &bytes) {
                corpus.warnings.push(format!("{name}: {w}"));
            }
            text
        }
        Err(super::decode::DecodeProblem::Empty) => {
            return Err(bad("the metadata file is empty (the file given to --metadata)".into()))
        }
        Err(super::decode::DecodeProblem::Binary) => {
            return Err(bad(
                "not a CSV file (it looks binary; save the spreadsheet as CSV) (the file given to --metadata)".into(),
            ))
        }
    };
    // Split as article tables are: a `sep=` line, else what the header shows.
    let (mut rdr, delimiter, header_line) = csv_reader(text.as_bytes(), TableKind::of(path));
    if let Some(line) = quotes::unclosed_quote(text.as_bytes(), delimiter) {
        return Err(bad(quotes::unclosed_reason(line)));
    }
    let header: Vec<String> = rdr
        .headers()
        .map_err(|e| bad(format!("not a readable CSV file: {e}")))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    if header.len() < 2 {
        return Err(bad(format!(
            "a metadata file needs a key column (id) and at least one more column; the header has {} column(s)",
            header.len()
        )));
    }
    // Every column is metadata: a name given twice would keep one of its
    // values without a word (names are compared as read, in any case).
    // Columns without a name (a spreadsheet's empty ones) are no clash.
    for (i, h) in header.iter().enumerate().filter(|(_, h)| !h.is_empty()) {
        if let Some(j) = header[..i].iter().position(|g| g == h) {
            return Err(bad(format!(
                "line {header_line}: the header names the column '{h}' twice (columns {} and {}); rename or remove one so that it is clear which value to use",
                j + 1,
                i + 1
            )));
        }
    }
    let key_col = KEY_COLUMNS
        .iter()
        .find_map(|k| header.iter().position(|h| h == k))
        .unwrap_or(0);
    // Keys an article answers to: id, file name, source path.
    let mut lookup: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, d) in corpus.documents.iter().enumerate() {
        let name = Path::new(&d.source)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        let mut keys = vec![d.id.clone(), d.source.clone()];
        keys.extend(name);
        keys.sort();
        keys.dedup();
        for k in keys {
            lookup.entry(k).or_default().push(i);
        }
    }
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    let mut matched = vec![false; corpus.documents.len()];
    let mut unmatched: Vec<String> = Vec::new();
    let mut bad_dates: Vec<String> = Vec::new();
    // Read whole first: "3/5/2024" is read in the order the column's other
    // dates settle.
    let records = rdr
        .records()
        .map(|rec| {
            rec.map_err(|e| {
                let line = e.position().map_or(0, |p| p.line());
                bad(format!("line {line}: unreadable CSV row: {e}"))
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let order = header.iter().position(|h| h == "date").and_then(|i| {
        crate::input::day_month::column_order(records.iter().filter_map(|r| r.get(i)))
    });
    for rec in records {
        let line = rec.position().map_or(0, |p| p.line());
        if rec.len() != header.len() {
            return Err(bad(format!(
                "line {line}: has {} fields, the header has {}",
                rec.len(),
                header.len()
            )));
        }
        let key = rec.get(key_col).unwrap_or("").trim().to_string();
        if key.is_empty() {
            continue;
        }
        if let Some(prev) = seen.insert(key.clone(), line) {
            return Err(bad(format!(
                "article '{key}' appears twice, on lines {prev} and {line}"
            )));
        }
        let Some(docs) = lookup.get(&key).filter(|d| d.len() == 1) else {
            unmatched.push(key);
            continue;
        };
        let i = docs[0];
        matched[i] = true;
        let d = &mut corpus.documents[i];
        for (c, v) in header.iter().zip(rec.iter()) {
            let v = v.trim();
            if c == &header[key_col] || v.is_empty() {
                continue;
            }
            match c.as_str() {
                "date" => {
                    if let Err(why) = d.set_date_in(v, order) {
                        bad_dates.push(format!("{}:line {line}: {why}", display(path)));
                    }
                }
                "title" => d.set_title(v),
                "group" | "outlet" => d.group = Some(v.to_string()),
                _ => {}
            }
            d.meta.insert(c.clone(), v.to_string());
        }
    }
    if let Some(w) = bad_dates_warning(&name, &bad_dates) {
        corpus.warnings.push(w);
    }
    if !unmatched.is_empty() {
        let shown: Vec<&str> = unmatched.iter().take(5).map(String::as_str).collect();
        corpus.warnings.push(format!(
            "{name}: {} row(s) match no article (or more than one): {}{}",
            unmatched.len(),
            shown.join(", "),
            if unmatched.len() > 5 { ", ..." } else { "" }
        ));
    }
    let missing: Vec<&str> = corpus
        .documents
        .iter()
        .zip(&matched)
        .filter(|(_, m)| !**m)
        .map(|(d, _)| d.id.as_str())
        .collect();
    if !missing.is_empty() {
        let shown: Vec<&str> = missing.iter().take(5).copied().collect();
        corpus.warnings.push(format!(
            "{name}: {} no row: {}{}",
            if missing.len() == 1 {
                "1 article has".to_string()
            } else {
                format!("{} articles have", int(missing.len()))
            },
            shown.join(", "),
            if missing.len() > 5 { ", ..." } else { "" }
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::formats::front_matter::front_matter;
    use crate::input::Document;

    #[test]
    fn front_matter_of_plain_text() {
        let (body, meta) =
            front_matter("---\ndate: 2024-05-01\noutlet: \"The Daily\"\n---\nBody text.\n");
        assert_eq!(body, "Body text.\n");
        assert_eq!(
            meta,
            vec![
                ("date".into(), "2024-05-01".into()),
                ("outlet".into(), "The Daily".into())
            ]
        );
        // A rule line followed by prose is not front matter.
        let t = "---\nThe police said nothing more about it today\n---\n";
        assert_eq!(front_matter(t).0, t);
        // A block never closed is read, with a warning (front_matter::read).
        assert_eq!(
            front_matter("---\nkey: never closed\n").1,
            vec![("key".to_string(), "never closed".to_string())]
        );
    }

    /// From a review: sidecar dates were kept as written, so written-out
    /// dates were rejected later and "2017-02-30" was counted in 2017-02
    /// without a word; they go through the reader of `--date-column`.
    #[test]
    fn sidecar_dates_are_read_as_a_date_column_is() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("meta.csv");
        std::fs::write(
            &p,
            "id,date\na,3 February 2017\nb,\"February 3, 2017\"\nc,2017-02-30\nd,2017-13\ne,2017-02\nf,2/7/2017\ng,2/17/2017\n",
        )
        .unwrap();
        let mut c = Corpus::default();
        for id in ["a", "b", "c", "d", "e", "f", "g"] {
            c.documents.push(Document {
                id: id.into(),
                source: format!("x/{id}.txt"),
                ..Default::default()
            });
        }
        apply(&p, &mut c).unwrap();
        let dates: Vec<(Option<&str>, Option<&str>)> = c
            .documents
            .iter()
            .map(|d| (d.date.as_deref(), d.unread_date.as_deref()))
            .collect();
        assert_eq!(
            dates,
            [
                (Some("2017-02-03"), None),
                (Some("2017-02-03"), None),
                (None, Some("2017-02-30")),
                (None, Some("2017-13")),
                (Some("2017-02"), None),
                // Month first, as the column's "2/17/2017" settles.
                (Some("2017-02-07"), None),
                (Some("2017-02-17"), None),
            ]
        );
        // The value as written stays among the metadata.
        assert_eq!(c.documents[2].meta["date"], "2017-02-30");
        assert_eq!(c.warnings.len(), 1, "{:?}", c.warnings);
        let w = &c.warnings[0];
        assert!(
            w.contains("2 rows have a date frame cannot read")
                && w.contains("meta.csv:line 4: date '2017-02-30' is not a date frame can read"),
            "{w}"
        );
    }

    /// From a tester: a `sep=;` line made the header one column, and a
    /// column given twice kept its last value without a word.
    #[test]
    fn sidecar_is_split_as_tables_are_and_refuses_a_column_given_twice() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("meta.csv");
        let corpus = || {
            let mut c = Corpus::default();
            c.documents.push(Document {
                id: "a".into(),
                source: "x/a.txt".into(),
                ..Default::default()
            });
            c
        };
        for text in [
            "sep=;\nid;outlet\na;Herald\n",
            "id;outlet\na;Herald\n",
            "id\toutlet\na\tHerald\n",
            "\u{feff}id,outlet,,\na,Herald,,\n",
        ] {
            std::fs::write(&p, text).unwrap();
            let mut c = corpus();
            apply(&p, &mut c).unwrap();
            assert_eq!(c.documents[0].group.as_deref(), Some("Herald"), "{text:?}");
        }
        std::fs::write(&p, "sep=;\nid;outlet\na;Herald;Post\n").unwrap();
        let e = apply(&p, &mut corpus()).unwrap_err().to_string();
        assert!(e.contains("line 3: has 3 fields, the header has 2"), "{e}");
        std::fs::write(&p, "id,outlet,Outlet\na,H,P\n").unwrap();
        let e = apply(&p, &mut corpus()).unwrap_err().to_string();
        assert!(e.contains("meta.csv"), "{e}");
        assert!(
            e.contains("line 1: the header names the column 'outlet' twice (columns 2 and 3)"),
            "{e}"
        );
        // UTF-16, as Excel's "Unicode text" saves it.
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "id\toutlet\r\na\tHerald\r\n"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        std::fs::write(&p, utf16).unwrap();
        let mut c = corpus();
        apply(&p, &mut c).unwrap();
        assert_eq!(c.documents[0].group.as_deref(), Some("Herald"));
    }

    #[test]
    fn sidecar_sets_group_and_metadata() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("meta.csv");
        std::fs::write(
            &p,
            "id,outlet,author\na,Daily,Smith\nb.txt,Herald,Jones\nzzz,Nobody,None\n",
        )
        .unwrap();
        let mut c = Corpus::default();
        for (id, src) in [("a", "x/a.txt"), ("b", "x/b.txt"), ("c", "x/c.txt")] {
            c.documents.push(Document {
                id: id.into(),
                source: src.into(),
                ..Default::default()
            });
        }
        apply(&p, &mut c).unwrap();
        assert_eq!(c.documents[0].group.as_deref(), Some("Daily"));
        assert_eq!(c.documents[1].meta["author"], "Jones");
        assert!(c.documents[2].meta.is_empty());
        assert_eq!(c.warnings.len(), 2, "{:?}", c.warnings);
        assert!(c.warnings[0].contains("zzz"));
        assert!(c.warnings[1].contains(": c"));
        std::fs::write(&p, "id,outlet\na,X\na,Y\n").unwrap();
        let e = apply(&p, &mut c).unwrap_err().to_string();
        assert!(e.contains("lines 2 and 3"), "{e}");
    }
}
