//! Lexicon scoring: frame hits with negation, sentence sentiment, and the
//! evidence behind every score.
//!
//! Matching, per word token (stop words included):
//! * a **phrase** entry matches a run of tokens whose stems equal the entry's
//!   stems ("no-go area" matches "no-go areas"), within one sentence;
//! * a **plain word** entry matches every token with the same Snowball stem;
//! * a **prefix** entry (`threat*`) matches every token whose normalised form
//!   starts with the prefix.
//!
//! A token inside a phrase match is not counted again as a single word of the
//! same frame (for threat and reassurance, of either of the two), so "no cause
//! for alarm" is one reassurance hit, not also a threat hit for "alarm".
//!
//! Negation (see [`negations`]): one of the [`NEGATORS`] (or a word ending
//! in "n't") that is not inside a phrase match and does not start one of the
//! [`NEGATION_IDIOMS`] ("no doubt", "without warning") has a scope of the
//! next `negation_window` words, cut at the sentence end and at clause
//! punctuation (`, ; : — –`, brackets). In each frame it negates the first
//! match in its scope and later matches in the scope from the same list. A
//! negated reassurance match counts as threat ("not safe"); a negated match
//! of any other frame, threat included, is not counted (the reassuring
//! denials, "no threat to the public", are phrases of the reassurance list).
//!
//! Per article and frame: hits (sum of entry weights), hits per 1,000 words,
//! and share of the article's frame hits. threat_balance =
//! (threat - reassurance) / (threat + reassurance) on the per-1,000 scores.

pub mod frames;
pub mod marks;
pub mod matcher;
pub mod negation;
pub mod parts;
pub mod positions;
pub mod sentiment;
pub mod voices;

use crate::input::Document;
use crate::lexicon::Lexicon;
use crate::model::language::Language;
use crate::model::{PositionScore, QuoteInfo, VoiceScore};
use crate::text::tokens::TokenizedCorpus;
pub use frames::{DocScores, Scan};
pub use matcher::{FrameScorer, SpanMatch};
pub use negation::{
    is_negator, negations, NegationTarget, PolarPair, CONDITION_WINDOW, DEFAULT_NEGATION_WINDOW,
    NEGATION_IDIOMS, NEGATORS,
};
pub use parts::PartScore;
use rayon::prelude::*;
use sentiment::SentimentAnalyzer;

/// Everything the scoring stage computes, one entry per article in corpus
/// order: what [`FrameScorer::score`], [`crate::scoring::voices::score_corpus`] and
/// [`crate::scoring::positions::score_corpus`] return, with the same values.
#[derive(Debug, Clone, Default)]
pub struct CorpusScores {
    /// Frame scores, sentiment and sentences of each article.
    pub articles: Vec<DocScores>,
    /// Voices and quotes of each article.
    pub voices: Vec<(Vec<VoiceScore>, Vec<QuoteInfo>)>,
    /// Headline, lead and body scores of each article.
    pub positions: Vec<Vec<PositionScore>>,
}

/// Scores every article, its voices and its positions in one pass over the
/// corpus: each article's matches, negations and sentence sentiment are
/// computed once ([`FrameScorer::score_scan`]) and handed to the voice and
/// position scoring, instead of three passes that each match the article
/// and run VADER over all its sentences again. Each article is finished
/// while its text and tokens are still in cache.
pub fn score_corpus(
    docs: &[Document],
    tc: &TokenizedCorpus,
    scorer: &FrameScorer,
    senti: &SentimentAnalyzer,
    lexicons: &[Lexicon],
    lang: &Language,
) -> CorpusScores {
    score_corpus_ticking(docs, tc, scorer, senti, lexicons, lang, &|_| {})
}

/// [`score_corpus`], calling `done` with each article's sentences once it
/// is scored (for the progress of a run).
pub fn score_corpus_ticking(
    docs: &[Document],
    tc: &TokenizedCorpus,
    scorer: &FrameScorer,
    senti: &SentimentAnalyzer,
    lexicons: &[Lexicon],
    lang: &Language,
    done: &(dyn Fn(u64) + Sync),
) -> CorpusScores {
    let heads = crate::scoring::positions::Headlines::new(docs, tc, lexicons, lang);
    let (articles, (voices, positions)) = docs
        .par_iter()
        .zip(tc.docs.par_iter())
        .enumerate()
        .map(|(i, (d, td))| {
            let (scores, scan) = scorer.score_scan(&d.text, td, &tc.vocab, senti);
            let v = voices::score_article(&d.text, td, scorer, senti, &scan);
            let p = heads.score_article(i, &d.text, td, scorer, senti, &scan);
            done(td.sentences.len() as u64);
            (scores, (v, p))
        })
        .unzip();
    CorpusScores {
        articles,
        voices,
        positions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::input::Document;
    use crate::text::filters::StopWords;
    use crate::text::tokens::tokenize_corpus;

    fn lex(name: &str, entries: &str) -> Lexicon {
        let text = format!("# description: test list\n{entries}");
        crate::lexicon::parse(&text, &format!("{name}.txt"), name).expect("test lexicon parses")
    }

    fn lexicons() -> Vec<Lexicon> {
        vec![
            lex(
                "threat",
                "attack\ndanger\nviolent\nthreat*\nalarm\nfear\nknife crime\nvictim\ndeath\nrisk\n",
            ),
            lex(
                "reassurance",
                "safe\ncalm\nreassure\nreassurance\nno cause for alarm\nsafety\nprotect\nguarantee\n",
            ),
            lex("conflict", "clash\nrow 2\n"),
        ]
    }

    /// `text` as a tokenised one-article corpus (English, NLTK stop words).
    fn one_article(text: &str) -> TokenizedCorpus {
        let docs = vec![Document {
            text: text.into(),
            ..Default::default()
        }];
        let en = Language::english();
        tokenize_corpus(&docs, &en, &StopWords::new(en.stop_words()))
    }

    fn score_text(text: &str) -> DocScores {
        let en = Language::english();
        let tc = one_article(text);
        let scorer = FrameScorer::new(&lexicons(), &tc.vocab, &en, DEFAULT_NEGATION_WINDOW);
        let senti = SentimentAnalyzer::new(crate::scoring::sentiment::SentimentLexicon::builtin());
        scorer.score(text, &tc.docs[0], &tc.vocab, &senti)
    }

    #[test]
    fn a_contrasted_frame_word_is_counted_but_never_quoted() {
        let s = score_text("It will inspire fear rather than reassurance. Nobody called.");
        // Both words count...
        assert_eq!(hits(&s).0, 1.0);
        assert_eq!(hits(&s).1, 1.0);
        // ...but the sentence does not reassure, so it is not quoted as such.
        assert!(s.most_reassuring.is_none(), "{:?}", s.most_reassuring);
        assert_eq!(s.most_threatening.as_ref().map(|r| r.sentence_no), Some(1));
        let s = score_text("The town was far from calm. Later the town was calm again.");
        assert_eq!(s.most_reassuring.as_ref().map(|r| r.sentence_no), Some(2));
        let s = score_text("Calm returned rather quickly, then people felt safe.");
        assert_eq!(s.most_reassuring.as_ref().map(|r| r.sentence_no), Some(1));
    }

    /// Sentences with as many hits are told apart by what a reader sees:
    /// more distinct lexicon entries (several words of the frame, not one
    /// repeated), then more hits per word, and only then the text order.
    #[test]
    fn tied_sentences_go_to_more_entries_then_density_then_order() {
        let s = score_text("The attack was another attack. Residents fear an attack.");
        assert_eq!(hits(&s).0, 4.0);
        assert_eq!(s.most_threatening.as_ref().map(|r| r.sentence_no), Some(2));
        let s = score_text(
            "There was an attack near the old market square late yesterday. Danger remained.",
        );
        assert_eq!(s.most_threatening.as_ref().map(|r| r.sentence_no), Some(2));
        let s = score_text("An attack came quickly. A danger grew slowly.");
        assert_eq!(s.most_threatening.as_ref().map(|r| r.sentence_no), Some(1));
    }

    /// From a student's review: a link to another story left in the text
    /// ("READ MORE: <its headline>" glued to the next sentence) was quoted
    /// as the article's most threatening sentence.
    #[test]
    fn a_sentence_holding_a_teaser_is_quoted_only_without_another() {
        let s = score_text(
            "READ MORE: Bombing kills dozens in attack on market Rescuers said the area was calm. \
             Residents fear another attack.",
        );
        assert_eq!(s.most_threatening.as_ref().map(|r| r.sentence_no), Some(2));
        let s = score_text("READ MORE: Bombing kills dozens in attack on market Rescuers came.");
        assert_eq!(s.most_threatening.as_ref().map(|r| r.sentence_no), Some(1));
    }

    #[test]
    fn a_threat_denied_beyond_the_negation_window_is_counted_but_not_quoted() {
        // "Nobody" is four words before "risk" and seven before "attack": past
        // the window, so both count, but the sentence denies them.
        let s = score_text("Nobody was put at risk of an attack. Residents fear a violent attack.");
        assert_eq!(hits(&s).0, 5.0);
        assert_eq!(s.most_threatening.as_ref().map(|r| r.sentence_no), Some(2));
        // Alone, the denial is not quoted at all.
        let s = score_text("Nobody was put at risk of an attack.");
        assert!(s.most_threatening.is_none(), "{:?}", s.most_threatening);
        // A clause break ends the denial's reach, and an idiom is no denial.
        for text in [
            "No one was hurt, but the attack was violent.",
            "No doubt the town was at risk of an attack.",
        ] {
            let s = score_text(text);
            assert_eq!(
                s.most_threatening.as_ref().map(|r| r.sentence_no),
                Some(1),
                "{text}"
            );
        }
        // A negator inside a phrase match denies nothing after it.
        let s = score_text("There is no cause for alarm after the attack.");
        assert_eq!(s.most_threatening.as_ref().map(|r| r.sentence_no), Some(1));
        // A negated reassurance word is threat, quoted as such.
        let s = score_text("The town is not safe.");
        assert_eq!(s.most_threatening.as_ref().map(|r| r.sentence_no), Some(1));
    }

    #[test]
    fn reassurance_waiting_on_a_condition_is_counted_but_not_quoted() {
        let s = score_text(
            "It should be safe to return when the fire is out. Later the town was calm again.",
        );
        assert_eq!(hits(&s).1, 2.0);
        assert_eq!(s.most_reassuring.as_ref().map(|r| r.sentence_no), Some(2));
        // A clause break ends the condition's reach.
        let s = score_text("The town was calm again, when we arrived on Monday.");
        assert_eq!(s.most_reassuring.as_ref().map(|r| r.sentence_no), Some(1));
        let s = score_text("It will be safe to return once the fire is out.");
        assert!(s.most_reassuring.is_none(), "{:?}", s.most_reassuring);
    }

    fn hits(s: &DocScores) -> (f64, f64, f64) {
        (s.frames[0].hits, s.frames[1].hits, s.frames[2].hits)
    }

    #[test]
    fn words_match_by_stem_prefixes_by_surface() {
        assert_eq!(
            hits(&score_text("Gangs attacked him. More attacks followed.")),
            (2.0, 0.0, 0.0)
        );
        assert_eq!(
            hits(&score_text("A threatening letter and new threats.")),
            (2.0, 0.0, 0.0)
        );
    }

    #[test]
    fn phrases_match_stem_sequences_and_cover_their_words() {
        // "no cause for alarm" is one reassurance hit; "alarm" inside it is neither
        // a threat hit nor negated into another reassurance hit.
        assert_eq!(
            hits(&score_text("Police said there was no cause for alarm.")),
            (0.0, 1.0, 0.0)
        );
        assert_eq!(hits(&score_text("Knife crimes rose.")), (1.0, 0.0, 0.0));
        // Not across a sentence break.
        assert_eq!(
            hits(&score_text("He dropped the knife. Crime fell.")),
            (0.0, 0.0, 0.0)
        );
    }

    #[test]
    fn negated_threat_is_dropped_and_negated_reassurance_is_threat() {
        // A denial of danger reassures only as a listed phrase, not by negation.
        assert_eq!(
            hits(&score_text("There is no threat to the public.")),
            (0.0, 0.0, 0.0)
        );
        let s = score_text("The streets are not safe at night.");
        assert_eq!(hits(&s), (1.0, 0.0, 0.0));
        assert_eq!(s.frames[0].evidence[0].term, "not safe");
        assert_eq!(s.frames[0].evidence[0].entry, "negated: safe");
        assert_eq!(
            hits(&score_text("The protest was never violent.")),
            (0.0, 0.0, 0.0)
        );
        assert_eq!(
            hits(&score_text(
                "It isn't dangerous, and they don't feel any danger."
            )),
            (0.0, 0.0, 0.0)
        );
    }

    #[test]
    fn negation_of_other_frames_drops_the_hit() {
        assert_eq!(hits(&score_text("There was no clash.")), (0.0, 0.0, 0.0));
        assert_eq!(hits(&score_text("A bitter clash.")), (0.0, 0.0, 1.0));
    }

    #[test]
    fn negation_has_a_window_and_stops_at_sentence_ends() {
        // "not" is four words before "danger": outside the three-word window.
        assert_eq!(
            hits(&score_text("It is not the case that danger grew.")),
            (1.0, 0.0, 0.0)
        );
        // A negator in the previous sentence does not reach.
        assert_eq!(hits(&score_text("No. Danger grew.")), (1.0, 0.0, 0.0));
        // "not only" is not a negation.
        assert_eq!(
            hits(&score_text("It was not only violent but planned.")),
            (1.0, 0.0, 0.0)
        );
    }

    #[test]
    fn a_match_joined_to_a_negated_one_is_negated_past_the_window() {
        // "fear" is the third word after "not" and negated; "threat" right
        // after it is the fourth, outside the window, but the two are one
        // noun phrase.
        assert_eq!(
            hits(&score_text("They had not issued any fear threat notices.")),
            (0.0, 0.0, 0.0)
        );
        // A word between them breaks the phrase.
        assert_eq!(
            hits(&score_text(
                "They had not issued any fear or threat notices."
            )),
            (1.0, 0.0, 0.0)
        );
        // So does clause punctuation.
        assert_eq!(
            hits(&score_text(
                "They had not issued any fear, threat notices came later."
            )),
            (1.0, 0.0, 0.0)
        );
        // The other list is not joined: a reassurance word after a negated
        // threat word counts.
        assert_eq!(
            hits(&score_text("They had not issued any fear calm notices.")),
            (0.0, 1.0, 0.0)
        );
    }

    #[test]
    fn negation_stops_at_clause_punctuation() {
        // The negator answers or qualifies something else; the frame word
        // stands in the next clause.
        assert_eq!(
            hits(&score_text("No, the attack was real.")),
            (1.0, 0.0, 0.0)
        );
        assert_eq!(
            hits(&score_text("Not now; danger is everywhere.")),
            (1.0, 0.0, 0.0)
        );
        assert_eq!(
            hits(&score_text(
                "He said never \u{2014} the attack was planned."
            )),
            (1.0, 0.0, 0.0)
        );
        assert_eq!(
            hits(&score_text("Not at first - then violent crowds came.")),
            (1.0, 0.0, 0.0)
        );
        // Without punctuation the same words are negated, and a hyphen
        // inside a word is not a break.
        assert_eq!(hits(&score_text("No attack was real.")), (0.0, 0.0, 0.0));
        assert_eq!(hits(&score_text("No well-known danger.")), (0.0, 0.0, 0.0));
    }

    #[test]
    fn negation_idioms_do_not_negate() {
        for s in [
            "There is no doubt the attack was deliberate.",
            "Without warning the attack began.",
            "It was not only violent but planned.",
            "No matter the danger they stayed.",
            "It was nothing but violent.",
            "It was nothing short of violent.",
            "No wonder people fear it.",
        ] {
            assert_eq!(hits(&score_text(s)), (1.0, 0.0, 0.0), "{s}");
        }
        // "no longer" is a real negation.
        assert_eq!(
            hits(&score_text("The area is no longer safe.")),
            (1.0, 0.0, 0.0)
        );
        assert_eq!(
            hits(&score_text("He is no longer a threat.")),
            (0.0, 0.0, 0.0)
        );
    }

    #[test]
    fn a_negator_negates_the_first_match_and_its_own_list_only() {
        // The victims are not denied: only "protect" is.
        assert_eq!(
            hits(&score_text("The police did not protect the victims.")),
            (2.0, 0.0, 0.0)
        );
        // Later matches from the same list as the first are negated with it.
        assert_eq!(
            hits(&score_text(
                "They could not guarantee the safety of anyone."
            )),
            (2.0, 0.0, 0.0)
        );
        // Both threat words are negated (and so dropped): none is left.
        assert_eq!(
            hits(&score_text("It was not dangerous or violent.")),
            (0.0, 0.0, 0.0)
        );
        assert_eq!(
            hits(&score_text("There is no risk of death.")),
            (0.0, 0.0, 0.0)
        );
        // A reassurance word after a negated threat word stays reassurance.
        assert_eq!(
            hits(&score_text("There is no threat to public safety.")),
            (0.0, 1.0, 0.0)
        );
        // Each frame has its own first match: both are negated and dropped.
        assert_eq!(
            hits(&score_text("There was no clash and danger.")),
            (0.0, 0.0, 0.0)
        );
        assert_eq!(hits(&score_text("No one is safe.")), (1.0, 0.0, 0.0));
    }

    /// (threat, reassurance) hits of `text` with the built-in lists.
    fn builtin_tr(text: &str) -> (f64, f64) {
        let en = Language::english();
        let tc = one_article(text);
        let lx = crate::lexicon::builtin();
        let scorer = FrameScorer::new(&lx, &tc.vocab, &en, DEFAULT_NEGATION_WINDOW);
        let senti = SentimentAnalyzer::new(crate::scoring::sentiment::SentimentLexicon::builtin());
        let s = scorer.score(text, &tc.docs[0], &tc.vocab, &senti);
        (s.frames[0].hits, s.frames[1].hits)
    }

    #[test]
    fn builtin_lists_cover_general_harm_and_recovery_words() {
        for t in [
            "Four people died.",
            "She was hurt.",
            "Two were wounded.",
            "The shooter was named.",
            "Shots were fired.",
            "Families fled.",
            "A bloody week.",
            "He is still at large.",
            "Held at gunpoint.",
        ] {
            assert_eq!(builtin_tr(t), (1.0, 0.0), "{t}");
        }
        for r in [
            "He is recovering in hospital.",
            "Nobody was hurt.",
            "There is no threat to the public.",
            "The fire is now contained.",
            "The risk to the public remains very low.",
            "The threat has passed.",
            "She is in good spirits.",
            "The quake caused no structural damage.",
        ] {
            assert_eq!(builtin_tr(r), (0.0, 1.0), "{r}");
        }
        // Left out on purpose: the plain stems are mostly used in other senses.
        for n in [
            "The bag contained a laptop.",
            "Officers were on patrol.",
            "A routine meeting.",
            "The company was wound up.",
            "Prices shot up.",
            "Prices recovered quickly.",
            "Investors breathed a sigh of relief.",
            "They secured a deal.",
            "Protect our rights.",
            "It was a safe seat.",
            "He was never afraid of them.",
        ] {
            assert_eq!(builtin_tr(n), (0.0, 0.0), "{n}");
        }
    }

    /// Hits of `text` per frame with the built-in lists, by frame name.
    fn builtin_hits(text: &str, frame: &str) -> f64 {
        let en = Language::english();
        let tc = one_article(text);
        let lx = crate::lexicon::builtin();
        let i = lx.iter().position(|l| l.name == frame).unwrap();
        let scorer = FrameScorer::new(&lx, &tc.vocab, &en, DEFAULT_NEGATION_WINDOW);
        let senti = SentimentAnalyzer::new(crate::scoring::sentiment::SentimentLexicon::builtin());
        scorer.score(text, &tc.docs[0], &tc.vocab, &senti).frames[i].hits
    }

    #[test]
    fn builtin_lists_count_a_word_only_in_its_frame_sense() {
        for (text, frame, want) in [
            // "safe" says that someone is safe, not what kind of thing it is.
            ("All the passengers are safe.", "reassurance", 1.0),
            ("Residents feel safe again.", "reassurance", 1.0),
            ("The wells are clean and safe to drink.", "reassurance", 1.0),
            ("It was given safe refuge.", "reassurance", 0.0),
            ("The law could be safely repealed.", "reassurance", 0.0),
            ("It is safe to say he won.", "reassurance", 0.0),
            (
                "Ministers sought to reassure investors.",
                "reassurance",
                0.0,
            ),
            (
                "Officials sought to reassure the public.",
                "reassurance",
                1.0,
            ),
            ("The building is not safe.", "threat", 1.0),
            // Obituary ages and the names of policy debates are no danger.
            ("The actor died aged 94.", "threat", 0.0),
            ("The senator backs gun control.", "threat", 0.0),
            ("Police found a gun.", "threat", 1.0),
            // Stemmer collisions are exact forms.
            ("Are you kidding?", "human_interest", 0.0),
            ("The kids were at home.", "human_interest", 1.0),
            ("The memory card failed.", "human_interest", 0.0),
            ("A memorial was held.", "human_interest", 1.0),
            ("They play in the second division.", "conflict", 0.0),
            ("It was a divisive speech.", "conflict", 1.0),
            ("On the opposite bank.", "conflict", 0.0),
            ("The opposition walked out.", "conflict", 2.0),
            // Sport reporting is not a dispute between parties.
            ("A 2-0 defeat to Leeds in the cup clash.", "conflict", 0.0),
            ("The government suffered a defeat.", "conflict", 1.0),
        ] {
            assert_eq!(builtin_hits(text, frame), want, "{frame}: {text}");
        }
    }

    #[test]
    fn weights_and_one_hit_per_word_per_frame() {
        assert_eq!(hits(&score_text("A row broke out.")), (0.0, 0.0, 2.0));
        // "reassure" and "reassurance" share a stem: one word, one hit.
        assert_eq!(
            hits(&score_text("Officers offered reassurance.")),
            (0.0, 1.0, 0.0)
        );
    }

    #[test]
    fn per_1k_share_and_balance() {
        // 10 words: two threat hits, one reassurance hit.
        let s = score_text("Attack and danger came but streets were calm again today.");
        assert_eq!(hits(&s), (2.0, 1.0, 0.0));
        assert!((s.frames[0].per_1k - 200.0).abs() < 1e-9);
        assert!((s.frames[0].share - 2.0 / 3.0).abs() < 1e-9);
        assert!((s.threat_balance.unwrap() - 1.0 / 3.0).abs() < 1e-9);
        let none = score_text("The weather was mild.");
        assert_eq!(none.threat_balance, None);
        assert_eq!(none.frames[0].share, 0.0);
    }

    #[test]
    fn a_run_too_long_for_a_sentence_is_quoted_only_when_nothing_else_has_a_match() {
        // A list without full stops: one "sentence" of 80 words with three
        // threat words, then an ordinary sentence with one.
        let list: Vec<String> = (0..26).map(|i| format!("town{i} attack report")).collect();
        let run = format!(
            "{} and more",
            list.join(" ")[..].replacen("report", "danger", 2)
        );
        let text = format!("{run}\nResidents fear the night.");
        let s = score_text(&text);
        assert!(s.sentences[0].hits[0] >= 3.0, "{:?}", s.sentences[0].hits);
        let t = s.most_threatening.as_ref().unwrap();
        assert_eq!(t.sentence_no, 2, "{}", t.text);
        // With no other sentence matching, the run is quoted (as a window).
        let s = score_text(&format!("{run}\nResidents slept well."));
        assert_eq!(s.most_threatening.as_ref().map(|r| r.sentence_no), Some(1));
    }

    #[test]
    fn evidence_sentences() {
        let s = score_text("The council met on Monday. Residents fear a violent attack. Officers said all is calm and safe.");
        let t = s.most_threatening.as_ref().unwrap();
        assert_eq!(t.sentence_no, 2);
        assert_eq!(&*t.text, "Residents fear a violent attack.");
        assert_eq!(t.hits, 3.0);
        let r = s.most_reassuring.as_ref().unwrap();
        assert_eq!(r.sentence_no, 3);
        let ev = &s.frames[0].evidence;
        assert_eq!(ev.len(), 3);
        assert!(ev
            .iter()
            .all(|e| &*e.example_sentence == "Residents fear a violent attack."));
        assert_eq!(s.sentences.len(), 3);
        assert_eq!(s.sentences[1].hits[0], 3.0);
        assert!(s.sentences[1].sentiment < 0.0);
    }

    #[test]
    fn one_pass_equals_the_three_passes() {
        let texts = [
            "Police fear a violent attack\n\nOfficers said all is calm and safe. “Violent gangs attack us,” a man said. He added: “We are not safe.”\n\nThe council met. It isn’t dangerous, Ms Dick said.",
            "No threat\n\n“There is no threat to the public,” said Inspector Jane Doe. She said the area was calm. According to residents, danger remains.",
            "",
            "One line only.",
        ];
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document {
                id: format!("d{i}"),
                title: t.lines().next().unwrap_or("").to_string(),
                text: t.to_string(),
                ..Default::default()
            })
            .collect();
        let en = Language::english();
        let tc = tokenize_corpus(&docs, &en, &StopWords::new(en.stop_words()));
        let lx = crate::lexicon::builtin();
        let scorer = FrameScorer::new(&lx, &tc.vocab, &en, DEFAULT_NEGATION_WINDOW);
        let senti = SentimentAnalyzer::new(crate::scoring::sentiment::SentimentLexicon::builtin());
        let all = score_corpus(&docs, &tc, &scorer, &senti, &lx, &en);
        let voices = crate::scoring::voices::score_corpus(&docs, &tc, &scorer, &senti);
        let positions =
            crate::scoring::positions::score_corpus(&docs, &tc, &scorer, &senti, &lx, &en);
        // Debug output of f64 is exact: equal text means equal values.
        assert_eq!(format!("{:?}", all.voices), format!("{voices:?}"));
        assert_eq!(format!("{:?}", all.positions), format!("{positions:?}"));
        for ((d, td), s) in docs.iter().zip(&tc.docs).zip(&all.articles) {
            let one = scorer.score(&d.text, td, &tc.vocab, &senti);
            assert_eq!(format!("{s:?}"), format!("{one:?}"));
            let (_, scan) = scorer.score_scan(&d.text, td, &tc.vocab, &senti);
            assert_eq!(scan.resolved, scorer.resolved_hits(&d.text, td, &tc.vocab));
        }
        assert!(all.voices[0].0.len() > 1, "{:?}", all.voices[0]);
    }

    #[test]
    fn match_ranges_are_the_spans_without_negation() {
        let text = "Police said all is not calm. Violent gangs attack us, a man said; no threat.";
        let en = Language::english();
        let tc = one_article(text);
        let scorer = FrameScorer::new(&lexicons(), &tc.vocab, &en, DEFAULT_NEGATION_WINDOW);
        let spans = scorer.spans(Some(text), &tc.docs[0], &tc.vocab);
        assert!(spans.len() >= 3, "{spans:?}");
        let want: Vec<(usize, usize, usize)> = spans
            .iter()
            .map(|m| (m.category, m.first, m.last))
            .collect();
        assert_eq!(scorer.match_ranges(text, &tc.docs[0], &tc.vocab), want);
    }

    #[test]
    fn spans_partition_the_article() {
        let text = "Police said all is calm. “Violent gangs attack us,” a man said.";
        let en = Language::english();
        let tc = one_article(text);
        let scorer = FrameScorer::new(&lexicons(), &tc.vocab, &en, DEFAULT_NEGATION_WINDOW);
        let senti = SentimentAnalyzer::new(crate::scoring::sentiment::SentimentLexicon::builtin());
        let q0 = text.find('“').unwrap() + '“'.len_utf8();
        let q1 = text.find('”').unwrap();
        let scan = Scan {
            resolved: scorer.resolved_hits(text, &tc.docs[0], &tc.vocab),
            sentence_sentiment: Vec::new(),
        };
        let quote = scorer.score_spans(text, &tc.docs[0], &senti, &[(q0, q1)], &scan);
        let rest = scorer.score_spans(
            text,
            &tc.docs[0],
            &senti,
            &[(0, q0), (q1, text.len())],
            &scan,
        );
        // The whole sentences' VADER scores, when given, are the same values.
        let (_, full) = scorer.score_scan(text, &tc.docs[0], &tc.vocab, &senti);
        let cached = scorer.score_spans(text, &tc.docs[0], &senti, &[(q0, q1)], &full);
        assert_eq!(cached, quote);
        assert_eq!(quote.hits[..2], [2.0, 0.0]);
        assert_eq!(rest.hits[..2], [0.0, 1.0]);
        assert_eq!(quote.words, 4);
        assert_eq!(quote.words + rest.words, tc.docs[0].tokens.len());
        assert!(quote.sentiment.compound < 0.0);
        assert!(rest.sentiment.compound > 0.0);
        let all = scorer.score(text, &tc.docs[0], &tc.vocab, &senti);
        for (c, f) in all.frames.iter().enumerate() {
            assert_eq!(f.hits, quote.hits[c] + rest.hits[c]);
        }
        let none = scorer.score_spans(text, &tc.docs[0], &senti, &[], &scan);
        assert_eq!((none.words, none.pieces), (0, 0));
    }
}
