//! The marks a news agency or a desk puts on its copy: the dateline that
//! opens a story ("LONDON (Reuters) -", "MOSCOW, February 7. /TASS/."), the
//! sign-offs that close it ("(Reporting by ...; Editing by ...)", "Source:
//! Al Jazeera and news agencies") and an opinion page's disclaimer. They
//! name who filed the story, not what it says: left in, an agency's name is
//! a top term of every article it filed, and clusters, labels and keyness
//! follow the agency instead of the story. Each rule needs a fixed shape
//! whose end can be told, so no word of the article goes with it; the
//! rules are documented in docs/user-guide.md ("Reading the corpus").

use super::inline_boilerplate::cut_out;
use aho_corasick::{AhoCorasick, MatchKind};
use std::borrow::Cow;
use std::sync::LazyLock;

/// Agencies whose name stands in a dateline's brackets ("(Reuters)") or
/// slashes ("/TASS/"): the world and national wire services English-language
/// news carries.
const AGENCIES: &[&str] = &[
    "Reuters",
    "Reuters Health",
    "Thomson Reuters Foundation",
    "AP",
    "AFP",
    "UPI",
    "dpa",
    "DPA",
    "EFE",
    "ANSA",
    "Xinhua",
    "Bloomberg",
    "Kyodo",
    "Yonhap",
    "Anadolu",
    "Anadolu Agency",
    "TASS",
    "ITAR-TASS",
    "RIA Novosti",
    "Interfax",
    "Sputnik",
    "PTI",
    "IANS",
    "ANI",
    "AAP",
    "IPS",
    "CNA",
    "WAFA",
    "IRNA",
    "APA",
    "PA",
];

/// How far into a line a dateline may reach: place, date and agency.
const DATELINE_MAX_BYTES: usize = 80;

/// Words a dateline's place and date may have ("WASHINGTON, Feb 7").
const DATELINE_MAX_WORDS: usize = 6;

/// The dashes that may end a bracketed dateline ("LONDON (Reuters) -").
const DASHES: &[&str] = &["--", "-", "\u{2014}", "\u{2013}"];

/// How the bracketed sign-offs of wire copy open.
const SIGN_OFFS: &[&str] = &[
    "(Reporting by ",
    "(Additional reporting by ",
    "(Reporting and writing by ",
    "(Writing by ",
    "(Editing by ",
    "(Compiled by ",
];

/// The longest bracketed sign-off: beyond it, a bracket that never closes
/// is not one.
const SIGN_OFF_MAX_BYTES: usize = 400;

/// The label of a credit line ("Source: Reuters").
const SOURCE: &str = "Source:";

/// Words a "Source:" credit may have before the line ends.
const SOURCE_MAX_WORDS: usize = 8;

/// How an opinion page's or a press review's disclaimer opens; it runs to
/// its sentence's end.
const DISCLAIMERS: &[&str] = &[
    "TASS is not responsible for the material quoted in ",
    "The views expressed in this article are ",
    "The views expressed in this column are ",
    "The opinions expressed in this article are ",
    "The opinions expressed in this commentary are ",
];

/// The sign-offs, disclaimers and "Source:", in that order, found in one
/// pass over a line.
static FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(SIGN_OFFS.iter().chain(DISCLAIMERS).chain([&SOURCE]))
        .expect("fixed phrases build")
});

/// An agency's note inside a bracket of the story's own text, closing it:
/// "he [Donald Trump - TASS] would", "(to Egypt - TASS)". The bracket's
/// words stay; " - TASS" goes.
static NOTES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let notes: Vec<String> = AGENCIES
        .iter()
        .flat_map(|a| [format!(" - {a}]"), format!(" - {a})")])
        .collect();
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(notes)
        .expect("fixed phrases build")
});

/// The line without the agency's marks, and how many were removed
/// (borrowed, 0, when there are none: the usual case).
pub fn strip(line: &str) -> (Cow<'_, str>, usize) {
    let (kept, marks) = strip_marks(line);
    (kept, marks.len())
}

/// The line without the agency's marks, and the marks removed, in line
/// order (borrowed and none: the usual case).
pub fn strip_marks(line: &str) -> (Cow<'_, str>, Vec<&str>) {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    if let Some(end) = dateline_end(line) {
        cuts.push((0, end));
    }
    let from = cuts.last().map_or(0, |&(_, end)| end);
    let mut source = None;
    for m in FINDER.find_iter(&line[from..]) {
        let (start, at) = (from + m.start(), from + m.end());
        if cuts.last().is_some_and(|&(_, end)| start < end) {
            continue;
        }
        let p = m.pattern().as_usize();
        if p < SIGN_OFFS.len() {
            let rest = &line[start..line.floor_char_boundary(start + SIGN_OFF_MAX_BYTES)];
            if let Some(close) = rest.find(')').filter(|&c| !rest[1..c].contains('(')) {
                cuts.push((start, start + close + 1));
            }
        } else if p < SIGN_OFFS.len() + DISCLAIMERS.len() {
            if starts_sentence(&line[..start]) {
                cuts.push((start, sentence_end(line, at)));
            }
        } else {
            source = Some(start);
        }
    }
    if let Some(start) = source.filter(|&s| source_credit(line, s)) {
        if cuts.last().is_none_or(|&(_, end)| end <= start) {
            cuts.push((start, line.len()));
        }
    }
    for m in NOTES.find_iter(line) {
        let note = (m.start(), m.end() - 1);
        if !cuts.iter().any(|&(a, b)| note.0 < b && a < note.1) {
            cuts.push(note);
        }
    }
    if cuts.is_empty() {
        return (Cow::Borrowed(line), Vec::new());
    }
    cuts.sort_unstable();
    let marks = cuts.iter().map(|&(a, b)| &line[a..b]).collect();
    (Cow::Owned(cut_out(line, &cuts)), marks)
}

/// Past a dateline that opens the line: a place and perhaps a date, then
/// the agency in brackets and a dash ("LONDON (Reuters) -", "WASHINGTON,
/// Feb 7 (AP) —"), or in slashes ("MOSCOW, February 7. /TASS/."). The
/// place may carry its country or base in brackets or slashes ("INCHEON
/// /Republic of Korea/, February 9. /TASS/.", "BANGALORE (India), ...").
fn dateline_end(line: &str) -> Option<usize> {
    let head = &line[..line.floor_char_boundary(DATELINE_MAX_BYTES)];
    let mut place = String::new();
    let mut from = 0;
    // The agency's group, after at most PLACE_QUALIFIERS groups that name
    // the place's country or base.
    let (open, close, inside) = loop {
        let (open, close) = head[from..]
            .char_indices()
            .find(|&(_, c)| c == '(' || c == '/')
            .map(|(i, c)| (from + i, if c == '(' { ')' } else { '/' }))?;
        place.push_str(&head[from..open]);
        let inside_len = head[open + 1..].find(close)?;
        let inside = &head[open + 1..open + 1 + inside_len];
        if AGENCIES.contains(&inside) {
            break (open, close, inside);
        }
        if from > 0 || !place_and_date(&place) || !place_qualifier(inside) {
            return None;
        }
        from = open + 1 + inside_len + 1;
    };
    if !place_and_date(&place) {
        return None;
    }
    let after = open + 1 + inside.len() + 1;
    let rest = &line[after..];
    let end = if close == ')' {
        let r = rest.trim_start();
        let dash = DASHES.iter().find(|d| r.starts_with(*d))?;
        // The story must go on after the dateline, on the same line.
        let end = line.len() - r.len() + dash.len();
        if !line[end..].starts_with(char::is_whitespace) {
            return None;
        }
        end
    } else {
        // "/TASS/." ends the dateline whatever follows it ("9./TASS/.Russia").
        after + usize::from(rest.starts_with('.'))
    };
    // A dash or a stray slash may stand before the story ("/TASS/. -The").
    let story = line[end..].trim_start();
    let story = DASHES
        .iter()
        .chain(&["/"])
        .find_map(|d| story.strip_prefix(d))
        .unwrap_or(story)
        .trim_start();
    story
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '"')
        .then_some(line.len() - story.len())
}

/// A dateline's place and date: a few words, the first a capitalised one
/// (the place), the others capitalised words, numbers or month
/// abbreviations, with commas and full stops between.
fn place_and_date(s: &str) -> bool {
    let s = s.trim_end();
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= DATELINE_MAX_WORDS
        && words[0].starts_with(char::is_uppercase)
        && words.iter().all(|w| {
            let w = w.trim_end_matches('.');
            !w.is_empty()
                && (w.starts_with(char::is_uppercase) || w.chars().all(|c| c.is_ascii_digit()))
                && w.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '.'))
        })
}

/// A place's country or base in a dateline ("Republic of Korea",
/// "India"): at most four words, capitalised but for "of", "the", "and".
fn place_qualifier(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words[0].starts_with(char::is_uppercase)
        && words.iter().all(|w| {
            (w.starts_with(char::is_uppercase) || matches!(*w, "of" | "the" | "and"))
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.'))
        })
}

/// True when the "Source:" at `start` is a credit that ends the line:
/// after a sentence's end (or at the line's start), a few words, the first
/// capitalised, and no sentence end among them ("Source:-Al Jazeera and
/// news agencies").
fn source_credit(line: &str, start: usize) -> bool {
    if !starts_sentence(&line[..start]) {
        return false;
    }
    let credit = line[start + SOURCE.len()..]
        .trim_start_matches(|c: char| c.is_whitespace() || c == '-')
        .trim_end();
    let credit = credit.strip_suffix('.').unwrap_or(credit);
    let words = credit.split_whitespace().count();
    (1..=SOURCE_MAX_WORDS).contains(&words)
        && credit.starts_with(char::is_uppercase)
        && !credit.contains(['.', '!', '?', ':', '"'])
}

/// True when what comes before a phrase ends a sentence (or is nothing),
/// perhaps with a dash after it ("... the paper writes. - TASS is not").
fn starts_sentence(before: &str) -> bool {
    let b = before
        .trim_end()
        .trim_end_matches(['-', '\u{2014}', '\u{2013}'])
        .trim_end();
    b.is_empty() || b.ends_with(['.', '!', '?', '"', '\u{201d}', ')'])
}

/// Past the full stop that ends the sentence going on at `at`, or the
/// line's end.
fn sentence_end(line: &str, at: usize) -> usize {
    line[at..]
        .char_indices()
        .find(|&(i, c)| c == '.' && line[at + i + 1..].starts_with(char::is_whitespace))
        .map_or(line.len(), |(i, _)| at + i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(line: &str) -> String {
        strip(line).0.into_owned()
    }

    #[test]
    fn an_agency_dateline_goes() {
        for (line, want) in [
            ("LONDON (Reuters) - Prices rose.", "Prices rose."),
            (
                "WASHINGTON, Feb 7 (AP) \u{2014} The Senate voted.",
                "The Senate voted.",
            ),
            (
                "NEW YORK (Reuters Health) -- A study found.",
                "A study found.",
            ),
            (
                "BAKU, February 7. /TASS/. Russian citizen A was extradited.",
                "Russian citizen A was extradited.",
            ),
            ("Kabul (AFP) - Gunmen attacked.", "Gunmen attacked."),
            // The place's country or base, a dash or no space before the story.
            (
                "INCHEON /Republic of Korea/, February 9. /TASS/. A ceremony was held.",
                "A ceremony was held.",
            ),
            (
                "BANGALORE (India), February 17. /TASS/. A contract was signed.",
                "A contract was signed.",
            ),
            (
                "MOSCOW, February 7. /TASS/. -The Syrian Army advanced.",
                "The Syrian Army advanced.",
            ),
            (
                "MOSCOW, February 9./TASS/.Russia is ready.",
                "Russia is ready.",
            ),
        ] {
            assert_eq!(strip(line), (Cow::Owned(want.to_string()), 1), "{line}");
        }
    }

    #[test]
    fn a_bracket_that_is_not_a_dateline_stays() {
        for line in [
            // Not at the line's start.
            "Police said (Reuters) - nothing more.",
            // Not an agency.
            "LONDON (Smith) - Prices rose.",
            // Lower-case words before the bracket: a sentence, not a place.
            "The report (AP) - was late.",
            // No dash after the agency.
            "LONDON (Reuters) Prices rose.",
            // Slashes that are a ratio or a path.
            "Ratio 3/4 of the TASS staff.",
            // A bracket before the agency that is not a place.
            "LONDON (the city) (Reuters) - Prices rose.",
            "LONDON /a/ /b/ (Reuters) - Prices rose.",
            // A story that does not start as a sentence does.
            "MOSCOW, February 9. /TASS/. russia is ready.",
        ] {
            assert_eq!(kept(line), line, "{line}");
        }
    }

    #[test]
    fn a_wire_sign_off_goes() {
        assert_eq!(
            strip("The vote is on Friday. (Reporting by Jane Doe; Editing by Ann Lee)"),
            (Cow::Owned("The vote is on Friday.".to_string()), 1)
        );
        assert_eq!(
            kept("He left. (Additional reporting by Bo Li in Beijing) Talks resume."),
            "He left. Talks resume."
        );
        // A bracket that never closes is not a sign-off.
        let open = "He left. (Reporting by Jane Doe and more";
        assert_eq!(kept(open), open);
        // Lower case is the article's own aside.
        let aside = "The paper (reporting by its own staff) said so.";
        assert_eq!(kept(aside), aside);
    }

    #[test]
    fn a_source_credit_that_ends_the_line_goes() {
        assert_eq!(
            kept("\"The only thing we can do is wait.\" Source:-Al Jazeera and news agencies"),
            "\"The only thing we can do is wait.\""
        );
        assert_eq!(kept("Source: Reuters"), "");
        for line in [
            // A sentence about a source.
            "Source: a senior official said the talks had failed.",
            "The Source: Magazine is sold out and its editor left the company last year.",
            // Not at a sentence's start.
            "Their Source: Al Jazeera",
            // Too long to be a credit.
            "Done. Source: One Two Three Four Five Six Seven Eight Nine Ten",
        ] {
            assert_eq!(kept(line), line, "{line}");
        }
    }

    #[test]
    fn an_opinion_disclaimer_goes_to_its_sentence_end() {
        let line = "It must end. The views expressed in this article are the author's own and do not necessarily reflect the site's editorial policy. More text.";
        assert_eq!(
            strip(line),
            (Cow::Owned("It must end. More text.".to_string()), 1)
        );
        let quoted = "He said the views expressed in this article are his own.";
        assert_eq!(kept(quoted), quoted);
        assert_eq!(
            kept("Talks resume, the paper writes. - TASS is not responsible for the material quoted in these press reviews"),
            "Talks resume, the paper writes. -"
        );
    }

    #[test]
    fn an_agency_note_in_a_bracket_goes_and_the_bracket_stays() {
        assert_eq!(
            strip("He [Donald Trump - TASS] would gain, and the return of tourists (to Egypt - TASS) is near."),
            (
                Cow::Owned("He [Donald Trump] would gain, and the return of tourists (to Egypt) is near.".to_string()),
                2
            )
        );
        // Not an agency, or not closing the bracket.
        for line in [
            "The band (Guns - Roses) played.",
            "They met (TASS - Reuters talks) today.",
        ] {
            assert_eq!(kept(line), line, "{line}");
        }
    }

    #[test]
    fn several_marks_on_one_line_all_go() {
        let line = "LONDON (Reuters) - Prices rose. (Reporting by Jo Bloggs) Source: Reuters";
        assert_eq!(strip(line), (Cow::Owned("Prices rose.".to_string()), 3));
    }

    #[test]
    fn multibyte_text_near_the_dateline_limit_is_safe() {
        let line = "\u{00e9}".repeat(60) + " (Reuters) - x";
        assert_eq!(kept(&line), line);
    }
}
