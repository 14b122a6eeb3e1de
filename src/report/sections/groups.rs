//! Report sections for comparing groups: group means with confidence
//! intervals, keyness and collocations (the timeline is `timeline.rs`).

use super::builder::{code, strong, t, table, Builder, MAX_ROWS};
use crate::model::findings::{Finding, DIFFERENCE};
use crate::model::numbers::p_value;
use crate::model::KeynessComparison;
use crate::report::charts;
use crate::report::document::{Block, Cell, Table};
use crate::report::format::{count, fixed, group_decimals, group_mean, int, printed_difference};

/// Key terms per direction shown in a report table (keyness.csv has all).
const KEY_TERMS_SHOWN: usize = 10;
/// Collocations shown per scope and length.
const COLLOCATIONS_SHOWN: usize = 10;

/// "mean [low, high]", each with the mean's decimals
/// ([`group_decimals`], the rule `groups.png` labels its bars by); just the
/// mean when there is no interval.
fn mean_ci(measure: &str, mean: f64, lo: Option<f64>, hi: Option<f64>) -> String {
    let d = group_decimals(measure, mean);
    match (lo, hi) {
        (Some(l), Some(h)) => format!("{} [{}, {}]", fixed(mean, d), fixed(l, d), fixed(h, d)),
        _ => fixed(mean, d),
    }
}

impl<'a> Builder<'a> {
    /// "Comparing groups", "Key terms", "Collocations" and "Frames over time".
    pub(super) fn group_sections(&mut self) {
        // Each starts in the report (the one before may have ended in the appendix).
        for section in [
            Self::group_means,
            Self::keyness,
            Self::collocations,
            Self::timeline,
        ] {
            self.end_appendix();
            section(self);
        }
    }

    fn group_means(&mut self) {
        let Some(g) = self.a.groups.as_ref() else {
            return;
        };
        self.heading(2, "Comparing groups");
        self.chart(&charts::groups::CHART);
        self.explain(vec![
            strong("How to read this. "),
            t("Articles are put in groups (by default the first-level subfolder, e.g. one folder per outlet; or the column picked with "),
            code("--group-by"),
            t("). The first table gives, for each group, the number of articles and, for each frame, the mean score per 1,000 words followed by its 95% confidence interval in brackets, [low, high]; the last row is the mean sentiment (−1 to +1). The interval is a bootstrap: the group's articles were resampled with replacement "),
            t(int(g.resamples)),
            t(" times (seed "),
            t(g.seed.to_string()),
            t(if g.groups.len() >= 2 {
                "), and the interval holds the middle 95% of the resampled means. Do not compare two groups by whether their intervals overlap: the table of differences below gives each difference with its own interval, and says whether it is a finding. Each measure's standard deviation within each group is in the appendix and in "
            } else {
                "), and the interval holds the middle 95% of the resampled means. With one group, the table gives the means of all articles. Each measure's standard deviation is in the appendix and in "
            }),
            code("groups.csv"),
            t("."),
        ]);
        if !g.notes.is_empty() {
            self.push(Block::List(
                g.notes.iter().map(|n| vec![t(n.clone())]).collect(),
            ));
        }
        let mut header: Vec<String> = vec!["Group".into(), "Articles".into()];
        header.extend(g.measures.iter().map(|m| m.replace('_', " ")));
        // One row per group: its name, its size, then one cell per measure.
        let rows_of = |cell: &dyn Fn(&crate::model::MeasureSummary) -> String| -> Vec<Vec<Cell>> {
            g.groups
                .iter()
                .map(|gr| {
                    let mut row = vec![Cell::text(gr.name.clone()), Cell::num(int(gr.articles))];
                    row.extend(gr.stats.iter().map(|s| Cell::num(cell(s))));
                    row
                })
                .collect()
        };
        let rows = rows_of(&|s| mean_ci(&s.measure, s.mean, s.ci_low, s.ci_high));
        let hdr: Vec<&str> = header.iter().map(String::as_str).collect();
        let numeric: Vec<usize> = (1..hdr.len()).collect();
        let means = table(&hdr, &numeric, rows);
        self.push(Block::Table(if g.groups.len() <= MAX_GROUP_COLUMNS {
            transpose(&means)
        } else {
            means
        }));
        self.differences();
        self.group_pairs();
        self.group_clusters();
        self.appendix(
            "Spread within groups",
            "How much the articles of each group differ from one another:",
        );
        self.para(vec![t(
            "Standard deviation of each measure within each group:",
        )]);
        let sd_rows = rows_of(&|s| {
            s.sd.filter(|v| v.is_finite())
                .map(|v| group_mean(&s.measure, v))
                .unwrap_or_else(|| "n/a".into())
        });
        self.push(Block::Table(table(&hdr, &numeric, sd_rows)));
    }

    fn keyness(&mut self) {
        let Some(k) = self.a.keyness.as_ref() else {
            return;
        };
        self.heading(2, "Key terms (keyness)");
        self.chart(&charts::keyness::CHART);
        self.explain(vec![
            strong("How to read this. "),
            t("Keyness compares how often a group uses a word with how often all other articles use it, as AntConc and quanteda do. "),
            strong("G2"),
            t(" (Dunning's log-likelihood) ranks the words by how far their use departs from the rest, counting both size and frequency: above 3.84 means p < 0.05, above 10.83 p < 0.001, but these p-values treat every word as independent (one article repeating a name counts many times) and thousands of words are tested, so read G² as a ranking, not a test of each word; it is negative when the group uses the word less. "),
            strong("Log ratio"),
            t(" (Hardie 2014) says how big the difference is: +1 = twice as frequent in the group, +2 = four times, −1 = half as frequent (a zero count is counted as 0.5, so the ratio stays finite). The raw counts and the number of the group's articles that use the word (AntConc's range) are always given: a large G2 on a word used by one article is a fact about that article, not the group. Words are stems without stop words, shown in their most frequent form; only words used at least "),
            t(k.min_freq.to_string()),
            t(" times are listed. The full lists (up to "),
            t(k.top.to_string()),
            t(" words each way per group and per cluster) are in "),
            code("keyness.csv"),
            t("."),
        ]);
        if !k.notes.is_empty() {
            self.push(Block::List(
                k.notes.iter().map(|n| vec![t(n.clone())]).collect(),
            ));
        }
        let comps: Vec<&KeynessComparison> = k.comparisons.iter().collect();
        if !comps.is_empty() {
            self.appendix(
                "Key terms by group and cluster",
                "The key terms of each group and cluster with their counts, G2, log ratio and p:",
            );
        }
        for c in comps {
            let what = if c.by == "cluster" {
                "cluster"
            } else {
                "group"
            };
            self.heading(
                3,
                &format!(
                    "{} ({what}, {} article{})",
                    c.group,
                    int(c.articles),
                    if c.articles == 1 { "" } else { "s" }
                ),
            );
            self.para(vec![t(format!(
                "{} non-stop words in the {what}, {} in the rest.",
                int(c.tokens_group),
                int(c.tokens_rest)
            ))]);
            let rows: Vec<Vec<Cell>> = c
                .terms
                .iter()
                .filter(|x| x.g2 > 0.0)
                .take(KEY_TERMS_SHOWN)
                .chain(c.terms.iter().filter(|x| x.g2 < 0.0).take(KEY_TERMS_SHOWN))
                .map(|x| {
                    vec![
                        Cell::text(if x.g2 > 0.0 { "more" } else { "less" }),
                        Cell::text(x.term.clone()),
                        Cell::num(int(x.freq_group)),
                        Cell::num(int(x.freq_rest)),
                        Cell::num(format!("{} of {}", int(x.articles_group), int(c.articles))),
                        Cell::num(fixed(x.g2, 2)),
                        Cell::num(fixed(x.log_ratio, 2)),
                        Cell::num(p_value(x.p_value)),
                    ]
                })
                .collect();
            if rows.is_empty() {
                self.para(vec![t("No word reaches the minimum frequency.")]);
                continue;
            }
            self.push(Block::Table(table(
                &[
                    "Used",
                    "Term",
                    "Count in group",
                    "Count in rest",
                    "Articles using it",
                    "G2",
                    "Log ratio",
                    "p",
                ],
                &[2, 3, 4, 5, 6, 7],
                rows,
            )));
        }
    }

    fn collocations(&mut self) {
        let Some(c) = self.a.collocations.as_ref() else {
            return;
        };
        // Lists of word pairs are for browsing, not for the printed report.
        self.in_appendix = true;
        self.heading(2, "Collocations");
        self.explain(vec![
            strong("How to read this. "),
            t("Two- and three-word sequences that occur together more often than the frequencies of their words predict (“armed police”, “no-go areas”), scored with Dunning's log-likelihood G2 (higher = more strongly bound). A sequence never crosses a sentence end, punctuation or a number; no sequence begins or ends with a stop word, though one may sit in the middle (“war on terror”); a three-word sequence gets the weaker score of its two joints. Only sequences seen at least "),
            t(c.min_freq.to_string()),
            t(" times are listed. Per group lists and up to "),
            t(c.top.to_string()),
            t(" sequences each are in "),
            code("collocations.csv"),
            t("."),
        ]);
        let mut scopes: Vec<&str> = Vec::new();
        for x in &c.items {
            if !scopes.contains(&x.scope.as_str()) {
                scopes.push(&x.scope);
            }
        }
        if scopes.is_empty() {
            self.para(vec![t(
                "No sequence occurs often enough to be listed (the corpus is small).",
            )]);
            return;
        }
        for scope in scopes {
            let rows: Vec<Vec<Cell>> = [2usize, 3]
                .iter()
                .flat_map(|&n| {
                    c.items
                        .iter()
                        .filter(move |x| x.scope == scope && x.n == n)
                        .take(COLLOCATIONS_SHOWN)
                })
                .map(|x| {
                    vec![
                        Cell::text(x.ngram.clone()),
                        Cell::num(x.n.to_string()),
                        Cell::num(int(x.freq)),
                        Cell::num(fixed(x.score, 1)),
                    ]
                })
                .collect();
            let title = if scope == "all" {
                "All articles".to_string()
            } else {
                format!("Group: {scope}")
            };
            self.heading(3, &title);
            self.push(Block::Table(table(
                &["Sequence", "Words", "Frequency", "G2"],
                &[1, 2, 3],
                rows,
            )));
        }
    }

    /// Articles per group per cluster (`group_clusters.csv`): whether the
    /// groups are also topics, as the findings' caution measures it. Groups
    /// are columns up to [`MAX_GROUP_COLUMNS`] (the cluster labels, long,
    /// down the side); with more groups, or more than
    /// [`MAX_CLUSTER_ROWS`] clusters, the table goes to the appendix with
    /// groups as rows.
    fn group_clusters(&mut self) {
        let Some(gc) = crate::stats::topic_overlap::group_clusters(self.a) else {
            return;
        };
        let Some(clustering) = self.a.clustering.as_ref() else {
            return;
        };
        let totals: Vec<usize> = gc.counts.iter().map(|r| r.iter().sum()).collect();
        let cell = |g: usize, c: usize| {
            let n = gc.counts[g][c];
            let share = if totals[g] > 0 {
                n as f64 * 100.0 / totals[g] as f64
            } else {
                0.0
            };
            Cell::num(format!("{} ({}%)", int(n), fixed(share, 0)))
        };
        let cluster_name =
            |c: usize| format!("Cluster {}: {}", c + 1, clustering.clusters[c].label);
        let ungrouped = self.a.articles.iter().filter(|r| r.group.is_none()).count();
        let v = gc
            .cramers_v()
            .map(|v| format!("Cramér's V between group and cluster is {} (0: the groups spread over the clusters alike; 1: each group is its own cluster; {} or more is strong). ", fixed(v, 2), crate::stats::topic_overlap::STRONG_V))
            .unwrap_or_default();
        let lead = vec![
            strong("Groups and clusters. "),
            t(format!("How many of each group's articles fall in each cluster (in brackets, the share of the group's articles; also in group_clusters.csv). {v}Where a group sits mostly in one cluster, a difference between groups may be one of topic rather than of framing.{}", if ungrouped > 0 { format!(" The {} without a group are left out.", count(ungrouped, "article", "articles")) } else { String::new() })),
        ];
        let large =
            gc.groups.len() > MAX_GROUP_COLUMNS || clustering.clusters.len() > MAX_CLUSTER_ROWS;
        let mut header: Vec<String>;
        let rows: Vec<Vec<Cell>>;
        if large {
            header = vec!["Group".into(), "Articles".into()];
            header.extend((0..clustering.clusters.len()).map(cluster_name));
            rows = gc
                .groups
                .iter()
                .enumerate()
                .take(MAX_ROWS)
                .map(|(g, name)| {
                    [Cell::text(name.to_string()), Cell::num(int(totals[g]))]
                        .into_iter()
                        .chain((0..clustering.clusters.len()).map(|c| cell(g, c)))
                        .collect()
                })
                .collect();
        } else {
            header = vec!["Cluster".into()];
            header.extend(gc.groups.iter().map(|g| g.to_string()));
            rows = (0..clustering.clusters.len())
                .map(|c| {
                    std::iter::once(Cell::text(cluster_name(c)))
                        .chain((0..gc.groups.len()).map(|g| cell(g, c)))
                        .collect()
                })
                .chain(std::iter::once(
                    std::iter::once(Cell::text("Articles"))
                        .chain(totals.iter().map(|&n| Cell::num(int(n))))
                        .collect(),
                ))
                .collect();
        }
        let hdr: Vec<&str> = header.iter().map(String::as_str).collect();
        let numeric: Vec<usize> = (1..hdr.len()).collect();
        if large {
            self.appendix(
                "Groups and clusters",
                "Each group's articles per cluster (whether the groups are also topics) are in group_clusters.csv and in",
            );
        }
        self.para(lead);
        self.push(Block::Table(table(&hdr, &numeric, rows)));
        if large {
            self.truncated(MAX_ROWS, gc.groups.len(), "groups", "group_clusters.csv");
            self.end_appendix();
        }
    }

    /// The differences between groups (the same rows as the findings and
    /// findings.csv), findings first.
    fn differences(&mut self) {
        let items: Vec<&Finding> = self
            .a
            .findings
            .items
            .iter()
            .filter(|f| f.kind == DIFFERENCE)
            .collect();
        if items.is_empty() {
            return;
        }
        self.para(vec![
            strong("Differences between groups. "),
            t(self.a.findings.method.clone()),
            t(" Rows in bold are findings; the others cannot be told apart from chance in these articles. Effect size d is the difference over the articles' pooled standard deviation (about 0.2 small, 0.5 medium, 0.8 large; Cohen 1988). Holm p is the difference's p-value (normal approximation with the bootstrap standard error) corrected for every comparison in this table (Holm 1979): a finding with Holm p of 0.05 or more does not hold once the number of comparisons is taken into account."),
        ]);
        let rows: Vec<Vec<Cell>> = items
            .iter()
            .map(|f| {
                let d = crate::stats::findings::fitted_decimals(
                    &f.frame,
                    (f.value_a.unwrap_or(0.0), f.value_b.unwrap_or(0.0)),
                    f.difference.unwrap_or(0.0),
                    f.ci_low.zip(f.ci_high),
                );
                let o = |x: Option<f64>| x.map(|v| fixed(v, d)).unwrap_or_else(|| "n/a".into());
                let interval = match (f.ci_low, f.ci_high) {
                    (Some(lo), Some(hi)) => format!("[{}, {}]", fixed(lo, d), fixed(hi, d)),
                    _ => "n/a".into(),
                };
                let cells = vec![
                    Cell::text(f.frame.replace('_', " ")),
                    Cell::text(format!("{} vs {}", f.group_a, f.group_b)),
                    Cell::num(format!("{} vs {}", o(f.value_a), o(f.value_b))),
                    // That of the printed means, so that the row adds up.
                    Cell::num(match (f.value_a, f.value_b) {
                        (Some(x), Some(y)) => printed_difference(x, y, d),
                        _ => o(f.difference),
                    }),
                    Cell::num(interval),
                    Cell::num(f.effect_size.map_or_else(|| "n/a".into(), |e| fixed(e, 2))),
                    Cell::num(f.p_holm.map_or_else(|| "n/a".into(), p_value)),
                    Cell::text(match (f.is_finding, f.ci_low.zip(f.ci_high)) {
                        (true, _) if f.holds_corrected() => "yes",
                        (true, _) => "yes, not after correction",
                        (false, None) => "no (a group of 1 on a side)",
                        (false, Some((lo, hi))) if lo <= 0.0 && hi >= 0.0 => "no (includes 0)",
                        // An interval clear of 0 that is no finding: the
                        // difference rests on too few matches (the Findings
                        // give the counts).
                        (false, Some(_)) => "no (too few matches)",
                    }),
                ];
                if f.is_finding {
                    cells.into_iter().map(Cell::strong).collect()
                } else {
                    cells
                }
            })
            .collect();
        self.push(Block::Table(table(
            &[
                "Measure",
                "Groups",
                "Means",
                "Difference",
                "95% interval",
                "Effect size d",
                "Holm p",
                "Finding",
            ],
            &[2, 3, 4, 5, 6],
            rows,
        )));
    }
}

/// Groups shown as columns (a transposed table) up to this many.
const MAX_GROUP_COLUMNS: usize = 6;
/// Clusters shown as rows of the group × cluster table in the report up to
/// this many; past them (or past [`MAX_GROUP_COLUMNS`] groups) it goes to
/// the appendix.
const MAX_CLUSTER_ROWS: usize = 12;

/// The table with rows and columns swapped: the first column becomes the
/// header, so that a table with many measures grows down the page, not
/// across it.
fn transpose(t: &Table) -> Table {
    let mut header = vec![t.header.first().cloned().unwrap_or_default()];
    header.extend(
        t.rows
            .iter()
            .map(|r| r.first().map(|c| c.text.clone()).unwrap_or_default()),
    );
    let rows: Vec<Vec<Cell>> = (1..t.header.len())
        .map(|c| {
            std::iter::once(Cell::text(t.header[c].clone()))
                .chain(t.rows.iter().map(|r| r.get(c).cloned().unwrap_or_default()))
                .collect()
        })
        .collect();
    let numeric = (0..header.len()).map(|c| c > 0).collect();
    Table {
        header,
        numeric,
        rows,
    }
}
