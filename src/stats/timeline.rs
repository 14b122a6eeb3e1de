//! The frame timeline: each frame's share and mean score per period (week,
//! month or year), each group's own line, and the periods one group wrote
//! most of.
//!
//! A frame's share in a period is its hits over all frame hits of the
//! period's articles (pooled, so long articles weigh more); its mean is the
//! plain mean of the articles' scores per 1,000 words, as in the group table.
//! A pooled line mixes sources: when the mix of groups changes from one
//! period to the next, the line can move although no group's framing did.
//! The group lines and the dominated periods let a reader see that.

use crate::model::dates::{parse_date, Period};
use crate::model::{ArticleResult, DominatedPeriod, GroupLine, PeriodPoint, Timeline};
use std::collections::BTreeMap;

/// Most periods a timeline fills in (empty periods included) before it lists only periods with articles.
pub const MAX_PERIODS: i64 = 600;

/// Articles a period needs before its group mix is judged.
const MIX_MIN_ARTICLES: usize = 3;

/// Share of a period's articles from one group at which the period counts
/// as that group's: four in five, so that a period of 125 articles of
/// which 124 come from one outlet is named, as one of 125 of 125 is.
const DOMINANT_SHARE: f64 = 0.8;

/// Frame shares per period; `None` when no article has a readable date.
/// `groups[i]` is article i's group in the comparison (None: no group, or
/// grouping by date); the group lines and dominated periods need two groups.
pub fn timeline(
    articles: &[ArticleResult],
    frames: &[String],
    period: Period,
    groups: &[Option<&str>],
) -> Option<Timeline> {
    let mut undated = 0;
    let mut unreadable = Vec::new();
    let mut by_key: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        let Some(d) = a.date.as_deref().filter(|d| !d.trim().is_empty()) else {
            // A date given but unreadable is named, so that it can be corrected.
            if a.unread_date.is_some() {
                unreadable.push(a.id.clone());
            } else {
                undated += 1;
            }
            continue;
        };
        match parse_date(d).and_then(|d| period.key(d)) {
            Some(k) => by_key.entry(k).or_default().push(i),
            None => unreadable.push(a.id.clone()),
        }
    }
    let (&first, _) = by_key.iter().next()?;
    let (&last, _) = by_key.iter().next_back()?;
    let keys: Vec<i64> = if last - first < MAX_PERIODS {
        (first..=last).collect()
    } else {
        by_key.keys().copied().collect()
    };
    let scores = Scores::of(articles, frames);
    let points = keys
        .iter()
        .map(|&k| {
            let members = by_key.get(&k).map(Vec::as_slice).unwrap_or(&[]);
            let hits: Vec<f64> = (0..scores.nf)
                .map(|j| members.iter().map(|&i| scores.hits(i, j)).sum())
                .collect();
            let total: f64 = hits.iter().sum();
            PeriodPoint {
                period: period.label(k),
                articles: members.len(),
                shares: hits
                    .iter()
                    .map(|h| (total > 0.0).then(|| h / total))
                    .collect(),
                mean_per_1k: scores.means(members),
            }
        })
        .collect();
    let named = named_groups(groups);
    Some(Timeline {
        period: period.name().into(),
        frames: frames.to_vec(),
        points,
        undated,
        unreadable_dates: unreadable,
        dominated_periods: dominated_periods(groups, &named, &by_key, period),
        groups: group_lines(groups, &named, &by_key, &keys, &scores),
    })
}

/// Each article's hits and per-1,000 score of every frame, looked up once
/// (not once per frame by name for every period).
struct Scores {
    nf: usize,
    hits: Vec<f64>,
    per_1k: Vec<f64>,
}

impl Scores {
    fn of(articles: &[ArticleResult], frames: &[String]) -> Scores {
        let nf = frames.len();
        // A missing frame is -0.0, which leaves any sum unchanged exactly as
        // skipping it does (an empty f64 sum is -0.0).
        let mut hits = vec![-0.0; articles.len() * nf];
        let mut per_1k = vec![-0.0; articles.len() * nf];
        for (i, a) in articles.iter().enumerate() {
            for (j, f) in frames.iter().enumerate() {
                if let Some(s) = a.frames.iter().find(|s| &s.frame == f) {
                    hits[i * nf + j] = if s.hits.is_finite() { s.hits } else { 0.0 };
                    per_1k[i * nf + j] = if s.per_1k.is_finite() { s.per_1k } else { 0.0 };
                }
            }
        }
        Scores { nf, hits, per_1k }
    }

    fn hits(&self, i: usize, j: usize) -> f64 {
        self.hits[i * self.nf + j]
    }

    /// Mean per-1,000 score of each frame over `members`; `None` without members.
    fn means(&self, members: &[usize]) -> Vec<Option<f64>> {
        (0..self.nf)
            .map(|j| {
                (!members.is_empty()).then(|| {
                    members
                        .iter()
                        .map(|&i| self.per_1k[i * self.nf + j])
                        .sum::<f64>()
                        / members.len() as f64
                })
            })
            .collect()
    }
}

/// Articles per named group (dated or not), in name order; empty with
/// fewer than two groups, where there is no mix to speak of.
fn named_groups<'g>(groups: &[Option<&'g str>]) -> BTreeMap<&'g str, usize> {
    let mut n: BTreeMap<&str, usize> = BTreeMap::new();
    for g in groups.iter().flatten() {
        *n.entry(g).or_default() += 1;
    }
    if n.len() < 2 {
        n.clear();
    }
    n
}

/// Periods (with at least [`MIX_MIN_ARTICLES`] articles) of which one group
/// wrote at least [`DOMINANT_SHARE`], when that group wrote under half of
/// all articles: there a line's jump may be a change of source, not of
/// framing.
fn dominated_periods(
    groups: &[Option<&str>],
    named: &BTreeMap<&str, usize>,
    by_key: &BTreeMap<i64, Vec<usize>>,
    period: Period,
) -> Vec<DominatedPeriod> {
    if named.is_empty() {
        return Vec::new();
    }
    let total = groups.len();
    by_key
        .iter()
        .filter(|(_, m)| m.len() >= MIX_MIN_ARTICLES)
        .filter_map(|(&k, m)| {
            let mut in_period: BTreeMap<&str, usize> = BTreeMap::new();
            for g in m.iter().filter_map(|&i| groups[i]) {
                *in_period.entry(g).or_default() += 1;
            }
            // The largest group; of equal ones the first by name.
            let (g, n) = in_period
                .iter()
                .fold(None, |best: Option<(&str, usize)>, (&g, &n)| match best {
                    Some((_, b)) if b >= n => best,
                    _ => Some((g, n)),
                })?;
            (n as f64 >= DOMINANT_SHARE * m.len() as f64 && named[g] * 2 < total).then(|| {
                DominatedPeriod {
                    period: period.label(k),
                    group: g.to_string(),
                    group_articles: n,
                    articles: m.len(),
                }
            })
        })
        .collect()
}

/// Each named group's articles and mean scores in every period of `keys`.
fn group_lines(
    groups: &[Option<&str>],
    named: &BTreeMap<&str, usize>,
    by_key: &BTreeMap<i64, Vec<usize>>,
    keys: &[i64],
    scores: &Scores,
) -> Vec<GroupLine> {
    named
        .keys()
        .map(|&g| {
            let members: Vec<Vec<usize>> = keys
                .iter()
                .map(|k| {
                    by_key.get(k).map_or_else(Vec::new, |m| {
                        m.iter()
                            .copied()
                            .filter(|&i| groups[i] == Some(g))
                            .collect()
                    })
                })
                .collect();
            GroupLine {
                group: g.to_string(),
                articles: members.iter().map(Vec::len).collect(),
                mean_per_1k: members.iter().map(|m| scores.means(m)).collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FrameScore;

    fn art(group: &str, date: &str) -> ArticleResult {
        ArticleResult {
            group: Some(group.into()),
            date: Some(date.into()),
            ..Default::default()
        }
    }

    fn groups_of(articles: &[ArticleResult]) -> Vec<Option<&str>> {
        articles.iter().map(|a| a.group.as_deref()).collect()
    }

    #[test]
    fn a_period_written_mostly_by_one_group_of_several_is_named() {
        let mut articles: Vec<ArticleResult> = (0..4).map(|_| art("daily", "2016-12-05")).collect();
        for d in ["2017-01-03", "2017-01-09", "2017-01-20"] {
            articles.push(art("herald", d));
            articles.push(art("post", d));
        }
        articles.push(art("post", "2017-02-01"));
        articles.push(art("post", "2017-02-02"));
        articles.push(art("herald", "2017-03-01"));
        let frames = vec!["threat".to_string()];
        let tl = timeline(&articles, &frames, Period::Month, &groups_of(&articles)).unwrap();
        // December: 4 of 4 from daily (4 of 13 overall); February has only 2 articles.
        let dec = DominatedPeriod {
            period: "2016-12".into(),
            group: "daily".into(),
            group_articles: 4,
            articles: 4,
        };
        assert_eq!(tl.dominated_periods, vec![dec.clone()]);
        // Four of five from one group still is that group's period; three of five is not.
        let mut most = articles.clone();
        most.push(art("post", "2016-12-06"));
        let tl = timeline(&most, &frames, Period::Month, &groups_of(&most)).unwrap();
        assert_eq!(tl.dominated_periods[0].group_articles, 4);
        assert_eq!(tl.dominated_periods[0].articles, 5);
        most.push(art("herald", "2016-12-07"));
        most.push(art("herald", "2016-12-08"));
        let tl = timeline(&most, &frames, Period::Month, &groups_of(&most)).unwrap();
        assert!(
            tl.dominated_periods.is_empty(),
            "{:?}",
            tl.dominated_periods
        );
        // One group in all: nothing to say, and no group lines.
        let one: Vec<ArticleResult> = (0..4).map(|_| art("daily", "2016-12-05")).collect();
        let tl = timeline(&one, &frames, Period::Month, &groups_of(&one)).unwrap();
        assert!(tl.dominated_periods.is_empty());
        assert!(tl.groups.is_empty());
        // Grouped by date (no group per article): no mix either.
        let none = vec![None; articles.len()];
        let tl = timeline(&articles, &frames, Period::Month, &none).unwrap();
        assert!(tl.dominated_periods.is_empty() && tl.groups.is_empty());
    }

    #[test]
    fn each_group_has_its_own_line() {
        let scored = |group: &str, date: &str, per_1k: f64| ArticleResult {
            frames: vec![FrameScore {
                frame: "threat".into(),
                hits: per_1k / 10.0,
                per_1k,
                ..Default::default()
            }],
            ..art(group, date)
        };
        let articles = vec![
            scored("herald", "2017-01-03", 2.0),
            scored("herald", "2017-01-04", 4.0),
            scored("post", "2017-01-05", 10.0),
            scored("post", "2017-03-05", 20.0),
        ];
        let frames = vec!["threat".to_string()];
        let tl = timeline(&articles, &frames, Period::Month, &groups_of(&articles)).unwrap();
        assert_eq!(tl.points.len(), 3, "January to March, February empty");
        assert_eq!(tl.groups.len(), 2);
        let herald = &tl.groups[0];
        assert_eq!(herald.group, "herald");
        assert_eq!(herald.articles, [2, 0, 0]);
        assert_eq!(
            herald.mean_per_1k,
            [vec![Some(3.0)], vec![None], vec![None]]
        );
        let post = &tl.groups[1];
        assert_eq!(post.articles, [1, 0, 1]);
        assert_eq!(post.mean_per_1k[2], [Some(20.0)]);
        // The pooled line is the mean of all of January's articles.
        assert_eq!(tl.points[0].mean_per_1k, [Some(16.0 / 3.0)]);
    }

    /// From a review: "2017-02-30" was counted in 2017-02, and a date left
    /// empty because it could not be read was counted as no date.
    #[test]
    fn dates_that_cannot_be_read_are_counted_apart() {
        let art = |id: &str, date: Option<&str>, unread: Option<&str>| ArticleResult {
            id: id.into(),
            date: date.map(Into::into),
            unread_date: unread.map(Into::into),
            ..Default::default()
        };
        let articles = [
            art("a", Some("2017-02-03"), None),
            art("b", Some("2017-02-30"), None),
            art("c", None, Some("3rd of Feb")),
            art("d", None, None),
        ];
        let none = vec![None; articles.len()];
        let tl = timeline(&articles, &["threat".to_string()], Period::Month, &none).unwrap();
        assert_eq!(tl.points.len(), 1);
        assert_eq!(tl.points[0].articles, 1);
        assert_eq!(tl.unreadable_dates, ["b", "c"]);
        assert_eq!(tl.undated, 1);
    }
}
