//! One article's frame scores: hits per frame after negation, per 1,000
//! words and share, the evidence rows, sentence sentiment and hits, and the
//! most threatening and reassuring sentences.

use super::matcher::FrameScorer;
use super::negation::{after_contrast, before_condition, denied_in_clause};
use super::sentiment::{self, SentimentAnalyzer};
use crate::model::{Evidence, FrameScore, SentenceRef, SentenceScore, SentimentSummary};
use crate::text::squash::squashed;
use crate::text::tokens::{TokenizedDoc, Vocabulary};
use crate::text::window::{window, MAX_QUOTE_WORDS};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Everything scored for one article.
#[derive(Debug, Clone, Default)]
pub struct DocScores {
    /// One per frame, in lexicon order.
    pub frames: Vec<FrameScore>,
    /// Aggregated sentence sentiment.
    pub sentiment: SentimentSummary,
    /// Threat/reassurance balance in [-1, 1]; `None` when the article has
    /// neither (no balance to tell, not an even one).
    pub threat_balance: Option<f64>,
    /// The sentence with most threat hits.
    pub most_threatening: Option<SentenceRef>,
    /// The sentence with most reassurance hits.
    pub most_reassuring: Option<SentenceRef>,
    /// Every sentence.
    pub sentences: Vec<SentenceScore>,
}

impl FrameScorer {
    /// Scores one article.
    pub fn score(
        &self,
        text: &str,
        doc: &TokenizedDoc,
        vocab: &Vocabulary,
        senti: &SentimentAnalyzer,
    ) -> DocScores {
        self.score_scan(text, doc, vocab, senti).0
    }

    /// [`FrameScorer::score`], also returning what the voice and position
    /// passes would otherwise compute again (see [`Scan`]).
    pub fn score_scan(
        &self,
        text: &str,
        doc: &TokenizedDoc,
        vocab: &Vocabulary,
        senti: &SentimentAnalyzer,
    ) -> (DocScores, Scan) {
        let nf = self.names().len();
        let words = doc.tokens.len();
        let (matches, negated, _) = self.counted_matches(Some(text), doc, vocab);
        let phrases: Vec<(usize, usize)> = matches
            .iter()
            .filter(|m| m.phrase)
            .flat_map(|m| m.own_words())
            .collect();
        let in_phrase = |k: usize| phrases.iter().any(|&(a, b)| (a..=b).contains(&k));
        let n_sent = doc.sentences.len();
        let mut sent_hits = vec![vec![0.0f64; nf]; n_sent];
        // Threat and reassurance hits a sentence can be quoted for: those not
        // set aside by a contrast ("fear rather than reassurance"), and
        // reassurance not waiting on a condition ("safe ... when").
        let mut quotable = vec![[0.0f64; 2]; n_sent];
        // The first such hit's word in each sentence: a long sentence is
        // quoted as a window around it (text::window).
        let mut quotable_at = vec![[usize::MAX; 2]; n_sent];
        // The lexicon entries behind those hits, as (sentence, side, entry):
        // a tie between sentences goes to the one with more distinct entries.
        let mut quotable_entries: Vec<(usize, usize, u32)> = Vec::new();
        let mut hits = vec![0.0f64; nf];
        // (category, entry label) -> (count, surface form counts, first
        // sentence, its first matched word)
        type Ev = (usize, BTreeMap<String, usize>, usize, usize, f64);
        let mut evidence: Vec<BTreeMap<String, Ev>> = vec![BTreeMap::new(); nf];
        // The matched words as normalised forms (punctuation between them dropped).
        let span_text = |a: usize, b: usize| -> String {
            let mut out = String::new();
            for (k, t) in doc.tokens[a..=b].iter().enumerate() {
                if k > 0 {
                    out.push(' ');
                }
                out.push_str(&vocab.surfaces[t.surface as usize]);
            }
            out
        };
        let mut resolved = Vec::with_capacity(matches.len());
        for (m, neg) in matches.iter().zip(&negated) {
            let e = &self.entries[m.entry as usize];
            let mut cat = e.category;
            // Borrowed unless negated or a phrase: most matches repeat an
            // evidence row already started, and then nothing is allocated.
            let mut label: Cow<str> = Cow::Borrowed(&e.text);
            let mut form: Cow<str> = if m.first == m.last {
                Cow::Borrowed(&vocab.surfaces[doc.tokens[m.first].surface as usize])
            } else {
                Cow::Owned(span_text(m.first, m.last))
            };
            if let Some(j) = *neg {
                match self.counted_category(cat, true) {
                    Some(c) => {
                        cat = c;
                        label = Cow::Owned(format!("negated: {}", e.text));
                        let neg = &vocab.surfaces[doc.tokens[j].surface as usize];
                        // A gap's negator already stands in the form.
                        if !(m.first..=m.last).contains(&j) {
                            form = Cow::Owned(if j + 1 == m.first {
                                format!("{neg} {form}")
                            } else {
                                format!("{neg} … {form}")
                            });
                        }
                    }
                    None => continue,
                }
            }
            hits[cat] += e.weight;
            // As FrameScorer::resolved_hits lists them.
            resolved.push((doc.tokens[m.first].start as usize, cat, e.weight));
            let s = doc.sentence_of(m.first).min(n_sent.saturating_sub(1));
            if n_sent > 0 {
                sent_hits[s][cat] += e.weight;
                if let Some(side) = self.polarity.side(cat) {
                    let waits = side == 1 && before_condition(Some(text), doc, vocab, m.last);
                    let denied = side == 0
                        && neg.is_none()
                        && denied_in_clause(Some(text), doc, vocab, m.first, in_phrase);
                    if !after_contrast(doc, vocab, m.first, self.window()) && !waits && !denied {
                        quotable[s][side] += e.weight;
                        quotable_at[s][side] = quotable_at[s][side].min(m.first);
                        quotable_entries.push((s, side, m.entry));
                    }
                }
            }
            let rows = &mut evidence[cat];
            if !rows.contains_key(label.as_ref()) {
                rows.insert(
                    label.to_string(),
                    (0, BTreeMap::new(), s, m.first, e.weight),
                );
            }
            if let Some(ev) = rows.get_mut(label.as_ref()) {
                ev.0 += 1;
                match ev.1.get_mut(form.as_ref()) {
                    Some(c) => *c += 1,
                    None => {
                        ev.1.insert(form.into_owned(), 1);
                    }
                }
            }
        }
        // Each sentence's text is squashed once and shared by its row, the
        // evidence that quotes it and the most threatening/reassuring picks.
        let texts: Vec<Arc<str>> = doc
            .sentences
            .iter()
            .map(|&(a, b)| squashed(&text[a..b]))
            .collect();
        let sentence_text = |s: usize| -> Arc<str> { texts.get(s).cloned().unwrap_or_default() };
        // A sentence as quoted for a match at word `at`: whole, or a window
        // of words around the match when it is long.
        let quoted = |s: usize, at: usize| -> Arc<str> {
            doc.sentences
                .get(s)
                .and_then(|&span| window(text, doc, span, at))
                .unwrap_or_else(|| sentence_text(s))
        };
        // Matches that excluded phrases dropped, on request: listed apart,
        // never counted.
        let mut dropped: Vec<BTreeMap<String, Ev>> = vec![BTreeMap::new(); nf];
        if self.lists_excluded() {
            for m in self.excluded_spans(Some(text), doc, vocab) {
                let s = doc.sentence_of(m.first).min(n_sent.saturating_sub(1));
                let ev = dropped[m.category]
                    .entry(m.entry)
                    .or_insert_with(|| (0, BTreeMap::new(), s, m.first, 0.0));
                ev.0 += 1;
                *ev.1.entry(span_text(m.first, m.last)).or_insert(0) += 1;
            }
        }
        let total: f64 = hits.iter().sum();
        let per_1k = |h: f64| {
            if words > 0 {
                h * 1000.0 / words as f64
            } else {
                0.0
            }
        };
        // Evidence rows, most frequent first, each with its most frequent form.
        let rows = |map: &BTreeMap<String, Ev>| -> Vec<Evidence> {
            let mut ev: Vec<Evidence> = map
                .iter()
                .map(|(label, (count, forms, s, at, weight))| {
                    let term = forms
                        .iter()
                        // Ties go to the shortest form ("evacuated" before a
                        // glued "evacuate-late"), then the first in order.
                        .max_by(|a, b| {
                            a.1.cmp(b.1)
                                .then(b.0.chars().count().cmp(&a.0.chars().count()))
                                .then(b.0.cmp(a.0))
                        })
                        .map(|f| f.0.clone())
                        .unwrap_or_default();
                    Evidence {
                        term,
                        entry: label.clone(),
                        count: *count,
                        weight: *weight,
                        example_sentence: quoted(*s, *at),
                    }
                })
                .collect();
            ev.sort_by(|a, b| b.count.cmp(&a.count).then(a.term.cmp(&b.term)));
            ev
        };
        let frames: Vec<FrameScore> = (0..nf)
            .map(|c| {
                let ev = rows(&evidence[c]);
                FrameScore {
                    frame: self.names()[c].clone(),
                    hits: hits[c],
                    per_1k: per_1k(hits[c]),
                    share: if total > 0.0 { hits[c] / total } else { 0.0 },
                    evidence: ev,
                    excluded: rows(&dropped[c]),
                    // Filled in later by the bootstrap stage (stats/bootstrap.rs).
                    ci_low: None,
                    ci_high: None,
                }
            })
            .collect();
        // A run of more than MAX_QUOTE_WORDS words is rarely a sentence (a
        // table, a list, text without full stops) and gathers matches by its
        // length alone: a sentence of ordinary length with a match is
        // preferred, and such a run is picked only when no other has one.
        // So is a sentence holding a link to another story whose end could
        // not be told ("READ MORE: <its headline> The article goes on"):
        // part of it is another article's headline.
        let words_per_sentence = doc.words_per_sentence();
        let ordinary = |s: usize| {
            words_per_sentence
                .get(s)
                .is_some_and(|&w| w <= MAX_QUOTE_WORDS)
                && doc
                    .sentences
                    .get(s)
                    .is_none_or(|&(a, b)| !crate::input::inline_teasers::holds_teaser(&text[a..b]))
        };
        quotable_entries.sort_unstable();
        quotable_entries.dedup();
        let mut distinct = vec![[0usize; 2]; n_sent];
        for &(s, side, _) in &quotable_entries {
            distinct[s][side] += 1;
        }
        // The sentence quoted: an ordinary one before a long run or one
        // holding a teaser, then the most hits; ties go to more distinct
        // lexicon entries (several words of the frame, not one repeated),
        // then to more hits per word (the shorter sentence), then to the
        // earlier sentence (docs/methods.md, "Quoted sentences").
        let pick = |c: Option<usize>, side: usize| -> Option<SentenceRef> {
            c?;
            let mut best: Option<(usize, (bool, f64, usize, f64))> = None;
            // Only a sentence with a match is weighed (and read for a teaser).
            for (s, h) in quotable.iter().enumerate().filter(|(_, h)| h[side] > 0.0) {
                let words = words_per_sentence.get(s).copied().unwrap_or(0).max(1);
                let key = (
                    ordinary(s),
                    h[side],
                    distinct[s][side],
                    h[side] / words as f64,
                );
                if best.is_none_or(|(_, b)| key.partial_cmp(&b).is_some_and(|o| o.is_gt())) {
                    best = Some((s, key));
                }
            }
            let best = best.map(|(s, (_, h, _, _))| (s, h));
            best.map(|(s, h)| SentenceRef {
                sentence_no: s + 1,
                text: quoted(s, quotable_at[s][side]),
                hits: h,
            })
        };
        // Picked before the sentences take their rows of hits.
        let (most_threatening, most_reassuring) = (
            pick(self.polarity.threat, 0),
            pick(self.polarity.reassurance, 1),
        );
        // Sentences: sentiment and hits.
        let mut sentences = Vec::with_capacity(n_sent);
        let mut sent_scores = Vec::with_capacity(n_sent);
        let words_in = &words_per_sentence;
        for (s, (&(a, b), h)) in doc.sentences.iter().zip(sent_hits).enumerate() {
            let st = vader(senti, &text[a..b]);
            sent_scores.push((st, words_in[s]));
            sentences.push(SentenceScore {
                sentence_no: s + 1,
                text: sentence_text(s),
                words: words_in[s],
                sentiment: st.compound,
                hits: h,
            });
        }
        let (t, r) = (
            self.polarity
                .threat
                .map(|c| frames[c].per_1k)
                .unwrap_or(0.0),
            self.polarity
                .reassurance
                .map(|c| frames[c].per_1k)
                .unwrap_or(0.0),
        );
        let scores = DocScores {
            sentiment: sentiment::aggregate(&sent_scores),
            threat_balance: (t + r > 0.0).then(|| (t - r) / (t + r)),
            most_threatening,
            most_reassuring,
            frames,
            sentences,
        };
        let scan = Scan {
            sentence_sentiment: sent_scores.into_iter().map(|(st, _)| st).collect(),
            resolved,
        };
        (scores, scan)
    }
}

/// VADER on a sentence (or a piece of one) of an article. VADER knows only
/// the ASCII apostrophe ("don't"); case and punctuation are kept because its
/// rules use them.
pub(crate) fn vader(senti: &SentimentAnalyzer, raw: &str) -> SentimentSummary {
    if raw.contains('\u{2019}') {
        senti.sentence(&raw.replace('\u{2019}', "'"))
    } else {
        senti.sentence(raw)
    }
}

/// What [`FrameScorer::score_scan`] computed on the way that the voice and
/// position passes need again: handing it on spares them a second matching
/// pass and a second VADER run over every sentence.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    /// VADER of each whole sentence (`TokenizedDoc::sentences` order).
    pub sentence_sentiment: Vec<SentimentSummary>,
    /// The article's hits after negation, as [`FrameScorer::resolved_hits`]
    /// returns them.
    pub resolved: Vec<(usize, usize, f64)>,
}
