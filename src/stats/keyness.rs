//! Keyness: which terms a group of articles uses more (or less) than the rest
//! of the corpus, as AntConc, quanteda and Rayson's log-likelihood calculator
//! report it.
//!
//! Counts are of non-stop stems, the tokens TF-IDF uses (before `--min-df` /
//! `--max-df` pruning). For a term with count `a` in the group and `b` in the
//! rest, where the group has `c` tokens and the rest `d`:
//!
//! - **G2** (Dunning 1993; Rayson & Garside 2000), no continuity correction:
//!   `E1 = c (a + b) / (c + d)`, `E2 = d (a + b) / (c + d)`,
//!   `G2 = 2 (a ln(a / E1) + b ln(b / E2))`, with `0 ln 0 = 0`. It is reported
//!   **signed**, as quanteda does: negative when the term is relatively rarer
//!   in the group (`a / c < b / d`).
//! - **p-value**: the upper tail of chi-square with 1 degree of freedom at
//!   `|G2|`, i.e. `erfc(sqrt(|G2| / 2))`. Thresholds: 3.84 is p < 0.05, 6.63
//!   p < 0.01, 10.83 p < 0.001, 15.13 p < 0.0001.
//! - **log ratio** (Hardie 2014): `log2((a / c) / (b / d))`, the binary log of
//!   the ratio of relative frequencies: +1 means twice as frequent in the
//!   group, -1 half as frequent. A zero count is replaced by 0.5 (Hardie's
//!   correction, as in CQPweb), so the ratio stays finite.

use crate::model::{KeyTerm, KeynessComparison};
use crate::text::tokens::TokenizedCorpus;
use rayon::prelude::*;

/// Least total frequency (group + rest) of a listed term: rarer terms give unstable scores.
pub const MIN_FREQ: usize = 3;
/// Terms listed per direction (over- and under-represented) and comparison.
pub const TOP: usize = 20;
/// Count that stands in for zero in the log ratio (Hardie 2014).
pub const ZERO_CORRECTION: f64 = 0.5;

/// `x ln(x / e)`, 0 when `x` is 0.
fn xlnx(x: f64, e: f64) -> f64 {
    if x > 0.0 && e > 0.0 {
        x * (x / e).ln()
    } else {
        0.0
    }
}

/// Signed Dunning log-likelihood G2 for count `a` of `c` tokens against `b` of `d`.
pub fn g2(a: f64, b: f64, c: f64, d: f64) -> f64 {
    let n = c + d;
    if n <= 0.0 || a + b <= 0.0 || c <= 0.0 || d <= 0.0 {
        return 0.0;
    }
    let e1 = c * (a + b) / n;
    let e2 = d * (a + b) / n;
    let g = (2.0 * (xlnx(a, e1) + xlnx(b, e2))).max(0.0);
    if a / c < b / d {
        -g
    } else {
        g
    }
}

/// Hardie's log ratio `log2((a / c) / (b / d))`, zero counts replaced by 0.5.
pub fn log_ratio(a: f64, b: f64, c: f64, d: f64) -> f64 {
    if c <= 0.0 || d <= 0.0 {
        return 0.0;
    }
    let a = if a > 0.0 { a } else { ZERO_CORRECTION };
    let b = if b > 0.0 { b } else { ZERO_CORRECTION };
    ((a / c) / (b / d)).log2()
}

/// p-value of a (signed) G2 under chi-square with 1 df: `erfc(sqrt(|G2| / 2))`.
pub fn p_value(g2: f64) -> f64 {
    if !g2.is_finite() {
        return if g2.is_nan() { 1.0 } else { 0.0 };
    }
    erfc((g2.abs() / 2.0).sqrt()).clamp(0.0, 1.0)
}

/// Complementary error function (Numerical Recipes' Chebyshev fit, relative
/// error below 1.2e-7 everywhere, so small p-values keep their digits).
pub fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let r = t
        * (-z * z - 1.265_512_23
            + t * (1.000_023_68
                + t * (0.374_091_96
                    + t * (0.096_784_18
                        + t * (-0.186_288_06
                            + t * (0.278_868_07
                                + t * (-1.135_203_98
                                    + t * (1.488_515_87
                                        + t * (-0.822_152_23 + t * 0.170_872_77)))))))))
            .exp();
    if x >= 0.0 {
        r
    } else {
        2.0 - r
    }
}

/// Non-stop stem counts per article: `(stem id, count)` sorted by stem id
/// (the same counts TF-IDF uses).
pub fn stem_counts(tc: &TokenizedCorpus) -> Vec<Vec<(u32, u32)>> {
    crate::similarity::tfidf::stem_counts(tc)
}

/// Compares every label against all other articles. `labels[i]` is the index
/// into `names` of article `i`; `by` is "group" or "cluster". Comparisons with
/// an empty group or an empty rest are left out.
pub fn compare(
    tc: &TokenizedCorpus,
    counts: &[Vec<(u32, u32)>],
    labels: &[usize],
    names: &[String],
    by: &str,
) -> Vec<KeynessComparison> {
    let n_stems = tc.vocab.stems.len();
    let k = names.len();
    let mut total = vec![0u64; n_stems];
    let mut tokens = vec![0u64; k];
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); k];
    for (i, (doc, &g)) in counts.iter().zip(labels).enumerate() {
        members[g].push(i);
        for &(s, c) in doc {
            total[s as usize] += c as u64;
            tokens[g] += c as u64;
        }
    }
    // Articles using each stem, for the range of the listed terms.
    let mut df = vec![0u32; n_stems];
    for doc in counts {
        for &(s, _) in doc {
            df[s as usize] += 1;
        }
    }
    let all_tokens: u64 = tokens.iter().sum();
    let candidates: Vec<usize> = (0..n_stems)
        .filter(|&s| total[s] as usize >= MIN_FREQ)
        .collect();
    // Labels in parallel, each counted into a dense per-thread array that is
    // zeroed again after use: per-label SipHash maps were most of this
    // function on large corpora, and a dense array per label would not
    // fit for many labels (e.g. weeks) times a large vocabulary. Collected
    // in label order, so the output does not depend on the threads.
    let out: Vec<Option<KeynessComparison>> = (0..k)
        .into_par_iter()
        .map_init(Vec::<u64>::new, |in_group, g| {
            let c = tokens[g] as f64;
            let d = (all_tokens - tokens[g]) as f64;
            if members[g].is_empty() || c == 0.0 || d == 0.0 {
                return None;
            }
            in_group.resize(n_stems, 0);
            for &i in &members[g] {
                for &(s, n) in &counts[i] {
                    in_group[s as usize] += n as u64;
                }
            }
            // Scores first, strings only for the listed terms: building a
            // KeyTerm (two String clones) for every candidate stem of every
            // group and cluster was most of this function on large vocabularies.
            let (mut over, mut under): (Vec<_>, Vec<_>) = candidates
                .iter()
                .map(|&s| {
                    let a = in_group[s];
                    (s, a, g2(a as f64, (total[s] - a) as f64, c, d))
                })
                .filter(|t| t.2 != 0.0)
                .partition(|t| t.2 > 0.0);
            for &i in &members[g] {
                for &(s, _) in &counts[i] {
                    in_group[s as usize] = 0;
                }
            }
            let term = |&(s, a, gg): &(usize, u64, f64)| {
                let b = total[s] - a;
                // Each article's counts are sorted by stem id.
                let used = members[g]
                    .iter()
                    .filter(|&&i| counts[i].binary_search_by_key(&(s as u32), |x| x.0).is_ok())
                    .count();
                KeyTerm {
                    term: tc.vocab.display[s].clone(),
                    stem: tc.vocab.stems[s].clone(),
                    freq_group: a as usize,
                    freq_rest: b as usize,
                    articles_group: used,
                    articles_rest: df[s] as usize - used,
                    g2: gg,
                    log_ratio: log_ratio(a as f64, b as f64, c, d),
                    p_value: p_value(gg),
                }
            };
            let terms: Vec<KeyTerm> = strongest(tc, &mut over)
                .iter()
                .chain(strongest(tc, &mut under).iter())
                .map(term)
                .collect();
            Some(KeynessComparison {
                by: by.to_string(),
                group: names[g].clone(),
                articles: members[g].len(),
                tokens_group: tokens[g] as usize,
                tokens_rest: (all_tokens - tokens[g]) as usize,
                terms,
            })
        })
        .collect();
    out.into_iter().flatten().collect()
}

/// The [`TOP`] strongest of `scored` (stem, count, G2), strongest first,
/// ties by stem so output is stable. A total order (stems are distinct), so
/// selecting before sorting lists the same terms as sorting all candidates.
fn strongest<'a>(
    tc: &TokenizedCorpus,
    scored: &'a mut [(usize, u64, f64)],
) -> &'a [(usize, u64, f64)] {
    let cmp = |x: &(usize, u64, f64), y: &(usize, u64, f64)| {
        y.2.abs()
            .total_cmp(&x.2.abs())
            .then_with(|| tc.vocab.stems[x.0].cmp(&tc.vocab.stems[y.0]))
    };
    let n = scored.len().min(TOP);
    if scored.len() > TOP {
        scored.select_nth_unstable_by(TOP - 1, cmp);
    }
    let top = &mut scored[..n];
    top.sort_by(cmp);
    top
}

/// Strongest key terms of a group searched for its own name.
const OWN_NAME_AMONG: usize = 5;

/// A note naming the groups whose strongest key terms include their own name
/// (an outlet's bylines, datelines and credits: "BBC", "TASS", "Al Jazeera"),
/// which say where an article comes from, not how it frames the story.
/// A term counts when it has at least 3 letters and is the group's name or a
/// part of it ("jazeera" in "aljazeera").
pub fn own_names_note(comparisons: &[KeynessComparison]) -> Option<String> {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let hits: Vec<String> = comparisons
        .iter()
        .filter(|c| c.by == "group")
        .filter_map(|c| {
            let name = key(&c.group);
            let own: Vec<&str> = c
                .terms
                .iter()
                .filter(|t| t.g2 > 0.0)
                .take(OWN_NAME_AMONG)
                .filter(|t| {
                    let term = key(&t.term);
                    term.chars().count() >= 3 && !name.is_empty() && name.contains(&term)
                })
                .map(|t| t.term.as_str())
                .collect();
            (!own.is_empty()).then(|| {
                format!(
                    "{} (\u{201c}{}\u{201d})",
                    c.group,
                    own.join("\u{201d}, \u{201c}")
                )
            })
        })
        .collect();
    (!hits.is_empty()).then(|| {
        format!(
            "The strongest key terms of {} include the group's own name: bylines, datelines and credits say where an article comes from, not how it frames the story. Read past those terms; clusters that share them may partly sort the articles by source (remove the source's name from the texts to compare wording alone).",
            hits.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {

    fn comparison(group: &str, terms: &[(&str, f64)]) -> KeynessComparison {
        KeynessComparison {
            by: "group".into(),
            group: group.into(),
            terms: terms
                .iter()
                .map(|&(t, g2)| KeyTerm {
                    term: t.into(),
                    g2,
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn a_group_whose_key_terms_are_its_own_name_is_named() {
        let c = [
            comparison(
                "aljazeera",
                &[("jazeera", 301.0), ("al", 283.0), ("gaza", 133.0)],
            ),
            comparison("herald", &[("flood", 90.0), ("river", 40.0)]),
            comparison("bbc", &[("sport", 170.0), ("bbc", -3.0)]),
        ];
        let note = own_names_note(&c).unwrap();
        assert!(
            note.starts_with(
                "The strongest key terms of aljazeera (\u{201c}jazeera\u{201d}) include"
            ),
            "{note}"
        );
        assert!(!note.contains("herald") && !note.contains("bbc"), "{note}");
        assert_eq!(own_names_note(&c[1..]), None);
    }

    use super::*;

    fn close(x: f64, y: f64, tol: f64) -> bool {
        (x - y).abs() <= tol
    }

    /// Hand computation: a = 10 of c = 1,000, b = 5 of d = 2,000.
    /// E1 = 1000 * 15 / 3000 = 5, E2 = 10;
    /// G2 = 2 (10 ln 2 + 5 ln 0.5) = 10 ln 2 = 6.931472;
    /// log ratio = log2(0.01 / 0.0025) = 2; p = erfc(sqrt(3.465736)) = 0.008470.
    #[test]
    fn g2_and_log_ratio_match_hand_computation() {
        let g = g2(10.0, 5.0, 1000.0, 2000.0);
        assert!(close(g, 10.0 * 2f64.ln(), 1e-9), "{g}");
        assert!(close(log_ratio(10.0, 5.0, 1000.0, 2000.0), 2.0, 1e-12));
        let p = p_value(g);
        assert!(close(p, 0.008_470, 2e-6), "{p}");
        // The same term seen from the rest's side: under-represented, sign flips.
        let g_rev = g2(5.0, 10.0, 2000.0, 1000.0);
        assert!(close(g_rev, -g, 1e-9));
        assert!(close(log_ratio(5.0, 10.0, 2000.0, 1000.0), -2.0, 1e-12));
    }

    /// a = 0: G2 = 2 b ln(b / E2) with E2 = d b / (c + d);
    /// a = 0, b = 8, c = d = 1,000: G2 = 16 ln 2 = 11.090355, negative.
    /// Log ratio with the 0.5 correction: log2(0.5 / 8) = -4.
    #[test]
    fn zero_counts_are_handled_and_documented() {
        let g = g2(0.0, 8.0, 1000.0, 1000.0);
        assert!(close(g, -16.0 * 2f64.ln(), 1e-9), "{g}");
        assert!(close(log_ratio(0.0, 8.0, 1000.0, 1000.0), -4.0, 1e-12));
        assert!(close(log_ratio(8.0, 0.0, 1000.0, 1000.0), 4.0, 1e-12));
        assert_eq!(g2(0.0, 0.0, 10.0, 10.0), 0.0);
        assert_eq!(g2(3.0, 3.0, 100.0, 100.0), 0.0);
    }

    #[test]
    fn p_values_at_known_critical_values() {
        for (g, p) in [(3.841459, 0.05), (6.634897, 0.01), (10.827566, 0.001)] {
            assert!(close(p_value(g), p, p * 1e-5), "{g}: {}", p_value(g));
        }
        assert_eq!(p_value(0.0), 1.0);
        assert!(close(erfc(-1.0), 1.842_700_79, 1e-7));
    }
}
