//! The words of a quote's context as attribution reads them: words and
//! punctuation by byte offset (initials and titles keep their full stop),
//! case-blind look-ups in the word lists, and the tests of single words
//! (a speech verb, a day or month, a capitalised word) that the speaker
//! rules and the pronoun rules share, and the shape of a comma aside after
//! a name (a role, a participle).

use super::words::{
    CALL_PARTICLES, CALL_VERBS, DAYS, NOT_NAME_START, OFFICES, OPENERS, REPLY_VERBS, SPEECH_VERBS,
    TITLES,
};
use crate::model::dates::MONTH_NAMES;
use rustc_hash::FxHashMap;

/// A word or punctuation mark of a context, as byte offsets into it.
#[derive(Debug, Clone, Copy)]
pub(super) enum Item {
    Word(usize, usize),
    Punct(char),
}

pub(super) fn items(s: &str) -> Vec<Item> {
    Items { s, p: 0 }.collect()
}

/// The [`Item`]s of a string, lazily: callers that need only the first few
/// (the words right after a quote) stop there instead of reading the rest
/// of the paragraph. Walks the string by byte offset, copying nothing.
pub(super) struct Items<'a> {
    s: &'a str,
    /// Byte offset of the next character to read.
    p: usize,
}

impl<'a> Items<'a> {
    /// The items of `s` from its start.
    pub(super) fn new(s: &'a str) -> Self {
        Items { s, p: 0 }
    }

    #[inline]
    fn next_char(&self, p: usize) -> Option<char> {
        // Most characters are ASCII: one byte, no decoding.
        match *self.s.as_bytes().get(p)? {
            b if b < 0x80 => Some(b as char),
            _ => self.s[p..].chars().next(),
        }
    }
}

impl Iterator for Items<'_> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        let s = self.s;
        while let Some(c) = self.next_char(self.p) {
            let p = self.p;
            if c.is_alphanumeric() {
                let mut q = p + c.len_utf8();
                while let Some(cj) = self.next_char(q) {
                    let inner = matches!(cj, '\'' | '’' | '-' | '‐')
                        && self
                            .next_char(q + cj.len_utf8())
                            .is_some_and(char::is_alphanumeric);
                    if cj.is_alphanumeric() || inner {
                        q += cj.len_utf8();
                    } else {
                        break;
                    }
                }
                let mut end = q;
                let w = &s[p..end];
                // An initial ("J.") or a title ("Mr."): asked only of a word
                // followed by a full stop.
                let initial = || {
                    let mut cs = w.chars();
                    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
                };
                if s[q..].starts_with('.') && (initial() || lower_in(w, TITLES)) {
                    end += 1;
                    q += 1;
                }
                self.p = q;
                return Some(Item::Word(p, end));
            }
            self.p = p + c.len_utf8();
            if !c.is_whitespace() {
                return Some(Item::Punct(c));
            }
        }
        None
    }
}

/// The word an item stands for, if it is a word.
pub(super) fn word<'a>(s: &'a str, it: &Item) -> Option<&'a str> {
    match *it {
        Item::Word(a, b) => Some(&s[a..b]),
        Item::Punct(_) => None,
    }
}

/// `w` in lower case, with the typographic apostrophe made straight.
pub(super) fn lower(w: &str) -> String {
    w.to_lowercase().replace('’', "'")
}

/// `list.contains(&lower(w).as_str())` without allocating when `w` is
/// ASCII (then its lower-case form is byte-wise ASCII lower case and holds
/// no ’): every word of every sentence is checked against the speech verbs,
/// and two allocations per word dominated quote attribution.
pub(super) fn lower_in(w: &str, list: &[&str]) -> bool {
    if w.is_ascii() {
        list.iter().any(|x| {
            x.len() == w.len()
                && w.bytes()
                    .zip(x.bytes())
                    .all(|(a, b)| a.to_ascii_lowercase() == b)
        })
    } else {
        list.contains(&lower(w).as_str())
    }
}

/// Whether a name cannot start on `w`: a clause opener ("But") or one of
/// the other [`NOT_NAME_START`] words ("In", "Speaking").
pub(super) fn not_name_start(w: &str) -> bool {
    lower_in(w, OPENERS) || lower_in(w, NOT_NAME_START)
}

/// Words that tie a role to where it is held ("director of Acme", "a
/// professor at Peking University").
const ROLE_LINKS: &[&str] = &["of", "for", "at", "in", "with", "from", "on"];

/// Whether the words of an aside between commas after a name are a role,
/// optionally followed by where it is held ("of Acme", "at George
/// Washington University"): see [`lower_case_role`] and
/// [`capitalised_role`].
pub(super) fn role_aside(ws: &[&str]) -> bool {
    let head_len = ws
        .iter()
        .position(|w| lower_in(w, ROLE_LINKS))
        .unwrap_or(ws.len());
    let head = &ws[..head_len];
    head_len <= 4 && (lower_case_role(head) || capitalised_role(head))
}

/// Whether `head` is a role in lower case: up to four lower-case words
/// ("managing director", "premier", "president and chief executive"), or
/// a possessive name and such words ("Britain's foreign secretary"); an
/// article may open it ("the government minister"). An aside opened by a
/// conjunction or a clause opener ("and Brown", "however", "in London")
/// is none: it may be a list or a clause of its own, not a description.
fn lower_case_role(head: &[&str]) -> bool {
    let (first, rest) = match head.split_first() {
        Some((f, r)) if capitalised(f) => match lower(f).strip_suffix("'s") {
            Some(_) if !r.is_empty() => (r[0], &r[1..]),
            _ => return false,
        },
        Some((f, r)) => (*f, r),
        None => return false,
    };
    role_word(first)
        && !not_name_start(first)
        && !lower_in(first, &["or", "nor"])
        && rest.iter().all(|w| role_word(w))
}

/// A lower-case word of a role ("managing", "co-founder").
fn role_word(w: &str) -> bool {
    !capitalised(w) && word_chars(w)
}

/// Whether `w` holds only letters, hyphens and apostrophes.
fn word_chars(w: &str) -> bool {
    w.chars()
        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

/// Whether `head` is a role with capitals: it ends on an acronym ("CEO",
/// "MP", "Labour MP", "co-founder and CEO") or an office word in any case
/// ([`OFFICES`]: "Chief Executive", "Secretary", "Bundestag member").
/// Ending on the office is what tells a role from a name: "Jane Doe",
/// "France" or "President Putin" after a comma are a list or a place,
/// and a name opened by a clause opener ("In Paris") is no role either.
fn capitalised_role(head: &[&str]) -> bool {
    let (Some(first), Some(last)) = (head.first(), head.last()) else {
        return false;
    };
    (acronym(last) || lower_in(last, OFFICES))
        && head.iter().any(|w| capitalised(w))
        && head.iter().all(|w| word_chars(w))
        && !not_name_start(first)
        && !lower_in(first, &["and", "or", "nor"])
        && !time_word(first)
}

/// Whether `w` is an acronym: two to five capital letters ("CEO", "MEP",
/// "IPSE"). Longer runs of capitals are mostly a word set in capitals.
pub(super) fn acronym(w: &str) -> bool {
    (2..=5).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether `s` (the text before a speech verb) ends with an aside opened by
/// a participle: "Mr Li, speaking to the BBC," before "said".
pub(super) fn ends_with_participle_aside(s: &str) -> bool {
    let first = final_aside(s).and_then(|a| a.split_whitespace().next());
    first.is_some_and(|f| f.len() > 4 && f.ends_with("ing") && !capitalised(f))
}

/// Whether `s` (the text before a speech verb) ends with a role aside
/// ([`role_aside`]): "Ms Roy, mother of the victim," before "said".
pub(super) fn ends_with_role_aside(s: &str) -> bool {
    final_aside(s).is_some_and(|a| role_aside(&a.split_whitespace().collect::<Vec<_>>()))
}

/// The last of two or more comma clauses that `s` ends with, if it ends
/// with a comma.
fn final_aside(s: &str) -> Option<&str> {
    let head = s.trim_end().strip_suffix(',')?;
    head.rsplit_once(',').map(|(_, aside)| aside)
}

/// Whether `w` is a day or a month, which a speaker's name never is.
pub(super) fn time_word(w: &str) -> bool {
    lower_in(w, DAYS) || lower_in(w, &MONTH_NAMES)
}

/// Whether `w` starts with a capital.
pub(super) fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `w` is one of the [`SPEECH_VERBS`] (ignoring case), asked of
/// every word of every article: one hash look-up of its ASCII lower case
/// (built on the stack) instead of a scan of the list.
pub(super) fn is_verb(w: &str) -> bool {
    static VERBS: std::sync::OnceLock<FxHashMap<&'static str, ()>> = std::sync::OnceLock::new();
    const MAX: usize = 16;
    if !w.is_ascii() || w.len() > MAX {
        // The general rule (rare: non-ASCII or long words).
        return lower_in(w, SPEECH_VERBS);
    }
    let verbs = VERBS.get_or_init(|| SPEECH_VERBS.iter().map(|v| (*v, ())).collect());
    let mut buf = [0u8; MAX];
    let lw = &mut buf[..w.len()];
    lw.copy_from_slice(w.as_bytes());
    lw.make_ascii_lowercase();
    // ASCII in, ASCII out: always valid UTF-8.
    std::str::from_utf8(lw).is_ok_and(|l| verbs.contains_key(l))
}

/// Whether the word `s[x..y]` is a speech verb here: not a capitalised verb
/// right after a capitalised word ("the United States", "Federated States"),
/// which is part of a proper name, unless `s` is set in title case (a
/// headline: "Minister Says ..."). Prose never capitalises a verb inside a
/// sentence.
pub(super) fn verb_at(s: &str, x: usize, y: usize) -> bool {
    let w = &s[x..y];
    if !is_verb(w) || !capitalised(w) {
        return is_verb(w);
    }
    let head = &s[..x];
    let prev = head
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let after_name = head.ends_with(char::is_whitespace)
        && prev.chars().last().is_some_and(char::is_alphanumeric)
        && capitalised(prev);
    !after_name || title_case(s)
}

/// Whether the word `s[x..y]` is a reply verb ([`REPLY_VERBS`]) that
/// introduces the quote right after `s`: only a colon follows it ("Ms
/// Foster responded: “…”").
pub(super) fn reply_before(s: &str, x: usize, y: usize) -> bool {
    lower_in(&s[x..y], REPLY_VERBS)
        && s[y..]
            .trim_start()
            .strip_prefix(':')
            .is_some_and(|r| !r.contains(char::is_alphanumeric))
}

/// The offsets of a reply verb ([`REPLY_VERBS`]) that reports the quote
/// before `after` (the text after its closing mark): at most five words
/// before it, none a speech verb (whose subject spoke the quote), and its
/// clause ends with it ("“…,” Sessions responded.", "“…,” he responded,
/// according to the Post"). A colon after it introduces the next quote
/// instead.
pub(super) fn reply_after(after: &str) -> Option<(usize, usize)> {
    let (x, y) = Items::new(after).take(6).find_map(|it| match it {
        Item::Word(x, y) if lower_in(&after[x..y], REPLY_VERBS) => Some((x, y)),
        _ => None,
    })?;
    let spoken =
        Items::new(&after[..x]).any(|it| matches!(it, Item::Word(a, b) if is_verb(&after[a..b])));
    let rest = after[y..].trim_start();
    (!spoken && (rest.is_empty() || rest.starts_with(['.', ',', '!', '?', ';']))).then_some((x, y))
}

/// Whether the speech verb `verb` is a form of "call" that a particle
/// after it (`rest` is the text after the verb) makes another verb, one
/// that reports no quote before it. A verb after a quote reports it when
/// the quote is what the verb takes: what was said, shouted or called
/// ("“…,” she said", "“…!” he called out", "“A disgrace,” he called it").
/// With a particle, "call" takes its own object after the particle and
/// means something else: a demand ("called for a boycott", "called on
/// reporters to leave", "called upon"), a summons or a visit ("called in
/// the army", "called up reservists", "called on the family"), a
/// cancellation ("called off the strike"), a doubt ("called into
/// question"), or the passive ("a meeting called by the US"), whose
/// subject is no speaker at all. So "“…” Ms Roy called for a boycott" says
/// what Ms Roy wants, not that she spoke the quote. A day or month read
/// first is a time, not the particle ("called on Monday for", "called
/// Tuesday for"); "out", "back" and "to" keep the sense of a shout ("called
/// out", "called to the crowd") and are no particle here. Before a quote
/// the demand may take the quote as its own words ("called on Russia to
/// “release without delay”"), so only the words after a quote ask this.
pub(super) fn phrasal_call(verb: &str, rest: &str) -> bool {
    if !lower_in(verb, CALL_VERBS) {
        return false;
    }
    let ws: Vec<&str> = Items::new(rest)
        .map_while(|it| word(rest, &it))
        .take(3)
        .collect();
    let when = |w: &str| time_word(w) || lower_in(w, &["today", "yesterday"]);
    let k = match ws[..] {
        [on, t, ..] if lower_in(on, &["on"]) && when(t) => 2,
        [t, ..] if when(t) => 1,
        _ => 0,
    };
    ws.get(k).is_some_and(|p| lower_in(p, CALL_PARTICLES))
}

/// Whether `s` is set in title case: at least three words of four or more
/// letters, all capitalised.
fn title_case(s: &str) -> bool {
    let long: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .collect();
    long.len() >= 3 && long.iter().all(|w| capitalised(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(s: &str) -> bool {
        role_aside(&s.split(' ').collect::<Vec<_>>())
    }

    #[test]
    fn a_particle_after_called_makes_another_verb() {
        for (verb, rest) in [
            ("called", " for a boycott"),
            ("Called", " on the government"),
            ("calling", " upon states"),
            ("called", " off the strike"),
            ("called", " up reservists"),
            ("called", " in the army"),
            ("called", " into question"),
            ("called", " by the US"),
            ("called", " on Monday for a boycott"),
            ("called", " Tuesday for a boycott"),
            ("called", " yesterday for calm"),
        ] {
            assert!(phrasal_call(verb, rest), "{verb}{rest}");
        }
        for (verb, rest) in [
            ("called", " out"),
            ("called", " back"),
            ("called", " to the crowd"),
            ("called", " it a mistake"),
            ("called", ""),
            ("called", ", for once"),
            ("called", " on Monday"),
            ("called", " on Monday."),
            ("said", " for years"),
            ("says", " on Monday for"),
        ] {
            assert!(!phrasal_call(verb, rest), "{verb}{rest}");
        }
    }

    #[test]
    fn a_role_with_capitals_ends_on_an_acronym_or_an_office() {
        for s in [
            "CEO of IPSE",
            "CEO",
            "Bundestag member for Kiel",
            "Chief Executive of Acme",
            "Secretary of State",
            "Labour MP for Bath",
            "co-founder and CEO of Mobike",
            "Britain's Foreign Secretary",
            "NHS England chief executive",
        ] {
            assert!(role(s), "{s}");
        }
        // A name, a list, a place, a titled name or an opener is no role.
        for s in [
            "Jane Doe",
            "Jane Doe and Tom Lee",
            "France",
            "President Putin",
            "Health Secretary Matt Hancock",
            "In Paris",
            "And CEO",
            "Monday",
            "LONDON",
            "Acme Group",
        ] {
            assert!(!role(s), "{s}");
        }
    }
}
