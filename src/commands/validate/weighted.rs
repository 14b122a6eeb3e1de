//! Corpus estimates of precision, recall and kappa from a stratified coding
//! sheet (post-stratification), with stratified bootstrap intervals.
//!
//! `frame sample` over-represents the units frame finds hits in for rare
//! frames, and under-represents those it finds none in, where its misses
//! are. Counted as a simple random sample, the sheet overstates recall (and
//! kappa). Each stratum h (a frame's units "with hits" or "without") has N_h
//! units in the corpus and n_h coded units with the 2x2 table T_h (human
//! coder against frame). The corpus's table is estimated as
//!
//! T̂ = Σ_h (N_h / n_h) · T_h
//!
//! (each coded unit stands for N_h / n_h corpus units of its stratum;
//! Cochran 1977, ch. 5, "Stratified random sampling"), and precision, recall
//! and Cohen's kappa are computed on T̂ as on counts ([`super::stats`]). A
//! stratum with units in the corpus but none coded leaves T̂ undefined; a
//! stratum the corpus does not have weighs 0.
//!
//! **Intervals.** Stratified bootstrap, percentile method: in each of
//! [`RESAMPLES`] resamples every stratum's n_h coded units are drawn with
//! replacement from its own coded units (so each stratum keeps its n_h and
//! its weight), T̂ is recomputed and so is each statistic; the interval runs
//! from the 2.5th to the 97.5th percentile of the resamples in which the
//! statistic is defined. The generator is seeded with [`SEED`] and the frame's
//! name, so the same sheet and corpus give the same interval.
//!
//! A statistic that is the same in every resample (a recall of 1 when no
//! coded unit without hits was coded 1) has an interval of width 0, which
//! says nothing about the misses the sheet did not catch;
//! [`recall_floor`] gives the rule-of-three bound for that case.

use super::stats::{kappa_of, Table2};
use crate::stats::resample::{below, percentile_pair, rng};

/// Bootstrap resamples per frame.
pub const RESAMPLES: usize = 2_000;

/// Seed of the bootstrap (fixed: `frame agree` has no `--seed`).
pub const SEED: u64 = 42;

/// A frame's strata, in this order: units with at least one hit, and units
/// without (where frame codes every unit 0, whatever the threshold).
pub const WITH_HITS: usize = 0;
/// See [`WITH_HITS`].
pub const WITHOUT_HITS: usize = 1;

/// One stratum: its size in the corpus and the table of its coded units.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StratumCounts {
    /// Units of the stratum in the corpus (N_h).
    pub corpus: usize,
    /// The coded units of the stratum: human coder (`a`) against frame (`b`).
    pub coded: Table2,
}

/// The estimated corpus table: each cell a weighted count of corpus units.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Weighted {
    /// Coder 1, frame 1.
    pub both_1: f64,
    /// Coder 1, frame 0 (frame's misses).
    pub a_only: f64,
    /// Coder 0, frame 1.
    pub b_only: f64,
    /// Coder 0, frame 0.
    pub both_0: f64,
}

impl Weighted {
    /// Precision of frame with the coder as the reference; `None` when frame
    /// codes no unit 1.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.both_1, self.both_1 + self.b_only)
    }

    /// Recall of frame with the coder as the reference; `None` when the
    /// coder codes no unit 1.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.both_1, self.both_1 + self.a_only)
    }

    /// Cohen's kappa of the estimated corpus table.
    pub fn kappa(&self) -> Option<f64> {
        kappa_of([self.both_1, self.a_only, self.b_only, self.both_0])
    }
}

fn ratio(num: f64, den: f64) -> Option<f64> {
    (den > 0.0).then(|| num / den)
}

/// The estimated corpus table, or the index of the first stratum that has
/// units in the corpus but no coded unit (the estimate is then undefined).
pub fn weighted_table(strata: &[StratumCounts]) -> Result<Weighted, usize> {
    let mut w = Weighted::default();
    for (h, s) in strata.iter().enumerate() {
        let n = s.coded.n();
        if s.corpus == 0 {
            continue;
        }
        if n == 0 {
            return Err(h);
        }
        let k = s.corpus as f64 / n as f64;
        w.both_1 += k * s.coded.both_1 as f64;
        w.a_only += k * s.coded.a_only as f64;
        w.b_only += k * s.coded.b_only as f64;
        w.both_0 += k * s.coded.both_0 as f64;
    }
    Ok(w)
}

/// A 95% percentile interval from the bootstrap.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// 2.5th percentile.
    pub lo: f64,
    /// 97.5th percentile.
    pub hi: f64,
    /// Resamples in which the statistic was undefined (left out).
    pub undefined: usize,
}

/// A statistic estimated for the corpus, with its interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stat {
    /// The estimate; `None` when undefined.
    pub value: Option<f64>,
    /// Its interval; `None` when the statistic is undefined in every resample.
    pub interval: Option<Interval>,
}

/// Corpus estimates of one frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// The estimated corpus table.
    pub table: Weighted,
    /// Estimated precision.
    pub precision: Stat,
    /// Estimated recall.
    pub recall: Stat,
    /// Estimated Cohen's kappa.
    pub kappa: Stat,
}

/// The corpus estimates of one frame from its strata, with bootstrap
/// intervals seeded by `salt` (the frame's name); `Err(h)` when stratum h
/// has corpus units but no coded unit.
pub fn estimate(strata: &[StratumCounts], salt: &str) -> Result<Estimate, usize> {
    let table = weighted_table(strata)?;
    let mut draws: [Vec<f64>; 3] = std::array::from_fn(|_| Vec::with_capacity(RESAMPLES));
    let mut undefined = [0usize; 3];
    let mut r = rng(SEED, &format!("frame agree --corpus {salt}"));
    let mut resampled = strata.to_vec();
    for _ in 0..RESAMPLES {
        for (s, orig) in resampled.iter_mut().zip(strata) {
            if orig.corpus > 0 {
                s.coded = resample_table(&mut r, &orig.coded);
            }
        }
        // Every stratum keeps its n_h, so the resampled table is defined.
        let w = weighted_table(&resampled).unwrap_or_default();
        for (k, x) in [w.precision(), w.recall(), w.kappa()]
            .into_iter()
            .enumerate()
        {
            match x {
                Some(v) => draws[k].push(v),
                None => undefined[k] += 1,
            }
        }
    }
    let [p, rc, k] = draws;
    let stat = |value: Option<f64>, mut d: Vec<f64>, undefined: usize| Stat {
        value,
        interval: (!d.is_empty()).then(|| {
            let (lo, hi) = percentile_pair(&mut d, 0.025, 0.975);
            Interval { lo, hi, undefined }
        }),
    };
    Ok(Estimate {
        table,
        precision: stat(table.precision(), p, undefined[0]),
        recall: stat(table.recall(), rc, undefined[1]),
        kappa: stat(table.kappa(), k, undefined[2]),
    })
}

/// n draws with replacement from the n units of `t` (cells in the order
/// both_1, a_only, b_only, both_0).
fn resample_table(r: &mut impl rand_xoshiro::rand_core::RngCore, t: &Table2) -> Table2 {
    let n = t.n();
    let (c1, c2, c3) = (
        t.both_1,
        t.both_1 + t.a_only,
        t.both_1 + t.a_only + t.b_only,
    );
    let mut out = Table2::default();
    for _ in 0..n {
        let i = below(r, n);
        if i < c1 {
            out.both_1 += 1;
        } else if i < c2 {
            out.a_only += 1;
        } else if i < c3 {
            out.b_only += 1;
        } else {
            out.both_0 += 1;
        }
    }
    out
}

/// When the coder marked none of the coded units without hits (where frame
/// codes every unit 0, so any unit of the frame there is a miss), the share of
/// the frame among that stratum's corpus units can still be up to 3 / n_h at
/// 95% confidence (the rule of three; Hanley & Lippman-Hand 1983). The recall
/// the estimate would have with that many misses; `None` when the coder found
/// some there, the stratum is coded whole, or frame found nothing.
pub fn recall_floor(strata: &[StratumCounts; 2]) -> Option<f64> {
    let s = &strata[WITHOUT_HITS];
    let n = s.coded.n();
    if n == 0 || s.coded.a_1() > 0 || s.corpus <= n {
        return None;
    }
    let w = weighted_table(strata).ok()?;
    let extra = (3.0 / n as f64).min(1.0) * s.corpus as f64;
    (w.both_1 > 0.0).then(|| w.both_1 / (w.both_1 + w.a_only + extra))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(both_1: usize, a_only: usize, b_only: usize, both_0: usize) -> Table2 {
        Table2 {
            both_1,
            a_only,
            b_only,
            both_0,
        }
    }

    fn close(x: Option<f64>, y: f64) {
        let x = x.expect("defined");
        assert!((x - y).abs() < 1e-9, "{x} != {y}");
    }

    /// With hits: 1,000 in the corpus, 50 coded (30 right, 20 false alarms).
    /// Without: 9,000 in the corpus, 50 coded (3 misses, 47 right).
    fn example() -> [StratumCounts; 2] {
        [
            StratumCounts {
                corpus: 1_000,
                coded: t(30, 0, 20, 0),
            },
            StratumCounts {
                corpus: 9_000,
                coded: t(0, 3, 0, 47),
            },
        ]
    }

    #[test]
    fn weights_each_stratum_by_its_corpus_size() {
        let s = example();
        let sample = t(30, 3, 20, 47);
        // As a simple random sample: recall 30/33 = 0.909.
        close(sample.recall(), 30.0 / 33.0);
        // Weights 1000/50 = 20 and 9000/50 = 180: TP 600, FP 400, FN 540, TN 8460.
        let w = weighted_table(&s).unwrap();
        assert_eq!(
            w,
            Weighted {
                both_1: 600.0,
                a_only: 540.0,
                b_only: 400.0,
                both_0: 8460.0
            }
        );
        // Recall 600 / 1140 = 0.526: the misses hide in the large stratum.
        close(w.recall(), 600.0 / 1140.0);
        // Precision needs only the hit stratum: it stays 30/50.
        close(w.precision(), 0.6);
        close(sample.precision(), 0.6);
        // kappa: po = 9060/10000; pa1 = 0.114, pb1 = 0.1;
        // pe = 0.0114 + 0.886 * 0.9 = 0.8088; (0.906 - 0.8088) / 0.1912.
        close(w.kappa(), 0.0972 / 0.1912);
        // The sample's kappa: po 0.77, pa1 0.33, pb1 0.5, pe 0.5: 0.54.
        close(sample.kappa(), 0.54);
    }

    #[test]
    fn a_sample_recall_of_one_stays_one_but_its_floor_is_low() {
        // Nothing the coder marked was missed in the 20 coded units without
        // hits, but they stand for 9,000: weighting cannot find misses the
        // sheet has none of, so the floor says how many there may be.
        let s = [
            StratumCounts {
                corpus: 1_000,
                coded: t(30, 0, 20, 0),
            },
            StratumCounts {
                corpus: 9_000,
                coded: t(0, 0, 0, 20),
            },
        ];
        let e = estimate(&s, "threat").unwrap();
        close(t(30, 0, 20, 20).recall(), 1.0);
        close(e.recall.value, 1.0);
        let i = e.recall.interval.unwrap();
        assert_eq!((i.lo, i.hi), (1.0, 1.0));
        // TP 600; up to 3/20 of 9,000 = 1,350 misses: 600 / 1950 = 0.31.
        close(recall_floor(&s), 600.0 / 1950.0);
        assert_eq!(recall_floor(&example()), None);
    }

    #[test]
    fn with_a_threshold_frame_codes_0_in_the_hit_stratum() {
        // --threshold 2: a unit with one hit is in the hit stratum but frame
        // codes it 0. With hits: 200 in the corpus, 20 coded: 8 both 1,
        // 6 missed (one hit only), 2 false alarms, 4 both 0.
        // Without: 800, 10 coded: 1 missed, 9 both 0.
        let s = [
            StratumCounts {
                corpus: 200,
                coded: t(8, 6, 2, 4),
            },
            StratumCounts {
                corpus: 800,
                coded: t(0, 1, 0, 9),
            },
        ];
        // Weights 10 and 80: TP 80, FN 60 + 80 = 140, FP 20, TN 40 + 720 = 760.
        let w = weighted_table(&s).unwrap();
        assert_eq!(
            w,
            Weighted {
                both_1: 80.0,
                a_only: 140.0,
                b_only: 20.0,
                both_0: 760.0
            }
        );
        close(w.recall(), 80.0 / 220.0);
        close(w.precision(), 0.8);
    }

    #[test]
    fn an_uncoded_stratum_is_named_and_an_empty_one_weighs_nothing() {
        let mut s = example();
        s[1].coded = Table2::default();
        assert_eq!(weighted_table(&s), Err(1));
        assert_eq!(estimate(&s, "x"), Err(1));
        // No unit without hits in the corpus: that stratum weighs 0, even
        // when coded units were put in it.
        s[1].corpus = 0;
        s[1].coded = t(0, 5, 0, 5);
        let w = weighted_table(&s).unwrap();
        close(w.recall(), 1.0);
    }

    #[test]
    fn intervals_are_seeded_and_hold_the_estimate() {
        let s = example();
        let a = estimate(&s, "threat").unwrap();
        let b = estimate(&s, "threat").unwrap();
        assert_eq!(a, b, "same seed, same interval");
        let c = estimate(&s, "economic").unwrap();
        assert_ne!(a.recall.interval, c.recall.interval);
        for st in [a.precision, a.recall, a.kappa] {
            let (v, i) = (st.value.unwrap(), st.interval.unwrap());
            assert!(i.lo < v && v < i.hi, "{v} {i:?}");
            assert_eq!(i.undefined, 0);
        }
        // Recall rests on 3 misses among 50 of 9,000 units: a wide interval.
        let i = a.recall.interval.unwrap();
        assert!(i.lo < 0.4 && i.hi > 0.8, "{i:?}");
    }

    #[test]
    fn resampling_keeps_each_stratum_size() {
        let mut r = rng(1, "t");
        for _ in 0..100 {
            let x = resample_table(&mut r, &t(3, 1, 0, 6));
            assert_eq!(x.n(), 10);
            assert_eq!(x.b_only, 0, "a cell with no unit is never drawn");
        }
    }
}
