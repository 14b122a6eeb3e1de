//! Frame hits and sentiment of part of an article (quotes, narration,
//! headline, lead, body): the same matches and negation as the whole
//! article, counted where each match starts.

use super::frames::{vader, Scan};
use super::matcher::FrameScorer;
use super::sentiment::{self, SentimentAnalyzer};
use crate::model::SentimentSummary;
use crate::text::tokens::{TokenizedDoc, Vocabulary};

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
    /// Every counted hit of an article after negation: (byte offset of its
    /// first token, category, weight). Computed once per article and shared
    /// by all the parts scored with [`FrameScorer::score_spans`].
    pub fn resolved_hits(
        &self,
        text: &str,
        doc: &TokenizedDoc,
        vocab: &Vocabulary,
    ) -> Vec<(usize, usize, f64)> {
        let (matches, negated, _) = self.counted_matches(Some(text), doc, vocab);
        let mut out = Vec::with_capacity(matches.len());
        for (m, neg) in matches.iter().zip(&negated) {
            let e = &self.entries[m.entry as usize];
            let Some(cat) = self.counted_category(e.category, neg.is_some()) else {
                continue;
            };
            out.push((doc.tokens[m.first].start as usize, cat, e.weight));
        }
        out
    }

    /// Scores only the parts of an article inside `spans` (byte ranges of
    /// `text`, any order, overlaps allowed). A match counts when its first
    /// token starts inside a span, with the same negation rules as
    /// [`FrameScorer::score`] (the article's hits resolved once, in
    /// `scan.resolved`), so spans that partition the text split the
    /// article's hits exactly. Sentiment: VADER on every piece of a sentence
    /// that lies inside a span, aggregated as for whole articles; a piece
    /// that is a whole sentence takes its score from
    /// `scan.sentence_sentiment` when that is filled.
    pub fn score_spans(
        &self,
        text: &str,
        doc: &TokenizedDoc,
        senti: &SentimentAnalyzer,
        spans: &[(usize, usize)],
        scan: &Scan,
    ) -> PartScore {
        let resolved = &scan.resolved;
        let sentence_sentiment =
            (!scan.sentence_sentiment.is_empty()).then_some(&scan.sentence_sentiment[..]);
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
        let nf = self.names().len();
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
