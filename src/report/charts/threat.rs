//! `threat_reassurance.png`: scatter of each article's reassurance (x) against
//! threat (y) per 1,000 words, with the y = x balance line and shaded halves.

use super::chart::Chart;
use super::labels::{short_title, MAX_ROWS};
use super::style::*;
use crate::model::Analysis;
use crate::model::{REASSURANCE, THREAT};
use crate::report::cautions;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The registry entry of `threat_reassurance.png`.
pub const CHART: Chart = Chart {
    stem: "threat_reassurance",
    alt: |_| "Threat and reassurance scores per article, in matching words per 1,000 words",
    description: "Chart: threat against reassurance per article.",
    applies: |_| true,
    cautions: cautions::threat_reassurance,
    draw_png: |root, a, st| draw(root, a, st),
    draw_svg: |root, a, st| draw(root, a, st),
};

/// Most labelled dots; more would crowd the plot.
const LABELS: usize = 20;
const TITLE: &str = "Threat versus reassurance language per article";

/// Draws the threat/reassurance scatter.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    a: &Analysis,
    st: &Style,
) -> Result<(), ChartError> {
    let ti = a.frames.iter().position(|f| f == THREAT);
    let ri = a.frames.iter().position(|f| f == REASSURANCE);
    let (Some(ti), Some(ri)) = (ti, ri) else {
        return placeholder(
            root,
            st,
            TITLE,
            &["This run has no \"threat\" and \"reassurance\" word lists, so there is nothing to compare.".to_string()],
        );
    };
    if a.articles.is_empty() {
        return placeholder(root, st, TITLE, &["No articles were analysed.".to_string()]);
    }
    let n = a.articles.len();
    // (article index, reassurance, threat), finite values only.
    let pts: Vec<(usize, f64, f64)> = a
        .articles
        .iter()
        .enumerate()
        .filter_map(|(i, art)| {
            let t = art.frames.get(ti)?.per_1k;
            let r = art.frames.get(ri)?.per_1k;
            (t.is_finite() && r.is_finite()).then_some((i, r, t))
        })
        .collect();
    let max = pts.iter().fold(0.0f64, |m, p| m.max(p.1).max(p.2));
    let top = if max > 0.0 { max * 1.08 } else { 1.0 };
    // Start a little below zero so dots at 0 are not cut by the axes.
    let lo = -0.03 * top;

    let mut sub = vec![
        "Each dot is one article. Further right = more reassurance words, higher up = more threat words (both per 1,000 words). Dots above the dashed balance line (threat = reassurance) use more threat than reassurance language.".to_string(),
    ];
    if pts.len() < n {
        sub.push(format!(
            "{} article(s) without usable threat/reassurance scores are not shown.",
            n - pts.len()
        ));
    }
    if n > label_budget(n) {
        sub.push(format!(
            "{} articles: only the most extreme are labelled (up to {}: those furthest from the balance line on either side, where a label fits); a thin line joins a label set apart to its dot.",
            n,
            label_budget(n)
        ));
    }
    let area = header(root, st, TITLE, &sub)?;
    let lf = st.label_font();
    let af = st.axis_font();
    let m = st.margin();
    let mut chart = ChartBuilder::on(&area)
        .margin_left(m)
        .margin_right(m * 2)
        .margin_bottom(m)
        .margin_top(st.px(6.0))
        .x_label_area_size(line_h(&lf) + line_h(&af) + st.px(16.0))
        .y_label_area_size(text_w(&lf, &format!("{:.1}", top)) + line_h(&af) + st.px(24.0))
        .build_cartesian_2d(lo..top, lo..top)
        .map_err(de)?;

    // Shaded halves first so the grid and dots stay on top.
    chart
        .draw_series([
            Polygon::new(
                vec![(lo, lo), (lo, top), (top, top)],
                tint(WARM, 0.9).filled(),
            ),
            Polygon::new(
                vec![(lo, lo), (top, lo), (top, top)],
                tint(COOL, 0.9).filled(),
            ),
        ])
        .map_err(de)?;
    chart
        .configure_mesh()
        .x_desc("Reassurance words per 1,000 words")
        .y_desc("Threat words per 1,000 words")
        .label_style(lf.color(&INK))
        .axis_desc_style(af.color(&INK))
        .bold_line_style(LIGHT.mix(0.8))
        .light_line_style(TRANSPARENT)
        .x_labels(10)
        .y_labels(10)
        .x_label_formatter(&|v| num(*v, 1))
        .y_label_formatter(&|v| num(*v, 1))
        .draw()
        .map_err(de)?;
    chart
        .draw_series(std::iter::once(DashedPathElement::new(
            vec![(lo, lo), (top, top)],
            st.px(10.0),
            st.px(6.0),
            MUTED.stroke_width(st.px(2.0) as u32),
        )))
        .map_err(de)?;

    let (xr, yr) = chart.plotting_area().get_pixel_range();
    let mut lab = Labeler::new((xr.start, yr.start, xr.end, yr.end));
    let nf = font(st.fs(20.0), true);
    let pad = st.px(12.0);
    let up = "↖ More threat than reassurance";
    let down = "More reassurance than threat ↘";
    text(
        root,
        up,
        &nf,
        RGBColor(160, 60, 0),
        (xr.start + pad, yr.start + pad),
        HPos::Left,
        VPos::Top,
    )?;
    text(
        root,
        down,
        &nf,
        RGBColor(0, 80, 140),
        (xr.end - pad, yr.end - pad),
        HPos::Right,
        VPos::Bottom,
    )?;
    let nh = line_h(&nf);
    lab.block((
        xr.start,
        yr.start,
        xr.start + pad * 2 + text_w(&nf, up),
        yr.start + pad + nh,
    ));
    lab.block((
        xr.end - pad * 2 - text_w(&nf, down),
        yr.end - pad - nh,
        xr.end,
        yr.end,
    ));

    let r = if n <= MAX_ROWS {
        st.px(7.0)
    } else if n <= 300 {
        st.px(5.0)
    } else {
        st.px(3.0)
    };
    let alpha = if n <= MAX_ROWS { 1.0 } else { 0.6 };
    let colour = |p: &(usize, f64, f64)| {
        if p.2 > p.1 {
            WARM
        } else if p.1 > p.2 {
            COOL
        } else {
            MUTED
        }
    };
    chart
        .draw_series(
            pts.iter()
                .map(|p| Circle::new((p.1, p.2), r, colour(p).mix(alpha).filled())),
        )
        .map_err(de)?;
    if n <= MAX_ROWS {
        chart
            .draw_series(
                pts.iter()
                    .map(|p| Circle::new((p.1, p.2), r, WHITE.stroke_width(1))),
            )
            .map_err(de)?;
    }

    // Candidates: the most extreme articles of each side in turn (furthest
    // from the balance line), so both halves get labels; few at large n.
    let max_labels = label_budget(n);
    let mut over: Vec<&(usize, f64, f64)> = pts.iter().filter(|p| p.2 > p.1).collect();
    let mut under: Vec<&(usize, f64, f64)> = pts.iter().filter(|p| p.2 <= p.1).collect();
    let far = |p: &&(usize, f64, f64)| (p.2 - p.1).abs();
    over.sort_by(|p, q| far(q).total_cmp(&far(p)).then(p.0.cmp(&q.0)));
    under.sort_by(|p, q| far(q).total_cmp(&far(p)).then(p.0.cmp(&q.0)));
    let mut order = Vec::new();
    let (mut oi, mut ui) = (over.into_iter(), under.into_iter());
    loop {
        let (a, b) = (oi.next(), ui.next());
        if a.is_none() && b.is_none() {
            break;
        }
        order.extend(a);
        order.extend(b);
    }
    let order: Vec<&(usize, f64, f64)> = order.into_iter().take(max_labels * 3).collect();
    let px = |p: &(usize, f64, f64)| chart.backend_coord(&(p.1, p.2));
    // Labels never cover a dot up to 300 articles; above that they may cover
    // the cloud (on a translucent box), but never a labelled dot.
    if n <= 300 {
        for p in &pts {
            let (x, y) = px(p);
            lab.block((x - r, y - r, x + r, y + r));
        }
    } else {
        for p in &order {
            let (x, y) = px(p);
            lab.block((x - r - 1, y - r - 1, x + r + 1, y + r + 1));
        }
    }
    let tf = st.value_font();
    let th = line_h(&tf);
    let mut placed = Vec::new();
    for p in order {
        if placed.len() >= max_labels {
            break;
        }
        let label = fit(&tf, &short_title(a, p.0), st.px(300.0));
        let w = text_w(&tf, &label);
        let c = px(p);
        if let Some(((x, y), displaced)) = lab.place_near(c, r, w, th) {
            placed.push((c, label, (x, y, x + w, y + th), displaced));
        }
    }
    // Leaders first, then the labels, then the labelled dots' rings on top.
    for (c, _, rect, displaced) in &placed {
        if *displaced {
            leader(root, *c, r, (rect.0 - 2, rect.1, rect.2 + 2, rect.3))?;
        }
    }
    for (_, label, rect, _) in &placed {
        halo_label(root, label, &tf, (rect.0, rect.1), (rect.2 - rect.0, th))?;
    }
    if n > MAX_ROWS {
        for (c, _, _, _) in &placed {
            root.draw(&Circle::new(*c, r + 1, INK.stroke_width(st.px(2.0) as u32)))
                .map_err(de)?;
        }
    }
    Ok(())
}

/// How many dots get a label: every extreme one for small corpora, a handful
/// of extremes for large ones (a wall of labels reads as noise).
fn label_budget(n: usize) -> usize {
    if n <= MAX_ROWS {
        n.min(LABELS)
    } else if n <= 300 {
        12
    } else {
        8
    }
}
