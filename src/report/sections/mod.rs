//! Shared content of `report.html` and `report.md`.
//!
//! [`build`] turns an [`Analysis`] into a format-neutral [`Document`]
//! (headings, paragraphs, tables, images, quotes), so both formats say exactly
//! the same thing; the renderers in `html.rs` and `markdown.rs` only escape and
//! lay out. Each section of the report is built by its own module, in the
//! order [`build`] calls them.
//!
//! Big corpora: every per-article table stops after a fixed number of rows
//! with a pointer to the CSV file that holds the rest, so the report stays
//! readable and its size is bounded whatever the number of articles.

mod builder;
mod clusters;
mod coverage;
mod evidence;
mod files;
mod findings;
mod frames;
mod group_pairs;
mod groups;
mod intro;
mod method;
mod other_charts;
mod sentiment;
mod terms;
mod timeline;
mod voices;

use crate::model::Analysis;
use crate::report::document::{Block, Document};
use builder::Builder;

/// The sections of the report itself, in order.
fn report_sections<'a>() -> [fn(&mut Builder<'a>); 12] {
    [
        Builder::intro,
        Builder::articles,
        Builder::frames,
        Builder::threat_reassurance,
        Builder::sentiment,
        Builder::clusters,
        Builder::similarity,
        Builder::terms,
        Builder::voices,
        Builder::positions,
        Builder::group_sections,
        Builder::other_charts,
    ]
}

/// Build the report content from an analysis and the chart files present.
pub fn build<'a>(a: &'a Analysis, charts: &[&'a str]) -> Document {
    let mut b = Builder::new(a, charts);
    // Each section starts in the report; long tables move to the appendix
    // inside it (Builder::appendix), and the next section starts afresh.
    for section in report_sections() {
        section(&mut b);
        b.end_appendix();
    }
    // The evidence, coverage and method details are reference material:
    // the appendix holds them whole.
    for section in [Builder::evidence, Builder::coverage, Builder::method] {
        b.in_appendix = true;
        section(&mut b);
    }
    b.end_appendix();
    if !b.appendix.is_empty() {
        b.appendix.insert(0, Block::Toc);
    }
    b.appendix_contents();
    b.files();
    Document {
        title: "How the articles frame the story".into(),
        blocks: b.blocks,
        appendix: b.appendix,
    }
}

/// The articles the report itself names (summary, findings, its tables;
/// not the appendix), whether or not the reader holds them: the reader
/// adds those beyond its first pages, so every article the report points
/// to can be read marked.
pub fn named_articles(a: &Analysis) -> Vec<usize> {
    let mut b = Builder::new(a, &[]);
    b.link_all = true;
    for section in report_sections() {
        section(&mut b);
        b.end_appendix();
    }
    Document::linked_articles(&b.blocks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example;
    use crate::report::document::Inline;

    /// The text of a block's inlines, whatever their style.
    fn text_of(b: &Block) -> String {
        match b {
            Block::Para(p) | Block::Explain(p) => p.iter().map(|i| i.text()).collect(),
            Block::List(items) | Block::Callout { items, .. } => items
                .iter()
                .flat_map(|p| p.iter().map(|i| i.text().to_string()))
                .collect(),
            Block::Quote { text, .. } => text.clone(),
            _ => String::new(),
        }
    }

    #[test]
    fn summary_then_findings_name_extremes_and_clusters() {
        let mut a = example(5);
        a.findings = crate::stats::findings::compute(&a);
        let doc = build(&a, &[]);
        let Block::Para(_) = &doc.blocks[0] else {
            panic!("summary first")
        };
        let text = text_of(&doc.blocks[0]);
        assert!(text.contains("5 news articles"), "{text}");
        assert!(text.contains("2 clusters"), "{text}");
        assert!(text.contains("police / knife / crime 0"), "{text}");
        assert!(
            matches!(&doc.blocks[1], Block::Heading { id, .. } if id == "findings"),
            "findings come straight after the summary"
        );
        let toc = doc.blocks.iter().position(|b| *b == Block::Toc).unwrap();
        let findings: String = doc.blocks[..toc].iter().map(text_of).collect();
        assert!(findings.contains("most threat-framed"), "{findings}");
        assert!(findings.contains("most reassurance-framed"), "{findings}");
        assert!(
            findings.contains("Armed gangs roam the streets."),
            "{findings}"
        );
    }

    #[test]
    fn headline_threat_share_is_given_by_cluster_when_there_are_enough_words() {
        let mut a = example(12);
        let j = a.frames.iter().position(|f| f == "threat").unwrap();
        let set = |a: &mut crate::model::Analysis, threat: f64| {
            for art in &mut a.articles {
                for p in &mut art.positions {
                    p.hits.iter_mut().for_each(|h| *h = 2.0);
                    p.hits[j] = if p.part == "headline" { threat } else { 2.0 };
                }
            }
        };
        let by_cluster = |a: &crate::model::Analysis| {
            build(a, &[]).blocks.iter().map(text_of).find(|t| {
                t.starts_with("Threat's share of the frame words, headlines minus bodies")
            })
        };
        set(&mut a, 6.0);
        let t = by_cluster(&a).expect("a sentence by cluster");
        assert!(t.contains("cluster 1 “") && t.contains(" +"), "{t}");
        // Too few threat words in the headlines: no cluster is given.
        set(&mut a, 0.0);
        for art in &mut a.articles {
            for p in &mut art.positions {
                p.hits.iter_mut().for_each(|h| *h = 0.1);
            }
        }
        assert_eq!(by_cluster(&a), None);
    }

    #[test]
    fn every_finding_links_to_a_section_that_exists() {
        let mut a = example(8);
        a.findings = crate::stats::findings::compute(&a);
        let doc = build(&a, &[]);
        let ids: Vec<&str> = doc
            .blocks
            .iter()
            .chain(&doc.appendix)
            .filter_map(|b| match b {
                Block::Heading { id, .. } => Some(id.as_str()),
                _ => None,
            })
            .collect();
        for f in &a.findings.items {
            if !f.section.is_empty() && f.section != crate::model::findings::SECTION_GROUPS {
                assert!(
                    ids.contains(&f.section.as_str()),
                    "{} has no section {}",
                    f.kind,
                    f.section
                );
            }
        }
    }

    #[test]
    fn balances_carry_the_reassurance_recall_only_for_the_default_list() {
        let says = |a: &crate::model::Analysis| {
            build(a, &[])
                .blocks
                .iter()
                .any(|b| text_of(b).contains("Balances lean towards threat"))
        };
        let mut a = example(3);
        a.lexicons = ["threat", "reassurance"]
            .iter()
            .map(|name| crate::model::example_lexicon(name, true))
            .collect();
        assert!(says(&a));
        // The user's own reassurance list: frame measured nothing about it.
        for l in &mut a.lexicons {
            l.builtin = false;
        }
        assert!(!says(&a));
    }

    #[test]
    fn no_clustering_is_explained() {
        for n in [0, 1, 2] {
            let doc = build(&example(n), &[]);
            let said = doc.blocks.iter().any(|b| match b {
                Block::Para(p) => p
                    .iter()
                    .any(|i| matches!(i, Inline::Text(s) if s.contains("at least 3 articles"))),
                _ => false,
            });
            assert!(said, "n = {n}");
        }
    }

    #[test]
    fn unknown_charts_are_not_dropped() {
        let a = example(3);
        let doc = build(&a, &["frames.png", "extra.png", "frames.png"]);
        let imgs: Vec<&str> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Image { src, .. } => Some(src.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(imgs, vec!["frames.png", "extra.png"]);
    }

    #[test]
    fn heading_ids_are_unique() {
        let doc = build(&example(30), &[]);
        let mut ids: Vec<&str> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { id, .. } => Some(id.as_str()),
                _ => None,
            })
            .collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }

    #[test]
    fn tables_have_rectangular_rows() {
        for n in [0, 1, 5, 60] {
            let doc = build(&example(n), &[]);
            for b in &doc.blocks {
                if let Block::Table(t) = b {
                    assert_eq!(t.numeric.len(), t.header.len());
                    for r in &t.rows {
                        assert_eq!(r.len(), t.header.len(), "{:?}", t.header);
                    }
                }
            }
        }
    }

    /// The differences table prints the difference of the means it prints
    /// beside it: 7.14 and 15.86 print 7.1 and 15.9, so -8.8, not the
    /// unrounded -8.72's -8.7.
    #[test]
    fn the_differences_table_adds_up_with_its_printed_means() {
        let mut a = example(6);
        a.groups = Some(crate::model::GroupComparison {
            differences: vec![crate::model::findings::GroupDifference {
                measure: "economic".into(),
                group_a: "post".into(),
                group_b: "herald".into(),
                articles_a: 3,
                articles_b: 3,
                mean_a: 7.14,
                mean_b: 15.86,
                difference: 7.14 - 15.86,
                ci_low: Some(-10.0),
                ci_high: Some(-7.5),
                ..Default::default()
            }],
            ..Default::default()
        });
        a.findings = crate::stats::findings::compute(&a);
        let doc = build(&a, &[]);
        let row = doc
            .blocks
            .iter()
            .chain(&doc.appendix)
            .find_map(|b| match b {
                Block::Table(t) if t.header.iter().any(|h| h == "Difference") => {
                    t.rows.first().cloned()
                }
                _ => None,
            })
            .expect("a table of differences");
        let texts: Vec<&str> = row.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts[2..5], ["7.1 vs 15.9", "-8.8", "[-10.0, -7.5]"]);
    }
}
