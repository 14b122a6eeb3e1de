//! `sentiment.png`: each article's compound sentiment as a horizontal bar
//! diverging from zero on a fixed -1..1 axis, most positive at the top.
//! Large corpora show the most positive and most negative articles.

use super::chart::Chart;
use super::labels::{article_label, MAX_ROWS};
use super::style::*;
use crate::model::Analysis;
use crate::report::cautions;
use crate::report::format::int;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The registry entry of `sentiment.png`.
pub const CHART: Chart = Chart {
    stem: "sentiment",
    alt: |_| {
        "Compound sentiment per article, from -1 (negative) to +1 (positive), diverging around 0"
    },
    applies: |_| true,
    canvas_h: |a, st| st.rows_height(a.articles.len().min(MAX_ROWS + 1), 28.0, 330.0),
    cautions: cautions::sentiment,
    draw_png: |root, a, st| draw(root, a, st),
    draw_svg: |root, a, st| draw(root, a, st),
};

const TITLE: &str = "Overall tone (sentiment) of each article";

/// A bar row: label and value (None = a gap row standing for hidden articles).
type Row = (String, Option<f64>);

/// Draws the sentiment bars.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    a: &Analysis,
    st: &Style,
) -> Result<(), ChartError> {
    let n = a.articles.len();
    if n == 0 {
        return placeholder(root, st, TITLE, &["No articles were analysed.".to_string()]);
    }
    // Most positive first; non-finite scores sort as 0 and print as "–".
    let mut order: Vec<usize> = (0..n).collect();
    let val = |i: usize| finite(a.articles[i].sentiment.compound);
    order.sort_by(|&p, &q| val(q).total_cmp(&val(p)).then(p.cmp(&q)));
    let row = |i: usize| (article_label(a, i), Some(a.articles[i].sentiment.compound));
    let mut sub = vec![
        "Sentiment of each article: the mean of its sentences' compound scores (VADER-style, from -1 = very negative to +1 = very positive; near 0 = neutral or mixed). Sorted from most positive to most negative.".to_string(),
    ];
    if n > 1 {
        // The summary ranks differently; say so, or a reader finds two answers.
        sub.push(format!("A short article can reach either end on a sentence or two: the report's summary names the extremes among articles of at least {} sentences, by their 95% interval.", crate::model::MIN_SENTENCES_TO_LEAD));
    }
    // VADER's usual cut-offs: compound >= 0.05 positive, <= -0.05 negative.
    let scores: Vec<f64> = a
        .articles
        .iter()
        .map(|x| x.sentiment.compound)
        .filter(|v| v.is_finite())
        .collect();
    if !scores.is_empty() {
        let pos = scores.iter().filter(|&&v| v >= 0.05).count();
        let neg = scores.iter().filter(|&&v| v <= -0.05).count();
        let mean = scores.iter().sum::<f64>() / scores.len() as f64;
        sub.push(format!(
            "Overall: {} positive (score 0.05 or more), {} neutral, {} negative (-0.05 or less); mean {}.",
            int(pos),
            int(scores.len() - pos - neg),
            int(neg),
            num(mean, 2)
        ));
    }
    let showing = |n: usize, half: usize| {
        format!(
            "{} articles: showing the {} most positive and the {} most negative; all scores are in the tables.",
            int(n),
            half,
            half
        )
    };
    // As many rows as the canvas holds with labels of a readable size (at
    // most MAX_ROWS); the header is measured with the "showing" line in.
    let fits = {
        let mut probe = sub.clone();
        probe.push(showing(n, MAX_ROWS / 2));
        let lf0 = st.label_font();
        let chrome = header_h(st, TITLE, &probe)
            + line_h(&lf0)
            + st.px(10.0)
            + st.margin()
            + line_h(&lf0)
            + line_h(&st.axis_font())
            + st.px(16.0);
        ((st.h as i32 - chrome) / min_row_h(st, 0.8)).max(3) as usize
    };
    // MAX_ROWS articles plus the row standing for the hidden ones.
    let max_rows = fits.min(MAX_ROWS + 1);
    let rows: Vec<Row> = if n <= max_rows.min(MAX_ROWS) {
        order.iter().map(|&i| row(i)).collect()
    } else {
        // One row stands for the hidden articles.
        let half = ((max_rows - 1) / 2).max(1);
        sub.push(showing(n, half));
        let mut r: Vec<Row> = order[..half].iter().map(|&i| row(i)).collect();
        r.push((
            format!("⋯ {} articles not shown ⋯", int(n - 2 * half)),
            None,
        ));
        r.extend(order[n - half..].iter().map(|&i| row(i)));
        r
    };
    let area = header(root, st, TITLE, &sub)?;
    let (_, h) = area.dim_in_pixel();
    let m = st.margin();
    let lf0 = st.label_font();
    let af = st.axis_font();
    let nr = rows.len();
    let cap_h = line_h(&lf0) + st.px(10.0);
    let x_area = line_h(&lf0) + line_h(&af) + st.px(16.0);
    let plot_h = h as i32 - cap_h - m - x_area;
    let ch = (plot_h / nr as i32).max(1);
    let lf = st.font(lf0.get_size().min(ch as f64 * 0.8), false);
    let longest = rows.iter().map(|r| text_w(&lf, &r.0)).max().unwrap_or(0);
    let label_w = longest.min((st.w as f64 * 0.36) as i32) + st.px(14.0);
    // Few rows would give fat bars: keep them at most ~60 px tall.
    let used_h = (ch.min(st.px(60.0)) * nr as i32).min(plot_h);
    let mut chart = ChartBuilder::on(&area)
        .margin_left(m)
        .margin_right(m * 2)
        .margin_top(cap_h)
        .margin_bottom((m + plot_h - used_h).max(m))
        .x_label_area_size(x_area)
        .y_label_area_size(label_w + line_h(&af) + st.px(8.0))
        .build_cartesian_2d(-1.0f64..1.0f64, -0.5f64..(nr as f64 - 0.5))
        .map_err(de)?;
    mesh(&mut chart, st)
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(11)
        .x_label_formatter(&|v| num(*v, 1))
        .x_desc("Sentiment compound score")
        .y_desc("Article")
        .draw()
        .map_err(de)?;
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    // Row r sits at y = nr-1-r so the first row is at the top.
    let ypos = |r: usize| (nr - 1 - r) as f64;
    let bar_half = 0.36;
    chart
        .draw_series(rows.iter().enumerate().filter_map(|(r, (_, v))| {
            let v = v.filter(|v| v.is_finite())?.clamp(-1.0, 1.0);
            let c = if v >= 0.0 { COOL } else { WARM };
            Some(Rectangle::new(
                [(0.0, ypos(r) - bar_half), (v, ypos(r) + bar_half)],
                c.filled(),
            ))
        }))
        .map_err(de)?;
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(0.0, -0.5), (0.0, nr as f64 - 0.5)],
            INK.stroke_width(st.px(2.0) as u32),
        )))
        .map_err(de)?;
    let vf = st.font(st.value_font().get_size().min(ch as f64 * 0.7), false);
    let gap = st.px(6.0);
    for (r, (label, v)) in rows.iter().enumerate() {
        let (_, y) = chart.backend_coord(&(0.0, ypos(r)));
        let l = fit(&lf, label, label_w - st.px(14.0));
        let colour = if v.is_some() { INK } else { MUTED };
        text(
            root,
            &l,
            &lf,
            colour,
            (xr.start - st.px(8.0), y),
            HPos::Right,
            VPos::Center,
        )?;
        let Some(v) = v else {
            continue;
        };
        // The value sits on the empty side of the zero line, so it never leaves the plot.
        let (x0, _) = chart.backend_coord(&(0.0, ypos(r)));
        let s = num(*v, 2);
        if finite(*v) >= 0.0 {
            text(root, &s, &vf, INK, (x0 - gap, y), HPos::Right, VPos::Center)?;
        } else {
            text(root, &s, &vf, INK, (x0 + gap, y), HPos::Left, VPos::Center)?;
        }
    }
    let cf = st.font(lf0.get_size(), true);
    let cy = yr.start - st.px(6.0);
    text(
        root,
        "◀ more negative",
        &cf,
        RGBColor(160, 60, 0),
        (xr.start, cy),
        HPos::Left,
        VPos::Bottom,
    )?;
    text(
        root,
        "more positive ▶",
        &cf,
        RGBColor(0, 80, 140),
        (xr.end, cy),
        HPos::Right,
        VPos::Bottom,
    )?;
    text(
        root,
        "neutral",
        &cf,
        MUTED,
        ((xr.start + xr.end) / 2, cy),
        HPos::Center,
        VPos::Bottom,
    )?;
    Ok(())
}
