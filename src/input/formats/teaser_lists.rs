//! Lists of other stories on a saved web page that only their heading
//! marks ("Most read", "Related stories", "You may also like"), with no
//! telling class or id: the heading and the links after it are removed
//! before the article is looked for, since Readability keeps such a list
//! inside a short article.

use super::page_times::alone_in;
use dom_query::{Document, NodeRef};

/// The words a teaser list's heading starts with (lower case): the
/// heading is these words, or these words and a few more ("Most read in
/// Business", "More from The Times").
const TEASER_HEADINGS: &[&str] = &[
    "most read",
    "most popular",
    "most viewed",
    "most shared",
    "related",
    "related stories",
    "related articles",
    "related content",
    "related links",
    "related topics",
    "more on this story",
    "more on this topic",
    "more stories",
    "more from",
    "read more",
    "read next",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended for you",
    "top stories",
    "trending",
    "latest stories",
    "popular now",
    "editor's picks",
];

/// Most words of a teaser heading ("More on this story from BBC News").
const MAX_HEADING_WORDS: usize = 7;

/// Elements a page uses as headings.
const HEADINGS: &str = "h2, h3, h4, h5, h6, [role=heading]";

/// Whether a heading's text names a list of other stories.
fn teaser_heading(text: &str) -> bool {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| w.to_lowercase().replace('\u{2019}', "'"))
        .collect();
    let heading = words.join(" ");
    let heading = heading.trim_end_matches([':', '.', ' ']);
    words.len() <= MAX_HEADING_WORDS
        && TEASER_HEADINGS.iter().any(|t| {
            heading == *t
                || heading
                    .strip_prefix(t)
                    .is_some_and(|rest| rest.starts_with(' '))
        })
}

pub(super) fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

pub(super) fn is_named(node: &NodeRef, name: &str) -> bool {
    node.node_name()
        .is_some_and(|n| n.eq_ignore_ascii_case(name))
}

/// (words, words inside links) of an element.
pub(super) fn link_words(node: &NodeRef) -> (usize, usize) {
    let all = words(&node.text());
    if is_named(node, "a") {
        return (all, all);
    }
    let linked = node
        .descendants_it()
        .filter(|d| is_named(d, "a"))
        .map(|a| words(&a.text()))
        .sum();
    (all, linked)
}

/// The heading's block: the heading, or the wrapper around it that holds
/// no other text (`<div><h3>Related</h3></div>`).
pub(super) fn heading_block<'a>(heading: &NodeRef<'a>) -> NodeRef<'a> {
    let mut block = *heading;
    while let Some(parent) = block.parent() {
        if !parent.is_element()
            || is_named(&parent, "body")
            || is_named(&parent, "html")
            || !alone_in(&parent, &block)
        {
            break;
        }
        block = parent;
    }
    block
}

/// The elements after `block` that are mostly links (more than half of
/// their words), up to the first that is not or to text between them.
fn links_after<'a>(block: &NodeRef<'a>) -> Vec<NodeRef<'a>> {
    let mut out = Vec::new();
    let mut next = block.next_sibling();
    while let Some(node) = next {
        next = node.next_sibling();
        if node.is_element() {
            let (all, linked) = link_words(&node);
            if all == 0 {
                continue;
            }
            if linked * 2 <= all {
                break;
            }
            out.push(node);
        } else if node.is_text() && !node.text().trim().is_empty() {
            break;
        }
    }
    out
}

/// Removes from `doc` each heading that names a list of other stories and
/// the links after it; a heading followed by text, not links, stays.
pub fn remove(doc: &Document) {
    let headings: Vec<NodeRef> = doc.select(HEADINGS).nodes().to_vec();
    for heading in headings {
        if !teaser_heading(&heading.text()) {
            continue;
        }
        let block = heading_block(&heading);
        let list = links_after(&block);
        if list.is_empty() {
            continue;
        }
        block.remove_from_parent();
        for node in list {
            node.remove_from_parent();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teaser_headings() {
        for h in [
            "Most read",
            "Most Read in Business",
            "Related stories:",
            "More on this story",
            "You may also like",
            "Editor\u{2019}s picks",
            "TOP STORIES",
        ] {
            assert!(teaser_heading(h), "{h}");
        }
        for h in [
            "Most readers agree",
            "Recommendations of the inquiry",
            "Why the council recommended the road and what happens next now",
            "",
        ] {
            assert!(!teaser_heading(h), "{h}");
        }
    }

    #[test]
    fn only_links_after_the_heading_go() {
        let doc = Document::from(
            "<div><p>Body.</p><h2>Top stories</h2><p>Prose follows the heading here.</p>\
             <h2>Read more</h2><ul><li><a href=x>One story</a></li></ul> Loose text\
             <ul><li><a href=y>Kept story</a></li></ul></div>",
        );
        remove(&doc);
        let text = doc.select("div").text();
        assert!(text.contains("Top stories") && text.contains("Prose follows"));
        assert!(!text.contains("Read more") && !text.contains("One story"));
        assert!(text.contains("Loose text") && text.contains("Kept story"));
    }
}
