//! Asides between a speaker's name and the speech verb, which attribution
//! reads past. Party asides ("Sen. Dianne Feinstein, D-California, said",
//! "Rep. Jim Jordan (R-Ohio) said", a state legislator's "Sen. Jane Doe,
//! R-Lincoln, said") say which party and state or district the speaker
//! stands for; dash asides ("Jane Doe – a Labour MP – said") describe the
//! speaker. Neither is the speaker's name. Read as words, a party aside was
//! the run of words before the verb and became the speaker ("R-Texas"), or
//! its brackets or dashes cut the name off from the verb and the quote went
//! unattributed. Attribution therefore reads the text with each aside
//! blanked out (see [`without_asides`]).

use super::words::{BETWEEN, DETERMINERS, RELATIVES, SPEECH_VERBS, TITLES, US_STATES};
use std::borrow::Cow;

/// `text` with every party aside ([`party_asides`]) and dash aside
/// ([`dash_asides`]) replaced by spaces. Spaces keep every byte offset (the
/// quotes' and the sentences') and never join two lines.
pub(super) fn without_asides(text: &str) -> Cow<'_, str> {
    let party = party_asides(text);
    let dash = dash_asides(text);
    if party.is_empty() && dash.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = text.as_bytes().to_vec();
    for (x, y) in party {
        out[x..y].fill(b' ');
    }
    for (x, y, comma) in dash {
        out[x..y].fill(b' ');
        if comma {
            out[x] = b',';
        }
    }
    // Every blanked byte is part of whole characters (ASCII punctuation,
    // spaces, an aside's words and dashes), so the result is UTF-8; should
    // that ever not hold, the text is read as it is.
    String::from_utf8(out).map_or(Cow::Borrowed(text), Cow::Owned)
}

/// The byte spans of the party asides of `text`: the party letter (D, R or
/// I), a hyphen and a state ([`US_STATES`]) as a word of its own, or a
/// place that is not a state ([`place_at`]: a state legislator's district
/// or town) where the aside stands in brackets or commas after a name. Its
/// brackets go with it ("(R-Ohio)"), and so do the commas around it, so
/// that "chairman Kevin Brady, R-Texas, said" reads as it would without the
/// aside ("chairman Kevin Brady said"); when another aside follows (", the
/// ranking member,", ", who ..."), one comma stays to open it. A hyphenated
/// name ("Jean-Pierre", "D-Day") is no aside.
fn party_asides(text: &str) -> Vec<(usize, usize)> {
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
        let rest = &text[h + 1..];
        let Some(len) = state_at(rest)
            .or_else(|| place_at(rest).filter(|&n| set_off_after_name(b, h - 1, h + 1 + n)))
        else {
            continue;
        };
        let (start, end) = (h - 1, h + 1 + len);
        blanks.push(wrapped(b, start, end));
    }
    blanks
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

/// The length of a place at the start of `s` that is not a state: one to
/// three capitalised words ("Lincoln", "San Antonio", "St. Paul"), never
/// "Day" ("D-Day").
fn place_at(s: &str) -> Option<usize> {
    let mut end = 0;
    for n in 0..3 {
        let rest = &s[end..];
        let rest = if n == 0 {
            rest
        } else {
            match rest.strip_prefix(' ') {
                Some(r) if r.chars().next().is_some_and(char::is_uppercase) => r,
                _ => break,
            }
        };
        match place_word(rest) {
            Some(len) if n == 0 && &rest[..len] == "Day" => return None,
            Some(len) => end = s.len() - rest.len() + len,
            None if n == 0 => return None,
            None => break,
        }
    }
    Some(end)
}

/// The length of a capitalised word at the start of `s` with at least one
/// lower-case letter ("Lincoln", "Wilkes-Barre"; "St." keeps its full stop
/// when a word follows it).
fn place_word(s: &str) -> Option<usize> {
    let mut cs = s.char_indices().peekable();
    let (_, first) = cs.next()?;
    if !first.is_uppercase() {
        return None;
    }
    let mut end = first.len_utf8();
    let mut lower = false;
    while let Some(&(i, c)) = cs.peek() {
        let inner = c == '-' && s[i + 1..].chars().next().is_some_and(char::is_alphabetic);
        if !(c.is_alphabetic() || inner) {
            break;
        }
        lower |= c.is_lowercase();
        end = i + c.len_utf8();
        cs.next();
    }
    if ["St", "Ft", "Mt"].contains(&&s[..end]) && s[end..].starts_with(". ") {
        end += 1;
    }
    lower.then_some(end)
}

/// Whether the aside `b[start..end]` is set off after a name: a comma or
/// an opening bracket between it and a word before it, and after it the
/// closing bracket, or a comma or full stop after a comma.
fn set_off_after_name(b: &[u8], start: usize, end: usize) -> bool {
    let space = |c: &u8| *c == b' ' || *c == b'\t';
    let before = b[..start].iter().rposition(|c| !space(c));
    let after = b[end..].iter().position(|c| !space(c)).map(|i| b[end + i]);
    let Some(open) = before else {
        return false;
    };
    let named = b[..open]
        .iter()
        .rposition(|c| !space(c))
        .is_some_and(|i| b[i].is_ascii_alphanumeric() || b[i] == b'.' || b[i] >= 0x80);
    let closed = match b[open] {
        b'(' => after == Some(b')'),
        b',' => matches!(after, Some(b',' | b'.')),
        _ => false,
    };
    named && closed
}

/// The byte spans of the dash asides of `text`: a word, a dash (en or em
/// dash, or a hyphen or "--" with a space on each side), at most
/// [`DASH_ASIDE_WORDS`] words inside one sentence, a second dash, then a
/// speech verb (after [`BETWEEN`] words: "has also said"). Only the verb
/// after it shows that the dashes set off a description of the speaker,
/// not a break in the sentence ("prices rose – and fell – in May"). The
/// third field says whether the first dash becomes a comma: when a comma
/// before the aside opens a description ("Tim Roe, leader of the party –
/// its chief whip – said", see [`closes_description`]) that the dash also
/// closes, so that the party does not become the speaker
/// ([`short_description`]).
fn dash_asides(text: &str) -> Vec<(usize, usize, bool)> {
    let dashes = dashes(text);
    let mut blanks = Vec::new();
    let mut k = 0;
    while k + 1 < dashes.len() {
        let ((a, a_end), (b, b_end)) = (dashes[k], dashes[k + 1]);
        let word_before = text[..a]
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '.');
        if word_before && is_aside(&text[a_end..b]) && verb_follows(&text[b_end..]) {
            blanks.push((a, b_end, short_description(&text[..a])));
            k += 2;
        } else {
            k += 1;
        }
    }
    blanks
}

/// Whether `before` (the text before a dash aside) ends on a description
/// opened by a comma ([`closes_description`]) of at most
/// [`DESCRIPTION_WORDS`] words ("Tim Roe, leader of the party"); a longer
/// run after a comma is a clause of its own ("Still, the talks showed the
/// president willing to fight – ... – calling").
fn short_description(before: &str) -> bool {
    let words = before.rsplit(',').next().unwrap_or("").split_whitespace();
    words.count() <= DESCRIPTION_WORDS && closes_description(before.as_bytes())
}

/// At most this many words in a description before a dash aside.
const DESCRIPTION_WORDS: usize = 12;

/// At most this many words between the dashes of an aside.
const DASH_ASIDE_WORDS: usize = 25;

/// The dashes of `text` as byte spans, in text order (see [`dash_asides`]).
fn dashes(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let spaced =
        |x: usize, y: usize| x > 0 && b[x - 1] == b' ' && b.get(y).is_some_and(|&c| c == b' ');
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let len = match b[i] {
            // U+2013 and U+2014 in UTF-8.
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x93 | 0x94)) => 3,
            b'-' if b.get(i + 1) == Some(&b'-') && spaced(i, i + 2) => 2,
            b'-' if spaced(i, i + 1) => 1,
            _ => 0,
        };
        if len > 0 {
            out.push((i, i + len));
        }
        i += len.max(1);
    }
    out
}

/// Whether `s` (the text between two dashes) can be an aside: one to
/// [`DASH_ASIDE_WORDS`] words in one sentence, no quotation mark, no line
/// break and no colon or semicolon.
fn is_aside(s: &str) -> bool {
    let words = s.split_whitespace().count();
    let plain = !s.contains(['"', '\u{201c}', '\u{201d}', '\n', ':', ';', '!', '?']);
    (1..=DASH_ASIDE_WORDS).contains(&words) && plain && !ends_sentence_inside(s)
}

/// Whether a full stop inside `s` ends a sentence: one followed by a space
/// whose word is not an abbreviation ("Sen.", "U.S.") or an initial ("J.").
fn ends_sentence_inside(s: &str) -> bool {
    s.match_indices(". ").any(|(i, _)| {
        let word = s[..i]
            .rsplit(|c: char| !c.is_alphabetic() && c != '.')
            .next()
            .unwrap_or("");
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        let abbreviation = word.contains('.') || TITLES.contains(&word.to_lowercase().as_str());
        !(initial || abbreviation)
    })
}

/// Whether `s` (the text after an aside) opens with a lower-case speech
/// verb, maybe after [`BETWEEN`] words ("has also said").
fn verb_follows(s: &str) -> bool {
    for w in s.split_whitespace().take(4) {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if SPEECH_VERBS.contains(&w) {
            return true;
        }
        if !BETWEEN.contains(&w) {
            return false;
        }
    }
    false
}

/// The bytes to blank for the aside `b[start..end]`: with its brackets
/// when it is bracketed, with its commas when it stands between commas
/// (see [`party_asides`]). Otherwise only the aside; a full stop
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
        let out = without_asides(t);
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
            assert!(matches!(without_asides(t), Cow::Borrowed(_)), "{t}");
        }
    }

    #[test]
    fn lines_never_join_and_odd_text_never_panics() {
        let t = "Sen. X (\nR-Texas\n) said";
        assert_eq!(without_asides(t).matches('\n').count(), 2);
        for t in [
            "(R-Texas)",
            "R-Texas",
            ",R-Texas,",
            "é(D-Ohio)é",
            "D-Ohio.",
            "(I-Vt.",
        ] {
            let out = without_asides(t);
            assert_eq!(out.len(), t.len(), "{t}");
            assert!(
                !out.contains("Ohio") && !out.contains("Texas") && !out.contains("Vt"),
                "{t}"
            );
        }
    }

    #[test]
    fn a_state_legislators_place_is_blanked_after_a_name() {
        assert_eq!(
            blanked("Sen. Jane Doe, R-Lincoln, said"),
            "Sen. Jane Doe said"
        );
        assert_eq!(
            blanked("said Rep. Ann Roe (D-Springfield)."),
            "said Rep. Ann Roe ."
        );
        assert_eq!(
            blanked("Rep. Ann Roe, D-San Antonio, told"),
            "Rep. Ann Roe told"
        );
        assert_eq!(blanked("Sen. Jo Poe (R-St. Paul) said"), "Sen. Jo Poe said");
        assert_eq!(
            blanked("Sen. Jo Poe, R-Wilkes-Barre, the whip, said"),
            "Sen. Jo Poe, the whip, said"
        );
        // Only set off after a name: not a word of its own, not a product.
        for t in [
            "on D-Day, veterans said",
            "On June 6, D-Day, veterans said",
            "President Michael D-Higgins said",
            "brands like D-Link and Netgear",
            "R-Lincoln said",
            "(D-Springfield) said",
            "Sen. Jane Doe, R-Lincoln said",
            "Sen. Jane Doe (R-Lincoln, said",
            "a vote, R-NEB, said",
        ] {
            assert!(matches!(without_asides(t), Cow::Borrowed(_)), "{t}");
        }
    }

    #[test]
    fn a_dash_aside_before_a_speech_verb_is_blanked() {
        assert_eq!(
            blanked("Jane Doe \u{2013} a Labour MP \u{2013} said"),
            "Jane Doe said"
        );
        assert_eq!(
            blanked("Jane Doe\u{2014}a Labour MP\u{2014}has also said"),
            "Jane Doe has also said"
        );
        assert_eq!(
            blanked("Dr. Tom Lee - also from Exeter University - added:"),
            "Dr. Tom Lee added:"
        );
        assert_eq!(
            blanked("Ms Roy -- who chairs the U.S. panel -- told"),
            "Ms Roy told"
        );
        assert_eq!(
            blanked("Prices fell \u{2013} sharply. Ms Roy \u{2013} the chair \u{2013} said"),
            "Prices fell \u{2013} sharply. Ms Roy said"
        );
        // A description opened by a comma keeps a comma to close it.
        assert_eq!(
            blanked("Tim Roe, leader of the party \u{2013} its chief whip \u{2013} said"),
            "Tim Roe, leader of the party , said"
        );
        assert_eq!(
            blanked("On Friday, Sir Jo -- the judge -- said"),
            "On Friday, Sir Jo , said"
        );
        assert_eq!(
            blanked("Still, the talks showed the president willing to take on the press in a fight \u{2013} as ever \u{2013} calling"),
            "Still, the talks showed the president willing to take on the press in a fight calling"
        );
        for t in [
            // No speech verb after it: a break in the sentence.
            "Prices rose \u{2013} and then fell \u{2013} in May",
            "Jane Doe \u{2013} a Labour MP \u{2013} Said",
            // Hyphens without spaces join words.
            "Jane Doe-a Labour MP-said",
            // Never across a quote, a line or a sentence.
            "Jane Doe \u{2013} \u{201c}a Labour MP\u{201d} \u{2013} said",
            "Jane Doe \u{2013} a Labour\nMP \u{2013} said",
            "Jane Doe \u{2013} an MP. Then she left \u{2013} said",
            "\u{201c}Yes\u{201d} \u{2013} a Labour MP \u{2013} said",
        ] {
            assert!(matches!(without_asides(t), Cow::Borrowed(_)), "{t}");
        }
    }
}
