//! Pronoun speakers: the name that "he", "she" or "they" before or after a
//! quote stands for. A pronoun takes the most recent name before it (the
//! speaker of the last attributed quote, or a name before a speech verb in
//! the narration), and only when that name is near ([`chained`]) and does
//! not contradict the pronoun ([`agrees`]); otherwise the quote stays
//! unattributed. Reaching further back for an older name was wrong more
//! often than right: the pronoun then mostly stands for someone the
//! narration introduced without a speech verb ("Among the critics is the
//! club's chief executive, Hans Roth."), whom attribution does not see.

use super::context_words::time_word;
use super::words::{BARE_SPEAKERS, BODY_NOUNS, FEMALE_WORDS, MALE_WORDS, PERSON_NOUNS, TITLES};

/// A name a later pronoun may stand for, with the byte offset where the
/// text last referred to it.
pub(super) type Antecedent = (usize, String);

/// An article as the pronoun rule reads it: its text, its sentence spans
/// and the text spans of its quotes.
pub(super) struct Article<'a> {
    pub(super) text: &'a str,
    pub(super) sentences: &'a [(usize, usize)],
    pub(super) quotes: &'a [(usize, usize)],
}

/// At most this many sentences between a pronoun's sentence and the one
/// where its name was last referred to.
const MAX_SENTENCES: usize = 1;

/// Sentences between a name and its pronoun that [`chained`] reads at most:
/// beyond them the name is too far back to trust.
const MAX_CHAIN: usize = 20;

/// The name that `pronoun`, in a sentence starting at byte `from`, stands
/// for: the more recent of `last` (the speaker of the latest attributed
/// quote, at the quote's end) and `mention` (the latest name before a
/// speech verb in the narration), if it is near ([`chained`]) and agrees
/// with the pronoun ([`agrees`]).
pub(super) fn antecedent(
    article: &Article,
    pronoun: &str,
    from: usize,
    last: Option<&Antecedent>,
    mention: Option<&Antecedent>,
) -> Option<String> {
    let nearest = match (last, mention) {
        (Some(l), Some(m)) if m.0 > l.0 => m,
        (Some(x), _) | (None, Some(x)) => x,
        (None, None) => return None,
    };
    let near = chained(article, pronoun, nearest, from);
    (near && agrees(pronoun, &nearest.1)).then(|| nearest.1.clone())
}

/// Whether the sentence starting at `from` is at most [`MAX_SENTENCES`]
/// after the last reference to `name`: the sentence that names it, or a
/// later one whose narration holds a word of the name ([`name_words`]),
/// the pronoun or its other forms ("him", "his"). A sentence in between
/// that holds neither breaks the chain if it may name someone else (a
/// capitalised word after its first: "Ms Roy disagrees."); one that names
/// no one ("Prices rose on Monday.") or is all quote does not.
fn chained(article: &Article, pronoun: &str, (at, name): &Antecedent, from: usize) -> bool {
    let sentence = |i: usize| article.sentences.partition_point(|&(a, _)| a <= i);
    // 1-based: the sentences `first` and `last` are at `first - 1` and `last - 1`.
    let (first, last) = (sentence(*at), sentence(from));
    if last <= first + MAX_SENTENCES {
        return true;
    }
    let names = name_words(name);
    let forms = pronoun_forms(pronoun);
    let of = |k: usize| reference(article, article.sentences[k], &names, forms);
    // The pronoun's own sentence may name the person ("Mr Li joked that he ...").
    if of(last - 1) == Reference::Name {
        return true;
    }
    for k in (first..last - 1).rev().take(MAX_CHAIN) {
        match of(k) {
            Reference::Name => return true,
            Reference::Pronoun | Reference::Plain | Reference::NoNarration => {}
            Reference::Other => return false,
        }
    }
    last - 1 - first <= MAX_CHAIN
}

/// The words of `name` that refer to it on their own: the capitalised
/// words after its last title or person noun ("Li" and "Wei" of "Trade
/// Minister Li Wei", as either may be the family name), or else its last
/// word ("spokesman" of "the spokesman"). Possessives ("Russia's") describe
/// someone else.
pub(super) fn name_words(name: &str) -> Vec<&str> {
    let ws: Vec<&str> = name.split(' ').collect();
    let titled = |w: &&str| {
        let l = w.trim_end_matches('.').to_lowercase();
        TITLES.contains(&l.as_str()) || PERSON_NOUNS.contains(&l.as_str())
    };
    let after = ws.iter().rposition(titled).map_or(0, |i| i + 1);
    let words: Vec<&str> = ws[after..]
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphanumeric))
        .copied()
        .collect();
    if words.is_empty() {
        ws.last().copied().into_iter().collect()
    } else {
        words
    }
}

/// The forms of a pronoun that refer to the same person or group.
fn pronoun_forms(pronoun: &str) -> &'static [&'static str] {
    match pronoun.to_lowercase().as_str() {
        "he" => &["he", "him", "his", "himself"],
        "she" => &["she", "her", "hers", "herself"],
        "they" => &["they", "them", "their", "themselves"],
        _ => &[],
    }
}

/// What the narration of a sentence (outside quotes) holds of a name.
#[derive(Debug, PartialEq, Eq)]
enum Reference {
    /// A word of the name.
    Name,
    /// A form of the pronoun.
    Pronoun,
    /// Neither, and no capitalised word after the first either, so no
    /// other name ("Only 20 percent were against.").
    Plain,
    /// A capitalised word after the first: maybe someone else ("Ms Roy
    /// disagrees.", "Lead author Nick Mortimer said ...").
    Other,
    /// No words: the sentence is all quote.
    NoNarration,
}

/// What the narration of the sentence `(a, b)` holds: one of `names` or
/// of `forms` as a word of its own (ignoring case), another capitalised
/// word after its first word (not a day or month), other words, or none.
fn reference(
    article: &Article,
    (a, b): (usize, usize),
    names: &[&str],
    forms: &[&str],
) -> Reference {
    let in_quote = |i: usize| {
        let k = article.quotes.partition_point(|&(x, _)| x <= i);
        k > 0 && i < article.quotes[k - 1].1
    };
    let s = &article.text[a..b];
    let mut found = Reference::NoNarration;
    let mut first = true;
    let mut start = None;
    for (i, c) in s.char_indices().chain([(s.len(), ' ')]) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(x)) => {
                start = None;
                if in_quote(a + x) {
                    continue;
                }
                let w = &s[x..i];
                if names.iter().any(|n| n.eq_ignore_ascii_case(w)) {
                    return Reference::Name;
                }
                let capital = !first && w.starts_with(char::is_uppercase) && !time_word(w);
                first = false;
                if forms.iter().any(|f| f.eq_ignore_ascii_case(w)) {
                    found = Reference::Pronoun;
                } else if capital && found != Reference::Pronoun {
                    found = Reference::Other;
                } else if found == Reference::NoNarration {
                    found = Reference::Plain;
                }
            }
            _ => {}
        }
    }
    found
}

/// Whether `name` can be what `pronoun` stands for: "they" only a plural
/// ("officials", "the researchers", "Ms Roy and Mr Li"); "he" and "she" no
/// plural noun, no body ("the ministry") and no person of the other sex
/// ("Ms Roy", "a spokesman"). A name that says neither sex nor number
/// ("Roy") agrees with "he" and "she"; the narrator ("I", "we") with none.
fn agrees(pronoun: &str, name: &str) -> bool {
    let words: Vec<String> = name
        .split(' ')
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if matches!(words.as_slice(), [w] if w == "i" || w == "we") {
        return false;
    }
    let plural = plural_name(name);
    // "Ms Roy and Mr Li" are two, but "the Industry and Trade Minister" is one.
    let and = words.iter().any(|w| w == "and");
    let body = words
        .last()
        .is_some_and(|w| BODY_NOUNS.contains(&w.as_str()));
    match pronoun.to_lowercase().as_str() {
        "they" => plural || and,
        "he" => !plural && !body && !has(FEMALE_WORDS),
        "she" => !plural && !body && !has(MALE_WORDS),
        _ => false,
    }
}

/// Whether `name` holds a plural noun for people ([`plural_noun`]): a
/// lower-case word ("the officials"), or its first word before a
/// lower-case one or alone ("Lawyers for the city", "Critics"). The other
/// capitalised words are a proper name ("Sebastian Sons", "the Department
/// of Health and Human Services").
fn plural_name(name: &str) -> bool {
    let ws: Vec<&str> = name.split(' ').collect();
    let lower = |w: &str| !w.starts_with(char::is_uppercase);
    let first = ws
        .first()
        .is_some_and(|w| plural_noun(&w.to_lowercase()) && ws.get(1).is_none_or(|n| lower(n)));
    first || ws.iter().any(|w| lower(w) && plural_noun(w))
}

/// Whether the lower-case word `w` is a plural noun for people: one of the
/// [`BARE_SPEAKERS`], or a [`PERSON_NOUNS`] word with an "s" ("lawyers").
fn plural_noun(w: &str) -> bool {
    const PLURALS: &[&str] = &["people", "men", "women", "spokesmen", "spokeswomen"];
    BARE_SPEAKERS.contains(&w)
        || PLURALS.contains(&w)
        || w.strip_suffix('s')
            .is_some_and(|x| x.len() > 2 && PERSON_NOUNS.contains(&x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pronoun_agrees_in_sex_and_number() {
        for name in ["Roy", "Ms Roy", "Mrs. Roy", "a spokeswoman", "Lady Hale"] {
            assert!(agrees("she", name), "{name}");
            assert!(!agrees("they", name), "{name}");
        }
        for name in ["Mr Li", "Sir Ian Li", "the spokesman", "Ms Roy"] {
            assert_eq!(agrees("he", name), name != "Ms Roy", "{name}");
        }
        assert!(agrees("he", "the Industry and Trade Minister Ivan Li"));
        assert!(agrees("he", "Sebastian Sons"));
        assert!(agrees(
            "he",
            "Secretary of Health and Human Services Tom Roe"
        ));
        assert!(agrees("they", "Critics"));
        assert!(agrees("they", "Ms Roy and Mr Li"));
        for name in ["officials", "the researchers", "Lawyers for the city"] {
            assert!(agrees("they", name), "{name}");
            assert!(!agrees("he", name), "{name}");
        }
        for name in ["the ministry", "the Libyan Interior Ministry", "I", "we"] {
            assert!(!agrees("he", name) && !agrees("she", name), "{name}");
        }
        assert!(!agrees("she", "Mr Li"));
        assert!(!agrees("they", "Mr Li"));
    }

    #[test]
    fn only_the_nearest_name_and_only_when_near() {
        let text = "Ms Roy spoke. Mr Li spoke. Prices rose in Paris. He left.";
        let sentences = crate::text::sentences::sentence_spans(text);
        let article = Article {
            text,
            sentences: &sentences,
            quotes: &[],
        };
        let roy = (0, "Ms Roy".to_string());
        let li = (14, "Mr Li".to_string());
        let (third, fourth) = (27, 49);
        // The nearest name, in the sentence before.
        let who = |p, at, l: Option<&Antecedent>, m: Option<&Antecedent>| {
            antecedent(&article, p, at, l, m)
        };
        assert_eq!(
            who("he", third, Some(&roy), Some(&li)),
            Some("Mr Li".into())
        );
        // A contradicted nearest name is not passed over for an older one.
        assert_eq!(who("she", third, Some(&roy), Some(&li)), None);
        // Two sentences back is too far.
        assert_eq!(who("he", fourth, None, Some(&li)), None);
        assert_eq!(who("she", 14, Some(&roy), None), Some("Ms Roy".into()));
        assert_eq!(who("she", 14, None, None), None);
    }

    #[test]
    fn a_name_is_referred_to_by_its_words_after_the_title() {
        assert_eq!(name_words("Trade Minister Li Wei"), ["Li", "Wei"]);
        assert_eq!(
            name_words("Russia's Industry Minister Ivan Li"),
            ["Ivan", "Li"]
        );
        assert_eq!(name_words("Mr. Li"), ["Li"]);
        assert_eq!(name_words("the spokesman"), ["spokesman"]);
        assert_eq!(name_words("Roy"), ["Roy"]);
    }

    #[test]
    fn sentences_about_the_same_person_keep_the_name_near() {
        let text = "Mr Li spoke. He said more. Later Li left. He spoke. Ms Roy came. He sat.";
        let sentences = crate::text::sentences::sentence_spans(text);
        let article = Article {
            text,
            sentences: &sentences,
            quotes: &[],
        };
        let li = (0, "Mr Li".to_string());
        let at = |s: &str| text.find(s).unwrap();
        assert!(chained(&article, "he", &li, at("He spoke")));
        assert!(chained(&article, "he", &li, at("Ms Roy")));
        // "Ms Roy came." may be about someone else.
        assert!(!chained(&article, "he", &li, at("He sat")));
        let text = "Mr Li spoke. Prices rose on Monday. He sat. Prices fell in Paris. He sat.";
        let sentences = crate::text::sentences::sentence_spans(text);
        let article = Article {
            text,
            sentences: &sentences,
            quotes: &[],
        };
        assert!(chained(&article, "he", &li, text.find("He sat").unwrap()));
        assert!(!chained(&article, "he", &li, text.rfind("He sat").unwrap()));
        // The name anchors the chain again; so does its sentence's own mention.
        let text = "Mr Li spoke. Ms Roy came. Li left. His car. \u{201c}Yes.\u{201d} He sat.";
        let sentences = crate::text::sentences::sentence_spans(text);
        let quotes = [(
            text.find("Yes").unwrap(),
            text.find(".\u{201d}").unwrap() + 1,
        )];
        let article = Article {
            text,
            sentences: &sentences,
            quotes: &quotes,
        };
        assert!(chained(&article, "he", &li, text.find("He sat").unwrap()));
        assert!(chained(&article, "he", &li, text.find("Li left").unwrap()));
        // A pronoun inside a quote is no reference.
        let text = "Mr Li spoke. Ms Roy said \u{201c}he left\u{201d}. He sat.";
        let sentences = crate::text::sentences::sentence_spans(text);
        let open = text.find('\u{201c}').unwrap();
        let quotes = [(open + 3, text.find('\u{201d}').unwrap())];
        let article = Article {
            text,
            sentences: &sentences,
            quotes: &quotes,
        };
        assert!(!chained(&article, "he", &li, text.find("He sat").unwrap()));
    }
}
