//! Step 1 of clustering: the vectors k-means sees. Wide vocabularies are
//! reduced by a truncated SVD (LSA) of the sparse TF-IDF matrix, fitted on a
//! seeded sample above `svd_sample` articles; small vocabularies (or
//! `Reduce::Never`) use the dense TF-IDF rows. Either way the rows are
//! L2-normalised so that Euclidean k-means ranks like cosine.

use super::linalg::{self, OVERSAMPLE};
use super::params::{Reduce, ValidClusterParams};
use super::sample::sample_rows;
use crate::similarity::sparse::Rows;
use ndarray::Array2;

/// The vectors to cluster and how they were made.
pub struct Vectors {
    /// One unit-length (or zero) row per article.
    pub x: Array2<f64>,
    /// Dimensions after the SVD, or None for the dense TF-IDF rows.
    pub reduced_dims: Option<usize>,
    /// Articles the SVD was fitted on, when it was fitted on a sample.
    pub svd_sample: Option<usize>,
}

/// Builds the vectors of `matrix`'s rows, adding a note when the SVD was
/// fitted on a sample.
pub fn vectors(matrix: Rows<'_>, valid: &ValidClusterParams, notes: &mut Vec<String>) -> Vectors {
    let (params, tuning) = (valid.params(), valid.tuning());
    let n = matrix.n_rows();
    let reduce = match tuning.reduce {
        Reduce::Never => false,
        Reduce::Always => true,
        Reduce::Auto => matrix.n_cols() > tuning.dims,
    };
    let svd_sample = (reduce && n > tuning.svd_sample).then_some(tuning.svd_sample);
    let mut x = if !reduce {
        densify(matrix)
    } else if let Some(m) = svd_sample {
        notes.push(format!(
            "The SVD (LSA) directions were fitted on a random sample of {m} of the {n} articles \
             (seed {}); every article was then projected onto them.",
            params.seed
        ));
        linalg::sampled_svd(
            matrix,
            &sample_rows(n, m, params.seed),
            tuning.dims,
            OVERSAMPLE,
            tuning.power_iterations,
            params.seed,
        )
        .0
    } else {
        let sparse_op = linalg::SparseOp::new(matrix);
        linalg::randomized_svd(
            &sparse_op,
            tuning.dims,
            OVERSAMPLE,
            tuning.power_iterations,
            params.seed,
        )
        .0
    };
    normalise_rows(&mut x);
    let reduced_dims = reduce.then_some(x.ncols());
    Vectors {
        x,
        reduced_dims,
        svd_sample,
    }
}

/// Dense copy of sparse rows (dense path only: tiny vocabularies or `Reduce::Never`).
fn densify(m: Rows<'_>) -> Array2<f64> {
    let mut x = Array2::zeros((m.n_rows(), m.n_cols()));
    for r in 0..m.n_rows() {
        let (cols, vals) = m.row(r);
        for (&c, &v) in cols.iter().zip(vals) {
            x[[r, c as usize]] = v;
        }
    }
    x
}

/// Scales every non-zero row to unit length (zero rows stay zero).
fn normalise_rows(x: &mut Array2<f64>) {
    for mut row in x.rows_mut() {
        let n = row.dot(&row).sqrt();
        if n > 0.0 {
            row /= n;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::cluster;
    use super::super::params::ClusterTuning;
    use super::super::test_corpus::{labels, params, planted, raw_params};
    use super::*;

    #[test]
    fn svd_path_matches_dense_path_on_planted_topics() {
        let c = planted(600, 3, 900, 300, 30, 15, 9);
        assert_eq!(c.m.n_cols, 3000);
        let tuned = |reduce| {
            raw_params(Some(3))
                .check_with(ClusterTuning {
                    reduce,
                    ..Default::default()
                })
                .unwrap()
        };
        let dense = cluster(&c.input(), &tuned(Reduce::Never)).unwrap().unwrap();
        let svd = cluster(&c.input(), &tuned(Reduce::Always))
            .unwrap()
            .unwrap();
        assert_eq!(dense.reduced_dims, None);
        assert_eq!(svd.reduced_dims, Some(100));
        assert!(svd.method.contains("truncated SVD"));
        assert_eq!(
            super::super::test_corpus::agreement(&labels(&dense), &c.truth),
            1.0
        );
        assert_eq!(labels(&svd), labels(&dense));
        // The default reduces; so the clusters are the dense path's.
        let auto = cluster(&c.input(), &params(Some(3))).unwrap().unwrap();
        assert_eq!(auto.reduced_dims, Some(100));
        assert_eq!(labels(&auto), labels(&dense));
    }

    #[test]
    fn svd_fitted_on_a_sample_finds_the_same_clusters() {
        let c = planted(600, 3, 900, 300, 30, 15, 9);
        let full = cluster(&c.input(), &params(Some(3))).unwrap().unwrap();
        let p = raw_params(Some(3))
            .check_with(ClusterTuning {
                svd_sample: 150,
                ..Default::default()
            })
            .unwrap();
        let sampled = cluster(&c.input(), &p).unwrap().unwrap();
        assert_eq!(
            super::super::test_corpus::agreement(&labels(&sampled), &c.truth),
            1.0
        );
        assert_eq!(labels(&sampled), labels(&full));
        assert!(sampled.method.contains("random sample of 150 articles"));
        assert!(sampled
            .notes
            .iter()
            .any(|n| n.contains("sample of 150 of the 600")));
        assert!(!full.method.contains("sample"));
    }

    #[test]
    fn small_corpus_reduction_is_lossless() {
        // 40 articles, 130 terms: reduced to min(100, 40) = 40 dimensions
        // spanning every row, so cosines (and clusters) equal the dense path's.
        let c = planted(40, 4, 25, 30, 16, 4, 15);
        let svd = cluster(&c.input(), &params(None)).unwrap().unwrap();
        assert_eq!(svd.reduced_dims, Some(40));
        let p = raw_params(None)
            .check_with(ClusterTuning {
                reduce: Reduce::Never,
                ..Default::default()
            })
            .unwrap();
        let dense = cluster(&c.input(), &p).unwrap().unwrap();
        // Every inner product survives the reduction (up to rounding) ...
        let op = linalg::SparseOp::new(&c.m);
        let (scores, _) = linalg::randomized_svd(&op, 100, OVERSAMPLE, 2, 42);
        let g = scores.dot(&scores.t());
        for i in 0..40 {
            for j in 0..40 {
                assert!((g[[i, j]] - c.m.row_dot(i, j)).abs() < 1e-12);
            }
        }
        // ... so on clear topics the clusters and scores are the dense path's
        // (on weak structure, rounding-level differences can still steer
        // k-means++ to a different local optimum).
        assert_eq!(labels(&svd), labels(&dense));
        assert_eq!(svd.k, 4);
        assert!((svd.silhouette - dense.silhouette).abs() < 1e-9);
    }
}
