//! The sentiment section.

use super::builder::{code, strong, t, table, Builder, MAX_ROWS};
use crate::report::charts::sentiment;
use crate::report::document::{Block, Cell};
use crate::report::format::score3;

impl<'a> Builder<'a> {
    /// The "Sentiment" section.
    pub(super) fn sentiment(&mut self) {
        self.heading(2, "Sentiment");
        let has = self.chart(&sentiment::CHART);
        let mut p = vec![
            strong("How to read this. "),
            t("Sentiment is measured with VADER (Hutto & Gilbert, 2014): a list of about 7,500 words rated from negative to positive, plus rules for negation (“not good”), intensifiers (“very”), capitals and exclamation marks. Each sentence gets a "),
            strong("compound"),
            t(" score from -1 (very negative) through 0 (neutral) to +1 (very positive), and the article's compound is the plain mean of its sentences' compounds, the headline counted as a sentence (one compound over a whole article would saturate towards ±1, so VADER's authors score sentences). "),
        ];
        if has {
            p.push(t("In the chart, bars run from the zero line: to the negative side for negative wording, to the positive side for positive wording; the longer the bar, the stronger the tone. "));
        }
        p.push(t("Positive, negative and neutral are the shares of the wording rated each way; they add up to about 1. Scores between about -0.05 and +0.05 are usually read as neutral."));
        self.explain(p);
        self.cautions(&sentiment::CHART);
        self.push(Block::Callout {
            title: "Sentiment on news about crime, war or disaster measures the topic as well as the tone".into(),
            items: vec![vec![
                t("VADER was built for social-media posts. It scores event words such as “killed”, “assault” or “flood” as strongly negative, and it has no entries for words like “police” or “armed”. A calm, factual report of a crime, a war or a disaster therefore scores negative: on such news, sentiment partly measures the "),
                strong("topic"),
                t(", not the outlet's "),
                strong("tone"),
                t(". Compare articles about the same event rather than reading one score on its own, and check individual sentences in "),
                code("sentences.csv"),
                t("."),
            ]],
        });
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
                let s = art.sentiment;
                vec![
                    Cell::num((i + 1).to_string()),
                    self.article_cell(i),
                    Cell::num(score3(s.compound)),
                    Cell::num(score3(s.positive)),
                    Cell::num(score3(s.negative)),
                    Cell::num(score3(s.neutral)),
                ]
            })
            .collect();
        self.appendix(
            "Sentiment by article",
            "Each article's compound, positive, negative and neutral scores:",
        );
        self.push(Block::Table(table(
            &[
                "#", "Article", "Compound", "Positive", "Negative", "Neutral",
            ],
            &[0, 2, 3, 4, 5],
            rows,
        )));
        self.truncated(MAX_ROWS, a.articles.len(), "articles", "articles.csv");
        self.end_appendix();
    }
}
