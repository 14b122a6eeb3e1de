//! Lexicon coverage: how much of a corpus each category matches, and which
//! frequent words no lexicon matches, so a user can see what a dictionary
//! misses.
//!
//! * A category's **words** are the word tokens inside one of its matches
//!   (a phrase match covers all its words), whether or not negation later
//!   moved or dropped the hit; **share** = words / all word tokens of the
//!   corpus; **articles** = articles with at least one such token. The row
//!   `(any)` counts tokens matched by at least one category.
//! * **Unmatched words** are word forms of tokens no category matches, stop
//!   words left out, ranked by count (ties: alphabetical); share = count /
//!   all word tokens.

use crate::model::coverage::{CategoryCoverage, Coverage, WordCount, ANY, TOP_UNMATCHED};
use crate::scoring::FrameScorer;
use crate::text::tokens::TokenizedCorpus;
use rayon::prelude::*;

/// Coverage counts over a set of articles; the sets are added up (integer
/// sums, so in any order) instead of keeping a list per article, whose
/// memory grew with the corpus.
#[derive(Default)]
struct Tally {
    /// Tokens matched per category.
    words: Vec<usize>,
    /// Articles with a match per category.
    articles: Vec<usize>,
    /// Tokens matched by any category.
    any: usize,
    /// Articles with any match.
    any_articles: usize,
    /// (tokens, articles) of each unmatched non-stop surface id.
    unmatched: Vec<(usize, usize)>,
}

impl Tally {
    fn add(mut self, other: Tally) -> Tally {
        if self.unmatched.len() < other.unmatched.len() {
            return other.add(self);
        }
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a += b;
        }
        for (a, b) in self.articles.iter_mut().zip(&other.articles) {
            *a += b;
        }
        if self.words.is_empty() {
            self.words = other.words;
            self.articles = other.articles;
        }
        self.any += other.any;
        self.any_articles += other.any_articles;
        for (a, b) in self.unmatched.iter_mut().zip(&other.unmatched) {
            a.0 += b.0;
            a.1 += b.1;
        }
        self
    }
}

/// Computes coverage from the scorer's matches on the tokenised corpus;
/// `texts` are the articles' texts, in the corpus's order.
pub fn compute(scorer: &FrameScorer, tc: &TokenizedCorpus, texts: &[&str]) -> Coverage {
    let mut lap = crate::platform::timing::Timer::new("  groups.");
    let names = scorer.names();
    let nc = names.len();
    let vocab = &tc.vocab;
    // A few chunks per thread: each holds one count per vocabulary word.
    let chunk = tc
        .docs
        .len()
        .div_ceil(4 * rayon::current_num_threads())
        .max(256);
    let tally = tc
        .docs
        .par_chunks(chunk)
        .zip(texts.par_chunks(chunk))
        .map(|(docs, texts)| {
            let mut t = Tally {
                words: vec![0; nc],
                articles: vec![0; nc],
                unmatched: vec![(0, 0); vocab.surfaces.len()],
                ..Default::default()
            };
            let mut stamp: Vec<u32> = Vec::new();
            let mut words = vec![0usize; nc];
            let mut seen: Vec<u32> = vec![u32::MAX; vocab.surfaces.len()];
            for (d, (doc, text)) in docs.iter().zip(texts).enumerate() {
                let d = d as u32;
                let n = doc.tokens.len();
                let mut spans = scorer.match_ranges(text, doc, vocab);
                // By category (stable), so each category's matches are visited
                // together and a stamp per token tells whether this category has
                // already counted it.
                spans.sort_by_key(|m| m.0);
                stamp.clear();
                stamp.resize(n, 0);
                words.fill(0);
                for &(category, first, last) in &spans {
                    let c = category as u32 + 1;
                    for st in &mut stamp[first..=last.min(n.saturating_sub(1))] {
                        if *st != c {
                            *st = c;
                            words[category] += 1;
                        }
                    }
                }
                for ((tw, ta), &w) in t.words.iter_mut().zip(&mut t.articles).zip(&words) {
                    *tw += w;
                    *ta += usize::from(w > 0);
                }
                let any = stamp.iter().filter(|&&st| st != 0).count();
                t.any += any;
                t.any_articles += usize::from(any > 0);
                // An article counts once per word: `seen` holds the last
                // article (of this chunk) that counted it, instead of sorting
                // each article's words.
                for (tok, &st) in doc.tokens.iter().zip(&stamp) {
                    let id = tok.surface as usize;
                    if st == 0 && !vocab.surface_stop[id] {
                        let u = &mut t.unmatched[id];
                        u.0 += 1;
                        if seen[id] != d {
                            seen[id] = d;
                            u.1 += 1;
                        }
                    }
                }
            }
            t
        })
        .reduce(Tally::default, Tally::add);
    let total: usize = tc.docs.iter().map(|d| d.tokens.len()).sum();
    let share = |k: usize| {
        if total > 0 {
            k as f64 / total as f64
        } else {
            0.0
        }
    };
    let (cat_words, cat_articles) = if tally.words.is_empty() {
        (vec![0; nc], vec![0; nc])
    } else {
        (tally.words, tally.articles)
    };
    let mut categories: Vec<CategoryCoverage> = (0..nc)
        .map(|c| CategoryCoverage {
            category: names[c].clone(),
            words: cat_words[c],
            articles: cat_articles[c],
            share: share(cat_words[c]),
        })
        .collect();
    categories.push(CategoryCoverage {
        category: ANY.into(),
        words: tally.any,
        articles: tally.any_articles,
        share: share(tally.any),
    });
    let counts = tally.unmatched;
    let mut words: Vec<(usize, usize, &str)> = counts
        .iter()
        .enumerate()
        .filter(|(_, c)| c.0 > 0)
        .map(|(s, &(k, a))| (k, a, vocab.surfaces[s].as_str()))
        .collect();
    let unmatched_types = words.len();
    // Word forms are distinct, so the order is total.
    crate::text::topk::keep_first(&mut words, TOP_UNMATCHED, |a, b| {
        b.0.cmp(&a.0).then(a.2.cmp(b.2))
    });
    lap.lap("coverage");
    Coverage {
        words_total: total,
        categories,
        unmatched: words
            .into_iter()
            .take(TOP_UNMATCHED)
            .map(|(count, articles, w)| WordCount {
                word: w.to_string(),
                count,
                articles,
                share: share(count),
            })
            .collect(),
        unmatched_types,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Document;
    use crate::model::language::Language;
    use crate::text::filters::StopWords;

    #[test]
    fn shares_and_unmatched_words() {
        let lex = |name: &str, body: &str| {
            crate::lexicon::parse(&format!("# description: d\n{body}"), "x.txt", name).unwrap()
        };
        let lexicons = vec![
            lex("threat", "attack\nknife crime\n"),
            lex("reassurance", "safe\n"),
        ];
        let docs: Vec<Document> = [
            "Police said the knife crime attack was not safe. Police patrol.",
            "Police patrol the park. Residents feel safe.",
        ]
        .iter()
        .map(|t| Document {
            text: t.to_string(),
            ..Default::default()
        })
        .collect();
        let en = Language::english();
        let tc = crate::text::tokens::tokenize_corpus(&docs, &en, &StopWords::new(en.stop_words()));
        let scorer = FrameScorer::new(&lexicons, &tc.vocab, &en, 3);
        let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
        let c = compute(&scorer, &tc, &texts);
        assert_eq!(c.words_total, 18);
        let rows: Vec<(&str, usize, usize)> = c
            .categories
            .iter()
            .map(|r| (r.category.as_str(), r.words, r.articles))
            .collect();
        // "not safe" is still a reassurance match for coverage.
        assert_eq!(rows, [("threat", 3, 1), ("reassurance", 2, 2), (ANY, 5, 2)]);
        assert!((c.categories[2].share - 5.0 / 18.0).abs() < 1e-12);
        let top: Vec<(&str, usize, usize)> = c
            .unmatched
            .iter()
            .take(3)
            .map(|w| (w.word.as_str(), w.count, w.articles))
            .collect();
        assert_eq!(top, [("police", 3, 2), ("patrol", 2, 2), ("feel", 1, 1)]);
        // Stop words ("the", "was", "not") never appear.
        assert!(c
            .unmatched
            .iter()
            .all(|w| !["the", "was", "not"].contains(&w.word.as_str())));
        assert_eq!(c.unmatched_types, 6); // police patrol said park residents feel
    }
}
