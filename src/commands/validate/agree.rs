//! `frame agree`: agreement between a human coder and frame (one filled
//! coding sheet), or between two coders (two sheets matched by `unit_id`).
//!
//! Sheets are read by [`super::sheet`].
//!
//! Against frame, frame re-scores each unit's text with the lexicons in use
//! (defaults, or `--lexicon`; the scorer of `frame analyze`) and codes it 1 for a frame when its hits
//! reach `threshold` (default 1). The human coder is the reference for
//! precision and recall. Statistics are in [`super::stats`].

use super::entries::{self, CodedUnit, EntryTable};
use super::estimates::{self, CodedRow, CorpusEstimates, CorpusRequest};
use super::score_documents;
use super::sheet::{read_sheet, Sheet, SheetRow};
use super::stats::{alpha_band, kappa_band, Table2};
use crate::input::Document;
use crate::model::error::{Error, Result};
use crate::model::numbers::count;
use crate::model::options::Options;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Who is compared with whom.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    /// A human coder (reference) against frame's codes.
    Frame {
        /// Hits a unit needs for frame to code it 1.
        threshold: f64,
    },
    /// Two human coders.
    Coders {
        /// First sheet's file name.
        first: String,
        /// Second sheet's file name.
        second: String,
    },
}

/// Agreement on one frame.
#[derive(Debug, Clone)]
pub struct FrameAgreement {
    /// Frame name.
    pub frame: String,
    /// The 2x2 table: `a` is the human coder (or coder 1), `b` frame (or coder 2).
    pub table: Table2,
}

/// Everything `frame agree` reports.
#[derive(Debug, Clone)]
pub struct Report {
    /// Coder against frame, or coder against coder.
    pub mode: Mode,
    /// "sentences", "articles" or "units", for prose.
    pub unit_word: &'static str,
    /// One entry per frame coded.
    pub frames: Vec<FrameAgreement>,
    /// Non-fatal problems (units in one sheet only, frames in one sheet only).
    pub warnings: Vec<String>,
    /// Corpus estimates, with `--corpus`.
    pub corpus: Option<CorpusEstimates>,
    /// The entries behind frame's hits, with `--entries`.
    pub entries: Option<EntryTable>,
    /// Against frame, whether the sheet is a stratified `frame sample` sheet
    /// ([`Sheet::from_sample`]): its figures are then the sample's,
    /// unweighted, and the report says so where it gives them.
    pub stratified: bool,
}

/// Warnings for the frames a sheet codes that no lexicon in use scores,
/// and one naming the frames in use (`in_use`) that have no column on it,
/// which the comparison leaves out.
fn unknown_frame_warnings(sheet: &Sheet, in_use: &[String]) -> Vec<String> {
    let mut out: Vec<String> = sheet
        .unknown_frames
        .iter()
        .map(|f| {
            format!(
                "{}: the column `{f}` holds 0/1 codes, but no lexicon in use is called {f}, so it was left out (give its lexicon with --lexicon, as when the sheet was made)",
                file_name(&sheet.path)
            )
        })
        .collect();
    let uncoded: Vec<&str> = in_use
        .iter()
        .filter(|f| !sheet.frames.contains(f))
        .map(String::as_str)
        .collect();
    if !uncoded.is_empty() {
        out.push(format!(
            "{}: no column for {} (lexicons in use), so {} left out of the comparison",
            file_name(&sheet.path),
            uncoded.join(", "),
            if uncoded.len() == 1 {
                "it is"
            } else {
                "they are"
            }
        ));
    }
    out
}

/// "sentences" when every id is `<article>#s<n>`, "articles" when ids are the
/// article ids, else "units".
fn unit_word(sheet: &Sheet) -> &'static str {
    let sentence_id = |id: &str| {
        id.rsplit_once("#s").is_some_and(|(a, n)| {
            !a.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
        })
    };
    if sheet.rows.iter().all(|r| sentence_id(&r.unit_id)) {
        "sentences"
    } else if sheet.ids_are_articles {
        "articles"
    } else {
        "units"
    }
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

/// Reads one or two sheets and computes the agreement; with `corpus`, also
/// the corpus estimates of a coder-against-frame sheet.
pub fn run(
    paths: &[PathBuf],
    opts: &Options,
    threshold: f64,
    corpus: Option<CorpusRequest>,
    entries: bool,
) -> Result<Report> {
    if !(threshold.is_finite() && threshold > 0.0) {
        return Err(Error::Usage(format!(
            "--threshold must be above 0, not {threshold}"
        )));
    }
    if entries && paths.len() != 1 {
        return Err(Error::Usage(
            "--entries lists the entries behind frame's hits against one coder: give one coding sheet".into(),
        ));
    }
    if corpus.is_some() && paths.len() != 1 {
        return Err(Error::Usage(
            "--corpus weights one coder's sheet against frame: give one coding sheet (compare two coders without --corpus)".into(),
        ));
    }
    let set = crate::lexicon::load::set_for_run(opts)?;
    let frames: Vec<String> = set.lexicons.iter().map(|l| l.name.clone()).collect();
    let mut unknown = Vec::new();
    let mut report = match paths {
        [one] => {
            let sheet = read_sheet(one, &frames, true)?;
            unknown.extend(unknown_frame_warnings(&sheet, &frames));
            let Rescored {
                hits,
                entries: matched,
            } = rescore(&sheet, opts, &set.lexicons)?;
            let mut r = frame_report(&sheet, &hits, threshold);
            if entries {
                r.entries = Some(entry_table(&sheet, &matched, r.unit_word));
            }
            if let Some(req) = corpus {
                let unit = estimates::sheet_unit(one, r.unit_word, req.unit)?;
                let rows: Vec<CodedRow> = sheet
                    .rows
                    .iter()
                    .zip(&hits)
                    .map(|(row, h)| CodedRow {
                        unit_id: &row.unit_id,
                        codes: &row.codes,
                        hits: h,
                    })
                    .collect();
                let (est, warnings) = estimates::run(
                    one,
                    &rows,
                    &sheet.frames,
                    unit,
                    opts,
                    &set.lexicons,
                    threshold,
                )?;
                r.corpus = Some(est);
                r.warnings.extend(warnings);
            }
            r
        }
        [a, b] => {
            let (a, b) = (
                read_sheet(a, &frames, false)?,
                read_sheet(b, &frames, false)?,
            );
            unknown.extend(unknown_frame_warnings(&a, &frames));
            unknown.extend(unknown_frame_warnings(&b, &frames));
            // Two codings of different samples have nothing to agree
            // on: an error, not a table of n/a and a methods sentence.
            let ids: std::collections::HashSet<&str> =
                a.rows.iter().map(|r| r.unit_id.as_str()).collect();
            if !a.rows.is_empty() && !b.rows.iter().any(|r| ids.contains(r.unit_id.as_str())) {
                return Err(Error::Input {
                        path: b.path.clone(),
                        message: format!(
                            "no unit_id in common with {}: the two sheets code different samples; give two codings of the same sheet (frame sample writes one, each coder fills a copy)",
                            file_name(&a.path)
                        ),
                    });
            }
            between_coders(&a, &b)
        }
        _ => {
            return Err(Error::Usage(
                "give one filled coding sheet (coder against frame) or two (coder against coder)"
                    .into(),
            ))
        }
    };
    report.warnings.splice(
        0..0,
        set.warnings
            .iter()
            .map(|w| format!("lexicon: {w}"))
            .chain(unknown),
    );
    Ok(report)
}

/// The human codes of `sheet` against frame's codes for the same texts.
pub fn against_frame(
    sheet: &Sheet,
    opts: &Options,
    lexicons: &[crate::lexicon::Lexicon],
    threshold: f64,
) -> Result<Report> {
    let hits = rescore(sheet, opts, lexicons)?.hits;
    Ok(frame_report(sheet, &hits, threshold))
}

/// frame's hits in each row's text, one per sheet frame (lexicon in use),
/// and the entries each hit came from (as the evidence names them).
fn rescore(
    sheet: &Sheet,
    opts: &Options,
    lexicons: &[crate::lexicon::Lexicon],
) -> Result<Rescored> {
    let docs: Vec<Document> = sheet
        .rows
        .iter()
        .map(|r| Document {
            id: r.unit_id.clone(),
            source: format!("{}: row {}", sheet.path.display(), r.row),
            text: r.text.clone().unwrap_or_default(),
            ..Default::default()
        })
        .collect();
    let (names, scored) = score_documents(&docs, opts, lexicons)?;
    let cols: Vec<Option<usize>> = sheet
        .frames
        .iter()
        .map(|f| names.iter().position(|n| n == f))
        .collect();
    fn frame_of<'a>(
        s: &'a crate::scoring::DocScores,
        c: &Option<usize>,
    ) -> Option<&'a crate::model::FrameScore> {
        c.and_then(|c| s.frames.get(c))
    }
    Ok(Rescored {
        hits: scored
            .iter()
            .map(|(s, _)| {
                cols.iter()
                    .map(|c| frame_of(s, c).map_or(0.0, |x| x.hits))
                    .collect()
            })
            .collect(),
        entries: scored
            .iter()
            .map(|(s, _)| {
                cols.iter()
                    .map(|c| {
                        frame_of(s, c).map_or_else(Vec::new, |x| {
                            x.evidence.iter().map(|e| e.entry.clone()).collect()
                        })
                    })
                    .collect()
            })
            .collect(),
    })
}

/// A sheet's units as frame scores them.
struct Rescored {
    /// Hits per unit and sheet frame.
    hits: Vec<Vec<f64>>,
    /// The entries that matched, per unit and sheet frame.
    entries: Vec<Vec<Vec<String>>>,
}

/// The entries behind frame's hits in `sheet` (see [`super::entries`]).
fn entry_table(sheet: &Sheet, matched: &[Vec<Vec<String>>], unit_word: &'static str) -> EntryTable {
    let units: Vec<CodedUnit> = sheet
        .rows
        .iter()
        .zip(matched)
        .map(|(r, m)| CodedUnit {
            unit_id: &r.unit_id,
            codes: &r.codes,
            entries: m,
        })
        .collect();
    entries::tally(&sheet.frames, &units, unit_word)
}

/// The coder against frame's codes: a unit is 1 for frame when its hits
/// (`hits[row][frame]`) reach `threshold`.
fn frame_report(sheet: &Sheet, hits: &[Vec<f64>], threshold: f64) -> Report {
    let frames = sheet
        .frames
        .iter()
        .enumerate()
        .map(|(k, f)| {
            let human: Vec<bool> = sheet.rows.iter().map(|r| r.codes[k]).collect();
            let machine: Vec<bool> = hits.iter().map(|h| h[k] >= threshold).collect();
            FrameAgreement {
                frame: f.clone(),
                table: Table2::from_codes(&human, &machine),
            }
        })
        .collect();
    Report {
        mode: Mode::Frame { threshold },
        unit_word: unit_word(sheet),
        frames,
        warnings: Vec::new(),
        corpus: None,
        entries: None,
        stratified: sheet.from_sample,
    }
}

fn list(ids: &[&str]) -> String {
    let shown: Vec<&str> = ids.iter().take(10).copied().collect();
    format!(
        "{}{}",
        shown.join(", "),
        if ids.len() > 10 { ", ..." } else { "" }
    )
}

/// Coder 1 (`a`) against coder 2 (`b`), on the units and frames both sheets hold.
pub fn between_coders(a: &Sheet, b: &Sheet) -> Report {
    let (na, nb) = (file_name(&a.path), file_name(&b.path));
    let mut warnings = Vec::new();
    let b_index: BTreeMap<&str, usize> = b
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.unit_id.as_str(), i))
        .collect();
    let a_ids: std::collections::BTreeSet<&str> =
        a.rows.iter().map(|r| r.unit_id.as_str()).collect();
    let only_a: Vec<&str> = a
        .rows
        .iter()
        .map(|r| r.unit_id.as_str())
        .filter(|id| !b_index.contains_key(id))
        .collect();
    let only_b: Vec<&str> = b
        .rows
        .iter()
        .map(|r| r.unit_id.as_str())
        .filter(|id| !a_ids.contains(id))
        .collect();
    for (ids, inn, out) in [(&only_a, &na, &nb), (&only_b, &nb, &na)] {
        if !ids.is_empty() {
            warnings.push(format!(
                "{} in {inn} {} missing from {out} and {} left out: {}",
                count(ids.len(), "unit", "units"),
                if ids.len() == 1 { "is" } else { "are" },
                if ids.len() == 1 { "was" } else { "were" },
                list(ids)
            ));
        }
    }
    for (s, other, name) in [(a, b, &na), (b, a, &nb)] {
        for f in &s.frames {
            if !other.frames.contains(f) {
                warnings.push(format!("{f} is coded in {name} only and was left out"));
            }
        }
    }
    let pairs: Vec<(&SheetRow, &SheetRow)> = a
        .rows
        .iter()
        .filter_map(|r| b_index.get(r.unit_id.as_str()).map(|&i| (r, &b.rows[i])))
        .collect();
    if pairs.is_empty() {
        warnings.push(format!(
            "{na} and {nb} have no unit_id in common: nothing to compare"
        ));
    }
    let frames = a
        .frames
        .iter()
        .enumerate()
        .filter_map(|(ka, f)| {
            let kb = b.frames.iter().position(|x| x == f)?;
            let x: Vec<bool> = pairs.iter().map(|(r, _)| r.codes[ka]).collect();
            let y: Vec<bool> = pairs.iter().map(|(_, r)| r.codes[kb]).collect();
            Some(FrameAgreement {
                frame: f.clone(),
                table: Table2::from_codes(&x, &y),
            })
        })
        .collect();
    Report {
        mode: Mode::Coders {
            first: na,
            second: nb,
        },
        unit_word: unit_word(a),
        frames,
        warnings,
        corpus: None,
        entries: None,
        stratified: false,
    }
}

/// "name = 0.71" (or "name 0.71" without `eq`), or "name undefined".
fn stat(name: &str, x: Option<f64>, eq: bool) -> String {
    match x {
        Some(v) => {
            let s = format!("{v:.2}");
            let s = if s == "-0.00" { "0.00".to_string() } else { s };
            if eq {
                format!("{name} = {s}")
            } else {
                format!("{name} {s}")
            }
        }
        None => format!("{name} undefined"),
    }
}

fn f3(x: Option<f64>) -> String {
    x.map(|v| {
        let s = format!("{v:.3}");
        if s == "-0.000" {
            "0.000".into()
        } else {
            s
        }
    })
    .unwrap_or_else(|| "n/a".into())
}

fn pct(x: Option<f64>, d: usize) -> String {
    x.map(|v| format!("{:.*}%", d, v * 100.0))
        .unwrap_or_else(|| "n/a".into())
}

fn names(mode: &Mode) -> (&'static str, &'static str) {
    match mode {
        Mode::Frame { .. } => ("the human coder", "frame"),
        Mode::Coders { .. } => ("coder 1", "coder 2"),
    }
}

impl Report {
    fn units(&self, n: usize) -> String {
        let w = if n == 1 {
            self.unit_word.trim_end_matches('s')
        } else {
            self.unit_word
        };
        format!("{n} {w}")
    }

    /// A sentence for a methods section about one frame.
    pub fn sentence(&self, fa: &FrameAgreement) -> String {
        let t = &fa.table;
        let stats = format!(
            "{}, {}",
            stat("Cohen's κ", t.kappa(), true),
            stat("Krippendorff's α", t.alpha(), true)
        );
        match &self.mode {
            Mode::Frame { .. } => format!(
                "For {}, frame agreed with the human coder on {} of {}{} ({}; {}, {}{}).",
                fa.frame,
                pct(t.agreement(), 1),
                self.units(t.n()),
                if self.stratified {
                    " of a stratified sample"
                } else {
                    ""
                },
                stats,
                stat("precision", t.precision(), false),
                stat("recall", t.recall(), false),
                match (self.stratified, self.corpus.is_some()) {
                    (false, _) => "",
                    (true, false) => "; unweighted, so recall and κ are biased as figures for the corpus: frame agree --corpus weights them",
                    (true, true) => "; unweighted: the corpus estimates below weight them",
                }
            ),
            Mode::Coders { .. } => format!(
                "For {}, the two coders agreed on {} of {} ({}).",
                fa.frame,
                pct(t.agreement(), 1),
                self.units(t.n()),
                stats
            ),
        }
    }

    /// The plain-words reading of kappa and alpha for one frame, with why
    /// either is undefined or uninformative.
    pub fn reading(&self, fa: &FrameAgreement) -> String {
        let t = &fa.table;
        let (a, b) = names(&self.mode);
        let mut parts = Vec::new();
        if let Some(k) = t.kappa() {
            parts.push(format!(
                "κ {:.2}: {} agreement (Landis & Koch)",
                k,
                kappa_band(k)
            ));
        }
        if let Some(al) = t.alpha() {
            parts.push(format!("α {:.2}: {} (Krippendorff)", al, alpha_band(al)));
        }
        let mut s = format!("{}: ", fa.frame);
        if parts.is_empty() {
            s.push_str("κ and α undefined");
        } else {
            s.push_str(&parts.join("; "));
        }
        if let Some(why) = t.why_undefined(a, b) {
            s.push_str(&format!(" — {why}"));
        }
        s.push('.');
        s
    }

    /// What the table's figures are when the sheet is a stratified sample
    /// from `frame sample` ([`Report::stratified`]); `None` otherwise.
    pub fn sample_note(&self) -> Option<String> {
        let Mode::Frame { threshold } = self.mode else {
            return None;
        };
        if !self.stratified {
            return None;
        }
        let u = self.unit_word;
        Some(if self.corpus.is_some() {
            format!("These are the figures of the sheet's {u}, unweighted: frame sample drew them stratified (for every frame, {u} with hits and without apart), so the corpus estimates below weight them back to the corpus.")
        } else {
            format!(
                "Unweighted: the sheet has the columns frame sample writes, and frame sample draws a stratified sample (for every frame, {u} with hits and without apart; rare frames' {u} with hits over-represented). These figures count the sheet as if it were a simple random sample: {}recall, κ, α and agreement are biased as figures for the corpus (for rare frames, recall and κ come out too high). For corpus estimates, give the articles the sheet was drawn from: frame agree SHEET --corpus ARTICLES/ (user guide, \"Validating the dictionary\", step 4).",
                if threshold == 1.0 {
                    "precision holds for the corpus, but "
                } else {
                    ""
                }
            )
        })
    }

    /// Cautions about small numbers, in plain words.
    pub fn cautions(&self) -> Vec<String> {
        let mut out = Vec::new();
        let (a, b) = names(&self.mode);
        let n = self.frames.iter().map(|f| f.table.n()).max().unwrap_or(0);
        if n > 0 && n < 30 {
            out.push(format!(
                "Only {}: one unit moves the agreement by {:.0} percentage points, and κ and α can swing widely. Code more (50 to 100 per frame is common) before reporting these figures.",
                self.units(n),
                100.0 / n as f64
            ));
        }
        for fa in &self.frames {
            let t = &fa.table;
            if t.n() == 0 {
                continue;
            }
            let (a1, b1) = (t.a_1(), t.b_1());
            if a1 > 0 && a1 < 5 {
                out.push(format!(
                    "{}: {a} marked only {} 1, so {} rests on very few cases.",
                    fa.frame,
                    count(a1, "unit", "units"),
                    if matches!(self.mode, Mode::Frame { .. }) {
                        "recall"
                    } else {
                        "agreement on its presence"
                    }
                ));
            }
            if matches!(self.mode, Mode::Frame { .. }) && b1 > 0 && b1 < 5 {
                out.push(format!(
                    "{}: {b} coded only {} 1, so precision rests on very few cases.",
                    fa.frame,
                    count(b1, "unit", "units")
                ));
            }
        }
        out
    }

    /// The report for the terminal: a table, then the quotable sentences, the
    /// readings and the cautions.
    pub fn to_text(&self) -> String {
        let frame_mode = matches!(self.mode, Mode::Frame { .. });
        let mut header = vec!["frame", "units"];
        if frame_mode {
            header.extend(["coder=1", "frame=1"]);
        } else {
            header.extend(["coder1=1", "coder2=1"]);
        }
        header.extend(["both=1", "both=0", "agreement", "kappa", "alpha"]);
        if frame_mode {
            header.extend(["precision", "recall"]);
        }
        let mut rows: Vec<Vec<String>> = vec![header.iter().map(|s| s.to_string()).collect()];
        for fa in &self.frames {
            let t = &fa.table;
            let mut r = vec![
                fa.frame.clone(),
                t.n().to_string(),
                t.a_1().to_string(),
                t.b_1().to_string(),
                t.both_1.to_string(),
                t.both_0.to_string(),
                pct(t.agreement(), 1),
                f3(t.kappa()),
                f3(t.alpha()),
            ];
            if frame_mode {
                r.extend([f3(t.precision()), f3(t.recall())]);
            }
            rows.push(r);
        }
        let widths: Vec<usize> = (0..header.len())
            .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
            .collect();
        let mut out = String::new();
        match &self.mode {
            Mode::Frame { threshold } => out.push_str(&format!(
                "Human coder against frame (frame codes a unit 1 when its hits reach {threshold}; the human coder is the reference for precision and recall)\n\n"
            )),
            Mode::Coders { first, second } => out.push_str(&format!(
                "Coder 1 ({first}) against coder 2 ({second})\n\n"
            )),
        }
        for r in &rows {
            let cells: Vec<String> = r
                .iter()
                .enumerate()
                .map(|(c, v)| {
                    if c == 0 {
                        format!("{:<w$}", v, w = widths[c])
                    } else {
                        format!("{:>w$}", v, w = widths[c])
                    }
                })
                .collect();
            out.push_str(cells.join("  ").trim_end());
            out.push('\n');
        }
        if let Some(note) = self.sample_note() {
            out.push_str(&format!("\n{note}\n"));
        }
        out.push_str("\nFor a methods section:\n");
        for fa in &self.frames {
            out.push_str(&format!("  {}\n", self.sentence(fa)));
        }
        out.push_str("\nReading the numbers (κ: Landis & Koch 1977: below 0 poor, 0-0.20 slight, 0.21-0.40 fair, 0.41-0.60 moderate, 0.61-0.80 substantial, 0.81-1 almost perfect; α: Krippendorff 2004: at least 0.800 reliable, 0.667-0.800 tentative conclusions only, below 0.667 unreliable):\n");
        for fa in &self.frames {
            out.push_str(&format!("  {}\n", self.reading(fa)));
        }
        let cautions = self.cautions();
        if !cautions.is_empty() {
            out.push_str("\nCautions:\n");
            for c in cautions {
                out.push_str(&format!("  {c}\n"));
            }
        }
        if let Some(c) = &self.corpus {
            out.push_str(&c.to_text());
        }
        if let Some(e) = &self.entries {
            out.push_str(&e.to_text());
        }
        out
    }

    /// The report as CSV: one row per frame, undefined values empty and
    /// explained in the `note` column; with `--entries`, the entry table instead
    /// (one row per frame and entry).
    pub fn to_csv(&self) -> Vec<u8> {
        use crate::report::csv::write_text_record;
        if let Some(e) = &self.entries {
            return e.to_csv();
        }
        let frame_mode = matches!(self.mode, Mode::Frame { .. });
        let (a, b) = names(&self.mode);
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let mut header = vec!["frame", "units"];
        if frame_mode {
            header.extend(["coder_1", "frame_1"]);
        } else {
            header.extend(["coder1_1", "coder2_1"]);
        }
        header.extend(["both_1", "both_0", "agreement", "kappa", "alpha"]);
        if frame_mode {
            header.extend(["precision", "recall"]);
        }
        header.extend(["kappa_band", "alpha_band", "note", "sentence"]);
        if self.corpus.is_some() {
            header.extend(CorpusEstimates::csv_header());
        }
        write_text_record(&mut w, &header);
        let num = |x: Option<f64>| x.map(|v| format!("{v:.4}")).unwrap_or_default();
        for fa in &self.frames {
            let t = &fa.table;
            let mut r = vec![
                fa.frame.clone(),
                t.n().to_string(),
                t.a_1().to_string(),
                t.b_1().to_string(),
                t.both_1.to_string(),
                t.both_0.to_string(),
                num(t.agreement()),
                num(t.kappa()),
                num(t.alpha()),
            ];
            if frame_mode {
                r.extend([num(t.precision()), num(t.recall())]);
            }
            r.push(t.kappa().map(kappa_band).unwrap_or_default().to_string());
            r.push(t.alpha().map(alpha_band).unwrap_or_default().to_string());
            r.push(t.why_undefined(a, b).unwrap_or_default());
            r.push(self.sentence(fa));
            if let Some(c) = &self.corpus {
                r.extend(c.csv_cells(&fa.frame));
            }
            write_text_record(&mut w, &r);
        }
        w.into_inner().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames() -> Vec<String> {
        crate::lexicon::load::lexicons_for_run(&Options::new(vec![]))
            .unwrap()
            .iter()
            .map(|l| l.name.clone())
            .collect()
    }

    fn sheet(dir: &Path, name: &str, body: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, body).unwrap();
        p
    }

    /// A coding sheet cell that a spreadsheet would read as a formula is
    /// written with an apostrophe (report::csv::spreadsheet_safe) and read
    /// back as it was.
    #[test]
    fn formula_like_cells_read_back_unchanged() {
        let d = tempfile::tempdir().unwrap();
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        crate::report::csv::write_text_record(&mut w, ["unit_id", "article_id", "text", "threat"]);
        crate::report::csv::write_text_record(&mut w, ["=a#s1", "=a", "=HYPERLINK(\"x\")", "1"]);
        crate::report::csv::write_text_record(&mut w, ["-b#s1", "-b", "-- so it goes", "0"]);
        let bytes = w.into_inner().unwrap();
        assert!(String::from_utf8_lossy(&bytes).contains("'=HYPERLINK"));
        let p = d.path().join("s.csv");
        std::fs::write(&p, bytes).unwrap();
        let s = read_sheet(&p, &frames(), true).unwrap();
        let got: Vec<(&str, Option<&str>)> = s
            .rows
            .iter()
            .map(|r| (r.unit_id.as_str(), r.text.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("=a#s1", Some("=HYPERLINK(\"x\")")),
                ("-b#s1", Some("-- so it goes"))
            ]
        );
    }

    #[test]
    fn missing_and_bad_codes_name_the_row() {
        let d = tempfile::tempdir().unwrap();
        let p = sheet(
            d.path(),
            "s.csv",
            "unit_id,article_id,text,threat\na#s1,a,A knife attack.,1\na#s2,a,All calm.,\na#s3,a,Fine.,yes\n",
        );
        let e = read_sheet(&p, &frames(), true).unwrap_err().to_string();
        assert!(e.contains("s.csv"), "{e}");
        assert!(e.contains("2 rows with problems"), "{e}");
        assert!(e.contains("row 3 (unit a#s2): no code for threat"), "{e}");
        assert!(
            e.contains("row 4 (unit a#s3): “yes” for threat is not a code"),
            "{e}"
        );
    }

    #[test]
    fn codes_of_a_frame_without_its_lexicon_are_named() {
        let d = tempfile::tempdir().unwrap();
        let p = sheet(
            d.path(),
            "s.csv",
            "unit_id,text,threat,blame,notes\na#s1,A knife attack.,1,0,unsure\na#s2,All calm.,0,1,\n",
        );
        let s = read_sheet(&p, &frames(), true).unwrap();
        assert_eq!(s.frames, vec!["threat"]);
        // `notes` holds words, not codes: it is not taken for a frame.
        assert_eq!(s.unknown_frames, vec!["blame"]);
        let w = unknown_frame_warnings(&s, &["threat".to_string()]);
        assert_eq!(w.len(), 1);
        // A frame in use without a column is named once.
        let w = unknown_frame_warnings(&s, &frames());
        assert_eq!(w.len(), 2);
        assert!(
            w[1].starts_with("s.csv: no column for reassurance")
                && w[1].ends_with("so they are left out of the comparison"),
            "{w:?}"
        );
        assert!(
            w[0].starts_with("s.csv: the column `blame` holds 0/1 codes"),
            "{w:?}"
        );
        let r = run(&[p], &Options::new(vec![]), 1.0, None, false).unwrap();
        assert!(
            r.warnings.iter().any(|x| x.contains("`blame`")),
            "{:?}",
            r.warnings
        );
    }

    #[test]
    fn semicolons_extra_columns_and_deleted_frames() {
        let d = tempfile::tempdir().unwrap();
        let p = sheet(
            d.path(),
            "s.csv",
            "\u{feff}unit_id;text;Threat;notes\na#s1;A knife attack.;1;sure\n;;;\na#s2;All calm.;0;\n",
        );
        let s = read_sheet(&p, &frames(), true).unwrap();
        assert_eq!(s.frames, vec!["threat"]);
        assert_eq!(s.rows.len(), 2);
        assert_eq!(s.rows[1].row, 4);
        assert_eq!(s.rows[1].codes, vec![false]);
        assert_eq!(unit_word(&s), "sentences");
    }

    #[test]
    fn an_uncoded_sheet_says_so() {
        let d = tempfile::tempdir().unwrap();
        let p = sheet(
            d.path(),
            "s.csv",
            "unit_id,text,threat,morality\nx,a,,\ny,b,,\n",
        );
        let e = read_sheet(&p, &frames(), true).unwrap_err().to_string();
        assert!(e.contains("no codes yet"), "{e}");
        let p = sheet(
            d.path(),
            "t.csv",
            "unit_id,text,threat,morality\nx,a,1,\ny,b,,0\n",
        );
        let e = read_sheet(&p, &frames(), true).unwrap_err().to_string();
        assert!(e.contains("row 2 (unit x): no code for morality"), "{e}");
        assert!(e.contains("row 3 (unit y): no code for threat"), "{e}");
        assert!(e.contains("delete its column"), "{e}");
    }

    #[test]
    fn duplicates_and_missing_columns_are_errors() {
        let d = tempfile::tempdir().unwrap();
        let p = sheet(d.path(), "s.csv", "unit_id,text,threat\nx,a,1\nx,b,0\n");
        let e = read_sheet(&p, &frames(), true).unwrap_err().to_string();
        assert!(e.contains("row 3: unit x is already on row 2"), "{e}");
        let p = sheet(d.path(), "t.csv", "id,text,threat\nx,a,1\n");
        assert!(read_sheet(&p, &frames(), true)
            .unwrap_err()
            .to_string()
            .contains("no unit_id column"));
        let p = sheet(d.path(), "u.csv", "unit_id,text,notes\nx,a,1\n");
        assert!(read_sheet(&p, &frames(), true)
            .unwrap_err()
            .to_string()
            .contains("no frame column"));
    }

    #[test]
    fn against_frame_counts_hits_at_the_threshold() {
        let d = tempfile::tempdir().unwrap();
        let p = sheet(
            d.path(),
            "s.csv",
            "unit_id,text,threat,reassurance\n\
             a#s1,A violent knife attack left residents in fear.,1,0\n\
             a#s2,Police said there is no cause for alarm.,0,1\n\
             a#s3,The council met on Monday.,0,0\n\
             a#s4,The weather was mild and the market busy.,1,0\n",
        );
        let opts = Options::new(vec![]);
        let r = run(std::slice::from_ref(&p), &opts, 1.0, None, false).unwrap();
        let t = &r.frames[0].table;
        assert_eq!(r.frames[0].frame, "threat");
        // frame: s1 threat; the coder also says s4 (a miss for frame).
        assert_eq!((t.both_1, t.a_only, t.b_only, t.both_0), (1, 1, 0, 2));
        assert_eq!(t.recall(), Some(0.5));
        assert_eq!(t.precision(), Some(1.0));
        let re = &r.frames[1].table;
        assert_eq!((re.both_1, re.a_only, re.b_only, re.both_0), (1, 0, 0, 3));
        let s = r.sentence(&r.frames[0]);
        assert!(s.starts_with("For threat, frame agreed with the human coder on 75.0% of 4 sentences (Cohen's κ = 0.50"), "{s}");
        assert!(s.ends_with("precision 1.00, recall 0.50)."), "{s}");
        // A high threshold: frame codes nothing 1, precision is undefined.
        let r = run(&[p], &opts, 50.0, None, false).unwrap();
        assert_eq!(r.frames[0].table.b_1(), 0);
        assert!(r.sentence(&r.frames[0]).contains("precision undefined"));
        assert!(r.to_text().contains("Cautions:"));
    }

    #[test]
    fn a_frame_sample_sheet_says_its_figures_are_unweighted() {
        let d = tempfile::tempdir().unwrap();
        let rows = "a#s1,a,A violent knife attack left residents in fear.,1\n\
                    a#s2,a,The council met on Monday.,0\n\
                    b#s1,b,The weather was mild and the market busy.,1\n";
        // The columns frame sample writes: a stratified sample.
        let p = sheet(
            d.path(),
            "coded.csv",
            &format!(
                "unit_id,article_id,text,threat,notes\n{}",
                rows.replace("\n", ",\n")
            ),
        );
        let opts = Options::new(vec![]);
        let r = run(std::slice::from_ref(&p), &opts, 1.0, None, false).unwrap();
        assert!(r.stratified);
        let s = r.sentence(&r.frames[0]);
        assert!(s.starts_with("For threat, frame agreed with the human coder on 66.7% of 3 sentences of a stratified sample (Cohen's κ"), "{s}");
        assert!(s.ends_with("recall 0.50; unweighted, so recall and κ are biased as figures for the corpus: frame agree --corpus weights them)."), "{s}");
        let t = r.to_text();
        let note = t
            .find("Unweighted: the sheet has the columns frame sample writes")
            .unwrap();
        assert!(note < t.find("For a methods section:").unwrap(), "{t}");
        assert!(t.contains("frame agree SHEET --corpus ARTICLES/"), "{t}");
        assert!(t.contains("precision holds for the corpus"), "{t}");
        let csv = String::from_utf8(r.to_csv()).unwrap();
        assert!(csv.contains("of a stratified sample"), "{csv}");
        // With --corpus, the note points to the weighted figures instead.
        let mut with = r.clone();
        with.corpus = Some(CorpusEstimates {
            unit: super::super::Unit::Sentence,
            corpus_units: 0,
            coded: 0,
            found: 0,
            threshold: 1.0,
            frames: Vec::new(),
        });
        assert!(with
            .sentence(&with.frames[0])
            .ends_with("unweighted: the corpus estimates below weight them)."));
        assert!(with
            .to_text()
            .contains("the corpus estimates below weight them back to the corpus"));
        // A sheet made by hand (no article_id after unit_id) is not taken for one.
        let p = sheet(
            d.path(),
            "mine.csv",
            &format!(
                "unit_id,text,threat\n{}",
                rows.replace(",a,", ",").replace(",b,", ",")
            ),
        );
        let r = run(&[p], &opts, 1.0, None, false).unwrap();
        assert!(!r.stratified);
        assert!(!r.to_text().contains("Unweighted"));
        assert!(r.sentence(&r.frames[0]).ends_with("recall 0.50)."));
    }

    #[test]
    fn two_coders_match_by_unit_id_and_report_missing_units() {
        let d = tempfile::tempdir().unwrap();
        let a = sheet(
            d.path(),
            "alice.csv",
            "unit_id,threat,morality\nu1,1,0\nu2,0,0\nu3,1,1\nu4,0,0\n",
        );
        let b = sheet(
            d.path(),
            "bob.csv",
            "unit_id,threat\nu3,1\nu1,1\nu2,1\nu9,0\n",
        );
        let r = run(&[a, b], &Options::new(vec![]), 1.0, None, false).unwrap();
        assert_eq!(r.frames.len(), 1);
        let t = r.frames[0].table;
        assert_eq!((t.both_1, t.a_only, t.b_only, t.both_0), (2, 0, 1, 0));
        assert_eq!(r.unit_word, "units");
        let w = r.warnings.join("\n");
        assert!(
            w.contains("1 unit in alice.csv is missing from bob.csv and was left out: u4"),
            "{w}"
        );
        assert!(
            w.contains("1 unit in bob.csv is missing from alice.csv and was left out: u9"),
            "{w}"
        );
        assert!(w.contains("morality is coded in alice.csv only"), "{w}");
        assert!(r
            .sentence(&r.frames[0])
            .starts_with("For threat, the two coders agreed on 66.7% of 3 units"));
        let csv = String::from_utf8(r.to_csv()).unwrap();
        assert!(csv.starts_with("frame,units,coder1_1,coder2_1,both_1,both_0,agreement,kappa,alpha,kappa_band,alpha_band,note,sentence\n"), "{csv}");
    }
}
