//! Choosing k: k-means for every k from 2 up to `max_auto_k`, each scored by
//! its mean cosine silhouette; the highest wins and ties keep the smaller k.
//! Above `choose_k_sample` articles the sweep runs on a seeded sample, so
//! its cost (nine k values with several restarts each) stays constant.

use super::kmeans;
use super::params::ValidClusterParams;
use super::sample::sample_rows;
use crate::model::KScore;
use ndarray::{ArrayView2, Axis};
use rayon::prelude::*;

/// Labels of one k-means run and each article's silhouette.
type LabelsAndSilhouettes = (Vec<usize>, Vec<f64>);

/// The chosen clustering of every article and the score of each k tried.
pub struct Choice {
    /// Each article's cluster at the chosen k.
    pub labels: Vec<usize>,
    /// Each article's silhouette (always over all articles).
    pub silhouettes: Vec<f64>,
    /// Mean silhouette per k (the sample's when k was chosen on one).
    pub scores: Vec<KScore>,
    /// Articles the sweep and the restarts ran on, when a sample.
    pub sample: Option<usize>,
}

/// Chooses k for the unit rows of `x`, with `sweep_runs` restarts per k,
/// and clusters every article at that k with all `n_runs` restarts.
pub fn choose_k(
    x: ArrayView2<f64>,
    valid: &ValidClusterParams,
    sweep_runs: usize,
    notes: &mut Vec<String>,
) -> Result<Choice, String> {
    let (params, tuning) = (valid.params(), valid.tuning());
    let n = x.nrows();
    if n > tuning.choose_k_sample {
        return choose_on_sample(x, valid, sweep_runs, notes);
    }
    let top = tuning.max_auto_k.max(2).min(n - 1);
    let runs: Vec<Result<LabelsAndSilhouettes, String>> = (2..=top)
        .into_par_iter()
        .map(|k| {
            let labels = kmeans::kmeans_labels(x, k, sweep_runs, params.seed)?;
            let sil = kmeans::silhouettes(x, &labels);
            Ok((labels, sil))
        })
        .collect();
    let mut best: Option<(f64, usize, Vec<usize>, Vec<f64>)> = None;
    let mut scores = Vec::new();
    for (k, run) in (2..=top).zip(runs) {
        let (labels, sil) = run?;
        let s = kmeans::mean(&sil);
        scores.push(KScore { k, silhouette: s });
        // Strictly greater: ties keep the smaller k.
        if best.as_ref().is_none_or(|(bs, _, _, _)| s > *bs) {
            best = Some((s, k, labels, sil));
        }
    }
    let (_, k, labels, silhouettes) = best.ok_or("clustering: no k could be tried")?;
    if sweep_runs >= tuning.n_runs {
        return Ok(Choice {
            labels,
            silhouettes,
            scores,
            sample: None,
        });
    }
    // Refit the chosen k with every restart; the same seed replays the
    // sweep's restarts first, so this is never worse.
    let labels = kmeans::kmeans_labels(x, k, tuning.n_runs, params.seed)?;
    let silhouettes = kmeans::silhouettes(x, &labels);
    Ok(Choice {
        labels,
        silhouettes,
        scores,
        sample: None,
    })
}

/// [`choose_k`] on a large corpus: every k on a seeded sample, the chosen
/// k's restarts on the sample too, then every article joins the nearest of
/// that run's centroids. The k scores are the sample's; the article
/// silhouettes are exact.
fn choose_on_sample(
    x: ArrayView2<f64>,
    valid: &ValidClusterParams,
    sweep_runs: usize,
    notes: &mut Vec<String>,
) -> Result<Choice, String> {
    let (params, tuning) = (valid.params(), valid.tuning());
    let n = x.nrows();
    let m = tuning.choose_k_sample;
    let rows = sample_rows(n, m, params.seed);
    let xs = x.select(Axis(0), &rows);
    let top = tuning.max_auto_k.max(2).min(m - 1);
    let scores: Vec<Result<KScore, String>> = (2..=top)
        .into_par_iter()
        .map(|k| {
            let labels = kmeans::kmeans_labels(xs.view(), k, sweep_runs, params.seed)?;
            let sil = kmeans::silhouettes(xs.view(), &labels);
            Ok(KScore {
                k,
                silhouette: kmeans::mean(&sil),
            })
        })
        .collect();
    let scores: Vec<KScore> = scores.into_iter().collect::<Result<_, _>>()?;
    // Highest silhouette; ties keep the smaller k.
    let mut best = &scores[0];
    for s in &scores[1..] {
        if s.silhouette > best.silhouette {
            best = s;
        }
    }
    // Restarts on all articles of a large corpus would cost most of the
    // clustering; linfa's final fit refines the labels on all of them.
    let sample_labels = kmeans::kmeans_labels(xs.view(), best.k, tuning.n_runs, params.seed)?;
    let labels = kmeans::nearest_centroid(x, xs.view(), &sample_labels);
    let silhouettes = kmeans::silhouettes(x, &labels);
    notes.push(format!(
        "k was chosen on a random sample of {m} of the {n} articles (seed {}); the clustering \
         itself and every silhouette shown use all articles.",
        params.seed
    ));
    Ok(Choice {
        labels,
        silhouettes,
        scores,
        sample: Some(m),
    })
}

#[cfg(test)]
mod tests {
    use super::super::cluster;
    use super::super::params::ClusterTuning;
    use super::super::test_corpus::{agreement, labels, params, planted, raw_params};

    #[test]
    fn recovers_planted_topics_with_auto_k() {
        let c = planted(90, 3, 20, 30, 12, 6, 1);
        let out = cluster(&c.input(), &params(None)).unwrap().unwrap();
        assert_eq!(out.k, 3, "k_scores: {:?}", out.k_scores);
        assert_eq!(out.k_chosen_by, "silhouette");
        assert_eq!(agreement(&labels(&out), &c.truth), 1.0);
        assert_eq!(out.k_scores.len(), 9);
        assert_eq!(out.k_scores[0].k, 2);
        assert!(out.reduced_dims.is_none());
        assert_eq!(out.clusters.iter().map(|c| c.size).sum::<usize>(), 90);
        // Each cluster's top terms come from its own topic's words.
        for cl in &out.clusters {
            let topic = c.truth[c
                .ids
                .iter()
                .position(|id| *id == cl.central_article)
                .unwrap()];
            for t in cl.top_terms.iter().take(3) {
                let j: usize = t.term[1..].parse().unwrap();
                assert_eq!(j / 20, topic, "{:?}", cl.top_terms);
            }
            assert_eq!(cl.label.split(" / ").count(), 3);
            assert_eq!(cl.top_terms.len(), 10);
        }
    }

    #[test]
    fn auto_k_picks_four_planted_topics() {
        let c = planted(120, 4, 20, 30, 12, 6, 2);
        let out = cluster(&c.input(), &params(None)).unwrap().unwrap();
        assert_eq!(out.k, 4, "k_scores: {:?}", out.k_scores);
        assert_eq!(agreement(&labels(&out), &c.truth), 1.0);
    }

    #[test]
    fn k_chosen_on_a_sample_still_labels_every_article() {
        let c = planted(120, 4, 20, 30, 12, 6, 2);
        let p = raw_params(None)
            .check_with(ClusterTuning {
                choose_k_sample: 60,
                ..Default::default()
            })
            .unwrap();
        let out = cluster(&c.input(), &p).unwrap().unwrap();
        assert_eq!(out.silhouette_sample, Some(60));
        assert_eq!(out.assignments.len(), 120);
        assert_eq!(out.k, 4, "k_scores: {:?}", out.k_scores);
        assert_eq!(agreement(&labels(&out), &c.truth), 1.0);
        assert!(out
            .notes
            .iter()
            .any(|n| n.contains("sample of 60 of the 120")));
    }
}
