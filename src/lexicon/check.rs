//! `frame lexicon check`: everything wrong or wasteful in a lexicon, each as
//! `file:line`. Besides the format errors the parsers report, it finds
//! entries that cannot do what their author probably meant:
//!
//! * two entries the stemmer merges (`attack`, `attacks`): frame matches
//!   plain entries by stem, so one of them is redundant;
//! * entries a wildcard of the same category already matches (`terror*`
//!   swallows `terrorist` and `terrorism*`);
//! * stop words as entries (`the`) and phrases made only of stop words
//!   (`out of the`), which match everywhere and say little about a category;
//! * entries with no word in them (`:)`, `2020`), which can never match;
//! * entries with a number among their words (`danger 1.5` from the typo
//!   `danger 1.5 2`, or `route 66`): numbers are not words to the matcher,
//!   so the entry matches as if the number were not there;
//! * problems loading would only warn about (duplicates in a `.dic` file,
//!   empty categories), and one category name used in two files.
//!
//! Checks are within one category: the same word in two categories is how
//! LIWC-style dictionaries are built.

use super::entry::{looks_numeric, Entry, EntryKind, Lexicon, LexiconError, GAP};
use super::load::{folder_files, read_file_lenient};
use crate::model::language::Language;
use crate::text::filters::StopWords;
use crate::text::{Analyzer, TokenKind};
use std::collections::BTreeMap;
use std::path::Path;

/// What `frame lexicon check` found.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    /// Every problem, ordered by file and line.
    pub problems: Vec<LexiconError>,
    /// Files read.
    pub files: usize,
    /// Categories that loaded (from files without errors).
    pub categories: usize,
    /// Entries in them.
    pub entries: usize,
}

/// Checks a lexicon file or every lexicon file of a folder, using `lang`'s
/// stemmer and stop words.
pub fn check_path(path: &Path, lang: &Language) -> CheckReport {
    let mut report = CheckReport::default();
    let files = if path.is_dir() {
        match folder_files(path) {
            Ok(f) => f,
            Err(e) => {
                report.problems = e;
                return report;
            }
        }
    } else {
        vec![path.to_path_buf()]
    };
    let stop = StopWords::new(lang.stop_words());
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for f in files {
        report.files += 1;
        // A file with mistakes is still linted (its entries that parsed), so
        // one run lists every problem instead of revealing them in rounds.
        let (r, errors) = read_file_lenient(&f);
        let loaded = errors.is_empty();
        report.problems.extend(errors);
        report.problems.extend(r.warnings);
        for lx in &r.lexicons {
            if loaded {
                report.categories += 1;
                report.entries += lx.entries.len();
            }
            if let Some(other) = names.get(&lx.name) {
                report.problems.push(LexiconError {
                    file: lx.file.clone(),
                    line: lx.entries.first().map(|e| e.line),
                    message: format!("category `{}` is also defined in {other}", lx.name),
                });
            } else {
                names.insert(lx.name.clone(), lx.file.clone());
            }
            report.problems.extend(lint(lx, lang, &stop));
        }
    }
    report
        .problems
        .sort_by(|a, b| a.file.cmp(&b.file).then(a.line.cmp(&b.line)));
    report
}

/// The entry-level problems of one category (see the module doc).
pub fn lint(lx: &Lexicon, lang: &Language, stop: &StopWords) -> Vec<LexiconError> {
    let analyzer = Analyzer::for_scoring();
    let stemmer = lang.stemmer();
    let mut out = Vec::new();
    let mut at = |line: usize, message: String| {
        out.push(LexiconError {
            file: lx.file.clone(),
            line: Some(line),
            message,
        })
    };
    let prefixes: Vec<(&str, usize)> = lx
        .entries
        .iter()
        .filter_map(|e| match &e.kind {
            EntryKind::Prefix(p) => Some((p.as_str(), e.line)),
            EntryKind::Term | EntryKind::Exact => None,
        })
        .collect();
    // Stems of each term entry -> the first entry with them.
    let mut by_stems: BTreeMap<Vec<String>, (&str, usize)> = BTreeMap::new();
    let mut exact: Vec<(Vec<String>, &Entry)> = Vec::new();
    for e in &lx.entries {
        lint_excluded(e, &mut at);
        match &e.kind {
            EntryKind::Prefix(p) => {
                if let Some((q, l)) = prefixes
                    .iter()
                    .find(|(q, l)| *l != e.line && p != q && p.starts_with(q))
                {
                    at(
                        e.line,
                        format!(
                            "wildcard `{p}*` is already covered by the wildcard `{q}*` (line {l})"
                        ),
                    );
                }
            }
            EntryKind::Term | EntryKind::Exact => {
                let words: Vec<String> = analyzer
                    .analyze(&e.text)
                    .into_iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .map(|t| t.text)
                    .collect();
                if words.is_empty() {
                    at(
                        e.line,
                        format!(
                            "`{}` has no word in it (numbers and punctuation are not words), \
                             so it can never match",
                            e.text
                        ),
                    );
                    continue;
                }
                if let Some(num) = e.text.split_whitespace().find(|f| looks_numeric(f)) {
                    at(
                        e.line,
                        format!(
                            "`{}` has the number `{num}` among its words; numbers are not \
                             words, so it matches as if the number were not there. Only \
                             one weight is allowed, at the end of the line (like `stab 1.5`)",
                            e.text
                        ),
                    );
                }
                if words.len() > 1 && words.iter().all(|w| stop.contains(w)) {
                    at(
                        e.line,
                        format!(
                            "phrase `{}` is made only of stop words: it matches common word \
                             sequences that say little about the category",
                            e.text
                        ),
                    );
                }
                if words.len() == 1 && stop.contains(&words[0]) {
                    at(
                        e.line,
                        format!(
                            "`{}` is a stop word: it occurs in almost every text, so its hits \
                             say little about the category (use it inside a phrase instead)",
                            e.text
                        ),
                    );
                }
                if words.len() == 1 {
                    if let Some((q, l)) = prefixes.iter().find(|(q, _)| words[0].starts_with(q)) {
                        at(
                            e.line,
                            format!(
                                "`{}` is already matched by the wildcard `{q}*` (line {l})",
                                e.text
                            ),
                        );
                    }
                }
                let mut stems: Vec<String> =
                    words.iter().map(|w| stemmer.stem(w).into_owned()).collect();
                // A gap is part of the key: `keep ... safe` is not `keep safe`.
                if let Some((before, _)) = e.gap_sides() {
                    let n = analyzer
                        .analyze(before)
                        .iter()
                        .filter(|t| t.kind == TokenKind::Word)
                        .count();
                    stems.insert(n, GAP.to_string());
                }
                if e.kind == EntryKind::Exact {
                    // Exact entries are meant to share a stem with other
                    // words; they clash only with a stem entry (below).
                    exact.push((stems, e));
                    continue;
                }
                match by_stems.get(&stems) {
                    Some((first, l)) => at(
                        e.line,
                        format!(
                            "`{}` and `{first}` (line {l}) have the same stem{} `{}`: frame \
                             matches both alike, so keep one",
                            e.text,
                            if stems.len() > 1 { "s" } else { "" },
                            stems.join(" ")
                        ),
                    ),
                    None => {
                        by_stems.insert(stems, (e.text.as_str(), e.line));
                    }
                }
            }
        }
    }
    for (stems, e) in exact {
        if let Some((first, l)) = by_stems.get(&stems) {
            at(
                e.line,
                format!(
                    "`={}` is already matched by `{first}` (line {l}), which matches every \
                     word with the stem{} `{}`; write that entry as `={first}` to keep the \
                     word forms apart",
                    e.text,
                    if stems.len() > 1 { "s" } else { "" },
                    stems.join(" ")
                ),
            );
        }
    }
    out
}

/// Lints an entry's excluded phrases: one given twice, or one that contains
/// another (the longer one can never add anything).
fn lint_excluded(e: &Entry, at: &mut impl FnMut(usize, String)) {
    for (i, p) in e.excluded.iter().enumerate() {
        if e.excluded[..i].contains(p) {
            at(
                e.line,
                format!("`{}`: excluded phrase `!{p}` given twice", e.key()),
            );
        } else if let Some(q) = e
            .excluded
            .iter()
            .find(|q| *q != p && format!(" {p} ").contains(&format!(" {q} ")))
        {
            at(
                e.line,
                format!(
                    "`{}`: excluded phrase `!{p}` is already covered by `!{q}`, which it \
                     contains",
                    e.key()
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lint_text(body: &str) -> Vec<String> {
        let lx = crate::lexicon::parse(&format!("# description: d\n{body}"), "t.txt", "t").unwrap();
        let en = Language::english();
        lint(&lx, &en, &StopWords::new(en.stop_words()))
            .iter()
            .map(|e| e.to_string())
            .collect()
    }

    #[test]
    fn stem_merges() {
        let p = lint_text("attack\nattacks\nknife crimes\nknife crime\n");
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(
            p[0].starts_with(
                "t.txt:3: `attacks` and `attack` (line 2) have the same stem `attack`"
            ),
            "{p:?}"
        );
        assert!(
            p[1].starts_with(
                "t.txt:5: `knife crime` and `knife crimes` (line 4) have the same stems"
            ),
            "{p:?}"
        );
    }

    #[test]
    fn a_gap_is_part_of_the_stems_compared() {
        let p = lint_text("keep ... safe\nkeep safe\nkeeps ... safe\nkeep safe ... now\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].starts_with(
                "t.txt:4: `keeps ... safe` and `keep ... safe` (line 2) have the same stems \
                 `keep ... safe`"
            ),
            "{p:?}"
        );
    }

    #[test]
    fn wildcards_that_swallow_entries() {
        let p = lint_text("terror*\nterrorist\nterrorism*\nterr\n");
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].starts_with(
            "t.txt:3: `terrorist` is already matched by the wildcard `terror*` (line 2)"
        ));
        assert!(p[1].starts_with(
            "t.txt:4: wildcard `terrorism*` is already covered by the wildcard `terror*` (line 2)"
        ));
    }

    #[test]
    fn stop_word_phrases_and_unmatchable_entries() {
        let p = lint_text("out of the\nout of danger\n:)\n2020s\nthe\n");
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p[0].starts_with("t.txt:2: phrase `out of the` is made only of stop words"));
        assert!(p[1].starts_with("t.txt:4: `:)` has no word in it"));
        assert!(p[2].starts_with("t.txt:6: `the` is a stop word"), "{p:?}");
    }

    #[test]
    fn clean_lexicon_and_builtins_have_no_problems() {
        assert!(lint_text("attack\ndanger*\nknife crime\n").is_empty());
        let en = Language::english();
        let stop = StopWords::new(en.stop_words());
        let problems: Vec<String> = crate::lexicon::builtin()
            .iter()
            .flat_map(|lx| lint(lx, &en, &stop))
            .map(|e| e.to_string())
            .collect();
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn a_file_with_errors_is_still_linted() {
        let d = tempfile::tempdir().unwrap();
        // No description (reported where the header ends), a bad weight, a
        // number inside an entry, and besides those a stem merge, a wildcard
        // that swallows an entry and a stop-word phrase.
        std::fs::write(
            d.path().join("a.txt"),
            "# name: a\nattack\nattacks\nstab 9\ndanger 1.5 2\nterror*\nterrorist\nout of the\n",
        )
        .unwrap();
        let r = check_path(d.path(), &Language::english());
        let p: Vec<String> = r.problems.iter().map(|e| e.to_string()).collect();
        assert_eq!(p.len(), 6, "{p:#?}");
        // A missing description does not stop a run (a plain word list),
        // but check lists it.
        assert!(p[0].contains("a.txt:2: missing `# description:` header line, so frame reads the file as a plain word list"), "{p:#?}");
        assert!(p[1].contains("a.txt:3: `attacks` and `attack`"), "{p:#?}");
        assert!(p[2].contains("a.txt:4: weight 9 is out of range"), "{p:#?}");
        assert!(
            p[3].contains("a.txt:5: `danger 1.5` has the number"),
            "{p:#?}"
        );
        assert!(
            p[4].contains("a.txt:7: `terrorist` is already matched"),
            "{p:#?}"
        );
        assert!(p[5].contains("a.txt:8: phrase `out of the`"), "{p:#?}");
        assert_eq!((r.files, r.categories), (1, 0));
    }

    #[test]
    fn numbers_inside_entries() {
        let p = lint_text("danger 1.5 2\nroute 66 1\ncovid-19\ng7 summit\n");
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(
            p[0].starts_with("t.txt:2: `danger 1.5` has the number `1.5`"),
            "{p:?}"
        );
        assert!(
            p[1].starts_with("t.txt:3: `route 66` has the number `66`"),
            "{p:?}"
        );
    }

    #[test]
    fn check_path_collects_every_file() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("a.txt"), "# description: d\nfoo\nfoo\n").unwrap();
        std::fs::write(d.path().join("b.dic"), "%\n1 x\n2 c\n%\nfoo 1\nfoo 1\n").unwrap();
        std::fs::write(d.path().join("c.yml"), "x: [bar, bars]\n").unwrap();
        let r = check_path(d.path(), &Language::english());
        let p: Vec<String> = r.problems.iter().map(|e| e.to_string()).collect();
        assert_eq!(p.len(), 5, "{p:#?}");
        assert!(
            p[0].ends_with("a.txt:3: duplicate entry `foo` (first on line 2)"),
            "{p:?}"
        );
        assert!(
            p[1].contains("b.dic:3: category `c` has no entries"),
            "{p:?}"
        );
        assert!(
            p[2].contains("b.dic:6: duplicate entry `foo` in category `x`"),
            "{p:?}"
        );
        assert!(
            p[3].contains("c.yml:1: category `x` is also defined in"),
            "{p:?}"
        );
        assert!(
            p[4].contains("c.yml:1: `bars` and `bar` (line 1) have the same stem"),
            "{p:?}"
        );
        assert_eq!((r.files, r.categories), (3, 2));
    }

    #[test]
    fn senses_are_linted() {
        let p = lint_text(
            "memory\n=memorial\n=memorize\nsafe !safe seat !play it safe !safe seat\n\
             virus !computer virus !old computer virus\n",
        );
        let mut p = p;
        p.sort();
        assert_eq!(p.len(), 3, "{p:#?}");
        assert!(
            p[0].starts_with("t.txt:3: `=memorial` is already matched by `memory` (line 2)"),
            "{}",
            p[0]
        );
        assert!(p[1].contains("t.txt:5: `safe`: excluded phrase `!safe seat` given twice"));
        assert!(p[2].contains("`!old computer virus` is already covered by `!computer virus`"));
    }
}
