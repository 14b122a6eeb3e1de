//! Whether a name before a colon ("Trump: “…”", rule 5 of the parent
//! module) names a person of the article. A subheading or a label before
//! a colon has the same shape as a speaker: "Michigan: ‘There is a bomb
//! ...’" heads a section on one state, "West Bank:" or "Lake Chad:" a
//! report from a place, "READ MORE:", "Brexit:" or "Breaking News Today:"
//! a link, a topic or a headline. Nothing else in such a line says who
//! speaks, so the name itself must show a person:
//! - a US state ([`US_STATES`], "New York" too) is a place, never a speaker;
//! - one word that is a title, role or person noun, or a plural that
//!   speaks bare ("Surgeon:", "Husband:", "Police:"), stands for someone;
//! - any other word ("Trump", "TRUMP", "Michigan", "News") is a person only
//!   where the article names that person elsewhere: with a first name
//!   ("Donald Trump", as `full_names::first_names` reads it), after a title
//!   ("President Trump", "Mr Trump") or as speaking in the narration
//!   ("Trump said"). A place or a label is given none of these, nor are
//!   initials used as a handle ("DJT:", which no first name or title
//!   in the article spells out) or "Me:" in a quoted dialogue (a tweet's
//!   writer, whom the article does not name);
//! - two words or more are read as `name_shape::personal_name` reads a
//!   speaker. A title, role or possessive right before the personal name
//!   shows a person ("Sen. Jane Doe", "Schalke's Nabil Bentaleb"); a
//!   personal name of one word is read as one word alone ("Pres. Trump");
//!   a longer one is a person where the article gives it after a title or
//!   role ("press secretary Sean Spicer", "Mrs May"), gives it again as a
//!   pair that stands alone ("a recording of Harrison Ford explaining", as
//!   `full_names::given_names` reads it; not a pair opened by a family
//!   particle, "Al Bab", "Abu Dhabi") or shows its family name speaking
//!   ("Woods told"). It is none when it holds more name
//!   words than a personal name has (a title-case headline: "Sen. Jane Doe
//!   Slams Pruitt"), opens with a word that makes a place or an event of
//!   the name after it ("Northern Ireland", "Lake Chad", "Cyclone Debbie")
//!   or ends with a place noun ("West Bank", "Gaza Strip"). A head with no
//!   personal name is a person where it is a role ("Labour MP") or a
//!   phrase opened by an article around a person noun ("The official").

use super::context_words::{lower, lower_in};
use super::full_names::{first_names, given_names};
use super::name_shape::{
    family_particle, name_count, name_word, personal_name, possessive, titled, MAX_NAME_WORDS,
};
use super::pronouns::Antecedent;
use super::words::{BARE_SPEAKERS, DETERMINERS, US_STATES};

/// Words that make a place or a named event of the capitalised words after
/// them ("North Korea", "Lake Chad", "Cyclone Debbie"); no personal name
/// opens with one ("Kanye West" may end with one).
const PLACE_OPENERS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "upper",
    "lower",
    "greater",
    "new",
    "lake",
    "mount",
    "river",
    "port",
    "fort",
    "cape",
    "san",
    "santa",
    "cyclone",
    "hurricane",
    "typhoon",
    "storm",
    "tropical",
    "operation",
];

/// Nouns that end a place's name ("West Bank", "Gaza Strip", "Mexico
/// City") and no personal name.
const PLACE_ENDS: &[&str] = &[
    "bank",
    "strip",
    "sea",
    "gulf",
    "coast",
    "valley",
    "desert",
    "peninsula",
    "county",
    "city",
    "square",
    "island",
    "islands",
    "province",
    "region",
    "heights",
    "mountains",
    "canal",
    "airport",
];

/// Most bytes between a head and its quote's opening mark (the colon,
/// spaces, a line break).
const HEAD_GAP: usize = 4;

/// Whether `name`, read before a colon in `text` right before the quote
/// that opens at `at`, is a person of the article (see the module's doc);
/// `mentions` gives the names the narration shows speaking (read only when
/// the name itself does not settle it).
pub(super) fn colon_person(
    text: &str,
    name: &str,
    at: usize,
    mentions: impl FnOnce() -> Vec<Antecedent>,
) -> bool {
    if US_STATES.iter().any(|s| s.eq_ignore_ascii_case(name)) {
        return false;
    }
    // "TRUMP" in a transcript is written "Trump" in the text around it.
    let name = if name.chars().all(|c| !c.is_lowercase()) {
        name.split_whitespace()
            .map(proper_case)
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        name.to_string()
    };
    match name.split_whitespace().collect::<Vec<_>>()[..] {
        [word] => titled(word) || lower_in(word, BARE_SPEAKERS) || known_word(text, word, mentions),
        _ => phrase_person(text, &name, at, mentions),
    }
}

/// `word` with a capital first letter and the rest in lower case.
fn proper_case(word: &str) -> String {
    let mut cs = word.chars();
    cs.next()
        .map(|c| c.to_string() + &cs.as_str().to_lowercase())
        .unwrap_or_default()
}

/// Whether the article names the one name word `word` as a person
/// elsewhere: with a first name, after a title, or speaking.
fn known_word(text: &str, word: &str, mentions: impl FnOnce() -> Vec<Antecedent>) -> bool {
    if !first_names(text, word).is_empty() || after_title(text, word, false) {
        return true;
    }
    let key = lower(word);
    mentions().iter().any(|(_, m)| {
        m.split_whitespace()
            .any(|w| lower(w.trim_end_matches("'s").trim_end_matches("’s")) == key)
    })
}

/// Whether a head of two words or more, right before the quote at `at`,
/// names a person (see the module's doc).
fn phrase_person(
    text: &str,
    name: &str,
    at: usize,
    mentions: impl FnOnce() -> Vec<Antecedent>,
) -> bool {
    let Some(person) = personal_name(name) else {
        return role_phrase(&name.split_whitespace().collect::<Vec<_>>());
    };
    if name_count(&person) > MAX_NAME_WORDS || place(&person) {
        return false;
    }
    // The personal name is a slice of `name`: the words before it are the
    // head's title, role or possessive, if any.
    let from = person[0].as_ptr() as usize - name.as_ptr() as usize;
    if name[..from]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| titled(w) || possessive(w))
    {
        return true;
    }
    let Some(&family) = person.iter().rev().find(|w| name_word(w)) else {
        return false;
    };
    if name_count(&person) == 1 {
        return known_word(text, family, mentions);
    }
    // The head itself is no use of the name elsewhere; a pair opened by a
    // family particle ("Al Bab", "Abu Dhabi") is a place or a family name
    // alone, not a first name with a family name.
    let head = at.saturating_sub(name.len() + HEAD_GAP)..at;
    let given = !family_particle(person[0])
        && given_names(text, family)
            .iter()
            .any(|(i, f)| *f == person[0] && !head.contains(i));
    // A family name that ends a body's name ("the World Bank said") is no
    // sign: only a personal name in the narration counts.
    given
        || after_title(text, family, false)
        || after_title(text, &person.join(" "), true)
        || mentions().iter().any(|(_, m)| {
            personal_name(m)
                .and_then(|p| p.last().copied())
                .is_some_and(|w| w.eq_ignore_ascii_case(family))
        })
}

/// Whether a personal name is shaped as a place's or an event's (see
/// [`PLACE_OPENERS`], [`PLACE_ENDS`]).
fn place(person: &[&str]) -> bool {
    person.first().is_some_and(|w| lower_in(w, PLACE_OPENERS))
        || person.last().is_some_and(|w| lower_in(w, PLACE_ENDS))
}

/// Whether a head with no personal name names someone: a role ("Labour
/// MP", "Local residents") or a phrase opened by an article around a
/// person noun ("The official continues", "A spokesman for the ministry").
fn role_phrase(ws: &[&str]) -> bool {
    let person = |w: &&str| titled(w) || lower_in(w, BARE_SPEAKERS);
    ws.last().is_some_and(person)
        || ws.first().is_some_and(|w| lower_in(w, DETERMINERS)) && ws.iter().any(person)
}

/// Whether `text` gives `word` after a title or role as a word of its own
/// ("President Trump", "Mr. Trump", "Chancellor Merkel"); with
/// `lower_case`, a role in lower case counts too ("press secretary Sean
/// Spicer"), as it does before a full name, never one word alone.
fn after_title(text: &str, word: &str, lower_case: bool) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let ends = text[i + word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        let head = text[..i].strip_suffix(' ').unwrap_or("");
        let before = head.rsplit(char::is_whitespace).next().unwrap_or("");
        ends && !before.is_empty()
            && (lower_case || before.starts_with(char::is_uppercase))
            && titled(before)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the quote after the head `name` opens in `text` (after ": ").
    fn opens(text: &str, name: &str) -> usize {
        text.find(&format!("{name}:"))
            .map_or(0, |i| i + name.len() + 2)
    }

    fn person(text: &str, name: &str) -> bool {
        colon_person(text, name, opens(text, name), Vec::new)
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
        assert!(colon_person(t, "Trump", opens(t, "Trump"), || vec![(
            0,
            "Trump".into()
        )]));
        // A place after a capitalised word that is no title stays a place.
        let t = "Southeast Michigan was hit.\n\nMichigan: \u{201c}A bomb.\u{201d}";
        assert!(!person(t, "Michigan"));
        let t = "Germany: \u{201c}We will act.\u{201d}";
        assert!(!person(t, "Germany"));
        // Initials as a handle and "Me" in a dialogue name no one the
        // article gives: the reader cannot tell who they are either.
        let t = "President Donald Trump spoke.\n\nDJT: \u{201c}Drugs are cheap.\u{201d} \
                 Me: \u{201c}Where?\u{201d}";
        assert!(!person(t, "DJT"));
        assert!(!person(t, "Me"));
        // A person noun names someone of its own ("Surgeon: ...").
        let t = "Surgeon: \u{201c}How many more must die?\u{201d}";
        assert!(person(t, "Surgeon"));
    }
    #[test]
    fn a_place_or_a_headline_of_several_words_is_no_speaker() {
        let t = "West Bank: \u{201c}One day on my land.\u{201d}\n\nSettlers in the West Bank \
                 said so, and the World Bank said so too.";
        let said = || vec![(0, "Settlers".into()), (0, "the World Bank".into())];
        assert!(!colon_person(t, "West Bank", opens(t, "West Bank"), said));
        for head in [
            "Northern Ireland",
            "New York",
            "Lake Chad",
            "Cyclone Debbie",
            "Breaking News Today",
            "NHS Health Check",
            "Justice for Theo",
        ] {
            let t = format!("{head}: \u{201c}It is over.\u{201d}");
            assert!(!person(&t, head), "{head}");
        }
        // A headline in title case holds more name words than a name.
        let t = "Sen. Jane Doe Slams Pruitt: \u{201c}No.\u{201d}\n\nSen. Jane Doe spoke.";
        assert!(!person(t, "Sen. Jane Doe Slams Pruitt"));
        // A pair of name words the article never shows as a person.
        let t = "Al Bab: \u{201c}The tide is turning.\u{201d}\n\nFighting near the city of Al Bab.";
        assert!(!person(t, "Al Bab"));
    }

    #[test]
    fn a_name_of_several_words_needs_a_title_or_the_person_elsewhere() {
        let t = "Nobody else is named.";
        for head in [
            "Sen. Jane Doe",
            "Chancellor Angela Merkel",
            "Schalke's Nabil Bentaleb",
            "House Speaker Paul Ryan",
            "Labour MP",
            "The official continues",
            "DONALD TRUMP",
        ] {
            let t = if head == "DONALD TRUMP" {
                "President Donald Trump spoke."
            } else {
                t
            };
            assert!(person(t, head), "{head}");
        }
        // A role before the full name or a title before the family name.
        let t = "His press secretary Sean Spicer has come out to refute that.";
        assert!(person(t, "Sean Spicer"));
        let t = "Germany: \u{201c}We will act.\u{201d}";
        assert!(!person(t, "Martin Schulz"));
        let t = "SPD leader Martin Schulz spoke.";
        assert!(person(t, "Martin Schulz"));
        let t = "Mrs May told the Commons so.";
        assert!(person(t, "Theresa May"));
        assert!(!person(t, "Tiger Woods"));
        // The family name speaking in the narration, even at a compass word.
        let t = "\u{201c}I feel good,\u{201d} Woods told CNN.";
        let woods = || vec![(0, "Woods".into())];
        assert!(colon_person(t, "Tiger Woods", 0, woods));
        assert!(colon_person(t, "Kanye West", 0, || vec![(
            0,
            "West".into()
        )]));
        // The full name again, standing alone, outside the head.
        let t = "Harrison Ford: \u{201c}I landed.\u{201d}\n\nA recording of Harrison Ford \
                 explaining it emerged.";
        assert!(person(t, "Harrison Ford"));
        let t = "Chris Coleman: \u{201c}No.\u{201d}\n\nThe Australian Chris Coleman left.";
        assert!(!person(t, "Chris Coleman"));
    }
}
