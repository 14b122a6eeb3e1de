//! `keyness.png`: the most over- and under-represented terms of each group
//! (or, with one group, each cluster) as diverging bars of signed G2, one
//! panel per group.
//!
//! A bar's label (term and counts) sits on the other side of the centre
//! line and is drawn whole: the grid has as many columns (up to three) as
//! let the widest label fit, measured in the embedded font ([`columns`]);
//! only a term too long for a panel as wide as the chart is shortened, its
//! counts kept ([`fit_label`]).

use super::chart::Chart;
use super::style::*;
use crate::model::{Analysis, KeyTerm, KeynessComparison};
use crate::report::cautions;
use crate::report::format::int;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The registry entry of `keyness.png`.
pub const CHART: Chart = Chart {
    stem: "keyness",
    alt: |_| {
        "Most over- and under-represented terms of each group as diverging bars of log-likelihood"
    },
    applies: |a| {
        a.keyness
            .as_ref()
            .is_some_and(|k| !k.comparisons.is_empty())
    },
    canvas_h: |a, st| {
        // Each grid row of panels holds up to 2 x PER_SIDE bars.
        let panels = compared(a);
        let grid_rows = match panels.len() {
            0..=2 => 1,
            n => n.min(MAX_PANELS).div_ceil(columns(&panels, st)),
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

/// The terms a panel draws: the over-represented ones, then the
/// under-represented ones, at most [`PER_SIDE`] each.
fn drawn(c: &KeynessComparison) -> (Vec<&KeyTerm>, Vec<&KeyTerm>) {
    let side = |over: bool| -> Vec<&KeyTerm> {
        c.terms
            .iter()
            .filter(|t| if over { t.g2 > 0.0 } else { t.g2 < 0.0 })
            .take(PER_SIDE)
            .collect()
    };
    (side(true), side(false))
}

/// A bar's label: the term and, in brackets, its counts in the group and
/// in the rest.
fn label_text(t: &KeyTerm, group_articles: usize) -> String {
    format!("{}{}", t.term, counts(t, group_articles))
}

/// A label's brackets: the counts, and "1 article" when a word the group
/// uses more comes from one of its several articles (a fact about that
/// article, not the group).
fn counts(t: &KeyTerm, group_articles: usize) -> String {
    let one = t.g2 > 0.0 && t.articles_group == 1 && group_articles > 1;
    format!(
        " ({}/{}{})",
        t.freq_group,
        t.freq_rest,
        if one { ", 1 article" } else { "" }
    )
}

/// The font of the bar labels at its largest (a panel with many rows may
/// use a smaller one, never a larger).
fn label_font(st: &Style) -> FontDesc<'static> {
    st.font(st.label_font().get_size(), false)
}

/// Width a label may take in a panel `panel_w` pixels wide: from the margin
/// to just short of the centre line. A label sits on the side its bar does
/// not take, where the other block's bars are drawn in other rows.
fn label_room(panel_w: i32, st: &Style) -> i32 {
    panel_w / 2 - st.margin() - st.px(6.0)
}

/// Columns of the grid of panels: 1, 2 or 3 as the number of panels
/// suggests, but no more than let the widest label of the panels drawn sit
/// whole beside the centre line (measured in the charts' embedded font).
fn columns(panels: &[&KeynessComparison], st: &Style) -> usize {
    let preferred = match panels.len() {
        0 | 1 => 1,
        2 | 4 => 2,
        _ => 3,
    };
    let lf = label_font(st);
    let widest = panels
        .iter()
        .take(MAX_PANELS)
        .flat_map(|c| {
            let (over, under) = drawn(c);
            over.into_iter().chain(under).map(|t| (t, c.articles))
        })
        .map(|(t, n)| text_w(&lf, &label_text(t, n)))
        .max()
        .unwrap_or(0);
    (1..=preferred)
        .rev()
        .find(|&cols| label_room(st.w as i32 / cols as i32, st) >= widest)
        .unwrap_or(1)
}

/// `label` made to fit `room` pixels: whole when it fits; otherwise the
/// term is shortened with an ellipsis and the counts are kept (keyness.csv
/// has the term whole). Only a term too long for a whole-width panel is
/// shortened ([`columns`] narrows the grid first).
fn fit_label(f: &FontDesc, t: &KeyTerm, group_articles: usize, room: i32) -> String {
    let whole = label_text(t, group_articles);
    if text_w(f, &whole) <= room {
        return whole;
    }
    // Measured whole, as drawn: widths of parts need not add up.
    let counts = counts(t, group_articles);
    let chars: Vec<char> = t.term.chars().collect();
    let cut = |n: usize| {
        let head: String = chars[..n].iter().collect();
        format!("{}…{counts}", head.trim_end())
    };
    // The most characters that fit (widths grow with length).
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if text_w(f, &cut(mid)) <= room {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    cut(lo)
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
            "The two {what}s compared with each other. Blue bars (right): terms {} uses more than {}; orange bars (left): terms {} uses more. Bar length: log-likelihood G2, printed at the bar's end (negative for the terms {} uses more, as in keyness.csv); dashed lines mark G2 = 3.84 (inner, p < 0.05) and 10.83 (outer, p < 0.001), where they fit the scale. In brackets: count in {} / count in {}; \"1 article\" when one article supplies all of a group's uses.",
            x.group, y.group, y.group, y.group, x.group, y.group
        )],
        None => vec![format!(
            "Each panel compares one {what} with all other articles. Blue bars (right): terms used more in the {what}; orange bars (left): terms used less. Bar length: log-likelihood G2, printed at the bar's end, negative for terms used less (as in keyness.csv); dashed lines mark |G2| = 3.84 (inner, p < 0.05) and 10.83 (outer, p < 0.001), where they fit the panel's scale. In brackets: count in the {what} / count in the rest; \"1 article\" when one article supplies all of the {what}'s uses (a fact about that article, not the {what})."
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
    let cols = columns(panels, st);
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
            c.group,
            int(c.articles),
            o.group,
            int(o.articles)
        ),
        None => format!("{} ({} articles)", c.group, int(c.articles)),
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
    let (over, under) = drawn(c);
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
    let lf = st.font(label_font(st).get_size().min(rh as f64 * 0.75), false);
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
    // Values are drawn last, over the threshold lines (see below).
    let mut values = Vec::with_capacity(rows.len());
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
        let label = fit_label(&lf, t, c.articles, label_room(w, st));
        let gap = st.px(6.0);
        // Signed, as in keyness.csv and the report's text.
        let g2 = num(finite(t.g2), 1);
        // The value beyond the bar's end, the label across the centre line.
        let y = y0 + rh / 2;
        if t.g2 > 0.0 {
            values.push((g2, (x1 + gap / 2, y), Side::Right));
            bar_label(area, &label, &lf, INK, (mid - gap, y), Side::Left)?;
        } else {
            values.push((g2, (x0 - gap / 2, y), Side::Left));
            bar_label(area, &label, &lf, INK, (mid + gap, y), Side::Right)?;
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
    // A bar ending just short of a threshold has its value where the line
    // runs: the value goes over the line on a white ground, readable.
    for (g2, (x, y), side) in &values {
        let tw = text_w(&vf, g2);
        let half = (vf.get_size() * 0.45).ceil() as i32;
        let (l, r) = match side {
            Side::Right => (*x, x + tw),
            Side::Left => (x - tw, *x),
        };
        area.draw(&Rectangle::new(
            [(l - 1, y - half), (r + 1, y + half)],
            WHITE.filled(),
        ))
        .map_err(de)?;
        bar_label(area, g2, &vf, INK, (*x, *y), *side)?;
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

#[cfg(test)]
mod tests {
    use super::super::chart::svg_texts;
    use super::*;
    use crate::model::{example, Keyness};

    fn term(term: &str, a: usize, b: usize, g2: f64) -> KeyTerm {
        KeyTerm {
            term: term.into(),
            freq_group: a,
            freq_rest: b,
            g2,
            ..Default::default()
        }
    }

    /// `n` cluster comparisons whose terms are `words`, the first counted
    /// `a` times in the cluster and `b` times in the rest.
    fn with_clusters(n: usize, words: &[&str], a: usize, b: usize) -> Analysis {
        let (ca, cb) = (a, b);
        let mut a = example(6);
        let comparisons = (0..n)
            .map(|k| KeynessComparison {
                by: "cluster".into(),
                group: format!("Cluster {}", k + 1),
                articles: 500 - k,
                terms: words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        let g2 = 2000.0 / (i + 1) as f64;
                        term(w, ca + i, cb + k, if i % 2 == 0 { g2 } else { -g2 })
                    })
                    .collect(),
                ..Default::default()
            })
            .collect();
        a.keyness = Some(Keyness {
            comparisons,
            ..Default::default()
        });
        a
    }

    fn texts(a: &Analysis, st: &Style) -> Vec<String> {
        let h = (CHART.canvas_h)(a, st);
        svg_texts(&String::from_utf8(CHART.render_svg(a, st, h).unwrap()).unwrap())
    }

    /// "republican (829…" on 3,788 articles: every label is now drawn whole,
    /// in three columns while they fit, else in fewer.
    #[test]
    fn bar_labels_are_never_cut() {
        ensure_fonts().unwrap();
        let st = Style::new(1600, 1000);
        let short = ["republican", "immigration", "development", "investment"];
        let long = [
            "administration",
            "intelligence",
            "constitutional",
            "representatives",
        ];
        // Counts as on 3,788 articles, then as on a corpus ten times larger.
        for (words, a, b, cols) in [(&short, 829, 2345, 3), (&long, 8290, 23450, 2)] {
            let a = with_clusters(10, words, a, b);
            let panels = compared(&a);
            assert_eq!(columns(&panels, &st), cols, "{words:?}");
            let texts = texts(&a, &st);
            for c in &panels {
                for t in &c.terms {
                    let label = label_text(t, c.articles);
                    assert!(texts.contains(&label), "{label} not whole: {texts:?}");
                }
            }
            assert!(!texts.iter().any(|t| t.contains('…')), "{texts:?}");
        }
    }

    /// A word one article supplies is marked, in a group of several only.
    #[test]
    fn a_word_from_one_article_says_so() {
        let mut t = term("yes", 66, 1, 40.0);
        t.articles_group = 1;
        assert_eq!(label_text(&t, 20), "yes (66/1, 1 article)");
        assert_eq!(label_text(&t, 1), "yes (66/1)");
        t.articles_group = 3;
        assert_eq!(label_text(&t, 20), "yes (66/1)");
    }

    /// A term too long even for one panel across the chart keeps its
    /// counts; only the term is shortened.
    #[test]
    fn a_term_too_long_for_any_panel_keeps_its_counts() {
        ensure_fonts().unwrap();
        let st = Style::new(1600, 1000);
        let huge = "counter-".repeat(12) + "terrorism";
        let a = with_clusters(3, &[&huge, "vote"], 8290, 12345);
        assert_eq!(columns(&compared(&a), &st), 1);
        let texts = texts(&a, &st);
        let cut: Vec<&String> = texts.iter().filter(|t| t.contains('…')).collect();
        assert_eq!(cut.len(), 3, "{texts:?}");
        for (k, t) in cut.iter().enumerate() {
            let counts = format!("… (8290/{})", 12345 + k);
            assert!(t.starts_with("counter-") && t.ends_with(&counts), "{t}");
        }
        assert!(texts.contains(&"vote (8291/12345)".to_string()));
        let lf = label_font(&st);
        let t = term(&huge, 1, 2, 3.0);
        assert!(text_w(&lf, &fit_label(&lf, &t, 5, 300)) <= 300);
    }
}
