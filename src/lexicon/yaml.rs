//! quanteda-style YAML dictionaries (`quanteda::dictionary(file = ..., format
//! = "YAML")`): each key is a category and holds a list of entries; a key
//! holding further keys nests, and nested keys become `parent.child`
//! categories, as in quanteda.
//!
//! ```yaml
//! threat:
//!   - danger*
//!   - knife crime
//! economy:
//!   positive: [growth, recover*]
//!   negative:
//!     - recession
//! ```
//!
//! Parsing uses `yaml-rust2`'s event API, whose markers give every entry its
//! line. quanteda's glob patterns are accepted where frame can match them
//! (`word*`); `?` and a `*` elsewhere are reported.

use super::entry::{
    category_name, has_gap, parse_entry, split_excluded, Entry, Lexicon, LexiconError,
};
use super::parsed::FileLexicons;
use yaml_rust2::parser::{Event, Parser};

/// A YAML value with the line it starts on.
enum Node {
    Scalar(String, usize),
    Seq(Vec<Node>, usize),
    Map(Vec<(String, usize, Node)>, usize),
    Alias(usize),
}

fn line_of(n: &Node) -> usize {
    match n {
        Node::Scalar(_, l) | Node::Seq(_, l) | Node::Map(_, l) | Node::Alias(l) => *l,
    }
}

/// Reads one node whose first event is `first`.
fn node(
    p: &mut Parser<std::str::Chars<'_>>,
    first: (Event, usize),
) -> Result<Node, (usize, String)> {
    let next = |p: &mut Parser<std::str::Chars<'_>>| -> Result<(Event, usize), (usize, String)> {
        p.next_token()
            .map(|(e, m)| (e, m.line()))
            .map_err(|e| (e.marker().line(), e.info().to_string()))
    };
    match first {
        (Event::Scalar(s, ..), l) => Ok(Node::Scalar(s, l)),
        (Event::Alias(_), l) => Ok(Node::Alias(l)),
        (Event::SequenceStart(..), l) => {
            let mut items = Vec::new();
            loop {
                let ev = next(p)?;
                if ev.0 == Event::SequenceEnd {
                    return Ok(Node::Seq(items, l));
                }
                items.push(node(p, ev)?);
            }
        }
        (Event::MappingStart(..), l) => {
            let mut items = Vec::new();
            loop {
                let ev = next(p)?;
                if ev.0 == Event::MappingEnd {
                    return Ok(Node::Map(items, l));
                }
                let kl = ev.1;
                let key = match node(p, ev)? {
                    Node::Scalar(s, _) => s,
                    _ => return Err((kl, "a key must be a plain name".into())),
                };
                let v = next(p)?;
                items.push((key, kl, node(p, v)?));
            }
        }
        (ev, l) => Err((l, format!("unexpected YAML event {ev:?}"))),
    }
}

/// Collects the categories under `map`, named `prefix.key`.
fn walk(
    map: Vec<(String, usize, Node)>,
    prefix: &str,
    file: &str,
    out: &mut Vec<Lexicon>,
    errors: &mut Vec<LexiconError>,
    warnings: &mut Vec<LexiconError>,
) {
    let at = |line: usize, message: String| LexiconError {
        file: file.to_string(),
        line: Some(line),
        message,
    };
    let mut keys: Vec<(String, usize)> = Vec::new();
    for (key, kl, value) in map {
        let name = match category_name(&key) {
            Ok(n) if prefix.is_empty() => n,
            Ok(n) => format!("{prefix}.{n}"),
            Err(m) => {
                errors.push(at(kl, m));
                continue;
            }
        };
        if let Some((_, first)) = keys.iter().find(|(k, _)| *k == name) {
            errors.push(at(
                kl,
                format!("key `{key}` given twice (first on line {first})"),
            ));
            continue;
        }
        keys.push((name.clone(), kl));
        let items = match value {
            Node::Map(m, _) => {
                walk(m, &name, file, out, errors, warnings);
                continue;
            }
            Node::Seq(items, _) => items,
            Node::Scalar(s, l) if s.trim().is_empty() => {
                warnings.push(at(
                    l,
                    format!("category `{name}` has no entries and was left out"),
                ));
                continue;
            }
            s @ Node::Scalar(..) => vec![s],
            Node::Alias(l) => {
                errors.push(at(l, "YAML aliases (`*name`) are not supported".into()));
                continue;
            }
        };
        let mut entries: Vec<Entry> = Vec::new();
        for item in items {
            let Node::Scalar(raw, l) = item else {
                errors.push(at(
                    line_of(&item),
                    format!("`{name}`: a list item must be a word or phrase, not a list or a key"),
                ));
                continue;
            };
            let fields: Vec<&str> = raw.split_whitespace().collect();
            if fields.is_empty() {
                errors.push(at(l, format!("`{name}`: empty entry")));
                continue;
            }
            // The same entry syntax as frame's `.txt`: `=form`, `word !phrase`.
            let (words, excluded) = split_excluded(&fields);
            let entry = match parse_entry(words, excluded) {
                Ok((text, kind, excluded)) => Entry {
                    gap: has_gap(&text),
                    text,
                    kind,
                    weight: 1.0,
                    line: l,
                    excluded,
                },
                Err(m) => {
                    errors.push(at(l, m));
                    continue;
                }
            };
            let key = entry.key();
            if let Some(first) = entries.iter().find(|e| e.key() == key) {
                warnings.push(at(
                    l,
                    format!(
                        "duplicate entry `{key}` in category `{name}` (first on line {}); \
                         counted once",
                        first.line
                    ),
                ));
                continue;
            }
            entries.push(entry);
        }
        if entries.is_empty() {
            warnings.push(at(
                kl,
                format!("category `{name}` has no entries and was left out"),
            ));
            continue;
        }
        out.push(Lexicon {
            description: format!("YAML dictionary category `{name}`"),
            name,
            rationale: String::new(),
            sources: Vec::new(),
            file: file.to_string(),
            entries,
        });
    }
}

/// Parses the text of a YAML dictionary file; `file` names it in messages.
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
    let at = |line: usize, message: String| LexiconError {
        file: file.to_string(),
        line: Some(line),
        message,
    };
    let mut p = Parser::new_from_str(text);
    let mut root = None;
    loop {
        let (ev, m) = match p.next_token() {
            Ok(x) => x,
            Err(e) => {
                return Err(vec![at(
                    e.marker().line(),
                    format!("not valid YAML: {}", e.info()),
                )])
            }
        };
        match ev {
            Event::StreamEnd => break,
            Event::StreamStart | Event::DocumentStart | Event::DocumentEnd | Event::Nothing => {}
            ev if root.is_none() => match node(&mut p, (ev, m.line())) {
                Ok(n) => root = Some(n),
                Err((l, msg)) => return Err(vec![at(l, format!("not valid YAML: {msg}"))]),
            },
            _ => {}
        }
    }
    let map = match root {
        Some(Node::Map(m, _)) => m,
        None => {
            return Err(vec![LexiconError {
                file: file.to_string(),
                line: None,
                message: "the file is empty".into(),
            }])
        }
        Some(other) => {
            return Err(vec![at(
                line_of(&other),
                "a YAML dictionary must be a set of `category:` keys, each holding a list of \
                 entries"
                    .into(),
            )])
        }
    };
    let (mut lexicons, mut errors, mut warnings) = (Vec::new(), Vec::new(), Vec::new());
    walk(map, "", file, &mut lexicons, &mut errors, &mut warnings);
    Ok((FileLexicons { lexicons, warnings }, errors))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::EntryKind;

    #[test]
    fn nested_keys_become_dotted_categories() {
        let text = "# a comment\nthreat:\n  - danger*\n  - 'knife crime'\neconomy:\n  positive: [growth, \"recover*\"]\n  negative:\n  - recession\n  - Slump\n";
        let f = parse(text, "d.yml").unwrap();
        assert!(f.warnings.is_empty(), "{:?}", f.warnings);
        let names: Vec<&str> = f.lexicons.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["threat", "economy.positive", "economy.negative"]);
        let t = &f.lexicons[0].entries;
        assert_eq!(
            (t[0].kind.clone(), t[0].line),
            (EntryKind::Prefix("danger".into()), 3)
        );
        assert_eq!((t[1].text.as_str(), t[1].line), ("knife crime", 4));
        assert_eq!(f.lexicons[1].entries[1].line, 6);
        let neg: Vec<(&str, usize)> = f.lexicons[2]
            .entries
            .iter()
            .map(|e| (e.text.as_str(), e.line))
            .collect();
        assert_eq!(neg, [("recession", 8), ("slump", 9)]);
    }

    #[test]
    fn entries_use_the_txt_sense_syntax() {
        let text =
            "threat:\n  - \"=memorial\"\n  - safe !safe seat !play it safe\n  - \"=big brother\"\n";
        let f = parse(text, "d.yml").unwrap();
        let e = &f.lexicons[0].entries;
        assert_eq!(
            (e[0].text.as_str(), &e[0].kind),
            ("memorial", &EntryKind::Exact)
        );
        assert_eq!(
            (e[1].text.as_str(), e[1].excluded.clone(), e[1].line),
            (
                "safe",
                vec!["safe seat".to_string(), "play it safe".into()],
                3
            )
        );
        assert_eq!(
            (e[2].text.as_str(), &e[2].kind),
            ("big brother", &EntryKind::Exact)
        );
        let errs = parse("threat: [ok, virus !computer worm, \"=\"]\n", "d.yml").unwrap_err();
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert!(errs[0]
            .to_string()
            .starts_with("d.yml:1: `!computer worm` does not contain"));
        assert!(errs[1].to_string().starts_with("d.yml:1: `=` on its own"));
    }

    /// Found by the `lexicon` fuzz target: a lone `\r` is a line break to the
    /// YAML parser, so its error named line 51 of a file of 10 lines as the
    /// other parsers count them. Every format now counts lines alike.
    #[test]
    fn lone_carriage_returns_count_as_lines_in_every_format() {
        let text = "#(name: r\nm\r\r\r\ninvestob\ninvest\nvaluaductiv*\nt\u{10}\u{10}borrowing\n";
        let lines = crate::lexicon::unify_line_endings(text).lines().count();
        let errs = parse(text, "f.yml").unwrap_err();
        for e in &errs {
            let l = e.line.expect("a YAML syntax error has a line");
            assert!(l >= 1 && l <= lines + 1, "{e} (file has {lines} lines)");
        }
        // The same text as frame's own format counts the same lines.
        let txt = "name: x\rdescription: d\r\rattack\rattack\n";
        let errs = crate::lexicon::parse(txt, "x.txt", "x").unwrap_err();
        assert!(errs.iter().any(|e| e.line == Some(5)), "{errs:?}");
    }

    #[test]
    fn every_error_with_its_line() {
        let e = parse("a:\n  - [x, y]\n", "d.yml").unwrap_err();
        assert!(
            e[0].to_string()
                .starts_with("d.yml:2: `a`: a list item must be"),
            "{e:?}"
        );
        let e = parse("a: [foo\n", "d.yml").unwrap_err();
        assert!(e[0].message.contains("not valid YAML"), "{e:?}");
        let e = parse("- a\n- b\n", "d.yml").unwrap_err();
        assert!(e[0].message.contains("must be a set of `category:` keys"));
        let e = parse("a:\n  - fo?\n  - ok\nb c/d:\n  - x\n", "d.yml").unwrap_err();
        let e: Vec<String> = e.iter().map(|e| e.to_string()).collect();
        assert!(
            e[0].starts_with("d.yml:2:") && e[0].contains("`?` wildcards"),
            "{e:?}"
        );
        assert!(
            e.iter()
                .any(|m| m.starts_with("d.yml:4:") && m.contains("contains `/`")),
            "{e:?}"
        );
        let e = parse("a: [x]\na: [y]\n", "d.yml").unwrap_err();
        assert!(
            e[0].to_string()
                .starts_with("d.yml:2: key `a` given twice (first on line 1)"),
            "{e:?}"
        );
        assert!(parse("", "d.yml").unwrap_err()[0].message.contains("empty"));
    }

    #[test]
    fn warnings_for_duplicates_and_empty_categories() {
        let f = parse("a: [x, X]\nb:\nc: []\n", "d.yml").unwrap();
        let w: Vec<String> = f.warnings.iter().map(|e| e.to_string()).collect();
        assert_eq!(w.len(), 3, "{w:?}");
        assert!(w[0].starts_with("d.yml:1: duplicate entry `x`"), "{w:?}");
        assert!(w[1].contains("`b` has no entries"));
        assert!(w[2].contains("`c` has no entries"));
    }
}
