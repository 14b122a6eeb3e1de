//! frame's own plain-text lexicon format, which a non-programmer can edit.
//!
//! A file starts with `# key: value` header lines (`name`, `description`,
//! `rationale`, `source`), then has one entry per line: a word (matched by
//! stem by the scorer), a prefix wildcard ending in `*`, or a multi-word
//! phrase, optionally followed by a weight. Lines starting with `#` after the
//! header are comments, and ` #` starts a comment at the end of an entry line.
//! See `lexicons/README.md` for the user-facing description.
//!
//! The parser reports every problem in a file at once (each with
//! `file:line`), so a user fixing a lexicon does not have to rerun once per
//! mistake.

use super::entry::{
    check_weight, has_gap, looks_numeric, parse_entry, split_excluded, unify_line_endings, Entry,
    Lexicon, LexiconError,
};
use std::path::Path;

/// Header keys a lexicon file may use.
pub const HEADER_KEYS: [&str; 4] = ["name", "description", "rationale", "source"];

/// If `line` looks like a header line (`# key: value`, key a single word of
/// letters or `_`), returns the lower-cased key and the trimmed value.
fn header_parts(line: &str) -> Option<(String, &str)> {
    let rest = line.strip_prefix('#')?.trim_start();
    let (key, value) = rest.split_once(':')?;
    let key = key.trim_end();
    if key.is_empty() || !key.chars().all(|c| c.is_alphabetic() || c == '_') {
        return None;
    }
    Some((key.to_lowercase(), value.trim()))
}

/// Parses the text of one lexicon file. `file` is used in error messages and
/// stored in the result; `name` is the category name (the file stem).
/// Returns every error found, in line order, rather than stopping at the first.
pub fn parse(text: &str, file: &str, name: &str) -> Result<Lexicon, Vec<LexiconError>> {
    let (lx, errors) = parse_lenient(text, file, name);
    if errors.is_empty() {
        Ok(lx)
    } else {
        Err(errors)
    }
}

/// [`parse`] that always returns the category with every entry that parsed,
/// beside the errors (in line order), so that `frame lexicon check` can also
/// lint the good entries of a file with mistakes and report everything in
/// one pass.
pub fn parse_lenient(text: &str, file: &str, name: &str) -> (Lexicon, Vec<LexiconError>) {
    let (lx, mut errors, missing) = parse_list(text, file, name);
    errors.extend(missing);
    errors.sort_by_key(|e| e.line);
    (lx, errors)
}

/// [`parse_lenient`] with the missing `# description:` header line apart
/// from the other errors: a run reads a plain word list (a `.txt` file
/// without the header) with a warning ([`no_description_warning`]), while
/// `frame lexicon check` and the strict [`parse`] still report it.
pub fn parse_list(
    text: &str,
    file: &str,
    name: &str,
) -> (Lexicon, Vec<LexiconError>, Option<LexiconError>) {
    let text = unify_line_endings(text);
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let mut errors: Vec<LexiconError> = Vec::new();
    let err = |line: Option<usize>, message: String| LexiconError {
        file: file.to_string(),
        line,
        message,
    };

    let mut description: Option<(String, usize)> = None;
    let mut declared_name: Option<usize> = None;
    let mut rationale: Vec<String> = Vec::new();
    let mut sources: Vec<String> = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    // Normalised entry text -> line it first appeared on.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut in_header = true;
    // Where a missing description is reported: the line that ended the header.
    let mut header_end: Option<usize> = None;

    for (idx, raw) in text.lines().enumerate() {
        let lineno = idx + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if line.starts_with('#') {
            let parts = header_parts(line);
            if in_header {
                if let Some((key, value)) = parts {
                    match key.as_str() {
                        "name" => {
                            if let Some(first) = declared_name {
                                errors.push(err(
                                    Some(lineno),
                                    format!("`# name:` given twice (first on line {first})"),
                                ));
                            } else {
                                declared_name = Some(lineno);
                                if value != name {
                                    errors.push(err(
                                        Some(lineno),
                                        format!(
                                            "`# name: {value}` differs from the file name `{name}`; \
                                             the category is always named after its file, so \
                                             rename the file or fix or delete this line"
                                        ),
                                    ));
                                }
                            }
                        }
                        "description" => {
                            if let Some((_, first)) = &description {
                                errors.push(err(
                                    Some(lineno),
                                    format!("`# description:` given twice (first on line {first})"),
                                ));
                            } else if value.is_empty() {
                                errors.push(err(Some(lineno), "the description is empty".into()));
                            } else {
                                description = Some((value.to_string(), lineno));
                            }
                        }
                        "rationale" => {
                            if !value.is_empty() {
                                rationale.push(value.to_string());
                            }
                        }
                        "source" => {
                            if !value.is_empty() {
                                sources.push(value.to_string());
                            }
                        }
                        other => errors.push(err(
                            Some(lineno),
                            format!(
                                "unknown header key `{other}` (allowed: {}); to write a comment \
                                 instead, do not put a colon after its first word",
                                HEADER_KEYS.join(", ")
                            ),
                        )),
                    }
                    continue;
                }
                // The first `#` line that is not `# key: value` ends the header.
                in_header = false;
                header_end.get_or_insert(lineno);
            } else if let Some((key, _)) = parts {
                // A known header key after the header has ended would be
                // silently ignored, which is almost certainly not what was meant.
                if HEADER_KEYS.contains(&key.as_str()) {
                    errors.push(err(
                        Some(lineno),
                        format!(
                            "`# {key}:` line after the header has ended; move it up to the \
                             header lines at the top of the file"
                        ),
                    ));
                }
            }
            continue;
        }
        in_header = false;
        header_end.get_or_insert(lineno);

        // An entry line; ` #` starts an end-of-line comment.
        let content = match line.find(" #").or_else(|| line.find("\t#")) {
            Some(pos) => line[..pos].trim_end(),
            None => line,
        };
        let all: Vec<&str> = content.split_whitespace().collect();
        // Excluded phrases (`!safe seat`) come after the entry and its weight.
        let (head, excluded) = split_excluded(&all);
        let mut fields: Vec<&str> = head.to_vec();
        let mut weight = 1.0;
        if let Some(last) = fields.last().copied() {
            if looks_numeric(last) {
                if fields.len() == 1 {
                    errors.push(err(
                        Some(lineno),
                        format!(
                            "`{last}` is only a number; an entry needs a word or phrase \
                             (a weight goes after it, like `stab 1.5`)"
                        ),
                    ));
                    continue;
                }
                fields.pop();
                // looks_numeric guarantees the parse succeeds for finite input.
                match check_weight(last) {
                    Ok(w) => weight = w,
                    Err(message) => {
                        errors.push(err(Some(lineno), message));
                        continue;
                    }
                }
            }
        }
        let (text, kind, excluded) = match parse_entry(&fields, excluded) {
            Ok(parts) => parts,
            Err(message) => {
                errors.push(err(Some(lineno), message));
                continue;
            }
        };
        let entry = Entry {
            gap: has_gap(&text),
            text,
            kind,
            weight,
            line: lineno,
            excluded,
        };
        let key = entry.key();
        if let Some(first) = seen.get(&key) {
            // Two lines of one entry are most likely its excluded phrases split up.
            let hint = if entry.excluded.is_empty() {
                ""
            } else {
                "; an entry's excluded phrases all go on its one line"
            };
            errors.push(err(
                Some(lineno),
                format!("duplicate entry `{key}` (first on line {first}){hint}"),
            ));
            continue;
        }
        seen.insert(key, lineno);
        entries.push(entry);
    }

    let missing = description.is_none().then(|| {
        err(
            // An empty file has no line to point at.
            header_end.or_else(|| text.lines().next().map(|_| 1)),
            "missing `# description:` header line (one line saying what the category \
             means, among the `# key: value` lines at the top of the file, before this line)"
                .into(),
        )
    });
    if entries.is_empty() {
        errors.push(err(None, "the file has no entries".into()));
    }
    errors.sort_by_key(|e| e.line);
    let lx = Lexicon {
        name: name.to_string(),
        description: description.map(|(d, _)| d).unwrap_or_default(),
        rationale: rationale.join(" "),
        sources,
        file: file.to_string(),
        entries,
    };
    (lx, errors, missing)
}

/// The warning a run gives for a `.txt` lexicon without a `# description:`
/// line (`missing`, from [`parse_list`]): it is read as a plain word list,
/// named after its file, and the report has no description of it.
pub fn no_description_warning(missing: LexiconError, name: &str) -> LexiconError {
    LexiconError {
        message: format!(
            "missing `# description:` header line, so frame reads the file as a plain word \
             list: the category is `{name}` (from the file's name) and the report shows no \
             description of it; to give one, add a first line `# description: ` followed by \
             what the category means (lexicons/README.md)"
        ),
        ..missing
    }
}

/// Reads and parses one lexicon file; the category name is the file stem.
pub fn load_file(path: &Path) -> Result<Lexicon, Vec<LexiconError>> {
    let file = path.display().to_string();
    let one = |line: Option<usize>, message: String| {
        vec![LexiconError {
            file: file.clone(),
            line,
            message,
        }]
    };
    let bytes = crate::input::limits::read_file(path).map_err(|e| {
        one(
            None,
            format!("cannot read file: {}", crate::input::limits::io_reason(&e)),
        )
    })?;
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => {
            let ok = e.valid_up_to();
            let line = bytes[..ok].iter().filter(|&&b| b == b'\n').count() + 1;
            return Err(one(
                Some(line),
                format!(
                    "the file is not valid UTF-8 (bad byte at offset {ok}); save it as UTF-8 \
                     in your text editor"
                ),
            ));
        }
    };
    let name = match path.file_stem().and_then(|s| s.to_str()) {
        Some(s) if !s.is_empty() => s.to_string(),
        _ => {
            return Err(one(
                None,
                "cannot take a category name from this file name".into(),
            ))
        }
    };
    parse(text, &file, &name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::builtin::{builtin, BUILTIN_NAMES, BUILTIN_TEXTS};
    use crate::lexicon::entry::*;

    const HEAD: &str = "# description: test category\n";

    fn p(body: &str) -> Result<Lexicon, Vec<LexiconError>> {
        parse(&format!("{HEAD}{body}"), "t.txt", "t")
    }

    /// Parses and expects exactly one error; returns it.
    fn one_err(text: &str) -> LexiconError {
        let errs = parse(text, "t.txt", "t").expect_err("should fail");
        assert_eq!(errs.len(), 1, "{errs:?}");
        errs.into_iter().next().unwrap()
    }

    #[test]
    fn parses_header_entries_weights_and_kinds() {
        let text = "\u{FEFF}# name: t\n# description: Danger words\n# rationale: one\n\
                    # rationale: two\n# source: A (2000)\n# source: B (2001)\n\n\
                    # --- group ---\nAttack\nthreat*\nno-go area\nstab 1.5\n  knife   crime  2 # strong\n\
                    Don’t panic\n";
        let lx = parse(text, "t.txt", "t").unwrap();
        assert_eq!(lx.name, "t");
        assert_eq!(lx.description, "Danger words");
        assert_eq!(lx.rationale, "one two");
        assert_eq!(lx.sources, vec!["A (2000)", "B (2001)"]);
        let got: Vec<(&str, &EntryKind, f64, usize)> = lx
            .entries
            .iter()
            .map(|e| (e.text.as_str(), &e.kind, e.weight, e.line))
            .collect();
        let pre = EntryKind::Prefix("threat".into());
        assert_eq!(
            got,
            vec![
                ("attack", &EntryKind::Term, 1.0, 9),
                ("threat*", &pre, 1.0, 10),
                ("no-go area", &EntryKind::Term, 1.0, 11),
                ("stab", &EntryKind::Term, 1.5, 12),
                ("knife crime", &EntryKind::Term, 2.0, 13),
                ("don't panic", &EntryKind::Term, 1.0, 14),
            ]
        );
        assert_eq!(lx.info().entries, 6);
    }

    #[test]
    fn word_like_numbers_are_entries_not_weights() {
        let lx = p("nan\ninf\ngrand nan\n").unwrap();
        assert!(lx.entries.iter().all(|e| e.weight == 1.0));
        assert_eq!(lx.entries[2].text, "grand nan");
    }

    #[test]
    fn crlf_line_endings() {
        let lx = parse("# description: d\r\nfoo\r\nbar 2\r\n", "t.txt", "t").unwrap();
        assert_eq!(lx.entries[1].text, "bar");
        assert_eq!(lx.entries[1].weight, 2.0);
    }

    #[test]
    fn reports_every_error() {
        let errs = parse("# colour: x\nfoo 9\nfoo\nfoo\n*\n", "t.txt", "t").unwrap_err();
        // unknown key, weight, duplicate, empty wildcard, missing description.
        assert_eq!(errs.len(), 5, "{errs:?}");
        assert_eq!(errs[0].line, Some(1));
        // The missing description is reported where the header ended.
        assert!(errs
            .iter()
            .any(|e| e.line == Some(2) && e.message.contains("missing `# description:`")));
    }

    #[test]
    fn display_has_file_and_line() {
        let e = one_err("# description: d\nfoo\nx*y\n");
        assert!(e.to_string().starts_with("t.txt:3: "), "{e}");
        let e = LexiconError {
            file: "f".into(),
            line: None,
            message: "m".into(),
        };
        assert_eq!(e.to_string(), "f: m");
    }

    #[test]
    fn err_unknown_header_key() {
        let e = one_err("# description: d\n# colour: red\nfoo\n");
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("unknown header key `colour`"), "{e}");
    }

    #[test]
    fn err_header_key_after_header() {
        let e = one_err("# description: d\nfoo\n# source: late\n");
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("after the header has ended"), "{e}");
        // A comment that merely contains a colon later on is fine.
        assert!(p("foo\n# note: fine here\n").is_ok());
    }

    #[test]
    fn err_name_differs_from_stem() {
        let e = one_err("# name: other\n# description: d\nfoo\n");
        assert_eq!(e.line, Some(1));
        assert!(e.message.contains("differs from the file name `t`"), "{e}");
        assert!(parse("# name: t\n# description: d\nfoo\n", "t.txt", "t").is_ok());
    }

    #[test]
    fn err_name_twice() {
        let e = one_err("# name: t\n# name: t\n# description: d\nfoo\n");
        assert!(
            e.message
                .contains("`# name:` given twice (first on line 1)"),
            "{e}"
        );
    }

    #[test]
    fn err_missing_description() {
        let e = one_err("# name: t\nfoo\n");
        assert_eq!(e.line, Some(2));
        let e = one_err("# name: t\n#\n# a comment\nfoo\n");
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("missing `# description:`"), "{e}");
        // A description that appears only after the header ended does not count.
        let errs = parse("foo\n# description: late\n", "t.txt", "t").unwrap_err();
        assert_eq!(errs.len(), 2);
    }

    #[test]
    fn err_empty_description() {
        let errs = parse("# description:\nfoo\n", "t.txt", "t").unwrap_err();
        assert!(errs[0].message.contains("description is empty"));
        assert_eq!(errs[0].line, Some(1));
    }

    #[test]
    fn err_description_twice() {
        let e = one_err("# description: a\n# description: b\nfoo\n");
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("given twice (first on line 1)"), "{e}");
    }

    #[test]
    fn err_star_not_at_end() {
        let e = one_err("# description: d\nfoo\nte*rror\n");
        assert_eq!(e.line, Some(3));
        assert!(
            e.message.contains("`*` may only appear once, at the end"),
            "{e}"
        );
        let e = one_err("# description: d\nfoo\nterror**\n");
        assert!(e.message.contains("may only appear once"), "{e}");
    }

    #[test]
    fn err_wildcard_on_phrase() {
        let e = one_err("# description: d\nfoo\nknife crim*\n");
        assert!(
            e.message.contains("cannot be used in a multi-word phrase"),
            "{e}"
        );
    }

    #[test]
    fn err_empty_wildcard() {
        let e = one_err("# description: d\nfoo\n*\n");
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("empty wildcard"), "{e}");
    }

    #[test]
    fn err_short_wildcard() {
        let e = one_err("# description: d\nfoo\nin*\n");
        assert!(e.message.contains("wildcard `in*` is too short"), "{e}");
        assert!(p("ter*\n").is_ok());
    }

    #[test]
    fn err_damaged_character() {
        // A damaged word never matches in an article, so an entry holding
        // one would silently lose it ("fianna f\u{FFFD}il" matching "fianna").
        for bad in [
            "fianna f\u{FFFD}il",
            "=d\u{FFFD}il",
            "\u{FFFD}ire*",
            "safe !safe s\u{FFFD}at",
        ] {
            let e = one_err(&format!("# description: d\nfoo\n{bad}\n"));
            assert_eq!(e.line, Some(3), "{bad}");
            assert!(
                e.message.contains("damaged character (U+FFFD"),
                "{bad}: {e}"
            );
        }
    }

    #[test]
    fn err_weight_out_of_range() {
        for bad in ["0", "-1", "5.5", "0.0"] {
            let e = one_err(&format!("# description: d\nfoo\nstab {bad}\n"));
            assert!(e.message.contains("out of range"), "{bad}: {e}");
        }
        assert_eq!(p("stab 5\n").unwrap().entries[0].weight, 5.0);
        assert_eq!(p("stab .5\n").unwrap().entries[0].weight, 0.5);
    }

    #[test]
    fn err_number_only_entry() {
        let e = one_err("# description: d\nfoo\n2.5\n");
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("only a number"), "{e}");
    }

    #[test]
    fn err_duplicate_entry() {
        // Case, spacing and apostrophe style do not make entries different.
        let e = one_err("# description: d\nDon’t  panic\nfoo\ndon't panic 2\n");
        assert_eq!(e.line, Some(4));
        assert!(
            e.message
                .contains("duplicate entry `don't panic` (first on line 2)"),
            "{e}"
        );
    }

    #[test]
    fn err_no_entries() {
        let e = one_err("# description: d\n\n# just a comment\n");
        assert_eq!(e.line, None);
        assert!(e.message.contains("no entries"), "{e}");
    }

    #[test]
    fn err_invalid_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.txt");
        std::fs::write(&path, b"# description: d\nfoo\nba\xffr\n").unwrap();
        let errs = load_file(&path).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].line, Some(3));
        assert!(errs[0].message.contains("not valid UTF-8"));
        assert!(errs[0].to_string().contains("bad.txt:3:"), "{}", errs[0]);
    }

    #[test]
    fn load_file_uses_stem_and_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fear.txt");
        std::fs::write(&path, "# name: fear\n# description: d\nfoo\n").unwrap();
        let lx = load_file(&path).unwrap();
        assert_eq!(lx.name, "fear");
        assert_eq!(lx.file, path.display().to_string());
        let missing = load_file(&dir.path().join("nope.txt")).unwrap_err();
        assert!(missing[0].message.contains("cannot read"));
    }

    #[test]
    fn builtins_parse_in_order_with_enough_entries() {
        for (name, text) in BUILTIN_NAMES.iter().zip(BUILTIN_TEXTS.iter()) {
            let file = format!("lexicons/{name}.txt");
            let lx = match parse(text, &file, name) {
                Ok(lx) => lx,
                Err(errs) => panic!("{errs:?}"),
            };
            assert!(lx.entries.len() >= 150, "{name}: {}", lx.entries.len());
            assert!(!lx.sources.is_empty(), "{name} has no sources");
            assert!(!lx.rationale.is_empty(), "{name} has no rationale");
        }
        let names: Vec<String> = builtin().into_iter().map(|l| l.name).collect();
        assert_eq!(names, BUILTIN_NAMES);
    }

    /// Stems each word of a term entry the way the scorer will (Snowball English).
    fn stems(text: &str) -> Vec<String> {
        let st = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        text.split_whitespace()
            .map(|w| st.stem(w).into_owned())
            .collect()
    }

    #[test]
    fn builtins_have_no_redundant_entries() {
        // Within one file, two entries with the same stems, a word already
        // covered by a wildcard, or a phrase containing a word that is itself
        // an entry would let one word in an article count twice (or make the
        // phrase pointless). Collects every problem so one run shows them all.
        let mut problems = Vec::new();
        for lx in builtin() {
            let prefixes: Vec<&str> = lx
                .entries
                .iter()
                .filter_map(|e| match &e.kind {
                    EntryKind::Prefix(p) => Some(p.as_str()),
                    EntryKind::Term | EntryKind::Exact => None,
                })
                .collect();
            let words: std::collections::HashMap<String, &str> = lx
                .entries
                .iter()
                .filter(|e| e.kind == EntryKind::Term && !e.text.contains(' '))
                .map(|e| (stems(&e.text).remove(0), e.text.as_str()))
                .collect();
            let mut seen = std::collections::HashMap::new();
            for e in lx.entries.iter().filter(|e| e.kind == EntryKind::Term) {
                if let Some(first) = seen.insert(stems(&e.text), &e.text) {
                    problems.push(format!(
                        "{}: `{first}` and `{}` share stems",
                        lx.name, e.text
                    ));
                }
                let phrase = e.text.contains(' ');
                for (w, s) in e.text.split_whitespace().zip(stems(&e.text)) {
                    if let Some(p) = prefixes.iter().find(|p| w.starts_with(**p)) {
                        problems.push(format!("{}: `{}` is matched by `{p}*`", lx.name, e.text));
                    }
                    if phrase {
                        if let Some(word) = words.get(&s) {
                            problems
                                .push(format!("{}: `{}` contains entry `{word}`", lx.name, e.text));
                        }
                    }
                }
            }
        }
        assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    }

    #[test]
    fn threat_and_reassurance_do_not_share_words() {
        let b = builtin();
        let words = |lx: &Lexicon| -> std::collections::HashSet<Vec<String>> {
            lx.entries
                .iter()
                .filter(|e| e.kind == EntryKind::Term)
                .map(|e| stems(&e.text))
                .collect()
        };
        let (t, r) = (words(&b[0]), words(&b[1]));
        let shared: Vec<_> = t.intersection(&r).collect();
        assert!(shared.is_empty(), "{shared:?}");
    }

    /// Prints every entry's stems for a human check of stem collisions:
    /// `cargo test --lib lexicon::txt::tests::dump_stems -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn dump_stems() {
        for lx in builtin() {
            for e in &lx.entries {
                println!("{}\t{}\t{:?}", lx.name, e.text, stems(&e.text));
            }
        }
    }

    #[test]
    fn parses_exact_entries_and_excluded_phrases() {
        let lx = p(
            "=memorial\n=Big  Brother\nsafe 1.5 !safe seat !safe haven !play it  safe # why\n\
                    terror* !war on terror\n= covid\nattacking ! attacking midfield\n",
        )
        .unwrap();
        let got: Vec<(&str, &EntryKind, f64, Vec<&str>)> = lx
            .entries
            .iter()
            .map(|e| {
                let x = e.excluded.iter().map(String::as_str).collect();
                (e.text.as_str(), &e.kind, e.weight, x)
            })
            .collect();
        let pre = EntryKind::Prefix("terror".into());
        assert_eq!(
            got,
            vec![
                ("memorial", &EntryKind::Exact, 1.0, vec![]),
                ("big brother", &EntryKind::Exact, 1.0, vec![]),
                (
                    "safe",
                    &EntryKind::Term,
                    1.5,
                    vec!["safe seat", "safe haven", "play it safe"]
                ),
                ("terror*", &pre, 1.0, vec!["war on terror"]),
                ("covid", &EntryKind::Exact, 1.0, vec![]),
                (
                    "attacking",
                    &EntryKind::Term,
                    1.0,
                    vec!["attacking midfield"]
                ),
            ]
        );
        assert_eq!(lx.entries[0].key(), "=memorial");
        assert_eq!(
            lx.entries[2].excluded_suffix(),
            " !safe seat !safe haven !play it safe"
        );
        // The excluded phrase is matched by stem, so it may use another form.
        assert_eq!(p("attack !attacking midfield\n").unwrap().entries.len(), 1);
        // An exact and a stem entry of one word are different entries.
        assert_eq!(p("memorial\n=memorial\n").unwrap().entries.len(), 2);
    }

    #[test]
    fn gaps_stand_between_the_words_of_a_phrase_once() {
        let lx = p("keep ... safe\n=no ... were hurt 2\nu.s. troops\n").unwrap();
        let got: Vec<(&str, bool, &EntryKind)> = lx
            .entries
            .iter()
            .map(|e| (e.text.as_str(), e.gap, &e.kind))
            .collect();
        assert_eq!(
            got,
            vec![
                ("keep ... safe", true, &EntryKind::Term),
                ("no ... were hurt", true, &EntryKind::Exact),
                ("u.s. troops", false, &EntryKind::Term),
            ]
        );
        let errs = p(
            "ok\n... safe\nkeep ...\nkeep ... them ... safe\nkeep...safe\nkeep \u{2026} safe\n\
             keep ... safe !keep it safe\nsafe !keep ... safe\n- ... were hurt\n",
        )
        .unwrap_err();
        let got: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        let want = [
            "t.txt:3: `... safe`: a gap (`...`) goes between two words",
            "t.txt:4: `keep ...`: a gap (`...`) goes between two words",
            "t.txt:5: `keep ... them ... safe` has 2 gaps",
            "t.txt:6: `keep...safe`: a gap is written `...`",
            "t.txt:7: `keep \u{2026} safe`: a gap is written `...`",
            "t.txt:8: `keep ... safe`: an entry with a gap (`...`) cannot have excluded",
            "t.txt:9: `!keep ... safe`: an excluded phrase is plain words",
            "t.txt:10: `- ... were hurt`: each side of the gap (`...`) needs a word",
        ];
        assert_eq!(got.len(), want.len(), "{got:#?}");
        for (g, w) in got.iter().zip(want) {
            assert!(g.starts_with(w), "{g}\n  should start with\n{w}");
        }
    }

    #[test]
    fn sense_errors_name_their_lines() {
        let errs = p(
            "ok\n=\n=terror*\nsafe !\nvirus !computer virus !\nsafe !safe\n\
                      virus !computer worm\n!safe seat\nfire !open =fire\nsafe !safe*  seat\n\
                      risk\nrisk !high risk\n",
        )
        .unwrap_err();
        let got: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        let want = [
            "t.txt:3: `=` on its own",
            "t.txt:4: `=terror*`: an exact entry (`=`) cannot have a wildcard",
            "t.txt:5: `safe`: `!` with no phrase after it",
            "t.txt:6: `virus`: `!` with no phrase after it",
            "t.txt:7: `!safe` is the entry itself",
            "t.txt:8: `!computer worm` does not contain the entry `virus`",
            "t.txt:9: `!safe seat` has no entry before the `!`",
            "t.txt:10: `!open =fire`: an excluded phrase is plain words",
            "t.txt:11: `!safe* seat`: an excluded phrase is plain words",
            "t.txt:13: duplicate entry `risk` (first on line 12); an entry's excluded",
        ];
        assert_eq!(got.len(), want.len(), "{got:#?}");
        for (g, w) in got.iter().zip(want) {
            assert!(g.starts_with(w), "{g}\n  should start with\n{w}");
        }
    }
}
