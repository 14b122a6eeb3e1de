//! Shared content of `report.html` and `report.md`.
//!
//! [`build`] turns an [`Analysis`] into a format-neutral [`Document`]
//! (headings, paragraphs, tables, images, quotes), so both formats say exactly
//! the same thing; the renderers in `html.rs` and `markdown.rs` only escape and
//! lay out. All user data (titles, sentences, paths) stays raw text here:
//! escaping is the renderer's job.
//!
//! Big corpora: every per-article table stops after [`MAX_ROWS`] rows with a
//! pointer to the CSV file that holds the rest, so the report stays readable
//! and its size is bounded whatever the number of articles.

use super::fragility::{self, Chart};
use crate::model::{Analysis, ArticleResult, Clustering, FrameScore};
use std::collections::BTreeMap;

mod groups;

/// Most rows shown in any per-article or per-file table; the CSV/JSON files hold the rest.
pub const MAX_ROWS: usize = 50;
/// Articles whose evidence (sentences and matched terms) is quoted.
pub const MAX_EVIDENCE_ARTICLES: usize = 20;
/// Matched terms listed per frame and article in the evidence tables.
pub const MAX_TERMS_PER_FRAME: usize = 8;
/// Articles shown (as rows and columns) in the similarity matrix table.
pub const MAX_MATRIX: usize = 15;
/// Top TF-IDF terms listed per article.
pub const MAX_TERMS_PER_ARTICLE: usize = 8;
/// Longest quoted sentence, in characters, before it is cut with an ellipsis.
pub const MAX_SENTENCE_CHARS: usize = 400;
/// Clusters named in the summary paragraph.
const MAX_CLUSTERS_IN_SUMMARY: usize = 6;

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
    fn shaded(mut self, v: f64) -> Self {
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
    /// A quoted sentence from an article, with where it comes from.
    Quote { text: String, cite: String },
    /// A bulleted list.
    List(Vec<Vec<Inline>>),
    /// A table.
    Table(Table),
}

/// A whole report, format-neutral.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Page title.
    pub title: String,
    /// Content in order.
    pub blocks: Vec<Block>,
}

impl Document {
    /// Level-2 headings as (id, text), for the table of contents.
    pub fn toc(&self) -> Vec<(&str, &str)> {
        self.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level: 2, id, text } => Some((id.as_str(), text.as_str())),
                _ => None,
            })
            .collect()
    }
}

fn t(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}
fn strong(s: impl Into<String>) -> Inline {
    Inline::Strong(s.into())
}
fn code(s: impl Into<String>) -> Inline {
    Inline::Code(s.into())
}
fn em(s: impl Into<String>) -> Inline {
    Inline::Em(s.into())
}

// ---------------------------------------------------------------- numbers

/// `x` with `d` decimals; "n/a" when not finite; never "-0.0".
pub fn fixed(x: f64, d: usize) -> String {
    if !x.is_finite() {
        return "n/a".into();
    }
    let s = format!("{:.*}", d, x);
    // A tiny negative rounds to "-0.000", which reads as a real sign.
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s[1..].to_string()
    } else {
        s
    }
}

/// Per-1,000-words score: 1 decimal.
pub fn per_1k(x: f64) -> String {
    fixed(x, 1)
}

/// Sentiment, silhouette, TF-IDF weight: 3 decimals.
pub fn score3(x: f64) -> String {
    fixed(x, 3)
}

/// Signed 2-decimal number (balance), with an explicit "+" for positive values.
pub fn signed2(x: f64) -> String {
    let s = fixed(x, 2);
    if x.is_finite() && !s.starts_with('-') && s != "0.00" {
        format!("+{}", s)
    } else {
        s
    }
}

/// Hits are weighted counts: whole numbers print without decimals, others with one.
pub fn hits(x: f64) -> String {
    if x.is_finite() && (x - x.round()).abs() < 1e-9 {
        fixed(x, 0)
    } else {
        fixed(x, 1)
    }
}

/// Integer with thousands separators: 1200 -> "1,200".
pub fn int(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// "1 article" / "5 articles".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", int(n), if n == 1 { one } else { many })
}

/// Cut `s` to `max` characters, ending with an ellipsis when cut.
pub fn clip(s: &str, max: usize) -> String {
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
pub fn slug(s: &str) -> String {
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
pub fn silhouette_words(s: f64) -> &'static str {
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

// ---------------------------------------------------------------- charts

/// Charts `frame` writes, with the alt text of each.
const KNOWN_CHARTS: [(&str, &str); 7] = [
    (
        "frames.png",
        "Heat map of frame scores: one row per article, one column per frame, values are matching words per 1,000 words",
    ),
    (
        "threat_reassurance.png",
        "Threat and reassurance scores per article, in matching words per 1,000 words",
    ),
    (
        "sentiment.png",
        "Compound sentiment per article, from -1 (negative) to +1 (positive), diverging around 0",
    ),
    (
        "clusters.png",
        "Two-dimensional map of the articles, coloured by vocabulary cluster",
    ),
    (
        "similarity.png",
        "Heat map of cosine similarity between articles, ordered by cluster",
    ),
    (
        "terms.png",
        "Top TF-IDF terms per cluster or per article",
    ),
    (
        "voices.png",
        "Frame scores of the outlet's narration against quoted speech, per article and frame, in hits per 1,000 words of each voice",
    ),
];

/// What each output file holds (charts are described by `KNOWN_CHARTS`).
fn file_description(name: &str) -> &'static str {
    match name {
        "report.html" => "This report as a web page. It opens offline; keep the PNG charts in the same folder.",
        "report.md" => "This report in Markdown, for notes or for conversion (e.g. with pandoc).",
        "articles.csv" => "One row per article: id, source, title, word counts, sentiment, threat balance and frame scores.",
        "frames.csv" => "One row per article and frame: weighted hits, score per 1,000 words, share of the article's frame hits, and the 95% bootstrap interval of the score (ci_low, ci_high).",
        "evidence.csv" => "Every matched lexicon term per article and frame, with its count and an example sentence.",
        "sentences.csv" => "Every sentence of every article with its sentiment and frame hits, for close reading.",
        "terms.csv" => "Top TF-IDF terms per article: rank, term, stem, count, document frequency and weight.",
        "clusters.csv" => "Cluster of every article, with its silhouette, map position and most similar article.",
        "similarity.csv" => "Cosine similarity between every pair of articles.",
        "coverage.csv" => "Share of all words each lexicon category matches, and the most frequent words no lexicon matches.",
        "analysis.json" => "Everything in this report in one machine-readable file, plus parameters, lexicons and input hashes: for repeating or citing the run.",
        "frames.png" => "Chart: frame scores per article (heat map).",
        "threat_reassurance.png" => "Chart: threat against reassurance per article.",
        "sentiment.png" => "Chart: compound sentiment per article.",
        "clusters.png" => "Chart: map of the articles coloured by cluster.",
        "similarity.png" => "Chart: cosine similarity between articles (heat map).",
        "terms.png" => "Chart: top TF-IDF terms.",
        "voices.csv" => "One row per article and voice: the outlet's narration, and the quotes of each speaker, with words, sentiment and frame scores per 1,000 words.",
        "speakers.csv" => "Every quoted speaker across the corpus: articles, quotes, quoted words, frame scores per 1,000 words and sentiment.",
        "positions.csv" => "Headline, lead and body of every article, with words, sentiment and frame scores per 1,000 words.",
        "voices.png" => "Chart: narration against quoted speech, per article and frame.",
        "groups.csv" => "One row per group: articles, then mean, standard deviation and 95% bootstrap interval of every frame and of sentiment.",
        "keyness.csv" => "Key terms of each group and cluster against the rest: counts, signed log-likelihood G2, log ratio and p-value.",
        "collocations.csv" => "Strongly associated two- and three-word sequences, overall and per group, with frequency and G2.",
        "timeline.csv" => "Per period: articles, each frame's share of frame words and mean score per 1,000 words.",
        "groups.png" => "Chart: mean frame scores per group with confidence intervals.",
        "keyness.png" => "Chart: key terms per group (or cluster).",
        "timeline.png" => "Chart: frame shares per period.",
        _ => "Chart.",
    }
}

// ---------------------------------------------------------------- builder

struct Builder<'a> {
    a: &'a Analysis,
    charts: Vec<&'a str>,
    used: Vec<&'a str>,
    blocks: Vec<Block>,
    ids: Vec<String>,
    index: BTreeMap<&'a str, usize>,
}

/// Build the report content from an analysis and the chart files present.
pub fn build<'a>(a: &'a Analysis, charts: &[&'a str]) -> Document {
    let mut unique: Vec<&str> = Vec::new();
    for c in charts {
        if !c.is_empty() && !unique.contains(c) {
            unique.push(c);
        }
    }
    let mut b = Builder {
        a,
        charts: unique,
        used: Vec::new(),
        blocks: Vec::new(),
        ids: Vec::new(),
        index: a
            .articles
            .iter()
            .enumerate()
            .map(|(i, art)| (art.id.as_str(), i))
            .collect(),
    };
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

impl<'a> Builder<'a> {
    fn push(&mut self, b: Block) {
        self.blocks.push(b);
    }
    fn para(&mut self, parts: Vec<Inline>) {
        self.push(Block::Para(parts));
    }
    fn explain(&mut self, parts: Vec<Inline>) {
        self.push(Block::Explain(parts));
    }

    fn heading(&mut self, level: u8, text: &str) {
        let base = slug(text);
        let mut id = base.clone();
        let mut n = 1;
        while self.ids.contains(&id) {
            id = format!("{}-{}", base, n);
            n += 1;
        }
        self.ids.push(id.clone());
        self.push(Block::Heading {
            level,
            id,
            text: text.to_string(),
        });
    }

    /// Push the chart if it was written; returns whether it was.
    fn chart(&mut self, name: &'a str) -> bool {
        let Some(&c) = self.charts.iter().find(|c| **c == name) else {
            return false;
        };
        let alt = KNOWN_CHARTS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, alt)| alt.to_string())
            .unwrap_or_else(|| format!("Chart {}", name));
        self.used.push(c);
        self.push(Block::Image {
            src: c.to_string(),
            alt,
        });
        true
    }

    fn has_chart(&self, name: &str) -> bool {
        self.charts.contains(&name)
    }

    fn n(&self) -> usize {
        self.a.articles.len()
    }

    /// Short name of article `i` for tables.
    fn short(&self, i: usize) -> String {
        let art = &self.a.articles[i];
        let name = [&art.short_title, &art.title, &art.id]
            .into_iter()
            .find(|s| !s.trim().is_empty())
            .cloned()
            .unwrap_or_default();
        clip(name.trim(), 60)
    }

    /// "#3 “Title”" for prose.
    fn label(&self, i: usize) -> String {
        format!("#{} “{}”", i + 1, self.short(i))
    }

    /// Article number and short name for an id, or the id itself when unknown.
    fn label_id(&self, id: &str) -> String {
        match self.index.get(id) {
            Some(&i) => format!("#{} {}", i + 1, self.short(i)),
            None => id.to_string(),
        }
    }

    fn has_frame(&self, name: &str) -> bool {
        self.a.frames.iter().any(|f| f == name)
    }

    /// Article with the highest per-1,000 score in `frame` (first on ties) and its score.
    fn max_frame(&self, frame: &str) -> Option<(usize, f64)> {
        let mut best: Option<(usize, f64)> = None;
        for (i, art) in self.a.articles.iter().enumerate() {
            let v = score(art, frame).map(|f| f.per_1k).unwrap_or(0.0);
            if v.is_finite() && best.is_none_or(|(_, b)| v > b) {
                best = Some((i, v));
            }
        }
        best
    }

    /// "Showing the first 50 of 1,200 …; the full table is in X."
    fn truncated(&mut self, shown: usize, total: usize, what: &str, file: &str) {
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
    fn cautions(&mut self, chart: Chart) {
        let items: Vec<Vec<Inline>> = fragility::cautions(self.a, chart)
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

    /// The 95% bootstrap intervals of the frame scores, with how to read them.
    fn frame_intervals(&mut self) {
        let a = self.a;
        let Some(tbl) = fragility::interval_table(a, |i| self.short(i), MAX_ROWS) else {
            return;
        };
        self.para(vec![
            strong("How sure are these scores? "),
            t(format!(
                "The table below gives a 95% interval for each score (per 1,000 words). frame re-drew each article's sentences at random, with replacement, {} times (seed {}), recomputed the score each time, and kept the middle 95% of the results (a percentile bootstrap over sentences). A wide interval means the score rests on a few sentences; an interval reaching 0 means it may rest on one. Where two articles' intervals overlap, do not read the difference between them as a finding. The interval covers only which sentences an article happens to contain, not the lexicon's own errors (check those with ",
                int(a.parameters.bootstrap_resamples),
                a.parameters.seed
            )),
            code("frame sample"),
            t(" and "),
            code("frame agree"),
            t("). Articles with fewer than two sentences have none (n/a)."),
        ]);
        self.push(Block::Table(tbl));
        self.truncated(MAX_ROWS, a.articles.len(), "articles", "frames.csv");
    }

    // ------------------------------------------------------------ intro

    fn intro(&mut self) {
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
            for frame in ["threat", "reassurance"] {
                if !self.has_frame(frame) {
                    continue;
                }
                match self.max_frame(frame) {
                    Some((i, v)) if v > 0.0 => {
                        if n == 1 {
                            p.push(t(format!(
                                "It uses {} {} words per 1,000 words. ",
                                per_1k(v),
                                frame
                            )));
                        } else {
                            p.push(t(format!(
                                "The most {}-framed article is {} ({} {} words per 1,000 words). ",
                                frame,
                                self.label(i),
                                per_1k(v),
                                frame
                            )));
                        }
                    }
                    _ => p.push(t(format!(
                        "No article uses words from the {} lexicon. ",
                        frame
                    ))),
                }
            }
            if n > 1 && self.has_frame("threat") && self.has_frame("reassurance") {
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
                        "Sentiment (VADER compound score, from -1 very negative to +1 very positive) ranges from {} ({}) to {} ({}). ",
                        score3(lv),
                        self.label(li),
                        score3(hv),
                        self.label(hi_i)
                    )));
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

        let mut items: Vec<Vec<Inline>> = a.notes.iter().map(|s| vec![t(s.clone())]).collect();
        if items.is_empty() {
            items.push(vec![t("frame raised no specific cautions for this run.")]);
        }
        items.push(vec![
            t("Word counts are indicators, not proof: a frame score says that a vocabulary is present, not how it is used. Read the quoted sentences in the "),
            strong("Evidence"),
            t(" section before claiming that an article frames the story in a certain way."),
        ]);
        self.push(Block::Callout {
            title: "Read with care".into(),
            items,
        });
        self.push(Block::Toc);
    }

    // ------------------------------------------------------------ articles

    fn articles(&mut self) {
        self.heading(2, "Articles");
        let a = self.a;
        if a.articles.is_empty() {
            self.para(vec![t("No articles were analysed.")]);
            return;
        }
        self.para(vec![t("Each article has a number (#) used throughout this report; the id links it to the rows of the CSV files.")]);
        let has_date = a.articles.iter().any(|x| x.date.is_some());
        let has_group = a.articles.iter().any(|x| x.group.is_some());
        let mut header = vec!["#", "Id", "Title", "Words"];
        if has_date {
            header.push("Date");
        }
        if has_group {
            header.push("Group");
        }
        header.push("Source");
        let rows = a
            .articles
            .iter()
            .enumerate()
            .take(MAX_ROWS)
            .map(|(i, art)| {
                let mut r = vec![
                    Cell::num((i + 1).to_string()),
                    Cell::text(&art.id),
                    Cell::text(clip(&art.title, 200)),
                    Cell::num(int(art.words)),
                ];
                if has_date {
                    r.push(Cell::text(art.date.clone().unwrap_or_default()));
                }
                if has_group {
                    r.push(Cell::text(art.group.clone().unwrap_or_default()));
                }
                r.push(Cell::text(&art.source));
                r
            })
            .collect();
        self.push(Block::Table(table(&header, &[0, 3], rows)));
        self.truncated(MAX_ROWS, a.articles.len(), "articles", "articles.csv");
    }

    // ------------------------------------------------------------ frames

    fn frames(&mut self) {
        self.heading(2, "Frames");
        let has = self.chart("frames.png");
        let a = self.a;
        let window = a.parameters.negation_window;
        self.explain(vec![
            strong("How to read this. "),
            t(if has {
                "Each row of the chart and the table is an article, each column a frame: a family of words read from a lexicon file (listed in the Method section), such as words of threat or of economic concern. The number in each cell (and, in the chart, its colour: stronger means more) "
            } else {
                "Each row of the table is an article, each column a frame: a family of words read from a lexicon file (listed in the Method section), such as words of threat or of economic concern. The number in each cell "
            }),
            t("is how many words from that frame's list the article uses "),
            strong("per 1,000 words"),
            t(", so long and short articles can be compared fairly: 5.0 means five matching words per 1,000, or one every 200 words. The number in brackets is the count of matches itself. "),
            t(format!(
                "A threat or reassurance word preceded within {} words by a negation (“not dangerous”) counts for the opposite side, so counts can be fractions or move between those two columns. ",
                window
            )),
            t("A high score means the vocabulary is there, not how it is used (a report can quote a threat in order to dismiss it). Scores resting on one or two matches are fragile: check the brackets and the Evidence section."),
        ]);
        self.cautions(Chart::Frames);
        if a.frames.is_empty() {
            self.para(vec![t(
                "No frame lexicons were loaded, so there are no frame scores.",
            )]);
            return;
        }
        if a.articles.is_empty() {
            return;
        }
        let max = a
            .articles
            .iter()
            .flat_map(|x| x.frames.iter().map(|f| f.per_1k))
            .filter(|v| v.is_finite())
            .fold(0.0_f64, f64::max);
        let mut header: Vec<String> = vec!["#".into(), "Article".into(), "Words".into()];
        header.extend(a.frames.iter().cloned());
        let rows = a
            .articles
            .iter()
            .enumerate()
            .take(MAX_ROWS)
            .map(|(i, art)| {
                let mut r = vec![
                    Cell::num((i + 1).to_string()),
                    Cell::text(self.short(i)),
                    Cell::num(int(art.words)),
                ];
                for f in &a.frames {
                    r.push(match score(art, f) {
                        Some(s) => {
                            let c = Cell::num(format!("{} ({})", per_1k(s.per_1k), hits(s.hits)));
                            if max > 0.0 {
                                c.shaded(s.per_1k / max)
                            } else {
                                c
                            }
                        }
                        None => Cell::num("n/a"),
                    });
                }
                r
            })
            .collect();
        let numeric: Vec<usize> = std::iter::once(0).chain(2..header.len()).collect();
        let header_ref: Vec<&str> = header.iter().map(|s| s.as_str()).collect();
        self.push(Block::Table(table(&header_ref, &numeric, rows)));
        self.para(vec![em(
            "Cells: score per 1,000 words (weighted matches in brackets).",
        )]);
        self.truncated(MAX_ROWS, a.articles.len(), "articles", "frames.csv");
        self.frame_intervals();
    }

    // ------------------------------------------------------------ threat vs reassurance

    fn threat_reassurance(&mut self) {
        let both = self.has_frame("threat") && self.has_frame("reassurance");
        if !both && !self.has_chart("threat_reassurance.png") {
            return;
        }
        self.heading(2, "Threat versus reassurance");
        self.chart("threat_reassurance.png");
        self.explain(vec![
            strong("How to read this. "),
            t("For each article, threat vocabulary (danger, violence, fear …) is set against reassurance vocabulary (safety, calm, control …), both in matching words "),
            strong("per 1,000 words"),
            t(". The "),
            strong("balance"),
            t(" is "),
            code("(threat - reassurance) / (threat + reassurance)"),
            t(": +1 means only threat words, -1 only reassurance words, 0 an even mix (or neither). The balance ignores how many words matched: an article with one threat word and no reassurance word scores +1, just like one with fifty. Read it together with the per-1,000 scores and the hit counts."),
        ]);
        self.cautions(Chart::ThreatReassurance);
        if !both {
            self.para(vec![t("The lexicons used in this run do not include both a threat and a reassurance frame, so no balance table can be given.")]);
            return;
        }
        let a = self.a;
        if a.articles.is_empty() {
            return;
        }
        let rows = a
            .articles
            .iter()
            .enumerate()
            .take(MAX_ROWS)
            .map(|(i, art)| {
                let th = score(art, "threat");
                let re = score(art, "reassurance");
                let b = art.threat_balance;
                let lean = if th.map(|s| s.hits).unwrap_or(0.0) + re.map(|s| s.hits).unwrap_or(0.0)
                    <= 0.0
                {
                    "neither"
                } else if b > 1e-9 {
                    "threat"
                } else if b < -1e-9 {
                    "reassurance"
                } else {
                    "even"
                };
                vec![
                    Cell::num((i + 1).to_string()),
                    Cell::text(self.short(i)),
                    Cell::num(th.map(|s| per_1k(s.per_1k)).unwrap_or_else(|| "n/a".into())),
                    Cell::num(th.map(|s| hits(s.hits)).unwrap_or_else(|| "n/a".into())),
                    Cell::num(re.map(|s| per_1k(s.per_1k)).unwrap_or_else(|| "n/a".into())),
                    Cell::num(re.map(|s| hits(s.hits)).unwrap_or_else(|| "n/a".into())),
                    Cell::num(signed2(b)),
                    Cell::text(lean),
                ]
            })
            .collect();
        self.push(Block::Table(table(
            &[
                "#",
                "Article",
                "Threat per 1,000",
                "Threat hits",
                "Reassurance per 1,000",
                "Reassurance hits",
                "Balance",
                "Leans to",
            ],
            &[0, 2, 3, 4, 5, 6],
            rows,
        )));
        self.truncated(MAX_ROWS, a.articles.len(), "articles", "articles.csv");
    }

    // ------------------------------------------------------------ sentiment

    fn sentiment(&mut self) {
        self.heading(2, "Sentiment");
        let has = self.chart("sentiment.png");
        let mut p = vec![
            strong("How to read this. "),
            t("Sentiment is measured with VADER (Hutto & Gilbert, 2014): a list of about 7,500 words rated from negative to positive, plus rules for negation (“not good”), intensifiers (“very”), capitals and exclamation marks. Each sentence gets a "),
            strong("compound"),
            t(" score from -1 (very negative) through 0 (neutral) to +1 (very positive), and the article's score is aggregated over its sentences. "),
        ];
        if has {
            p.push(t("In the chart, bars run from the zero line: to the negative side for negative wording, to the positive side for positive wording; the longer the bar, the stronger the tone. "));
        }
        p.push(t("Positive, negative and neutral are the shares of the wording rated each way; they add up to about 1. Scores between about -0.05 and +0.05 are usually read as neutral."));
        self.explain(p);
        self.cautions(Chart::Sentiment);
        self.push(Block::Callout {
            title: "Sentiment on crime news measures the topic as well as the tone".into(),
            items: vec![vec![
                t("VADER was built for social-media posts. It scores event words such as “killed”, “assault” or “stabbed” as strongly negative, and it has no entries for words like “police” or “armed”. A calm, factual report of a crime therefore scores negative: on crime news, sentiment partly measures the "),
                strong("topic"),
                t(", not the outlet's "),
                strong("tone"),
                t(". Compare articles about the same event rather than reading one score on its own, and check individual sentences in "),
                code("sentences.csv"),
                t("."),
            ]],
        });
        let a = self.a;
        if a.articles.is_empty() {
            return;
        }
        let rows = a
            .articles
            .iter()
            .enumerate()
            .take(MAX_ROWS)
            .map(|(i, art)| {
                let s = art.sentiment;
                vec![
                    Cell::num((i + 1).to_string()),
                    Cell::text(self.short(i)),
                    Cell::num(score3(s.compound)),
                    Cell::num(score3(s.positive)),
                    Cell::num(score3(s.negative)),
                    Cell::num(score3(s.neutral)),
                ]
            })
            .collect();
        self.push(Block::Table(table(
            &[
                "#", "Article", "Compound", "Positive", "Negative", "Neutral",
            ],
            &[0, 2, 3, 4, 5],
            rows,
        )));
        self.truncated(MAX_ROWS, a.articles.len(), "articles", "articles.csv");
    }

    // ------------------------------------------------------------ clusters

    fn clusters(&mut self) {
        self.heading(2, "Clusters");
        let a = self.a;
        let Some(c) = &a.clustering else {
            self.chart("clusters.png");
            self.para(vec![t(no_clustering_reason(self.n()))]);
            return;
        };
        let has = self.chart("clusters.png");
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
        p.push(t("Cluster labels are the top words of each cluster's centre, picked by the computer, not themes named by a person. The "));
        p.push(strong("silhouette"));
        p.push(t(" (from -1 to +1) says how well an article sits in its own cluster rather than the next one: above 0.5 clear groups, 0.25 to 0.5 weak groups, below 0.25 no real structure (Rousseeuw, 1987)."));
        self.explain(p);
        self.cautions(Chart::Clusters);
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
                    .map(|w| format!("{} ({})", w.term, score3(w.weight)))
                    .collect();
                vec![
                    Cell::num((cl.id + 1).to_string()),
                    Cell::text(&cl.label),
                    Cell::num(int(cl.size)),
                    Cell::text(terms.join(", ")),
                    Cell::text(self.label_id(&cl.central_article)),
                ]
            })
            .collect();
        self.push(Block::Table(table(
            &[
                "Cluster",
                "Label",
                "Articles",
                "Top terms (centre weight)",
                "Most central article",
            ],
            &[0, 2],
            rows,
        )));
        self.truncated(MAX_ROWS, c.clusters.len(), "clusters", "analysis.json");

        if !c.k_scores.is_empty() {
            self.para(vec![t(
                "Mean silhouette for each number of clusters (k) tried:",
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
                        Some(&i) => self.short(i),
                        None => asg.article_id.clone(),
                    };
                    vec![
                        Cell::num(num),
                        Cell::text(name),
                        Cell::num((asg.cluster + 1).to_string()),
                        Cell::text(&asg.cluster_label),
                        Cell::num(asg.silhouette.map(score3).unwrap_or_else(|| "n/a".into())),
                        Cell::text(
                            asg.nearest_id
                                .as_deref()
                                .map(|id| self.label_id(id))
                                .unwrap_or_else(|| "n/a".into()),
                        ),
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
    }

    // ------------------------------------------------------------ similarity

    fn similarity(&mut self) {
        let a = self.a;
        let sim = a.clustering.as_ref().and_then(|c| c.similarity.as_ref());
        if sim.is_none() && !self.has_chart("similarity.png") {
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
        let has = self.chart("similarity.png");
        let mut p = vec![
            strong("How to read this. "),
            t("Cosine similarity compares the TF-IDF vectors of two articles: 1 means the same distinctive words in the same proportions, 0 means no distinctive word in common. The diagonal is always 1 (each article compared with itself). Values near 1 between different outlets often mean shared agency copy or a press release. "),
        ];
        let by_cluster = a
            .clustering
            .as_ref()
            .is_some_and(|c| c.assignments.len() > crate::report::charts::similarity::MAX_FULL);
        if has && by_cluster {
            // The chart summarises clusters here: say so to screen-reader users too.
            if let Some(Block::Image { alt, .. }) = self.blocks.last_mut() {
                *alt = "Heat map of the mean cosine similarity between and within the vocabulary clusters".to_string();
            }
            p.push(t(format!("With more than {} articles the chart compares clusters rather than single articles: each cell is the mean similarity between the articles of two clusters, and the diagonal the mean within a cluster (each article with the others of its cluster), which should be darker than the rest of its row when the clusters are well separated. These means are exact at any corpus size.", crate::report::charts::similarity::MAX_FULL)));
        } else if has {
            p.push(t("In the chart, rows and columns are ordered by cluster, so a cluster shows as a block of high similarity along the diagonal; the colour scale beside the chart gives the values."));
        }
        self.explain(p);
        self.cautions(Chart::Similarity);
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
                let mut row = vec![Cell::text(self.label_id(&m.ids[r]))];
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
    }

    // ------------------------------------------------------------ terms

    fn terms(&mut self) {
        self.heading(2, "Distinctive terms");
        self.chart("terms.png");
        let a = self.a;
        self.explain(vec![
            strong("How to read this. "),
            t("TF-IDF ranks the words that are frequent in an article (term frequency) but rare across the other articles (inverse document frequency). Words every article uses, such as “police” in a set of crime stories, score low; words peculiar to one article score high. So these terms show what is "),
            em("distinctive"),
            t(" about an article or cluster, not what it is mostly about. Words are reduced to stems (“stabbed”, “stabbing” → “stab”) and shown in their most frequent form; weights run from 0 to 1 within each article."),
        ]);
        self.cautions(Chart::Terms);
        self.para(vec![t(format!(
            "The corpus has {} words and {} distinct stems, of which {} were kept in the TF-IDF vocabulary after the frequency limits in the Method section.",
            int(a.vocabulary.words_total),
            int(a.vocabulary.types_total),
            int(a.vocabulary.types_kept)
        ))]);
        if a.articles.is_empty() {
            return;
        }
        let rows = a
            .articles
            .iter()
            .enumerate()
            .take(MAX_ROWS)
            .map(|(i, art)| {
                let terms: Vec<String> = art
                    .top_terms
                    .iter()
                    .take(MAX_TERMS_PER_ARTICLE)
                    .map(|ts| format!("{} ({})", ts.term, score3(ts.tfidf)))
                    .collect();
                vec![
                    Cell::num((i + 1).to_string()),
                    Cell::text(self.short(i)),
                    Cell::text(if terms.is_empty() {
                        "none".to_string()
                    } else {
                        terms.join(", ")
                    }),
                ]
            })
            .collect();
        self.push(Block::Table(table(
            &["#", "Article", "Top terms (TF-IDF weight)"],
            &[0],
            rows,
        )));
        self.truncated(MAX_ROWS, a.articles.len(), "articles", "terms.csv");
        if a.clustering.is_some() {
            self.para(vec![t(
                "Top terms per cluster are in the cluster table above.",
            )]);
        }
    }

    /// Charts passed in that no section knows: shown so none is silently dropped.
    fn other_charts(&mut self) {
        let rest: Vec<&'a str> = self
            .charts
            .iter()
            .copied()
            .filter(|c| !self.used.contains(c))
            .collect();
        if rest.is_empty() {
            return;
        }
        self.heading(2, "Other charts");
        for c in rest {
            self.chart(c);
        }
    }

    // ------------------------------------------------------------ evidence

    fn evidence(&mut self) {
        self.heading(2, "Evidence");
        let a = self.a;
        self.para(vec![
            t("The sentences and words behind the scores, to quote and to check. For each article: the sentence with the most threat words, the sentence with the most reassurance words, and for each frame the words that matched (most frequent first, at most "),
            t(MAX_TERMS_PER_FRAME.to_string()),
            t(" per frame) with the first sentence where each occurs. “Entry” is the lexicon line that matched (a trailing * matches any ending). All matches are in "),
            code("evidence.csv"),
            t(", all sentences with their scores in "),
            code("sentences.csv"),
            t("."),
        ]);
        if a.articles.is_empty() {
            self.para(vec![t("No articles, so no evidence.")]);
            return;
        }
        let has_threat = self.has_frame("threat");
        let has_reass = self.has_frame("reassurance");
        let mut cut_terms = false;
        for i in 0..a.articles.len().min(MAX_EVIDENCE_ARTICLES) {
            let art = &a.articles[i];
            let title = if art.title.trim().is_empty() {
                art.id.clone()
            } else {
                clip(art.title.trim(), 160)
            };
            self.heading(3, &format!("#{} {}", i + 1, title));
            self.para(vec![
                em("Id "),
                code(art.id.clone()),
                em(format!(", {} words.", int(art.words))),
            ]);
            for (present, which, sref) in [
                (has_threat, "threat", &art.most_threatening),
                (has_reass, "reassurance", &art.most_reassuring),
            ] {
                match sref {
                    Some(s) => {
                        self.para(vec![strong(format!(
                            "Most {} sentence",
                            if which == "threat" {
                                "threatening"
                            } else {
                                "reassuring"
                            }
                        ))]);
                        self.push(Block::Quote {
                            text: clip(s.text.trim(), MAX_SENTENCE_CHARS),
                            cite: format!(
                                "sentence {}, {} {} {}",
                                s.sentence_no,
                                hits(s.hits),
                                which,
                                if (s.hits - 1.0).abs() < 1e-9 {
                                    "hit"
                                } else {
                                    "hits"
                                }
                            ),
                        });
                    }
                    None if present => self.para(vec![em(format!(
                        "No sentence matched the {} lexicon.",
                        which
                    ))]),
                    None => {}
                }
            }
            let mut rows = Vec::new();
            for fs in &art.frames {
                let matched: Vec<_> = fs.evidence.iter().filter(|e| e.count > 0).collect();
                if matched.len() > MAX_TERMS_PER_FRAME {
                    cut_terms = true;
                }
                for e in matched.into_iter().take(MAX_TERMS_PER_FRAME) {
                    rows.push(vec![
                        Cell::text(&fs.frame),
                        Cell::text(&e.term),
                        Cell::text(&e.entry),
                        Cell::num(int(e.count)),
                        Cell::text(clip(e.example_sentence.trim(), MAX_SENTENCE_CHARS)),
                    ]);
                }
            }
            if rows.is_empty() {
                self.para(vec![em("No lexicon term matched in this article.")]);
            } else {
                self.push(Block::Table(table(
                    &["Frame", "Term", "Entry", "Count", "Example sentence"],
                    &[3],
                    rows,
                )));
            }
        }
        if cut_terms {
            self.para(vec![
                em(format!(
                    "Only the {} most frequent terms per frame are shown; the full list is in ",
                    MAX_TERMS_PER_FRAME
                )),
                code("evidence.csv"),
                em("."),
            ]);
        }
        if a.articles.len() > MAX_EVIDENCE_ARTICLES {
            self.para(vec![
                em(format!(
                    "Evidence is shown for the first {} of {} articles; ",
                    MAX_EVIDENCE_ARTICLES,
                    int(a.articles.len())
                )),
                code("evidence.csv"),
                em(" and "),
                code("sentences.csv"),
                em(" cover every article."),
            ]);
        }
    }

    // ------------------------------------------------------------ coverage

    /// What the lexicons match and miss, for refining a dictionary.
    fn coverage(&mut self) {
        let c = &self.a.coverage;
        if c.words_total == 0 {
            return;
        }
        self.heading(2, "Lexicon coverage");
        self.para(vec![
            t("How much of the corpus each lexicon category matches, and the most frequent words that no category matches. Use it to see what a dictionary misses: a frequent unmatched word that belongs to a category is a candidate entry (check it in context with "),
            code("frame kwic WORD"),
            t(" first). The full table is in "),
            code("coverage.csv"),
            t("."),
        ]);
        self.explain(vec![
            strong("Words"),
            t(" counts the word tokens inside a category's matches (a phrase covers all its words), including matches that negation later moved or dropped; "),
            strong("share"),
            t(" divides by all "),
            t(int(c.words_total)),
            t(" word tokens of the corpus. "),
            code(crate::model::coverage::ANY),
            t(" counts words matched by at least one category. Unmatched words leave out stop words."),
        ]);
        let rows = c
            .categories
            .iter()
            .map(|r| {
                vec![
                    Cell::text(&r.category),
                    Cell::num(int(r.words)),
                    Cell::num(format!("{}%", fixed(r.share * 100.0, 2))),
                    Cell::num(int(r.articles)),
                ]
            })
            .collect();
        self.push(Block::Table(table(
            &["Category", "Words", "Share", "Articles"],
            &[1, 2, 3],
            rows,
        )));
        if c.unmatched.is_empty() {
            return;
        }
        const SHOWN: usize = 20;
        self.para(vec![strong("Most frequent unmatched words")]);
        let rows = c
            .unmatched
            .iter()
            .take(SHOWN)
            .map(|w| {
                vec![
                    Cell::text(&w.word),
                    Cell::num(int(w.count)),
                    Cell::num(int(w.articles)),
                ]
            })
            .collect();
        self.push(Block::Table(table(
            &["Word", "Count", "Articles"],
            &[1, 2],
            rows,
        )));
        let kept = c.unmatched.len();
        self.truncated(
            SHOWN.min(kept),
            kept,
            "unmatched words kept",
            "coverage.csv",
        );
    }

    // ------------------------------------------------------------ method

    fn method(&mut self) {
        self.heading(2, "Method");
        let a = self.a;
        let version = version_label(&a.frame_version);
        self.para(vec![
            t(format!(
                "Analysed with frame {}. Everything below is also in ",
                version
            )),
            code("analysis.json"),
            t(", so the run can be repeated and checked."),
        ]);

        self.heading(3, "Parameters");
        let mut rows: Vec<Vec<Cell>> = parameter_rows(&a.parameters)
            .into_iter()
            .map(|(k, v, m)| vec![Cell::text(k), Cell::text(v), Cell::text(m)])
            .collect();
        // Fixed settings (not options) that still shape the results.
        if let Some(g) = &a.groups {
            rows.push(vec![
                Cell::text("group_bootstrap_resamples"),
                Cell::text(g.resamples.to_string()),
                Cell::text(format!(
                    "Bootstrap resamples (fixed) behind the {}% confidence interval of each group's mean; seeded with seed.",
                    (g.confidence * 100.0).round()
                )),
            ]);
        }
        self.push(Block::Table(table(
            &["Parameter", "Value", "Meaning"],
            &[],
            rows,
        )));

        self.heading(3, "TF-IDF");
        let tf = a.parameters.tf.to_ascii_lowercase();
        let tf_formula = if matches!(tf.as_str(), "raw" | "count" | "counts" | "linear") {
            "tf = count (the raw number of times the stem occurs in the article)".to_string()
        } else if matches!(tf.as_str(), "" | "log" | "sublinear" | "log1p") {
            "tf = 1 + ln(count) (count = times the stem occurs in the article; the logarithm dampens repetition, so the tenth use of a word adds less than the second)".to_string()
        } else {
            format!(
                "tf set to “{}” (frame's options are 1 + ln(count), the default, or the raw count)",
                a.parameters.tf
            )
        };
        let idf = a.parameters.idf.to_ascii_lowercase();
        let idf_formula = if matches!(idf.as_str(), "none" | "off" | "no" | "false" | "raw") {
            "idf not applied (every stem weighs the same whatever its spread across articles)"
                .to_string()
        } else {
            "idf = ln((1 + n) / (1 + df)) + 1, where n is the number of articles and df the number of articles containing the stem (rare stems weigh more; the +1 terms keep every weight positive)".to_string()
        };
        self.push(Block::List(vec![
            vec![t("Each article becomes a vector with one weight per vocabulary stem: "), code("weight = tf × idf"), t(".")],
            vec![code(tf_formula)],
            vec![code(idf_formula)],
            vec![t("Each article's vector is then divided by its length (L2 normalisation), so long and short articles are comparable and cosine similarity is a plain dot product.")],
            vec![t(format!(
                "Vocabulary: {} distinct stems in {} words; {} kept after min_df, max_df and max_features.",
                int(a.vocabulary.types_total),
                int(a.vocabulary.words_total),
                int(a.vocabulary.types_kept)
            ))],
        ]));

        self.heading(3, "Frame scores");
        self.para(vec![
            t("A frame's score counts the article's words that match an entry of the frame's lexicon, divided by the article's word count and multiplied by 1,000: "),
            code("per_1k = hits / words × 1000"),
            t(format!(
                ". A threat or reassurance match preceded within {} words by a negation counts for the opposite frame. Threat balance = ",
                a.parameters.negation_window
            )),
            code("(threat - reassurance) / (threat + reassurance)"),
            t(" on the per-1,000 scores, 0 when both are 0."),
        ]);

        self.heading(3, "Clustering");
        match &a.clustering {
            Some(c) => {
                let mut items = Vec::new();
                if !c.method.trim().is_empty() {
                    items.push(vec![t(c.method.trim().to_string())]);
                }
                items.push(vec![t(k_choice(c))]);
                items.push(vec![t(format!(
                    "Random seed {}, {} per k; the best run (lowest within-cluster distance) is kept.",
                    c.seed,
                    count(c.n_runs, "k-means restart", "k-means restarts")
                ))]);
                items.push(vec![t(match c.reduced_dims {
                    Some(d) => format!(
                        "Vectors were reduced to {} dimensions before clustering.",
                        int(d)
                    ),
                    None => "Vectors were clustered without dimension reduction.".to_string(),
                })]);
                items.push(vec![t(match c.silhouette_sample {
                    Some(s) => format!("Silhouette computed on a sample of {} articles.", int(s)),
                    None => "Silhouette computed on all articles.".to_string(),
                })]);
                self.push(Block::List(items));
            }
            None => self.para(vec![t(no_clustering_reason(self.n()))]),
        }

        self.heading(3, "Lexicons");
        if a.lexicons.is_empty() {
            self.para(vec![t("No lexicon details were recorded.")]);
        } else {
            let rows = a
                .lexicons
                .iter()
                .map(|l| {
                    vec![
                        Cell::text(&l.name),
                        Cell::text(&l.kind),
                        Cell::num(int(l.entries)),
                        Cell::text(&l.file),
                        Cell::text(&l.description),
                        Cell::text(l.sources.join("; ")),
                    ]
                })
                .collect();
            self.push(Block::Table(table(
                &["Name", "Kind", "Entries", "File", "Description", "Sources"],
                &[2],
                rows,
            )));
        }

        self.heading(3, "Input files");
        if a.inputs.is_empty() {
            self.para(vec![t("No input files were recorded.")]);
        } else {
            self.para(vec![t("SHA-256 fingerprints identify the exact bytes analysed: if a file changes, so does its fingerprint.")]);
            let rows = a
                .inputs
                .iter()
                .take(MAX_ROWS)
                .map(|r| {
                    vec![
                        Cell::text(&r.path),
                        Cell {
                            text: r.sha256.clone(),
                            abbrev: (r.sha256.chars().count() > 12).then(|| clip(&r.sha256, 13)),
                            ..Default::default()
                        },
                        Cell::num(int(r.bytes as usize)),
                    ]
                })
                .collect();
            self.push(Block::Table(table(
                &["Path", "SHA-256", "Bytes"],
                &[2],
                rows,
            )));
            self.truncated(MAX_ROWS, a.inputs.len(), "input files", "analysis.json");
        }

        self.heading(3, "Skipped and warnings");
        if a.skipped.is_empty() {
            self.para(vec![t("No files or rows were skipped.")]);
        } else {
            let rows = a
                .skipped
                .iter()
                .take(MAX_ROWS)
                .map(|s| vec![Cell::text(&s.source), Cell::text(&s.reason)])
                .collect();
            self.push(Block::Table(table(&["Skipped", "Reason"], &[], rows)));
            self.truncated(MAX_ROWS, a.skipped.len(), "skipped items", "analysis.json");
        }
        if a.warnings.is_empty() {
            self.para(vec![t("No warnings were raised.")]);
        } else {
            let items = a
                .warnings
                .iter()
                .take(MAX_ROWS)
                .map(|w| vec![t(w.clone())])
                .collect();
            self.push(Block::List(items));
            self.truncated(MAX_ROWS, a.warnings.len(), "warnings", "analysis.json");
        }

        self.heading(3, "How to cite");
        let frame_lex: Vec<&str> = a
            .lexicons
            .iter()
            .filter(|l| l.kind != "sentiment")
            .map(|l| l.name.as_str())
            .collect();
        let lex_part = if frame_lex.is_empty() {
            String::new()
        } else {
            format!("using the {} lexicons and ", frame_lex.join(", "))
        };
        let repo = env!("CARGO_PKG_REPOSITORY");
        self.para(vec![t("Suggested sentence for a methods section:")]);
        self.push(Block::Quote {
            text: format!(
                "Articles were analysed with frame {} (software for comparing how news articles frame a story{}), {}VADER sentiment (Hutto & Gilbert, 2014); all parameters and input file fingerprints are recorded in analysis.json.",
                version,
                if repo.is_empty() {
                    String::new()
                } else {
                    format!(", {}", repo)
                },
                if lex_part.is_empty() { "using ".to_string() } else { lex_part },
            ),
            cite: "adapt to your citation style; cite the lexicon sources below as well".into(),
        });
        let mut refs: Vec<String> = vec![
            "Hutto, C. J., & Gilbert, E. (2014). VADER: A parsimonious rule-based model for sentiment analysis of social media text. Proceedings of the International AAAI Conference on Web and Social Media, 8(1), 216–225.".into(),
            "Rousseeuw, P. J. (1987). Silhouettes: A graphical aid to the interpretation and validation of cluster analysis. Journal of Computational and Applied Mathematics, 20, 53–65.".into(),
        ];
        for l in &a.lexicons {
            for s in &l.sources {
                let s = s.trim();
                if !s.is_empty() && !refs.iter().any(|r| r == s) {
                    refs.push(s.to_string());
                }
            }
        }
        self.para(vec![t("References:")]);
        self.push(Block::List(refs.into_iter().map(|r| vec![t(r)]).collect()));
    }

    // ------------------------------------------------------------ files

    fn files(&mut self) {
        self.heading(2, "Files");
        let a = self.a;
        self.para(vec![t("Everything in this folder. Keep the folder together (e.g. zip it): the web page shows the charts from the PNG files beside it.")]);
        let mut names: Vec<&str> = vec![
            "report.html",
            "report.md",
            "articles.csv",
            "frames.csv",
            "evidence.csv",
            "sentences.csv",
            "terms.csv",
        ];
        if let Some(c) = &a.clustering {
            names.push("clusters.csv");
            if c.similarity.is_some() {
                names.push("similarity.csv");
            }
        }
        names.extend(["voices.csv", "speakers.csv", "positions.csv"]);
        names.push("analysis.json");
        let charts = self.charts.clone();
        let rows = names
            .iter()
            .chain(charts.iter())
            .map(|n| vec![Cell::text(*n), Cell::text(file_description(n))])
            .collect();
        self.push(Block::Table(table(&["File", "What it holds"], &[], rows)));
        self.para(vec![em(format!(
            "Generated by frame {}.",
            version_label(&a.frame_version)
        ))]);
    }
}

// ---------------------------------------------------------------- who speaks, and where

/// Quotes shown as attribution examples.
const MAX_QUOTE_EXAMPLES: usize = 12;

/// Pooled per-1,000 score of frame `c` over `rows` of (hits, words).
fn pooled<'b>(rows: impl Iterator<Item = (&'b [f64], usize)>, c: usize) -> f64 {
    let (mut h, mut w) = (0.0, 0usize);
    for (hits, words) in rows {
        h += hits.get(c).copied().unwrap_or(0.0);
        w += words;
    }
    if w > 0 {
        h * 1000.0 / w as f64
    } else {
        0.0
    }
}

impl<'a> Builder<'a> {
    /// The frames shown in the compact tables: threat and reassurance when
    /// present, else the first two.
    fn key_frames(&self) -> Vec<(usize, String)> {
        let f = &self.a.frames;
        let named: Vec<(usize, String)> = ["threat", "reassurance"]
            .iter()
            .filter_map(|n| f.iter().position(|x| x == n).map(|i| (i, n.to_string())))
            .collect();
        if named.is_empty() {
            f.iter().take(2).cloned().enumerate().collect()
        } else {
            named
        }
    }

    fn voices(&mut self) {
        self.heading(2, "Who speaks: narration and quotes");
        let a = self.a;
        self.explain(vec![
            strong("How to read this. "),
            t("Every article is split into quoted speech and the outlet's own narration (everything outside quotes), and both are scored like whole articles, per 1,000 words of that voice. Quotes are text in double quotes (“…” or \"…\"), including quotes that run over several paragraphs the newspaper way (an opening mark on each paragraph, a closing mark only at the end), and single quotes (‘…’) where they cannot be apostrophes. Each quote is attributed to a speaker by simple patterns: "),
            em("“…,” said X"),
            t(", "),
            em("“…,” X said"),
            t(", "),
            em("X told the BBC: “…”"),
            t(", "),
            em("X added: “…”"),
            t(", "),
            em("according to X"),
            t(" and "),
            em("X: “…”"),
            t(" (more speech verbs are listed in the README). "),
            strong("He"),
            t(", "),
            strong("she"),
            t(" and "),
            strong("they"),
            t(" stand for the last person named as speaking before the quote in the same article. Speakers are kept as written: “Ms Dick” and “Cressida Dick” are two speakers, and merging them is left to you ("),
            code("speakers.csv"),
            t("). Narration and quotes together make up the whole article, so their words and hits add up to the article's."),
        ]);
        self.chart("voices.png");
        if a.articles.is_empty() {
            return;
        }
        let keys = self.key_frames();
        let quoted: usize = a
            .articles
            .iter()
            .flat_map(|r| r.voices.iter())
            .filter(|v| v.voice == "quote")
            .map(|v| v.words)
            .sum();
        let quotes: usize = a.articles.iter().map(|r| r.quotes.len()).sum();
        let attributed: usize = a
            .articles
            .iter()
            .flat_map(|r| r.quotes.iter())
            .filter(|q| !q.speaker.is_empty())
            .count();
        self.para(vec![t(format!(
            "{} found in {}; {} of them attributed to a speaker; {} quoted words ({} of all words).",
            count(quotes, "quote", "quotes"),
            count(a.articles.len(), "article", "articles"),
            int(attributed),
            int(quoted),
            if a.vocabulary.words_total > 0 {
                format!(
                    "{}%",
                    fixed(100.0 * quoted as f64 / a.vocabulary.words_total as f64, 1)
                )
            } else {
                "n/a".into()
            }
        ))]);
        let mut header: Vec<String> = vec![
            "#".into(),
            "Article".into(),
            "Narration words".into(),
            "Quoted words".into(),
            "Speakers".into(),
        ];
        for (_, f) in &keys {
            header.push(format!("{f}: narration"));
            header.push(format!("{f}: quotes"));
        }
        let rows: Vec<Vec<Cell>> = a
            .articles
            .iter()
            .enumerate()
            .take(MAX_ROWS)
            .map(|(i, art)| {
                let narr: Vec<&crate::model::VoiceScore> = art
                    .voices
                    .iter()
                    .filter(|v| v.voice == "narration")
                    .collect();
                let qs: Vec<&crate::model::VoiceScore> =
                    art.voices.iter().filter(|v| v.voice == "quote").collect();
                let speakers = qs.iter().filter(|v| !v.speaker.is_empty()).count();
                let mut row = vec![
                    Cell::num((i + 1).to_string()),
                    Cell::text(self.short(i)),
                    Cell::num(int(narr.iter().map(|v| v.words).sum())),
                    Cell::num(int(qs.iter().map(|v| v.words).sum())),
                    Cell::num(int(speakers)),
                ];
                for &(c, _) in &keys {
                    row.push(Cell::num(per_1k(pooled(
                        narr.iter().map(|v| (v.hits.as_slice(), v.words)),
                        c,
                    ))));
                    row.push(Cell::num(per_1k(pooled(
                        qs.iter().map(|v| (v.hits.as_slice(), v.words)),
                        c,
                    ))));
                }
                row
            })
            .collect();
        let h: Vec<&str> = header.iter().map(String::as_str).collect();
        let numeric: Vec<usize> = (0..h.len()).filter(|&i| i != 1).collect();
        self.push(Block::Table(table(&h, &numeric, rows)));
        self.truncated(MAX_ROWS, a.articles.len(), "articles", "voices.csv");

        self.heading(3, "Speakers");
        if a.speakers.is_empty() {
            self.para(vec![t("No quotes were found.")]);
            return;
        }
        self.para(vec![
            t("Quoted speakers across the corpus, most quoted words first (grouped ignoring upper and lower case; unattributed quotes last). Scores are per 1,000 quoted words of the speaker; sentiment is the mean compound score of their quoted sentences. Few words make a speaker's scores unstable: read them with the word count."),
        ]);
        let mut header: Vec<String> = vec![
            "Speaker".into(),
            "Articles".into(),
            "Quotes".into(),
            "Words".into(),
        ];
        header.extend(keys.iter().map(|(_, f)| f.clone()));
        header.push("Sentiment".into());
        let rows: Vec<Vec<Cell>> = a
            .speakers
            .iter()
            .take(MAX_ROWS)
            .map(|sp| {
                let name = if sp.speaker.is_empty() {
                    "(unattributed)".to_string()
                } else {
                    sp.speaker.clone()
                };
                let mut row = vec![
                    Cell::text(name),
                    Cell::num(int(sp.articles)),
                    Cell::num(int(sp.quotes)),
                    Cell::num(int(sp.words)),
                ];
                for &(c, _) in &keys {
                    row.push(Cell::num(per_1k(sp.per_1k.get(c).copied().unwrap_or(0.0))));
                }
                row.push(Cell::num(score3(sp.sentiment)));
                row
            })
            .collect();
        let h: Vec<&str> = header.iter().map(String::as_str).collect();
        let numeric: Vec<usize> = (1..h.len()).collect();
        self.push(Block::Table(table(&h, &numeric, rows)));
        self.truncated(MAX_ROWS, a.speakers.len(), "speakers", "speakers.csv");

        self.heading(3, "Check the attributions");
        self.para(vec![
            t("Attribution is pattern matching, not understanding: read a sample before relying on the speaker table. The first quotes of the corpus with the rule that named their speaker (every quote is in "),
            code("analysis.json"),
            t(", under each article's "),
            code("quotes"),
            t("):"),
        ]);
        let rows: Vec<Vec<Cell>> = a
            .articles
            .iter()
            .enumerate()
            .flat_map(|(i, art)| art.quotes.iter().map(move |q| (i, q)))
            .take(MAX_QUOTE_EXAMPLES)
            .map(|(i, q)| {
                vec![
                    Cell::num((i + 1).to_string()),
                    Cell::text(if q.speaker.is_empty() {
                        "(unattributed)".to_string()
                    } else {
                        q.speaker.clone()
                    }),
                    Cell::text(if q.rule.is_empty() {
                        "–"
                    } else {
                        q.rule.as_str()
                    }),
                    Cell::text(clip(&q.text, 160)),
                ]
            })
            .collect();
        self.push(Block::Table(table(
            &["#", "Speaker", "Rule", "Quote"],
            &[0],
            rows,
        )));
    }

    fn positions(&mut self) {
        self.heading(2, "Where the frame sits: headline, lead and body");
        let a = self.a;
        self.explain(vec![
            strong("How to read this. "),
            t("Headlines and leads carry the frame, so each article is scored in three parts. The "),
            strong("headline"),
            t(" is the article's title, scored on its own; its line is not part of the lead or body, nor is a later line that repeats it. When the title is a line of more than 30 words the file has no headline (the title is really the opening paragraph): the headline then has 0 words. The "),
            strong("lead"),
            t(" is the first paragraph after the headline with at least 10 words (shorter lines are labels, bylines and captions, and count as body); when the paragraphs were lost (one block of text, or a first paragraph of more than 150 words) it is the opening sentences up to word 50. The "),
            strong("body"),
            t(" is the rest. Scores are per 1,000 words of the part, so a 10-word headline with one threat word scores 100: compare parts across articles, and remember how few words a headline has."),
        ]);
        if a.articles.is_empty() {
            return;
        }
        let keys = self.key_frames();
        let parts = ["headline", "lead", "body"];
        let mut header: Vec<String> = vec![
            "Part".into(),
            "Articles with it".into(),
            "Mean words".into(),
            "Mean sentiment".into(),
        ];
        header.extend(a.frames.iter().cloned());
        let rows: Vec<Vec<Cell>> = parts
            .iter()
            .map(|part| {
                let ps: Vec<&crate::model::PositionScore> = a
                    .articles
                    .iter()
                    .flat_map(|r| r.positions.iter())
                    .filter(|p| p.part == *part && p.words > 0)
                    .collect();
                let n = ps.len();
                let mean = |f: &dyn Fn(&crate::model::PositionScore) -> f64| {
                    if n > 0 {
                        ps.iter().map(|p| f(p)).sum::<f64>() / n as f64
                    } else {
                        f64::NAN
                    }
                };
                let mut row = vec![
                    Cell::text(*part),
                    Cell::num(int(n)),
                    Cell::num(fixed(mean(&|p| p.words as f64), 1)),
                    Cell::num(score3(mean(&|p| p.sentiment.compound))),
                ];
                for c in 0..a.frames.len() {
                    row.push(Cell::num(per_1k(pooled(
                        ps.iter().map(|p| (p.hits.as_slice(), p.words)),
                        c,
                    ))));
                }
                row
            })
            .collect();
        self.para(vec![t("All articles together (frame scores pooled: all headline words of the corpus together, and so on):")]);
        let h: Vec<&str> = header.iter().map(String::as_str).collect();
        let numeric: Vec<usize> = (1..h.len()).collect();
        self.push(Block::Table(table(&h, &numeric, rows)));
        let mut header: Vec<String> = vec!["#".into(), "Article".into()];
        for (_, f) in &keys {
            for part in parts {
                header.push(format!("{f}: {part}"));
            }
        }
        for part in parts {
            header.push(format!("sentiment: {part}"));
        }
        let rows: Vec<Vec<Cell>> = a
            .articles
            .iter()
            .enumerate()
            .take(MAX_ROWS)
            .map(|(i, art)| {
                let get = |part: &str| art.positions.iter().find(|p| p.part == part);
                let mut row = vec![Cell::num((i + 1).to_string()), Cell::text(self.short(i))];
                for &(c, _) in &keys {
                    for part in parts {
                        row.push(Cell::num(match get(part) {
                            Some(p) if p.words > 0 => {
                                per_1k(p.per_1k.get(c).copied().unwrap_or(0.0))
                            }
                            _ => "–".into(),
                        }));
                    }
                }
                for part in parts {
                    row.push(Cell::num(match get(part) {
                        Some(p) if p.words > 0 => score3(p.sentiment.compound),
                        _ => "–".into(),
                    }));
                }
                row
            })
            .collect();
        let h: Vec<&str> = header.iter().map(String::as_str).collect();
        let numeric: Vec<usize> = (0..h.len()).filter(|&i| i != 1).collect();
        self.push(Block::Table(table(&h, &numeric, rows)));
        self.truncated(MAX_ROWS, a.articles.len(), "articles", "positions.csv");
    }
}

/// The score of one frame in one article, by name (robust to frame order).
fn score<'b>(art: &'b ArticleResult, frame: &str) -> Option<&'b FrameScore> {
    art.frames.iter().find(|f| f.frame == frame)
}

fn table(header: &[&str], numeric_cols: &[usize], rows: Vec<Vec<Cell>>) -> Table {
    Table {
        header: header.iter().map(|s| s.to_string()).collect(),
        numeric: (0..header.len())
            .map(|i| numeric_cols.contains(&i))
            .collect(),
        rows,
    }
}

fn no_clustering_reason(n: usize) -> String {
    if n < 3 {
        format!(
            "The articles were not clustered: grouping needs at least 3 articles and this run has {}.",
            int(n)
        )
    } else {
        "The articles were not clustered: no article has any term left after stop words and vocabulary pruning (see the notes).".to_string()
    }
}

fn k_choice(c: &Clustering) -> String {
    match c.k_chosen_by.as_str() {
        "silhouette" => format!(
            "k = {} clusters, chosen automatically: of the values tried, it gave the highest mean silhouette.",
            c.k
        ),
        "fixed" => format!("k = {} clusters, set by the user (--k).", c.k),
        other => format!("k = {} clusters (chosen by: {}).", c.k, other),
    }
}

fn version_label(v: &str) -> String {
    let v = v.trim();
    if v.is_empty() {
        "(version not recorded)".into()
    } else if v.starts_with('v') {
        v.to_string()
    } else {
        format!("v{}", v)
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

/// Every parameter as (name, value, meaning): known ones in a reading order,
/// then any field added to `Parameters` later, so none is ever left out.
pub fn parameter_rows(p: &crate::model::Parameters) -> Vec<(String, String, String)> {
    const KNOWN: [(&str, &str); 17] = [
        ("lang", "Language of the texts: chooses the stop-word list and the stemmer."),
        ("text_column", "For table (CSV) input: the column holding the article text."),
        ("id_column", "For table input: the column holding article ids (not set: ids come from file names or row numbers)."),
        ("keep_boilerplate", "Whether lines that look like boilerplate (bylines, share prompts, cookie notices) were kept (yes) or dropped (no)."),
        ("stopword_list", "List of very common words (the, and, of …) left out of the TF-IDF vocabulary."),
        ("extra_stopwords", "File of further words to leave out (not set: none)."),
        ("stemmer", "Algorithm that merges word forms into stems (stabbed, stabbing → stab)."),
        ("min_df", "A stem must occur in at least this many articles to enter the TF-IDF vocabulary."),
        ("max_df", "Stems occurring in more than this share of articles are left out as too common to tell articles apart."),
        ("max_features", "Upper limit on the vocabulary size, keeping the most frequent stems (not set: no limit)."),
        ("tf", "How a stem's count in an article is weighted (see TF-IDF below)."),
        ("idf", "How a stem's rarity across articles is weighted (see TF-IDF below)."),
        ("top_terms", "How many top TF-IDF terms are listed per article and per cluster."),
        ("negation_window", "A threat or reassurance word preceded within this many words by a negation (not, no, never …) counts for the opposite frame."),
        ("k", "Number of clusters asked for (not set: chosen automatically by silhouette)."),
        ("seed", "Random seed for the clustering and the bootstrap resampling: the same seed and inputs give the same clusters and intervals."),
        ("bootstrap_resamples", "Bootstrap resamples per article behind the 95% interval of each frame score (0: no intervals)."),
    ];
    let map = match serde_json::to_value(p) {
        Ok(serde_json::Value::Object(m)) => m,
        _ => serde_json::Map::new(),
    };
    let mut out = Vec::new();
    for (k, meaning) in KNOWN {
        if let Some(v) = map.get(k) {
            out.push((k.to_string(), json_value(v), meaning.to_string()));
        }
    }
    for (k, v) in &map {
        if !KNOWN.iter().any(|(n, _)| n == k) {
            out.push((k.clone(), json_value(v), "See analysis.json.".to_string()));
        }
    }
    out
}

fn json_value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "not set".into(),
        serde_json::Value::Bool(b) => if *b { "yes" } else { "no" }.into(),
        serde_json::Value::String(s) if s.is_empty() => "(empty)".into(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example;

    #[test]
    fn numbers_are_formatted_consistently() {
        assert_eq!(fixed(-0.0001, 3), "0.000");
        assert_eq!(fixed(f64::NAN, 1), "n/a");
        assert_eq!(per_1k(12.345), "12.3");
        assert_eq!(score3(-0.41234), "-0.412");
        assert_eq!(signed2(0.5), "+0.50");
        assert_eq!(signed2(-0.5), "-0.50");
        assert_eq!(signed2(0.0), "0.00");
        assert_eq!(hits(3.0), "3");
        assert_eq!(hits(2.5), "2.5");
        assert_eq!(int(1200), "1,200");
        assert_eq!(int(999), "999");
        assert_eq!(int(1_234_567), "1,234,567");
    }

    #[test]
    fn clip_and_slug() {
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abc", 4), "abc");
        assert_eq!(
            slug("Threat versus reassurance"),
            "threat-versus-reassurance"
        );
    }

    #[test]
    fn every_parameter_has_a_row() {
        let p = crate::model::Parameters::default();
        let rows = parameter_rows(&p);
        let map = match serde_json::to_value(&p).unwrap() {
            serde_json::Value::Object(m) => m,
            _ => panic!("not an object"),
        };
        assert_eq!(rows.len(), map.len());
        for k in map.keys() {
            assert!(rows.iter().any(|(n, _, _)| n == k), "missing {k}");
        }
    }

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
