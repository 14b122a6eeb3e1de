//! Planted-topic corpora and helpers shared by the clustering's unit tests.

use super::input::ClusterInput;
use super::params::{ClusterParams, ValidClusterParams};
use crate::model::Clustering;
use crate::similarity::sparse::CsrMatrix;
use rand_xoshiro::rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256Plus;

/// A planted-topic corpus: `topics` topics, each owning `own` words; every
/// document draws `per_doc_topic` words from its topic and `per_doc_noise`
/// from `noise` shared words, with small integer counts; rows L2-normalised.
pub struct Corpus {
    pub m: CsrMatrix,
    pub ids: Vec<String>,
    pub terms: Vec<String>,
    pub stems: Vec<String>,
    pub truth: Vec<usize>,
}

pub fn planted(
    docs: usize,
    topics: usize,
    own: usize,
    noise: usize,
    per_doc_topic: usize,
    per_doc_noise: usize,
    seed: u64,
) -> Corpus {
    let n_cols = topics * own + noise;
    let mut rng = Xoshiro256Plus::seed_from_u64(seed);
    let mut m = CsrMatrix::new(n_cols);
    let mut truth = Vec::new();
    for d in 0..docs {
        let t = d % topics;
        let mut counts = std::collections::BTreeMap::<u32, f64>::new();
        for _ in 0..per_doc_topic {
            let w = (t * own) as u64 + rng.next_u64() % own as u64;
            *counts.entry(w as u32).or_default() += 1.0;
        }
        for _ in 0..per_doc_noise {
            let w = (topics * own) as u64 + rng.next_u64() % noise.max(1) as u64;
            *counts.entry(w as u32).or_default() += 1.0;
        }
        let norm: f64 = counts.values().map(|v| v * v).sum::<f64>().sqrt();
        let row: Vec<(u32, f64)> = counts.into_iter().map(|(c, v)| (c, v / norm)).collect();
        m.push_row(&row);
        truth.push(t);
    }
    let terms: Vec<String> = (0..n_cols).map(|j| format!("w{j}")).collect();
    Corpus {
        m,
        ids: (0..docs).map(|i| format!("a{i:04}")).collect(),
        stems: terms.clone(),
        terms,
        truth,
    }
}

impl Corpus {
    pub fn input(&self) -> ClusterInput<'_> {
        ClusterInput {
            matrix: &self.m,
            ids: &self.ids,
            terms: &self.terms,
            stems: &self.stems,
        }
    }
}

/// The parameters the tests use, unchecked.
pub fn raw_params(k: Option<usize>) -> ClusterParams {
    ClusterParams {
        k,
        seed: 42,
        neighbours: false,
        top_terms: 10,
    }
}

/// [`raw_params`] checked with the default tuning.
pub fn params(k: Option<usize>) -> ValidClusterParams {
    raw_params(k).check().unwrap()
}

pub fn labels(c: &Clustering) -> Vec<usize> {
    c.assignments.iter().map(|a| a.cluster).collect()
}

/// Share of articles whose cluster agrees with the majority cluster of
/// their planted topic, requiring distinct topics to map to distinct clusters.
pub fn agreement(labels: &[usize], truth: &[usize]) -> f64 {
    let t = truth.iter().max().unwrap() + 1;
    let k = labels.iter().max().unwrap() + 1;
    let mut table = vec![vec![0usize; k]; t];
    for (&l, &g) in labels.iter().zip(truth) {
        table[g][l] += 1;
    }
    let majority: Vec<usize> = table
        .iter()
        .map(|row| {
            (0..k)
                .max_by_key(|&c| (row[c], std::cmp::Reverse(c)))
                .unwrap()
        })
        .collect();
    let mut distinct = majority.clone();
    distinct.sort();
    distinct.dedup();
    if distinct.len() < t {
        return 0.0;
    }
    let hit: usize = (0..t).map(|g| table[g][majority[g]]).sum();
    hit as f64 / labels.len() as f64
}
