//! Fuzz the decoder and the markup strippers on arbitrary bytes: no panic,
//! and decoding valid UTF-8 keeps the text (line endings normalised).
#![no_main]

use frame::input::decode;
use frame::input::formats::{html, markdown};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((text, _)) = decode::decode(data) {
        let _ = html::html_to_text(&text);
        let _ = html::html_title(&text);
        let _ = markdown::markdown_to_text(&text);
        let _ = frame::input::make_document(&text, false);
        let _ = frame::input::paragraphs(&text);
    }
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = html::html_to_text(s);
        let _ = markdown::markdown_to_text(s);
    }
});
