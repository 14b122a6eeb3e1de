//! Every pair of named groups, on every measure, when a run has three or
//! more groups: what "does outlet A frame the story as more of a threat
//! than outlet B?" asks, which the comparison of each group with the rest
//! (`differences.rs`) cannot answer.
//!
//! Each pair is one [`differences::difference`] between two single groups,
//! so it is computed exactly as a difference is, from the same bootstrap
//! draws (draw r of the pair = group a's mean in draw r - group b's mean in
//! draw r; no new resampling): the percentile interval, Cohen's d, the
//! two-sided p-value from the normal approximation with the bootstrap
//! standard error, and the count rule [`MIN_EXPECTED_MATCHES`].
//!
//! **Holm family.** The pairs are their own family: Holm's adjustment runs
//! over every pair × measure with a p-value, apart from the comparisons
//! with the rest (which keep theirs). Pairs and comparisons with the rest
//! answer different questions; pooling them would let the number of one
//! change what holds in the other. k groups and m measures give
//! k(k-1)/2 × m pair comparisons.
//!
//! [`MIN_EXPECTED_MATCHES`]: crate::model::findings::MIN_EXPECTED_MATCHES

use crate::model::findings::GroupDifference;
use crate::model::pairs::GroupPair;
use crate::model::GroupStats;
use crate::stats::differences;

/// Every pair of `groups` (a before b in their order, which is name order)
/// on every measure, pair by pair; none with fewer than three groups, where
/// the one pair is already the comparison. The arguments are those of
/// [`differences::between`]; the caller leaves out the "(none)" group.
pub fn every_pair(
    groups: &[GroupStats],
    draws: &[Vec<Vec<f64>>],
    counts: &[Vec<Option<(f64, f64)>>],
    measures: &[String],
    confidence: f64,
) -> Vec<GroupPair> {
    let k = groups.len();
    if k < 3 {
        return Vec::new();
    }
    let mut diffs: Vec<GroupDifference> = Vec::with_capacity(k * (k - 1) / 2 * measures.len());
    for a in 0..k {
        for b in a + 1..k {
            for (m, name) in measures.iter().enumerate() {
                diffs.push(differences::difference(
                    (groups, draws, counts),
                    (m, name.as_str()),
                    &[a],
                    &[b],
                    confidence,
                ));
            }
        }
    }
    differences::holm(&mut diffs);
    diffs.into_iter().map(GroupPair::new).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pairs::family;
    use crate::stats::differences::tests::group;

    fn rows(v: f64, n: usize) -> Vec<Vec<f64>> {
        (0..n)
            .map(|i| vec![v + (i % 3) as f64 * 0.5, (i % 4) as f64])
            .collect()
    }

    fn measures() -> Vec<String> {
        vec!["threat".to_string(), "sentiment".to_string()]
    }

    /// Groups of 20 articles at the given threat levels, sentiment alike.
    fn run(levels: &[(&str, f64)]) -> Vec<GroupPair> {
        let m = measures();
        let (g, d): (Vec<_>, Vec<_>) = levels
            .iter()
            .map(|&(name, v)| group(name, &rows(v, 20), &m))
            .unzip();
        every_pair(&g, &d, &[], &m, 0.95)
    }

    #[test]
    fn a_clear_difference_holds_and_identical_groups_do_not() {
        let p = run(&[("a", 6.0), ("b", 6.0), ("c", 1.0)]);
        // 3 pairs x 2 measures, pair by pair in name order.
        let named: Vec<(&str, &str, &str)> = p
            .iter()
            .map(|x| {
                let d = &x.difference;
                (d.group_a.as_str(), d.group_b.as_str(), d.measure.as_str())
            })
            .collect();
        assert_eq!(
            named,
            [
                ("a", "b", "threat"),
                ("a", "b", "sentiment"),
                ("a", "c", "threat"),
                ("a", "c", "sentiment"),
                ("b", "c", "threat"),
                ("b", "c", "sentiment"),
            ]
        );
        // a and b have the same articles: no difference, nothing holds.
        assert!(p[0].difference.difference.abs() < 1e-12);
        assert!(!p[0].holds && !p[0].difference.is_finding(), "{:?}", p[0]);
        // a against c: 5 per 1,000 words apart with little spread.
        let ac = &p[2];
        assert!((ac.difference.difference - 5.0).abs() < 1e-9, "{ac:?}");
        assert!(ac.holds, "{ac:?}");
        assert!(ac.difference.effect_size.unwrap() > 5.0);
        assert!(ac.difference.ci_low.unwrap() > 4.0 && ac.difference.ci_high.unwrap() < 6.0);
        // Sentiment is alike in every group: no pair holds on it.
        assert!(p
            .iter()
            .filter(|x| x.difference.measure == "sentiment")
            .all(|x| !x.holds));
    }

    #[test]
    fn the_pairs_are_their_own_holm_family_from_the_groups_draws() {
        let m = measures();
        let levels = [("a", 6.0), ("b", 5.0), ("c", 1.0), ("d", 3.0)];
        let (g, d): (Vec<_>, Vec<_>) = levels
            .iter()
            .map(|&(name, v)| group(name, &rows(v, 20), &m))
            .unzip();
        let p = every_pair(&g, &d, &[], &m, 0.95);
        // 4 groups: 6 pairs x 2 measures, all in one family.
        assert_eq!(p.len(), 12);
        assert_eq!(family(&p), 12);
        // Holm over the pairs alone: the smallest p times 12, never below the raw p.
        let smallest = p
            .iter()
            .map(|x| x.difference.p_value.unwrap())
            .fold(f64::INFINITY, f64::min);
        let adjusted = p
            .iter()
            .map(|x| x.difference.p_holm.unwrap())
            .fold(f64::INFINITY, f64::min);
        assert!((adjusted - (12.0 * smallest).min(1.0)).abs() < 1e-15);
        assert!(p
            .iter()
            .all(|x| x.difference.p_holm >= x.difference.p_value));
        // A pair is the difference between its two groups alone, from the same
        // draws: what differences::between gives for those two groups.
        let two = differences::between(&g[1..3], &d[1..3], &[], &m, 0.95);
        let bc = &p[6].difference;
        assert_eq!((bc.group_a.as_str(), bc.group_b.as_str()), ("b", "c"));
        assert_eq!((bc.ci_low, bc.ci_high), (two[0].ci_low, two[0].ci_high));
        assert_eq!(bc.p_value, two[0].p_value);
        assert_eq!(bc.effect_size, two[0].effect_size);
    }

    #[test]
    fn two_groups_give_no_pairs_and_the_count_rule_applies() {
        assert!(run(&[("a", 6.0), ("c", 1.0)]).is_empty());
        assert!(run(&[("a", 6.0)]).is_empty());
        // A clear interval on a handful of matches is no finding, so it does not hold.
        let m = vec!["threat".to_string()];
        let (g, d): (Vec<_>, Vec<_>) = [("a", 0.0), ("b", 1.0), ("c", 1.0)]
            .iter()
            .map(|&(name, v)| group(name, &vec![vec![v]; 30], &m))
            .unzip();
        let few = [
            vec![Some((0.0, 10_000.0))],
            vec![Some((3.0, 10_000.0))],
            vec![Some((3.0, 10_000.0))],
        ];
        let p = every_pair(&g, &d, &few, &m, 0.95);
        assert!(p[0].difference.too_few_matches && !p[0].holds, "{:?}", p[0]);
        assert_eq!(p[0].difference.matches_b, Some(3.0));
    }
}
