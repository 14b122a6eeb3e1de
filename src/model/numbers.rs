//! How counts and numbers print in every text frame writes: the report's
//! sections and the findings that stats phrase share it, so a number reads
//! the same wherever it appears, and a difference printed beside its two
//! values is their printed difference.

/// Integer with thousands separators: 1200 -> "1,200".
pub fn int(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// "1 article" / "1,200 articles": the count and its noun in number.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", int(n), if n == 1 { one } else { many })
}

/// A p-value for reading: "< 0.0001" below that, else four decimals (the
/// report's tables and the findings' sentences print it alike).
pub fn p_value(p: f64) -> String {
    if p < 0.0001 {
        "< 0.0001".into()
    } else {
        format!("{p:.4}")
    }
}

/// `x` with `d` decimals; "n/a" when not finite; never "-0.0".
pub fn fixed(x: f64, d: usize) -> String {
    if !x.is_finite() {
        return "n/a".into();
    }
    let s = format!("{:.*}", d, x);
    // A tiny negative rounds to "-0.000", which reads as a real sign.
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s[1..].to_string()
    } else {
        s
    }
}

/// What `x` prints as with `d` decimals, in units of its last decimal
/// (12.34 at 1 decimal: 123); `None` when it is not finite. Read from the
/// printed text, so that it rounds exactly as [`fixed`] does (ties included).
pub fn printed_units(x: f64, d: usize) -> Option<i64> {
    let s = fixed(x, d);
    s.replace('.', "").parse().ok()
}

/// The difference `a - b` as printed beside `a` and `b` with `d` decimals:
/// the printed values subtracted, so that the three numbers a reader sees
/// add up (rounding the unrounded difference can be one unit off:
/// 23.84 - 15.45 = 8.39 prints 8.4 beside 23.8 and 15.4). "n/a" when
/// either value is not finite.
pub fn printed_difference(a: f64, b: f64, d: usize) -> String {
    match (printed_units(a, d), printed_units(b, d)) {
        (Some(x), Some(y)) => units_text(x - y, d),
        _ => "n/a".into(),
    }
}

/// `u` units of the `d`-th decimal as text with `d` decimals (-7 at 1: "-0.7").
pub fn units_text(u: i64, d: usize) -> String {
    let digits = u.unsigned_abs().to_string();
    let sign = if u < 0 { "-" } else { "" };
    if d == 0 {
        return format!("{sign}{digits}");
    }
    let padded = format!("{digits:0>width$}", width = d + 1);
    let (whole, frac) = padded.split_at(padded.len() - d);
    format!("{sign}{whole}.{frac}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// From a review: 23.8% and 15.4% were printed with a difference of 8.3
    /// points, the rounded unrounded difference, which a student checking the
    /// arithmetic cannot reproduce.
    #[test]
    fn a_printed_difference_is_the_difference_of_the_printed_values() {
        let (a, b) = (23.84, 15.54);
        assert_eq!((fixed(a, 1), fixed(b, 1)), ("23.8".into(), "15.5".into()));
        assert_eq!(fixed(a - b, 1), "8.3");
        assert_eq!(printed_difference(a, b, 1), "8.3");
        let (a, b) = (23.84, 15.44);
        assert_eq!(fixed(a - b, 1), "8.4");
        assert_eq!(printed_difference(a, b, 1), "8.4");
        let (a, b) = (23.79, 15.44);
        assert_eq!(fixed(a - b, 1), "8.3");
        assert_eq!(printed_difference(a, b, 1), "8.4");
        assert_eq!(printed_difference(0.85, 2.545, 2), "-1.69");
        assert_eq!(printed_difference(-0.04, 0.01, 2), "-0.05");
        assert_eq!(printed_difference(0.04, 0.04, 2), "0.00");
        assert_eq!(printed_difference(1.0, 3.0, 0), "-2");
        assert_eq!(printed_difference(f64::NAN, 3.0, 1), "n/a");
    }

    #[test]
    fn units_print_with_their_decimals() {
        assert_eq!(units_text(-7, 1), "-0.7");
        assert_eq!(units_text(7, 3), "0.007");
        assert_eq!(units_text(1234, 2), "12.34");
        assert_eq!(units_text(0, 2), "0.00");
        assert_eq!(units_text(-12, 0), "-12");
        assert_eq!(printed_units(-0.0001, 2), Some(0));
        assert_eq!(printed_units(2.345, 1), Some(23));
    }

    #[test]
    fn p_values_print_four_decimals_or_below_the_smallest() {
        assert_eq!(p_value(0.04321), "0.0432");
        assert_eq!(p_value(1.0), "1.0000");
        assert_eq!(p_value(3e-9), "< 0.0001");
    }

    #[test]
    fn groups_digits_in_threes_from_the_right() {
        assert_eq!(int(0), "0");
        assert_eq!(int(999), "999");
        assert_eq!(int(1000), "1,000");
        assert_eq!(int(2042564), "2,042,564");
        assert_eq!(int(100000), "100,000");
    }

    #[test]
    fn a_count_puts_its_noun_in_number() {
        assert_eq!(count(1, "unit", "units"), "1 unit");
        assert_eq!(count(0, "unit", "units"), "0 units");
        assert_eq!(count(1200, "article", "articles"), "1,200 articles");
    }
}
