//! The one negation rule: which words negate, how far their scope runs, the
//! idioms that do not negate, and what a negated match counts as (the
//! threat/reassurance polarity pair), and the conditions, hopes and
//! questions that leave a reassurance match unasserted. Scoring, voices,
//! positions, coverage and `kwic` all use it.

use crate::model::{REASSURANCE, THREAT};
use crate::text::tokens::{TokenizedDoc, Vocabulary};

/// Threat and reassurance as a polarity pair: a negated reassurance match
/// counts as threat ("not under control", "do not feel safe"), a negated threat match
/// is dropped, and the two compete for one negator. Every other frame stands
/// alone.
///
/// The pair is asymmetric because denying safety asserts danger, while
/// denying a danger word rarely reassures ("wasn't afraid of them", "no
/// victims had come forward", "cannot be won without war"): the denials that
/// do reassure ("no threat to the public", "no one was hurt") are listed as
/// phrases in the reassurance lexicon, where a reader of the evidence can
/// see them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PolarPair {
    /// Index of the threat category, if the run has one.
    pub threat: Option<usize>,
    /// Index of the reassurance category, if the run has one.
    pub reassurance: Option<usize>,
}

impl PolarPair {
    /// Finds the pair among the categories by name ([`THREAT`], [`REASSURANCE`]).
    pub fn of(names: &[String]) -> Self {
        let find = |n: &str| names.iter().position(|x| x == n);
        PolarPair {
            threat: find(THREAT),
            reassurance: find(REASSURANCE),
        }
    }

    /// The category a negated match of `c` counts for: threat for a negated
    /// reassurance match, `None` (not counted) for every other frame,
    /// threat included.
    pub fn flip(&self, c: usize) -> Option<usize> {
        if Some(c) == self.reassurance {
            self.threat
        } else {
            None
        }
    }

    /// Which side of the pair a category is: 0 threat, 1 reassurance.
    pub fn side(&self, c: usize) -> Option<usize> {
        if Some(c) == self.threat {
            Some(0)
        } else if Some(c) == self.reassurance {
            Some(1)
        } else {
            None
        }
    }

    /// The negation group of a category: the pair shares one, every other
    /// frame is a group of its own.
    pub fn group(&self, c: usize) -> usize {
        if Some(c) == self.threat || Some(c) == self.reassurance {
            usize::MAX
        } else {
            c
        }
    }
}

/// Words that negate a following frame match.
pub const NEGATORS: &[&str] = &[
    "no", "not", "never", "without", "nor", "neither", "none", "nothing", "nobody", "nowhere",
    "cannot", "non", "hardly", "barely",
];

/// Default number of words before a match searched for a negator.
pub const DEFAULT_NEGATION_WINDOW: usize = 3;

/// True when a normalised word negates what follows.
pub fn is_negator(w: &str) -> bool {
    NEGATORS.contains(&w) || w.ends_with("n't")
}

/// Word sequences that begin with a negator but do not negate what follows:
/// "no doubt the attack was planned" asserts the attack, "without warning,
/// gunmen attacked" reports it, "not only violent but planned" and "nothing
/// but chaos" intensify. The first word is the negator; the sequence is
/// compared word for word with the article's normalised forms.
///
/// "no longer" is deliberately absent: "no longer safe" and "no longer a
/// threat" are negations of the frame word and are scored as such.
pub const NEGATION_IDIOMS: &[&[&str]] = &[
    &["no", "doubt"],
    &["without", "doubt"],
    &["no", "question"],
    &["without", "question"],
    &["without", "warning"],
    &["not", "only"],
    &["not", "just"],
    &["not", "merely"],
    &["not", "least"],
    &["no", "matter"],
    &["nothing", "but"],
    &["nothing", "short", "of"],
    &["no", "wonder"],
    &["no", "surprise"],
    &["never", "before"],
];

/// Characters that end a clause and with it a negator's scope: "without
/// warning, gunmen attacked" and "no, the attack was real" do not negate
/// "attacked" or "attack". Sentence ends already do, since scopes stay
/// within a sentence. A hyphen counts only with a space on both sides (a
/// dash written " - "), never inside a word such as "no-go".
const CLAUSE_BREAKS: &[char] = &[
    ',', ';', ':', '\u{2014}', '\u{2013}', '(', ')', '[', ']', '\u{2026}',
];

/// Word pairs after which a frame word names the alternative set aside, not
/// what the sentence asserts: "fear rather than reassurance", "anger
/// instead of calm", "far from safe". Such a sentence is not quoted as the
/// article's most threatening or reassuring one (its words still count,
/// as every match does).
pub const CONTRAST_MARKERS: &[[&str; 2]] =
    &[["rather", "than"], ["instead", "of"], ["far", "from"]];

/// True when one of the [`CONTRAST_MARKERS`] ends at most `window` words
/// before word token `first`, in the same sentence.
pub fn after_contrast(doc: &TokenizedDoc, vocab: &Vocabulary, first: usize, window: usize) -> bool {
    let word = |k: usize| vocab.surfaces[doc.tokens[k].surface as usize].as_str();
    let lo = first.saturating_sub(window + 1);
    (lo..first.saturating_sub(1)).any(|s| {
        CONTRAST_MARKERS
            .iter()
            .any(|[a, b]| word(s) == *a && word(s + 1) == *b)
            && doc.same_sentence(s, first)
    })
}

/// How many words before a threat match are searched for a negator that
/// may deny it, when choosing the sentence to quote (see
/// [`denied_in_clause`]): as far as a condition's reach.
pub const DENIAL_WINDOW: usize = CONDITION_WINDOW;

/// True when a negator (not one of the [`NEGATION_IDIOMS`], nor a word of
/// a phrase match, for which `in_phrase` is true: "no one was hurt in the
/// attack" reports an attack) stands at most [`DENIAL_WINDOW`] words before
/// word token `first`, in its sentence and with no clause punctuation
/// between them. A denial can reach further than
/// the negation window ("no one was put at risk", "nobody has been charged
/// with the attack"), so such a sentence is not quoted as the article's most
/// threatening: its match still counts, as the measured scores define it,
/// but a quote should show the frame, not its denial. `text` is the
/// article; without it only the sentence is checked.
pub fn denied_in_clause(
    text: Option<&str>,
    doc: &TokenizedDoc,
    vocab: &Vocabulary,
    first: usize,
    in_phrase: impl Fn(usize) -> bool,
) -> bool {
    word_in_clause(text, doc, first, Side::Before, DENIAL_WINDOW, |k| {
        is_negator(&vocab.surfaces[doc.tokens[k].surface as usize])
            && !starts_idiom(doc, vocab, k)
            && !in_phrase(k)
    })
}

/// Words after which a reassurance match is not asserted: a condition
/// ("if they feel safe", "unless it is contained", "until it is safe to
/// return"), an open question ("whether the water is safe") or a hope or
/// wish ("we hope no one was hurt"). Reassurance tells the reader that a
/// danger is absent, contained or over; a sentence that makes it a
/// condition or a hope does not say so (nor does a question: see
/// [`under_condition`]). Threat is not affected: a danger that might come is
/// still a danger.
pub const CONDITION_MARKERS: &[&str] = &[
    "if",
    "unless",
    "until",
    "whether",
    "hope",
    "hopes",
    "hoped",
    "hoping",
    "hopefully",
    "wish",
    "wishes",
    "wished",
];

/// How many words before a reassurance match are searched for one of the
/// [`CONDITION_MARKERS`], within its clause: a condition's clause runs
/// longer than a negator's reach ("until doctors can get the outbreak under
/// control").
pub const CONDITION_WINDOW: usize = 8;

/// True when one of the [`CONDITION_MARKERS`] stands at most
/// [`CONDITION_WINDOW`] words before word token `first`, in its sentence and
/// with no clause punctuation between them, or when its sentence is a
/// question ("Is the water safe to drink?" asks, it does not tell). `text`
/// is the article; without it neither the clause nor the question mark is
/// checked.
pub fn under_condition(
    text: Option<&str>,
    doc: &TokenizedDoc,
    vocab: &Vocabulary,
    first: usize,
) -> bool {
    if let Some(t) = text {
        let asks = doc
            .sentences
            .get(doc.sentence_of(first))
            .and_then(|&(a, b)| t.get(a..b))
            .is_some_and(|s| {
                s.trim_end_matches(|c: char| {
                    c.is_whitespace() || "\"'\u{201d}\u{2019})".contains(c)
                })
                .ends_with('?')
            });
        if asks {
            return true;
        }
    }
    marker_in_clause(
        text,
        doc,
        vocab,
        first,
        Side::Before,
        CONDITION_WINDOW,
        CONDITION_MARKERS,
    )
}

/// Words that, after a reassurance match in its clause, make the safety
/// wait on something: "safe to return when the environment becomes
/// secure", "safe once the fire is out", "safe if boiled". Such a sentence
/// is not quoted as an article's most reassuring one (its match still
/// counts: "when" is as often a time as a condition).
pub const CONDITION_AFTER_MARKERS: &[&str] = &["if", "unless", "until", "when", "once"];

/// How many words after a reassurance match are searched for one of the
/// [`CONDITION_AFTER_MARKERS`], within its clause: the condition often
/// comes after whom the safety is for ("safe for asylum seekers in
/// Australia to return home when ...").
pub const CONDITION_AFTER_WINDOW: usize = 12;

/// True when one of the [`CONDITION_AFTER_MARKERS`] stands at most
/// [`CONDITION_AFTER_WINDOW`] words after word token `last`, in its sentence
/// and with no clause punctuation between them. `text` is the article;
/// without it the clause is not checked.
pub fn before_condition(
    text: Option<&str>,
    doc: &TokenizedDoc,
    vocab: &Vocabulary,
    last: usize,
) -> bool {
    marker_in_clause(
        text,
        doc,
        vocab,
        last,
        Side::After,
        CONDITION_AFTER_WINDOW,
        CONDITION_AFTER_MARKERS,
    )
}

/// Which way [`word_in_clause`] looks from its word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Before,
    After,
}

/// True when one of `markers` stands at most `window` words before or after
/// word token `at`, in its sentence and with no clause punctuation between
/// them (not checked without `text`, the article).
fn marker_in_clause(
    text: Option<&str>,
    doc: &TokenizedDoc,
    vocab: &Vocabulary,
    at: usize,
    side: Side,
    window: usize,
    markers: &[&str],
) -> bool {
    word_in_clause(text, doc, at, side, window, |k| {
        markers.contains(&vocab.surfaces[doc.tokens[k].surface as usize].as_str())
    })
}

/// True when a word token `k` for which `wanted(k)` holds stands at most
/// `window` words before or after word token `at`, in its sentence and with
/// no clause punctuation between them (not checked without `text`).
fn word_in_clause(
    text: Option<&str>,
    doc: &TokenizedDoc,
    at: usize,
    side: Side,
    window: usize,
    wanted: impl Fn(usize) -> bool,
) -> bool {
    for step in 1..=window {
        let k = match side {
            Side::Before => match at.checked_sub(step) {
                Some(k) => k,
                None => return false,
            },
            Side::After if at + step < doc.tokens.len() => at + step,
            Side::After => return false,
        };
        // The gap between k and its neighbour towards `at`.
        let gap = if side == Side::Before { k } else { k - 1 };
        if !doc.same_sentence(gap, gap + 1) || text.is_some_and(|t| clause_break(t, doc, gap)) {
            return false;
        }
        if wanted(k) {
            return true;
        }
    }
    false
}

/// A match as negation sees it.
#[derive(Debug, Clone, Copy)]
pub struct NegationTarget {
    /// Its first word token.
    pub first: usize,
    /// Its last word token.
    pub last: usize,
    /// Matches of one group compete for a negator: threat and reassurance
    /// form one group (negation moves matches between them), every other
    /// frame is a group of its own.
    pub group: usize,
    /// Its category.
    pub category: usize,
}

/// True when clause punctuation stands between word tokens `a` and `a + 1`.
fn clause_break(text: &str, doc: &TokenizedDoc, a: usize) -> bool {
    let (Some(t), Some(u)) = (doc.tokens.get(a), doc.tokens.get(a + 1)) else {
        return true;
    };
    // The word itself holds none of these characters, so scanning from its
    // start finds only what lies between the two words.
    let gap = text.get(t.start as usize..u.start as usize).unwrap_or("");
    gap.contains(CLAUSE_BREAKS) || gap.contains(" - ")
}

/// True when the negator at token `j` starts one of the [`NEGATION_IDIOMS`].
fn starts_idiom(doc: &TokenizedDoc, vocab: &Vocabulary, j: usize) -> bool {
    let toks = &doc.tokens;
    let word = |k: usize| vocab.surfaces[toks[k].surface as usize].as_str();
    NEGATION_IDIOMS.iter().any(|idiom| {
        j + idiom.len() <= toks.len()
            && doc.same_sentence(j, j + idiom.len() - 1)
            && idiom.iter().enumerate().all(|(k, w)| word(j + k) == *w)
    })
}

/// Whether token `j` is a negator that negates: not the start of one of the
/// [`NEGATION_IDIOMS`]. The first word of a gap ("are not all safe" for
/// `are ... safe`) negates the whole gapped match when it is one.
pub fn denies_at(doc: &TokenizedDoc, vocab: &Vocabulary, negator: &[bool], j: usize) -> bool {
    negator[doc.tokens[j].surface as usize] && !starts_idiom(doc, vocab, j)
}

/// Whether token `j` starts one of the [`NEGATION_IDIOMS`] ("no matter",
/// "not only"): a gapped entry that begins with a negator (`no ... were
/// hurt`) does not match there, as "no matter how many were hurt" denies
/// nothing.
pub fn starts_negation_idiom(doc: &TokenizedDoc, vocab: &Vocabulary, j: usize) -> bool {
    starts_idiom(doc, vocab, j)
}

/// Which negator, if any, negates each of `targets` (sorted by first token).
///
/// A negator (a word flagged in `negator`, indexed by word-form id) that is
/// neither inside a phrase match (`blocked`) nor the start of one of the
/// [`NEGATION_IDIOMS`] has a scope: the next `window` words, cut at the end
/// of its sentence and at clause punctuation ([`CLAUSE_BREAKS`]). In each
/// group it negates the first match in its scope and every later match in
/// the scope from the same category: "not dangerous or violent", "could not
/// guarantee the safety" and "no risk of death" are negated whole, but in
/// "did not protect the victims" only "protect" is, because a match from
/// the other list after the negated one is usually its object, not part of
/// what is denied. A match of the same category right after a negated one,
/// with no word or clause punctuation between, is negated too, even past
/// the scope: the two are one noun phrase ("had not issued any flood
/// warnings", "no terror attack"). When two negators reach a match, the
/// nearer one counts.
pub fn negations(
    text: Option<&str>,
    doc: &TokenizedDoc,
    vocab: &Vocabulary,
    negator: &[bool],
    window: usize,
    targets: &[NegationTarget],
    blocked: &[bool],
) -> Vec<Option<usize>> {
    debug_assert!(targets.windows(2).all(|w| w[0].first <= w[1].first));
    let toks = &doc.tokens;
    let mut out = vec![None; targets.len()];
    let mut next = 0;
    let mut chosen: Vec<(usize, usize)> = Vec::new();
    for j in 0..toks.len() {
        if !negator[toks[j].surface as usize]
            || blocked.get(j).copied().unwrap_or(false)
            || starts_idiom(doc, vocab, j)
        {
            continue;
        }
        let mut end = j;
        let bound = doc.next_sentence_start(doc.sentence_of(j));
        while end + 1 < toks.len()
            && end + 1 - j <= window
            && (toks[end + 1].start as usize) < bound
            && !text.is_some_and(|t| clause_break(t, doc, end))
        {
            end += 1;
        }
        while next < targets.len() && targets[next].first <= j {
            next += 1;
        }
        chosen.clear();
        let mut last_negated: Option<usize> = None;
        for (k, t) in targets.iter().enumerate().skip(next) {
            let joined = last_negated.is_some_and(|p: usize| {
                let before = &targets[p];
                t.first == before.last + 1
                    && t.category == before.category
                    && doc.same_sentence(before.last, t.first)
                    && !text.is_some_and(|x| clause_break(x, doc, before.last))
            });
            if t.first > end && !joined {
                break;
            }
            match chosen.iter().find(|(g, _)| *g == t.group) {
                Some(&(_, c)) if c != t.category => {}
                Some(_) => {
                    out[k] = Some(j);
                    last_negated = Some(k);
                }
                None => {
                    chosen.push((t.group, t.category));
                    out[k] = Some(j);
                    last_negated = Some(k);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negated_reassurance_flips_to_threat_and_the_rest_is_dropped() {
        let names: Vec<String> = ["conflict", REASSURANCE, THREAT].map(String::from).to_vec();
        let p = PolarPair::of(&names);
        assert_eq!((p.threat, p.reassurance), (Some(2), Some(1)));
        assert_eq!(p.flip(2), None, "a negated threat word is not counted");
        assert_eq!(p.flip(1), Some(2), "a negated reassurance word is threat");
        assert_eq!(p.flip(0), None);
        assert_eq!(p.group(1), p.group(2));
        assert_ne!(p.group(0), p.group(1));
        let lone = PolarPair::of(&[THREAT.to_string()]);
        assert_eq!(lone.flip(0), None);
    }

    #[test]
    fn negators_include_contractions() {
        assert!(is_negator("not") && is_negator("isn't") && !is_negator("note"));
    }

    #[test]
    fn a_denial_reaches_to_its_clause_start_within_its_window() {
        use crate::input::Document;
        use crate::model::language::Language;
        use crate::text::filters::StopWords;
        // Whether the last `word` of `text` is denied, with the text or without.
        let denied = |text: &str, word: &str, with_text: bool| -> bool {
            let en = Language::english();
            let docs = vec![Document {
                text: text.into(),
                ..Default::default()
            }];
            let stop = StopWords::new(en.stop_words());
            let tc = crate::text::tokens::tokenize_corpus(&docs, &en, &stop);
            let d = &tc.docs[0];
            let at = (0..d.tokens.len())
                .rfind(|&k| tc.vocab.surfaces[d.tokens[k].surface as usize] == word)
                .expect("word in text");
            denied_in_clause(with_text.then_some(text), d, &tc.vocab, at, |_| false)
        };
        assert!(denied("Nobody was put at risk.", "risk", true));
        assert!(denied(
            "Police have not yet charged anyone with the attack.",
            "attack",
            true
        ));
        // Past the window, across a comma or a sentence end, or an idiom.
        let far = "No one in the whole town was put at any risk of an attack.";
        assert!(!denied(far, "attack", true));
        let comma = "No one was hurt, but the attack was violent.";
        assert!(!denied(comma, "attack", true));
        assert!(!denied(
            "Nobody came. The attack was violent.",
            "attack",
            true
        ));
        assert!(!denied("No doubt the attack was planned.", "attack", true));
        // Without the text only the sentence bounds it.
        assert!(denied(comma, "attack", false));
    }
}
