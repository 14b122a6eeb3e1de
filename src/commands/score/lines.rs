//! `frame score` on standard input: one text per line.

use super::batch::{Batch, BatchScorer, MAX_LINE_BYTES};
use super::sink::RowSink;
use crate::input::formats::table::open::text_stream;
use crate::input::{self, Document};
use crate::model::error::{Error, Result};
use std::io::{BufRead, Read};

/// Warnings about single lines shown before the rest are only counted.
const LINE_WARNINGS: usize = 10;

/// `frame score` from standard input: reads lines in batches ([`Batch`]),
/// scores each batch and writes its rows before reading on, so memory stays
/// bounded. UTF-16 input is decoded as a table file's is (`text_stream`). A
/// line that is not UTF-8 is decoded as `analyze` decodes a file (its stray
/// bytes, or all of it, as Windows-1252), with a warning naming the line; an
/// over-long or binary line, or one with NUL bytes, is skipped with a
/// warning. Returns the number of texts scored.
pub fn score_lines(
    scorer: &BatchScorer,
    input: &mut dyn BufRead,
    sink: &mut RowSink,
    warn: &mut dyn FnMut(String),
) -> Result<usize> {
    let mut batch = Batch::default();
    let (mut line_no, mut noted) = (0usize, 0usize);
    let mut note = |msg: String, warn: &mut dyn FnMut(String)| {
        noted += 1;
        if noted <= LINE_WARNINGS {
            warn(msg);
        }
    };
    // UTF-16 (with a byte-order mark or without) is decoded as a table
    // file's is; read byte by byte as UTF-8, its lines would score nothing.
    let mut input = text_stream(input).map_err(|e| Error::Input {
        path: "<stdin>".into(),
        message: format!("cannot read: {e}"),
    })?;
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
        if line.contains(&0) {
            note(
                format!("<stdin>:line {line_no}: holds NUL bytes (binary data, or UTF-16 text frame could not tell from its start: save it as UTF-8); skipped"),
                warn,
            );
            continue;
        }
        let text = match std::str::from_utf8(line) {
            Ok(t) => t.to_string(),
            Err(_) => match input::decode::decode(line) {
                Ok((t, enc)) => {
                    let how = match enc {
                        input::decode::Encoding::Utf8Mended(n) => format!(
                            "{} not UTF-8, read as Windows-1252 (the rest is UTF-8)",
                            crate::model::numbers::count(n, "byte", "bytes")
                        ),
                        _ => "not valid UTF-8; read as Windows-1252".to_string(),
                    };
                    note(format!("<stdin>:line {line_no}: {how}"), warn);
                    t
                }
                Err(input::decode::DecodeProblem::Empty) => continue,
                Err(input::decode::DecodeProblem::Binary) => {
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
        let doc = Document {
            id: line_no.to_string(),
            source: format!("<stdin>:line {line_no}"),
            text,
            ..Default::default()
        };
        if !batch.push(doc, scorer, sink) {
            return Ok(batch.scored);
        }
    }
    batch.flush(scorer, sink);
    let scored = batch.scored;
    if noted > LINE_WARNINGS {
        warn(format!(
            "<stdin>: {} more lines with the problems above (not valid UTF-8, binary, NUL bytes or too long)",
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

#[cfg(test)]
mod tests {
    use super::super::batch::tests::default_scorer;
    use super::super::batch::BATCH;
    use super::super::sink::to_csv;
    use super::*;

    fn run_lines(input: &[u8]) -> (Vec<u8>, Vec<String>) {
        let (scorer, frames) = default_scorer();
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
        let (scorer, frames) = default_scorer();
        assert!(out == to_csv(&scorer.score(&docs), &frames));
    }

    /// From a tester: UTF-16 on stdin without a byte-order mark scored
    /// zeros without a word; with one, a phantom row. Both read as UTF-8 does.
    #[test]
    fn utf16_lines_are_decoded() {
        let text = "Police warn of danger in the city.\r\nAll safe now.\r\n";
        let (plain, _) = run_lines(b"Police warn of danger in the city.\nAll safe now.\n");
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [le.clone(), [&[0xFF, 0xFE][..], &le].concat(), be] {
            let (out, warnings) = run_lines(&bytes);
            assert!(warnings.is_empty(), "{warnings:?}");
            assert_eq!(
                String::from_utf8(out).unwrap(),
                String::from_utf8(plain.clone()).unwrap()
            );
        }
        // A UTF-8 byte-order mark is no part of the first text.
        let (out, _) =
            run_lines(b"\xEF\xBB\xBFPolice warn of danger in the city.\nAll safe now.\n");
        assert_eq!(out, plain);
    }

    /// A line mostly UTF-8 keeps its UTF-8; only the stray byte is read as
    /// Windows-1252.
    #[test]
    fn a_stray_byte_in_a_utf8_line_is_read_alone() {
        let (out, warnings) = run_lines("“Danger” at the ‘caf\u{e9}’\n".as_bytes());
        assert!(warnings.is_empty());
        let mut bytes = "“Danger” at the ‘caf".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xe9\xe2\x80\x99\n");
        let (mended, warnings) = run_lines(&bytes);
        assert_eq!(mended, out);
        assert_eq!(
            warnings,
            ["<stdin>:line 1: 1 byte not UTF-8, read as Windows-1252 (the rest is UTF-8)"]
        );
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
