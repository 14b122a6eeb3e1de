//! The distinctive (TF-IDF) terms of each article.

use super::builder::{em, strong, t, table, Builder, MAX_ROWS, MAX_TERMS_PER_ARTICLE};
use crate::report::charts::terms;
use crate::report::document::{Block, Cell};
use crate::report::format::{int, score3};

impl<'a> Builder<'a> {
    /// The "Distinctive terms" section.
    pub(super) fn terms(&mut self) {
        self.heading(2, "Distinctive terms");
        self.chart(&terms::CHART);
        let a = self.a;
        self.explain(vec![
            strong("How to read this. "),
            t("TF-IDF ranks the words that are frequent in an article (term frequency) but rare across the other articles (inverse document frequency). Words every article uses, such as “police” in a set of crime stories, score low; words peculiar to one article score high. So these terms show what is "),
            em("distinctive"),
            t(" about an article or cluster, not what it is mostly about. Words are reduced to stems (“stabbed”, “stabbing” → “stab”) and shown in their most frequent form. Each article’s weights are scaled so that their squares add up to 1 (L2 normalisation), so a single weight is small (often 0.05 to 0.2) and only comparable with weights of the same run."),
        ]);
        self.cautions(&terms::CHART);
        let v = &a.vocabulary;
        self.para(vec![t(if v.types_kept == v.types_total {
            format!(
                "The corpus has {} words and {} distinct stems, all of them in the TF-IDF vocabulary: the frequency limits in the Method section removed none.",
                int(v.words_total),
                int(v.types_total)
            )
        } else {
            format!(
                "The corpus has {} words and {} distinct stems, of which {} were kept in the TF-IDF vocabulary after the frequency limits in the Method section.",
                int(v.words_total),
                int(v.types_total),
                int(v.types_kept)
            )
        })]);
        if a.articles.is_empty() {
            return;
        }
        let rows = a
            .articles
            .iter()
            .enumerate()
            .take(MAX_ROWS)
            .map(|(i, art)| {
                let terms: Vec<String> = art
                    .top_terms
                    .iter()
                    .take(MAX_TERMS_PER_ARTICLE)
                    .map(|ts| format!("{} ({})", ts.term, score3(ts.tfidf)))
                    .collect();
                vec![
                    Cell::num((i + 1).to_string()),
                    self.article_cell(i),
                    Cell::text(if terms.is_empty() {
                        "none".to_string()
                    } else {
                        terms.join(", ")
                    }),
                ]
            })
            .collect();
        self.appendix(
            "Distinctive terms by article",
            "Each article's top TF-IDF terms with their weights:",
        );
        self.push(Block::Table(table(
            &["#", "Article", "Top terms (TF-IDF weight)"],
            &[0],
            rows,
        )));
        self.truncated(MAX_ROWS, a.articles.len(), "articles", "terms.csv");
        self.end_appendix();
        if a.clustering.is_some() {
            self.para(vec![t(
                "Top terms per cluster are in the cluster table above.",
            )]);
        }
    }
}
