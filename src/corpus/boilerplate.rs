//! Lines of web copies that are not the article: image credits and captions,
//! share and follow prompts, "MORE:" links, newsletter and video plugs,
//! navigation. The rules are deliberately conservative (a line is dropped only
//! when it matches one of them) and documented in the README.

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
    let lower = t.to_lowercase();
    if PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return Some("web boilerplate");
    }
    let words = t.split_whitespace().count();
    if words <= 14 && CREDITS.iter().any(|c| lower.ends_with(c)) {
        return Some("picture caption");
    }
    if words <= 4 && lower.starts_with("about ") {
        return Some("author blurb heading");
    }
    if let Some(p) = previous {
        if p.trim() == line.trim() && words <= 30 {
            return Some("repeated line");
        }
    }
    None
}

/// Removes boilerplate lines; returns the cleaned text and the number of
/// lines dropped. Blank lines are kept so paragraphs survive.
pub fn strip(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut dropped = 0;
    let mut previous: Option<&str> = None;
    for line in text.lines() {
        if classify(line, previous).is_some() {
            dropped += 1;
        } else {
            out.push_str(line);
            out.push('\n');
        }
        if !line.trim().is_empty() {
            previous = Some(line);
        }
    }
    (out, dropped)
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
    fn repeated_caption_lines_are_dropped_once() {
        let (t, n) = strip("Title\n\nDavid Lammy MP\nDavid Lammy MP\n\nBody text.\n");
        assert_eq!(n, 1);
        assert_eq!(t, "Title\n\nDavid Lammy MP\n\nBody text.\n");
    }
}
