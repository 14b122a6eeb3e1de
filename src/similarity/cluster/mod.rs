//! Clustering and similarity of articles from their TF-IDF vectors.
//!
//! Method (one module per step; [`ClusterTuning`] holds the knobs):
//! 0. Order (`order.rs`). The steps run on the articles sorted by a hash of
//!    their TF-IDF rows, and the results are put back in corpus order, so
//!    the same articles read in another order (files renamed, inputs
//!    swapped) get the same clusters, numbered the same, with the same
//!    figures.
//! 1. Vectors (`vectors.rs`). Whenever there are more terms than `dims`
//!    (100), the TF-IDF rows are reduced with a truncated SVD (LSA) computed
//!    on the sparse matrix by a seeded randomized range finder (Halko,
//!    Martinsson & Tropp 2011; `linalg.rs`) to 100 dimensions, and the reduced
//!    rows are L2-normalised again. Memory stays linear: the document-term
//!    matrix is never densified. With at most 100 articles the reduction is
//!    lossless (the range finder spans all of them: every cosine is kept), so
//!    small corpora are clustered exactly as their raw TF-IDF rows would be.
//!    Above `svd_sample` articles the SVD directions are fitted on a seeded
//!    sample and every article is projected onto them (one sparse product):
//!    the fit's cost stops growing with the corpus, at no measurable cost in
//!    cluster quality (bench/cluster_quality.md).
//!    The dense path (`Reduce::Never`, or vocabularies of at most 100 terms)
//!    clusters the L2-normalised TF-IDF rows directly. LSA is the default for
//!    every larger corpus because on labelled corpora it was both faster and
//!    better than the dense rows and than scikit-learn's TfidfVectorizer +
//!    KMeans (bench/cluster_quality.md).
//! 2. k-means (`fit.rs`, `choose_k.rs`; `lloyd.rs`: Lloyd's algorithm,
//!    k-means++ start, 10 seeded restarts, lowest inertia kept; linfa's
//!    k-means refines the best run). k is fixed by the user or chosen by the
//!    highest mean cosine silhouette over k = 2..=min(10, n-1); above
//!    `choose_k_sample` articles k is chosen on a seeded sample and the whole
//!    corpus is then clustered once at that k, so choosing k stays a constant
//!    cost. Euclidean k-means on unit vectors ranks points like cosine
//!    ("spherical") k-means.
//! 3. Silhouette with cosine distance on the clustered vectors, exact for every
//!    article (`kmeans.rs`): on unit vectors the mean distance to a cluster only
//!    needs that cluster's vector sum, so it costs O(n k d) and needs no sampling.
//! 4. Cluster descriptions in the original TF-IDF space (`describe.rs`): top
//!    terms of the centroid, the most central article, a label of the top 3
//!    terms; and a 2-D map, the first two principal components of the
//!    clustered vectors.
//! 5. Similarity: the mean cosine between (and within) clusters for any size
//!    (`cluster_similarity.rs`), so no pair of articles is ever visited; the
//!    full cosine matrix of TF-IDF rows up to 500 articles; exact nearest
//!    neighbours up to 5,000 (inverted index, `neighbours.rs`); above that
//!    only on request, approximately (best match within the article's own
//!    cluster).
//!
//! Parameters are checked first ([`ClusterParams::check`]); the fit only
//! takes a [`ValidClusterParams`]. Everything is deterministic for the same
//! articles and seed, in any order: parallel loops only ever write
//! independent outputs, and every floating sum runs in a fixed order (that
//! of the sorted rows).

mod choose_k;
mod cluster_similarity;
mod describe;
mod fit;
mod input;
mod kmeans;
mod linalg;
mod lloyd;
mod method;
mod neighbours;
mod order;
mod params;
mod sample;
mod vectors;

pub use input::ClusterInput;
pub use params::{ClusterParams, ClusterTuning, ParamError, Reduce, ValidClusterParams};

use crate::model::numbers::int;
use crate::model::{Assignment, Clustering, SimilarityMatrix};
use crate::platform::timing::Timer;
use crate::similarity::sparse::Rows;

/// Clusters the articles; `Ok(None)` when there are fewer than 3, `Err`
/// when the input is inconsistent or has no terms at all.
pub fn cluster(
    input: &ClusterInput,
    valid: &ValidClusterParams,
) -> Result<Option<Clustering>, String> {
    let Some(checked) = input::checked_matrix(input)? else {
        return Ok(None);
    };
    // Every step below runs on the rows in content order, so the clusters
    // do not depend on the order the articles were read in.
    let mut clock = Timer::new("  cluster.");
    let order = order::content_order(&checked, input.ids);
    if order::is_identity(&order) {
        return cluster_rows(input, (&*checked).into(), input.ids, valid);
    }
    // A view of the rows in that order, not a copy of the matrix.
    let sorted = Rows::permuted(&checked, &order);
    let ids = order::permute(input.ids, &order);
    clock.lap("order");
    let mut c = cluster_rows(input, sorted, &ids, valid)?;
    if let Some(c) = c.as_mut() {
        order::restore(c, &order, input.ids);
    }
    Ok(c)
}

/// [`cluster`] on `matrix`, the checked rows of `input` in the order they
/// are clustered in, named by `ids` (in that order too); `input` gives the
/// terms.
fn cluster_rows(
    input: &ClusterInput,
    matrix: Rows<'_>,
    ids: &[String],
    valid: &ValidClusterParams,
) -> Result<Option<Clustering>, String> {
    let (params, tuning) = (valid.params(), valid.tuning());
    let n = matrix.n_rows();
    let mut notes = Vec::new();
    let mut clock = Timer::new("  cluster.");

    // 1. The vectors to cluster.
    let vectors = vectors::vectors(matrix, valid, &mut notes);
    let x = &vectors.x;
    clock.lap("svd");

    // 2. k-means, with k fixed or chosen by silhouette.
    let fit = fit::fit(x.view(), valid, &mut notes)?;
    let labels = &fit.labels;
    clock.lap("kmeans");

    // 3. Cluster descriptions in the original TF-IDF space, and the map.
    let norms = neighbours::row_norms(matrix);
    let clusters =
        describe::describe_clusters(matrix, &norms, labels, fit.k, ids, input, params.top_terms);
    let map = describe::map(x, params.seed);
    clock.lap("describe_map");

    // 4. Similarity and neighbours.
    let cluster_similarity = cluster_similarity::cluster_means(matrix, &norms, labels, fit.k);
    let similarity = if n <= tuning.similarity_max {
        Some(SimilarityMatrix {
            ids: ids.to_vec(),
            values: neighbours::similarity_matrix(matrix, &norms),
        })
    } else {
        notes.push(format!(
            "The full similarity matrix is only written for up to {} articles.",
            tuning.similarity_max
        ));
        None
    };
    let nearest = if n <= tuning.exact_neighbours_max {
        neighbours::exact_nearest(matrix, &linalg::transpose(matrix), &norms)
    } else if params.neighbours {
        notes.push(format!(
            "Nearest neighbours are approximate for more than {} articles: each article's best match \
             is searched only within its own cluster (on the clustered vectors); the similarity shown \
             is the exact TF-IDF cosine of that pair.",
            tuning.exact_neighbours_max
        ));
        neighbours::within_cluster_nearest(x.view(), labels, matrix, &norms)
    } else {
        notes.push(format!(
            "Nearest neighbours are not computed for more than {} articles; ask for them with \
             --neighbours (approximate).",
            tuning.exact_neighbours_max
        ));
        vec![None; n]
    };
    clock.lap("neighbours");
    let lonely = nearest.iter().filter(|x| x.is_none()).count();
    if lonely > 0 && (n <= tuning.exact_neighbours_max || params.neighbours) {
        notes.push(format!(
            "{} no term with any other article (or are alone in their cluster) \
             and have no nearest neighbour.",
            if lonely == 1 {
                "1 article shares".to_string()
            } else {
                format!("{} articles share", int(lonely))
            }
        ));
    }

    let assignments = (0..n)
        .map(|i| Assignment {
            article_id: ids[i].clone(),
            cluster: labels[i],
            cluster_label: clusters[labels[i]].label.clone(),
            silhouette: Some(fit.silhouettes[i]),
            x: map.get((i, 0)).copied().unwrap_or(0.0),
            y: map.get((i, 1)).copied().unwrap_or(0.0),
            nearest_id: nearest[i].map(|(j, _)| ids[j].clone()),
            nearest_similarity: nearest[i].map(|(_, s)| s),
        })
        .collect();

    Ok(Some(Clustering {
        method: method::method(valid, &vectors, &fit, matrix.n_cols()),
        k: fit.k,
        k_chosen_by: fit.chosen_by.to_string(),
        seed: params.seed,
        n_runs: tuning.n_runs,
        silhouette: kmeans::mean(&fit.silhouettes),
        silhouette_sample: fit.silhouette_sample,
        reduced_dims: vectors.reduced_dims,
        k_scores: fit.k_scores,
        clusters,
        assignments,
        similarity,
        cluster_similarity,
        notes,
    }))
}

#[cfg(test)]
mod test_corpus;

#[cfg(test)]
mod tests {
    use super::test_corpus::{self, labels, params, planted, raw_params};
    use super::*;
    use crate::similarity::sparse::CsrMatrix;

    #[test]
    fn same_seed_same_result() {
        let c = planted(80, 3, 20, 30, 10, 8, 3);
        let a = cluster(&c.input(), &params(None)).unwrap().unwrap();
        let b = cluster(&c.input(), &params(None)).unwrap().unwrap();
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            serde_json::to_string(&b).unwrap()
        );
        // And on the SVD path too.
        let tuning = ClusterTuning {
            reduce: Reduce::Always,
            dims: 20,
            ..Default::default()
        };
        let p = raw_params(None).check_with(tuning).unwrap();
        let a = cluster(&c.input(), &p).unwrap().unwrap();
        let b = cluster(&c.input(), &p).unwrap().unwrap();
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            serde_json::to_string(&b).unwrap()
        );
    }

    /// `c` with its articles in `order` (row `p` is `c`'s row `order[p]`).
    fn reordered(c: &test_corpus::Corpus, order: &[usize]) -> test_corpus::Corpus {
        let mut m = CsrMatrix::new(c.m.n_cols);
        for &r in order {
            let (cols, vals) = c.m.row(r);
            let row: Vec<(u32, f64)> = cols.iter().copied().zip(vals.iter().copied()).collect();
            m.push_row(&row);
        }
        test_corpus::Corpus {
            m,
            ids: order.iter().map(|&r| c.ids[r].clone()).collect(),
            terms: c.terms.clone(),
            stems: c.stems.clone(),
            truth: order.iter().map(|&r| c.truth[r]).collect(),
        }
    }

    /// Everything a clustering says about each article and cluster, with the
    /// articles sorted by id, so two corpus orders can be compared.
    fn by_id(c: &Clustering) -> String {
        let mut rows: Vec<String> = c
            .assignments
            .iter()
            .map(|a| serde_json::to_string(a).unwrap())
            .collect();
        rows.sort();
        let mut sims = Vec::new();
        if let Some(s) = &c.similarity {
            for (i, a) in s.ids.iter().enumerate() {
                for (j, b) in s.ids.iter().enumerate() {
                    sims.push(format!("{a} {b} {:?}", s.values[i][j].to_bits()));
                }
            }
            sims.sort();
        }
        format!(
            "{} {} {:?} {} {} {} {:?}",
            c.k,
            c.method,
            c.silhouette.to_bits(),
            serde_json::to_string(&c.k_scores).unwrap(),
            serde_json::to_string(&c.clusters).unwrap(),
            rows.join("\n"),
            sims
        )
    }

    /// The same articles in another order (files renamed, inputs given in
    /// another order) get the same clusters: the same partition, the same
    /// numbers and every figure the same, on each path of the fit.
    #[test]
    fn order_of_articles_does_not_matter() {
        // Weak topics under much shared noise, where starting points matter.
        let c = planted(90, 3, 6, 40, 3, 12, 21);
        let mut order: Vec<usize> = (0..90).collect();
        order.reverse();
        order.rotate_left(17);
        let r = reordered(&c, &order);
        let sample = ClusterTuning {
            choose_k_sample: 50,
            full_sweep_max: 30,
            svd_sample: 60,
            reduce: Reduce::Always,
            dims: 20,
            ..Default::default()
        };
        for (name, p) in [
            ("auto k", params(None)),
            ("fixed k", params(Some(4))),
            ("samples", raw_params(None).check_with(sample).unwrap()),
        ] {
            let a = cluster(&c.input(), &p).unwrap().unwrap();
            let b = cluster(&r.input(), &p).unwrap().unwrap();
            assert_eq!(a.k, b.k, "{name}");
            let partition = |c: &Clustering| {
                let mut sets = vec![std::collections::BTreeSet::new(); c.k];
                for a in &c.assignments {
                    sets[a.cluster].insert(a.article_id.clone());
                }
                sets
            };
            assert_eq!(partition(&a), partition(&b), "{name}");
            assert_eq!(by_id(&a), by_id(&b), "{name}");
            // Corpus order is kept in the output.
            let ids: Vec<&str> = b
                .assignments
                .iter()
                .map(|a| a.article_id.as_str())
                .collect();
            assert_eq!(ids, r.ids.iter().map(|s| s.as_str()).collect::<Vec<_>>());
            if let Some(s) = &b.similarity {
                assert_eq!(s.ids, r.ids);
                assert!((s.values[0][1] - r.m.row_dot(0, 1)).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn three_articles_work() {
        let c = planted(3, 3, 10, 5, 8, 2, 5);
        let out = cluster(&c.input(), &params(None)).unwrap().unwrap();
        assert_eq!(out.k, 2);
        assert_eq!(out.k_scores.len(), 1);
        assert_eq!(out.assignments.len(), 3);
        assert!(out
            .assignments
            .iter()
            .all(|a| a.x.is_finite() && a.y.is_finite()));
        assert!(out.similarity.is_some());
    }

    #[test]
    fn duplicate_is_nearest_neighbour() {
        let mut c = planted(30, 3, 20, 30, 10, 6, 7);
        let (cols, vals) = c.m.row(4);
        let row: Vec<(u32, f64)> = cols.iter().copied().zip(vals.iter().copied()).collect();
        c.m.push_row(&row);
        c.ids.push("dup_of_a0004".into());
        let out = cluster(&c.input(), &params(None)).unwrap().unwrap();
        let a4 = &out.assignments[4];
        assert_eq!(a4.nearest_id.as_deref(), Some("dup_of_a0004"));
        assert!((a4.nearest_similarity.unwrap() - 1.0).abs() < 1e-12);
        let dup = &out.assignments[30];
        assert_eq!(dup.nearest_id.as_deref(), Some("a0004"));
        assert_eq!(dup.cluster, a4.cluster);
    }

    #[test]
    fn similarity_matrix_is_symmetric_with_unit_diagonal() {
        let c = planted(25, 3, 20, 30, 10, 6, 8);
        let out = cluster(&c.input(), &params(None)).unwrap().unwrap();
        let s = out.similarity.unwrap();
        assert_eq!(s.ids, c.ids);
        for i in 0..25 {
            assert_eq!(s.values[i][i], 1.0);
            for j in 0..25 {
                assert_eq!(s.values[i][j], s.values[j][i]);
                assert!((-1e-12..=1.0 + 1e-12).contains(&s.values[i][j]));
                if i != j {
                    assert!((s.values[i][j] - c.m.row_dot(i, j)).abs() < 1e-12);
                }
            }
        }
    }

    #[test]
    fn large_corpus_caps_similarity_and_neighbours() {
        let c = planted(40, 2, 20, 20, 10, 5, 10);
        let tuning = ClusterTuning {
            similarity_max: 10,
            exact_neighbours_max: 20,
            ..Default::default()
        };
        let p = raw_params(Some(2)).check_with(tuning.clone()).unwrap();
        let out = cluster(&c.input(), &p).unwrap().unwrap();
        assert!(out.similarity.is_none());
        assert!(out.assignments.iter().all(|a| a.nearest_id.is_none()));
        assert_eq!(out.notes.len(), 2, "{:?}", out.notes);
        let mut p = raw_params(Some(2));
        p.neighbours = true;
        let out = cluster(&c.input(), &p.check_with(tuning).unwrap())
            .unwrap()
            .unwrap();
        assert!(out.notes.iter().any(|n| n.contains("approximate")));
        for (i, a) in out.assignments.iter().enumerate() {
            let j = out
                .assignments
                .iter()
                .position(|b| Some(&b.article_id) == a.nearest_id.as_ref())
                .unwrap();
            assert_ne!(i, j);
            assert_eq!(out.assignments[j].cluster, a.cluster);
        }
    }

    /// Normalised mutual information (arithmetic normalisation, as scikit-learn).
    fn nmi(a: &[usize], b: &[usize]) -> f64 {
        use std::collections::BTreeMap;
        let n = a.len() as f64;
        let (mut ca, mut cb, mut cab) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
        for (&x, &y) in a.iter().zip(b) {
            *ca.entry(x).or_insert(0.0) += 1.0;
            *cb.entry(y).or_insert(0.0) += 1.0;
            *cab.entry((x, y)).or_insert(0.0) += 1.0;
        }
        let mi: f64 = cab
            .iter()
            .map(|(&(x, y), &c)| c / n * (c * n / (ca[&x] * cb[&y])).ln())
            .sum();
        let h = |m: &BTreeMap<usize, f64>| -m.values().map(|&c| c / n * (c / n).ln()).sum::<f64>();
        let (ha, hb) = (h(&ca), h(&cb));
        if ha + hb == 0.0 {
            1.0
        } else {
            2.0 * mi / (ha + hb)
        }
    }

    #[test]
    fn nmi_of_identical_and_independent_partitions() {
        assert!((nmi(&[0, 0, 1, 1], &[1, 1, 0, 0]) - 1.0).abs() < 1e-12);
        assert!(nmi(&[0, 1, 0, 1], &[0, 0, 1, 1]).abs() < 1e-12);
    }

    /// Cluster quality on a matrix written by `bench/cluster_quality.py dump`:
    /// `CQ_MATRIX=/tmp/m.txt cargo test --lib quality_from_matrix_file -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn quality_from_matrix_file() {
        let path = std::env::var("CQ_MATRIX").expect("set CQ_MATRIX");
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines = text.lines();
        let head: Vec<usize> = lines
            .next()
            .unwrap()
            .split(' ')
            .map(|x| x.parse().unwrap())
            .collect();
        let mut m = CsrMatrix::new(head[1]);
        let mut topics = Vec::new();
        let mut names: Vec<String> = Vec::new();
        for line in lines {
            let mut parts = line.split(' ');
            let t = parts.next().unwrap().to_string();
            let id = names.iter().position(|n| *n == t).unwrap_or_else(|| {
                names.push(t.clone());
                names.len() - 1
            });
            topics.push(id);
            let row: Vec<(u32, f64)> = parts
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (c, v) = p.split_once(':').unwrap();
                    (c.parse().unwrap(), v.parse().unwrap())
                })
                .collect();
            m.push_row(&row);
        }
        let n = m.n_rows;
        let terms: Vec<String> = (0..m.n_cols).map(|j| format!("t{j}")).collect();
        let ids: Vec<String> = (0..n).map(|i| format!("d{i}")).collect();
        let input = ClusterInput {
            matrix: &m,
            ids: &ids,
            terms: &terms,
            stems: &terms,
        };
        let k = names.len();
        for (name, kk, reduce) in [
            ("fixed k, default (LSA)", Some(k), Reduce::Auto),
            ("fixed k, dense", Some(k), Reduce::Never),
            ("auto k, default (LSA)", None, Reduce::Auto),
        ] {
            let t = std::time::Instant::now();
            let tuning = ClusterTuning {
                reduce,
                ..Default::default()
            };
            let p = raw_params(kk).check_with(tuning).unwrap();
            let out = cluster(&input, &p).unwrap().unwrap();
            eprintln!(
                "{path} {name}: k = {}, NMI = {:.4}, {:.1?}",
                out.k,
                nmi(&labels(&out), &topics),
                t.elapsed()
            );
        }
    }
}
