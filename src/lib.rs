//! frame: compare how news articles frame a story.
//!
//! The pipeline runs one way:
//! `Options -> corpus -> text -> tfidf -> cluster -> score -> Analysis -> report`.
//! See ARCHITECTURE.md for the module map and invariants.

pub mod allocator;
pub mod analysis;
pub mod bootstrap;
pub mod cluster;
pub mod collocations;
pub mod corpus;
pub mod coverage;
pub mod error;
pub mod groups;
pub mod keyness;
pub mod kwic;
pub mod lexicon;
pub mod limits;
pub mod options;
pub mod output;
pub mod pipeline;
pub mod positions;
pub mod report;
pub mod score;
pub mod sentiment;
pub mod sparse;
pub mod text;
pub mod tfidf;
pub mod tokens;
pub mod topk;
pub mod voices;

pub use analysis::Analysis;
pub use error::{Error, Result};
pub use options::Options;
pub use pipeline::{run, RunSummary};
pub mod short_texts;
pub mod validate;
