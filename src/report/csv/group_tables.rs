//! The group comparison tables: `groups.csv`, `group_pairs.csv`,
//! `group_clusters.csv`, `keyness.csv`, `collocations.csv`, `timeline.csv`
//! and `timeline_groups.csv` (each only when computed), and
//! `findings.csv` (the findings the report opens with).

use super::table::{f4, f6, h, table};
use crate::model::Analysis;
use crate::report::OutputFile;

fn opt(x: Option<f64>) -> String {
    x.map(f4).unwrap_or_default()
}

/// p-values: six decimals, or scientific notation below 0.0001 so small values keep their digits.
fn p(x: f64) -> String {
    if !x.is_finite() {
        String::new()
    } else if x >= 1e-4 || x == 0.0 {
        f6(x)
    } else {
        format!("{x:.3e}")
    }
}

/// `groups.csv`: group, articles, then mean, sd, ci_low, ci_high of each frame and of sentiment.
pub fn groups(a: &Analysis) -> Option<OutputFile> {
    let g = a.groups.as_ref()?;
    let mut header = h(&["group", "articles"]);
    for m in &g.measures {
        for s in ["mean", "sd", "ci_low", "ci_high"] {
            header.push(format!("{m}_{s}"));
        }
    }
    Some(table(
        "groups.csv",
        &header,
        g.groups.iter().map(|r| {
            let mut row = vec![r.name.clone(), r.articles.to_string()];
            for s in &r.stats {
                row.extend([f4(s.mean), opt(s.sd), opt(s.ci_low), opt(s.ci_high)]);
            }
            row
        }),
    ))
}

/// `group_pairs.csv`: one row per pair of named groups and measure (three
/// or more groups): the means, the difference with its bootstrap interval,
/// Cohen's d, the p-value and its Holm adjustment over the pairs alone,
/// whether it holds after that correction, and each side's frame matches
/// behind the count rule (empty for sentiment).
pub fn group_pairs(a: &Analysis) -> Option<OutputFile> {
    let g = a.groups.as_ref().filter(|g| !g.pairs.is_empty())?;
    let count = |x: Option<f64>| x.map(f4).unwrap_or_default();
    Some(table(
        "group_pairs.csv",
        &h(&[
            "group_a",
            "group_b",
            "measure",
            "articles_a",
            "articles_b",
            "mean_a",
            "mean_b",
            "difference",
            "ci_low",
            "ci_high",
            "cohens_d",
            "p",
            "p_holm",
            "holds",
            "matches_a",
            "matches_b",
            "too_few_matches",
        ]),
        g.pairs.iter().map(|pair| {
            let d = &pair.difference;
            vec![
                d.group_a.clone(),
                d.group_b.clone(),
                d.measure.clone(),
                d.articles_a.to_string(),
                d.articles_b.to_string(),
                f4(d.mean_a),
                f4(d.mean_b),
                f4(d.difference),
                opt(d.ci_low),
                opt(d.ci_high),
                opt(d.effect_size),
                d.p_value.map(p).unwrap_or_default(),
                d.p_holm.map(p).unwrap_or_default(),
                pair.holds.to_string(),
                count(d.matches_a),
                count(d.matches_b),
                d.too_few_matches.to_string(),
            ]
        }),
    ))
}

/// `keyness.csv`: one row per key term of each group (and cluster) against the rest.
pub fn keyness(a: &Analysis) -> Option<OutputFile> {
    let k = a.keyness.as_ref()?;
    Some(table(
        "keyness.csv",
        &h(&[
            "group",
            "term",
            "stem",
            "freq_group",
            "freq_rest",
            "g2",
            "log_ratio",
            "p_value",
            "comparison",
            "articles_group",
            "articles_rest",
        ]),
        k.comparisons.iter().flat_map(|c| {
            c.terms.iter().map(move |t| {
                vec![
                    c.group.clone(),
                    t.term.clone(),
                    t.stem.clone(),
                    t.freq_group.to_string(),
                    t.freq_rest.to_string(),
                    f4(t.g2),
                    f4(t.log_ratio),
                    p(t.p_value),
                    c.by.clone(),
                    t.articles_group.to_string(),
                    t.articles_rest.to_string(),
                ]
            })
        }),
    ))
}

/// `collocations.csv`: scope, ngram, n, freq, score, measure.
pub fn collocations(a: &Analysis) -> Option<OutputFile> {
    let c = a.collocations.as_ref()?;
    Some(table(
        "collocations.csv",
        &h(&["scope", "ngram", "n", "freq", "score", "measure"]),
        c.items.iter().map(|x| {
            vec![
                x.scope.clone(),
                x.ngram.clone(),
                x.n.to_string(),
                x.freq.to_string(),
                f4(x.score),
                c.measure.clone(),
            ]
        }),
    ))
}

/// `group_clusters.csv`: articles per group per cluster (the table the
/// findings' caution on groups that are also topics measures): group,
/// cluster (1-based), cluster_label, articles, share (of the group's
/// articles). Only with two named groups and two clusters.
pub fn group_clusters(a: &Analysis) -> Option<OutputFile> {
    let gc = crate::stats::topic_overlap::group_clusters(a)?;
    let clusters = &a.clustering.as_ref()?.clusters;
    Some(table(
        "group_clusters.csv",
        &h(&["group", "cluster", "cluster_label", "articles", "share"]),
        gc.groups.iter().zip(&gc.counts).flat_map(|(g, row)| {
            let total: usize = row.iter().sum();
            row.iter()
                .zip(clusters)
                .enumerate()
                .map(move |(c, (&n, info))| {
                    vec![
                        g.to_string(),
                        (c + 1).to_string(),
                        info.label.clone(),
                        n.to_string(),
                        f4(if total > 0 {
                            n as f64 / total as f64
                        } else {
                            0.0
                        }),
                    ]
                })
        }),
    ))
}

/// `timeline.csv`: period, articles, then each frame's share of hits and mean per 1,000 words.
pub fn timeline(a: &Analysis) -> Option<OutputFile> {
    let t = a.timeline.as_ref()?;
    let mut header = h(&["period", "articles"]);
    header.extend(t.frames.iter().map(|f| format!("{f}_share")));
    header.extend(t.frames.iter().map(|f| format!("{f}_per_1k")));
    Some(table(
        "timeline.csv",
        &header,
        t.points.iter().map(|pt| {
            let mut row = vec![pt.period.clone(), pt.articles.to_string()];
            row.extend(pt.shares.iter().map(|&s| opt(s)));
            row.extend(pt.mean_per_1k.iter().map(|&s| opt(s)));
            row
        }),
    ))
}

/// `timeline_groups.csv`: one row per period and group (long form, for a
/// pivot table or R/pandas): period, group, articles, then each frame's mean
/// per 1,000 words, empty where the group has no article in the period.
pub fn timeline_groups(a: &Analysis) -> Option<OutputFile> {
    let t = a.timeline.as_ref().filter(|t| !t.groups.is_empty())?;
    let mut header = h(&["period", "group", "articles"]);
    header.extend(t.frames.iter().map(|f| format!("{f}_per_1k")));
    Some(table(
        "timeline_groups.csv",
        &header,
        t.points.iter().enumerate().flat_map(|(k, pt)| {
            t.groups.iter().map(move |g| {
                let mut row = vec![
                    pt.period.clone(),
                    g.group.clone(),
                    g.articles[k].to_string(),
                ];
                row.extend(g.mean_per_1k[k].iter().map(|&s| opt(s)));
                row
            })
        }),
    ))
}

/// `findings.csv`: one row per finding, the same rows the report opens with.
pub fn findings(a: &Analysis) -> Option<OutputFile> {
    let header = h(&[
        "kind",
        "frame",
        "group_a",
        "group_b",
        "value_a",
        "value_b",
        "difference",
        "ci_low",
        "ci_high",
        "effect_size",
        "p_holm",
        "is_finding",
        "exploratory",
        "articles_a",
        "articles_b",
        "article_id",
        "article_no",
        "sentence",
        "text",
    ]);
    Some(table(
        "findings.csv",
        &header,
        a.findings.items.iter().map(|f| {
            vec![
                f.kind.clone(),
                f.frame.clone(),
                f.group_a.clone(),
                f.group_b.clone(),
                opt(f.value_a),
                opt(f.value_b),
                opt(f.difference),
                opt(f.ci_low),
                opt(f.ci_high),
                opt(f.effect_size),
                f.p_holm.map(p).unwrap_or_default(),
                f.is_finding.to_string(),
                f.exploratory.to_string(),
                f.articles_a.to_string(),
                f.articles_b.to_string(),
                f.article_id.clone(),
                if f.article_no > 0 {
                    f.article_no.to_string()
                } else {
                    String::new()
                },
                f.sentence.clone(),
                f.text.clone(),
            ]
        }),
    ))
}

/// Every group table present in the analysis, and the findings.
pub fn all(a: &Analysis) -> Vec<OutputFile> {
    [
        findings(a),
        groups(a),
        group_pairs(a),
        group_clusters(a),
        keyness(a),
        collocations(a),
        timeline(a),
        timeline_groups(a),
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::findings::GroupDifference;
    use crate::model::pairs::GroupPair;
    use crate::model::GroupComparison;

    #[test]
    fn group_pairs_has_a_row_per_pair_and_measure_and_only_with_pairs() {
        let mut a = crate::model::example(3);
        a.groups = Some(GroupComparison::default());
        assert!(group_pairs(&a).is_none(), "no pairs, no file");
        let d = GroupDifference {
            measure: "threat".into(),
            group_a: "herald".into(),
            group_b: "post".into(),
            articles_a: 12,
            articles_b: 9,
            mean_a: 1.25,
            mean_b: 4.5,
            difference: -3.25,
            ci_low: Some(-4.0),
            ci_high: Some(-2.5),
            matches_a: Some(30.0),
            matches_b: Some(81.0),
            effect_size: Some(-1.5),
            p_value: Some(0.00002),
            p_holm: Some(0.0004),
            ..Default::default()
        };
        let sentiment = GroupDifference {
            measure: "sentiment".into(),
            ci_low: None,
            ci_high: None,
            matches_a: None,
            matches_b: None,
            effect_size: None,
            p_value: None,
            p_holm: None,
            ..d.clone()
        };
        a.groups.as_mut().unwrap().pairs = vec![GroupPair::new(d), GroupPair::new(sentiment)];
        let csv = String::from_utf8(group_pairs(&a).unwrap().bytes).unwrap();
        assert_eq!(
            csv,
            "group_a,group_b,measure,articles_a,articles_b,mean_a,mean_b,difference,ci_low,ci_high,cohens_d,p,p_holm,holds,matches_a,matches_b,too_few_matches\n\
             herald,post,threat,12,9,1.2500,4.5000,-3.2500,-4.0000,-2.5000,-1.5000,2.000e-5,0.000400,true,30.0000,81.0000,false\n\
             herald,post,sentiment,12,9,1.2500,4.5000,-3.2500,,,,,,false,,,false\n"
        );
    }
}
