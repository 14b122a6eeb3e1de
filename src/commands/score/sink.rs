//! Where `frame score` writes its rows: CSV (one header) or JSON Lines.

use serde::Serialize;
use std::io::Write;

/// Scores of one short text.
#[derive(Debug, Clone, Serialize)]
pub struct ScoreRow {
    /// Id (line number, or the id column).
    pub id: String,
    /// Word tokens the scores are per 1,000 of (stop words included, as in
    /// `analyze`): with it a reader can turn a score back into its hits.
    pub words: usize,
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
    /// Threat/reassurance balance; `None` when the text has neither.
    pub threat_balance: Option<f64>,
}

/// Where `frame score` writes: CSV (one header) or JSON Lines.
pub struct RowSink<'a> {
    out: &'a mut dyn Write,
    json: bool,
    frames: Vec<String>,
    header_done: bool,
    /// Set when the output cannot take more (the reader went away, `| head`,
    /// or the disk is full): nothing more is scored.
    pub closed: bool,
    /// Why, when it was not the reader going away: the run then fails
    /// ([`RowSink::finish`]).
    error: Option<std::io::Error>,
}

impl<'a> RowSink<'a> {
    /// A sink writing to `out`.
    pub fn new(out: &'a mut dyn Write, json: bool, frames: Vec<String>) -> Self {
        RowSink {
            out,
            json,
            frames,
            header_done: false,
            closed: false,
            error: None,
        }
    }

    /// The outcome of the writes: a closed pipe is none of the run's
    /// business (the Unix convention), any other failed write is an error.
    pub fn finish(self) -> Result<(), crate::Error> {
        crate::commands::terminal::stdout_result(self.error.map_or(Ok(()), Err))
    }

    /// Writes a batch of rows (the CSV header before the first).
    pub fn write(&mut self, rows: &[ScoreRow]) {
        let mut bytes = Vec::new();
        if !self.json && !self.header_done {
            bytes = to_csv(&[], &self.frames);
            self.header_done = true;
        }
        bytes.extend(if self.json {
            to_jsonl(rows)
        } else {
            csv_rows(rows)
        });
        // Either way nothing more is written; `finish` tells a closed
        // pipe (`| head`, no error) from a full disk.
        if let Err(e) = self.out.write_all(&bytes).and_then(|_| self.out.flush()) {
            self.closed = true;
            self.error = Some(e);
        }
    }
}

/// Writes rows as CSV (`id, words, sentiment, positive, negative, neutral, <frames...>, threat_balance`).
pub fn to_csv(rows: &[ScoreRow], frames: &[String]) -> Vec<u8> {
    use crate::report::csv::write_text_record;
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let mut header: Vec<String> = [
        "id",
        "words",
        "sentiment",
        "positive",
        "negative",
        "neutral",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    header.extend(frames.iter().cloned());
    header.push("threat_balance".into());
    write_text_record(&mut w, &header);
    let mut bytes = w.into_inner().unwrap_or_default();
    bytes.extend(csv_rows(rows));
    bytes
}

/// The CSV rows of [`to_csv`] without the header.
fn csv_rows(rows: &[ScoreRow]) -> Vec<u8> {
    use crate::report::csv::write_text_record;
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .has_headers(false)
        .from_writer(Vec::new());
    for r in rows {
        let mut rec = vec![
            r.id.clone(),
            r.words.to_string(),
            format!("{:.4}", r.sentiment),
            format!("{:.4}", r.positive),
            format!("{:.4}", r.negative),
            format!("{:.4}", r.neutral),
        ];
        rec.extend(r.frames.iter().map(|(_, v)| format!("{v:.4}")));
        rec.push(
            r.threat_balance
                .map(|b| format!("{b:.4}"))
                .unwrap_or_default(),
        );
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
        m.insert("words".into(), r.words.into());
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
