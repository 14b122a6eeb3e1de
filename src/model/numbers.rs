//! How counts print in every text frame writes: the report's sections and
//! the findings that stats phrase share it, so a count reads the same
//! wherever it appears.

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

#[cfg(test)]
mod tests {
    use super::*;

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
