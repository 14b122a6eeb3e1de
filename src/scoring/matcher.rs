//! Lexicons compiled against a corpus vocabulary, and the matches of an
//! article before and after negation: a phrase entry matches a run of
//! stems within one sentence, a word entry every token of its stem, a
//! prefix entry every word form starting with it; a word inside a phrase
//! match is not counted again for the phrase's negation group.

use super::negation::{is_negator, negations, NegationTarget, PolarPair};
use crate::lexicon::{EntryKind, Lexicon};
use crate::model::language::Language;
use crate::text::tokens::{TokenizedDoc, Vocabulary};
use crate::text::{Analyzer, TokenKind};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

#[derive(Debug, Clone)]
pub(crate) struct CompiledEntry {
    pub(crate) category: usize,
    pub(crate) text: String,
    pub(crate) weight: f64,
}

/// Lexicons compiled against a corpus vocabulary.
pub struct FrameScorer {
    names: Vec<String>,
    pub(crate) entries: Vec<CompiledEntry>,
    /// Single-token matches (word and prefix entries) of each word form.
    single: Vec<Vec<u32>>,
    /// Phrase entries by their first stem: (stems, entry), longest first.
    /// Looked up for every token, so with the Fx hash rather than SipHash.
    phrases: FxHashMap<u32, Vec<(Vec<u32>, u32)>>,
    /// Where threat and reassurance sit among the categories.
    pub(crate) polarity: PolarPair,
    window: usize,
    negator: Vec<bool>,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Match {
    pub(crate) entry: u32,
    pub(crate) first: usize,
    pub(crate) last: usize,
    pub(crate) phrase: bool,
}

impl FrameScorer {
    /// Compiles `lexicons` against the corpus vocabulary: every entry goes
    /// through the same analyzer and stemmer as the text.
    pub fn new(lexicons: &[Lexicon], vocab: &Vocabulary, lang: &Language, window: usize) -> Self {
        let analyzer = Analyzer::for_scoring();
        let stemmer = lang.stemmer();
        let mut entries = Vec::new();
        let mut word_entries: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        let mut prefixes: Vec<(String, u32)> = Vec::new();
        let mut phrases: FxHashMap<u32, Vec<(Vec<u32>, u32)>> = FxHashMap::default();
        for (c, lex) in lexicons.iter().enumerate() {
            for e in &lex.entries {
                let id = entries.len() as u32;
                entries.push(CompiledEntry {
                    category: c,
                    text: e.text.clone(),
                    weight: e.weight,
                });
                match &e.kind {
                    EntryKind::Prefix(p) => prefixes.push((crate::lexicon::normalise(p), id)),
                    EntryKind::Term => {
                        let stems: Vec<String> = analyzer
                            .analyze(&e.text)
                            .into_iter()
                            .filter(|t| t.kind == TokenKind::Word)
                            .map(|t| stemmer.stem(&t.text).into_owned())
                            .collect();
                        // Entries whose stems never occur in the corpus cannot match.
                        let ids: Option<Vec<u32>> =
                            stems.iter().map(|s| vocab.stem_id(s)).collect();
                        match ids {
                            Some(ids) if ids.len() == 1 => {
                                word_entries.entry(ids[0]).or_default().push(id)
                            }
                            Some(ids) if ids.len() > 1 => {
                                phrases.entry(ids[0]).or_default().push((ids, id))
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        for list in phrases.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
        }
        let single: Vec<Vec<u32>> = vocab
            .surfaces
            .par_iter()
            .enumerate()
            .map(|(sid, s)| {
                let mut m: Vec<u32> = word_entries
                    .get(&vocab.surface_stem[sid])
                    .cloned()
                    .unwrap_or_default();
                for (p, id) in &prefixes {
                    if s.starts_with(p.as_str()) {
                        m.push(*id);
                    }
                }
                // One word counts once per frame: where several entries of a
                // frame match it ("reassure" and "reassurance" share a stem,
                // "threat" and "threat*"), the highest weight wins.
                m.sort_by(|&a, &b| {
                    let (ea, eb) = (&entries[a as usize], &entries[b as usize]);
                    ea.category
                        .cmp(&eb.category)
                        .then(eb.weight.total_cmp(&ea.weight))
                        .then(a.cmp(&b))
                });
                m.dedup_by(|b, a| entries[*a as usize].category == entries[*b as usize].category);
                m
            })
            .collect();
        let names: Vec<String> = lexicons.iter().map(|l| l.name.clone()).collect();
        FrameScorer {
            polarity: PolarPair::of(&names),
            names,
            entries,
            single,
            phrases,
            window,
            negator: vocab.surfaces.iter().map(|s| is_negator(s)).collect(),
        }
    }

    /// Words a negator's scope reaches.
    pub(crate) fn window(&self) -> usize {
        self.window
    }

    /// Frame names in output order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The negation group of a category (see [`PolarPair::group`]).
    fn group(&self, c: usize) -> usize {
        self.polarity.group(c)
    }

    pub(crate) fn matches(&self, doc: &TokenizedDoc, vocab: &Vocabulary) -> Vec<Match> {
        let toks = &doc.tokens;
        let mut out = Vec::new();
        for i in 0..toks.len() {
            let stem = vocab.surface_stem[toks[i].surface as usize];
            if let Some(list) = self.phrases.get(&stem) {
                for (stems, id) in list {
                    let end = i + stems.len();
                    // A phrase never spans a sentence break ("... armed. With ...").
                    if end <= toks.len()
                        && stems
                            .iter()
                            .zip(&toks[i..end])
                            .all(|(s, t)| vocab.surface_stem[t.surface as usize] == *s)
                        && doc.same_sentence(i, end - 1)
                    {
                        out.push(Match {
                            entry: *id,
                            first: i,
                            last: end - 1,
                            phrase: true,
                        });
                    }
                }
            }
            for &id in &self.single[toks[i].surface as usize] {
                out.push(Match {
                    entry: id,
                    first: i,
                    last: i,
                    phrase: false,
                });
            }
        }
        // Drop single-word matches covered by a phrase of the same group.
        let covered: Vec<(usize, usize, usize)> = out
            .iter()
            .filter(|m| m.phrase)
            .map(|m| {
                (
                    self.group(self.entries[m.entry as usize].category),
                    m.first,
                    m.last,
                )
            })
            .collect();
        out.retain(|m| {
            m.phrase || {
                let g = self.group(self.entries[m.entry as usize].category);
                !covered
                    .iter()
                    .any(|&(cg, a, b)| cg == g && a <= m.first && m.first <= b)
            }
        });
        out
    }

    /// The negator of each match (see [`negations`]), with this scorer's
    /// window and frame groups. `text` is the article (for clause
    /// punctuation); `None` only when it is not at hand, and then a scope
    /// runs to the window or the sentence end.
    pub(crate) fn negators(
        &self,
        text: Option<&str>,
        doc: &TokenizedDoc,
        vocab: &Vocabulary,
        matches: &[Match],
    ) -> Vec<Option<usize>> {
        let mut blocked = vec![false; doc.tokens.len()];
        for m in matches.iter().filter(|m| m.phrase) {
            for t in &mut blocked[m.first..=m.last] {
                *t = true;
            }
        }
        let keyed: Vec<NegationTarget> = matches
            .iter()
            .map(|m| {
                let c = self.entries[m.entry as usize].category;
                NegationTarget {
                    first: m.first,
                    group: self.group(c),
                    category: c,
                }
            })
            .collect();
        negations(
            text,
            doc,
            vocab,
            &self.negator,
            self.window,
            &keyed,
            &blocked,
        )
    }
}

/// One lexicon match in an article before negation is applied: the category
/// and entry, and the word tokens it spans (for keyword-in-context lines and
/// lexicon coverage).
#[derive(Debug, Clone, PartialEq)]
pub struct SpanMatch {
    /// Index of the category in lexicon order.
    pub category: usize,
    /// The entry as written in the lexicon.
    pub entry: String,
    /// First word token (index into `TokenizedDoc::tokens`).
    pub first: usize,
    /// Last word token (inclusive).
    pub last: usize,
    /// Whether a negator stands before it (the scorer then flips or drops it).
    pub negated: bool,
}

impl FrameScorer {
    /// (category, first token, last token) of every match before negation,
    /// in the order of [`FrameScorer::spans`]: what lexicon coverage needs,
    /// without the negation pass or a copy of each entry's text.
    pub fn match_ranges(
        &self,
        doc: &TokenizedDoc,
        vocab: &Vocabulary,
    ) -> Vec<(usize, usize, usize)> {
        self.matches(doc, vocab)
            .iter()
            .map(|m| (self.entries[m.entry as usize].category, m.first, m.last))
            .collect()
    }

    /// Every match in an article, with the same matching rules as
    /// [`FrameScorer::score`] (one per word and category, phrases covering
    /// their words), in text order. `text` is the article, needed to stop
    /// negation at clause punctuation as the scorer does; callers that do
    /// not read [`SpanMatch::negated`] may pass `None`.
    pub fn spans(
        &self,
        text: Option<&str>,
        doc: &TokenizedDoc,
        vocab: &Vocabulary,
    ) -> Vec<SpanMatch> {
        let matches = self.matches(doc, vocab);
        let negated = self.negators(text, doc, vocab, &matches);
        matches
            .iter()
            .zip(&negated)
            .map(|(m, neg)| {
                let e = &self.entries[m.entry as usize];
                SpanMatch {
                    category: e.category,
                    entry: e.text.clone(),
                    first: m.first,
                    last: m.last,
                    negated: neg.is_some(),
                }
            })
            .collect()
    }
}
