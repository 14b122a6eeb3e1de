//! Hyphens that stand for a lost space or line break. A copy that dropped
//! the line breaks (or spaces) of a page can leave a hyphen in their place
//! right after punctuation: "in Dublin.- Four pumps", "vetoed.-The bill",
//! "Trump,-though", "a week,-France". Left alone, "vetoed.-The" is no
//! sentence end, so two sentences are read (and quoted as evidence) as
//! one, and "-though" joins the next word. After a sentence end (a full
//! stop, question or exclamation mark after a lower-case letter, perhaps
//! with a closing quotation mark or bracket) before a capital, or after a
//! comma between a lower-case letter and a letter, a hyphen has no other
//! reading, so frame reads it as a space. "U.S.-Mexico" (an abbreviation),
//! "1,-2" and "well-known" are not touched.
//!
//! Some copies wrote a hyphen for many of their spaces, between words too
//! ("rocked by-tensions", "protests-against police", "triggered--protests-
//! in"). A hyphen between two words is normally a compound ("well-known",
//! "anti-war"), so these are read as spaces only in a text that shows the
//! damage clearly: at least [`SPACES_AS_HYPHENS_MIN`] hyphens after
//! punctuation as above, which no text writes. In such a text, a hyphen
//! is a space when it joins a word to a function word that forms no
//! compounds ([`FUNCTION_WORDS`]: "by-tensions", "protests-against"; not
//! "in", "up", "to", which do: "sit-in", "up-to-date"), when two or more
//! stand between words ("triggered--protests"), or when one stands between
//! a letter and a space ("protests- in", "chase --is"), unless a suspended
//! compound follows ("pre- and post-war"). "police-officer" stays: nothing
//! tells it from a compound. Each lost space (a run of hyphens for one
//! space counts once) is counted with the repaired quotation marks
//! (`quote_marks.rs`).

use std::borrow::Cow;

/// Closing marks that may stand between a sentence end and the hyphen.
const CLOSERS: &[char] = &['"', '\u{201D}', '\'', '\u{2019}', ')'];

/// Fewest hyphens after punctuation (which no text writes) that show a
/// text wrote hyphens for its spaces, so that hyphens between words are
/// read as spaces too: one or two may be a typing slip, three are a habit.
pub const SPACES_AS_HYPHENS_MIN: usize = 3;

/// Function words that form no hyphenated compound, so that a hyphen
/// joining one to a word, in a text that writes hyphens for spaces, is a
/// space. Particles and prepositions that do form compounds ("in", "on",
/// "up", "out", "off", "down", "over", "to") are left out; "by" stays in,
/// as its compounds ("by-election", "stand-by") are rare.
pub const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "and", "but", "against", "amid", "during", "from", "with", "into",
    "about", "as", "than", "that", "this", "these", "those", "which", "whether", "when", "who",
    "how", "his", "her", "its", "their", "our", "has", "have", "had", "was", "were", "is", "are",
    "by", "he", "she", "they", "we", "it",
];

/// Words after a suspended hyphen ("pre- and post-war", "first- or
/// second-class", "two- to three-year"): the hyphen there is real.
const SUSPENDED_BEFORE: &[&str] = &["and", "or", "to", "nor"];

/// The text with each hyphen for a lost space read as a space, and how
/// many lost spaces there were (borrowed, 0, when there are none). Byte
/// offsets do not change: the hyphen and the space are one byte each.
pub fn repair(text: &str) -> (Cow<'_, str>, usize) {
    let mut at = after_punctuation(text);
    let mut spaces = at.len();
    if at.len() >= SPACES_AS_HYPHENS_MIN {
        for run in between_words(text) {
            if !at.contains(&run.start) {
                spaces += 1;
                at.extend(run);
            }
        }
    }
    if at.is_empty() {
        return (Cow::Borrowed(text), 0);
    }
    let mut out = text.to_string();
    for &i in &at {
        out.replace_range(i..i + 1, " ");
    }
    (Cow::Owned(out), spaces)
}

/// Hyphens right after punctuation, where a hyphen has no reading but a
/// lost space (see the module doc).
fn after_punctuation(text: &str) -> Vec<usize> {
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
        // "week,-France" as well as "Trump,-though": a comma is never
        // joined to a word by a hyphen ("1,-2" has no letters).
        let comma = i > 0
            && bytes[i - 1] == b','
            && head.len() == i
            && letter.is_some_and(char::is_lowercase)
            && next.is_alphabetic()
            && !spaced;
        if sentence_end || comma {
            at.push(i);
        }
    }
    at
}

/// The hyphen runs (byte ranges) that a text writing hyphens for spaces
/// has in place of a space between words (see the module doc).
fn between_words(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while let Some(found) = text[i..].find('-') {
        let start = i + found;
        let end = start + bytes[start..].iter().take_while(|&&b| b == b'-').count();
        i = end;
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let word_before = before.is_some_and(char::is_alphanumeric);
        let word_after = after.is_some_and(char::is_alphanumeric);
        let lost = if word_before && word_after {
            end - start > 1
                || is_function_word(word_ending(&text[..start]))
                || is_function_word(word_starting(&text[end..]))
        } else if before.is_some_and(char::is_alphabetic) && after == Some(' ') {
            let next = word_starting(text[end..].trim_start_matches(' '));
            !SUSPENDED_BEFORE.contains(&next.to_lowercase().as_str())
        } else {
            before == Some(' ') && after.is_some_and(char::is_alphabetic)
        };
        if lost {
            runs.push(start..end);
        }
    }
    runs
}

/// The word (letters, digits, apostrophes) that `head` ends with.
fn word_ending(head: &str) -> &str {
    let from = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '\'')
        .last()
        .map_or(head.len(), |(i, _)| i);
    &head[from..]
}

/// The word (letters, digits, apostrophes) that `rest` starts with.
fn word_starting(rest: &str) -> &str {
    let to = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '\''))
        .map_or(rest.len(), |(i, _)| i);
    &rest[..to]
}

/// True when `word` is one of the [`FUNCTION_WORDS`], in any case but a
/// capital "A" ("A-list", "A-level" are compounds).
fn is_function_word(word: &str) -> bool {
    word != "A" && FUNCTION_WORDS.contains(&word.to_lowercase().as_str())
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
        assert_eq!(
            fixed("For a month,-Ruritania voted."),
            ("For a month, Ruritania voted.".into(), 1)
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
            // Hyphens between words, in a text with no other sign of
            // hyphens for spaces, are compounds.
            "the anti-war march by-passed the state-of-the-art hall",
            "a rise of 5 -10 degrees, pre- and post-war",
        ] {
            assert_eq!(fixed(t), (t.to_string(), 0), "{t}");
        }
    }

    #[test]
    fn a_text_writing_hyphens_for_spaces_has_them_between_words_read() {
        let (text, n) = fixed(
            "For days,-Ruritania-has been shaken by-riots.-The strikes--marches- \
             in the capital, a well-known anti-war cause,-drew the police-chief \
             against-the crowd.-Pre- and post-war ties --were cut.",
        );
        assert_eq!(
            text,
            "For days, Ruritania has been shaken by riots. The strikes  marches  \
             in the capital, a well-known anti-war cause, drew the police-chief \
             against the crowd. Pre- and post-war ties   were cut."
        );
        // Four after punctuation, then "-has", "by-", "--", "- in",
        // "against-", " --were": one each.
        assert_eq!(n, 10);
    }

    #[test]
    fn two_hyphens_after_punctuation_are_not_yet_a_habit() {
        let t = "Talks ended.-Then,-all left by-road.";
        assert_eq!(fixed(t).0, "Talks ended. Then, all left by-road.");
    }
}
