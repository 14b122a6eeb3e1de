//! The sentence that says how the clustering was made, as written to the
//! outputs: the vectors, the k-means fit and how k was set.

use super::fit::Fit;
use super::params::ValidClusterParams;
use super::vectors::Vectors;

/// Describes the method for the `method` field of the results; `n_cols` is
/// the number of TF-IDF terms.
pub fn method(valid: &ValidClusterParams, vectors: &Vectors, fit: &Fit, n_cols: usize) -> String {
    let (params, tuning) = (valid.params(), valid.tuning());
    let vectors = match vectors.reduced_dims {
        Some(d) => format!(
            "the L2-normalised TF-IDF vectors reduced to {d} dimensions by truncated SVD (LSA; \
             randomized, {} power iterations{}) and L2-normalised again",
            tuning.power_iterations,
            vectors
                .svd_sample
                .map(|m| format!(", fitted on a random sample of {m} articles"))
                .unwrap_or_default()
        ),
        None => format!("the L2-normalised TF-IDF vectors ({n_cols} terms)"),
    };
    let k_part = if params.k.is_some() {
        format!("k = {} fixed", fit.k_asked)
    } else {
        format!(
            "k chosen by the highest mean silhouette (cosine distance) over k = 2..{}{}",
            fit.k_scores.last().map_or(2, |s| s.k),
            fit.silhouette_sample.map_or(String::new(), |m| format!(
                " on a seeded random sample of {m} articles"
            ))
        )
    };
    let sweep = if params.k.is_none() && fit.sweep_runs < tuning.n_runs {
        format!(" ({} per k while choosing k)", fit.sweep_runs)
    } else {
        String::new()
    };
    let fit = match fit.restart_sample {
        Some(m) => format!(
            "{} seeded restarts on the sample of {m}, lowest inertia kept{sweep}; every article then \
             joins the nearest of that run's centroids; final fit on all articles by linfa's KMeans \
             started from there",
            tuning.n_runs,
        ),
        None => format!(
            "{} seeded restarts, lowest inertia kept{sweep}; final fit by linfa's KMeans started from \
             that solution",
            tuning.n_runs,
        ),
    };
    format!(
        "k-means (Lloyd, k-means++ start, {fit}) on {vectors}; {k_part}; \
         cluster terms = the highest centroid weights in TF-IDF space minus the term's mean weight in the other articles; map = first two principal components of the \
         clustered vectors"
    )
}
