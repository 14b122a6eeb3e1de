//! What `validation/run` measured for each default frame lexicon against
//! human-coded news (docs/validity.md), embedded so that every report can
//! say how far each frame score can be trusted. A figure is given only for
//! the lexicon it was measured on: each row carries the SHA-256 of the
//! lexicon file, and a default whose text has changed since gets none (a
//! unit test fails until the validation is run again).

use super::builtin::{BUILTIN_NAMES, BUILTIN_TEXTS};
use crate::model::FrameValidity;
use sha2::{Digest, Sha256};

/// `validation/results.csv` as written by `validation/run`.
const RESULTS: &str = include_str!("../../validation/results.csv");

/// `validation/generic_frames.csv` as written by `validation/run`: the five
/// generic frames against the project's coding with Semetko & Valkenburg's
/// questions (docs/validity-generic-frames.md).
const GENERIC: &str = include_str!("../../validation/generic_frames.csv");

/// AUC below which a frame is called exploratory in the reports.
pub const EXPLORATORY_BELOW: f64 = 0.70;

/// Threat words per 1,000 below which an article names little danger: in the
/// project's coded general news, about 3 in 10 reassurance matches in such
/// articles reassured (docs/validity-reassurance-sample.md).
pub const LOW_THREAT_PER_1K: f64 = 6.0;

/// Threat words per 1,000 above which about 3 in 5 reassurance matches
/// reassured in the same samples.
pub const HIGH_THREAT_PER_1K: f64 = 19.0;

/// In news about a danger the default reassurance list found about one
/// reassuring sentence in this many, as a range over two coded samples
/// (recall 0.12 [0.08, 0.16] and 0.08 [0.04, 0.20]: the fifteenth and
/// fourteenth samples of docs/validity-reassurance-sample.md).
pub const REASSURANCE_FOUND_ONE_IN: [u32; 2] = [8, 12];

/// [`REASSURANCE_FOUND_ONE_IN`] as report text: "1 in 8 to 1 in 12".
pub fn reassurance_found_share() -> String {
    let [a, b] = REASSURANCE_FOUND_ONE_IN;
    format!("1 in {a} to 1 in {b}")
}

/// The data set name of the project's own coding with the generic frames'
/// definition (validation/generic_frames.csv).
pub const OWN_DEFINITION: &str = "news-sv";

/// The reading of a frame's measurements, judged on its lowest AUC on the
/// public data sets as printed (two decimals), as docs/validity.md judges
/// it: "holds up" (0.80 or more), "moderate", "exploratory" (below
/// [`EXPLORATORY_BELOW`]), or "not validated" when there is none. The
/// project's own coding ([`OWN_DEFINITION`]) is shown beside the verdict,
/// not counted in it: it is not an independent coding.
pub fn verdict(v: &[FrameValidity]) -> &'static str {
    let public: Vec<&FrameValidity> = v.iter().filter(|x| x.dataset != OWN_DEFINITION).collect();
    if public.is_empty() {
        return "not validated";
    }
    let low = public.iter().map(|x| x.auc).fold(f64::INFINITY, f64::min);
    let low = (low * 100.0).round() / 100.0;
    if low >= 0.80 {
        "holds up"
    } else if low >= EXPLORATORY_BELOW {
        "moderate"
    } else {
        "exploratory"
    }
}

/// Hex SHA-256 of a text.
fn sha256(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The measurements of the default lexicon `name` (the main mapping of
/// each data set, not the variants), or none when `name` is no default,
/// was not measured, or has changed since it was measured.
pub fn measured(name: &str) -> Vec<FrameValidity> {
    let Some(i) = BUILTIN_NAMES.iter().position(|n| *n == name) else {
        return Vec::new();
    };
    let hash = sha256(BUILTIN_TEXTS[i]);
    [RESULTS, GENERIC]
        .iter()
        .flat_map(|table| rows_of(table, name, &hash))
        .collect()
}

/// The rows of one results table for the frame `name` measured on the
/// lexicon text with SHA-256 `hash`.
fn rows_of(table: &str, name: &str, hash: &str) -> Vec<FrameValidity> {
    let mut rdr = csv::Reader::from_reader(table.as_bytes());
    let Ok(header) = rdr.headers().cloned() else {
        return Vec::new();
    };
    let col = |k: &str| header.iter().position(|h| h == k);
    let (
        Some(frame),
        Some(dataset),
        Some(labels),
        Some(mapping),
        Some(variant),
        Some(sha),
        Some(pos),
        Some(n),
        Some(auc),
        Some(lo),
        Some(hi),
    ) = (
        col("frame"),
        col("dataset"),
        col("labels"),
        col("mapping"),
        col("variant"),
        col("lexicon_sha256"),
        col("positives"),
        col("n"),
        col("auc"),
        col("auc_lo"),
        col("auc_hi"),
    )
    else {
        return Vec::new();
    };
    rdr.records()
        .filter_map(Result::ok)
        .filter(|r| r.get(frame) == Some(name) && r.get(variant) == Some("False"))
        .filter(|r| r.get(sha) == Some(hash))
        .filter_map(|r| {
            let num = |c: usize| r.get(c)?.parse::<f64>().ok().filter(|x| x.is_finite());
            Some(FrameValidity {
                dataset: r.get(dataset)?.to_string(),
                labels: r.get(labels)?.to_string(),
                mapping: r.get(mapping)?.to_string(),
                positives: r.get(pos)?.parse().ok()?,
                n: r.get(n)?.parse().ok()?,
                auc: num(auc)?,
                auc_low: num(lo)?,
                auc_high: num(hi)?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_measured_default_is_measured_on_its_current_text() {
        // A default lexicon edited after validation/run loses its figures:
        // run validation/run again and commit docs/validity.md with it.
        let frames: std::collections::BTreeSet<String> = [RESULTS, GENERIC]
            .iter()
            .flat_map(|t| {
                csv::Reader::from_reader(t.as_bytes())
                    .records()
                    .map(|r| r.unwrap().get(0).unwrap().to_string())
                    .collect::<Vec<_>>()
            })
            .collect();
        assert!(
            frames.contains("economic") && frames.contains("threat"),
            "{frames:?}"
        );
        for f in &frames {
            assert!(
                !measured(f).is_empty(),
                "lexicons/{f}.txt changed since validation/run measured it"
            );
        }
        assert!(measured("reassurance").is_empty());
        assert!(measured("not a frame").is_empty());
        // The project's own coding is shown, not counted in the verdict.
        let own = FrameValidity {
            dataset: OWN_DEFINITION.into(),
            auc: 0.5,
            ..Default::default()
        };
        assert_eq!(verdict(std::slice::from_ref(&own)), "not validated");
        let public = FrameValidity {
            dataset: "semeval".into(),
            auc: 0.85,
            ..Default::default()
        };
        assert_eq!(verdict(&[public, own]), "holds up");
        let e = measured("economic");
        assert!(e.iter().all(|v| v.auc_low <= v.auc && v.auc <= v.auc_high));
        // Both tables are read: the public data sets and the project's coding.
        let r = measured("responsibility");
        assert!(r.iter().any(|v| v.dataset == "semeval"), "{r:?}");
        assert!(r.iter().any(|v| v.dataset == "news-sv"), "{r:?}");
    }
}
