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
//!   words, and a short form as its name word ("Mr Trump" is "Trump");
//! - a short form (one name word, with or without a title: "Spicer", "Mr
//!   Davis", "President Trump") takes the full name the article gave
//!   before it, quoted or before a speech verb, when exactly one such full
//!   name holds that word ("Sarah" or "Jones" for "Sarah Jones") and the
//!   article names no one else with that family name ("Ivanka Trump"
//!   beside "Donald Trump");
//! - failing that, it takes the one full name the article gives anywhere
//!   before it as a first name and that family name ("Donald Trump signed
//!   the order"), if the article holds only one.
//!
//! - a role named with "the" ("the president", "the foreign minister")
//!   takes the one person the article gives that title before a name
//!   ("President Donald Trump", "Foreign Minister Sergey Lavrov"), first
//!   before the quote; with two such holders ("President Xi Jinping" too)
//!   it stays as written.
//!
//! Other roles ("a spokesman", "officials") and bodies ("the White House")
//! stay as written. Across articles nothing is merged here: "Trump" in an
//! article that never names "Donald Trump" stays "Trump".

use super::context_words::{acronym, lower_in, time_word};
use super::pronouns::Antecedent;
use super::quotes::Quote;
use super::words::{
    DAYS, MONTH_NAMES_OF_PEOPLE, NAME_OPENERS, NAME_PARTICLES, NOT_NAME_START, OFFICES, OPENERS,
    PERSON_NOUNS, ROLE_WORDS, TITLES, VERB_ENDS,
};

/// Longest personal name (in words) written in place of a name with a
/// title or role: a longer run of capitalised words may hold a descriptor
/// ("Ulster Unionist Mike Nesbitt") that cannot be told from the name.
const MAX_NAME_WORDS: usize = 3;

/// Whether `w` (or a part of it joined by a hyphen: "Secretary-General")
/// is a title, role or person noun, which a personal name follows.
fn titled(w: &str) -> bool {
    w.split('-').any(|p| {
        let p = p.trim_end_matches('.');
        lower_in(p, TITLES)
            || lower_in(p, PERSON_NOUNS)
            || lower_in(p, OFFICES)
            || lower_in(p, ROLE_WORDS)
    })
}

/// Whether `w` opens a sentence or clause or names a day, and so cannot be
/// the first word of a personal name ("Though Trump", "On Sunday Basu").
fn opener(w: &str) -> bool {
    lower_in(w, OPENERS)
        || lower_in(w, NOT_NAME_START)
        || lower_in(w, NAME_OPENERS)
        || lower_in(w, DAYS)
}

/// Whether `w` may be a word of a personal name: capitalised (each part
/// after a hyphen too, unlike "Connecticut-based"), letters only, no
/// possessive, no acronym, no title.
fn name_word(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && w.split('-').all(|p| p.starts_with(char::is_uppercase))
        && !w.ends_with("'s")
        && !w.ends_with("’s")
        && !acronym(w)
        && !titled(w)
}

/// Whether `w` is a possessive ("the SNP's").
fn possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

/// The personal name at the end of `name`, if `name` is shaped like a
/// person's: the run of name words that ends it (a day or an auxiliary
/// after it dropped: "Charles Schumer Thursday", "Chris Evans Was" of a
/// headline in title case), after its last title or role and without
/// an opener before it ("Though Trump"); and the name opens with a
/// capital, or the run follows a title, a role or a possessive ("the
/// SNP's Nicola Sturgeon"). A lower-case word before the run other than a
/// title makes it part of a body's name ("Department of Law
/// Enforcement"). "the White House" and "the president" have none.
fn personal_name(name: &str) -> Option<Vec<&str>> {
    let mut ws: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    while ws.len() > 1
        && ws
            .last()
            .is_some_and(|w| lower_in(w, DAYS) || lower_in(w, VERB_ENDS))
    {
        ws.pop();
    }
    let run = ws.iter().rev().take_while(|w| name_word(w)).count();
    let mut at = ws.len() - run;
    while at < ws.len() && opener(ws[at]) {
        at += 1;
    }
    if at == ws.len() {
        return None;
    }
    let opened = at == 0 || {
        let before = ws[at - 1];
        titled(before)
            || possessive(before)
            || before.starts_with(char::is_uppercase) && ws[0].starts_with(char::is_uppercase)
    };
    // A month or day alone names no one ("the Women's March").
    let alone_time =
        at + 1 == ws.len() && time_word(ws[at]) && !lower_in(ws[at], MONTH_NAMES_OF_PEOPLE);
    (opened && !alone_time).then(|| ws[at..].to_vec())
}

/// The first names the article gives to the family name `family`: each
/// distinct name word right before it ("Donald" of "Donald Trump signed"),
/// with the offset of its first use. Only a pair that stands alone counts:
/// not after another capitalised word ("Jake Tapper Scorches Donald
/// Trump", a headline in title case, or a longer name) unless that is a
/// title or a possessive, and not before one ("Donald Trump Jr", "Trump
/// Tower").
fn first_names<'a>(text: &'a str, family: &str) -> Vec<(usize, &'a str)> {
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
        let Some(head) = text[..i].strip_suffix(' ') else {
            continue;
        };
        let start = head
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace() || "\"“(".contains(c))
            .map_or(0, |(k, c)| k + c.len_utf8());
        let first = &head[start..];
        if !name_word(first) || opener(first) {
            continue;
        }
        let before = head[..start].trim_end();
        let word_before = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let stands_alone = !before.ends_with(char::is_alphanumeric)
            || !word_before.starts_with(char::is_uppercase)
            || titled(word_before)
            || possessive(word_before);
        if stands_alone && !out.iter().any(|(_, f)| *f == first) {
            out.push((start, first));
        }
    }
    out
}

/// One person named in full in the article: the words of the name, where
/// it is first given, and how its quotes are to be named.
struct FullName {
    words: Vec<String>,
    first: usize,
    shown: String,
}

/// Gives the quotes of each person in the article one name (see the
/// module's doc). `text`: the article; `mentions`: the names the narration
/// gives before a speech verb, with their offsets (read only if a short
/// form needs them).
pub(super) fn resolve(text: &str, qs: &mut [Quote], mentions: impl FnOnce() -> Vec<Antecedent>) {
    let named: Vec<(usize, Option<Vec<&str>>)> = qs
        .iter()
        .map(|q| (q.open, personal_name(&q.speaker)))
        .collect();
    let short = named.iter().zip(qs.iter()).any(|((_, n), q)| match n {
        Some(n) => n.len() == 1,
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
            Some([w]) => Some(short_form(text, &people, w, *at)),
            Some(ws) if ws.len() >= 2 => people
                .iter()
                .find(|p| same_words(&p.words, ws))
                .map(|p| p.shown.clone()),
            Some(_) => None,
            None => match role_holder(text, &q.speaker, *at)?[..] {
                [w] => Some(short_form(text, &people, w, *at)),
                ref ws if ws.len() <= MAX_NAME_WORDS => Some(ws.join(" ")),
                _ => None,
            },
        })
        .collect();
    for (q, new) in qs.iter_mut().zip(renamed) {
        if let Some(new) = new.filter(|n| *n != q.speaker) {
            q.written = std::mem::replace(&mut q.speaker, new);
        }
    }
}

/// The words of a role named with "the" ("the president" gives
/// ["president"], "The foreign minister" ["foreign", "minister"]): up to
/// three lower-case words, the last a title or an office.
fn role_words(speaker: &str) -> Option<Vec<&str>> {
    let mut ws = speaker.split(' ');
    if !ws.next().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        return None;
    }
    let ws: Vec<&str> = ws.collect();
    let office = |w: &str| lower_in(w, OFFICES) || lower_in(w, ROLE_WORDS);
    ((1..=3).contains(&ws.len())
        && ws
            .iter()
            .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
        && ws.last().is_some_and(|w| office(w)))
    .then_some(ws)
}

/// The one person the article names with the role of a speaker such as
/// "the president" or "the foreign minister", as a title before a name
/// ("President Donald Trump", "Foreign Minister Sergey Lavrov"), first
/// before the quote at byte `at`: the fullest form of the name, if every
/// such name in the article has the same family name ("President Trump"
/// and "President Donald Trump" are one; with "President Xi Jinping" there
/// too, the role stays as written).
fn role_holder<'a>(text: &'a str, speaker: &str, at: usize) -> Option<Vec<&'a str>> {
    let role = role_words(speaker)?;
    let mut found: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut from = 0;
    while let Some(k) = find_ignoring_case(&text[from..], role[0]) {
        let start = from + k;
        from = start + role[0].len();
        let mut words = text[start..].split(' ');
        let titled_role = role.iter().all(|r| {
            words
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case(r) && w.starts_with(char::is_uppercase))
        });
        // The name ends at a mark or a possessive ("President Trump's", "Mr
        // Lavrov, who ...").
        // A name cut short by a word it cannot read ("Joe Biden-spoke",
        // "Bill de Blasio") is not taken at all.
        let mut name: Vec<&str> = Vec::new();
        let mut whole = true;
        for w in words {
            let bare = w.trim_end_matches(|c: char| ",.;:!?)\"”".contains(c));
            let bare = bare
                .strip_suffix("'s")
                .or_else(|| bare.strip_suffix("’s"))
                .unwrap_or(bare);
            if name.len() == MAX_NAME_WORDS || !name_word(bare) {
                whole = !w.starts_with(char::is_uppercase) && !lower_in(w, NAME_PARTICLES);
                break;
            }
            name.push(bare);
            if bare.len() < w.len() {
                break;
            }
        }
        let starts_word = !text[..start].ends_with(char::is_alphanumeric);
        if titled_role && starts_word && whole && !name.is_empty() {
            found.push((start, name));
        }
    }
    let first = found.first()?;
    let family = first.1.last()?;
    (first.0 < at && found.iter().all(|(_, n)| n.last() == Some(family)))
        .then(|| found.into_iter().map(|(_, n)| n).max_by_key(Vec::len))
        .flatten()
}

/// Byte offset of the first `needle` (ASCII, lower case) in `hay`,
/// ignoring ASCII case.
fn find_ignoring_case(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..h.len().checked_sub(n.len())? + 1)
        .find(|&i| hay.is_char_boundary(i) && h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// The name for the short form `w` of a quote at byte `at`: the one full
/// name given before it that holds `w`, if no other first name goes with
/// `w` in the article; else the one first name the article gives `w`
/// before the quote, if it gives only one; else `w` alone.
fn short_form(text: &str, people: &[FullName], w: &str, at: usize) -> String {
    let holding: Vec<&FullName> = people
        .iter()
        .filter(|p| p.first < at && p.words.iter().any(|x| x == w))
        .collect();
    let firsts = first_names(text, w);
    match (&holding[..], &firsts[..]) {
        // Another first name with this family name ("Ivanka" beside
        // "Donald Trump") leaves it open; a first name ("Sarah" of "Sarah
        // Jones") or a family name written first ("Li" of "Li Wei") has no
        // such rival to fear.
        ([p], _)
            if p.words.last().is_none_or(|x| x != w)
                || firsts.iter().all(|(_, f)| p.words.iter().any(|x| x == f)) =>
        {
            p.shown.clone()
        }
        ([], [(from, first)]) if *from < at => format!("{first} {w}"),
        _ => w.to_string(),
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
        // Not a name the title-case pattern cannot read whole, not a body,
        // and not a holder named only after the quote.
        let t = "Mayor Bill de Blasio spoke. \u{201c}No,\u{201d} the mayor said.";
        assert_eq!(who(t), [named("the mayor", "")]);
        let t = "\u{201c}No,\u{201d} the president said. President Donald Trump left.";
        assert_eq!(who(t), [named("the president", "")]);
        let t = "Ministry Jones spoke. \u{201c}No,\u{201d} the ministry said.";
        assert_eq!(who(t), [named("the ministry", "")]);
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
