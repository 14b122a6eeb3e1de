//! Describing the clusters for readers: each cluster's top terms, label and
//! most central article in the original TF-IDF space, and the 2-D map of
//! the articles.

use super::input::ClusterInput;
use super::linalg::{self, OVERSAMPLE};
use crate::model::{ClusterInfo, WeightedTerm};
use crate::similarity::sparse::Rows;
use ndarray::Array2;
use rayon::prelude::*;

/// Centroid top terms, size, central article and label of each cluster:
/// the centroid is the mean of the member rows (computed sparsely), the
/// central article the member of highest cosine to it, the label its top 3
/// terms. `ids` name the rows of `m`; `input` gives the terms of its columns.
pub fn describe_clusters(
    m: Rows<'_>,
    norms: &[f64],
    labels: &[usize],
    k: usize,
    ids: &[String],
    input: &ClusterInput,
    top_terms: usize,
) -> Vec<ClusterInfo> {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); k];
    for (i, &c) in labels.iter().enumerate() {
        members[c].push(i);
    }
    (0..k)
        .into_par_iter()
        .map(|c| {
            let rows = &members[c];
            // Centroid = mean of member rows, accumulated in corpus order.
            let mut centroid = vec![0.0f64; m.n_cols()];
            for &r in rows {
                let (cols, vals) = m.row(r);
                for (&col, &v) in cols.iter().zip(vals) {
                    centroid[col as usize] += v;
                }
            }
            let size = rows.len().max(1) as f64;
            centroid.iter_mut().for_each(|v| *v /= size);
            let cnorm = linalg::dot(&centroid, &centroid).sqrt();
            let mut central: Option<(usize, f64)> = None;
            for &r in rows {
                let (cols, vals) = m.row(r);
                let dot: f64 = cols
                    .iter()
                    .zip(vals)
                    .map(|(&col, &v)| v * centroid[col as usize])
                    .sum();
                let den = norms[r] * cnorm;
                let cos = if den > 0.0 { dot / den } else { 0.0 };
                if central.is_none_or(|(_, best)| cos > best) {
                    central = Some((r, cos));
                }
            }
            let mut order: Vec<usize> = (0..m.n_cols()).filter(|&j| centroid[j] > 0.0).collect();
            order.sort_by(|&a, &b| centroid[b].total_cmp(&centroid[a]).then(a.cmp(&b)));
            let terms: Vec<WeightedTerm> = order
                .iter()
                .take(top_terms)
                .map(|&j| WeightedTerm {
                    term: input.terms[j].clone(),
                    stem: input.stems[j].clone(),
                    weight: centroid[j],
                })
                .collect();
            let label_terms: Vec<&str> = order
                .iter()
                .take(3)
                .map(|&j| input.terms[j].as_str())
                .collect();
            let label = if label_terms.is_empty() {
                format!("cluster {}", c + 1)
            } else {
                label_terms.join(" / ")
            };
            ClusterInfo {
                id: c,
                label,
                size: rows.len(),
                top_terms: terms,
                central_article: central.map_or_else(String::new, |(r, _)| ids[r].clone()),
            }
        })
        .collect()
}

/// The 2-D map: each article's coordinates on the first two principal
/// components of the clustered vectors `x` (a randomized SVD of the centred
/// rows, seeded apart from the reduction's).
pub fn map(x: &Array2<f64>, seed: u64) -> Array2<f64> {
    let centred = linalg::CentredDense::new(x);
    linalg::randomized_svd(&centred, 2, OVERSAMPLE, 4, seed ^ 0x9E37_79B9_7F4A_7C15).0
}

#[cfg(test)]
mod tests {
    use super::super::cluster;
    use super::super::test_corpus::{params, planted};

    #[test]
    fn map_separates_topics_and_is_deterministic() {
        let c = planted(60, 2, 20, 20, 12, 4, 11);
        let out = cluster(&c.input(), &params(Some(2))).unwrap().unwrap();
        // Topics sit on opposite sides of the first principal axis.
        let side = |t: usize| {
            out.assignments
                .iter()
                .zip(&c.truth)
                .filter(|(_, &g)| g == t)
                .map(|(a, _)| a.x.signum())
                .collect::<Vec<_>>()
        };
        let (s0, s1) = (side(0), side(1));
        assert!(s0.iter().all(|&s| s == s0[0]) && s1.iter().all(|&s| s == s1[0]));
        assert_ne!(s0[0], s1[0]);
        let again = cluster(&c.input(), &params(Some(2))).unwrap().unwrap();
        for (a, b) in out.assignments.iter().zip(&again.assignments) {
            assert_eq!(
                (a.x.to_bits(), a.y.to_bits()),
                (b.x.to_bits(), b.y.to_bits())
            );
        }
    }

    #[test]
    fn clusters_are_labelled_by_their_top_terms() {
        let c = planted(60, 2, 20, 20, 12, 4, 11);
        let out = cluster(&c.input(), &params(Some(2))).unwrap().unwrap();
        for cl in &out.clusters {
            let top: Vec<&str> = cl
                .top_terms
                .iter()
                .take(3)
                .map(|t| t.term.as_str())
                .collect();
            assert_eq!(cl.label, top.join(" / "));
            assert!(cl.top_terms.windows(2).all(|w| w[0].weight >= w[1].weight));
            assert!(!cl.central_article.is_empty());
        }
    }
}
