//! The document model shared by `report.html` and `report.md`: headings,
//! paragraphs, tables, images and quotes, built once by the report sections
//! and laid out by each renderer. All user data stays raw text here:
//! escaping is the renderer's job.

/// A run of inline text with one style.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Bold text.
    Strong(String),
    /// Italic text.
    Em(String),
    /// A file name, formula or value, in a monospace font.
    Code(String),
    /// Text that links to a section or an article's page in the reader.
    Link { text: String, to: Target },
}

/// Where a link goes: resolved by each renderer (the HTML report knows
/// which page holds a section; Markdown holds them all in one file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A heading's anchor, in the report or its appendix.
    Section(String),
    /// An article (0-based, corpus order) in the article reader.
    Article(usize),
    /// A file of the output folder, by its name (`removed.csv`).
    File(String),
}

impl Inline {
    /// The text shown, whatever the style.
    pub fn text(&self) -> &str {
        match self {
            Inline::Text(s) | Inline::Strong(s) | Inline::Em(s) | Inline::Code(s) => s,
            Inline::Link { text, .. } => text,
        }
    }
}

/// One table cell.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    /// Full text (what Markdown shows; the HTML tooltip when `abbrev` is set).
    pub text: String,
    /// Shorter form the HTML page shows, with `text` in a tooltip (long hashes).
    pub abbrev: Option<String>,
    /// Right-aligned number.
    pub numeric: bool,
    /// Background intensity in [0, 1] for heat-map tables (HTML only).
    pub shade: Option<f64>,
    /// Where the cell's text links to (an article's reader page).
    pub link: Option<Target>,
    /// Bold (a row that is a finding).
    pub strong: bool,
}

impl Cell {
    /// A left-aligned text cell.
    pub fn text(s: impl Into<String>) -> Self {
        Cell {
            text: s.into(),
            ..Default::default()
        }
    }
    /// A right-aligned number cell.
    pub fn num(s: impl Into<String>) -> Self {
        Cell {
            text: s.into(),
            numeric: true,
            ..Default::default()
        }
    }
    /// The same cell in bold.
    pub fn strong(mut self) -> Self {
        self.strong = true;
        self
    }
    /// The same cell, linking to `to`.
    pub fn linked(mut self, to: Target) -> Self {
        self.link = Some(to);
        self
    }
    /// The same cell with a heat-map background of intensity `v` (clamped to [0, 1]; none when not finite).
    pub fn shaded(mut self, v: f64) -> Self {
        if v.is_finite() {
            self.shade = Some(v.clamp(0.0, 1.0));
        }
        self
    }
}

/// A table with a header row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Column headings.
    pub header: Vec<String>,
    /// Which columns hold numbers (right-aligned); same length as `header`.
    pub numeric: Vec<bool>,
    /// Body rows; each has `header.len()` cells.
    pub rows: Vec<Vec<Cell>>,
}

/// A block of the report.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Section heading; `id` is a GitHub-style anchor slug, unique in the document.
    Heading { level: u8, id: String, text: String },
    /// Table of contents: the level-2 headings that follow.
    Toc,
    /// A paragraph.
    Para(Vec<Inline>),
    /// A "How to read this" explanation.
    Explain(Vec<Inline>),
    /// A prominent caution box.
    Callout {
        title: String,
        items: Vec<Vec<Inline>>,
    },
    /// A chart, referenced by file name.
    Image { src: String, alt: String },
    /// A quoted sentence from an article, with where it comes from (linked
    /// to the article in the reader when `source` is set).
    Quote {
        text: String,
        cite: String,
        source: Option<Target>,
    },
    /// A bulleted list.
    List(Vec<Vec<Inline>>),
    /// A table.
    Table(Table),
}

/// A whole report, format-neutral: the report itself (short enough to
/// print) and its appendix (the long tables, evidence and method details).
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Page title.
    pub title: String,
    /// Content in order.
    pub blocks: Vec<Block>,
    /// The appendix, in order (its own page in HTML, after the report in Markdown).
    pub appendix: Vec<Block>,
}

impl Document {
    /// Every article the blocks link to (0-based, ascending, once each).
    pub fn linked_articles(blocks: &[Block]) -> Vec<usize> {
        let mut out = Vec::new();
        let mut inlines = |xs: &[Inline]| {
            for x in xs {
                if let Inline::Link {
                    to: Target::Article(i),
                    ..
                } = x
                {
                    out.push(*i);
                }
            }
        };
        let mut cells = Vec::new();
        for b in blocks {
            match b {
                Block::Para(xs) | Block::Explain(xs) => inlines(xs),
                Block::Callout { items, .. } | Block::List(items) => {
                    items.iter().for_each(|xs| inlines(xs))
                }
                Block::Quote {
                    source: Some(Target::Article(i)),
                    ..
                } => cells.push(*i),
                Block::Table(t) => {
                    cells.extend(t.rows.iter().flatten().filter_map(|c| match c.link {
                        Some(Target::Article(i)) => Some(i),
                        _ => None,
                    }))
                }
                _ => {}
            }
        }
        out.extend(cells);
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Level-2 headings of `blocks` as (id, text), for a table of contents.
    pub fn toc(blocks: &[Block]) -> Vec<(&str, &str)> {
        blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level: 2, id, text } => Some((id.as_str(), text.as_str())),
                _ => None,
            })
            .collect()
    }

    /// Whether a heading with this anchor is in the appendix.
    pub fn in_appendix(&self, id: &str) -> bool {
        self.appendix
            .iter()
            .any(|b| matches!(b, Block::Heading { id: i, .. } if i == id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linked_articles_are_found_in_text_quotes_and_tables_once_each() {
        let link = |i| Inline::Link {
            text: "x".into(),
            to: Target::Article(i),
        };
        let blocks = vec![
            Block::Para(vec![Inline::Text("a".into()), link(7)]),
            Block::List(vec![
                vec![link(2)],
                vec![Inline::Link {
                    text: "s".into(),
                    to: Target::Section("method".into()),
                }],
            ]),
            Block::Quote {
                text: "q".into(),
                cite: "c".into(),
                source: Some(Target::Article(2500)),
            },
            Block::Table(Table {
                header: vec!["a".into()],
                numeric: vec![false],
                rows: vec![
                    vec![Cell::text("t").linked(Target::Article(7))],
                    vec![Cell::text("u")],
                ],
            }),
        ];
        assert_eq!(Document::linked_articles(&blocks), vec![2, 7, 2500]);
    }
}
