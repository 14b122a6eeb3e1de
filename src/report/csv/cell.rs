//! CSV cells: text borrowed from the analysis, or numbers formatted straight
//! into the writer. The largest tables have millions of cells; a `String`
//! per cell (and `format!` per number) was most of their cost.

use std::borrow::Cow;

/// One CSV field.
pub enum Cell<'a> {
    /// Text as it stands.
    Text(&'a str),
    /// Text made for this row.
    Own(String),
    /// A number with four decimals (empty when not finite).
    F4(f64),
    /// A number with six decimals (empty when not finite).
    F6(f64),
    /// A whole number.
    Int(usize),
    /// [`Cell::F4`], or empty for `None`.
    OptF4(Option<f64>),
}

impl<'a> From<&'a str> for Cell<'a> {
    fn from(s: &'a str) -> Self {
        Cell::Text(s)
    }
}

impl<'a> From<&'a String> for Cell<'a> {
    fn from(s: &'a String) -> Self {
        Cell::Text(s)
    }
}

impl From<String> for Cell<'_> {
    fn from(s: String) -> Self {
        Cell::Own(s)
    }
}

/// A text cell as frame writes it to CSV: one that a spreadsheet would read
/// as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return, as OWASP lists them) gets a leading apostrophe, which Excel,
/// LibreOffice and Google Sheets show as text. A cell that is a plain
/// number (`-0.5`) is not a formula and stays as it is. Every CSV writer of
/// frame goes through this function; [`from_spreadsheet_safe`] undoes it.
pub fn spreadsheet_safe(s: &str) -> Cow<'_, str> {
    match s.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') if !is_number(s) => {
            Cow::Owned(format!("'{s}"))
        }
        _ => Cow::Borrowed(s),
    }
}

/// A decimal number as frame writes them (`-0.5`, `+3`, `-1e-5`).
fn is_number(s: &str) -> bool {
    s.len() > 1
        && s[1..]
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        && s.parse::<f64>().is_ok()
}

/// A cell read back from a CSV frame wrote: the apostrophe that
/// [`spreadsheet_safe`] added is removed.
pub fn from_spreadsheet_safe(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if spreadsheet_safe(rest).len() != rest.len() => rest,
        _ => s,
    }
}

/// Writes a record of text cells, each through [`spreadsheet_safe`] (for
/// CSV writers whose cells are all strings).
pub fn write_text_record<W: std::io::Write, S: AsRef<str>>(
    w: &mut csv::Writer<W>,
    cells: impl IntoIterator<Item = S>,
) {
    for c in cells {
        let _ = w.write_field(spreadsheet_safe(c.as_ref()).as_bytes());
    }
    let _ = w.write_record(None::<&[u8]>);
}

/// Writes `cells` as one record (the same bytes as `write_record` of their
/// text forms, text made safe for spreadsheets by [`spreadsheet_safe`]).
/// Writing to memory cannot fail, so errors are not returned.
pub fn write_row<'a, W: std::io::Write>(
    w: &mut csv::Writer<W>,
    cells: impl IntoIterator<Item = impl Into<Cell<'a>>>,
) {
    let mut buf = [0u8; 32];
    for c in cells {
        let _ = match c.into() {
            Cell::Text(s) => w.write_field(spreadsheet_safe(s).as_bytes()),
            Cell::Own(s) => w.write_field(spreadsheet_safe(&s).as_bytes()),
            Cell::F4(x) => w.write_field(fixed(x, 4, &mut buf)),
            Cell::F6(x) => w.write_field(fixed(x, 6, &mut buf)),
            Cell::OptF4(x) => {
                w.write_field(x.map_or(Cow::Borrowed(&[][..]), |x| fixed(x, 4, &mut buf)))
            }
            Cell::Int(n) => w.write_field(int(n as u64, &mut buf)),
        };
    }
    let _ = w.write_record(None::<&[u8]>);
}

/// `n` in decimal, in `buf`.
fn int(mut n: u64, buf: &mut [u8; 32]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &buf[i..]
}

/// `x` with `decimals` (4 or 6) decimals, as `format!("{x:.N}")` writes it
/// but with negative zero written as zero; empty when `x` is not finite.
/// Rounds the scaled value to an integer when that is exact enough to be
/// the same as Rust's correctly rounded formatting (far from a tie, and
/// small enough for the scaling error to stay far below one unit); anything
/// else goes to `format!`.
pub fn fixed(x: f64, decimals: usize, buf: &mut [u8; 32]) -> Cow<'_, [u8]> {
    if !x.is_finite() {
        return Cow::Borrowed(&[]);
    }
    const SCALE: [f64; 7] = [1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6];
    let y = x * SCALE[decimals.min(6)];
    // |y| < 2^33: the product's rounding error is below 2^-19 of a unit.
    if y.abs() < 8.0e9 && (1..=6).contains(&decimals) {
        let frac = (y - y.trunc()).abs();
        if (frac - 0.5).abs() > 1e-4 {
            let r = y.round() as i64;
            return Cow::Borrowed(scaled(r, decimals, buf));
        }
    }
    let s = format!("{x:.decimals$}");
    if s.bytes().all(|b| matches!(b, b'-' | b'0' | b'.')) {
        Cow::Owned(s.trim_start_matches('-').as_bytes().to_vec())
    } else {
        Cow::Owned(s.into_bytes())
    }
}

/// The integer `r` scaled down by 10^`decimals`, e.g. (-12345, 4) -> "-1.2345";
/// zero is never negative.
fn scaled(r: i64, decimals: usize, buf: &mut [u8; 32]) -> &[u8] {
    let mut u = r.unsigned_abs();
    let mut i = buf.len();
    for _ in 0..decimals {
        i -= 1;
        buf[i] = b'0' + (u % 10) as u8;
        u /= 10;
    }
    i -= 1;
    buf[i] = b'.';
    loop {
        i -= 1;
        buf[i] = b'0' + (u % 10) as u8;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    if r < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    &buf[i..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_quoted_numbers_are_not() {
        for (cell, want) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+44 20 7946", "'+44 20 7946"),
            ("-- a dash", "'-- a dash"),
            ("@mention", "'@mention"),
            ("\tcmd", "'\tcmd"),
            ("\rcmd", "'\rcmd"),
            ("-", "'-"),
            ("-1+2", "'-1+2"),
            ("-0.5", "-0.5"),
            ("+3", "+3"),
            ("-1e-5", "-1e-5"),
            ("plain", "plain"),
            ("", ""),
            ("'quoted", "'quoted"),
        ] {
            assert_eq!(spreadsheet_safe(cell), want, "{cell:?}");
            assert_eq!(
                from_spreadsheet_safe(&spreadsheet_safe(cell)),
                cell,
                "{cell:?}"
            );
        }
        // A cell of the user's that starts with an apostrophe reads back unchanged.
        assert_eq!(from_spreadsheet_safe("'quoted"), "'quoted");
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        write_row(
            &mut w,
            [Cell::Text("=1+1"), Cell::F4(-0.5), Cell::Own("@x".into())],
        );
        assert_eq!(w.into_inner().unwrap(), b"'=1+1,-0.5000,'@x\n");
    }

    fn slow(x: f64, d: usize) -> String {
        if !x.is_finite() {
            return String::new();
        }
        let s = format!("{x:.d$}");
        if s.bytes().all(|b| matches!(b, b'-' | b'0' | b'.')) {
            s.trim_start_matches('-').to_string()
        } else {
            s
        }
    }

    fn fast(x: f64, d: usize) -> String {
        String::from_utf8(fixed(x, d, &mut [0; 32]).to_vec()).unwrap()
    }

    #[test]
    fn fixed_equals_format_on_edge_values() {
        let edges = [
            0.0,
            -0.0,
            0.00005,
            -0.00005,
            0.00004999,
            -0.00006,
            0.12345,
            1.00005,
            2.5e-5,
            0.5,
            -0.5,
            1e-300,
            123456.78905,
            999999.99995,
            8.0e5,
            -8.0e5 - 0.00015,
            1e20,
            -3.7e15,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
        ];
        for &x in &edges {
            for d in [0, 2, 4, 5, 6] {
                assert_eq!(fast(x, d), slow(x, d), "{x:e} with {d} decimals");
            }
        }
    }

    #[test]
    fn fixed_equals_format_on_many_values() {
        // Seeded values of every magnitude the tables hold, and exact
        // multiples of 1/2^k (ties in binary) scaled to the decimals.
        let mut r = crate::stats::resample::rng(1, "fixed");
        use rand_xoshiro::rand_core::RngCore;
        for i in 0..300_000u64 {
            let u = (r.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
            let mag = 10f64.powi((i % 14) as i32 - 7);
            let x = (u - 0.5) * 2.0 * mag;
            let t = (r.next_u64() % 200_001) as f64 / 2e4 - 5.0;
            let h = (r.next_u64() % 4096) as f64 / 4096.0;
            for v in [x, t, h, t + 0.00005, x * 1000.0] {
                for d in [4, 6] {
                    assert_eq!(fast(v, d), slow(v, d), "{v:e} with {d} decimals");
                }
            }
        }
    }

    #[test]
    fn cells_write_like_records() {
        let mut a = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let mut b = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        write_row(
            &mut a,
            [
                Cell::Text("a,b"),
                Cell::Own("say \"x\"".into()),
                Cell::F4(-0.00001),
                Cell::F6(1.5),
                Cell::Int(0),
                Cell::Int(1234567),
                Cell::OptF4(None),
                Cell::OptF4(Some(2.0)),
                Cell::F4(f64::NAN),
            ],
        );
        let _ = b.write_record([
            "a,b",
            "say \"x\"",
            "0.0000",
            "1.500000",
            "0",
            "1234567",
            "",
            "2.0000",
            "",
        ]);
        write_row(&mut a, [Cell::Text("")]);
        let _ = b.write_record([""]);
        assert_eq!(a.into_inner().unwrap(), b.into_inner().unwrap());
    }
}
