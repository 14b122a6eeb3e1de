//! Sentence boundaries: UAX #29 sentence breaks inside each line, with a line
//! break always ending a sentence (headlines and captions carry no full stop),
//! and no break after common titles and abbreviations ("Mr.", "Dr.", "St.").
//!
//! The UAX #29 breaks come from a port of `unicode-segmentation`'s sentence
//! state machine ([`line_breaks`]) driven by a table lookup for ASCII, Latin-1
//! and General Punctuation characters; a line holding any other character is
//! handed to `unicode-segmentation` itself. Tests check both give the same
//! spans (`sentence_spans_reference`, compiled for tests).

use crate::input::lost_letter_at;
use unicode_segmentation::UnicodeSegmentation;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "sgt", "insp", "supt", "det", "cllr", "prof", "rev", "gen",
    "col", "lt", "capt", "cmdr", "gov", "sen", "rep", "jr", "sr", "vs", "etc", "e.g", "i.e", "u.s",
    "u.k", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
];

/// The last word before a final full stop, if `s` (trimmed) ends with one.
fn word_before_stop(s: &str) -> Option<&str> {
    let stripped = s.trim_end().strip_suffix('.')?;
    Some(
        stripped
            .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
            .next()
            .unwrap_or(""),
    )
}

fn ends_with_abbreviation(s: &str) -> bool {
    let Some(last) = word_before_stop(s) else {
        return false;
    };
    if last.is_ascii() {
        // Same test as below without allocating: ASCII lower-cases to ASCII.
        let b = last.as_bytes();
        if b.len() == 1 {
            return b[0].is_ascii_alphabetic();
        }
        if b.len() > 4 {
            return false;
        }
        let mut low = [0u8; 4];
        low[..b.len()].copy_from_slice(b);
        low.make_ascii_lowercase();
        let low = &low[..b.len()];
        return ABBREVIATIONS.iter().any(|a| a.as_bytes() == low);
    }
    let last = last.to_lowercase();
    // A single capital letter ("J. K. Rowling") is an initial.
    ABBREVIATIONS.contains(&last.as_str())
        || (last.chars().count() == 1 && last.chars().all(|c| c.is_alphabetic()))
}

/// The abbreviation test as first written (allocating), for the reference.
#[cfg(test)]
fn ends_with_abbreviation_reference(s: &str) -> bool {
    let t = s.trim_end();
    let Some(stripped) = t.strip_suffix('.') else {
        return false;
    };
    let last = stripped
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("")
        .to_lowercase();
    ABBREVIATIONS.contains(&last.as_str())
        || (last.chars().count() == 1 && last.chars().all(|c| c.is_alphabetic()))
}

/// "No. 10": "No." is an abbreviation only before a number.
fn number_sign(before: &str, next: &str) -> bool {
    let t = before.trim_end();
    (t.ends_with(" No.") || t == "No." || t.ends_with(" no.") || t.ends_with("(No."))
        && next.trim_start().starts_with(|c: char| c.is_ascii_digit())
}

// Sentence_Break categories (UAX #29), as in unicode-segmentation.
const ANY: u8 = 0;
const ATERM: u8 = 1;
const CR: u8 = 2;
const CLOSE: u8 = 3;
const EXTEND: u8 = 4;
const FORMAT: u8 = 5;
const LF: u8 = 6;
const LOWER: u8 = 7;
const NUMERIC: u8 = 8;
const OLETTER: u8 = 9;
const SCONTINUE: u8 = 10;
const STERM: u8 = 11;
const SEP: u8 = 12;
const SP: u8 = 13;
const UPPER: u8 = 14;
/// Not in the tables below: the line goes to unicode-segmentation.
const UNKNOWN: u8 = 255;

const fn ascii_table() -> [u8; 128] {
    let mut t = [ANY; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        t[i] = match c {
            b'\t' | 0x0B | 0x0C | b' ' => SP,
            b'\n' => LF,
            b'\r' => CR,
            b'!' | b'?' => STERM,
            b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => CLOSE,
            b',' | b'-' | b':' | b';' => SCONTINUE,
            b'.' => ATERM,
            b'0'..=b'9' => NUMERIC,
            b'A'..=b'Z' => UPPER,
            b'a'..=b'z' => LOWER,
            _ => ANY,
        };
        i += 1;
    }
    t
}

const fn latin1_table() -> [u8; 128] {
    let mut t = [ANY; 128];
    let mut i = 0;
    while i < 128 {
        let c = 0x80 + i as u32;
        t[i] = match c {
            0x85 => SEP,
            0xA0 => SP,
            0xAA | 0xB5 | 0xBA => LOWER,
            0xAB | 0xBB => CLOSE,
            0xAD => FORMAT,
            0xC0..=0xD6 | 0xD8..=0xDE => UPPER,
            0xDF..=0xF6 | 0xF8..=0xFF => LOWER,
            _ => ANY,
        };
        i += 1;
    }
    t
}

const ASCII_CAT: [u8; 128] = ascii_table();
const LATIN1_CAT: [u8; 128] = latin1_table();

/// Sentence_Break category of `c`, or [`UNKNOWN`] outside the ranges tabled
/// here (ASCII, Latin-1, General Punctuation, Currency Symbols).
#[inline]
fn category(c: char) -> u8 {
    let u = c as u32;
    match u {
        0..=0x7F => ASCII_CAT[u as usize],
        0x80..=0xFF => LATIN1_CAT[(u - 0x80) as usize],
        0x2000..=0x200A | 0x202F | 0x205F => SP,
        0x200B | 0x200E | 0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F => FORMAT,
        0x200C | 0x200D => EXTEND,
        0x2013 | 0x2014 => SCONTINUE,
        0x2018..=0x201F | 0x2039 | 0x203A | 0x2045 | 0x2046 => CLOSE,
        0x2024 => ATERM,
        0x2028 | 0x2029 => SEP,
        0x203C | 0x203D | 0x2047..=0x2049 => STERM,
        0x2000..=0x206F => ANY,
        0x20A0..=0x20CF => ANY,
        _ => UNKNOWN,
    }
}

// State parts of unicode-segmentation's forward iterator. The parts after
// which a break can come (SB1, SB4, SB11) have bit 7 set.
const P_SOT: u8 = 0x80;
const P_CR: u8 = 0x81;
const P_LF: u8 = 0x82;
const P_SEP: u8 = 0x83;
const P_ATERM: u8 = 0x84;
const P_STERM: u8 = 0x85;
const P_EOT: u8 = 1;
const P_OTHER: u8 = 2;
const P_UPPERLOWER: u8 = 3;
const P_CLOSEPLUS: u8 = 4;
const P_SPPLUS: u8 = 5;

/// The last four state parts, oldest in the high byte (`part(s, 3)` is the
/// newest), as unicode-segmentation's `[StatePart; 4]`.
type State = u32;

const STATE_SOT: State = u32::from_ne_bytes([P_SOT; 4]);

#[inline]
fn part(s: State, idx: usize) -> u8 {
    (s >> (8 * (3 - idx))) as u8
}

const fn part_table() -> [u8; 16] {
    let mut t = [P_OTHER; 16];
    t[CR as usize] = P_CR;
    t[LF as usize] = P_LF;
    t[SEP as usize] = P_SEP;
    t[ATERM as usize] = P_ATERM;
    t[UPPER as usize] = P_UPPERLOWER;
    t[LOWER as usize] = P_UPPERLOWER;
    t[CLOSE as usize] = P_CLOSEPLUS;
    t[SP as usize] = P_SPPLUS;
    t[STERM as usize] = P_STERM;
    t
}

const PART_OF: [u8; 16] = part_table();

#[inline]
fn next_state(s: State, cat: u8) -> State {
    let last = s as u8;
    if (last == P_CLOSEPLUS && cat == CLOSE) || (last == P_SPPLUS && cat == SP) {
        s
    } else {
        (s << 8) | PART_OF[cat as usize & 15] as u32
    }
}

#[inline]
fn is_saterm(p: u8) -> bool {
    p == P_STERM || p == P_ATERM
}

/// SB8: ATerm Close* Sp* × ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower.
/// `None` when the look-ahead meets a character not tabled here.
fn match_sb8(s: State, ahead: &str) -> Option<bool> {
    let mut idx = if part(s, 3) == P_SPPLUS { 2 } else { 3 };
    if part(s, idx) == P_CLOSEPLUS {
        idx -= 1;
    }
    if part(s, idx) == P_ATERM {
        for c in ahead.chars() {
            match category(c) {
                LOWER => return Some(true),
                OLETTER | UPPER | SEP | CR | LF | STERM | ATERM => return Some(false),
                UNKNOWN => return None,
                _ => continue,
            }
        }
    }
    Some(false)
}

/// SB8a: SATerm Close* Sp*.
#[inline]
fn match_sb8a(s: State) -> bool {
    let mut idx = if part(s, 3) == P_SPPLUS { 2 } else { 3 };
    if part(s, idx) == P_CLOSEPLUS {
        idx -= 1;
    }
    is_saterm(part(s, idx))
}

/// SB9: SATerm Close*.
#[inline]
fn match_sb9(s: State) -> bool {
    let idx = if part(s, 3) == P_CLOSEPLUS { 2 } else { 3 };
    is_saterm(part(s, idx))
}

/// SB11: SATerm Close* Sp* ParaSep?.
#[inline]
fn match_sb11(s: State) -> bool {
    let mut idx = match part(s, 3) {
        P_SEP | P_CR | P_LF => 2,
        _ => 3,
    };
    if part(s, idx) == P_SPPLUS {
        idx -= 1;
    }
    if part(s, idx) == P_CLOSEPLUS {
        idx -= 1;
    }
    is_saterm(part(s, idx))
}

/// True when no rule can break before the next character, whatever it is:
/// only SB1 (Sot), SB4 (ParaSep) and SB11 (SATerm) ever break.
#[inline]
fn quiet(s: State) -> bool {
    s & 0x8080_8080 == 0
}

/// UAX #29 sentence break offsets of `line` (0 first, `line.len()` last, as
/// unicode-segmentation's `SentenceBreaks` yields them), pushed to `out`.
/// Returns false, with `out` as it was, if the line holds a character outside
/// the tables here.
// One branch per rule, in the order of UAX #29 and unicode-segmentation, even
// where two rules give the same answer.
#[allow(clippy::if_same_then_else)]
fn line_breaks(line: &str, out: &mut Vec<usize>) -> bool {
    let mark = out.len();
    let mut state: State = STATE_SOT;
    let bytes = line.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        // Quiet state and an ASCII character that does not end a sentence or
        // paragraph: no break, and the state stays quiet (most of the text).
        if quiet(state) {
            while let Some(&b) = bytes.get(pos) {
                let cat = if b < 0x80 {
                    ASCII_CAT[b as usize]
                } else {
                    UNKNOWN
                };
                if matches!(cat, ATERM | STERM | CR | LF | UNKNOWN) {
                    break;
                }
                state = next_state(state, cat);
                pos += 1;
            }
            if pos >= bytes.len() {
                break;
            }
        }
        let b = bytes[pos];
        let (cat, len) = if b < 0x80 {
            (ASCII_CAT[b as usize], 1)
        } else {
            let c = line[pos..].chars().next().unwrap_or('\0');
            (category(c), c.len_utf8())
        };
        if cat == UNKNOWN {
            out.truncate(mark);
            return false;
        }
        let before = state;
        let before_pos = pos;
        pos += len;
        if quiet(before) {
            if cat != EXTEND && cat != FORMAT {
                state = next_state(before, cat);
            }
            continue;
        }
        state = next_state(before, cat);
        let last = part(before, 3);
        let brk = if last == P_SOT {
            true // SB1
        } else if cat == LF && last == P_CR {
            false // SB3
        } else if matches!(last, P_SEP | P_CR | P_LF) {
            true // SB4
        } else if cat == EXTEND || cat == FORMAT {
            state = before; // SB5
            false
        } else if cat == NUMERIC && last == P_ATERM {
            false // SB6
        } else if cat == UPPER && part(before, 2) == P_UPPERLOWER && last == P_ATERM {
            false // SB7
        } else {
            match match_sb8(before, &line[before_pos..]) {
                None => {
                    out.truncate(mark);
                    return false;
                }
                Some(true) => false, // SB8
                Some(false) => {
                    if matches!(cat, SCONTINUE | STERM | ATERM) && match_sb8a(before) {
                        false // SB8a
                    } else if matches!(cat, CLOSE | SP | SEP | CR | LF) && match_sb9(before) {
                        false // SB9
                    } else if matches!(cat, SP | SEP | CR | LF) && match_sb8a(before) {
                        false // SB10
                    } else {
                        match_sb11(before) // SB11, else SB998
                    }
                }
            }
        };
        if brk {
            out.push(before_pos);
        }
    }
    // SB2
    if part(state, 3) != P_SOT && part(state, 3) != P_EOT {
        out.push(pos);
    }
    true
}

/// Longest sentence, in bytes (about 300 words; no real sentence is that
/// long). Text without sentence punctuation (transcripts, scraped pages)
/// would otherwise be one "sentence" of any length, quoted whole in every
/// evidence row and sentence row that refers to it.
pub const MAX_SENTENCE_BYTES: usize = 2000;

/// Splits every span longer than [`MAX_SENTENCE_BYTES`] at the last space
/// that keeps a piece within it (mid-word only when a piece has no space),
/// each piece trimmed. Spans within the limit, the usual case, are untouched.
fn split_long(text: &str, spans: &mut Vec<(usize, usize)>) {
    if spans.iter().all(|&(a, b)| b - a <= MAX_SENTENCE_BYTES) {
        return;
    }
    for (mut a, b) in std::mem::take(spans) {
        while b - a > MAX_SENTENCE_BYTES {
            let mut limit = a + MAX_SENTENCE_BYTES;
            while !text.is_char_boundary(limit) {
                limit -= 1;
            }
            let cut = text[a..limit]
                .rfind(char::is_whitespace)
                .filter(|&c| c > 0)
                .map_or(limit, |c| a + c);
            spans.push((a, a + text[a..cut].trim_end().len()));
            let rest = &text[cut..b];
            a = cut + (rest.len() - rest.trim_start().len());
        }
        if a < b {
            spans.push((a, b));
        }
    }
}

/// Whether the break at byte `a` follows a question mark that stands for a
/// lost character ("Schr?der", "Bus ?ireann": UAX #29 ends a sentence there).
fn after_lost_letter(text: &str, a: usize) -> bool {
    a > 0 && text.as_bytes()[a - 1] == b'?' && lost_letter_at(text, a - 1)
}

/// Byte spans `(start, end)` of the sentences of `text`, trimmed, non-empty,
/// none longer than [`MAX_SENTENCE_BYTES`].
pub fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    sentence_spans_into(text, &mut spans, &mut Vec::new());
    spans
}

/// [`sentence_spans`] into `spans` (cleared first), with `scratch` reused
/// between calls for the break offsets of a line.
pub fn sentence_spans_into(text: &str, spans: &mut Vec<(usize, usize)>, scratch: &mut Vec<usize>) {
    spans.clear();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        scratch.clear();
        if !line_breaks(line, scratch) {
            scratch.extend(line.split_sentence_bound_indices().map(|(off, _)| off));
            if !line.is_empty() {
                scratch.push(line.len());
            }
        }
        let mut current: Option<(usize, usize)> = None;
        for w in scratch.windows(2) {
            let (a, b) = (line_start + w[0], line_start + w[1]);
            current = match current {
                Some((cs, _ce))
                    if ends_with_abbreviation(&text[cs..a])
                        || number_sign(&text[cs..a], &text[a..b])
                        || after_lost_letter(text, a) =>
                {
                    Some((cs, b))
                }
                Some(span) => {
                    spans.push(span);
                    Some((a, b))
                }
                None => Some((a, b)),
            };
        }
        if let Some(span) = current {
            spans.push(span);
        }
        line_start += line.len();
    }
    spans.retain_mut(|span| {
        let (a, b) = *span;
        let s = &text[a..b];
        let lead = s.len() - s.trim_start().len();
        let t = s.trim();
        *span = (a + lead, a + lead + t.len());
        !t.is_empty()
    });
    split_long(text, spans);
}

/// The spans as first written, on `unicode-segmentation` alone: the reference
/// [`sentence_spans`] is checked against in the tests.
#[cfg(test)]
pub fn sentence_spans_reference(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut current: Option<(usize, usize)> = None;
        for (off, s) in line.split_sentence_bound_indices() {
            let (a, b) = (line_start + off, line_start + off + s.len());
            current = match current {
                Some((cs, _ce))
                    if ends_with_abbreviation_reference(&text[cs..a])
                        || number_sign(&text[cs..a], s)
                        || after_lost_letter(text, a) =>
                {
                    Some((cs, b))
                }
                Some(span) => {
                    spans.push(span);
                    Some((a, b))
                }
                None => Some((a, b)),
            };
        }
        if let Some(span) = current {
            spans.push(span);
        }
        line_start += line.len();
    }
    let mut spans = spans
        .into_iter()
        .filter_map(|(a, b)| {
            let s = &text[a..b];
            let lead = s.len() - s.trim_start().len();
            let t = s.trim();
            (!t.is_empty()).then_some((a + lead, a + lead + t.len()))
        })
        .collect();
    split_long(text, &mut spans);
    spans
}

/// Start offsets of every sentence, first always 0 (for token tagging).
/// Index i is sentence i of [`sentence_spans`]: leading whitespace belongs to
/// the first sentence rather than to an extra one, which would shift every
/// token's sentence index by one against the spans.
pub fn sentence_starts(text: &str) -> Vec<usize> {
    let mut starts: Vec<usize> = sentence_spans(text).into_iter().map(|(a, _)| a).collect();
    match starts.first_mut() {
        Some(first) => *first = 0,
        None => starts.push(0),
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_question_mark_for_a_lost_character_ends_no_sentence() {
        let text = "Gerhard Schr?der took a Bus ?ireann coach. Why? Nobody knows.";
        let got: Vec<&str> = sentence_spans(text)
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect();
        assert_eq!(
            got,
            [
                "Gerhard Schr?der took a Bus ?ireann coach.",
                "Why?",
                "Nobody knows."
            ]
        );
        assert_eq!(sentence_spans_reference(text), sentence_spans(text));
    }

    #[test]
    fn text_without_punctuation_is_cut_into_sentences_of_bounded_length() {
        let words: Vec<String> = (0..5000).map(|i| format!("word{i}")).collect();
        let text = words.join(" ");
        let spans = sentence_spans(&text);
        assert!(spans.len() > 10, "{}", spans.len());
        for &(a, b) in &spans {
            assert!(b - a <= MAX_SENTENCE_BYTES && b > a);
            assert_eq!(text[a..b].trim(), &text[a..b]);
        }
        // Nothing is lost: the pieces hold every word, in order.
        let back: Vec<&str> = spans
            .iter()
            .flat_map(|&(a, b)| text[a..b].split(' '))
            .collect();
        assert_eq!(back, words.iter().map(String::as_str).collect::<Vec<_>>());
        // One "word" longer than the limit is cut at a character boundary.
        let long = "é".repeat(3 * MAX_SENTENCE_BYTES);
        let spans = sentence_spans(&long);
        assert_eq!(spans.iter().map(|(a, b)| b - a).sum::<usize>(), long.len());
        assert!(spans.iter().all(|&(a, b)| b - a <= MAX_SENTENCE_BYTES));
    }

    /// The seeds' sentences are all far below the limit, so their outputs
    /// are unchanged by it.
    #[test]
    fn seed_sentences_are_within_the_limit() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        for e in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap_or_default();
            for (a, b) in sentence_spans(&text) {
                assert!(b - a <= MAX_SENTENCE_BYTES / 4);
            }
        }
    }

    /// Break offsets of `s` from unicode-segmentation, as [`line_breaks`] gives them.
    fn segmenter_breaks(s: &str) -> Vec<usize> {
        let mut v: Vec<usize> = s.split_sentence_bound_indices().map(|(o, _)| o).collect();
        if !s.is_empty() {
            v.push(s.len());
        }
        v
    }

    fn check_breaks(s: &str) {
        let mut got = Vec::new();
        if line_breaks(s, &mut got) {
            assert_eq!(got, segmenter_breaks(s), "breaks of {s:?}");
        }
    }

    /// Every tabled character, in every position of every 3-character string
    /// over one representative of each category: the contexts that tell the
    /// categories apart (SB6-SB11 look back at most over SATerm Close* Sp*).
    #[test]
    fn tabled_characters_break_as_unicode_segmentation() {
        let reps = [
            '.', '!', 'a', 'A', '1', ' ', ')', ',', '\n', '\r', '#', '\u{ad}', '\u{200d}',
        ];
        let tabled = (0u32..=0xFF).chain(0x2000..=0x206F).chain(0x20A0..=0x20CF);
        let mut s = String::new();
        for c in tabled.filter_map(char::from_u32) {
            assert_ne!(category(c), UNKNOWN);
            let alphabet: Vec<char> = reps.iter().copied().chain([c]).collect();
            for &x in &alphabet {
                for &y in &alphabet {
                    for &z in &alphabet {
                        s.clear();
                        s.extend([x, y, z]);
                        if s.contains(c) {
                            check_breaks(&s);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn untabled_characters_fall_back() {
        let mut out = vec![7];
        assert!(!line_breaks("Zdzisław said. Then left.", &mut out));
        assert_eq!(out, vec![7]);
        let t = "Łódź. Zdzisław said so. “Yes.” 警察。Then left. No. 5 Mr. Ł. Kowalski";
        assert_eq!(sentence_spans(t), sentence_spans_reference(t));
    }

    #[test]
    fn abbreviation_test_matches_the_allocating_one() {
        for s in [
            "",
            ".",
            "Mr.",
            "MR.",
            "mr. ",
            "(Dr.",
            "“St.",
            "\"Sept.",
            "J.",
            "é.",
            "É.",
            "1.",
            "U.S.",
            "u.k.",
            "e.g.",
            "x Capt.",
            "Prof",
            "ok.",
            "the end.",
            "\u{212A}.",
            "U.\u{212A}.",
            "İ.",
            "Straße.",
            "Jr. ",
            "abcde.",
        ] {
            assert_eq!(
                ends_with_abbreviation(s),
                ends_with_abbreviation_reference(s),
                "{s:?}"
            );
        }
    }

    #[test]
    fn seeds_split_as_the_reference() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut n = 0;
        for e in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
            assert_eq!(sentence_spans(&text), sentence_spans_reference(&text));
            for line in text.split_inclusive('\n') {
                check_breaks(line);
            }
            n += 1;
        }
        assert!(n >= 5);
    }

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => proptest::sample::select(vec![
                "Police", "said", "the", "Mr", "Dr", "No", "J", "U.S", "e.g", "it", "officers",
                "A", "a", "etc", "Sept", "10", "2,500", "3.5", "café", "ÉCOLE", "Łódź",
            ])
            .prop_map(str::to_string),
            4 => proptest::sample::select(vec![
                ".", ". ", "! ", "? ", " ", "  ", "\n", "\r\n", "\r", "\t", "...", "…", "”",
                "“", "’", "‘", "\"", "'", "(", ")", "[", "]", ",", ";", ":", "-", "—", "–",
                "\u{a0}", "\u{ad}", "\u{200b}", "\u{2029}", "\u{85}", "£", "€", "«", "»", "。",
                "\u{301}", "?!", ".)", ".”", "!’ ", ". “",
            ])
            .prop_map(str::to_string),
            1 => any::<char>().prop_map(String::from),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn spans_match_the_reference(pieces in proptest::collection::vec(piece(), 0..40)) {
            let text: String = pieces.concat();
            prop_assert_eq!(sentence_spans(&text), sentence_spans_reference(&text));
            for line in text.split_inclusive('\n') {
                let mut got = Vec::new();
                if line_breaks(line, &mut got) {
                    prop_assert_eq!(got, segmenter_breaks(line));
                }
            }
        }

        #[test]
        fn spans_match_the_reference_on_any_string(text in any::<String>()) {
            prop_assert_eq!(sentence_spans(&text), sentence_spans_reference(&text));
        }
    }

    fn sents(t: &str) -> Vec<&str> {
        sentence_spans(t)
            .into_iter()
            .map(|(a, b)| &t[a..b])
            .collect()
    }

    #[test]
    fn splits_on_full_stops_and_lines() {
        assert_eq!(
            sents("Headline without stop\nFirst one. Second one! Third?"),
            vec![
                "Headline without stop",
                "First one.",
                "Second one!",
                "Third?"
            ]
        );
    }

    #[test]
    fn titles_do_not_end_sentences() {
        assert_eq!(
            sents("Mr. Kaba was driving. Dr. J. Smith said so."),
            vec!["Mr. Kaba was driving.", "Dr. J. Smith said so."]
        );
    }

    #[test]
    fn no_is_an_abbreviation_only_before_numbers() {
        assert_eq!(
            sents("He went to No. 10 Downing Street. No. Danger grew."),
            vec!["He went to No. 10 Downing Street.", "No.", "Danger grew."]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            sents("She said: “This is wrong.” Then left."),
            vec!["She said: “This is wrong.”", "Then left."]
        );
    }

    #[test]
    fn starts_align_with_spans_after_leading_whitespace() {
        let t = "\n  World News\nArmed gangs roam. All calm.";
        assert_eq!(
            sents(t),
            vec!["World News", "Armed gangs roam.", "All calm."]
        );
        let starts = sentence_starts(t);
        assert_eq!(starts.len(), 3);
        assert_eq!(starts[0], 0);
        assert_eq!(&t[starts[1]..starts[2]], "Armed gangs roam. ");
    }

    #[test]
    fn empty_text() {
        assert!(sents("").is_empty());
        assert_eq!(sentence_starts(""), vec![0]);
    }
}
