//! Fuzz the lexicon parsers (frame's `.txt`, LIWC `.dic`, LIWC-22 `.dicx`,
//! quanteda YAML): no panic on any text, and every error that names a line
//! names one that exists. The first byte picks the format, so one corpus
//! serves all four.
#![no_main]

use frame::lexicon::{dicx, liwc, unify_line_endings, yaml, LexiconError};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    // Lines as an editor counts them (a lone \r is a break), plus one: the
    // YAML parser names the line after the last for an error at the end.
    let lines = unify_line_endings(text).lines().count() + 1;
    let errors: Vec<LexiconError> = match which % 4 {
        0 => frame::lexicon::parse(text, "fuzz.txt", "fuzz").err(),
        1 => liwc::parse(text, "fuzz.dic").err(),
        2 => dicx::parse(text, "fuzz.dicx").err(),
        _ => yaml::parse(text, "fuzz.yml").err(),
    }
    .unwrap_or_default();
    for e in errors {
        assert!(e.line.is_none_or(|l| l >= 1 && l <= lines), "{e}");
    }
});
