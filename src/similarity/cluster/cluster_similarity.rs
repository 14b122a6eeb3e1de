//! Cluster-to-cluster similarity: the mean cosine between the articles of
//! every pair of clusters, for any corpus size, without visiting a pair of
//! articles.

use super::linalg;
use crate::similarity::sparse::Rows;

/// Mean cosine similarity between the articles of every pair of clusters
/// from each cluster's sum of unit TF-IDF rows (the mean over clusters A and B
/// is sum_A . sum_B / (|A| |B|); within a cluster the self-pairs are taken
/// out): exact, O(nnz + k^2 terms), with sums taken
/// in corpus order so the result is deterministic. Rows without any term count
/// as similarity 0 with everything, as in the full matrix.
pub fn cluster_means(
    m: Rows<'_>,
    norms: &[f64],
    labels: &[usize],
    k: usize,
) -> Vec<Vec<Option<f64>>> {
    let mut sums = vec![vec![0.0f64; m.n_cols()]; k];
    let mut size = vec![0usize; k];
    // Sum of each member's squared unit length (1, or 0 for an empty row):
    // the self-pairs inside |sum_A|^2 that the within-cluster mean leaves out.
    let mut self_pairs = vec![0.0f64; k];
    for (r, &c) in labels.iter().enumerate() {
        if c >= k {
            continue;
        }
        size[c] += 1;
        if norms[r] > 0.0 {
            let (cols, vals) = m.row(r);
            let mut sq = 0.0;
            for (&col, &v) in cols.iter().zip(vals) {
                let u = v / norms[r];
                sums[c][col as usize] += u;
                sq += u * u;
            }
            self_pairs[c] += sq;
        }
    }
    (0..k)
        .map(|a| {
            (0..k)
                .map(|b| {
                    let dot = linalg::dot(&sums[a], &sums[b]);
                    if a == b {
                        let pairs = size[a] * size[a].saturating_sub(1);
                        (pairs > 0).then(|| ((dot - self_pairs[a]) / pairs as f64).clamp(-1.0, 1.0))
                    } else {
                        let pairs = size[a] * size[b];
                        (pairs > 0).then(|| (dot / pairs as f64).clamp(-1.0, 1.0))
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::cluster;
    use super::super::test_corpus::{labels, params, planted};

    /// The cluster-by-cluster means from vector sums equal the means of the
    /// full matrix's cells (self-pairs left out), so charts above the matrix
    /// limit show the same numbers the matrix would give.
    #[test]
    fn cluster_means_match_the_full_matrix() {
        let c = planted(40, 3, 20, 30, 10, 6, 9);
        let out = cluster(&c.input(), &params(None)).unwrap().unwrap();
        let s = out.similarity.as_ref().unwrap();
        let lab = labels(&out);
        let k = out.k;
        assert_eq!(out.cluster_similarity.len(), k);
        for a in 0..k {
            for b in 0..k {
                let (mut sum, mut cnt) = (0.0, 0usize);
                for i in 0..40 {
                    for j in 0..40 {
                        if i != j && lab[i] == a && lab[j] == b {
                            sum += s.values[i][j];
                            cnt += 1;
                        }
                    }
                }
                let got = out.cluster_similarity[a][b].unwrap();
                assert!((got - sum / cnt as f64).abs() < 1e-9, "{a},{b}: {got}");
            }
        }
    }
}
