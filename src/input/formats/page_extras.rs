//! What a saved page prints around its article that no telling class or id
//! marks, found by its structure and wording and removed before the
//! article is looked for (Readability keeps such parts inside a short
//! article, or as a sibling of a long one): picture captions
//! (`<figcaption>`), a comment section under a heading that names it
//! ("Reader comments", "Comments (212)") when its blocks read as comments
//! ("Joe Bloggs wrote: ...", "2 hours ago"), a cookie consent notice in the
//! site's voice ("This website uses cookies", "We use cookies ...") and the
//! site's legal notice ("... All rights reserved.", "© 2017 ..."). Each
//! rule needs the part's own marks, so that no article text goes on weak
//! evidence.

use super::page_times::{has_text, is_inline, more_words_than, spaced_text};
use super::teaser_lists::{heading_block, is_named, words};
use dom_query::{Document, NodeRef};

/// Removes captions, comment sections, cookie notices and legal notices.
pub fn remove(doc: &Document) {
    remove_captions(doc);
    remove_comment_sections(doc);
    remove_notices(doc);
}

/// Picture captions and their credits ("Protesters outside the building.
/// Photograph: Getty Images"), as the line rules drop a caption line: a
/// `<figcaption>` names a picture, chart or video. A quotation's figure
/// keeps its caption, which says who spoke.
fn remove_captions(doc: &Document) {
    for caption in doc.select("figcaption").nodes().to_vec() {
        let quote = caption
            .ancestors_it(None)
            .find(|a| a.has_name("figure"))
            .is_some_and(|f| f.descendants_it().any(|d| d.has_name("blockquote")));
        if !quote {
            caption.remove_from_parent();
        }
    }
}

/// Headings of a comment section, lower case, without a count.
const COMMENT_HEADINGS: &[&str] = &[
    "comments",
    "comment",
    "reader comments",
    "readers comments",
    "readers' comments",
    "reader's comments",
    "your comments",
    "user comments",
    "show comments",
    "view comments",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "add a comment",
    "have your say",
    "join the conversation",
    "join the discussion",
];

/// Whether a heading names a comment section, and whether it gives their
/// count ("Comments (212)", "212 comments").
fn comment_heading(text: &str) -> Option<bool> {
    let lower = text.to_lowercase().replace('\u{2019}', "'");
    let counted = lower.chars().any(|c| c.is_ascii_digit());
    let label: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c.is_ascii_digit() || "():.[]".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    COMMENT_HEADINGS
        .contains(&label.join(" ").as_str())
        .then_some(counted)
}

/// Verbs a comment system writes after the commenter's name ("Joe Bloggs
/// wrote:"); a story's "said:" is not one.
const COMMENT_VERBS: &[&str] = &[
    "wrote",
    "writes",
    "says",
    "commented",
    "comments",
    "replied",
    "replies",
    "posted",
];

/// Units of a comment's age ("2 hours ago").
const AGE_UNITS: &[&str] = &[
    "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day",
    "days", "week", "weeks", "month", "months", "year", "years",
];

/// Whether a block's text opens as a comment does: a name of at most four
/// words and a comment verb before a colon ("Joe Bloggs wrote:", "dave123
/// says:"), or the comment's age among its first words ("Ann · 2 hours
/// ago").
fn reads_as_comment(text: &str) -> bool {
    let t = text.trim_start();
    let signed = t.find(':').filter(|&i| i <= 80).is_some_and(|i| {
        let head: Vec<&str> = t[..i].split_whitespace().collect();
        head.len() >= 2
            && head.len() <= 5
            && COMMENT_VERBS.contains(&head[head.len() - 1].to_lowercase().as_str())
            && head[..head.len() - 1].iter().all(|w| {
                !w.ends_with(['.', ',', '!', '?', ';'])
                    && !w.starts_with(['"', '\'', '\u{201c}', '\u{2018}'])
            })
    });
    let first: Vec<String> = t
        .split_whitespace()
        .take(15)
        .map(|w| w.to_lowercase())
        .collect();
    let aged = first.windows(3).any(|w| {
        (w[0].parse::<u32>().is_ok() || w[0] == "a" || w[0] == "an")
            && AGE_UNITS.contains(&w[1].as_str())
            && w[2].trim_end_matches(['.', ',']) == "ago"
    });
    signed || aged
}

/// The level of a heading element (`<h3>` 3; a `role="heading"` its
/// `aria-level`, else 2).
fn heading_level(node: &NodeRef) -> Option<u8> {
    let name = node.node_name()?.to_ascii_lowercase();
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ if node.attr("role").as_deref() == Some("heading") => Some(
            node.attr("aria-level")
                .and_then(|l| l.trim().parse().ok())
                .unwrap_or(2),
        ),
        _ => None,
    }
}

/// Whether a node is, or holds, a heading of `level` or higher.
fn ends_section(node: &NodeRef, level: u8) -> bool {
    std::iter::once(*node)
        .chain(node.descendants_it())
        .any(|d| heading_level(&d).is_some_and(|l| l <= level))
}

/// A comment section: a heading that names one and the blocks after it up
/// to the next heading of its level, removed when at least half of those
/// blocks read as comments, or one does and the heading counts them. A
/// heading with nothing after it, or one that counts comments over blocks
/// that do not read as such, goes alone; one over text that does not read
/// as comments (a story's "Comments" from officials) stays.
fn remove_comment_sections(doc: &Document) {
    let headings: Vec<NodeRef> = doc
        .select("h2, h3, h4, h5, h6, [role=heading]")
        .nodes()
        .to_vec();
    for heading in headings {
        let (Some(counted), Some(level)) =
            (comment_heading(&heading.text()), heading_level(&heading))
        else {
            continue;
        };
        let block = heading_block(&heading);
        let mut section = Vec::new();
        let mut next = block.next_sibling();
        while let Some(node) = next {
            next = node.next_sibling();
            if node.is_element() && ends_section(&node, level) {
                break;
            }
            if has_text(&node) {
                section.push(node);
            }
        }
        let comments = section
            .iter()
            .filter(|n| reads_as_comment(&spaced_text(n)))
            .count();
        if comments > 0 && (counted || comments * 2 >= section.len()) {
            for node in section {
                node.remove_from_parent();
            }
            block.remove_from_parent();
        } else if counted || section.is_empty() {
            block.remove_from_parent();
        }
    }
}

/// Most words of a cookie notice's block.
const COOKIE_MAX_WORDS: usize = 80;
/// Most words of a legal notice's block.
const LEGAL_MAX_WORDS: usize = 40;
/// Words at a notice's start that hold its mark.
const MARK_WITHIN_WORDS: usize = 30;
/// Most notices removed from a page (a real one has a handful).
const MAX_NOTICES: usize = 50;

/// How a consent tool's sentence opens, in the site's voice (lower case);
/// the sentence must also name cookies. A story about cookies does not
/// open its sentences so, and quotes a banner in quotation marks.
const COOKIE_OPENERS: &[&str] = &[
    "we use cookies",
    "we and our partners",
    "this website uses",
    "this site uses",
    "our website uses",
    "our site uses",
    "by continuing to",
    "by using this",
    "by using our",
    "let us know you agree",
];

/// Whether a block's text is a cookie consent notice: among its first
/// words, a sentence that opens in the site's voice and names cookies
/// ("This website uses cookies.", "We use cookies to ...", "By continuing
/// to browse you agree to our use of cookies.").
fn cookie_notice(text: &str) -> bool {
    let start: String = text
        .split_whitespace()
        .take(MARK_WITHIN_WORDS)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('\u{2019}', "'");
    words(text) <= COOKIE_MAX_WORDS
        && start
            .split_inclusive(['.', '!', '?'])
            .map(str::trim_start)
            .any(|sentence| {
                sentence.contains("cookie")
                    && COOKIE_OPENERS.iter().any(|o| sentence.starts_with(o))
            })
}

/// Whether a block's text is the site's legal notice: "All rights
/// reserved" in it, or opening with a copyright sign or word and a year or
/// name ("© 2017 Daily Bugle Ltd", "Copyright 2024 BBC", "(c) 2017 ...").
fn legal_notice(text: &str) -> bool {
    let t = text.trim_start().to_lowercase();
    words(&t) <= LEGAL_MAX_WORDS
        && (t.contains("all rights reserved")
            || t.starts_with('\u{a9}')
            || t.starts_with("copyright \u{a9}")
            || t.starts_with("(c) ")
            || t.strip_prefix("copyright ")
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit())))
}

/// Whether a node's text is all inside links and buttons ("Accept",
/// "Terms", "Privacy"), or it has none.
fn only_controls(node: &NodeRef) -> bool {
    let control = |n: &NodeRef| is_named(n, "a") || is_named(n, "button");
    control(node)
        || std::iter::once(*node)
            .chain(node.descendants_it())
            .filter(|d| d.is_nonempty_text())
            .all(|d| {
                d.ancestors_it(None)
                    .take_while(|a| a.id != node.id)
                    .any(|a| control(&a))
            })
}

/// The block that holds a notice's text: the text's nearest block
/// element, with the wrappers around it that add only links and buttons.
/// `None` when that is the page's body, an article or the main content.
fn notice_block<'a>(text: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let stop = |n: &NodeRef| {
        !n.is_element()
            || ["body", "html", "article", "main"]
                .iter()
                .any(|s| n.has_name(s))
    };
    text.ancestors_it(None)
        .find(|a| a.is_element() && !is_inline(a))
        .filter(|b| !stop(b))
}

/// The notice's block widened to the wrappers around it that add only
/// links and buttons.
fn with_controls<'a>(block: NodeRef<'a>) -> NodeRef<'a> {
    let mut block = block;
    while let Some(parent) = block.parent() {
        let stop = !parent.is_element()
            || ["body", "html", "article", "main"]
                .iter()
                .any(|s| parent.has_name(s));
        if stop
            || !parent
                .children_it(false)
                .all(|c| c.id == block.id || only_controls(&c))
        {
            break;
        }
        block = parent;
    }
    block
}

/// Removes the blocks of cookie consent notices and legal notices.
fn remove_notices(doc: &Document) {
    let texts: Vec<NodeRef> = doc
        .root()
        .descendants_it()
        .filter(|n| n.is_text())
        .filter(|n| {
            let t = n.text().to_lowercase();
            t.contains("cookie")
                || t.contains("rights reserved")
                || t.contains("copyright")
                || t.contains('\u{a9}')
                || t.contains("(c)")
        })
        .collect();
    let blocks: Vec<NodeRef> = texts
        .iter()
        .filter_map(notice_block)
        .filter(|b| !more_words_than(b, COOKIE_MAX_WORDS.max(LEGAL_MAX_WORDS)))
        .filter(|b| {
            let t = spaced_text(b);
            cookie_notice(&t) || legal_notice(&t)
        })
        .map(with_controls)
        .take(MAX_NOTICES)
        .collect();
    for block in blocks {
        block.remove_from_parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(body: &str, clean: bool) -> String {
        let doc = Document::from(format!("<html><body>{body}</body></html>"));
        if clean {
            remove(&doc);
        }
        doc.select("body")
            .formatted_text()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn cleaned(body: &str) -> String {
        text_of(body, true)
    }

    const TEXT: &str =
        "<p>The council will spend two million pounds on a new road, officials said.</p>";

    #[test]
    fn captions_go_and_a_quotations_caption_stays() {
        assert_eq!(
            cleaned(&format!(
                "<article><figure><img src=x><figcaption>Protesters outside the building. \
                 Photograph: Getty Images</figcaption></figure>{TEXT}</article>"
            )),
            "The council will spend two million pounds on a new road, officials said."
        );
        assert_eq!(
            cleaned("<figure><blockquote>We will win.</blockquote><figcaption>Jo Smith</figcaption></figure>"),
            "We will win. Jo Smith"
        );
    }

    #[test]
    fn comment_headings() {
        for (h, counted) in [
            ("Comments", false),
            ("Reader comments", false),
            ("Readers\u{2019} comments", false),
            ("Comments (212)", true),
            ("212 Comments", true),
            ("Have your say:", false),
        ] {
            assert_eq!(comment_heading(h), Some(counted), "{h}");
        }
        for h in ["Comments from the minister", "Discussion", "Most read", ""] {
            assert_eq!(comment_heading(h), None, "{h}");
        }
        for c in [
            "Joe Bloggs wrote: This government is a total disaster.",
            "dave123 says: Shocking.",
            "Ann Smith \u{b7} 2 hours ago Agreed, it is a disgrace.",
        ] {
            assert!(reads_as_comment(c), "{c}");
        }
        for c in [
            "The minister said: we will act.",
            "In a letter, Smith wrote: the plan is sound.",
            "He said the plan was sound: nobody disagreed.",
            "Residents wrote to the council in March.",
        ] {
            assert!(!reads_as_comment(c), "{c}");
        }
    }

    /// From a review: on a page without telling classes, the "Reader
    /// comments" heading and the comments under it stayed in the article.
    #[test]
    fn a_comment_section_under_its_heading_goes() {
        let page = format!(
            "<div class=\"content\"><h1>Road</h1>{TEXT}<h3>Reader comments</h3>\
             <p>Joe Bloggs wrote: This government is a total disaster.</p>\
             <p>Ann wrote: I agree, shocking and dangerous.</p></div>"
        );
        let text = cleaned(&page);
        assert!(text.contains("two million pounds"), "{text}");
        for gone in ["Reader comments", "disaster", "shocking"] {
            assert!(!text.contains(gone), "{gone}: {text}");
        }
        // Counted, one comment's mark is enough; the heading of the next
        // section ends it.
        let page = format!(
            "<div><h2>Comments (3)</h2><div><p>Disgraceful.</p></div><p>Shocking.</p>\
             <p>Jo Smith wrote: A waste.</p><h2>About the author</h2><p>Jo writes on transport.</p>\
             </div>{TEXT}"
        );
        assert_eq!(
            cleaned(&page),
            "About the author Jo writes on transport. The council will spend two million \
             pounds on a new road, officials said."
        );
        // A count over text that does not read as comments: the heading
        // alone goes.
        let page = format!("<div><h2>12 comments</h2>{TEXT}</div>");
        assert_eq!(cleaned(&page), text_of(TEXT, false));
        // A heading over text that does not read as comments stays.
        let page = format!(
            "<div>{TEXT}<h3>Comments</h3><p>The minister said: we will act.</p>\
             <p>The mayor said the works would start soon.</p></div>"
        );
        let text = cleaned(&page);
        assert!(text.contains("Comments The minister said"), "{text}");
    }

    /// From a review: a short article kept the cookie notice and the
    /// footer's legal notice of a page without telling classes.
    #[test]
    fn cookie_and_legal_notices_go() {
        let page = format!(
            "<div class=\"gdpr\"><p>This website uses cookies. We and our partners use cookies \
             to personalise content and ads. Accept or manage settings.</p><button>Accept</button></div>\
             <div class=\"content\"><h1>Road</h1>{TEXT}</div>\
             <div class=\"foot\">Evening Post, 1 High Street. Registered in England No. 12345. \
             All rights reserved. <a href=\"/t\">Terms</a> <a href=\"/p\">Privacy</a></div>\
             <div><p>\u{a9} 2017 Daily Bugle Ltd.</p></div>"
        );
        assert_eq!(
            cleaned(&page),
            "Road The council will spend two million pounds on a new road, officials said."
        );
        // A story about cookies, or quoting a banner, stays; and the
        // article around a notice stays.
        for kept in [
            "<p>Websites must ask users to accept cookies, and most people agree to cookies \
             without reading, the regulator said.</p>",
            "<p>\"We use cookies\", the banner says, but few people read on.</p>",
            "<p>On Monday the firm said we use cookies only with consent, and users agree to \
             cookies by clicking.</p>",
            "<p>The song, copyright of the label, was played.</p>",
        ] {
            assert_eq!(cleaned(kept), text_of(kept, false), "{kept}");
        }
        let page = format!("<article>{TEXT}Copyright 2024 BBC</article>");
        assert!(cleaned(&page).contains("two million"));
    }
}
