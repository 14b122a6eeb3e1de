//! frame: compare how news articles frame a story.
//!
//! The pipeline runs one way, one folder per stage:
//! `input -> text -> similarity -> scoring -> stats -> model -> report -> output`.
//! `pipeline` holds the stage order; `commands` the binary's other subcommands;
//! `platform` the only CPU- and OS-specific code. See ARCHITECTURE.md.

pub mod commands;
pub mod input;
pub mod lexicon;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod platform;
pub mod report;
pub mod scoring;
pub mod similarity;
pub mod stats;
pub mod text;

pub use model::error::{Error, Result};
pub use model::options::Options;
pub use model::Analysis;
pub use pipeline::{run, RunSummary};
