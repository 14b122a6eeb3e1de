//! How numbers read in the report: fixed decimals, never "-0.0", thousands
//! separators, so both formats and every run print them the same way.

/// `x` with `d` decimals; "n/a" when not finite; never "-0.0".
pub use crate::model::numbers::{fixed, printed_difference};

/// Per-1,000-words score: 1 decimal.
pub fn per_1k(x: f64) -> String {
    fixed(x, 1)
}

/// Sentiment, silhouette, TF-IDF weight: 3 decimals.
pub fn score3(x: f64) -> String {
    fixed(x, 3)
}

/// Decimals of a group's mean of `measure` (and of its interval and sd):
/// 1 for a frame score, 2 below 1 so that a rare frame does not read "0.0";
/// sentiment (-1 to 1) always 2.
pub fn group_decimals(measure: &str, mean: f64) -> usize {
    if measure == "sentiment" || mean.abs() < 1.0 {
        2
    } else {
        1
    }
}

/// A group's mean of `measure` as the report prints it everywhere: the group
/// table, `groups.png`'s labels and the group rows of `frames.png`, so a
/// reader finds the same figure in each.
pub fn group_mean(measure: &str, mean: f64) -> String {
    fixed(mean, group_decimals(measure, mean))
}

/// Signed 2-decimal number (balance), with an explicit "+" for positive values.
pub fn signed2(x: f64) -> String {
    let s = fixed(x, 2);
    if x.is_finite() && !s.starts_with('-') && s != "0.00" {
        format!("+{}", s)
    } else {
        s
    }
}

/// Hits are weighted counts: whole numbers print without decimals, others with one.
pub fn hits(x: f64) -> String {
    if x.is_finite() && (x - x.round()).abs() < 1e-9 {
        fixed(x, 0)
    } else {
        fixed(x, 1)
    }
}

/// Integer with thousands separators: 1200 -> "1,200".
pub use crate::model::numbers::{count, int};

/// A sentence as quoted in the report: a closing (or opening) double quote
/// mark without its partner is dropped, because the sentence splitter leaves
/// a quotation's closing mark on its last sentence and its opening mark on
/// its first, and a quote block shows one sentence.
pub fn quotable(sentence: &str) -> String {
    let s = sentence.trim();
    let opens = s.matches('\u{201c}').count();
    let closes = s.matches('\u{201d}').count();
    let straight = s.matches('"').count();
    if closes > opens {
        if let Some(t) = s.strip_suffix('\u{201d}') {
            return t.trim_end().to_string();
        }
    }
    if opens > closes {
        if let Some(t) = s.strip_prefix('\u{201c}') {
            return t.trim_start().to_string();
        }
    }
    if straight % 2 == 1 {
        if let Some(t) = s.strip_suffix('"') {
            return t.trim_end().to_string();
        }
        if let Some(t) = s.strip_prefix('"') {
            return t.trim_start().to_string();
        }
    }
    s.to_string()
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_quote_mark_without_its_partner_is_dropped() {
        assert_eq!(
            quotable("They go about their business.\u{201d}"),
            "They go about their business."
        );
        assert_eq!(
            quotable("\u{201c}We are safe, he said."),
            "We are safe, he said."
        );
        assert_eq!(
            quotable("It said \u{201c}safe\u{201d}."),
            "It said \u{201c}safe\u{201d}."
        );
        assert_eq!(quotable("Calm returned.\""), "Calm returned.");
        assert_eq!(quotable("He said \"no\"."), "He said \"no\".");
    }

    use super::*;

    #[test]
    fn numbers_are_formatted_consistently() {
        assert_eq!(fixed(-0.0001, 3), "0.000");
        assert_eq!(fixed(f64::NAN, 1), "n/a");
        assert_eq!(per_1k(12.345), "12.3");
        assert_eq!(score3(-0.41234), "-0.412");
        assert_eq!(signed2(0.5), "+0.50");
        assert_eq!(signed2(-0.5), "-0.50");
        assert_eq!(signed2(0.0), "0.00");
        assert_eq!(hits(3.0), "3");
        assert_eq!(hits(2.5), "2.5");
        assert_eq!(int(1200), "1,200");
        assert_eq!(int(999), "999");
        assert_eq!(int(1_234_567), "1,234,567");
    }

    /// From a review: groups.png printed a rare frame's group mean as 0.03
    /// and the group table as 0.0. One rule for both.
    #[test]
    fn a_group_mean_reads_alike_wherever_it_is_shown() {
        assert_eq!(group_mean("threat", 0.0312), "0.03");
        assert_eq!(group_mean("threat", 0.0), "0.00");
        assert_eq!(group_mean("threat", 12.345), "12.3");
        assert_eq!(group_mean("threat", -0.5), "-0.50");
        assert_eq!(group_mean("sentiment", 1.0), "1.00");
        assert_eq!(group_mean("sentiment", -0.123), "-0.12");
        assert_eq!(group_mean("threat", f64::NAN), "n/a");
    }
}
