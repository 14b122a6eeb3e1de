//! Fuzz the lexicon parser: no panic on any text, and every error that names
//! a line names one that exists.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lines = text.lines().count();
    if let Err(errors) = frame::lexicon::parse(text, "fuzz.txt", "fuzz") {
        for e in errors {
            assert!(e.line.is_none_or(|l| l >= 1 && l <= lines), "{e}");
        }
    }
});
