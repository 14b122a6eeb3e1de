//! Whether a candidate speaker is plausible: the checks that turn down a
//! run of words read before or after a speech verb when it ends on a verb,
//! a function word or a contraction, stands alone as a day, or names a
//! document rather than someone who speaks. `speakers.rs` reads the
//! candidates.

use super::context_words::{capitalised, is_verb, lower, lower_in, time_word};
use super::words::{
    CLITICS, DANGLING, DETERMINERS, DOCUMENT_NOUNS, IRREGULAR_PARTICIPLES, MODIFIER_ENDS,
    MONTH_NAMES_OF_PEOPLE, NEVER_ALONE, POST_MODIFIERS, VERB_ENDS,
};

/// `name` unless it is a [`NEVER_ALONE`] word, a day or a month alone
/// ("Thursday": "an article Thursday says"), ends on a [`DANGLING`] word,
/// a verb ([`VERB_ENDS`] or a speech verb: "The court was", "a judge
/// said"; one joined by a hyphen is cut off: "Supt Jones-said"), a possessive
/// ("Visa's" lacks its noun), a contraction ("I've") or a hyphenated
/// modifier ([`MODIFIER_ENDS`]: "some Democratic-led" lacks its noun), or
/// names a document ([`document_phrase`]).
pub(super) fn plausible(name: String) -> Option<String> {
    // A verb joined to the name by a lost space's hyphen ("Supt Jones-said")
    // is cut off: the name before it is the speaker.
    let name = match name.rsplit_once('-') {
        Some((head, verb))
            if !head.is_empty()
                && !head.ends_with(char::is_whitespace)
                && (VERB_ENDS.contains(&verb)
                    || (verb.starts_with(char::is_lowercase) && is_verb(verb))) =>
        {
            head.to_string()
        }
        _ => name,
    };
    let last = name.rsplit(' ').next().unwrap_or("");
    // A function word joined by a lost space's hyphen ("Tom Rice-for the
    // Director") shows text run into the name.
    let run_on = name.split(' ').any(|w| {
        w.rsplit_once('-')
            .is_some_and(|(h, f)| !h.is_empty() && DANGLING.contains(&f))
    });
    let (head, end) = last.rsplit_once('-').unwrap_or(("", last));
    let modifier = !head.is_empty() && lower_in(end, MODIFIER_ENDS);
    // Lower case only: "IS" (Islamic State) and "Said" are names.
    let verb = VERB_ENDS.contains(&end) || (end.starts_with(char::is_lowercase) && is_verb(end));
    let alone = !name.contains(' ')
        && (lower_in(&name, NEVER_ALONE)
            || (time_word(&name) && !lower_in(&name, MONTH_NAMES_OF_PEOPLE)));
    let clitic = CLITICS.iter().any(|c| last.to_lowercase().ends_with(c));
    // "Article 12 of the law states": a capitalised document noun alone
    // names a document, not a speaker.
    let document = !name.contains(' ') && capitalised(&name) && lower_in(&name, DOCUMENT_NOUNS);
    (!alone
        && !run_on
        && !lower_in(last, DANGLING)
        && !modifier
        && !verb
        && !clitic
        && !document
        && !document_phrase(&name))
    .then_some(name)
}

/// Whether `name` is a phrase with an article whose head is a document ("a
/// Nielsen study", "A 2014 Pew Research Center survey", "a new analysis",
/// "a statement released by the ministry", "the KCNA report", "the
/// ministry's statement", "the court documents"): a lower-case
/// [`DOCUMENT_NOUNS`] word before any [`POST_MODIFIERS`] word, at the end
/// of the phrase or before a word that opens what follows the head (a
/// preposition, "that", a past participle). A speaker is a person or a
/// body that speaks (user guide: "a statement said" names nobody), and the
/// capitalised word that let such a phrase through names who made the
/// document, not someone quoted. "a poll worker", "a study author" and "a
/// spokesman for the study" have a person as their head and are not
/// documents. A publication is a body that speaks, and its name is
/// capitalised ("the Columbia Journalism Review", "the Washington Post").
pub(super) fn document_phrase(name: &str) -> bool {
    let mut ws = name.split(' ');
    let Some(first) = ws.next() else {
        return false;
    };
    let definite = lower_in(first, &["the"]);
    if !definite && !lower_in(first, &["a", "an"]) {
        return false;
    }
    let ws: Vec<&str> = ws
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let ends_head = |w: &str| {
        lower_in(w, POST_MODIFIERS)
            || lower_in(w, IRREGULAR_PARTICIPLES)
            || (!capitalised(w) && w.len() > 4 && w.ends_with("ed"))
    };
    let head = ws
        .iter()
        .position(|w| lower_in(w, POST_MODIFIERS))
        .unwrap_or(ws.len());
    (0..head).any(|i| {
        !capitalised(ws[i])
            && document_noun(ws[i], definite)
            && ws.get(i + 1).is_none_or(|w| ends_head(w))
    })
}

/// Whether `w` is one of the [`DOCUMENT_NOUNS`]; after "the" also in the
/// plural ("the court documents", "the studies").
fn document_noun(w: &str, definite: bool) -> bool {
    if lower_in(w, DOCUMENT_NOUNS) {
        return true;
    }
    if !definite {
        return false;
    }
    let l = lower(w);
    let singular = match l.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None => l.strip_suffix('s').unwrap_or(&l).to_string(),
    };
    DOCUMENT_NOUNS.contains(&singular.as_str())
}

/// Whether the clause that ends `s` (the text before a verb) ends on a
/// document phrase ([`document_phrase`]: "A Nielsen study", "the report").
pub(super) fn ends_with_document(s: &str) -> bool {
    let clause = s
        .rsplit(|c| {
            matches!(
                c,
                ',' | ';' | ':' | '"' | '\u{201c}' | '\u{201d}' | '\n' | '('
            )
        })
        .next()
        .unwrap_or(s);
    let words: Vec<&str> = clause.split_whitespace().collect();
    // After "that" or a relative the verb has a subject of its own ("a
    // statement that the market continued"): the document is not it.
    let from = words
        .iter()
        .rposition(|w| lower_in(w, &["that", "which", "who", "whether"]))
        .map_or(0, |i| i + 1);
    // Every article counts, not only the last: in "a news release from
    // the meeting" the document opens at "a".
    (from..words.len())
        .any(|i| lower_in(words[i], DETERMINERS) && document_phrase(&words[i..].join(" ")))
}

/// Whether `s` (the text after a verb or "according to") opens with a
/// document phrase, up to its clause's end ("a US Treasury
/// statement, he ...").
pub(super) fn starts_with_document(s: &str) -> bool {
    let clause = s
        .split(|c| {
            matches!(
                c,
                ',' | ';' | ':' | '"' | '\u{201c}' | '\u{201d}' | '\n' | '(' | ')'
            )
        })
        .next()
        .unwrap_or("");
    let clause = clause.split(". ").next().unwrap_or(clause);
    let words: Vec<&str> = clause.split_whitespace().take(12).collect();
    !words.is_empty() && document_phrase(&words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_possessive_demonstrative_day_or_verb_alone_is_not_a_name() {
        assert!(plausible("This".into()).is_none());
        assert!(plausible("Their".into()).is_none());
        assert_eq!(plausible("Hiscox".into()).as_deref(), Some("Hiscox"));
        // A day or month alone, a verb, a possessive or a contraction at the end.
        for name in [
            "Thursday",
            "February",
            "The court was",
            "a judge said",
            "Visa's",
            "I've",
            "Trump\u{2019}s",
        ] {
            assert!(plausible(name.into()).is_none(), "{name}");
        }
        for name in [
            "IS",
            "Edward Said",
            "May",
            "Theresa May",
            "Can Dundar",
            "April Ryan",
            "Will Smith",
            "Mr Wills",
            "Hassan",
            "O'Neill",
            "Des Moines Register",
        ] {
            assert_eq!(plausible(name.into()).as_deref(), Some(name));
        }
    }

    #[test]
    fn a_name_never_ends_on_a_function_word_or_a_modifier() {
        assert_eq!(plausible("the doctors and".into()), None);
        assert_eq!(plausible("a spokesman for".into()), None);
        assert_eq!(
            plausible("the men and women".into()).as_deref(),
            Some("the men and women")
        );
        // A hyphenated modifier waits for its noun.
        assert_eq!(plausible("Democratic-led".into()), None);
        assert_eq!(plausible("some London-based".into()), None);
        assert_eq!(
            plausible("The US-led coalition".into()).as_deref(),
            Some("The US-led coalition")
        );
        assert_eq!(
            plausible("Jean-Pierre Raffarin".into()).as_deref(),
            Some("Jean-Pierre Raffarin")
        );
    }

    #[test]
    fn an_indefinite_document_is_no_name() {
        for name in [
            "a Nielsen study",
            "A Nielsen study",
            "a 2014 Pew Research Center survey",
            "a new analysis",
            "a White House statement",
            "an Energy Department analysis released",
            "a statement released by the central government",
            "a report published Tuesday by trade magazine Variety",
            "a document seen by the Associated Press",
            "a legislative staff analysis of Bradley's bill",
            "a message that Tillerson reiterated",
            "a Global Times editorial",
        ] {
            assert!(document_phrase(name), "{name}");
            assert_eq!(plausible(name.to_string()), None, "{name}");
        }
        for name in [
            "a spokesman",
            "a Nielsen spokesman",
            "a poll worker",
            "a spokesman for the study",
            "a Unite spokeswoman",
            "The Columbia Journalism Review",
            "the Washington Post",
            "the report's author",
            "the study authors",
            "the minister",
            "Nielsen",
            "a Study Group member",
            "a",
            "",
        ] {
            assert!(!document_phrase(name), "{name}");
        }
    }

    #[test]
    fn a_definite_document_is_no_name() {
        for name in [
            "the Mueller report",
            "the KCNA report",
            "the ministry's statement",
            "The Fed's statement",
            "the court documents",
            "the studies",
            "the documents obtained by the paper",
        ] {
            assert!(document_phrase(name), "{name}");
        }
    }
}
