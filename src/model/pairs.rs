//! Every pair of named groups compared on every measure, when a run has
//! three or more groups (`stats::pairs` computes them). With two groups
//! the one pair is already the comparison (`GroupComparison::differences`),
//! so there are no pairs apart from it.

use crate::model::findings::{holds_corrected, GroupDifference};
use serde::Serialize;

/// One pair of groups on one measure: the difference with its interval,
/// effect size and p-values, Holm-adjusted over the pairs' own family
/// (not over the comparisons with the rest), and whether it holds.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct GroupPair {
    /// The difference, `group_a` before `group_b` in name order.
    #[serde(flatten)]
    pub difference: GroupDifference,
    /// Whether it holds after Holm's correction over every pair of the run:
    /// [`holds_corrected`] of this difference.
    pub holds: bool,
}

impl GroupPair {
    /// A pair whose `p_holm` is already adjusted over the pairs' family.
    pub fn new(difference: GroupDifference) -> Self {
        let holds = holds_corrected(difference.is_finding(), difference.p_holm);
        GroupPair { difference, holds }
    }
}

/// How many pair comparisons Holm's correction counted: those with a
/// p-value (a group of one article gives none).
pub fn family(pairs: &[GroupPair]) -> usize {
    pairs
        .iter()
        .filter(|p| p.difference.p_value.is_some())
        .count()
}
