//! LIWC-style `.dic` dictionaries (LIWC2001 to LIWC-22, and the many research
//! dictionaries published in the format).
//!
//! ```text
//! %
//! 1   posemo
//! 2   negemo
//! %
//! happy       1
//! hate*       2
//! kind of     1
//! ```
//!
//! A `%` line opens and closes the category header (`number name`, one per
//! line); every later line is an entry followed by the numbers of its
//! categories. One file yields one [`Lexicon`] per category. LIWC2007's
//! conditional assignments (`like (02 134)125/464`) depend on the word before
//! and are left out with a warning: the entry keeps its plain numbers.

use super::entry::{category_name, entry_kind, normalise, Entry, Lexicon, LexiconError};
use super::parsed::FileLexicons;
use std::collections::BTreeMap;

/// Removes LIWC2007 conditional assignments such as `(02 134)125/464` from
/// the category part of a line; returns the rest and the removed pieces.
fn strip_conditionals(refs: &str) -> (String, Vec<String>) {
    let mut rest = String::new();
    let mut removed = Vec::new();
    let mut chars = refs.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '(' {
            // Up to the closing parenthesis, then the word glued to it.
            let mut end = refs.len();
            let mut closed = false;
            for (j, d) in chars.by_ref() {
                if !closed && d == ')' {
                    closed = true;
                    continue;
                }
                if closed && d.is_whitespace() {
                    end = j;
                    break;
                }
            }
            removed.push(refs[i..end].trim().to_string());
            rest.push(' ');
        } else {
            rest.push(c);
        }
    }
    // A lone `125/464` without a condition is conditional too.
    let mut kept = Vec::new();
    for tok in rest.split_whitespace() {
        if tok.contains('/') {
            removed.push(tok.to_string());
        } else {
            kept.push(tok);
        }
    }
    (kept.join(" "), removed)
}

/// Parses the text of a `.dic` file; `file` names it in messages.
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
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l.trim()));
    // The header: `%`, then `number name` lines, then `%`.
    let mut opened = false;
    for (no, line) in lines.by_ref() {
        if line.is_empty() {
            continue;
        }
        if line.starts_with('%') {
            opened = true;
        } else {
            errors.push(at(
                Some(no),
                "a LIWC .dic file must start with a line holding only `%`, followed by the \
                 category lines (`1 posemo`) and another `%` line"
                    .into(),
            ));
        }
        break;
    }
    if !opened {
        if errors.is_empty() {
            errors.push(at(None, "the file is empty".into()));
        }
        return Err(errors);
    }
    // number -> (name, line); names in header order.
    let mut numbers: BTreeMap<String, usize> = BTreeMap::new();
    let mut cats: Vec<(String, String, usize)> = Vec::new(); // (number, name, line)
    let mut closed = false;
    for (no, line) in lines.by_ref() {
        if line.is_empty() {
            continue;
        }
        if line.starts_with('%') {
            closed = true;
            break;
        }
        let mut parts = line.split_whitespace();
        let (num, raw_name) = (parts.next().unwrap_or(""), parts.next());
        let Some(raw_name) = raw_name.filter(|_| num.chars().all(|c| c.is_ascii_digit())) else {
            errors.push(at(
                Some(no),
                format!(
                    "`{line}` is not a category line: the header needs a number and a name, \
                     like `1 posemo` (is the closing `%` line missing?)"
                ),
            ));
            continue;
        };
        // "01" and "1" are the same category number.
        let key = num.trim_start_matches('0').to_string();
        let name = match category_name(raw_name) {
            Ok(n) => n,
            Err(m) => {
                errors.push(at(Some(no), m));
                continue;
            }
        };
        if let Some(&first) = numbers.get(&key) {
            errors.push(at(
                Some(no),
                format!("category number {num} given twice (first on line {first})"),
            ));
            continue;
        }
        if let Some((_, _, first)) = cats.iter().find(|(_, n, _)| *n == name) {
            errors.push(at(
                Some(no),
                format!("category name `{name}` given twice (first on line {first})"),
            ));
            continue;
        }
        numbers.insert(key.clone(), no);
        cats.push((key, name, no));
    }
    if !closed {
        errors.push(at(
            None,
            "the category header is not closed: add a line holding only `%` after the \
             category lines"
                .into(),
        ));
        return Err(errors);
    }
    if cats.is_empty() && errors.is_empty() {
        errors.push(at(None, "the header lists no categories".into()));
    }
    let index: BTreeMap<&str, usize> = cats
        .iter()
        .enumerate()
        .map(|(i, (n, _, _))| (n.as_str(), i))
        .collect();
    let mut entries: Vec<Vec<Entry>> = vec![Vec::new(); cats.len()];
    let mut seen: Vec<BTreeMap<String, usize>> = vec![BTreeMap::new(); cats.len()];
    for (no, line) in lines {
        if line.is_empty() {
            continue;
        }
        // Tab-separated when tabs are used (phrases may contain spaces);
        // otherwise the trailing numbers are the categories.
        let (word, refs) = match line.split_once('\t') {
            Some((w, r)) => (w.trim().to_string(), r.to_string()),
            None => {
                let toks: Vec<&str> = line.split_whitespace().collect();
                let k = toks
                    .iter()
                    .rposition(|t| !t.chars().all(|c| c.is_ascii_digit()))
                    .map_or(0, |p| p + 1);
                (toks[..k].join(" "), toks[k..].join(" "))
            }
        };
        let (refs, conditional) = strip_conditionals(&refs);
        if !conditional.is_empty() {
            warnings.push(at(
                Some(no),
                format!(
                    "conditional category assignment {} of `{word}` is not supported and was \
                     left out",
                    conditional
                        .iter()
                        .map(|c| format!("`{c}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
        let text = normalise(&word.split_whitespace().collect::<Vec<_>>().join(" "));
        if text.is_empty() {
            errors.push(at(
                Some(no),
                format!("`{line}` has no entry before its category numbers"),
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
        let mut targets: Vec<usize> = Vec::new();
        let mut bad = false;
        for r in refs.split_whitespace() {
            match index.get(r.trim_start_matches('0')) {
                Some(&c) if r.chars().all(|c| c.is_ascii_digit()) => {
                    if !targets.contains(&c) {
                        targets.push(c)
                    }
                }
                _ => {
                    bad = true;
                    errors.push(at(
                        Some(no),
                        if r.chars().all(|c| c.is_ascii_digit()) {
                            format!("`{text}`: category number {r} is not in the header")
                        } else {
                            format!("`{text}`: `{r}` is not a category number")
                        },
                    ));
                }
            }
        }
        if bad {
            continue;
        }
        if targets.is_empty() {
            if conditional.is_empty() {
                errors.push(at(
                    Some(no),
                    format!("`{text}` has no category number after it"),
                ));
            }
            continue;
        }
        for c in targets {
            if let Some(first) = seen[c].get(&text) {
                warnings.push(at(
                    Some(no),
                    format!(
                        "duplicate entry `{text}` in category `{}` (first on line {first}); \
                         counted once",
                        cats[c].1
                    ),
                ));
                continue;
            }
            seen[c].insert(text.clone(), no);
            entries[c].push(Entry::plain(text.clone(), kind.clone(), 1.0, no));
        }
    }
    let mut lexicons = Vec::new();
    for ((num, name, line), entries) in cats.into_iter().zip(entries) {
        if entries.is_empty() {
            warnings.push(at(
                Some(line),
                format!("category `{name}` has no entries and was left out"),
            ));
            continue;
        }
        lexicons.push(Lexicon {
            description: format!("LIWC dictionary category `{name}` (number {num})"),
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

    fn ok(text: &str) -> FileLexicons {
        match parse(text, "d.dic") {
            Ok(f) => f,
            Err(e) => panic!("{e:?}"),
        }
    }

    fn errs(text: &str) -> Vec<String> {
        parse(text, "d.dic")
            .expect_err("should fail")
            .iter()
            .map(|e| e.to_string())
            .collect()
    }

    #[test]
    fn categories_entries_wildcards_phrases() {
        let f = ok("%\n1\tposemo\n02\tnegemo\n%\nhappy\t1\nhate*\t2\nkind of\t1 2\nbitter 2\n");
        let names: Vec<&str> = f.lexicons.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["posemo", "negemo"]);
        let pos: Vec<(&str, usize)> = f.lexicons[0]
            .entries
            .iter()
            .map(|e| (e.text.as_str(), e.line))
            .collect();
        assert_eq!(pos, [("happy", 5), ("kind of", 7)]);
        let neg = &f.lexicons[1].entries;
        assert_eq!(neg[0].kind, EntryKind::Prefix("hate".into()));
        assert_eq!(neg[2].text, "bitter");
        assert!(f.warnings.is_empty());
        assert_eq!(f.lexicons[0].file, "d.dic");
    }

    #[test]
    fn conditional_assignments_are_left_out_with_a_warning() {
        let f = ok("%\n1\ta\n2\tb\n3\tc\n%\nlike\t(02 134)1/3\t(02 134)2\t3\n");
        assert_eq!(f.lexicons.len(), 1);
        assert_eq!(f.lexicons[0].name, "c");
        assert_eq!(f.warnings.len(), 3, "{:?}", f.warnings); // the condition; a and b empty
        assert!(
            f.warnings[0]
                .to_string()
                .starts_with("d.dic:6: conditional"),
            "{}",
            f.warnings[0]
        );
    }

    #[test]
    fn duplicates_are_warnings() {
        let f = ok("%\n1 a\n%\nfoo 1\nFoo 1\n");
        assert_eq!(f.lexicons[0].entries.len(), 1);
        assert!(f.warnings[0].message.contains("duplicate entry `foo`"));
        assert_eq!(f.warnings[0].line, Some(5));
    }

    #[test]
    fn every_error_with_its_line() {
        let e = errs("1 a\n");
        assert!(
            e[0].starts_with("d.dic:1: a LIWC .dic file must start"),
            "{e:?}"
        );
        let e = errs("%\n1 a\n");
        assert!(e[0].contains("not closed"), "{e:?}");
        let e = errs("%\n1 a\nfoo\n%\n");
        assert!(
            e[0].starts_with("d.dic:3: `foo` is not a category line"),
            "{e:?}"
        );
        let e = errs("%\n1 a\n1 b\n2 a\n3 bad/name\n%\nx 1\n");
        assert_eq!(e.len(), 3, "{e:?}");
        assert!(e[0].contains("d.dic:3: category number 1 given twice (first on line 2)"));
        assert!(e[1].contains("d.dic:4: category name `a` given twice"));
        assert!(e[2].contains("d.dic:5: category name `bad/name` contains `/`"));
        let e = errs("%\n1 a\n%\nfoo 7\nbar\nte*rror 1\nin* 1\nbaz\tx\n");
        assert_eq!(e.len(), 5, "{e:?}");
        assert!(e[0].contains("d.dic:4: `foo`: category number 7 is not in the header"));
        assert!(e[1].contains("d.dic:5: `bar` has no category number"));
        assert!(e[2].contains("d.dic:6:") && e[2].contains("at the end of a single word"));
        assert!(e[3].contains("d.dic:7:") && e[3].contains("too short"));
        assert!(e[4].contains("d.dic:8: `baz`: `x` is not a category number"));
        assert!(errs("")[0].contains("empty"));
    }

    #[test]
    fn empty_category_is_dropped_with_warning() {
        let f = ok("%\n1 a\n2 b\n%\nfoo 1\n");
        assert_eq!(f.lexicons.len(), 1);
        assert!(f.warnings[0].message.contains("`b` has no entries"));
        assert_eq!(f.warnings[0].line, Some(3));
    }
}
