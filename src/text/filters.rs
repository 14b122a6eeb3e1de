//! Token filters: each one small, with its own test. A filter edits a token in
//! place and returns `false` to drop it.

use super::words::{Token, TokenKind, DAMAGED_FORM};
use std::collections::HashSet;

/// One step of the analyzer chain.
pub trait TokenFilter: Send + Sync {
    /// Edits `token`; returns false to drop it.
    fn apply(&self, token: &mut Token) -> bool;
}

/// Lower-cases and turns typographic apostrophes (’ ‘ ʼ ′) into ASCII `'`,
/// because the Snowball stemmer only knows the ASCII apostrophe. A damaged
/// word becomes [`DAMAGED_FORM`], the one form all damaged words share.
pub struct Normalise;

impl TokenFilter for Normalise {
    fn apply(&self, t: &mut Token) -> bool {
        if t.kind == TokenKind::Damaged {
            if t.text != DAMAGED_FORM {
                t.text = DAMAGED_FORM.to_string();
            }
            return true;
        }
        let needs = t.text.chars().any(|c| {
            c.is_uppercase() || matches!(c, '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}')
        });
        if needs {
            t.text = t
                .text
                .chars()
                .map(|c| match c {
                    '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' => '\'',
                    c => c,
                })
                .flat_map(char::to_lowercase)
                .collect();
        }
        true
    }
}

/// Removes a possessive "'s" ("government's" -> "government"); contractions
/// such as "don't" and "it's" are left to the stop-word list.
pub struct StripPossessive;

impl TokenFilter for StripPossessive {
    fn apply(&self, t: &mut Token) -> bool {
        if t.kind == TokenKind::Word
            && t.text.len() > 3
            && t.text.ends_with("'s")
            && t.text != "it's"
            && t.text != "let's"
            && t.text != "that's"
            && t.text != "what's"
            && t.text != "there's"
            && t.text != "here's"
            && t.text != "who's"
            && t.text != "he's"
            && t.text != "she's"
        {
            let n = t.text.len() - 2;
            t.text.truncate(n);
        }
        true
    }
}

/// Drops tokens longer than `max_chars` characters (default 40): such
/// "words" are glued URLs, base64 or encoding debris, not vocabulary.
pub struct DropLong {
    /// Longest token kept, in characters.
    pub max_chars: usize,
}

impl Default for DropLong {
    fn default() -> Self {
        DropLong { max_chars: 40 }
    }
}

impl TokenFilter for DropLong {
    fn apply(&self, t: &mut Token) -> bool {
        // Byte length bounds char count from above: skip the count when short.
        t.text.len() <= self.max_chars || t.text.chars().count() <= self.max_chars
    }
}

/// Contractions that end in "'s" but are not possessives.
const NOT_POSSESSIVE: &[&str] = &[
    "it's", "let's", "that's", "what's", "there's", "here's", "who's", "he's", "she's",
];

/// What the scoring analyzer ([`Normalise`], [`StripPossessive`], [`DropLong`]
/// with its default) makes of one word token, without allocating unless the
/// word needs lower-casing or apostrophe repair (then `buf` holds the result).
/// `None` when the token is dropped. The tokenised-corpus stage uses this on
/// every token; a test checks it against the filter chain.
pub fn scoring_form<'a>(raw: &'a str, buf: &'a mut String) -> Option<&'a str> {
    let needs = if raw.is_ascii() {
        raw.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        raw.chars().any(|c| {
            c.is_uppercase() || matches!(c, '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}')
        })
    };
    let s: &'a str = if needs {
        buf.clear();
        if raw.is_ascii() {
            buf.push_str(raw);
            buf.make_ascii_lowercase();
        } else {
            buf.extend(
                raw.chars()
                    .map(|c| match c {
                        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' => '\'',
                        c => c,
                    })
                    .flat_map(char::to_lowercase),
            );
        }
        buf.as_str()
    } else {
        raw
    };
    let s = if s.len() > 3 && s.ends_with("'s") && !NOT_POSSESSIVE.contains(&s) {
        &s[..s.len() - 2]
    } else {
        s
    };
    let max = DropLong::default().max_chars;
    (s.len() <= max || s.chars().count() <= max).then_some(s)
}

/// Keeps only word tokens (numbers, URLs and e-mails stay out of the vocabulary).
pub struct WordsOnly;

impl TokenFilter for WordsOnly {
    fn apply(&self, t: &mut Token) -> bool {
        t.kind == TokenKind::Word
    }
}

/// Drops stop words (compared after normalisation).
pub struct StopWords {
    words: HashSet<String>,
}

impl StopWords {
    /// A filter from a list of (lower-case) words; apostrophes normalised.
    pub fn new<I: IntoIterator<Item = S>, S: AsRef<str>>(words: I) -> Self {
        StopWords {
            words: words
                .into_iter()
                .map(|w| w.as_ref().trim().to_lowercase().replace('\u{2019}', "'"))
                .filter(|w| !w.is_empty())
                .collect(),
        }
    }

    /// True when `word` (normalised) is a stop word.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Number of stop words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the list is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

impl TokenFilter for StopWords {
    fn apply(&self, t: &mut Token) -> bool {
        !self.words.contains(&t.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(s: &str) -> Token {
        Token {
            text: s.into(),
            start: 0,
            end: s.len(),
            position: 0,
            sentence: 0,
            kind: TokenKind::Word,
        }
    }

    #[test]
    fn normalise_lowercases_and_fixes_apostrophes() {
        let mut t = tok("Government’s");
        assert!(Normalise.apply(&mut t));
        assert_eq!(t.text, "government's");
        let mut t = tok("ZÜRICH");
        Normalise.apply(&mut t);
        assert_eq!(t.text, "zürich");
        // Every damaged word is one form: its letters are never read.
        let mut t = tok("D\u{FFFD}\u{FFFD}il");
        t.kind = TokenKind::Damaged;
        assert!(Normalise.apply(&mut t));
        assert_eq!(t.text, DAMAGED_FORM);
    }

    #[test]
    fn possessive_is_stripped_but_not_contractions() {
        let mut t = tok("government's");
        StripPossessive.apply(&mut t);
        assert_eq!(t.text, "government");
        let mut t = tok("it's");
        StripPossessive.apply(&mut t);
        assert_eq!(t.text, "it's");
        let mut t = tok("don't");
        StripPossessive.apply(&mut t);
        assert_eq!(t.text, "don't");
    }

    #[test]
    fn long_tokens_are_dropped() {
        let mut t = tok(&"a".repeat(100_000));
        assert!(!DropLong::default().apply(&mut t));
        let mut t = tok("counterterrorism");
        assert!(DropLong::default().apply(&mut t));
    }

    #[test]
    fn stop_words_drop_listed_words_only() {
        let f = StopWords::new(["the", "not", "don’t"]);
        assert!(!f.apply(&mut tok("the")));
        assert!(!f.apply(&mut tok("don't")));
        assert!(f.apply(&mut tok("serious")));
    }

    #[test]
    fn scoring_form_matches_the_filter_chain() {
        let text = "The Government’s PLAN: it's Zürich's officers' “no-go” areas, ÉCOLE \
                    Dick's dog’s and a very-long-token-that-goes-on-and-on-and-on-forever ok";
        let chain = crate::text::Analyzer::for_scoring();
        let want: Vec<String> = chain
            .analyze(text)
            .into_iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text)
            .collect();
        let mut got = Vec::new();
        let mut buf = String::new();
        for t in crate::text::words::tokenize(text) {
            if t.kind == TokenKind::Word {
                if let Some(s) = scoring_form(&t.text, &mut buf) {
                    got.push(s.to_string());
                }
            }
        }
        assert_eq!(got, want);
        assert!(want.contains(&"government".to_string()));
    }

    #[test]
    fn words_only_drops_numbers() {
        let mut t = tok("2024");
        t.kind = TokenKind::Number;
        assert!(!WordsOnly.apply(&mut t));
    }
}
