//! Per-chart cautions for fragile results, and the table of bootstrap
//! intervals of the frame scores. Each chart's registry entry names its
//! cautions, and the report places them beside the chart (the corpus-wide
//! notes stay at the top of the report).
//!
//! Thresholds, chosen to flag results that rest on a handful of words:
//! fewer than 20 articles (differences are about these texts only), fewer
//! than 5 frame matches in an article or in a whole frame column, fewer than
//! 3 threat and reassurance matches behind a balance, fewer than 5 sentences
//! behind a sentiment average, fewer than 150 words behind a similarity,
//! fewer than 10 articles behind clusters or IDF weights, and a mean
//! silhouette below 0.25 (Rousseeuw's "no substantial structure").
//!
//! The sentiment chart also gets, per article, a seeded bootstrap interval of
//! its sentiment (see [`crate::stats::bootstrap::sentiment_interval`]); an article whose 95% interval
//! runs from negative to positive is named, since its sign depends on which
//! few sentences it happens to contain.

use super::document::{Cell, Table};
use super::format::{fixed, int, score3};
use crate::model::{Analysis, ArticleResult, FrameScore};
use crate::model::{REASSURANCE, THREAT};

/// Most article numbers named in one caution.
const MAX_NAMED: usize = 8;

/// "#1, #3 and #4" (first few, then "and N more").
fn numbers(idx: &[usize]) -> String {
    let mut names: Vec<String> = idx
        .iter()
        .take(MAX_NAMED)
        .map(|i| format!("#{}", i + 1))
        .collect();
    if idx.len() > MAX_NAMED {
        names.push(format!("{} more", int(idx.len() - MAX_NAMED)));
    }
    match names.len() {
        0 => String::new(),
        1 => names.remove(0),
        _ => {
            let last = names.pop().unwrap_or_default();
            format!("{} and {}", names.join(", "), last)
        }
    }
}

fn has_verb(n: usize) -> &'static str {
    if n == 1 {
        "has"
    } else {
        "have"
    }
}

fn frame<'a>(art: &'a ArticleResult, name: &str) -> Option<&'a FrameScore> {
    art.frames.iter().find(|f| f.frame == name)
}

fn matching(a: &Analysis, keep: impl Fn(&ArticleResult) -> bool) -> Vec<usize> {
    a.articles
        .iter()
        .enumerate()
        .filter(|(_, art)| keep(art))
        .map(|(i, _)| i)
        .collect()
}

/// Plain-words cautions for a chart without any; the registry entry of every
/// chart names its cautions, and most charts have none.
pub fn none(_: &Analysis) -> Vec<String> {
    Vec::new()
}

/// What the rows of the frame heat map are, which a caution about thin
/// articles must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameRows {
    /// One row per article (a small corpus).
    Articles,
    /// Means over groups or clusters ("group", "cluster").
    MeansOf(&'static str),
    /// The articles with the most frame words only.
    MostFramed,
}

/// Cautions beside the frame heat map and table, whose rows are `rows`.
/// Empty when nothing looks fragile.
pub fn frames(a: &Analysis, rows: FrameRows) -> Vec<String> {
    let n = a.articles.len();
    let mut out = Vec::new();
    if n == 0 {
        return out;
    }
    if n < 20 {
        out.push(format!(
            "Only {n} article{}: a difference between two rows is a difference between these texts, not evidence of a pattern in the coverage.",
            if n == 1 { "" } else { "s" }
        ));
    }
    let thin = matching(a, |art| {
        art.frames.iter().map(|f| f.hits).sum::<f64>() < 5.0
    });
    if !thin.is_empty() {
        let one = thin.len() == 1;
        // When the chart's rows are group or cluster means, no row of it is
        // such an article's: its scores are in the appendix table and in
        // frames.csv, and it only weighs in its row's mean.
        let scores = format!(
            "{} scores (in the appendix table and in frames.csv) rest on a handful of words",
            if one { "its" } else { "their" },
        );
        let what = match rows {
            FrameRows::Articles => format!(
                "{} rest{} on a handful of words",
                if one { "its row" } else { "their rows" },
                if one { "s" } else { "" }
            ),
            FrameRows::MeansOf(kind) => format!(
                "{scores}, though {} as much as any other in its {kind}'s mean in the chart",
                if one { "it counts" } else { "each counts" },
            ),
            // The chart shows the articles with the most frame words, which
            // these are not.
            FrameRows::MostFramed => scores,
        };
        out.push(format!(
            "{} {} fewer than 5 frame matches in all: {what} (read them with their frame words marked, in the reader, or in evidence.csv).",
            numbers(&thin),
            has_verb(thin.len()),
        ));
    }
    let rare: Vec<&str> = a
        .frames
        .iter()
        .filter(|f| {
            a.articles
                .iter()
                .filter_map(|art| frame(art, f))
                .map(|s| s.hits)
                .sum::<f64>()
                < 5.0
        })
        .map(String::as_str)
        .collect();
    if !rare.is_empty() && n > 1 {
        out.push(format!(
            "{} {} fewer than 5 matches in the whole corpus: {} column{} only where one or two words fell.",
            rare.join(", "),
            has_verb(rare.len()),
            if rare.len() == 1 { "its" } else { "their" },
            if rare.len() == 1 { " shows" } else { "s show" }
        ));
    }
    let scores: Vec<&FrameScore> = a
        .articles
        .iter()
        .flat_map(|art| art.frames.iter())
        .filter(|f| f.per_1k > 0.0 && f.ci_low.is_some())
        .collect();
    let to_zero = scores
        .iter()
        .filter(|f| f.ci_low.is_some_and(|l| l <= 1e-9))
        .count();
    if to_zero > 0 {
        out.push(format!(
            "{} of the {} scores above zero have a 95% interval that reaches 0 (see the table of intervals in the appendix): they may rest on a single sentence.",
            int(to_zero),
            int(scores.len())
        ));
    }
    out
}

/// Whether the 95% interval of an article's threat minus reassurance holds
/// 0, so that which way it leans may rest on a few sentences. The
/// difference's own (paired) interval: two overlapping intervals do not
/// show that a difference is unclear.
pub(crate) fn lean_unclear(art: &crate::model::ArticleResult) -> bool {
    matches!(
        (art.threat_minus_reassurance_ci_low, art.threat_minus_reassurance_ci_high),
        (Some(lo), Some(hi)) if lo <= 0.0 && 0.0 <= hi
    )
}

/// Cautions beside threat against reassurance. Empty when nothing looks fragile.
pub fn threat_reassurance(a: &Analysis) -> Vec<String> {
    let n = a.articles.len();
    let mut out = Vec::new();
    if n == 0 {
        return out;
    }
    let few = matching(a, |art| {
        let h = frame(art, THREAT).map(|f| f.hits).unwrap_or(0.0)
            + frame(art, REASSURANCE).map(|f| f.hits).unwrap_or(0.0);
        h > 0.0 && h < 3.0
    });
    if !few.is_empty() {
        out.push(format!(
            "The balance of {} rests on fewer than 3 threat and reassurance words: one word more or less swings it.",
            numbers(&few)
        ));
    }
    let unclear = matching(a, |art| {
        art.threat_balance.is_some_and(|b| b.abs() > 1e-9) && lean_unclear(art)
    });
    if !unclear.is_empty() {
        out.push(format!(
            "For {}, the 95% interval of threat minus reassurance (per 1,000 words, sentences resampled) includes 0: the lean may rest on a few sentences, so read them (the reader marks them) before citing which way the article leans.",
            numbers(&unclear)
        ));
    }
    out
}

/// Cautions beside the sentiment chart. Empty when nothing looks fragile.
pub fn sentiment(a: &Analysis) -> Vec<String> {
    let n = a.articles.len();
    let mut out = Vec::new();
    if n == 0 {
        return out;
    }
    let short = matching(a, |art| art.sentences.len() < 5);
    if !short.is_empty() {
        out.push(format!(
            "{} {} fewer than 5 sentences: {} sentiment is an average of very few scores.",
            numbers(&short),
            has_verb(short.len()),
            if short.len() == 1 { "its" } else { "their" }
        ));
    }
    let resamples = a.parameters.bootstrap_resamples;
    // The interval stored by the bootstrap stage when there is one (drawing
    // the resamples again here would repeat the costliest per-article work);
    // the same seeded draw otherwise.
    let unsure = matching(a, |art| {
        art.sentiment_ci_low
            .zip(art.sentiment_ci_high)
            .or_else(|| {
                crate::stats::bootstrap::sentiment_interval(art, a.parameters.seed, resamples)
            })
            .is_some_and(|(lo, hi)| lo < 0.0 && hi > 0.0)
    });
    if !unsure.is_empty() {
        out.push(format!(
            "For {}, the 95% interval of the sentiment (resampling {} sentences) runs from negative to positive: whether {} reads as positive or negative depends on a few sentences.",
            numbers(&unsure),
            if unsure.len() == 1 { "its" } else { "their" },
            if unsure.len() == 1 { "it" } else { "each" }
        ));
    }
    if n < 20 {
        out.push(format!(
            "Only {n} article{}: differences in sentiment are differences between these texts, and VADER partly scores the topic (\"killed\", \"attack\" are negative however calmly told), so compare articles about the same event.",
            if n == 1 { "" } else { "s" }
        ));
    }
    out
}

/// Cautions beside the cluster map. Empty when nothing looks fragile.
pub fn clusters(a: &Analysis) -> Vec<String> {
    let n = a.articles.len();
    let mut out = Vec::new();
    if n == 0 {
        return out;
    }
    let Some(c) = &a.clustering else {
        return out;
    };
    if n < 10 {
        out.push(format!(
            "With {n} articles, each cluster holds one or a few articles: the grouping describes these texts; it does not show types of coverage."
        ));
    }
    if c.silhouette < 0.25 {
        out.push(format!(
            "The mean silhouette is {}: the clusters overlap, and another seed or number of clusters could group the articles differently.",
            score3(c.silhouette)
        ));
    }
    let single: Vec<String> = c
        .clusters
        .iter()
        .filter(|cl| cl.size == 1)
        .map(|cl| (cl.id + 1).to_string())
        .collect();
    if !single.is_empty() && single.len() < c.clusters.len() {
        out.push(format!(
            "Cluster{} {} hold{} a single article: {} an outlier, not a group.",
            if single.len() == 1 { "" } else { "s" },
            single.join(", "),
            if single.len() == 1 { "s" } else { "" },
            if single.len() == 1 {
                "it is"
            } else {
                "each is"
            }
        ));
    }
    out
}

/// Cautions beside the similarity matrix. Empty when nothing looks fragile.
pub fn similarity(a: &Analysis) -> Vec<String> {
    let n = a.articles.len();
    let mut out = Vec::new();
    if n == 0 {
        return out;
    }
    if a.clustering.is_none() {
        return out;
    }
    let short = matching(a, |art| art.words < 150);
    if !short.is_empty() {
        out.push(format!(
            "{} {} fewer than 150 words: {} similarity to other articles rests on few terms.",
            numbers(&short),
            has_verb(short.len()),
            if short.len() == 1 { "its" } else { "their" }
        ));
    }
    out
}

/// Cautions beside the top TF-IDF terms. Empty when nothing looks fragile.
pub fn terms(a: &Analysis) -> Vec<String> {
    let n = a.articles.len();
    let mut out = Vec::new();
    if n == 0 {
        return out;
    }
    if n == 1 {
        out.push("With one article, every word has the same IDF weight: the terms are simply its most frequent words.".into());
    } else if n < 10 {
        out.push(format!(
            "With {n} articles, a word found in one article only gets the top IDF weight, so the lists lean towards what a single article mentions (names, places), which may not be what it is about."
        ));
    }
    out
}

/// The 95% intervals of the frame scores, one row per article (first
/// `max_rows`), one "low–high" cell per frame; `None` when no interval was
/// computed. `short(i)` is the cell naming article `i`.
pub fn interval_table(
    a: &Analysis,
    short: impl Fn(usize) -> Cell,
    max_rows: usize,
) -> Option<Table> {
    let any = a
        .articles
        .iter()
        .any(|art| art.frames.iter().any(|f| f.ci_low.is_some()));
    if !any {
        return None;
    }
    let mut header: Vec<String> = vec!["#".into(), "Article".into()];
    header.extend(a.frames.iter().cloned());
    let numeric: Vec<bool> = (0..header.len()).map(|c| c != 1).collect();
    let rows = a
        .articles
        .iter()
        .enumerate()
        .take(max_rows)
        .map(|(i, art)| {
            let mut r = vec![Cell::num((i + 1).to_string()), short(i)];
            for f in &a.frames {
                r.push(Cell::num(
                    match frame(art, f).and_then(|s| s.ci_low.zip(s.ci_high)) {
                        Some((lo, hi)) => format!("{}–{}", fixed(lo, 1), fixed(hi, 1)),
                        None => "n/a".into(),
                    },
                ));
            }
            r
        })
        .collect();
    Some(Table {
        header,
        numeric,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example;

    #[test]
    fn numbers_are_listed_readably() {
        assert_eq!(numbers(&[0]), "#1");
        assert_eq!(numbers(&[0, 2]), "#1 and #3");
        assert_eq!(numbers(&[0, 1, 2]), "#1, #2 and #3");
        assert_eq!(
            numbers(&(0..10).collect::<Vec<_>>()),
            "#1, #2, #3, #4, #5, #6, #7, #8 and 2 more"
        );
    }

    /// From a real-input review: with 150 articles the chart's rows are
    /// outlets, yet the caution spoke of the thin articles' rows.
    #[test]
    fn thin_articles_are_not_called_rows_of_a_chart_of_group_means() {
        let mut a = example(30);
        for f in &mut a.articles[1].frames {
            f.hits = 0.0;
        }
        let said = |rows: FrameRows| frames(&a, rows).join("\n");
        let lead = "#2 has fewer than 5 frame matches in all: ";
        let per_article = said(FrameRows::Articles);
        assert!(
            per_article.contains(&format!("{lead}its row rests on a handful of words")),
            "{per_article}"
        );
        let scores =
            "its scores (in the appendix table and in frames.csv) rest on a handful of words";
        let top_rows = said(FrameRows::MostFramed);
        assert!(
            top_rows.contains(&format!("{lead}{scores} (")),
            "{top_rows}"
        );
        let grouped = said(FrameRows::MeansOf("group"));
        assert!(
            grouped.contains(&format!("{lead}{scores}, though it counts as much as any other in its group's mean in the chart")),
            "{grouped}"
        );
    }

    #[test]
    fn small_corpora_get_cautions_beside_each_chart() {
        let mut a = example(5);
        // Article 2 has almost no frame hits.
        for f in &mut a.articles[1].frames {
            f.hits = 0.0;
            f.per_1k = 0.0;
        }
        a.articles[1].frames[0].hits = 1.0;
        a.articles[1].frames[0].per_1k = 2.0;
        a.articles[1].frames[0].ci_low = Some(0.0);
        let frames = frames(&a, FrameRows::Articles).join("\n");
        assert!(frames.contains("Only 5 articles"), "{frames}");
        assert!(
            frames.contains("#2 has fewer than 5 frame matches"),
            "{frames}"
        );
        assert!(frames.contains("reaches 0"), "{frames}");
        let terms = terms(&a).join("\n");
        assert!(terms.contains("With 5 articles"), "{terms}");
        let clusters = clusters(&a).join("\n");
        assert!(clusters.contains("With 5 articles"), "{clusters}");
        // The example's articles have one sentence each.
        let senti = sentiment(&a);
        assert!(senti[0].contains("fewer than 5 sentences"), "{senti:?}");
        assert!(
            senti.iter().any(|c| c.contains("Only 5 articles")),
            "{senti:?}"
        );
    }

    /// The lean caution reads the difference's paired interval, not whether
    /// the two frames' own intervals overlap.
    #[test]
    fn an_unclear_lean_is_one_whose_difference_interval_holds_zero() {
        let mut a = example(3);
        for art in &mut a.articles {
            art.threat_balance = Some(0.3);
            for f in &mut art.frames {
                f.hits = 10.0;
                // Every frame's interval overlaps every other's.
                (f.ci_low, f.ci_high) = (Some(1.0), Some(40.0));
            }
            art.threat_minus_reassurance_ci_low = Some(2.0);
            art.threat_minus_reassurance_ci_high = Some(9.0);
        }
        assert!(
            threat_reassurance(&a).is_empty(),
            "{:?}",
            threat_reassurance(&a)
        );
        a.articles[1].threat_minus_reassurance_ci_low = Some(-1.5);
        let c = threat_reassurance(&a);
        assert_eq!(c.len(), 1, "{c:?}");
        assert!(
            c[0].starts_with("For #2, the 95% interval of threat minus reassurance"),
            "{c:?}"
        );
        // An article with no lean (balance 0) is not named.
        a.articles[1].threat_balance = Some(0.0);
        assert!(threat_reassurance(&a).is_empty());
    }

    #[test]
    fn sentiment_interval_is_seeded_and_flags_mixed_articles() {
        let mut a = example(30);
        a.parameters.bootstrap_resamples = 500;
        let s0 = a.articles[0].sentences[0].clone();
        let sentence = |v: f64| {
            let mut s = s0.clone();
            s.text = "Words here.".into();
            s.sentiment = v;
            s
        };
        for art in &mut a.articles {
            // Steadily negative: the interval stays below zero.
            art.sentences = (0..10).map(|i| sentence(-0.5 - 0.01 * i as f64)).collect();
        }
        // Article 3 swings between strongly negative and positive sentences.
        a.articles[2].sentences = [0.9, -0.9, 0.8, -0.8, 0.1, -0.1]
            .iter()
            .map(|&v| sentence(v))
            .collect();
        let (lo, hi) = crate::stats::bootstrap::sentiment_interval(&a.articles[2], 7, 500).unwrap();
        assert!(lo < 0.0 && hi > 0.0 && lo >= -0.9 && hi <= 0.9, "{lo} {hi}");
        assert_eq!(
            crate::stats::bootstrap::sentiment_interval(&a.articles[2], 7, 500),
            Some((lo, hi)),
            "same seed, same interval"
        );
        let (lo0, hi0) =
            crate::stats::bootstrap::sentiment_interval(&a.articles[0], 7, 500).unwrap();
        assert!(hi0 < 0.0 && lo0 <= hi0, "{lo0} {hi0}");
        let senti = sentiment(&a);
        assert_eq!(senti.len(), 1, "{senti:?}");
        assert!(
            senti[0].starts_with("For #3, the 95% interval"),
            "{senti:?}"
        );
        // One sentence, or no resamples: no interval.
        a.articles[0].sentences.truncate(1);
        assert_eq!(
            crate::stats::bootstrap::sentiment_interval(&a.articles[0], 7, 500),
            None
        );
        assert_eq!(
            crate::stats::bootstrap::sentiment_interval(&a.articles[2], 7, 0),
            None
        );
    }

    #[test]
    fn a_large_solid_corpus_gets_none() {
        let mut a = example(30);
        for art in &mut a.articles {
            art.words = 800;
            for f in &mut art.frames {
                f.hits = 20.0;
                f.per_1k = 25.0;
                f.ci_low = Some(10.0);
                f.ci_high = Some(40.0);
            }
            // Threat clearly above reassurance.
            art.frames[0].ci_low = Some(45.0);
            art.frames[0].ci_high = Some(60.0);
            art.threat_balance = Some(0.2);
            art.threat_minus_reassurance_ci_low = Some(5.0);
            art.threat_minus_reassurance_ci_high = Some(30.0);
            art.sentences = (0..10).map(|_| art.sentences[0].clone()).collect();
        }
        if let Some(c) = &mut a.clustering {
            c.silhouette = 0.6;
        }
        type Cautions = fn(&Analysis) -> Vec<String>;
        let each: [(&str, Cautions); 5] = [
            ("frames", |a| frames(a, FrameRows::Articles)),
            ("threat_reassurance", threat_reassurance),
            ("sentiment", sentiment),
            ("similarity", similarity),
            ("terms", terms),
        ];
        for (name, cautions) in each {
            assert!(cautions(&a).is_empty(), "{name}: {:?}", cautions(&a));
        }
    }

    #[test]
    fn interval_table_has_a_cell_per_frame() {
        let a = example(3);
        let t = interval_table(&a, |i| Cell::text(format!("a{i}")), 50).unwrap();
        assert_eq!(t.header.len(), 2 + a.frames.len());
        assert!(t.rows.iter().all(|r| r.len() == t.header.len()));
        assert!(t.rows[0][2].text.contains('–'));
        let mut none = example(3);
        for art in &mut none.articles {
            for f in &mut art.frames {
                f.ci_low = None;
                f.ci_high = None;
            }
        }
        assert!(interval_table(&none, |i| Cell::text(format!("a{i}")), 50).is_none());
    }
}
