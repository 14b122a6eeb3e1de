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
mod frames;
mod groups;
mod intro;
mod method;
mod other_charts;
mod sentiment;
mod terms;
mod voices;

use crate::model::Analysis;
use crate::report::document::Document;
use builder::Builder;

/// Build the report content from an analysis and the chart files present.
pub fn build<'a>(a: &'a Analysis, charts: &[&'a str]) -> Document {
    let mut b = Builder::new(a, charts);
    b.intro();
    b.articles();
    b.frames();
    b.threat_reassurance();
    b.sentiment();
    b.clusters();
    b.similarity();
    b.terms();
    b.voices();
    b.positions();
    b.group_sections();
    b.other_charts();
    b.evidence();
    b.coverage();
    b.method();
    b.files();
    Document {
        title: "How the articles frame the story".into(),
        blocks: b.blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example;
    use crate::report::document::{Block, Inline};

    #[test]
    fn summary_names_extremes_and_clusters() {
        let a = example(5);
        let doc = build(&a, &[]);
        let Block::Para(p) = &doc.blocks[0] else {
            panic!("summary first")
        };
        let text: String = p
            .iter()
            .map(|i| match i {
                Inline::Text(s) | Inline::Strong(s) | Inline::Em(s) | Inline::Code(s) => s.clone(),
            })
            .collect();
        assert!(text.contains("5 news articles"), "{text}");
        assert!(text.contains("most threat-framed"), "{text}");
        assert!(text.contains("most reassurance-framed"), "{text}");
        assert!(text.contains("2 clusters"), "{text}");
        assert!(text.contains("police / knife / crime 0"), "{text}");
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
}
