//! `terms.png`: the most distinctive (TF-IDF) words as horizontal bars in
//! small multiples, one panel per cluster, or per article for tiny corpora.

use super::chart::Chart;
use super::clusters::cluster_look;
use super::labels::{article_label, cluster_of};
use super::style::*;
use crate::model::Analysis;
use crate::report::cautions;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The registry entry of `terms.png`.
pub const CHART: Chart = Chart {
    stem: "terms",
    alt: |_| "Top TF-IDF terms per cluster or per article",
    description: "Chart: top TF-IDF terms.",
    applies: |_| true,
    canvas_h: |_, st| st.h,
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

/// Draws the small multiples.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    a: &Analysis,
    st: &Style,
) -> Result<(), ChartError> {
    let n = a.articles.len();
    if n == 0 {
        return placeholder(root, st, TITLE, &["No articles were analysed.".to_string()]);
    }
    let mut sub = Vec::new();
    let (panels, xdesc) = match a.clustering.as_ref() {
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
            sub.insert(0, "Words that set each cluster apart: bar length = how much higher the word's average TF-IDF weight is in the cluster's articles than in all other articles (a word every article uses scores near 0, however frequent). Panel colours and the marker before each title match the cluster map.".to_string());
            let panels = cl
                .iter()
                .map(|ci| Panel {
                    title: format!(
                        "Cluster {} ({} article{}): {}",
                        ci.id + 1,
                        ci.size,
                        if ci.size == 1 { "" } else { "s" },
                        ci.label
                    ),
                    colour: cluster_look(ci.id).0,
                    shape: Some(cluster_look(ci.id).1),
                    terms: ci
                        .top_terms
                        .iter()
                        .map(|t| (t.term.clone(), t.weight))
                        .collect(),
                })
                .collect::<Vec<_>>();
            (panels, "TF-IDF above the rest")
        }
        _ => {
            let cluster_of = cluster_of(a);
            let shown = n.min(MAX_PANELS);
            sub.push("Words that set each article apart: bar length = the word's TF-IDF weight (high when the word is frequent in this article but rare in the others).".to_string());
            if shown < n {
                sub.push(format!("Showing the first {} of {} articles.", shown, n));
            }
            let panels = (0..shown)
                .map(|i| Panel {
                    title: article_label(a, i),
                    colour: cluster_of
                        .get(a.articles[i].id.as_str())
                        .map(|&c| cluster_look(c).0)
                        .unwrap_or(COOL),
                    shape: cluster_of
                        .get(a.articles[i].id.as_str())
                        .map(|&c| cluster_look(c).1),
                    terms: a.articles[i]
                        .top_terms
                        .iter()
                        .map(|t| (t.term.to_string(), t.tfidf))
                        .collect(),
                })
                .collect::<Vec<_>>();
            (panels, "TF-IDF weight")
        }
    };
    if panels.iter().all(|p| p.terms.is_empty()) {
        return placeholder(
            root,
            st,
            TITLE,
            &["No article has distinctive terms (every word is shared by all articles, or the articles are empty).".to_string()],
        );
    }
    let area = header(root, st, TITLE, &sub)?;
    let (w, h) = area.dim_in_pixel();
    let p = panels.len().max(1);
    // Columns from the canvas aspect so panels come out roughly as wide as tall x1.6.
    let aspect = w as f64 / h.max(1) as f64;
    let cols = ((p as f64 * aspect / 1.6).sqrt().ceil() as usize).clamp(1, p);
    let rows = p.div_ceil(cols);
    let m = st.margin() as u32;
    let inner = area.margin(0, m, m, m);
    let cells = inner.split_evenly((rows, cols));
    for (panel, cell) in panels.iter().zip(cells.iter()) {
        draw_panel(root, cell, st, panel, xdesc, rows)?;
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
    xdesc: &str,
    grid_rows: usize,
) -> Result<(), ChartError> {
    let (w, h) = cell.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let pad = st.px(14.0);
    let tf = st.font(st.fs(if grid_rows > 2 { 16.0 } else { 18.0 }), true);
    let mut tx = pad / 2;
    if let Some(shape) = p.shape {
        let r = (line_h(&tf) as f64 * 0.3).round() as i32;
        let at = (tx + r + 1, line_h(&tf) / 2);
        outlined_marker(cell, shape, at, r, p.colour.filled())?;
        tx += 2 * r + st.px(10.0);
    }
    let title = fit(&tf, &p.title, w - pad - tx);
    text(cell, &title, &tf, INK, (tx, 0), HPos::Left, VPos::Top)?;
    let terms: Vec<&(String, f64)> = p.terms.iter().take(MAX_TERMS).collect();
    let top_off = line_h(&tf) + st.px(6.0);
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
    let max = terms.iter().map(|t| finite(t.1)).fold(0.0f64, f64::max);
    let top = if max > 0.0 { max * 1.3 } else { 1.0 };
    let decimals = tick_decimals(top);
    let k = terms.len();
    let lf0 = st.label_font();
    let sf = st.font(st.fs(14.0), false);
    let x_area = line_h(&sf) + line_h(&sf) + st.px(10.0);
    let row_h = ((h - top_off - x_area) / k as i32).max(1);
    // Few terms would give fat bars: keep rows at most ~56 px and leave the rest empty.
    let spare = (row_h - st.px(56.0)).max(0) * k as i32;
    let row_h = row_h.min(st.px(56.0)).max(1);
    let lf = st.font(lf0.get_size().min(row_h as f64 * 0.8), false);
    let longest = terms.iter().map(|t| text_w(&lf, &t.0)).max().unwrap_or(0);
    let label_w = longest.min(w / 3) + st.px(10.0);
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
        .x_labels(4)
        .x_label_formatter(&|v| num(*v, decimals))
        .x_desc(xdesc)
        .label_style(sf.color(&INK))
        .axis_desc_style(sf.color(&MUTED))
        .bold_line_style(LIGHT.mix(0.7))
        .light_line_style(TRANSPARENT)
        .draw()
        .map_err(de)?;
    let ypos = |r: usize| (k - 1 - r) as f64;
    chart
        .draw_series(terms.iter().enumerate().map(|(r, t)| {
            Rectangle::new(
                [
                    (0.0, ypos(r) - 0.35),
                    (finite(t.1).clamp(0.0, top), ypos(r) + 0.35),
                ],
                p.colour.filled(),
            )
        }))
        .map_err(de)?;
    let (xr, _) = chart.plotting_area().get_pixel_range();
    let vf = st.font(st.value_font().get_size().min(row_h as f64 * 0.7), false);
    for (r, t) in terms.iter().enumerate() {
        let (xe, y) = chart.backend_coord(&(finite(t.1).clamp(0.0, top), ypos(r)));
        let l = fit(&lf, &t.0, label_w - st.px(10.0));
        text(
            root,
            &l,
            &lf,
            INK,
            (xr.start - st.px(6.0), y),
            HPos::Right,
            VPos::Center,
        )?;
        text(
            root,
            &num(t.1, 3),
            &vf,
            MUTED,
            (xe + st.px(4.0), y),
            HPos::Left,
            VPos::Center,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
