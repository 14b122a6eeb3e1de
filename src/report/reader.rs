//! The article reader: every article's full text with each frame match
//! marked, as LIWC-22's colour-coded text and Voyant's reader show it.
//!
//! Pages of `links::PAGE_SIZE` articles (`reader.html`, `reader-2.html` …), each
//! article under the anchor `a<number>`, so that 500 articles make five
//! pages of a size a browser opens at once, and a link from the report goes
//! straight to its article. Static HTML with inline CSS, no script.
//!
//! The marks are `Analysis::reader` (computed by the scorer's own matcher,
//! see `scoring/marks.rs`): one `<mark>` per counted match, showing the
//! frame it counts for three ways, so that no reader needs colour vision,
//! hover or a colour printer to tell two frames apart: an underline style
//! (solid, double, dashed, dotted), an Okabe-Ito colour (safe for
//! colour-blind readers; never the same style with a similar colour) and the
//! frame's letter after the word ([`frame_letters`]), with the frame, lexicon
//! entry and weight in its title. The legend at the top shows each frame's
//! mark. A reassurance match a negator moved to threat has a dashed box and
//! names its negator; one a negator dropped is struck through and not
//! counted. Quoted speech is shaded against the narration. Where a mark is
//! cut by another mark or a quote boundary, its later pieces carry the class
//! `cont` and all but its last the class `part` (no letter), so counting
//! `<mark` elements without `cont` counts matches.

use super::format::int;
use super::html::escape;
use super::links::{page_name, NAMED_PAGE, PAGE_SIZE};
use super::OutputFile;
use crate::model::reader::{Mark, ReaderText};
use crate::model::{Analysis, READER_MAX};
use std::fmt::Write;

/// Each frame's underline, in frame order: an Okabe & Ito (2008) colour and
/// a border style. Threat and reassurance keep the charts' vermillion and
/// blue; frames that share a style have colours far apart (vermillion and
/// sky blue, blue and reddish purple, orange and black), and Okabe-Ito's
/// yellow, which vanishes as a line on white, is left out.
const LOOKS: [(&str, &str); 7] = [
    ("#D55E00", "solid"),
    ("#0072B2", "double"),
    ("#E69F00", "dashed"),
    ("#009E73", "dotted"),
    ("#CC79A7", "double"),
    ("#56B4E9", "solid"),
    ("#000000", "dashed"),
];
/// The border styles, to shift past the seventh frame.
const STYLES: [&str; 4] = ["solid", "double", "dashed", "dotted"];

/// The colour and underline style of frame `f`. Past the seventh frame the
/// colours repeat with the style moved on by one per round, so no two of
/// the first 28 frames look the same (and every frame has its own letter).
fn look(f: usize) -> (&'static str, &'static str) {
    let (colour, style) = LOOKS[f % LOOKS.len()];
    let round = f / LOOKS.len();
    if round == 0 {
        return (colour, style);
    }
    let at = STYLES.iter().position(|s| *s == style).unwrap_or(0);
    (colour, STYLES[(at + round) % STYLES.len()])
}

/// A short tag per frame, shown after each marked word and in the legend:
/// the name's first letter in capitals ("T" threat, "R" reassurance), or,
/// when an earlier frame has it, that letter and the name's first later
/// consonant (then any later letter or digit) that makes the tag unique
/// ("Rs" responsibility); the frame's number if none does. Only letters and
/// digits, so a tag is safe inside a CSS string.
pub fn frame_letters(frames: &[String]) -> Vec<String> {
    let mut taken: Vec<String> = Vec::with_capacity(frames.len());
    for (f, name) in frames.iter().enumerate() {
        let chars: Vec<char> = name.chars().filter(|c| c.is_alphanumeric()).collect();
        let tag = chars.first().and_then(|&first| {
            let head: String = first.to_uppercase().collect();
            if !taken.contains(&head) {
                return Some(head);
            }
            let consonant = |c: &char| c.is_alphabetic() && !"aeiouyAEIOUY".contains(*c);
            let later = &chars[1..];
            later
                .iter()
                .filter(|c| consonant(c))
                .chain(later.iter().filter(|c| !consonant(c)))
                .map(|c| format!("{head}{}", c.to_lowercase()))
                .find(|t| !taken.contains(t))
        });
        // A number is taken only by a frame whose name is that number.
        let tag = tag
            .or_else(|| Some((f + 1).to_string()).filter(|t| !taken.contains(t)))
            .unwrap_or_else(|| format!("n{}", f + 1));
        taken.push(tag);
    }
    taken
}

fn css(frames: &[String]) -> String {
    let mut css = String::from(
        r#":root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:#fff;color:#1d2330;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
main{max-width:900px;margin:0 auto;padding:1.5rem 1.25rem 4rem}
h1{font-size:1.7rem;margin:0 0 .4rem}
h2{font-size:1.25rem;margin:2.4rem 0 .3rem;padding-top:.8rem;border-top:2px solid #e3e7ee}
a{color:#1f5fa8}
.meta{color:#5a6475;font-size:.9rem;margin:.2rem 0 .6rem}
.legend{background:#f7f8fa;border:1px solid #e3e7ee;border-radius:4px;padding:.6rem 1rem;margin:1rem 0;font-size:.92rem}
.legend span{display:inline-block;margin:.15rem .8rem .15rem 0}
nav.pages{margin:.6rem 0;font-size:.92rem}
.text{white-space:pre-wrap;overflow-wrap:break-word}
mark{color:inherit;background:none;padding:0 .1em;border-bottom:4px solid}
mark::after{font-size:.62em;font-weight:700;line-height:0;vertical-align:.55em;margin-left:.12em;color:#1d2330}
mark.neg{background:none;border:2px dashed;border-radius:3px}
mark.drop{background:none;text-decoration:line-through;color:#5a6475}
.legend .sw{margin-right:.25rem}
.q{background:#e9ecf1;border-radius:2px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.counts{font-size:.9rem;margin:.3rem 0 .8rem}
@media print{main{max-width:none;padding:0}h2{break-after:avoid}a{color:inherit}}
"#,
    );
    for (f, tag) in frame_letters(frames).iter().enumerate() {
        let (c, style) = look(f);
        // No wash behind the word: washes of orange and vermillion looked
        // alike, and print leaves them out. The underline in the frame's
        // colour and style (6 px when double, so both lines show) and the
        // frame's letter after the word: the style and the letter each
        // tell the frame without colour. A dropped match keeps its frame's
        // line, struck through.
        let width = if style == "double" { 6 } else { 4 };
        let _ = writeln!(
            css,
            "mark.f{f}{{border-bottom:{width}px {style} {c}}}\nmark.f{f}::after{{content:\"{tag}\"}}\nmark.neg.f{f}{{border:2px dashed {c}}}"
        );
    }
    // After the frames' letters, which it overrides: a mark cut in pieces
    // shows its letter once, after the last.
    css.push_str("mark.part::after{content:none}\n");
    css
}

/// Every reader page of an analysis (none without articles): the first
/// [`READER_MAX`] articles in pages of [`PAGE_SIZE`], then one page of the
/// articles beyond them that the report names.
pub fn render(a: &Analysis) -> Vec<OutputFile> {
    let n = a.articles.len().min(a.reader.len()).min(READER_MAX);
    let pages = n.div_ceil(PAGE_SIZE);
    let named = !a.reader_named.is_empty();
    let mut files: Vec<OutputFile> = (0..pages)
        .map(|p| {
            let first = p * PAGE_SIZE;
            let last = (first + PAGE_SIZE).min(n);
            let intro = format!(
                "Articles {}–{} of {}, with every word that counted for a frame marked.",
                first + 1,
                last,
                int(a.articles.len())
            );
            let texts = (first..last).map(|i| (i, &a.reader[i]));
            OutputFile {
                name: page_name(p),
                bytes: page(a, Some(p), pages, named, &intro, texts).into_bytes(),
            }
        })
        .collect();
    if named {
        let intro = format!(
            "The {} articles after #{} that the report names (in its summary, findings or tables), with every word that counted for a frame marked.",
            int(a.reader_named.len()),
            int(READER_MAX)
        );
        let texts = a.reader_named.iter().map(|(i, t)| (*i, t));
        files.push(OutputFile {
            name: NAMED_PAGE.into(),
            bytes: page(a, None, pages, named, &intro, texts).into_bytes(),
        });
    }
    files
}

/// One reader page: numbered page `p`, or the named articles' page when
/// `p` is `None`.
fn page<'a>(
    a: &Analysis,
    p: Option<usize>,
    pages: usize,
    named: bool,
    intro: &str,
    texts: impl Iterator<Item = (usize, &'a ReaderText)> + Clone,
) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let numbers: Vec<usize> = texts.clone().map(|(i, _)| i + 1).collect();
    let _ = writeln!(
        out,
        "<title>Article reader: {}</title>\n<style>{}</style>\n</head>\n<body>\n<main>",
        match (p, numbers.first(), numbers.last()) {
            (Some(_), Some(f), Some(l)) => format!("articles {f}–{l}"),
            _ => "articles named in the report".to_string(),
        },
        css(&a.frames)
    );
    let shown = a.articles.len().min(a.reader.len()).min(READER_MAX);
    let _ = writeln!(
        out,
        "<h1>Article reader</h1>\n<p>{intro} Back to the <a href=\"report.html\">report</a>.{}</p>",
        if a.articles.len() > shown {
            format!(
                " The reader shows the first {} articles{}; <code>frame kwic</code> shows the matches of any article in context.",
                int(shown),
                if named { " and the others the report names" } else { "" }
            )
        } else {
            String::new()
        }
    );
    nav(&mut out, p, pages, named);
    legend(&mut out, a);
    for (i, text) in texts {
        article(&mut out, a, i, text);
    }
    nav(&mut out, p, pages, named);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn nav(out: &mut String, p: Option<usize>, pages: usize, named: bool) {
    if pages + usize::from(named) < 2 {
        return;
    }
    out.push_str("<nav class=\"pages\">Pages:");
    for q in 0..pages {
        if Some(q) == p {
            let _ = write!(out, " <strong>{}</strong>", q + 1);
        } else {
            let _ = write!(out, " <a href=\"{}\">{}</a>", page_name(q), q + 1);
        }
    }
    if named {
        if p.is_none() {
            out.push_str(" <strong>named in the report</strong>");
        } else {
            let _ = write!(out, " <a href=\"{NAMED_PAGE}\">named in the report</a>");
        }
    }
    out.push_str("</nav>\n");
}

fn legend(out: &mut String, a: &Analysis) {
    out.push_str("<div class=\"legend\"><strong>Marks:</strong> each frame has its own underline, colour and letter, shown here on its name.<br>");
    for (f, name) in a.frames.iter().enumerate() {
        let _ = write!(
            out,
            "<span><mark class=\"sw f{f}\">{}</mark></span>",
            escape(name)
        );
    }
    out.push_str("<br><span><mark class=\"f0 neg\">negated</mark> a reassurance match after a negator (not, no, never …): counted as threat, in a dashed box</span>");
    out.push_str("<span><mark class=\"f0 drop\">dropped</mark> a negated match of threat or another frame, struck through, not counted</span>");
    out.push_str("<span><span class=\"q\">quoted speech</span> shaded; narration plain</span>");
    out.push_str("<br>Hover over a mark (or long-press it) for the lexicon entry that matched and its weight.</div>\n");
}

fn article(out: &mut String, a: &Analysis, i: usize, text: &ReaderText) {
    let art = &a.articles[i];
    let title = if art.title.trim().is_empty() {
        art.id.as_str()
    } else {
        art.title.trim()
    };
    let _ = writeln!(
        out,
        "<article id=\"a{}\">\n<h2>#{} {}</h2>",
        i + 1,
        i + 1,
        escape(title)
    );
    let mut meta = vec![format!("id {}", escape(&art.id)), escape(&art.source)];
    if let Some(g) = &art.group {
        meta.push(format!("group {}", escape(g)));
    }
    if let Some(d) = &art.date {
        meta.push(escape(d));
    }
    meta.push(format!("{} words", int(art.words)));
    let _ = writeln!(out, "<p class=\"meta\">{}</p>", meta.join(" · "));
    let counts: Vec<String> = art
        .frames
        .iter()
        .enumerate()
        .filter(|(_, f)| f.hits > 0.0)
        .map(|(c, f)| {
            format!(
                "<mark class=\"sw f{c}\">{}</mark> {} ({:.1} per 1,000)",
                escape(&f.frame),
                hits(f.hits),
                f.per_1k
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "<p class=\"counts\">{}</p>",
        if counts.is_empty() {
            "No frame word counted.".to_string()
        } else {
            format!("Counted: {}.", counts.join(", "))
        }
    );
    out.push_str("<div class=\"text\">");
    marked(out, text, &a.frames);
    out.push_str("</div>\n</article>\n");
}

fn hits(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

/// The title of a mark: frame, entry, weight and what negation did.
fn title(m: &Mark, frames: &[String]) -> String {
    let name = |c: usize| frames.get(c).map_or("?", String::as_str);
    let w = hits(m.weight);
    match (m.counts_for, &m.negator) {
        (Some(c), None) => format!("{} · entry “{}” · weight {}", name(c), m.entry, w),
        (Some(c), Some(n)) => format!(
            "{} · negated {} entry “{}” (negator “{}”) · weight {}",
            name(c),
            name(m.entry_frame),
            m.entry,
            n,
            w
        ),
        (None, n) => format!(
            "{} entry “{}” negated by “{}”: not counted",
            name(m.entry_frame),
            m.entry,
            n.as_deref().unwrap_or("?")
        ),
    }
}

/// The text with its marks and quotes. The text is cut at every mark and
/// quote boundary; each piece opens the quote shading (outermost) and the
/// marks covering it, longest first, so the HTML nests properly whatever
/// overlaps.
fn marked(out: &mut String, r: &ReaderText, frames: &[String]) {
    let text = r.text.as_str();
    let ok = |x: usize| x <= text.len() && text.is_char_boundary(x);
    let marks: Vec<&Mark> = r
        .marks
        .iter()
        .filter(|m| m.start < m.end && ok(m.start) && ok(m.end))
        .collect();
    let quotes: Vec<(usize, usize)> = r
        .quotes
        .iter()
        .copied()
        .filter(|&(s, e)| s < e && ok(s) && ok(e))
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for m in &marks {
        cuts.extend([m.start, m.end]);
    }
    for &(s, e) in &quotes {
        cuts.extend([s, e]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut started = vec![false; marks.len()];
    covering(&marks, &quotes, &cuts, |s, e, in_quote, open| {
        if in_quote {
            out.push_str("<span class=\"q\">");
        }
        for &k in open {
            let m = marks[k];
            let frame = m.counts_for.unwrap_or(m.entry_frame);
            let mut class = format!("f{frame}");
            match (m.counts_for, &m.negator) {
                (None, _) => class.push_str(" drop"),
                (Some(_), Some(_)) => class.push_str(" neg"),
                _ => {}
            }
            // The letter goes after the mark's last piece only.
            if e < m.end {
                class.push_str(" part");
            }
            if started[k] {
                class.push_str(" cont");
            }
            started[k] = true;
            let _ = write!(
                out,
                "<mark class=\"{}\" data-frame=\"{}\" data-w=\"{}\" title=\"{}\">",
                class,
                escape(
                    m.counts_for
                        .and_then(|c| frames.get(c))
                        .map_or("", String::as_str)
                ),
                hits(m.weight),
                escape(&title(m, frames))
            );
        }
        out.push_str(&escape(&text[s..e]));
        for _ in open {
            out.push_str("</mark>");
        }
        if in_quote {
            out.push_str("</span>");
        }
    });
}

/// Calls `piece` for each piece of text between consecutive `cuts` with
/// whether a quote covers it and the marks that cover it (longest first).
/// A sweep over marks and quotes sorted by start: testing every mark
/// against every piece took minutes for one article of 20 MB.
fn covering(
    marks: &[&Mark],
    quotes: &[(usize, usize)],
    cuts: &[usize],
    mut piece: impl FnMut(usize, usize, bool, &[usize]),
) {
    let mut by_start: Vec<usize> = (0..marks.len()).collect();
    by_start.sort_by_key(|&k| marks[k].start);
    let mut quotes_by_start = quotes.to_vec();
    quotes_by_start.sort_unstable();
    let (mut next, mut next_quote) = (0, 0);
    let (mut active, mut active_quotes): (Vec<usize>, Vec<(usize, usize)>) = (vec![], vec![]);
    let mut open = Vec::new();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        while next < by_start.len() && marks[by_start[next]].start <= s {
            active.push(by_start[next]);
            next += 1;
        }
        while next_quote < quotes_by_start.len() && quotes_by_start[next_quote].0 <= s {
            active_quotes.push(quotes_by_start[next_quote]);
            next_quote += 1;
        }
        // Every mark and quote ends at a cut, so one still open past `s`
        // covers the whole piece up to `e`.
        active.retain(|&k| marks[k].end > s);
        active_quotes.retain(|&(_, qe)| qe > s);
        open.clear();
        open.extend_from_slice(&active);
        open.sort_by_key(|&k| (marks[k].start, std::cmp::Reverse(marks[k].end), k));
        piece(s, e, !active_quotes.is_empty(), &open);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example;
    use crate::report::links::{href, reader_pages};

    fn with_text(a: &mut Analysis) {
        let text = "Police said there was “no threat to the public” after the attack.";
        let at = |w: &str| text.find(w).unwrap();
        a.reader = vec![ReaderText {
            text: text.into(),
            marks: vec![
                Mark {
                    start: at("no threat"),
                    end: at("no threat") + "no threat".len(),
                    entry_frame: 0,
                    counts_for: Some(1),
                    entry: "threat*".into(),
                    weight: 1.0,
                    negator: Some("no".into()),
                },
                Mark {
                    start: at("attack"),
                    end: at("attack") + 6,
                    entry_frame: 0,
                    counts_for: Some(0),
                    entry: "attack".into(),
                    weight: 2.0,
                    negator: None,
                },
                Mark {
                    start: at("attack"),
                    end: at("attack") + 6,
                    entry_frame: 2,
                    counts_for: Some(2),
                    entry: "attack".into(),
                    weight: 1.0,
                    negator: None,
                },
            ],
            quotes: vec![(at("no threat"), at("public") + 6)],
        }];
    }

    /// The sweep finds the marks and quotes of each piece that testing
    /// each against each finds, on overlapping marks and quotes.
    #[test]
    fn the_sweep_covers_as_testing_every_mark() {
        let mut x = 12345u64;
        let mut next = |n: usize| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) as usize % n
        };
        let len = 400;
        let marks: Vec<Mark> = (0..60)
            .map(|_| {
                let start = next(len - 1);
                Mark {
                    start,
                    end: start + 1 + next(12),
                    entry_frame: 0,
                    counts_for: Some(0),
                    entry: String::new(),
                    weight: 1.0,
                    negator: None,
                }
            })
            .collect();
        let quotes: Vec<(usize, usize)> = (0..8)
            .map(|_| {
                let s = next(len - 1);
                (s, s + 1 + next(80))
            })
            .collect();
        let refs: Vec<&Mark> = marks.iter().collect();
        let mut cuts: Vec<usize> = vec![0, len + 100];
        cuts.extend(marks.iter().flat_map(|m| [m.start, m.end]));
        cuts.extend(quotes.iter().flat_map(|&(s, e)| [s, e]));
        cuts.sort_unstable();
        cuts.dedup();
        let mut swept = Vec::new();
        covering(&refs, &quotes, &cuts, |s, e, q, open| {
            swept.push((s, e, q, open.to_vec()))
        });
        let tested: Vec<(usize, usize, bool, Vec<usize>)> = cuts
            .windows(2)
            .map(|w| {
                let (s, e) = (w[0], w[1]);
                let mut open: Vec<usize> = (0..marks.len())
                    .filter(|&k| marks[k].start <= s && e <= marks[k].end)
                    .collect();
                open.sort_by_key(|&k| (marks[k].start, std::cmp::Reverse(marks[k].end), k));
                let q = quotes.iter().any(|&(qs, qe)| qs <= s && e <= qe);
                (s, e, q, open)
            })
            .collect();
        assert_eq!(swept, tested);
        assert!(swept.iter().any(|p| p.3.len() > 1) && swept.iter().any(|p| p.2));
    }

    #[test]
    fn pages_and_links() {
        assert_eq!(reader_pages(0, false), Vec::<String>::new());
        assert_eq!(reader_pages(5, false), vec!["reader.html"]);
        assert_eq!(reader_pages(250, false).len(), 3);
        assert_eq!(reader_pages(100_000, false).len(), READER_MAX / PAGE_SIZE);
        assert_eq!(
            reader_pages(100_000, true).last().map(String::as_str),
            Some(NAMED_PAGE)
        );
        assert_eq!(href(0), "reader.html#a1");
        assert_eq!(href(101), "reader-2.html#a102");
        assert_eq!(
            href(READER_MAX + 4),
            format!("{NAMED_PAGE}#a{}", READER_MAX + 5)
        );
    }

    #[test]
    fn marks_nest_and_say_what_they_are() {
        let mut a = example(1);
        with_text(&mut a);
        let files = render(&a);
        assert_eq!(files.len(), 1);
        let html = String::from_utf8(files[0].bytes.clone()).unwrap();
        assert!(html.contains("id=\"a1\""));
        // One mark per match: the overlapping threat and conflict marks nest.
        let body = &html[html.find("<div class=\"text\">").unwrap()..];
        assert_eq!(body.matches("<mark ").count(), 3, "{body}");
        assert!(
            body.contains("<span class=\"q\"><mark class=\"f1 neg\""),
            "{body}"
        );
        assert!(body.contains("negated threat entry “threat*” (negator “no”)"));
        assert!(body.contains("data-w=\"2\""));
        assert_eq!(
            body.matches("<mark").count(),
            body.matches("</mark>").count()
        );
        assert!(!html.contains("<script"));
    }

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn every_frame_has_its_own_letter() {
        let a = example(1);
        assert_eq!(
            frame_letters(&a.frames),
            ["T", "R", "C", "Rs", "H", "M", "E"]
        );
        // Clashes go on to later letters, then to the number; empty or
        // symbol-only names get their number.
        assert_eq!(
            frame_letters(&names(&["risk", "rsk", "rs", "r", "", "!!", "rise"])),
            ["R", "Rs", "3", "4", "5", "6", "Ri"]
        );
        assert_eq!(frame_letters(&names(&["2", "", "x"])), ["2", "n2", "X"]);
        // Many frames: all different.
        let many: Vec<String> = (0..40).map(|i| format!("frame{i}")).collect();
        let tags = frame_letters(&many);
        let set: std::collections::BTreeSet<&String> = tags.iter().collect();
        assert_eq!(set.len(), many.len());
        assert!(tags.iter().all(|t| t.chars().all(char::is_alphanumeric)));
    }

    /// No two of the first 28 frames share colour and underline style, and
    /// in the seven default ones frames that share a style differ in hue.
    #[test]
    fn frames_look_different_without_colour_too() {
        let looks: Vec<_> = (0..28).map(look).collect();
        let set: std::collections::BTreeSet<_> = looks.iter().collect();
        assert_eq!(set.len(), 28);
        let styles: std::collections::BTreeSet<&str> = (0..7).map(|f| look(f).1).collect();
        assert_eq!(styles.len(), 4);
        // Okabe-Ito's yellow is no underline.
        assert!(looks.iter().all(|(c, _)| *c != "#F0E442"));
        // The reader's CSS gives each default frame its letter and line.
        let css = css(&example(1).frames);
        assert!(css.contains("mark.f0{border-bottom:4px solid #D55E00}"));
        assert!(css.contains("mark.f1{border-bottom:6px double #0072B2}"));
        assert!(css.contains("mark.f3::after{content:\"Rs\"}"));
        // The rule that hides the letter of a mark's first pieces comes after
        // the letters (same specificity: the later rule wins).
        assert!(css.rfind("mark.part::after").unwrap() > css.rfind("::after{content:\"").unwrap());
    }

    #[test]
    fn a_mark_cut_by_a_quote_is_counted_once() {
        let mut a = example(1);
        with_text(&mut a);
        // The quote ends inside the second mark.
        let r = &mut a.reader[0];
        let at = r.text.find("attack").unwrap();
        r.quotes = vec![(0, at + 3)];
        let html = String::from_utf8(render(&a)[0].bytes.clone()).unwrap();
        let body = &html[html.find("<div class=\"text\">").unwrap()..];
        assert_eq!(
            body.matches("<mark ").count() - body.matches(" cont\"").count(),
            3
        );
        assert!(body.contains(" cont\""));
        // Its letter follows its last piece only: the first piece is "part".
        assert!(body.contains("<mark class=\"f0 part\""), "{body}");
        assert!(html.contains("<strong>Marks:</strong>"));
    }
}
