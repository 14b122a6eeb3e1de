//! Fuzz the PDF reader (pdf-extract on lopdf, run under `guard::catch`).
//! Checks: no panic escapes (a panic of the crate is an error, as in the
//! app); a text read has at least five words, tidy lines, no metadata; and
//! it stays under the per-file cap. Memory that runs away is caught by
//! libFuzzer's -rss_limit_mb.
#![no_main]

mod shared;

use frame::input::formats::{self, pdf, Detected};
use frame::input::MAX_FILE_BYTES;
use frame::model::options::InputFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: shared::guard_aware_panic_hook(), |data: &[u8]| {
    let got = pdf::read(data);
    if let Ok(e) = &got {
        assert!(e.text.split_whitespace().count() >= 5);
        assert!(e.text.len() as u64 <= MAX_FILE_BYTES);
        shared::assert_tidy(&e.text);
        assert!(e.meta.is_empty() && e.wrapped);
        let joined = e.clone().unwrapped();
        assert!(joined.text.len() <= e.text.len());
    }
    if formats::detect("pdf", data) == Detected::Reader(InputFormat::Pdf) {
        assert_eq!(formats::read(InputFormat::Pdf, data), got);
    }
});
