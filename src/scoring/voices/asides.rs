//! Party-state asides ("Sen. Dianne Feinstein, D-California, said", "Rep.
//! Jim Jordan (R-Ohio) said"), which US news print between a politician's
//! name and the speech verb. They say which party and state the speaker
//! stands for; they are not the speaker's name. Read as words, the aside
//! was the run of words before the verb and became the speaker
//! ("R-Texas"), or its brackets cut the name off from the verb and the
//! quote went unattributed. Attribution therefore reads the text with each
//! aside blanked out (see [`without_party_asides`]).

use super::words::{DETERMINERS, RELATIVES, US_STATES};
use std::borrow::Cow;

/// `text` with every party-state aside replaced by spaces: the party
/// letter (D, R or I), a hyphen and a state ([`US_STATES`]), as a word of
/// its own. Its brackets go with it ("(R-Ohio)"), and so do the commas
/// around it, so that "chairman Kevin Brady, R-Texas, said" reads as it
/// would without the aside ("chairman Kevin Brady said"); when another
/// aside follows (", the ranking member,", ", who ..."), one comma stays
/// to open it. Spaces keep every byte offset (the quotes' and the
/// sentences') and never join two lines. A hyphenated name ("Jean-Pierre",
/// "D-Day") is no aside: the part after the hyphen is not a state.
pub(super) fn without_party_asides(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let mut blanks: Vec<(usize, usize)> = Vec::new();
    for h in memchr::memchr_iter(b'-', b) {
        if h == 0 || !matches!(b[h - 1], b'D' | b'R' | b'I') {
            continue;
        }
        // The party letter opens a word.
        if h >= 2
            && text[..h - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let Some(len) = state_at(&text[h + 1..]) else {
            continue;
        };
        let (start, end) = (h - 1, h + 1 + len);
        blanks.push(wrapped(b, start, end));
    }
    if blanks.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = b.to_vec();
    for (x, y) in blanks {
        out[x..y].fill(b' ');
    }
    // Every blanked byte is ASCII punctuation, a space or an aside's
    // letters, so whole characters are replaced; should that ever not
    // hold, the text is read as it is.
    String::from_utf8(out).map_or(Cow::Borrowed(text), Cow::Owned)
}

/// The length of the state at the start of `s` (with a full stop right
/// after it, as abbreviations have), if a state is all that the word holds.
fn state_at(s: &str) -> Option<usize> {
    US_STATES
        .iter()
        .filter(|st| s.starts_with(**st))
        .map(|st| st.len() + usize::from(s[st.len()..].starts_with('.')))
        .filter(|&n| {
            s[n..]
                .chars()
                .next()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '-'))
        })
        .max()
}

/// The bytes to blank for the aside `b[start..end]`: with its brackets
/// when it is bracketed, with its commas when it stands between commas
/// (see [`without_party_asides`]). Otherwise only the aside; a full stop
/// that may also end the sentence ("..., said Sen. John McCain, R-Ariz.")
/// is kept then.
fn wrapped(b: &[u8], start: usize, end: usize) -> (usize, usize) {
    let space = |c: u8| c == b' ' || c == b'\t';
    let mut left = start;
    while left > 0 && space(b[left - 1]) {
        left -= 1;
    }
    let mut right = end;
    while right < b.len() && space(b[right]) {
        right += 1;
    }
    let before = left.checked_sub(1).map(|i| b[i]);
    let after = b.get(right).copied();
    match (before, after) {
        (Some(b'('), Some(b')')) => (left - 1, right + 1),
        (Some(b','), Some(b','))
            if opens_aside(&b[right + 1..]) || closes_description(&b[..left - 1]) =>
        {
            (start, right + 1)
        }
        (Some(b','), Some(b',')) => (left - 1, right + 1),
        _ if b[end - 1] == b'.' => (start, end - 1),
        _ => (start, end),
    }
}

/// Whether the comma after an aside also closes a description opened by an
/// earlier comma of its sentence ("Catherine Frazier, a spokeswoman for
/// Sen. Ted Cruz, R-Texas, said"): then one comma must stay, or the
/// description's subject is cut off from its verb and the politician
/// becomes the speaker. `before` is the text up to the aside's first comma;
/// the search stops at a quotation mark (a comma inside a quote, '"No,"
/// Sen. X, R-Texas, said', opens nothing), a line break, a ! or ?, and a
/// full stop that ends a sentence (not the one of an abbreviated title,
/// "Sen." or "U.S.": a capitalised word of at most four letters).
fn closes_description(before: &[u8]) -> bool {
    for i in (0..before.len()).rev() {
        match before[i] {
            b',' => return true,
            b'"' | b'\n' | b'!' | b'?' => return false,
            // The last byte of a curly quotation mark (U+201C, U+201D).
            0x9C | 0x9D if i >= 2 && before[i - 2] == 0xE2 && before[i - 1] == 0x80 => {
                return false
            }
            b'.' => {
                let word = before[..i]
                    .rsplit(|c| !c.is_ascii_alphabetic() && *c != b'.')
                    .next()
                    .unwrap_or_default();
                let title = !word.is_empty() && word.len() <= 4 && word[0].is_ascii_uppercase();
                if !title {
                    return false;
                }
            }
            _ => {}
        }
    }
    false
}

/// Whether `rest` (the text after a comma) opens another aside: its first
/// word is an article or a relative pronoun.
fn opens_aside(rest: &[u8]) -> bool {
    let rest = rest.trim_ascii_start();
    let n = rest
        .iter()
        .position(|c| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let first = &rest[..n];
    DETERMINERS
        .iter()
        .chain(RELATIVES)
        .any(|w| w.as_bytes().eq_ignore_ascii_case(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blanked(t: &str) -> String {
        let out = without_party_asides(t);
        assert_eq!(out.len(), t.len(), "{t}");
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn asides_are_blanked_with_their_brackets_or_comma() {
        assert_eq!(
            blanked("Sen. Dianne Feinstein, D-California, said"),
            "Sen. Dianne Feinstein said"
        );
        assert_eq!(
            blanked("Rep. Jim Jordan (R-Ohio) said"),
            "Rep. Jim Jordan said"
        );
        assert_eq!(
            blanked("Rep. Devin Nunes (R-Calif.) said"),
            "Rep. Devin Nunes said"
        );
        assert_eq!(blanked("Ryan, R-Wis., said"), "Ryan said");
        // A description opened by an earlier comma keeps its closing comma.
        assert_eq!(
            blanked("Catherine Frazier, a spokeswoman for Sen. Ted Cruz, R-Texas, said"),
            "Catherine Frazier, a spokeswoman for Sen. Ted Cruz, said"
        );
        assert_eq!(
            blanked("Drew Hammill, spokesman for Nancy Pelosi, D-Calif., said"),
            "Drew Hammill, spokesman for Nancy Pelosi, said"
        );
        // A comma inside a quote or in an earlier sentence opens nothing.
        assert_eq!(
            blanked("\"No,\" Sen. Ted Cruz, R-Texas, said."),
            "\"No,\" Sen. Ted Cruz said."
        );
        assert_eq!(
            blanked("“No,” Sen. Ted Cruz, R-Texas, said."),
            "“No,” Sen. Ted Cruz said."
        );
        assert_eq!(
            blanked("The vote passed, officials said. Ryan, R-Wis., said more."),
            "The vote passed, officials said. Ryan said more."
        );
        assert_eq!(
            blanked("chairman Kevin Brady, R-Texas, said"),
            "chairman Kevin Brady said"
        );
        assert_eq!(
            blanked("Sen. Chris Coons, D-Delaware, who was there, said"),
            "Sen. Chris Coons, who was there, said"
        );
        assert_eq!(
            blanked("Sen. Tim Kaine, D-Virginia, the ranking member, said"),
            "Sen. Tim Kaine, the ranking member, said"
        );
        assert_eq!(
            blanked("Sen. Lindsey Graham, R-South Carolina, told"),
            "Sen. Lindsey Graham told"
        );
        assert_eq!(
            blanked("Rep. Mark Meadows, R-N.C., said"),
            "Rep. Mark Meadows said"
        );
        assert_eq!(
            blanked("Sen. Joe Manchin (D-W.Va.) said"),
            "Sen. Joe Manchin said"
        );
        assert_eq!(blanked("Sen. Angus King I-ME said"), "Sen. Angus King said");
        // At a sentence end the full stop stays.
        assert_eq!(
            blanked("said Sen. John McCain, R-Ariz. Then"),
            "said Sen. John McCain, . Then"
        );
    }

    #[test]
    fn hyphenated_names_and_other_words_stay() {
        for t in [
            "Jean-Pierre Raffarin said",
            "on D-Day, veterans said",
            "the I-95 corridor",
            "AD-Texas",
            "Mr R-Texasson said",
            "D-Californian",
            "R-Ohio-based",
            "D-",
            "-",
            "R-New Yorkshire",
        ] {
            assert!(matches!(without_party_asides(t), Cow::Borrowed(_)), "{t}");
        }
    }

    #[test]
    fn lines_never_join_and_odd_text_never_panics() {
        let t = "Sen. X (\nR-Texas\n) said";
        assert_eq!(without_party_asides(t).matches('\n').count(), 2);
        for t in [
            "(R-Texas)",
            "R-Texas",
            ",R-Texas,",
            "é(D-Ohio)é",
            "D-Ohio.",
            "(I-Vt.",
        ] {
            let out = without_party_asides(t);
            assert_eq!(out.len(), t.len(), "{t}");
            assert!(
                !out.contains("Ohio") && !out.contains("Texas") && !out.contains("Vt"),
                "{t}"
            );
        }
    }
}
