//! `threat_reassurance.png`: scatter of each article's reassurance (x) against
//! threat (y) per 1,000 words, with the y = x balance line and shaded halves.

use super::chart::Chart;
use super::labels::{article_label, MAX_ROWS};
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
    canvas_h: |_, st| st.h,
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
            "{} articles: up to {} are labelled: the most threat- and the most reassurance-framed (as named in the report), then those furthest from the balance line on either side, where a label fits; a thin line joins a label set apart to its dot. Numbers (#n) are those of the tables.",
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
    let nf = st.font(st.fs(20.0), true);
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

    let max_labels = label_budget(n);
    let order = label_order(&pts, max_labels);
    let tops = top_articles(&pts);
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
        let mut label = fit(&tf, &article_label(a, p.0), st.px(300.0));
        if tops.threat == Some(p.0) {
            label.push_str(" (most threat)");
        }
        if tops.reassurance == Some(p.0) {
            label.push_str(" (most reassurance)");
        }
        let w = text_w(&tf, &label);
        let c = px(p);
        match lab.place_near(c, r, w, th) {
            Some(((x, y), displaced)) => placed.push((c, label, (x, y, x + w, y + th), displaced)),
            // The articles the report names are labelled even when no free
            // spot is left: to the right of the dot, or left near the edge.
            None if tops.names(p.0) => {
                let x = if c.0 + r + 3 + w <= xr.end {
                    c.0 + r + 3
                } else {
                    c.0 - r - 3 - w
                };
                placed.push((c, label, (x, c.1 - th / 2, x + w, c.1 - th / 2 + th), false));
            }
            None => {}
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

/// The articles with the most threat and the most reassurance words per
/// 1,000 words (the first on ties, none when all are 0): the ones the report's
/// summary names, so they are always labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tops {
    threat: Option<usize>,
    reassurance: Option<usize>,
}

impl Tops {
    fn names(&self, i: usize) -> bool {
        self.threat == Some(i) || self.reassurance == Some(i)
    }
}

/// [`Tops`] of `(article, reassurance, threat)` points.
fn top_articles(pts: &[(usize, f64, f64)]) -> Tops {
    let best = |v: fn(&(usize, f64, f64)) -> f64| {
        let mut best: Option<(usize, f64)> = None;
        for p in pts {
            if v(p) > 0.0 && best.is_none_or(|(_, b)| v(p) > b) {
                best = Some((p.0, v(p)));
            }
        }
        best.map(|b| b.0)
    };
    Tops {
        threat: best(|p| p.2),
        reassurance: best(|p| p.1),
    }
}

/// The points to try labelling, best first: the most threat- and the most
/// reassurance-framed article, then the articles furthest from the balance
/// line on either side in turn (so both halves get labels); `max * 3`
/// candidates at most, since some find no free spot.
fn label_order(pts: &[(usize, f64, f64)], max: usize) -> Vec<&(usize, f64, f64)> {
    let tops = top_articles(pts);
    let mut order: Vec<&(usize, f64, f64)> = Vec::new();
    for t in [tops.threat, tops.reassurance].into_iter().flatten() {
        if let Some(p) = pts.iter().find(|p| p.0 == t) {
            if !order.iter().any(|q| q.0 == t) {
                order.push(p);
            }
        }
    }
    let rest = |p: &&(usize, f64, f64)| !tops.names(p.0);
    let mut over: Vec<&(usize, f64, f64)> = pts.iter().filter(|p| p.2 > p.1).filter(rest).collect();
    let mut under: Vec<&(usize, f64, f64)> =
        pts.iter().filter(|p| p.2 <= p.1).filter(rest).collect();
    let far = |p: &&(usize, f64, f64)| (p.2 - p.1).abs();
    over.sort_by(|p, q| far(q).total_cmp(&far(p)).then(p.0.cmp(&q.0)));
    under.sort_by(|p, q| far(q).total_cmp(&far(p)).then(p.0.cmp(&q.0)));
    let (mut oi, mut ui) = (over.into_iter(), under.into_iter());
    loop {
        let (a, b) = (oi.next(), ui.next());
        if a.is_none() && b.is_none() {
            break;
        }
        order.extend(a);
        order.extend(b);
    }
    order.truncate(max.max(2) * 3);
    order
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_named_articles_are_labelled_first() {
        // (article, reassurance, threat): #3 has the most threat but is not the
        // furthest from the balance line (#5 is); #2 has the most reassurance.
        let pts = vec![
            (0, 1.0, 10.0),
            (1, 30.0, 0.0),
            (2, 40.0, 60.0),
            (3, 9.0, 8.0),
            (4, 0.0, 59.0),
        ];
        let tops = top_articles(&pts);
        assert_eq!(
            tops,
            Tops {
                threat: Some(2),
                reassurance: Some(2)
            }
        );
        let order: Vec<usize> = label_order(&pts, 2).iter().map(|p| p.0).collect();
        assert_eq!(order[0], 2);
        assert_eq!(order.iter().filter(|&&i| i == 2).count(), 1, "{order:?}");
        assert_eq!(&order[1..3], &[4, 1], "then the extremes of each side");
        let none = top_articles(&[(0, 0.0, 0.0)]);
        assert_eq!(
            none,
            Tops {
                threat: None,
                reassurance: None
            }
        );
    }

    #[test]
    fn sixty_article_scatter_labels_the_top_articles() {
        let a = crate::model::example(60);
        let ti = a.frames.iter().position(|f| f == THREAT).unwrap();
        let ri = a.frames.iter().position(|f| f == REASSURANCE).unwrap();
        let pts: Vec<(usize, f64, f64)> = a
            .articles
            .iter()
            .enumerate()
            .map(|(i, x)| (i, x.frames[ri].per_1k, x.frames[ti].per_1k))
            .collect();
        let order = label_order(&pts, label_budget(60));
        let tops = top_articles(&pts);
        assert!(tops.threat.is_some() && tops.reassurance.is_some());
        let first: Vec<usize> = order.iter().take(2).map(|p| p.0).collect();
        for t in [tops.threat, tops.reassurance].into_iter().flatten() {
            assert!(first.contains(&t), "{t} not among {first:?}");
        }
    }
}
