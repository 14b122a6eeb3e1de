//! "Frames over time": the timeline chart, the periods one group wrote most
//! of, each group's own line, and the table of periods.

use super::builder::{code, strong, t, table, Builder, MAX_ROWS};
use crate::model::Timeline;
use crate::report::charts;
use crate::report::charts::timeline_groups::{panel_frames, FEW_ARTICLES};
use crate::report::document::{Block, Cell, Inline};
use crate::report::format::{count, fixed, int};

/// Dominated periods named in the report (analysis.json has all).
const PERIODS_NAMED: usize = 5;

impl<'a> Builder<'a> {
    /// "Frames over time": the pooled chart, who wrote in each period, each
    /// group's own line and the table of periods.
    pub(super) fn timeline(&mut self) {
        let Some(tl) = self.a.timeline.as_ref() else {
            return;
        };
        self.heading(2, "Frames over time");
        self.chart(&charts::timeline::CHART);
        let mut ex: Vec<Inline> = vec![
            strong("How to read this. "),
            t(format!(
                "Articles are placed by their date (front matter, a YYYY-MM-DD in the file name, a date column or the metadata file) into {}s (change with ",
                tl.period
            )),
            code("--period week|month|year"),
            t(format!(
                "). For each period, each frame's share is its matching words divided by all frame words in that period's articles, so the lines show how the mix of frames shifts, not how much is written. Periods with few articles swing easily: a hollow marker is a {} with at most {} articles. The counts are in the table and in ",
                tl.period,
                FEW_ARTICLES - 1
            )),
            code("timeline.csv"),
            t("."),
        ];
        if tl.undated > 0 || !tl.unreadable_dates.is_empty() {
            // Named, so that the dates can be corrected in those files.
            const NAMED: usize = 10;
            let ids: Vec<&str> = tl
                .unreadable_dates
                .iter()
                .take(NAMED)
                .map(String::as_str)
                .collect();
            let named = if ids.is_empty() {
                String::new()
            } else {
                format!(
                    ": {}{}",
                    ids.join(", "),
                    if tl.unreadable_dates.len() > NAMED {
                        ", ..."
                    } else {
                        ""
                    }
                )
            };
            let parts: Vec<String> = [
                (tl.undated > 0).then(|| {
                    format!(
                        "{} without a date",
                        count(tl.undated, "article", "articles")
                    )
                }),
                (!tl.unreadable_dates.is_empty()).then(|| {
                    format!(
                        "{} whose date could not be read{named}",
                        count(tl.unreadable_dates.len(), "article", "articles")
                    )
                }),
            ]
            .into_iter()
            .flatten()
            .collect();
            ex.push(t(format!(
                " Left out: {} (frame reads YYYY-MM-DD, YYYY-MM and YYYY, and dates written out as 5 March 2024 or March 5, 2024; a day the month does not have, such as 2017-02-30, is not read; the run's warnings say where the first of them are, by file and, in a table, by line; articles.csv gives every article's date).",
                parts.join(" and ")
            )));
        }
        self.explain(ex);
        self.dominated_periods(tl);
        self.group_lines(tl);
        let mut header: Vec<String> = vec!["Period".into(), "Articles".into()];
        header.extend(tl.frames.iter().map(|f| f.replace('_', " ")));
        let rows: Vec<Vec<Cell>> = tl
            .points
            .iter()
            .take(MAX_ROWS)
            .map(|p| {
                let mut row = vec![Cell::text(p.period.clone()), Cell::num(int(p.articles))];
                row.extend(p.shares.iter().map(|s| {
                    Cell::num(
                        s.map(|v| format!("{}%", fixed(v * 100.0, 0)))
                            .unwrap_or("–".into()),
                    )
                }));
                row
            })
            .collect();
        let hdr: Vec<&str> = header.iter().map(String::as_str).collect();
        let numeric: Vec<usize> = (1..hdr.len()).collect();
        self.appendix(
            "Frames over time by period",
            "Each period's articles and frame shares:",
        );
        self.push(Block::Table(table(&hdr, &numeric, rows)));
    }

    /// Names the periods one group wrote most of: there the pooled lines
    /// may move with the source, not the framing.
    fn dominated_periods(&mut self, tl: &Timeline) {
        if tl.dominated_periods.is_empty() {
            return;
        }
        let list: Vec<String> = tl
            .dominated_periods
            .iter()
            .take(PERIODS_NAMED)
            .map(|d| match (d.group_articles, d.articles) {
                (1, 1) => format!("{} (its one article from {})", d.period, d.group),
                (g, n) if g == n => {
                    format!("{} (all {} articles from {})", d.period, int(n), d.group)
                }
                (g, n) => format!(
                    "{} ({} of its {} articles from {})",
                    d.period,
                    int(g),
                    int(n),
                    d.group
                ),
            })
            .collect();
        let more = tl.dominated_periods.len().saturating_sub(PERIODS_NAMED);
        let mut list = list;
        if more > 0 {
            list.push(count(more, "more period", "more periods"));
        }
        let listed = match list.split_last() {
            Some((last, init)) if !init.is_empty() => format!("{} and {last}", init.join(", ")),
            _ => list.concat(),
        };
        let by_group = if tl.groups.is_empty() {
            "analyse that group's articles on their own"
        } else {
            "the chart by group below, or timeline_groups.csv"
        };
        self.para(vec![
            strong("Who wrote in each period. "),
            t(format!(
                "In {listed}, one group wrote {} of the articles, although it wrote under half of the corpus: a jump of the lines there may show a change of source rather than of framing. Follow each group over time ({by_group}) before reading a trend across sources.",
                if tl.dominated_periods.iter().all(|d| d.group_articles == d.articles) { "all" } else { "most or all" },
            )),
        ]);
    }

    /// Each group's own line (`timeline_groups.png`), with how to read it.
    fn group_lines(&mut self, tl: &Timeline) {
        if tl.groups.is_empty() || !self.chart(&charts::timeline_groups::CHART) {
            return;
        }
        let frames: Vec<String> = panel_frames(tl)
            .iter()
            .map(|&f| tl.frames[f].replace('_', " "))
            .collect();
        let few = FEW_ARTICLES - 1;
        self.explain(vec![
            strong("How to read this. "),
            t(format!(
                "One line per group: the mean {} score per 1,000 words of the group's articles in each {}, the same mean as in the group table, so a group's line moves only with its own articles. A hollow marker is a {} in which the group has at most {few} articles. Every group and frame, with the number of articles behind each mean: ",
                frames.join(" and "),
                tl.period,
                tl.period,
            )),
            code("timeline_groups.csv"),
            t("."),
        ]);
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{example, DominatedPeriod, GroupLine, PeriodPoint, Timeline};
    use crate::report::document::Block;

    fn report_text(a: &crate::model::Analysis, charts: &[&str]) -> String {
        super::super::build(a, charts)
            .blocks
            .iter()
            .map(|b| match b {
                Block::Para(p) | Block::Explain(p) => p.iter().map(|i| i.text()).collect(),
                _ => String::new(),
            })
            .collect::<Vec<String>>()
            .join("\n")
    }

    #[test]
    fn periods_of_one_source_are_named_and_group_lines_explained() {
        let mut a = example(6);
        let point = |p: &str, n| PeriodPoint {
            period: p.into(),
            articles: n,
            shares: vec![None; a.frames.len()],
            mean_per_1k: vec![None; a.frames.len()],
        };
        let dom = |p: &str, g, n| DominatedPeriod {
            period: p.into(),
            group: "daily".into(),
            group_articles: g,
            articles: n,
        };
        a.timeline = Some(Timeline {
            period: "month".into(),
            frames: a.frames.clone(),
            points: vec![point("2017-01", 5), point("2017-02", 4)],
            dominated_periods: vec![dom("2017-01", 4, 5), dom("2017-02", 4, 4)],
            ..Default::default()
        });
        let text = report_text(&a, &["timeline.png"]);
        assert!(
            text.contains("In 2017-01 (4 of its 5 articles from daily) and 2017-02 (all 4 articles from daily), one group wrote most or all of the articles"),
            "{text}"
        );
        assert!(
            text.contains("(analyse that group's articles on their own)"),
            "{text}"
        );
        assert!(
            !text.contains("One line per group"),
            "no group lines, no chart"
        );
        // With group lines and their chart: the chart is read and pointed to.
        a.timeline.as_mut().unwrap().groups = vec![GroupLine {
            group: "daily".into(),
            articles: vec![4, 4],
            mean_per_1k: vec![vec![None; a.frames.len()]; 2],
        }];
        let text = report_text(&a, &["timeline.png", "timeline_groups.png"]);
        assert!(
            text.contains("(the chart by group below, or timeline_groups.csv)"),
            "{text}"
        );
        assert!(
            text.contains(
                "One line per group: the mean threat and reassurance score per 1,000 words"
            ),
            "{text}"
        );
        assert!(text.contains("at most 2 articles"), "{text}");
    }
}
