//! `timeline.png`: each frame's share of all frame hits per period (week,
//! month or year) as lines, with the number of articles per period as grey
//! bars underneath, so thin periods are visible.

use super::chart::Chart;
use super::style::*;
use crate::model::Analysis;
use crate::report::cautions;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The registry entry of `timeline.png`.
pub const CHART: Chart = Chart {
    stem: "timeline",
    alt: |_| {
        "Each frame's share of all frame words per period, with the number of articles per period"
    },
    applies: |a| a.timeline.is_some(),
    canvas_h: |_, st| st.h,
    cautions: cautions::none,
    draw_png: |root, a, st| draw(root, a, st),
    draw_svg: |root, a, st| draw(root, a, st),
};

const TITLE: &str = "Frame shares over time";

/// Articles in a period (or a group's articles in it, in
/// `timeline_groups.png`) below which its point is drawn hollow: a share or
/// mean of one or two articles swings with each of them.
pub const FEW_ARTICLES: usize = 3;

/// Draws the timeline.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    a: &Analysis,
    st: &Style,
) -> Result<(), ChartError> {
    let Some(t) = a.timeline.as_ref() else {
        return placeholder(root, st, TITLE, &["No article has a date.".to_string()]);
    };
    let np = t.points.len();
    if np == 0 || t.frames.is_empty() {
        return placeholder(root, st, TITLE, &["There is nothing to plot.".to_string()]);
    }
    let dated: usize = t.points.iter().map(|p| p.articles).sum();
    let mut sub = vec![format!(
        "Each line is one frame's share of all frame words in the articles of each {} (the shares of a period add up to 100%). Grey bars: number of articles per {}. A hollow marker: a {} with only one or two articles (its shares swing with each).",
        t.period, t.period, t.period
    )];
    let mut left_out = Vec::new();
    if t.undated > 0 {
        left_out.push(format!(
            "{} without a date",
            crate::report::format::count(t.undated, "article", "articles")
        ));
    }
    if !t.unreadable_dates.is_empty() {
        left_out.push(format!(
            "{} whose date could not be read",
            crate::report::format::int(t.unreadable_dates.len())
        ));
    }
    if !left_out.is_empty() {
        sub.push(format!(
            "{} shown; not shown: {}.",
            crate::report::format::count(dated, "dated article", "dated articles"),
            left_out.join(", ")
        ));
    }
    let area = header(root, st, TITLE, &sub)?;
    let (w, h) = area.dim_in_pixel();
    let lf = st.label_font();
    let af = st.axis_font();
    let m = st.margin();
    // Legend on the right.
    let legend_w = t
        .frames
        .iter()
        .map(|f| text_w(&lf, &pretty(f)))
        .max()
        .unwrap_or(0)
        + st.px(60.0);
    let (plot, legend) = area.split_horizontally(w as i32 - legend_w - m);
    let (main, strip) = plot.split_vertically((h as f64 * 0.74) as i32);
    let label_area = text_w(&lf, "100%") + line_h(&af) + st.px(24.0);
    let labels: Vec<String> = t.points.iter().map(|p| p.period.clone()).collect();
    let x_range = -0.5f64..(np as f64 - 0.5);
    let mut chart = ChartBuilder::on(&main)
        .margin_left(m)
        .margin_right(m)
        .margin_top(st.px(6.0))
        .x_label_area_size(0)
        .y_label_area_size(label_area)
        .build_cartesian_2d(x_range.clone(), 0.0f64..1.0f64)
        .map_err(de)?;
    mesh(&mut chart, st)
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(6)
        .y_label_formatter(&|v| format!("{:.0}%", v * 100.0))
        .y_desc("Share of frame words")
        .draw()
        .map_err(de)?;
    for (fi, _) in t.frames.iter().enumerate() {
        let (c, shape) = series_look(fi);
        // Break the line at periods without hits rather than drawing through them.
        let mut seg: Vec<(f64, f64)> = Vec::new();
        let mut segs = Vec::new();
        for (pi, p) in t.points.iter().enumerate() {
            match p
                .shares
                .get(fi)
                .copied()
                .flatten()
                .filter(|v| v.is_finite())
            {
                Some(v) => seg.push((pi as f64, v)),
                None if !seg.is_empty() => segs.push(std::mem::take(&mut seg)),
                None => {}
            }
        }
        if !seg.is_empty() {
            segs.push(seg);
        }
        for s in segs {
            let px: Vec<(i32, i32)> = s.iter().map(|p| chart.backend_coord(p)).collect();
            series_line(root, st, px.clone(), c)?;
            for (&(x, _), p) in s.iter().zip(px) {
                let n = t.points.get(x as usize).map_or(0, |p| p.articles);
                // As in timeline_groups.png: a share of one or two
                // articles must not look as sure as one of a busy period.
                series_marker(root, st, shape, p, c, n < FEW_ARTICLES)?;
            }
        }
    }
    // Article counts.
    let max_n = t
        .points
        .iter()
        .map(|p| p.articles)
        .max()
        .unwrap_or(1)
        .max(1);
    let mut bars = ChartBuilder::on(&strip)
        .margin_left(m)
        .margin_right(m)
        .margin_bottom(m)
        // A full line of space, so the top count label and the 0% label of
        // the chart above (both centred on their edges) cannot touch.
        .margin_top(line_h(&lf) + st.px(4.0))
        .x_label_area_size(line_h(&lf) + st.px(12.0))
        .y_label_area_size(label_area)
        // An integer axis: article counts are whole numbers, and a real-valued
        // axis would put a tick at 0.5 (printed "0") when every period has one article.
        .build_cartesian_2d(x_range, 0u32..(max_n as u32 + (max_n as u32).div_ceil(7)))
        .map_err(de)?;
    mesh(&mut bars, st)
        .disable_x_mesh()
        .disable_y_mesh()
        .x_labels(0)
        .y_labels(3)
        .y_label_formatter(&|v| crate::report::format::int(*v as usize))
        .y_desc("Articles")
        .draw()
        .map_err(de)?;
    bars.draw_series(t.points.iter().enumerate().map(|(pi, p)| {
        Rectangle::new(
            [(pi as f64 - 0.3, 0), (pi as f64 + 0.3, p.articles as u32)],
            MUTED.mix(0.5).filled(),
        )
    }))
    .map_err(de)?;
    let (_, yr) = bars.plotting_area().get_pixel_range();
    period_labels(root, st, &labels, yr.end, |pi| {
        bars.backend_coord(&(pi as f64, 0u32)).0
    })?;
    let names: Vec<String> = t.frames.iter().map(|f| pretty(f)).collect();
    line_legend(&legend, st, &names)?;
    Ok(())
}

/// Writes the period labels under a time axis whose bottom edge is at `y`:
/// every `step`-th of at most 12, and the last unless it would crowd the
/// one before; `x_of` gives a period's x in pixels.
pub(super) fn period_labels<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    st: &Style,
    labels: &[String],
    y: i32,
    x_of: impl Fn(usize) -> i32,
) -> Result<(), ChartError> {
    let np = labels.len();
    let step = np.div_ceil(12).max(1);
    for (pi, label) in labels.iter().enumerate() {
        if pi % step != 0 && pi + 1 != np {
            continue;
        }
        if pi + 1 == np && pi % step != 0 && np > 1 && (pi % step) * 2 < step {
            continue; // too close to the previous label
        }
        text(
            root,
            label,
            &st.label_font(),
            INK,
            (x_of(pi), y + st.px(6.0)),
            HPos::Center,
            VPos::Top,
        )?;
    }
    Ok(())
}

/// The legend of a line chart: line `i`'s colour and marker
/// ([`series_look`]) beside `names[i]`, one per row from the top.
pub(super) fn line_legend<DB: DrawingBackend>(
    legend: &DrawingArea<DB, Shift>,
    st: &Style,
    names: &[String],
) -> Result<(), ChartError> {
    let lf = st.label_font();
    let mut y = st.px(10.0);
    for (i, name) in names.iter().enumerate() {
        let (c, shape) = series_look(i);
        let mid = y + st.px(9.0);
        series_line(legend, st, vec![(st.px(4.0), mid), (st.px(36.0), mid)], c)?;
        series_marker(legend, st, shape, (st.px(20.0), mid), c, false)?;
        text(
            legend,
            name,
            &lf,
            INK,
            (st.px(44.0), y + st.px(9.0)),
            HPos::Left,
            VPos::Center,
        )?;
        y += line_h(&lf) + st.px(10.0);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PeriodPoint, Timeline};

    /// White-filled circles in the SVG: the hollow markers of the first
    /// frame (a circle), as the filled ones and the legend's are in colour.
    fn hollow_circles(articles: &[usize]) -> usize {
        super::super::style::ensure_fonts().unwrap();
        let mut a = crate::model::example(6);
        let nf = a.frames.len();
        a.timeline = Some(Timeline {
            period: "month".into(),
            frames: a.frames.clone(),
            points: articles
                .iter()
                .enumerate()
                .map(|(k, &n)| PeriodPoint {
                    period: format!("2017-0{}", k + 1),
                    articles: n,
                    shares: vec![Some(1.0 / nf as f64); nf],
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        });
        let st = Style::new(1600, 1000);
        let svg = String::from_utf8(CHART.render_svg(&a, &st, st.h).unwrap()).unwrap();
        svg.lines()
            .filter(|l| l.contains("<circle") && l.contains("fill=\"#FFFFFF\""))
            .count()
    }

    #[test]
    fn thin_periods_have_hollow_markers() {
        assert_eq!(hollow_circles(&[5, 3, 4]), 0);
        assert_eq!(hollow_circles(&[5, 1, 4]), 1);
        assert_eq!(hollow_circles(&[2, 1, 4]), 2);
    }
}
