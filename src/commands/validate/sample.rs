//! `frame sample`: a seeded, stratified sample of sentences (or articles) as a
//! blank coding sheet for human coders.
//!
//! **Units.** Every sentence with at least one word (or every article) of the
//! corpus, read as `frame analyze` reads it (same boilerplate rules), scored
//! with the lexicons in use (defaults, or `--lexicon`): [`super::corpus`],
//! which `frame agree --corpus` reads too.
//!
//! **Strata.** For each frame, the units split into those where frame finds at
//! least one match ("with hits") and those where it finds none ("without").
//! Drawing:
//! 1. all units are shuffled with a seeded generator (Xoshiro256++, Fisher-Yates);
//! 2. for each frame in lexicon order, and for each of its two strata, units of
//!    that stratum are taken in shuffled order until the sample holds at least
//!    m of them, where m = max(1, floor(n / (2 × frames))) (or the whole
//!    stratum when it is smaller). This floor makes sure that units frame scores
//!    high and units it scores zero both appear for every frame, even rare ones;
//! 3. the rest of the sample is filled in shuffled order, so beyond the floors
//!    each stratum appears roughly in its proportion in the corpus.
//!
//! The sheet lists the sample in shuffled order (strata mixed, articles mixed),
//! without frame's scores, so that coding is blind. The same corpus, options
//! and seed give the same sheet, byte for byte.

use super::corpus::{self, ScoredUnit};
use super::Unit;
use crate::model::error::{Error, Result};
use crate::model::options::Options;
use crate::stats::resample;
use std::io::Write;
use std::path::Path;

/// How to draw a sample.
#[derive(Debug, Clone, Copy)]
pub struct SampleParams {
    /// Units wanted.
    pub n: usize,
    /// Seed of the shuffle.
    pub seed: u64,
    /// Sentences or articles.
    pub unit: Unit,
    /// Code columns for Semetko & Valkenburg's questions instead of frames.
    pub questions: bool,
}

/// Counts of one frame's strata in the corpus and in the sample.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stratum {
    /// Frame name.
    pub frame: String,
    /// Corpus units with at least one hit.
    pub corpus_with: usize,
    /// Corpus units without hits.
    pub corpus_without: usize,
    /// Sampled units with at least one hit.
    pub sample_with: usize,
    /// Sampled units without hits.
    pub sample_without: usize,
}

/// A drawn sample, ready to write.
#[derive(Debug, Clone)]
pub struct Sample {
    /// Frame names (the sheet's code columns).
    pub frames: Vec<String>,
    /// The parameters used.
    pub params: SampleParams,
    /// Units in the corpus.
    pub population: usize,
    /// The sampled units, in sheet order.
    pub units: Vec<ScoredUnit>,
    /// Strata per frame.
    pub strata: Vec<Stratum>,
    /// Smallest number of units per stratum the draw aimed at (step 2).
    pub floor: usize,
    /// Warnings (skipped files, small strata ...).
    pub warnings: Vec<String>,
}

/// Reads and scores the corpus, then draws the sample.
pub fn run(opts: &Options, params: &SampleParams) -> Result<Sample> {
    if params.n == 0 {
        return Err(Error::Usage("--n must be at least 1".into()));
    }
    let (docs, mut warnings) = corpus::load(opts)?;
    let set = crate::lexicon::load::set_for_run(opts)?;
    warnings.extend(set.warnings.iter().map(|w| format!("lexicon: {w}")));
    let (frames, units) = corpus::units(&docs, opts, &set.lexicons, params.unit)?;
    if units.is_empty() {
        return Err(Error::NoArticles {
            details: ": no sentence with words to sample".into(),
        });
    }
    let population = units.len();
    if params.n > population {
        warnings.push(format!(
            "asked for {} {} but the corpus has only {}: the sheet holds all of them",
            params.n,
            params.unit.plural(),
            population
        ));
    }
    let (picked, floor) = draw(&units, frames.len(), params.n, params.seed);
    let strata = strata(&frames, &units, &picked);
    for s in &strata {
        if s.corpus_with == 0 {
            warnings.push(format!(
                "no {} in the corpus has a {} hit, so frame scores every sampled one 0 for {}: the sheet can show what frame misses (recall) but not its precision",
                params.unit.singular(),
                s.frame,
                s.frame
            ));
        } else if s.corpus_without == 0 {
            warnings.push(format!(
                "every {} in the corpus has a {} hit: the sheet cannot show units frame scores 0 for {}",
                params.unit.singular(),
                s.frame,
                s.frame
            ));
        }
    }
    Ok(Sample {
        frames,
        params: *params,
        population,
        units: picked.iter().map(|&i| units[i].clone()).collect(),
        strata,
        floor,
        warnings,
    })
}

/// Indices of the sampled units in sheet (shuffled) order, and the per-stratum
/// floor m (see the module doc for the procedure).
pub fn draw(units: &[ScoredUnit], n_frames: usize, n: usize, seed: u64) -> (Vec<usize>, usize) {
    let n = n.min(units.len());
    let mut order: Vec<usize> = (0..units.len()).collect();
    resample::shuffle(&mut resample::rng(seed, "frame sample"), &mut order);
    let floor = (n / (2 * n_frames.max(1))).max(1);
    let mut chosen = vec![false; units.len()];
    let mut count = 0usize;
    for f in 0..n_frames {
        for with in [true, false] {
            let in_stratum = |i: usize| units[i].has_hit(f) == with;
            let mut have = (0..units.len())
                .filter(|&i| chosen[i] && in_stratum(i))
                .count();
            for &i in &order {
                if have >= floor || count >= n {
                    break;
                }
                if !chosen[i] && in_stratum(i) {
                    chosen[i] = true;
                    count += 1;
                    have += 1;
                }
            }
        }
    }
    for &i in &order {
        if count >= n {
            break;
        }
        if !chosen[i] {
            chosen[i] = true;
            count += 1;
        }
    }
    (order.into_iter().filter(|&i| chosen[i]).collect(), floor)
}

fn strata(frames: &[String], units: &[ScoredUnit], picked: &[usize]) -> Vec<Stratum> {
    frames
        .iter()
        .enumerate()
        .map(|(f, name)| {
            let cw = units.iter().filter(|u| u.has_hit(f)).count();
            let sw = picked.iter().filter(|&&i| units[i].has_hit(f)).count();
            Stratum {
                frame: name.clone(),
                corpus_with: cw,
                corpus_without: units.len() - cw,
                sample_with: sw,
                sample_without: picked.len() - sw,
            }
        })
        .collect()
}

/// The coding sheet: `unit_id, article_id, text`, then one empty column per
/// frame (or, with `questions`, per question of Semetko & Valkenburg's) for
/// the coder's 0 or 1.
pub fn to_csv(s: &Sample) -> Vec<u8> {
    use crate::report::csv::write_text_record;
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let codes: Vec<String> = if s.params.questions {
        super::questions::question_ids()
    } else {
        s.frames.clone()
    };
    let mut header: Vec<&str> = vec!["unit_id", "article_id", "text"];
    header.extend(codes.iter().map(String::as_str));
    write_text_record(&mut w, &header);
    for u in &s.units {
        let mut rec: Vec<&str> = vec![&u.unit_id, &u.article_id, &u.text];
        rec.extend(std::iter::repeat_n("", codes.len()));
        write_text_record(&mut w, &rec);
    }
    w.into_inner().unwrap_or_default()
}

/// The strata as a plain-text table (for stderr), with the draw's parameters.
pub fn strata_summary(s: &Sample) -> String {
    let mut out = format!(
        "frame: sampled {} of {} {} (seed {}; at least {} per stratum where there are that many)\n",
        crate::model::numbers::int(s.units.len()),
        crate::model::numbers::int(s.population),
        s.params.unit.plural(),
        s.params.seed,
        s.floor
    );
    let w = s.frames.iter().map(|f| f.len()).max().unwrap_or(5).max(5);
    out.push_str(&format!(
        "  {:<w$}  {:>12}  {:>15}  {:>12}  {:>15}\n",
        "frame", "corpus: hits", "corpus: no hits", "sample: hits", "sample: no hits"
    ));
    for st in &s.strata {
        out.push_str(&format!(
            "  {:<w$}  {:>12}  {:>15}  {:>12}  {:>15}\n",
            st.frame, st.corpus_with, st.corpus_without, st.sample_with, st.sample_without
        ));
    }
    out
}

/// Whether a new sheet can go to `path`: checked before the corpus is
/// read, so that a name already taken is reported before the work, not
/// after it. `Err` says what to do.
pub fn check_new(path: &Path) -> Result<()> {
    let err = |message: String| Error::Input {
        path: path.to_path_buf(),
        message,
    };
    if path.exists() {
        return Err(err(
            "the file already exists and frame never overwrites a coding sheet (it may hold codes): choose another name or move the old file".into(),
        ));
    }
    let dir = folder_of(path);
    if !dir.is_dir() {
        return Err(err(format!(
            "the folder {} does not exist: create it or choose another place for --out",
            dir.display()
        )));
    }
    Ok(())
}

/// The folder a file named by `path` goes in.
fn folder_of(path: &Path) -> std::path::PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    }
}

/// Writes a sheet to `path` without ever replacing an existing file (it may
/// hold a coder's work): a temporary file in the same folder, then a rename.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let err = |message: String| Error::Input {
        path: path.to_path_buf(),
        message,
    };
    check_new(path)?;
    let dir = folder_of(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "sheet.csv".into());
    let tmp = dir.join(format!(".frame-tmp-{name}"));
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        // hard_link fails if the target appeared meanwhile, so nothing is replaced.
        std::fs::hard_link(&tmp, path).or_else(|_| {
            if path.exists() {
                Err(std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "file appeared while writing",
                ))
            } else {
                std::fs::rename(&tmp, path)
            }
        })?;
        let _ = std::fs::remove_file(&tmp);
        Ok(())
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        err(format!("cannot write the coding sheet: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(i: usize, hits: &[f64]) -> ScoredUnit {
        ScoredUnit {
            unit_id: format!("a#s{i}"),
            article_id: "a".into(),
            text: format!("sentence {i}"),
            hits: hits.to_vec(),
        }
    }

    /// 200 units: frame 0 hits in every 10th, frame 1 in units 7 and 99 only.
    fn population() -> Vec<ScoredUnit> {
        (0..200)
            .map(|i| {
                unit(
                    i,
                    &[
                        if i % 10 == 0 { 1.0 } else { 0.0 },
                        if i == 7 || i == 99 { 2.0 } else { 0.0 },
                    ],
                )
            })
            .collect()
    }

    #[test]
    fn same_seed_same_sample_other_seed_other_sample() {
        let u = population();
        let (a, _) = draw(&u, 2, 40, 42);
        let (b, _) = draw(&u, 2, 40, 42);
        assert_eq!(a, b);
        let (c, _) = draw(&u, 2, 40, 43);
        assert_ne!(a, c);
        assert_eq!(a.len(), 40);
        let mut d = a.clone();
        d.sort();
        d.dedup();
        assert_eq!(d.len(), 40, "no unit twice");
    }

    #[test]
    fn every_stratum_reaches_its_floor() {
        let u = population();
        for seed in 0..20 {
            let (s, floor) = draw(&u, 2, 40, seed);
            assert_eq!(floor, 10);
            let with0 = s.iter().filter(|&&i| u[i].hits[0] > 0.0).count();
            let with1 = s.iter().filter(|&&i| u[i].hits[1] > 0.0).count();
            assert!(with0 >= 10, "seed {seed}: {with0}");
            // The rare frame's stratum is smaller than the floor: all of it.
            assert_eq!(with1, 2, "seed {seed}");
            assert!(s.len() - with0 >= 10);
        }
    }

    #[test]
    fn asking_for_more_than_there_is_gives_everything() {
        let u = population();
        let (s, _) = draw(&u, 2, 1000, 1);
        assert_eq!(s.len(), 200);
    }

    #[test]
    fn sheet_has_blank_code_columns() {
        let mut s = Sample {
            frames: vec!["threat".into(), "reassurance".into()],
            params: SampleParams {
                n: 1,
                seed: 1,
                unit: Unit::Sentence,
                questions: false,
            },
            population: 1,
            units: vec![unit(3, &[1.0, 0.0])],
            strata: vec![],
            floor: 1,
            warnings: vec![],
        };
        let csv = String::from_utf8(to_csv(&s)).unwrap();
        assert_eq!(
            csv,
            "unit_id,article_id,text,threat,reassurance\na#s3,a,sentence 3,,\n"
        );
        // With the questions, one blank column per question instead.
        s.params.questions = true;
        let csv = String::from_utf8(to_csv(&s)).unwrap();
        let header = csv.lines().next().unwrap();
        assert_eq!(
            header,
            "unit_id,article_id,text,R1,R2,R3,R4,R5,H1,H2,H3,H4,C1,C2,C3,C4,M1,M2,M3,E1,E2,E3"
        );
        assert!(csv.lines().nth(1).unwrap().ends_with(&",".repeat(19)));
    }

    #[test]
    fn never_overwrites_a_sheet() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sheet.csv");
        write_new(&p, b"one").unwrap();
        let e = write_new(&p, b"two").unwrap_err();
        assert!(e.to_string().contains("never overwrites"), "{e}");
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        assert!(!dir.path().join(".frame-tmp-sheet.csv").exists());
    }
}
