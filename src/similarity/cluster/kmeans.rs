//! k-means with seeded restarts, canonical cluster numbering, and an
//! exact cosine silhouette that runs in linear time.

use ndarray::{Array2, ArrayView2};
use rayon::prelude::*;

/// Runs k-means (k-means++ start, `n_runs` seeded restarts, the run with the
/// lowest inertia kept; see [`super::lloyd`]) on the rows of `x`, and returns
/// each row's cluster renumbered canonically (see [`canonical_labels`]).
pub fn kmeans_labels(
    x: ArrayView2<f64>,
    k: usize,
    n_runs: usize,
    seed: u64,
) -> Result<Vec<usize>, String> {
    let (n, d) = x.dim();
    if k == 0 || k > n {
        return Err(format!("k-means failed for k = {k}: only {n} rows"));
    }
    let owned;
    let flat: &[f64] = match x.as_slice() {
        Some(s) => s,
        None => {
            owned = x.iter().copied().collect::<Vec<f64>>();
            &owned
        }
    };
    let labels = super::lloyd::kmeans(&super::lloyd::Data { x: flat, n, d }, k, n_runs, seed);
    Ok(canonical_labels(&labels))
}

/// The mean row of each cluster (`labels` numbered from 0) and the cluster
/// sizes; an empty cluster's centroid is zero. Rows are added in order.
fn centroids(x: ArrayView2<f64>, labels: &[usize]) -> (Array2<f64>, Vec<usize>) {
    let k = labels.iter().copied().max().map_or(0, |m| m + 1);
    let mut sums = Array2::<f64>::zeros((k, x.ncols()));
    let mut counts = vec![0usize; k];
    for (row, &l) in x.rows().into_iter().zip(labels) {
        let mut c = sums.row_mut(l);
        c += &row;
        counts[l] += 1;
    }
    for (l, &c) in counts.iter().enumerate() {
        if c > 0 {
            sums.row_mut(l).mapv_inplace(|v| v / c as f64);
        }
    }
    (sums, counts)
}

/// Labels every row of `x` with the nearest (squared Euclidean; first on
/// ties) centroid of the clusters that `labels` gives the rows of `sample`,
/// renumbered with [`canonical_labels`].
pub fn nearest_centroid(
    x: ArrayView2<f64>,
    sample: ArrayView2<f64>,
    labels: &[usize],
) -> Vec<usize> {
    let (centroids, counts) = centroids(sample, labels);
    let c_norms: Vec<f64> = centroids.rows().into_iter().map(|c| c.dot(&c)).collect();
    let raw: Vec<usize> = (0..x.nrows())
        .into_par_iter()
        .map(|i| {
            let xi = x.row(i);
            let mut best = (0, f64::INFINITY);
            for (j, c) in centroids.rows().into_iter().enumerate() {
                // |x - c|^2 minus the constant |x|^2.
                let v = c_norms[j] - 2.0 * xi.dot(&c);
                if counts[j] > 0 && v < best.1 {
                    best = (j, v);
                }
            }
            best.0
        })
        .collect();
    canonical_labels(&raw)
}

/// Renumbers clusters 0.. by decreasing size, ties broken by the first row
/// that belongs to them (rows are in content order, see `order.rs`); empty
/// clusters disappear. This makes ids independent of how k-means happened
/// to order its centroids, and of the order the articles were read in.
pub fn canonical_labels(raw: &[usize]) -> Vec<usize> {
    let max = raw.iter().copied().max().map_or(0, |m| m + 1);
    let mut size = vec![0usize; max];
    let mut first = vec![usize::MAX; max];
    for (i, &c) in raw.iter().enumerate() {
        size[c] += 1;
        first[c] = first[c].min(i);
    }
    let mut order: Vec<usize> = (0..max).filter(|&c| size[c] > 0).collect();
    order.sort_by(|&a, &b| size[b].cmp(&size[a]).then(first[a].cmp(&first[b])));
    let mut map = vec![0usize; max];
    for (new, &old) in order.iter().enumerate() {
        map[old] = new;
    }
    raw.iter().map(|&c| map[c]).collect()
}

/// Per-row cosine silhouette for rows of `x` that are unit length (or zero).
///
/// With unit rows the cosine distance is `d(i, j) = 1 - x_i . x_j`, so the mean
/// distance from `i` to cluster `C` is `1 - x_i . S_C / |C|` where `S_C` is the
/// sum of the rows in `C` (own cluster: `((|C| - 1) - (x_i . S_C - x_i . x_i)) /
/// (|C| - 1)`). That makes the exact silhouette `s = (b - a) / max(a, b)` (a =
/// own-cluster mean, b = nearest other cluster's mean) cost O(n k d) instead of
/// O(n^2 d). Zero rows count as cosine 0 to everything. Rows alone in their
/// cluster get 0 (Rousseeuw's convention, as in scikit-learn); with a single
/// non-empty cluster every row gets 0.
pub fn silhouettes(x: ArrayView2<f64>, labels: &[usize]) -> Vec<f64> {
    let k = labels.iter().copied().max().map_or(0, |m| m + 1);
    let d = x.ncols();
    let mut sums = Array2::<f64>::zeros((k, d));
    let mut counts = vec![0usize; k];
    // Summed in row order so the result never depends on threading.
    for (row, &c) in x.rows().into_iter().zip(labels) {
        let mut s = sums.row_mut(c);
        s += &row;
        counts[c] += 1;
    }
    let non_empty = counts.iter().filter(|&&c| c > 0).count();
    (0..x.nrows())
        .into_par_iter()
        .map(|i| {
            let own = labels[i];
            if non_empty < 2 || counts[own] < 2 {
                return 0.0;
            }
            let xi = x.row(i);
            let self_dot = xi.dot(&xi);
            let mut a = 0.0;
            let mut b = f64::INFINITY;
            for (c, (&count, sum)) in counts.iter().zip(sums.rows()).enumerate() {
                if count == 0 {
                    continue;
                }
                let dot = xi.dot(&sum);
                if c == own {
                    let m = (count - 1) as f64;
                    a = (m - (dot - self_dot)) / m;
                } else {
                    b = b.min(1.0 - dot / count as f64);
                }
            }
            let denom = a.max(b);
            if denom > 0.0 {
                (b - a) / denom
            } else {
                0.0
            }
        })
        .collect()
}

/// Mean of the values, summed in order.
pub fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

/// The final fit is linfa's k-means (the product's clustering engine),
/// started from the centroids of `labels` (the best of the seeded Lloyd
/// restarts, which make the many k-means runs of choosing k fast). From a
/// converged start linfa needs one or two iterations, so this costs little and
/// the labels reported are linfa's. Returns canonical labels.
pub fn refine_with_linfa(
    x: ArrayView2<f64>,
    labels: &[usize],
    seed: u64,
) -> Result<Vec<usize>, String> {
    use linfa::traits::{Fit, Predict};
    use linfa::DatasetBase;
    use linfa_clustering::{KMeans, KMeansInit};
    use rand_xoshiro::rand_core::SeedableRng;
    use rand_xoshiro::Xoshiro256Plus;

    let k = labels.iter().copied().max().map_or(0, |m| m + 1);
    let n = x.nrows();
    if k < 2 || n <= k {
        return Ok(labels.to_vec());
    }
    let (centroids, _) = centroids(x, labels);
    // linfa reads views: no copy of the vectors, which are large on a big corpus.
    let dataset = DatasetBase::from(x);
    let model = KMeans::params_with_rng(k, Xoshiro256Plus::seed_from_u64(seed))
        .n_runs(1)
        .max_n_iterations(300)
        .tolerance(1e-4)
        .init_method(KMeansInit::Precomputed(centroids))
        .fit(&dataset)
        .map_err(|e| format!("linfa k-means failed for k = {k}: {e}"))?;
    let predicted = model.predict(&x);
    Ok(canonical_labels(&predicted.to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_centroid_labels_every_row_from_a_sample() {
        // Three groups on the axes; the sample holds two rows of each.
        let x = ndarray::array![
            [1.0, 0.0, 0.0],
            [0.0, 1.0, 0.0],
            [0.9, 0.1, 0.0],
            [0.0, 0.0, 1.0],
            [0.1, 0.9, 0.0],
            [0.0, 0.1, 0.9],
            [0.8, 0.0, 0.2],
        ];
        let sample = ndarray::array![
            [1.0, 0.0, 0.0],
            [0.9, 0.0, 0.1],
            [0.0, 1.0, 0.0],
            [0.0, 0.9, 0.1],
            [0.0, 0.0, 1.0],
            [0.1, 0.0, 0.9],
        ];
        let labels = nearest_centroid(x.view(), sample.view(), &[2, 2, 0, 0, 1, 1]);
        // Renumbered by size, then first row: the x-axis group (3 rows) is 0.
        assert_eq!(labels, vec![0, 1, 0, 2, 1, 2, 0]);
    }

    #[test]
    fn canonical_labels_orders_by_size_then_first_seen() {
        assert_eq!(
            canonical_labels(&[2, 0, 0, 1, 2, 0]),
            vec![1, 0, 0, 2, 1, 0]
        );
        // Missing raw ids (empty clusters) vanish.
        assert_eq!(canonical_labels(&[5, 5, 3]), vec![0, 0, 1]);
    }

    #[test]
    fn linear_silhouette_matches_quadratic_definition() {
        let x = crate::similarity::cluster::linalg::gaussian(30, 4, 3);
        let mut x = x;
        for mut r in x.rows_mut() {
            let n = r.dot(&r).sqrt();
            r /= n;
        }
        let labels: Vec<usize> = (0..30).map(|i| i % 3).collect();
        let fast = silhouettes(x.view(), &labels);
        for i in 0..30 {
            let mut sum = [0.0; 3];
            let mut cnt = [0usize; 3];
            for j in 0..30 {
                if j != i {
                    sum[labels[j]] += 1.0 - x.row(i).dot(&x.row(j));
                    cnt[labels[j]] += 1;
                }
            }
            let a = sum[labels[i]] / cnt[labels[i]] as f64;
            let b = (0..3)
                .filter(|&c| c != labels[i])
                .map(|c| sum[c] / cnt[c] as f64)
                .fold(f64::INFINITY, f64::min);
            let slow = (b - a) / a.max(b);
            assert!((fast[i] - slow).abs() < 1e-12, "{i}: {} vs {slow}", fast[i]);
        }
    }

    #[test]
    fn linfa_keeps_a_converged_solution_and_repairs_a_wrong_one() {
        // Two tight groups in 2-D.
        let x = ndarray::array![
            [1.0, 0.0],
            [0.9, 0.1],
            [0.95, 0.05],
            [0.0, 1.0],
            [0.1, 0.9],
            [0.05, 0.95]
        ];
        let good = vec![0, 0, 0, 1, 1, 1];
        assert_eq!(refine_with_linfa(x.view(), &good, 7).unwrap(), good);
        // One article put in the wrong cluster: linfa's iterations move it back.
        let off = vec![0, 0, 1, 1, 1, 1];
        assert_eq!(refine_with_linfa(x.view(), &off, 7).unwrap(), good);
    }
}
