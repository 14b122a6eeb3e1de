//! The rows of a CSV or JSON Lines table, read one at a time from any
//! reader, so that `frame score` can stream a table of any length and
//! `analyze` reads the same rows from a file decoded whole.

use std::cell::Cell;
use std::collections::HashMap;
use std::io::{BufRead, Read};
use std::rc::Rc;

use super::quotes::{stray_reason, unclosed_reason, QuoteWatch};

/// One data row as read, before it becomes a document.
#[derive(Debug)]
pub struct RawRow {
    /// 1-based data-row number (CSV, header not counted) or line (JSON Lines):
    /// the id of a table without an id column, and the row messages name.
    pub row: usize,
    /// 1-based line of the file where the row starts.
    pub line: u64,
    /// Column name -> text.
    pub fields: HashMap<String, String>,
    /// Some of the row's bytes were not UTF-8 and were read as Windows-1252
    /// (the stray bytes of a field otherwise UTF-8, or the whole field).
    pub windows_1252: bool,
    /// Keys a JSON object gives more than once (its last value is in
    /// `fields`); a CSV header's repeated names are checked on the header.
    pub repeated: Vec<String>,
}

/// What the next step of reading gives.
#[derive(Debug)]
pub enum RowEvent {
    /// A row to use.
    Row(RawRow),
    /// A row that cannot be used, with the reason; reading goes on.
    Bad {
        /// As [`RawRow::row`].
        row: usize,
        /// As [`RawRow::line`].
        line: u64,
        /// Why the row is left out.
        reason: String,
    },
}

/// A problem that ends the reading of a table.
#[derive(Debug)]
pub enum RowError {
    /// A CSV row longer than the cap: its end cannot be found without holding
    /// it (usually an unclosed quotation mark).
    TooLong {
        /// Line where the row starts.
        line: u64,
        /// The cap in bytes.
        cap: u64,
    },
    /// The file could not be read on.
    Io(std::io::Error),
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RowError::TooLong { line, cap } => write!(
                f,
                "line {line}: the row starting there is longer than {} MB; look for an unclosed quotation mark on that line",
                cap.div_ceil(1 << 20)
            ),
            RowError::Io(e) => write!(f, "cannot read: {e}"),
        }
    }
}

/// Text of bytes: UTF-8, else its stray bytes or all of it read as
/// Windows-1252, by the rule files are decoded by
/// ([`crate::input::decode::utf8_or_1252`]).
fn text_of(bytes: &[u8], windows_1252: &mut bool) -> String {
    let (text, enc) = crate::input::decode::utf8_or_1252(bytes);
    *windows_1252 |= enc != crate::input::decode::Encoding::Utf8;
    text.into_owned()
}

/// Counts the bytes handed to the CSV parser and refuses to go more than
/// `cap` past the start of the row being read, so one endless row (an
/// unclosed quote) cannot fill memory.
struct Capped<R> {
    inner: R,
    delivered: u64,
    row_start: Rc<Cell<u64>>,
    cap: u64,
    quotes: QuoteWatch,
    /// The reader has given its last byte.
    ended: bool,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.delivered.saturating_sub(self.row_start.get()) > self.cap {
            return Err(std::io::Error::other(TOO_LONG));
        }
        let n = self.inner.read(buf)?;
        self.delivered += n as u64;
        self.quotes.feed(&buf[..n]);
        self.ended |= n == 0 && !buf.is_empty();
        Ok(n)
    }
}

const TOO_LONG: &str = "row above the length cap";

/// Rows of a CSV file with a header row; rows may have any number of fields
/// (a row whose count differs from the header's is a [`RowEvent::Bad`]).
pub struct CsvRows<R: Read> {
    rdr: csv::Reader<Capped<R>>,
    header: Vec<String>,
    row_start: Rc<Cell<u64>>,
    row: usize,
    record: csv::ByteRecord,
}

impl<R: Read> CsvRows<R> {
    /// Reads the header (after the `sep=` line when `sep_line`); `Err` is
    /// why the file is not a usable CSV file. A row may take `cap` bytes.
    pub fn new(reader: R, cap: u64, delimiter: u8, sep_line: bool) -> Result<Self, String> {
        let row_start = Rc::new(Cell::new(0));
        let capped = Capped {
            inner: reader,
            delivered: 0,
            row_start: row_start.clone(),
            cap,
            quotes: QuoteWatch::new(delimiter),
            ended: false,
        };
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(false)
            .from_reader(capped);
        let mut record = csv::ByteRecord::new();
        // Read as a row, not cut off the input, so that the parser's line
        // numbers stay the file's own.
        if sep_line {
            if let Err(e) = rdr.read_byte_record(&mut record) {
                return Err(format!("not a readable CSV file: {e}"));
            }
        }
        let header = match rdr.read_byte_record(&mut record) {
            Ok(_) => {
                let mut ignored = false;
                record
                    .iter()
                    .map(|f| text_of(f, &mut ignored).trim().to_string())
                    .collect()
            }
            Err(e) => return Err(format!("not a readable CSV file: {e}")),
        };
        let src = rdr.get_ref();
        if let Some(opened) = src.quotes.open_since() {
            if src.ended && rdr.position().byte() >= src.delivered {
                return Err(unclosed_reason(opened));
            }
        }
        row_start.set(rdr.position().byte());
        Ok(CsvRows {
            rdr,
            header,
            row_start,
            row: 0,
            record,
        })
    }

    /// The header's column names.
    pub fn columns(&self) -> &[String] {
        &self.header
    }

    fn next_event(&mut self) -> Option<Result<RowEvent, RowError>> {
        let line = self.rdr.position().line();
        let got = self.rdr.read_byte_record(&mut self.record);
        self.row_start.set(self.rdr.position().byte());
        let line = self.record.position().map_or(line, |p| p.line());
        match got {
            Ok(false) => None,
            Ok(true) => {
                self.row += 1;
                let rec = &self.record;
                let src = self.rdr.get_ref();
                if let Some(opened) = src.quotes.open_since() {
                    if src.ended && self.rdr.position().byte() >= src.delivered {
                        return Some(Ok(RowEvent::Bad {
                            row: self.row,
                            line,
                            reason: unclosed_reason(opened),
                        }));
                    }
                }
                let next_line = self.rdr.position().line();
                let stray = self.rdr.get_mut().quotes.stray_close(line, next_line);
                if let Some((opened, closed)) = stray {
                    return Some(Ok(RowEvent::Bad {
                        row: self.row,
                        line,
                        reason: stray_reason(opened, closed),
                    }));
                }
                if rec.len() != self.header.len() {
                    return Some(Ok(RowEvent::Bad {
                        row: self.row,
                        line,
                        reason: format!(
                            "has {} field{}, the header has {}",
                            rec.len(),
                            if rec.len() == 1 { "" } else { "s" },
                            self.header.len()
                        ),
                    }));
                }
                let mut windows_1252 = false;
                let fields = self
                    .header
                    .iter()
                    .cloned()
                    .zip(rec.iter().map(|f| text_of(f, &mut windows_1252)))
                    .collect();
                Some(Ok(RowEvent::Row(RawRow {
                    row: self.row,
                    line,
                    fields,
                    windows_1252,
                    repeated: Vec::new(),
                })))
            }
            Err(e) => match e.into_kind() {
                csv::ErrorKind::Io(io) if io.to_string() == TOO_LONG => {
                    Some(Err(RowError::TooLong {
                        line,
                        cap: self.rdr.get_ref().cap,
                    }))
                }
                csv::ErrorKind::Io(io) => Some(Err(RowError::Io(io))),
                // With flexible rows and byte records the parser has no
                // other error; kept as a bad row should that change.
                other => {
                    self.row += 1;
                    Some(Ok(RowEvent::Bad {
                        row: self.row,
                        line,
                        reason: format!("unreadable CSV row: {other:?}"),
                    }))
                }
            },
        }
    }
}

impl<R: Read> Iterator for CsvRows<R> {
    type Item = Result<RowEvent, RowError>;
    fn next(&mut self) -> Option<Self::Item> {
        self.next_event()
    }
}

/// A JSON value read with every key of an object as given, so that a key
/// given twice is seen (`serde_json::Value` keeps only the last); `None`
/// for a value that is not an object.
struct Entries(Option<Vec<(String, serde_json::Value)>>);

impl<'de> serde::Deserialize<'de> for Entries {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Entries;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<Entries, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = m.next_entry::<String, serde_json::Value>()? {
                    out.push(entry);
                }
                Ok(Entries(Some(out)))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut s: A,
            ) -> Result<Entries, A::Error> {
                while s.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Entries(None))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Entries, E> {
                Ok(Entries(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Entries, E> {
                Ok(Entries(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Entries, E> {
                Ok(Entries(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Entries, E> {
                Ok(Entries(None))
            }
            fn visit_str<E>(self, _: &str) -> Result<Entries, E> {
                Ok(Entries(None))
            }
            fn visit_unit<E>(self) -> Result<Entries, E> {
                Ok(Entries(None))
            }
        }
        d.deserialize_any(Visit)
    }
}

/// Rows of a JSON Lines file: one JSON object per line; blank lines are
/// passed over, a line longer than the cap is a [`RowEvent::Bad`] (skipped
/// without being held).
pub struct JsonlRows<R: BufRead> {
    reader: R,
    cap: u64,
    line: usize,
    columns: Vec<String>,
    buf: Vec<u8>,
}

impl<R: BufRead> JsonlRows<R> {
    /// Rows of `reader`; a line may take `cap` bytes.
    pub fn new(reader: R, cap: u64) -> Self {
        JsonlRows {
            reader,
            cap,
            line: 0,
            columns: Vec::new(),
            buf: Vec::new(),
        }
    }

    /// Every key seen so far, in the order first seen.
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// Passes over the rest of an over-long line without holding it.
    fn skip_line(&mut self) -> std::io::Result<()> {
        loop {
            let chunk = self.reader.fill_buf()?;
            if chunk.is_empty() {
                return Ok(());
            }
            if let Some(i) = memchr::memchr(b'\n', chunk) {
                self.reader.consume(i + 1);
                return Ok(());
            }
            let n = chunk.len();
            self.reader.consume(n);
        }
    }

    fn next_event(&mut self) -> Option<Result<RowEvent, RowError>> {
        loop {
            self.buf.clear();
            let got = (&mut self.reader)
                .take(self.cap.saturating_add(1))
                .read_until(b'\n', &mut self.buf);
            match got {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => return Some(Err(RowError::Io(e))),
            }
            self.line += 1;
            let (row, line) = (self.line, self.line as u64);
            if self.buf.len() as u64 > self.cap && self.buf.last() != Some(&b'\n') {
                if let Err(e) = self.skip_line() {
                    return Some(Err(RowError::Io(e)));
                }
                return Some(Ok(RowEvent::Bad {
                    row,
                    line,
                    reason: format!("line longer than {} MB", self.cap.div_ceil(1 << 20)),
                }));
            }
            let mut windows_1252 = false;
            let text = text_of(&self.buf, &mut windows_1252);
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let bad = |reason: String| Some(Ok(RowEvent::Bad { row, line, reason }));
            let obj = match serde_json::from_str::<Entries>(text) {
                Ok(Entries(Some(obj))) => obj,
                Ok(Entries(None)) => return bad("not a JSON object".into()),
                Err(e) => return bad(format!("not valid JSON: {e}")),
            };
            let mut fields = HashMap::new();
            let mut repeated = Vec::new();
            for (k, v) in obj {
                if !self.columns.contains(&k) {
                    self.columns.push(k.clone());
                }
                if fields.contains_key(&k) && !repeated.contains(&k) {
                    repeated.push(k.clone());
                }
                let s = match v {
                    serde_json::Value::String(s) => s,
                    serde_json::Value::Null => String::new(),
                    other => other.to_string(),
                };
                fields.insert(k, s);
            }
            return Some(Ok(RowEvent::Row(RawRow {
                row,
                line,
                fields,
                windows_1252,
                repeated,
            })));
        }
    }
}

impl<R: BufRead> Iterator for JsonlRows<R> {
    type Item = Result<RowEvent, RowError>;
    fn next(&mut self) -> Option<Self::Item> {
        self.next_event()
    }
}

/// How a table's rows are written, as its file extension says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// One JSON object per line (`.jsonl`, `.ndjson`).
    Jsonl,
    /// Comma-separated, or what a first line `sep=X` declares, else
    /// semicolon or tab as the header line shows (`.csv`).
    Csv,
    /// Tab-separated whatever the header holds (`.tsv`): a one-column header
    /// has no tab to show it, and commas in its rows' text are not separators.
    Tsv,
}

impl TableKind {
    /// The kind a file's extension names (CSV for any other).
    pub fn of(path: &std::path::Path) -> Self {
        match crate::input::walk::extension(path).as_str() {
            "jsonl" | "ndjson" => TableKind::Jsonl,
            "tsv" | "tab" => TableKind::Tsv,
            _ => TableKind::Csv,
        }
    }
}

/// The rows of either kind of table.
pub enum TableRows<R: BufRead> {
    /// A CSV file.
    Csv(CsvRows<R>),
    /// A JSON Lines file.
    Jsonl(JsonlRows<R>),
}

impl<R: BufRead> TableRows<R> {
    /// Starts reading `reader` as JSON Lines or CSV (whose header is read
    /// now; `Err` is why it cannot be used). A row may take `cap` bytes.
    pub fn new(mut reader: R, kind: TableKind, cap: u64) -> Result<Self, String> {
        Ok(match kind {
            TableKind::Jsonl => TableRows::Jsonl(JsonlRows::new(reader, cap)),
            TableKind::Tsv | TableKind::Csv => {
                let head = reader.fill_buf().unwrap_or_default();
                let (delimiter, sep_line) = csv_delimiter(head, kind);
                TableRows::Csv(CsvRows::new(reader, cap, delimiter, sep_line)?)
            }
        })
    }

    /// The CSV header, or the JSON keys seen so far.
    pub fn columns(&self) -> &[String] {
        match self {
            TableRows::Csv(c) => c.columns(),
            TableRows::Jsonl(j) => j.columns(),
        }
    }
}

/// The delimiter of a CSV file starting with `head`, and whether a first
/// line `sep=X` declares it (the header is then the next line): the one
/// rule of every CSV reader (article tables, `--metadata` files, coding
/// sheets). A `.tsv` file is split at tabs whatever its header holds.
pub fn csv_delimiter(head: &[u8], kind: TableKind) -> (u8, bool) {
    if kind == TableKind::Tsv {
        return (b'\t', false);
    }
    match declared_delimiter(head) {
        Some(d) => (d, true),
        None => (header_delimiter(head), false),
    }
}

/// A CSV reader over a whole file's text (a `--metadata` file, a coding
/// sheet) with the delimiter of [`csv_delimiter`], and the header as its
/// first record (`headers()`); with the delimiter and the header's line.
/// A `sep=` line is left to the reader as a blank line, which it passes
/// over, so that records keep the file's own line numbers (`position()`;
/// the header's own position would say line 1).
pub fn csv_reader(text: &[u8], kind: TableKind) -> (csv::Reader<&[u8]>, u8, u64) {
    let (delimiter, sep_line) = csv_delimiter(text, kind);
    let start = if sep_line {
        memchr::memchr(b'\n', text).unwrap_or(text.len())
    } else {
        0
    };
    let rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(&text[start..]);
    (rdr, delimiter, 1 + u64::from(sep_line))
}

/// The delimiter a CSV file declares on a first line `sep=X`, as Excel
/// writes it to say the delimiter whatever the computer's list separator
/// (Excel then takes the next line as the header). Without it the header
/// would be the one column "sep=".
fn declared_delimiter(head: &[u8]) -> Option<u8> {
    let line = head.split(|&b| b == b'\n').next()?;
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    match line {
        [s, e, p, b'=', d]
            if [*s, *e, *p].eq_ignore_ascii_case(b"sep")
                && (*d == b'\t' || (d.is_ascii_punctuation() && *d != b'"')) =>
        {
            Some(*d)
        }
        _ => None,
    }
}

/// The delimiter of a CSV file, judged on its header line (the start of
/// `head`): a comma, else a semicolon (as Excel saves CSV where the comma is
/// the decimal mark), else a tab.
pub fn header_delimiter(head: &[u8]) -> u8 {
    let line = head.split(|&b| b == b'\n').next().unwrap_or(head);
    [b',', b';', b'\t']
        .into_iter()
        .find(|d| line.contains(d))
        .unwrap_or(b',')
}

impl<R: BufRead> Iterator for TableRows<R> {
    type Item = Result<RowEvent, RowError>;
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            TableRows::Csv(c) => c.next(),
            TableRows::Jsonl(j) => j.next(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(bytes: &[u8], jsonl: bool, cap: u64) -> Vec<Result<RowEvent, RowError>> {
        let kind = if jsonl {
            TableKind::Jsonl
        } else {
            TableKind::Csv
        };
        TableRows::new(bytes, kind, cap).unwrap().collect()
    }

    #[test]
    fn csv_rows_carry_row_and_line_numbers() {
        let ev = events(
            b"id,text\n1,\"two\nlines\"\n2,a,b\n3,caf\xe9\n",
            false,
            1 << 20,
        );
        let got: Vec<(usize, u64, bool)> = ev
            .iter()
            .map(|e| match e {
                Ok(RowEvent::Row(r)) => (r.row, r.line, r.windows_1252),
                Ok(RowEvent::Bad { row, line, .. }) => (*row, *line, false),
                Err(e) => panic!("{e:?}"),
            })
            .collect();
        assert_eq!(got, [(1, 2, false), (2, 4, false), (3, 5, true)]);
        let Ok(RowEvent::Row(r)) = &ev[2] else {
            panic!()
        };
        assert_eq!(r.fields["text"], "café");
    }

    /// European Excel saves CSV with semicolons, and a tab-separated table
    /// is read too: the header line decides.
    #[test]
    fn semicolons_and_tabs_are_read_as_the_header_uses_them() {
        for (table, delimiter) in [
            (&b"id;text\n1;\"Floods, then calm\"\n"[..], b';'),
            (&b"id\ttext\n1\tFloods, then calm\n"[..], b'\t'),
            (&b"id,text\n1,\"Floods; then calm\"\n"[..], b','),
        ] {
            assert_eq!(header_delimiter(table), delimiter);
            let t = TableRows::new(table, TableKind::Csv, 1 << 20).unwrap();
            assert_eq!(t.columns(), ["id", "text"]);
            let rows: Vec<_> = t.collect();
            let Ok(RowEvent::Row(r)) = &rows[0] else {
                panic!("{rows:?}")
            };
            assert!(r.fields["text"].starts_with("Floods"), "{:?}", r.fields);
        }
        assert_eq!(header_delimiter(b"text\nA, b; c\n"), b',');
    }

    /// Excel writes `sep=;` on the first line of a CSV file: it names the
    /// delimiter (whatever the header holds), the header is the next line,
    /// and lines are still the file's own.
    #[test]
    fn an_excel_sep_line_names_the_delimiter() {
        let shown = |bytes: &[u8]| -> (Vec<String>, Vec<String>) {
            let t = TableRows::new(bytes, TableKind::Csv, 1 << 20).unwrap();
            let columns = t.columns().to_vec();
            let rows = t
                .map(|e| match e {
                    Ok(RowEvent::Row(r)) => format!("{} {} {}", r.line, r.row, r.fields["text"]),
                    Ok(RowEvent::Bad { line, row, reason }) => {
                        format!("{line} {row} bad: {reason}")
                    }
                    Err(e) => panic!("{e:?}"),
                })
                .collect();
            (columns, rows)
        };
        let (columns, rows) = shown(b"sep=;\nid;text\n1;Floods, then calm\n2;a;b\n");
        assert_eq!(columns, ["id", "text"]);
        assert_eq!(
            rows,
            [
                "3 1 Floods, then calm",
                "4 2 bad: has 3 fields, the header has 2"
            ]
        );
        // The line decides even where the header shows another delimiter.
        let (columns, rows) = shown(b"SEP=|\ntext\nOne, two; three\n");
        assert_eq!(
            (columns, rows),
            (
                vec!["text".to_string()],
                vec!["3 1 One, two; three".to_string()]
            )
        );
        let (columns, _) = shown(b"sep=,\nid,text\n1,a\n");
        assert_eq!(columns, ["id", "text"]);
        // An unclosed quote is named by its line in the file.
        let (_, rows) = shown(b"sep=;\nid;text\n1;\"never closed\n2;b\n");
        assert!(
            rows[0].starts_with("3 1 bad: a quotation mark opened on line 3"),
            "{rows:?}"
        );
        // A header that only starts like one is a header.
        let (columns, _) = shown(b"sep=x,text\n1,a\n");
        assert_eq!(columns, ["sep=x", "text"]);
    }

    /// From a tester: `--metadata` files and coding sheets, read whole with
    /// `csv_reader`, did not know the `sep=` line. They split as tables do,
    /// and records keep the file's own lines.
    #[test]
    fn whole_file_readers_share_the_delimiter_rule() {
        let read = |text: &str, kind| {
            let (mut rdr, d, line) = csv_reader(text.as_bytes(), kind);
            let header = rdr.headers().unwrap().clone();
            let rows: Vec<(u64, Vec<String>)> = rdr
                .records()
                .map(|r| {
                    let r = r.unwrap();
                    (
                        r.position().unwrap().line(),
                        r.iter().map(String::from).collect(),
                    )
                })
                .collect();
            (
                d,
                line,
                header.iter().map(String::from).collect::<Vec<_>>(),
                rows,
            )
        };
        let row = |line: u64, cells: &[&str]| (line, cells.iter().map(|c| c.to_string()).collect());
        assert_eq!(
            read("sep=;\nid;outlet\na;Herald, Sun\n", TableKind::Csv),
            (
                b';',
                2,
                vec!["id".into(), "outlet".into()],
                vec![row(3, &["a", "Herald, Sun"])]
            )
        );
        assert_eq!(
            read("id;outlet\na;H\n\"b\nc\";P\n", TableKind::Csv),
            (
                b';',
                1,
                vec!["id".into(), "outlet".into()],
                vec![row(2, &["a", "H"]), row(3, &["b\nc", "P"])]
            )
        );
        assert_eq!(read("id,x\n", TableKind::Tsv).0, b'\t');
        assert_eq!(
            csv_delimiter(b"sep=;\r\nid,x\n", TableKind::Csv),
            (b';', true)
        );
    }

    /// An unclosed quote makes the rest of the file one row: reading stops
    /// at the cap, naming the line where the row began.
    #[test]
    fn an_endless_csv_row_stops_at_the_cap() {
        let mut bytes = b"id,text\n1,fine\n2,\"never closed".to_vec();
        bytes.extend(std::iter::repeat_n(b'x', 200_000));
        let ev = events(&bytes, false, 50_000);
        assert!(matches!(ev[0], Ok(RowEvent::Row(_))));
        assert!(
            matches!(ev[1], Err(RowError::TooLong { line: 3, .. })),
            "{:?}",
            ev[1]
        );
    }

    /// A quote never closed would fold every later row into one text: that
    /// row is reported, with the line where the quote opened, not used.
    #[test]
    fn an_unclosed_quote_is_reported_not_read_into_one_row() {
        let shown = |bytes: &[u8]| -> Vec<String> {
            events(bytes, false, 1 << 20)
                .iter()
                .map(|e| match e {
                    Ok(RowEvent::Row(r)) => format!("{} {}", r.line, r.fields["text"]),
                    Ok(RowEvent::Bad { line, reason, .. }) => format!("{line} bad: {reason}"),
                    Err(e) => panic!("{e:?}"),
                })
                .collect()
        };
        // In the header, the whole file is refused.
        let header = TableRows::new(&b"\"id,text\n1,a\n"[..], TableKind::Csv, 1 << 20).err();
        assert!(
            header.is_some_and(|e| e.contains("opened on line 1 is never closed")),
            "an unclosed quote in the header"
        );
        let got = shown(b"id,text\n1,fine\n2,\"a bomb\n3,lost\n4,lost too\n");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0], "2 fine");
        assert!(
            got[1].starts_with("3 bad: a quotation mark opened on line 3 is never closed"),
            "{got:?}"
        );
        // A quote left open until another row's opening quote: the rows
        // run together, and the row is named, not read with both texts.
        let got = shown(b"id,text\n1,\"Broken start\n2,\"Next row\"\n3,fine\n4,\"x \"y\" z\"\n");
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(
            got[0].starts_with("2 bad: a quotation mark opened on line 2 is closed only on line 3"),
            "{got:?}"
        );
        assert_eq!(got[1], "4 fine");
        // A stray quote on the field's own line swallows no row.
        assert_eq!(got[2], "5 x y\" z\"");
        // Closed quotes, escaped quotes, a quote inside an unquoted field
        // and a quoted last field without a final line break are all fine.
        assert_eq!(
            shown(b"id,text\n1,\"two\nlines\"\n2,\"say \"\"hi\"\"\"\n3,a 5\" screen\n4,\"end\""),
            ["2 two\nlines", "4 say \"hi\"", "5 a 5\" screen", "6 end"]
        );
    }

    /// serde_json keeps the last of two equal keys: the row says which
    /// keys it gave twice, so that a repeated text key is not used silently.
    #[test]
    fn jsonl_rows_name_repeated_keys() {
        let ev = events(
            b"{\"text\": \"a\", \"text\": \"b\", \"n\": [1, {\"x\": 2}]}\n\"str\"\n{\"text\": \"c\"}\n",
            true,
            1 << 20,
        );
        let Ok(RowEvent::Row(r)) = &ev[0] else {
            panic!("{ev:?}")
        };
        assert_eq!(
            (r.fields["text"].as_str(), r.repeated.as_slice()),
            ("b", &["text".to_string()][..])
        );
        assert_eq!(r.fields["n"], "[1,{\"x\":2}]");
        assert!(
            matches!(&ev[1], Ok(RowEvent::Bad { reason, .. }) if reason == "not a JSON object")
        );
        let Ok(RowEvent::Row(r)) = &ev[2] else {
            panic!("{ev:?}")
        };
        assert!(r.repeated.is_empty());
    }

    #[test]
    fn jsonl_skips_a_long_line_and_reads_on() {
        let mut bytes = b"{\"text\": \"a\"}\n\n{\"text\": \"".to_vec();
        bytes.extend(std::iter::repeat_n(b'x', 5000));
        bytes.extend(b"\"}\n[1]\n{\"text\": \"b\", \"n\": 2}\n");
        let mut rows = TableRows::new(&bytes[..], TableKind::Jsonl, 1000).unwrap();
        let ev: Vec<_> = rows.by_ref().collect();
        let shown: Vec<String> = ev
            .iter()
            .map(|e| match e {
                Ok(RowEvent::Row(r)) => format!("{} {}", r.line, r.fields["text"]),
                Ok(RowEvent::Bad { line, reason, .. }) => format!("{line} {reason}"),
                Err(e) => panic!("{e:?}"),
            })
            .collect();
        assert_eq!(
            shown,
            [
                "1 a",
                "3 line longer than 1 MB",
                "4 not a JSON object",
                "5 b"
            ]
        );
        assert_eq!(rows.columns(), ["text", "n"]);
    }
}
