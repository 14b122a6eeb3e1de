//! `voices.png`: narration against quoted speech, per article and frame.
//! Small multiples, one panel per frame side by side, sharing the article
//! rows: in each row a blue bar for the outlet's narration and an orange bar
//! for everything quoted, in hits per 1,000 words of that voice. All panels
//! share one scale (see [`shared_top`]), so a bar's length means the same in
//! every frame. Large corpora show the articles with the most quoted words.

use super::chart::Chart;
use super::labels::{article_label, MAX_ROWS};
use super::style::*;
use crate::model::{voice_has_rates, Analysis, RATE_MIN_WORDS};
use crate::report::cautions;
use crate::report::format::int;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The registry entry of `voices.png`.
pub const CHART: Chart = Chart {
    stem: "voices",
    alt: |_| {
        "Frame scores of the outlet's narration against quoted speech, per article and frame, in hits per 1,000 words of each voice"
    },
    applies: |_| true,
    canvas_h: |a, st| st.rows_height(a.articles.len().min(MAX_ROWS), 34.0, 330.0),
    cautions: cautions::none,
    draw_png: |root, a, st| draw(root, a, st),
    draw_svg: |root, a, st| draw(root, a, st),
};

const TITLE: &str = "Who carries the frame: the outlet's narration against quoted speech";
/// Colour of narration bars (Okabe-Ito blue).
const NARRATION: RGBColor = OKABE_ITO[0];
/// Colour of quote bars (Okabe-Ito orange).
const QUOTES: RGBColor = OKABE_ITO[1];

/// Per-1,000 scores of narration and of all quotes of article `i`, and its quoted words.
fn split(a: &Analysis, i: usize) -> (Vec<f64>, Vec<f64>, usize) {
    let nf = a.frames.len();
    let art = &a.articles[i];
    let (mut nh, mut qh) = (vec![0.0; nf], vec![0.0; nf]);
    let (mut nw, mut qw) = (0usize, 0usize);
    for v in &art.voices {
        let (h, w) = if v.voice == "narration" {
            (&mut nh, &mut nw)
        } else {
            (&mut qh, &mut qw)
        };
        *w += v.words;
        for (x, y) in h.iter_mut().zip(&v.hits) {
            *x += finite(*y);
        }
    }
    let rate = |h: Vec<f64>, w: usize| -> Vec<f64> {
        h.into_iter()
            .map(|x| if w > 0 { x * 1000.0 / w as f64 } else { 0.0 })
            .collect()
    };
    // Quotes of fewer than RATE_MIN_WORDS words get no bar: one match in
    // them is a rate far above any article's (see `RATE_MIN_WORDS`).
    let quote_rate = |h: Vec<f64>, w: usize| -> Vec<f64> {
        h.into_iter()
            .map(|x| {
                if voice_has_rates(w) {
                    x * 1000.0 / w as f64
                } else {
                    0.0
                }
            })
            .collect()
    };
    (rate(nh, nw), quote_rate(qh, qw), qw)
}

/// The shared scale's maximum over every drawn rate, and whether bars are
/// cut at it: the largest value, unless it is more than three times the 95th
/// percentile of the non-zero values (with at least 20 of them), in which
/// case twice that percentile (so one match in a three-word quote does not
/// flatten every other bar). 1.0 when there is nothing above 0.
fn shared_top(values: &[f64]) -> (f64, bool) {
    let mut nz: Vec<f64> = values
        .iter()
        .copied()
        .filter(|v| v.is_finite() && *v > 0.0)
        .collect();
    let Some(max) = nz.iter().copied().reduce(f64::max) else {
        return (1.0, false);
    };
    if nz.len() < 20 {
        return (max, false);
    }
    nz.sort_by(f64::total_cmp);
    let q95 = nz[((nz.len() as f64 * 0.95).ceil() as usize).clamp(1, nz.len()) - 1];
    if max > 3.0 * q95 {
        (2.0 * q95, true)
    } else {
        (max, false)
    }
}

/// Draws the chart.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    a: &Analysis,
    st: &Style,
) -> Result<(), ChartError> {
    let n = a.articles.len();
    let nf = a.frames.len();
    let data: Vec<(Vec<f64>, Vec<f64>, usize)> = (0..n).map(|i| split(a, i)).collect();
    let quoted = data.iter().filter(|d| d.2 > 0).count();
    if n == 0 || nf == 0 || quoted == 0 {
        return placeholder(
            root,
            st,
            TITLE,
            &["No quoted speech was found in the articles, so there is nothing to compare with the narration.".to_string()],
        );
    }
    let mut rows: Vec<usize> = (0..n).collect();
    let mut sub = vec![
        format!("Hits per 1,000 words of each voice: blue = the outlet's own narration, orange = all quoted speech together. All panels share one scale (0 to the value under each panel), so equal lengths mean equal rates in every frame. An orange bar longer than the blue one means the frame comes mostly from the people quoted; articles without quotes, or with fewer than {RATE_MIN_WORDS} quoted words, have no orange bars."),
    ];
    let showing = |n: usize, k: usize| {
        format!(
            "{} articles: showing the {} with the most quoted words (in corpus order); all are in voices.csv.",
            int(n),
            k
        )
    };
    // As many rows as the canvas holds with labels of a readable size
    // (at most MAX_ROWS); the header is measured with the "showing" line in.
    let fits = {
        let mut probe = sub.clone();
        probe.push(showing(n, MAX_ROWS));
        let m = st.margin();
        let lf0 = st.label_font();
        let chrome = header_h(st, TITLE, &probe)
            + m / 2
            + st.px(16.0)
            + st.px(14.0)
            + line_h(&lf0)
            + st.px(6.0)
            + m
            + line_h(&st.value_font())
            + st.px(6.0);
        ((st.h as i32 - chrome) / min_row_h(st, 0.8)).max(3) as usize
    };
    let max_rows = fits.min(MAX_ROWS);
    if n > max_rows {
        rows.sort_by(|&p, &q| data[q].2.cmp(&data[p].2).then(p.cmp(&q)));
        rows.truncate(max_rows);
        rows.sort_unstable();
        sub.push(showing(n, max_rows));
    }
    let values: Vec<f64> = rows
        .iter()
        .flat_map(|&i| data[i].0.iter().chain(&data[i].1).copied())
        .collect();
    let (max, cut) = shared_top(&values);
    if cut {
        sub.push(format!(
            "A few rates are far above the rest (up to {} per 1,000 words, usually a match in a short quote): their bars stop at {} with a white break mark; the values are in voices.csv.",
            num(values.iter().copied().filter(|v| v.is_finite()).fold(0.0, f64::max), 1),
            num(max, 1)
        ));
    }
    let area = header(root, st, TITLE, &sub)?;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let m = st.margin();
    let lf0 = st.label_font();
    // Legend line.
    let sq = st.px(16.0);
    let mut x = m;
    for (label, c) in [("narration", NARRATION), ("quotes", QUOTES)] {
        area.draw(&Rectangle::new(
            [(x, m / 2), (x + sq, m / 2 + sq)],
            c.filled(),
        ))
        .map_err(de)?;
        text(
            &area,
            label,
            &lf0,
            INK,
            (x + sq + st.px(6.0), m / 2 + sq / 2),
            HPos::Left,
            VPos::Center,
        )?;
        x += sq + st.px(6.0) + text_w(&lf0, label) + st.px(24.0);
    }
    let top = m / 2 + sq + st.px(14.0) + line_h(&lf0) + st.px(6.0);
    let bottom = h - m - line_h(&st.value_font()) - st.px(6.0);
    let nr = rows.len() as i32;
    let rh = ((bottom - top) / nr.max(1)).clamp(1, st.px(90.0));
    let lf = st.font(lf0.get_size().min(rh as f64 * 0.8), false);
    let labels: Vec<String> = rows.iter().map(|&i| article_label(a, i)).collect();
    let label_w = labels
        .iter()
        .map(|l| text_w(&lf, l))
        .max()
        .unwrap_or(0)
        .min((w as f64 * 0.28) as i32)
        + st.px(10.0);
    let x0 = m + label_w;
    let gap = st.px(14.0);
    let pw = ((w - x0 - m - gap * (nf as i32 - 1)) / nf as i32).max(10);
    for (r, label) in labels.iter().enumerate() {
        let y = top + r as i32 * rh + rh / 2;
        let l = fit(&lf, label, label_w - st.px(10.0));
        text(
            &area,
            &l,
            &lf,
            INK,
            (x0 - st.px(8.0), y),
            HPos::Right,
            VPos::Center,
        )?;
        if r % 2 == 1 {
            area.draw(&Rectangle::new(
                [
                    (x0, top + r as i32 * rh),
                    (w - m, top + (r as i32 + 1) * rh),
                ],
                tint(LIGHT, 0.75).filled(),
            ))
            .map_err(de)?;
        }
    }
    let hf = st.font(lf0.get_size(), true);
    let vf = st.value_font();
    for (c, frame) in a.frames.iter().enumerate() {
        let px0 = x0 + c as i32 * (pw + gap);
        // A name too wide for its panel goes on two lines ("human / interest")
        // rather than being cut; only a single word that cannot fit is cut.
        let full = frame.replace('_', " ");
        let lines: Vec<String> = match full.split_once(' ') {
            Some((a, b)) if text_w(&hf, &full) > pw => vec![fit(&hf, a, pw), fit(&hf, b, pw)],
            _ => vec![fit(&hf, &full, pw)],
        };
        let line_h = (hf.get_size() * 1.2).round() as i32;
        for (k, line) in lines.iter().rev().enumerate() {
            text(
                &area,
                line,
                &hf,
                INK,
                (px0 + pw / 2, top - st.px(6.0) - k as i32 * line_h),
                HPos::Center,
                VPos::Bottom,
            )?;
        }
        area.draw(&PathElement::new(
            vec![(px0, top), (px0, top + nr * rh)],
            MUTED.stroke_width(1),
        ))
        .map_err(de)?;
        area.draw(&PathElement::new(
            vec![(px0 + pw / 2, top), (px0 + pw / 2, top + nr * rh)],
            LIGHT.stroke_width(1),
        ))
        .map_err(de)?;
        let scale = |v: f64| -> i32 {
            if max > 0.0 {
                (finite(v).max(0.0).min(max) / max * pw as f64).round() as i32
            } else {
                0
            }
        };
        for (r, &i) in rows.iter().enumerate() {
            let y = top + r as i32 * rh;
            let bh = ((rh - st.px(4.0).min(rh / 3)) / 2).max(1);
            let pad = (rh - 2 * bh) / 2;
            for (k, (v, colour)) in [(data[i].0[c], NARRATION), (data[i].1[c], QUOTES)]
                .into_iter()
                .enumerate()
            {
                let len = scale(v);
                if len == 0 {
                    continue;
                }
                let yb = y + pad + k as i32 * bh;
                area.draw(&Rectangle::new(
                    [(px0, yb), (px0 + len, yb + bh)],
                    colour.filled(),
                ))
                .map_err(de)?;
                if finite(v) > max {
                    // Break mark: the bar is longer than the scale.
                    let bx = px0 + pw - st.px(12.0);
                    area.draw(&Rectangle::new(
                        [(bx, yb), (bx + st.px(4.0), yb + bh)],
                        WHITE.filled(),
                    ))
                    .map_err(de)?;
                }
            }
        }
        let yb = top + nr * rh + st.px(4.0);
        text(&area, "0", &vf, MUTED, (px0, yb), HPos::Left, VPos::Top)?;
        text(
            &area,
            &num(max, 1),
            &vf,
            MUTED,
            (px0 + pw, yb),
            HPos::Right,
            VPos::Top,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_scale_for_all_panels_cut_only_for_outliers() {
        assert_eq!(shared_top(&[]), (1.0, false));
        assert_eq!(shared_top(&[0.0, f64::NAN]), (1.0, false));
        // Few values: the largest, whatever it is.
        assert_eq!(shared_top(&[3.0, 63.3, 0.0]), (63.3, false));
        let mut v: Vec<f64> = (1..=40).map(|k| k as f64).collect();
        assert_eq!(shared_top(&v), (40.0, false));
        v.push(333.3); // one match in a three-word quote
        let (top, cut) = shared_top(&v);
        assert!(cut);
        assert!((top - 2.0 * 39.0).abs() < 1e-9, "{top}");
    }

    /// The value under every panel is the same: one scale.
    #[test]
    fn every_panel_shows_the_same_maximum() {
        super::super::style::ensure_fonts().unwrap();
        let a = crate::model::example(12);
        let st = Style::new(1600, 1000);
        let svg = String::from_utf8(CHART.render_svg(&a, &st, st.h).unwrap()).unwrap();
        let texts: Vec<&str> = svg
            .split("<text")
            .skip(1)
            .filter_map(|t| t.split_once('>').map(|x| x.1))
            .filter_map(|t| t.split("</text>").next())
            .map(str::trim)
            .collect();
        // The text after each "0" is the panel's maximum.
        let maxima: Vec<&str> = texts
            .windows(2)
            .filter(|w| w[0] == "0")
            .map(|w| w[1])
            .collect();
        assert_eq!(maxima.len(), a.frames.len(), "{texts:?}");
        assert!(maxima.iter().all(|m| *m == maxima[0]), "{maxima:?}");
    }
}
