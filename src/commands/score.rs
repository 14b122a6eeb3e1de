//! `frame score`: frame and sentiment scores for short texts (headlines,
//! posts) read from stdin lines or a CSV / JSON Lines file, without a report.

use crate::input::{self, Document};
use crate::model::error::{Error, Result};
use crate::model::options::{CorpusOptions, Options};
use crate::scoring::sentiment::{SentimentAnalyzer, SentimentLexicon};
use crate::scoring::{FrameScorer, DEFAULT_NEGATION_WINDOW};
use crate::text::tokens;
use rayon::prelude::*;
use serde::Serialize;
use std::io::BufRead;

/// Scores of one short text.
#[derive(Debug, Clone, Serialize)]
pub struct ScoreRow {
    /// Id (line number, or the id column).
    pub id: String,
    /// Compound sentiment in [-1, 1].
    pub sentiment: f64,
    /// Positive share.
    pub positive: f64,
    /// Negative share.
    pub negative: f64,
    /// Neutral share.
    pub neutral: f64,
    /// (frame name, hits per 1,000 words), in lexicon order.
    pub frames: Vec<(String, f64)>,
    /// Threat/reassurance balance.
    pub threat_balance: f64,
}

/// Reads texts: the rows of the table in `opts.corpus.inputs[0]`, or stdin lines.
pub fn read_texts(
    opts: &Options,
    stdin: Option<&mut dyn BufRead>,
) -> Result<(Vec<Document>, Vec<String>)> {
    if let Some(stdin) = stdin {
        let mut docs = Vec::new();
        for (i, line) in stdin.lines().enumerate() {
            let line = line.map_err(|e| Error::Input {
                path: "<stdin>".into(),
                message: format!("line {}: {e}", i + 1),
            })?;
            if line.trim().is_empty() {
                continue;
            }
            docs.push(Document {
                id: (i + 1).to_string(),
                source: format!("<stdin>:line {}", i + 1),
                text: line,
                ..Default::default()
            });
        }
        if docs.is_empty() {
            return Err(Error::NoArticles {
                details: ": no text on standard input".into(),
            });
        }
        return Ok((docs, Vec::new()));
    }
    let c = input::load(&CorpusOptions {
        keep_boilerplate: true,
        ..opts.corpus.clone()
    })?;
    let mut warnings = c.warnings;
    warnings.extend(
        c.skipped
            .iter()
            .map(|s| format!("skipped {}: {}", s.source, s.reason)),
    );
    Ok((c.documents, warnings))
}

/// Scores documents with the run's lexicons (defaults and `--lexicon` files).
pub fn score(docs: &[Document], opts: &Options) -> Result<Vec<ScoreRow>> {
    let stop = crate::text::stop_list::for_run(opts)?;
    let tc = tokens::tokenize_corpus(docs, &opts.lang, &stop);
    let lexicons = crate::lexicon::load::lexicons_for_run(opts)?;
    let senti = SentimentAnalyzer::new(SentimentLexicon::builtin());
    let scorer = FrameScorer::new(&lexicons, &tc.vocab, &opts.lang, DEFAULT_NEGATION_WINDOW);
    Ok(docs
        .par_iter()
        .zip(tc.docs.par_iter())
        .map(|(d, td)| {
            let s = scorer.score(&d.text, td, &tc.vocab, &senti);
            ScoreRow {
                id: d.id.clone(),
                sentiment: s.sentiment.compound,
                positive: s.sentiment.positive,
                negative: s.sentiment.negative,
                neutral: s.sentiment.neutral,
                frames: s
                    .frames
                    .iter()
                    .map(|f| (f.frame.clone(), f.per_1k))
                    .collect(),
                threat_balance: s.threat_balance,
            }
        })
        .collect())
}

/// Writes rows as CSV (`id, sentiment, positive, negative, neutral, <frames...>, threat_balance`).
pub fn to_csv(rows: &[ScoreRow], frames: &[String]) -> Vec<u8> {
    use crate::report::csv::write_text_record;
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let mut header: Vec<String> = ["id", "sentiment", "positive", "negative", "neutral"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    header.extend(frames.iter().cloned());
    header.push("threat_balance".into());
    write_text_record(&mut w, &header);
    for r in rows {
        let mut rec = vec![
            r.id.clone(),
            format!("{:.4}", r.sentiment),
            format!("{:.4}", r.positive),
            format!("{:.4}", r.negative),
            format!("{:.4}", r.neutral),
        ];
        rec.extend(r.frames.iter().map(|(_, v)| format!("{v:.4}")));
        rec.push(format!("{:.4}", r.threat_balance));
        write_text_record(&mut w, &rec);
    }
    w.into_inner().unwrap_or_default()
}

/// Writes rows as JSON Lines, frames as named fields.
pub fn to_jsonl(rows: &[ScoreRow]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in rows {
        let mut m = serde_json::Map::new();
        m.insert("id".into(), r.id.clone().into());
        for (k, v) in [
            ("sentiment", r.sentiment),
            ("positive", r.positive),
            ("negative", r.negative),
            ("neutral", r.neutral),
        ] {
            m.insert(k.into(), serde_json::json!(v));
        }
        for (k, v) in &r.frames {
            m.insert(k.clone(), serde_json::json!(v));
        }
        m.insert("threat_balance".into(), serde_json::json!(r.threat_balance));
        out.extend(serde_json::Value::Object(m).to_string().into_bytes());
        out.push(b'\n');
    }
    out
}
