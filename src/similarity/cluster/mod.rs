//! Clustering and similarity of articles from their TF-IDF vectors.
//!
//! Method (see [`cluster_with`] for the knobs):
//! 1. Vectors. Whenever there are more terms than `dims` (100), the TF-IDF
//!    rows are reduced with a truncated SVD (LSA) computed on the sparse
//!    matrix by a seeded randomized range finder (Halko, Martinsson & Tropp
//!    2011) to 100 dimensions, and the reduced rows are L2-normalised again.
//!    Memory stays linear: n x 100 dense plus terms x 110; the document-term
//!    matrix is never densified. With at most 100 articles the reduction is
//!    lossless (the range finder spans all of them: every cosine is kept), so
//!    small corpora are clustered exactly as their raw TF-IDF rows would be.
//!    Above 20,000 articles the SVD directions are fitted on a seeded sample
//!    of 20,000 and every article is projected onto them (one sparse
//!    product): the fit's cost stops growing with the corpus. On labelled
//!    40,000-article corpora (bench/cluster_quality.md) this changed NMI by
//!    less than 0.01 (0.860 / 0.538 sampled against 0.854 / 0.537).
//!    The dense path (`Reduce::Never`, or vocabularies of at most 100 terms)
//!    clusters the L2-normalised TF-IDF rows directly. LSA is the default for
//!    every larger corpus because it was both faster and better: on synthetic
//!    labelled corpora (bench/cluster_quality.md, 1,200 articles, 6 topics) it
//!    scored NMI 0.96 / 0.79 / 0.42 against 0.82 / 0.56 / 0.05 for the dense
//!    rows and 0.88 / 0.69 / 0.06 for scikit-learn's TfidfVectorizer +
//!    KMeans(n_init=10), in about a tenth of the dense path's time.
//! 2. k-means (`lloyd.rs`: Lloyd's algorithm, k-means++ start, 10 seeded
//!    restarts, lowest inertia kept). k is fixed by the user or chosen by the
//!    highest mean cosine silhouette over k = 2..=min(10, n-1); above 10,000
//!    articles k is chosen on a seeded sample of 10,000 and the whole corpus
//!    is then clustered once at that k (choosing k costs nine k-means fits
//!    with ten restarts each: on the sample it stays a constant cost). Euclidean k-means on unit vectors
//!    ranks points like cosine ("spherical") k-means.
//! 3. Silhouette with cosine distance on the clustered vectors, exact for every
//!    article: on unit vectors the mean distance to a cluster only needs that
//!    cluster's vector sum, so it costs O(n k d) and needs no sampling.
//! 4. Cluster descriptions in the original TF-IDF space: top terms of the
//!    centroid (mean of member rows, computed sparsely), the most central
//!    article (highest cosine to that centroid), a label of the top 3 terms.
//! 5. Similarity: the mean cosine between (and within) clusters for any size,
//!    from each cluster's sum of unit TF-IDF rows (the mean over pairs of
//!    clusters A and B is sum_A . sum_B / (|A| |B|); within a cluster the
//!    self-pairs are taken out), so no pair of articles is ever visited;
//!    the full cosine matrix of TF-IDF rows up to 500 articles;
//!    exact nearest neighbours up to 5,000 (inverted index); above that only
//!    on request, approximately (best match within the article's own cluster).
//! 6. A 2-D map: the first two principal components of the clustered vectors.
//!
//! Everything is deterministic for the same input and seed: parallel loops
//! only ever write independent outputs, and every floating sum runs in a fixed
//! order.

mod kmeans;
mod linalg;
mod lloyd;
mod neighbours;

use crate::model::{Assignment, ClusterInfo, Clustering, KScore, SimilarityMatrix, WeightedTerm};
use crate::similarity::sparse::CsrMatrix;
use ndarray::Array2;
use rayon::prelude::*;
use std::borrow::Cow;

/// What clustering needs from earlier stages.
pub struct ClusterInput<'a> {
    /// L2-normalised TF-IDF rows, one per article.
    pub matrix: &'a CsrMatrix,
    /// Article ids, one per row.
    pub ids: &'a [String],
    /// Surface form of each column's term.
    pub terms: &'a [String],
    /// Stem of each column.
    pub stems: &'a [String],
}

/// Clustering parameters.
#[derive(Debug, Clone)]
pub struct ClusterParams {
    /// Fixed k, or None to choose by silhouette.
    pub k: Option<usize>,
    /// RNG seed.
    pub seed: u64,
    /// Compute neighbours even for very large corpora.
    pub neighbours: bool,
    /// Top terms per cluster.
    pub top_terms: usize,
}

/// Whether to reduce the vectors with truncated SVD before clustering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reduce {
    /// Reduce whenever there are more terms than `dims`.
    Auto,
    /// Always reduce (to at most `dims`; a lossless rotation when there are fewer terms).
    Always,
    /// Never reduce: cluster the dense TF-IDF rows.
    Never,
}

/// Internal knobs with sensible defaults; [`cluster`] uses `Default`.
#[derive(Debug, Clone)]
pub struct ClusterTuning {
    /// k-means restarts per k (best inertia kept).
    pub n_runs: usize,
    /// When to reduce with truncated SVD.
    pub reduce: Reduce,
    /// Target dimensions of the SVD reduction.
    pub dims: usize,
    /// Largest k tried when choosing k automatically.
    pub max_auto_k: usize,
    /// Largest corpus that gets the full similarity matrix.
    pub similarity_max: usize,
    /// Largest corpus that gets exact nearest neighbours by default.
    pub exact_neighbours_max: usize,
    /// Power iterations of the randomized SVD.
    pub power_iterations: usize,
    /// Above this many articles, k is chosen on a seeded sample of this size.
    pub choose_k_sample: usize,
    /// k-means restarts per k while choosing k on more than
    /// `full_sweep_max` articles; the chosen k is then fitted with `n_runs`.
    pub sweep_runs: usize,
    /// Largest corpus whose k sweep uses all `n_runs` restarts per k.
    pub full_sweep_max: usize,
    /// Above this many articles, the SVD is fitted on a seeded sample of
    /// this size and every article is projected onto it.
    pub svd_sample: usize,
}

impl Default for ClusterTuning {
    fn default() -> Self {
        ClusterTuning {
            n_runs: 10,
            reduce: Reduce::Auto,
            dims: 100,
            max_auto_k: 10,
            similarity_max: 500,
            exact_neighbours_max: 5_000,
            power_iterations: 2,
            choose_k_sample: 10_000,
            // Restarts barely move a k's mean silhouette (they lower inertia
            // in the third decimal), so ranking k needs few; the fit that
            // is kept still gets all ten.
            sweep_runs: 3,
            full_sweep_max: 2_000,
            // The fit's cost grows with the corpus (and its vocabulary); 100
            // directions are pinned down long before 20,000 articles, and up
            // to that size nothing changes.
            svd_sample: 20_000,
        }
    }
}

/// Labels of one k-means run and each article's silhouette.
type LabelsAndSilhouettes = (Vec<usize>, Vec<f64>);

/// Oversampling of the randomized SVD range finder (Halko et al. suggest 5-10).
const OVERSAMPLE: usize = 10;

/// Clusters the articles with the default tuning; `Ok(None)` when there are
/// fewer than 3, `Err` when the input is inconsistent or has no terms at all.
pub fn cluster(input: &ClusterInput, params: &ClusterParams) -> Result<Option<Clustering>, String> {
    cluster_with(input, params, &ClusterTuning::default())
}

/// Clusters the articles with explicit tuning (see the module docs).
pub fn cluster_with(
    input: &ClusterInput,
    params: &ClusterParams,
    tuning: &ClusterTuning,
) -> Result<Option<Clustering>, String> {
    let raw = input.matrix;
    let n = raw.n_rows;
    if input.ids.len() != n {
        return Err(format!(
            "clustering: {} ids for {} matrix rows",
            input.ids.len(),
            n
        ));
    }
    if input.terms.len() != raw.n_cols || input.stems.len() != raw.n_cols {
        return Err(format!(
            "clustering: {} terms and {} stems for {} matrix columns",
            input.terms.len(),
            input.stems.len(),
            raw.n_cols
        ));
    }
    if n < 3 {
        return Ok(None);
    }
    if raw.data.iter().all(|&v| v == 0.0 || !v.is_finite()) {
        return Err("clustering: no article has any term left after vocabulary pruning".into());
    }
    // Non-finite weights cannot come from TF-IDF, but must never reach k-means.
    let matrix: Cow<CsrMatrix> = if raw.data.iter().all(|v| v.is_finite()) {
        Cow::Borrowed(raw)
    } else {
        let mut m = raw.clone();
        m.data
            .iter_mut()
            .filter(|v| !v.is_finite())
            .for_each(|v| *v = 0.0);
        Cow::Owned(m)
    };
    let matrix: &CsrMatrix = &matrix;
    let mut notes = Vec::new();

    // 1. The vectors to cluster.
    let reduce = match tuning.reduce {
        Reduce::Never => false,
        Reduce::Always => true,
        Reduce::Auto => matrix.n_cols > tuning.dims,
    };
    let mut clock = crate::platform::timing::Timer::new("  cluster.");
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
    clock.lap("svd");
    let reduced_dims = reduce.then_some(x.ncols());

    // 2. k-means, with k fixed or chosen by silhouette.
    let max_k = n - 1;
    let sweep_runs = if n > tuning.full_sweep_max {
        tuning.sweep_runs.clamp(1, tuning.n_runs.max(1))
    } else {
        tuning.n_runs
    };
    let mut silhouette_sample = None;
    // Set when the k-means restarts ran on a sample rather than all articles.
    let mut restart_sample = None;
    let (labels, row_sil, k_scores, k_chosen_by) = match params.k {
        Some(asked) => {
            let k = asked.clamp(2, max_k);
            if k != asked {
                notes.push(format!(
                    "k = {asked} is not possible with {n} articles (k must be 2 to {max_k}); used k = {k}."
                ));
            }
            let labels = if n > tuning.choose_k_sample {
                // As when k is chosen: restarts on a seeded sample, then
                // every article to the nearest centroid, then linfa on all.
                let m = tuning.choose_k_sample;
                let xs = x.select(ndarray::Axis(0), &sample_rows(n, m, params.seed));
                let sample_labels =
                    kmeans::kmeans_labels(xs.view(), k, tuning.n_runs, params.seed)?;
                restart_sample = Some(m);
                notes.push(format!(
                    "The k-means restarts ran on a random sample of {m} of the {n} articles (seed {}); \
                     every article then joined the nearest centroid, and the final fit and every \
                     silhouette shown use all articles.",
                    params.seed
                ));
                kmeans::nearest_centroid(x.view(), xs.view(), &sample_labels)
            } else {
                kmeans::kmeans_labels(x.view(), k, tuning.n_runs, params.seed)?
            };
            let sil = kmeans::silhouettes(x.view(), &labels);
            let score = KScore {
                k,
                silhouette: kmeans::mean(&sil),
            };
            (labels, sil, vec![score], "fixed")
        }
        None if n > tuning.choose_k_sample => {
            // Large corpus: choose k on a seeded random sample (every k, all
            // restarts), then fit the whole corpus once at that k. The k
            // scores are the sample's; the article silhouettes are exact.
            let m = tuning.choose_k_sample;
            let rows = sample_rows(n, m, params.seed);
            let xs = x.select(ndarray::Axis(0), &rows);
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
            // The restarts run on the sample too; every article then joins
            // the nearest of the best run's centroids, and linfa's k-means
            // (below) refines that on all articles. Ten restarts on all
            // 100,000 articles took most of the clustering time.
            let sample_labels =
                kmeans::kmeans_labels(xs.view(), best.k, tuning.n_runs, params.seed)?;
            let labels = kmeans::nearest_centroid(x.view(), xs.view(), &sample_labels);
            let sil = kmeans::silhouettes(x.view(), &labels);
            silhouette_sample = Some(m);
            restart_sample = Some(m);
            notes.push(format!(
                "k was chosen on a random sample of {m} of the {n} articles (seed {}); the clustering \
                 itself and every silhouette shown use all articles.",
                params.seed
            ));
            (labels, sil, scores, "silhouette")
        }
        None => {
            let top = tuning.max_auto_k.max(2).min(max_k);
            let runs: Vec<Result<LabelsAndSilhouettes, String>> = (2..=top)
                .into_par_iter()
                .map(|k| {
                    let labels = kmeans::kmeans_labels(x.view(), k, sweep_runs, params.seed)?;
                    let sil = kmeans::silhouettes(x.view(), &labels);
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
            let (_, k, labels, sil) = best.ok_or("clustering: no k could be tried")?;
            if sweep_runs < tuning.n_runs {
                // Refit the chosen k with every restart; the same seed
                // replays the sweep's restarts first, so this is never worse.
                let labels = kmeans::kmeans_labels(x.view(), k, tuning.n_runs, params.seed)?;
                let sil = kmeans::silhouettes(x.view(), &labels);
                (labels, sil, scores, "silhouette")
            } else {
                (labels, sil, scores, "silhouette")
            }
        }
    };
    // The final clustering is linfa's k-means, started from the best Lloyd run.
    let refined = kmeans::refine_with_linfa(x.view(), &labels, params.seed)?;
    let (labels, row_sil) = if refined == labels {
        (labels, row_sil)
    } else {
        let sil = kmeans::silhouettes(x.view(), &refined);
        (refined, sil)
    };
    let k_eff = labels.iter().copied().max().map_or(0, |m| m + 1);
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
            .map_or(k_eff, |(s, _)| s.k),
    };
    if k_eff < k_asked {
        notes.push(format!(
            "k-means found only {k_eff} non-empty clusters for k = {k_asked} (too few distinct articles)."
        ));
    }
    clock.lap("kmeans");
    // 3. Cluster descriptions in the original TF-IDF space.
    let norms = neighbours::row_norms(matrix);
    let clusters = describe_clusters(matrix, &norms, &labels, k_eff, input, params.top_terms);

    // 4. 2-D map: first two principal components of the clustered vectors.
    let centred = linalg::CentredDense::new(&x);
    let (map, _) = linalg::randomized_svd(
        &centred,
        2,
        OVERSAMPLE,
        4,
        params.seed ^ 0x9E37_79B9_7F4A_7C15,
    );
    clock.lap("describe_map");
    // 5. Similarity and neighbours.
    let cluster_similarity = cluster_means(matrix, &norms, &labels, k_eff);
    let similarity = if n <= tuning.similarity_max {
        Some(SimilarityMatrix {
            ids: input.ids.to_vec(),
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
        neighbours::within_cluster_nearest(x.view(), &labels, matrix, &norms)
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
            "{lonely} article(s) share no term with any other article (or are alone in their cluster) \
             and have no nearest neighbour."
        ));
    }

    let assignments = (0..n)
        .map(|i| Assignment {
            article_id: input.ids[i].clone(),
            cluster: labels[i],
            cluster_label: clusters[labels[i]].label.clone(),
            silhouette: Some(row_sil[i]),
            x: map.get((i, 0)).copied().unwrap_or(0.0),
            y: map.get((i, 1)).copied().unwrap_or(0.0),
            nearest_id: nearest[i].map(|(j, _)| input.ids[j].clone()),
            nearest_similarity: nearest[i].map(|(_, s)| s),
        })
        .collect();

    let vectors = match reduced_dims {
        Some(d) => format!(
            "the L2-normalised TF-IDF vectors reduced to {d} dimensions by truncated SVD (LSA; \
             randomized, {} power iterations{}) and L2-normalised again",
            tuning.power_iterations,
            svd_sample
                .map(|m| format!(", fitted on a random sample of {m} articles"))
                .unwrap_or_default()
        ),
        None => format!("the L2-normalised TF-IDF vectors ({} terms)", matrix.n_cols),
    };
    let k_part = if params.k.is_some() {
        format!("k = {k_asked} fixed")
    } else {
        format!(
            "k chosen by the highest mean silhouette (cosine distance) over k = 2..{}{}",
            k_scores.last().map_or(2, |s| s.k),
            silhouette_sample.map_or(String::new(), |m| format!(
                " on a seeded random sample of {m} articles"
            ))
        )
    };
    let fit = match restart_sample {
        Some(m) => format!(
            "{} seeded restarts on the sample of {m}, lowest inertia kept{}; every article then \
             joins the nearest of that run's centroids; final fit on all articles by linfa's KMeans \
             started from there",
            tuning.n_runs,
            if params.k.is_none() && sweep_runs < tuning.n_runs {
                format!(" ({sweep_runs} per k while choosing k)")
            } else {
                String::new()
            }
        ),
        None => format!(
            "{} seeded restarts, lowest inertia kept{}; final fit by linfa's KMeans started from \
             that solution",
            tuning.n_runs,
            if params.k.is_none() && sweep_runs < tuning.n_runs {
                format!(" ({sweep_runs} per k while choosing k)")
            } else {
                String::new()
            }
        ),
    };
    let method = format!(
        "k-means (Lloyd, k-means++ start, {fit}) on {vectors}; {k_part}; \
         cluster terms from centroids in TF-IDF space; map = first two principal components of the \
         clustered vectors"
    );

    Ok(Some(Clustering {
        method,
        k: k_eff,
        k_chosen_by: k_chosen_by.to_string(),
        seed: params.seed,
        n_runs: tuning.n_runs,
        k_scores,
        silhouette: kmeans::mean(&row_sil),
        silhouette_sample,
        reduced_dims,
        clusters,
        assignments,
        similarity,
        cluster_similarity,
        notes,
    }))
}

/// `m` distinct row indices out of `n`, in increasing order, drawn with a
/// seeded partial Fisher-Yates shuffle.
fn sample_rows(n: usize, m: usize, seed: u64) -> Vec<usize> {
    use rand_xoshiro::rand_core::{RngCore, SeedableRng};
    let mut rng = rand_xoshiro::Xoshiro256Plus::seed_from_u64(seed ^ 0x5A4D_504C_4520_4B21);
    let mut idx: Vec<usize> = (0..n).collect();
    for i in 0..m.min(n) {
        let j = i + (rng.next_u64() % (n - i) as u64) as usize;
        idx.swap(i, j);
    }
    idx.truncate(m.min(n));
    idx.sort_unstable();
    idx
}

/// Dense copy of a CSR matrix (dense path only: tiny vocabularies or `Reduce::Never`).
fn densify(m: &CsrMatrix) -> Array2<f64> {
    let mut x = Array2::zeros((m.n_rows, m.n_cols));
    for r in 0..m.n_rows {
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

/// Centroid top terms, size, central article and label of each cluster.
/// Mean cosine similarity between the articles of every pair of clusters
/// (see step 5 of the module docs): exact, O(nnz + k^2 terms), with sums taken
/// in corpus order so the result is deterministic. Rows without any term count
/// as similarity 0 with everything, as in the full matrix.
fn cluster_means(
    m: &CsrMatrix,
    norms: &[f64],
    labels: &[usize],
    k: usize,
) -> Vec<Vec<Option<f64>>> {
    let mut sums = vec![vec![0.0f64; m.n_cols]; k];
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

fn describe_clusters(
    m: &CsrMatrix,
    norms: &[f64],
    labels: &[usize],
    k: usize,
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
            let mut centroid = vec![0.0f64; m.n_cols];
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
            let mut order: Vec<usize> = (0..m.n_cols).filter(|&j| centroid[j] > 0.0).collect();
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
                central_article: central.map_or_else(String::new, |(r, _)| input.ids[r].clone()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_xoshiro::rand_core::{RngCore, SeedableRng};
    use rand_xoshiro::Xoshiro256Plus;

    /// A planted-topic corpus: `topics` topics, each owning `own` words; every
    /// document draws `per_doc_topic` words from its topic and `per_doc_noise`
    /// from `noise` shared words, with small integer counts; rows L2-normalised.
    struct Corpus {
        m: CsrMatrix,
        ids: Vec<String>,
        terms: Vec<String>,
        stems: Vec<String>,
        truth: Vec<usize>,
    }

    fn planted(
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
        fn input(&self) -> ClusterInput<'_> {
            ClusterInput {
                matrix: &self.m,
                ids: &self.ids,
                terms: &self.terms,
                stems: &self.stems,
            }
        }
    }

    fn params(k: Option<usize>) -> ClusterParams {
        ClusterParams {
            k,
            seed: 42,
            neighbours: false,
            top_terms: 10,
        }
    }

    fn labels(c: &Clustering) -> Vec<usize> {
        c.assignments.iter().map(|a| a.cluster).collect()
    }

    /// Share of articles whose cluster agrees with the majority cluster of
    /// their planted topic, requiring distinct topics to map to distinct clusters.
    fn agreement(labels: &[usize], truth: &[usize]) -> f64 {
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
        let a = cluster_with(&c.input(), &params(None), &tuning)
            .unwrap()
            .unwrap();
        let b = cluster_with(&c.input(), &params(None), &tuning)
            .unwrap()
            .unwrap();
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            serde_json::to_string(&b).unwrap()
        );
    }

    #[test]
    fn fewer_than_three_articles_give_none() {
        for n in [0, 1, 2] {
            let c = planted(n, 1, 5, 5, 4, 2, 4);
            assert!(cluster(&c.input(), &params(None)).unwrap().is_none());
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

    #[test]
    fn svd_path_matches_dense_path_on_planted_topics() {
        let c = planted(600, 3, 900, 300, 30, 15, 9);
        assert_eq!(c.m.n_cols, 3000);
        let p = params(Some(3));
        let dense = cluster_with(
            &c.input(),
            &p,
            &ClusterTuning {
                reduce: Reduce::Never,
                ..Default::default()
            },
        )
        .unwrap()
        .unwrap();
        let svd = cluster_with(
            &c.input(),
            &p,
            &ClusterTuning {
                reduce: Reduce::Always,
                ..Default::default()
            },
        )
        .unwrap()
        .unwrap();
        assert_eq!(dense.reduced_dims, None);
        assert_eq!(svd.reduced_dims, Some(100));
        assert!(svd.method.contains("truncated SVD"));
        assert_eq!(agreement(&labels(&dense), &c.truth), 1.0);
        assert_eq!(labels(&svd), labels(&dense));
        // The default reduces; so the clusters are the dense path's.
        let auto = cluster(&c.input(), &p).unwrap().unwrap();
        assert_eq!(auto.reduced_dims, Some(100));
        assert_eq!(labels(&auto), labels(&dense));
    }

    #[test]
    fn svd_fitted_on_a_sample_finds_the_same_clusters() {
        let c = planted(600, 3, 900, 300, 30, 15, 9);
        let p = params(Some(3));
        let full = cluster(&c.input(), &p).unwrap().unwrap();
        let sampled = cluster_with(
            &c.input(),
            &p,
            &ClusterTuning {
                svd_sample: 150,
                ..Default::default()
            },
        )
        .unwrap()
        .unwrap();
        assert_eq!(agreement(&labels(&sampled), &c.truth), 1.0);
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
        let p = params(None);
        let svd = cluster(&c.input(), &p).unwrap().unwrap();
        assert_eq!(svd.reduced_dims, Some(40));
        let dense = cluster_with(
            &c.input(),
            &p,
            &ClusterTuning {
                reduce: Reduce::Never,
                ..Default::default()
            },
        )
        .unwrap()
        .unwrap();
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

    #[test]
    fn large_corpus_caps_similarity_and_neighbours() {
        let c = planted(40, 2, 20, 20, 10, 5, 10);
        let tuning = ClusterTuning {
            similarity_max: 10,
            exact_neighbours_max: 20,
            ..Default::default()
        };
        let out = cluster_with(&c.input(), &params(Some(2)), &tuning)
            .unwrap()
            .unwrap();
        assert!(out.similarity.is_none());
        assert!(out.assignments.iter().all(|a| a.nearest_id.is_none()));
        assert_eq!(out.notes.len(), 2, "{:?}", out.notes);
        let mut p = params(Some(2));
        p.neighbours = true;
        let out = cluster_with(&c.input(), &p, &tuning).unwrap().unwrap();
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
    }

    #[test]
    fn inconsistent_input_and_empty_vocabulary_are_errors() {
        let c = planted(5, 2, 10, 5, 8, 2, 12);
        let ids = &c.ids[..4];
        let bad = ClusterInput { ids, ..c.input() };
        assert!(cluster(&bad, &params(None)).is_err());
        let mut empty = CsrMatrix::new(3);
        for _ in 0..4 {
            empty.push_row(&[]);
        }
        let ids: Vec<String> = (0..4).map(|i| i.to_string()).collect();
        let terms: Vec<String> = vec!["a".into(), "b".into(), "c".into()];
        let input = ClusterInput {
            matrix: &empty,
            ids: &ids,
            terms: &terms,
            stems: &terms,
        };
        assert!(cluster(&input, &params(None)).is_err());
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
            let out = cluster_with(&input, &params(kk), &tuning).unwrap().unwrap();
            eprintln!(
                "{path} {name}: k = {}, NMI = {:.4}, {:.1?}",
                out.k,
                nmi(&labels(&out), &topics),
                t.elapsed()
            );
        }
    }
}
