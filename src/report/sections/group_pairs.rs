//! The report's answer to "does group A frame the story as more of a threat
//! than group B?": the pairs of groups that hold after Holm's correction
//! over the pairs, as sentences a student can quote, threat and
//! reassurance first; every pair is in `group_pairs.csv`.

use super::builder::{code, strong, t, Builder};
use crate::model::findings::SECTION_VALIDITY;
use crate::model::numbers::{count, int, p_value};
use crate::model::pairs::{family, GroupPair};
use crate::model::{GroupComparison, REASSURANCE, THREAT};
use crate::report::document::{Block, Inline, Target};
use crate::report::format::{fixed, printed_difference};
use crate::stats::findings::{capitalised, fitted_decimals, reading};
use std::collections::BTreeSet;

/// Pairs written out as sentences; those that hold beyond them are counted.
const PAIRS_SHOWN: usize = 8;
/// Past this many named groups the report only counts the pairs: with
/// k(k-1)/2 pairs per measure, a few sentences would be an arbitrary pick.
const MAX_GROUPS_NAMED: usize = 12;

impl Builder<'_> {
    /// The pairs of groups that hold after correction, as sentences, and
    /// how many were tested (nothing with fewer than three named groups).
    pub(super) fn group_pairs(&mut self) {
        let Some(g) = self.a.groups.as_ref().filter(|g| !g.pairs.is_empty()) else {
            return;
        };
        let tested = family(&g.pairs);
        let groups: BTreeSet<&str> = g
            .pairs
            .iter()
            .flat_map(|p| [p.difference.group_a.as_str(), p.difference.group_b.as_str()])
            .collect();
        let k = groups.len();
        let holding = holding(g);
        // The question the tool is built for gets its answer even when it is "no".
        let silent: Vec<&str> = [THREAT, REASSURANCE]
            .into_iter()
            .filter(|m| g.measures.iter().any(|x| x == m))
            .filter(|m| !holding.iter().any(|p| p.difference.measure == *m))
            .collect();
        let mut lead = vec![
            strong("Pairs of groups. "),
            t(format!(
                "Which group frames the story more than which: each of the {} pairs of the {k} groups compared on each of the {} measures, from the same bootstrap resamples as the table above. These {} comparisons are corrected together, apart from the comparisons with the rest (Holm 1979, over the pairs alone): ",
                int(k * (k - 1) / 2),
                g.measures.len(),
                int(tested),
            )),
        ];
        lead.push(t(match holding.len() {
            0 => "none of them holds after that correction, so no pair of groups can be told apart from chance in these articles. ".to_string(),
            n if n == tested => format!("all {} hold after that correction. ", int(n)),
            n => format!(
                "{} after that correction, the other {} do not{}. ",
                count(n, "holds", "hold"),
                int(tested - n),
                if silent.is_empty() {
                    String::new()
                } else {
                    format!(
                        "; no pair holds on {}",
                        silent.join(" or ")
                    )
                }
            ),
        }));
        lead.extend([
            t("Every pair, with its interval, Cohen's d, p and p_holm, is in "),
            code("group_pairs.csv"),
            t(" (holds = true for those that hold)."),
        ]);
        self.para(lead);
        if holding.is_empty() {
            return;
        }
        if k > MAX_GROUPS_NAMED {
            self.para(vec![t(format!(
                "With {k} groups the pairs that hold are too many to read as sentences here: sort group_pairs.csv by measure and p_holm to read them."
            ))]);
            return;
        }
        let shown: Vec<&GroupPair> = holding.iter().take(PAIRS_SHOWN).copied().collect();
        let mut items: Vec<Vec<Inline>> =
            shown.iter().map(|p| vec![t(sentence(p, tested))]).collect();
        let more = holding.len() - shown.len();
        if more > 0 {
            items.push(vec![t(format!(
                "{} more {} (group_pairs.csv).",
                int(more),
                if more == 1 {
                    "pair holds"
                } else {
                    "pairs hold"
                }
            ))]);
        }
        self.push(Block::List(items));
        self.validity_note(&shown);
    }

    /// What limits the sentences: groups that are also topics, and measures
    /// that are exploratory or not validated (the sentence a student copies
    /// carries numbers; this says how far they measure framing).
    fn validity_note(&mut self, shown: &[&GroupPair]) {
        let of = |kind: &str| -> Vec<String> {
            shown
                .iter()
                .map(|p| p.difference.measure.as_str())
                .filter(|m| reading(self.a, m) == kind)
                .collect::<BTreeSet<&str>>()
                .into_iter()
                .map(|m| m.replace('_', " "))
                .collect()
        };
        let (exploratory, unvalidated) = (of("exploratory"), of("not validated"));
        let mut parts = Vec::new();
        if !exploratory.is_empty() {
            parts.push(format!(
                "{} {} exploratory (the lexicon agreed poorly with human frame coding)",
                in_words(&exploratory),
                if exploratory.len() == 1 { "is" } else { "are" }
            ));
        }
        if !unvalidated.is_empty() {
            parts.push(format!(
                "{} {} not validated against human coding",
                in_words(&unvalidated),
                if unvalidated.len() == 1 {
                    "was"
                } else {
                    "were"
                }
            ));
        }
        let topics: Vec<String> = crate::stats::topic_overlap::one_topic_groups(self.a)
            .map(|(_, groups)| groups)
            .unwrap_or_default()
            .into_iter()
            .map(|(g, _)| g)
            .filter(|g| {
                shown
                    .iter()
                    .any(|p| &p.difference.group_a == g || &p.difference.group_b == g)
            })
            .collect();
        if !topics.is_empty() {
            self.para(vec![t(format!(
                "{} {} mostly in one cluster (see Groups and clusters): a pair naming {} may differ in topic rather than in framing.",
                in_words(&topics),
                if topics.len() == 1 { "sits" } else { "each sit" },
                if topics.len() == 1 { "it" } else { "them" }
            ))]);
        }
        if parts.is_empty() {
            return;
        }
        self.para(vec![
            t(format!(
                "{}: read those pairs as leads to check in the articles, not as measurements (",
                capitalised(&parts.join("; "))
            )),
            Inline::Link {
                text: "how far each frame score can be trusted".into(),
                to: Target::Section(SECTION_VALIDITY.into()),
            },
            t(")."),
        ]);
    }
}

/// "a", "a and b", "a, b and c".
fn in_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The pairs that hold after correction: threat, then reassurance, then
/// the other measures in column order; within a measure the smallest
/// Holm p first (pair order breaks ties).
fn holding(g: &GroupComparison) -> Vec<&GroupPair> {
    let rank = |m: &str| match m {
        THREAT => 0,
        REASSURANCE => 1,
        _ => {
            2 + g
                .measures
                .iter()
                .position(|x| x == m)
                .unwrap_or(g.measures.len())
        }
    };
    let mut v: Vec<&GroupPair> = g.pairs.iter().filter(|p| p.holds).collect();
    v.sort_by(|x, y| {
        let (a, b) = (&x.difference, &y.difference);
        rank(&a.measure)
            .cmp(&rank(&b.measure))
            .then(a.p_holm.unwrap_or(1.0).total_cmp(&b.p_holm.unwrap_or(1.0)))
    });
    v
}

/// One pair as a sentence to quote, the group with the higher mean first:
/// "a uses more threat framing than b: 4.1 vs 2.3 per 1,000 words,
/// difference 1.8 [0.9, 2.7], d = 0.60; holds after Holm's correction over
/// 48 pair comparisons (Holm p = 0.0021)."
fn sentence(p: &GroupPair, tested: usize) -> String {
    let d = &p.difference;
    let flip = d.difference < 0.0;
    let (hi, lo, mean_hi, mean_lo) = if flip {
        (&d.group_b, &d.group_a, d.mean_b, d.mean_a)
    } else {
        (&d.group_a, &d.group_b, d.mean_a, d.mean_b)
    };
    let sign = if flip { -1.0 } else { 1.0 };
    let diff = sign * d.difference;
    let interval = d
        .ci_low
        .zip(d.ci_high)
        .map(|(l, h)| if flip { (-h, -l) } else { (l, h) });
    let dec = fitted_decimals(&d.measure, (mean_hi, mean_lo), diff, interval);
    let (claim, unit) = if d.measure == "sentiment" {
        (
            format!("{hi} is more positive in tone than {lo}"),
            " (VADER compound, −1 to +1)",
        )
    } else {
        (
            format!(
                "{hi} uses more {} framing than {lo}",
                d.measure.replace('_', " ")
            ),
            " per 1,000 words",
        )
    };
    let ci = interval
        .map(|(l, h)| format!(" [{}, {}]", fixed(l, dec), fixed(h, dec)))
        .unwrap_or_default();
    let es = d
        .effect_size
        .map(|e| format!(", d = {}", fixed(sign * e, 2)))
        .unwrap_or_default();
    let holm = d.p_holm.map(p_value).unwrap_or_else(|| "n/a".into());
    let holm = if holm.starts_with('<') {
        format!("Holm p {holm}")
    } else {
        format!("Holm p = {holm}")
    };
    format!(
        "{claim}: {} vs {}{unit}, difference {}{ci}{es}; holds after Holm's correction over {} pair comparisons ({holm}).",
        fixed(mean_hi, dec),
        fixed(mean_lo, dec),
        // That of the printed means, so that the three numbers add up.
        printed_difference(mean_hi, mean_lo, dec),
        int(tested)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::findings::GroupDifference;

    fn pair(a: &str, b: &str, measure: &str, diff: f64, p_holm: f64) -> GroupPair {
        GroupPair::new(GroupDifference {
            measure: measure.into(),
            group_a: a.into(),
            group_b: b.into(),
            mean_a: 2.0 + diff,
            mean_b: 2.0,
            difference: diff,
            ci_low: Some(diff - 0.5),
            ci_high: Some(diff + 0.5),
            effect_size: Some(diff / 2.0),
            p_value: Some(p_holm / 10.0),
            p_holm: Some(p_holm),
            ..Default::default()
        })
    }

    /// The difference is that of the printed means: 15.86 and 7.14 print
    /// 15.9 and 7.1, whose difference is 8.8 (the unrounded 8.72 prints 8.7).
    #[test]
    fn a_pairs_difference_adds_up_with_its_printed_means() {
        let mut p = pair("a", "b", "threat", -8.72, 0.001);
        (p.difference.mean_a, p.difference.mean_b) = (7.14, 15.86);
        let s = sentence(&p, 6);
        assert!(
            s.contains("15.9 vs 7.1 per 1,000 words, difference 8.8 [8.2, 9.2]"),
            "{s}"
        );
    }

    #[test]
    fn the_higher_group_is_named_first_with_its_numbers() {
        let s = sentence(&pair("tass", "xinhua", "threat", -1.8, 0.0021), 48);
        assert_eq!(
            s,
            // A mean below 1 has the group table's two decimals, and so the row.
            "xinhua uses more threat framing than tass: 2.00 vs 0.20 per 1,000 words, difference 1.80 [1.30, 2.30], d = 0.90; holds after Holm's correction over 48 pair comparisons (Holm p = 0.0021)."
        );
        let s = sentence(&pair("a", "b", "sentiment", 0.25, 0.00001), 6);
        assert!(
            // Sentiment with the group table's two decimals.
            s.starts_with("a is more positive in tone than b: 2.25 vs 2.00 (VADER compound")
                && s.ends_with("(Holm p < 0.0001)."),
            "{s}"
        );
    }

    /// `k` groups on threat, reassurance and sentiment, where every pair
    /// holds on threat and none on the others.
    fn analysis(k: usize) -> crate::model::Analysis {
        let mut pairs = Vec::new();
        for i in 0..k {
            for j in i + 1..k {
                for (m, p) in [("threat", 0.001), ("reassurance", 0.5), ("sentiment", 0.9)] {
                    pairs.push(pair(&format!("g{i:02}"), &format!("g{j:02}"), m, 1.0, p));
                }
            }
        }
        let mut a = crate::model::example(3);
        a.groups = Some(GroupComparison {
            measures: ["threat", "reassurance", "sentiment"]
                .map(String::from)
                .to_vec(),
            pairs,
            ..Default::default()
        });
        a
    }

    fn blocks(a: &crate::model::Analysis) -> Vec<Block> {
        let mut b = Builder::new(a, &[]);
        b.group_pairs();
        b.blocks
    }

    fn text(b: &Block) -> String {
        match b {
            Block::Para(p) => p.iter().map(|i| i.text()).collect(),
            _ => String::new(),
        }
    }

    #[test]
    fn the_sentences_stop_at_eight_and_count_the_rest() {
        let a = analysis(5);
        let b = blocks(&a);
        let lead = text(&b[0]);
        assert!(
            lead.contains("each of the 10 pairs of the 5 groups compared on each of the 3 measures")
                && lead.contains("These 30 comparisons are corrected together")
                && lead.contains("10 hold after that correction, the other 20 do not; no pair holds on reassurance."),
            "{lead}"
        );
        let Block::List(items) = &b[1] else {
            panic!("a list of pairs: {b:?}")
        };
        assert_eq!(items.len(), PAIRS_SHOWN + 1);
        let last: String = items[PAIRS_SHOWN].iter().map(|i| i.text()).collect();
        assert_eq!(last, "2 more pairs hold (group_pairs.csv).");
        // Past MAX_GROUPS_NAMED groups: the counts only.
        let b = blocks(&analysis(MAX_GROUPS_NAMED + 1));
        assert!(b.iter().all(|x| !matches!(x, Block::List(_))), "{b:?}");
        assert!(text(&b[1]).starts_with("With 13 groups the pairs that hold are too many"));
        // No pairs (fewer than three groups): nothing said.
        assert!(blocks(&analysis(0)).is_empty());
    }

    #[test]
    fn threat_and_reassurance_come_first_and_only_pairs_that_hold() {
        let g = GroupComparison {
            measures: ["conflict", "threat", "reassurance", "sentiment"]
                .map(String::from)
                .to_vec(),
            pairs: vec![
                pair("a", "b", "conflict", 3.0, 0.001),
                pair("a", "b", "threat", 3.0, 0.01),
                pair("a", "b", "reassurance", 0.2, 0.9),
                pair("a", "c", "threat", 3.0, 0.001),
                pair("a", "c", "reassurance", 3.0, 0.02),
            ],
            ..Default::default()
        };
        let order: Vec<(&str, &str)> = holding(&g)
            .iter()
            .map(|p| (p.difference.measure.as_str(), p.difference.group_b.as_str()))
            .collect();
        assert_eq!(
            order,
            [
                ("threat", "c"),
                ("threat", "b"),
                ("reassurance", "c"),
                ("conflict", "b")
            ]
        );
    }
}
