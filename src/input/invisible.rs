//! Invisible characters inside words. A saved web page or a PDF often holds
//! soft hyphens (U+00AD, `&shy;`: where a word may break at a line end),
//! word joiners (U+2060) and zero-width no-break spaces (U+FEFF, a byte
//! order mark inside the text). None is seen or separates words, but left in
//! they split a word for frame ("dan­ger" is not "danger"), so no entry
//! matches it. They are removed when an article is read.

use std::borrow::Cow;

/// Characters that are never seen and never separate words.
const INVISIBLE: [char; 3] = ['\u{00AD}', '\u{2060}', '\u{FEFF}'];

/// The text without [`INVISIBLE`] characters (borrowed when it has none).
pub fn strip(text: &str) -> Cow<'_, str> {
    if text.contains(INVISIBLE) {
        Cow::Owned(text.chars().filter(|c| !INVISIBLE.contains(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_hyphens_and_joiners_leave_the_word_whole() {
        assert_eq!(strip("The dan\u{ad}ger is grave."), "The danger is grave.");
        assert_eq!(strip("a\u{2060}b \u{feff}c"), "ab c");
        assert!(matches!(strip("plain - text"), Cow::Borrowed(_)));
    }
}
