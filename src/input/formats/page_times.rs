//! A saved page's `<time>` elements. The page's date comes from them when
//! its JSON-LD and meta data give none, and a date printed as a line of its
//! own (a `<time>` between the page's blocks, as a dateline under the
//! headline) is made a paragraph: HTML counts `<time>` as inline, and the
//! article finder glued it to the caption or paragraph after it ("20
//! February 2017 Protesters outside ...").

use crate::input::exports::dates::iso_date;
use dom_query::{Document, NodeRef};

/// Most words of the line a `<time>` stands on for it to be the page's
/// date line ("Published 20 February 2017, 10:32 GMT"); a `<time>` in a
/// longer paragraph is a date the story names ("the hearing on Feb. 7").
const DATELINE_MAX_WORDS: usize = 12;

/// Elements that run inside a line of text (HTML's phrasing content).
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
    "img", "picture", "wbr", "button", "input",
];

/// Page parts whose dates are not the article's (a page without an
/// `<article>` or main content is searched outside them).
const FURNITURE: &[&str] = &["header", "nav", "footer", "aside"];

pub(super) fn is_inline(node: &NodeRef) -> bool {
    node.node_name()
        .is_some_and(|n| INLINE.iter().any(|i| n.eq_ignore_ascii_case(i)))
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// A node's text with a space between its text nodes (an element's
/// `text()` runs the words of adjacent blocks together: "settings.Accept").
pub(super) fn spaced_text(node: &NodeRef) -> String {
    std::iter::once(*node)
        .chain(node.descendants_it())
        .filter(|n| n.is_text())
        .map(|n| n.text().to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a node's text has more than `limit` words, counted in each of
/// its text nodes up to the limit (a large block is not read whole).
pub(super) fn more_words_than(node: &NodeRef, limit: usize) -> bool {
    let mut n = 0;
    std::iter::once(*node)
        .chain(node.descendants_it())
        .filter(|d| d.is_text())
        .any(|d| {
            n += words(&d.text());
            n > limit
        })
}

/// Whether a node holds any text.
pub(super) fn has_text(node: &NodeRef) -> bool {
    std::iter::once(*node)
        .chain(node.descendants_it())
        .any(|d| d.is_nonempty_text())
}

/// Whether `child` holds all the text of its parent.
pub(super) fn alone_in(parent: &NodeRef, child: &NodeRef) -> bool {
    parent
        .children_it(false)
        .all(|c| c.id == child.id || !has_text(&c))
}

/// The line a `<time>` stands on and whether it is a line of its own: the
/// wrappers around it that hold nothing else (`<span class="date">`), when
/// that is a block or stands between blocks (no text and no inline element
/// with text beside it before the next block on either side); else the
/// nearest block around it, a line of text.
fn line_of<'a>(time: &NodeRef<'a>) -> Option<(NodeRef<'a>, bool)> {
    let mut line = *time;
    while let Some(parent) = line.parent() {
        if !parent.is_element()
            || parent.has_name("body")
            || parent.has_name("html")
            || !alone_in(&parent, &line)
        {
            break;
        }
        line = parent;
    }
    // Text on the same line: up to the first block beside it.
    let beside_text = |mut s: Option<NodeRef>, next: bool| {
        while let Some(node) = s {
            if node.is_element() && !is_inline(&node) {
                return false;
            }
            if node.is_nonempty_text() || has_text(&node) {
                return true;
            }
            s = if next {
                node.next_sibling()
            } else {
                node.prev_sibling()
            };
        }
        false
    };
    if !is_inline(&line)
        || !(beside_text(line.prev_sibling(), false) || beside_text(line.next_sibling(), true))
    {
        return Some((line, true));
    }
    let block = line
        .ancestors_it(None)
        .find(|a| a.is_element() && !is_inline(a))?;
    Some((block, false))
}

/// The day a `<time>` names: its `datetime` attribute, else its text.
fn day_of(time: &NodeRef) -> Option<String> {
    time.attr("datetime")
        .and_then(|d| iso_date(&d))
        .or_else(|| iso_date(&time.text()))
}

/// Where the article's dates are looked for: the first `<article>` holding
/// an `<h1>` (else the first `<article>`), else the main content, else the
/// page's body.
fn scope(doc: &Document) -> Option<(NodeRef<'_>, bool)> {
    let articles = doc.select("article").nodes().to_vec();
    if let Some(a) = articles
        .iter()
        .find(|a| a.descendants_it().any(|d| d.has_name("h1")))
        .or(articles.first())
    {
        return Some((*a, false));
    }
    if let Some(m) = doc.select("main, [role=main]").nodes().first() {
        return Some((*m, false));
    }
    doc.select("body").nodes().first().map(|b| (*b, true))
}

/// The page's date from its `<time>` elements, for a page whose JSON-LD
/// and meta data give none: one marked as the publication date
/// (`itemprop="datePublished"`, `pubdate`), else the first date line of the
/// article (a `<time>` on a line of at most [`DATELINE_MAX_WORDS`] words;
/// publication is printed before an update). Dates inside the story's
/// paragraphs and in the page's header, menus, footer and side panels
/// never count.
pub fn date(doc: &Document) -> Option<String> {
    let (root, whole_page) = scope(doc)?;
    let times: Vec<NodeRef> = root
        .descendants_it()
        .filter(|n| n.has_name("time"))
        .filter(|t| {
            !whole_page
                || !t
                    .ancestors_it(None)
                    .any(|a| FURNITURE.iter().any(|f| a.has_name(f)))
        })
        .collect();
    let published = |t: &&NodeRef| {
        t.has_attr("pubdate")
            || t.attr("itemprop")
                .is_some_and(|p| p.split_whitespace().any(|p| p == "datePublished"))
    };
    let on_dateline = |t: &&NodeRef| {
        line_of(t).is_some_and(|(line, apart)| apart || !more_words_than(&line, DATELINE_MAX_WORDS))
    };
    times
        .iter()
        .filter(published)
        .find_map(day_of)
        .or_else(|| times.iter().filter(on_dateline).find_map(day_of))
}

/// Most words of a block read as a printed date line ("Published 12:04
/// GMT, 12 March 2024 | Updated 13:10 GMT, 13 March 2024 by Jo Smith").
const PRINTED_LINE_MAX_WORDS: usize = 25;

/// Words that label a printed date as the publication's.
const PUBLISHED_LABELS: &[&str] = &["published", "posted"];
/// Words that label a printed date as an update's.
const UPDATED_LABELS: &[&str] = &["updated", "modified"];

/// The publication and update dates a printed line gives by label
/// ("Published 12 March 2024 by Jo Smith", "Updated: 13 March 2024",
/// "First published on Tue 12 Mar 2024"): each part of the line between
/// separators that opens with a label (after "First", "Last" or
/// "Originally") and names a day.
fn labelled_dates(line: &str) -> (Option<String>, Option<String>) {
    let mut parts = vec![line];
    for sep in super::bylines::PRINTED_SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    let (mut published, mut updated) = (None, None);
    for part in parts {
        let mut words = part.split_whitespace().peekable();
        let label = |w: &str| w.trim_end_matches(':').to_lowercase();
        if words
            .peek()
            .is_some_and(|w| matches!(label(w).as_str(), "first" | "last" | "originally"))
        {
            words.next();
        }
        let Some(first) = words.next().map(label) else {
            continue;
        };
        let slot = if PUBLISHED_LABELS.contains(&first.as_str()) {
            &mut published
        } else if UPDATED_LABELS.contains(&first.as_str()) {
            &mut updated
        } else {
            continue;
        };
        let rest: Vec<&str> = words.collect();
        if slot.is_none() {
            *slot = iso_date(&rest.join(" "));
        }
    }
    (published, updated)
}

/// The page's date from the lines it prints, for a page whose JSON-LD,
/// meta data and `<time>` elements give none: the first line of the
/// article labelled as the publication's ("Published 12 March 2024 by Jo
/// Smith", "Posted on ..."), else the first line that is a date and
/// nothing else, else the first labelled as an update ("Updated: 13 March
/// 2024"). Only lines of at most [`PRINTED_LINE_MAX_WORDS`] words count,
/// in the scope `<time>` elements are looked for in: a date inside the
/// story's sentences names an event. Called once comments and lists of
/// other stories are removed.
pub fn printed_date(doc: &Document) -> Option<String> {
    let (root, whole_page) = scope(doc)?;
    let (mut published, mut plain, mut updated) = (None, None, None);
    for block in root.descendants_it() {
        if !block.is_element()
            || is_inline(&block)
            || block.has_name("script")
            || block.has_name("style")
            || (whole_page
                && block
                    .ancestors_it(None)
                    .any(|a| FURNITURE.iter().any(|f| a.has_name(f))))
            || more_words_than(&block, PRINTED_LINE_MAX_WORDS)
            || !has_text(&block)
            // A line: no block inside it.
            || block
                .descendants_it()
                .any(|d| d.is_element() && !is_inline(&d))
        {
            continue;
        }
        let line = spaced_text(&block)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let (p, u) = labelled_dates(&line);
        published = published.or(p);
        updated = updated.or(u);
        if plain.is_none() {
            plain = crate::input::exports::dates::date_line(&line);
        }
        if published.is_some() {
            break;
        }
    }
    published.or(plain).or(updated)
}

/// Makes each `<time>` that stands as a line of its own, between the
/// page's blocks, a paragraph, so that the date line under a headline
/// keeps its line instead of running into the caption or paragraph after
/// it. A `<time>` inside a line of text ("Published <time>...</time> by
/// ...", "on <time>Monday</time>") stays in it.
pub fn separate_date_lines(doc: &Document) {
    let times: Vec<NodeRef> = doc.select("time").nodes().to_vec();
    for time in times {
        if !has_text(&time) || more_words_than(&time, DATELINE_MAX_WORDS) {
            continue;
        }
        if let Some((line, true)) = line_of(&time) {
            if is_inline(&line) {
                line.rename("p");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "<p>The council said on <time datetime=\"2017-02-07\">Feb. 7</time> that \
        the road would reopen after the works, which began in the winter and cost more than planned.</p>";

    fn date_of(body: &str) -> Option<String> {
        date(&Document::from(format!("<html><body>{body}</body></html>")))
    }

    /// From a review: a page without JSON-LD or meta dates had its date
    /// only in a `<time datetime>` inside the article; the date was empty.
    #[test]
    fn the_date_line_of_the_article_gives_the_date() {
        let page = format!(
            "<header><time datetime=\"2024-01-01\">1 January 2024</time></header>\
             <article><h1>Road to reopen</h1>\
             <time datetime=\"2017-02-20\">20 February 2017</time>{STORY}</article>"
        );
        assert_eq!(date_of(&page).as_deref(), Some("2017-02-20"));
        // A datetime with a time of day, a date in the text only, a
        // dateline of several words.
        for (time, day) in [
            (
                "<time datetime=\"2017-02-25T10:00:00.000Z\">25 February</time>",
                "2017-02-25",
            ),
            ("<time>25 February 2017</time>", "2017-02-25"),
            (
                "<p>Published <time datetime=\"2017-02-25\">Saturday</time> by Jo Smith</p>",
                "2017-02-25",
            ),
        ] {
            let page = format!("<main><h1>Road</h1>{time}{STORY}</main>");
            assert_eq!(date_of(&page).as_deref(), Some(day), "{time}");
        }
    }

    #[test]
    fn publication_comes_first_and_story_dates_never_count() {
        // Published, then updated: the first.
        let page = format!(
            "<article><p>Published <time datetime=\"2017-02-20\">20 Feb</time>, updated \
             <time datetime=\"2017-02-21\">21 Feb</time></p>{STORY}</article>"
        );
        assert_eq!(date_of(&page).as_deref(), Some("2017-02-20"));
        // A date marked as the publication's wins over an earlier one.
        let page = format!(
            "<article><time datetime=\"2017-03-01\">Updated 1 March</time>\
             <time itemprop=\"datePublished\" datetime=\"2017-02-20\">20 Feb</time>{STORY}</article>"
        );
        assert_eq!(date_of(&page).as_deref(), Some("2017-02-20"));
        // Only a date inside the story's paragraph, or in the page's
        // furniture, or none that reads as a day: no date.
        assert_eq!(date_of(&format!("<article>{STORY}</article>")), None);
        assert_eq!(
            date_of("<footer><time datetime=\"2024-01-01\">2024</time></footer><div>Text.</div>"),
            None
        );
        assert_eq!(
            date_of("<article><time datetime=\"PT2H\">2 hours ago</time></article>"),
            None
        );
        assert_eq!(date_of(""), None);
    }

    fn lines_of(body: &str) -> Vec<String> {
        let doc = Document::from(format!("<html><body>{body}</body></html>"));
        separate_date_lines(&doc);
        doc.select("body")
            .formatted_text()
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect()
    }

    /// From a review: the date line under the headline was glued to the
    /// picture's caption after it as one line of text.
    #[test]
    fn a_date_standing_between_blocks_is_a_line_of_its_own() {
        assert_eq!(
            lines_of(
                "<article><h1>Head</h1><time datetime=\"2017-02-20\">20 February 2017</time>\
                 <figure><img src=x></figure> <span>Caption</span><p>Text.</p></article>"
            ),
            ["Head", "20 February 2017", "Caption", "Text."]
        );
        assert_eq!(
            lines_of(
                "<div><h1>Head</h1><span class=\"date\"><time>20 Feb 2017</time></span>\
                 <div>Text.</div></div>"
            ),
            ["Head", "20 Feb 2017", "Text."]
        );
        // Inside a line of text, a date stays in it.
        for kept in [
            "<p>Published <time>20 Feb 2017</time> by Jo</p>",
            "<div><span>By Jo Smith</span> <time>20 Feb 2017</time></div>",
            STORY,
        ] {
            assert_eq!(lines_of(kept).len(), 1, "{kept}");
        }
    }

    fn printed_date_of(body: &str) -> Option<String> {
        printed_date(&Document::from(format!("<html><body>{body}</body></html>")))
    }

    /// From a review: a page whose only date was a printed line
    /// ("Published 12 March 2024 by X", no `<time>`) had no date.
    #[test]
    fn a_printed_publication_line_gives_the_date() {
        for (line, day) in [
            ("Published 12 March 2024 by Sean Murphy", "2024-03-12"),
            ("Posted on March 12, 2024 by admin", "2024-03-12"),
            ("First published on Tue 12 Mar 2024 10.00 GMT", "2024-03-12"),
            ("Published: 12:04 GMT, 12 March 2024", "2024-03-12"),
            // Publication wins over an update, printed before or after it.
            (
                "Updated: 13 March 2024 | Published: 12 March 2024",
                "2024-03-12",
            ),
            ("12 March 2024", "2024-03-12"),
            // Only an update: the update.
            ("Last updated: 13 March 2024", "2024-03-13"),
        ] {
            let page =
                format!("<article><h1>Road</h1><p class=\"meta\">{line}</p>{STORY}</article>");
            assert_eq!(printed_date_of(&page).as_deref(), Some(day), "{line}");
        }
        // An update printed first, the publication in a later line.
        let page = format!(
            "<article><h1>Road</h1><p>Updated 13 March 2024</p><p>By Jo</p>\
             <div><span>Published 12 March 2024</span></div>{STORY}</article>"
        );
        assert_eq!(printed_date_of(&page).as_deref(), Some("2024-03-12"));
        // A date in the story's sentences, in a long paragraph, or in the
        // page's furniture is none.
        for page in [
            format!("<article>{STORY}</article>"),
            "<article><p>The report, published 12 March 2024, found the road too narrow.</p></article>"
                .to_string(),
            "<footer><p>Published 1 January 2024</p></footer><div>Text of the page.</div>"
                .to_string(),
            "<article><p>Published in 2024 by the council</p></article>".to_string(),
        ] {
            assert_eq!(printed_date_of(&page), None, "{page}");
        }
    }
}
