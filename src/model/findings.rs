//! The report's findings as data: differences between groups with their
//! bootstrap intervals, the most threat- and reassurance-framed articles
//! with a quotable sentence, and the cautions that apply. Computed once
//! (`stats::findings`) and read by every writer (report.html, report.md,
//! findings.csv, analysis.json), so that they cannot say different things.

use serde::Serialize;

/// Kind of a finding: a difference between groups.
pub const DIFFERENCE: &str = "difference";
/// Kind of a finding: the most threat-framed article.
pub const MOST_THREAT: &str = "most_threat";
/// Kind of a finding: the most reassurance-framed article.
pub const MOST_REASSURANCE: &str = "most_reassurance";
/// Kind of a finding: a frame's share of the frame matches in headlines
/// against its share in article bodies (values in percent).
pub const HEADLINE_VS_BODY: &str = "headline_vs_body";
/// Kind of a finding: a caution that applies to the findings.
pub const CAUTION: &str = "caution";
/// `group_b` of a comparison of one group with all other articles.
pub const REST: &str = "the rest";

/// Every finding of a run, in the order the report shows them.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Findings {
    /// How groups were compared: "pair" (two groups), "each_vs_rest" (more
    /// than two) or "" (fewer than two groups).
    pub comparison: String,
    /// The comparison and its bootstrap, in words (shown in the report).
    pub method: String,
    /// The findings: differences, then articles, then cautions.
    pub items: Vec<Finding>,
}

/// One finding: one row of `findings.csv`.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct Finding {
    /// "difference", "headline_vs_body", "most_threat", "most_reassurance" or "caution".
    pub kind: String,
    /// Frame name or "sentiment" (empty for cautions).
    pub frame: String,
    /// First group (differences) or the article's group.
    pub group_a: String,
    /// Second group, or "the rest" (all other articles).
    pub group_b: String,
    /// Mean of `group_a` (per 1,000 words; sentiment: compound), or the article's score.
    pub value_a: Option<f64>,
    /// Mean of `group_b`.
    pub value_b: Option<f64>,
    /// `value_a - value_b`.
    pub difference: Option<f64>,
    /// Lower end of the 95% bootstrap interval (of the difference, or of the article's score).
    pub ci_low: Option<f64>,
    /// Upper end of that interval.
    pub ci_high: Option<f64>,
    /// For differences: whether the interval excludes 0 (a finding); for
    /// articles: whether the score's interval excludes 0; cautions: false.
    pub is_finding: bool,
    /// Differences: Cohen's d (the difference over the articles' pooled
    /// standard deviation).
    pub effect_size: Option<f64>,
    /// Differences: the p-value adjusted by Holm's method over every
    /// comparison of the run; below 0.05 the finding survives them.
    pub p_holm: Option<f64>,
    /// Whether the frame was rated exploratory by the validation (or not
    /// validated at all): a finding about it is a lead to read, not a measurement.
    pub exploratory: bool,
    /// Articles behind `value_a` and `value_b` (differences), or 1 and 0.
    pub articles_a: usize,
    /// Articles behind `value_b`.
    pub articles_b: usize,
    /// The article named (its id), for article findings.
    pub article_id: String,
    /// Its 1-based number in the report (0 = none).
    pub article_no: usize,
    /// A quotable sentence from the article.
    pub sentence: String,
    /// Anchor of the report section that shows the evidence.
    pub section: String,
    /// The finding in one plain sentence, with its numbers.
    pub text: String,
}

/// Mean difference of one measure between two sets of articles, with the
/// bootstrap interval of the difference (articles resampled within each group).
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct GroupDifference {
    /// Frame name or "sentiment".
    pub measure: String,
    /// The group.
    pub group_a: String,
    /// The other group, or "the rest".
    pub group_b: String,
    /// Articles in `group_a`.
    pub articles_a: usize,
    /// Articles in `group_b`.
    pub articles_b: usize,
    /// Mean of `group_a`.
    pub mean_a: f64,
    /// Mean of `group_b`.
    pub mean_b: f64,
    /// `mean_a - mean_b`.
    pub difference: f64,
    /// 2.5th percentile of the bootstrap differences; `None` when a side has fewer than 2 articles.
    pub ci_low: Option<f64>,
    /// 97.5th percentile of the bootstrap differences.
    pub ci_high: Option<f64>,
    /// Frame matches in `group_a` (`None` for sentiment).
    pub matches_a: Option<f64>,
    /// Frame matches in `group_b`.
    pub matches_b: Option<f64>,
    /// Whether either side would expect fewer than [`MIN_EXPECTED_MATCHES`]
    /// matches if both used the frame at the same rate.
    pub too_few_matches: bool,
    /// Cohen's d: the difference over the articles' pooled standard
    /// deviation; `None` without spread or with fewer than 3 articles.
    pub effect_size: Option<f64>,
    /// Two-sided bootstrap p-value of the difference (`None` without an interval).
    pub p_value: Option<f64>,
    /// `p_value` adjusted by Holm's method over its family: every difference
    /// of the run (pair or each against the rest), or, for a `GroupPair`,
    /// every pair.
    pub p_holm: Option<f64>,
}

/// Matches a side must expect, at the pooled rate, before its difference can be a finding.
///
/// Cochran's (1954) rule for counts: with fewer expected, one match more or
/// less moves the difference, and a bootstrap over articles that are mostly
/// 0 understates that.
pub const MIN_EXPECTED_MATCHES: f64 = 5.0;

/// The Holm-corrected p-value below which a finding holds after correction
/// for the run's many comparisons (family-wise error 5%).
pub const HOLM_ALPHA: f64 = 0.05;

/// The one rule for "holds after correction", read by the findings'
/// sentences and the report's group table alike: a finding whose
/// Holm-corrected p-value is below [`HOLM_ALPHA`].
pub fn holds_corrected(is_finding: bool, p_holm: Option<f64>) -> bool {
    is_finding && p_holm.is_some_and(|p| p < HOLM_ALPHA)
}

impl Finding {
    /// Whether this finding (a difference) holds after Holm's correction:
    /// [`holds_corrected`].
    pub fn holds_corrected(&self) -> bool {
        holds_corrected(self.is_finding, self.p_holm)
    }
}

impl GroupDifference {
    /// Whether a finding also holds after Holm's correction for the run's
    /// many comparisons: [`holds_corrected`].
    pub fn holds_corrected(&self) -> bool {
        holds_corrected(self.is_finding(), self.p_holm)
    }

    /// Whether the interval excludes 0 and the difference rests on enough matches.
    pub fn is_finding(&self) -> bool {
        if self.too_few_matches {
            return false;
        }
        match (self.ci_low, self.ci_high) {
            (Some(lo), Some(hi)) => lo > 0.0 || hi < 0.0,
            _ => false,
        }
    }
}

/// Anchor of the report section comparing groups.
pub const SECTION_GROUPS: &str = "comparing-groups";
/// Anchor of the report section on threat against reassurance.
pub const SECTION_THREAT: &str = "threat-versus-reassurance";
/// Anchor of the report section on how far each frame can be trusted.
pub const SECTION_VALIDITY: &str = "how-far-each-frame-score-can-be-trusted";
/// Anchor of the report section on headline, lead and body.
pub const SECTION_POSITIONS: &str = "where-the-frame-sits-headline-lead-and-body";
/// Anchor of the report section on clusters (and each article's nearest article).
pub const SECTION_CLUSTERS: &str = "clusters";
/// Anchor of the Method section's list of skipped files and warnings.
pub const SECTION_SKIPPED: &str = "skipped-and-warnings";
/// Anchor of the report section with each article's evidence.
pub const SECTION_EVIDENCE: &str = "evidence";

#[cfg(test)]
mod tests {
    use super::*;

    /// A difference and its row in findings.csv say the same about the
    /// correction: both read [`holds_corrected`].
    #[test]
    fn a_difference_and_its_finding_hold_after_correction_alike() {
        for (lo, p) in [
            (0.1, Some(0.01)),
            (0.1, Some(0.05)),
            (0.1, None),
            (-0.1, Some(0.01)),
        ] {
            let d = GroupDifference {
                ci_low: Some(lo),
                ci_high: Some(0.5),
                p_holm: p,
                ..Default::default()
            };
            let f = Finding {
                is_finding: d.is_finding(),
                p_holm: d.p_holm,
                ..Default::default()
            };
            assert_eq!(d.holds_corrected(), f.holds_corrected(), "{lo} {p:?}");
            assert_eq!(d.holds_corrected(), lo > 0.0 && p == Some(0.01));
        }
    }
}
