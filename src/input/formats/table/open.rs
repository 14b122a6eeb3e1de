//! Opening a table to stream it (`frame score`): only a regular file, its
//! encoding sniffed from the first bytes. UTF-8 and Windows-1252 are told
//! apart row by row as the rows are read; UTF-16 is transcoded to UTF-8 as it
//! is read (`encoding_rs_io`). In every encoding the line breaks are made
//! "\n" on the way, so the rows, their line numbers and their text are those
//! of the file decoded whole ([`decode::decode`], as `analyze` reads it)
//! while memory stays flat.
//! Like UTF-8, a streamed UTF-16 table has no size limit: only its rows are.

use crate::input::decode::{self, Start};
use encoding_rs_io::DecodeReaderBytesBuilder;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// Bytes read from the file at a time.
const BUFFER: usize = 64 * 1024;

/// A reader over the table's text (a UTF-8 BOM passed over, UTF-16 decoded),
/// or why the file cannot be read (the reason reads well after the file's name).
pub fn open(path: &Path) -> Result<Box<dyn BufRead>, String> {
    let meta = std::fs::metadata(path).map_err(|e| crate::input::limits::io_reason(&e))?;
    // Checked before opening: opening a pipe waits for a writer.
    if !meta.is_file() {
        return Err(
            "not a regular file (a pipe, socket or device); save the table to a file and give that"
                .into(),
        );
    }
    let file = std::fs::File::open(path)
        .map_err(|e| format!("cannot open: {}", crate::input::limits::io_reason(&e)))?;
    let mut reader = BufReader::with_capacity(BUFFER, file);
    let head = reader.fill_buf().map_err(|e| format!("cannot read: {e}"))?;
    if head.is_empty() {
        return Err("empty file".into());
    }
    match decode::sniff(head) {
        // Line breaks are made "\n" in every encoding, so that the csv
        // reader numbers the lines of a CRLF or CR file as `analyze` does.
        Start::Utf8Bom(n) => {
            reader.consume(n);
            Ok(Box::new(LineFeeds::new(reader, BUFFER)))
        }
        Start::Bytes => Ok(Box::new(LineFeeds::new(reader, BUFFER))),
        Start::Binary => Err("binary file (not text)".into()),
        Start::Utf16 { encoding, bom } => {
            reader.consume(bom);
            let mut text = utf16_text(reader, encoding, BUFFER);
            // As decoding the file whole did: only whitespace is an empty file.
            if !text.has_text().map_err(|e| format!("cannot read: {e}"))? {
                return Err("empty file".into());
            }
            Ok(Box::new(text))
        }
    }
}

/// A stream of lines (`frame score`'s standard input) as text: a UTF-8
/// byte-order mark passed over, and UTF-16 (a byte-order mark, or the NUL
/// bytes of UTF-16 without one in the first 8 KiB, as [`decode::sniff`]
/// tells a file) decoded as it is read, with its line breaks made "\n".
/// Other bytes are passed on as they are, to be decoded line by line. Reads
/// up to 8 KiB (or to the end) before the first line is given.
pub fn text_stream<'a, R: BufRead + 'a>(mut input: R) -> std::io::Result<Box<dyn BufRead + 'a>> {
    let mut head = Vec::with_capacity(8192);
    (&mut input).take(8192).read_to_end(&mut head)?;
    let start = decode::sniff(&head);
    let mut stream = std::io::Cursor::new(head).chain(input);
    Ok(match start {
        Start::Utf8Bom(n) => {
            stream.consume(n);
            Box::new(stream)
        }
        Start::Utf16 { encoding, bom } => {
            stream.consume(bom);
            Box::new(utf16_text(stream, encoding, BUFFER))
        }
        Start::Binary | Start::Bytes => Box::new(stream),
    })
}

/// A byte stream with "\r\n" and "\r" made "\n", a buffer at a time. Safe
/// for UTF-8 and Windows-1252 bytes alike: neither byte occurs inside a
/// multi-byte UTF-8 character.
struct LineFeeds<R> {
    inner: R,
    /// Text read and not yet consumed from `pos` on.
    buf: Vec<u8>,
    pos: usize,
    /// Bytes asked of `inner` at a time.
    chunk: usize,
    /// The last text ended in "\r": a "\n" that begins the next is its pair.
    after_cr: bool,
}

/// UTF-16 read as UTF-8 text with its line breaks made "\n". `raw` starts
/// after the byte-order mark, if any. A byte-order mark right after it is
/// dropped too, as `decode_with_bom_removal` does in [`decode::decode`]; a
/// BOM-less file cannot start with one.
fn utf16_text<R: Read>(
    raw: R,
    encoding: &'static encoding_rs::Encoding,
    chunk: usize,
) -> LineFeeds<encoding_rs_io::DecodeReaderBytes<R, Vec<u8>>> {
    let decoded = DecodeReaderBytesBuilder::new()
        .encoding(Some(encoding))
        .build_with_buffer(raw, vec![0; chunk.max(4)])
        .expect("a buffer of at least 4 bytes");
    LineFeeds::new(decoded, chunk)
}

impl<R: Read> LineFeeds<R> {
    fn new(inner: R, chunk: usize) -> Self {
        LineFeeds {
            inner,
            buf: Vec::new(),
            pos: 0,
            chunk: chunk.max(4),
            after_cr: false,
        }
    }

    /// Appends the next text read to `buf`; false at the end of the file.
    fn read_more(&mut self) -> std::io::Result<bool> {
        let start = self.buf.len();
        self.buf.resize(start + self.chunk, 0);
        let n = loop {
            match self.inner.read(&mut self.buf[start..]) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.buf.truncate(start);
                    return Err(e);
                }
                Ok(n) => break n,
            }
        };
        let kept = line_feeds(&mut self.buf[start..start + n], &mut self.after_cr);
        self.buf.truncate(start + kept);
        Ok(n > 0)
    }

    /// Whether the text holds more than whitespace. Reads on until it knows,
    /// keeping what it read, so a file that only starts with blank lines is
    /// held only up to its first word.
    fn has_text(&mut self) -> std::io::Result<bool> {
        let mut checked = self.pos;
        loop {
            // The decoder hands out whole characters, so each piece is UTF-8.
            let piece = String::from_utf8_lossy(&self.buf[checked..]);
            if !piece.trim_start().is_empty() {
                return Ok(true);
            }
            checked = self.buf.len();
            if !self.read_more()? {
                return Ok(false);
            }
        }
    }
}

/// Makes "\r\n" and "\r" in `text` "\n" in place, as [`decode::decode`]
/// does, and returns the new length. `after_cr` carries a "\r" that ended
/// the previous text, whose "\n" may begin this one.
fn line_feeds(text: &mut [u8], after_cr: &mut bool) -> usize {
    let mut read = usize::from(*after_cr && text.first() == Some(&b'\n'));
    if !text.is_empty() {
        *after_cr = false;
    }
    let mut written = 0;
    while let Some(i) = memchr::memchr(b'\r', &text[read..]) {
        text.copy_within(read..read + i, written);
        written += i;
        text[written] = b'\n';
        written += 1;
        read += i + 1;
        match text.get(read) {
            Some(b'\n') => read += 1,
            Some(_) => {}
            None => *after_cr = true,
        }
    }
    if read != written {
        text.copy_within(read.., written);
    }
    written + text.len() - read
}

impl<R: Read> BufRead for LineFeeds<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        // A piece can come out empty (a lone "\n" after a "\r"): read on.
        while self.pos == self.buf.len() {
            self.buf.clear();
            self.pos = 0;
            if !self.read_more()? {
                break;
            }
        }
        Ok(&self.buf[self.pos..])
    }

    fn consume(&mut self, amt: usize) {
        self.pos = (self.pos + amt).min(self.buf.len());
    }
}

impl<R: Read> Read for LineFeeds<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let got = self.fill_buf()?;
        let n = got.len().min(out.len());
        out[..n].copy_from_slice(&got[..n]);
        self.consume(n);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::super::rows::{RowEvent, TableKind, TableRows};
    use super::*;
    use encoding_rs::{UTF_16BE, UTF_16LE};

    fn read_all(bytes: &[u8]) -> Result<String, String> {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.csv");
        std::fs::write(&p, bytes).unwrap();
        let mut s = String::new();
        open(&p)?.read_to_string(&mut s).unwrap();
        Ok(s)
    }

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        for u in bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16()) {
            out.extend(if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        out
    }

    /// The text of `bytes` (UTF-16 with a BOM) streamed `chunk` bytes at a time.
    fn streamed(bytes: &[u8], chunk: usize) -> String {
        let encoding = if bytes[0] == 0xFF { UTF_16LE } else { UTF_16BE };
        let mut s = String::new();
        utf16_text(&bytes[2..], encoding, chunk)
            .read_to_string(&mut s)
            .unwrap();
        s
    }

    /// (row, line, fields in column order) of every row, or the reason of a bad one.
    fn rows_of(reader: impl BufRead) -> Vec<String> {
        let mut table = TableRows::new(reader, TableKind::Csv, 1 << 20).unwrap();
        let columns = table.columns().to_vec();
        table
            .by_ref()
            .map(|e| match e.unwrap() {
                RowEvent::Row(r) => {
                    let fields: Vec<&str> = columns.iter().map(|c| r.fields[c].as_str()).collect();
                    format!("{} {} {fields:?}", r.row, r.line)
                }
                RowEvent::Bad { row, line, reason } => format!("{row} {line} {reason}"),
            })
            .collect()
    }

    #[test]
    fn a_bom_is_passed_over_and_utf16_decoded() {
        assert_eq!(read_all(b"\xEF\xBB\xBFid,text\n").unwrap(), "id,text\n");
        for big_endian in [false, true] {
            for bom in [true, false] {
                let bytes = utf16("id,text\n1,café\n", big_endian, bom);
                assert_eq!(read_all(&bytes).unwrap(), "id,text\n1,café\n");
            }
        }
        assert_eq!(read_all(b"").unwrap_err(), "empty file");
        assert_eq!(
            read_all(b"\0\0\0\x01").unwrap_err(),
            "binary file (not text)"
        );
    }

    /// As decoding whole: a BOM and whitespace only is an empty file, and
    /// blank lines before the header are kept (they count in line numbers).
    #[test]
    fn utf16_of_only_whitespace_is_an_empty_file() {
        for big_endian in [false, true] {
            for text in ["", " \r\n\t\u{3000}\n"] {
                let bytes = utf16(text, big_endian, true);
                assert_eq!(read_all(&bytes).unwrap_err(), "empty file", "{text:?}");
            }
            let bytes = utf16("\r\n \nid,text\r\n", big_endian, true);
            assert_eq!(read_all(&bytes).unwrap(), "\n \nid,text\n");
        }
    }

    /// Streamed in pieces of every small size (surrogate pairs, "\r\n" and
    /// rows cut anywhere), the text is exactly that of the file decoded whole:
    /// the same line breaks, U+FFFD for a lone surrogate and for an odd
    /// trailing byte, a second BOM dropped.
    #[test]
    fn streaming_gives_the_text_of_decoding_whole() {
        let texts = [
            "id,text\r\n1,\"Police\r\nsaid \u{1F600}\"\r2,caf\u{e9}\n3,end\r",
            "\u{feff}id,text\n1,a\r\r\n\n",
            "id,text\n1,\u{10437}\u{24B62} x\r\n",
        ];
        for text in texts {
            for big_endian in [false, true] {
                let mut variants = vec![utf16(text, big_endian, true)];
                let mut odd = variants[0].clone();
                odd.push(b'z');
                variants.push(odd);
                let mut lone = variants[0].clone();
                lone.extend(if big_endian {
                    [0xD8, 0x01]
                } else {
                    [0x01, 0xD8]
                });
                lone.extend(utf16("\nafter", big_endian, false));
                variants.push(lone);
                for bytes in &variants {
                    let whole = decode::decode(bytes).unwrap().0;
                    for chunk in 4..=13 {
                        assert_eq!(streamed(bytes, chunk), whole, "{text:?} by {chunk}");
                    }
                    assert_eq!(streamed(bytes, BUFFER), whole);
                }
            }
        }
    }

    #[test]
    fn an_odd_trailing_byte_is_one_replacement_character() {
        let mut bytes = utf16("id,text\n1,a", false, true);
        bytes.push(0x62);
        assert_eq!(read_all(&bytes).unwrap(), "id,text\n1,a\u{FFFD}");
        let mut bytes = utf16("id,text\n1,a", true, true);
        bytes.push(0x00);
        assert_eq!(read_all(&bytes).unwrap(), "id,text\n1,a\u{FFFD}");
    }

    /// A UTF-8 table's rows are numbered by line whatever its line breaks
    /// (the csv reader alone numbers a CRLF file's rows a line early, and a
    /// CR file's all as line 1), across the read buffer's boundary too.
    #[test]
    fn crlf_and_cr_tables_number_lines_as_lf_ones() {
        let mut lf = String::from("id,text\n");
        let mut i = 0;
        while lf.len() < 2 * BUFFER {
            lf.push_str(&format!(
                "{i},\"a quote\nover two lines {}\"\n",
                "y".repeat(i % 89)
            ));
            i += 1;
        }
        lf.push_str("short\n9,last\n");
        let expected = rows_of(lf.as_bytes());
        assert!(expected[i].starts_with(&format!("{} {} has 1 field", i + 1, 2 * i + 2)));
        let dir = tempfile::tempdir().unwrap();
        for (name, eol) in [("crlf", "\r\n"), ("cr", "\r")] {
            let p = dir.path().join(format!("{name}.csv"));
            std::fs::write(&p, lf.replace('\n', eol)).unwrap();
            assert_eq!(rows_of(open(&p).unwrap()), expected, "{name}");
        }
    }

    /// A table larger than the read buffer, with rows (and a "\r\n", and a
    /// surrogate pair) across its boundaries: the rows, their line numbers
    /// and their text are those of the same table decoded whole.
    #[test]
    fn rows_across_the_buffer_boundary_are_read_whole() {
        let mut text = String::from("id,text\r\n");
        let mut i = 0;
        while text.len() < 3 * BUFFER {
            text.push_str(&format!(
                "{i},\"Police said\r\nthe \u{1F6A8} attack {}\"\r\n",
                "x".repeat(i % 97)
            ));
            i += 1;
        }
        text.push_str("bad,row,here\r\n");
        let dir = tempfile::tempdir().unwrap();
        for big_endian in [false, true] {
            let bytes = utf16(&text, big_endian, true);
            let p = dir.path().join("t.csv");
            std::fs::write(&p, &bytes).unwrap();
            let whole = decode::decode(&bytes).unwrap().0;
            let expected = rows_of(whole.as_bytes());
            assert_eq!(expected.len(), i + 1);
            assert!(expected[i].ends_with("has 3 fields, the header has 2"));
            assert_eq!(rows_of(open(&p).unwrap()), expected);
            // Small pieces too, so that every boundary falls somewhere new.
            let encoding = if big_endian { UTF_16BE } else { UTF_16LE };
            let small = BufReader::new(utf16_text(&bytes[2..], encoding, 4093));
            assert_eq!(rows_of(small), expected);
        }
    }

    #[test]
    fn line_breaks_are_made_line_feeds_across_pieces() {
        let mut after_cr = false;
        let mut out = Vec::new();
        for piece in ["a\r", "\nb\r", "\r", "", "\n", "c\r\n\r"] {
            let mut bytes = piece.as_bytes().to_vec();
            let n = line_feeds(&mut bytes, &mut after_cr);
            out.extend_from_slice(&bytes[..n]);
        }
        assert_eq!(String::from_utf8(out).unwrap(), "a\nb\n\nc\n\n");
        assert!(after_cr);
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_or_a_pipe_is_refused_unopened() {
        let dir = tempfile::tempdir().unwrap();
        let why = open(dir.path()).err().unwrap();
        assert!(why.starts_with("not a regular file"), "{why}");
        assert_eq!(
            open(&dir.path().join("none.csv")).err().unwrap(),
            "no such file; check the path"
        );
    }
}
