//! `terms.png`: the most distinctive (TF-IDF) words as horizontal bars in
//! small multiples, one panel per cluster, or per article for tiny corpora.
//!
//! A term is drawn whole: the grid has as many columns as let the widest
//! term of the panels drawn sit beside its bar, measured in the embedded
//! font ([`columns`]), and the canvas grows by the panel rows that leaves
//! ([`Layout`]); only a term too long for a panel as wide as the chart is
//! shortened. Panel titles wrap to two lines.

use super::chart::Chart;
use super::clusters::cluster_look;
use super::labels::{article_label, cluster_of};
use super::style::*;
use crate::model::Analysis;
use crate::report::cautions;
use crate::report::format::int;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The registry entry of `terms.png`.
pub const CHART: Chart = Chart {
    stem: "terms",
    alt: |_| "Top TF-IDF terms per cluster or per article",
    applies: |_| true,
    canvas_h: |a, st| Layout::of(a, st).canvas_h(st),
    cautions: cautions::terms,
    draw_png: |root, a, st| draw(root, a, st),
    draw_svg: |root, a, st| draw(root, a, st),
};

const TITLE: &str = "Most distinctive words (TF-IDF)";
/// Corpora up to this size get one panel per article.
const MAX_ARTICLE_PANELS: usize = 6;
/// Most panels drawn.
const MAX_PANELS: usize = 12;
/// Most bars per panel.
const MAX_TERMS: usize = 10;

/// One small multiple: title, colour and (term, weight) bars, best first.
struct Panel {
    title: String,
    colour: RGBColor,
    /// Marker shape of the panel's cluster, as on the cluster map: with more
    /// clusters than colours the shape tells panels of the same colour apart.
    shape: Option<usize>,
    terms: Vec<(String, f64)>,
}

impl Panel {
    /// The bars drawn: at most [`MAX_TERMS`], best first.
    fn drawn(&self) -> &[(String, f64)] {
        &self.terms[..self.terms.len().min(MAX_TERMS)]
    }
}

/// What the chart shows: its panels, the x axis's name and the notes under
/// the title.
struct Content {
    panels: Vec<Panel>,
    xdesc: &'static str,
    sub: Vec<String>,
}

/// The panels: one per cluster (the largest [`MAX_PANELS`]) when the corpus
/// is clustered and larger than [`MAX_ARTICLE_PANELS`], else one per article.
fn content(a: &Analysis) -> Content {
    let n = a.articles.len();
    let mut sub = Vec::new();
    match a.clustering.as_ref() {
        Some(c) if n > MAX_ARTICLE_PANELS && !c.clusters.is_empty() => {
            let mut cl: Vec<&crate::model::ClusterInfo> = c.clusters.iter().collect();
            if cl.len() > MAX_PANELS {
                sub.push(format!(
                    "{} clusters: showing the {} largest; all clusters are in the tables.",
                    cl.len(),
                    MAX_PANELS
                ));
                cl.sort_by(|p, q| q.size.cmp(&p.size).then(p.id.cmp(&q.id)));
                cl.truncate(MAX_PANELS);
            }
            cl.sort_by_key(|ci| ci.id);
            sub.insert(0, "Words that set each cluster apart: bar length = how much higher the word's average TF-IDF weight is in the cluster's articles than in all other articles (a word every article uses scores near 0, however frequent). Panel colours and the marker before each title match the cluster map. Each panel has its own scale: compare bar lengths within a panel, and the printed weights across panels.".to_string());
            let panels = cl
                .iter()
                .map(|ci| Panel {
                    // Without the cluster's label: it is its first three
                    // terms, the panel's first three bars.
                    title: format!(
                        "Cluster {} ({} article{})",
                        ci.id + 1,
                        ci.size,
                        if ci.size == 1 { "" } else { "s" },
                    ),
                    colour: cluster_look(ci.id).0,
                    shape: Some(cluster_look(ci.id).1),
                    terms: ci
                        .top_terms
                        .iter()
                        .map(|t| (t.term.clone(), t.weight))
                        .collect(),
                })
                .collect();
            Content {
                panels,
                xdesc: "TF-IDF above the rest",
                sub,
            }
        }
        _ => {
            let cluster_of = cluster_of(a);
            let shown = n.min(MAX_PANELS);
            sub.push("Words that set each article apart: bar length = the word's TF-IDF weight (high when the word is frequent in this article but rare in the others). Each panel has its own scale: compare bar lengths within a panel, and the printed weights across panels.".to_string());
            if shown < n {
                sub.push(format!(
                    "Showing the first {} of {} articles.",
                    shown,
                    int(n)
                ));
            }
            let panels = (0..shown)
                .map(|i| {
                    let cluster = cluster_of.get(a.articles[i].id.as_str());
                    Panel {
                        title: article_label(a, i),
                        colour: cluster.map(|&c| cluster_look(c).0).unwrap_or(COOL),
                        shape: cluster.map(|&c| cluster_look(c).1),
                        terms: a.articles[i]
                            .top_terms
                            .iter()
                            .map(|t| (t.term.to_string(), t.tfidf))
                            .collect(),
                    }
                })
                .collect();
            Content {
                panels,
                xdesc: "TF-IDF weight",
                sub,
            }
        }
    }
}

/// Panel columns before the terms are measured: as on the 1600 x 1000
/// design canvas, where the area under the title is about 1.78 times as
/// wide as high and panels come out about 1.6 times as wide as high.
fn preferred_columns(panels: usize) -> usize {
    let p = panels.max(1);
    ((p as f64 * 1.78 / 1.6).sqrt().ceil() as usize).clamp(1, p)
}

/// The font of the term labels at its largest (a panel with short rows
/// uses a smaller one, never a larger).
fn term_font(st: &Style) -> FontDesc<'static> {
    st.font(st.label_font().get_size(), false)
}

/// Space between a term and the plot, in design pixels.
const LABEL_GAP: f64 = 10.0;

/// Narrowest bar a panel keeps for its longest term, in design pixels:
/// beside it the panel still needs room for the printed weight.
const MIN_BAR: f64 = 110.0;

/// Width of the widest printed weight of the panels' bars, with its gap.
fn value_w(panels: &[Panel], st: &Style) -> i32 {
    let vf = st.value_font();
    panels
        .iter()
        .flat_map(|p| p.drawn())
        .map(|t| text_w(&vf, &num(t.1, 3)))
        .max()
        .unwrap_or(0)
        + st.px(4.0)
}

/// Width the terms may take in a panel `cell_w` wide: what is left after
/// the panel's padding, the gap before the plot and the narrowest plot that
/// still shows a bar and its printed weight (`value_w`).
fn label_room(cell_w: i32, value_w: i32, st: &Style) -> i32 {
    cell_w - st.px(14.0) - st.px(4.0) - st.px(LABEL_GAP) - st.px(MIN_BAR) - value_w
}

/// Columns of the grid of panels: [`preferred_columns`], but no more than
/// let the widest term of the panels drawn sit whole beside its bar
/// (measured in the charts' embedded font).
fn columns(panels: &[Panel], st: &Style) -> usize {
    let lf = term_font(st);
    let widest = panels
        .iter()
        .flat_map(|p| p.drawn())
        .map(|t| text_w(&lf, &t.0))
        .max()
        .unwrap_or(0);
    let vw = value_w(panels, st);
    let inner = inner_w(st);
    (1..=preferred_columns(panels.len()))
        .rev()
        .find(|&cols| label_room(inner / cols as i32, vw, st) >= widest)
        .unwrap_or(1)
}

/// Width of the area the panels share (the canvas less its side margins).
fn inner_w(st: &Style) -> i32 {
    st.w as i32 - 2 * st.margin()
}

/// Most lines of a panel title; a longer one ends in an ellipsis.
const TITLE_LINES: usize = 2;

/// Font of the panel titles: smaller when there are many panel rows.
fn title_font(st: &Style, grid_rows: usize) -> FontDesc<'static> {
    st.font(st.fs(if grid_rows > 2 { 16.0 } else { 18.0 }), true)
}

/// Height of one bar row in a panel: a design 24 px, and never less than a
/// row the smallest label font fits in.
fn row_px(st: &Style) -> i32 {
    st.px(24.0).max(min_row_h(st, 0.85))
}

/// The grid of panels: its columns and rows, the lines of the longest
/// panel title (every panel keeps that much room, so bars line up across a
/// row) and the canvas height that gives each bar row [`row_px`].
struct Layout {
    content: Content,
    cols: usize,
    rows: usize,
    title_lines: usize,
}

impl Layout {
    /// The layout of `a`'s panels on a canvas as wide as `st`.
    fn of(a: &Analysis, st: &Style) -> Layout {
        let content = content(a);
        let cols = columns(&content.panels, st);
        let rows = content.panels.len().max(1).div_ceil(cols);
        let tf = title_font(st, rows);
        let room = inner_w(st) / cols as i32;
        let title_lines = content
            .panels
            .iter()
            .map(|p| title_lines(p, &tf, room, st).len())
            .max()
            .unwrap_or(1)
            .max(1);
        Layout {
            content,
            cols,
            rows,
            title_lines,
        }
    }

    /// Height of a panel's title block and of its x axis, in pixels.
    fn panel_chrome(&self, st: &Style) -> (i32, i32) {
        let tf = title_font(st, self.rows);
        let sf = axis_font(st);
        let top = self.title_lines as i32 * line_h(&tf) + st.px(6.0);
        (top, 2 * line_h(&sf) + st.px(10.0))
    }

    /// Canvas height: the configured one, or more when the panel rows need
    /// it (the white left below is cut off).
    fn canvas_h(&self, st: &Style) -> u32 {
        let (top, axis) = self.panel_chrome(st);
        let panel = top + axis + st.px(6.0) + MAX_TERMS as i32 * row_px(st);
        let need = header_h(st, TITLE, &self.content.sub) + st.margin() + self.rows as i32 * panel;
        (need.max(0) as u32).clamp(st.h, 10_000)
    }
}

/// A panel's title as drawn: wrapped to the room beside its marker, at
/// most [`TITLE_LINES`] lines.
fn title_lines(p: &Panel, tf: &FontDesc, cell_w: i32, st: &Style) -> Vec<String> {
    wrap_at_most(
        tf,
        &p.title,
        cell_w - st.px(14.0) - marker_w(p, tf, st),
        TITLE_LINES,
    )
}

/// Room the marker before a panel title takes (0 without one).
fn marker_w(p: &Panel, tf: &FontDesc, st: &Style) -> i32 {
    match p.shape {
        Some(_) => 2 * marker_r(tf) + st.px(10.0),
        None => 0,
    }
}

/// Radius of the marker before a panel title.
fn marker_r(tf: &FontDesc) -> i32 {
    (line_h(tf) as f64 * 0.3).round() as i32
}

/// Font of the ticks and the axis name under each panel.
fn axis_font(st: &Style) -> FontDesc<'static> {
    st.font(st.fs(14.0), false)
}

/// Draws the small multiples.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    a: &Analysis,
    st: &Style,
) -> Result<(), ChartError> {
    if a.articles.is_empty() {
        return placeholder(root, st, TITLE, &["No articles were analysed.".to_string()]);
    }
    let layout = Layout::of(a, st);
    let content = &layout.content;
    if content.panels.iter().all(|p| p.terms.is_empty()) {
        return placeholder(
            root,
            st,
            TITLE,
            &["No article has distinctive terms (every word is shared by all articles, or the articles are empty).".to_string()],
        );
    }
    let area = header(root, st, TITLE, &content.sub)?;
    let m = st.margin() as u32;
    let inner = area.margin(0, m, m, m);
    let cells = inner.split_evenly((layout.rows, layout.cols));
    let vw = value_w(&content.panels, st);
    for (panel, cell) in content.panels.iter().zip(cells.iter()) {
        draw_panel(root, cell, st, panel, &layout, vw)?;
    }
    Ok(())
}

/// Decimals of the x ticks of an axis from 0 to `top`: enough that ticks
/// (at most four, so at least `top / 8` apart) never print alike, as they
/// did with two for distinctiveness weights of a few thousandths.
fn tick_decimals(top: f64) -> usize {
    (-(top / 8.0).log10()).ceil().clamp(2.0, 6.0) as usize
}

/// Draws one panel: its title and a horizontal bar chart of its terms.
fn draw_panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    cell: &DrawingArea<DB, Shift>,
    st: &Style,
    p: &Panel,
    layout: &Layout,
    value_w: i32,
) -> Result<(), ChartError> {
    let (w, h) = cell.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let pad = st.px(14.0);
    let tf = title_font(st, layout.rows);
    let mut tx = pad / 2;
    if let Some(shape) = p.shape {
        let r = marker_r(&tf);
        let at = (tx + r + 1, line_h(&tf) / 2);
        outlined_marker(cell, shape, at, r, p.colour.filled())?;
        tx += marker_w(p, &tf, st);
    }
    for (i, line) in title_lines(p, &tf, w, st).iter().enumerate() {
        let y = i as i32 * line_h(&tf);
        text(cell, line, &tf, INK, (tx, y), HPos::Left, VPos::Top)?;
    }
    let terms = p.drawn();
    let (top_off, x_area) = layout.panel_chrome(st);
    if terms.is_empty() {
        return text(
            cell,
            "(no terms)",
            &st.label_font(),
            MUTED,
            (pad / 2, top_off),
            HPos::Left,
            VPos::Top,
        );
    }
    let k = terms.len();
    let sf = axis_font(st);
    let row_h = ((h - top_off - x_area) / k as i32).max(1);
    // Few terms would give fat bars: keep rows at most ~56 px and leave the rest empty.
    let spare = (row_h - st.px(56.0)).max(0) * k as i32;
    let row_h = row_h.min(st.px(56.0)).max(1);
    let lf = st.font(term_font(st).get_size().min(row_h as f64 * 0.8), false);
    let longest = terms.iter().map(|t| text_w(&lf, &t.0)).max().unwrap_or(0);
    // [`columns`] made the panel wide enough for its terms whole; only a
    // term too long for a panel as wide as the chart is shortened.
    let room = label_room(w, value_w, st);
    let label_w = longest.min(room.max(st.px(40.0))) + st.px(LABEL_GAP);
    // The plot's scale leaves room after the longest bar for its weight.
    let plot_w = (w - pad - st.px(4.0) - label_w).max(1) as f64;
    let max = terms.iter().map(|t| finite(t.1)).fold(0.0f64, f64::max);
    let top = if max > 0.0 {
        max * 1.3f64.max(plot_w / (plot_w - value_w as f64 - st.px(2.0) as f64).max(1.0))
    } else {
        1.0
    };
    let decimals = tick_decimals(top);
    // As many ticks (up to four) as print apart in a narrow plot.
    let tick_w = text_w(&sf, &num(top, decimals)) + st.px(16.0);
    let ticks = (plot_w as i32 / tick_w.max(1)).clamp(2, 4) as usize;
    let mut chart = ChartBuilder::on(cell)
        .margin_top(top_off)
        .margin_right(pad)
        .margin_left(st.px(4.0))
        .margin_bottom(st.px(6.0) + spare)
        .x_label_area_size(x_area)
        .y_label_area_size(label_w)
        .build_cartesian_2d(0.0..top, -0.5f64..(k as f64 - 0.5))
        .map_err(de)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(ticks)
        .x_label_formatter(&|v| num(*v, decimals))
        .x_desc(layout.content.xdesc)
        .label_style(sf.color(&INK))
        .axis_desc_style(sf.color(&MUTED))
        .bold_line_style(LIGHT.mix(0.7))
        .light_line_style(TRANSPARENT)
        .draw()
        .map_err(de)?;
    let ypos = |r: usize| (k - 1 - r) as f64;
    let bar = |r: usize, t: &(String, f64)| {
        [
            (0.0, ypos(r) - 0.35),
            (finite(t.1).clamp(0.0, top), ypos(r) + 0.35),
        ]
    };
    chart
        .draw_series(
            terms
                .iter()
                .enumerate()
                .map(|(r, t)| Rectangle::new(bar(r, t), p.colour.filled())),
        )
        .map_err(de)?;
    // An ink edge, as the series of the line charts have: a yellow or sky
    // blue bar alone is too faint on white paper to read its length.
    chart
        .draw_series(
            terms
                .iter()
                .enumerate()
                .map(|(r, t)| Rectangle::new(bar(r, t), INK.stroke_width(1))),
        )
        .map_err(de)?;
    let (xr, _) = chart.plotting_area().get_pixel_range();
    let vf = st.font(st.value_font().get_size().min(row_h as f64 * 0.7), false);
    for (r, t) in terms.iter().enumerate() {
        let (xe, y) = chart.backend_coord(&(finite(t.1).clamp(0.0, top), ypos(r)));
        let l = fit(&lf, &t.0, label_w - st.px(LABEL_GAP));
        bar_label(root, &l, &lf, INK, (xr.start - st.px(6.0), y), Side::Left)?;
        let value = num(t.1, 3);
        bar_label(root, &value, &vf, MUTED, (xe + st.px(4.0), y), Side::Right)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::chart::svg_texts;
    use super::*;
    use crate::model::{example, ClusterInfo, WeightedTerm};

    /// 3,788 articles in `k` clusters whose ten top terms are `words`.
    fn with_clusters(k: usize, words: &[&str]) -> Analysis {
        let mut a = example(60);
        let c = a.clustering.as_mut().unwrap();
        c.k = k;
        c.clusters = (0..k)
            .map(|id| ClusterInfo {
                id,
                label: words[..3].join(" / "),
                label_terms: Vec::new(),
                size: 664 - id * 40,
                top_terms: (0..MAX_TERMS)
                    .map(|r| WeightedTerm {
                        articles: 1,
                        term: words[r % words.len()].to_string(),
                        stem: String::new(),
                        weight: 0.074 / (r + 1) as f64,
                    })
                    .collect(),
                central_article: String::new(),
            })
            .collect();
        a
    }

    fn texts(a: &Analysis, st: &Style) -> Vec<String> {
        let h = (CHART.canvas_h)(a, st);
        svg_texts(&String::from_utf8(CHART.render_svg(a, st, h).unwrap()).unwrap())
    }

    /// "administrati…" on 3,788 articles: every term is now drawn whole,
    /// in four columns while they fit, else in fewer, on a taller canvas.
    #[test]
    fn terms_are_never_cut() {
        ensure_fonts().unwrap();
        let st = Style::new(1600, 1000);
        let short = ["trump", "president", "house", "administration", "garda"];
        let long = [
            "commissioner",
            "counter-terrorism",
            "representatives",
            "administration",
            "anti-establishment",
            "self-radicalisation",
            "counter-radicalisation-programme",
        ];
        let mut heights = Vec::new();
        for (words, cols) in [(&short[..], 4), (&long[..], 3)] {
            let a = with_clusters(10, words);
            let layout = Layout::of(&a, &st);
            assert_eq!(layout.cols, cols, "{words:?}");
            // Each term fits the room its panel leaves beside the bars.
            let lf = term_font(&st);
            let room = label_room(
                inner_w(&st) / cols as i32,
                value_w(&layout.content.panels, &st),
                &st,
            );
            for w in words {
                assert!(text_w(&lf, w) <= room, "{w}: {room}");
            }
            let texts = texts(&a, &st);
            for w in words {
                assert!(texts.iter().any(|t| t == w), "{w} not whole: {texts:?}");
            }
            assert!(!texts.iter().any(|t| t.contains('…')), "{texts:?}");
            heights.push(layout.canvas_h(&st));
        }
        // Fewer columns, more panel rows: the canvas grows for them.
        assert!(heights[1] > heights[0], "{heights:?}");
    }

    /// A term too long even for one panel across the chart is the only
    /// thing shortened, and then to the room the panel has.
    #[test]
    fn a_term_too_long_for_any_panel_is_shortened_to_fit() {
        ensure_fonts().unwrap();
        let st = Style::new(1600, 1000);
        let huge = "counter-".repeat(20) + "terrorism";
        let a = with_clusters(3, &[&huge, "vote", "poll"]);
        let layout = Layout::of(&a, &st);
        assert_eq!(layout.cols, 1);
        let texts = texts(&a, &st);
        let cut: Vec<&String> = texts.iter().filter(|t| t.contains('…')).collect();
        // Four of each panel's ten bars are the long term.
        assert_eq!(cut.len(), 3 * 4, "{texts:?}");
        let room = label_room(inner_w(&st), value_w(&layout.content.panels, &st), &st);
        for t in cut {
            assert!(t.starts_with("counter-counter-"), "{t}");
            assert!(text_w(&term_font(&st), t) <= room, "{t}");
        }
        assert!(texts.iter().any(|t| t == "vote"));
    }

    #[test]
    fn ticks_never_print_alike() {
        for top in [0.0013, 0.0156, 0.04, 0.2, 0.39, 1.3] {
            let d = tick_decimals(top);
            // The finest round step plotters may pick for four ticks.
            let step = [1.0, 2.0, 2.5, 5.0]
                .iter()
                .flat_map(|m| (-6..1).map(move |e| m * 10f64.powi(e)))
                .filter(|&s| s >= top / 8.0)
                .fold(f64::INFINITY, f64::min);
            let ticks: Vec<String> = (0..=8)
                .map(|i| i as f64 * step)
                .take_while(|&v| v <= top)
                .map(|v| num(v, d))
                .collect();
            let mut unique = ticks.clone();
            unique.dedup();
            assert_eq!(ticks, unique, "top {top}: {ticks:?}");
        }
        // Unchanged where two decimals did.
        assert_eq!(tick_decimals(0.39), 2);
        assert_eq!(tick_decimals(0.0156), 3);
    }
}
