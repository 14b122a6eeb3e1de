//! The opening of the report: the summary with its cautions, and the
//! numbered list of articles used throughout.

use super::builder::{clip, no_clustering_reason, silhouette_words, t, table, Builder, MAX_ROWS};
use crate::model::READER_MAX;
use crate::model::{REASSURANCE, THREAT};
use crate::report::document::{Block, Cell, Target};
use crate::report::format::{count, int, score3};

/// Articles listed in the report itself; a longer list goes to the appendix.
const MAX_ARTICLES_IN_REPORT: usize = 20;
/// Clusters named in the summary paragraph.
const MAX_CLUSTERS_IN_SUMMARY: usize = 6;

impl<'a> Builder<'a> {
    /// The summary, its cautions and the table of contents.
    pub(super) fn intro(&mut self) {
        let a = self.a;
        let n = self.n();
        let mut p = Vec::new();
        if n == 0 {
            p.push(t("No articles were analysed, so there is nothing to compare. The Method section lists any files that were skipped and why."));
        } else {
            let words: usize = a.articles.iter().map(|x| x.words).sum();
            p.push(t(format!(
                "This report compares {} ({} words in total) for how {} the story. ",
                count(n, "news article", "news articles"),
                int(words),
                if n == 1 { "it frames" } else { "they frame" }
            )));
            if !a.frames.is_empty() {
                p.push(t(format!(
                    "It counts the vocabulary of {} ({}), measures the tone of the wording (sentiment) and groups articles that use similar words. ",
                    count(a.frames.len(), "frame", "frames"),
                    a.frames.join(", ")
                )));
            }
            if let Some(g) = a.groups.as_ref().filter(|g| g.groups.len() >= 2) {
                let names: Vec<&str> = g.groups.iter().map(|x| x.name.as_str()).collect();
                let by = if g.group_by == "group" {
                    "subfolder or group column".to_string()
                } else {
                    g.group_by.clone()
                };
                p.push(t(format!(
                    "The articles fall into {} by {} ({}), compared in the findings below. ",
                    count(names.len(), "group", "groups"),
                    by,
                    names.join(", ")
                )));
            }
            if n > 1 && self.has_frame(THREAT) && self.has_frame(REASSURANCE) {
                let (mut up, mut down, mut even) = (0, 0, 0);
                for art in &a.articles {
                    if art.threat_balance > 1e-9 {
                        up += 1;
                    } else if art.threat_balance < -1e-9 {
                        down += 1;
                    } else {
                        even += 1;
                    }
                }
                p.push(t(format!(
                    "{} more threat than reassurance vocabulary, {} more reassurance, and {} balanced or neither. ",
                    capitalise(&count_verb(up, "uses", "use")),
                    int(down),
                    int(even)
                )));
            }
            let mut lo: Option<(usize, f64)> = None;
            let mut hi: Option<(usize, f64)> = None;
            for (i, art) in a.articles.iter().enumerate() {
                let c = art.sentiment.compound;
                if !c.is_finite() {
                    continue;
                }
                if lo.is_none_or(|(_, v)| c < v) {
                    lo = Some((i, c));
                }
                if hi.is_none_or(|(_, v)| c > v) {
                    hi = Some((i, c));
                }
            }
            if let (Some((li, lv)), Some((hi_i, hv))) = (lo, hi) {
                if n == 1 {
                    p.push(t(format!(
                        "Its overall sentiment (VADER compound score, from -1 very negative to +1 very positive) is {}. ",
                        score3(lv)
                    )));
                } else {
                    p.push(t(format!(
                        "Sentiment (VADER compound score, from -1 very negative to +1 very positive) ranges from {} (",
                        score3(lv)
                    )));
                    p.push(self.article_link(li));
                    p.push(t(format!(") to {} (", score3(hv))));
                    p.push(self.article_link(hi_i));
                    p.push(t("). "));
                }
            }
            match &a.clustering {
                Some(c) => {
                    let names: Vec<String> = c
                        .clusters
                        .iter()
                        .take(MAX_CLUSTERS_IN_SUMMARY)
                        .map(|cl| {
                            format!("“{}” ({})", cl.label, count(cl.size, "article", "articles"))
                        })
                        .collect();
                    let more = c.clusters.len().saturating_sub(MAX_CLUSTERS_IN_SUMMARY);
                    p.push(t(format!(
                        "Grouped by shared vocabulary, the articles form {}: {}{}. The mean silhouette of {} indicates {}.",
                        count(c.k, "cluster", "clusters"),
                        names.join(", "),
                        if more > 0 {
                            format!(" and {} more", int(more))
                        } else {
                            String::new()
                        },
                        score3(c.silhouette),
                        silhouette_words(c.silhouette)
                    )));
                }
                None => p.push(t(no_clustering_reason(n))),
            }
        }
        self.para(p);
        self.findings();
        self.push(Block::Toc);
    }

    /// The "Articles" section.
    pub(super) fn articles(&mut self) {
        self.heading(2, "Articles");
        let a = self.a;
        if a.articles.is_empty() {
            self.para(vec![t("No articles were analysed.")]);
            return;
        }
        self.para(vec![t("Each article has a number (#) used throughout this report; the id links it to the rows of the CSV files. A title opens the article in the reader, with every frame word marked; the file each article came from is in articles.csv and in the reader.")]);
        let has_date = a.articles.iter().any(|x| x.date.is_some());
        let has_group = a.articles.iter().any(|x| x.group.is_some());
        let mut header = vec!["#", "Id", "Title", "Words"];
        if has_date {
            header.push("Date");
        }
        if has_group {
            header.push("Group");
        }
        let rows = a
            .articles
            .iter()
            .enumerate()
            .take(MAX_ROWS)
            .map(|(i, art)| {
                let mut r = vec![
                    Cell::num((i + 1).to_string()),
                    Cell::text(&art.id),
                    {
                        let c = Cell::text(clip(&art.title, 160));
                        if i < READER_MAX {
                            c.linked(Target::Article(i))
                        } else {
                            c
                        }
                    },
                    Cell::num(int(art.words)),
                ];
                if has_date {
                    r.push(Cell::num(art.date.clone().unwrap_or_default()));
                }
                if has_group {
                    r.push(Cell::text(art.group.clone().unwrap_or_default()));
                }
                r
            })
            .collect();
        if a.articles.len() > MAX_ARTICLES_IN_REPORT {
            self.appendix(
                "List of articles",
                "The list of articles with their ids, titles, words, dates and groups:",
            );
        }
        self.push(Block::Table(table(&header, &[0, 3], rows)));
        self.truncated(MAX_ROWS, a.articles.len(), "articles", "articles.csv");
        self.end_appendix();
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "1 article uses" / "3 articles use".
fn count_verb(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        count(n, "article", "articles"),
        if n == 1 { one } else { many }
    )
}
