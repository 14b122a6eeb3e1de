//! The frame scores: the frames table with its bootstrap intervals, and
//! threat against reassurance.

use super::builder::{code, doc, em, score, strong, t, table, Builder, MAX_ROWS};
use crate::lexicon::validity::reassurance_found_share;
use crate::model::{REASSURANCE, THREAT};
use crate::report::cautions;
use crate::report::charts::{frames, threat};
use crate::report::document::{Block, Cell};
use crate::report::format::{hits, int, per_1k, signed2};

impl<'a> Builder<'a> {
    /// The "Frames" section.
    pub(super) fn frames(&mut self) {
        self.heading(2, "Frames");
        let has = self.chart(&frames::CHART);
        let a = self.a;
        let window = a.parameters.negation_window;
        self.explain(vec![
            strong("How to read this. "),
            t(match (has, frames::shows_means_of(a)) {
                (true, Some("group")) => "Each row of the chart is a group of articles, as compared in Comparing groups (the mean of its articles' scores; the first row is all articles), each column a frame: a family of words read from a lexicon file (listed in the Method section), such as words of threat or of economic concern. The number in each cell (and its colour: stronger means more) is how many words from that frame's list the articles use ",
                (true, Some(_)) => "Each row of the chart is a cluster of articles (the mean of its articles' scores; the first row is all articles), each column a frame: a family of words read from a lexicon file (listed in the Method section), such as words of threat or of economic concern. The number in each cell (and its colour: stronger means more) is how many words from that frame's list the articles use ",
                (true, None) => "Each row of the chart is an article, each column a frame: a family of words read from a lexicon file (listed in the Method section), such as words of threat or of economic concern. The number in each cell (and its colour: stronger means more) is how many words from that frame's list the article uses ",
                (false, _) => "Each column of the table of every article's scores (in the appendix) is a frame: a family of words read from a lexicon file (listed in the Method section), such as words of threat or of economic concern. The number in each cell is how many words from that frame's list the article uses ",
            }),
            strong("per 1,000 words"),
            t(", so long and short articles can be compared fairly: 5.0 means five matching words per 1,000, or one every 200 words. In the appendix table of every article's scores, the number in brackets is the count of matches, each with its entry's weight (a few strong entries, such as “massacre”, count twice). "),
            t(format!(
                "A reassurance entry preceded within {} words by a negation (“not under control”) counts as threat; a negated word of any other frame (“never afraid”) is not counted. Reassuring denials (“no threat to the public”, “no one was hurt”) are phrases of the reassurance list; a reassurance entry after if, until, whether or hope (“until it is safe”), or in a question, is not counted. ",
                window
            )),
            t("A high score means the vocabulary is there, not how it is used (a report can quote a threat in order to dismiss it). Scores resting on one or two matches are fragile: check the brackets and the Evidence section."),
        ]);
        self.cautions(&frames::CHART);
        if a.frames.is_empty() {
            self.para(vec![t(
                "No frame lexicons were loaded, so there are no frame scores.",
            )]);
            return;
        }
        if a.articles.is_empty() {
            return;
        }
        let max = a
            .articles
            .iter()
            .flat_map(|x| x.frames.iter().map(|f| f.per_1k))
            .filter(|v| v.is_finite())
            .fold(0.0_f64, f64::max);
        let mut header: Vec<String> = vec!["#".into(), "Article".into(), "Words".into()];
        header.extend(a.frames.iter().cloned());
        let rows = a
            .articles
            .iter()
            .enumerate()
            .take(MAX_ROWS)
            .map(|(i, art)| {
                let mut r = vec![
                    Cell::num((i + 1).to_string()),
                    self.article_cell(i),
                    Cell::num(int(art.words)),
                ];
                for f in &a.frames {
                    r.push(match score(art, f) {
                        Some(s) => {
                            let c = Cell::num(format!("{} ({})", per_1k(s.per_1k), hits(s.hits)));
                            if max > 0.0 {
                                c.shaded(s.per_1k / max)
                            } else {
                                c
                            }
                        }
                        None => Cell::num("n/a"),
                    });
                }
                r
            })
            .collect();
        let numeric: Vec<usize> = std::iter::once(0).chain(2..header.len()).collect();
        let header_ref: Vec<&str> = header.iter().map(|s| s.as_str()).collect();
        self.appendix(
            "Frame scores by article",
            "Every article's scores, with the number of matches and their 95% intervals:",
        );
        self.push(Block::Table(table(&header_ref, &numeric, rows)));
        self.para(vec![em(
            "Cells: score per 1,000 words (weighted matches in brackets).",
        )]);
        self.truncated(MAX_ROWS, a.articles.len(), "articles", "frames.csv");
        self.frame_intervals();
        self.end_appendix();
    }

    /// The 95% bootstrap intervals of the frame scores, with how to read them.
    pub(super) fn frame_intervals(&mut self) {
        let a = self.a;
        let Some(tbl) = cautions::interval_table(a, |i| self.article_cell(i), MAX_ROWS) else {
            return;
        };
        self.para(vec![
            strong("How sure are these scores? "),
            t(format!(
                "The table below gives a 95% interval for each score (per 1,000 words). frame re-drew each article's sentences at random, with replacement, {} times (seed {}), recomputed the score each time, and kept the middle 95% of the results (a percentile bootstrap over sentences). A wide interval means the score rests on a few sentences; an interval reaching 0 means it may rest on one. Where two articles' intervals do not overlap, their scores clearly differ; where they overlap, the difference is not shown either way (frame tests differences between groups, not between two single articles). The interval covers only which sentences an article happens to contain, not the lexicon's own errors (check those with ",
                int(a.parameters.bootstrap_resamples),
                a.parameters.seed
            )),
            code("frame sample"),
            t(" and "),
            code("frame agree"),
            t("). Articles with fewer than two sentences have none (n/a)."),
        ]);
        self.push(Block::Table(tbl));
        self.truncated(MAX_ROWS, a.articles.len(), "articles", "frames.csv");
    }

    /// The "Threat versus reassurance" section, when the run has both frames or the chart.
    pub(super) fn threat_reassurance(&mut self) {
        let both = self.has_frame(THREAT) && self.has_frame(REASSURANCE);
        if !both && !self.has_chart(&threat::CHART) {
            return;
        }
        self.heading(2, "Threat versus reassurance");
        self.chart(&threat::CHART);
        self.explain(vec![
            strong("How to read this. "),
            t("For each article, threat vocabulary (danger, violence, fear …) is set against reassurance vocabulary (safety, calm, control …), both in matching words "),
            strong("per 1,000 words"),
            t(". The "),
            strong("balance"),
            t(" is "),
            code("(threat - reassurance) / (threat + reassurance)"),
            t(": +1 means only threat words, -1 only reassurance words, 0 an even mix; an article with neither has no balance (n/a in the appendix, empty in articles.csv), and is not an even mix. The balance ignores how many words matched: an article with one threat word and no reassurance word scores +1, just like one with fifty. Read it together with the per-1,000 scores and the hit counts."),
        ]);
        let builtin_reassurance = self
            .a
            .lexicons
            .iter()
            .any(|l| l.name == REASSURANCE && l.builtin);
        if both && builtin_reassurance {
            self.explain(vec![
                strong("Balances lean towards threat. "),
                t(format!("In news about a danger, the default reassurance list finds only about {} of the sentences that reassure (the project's coded samples, ", reassurance_found_share())),
                doc("docs/validity-reassurance-sample.md"),
                t("): most reassurance is worded in ways no list of stock phrases holds. A reassurance score of 0 does not mean the article does not reassure. Compare balances between articles of the same kind rather than reading the sign as an article's stance."),
            ]);
        }
        self.cautions(&threat::CHART);
        if !both {
            self.para(vec![t("The lexicons used in this run do not include both a threat and a reassurance frame, so no balance table can be given.")]);
            return;
        }
        let a = self.a;
        if a.articles.is_empty() {
            return;
        }
        let rows = a
            .articles
            .iter()
            .enumerate()
            .take(MAX_ROWS)
            .map(|(i, art)| {
                let th = score(art, THREAT);
                let re = score(art, REASSURANCE);
                let b = art.threat_balance;
                let lean = if b.is_none()
                    || th.map(|s| s.hits).unwrap_or(0.0) + re.map(|s| s.hits).unwrap_or(0.0) <= 0.0
                {
                    "neither"
                } else if b.is_some_and(|b| b > 1e-9) {
                    "threat"
                } else if b.is_some_and(|b| b < -1e-9) {
                    "reassurance"
                } else {
                    "even"
                };
                let lean = match lean {
                    "threat" | "reassurance" if crate::report::cautions::lean_unclear(art) => {
                        format!("{lean} (not clear)")
                    }
                    _ => lean.to_string(),
                };
                vec![
                    Cell::num((i + 1).to_string()),
                    self.article_cell(i),
                    Cell::num(th.map(|s| per_1k(s.per_1k)).unwrap_or_else(|| "n/a".into())),
                    Cell::num(th.map(|s| hits(s.hits)).unwrap_or_else(|| "n/a".into())),
                    Cell::num(re.map(|s| per_1k(s.per_1k)).unwrap_or_else(|| "n/a".into())),
                    Cell::num(re.map(|s| hits(s.hits)).unwrap_or_else(|| "n/a".into())),
                    Cell::num(b.map_or_else(|| "n/a".to_string(), signed2)),
                    Cell::text(lean),
                ]
            })
            .collect();
        self.appendix(
            "Threat and reassurance by article",
            "Each article's threat and reassurance scores, matches and balance. A lean is \"not clear\" when the 95% interval of threat minus reassurance (per 1,000 words, the article's sentences resampled) includes 0 (articles.csv gives the interval):",
        );
        self.push(Block::Table(table(
            &[
                "#",
                "Article",
                "Threat per 1,000",
                "Threat hits",
                "Reassurance per 1,000",
                "Reassurance hits",
                "Balance",
                "Leans to",
            ],
            &[0, 2, 3, 4, 5, 6],
            rows,
        )));
        self.truncated(MAX_ROWS, a.articles.len(), "articles", "articles.csv");
        self.end_appendix();
    }
}
