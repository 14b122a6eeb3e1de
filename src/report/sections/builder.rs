//! The state shared by the report sections while they build the document,
//! and the small helpers they all use (headings with unique anchors, charts,
//! cautions, truncated tables, article names).

use crate::model::{Analysis, ArticleResult, Clustering, FrameScore};
use crate::report::charts::{self, Chart};
use crate::report::document::{Block, Cell, Inline, Table, Target};
use crate::report::format::int;
use std::collections::BTreeMap;

/// Most rows shown in a per-article or per-file table (these tables sit in
/// the appendix): enough for a student's whole corpus, so that every article
/// the report names has its row; the CSV/JSON files hold all.
pub(super) const MAX_ROWS: usize = 500;
/// Top TF-IDF terms listed per article.
pub(super) const MAX_TERMS_PER_ARTICLE: usize = 8;

/// The report being built: the analysis, the chart files present, and the blocks so far.
pub(super) struct Builder<'a> {
    pub(super) a: &'a Analysis,
    pub(super) charts: Vec<&'a str>,
    pub(super) used: Vec<&'a str>,
    pub(super) blocks: Vec<Block>,
    /// The appendix's blocks (see [`Builder::appendix`]).
    pub(super) appendix: Vec<Block>,
    /// Whether blocks go to the appendix now.
    pub(super) in_appendix: bool,
    pub(super) ids: Vec<String>,
    pub(super) index: BTreeMap<&'a str, usize>,
    /// Links every article named, reader or not: set only to find which
    /// articles the report names ([`super::named_articles`]).
    pub(super) link_all: bool,
}

impl<'a> Builder<'a> {
    /// An empty report on `a`, with the chart files present (empty and repeated names dropped).
    pub(super) fn new(a: &'a Analysis, charts: &[&'a str]) -> Self {
        let mut unique: Vec<&str> = Vec::new();
        for c in charts {
            if !c.is_empty() && !unique.contains(c) {
                unique.push(c);
            }
        }
        Builder {
            a,
            charts: unique,
            used: Vec::new(),
            blocks: Vec::new(),
            appendix: Vec::new(),
            in_appendix: false,
            ids: Vec::new(),
            index: a
                .articles
                .iter()
                .enumerate()
                .map(|(i, art)| (art.id.as_str(), i))
                .collect(),
            link_all: false,
        }
    }
}

impl<'a> Builder<'a> {
    /// Appends a block to the report, or to the appendix after [`Builder::appendix`].
    pub(super) fn push(&mut self, b: Block) {
        if self.in_appendix {
            self.appendix.push(b);
        } else {
            self.blocks.push(b);
        }
    }

    /// Starts a part of the appendix: `lead` and a link to it in the
    /// report, then its heading in the appendix, where the blocks pushed
    /// until [`Builder::end_appendix`] go. Long tables live there, so the
    /// report itself stays short enough to print.
    pub(super) fn appendix(&mut self, title: &str, lead: &str) {
        let id = self.unique_id(title);
        self.para(vec![
            t(lead),
            t(" "),
            Inline::Link {
                text: format!("Appendix: {}", title),
                to: Target::Section(id.clone()),
            },
            t("."),
        ]);
        self.in_appendix = true;
        self.push(Block::Heading {
            level: 2,
            id,
            text: title.to_string(),
        });
    }

    /// Blocks go to the report again.
    pub(super) fn end_appendix(&mut self) {
        self.in_appendix = false;
    }

    /// Whether a mention of article `i` links to the reader.
    pub(super) fn linkable(&self, i: usize) -> bool {
        self.link_all || self.a.in_reader(i)
    }

    /// A cell naming article `i` (its short title), linked to the reader.
    pub(super) fn article_cell(&self, i: usize) -> Cell {
        let c = Cell::text(self.short(i));
        if self.linkable(i) {
            c.linked(Target::Article(i))
        } else {
            c
        }
    }

    /// A cell with article `i`'s number ("3"), linked to the reader.
    pub(super) fn number_cell(&self, i: usize) -> Cell {
        let c = Cell::num((i + 1).to_string());
        if self.linkable(i) {
            c.linked(Target::Article(i))
        } else {
            c
        }
    }

    /// A cell naming the article with this id ("#3 Title"), linked to the reader.
    pub(super) fn id_cell(&self, id: &str) -> Cell {
        match self.index.get(id) {
            Some(&i) if self.linkable(i) => {
                Cell::text(self.label_id(id)).linked(Target::Article(i))
            }
            _ => Cell::text(self.label_id(id)),
        }
    }

    /// "#3 “Title”" linked to the article in the reader.
    pub(super) fn article_link(&self, i: usize) -> Inline {
        if self.linkable(i) {
            Inline::Link {
                text: self.label(i),
                to: Target::Article(i),
            }
        } else {
            t(self.label(i))
        }
    }
    /// Appends a paragraph.
    pub(super) fn para(&mut self, parts: Vec<Inline>) {
        self.push(Block::Para(parts));
    }
    /// Appends a "How to read this" explanation.
    pub(super) fn explain(&mut self, parts: Vec<Inline>) {
        self.push(Block::Explain(parts));
    }

    /// A new anchor for `text`, unique in the report and its appendix.
    fn unique_id(&mut self, text: &str) -> String {
        let base = slug(text);
        let mut id = base.clone();
        let mut n = 1;
        while self.ids.contains(&id) {
            id = format!("{}-{}", base, n);
            n += 1;
        }
        self.ids.push(id.clone());
        id
    }

    /// Appends a heading whose anchor is unique in the document.
    pub(super) fn heading(&mut self, level: u8, text: &str) {
        let id = self.unique_id(text);
        self.push(Block::Heading {
            level,
            id,
            text: text.to_string(),
        });
    }

    /// Pushes `chart` with its alt text if it was written; returns whether it was.
    pub(super) fn chart(&mut self, chart: &Chart) -> bool {
        self.place(&chart.png())
    }

    /// Pushes chart file `file` if it was written; returns whether it was.
    /// Its alt text comes from the registry ("Chart <file>" for a file the
    /// registry does not know).
    pub(super) fn place(&mut self, file: &str) -> bool {
        let Some(&c) = self.charts.iter().find(|c| **c == file) else {
            return false;
        };
        let alt = match charts::by_file(c) {
            Some(chart) => (chart.alt)(self.a).to_string(),
            None => format!("Chart {}", c),
        };
        self.used.push(c);
        self.push(Block::Image {
            src: c.to_string(),
            alt,
        });
        true
    }

    /// Whether `chart` was written.
    pub(super) fn has_chart(&self, chart: &Chart) -> bool {
        let file = chart.png();
        self.charts.contains(&file.as_str())
    }

    /// Number of articles.
    pub(super) fn n(&self) -> usize {
        self.a.articles.len()
    }

    /// Short name of article `i` for tables.
    pub(super) fn short(&self, i: usize) -> String {
        let art = &self.a.articles[i];
        let name = [&art.short_title, &art.title, &art.id]
            .into_iter()
            .find(|s| !s.trim().is_empty())
            .cloned()
            .unwrap_or_default();
        clip(name.trim(), 60)
    }

    /// "#3 “Title”" for prose.
    pub(super) fn label(&self, i: usize) -> String {
        format!("#{} “{}”", i + 1, self.short(i))
    }

    /// Article number and short name for an id, or the id itself when unknown.
    pub(super) fn label_id(&self, id: &str) -> String {
        match self.index.get(id) {
            Some(&i) => format!("#{} {}", i + 1, self.short(i)),
            None => id.to_string(),
        }
    }

    /// Whether the run has a frame of this name.
    pub(super) fn has_frame(&self, name: &str) -> bool {
        self.a.frames.iter().any(|f| f == name)
    }

    /// "Showing the first 50 of 1,200 …; the full table is in X."
    pub(super) fn truncated(&mut self, shown: usize, total: usize, what: &str, file: &str) {
        if total > shown {
            self.para(vec![
                em(format!(
                    "Showing the first {} of {} {}; the full list is in ",
                    int(shown),
                    int(total),
                    what
                )),
                code(file),
                em("."),
            ]);
        }
    }

    /// Cautions about fragile results for one chart, placed beside it.
    pub(super) fn cautions(&mut self, chart: &Chart) {
        let items: Vec<Vec<Inline>> = (chart.cautions)(self.a)
            .into_iter()
            .map(|s| vec![t(s)])
            .collect();
        if !items.is_empty() {
            self.push(Block::Callout {
                title: "Caution: fragile results".into(),
                items,
            });
        }
    }
}

/// Plain text.
pub(super) fn t(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}
/// Bold text.
pub(super) fn strong(s: impl Into<String>) -> Inline {
    Inline::Strong(s.into())
}
/// Monospace text (file names, formulas, values).
pub(super) fn code(s: impl Into<String>) -> Inline {
    Inline::Code(s.into())
}
/// A link to the copy in the output folder of frame's document at `source`
/// (`docs/validity.md`), named by its file name there (`frame-validity.md`).
pub(super) fn doc(source: &str) -> Inline {
    let name = crate::report::docs::name_of(source);
    Inline::Link {
        text: name.into(),
        to: Target::File(name.into()),
    }
}
/// Italic text.
pub(super) fn em(s: impl Into<String>) -> Inline {
    Inline::Em(s.into())
}

/// Cut `s` to `max` characters, ending with an ellipsis when cut.
pub(super) fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out = out.trim_end().to_string();
        out.push('…');
        out
    }
}

/// GitHub-style heading anchor: lower case, letters/digits kept, spaces to '-'.
pub(super) fn slug(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        if ch.is_alphanumeric() {
            out.extend(ch.to_lowercase());
        } else if ch == ' ' || ch == '-' || ch == '_' {
            out.push(if ch == '_' { '_' } else { '-' });
        }
    }
    out
}

/// Interpretation of a mean silhouette (Kaufman & Rousseeuw 1990 rule of thumb).
pub(super) fn silhouette_words(s: f64) -> &'static str {
    if !s.is_finite() {
        "not available"
    } else if s > 0.70 {
        "strong structure"
    } else if s > 0.50 {
        "reasonable structure"
    } else if s > 0.25 {
        "weak structure: the groups overlap"
    } else {
        "no substantial structure: treat the clusters as a convenience, not as real groups"
    }
}

/// The score of one frame in one article, by name (robust to frame order).
pub(super) fn score<'b>(art: &'b ArticleResult, frame: &str) -> Option<&'b FrameScore> {
    art.frames.iter().find(|f| f.frame == frame)
}

/// A table whose columns `numeric_cols` hold numbers.
pub(super) fn table(header: &[&str], numeric_cols: &[usize], rows: Vec<Vec<Cell>>) -> Table {
    Table {
        header: header.iter().map(|s| s.to_string()).collect(),
        numeric: (0..header.len())
            .map(|i| numeric_cols.contains(&i))
            .collect(),
        rows,
    }
}

/// Why the articles were not clustered.
pub(super) fn no_clustering_reason(n: usize) -> String {
    if n < 3 {
        format!(
            "The articles were not clustered: grouping needs at least 3 articles and this run has {}.",
            int(n)
        )
    } else {
        "The articles were not clustered: no article has any term left after stop words and vocabulary pruning (see the notes).".to_string()
    }
}

/// How the number of clusters was chosen.
pub(super) fn k_choice(c: &Clustering) -> String {
    match c.k_chosen_by.as_str() {
        "silhouette" => {
            let most = c.k_scores.iter().map(|ks| ks.k).max().unwrap_or(c.k);
            let edge = if c.k == most && c.k_scores.len() > 1 {
                format!(" It is the largest k tried (2 to {most}), so the silhouette may still rise with more clusters: try --k with larger values and compare.")
            } else {
                String::new()
            };
            format!(
                "k = {} clusters, chosen automatically: of the values tried, it gave the highest mean silhouette.{edge}",
                c.k
            )
        }
        "fixed" => format!("k = {} clusters, set by the user (--k).", c.k),
        other => format!("k = {} clusters (chosen by: {}).", c.k, other),
    }
}

/// "v1.2.3" from a recorded version, or a note that none was recorded.
pub(super) fn version_label(v: &str) -> String {
    let v = v.trim();
    if v.is_empty() {
        "(version not recorded)".into()
    } else if v.starts_with('v') {
        v.to_string()
    } else {
        format!("v{}", v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_and_slug() {
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abc", 4), "abc");
        assert_eq!(
            slug("Threat versus reassurance"),
            "threat-versus-reassurance"
        );
    }
}
