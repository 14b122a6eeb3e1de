//! How the charts name articles and clusters, and how many article rows a
//! per-article chart shows before it aggregates or samples.

use crate::model::Analysis;
use std::collections::HashMap;

/// Most article rows a per-article chart shows before it aggregates or samples.
pub(crate) const MAX_ROWS: usize = 40;

/// The number that names article `i` in every chart and table: "#1" is the
/// first article in corpus order (`Analysis::articles`), as in the report's
/// tables and the order of articles.csv.
pub(crate) fn article_number(i: usize) -> String {
    format!("#{}", i + 1)
}

/// Chart label of article `i`: its number and short title (or title, or id
/// when there is none), so a row in a chart is the same "#n" as in the tables.
pub(crate) fn article_label(a: &Analysis, i: usize) -> String {
    let Some(art) = a.articles.get(i) else {
        return String::new();
    };
    let base = if !art.short_title.trim().is_empty() {
        art.short_title.trim()
    } else if !art.title.trim().is_empty() {
        art.title.trim()
    } else {
        art.id.as_str()
    };
    format!("{} {}", article_number(i), base)
}

/// Short label of cluster `id`: "C1" plus its label.
pub(crate) fn cluster_name(a: &Analysis, id: usize) -> String {
    let label = a
        .clustering
        .as_ref()
        .and_then(|c| c.clusters.iter().find(|ci| ci.id == id))
        .map(|ci| ci.label.clone())
        .unwrap_or_default();
    if label.is_empty() {
        format!("Cluster {}", id + 1)
    } else {
        format!("Cluster {}: {}", id + 1, label)
    }
}

/// Each article's place in `Analysis::articles` (its `#n` less one), by id:
/// cluster assignments name articles by id.
pub(crate) fn article_index(a: &Analysis) -> HashMap<&str, usize> {
    a.articles
        .iter()
        .enumerate()
        .map(|(i, art)| (art.id.as_str(), i))
        .collect()
}

/// Each clustered article's cluster, by article id (empty without clustering).
pub(crate) fn cluster_of(a: &Analysis) -> HashMap<&str, usize> {
    a.clustering
        .iter()
        .flat_map(|c| c.assignments.iter())
        .map(|s| (s.article_id.as_str(), s.cluster))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example;

    #[test]
    fn labels_carry_the_corpus_number() {
        let mut a = example(3);
        a.articles[1].short_title = "Same".into();
        a.articles[2].short_title = "Same".into();
        assert_eq!(article_label(&a, 1), "#2 Same");
        assert_eq!(article_label(&a, 2), "#3 Same");
        a.articles[0].short_title.clear();
        a.articles[0].title.clear();
        assert_eq!(article_label(&a, 0), format!("#1 {}", a.articles[0].id));
        assert_eq!(article_label(&a, 9), "");
    }
}
