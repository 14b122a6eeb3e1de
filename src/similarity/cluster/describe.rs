//! Describing the clusters for readers: each cluster's distinctive terms,
//! label and most central article in the original TF-IDF space, and the 2-D
//! map of the articles.
//!
//! A cluster is named by what sets it apart, not by what it merely uses
//! most: a term's **distinctiveness** is its weight at the cluster's centre
//! (the mean of the member rows) minus its mean weight over all other
//! articles. Words every article uses ("said", "year", "people") weigh about
//! the same inside and outside the cluster, so they score near 0 and cannot
//! lead a label however frequent they are. (Centre minus the mean over *all*
//! articles would rank the terms the same way: it is this difference times
//! the share of articles outside the cluster.)

use super::input::ClusterInput;
use super::linalg::{self, OVERSAMPLE};
use crate::model::{ClusterInfo, WeightedTerm, LABEL_TERMS};
use crate::similarity::sparse::Rows;
use ndarray::Array2;
use rayon::prelude::*;

/// Least distinctiveness of a listed term: below it a difference is
/// floating-point rounding (TF-IDF weights are at most 1).
const MIN_DISTINCTIVENESS: f64 = 1e-12;

/// Distinctive terms, size, central article and label of each cluster: the
/// centroid is the mean of the member rows (computed sparsely), the central
/// article the member of highest cosine to it, the terms those whose centre
/// weight most exceeds their mean weight in the other articles (only terms
/// that exceed it beyond rounding; ties by column), the label the first
/// [`LABEL_TERMS`] of them; each term with the number of member articles
/// that use it, so a reader sees how far a label speaks for its cluster.
/// `ids` name the rows of `m`; `input` gives the
/// terms of its columns.
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
    // Column sums over all articles, in row order (each cluster's "rest" is
    // this minus its own sum).
    let mut total = vec![0.0f64; m.n_cols()];
    for r in 0..m.n_rows() {
        let (cols, vals) = m.row(r);
        for (&col, &v) in cols.iter().zip(vals) {
            total[col as usize] += v;
        }
    }
    (0..k)
        .into_par_iter()
        .map(|c| {
            let rows = &members[c];
            // Centroid = mean of member rows, accumulated in corpus order.
            let mut sum = vec![0.0f64; m.n_cols()];
            let mut using = vec![0usize; m.n_cols()];
            for &r in rows {
                let (cols, vals) = m.row(r);
                for (&col, &v) in cols.iter().zip(vals) {
                    sum[col as usize] += v;
                    using[col as usize] += usize::from(v != 0.0);
                }
            }
            let size = rows.len().max(1) as f64;
            let centroid: Vec<f64> = sum.iter().map(|v| v / size).collect();
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
            let rest = m.n_rows().saturating_sub(rows.len());
            let distinct = distinctiveness(&sum, &total, rows.len(), rest);
            let mut order: Vec<usize> = (0..m.n_cols())
                .filter(|&j| distinct[j] > MIN_DISTINCTIVENESS)
                .collect();
            order.sort_by(|&a, &b| distinct[b].total_cmp(&distinct[a]).then(a.cmp(&b)));
            let term = |j: usize| WeightedTerm {
                term: input.terms[j].clone(),
                stem: input.stems[j].clone(),
                weight: distinct[j],
                articles: using[j],
            };
            let terms: Vec<WeightedTerm> = order.iter().take(top_terms).map(|&j| term(j)).collect();
            // A label speaks for its cluster: its words come first from the
            // terms a fair share of the members use, so that one article's
            // peculiar words (a name, a site's copyright line) do not name a
            // cluster of many; the others fill the label only when too few do.
            let shared = label_users(rows.len());
            let label_terms: Vec<WeightedTerm> = order
                .iter()
                .filter(|&&j| using[j] >= shared)
                .chain(order.iter().filter(|&&j| using[j] < shared))
                .take(LABEL_TERMS)
                .map(|&j| term(j))
                .collect();
            let label = if label_terms.is_empty() {
                format!("cluster {}", c + 1)
            } else {
                let words: Vec<&str> = label_terms.iter().map(|w| w.term.as_str()).collect();
                words.join(" / ")
            };
            ClusterInfo {
                id: c,
                label,
                label_terms,
                size: rows.len(),
                top_terms: terms,
                central_article: central.map_or_else(String::new, |(r, _)| ids[r].clone()),
            }
        })
        .collect()
}

/// Members that must use a term for it to lead a cluster's label: a quarter
/// of them, at least 2 (1 in a cluster of one).
fn label_users(size: usize) -> usize {
    if size < 2 {
        1
    } else {
        size.div_ceil(4).max(2)
    }
}

/// Each term's centre weight in a cluster of `size` articles whose column
/// sums are `sum`, minus its mean weight in the `rest` other articles (whose
/// sums are `total - sum`; a remainder below 1e-12 of the total is rounding
/// and counts as 0). With no other articles, the centre weight itself.
fn distinctiveness(sum: &[f64], total: &[f64], size: usize, rest: usize) -> Vec<f64> {
    let size = size.max(1) as f64;
    sum.iter()
        .zip(total)
        .map(|(&s, &t)| {
            let outside = t - s;
            let outside = if outside > 1e-12 * t { outside } else { 0.0 };
            let rest_mean = if rest > 0 { outside / rest as f64 } else { 0.0 };
            s / size - rest_mean
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
    use super::super::input::ClusterInput;
    use super::super::neighbours::row_norms;
    use super::super::test_corpus::{params, planted};
    use super::{describe_clusters, distinctiveness, label_users};
    use crate::model::ClusterInfo;
    use crate::similarity::sparse::{CsrMatrix, Rows};

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

    /// The clusters `labels` make of `rows` (sparse weights, each row
    /// scaled to length 1, as TF-IDF rows are), described with up to 10
    /// terms, and the matrix.
    fn described(
        terms: &[&str],
        rows: &[Vec<(u32, f64)>],
        labels: &[usize],
    ) -> (CsrMatrix, Vec<ClusterInfo>) {
        let terms: Vec<String> = terms.iter().map(|s| s.to_string()).collect();
        let mut m = CsrMatrix::new(terms.len());
        for r in rows {
            let n = r.iter().map(|(_, v)| v * v).sum::<f64>().sqrt();
            let row: Vec<(u32, f64)> = r.iter().map(|&(j, v)| (j, v / n)).collect();
            m.push_row(&row);
        }
        let ids: Vec<String> = (0..rows.len()).map(|i| format!("a{i}")).collect();
        let input = ClusterInput {
            matrix: &m,
            ids: &ids,
            terms: &terms,
            stems: &terms,
        };
        let norms = row_norms(Rows::from(&m));
        let k = labels.iter().max().map_or(0, |&c| c + 1);
        let out = describe_clusters(Rows::from(&m), &norms, labels, k, &ids, &input, 10);
        (m, out)
    }

    /// One article's own word ("necromancer", from a gallery caption) has
    /// the highest centre weight of its cluster of four, but only that
    /// article uses it: the words the members share lead the label.
    #[test]
    fn one_articles_word_does_not_lead_a_shared_label() {
        let terms = [
            "necromancer",
            "album",
            "grammy",
            "x1",
            "x2",
            "x3",
            "vote",
            "ballot",
        ];
        let rows = vec![
            vec![(0, 1.0)],
            vec![(1, 0.3), (3, 0.9)],
            vec![(1, 0.3), (2, 0.3), (4, 0.9)],
            vec![(1, 0.3), (2, 0.3), (5, 0.9)],
            vec![(6, 0.6), (7, 0.6)],
            vec![(6, 0.5), (7, 0.7)],
        ];
        let (_, out) = described(&terms, &rows, &[0, 0, 0, 0, 1, 1]);
        assert_eq!(out[0].top_terms[0].term, "necromancer");
        assert!(
            out[0].label.starts_with("album / grammy / "),
            "{}",
            out[0].label
        );
        // The label's own terms carry their counts, which the first top
        // terms ("necromancer", used by 1 of 4) do not give.
        let label: Vec<(&str, usize)> = out[0]
            .label_terms
            .iter()
            .map(|w| (w.term.as_str(), w.articles))
            .collect();
        assert_eq!(&label[..2], [("album", 3), ("grammy", 2)]);
        let words: Vec<&str> = label.iter().map(|w| w.0).collect();
        assert_eq!(out[0].label, words.join(" / "));
        assert_eq!(label_users(1), 1);
        assert_eq!(label_users(4), 2);
        assert_eq!(label_users(60), 15);
    }

    /// Two stories that both lean on "said": the old rule (highest centre
    /// weight) put "said" first in both labels; it is no more frequent in
    /// either cluster than in the other, so it leads neither now.
    #[test]
    fn a_word_every_article_uses_does_not_lead_a_label() {
        let terms = ["said", "fire", "smoke", "crew", "vote", "ballot", "poll"];
        // Weights of (said, fire, smoke, crew, vote, ballot, poll): the two
        // stories mirror each other, so "said" weighs the same in both.
        let dense: [[f64; 7]; 6] = [
            [0.8, 0.5, 0.3, 0.1, 0.0, 0.0, 0.0],
            [0.8, 0.4, 0.4, 0.0, 0.0, 0.0, 0.0],
            [0.8, 0.5, 0.2, 0.2, 0.0, 0.0, 0.0],
            [0.8, 0.0, 0.0, 0.0, 0.5, 0.3, 0.1],
            [0.8, 0.0, 0.0, 0.0, 0.4, 0.4, 0.0],
            [0.8, 0.0, 0.0, 0.0, 0.5, 0.2, 0.2],
        ];
        let rows: Vec<Vec<(u32, f64)>> = dense
            .iter()
            .map(|r| {
                (0..7)
                    .filter(|&j| r[j] > 0.0)
                    .map(|j| (j as u32, r[j]))
                    .collect()
            })
            .collect();
        let labels = [0, 0, 0, 1, 1, 1];
        let (m, out) = described(&terms, &rows, &labels);
        // Under the old rule "said" had the highest centre weight in both.
        for c in 0..2 {
            let members: Vec<usize> = (0..6).filter(|&i| labels[i] == c).collect();
            let centre = |j: usize| -> f64 {
                members
                    .iter()
                    .map(|&r| {
                        let (cols, vals) = m.row(r);
                        cols.iter()
                            .position(|&x| x as usize == j)
                            .map_or(0.0, |p| vals[p])
                    })
                    .sum()
            };
            assert!((1..7).all(|j| centre(0) > centre(j)));
        }
        assert_eq!(out[0].label, "fire / smoke / crew");
        assert_eq!(out[1].label, "vote / ballot / poll");
        // How many of each cluster's 3 articles use each term.
        let using = |c: usize| -> Vec<(&str, usize)> {
            out[c]
                .top_terms
                .iter()
                .map(|t| (t.term.as_str(), t.articles))
                .collect()
        };
        assert_eq!(using(0), [("fire", 3), ("smoke", 3), ("crew", 2)]);
        assert_eq!(using(1), [("vote", 3), ("ballot", 3), ("poll", 2)]);
        for cl in &out {
            assert!(cl
                .top_terms
                .iter()
                .all(|t| t.term != "said" && t.weight > 0.0));
        }
        // The same again, bit for bit.
        let (_, again) = described(&terms, &rows, &labels);
        for (a, b) in out.iter().zip(&again) {
            assert_eq!(a.label, b.label);
            for (x, y) in a.top_terms.iter().zip(&b.top_terms) {
                assert_eq!(x.weight.to_bits(), y.weight.to_bits());
            }
        }
    }

    #[test]
    fn distinctiveness_is_centre_minus_the_other_articles_mean() {
        // 2 members summing to 1.0, 3 others summing to 0.6 (total 1.6).
        let d = distinctiveness(&[1.0, 0.0, 0.3], &[1.6, 0.9, 0.3], 2, 3);
        assert!((d[0] - (0.5 - 0.2)).abs() < 1e-12);
        assert!((d[1] - (0.0 - 0.3)).abs() < 1e-12);
        assert!((d[2] - 0.15).abs() < 1e-12);
        // No other articles: the centre weight.
        assert_eq!(distinctiveness(&[1.0], &[1.0], 2, 0), vec![0.5]);
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
