//! Whether the groups compared are also the topics the articles are about.
//!
//! When each outlet covers its own topics (one outlet's articles nearly all
//! in the business cluster, another's in the politics cluster), a
//! difference between outlets may be a difference of topic, not of framing:
//! an outlet that covers business uses more economic words whatever its
//! framing. The association of group and cluster is measured by Cramér's V
//! (0 = the groups spread over the clusters alike, 1 = each group is its own
//! cluster); from [`STRONG_V`] on, the findings carry a caution naming the
//! groups that sit mostly in one cluster. Below it, with many groups and
//! clusters, one outlet can still have a topic of its own while the others
//! spread (one outlet in nine, four in five of its articles in one cluster):
//! such a group is named too, when the other groups' share of articles in
//! that cluster is at most [`OWN_OF_REST`] of the group's own share.

use crate::model::numbers::int;
use crate::model::Analysis;

/// Cramér's V from which group and topic count as strongly associated
/// (Cohen's (1988) "large" for tables with two or more degrees of freedom
/// on the smaller side is 0.35 to 0.5; the higher bound keeps the caution
/// for corpora where the overlap is plain).
pub const STRONG_V: f64 = 0.5;

/// Share of a group's articles in one cluster from which the caution names it.
const MOSTLY: f64 = 0.75;

/// Below [`STRONG_V`], a group's main cluster is its own topic when the
/// other groups' share of articles in it is at most this part of the
/// group's share (4 in 5 of the group, at most 2 in 5 of the others).
const OWN_OF_REST: f64 = 0.5;

/// Groups named in the caution before "and N more".
const NAMED: usize = 4;

/// Cramér's V of a contingency table (rows by columns of counts); `None`
/// when the table has fewer than two non-empty rows or columns.
pub fn cramers_v(table: &[Vec<usize>]) -> Option<f64> {
    let rows: Vec<f64> = table
        .iter()
        .map(|r| r.iter().sum::<usize>() as f64)
        .collect();
    let cols_n = table.iter().map(Vec::len).max().unwrap_or(0);
    let cols: Vec<f64> = (0..cols_n)
        .map(|j| {
            table
                .iter()
                .map(|r| r.get(j).copied().unwrap_or(0))
                .sum::<usize>() as f64
        })
        .collect();
    let n: f64 = rows.iter().sum();
    let r = rows.iter().filter(|&&x| x > 0.0).count();
    let c = cols.iter().filter(|&&x| x > 0.0).count();
    if r < 2 || c < 2 || n == 0.0 {
        return None;
    }
    let mut chi2 = 0.0;
    for (i, row) in table.iter().enumerate() {
        for (j, &col) in cols.iter().enumerate() {
            let e = rows[i] * col / n;
            if e > 0.0 {
                let o = row.get(j).copied().unwrap_or(0) as f64;
                chi2 += (o - e).powi(2) / e;
            }
        }
    }
    Some((chi2 / (n * (r.min(c) - 1) as f64)).sqrt().min(1.0))
}

/// Articles per group per cluster: the table Cramér's V is measured on,
/// shown in the report's group section and written to `group_clusters.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupClusters<'a> {
    /// The named groups, in name order (articles without a group are no
    /// outlet and are left out).
    pub groups: Vec<&'a str>,
    /// `counts[g][c]`: articles of group `g` in cluster `c` (0-based, the
    /// order of `Clustering::clusters`).
    pub counts: Vec<Vec<usize>>,
}

impl GroupClusters<'_> {
    /// Cramér's V of the table (`None` when it has fewer than two
    /// non-empty rows or columns).
    pub fn cramers_v(&self) -> Option<f64> {
        cramers_v(&self.counts)
    }
}

/// The group × cluster table (`None` without a group comparison, two
/// named groups or two clusters for every article).
pub fn group_clusters(a: &Analysis) -> Option<GroupClusters<'_>> {
    a.groups.as_ref()?;
    let clustering = a.clustering.as_ref()?;
    if clustering.clusters.len() < 2 || clustering.assignments.len() != a.articles.len() {
        return None;
    }
    // Named groups only, in name order (articles without one are no outlet).
    let mut names: Vec<&str> = a
        .articles
        .iter()
        .filter_map(|r| r.group.as_deref())
        .collect();
    names.sort_unstable();
    names.dedup();
    if names.len() < 2 {
        return None;
    }
    let mut table = vec![vec![0usize; clustering.clusters.len()]; names.len()];
    for (art, asg) in a.articles.iter().zip(&clustering.assignments) {
        let Some(g) = art.group.as_deref() else {
            continue;
        };
        let Ok(i) = names.binary_search(&g) else {
            continue;
        };
        if let Some(cell) = table[i].get_mut(asg.cluster) {
            *cell += 1;
        }
    }
    Some(GroupClusters {
        groups: names,
        counts: table,
    })
}

/// Groups that sit mostly in one cluster: Cramér's V and, per such group in
/// name order, its name and "has N of its M articles in cluster K (label)".
/// From [`STRONG_V`] on every group with [`MOSTLY`] of its articles in one
/// cluster; below it only a group whose cluster is its own (see the module
/// doc). `None` without two named groups, two clusters or a group finding,
/// or below [`STRONG_V`] with no group of a topic of its own.
pub fn one_topic_groups(a: &Analysis) -> Option<(f64, Vec<(String, String)>)> {
    let groups = a.groups.as_ref()?;
    if !groups.differences.iter().any(|d| d.is_finding()) {
        return None;
    }
    let clustering = a.clustering.as_ref()?;
    let GroupClusters {
        groups: names,
        counts: table,
    } = group_clusters(a)?;
    let v = cramers_v(&table)?;
    let strong = v >= STRONG_V;
    let all: usize = table.iter().flatten().sum();
    let mostly: Vec<(String, String)> = names
        .iter()
        .zip(&table)
        .filter_map(|(name, row)| {
            let total: usize = row.iter().sum();
            let (k, &top) = row
                .iter()
                .enumerate()
                .max_by_key(|&(k, n)| (*n, std::cmp::Reverse(k)))?;
            let share = top as f64 / total.max(1) as f64;
            let in_k: usize = table.iter().map(|r| r[k]).sum();
            let rest = all - total;
            let rest_share = (in_k - top) as f64 / rest.max(1) as f64;
            let own = strong || (rest > 0 && rest_share <= OWN_OF_REST * share);
            (total > 0 && share >= MOSTLY && own).then(|| {
                (
                    name.to_string(),
                    format!(
                        "has {} of its {} articles in cluster {} ({})",
                        int(top),
                        int(total),
                        k + 1,
                        clustering.clusters[k].label
                    ),
                )
            })
        })
        .collect();
    (strong || !mostly.is_empty()).then_some((v, mostly))
}

/// The caution for the findings when groups and clusters coincide (see
/// [`one_topic_groups`]).
pub fn caution(a: &Analysis) -> Option<String> {
    let (v, groups) = one_topic_groups(a)?;
    let mostly: Vec<String> = groups
        .into_iter()
        .map(|(name, what)| format!("{name} {what}"))
        .collect();
    let listed = match mostly.len() {
        0 => String::new(),
        n if n <= NAMED => format!(": {}", join(&mostly)),
        n => format!(": {} and {} more", mostly[..NAMED].join("; "), n - NAMED),
    };
    let opening = if v >= STRONG_V {
        format!("Groups and topics coincide (Cramér's V = {v:.2} between group and cluster; {STRONG_V} or more is strong){listed}")
    } else {
        format!("Some groups have a topic of their own{listed} (a cluster that holds a far smaller share of the other groups' articles), though groups and topics do not coincide overall (Cramér's V = {v:.2} between group and cluster; {STRONG_V} or more is strong)")
    };
    Some(format!(
        "{opening}. A difference between these groups may be one of topic rather than of framing (an outlet that covers business uses more economic words whatever its framing): before citing one, compare articles on the same topic across groups (the table of groups and clusters under Comparing groups, and group_clusters.csv, give each group's articles per cluster; clusters.csv gives each article's cluster, articles.csv its scores), or collect articles on one story from every group."
    ))
}

/// "a; b and c" for the groups named.
fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join("; ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cramers_v_is_1_when_each_group_is_its_own_cluster_and_0_when_they_spread_alike() {
        let own = vec![vec![10, 0, 0], vec![0, 8, 0], vec![0, 0, 5]];
        assert!((cramers_v(&own).unwrap() - 1.0).abs() < 1e-12);
        let alike = vec![vec![5, 5], vec![10, 10]];
        assert!(cramers_v(&alike).unwrap().abs() < 1e-12);
        // 2 x 2 with chi2 = n * phi^2: phi of [[9,1],[1,9]] is 0.8.
        let mostly = vec![vec![9, 1], vec![1, 9]];
        assert!((cramers_v(&mostly).unwrap() - 0.8).abs() < 1e-12);
        assert_eq!(cramers_v(&[vec![3, 4]]), None);
        assert_eq!(cramers_v(&[vec![3, 0], vec![4, 0]]), None);
    }

    /// An analysis of articles in `groups`, clustered as `clusters`, with
    /// one group difference that is a finding.
    fn analysis(groups: &[Option<&str>], clusters: &[usize]) -> Analysis {
        use crate::model::findings::GroupDifference;
        use crate::model::{ArticleResult, Assignment, ClusterInfo, Clustering, GroupComparison};
        let k = clusters.iter().max().map_or(0, |m| m + 1);
        Analysis {
            articles: groups
                .iter()
                .map(|g| ArticleResult {
                    group: g.map(String::from),
                    ..Default::default()
                })
                .collect(),
            groups: Some(GroupComparison {
                differences: vec![GroupDifference {
                    ci_low: Some(1.0),
                    ci_high: Some(2.0),
                    ..Default::default()
                }],
                ..Default::default()
            }),
            clustering: Some(Clustering {
                clusters: (0..k)
                    .map(|id| ClusterInfo {
                        id,
                        label: format!("topic{}", id + 1),
                        label_terms: Vec::new(),
                        size: 0,
                        top_terms: Vec::new(),
                        central_article: String::new(),
                    })
                    .collect(),
                assignments: clusters
                    .iter()
                    .map(|&cluster| Assignment {
                        article_id: String::new(),
                        cluster,
                        cluster_label: String::new(),
                        silhouette: None,
                        x: 0.0,
                        y: 0.0,
                        nearest_id: None,
                        nearest_similarity: None,
                    })
                    .collect(),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    #[test]
    fn a_caution_names_the_groups_that_sit_in_one_topic() {
        let g = |n: usize, name: &'static str| vec![Some(name); n];
        let groups: Vec<Option<&str>> = [g(10, "post"), g(10, "herald"), vec![None; 4]].concat();
        // The post all in cluster 1, the herald 9 of 10 in cluster 2; the
        // articles without a group anywhere.
        let mut clusters = vec![0; 10];
        clusters.extend([1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
        clusters.extend([0, 1, 0, 1]);
        let text = caution(&analysis(&groups, &clusters)).expect("a caution");
        assert!(
            text.contains("herald has 9 of its 10 articles in cluster 2 (topic2) and post has 10 of its 10 articles in cluster 1 (topic1)"),
            "{text}"
        );
        // The table the caution reads: named groups in name order, the
        // articles without a group left out.
        let a = analysis(&groups, &clusters);
        let t = group_clusters(&a).expect("two groups, two clusters");
        assert_eq!(t.groups, ["herald", "post"]);
        assert_eq!(t.counts, [vec![1, 9], vec![10, 0]]);
        assert!(t.cramers_v().unwrap() >= STRONG_V);
        // Both groups spread over both topics alike: no caution.
        let spread: Vec<usize> = (0..24).map(|i| i % 2).collect();
        assert_eq!(caution(&analysis(&groups, &spread)), None);
    }

    #[test]
    fn a_finding_about_a_group_in_one_topic_carries_the_caution_itself() {
        let g = |n: usize, name: &'static str| vec![Some(name); n];
        let groups: Vec<Option<&str>> = [g(10, "post"), g(10, "herald")].concat();
        let clusters: Vec<usize> = (0..20).map(|i| usize::from(i >= 10)).collect();
        let mut a = analysis(&groups, &clusters);
        if let Some(g) = a.groups.as_mut() {
            let d = &mut g.differences[0];
            (d.group_a, d.group_b, d.measure) = ("post".into(), "herald".into(), "economic".into());
        }
        let f = crate::stats::findings::compute(&a);
        let text = &f.items[0].text;
        assert!(
            text.contains("But post has 10 of its 10 articles in cluster 1 (topic1) and herald has 10 of its 10 articles in cluster 2 (topic2): this may be a difference of topic"),
            "{text}"
        );
        // Spread alike: the sentence stands alone.
        let spread: Vec<usize> = (0..20).map(|i| i % 2).collect();
        let mut b = analysis(&groups, &spread);
        b.groups = a.groups.clone();
        let f = crate::stats::findings::compute(&b);
        assert!(
            !f.items[0].text.contains("difference of topic"),
            "{}",
            f.items[0].text
        );
    }

    #[test]
    fn one_group_with_a_topic_of_its_own_is_named_when_the_others_spread() {
        // Five groups of 8 spread alike over clusters 1-4; "wire" has 8 of
        // its 10 in cluster 5, which holds none of the others: V is below 0.5.
        let names = ["a", "b", "c", "d", "e", "wire"];
        let groups: Vec<Option<&str>> = names
            .iter()
            .zip([8, 8, 8, 8, 8, 10])
            .flat_map(|(n, k)| std::iter::repeat_n(Some(*n), k))
            .collect();
        let spread: Vec<usize> = (0..40).map(|i| i % 4).collect();
        let clusters = [spread.clone(), vec![4, 4, 4, 4, 4, 4, 4, 4, 0, 1]].concat();
        let a = analysis(&groups, &clusters);
        let (v, named) = one_topic_groups(&a).expect("wire has its own topic");
        assert!(v < STRONG_V, "{v}");
        let named: Vec<&str> = named.iter().map(|(g, _)| g.as_str()).collect();
        assert_eq!(named, ["wire"]);
        let text = caution(&a).unwrap();
        assert!(
            text.starts_with("Some groups have a topic of their own: wire has 8 of its 10 articles in cluster 5 (topic5)"),
            "{text}"
        );
        // The others are in that cluster as often: no topic of wire's own.
        let shared: Vec<usize> = (0..40).map(|i| if i % 4 == 0 { 0 } else { 4 }).collect();
        let b = analysis(
            &groups,
            &[shared, vec![4, 4, 4, 4, 4, 4, 4, 4, 0, 1]].concat(),
        );
        assert!(group_clusters(&b).unwrap().cramers_v().unwrap() < STRONG_V);
        assert_eq!(one_topic_groups(&b), None);
    }

    #[test]
    fn join_lists_the_groups_in_words() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(join(&s(&["a"])), "a");
        assert_eq!(join(&s(&["a", "b", "c"])), "a; b and c");
    }
}
