//! Scoring texts in batches: the run's scoring context, built once, and the
//! batch that gathers texts until it is full.

use super::sink::{RowSink, ScoreRow};
use crate::input::Document;
use crate::model::error::Result;
use crate::model::options::Options;
use crate::scoring::sentiment::{SentimentAnalyzer, SentimentLexicon};
use crate::scoring::{FrameScorer, DEFAULT_NEGATION_WINDOW};
use crate::text::tokens;
use rayon::prelude::*;
use std::borrow::Cow;

/// Texts scored and written per batch: memory stays bounded whatever the
/// length of the input.
pub const BATCH: usize = 4096;
/// Text bytes that also end a batch, so that a batch of long rows stays
/// small (scoring takes some tens of bytes of memory per byte of text).
pub const BATCH_BYTES: usize = 8 << 20;
/// Longest line read from standard input; a longer one is skipped with a
/// warning (`frame score` is for short texts; long ones belong in `analyze`).
pub const MAX_LINE_BYTES: usize = 1 << 20;
/// Longest table row: a CSV row can hold an article with its line breaks,
/// so more than a line; still bounded, as one row is held whole.
pub const MAX_ROW_BYTES: u64 = 16 << 20;

/// The scoring context of a run, built once: stop words, lexicons, VADER.
pub struct BatchScorer {
    stop: crate::text::filters::StopWords,
    lexicons: Vec<crate::lexicon::Lexicon>,
    senti: SentimentAnalyzer,
    lang: crate::model::language::Language,
}

impl BatchScorer {
    /// Loads the run's stop words and lexicons (defaults and `--lexicon` files).
    pub fn new(opts: &Options) -> Result<BatchScorer> {
        Ok(BatchScorer {
            stop: crate::text::stop_list::for_run(opts)?,
            lexicons: crate::lexicon::load::lexicons_for_run(opts)?,
            senti: SentimentAnalyzer::new(SentimentLexicon::builtin()),
            lang: opts.lang,
        })
    }

    /// Scores a batch of documents. Each text's scores depend on that text
    /// alone, so scoring in batches gives the rows of scoring all at once.
    pub fn score(&self, docs: &[Document]) -> Vec<ScoreRow> {
        let tc = tokens::tokenize_corpus(docs, &self.lang, &self.stop);
        let scorer = FrameScorer::new(
            &self.lexicons,
            &tc.vocab,
            &self.lang,
            DEFAULT_NEGATION_WINDOW,
        );
        docs.par_iter()
            .zip(tc.docs.par_iter())
            .map(|(d, td)| {
                let s = scorer.score(&d.text, td, &tc.vocab, &self.senti);
                ScoreRow {
                    id: d.id.clone(),
                    words: td.tokens.len(),
                    sentiment: s.sentiment.compound,
                    positive: s.sentiment.positive,
                    negative: s.sentiment.negative,
                    neutral: s.sentiment.neutral,
                    frames: s
                        .frames
                        .iter()
                        .map(|f| (f.frame.clone(), f.per_1k))
                        .collect(),
                    threat_balance: s.threat_balance,
                }
            })
            .collect()
    }
}

/// Texts waiting to be scored: scored and written when [`BATCH`] texts or
/// [`BATCH_BYTES`] of text are gathered, and at the end.
pub struct Batch {
    docs: Vec<Document>,
    bytes: usize,
    /// Texts scored and written so far.
    pub scored: usize,
}

impl Default for Batch {
    fn default() -> Self {
        Batch {
            docs: Vec::with_capacity(BATCH),
            bytes: 0,
            scored: 0,
        }
    }
}

impl Batch {
    /// Adds a text, scoring and writing the batch when it is full. Returns
    /// `false` once the reader of the output has gone away.
    pub fn push(&mut self, mut doc: Document, scorer: &BatchScorer, sink: &mut RowSink) -> bool {
        // As when an article is read: a soft hyphen or a ligature must not
        // split a word, nor a line break a sentence.
        if let Cow::Owned(t) = crate::input::text_steps::as_given(&doc.text) {
            doc.text = t;
        }
        self.bytes += doc.text.len();
        self.docs.push(doc);
        if self.docs.len() >= BATCH || self.bytes >= BATCH_BYTES {
            self.flush(scorer, sink);
        }
        !sink.closed
    }

    /// Scores and writes what is gathered.
    pub fn flush(&mut self, scorer: &BatchScorer, sink: &mut RowSink) {
        if self.docs.is_empty() || sink.closed {
            return;
        }
        sink.write(&scorer.score(&self.docs));
        self.scored += self.docs.len();
        self.docs.clear();
        self.bytes = 0;
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The scorer of default options and its frame names.
    pub(crate) fn default_scorer() -> (BatchScorer, Vec<String>) {
        let scorer = BatchScorer::new(&Options::new(Vec::new())).unwrap();
        let frames = scorer.lexicons.iter().map(|l| l.name.clone()).collect();
        (scorer, frames)
    }

    use super::super::sink::to_csv;

    /// Batches cut by size give the rows of one pass.
    #[test]
    fn a_batch_ends_at_its_byte_budget() {
        let (scorer, frames) = default_scorer();
        let long = "Police say the attack caused fear. ".repeat(BATCH_BYTES / 70 + 1);
        let docs: Vec<Document> = (0..3)
            .map(|i| Document {
                id: i.to_string(),
                text: long.clone(),
                ..Default::default()
            })
            .collect();
        let mut out = Vec::new();
        {
            let mut sink = RowSink::new(&mut out, false, frames.clone());
            let mut batch = Batch::default();
            batch.push(docs[0].clone(), &scorer, &mut sink);
            assert_eq!(batch.scored, 0);
            batch.push(docs[1].clone(), &scorer, &mut sink);
            assert_eq!(batch.scored, 2, "two halves fill the budget");
            batch.push(docs[2].clone(), &scorer, &mut sink);
            batch.flush(&scorer, &mut sink);
            assert_eq!(batch.scored, 3);
        }
        assert!(out == to_csv(&scorer.score(&docs), &frames));
    }

    /// The words column is what the scores are per 1,000 of: a score times
    /// the words over 1,000 gives back the hits.
    #[test]
    fn a_row_gives_its_word_count_so_scores_turn_back_into_hits() {
        let (scorer, _) = default_scorer();
        let doc = Document {
            id: "a".into(),
            text: "The attack killed three people. The city is calm.".into(),
            ..Default::default()
        };
        let row = &scorer.score(&[doc])[0];
        assert_eq!(row.words, 9);
        let threat = row.frames.iter().find(|(f, _)| f == "threat").unwrap().1;
        assert!(
            (threat * row.words as f64 / 1000.0 - 2.0).abs() < 1e-9,
            "{threat}"
        );
    }
}
