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
//! negated threat match counts as reassurance ("no threat to the public")
//! and a negated reassurance match as threat ("not safe"); a negated match
//! of any other frame is not counted.
//!
//! Per article and frame: hits (sum of entry weights), hits per 1,000 words,
//! and share of the article's frame hits. threat_balance =
//! (threat - reassurance) / (threat + reassurance) on the per-1,000 scores.

pub mod positions;
pub mod sentiment;
pub mod voices;

use crate::input::Document;
use crate::lexicon::{EntryKind, Lexicon};
use crate::model::language::Language;
use crate::model::{
    Evidence, FrameScore, PositionScore, QuoteInfo, SentenceRef, SentenceScore, SentimentSummary,
    VoiceScore,
};
use crate::text::fxhash::FxHashMap;
use crate::text::tokens::{TokenizedCorpus, TokenizedDoc, Vocabulary};
use crate::text::{Analyzer, TokenKind};
use rayon::prelude::*;
use sentiment::SentimentAnalyzer;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

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

/// A match as negation sees it.
#[derive(Debug, Clone, Copy)]
pub struct NegationTarget {
    /// Its first word token.
    pub first: usize,
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
/// what is denied. When two negators reach a match, the nearer one counts.
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
        for (k, t) in targets.iter().enumerate().skip(next) {
            if t.first > end {
                break;
            }
            match chosen.iter().find(|(g, _)| *g == t.group) {
                Some(&(_, c)) if c != t.category => {}
                Some(_) => out[k] = Some(j),
                None => {
                    chosen.push((t.group, t.category));
                    out[k] = Some(j);
                }
            }
        }
    }
    out
}

#[derive(Debug, Clone)]
struct CompiledEntry {
    category: usize,
    text: String,
    weight: f64,
}

/// Lexicons compiled against a corpus vocabulary.
pub struct FrameScorer {
    names: Vec<String>,
    entries: Vec<CompiledEntry>,
    /// Single-token matches (word and prefix entries) of each word form.
    single: Vec<Vec<u32>>,
    /// Phrase entries by their first stem: (stems, entry), longest first.
    /// Looked up for every token, so with the Fx hash rather than SipHash.
    phrases: FxHashMap<u32, Vec<(Vec<u32>, u32)>>,
    threat: Option<usize>,
    reassurance: Option<usize>,
    window: usize,
    negator: Vec<bool>,
}

/// Everything scored for one article.
#[derive(Debug, Clone, Default)]
pub struct DocScores {
    /// One per frame, in lexicon order.
    pub frames: Vec<FrameScore>,
    /// Aggregated sentence sentiment.
    pub sentiment: SentimentSummary,
    /// Threat/reassurance balance in [-1, 1].
    pub threat_balance: f64,
    /// The sentence with most threat hits.
    pub most_threatening: Option<SentenceRef>,
    /// The sentence with most reassurance hits.
    pub most_reassuring: Option<SentenceRef>,
    /// Every sentence.
    pub sentences: Vec<SentenceScore>,
}

#[derive(Debug, Clone, Copy)]
struct Match {
    entry: u32,
    first: usize,
    last: usize,
    phrase: bool,
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
        let find = |n: &str| names.iter().position(|x| x == n);
        FrameScorer {
            threat: find("threat"),
            reassurance: find("reassurance"),
            names,
            entries,
            single,
            phrases,
            window,
            negator: vocab.surfaces.iter().map(|s| is_negator(s)).collect(),
        }
    }

    /// Frame names in output order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The polarity pair a category belongs to (threat and reassurance share one).
    fn group(&self, c: usize) -> usize {
        if Some(c) == self.threat || Some(c) == self.reassurance {
            usize::MAX
        } else {
            c
        }
    }

    fn matches(&self, doc: &TokenizedDoc, vocab: &Vocabulary) -> Vec<Match> {
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
    fn negators(
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
        let nf = self.names.len();
        let words = doc.tokens.len();
        let matches = self.matches(doc, vocab);
        let negated = self.negators(Some(text), doc, vocab, &matches);
        let n_sent = doc.sentences.len();
        let mut sent_hits = vec![vec![0.0f64; nf]; n_sent];
        let mut hits = vec![0.0f64; nf];
        // (category, entry label) -> (count, surface form counts, first sentence)
        type Ev = (usize, BTreeMap<String, usize>, usize);
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
                let flipped = if Some(cat) == self.threat {
                    self.reassurance
                } else if Some(cat) == self.reassurance {
                    self.threat
                } else {
                    None
                };
                match flipped {
                    Some(c) => {
                        cat = c;
                        label = Cow::Owned(format!("negated: {}", e.text));
                        let neg = &vocab.surfaces[doc.tokens[j].surface as usize];
                        form = Cow::Owned(if j + 1 == m.first {
                            format!("{neg} {form}")
                        } else {
                            format!("{neg} … {form}")
                        });
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
            }
            let rows = &mut evidence[cat];
            if !rows.contains_key(label.as_ref()) {
                rows.insert(label.to_string(), (0, BTreeMap::new(), s));
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
        let total: f64 = hits.iter().sum();
        let per_1k = |h: f64| {
            if words > 0 {
                h * 1000.0 / words as f64
            } else {
                0.0
            }
        };
        let frames: Vec<FrameScore> = (0..nf)
            .map(|c| {
                let mut ev: Vec<Evidence> = evidence[c]
                    .iter()
                    .map(|(label, (count, forms, s))| {
                        let term = forms
                            .iter()
                            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                            .map(|f| f.0.clone())
                            .unwrap_or_default();
                        Evidence {
                            term,
                            entry: label.clone(),
                            count: *count,
                            example_sentence: sentence_text(*s),
                        }
                    })
                    .collect();
                ev.sort_by(|a, b| b.count.cmp(&a.count).then(a.term.cmp(&b.term)));
                FrameScore {
                    frame: self.names[c].clone(),
                    hits: hits[c],
                    per_1k: per_1k(hits[c]),
                    share: if total > 0.0 { hits[c] / total } else { 0.0 },
                    evidence: ev,
                    // Filled by the pipeline's bootstrap (crate::stats::bootstrap).
                    ci_low: None,
                    ci_high: None,
                }
            })
            .collect();
        let pick = |c: Option<usize>| -> Option<SentenceRef> {
            let c = c?;
            let mut best: Option<(usize, f64)> = None;
            for (s, h) in sent_hits.iter().enumerate() {
                if h[c] > 0.0 && best.is_none_or(|(_, b)| h[c] > b) {
                    best = Some((s, h[c]));
                }
            }
            best.map(|(s, h)| SentenceRef {
                sentence_no: s + 1,
                text: sentence_text(s),
                hits: h,
            })
        };
        // Picked before the sentences take their rows of hits.
        let (most_threatening, most_reassuring) = (pick(self.threat), pick(self.reassurance));
        // Sentences: sentiment and hits.
        let mut sentences = Vec::with_capacity(n_sent);
        let mut sent_scores = Vec::with_capacity(n_sent);
        let words_in = crate::stats::bootstrap::words_per_sentence(doc);
        for (s, (&(a, b), h)) in doc.sentences.iter().zip(sent_hits).enumerate() {
            let st = vader(senti, &text[a..b]);
            sent_scores.push((st, words_in[s]));
            sentences.push(SentenceScore {
                sentence_no: s + 1,
                text: sentence_text(s),
                sentiment: st.compound,
                hits: h,
            });
        }
        let (t, r) = (
            self.threat.map(|c| frames[c].per_1k).unwrap_or(0.0),
            self.reassurance.map(|c| frames[c].per_1k).unwrap_or(0.0),
        );
        let scores = DocScores {
            sentiment: sentiment::aggregate(&sent_scores),
            threat_balance: if t + r > 0.0 { (t - r) / (t + r) } else { 0.0 },
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

/// `s` with its whitespace runs as single spaces and trimmed (what
/// `split_whitespace().collect::<Vec<_>>().join(" ")` gives), built in one
/// allocation: it runs on every sentence of the corpus.
pub fn squash_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// [`squash_spaces`] as a shared string, copied once when `s` has nothing
/// to squash (the usual sentence).
fn squashed(s: &str) -> Arc<str> {
    if is_squashed(s) {
        Arc::from(s)
    } else {
        Arc::from(squash_spaces(s))
    }
}

/// Whether `s` is already what [`squash_spaces`] makes of it: no whitespace
/// but single spaces between words, none at either end. Reads bytes and
/// decodes only non-ASCII characters (it runs on every sentence).
fn is_squashed(s: &str) -> bool {
    let b = s.as_bytes();
    let mut prev_space = true;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if c == b' ' {
                if prev_space {
                    return false;
                }
                prev_space = true;
            } else if (0x09..=0x0D).contains(&c) {
                // The ASCII whitespace `char::is_whitespace` knows besides ' '.
                return false;
            } else {
                prev_space = false;
            }
            i += 1;
        } else {
            let ch = s[i..].chars().next().unwrap_or(' ');
            if ch.is_whitespace() {
                return false;
            }
            prev_space = false;
            i += ch.len_utf8();
        }
    }
    !prev_space
}

/// VADER on a sentence (or a piece of one) of an article. VADER knows only
/// the ASCII apostrophe ("don't"); case and punctuation are kept because its
/// rules use them.
fn vader(senti: &SentimentAnalyzer, raw: &str) -> SentimentSummary {
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
    let heads = crate::scoring::positions::Headlines::new(docs, tc, lexicons, lang);
    let (articles, (voices, positions)) = docs
        .par_iter()
        .zip(tc.docs.par_iter())
        .enumerate()
        .map(|(i, (d, td))| {
            let (scores, scan) = scorer.score_scan(&d.text, td, &tc.vocab, senti);
            let v = crate::scoring::voices::score_article_in(&d.text, td, scorer, senti, &scan);
            let p = heads.score_article(i, &d.text, td, scorer, senti, &scan);
            (scores, (v, p))
        })
        .unzip();
    CorpusScores {
        articles,
        voices,
        positions,
    }
}

/// Frame hits and sentiment of part of an article (a set of byte ranges).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PartScore {
    /// Word tokens starting inside the ranges.
    pub words: usize,
    /// Weighted hits per frame, in lexicon order.
    pub hits: Vec<f64>,
    /// Sentiment aggregated over the sentence pieces inside the ranges.
    pub sentiment: SentimentSummary,
    /// Sentence pieces with at least one word (the compound is their mean).
    pub pieces: usize,
}

impl FrameScorer {
    /// Scores only the parts of an article inside `spans` (byte ranges of
    /// `text`, any order, overlaps allowed). A match counts when its first
    /// token starts inside a span, with the same negation rules as
    /// [`FrameScorer::score`], so spans that partition the text split the
    /// article's hits exactly. Sentiment: VADER on every piece of a sentence
    /// that lies inside a span, aggregated as for whole articles.
    pub fn score_spans(
        &self,
        text: &str,
        doc: &TokenizedDoc,
        vocab: &Vocabulary,
        senti: &SentimentAnalyzer,
        spans: &[(usize, usize)],
    ) -> PartScore {
        let resolved = self.resolved_hits(text, doc, vocab);
        self.score_spans_with(text, doc, senti, spans, &resolved)
    }

    /// Every counted hit of an article after negation: (byte offset of its
    /// first token, category, weight). Computed once per article and shared
    /// by all the parts scored with [`FrameScorer::score_spans_with`].
    pub fn resolved_hits(
        &self,
        text: &str,
        doc: &TokenizedDoc,
        vocab: &Vocabulary,
    ) -> Vec<(usize, usize, f64)> {
        let matches = self.matches(doc, vocab);
        let negated = self.negators(Some(text), doc, vocab, &matches);
        let mut out = Vec::with_capacity(matches.len());
        for (m, neg) in matches.iter().zip(&negated) {
            let e = &self.entries[m.entry as usize];
            let mut cat = e.category;
            if neg.is_some() {
                let flipped = if Some(cat) == self.threat {
                    self.reassurance
                } else if Some(cat) == self.reassurance {
                    self.threat
                } else {
                    None
                };
                match flipped {
                    Some(c) => cat = c,
                    None => continue,
                }
            }
            out.push((doc.tokens[m.first].start as usize, cat, e.weight));
        }
        out
    }

    /// [`FrameScorer::score_spans`] with the article's hits already resolved
    /// ([`FrameScorer::resolved_hits`]), so several parts of one article cost
    /// one matching pass.
    pub fn score_spans_with(
        &self,
        text: &str,
        doc: &TokenizedDoc,
        senti: &SentimentAnalyzer,
        spans: &[(usize, usize)],
        resolved: &[(usize, usize, f64)],
    ) -> PartScore {
        self.score_spans_in(text, doc, senti, spans, resolved, None)
    }

    /// [`FrameScorer::score_spans_with`] given, optionally, the VADER scores
    /// of the article's whole sentences (`Scan::sentence_sentiment`): a
    /// piece that is a whole sentence takes its score from there instead of
    /// running VADER again on the same text (the same value, computed once).
    pub fn score_spans_in(
        &self,
        text: &str,
        doc: &TokenizedDoc,
        senti: &SentimentAnalyzer,
        spans: &[(usize, usize)],
        resolved: &[(usize, usize, f64)],
        sentence_sentiment: Option<&[SentimentSummary]>,
    ) -> PartScore {
        let mut sp: Vec<(usize, usize)> = spans
            .iter()
            .map(|&(a, b)| (a.min(text.len()), b.min(text.len())))
            .filter(|(a, b)| a < b)
            .collect();
        sp.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(sp.len());
        for (a, b) in sp {
            match merged.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        let inside = |pos: usize| {
            let i = merged.partition_point(|&(a, _)| a <= pos);
            i > 0 && pos < merged[i - 1].1
        };
        let nf = self.names.len();
        let mut hits = vec![0.0f64; nf];
        for &(pos, cat, weight) in resolved {
            if inside(pos) {
                hits[cat] += weight;
            }
        }
        // Tokens are in text order and the merged spans are disjoint: count
        // each span's tokens by two binary searches, not a search per token.
        let words: usize = merged
            .iter()
            .map(|&(a, b)| {
                let lo = doc.tokens.partition_point(|t| (t.start as usize) < a);
                let hi = doc.tokens.partition_point(|t| (t.start as usize) < b);
                hi - lo
            })
            .sum();
        let mut pieces = Vec::new();
        for (s, &(sa, sb)) in doc.sentences.iter().enumerate() {
            let first = merged.partition_point(|&(_, b)| b <= sa);
            for &(a, b) in merged[first..].iter().take_while(|&&(a, _)| a < sb) {
                let (pa, pb) = (a.max(sa), b.min(sb));
                let lo = doc.tokens.partition_point(|t| (t.start as usize) < pa);
                let hi = doc.tokens.partition_point(|t| (t.start as usize) < pb);
                if hi > lo {
                    let whole = (pa, pb) == (sa, sb);
                    let st = match sentence_sentiment.and_then(|c| c.get(s)) {
                        Some(st) if whole => *st,
                        _ => vader(senti, &text[pa..pb]),
                    };
                    pieces.push((st, hi - lo));
                }
            }
        }
        PartScore {
            words,
            hits,
            sentiment: sentiment::aggregate(&pieces),
            pieces: pieces.len(),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squashed_check_equals_squashing() {
        let pieces = [
            "a", "b", " ", "  ", "\t", "\n", "\u{0B}", "\u{0C}", "\r", "\u{A0}", "\u{2009}",
            "\u{3000}", "é", "’", "x y", "\u{85}",
        ];
        let mut r = crate::stats::bootstrap::rng(8, "squash");
        // The character walk it replaced.
        let reference = |s: &str| {
            let mut prev_space = true;
            s.chars().all(|c| {
                let ok = if c == ' ' {
                    !prev_space
                } else {
                    !c.is_whitespace()
                };
                prev_space = c == ' ';
                ok
            }) && !prev_space
        };
        for n in 0..2000 {
            let t = crate::stats::bootstrap::pieces_text(&mut r, &pieces, n % 9);
            assert_eq!(is_squashed(&t), reference(&t), "{t:?}");
            if is_squashed(&t) {
                assert_eq!(squash_spaces(&t), t);
            }
        }
        assert!(is_squashed("a b"));
    }
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
    fn negated_threat_is_reassurance_and_negated_reassurance_is_threat() {
        let s = score_text("There is no threat to the public.");
        assert_eq!(hits(&s), (0.0, 1.0, 0.0));
        assert_eq!(s.frames[1].evidence[0].term, "no threat");
        assert_eq!(s.frames[1].evidence[0].entry, "negated: threat*");
        assert_eq!(
            hits(&score_text("The streets are not safe at night.")),
            (1.0, 0.0, 0.0)
        );
        assert_eq!(
            hits(&score_text("The protest was never violent.")),
            (0.0, 1.0, 0.0)
        );
        assert_eq!(
            hits(&score_text(
                "It isn't dangerous, and they don't feel any danger."
            )),
            (0.0, 2.0, 0.0)
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
        assert_eq!(hits(&score_text("No attack was real.")), (0.0, 1.0, 0.0));
        assert_eq!(hits(&score_text("No well-known danger.")), (0.0, 1.0, 0.0));
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
            (0.0, 1.0, 0.0)
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
        assert_eq!(
            hits(&score_text("It was not dangerous or violent.")),
            (0.0, 2.0, 0.0)
        );
        assert_eq!(
            hits(&score_text("There is no risk of death.")),
            (0.0, 2.0, 0.0)
        );
        // A reassurance word after a negated threat word stays reassurance.
        assert_eq!(
            hits(&score_text("There is no threat to public safety.")),
            (0.0, 2.0, 0.0)
        );
        // Each frame has its own first match: the negated clash is dropped
        // and the negated danger moved.
        assert_eq!(
            hits(&score_text("There was no clash and danger.")),
            (0.0, 1.0, 0.0)
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
            "He recovered quickly.",
            "She is recovering.",
            "There was relief in the town.",
            "The fire is now contained.",
            "The risk to the public remains very low.",
            "The threat has passed.",
            "She is in good spirits.",
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
        ] {
            assert_eq!(builtin_tr(n), (0.0, 0.0), "{n}");
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
        assert!((s.threat_balance - 1.0 / 3.0).abs() < 1e-9);
        let none = score_text("The weather was mild.");
        assert_eq!(none.threat_balance, 0.0);
        assert_eq!(none.frames[0].share, 0.0);
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
    fn squash_spaces_joins_words_with_single_spaces() {
        for s in [
            "",
            "  ",
            " a  b\t\nc ",
            "x\u{a0}y\u{2003} z",
            "one",
            "one two",
            "one two ",
            " one",
            "a\nb",
        ] {
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(squash_spaces(s), want);
            assert_eq!(&*squashed(s), want, "{s:?}");
        }
    }

    #[test]
    fn match_ranges_are_the_spans_without_negation() {
        let text = "Police said all is not calm. Violent gangs attack us, a man said; no threat.";
        let en = Language::english();
        let tc = one_article(text);
        let scorer = FrameScorer::new(&lexicons(), &tc.vocab, &en, DEFAULT_NEGATION_WINDOW);
        let spans = scorer.spans(None, &tc.docs[0], &tc.vocab);
        assert!(spans.len() >= 3, "{spans:?}");
        let want: Vec<(usize, usize, usize)> = spans
            .iter()
            .map(|m| (m.category, m.first, m.last))
            .collect();
        assert_eq!(scorer.match_ranges(&tc.docs[0], &tc.vocab), want);
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
        let quote = scorer.score_spans(text, &tc.docs[0], &tc.vocab, &senti, &[(q0, q1)]);
        let rest = scorer.score_spans(
            text,
            &tc.docs[0],
            &tc.vocab,
            &senti,
            &[(0, q0), (q1, text.len())],
        );
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
        let none = scorer.score_spans(text, &tc.docs[0], &tc.vocab, &senti, &[]);
        assert_eq!((none.words, none.pieces), (0, 0));
    }
}
