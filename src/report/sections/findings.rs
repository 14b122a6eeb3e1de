//! "Findings": the screen the report opens with. It shows the rows of
//! `Analysis::findings` (computed once by `stats::findings`, the same rows
//! as findings.csv): differences between groups that are findings, those
//! that are not in one line, whether headlines lean to threat more than
//! the bodies do, the most threat- and reassurance-framed
//! articles with a sentence to quote, and the cautions, each linked to
//! the section or article that shows the evidence.

use super::builder::{clip, em, strong, t, Builder};
use crate::model::findings::{
    Finding, CAUTION, DIFFERENCE, HEADLINE_VS_BODY, MOST_REASSURANCE, MOST_THREAT,
};
use crate::report::document::{Block, Inline, Target};
use crate::report::format::{hits, int, quotable};

/// Differences stated one per line; the rest are in the groups section and findings.csv.
const MAX_DIFFERENCES_SHOWN: usize = 8;
/// Longest quoted sentence in the findings, in characters.
const MAX_QUOTE_CHARS: usize = 300;

impl<'a> Builder<'a> {
    /// The "Findings" section (after the summary paragraph).
    pub(super) fn findings(&mut self) {
        let f = &self.a.findings;
        self.heading(2, "Findings");
        let of =
            |kind: &str| -> Vec<&Finding> { f.items.iter().filter(|x| x.kind == kind).collect() };
        let diffs = of(DIFFERENCE);
        if !diffs.is_empty() {
            let groups = self.a.groups.as_ref().map_or(0, |g| g.groups.len());
            let lead = match f.comparison.as_str() {
                "each_vs_rest" => format!("With {groups} groups, each group is compared with all the other articles together, measure by measure; "),
                _ => "The two groups are compared measure by measure; ".to_string(),
            };
            self.para(vec![
                t(lead),
                t("a difference counts as a finding only when its 95% interval excludes 0 ("),
                Inline::Link {
                    text: "how".into(),
                    to: Target::Section(crate::model::findings::SECTION_GROUPS.into()),
                },
                t("). Findings that hold after correcting for the many comparisons, with at least a small effect, come first, then those with a negligible effect, then those that do not hold after the correction; within each, threat and reassurance come first, then the other measures, each clearest first: by the difference over the width of its interval, which puts scores per 1,000 words and sentiment on one scale, so the first is the surest, not the largest."),
            ]);
            let found: Vec<&Finding> = diffs.iter().copied().filter(|d| d.is_finding).collect();
            let not: Vec<&Finding> = diffs.iter().copied().filter(|d| !d.is_finding).collect();
            if found.is_empty() {
                self.para(vec![
                    strong("No difference between the groups is a finding: "),
                    t(format!(
                        "for each of the {} comparisons the 95% interval of the difference includes 0, so these articles cannot tell the groups apart.",
                        int(diffs.len())
                    )),
                ]);
            } else {
                let items: Vec<Vec<Inline>> = found
                    .iter()
                    .take(MAX_DIFFERENCES_SHOWN)
                    .map(|d| linked(&d.text, &d.section))
                    .collect();
                self.push(Block::List(items));
                if found.len() > MAX_DIFFERENCES_SHOWN {
                    // Named, so that none is out of sight.
                    let rest: Vec<String> = found[MAX_DIFFERENCES_SHOWN..]
                        .iter()
                        .map(|d| {
                            format!(
                                "{} vs {}: {}",
                                d.group_a,
                                d.group_b,
                                d.frame.replace('_', " ")
                            )
                        })
                        .collect();
                    self.para(vec![em(format!(
                        "{} more differences are findings ({}): see the groups section and findings.csv.",
                        found.len() - MAX_DIFFERENCES_SHOWN,
                        rest.join("; ")
                    ))]);
                }
            }
            if !not.is_empty() && !found.is_empty() {
                // One clause per pair of groups, in the order they come.
                let mut pairs: Vec<(String, Vec<String>)> = Vec::new();
                for d in &not {
                    let pair = format!("{} vs {}", d.group_a, d.group_b);
                    let measure = d.frame.replace('_', " ");
                    match pairs.iter_mut().find(|(p, _)| *p == pair) {
                        Some((_, m)) => m.push(measure),
                        None => pairs.push((pair, vec![measure])),
                    }
                }
                let names: Vec<String> = pairs
                    .into_iter()
                    .map(|(p, m)| format!("{p}: {}", m.join(", ")))
                    .collect();
                self.para(vec![
                    strong("Not findings "),
                    t(format!(
                        "(the 95% interval of the difference includes 0, the difference rests on too few matches, or a group has fewer than 2 articles): {}.",
                        names.join("; ")
                    )),
                ]);
            }
        }
        // A comparison that could not be made is said where the parts are
        // shown (the section on headline, lead and body), not here.
        for x in of(HEADLINE_VS_BODY)
            .into_iter()
            .filter(|x| x.value_a.is_some())
        {
            self.para(linked(&x.text, &x.section));
        }
        for kind in [MOST_THREAT, MOST_REASSURANCE] {
            for x in of(kind) {
                let mut p = vec![t(x.text.clone()), t(" ")];
                if x.article_no >= 1 && self.linkable(x.article_no - 1) {
                    p.push(Inline::Link {
                        text: "Read it marked".into(),
                        to: Target::Article(x.article_no - 1),
                    });
                    p.push(t(" · "));
                }
                p.push(Inline::Link {
                    text: "More".into(),
                    to: Target::Section(x.section.clone()),
                });
                self.para(p);
                if !x.sentence.trim().is_empty() {
                    let art = self.a.articles.get(x.article_no.wrapping_sub(1));
                    let quoted = art.and_then(|art| {
                        if kind == MOST_THREAT {
                            art.most_threatening.as_ref()
                        } else {
                            art.most_reassuring.as_ref()
                        }
                    });
                    // The Method's trust table: a sentence with one hit is
                    // right too seldom to stand alone as evidence.
                    let weight = match quoted.map(|s| s.hits) {
                        Some(h) if h < 2.0 => {
                            ", one hit: read it in context before quoting it as evidence"
                                .to_string()
                        }
                        Some(h) => format!(", {} hits", hits(h)),
                        None => String::new(),
                    };
                    self.push(Block::Quote {
                        text: clip(&quotable(&x.sentence), MAX_QUOTE_CHARS),
                        cite: format!(
                            "#{} (id {}), its most {} sentence{weight}",
                            x.article_no,
                            art.map_or("", |art| art.id.as_str()),
                            if kind == MOST_THREAT {
                                "threatening"
                            } else {
                                "reassuring"
                            }
                        ),
                        source: (x.article_no >= 1 && self.linkable(x.article_no - 1))
                            .then(|| Target::Article(x.article_no - 1)),
                    });
                } else {
                    self.para(vec![t(if kind == MOST_THREAT {
                        "No sentence of it is quoted: each of its threat matches names an alternative set aside (\u{201c}rather than\u{201d}, \u{201c}instead of\u{201d}). Read the article."
                    } else {
                        "No sentence of it is quoted: each of its reassurance matches names an alternative set aside (\u{201c}rather than\u{201d}) or waits on a condition (\u{201c}safe to return when \u{2026}\u{201d}). Read the article."
                    })]);
                }
            }
        }
        let cautions: Vec<Vec<Inline>> = of(CAUTION)
            .iter()
            .map(|c| linked(&c.text, &c.section))
            .collect();
        if !cautions.is_empty() {
            self.push(Block::Callout {
                title: "Read with care".into(),
                items: cautions,
            });
        }
    }
}

/// The text, then a link to its section when it has one.
fn linked(text: &str, section: &str) -> Vec<Inline> {
    let mut v = vec![t(text)];
    if !section.is_empty() {
        v.push(t(" "));
        v.push(Inline::Link {
            text: "More".into(),
            to: Target::Section(section.to_string()),
        });
    }
    v
}
