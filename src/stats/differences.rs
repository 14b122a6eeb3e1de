//! Differences between groups, with a bootstrap interval of each difference.
//!
//! Two groups: the one pair (first against second, in name order). More
//! than two: each group against all other articles ("the rest"), so that a
//! run with k groups gives k comparisons per measure, not k(k-1)/2 pairs,
//! and each says whether that group stands out from the others.
//!
//! **Bootstrap** (stratified, percentile method): the articles are resampled
//! within each group, as `groups.rs` does for each group's interval; in
//! fact the same draws are used, so the differences cost no new resampling.
//! Draw r of a difference is (mean of group a in its draw r) - (mean of
//! group b in its draw r); the rest's mean in draw r is the mean of every
//! other group's draw r weighted by its number of articles (the mean of the
//! rest's articles resampled within their groups). The groups' generators
//! are seeded independently (by `--seed` and the group's name), so these
//! are independent resamples of each group. The interval runs from the 2.5th
//! to the 97.5th percentile of the differences. A side with fewer than 2
//! articles has no interval.
//!
//! **Counts.** A frame's difference also carries each side's matches, and is
//! not a finding when either side would expect fewer than
//! [`MIN_EXPECTED_MATCHES`] at the pooled rate (matches per word of both sides
//! together): a bootstrap over articles that are nearly all 0 gives intervals
//! too narrow for a handful of matches.

use crate::model::findings::{GroupDifference, MIN_EXPECTED_MATCHES, REST};
use crate::model::GroupStats;
use crate::stats::resample::percentile;

/// Differences of every measure: the pair when there are two groups, each
/// group against the rest when there are more, none with fewer.
/// `draws[g][m]` are group g's bootstrap means of measure m in draw order
/// (empty when the group has fewer than two articles); `counts[g][m]` are
/// group g's (matches, words) of measure m, `None` for sentiment.
pub fn between(
    groups: &[GroupStats],
    draws: &[Vec<Vec<f64>>],
    counts: &[Vec<Option<(f64, f64)>>],
    measures: &[String],
    confidence: f64,
) -> Vec<GroupDifference> {
    let mut out = Vec::new();
    match groups.len() {
        0 | 1 => {}
        2 => {
            for (m, name) in measures.iter().enumerate() {
                out.push(difference(
                    (groups, draws, counts),
                    (m, name.as_str()),
                    &[0],
                    &[1],
                    confidence,
                ));
            }
        }
        k => {
            for g in 0..k {
                let rest: Vec<usize> = (0..k).filter(|&o| o != g).collect();
                for (m, name) in measures.iter().enumerate() {
                    out.push(difference(
                        (groups, draws, counts),
                        (m, name.as_str()),
                        &[g],
                        &rest,
                        confidence,
                    ));
                }
            }
        }
    }
    out
}

/// Article-weighted mean of measure `m` over the groups `side`, and its
/// draws (`None` when a group on the side has no draws).
fn side_mean(
    groups: &[GroupStats],
    draws: &[Vec<Vec<f64>>],
    m: usize,
    side: &[usize],
) -> (usize, f64, Option<Vec<f64>>) {
    let n: usize = side.iter().map(|&g| groups[g].articles).sum();
    let weight = |g: usize| groups[g].articles as f64 / n.max(1) as f64;
    let mean: f64 = side
        .iter()
        .map(|&g| weight(g) * groups[g].stats.get(m).map_or(f64::NAN, |s| s.mean))
        .sum();
    let mut sum: Option<Vec<f64>> = None;
    for &g in side {
        let d = draws
            .get(g)
            .and_then(|d| d.get(m))
            .filter(|d| !d.is_empty());
        let Some(d) = d else {
            return (n, mean, None);
        };
        let acc = sum.get_or_insert_with(|| vec![0.0; d.len()]);
        if acc.len() != d.len() {
            return (n, mean, None);
        }
        for (a, v) in acc.iter_mut().zip(d) {
            *a += weight(g) * v;
        }
    }
    (n, mean, sum)
}

/// (matches, words) of measure `m` summed over the groups `side`; `None`
/// for sentiment.
fn side_count(counts: &[Vec<Option<(f64, f64)>>], m: usize, side: &[usize]) -> Option<(f64, f64)> {
    side.iter().try_fold((0.0, 0.0), |(h, w), &g| {
        let (gh, gw) = counts.get(g)?.get(m).copied().flatten()?;
        Some((h + gh, w + gw))
    })
}

/// Whether either side expects fewer than [`MIN_EXPECTED_MATCHES`] matches
/// at the rate of both sides together.
fn too_few(a: (f64, f64), b: (f64, f64)) -> bool {
    let words = a.1 + b.1;
    if words <= 0.0 {
        return true;
    }
    let rate = (a.0 + b.0) / words;
    rate * a.1.min(b.1) < MIN_EXPECTED_MATCHES
}

type Inputs<'a> = (
    &'a [GroupStats],
    &'a [Vec<Vec<f64>>],
    &'a [Vec<Option<(f64, f64)>>],
);

fn difference(
    (groups, draws, counts): Inputs,
    (m, measure): (usize, &str),
    a: &[usize],
    b: &[usize],
    confidence: f64,
) -> GroupDifference {
    let ca = side_count(counts, m, a);
    let cb = side_count(counts, m, b);
    let (na, mean_a, da) = side_mean(groups, draws, m, a);
    let (nb, mean_b, db) = side_mean(groups, draws, m, b);
    let (ci_low, ci_high) = match (da, db) {
        (Some(da), Some(db)) if !da.is_empty() => {
            let mut d: Vec<f64> = da.iter().zip(&db).map(|(x, y)| x - y).collect();
            d.sort_by(f64::total_cmp);
            let alpha = (1.0 - confidence) / 2.0;
            (
                Some(percentile(&d, alpha)),
                Some(percentile(&d, 1.0 - alpha)),
            )
        }
        _ => (None, None),
    };
    GroupDifference {
        measure: measure.to_string(),
        group_a: groups[a[0]].name.clone(),
        group_b: if b.len() == 1 {
            groups[b[0]].name.clone()
        } else {
            REST.to_string()
        },
        articles_a: na,
        articles_b: nb,
        mean_a,
        mean_b,
        difference: mean_a - mean_b,
        ci_low,
        ci_high,
        matches_a: ca.map(|c| c.0),
        matches_b: cb.map(|c| c.0),
        too_few_matches: matches!((ca, cb), (Some(x), Some(y)) if too_few(x, y)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MeasureSummary;
    use crate::stats::resample::{below, rng};

    /// A group with its means and seeded bootstrap draws (as groups.rs makes them).
    fn group(name: &str, rows: &[Vec<f64>], measures: &[String]) -> (GroupStats, Vec<Vec<f64>>) {
        let n = rows.len();
        let mean = |j: usize| rows.iter().map(|r| r[j]).sum::<f64>() / n as f64;
        let mut draws = vec![Vec::new(); measures.len()];
        if n >= 2 {
            let mut g = rng(42, name);
            for _ in 0..2000 {
                let pick: Vec<usize> = (0..n).map(|_| below(&mut g, n)).collect();
                for (j, d) in draws.iter_mut().enumerate() {
                    d.push(pick.iter().map(|&i| rows[i][j]).sum::<f64>() / n as f64);
                }
            }
        }
        let stats = (0..measures.len())
            .map(|j| MeasureSummary {
                measure: measures[j].clone(),
                mean: mean(j),
                ..Default::default()
            })
            .collect();
        let g = GroupStats {
            name: name.into(),
            articles: n,
            stats,
        };
        (g, draws)
    }

    #[test]
    fn a_clear_difference_is_a_finding_and_noise_is_not() {
        let m = vec!["conflict".to_string(), "threat".to_string()];
        // Conflict: 6 against 1 with little spread; threat: the same spread in both.
        let a: Vec<Vec<f64>> = (0..20)
            .map(|i| vec![6.0 + (i % 3) as f64 * 0.5, (i % 5) as f64])
            .collect();
        let b: Vec<Vec<f64>> = (0..20)
            .map(|i| vec![1.0 + (i % 3) as f64 * 0.5, ((i + 2) % 5) as f64])
            .collect();
        let (ga, da) = group("post", &a, &m);
        let (gb, db) = group("herald", &b, &m);
        let d = between(&[ga, gb], &[da, db], &[], &m, 0.95);
        assert_eq!(d.len(), 2);
        assert_eq!(
            (d[0].group_a.as_str(), d[0].group_b.as_str()),
            ("post", "herald")
        );
        assert!((d[0].difference - 5.0).abs() < 1e-9, "{:?}", d[0]);
        assert!(d[0].is_finding(), "{:?}", d[0]);
        let (lo, hi) = (d[0].ci_low.unwrap(), d[0].ci_high.unwrap());
        assert!(lo < 5.0 && 5.0 < hi && lo > 4.0 && hi < 6.0, "{lo} {hi}");
        assert!(d[1].difference.abs() < 1e-9);
        assert!(!d[1].is_finding(), "{:?}", d[1]);
        // Same seed, same draws.
        let (ga, da) = group("post", &a, &m);
        let (gb, db) = group("herald", &b, &m);
        assert_eq!(d, between(&[ga, gb], &[da, db], &[], &m, 0.95));
    }

    #[test]
    fn a_difference_resting_on_a_handful_of_matches_is_not_a_finding() {
        let m = vec!["reassurance".to_string()];
        // Every article of b has a little, a has none: the interval excludes 0.
        let (ga, da) = group("a", &vec![vec![0.0]; 30], &m);
        let (gb, db) = group("b", &vec![vec![1.0]; 30], &m);
        let groups = [ga, gb];
        let draws = [da, db];
        let sparse = between(&groups, &draws, &[], &m, 0.95);
        assert!(sparse[0].is_finding(), "without counts: {:?}", sparse[0]);
        // 0 and 3 matches over 10,000 words each: 1.5 expected per side.
        let few = [vec![Some((0.0, 10_000.0))], vec![Some((3.0, 10_000.0))]];
        let d = between(&groups, &draws, &few, &m, 0.95);
        assert!(d[0].too_few_matches && !d[0].is_finding(), "{:?}", d[0]);
        assert_eq!((d[0].matches_a, d[0].matches_b), (Some(0.0), Some(3.0)));
        // 0 and 30 matches: 15 expected per side, a finding.
        let many = [vec![Some((0.0, 10_000.0))], vec![Some((30.0, 10_000.0))]];
        let d = between(&groups, &draws, &many, &m, 0.95);
        assert!(!d[0].too_few_matches && d[0].is_finding(), "{:?}", d[0]);
    }

    #[test]
    fn more_groups_compare_each_with_the_rest() {
        let m = vec!["x".to_string()];
        let rows = |v: f64, n: usize| -> Vec<Vec<f64>> {
            (0..n).map(|i| vec![v + (i % 2) as f64]).collect()
        };
        let (g1, d1) = group("a", &rows(10.0, 10), &m);
        let (g2, d2) = group("b", &rows(0.0, 10), &m);
        let (g3, d3) = group("c", &rows(0.0, 30), &m);
        let d = between(&[g1, g2, g3], &[d1, d2, d3], &[], &m, 0.95);
        assert_eq!(d.len(), 3);
        assert!(d.iter().all(|x| x.group_b == REST));
        // a: 10.5 against the rest's 0.5 (40 articles).
        assert_eq!(d[0].articles_b, 40);
        assert!((d[0].mean_b - 0.5).abs() < 1e-9);
        assert!(d[0].is_finding() && d[0].difference > 9.0);
        assert!(d[1].is_finding() && d[1].difference < 0.0);
    }

    #[test]
    fn a_single_article_gives_no_interval() {
        let m = vec!["x".to_string()];
        let (g1, d1) = group("a", &[vec![3.0]], &m);
        let (g2, d2) = group("b", &[vec![1.0], vec![2.0]], &m);
        let d = between(&[g1, g2], &[d1, d2], &[], &m, 0.95);
        assert_eq!(d[0].ci_low, None);
        assert!(!d[0].is_finding());
        assert!((d[0].difference - 1.5).abs() < 1e-9);
        assert!(between(&[], &[], &[], &m, 0.95).is_empty());
    }
}
