//! frame's own documents that the report cites (methods, validity figures,
//! codebooks, the user guide, the lexicons' sources), built into the binary
//! and written into the output folder beside the report, so that a reader
//! who received only the folder can open every document it points to.
//! frame has no public web address, and its source's `docs/` folder is not
//! where a student reads the report.
//!
//! Links between the copies are rewritten to the copies' names; a link to a
//! file of frame's source that the folder does not hold becomes its text.

use super::OutputFile;

/// One document of frame's source written into the output folder.
#[derive(Debug, Clone, Copy)]
pub struct Doc {
    /// Its path in frame's source (`docs/validity.md`).
    pub source: &'static str,
    /// Its name in the output folder (`frame-validity.md`).
    pub name: &'static str,
    /// Its text as built into the binary.
    text: &'static str,
}

/// The documents, in the order the Files section lists them. The report
/// cites the first ones; the others are what their links lead to.
pub const DOCS: &[Doc] = &[
    Doc {
        source: "docs/methods.md",
        name: "frame-methods.md",
        text: include_str!("../../docs/methods.md"),
    },
    Doc {
        source: "docs/validity.md",
        name: "frame-validity.md",
        text: include_str!("../../docs/validity.md"),
    },
    Doc {
        source: "docs/validity-generic-frames.md",
        name: "frame-validity-generic-frames.md",
        text: include_str!("../../docs/validity-generic-frames.md"),
    },
    Doc {
        source: "docs/validity-reassurance-sample.md",
        name: "frame-validity-reassurance-sample.md",
        text: include_str!("../../docs/validity-reassurance-sample.md"),
    },
    Doc {
        source: "docs/validity-business-news.md",
        name: "frame-validity-business-news.md",
        text: include_str!("../../docs/validity-business-news.md"),
    },
    Doc {
        source: "docs/codebook-generic-frames.md",
        name: "frame-codebook-generic-frames.md",
        text: include_str!("../../docs/codebook-generic-frames.md"),
    },
    Doc {
        source: "docs/codebook-threat-reassurance.md",
        name: "frame-codebook-threat-reassurance.md",
        text: include_str!("../../docs/codebook-threat-reassurance.md"),
    },
    Doc {
        source: "docs/user-guide.md",
        name: "frame-user-guide.md",
        text: include_str!("../../docs/user-guide.md"),
    },
    Doc {
        source: "lexicons/README.md",
        name: "frame-lexicons.md",
        text: include_str!("../../lexicons/README.md"),
    },
    Doc {
        source: "lexicons/sentiment/README.md",
        name: "frame-lexicons-sentiment.md",
        text: include_str!("../../lexicons/sentiment/README.md"),
    },
    Doc {
        source: "validation/results.csv",
        name: "frame-validation-results.csv",
        text: include_str!("../../validation/results.csv"),
    },
];

/// The output folder's name of the document at `source` in frame's source
/// (`docs/validity.md` -> `frame-validity.md`).
///
/// # Panics
/// When `source` is not one of [`DOCS`]: a report section citing a document
/// the folder does not hold is a bug the unit tests catch.
pub fn name_of(source: &str) -> &'static str {
    match DOCS.iter().find(|d| d.source == source) {
        Some(d) => d.name,
        None => panic!("{source} is not among the documents written with the report"),
    }
}

/// Every document as an output file, its links rewritten for the folder;
/// with `excel` (`--excel`) a table gets the UTF-8 byte-order mark, as
/// every CSV file of the run does.
pub fn files(excel: bool) -> Vec<OutputFile> {
    DOCS.iter()
        .map(|d| {
            let text = copy_text(d);
            let bytes = if excel && d.name.ends_with(".csv") {
                [super::csv::UTF8_BOM, text.as_bytes()].concat()
            } else {
                text.into_bytes()
            };
            OutputFile {
                name: d.name.to_string(),
                bytes,
            }
        })
        .collect()
}

/// A document's text as written into the folder: a Markdown document gets
/// a line saying where it comes from, and its links rewritten; a data file
/// is copied as it is.
fn copy_text(d: &Doc) -> String {
    if !d.source.ends_with(".md") {
        return d.text.to_string();
    }
    let body = rewrite_links(d.text, d.source);
    let note = format!(
        "> A copy of `{}` from frame {}, written beside the report that cites it. Links to frame's other documents lead to the copies in this folder (`frame-*.md`); a file of frame's source the folder does not hold is named without a link.\n\n",
        d.source,
        env!("CARGO_PKG_VERSION")
    );
    // After the title, so that the document still opens with it.
    match body.split_once('\n') {
        Some((first, rest)) if first.starts_with("# ") => {
            format!(
                "{first}\n\n{note}{}",
                rest.strip_prefix('\n').unwrap_or(rest)
            )
        }
        _ => format!("{note}{body}"),
    }
}

/// `rel` (a link's path, relative to `from`'s folder) as a path from the
/// root of frame's source; `None` when it climbs above the root.
fn resolve(from: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for p in rel.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            _ => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// Whether a link target leaves the document's folder tree: a web address,
/// a mail address or an anchor in the same document stays as it is.
fn is_relative(target: &str) -> bool {
    !(target.is_empty()
        || target.starts_with('#')
        || target.starts_with('/')
        || target.contains("://")
        || target.starts_with("mailto:"))
}

/// The Markdown `text` of the document at `from` with each inline link to
/// another file of frame's source pointing to its copy in the folder, or,
/// when the folder holds none, replaced by its text. Fenced code blocks
/// and code spans are left as they are.
pub fn rewrite_links(text: &str, from: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut fenced = false;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            out.push_str(line);
        } else if fenced {
            out.push_str(line);
        } else {
            out.push_str(&rewrite_line(line, from));
        }
    }
    out
}

/// [`rewrite_links`] on one line outside a fenced block.
fn rewrite_line(line: &str, from: &str) -> String {
    let b = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        match b[i] {
            // A code span is copied whole: `[x](y)` in it is no link.
            b'`' => {
                let ticks = b[i..].iter().take_while(|&&c| c == b'`').count();
                let fence = &line[i..i + ticks];
                i = match line[i + ticks..].find(fence) {
                    Some(k) => i + ticks + k + ticks,
                    None => i + ticks,
                };
            }
            b'[' => {
                let Some((text_end, target, end)) = link_at(line, i) else {
                    i += 1;
                    continue;
                };
                let (path, anchor) = match target.find('#') {
                    Some(k) => target.split_at(k),
                    None => (target, ""),
                };
                if !is_relative(target) {
                    i = end;
                    continue;
                }
                let resolved = resolve(from, path).unwrap_or_default();
                let copy = DOCS.iter().find(|d| d.source == resolved).map(|d| d.name);
                // An image's `!` goes with its link.
                let start = if i > 0 && b[i - 1] == b'!' { i - 1 } else { i };
                out.push_str(&line[copied..start]);
                match copy {
                    Some(name) => {
                        // A link that shows its path ("[validity.md](validity.md)")
                        // shows the copy's name instead.
                        let shown = &line[start..text_end + 1];
                        let bare = line[i + 1..text_end].trim_matches('`');
                        if bare == path || bare == resolved {
                            out.push_str(&shown.replacen(bare, name, 1));
                        } else {
                            out.push_str(shown);
                        }
                        out.push('(');
                        out.push_str(name);
                        out.push_str(anchor);
                        out.push(')');
                    }
                    None => out.push_str(&line[i + 1..text_end]),
                }
                copied = end;
                i = end;
            }
            _ => i += 1,
        }
    }
    out.push_str(&line[copied..]);
    out
}

/// The inline link whose text opens at `open` (a `[`): the index of its
/// closing `]`, its target, and the index just past its `)`.
fn link_at(line: &str, open: usize) -> Option<(usize, &str, usize)> {
    let b = line.as_bytes();
    let mut depth = 0usize;
    let mut k = open;
    let close = loop {
        match b.get(k)? {
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    break k;
                }
            }
            _ => {}
        }
        k += 1;
    };
    if b.get(close + 1) != Some(&b'(') {
        return None;
    }
    let rest = &line[close + 2..];
    let len = rest.find(')')?;
    let target = &rest[..len];
    (!target.contains(char::is_whitespace)).then_some((close, target, close + 2 + len + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_copied_documents_lead_to_the_copies_and_others_are_text() {
        let md = "See [validity](validity.md#what-was-measured), [the guide](user-guide.md), \
                  [options](options.md), [sources](../lexicons/README.md#references), \
                  [CITATION.cff](../CITATION.cff), [`results`](../validation/results.csv), \
                  [`lexicons/README.md`](../lexicons/README.md), [validity.md](validity.md), \
                  [web](https://example.org/x.md), [here](#local) and `[code](options.md)`.\n";
        let got = rewrite_links(md, "docs/methods.md");
        assert_eq!(
            got,
            "See [validity](frame-validity.md#what-was-measured), [the guide](frame-user-guide.md), \
             options, [sources](frame-lexicons.md#references), \
             CITATION.cff, [`results`](frame-validation-results.csv), \
             [`frame-lexicons.md`](frame-lexicons.md), [frame-validity.md](frame-validity.md), \
             [web](https://example.org/x.md), [here](#local) and `[code](options.md)`.\n"
        );
    }

    #[test]
    fn fenced_blocks_images_and_brackets_that_are_no_links_are_kept() {
        let md = "```\n[a](options.md)\n```\n![chart](perf.png) [not a link] [x] (y)\n";
        assert_eq!(
            rewrite_links(md, "docs/user-guide.md"),
            "```\n[a](options.md)\n```\nchart [not a link] [x] (y)\n"
        );
    }

    #[test]
    fn a_copy_keeps_its_title_first_and_says_where_it_comes_from() {
        let d = DOCS
            .iter()
            .find(|d| d.source == "docs/validity.md")
            .unwrap();
        let text = copy_text(d);
        assert!(
            text.starts_with(
                "# How valid are frame's frame scores?\n\n> A copy of `docs/validity.md`"
            ),
            "{}",
            &text[..200]
        );
        assert!(!text.contains("folder does not hold is named without a link.\n\n\n"));
        let csv = DOCS.iter().find(|d| d.name.ends_with(".csv")).unwrap();
        assert_eq!(copy_text(csv), csv.text);
    }

    /// Every relative link in every copy leads to a file the folder holds:
    /// a document of frame's added later, and linked, must be added to
    /// [`DOCS`] or its link is dropped, never left dangling.
    #[test]
    fn no_link_in_a_copy_dangles() {
        let names: Vec<&str> = DOCS.iter().map(|d| d.name).collect();
        for f in files(false) {
            let text = String::from_utf8(f.bytes).unwrap();
            if !f.name.ends_with(".md") {
                continue;
            }
            let mut fenced = false;
            for line in text.lines() {
                if line.trim_start().starts_with("```") {
                    fenced = !fenced;
                }
                if fenced {
                    continue;
                }
                let mut i = 0;
                while let Some(k) = line[i..].find('[') {
                    let open = i + k;
                    i = open + 1;
                    let Some((_, target, _)) = link_at(line, open) else {
                        continue;
                    };
                    let path = target.split('#').next().unwrap();
                    if is_relative(target) && !path.is_empty() {
                        assert!(names.contains(&path), "{}: {target}", f.name);
                    }
                }
            }
        }
    }

    #[test]
    fn excel_puts_the_byte_order_mark_before_the_table_only() {
        let (plain, excel) = (files(false), files(true));
        for (p, x) in plain.iter().zip(&excel) {
            if p.name.ends_with(".csv") {
                assert_eq!(x.bytes, [super::super::csv::UTF8_BOM, &p.bytes].concat());
            } else {
                assert_eq!(x.bytes, p.bytes, "{}", p.name);
            }
        }
    }

    #[test]
    fn names_are_found_by_source_and_unique() {
        assert_eq!(name_of("docs/validity.md"), "frame-validity.md");
        let mut names: Vec<&str> = DOCS.iter().map(|d| d.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), DOCS.len());
        assert!(names.iter().all(|n| n.starts_with("frame-")));
    }
}
