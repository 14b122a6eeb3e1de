//! `keyness.png`: the most over- and under-represented terms of each group
//! (or, with one group, each cluster) as diverging bars of signed G2, one
//! panel per group.

use super::chart::Chart;
use super::style::*;
use crate::model::{Analysis, KeyTerm, KeynessComparison};
use crate::report::cautions;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The registry entry of `keyness.png`.
pub const CHART: Chart = Chart {
    stem: "keyness",
    alt: |_| {
        "Most over- and under-represented terms of each group as diverging bars of log-likelihood"
    },
    description: "Chart: key terms per group (or cluster).",
    applies: |a| {
        a.keyness
            .as_ref()
            .is_some_and(|k| !k.comparisons.is_empty())
    },
    canvas_h: |a, st| {
        // Each grid row of panels holds up to 2 x PER_SIDE bars.
        let grid_rows = match compared(a).len() {
            0..=3 => 1,
            4 => 2,
            n => n.min(MAX_PANELS).div_ceil(3),
        };
        st.rows_height(
            grid_rows * 2 * PER_SIDE,
            30.0,
            200.0 + 70.0 * grid_rows as f64,
        )
    },
    cautions: cautions::none,
    draw_png: |root, a, st| draw(root, a, st),
    draw_svg: |root, a, st| draw(root, a, st),
};

const TITLE: &str = "Key terms: what each group says more, and less, than the rest";
/// Title when exactly two groups (or clusters) are compared.
const PAIR_TITLE: &str = "Key terms: what each of the two groups says more than the other";
/// Terms per direction in a panel.
const PER_SIDE: usize = 8;
/// Most panels drawn; all comparisons are in keyness.csv, and the chart
/// names those it leaves out.
const MAX_PANELS: usize = 12;

/// The comparisons drawn: by group when there are any, by cluster otherwise.
fn compared(a: &Analysis) -> Vec<&KeynessComparison> {
    let Some(k) = a.keyness.as_ref() else {
        return Vec::new();
    };
    let by = |what: &str| -> Vec<&KeynessComparison> {
        k.comparisons.iter().filter(|c| c.by == what).collect()
    };
    let groups = by("group");
    if groups.is_empty() {
        by("cluster")
    } else {
        groups
    }
}

/// The note naming the comparisons not drawn (beyond [`MAX_PANELS`]), if any.
fn left_out_note(panels: &[&KeynessComparison], what: &str) -> Option<String> {
    let rest = panels.get(MAX_PANELS..).filter(|r| !r.is_empty())?;
    let names: Vec<&str> = rest.iter().map(|c| c.group.as_str()).collect();
    Some(format!(
        "{} comparisons: showing the first {}; not drawn here, but in keyness.csv and the report: {} ({}).",
        panels.len(),
        MAX_PANELS,
        names.join(", "),
        if names.len() == 1 {
            what.to_string()
        } else {
            format!("{what}s")
        }
    ))
}

/// Draws the keyness panels.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    a: &Analysis,
    st: &Style,
) -> Result<(), ChartError> {
    if a.keyness.is_none() {
        return placeholder(root, st, TITLE, &["Keyness was not computed.".to_string()]);
    }
    let panels = compared(a);
    let what = if panels.first().is_some_and(|c| c.by == "cluster") {
        "cluster"
    } else {
        "group"
    };
    if panels.is_empty() {
        return placeholder(
            root,
            st,
            TITLE,
            &["No group or cluster could be compared.".to_string()],
        );
    }
    // With two groups, "A against the rest" and "B against the rest" are the
    // same comparison mirrored: one panel, A's words on the right, B's on the left.
    let pair = match panels.as_slice() {
        [x, y] => Some((*x, *y)),
        _ => None,
    };
    let mut sub = match pair {
        Some((x, y)) => vec![format!(
            "The two {what}s compared with each other. Blue bars (right): terms {} uses more than {}; orange bars (left): terms {} uses more. Bar length: log-likelihood G2, printed at the bar's end (negative for the terms {} uses more, as in keyness.csv); dashed lines mark G2 = 3.84 (inner, p < 0.05) and 10.83 (outer, p < 0.001), where they fit the scale. In brackets: count in {} / count in {}.",
            x.group, y.group, y.group, y.group, x.group, y.group
        )],
        None => vec![format!(
            "Each panel compares one {what} with all other articles. Blue bars (right): terms used more in the {what}; orange bars (left): terms used less. Bar length: log-likelihood G2, printed at the bar's end, negative for terms used less (as in keyness.csv); dashed lines mark |G2| = 3.84 (inner, p < 0.05) and 10.83 (outer, p < 0.001), where they fit the panel's scale. In brackets: count in the {what} / count in the rest."
        )],
    };
    if what == "cluster" {
        sub.push(
            "There is only one group, so the vocabulary clusters are compared instead.".into(),
        );
    }
    if let Some(note) = left_out_note(&panels, what) {
        sub.push(note);
    }
    let title = if pair.is_some() { PAIR_TITLE } else { TITLE };
    let area = header(root, st, title, &sub)?;
    if let Some((x, y)) = pair {
        return panel(&area, x, Some(y), st);
    }
    let panels = &panels[..panels.len().min(MAX_PANELS)];
    let cols = match panels.len() {
        1 => 1,
        2 | 4 => 2,
        _ => 3,
    };
    let rows = panels.len().div_ceil(cols);
    let cells = area.split_evenly((rows, cols));
    for (cell, c) in cells.iter().zip(panels) {
        panel(cell, c, None, st)?;
    }
    Ok(())
}

/// One comparison: title, then over-represented terms above the
/// under-represented ones, bars diverging from a centre line.
/// With `other` (the second of exactly two groups) the panel is titled as
/// the pair, and the sides are named after the groups.
fn panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &KeynessComparison,
    other: Option<&KeynessComparison>,
    st: &Style,
) -> Result<(), ChartError> {
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let m = st.margin();
    let tf = st.font(st.fs(20.0), true);
    let title = match other {
        Some(o) => format!(
            "{} ({} articles) against {} ({} articles)",
            c.group, c.articles, o.group, o.articles
        ),
        None => format!("{} ({} articles)", c.group, c.articles),
    };
    text(
        area,
        &fit(&tf, &title, w - 2 * m),
        &tf,
        INK,
        (m, st.px(4.0)),
        HPos::Left,
        VPos::Top,
    )?;
    let over: Vec<&KeyTerm> = c
        .terms
        .iter()
        .filter(|t| t.g2 > 0.0)
        .take(PER_SIDE)
        .collect();
    let under: Vec<&KeyTerm> = c
        .terms
        .iter()
        .filter(|t| t.g2 < 0.0)
        .take(PER_SIDE)
        .collect();
    let rows: Vec<&KeyTerm> = over.iter().chain(under.iter()).copied().collect();
    let mut top = st.px(8.0) + line_h(&tf) + st.px(6.0);
    if let Some(o) = other {
        // Which side is whose, above the centre line.
        let sf = st.font(st.label_font().get_size(), true);
        let y = top;
        let mid = w / 2;
        let gap = st.px(10.0);
        text(
            area,
            &fit(&sf, &format!("◀ more in {}", o.group), mid - m - gap),
            &sf,
            RGBColor(160, 60, 0),
            (mid - gap, y),
            HPos::Right,
            VPos::Top,
        )?;
        text(
            area,
            &fit(&sf, &format!("more in {} ▶", c.group), mid - m - gap),
            &sf,
            RGBColor(0, 80, 140),
            (mid + gap, y),
            HPos::Left,
            VPos::Top,
        )?;
        top += line_h(&sf) + st.px(6.0);
    }
    if rows.is_empty() {
        let f = st.label_font();
        return text(
            area,
            "no term reaches the minimum frequency",
            &f,
            MUTED,
            (m, top),
            HPos::Left,
            VPos::Top,
        );
    }
    let avail = (h - top - m).max(10);
    let rh = (avail / rows.len() as i32).clamp(1, st.px(44.0));
    let lf = st.font(st.label_font().get_size().min(rh as f64 * 0.75), false);
    let max = rows
        .iter()
        .map(|t| finite(t.g2).abs())
        .fold(0.0f64, f64::max)
        .max(1e-9);
    let vf = st.font(st.value_font().get_size().min(rh as f64 * 0.7), false);
    let mid = w / 2;
    // Room at the bar's end for its G2 value.
    let value_w = text_w(&vf, &num(-max, 1)) + st.px(6.0);
    let half = (w / 2 - m - st.px(6.0) - value_w).max(10);
    let x_of = |g2: f64| ((g2.abs() / max) * half as f64).round() as i32;
    // Labels sit on the empty side of the centre line, so bars and words never overlap.
    for (r, t) in rows.iter().enumerate() {
        let y0 = top + r as i32 * rh;
        let len = x_of(finite(t.g2));
        let (x0, x1, colour) = if t.g2 > 0.0 {
            (mid, mid + len.max(1), COOL)
        } else {
            (mid - len.max(1), mid, WARM)
        };
        area.draw(&Rectangle::new(
            [(x0, y0 + rh / 8), (x1, y0 + rh - rh / 8)],
            colour.filled(),
        ))
        .map_err(de)?;
        let label = format!("{} ({}/{})", t.term, t.freq_group, t.freq_rest);
        let gap = st.px(6.0);
        // Signed, as in keyness.csv and the report's text.
        let g2 = num(finite(t.g2), 1);
        if t.g2 > 0.0 {
            text(
                area,
                &g2,
                &vf,
                INK,
                (x1 + gap / 2, y0 + rh / 2),
                HPos::Left,
                VPos::Center,
            )?;
        } else {
            text(
                area,
                &g2,
                &vf,
                INK,
                (x0 - gap / 2, y0 + rh / 2),
                HPos::Right,
                VPos::Center,
            )?;
        }
        if t.g2 > 0.0 {
            let l = fit(&lf, &label, half);
            text(
                area,
                &l,
                &lf,
                INK,
                (mid - gap, y0 + rh / 2),
                HPos::Right,
                VPos::Center,
            )?;
        } else {
            let l = fit(&lf, &label, half);
            text(
                area,
                &l,
                &lf,
                INK,
                (mid + gap, y0 + rh / 2),
                HPos::Left,
                VPos::Center,
            )?;
        }
    }
    // Significance thresholds, drawn over the bars so a bar's reach past
    // them shows; on the bar side of each block only (over-
    // represented bars grow right, under-represented left), so the lines
    // never cross the term labels on the other side.
    let bottom = top + rh * rows.len() as i32;
    let split = top + rh * over.len() as i32;
    let mut label_right = i32::MIN;
    for g in [3.84, 10.83] {
        let dx = x_of(g);
        if dx < st.px(4.0) || g > max {
            continue;
        }
        for (x, y0, y1) in [(mid + dx, top, split), (mid - dx, split, bottom)] {
            if y1 > y0 {
                area.draw(&plotters::element::DashedPathElement::new(
                    vec![(x, y0), (x, y1)],
                    st.px(4.0),
                    st.px(4.0),
                    MUTED.stroke_width(1),
                ))
                .map_err(de)?;
            }
        }
        // The threshold's value under the lowest line, where it does not
        // collide with the centre line or the other value.
        let lab = num(g, 2);
        let lw = text_w(&vf, &lab);
        // Distance of the label's inner edge from the centre line.
        let inner = dx - lw / 2;
        if inner > st.px(2.0) && inner > label_right + st.px(4.0) {
            let lx = if under.is_empty() { mid + dx } else { mid - dx };
            text(
                area,
                &lab,
                &vf,
                MUTED,
                (lx, bottom + st.px(2.0)),
                HPos::Center,
                VPos::Top,
            )?;
            label_right = dx + lw / 2;
        }
    }
    area.draw(&PathElement::new(
        vec![(mid, top), (mid, top + rh * rows.len() as i32)],
        INK.stroke_width(st.px(2.0) as u32),
    ))
    .map_err(de)?;
    if !over.is_empty() && !under.is_empty() {
        let y = top + rh * over.len() as i32;
        area.draw(&PathElement::new(
            vec![(m, y), (w - m, y)],
            LIGHT.stroke_width(1),
        ))
        .map_err(de)?;
    }
    Ok(())
}
