//! The vocabulary clusters and the similarity between articles.

use super::builder::{
    code, em, k_choice, no_clustering_reason, silhouette_words, strong, t, table, Builder,
    MAX_ROWS, MAX_TERMS_PER_ARTICLE,
};
use crate::model::ClusterInfo;
use crate::report::charts::{clusters, similarity};
use crate::report::document::{Block, Cell};
use crate::report::format::{fixed, int, score3};

/// Articles shown (as rows and columns) in the similarity matrix table.
pub const MAX_MATRIX: usize = 15;

impl<'a> Builder<'a> {
    /// The "Clusters" section.
    pub(super) fn clusters(&mut self) {
        self.heading(2, "Clusters");
        let a = self.a;
        let Some(c) = &a.clustering else {
            self.chart(&clusters::CHART);
            self.para(vec![t(no_clustering_reason(self.n()))]);
            return;
        };
        let has = self.chart(&clusters::CHART);
        let mut p = vec![
            strong("How to read this. "),
            t("Articles are grouped by the words they share, using their TF-IDF vectors (see Method): two articles count as similar when they use the same distinctive words, whatever their frames. "),
        ];
        if has {
            p.push(t(format!(
                "In the chart each dot is an article, coloured by its cluster; dots close together use similar vocabulary. The map squeezes a space with {} dimensions (one per vocabulary word) onto a page, so distances are approximate and the two axes have no meaning of their own. ",
                int(a.vocabulary.types_kept)
            )));
        }
        p.push(t("Cluster labels are the three words that most set each cluster apart (their average TF-IDF weight in the cluster's articles exceeds their average in all other articles by the most, so a word every article uses, such as “said”, cannot lead), picked by the computer, not themes named by a person. In the table each term is followed by how many of the cluster's articles use it: a label word that few of them use describes only part of the cluster. The "));
        p.push(strong("silhouette"));
        p.push(t(" (from -1 to +1) says how well an article sits in its own cluster rather than the next one: above 0.5 clear groups, 0.25 to 0.5 weak groups, below 0.25 no real structure (Rousseeuw, 1987)."));
        self.explain(p);
        self.cautions(&clusters::CHART);
        self.para(vec![t(format!(
            "{} Mean silhouette: {} ({}).",
            k_choice(c),
            score3(c.silhouette),
            silhouette_words(c.silhouette)
        ))]);

        // Cluster descriptions.
        let rows: Vec<Vec<Cell>> = c
            .clusters
            .iter()
            .take(MAX_ROWS)
            .map(|cl| {
                let terms: Vec<String> = cl
                    .top_terms
                    .iter()
                    .take(MAX_TERMS_PER_ARTICLE)
                    .map(|w| format!("{} ({})", w.term, int(w.articles)))
                    .collect();
                vec![
                    Cell::num((cl.id + 1).to_string()),
                    Cell::text(&cl.label),
                    Cell::num(int(cl.size)),
                    Cell::text(terms.join(", ")),
                    self.id_cell(&cl.central_article),
                ]
            })
            .collect();
        self.push(Block::Table(table(
            &[
                "Cluster",
                "Label",
                "Articles",
                "Distinctive terms (how many of its articles use each)",
                "Most central article",
            ],
            &[0, 2],
            rows,
        )));
        self.truncated(MAX_ROWS, c.clusters.len(), "clusters", "analysis.json");
        if let Some(p) = mixed_clusters(&c.clusters) {
            self.para(vec![t(p)]);
        }

        self.appendix(
            "Clusters by article",
            "The silhouette of each number of clusters tried, and the cluster of every article with its most similar article:",
        );
        if !c.k_scores.is_empty() {
            self.para(vec![t(
                "Mean silhouette for each number of clusters (k) tried, as the search computed it (with fewer restarts per k, and on a seeded sample in large corpora), so the chosen k's figure can differ a little from the final one given above:",
            )]);
            let rows = c
                .k_scores
                .iter()
                .take(MAX_ROWS)
                .map(|ks| {
                    vec![
                        Cell::num(ks.k.to_string()),
                        Cell::num(score3(ks.silhouette)),
                        Cell::text(if ks.k == c.k { "chosen" } else { "" }),
                    ]
                })
                .collect();
            self.push(Block::Table(table(
                &["k", "Mean silhouette", ""],
                &[0, 1],
                rows,
            )));
        }

        if !c.notes.is_empty() {
            let items = c.notes.iter().map(|s| vec![t(s.clone())]).collect();
            self.push(Block::List(items));
        }

        if !c.assignments.is_empty() {
            self.para(vec![t(
                "Cluster of each article, with its silhouette and the article most similar to it:",
            )]);
            let rows = c
                .assignments
                .iter()
                .take(MAX_ROWS)
                .map(|asg| {
                    let num = self
                        .index
                        .get(asg.article_id.as_str())
                        .map(|i| (i + 1).to_string())
                        .unwrap_or_default();
                    let name = match self.index.get(asg.article_id.as_str()) {
                        Some(&i) => self.article_cell(i),
                        None => Cell::text(&asg.article_id),
                    };
                    vec![
                        Cell::num(num),
                        name,
                        Cell::num((asg.cluster + 1).to_string()),
                        Cell::text(&asg.cluster_label),
                        Cell::num(asg.silhouette.map(score3).unwrap_or_else(|| "n/a".into())),
                        asg.nearest_id
                            .as_deref()
                            .map(|id| self.id_cell(id))
                            .unwrap_or_else(|| Cell::text("n/a")),
                        Cell::num(
                            asg.nearest_similarity
                                .map(|v| fixed(v, 2))
                                .unwrap_or_else(|| "n/a".into()),
                        ),
                    ]
                })
                .collect();
            self.push(Block::Table(table(
                &[
                    "#",
                    "Article",
                    "Cluster",
                    "Cluster label",
                    "Silhouette",
                    "Most similar article",
                    "Similarity",
                ],
                &[0, 2, 4, 6],
                rows,
            )));
            self.truncated(MAX_ROWS, c.assignments.len(), "articles", "clusters.csv");
        }
        self.end_appendix();
    }

    /// The "Similarity" section.
    pub(super) fn similarity(&mut self) {
        let a = self.a;
        let sim = a.clustering.as_ref().and_then(|c| c.similarity.as_ref());
        if sim.is_none() && !self.has_chart(&similarity::CHART) {
            if a.clustering.is_some() {
                self.heading(2, "Similarity");
                self.para(vec![
                    t("The full similarity matrix was not computed for this run (it grows with the square of the number of articles). The most similar article for each article is listed in the Clusters section and in "),
                    code("clusters.csv"),
                    t("."),
                ]);
            }
            return;
        }
        self.heading(2, "Similarity");
        let has = self.chart(&similarity::CHART);
        let mut p = vec![
            strong("How to read this. "),
            t("Cosine similarity compares the TF-IDF vectors of two articles: 1 means the same distinctive words in the same proportions, 0 means no distinctive word in common. An article compared with itself scores 1. Values near 1 between different outlets often mean shared agency copy or a press release. "),
        ];
        let by_cluster = a
            .clustering
            .as_ref()
            .is_some_and(|c| c.assignments.len() > similarity::MAX_FULL);
        if has && by_cluster {
            p.push(t(format!("With more than {} articles the chart compares clusters rather than single articles: each cell is the mean similarity between the articles of two clusters, and the diagonal the mean within a cluster (each article with the others of its cluster), which should be darker than the rest of its row when the clusters are well separated. These means are exact at any corpus size.", similarity::MAX_FULL)));
        } else if has {
            p.push(t("In the chart, rows and columns are ordered by cluster, so a cluster shows as a block of high similarity along the diagonal; the colour scale beside the chart gives the values."));
        }
        self.explain(p);
        self.cautions(&similarity::CHART);
        if let Some(c) = a.clustering.as_ref().filter(|c| {
            by_cluster && !c.cluster_similarity.is_empty() && c.clusters.len() <= MAX_ROWS
        }) {
            self.para(vec![t(
                "Mean similarity between the articles of two clusters (diagonal: within a cluster; n/a: a cluster of one article):",
            )]);
            let cols: Vec<String> = (1..=c.clusters.len())
                .map(|k| format!("Cluster {k}"))
                .collect();
            let mut header: Vec<&str> = vec!["Cluster"];
            header.extend(cols.iter().map(String::as_str));
            let rows = c
                .cluster_similarity
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let label = c.clusters.get(i).map_or("", |ci| ci.label.as_str());
                    let mut row = vec![Cell::text(format!("{} ({})", i + 1, label))];
                    row.extend(r.iter().map(|v| {
                        Cell::num(
                            v.filter(|x| x.is_finite())
                                .map(|x| fixed(x, 2))
                                .unwrap_or_else(|| "n/a".into()),
                        )
                    }));
                    row
                })
                .collect();
            let numeric: Vec<usize> = (1..header.len()).collect();
            self.push(Block::Table(table(&header, &numeric, rows)));
        }
        let Some(m) = sim else {
            self.para(vec![
                t("The full article-by-article matrix is only computed for up to 500 articles (it grows with the square of their number); the cluster means are in "),
                code("analysis.json"),
                t(" (clustering, cluster_similarity) and each article's most similar article is in "),
                code("clusters.csv"),
                t("."),
            ]);
            return;
        };
        let shown = m.ids.len().min(MAX_MATRIX).min(m.values.len());
        if shown == 0 {
            return;
        }
        self.appendix(
            "Similarity matrix",
            "The similarity of every pair of articles, as a table:",
        );
        let numbers: Vec<String> = m.ids[..shown]
            .iter()
            .map(|id| match self.index.get(id.as_str()) {
                Some(&i) => format!("#{}", i + 1),
                None => id.clone(),
            })
            .collect();
        let mut header: Vec<&str> = vec!["Article"];
        header.extend(numbers.iter().map(|s| s.as_str()));
        let rows = (0..shown)
            .map(|r| {
                let mut row = vec![self.id_cell(&m.ids[r])];
                for col in 0..shown {
                    let v = m.values[r].get(col).copied().unwrap_or(f64::NAN);
                    row.push(Cell::num(fixed(v, 2)).shaded(v));
                }
                row
            })
            .collect();
        let numeric: Vec<usize> = (1..=shown).collect();
        self.push(Block::Table(table(&header, &numeric, rows)));
        if m.ids.len() > shown {
            self.para(vec![
                em(format!(
                    "Showing the first {} of {} articles; the full matrix is in ",
                    int(shown),
                    int(m.ids.len())
                )),
                code("similarity.csv"),
                em(" and each article's most similar article is in "),
                code("clusters.csv"),
                em("."),
            ]);
        }
        self.end_appendix();
    }
}

/// The clusters none of whose label words is used by half of their
/// articles, said in a sentence: their label describes only part of them.
fn mixed_clusters(clusters: &[ClusterInfo]) -> Option<String> {
    let mixed: Vec<String> = clusters
        .iter()
        .filter(|cl| cl.size >= 2)
        .filter(|cl| {
            // The label's own words, not the first top terms: a label prefers
            // words many members use, so it often skips the most distinctive
            // term (a word of a few articles) for one further down the list.
            let label = &cl.label_terms;
            !label.is_empty() && label.iter().all(|w| 2 * w.articles < cl.size)
        })
        .map(|cl| format!("{} ({} articles)", cl.id + 1, int(cl.size)))
        .collect();
    let (last, rest) = mixed.split_last()?;
    let which = if rest.is_empty() {
        format!("cluster {last}, no label word is used by half of its articles")
    } else {
        format!(
            "clusters {} and {last}, no label word is used by half of the cluster's articles",
            rest.join(", ")
        )
    };
    Some(format!("In {which}: such a cluster may hold several topics, and its label names what only some of its articles are about."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{WeightedTerm, LABEL_TERMS};

    /// A cluster whose label is its first three top terms, as when every
    /// leading term is shared by enough members.
    fn cluster(id: usize, size: usize, uses: &[usize]) -> ClusterInfo {
        let top_terms: Vec<WeightedTerm> = uses
            .iter()
            .enumerate()
            .map(|(i, &articles)| WeightedTerm {
                term: format!("t{i}"),
                stem: format!("t{i}"),
                weight: 0.1,
                articles,
            })
            .collect();
        ClusterInfo {
            id,
            label: String::new(),
            label_terms: top_terms.iter().take(LABEL_TERMS).cloned().collect(),
            size,
            top_terms,
            central_article: String::new(),
        }
    }

    /// From a real-input review: cluster 1 of 683 articles was labelled
    /// "life / get / like" ("like" in 384 of them) but called mixed, because
    /// its first three top terms (love 165, life 226, film 90) were read
    /// instead of the label's words.
    #[test]
    fn the_label_words_are_read_not_the_first_top_terms() {
        let mut cl = cluster(0, 683, &[165, 226, 90, 108, 330, 384]);
        cl.label_terms = [1, 4, 5].map(|i| cl.top_terms[i].clone()).to_vec();
        assert_eq!(mixed_clusters(std::slice::from_ref(&cl)), None);
        // The same cluster with no label word used by half is mixed.
        cl.label_terms[2].articles = 341;
        assert!(mixed_clusters(&[cl])
            .unwrap()
            .starts_with("In cluster 1 (683 articles), no label word"));
    }

    #[test]
    fn a_cluster_is_mixed_when_no_label_word_reaches_half_its_articles() {
        // Half exactly is not mixed; a fourth term beyond the label is not read.
        let clusters = [
            cluster(0, 578, &[131, 112, 61, 400]),
            cluster(1, 10, &[5, 1, 1]),
            cluster(2, 40, &[19, 3]),
            cluster(3, 1, &[0]),
        ];
        assert_eq!(
            mixed_clusters(&clusters).as_deref(),
            Some("In clusters 1 (578 articles) and 3 (40 articles), no label word is used by half of the cluster's articles: such a cluster may hold several topics, and its label names what only some of its articles are about.")
        );
        assert_eq!(
            mixed_clusters(&clusters[..1]).unwrap()[..60].to_string(),
            "In cluster 1 (578 articles), no label word is used by half o"
        );
        assert_eq!(mixed_clusters(&clusters[1..2]), None);
    }
}
