//! Reading a filled coding sheet (`frame agree`, `frame agree --questions`).
//!
//! A sheet is a CSV file (comma, semicolon or tab separated; UTF-8, UTF-16 or
//! Windows-1252, as spreadsheets save them) with a `unit_id` column, a `text`
//! column (needed against frame) and one column per frame holding 0 or 1.
//! Frame columns are recognised by name; other columns (notes, coder names)
//! are ignored; a frame whose column was deleted is left out. A missing or
//! non-0/1 code is an error naming the row, so a half-coded sheet is never
//! scored by accident. A sheet whose first columns are those `frame sample`
//! writes (`unit_id, article_id, text`) is taken for one of its stratified
//! samples ([`Sheet::from_sample`]).

use crate::input::decode;
use crate::model::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Most problems listed when a sheet has bad codes.
const MAX_PROBLEMS: usize = 10;

/// One coded row of a sheet.
#[derive(Debug, Clone)]
pub struct SheetRow {
    /// Spreadsheet row number (the header is row 1).
    pub row: usize,
    /// The unit's id.
    pub unit_id: String,
    /// The unit's text, when the sheet has a `text` column.
    pub text: Option<String>,
    /// The codes, one per entry of [`Sheet::frames`].
    pub codes: Vec<bool>,
}

/// A filled coding sheet.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// Where it was read from.
    pub path: PathBuf,
    /// Frame columns found, in lexicon order.
    pub frames: Vec<String>,
    /// Coded rows, in file order.
    pub rows: Vec<SheetRow>,
    /// Whether an `article_id` column equals `unit_id` on every row.
    pub ids_are_articles: bool,
    /// Columns holding only 0/1 codes whose name is no lexicon in use: a
    /// frame coded on the sheet that this run cannot score, left out.
    pub unknown_frames: Vec<String>,
    /// Whether the sheet opens with the columns `frame sample` writes
    /// (`unit_id`, `article_id`, `text`, in that order): a stratified sample,
    /// whose unweighted recall and κ are not the corpus's.
    pub from_sample: bool,
}

fn input_err(path: &Path, message: String) -> Error {
    Error::Input {
        path: path.to_path_buf(),
        message,
    }
}

/// Reads a filled sheet; `frames` are the known frame names (lexicon order).
pub fn read_sheet(path: &Path, frames: &[String], need_text: bool) -> Result<Sheet> {
    use crate::input::formats::table::quotes::{unclosed_quote, unclosed_reason};
    use crate::input::formats::table::rows::{csv_reader, TableKind};
    use crate::report::csv::from_spreadsheet_safe;
    let bytes = crate::input::limits::read_file(path)
        .map_err(|e| {
            input_err(
                path,
                format!(
                    "cannot read the coding sheet: {} (give the CSV file that frame sample wrote, filled in)",
                    crate::input::limits::io_reason(&e)
                ),
            )
        })?;
    let (text, _) = decode::decode(&bytes).map_err(|p| {
        input_err(
            path,
            match p {
                decode::DecodeProblem::Empty => "the file is empty".into(),
                decode::DecodeProblem::Binary => {
                    "this is not a CSV file (it looks binary; save the spreadsheet as CSV)".into()
                }
            },
        )
    })?;
    // Split as every CSV file frame reads (`sep=` line, else the header).
    let (mut rdr, delim, _) = csv_reader(text.as_bytes(), TableKind::of(path));
    if let Some(line) = unclosed_quote(text.as_bytes(), delim) {
        return Err(input_err(path, unclosed_reason(line)));
    }
    let header: Vec<String> = rdr
        .headers()
        .map_err(|e| input_err(path, format!("cannot read the header row: {e}")))?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name);
    let from_sample = header.starts_with(&["unit_id", "article_id", "text"].map(String::from));
    let unit_col = col("unit_id").ok_or_else(|| {
        input_err(
            path,
            "no unit_id column: a coding sheet needs the unit_id column that `frame sample` wrote"
                .into(),
        )
    })?;
    let text_col = col("text");
    if need_text && text_col.is_none() {
        return Err(input_err(
            path,
            "no text column: frame needs each unit's text to score it".into(),
        ));
    }
    let article_col = col("article_id");
    let frame_cols: Vec<(String, usize)> = frames
        .iter()
        .filter_map(|f| col(&f.to_lowercase()).map(|c| (f.clone(), c)))
        .collect();
    if frame_cols.is_empty() {
        return Err(input_err(
            path,
            format!(
                "no frame column: the header needs one or more of {} (the lexicon categories in use; add yours with --lexicon)",
                frames.join(", ")
            ),
        ));
    }
    // Other columns that may be codes of a frame the lexicons in use lack:
    // (name, column, any code seen, only codes seen).
    let mut maybe_codes: Vec<(String, usize, bool, bool)> = header
        .iter()
        .enumerate()
        .filter(|(c, h)| {
            !h.is_empty()
                && ![Some(unit_col), text_col, article_col].contains(&Some(*c))
                && !frame_cols.iter().any(|(_, fc)| fc == c)
        })
        .map(|(c, h)| (h.clone(), c, false, true))
        .collect();
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut ids_are_articles = article_col.is_some();
    let (mut any_code, mut hint_missing, mut hint_bad) = (false, false, false);
    for (i, rec) in rdr.records().enumerate() {
        let row = i + 2;
        let rec = rec.map_err(|e| input_err(path, format!("row {row}: {e}")))?;
        // Cells as frame wrote them: a formula-like cell loses the apostrophe
        // `frame sample` put before it.
        let cell = |c: usize| from_spreadsheet_safe(rec.get(c).unwrap_or("").trim());
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue; // spreadsheets leave empty rows at the end
        }
        let at = match rec.position().map(|p| p.line() as usize) {
            Some(line) if line != row => format!("row {row} (line {line})"),
            _ => format!("row {row}"),
        };
        let unit_id = cell(unit_col).to_string();
        if unit_id.is_empty() {
            problems.push(format!("{at}: no unit_id"));
            continue;
        }
        if let Some(first) = seen.insert(unit_id.clone(), row) {
            problems.push(format!(
                "{at}: unit {unit_id} is already on row {first} (each unit is coded once per sheet)"
            ));
            continue;
        }
        if let Some(a) = article_col {
            ids_are_articles &= cell(a) == unit_id;
        }
        for (_, c, any, only) in &mut maybe_codes {
            match cell(*c) {
                "0" | "1" => *any = true,
                "" => {}
                _ => *only = false,
            }
        }
        let mut codes = Vec::with_capacity(frame_cols.len());
        let mut missing: Vec<&str> = Vec::new();
        let mut bad: Vec<String> = Vec::new();
        for (f, c) in &frame_cols {
            match cell(*c) {
                "1" => codes.push(true),
                "0" => codes.push(false),
                "" => missing.push(f),
                other => bad.push(format!("“{other}” for {f} is not a code")),
            }
        }
        any_code |= codes.len() + bad.len() > 0;
        let mut what = Vec::new();
        if !missing.is_empty() {
            what.push(format!("no code for {}", missing.join(", ")));
            hint_missing = true;
        }
        if !bad.is_empty() {
            what.push(bad.join("; "));
            hint_bad = true;
        }
        if !what.is_empty() {
            problems.push(format!("{at} (unit {unit_id}): {}", what.join("; ")));
        }
        let text = text_col.map(|c| cell(c).to_string());
        if need_text && text.as_deref().is_none_or(str::is_empty) {
            problems.push(format!(
                "{at} (unit {unit_id}): the text cell is empty, so frame has nothing to score"
            ));
        }
        rows.push(SheetRow {
            row,
            unit_id,
            text,
            codes,
        });
    }
    if !any_code && !rows.is_empty() {
        return Err(input_err(
            path,
            format!(
                "no codes yet: fill every cell of the frame columns ({}) with 0 or 1, then run frame agree again",
                frame_cols
                    .iter()
                    .map(|(f, _)| f.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    if !problems.is_empty() {
        let n = problems.len();
        let mut msg = format!(
            "{} with problems in the coding sheet (fix and run again):",
            if n == 1 {
                "1 row".to_string()
            } else {
                format!("{n} rows")
            }
        );
        for p in problems.iter().take(MAX_PROBLEMS) {
            msg.push_str("\n  ");
            msg.push_str(p);
        }
        if n > MAX_PROBLEMS {
            msg.push_str(&format!("\n  ... and {} more", n - MAX_PROBLEMS));
        }
        if hint_missing {
            msg.push_str("\nEvery frame column needs a 0 or a 1 in each row; to leave a frame out, delete its column.");
        }
        if hint_bad {
            msg.push_str("\nCodes are 0 (the frame is absent) or 1 (present).");
        }
        return Err(input_err(path, msg));
    }
    if rows.is_empty() {
        return Err(input_err(path, "no coded rows below the header".into()));
    }
    Ok(Sheet {
        path: path.to_path_buf(),
        frames: frame_cols.into_iter().map(|(f, _)| f).collect(),
        rows,
        ids_are_articles,
        unknown_frames: maybe_codes
            .into_iter()
            .filter(|(_, _, any, only)| *any && *only)
            .map(|(name, ..)| name)
            .collect(),
        from_sample,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sheet saved with a UTF-8 byte-order mark (`frame sample --excel`, or
    /// Excel's "CSV UTF-8") reads as the same sheet without one: the first
    /// column is still `unit_id`, and the sheet is still one of frame
    /// sample's.
    #[test]
    fn a_sheet_with_a_bom_reads_as_without() {
        let frames = vec!["threat".to_string(), "reassurance".to_string()];
        let body = "unit_id,article_id,text,threat,reassurance\n\
                    a#s1,a,Les émeutes ont fait peur.,1,0\n\
                    b#s2,b,Tout est calme à Genève.,0,1\n";
        let semicolons = "sep=;\nunit_id;article_id;text;threat;reassurance\n\
                          a#s1;a;Les émeutes ont fait peur.;1;0\n\
                          b#s2;b;Tout est calme à Genève.;0;1\n";
        let dir = tempfile::tempdir().unwrap();
        let read = |name: &str, bytes: Vec<u8>| {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            read_sheet(&path, &frames, true).unwrap()
        };
        let plain = read("plain.csv", body.as_bytes().to_vec());
        let sheets = [
            read("bom.csv", crate::report::csv::with_bom(body.into(), true)),
            read(
                "bom-sep.csv",
                crate::report::csv::with_bom(semicolons.into(), true),
            ),
        ];
        assert!(plain.from_sample);
        for s in sheets {
            assert!(s.from_sample, "{}", s.path.display());
            assert_eq!(s.frames, plain.frames);
            assert_eq!(s.rows.len(), 2);
            for (r, p) in s.rows.iter().zip(&plain.rows) {
                assert_eq!(
                    (&r.unit_id, &r.text, &r.codes),
                    (&p.unit_id, &p.text, &p.codes)
                );
            }
            assert_eq!(
                s.rows[0].text.as_deref(),
                Some("Les émeutes ont fait peur.")
            );
        }
    }
}
