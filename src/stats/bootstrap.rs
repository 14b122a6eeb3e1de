//! Seeded resampling: an unbiased bounded draw, a Fisher-Yates shuffle (used
//! by `frame sample`), and the bootstrap intervals of per-article frame scores.
//!
//! **Bootstrap over sentences.** An article's frame score is
//! per_1k = 1000 × Σ hits / Σ words over its sentences. One resample draws as
//! many sentences as the article has, uniformly with replacement, and
//! recomputes per_1k on them (0 when the drawn sentences hold no words). After
//! `resamples` resamples (default 1,000), the 95% interval is the 2.5th and
//! 97.5th percentile of the resampled scores, each percentile interpolated
//! linearly between order statistics at rank q·(B - 1) (numpy's default,
//! R's type 7). One set of resamples serves every frame of the article and,
//! when every sentence is scored for sentiment (has a word), the article's
//! sentiment too: its interval is that of the mean compound over the same
//! drawn sentences. Otherwise the sentiment resamples only the scored
//! sentences, with draws of its own.
//!
//! The generator is Xoshiro256++ seeded with `--seed` mixed with a hash of the
//! article id, so an article's interval does not change when other articles
//! are added or the corpus is reordered, and parallel runs give the same bytes.
//! Articles with fewer than two sentences get no interval (`None`).

use crate::model::ArticleResult;
use crate::text::tokens::TokenizedDoc;
use rand_xoshiro::rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use rayon::prelude::*;

/// FNV-1a 64-bit hash: a stable (platform- and version-independent) salt.
fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A generator seeded by `seed` and a salt string (e.g. an article id).
pub fn rng(seed: u64, salt: &str) -> Xoshiro256PlusPlus {
    // seed_from_u64 runs SplitMix64 over the value, so xor-mixing is enough.
    Xoshiro256PlusPlus::seed_from_u64(seed ^ fnv1a(salt))
}

/// A uniform integer in `0..n` (n > 0), without modulo bias (Lemire's method
/// with rejection), identical on every platform.
///
/// The rejection threshold `2^64 mod n` is below `n`, so a draw whose low
/// half is at least `n` is accepted without computing it: the 64-bit
/// division (the dearest step of a draw) is only paid in the rare case
/// (probability n / 2^64) that the low half falls below `n`. The accepted
/// draws, and so every value returned, are the same as with the threshold
/// computed up front.
#[inline]
pub fn below(rng: &mut impl RngCore, n: usize) -> usize {
    debug_assert!(n > 0);
    let n = n as u64;
    let m = (rng.next_u64() as u128) * (n as u128);
    if (m as u64) >= n {
        return (m >> 64) as usize;
    }
    below_slow(rng, n, m)
}

/// The rare branch of [`below`]: compares with the exact threshold and
/// draws again while the draw is rejected.
#[cold]
fn below_slow(rng: &mut impl RngCore, n: u64, mut m: u128) -> usize {
    let threshold = n.wrapping_neg() % n;
    while (m as u64) < threshold {
        m = (rng.next_u64() as u128) * (n as u128);
    }
    (m >> 64) as usize
}

/// Shuffles in place (Fisher-Yates).
pub fn shuffle<T>(rng: &mut impl RngCore, v: &mut [T]) {
    for i in (1..v.len()).rev() {
        let j = below(rng, i + 1);
        v.swap(i, j);
    }
}

/// A test string of `count` pieces drawn from `pieces` (for randomised
/// equivalence tests of text code).
#[cfg(test)]
pub(crate) fn pieces_text(rng: &mut impl RngCore, pieces: &[&str], count: usize) -> String {
    (0..count)
        .map(|_| pieces[below(rng, pieces.len())])
        .collect()
}

/// Words in each sentence of a tokenised article (the per-1,000 denominator).
pub fn words_per_sentence(doc: &TokenizedDoc) -> Vec<usize> {
    let mut w = vec![0usize; doc.sentences.len()];
    for s in doc.token_sentences() {
        if let Some(x) = w.get_mut(s) {
            *x += 1;
        }
    }
    w
}

/// Percentile of sorted values, interpolated linearly at rank q·(len - 1).
pub fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let r = q.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let (lo, hi) = (r.floor() as usize, r.ceil() as usize);
    sorted[lo] + (sorted[hi] - sorted[lo]) * (r - lo as f64)
}

/// 95% percentile intervals of per-1,000 scores, one per frame, from the
/// sentences' words and hits (`hits[s][f]`); `None` with fewer than two
/// sentences or no resamples.
pub fn frame_intervals<H: AsRef<[f64]>>(
    words: &[usize],
    hits: &[H],
    n_frames: usize,
    resamples: usize,
    rng: &mut (impl RngCore + Clone),
) -> Vec<Option<(f64, f64)>> {
    intervals(words, hits, n_frames, None, resamples, rng).0
}

/// A 95% interval (low, high); `None` when there is none.
pub type Interval = Option<(f64, f64)>;

/// [`frame_intervals`] and, from the same resamples, the 95% interval of the
/// mean of `mean_of` (one value per sentence, e.g. its sentiment): every
/// statistic of a resample is computed on the same drawn sentences, as a
/// bootstrap of several statistics usually is, so the draws are made once.
pub fn intervals<H: AsRef<[f64]>>(
    words: &[usize],
    hits: &[H],
    n_frames: usize,
    mean_of: Option<&[f64]>,
    resamples: usize,
    rng: &mut (impl RngCore + Clone),
) -> (Vec<Interval>, Interval) {
    let mut n = words.len().min(hits.len());
    if let Some(m) = mean_of {
        n = n.min(m.len());
    }
    let lanes = n_frames + usize::from(mean_of.is_some());
    if n < 2 || resamples == 0 || lanes == 0 {
        return (vec![None; n_frames], None);
    }
    // Each sentence's hits (and its value to average, in the lane after the
    // frames) as a dense row of `width` lanes of LANES values (zero-padded):
    // a draw adds its whole row, a fixed-width sum the compiler vectorises,
    // with no branch on the drawn sentence. Skipping the zeros instead costs
    // a mispredicted branch on most draws. Adding a zero leaves every sum
    // unchanged (a sum starts at +0 and can only be -0 if a -0 is added, and
    // adding -0 changes nothing either), so the sums are exactly those of
    // adding only the non-zero hits, in draw order.
    let width = lanes.div_ceil(LANES);
    let mut rows = vec![[0.0f64; LANES]; n * width];
    for (s, h) in hits[..n].iter().enumerate() {
        for (f, &x) in h.as_ref().iter().take(n_frames).enumerate() {
            rows[s * width + f / LANES][f % LANES] = x;
        }
        if let Some(m) = mean_of {
            rows[s * width + n_frames / LANES][n_frames % LANES] = m[s];
        }
    }
    // scores[f * resamples + r]: resample r of lane f.
    let mut scores = vec![0.0f64; lanes * resamples];
    // Up to 8 lanes (the built-in lists have 7 frames, plus sentiment) the
    // sums live in registers.
    let stat = Stat {
        words: &words[..n],
        per_1k_lanes: n_frames,
    };
    match width {
        1 => resample_rows_fastest::<1, _>(&stat, &rows, lanes, rng, &mut scores),
        2 => resample_rows_fastest::<2, _>(&stat, &rows, lanes, rng, &mut scores),
        _ => resample_rows_dyn(&stat, &rows, width, lanes, rng, &mut scores),
    }
    // A lane that is zero in every sentence resamples to exactly +0 every
    // time, so its interval is (0, 0) without selecting.
    let silent = |f: usize| {
        rows[..n * width]
            .chunks(width)
            .all(|r| r[f / LANES][f % LANES] == 0.0)
    };
    let mut cis: Vec<Interval> = scores
        .chunks_mut(resamples)
        .enumerate()
        .map(|(f, v)| {
            if silent(f) {
                Some((0.0, 0.0))
            } else {
                Some(percentile_pair(v, 0.025, 0.975))
            }
        })
        .collect();
    let mean = if mean_of.is_some() {
        cis.pop().flatten()
    } else {
        None
    };
    (cis, mean)
}

/// What a resample's lane sums become: the first `per_1k_lanes` lanes are
/// per-1,000 scores over the drawn sentences' words, any lane after them
/// the mean over the draws.
struct Stat<'a> {
    words: &'a [usize],
    per_1k_lanes: usize,
}

impl Stat<'_> {
    /// The statistic of lane `f` from its sum over a resample of `w` words.
    #[inline]
    fn value(&self, f: usize, sum: f64, w: usize) -> f64 {
        if f < self.per_1k_lanes {
            per_1k(sum, w)
        } else {
            sum / self.words.len() as f64
        }
    }
}

/// `(select_percentile(v, lo), select_percentile(v, hi))` for `lo <= hi`,
/// on integer keys in f64's total order (the same order, compared faster).
pub fn percentile_pair(v: &mut [f64], lo: f64, hi: f64) -> (f64, f64) {
    let mut keys: Vec<i64> = v.iter().map(|&x| total_key(x)).collect();
    let a = select_key_percentile(&mut keys, lo);
    let b = select_key_percentile(&mut keys, hi);
    (a, b)
}

/// The integer whose order is `f64::total_cmp`'s order.
#[inline]
fn total_key(x: f64) -> i64 {
    let b = x.to_bits() as i64;
    b ^ (((b >> 63) as u64) >> 1) as i64
}

/// Inverse of [`total_key`].
#[inline]
fn from_total_key(k: i64) -> f64 {
    f64::from_bits((k ^ (((k >> 63) as u64) >> 1) as i64) as u64)
}

/// [`select_percentile`] on total-order keys.
fn select_key_percentile(v: &mut [i64], q: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    let r = q.clamp(0.0, 1.0) * (v.len() - 1) as f64;
    let (lo, hi) = (r.floor() as usize, r.ceil() as usize);
    // The neighbour of the selected statistic is the extreme of the smaller
    // side of the partition: select the upper one of the pair in the lower
    // half (a 2.5% point then scans 25 values of 1,000, not 975).
    let (k_lo, k_hi) = if hi == lo {
        let k = *v.select_nth_unstable(lo).1;
        (k, k)
    } else if hi <= v.len() / 2 {
        let (left, &mut k_hi, _) = v.select_nth_unstable(hi);
        (left.iter().copied().max().unwrap_or(k_hi), k_hi)
    } else {
        let (_, &mut k_lo, right) = v.select_nth_unstable(lo);
        (k_lo, right.iter().copied().min().unwrap_or(k_lo))
    };
    let (x_lo, x_hi) = (from_total_key(k_lo), from_total_key(k_hi));
    x_lo + (x_hi - x_lo) * (r - lo as f64)
}

/// Values per lane of a sentence's row of hits (see [`frame_intervals`]).
const LANES: usize = 4;

/// Per-1,000 score of a resample's summed hits over its `w` words.
#[inline]
fn per_1k(acc: f64, w: usize) -> f64 {
    if w > 0 {
        acc * 1000.0 / w as f64
    } else {
        0.0
    }
}

crate::platform::simd::avx2_dispatch! {
    /// [`resample_rows`] compiled for AVX2 when the CPU has it: a row of 4
    /// f64 is then one addition instead of two, with the same sums to the
    /// bit (the unit test below runs both).
    fn resample_rows_fastest[const W: usize, R: RngCore + Clone][W, R](
        stat: &Stat,
        rows: &[[f64; LANES]],
        lanes: usize,
        rng: &mut R,
        scores: &mut [f64],
    ) => resample_rows::<W>
}

/// The resampling loop of [`frame_intervals`] for rows of `W` lanes, the
/// sums held in a fixed-size array (registers) rather than on the heap.
#[inline(always)]
fn resample_rows<const W: usize>(
    stat: &Stat,
    rows: &[[f64; LANES]],
    lanes: usize,
    rng: &mut (impl RngCore + Clone),
    scores: &mut [f64],
) {
    let words = stat.words;
    let n = words.len().min(rows.len() / W);
    let resamples = scores.len() / lanes.max(1);
    // The draws of a batch of resamples, in the order one resample after
    // another would make them, and the next batch's, drawn while this one is
    // summed: the generator's chain of operations and the additions'
    // chains are independent, so the core runs them side by side (drawing
    // first and summing after left each waiting on its own chain).
    let mut draws = vec![0u32; n * BATCH];
    let mut next = vec![0u32; n * BATCH];
    let mut local = rng.clone();
    fill_draws(&mut local, n, &mut draws[..BATCH.min(resamples) * n]);
    let mut r0 = 0;
    while r0 < resamples {
        let b = BATCH.min(resamples - r0);
        let b_next = BATCH.min(resamples - r0 - b);
        // Sums of the `b` resamples side by side (independent chains of
        // additions, each in draw order, so the same values).
        let mut sums = [[[0.0f64; LANES]; W]; BATCH];
        let mut w = [0usize; BATCH];
        let mut add = |j: usize, t: usize| {
            let s = draws[j * n + t] as usize;
            w[j] += words[s];
            let row = &rows[s * W..s * W + W];
            for c in 0..W {
                for k in 0..LANES {
                    sums[j][c][k] += row[c][k];
                }
            }
        };
        if b == BATCH && b_next == BATCH {
            // BATCH x n draws for the next batch, BATCH per step, in order.
            let m = n as u64;
            for t in 0..n {
                for (j, d) in next[t * BATCH..t * BATCH + BATCH].iter_mut().enumerate() {
                    add(j, t);
                    *d = draw(&mut local, m);
                }
            }
        } else {
            if b == BATCH {
                for t in 0..n {
                    for j in 0..BATCH {
                        add(j, t);
                    }
                }
            } else {
                for j in 0..b {
                    for t in 0..n {
                        add(j, t);
                    }
                }
            }
            fill_draws(&mut local, n, &mut next[..b_next * n]);
        }
        for j in 0..b {
            for f in 0..lanes {
                scores[f * resamples + r0 + j] = stat.value(f, sums[j][f / LANES][f % LANES], w[j]);
            }
        }
        std::mem::swap(&mut draws, &mut next);
        r0 += b;
    }
    *rng = local;
}

/// One draw `below(rng, m)` (the same value), on a generator held in a
/// local (see [`fill_draws`]).
#[inline(always)]
fn draw<R: RngCore>(local: &mut R, m: u64) -> u32 {
    let mut x = (local.next_u64() as u128) * (m as u128);
    if (x as u64) < m {
        let threshold = m.wrapping_neg() % m;
        while (x as u64) < threshold {
            x = (local.next_u64() as u128) * (m as u128);
        }
    }
    (x >> 64) as u32
}

/// Fills `out` with draws `below(rng, n)`, in order (the same values).
/// The generator is copied into a local whose address is never taken (the
/// rare rejection is handled inline rather than by [`below_slow`]), so its
/// state stays in registers: behind a reference it went through memory on
/// every draw, which was most of the bootstrap's time.
#[inline(always)]
fn fill_draws<R: RngCore + Clone>(rng: &mut R, n: usize, out: &mut [u32]) {
    let mut local = rng.clone();
    let n = n as u64;
    for d in out {
        *d = draw(&mut local, n);
    }
    *rng = local;
}

/// Resamples whose sums are added side by side (see [`resample_rows`]).
const BATCH: usize = 4;

/// [`resample_rows`] for any number of lanes (more than 8 frames).
fn resample_rows_dyn(
    stat: &Stat,
    rows: &[[f64; LANES]],
    width: usize,
    lanes: usize,
    rng: &mut (impl RngCore + Clone),
    scores: &mut [f64],
) {
    let words = stat.words;
    let n = words.len().min(rows.len() / width);
    let resamples = scores.len() / lanes.max(1);
    let mut sums = vec![[0.0f64; LANES]; width];
    // Drawn in batches of BATCH resamples, as [`resample_rows`] draws them,
    // so that a lane has the same draws however many lanes there are.
    let mut draws = vec![0u32; n * BATCH];
    for r in 0..resamples {
        if r % BATCH == 0 {
            let b = BATCH.min(resamples - r);
            fill_draws(rng, n, &mut draws[..b * n]);
        }
        let mine = &draws[(r % BATCH) * n..(r % BATCH + 1) * n];
        sums.iter_mut().for_each(|x| *x = [0.0; LANES]);
        let mut w = 0usize;
        for &s in mine {
            let s = s as usize;
            w += words[s];
            for (acc, row) in sums.iter_mut().zip(&rows[s * width..(s + 1) * width]) {
                for k in 0..LANES {
                    acc[k] += row[k];
                }
            }
        }
        for f in 0..lanes {
            scores[f * resamples + r] = stat.value(f, sums[f / LANES][f % LANES], w);
        }
    }
}

/// [`percentile`] without sorting: selects the two order statistics around
/// rank q·(len - 1) in linear time, on integer keys of the total order (`v` is left as it is).
pub fn select_percentile(v: &mut [f64], q: f64) -> f64 {
    let mut keys: Vec<i64> = v.iter().map(|&x| total_key(x)).collect();
    select_key_percentile(&mut keys, q)
}

/// Fills `ci_low`/`ci_high` of every frame score and the sentiment interval,
/// from each article's sentences (`sentence_words[i]` = words per sentence of
/// article `i`).
pub fn add_intervals(
    articles: &mut [ArticleResult],
    sentence_words: &[Vec<usize>],
    seed: u64,
    resamples: usize,
) {
    articles
        .par_iter_mut()
        .zip(sentence_words.par_iter())
        .for_each(|(art, words)| {
            let hits: Vec<&[f64]> = art.sentences.iter().map(|s| s.hits.as_slice()).collect();
            let mut r = rng(seed, &art.id);
            // When every sentence is scored, the sentiment interval is drawn
            // with the frame scores' resamples (see [`sentiment_interval`]).
            let shared = sentiment_shares_draws(art) && words.len() >= hits.len();
            let (cis, sentiment) = if shared {
                let values: Vec<f64> = art.sentences.iter().map(|s| s.sentiment).collect();
                intervals(
                    words,
                    &hits,
                    art.frames.len(),
                    Some(&values),
                    resamples,
                    &mut r,
                )
            } else {
                let cis = frame_intervals(words, &hits, art.frames.len(), resamples, &mut r);
                (cis, sentiment_interval(art, seed, resamples))
            };
            drop(hits);
            for (f, ci) in art.frames.iter_mut().zip(cis) {
                f.ci_low = ci.map(|c| c.0);
                f.ci_high = ci.map(|c| c.1);
            }
            art.sentiment_ci_low = sentiment.map(|c| c.0);
            art.sentiment_ci_high = sentiment.map(|c| c.1);
        });
}

/// Whether a sentence counts towards the article's sentiment (the article
/// score skips sentences without a word; so does its interval).
fn scored(s: &crate::model::SentenceScore) -> bool {
    s.text.chars().any(char::is_alphabetic)
}

/// Whether the sentiment interval resamples exactly the sentences the frame
/// scores resample (every sentence is scored), and so uses their draws.
fn sentiment_shares_draws(art: &ArticleResult) -> bool {
    art.sentences.iter().all(scored)
}

/// The seeded 95% bootstrap interval of an article's sentiment, the mean of
/// its sentence compounds: sentences are drawn with replacement as many times
/// as the article has, `resamples` times, and the 2.5th and 97.5th
/// percentiles of the resampled means are taken, as for the frame scores.
/// When every sentence is scored these are the frame scores' own resamples
/// (the generator seeded with `seed` and the article id, so one set of draws
/// serves every statistic of the article); when some sentence has no word,
/// the scored sentences are resampled with a generator salted apart from
/// the frame scores'. `None` with fewer than two scored sentences or no
/// resamples. [`add_intervals`] stores the same values.
pub fn sentiment_interval(art: &ArticleResult, seed: u64, resamples: usize) -> Option<(f64, f64)> {
    let scores: Vec<f64> = art
        .sentences
        .iter()
        .filter(|s| scored(s))
        .map(|s| s.sentiment)
        .collect();
    let n = scores.len();
    if n < 2 || resamples == 0 {
        return None;
    }
    let mut r = if sentiment_shares_draws(art) {
        rng(seed, &art.id)
    } else {
        rng(seed, &format!("sentiment\u{1f}{}", art.id))
    };
    // The mean as the only lane of [`intervals`]: the same draws and sums as
    // the lane [`add_intervals`] adds beside the frame scores.
    let no_hits = vec![[0.0f64; 0]; n];
    intervals(&vec![0; n], &no_hits, 0, Some(&scores), resamples, &mut r).1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn below_is_in_range_and_roughly_uniform() {
        let mut r = rng(7, "x");
        let mut counts = [0usize; 5];
        for _ in 0..50_000 {
            counts[below(&mut r, 5)] += 1;
        }
        for c in counts {
            assert!((9_000..11_000).contains(&c), "{counts:?}");
        }
    }

    #[test]
    fn shuffle_is_a_seeded_permutation() {
        let mut a: Vec<usize> = (0..20).collect();
        let mut b = a.clone();
        shuffle(&mut rng(1, "s"), &mut a);
        shuffle(&mut rng(1, "s"), &mut b);
        assert_eq!(a, b);
        let mut c: Vec<usize> = (0..20).collect();
        shuffle(&mut rng(2, "s"), &mut c);
        assert_ne!(a, c);
        a.sort();
        assert_eq!(a, (0..20).collect::<Vec<_>>());
    }

    #[test]
    fn percentiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&v, 0.0), 1.0);
        assert_eq!(percentile(&v, 0.5), 3.0);
        assert_eq!(percentile(&v, 1.0), 5.0);
        assert!((percentile(&v, 0.025) - 1.1).abs() < 1e-12);
        assert!((percentile(&v, 0.975) - 4.9).abs() < 1e-12);
    }

    #[test]
    fn selection_equals_sorting() {
        let mut r = rng(3, "p");
        for len in [1usize, 2, 3, 40, 1000] {
            let v: Vec<f64> = (0..len).map(|_| below(&mut r, 50) as f64 / 7.0).collect();
            let mut sorted = v.clone();
            sorted.sort_by(f64::total_cmp);
            for q in [0.0, 0.025, 0.5, 0.975, 1.0] {
                let mut w = v.clone();
                assert_eq!(
                    select_percentile(&mut w, q),
                    percentile(&sorted, q),
                    "{len} {q}"
                );
            }
        }
    }

    #[test]
    fn near_end_order_statistics_equal_sorting() {
        let mut r = rng(5, "n");
        for len in [1usize, 2, 3, 26, 27, 64, 65, 130, 1000, 2001] {
            // Few distinct values, so ties are common.
            let v: Vec<f64> = (0..len)
                .map(|_| (below(&mut r, 40) as f64 - 20.0) / 3.0)
                .collect();
            let mut sorted = v.clone();
            sorted.sort_by(f64::total_cmp);
            for (lo, hi) in [
                (0.025, 0.975),
                (0.0, 1.0),
                (0.01, 0.99),
                (0.3, 0.7),
                (0.5, 0.5),
            ] {
                let got = percentile_pair(&mut v.clone(), lo, hi);
                let want = (percentile(&sorted, lo), percentile(&sorted, hi));
                assert_eq!(got.0.to_bits(), want.0.to_bits(), "{len} {lo}");
                assert_eq!(got.1.to_bits(), want.1.to_bits(), "{len} {hi}");
            }
        }
    }

    #[test]
    fn integer_keys_select_as_total_order() {
        let mut r = rng(4, "k");
        for len in [1usize, 2, 3, 41, 1000] {
            let v: Vec<f64> = (0..len)
                .map(|i| match i % 7 {
                    0 => -0.0,
                    1 => 0.0,
                    2 => -(below(&mut r, 50) as f64) / 3.0,
                    3 => f64::INFINITY,
                    _ => below(&mut r, 50) as f64 / 7.0,
                })
                .collect();
            let mut sorted = v.clone();
            sorted.sort_by(f64::total_cmp);
            let (lo, hi) = percentile_pair(&mut v.clone(), 0.025, 0.975);
            let want = (percentile(&sorted, 0.025), percentile(&sorted, 0.975));
            assert_eq!(lo.to_bits(), want.0.to_bits(), "{len}");
            assert!(hi.to_bits() == want.1.to_bits() || (hi.is_nan() && want.1.is_nan()));
        }
        for x in [-1.5, -0.0, 0.0, 2.0, f64::MAX, f64::NEG_INFINITY] {
            assert_eq!(from_total_key(total_key(x)).to_bits(), x.to_bits());
        }
    }

    #[test]
    fn intervals_contain_the_score_and_are_seeded() {
        // Ten sentences of 10 words; threat hits in three of them.
        let words = vec![10; 10];
        let hits: Vec<Vec<f64>> = (0..10)
            .map(|i| vec![if i % 3 == 0 { 1.0 } else { 0.0 }, 0.0])
            .collect();
        let point = 4.0 * 1000.0 / 100.0;
        let a = frame_intervals(&words, &hits, 2, 1000, &mut rng(42, "a"));
        let b = frame_intervals(&words, &hits, 2, 1000, &mut rng(42, "a"));
        assert_eq!(a, b);
        let (lo, hi) = a[0].unwrap();
        assert!(lo < point && point < hi, "{lo} {point} {hi}");
        assert!(lo >= 0.0 && hi <= 100.0);
        // A frame without hits has the interval [0, 0].
        assert_eq!(a[1], Some((0.0, 0.0)));
        // Constant sentences: no uncertainty from resampling.
        let flat = frame_intervals(&words, &vec![vec![1.0]; 10], 1, 200, &mut rng(1, "b"));
        let (lo, hi) = flat[0].unwrap();
        assert!((lo - 100.0).abs() < 1e-9 && (hi - 100.0).abs() < 1e-9);
        // One sentence: no interval.
        assert_eq!(
            frame_intervals(&[10], &[vec![1.0]], 1, 100, &mut rng(1, "c")),
            vec![None]
        );
    }

    #[test]
    fn stored_sentiment_intervals_equal_the_standalone_draw() {
        let mut a = crate::model::example(3);
        let texts = [
            "A calm day.",
            "Knives were found.",
            "Police were praised.",
            "No one was hurt.",
            "1,200.",
        ];
        let mut r = rng(9, "t");
        for art in &mut a.articles {
            art.sentences = texts
                .iter()
                .enumerate()
                .map(|(i, t)| crate::model::SentenceScore {
                    sentence_no: i + 1,
                    text: (*t).into(),
                    sentiment: below(&mut r, 200) as f64 / 100.0 - 1.0,
                    hits: (0..7).map(|_| below(&mut r, 3) as f64).collect(),
                })
                .collect();
        }
        // Article 3 has a sentence without a word: its sentiment resamples
        // only the four scored sentences, with draws of its own.
        for art in &mut a.articles[..2] {
            art.sentences.truncate(4);
        }
        let words: Vec<Vec<usize>> = a
            .articles
            .iter()
            .map(|art| (0..art.sentences.len()).map(|i| 3 + i).collect())
            .collect();
        add_intervals(&mut a.articles, &words, 11, 300);
        for (art, w) in a.articles.iter().zip(&words) {
            let stored = art.sentiment_ci_low.zip(art.sentiment_ci_high);
            assert!(stored.is_some());
            assert_eq!(stored, sentiment_interval(art, 11, 300), "{}", art.id);
            // The extra lane leaves the frame intervals as they were.
            let hits: Vec<&[f64]> = art.sentences.iter().map(|s| s.hits.as_slice()).collect();
            let frames = frame_intervals(w, &hits, 7, 300, &mut rng(11, &art.id));
            let got: Vec<_> = art.frames.iter().map(|f| f.ci_low.zip(f.ci_high)).collect();
            assert_eq!(got, frames, "{}", art.id);
        }
        assert!(sentiment_shares_draws(&a.articles[0]));
        assert!(!sentiment_shares_draws(&a.articles[2]));
    }

    #[test]
    fn a_lane_has_the_same_draws_however_many_lanes() {
        let mut r = rng(2, "l");
        let words: Vec<usize> = (0..9).map(|_| 1 + below(&mut r, 20)).collect();
        let hits: Vec<Vec<f64>> = (0..9)
            .map(|_| (0..9).map(|_| below(&mut r, 3) as f64).collect())
            .collect();
        let mean_of: Vec<f64> = (0..9)
            .map(|_| below(&mut r, 9) as f64 / 4.0 - 1.0)
            .collect();
        // 4 frames fit one row (W = 1), 8 two (W = 2), 9 the general path;
        // 8 frames and the mean make nine lanes, the general path too.
        for frames in [4usize, 8, 9] {
            let alone = frame_intervals(&words, &hits, frames, 101, &mut rng(5, "x"));
            let (with, mean) =
                intervals(&words, &hits, frames, Some(&mean_of), 101, &mut rng(5, "x"));
            assert_eq!(alone, with, "{frames} frames");
            let (none, mean_only) =
                intervals(&words, &hits, 0, Some(&mean_of), 101, &mut rng(5, "x"));
            assert!(none.is_empty());
            assert_eq!(mean, mean_only, "{frames} frames");
            assert!(mean.is_some_and(|(lo, hi)| lo <= hi));
        }
    }

    #[test]
    fn avx2_and_baseline_resampling_give_the_same_bits() {
        let mut r = rng(3, "v");
        let n = 13;
        let words: Vec<usize> = (0..n).map(|_| below(&mut r, 30)).collect();
        let rows: Vec<[f64; LANES]> = (0..2 * n)
            .map(|_| [0; LANES].map(|_: i32| below(&mut r, 7) as f64 / 3.0))
            .collect();
        let stat = Stat {
            words: &words,
            per_1k_lanes: 7,
        };
        // 103 resamples: full batches drawn ahead, then a batch of three.
        for lanes in [3usize, 8] {
            let mut base = vec![0.0; lanes * 103];
            let mut fast = vec![0.0; lanes * 103];
            let (mut r1, mut r2) = (rng(9, "w"), rng(9, "w"));
            if lanes <= LANES {
                resample_rows::<1>(&stat, &rows[..n], lanes, &mut r1, &mut base);
                resample_rows_fastest::<1, _>(&stat, &rows[..n], lanes, &mut r2, &mut fast);
            } else {
                resample_rows::<2>(&stat, &rows, lanes, &mut r1, &mut base);
                resample_rows_fastest::<2, _>(&stat, &rows, lanes, &mut r2, &mut fast);
            }
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&base), bits(&fast), "{lanes} lanes");
            assert_eq!(r1.next_u64(), r2.next_u64());
            // And the same draws as one at a time with `below`.
            let mut r3 = rng(9, "w");
            let first: Vec<usize> = (0..n).map(|_| below(&mut r3, n)).collect();
            let w: usize = first.iter().map(|&s| words[s]).sum();
            let sum: f64 = first
                .iter()
                .fold(0.0, |a, &s| a + rows[s * (lanes.div_ceil(LANES))][0]);
            assert_eq!(base[0].to_bits(), per_1k(sum, w).to_bits());
        }
    }
}
