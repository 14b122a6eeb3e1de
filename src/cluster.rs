//! Clustering and similarity (stub; being written).
use crate::analysis::Clustering;
use crate::sparse::CsrMatrix;

/// What clustering needs from earlier stages.
pub struct ClusterInput<'a> {
    /// L2-normalised TF-IDF rows, one per article.
    pub matrix: &'a CsrMatrix,
    /// Article ids, one per row.
    pub ids: &'a [String],
    /// Surface form of each column's term.
    pub terms: &'a [String],
    /// Stem of each column.
    pub stems: &'a [String],
}

/// Clustering parameters.
#[derive(Debug, Clone)]
pub struct ClusterParams {
    /// Fixed k, or None to choose by silhouette.
    pub k: Option<usize>,
    /// RNG seed.
    pub seed: u64,
    /// Compute neighbours even for very large corpora.
    pub neighbours: bool,
    /// Top terms per cluster.
    pub top_terms: usize,
}

/// Clusters the articles; `None` when there are fewer than 3.
pub fn cluster(_input: &ClusterInput, _params: &ClusterParams) -> Option<Clustering> {
    None
}
