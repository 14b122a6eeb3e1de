//! Whether a CSV text leaves a quoted field open at its end. The csv
//! parser then silently reads the rest of the file into that one field, so
//! every row after it would be lost inside one cell; the readers of
//! tables, coding sheets and metadata files ask here and name the line.

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
                (FieldStart | Unquoted | QuoteInQuoted, _) if end => FieldStart,
                _ => Unquoted,
            };
        }
    }

    /// The line where a quoted field opened that the text so far leaves open.
    pub fn open_since(&self) -> Option<u64> {
        (self.state == QuoteState::Quoted).then_some(self.opened)
    }
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
    fn closed_escaped_and_mid_field_quotes_leave_nothing_open() {
        assert_eq!(unclosed_quote(b"a,\"b\"\"c\",d\n", b','), None);
        assert_eq!(unclosed_quote(b"a,5\" screen\n", b','), None);
        assert_eq!(unclosed_quote(b"a,\"end\"", b','), None);
        assert_eq!(unclosed_quote(b"a;\"b;c\nd", b';'), Some(1));
        // With another delimiter, a quote after a comma is inside a field.
        assert_eq!(unclosed_quote(b"a;x,\"b\n", b';'), None);
    }
}
