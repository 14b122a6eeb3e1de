//! `clusters.png`: the 2-D article map coloured (and shaped) by cluster, with
//! the cluster labels in a legend beside the plot and a sample of titles.

use super::chart::Chart;
use super::labels::{article_label, cluster_name, MAX_ROWS};
use super::placement::Labeler;
use super::style::*;
use crate::model::Analysis;
use crate::report::cautions;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use std::collections::HashMap;

/// The registry entry of `clusters.png`.
pub const CHART: Chart = Chart {
    stem: "clusters",
    alt: |_| "Two-dimensional map of the articles, coloured by vocabulary cluster",
    description: "Chart: map of the articles coloured by cluster.",
    applies: |_| true,
    canvas_h: |_, st| st.h,
    cautions: cautions::clusters,
    draw_png: |root, a, st| draw(root, a, st),
    draw_svg: |root, a, st| draw(root, a, st),
};

const TITLE: &str = "Map of articles by the words they use, coloured by cluster";

/// Colour and shape of cluster `c` (see [`category_look`]): eleven colours,
/// then the shape changes, so no two clusters of a run look alike.
pub fn cluster_look(c: usize) -> (RGBColor, usize) {
    category_look(c)
}

/// Draws a marker of `shape` (0 circle, 1 triangle, 2 square, 3 diamond) centred on pixel `p`.
pub fn marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    shape: usize,
    p: (i32, i32),
    r: i32,
    style: ShapeStyle,
) -> Result<(), ChartError> {
    match shape {
        1 => {
            // plotters' TriangleMarker always fills, so outlines are drawn as a path.
            let s = (r + 2) as f64;
            let v: Vec<(i32, i32)> = [-90.0f64, 30.0, 150.0]
                .iter()
                .map(|d| {
                    let a = d.to_radians();
                    (
                        p.0 + (a.cos() * s).round() as i32,
                        p.1 + (a.sin() * s).round() as i32,
                    )
                })
                .collect();
            if style.filled {
                area.draw(&Polygon::new(v, style))
            } else {
                let mut closed = v.clone();
                closed.push(v[0]);
                area.draw(&PathElement::new(closed, style))
            }
        }
        2 => area.draw(&Rectangle::new(
            [(p.0 - r, p.1 - r), (p.0 + r, p.1 + r)],
            style,
        )),
        3 => {
            let s = r + 2;
            let v = vec![
                (p.0, p.1 - s),
                (p.0 + s, p.1),
                (p.0, p.1 + s),
                (p.0 - s, p.1),
            ];
            if style.filled {
                area.draw(&Polygon::new(v, style))
            } else {
                let mut closed = v.clone();
                closed.push(v[0]);
                area.draw(&PathElement::new(closed, style))
            }
        }
        _ => area.draw(&Circle::new(p, r, style)),
    }
    .map_err(de)
}

/// Draws the cluster map, or a placeholder when there is no clustering.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    a: &Analysis,
    st: &Style,
) -> Result<(), ChartError> {
    let Some(c) = a.clustering.as_ref() else {
        return placeholder(
            root,
            st,
            TITLE,
            &[format!(
                "No cluster map: grouping articles needs at least 3 articles, and this run has {}.",
                a.articles.len()
            )],
        );
    };
    let index: HashMap<&str, usize> = a
        .articles
        .iter()
        .enumerate()
        .map(|(i, art)| (art.id.as_str(), i))
        .collect();
    // (assignment index, x, y, cluster), finite coordinates only.
    let pts: Vec<(usize, f64, f64, usize)> = c
        .assignments
        .iter()
        .enumerate()
        .filter(|(_, s)| s.x.is_finite() && s.y.is_finite())
        .map(|(i, s)| (i, s.x, s.y, s.cluster))
        .collect();
    if pts.is_empty() {
        return placeholder(
            root,
            st,
            TITLE,
            &["No article has usable map coordinates, so the map cannot be drawn.".to_string()],
        );
    }
    let n = pts.len();
    let mut sub = vec![format!(
        "Each marker is an article, placed so that articles using similar distinctive (TF-IDF) words sit close together; the axes have no units. Colour and shape show the {} clusters found ({}, mean silhouette {:.2}: closer to 1 = better separated).",
        c.k,
        k_words(&c.k_chosen_by),
        finite(c.silhouette)
    )];
    if c.assignments.len() > n {
        sub.push(format!(
            "{} article(s) without map coordinates are not shown.",
            c.assignments.len() - n
        ));
    }
    if n > MAX_ROWS {
        sub.push(format!(
            "{} articles: only a sample (the most central article of each cluster first) is labelled; a thin line joins a label set apart to its marker.",
            n
        ));
    }
    let area = header(root, st, TITLE, &sub)?;
    let (w, _) = area.dim_in_pixel();
    let legend_w = (w as f64 * 0.27) as u32;
    let (plot_area, legend) = area.split_horizontally(w - legend_w);

    let (mut x0, mut x1, mut y0, mut y1) = pts.iter().fold(
        (f64::MAX, f64::MIN, f64::MAX, f64::MIN),
        |(a0, a1, b0, b1), p| (a0.min(p.1), a1.max(p.1), b0.min(p.2), b1.max(p.2)),
    );
    // Pad the ranges; a degenerate range (all points equal) gets a unit span.
    for (lo, hi) in [(&mut x0, &mut x1), (&mut y0, &mut y1)] {
        let span = *hi - *lo;
        let pad = if span > 0.0 { span * 0.08 } else { 1.0 };
        *lo -= pad;
        *hi += pad;
    }
    let lf = st.label_font();
    let af = st.axis_font();
    let m = st.margin();
    let mut chart = ChartBuilder::on(&plot_area)
        .margin_left(m)
        .margin_right(st.px(10.0))
        .margin_bottom(m)
        .margin_top(st.px(6.0))
        .x_label_area_size(line_h(&lf) + line_h(&af) + st.px(16.0))
        .y_label_area_size(text_w(&lf, "-0.00") + line_h(&af) + st.px(24.0))
        .build_cartesian_2d(x0..x1, y0..y1)
        .map_err(de)?;
    chart
        .configure_mesh()
        .x_desc("Map dimension 1")
        .y_desc("Map dimension 2")
        .label_style(lf.color(&INK))
        .axis_desc_style(af.color(&INK))
        .bold_line_style(LIGHT.mix(0.6))
        .light_line_style(TRANSPARENT)
        .x_label_formatter(&|v| num(*v, 2))
        .y_label_formatter(&|v| num(*v, 2))
        .draw()
        .map_err(de)?;

    let r = if n <= MAX_ROWS {
        st.px(8.0)
    } else if n <= 300 {
        st.px(5.0)
    } else {
        st.px(3.5)
    };
    let alpha = if n <= MAX_ROWS { 1.0 } else { 0.7 };
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    let mut lab = Labeler::new((xr.start, yr.start, xr.end, yr.end));
    let px = |p: &(usize, f64, f64, usize)| chart.backend_coord(&(p.1, p.2));
    for p in &pts {
        let (col, shape) = cluster_look(p.3);
        marker(root, shape, px(p), r, col.mix(alpha).filled())?;
        if n <= MAX_ROWS {
            marker(
                root,
                shape,
                px(p),
                r,
                ShapeStyle::from(&INK).stroke_width(1),
            )?;
        }
    }

    // Central articles first, then corpus order.
    let central: Vec<&str> = c
        .clusters
        .iter()
        .map(|ci| ci.central_article.as_str())
        .collect();
    let mut order: Vec<&(usize, f64, f64, usize)> = pts.iter().collect();
    order.sort_by_key(|p| {
        let id = c.assignments[p.0].article_id.as_str();
        (!central.contains(&id), p.0)
    });
    let max_labels = if n <= MAX_ROWS { n } else { 12 };
    let order: Vec<_> = order.into_iter().take(max_labels * 3).collect();
    // Labels never cover a marker up to 300 articles; above that they may
    // cover the cloud (on a translucent box) but never a labelled marker.
    let blocked: Vec<&(usize, f64, f64, usize)> = if n <= 300 {
        pts.iter().collect()
    } else {
        order.clone()
    };
    for p in blocked {
        let (x, y) = px(p);
        lab.block((x - r - 2, y - r - 2, x + r + 2, y + r + 2));
    }
    let tf = st.value_font();
    let th = line_h(&tf);
    let mut placed = Vec::new();
    for p in order {
        if placed.len() >= max_labels {
            break;
        }
        let id = c.assignments[p.0].article_id.as_str();
        let title = index
            .get(id)
            .map(|&i| article_label(a, i))
            .unwrap_or_else(|| id.to_string());
        let label = fit(&tf, &title, st.px(280.0));
        let w = text_w(&tf, &label);
        let at = px(p);
        if let Some(((x, y), displaced)) = lab.place_near(at, r + 2, w, th) {
            placed.push((p, at, label, (x, y, x + w, y + th), displaced));
        }
    }
    // Leaders, then labels, then the labelled markers' rings on top, so no
    // marker is ever drawn over label text.
    for (_, at, _, rect, displaced) in &placed {
        if *displaced {
            leader(root, *at, r + 1, (rect.0 - 2, rect.1, rect.2 + 2, rect.3))?;
        }
    }
    for (_, _, label, rect, _) in &placed {
        halo_label(root, label, &tf, (rect.0, rect.1), (rect.2 - rect.0, th))?;
    }
    if n > MAX_ROWS {
        for (p, at, _, _, _) in &placed {
            // Ring the labelled marker so the label's owner is visible in a dense map.
            let (_, shape) = cluster_look(p.3);
            marker(
                root,
                shape,
                *at,
                r + 1,
                ShapeStyle::from(&INK).stroke_width(st.px(2.0) as u32),
            )?;
        }
    }
    draw_legend(&legend, a, st)
}

/// How k was chosen, in words: "k fixed by --k" or "k chosen by silhouette".
pub fn k_words(chosen_by: &str) -> String {
    match chosen_by {
        "fixed" => "k fixed by --k".to_string(),
        "" => "k chosen automatically".to_string(),
        other => format!("k chosen by {other}"),
    }
}

/// The legend panel: one entry per cluster, largest first when not all fit.
fn draw_legend<DB: DrawingBackend>(
    legend: &DrawingArea<DB, Shift>,
    a: &Analysis,
    st: &Style,
) -> Result<(), ChartError> {
    let Some(c) = a.clustering.as_ref() else {
        return Ok(());
    };
    let (w, h) = legend.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let m = st.margin();
    let hf = st.font(st.fs(18.0), true);
    let bf = st.font(st.fs(15.0), true);
    let lf = st.font(st.fs(15.0), false);
    let r = st.px(8.0);
    let text_x = st.px(10.0) + 2 * r + st.px(10.0);
    let max_w = w - text_x - m;
    let mut y = st.px(6.0);
    text(
        legend,
        "Clusters (top words)",
        &hf,
        INK,
        (st.px(10.0), y),
        HPos::Left,
        VPos::Top,
    )?;
    y += line_h(&hf) + st.px(8.0);
    let entry_h = line_h(&bf) + 2 * line_h(&lf) + st.px(10.0);
    let fits = ((h - y - m) / entry_h.max(1)).max(1) as usize;
    let mut ids: Vec<&crate::model::ClusterInfo> = c.clusters.iter().collect();
    let hidden = ids.len().saturating_sub(fits);
    if hidden > 0 {
        // Keep the largest clusters, then show them in id order.
        ids.sort_by(|p, q| q.size.cmp(&p.size).then(p.id.cmp(&q.id)));
        ids.truncate(fits.saturating_sub(1).max(1));
        ids.sort_by_key(|ci| ci.id);
    }
    for ci in &ids {
        let (col, shape) = cluster_look(ci.id);
        let cy = y + line_h(&bf) / 2;
        marker(legend, shape, (st.px(10.0) + r, cy), r, col.filled())?;
        marker(
            legend,
            shape,
            (st.px(10.0) + r, cy),
            r,
            ShapeStyle::from(&INK).stroke_width(1),
        )?;
        let head = format!(
            "Cluster {} · {} article{}",
            ci.id + 1,
            ci.size,
            if ci.size == 1 { "" } else { "s" }
        );
        text(
            legend,
            &fit(&bf, &head, max_w),
            &bf,
            INK,
            (text_x, y),
            HPos::Left,
            VPos::Top,
        )?;
        y += line_h(&bf);
        let name = cluster_name(a, ci.id);
        let label = name.split_once(": ").map(|x| x.1).unwrap_or("(no label)");
        for line in wrap(&lf, label, max_w).into_iter().take(2) {
            text(
                legend,
                &line,
                &lf,
                MUTED,
                (text_x, y),
                HPos::Left,
                VPos::Top,
            )?;
            y += line_h(&lf);
        }
        y += st.px(10.0);
    }
    if c.clusters.len() > ids.len() {
        let more = format!(
            "+ {} smaller clusters (see the tables)",
            c.clusters.len() - ids.len()
        );
        text(
            legend,
            &fit(&lf, &more, w - m),
            &lf,
            MUTED,
            (st.px(10.0), y),
            HPos::Left,
            VPos::Top,
        )?;
    }
    Ok(())
}
