//! The first k items of a list in a total order, without sorting the rest.

use std::cmp::Ordering;

/// Keeps the first `k` items of `v` in the order `cmp`, sorted. `cmp` must be
/// a total order (no two items equal), so that selecting the first `k` and
/// sorting only them gives exactly the head of a full sort.
pub fn keep_first<T>(v: &mut Vec<T>, k: usize, cmp: impl Fn(&T, &T) -> Ordering) {
    if k == 0 {
        v.clear();
        return;
    }
    if v.len() > k {
        v.select_nth_unstable_by(k - 1, &cmp);
        v.truncate(k);
    }
    v.sort_by(cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equals_the_head_of_a_full_sort() {
        let v: Vec<u64> = (0..500u64).map(|i| (i * 7919) % 1009).collect();
        for k in [0, 1, 10, 499, 500, 600] {
            let mut sorted = v.clone();
            sorted.sort_by(|a, b| b.cmp(a));
            sorted.truncate(k);
            let mut top = v.clone();
            keep_first(&mut top, k, |a, b| b.cmp(a));
            assert_eq!(top, sorted, "{k}");
        }
    }
}
