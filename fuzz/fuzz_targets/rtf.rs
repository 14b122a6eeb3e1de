//! Fuzz the RTF reader (rtf-parser-tt, run under `guard::catch`). Checks:
//! no panic escapes; a text read is never more than 4x the file (a `\par`
//! becomes a blank line, a `\'xx` at most three bytes), its paragraphs are
//! tidy, and it has no metadata.
#![no_main]

mod shared;

use frame::input::formats::{self, rtf};
use frame::model::options::InputFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: shared::guard_aware_panic_hook(), |data: &[u8]| {
    let got = rtf::read(data);
    if let Ok(e) = &got {
        assert!(
            e.text.len() <= 4 * data.len() + 16,
            "{} bytes of text from {}",
            e.text.len(),
            data.len()
        );
        shared::assert_tidy(&e.text);
        assert!(!e.text.contains('\n') || e.text.contains("\n\n"));
        assert!(e.meta.is_empty() && !e.wrapped);
    }
    assert_eq!(formats::read(InputFormat::Rtf, data), got);
});
