//! Article-to-article cosine similarity: the full matrix for small corpora,
//! each article's nearest neighbour (exact or within-cluster approximate).

use crate::similarity::sparse::{CsrMatrix, Rows};
use ndarray::ArrayView2;
use rayon::prelude::*;

/// Euclidean norm of every row.
pub fn row_norms(m: Rows<'_>) -> Vec<f64> {
    (0..m.n_rows())
        .map(|r| m.row(r).1.iter().map(|v| v * v).sum::<f64>().sqrt())
        .collect()
}

/// Cosine of rows `i` and `j` (0 when either is all zero); symmetric bit for bit
/// because the dot product is always taken as (min, max).
pub fn cosine(m: Rows<'_>, norms: &[f64], i: usize, j: usize) -> f64 {
    let (a, b) = (i.min(j), i.max(j));
    let den = norms[a] * norms[b];
    if den > 0.0 {
        m.row_dot(a, b) / den
    } else {
        0.0
    }
}

/// Full cosine matrix, ones on the diagonal (an article is identical to itself,
/// even an empty one).
pub fn similarity_matrix(m: Rows<'_>, norms: &[f64]) -> Vec<Vec<f64>> {
    let n = m.n_rows();
    (0..n)
        .into_par_iter()
        .map(|i| {
            (0..n)
                .map(|j| if i == j { 1.0 } else { cosine(m, norms, i, j) })
                .collect()
        })
        .collect()
}

/// Exact nearest neighbour of every row by cosine, via the inverted index `mt`
/// (the transpose of `m`): row i's dot products with all rows are accumulated
/// over the postings of its own terms only, so cost is the sum of document
/// frequencies of each row's terms, not n^2 full dot products. Ties go to the
/// lowest index; rows sharing no term with any other row get `None`.
pub fn exact_nearest(m: Rows<'_>, mt: &CsrMatrix, norms: &[f64]) -> Vec<Option<(usize, f64)>> {
    let n = m.n_rows();
    (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0.0f64; n], Vec::<usize>::new()),
            |(acc, touched), i| {
                let (cols, vals) = m.row(i);
                for (&c, &v) in cols.iter().zip(vals) {
                    let (rows, ws) = mt.row(c as usize);
                    for (&j, &w) in rows.iter().zip(ws) {
                        let j = j as usize;
                        if acc[j] == 0.0 {
                            touched.push(j);
                        }
                        acc[j] += v * w;
                    }
                }
                let mut best: Option<(usize, f64)> = None;
                for &j in touched.iter() {
                    if j == i || norms[i] * norms[j] <= 0.0 {
                        continue;
                    }
                    let s = acc[j] / (norms[i] * norms[j]);
                    let better = match best {
                        None => true,
                        Some((bj, bs)) => s > bs || (s == bs && j < bj),
                    };
                    if better {
                        best = Some((j, s));
                    }
                }
                for &j in touched.iter() {
                    acc[j] = 0.0;
                }
                touched.clear();
                // Report the cosine exactly as the similarity matrix would.
                best.map(|(j, _)| (j, cosine(m, norms, i, j)))
            },
        )
        .collect()
}

/// Approximate nearest neighbour: the best match by dot product among the
/// other members of the row's own cluster, using the (unit-length) clustered
/// vectors `x`; the reported similarity is then the exact TF-IDF cosine of that
/// pair. Cost is the sum of squared cluster sizes (about n^2 / k) times the
/// vector length.
pub fn within_cluster_nearest(
    x: ArrayView2<f64>,
    labels: &[usize],
    m: Rows<'_>,
    norms: &[f64],
) -> Vec<Option<(usize, f64)>> {
    let k = labels.iter().copied().max().map_or(0, |c| c + 1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); k];
    for (i, &c) in labels.iter().enumerate() {
        members[c].push(i);
    }
    (0..x.nrows())
        .into_par_iter()
        .map(|i| {
            let xi = x.row(i);
            let mut best: Option<(usize, f64)> = None;
            for &j in &members[labels[i]] {
                if j == i {
                    continue;
                }
                let s = xi.dot(&x.row(j));
                if best.is_none_or(|(_, bs)| s > bs) {
                    best = Some((j, s));
                }
            }
            best.map(|(j, _)| (j, cosine(m, norms, i, j)))
        })
        .collect()
}
