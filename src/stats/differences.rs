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
//! **Many comparisons.** Each difference also has a two-sided p-value, from
//! the normal approximation with the bootstrap standard error (the share of
//! draws beyond 0 cannot go below one in the number of resamples, which
//! the correction would multiply into nothing ever holding), and that
//! p-value adjusted by Holm's (1979)
//! step-down method over every difference of the run, so that a reader can
//! tell the findings that survive the number of comparisons made (the
//! pairs of three or more groups, `pairs.rs`, are a family of their own,
//! adjusted apart with the same [`holm`]). Holm
//! controls the family-wise error rate as Bonferroni does and rejects at
//! least as much.
//!
//! **Effect size.** Cohen's d: the difference over the pooled standard
//! deviation of the two sides' articles (a side's variance pools its
//! groups' within-group variances and the spread of their means).
//!
//! **Counts.** A frame's difference also carries each side's matches, and is
//! not a finding when either side would expect fewer than
//! [`MIN_EXPECTED_MATCHES`] at the pooled rate (matches per word of both sides
//! together): a bootstrap over articles that are nearly all 0 gives intervals
//! too narrow for a handful of matches.

use crate::model::findings::{GroupDifference, MIN_EXPECTED_MATCHES, REST};
use crate::model::GroupStats;
use crate::stats::keyness::erfc;
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
    holm(&mut out);
    out
}

/// Fills `p_holm`: Holm's step-down adjustment of every present p-value,
/// over `diffs` as one family (the vs-rest differences, or the pairs).
pub fn holm(diffs: &mut [GroupDifference]) {
    let mut order: Vec<usize> = (0..diffs.len())
        .filter(|&i| diffs[i].p_value.is_some())
        .collect();
    // Ties by position, so the output does not depend on the sort.
    order.sort_by(|&x, &y| {
        diffs[x]
            .p_value
            .unwrap_or(1.0)
            .total_cmp(&diffs[y].p_value.unwrap_or(1.0))
            .then(x.cmp(&y))
    });
    let m = order.len();
    let mut running: f64 = 0.0;
    for (rank, &i) in order.iter().enumerate() {
        let p = diffs[i].p_value.unwrap_or(1.0);
        running = running.max(((m - rank) as f64 * p).min(1.0));
        diffs[i].p_holm = Some(running);
    }
}

/// Two-sided p-value of `difference` against 0, with the standard
/// deviation of its bootstrap `draws` as its standard error; `None` with
/// fewer than two draws, 1 or 0 when the draws do not vary.
fn p_value(difference: f64, draws: &[f64]) -> Option<f64> {
    let r = draws.len();
    if r < 2 {
        return None;
    }
    let mean = draws.iter().sum::<f64>() / r as f64;
    let se = (draws.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / (r - 1) as f64).sqrt();
    if se == 0.0 || !se.is_finite() {
        return Some(if difference == 0.0 { 1.0 } else { 0.0 });
    }
    Some(erfc((difference / se).abs() / std::f64::consts::SQRT_2).min(1.0))
}

/// Sum of squared deviations of the side's articles from `mean`, pooled
/// from its groups' standard deviations and means (`None` if a group of
/// two or more articles has no standard deviation).
fn side_squares(groups: &[GroupStats], m: usize, side: &[usize], mean: f64) -> Option<f64> {
    side.iter().try_fold(0.0, |acc, &g| {
        let n = groups[g].articles as f64;
        let s = groups[g].stats.get(m)?;
        let within = match s.sd {
            Some(sd) => (n - 1.0) * sd * sd,
            None if groups[g].articles <= 1 => 0.0,
            None => return None,
        };
        Some(acc + within + n * (s.mean - mean).powi(2))
    })
}

/// Cohen's d of a difference between the sides `a` and `b`.
fn cohens_d(
    groups: &[GroupStats],
    m: usize,
    a: (&[usize], usize, f64),
    b: (&[usize], usize, f64),
) -> Option<f64> {
    let ss = side_squares(groups, m, a.0, a.2)? + side_squares(groups, m, b.0, b.2)?;
    let df = (a.1 + b.1).checked_sub(2).filter(|&d| d > 0)? as f64;
    let sd = (ss / df).sqrt();
    (sd > 0.0 && sd.is_finite()).then(|| (a.2 - b.2) / sd)
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

/// What a difference is computed from: the groups, their draws
/// (`draws[g][m]`) and their (matches, words) counts (`counts[g][m]`).
pub type Inputs<'a> = (
    &'a [GroupStats],
    &'a [Vec<Vec<f64>>],
    &'a [Vec<Option<(f64, f64)>>],
);

/// The difference of measure `m` between the side `a` and the side `b`
/// (each a list of group indices; a side of several groups is named "the
/// rest"), with its interval, count rule, Cohen's d and p-value; `p_holm`
/// is left for [`holm`] over the caller's family.
pub fn difference(
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
    let (ci_low, ci_high, p) = match (da, db) {
        (Some(da), Some(db)) if !da.is_empty() => {
            let mut d: Vec<f64> = da.iter().zip(&db).map(|(x, y)| x - y).collect();
            d.sort_by(f64::total_cmp);
            let alpha = (1.0 - confidence) / 2.0;
            (
                Some(percentile(&d, alpha)),
                Some(percentile(&d, 1.0 - alpha)),
                p_value(mean_a - mean_b, &d),
            )
        }
        _ => (None, None, None),
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
        effect_size: cohens_d(groups, m, (a, na, mean_a), (b, nb, mean_b)),
        p_value: p,
        p_holm: None,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::MeasureSummary;
    use crate::stats::resample::{below, rng};

    /// A group with its means and seeded bootstrap draws (as groups.rs
    /// makes them); `pairs.rs` tests build their groups with it too.
    pub(crate) fn group(
        name: &str,
        rows: &[Vec<f64>],
        measures: &[String],
    ) -> (GroupStats, Vec<Vec<f64>>) {
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
                sd: (n >= 2).then(|| {
                    let ss: f64 = rows.iter().map(|r| (r[j] - mean(j)).powi(2)).sum();
                    (ss / (n - 1) as f64).sqrt()
                }),
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
    fn holm_multiplies_the_ith_smallest_p_by_the_comparisons_left_and_never_decreases() {
        let d = |p: Option<f64>| GroupDifference {
            p_value: p,
            ..Default::default()
        };
        let mut v = vec![d(Some(0.01)), d(Some(0.04)), d(Some(0.03)), d(None)];
        holm(&mut v);
        let got: Vec<Option<f64>> = v.iter().map(|x| x.p_holm).collect();
        let want = [Some(0.03), Some(0.06), Some(0.06), None];
        for (g, w) in got.iter().zip(want) {
            assert_eq!(g.is_some(), w.is_some());
            assert!(
                (g.unwrap_or(0.0) - w.unwrap_or(0.0)).abs() < 1e-12,
                "{got:?}"
            );
        }
        let mut one = vec![d(Some(0.7)), d(Some(0.6))];
        holm(&mut one);
        assert_eq!((one[0].p_holm, one[1].p_holm), (Some(1.0), Some(1.0)));
    }

    #[test]
    fn the_p_value_is_the_normal_tail_of_the_difference_over_its_bootstrap_error() {
        // Draws with standard deviation 1: a difference of 1.96 has p 0.05.
        let draws: Vec<f64> = (0..1000)
            .map(|i| if i % 2 == 0 { -1.0 } else { 1.0 })
            .collect();
        let sd = (1000.0f64 / 999.0).sqrt();
        let p = p_value(1.96 * sd, &draws).unwrap();
        assert!((p - 0.05).abs() < 1e-3, "{p}");
        assert!(
            p_value(10.0 * sd, &draws).unwrap() < 1e-20,
            "never floored by the resamples"
        );
        assert_eq!(p_value(0.0, &draws), Some(1.0));
        assert_eq!(p_value(1.0, &[0.5]), None);
        assert_eq!(p_value(1.0, &[1.0, 1.0]), Some(0.0));
    }

    #[test]
    fn cohens_d_pools_the_articles_of_each_side() {
        let m = vec!["x".to_string()];
        let rows = |v: &[f64]| v.iter().map(|&x| vec![x]).collect::<Vec<_>>();
        let (g1, d1) = group("a", &rows(&[1.0, 2.0, 3.0]), &m);
        let (g2, d2) = group("b", &rows(&[3.0, 4.0, 5.0]), &m);
        let (g3, d3) = group("c", &rows(&[5.0, 6.0, 7.0]), &m);
        let pair = between(
            &[g1.clone(), g2.clone()],
            &[d1.clone(), d2.clone()],
            &[],
            &m,
            0.95,
        );
        assert!(
            (pair[0].effect_size.unwrap() + 2.0).abs() < 1e-9,
            "{:?}",
            pair[0]
        );
        // a against the rest (3..7): rest mean 5, squares 10, a's 2, 7 df.
        let d = between(&[g1, g2, g3], &[d1, d2, d3], &[], &m, 0.95);
        let want = -3.0 / (12.0f64 / 7.0).sqrt();
        assert!(
            (d[0].effect_size.unwrap() - want).abs() < 1e-9,
            "{:?}",
            d[0]
        );
        assert!(d
            .iter()
            .all(|x| x.p_holm.is_some() && x.p_value <= x.p_holm));
        // No spread at all: no effect size.
        let (f1, e1) = group("f", &rows(&[2.0, 2.0]), &m);
        let (f2, e2) = group("g", &rows(&[3.0, 3.0]), &m);
        assert_eq!(
            between(&[f1, f2], &[e1, e2], &[], &m, 0.95)[0].effect_size,
            None
        );
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
