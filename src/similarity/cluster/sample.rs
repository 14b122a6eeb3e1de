//! Seeded samples of articles, for the steps whose cost must stop growing
//! with the corpus (the SVD fit, choosing k).

/// `m` distinct row indices out of `n`, in increasing order, drawn with a
/// seeded partial Fisher-Yates shuffle.
pub fn sample_rows(n: usize, m: usize, seed: u64) -> Vec<usize> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_distinct_sorted_and_repeatable() {
        let s = sample_rows(1000, 100, 7);
        assert_eq!(s.len(), 100);
        assert!(s.windows(2).all(|w| w[0] < w[1]));
        assert!(s.iter().all(|&i| i < 1000));
        assert_eq!(s, sample_rows(1000, 100, 7));
        assert_ne!(s, sample_rows(1000, 100, 8));
        assert_eq!(sample_rows(5, 9, 1), vec![0, 1, 2, 3, 4]);
    }
}
