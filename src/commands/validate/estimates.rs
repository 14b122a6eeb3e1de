//! `frame agree --corpus`: the coded units put back into the corpus's strata,
//! and the corpus estimates reported (a text block, CSV columns).
//!
//! The corpus is read and scored as `frame sample` read it
//! ([`super::corpus`]), so for every frame its units split into the same two
//! strata: at least one hit, or none. A coded unit is found in the corpus by
//! its `unit_id` and put in a stratum by the hits of its text on the sheet
//! (re-scored as `frame agree` scores it); its codes then count in that
//! stratum's table. The estimator is [`super::weighted`].
//!
//! Coded units the corpus lacks are left out of the estimates with a warning
//! (a sheet from another corpus, or other corpus flags); a stratum with corpus
//! units but no coded unit makes that frame's estimate undefined, and the
//! report says which stratum to code.

use super::corpus::{self, in_hit_stratum, ScoredUnit};
use super::stats::Table2;
use super::weighted::{
    self, Estimate, Stat, StratumCounts, RESAMPLES, SEED, WITHOUT_HITS, WITH_HITS,
};
use super::Unit;
use crate::lexicon::Lexicon;
use crate::model::error::{Error, Result};
use crate::model::options::Options;
use crate::report::format::{fixed, int};
use std::collections::HashMap;
use std::path::Path;

/// Ids shown in a warning about units.
const SHOWN_IDS: usize = 5;

/// Below this many coded units a stratum's share of the interval is shaky.
const FEW_CODED: usize = 5;

/// What `--corpus` asks for: the corpus is [`Options::corpus`]; `unit` is
/// `--unit` when given (else the sheet's ids tell).
#[derive(Debug, Clone, Copy, Default)]
pub struct CorpusRequest {
    /// Sentences or articles, when `--unit` was given.
    pub unit: Option<Unit>,
}

/// One coded row as the estimates need it.
#[derive(Debug, Clone, Copy)]
pub struct CodedRow<'a> {
    /// The unit's id on the sheet.
    pub unit_id: &'a str,
    /// The coder's codes, one per sheet frame.
    pub codes: &'a [bool],
    /// frame's hits in the unit's text, one per sheet frame.
    pub hits: &'a [f64],
}

/// One frame's strata and estimate.
#[derive(Debug, Clone)]
pub struct FrameEstimate {
    /// Frame name.
    pub frame: String,
    /// The stratum with hits, then the one without.
    pub strata: [StratumCounts; 2],
    /// The corpus estimate; `None` when a stratum of the corpus has no coded
    /// unit, or no coded unit is in the corpus.
    pub estimate: Option<Estimate>,
}

/// Everything `--corpus` adds to the report.
#[derive(Debug, Clone)]
pub struct CorpusEstimates {
    /// Sentences or articles.
    pub unit: Unit,
    /// Units in the corpus.
    pub corpus_units: usize,
    /// Coded units on the sheet.
    pub coded: usize,
    /// Coded units found in the corpus (the ones the estimates use).
    pub found: usize,
    /// Hits at which frame codes a unit 1.
    pub threshold: f64,
    /// One entry per sheet frame.
    pub frames: Vec<FrameEstimate>,
}

/// The unit the sheet's rows are: `--unit` when given, else what the ids say
/// (`unit_word` of the sheet: "sentences", "articles" or "units").
pub fn sheet_unit(path: &Path, unit_word: &str, flag: Option<Unit>) -> Result<Unit> {
    match (flag, unit_word) {
        (Some(u), _) => Ok(u),
        (None, "sentences") => Ok(Unit::Sentence),
        (None, "articles") => Ok(Unit::Article),
        _ => Err(Error::Input {
            path: path.to_path_buf(),
            message: "cannot tell whether the rows are sentences or articles (sentence ids look like `article#s3`; an article sheet has an article_id column equal to unit_id): give --unit sentence or --unit article, as to frame sample".into(),
        }),
    }
}

/// Reads and scores the corpus of `opts` and estimates every sheet frame
/// for it; returns the estimates and warnings (files skipped, coded units
/// not in the corpus).
pub fn run(
    sheet: &Path,
    rows: &[CodedRow],
    frames: &[String],
    unit: Unit,
    opts: &Options,
    lexicons: &[Lexicon],
    threshold: f64,
) -> Result<(CorpusEstimates, Vec<String>)> {
    let (docs, mut warnings) = corpus::load(opts)?;
    let (names, units) = corpus::units(&docs, opts, lexicons, unit)?;
    if units.is_empty() {
        return Err(Error::NoArticles {
            details: format!(
                ": the corpus given with --corpus has no {} with words to weight by",
                unit.singular()
            ),
        });
    }
    let sheet_name = sheet
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| sheet.display().to_string());
    let (est, w) = tally(&sheet_name, rows, frames, &names, &units, unit, threshold);
    warnings.extend(w);
    Ok((est, warnings))
}

/// The strata of every sheet frame and their estimates (see the module doc);
/// warnings name the coded units not in the corpus and those whose text falls
/// in another stratum than the corpus unit.
pub fn tally(
    sheet_name: &str,
    rows: &[CodedRow],
    frames: &[String],
    corpus_frames: &[String],
    units: &[ScoredUnit],
    unit: Unit,
    threshold: f64,
) -> (CorpusEstimates, Vec<String>) {
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(units.len());
    for (i, u) in units.iter().enumerate() {
        index.entry(u.unit_id.as_str()).or_insert(i);
    }
    let cols: Vec<Option<usize>> = frames
        .iter()
        .map(|f| corpus_frames.iter().position(|c| c == f))
        .collect();
    let mut missing: Vec<&str> = Vec::new();
    let mut moved: Vec<&str> = Vec::new();
    let mut found: Vec<&CodedRow> = Vec::new();
    for r in rows {
        let Some(&i) = index.get(r.unit_id) else {
            missing.push(r.unit_id);
            continue;
        };
        let differs = cols.iter().enumerate().any(|(k, c)| {
            c.is_some_and(|c| {
                units[i].has_hit(c) != in_hit_stratum(r.hits.get(k).copied().unwrap_or(0.0))
            })
        });
        if differs {
            moved.push(r.unit_id);
        }
        found.push(r);
    }
    let mut warnings = Vec::new();
    let (plural, coded) = (unit.plural(), rows.len());
    if !missing.is_empty() {
        let what = if found.is_empty() {
            format!("none of the {} coded {plural} of {sheet_name} is in the corpus given with --corpus (e.g. {}), so there are no corpus estimates", int(coded), ids(&missing))
        } else {
            format!(
                "{} of the {} coded {plural} of {sheet_name} are not in the corpus given with --corpus (e.g. {}): they count in the sample figures but are left out of the corpus estimates",
                int(missing.len()),
                int(coded),
                ids(&missing)
            )
        };
        warnings.push(format!(
            "{what}. Give --corpus the inputs that frame sample drew the sheet from, with the same flags (--text-column, --id-column, --keep-boilerplate, --unit ...)"
        ));
    }
    if !moved.is_empty() {
        warnings.push(format!(
            "{} coded {plural} of {sheet_name} have hits for a frame in the corpus but not in their text on the sheet, or the other way round (e.g. {}): each counts in the stratum of its text. Were the sheet and the corpus scored with other lexicons or --lang?",
            int(moved.len()),
            ids(&moved)
        ));
    }
    let frames = frames
        .iter()
        .enumerate()
        .map(|(k, f)| {
            let with = cols[k].map_or(0, |c| units.iter().filter(|u| u.has_hit(c)).count());
            let mut strata = [StratumCounts::default(); 2];
            strata[WITH_HITS].corpus = with;
            strata[WITHOUT_HITS].corpus = units.len() - with;
            for r in &found {
                let hits = r.hits.get(k).copied().unwrap_or(0.0);
                let h = if in_hit_stratum(hits) {
                    WITH_HITS
                } else {
                    WITHOUT_HITS
                };
                let t = &mut strata[h].coded;
                match (r.codes.get(k).copied().unwrap_or(false), hits >= threshold) {
                    (true, true) => t.both_1 += 1,
                    (true, false) => t.a_only += 1,
                    (false, true) => t.b_only += 1,
                    (false, false) => t.both_0 += 1,
                }
            }
            let estimate = if found.is_empty() {
                None
            } else {
                weighted::estimate(&strata, f).ok()
            };
            FrameEstimate {
                frame: f.clone(),
                strata,
                estimate,
            }
        })
        .collect();
    (
        CorpusEstimates {
            unit,
            corpus_units: units.len(),
            coded,
            found: found.len(),
            threshold,
            frames,
        },
        warnings,
    )
}

fn ids(v: &[&str]) -> String {
    let mut s = v
        .iter()
        .take(SHOWN_IDS)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if v.len() > SHOWN_IDS {
        s.push_str(", ...");
    }
    s
}

/// "a threat hit", "an economic hit".
fn a_hit(frame: &str) -> String {
    let vowel = frame
        .chars()
        .next()
        .is_some_and(|c| "aeiouAEIOU".contains(c));
    format!("{} {frame} hit", if vowel { "an" } else { "a" })
}

/// "0.66 [0.52, 0.79]", "0.66" without an interval, or "undefined"; an
/// interval of no width ([`no_width`]) says so, as every caution does.
fn with_interval(s: &Stat) -> String {
    match (s.value, s.interval) {
        (Some(v), Some(i)) => format!(
            "{} [{}, {}]{}",
            fixed(v, 2),
            fixed(i.lo, 2),
            fixed(i.hi, 2),
            if no_width(s) {
                " (an interval of no width: see the cautions)"
            } else {
                ""
            }
        ),
        (Some(v), None) => fixed(v, 2),
        (None, _) => "undefined".into(),
    }
}

/// Whether every resample gave a statistic the same value: an interval of
/// no width, which says nothing about the cases the sheet lacks.
fn no_width(s: &Stat) -> bool {
    s.interval.is_some_and(|i| i.hi - i.lo < 1e-9)
}

/// The sheet's coded units of a frame in both strata, as one table.
fn coded_total(fe: &FrameEstimate) -> Table2 {
    let [a, b] = fe.strata.map(|s| s.coded);
    Table2 {
        both_1: a.both_1 + b.both_1,
        a_only: a.a_only + b.a_only,
        b_only: a.b_only + b.b_only,
        both_0: a.both_0 + b.both_0,
    }
}

impl CorpusEstimates {
    fn units(&self, n: usize) -> String {
        let w = if n == 1 {
            self.unit.singular()
        } else {
            self.unit.plural()
        };
        format!("{} {w}", int(n))
    }

    /// The estimates of one frame, if it is on the sheet.
    pub fn frame(&self, name: &str) -> Option<&FrameEstimate> {
        self.frames.iter().find(|f| f.frame == name)
    }

    /// Why a frame has no estimate, with what to code; `None` when it has one.
    pub fn why_undefined(&self, fe: &FrameEstimate) -> Option<String> {
        if fe.estimate.is_some() {
            return None;
        }
        if self.found == 0 {
            return Some(format!(
                "no coded {} is in the corpus given with --corpus",
                self.unit.singular()
            ));
        }
        let names = [
            format!("with {}", a_hit(&fe.frame)),
            format!("without {}", a_hit(&fe.frame)),
        ];
        let empty: Vec<String> = fe
            .strata
            .iter()
            .zip(&names)
            .filter(|(s, _)| s.corpus > 0 && s.coded.n() == 0)
            .map(|(s, name)| format!("{} {name}", self.units(s.corpus)))
            .collect();
        Some(format!(
            "the corpus has {} but none of them is coded, so the corpus estimate is undefined: code some {} of that stratum too (frame sample draws at least one per stratum; a larger --n draws more)",
            empty.join(" and "),
            self.unit.plural()
        ))
    }

    /// The sentence for a methods section about one frame.
    pub fn sentence(&self, fe: &FrameEstimate) -> String {
        let Some(e) = &fe.estimate else {
            return format!(
                "{}: {}.",
                fe.frame,
                self.why_undefined(fe).unwrap_or_default()
            );
        };
        format!(
            "Weighted to the corpus's {} with {} and {} without, frame's recall for {f} is {}, its precision {} and Cohen's κ {} (95% intervals).",
            self.units(fe.strata[WITH_HITS].corpus),
            a_hit(&fe.frame),
            int(fe.strata[WITHOUT_HITS].corpus),
            with_interval(&e.recall),
            with_interval(&e.precision),
            with_interval(&e.kappa),
            f = fe.frame
        )
    }

    /// Cautions: few coded units standing for many, recalls of 1 that the
    /// bootstrap cannot question, resamples left out.
    pub fn cautions(&self) -> Vec<String> {
        let mut out = Vec::new();
        for fe in &self.frames {
            let Some(e) = &fe.estimate else { continue };
            for (s, side) in fe.strata.iter().zip(["with", "without"]) {
                let n = s.coded.n();
                if n > 0 && n < FEW_CODED && s.corpus > n {
                    out.push(format!(
                        "{}: the corpus's {} {side} {} rest on {} coded: the interval understates how much such {} vary. Code more of them.",
                        fe.frame,
                        self.units(s.corpus),
                        a_hit(&fe.frame),
                        int(n),
                        self.unit.plural()
                    ));
                }
            }
            let floor = weighted::recall_floor(&fe.strata);
            out.extend(self.few_or_fixed(fe, e, floor.is_some()));
            if let Some(floor) = floor {
                let s = &fe.strata[WITHOUT_HITS];
                out.push(format!(
                    "{f}: none of the {n} coded {p} without {hit} was coded 1, so the estimated recall is {r} with an interval of no width; yet up to 3/{n} of the corpus's {N} such {p} may be {f} (rule of three, 95%), which would put recall at {fl}.",
                    f = fe.frame,
                    hit = a_hit(&fe.frame),
                    n = s.coded.n(),
                    p = self.unit.plural(),
                    r = e.recall.value.map_or("undefined".into(), |v| fixed(v, 2)),
                    N = int(s.corpus),
                    fl = fixed(floor, 2)
                ));
            }
            for (name, st) in [
                ("precision", e.precision),
                ("recall", e.recall),
                ("κ", e.kappa),
            ] {
                if let Some(i) = st.interval.filter(|i| i.undefined > 0) {
                    out.push(format!(
                        "{}: {name} was undefined in {} of {} resamples, which its interval leaves out.",
                        fe.frame,
                        int(i.undefined),
                        int(RESAMPLES)
                    ));
                }
            }
        }
        out
    }

    /// Cautions for precision and recall of one frame that rest on few
    /// coded units: the same rule as the sample's cautions (fewer than
    /// [`FEW_CODED`] coded 1 on a side), and every interval of no width with
    /// why each resample gave the same value (but a recall of 1 that
    /// `recall_floor` explains, `floor_said`).
    fn few_or_fixed(&self, fe: &FrameEstimate, e: &Estimate, floor_said: bool) -> Vec<String> {
        let t = coded_total(fe);
        let f = &fe.frame;
        let units = |n: usize| {
            if n == 1 {
                format!("1 coded {}", self.unit.singular())
            } else {
                format!("{} coded {}", int(n), self.unit.plural())
            }
        };
        let mut out = Vec::new();
        for (name, st, side, ones, all_or_none) in [
            (
                "precision",
                &e.precision,
                "frame coded",
                t.b_1(),
                if t.both_1 == 0 {
                    "the coder marked none of them 1"
                } else {
                    "the coder marked every one of them 1"
                },
            ),
            (
                "recall",
                &e.recall,
                "the coder marked",
                t.a_1(),
                if t.both_1 == 0 {
                    "frame coded none of them 1"
                } else {
                    "frame coded every one of them 1"
                },
            ),
        ] {
            if st.value.is_none() || (name == "recall" && floor_said) {
                continue;
            }
            if no_width(st) {
                out.push(format!(
                    "{f}: {name} is {v} with an interval of no width: of the {n} {side} 1, {all_or_none}, so every resample gives {v}. That is not certainty{few}: code more {p} for {f}.",
                    v = st.value.map_or("undefined".into(), |v| fixed(v, 2)),
                    n = units(ones),
                    few = if ones < FEW_CODED {
                        ", and it rests on very few cases"
                    } else {
                        ""
                    },
                    p = self.unit.plural()
                ));
            } else if ones > 0 && ones < FEW_CODED {
                out.push(format!(
                    "{f}: {side} only {} of the coded {} 1, so the weighted {name} rests on very few cases.",
                    int(ones),
                    self.unit.plural()
                ));
            }
        }
        if no_width(&e.kappa) {
            out.push(format!(
                "{f}: κ has an interval of no width: every resample gives {}, which is not certainty.",
                e.kappa.value.map_or("undefined".into(), |v| fixed(v, 2))
            ));
        }
        out
    }

    /// The block for the terminal report.
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "\nCorpus estimates (weighted by stratum size; {} of the {} coded {} found among the corpus's {}):\n",
            int(self.found),
            int(self.coded),
            self.unit.plural(),
            int(self.corpus_units)
        );
        for fe in &self.frames {
            out.push_str(&format!("  {}\n", self.sentence(fe)));
        }
        let p = self.unit.plural();
        out.push_str(&format!(
            "  Method: for each frame the corpus's {p} with at least one hit and those without are two strata, as frame sample drew them; each coded {s} counts for N_h / n_h {p} (the corpus's {p} in its stratum over the coded ones: post-stratification), and the intervals are 95% percentile intervals of a stratified bootstrap ({r} resamples within each stratum, seed {SEED}).\n",
            s = self.unit.singular(),
            r = int(RESAMPLES)
        ));
        if self.threshold != 1.0 {
            out.push_str(&format!(
                "  With --threshold {}, the strata are still \"at least one hit\" and \"none\"; frame codes a {} of the hit stratum 1 only when its hits reach {}.\n",
                self.threshold,
                self.unit.singular(),
                self.threshold
            ));
        }
        for c in self.cautions() {
            out.push_str(&format!("  Caution: {c}\n"));
        }
        out
    }

    /// The columns `--csv` adds (after the existing ones).
    pub fn csv_header() -> [&'static str; 15] {
        [
            "weighted_precision",
            "weighted_precision_lo",
            "weighted_precision_hi",
            "weighted_recall",
            "weighted_recall_lo",
            "weighted_recall_hi",
            "weighted_kappa",
            "weighted_kappa_lo",
            "weighted_kappa_hi",
            "corpus_hits",
            "corpus_no_hits",
            "coded_hits",
            "coded_no_hits",
            "weighted_note",
            "weighted_sentence",
        ]
    }

    /// One frame's cells for [`Self::csv_header`] (empty when undefined).
    pub fn csv_cells(&self, frame: &str) -> Vec<String> {
        let Some(fe) = self.frame(frame) else {
            return vec![String::new(); Self::csv_header().len()];
        };
        let num = |x: Option<f64>| x.map(|v| format!("{v:.4}")).unwrap_or_default();
        let mut out = Vec::with_capacity(Self::csv_header().len());
        for st in fe
            .estimate
            .as_ref()
            .map(|e| [Some(e.precision), Some(e.recall), Some(e.kappa)])
            .unwrap_or([None; 3])
        {
            let i = st.and_then(|s| s.interval);
            out.push(num(st.and_then(|s| s.value)));
            out.push(num(i.map(|i| i.lo)));
            out.push(num(i.map(|i| i.hi)));
        }
        out.extend([
            fe.strata[WITH_HITS].corpus.to_string(),
            fe.strata[WITHOUT_HITS].corpus.to_string(),
            fe.strata[WITH_HITS].coded.n().to_string(),
            fe.strata[WITHOUT_HITS].coded.n().to_string(),
            self.why_undefined(fe).unwrap_or_default(),
            if fe.estimate.is_some() {
                self.sentence(fe)
            } else {
                String::new()
            },
        ]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Table2;

    fn unit(id: &str, hits: f64) -> ScoredUnit {
        ScoredUnit {
            unit_id: id.into(),
            article_id: "a".into(),
            text: String::new(),
            hits: vec![hits],
        }
    }

    /// 40 corpus sentences: a#s1..a#s10 with a threat hit, a#s11..a#s40 without.
    fn corpus() -> Vec<ScoredUnit> {
        (1..=40)
            .map(|i| unit(&format!("a#s{i}"), if i <= 10 { 1.0 } else { 0.0 }))
            .collect()
    }

    struct Row(String, [bool; 1], [f64; 1]);

    fn rows(spec: &[(&str, bool, f64)]) -> Vec<Row> {
        spec.iter()
            .map(|&(id, code, hits)| Row(id.into(), [code], [hits]))
            .collect()
    }

    fn coded(rows: &[Row]) -> Vec<CodedRow<'_>> {
        rows.iter()
            .map(|r| CodedRow {
                unit_id: &r.0,
                codes: &r.1,
                hits: &r.2,
            })
            .collect()
    }

    fn frames() -> Vec<String> {
        vec!["threat".into()]
    }

    #[test]
    fn coded_units_go_to_their_strata_and_are_weighted() {
        // 4 coded with hits (3 right), 4 without (2 missed by frame).
        let r = rows(&[
            ("a#s1", true, 1.0),
            ("a#s2", true, 2.0),
            ("a#s3", true, 1.0),
            ("a#s4", false, 1.0),
            ("a#s11", true, 0.0),
            ("a#s12", true, 0.0),
            ("a#s13", false, 0.0),
            ("a#s14", false, 0.0),
        ]);
        let (e, w) = tally(
            "s.csv",
            &coded(&r),
            &frames(),
            &frames(),
            &corpus(),
            Unit::Sentence,
            1.0,
        );
        assert!(w.is_empty(), "{w:?}");
        let fe = &e.frames[0];
        assert_eq!(fe.strata[0].corpus, 10);
        assert_eq!(fe.strata[1].corpus, 30);
        assert_eq!(
            fe.strata[0].coded,
            Table2 {
                both_1: 3,
                a_only: 0,
                b_only: 1,
                both_0: 0
            }
        );
        assert_eq!(
            fe.strata[1].coded,
            Table2 {
                both_1: 0,
                a_only: 2,
                b_only: 0,
                both_0: 2
            }
        );
        // Sample recall 3/5; weights 10/4 and 30/4: 7.5 / (7.5 + 15) = 1/3.
        let est = fe.estimate.unwrap();
        assert!((est.recall.value.unwrap() - 1.0 / 3.0).abs() < 1e-12);
        let s = e.sentence(fe);
        assert!(
            s.starts_with("Weighted to the corpus's 10 sentences with a threat hit and 30 without, frame's recall for threat is 0.33 ["),
            "{s}"
        );
        let t = e.to_text();
        assert!(t.contains("Corpus estimates (weighted by stratum size; 8 of the 8 coded sentences found among the corpus's 40):"), "{t}");
        assert!(!t.contains("--threshold"), "{t}");
        let cells = e.csv_cells("threat");
        assert_eq!(cells.len(), CorpusEstimates::csv_header().len());
        assert_eq!(cells[3], "0.3333");
        assert_eq!(&cells[9..13], ["10", "30", "4", "4"]);
    }

    #[test]
    fn units_from_elsewhere_are_named_and_left_out() {
        let r = rows(&[
            ("a#s1", true, 1.0),
            ("a#s11", true, 0.0),
            ("b#s1", true, 0.0),
            ("b#s2", false, 0.0),
        ]);
        let (e, w) = tally(
            "s.csv",
            &coded(&r),
            &frames(),
            &frames(),
            &corpus(),
            Unit::Sentence,
            1.0,
        );
        assert_eq!(e.found, 2);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].starts_with("2 of the 4 coded sentences of s.csv are not in the corpus given with --corpus (e.g. b#s1, b#s2)"), "{w:?}");
        assert_eq!(e.frames[0].strata[1].coded.n(), 1);
        // None found: one warning, and each frame says why it has no estimate.
        let r = rows(&[("b#s1", true, 0.0)]);
        let (e, w) = tally(
            "s.csv",
            &coded(&r),
            &frames(),
            &frames(),
            &corpus(),
            Unit::Sentence,
            1.0,
        );
        assert!(
            w[0].starts_with("none of the 1 coded sentences of s.csv is in the corpus"),
            "{w:?}"
        );
        assert!(e.frames[0].estimate.is_none());
        assert!(e
            .to_text()
            .contains("threat: no coded sentence is in the corpus"));
    }

    #[test]
    fn a_stratum_without_coded_units_says_what_to_code() {
        let r = rows(&[("a#s1", true, 1.0), ("a#s2", false, 1.0)]);
        let (e, _) = tally(
            "s.csv",
            &coded(&r),
            &frames(),
            &frames(),
            &corpus(),
            Unit::Sentence,
            1.0,
        );
        let fe = &e.frames[0];
        assert!(fe.estimate.is_none());
        let why = e.why_undefined(fe).unwrap();
        assert!(
            why.starts_with(
                "the corpus has 30 sentences without a threat hit but none of them is coded"
            ),
            "{why}"
        );
        assert!(why.contains("code some sentences of that stratum"), "{why}");
        let cells = e.csv_cells("threat");
        assert!(cells[..9].iter().all(String::is_empty));
        assert_eq!(cells[13], why);
    }

    #[test]
    fn a_threshold_keeps_the_strata_and_is_said() {
        // One hit: in the hit stratum, but frame codes it 0 at threshold 2.
        let r = rows(&[
            ("a#s1", true, 1.0),
            ("a#s2", true, 2.0),
            ("a#s11", false, 0.0),
        ]);
        let (e, _) = tally(
            "s.csv",
            &coded(&r),
            &frames(),
            &frames(),
            &corpus(),
            Unit::Sentence,
            2.0,
        );
        let fe = &e.frames[0];
        assert_eq!(
            fe.strata[0].coded,
            Table2 {
                both_1: 1,
                a_only: 1,
                b_only: 0,
                both_0: 0
            }
        );
        let t = e.to_text();
        assert!(
            t.contains("With --threshold 2, the strata are still \"at least one hit\""),
            "{t}"
        );
        // The coder found no threat among the sentences without a hit.
        assert!(t.contains("rule of three"), "{t}");
        assert!(
            t.contains("threat: the corpus's 30 sentences without a threat hit rest on 1 coded:"),
            "{t}"
        );
    }

    #[test]
    fn intervals_of_no_width_and_few_positives_are_cautioned() {
        // frame's 4 hits are all wrong and it misses both sentences the
        // coder marked: precision and recall 0 in every resample.
        let r = rows(&[
            ("a#s1", false, 1.0),
            ("a#s2", false, 1.0),
            ("a#s3", false, 1.0),
            ("a#s4", false, 1.0),
            ("a#s5", false, 1.0),
            ("a#s11", true, 0.0),
            ("a#s12", true, 0.0),
            ("a#s13", false, 0.0),
            ("a#s14", false, 0.0),
            ("a#s15", false, 0.0),
        ]);
        let (e, _) = tally(
            "s.csv",
            &coded(&r),
            &frames(),
            &frames(),
            &corpus(),
            Unit::Sentence,
            1.0,
        );
        let s = e.sentence(&e.frames[0]);
        assert!(s.contains("recall for threat is 0.00 [0.00, 0.00] (an interval of no width: see the cautions), its precision 0.00 [0.00, 0.00] (an interval of no width: see the cautions)"), "{s}");
        let c = e.cautions();
        assert!(c.iter().any(|c| c == "threat: recall is 0.00 with an interval of no width: of the 2 coded sentences the coder marked 1, frame coded none of them 1, so every resample gives 0.00. That is not certainty, and it rests on very few cases: code more sentences for threat."), "{c:#?}");
        assert!(c.iter().any(|c| c.starts_with("threat: precision is 0.00 with an interval of no width: of the 5 coded sentences frame coded 1, the coder marked none of them 1")), "{c:#?}");
        assert!(
            c.iter()
                .any(|c| c.starts_with("threat: recall was undefined in ")),
            "{c:#?}"
        );
        // Few coded 1 with an interval of some width: the sample's rule.
        let r = rows(&[
            ("a#s1", true, 1.0),
            ("a#s2", false, 1.0),
            ("a#s3", true, 1.0),
            ("a#s11", true, 0.0),
            ("a#s12", false, 0.0),
            ("a#s13", false, 0.0),
        ]);
        let (e, _) = tally(
            "s.csv",
            &coded(&r),
            &frames(),
            &frames(),
            &corpus(),
            Unit::Sentence,
            1.0,
        );
        let c = e.cautions();
        assert!(c.iter().any(|c| c == "threat: the coder marked only 3 of the coded sentences 1, so the weighted recall rests on very few cases."), "{c:#?}");
        assert!(c.iter().any(|c| c == "threat: frame coded only 3 of the coded sentences 1, so the weighted precision rests on very few cases."), "{c:#?}");
    }

    #[test]
    fn stratum_differences_between_sheet_and_corpus_are_named() {
        let r = rows(&[("a#s1", true, 0.0), ("a#s11", false, 0.0)]);
        let (_, w) = tally(
            "s.csv",
            &coded(&r),
            &frames(),
            &frames(),
            &corpus(),
            Unit::Sentence,
            1.0,
        );
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("(e.g. a#s1)"), "{w:?}");
    }

    #[test]
    fn the_unit_comes_from_the_flag_or_the_ids() {
        let p = Path::new("s.csv");
        assert_eq!(sheet_unit(p, "sentences", None).unwrap(), Unit::Sentence);
        assert_eq!(sheet_unit(p, "articles", None).unwrap(), Unit::Article);
        assert_eq!(
            sheet_unit(p, "units", Some(Unit::Article)).unwrap(),
            Unit::Article
        );
        let e = sheet_unit(p, "units", None).unwrap_err().to_string();
        assert!(
            e.contains("s.csv") && e.contains("--unit sentence or --unit article"),
            "{e}"
        );
    }
}
