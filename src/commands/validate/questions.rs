//! `frame agree` on an article sheet coded with Semetko & Valkenburg's (2000)
//! questions (docs/codebook-generic-frames.md): the five generic frames
//! measured against their own definition, as `validation/generic_frames.py`
//! measures the default lists.
//!
//! A question sheet is a coding sheet (`frame sample --unit article
//! --questions` writes one) whose code columns are the question ids `R1`-`R5`,
//! `H1`-`H4`, `C1`-`C4`, `M1`-`M3`, `E1`-`E3` instead of frame names. For each
//! frame whose questions are all on the sheet and whose lexicon is in use:
//! * a coder's scale for an article is the share of the frame's questions
//!   answered 1; with two coders the criterion is the mean of their scales;
//! * an article *carries* the frame when the criterion is at least one third
//!   ([`CARRIES`], fixed in the codebook);
//! * frame's per-1,000-word score of the article's text ranks the articles:
//!   AUC (Mann-Whitney, ties count half) against "carries", with a seeded
//!   percentile bootstrap 95% interval, and Spearman's rho with the criterion;
//! * with two coders, Cohen's kappa per question and Krippendorff's alpha
//!   (interval) of the scale.

use super::score_documents;
use super::sheet::read_sheet;
use super::stats::Table2;
use crate::input::formats::table::rows::{csv_reader, TableKind};
use crate::input::{decode, Document};
use crate::model::error::{Error, Result};
use crate::model::numbers::count;
use crate::model::options::Options;
use crate::stats::resample;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Each generic frame's questions, as numbered in the codebook.
pub const QUESTIONS: [(&str, &[&str]); 5] = [
    ("responsibility", &["R1", "R2", "R3", "R4", "R5"]),
    ("human_interest", &["H1", "H2", "H3", "H4"]),
    ("conflict", &["C1", "C2", "C3", "C4"]),
    ("morality", &["M1", "M2", "M3"]),
    ("economic", &["E1", "E2", "E3"]),
];

/// Share of a frame's questions answered yes (mean over coders) from which
/// an article carries the frame.
pub const CARRIES: f64 = 1.0 / 3.0;

/// Bootstrap resamples behind the AUC's interval.
const RESAMPLES: usize = 2000;

/// Every question id, in [`QUESTIONS`] order.
pub fn question_ids() -> Vec<String> {
    QUESTIONS
        .iter()
        .flat_map(|(_, qs)| qs.iter().map(|q| q.to_string()))
        .collect()
}

/// Whether the sheet's header names any question column (then `frame
/// agree` reads it as a question sheet). Unreadable files say no: the
/// ordinary reader then gives its message.
pub fn is_question_sheet(path: &Path) -> bool {
    let Ok(bytes) = crate::input::limits::read_file(path) else {
        return false;
    };
    let Ok((text, _)) = decode::decode(&bytes) else {
        return false;
    };
    // The header as `read_sheet` reads it (a `sep=` line passed over).
    let (mut rdr, _, _) = csv_reader(text.as_bytes(), TableKind::of(path));
    let Ok(header) = rdr.headers() else {
        return false;
    };
    let ids = question_ids();
    header
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_uppercase())
        .any(|h| ids.contains(&h))
}

/// One frame against the coders' answers.
#[derive(Debug, Clone)]
pub struct FrameFit {
    /// Frame name.
    pub frame: String,
    /// Its question ids.
    pub questions: Vec<String>,
    /// Cohen's kappa per question (two coders; undefined when a question never varies).
    pub kappas: Vec<Option<f64>>,
    /// Krippendorff's alpha (interval) of the two coders' scales.
    pub alpha: Option<f64>,
    /// Articles that carry the frame.
    pub carries: usize,
    /// Articles.
    pub n: usize,
    /// AUC of frame's per-1,000 score against "carries".
    pub auc: Option<f64>,
    /// Its bootstrap 95% interval.
    pub auc_interval: Option<(f64, f64)>,
    /// Spearman's rho of the score with the criterion scale.
    pub rho: Option<f64>,
}

/// Everything `frame agree` reports for a question sheet.
#[derive(Debug, Clone)]
pub struct QuestionReport {
    /// Number of coders (sheets).
    pub coders: usize,
    /// One entry per frame measured.
    pub frames: Vec<FrameFit>,
    /// Non-fatal problems (frames left out, units in one sheet only).
    pub warnings: Vec<String>,
}

/// Reads one or two question sheets and measures frame's scores against them.
pub fn run(paths: &[PathBuf], opts: &Options) -> Result<QuestionReport> {
    let set = crate::lexicon::load::set_for_run(opts)?;
    let ids = question_ids();
    let sheets = match paths {
        [one] => vec![read_sheet(one, &ids, true)?],
        [a, b] => vec![read_sheet(a, &ids, true)?, read_sheet(b, &ids, false)?],
        _ => {
            return Err(Error::Usage(
                "give one or two coding sheets of Semetko & Valkenburg's questions".into(),
            ))
        }
    };
    let mut warnings: Vec<String> = set
        .warnings
        .iter()
        .map(|w| format!("lexicon: {w}"))
        .collect();
    // The units of the first sheet that every sheet codes, in its order.
    let index: Vec<BTreeMap<&str, usize>> = sheets
        .iter()
        .map(|s| {
            s.rows
                .iter()
                .enumerate()
                .map(|(i, r)| (r.unit_id.as_str(), i))
                .collect()
        })
        .collect();
    let units: Vec<&str> = sheets[0]
        .rows
        .iter()
        .map(|r| r.unit_id.as_str())
        .filter(|u| index.iter().all(|ix| ix.contains_key(u)))
        .collect();
    for (s, ix) in sheets.iter().zip(&index) {
        let only = ix.len() - units.len();
        if only > 0 {
            warnings.push(format!(
                "{}: {} not on the other sheet, left out",
                s.path.display(),
                count(only, "unit", "units")
            ));
        }
    }
    if units.is_empty() {
        return Err(Error::Usage(format!(
            "{} share no unit_id: give two codings of the same articles",
            sheets
                .iter()
                .map(|s| s.path.display().to_string())
                .collect::<Vec<_>>()
                .join(" and ")
        )));
    }
    // frame's per-1,000 scores of the first sheet's texts.
    let docs: Vec<Document> = units
        .iter()
        .map(|u| {
            let r = &sheets[0].rows[index[0][u]];
            Document {
                id: r.unit_id.clone(),
                source: format!("{}: row {}", sheets[0].path.display(), r.row),
                text: r.text.clone().unwrap_or_default(),
                ..Default::default()
            }
        })
        .collect();
    let (names, scored) = score_documents(&docs, opts, &set.lexicons)?;
    let mut frames = Vec::new();
    for (frame, qs) in QUESTIONS {
        let cols: Vec<Option<Vec<usize>>> = sheets
            .iter()
            .map(|s| {
                qs.iter()
                    .map(|q| s.frames.iter().position(|f| f == q))
                    .collect()
            })
            .collect();
        let Some(fc) = names.iter().position(|n| n == frame) else {
            if cols.iter().any(Option::is_some) {
                warnings.push(format!(
                    "{frame}: its questions are coded, but no lexicon in use is called {frame}: left out"
                ));
            }
            continue;
        };
        let Some(cols) = cols.into_iter().collect::<Option<Vec<_>>>() else {
            if sheets
                .iter()
                .any(|s| qs.iter().any(|q| s.frames.iter().any(|f| f == q)))
            {
                for s in &sheets {
                    let missing: Vec<&str> = qs
                        .iter()
                        .filter(|q| !s.frames.iter().any(|f| f == *q))
                        .copied()
                        .collect();
                    if !missing.is_empty() {
                        warnings.push(format!(
                            "{frame} left out: {} has no column {}",
                            s.path.display(),
                            missing.join(", ")
                        ));
                    }
                }
            }
            continue;
        };
        // answers[coder][unit][question]
        let answers: Vec<Vec<Vec<bool>>> = sheets
            .iter()
            .zip(&index)
            .zip(&cols)
            .map(|((s, ix), c)| {
                units
                    .iter()
                    .map(|u| c.iter().map(|&q| s.rows[ix[u]].codes[q]).collect())
                    .collect()
            })
            .collect();
        let scales: Vec<Vec<f64>> = answers
            .iter()
            .map(|coder| {
                coder
                    .iter()
                    .map(|a| a.iter().filter(|&&x| x).count() as f64 / a.len() as f64)
                    .collect()
            })
            .collect();
        let criterion: Vec<f64> = (0..units.len())
            .map(|u| scales.iter().map(|s| s[u]).sum::<f64>() / scales.len() as f64)
            .collect();
        let carries: Vec<bool> = criterion.iter().map(|&c| c >= CARRIES - 1e-9).collect();
        let score: Vec<f64> = scored
            .iter()
            .map(|(s, _)| s.frames.get(fc).map_or(0.0, |f| f.per_1k))
            .collect();
        let (kappas, alpha) = if answers.len() == 2 {
            (
                (0..qs.len())
                    .map(|q| {
                        let a: Vec<bool> = answers[0].iter().map(|x| x[q]).collect();
                        let b: Vec<bool> = answers[1].iter().map(|x| x[q]).collect();
                        Table2::from_codes(&a, &b).kappa()
                    })
                    .collect(),
                alpha_interval(&scales[0], &scales[1]),
            )
        } else {
            (Vec::new(), None)
        };
        frames.push(FrameFit {
            frame: frame.to_string(),
            questions: qs.iter().map(|q| q.to_string()).collect(),
            kappas,
            alpha,
            carries: carries.iter().filter(|&&c| c).count(),
            n: units.len(),
            auc: auc(&carries, &score),
            auc_interval: auc_interval(&carries, &score, opts.seed, frame),
            rho: spearman(&score, &criterion),
        });
    }
    if frames.is_empty() {
        let mut msg = format!(
            "no frame could be measured: a question sheet needs all the questions of a frame ({}) and that frame's lexicon in use",
            QUESTIONS
                .iter()
                .map(|(f, qs)| format!("{f}: {}", qs.join(" ")))
                .collect::<Vec<_>>()
                .join("; ")
        );
        for w in &warnings {
            msg.push_str("\n  ");
            msg.push_str(w);
        }
        return Err(Error::Usage(msg));
    }
    Ok(QuestionReport {
        coders: sheets.len(),
        frames,
        warnings,
    })
}

/// Average ranks (1-based; ties share the mean of their ranks).
fn ranks(x: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..x.len()).collect();
    order.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    let mut r = vec![0.0; x.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && x[order[j + 1]] == x[order[i]] {
            j += 1;
        }
        let mean = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            r[k] = mean;
        }
        i = j + 1;
    }
    r
}

/// Mann-Whitney AUC of `score` for `y` (ties count half); `None` without
/// both classes.
pub fn auc(y: &[bool], score: &[f64]) -> Option<f64> {
    let n1 = y.iter().filter(|&&v| v).count();
    let n0 = y.len() - n1;
    if n1 == 0 || n0 == 0 {
        return None;
    }
    let r = ranks(score);
    let sum: f64 = r.iter().zip(y).filter(|(_, &v)| v).map(|(r, _)| r).sum();
    Some((sum - (n1 * (n1 + 1)) as f64 / 2.0) / (n1 * n0) as f64)
}

/// Percentile bootstrap 95% interval of [`auc`], resampling the articles
/// with a generator seeded by `seed` and `salt`.
fn auc_interval(y: &[bool], score: &[f64], seed: u64, salt: &str) -> Option<(f64, f64)> {
    let n = y.len();
    let mut rng = resample::rng(seed, salt);
    let mut got = Vec::with_capacity(RESAMPLES);
    let (mut yb, mut sb) = (vec![false; n], vec![0.0; n]);
    for _ in 0..RESAMPLES {
        for k in 0..n {
            let i = resample::below(&mut rng, n);
            yb[k] = y[i];
            sb[k] = score[i];
        }
        if let Some(a) = auc(&yb, &sb) {
            got.push(a);
        }
    }
    if got.is_empty() {
        return None;
    }
    got.sort_by(f64::total_cmp);
    Some((
        resample::percentile(&got, 0.025),
        resample::percentile(&got, 0.975),
    ))
}

/// Spearman's rho (Pearson's r of the average ranks); `None` when either
/// side is constant.
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    let (rx, ry) = (ranks(x), ranks(y));
    let n = rx.len() as f64;
    let (mx, my) = (rx.iter().sum::<f64>() / n, ry.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in rx.iter().zip(&ry) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// Krippendorff's alpha, interval metric, two coders, no missing values:
/// 1 - D_o / D_e over the n = 2N pairable values, with D_o the mean squared
/// difference within units and D_e = sum over all ordered pairs of values of
/// their squared difference / (n (n - 1)); that sum is 2n times the sum of
/// squared deviations from the mean, so it takes one pass.
pub fn alpha_interval(a: &[f64], b: &[f64]) -> Option<f64> {
    let n = (a.len() + b.len()) as f64;
    if a.is_empty() || n < 2.0 {
        return None;
    }
    let d_o = a.iter().zip(b).map(|(x, y)| (x - y).powi(2)).sum::<f64>() / a.len() as f64;
    let mean = a.iter().chain(b).sum::<f64>() / n;
    let ss: f64 = a.iter().chain(b).map(|x| (x - mean).powi(2)).sum();
    let d_e = 2.0 * n * ss / (n * (n - 1.0));
    (d_e > 1e-12).then(|| 1.0 - d_o / d_e)
}

fn f2(x: Option<f64>) -> String {
    x.map_or_else(|| "n/a".into(), |v| format!("{v:.2}"))
}

impl QuestionReport {
    /// The table and a sentence per frame for a methods section.
    pub fn to_text(&self) -> String {
        let n = self.frames.first().map_or(0, |f| f.n);
        let mut out = format!(
            "Semetko & Valkenburg's questions ({} article{}, {} coder{}) against frame's per-1,000-word scores\n\n",
            n,
            if n == 1 { "" } else { "s" },
            self.coders,
            if self.coders == 1 { "" } else { "s" }
        );
        out.push_str(&format!(
            "{:<16} {:>9}  {:>15}  {:>5}  {:>9}  {:<20}  {:>12}\n",
            "frame",
            "questions",
            "kappa (min-max)",
            "alpha",
            "carries",
            "AUC [95% interval]",
            "Spearman rho"
        ));
        for f in &self.frames {
            let ks: Vec<f64> = f.kappas.iter().flatten().copied().collect();
            let kappa = if ks.is_empty() {
                "-".to_string()
            } else {
                let lo = ks.iter().copied().fold(f64::INFINITY, f64::min);
                let hi = ks.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                format!("{lo:.2} to {hi:.2}")
            };
            let auc = match (f.auc, f.auc_interval) {
                (Some(a), Some((lo, hi))) => format!("{a:.2} [{lo:.2}, {hi:.2}]"),
                (a, _) => f2(a),
            };
            out.push_str(&format!(
                "{:<16} {:>9}  {:>15}  {:>5}  {:>9}  {:<20}  {:>12}\n",
                f.frame,
                f.questions.len(),
                kappa,
                if self.coders == 2 {
                    f2(f.alpha)
                } else {
                    "-".into()
                },
                format!("{}/{}", f.carries, f.n),
                auc,
                f2(f.rho)
            ));
        }
        if self.coders == 2 {
            out.push_str("\nCohen's kappa per question:\n");
            for f in &self.frames {
                let each: Vec<String> = f
                    .questions
                    .iter()
                    .zip(&f.kappas)
                    .map(|(q, k)| {
                        format!(
                            "{q} {}",
                            k.map_or_else(|| "n/a (no variation)".into(), |k| format!("{k:.2}"))
                        )
                    })
                    .collect();
                out.push_str(&format!("  {:<16} {}\n", f.frame, each.join(", ")));
            }
        }
        out.push_str(if self.coders == 2 {
            "\nAn article carries a frame when the share of its questions answered 1 (the mean over the two coders) is at least one third (docs/codebook-generic-frames.md). AUC: the chance that an article that carries the frame scores higher than one that does not (0.5 chance, 1 perfect).\n\nFor a methods section:\n"
        } else {
            "\nAn article carries a frame when the share of its questions answered 1 is at least one third (docs/codebook-generic-frames.md). AUC: the chance that an article that carries the frame scores higher than one that does not (0.5 chance, 1 perfect).\n\nFor a methods section:\n"
        });
        let coded = if self.coders == 2 {
            "the mean of two coders' answers"
        } else {
            "a coder's answers"
        };
        let scale = if self.coders == 2 {
            "the coders' scale"
        } else {
            "the coder's scale"
        };
        for f in &self.frames {
            let (Some(a), Some((lo, hi))) = (f.auc, f.auc_interval) else {
                out.push_str(&format!(
                    "  {}: no AUC ({} of {} articles carry the frame; both kinds are needed).\n",
                    f.frame, f.carries, f.n
                ));
                continue;
            };
            let agreement = match (self.coders, f.alpha) {
                (2, Some(al)) => format!("; the coders' Krippendorff's alpha {al:.2}"),
                _ => String::new(),
            };
            let name = f.frame.replace('_', " ");
            out.push_str(&format!(
                "  Against {coded} to Semetko & Valkenburg's (2000) {name} questions for {} articles, frame's {name} score ranked the {} articles that carry the frame against the other {} with AUC {a:.2} (95% interval {lo:.2}-{hi:.2}; Spearman's rho with {scale} {}{agreement}).\n",
                f.n,
                f.carries,
                f.n - f.carries,
                f2(f.rho)
            ));
        }
        out
    }

    /// One CSV row per frame.
    pub fn to_csv(&self) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let _ = w.write_record([
            "frame",
            "questions",
            "coders",
            "kappa_min",
            "kappa_max",
            "alpha",
            "carries",
            "n",
            "auc",
            "auc_low",
            "auc_high",
            "spearman_rho",
            "kappa_per_question",
        ]);
        let g = |x: Option<f64>| x.map_or_else(String::new, |v| format!("{v:.4}"));
        for f in &self.frames {
            let ks: Vec<f64> = f.kappas.iter().flatten().copied().collect();
            let lo = ks.iter().copied().reduce(f64::min);
            let hi = ks.iter().copied().reduce(f64::max);
            let _ = w.write_record([
                f.frame.clone(),
                f.questions.join(" "),
                self.coders.to_string(),
                g(lo),
                g(hi),
                g(f.alpha),
                f.carries.to_string(),
                f.n.to_string(),
                g(f.auc),
                g(f.auc_interval.map(|x| x.0)),
                g(f.auc_interval.map(|x| x.1)),
                g(f.rho),
                f.questions
                    .iter()
                    .zip(&f.kappas)
                    .map(|(q, k)| format!("{q}={}", g(*k)))
                    .collect::<Vec<_>>()
                    .join(" "),
            ]);
        }
        w.into_inner().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_counts_ties_half_and_needs_both_classes() {
        let y = [true, true, false, false];
        assert_eq!(auc(&y, &[4.0, 3.0, 2.0, 1.0]), Some(1.0));
        assert_eq!(auc(&y, &[1.0, 2.0, 3.0, 4.0]), Some(0.0));
        assert_eq!(auc(&y, &[1.0, 1.0, 1.0, 1.0]), Some(0.5));
        // One positive above one negative, tied with the other: (1 + 0.5) / 2 per positive.
        assert_eq!(auc(&[true, false, false], &[2.0, 2.0, 1.0]), Some(0.75));
        assert_eq!(auc(&[true, true], &[1.0, 2.0]), None);
    }

    #[test]
    fn spearman_is_pearson_of_ranks() {
        assert_eq!(spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]), Some(1.0));
        assert_eq!(spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), Some(-1.0));
        // Monotone but not linear: still 1.
        let r = spearman(&[1.0, 2.0, 3.0, 4.0], &[1.0, 4.0, 9.0, 100.0]).unwrap();
        assert!((r - 1.0).abs() < 1e-12);
        assert_eq!(spearman(&[1.0, 1.0], &[1.0, 2.0]), None);
    }

    #[test]
    fn alpha_is_one_for_equal_scales_and_low_for_unrelated_ones() {
        let a = [0.0, 0.25, 0.5, 1.0];
        assert_eq!(alpha_interval(&a, &a), Some(1.0));
        let b = [1.0, 0.5, 0.25, 0.0];
        assert!(alpha_interval(&a, &b).unwrap() < 0.0);
        assert_eq!(alpha_interval(&[0.5, 0.5], &[0.5, 0.5]), None);
    }

    #[test]
    fn the_questions_are_those_of_the_codebook() {
        let ids = question_ids();
        assert_eq!(ids.len(), 19);
        let book = include_str!("../../../docs/codebook-generic-frames.md");
        for q in &ids {
            assert!(
                book.contains(&format!("**{q}**")),
                "{q} not in the codebook"
            );
        }
    }
}
