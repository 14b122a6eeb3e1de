//! Line breaks inside a sentence. frame ends a sentence at every line end
//! (a headline, a byline, a list item are lines of their own), so text
//! wrapped by hand, an e-mail, a `<br>` or a copy from a PDF broke its
//! sentences at the wrap: "the water was not / safe to drink" became two
//! sentences, and *safe* lost its negation. A line break is read as a space
//! where the line cannot end there: it stops mid-sentence and the next line
//! goes on in lower case, or it ends on a word that cannot end a sentence
//! ("the", "of", "not"), or the text is wrapped at a fixed width and the
//! line is full. A word hyphenated across the break is made whole.

use std::borrow::Cow;

/// Whether a line ends a sentence (closing quotes and brackets aside).
pub fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ']'])
        .ends_with(['.', '!', '?', ':', '\u{2026}'])
}

/// Words after which no sentence, headline or label ends: articles,
/// prepositions, conjunctions, auxiliaries and the negator.
const CANNOT_END: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "by", "with",
    "from", "that", "not", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
    "would", "could", "should", "can", "may", "its", "their", "his", "her", "as", "than", "into",
    "about",
];

/// The longest line of text wrapped by hand or by a mail program (a
/// paragraph per line is longer).
const MAX_WRAP_WIDTH: usize = 100;
/// The shortest line width that is a wrap (a list or a column of short
/// lines is not wrapped text).
const MIN_WRAP_WIDTH: usize = 40;
/// A line at least this share (in percent) of the wrap width was ended by
/// the wrap, not by its writer.
const FULL_LINE_PERCENT: usize = 70;

/// The length from which a line of `text` counts as full, when the text is
/// wrapped at a fixed width: its longest line is at most [`MAX_WRAP_WIDTH`]
/// characters and at least three lines come near it.
fn full_line(text: &str) -> Option<usize> {
    let width = text.lines().map(|l| l.trim_end().chars().count()).max()?;
    let full = width * FULL_LINE_PERCENT / 100;
    let near = text
        .lines()
        .filter(|l| l.trim_end().chars().count() >= full)
        .count();
    ((MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&width) && near >= 3).then_some(full)
}

/// How line `line` goes on into `next`, when the break between them is
/// inside a sentence: `Some(true)` for a word hyphenated across it (join
/// without the hyphen), `Some(false)` for a space; `None` keeps the break.
/// In wrapped text (`full`: the length of a full line) a full line that
/// stops mid-sentence goes on before a capital too.
pub fn continues(line: &str, next: &str, full: Option<usize>) -> Option<bool> {
    let line = line.trim_end();
    let next = next.trim_start();
    if line.is_empty() || next.is_empty() || ends_sentence(line) || list_item(next) {
        return None;
    }
    let lower_next = next.chars().next().is_some_and(char::is_lowercase);
    let mut end = line.chars().rev();
    if lower_next && end.next() == Some('-') && end.next().is_some_and(char::is_lowercase) {
        return Some(true);
    }
    let last = line.rsplit(char::is_whitespace).next().unwrap_or("");
    let wrapped = full.is_some_and(|f| line.chars().count() >= f);
    (lower_next || wrapped || CANNOT_END.contains(&last)).then_some(false)
}

/// Whether a line opens a list item ("- ", "* ", "• ", "1. ", "2) "), a
/// table row or a quoted block ("| ", "> ").
fn list_item(line: &str) -> bool {
    let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
    let numbered = rest.len() < line.len() && rest.starts_with(['.', ')']);
    numbered || line.starts_with(['-', '*', '\u{2022}', '\u{2013}', '\u{2014}', '|', '>'])
}

/// `text` with each line break inside a sentence made a space (or, in a
/// hyphenated word, nothing). The first line is left alone: it is the
/// article's title.
pub fn join(text: &str) -> Cow<'_, str> {
    let mut lines = text.split('\n');
    let Some(first) = lines.next() else {
        return Cow::Borrowed(text);
    };
    let full = full_line(text);
    let mut out: Option<String> = None;
    let mut prev = first;
    // Byte offset in `text` of the line break before the current line.
    let mut at = first.len();
    let mut prev_is_title = !first.trim().is_empty();
    let mut seen_text = prev_is_title;
    for line in lines {
        let join = if prev_is_title {
            None
        } else {
            continues(prev, line, full)
        };
        match join {
            Some(hyphen) => {
                let o = out.get_or_insert_with(|| text[..at].to_string());
                o.truncate(o.trim_end().len());
                if hyphen {
                    o.pop();
                } else {
                    o.push(' ');
                }
                o.push_str(line.trim_start());
            }
            None => {
                if let Some(o) = out.as_mut() {
                    o.push('\n');
                    o.push_str(line);
                }
            }
        }
        let filled = !line.trim().is_empty();
        prev_is_title = filled && !seen_text;
        seen_text |= filled;
        prev = line;
        at += 1 + line.len();
    }
    match out {
        Some(o) => Cow::Owned(o),
        None => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// From a real-input review: a wrapped line cut "not" from "safe".
    #[test]
    fn a_break_inside_a_sentence_is_a_space() {
        let text = "Water warning\n\nOfficials said the tap water in the town was not\nsafe to drink and\nPeople should boil it.\nShops closed.";
        assert_eq!(
            join(text),
            "Water warning\n\nOfficials said the tap water in the town was not safe to drink and People should boil it.\nShops closed."
        );
    }

    #[test]
    fn titles_bylines_lists_and_sentence_ends_keep_their_lines() {
        for text in [
            "Storm hits coast\nby Ann Lee\n\nThe storm came.",
            "Storm hits coast\n\nBy Ann Lee\nLONDON\nThe storm came.",
            "Items\n\n- one\n- two",
            "Table\n\n| The first row of a table of figures | 12 |\n| The second row of the same table | 14 |\n| The third row of the same table | 16 |",
            "A list of things to take along with you\n\nThe council said people must pack the\n- food and water for three days and\n1. a torch",
            "Title line\n\nIt rained.\nthen it stopped",
        ] {
            assert_eq!(join(text), text);
        }
    }

    /// Text wrapped at a fixed width (an e-mail, a copy from a PDF): a full
    /// line goes on before a capital too; a short line ending a paragraph
    /// without a full stop (a subhead) does not.
    #[test]
    fn wrapped_text_is_read_as_paragraphs() {
        let text = "Police plan\n\nArmed officers will patrol three London boroughs from\nMonday, the Metropolitan Police said on Friday, after two\nshocking incidents in which the public was filmed.\nReaction\nCritics said the plan was rushed and had not been\nexplained to the people who live there.";
        assert_eq!(
            join(text),
            "Police plan\n\nArmed officers will patrol three London boroughs from Monday, the Metropolitan Police said on Friday, after two shocking incidents in which the public was filmed.\nReaction\nCritics said the plan was rushed and had not been explained to the people who live there."
        );
    }

    #[test]
    fn a_word_hyphenated_at_the_break_is_whole() {
        assert_eq!(
            join("T\n\nThe gov-\nernment said so."),
            "T\n\nThe government said so."
        );
        // A dash between words, or before a capital, is not a broken word.
        assert_eq!(
            join("T\n\nThe vote -\nand after"),
            "T\n\nThe vote - and after"
        );
        assert_eq!(continues("pro-", "EU", None), None);
    }
}
