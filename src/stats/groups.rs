//! Comparing groups of articles (outlets, periods, metadata columns), and
//! the stage that attaches the comparison, keyness, collocations and the
//! timeline (`timeline.rs`) to the analysis.
//!
//! Per group: the number of articles, and for every frame (score per 1,000
//! words) and for sentiment (compound, -1..1) the mean, the sample standard
//! deviation (n - 1) and a bootstrap 95 % confidence interval of the mean.
//!
//! **Bootstrap** (percentile method, Efron & Tibshirani 1993): the group's
//! articles are resampled with replacement [`RESAMPLES`] times; each
//! resample's mean is computed for every measure (one draw of articles serves
//! all measures); the interval runs from the 2.5th to the 97.5th percentile of
//! those means (linear interpolation between order statistics, numpy's
//! default). The random generator (xoshiro256++) is seeded from `--seed` and
//! the group's name, so a group's interval does not depend on which other
//! groups exist, and the same input gives the same interval. The draws pick
//! the group's articles in content order (by the SHA-256 of each text,
//! [`resample::content_order`]), not in the order they were read, so that
//! renaming or reordering the files leaves every interval as it was.

use crate::input::{Corpus, Document};
use crate::model::dates::{period_of, Period};
use crate::model::options::Options;
use crate::model::{
    Analysis, ArticleResult, Collocations, GroupComparison, GroupStats, Keyness, MeasureSummary,
};
use crate::platform::timing::Timer;
use crate::stats::resample::{self, below, percentile, rng};
use crate::stats::{collocations, differences, keyness, pairs, timeline};
use crate::text::tokens::TokenizedCorpus;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Bootstrap resamples per group.
pub const RESAMPLES: usize = 2000;
/// Confidence level of the intervals.
pub const CONFIDENCE: f64 = 0.95;
/// Name of the group of articles that have no value for the grouping column.
pub const NO_GROUP: &str = "(none)";
/// Name of the single group when no article has a group.
pub const ALL: &str = "all articles";

/// The group of every document for `--group-by` (None: the group from the
/// subfolder, front matter or group column). "date" groups by period.
/// Returns a description of the grouping and one label per document, or an
/// error naming the columns that exist when no article has the column.
pub fn labels(
    docs: &[Document],
    group_by: Option<&str>,
    period: Period,
) -> Result<(String, Vec<Option<String>>), String> {
    let clean = |v: Option<&String>| {
        v.map(|s| s.trim().to_string())
            .filter(|s: &String| !s.is_empty())
    };
    let col = group_by.map(|c| c.trim().to_lowercase());
    let has_group = |d: &Document| clean(d.group.as_ref()).is_some();
    // What some article has to group by: named in the errors below.
    let available = || {
        let mut have: Vec<String> = Vec::new();
        if docs.iter().any(has_group) {
            have.push("group".into());
        }
        if docs.iter().any(|d| d.date.is_some()) {
            have.push("date".into());
        }
        // A metadata column named "group" or "date" is listed once.
        have.extend(
            docs.iter()
                .flat_map(|d| d.meta.iter())
                .filter(|(_, v)| !v.trim().is_empty())
                .map(|(k, _)| k.to_lowercase())
                .filter(|k| k != "group" && k != "date")
                .collect::<std::collections::BTreeSet<_>>(),
        );
        if have.is_empty() {
            "no article has a group, a date or a metadata column".to_string()
        } else {
            format!(
                "available: {}",
                crate::input::formats::table::listing(&have)
            )
        }
    };
    match col.as_deref() {
        None => Ok((
            "group".into(),
            docs.iter().map(|d| clean(d.group.as_ref())).collect(),
        )),
        Some("group") => {
            if !docs.iter().any(has_group) {
                return Err(format!(
                    "--group-by group: no article has a group (a subfolder, a group column, front matter's outlet: or a metadata file's group or outlet column) ({})",
                    available()
                ));
            }
            Ok((
                "group".into(),
                docs.iter().map(|d| clean(d.group.as_ref())).collect(),
            ))
        }
        Some(c @ ("date" | "period")) => {
            if !docs.iter().any(|d| d.date.is_some()) {
                let unread = docs.iter().filter(|d| d.unread_date.is_some()).count();
                return Err(format!(
                    "--group-by {c}: no article has a date{} (give dates in front matter's date:, a --date-column or a metadata file's date column) ({})",
                    if unread > 0 {
                        format!(
                            " frame can read ({} written in a way frame cannot read: use 2024-03-05 or 5 March 2024)",
                            crate::model::numbers::count(unread, "has one", "have one")
                        )
                    } else {
                        String::new()
                    },
                    available()
                ));
            }
            Ok((
                format!("date ({})", period.name()),
                docs.iter()
                    .map(|d| d.date.as_deref().and_then(|s| period_of(s, period)))
                    .collect(),
            ))
        }
        Some(c) => {
            let out: Vec<Option<String>> = docs
                .iter()
                .map(|d| {
                    clean(
                        d.meta
                            .iter()
                            .find(|(k, _)| k.to_lowercase() == c)
                            .map(|(_, v)| v),
                    )
                })
                .collect();
            if out.iter().all(Option::is_none) {
                return Err(format!(
                    "--group-by '{c}': no article has a value for '{c}' ({})",
                    available()
                ));
            }
            Ok((c.to_string(), out))
        }
    }
}

/// Turns per-article labels into group indices and sorted names. Articles
/// without a label form the group "(none)" (last); when none has a label,
/// every article is in one group, "all articles".
pub fn index(labels: &[Option<String>]) -> (Vec<String>, Vec<usize>) {
    let mut names: Vec<String> = labels
        .iter()
        .flatten()
        .cloned()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let none = if names.is_empty() { ALL } else { NO_GROUP };
    if labels.iter().any(Option::is_none) {
        names.push(none.to_string());
    }
    let pos: BTreeMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let idx = labels
        .iter()
        .map(|l| pos[l.as_deref().unwrap_or(none)])
        .collect();
    (names, idx)
}

/// Mean, sample sd and seeded bootstrap percentile interval of each column of
/// `rows` (one row per article, one column per measure); the draws are
/// seeded by `seed` and `salt` (the group's name), so a group's interval does
/// not depend on the other groups.
pub fn summarise(
    rows: &[Vec<f64>],
    measures: &[String],
    seed: u64,
    salt: &str,
    resamples: usize,
) -> Vec<MeasureSummary> {
    summarise_with_draws(rows, measures, seed, salt, resamples).0
}

/// [`summarise`], also returning each measure's bootstrap means in draw
/// order (empty with fewer than two articles), from which
/// `differences.rs` takes the intervals of group differences.
pub fn summarise_with_draws(
    rows: &[Vec<f64>],
    measures: &[String],
    seed: u64,
    salt: &str,
    resamples: usize,
) -> (Vec<MeasureSummary>, Vec<Vec<f64>>) {
    let n = rows.len();
    let m = measures.len();
    let mean: Vec<f64> = (0..m)
        .map(|j| rows.iter().map(|r| r[j]).sum::<f64>() / n.max(1) as f64)
        .collect();
    if n < 2 {
        let stats = (0..m)
            .map(|j| MeasureSummary {
                measure: measures[j].clone(),
                mean: if n == 0 { f64::NAN } else { mean[j] },
                ..Default::default()
            })
            .collect();
        return (stats, Vec::new());
    }
    let sd: Vec<f64> = (0..m)
        .map(|j| {
            let ss: f64 = rows.iter().map(|r| (r[j] - mean[j]).powi(2)).sum();
            (ss / (n - 1) as f64).sqrt()
        })
        .collect();
    let mut rng = rng(seed, salt);
    let mut boot: Vec<Vec<f64>> = vec![Vec::with_capacity(resamples); m];
    let mut sums = vec![0.0; m];
    // One contiguous block (row-major): the draws jump around the rows, and
    // n separate allocations made each draw a cache miss. Same sums, same order.
    let flat: Vec<f64> = rows.iter().flat_map(|r| r[..m].iter().copied()).collect();
    for _ in 0..resamples {
        sums.iter_mut().for_each(|s| *s = 0.0);
        for _ in 0..n {
            let i = below(&mut rng, n);
            for (s, v) in sums.iter_mut().zip(&flat[i * m..(i + 1) * m]) {
                *s += v;
            }
        }
        for (b, s) in boot.iter_mut().zip(&sums) {
            b.push(s / n as f64);
        }
    }
    let alpha = (1.0 - CONFIDENCE) / 2.0;
    let draws = boot.clone();
    let stats = (0..m)
        .map(|j| {
            let b = &mut boot[j];
            b.sort_by(f64::total_cmp);
            MeasureSummary {
                measure: measures[j].clone(),
                mean: mean[j],
                sd: Some(sd[j]),
                ci_low: Some(percentile(b, alpha)),
                ci_high: Some(percentile(b, 1.0 - alpha)),
            }
        })
        .collect();
    (stats, draws)
}

/// The measures of one article: every frame per 1,000 words, then sentiment.
fn measures_of(a: &ArticleResult, frames: &[String]) -> Vec<f64> {
    let mut v: Vec<f64> = frames
        .iter()
        .map(|f| {
            a.frames
                .iter()
                .find(|s| &s.frame == f)
                .map(|s| s.per_1k)
                .filter(|x| x.is_finite())
                .unwrap_or(0.0)
        })
        .collect();
    let s = a.sentiment.compound;
    v.push(if s.is_finite() { s } else { 0.0 });
    v
}

/// A group's articles and their rows of measures ([`measures_of`]), in
/// content order.
struct Members<'a> {
    articles: Vec<&'a ArticleResult>,
    rows: Vec<Vec<f64>>,
}

/// Each group's [`Members`] in content order ([`resample::content_order`]:
/// by the SHA-256 of the text, then by the measures), so that the draws,
/// the means and the sums over a group are the same whatever the files are
/// called and in whatever order they came.
fn in_content_order<'a>(
    articles: &'a [ArticleResult],
    frames: &[String],
    idx: &[usize],
    groups: usize,
) -> Vec<Members<'a>> {
    (0..groups)
        .into_par_iter()
        .map(|g| {
            let arts: Vec<&ArticleResult> = articles
                .iter()
                .zip(idx)
                .filter(|(_, &i)| i == g)
                .map(|(a, _)| a)
                .collect();
            let mut rows: Vec<Vec<f64>> = arts.iter().map(|a| measures_of(a, frames)).collect();
            let keys: Vec<&str> = arts.iter().map(|a| a.sha256.as_str()).collect();
            let order = resample::content_order(&keys, &rows, |a, b| resample::cmp_values(a, b));
            Members {
                articles: order.iter().map(|&i| arts[i]).collect(),
                // `order` is a permutation: each row is taken once.
                rows: order
                    .iter()
                    .map(|&i| std::mem::take(&mut rows[i]))
                    .collect(),
            }
        })
        .collect()
}

/// Compares the groups `idx` (indices into `names`) of `articles`.
pub fn compare(
    articles: &[ArticleResult],
    frames: &[String],
    names: &[String],
    idx: &[usize],
    group_by: &str,
    seed: u64,
) -> GroupComparison {
    let mut measures: Vec<String> = frames.to_vec();
    measures.push("sentiment".into());
    let members = in_content_order(articles, frames, idx, names.len());
    // Groups in parallel: each has its own seeded generator, so the result is the same.
    let (groups, draws): (Vec<GroupStats>, Vec<Vec<Vec<f64>>>) = names
        .par_iter()
        .enumerate()
        .map(|(g, name)| {
            let rows = &members[g].rows;
            let (stats, draws) = summarise_with_draws(rows, &measures, seed, name, RESAMPLES);
            let g = GroupStats {
                name: name.clone(),
                articles: rows.len(),
                stats,
            };
            (g, draws)
        })
        .unzip();
    // (matches, words) per group and frame, for the count rule of the differences.
    let counts: Vec<Vec<Option<(f64, f64)>>> = (0..names.len())
        .map(|g| {
            let mut c: Vec<Option<(f64, f64)>> = vec![Some((0.0, 0.0)); frames.len()];
            c.push(None);
            for a in &members[g].articles {
                for (j, f) in frames.iter().enumerate() {
                    let hits = a
                        .frames
                        .iter()
                        .find(|s| &s.frame == f)
                        .map_or(0.0, |s| s.hits);
                    if let Some((h, w)) = c[j].as_mut() {
                        *h += if hits.is_finite() { hits } else { 0.0 };
                        *w += a.words as f64;
                    }
                }
            }
            c
        })
        .collect();
    // Articles without a group are no outlet: shown in the table, never
    // compared as one, nor pooled into "the rest" of the named groups.
    let named = if names.last().is_some_and(|n| n == NO_GROUP) {
        names.len() - 1
    } else {
        names.len()
    };
    let differences = differences::between(
        &groups[..named],
        &draws[..named],
        &counts[..named],
        &measures,
        CONFIDENCE,
    );
    let pairs = pairs::every_pair(
        &groups[..named],
        &draws[..named],
        &counts[..named],
        &measures,
        CONFIDENCE,
    );
    let mut notes = Vec::new();
    if named < groups.len() {
        notes.push(format!(
            "{} without a group (no subfolder, outlet or value in the group column) {} shown as {NO_GROUP} in the group table and left out of the comparisons between groups: give {} a group to compare {}.",
            crate::model::numbers::count(groups[named].articles, "article", "articles"),
            if groups[named].articles == 1 { "is" } else { "are" },
            if groups[named].articles == 1 { "it" } else { "them" },
            if groups[named].articles == 1 { "it" } else { "them" },
        ));
    }
    if groups.len() < 2 {
        notes.push(
            "All articles are in one group, so there is nothing to compare between groups: put articles in subfolders (one per outlet), add a metadata file with --metadata, or pick a column with --group-by. Keyness compares the clusters instead.".to_string(),
        );
    }
    let small: Vec<&str> = groups
        .iter()
        .filter(|g| g.articles < 5)
        .map(|g| g.name.as_str())
        .collect();
    if groups.len() >= 2 && !small.is_empty() {
        notes.push(format!(
            "Groups with fewer than 5 articles ({}): their means rest on very few articles and their confidence intervals are rough (a bootstrap of 2 to 4 articles can only produce a handful of different means).",
            small.join(", ")
        ));
    }
    GroupComparison {
        group_by: group_by.to_string(),
        measures,
        resamples: RESAMPLES,
        seed,
        confidence: CONFIDENCE,
        groups,
        notes,
        differences,
        pairs,
    }
}

/// Adds the group comparison, keyness, collocations and timeline to an
/// analysis (the pipeline's last stage before the writers).
pub fn attach(
    a: &mut Analysis,
    corpus: &Corpus,
    tc: &TokenizedCorpus,
    opts: &Options,
) -> crate::model::error::Result<()> {
    let mut lap = Timer::new("  groups.");
    let (group_by, labels) = labels(&corpus.documents, opts.group_by.as_deref(), opts.period)
        .map_err(crate::model::error::Error::Usage)?;
    let (names, idx) = index(&labels);
    let mut cmp = compare(&a.articles, &a.frames, &names, &idx, &group_by, opts.seed);
    lap.lap("compare");
    let counts = keyness::stem_counts(tc);
    let mut comparisons = Vec::new();
    let mut notes = Vec::new();
    // As in the differences: articles without a group are no outlet, so
    // they are neither a group of keyness nor part of "the rest".
    let named = names.len() - usize::from(names.last().is_some_and(|n| n == NO_GROUP));
    if named >= 2 && named < names.len() {
        let keep: Vec<usize> = (0..idx.len()).filter(|&i| idx[i] < named).collect();
        let sub: Vec<_> = keep.iter().map(|&i| counts[i].clone()).collect();
        let sub_idx: Vec<usize> = keep.iter().map(|&i| idx[i]).collect();
        comparisons.extend(keyness::compare(
            tc,
            &sub,
            &sub_idx,
            &names[..named],
            "group",
        ));
    } else if named >= 2 {
        comparisons.extend(keyness::compare(tc, &counts, &idx, &names, "group"));
    }
    if named >= 2 {
        if let Some(note) = keyness::own_names_note(&comparisons) {
            notes.push(note);
        }
    } else {
        notes.push("There is only one group, so keyness compares the clusters only.".to_string());
    }
    match &a.clustering {
        Some(c) if c.k >= 2 && c.assignments.len() == idx.len() => {
            let cl: Vec<usize> = c.assignments.iter().map(|x| x.cluster).collect();
            let k = cl.iter().max().map_or(0, |m| m + 1);
            let cnames: Vec<String> = (0..k).map(|i| format!("Cluster {}", i + 1)).collect();
            comparisons.extend(keyness::compare(tc, &counts, &cl, &cnames, "cluster"));
        }
        _ => notes.push(
            "There are no clusters (fewer than 3 articles), so no cluster is compared.".to_string(),
        ),
    }
    if comparisons.is_empty() {
        cmp.notes
            .push("No keyness comparison was possible.".to_string());
    }
    a.keyness = Some(Keyness {
        method: "Dunning's log-likelihood G2 (signed: negative = under-represented), p-value from chi-square with 1 df, Hardie's log ratio log2((a/c)/(b/d)) with zero counts replaced by 0.5; counts of non-stop stems".into(),
        min_freq: keyness::MIN_FREQ,
        top: keyness::TOP,
        comparisons,
        notes,
    });
    lap.lap("keyness");
    let texts: Vec<&str> = corpus.documents.iter().map(|d| d.text.as_str()).collect();
    let runs = collocations::runs(&texts, tc);
    lap.lap("runs");
    let items = if names.len() >= 2 {
        collocations::top_partition(&runs, &idx, &names, tc)
    } else {
        let all: Vec<usize> = (0..texts.len()).collect();
        collocations::top(&runs, &all, tc, "all")
    };
    a.collocations = Some(Collocations {
        measure: collocations::MEASURE.into(),
        min_freq: collocations::MIN_FREQ,
        top: collocations::TOP,
        method: "word forms within one sentence, not across punctuation or numbers; no sequence starts or ends with a stop word; G2 on the 2x2 table of the pair (trigrams: the smaller G2 of their two splits); only pairs seen more often than expected".into(),
        items,
    });
    lap.lap("collocations");
    // The timeline's group lines follow the comparison's groups; articles
    // without one, and grouping by date, give none.
    let by_date = group_by.starts_with("date (");
    let line_groups: Vec<Option<&str>> = idx
        .iter()
        .map(|&g| (!by_date && names[g] != NO_GROUP && names[g] != ALL).then(|| names[g].as_str()))
        .collect();
    a.timeline = timeline::timeline(&a.articles, &a.frames, opts.period, &line_groups);
    lap.lap("timeline");
    a.groups = Some(cmp);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_group_by_lists_each_column_once() {
        let mut d = Document::default();
        d.meta.insert("date".into(), "2024-01-01".into());
        d.meta.insert("outlet".into(), "x".into());
        d.date = Some("2024-01-01".into());
        d.group = Some("x".into());
        let err = labels(&[d], Some("nosuch"), Period::Month).unwrap_err();
        assert!(err.ends_with("(available: group, date, outlet)"), "{err}");
    }

    /// From a tester: `--group-by date` with no dated article put every
    /// article in one group without a word, and the list of what to group
    /// by named "group" and "date", which no article had.
    #[test]
    fn grouping_by_what_no_article_has_is_an_error() {
        let mut d = Document::default();
        d.meta.insert("outlet".into(), "x".into());
        let undated = [d.clone(), Document::default()];
        let err = labels(&undated, Some("date"), Period::Month).unwrap_err();
        assert!(
            err.starts_with("--group-by date: no article has a date (")
                && err.ends_with("(available: outlet)"),
            "{err}"
        );
        let err = labels(&undated, Some("nosuch"), Period::Month).unwrap_err();
        assert!(err.ends_with("(available: outlet)"), "{err}");
        let err = labels(&undated, Some("group"), Period::Month).unwrap_err();
        assert!(
            err.starts_with("--group-by group: no article has a group"),
            "{err}"
        );
        // A date frame cannot read is said to be one.
        d.unread_date = Some("05.03.2024".into());
        let err = labels(&[d], Some("period"), Period::Month).unwrap_err();
        assert!(
            err.contains("no article has a date frame can read (1 has one"),
            "{err}"
        );
        let err = labels(&[Document::default()], Some("x"), Period::Month).unwrap_err();
        assert!(
            err.ends_with("(no article has a group, a date or a metadata column)"),
            "{err}"
        );
        // Without --group-by, articles without a group are one group, as before.
        assert!(labels(&undated, None, Period::Month).is_ok());
        let dated = Document {
            date: Some("2024-03-05".into()),
            ..Default::default()
        };
        let (_, l) = labels(&[dated, Document::default()], Some("date"), Period::Month).unwrap();
        assert_eq!(l, [Some("2024-03".to_string()), None]);
    }

    /// From a review: articles without a group were compared as if they
    /// were an outlet, "(none) vs the rest".
    #[test]
    fn articles_without_a_group_are_not_compared() {
        let art = |group: Option<&str>, w: usize| ArticleResult {
            group: group.map(String::from),
            words: w,
            ..Default::default()
        };
        let articles: Vec<ArticleResult> = (0..12)
            .map(|i| art([Some("herald"), Some("post"), None][i % 3], 100 + i))
            .collect();
        let labels: Vec<Option<String>> = articles.iter().map(|a| a.group.clone()).collect();
        let (names, idx) = index(&labels);
        let frames = vec!["threat".to_string()];
        let c = compare(&articles, &frames, &names, &idx, "group", 1);
        assert_eq!(c.groups.len(), 3);
        assert!(!c.differences.is_empty());
        assert!(c
            .differences
            .iter()
            .all(|d| d.group_a != NO_GROUP && d.group_b != NO_GROUP));
        // Two named groups: compared with each other, not each with the rest,
        // and that one pair is the comparison: no pairs apart from it.
        assert!(c.differences.iter().all(|d| d.group_b == "post"));
        assert!(c.pairs.is_empty());
        assert!(
            c.notes.iter().any(|n| n.starts_with(
                "4 articles without a group (no subfolder, outlet or value in the group column) are shown as (none)"
            )),
            "{:?}",
            c.notes
        );
    }

    /// Pairs are of named groups only: "(none)" is no outlet to pair.
    #[test]
    fn pairs_leave_out_articles_without_a_group() {
        let articles: Vec<ArticleResult> = (0..16)
            .map(|i| ArticleResult {
                group: [Some("herald"), Some("post"), Some("times"), None][i % 4].map(String::from),
                words: 100 + i,
                ..Default::default()
            })
            .collect();
        let labels: Vec<Option<String>> = articles.iter().map(|a| a.group.clone()).collect();
        let (names, idx) = index(&labels);
        let c = compare(&articles, &["threat".to_string()], &names, &idx, "group", 1);
        assert_eq!(c.groups.len(), 4);
        // 3 named groups: 3 pairs x (threat, sentiment).
        let pairs: Vec<(&str, &str)> = c
            .pairs
            .iter()
            .map(|p| (p.difference.group_a.as_str(), p.difference.group_b.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("herald", "post"),
                ("herald", "post"),
                ("herald", "times"),
                ("herald", "times"),
                ("post", "times"),
                ("post", "times"),
            ]
        );
        assert_eq!(crate::model::pairs::family(&c.pairs), 6);
    }

    /// From a review: renaming the files (so the articles came in another
    /// order) changed the groups' intervals. The same texts under other
    /// names and in another order give the same comparison, bit for bit,
    /// also with two articles of one text (a tie of the content key).
    #[test]
    fn renaming_or_reordering_the_articles_keeps_the_comparison() {
        let frames = vec!["threat".to_string(), "reassurance".to_string()];
        let art = |k: usize, group: &str, id: String| ArticleResult {
            id,
            group: Some(group.into()),
            words: 100 + k,
            // Text k's hash and scores: the same k, the same text.
            sha256: format!("{:064x}", (k as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)),
            frames: frames
                .iter()
                .enumerate()
                .map(|(f, name)| crate::model::FrameScore {
                    frame: name.clone(),
                    hits: ((k * (f + 3)) % 7) as f64,
                    per_1k: ((k * (f + 3)) % 7) as f64 * 1000.0 / (100 + k) as f64,
                    ..Default::default()
                })
                .collect(),
            sentiment: crate::model::SentimentSummary {
                compound: (k % 5) as f64 / 5.0 - 0.4,
                ..Default::default()
            },
            ..Default::default()
        };
        // Texts 0..24, text 3 twice in the herald; groups by k % 3.
        let texts: Vec<usize> = (0..24).chain([3]).collect();
        let group = |k: usize| ["herald", "post", "times"][k % 3];
        let before: Vec<ArticleResult> = texts
            .iter()
            .enumerate()
            .map(|(i, &k)| art(k, group(k), format!("a{i:02}.txt")))
            .collect();
        // Other names, and the order they sort in is another: reversed, then
        // rotated so the two copies of text 3 change places too.
        let mut after: Vec<ArticleResult> = texts
            .iter()
            .enumerate()
            .rev()
            .map(|(i, &k)| art(k, group(k), format!("renamed-{}.txt", 97 * i % 31)))
            .collect();
        after.rotate_left(7);
        let run = |articles: &[ArticleResult]| {
            let labels: Vec<Option<String>> = articles.iter().map(|a| a.group.clone()).collect();
            let (names, idx) = index(&labels);
            let c = compare(articles, &frames, &names, &idx, "group", 42);
            (
                serde_json::to_string(&c.groups).unwrap(),
                serde_json::to_string(&c.differences).unwrap(),
            )
        };
        let (groups, differences) = run(&before);
        assert!(groups.contains("ci_low"), "{groups}");
        assert_eq!(run(&after), (groups, differences));
    }

    #[test]
    fn groups_are_sorted_with_none_last() {
        let l = |s: &[Option<&str>]| s.iter().map(|x| x.map(String::from)).collect::<Vec<_>>();
        let (names, idx) = index(&l(&[Some("b"), None, Some("a"), Some("b")]));
        assert_eq!(names, vec!["a", "b", NO_GROUP]);
        assert_eq!(idx, vec![1, 2, 0, 1]);
        let (names, idx) = index(&l(&[None, None]));
        assert_eq!(names, vec![ALL]);
        assert_eq!(idx, vec![0, 0]);
    }

    #[test]
    fn bootstrap_is_seeded_and_brackets_the_mean() {
        let rows: Vec<Vec<f64>> = (0..30).map(|i| vec![(i % 7) as f64, i as f64]).collect();
        let m = vec!["a".to_string(), "b".to_string()];
        let x = summarise(&rows, &m, 7, "g", 2000);
        let y = summarise(&rows, &m, 7, "g", 2000);
        let z = summarise(&rows, &m, 8, "g", 2000);
        for j in 0..2 {
            assert_eq!(x[j].ci_low, y[j].ci_low);
            assert_eq!(x[j].ci_high, y[j].ci_high);
            let (lo, hi) = (x[j].ci_low.unwrap(), x[j].ci_high.unwrap());
            assert!(lo < x[j].mean && x[j].mean < hi, "{lo} {} {hi}", x[j].mean);
        }
        assert_ne!(
            x[1].ci_low, z[1].ci_low,
            "another seed gives other resamples"
        );
        // Mean of 0..29 is 14.5; sd = sqrt(77.5); the standard error is ~1.61,
        // so the 95 % interval is about 14.5 +- 3.2.
        assert!((x[1].mean - 14.5).abs() < 1e-12);
        assert!((x[1].sd.unwrap() - 77.5f64.sqrt()).abs() < 1e-9);
        let half = (x[1].ci_high.unwrap() - x[1].ci_low.unwrap()) / 2.0;
        assert!((2.6..3.8).contains(&half), "{half}");
        // One article: a mean, but no spread.
        let one = summarise(&rows[..1], &m, 7, "g", 2000);
        assert_eq!(one[0].sd, None);
        assert_eq!(one[0].ci_low, None);
    }

    #[test]
    fn percentile_interpolates() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&v, 0.5), 3.0);
        assert_eq!(percentile(&v, 0.25), 2.0);
        assert!((percentile(&v, 0.1) - 1.4).abs() < 1e-12);
    }
}
