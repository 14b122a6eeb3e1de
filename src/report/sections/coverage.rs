//! What the lexicons match and miss.

use super::builder::{code, strong, t, table, Builder};
use crate::report::document::{Block, Cell};
use crate::report::format::{fixed, int};

impl<'a> Builder<'a> {
    /// What the lexicons match and miss, for refining a dictionary.
    pub(super) fn coverage(&mut self) {
        let c = &self.a.coverage;
        if c.words_total == 0 {
            return;
        }
        self.heading(2, "Lexicon coverage");
        self.para(vec![
            t("How much of the corpus each lexicon category matches, and the most frequent words that no category matches. Use it to see what a dictionary misses: a frequent unmatched word that belongs to a category is a candidate entry (check it in context with "),
            code("frame kwic WORD"),
            t(" first). The full table is in "),
            code("coverage.csv"),
            t("."),
        ]);
        self.explain(vec![
            strong("Words"),
            t(" counts the word tokens inside a category's matches (a phrase covers all its words), including matches that negation later moved or dropped; "),
            strong("share"),
            t(" divides by all "),
            t(int(c.words_total)),
            t(" word tokens of the corpus. "),
            code(crate::model::coverage::ANY),
            t(" counts words matched by at least one category. Unmatched words leave out stop words."),
        ]);
        let rows = c
            .categories
            .iter()
            .map(|r| {
                vec![
                    Cell::text(&r.category),
                    Cell::num(int(r.words)),
                    Cell::num(format!("{}%", fixed(r.share * 100.0, 2))),
                    Cell::num(int(r.articles)),
                ]
            })
            .collect();
        self.push(Block::Table(table(
            &["Category", "Words", "Share", "Articles"],
            &[1, 2, 3],
            rows,
        )));
        if c.unmatched.is_empty() {
            return;
        }
        const SHOWN: usize = 20;
        self.para(vec![strong("Most frequent unmatched words")]);
        let rows = c
            .unmatched
            .iter()
            .take(SHOWN)
            .map(|w| {
                vec![
                    Cell::text(&w.word),
                    Cell::num(int(w.count)),
                    Cell::num(int(w.articles)),
                ]
            })
            .collect();
        self.push(Block::Table(table(
            &["Word", "Count", "Articles"],
            &[1, 2],
            rows,
        )));
        let kept = c.unmatched.len();
        self.truncated(
            SHOWN.min(kept),
            kept,
            "unmatched words kept",
            "coverage.csv",
        );
    }
}
