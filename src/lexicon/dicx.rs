//! LIWC-22 `.dicx` dictionaries: a CSV table with one row per entry and one
//! column per category.
//!
//! ```text
//! DicTerm,posemo,negemo
//! happy,X,
//! hate*,,X
//! bitter,,1.5
//! ```
//!
//! The first column, headed `DicTerm`, holds the entry; a cell is empty (not
//! in the category), `X` (in it, weight 1) or a number (in it with that
//! weight; `0` counts as empty). Weights follow frame's rule: above 0 and at
//! most [`super::entry::MAX_WEIGHT`].

use super::entry::{
    category_name, check_weight, entry_kind, normalise, Entry, Lexicon, LexiconError,
};
use super::parsed::FileLexicons;
use std::collections::BTreeMap;

/// Parses the text of a `.dicx` file; `file` names it in messages.
pub fn parse(text: &str, file: &str) -> Result<FileLexicons, Vec<LexiconError>> {
    super::parsed::strict(parse_lenient(text, file))
}

/// [`parse`] that also returns the categories read from a file with
/// mistakes (every entry that parsed), beside the errors, so that
/// `frame lexicon check` can report everything in one pass. A file whose
/// structure cannot be read gives no categories.
pub fn parse_lenient(text: &str, file: &str) -> (FileLexicons, Vec<LexiconError>) {
    super::parsed::lenient(text, file, parse_all)
}

/// The parser: `Err` for a file whose structure cannot be read, otherwise
/// the categories and the entry-level errors.
fn parse_all(text: &str, file: &str) -> super::parsed::Parsed {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let at = |line: Option<usize>, message: String| LexiconError {
        file: file.to_string(),
        line,
        message,
    };
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = rdr.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(vec![at(Some(1), format!("not a readable CSV table: {e}"))]),
        None => return Err(vec![at(None, "the file is empty".into())]),
    };
    if !header
        .get(0)
        .is_some_and(|h| h.trim().eq_ignore_ascii_case("dicterm"))
    {
        errors.push(at(
            Some(1),
            "the first row must be the header `DicTerm,category1,category2,...` (the first \
             column, headed `DicTerm`, holds the entries)"
                .into(),
        ));
        return Err(errors);
    }
    let mut names: Vec<String> = Vec::new();
    for raw in header.iter().skip(1) {
        match category_name(raw) {
            Ok(n) if names.contains(&n) => errors.push(at(
                Some(1),
                format!("category `{n}` is given twice in the header"),
            )),
            Ok(n) => names.push(n),
            Err(m) => errors.push(at(Some(1), m)),
        }
    }
    if names.is_empty() && errors.is_empty() {
        errors.push(at(Some(1), "the header has no category columns".into()));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut entries: Vec<Vec<Entry>> = vec![Vec::new(); names.len()];
    let mut seen: Vec<BTreeMap<String, usize>> = vec![BTreeMap::new(); names.len()];
    for rec in records {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                errors.push(at(line, format!("not a readable CSV row: {e}")));
                continue;
            }
        };
        let no = rec.position().map_or(0, |p| p.line() as usize);
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if rec.len() > names.len() + 1 {
            errors.push(at(
                Some(no),
                format!(
                    "the row has {} cells but the header has {}",
                    rec.len(),
                    names.len() + 1
                ),
            ));
            continue;
        }
        let raw = rec.get(0).unwrap_or("");
        let text = normalise(&raw.split_whitespace().collect::<Vec<_>>().join(" "));
        if text.is_empty() {
            errors.push(at(
                Some(no),
                "the row has no entry in its `DicTerm` cell".into(),
            ));
            continue;
        }
        let kind = match entry_kind(&text) {
            Ok(k) => k,
            Err(m) => {
                errors.push(at(Some(no), m));
                continue;
            }
        };
        let mut any = false;
        for (c, cell) in rec.iter().skip(1).enumerate() {
            let cell = cell.trim();
            let weight = if cell.is_empty() {
                continue;
            } else if cell.eq_ignore_ascii_case("x") {
                1.0
            } else if cell.parse::<f64>() == Ok(0.0) {
                continue;
            } else {
                match check_weight(cell) {
                    Ok(w) => w,
                    Err(m) => {
                        errors.push(at(
                            Some(no),
                            format!(
                                "`{text}`, column `{}`: {m} (a cell holds X, a weight or nothing)",
                                names[c]
                            ),
                        ));
                        continue;
                    }
                }
            };
            any = true;
            if let Some(first) = seen[c].get(&text) {
                warnings.push(at(
                    Some(no),
                    format!(
                        "duplicate entry `{text}` in category `{}` (first on line {first}); \
                         counted once",
                        names[c]
                    ),
                ));
                continue;
            }
            seen[c].insert(text.clone(), no);
            entries[c].push(Entry::plain(text.clone(), kind.clone(), weight, no));
        }
        if !any {
            warnings.push(at(Some(no), format!("`{text}` is in no category")));
        }
    }
    let mut lexicons = Vec::new();
    for (name, entries) in names.into_iter().zip(entries) {
        if entries.is_empty() {
            warnings.push(at(
                Some(1),
                format!("category `{name}` has no entries and was left out"),
            ));
            continue;
        }
        lexicons.push(Lexicon {
            description: format!("LIWC-22 dictionary category `{name}`"),
            name,
            rationale: String::new(),
            sources: Vec::new(),
            file: file.to_string(),
            entries,
        });
    }
    Ok((FileLexicons { lexicons, warnings }, errors))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::EntryKind;

    #[test]
    fn columns_become_categories_with_weights() {
        let text =
            "\u{FEFF}DicTerm,posemo,negemo\nhappy,X,\nhate*,,x\nbitter,,1.5\n\"kind of\",X,0\n";
        let f = parse(text, "d.dicx").unwrap();
        assert!(f.warnings.is_empty(), "{:?}", f.warnings);
        let pos: Vec<(&str, f64, usize)> = f.lexicons[0]
            .entries
            .iter()
            .map(|e| (e.text.as_str(), e.weight, e.line))
            .collect();
        assert_eq!(pos, [("happy", 1.0, 2), ("kind of", 1.0, 5)]);
        let neg = &f.lexicons[1].entries;
        assert_eq!(neg[0].kind, EntryKind::Prefix("hate".into()));
        assert_eq!((neg[1].text.as_str(), neg[1].weight), ("bitter", 1.5));
    }

    #[test]
    fn every_error_with_its_line() {
        let e = parse("term,a\nfoo,X\n", "d.dicx").unwrap_err();
        assert!(
            e[0].to_string()
                .starts_with("d.dicx:1: the first row must be"),
            "{e:?}"
        );
        let e = parse("DicTerm,a,a\n", "d.dicx").unwrap_err();
        assert!(e[0].message.contains("`a` is given twice"));
        let e = parse(
            "DicTerm,a\nfoo,yes\nbar,9\nbaz,-1\n,X\nin*,X\nq,X,X\n",
            "d.dicx",
        )
        .unwrap_err();
        let e: Vec<String> = e.iter().map(|e| e.to_string()).collect();
        assert_eq!(e.len(), 6, "{e:?}");
        assert!(e[0].starts_with("d.dicx:2: `foo`, column `a`: weight `yes` is not a number"));
        assert!(e[1].starts_with("d.dicx:3:") && e[1].contains("out of range"));
        assert!(e[2].starts_with("d.dicx:4:") && e[2].contains("out of range"));
        assert!(e[3].starts_with("d.dicx:5: the row has no entry"));
        assert!(e[4].starts_with("d.dicx:6:") && e[4].contains("too short"));
        assert!(e[5].starts_with("d.dicx:7: the row has 3 cells"));
    }

    #[test]
    fn warnings_for_duplicates_and_unused_rows() {
        let f = parse("DicTerm,a,b\nfoo,X,\nFoo,X,\nbar,,\n", "d.dicx").unwrap();
        let w: Vec<String> = f.warnings.iter().map(|e| e.to_string()).collect();
        assert_eq!(w.len(), 3, "{w:?}");
        assert!(w[0].starts_with("d.dicx:3: duplicate entry `foo`"));
        assert!(w[1].starts_with("d.dicx:4: `bar` is in no category"));
        assert!(w[2].contains("`b` has no entries"));
        assert_eq!(f.lexicons.len(), 1);
    }
}
