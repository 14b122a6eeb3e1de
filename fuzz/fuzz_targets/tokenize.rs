//! Fuzz the tokenizer, the sentence splitter and the scoring analyzer: no
//! panic on any text, and every offset a char boundary that slices to the token.
#![no_main]

use frame::text::{sentences, words, Analyzer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for t in words::tokenize(text) {
        assert!(t.start < t.end && text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        assert_eq!(&text[t.start..t.end], t.text);
    }
    let mut last = 0;
    for (a, b) in sentences::sentence_spans(text) {
        assert!(last <= a && a < b && b <= text.len());
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        last = b;
    }
    for t in Analyzer::for_scoring().analyze(text) {
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
    }
});
