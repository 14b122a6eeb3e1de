//! Lines of web copies that are not the article: image credits and captions,
//! share and follow prompts, "MORE:" links, newsletter and video plugs,
//! navigation. The rules are deliberately conservative (a line is dropped only
//! when it matches one of them) and documented in docs/user-guide.md ("Reading the corpus").

use super::{inline_boilerplate, wire_credits};
use crate::model::removed::{Removal, RemovalRule};
use std::borrow::Cow;

/// Line starts (case-insensitive, after leading dashes and spaces) that mark
/// boilerplate.
const PREFIXES: &[&str] = &[
    "image caption",
    "image copyright",
    "image source",
    "image:",
    "(image:",
    "images:",
    "photo:",
    "photograph:",
    "picture:",
    "pictured:",
    "credit:",
    "image credit",
    "photo credit",
    "getty images",
    "share on",
    "share this",
    "share:",
    "click to share",
    "more:",
    "read more",
    "read next",
    "related:",
    "related articles",
    "watch the latest",
    "watch:",
    "watch more",
    "connect with us",
    "follow us",
    "please follow",
    "follow:",
    "sign up",
    "subscribe",
    "newsletter",
    "advertisement",
    "advertise here",
    "sponsored",
    "continue reading",
    "recent news",
    "skip to",
    "copyright",
    "©",
    "all rights reserved",
    "avatar of",
    "this article was",
    "cookie",
    "most read",
    "listen to this article",
    "download the app",
    "get the app",
];

/// Agency credits that end a picture caption: "Armed police on patrol (PA)".
const CREDITS: &[&str] = &[
    "(pa)",
    "(ap)",
    "(afp)",
    "(reuters)",
    "(epa)",
    "(getty)",
    "(getty images)",
    "(pa wire)",
    "(pa media)",
    "(rex)",
    "(shutterstock)",
    "(alamy)",
];

/// Why a line is boilerplate, or None if it is article text.
pub fn classify(line: &str, previous: Option<&str>) -> Option<&'static str> {
    let t = line
        .trim()
        .trim_start_matches(['—', '–', '-', '•', '|', ' '])
        .trim();
    if t.is_empty() {
        return None;
    }
    // Only the ends of the line are compared, so only they are lower-cased
    // (lines are whole paragraphs; lower-casing each in full was most of the
    // reading stage's time). Lower-casing goes character by character, so
    // the lower-cased ends are the ends of the lower-cased line (the one
    // exception, a final sigma, can never match these ASCII patterns).
    let head = lower_head(t, PATTERN_MAX);
    // The rules only ask whether a line has at most 4, 14, 30 or 60 words.
    let words = t.split_whitespace().take(PROMPT_MAX_WORDS + 1).count();
    // A longer line that starts with a prompt is article text run together
    // with it (a one-line export, "Share this with ... [the whole story]"):
    // dropping it would drop the article.
    if words <= PROMPT_MAX_WORDS && PREFIXES.iter().any(|p| head.starts_with(p)) {
        return Some("web boilerplate");
    }
    if words <= SHARE_PANEL_MAX_WORDS && share_panel(t) {
        return Some("web boilerplate");
    }
    if words <= 14 && {
        let tail = lower_tail(t, PATTERN_MAX);
        CREDITS.iter().any(|c| tail.ends_with(c))
    } {
        return Some("picture caption");
    }
    if words <= 4 && head.starts_with("about ") {
        return Some("author blurb heading");
    }
    if let Some(p) = previous {
        if p.trim() == line.trim() && words <= 30 {
            return Some("repeated line");
        }
    }
    None
}

/// Most words of a line of share buttons.
const SHARE_PANEL_MAX_WORDS: usize = 8;

/// Labels of a share panel's buttons besides the services' names
/// ([`inline_boilerplate::SHARE_BUTTONS`]).
const SHARE_LABELS: &[&str] = &["share", "tweet", "print", "save", "copy", "link", "send"];

/// Whether `t` is a row of share buttons a page's text kept ("Share",
/// "Share Tweet Email", "Facebook Twitter WhatsApp"): every word a button's
/// label, and "Share" or two buttons among them, so that a line that is one
/// service's name ("Facebook", an answer or a list item) stays.
fn share_panel(t: &str) -> bool {
    let mut share = false;
    let mut buttons = 0;
    for w in t.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '+');
        if w.is_empty() {
            // A separator between buttons ("Share | Print").
            continue;
        }
        let lower = w.to_lowercase();
        if lower == "share" {
            share = true;
        } else if !SHARE_LABELS.contains(&lower.as_str())
            && !inline_boilerplate::SHARE_BUTTONS
                .iter()
                .any(|b| b.eq_ignore_ascii_case(w))
        {
            return false;
        }
        buttons += 1;
    }
    share || buttons >= 2
}

/// Words a line that starts with a prompt, credit or legal notice (the prefix
/// rule) can have to be dropped; longer lines are article text run together
/// with it. Picture captions have their own, shorter limit.
const PROMPT_MAX_WORDS: usize = 60;

/// Bytes compared at either end of a line: more than any pattern's length.
const PATTERN_MAX: usize = 32;

/// The first characters of `t` lower-cased: all of it, or at least `bytes` bytes.
fn lower_head(t: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 4);
    for c in t.chars() {
        if out.len() >= bytes {
            break;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// The last characters of `t` lower-cased: all of it, or at least `bytes` bytes.
fn lower_tail(t: &str, bytes: usize) -> String {
    let mut start = t.len();
    let mut n = 0;
    for (i, c) in t.char_indices().rev() {
        if n >= bytes {
            break;
        }
        n += c.to_lowercase().map(char::len_utf8).sum::<usize>();
        start = i;
    }
    t[start..].chars().flat_map(char::to_lowercase).collect()
}

/// A text with its boilerplate removed.
#[derive(Debug, PartialEq, Eq)]
pub struct Cleaned {
    /// The text kept.
    pub text: String,
    /// Lines dropped (a fragment counts as the line it was on the page).
    pub dropped: usize,
    /// Teasers left in the text: their end could not be told.
    pub teasers_left: usize,
    /// What was dropped, one entry per piece `dropped` counts, in text order.
    pub removed: Vec<Removal>,
}

/// Removes boilerplate lines, then the boilerplate fragments inside the
/// lines kept ([`inline_boilerplate`]); returns the cleaned text, the
/// number dropped and the teasers left. Blank lines are kept so paragraphs
/// survive.
pub fn strip(text: &str) -> Cleaned {
    let mut out = String::with_capacity(text.len());
    let mut dropped = 0;
    let mut teasers_left = 0;
    let mut removed = Vec::new();
    let mut previous: Option<&str> = None;
    for line in text.lines() {
        if classify(line, previous).is_some() {
            dropped += 1;
            removed.push(Removal::new(RemovalRule::Line, line));
        } else {
            let f = inline_boilerplate::strip_line(line);
            teasers_left += f.teasers_left;
            let (kept, fragments) = (f.text, f.removed);
            removed.extend(f.pieces.into_iter().map(|(r, t)| Removal::new(r, t)));
            let mut wire = |l: &str| -> (Option<String>, usize) {
                let (k, marks) = wire_credits::strip_marks(l);
                removed.extend(
                    marks
                        .iter()
                        .map(|t| Removal::new(RemovalRule::WireCredit, t)),
                );
                (
                    matches!(k, Cow::Owned(_)).then(|| k.into_owned()),
                    marks.len(),
                )
            };
            let (kept, marks) = match kept {
                Cow::Borrowed(l) => match wire(l) {
                    (Some(k), n) => (Cow::Owned(k), n),
                    (None, n) => (Cow::Borrowed(l), n),
                },
                Cow::Owned(l) => {
                    let (k, n) = wire(&l);
                    (Cow::Owned(k.unwrap_or(l)), n)
                }
            };
            let fragments = fragments + marks;
            dropped += fragments;
            // A line that was only fragments goes whole: a blank line left
            // in its place would end the paragraph.
            if fragments == 0 || !kept.trim().is_empty() {
                out.push_str(&kept);
                out.push('\n');
            }
        }
        if !line.trim().is_empty() {
            previous = Some(line);
        }
    }
    Cleaned {
        text: out,
        dropped,
        teasers_left,
        removed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_known_boilerplate() {
        for l in [
            "Image caption Ken Marsh said police officers",
            "Credit: EPA",
            "Share on social media:",
            "MORE: Fury after snow leopard shot dead",
            "—Watch the latest videos from Yahoo UK—",
            "Connect with us",
            "Armed police pictured on patrol in London earlier this year (PA)",
            "About Jack Hadfield",
        ] {
            assert!(classify(l, None).is_some(), "{l}");
        }
    }

    #[test]
    fn keeps_article_text() {
        for l in [
            "Police said more officers would be deployed.",
            "The share of violent crime rose (PA) and other figures fell as the long report made clear to many readers.",
            "About 40% of killings are gang related, police said.",
            "More officers were on the streets.",
        ] {
            assert!(classify(l, None).is_none(), "{l}");
        }
    }

    #[test]
    fn a_long_line_that_starts_with_a_prompt_is_kept() {
        let story = "Share this with Media playback is not supported on this device \
                     The captain said the team had played well. "
            .repeat(6);
        assert!(story.split_whitespace().count() > PROMPT_MAX_WORDS);
        assert_eq!(classify(&story, None), None);
        // Only the fixed sentence inside it goes.
        let Cleaned {
            text: kept,
            dropped,
            ..
        } = strip(&story);
        let text = story.replace("Media playback is not supported on this device ", "");
        assert_eq!((kept.trim(), dropped), (text.trim(), 6));
        assert!(classify("Share this with Email Facebook Twitter", None).is_some());
        // A row of share buttons a page's text kept, as a line of its own.
        for row in [
            "Share",
            "Share Tweet Email",
            "Facebook Twitter WhatsApp",
            "Share | Print",
        ] {
            assert!(classify(row, None).is_some(), "{row}");
        }
        // One service's name, or a sentence with the words, is text.
        for line in [
            "Facebook",
            "Email",
            "Share prices fell",
            "Save the date: the vote is on Monday.",
        ] {
            assert!(classify(line, None).is_none(), "{line}");
        }
    }

    #[test]
    fn fragments_go_from_the_lines_kept() {
        let Cleaned {
            text: t,
            dropped: n,
            ..
        } = strip(
            "Title of the story\n\nMedia playback is not supported on this device\n\
             Body text. Image copyright Reuters More text.\n\nEnd.\n",
        );
        // The line that was one fragment leaves no blank line behind.
        assert_eq!(t, "Title of the story\n\nBody text. More text.\n\nEnd.\n");
        assert_eq!(n, 2);
    }

    #[test]
    fn repeated_caption_lines_are_dropped_once() {
        let Cleaned {
            text: t,
            dropped: n,
            ..
        } = strip("Title\n\nDavid Lammy MP\nDavid Lammy MP\n\nBody text.\n");
        assert_eq!(n, 1);
        assert_eq!(t, "Title\n\nDavid Lammy MP\n\nBody text.\n");
    }

    #[test]
    fn patterns_fit_in_the_compared_ends() {
        assert!(PREFIXES
            .iter()
            .chain(CREDITS)
            .chain(&["about "])
            .all(|p| p.len() < PATTERN_MAX));
    }

    #[test]
    fn ends_lower_case_as_the_whole_line() {
        let pieces = [
            "Image Caption",
            " (PA)",
            "ΣΑΣ ",
            "İ",
            "\u{212a}",
            "Straße ",
            "word ",
            "😀",
            "(Getty Images)",
        ];
        let mut r = crate::stats::resample::rng(6, "ends");
        for _ in 0..3000 {
            let n = crate::stats::resample::below(&mut r, 12);
            let line = crate::stats::resample::pieces_text(&mut r, &pieces, n);
            // Equal but for sigma's final form (two bytes either way).
            let unsigma = |s: &str| s.replace('ς', "σ");
            let whole = unsigma(&line.to_lowercase());
            let (head, tail) = (
                unsigma(&lower_head(&line, 8)),
                unsigma(&lower_tail(&line, 8)),
            );
            assert!(head.len() >= 8 || head == whole, "{line:?}");
            assert!(tail.len() >= 8 || tail == whole, "{line:?}");
            assert!(whole.starts_with(&head), "{line:?}");
            assert!(whole.ends_with(&tail), "{line:?}");
        }
    }
}
