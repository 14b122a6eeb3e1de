//! An article's title, chosen from its cleaned text: the headline line
//! (past a short section label), as a reader would quote it. Two kinds of
//! first line are not a headline as printed, and the title says so:
//!
//! * **A paragraph** (more than [`HEADLINE_MAX_WORDS`] words, or sentences
//!   that end in full stops): the file has no headline line. The title is
//!   the paragraph's opening words (its first sentence, at most
//!   [`SHORT_TITLE_WORDS`] words) cut at a word with "…", and the run's
//!   one warning names the articles (`Document::title_from_text`).
//! * **A headline with the author's name glued to its end** ("Iraq's
//!   farmers count the cost Jane Smith"), as copies that flatten a page's
//!   headline and byline elements into one line write it. The name is
//!   taken off and becomes the byline when it is a byline's shape: two or
//!   three capitalised name words, after "By" and a separator, or after a
//!   lower-case word (a separator between them taken off too) that no name follows by grammar (not "in", "against":
//!   a stop word) or a closing quotation mark, in a headline written in
//!   sentence case (a Title Case headline gives no boundary); and the
//!   article never names that person before its closing lines (an author
//!   shows at most in a sign-off, "Follow Jane Smith on Twitter"; a person
//!   a headline names is written about).

use super::document::Document;
use super::headline::HEADLINE_MAX_WORDS;
use super::under_headline::is_byline_or_date;
use crate::model::language::Language;
use crate::model::numbers::{count, int};

/// Most words of a title made from a paragraph's opening.
const SHORT_TITLE_WORDS: usize = 15;

/// Longest title, in characters: a longer line that passes as a headline
/// by its words is still cut, so that no title runs on.
pub(crate) const TITLE_MAX_CHARS: usize = 300;

/// Fewest words a paragraph of sentences ending in full stops needs to be
/// read as a paragraph rather than a two-sentence headline.
const SENTENCES_MIN_WORDS: usize = 13;

/// Most words of a name glued to a headline's end.
const MAX_NAME_WORDS: usize = 3;

/// Fewest words a headline keeps once a glued name is taken off.
const MIN_HEADLINE_WORDS: usize = 3;

/// The share of the text, from its start, in which an author's name never
/// stands (the rest is where a sign-off may name them).
const SIGN_OFF_SHARE: f64 = 0.8;

/// Marks that may stand between a headline and its byline.
const SEPARATORS: &[&str] = &["-", "|", "\u{2013}", "\u{2014}", ",", "/"];

/// Closing marks after which a name may be glued ("… alive' Jane Smith").
const CLOSERS: &[char] = &['\'', '"', '\u{2019}', '\u{201D}', '?', '!', ')'];

/// The title of an article, and the line it was taken from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Title {
    /// The title as frame shows it.
    pub text: String,
    /// The line as the text prints it (what finds the headline in it).
    pub line: String,
    /// A byline that was glued to the headline line, taken off it.
    pub byline: Option<String>,
    /// True when the text has no headline line and the title is the
    /// opening of its first paragraph.
    pub from_text: bool,
}

/// The article's title: its first line, unless that line is short (under
/// four words) and the next is a headline, when it is a section label
/// ("World News") and the first line of at least four words is the title;
/// a byline or date line is no headline ("Storm hits coast" over "By Jane
/// Smith" is the title).
/// A short first line followed by a paragraph is a short headline ("Gearing
/// up", "Change to what?").
pub fn find_title(text: &str) -> String {
    title_of(text).text
}

/// [`find_title`] with the line it came from, the byline taken off it and
/// whether it was made from a paragraph (see the module doc).
pub fn title_of(text: &str) -> Title {
    let lines = || text.lines().map(str::trim).filter(|l| !l.is_empty());
    let words = |l: &str| l.split_whitespace().count();
    let first = lines().next().unwrap_or("");
    // A byline or date line under a short headline is no headline, so
    // the line above it is no section label.
    let label = words(first) < 4
        && lines()
            .nth(1)
            .is_some_and(|l| headline_like(l) && !is_byline_or_date(l));
    let line = if label {
        lines().find(|l| words(l) >= 4).unwrap_or(first)
    } else {
        first
    };
    let mut title = Title {
        line: line.to_string(),
        ..Title::default()
    };
    if is_paragraph(line) {
        title.text = opening_words(line);
        title.from_text = true;
        return title;
    }
    let after = text.find(line).map_or("", |at| &text[at + line.len()..]);
    match glued_byline(line, after) {
        Some((head, name)) => {
            title.text = clip_title(head);
            title.byline = Some(name);
        }
        None => title.text = clip_title(line),
    }
    title
}

/// True when `line` reads as a paragraph, not a headline: more than
/// [`HEADLINE_MAX_WORDS`] words, or at least [`SENTENCES_MIN_WORDS`] words
/// in two or more sentences that end in full stops.
fn is_paragraph(line: &str) -> bool {
    let n = line.split_whitespace().count();
    n > HEADLINE_MAX_WORDS
        || (n >= SENTENCES_MIN_WORDS
            && line.trim_end_matches(CLOSERS).ends_with('.')
            && first_sentence_end(line).is_some_and(|e| e < line.trim_end().len()))
}

/// Byte offset just past the first sentence of `line` (a full stop,
/// question or exclamation mark after a lower-case letter, before a space
/// and a capital or an opening quotation mark), if it ends before the line.
fn first_sentence_end(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    line.char_indices().find_map(|(i, c)| {
        if !matches!(c, '.' | '?' | '!') || i == 0 {
            return None;
        }
        let before = line[..i].chars().next_back()?;
        let rest = &line[i + 1..];
        let next = rest.trim_start().chars().next()?;
        let spaced = rest.starts_with(char::is_whitespace);
        (before.is_lowercase()
            && spaced
            && (next.is_uppercase() || matches!(next, '"' | '\u{201C}' | '\'')))
        .then_some(i + 1)
        .filter(|&e| e < b.len())
    })
}

/// The opening of a paragraph used as a title: its first sentence, at most
/// [`SHORT_TITLE_WORDS`] words, cut at a word and ending in "…" so that it
/// never reads as a headline the outlet printed.
fn opening_words(line: &str) -> String {
    let sentence = first_sentence_end(line).map_or(line, |e| &line[..e]);
    let words: Vec<&str> = sentence
        .split_whitespace()
        .take(SHORT_TITLE_WORDS)
        .collect();
    let joined = words.join(" ");
    format!(
        "{}…",
        joined.trim_end_matches([',', ';', ':', '.', ' ', '-', '\u{2014}'])
    )
}

/// `line` as a title: whole, or cut at the last word boundary within
/// [`TITLE_MAX_CHARS`] with an ellipsis, so that a cut shows and never
/// splits a word.
fn clip_title(line: &str) -> String {
    if line.chars().count() <= TITLE_MAX_CHARS {
        return line.to_string();
    }
    let end = line
        .char_indices()
        .nth(TITLE_MAX_CHARS - 1)
        .map_or(line.len(), |(i, _)| i);
    let head = &line[..end];
    let cut = head
        .rfind(char::is_whitespace)
        .filter(|&i| i > 0)
        .map_or(head, |i| &head[..i]);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// Most words a headline has when a section label stands above it.
const LABELLED_HEADLINE_MAX_WORDS: usize = 25;

/// True when a line reads as a headline rather than a paragraph: at most
/// [`LABELLED_HEADLINE_MAX_WORDS`] words and no full stop at its end.
fn headline_like(line: &str) -> bool {
    let line = line.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')']);
    line.split_whitespace().count() <= LABELLED_HEADLINE_MAX_WORDS && !line.ends_with('.')
}

/// The headline of `line` and the author's name glued to its end, when the
/// name is a byline's (see the module doc); `after` is the text after the
/// line.
fn glued_byline<'a>(line: &'a str, after: &str) -> Option<(&'a str, String)> {
    let words: Vec<(usize, &str)> = line
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - line.as_ptr() as usize, w))
        .collect();
    (2..=MAX_NAME_WORDS).rev().find_map(|n| {
        let start = words.len().checked_sub(n)?;
        let name = &words[start..];
        if !name
            .iter()
            .all(|(_, w)| name_word(w) && !w.eq_ignore_ascii_case("by"))
        {
            return None;
        }
        let (mut head_end, mut k) = (name[0].0, start);
        // "- By Jane Smith", "| Jane Smith", "by Jane Smith" after a mark.
        let mut marked = false;
        if k > 0 && words[k - 1].1.eq_ignore_ascii_case("by") {
            k -= 1;
            marked = k > 0 && SEPARATORS.contains(&words[k - 1].1);
            head_end = words[k].0;
        }
        // A separator alone marks no byline: "… Russia — Justice Ministry"
        // names the headline's source, and goes through the checks below.
        if k > 0 && SEPARATORS.contains(&words[k - 1].1) {
            k -= 1;
            head_end = words[k].0;
        }
        let before = words.get(k.checked_sub(1)?)?.1;
        if k < MIN_HEADLINE_WORDS || !(marked || free_before_name(before)) {
            return None;
        }
        if !marked && !sentence_case(&words[..k]) {
            return None;
        }
        let surname = name.last()?.1;
        if named_before_sign_off(after, surname) {
            return None;
        }
        let joined: Vec<&str> = name.iter().map(|(_, w)| *w).collect();
        Some((line[..head_end].trim_end(), joined.join(" ")))
    })
}

/// Whether `w` is a word of a personal name: a capital, then lower-case
/// letters (a hyphen or an apostrophe inside, "Al-Amin", "O'Neill"), not
/// a possessive.
fn name_word(w: &str) -> bool {
    let mut chars = w.chars();
    let first_is_capital = chars.next().is_some_and(char::is_uppercase);
    let rest: Vec<char> = chars.collect();
    first_is_capital
        && rest.first().is_some_and(|c| c.is_lowercase())
        && rest
            .iter()
            .all(|&c| c.is_lowercase() || matches!(c, '-' | '\'' | '\u{2019}'))
        && rest.last().is_some_and(|c| c.is_lowercase())
        && !w.ends_with("'s")
        && !w.ends_with("\u{2019}s")
}

/// Whether a name may be glued after `w`: a closing quotation mark or a
/// question or exclamation mark ends it, or it is a lower-case word that no
/// name follows by grammar (not a stop word: "in", "against", "the").
fn free_before_name(w: &str) -> bool {
    if w.ends_with(CLOSERS) {
        return true;
    }
    w.chars().all(|c| c.is_lowercase() || c == '-')
        && !Language::english()
            .stop_words()
            .iter()
            .any(|s| s.eq_ignore_ascii_case(w))
}

/// Whether the headline words are in sentence case: more than half of its
/// words after the first that hold a letter start with a lower-case one.
fn sentence_case(words: &[(usize, &str)]) -> bool {
    let lettered: Vec<&str> = words
        .iter()
        .skip(1)
        .map(|(_, w)| w.trim_start_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.starts_with(char::is_alphabetic))
        .collect();
    let lower = lettered
        .iter()
        .filter(|w| w.starts_with(char::is_lowercase))
        .count();
    lower * 2 > lettered.len()
}

/// Whether `text` names `surname` (as a word) before its last lines, the
/// place of a sign-off.
fn named_before_sign_off(text: &str, surname: &str) -> bool {
    let limit = (text.len() as f64 * SIGN_OFF_SHARE) as usize;
    text.match_indices(surname).any(|(i, _)| {
        let edge_before = text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let edge_after = text[i + surname.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        i < limit && edge_before && edge_after
    })
}

/// Articles a warning names before it counts the rest.
const NAMED: usize = 5;

/// The run's one warning about articles without a headline line, whose
/// title is the opening of their first paragraph, naming the first.
pub(crate) fn warning(docs: &[Document]) -> Option<String> {
    let untitled: Vec<&str> = docs
        .iter()
        .filter(|d| d.title_from_text)
        .map(|d| d.source.as_str())
        .collect();
    let first = untitled.first()?;
    let (what, named) = match untitled.len() {
        1 => ("1 article has".to_string(), (*first).to_string()),
        n => {
            let shown = untitled[..n.min(NAMED)].join(", ");
            let named = match n.saturating_sub(NAMED) {
                0 => shown,
                more => format!("{shown} and {} more", int(more)),
            };
            (format!("{} have", count(n, "article", "articles")), named)
        }
    };
    Some(format!(
        "{what} no headline line (the text opens with a paragraph), so the title is the paragraph's opening words, ending in \u{2026}: {named}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_warning_names_the_articles_titled_from_their_text() {
        let doc = |source: &str, from_text: bool| Document {
            source: source.into(),
            title_from_text: from_text,
            ..Document::default()
        };
        assert_eq!(warning(&[doc("a.txt", false)]), None);
        let one = warning(&[doc("a.txt", true), doc("b.txt", false)]).unwrap();
        assert!(one.starts_with("1 article has no headline line"), "{one}");
        assert!(one.ends_with(": a.txt"), "{one}");
        let docs: Vec<Document> = (0..7).map(|i| doc(&format!("{i}.txt"), true)).collect();
        let many = warning(&docs).unwrap();
        assert!(many.starts_with("7 articles have"), "{many}");
        assert!(
            many.ends_with("0.txt, 1.txt, 2.txt, 3.txt, 4.txt and 2 more"),
            "{many}"
        );
    }

    #[test]
    fn a_paragraph_is_no_title_and_its_opening_words_are() {
        let para = "The council met late on Monday to vote on the plan. It chose to close \
                    the old school, which parents had fought for years to keep open.";
        let t = title_of(&format!("{para}\n\nMore text follows here."));
        assert_eq!(
            t.text,
            "The council met late on Monday to vote on the plan…"
        );
        assert!(t.from_text);
        assert_eq!(t.line, para);
        // Past fifteen words the first sentence is cut at a word.
        let long = "word ".repeat(40) + "ends.";
        let t = title_of(&long);
        assert_eq!(t.text, format!("{}…", ["word"; 15].join(" ")));
        assert!(t.from_text);
    }

    #[test]
    fn headlines_stay_whole() {
        for h in [
            "Short headline",
            "Think you know all the bra types? Here are 25.",
            "Fire at the school. Nobody hurt.",
            "Ministers meet in Brussels to discuss the budget",
        ] {
            let t = title_of(&format!("{h}\n\nThe text of the article goes on here."));
            assert_eq!(
                (t.text.as_str(), t.from_text, t.byline),
                (h, false, None),
                "{h}"
            );
        }
    }

    /// From a red-team review: a headline of under four words over its
    /// byline or date line was taken for a section label, and the title
    /// was the first sentence of the text.
    #[test]
    fn a_short_headline_over_its_byline_is_the_title() {
        for under in ["By Ann Lee", "12 March 2024", "By Ann Lee, 12 March 2024"] {
            let t = title_of(&format!(
                "Storm batters coast\n\n{under}\n\nThe council said the defences would hold this week."
            ));
            assert_eq!(
                (t.text.as_str(), t.from_text),
                ("Storm batters coast", false),
                "{under}"
            );
        }
        // A section label over a headline stays a label.
        let t = title_of("World News\n\nStorm batters the coast of Devon\n\nThe text.");
        assert_eq!(t.text, "Storm batters the coast of Devon");
    }

    #[test]
    fn a_name_glued_to_a_headline_is_its_byline() {
        let body = "Farmers in the north counted their losses after the floods. \
                    The river rose in the night and the fields were lost.";
        let cases = [
            (
                "Farmers count the cost of the floods Jane Smith",
                "Farmers count the cost of the floods",
                "Jane Smith",
            ),
            (
                "'We lost everything,' say farmers Jane Smith",
                "'We lost everything,' say farmers",
                "Jane Smith",
            ),
            (
                "Farmers count the cost - By Jane Smith",
                "Farmers count the cost",
                "Jane Smith",
            ),
            (
                "Farmers count the cost | Jane Anne Smith",
                "Farmers count the cost",
                "Jane Anne Smith",
            ),
        ];
        for (line, head, name) in cases {
            // A sign-off in the closing lines names the author.
            let t = title_of(&format!(
                "{line}\n\n{body}\n\n{body}\n\nFollow {name} on Twitter."
            ));
            assert_eq!(t.text, head, "{line}");
            assert_eq!(t.line, line);
            assert_eq!(t.byline.as_deref(), Some(name), "{line}");
        }
    }

    #[test]
    fn a_name_the_headline_is_about_stays() {
        let body = "Jane Smith, the mayor, spoke to farmers on Monday. Smith said help was near.";
        for line in [
            // The article writes about her.
            "Farmers welcome visit by mayor Jane Smith",
            "Farmers meet mayor Jane Smith",
            // A preposition or an article governs the name.
            "Aid sent to Middle East",
            "Stake bought in Deutsche Bank",
            // Title Case gives no boundary between headline and name.
            "Witches Plan To Cast Spell Against Donald Trump",
            // A source after a dash is the headline's, not a byline.
            "Killer may be handed over to Russia \u{2014} Justice Ministry",
            // Possessives, capitals and single names are no byline.
            "Storm hits coast of Northern Ireland's",
            "Ceasefire talks resume in Helmand",
            "Talks on trade resume with NATO EU",
        ] {
            let t = title_of(&format!("{line}\n\n{body}"));
            assert_eq!((t.text.as_str(), t.byline), (line, None), "{line}");
        }
    }
}
