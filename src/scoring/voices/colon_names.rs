//! Whether a name before a colon ("Trump: “…”", rule 5 of the parent
//! module) names a person of the article. A subheading or a label before
//! a colon has the same shape as a speaker: "Michigan: ‘There is a bomb
//! ...’" heads a section on one state, "READ MORE:" or "Brexit:" a link
//! or a topic. Nothing else in such a line says who speaks, so the name
//! itself must show a person:
//! - a US state ([`US_STATES`], "New York" too) is a place, never a speaker;
//! - two words or more ("Martin Schulz", "Sen. Jane Doe") have the shape
//!   of a personal name and stand as written: a list of reactions names
//!   each politician once, before the colon;
//! - one word that is a title, role or person noun, or a plural that
//!   speaks bare ("Surgeon:", "Husband:", "Police:"), stands for someone;
//! - any other word ("Trump", "TRUMP", "Michigan", "News") is a person only
//!   where the article names that person elsewhere: with a first name
//!   ("Donald Trump", as `full_names::first_names` reads it), after a title
//!   ("President Trump", "Mr Trump") or as speaking in the narration
//!   ("Trump said"). A place or a label is given none of these.

use super::context_words::{lower, lower_in};
use super::full_names::first_names;
use super::name_shape::titled;
use super::pronouns::Antecedent;
use super::words::{BARE_SPEAKERS, US_STATES};

/// Whether `name`, read before a colon in `text`, is a person of the
/// article (see the module's doc); `mentions` gives the names the
/// narration shows speaking (read only for a one-word name).
pub(super) fn colon_person(
    text: &str,
    name: &str,
    mentions: impl FnOnce() -> Vec<Antecedent>,
) -> bool {
    if US_STATES.iter().any(|s| s.eq_ignore_ascii_case(name)) {
        return false;
    }
    let ws: Vec<&str> = name.split_whitespace().collect();
    let [word] = ws[..] else {
        return true;
    };
    if titled(word) || lower_in(word, BARE_SPEAKERS) {
        return true;
    }
    // "TRUMP" in a transcript is written "Trump" in the text around it.
    let proper: String = if word.chars().all(|c| !c.is_lowercase()) {
        let mut cs = word.chars();
        cs.next()
            .map(|c| c.to_string() + &cs.as_str().to_lowercase())
            .unwrap_or_default()
    } else {
        word.to_string()
    };
    if !first_names(text, &proper).is_empty() || after_title(text, &proper) {
        return true;
    }
    let key = lower(word);
    mentions().iter().any(|(_, m)| {
        m.split_whitespace()
            .any(|w| lower(w.trim_end_matches("'s").trim_end_matches("’s")) == key)
    })
}

/// Whether `text` gives `word` after a title or role as a word of its own
/// ("President Trump", "Mr. Trump", "Chancellor Merkel").
fn after_title(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let ends = text[i + word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        let head = text[..i].strip_suffix(' ').unwrap_or("");
        let before = head.rsplit(char::is_whitespace).next().unwrap_or("");
        ends && !before.is_empty() && before.starts_with(char::is_uppercase) && titled(before)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(text: &str, name: &str) -> bool {
        colon_person(text, name, Vec::new)
    }

    #[test]
    fn a_state_is_never_a_speaker_by_the_colon() {
        let t = "Michigan: 'There is a bomb in the building.'";
        assert!(!person(t, "Michigan"));
        assert!(!person(t, "New York"));
    }

    #[test]
    fn one_word_needs_a_first_name_a_title_or_a_mention() {
        let t = "News: \u{201c}It is over.\u{201d}";
        assert!(!person(t, "News"));
        let t = "Donald Trump spoke.\n\nTRUMP: \u{201c}We will win.\u{201d}";
        assert!(person(t, "TRUMP"));
        let t = "President Trump spoke.\n\nTrump: \u{201c}We will win.\u{201d}";
        assert!(person(t, "Trump"));
        let t = "Trump said so.\n\nTrump: \u{201c}We will win.\u{201d}";
        assert!(colon_person(t, "Trump", || vec![(0, "Trump".into())]));
        // A place after a capitalised word that is no title stays a place.
        let t = "Southeast Michigan was hit.\n\nMichigan: \u{201c}A bomb.\u{201d}";
        assert!(!person(t, "Michigan"));
        let t = "Germany: \u{201c}We will act.\u{201d}";
        assert!(!person(t, "Germany"));
        assert!(person(t, "Martin Schulz"));
        // A person noun names someone of its own ("Surgeon: ...").
        let t = "Surgeon: \u{201c}How many more must die?\u{201d}";
        assert!(person(t, "Surgeon"));
    }
}
