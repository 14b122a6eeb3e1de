//! The tokenizer: Unicode (UAX #29) word boundaries, with hyphenated compounds,
//! URLs and e-mail addresses kept whole, and every token tagged with its kind,
//! byte offsets, position and sentence.

use super::sentences;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is; only `Word` tokens enter the vocabulary and the word count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Contains at least one letter.
    Word,
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
    if lower.contains("://") || lower.starts_with("www.") {
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

fn classify(word: &str) -> Option<TokenKind> {
    if word.chars().any(|c| c.is_alphabetic()) {
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
///
/// Fast path: a whitespace-separated chunk that is ASCII letters, possibly
/// wrapped in punctuation that never joins a word ([`is_edge_punct`]), is one
/// word under UAX #29, so the segmenter is skipped for it (most chunks of news
/// text). Everything else goes through `unicode-segmentation`.
pub fn for_each_token(
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
    // Walk whitespace-separated chunks first so URLs and e-mails stay whole.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip whitespace.
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
            if !www {
                push(
                    chunk_start + lead,
                    chunk_start + lead + core.len(),
                    TokenKind::Word,
                );
                continue;
            }
        }
        if let Some(kind) = is_url_or_email(chunk) {
            let trimmed = chunk.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '/');
            let lead = trimmed.len()
                - trimmed
                    .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '@')
                    .len();
            if trimmed.len() > lead {
                push(chunk_start + lead, chunk_start + trimmed.len(), kind);
                continue;
            }
        }
        // UAX #29 words inside the chunk, joining word-hyphen-word sequences.
        let mut pending: Option<(usize, usize)> = None; // (start, end) of a word being built
        let mut hyphen_after: Option<usize> = None;
        for (off, w) in chunk.split_word_bound_indices() {
            let (s, e) = (chunk_start + off, chunk_start + off + w.len());
            let is_word = w.chars().any(|c| c.is_alphanumeric());
            let is_hyphen = w == "-" || w == "\u{2010}" || w == "\u{2011}";
            if is_word {
                if let (Some((ps, _)), Some(_)) = (pending, hyphen_after) {
                    pending = Some((ps, e));
                    hyphen_after = None;
                    continue;
                }
                if let Some((ps, pe)) = pending.take() {
                    if let Some(k) = classify(&text[ps..pe]) {
                        push(ps, pe, k);
                    }
                }
                pending = Some((s, e));
            } else if is_hyphen && pending.is_some() && hyphen_after.is_none() {
                hyphen_after = Some(s);
            } else {
                if let Some((ps, pe)) = pending.take() {
                    if let Some(k) = classify(&text[ps..pe]) {
                        push(ps, pe, k);
                    }
                }
                hyphen_after = None;
            }
        }
        if let Some((ps, pe)) = pending.take() {
            if let Some(k) = classify(&text[ps..pe]) {
                push(ps, pe, k);
            }
        }
    }
    // A number such as "2,500" or "3.5" is one UAX #29 word; anything with a
    // letter is a word.
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.text).collect()
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
