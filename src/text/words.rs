//! The tokenizer: Unicode (UAX #29) word boundaries, with hyphenated compounds,
//! URLs and e-mail addresses kept whole, and every token tagged with its kind,
//! byte offsets, position and sentence.
//!
//! **Damaged words.** U+FFFD, the replacement character, stands where text
//! was damaged before frame read it ("D\u{FFFD}\u{FFFD}il" for "Dáil"). UAX #29
//! breaks a word at it, which would leave fragments ("d", "il") that look
//! like words. So a replacement character joins the word pieces it touches
//! (no space or punctuation between) into one token, and a token holding one
//! and a letter is a [`TokenKind::Damaged`] word: it counts as one word, but
//! its letters are never read (no guess at the lost character), so it is
//! never a term, a lexicon match or part of a collocation. With digits only
//! ("\u{FFFD}12" for "£12") it is a number; a replacement character alone
//! (a lost dash or quotation mark between spaces) is punctuation. A question
//! mark that stands for a lost character ("Schr?der", "Bus ?ireann";
//! `input::lost_letter_at`) is damage the same way.

use super::sentences;
use crate::input::lost_letter_at;
use unicode_segmentation::UnicodeSegmentation;

/// The replacement character (U+FFFD): where text was damaged before frame
/// read it.
pub const DAMAGE: char = '\u{FFFD}';

/// What a [`TokenKind::Damaged`] word becomes in the vocabulary: every
/// damaged word is this one form, flagged as never a term.
pub const DAMAGED_FORM: &str = "\u{FFFD}";

/// What a token is; only `Word` and `Damaged` tokens enter the vocabulary
/// and the word count (see [`TokenKind::counts_as_word`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Contains at least one letter.
    Word,
    /// A word with a replacement character (U+FFFD) in it or at its edge:
    /// counted as a word, never read as one (see the module doc).
    Damaged,
    /// Digits (with separators), e.g. "2,500" or "3.5".
    Number,
    /// A web address.
    Url,
    /// An e-mail address or @handle.
    Email,
}

/// One token of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// The token text; filters normalise it in place.
    pub text: String,
    /// Byte offset of the first byte in the source text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 0-based index among all tokens of the text (before filtering).
    pub position: usize,
    /// 0-based sentence index.
    pub sentence: usize,
    /// Kind of token.
    pub kind: TokenKind,
}

fn is_url_or_email(chunk: &str) -> Option<TokenKind> {
    let lower = chunk.to_ascii_lowercase();
    if lower.contains("://") || lower.starts_with("www.") || bare_host_and_path(chunk) {
        return Some(TokenKind::Url);
    }
    if let Some(at) = chunk.find('@') {
        let after = &chunk[at + 1..];
        // "name@host.tld" or a social-media handle "@name".
        if (at > 0
            && after.contains('.')
            && after.chars().next().is_some_and(|c| c.is_alphanumeric()))
            || (at == 0 && after.chars().next().is_some_and(|c| c.is_alphanumeric()))
        {
            return Some(TokenKind::Email);
        }
    }
    None
}

/// A web address written without its scheme, a host name and a path
/// ("pic.twitter.com/AbC12", "bit.ly/x"): the host's labels letters, digits
/// and hyphens, at least two, the last of two or more letters. A host alone
/// ("Amazon.com") is a name, and "and/or", "U.S./Mexico" or "1.5/2" are no
/// host.
fn bare_host_and_path(chunk: &str) -> bool {
    let Some((host, path)) = chunk.split_once('/') else {
        return false;
    };
    let labels: Vec<&str> = host.split('.').collect();
    let tld = labels.last().copied().unwrap_or("");
    labels.len() >= 2
        && !path.is_empty()
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        && tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_alphabetic())
}

impl TokenKind {
    /// Whether the token is one of the article's words (the word count, the
    /// token stage): a `Word` or a `Damaged` word.
    pub fn counts_as_word(self) -> bool {
        matches!(self, TokenKind::Word | TokenKind::Damaged)
    }
}

fn classify(word: &str) -> Option<TokenKind> {
    let letters = word.chars().any(|c| c.is_alphabetic());
    // A word piece holds a question mark only where it stands for a lost
    // character (`slow_chunk` joins nothing else across one).
    if word.contains(DAMAGE) || word.contains('?') {
        if letters {
            Some(TokenKind::Damaged)
        } else if word.chars().any(|c| c.is_numeric()) {
            Some(TokenKind::Number)
        } else {
            None
        }
    } else if letters {
        Some(TokenKind::Word)
    } else if word.chars().any(|c| c.is_numeric()) {
        Some(TokenKind::Number)
    } else {
        None
    }
}

/// Splits `text` into tokens. Hyphenated compounds ("no-go", "knife-wielding")
/// are kept as one token, because splitting them would turn "no-go area" into
/// a negation. Punctuation and whitespace produce no tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let sentence_starts = sentences::sentence_starts(text);
    let mut out: Vec<Token> = Vec::new();
    for_each_token(text, &sentence_starts, |start, end, kind, sentence| {
        let position = out.len();
        out.push(Token {
            text: text[start..end].to_string(),
            start,
            end,
            position,
            sentence,
            kind,
        });
    });
    out
}

/// Punctuation that can stand before or after a plain word without ever
/// joining it under UAX #29: ASCII punctuation except `_` (which joins words)
/// and the typographic quotes and dashes of news text. An apostrophe or full
/// stop can join two letters, but never at the edge of a chunk.
fn is_edge_punct(c: char) -> bool {
    (c.is_ascii_punctuation() && c != '_')
        || matches!(
            c,
            '\u{201C}'
                | '\u{201D}'
                | '\u{2018}'
                | '\u{2019}'
                | '\u{2013}'
                | '\u{2014}'
                | '\u{2026}'
        )
}

/// The same tokens as [`tokenize`], without allocating: calls
/// `f(start, end, kind, sentence)` for each token in text order, given the
/// sentence start offsets ([`sentences::sentence_starts`]).
pub fn for_each_token(
    text: &str,
    sentence_starts: &[usize],
    mut f: impl FnMut(usize, usize, TokenKind, usize),
) {
    let mut sentence = 0usize;
    scan_tokens(text, |start, end, kind, _| {
        while sentence + 1 < sentence_starts.len() && sentence_starts[sentence + 1] <= start {
            sentence += 1;
        }
        f(start, end, kind, sentence);
    });
}

/// Byte classes of the chunk scanner.
const C_OTHER: u8 = 0;
const C_SPACE: u8 = 1;
const C_LETTER: u8 = 2;
/// ASCII punctuation other than `_`: never joins a word at a chunk's edge.
const C_EDGE: u8 = 3;

const fn byte_classes() -> [u8; 128] {
    let mut t = [C_OTHER; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            C_SPACE
        } else if b.is_ascii_alphabetic() {
            C_LETTER
        } else if b.is_ascii_punctuation() && b != b'_' {
            C_EDGE
        } else {
            C_OTHER
        };
        i += 1;
    }
    t
}

const CLASS: [u8; 128] = byte_classes();

/// Every token in text order as `f(start, end, kind, plain)`, where `plain`
/// says the token is ASCII letters only (so needs no normalisation beyond
/// lower-casing).
///
/// Text is cut into whitespace-separated chunks first, so URLs and e-mails
/// stay whole. Fast path: a chunk that is ASCII letters, possibly wrapped in
/// punctuation that never joins a word ([`is_edge_punct`]), is one word under
/// UAX #29, so the segmenter is skipped for it (most chunks of news text); one
/// pass over the bytes finds the chunk's end and whether it qualifies.
/// Everything else goes through `unicode-segmentation`.
pub(crate) fn scan_tokens(text: &str, mut f: impl FnMut(usize, usize, TokenKind, bool)) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    loop {
        // Skip whitespace (`char::is_whitespace`).
        while i < n {
            let b = bytes[i];
            if b < 0x80 {
                if CLASS[b as usize] != C_SPACE {
                    break;
                }
                i += 1;
            } else {
                let c = text[i..].chars().next().unwrap_or('\0');
                if !c.is_whitespace() {
                    break;
                }
                i += c.len_utf8();
            }
        }
        if i >= n {
            break;
        }
        let chunk_start = i;
        // 0: leading punctuation, 1: letters, 2: trailing punctuation,
        // 3: anything else (slow path).
        let mut phase = 0u8;
        let (mut core_start, mut core_end) = (0, 0);
        let mut at_or_colon = false;
        while i < n {
            let b = bytes[i];
            if b < 0x80 {
                match CLASS[b as usize] {
                    C_SPACE => break,
                    C_LETTER => match phase {
                        0 => {
                            phase = 1;
                            core_start = i;
                            core_end = i + 1;
                        }
                        1 => core_end = i + 1,
                        2 => phase = 3,
                        _ => {}
                    },
                    C_EDGE => {
                        at_or_colon |= b == b'@' || b == b':';
                        if phase == 1 {
                            phase = 2;
                        }
                    }
                    _ => phase = 3,
                }
                i += 1;
            } else {
                let c = text[i..].chars().next().unwrap_or('\0');
                if c.is_whitespace() {
                    break;
                }
                if is_edge_punct(c) {
                    if phase == 1 {
                        phase = 2;
                    }
                } else {
                    phase = 3;
                }
                i += c.len_utf8();
            }
        }
        let chunk = &text[chunk_start..i];
        if (phase == 1 || phase == 2)
            && !(core_start > chunk_start
                && bytes[core_start - 1] == b'?'
                && lost_letter_at(text, core_start - 1))
            && !(at_or_colon && (chunk.contains('@') || chunk.contains("://")))
            && !(chunk.len() >= 4 && chunk.as_bytes()[..4].eq_ignore_ascii_case(b"www."))
        {
            f(core_start, core_end, TokenKind::Word, true);
            continue;
        }
        slow_chunk(text, chunk_start, chunk, &mut f);
    }
}

/// Tokens of a chunk that is not a plain word: a URL or e-mail, or UAX #29
/// words inside the chunk with word-hyphen-word sequences joined.
fn slow_chunk(
    text: &str,
    chunk_start: usize,
    chunk: &str,
    f: &mut impl FnMut(usize, usize, TokenKind, bool),
) {
    if let Some(kind) = is_url_or_email(chunk) {
        let trimmed = chunk.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '/');
        let lead = trimmed.len()
            - trimmed
                .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '@')
                .len();
        if trimmed.len() > lead {
            f(chunk_start + lead, chunk_start + trimmed.len(), kind, false);
            return;
        }
    }
    // A number such as "2,500" or "3.5" is one UAX #29 word; anything with a
    // letter is a word. A replacement character is a piece of a word too, and
    // joins the pieces it touches (UAX #29 breaks at it on both sides).
    let mut pending: Option<(usize, usize)> = None; // (start, end) of a word being built
    let mut hyphen_after: Option<usize> = None;
    // Whether the last piece of `pending` is a replacement character.
    let mut ends_damaged = false;
    for (off, w) in chunk.split_word_bound_indices() {
        let (s, e) = (chunk_start + off, chunk_start + off + w.len());
        let damaged = w.starts_with(DAMAGE) || (w == "?" && lost_letter_at(text, s));
        let is_word = damaged || w.chars().any(|c| c.is_alphanumeric());
        let is_hyphen = w == "-" || w == "\u{2010}" || w == "\u{2011}";
        if is_word {
            let touching = pending.is_some_and(|(_, pe)| pe == s) && (damaged || ends_damaged);
            ends_damaged = damaged;
            if let Some((ps, _)) = pending.filter(|_| hyphen_after.is_some() || touching) {
                pending = Some((ps, e));
                hyphen_after = None;
                continue;
            }
            if let Some((ps, pe)) = pending.take() {
                if let Some(k) = classify(&text[ps..pe]) {
                    f(ps, pe, k, false);
                }
            }
            pending = Some((s, e));
        } else if is_hyphen && pending.is_some() && hyphen_after.is_none() {
            hyphen_after = Some(s);
        } else {
            if let Some((ps, pe)) = pending.take() {
                if let Some(k) = classify(&text[ps..pe]) {
                    f(ps, pe, k, false);
                }
            }
            hyphen_after = None;
        }
    }
    if let Some((ps, pe)) = pending.take() {
        if let Some(k) = classify(&text[ps..pe]) {
            f(ps, pe, k, false);
        }
    }
}

/// [`for_each_token`] as first written (trimming each chunk with `str`
/// methods), the reference the scanner is checked against in tests.
#[cfg(test)]
fn for_each_token_reference(
    text: &str,
    sentence_starts: &[usize],
    mut f: impl FnMut(usize, usize, TokenKind, usize),
) {
    let mut sentence = 0usize;
    let mut push = |start: usize, end: usize, kind: TokenKind| {
        while sentence + 1 < sentence_starts.len() && sentence_starts[sentence + 1] <= start {
            sentence += 1;
        }
        f(start, end, kind, sentence);
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &text[i..];
        let ws = rest.len() - rest.trim_start().len();
        i += ws;
        if i >= bytes.len() {
            break;
        }
        let rest = &text[i..];
        let chunk_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let chunk = &rest[..chunk_len];
        let chunk_start = i;
        i += chunk_len;
        let core = chunk.trim_matches(is_edge_punct);
        if !core.is_empty()
            && core.bytes().all(|b| b.is_ascii_alphabetic())
            && !chunk.contains('@')
            && !chunk.contains("://")
        {
            let lead = core.as_ptr() as usize - chunk.as_ptr() as usize;
            let www = chunk.len() >= 4 && chunk.as_bytes()[..4].eq_ignore_ascii_case(b"www.");
            let lost = lead > 0 && lost_letter_at(text, chunk_start + lead - 1);
            if !www && !lost {
                push(
                    chunk_start + lead,
                    chunk_start + lead + core.len(),
                    TokenKind::Word,
                );
                continue;
            }
        }
        slow_chunk(text, chunk_start, chunk, &mut |s, e, k, _| push(s, e, k));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn a_question_mark_for_a_lost_character_makes_one_damaged_word() {
        use TokenKind::*;
        let kinds = |s: &str| -> Vec<(String, TokenKind)> {
            tokenize(s).into_iter().map(|t| (t.text, t.kind)).collect()
        };
        let t = |w: &str, k| (w.to_string(), k);
        // Fragments ("schr", "der", "ireann") would otherwise be words.
        assert_eq!(
            kinds("Gerhard Schr?der rode a Bus ?ireann (M??nchen) bus."),
            vec![
                t("Gerhard", Word),
                t("Schr?der", Damaged),
                t("rode", Word),
                t("a", Word),
                t("Bus", Word),
                t("?ireann", Damaged),
                t("M??nchen", Damaged),
                t("bus", Word),
            ]
        );
        // A question mark that ends a question, or stands for a lost space
        // after a quotation mark, is punctuation as before.
        assert_eq!(
            kinds("Why? Who?\"?and What?No"),
            vec![
                t("Why", Word),
                t("Who", Word),
                t("and", Word),
                t("What", Word),
                t("No", Word),
            ]
        );
    }

    #[test]
    fn keeps_contractions_and_hyphenated_compounds_whole() {
        assert_eq!(
            texts("Don't enter no-go areas."),
            vec!["Don't", "enter", "no-go", "areas"]
        );
        assert_eq!(
            texts("a knife-wielding man"),
            vec!["a", "knife-wielding", "man"]
        );
        // A dash between spaces is punctuation, not a compound.
        assert_eq!(
            texts("police - and others"),
            vec!["police", "and", "others"]
        );
    }

    #[test]
    fn curly_apostrophes_stay_inside_words() {
        assert_eq!(
            texts("the government’s plan"),
            vec!["the", "government’s", "plan"]
        );
        assert_eq!(
            texts("the officers' union"),
            vec!["the", "officers", "union"]
        );
    }

    #[test]
    fn numbers_urls_and_emails_are_tagged() {
        let toks = tokenize(
            "See https://example.com/a?b=1 or mail press@met.police.uk about 2,500 officers @JH.",
        );
        let kinds: Vec<(String, TokenKind)> =
            toks.iter().map(|t| (t.text.clone(), t.kind)).collect();
        assert!(kinds.contains(&("https://example.com/a?b=1".into(), TokenKind::Url)));
        assert!(kinds.contains(&("press@met.police.uk".into(), TokenKind::Email)));
        assert!(kinds.contains(&("2,500".into(), TokenKind::Number)));
        assert!(kinds.contains(&("officers".into(), TokenKind::Word)));
        assert!(kinds.contains(&("@JH".into(), TokenKind::Email)));
    }

    fn kinds(s: &str) -> Vec<(String, TokenKind)> {
        tokenize(s).into_iter().map(|t| (t.text, t.kind)).collect()
    }

    #[test]
    fn a_replacement_character_makes_one_damaged_word() {
        use TokenKind::{Damaged, Number, Word};
        let own = |v: &[(&str, TokenKind)]| -> Vec<(String, TokenKind)> {
            v.iter().map(|(t, k)| (t.to_string(), *k)).collect()
        };
        // UAX #29 alone gives "F", "il", "D", "il", "ireann": fragments that
        // read as words. The damaged word stays whole and is tagged.
        assert_eq!(
            kinds("Fianna F\u{FFFD}\u{FFFD}il, the (D\u{FFFD}\u{FFFD}il) and \u{FFFD}ireann."),
            own(&[
                ("Fianna", Word),
                ("F\u{FFFD}\u{FFFD}il", Damaged),
                ("the", Word),
                ("D\u{FFFD}\u{FFFD}il", Damaged),
                ("and", Word),
                ("\u{FFFD}ireann", Damaged),
            ])
        );
        // At either edge, with a hyphen or an apostrophe, and in a number.
        assert_eq!(
            kinds("garda\u{FFFD}\u{FFFD}-led government\u{FFFD}s caf\u{FFFD} \u{FFFD}12.9m \u{FFFD}150 x"),
            own(&[
                ("garda\u{FFFD}\u{FFFD}-led", Damaged),
                ("government\u{FFFD}s", Damaged),
                ("caf\u{FFFD}", Damaged),
                ("\u{FFFD}12.9m", Damaged),
                ("\u{FFFD}150", Number),
                ("x", Word),
            ])
        );
        // On its own (a lost dash or quotation mark) it is punctuation.
        assert_eq!(
            kinds("police \u{FFFD} said \u{FFFD}\u{FFFD} then"),
            own(&[("police", Word), ("said", Word), ("then", Word)])
        );
        // The token spans the whole damaged word.
        let text = "in D\u{FFFD}\u{FFFD}il today";
        let t = &tokenize(text)[1];
        assert_eq!(&text[t.start..t.end], "D\u{FFFD}\u{FFFD}il");
        assert!(Damaged.counts_as_word() && Word.counts_as_word());
        assert!(!Number.counts_as_word());
    }

    #[test]
    fn accented_and_non_latin_words() {
        assert_eq!(
            texts("café Zürich полиция 警察"),
            vec!["café", "Zürich", "полиция", "警", "察"]
        );
    }

    /// Reference for plain text: every UAX #29 word segment with a letter.
    fn segmenter_words(text: &str) -> Vec<(usize, usize, TokenKind)> {
        text.split_word_bound_indices()
            .filter(|(_, w)| w.chars().any(|c| c.is_alphabetic()))
            .map(|(off, w)| (off, off + w.len(), TokenKind::Word))
            .collect()
    }

    #[test]
    fn an_address_without_its_scheme_is_a_url_and_a_host_alone_a_name() {
        let kinds = |t: &str| -> Vec<(String, TokenKind)> {
            tokenize(t)
                .into_iter()
                .map(|x| (t[x.start..x.end].to_string(), x.kind))
                .collect()
        };
        let k = kinds("Photo: pic.twitter.com/AbC12xyz and bit.ly/2kQ shared");
        assert!(
            k.contains(&("pic.twitter.com/AbC12xyz".into(), TokenKind::Url)),
            "{k:?}"
        );
        assert!(k.contains(&("bit.ly/2kQ".into(), TokenKind::Url)), "{k:?}");
        for text in ["Amazon.com said", "and/or", "U.S./Mexico", "1.5/2 of"] {
            assert!(
                kinds(text).iter().all(|(_, kind)| *kind != TokenKind::Url),
                "{text}: {:?}",
                kinds(text)
            );
        }
    }

    #[test]
    fn fast_path_agrees_with_the_segmenter_on_plain_words() {
        let text =
            "“Police,” (she said) arrest. ‘Dick’ — said… officers! \"quoted\" [x] {y} <z> end:";
        let mut fast = Vec::new();
        for_each_token(text, &[0], |s, e, k, _| fast.push((s, e, k)));
        assert_eq!(fast, segmenter_words(text));
        // Underscores join words under UAX #29, so they never take the fast path.
        assert_eq!(texts("_secret_ plan"), vec!["_secret_", "plan"]);
        // "www." is a web address, not the word "www".
        let toks = tokenize("www. next");
        assert_eq!(toks[0].kind, TokenKind::Url);
    }

    fn scanned(text: &str) -> Vec<(usize, usize, TokenKind, usize)> {
        let starts = crate::text::sentences::sentence_starts(text);
        let mut v = Vec::new();
        for_each_token(text, &starts, |s, e, k, n| v.push((s, e, k, n)));
        v
    }

    fn reference(text: &str) -> Vec<(usize, usize, TokenKind, usize)> {
        let starts = crate::text::sentences::sentence_starts(text);
        let mut v = Vec::new();
        for_each_token_reference(text, &starts, |s, e, k, n| v.push((s, e, k, n)));
        v
    }

    #[test]
    fn scanner_matches_the_reference() {
        for t in [
            "",
            "  ",
            "Police said: “No.” www.x.org WWW. a@b.c @handle x://y ab:// ab:c don't U.S. 2,500",
            "\u{a0}café\u{a0}— officers… _x_ x_ (x) ‘y’ \u{2003}z\u{85}q\u{2028}r",
            "a\u{1}b ab1 1ab ab\u{301} “ab”c ab”c” —ab— ...ab... @ab a@ ab@ ::ab:: www",
        ] {
            assert_eq!(scanned(t), reference(t), "{t:?}");
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        for e in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
            assert_eq!(scanned(&text), reference(&text));
        }
    }

    fn piece() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            3 => proptest::sample::select(vec![
                "Police", "said", "the", "www", "WWW", "http", "x", "ab", "Don", "t", "s", "10",
                "café", "ÉCOLE",
            ])
            .prop_map(str::to_string),
            4 => proptest::sample::select(vec![
                ".", " ", "  ", "\n", "\t", "\r", "@", ":", "/", "://", "'", "’", "-", "—", "–",
                "…", "“", "”", "‘", "_", "\u{a0}", "\u{2003}", "\u{85}", "\u{1}", "(", ")",
                "\"", "#", "\u{301}", "\u{2010}", "·", "\u{FFFD}",
            ])
            .prop_map(str::to_string),
            1 => any::<char>().prop_map(String::from),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, failure_persistence: None, ..Default::default() })]

        #[test]
        fn scanner_matches_the_reference_on_generated_text(
            pieces in proptest::collection::vec(piece(), 0..30)
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(scanned(&text), reference(&text));
        }

        #[test]
        fn scanner_matches_the_reference_on_any_string(text in proptest::prelude::any::<String>()) {
            proptest::prop_assert_eq!(scanned(&text), reference(&text));
        }
    }

    #[test]
    fn empty_and_punctuation_only() {
        assert!(tokenize("").is_empty());
        assert!(tokenize("  ... !!! — ").is_empty());
    }

    #[test]
    fn offsets_and_sentences() {
        let s = "Police came. They left!";
        let toks = tokenize(s);
        assert_eq!(&s[toks[2].start..toks[2].end], "They");
        assert_eq!(toks[1].sentence, 0);
        assert_eq!(toks[2].sentence, 1);
        assert_eq!(toks[3].position, 3);
    }
}
