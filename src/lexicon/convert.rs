//! `frame lexicon convert`: any lexicon frame reads, written in frame's own
//! `.txt` format, one file per category, so that it can be read, commented
//! and edited like the defaults.

use super::entry::{EntryKind, Lexicon, LexiconError};
use super::txt::parse_list;
use crate::model::error::{Error, Result};
use std::path::{Path, PathBuf};

/// True if `s` would be read back as a weight (a plain number).
fn numeric(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    body.chars().any(|c| c.is_ascii_digit())
        && body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.matches('.').count() <= 1
}

/// The category in frame's format. Every entry is written so that it reads
/// back unchanged (a weight is added where the entry ends in a number);
/// entries the format cannot hold (starting with `#`, or containing ` #`)
/// are errors.
pub fn to_frame_text(lx: &Lexicon) -> std::result::Result<String, Vec<LexiconError>> {
    render(
        lx,
        Some(format!(
            "Converted with `frame lexicon convert` from {} (line numbers in the comments \
             refer to that file).",
            lx.file
        )),
        None,
    )
}

/// The category in frame's format, as `frame lexicon show` prints it: a
/// valid lexicon file whose comments give the origin and each entry's line.
pub fn show_text(lx: &Lexicon, origin: &str) -> String {
    let note = format!(
        "{}, {origin}, from {} (line numbers refer to that file)",
        crate::model::numbers::count(lx.entries.len(), "entry", "entries"),
        lx.file
    );
    match render(lx, None, Some(note)) {
        Ok(s) => s,
        // Entries frame's format cannot hold are still listed, one per line.
        Err(_) => lx
            .entries
            .iter()
            .map(|e| {
                format!(
                    "{} {}{}  # line {}\n",
                    e.key(),
                    e.weight,
                    e.excluded_suffix(),
                    e.line
                )
            })
            .collect(),
    }
}

fn render(
    lx: &Lexicon,
    extra_rationale: Option<String>,
    comment: Option<String>,
) -> std::result::Result<String, Vec<LexiconError>> {
    let mut s = format!("# name: {}\n", lx.name);
    // A plain word list has none, and keeps having none.
    if !lx.description.is_empty() {
        s.push_str(&format!("# description: {}\n", lx.description));
    }
    if !lx.rationale.is_empty() {
        s.push_str(&format!("# rationale: {}\n", lx.rationale));
    }
    if let Some(r) = extra_rationale {
        s.push_str(&format!("# rationale: {r}\n"));
    }
    for src in &lx.sources {
        s.push_str(&format!("# source: {src}\n"));
    }
    s.push_str("#\n");
    if let Some(c) = comment {
        s.push_str(&format!("# ({c})\n"));
    }
    let mut errors = Vec::new();
    for e in &lx.entries {
        let problem = if e.text.starts_with('#') || e.text.contains(" #") {
            Some("`#` starts a comment")
        } else if e.kind == EntryKind::Term
            && (e.text.starts_with(['=', '!']) || e.text.contains(" !"))
        {
            // A LIWC entry such as `=x` would read back as an exact entry.
            Some("`=` before an entry makes it exact and ` !` starts an excluded phrase")
        } else if !e.gap
            && e.text
                .split(' ')
                .any(|w| w.contains("..") || w.contains('\u{2026}'))
        {
            // ... and `a ... b` as a gapped one.
            Some("`...` stands for a gap of one to three words")
        } else {
            None
        };
        if let Some(why) = problem {
            errors.push(LexiconError {
                file: lx.file.clone(),
                line: Some(e.line),
                message: format!(
                    "`{}` cannot be written in frame's format, where {why}",
                    e.text
                ),
            });
            continue;
        }
        let (key, excluded) = (e.key(), e.excluded_suffix());
        let last_numeric = e.text.split(' ').next_back().is_some_and(numeric);
        // The weight goes before the excluded phrases, where it is read.
        if e.weight != 1.0 || last_numeric {
            s.push_str(&format!(
                "{key} {}{excluded}  # line {}\n",
                e.weight, e.line
            ));
        } else {
            s.push_str(&format!("{key}{excluded}  # line {}\n", e.line));
        }
    }
    if errors.is_empty() {
        Ok(s)
    } else {
        Err(errors)
    }
}

/// Categories that would be written to the same file (the same name, or
/// names that differ only in case, which one file on Windows and macOS):
/// one message each, naming the files they come from. Merging them would
/// silently pool two word lists, so the user renames one instead.
fn collisions(lexicons: &[Lexicon]) -> Vec<String> {
    let mut by_name: std::collections::BTreeMap<String, Vec<&Lexicon>> = Default::default();
    for lx in lexicons {
        by_name.entry(lx.name.to_lowercase()).or_default().push(lx);
    }
    by_name
        .values()
        .filter(|v| v.len() > 1)
        .map(|v| {
            let from: Vec<String> = v.iter().map(|l| format!("`{}` in {}", l.name, l.file)).collect();
            format!(
                "{}.txt would hold {} categories ({}); rename one of them (or convert the files into separate folders), so nothing was written",
                v[0].name,
                v.len(),
                from.join(", ")
            )
        })
        .collect()
}

/// Writes every category of `lexicons` as `OUT/<name>.txt`. Existing files
/// are never replaced: if any target exists, nothing is written. Each file is
/// written to a temporary name and renamed, and is checked to read back to
/// the same entries first.
pub fn write_folder(lexicons: &[Lexicon], out: &Path) -> Result<Vec<PathBuf>> {
    let collided = collisions(lexicons);
    if !collided.is_empty() {
        return Err(Error::Usage(collided.join("\n")));
    }
    let mut texts = Vec::new();
    let mut problems = Vec::new();
    for lx in lexicons {
        match to_frame_text(lx) {
            Ok(t) => {
                // The round trip is the format's contract; a failure is a bug.
                // (A plain word list reads back without a description.)
                match parse_list(&t, &format!("{}.txt", lx.name), &lx.name) {
                    (back, errors, _)
                        if errors.is_empty()
                            && back.entries.len() == lx.entries.len()
                            && back.entries.iter().zip(&lx.entries).all(|(a, b)| {
                                a.text == b.text
                                    && a.kind == b.kind
                                    && a.weight == b.weight
                                    && a.excluded == b.excluded
                            }) => {}
                    _ => {
                        return Err(Error::Internal(format!(
                            "category `{}` does not read back unchanged after conversion",
                            lx.name
                        )))
                    }
                }
                texts.push((out.join(format!("{}.txt", lx.name)), t));
            }
            Err(e) => problems.extend(e.iter().map(|e| e.to_string())),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Lexicon(problems));
    }
    let out_err = |e: std::io::Error| Error::Output {
        path: out.to_path_buf(),
        message: e.to_string(),
    };
    if out.exists() && !out.is_dir() {
        return Err(Error::Output {
            path: out.to_path_buf(),
            message: "it is a file, not a folder".into(),
        });
    }
    let existing: Vec<String> = texts
        .iter()
        .filter(|(p, _)| p.exists())
        .map(|(p, _)| p.display().to_string())
        .collect();
    if !existing.is_empty() {
        return Err(Error::Output {
            path: out.to_path_buf(),
            message: format!(
                "{} already exist{}; frame does not replace files, so nothing was written \
                 (choose another folder or move them away)",
                existing.join(", "),
                if existing.len() == 1 { "s" } else { "" }
            ),
        });
    }
    std::fs::create_dir_all(out).map_err(out_err)?;
    let mut written = Vec::new();
    for (path, text) in texts {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = out.join(format!(".frame-tmp-{name}"));
        std::fs::write(&tmp, text.as_bytes()).map_err(out_err)?;
        std::fs::rename(&tmp, &path).map_err(out_err)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::parse;

    #[test]
    fn gaps_round_trip_and_a_dic_entry_with_dots_is_refused() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("c.yaml"), "calm:\n  - keep ... safe\n").unwrap();
        let read = crate::lexicon::read_path(d.path()).unwrap();
        let text = to_frame_text(&read.lexicons[0]).unwrap();
        let again = parse(&text, "calm.txt", "calm").unwrap();
        assert_eq!(again.entries[0].text, "keep ... safe");
        assert!(again.entries[0].gap);
        let dic = crate::lexicon::Lexicon {
            entries: vec![crate::lexicon::Entry::plain(
                "keep ... safe".into(),
                EntryKind::Term,
                1.0,
                3,
            )],
            ..read.lexicons[0].clone()
        };
        let errs = to_frame_text(&dic).unwrap_err();
        assert!(
            errs[0].to_string().contains("`...` stands for a gap"),
            "{errs:?}"
        );
        let mut ellipsis = dic.clone();
        ellipsis.entries[0].text = "keep \u{2026} safe".into();
        let errs = to_frame_text(&ellipsis).unwrap_err();
        assert!(
            errs[0].to_string().contains("`...` stands for a gap"),
            "{errs:?}"
        );
    }

    #[test]
    fn every_format_round_trips() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(
            d.path().join("a.dic"),
            "%\n1 anger\n2 joy\n%\nrage*\t1\nkind of\t2\nroute 66\t1\n",
        )
        .unwrap();
        std::fs::write(
            d.path().join("b.dicx"),
            "DicTerm,fear\nterror*,2.5\ndread,X\n",
        )
        .unwrap();
        std::fs::write(d.path().join("c.yaml"), "eco:\n  pos: [growth]\n").unwrap();
        let read = crate::lexicon::read_path(d.path()).unwrap();
        let out = d.path().join("out");
        let files = write_folder(&read.lexicons, &out).unwrap();
        let names: Vec<String> = files
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["anger.txt", "joy.txt", "fear.txt", "eco.pos.txt"]);
        let again = crate::lexicon::read_path(&out).unwrap();
        let fear = again.lexicons.iter().find(|l| l.name == "fear").unwrap();
        assert_eq!(fear.entries[0].weight, 2.5);
        let anger = again.lexicons.iter().find(|l| l.name == "anger").unwrap();
        assert_eq!(anger.entries[1].text, "route 66");
        // Nothing is replaced.
        let e = write_folder(&read.lexicons, &out).unwrap_err().to_string();
        assert!(e.contains("already exist"), "{e}");
    }

    #[test]
    fn colliding_categories_are_refused() {
        let lx = |name: &str, file: &str| Lexicon {
            name: name.into(),
            description: String::new(),
            rationale: String::new(),
            sources: Vec::new(),
            file: file.into(),
            entries: Vec::new(),
        };
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let err = write_folder(&[lx("threat", "a.dic"), lx("Threat", "b.yml")], &out)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("a.dic") && err.contains("b.yml") && err.contains("rename"),
            "{err}"
        );
        assert!(!out.exists(), "nothing written");
    }

    #[test]
    fn a_plain_word_list_converts_without_a_description() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("threat.txt"), "danger*\nrisk\n").unwrap();
        let read = crate::lexicon::read_path(&d.path().join("threat.txt")).unwrap();
        let text = to_frame_text(&read.lexicons[0]).unwrap();
        assert!(!text.contains("# description:"), "{text}");
        let out = d.path().join("out");
        write_folder(&read.lexicons, &out).unwrap();
        let back = crate::lexicon::read_path(&out.join("threat.txt")).unwrap();
        assert_eq!(back.lexicons[0].entries.len(), 2);
        assert_eq!(back.warnings.len(), 1, "{:?}", back.warnings);
    }

    #[test]
    fn unwritable_entries_are_errors() {
        let mut lx = crate::lexicon::parse("# description: d\nfoo\n", "t.txt", "t").unwrap();
        lx.entries[0].text = "#metoo".into();
        let e = to_frame_text(&lx).unwrap_err();
        assert_eq!(e[0].line, Some(2));
    }

    #[test]
    fn senses_round_trip_and_dic_entries_that_look_like_senses_are_errors() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(
            d.path().join("c.yml"),
            "war:\n  - \"=memorial\"\n  - safe !safe seat !play it safe\n  - \"=big brother\"\n",
        )
        .unwrap();
        std::fs::write(
            d.path().join("t.txt"),
            "# description: d\n=memorial 2 !memorial day\nvirus 1.5 !computer virus\nroute 66 1 !historic route 66\n",
        )
        .unwrap();
        let read = crate::lexicon::read_path(d.path()).unwrap();
        let out = d.path().join("out");
        write_folder(&read.lexicons, &out).unwrap();
        let again = crate::lexicon::read_path(&out).unwrap();
        assert_eq!(again.lexicons.len(), read.lexicons.len());
        for b in &read.lexicons {
            let a = again.lexicons.iter().find(|a| a.name == b.name).unwrap();
            let key = |e: &crate::lexicon::Entry| {
                (e.text.clone(), e.kind.clone(), e.weight, e.excluded.clone())
            };
            let (ka, kb): (Vec<_>, Vec<_>) = (
                a.entries.iter().map(key).collect(),
                b.entries.iter().map(key).collect(),
            );
            assert_eq!(ka, kb);
        }
        let t = to_frame_text(&read.lexicons[1]).unwrap();
        assert!(t.contains("\n=memorial 2 !memorial day  # line 2\n"), "{t}");
        // In a `.dic`, `=` and `!` are plain characters of a word, which
        // frame's format would read as senses.
        let dic = crate::lexicon::liwc::parse("%\n1 a\n%\n=x\t1\nb !c\t1\n", "d.dic").unwrap();
        let e = to_frame_text(&dic.lexicons[0]).unwrap_err();
        assert_eq!(
            e.iter().map(|e| e.line).collect::<Vec<_>>(),
            [Some(4), Some(5)]
        );
    }
}
