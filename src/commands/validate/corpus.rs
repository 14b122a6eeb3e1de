//! A corpus's codable units and frame's hits in them: what `frame sample`
//! draws from and what `frame agree --corpus` counts, read once here so that
//! both see the same units, the same ids and the same strata.
//!
//! A unit is every sentence with at least one word (or every article), read
//! as `frame analyze` reads it (same boilerplate rules) and scored with the
//! lexicons in use. Its id is `<article_id>#s<sentence_no>`, or the article id.

use super::{score_documents, Unit};
use crate::input::{self, Document};
use crate::lexicon::Lexicon;
use crate::model::error::Result;
use crate::model::options::Options;

/// A codable unit with frame's hits (hidden from coders).
#[derive(Debug, Clone)]
pub struct ScoredUnit {
    /// Stable id: `<article_id>#s<sentence_no>`, or the article id.
    pub unit_id: String,
    /// The article it comes from.
    pub article_id: String,
    /// The text the coder reads.
    pub text: String,
    /// frame's hits per frame (lexicon order).
    pub hits: Vec<f64>,
}

impl ScoredUnit {
    /// Whether the unit is in frame `f`'s "with hits" stratum.
    pub fn has_hit(&self, f: usize) -> bool {
        in_hit_stratum(self.hits.get(f).copied().unwrap_or(0.0))
    }
}

/// The one stratum rule: a unit is "with hits" for a frame when frame finds
/// at least one match, whatever `--threshold` a later `frame agree` uses.
pub fn in_hit_stratum(hits: f64) -> bool {
    hits > 0.0
}

/// Reads the corpus of `opts`; the warnings name what was skipped and why.
pub fn load(opts: &Options) -> Result<(Vec<Document>, Vec<String>)> {
    let c = input::load(&opts.corpus)?;
    let mut warnings = c.warnings;
    warnings.extend(crate::commands::skipped::skipped_warnings(&c.skipped));
    Ok((c.documents, warnings))
}

/// Frame names (lexicon order) and the documents' codable units, scored, in
/// document order.
pub fn units(
    docs: &[Document],
    opts: &Options,
    lexicons: &[Lexicon],
    unit: Unit,
) -> Result<(Vec<String>, Vec<ScoredUnit>)> {
    let (frames, scored) = score_documents(docs, opts, lexicons)?;
    let mut units = Vec::new();
    for (d, (s, td)) in docs.iter().zip(&scored) {
        match unit {
            Unit::Article => units.push(ScoredUnit {
                unit_id: d.id.clone(),
                article_id: d.id.clone(),
                text: d.text.trim().to_string(),
                hits: s.frames.iter().map(|f| f.hits).collect(),
            }),
            Unit::Sentence => {
                let words = td.words_per_sentence();
                for (i, sent) in s.sentences.iter().enumerate() {
                    // A "sentence" without words (a dash, a number) cannot be coded.
                    if words.get(i).copied().unwrap_or(0) == 0 {
                        continue;
                    }
                    units.push(ScoredUnit {
                        unit_id: format!("{}#s{}", d.id, sent.sentence_no),
                        article_id: d.id.clone(),
                        text: sent.text.to_string(),
                        hits: sent.hits.clone(),
                    });
                }
            }
        }
    }
    Ok((frames, units))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_get_stable_ids_and_strata() {
        let docs = vec![Document {
            id: "a".into(),
            text: "A violent knife attack left residents in fear. The council met. -".into(),
            ..Default::default()
        }];
        let opts = Options::new(vec![]);
        let lex = crate::lexicon::load::lexicons_for_run(&opts).unwrap();
        let (frames, u) = units(&docs, &opts, &lex, Unit::Sentence).unwrap();
        let threat = frames.iter().position(|f| f == "threat").unwrap();
        let ids: Vec<&str> = u.iter().map(|x| x.unit_id.as_str()).collect();
        assert_eq!(ids, vec!["a#s1", "a#s2"], "the dash has no word");
        assert!(u[0].has_hit(threat));
        assert!(!u[1].has_hit(threat));
        let (_, a) = units(&docs, &opts, &lex, Unit::Article).unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].unit_id, "a");
    }

    #[test]
    fn one_hit_is_enough_for_the_hit_stratum() {
        assert!(in_hit_stratum(1.0));
        assert!(in_hit_stratum(0.5));
        assert!(!in_hit_stratum(0.0));
    }
}
