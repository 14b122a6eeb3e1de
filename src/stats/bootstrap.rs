//! The bootstrap intervals of per-article frame scores and sentiment
//! (draws and percentiles from `stats::resample`).
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
//! article's text ([`content_salt`]: the SHA-256 of its text, not its id), so
//! an article's interval does not change when other articles are added, the
//! corpus is reordered or its file renamed, and parallel runs give the same
//! bytes.
//! Articles with fewer than two sentences get no interval (`None`).

use crate::model::{ArticleResult, REASSURANCE, THREAT};
use crate::stats::resample::{below, content_salt, percentile_pair, rng};
use rand_xoshiro::rand_core::RngCore;
use rayon::prelude::*;

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
    let r = intervals_ticking(
        words,
        hits,
        n_frames,
        mean_of,
        None,
        resamples,
        rng,
        &|_| {},
    );
    (r.frames, r.mean)
}

/// What one set of resamples of an article gives.
struct Resampled {
    /// One interval per frame.
    frames: Vec<Interval>,
    /// The interval of the mean of `mean_of`.
    mean: Interval,
    /// The interval of frame `a` minus frame `b` (per 1,000 words), each
    /// resample's difference taken on the same drawn sentences (paired).
    difference: Interval,
}

/// [`intervals`], with the paired interval of frame `pair.0` minus frame
/// `pair.1`, calling `tick` with the number of resamples done after each
/// batch of them (the progress of one huge article).
#[allow(clippy::too_many_arguments)]
fn intervals_ticking<H: AsRef<[f64]>>(
    words: &[usize],
    hits: &[H],
    n_frames: usize,
    mean_of: Option<&[f64]>,
    pair: Option<(usize, usize)>,
    resamples: usize,
    rng: &mut (impl RngCore + Clone),
    tick: &dyn Fn(usize),
) -> Resampled {
    let mut n = words.len().min(hits.len());
    if let Some(m) = mean_of {
        n = n.min(m.len());
    }
    let lanes = n_frames + usize::from(mean_of.is_some());
    if n < 2 || resamples == 0 || lanes == 0 {
        return Resampled {
            frames: vec![None; n_frames],
            mean: None,
            difference: None,
        };
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
        tick,
    };
    match width {
        1 => resample_rows_fastest::<1, _>(&stat, &rows, lanes, rng, &mut scores),
        2 => resample_rows_fastest::<2, _>(&stat, &rows, lanes, rng, &mut scores),
        _ => resample_rows_dyn(&stat, &rows, width, lanes, rng, &mut scores),
    }
    // Taken before the percentiles below reorder each lane's resamples.
    let difference = pair
        .filter(|&(a, b)| a < n_frames && b < n_frames)
        .map(|(a, b)| {
            let mut d: Vec<f64> = (0..resamples)
                .map(|r| scores[a * resamples + r] - scores[b * resamples + r])
                .collect();
            if d.iter().all(|&x| x == 0.0) {
                (0.0, 0.0)
            } else {
                percentile_pair(&mut d, 0.025, 0.975)
            }
        });
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
    Resampled {
        frames: cis,
        mean,
        difference,
    }
}

/// What a resample's lane sums become: the first `per_1k_lanes` lanes are
/// per-1,000 scores over the drawn sentences' words, any lane after them
/// the mean over the draws.
struct Stat<'a> {
    words: &'a [usize],
    per_1k_lanes: usize,
    /// Told the resamples done after each batch (progress only).
    tick: &'a dyn Fn(usize),
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
            for t in 0..n {
                for (j, d) in next[t * BATCH..t * BATCH + BATCH].iter_mut().enumerate() {
                    add(j, t);
                    *d = below(&mut local, n) as u32;
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
        (stat.tick)(r0);
    }
    *rng = local;
}

/// Fills `out` with draws `below(rng, n)`, in order (the same values).
/// The generator is copied into a local whose address is never taken (the
/// rare rejection is handled inline rather than by [`below_slow`]), so its
/// state stays in registers: behind a reference it went through memory on
/// every draw, which was most of the bootstrap's time.
#[inline(always)]
fn fill_draws<R: RngCore + Clone>(rng: &mut R, n: usize, out: &mut [u32]) {
    let mut local = rng.clone();
    for d in out {
        *d = below(&mut local, n) as u32;
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
        if r % BATCH == BATCH - 1 || r + 1 == resamples {
            (stat.tick)(r + 1);
        }
    }
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
    add_intervals_ticking(articles, sentence_words, seed, resamples, &|_| {})
}

/// [`add_intervals`], calling `done` with sentences as their resampling
/// goes on (each article's sentences in all, in steps as its resamples are
/// drawn), for the progress of a run.
pub fn add_intervals_ticking(
    articles: &mut [ArticleResult],
    sentence_words: &[Vec<usize>],
    seed: u64,
    resamples: usize,
    done: &(dyn Fn(u64) + Sync),
) {
    articles
        .par_iter_mut()
        .zip(sentence_words.par_iter())
        .for_each(|(art, words)| {
            let n = art.sentences.len() as u64;
            let told = std::cell::Cell::new(0u64);
            let tick = |r: usize| {
                let now = n * r as u64 / resamples.max(1) as u64;
                done(now.saturating_sub(told.get()));
                told.set(now.max(told.get()));
            };
            let hits: Vec<&[f64]> = art.sentences.iter().map(|s| s.hits.as_slice()).collect();
            let mut r = rng(seed, content_salt(art));
            // When every sentence is scored, the sentiment interval is drawn
            // with the frame scores' resamples (see [`sentiment_interval`]).
            let shared = sentiment_shares_draws(art) && words.len() >= hits.len();
            let values: Vec<f64> = if shared {
                art.sentences.iter().map(|s| s.sentiment).collect()
            } else {
                Vec::new()
            };
            let at = |name: &str| art.frames.iter().position(|f| f.frame == name);
            let pair = at(THREAT).zip(at(REASSURANCE));
            let out = intervals_ticking(
                words,
                &hits,
                art.frames.len(),
                shared.then_some(values.as_slice()),
                pair,
                resamples,
                &mut r,
                &tick,
            );
            let sentiment = if shared {
                out.mean
            } else {
                sentiment_interval(art, seed, resamples)
            };
            drop(hits);
            for (f, ci) in art.frames.iter_mut().zip(out.frames) {
                f.ci_low = ci.map(|c| c.0);
                f.ci_high = ci.map(|c| c.1);
            }
            art.sentiment_ci_low = sentiment.map(|c| c.0);
            art.sentiment_ci_high = sentiment.map(|c| c.1);
            art.threat_minus_reassurance_ci_low = out.difference.map(|c| c.0);
            art.threat_minus_reassurance_ci_high = out.difference.map(|c| c.1);
            done(n.saturating_sub(told.get()));
        });
}

/// Whether a sentence counts towards the article's sentiment (the article
/// score, `sentiment::aggregate`, skips sentences of 0 words; so does its
/// interval).
fn scored(s: &crate::model::SentenceScore) -> bool {
    s.words > 0
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
/// (the generator seeded with `seed` and the article's text, so one set of draws
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
        rng(seed, content_salt(art))
    } else {
        rng(seed, &format!("sentiment\u{1f}{}", content_salt(art)))
    };
    // The mean as the only lane of [`intervals`]: the same draws and sums as
    // the lane [`add_intervals`] adds beside the frame scores.
    let no_hits = vec![[0.0f64; 0]; n];
    intervals(&vec![0; n], &no_hits, 0, Some(&scores), resamples, &mut r).1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The progress told adds up to every article's sentences once.
    #[test]
    fn progress_adds_up_to_every_sentence() {
        use std::sync::atomic::{AtomicU64, Ordering};
        let mut a = crate::model::example(4);
        let words: Vec<Vec<usize>> = a
            .articles
            .iter()
            .map(|x| vec![10; x.sentences.len()])
            .collect();
        let told = AtomicU64::new(0);
        add_intervals_ticking(&mut a.articles, &words, 7, 50, &|n| {
            told.fetch_add(n, Ordering::Relaxed);
        });
        let want: usize = a.articles.iter().map(|x| x.sentences.len()).sum();
        assert!(want > 0);
        assert_eq!(told.load(Ordering::Relaxed), want as u64);
    }

    /// The lean's interval is paired: threat one match above reassurance in
    /// every sentence is a clear lean, though each frame alone varies so
    /// much from sentence to sentence that their intervals overlap.
    #[test]
    fn the_difference_is_taken_on_the_same_resamples() {
        let words = vec![10; 12];
        let hits: Vec<Vec<f64>> = (0..12)
            .map(|i| {
                let r = (i % 4) as f64;
                vec![r + 1.0, r, 0.0]
            })
            .collect();
        let out = intervals_ticking(
            &words,
            &hits,
            3,
            None,
            Some((0, 1)),
            400,
            &mut rng(3, "p"),
            &|_| {},
        );
        let (t, r) = (out.frames[0].unwrap(), out.frames[1].unwrap());
        assert!(t.0 <= r.1 && r.0 <= t.1, "{t:?} {r:?}");
        let (lo, hi) = out.difference.unwrap();
        assert!(
            (lo - 100.0).abs() < 1e-9 && (hi - 100.0).abs() < 1e-9,
            "{lo} {hi}"
        );
        // The same draws as without the pair.
        let alone = frame_intervals(&words, &hits, 3, 400, &mut rng(3, "p"));
        assert_eq!(alone, out.frames);
        // A frame missing from the pair: no difference.
        let none = intervals_ticking(
            &words,
            &hits,
            3,
            None,
            Some((0, 5)),
            10,
            &mut rng(3, "p"),
            &|_| {},
        );
        assert_eq!(none.difference, None);
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
                    // "1,200." holds no word token.
                    words: if t.starts_with('1') { 0 } else { 10 },
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
            let frames = frame_intervals(w, &hits, 7, 300, &mut rng(11, content_salt(art)));
            let got: Vec<_> = art.frames.iter().map(|f| f.ci_low.zip(f.ci_high)).collect();
            assert_eq!(got, frames, "{}", art.id);
        }
        assert!(sentiment_shares_draws(&a.articles[0]));
        assert!(!sentiment_shares_draws(&a.articles[2]));
    }

    /// An article's draws are salted with its text, not its id: renaming
    /// its file leaves its intervals as they were; another text gets others.
    #[test]
    fn renaming_an_article_keeps_its_intervals() {
        let mut a = crate::model::example(2);
        let mut r = rng(4, "r");
        for art in &mut a.articles {
            art.sha256 = "5e".repeat(32);
            art.sentences = (0..12)
                .map(|i| crate::model::SentenceScore {
                    sentence_no: i + 1,
                    text: "A sentence.".into(),
                    words: 10,
                    sentiment: below(&mut r, 200) as f64 / 100.0 - 1.0,
                    hits: (0..7).map(|_| below(&mut r, 3) as f64).collect(),
                })
                .collect();
        }
        a.articles[1].sentences = a.articles[0].sentences.clone();
        a.articles[1].id = "renamed.txt".into();
        let words = vec![vec![10; 12]; 2];
        let intervals = |art: &ArticleResult| {
            let f: Vec<_> = art.frames.iter().map(|f| (f.ci_low, f.ci_high)).collect();
            (f, art.sentiment_ci_low, art.threat_minus_reassurance_ci_low)
        };
        let mut same = a.clone();
        add_intervals(&mut same.articles, &words, 42, 300);
        assert!(same.articles[0].sentiment_ci_low.is_some());
        assert_eq!(intervals(&same.articles[0]), intervals(&same.articles[1]));
        // The same sentences under another text's hash: other draws.
        a.articles[1].sha256 = "6f".repeat(32);
        add_intervals(&mut a.articles, &words, 42, 300);
        assert_ne!(intervals(&a.articles[0]), intervals(&a.articles[1]));
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
            tick: &|_| {},
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
