//! Fuzz the saved-web-page reader (dom_smoothie's Readability port, run
//! under `guard::catch`, with the visible-text fallback) and the HTML arm
//! of `formats::from_text`, which sends a page to it unless it is a
//! database export. Checks: no panic escapes; the text is never more than
//! 4x the page (the title may come twice: as meta data and in the text);
//! metadata keys are the four the reader gives, values on one line, dates
//! ISO; an article found has tidy paragraphs and starts with its title.
#![no_main]

mod shared;

use frame::input::formats::{self, web_page};
use frame::model::options::InputFormat;
use libfuzzer_sys::fuzz_target;

const KEYS: &[&str] = &["title", "byline", "date", "outlet"];

fuzz_target!(init: shared::guard_aware_panic_hook(), |data: &[u8]| {
    let Ok(page) = std::str::from_utf8(data) else {
        return;
    };
    let e = web_page::read(page);
    assert!(
        e.text.len() <= 4 * page.len() + 16,
        "{} bytes of text from {}",
        e.text.len(),
        page.len()
    );
    shared::assert_meta(&e, KEYS);
    if e.warnings.is_empty() {
        shared::assert_tidy(&e.text);
        if let Some((_, title)) = e.meta.iter().find(|(k, _)| k == "title") {
            assert!(e.text.starts_with(title.as_str()));
        }
    } else {
        assert!(e.meta.iter().all(|(k, _)| k == "title"));
    }
    let _ = formats::from_text(InputFormat::Html, page.to_string());
    let _ = formats::read(InputFormat::Html, data);
});
