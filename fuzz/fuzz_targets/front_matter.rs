//! Fuzz the front matter and Markdown readers: no panic, and the metadata
//! pairs have non-empty keys.
#![no_main]

use frame::input::formats::{from_text, front_matter, markdown};
use frame::model::options::InputFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let (_, meta) = front_matter::front_matter(s);
    assert!(meta.iter().all(|(k, _)| !k.is_empty()), "{meta:?}");
    let _ = markdown::markdown_to_text(s);
    for format in [InputFormat::Markdown, InputFormat::Text] {
        let e = from_text(format, s.to_string());
        assert!(e.meta.iter().all(|(k, _)| !k.is_empty()), "{:?}", e.meta);
    }
});
