//! Validating the dictionary against human coding.
//!
//! * [`sample`]: `frame sample` draws a seeded, stratified sample of sentences
//!   (or articles) and writes a blank coding sheet (CSV) for human coders;
//! * [`corpus`]: the corpus's codable units and their hits, which `sample`
//!   draws from and `agree --corpus` counts (the strata);
//! * [`sheet`]: reading a filled coding sheet (codes checked row by row);
//! * [`agree`]: `frame agree` reads filled sheets and reports agreement between
//!   a human coder and frame, or between two coders;
//! * [`entries`]: `frame agree --entries`: per lexicon entry, the units it
//!   matched and how the coder coded them (which entries make false hits);
//! * [`stats`]: percentage agreement, Cohen's kappa, Krippendorff's alpha,
//!   precision and recall, with their formulas;
//! * [`estimates`]: `frame agree --corpus`: the coded units matched to the
//!   corpus's strata, and the corpus estimates reported;
//! * [`questions`]: `frame agree` on a sheet of Semetko & Valkenburg's
//!   questions (`frame sample --questions`): each generic frame's score
//!   against the coders' answers (AUC, Spearman's rho);
//! * [`weighted`]: the post-stratified estimator of precision, recall and
//!   kappa, with its stratified bootstrap.
//!
//! Units are scored with the lexicons in use (the defaults, or the user's with
//! `--lexicon`) and the same scorer as `frame analyze`
//! ([`crate::scoring::FrameScorer`]), so a unit's hits are those the report counts.

pub mod agree;
pub mod corpus;
pub mod entries;
pub mod estimates;
pub mod questions;
pub mod sample;
pub mod sheet;
pub mod stats;
pub mod weighted;

use crate::input::Document;
use crate::lexicon::Lexicon;
use crate::model::error::Result;
use crate::model::options::Options;
use crate::scoring::sentiment::{SentimentAnalyzer, SentimentLexicon};
use crate::scoring::{DocScores, FrameScorer, DEFAULT_NEGATION_WINDOW};
use crate::text::tokens::{self, TokenizedDoc};
use rayon::prelude::*;

/// What one row of a coding sheet is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// One sentence of an article (`<article_id>#s<sentence_no>`).
    Sentence,
    /// A whole article (its id).
    Article,
}

impl Unit {
    /// Singular noun for prose ("sentence").
    pub fn singular(&self) -> &'static str {
        match self {
            Unit::Sentence => "sentence",
            Unit::Article => "article",
        }
    }

    /// Plural noun for prose ("sentences").
    pub fn plural(&self) -> &'static str {
        match self {
            Unit::Sentence => "sentences",
            Unit::Article => "articles",
        }
    }
}

/// frame's scores of one document, with its tokenised text.
pub(crate) type Scored = (DocScores, TokenizedDoc);

/// Frame names (lexicon order) and, per document, frame's scores and the
/// tokenised text.
pub(crate) fn score_documents(
    docs: &[Document],
    opts: &Options,
    lexicons: &[Lexicon],
) -> Result<(Vec<String>, Vec<Scored>)> {
    let stop = crate::text::stop_list::for_run(opts)?;
    let tc = tokens::tokenize_corpus(docs, &opts.lang, &stop);
    let senti = SentimentAnalyzer::new(SentimentLexicon::builtin());
    let scorer = FrameScorer::new(lexicons, &tc.vocab, &opts.lang, DEFAULT_NEGATION_WINDOW);
    let scores: Vec<DocScores> = docs
        .par_iter()
        .zip(tc.docs.par_iter())
        .map(|(d, td)| scorer.score(&d.text, td, &tc.vocab, &senti))
        .collect();
    Ok((
        scorer.names().to_vec(),
        scores.into_iter().zip(tc.docs).collect(),
    ))
}
