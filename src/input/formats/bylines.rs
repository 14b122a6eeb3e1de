//! A saved page's byline as the authors' names: "By " and the writers'
//! roles ("Political correspondent", ", Health Editor"), dates and handles
//! dropped. Readability takes the byline element's text whole, so a role
//! in an element of its own is glued to the name ("By Jane
//! SmithPolitical correspondent"); here the element's boundaries separate
//! its parts. [`printed_line`] tells a byline printed as a line of its
//! own ("By Jane Smith, Political Correspondent") from a sentence.

use crate::input::exports::dates::date_line;
use dom_query::{Document, NodeRef};

/// Words that make a short part of a byline the writer's role, not a name
/// (singular; a plural "s" is ignored).
const ROLE_WORDS: &[&str] = &[
    "correspondent",
    "editor",
    "reporter",
    "writer",
    "staff",
    "contributor",
    "columnist",
    "journalist",
    "producer",
    "analyst",
    "critic",
    "photographer",
    "commentator",
    "presenter",
    "desk",
];

/// Most words of a role ("Deputy political editor for Europe").
const MAX_ROLE_WORDS: usize = 6;

/// What a byline starts with before the names (lower case).
const BY_PREFIXES: &[&str] = &[
    "written by",
    "words by",
    "reported by",
    "story by",
    "text by",
    "by",
];

/// Where a byline's parts meet, besides element boundaries.
const SEPARATORS: &[&str] = &[
    ",",
    ";",
    " | ",
    " - ",
    " \u{2013} ",
    " \u{2014} ",
    " \u{b7} ",
];

/// Most characters of the element Readability takes as the byline.
const MAX_BYLINE_CHARS: usize = 100;

/// The byline element Readability takes from a page's body, read two ways:
/// its text as Readability gives it, and its parts one to a line.
#[derive(Debug, PartialEq)]
pub struct DomByline {
    /// The element's text, spaces collapsed (Readability's byline).
    pub glued: String,
    /// The same text with a line break where an element boundary separates
    /// a name from a role, a date or another non-name part.
    pub parts: String,
}

/// The first element of the body that Readability would take as the
/// byline (`rel="author"`, an `itemprop` naming the author, or a class or
/// id with "byline", "author" ... in it, with under 100 characters), or
/// `None`.
pub fn candidate(doc: &Document) -> Option<DomByline> {
    let body = doc.select("body");
    let body = body.nodes().first()?;
    let node = body.descendants_it().find(|n| {
        n.is_element() && is_byline_element(n) && {
            let len = n.text().trim().chars().count();
            len > 0 && len < MAX_BYLINE_CHARS
        }
    })?;
    // Readability prefers the element's own name inside it.
    let named = node
        .descendants_it()
        .find(|d| d.is_element() && d.attr("itemprop").is_some_and(|p| &*p == "name"))
        .unwrap_or(node);
    let glued = collapse(&named.text());
    let parts = segments(&named);
    let mut joined = String::new();
    for (i, s) in parts.iter().enumerate() {
        if i > 0 {
            let boundary = !is_name_part(&parts[i - 1]) || !is_name_part(s);
            joined.push(if boundary { '\n' } else { ' ' });
        }
        joined.push_str(s);
    }
    Some(DomByline {
        glued,
        parts: joined,
    })
}

fn is_byline_element(n: &NodeRef) -> bool {
    if n.attr("rel").is_some_and(|r| &*r == "author")
        || n.attr("itemprop").is_some_and(|p| p.contains("author"))
    {
        return true;
    }
    let mut names = String::new();
    for a in ["class", "id"] {
        if let Some(v) = n.attr(a) {
            names.push_str(&v.to_ascii_lowercase());
            names.push(' ');
        }
    }
    ["byline", "author", "dateline", "writtenby", "p-author"]
        .iter()
        .any(|p| names.contains(p))
}

/// The element's text in runs that no element boundary interrupts, spaces
/// collapsed, empty runs left out.
fn segments(node: &NodeRef) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    let mut parent = None;
    for d in node.descendants_it() {
        let boundary = d.is_element() || (d.is_text() && d.parent().map(|p| p.id) != parent);
        if boundary {
            out.push(collapse(&run));
            run.clear();
        }
        if d.is_text() {
            parent = d.parent().map(|p| p.id);
            run.push_str(&d.text());
        }
    }
    out.push(collapse(&run));
    out.retain(|s| !s.is_empty());
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The authors' names of a byline, joined by ", ": each line and each part
/// between separators loses a leading "By" and "and", a role glued to its
/// end ("SmithPolitical correspondent"); parts that are a role, hold a
/// digit (a date, a time) or are a handle or link go. A byline with no
/// name left is only trimmed ("By Our Political Correspondent" -> "Our
/// Political Correspondent").
pub fn clean(byline: &str) -> String {
    let mut names: Vec<String> = Vec::new();
    for line in byline.lines() {
        for part in split_parts(line) {
            let part = collapse(part);
            let part = unglue_role(strip_by(&part));
            if is_name_part(part) && !names.iter().any(|n| n == part) {
                names.push(part.to_string());
            }
        }
    }
    if names.is_empty() {
        return strip_by(&collapse(byline)).to_string();
    }
    names.join(", ")
}

/// Most words of a byline printed as a line of its own ("By Jane Smith
/// and Tom Jones, Political Correspondents" has 8).
const MAX_LINE_WORDS: usize = 12;

/// Lower-case words a name may hold ("Ursula von der Leyen", "Jane Smith
/// and Tom Jones").
const NAME_PARTICLES: &[&str] = &[
    "and", "&", "de", "van", "von", "der", "den", "da", "di", "du", "del", "la", "le", "al", "bin",
];

/// The authors' names of a line that reads as a printed byline, as
/// [`clean`] gives them; `None` for any other line. Such a line starts
/// with "By" (or "Written by" ...), has at most 12 words and no sentence
/// end, and each part between separators is a name (every word
/// capitalised, but for "and", "von" and the like), a writer's role or a
/// date: "By Jane Smith, Political Correspondent" is one, "By Monday, the
/// river had burst its banks" is not.
pub fn printed_line(line: &str) -> Option<String> {
    let line = collapse(line);
    let words = line.split_whitespace().count();
    if !(2..=MAX_LINE_WORDS).contains(&words)
        || crate::input::line_joins::ends_sentence(&line)
        || !BY_PREFIXES.iter().any(|p| {
            line.len() > p.len()
                && line.is_char_boundary(p.len())
                && line[..p.len()].eq_ignore_ascii_case(p)
                && line[p.len()..].starts_with([' ', ':'])
        })
    {
        return None;
    }
    let mut parts = 0;
    for part in split_parts(&line) {
        let part = strip_by(part);
        if part.is_empty() || date_line(part).is_some() {
            continue;
        }
        parts += 1;
        if is_role(part) {
            continue;
        }
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let first = part.split_whitespace().next().unwrap_or("");
        let name = capitalised(first)
            && part
                .split_whitespace()
                .all(|w| capitalised(w) || NAME_PARTICLES.contains(&w))
            && is_name_part(part);
        if !name {
            return None;
        }
    }
    (parts > 0).then(|| clean(&line))
}

/// Most words of a line printing the byline and the date together.
const MAX_BYLINE_DATE_WORDS: usize = 24;

/// Words of a section label, never of a writer's name ("World News |
/// 12 March 2024" names no writer).
pub(crate) const SECTION_WORDS: &[&str] = &[
    "news",
    "world",
    "politics",
    "business",
    "sport",
    "sports",
    "opinion",
    "culture",
    "science",
    "technology",
    "environment",
    "local",
    "national",
    "international",
    "breaking",
    "live",
    "analysis",
    "features",
    "comment",
    "lifestyle",
    "entertainment",
    "economy",
    "markets",
    "education",
    "home",
    "latest",
    "updated",
    "published",
];

/// Whether a part of a byline line gives the reading time ("3 min read",
/// "5-minute read", "Reading time: 4 minutes").
fn is_reading_time(part: &str) -> bool {
    let lower = part.trim().to_lowercase();
    let lower = lower
        .strip_prefix("reading time")
        .map_or(lower.as_str(), |r| r.trim_start_matches([':', ' ']));
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let unit = |w: &str| {
        matches!(
            w.trim_end_matches('.'),
            "min" | "mins" | "minute" | "minutes"
        )
    };
    match words[..] {
        [n, u] | [n, u, "read"] => n.bytes().all(|b| b.is_ascii_digit()) && unit(u),
        _ => false,
    }
}

/// The separators a printed line of byline, date and reading time puts
/// between its parts ("Jane Smith | 12 March 2024 · 3 min read"); also
/// where a labelled date may start in a page's date line (`page_times.rs`).
pub const PRINTED_SEPARATORS: &[&str] = &[
    " | ",
    " \u{b7} ",
    " \u{2022} ",
    " \u{2013} ",
    " \u{2014} ",
    " - ",
];

/// The names and the ISO date of a line that prints the byline and the
/// date together, as many sites do under a headline ("By Jane Smith, 12
/// March 2024", "Jane Smith | March 12, 2024 | 3 min read", "12 March
/// 2024 · By Jane Smith"); `None` for any other line. The date is the
/// longest run of the line's parts between separators that reads as a
/// date line ([`date_line`]), a reading time is dropped, and what is left
/// is a printed byline ([`printed_line`]) or, without "By", only names of
/// two to six capitalised words of letters (not a label such as
/// "Source:", an outlet such as "The Guardian" or a section such as
/// "World News"; a single word is an agency or a place) and roles.
pub fn printed_line_and_date(line: &str) -> Option<(String, String)> {
    let line = collapse(line);
    if line.split_whitespace().count() > MAX_BYLINE_DATE_WORDS
        || crate::input::line_joins::ends_sentence(&line)
    {
        return None;
    }
    // The parts between strong separators, a reading time left out.
    let mut parts = vec![line.as_str()];
    for sep in PRINTED_SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts.retain(|p| !p.trim().is_empty() && !is_reading_time(p));
    let line = parts.join(" | ");
    // Where a part may start or end: the line's ends and its separators.
    let mut cuts: Vec<(usize, usize)> = vec![(0, 0)];
    for (at, sep) in line.match_indices(" | ") {
        cuts.push((at, at + sep.len()));
    }
    for (at, _) in line.match_indices(',') {
        cuts.push((at, at + 1));
    }
    cuts.push((line.len(), line.len()));
    cuts.sort_unstable();
    let mut best: Option<(usize, usize, String)> = None;
    for (i, &(_, start)) in cuts.iter().enumerate() {
        for &(end, _) in &cuts[i + 1..] {
            if end <= start || best.as_ref().is_some_and(|b| b.1 - b.0 >= end - start) {
                continue;
            }
            if let Some(iso) = date_line(&line[start..end]) {
                best = Some((start, end, iso));
            }
        }
    }
    let (start, end, iso) = best?;
    // The line without the date: the byline.
    let before = line[..start].trim_end_matches([',', ' ', '|']).trim();
    let after = line[end..].trim_start_matches([',', ' ', '|']).trim();
    let rest = match (before.is_empty(), after.is_empty()) {
        (false, false) => format!("{before} | {after}"),
        (false, true) => before.to_string(),
        (true, _) => after.to_string(),
    };
    if let Some(names) = printed_line(&rest) {
        return Some((names, iso));
    }
    let mut named = false;
    for part in split_parts(&rest) {
        let part = part.trim();
        if part.is_empty() || is_role(part) {
            continue;
        }
        let words: Vec<&str> = part.split_whitespace().collect();
        let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
        // Letters only ("Source:" is a label), and no article ("The
        // Guardian" is an outlet).
        let letters = |w: &&str| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}' | '.'))
        };
        let name = (2..=6).contains(&words.len())
            && capitalised(&words[0])
            && !matches!(words[0], "The" | "A" | "An")
            && words.iter().all(letters)
            && words
                .iter()
                .all(|w| capitalised(w) || NAME_PARTICLES.contains(w))
            && !words
                .iter()
                .any(|w| SECTION_WORDS.contains(&w.to_lowercase().as_str()))
            && is_name_part(part);
        if !name {
            return None;
        }
        named = true;
    }
    named.then(|| (clean(&rest), iso))
}

/// A line split at the separators of [`SEPARATORS`].
fn split_parts(line: &str) -> Vec<&str> {
    let mut parts = vec![line];
    for sep in SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
}

/// The part without a leading "By", "Written by" ... or "and".
fn strip_by(s: &str) -> &str {
    let mut s = s.trim();
    for prefix in BY_PREFIXES.iter().chain(&["and", "&"]) {
        if s.len() >= prefix.len()
            && s.is_char_boundary(prefix.len())
            && s[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            let rest = &s[prefix.len()..];
            if rest.is_empty() || rest.starts_with([' ', ':']) {
                s = rest.trim_start_matches([' ', ':']);
            }
        }
    }
    s.trim()
}

/// Whether a part may be a name: not empty, not a role, no digits, no
/// handle or link.
fn is_name_part(s: &str) -> bool {
    let s = strip_by(s);
    !s.is_empty()
        && !is_role(s)
        && !s.chars().any(|c| c.is_ascii_digit())
        && !s.starts_with('@')
        && !s.contains("://")
}

/// Whether a short part names a writer's role ("Political correspondent",
/// "Staff reporters").
fn is_role(s: &str) -> bool {
    let words: Vec<String> = s
        .split_whitespace()
        .map(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            w.strip_suffix('s').map(str::to_string).unwrap_or(w)
        })
        .collect();
    words.len() <= MAX_ROLE_WORDS && words.iter().any(|w| ROLE_WORDS.contains(&w.as_str()))
}

/// A name with a role glued to it ("Jane SmithPolitical correspondent", a
/// lower-case letter followed by a capital) without the role: the last
/// such place where what follows is a role ("Jane McDonaldHealth editor"
/// keeps "McDonald").
fn unglue_role(s: &str) -> &str {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    chars
        .windows(2)
        .rev()
        .filter(|w| w[0].1.is_lowercase() && w[1].1.is_uppercase())
        .map(|w| w[1].0)
        .find(|&at| is_role(&s[at..]))
        .map_or(s, |at| s[..at].trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_prefixes_and_dates_leave_the_names() {
        for (byline, names) in [
            ("By Jane Smith", "Jane Smith"),
            ("BY JANE SMITH", "JANE SMITH"),
            ("By Jane SmithPolitical correspondent", "Jane Smith"),
            ("Jane McDonaldHealth Editor", "Jane McDonald"),
            ("Jane Smith, Health Editor", "Jane Smith"),
            ("By Jane Smith - Senior Reporter", "Jane Smith"),
            ("Jane Smith | Staff writer | 5 March 2024", "Jane Smith"),
            ("By Jane Smith and Tom Jones", "Jane Smith and Tom Jones"),
            (
                "Jane Smith, Health Editor, and Tom Jones, Reporter",
                "Jane Smith, Tom Jones",
            ),
            ("Written by: Jane Smith", "Jane Smith"),
            ("Jane Smith\n@janesmith", "Jane Smith"),
            ("Jane Smith\nJane Smith", "Jane Smith"),
            (
                "By Our Political Correspondent",
                "Our Political Correspondent",
            ),
            ("Staff reporter", "Staff reporter"),
            ("Bylines Inc", "Bylines Inc"),
            ("", ""),
        ] {
            assert_eq!(clean(byline), names, "{byline:?}");
        }
    }

    #[test]
    fn element_boundaries_separate_a_byline_s_parts() {
        let byline = |html: &str| candidate(&Document::from(html));
        let b = byline(
            "<body><p>Intro.</p><span class=\"byline\">By Jane Smith<span>Political correspondent</span></span></body>",
        )
        .unwrap();
        assert_eq!(b.glued, "By Jane SmithPolitical correspondent");
        assert_eq!(b.parts, "By Jane Smith\nPolitical correspondent");
        assert_eq!(clean(&b.parts), "Jane Smith");
        // Inline elements inside a name keep it whole; a time element is
        // its own part.
        let b = byline(
            "<body><div class=\"article-author\">By <b>Jane</b> Smith<time>5 March 2024</time></div></body>",
        )
        .unwrap();
        assert_eq!(clean(&b.parts), "Jane Smith");
        let b = byline(
            "<body><p class=\"byline\"><a rel=\"author\">Jane Smith</a> and <a>Tom Jones</a></p></body>",
        )
        .unwrap();
        assert_eq!(clean(&b.parts), "Jane Smith, Tom Jones");
        assert_eq!(byline("<body><p>No byline here.</p></body>"), None);
        assert_eq!(
            byline(&format!(
                "<body><p class=\"byline\">{}</p></body>",
                "x ".repeat(60)
            )),
            None
        );
    }

    /// A byline printed as a line of its own, as a saved article has it
    /// under its headline; a sentence that starts with "By" is not one.
    #[test]
    fn a_printed_byline_line_gives_the_names() {
        for (line, names) in [
            ("By Jane Smith, Political Correspondent", "Jane Smith"),
            ("By Tom Brown", "Tom Brown"),
            ("BY JANE SMITH", "JANE SMITH"),
            ("By Jane Smith and Tom Jones", "Jane Smith and Tom Jones"),
            ("Written by: Ursula von der Leyen", "Ursula von der Leyen"),
            ("By Jane Smith | 7 February 2017", "Jane Smith"),
            ("By Jane Smith, deputy political editor", "Jane Smith"),
            (
                "By Our Political Correspondent",
                "Our Political Correspondent",
            ),
        ] {
            assert_eq!(printed_line(line).as_deref(), Some(names), "{line:?}");
        }
        for line in [
            "By Monday, the river had burst its banks",
            "By the time police arrived, the crowd had gone.",
            "By Jane Smith.",
            "Jane Smith",
            "By",
            "Bypass closed after crash",
            "By 7 February 2017",
            "By Jane Smith in Washington",
            "By 2030 Britain will need new homes for millions of people in the south east of England",
        ] {
            assert_eq!(printed_line(line), None, "{line:?}");
        }
    }

    /// From a review: a byline and a date printed on one line under the
    /// headline gave only the byline (or, without "By", nothing).
    #[test]
    fn a_byline_and_a_date_on_one_line_give_both() {
        for (line, names, date) in [
            ("By Jane Smith, 12 March 2024", "Jane Smith", "2024-03-12"),
            ("By Jane Smith, March 12, 2024", "Jane Smith", "2024-03-12"),
            (
                "Jane Smith | March 12, 2024 | 3 min read",
                "Jane Smith",
                "2024-03-12",
            ),
            (
                "By Jane Smith, Health Editor | Tuesday 12 March 2024 10:30 GMT",
                "Jane Smith",
                "2024-03-12",
            ),
            (
                "12 March 2024 \u{b7} By Tom Brown",
                "Tom Brown",
                "2024-03-12",
            ),
            (
                "Jane Smith and Tom Jones \u{2014} Published 12 March 2024",
                "Jane Smith and Tom Jones",
                "2024-03-12",
            ),
            (
                "By Jane Smith | Reading time: 4 minutes | 2024-03-12",
                "Jane Smith",
                "2024-03-12",
            ),
        ] {
            assert_eq!(
                printed_line_and_date(line),
                Some((names.to_string(), date.to_string())),
                "{line:?}"
            );
        }
        for line in [
            "By Jane Smith",
            "12 March 2024",
            "Reuters | 12 March 2024",
            "World News | 12 March 2024",
            "The Guardian | 12 March 2024",
            "Source: The Independent, 26 February 2017",
            "On 12 March 2024 the council voted to close the road",
            "By Jane Smith, 12 March 2024.",
            "Jane Smith | March 2024",
        ] {
            assert_eq!(printed_line_and_date(line), None, "{line:?}");
        }
    }
}
