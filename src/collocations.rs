//! Collocations: two- and three-word sequences ("armed police", "war on
//! terror") that occur together more often than their words' frequencies
//! predict, overall and per group.
//!
//! **Which sequences count.** Words are the normalised word forms (lower
//! case, possessive "'s" removed; not stemmed, so "armed police" and "arm
//! police" stay apart). A sequence never crosses a sentence boundary, nor
//! punctuation or a number, URL or e-mail between two words ("police, armed"
//! is not a sequence; "officer's gun" is). Hyphenated words are one word
//! ("no-go areas" is a two-word sequence). **Stop words**: no sequence may
//! start or end with a stop word (the `--lang` list plus `--stopwords`); a
//! stop word may sit in the middle of a three-word sequence ("war on terror").
//!
//! **Score: Dunning's log-likelihood G2** on the 2x2 table of a bigram
//! (w1, w2) over all eligible bigram positions N of the scope:
//! `O11 = f(w1 w2)`, `O12 = f(w1 _) - O11`, `O21 = f(_ w2) - O11`,
//! `O22 = N - O11 - O12 - O21`, `E_ij = row_i * col_j / N`,
//! `G2 = 2 sum O_ij ln(O_ij / E_ij)`. Only sequences seen more often than
//! expected (O11 > E11) are listed. A trigram is scored on both of its splits,
//! (w1)(w2 w3) and (w1 w2)(w3), over trigram positions, and keeps the smaller
//! G2: it must hang together at both joints. Sequences seen fewer than
//! [`MIN_FREQ`] times in the scope are not listed (G2 over-rates rare events).

use crate::analysis::Collocation;
use crate::tokens::TokenizedCorpus;
use std::collections::HashMap;

/// Least frequency of a listed sequence in its scope.
pub const MIN_FREQ: usize = 3;
/// Sequences listed per scope and length.
pub const TOP: usize = 20;

/// The association measure's name, for outputs.
pub const MEASURE: &str = "G2";

/// Runs of adjacent word forms (surface ids) per article: a run breaks at
/// sentence ends and at anything but whitespace (or a possessive) between words.
pub fn runs(texts: &[&str], tc: &TokenizedCorpus) -> Vec<Vec<Vec<u32>>> {
    texts
        .iter()
        .zip(&tc.docs)
        .map(|(text, d)| {
            let mut out: Vec<Vec<u32>> = Vec::new();
            let mut cur: Vec<u32> = Vec::new();
            for (i, t) in d.tokens.iter().enumerate() {
                let joined = i > 0 && {
                    let p = &d.tokens[i - 1];
                    p.sentence == t.sentence && adjacent(text, p.start as usize, t.start as usize)
                };
                if !joined && !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                cur.push(t.surface);
            }
            if !cur.is_empty() {
                out.push(cur);
            }
            out
        })
        .collect()
}

/// Whether the word at byte `a` is followed directly by the word at `b`:
/// the text between is the first word (letters, digits, hyphens, apostrophes,
/// a possessive "'s") and then whitespace only.
fn adjacent(text: &str, a: usize, b: usize) -> bool {
    let Some(between) = text.get(a..b) else {
        return false;
    };
    let Some(ws) = between.find(char::is_whitespace) else {
        return false;
    };
    let (word, rest) = between.split_at(ws);
    word.chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '\u{2010}' | '\u{2011}'))
        && rest.chars().all(char::is_whitespace)
}

/// An n-gram of up to three word ids, padded with `u32::MAX` (no allocation per n-gram).
type Key = [u32; 3];

fn key(w: &[u32]) -> Key {
    let mut k = [u32::MAX; 3];
    k[..w.len()].copy_from_slice(w);
    k
}

fn ln_term(o: f64, e: f64) -> f64 {
    if o > 0.0 && e > 0.0 {
        o * (o / e).ln()
    } else {
        0.0
    }
}

/// G2 of a 2x2 table from the joint count, the two marginals and the total;
/// 0 when the pair is not seen more often than expected.
pub fn g2_pair(o11: f64, row: f64, col: f64, n: f64) -> f64 {
    if n <= 0.0 || o11 <= 0.0 {
        return 0.0;
    }
    let o12 = row - o11;
    let o21 = col - o11;
    let o22 = n - o11 - o12 - o21;
    let e = |r: f64, c: f64| r * c / n;
    let (r2, c2) = (n - row, n - col);
    if o11 <= e(row, col) {
        return 0.0;
    }
    2.0 * (ln_term(o11, e(row, col))
        + ln_term(o12, e(row, c2))
        + ln_term(o21, e(r2, col))
        + ln_term(o22, e(r2, c2)))
}

/// Top collocations of the articles `members` (indices into `runs`), labelled `scope`.
pub fn top(
    runs: &[Vec<Vec<u32>>],
    members: &[usize],
    tc: &TokenizedCorpus,
    scope: &str,
) -> Vec<Collocation> {
    let stop = &tc.vocab.surface_stop;
    let mut out = Vec::new();
    for n in [2usize, 3] {
        // Counts of every n-gram position (for marginals) and of the eligible ones.
        let mut grams: HashMap<Key, usize> = HashMap::new();
        let mut left: HashMap<Key, usize> = HashMap::new();
        let mut right: HashMap<Key, usize> = HashMap::new();
        let mut total = 0usize;
        for &i in members {
            for run in &runs[i] {
                for w in run.windows(n) {
                    total += 1;
                    *grams.entry(key(w)).or_default() += 1;
                    if n == 3 {
                        *left.entry(key(&w[..2])).or_default() += 1;
                        *right.entry(key(&w[1..])).or_default() += 1;
                    }
                }
            }
        }
        // Marginals of single first / last words, over the same positions.
        let mut first: HashMap<u32, usize> = HashMap::new();
        let mut last: HashMap<u32, usize> = HashMap::new();
        for (g, &c) in &grams {
            *first.entry(g[0]).or_default() += c;
            *last.entry(g[n - 1]).or_default() += c;
        }
        let nn = total as f64;
        let mut scored: Vec<(f64, usize, String)> = grams
            .iter()
            .filter(|(g, &c)| c >= MIN_FREQ && !stop[g[0] as usize] && !stop[g[n - 1] as usize])
            .filter_map(|(g, &c)| {
                let o = c as f64;
                let score = if n == 2 {
                    g2_pair(o, first[&g[0]] as f64, last[&g[1]] as f64, nn)
                } else {
                    let a = g2_pair(o, first[&g[0]] as f64, right[&key(&g[1..3])] as f64, nn);
                    let b = g2_pair(o, left[&key(&g[..2])] as f64, last[&g[2]] as f64, nn);
                    a.min(b)
                };
                let words: Vec<&str> = g[..n]
                    .iter()
                    .map(|&s| tc.vocab.surfaces[s as usize].as_str())
                    .collect();
                (score > 0.0).then(|| (score, c, words.join(" ")))
            })
            .collect();
        // Highest score first; ties by frequency then text, so the order is stable.
        scored.sort_by(|x, y| {
            y.0.total_cmp(&x.0)
                .then_with(|| y.1.cmp(&x.1))
                .then_with(|| x.2.cmp(&y.2))
        });
        out.extend(
            scored
                .into_iter()
                .take(TOP)
                .map(|(score, freq, ngram)| Collocation {
                    scope: scope.to_string(),
                    ngram,
                    n,
                    freq,
                    score,
                }),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::text::{filters::StopWords, Language};
    use crate::tokens::tokenize_corpus;

    fn corpus(texts: &[&str]) -> TokenizedCorpus {
        let docs: Vec<Document> = texts
            .iter()
            .map(|t| Document {
                text: t.to_string(),
                ..Default::default()
            })
            .collect();
        let en = Language::english();
        tokenize_corpus(&docs, &en, &StopWords::new(en.stop_words()))
    }

    #[test]
    fn runs_break_at_sentences_punctuation_and_numbers() {
        let t = "Armed police came. Police, armed too, said 2,500 officers' guns were here.";
        let tc = corpus(&[t]);
        let r = runs(&[t], &tc);
        let words = |run: &Vec<u32>| {
            run.iter()
                .map(|&s| tc.vocab.surfaces[s as usize].clone())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let got: Vec<String> = r[0].iter().map(words).collect();
        assert_eq!(
            got,
            vec![
                "armed police came",
                "police",
                "armed too",
                "said",
                "officers guns were here"
            ]
        );
    }

    #[test]
    fn planted_pair_is_found_and_stop_words_never_edge() {
        let mut texts = Vec::new();
        for i in 0..6 {
            texts.push(format!(
                "The armed police stood in the no-go areas of town {}. Residents of the war on terror era watched the armed police. Bakers sold bread and cakes.",
                ["north", "south", "east", "west", "centre", "harbour"][i]
            ));
        }
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let tc = corpus(&refs);
        let r = runs(&refs, &tc);
        let all: Vec<usize> = (0..refs.len()).collect();
        let c = top(&r, &all, &tc, "all");
        let bigrams: Vec<&str> = c
            .iter()
            .filter(|x| x.n == 2)
            .map(|x| x.ngram.as_str())
            .collect();
        assert!(bigrams.contains(&"armed police"), "{bigrams:?}");
        assert!(bigrams.contains(&"no-go areas"), "{bigrams:?}");
        let tri: Vec<&str> = c
            .iter()
            .filter(|x| x.n == 3)
            .map(|x| x.ngram.as_str())
            .collect();
        assert!(tri.contains(&"war on terror"), "{tri:?}");
        for x in &c {
            let w: Vec<&str> = x.ngram.split(' ').collect();
            for edge in [w[0], w[w.len() - 1]] {
                let id = tc.vocab.surface_id(edge).unwrap();
                assert!(!tc.vocab.surface_stop[id as usize], "{}", x.ngram);
            }
            assert!(x.freq >= MIN_FREQ);
        }
    }

    /// Hand computation: O11 = 10, row = 20, col = 10, N = 100 gives
    /// E = 2, 18, 8, 72 and G2 = 2 (10 ln 5 + 10 ln(10/18) + 0 + 80 ln(80/72)).
    #[test]
    fn g2_pair_by_hand() {
        let want =
            2.0 * (10.0 * 5f64.ln() + 10.0 * (10.0f64 / 18.0).ln() + 80.0 * (80.0f64 / 72.0).ln());
        assert!((g2_pair(10.0, 20.0, 10.0, 100.0) - want).abs() < 1e-9);
        assert_eq!(g2_pair(1.0, 50.0, 50.0, 100.0), 0.0, "below expectation");
    }
}
