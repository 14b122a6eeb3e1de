//! Fuzz the front matter and Markdown readers: no panic, and the metadata
//! pairs have non-empty keys.
#![no_main]

use frame::input::formats::{front_matter, markdown, to_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let (_, meta) = front_matter::front_matter(s);
    assert!(meta.iter().all(|(k, _)| !k.is_empty()), "{meta:?}");
    let _ = markdown::markdown_to_text(s);
    for ext in ["md", "markdown", "txt"] {
        let _ = to_text(ext, s.to_string());
    }
});
