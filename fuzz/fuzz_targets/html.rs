//! Fuzz the HTML reader: no panic, entities decoded to valid text, and the
//! text of a page is never longer than a small multiple of the page.
#![no_main]

use frame::input::formats::{from_text, html};
use frame::model::options::InputFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let text = html::html_to_text(s);
    assert!(
        text.len() <= 4 * s.len() + 16,
        "{} bytes from {}",
        text.len(),
        s.len()
    );
    let _ = html::html_title(s);
    let _ = html::decode_entities(s);
    let _ = from_text(InputFormat::Html, s.to_string());
});
