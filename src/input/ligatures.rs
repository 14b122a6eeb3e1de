//! Typographic ligatures. A PDF's text layer (and text copied from it)
//! often holds one character for "fi", "fl", "ff" ... (U+FB00-U+FB06):
//! "conﬂict" is then not *conflict* and "ﬂood" not *flood*, so no entry
//! matches. Each is written out as its letters when an article is read,
//! as Unicode's compatibility mapping (NFKC) does.

use std::borrow::Cow;

/// The Latin ligatures and their letters.
const LIGATURES: [(char, &str); 7] = [
    ('\u{FB00}', "ff"),
    ('\u{FB01}', "fi"),
    ('\u{FB02}', "fl"),
    ('\u{FB03}', "ffi"),
    ('\u{FB04}', "ffl"),
    ('\u{FB05}', "st"),
    ('\u{FB06}', "st"),
];

/// `text` with each ligature written out (borrowed when it has none).
pub fn expand(text: &str) -> Cow<'_, str> {
    if !text.contains(|c| ('\u{FB00}'..='\u{FB06}').contains(&c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match LIGATURES.iter().find(|(l, _)| *l == c) {
            Some((_, letters)) => out.push_str(letters),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_become_letters() {
        assert_eq!(
            expand("The con\u{FB02}ict and the \u{FB02}ood"),
            "The conflict and the flood"
        );
        assert_eq!(expand("e\u{FB03}cient o\u{FB00}ice"), "efficient office");
        assert!(matches!(expand("plain text"), Cow::Borrowed(_)));
    }
}
