//! Whether a CSV text leaves a quoted field open at its end. The csv
//! parser then silently reads the rest of the file into that one field, so
//! every row after it would be lost inside one cell; the readers of
//! tables, coding sheets and metadata files ask here and name the line.

use std::collections::VecDeque;

/// Follows the bytes of a CSV text as the csv parser recognises quotes (a
/// quote opens a quoted field only at the start of a field, `""` inside one
/// is a quote, a quote followed by anything else closes it), fed in pieces.
#[derive(Debug)]
pub struct QuoteWatch {
    delimiter: u8,
    state: QuoteState,
    /// 1-based line of the byte being read.
    line: u64,
    /// The line where the open quoted field began.
    opened: u64,
    after_cr: bool,
    /// (opening line, closing line) of quoted fields that span lines and
    /// close at a quote followed by more of the field, oldest first.
    strays: VecDeque<(u64, u64)>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum QuoteState {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: an escaped quote or the field's end.
    QuoteInQuoted,
}

impl QuoteWatch {
    /// A watch for fields separated by `delimiter`.
    pub fn new(delimiter: u8) -> Self {
        QuoteWatch {
            delimiter,
            state: QuoteState::FieldStart,
            line: 1,
            opened: 0,
            after_cr: false,
            strays: VecDeque::new(),
        }
    }

    /// Reads the next piece of the text.
    pub fn feed(&mut self, bytes: &[u8]) {
        use QuoteState::*;
        for &b in bytes {
            // A line ends at CR, at LF, and once at CR LF.
            if b == b'\r' || (b == b'\n' && !self.after_cr) {
                self.line += 1;
            }
            self.after_cr = b == b'\r';
            let end = b == self.delimiter || b == b'\n' || b == b'\r';
            self.state = match (self.state, b) {
                (FieldStart, b'"') => {
                    self.opened = self.line;
                    Quoted
                }
                (Quoted, b'"') => QuoteInQuoted,
                (Quoted, _) => Quoted,
                (QuoteInQuoted, b'"') => Quoted,
                // RFC 4180 closes a quoted field only before a delimiter or
                // a line end; the parser reads on as plain text, so a field
                // that opened on an earlier line has run over the line
                // breaks where other rows began.
                (QuoteInQuoted, _) if !end && self.line > self.opened => {
                    self.strays.push_back((self.opened, self.line));
                    Unquoted
                }
                (FieldStart | Unquoted | QuoteInQuoted, _) if end => FieldStart,
                _ => Unquoted,
            };
        }
    }

    /// The line where a quoted field opened that the text so far leaves open.
    pub fn open_since(&self) -> Option<u64> {
        (self.state == QuoteState::Quoted).then_some(self.opened)
    }

    /// The first field opened on lines `from..to` (one row's lines) that a
    /// stray quote closed, as (opening line, closing line); fields opened
    /// before `from` are forgotten.
    pub fn stray_close(&mut self, from: u64, to: u64) -> Option<(u64, u64)> {
        while let Some(&(opened, closed)) = self.strays.front() {
            if opened >= to {
                return None;
            }
            self.strays.pop_front();
            if opened >= from {
                return Some((opened, closed));
            }
        }
        None
    }
}

/// What a reader says about a row whose quoted field opened on `opened` and
/// was closed on `closed` by a quote followed by more text.
pub fn stray_reason(opened: u64, closed: u64) -> String {
    format!(
        "a quotation mark opened on line {opened} is closed only on line {closed}, by a quote followed by more text, so lines {opened} to {closed} were read as one row (other rows in between would be lost inside it); close the quote on line {opened} (or double a quote inside a field: \"\") and run again"
    )
}

/// The line of a quotation mark that `text` (a whole CSV file) never closes.
pub fn unclosed_quote(text: &[u8], delimiter: u8) -> Option<u64> {
    let mut w = QuoteWatch::new(delimiter);
    w.feed(text);
    w.open_since()
}

/// What a reader says about an unclosed quote on `line`.
pub fn unclosed_reason(line: u64) -> String {
    format!(
        "a quotation mark opened on line {line} is never closed, so the rest of the file (from line {line} to the end) would be read as one text; close the quote (or double a quote inside a field: \"\") and run again"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lf_crlf_and_cr_lines_are_numbered_alike() {
        for text in ["a\nb,\"c", "a\r\nb,\"c", "a\rb,\"c"] {
            let mut w = QuoteWatch::new(b',');
            // Fed in two pieces, split inside the line break.
            let (x, y) = text.as_bytes().split_at(2);
            w.feed(x);
            w.feed(y);
            assert_eq!(w.open_since(), Some(2), "{text:?}");
        }
    }

    #[test]
    fn a_field_closed_lines_later_by_a_stray_quote_is_found() {
        let mut w = QuoteWatch::new(b',');
        w.feed(b"id,text\n1,\"Broken start\n2,\"Next row\"\n3,\"He said \"no\" twice\"\n");
        assert_eq!(w.stray_close(2, 4), Some((2, 3)));
        // A stray quote on the field's own line runs over no line break.
        assert_eq!(w.stray_close(4, 5), None);
        // A field spanning lines and closed before a delimiter is well formed.
        let mut w = QuoteWatch::new(b',');
        w.feed(b"id,text\n1,\"two\nlines\",x\n");
        assert_eq!(w.stray_close(2, 4), None);
    }

    #[test]
    fn closed_escaped_and_mid_field_quotes_leave_nothing_open() {
        assert_eq!(unclosed_quote(b"a,\"b\"\"c\",d\n", b','), None);
        assert_eq!(unclosed_quote(b"a,5\" screen\n", b','), None);
        assert_eq!(unclosed_quote(b"a,\"end\"", b','), None);
        assert_eq!(unclosed_quote(b"a;\"b;c\nd", b';'), Some(1));
        // With another delimiter, a quote after a comma is inside a field.
        assert_eq!(unclosed_quote(b"a;x,\"b\n", b';'), None);
    }
}
