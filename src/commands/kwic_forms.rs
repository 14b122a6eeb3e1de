//! `frame kwic --forms`: the word forms each entry matched, counted, as a
//! concordancer's word list of a search (AntConc's "Word List" of hits).
//!
//! Stemming joins words that share a stem, and a wildcard every word that
//! starts with its letters: the forms list shows which words those were in
//! this corpus ("hospital" under the entry "hospitalized", "emergence" under
//! "emergenc*"), so that a list's author sees a collision before it counts.

use crate::commands::kwic::KwicLine;
use crate::lexicon::normalise;
use std::collections::{BTreeMap, BTreeSet};

/// One matched word form of one entry, with how often it matched.
#[derive(Debug, Clone, PartialEq)]
pub struct FormCount {
    /// The lexicon entry (or search term) that matched.
    pub entry: String,
    /// The matched words, lower case, apostrophes made straight.
    pub form: String,
    /// Matches that count (not negated, not excluded).
    pub counted: usize,
    /// Matches with a negator before them (they count on the other side or not at all).
    pub negated: usize,
    /// Matches an excluded phrase dropped (only with `--show-excluded`).
    pub excluded: usize,
    /// Articles with at least one match of this form.
    pub articles: usize,
}

/// The forms of `lines`, entries in alphabetical order, each entry's forms most matches first.
pub fn forms(lines: &[KwicLine]) -> Vec<FormCount> {
    #[derive(Default)]
    struct Tally<'a> {
        counted: usize,
        negated: usize,
        excluded: usize,
        articles: BTreeSet<&'a str>,
    }
    let mut by: BTreeMap<(String, String), Tally> = BTreeMap::new();
    // A negated reassurance match listed under threat is a form of a
    // reassurance entry: `kwic reassurance --forms` counts it.
    for l in lines.iter().filter(|l| l.flipped_from.is_none()) {
        let form = l
            .keyword
            .split_whitespace()
            .map(normalise)
            .collect::<Vec<_>>()
            .join(" ");
        let t = by.entry((l.entry.clone(), form)).or_default();
        if l.excluded {
            t.excluded += 1;
        } else if l.negated {
            t.negated += 1;
        } else {
            t.counted += 1;
        }
        t.articles.insert(l.article_id.as_str());
    }
    let mut out: Vec<FormCount> = by
        .into_iter()
        .map(|((entry, form), t)| FormCount {
            entry,
            form,
            counted: t.counted,
            negated: t.negated,
            excluded: t.excluded,
            articles: t.articles.len(),
        })
        .collect();
    out.sort_by(|a, b| {
        let total = |f: &FormCount| f.counted + f.negated + f.excluded;
        a.entry
            .cmp(&b.entry)
            .then(total(b).cmp(&total(a)))
            .then(a.form.cmp(&b.form))
    });
    out
}

/// Aligned columns: entry, form, counted, negated, excluded, articles.
pub fn to_text(forms: &[FormCount]) -> String {
    let width = |head: &str, cell: fn(&FormCount) -> &str| {
        forms
            .iter()
            .map(|f| cell(f).chars().count())
            .fold(head.len(), usize::max)
    };
    let we = width("entry", |f| &f.entry);
    let wf = width("form", |f| &f.form);
    let mut out = format!(
        "{:we$}  {:wf$}  {:>7}  {:>7}  {:>8}  {:>8}\n",
        "entry", "form", "counted", "negated", "excluded", "articles"
    );
    for f in forms {
        out.push_str(&format!(
            "{:we$}  {:wf$}  {:>7}  {:>7}  {:>8}  {:>8}\n",
            f.entry, f.form, f.counted, f.negated, f.excluded, f.articles
        ));
    }
    out
}

/// The forms as CSV: entry, form, counted, negated, excluded, articles.
pub fn to_csv(forms: &[FormCount]) -> Vec<u8> {
    use crate::report::csv::write_text_record;
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    write_text_record(
        &mut w,
        [
            "entry", "form", "counted", "negated", "excluded", "articles",
        ],
    );
    for f in forms {
        let n = [f.counted, f.negated, f.excluded, f.articles].map(|x| x.to_string());
        write_text_record(
            &mut w,
            [
                f.entry.as_str(),
                f.form.as_str(),
                &n[0],
                &n[1],
                &n[2],
                &n[3],
            ],
        );
    }
    w.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: &str, keyword: &str, entry: &str, negated: bool, excluded: bool) -> KwicLine {
        KwicLine {
            article_id: id.into(),
            sentence_no: 1,
            word_no: 1,
            left: String::new(),
            keyword: keyword.into(),
            right: String::new(),
            category: "threat".into(),
            entry: entry.into(),
            negated,
            excluded,
            counts_as: String::new(),
            flipped_from: None,
        }
    }

    #[test]
    fn forms_are_counted_per_entry_most_first() {
        let lines = vec![
            line("a", "hospital", "hospitalized", false, false),
            line("a", "Hospital", "hospitalized", false, false),
            line("b", "hospitalized", "hospitalized", true, false),
            line("b", "hospital", "hospitalized", false, false),
            line("b", "computer virus", "virus", false, true),
            line("c", "virus", "virus", false, false),
            line("c", "Don’t", "don't", false, false),
        ];
        let f = forms(&lines);
        let rows: Vec<(&str, &str, usize, usize, usize, usize)> = f
            .iter()
            .map(|f| {
                (
                    f.entry.as_str(),
                    f.form.as_str(),
                    f.counted,
                    f.negated,
                    f.excluded,
                    f.articles,
                )
            })
            .collect();
        assert_eq!(
            rows,
            vec![
                ("don't", "don't", 1, 0, 0, 1),
                ("hospitalized", "hospital", 3, 0, 0, 2),
                ("hospitalized", "hospitalized", 0, 1, 0, 1),
                ("virus", "computer virus", 0, 0, 1, 1),
                ("virus", "virus", 1, 0, 0, 1),
            ]
        );
    }

    #[test]
    fn text_and_csv_have_one_row_per_form() {
        let f = forms(&[
            line("a", "hospital", "hospitalized", false, false),
            line("a", "=cheap, fast", "=cheap", false, false),
        ]);
        let text = to_text(&f);
        assert_eq!(text.lines().count(), 3);
        assert!(text.lines().next().unwrap().starts_with("entry"));
        let csv = String::from_utf8(to_csv(&f)).unwrap();
        let mut rows = csv.lines();
        assert_eq!(
            rows.next(),
            Some("entry,form,counted,negated,excluded,articles")
        );
        // Formula-like text is escaped like every CSV frame writes.
        assert!(rows.next().unwrap().starts_with("'=cheap,"));
        assert_eq!(rows.next(), Some("hospitalized,hospital,1,0,0,1"));
    }
}
