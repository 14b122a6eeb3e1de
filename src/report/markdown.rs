//! `report.md`: the same report as `report.html` and its appendix, one
//! after the other, in CommonMark/GitHub Markdown, for notes, wikis or
//! conversion with pandoc. Charts are linked by file name, articles to
//! their page of the HTML reader.
//!
//! Content comes from [`super::sections::build`]; this module lays it out and
//! escapes user text so a title like `*x* | y` or `<b>` prints literally and
//! cannot break a table.

use super::document::{Block, Document, Inline, Table, Target};
use super::sections;
use crate::model::Analysis;
use std::fmt::Write;

/// Render the Markdown report; `charts` lists the chart files present (e.g. "frames.png").
pub fn render(a: &Analysis, charts: &[&str]) -> String {
    let doc = sections::build(a, charts);
    render_document(&doc, &a.frame_version)
}

/// Escape text so Markdown shows it literally, on one line (safe in table cells).
pub fn escape(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    for (i, &ch) in chars.iter().enumerate() {
        match ch {
            '\r' if chars.get(i + 1) == Some(&'\n') => {}
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(ch);
            }
            // Intraword underscores (001_article) are never emphasis; escaping
            // them would only clutter the raw file.
            '_' => {
                let prev = i.checked_sub(1).and_then(|j| chars.get(j));
                let next = chars.get(i + 1);
                if prev.is_some_and(|c| c.is_alphanumeric())
                    && next.is_some_and(|c| c.is_alphanumeric())
                {
                    out.push('_');
                } else {
                    out.push_str("\\_");
                }
            }
            // "&copy;" in a title must not turn into ©.
            '&' if chars
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '#') =>
            {
                out.push_str("&amp;")
            }
            c if c.is_control() && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Escape what would start a heading, list or quote when it opens a line.
fn guard_start(s: String) -> String {
    let lead = s.len() - s.trim_start().len();
    let (pad, rest) = s.split_at(lead);
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) if "#+-=>".contains(c) => format!("{pad}\\{rest}"),
        Some(c) if c.is_ascii_digit() => {
            let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
            match rest[digits..].chars().next() {
                Some('.') | Some(')') => {
                    format!("{pad}{}\\{}", &rest[..digits], &rest[digits..])
                }
                _ => s,
            }
        }
        _ => s,
    }
}

/// Wrap `s` in a delimiter, keeping outer spaces outside it (CommonMark will
/// not close `**bold **`).
fn wrap(s: &str, delim: &str) -> String {
    let core = s.trim();
    if core.is_empty() {
        return s.to_string();
    }
    let start = &s[..s.len() - s.trim_start().len()];
    let end = &s[s.trim_end().len()..];
    format!("{}{delim}{}{delim}{}", start, escape(core), end)
}

fn code_span(s: &str) -> String {
    let s = s.replace(['\n', '\r'], " ");
    // The fence must be longer than any run of backticks inside.
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    if longest > 0 || s.starts_with(' ') || s.ends_with(' ') {
        format!("{fence} {s} {fence}")
    } else {
        format!("{fence}{s}{fence}")
    }
}

fn inlines(parts: &[Inline]) -> String {
    let mut out = String::new();
    for p in parts {
        match p {
            Inline::Text(s) => out.push_str(&escape(s)),
            Inline::Strong(s) => out.push_str(&wrap(s, "**")),
            Inline::Em(s) => out.push_str(&wrap(s, "*")),
            Inline::Code(s) => out.push_str(&code_span(s)),
            Inline::Link { text, to } => {
                let _ = write!(out, "[{}]({})", escape(text), href(to));
            }
        }
    }
    guard_start(out)
}

/// Where a link goes in report.md: every section is in this one file.
fn href(to: &Target) -> String {
    match to {
        Target::Section(id) => format!("#{id}"),
        Target::Article(i) => super::links::href(*i),
        Target::File(name) => name.clone(),
    }
}

fn link_target(src: &str) -> String {
    if src
        .chars()
        .any(|c| c.is_whitespace() || c == '(' || c == ')' || c == '<' || c == '>')
    {
        let inner: String = src
            .chars()
            .map(|c| match c {
                '<' | '>' | '\n' | '\r' => ' ',
                c => c,
            })
            .collect();
        format!("<{}>", inner)
    } else {
        src.to_string()
    }
}

fn table(out: &mut String, t: &Table) {
    out.push('|');
    for h in &t.header {
        let _ = write!(out, " {} |", escape(h));
    }
    out.push_str("\n|");
    for i in 0..t.header.len() {
        out.push_str(if t.numeric.get(i).copied().unwrap_or(false) {
            " ---: |"
        } else {
            " --- |"
        });
    }
    out.push('\n');
    for row in &t.rows {
        out.push('|');
        for c in row {
            let text = escape(&c.text);
            let text = match &c.link {
                Some(to) => format!("[{}]({})", text, href(to)),
                None => text,
            };
            if c.strong && !text.is_empty() {
                let _ = write!(out, " **{}** |", text.trim());
            } else {
                let _ = write!(out, " {} |", text);
            }
        }
        out.push('\n');
    }
    out.push('\n');
}

fn render_document(doc: &Document, version: &str) -> String {
    let mut out = String::with_capacity(32 * 1024);
    let _ = writeln!(out, "# {}\n", escape(&doc.title));
    let _ = writeln!(
        out,
        "*A report by frame {}: threat and reassurance, other frames, sentiment and vocabulary clusters, with the evidence behind each score.*\n",
        escape(version.trim())
    );
    blocks(&mut out, &doc.blocks);
    if !doc.appendix.is_empty() {
        out.push_str("# Appendix\n\n");
        blocks(&mut out, &doc.appendix);
    }
    // Exactly one trailing newline.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn blocks(out: &mut String, blocks: &[Block]) {
    for b in blocks {
        match b {
            Block::Heading { level, text, .. } => {
                let lv = (*level).clamp(2, 6) as usize;
                let _ = writeln!(out, "{} {}\n", "#".repeat(lv), escape(text));
            }
            Block::Toc => {
                out.push_str("**Contents**\n\n");
                for (i, (id, text)) in Document::toc(blocks).into_iter().enumerate() {
                    let _ = writeln!(out, "{}. [{}](#{})", i + 1, escape(text), id);
                }
                out.push('\n');
            }
            Block::Para(p) => {
                let _ = writeln!(out, "{}\n", inlines(p));
            }
            Block::Explain(p) => {
                let _ = writeln!(out, "> {}\n", inlines(p));
            }
            Block::Callout { title, items } => {
                let _ = writeln!(out, "> **⚠ {}**\n>", escape(title));
                if items.len() == 1 {
                    let _ = writeln!(out, "> {}", inlines(&items[0]));
                } else {
                    for it in items {
                        let _ = writeln!(out, "> - {}", inlines(it));
                    }
                }
                out.push('\n');
            }
            Block::Image { src, alt } => {
                let _ = writeln!(out, "![{}]({})\n", escape(alt), link_target(src));
            }
            Block::Quote { text, cite, source } => {
                let cite = match source {
                    Some(to) => format!("[{}]({})", escape(cite), href(to)),
                    None => escape(cite),
                };
                let _ = writeln!(out, "> {}\n>\n> — {}\n", escape(text), cite);
            }
            Block::List(items) => {
                for it in items {
                    let _ = writeln!(out, "- {}", inlines(it));
                }
                out.push('\n');
            }
            Block::Table(t) => table(out, t),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example;

    const ALL: [&str; 6] = [
        "frames.png",
        "threat_reassurance.png",
        "sentiment.png",
        "clusters.png",
        "similarity.png",
        "terms.png",
    ];

    /// Pipes that are column separators (not escaped with a backslash).
    fn separators(line: &str) -> usize {
        let mut n = 0;
        let mut escaped = false;
        for c in line.chars() {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '|' {
                n += 1;
            }
        }
        n
    }

    #[test]
    fn every_chart_is_linked_and_only_those() {
        for n in [5, 1, 1200] {
            let a = example(n);
            let md = render(&a, &ALL);
            for c in ALL {
                assert!(md.contains(&format!("]({})", c)), "n={n} {c}");
            }
            let some = render(&a, &["terms.png"]);
            assert_eq!(some.matches("![").count(), 1);
            assert!(some.contains("](terms.png)"));
            assert_eq!(render(&a, &[]).matches("![").count(), 0);
        }
    }

    #[test]
    fn method_lists_every_parameter() {
        let a = example(5);
        let md = render(&a, &ALL);
        let method = &md[md.find("## Method").expect("method section")..];
        let map = match serde_json::to_value(&a.parameters).unwrap() {
            serde_json::Value::Object(m) => m,
            _ => panic!(),
        };
        for k in map.keys() {
            assert!(
                method.contains(&format!("| {} |", escape(k))),
                "parameter {k}"
            );
        }
    }

    #[test]
    fn table_pipes_and_newlines_are_escaped() {
        let mut a = example(5);
        a.articles[0].short_title = "Knife | crime\nrise".into();
        a.articles[0].title = "Knife | crime\nrise <script>x</script> *wow*".into();
        a.articles[0].frames[1].evidence[0].example_sentence = "He said | it\r\nwas fine.".into();
        let md = render(&a, &ALL);
        assert!(md.contains("Knife \\| crime rise"));
        assert!(md.contains("He said \\| it was fine."));
        assert!(md.contains("\\<script\\>"));
        assert!(!md.replace("\\<", "").contains("<script"));
        assert!(md.contains("\\*wow\\*"));
        // Every row of every table has as many separators as its header.
        let mut header: Option<usize> = None;
        for line in md.lines() {
            if line.starts_with('|') {
                let n = separators(line);
                match header {
                    None => header = Some(n),
                    Some(h) => assert_eq!(n, h, "{line}"),
                }
            } else {
                header = None;
            }
        }
    }

    #[test]
    fn escaping_rules() {
        assert_eq!(escape("001_article"), "001_article");
        assert_eq!(escape("_x_"), "\\_x\\_");
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("&copy; AT&T & co"), "&amp;copy; AT&amp;T & co");
        assert_eq!(guard_start("# no".into()), "\\# no");
        assert_eq!(guard_start("12. May".into()), "12\\. May");
        assert_eq!(guard_start("12 May".into()), "12 May");
        assert_eq!(wrap("How to read this. ", "**"), "**How to read this.** ");
        assert_eq!(code_span("a`b"), "`` a`b ``");
    }

    #[test]
    fn deterministic_and_bounded() {
        let a = example(7);
        assert_eq!(render(&a, &ALL), render(&a, &ALL));
        let big = render(&example(1200), &ALL);
        // Up to 500 rows per per-article table, whatever the corpus.
        assert!(big.len() < 1_000_000, "{} bytes", big.len());
        assert!(big.contains("Showing the first 500 of 1,200 articles"));
    }

    #[test]
    fn tiny_corpora_render() {
        for n in [0, 1, 2] {
            let md = render(&example(n), &ALL);
            assert!(md.starts_with("# "));
            assert!(md.contains("at least 3 articles"), "n={n}");
            assert!(md.ends_with('\n') && !md.ends_with("\n\n"));
        }
    }
}
