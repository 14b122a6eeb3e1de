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
use std::io::{BufRead, Read, Write};

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

/// Texts scored and written per batch: memory stays bounded whatever the
/// length of the input.
pub const BATCH: usize = 4096;
/// Longest line read from standard input; a longer one is skipped with a
/// warning (`frame score` is for short texts; long ones belong in `analyze`).
pub const MAX_LINE_BYTES: usize = 1 << 20;
/// Warnings about single lines shown before the rest are only counted.
const LINE_WARNINGS: usize = 10;

/// The scoring context of a run, built once: stop words, lexicons, VADER.
pub struct BatchScorer {
    stop: crate::text::filters::StopWords,
    lexicons: Vec<crate::lexicon::Lexicon>,
    senti: SentimentAnalyzer,
    lang: crate::model::language::Language,
}

impl BatchScorer {
    /// Loads the run's stop words and lexicons (defaults and `--lexicon` files).
    pub fn new(opts: &Options) -> Result<BatchScorer> {
        Ok(BatchScorer {
            stop: crate::text::stop_list::for_run(opts)?,
            lexicons: crate::lexicon::load::lexicons_for_run(opts)?,
            senti: SentimentAnalyzer::new(SentimentLexicon::builtin()),
            lang: opts.lang,
        })
    }

    /// Scores a batch of documents. Each text's scores depend on that text
    /// alone, so scoring in batches gives the rows of scoring all at once.
    pub fn score(&self, docs: &[Document]) -> Vec<ScoreRow> {
        let tc = tokens::tokenize_corpus(docs, &self.lang, &self.stop);
        let scorer = FrameScorer::new(
            &self.lexicons,
            &tc.vocab,
            &self.lang,
            DEFAULT_NEGATION_WINDOW,
        );
        docs.par_iter()
            .zip(tc.docs.par_iter())
            .map(|(d, td)| {
                let s = scorer.score(&d.text, td, &tc.vocab, &self.senti);
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
            .collect()
    }
}

/// Scores documents with the run's lexicons (defaults and `--lexicon` files).
pub fn score(docs: &[Document], opts: &Options) -> Result<Vec<ScoreRow>> {
    Ok(BatchScorer::new(opts)?.score(docs))
}

/// Where `frame score` writes: CSV (one header) or JSON Lines.
pub struct RowSink<'a> {
    out: &'a mut dyn Write,
    json: bool,
    frames: Vec<String>,
    header_done: bool,
    /// Set when the reader went away (`| head`): nothing more is scored.
    pub closed: bool,
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
        }
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
        // A closed pipe (e.g. `| head`) is not an error worth a message.
        if self
            .out
            .write_all(&bytes)
            .and_then(|_| self.out.flush())
            .is_err()
        {
            self.closed = true;
        }
    }
}

/// `frame score` from standard input: reads lines in batches of [`BATCH`],
/// scores each batch and writes its rows before reading on, so memory stays
/// bounded. A line that is not UTF-8 is decoded as `analyze` decodes a file
/// (Windows-1252), with a warning naming the line; an over-long or binary
/// line is skipped with a warning. Returns the number of texts scored.
pub fn score_lines(
    scorer: &BatchScorer,
    input: &mut dyn BufRead,
    sink: &mut RowSink,
    warn: &mut dyn FnMut(String),
) -> Result<usize> {
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    let (mut scored, mut line_no, mut noted) = (0usize, 0usize, 0usize);
    let mut note = |msg: String, warn: &mut dyn FnMut(String)| {
        noted += 1;
        if noted <= LINE_WARNINGS {
            warn(msg);
        }
    };
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let read_err = |e: std::io::Error, n: usize| Error::Input {
            path: "<stdin>".into(),
            message: format!("line {n}: {e}"),
        };
        let got = (&mut *input)
            .take(MAX_LINE_BYTES as u64 + 1)
            .read_until(b'\n', &mut buf)
            .map_err(|e| read_err(e, line_no + 1))?;
        if got == 0 {
            break;
        }
        line_no += 1;
        if buf.len() > MAX_LINE_BYTES && buf.last() != Some(&b'\n') {
            // Skip the rest of the line without holding it.
            loop {
                let chunk = input.fill_buf().map_err(|e| read_err(e, line_no))?;
                if chunk.is_empty() {
                    break;
                }
                match memchr::memchr(b'\n', chunk) {
                    Some(i) => {
                        input.consume(i + 1);
                        break;
                    }
                    None => {
                        let n = chunk.len();
                        input.consume(n);
                    }
                }
            }
            note(
                format!(
                    "<stdin>:line {line_no}: longer than {} MB; skipped (frame score is for short texts; use frame analyze for long ones)",
                    MAX_LINE_BYTES >> 20
                ),
                warn,
            );
            continue;
        }
        let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let text = match std::str::from_utf8(line) {
            Ok(t) => t.to_string(),
            Err(_) => match input::decode::decode(line) {
                Ok((t, _)) => {
                    note(
                        format!("<stdin>:line {line_no}: not valid UTF-8; read as Windows-1252"),
                        warn,
                    );
                    t
                }
                Err(_) => {
                    note(
                        format!("<stdin>:line {line_no}: binary data, not text; skipped"),
                        warn,
                    );
                    continue;
                }
            },
        };
        if text.trim().is_empty() {
            continue;
        }
        batch.push(Document {
            id: line_no.to_string(),
            source: format!("<stdin>:line {line_no}"),
            text,
            ..Default::default()
        });
        if batch.len() == BATCH {
            scored += batch.len();
            sink.write(&scorer.score(&batch));
            batch.clear();
            if sink.closed {
                return Ok(scored);
            }
        }
    }
    if !batch.is_empty() {
        scored += batch.len();
        sink.write(&scorer.score(&batch));
    }
    if noted > LINE_WARNINGS {
        warn(format!(
            "<stdin>: {} more lines with the problems above (not valid UTF-8, binary or too long)",
            noted - LINE_WARNINGS
        ));
    }
    if scored == 0 {
        return Err(Error::NoArticles {
            details: ": no text on standard input".into(),
        });
    }
    Ok(scored)
}

/// Reads the texts of the table or files in `opts.corpus.inputs` (each file
/// is capped at the input size limit), with the corpus's warnings.
pub fn read_texts(opts: &Options) -> Result<(Vec<Document>, Vec<String>)> {
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

/// Scores documents already read (a table) in batches of [`BATCH`], each
/// written before the next is scored.
pub fn score_documents(scorer: &BatchScorer, docs: &[Document], sink: &mut RowSink) -> usize {
    let mut scored = 0;
    for batch in docs.chunks(BATCH) {
        sink.write(&scorer.score(batch));
        scored += batch.len();
        if sink.closed {
            break;
        }
    }
    scored
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

#[cfg(test)]
mod tests {
    use super::*;

    fn run_lines(input: &[u8]) -> (Vec<u8>, Vec<String>) {
        let opts = Options::new(Vec::new());
        let scorer = BatchScorer::new(&opts).unwrap();
        let frames: Vec<String> = scorer.lexicons.iter().map(|l| l.name.clone()).collect();
        let mut out = Vec::new();
        let mut warnings = Vec::new();
        {
            let mut sink = RowSink::new(&mut out, false, frames);
            let mut r = std::io::BufReader::new(input);
            score_lines(&scorer, &mut r, &mut sink, &mut |w| warnings.push(w)).unwrap();
        }
        (out, warnings)
    }

    /// Batches give the rows of scoring everything at once, with one header.
    #[test]
    fn batches_give_the_rows_of_one_pass() {
        let texts = [
            "Police say the attack caused fear.",
            "Residents are safe and calm.",
            "The budget.",
        ];
        let mut input = String::new();
        for i in 0..BATCH + 7 {
            input.push_str(texts[i % 3]);
            input.push('\n');
        }
        let (out, warnings) = run_lines(input.as_bytes());
        assert!(warnings.is_empty(), "{warnings:?}");
        let docs: Vec<Document> = input
            .lines()
            .enumerate()
            .map(|(i, l)| Document {
                id: (i + 1).to_string(),
                text: l.to_string(),
                ..Default::default()
            })
            .collect();
        let opts = Options::new(Vec::new());
        let scorer = BatchScorer::new(&opts).unwrap();
        let frames: Vec<String> = scorer.lexicons.iter().map(|l| l.name.clone()).collect();
        assert!(out == to_csv(&scorer.score(&docs), &frames));
    }

    /// A line that is not UTF-8 is read as Windows-1252 and named; the
    /// other lines are scored as usual.
    #[test]
    fn a_windows_1252_line_is_decoded_and_named() {
        let (out, warnings) = run_lines(b"Calm.\nCaf\xe9 attack fear\nSafe.\n");
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count(), 4, "{text}");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].contains("line 2: not valid UTF-8; read as Windows-1252"),
            "{warnings:?}"
        );
        assert!(text.lines().any(|l| l.starts_with("3,")), "{text}");
    }
}
