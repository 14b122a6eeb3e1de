//! One person, one name within an article. News gives a person's full
//! name at first mention and a short form after it ("Sean Spicer said ...
//! “…,” Spicer said"; "Brexit Secretary David Davis told MPs ... “…,” Mr
//! Davis said"), with or without a title ("Rep. Will Hurd", "Will Hurd").
//! Attribution reads each quote's speaker as written; this step gives the
//! quotes of one person in one article one name, so that they make one
//! voice and group with the same person in other articles:
//! - titles and roles go: a name with a first and a family name is written
//!   as that personal name ("Rep. Will Hurd" and "Democratic Senator Ben
//!   Cardin" become "Will Hurd" and "Ben Cardin") where it has two or three
//!   words (a longer run keeps its first spelling: "Ulster Unionist Mike
//!   Nesbitt" cannot be told from a name), and a short form as its name
//!   word ("Mr Trump" is "Trump"; "Sir James" keeps his style);
//! - a short form (one name word, with or without a title: "Spicer", "Mr
//!   Davis", "President Trump") takes the full name the article gave
//!   before it, quoted or before a speech verb, when exactly one such full
//!   name holds that word ("Sarah" or "Jones" for "Sarah Jones") and the
//!   article names no one else with that family name ("Ivanka Trump"
//!   beside "Donald Trump");
//! - failing that, it takes the one full name the article gives anywhere
//!   before it as a first name and that family name ("Donald Trump signed
//!   the order"), if the article holds only one;
//! - a role named with "the" ("the president", "the foreign minister")
//!   takes the one person the article gives that title before a name
//!   ("President Donald Trump", "Foreign Minister Sergey Lavrov"), first
//!   before the quote (`role_holders.rs`); with two such holders
//!   ("President Xi Jinping" too) it stays as written.
//!
//! Which words make a name is `name_shape.rs`.
//!
//! Other roles ("a spokesman", "officials") and bodies ("the White House")
//! stay as written. Across articles nothing is merged here: "Trump" in an
//! article that never names "Donald Trump" stays "Trump".

use super::context_words::lower_in;
use super::name_shape::{
    initial, name_count, name_word, opener, personal_name, possessive, titled,
    without_joined_opener, MAX_NAME_WORDS,
};
use super::pronouns::Antecedent;
use super::quotes::Quote;
use super::role_holders::{holder, holders, role_words};
use std::collections::HashMap;

/// The first names the article gives to the family name `family`: each
/// distinct one of [`given_names`], with the offset of its first use.
pub(super) fn first_names<'a>(text: &'a str, family: &str) -> Vec<(usize, &'a str)> {
    let mut out: Vec<(usize, &str)> = Vec::new();
    for (at, first) in given_names(text, family) {
        if !out.iter().any(|(_, f)| *f == first) {
            out.push((at, first));
        }
    }
    out
}

/// Each use of the family name `family` with a first name: the name word
/// right before it ("Donald" of "Donald Trump signed",
/// "George" of "George W. Bush"), with its offset. Only a
/// pair that stands alone counts: not after another capitalised word
/// ("Jake Tapper Scorches Donald Trump", a headline in title case, or a
/// longer name) unless that is a title or a possessive, and not before one
/// ("Donald Trump Jr", "Trump Tower").
pub(super) fn given_names<'a>(text: &'a str, family: &str) -> Vec<(usize, &'a str)> {
    let mut out: Vec<(usize, &str)> = Vec::new();
    for (i, _) in text.match_indices(family) {
        let after = &text[i + family.len()..];
        let after = after
            .strip_prefix("'s")
            .or_else(|| after.strip_prefix("’s"))
            .unwrap_or(after);
        if after.starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        if let Some(next) = after.strip_prefix(' ') {
            let next_word = next
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if next_word.starts_with(char::is_uppercase) {
                continue;
            }
        }
        let Some(mut head) = text[..i].strip_suffix(' ') else {
            continue;
        };
        let mut start = word_start(head);
        // Past a middle initial to the first name ("George W. Bush").
        if initial(&head[start..]) {
            let Some(h) = head[..start].strip_suffix(' ') else {
                continue;
            };
            head = h;
            start = word_start(head);
        }
        let first = without_joined_opener(&head[start..]);
        if !name_word(first) || opener(first) {
            continue;
        }
        let before = head[..start].trim_end();
        let word_before = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let stands_alone = !before.ends_with(char::is_alphanumeric)
            || !word_before.starts_with(char::is_uppercase)
            || titled(word_before)
            || possessive(word_before);
        if stands_alone {
            out.push((start, first));
        }
    }
    out
}

/// Where the last word of `head` starts: after its last space, quotation
/// mark or opening bracket.
fn word_start(head: &str) -> usize {
    head.char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || "\"“(".contains(c))
        .map_or(0, |(k, c)| k + c.len_utf8())
}

/// One person named in full in the article: the words of the name, where
/// it is first given, and how its quotes are to be named.
struct FullName {
    words: Vec<String>,
    first: usize,
    shown: String,
}

/// What the article says of a name, read once per article however many
/// quotes ask: the first names of each family name ([`first_names`]) and
/// the holders of each role (`role_holders::holders`).
#[derive(Default)]
struct Lookups<'a> {
    firsts: HashMap<String, Vec<(usize, &'a str)>>,
    roles: HashMap<Vec<String>, Vec<(usize, Vec<&'a str>)>>,
}

/// Gives the quotes of each person in the article one name (see the
/// module's doc). `text`: the article; `mentions`: the names the narration
/// gives before a speech verb, with their offsets (read only if a short
/// form or a role needs them).
pub(super) fn resolve(text: &str, qs: &mut [Quote], mentions: impl FnOnce() -> Vec<Antecedent>) {
    let named: Vec<(usize, Option<Vec<&str>>)> = qs
        .iter()
        .map(|q| (q.open, personal_name(&q.speaker)))
        .collect();
    let short = named.iter().zip(qs.iter()).any(|((_, n), q)| match n {
        Some(n) => name_count(n) == 1,
        None => role_words(&q.speaker).is_some(),
    });
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
        .filter(|(_, _, n)| name_count(n) >= 2)
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
    let mut look = Lookups::default();
    let renamed: Vec<Option<String>> = named
        .iter()
        .zip(qs.iter())
        .map(|((at, n), q)| match n.as_deref() {
            // "Sir James" is how a knight is called by first name.
            Some([_])
                if q.speaker
                    .split(' ')
                    .rev()
                    .nth(1)
                    .is_some_and(|t| lower_in(t, &["sir", "dame"])) =>
            {
                None
            }
            Some(ws) if name_count(ws) == 1 => {
                let w = ws.iter().find(|w| name_word(w))?;
                Some(short_form(text, &people, &mut look, w, *at).unwrap_or_else(|| ws.join(" ")))
            }
            Some(ws) => people
                .iter()
                .find(|p| same_words(&p.words, ws))
                .map(|p| p.shown.clone()),
            None => {
                let role = role_words(&q.speaker)?;
                let key: Vec<String> = role.iter().map(|w| w.to_lowercase()).collect();
                let found = look
                    .roles
                    .entry(key)
                    .or_insert_with(|| holders(text, &role));
                let ws = holder(found, *at)?;
                match name_count(&ws) {
                    1 => Some(
                        short_form(text, &people, &mut look, ws.last()?, *at)
                            .unwrap_or_else(|| ws.join(" ")),
                    ),
                    _ if ws.len() <= MAX_NAME_WORDS => Some(ws.join(" ")),
                    _ => None,
                }
            }
        })
        .collect();
    for (q, new) in qs.iter_mut().zip(renamed) {
        if let Some(new) = new.filter(|n| *n != q.speaker) {
            q.written = std::mem::replace(&mut q.speaker, new);
        }
    }
}

/// The name for the short form `w` of a quote at byte `at`: the one full
/// name given before it that holds `w`, if no other first name goes with
/// `w` in the article; else the one first name the article gives `w`
/// before the quote, if it gives only one; else none (the short form
/// stays).
fn short_form<'a>(
    text: &'a str,
    people: &[FullName],
    look: &mut Lookups<'a>,
    w: &str,
    at: usize,
) -> Option<String> {
    let holding: Vec<&FullName> = people
        .iter()
        .filter(|p| p.first < at && p.words.iter().any(|x| x == w))
        .collect();
    let firsts = look
        .firsts
        .entry(w.to_string())
        .or_insert_with(|| first_names(text, w));
    match (&holding[..], &firsts[..]) {
        // Another first name with this family name ("Ivanka" beside
        // "Donald Trump") leaves it open; a first name ("Sarah" of "Sarah
        // Jones") or a family name written first ("Li" of "Li Wei") has no
        // such rival to fear.
        ([p], _)
            if p.words.last().is_none_or(|x| x != w)
                || firsts.iter().all(|(_, f)| p.words.iter().any(|x| x == f)) =>
        {
            Some(p.shown.clone())
        }
        ([], [(from, first)]) if *from < at => Some(format!("{first} {w}")),
        _ => None,
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
        // A role the article gives two holders stays as written.
        let t = "President Donald Trump met President Xi Jinping. Then a reporter asked. \
                 \u{201c}No,\u{201d} the president said.";
        assert_eq!(who(t), [named("the president", "")]);
    }

    #[test]
    fn a_role_takes_the_one_person_the_article_gives_that_title() {
        let t = "President Donald Trump signed the order. Then a reporter asked. \
                 \u{201c}No,\u{201d} the president said.";
        assert_eq!(who(t), [named("Donald Trump", "the president")]);
        let t = "Russian Foreign Minister Sergey Lavrov's visit began. \
                 \u{201c}No,\u{201d} the foreign minister said.";
        assert_eq!(who(t), [named("Sergey Lavrov", "the foreign minister")]);
        // A particle is part of the name; a name the pattern cannot read
        // whole, a body, and a holder named only after the quote are none.
        let t = "Mayor Bill de Blasio spoke. \u{201c}No,\u{201d} the mayor said.";
        assert_eq!(who(t), [named("Bill de Blasio", "the mayor")]);
        let t = "President Joe Biden-spoke candidly. \u{201c}No,\u{201d} the president said.";
        assert_eq!(who(t), [named("the president", "")]);
        let t = "\u{201c}No,\u{201d} the president said. President Donald Trump left.";
        assert_eq!(who(t), [named("the president", "")]);
        let t = "Ministry Jones spoke. \u{201c}No,\u{201d} the ministry said.";
        assert_eq!(who(t), [named("the ministry", "")]);
    }

    #[test]
    fn a_short_form_takes_the_one_full_name_the_text_gives_before_it() {
        // Named in the narration without a speech verb.
        let t = "Donald Trump signed the order on Friday. \u{201c}It is done,\u{201d} Trump said.";
        assert_eq!(who(t), [named("Donald Trump", "Trump")]);
        // Not after the quote, not two first names, not a title-case run.
        let t = "\u{201c}It is done,\u{201d} Trump said. Donald Trump signed the order.";
        assert_eq!(who(t), [named("Trump", "")]);
        let t = "Donald Trump and Ivanka Trump arrived. \u{201c}It is done,\u{201d} Trump said.";
        assert_eq!(who(t), [named("Trump", "")]);
        let t = "Jake Tapper Scorches Donald Trump\n\n\u{201c}It is done,\u{201d} Trump said.";
        assert_eq!(who(t), [named("Trump", "")]);
        let t = "He lives in Trump Tower. \u{201c}It is done,\u{201d} Trump said.";
        assert_eq!(who(t), [named("Trump", "")]);
        // A title goes from a short form left as it is; a knight keeps his.
        let t = "\u{201c}It is done,\u{201d} Mr Trump said.";
        assert_eq!(who(t), [named("Trump", "Mr Trump")]);
        let t = "\u{201c}It is done,\u{201d} Sir James said.";
        assert_eq!(who(t), [named("Sir James", "")]);
    }

    #[test]
    fn a_middle_initial_or_a_question_is_read_as_such() {
        // George W. Bush is a rival first name for "Bush", as Jeb is.
        let t = "Jeb Bush said: \u{201c}Yes.\u{201d} George W. Bush was there. \
                 \u{201c}No,\u{201d} Bush said.";
        assert_eq!(who(t), [named("Jeb Bush", ""), named("Bush", "")]);
        let t = "But-Dave Chappelle-has a message. \u{201c}Hi,\u{201d} Chappelle said.";
        assert_eq!(who(t), [named("Dave Chappelle", "Chappelle")]);
        let t = "Did Trump lie? \u{201c}It is done,\u{201d} Trump said.";
        assert_eq!(who(t), [named("Trump", "")]);
        let t = "Syria's President Bashar al-Assad spoke. \u{201c}No,\u{201d} the President said.";
        assert_eq!(who(t), [named("Bashar al-Assad", "the President")]);
    }

    #[test]
    fn a_rival_first_name_leaves_a_family_name_open() {
        // Ivanka Trump spoke before; Donald Trump is named too.
        let t = "Ivanka Trump said: \u{201c}Yes.\u{201d} Donald Trump was there. \
                 \u{201c}No,\u{201d} Trump said.";
        assert_eq!(who(t), [named("Ivanka Trump", ""), named("Trump", "")]);
        // A first name has no rival to fear.
        let t = "Sarah Jones said: \u{201c}Yes.\u{201d} Her son Tom Jones agreed. \
                 \u{201c}No,\u{201d} Sarah said.";
        assert_eq!(
            who(t),
            [named("Sarah Jones", ""), named("Sarah Jones", "Sarah")]
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
