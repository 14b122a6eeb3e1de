//! Hyphens that stand for a lost space or line break. A copy that dropped
//! the line breaks (or spaces) of a page can leave a hyphen in their place
//! right after punctuation: "in Dublin.- Four pumps", "vetoed.-The bill",
//! "Trump,-though". Left alone, "vetoed.-The" is no sentence end, so two
//! sentences are read (and quoted as evidence) as one, and "-though" joins
//! the next word. After a sentence end (a full stop, question or
//! exclamation mark after a lower-case letter, perhaps with a closing
//! quotation mark or bracket) before a capital, or after a comma between
//! lower-case letters, a hyphen has no other reading, so frame reads it as
//! a space. "U.S.-Mexico" (an abbreviation) and "well-known" are not
//! touched. Counted with the repaired quotation marks (`quote_marks.rs`).

use std::borrow::Cow;

/// Closing marks that may stand between a sentence end and the hyphen.
const CLOSERS: &[char] = &['"', '\u{201D}', '\'', '\u{2019}', ')'];

/// The text with each hyphen for a lost space read as a space, and how
/// many there were (borrowed, 0, when there are none). Byte offsets do not
/// change: the hyphen and the space are one byte each.
pub fn repair(text: &str) -> (Cow<'_, str>, usize) {
    let bytes = text.as_bytes();
    let mut at: Vec<usize> = Vec::new();
    for (i, _) in text.match_indices('-') {
        // "Dublin.- Four": a space may follow the hyphen.
        let Some(next) = text[i + 1..].trim_start_matches(' ').chars().next() else {
            continue;
        };
        let spaced = text[i + 1..].starts_with(' ');
        let head = text[..i].trim_end_matches(CLOSERS);
        let mut back = head.chars().rev();
        let (mark, letter) = (back.next(), back.next());
        let sentence_end = matches!(mark, Some('.' | '!' | '?'))
            && letter.is_some_and(char::is_lowercase)
            && next.is_uppercase();
        let comma = i > 0
            && bytes[i - 1] == b','
            && head.len() == i
            && letter.is_some_and(char::is_lowercase)
            && next.is_lowercase()
            && !spaced;
        if sentence_end || comma {
            at.push(i);
        }
    }
    if at.is_empty() {
        return (Cow::Borrowed(text), 0);
    }
    let mut out = text.to_string();
    for &i in &at {
        out.replace_range(i..i + 1, " ");
    }
    (Cow::Owned(out), at.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> (String, usize) {
        let (t, n) = repair(text);
        (t.into_owned(), n)
    }

    #[test]
    fn a_hyphen_after_a_sentence_end_or_a_comma_is_a_space() {
        assert_eq!(
            fixed("The fire was in Dublin.- Four pumps came.-The bill passed."),
            (
                "The fire was in Dublin.  Four pumps came. The bill passed.".into(),
                2
            )
        );
        assert_eq!(
            fixed("He said \"no.\"-Then he left."),
            ("He said \"no.\" Then he left.".into(), 1)
        );
        assert_eq!(
            fixed("Trump,-though silent, left."),
            ("Trump, though silent, left.".into(), 1)
        );
        assert_eq!(fixed("Is it?-Yes."), ("Is it? Yes.".into(), 1));
        // A title's full stop before a lost space is no exception.
        assert_eq!(fixed("Mr.-Smith"), ("Mr. Smith".into(), 1));
    }

    #[test]
    fn real_hyphens_stay() {
        for t in [
            "the U.S.-Mexico border",
            "a well-known case",
            "pages 1,-2",
            "ends with a dash -",
            "the score was 3-2.",
            "a word.-lower case",
        ] {
            assert_eq!(fixed(t), (t.to_string(), 0), "{t}");
        }
    }
}
