//! Lexicon coverage as reported: how much of the corpus each category
//! matches, and the most frequent words no lexicon matches
//! (computed by `stats::coverage`).

use serde::Serialize;

/// Unmatched words kept in the result (and in `coverage.csv`).
pub const TOP_UNMATCHED: usize = 100;

/// Name of the row counting tokens matched by any category.
pub const ANY: &str = "(any)";

/// Coverage of the corpus by the run's lexicons.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct Coverage {
    /// Word tokens in the corpus.
    pub words_total: usize,
    /// One per category in output order, then the `(any)` row.
    pub categories: Vec<CategoryCoverage>,
    /// The most frequent unmatched non-stop words, at most [`TOP_UNMATCHED`].
    pub unmatched: Vec<WordCount>,
    /// Distinct unmatched non-stop word forms (how long the full list would be).
    pub unmatched_types: usize,
}

/// How much of the corpus one category matches.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct CategoryCoverage {
    /// Category name (or `(any)`).
    pub category: String,
    /// Word tokens inside its matches.
    pub words: usize,
    /// Articles with at least one match.
    pub articles: usize,
    /// words / all word tokens.
    pub share: f64,
}

/// A word no lexicon matches.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct WordCount {
    /// The normalised word form.
    pub word: String,
    /// Occurrences in the corpus.
    pub count: usize,
    /// Articles it occurs in.
    pub articles: usize,
    /// count / all word tokens.
    pub share: f64,
}
