//! Dense k-means (Lloyd's algorithm with k-means++ seeding) written for speed:
//! rows are assigned in parallel with one dot product per centroid
//! (`|x - c|^2 = |x|^2 + |c|^2 - 2 x.c`), centroids are summed per fixed block
//! of rows and the blocks added in order, so the result is bit-for-bit the same
//! whatever the thread count. It replaced linfa's k-means for the many runs
//! of choosing k, where linfa's per-pair distance calls dominated frame's run
//! time (docs/performance.md).
//!
//! Stopping rule as in scikit-learn: at most `MAX_ITER` iterations, or when
//! the summed squared movement of the centroids falls to `TOL` times the mean
//! per-feature variance of the data, or when no row changes cluster.

use ndarray::ArrayView2;
use rand_xoshiro::rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256Plus;
use rayon::prelude::*;

/// Most Lloyd iterations per run (scikit-learn uses 300; runs here converge
/// in well under 100 on TF-IDF/LSA vectors).
const MAX_ITER: usize = 300;
/// Relative tolerance on centroid movement (scikit-learn's default).
const TOL: f64 = 1e-4;
/// Rows per parallel block; fixed so sums never depend on the thread count.
const BLOCK: usize = 512;

/// Row-major dense data: `n` rows of `d` values.
pub struct Data<'a> {
    /// The values, row after row.
    pub x: &'a [f64],
    /// Number of rows.
    pub n: usize,
    /// Values per row.
    pub d: usize,
}

impl Data<'_> {
    fn row(&self, i: usize) -> &[f64] {
        &self.x[i * self.d..(i + 1) * self.d]
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    // Four accumulators let the compiler vectorise; fixed order, so repeatable.
    let mut acc = [0.0f64; 4];
    let chunks = a.len() / 4 * 4;
    for (ca, cb) in a[..chunks].chunks_exact(4).zip(b[..chunks].chunks_exact(4)) {
        for t in 0..4 {
            acc[t] += ca[t] * cb[t];
        }
    }
    let mut s = (acc[0] + acc[1]) + (acc[2] + acc[3]);
    for (x, y) in a[chunks..].iter().zip(&b[chunks..]) {
        s += x * y;
    }
    s
}

fn sq_dist(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum()
}

fn uniform(rng: &mut Xoshiro256Plus) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// k-means++ seeding (Arthur & Vassilvitskii 2007): each new centre is a row
/// drawn with probability proportional to its squared distance to the
/// nearest centre chosen so far.
fn plus_plus(data: &Data, k: usize, rng: &mut Xoshiro256Plus) -> Vec<f64> {
    let (n, d) = (data.n, data.d);
    let mut centres = Vec::with_capacity(k * d);
    let first = (rng.next_u64() % n as u64) as usize;
    centres.extend_from_slice(data.row(first));
    let mut best: Vec<f64> = (0..n)
        .into_par_iter()
        .map(|i| sq_dist(data.row(i), data.row(first)))
        .collect();
    for _ in 1..k {
        let total: f64 = best.iter().sum();
        let pick = if total > 0.0 {
            let target = uniform(rng) * total;
            let mut acc = 0.0;
            let mut pick = n - 1;
            for (i, &b) in best.iter().enumerate() {
                acc += b;
                if acc > target {
                    pick = i;
                    break;
                }
            }
            pick
        } else {
            (rng.next_u64() % n as u64) as usize
        };
        let c = data.row(pick).to_vec();
        best.par_iter_mut().enumerate().for_each(|(i, b)| {
            let dd = sq_dist(data.row(i), &c);
            if dd < *b {
                *b = dd;
            }
        });
        centres.extend_from_slice(&c);
    }
    centres
}

/// Assigns every row to its nearest centre (first on ties) and records the
/// squared distance; returns how many rows changed cluster. The dot products
/// of a block of rows with all centres are one matrix product (matrixmultiply
/// picks AVX2/FMA kernels at run time), much faster than row-by-row dot
/// products; it does not depend on the thread count.
fn assign(
    data: &Data,
    centres: &[f64],
    k: usize,
    row_norms: &[f64],
    labels: &mut [usize],
    dists: &mut [f64],
) -> usize {
    let d = data.d;
    let c = ArrayView2::from_shape((k, d), centres).expect("k x d centres");
    let c_norms: Vec<f64> = centres.chunks_exact(d).map(|c| dot(c, c)).collect();
    labels
        .par_chunks_mut(BLOCK)
        .zip(dists.par_chunks_mut(BLOCK))
        .enumerate()
        .map(|(b, (ls, ds))| {
            let r0 = b * BLOCK;
            let xb = ArrayView2::from_shape((ls.len(), d), &data.x[r0 * d..(r0 + ls.len()) * d])
                .expect("block of rows");
            let g = xb.dot(&c.t());
            let mut changed = 0;
            for (o, (l, dist)) in ls.iter_mut().zip(ds.iter_mut()).enumerate() {
                let (mut bj, mut bv) = (0, f64::INFINITY);
                for (j, &gj) in g.row(o).iter().enumerate() {
                    let v = c_norms[j] - 2.0 * gj;
                    if v < bv {
                        bv = v;
                        bj = j;
                    }
                }
                *dist = (row_norms[r0 + o] + bv).max(0.0);
                if *l != bj {
                    changed += 1;
                    *l = bj;
                }
            }
            changed
        })
        .sum()
}

/// One k-means fit: labels and inertia (sum of squared distances).
fn fit_once(data: &Data, k: usize, rng: &mut Xoshiro256Plus, tol: f64) -> (Vec<usize>, f64) {
    let (n, d) = (data.n, data.d);
    let mut centres = plus_plus(data, k, rng);
    let row_norms: Vec<f64> = (0..n).map(|i| dot(data.row(i), data.row(i))).collect();
    let mut labels = vec![usize::MAX; n];
    let mut dists = vec![0.0f64; n];
    for _iter in 0..MAX_ITER {
        let changed = assign(data, &centres, k, &row_norms, &mut labels, &mut dists);
        if changed == 0 {
            break;
        }
        // New centroids: per-block sums, added in block order.
        let partial: Vec<(Vec<f64>, Vec<usize>)> = labels
            .par_chunks(BLOCK)
            .enumerate()
            .map(|(b, ls)| {
                let mut s = vec![0.0; k * d];
                let mut c = vec![0usize; k];
                for (o, &l) in ls.iter().enumerate() {
                    let xi = data.row(b * BLOCK + o);
                    for (acc, &v) in s[l * d..(l + 1) * d].iter_mut().zip(xi) {
                        *acc += v;
                    }
                    c[l] += 1;
                }
                (s, c)
            })
            .collect();
        let mut sums = vec![0.0; k * d];
        let mut counts = vec![0usize; k];
        for (s, c) in &partial {
            for (a, b) in sums.iter_mut().zip(s) {
                *a += b;
            }
            for (a, b) in counts.iter_mut().zip(c) {
                *a += b;
            }
        }
        let mut shift = 0.0;
        for j in 0..k {
            let new: Vec<f64> = if counts[j] > 0 {
                sums[j * d..(j + 1) * d]
                    .iter()
                    .map(|v| v / counts[j] as f64)
                    .collect()
            } else {
                // Empty cluster: restart it at the row farthest from its centre
                // (first on ties), as scikit-learn does.
                let far = dists
                    .iter()
                    .enumerate()
                    .fold(
                        (0, -1.0),
                        |(bi, bv), (i, &v)| if v > bv { (i, v) } else { (bi, bv) },
                    )
                    .0;
                dists[far] = 0.0;
                data.row(far).to_vec()
            };
            shift += sq_dist(&centres[j * d..(j + 1) * d], &new);
            centres[j * d..(j + 1) * d].copy_from_slice(&new);
        }
        if shift <= tol {
            // Final assignment against the moved centroids.
            assign(data, &centres, k, &row_norms, &mut labels, &mut dists);
            break;
        }
    }
    let inertia = dists.iter().sum();
    (labels, inertia)
}

/// `n_runs` seeded k-means fits from k-means++ starts; returns the labels of
/// the run with the lowest inertia (the first on ties). Needs `1 <= k <= n`.
pub fn kmeans(data: &Data, k: usize, n_runs: usize, seed: u64) -> Vec<usize> {
    let (n, d) = (data.n, data.d);
    // scikit-learn's tolerance: TOL times the mean per-feature variance.
    let mut var_sum = 0.0;
    for j in 0..d {
        let mean = (0..n).map(|i| data.x[i * d + j]).sum::<f64>() / n as f64;
        var_sum += (0..n)
            .map(|i| (data.x[i * d + j] - mean).powi(2))
            .sum::<f64>()
            / n as f64;
    }
    let tol = TOL * var_sum / d.max(1) as f64;
    let mut rng = Xoshiro256Plus::seed_from_u64(seed);
    let mut best: Option<(Vec<usize>, f64)> = None;
    for _ in 0..n_runs.max(1) {
        let (labels, inertia) = fit_once(data, k, &mut rng, tol);
        if best.as_ref().is_none_or(|(_, b)| inertia < *b) {
            best = Some((labels, inertia));
        }
    }
    best.map(|(l, _)| l).unwrap_or_else(|| vec![0; n])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separates_obvious_groups_and_is_repeatable() {
        // Three tight groups on the axes of 3-D space.
        let mut x = Vec::new();
        for i in 0..30 {
            let mut r = [0.0; 3];
            r[i % 3] = 1.0;
            r[(i + 1) % 3] = 0.01 * (i / 3) as f64;
            x.extend_from_slice(&r);
        }
        let data = Data { x: &x, n: 30, d: 3 };
        let a = kmeans(&data, 3, 5, 7);
        for i in 0..30 {
            assert_eq!(a[i], a[i % 3], "row {i}");
        }
        assert_ne!(a[0], a[1]);
        assert_ne!(a[1], a[2]);
        assert_eq!(a, kmeans(&data, 3, 5, 7));
    }

    #[test]
    fn k_equal_to_n_gives_every_row_its_own_cluster() {
        let x = [1.0, 0.0, 0.0, 1.0, 0.7, 0.7];
        let data = Data { x: &x, n: 3, d: 2 };
        let mut l = kmeans(&data, 3, 3, 1);
        l.sort();
        assert_eq!(l, vec![0, 1, 2]);
    }
}
