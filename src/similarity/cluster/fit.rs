//! Step 2 of clustering: k-means at the user's k or at the k chosen by
//! silhouette ([`super::choose_k`]), the seeded Lloyd restarts refined by
//! linfa's k-means, which gives the labels reported.

use super::choose_k::choose_k;
use super::kmeans;
use super::params::ValidClusterParams;
use super::sample::sample_rows;
use crate::model::KScore;
use ndarray::{ArrayView2, Axis};

/// The final clustering of every article.
pub struct Fit {
    /// Each article's cluster, numbered canonically.
    pub labels: Vec<usize>,
    /// Each article's cosine silhouette.
    pub silhouettes: Vec<f64>,
    /// The k tried and their mean silhouettes (one entry for a fixed k).
    pub k_scores: Vec<KScore>,
    /// "fixed" or "silhouette".
    pub chosen_by: &'static str,
    /// The k asked for (fixed) or chosen (silhouette).
    pub k_asked: usize,
    /// Non-empty clusters found (at most `k_asked`).
    pub k: usize,
    /// Restarts per k while choosing k.
    pub sweep_runs: usize,
    /// Articles k was chosen on, when a sample.
    pub silhouette_sample: Option<usize>,
    /// Articles the k-means restarts ran on, when a sample.
    pub restart_sample: Option<usize>,
}

/// Clusters the unit rows of `x`, adding notes for what a reader of the
/// results should know (a k out of range, samples, empty clusters).
pub fn fit(
    x: ArrayView2<f64>,
    valid: &ValidClusterParams,
    notes: &mut Vec<String>,
) -> Result<Fit, String> {
    let (params, tuning) = (valid.params(), valid.tuning());
    let n = x.nrows();
    let sweep_runs = if n > tuning.full_sweep_max {
        tuning.sweep_runs.clamp(1, tuning.n_runs.max(1))
    } else {
        tuning.n_runs
    };
    let (labels, silhouettes, k_scores, chosen_by, silhouette_sample, restart_sample) =
        match params.k {
            Some(asked) => {
                let (labels, sample) = fixed_k(x, asked, valid, notes)?;
                let sil = kmeans::silhouettes(x, &labels);
                let score = KScore {
                    k: labels_k(asked, n),
                    silhouette: kmeans::mean(&sil),
                };
                (labels, sil, vec![score], "fixed", None, sample)
            }
            None => {
                let c = choose_k(x, valid, sweep_runs, notes)?;
                (
                    c.labels,
                    c.silhouettes,
                    c.scores,
                    "silhouette",
                    c.sample,
                    c.sample,
                )
            }
        };
    // The final clustering is linfa's k-means, started from the best Lloyd run.
    let refined = kmeans::refine_with_linfa(x, &labels, params.seed)?;
    let (labels, silhouettes) = if refined == labels {
        (labels, silhouettes)
    } else {
        let sil = kmeans::silhouettes(x, &refined);
        (refined, sil)
    };
    let k = labels.iter().copied().max().map_or(0, |m| m + 1);
    let k_asked = match params.k {
        Some(_) => k_scores[0].k,
        None => k_scores
            .iter()
            .zip(0..)
            .max_by(|a, b| {
                a.0.silhouette
                    .total_cmp(&b.0.silhouette)
                    .then(b.1.cmp(&a.1))
            })
            .map_or(k, |(s, _)| s.k),
    };
    if k < k_asked {
        notes.push(format!(
            "k-means found only {k} non-empty clusters for k = {k_asked} (too few distinct articles)."
        ));
    }
    Ok(Fit {
        labels,
        silhouettes,
        k_scores,
        chosen_by,
        k_asked,
        k,
        sweep_runs,
        silhouette_sample,
        restart_sample,
    })
}

/// The k used for an asked k on `n` articles: 2 to n - 1.
fn labels_k(asked: usize, n: usize) -> usize {
    asked.clamp(2, n - 1)
}

/// Labels at the user's k (clamped to what `n` articles allow, with a note),
/// and the sample the restarts ran on, if any: above `choose_k_sample`
/// articles the restarts run on a seeded sample, as when k is chosen, and
/// every article joins the nearest centroid.
fn fixed_k(
    x: ArrayView2<f64>,
    asked: usize,
    valid: &ValidClusterParams,
    notes: &mut Vec<String>,
) -> Result<(Vec<usize>, Option<usize>), String> {
    let (params, tuning) = (valid.params(), valid.tuning());
    let n = x.nrows();
    let max_k = n - 1;
    let k = labels_k(asked, n);
    if k != asked {
        notes.push(format!(
            "k = {asked} is not possible with {n} articles (k must be 2 to {max_k}); used k = {k}."
        ));
    }
    if n <= tuning.choose_k_sample {
        return Ok((
            kmeans::kmeans_labels(x, k, tuning.n_runs, params.seed)?,
            None,
        ));
    }
    let m = tuning.choose_k_sample;
    let xs = x.select(Axis(0), &sample_rows(n, m, params.seed));
    let sample_labels = kmeans::kmeans_labels(xs.view(), k, tuning.n_runs, params.seed)?;
    notes.push(format!(
        "The k-means restarts ran on a random sample of {m} of the {n} articles (seed {}); \
         every article then joined the nearest centroid, and the final fit and every \
         silhouette shown use all articles.",
        params.seed
    ));
    Ok((
        kmeans::nearest_centroid(x, xs.view(), &sample_labels),
        Some(m),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::cluster;
    use super::super::params::ClusterTuning;
    use super::super::test_corpus::params;
    use super::super::test_corpus::{agreement, labels, planted, raw_params};

    #[test]
    fn too_large_k_is_clamped_with_a_note() {
        let c = planted(5, 2, 10, 5, 8, 2, 6);
        let out = cluster(&c.input(), &params(Some(12))).unwrap().unwrap();
        assert_eq!(out.k, 4);
        assert_eq!(out.k_chosen_by, "fixed");
        assert!(
            out.notes.iter().any(|n| n.contains("k = 12")),
            "{:?}",
            out.notes
        );
    }

    #[test]
    fn fixed_k_restarts_on_a_sample_label_every_article() {
        let c = planted(120, 3, 20, 30, 12, 6, 3);
        let p = raw_params(Some(3))
            .check_with(ClusterTuning {
                choose_k_sample: 50,
                ..Default::default()
            })
            .unwrap();
        let out = cluster(&c.input(), &p).unwrap().unwrap();
        assert_eq!(out.k, 3);
        assert_eq!(out.silhouette_sample, None);
        assert_eq!(agreement(&labels(&out), &c.truth), 1.0);
        assert!(out.method.contains("restarts on the sample of 50"));
        assert!(out
            .notes
            .iter()
            .any(|n| n.contains("sample of 50 of the 120")));
    }
}
