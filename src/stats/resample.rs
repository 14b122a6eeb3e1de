//! Seeded resampling, once for every statistic: generators seeded from
//! `--seed` and a name, an unbiased bounded draw, a shuffle, and
//! percentiles (sorted, or selected in linear time); the order articles
//! are drawn in ([`content_order`]) and an article's salt ([`content_salt`]).

use rand_xoshiro::rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// FNV-1a 64-bit hash: a stable (platform- and version-independent) salt.
fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A generator seeded by `seed` and a salt string (e.g. an article id).
pub fn rng(seed: u64, salt: &str) -> Xoshiro256PlusPlus {
    // seed_from_u64 runs SplitMix64 over the value, so xor-mixing is enough.
    Xoshiro256PlusPlus::seed_from_u64(seed ^ fnv1a(salt))
}

/// A uniform integer in `0..n` (n > 0), without modulo bias (Lemire's method
/// with rejection), identical on every platform.
///
/// The rejection threshold `2^64 mod n` is below `n`, so a draw whose low
/// half is at least `n` is accepted without computing it: the 64-bit
/// division is only paid in the rare case (probability n / 2^64) that the
/// low half falls below `n`. Always inlined, with the rare case inline too,
/// so that a generator held in a local stays in registers in the
/// bootstrap's loop.
#[inline(always)]
pub fn below(rng: &mut impl RngCore, n: usize) -> usize {
    debug_assert!(n > 0);
    let n = n as u64;
    let mut m = (rng.next_u64() as u128) * (n as u128);
    if (m as u64) < n {
        let threshold = n.wrapping_neg() % n;
        while (m as u64) < threshold {
            m = (rng.next_u64() as u128) * (n as u128);
        }
    }
    (m >> 64) as usize
}

/// The order in which a bootstrap that draws articles holds them: sorted by
/// `keys` (the SHA-256 of each article's text), then,
/// for articles with the same key, by `tie` (their values). A draw picks
/// rows by position, so rows kept in corpus order (file names, ids) made
/// the intervals change when files were renamed; in this order the same
/// texts give the same draws wherever they sit. Two rows equal under both
/// hold the same values, so which comes first changes nothing.
pub fn content_order<T>(
    keys: &[&str],
    rows: &[T],
    tie: impl Fn(&T, &T) -> std::cmp::Ordering,
) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(keys[b]).then_with(|| tie(&rows[a], &rows[b])));
    order
}

/// Compares two rows of values in `f64::total_cmp`'s order, value by value
/// (the `tie` of [`content_order`] for rows of numbers).
pub fn cmp_values(a: &[f64], b: &[f64]) -> std::cmp::Ordering {
    a.iter()
        .zip(b)
        .map(|(x, y)| x.total_cmp(y))
        .find(|o| o.is_ne())
        .unwrap_or_else(|| a.len().cmp(&b.len()))
}

/// What an article's own generator is salted with: the SHA-256 of its text,
/// so that renaming its file (which changes its id) leaves its draws as they
/// were; the id only for an article without one (a hand-built test article).
pub fn content_salt(art: &crate::model::ArticleResult) -> &str {
    if art.sha256.is_empty() {
        &art.id
    } else {
        &art.sha256
    }
}

/// Shuffles in place (Fisher-Yates).
pub fn shuffle<T>(rng: &mut impl RngCore, v: &mut [T]) {
    for i in (1..v.len()).rev() {
        let j = below(rng, i + 1);
        v.swap(i, j);
    }
}

/// Percentile of sorted values, interpolated linearly at rank q·(len - 1)
/// (numpy's default, R's type 7).
pub fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let r = q.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let (lo, hi) = (r.floor() as usize, r.ceil() as usize);
    sorted[lo] + (sorted[hi] - sorted[lo]) * (r - lo as f64)
}

/// [`percentile`] without sorting: selects the two order statistics around
/// rank q·(len - 1) in linear time, on integer keys of the total order (`v` is left as it is).
pub fn select_percentile(v: &mut [f64], q: f64) -> f64 {
    let mut keys: Vec<i64> = v.iter().map(|&x| total_key(x)).collect();
    select_key_percentile(&mut keys, q)
}

/// `(select_percentile(v, lo), select_percentile(v, hi))` for `lo <= hi`,
/// on integer keys in f64's total order (the same order, compared faster).
pub fn percentile_pair(v: &mut [f64], lo: f64, hi: f64) -> (f64, f64) {
    let mut keys: Vec<i64> = v.iter().map(|&x| total_key(x)).collect();
    let a = select_key_percentile(&mut keys, lo);
    let b = select_key_percentile(&mut keys, hi);
    (a, b)
}

/// The integer whose order is `f64::total_cmp`'s order.
#[inline]
fn total_key(x: f64) -> i64 {
    let b = x.to_bits() as i64;
    b ^ (((b >> 63) as u64) >> 1) as i64
}

/// Inverse of [`total_key`].
#[inline]
fn from_total_key(k: i64) -> f64 {
    f64::from_bits((k ^ (((k >> 63) as u64) >> 1) as i64) as u64)
}

/// [`select_percentile`] on total-order keys.
fn select_key_percentile(v: &mut [i64], q: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    let r = q.clamp(0.0, 1.0) * (v.len() - 1) as f64;
    let (lo, hi) = (r.floor() as usize, r.ceil() as usize);
    // The neighbour of the selected statistic is the extreme of the smaller
    // side of the partition: select the upper one of the pair in the lower
    // half (a 2.5% point then scans 25 values of 1,000, not 975).
    let (k_lo, k_hi) = if hi == lo {
        let k = *v.select_nth_unstable(lo).1;
        (k, k)
    } else if hi <= v.len() / 2 {
        let (left, &mut k_hi, _) = v.select_nth_unstable(hi);
        (left.iter().copied().max().unwrap_or(k_hi), k_hi)
    } else {
        let (_, &mut k_lo, right) = v.select_nth_unstable(lo);
        (k_lo, right.iter().copied().min().unwrap_or(k_lo))
    };
    let (x_lo, x_hi) = (from_total_key(k_lo), from_total_key(k_hi));
    x_lo + (x_hi - x_lo) * (r - lo as f64)
}

/// A test string of `count` pieces drawn from `pieces` (for randomised
/// equivalence tests of text code).
#[cfg(test)]
pub(crate) fn pieces_text(rng: &mut impl RngCore, pieces: &[&str], count: usize) -> String {
    (0..count)
        .map(|_| pieces[below(rng, pieces.len())])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn below_is_in_range_and_roughly_uniform() {
        let mut r = rng(7, "x");
        let mut counts = [0usize; 5];
        for _ in 0..50_000 {
            counts[below(&mut r, 5)] += 1;
        }
        for c in counts {
            assert!((9_000..11_000).contains(&c), "{counts:?}");
        }
    }

    #[test]
    fn shuffle_is_a_seeded_permutation() {
        let mut a: Vec<usize> = (0..20).collect();
        let mut b = a.clone();
        shuffle(&mut rng(1, "s"), &mut a);
        shuffle(&mut rng(1, "s"), &mut b);
        assert_eq!(a, b);
        let mut c: Vec<usize> = (0..20).collect();
        shuffle(&mut rng(2, "s"), &mut c);
        assert_ne!(a, c);
        a.sort();
        assert_eq!(a, (0..20).collect::<Vec<_>>());
    }

    #[test]
    fn percentiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&v, 0.0), 1.0);
        assert_eq!(percentile(&v, 0.5), 3.0);
        assert_eq!(percentile(&v, 1.0), 5.0);
        assert!((percentile(&v, 0.025) - 1.1).abs() < 1e-12);
        assert!((percentile(&v, 0.975) - 4.9).abs() < 1e-12);
    }

    #[test]
    fn selection_equals_sorting() {
        let mut r = rng(3, "p");
        for len in [1usize, 2, 3, 40, 1000] {
            let v: Vec<f64> = (0..len).map(|_| below(&mut r, 50) as f64 / 7.0).collect();
            let mut sorted = v.clone();
            sorted.sort_by(f64::total_cmp);
            for q in [0.0, 0.025, 0.5, 0.975, 1.0] {
                let mut w = v.clone();
                assert_eq!(
                    select_percentile(&mut w, q),
                    percentile(&sorted, q),
                    "{len} {q}"
                );
            }
        }
    }

    #[test]
    fn near_end_order_statistics_equal_sorting() {
        let mut r = rng(5, "n");
        for len in [1usize, 2, 3, 26, 27, 64, 65, 130, 1000, 2001] {
            // Few distinct values, so ties are common.
            let v: Vec<f64> = (0..len)
                .map(|_| (below(&mut r, 40) as f64 - 20.0) / 3.0)
                .collect();
            let mut sorted = v.clone();
            sorted.sort_by(f64::total_cmp);
            for (lo, hi) in [
                (0.025, 0.975),
                (0.0, 1.0),
                (0.01, 0.99),
                (0.3, 0.7),
                (0.5, 0.5),
            ] {
                let got = percentile_pair(&mut v.clone(), lo, hi);
                let want = (percentile(&sorted, lo), percentile(&sorted, hi));
                assert_eq!(got.0.to_bits(), want.0.to_bits(), "{len} {lo}");
                assert_eq!(got.1.to_bits(), want.1.to_bits(), "{len} {hi}");
            }
        }
    }

    #[test]
    fn integer_keys_select_as_total_order() {
        let mut r = rng(4, "k");
        for len in [1usize, 2, 3, 41, 1000] {
            let v: Vec<f64> = (0..len)
                .map(|i| match i % 7 {
                    0 => -0.0,
                    1 => 0.0,
                    2 => -(below(&mut r, 50) as f64) / 3.0,
                    3 => f64::INFINITY,
                    _ => below(&mut r, 50) as f64 / 7.0,
                })
                .collect();
            let mut sorted = v.clone();
            sorted.sort_by(f64::total_cmp);
            let (lo, hi) = percentile_pair(&mut v.clone(), 0.025, 0.975);
            let want = (percentile(&sorted, 0.025), percentile(&sorted, 0.975));
            assert_eq!(lo.to_bits(), want.0.to_bits(), "{len}");
            assert!(hi.to_bits() == want.1.to_bits() || (hi.is_nan() && want.1.is_nan()));
        }
        for x in [-1.5, -0.0, 0.0, 2.0, f64::MAX, f64::NEG_INFINITY] {
            assert_eq!(from_total_key(total_key(x)).to_bits(), x.to_bits());
        }
    }
}
