//! How the charts name articles and clusters, and how many article rows a
//! per-article chart shows before it aggregates or samples.

use crate::model::Analysis;

/// Most article rows a per-article chart shows before it aggregates or samples.
pub(crate) const MAX_ROWS: usize = 40;

/// Chart label of article `i`: its short title (or title, or id when empty),
/// prefixed with the id when another article has the same short title, so rows stay distinguishable.
pub(crate) fn short_title(a: &Analysis, i: usize) -> String {
    let Some(art) = a.articles.get(i) else {
        return String::new();
    };
    let base = if !art.short_title.trim().is_empty() {
        art.short_title.trim()
    } else if !art.title.trim().is_empty() {
        art.title.trim()
    } else {
        return art.id.clone();
    };
    let dup = a
        .articles
        .iter()
        .enumerate()
        .any(|(j, o)| j != i && o.short_title.trim() == art.short_title.trim());
    if dup && !art.id.is_empty() {
        format!("{}: {}", art.id, base)
    } else {
        base.to_string()
    }
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
