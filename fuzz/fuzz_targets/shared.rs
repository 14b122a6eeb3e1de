//! What the reader targets share: the app's panic rule and the checks on
//! what a reader returns. Each target includes it with `mod shared;`.
#![allow(dead_code)]

use frame::input::formats::{guard, Extracted};

/// libFuzzer's hook aborts on every panic, so a panic that `guard::catch`
/// would turn into an error would count as a crash. The binary's hook stays
/// quiet inside the guard (`guard::in_guard`); this one does the same and
/// leaves every other panic to libFuzzer.
pub fn guard_aware_panic_hook() {
    let fuzzer_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !guard::in_guard() {
            fuzzer_hook(info);
        }
    }));
}

/// A reader's paragraphs: lines trimmed and never empty, paragraphs one
/// blank line apart, nothing before the first or after the last.
pub fn assert_tidy(text: &str) {
    assert!(!text.contains("\n\n\n"), "a run of blank lines: {text:?}");
    for line in text.split('\n') {
        assert_eq!(line, line.trim(), "untrimmed line in {text:?}");
    }
    assert!(
        text.is_empty() || (!text.starts_with('\n') && !text.ends_with('\n')),
        "blank line at an end: {text:?}"
    );
}

/// `YYYY-MM-DD` with a month and day that exist in some year.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u32>().ok());
    matches!((num(0..4), num(5..7), num(8..10)), (Some(_), Some(m), Some(d)) if (1..=12).contains(&m) && (1..=31).contains(&d))
}

/// Metadata pairs as every reader must give them: lower-case keys from
/// `allowed`, values non-empty and on one line, dates in ISO form.
pub fn assert_meta(e: &Extracted, allowed: &[&str]) {
    for (k, v) in &e.meta {
        assert!(allowed.contains(&k.as_str()), "unexpected key {k:?}");
        assert!(!v.trim().is_empty(), "empty value for {k:?}");
        assert!(!v.contains('\n'), "{k:?} spans lines: {v:?}");
        if k == "date" {
            assert!(is_iso_date(v), "date {v:?} is not ISO");
        }
    }
}
