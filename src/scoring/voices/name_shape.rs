//! The shape of a personal name, as `full_names.rs` and `role_holders.rs`
//! read it: which words may belong to one ("Bashar al-Assad", "George W.
//! Bush", "Bill de Blasio"), which stand before one (titles, roles,
//! possessives) and which cannot start or end one (openers, days,
//! auxiliaries of a title-case headline).

use super::context_words::{acronym, lower_in, time_word};
use super::words::{
    DAYS, MONTH_NAMES_OF_PEOPLE, NAME_OPENERS, NAME_PARTICLES, NOT_NAME_START, OFFICES, OPENERS,
    PERSON_NOUNS, ROLE_WORDS, TITLES, VERB_ENDS,
};

/// Longest personal name (in words) written in place of a name with a
/// title or role: a longer run of capitalised words may hold a descriptor
/// ("Ulster Unionist Mike Nesbitt") that cannot be told from the name.
pub(super) const MAX_NAME_WORDS: usize = 3;

/// Whether `w` (or a part of it joined by a hyphen: "Secretary-General")
/// is a title, role or person noun, which a personal name follows.
pub(super) fn titled(w: &str) -> bool {
    w.split('-').any(|p| {
        let p = p.trim_end_matches('.');
        lower_in(p, TITLES)
            || lower_in(p, PERSON_NOUNS)
            || lower_in(p, OFFICES)
            || lower_in(p, ROLE_WORDS)
    })
}

/// Whether `w` opens a sentence, clause or question or names a day, and so
/// cannot be the first word of a personal name ("Though Trump", "On Sunday
/// Basu", "Did Trump lie?").
pub(super) fn opener(w: &str) -> bool {
    lower_in(w, OPENERS)
        || lower_in(w, NOT_NAME_START)
        || lower_in(w, NAME_OPENERS)
        || lower_in(w, DAYS)
}

/// Whether `w` is a lower-case particle inside a family name ("de" of
/// "Bill de Blasio"; "De Pieri" and "Ben Owen" are name words).
pub(super) fn particle(w: &str) -> bool {
    w.starts_with(char::is_lowercase) && lower_in(w, NAME_PARTICLES)
}

/// How many words of a personal name are names, not particles or
/// initials: one makes a short form ("Trump", "de Maiziere"), two or more
/// a full name.
pub(super) fn name_count(name: &[&str]) -> usize {
    name.iter().filter(|w| name_word(w)).count()
}

/// Whether `w` is an initial or two ("W.", "H.R."), which a name may hold
/// between its first and its family name.
pub(super) fn initial(w: &str) -> bool {
    w.len() <= 4
        && w.ends_with('.')
        && w[..w.len() - 1]
            .split('.')
            .all(|p| p.len() == 1 && p.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// Whether `w` may be a word of a personal name: capitalised (each part
/// after a hyphen too, unlike "Connecticut-based", except a particle
/// before the hyphen: "al-Assad"), letters only, no possessive, no
/// acronym, no title.
pub(super) fn name_word(w: &str) -> bool {
    let joined_particle = w.contains('-') && w.split('-').next().is_some_and(particle);
    (w.starts_with(char::is_uppercase) || joined_particle)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && w.split('-')
            .enumerate()
            .all(|(i, p)| p.starts_with(char::is_uppercase) || i == 0 && joined_particle)
        && !possessive(w)
        && !acronym(w)
        && !titled(w)
}

/// `w` without an opener joined to it by a lost space's hyphen ("Dave" of
/// "But-Dave").
pub(super) fn without_joined_opener(w: &str) -> &str {
    match w.split_once('-') {
        Some((head, rest)) if opener(head) && rest.starts_with(char::is_uppercase) => rest,
        _ => w,
    }
}

/// `w` without a possessive ending ("Trump" of "Trump's").
pub(super) fn without_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// Whether `w` is a possessive ("the SNP's").
pub(super) fn possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

/// `ws` without the words that end a name read too far: a day or an
/// auxiliary after it ("Charles Schumer Thursday", "Chris Evans Was" of a
/// headline in title case), or a particle or initial it stopped on.
pub(super) fn trim_end(ws: &mut Vec<&str>) {
    while ws.len() > 1
        && ws.last().is_some_and(|w| {
            lower_in(w, DAYS) || lower_in(w, VERB_ENDS) || particle(w) || initial(w)
        })
    {
        ws.pop();
    }
}

/// The personal name at the end of `name`, if `name` is shaped like a
/// person's: the run of name words (with initials and particles inside)
/// that ends it, after its last title or role and without an opener or
/// initial before it ("Though Trump"; "Mr de Mistura" is "de Mistura");
/// and the name opens with a capital, or the run follows a
/// title, a role or a possessive ("the SNP's Nicola Sturgeon"). A
/// lower-case word before the run other than a title makes it part of a
/// body's name ("Department of Law Enforcement"), and so does an acronym
/// before one word ("NWS Boston"). "the White House" and
/// "the president" have none, and neither has a month or day alone ("the
/// Women's March").
pub(super) fn personal_name(name: &str) -> Option<Vec<&str>> {
    let mut ws: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    trim_end(&mut ws);
    if !ws.last().is_some_and(|w| name_word(w)) {
        return None;
    }
    let run = ws
        .iter()
        .rev()
        .take_while(|w| name_word(w) || initial(w) || particle(w))
        .count();
    let mut at = ws.len() - run;
    while at < ws.len() && (opener(ws[at]) || initial(ws[at])) {
        at += 1;
    }
    if at == ws.len() {
        return None;
    }
    ws[at] = without_joined_opener(ws[at]);
    let opened = at == 0 || {
        let before = ws[at - 1];
        titled(before)
            || possessive(before)
            || particle(before)
            || before.starts_with(char::is_uppercase) && ws[0].starts_with(char::is_uppercase)
    };
    // One word after an acronym is a body's branch ("NWS Boston").
    let branch = at > 0 && at + 1 == ws.len() && acronym(ws[at - 1]) && !titled(ws[at - 1]);
    let alone_time =
        at + 1 == ws.len() && time_word(ws[at]) && !lower_in(ws[at], MONTH_NAMES_OF_PEOPLE);
    (opened && !alone_time && !branch).then(|| ws[at..].to_vec())
}

/// Words that tie a role to the place or body where it is held
/// ("Ambassador to", "Director at", "Secretary of").
const PLACE_LINKS: &[&str] = &["of", "to", "at", "for", "in", "from"];

/// Last words of a body's name ("Human Rights Watch", "the National
/// Hurricane Center", "Acme Trading GmbH"): a person's name never ends on
/// one, so such a run is the body, not a body and a person.
const BODY_ENDS: &[&str] = &[
    "watch",
    "center",
    "centre",
    "council",
    "institute",
    "ministry",
    "department",
    "agency",
    "office",
    "committee",
    "commission",
    "university",
    "college",
    "school",
    "bank",
    "group",
    "ltd",
    "gmbh",
    "inc",
    "corp",
    "plc",
    "llc",
    "co",
    "company",
    "party",
    "association",
    "foundation",
    "union",
    "organization",
    "organisation",
    "service",
    "court",
    "network",
    "times",
    "post",
    "news",
    "board",
    "authority",
    "federation",
    "fund",
    "house",
    "police",
    "army",
    "force",
    "forces",
    "guard",
    "command",
    "state",
    "states",
    "kingdom",
    "republic",
    "affairs",
    "security",
    "defense",
    "defence",
    "international",
    "corporation",
    "industries",
    "holdings",
    "partners",
];

/// Particles of a family name ("Abu Bakar", "de Mistura", "bin Laden")
/// that are no given name too ("Ben", "Van" and "Del" are), so a capital
/// one still opens the family name, whose given name stands before it.
pub(super) fn family_particle(w: &str) -> bool {
    (lower_in(w, NAME_PARTICLES) || lower_in(w, &["abu"])) && !lower_in(w, &["ben", "van", "del"])
}

/// Where the person's name starts in `words`, a run of capitalised words
/// read back from a speech verb, when a place or body is glued before it:
/// "[Ambassador to] the Republic of Ruritania Jane Doe", "[Director at]
/// Acme Trading GmbH Jane Doe", "Secretary of State Jane Doe". `before`
/// holds the (up to two) words ahead of the run. It is read so only when a
/// role ([`titled`]) and a link ([`PLACE_LINKS`]) stand before the place,
/// and the place leaves a personal name of at least two words: a
/// capitalised run cannot be told from a name otherwise, and "the Republic
/// of Ruritania" alone stays whole. Where the place ends with a word that
/// ends a body's name ([`BODY_ENDS`]: "of Police", "of State"), the name
/// is every word after it ("Inspector-General of Police Khalid Abu
/// Bakar"); else it is the last two words, with the given name before an
/// initial or a family name's particle ("John Q. Public", "Khalid Abu
/// Bakar"), and it never holds a body's last word.
pub(super) fn person_after_place(before: &[&str], words: &[&str]) -> Option<usize> {
    let n = words.len();
    let role_link = |ws: &[&str]| {
        ws.len() >= 2 && titled(ws[ws.len() - 2]) && lower_in(ws[ws.len() - 1], PLACE_LINKS)
    };
    // A lower-case particle is part of the name ("Ruud van Nistelrooy"),
    // not a link.
    let inner = words
        .iter()
        .rposition(|w| w.starts_with(char::is_lowercase) && !particle(w));
    let (start, role) = match inner {
        Some(i) => (i + 1, role_link(&words[..=i]) || role_link(before)),
        None => (0, role_link(before)),
    };
    if !role || n < start + 3 {
        return None;
    }
    let name_part = |w: &&str| name_word(w) || initial(w) || particle(w) || family_particle(w);
    let whole = |p: usize| {
        let person = &words[p..];
        p > start
            && person.iter().all(name_part)
            && !person.iter().any(|w| lower_in(w, BODY_ENDS))
            && person.iter().filter(|w| name_word(w)).count() >= 2
    };
    // The body's last word ends the place.
    if let Some(b) = (start..n - 2)
        .rev()
        .find(|&b| lower_in(words[b], BODY_ENDS))
    {
        if n - (b + 1) <= MAX_NAME_WORDS + 1 && whole(b + 1) {
            return Some(b + 1);
        }
    }
    let mut p = n - 2;
    while p > start + 1 && (initial(words[p]) || particle(words[p]) || family_particle(words[p])) {
        p -= 1;
    }
    whole(p).then_some(p)
}

/// Adverbs that may stand between a name and its speech verb ("when the
/// Kochs initially announced"), besides words in "-ly".
const ADVERBS: &[&str] = &[
    "also", "then", "later", "again", "once", "too", "still", "now", "earlier", "already", "first",
    "since", "often", "never", "soon",
];

/// Nouns in "-ly" that end a speaker ("the Smith family", "the state-run
/// daily"): not adverbs.
const LY_NOUNS: &[&str] = &[
    "family",
    "ally",
    "assembly",
    "rally",
    "supply",
    "monopoly",
    "bully",
    "daily",
    "weekly",
    "monthly",
    "quarterly",
    "anomaly",
    "tally",
    "italy",
];

/// Whether `w` is a lower-case adverb, which stands between a name and
/// its verb but is no part of the name.
pub(super) fn adverb(w: &str) -> bool {
    w.starts_with(char::is_lowercase)
        && (lower_in(w, ADVERBS)
            || (w.len() > 4
                && w.ends_with("ly")
                && w.chars().all(char::is_alphabetic)
                && !lower_in(w, LY_NOUNS)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_glued_after_a_role_place_is_cut_from_it() {
        let cut = |before: &str, run: &str| {
            let b: Vec<&str> = before.split(' ').filter(|w| !w.is_empty()).collect();
            let r: Vec<&str> = run.split(' ').collect();
            person_after_place(&b, &r).map(|p| r[p..].join(" "))
        };
        assert_eq!(
            cut("Ambassador to", "the Republic of Ruritania Jane Doe").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            cut("Director at", "Acme Trading GmbH John Q. Public").as_deref(),
            Some("John Q. Public")
        );
        assert_eq!(
            cut("", "Secretary of State Jane Doe").as_deref(),
            Some("Jane Doe")
        );
        // The whole name after a body's last word, or before a particle
        // or an initial; a given name that is also a particle is no
        // particle.
        assert_eq!(
            cut("", "Commissioner of Police Amir Abu Salem").as_deref(),
            Some("Amir Abu Salem")
        );
        assert_eq!(
            cut("Minister of", "State Jane Mary Doe").as_deref(),
            Some("Jane Mary Doe")
        );
        assert_eq!(
            cut("Ambassador to", "Ruritania Omar Abu Zayed").as_deref(),
            Some("Omar Abu Zayed")
        );
        assert_eq!(
            cut("Ambassador to", "the Republic of Ruritania Omar bin Zayed").as_deref(),
            Some("Omar bin Zayed")
        );
        assert_eq!(
            cut("Ambassador to", "Ruritania Ben Carter").as_deref(),
            Some("Ben Carter")
        );
        // A body, no role before it, or too few words: left whole.
        assert_eq!(cut("director of", "Human Rights Watch"), None);
        assert_eq!(
            cut("spokesman for", "the Ministry of Foreign Affairs"),
            None
        );
        assert_eq!(cut("", "the Republic of Ruritania Jane Doe"), None);
        assert_eq!(cut("Ambassador to", "Ruritania Jane"), None);
        assert_eq!(cut("chief of", "the New South Wales Police"), None);
    }

    #[test]
    fn adverbs_but_not_nouns_in_ly() {
        for w in ["initially", "recently", "also", "later"] {
            assert!(adverb(w), "{w}");
        }
        for w in ["family", "daily", "Kelly", "Ely", "fly", "police"] {
            assert!(!adverb(w), "{w}");
        }
    }

    #[test]
    fn a_personal_name_is_the_capitalised_run_after_a_title() {
        assert_eq!(personal_name("Rep. Will Hurd"), Some(vec!["Will", "Hurd"]));
        assert_eq!(personal_name("Labour MP Jo Cox"), Some(vec!["Jo", "Cox"]));
        assert_eq!(
            personal_name("the SNP's Nicola Sturgeon"),
            Some(vec!["Nicola", "Sturgeon"])
        );
        assert_eq!(personal_name("Mr Davis"), Some(vec!["Davis"]));
        assert_eq!(
            personal_name("NATO Alexander Grushko"),
            Some(vec!["Alexander", "Grushko"])
        );
        // Roles and bodies are not personal names.
        assert_eq!(personal_name("the president"), None);
        assert_eq!(personal_name("the White House"), None);
        assert_eq!(personal_name("a spokesman"), None);
        assert_eq!(personal_name("Russia's"), None);
        assert_eq!(personal_name("Florida Department of Law Enforcement"), None);
        assert_eq!(personal_name("the Women's March"), None);
        assert_eq!(personal_name("NWS Boston"), None);
        assert_eq!(personal_name("CEO Gounon"), Some(vec!["Gounon"]));
        // A word with a lower-case part after a hyphen describes the name.
        assert_eq!(
            personal_name("Connecticut-based Purdue Pharma"),
            Some(vec!["Purdue", "Pharma"])
        );
    }

    #[test]
    fn initials_and_particles_stay_inside_a_name() {
        assert_eq!(
            personal_name("President George W. Bush"),
            Some(vec!["George", "W.", "Bush"])
        );
        assert_eq!(
            personal_name("National Security Adviser H.R. McMaster"),
            Some(vec!["McMaster"])
        );
        assert_eq!(
            personal_name("Syrian President Bashar al-Assad"),
            Some(vec!["Bashar", "al-Assad"])
        );
        assert_eq!(
            personal_name("Mayor Bill de Blasio"),
            Some(vec!["Bill", "de", "Blasio"])
        );
        assert_eq!(personal_name("Mr de Mistura"), Some(vec!["de", "Mistura"]));
        assert_eq!(personal_name("Ben Owen"), Some(vec!["Ben", "Owen"]));
        assert_eq!(
            personal_name("Elisa De Pieri"),
            Some(vec!["Elisa", "De", "Pieri"])
        );
        assert!(initial("W.") && initial("H.R.") && !initial("Mr.") && !initial("U.S.A."));
    }

    #[test]
    fn roles_openers_days_and_auxiliaries_are_no_part_of_a_name() {
        assert_eq!(
            personal_name("German Chancellor Angela Merkel"),
            Some(vec!["Angela", "Merkel"])
        );
        assert_eq!(
            personal_name("UN Secretary-General Antonio Guterres"),
            Some(vec!["Antonio", "Guterres"])
        );
        assert_eq!(personal_name("Though Trump"), Some(vec!["Trump"]));
        assert_eq!(personal_name("Did Trump"), Some(vec!["Trump"]));
        assert_eq!(
            personal_name("But-Dave Chappelle"),
            Some(vec!["Dave", "Chappelle"])
        );
        assert_eq!(
            personal_name("Senate Democratic Leader Charles Schumer Thursday"),
            Some(vec!["Charles", "Schumer"])
        );
        assert_eq!(
            personal_name("Chris Evans Was"),
            Some(vec!["Chris", "Evans"])
        );
        // A family name that is also a style stays a name at the end.
        assert_eq!(personal_name("Julie Bishop"), Some(vec!["Julie", "Bishop"]));
        assert_eq!(personal_name("Theresa May"), Some(vec!["Theresa", "May"]));
    }
}
