//! The byline and date lines a saved article prints right under its
//! headline ("By Jane Smith, Political Correspondent", "Tuesday 7 February
//! 2017"): read as the article's byline and date, and taken out of the
//! text, so that names, roles and weekdays are not scored as the
//! article's words and its lead is the first paragraph of the story. One
//! rule for every file, whatever its format (.txt, Word, PDF ...).

use super::exports::dates::date_line;
use super::formats::bylines::{printed_line, printed_line_and_date};
use super::headline::HEADLINE_MAX_WORDS;
use std::borrow::Cow;

/// What the lines under a headline give.
#[derive(Debug, PartialEq)]
pub struct UnderHeadline<'a> {
    /// The text without the byline and date lines (the text as it was when
    /// it has none, or when they are kept).
    pub text: Cow<'a, str>,
    /// The authors' names, as [`printed_line`] gives them.
    pub byline: Option<String>,
    /// The date, ISO.
    pub date: Option<String>,
}

/// True when `line` is a byline line, a date line or both on one line, as
/// printed under a headline ("By Jane Smith", "12 March 2024").
pub fn is_byline_or_date(line: &str) -> bool {
    printed_line(line).is_some()
        || date_line(line).is_some()
        || printed_line_and_date(line).is_some()
}

/// The byline and date of `text` when its headline line (`title`, the
/// text's first line) is followed right away by a byline line, a date line
/// or both (in either order, each a line or paragraph of its own, or the
/// two on one line: [`printed_line_and_date`]), and the
/// text without those lines unless `keep` is set. Only right under a
/// headline: the same line further down may be a quoted source or a
/// sentence, and a first line of more than 30 words is a paragraph, not a
/// headline.
pub fn read<'a>(text: &'a str, title: &str, keep: bool) -> UnderHeadline<'a> {
    let none = || UnderHeadline {
        text: Cow::Borrowed(text),
        byline: None,
        date: None,
    };
    // (byte offset, line) of each line, line ends included.
    let mut lines = text
        .split_inclusive('\n')
        .scan(0, |at, l| {
            let start = *at;
            *at += l.len();
            Some((start, l))
        })
        .filter(|(_, l)| !l.trim().is_empty());
    let title = title.trim();
    match lines.next() {
        Some((_, first))
            if !title.is_empty()
                && first.trim() == title
                && title.split_whitespace().count() <= HEADLINE_MAX_WORDS => {}
        _ => return none(),
    }
    let (mut byline, mut date) = (None, None);
    let mut span: Option<(usize, usize)> = None;
    for (start, line) in lines {
        let line_end = start + line.len();
        // Both on one line ("By Jane Smith, 12 March 2024").
        if byline.is_none() && date.is_none() {
            if let Some((names, iso)) = printed_line_and_date(line) {
                (byline, date) = (Some(names), Some(iso));
                span = Some((start, line_end));
                continue;
            }
        }
        if byline.is_none() {
            if let Some(names) = printed_line(line) {
                byline = Some(names);
                span = Some((span.map_or(start, |s| s.0), line_end));
                continue;
            }
        }
        if date.is_none() {
            if let Some(iso) = date_line(line) {
                date = Some(iso);
                span = Some((span.map_or(start, |s| s.0), line_end));
                continue;
            }
        }
        break;
    }
    let Some((start, end)) = span else {
        return none();
    };
    if keep {
        return UnderHeadline {
            text: Cow::Borrowed(text),
            byline,
            date,
        };
    }
    // The blank lines after the last removed line go with it, so the
    // headline stays apart from the text by the blank line it had.
    let rest = &text[end..];
    let rest = rest.trim_start_matches(['\n', '\r', ' ', '\t']);
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..start]);
    out.push_str(rest);
    UnderHeadline {
        text: Cow::Owned(out),
        byline,
        date,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TITLE: &str = "Senate confirms DeVos as education secretary";
    const LEAD: &str = "Betsy DeVos was confirmed today after Mike Pence cast a tie-breaking vote.";

    #[test]
    fn byline_and_date_under_the_headline_are_read_and_taken_out() {
        let text = format!(
            "{TITLE}\n\nBy Jane Smith, Political Correspondent\n\nTuesday 7 February 2017\n\n{LEAD}\n\nMore.\n"
        );
        let got = read(&text, TITLE, false);
        assert_eq!(got.text, format!("{TITLE}\n\n{LEAD}\n\nMore.\n"));
        assert_eq!(got.byline.as_deref(), Some("Jane Smith"));
        assert_eq!(got.date.as_deref(), Some("2017-02-07"));
        // Kept: the metadata is still read.
        let kept = read(&text, TITLE, true);
        assert_eq!(kept.text, text);
        assert_eq!(kept.date.as_deref(), Some("2017-02-07"));
        // Lines without blank lines between them; the date first; one alone.
        let text = format!("{TITLE}\n6 February 2017\nBy Tom Brown\n{LEAD}\n");
        let got = read(&text, TITLE, false);
        assert_eq!(got.text, format!("{TITLE}\n{LEAD}\n"));
        assert_eq!(
            (got.byline.as_deref(), got.date.as_deref()),
            (Some("Tom Brown"), Some("2017-02-06"))
        );
        let text = format!("{TITLE}\n\nBy Tom Brown\n\n{LEAD}");
        let got = read(&text, TITLE, false);
        assert_eq!(got.text, format!("{TITLE}\n\n{LEAD}"));
        assert_eq!(got.date, None);
    }

    #[test]
    fn only_right_under_a_headline() {
        let unchanged = |text: &str, title: &str| {
            let got = read(text, title, false);
            assert!(matches!(got.text, Cow::Borrowed(_)), "{text:?}");
            assert_eq!((got.byline, got.date), (None, None), "{text:?}");
        };
        // Below the lead: a line of the story, or a source.
        unchanged(&format!("{TITLE}\n\n{LEAD}\n\nBy Tom Brown\n"), TITLE);
        // A sentence starting with "By", a source line with a date.
        unchanged(
            &format!("{TITLE}\n\nBy Monday the river had burst its banks\n\n{LEAD}"),
            TITLE,
        );
        unchanged(
            &format!("{TITLE}\n\nSource: The Independent, 26 February 2017\n\n{LEAD}"),
            TITLE,
        );
        // No headline: the first line is a paragraph, or not the title.
        let para = "word ".repeat(31);
        unchanged(&format!("{para}\n\nBy Tom Brown\n\n{LEAD}"), &para);
        unchanged(&format!("{TITLE}\n\nBy Tom Brown"), "Another title");
        unchanged("", "");
        // Two bylines: the second is not read as the date's place.
        let text = format!("{TITLE}\n\nBy Tom Brown\n\nBy Jane Smith\n\n{LEAD}");
        let got = read(&text, TITLE, false);
        assert_eq!(got.text, format!("{TITLE}\n\nBy Jane Smith\n\n{LEAD}"));
    }

    /// From a review: "By Jane Smith, 12 March 2024" under the headline
    /// gave the byline only; "Jane Smith | March 12, 2024 | 3 min read"
    /// gave neither.
    #[test]
    fn a_byline_and_a_date_on_one_line_are_both_read() {
        for line in [
            "By Jane Smith, 12 March 2024",
            "Jane Smith | March 12, 2024 | 3 min read",
        ] {
            let text = format!("{TITLE}\n\n{line}\n\n{LEAD}\n");
            let got = read(&text, TITLE, false);
            assert_eq!(got.text, format!("{TITLE}\n\n{LEAD}\n"), "{line}");
            assert_eq!(
                (got.byline.as_deref(), got.date.as_deref()),
                (Some("Jane Smith"), Some("2024-03-12")),
                "{line}"
            );
        }
    }
}
