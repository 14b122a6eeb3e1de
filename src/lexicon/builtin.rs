//! The seven default frame lexicons, embedded in the binary so that an
//! installed `frame` works without the source tree.

use super::entry::Lexicon;
use super::txt::parse;

/// Names of the built-in frame lexicons, in output order.
pub const BUILTIN_NAMES: [&str; 7] = [
    "threat",
    "reassurance",
    "conflict",
    "responsibility",
    "human_interest",
    "morality",
    "economic",
];

/// Contents of the built-in lexicons, in `BUILTIN_NAMES` order.
pub(crate) const BUILTIN_TEXTS: [&str; 7] = [
    include_str!("../../lexicons/threat.txt"),
    include_str!("../../lexicons/reassurance.txt"),
    include_str!("../../lexicons/conflict.txt"),
    include_str!("../../lexicons/responsibility.txt"),
    include_str!("../../lexicons/human_interest.txt"),
    include_str!("../../lexicons/morality.txt"),
    include_str!("../../lexicons/economic.txt"),
];

/// The text of the default lexicon `name` as built into frame, if it is one.
pub fn builtin_text(name: &str) -> Option<&'static str> {
    let i = BUILTIN_NAMES.iter().position(|n| *n == name)?;
    Some(BUILTIN_TEXTS[i])
}

/// The seven default frame lexicons, in output order (threat, reassurance,
/// conflict, responsibility, human_interest, morality, economic).
/// Invariant: the embedded files parse; a unit test enforces it, and a file
/// that somehow fails is skipped rather than panicking.
pub fn builtin() -> Vec<Lexicon> {
    BUILTIN_NAMES
        .iter()
        .zip(BUILTIN_TEXTS.iter())
        .filter_map(|(name, text)| parse(text, &format!("lexicons/{name}.txt"), name).ok())
        .collect()
}
