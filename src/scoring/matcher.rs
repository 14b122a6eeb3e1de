//! Lexicons compiled against a corpus vocabulary, and the matches of an
//! article before and after negation: a phrase entry matches a run of
//! stems within one sentence, a word entry every token of its stem, a
//! prefix entry every word form starting with it, an exact entry (`=form`)
//! its word forms only; a match inside one of its entry's excluded phrases
//! (`safe !safe seat`) is dropped; a word inside a phrase match is not
//! counted again for the phrase's negation group.

use super::negation::{
    denies_at, is_negator, negations, starts_negation_idiom, under_condition, NegationTarget,
    PolarPair,
};
use crate::lexicon::{EntryKind, Lexicon, MAX_GAP_WORDS};
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
    /// Exact phrase entries by their first word form: (forms, entry).
    exact_phrases: FxHashMap<u32, Vec<(Vec<u32>, u32)>>,
    /// Excluded phrases of each entry (indexed by entry; almost all empty).
    exclusions: Vec<Vec<Exclusion>>,
    /// For each entry, the gaps between its words that its text writes with
    /// a comma (bit 0: after the first word), where the text may have one.
    commas: Vec<u64>,
    /// Whether any entry has an excluded phrase that can occur in the corpus,
    /// so that lexicons without any skip the check entirely.
    any_exclusion: bool,
    /// Where threat and reassurance sit among the categories.
    pub(crate) polarity: PolarPair,
    window: usize,
    negator: Vec<bool>,
    /// Whether each word form may stand in a gap (see [`may_fill_gap`]).
    gap_word: Vec<bool>,
    /// Whether scores also list the matches excluded phrases dropped.
    show_excluded: bool,
}

/// One excluded phrase of an entry, compiled: its stems, and where in it
/// a match of the entry can begin.
#[derive(Debug, Clone)]
struct Exclusion {
    stems: Vec<u32>,
    offsets: Vec<usize>,
    /// Gaps written with a comma (see [`FrameScorer::commas`]).
    commas: u64,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Match {
    pub(crate) entry: u32,
    pub(crate) first: usize,
    pub(crate) last: usize,
    pub(crate) phrase: bool,
    /// The first and last token of the words a gap (`keep ... safe`)
    /// stood for: not the entry's words, so they keep their own matches.
    pub(crate) gap: Option<(usize, usize)>,
}

impl Match {
    /// The runs of tokens that are the entry's own words: the whole match,
    /// or the two sides of its gap.
    pub(crate) fn own_words(&self) -> impl Iterator<Item = (usize, usize)> {
        let (a, b) = match self.gap {
            Some((g, h)) => (
                (g > self.first).then(|| (self.first, g - 1)),
                (h < self.last).then(|| (h + 1, self.last)),
            ),
            None => (Some((self.first, self.last)), None),
        };
        a.into_iter().chain(b)
    }
}

/// The slot of a compiled phrase that a gap stands in (no stem or word
/// form has this id).
pub(crate) const GAP_SLOT: u32 = u32::MAX;

/// Words a gap does not run over: each starts a clause of its own, so the
/// two sides would no longer say one thing ("no idea *who* was killed", "no
/// word *if* anyone was hurt", "no warning *and* people were killed").
const CLAUSE_OPENERS: [&str; 21] = [
    "who", "whom", "whose", "what", "which", "why", "how", "when", "where", "whether", "if",
    "that", "and", "but", "because", "while", "although", "though", "since", "unless", "until",
];

/// Whether a gap may hold the word form `w` (see [`CLAUSE_OPENERS`]).
pub(crate) fn may_fill_gap(w: &str) -> bool {
    !CLAUSE_OPENERS.contains(&w)
}

/// Whether the phrase `slots` starts at token `i` of `n` (`same` compares a
/// slot with a token): its last token and, for a gapped phrase, the tokens
/// of its gap, the shortest gap that fits.
pub(crate) fn phrase_at(
    slots: &[u32],
    n: usize,
    i: usize,
    same: impl Fn(u32, usize) -> bool,
    gap_ok: impl Fn(usize) -> bool,
) -> Option<(usize, Option<(usize, usize)>)> {
    let run = |part: &[u32], at: usize| {
        at + part.len() <= n && part.iter().enumerate().all(|(k, &s)| same(s, at + k))
    };
    let Some(g) = slots.iter().position(|&s| s == GAP_SLOT) else {
        return run(slots, i).then(|| (i + slots.len() - 1, None));
    };
    let (before, after) = (&slots[..g], &slots[g + 1..]);
    if !run(before, i) {
        return None;
    }
    let gap_first = i + before.len();
    (1..=MAX_GAP_WORDS)
        .take_while(|w| gap_first + w - 1 < n && gap_ok(gap_first + w - 1))
        .find_map(|w| {
            let at = gap_first + w;
            run(after, at).then(|| (at + after.len() - 1, Some((gap_first, at - 1))))
        })
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
        let mut exact_words: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        let mut exact_phrases: FxHashMap<u32, Vec<(Vec<u32>, u32)>> = FxHashMap::default();
        let mut exclusions: Vec<Vec<Exclusion>> = Vec::new();
        let mut commas: Vec<u64> = Vec::new();
        let words = |text: &str| -> Vec<String> {
            analyzer
                .analyze(text)
                .into_iter()
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| t.text)
                .collect()
        };
        let stem_ids = |words: &[String]| -> Option<Vec<u32>> {
            words
                .iter()
                .map(|w| vocab.stem_id(&stemmer.stem(w)))
                .collect()
        };
        for (c, lex) in lexicons.iter().enumerate() {
            for e in &lex.entries {
                let id = entries.len() as u32;
                entries.push(CompiledEntry {
                    category: c,
                    text: e.text.clone(),
                    weight: e.weight,
                });
                // A gapped entry (`keep ... safe`) is its two sides with the
                // gap slot between; a comma may stand only on the first side.
                let (entry_words, gap_after) = match e.gap_sides() {
                    Some((before, after)) => {
                        let before = words(before);
                        let n = before.len();
                        (before.into_iter().chain(words(after)).collect(), Some(n))
                    }
                    None => (words(&e.text), None),
                };
                let with_gap = |mut ids: Vec<u32>| {
                    if let Some(n) = gap_after {
                        ids.insert(n, GAP_SLOT);
                    }
                    ids
                };
                commas.push(comma_gaps(
                    &analyzer,
                    e.gap_sides().map_or(e.text.as_str(), |(before, _)| before),
                ));
                // Entries whose stems (or forms) never occur in the corpus
                // cannot match.
                match &e.kind {
                    EntryKind::Prefix(p) => prefixes.push((crate::lexicon::normalise(p), id)),
                    EntryKind::Term => match stem_ids(&entry_words) {
                        Some(ids) if ids.len() == 1 && gap_after.is_none() => {
                            word_entries.entry(ids[0]).or_default().push(id)
                        }
                        Some(ids) if ids.len() > 1 => {
                            phrases.entry(ids[0]).or_default().push((with_gap(ids), id))
                        }
                        _ => {}
                    },
                    EntryKind::Exact => {
                        let ids: Option<Vec<u32>> =
                            entry_words.iter().map(|w| vocab.surface_id(w)).collect();
                        match ids {
                            Some(ids) if ids.len() == 1 && gap_after.is_none() => {
                                exact_words.entry(ids[0]).or_default().push(id)
                            }
                            Some(ids) if ids.len() > 1 => exact_phrases
                                .entry(ids[0])
                                .or_default()
                                .push((with_gap(ids), id)),
                            _ => {}
                        }
                    }
                }
                let mut compiled = Vec::new();
                for phrase in &e.excluded {
                    let phrase_words = words(phrase);
                    // A phrase with a stem the corpus lacks never occurs.
                    let Some(stems) = stem_ids(&phrase_words) else {
                        continue;
                    };
                    let offsets: Vec<usize> = match &e.kind {
                        EntryKind::Prefix(p) => {
                            let p = crate::lexicon::normalise(p);
                            (0..phrase_words.len())
                                .filter(|&k| phrase_words[k].starts_with(p.as_str()))
                                .collect()
                        }
                        EntryKind::Term | EntryKind::Exact => match stem_ids(&entry_words) {
                            Some(own) if !own.is_empty() && own.len() <= stems.len() => {
                                (0..=stems.len() - own.len())
                                    .filter(|&k| stems[k..k + own.len()] == own[..])
                                    .collect()
                            }
                            _ => Vec::new(),
                        },
                    };
                    if !offsets.is_empty() {
                        compiled.push(Exclusion {
                            stems,
                            offsets,
                            commas: comma_gaps(&analyzer, phrase),
                        });
                    }
                }
                exclusions.push(compiled);
            }
        }
        for list in phrases.values_mut().chain(exact_phrases.values_mut()) {
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
                if let Some(ids) = exact_words.get(&(sid as u32)) {
                    m.extend_from_slice(ids);
                }
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
            exact_phrases,
            any_exclusion: exclusions.iter().any(|x| !x.is_empty()),
            exclusions,
            commas,
            window,
            negator: vocab.surfaces.iter().map(|s| is_negator(s)).collect(),
            gap_word: vocab.surfaces.iter().map(|s| may_fill_gap(s)).collect(),
            show_excluded: false,
        }
    }

    /// This scorer, listing in each frame's scores the matches that excluded
    /// phrases dropped (`--show-excluded`); they never count.
    pub fn listing_excluded(mut self, on: bool) -> Self {
        self.show_excluded = on;
        self
    }

    /// Whether scores list the matches excluded phrases or conditions
    /// dropped.
    pub(crate) fn lists_excluded(&self) -> bool {
        self.show_excluded && (self.any_exclusion || self.polarity.reassurance.is_some())
    }

    /// Words a negator's scope reaches.
    pub(crate) fn window(&self) -> usize {
        self.window
    }

    /// Frame names in output order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The frame a match of category `cat` counts for: its own, or when a
    /// negator reaches it the other side of threat/reassurance (`None`:
    /// a negated match of any other frame is not counted). The one rule
    /// the scores, the parts and the reader's marks all apply.
    pub(crate) fn counted_category(&self, cat: usize, negated: bool) -> Option<usize> {
        if negated {
            self.polarity.flip(cat)
        } else {
            Some(cat)
        }
    }

    /// The negation group of a category (see [`PolarPair::group`]).
    fn group(&self, c: usize) -> usize {
        self.polarity.group(c)
    }

    /// Every match in an article after exclusions, with single-word
    /// matches covered by a phrase of the same group dropped.
    pub(crate) fn matches(
        &self,
        text: Option<&str>,
        doc: &TokenizedDoc,
        vocab: &Vocabulary,
    ) -> Vec<Match> {
        let mut out = self.raw_matches(text, doc, vocab);
        if self.any_exclusion {
            out.retain(|m| !self.is_excluded(text, m, doc, vocab));
        }
        // "no matter how many were hurt" is no `no ... were hurt`.
        out.retain(|m| {
            m.gap.is_none()
                || !self.negator[doc.tokens[m.first].surface as usize]
                || !starts_negation_idiom(doc, vocab, m.first)
        });
        self.drop_covered(out)
    }

    /// The matches an excluded phrase dropped (see [`FrameScorer::matches`]).
    fn excluded_matches(
        &self,
        text: Option<&str>,
        doc: &TokenizedDoc,
        vocab: &Vocabulary,
    ) -> Vec<Match> {
        if !self.any_exclusion {
            return Vec::new();
        }
        let mut out = self.raw_matches(text, doc, vocab);
        out.retain(|m| self.is_excluded(text, m, doc, vocab));
        out
    }

    /// Whether the tokens around `m` form one of its entry's excluded
    /// phrases, as one run of words (see [`TokenizedDoc::run_of_words`]).
    fn is_excluded(
        &self,
        text: Option<&str>,
        m: &Match,
        doc: &TokenizedDoc,
        vocab: &Vocabulary,
    ) -> bool {
        let toks = &doc.tokens;
        self.exclusions[m.entry as usize].iter().any(|x| {
            x.offsets.iter().any(|&k| {
                let Some(start) = m.first.checked_sub(k) else {
                    return false;
                };
                let end = start + x.stems.len();
                end <= toks.len()
                    && x.stems
                        .iter()
                        .zip(&toks[start..end])
                        .all(|(s, t)| vocab.surface_stem[t.surface as usize] == *s)
                    && doc.run_of_words_with_commas(text, start, end - 1, x.commas)
            })
        })
    }

    /// Every match of every entry, before exclusions and phrase coverage.
    fn raw_matches(
        &self,
        text: Option<&str>,
        doc: &TokenizedDoc,
        vocab: &Vocabulary,
    ) -> Vec<Match> {
        let toks = &doc.tokens;
        let mut out = Vec::new();
        let stem_of = |k: usize| vocab.surface_stem[toks[k].surface as usize];
        for i in 0..toks.len() {
            let mut phrase_matches = |list: &Vec<(Vec<u32>, u32)>, by_form: bool| {
                for (slots, id) in list {
                    let same = |slot: u32, k: usize| {
                        slot == if by_form { toks[k].surface } else { stem_of(k) }
                    };
                    // A phrase never spans a sentence break ("... armed. With
                    // ...") or a number or mark ("on 18, edged").
                    let gap_ok = |k: usize| self.gap_word[toks[k].surface as usize];
                    if let Some((last, gap)) = phrase_at(slots, toks.len(), i, same, gap_ok) {
                        if doc.run_of_words_with_commas(text, i, last, self.commas[*id as usize]) {
                            out.push(Match {
                                entry: *id,
                                first: i,
                                last,
                                phrase: true,
                                gap,
                            });
                        }
                    }
                }
            };
            if let Some(list) = self.exact_phrases.get(&toks[i].surface) {
                phrase_matches(list, true);
            }
            if let Some(list) = self.phrases.get(&stem_of(i)) {
                phrase_matches(list, false);
            }
            for &id in &self.single[toks[i].surface as usize] {
                out.push(Match {
                    entry: id,
                    first: i,
                    last: i,
                    phrase: false,
                    gap: None,
                });
            }
        }
        out
    }

    /// Drops matches that would count a word twice in one group: a phrase
    /// overlapping an earlier (or, from the same word, longer) phrase of the
    /// group ("under control" inside "brought under control"), and a
    /// single-word match inside a kept phrase.
    fn drop_covered(&self, mut out: Vec<Match>) -> Vec<Match> {
        let group = |m: &Match| self.group(self.entries[m.entry as usize].category);
        let keep = overlap_winners(&out, group);
        let mut k = keep.iter();
        out.retain(|m| !m.phrase || *k.next().unwrap_or(&true));
        let covered = Covered::new(
            out.iter()
                .filter(|m| m.phrase)
                .flat_map(|m| m.own_words().map(move |(a, b)| (group(m), a, b)))
                .collect(),
        );
        out.retain(|m| m.phrase || !covered.contains(group(m), m.first));
        out
    }

    /// The matches that count, each with its negator: [`FrameScorer::matches`]
    /// and [`FrameScorer::negators`], less the reassurance matches a
    /// condition, question or hope leaves unasserted (see
    /// [`under_condition`]). Those are returned apart, for `--show-excluded`.
    /// A negated reassurance match stays: "until it is not safe" still
    /// speaks of danger. The scores, the parts, the reader's marks and
    /// `kwic` all start here.
    pub(crate) fn counted_matches(
        &self,
        text: Option<&str>,
        doc: &TokenizedDoc,
        vocab: &Vocabulary,
    ) -> (Vec<Match>, Vec<Option<usize>>, Vec<Match>) {
        let matches = self.matches(text, doc, vocab);
        let negated = self.negators(text, doc, vocab, &matches);
        let Some(reassurance) = self.polarity.reassurance else {
            return (matches, negated, Vec::new());
        };
        let unasserted = |m: &Match, neg: &Option<usize>| {
            neg.is_none()
                && self.entries[m.entry as usize].category == reassurance
                && under_condition(text, doc, vocab, m.first)
        };
        if !matches.iter().zip(&negated).any(|(m, n)| unasserted(m, n)) {
            return (matches, negated, Vec::new());
        }
        let (mut kept, mut kept_neg, mut dropped) = (Vec::new(), Vec::new(), Vec::new());
        for (m, n) in matches.into_iter().zip(negated) {
            if unasserted(&m, &n) {
                dropped.push(m);
            } else {
                kept.push(m);
                kept_neg.push(n);
            }
        }
        (kept, kept_neg, dropped)
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
            for (a, b) in m.own_words() {
                for t in &mut blocked[a..=b] {
                    *t = true;
                }
            }
        }
        // A negator that opens a gap denies the gapped match ("are no
        // longer safe"), and only it: one further inside belongs to the
        // words named there ("the risk of no deal is low").
        let gap_negator: Vec<Option<usize>> = matches
            .iter()
            .map(|m| {
                m.gap
                    .map(|(a, _)| a)
                    .filter(|&a| denies_at(doc, vocab, &self.negator, a))
            })
            .collect();
        for &j in gap_negator.iter().flatten() {
            blocked[j] = true;
        }
        let keyed: Vec<NegationTarget> = matches
            .iter()
            .map(|m| {
                let c = self.entries[m.entry as usize].category;
                NegationTarget {
                    first: m.first,
                    last: m.last,
                    group: self.group(c),
                    category: c,
                }
            })
            .collect();
        let mut out = negations(
            text,
            doc,
            vocab,
            &self.negator,
            self.window,
            &keyed,
            &blocked,
        );
        for (neg, at) in out.iter_mut().zip(gap_negator) {
            if neg.is_none() {
                *neg = at;
            }
        }
        out
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
    /// Whether one of its entry's excluded phrases dropped it (it then does
    /// not count; only [`FrameScorer::excluded_spans`] gives such matches).
    pub excluded: bool,
}

impl FrameScorer {
    /// (category, first token, last token) of the entry's own words of every
    /// match before negation (two runs for a gapped match), in the order of
    /// [`FrameScorer::spans`]: what lexicon coverage needs,
    /// without the negation pass or a copy of each entry's text.
    pub fn match_ranges(
        &self,
        text: &str,
        doc: &TokenizedDoc,
        vocab: &Vocabulary,
    ) -> Vec<(usize, usize, usize)> {
        self.matches(Some(text), doc, vocab)
            .iter()
            .flat_map(|m| {
                let c = self.entries[m.entry as usize].category;
                m.own_words().map(move |(a, b)| (c, a, b))
            })
            .collect()
    }

    /// Every match in an article, with the same matching rules as
    /// [`FrameScorer::score`] (one per word and category, phrases covering
    /// their words), in text order. `text` is the article, needed as the
    /// scorer uses it: to stop negation at clause punctuation and a phrase at
    /// a number or mark between its words; `None` only where it is not at hand.
    pub fn spans(
        &self,
        text: Option<&str>,
        doc: &TokenizedDoc,
        vocab: &Vocabulary,
    ) -> Vec<SpanMatch> {
        let (matches, negated, _) = self.counted_matches(text, doc, vocab);
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
                    excluded: false,
                }
            })
            .collect()
    }

    /// The matches an entry's excluded phrases dropped (`safe` in "a safe
    /// seat" for `safe !safe seat`) and the reassurance matches a condition
    /// leaves unasserted ("if they feel safe"), in text order, so that what a
    /// rule removes can be shown. `text` is the article (for clause
    /// punctuation, as in [`FrameScorer::spans`]).
    pub fn excluded_spans(
        &self,
        text: Option<&str>,
        doc: &TokenizedDoc,
        vocab: &Vocabulary,
    ) -> Vec<SpanMatch> {
        let mut dropped = self.excluded_matches(text, doc, vocab);
        dropped.extend(self.counted_matches(text, doc, vocab).2);
        dropped.sort_by_key(|m| (m.first, m.last));
        dropped
            .iter()
            .map(|m| {
                let e = &self.entries[m.entry as usize];
                SpanMatch {
                    category: e.category,
                    entry: e.text.clone(),
                    first: m.first,
                    last: m.last,
                    negated: false,
                    excluded: true,
                }
            })
            .collect()
    }
}

/// The gaps between the words of a phrase that `text` writes with a comma,
/// as bits (bit 0: after the first word).
fn comma_gaps(analyzer: &Analyzer, text: &str) -> u64 {
    let words: Vec<(usize, usize)> = analyzer
        .analyze(text)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| (t.start, t.end))
        .collect();
    words
        .windows(2)
        .take(64)
        .enumerate()
        .filter(|(_, w)| text.get(w[0].1..w[1].0).is_some_and(|g| g.contains(',')))
        .fold(0, |bits, (k, _)| bits | 1 << k)
}

/// Token spans of phrase matches by negation group, to ask whether a
/// token lies in one. Sorted, with the furthest end reached so far in each
/// group, so a question is one binary search: testing every phrase for
/// every single-word match grew with the square of an article's length.
/// For each phrase match of `matches` in order, whether it is kept: within
/// a group, phrases are taken by first word (the longest first, then the
/// lower entry) and one that overlaps the last kept phrase is dropped.
fn overlap_winners(matches: &[Match], group: impl Fn(&Match) -> usize) -> Vec<bool> {
    let phrases: Vec<&Match> = matches.iter().filter(|m| m.phrase).collect();
    let mut order: Vec<usize> = (0..phrases.len()).collect();
    order.sort_unstable_by_key(|&i| {
        let m = phrases[i];
        (group(m), m.first, std::cmp::Reverse(m.last), m.entry)
    });
    let mut keep = vec![false; phrases.len()];
    // The own words of the kept phrases of the group at hand that reach the
    // current first word (a gap's words are not the phrase's own).
    let mut kept: Vec<(usize, usize)> = Vec::new();
    let mut current = None;
    for i in order {
        let (g, m) = (group(phrases[i]), phrases[i]);
        if current != Some(g) {
            kept.clear();
            current = Some(g);
        }
        kept.retain(|&(_, b)| b >= m.first);
        if m.own_words()
            .any(|(a, b)| kept.iter().any(|&(c, d)| a <= d && c <= b))
        {
            continue;
        }
        keep[i] = true;
        kept.extend(m.own_words());
    }
    keep
}

struct Covered {
    /// (group, first token, last token), sorted.
    spans: Vec<(usize, usize, usize)>,
    /// The largest last token among the group's spans up to this one.
    reach: Vec<usize>,
}

impl Covered {
    fn new(mut spans: Vec<(usize, usize, usize)>) -> Self {
        spans.sort_unstable();
        let mut reach: Vec<usize> = Vec::with_capacity(spans.len());
        for (i, &(g, _, b)) in spans.iter().enumerate() {
            let before = (i > 0 && spans[i - 1].0 == g).then(|| reach[i - 1]);
            reach.push(before.map_or(b, |r| r.max(b)));
        }
        Covered { spans, reach }
    }

    /// Whether a span of group `g` holds token `t`.
    fn contains(&self, g: usize, t: usize) -> bool {
        let k = self.spans.partition_point(|&(sg, a, _)| (sg, a) <= (g, t));
        k > 0 && self.spans[k - 1].0 == g && self.reach[k - 1] >= t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The binary search answers as testing every span does, on
    /// overlapping spans of several groups.
    #[test]
    fn covered_agrees_with_testing_every_span() {
        let mut x = 99u64;
        let mut next = |n: usize| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) as usize % n
        };
        let spans: Vec<(usize, usize, usize)> = (0..200)
            .map(|_| {
                let a = next(500);
                (next(3), a, a + next(6))
            })
            .collect();
        let covered = Covered::new(spans.clone());
        for g in 0..4 {
            for t in 0..520 {
                let naive = spans.iter().any(|&(sg, a, b)| sg == g && a <= t && t <= b);
                assert_eq!(covered.contains(g, t), naive, "group {g} token {t}");
            }
        }
    }
    use crate::input::Document;
    use crate::text::filters::StopWords;
    use crate::text::tokens::{tokenize_corpus, TokenizedCorpus};

    fn corpus(text: &str) -> TokenizedCorpus {
        let docs = vec![Document {
            text: text.into(),
            ..Default::default()
        }];
        let en = Language::english();
        tokenize_corpus(&docs, &en, &StopWords::new(en.stop_words()))
    }

    /// (entry, matched words, excluded) of every match and every excluded
    /// match of `entries` (one `.txt` category) in `text`, in text order.
    fn hits(entries: &str, text: &str) -> Vec<(String, String, bool)> {
        let lx = crate::lexicon::parse(&format!("# description: d\n{entries}"), "t.txt", "t")
            .expect("test lexicon parses");
        let tc = corpus(text);
        let scorer = FrameScorer::new(&[lx], &tc.vocab, &Language::english(), 3);
        let doc = &tc.docs[0];
        let mut spans = scorer.spans(Some(text), doc, &tc.vocab);
        spans.extend(scorer.excluded_spans(Some(text), doc, &tc.vocab));
        spans.sort_by_key(|m| (m.first, m.excluded));
        spans
            .into_iter()
            .map(|m| {
                let words: Vec<&str> = doc.tokens[m.first..=m.last]
                    .iter()
                    .map(|t| tc.vocab.surfaces[t.surface as usize].as_str())
                    .collect();
                (m.entry, words.join(" "), m.excluded)
            })
            .collect()
    }

    fn h(entry: &str, words: &str, excluded: bool) -> (String, String, bool) {
        (entry.into(), words.into(), excluded)
    }

    #[test]
    fn overlapping_phrases_of_one_list_count_a_word_once() {
        // Nested: the longer phrase wins; overlapping: the earlier one.
        assert_eq!(
            hits(
                "under control\nbrought under control\nis safe\nsafe to drink\n",
                "It was brought under control. It is safe to drink. Safe to drink.",
            ),
            vec![
                h("brought under control", "brought under control", false),
                h("is safe", "is safe", false),
                h("safe to drink", "safe to drink", false),
            ]
        );
    }

    #[test]
    fn a_phrase_is_a_run_of_words_without_numbers_or_marks_between() {
        // A number or comma between the words is not the phrase; a hyphen
        // is ("all-clear" is one token, so spaced here).
        assert_eq!(
            hits(
                "on edge\nall clear\n",
                "Shares rose on 18, edged up. They were on edge. The all -clear came.",
            ),
            vec![
                h("on edge", "on edge", false),
                h("all clear", "all clear", false),
            ]
        );
        // Unless the entry has the comma there.
        assert_eq!(
            hits(
                "too little, too late\n",
                "Too little, too late. Too little too late. Too, little too late."
            ),
            vec![
                h("too little, too late", "too little too late", false),
                h("too little, too late", "too little too late", false),
            ]
        );
        // Nor a comma, a bracket, a slash or a dash between spaces.
        for text in [
            "on, edge",
            "on (edge",
            "on/edge",
            "on - edge",
            "on \u{2014} edge",
        ] {
            assert_eq!(hits("on edge\n", text), vec![], "{text}");
        }
        // An apostrophe may end the first word, and quotation marks stand
        // between words.
        assert_eq!(
            hits(
                "blind eye\n",
                "They turned a \"blind eye\" and a \u{2018}blind\u{2019} eye."
            ),
            vec![
                h("blind eye", "blind eye", false),
                h("blind eye", "blind eye", false)
            ]
        );
        assert_eq!(
            hits("workers' rights\n", "For workers' rights."),
            vec![h("workers' rights", "workers rights", false)]
        );
        // An excluded phrase is a run of words too: "safe, seat" is not
        // "safe seat", so `safe` counts.
        assert_eq!(
            hits("safe !safe seat\n", "A safe seat. Safe, seat belts on."),
            vec![h("safe", "safe", true), h("safe", "safe", false)]
        );
    }

    #[test]
    fn exact_entries_match_their_forms_only() {
        let text = "The memorial honours their memory. Memorials and memories.";
        assert_eq!(
            hits("memory\n", text),
            vec![
                h("memory", "memorial", false),
                h("memory", "memory", false),
                h("memory", "memorials", false),
                h("memory", "memories", false),
            ]
        );
        assert_eq!(
            hits("=memorial\n=memories\n", text),
            vec![
                h("memorial", "memorial", false),
                h("memories", "memories", false)
            ]
        );
        // An exact phrase: each word by its form, within one sentence.
        assert_eq!(
            hits(
                "=big brother\n",
                "Big Brother watches. Big brothers. Big. Brother."
            ),
            vec![h("big brother", "big brother", false)]
        );
    }

    #[test]
    fn excluded_phrases_drop_the_match_inside_them_only() {
        let entries = "safe !safe seat !play it safe\n";
        let text = "It is a safe seat. Labour's safe seats. The town is safe. \
                    They play it safe.";
        assert_eq!(
            hits(entries, text),
            vec![
                h("safe", "safe", true),
                h("safe", "safe", true),
                h("safe", "safe", false),
                h("safe", "safe", true),
            ]
        );
        // The entry anywhere in the phrase: "attacking midfield", "computer virus".
        assert_eq!(
            hits(
                "attack !attacking midfield\nvirus !computer virus\n",
                "An attacking midfielder; an attack. A computer virus, a virus."
            ),
            vec![
                h("attack", "attacking", true),
                h("attack", "attack", false),
                h("virus", "virus", true),
                h("virus", "virus", false),
            ]
        );
    }

    #[test]
    fn an_exclusion_does_not_reach_across_a_sentence_break() {
        assert_eq!(
            hits("safe !safe seat\n", "They are safe. Seat belts helped."),
            vec![h("safe", "safe", false)]
        );
        assert_eq!(
            hits(
                "virus !computer virus\n",
                "He bought a computer. Virus cases rose."
            ),
            vec![h("virus", "virus", false)]
        );
    }

    #[test]
    fn exclusions_apply_to_phrases_wildcards_and_exact_entries() {
        assert_eq!(
            hits(
                "died !died aged\nterror* !war on terror\n=safe !safe haven\n",
                "He died aged 94. She died in 1980. The war on terror; terrorists. \
                 A safe haven, safe now."
            ),
            vec![
                h("died", "died", true),
                h("died", "died", false),
                h("terror*", "terror", true),
                h("terror*", "terrorists", false),
                h("safe", "safe", true),
                h("safe", "safe", false),
            ]
        );
    }

    #[test]
    fn excluded_matches_are_dropped_before_negation() {
        // "not" would negate the first match in its scope; the excluded
        // "safe" is no match, so it negates "calm" instead.
        let lx = crate::lexicon::parse(
            "# description: d\nsafe !safe seat\ncalm\n",
            "reassurance.txt",
            "reassurance",
        )
        .unwrap();
        let tc = corpus("Not a safe seat, calm.");
        let tc2 = corpus("Not a safe seat calm.");
        let scorer = FrameScorer::new(
            std::slice::from_ref(&lx),
            &tc.vocab,
            &Language::english(),
            3,
        );
        let s = scorer.spans(None, &tc.docs[0], &tc.vocab);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].entry, "calm");
        let scorer = FrameScorer::new(&[lx], &tc2.vocab, &Language::english(), 4);
        let s = scorer.spans(None, &tc2.docs[0], &tc2.vocab);
        assert_eq!((s.len(), s[0].negated), (1, true));
    }

    #[test]
    fn a_gap_stands_for_one_to_three_words_of_one_clause() {
        let entries = "keep ... safe\n";
        for (text, words) in [
            ("Keep them safe.", "keep them safe"),
            ("Keep the public safe.", "keep the public safe"),
            ("Keep the people of Leeds safe.", ""),
            ("Keep safe.", ""),
            ("Keep them. Safe now.", ""),
            ("Keep them, or else, safe.", ""),
            ("Keep 40 people safe.", ""),
            // The shortest gap that fits.
            ("Keep them safe and safe.", "keep them safe"),
        ] {
            let got: Vec<String> = hits(entries, text).into_iter().map(|m| m.1).collect();
            let want: Vec<String> = Some(words.to_string())
                .filter(|w| !w.is_empty())
                .into_iter()
                .collect();
            assert_eq!(got, want, "{text}");
        }
        // Exact forms on each side; stems otherwise.
        assert_eq!(
            hits(
                "=kept ... safe\n",
                "They kept everyone safe. Keeps them safe."
            )
            .len(),
            1
        );
        assert_eq!(hits("keep ... safe\n", "It keeps them safe.").len(), 1);
    }

    /// The category `name` with the `.txt` entries `body`.
    fn parse(body: &str, name: &str) -> Lexicon {
        crate::lexicon::parse(
            &format!("# description: d\n{body}"),
            &format!("{name}.txt"),
            name,
        )
        .unwrap()
    }

    #[test]
    fn the_words_of_a_gap_keep_their_own_matches() {
        let lx = [
            parse("blaze\ninjured\nkilled\nattack\n", "threat"),
            parse(
                "under control\nbrought ... under control\nno ... were injured\n=are ... safe\n\
                 risk ... is low\nno ... was killed\n",
                "reassurance",
            ),
        ];
        let spans = |text: &str| -> Vec<(String, bool)> {
            let tc = corpus(text);
            let scorer = FrameScorer::new(&lx, &tc.vocab, &Language::english(), 3);
            scorer
                .spans(Some(text), &tc.docs[0], &tc.vocab)
                .into_iter()
                .map(|m| (m.entry, m.negated))
                .collect()
        };
        let cases: &[(&str, &[(&str, bool)])] = &[
            // The blaze is still a danger word; "under control" counts once,
            // inside the gapped phrase.
            (
                "Crews brought the blaze under control.",
                &[("brought ... under control", false), ("blaze", false)],
            ),
            // The negator and "injured" are the entry's own words: neither
            // negates nor counts apart.
            (
                "No passengers were injured.",
                &[("no ... were injured", false)],
            ),
            // A pattern that starts with a negator does not match where the
            // negator starts an idiom.
            ("No matter how many were injured.", &[("injured", false)]),
            // A negator in the gap negates it too ("no longer" is a negation;
            // "not only" is not).
            ("Residents are no longer safe.", &[("are ... safe", true)]),
            (
                "They are not only safe but calm.",
                &[("are ... safe", false)],
            ),
            // Only a negator that opens the gap: one further in belongs to
            // the words named there.
            ("The risk of no deal is low.", &[("risk ... is low", false)]),
            // The gap's negator is spent on its match: the attack, from the
            // other list and after it, stays a threat.
            (
                "Residents are not safe from attack.",
                &[("are ... safe", true), ("attack", false)],
            ),
            // A gap does not run over a word that opens a clause.
            ("No one knows who was killed.", &[("killed", false)]),
            // A negator before the whole pattern negates it.
            (
                "They have not brought the blaze under control.",
                &[("brought ... under control", true), ("blaze", false)],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<(String, bool)> = want.iter().map(|(e, n)| (e.to_string(), *n)).collect();
            assert_eq!(spans(text), want, "{text}");
        }
    }

    /// (entry, negated) of the counted spans and the entries of the dropped
    /// ones, for threat and reassurance lists scored on `text`.
    fn conditioned(text: &str) -> (Vec<(String, bool)>, Vec<String>) {
        let lx = [
            parse("danger\n", "threat"),
            parse("safe\nunder control\n", "reassurance"),
        ];
        let tc = corpus(text);
        let scorer = FrameScorer::new(&lx, &tc.vocab, &Language::english(), 3);
        let doc = &tc.docs[0];
        let kept = scorer
            .spans(Some(text), doc, &tc.vocab)
            .into_iter()
            .map(|m| (m.entry, m.negated))
            .collect();
        let dropped = scorer
            .excluded_spans(Some(text), doc, &tc.vocab)
            .into_iter()
            .map(|m| m.entry)
            .collect();
        (kept, dropped)
    }

    #[test]
    fn a_condition_or_hope_leaves_reassurance_unasserted() {
        let kept = |v: &[(&str, bool)]| -> Vec<(String, bool)> {
            v.iter().map(|(e, n)| (e.to_string(), *n)).collect()
        };
        assert_eq!(
            conditioned("Stay away until it is safe to return."),
            (vec![], vec!["safe".to_string()])
        );
        assert_eq!(
            conditioned("They hope the fire will soon be under control."),
            (vec![], vec!["under control".to_string()])
        );
        // Asserted: no marker, or a marker in another clause or sentence.
        assert_eq!(
            conditioned("The town is safe."),
            (kept(&[("safe", false)]), vec![])
        );
        assert_eq!(
            conditioned("If anything, the fire is under control."),
            (kept(&[("under control", false)]), vec![])
        );
        assert_eq!(
            conditioned("Ask if you like. The town is safe."),
            (kept(&[("safe", false)]), vec![])
        );
        // A threat word under a condition is still a danger, and a negated
        // reassurance match still flips to threat.
        assert_eq!(
            conditioned("If the danger grows, leave."),
            (kept(&[("danger", false)]), vec![])
        );
        assert_eq!(
            conditioned("Leave if it is not safe."),
            (kept(&[("safe", true)]), vec![])
        );
        // A question asks; the next sentence may answer.
        assert_eq!(
            conditioned("Is the water safe? Officials say it is safe."),
            (kept(&[("safe", false)]), vec!["safe".to_string()])
        );
        assert_eq!(
            conditioned("\"Is the fire under control?\" he asked."),
            (vec![], vec!["under control".to_string()])
        );
        // Beyond the window the marker no longer reaches.
        assert_eq!(
            conditioned("We hope that one day soon the people of the valley will say it is safe."),
            (kept(&[("safe", false)]), vec![])
        );
    }

    #[test]
    fn lexicons_without_senses_have_no_exclusion_work() {
        let tc = corpus("A safe seat.");
        let lx = crate::lexicon::parse("# description: d\nsafe\n", "t.txt", "t").unwrap();
        let scorer = FrameScorer::new(&[lx], &tc.vocab, &Language::english(), 3);
        assert!(!scorer.any_exclusion);
        assert!(scorer
            .excluded_spans(None, &tc.docs[0], &tc.vocab)
            .is_empty());
    }
}
