//! The text steps that every text goes through, whether it is read as an
//! article (`make_document`) or scored as given (`frame score`): kept in
//! one place so that the two cannot drift apart and a sentence scores the
//! same in both.

use std::borrow::Cow;

use super::{invisible, ligatures, line_joins};

/// `text` with invisible characters inside words removed and ligatures
/// written out: a soft hyphen or "ﬂ" must not split or hide a word.
pub fn characters(text: &str) -> Cow<'_, str> {
    match invisible::strip(text) {
        Cow::Borrowed(t) => ligatures::expand(t),
        Cow::Owned(t) => Cow::Owned(ligatures::expand(&t).into_owned()),
    }
}

/// `text` as `frame score` reads it: [`characters`], then line breaks
/// inside a sentence read as spaces (no boilerplate is removed and no
/// title looked for: a scored text is taken as the user gave it).
pub fn as_given(text: &str) -> Cow<'_, str> {
    match characters(text) {
        Cow::Borrowed(t) => line_joins::join(t),
        Cow::Owned(t) => Cow::Owned(line_joins::join(&t).into_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(as_given("Floods hit the town."), Cow::Borrowed(_)));
    }

    #[test]
    fn characters_strips_soft_hyphens_and_expands_ligatures() {
        assert_eq!(characters("con\u{00AD}\u{FB02}ict"), "conflict");
    }

    #[test]
    fn as_given_also_joins_a_broken_sentence() {
        assert_eq!(
            as_given("Boil notice\nThe water was not\nsafe to \u{FB01}nd."),
            "Boil notice\nThe water was not safe to find."
        );
    }
}
