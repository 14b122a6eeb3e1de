//! Quotation marks damaged before frame read them. A program on the way (a
//! scraper, an export through the wrong encoding) can write a straight
//! double quote where the article had an apostrophe ("don"t", "I"ve"), and
//! a question mark for the character it lost next to a curly quotation mark
//! ("said."?The minister", "teachers"? and"). Left alone, the first splits
//! a word ("don" and "t": the negator is lost, so "can"t be safe" reads as
//! reassurance) and opens or closes a quote that is not there; the second
//! ends a sentence where none ends. Each has one reading, so frame repairs
//! both and says how many articles it repaired:
//!
//! * A double quote between a letter and the end of a contraction (`t`
//!   after `n`, `s`, `re`, `ll`, `ve`, `d`, `m`, then no letter) is an
//!   apostrophe: a quotation mark never stands inside a word.
//! * A question mark right after a quotation mark and right before a letter
//!   or digit is a lost space (after a closing mark) or nothing (after an
//!   opening one): a question mark is followed by a space. One after a
//!   closing mark that follows a full stop, comma, exclamation or question
//!   mark ("said."?) is lost too: the sentence ended before the quotation
//!   mark closed.
//! * A double quote and a question mark between a space and a word, with
//!   no quotation mark after it in its paragraph (and no quote continued
//!   in the next), is a dash: the same program writes `"?` for a dash
//!   ("Talks end "?envoy", "the police "?we played"), and an opening mark
//!   that never closes is no quotation. Read as one, it left a stray `"` in
//!   titles and opened a quote running to the paragraph's end.
//! * Replacement characters (U+FFFD) right after a quotation mark that
//!   opens (after a space or an opening bracket, before a word) are the
//!   lost rest of a curly quotation mark (`"\u{FFFD}Propaganda"` for
//!   "“Propaganda”"): they go, so that no quote and no title opens with
//!   one and the word after them is read. The file itself holds them (the
//!   damage is older than frame's decoding, which never writes U+FFFD).

use std::borrow::Cow;

/// Quotation marks a program may have written for an apostrophe or next to
/// a lost character.
const QUOTES: &[char] = &['"', '\u{201C}', '\u{201D}'];

/// What may follow the letter and the quote in a contraction.
const CONTRACTION_ENDS: &[&str] = &["t", "s", "re", "ll", "ve", "d", "m"];

/// The replacement character, which a damaged program writes for the
/// bytes of a character it could not convert.
const REPLACEMENT: char = '\u{FFFD}';

/// What stands before a quotation mark that opens a quote (besides a
/// space or the start of the text).
const OPENING_CONTEXT: &[char] = &['(', '[', '{', '/', '-', '\u{2013}', '\u{2014}'];

/// The text with its damaged quotation marks repaired, and how many were
/// (borrowed, 0, when there are none: the usual case).
pub fn repair(text: &str) -> (Cow<'_, str>, usize) {
    if !text.contains(QUOTES) {
        return (Cow::Borrowed(text), 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut repaired = 0;
    let mut last = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !QUOTES.contains(&c) {
            continue;
        }
        // What now stands before the mark: a repair just before it may have
        // made a space of a question mark.
        let before = if i > last {
            text[..i].chars().next_back()
        } else {
            out.chars()
                .next_back()
                .or_else(|| text[..i].chars().next_back())
        };
        let after = &text[i + c.len_utf8()..];
        let opening = before.is_none_or(|b| {
            b.is_whitespace() || OPENING_CONTEXT.contains(&b) || QUOTES.contains(&b)
        });
        if opening && after.starts_with(REPLACEMENT) {
            let rest = after.trim_start_matches(REPLACEMENT);
            if rest.starts_with(|n: char| n.is_alphanumeric() || matches!(n, '[' | '(')) {
                let q = i + c.len_utf8();
                out.push_str(&text[last..q]);
                last = q + (after.len() - rest.len());
                repaired += 1;
            }
            continue;
        }
        if before.is_some_and(char::is_alphabetic) && contraction_end(before, after) {
            out.push_str(&text[last..i]);
            out.push('\'');
            last = i + c.len_utf8();
            repaired += 1;
        } else if let Some(rest) = after.strip_prefix('?') {
            let next = rest.chars().next();
            let opening = before.is_none_or(char::is_whitespace);
            let lost_before_word = next.is_some_and(char::is_alphanumeric);
            let after_sentence = before.is_some_and(|b| matches!(b, '.' | ',' | '!' | '?'));
            if opening && before.is_some() && lost_before_word && never_closed(rest) {
                out.push_str(&text[last..i]);
                out.push_str("\u{2014} ");
                last = i + c.len_utf8() + 1;
                repaired += 1;
                chars.next();
            } else if lost_before_word || (after_sentence && !opening) {
                let q = i + c.len_utf8();
                out.push_str(&text[last..q]);
                if lost_before_word && !opening {
                    out.push(' ');
                }
                last = q + 1;
                repaired += 1;
                chars.next();
            }
        }
    }
    if repaired == 0 {
        return (Cow::Borrowed(text), 0);
    }
    out.push_str(&text[last..]);
    (Cow::Owned(out), repaired)
}

/// True when a quotation mark opened before `rest` would never close: the
/// next quotation mark in its paragraph (up to a blank line) stands after a
/// space, where no mark closes ("message "?and warning "?out": two dashes),
/// or none follows and the next paragraph does not open with one (a quote
/// running over paragraphs).
fn never_closed(rest: &str) -> bool {
    let mut lines = rest.split('\n');
    for line in lines.by_ref() {
        if line.trim().is_empty() {
            break;
        }
        if let Some(at) = line.find(QUOTES) {
            return line[..at].ends_with(char::is_whitespace);
        }
    }
    !lines
        .map(str::trim_start)
        .find(|l| !l.is_empty())
        .is_some_and(|l| l.starts_with(QUOTES))
}

/// True when `after` (what follows a quote mark that follows the letter
/// `before`) is the end of a contraction: "t" after "n" ("don"t"), or one
/// of the other [`CONTRACTION_ENDS`], then no letter.
fn contraction_end(before: Option<char>, after: &str) -> bool {
    CONTRACTION_ENDS.iter().any(|end| {
        after
            .get(..end.len())
            .is_some_and(|a| a.eq_ignore_ascii_case(end))
            && !after[end.len()..].starts_with(char::is_alphabetic)
            && (*end != "t" || before.is_some_and(|b| b == 'n' || b == 'N'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> String {
        repair(text).0.into_owned()
    }

    #[test]
    fn a_quote_inside_a_contraction_is_an_apostrophe() {
        assert_eq!(
            repair("We can\"t say. I\"ve seen it; it\"s over, they\"re gone, DON\"T."),
            (
                Cow::Owned("We can't say. I've seen it; it's over, they're gone, DON'T.".into()),
                5
            )
        );
        // Quotes that open or close a quotation stay.
        for text in [
            "He said \"no\" to them.",
            "The \"t\" key.",
            "She said \"things\" were fine.",
            "a \"cat\"t",
            "\"Don\"tell",
        ] {
            assert_eq!(fixed(text), text, "{text}");
        }
    }

    #[test]
    fn a_quote_and_question_mark_that_never_close_are_a_dash() {
        assert_eq!(
            repair("Talks end \"?envoy\n\nThe talks ended."),
            (
                Cow::Owned("Talks end \u{2014} envoy\n\nThe talks ended.".into()),
                1
            )
        );
        assert_eq!(
            fixed("We played \"?we were young. He left."),
            "We played \u{2014} we were young. He left."
        );
        // Two in a paragraph: neither closes the other.
        assert_eq!(
            fixed("a message \"?and a warning \"?out."),
            "a message \u{2014} and a warning \u{2014} out."
        );
        // A mark that closes later in the paragraph, or a quote continued
        // in the next paragraph, opens a quote as before.
        assert_eq!(
            fixed("He said \"?no way\" to it."),
            "He said \"no way\" to it."
        );
        assert_eq!(
            fixed("He said: \"?We will win.\n\n\"And soon.\""),
            "He said: \"We will win.\n\n\"And soon.\""
        );
        // At the start of the text it opens a quote: nothing was before it.
        assert_eq!(fixed("\"?Never again"), "\"Never again");
    }

    #[test]
    fn a_replacement_character_after_an_opening_quote_goes() {
        assert_eq!(
            repair("Israel calls it \"\u{FFFD}propaganda,\" again."),
            (
                Cow::Owned("Israel calls it \"propaganda,\" again.".into()),
                1
            )
        );
        assert_eq!(
            fixed(
                "He said.\"?\"\u{FFFD}Questions he likes.\" (\u{201C}\u{FFFD}\u{FFFD}[W]e\u{201D})"
            ),
            "He said.\"\"Questions he likes.\" (\u{201C}[W]e\u{201D})"
        );
        // Inside or after a word, or before a space, it stays: which
        // character was lost cannot be told.
        for text in [
            "Baha\"\u{FFFD}i prayers",
            "the ocean\"\u{FFFD}depending on",
            "a mark \"\u{FFFD} alone",
        ] {
            assert_eq!(repair(text), (Cow::Borrowed(text), 0), "{text}");
        }
    }

    #[test]
    fn a_question_mark_for_a_lost_character_by_a_quote_goes() {
        assert_eq!(
            fixed("\"We will win,\"?he said. \"?They left.\"? Then"),
            "\"We will win,\" he said. \"They left.\" Then"
        );
        assert_eq!(
            fixed("opposition from teachers\"?and"),
            "opposition from teachers\" and"
        );
        assert_eq!(
            fixed("It ended.\u{201D}?The end"),
            "It ended.\u{201D} The end"
        );
        // A real question after a quotation stays.
        for text in [
            "Did he say \"no\"? Nobody knows.",
            "Is it \"safe\"?",
            "Why \"now\"?\nBecause.",
            "from teachers\"? and",
        ] {
            assert_eq!(fixed(text), text, "{text}");
        }
        assert_eq!(
            repair("No quotes here?"),
            (Cow::Borrowed("No quotes here?"), 0)
        );
    }
}
