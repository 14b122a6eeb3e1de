//! Fuzz the HTML reader: no panic, entities decoded to valid text, and the
//! text of a page is never longer than a small multiple of the page.
#![no_main]

use frame::input::formats::{html, to_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let text = html::html_to_text(s);
    assert!(text.len() <= 4 * s.len() + 16, "{} bytes from {}", text.len(), s.len());
    let _ = html::html_title(s);
    let _ = html::decode_entities(s);
    for ext in ["html", "htm"] {
        let _ = to_text(ext, s.to_string());
    }
});
