//! A long sentence quoted as a window of words around a match, so that
//! what the outputs quote stays short whatever a "sentence" holds (text
//! without sentence punctuation makes sentences of up to
//! [`crate::text::sentences::MAX_SENTENCE_BYTES`]).

use crate::text::squash::squash_spaces;
use crate::text::tokens::TokenizedDoc;
use std::sync::Arc;

/// A sentence of more words than this is quoted as a window of this many.
pub const MAX_QUOTE_WORDS: usize = 60;
/// Words of the window before the match (the rest come after it).
const WORDS_BEFORE: usize = 20;
/// Marks where a window cuts its sentence.
pub const CUT: &str = "…";

/// The window of sentence `span` (its word tokens `first..=last` of `doc`)
/// around word token `at`: [`MAX_QUOTE_WORDS`] words from [`WORDS_BEFORE`]
/// before `at` (shifted to stay inside the sentence), whitespace squashed,
/// with [`CUT`] on each side where words were left out. `None` when the
/// sentence has no more than [`MAX_QUOTE_WORDS`] words: it is quoted whole.
pub fn window(text: &str, doc: &TokenizedDoc, span: (usize, usize), at: usize) -> Option<Arc<str>> {
    let (a, b) = span;
    let toks = &doc.tokens;
    let first = toks.partition_point(|t| (t.start as usize) < a);
    let end = toks.partition_point(|t| (t.start as usize) < b);
    if end - first <= MAX_QUOTE_WORDS {
        return None;
    }
    let last = end - 1;
    let at = at.clamp(first, last);
    let hi = (at.saturating_sub(WORDS_BEFORE).max(first) + MAX_QUOTE_WORDS - 1).min(last);
    let lo = hi + 1 - MAX_QUOTE_WORDS;
    let from = if lo == first {
        a
    } else {
        toks[lo].start as usize
    };
    let to = if hi == last {
        b
    } else {
        toks[hi + 1].start as usize
    };
    let mut out = String::new();
    if lo > first {
        out.push_str(CUT);
        out.push(' ');
    }
    out.push_str(&squash_spaces(&text[from..to]));
    if hi < last {
        out.push(' ');
        out.push_str(CUT);
    }
    Some(Arc::from(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::WordToken;

    /// A one-sentence document of `n` words "w0 w1 ...".
    fn doc(n: usize) -> (String, TokenizedDoc) {
        let words: Vec<String> = (0..n).map(|i| format!("w{i}")).collect();
        let text = words.join(" ") + ".";
        let mut tokens = Vec::new();
        let mut at = 0;
        for w in &words {
            tokens.push(WordToken {
                surface: 0,
                start: at as u32,
            });
            at += w.len() + 1;
        }
        let len = text.len();
        (
            text,
            TokenizedDoc {
                tokens,
                sentences: vec![(0, len)],
            },
        )
    }

    #[test]
    fn a_normal_sentence_is_quoted_whole() {
        let (text, d) = doc(MAX_QUOTE_WORDS);
        assert_eq!(window(&text, &d, (0, text.len()), 5), None);
    }

    #[test]
    fn a_long_sentence_is_cut_around_the_match() {
        let (text, d) = doc(200);
        let w = window(&text, &d, (0, text.len()), 100).unwrap();
        assert!(w.starts_with("… w80 w81 "), "{w}");
        assert!(w.ends_with(" w139 …"), "{w}");
        assert_eq!(w.split(' ').count(), MAX_QUOTE_WORDS + 2);
        // Near the start the window keeps the sentence's start, and its end
        // near the end (with the full stop).
        let w = window(&text, &d, (0, text.len()), 3).unwrap();
        assert!(w.starts_with("w0 w1 ") && w.ends_with(" w59 …"), "{w}");
        let w = window(&text, &d, (0, text.len()), 199).unwrap();
        assert!(w.starts_with("… w140 ") && w.ends_with(" w199."), "{w}");
    }
}
