//! `report.html` and `appendix.html`: self-contained pages (inline CSS, no
//! scripts, no external resources) that open offline. The report is short
//! enough to print (its print style keeps every table on the page); the
//! appendix holds the long tables. Charts are referenced by file name and
//! articles link to the reader pages, so the output folder can be zipped
//! and handed in as it is.
//!
//! Content comes from [`super::sections::build`]; this module only lays it out and
//! escapes every piece of text, since titles and sentences are user data.

use super::document::{Block, Cell, Document, Inline, Table, Target};
use super::format::int;
use super::sections;
use crate::model::{Analysis, READER_MAX};
use std::collections::BTreeSet;
use std::fmt::Write;

/// Render the HTML report (`report.html`); `charts` lists the chart files present (e.g. "frames.png").
pub fn render(a: &Analysis, charts: &[&str]) -> String {
    render_pages(a, charts).0
}

/// `report.html` and `appendix.html`, from one build of the content.
pub fn render_pages(a: &Analysis, charts: &[&str]) -> (String, String) {
    let doc = sections::build(a, charts);
    let links = Links::new(&doc);
    let n = (a.articles.len(), a.reader_named.len());
    let report = render_page(
        &doc,
        &a.frame_version,
        &doc.blocks,
        &links.on(Page::Report),
        n,
    );
    let appendix = render_page(
        &doc,
        &a.frame_version,
        &doc.appendix,
        &links.on(Page::Appendix),
        n,
    );
    (report, appendix)
}

/// Which page is being written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Page {
    Report,
    Appendix,
}

/// Resolves link targets: which page holds each anchor.
struct Links {
    appendix_ids: BTreeSet<String>,
    page: Page,
}

impl Links {
    fn new(doc: &Document) -> Self {
        let appendix_ids = doc
            .appendix
            .iter()
            .filter_map(|b| match b {
                Block::Heading { id, .. } => Some(id.clone()),
                _ => None,
            })
            .collect();
        Links {
            appendix_ids,
            page: Page::Report,
        }
    }

    fn on(&self, page: Page) -> Links {
        Links {
            appendix_ids: self.appendix_ids.clone(),
            page,
        }
    }

    fn href(&self, to: &Target) -> String {
        match to {
            Target::Section(id) => {
                let there = if self.appendix_ids.contains(id) {
                    Page::Appendix
                } else {
                    Page::Report
                };
                match (there == self.page, there) {
                    (true, _) => format!("#{id}"),
                    (false, Page::Appendix) => format!("appendix.html#{id}"),
                    (false, Page::Report) => format!("report.html#{id}"),
                }
            }
            Target::Article(i) => super::links::href(*i),
            Target::File(name) => name.clone(),
        }
    }
}

const CSS: &str = r#"
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:#fff;color:#1d2330;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1100px;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 .3rem}
.subtitle{color:#5a6475;margin:0 0 1.4rem}
h2{font-size:1.45rem;margin:2.6rem 0 .8rem;padding-top:.8rem;border-top:2px solid #e3e7ee}
h3{font-size:1.1rem;margin:1.8rem 0 .5rem}
p{margin:.6rem 0}
.summary{font-size:1.06rem}
.explain{background:#f1f6fc;border-left:4px solid #3d7cc9;border-radius:4px;padding:.7rem 1rem;margin:1rem 0}
.callout{background:#fff7e6;border:1px solid #f0c36d;border-left:6px solid #e09b12;border-radius:4px;padding:.7rem 1.1rem;margin:1.2rem 0}
.callout-title{font-weight:700;margin:.1rem 0 .3rem}
.callout ul{margin:.3rem 0;padding-left:1.3rem}
nav.toc{background:#f7f8fa;border:1px solid #e3e7ee;border-radius:4px;padding:.6rem 1rem;margin:1.2rem 0}
nav.toc ol{margin:.3rem 0;padding-left:1.4rem;columns:2}
a{color:#1f5fa8}
figure{margin:1rem 0}
figure img{display:block;max-width:100%;height:auto;border:1px solid #e3e7ee}
.table-wrap{overflow-x:auto;margin:.8rem 0}
table{border-collapse:collapse;font-size:.87rem}
th,td{border:1px solid #d9dee7;padding:.3rem .55rem;text-align:left;vertical-align:top}
th{background:#eef1f6;font-weight:600}
tbody tr:nth-child(even) td{background:#fafbfc}
td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.num.ci{white-space:normal}
td.num.ci span{white-space:nowrap}
td.name{min-width:12em}
td.strong{font-weight:700}
blockquote{margin:.5rem 0 1rem;padding:.5rem 1rem;border-left:4px solid #9aa5b5;background:#f7f8fa}
blockquote p{margin:0;font-style:italic}
blockquote footer{margin-top:.25rem;color:#5a6475;font-size:.85rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em;background:#f0f2f5;border-radius:3px;padding:.05em .3em}
.hash{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-decoration:underline dotted;cursor:help}
@media print{
@page{size:A4;margin:12mm 12mm 14mm}
body{font-size:10pt;line-height:1.4}
.summary{font-size:10.5pt}
main{max-width:none;padding:0}
h1{font-size:1.6rem}
h2{margin:1.2rem 0 .5rem;padding-top:.4rem}
h3{margin:1rem 0 .4rem}
nav.toc{display:none}
.explain,.callout{padding:.4rem .7rem;margin:.6rem 0;font-size:9pt}
.table-wrap{overflow:visible}
table{width:100%;font-size:7.5pt}
th,td{padding:.15rem .3rem;overflow-wrap:break-word}
th.num{white-space:normal;overflow-wrap:normal}
td.num{white-space:nowrap;overflow-wrap:normal}
td.num.ci{white-space:normal}
td.name{min-width:9em}
figure{margin:.5rem 0}
figure img{width:auto;max-width:100%;max-height:262mm;margin:0 auto}
figure,tr,blockquote,.callout{break-inside:avoid}
h2,h3{break-after:avoid}
a{color:inherit;text-decoration:none}
}
"#;

/// Escape text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        push_escaped(&mut out, ch);
    }
    out
}

fn push_escaped(out: &mut String, ch: char) {
    match ch {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        // Stray control characters (not tab/newline) are invalid in HTML.
        c if c.is_control() && c != '\n' && c != '\t' => out.push(' '),
        c => out.push(c),
    }
}

/// Words this long or longer (in characters as read) get wrap points in table cells.
const LONG_WORD: usize = 16;

/// Escapes a table cell's text, letting a long word (a path, a file name, a
/// long category name) wrap after a slash, backslash, `_`, `.` or `-`, or
/// every [`LONG_WORD`] characters. Printed cells break between words, so
/// short words stay whole, and no single token can make a table wider than
/// the page.
fn escape_cell(s: &str) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let mut out = String::with_capacity(s.len() + 8);
    for (i, word) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let graphemes: Vec<&str> = word.graphemes(true).collect();
        if graphemes.len() < LONG_WORD {
            out.push_str(&escape(word));
            continue;
        }
        let mut run = 0;
        for (k, g) in graphemes.iter().enumerate() {
            g.chars().for_each(|ch| push_escaped(&mut out, ch));
            run += 1;
            let separator = matches!(*g, "/" | "\\" | "_" | "." | "-");
            if (separator || run >= LONG_WORD) && k + 1 < graphemes.len() {
                out.push_str("<wbr>");
                run = 0;
            }
        }
    }
    out
}

fn inlines(parts: &[Inline], links: &Links) -> String {
    let mut out = String::new();
    for p in parts {
        match p {
            Inline::Text(s) => out.push_str(&escape(s)),
            Inline::Strong(s) => {
                let _ = write!(out, "<strong>{}</strong>", escape(s));
            }
            Inline::Em(s) => {
                let _ = write!(out, "<em>{}</em>", escape(s));
            }
            Inline::Code(s) => {
                let _ = write!(out, "<code>{}</code>", escape(s));
            }
            Inline::Link { text, to } => {
                let _ = write!(
                    out,
                    "<a href=\"{}\">{}</a>",
                    escape(&links.href(to)),
                    escape(text)
                );
            }
        }
    }
    out
}

/// A number cell "value [low, high]" split into the value and its
/// bracketed interval, so a wide table can put the interval under the value
/// rather than run off the printed page; `None` for any other cell.
fn split_interval(text: &str) -> Option<(&str, &str)> {
    let at = text.find(" [")?;
    let (value, ci) = (&text[..at], &text[at + 1..]);
    let one_value = !value.is_empty() && !value.contains(' ');
    (one_value && ci.ends_with(']') && !ci.contains(" [")).then_some((value, ci))
}

fn cell(tag: &str, c: &Cell, links: &Links) -> String {
    let mut attrs = String::new();
    let mut classes: Vec<&str> = Vec::new();
    let interval = c.numeric && c.abbrev.is_none();
    let interval = interval.then(|| split_interval(&c.text)).flatten();
    if c.numeric {
        classes.push("num");
    }
    if interval.is_some() {
        classes.push("ci");
    }
    if c.link.is_some() && !c.numeric {
        classes.push("name");
    }
    if c.strong {
        classes.push("strong");
    }
    if !classes.is_empty() {
        let _ = write!(attrs, " class=\"{}\"", classes.join(" "));
    }
    if let Some(v) = c.shade {
        // Orange wash; alpha kept low enough for black text to stay readable.
        let _ = write!(
            attrs,
            " style=\"background:rgba(217,95,2,{:.2})\"",
            0.06 + 0.54 * v
        );
    }
    let body = match &c.abbrev {
        Some(short) => format!(
            "<span class=\"hash\" title=\"{}\">{}</span>",
            escape(&c.text),
            escape(short)
        ),
        None => match interval {
            // The one place such a cell may wrap: between the value and
            // its interval, each kept whole.
            Some((value, ci)) => format!("{} <span>{}</span>", escape(value), escape(ci)),
            // Numbers keep their sign and digits together.
            None if c.numeric => escape(&c.text),
            None => escape_cell(&c.text),
        },
    };
    let body = match &c.link {
        Some(to) => format!("<a href=\"{}\">{}</a>", escape(&links.href(to)), body),
        None => body,
    };
    format!("<{tag}{attrs}>{body}</{tag}>")
}

fn table(out: &mut String, t: &Table, links: &Links) {
    out.push_str("<div class=\"table-wrap\"><table>\n<thead><tr>");
    for (i, h) in t.header.iter().enumerate() {
        let c = Cell {
            text: h.clone(),
            numeric: t.numeric.get(i).copied().unwrap_or(false),
            ..Default::default()
        };
        out.push_str(&cell("th", &c, links));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        out.push_str("<tr>");
        for c in row {
            out.push_str(&cell("td", c, links));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
}

/// One page; `articles` is how many the run analysed and how many beyond
/// the first [`READER_MAX`] the reader adds because the report names them
/// (the subtitle says what the reader holds).
fn render_page(
    doc: &Document,
    version: &str,
    blocks: &[Block],
    links: &Links,
    (articles, named): (usize, usize),
) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<meta name=\"generator\" content=\"frame {}\">",
        escape(version)
    );
    let title = match links.page {
        Page::Report => doc.title.clone(),
        Page::Appendix => format!("{}: appendix", doc.title),
    };
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    let _ = writeln!(
        out,
        "<style>{}</style>\n</head>\n<body>\n<main>",
        CSS.trim()
    );
    let _ = writeln!(out, "<h1>{}</h1>", escape(&title));
    match links.page {
        Page::Report => {
            let which = if articles > READER_MAX {
                let others = if named > 0 {
                    format!(", and so can the {} others this report names (<a href=\"{}\">their page</a>)", int(named), super::links::NAMED_PAGE)
                } else {
                    String::new()
                };
                format!("the first {} articles (#1 to #{}) can be read with their frame words marked in the <a href=\"{}\">reader</a>{others}; for the rest, <code>frame kwic</code> shows any word in context", int(READER_MAX), int(READER_MAX), super::links::page_name(0))
            } else {
                format!("every article can be read with its frame words marked in the <a href=\"{}\">reader</a>", super::links::page_name(0))
            };
            let _ = writeln!(
                out,
                "<p class=\"subtitle\">A report by frame {}: threat and reassurance, other frames, sentiment and vocabulary clusters, with the evidence behind each score. The long tables are in the <a href=\"appendix.html\">appendix</a>; {which}.</p>",
                escape(version.trim()),
            );
        }
        Page::Appendix => {
            let _ = writeln!(
                out,
                "<p class=\"subtitle\">The appendix of the <a href=\"report.html\">report</a> by frame {}: every table in full (up to its first rows; the CSV files hold the rest), the evidence per article and the method.</p>",
                escape(version.trim())
            );
        }
    }
    let mut first_para = links.page == Page::Report;
    for b in blocks {
        match b {
            Block::Heading { level, id, text } => {
                let lv = (*level).clamp(2, 6);
                let _ = writeln!(out, "<h{lv} id=\"{}\">{}</h{lv}>", escape(id), escape(text));
            }
            Block::Toc => {
                out.push_str("<nav class=\"toc\"><strong>Contents</strong>\n<ol>\n");
                for (id, text) in Document::toc(blocks) {
                    let _ = writeln!(
                        out,
                        "<li><a href=\"#{}\">{}</a></li>",
                        escape(id),
                        escape(text)
                    );
                }
                out.push_str("</ol></nav>\n");
            }
            Block::Para(p) => {
                if first_para {
                    first_para = false;
                    let _ = writeln!(out, "<p class=\"summary\">{}</p>", inlines(p, links));
                } else {
                    let _ = writeln!(out, "<p>{}</p>", inlines(p, links));
                }
            }
            Block::Explain(p) => {
                let _ = writeln!(
                    out,
                    "<div class=\"explain\"><p>{}</p></div>",
                    inlines(p, links)
                );
            }
            Block::Callout { title, items } => {
                let _ = writeln!(
                    out,
                    "<aside class=\"callout\" role=\"note\"><p class=\"callout-title\">⚠ {}</p>",
                    escape(title)
                );
                if items.len() == 1 {
                    let _ = writeln!(out, "<p>{}</p>", inlines(&items[0], links));
                } else {
                    out.push_str("<ul>\n");
                    for it in items {
                        let _ = writeln!(out, "<li>{}</li>", inlines(it, links));
                    }
                    out.push_str("</ul>\n");
                }
                out.push_str("</aside>\n");
            }
            Block::Image { src, alt } => {
                let _ = writeln!(
                    out,
                    "<figure><img src=\"{}\" alt=\"{}\"></figure>",
                    escape(src),
                    escape(alt)
                );
            }
            Block::Quote { text, cite, source } => {
                let cite = match source {
                    Some(to) => format!(
                        "<a href=\"{}\">{}</a>",
                        escape(&links.href(to)),
                        escape(cite)
                    ),
                    None => escape(cite),
                };
                let _ = writeln!(
                    out,
                    "<blockquote><p>{}</p><footer>— {}</footer></blockquote>",
                    escape(text),
                    cite
                );
            }
            Block::List(items) => {
                out.push_str("<ul>\n");
                for it in items {
                    let _ = writeln!(out, "<li>{}</li>", inlines(it, links));
                }
                out.push_str("</ul>\n");
            }
            Block::Table(t) => table(&mut out, t, links),
        }
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example;

    #[test]
    fn long_words_in_cells_get_wrap_points_and_short_ones_none() {
        assert_eq!(escape_cell("responsibility"), "responsibility");
        assert_eq!(escape_cell("a <b> & c"), "a &lt;b&gt; &amp; c");
        assert_eq!(
            escape_cell("/home/me/lexicons/threat.txt"),
            "/<wbr>home/<wbr>me/<wbr>lexicons/<wbr>threat.<wbr>txt"
        );
        assert_eq!(
            escape_cell("human_interest_words"),
            "human_<wbr>interest_<wbr>words"
        );
        // A run without separators wraps every LONG_WORD characters, never
        // at its end, and never inside a character with an accent.
        let run = "x".repeat(2 * LONG_WORD + 1);
        assert_eq!(escape_cell(&run).matches("<wbr>").count(), 2);
        assert!(!escape_cell(&"x".repeat(LONG_WORD)).contains("<wbr>"));
        let accented = format!("{}e\u{301}x", "a".repeat(LONG_WORD - 1));
        assert_eq!(
            escape_cell(&accented),
            format!("{}e\u{301}<wbr>x", "a".repeat(LONG_WORD - 1))
        );
    }

    /// A number cell never wraps, printed or on screen ("< 0.0001" on two
    /// lines reads as two values); only a number column's heading may.
    #[test]
    fn number_cells_do_not_wrap_in_print() {
        let print = &CSS[CSS.find("@media print").unwrap()..];
        assert!(print.contains("td.num{white-space:nowrap"), "{print}");
        assert!(!print.contains("td.num,th.num{white-space:normal"));
    }

    /// A value with its interval may wrap before the bracket, and only
    /// there; other numbers stay on one line.
    #[test]
    fn a_value_and_its_interval_wrap_only_between_them() {
        let links = Links::new(&Document {
            title: String::new(),
            blocks: Vec::new(),
            appendix: Vec::new(),
        });
        let html = cell("td", &Cell::num("16.2 [14.4, 18.1]"), &links);
        assert_eq!(
            html,
            "<td class=\"num ci\">16.2 <span>[14.4, 18.1]</span></td>"
        );
        for whole in ["< 0.0001", "[-0.3, -0.1]", "2.7 vs 15.1", "1,234"] {
            let html = cell("td", &Cell::num(whole), &links);
            assert!(!html.contains("ci") && !html.contains("<span>"), "{html}");
        }
        let print = &CSS[CSS.find("@media print").unwrap()..];
        assert!(print.contains("td.num.ci{white-space:normal}"), "{print}");
        assert!(CSS.contains("td.num.ci span{white-space:nowrap}"));
    }

    /// Both pages, one after the other.
    fn both(a: &Analysis, charts: &[&str]) -> String {
        let (r, x) = render_pages(a, charts);
        r + &x
    }

    const ALL: [&str; 6] = [
        "frames.png",
        "threat_reassurance.png",
        "sentiment.png",
        "clusters.png",
        "similarity.png",
        "terms.png",
    ];

    #[test]
    fn every_chart_is_linked_and_only_those() {
        for n in [5, 1, 1200] {
            let a = example(n);
            let html = render(&a, &ALL);
            for c in ALL {
                assert!(html.contains(&format!("<img src=\"{}\"", c)), "n={n} {c}");
            }
            let some = render(&a, &["sentiment.png"]);
            assert_eq!(some.matches("<img ").count(), 1, "n={n}");
            assert!(some.contains("<img src=\"sentiment.png\""));
            assert_eq!(render(&a, &[]).matches("<img ").count(), 0);
        }
    }

    #[test]
    fn method_lists_every_parameter() {
        let a = example(5);
        let html = both(&a, &ALL);
        let method = &html[html.find("id=\"method\"").expect("method section")..];
        let map = match serde_json::to_value(&a.parameters).unwrap() {
            serde_json::Value::Object(m) => m,
            _ => panic!(),
        };
        for k in map.keys() {
            assert!(
                method.contains(&format!("<td>{}</td>", escape_cell(k))),
                "parameter {k}"
            );
        }
        assert!(method.contains("ln((1 + n) / (1 + df)) + 1"));
    }

    #[test]
    fn user_text_is_escaped() {
        let mut a = example(5);
        a.articles[0].title = "<script>alert('x')</script> & \"quoted\"".into();
        a.articles[0].short_title = "<script>alert(1)</script>".into();
        a.articles[1].most_threatening.as_mut().unwrap().text =
            "<img src=x onerror=alert(1)>".into();
        a.inputs.push(crate::model::InputRecord {
            path: "a\"b.txt".into(),
            sha256: "ab".repeat(32),
            bytes: 10,
        });
        let html = both(&a, &["frames.png", "x\"onerror=\"y.png"]);
        assert!(!html.contains("<script"), "raw script tag");
        assert!(!html.contains("<img src=x"), "raw injected img");
        assert!(html
            .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"));
        assert!(html.contains("src=\"x&quot;onerror=&quot;y.png\""));
        // Full hash kept in the tooltip, short form shown.
        assert!(html.contains(&format!("title=\"{}\"", "ab".repeat(32))));
    }

    #[test]
    fn deterministic() {
        let a = example(7);
        assert_eq!(render(&a, &ALL), render(&a, &ALL));
    }

    #[test]
    fn large_corpus_stays_small() {
        let a = example(1200);
        let (report, appendix) = render_pages(&a, &ALL);
        assert!(report.len() < 100_000, "{} bytes", report.len());
        // The appendix lists up to 500 articles per table, whatever the corpus.
        assert!(appendix.len() < 2_000_000, "{} bytes", appendix.len());
        assert!(appendix.contains("Showing the first 500 of 1,200 articles"));
        let html = report + &appendix;

        assert!(html.contains("Evidence is shown for 20 of 1,200 articles, in article order"));
        assert!(html.contains("similarity.csv"));
    }

    #[test]
    fn tiny_and_empty_corpora_render() {
        for n in [0, 1, 2] {
            let (html, appendix) = render_pages(&example(n), &ALL);
            assert!(html.starts_with("<!DOCTYPE html>"));
            assert!(html.ends_with("</html>\n"));
            assert!(appendix.starts_with("<!DOCTYPE html>"));
            assert!(appendix.ends_with("</html>\n"));
            assert!(html.contains("at least 3 articles"), "n={n}");
        }
        let mut a = example(2);
        for (i, art) in a.articles.iter_mut().enumerate() {
            art.most_threatening = None;
            art.most_reassuring = None;
            art.sentences.clear();
            for f in &mut art.frames {
                f.evidence.clear();
                // The second article keeps its hits: all of them set aside.
                if i == 0 {
                    f.hits = 0.0;
                }
            }
        }
        let html = both(&a, &[]);
        assert!(html.contains("No sentence matched the threat lexicon."));
        assert!(html.contains("No lexicon term matched in this article."));
        assert!(html.contains("No sentence is quoted as its most threatening: each of its threat matches stands where a denial"));
    }

    #[test]
    fn self_contained() {
        let html = render(&example(5), &ALL);
        assert!(!html.contains("src=\"http") && !html.contains("href=\"http"));
        assert!(!html.contains("url("));
        assert!(!html.contains("<script"));
        assert!(!html.contains("<link"));
    }

    #[test]
    fn notes_are_shown_prominently() {
        let mut a = example(5);
        a.notes = vec!["Only 5 articles: clusters are fragile.".into()];
        a.findings = crate::stats::findings::compute(&a);
        let html = render(&a, &[]);
        let note = html.find("Only 5 articles: clusters are fragile.").unwrap();
        let articles = html.find("id=\"articles\"").unwrap();
        assert!(note < articles, "notes come before the first section");
        assert!(html[..note].contains("class=\"callout\""));
    }
}
