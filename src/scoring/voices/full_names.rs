//! One person, one name within an article. News gives a person's full
//! name at first mention and a short form after it ("Sean Spicer said ...
//! “…,” Spicer said"; "Brexit Secretary David Davis told MPs ... “…,” Mr
//! Davis said"), with or without a title ("Rep. Will Hurd", "Will Hurd").
//! Attribution reads each quote's speaker as written; this step gives the
//! quotes of one person in one article one name, so that they make one
//! voice and group with the same person in other articles:
//! - a name with a first and a family name is written without its title
//!   or role ("Rep. Will Hurd" and "Democratic Senator Ben Cardin" become
//!   "Will Hurd" and "Ben Cardin"), where that name has two or three words;
//! - a short form (one name word, with or without a title: "Spicer", "Mr
//!   Davis", "President Trump") takes the full name the article gave
//!   before it, quoted or before a speech verb, when exactly one full name
//!   before it holds that word ("Sarah" or "Jones" for "Sarah Jones"); two
//!   ("Ivanka Trump" and "Donald Trump" before "Trump said") leave it as
//!   written.
//!
//! Roles ("the president", "a spokesman") and bodies ("the White House")
//! stay as written: which president is meant is not in the words. Across
//! articles nothing is merged here: "Trump" in an article that never names
//! "Donald Trump" stays "Trump".

use super::context_words::acronym;
use super::pronouns::Antecedent;
use super::quotes::Quote;
use super::words::{PERSON_NOUNS, TITLES};

/// Longest personal name (in words) written in place of a name with a
/// title or role: a longer run of capitalised words may hold a descriptor
/// ("Ulster Unionist Mike Nesbitt") that cannot be told from the name.
const MAX_NAME_WORDS: usize = 3;

/// The personal name at the end of `name`, if `name` is shaped like a
/// person's: the run of capitalised words (no acronyms, no possessives)
/// that ends it, after its last title or person noun; and the name opens
/// with a capital, or the run follows a title, a person noun or a
/// possessive ("the SNP's Nicola Sturgeon"). "the White House" and "the
/// president" have none.
fn personal_name(name: &str) -> Option<Vec<&str>> {
    let ws: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    let titled = |w: &str| {
        let l = w.trim_end_matches('.').to_lowercase();
        TITLES.contains(&l.as_str()) || PERSON_NOUNS.contains(&l.as_str())
    };
    let name_word = |w: &str| {
        w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            && w.split('-').all(|p| p.starts_with(char::is_uppercase))
            && !w.ends_with("'s")
            && !w.ends_with("’s")
            && !acronym(w)
            && !titled(w)
    };
    let run = ws.iter().rev().take_while(|w| name_word(w)).count();
    if run == 0 {
        return None;
    }
    let at = ws.len() - run;
    // A lower-case word before the run other than a title makes it part
    // of a body's name ("Department of Law Enforcement").
    let opened = if at == 0 {
        true
    } else {
        let before = ws[at - 1];
        let introduced = titled(before) || before.ends_with("'s") || before.ends_with("’s");
        introduced
            || before.starts_with(char::is_uppercase) && ws[0].starts_with(char::is_uppercase)
    };
    opened.then(|| ws[at..].to_vec())
}

/// One person named in full in the article: the words of the name, where
/// it is first given, and how its quotes are to be named.
struct FullName {
    words: Vec<String>,
    first: usize,
    shown: String,
}

/// Gives the quotes of each person in the article one name (see the
/// module's doc). `mentions`: the names the narration gives before a
/// speech verb, with their offsets (read only if a short form needs them).
pub(super) fn resolve(qs: &mut [Quote], mentions: impl FnOnce() -> Vec<Antecedent>) {
    let named: Vec<(usize, Option<Vec<&str>>)> = qs
        .iter()
        .map(|q| (q.open, personal_name(&q.speaker)))
        .collect();
    let short = named
        .iter()
        .any(|(_, n)| n.as_ref().is_some_and(|n| n.len() == 1));
    let mentioned = if short { mentions() } else { Vec::new() };
    // Full names in the order the article gives them.
    let mut given: Vec<(usize, &str, Vec<&str>)> = qs
        .iter()
        .zip(&named)
        .filter_map(|(q, (at, n))| Some((*at, q.speaker.as_str(), n.clone()?)))
        .chain(
            mentioned
                .iter()
                .filter_map(|(at, m)| Some((*at, m.as_str(), personal_name(m)?))),
        )
        .filter(|(_, _, n)| n.len() >= 2)
        .collect();
    given.sort_by_key(|g| g.0);
    let mut people: Vec<FullName> = Vec::new();
    for (at, as_written, words) in given {
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        if !people.iter().any(|p| same_words(&p.words, &words)) {
            let shown = if words.len() <= MAX_NAME_WORDS {
                words.join(" ")
            } else {
                as_written.to_string()
            };
            people.push(FullName {
                words,
                first: at,
                shown,
            });
        }
    }
    if people.is_empty() {
        return;
    }
    let renamed: Vec<Option<String>> = named
        .iter()
        .map(|(at, n)| match n.as_deref() {
            Some([w]) => {
                let mut holding = people
                    .iter()
                    .filter(|p| p.first < *at && p.words.iter().any(|x| x == w));
                match (holding.next(), holding.next()) {
                    (Some(p), None) => Some(p.shown.clone()),
                    _ => None,
                }
            }
            Some(ws) if ws.len() >= 2 => people
                .iter()
                .find(|p| same_words(&p.words, ws))
                .map(|p| p.shown.clone()),
            _ => None,
        })
        .collect();
    for (q, new) in qs.iter_mut().zip(renamed) {
        if let Some(new) = new.filter(|n| *n != q.speaker) {
            q.written = std::mem::replace(&mut q.speaker, new);
        }
    }
}

/// Whether two names have the same words, ignoring case.
fn same_words<A: AsRef<str>, B: AsRef<str>>(a: &[A], b: &[B]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.as_ref().eq_ignore_ascii_case(y.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::super::quotes;
    use super::*;

    fn who(text: &str) -> Vec<(String, String)> {
        quotes(text)
            .into_iter()
            .map(|q| (q.speaker, q.written))
            .collect()
    }

    fn named(speaker: &str, written: &str) -> (String, String) {
        (speaker.to_string(), written.to_string())
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
        // A word with a lower-case part after a hyphen describes the name.
        assert_eq!(
            personal_name("Connecticut-based Purdue Pharma"),
            Some(vec!["Purdue", "Pharma"])
        );
    }

    #[test]
    fn a_short_form_takes_the_full_name_given_before_it() {
        let t = "Sean Spicer said: \u{201c}We will not.\u{201d} Later he spoke again. \
                 \u{201c}That is false,\u{201d} Spicer said.";
        assert_eq!(
            who(t),
            [named("Sean Spicer", ""), named("Sean Spicer", "Spicer")]
        );
        // A full name in the narration, before a speech verb, counts too.
        let t = "Brexit Secretary David Davis told MPs the talks would start. \
                 \u{201c}We are ready,\u{201d} Mr Davis said.";
        assert_eq!(who(t), [named("David Davis", "Mr Davis")]);
        // A title before the full name goes.
        let t = "\u{201c}We are ready,\u{201d} said Rep. Will Hurd.";
        assert_eq!(who(t), [named("Will Hurd", "Rep. Will Hurd")]);
    }

    #[test]
    fn a_short_form_stays_as_written_when_the_article_does_not_settle_it() {
        // No full name before it.
        let t = "\u{201c}That is false,\u{201d} Spicer said. Sean Spicer said: \u{201c}No.\u{201d}";
        assert_eq!(who(t), [named("Spicer", ""), named("Sean Spicer", "")]);
        // Two full names before it hold the word.
        let t = "Ivanka Trump said: \u{201c}Yes.\u{201d} Donald Trump said: \u{201c}No.\u{201d} \
                 Then a reporter asked. \u{201c}Maybe,\u{201d} Trump said.";
        assert_eq!(
            who(t),
            [
                named("Ivanka Trump", ""),
                named("Donald Trump", ""),
                named("Trump", "")
            ]
        );
        // A role is not resolved to a name.
        let t = "President Donald Trump said: \u{201c}Yes.\u{201d} Then a reporter asked. \
                 \u{201c}No,\u{201d} the president said.";
        assert_eq!(
            who(t),
            [
                named("Donald Trump", "President Donald Trump"),
                named("the president", "")
            ]
        );
    }

    #[test]
    fn a_long_run_of_capitalised_words_keeps_its_first_spelling() {
        let t = "Ulster Unionist Mike Nesbitt said: \u{201c}Yes.\u{201d} Then a reporter asked. \
                 \u{201c}No,\u{201d} Mr Nesbitt said.";
        assert_eq!(
            who(t),
            [
                named("Ulster Unionist Mike Nesbitt", ""),
                named("Ulster Unionist Mike Nesbitt", "Mr Nesbitt")
            ]
        );
    }
}
