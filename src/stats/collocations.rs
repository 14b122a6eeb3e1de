//! Collocations: two- and three-word sequences ("armed police", "war on
//! terror") that occur together more often than their words' frequencies
//! predict, overall and per group.
//!
//! **Which sequences count.** Words are the normalised word forms (lower
//! case, possessive "'s" removed; not stemmed, so "armed police" and "arm
//! police" stay apart). A sequence never crosses a sentence boundary, nor
//! punctuation or a number, URL or e-mail between two words ("police, armed"
//! is not a sequence; "officer's gun" is), nor a damaged word (one with a
//! replacement character, U+FFFD: see `text::words`). Hyphenated words are one word
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

use crate::model::Collocation;
use crate::text::tokens::{TokenizedCorpus, WordToken};
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Least frequency of a listed sequence in its scope.
pub const MIN_FREQ: usize = 3;
/// Sequences listed per scope and length.
pub const TOP: usize = 20;

/// The association measure's name, for outputs.
pub const MEASURE: &str = "G2";

/// The runs of adjacent word forms of one article, stored flat (one
/// allocation for all its runs instead of one per run: a large corpus has
/// tens of millions of runs).
#[derive(Debug, Clone, Default)]
pub struct Runs {
    /// Where each run ends among the article's word tokens (exclusive), in
    /// order; the runs cover every token. The surface ids are read from the
    /// tokens themselves rather than from a copy of them.
    ends: Vec<u32>,
}

impl Runs {
    /// Each run as a slice of the article's word tokens (`tokens`: those of
    /// the article these runs were made from), in text order.
    pub fn iter<'a>(
        &'a self,
        tokens: &'a [WordToken],
    ) -> impl Iterator<Item = &'a [WordToken]> + 'a {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(move |(s, &e)| &tokens[s as usize..e as usize])
    }
}

/// Runs of adjacent word forms (surface ids) per article: a run breaks at
/// sentence ends, at anything but whitespace (or a possessive) between words
/// and around a damaged word (which is a run of its own, never in a sequence).
pub fn runs(texts: &[&str], tc: &TokenizedCorpus) -> Vec<Runs> {
    let damaged = tc.vocab.damaged_id();
    texts
        .par_iter()
        .zip(tc.docs.par_iter())
        .map(|(text, d)| {
            let mut out = Runs { ends: Vec::new() };
            let mut prev_sentence = 0;
            for (i, (t, s)) in d.tokens.iter().zip(d.token_sentences()).enumerate() {
                let joined = i > 0 && {
                    let p = &d.tokens[i - 1];
                    prev_sentence == s
                        && damaged.is_none_or(|x| x != t.surface && x != p.surface)
                        && adjacent(text, p.start as usize, t.start as usize)
                };
                prev_sentence = s;
                if !joined && i > 0 {
                    out.ends.push(i as u32);
                }
            }
            if !d.tokens.is_empty() {
                out.ends.push(d.tokens.len() as u32);
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

/// Hasher for n-gram keys: the Fx multiply-rotate per 32-bit word, then a
/// full avalanche (murmur3's finaliser) so that the low bits hashbrown uses
/// for the bucket depend on every word of the key (plain Fx leaves them
/// depending on the last word's low bits only, which piles up bigrams
/// sharing a second word). SipHash was most of the groups stage at 100,000
/// articles; hash values never reach an output.
#[derive(Default, Clone, Copy)]
struct GramHasher(u64);

impl Hasher for GramHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for c in bytes.chunks(4) {
            let mut b = [0u8; 4];
            b[..c.len()].copy_from_slice(c);
            self.write_u32(u32::from_le_bytes(b));
        }
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.write_u32(i as u32);
        self.write_u32((i >> 32) as u32);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

type GramMap<K, V> = HashMap<K, V, BuildHasherDefault<GramHasher>>;

/// A counting Bloom filter over n-gram keys (two saturating 8-bit counters
/// per key, the smaller read): a first pass over a scope counts every
/// n-gram here, and only n-grams it reports seen [`MIN_FREQ`] times or more
/// go into the exact maps. It never under-counts, so every n-gram that can
/// be listed is counted exactly; most n-grams occur once and no longer take
/// a map entry.
struct Sketch {
    counts: Vec<u8>,
    mask: usize,
}

impl Sketch {
    /// A sketch for about `positions` n-gram occurrences.
    fn new(positions: usize) -> Self {
        let size = (2 * positions).next_power_of_two().clamp(1 << 10, 1 << 25);
        Sketch {
            counts: vec![0; size],
            mask: size - 1,
        }
    }

    #[inline]
    fn slots(&self, key: &[u32]) -> (usize, usize) {
        let mut h = GramHasher::default();
        for &k in key {
            h.write_u32(k);
        }
        let h = h.finish();
        (h as usize & self.mask, (h >> 32) as usize & self.mask)
    }

    #[inline]
    fn add(&mut self, key: &[u32]) {
        let (a, b) = self.slots(key);
        self.counts[a] = self.counts[a].saturating_add(1);
        self.counts[b] = self.counts[b].saturating_add(1);
    }

    /// Adds the counters of a sketch of the same size (saturating, as `add`).
    fn merge(&mut self, other: &Sketch) {
        debug_assert_eq!(self.counts.len(), other.counts.len());
        self.counts
            .iter_mut()
            .zip(&other.counts)
            .for_each(|(a, &b)| *a = a.saturating_add(b));
    }

    /// Whether `key` may have been added [`MIN_FREQ`] times or more.
    #[inline]
    fn frequent(&self, key: &[u32]) -> bool {
        let (a, b) = self.slots(key);
        self.counts[a].min(self.counts[b]) as usize >= MIN_FREQ
    }
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

/// Counts of one bigram at the positions that matter for its marginals.
#[derive(Default, Clone, Copy)]
struct BigramCount {
    /// Every bigram position.
    all: u32,
    /// Positions followed by a third word of the run (the bigram starts a
    /// trigram: its count as the (w1 w2) half of a trigram split).
    starts_trigram: u32,
    /// Positions preceded by a word of the run (the bigram ends a trigram).
    ends_trigram: u32,
}

/// Compares the space-joined texts of two n-grams byte by byte without
/// building them (same order as comparing `words.join(" ")`).
fn text_cmp(tc: &TokenizedCorpus, x: &[u32], y: &[u32]) -> std::cmp::Ordering {
    fn bytes<'a>(tc: &'a TokenizedCorpus, g: &'a [u32]) -> impl Iterator<Item = u8> + 'a {
        g.iter().enumerate().flat_map(move |(i, &s)| {
            let sep: &[u8] = if i == 0 { b"" } else { b" " };
            sep.iter()
                .chain(tc.vocab.surfaces[s as usize].as_bytes())
                .copied()
        })
    }
    bytes(tc, x).cmp(bytes(tc, y))
}

/// The best [`TOP`] of `scored` (score, frequency, n-gram): highest score
/// first, ties by frequency then text, so the order is stable. A total
/// order, so selecting before sorting gives the same list as sorting all.
fn best(
    tc: &TokenizedCorpus,
    mut scored: Vec<(f64, usize, [u32; 3])>,
    n: usize,
) -> Vec<(f64, usize, [u32; 3])> {
    let cmp = |x: &(f64, usize, [u32; 3]), y: &(f64, usize, [u32; 3])| {
        y.0.total_cmp(&x.0)
            .then_with(|| y.1.cmp(&x.1))
            .then_with(|| text_cmp(tc, &x.2[..n], &y.2[..n]))
    };
    crate::text::topk::keep_first(&mut scored, TOP, cmp);
    scored
}

/// Exact counts of one scope: the single-word marginals over bigram and
/// trigram positions (by surface id), the eligible bigrams and trigrams the
/// sketches let through, and the numbers of positions. Counts of disjoint
/// scopes add up to the counts of their union.
struct Counts {
    first2: Vec<u32>,
    last2: Vec<u32>,
    first3: Vec<u32>,
    last3: Vec<u32>,
    bigrams: GramMap<u64, BigramCount>,
    trigrams: GramMap<[u32; 3], u32>,
    total2: usize,
    total3: usize,
}

impl Counts {
    fn new(v: usize) -> Self {
        Counts {
            first2: vec![0; v],
            last2: vec![0; v],
            first3: vec![0; v],
            last3: vec![0; v],
            bigrams: GramMap::default(),
            trigrams: GramMap::default(),
            total2: 0,
            total3: 0,
        }
    }

    /// Adds the counts of a disjoint scope (integer sums: the order of
    /// merging never changes a result).
    fn add(mut self, mut other: Counts) -> Counts {
        if other.bigrams.len() + other.trigrams.len() > self.bigrams.len() + self.trigrams.len() {
            std::mem::swap(&mut self, &mut other);
        }
        for (a, b) in [
            (&mut self.first2, &other.first2),
            (&mut self.last2, &other.last2),
            (&mut self.first3, &other.first3),
            (&mut self.last3, &other.last3),
        ] {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        }
        for (k, c) in other.bigrams {
            let e = self.bigrams.entry(k).or_default();
            e.all += c.all;
            e.starts_trigram += c.starts_trigram;
            e.ends_trigram += c.ends_trigram;
        }
        for (k, c) in other.trigrams {
            *self.trigrams.entry(k).or_default() += c;
        }
        self.total2 += other.total2;
        self.total3 += other.total3;
        self
    }
}

/// Whether a bigram is counted at all: a stop-word pair is neither listed
/// nor the half of a listed trigram.
#[inline]
fn bigram_eligible(stop: &[bool], w: &[u32]) -> bool {
    !(stop[w[0] as usize] && stop[w[1] as usize])
}

/// Whether a trigram is counted at all: both edges must be non-stop words.
#[inline]
fn trigram_eligible(stop: &[bool], w: &[u32]) -> bool {
    !stop[w[0] as usize] && !stop[w[2] as usize]
}

/// First pass over the articles `members`: the bigram and trigram sketches
/// (see [`Sketch`]). Parts of the articles are sketched side by side and
/// the counters added (saturating adds of counts: the same counters as one
/// pass).
fn sketches(runs: &[Runs], members: &[usize], tc: &TokenizedCorpus) -> (Sketch, Sketch) {
    let stop = &tc.vocab.surface_stop;
    let positions: usize = members.iter().map(|&i| tc.docs[i].tokens.len()).sum();
    let parts = rayon::current_num_threads().clamp(1, 8);
    let part_len = members.len().div_ceil(parts).max(1);
    let sketch_part = |part: &[usize]| {
        let mut seen2 = Sketch::new(positions);
        let mut seen3 = Sketch::new(positions);
        for &i in part {
            for run in runs[i].iter(&tc.docs[i].tokens) {
                for w in run.windows(2) {
                    let w = [w[0].surface, w[1].surface];
                    if bigram_eligible(stop, &w) {
                        seen2.add(&w);
                    }
                }
                for w in run.windows(3) {
                    let w = [w[0].surface, w[1].surface, w[2].surface];
                    if trigram_eligible(stop, &w) {
                        seen3.add(&w);
                    }
                }
            }
        }
        (seen2, seen3)
    };
    let mut partial: Vec<(Sketch, Sketch)> =
        members.par_chunks(part_len).map(sketch_part).collect();
    let mut first = if partial.is_empty() {
        sketch_part(&[])
    } else {
        partial.swap_remove(0)
    };
    for (s2, s3) in partial {
        first.0.merge(&s2);
        first.1.merge(&s3);
    }
    first
}

/// Second pass over the articles `members`: exact counts of the n-grams the
/// sketches say may be frequent. Sketches of a larger scope may be passed:
/// an n-gram frequent in a part is frequent in the whole.
fn count(
    runs: &[Runs],
    members: &[usize],
    tc: &TokenizedCorpus,
    seen2: &Sketch,
    seen3: &Sketch,
) -> Counts {
    let stop = &tc.vocab.surface_stop;
    let mut c = Counts::new(tc.vocab.surfaces.len());
    for &i in members {
        for run in runs[i].iter(&tc.docs[i].tokens) {
            let len = run.len();
            for (p, w) in run.iter().map(|t| t.surface).enumerate() {
                if p + 1 < len {
                    c.first2[w as usize] += 1;
                }
                if p >= 1 {
                    c.last2[w as usize] += 1;
                }
                if p + 2 < len {
                    c.first3[w as usize] += 1;
                }
                if p >= 2 {
                    c.last3[w as usize] += 1;
                }
            }
            c.total2 += len.saturating_sub(1);
            c.total3 += len.saturating_sub(2);
            for (p, w) in run.windows(2).enumerate() {
                let w = [w[0].surface, w[1].surface];
                if !bigram_eligible(stop, &w) || !seen2.frequent(&w) {
                    continue;
                }
                let b = c
                    .bigrams
                    .entry((w[0] as u64) << 32 | w[1] as u64)
                    .or_default();
                b.all += 1;
                if p + 2 < len {
                    b.starts_trigram += 1;
                }
                if p >= 1 {
                    b.ends_trigram += 1;
                }
            }
            for w in run.windows(3) {
                let w = [w[0].surface, w[1].surface, w[2].surface];
                if trigram_eligible(stop, &w) && seen3.frequent(&w) {
                    *c.trigrams.entry(w).or_default() += 1;
                }
            }
        }
    }
    c
}

/// Top collocations of the articles `members` (indices into `runs`), labelled `scope`.
///
/// Only what the scores need is counted: bigrams with at least one
/// non-stop edge (a stop-word pair is neither listed nor the half of a
/// listed trigram), trigrams with two non-stop edges, and the marginals
/// from per-position counts. The totals and marginals are the same numbers
/// as counting every n-gram position, so the scores are unchanged.
pub fn top(
    runs: &[Runs],
    members: &[usize],
    tc: &TokenizedCorpus,
    scope: &str,
) -> Vec<Collocation> {
    let (seen2, seen3) = sketches(runs, members, tc);
    let counts = count(runs, members, tc, &seen2, &seen3);
    drop((seen2, seen3));
    score(&counts, tc, scope)
}

/// Top collocations of all articles (scope "all") and then of each group
/// (`groups[i]` is article i's index into `names`; every article is in one
/// group). The groups are counted once, through the sketches of all
/// articles, and "all" is the sum of their counts: the same counts, and so
/// the same lists, as counting each scope on its own, for about half the work.
pub fn top_partition(
    runs: &[Runs],
    groups: &[usize],
    names: &[String],
    tc: &TokenizedCorpus,
) -> Vec<Collocation> {
    let all: Vec<usize> = (0..runs.len()).collect();
    let (seen2, seen3) = sketches(runs, &all, tc);
    drop(all);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
    for (i, &g) in groups.iter().enumerate() {
        members[g].push(i);
    }
    // Each worker scores the groups it counts and adds their counts into
    // its own total, so that only a few groups' maps are alive at once.
    type Part = (Vec<(usize, Vec<Collocation>)>, Option<Counts>);
    let merge = |a: Option<Counts>, b: Option<Counts>| match (a, b) {
        (Some(a), Some(b)) => Some(a.add(b)),
        (a, b) => a.or(b),
    };
    let (mut lists, total): Part = members
        .par_iter()
        .enumerate()
        .fold(
            || (Vec::new(), None),
            |(mut lists, total): Part, (g, m)| {
                let c = count(runs, m, tc, &seen2, &seen3);
                lists.push((g, score(&c, tc, &names[g])));
                (lists, merge(total, Some(c)))
            },
        )
        .reduce(
            || (Vec::new(), None),
            |(mut l1, t1), (l2, t2)| {
                l1.extend(l2);
                (l1, merge(t1, t2))
            },
        );
    drop((seen2, seen3));
    lists.sort_by_key(|(g, _)| *g);
    let total = total.unwrap_or_else(|| Counts::new(tc.vocab.surfaces.len()));
    let mut out = score(&total, tc, "all");
    out.extend(lists.into_iter().flat_map(|(_, l)| l));
    out
}

/// The best [`TOP`] bigrams and trigrams of one scope's counts, by G2.
fn score(c: &Counts, tc: &TokenizedCorpus, scope: &str) -> Vec<Collocation> {
    let stop = &tc.vocab.surface_stop;
    let pair = |a: u32, b: u32| {
        c.bigrams
            .get(&((a as u64) << 32 | b as u64))
            .copied()
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    let nn = c.total2 as f64;
    let scored2: Vec<(f64, usize, [u32; 3])> = c
        .bigrams
        .iter()
        .filter(|(&k, b)| {
            b.all as usize >= MIN_FREQ && !stop[(k >> 32) as usize] && !stop[k as u32 as usize]
        })
        .filter_map(|(&k, b)| {
            let (x, y) = ((k >> 32) as u32, k as u32);
            let score = g2_pair(
                b.all as f64,
                c.first2[x as usize] as f64,
                c.last2[y as usize] as f64,
                nn,
            );
            (score > 0.0).then_some((score, b.all as usize, [x, y, u32::MAX]))
        })
        .collect();
    let nn = c.total3 as f64;
    let scored3: Vec<(f64, usize, [u32; 3])> = c
        .trigrams
        .iter()
        .filter(|(_, &n)| n as usize >= MIN_FREQ)
        .filter_map(|(&g, &n)| {
            let o = n as f64;
            let right = pair(g[1], g[2]).ends_trigram as f64;
            let left = pair(g[0], g[1]).starts_trigram as f64;
            let a = g2_pair(o, c.first3[g[0] as usize] as f64, right, nn);
            let b = g2_pair(o, left, c.last3[g[2] as usize] as f64, nn);
            let score = a.min(b);
            (score > 0.0).then_some((score, n as usize, g))
        })
        .collect();
    for (n, scored) in [(2usize, scored2), (3, scored3)] {
        out.extend(best(tc, scored, n).into_iter().map(|(score, freq, g)| {
            let words: Vec<&str> = g[..n]
                .iter()
                .map(|&s| tc.vocab.surfaces[s as usize].as_str())
                .collect();
            Collocation {
                scope: scope.to_string(),
                ngram: words.join(" "),
                n,
                freq,
                score,
            }
        }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Document;
    use crate::model::language::Language;
    use crate::text::filters::StopWords;
    use crate::text::tokens::tokenize_corpus;

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
        let words = |run: &[WordToken]| {
            run.iter()
                .map(|t| tc.vocab.surfaces[t.surface as usize].clone())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let got: Vec<String> = r[0].iter(&tc.docs[0].tokens).map(words).collect();
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
    fn a_damaged_word_is_a_run_of_its_own() {
        // "Fianna F\u{FFFD}\u{FFFD}il leader" once gave "fianna f" and "il leader".
        let t = "Fianna F\u{FFFD}\u{FFFD}il leader spoke. Sinn F\u{FFFD}in\u{2019}s vote \u{FFFD}ireann rose.";
        let tc = corpus(&[t]);
        let r = runs(&[t], &tc);
        let d = crate::text::words::DAMAGED_FORM;
        let got: Vec<Vec<&str>> = r[0]
            .iter(&tc.docs[0].tokens)
            .map(|run| {
                run.iter()
                    .map(|t| tc.vocab.surfaces[t.surface as usize].as_str())
                    .collect()
            })
            .collect();
        assert_eq!(
            got,
            vec![
                vec!["fianna"],
                vec![d],
                vec!["leader", "spoke"],
                vec!["sinn"],
                vec![d],
                vec!["vote"],
                vec![d],
                vec!["rose"],
            ]
        );
        // Repeated, no sequence holds a damaged word or a fragment of one.
        let texts: Vec<String> = ["north", "south", "east", "west", "centre", "harbour"]
            .iter()
            .map(|town| format!("{t} Bakers in {town} sold bread and cakes."))
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let tc = corpus(&refs);
        let r = runs(&refs, &tc);
        let all: Vec<usize> = (0..refs.len()).collect();
        let c = top(&r, &all, &tc, "all");
        assert!(c.iter().any(|x| x.ngram == "leader spoke"), "{c:?}");
        for x in &c {
            assert!(
                !x.ngram.contains(d) && !x.ngram.split(' ').any(|w| w == "il" || w == "f"),
                "{}",
                x.ngram
            );
        }
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

    /// Counting the groups once and summing them for "all" gives the same
    /// lists as counting every scope on its own.
    #[test]
    fn partition_equals_each_scope_counted_alone() {
        let towns = [
            "north", "south", "east", "west", "centre", "harbour", "bridge",
        ];
        let mut texts = Vec::new();
        for i in 0..21 {
            texts.push(format!(
                "The armed police stood in the no-go areas of {} town. Residents of the war on terror era watched armed police. Bakers in {} sold fresh bread and cakes; {} council tax rose again.",
                towns[i % 7],
                towns[(i * 3) % 7],
                towns[(i * 5) % 7]
            ));
        }
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let tc = corpus(&refs);
        let r = runs(&refs, &tc);
        let groups: Vec<usize> = (0..refs.len()).map(|i| (i * 7 / 5) % 3).collect();
        let names: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        let got = top_partition(&r, &groups, &names, &tc);
        let all: Vec<usize> = (0..refs.len()).collect();
        let mut want = top(&r, &all, &tc, "all");
        for (g, name) in names.iter().enumerate() {
            let m: Vec<usize> = (0..refs.len()).filter(|&i| groups[i] == g).collect();
            want.extend(top(&r, &m, &tc, name));
        }
        let key = |c: &Collocation| {
            (
                c.scope.clone(),
                c.ngram.clone(),
                c.n,
                c.freq,
                c.score.to_bits(),
            )
        };
        assert!(want.iter().filter(|c| c.scope != "all").count() > 10);
        assert_eq!(
            got.iter().map(key).collect::<Vec<_>>(),
            want.iter().map(key).collect::<Vec<_>>()
        );
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
