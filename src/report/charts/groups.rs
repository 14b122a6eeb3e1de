//! `groups.png`: mean score per 1,000 words of every frame in every group,
//! with the bootstrap 95 % interval of each mean as a whisker. Small
//! multiples: one panel per frame, one bar per group in every panel, the
//! groups named on the axis (so they are told apart by name, not by colour)
//! and every panel on one shared scale, the mean printed beside each bar.

use super::chart::Chart;
use super::style::*;
use crate::model::findings::{DIFFERENCE, REST};
use crate::model::{Analysis, GroupStats};
use crate::report::cautions;
use crate::report::format::{group_mean, int};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The registry entry of `groups.png`.
pub const CHART: Chart = Chart {
    stem: "groups",
    alt: |_| "Mean frame scores per group with 95% confidence intervals as error bars",
    applies: |a| a.groups.is_some(),
    canvas_h: |a, st| {
        let Some(g) = a.groups.as_ref() else {
            return st.h;
        };
        let nf = g.measures.len().saturating_sub(1);
        let (_, prow) = grid(nf);
        let ng = g.groups.len().clamp(1, MAX_GROUPS);
        st.rows_height(prow * ng, ROW, 300.0 + 110.0 * prow as f64)
    },
    cautions: cautions::none,
    draw_png: |root, a, st| draw(root, a, st),
    draw_svg: |root, a, st| draw(root, a, st),
};

const TITLE: &str = "Frame scores by group, with 95% confidence intervals";
/// Most groups drawn (rows of each panel); the rest are in groups.csv and
/// named under the title. Groups carrying a finding are kept first.
const MAX_GROUPS: usize = 12;
/// Most panels (frames) side by side.
const MAX_COLS: usize = 4;
/// Design height of a group's row.
const ROW: f64 = 30.0;
/// Bar colour: one colour for every group, since the axis names them.
const BAR: RGBColor = OKABE_ITO[0];

/// Panel columns and rows for `nf` frames: at most [`MAX_COLS`] side by side,
/// the rows filled evenly (7 frames: 4 + 3).
fn grid(nf: usize) -> (usize, usize) {
    if nf == 0 {
        return (1, 1);
    }
    let rows = nf.div_ceil(MAX_COLS);
    (nf.div_ceil(rows), rows)
}

/// Names of the groups in a difference the Findings report as a finding.
fn with_findings(a: &Analysis) -> Vec<&str> {
    a.findings
        .items
        .iter()
        .filter(|f| f.kind == DIFFERENCE && f.is_finding)
        .flat_map(|f| [f.group_a.as_str(), f.group_b.as_str()])
        .filter(|g| !g.is_empty() && *g != REST)
        .collect()
}

/// The groups drawn (in the report's order) and the names of those left
/// out: at most `max`, those the Findings name first, then the largest
/// (ties by name).
fn shown<'g>(
    groups: &'g [GroupStats],
    keep: &[&str],
    max: usize,
) -> (Vec<&'g GroupStats>, Vec<String>) {
    if groups.len() <= max {
        return (groups.iter().collect(), Vec::new());
    }
    let mut rank: Vec<usize> = (0..groups.len()).collect();
    rank.sort_by(|&x, &y| {
        let (gx, gy) = (&groups[x], &groups[y]);
        let (kx, ky) = (
            keep.contains(&gx.name.as_str()),
            keep.contains(&gy.name.as_str()),
        );
        ky.cmp(&kx)
            .then(gy.articles.cmp(&gx.articles))
            .then(gx.name.cmp(&gy.name))
    });
    let mut kept = rank[..max].to_vec();
    kept.sort_unstable();
    let mut left: Vec<usize> = rank[max..].to_vec();
    left.sort_unstable();
    (
        kept.iter().map(|&i| &groups[i]).collect(),
        left.iter().map(|&i| groups[i].name.clone()).collect(),
    )
}

/// A round step for about `ticks` intervals up to `top`.
fn tick_step(top: f64, ticks: f64) -> f64 {
    if top <= 0.0 || !top.is_finite() {
        return 1.0;
    }
    let raw = top / ticks;
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// Draws the panels.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    a: &Analysis,
    st: &Style,
) -> Result<(), ChartError> {
    let Some(g) = a.groups.as_ref() else {
        return placeholder(root, st, TITLE, &["Groups were not compared.".to_string()]);
    };
    let nf = g.measures.len().saturating_sub(1); // the last measure is sentiment
    if nf == 0 || g.groups.is_empty() {
        return placeholder(
            root,
            st,
            TITLE,
            &["There are no frames or no groups to show.".to_string()],
        );
    }
    let keep = with_findings(a);
    let (groups, left_out) = shown(&g.groups, &keep, MAX_GROUPS);
    // With one group there is no table of differences to point to.
    let compare = if g.groups.len() > 1 {
        " Do not compare two groups by whether their whiskers overlap: the report's table of differences gives each difference with its own interval and says whether it is a finding."
    } else {
        ""
    };
    let mut sub = vec![format!(
        "One panel per frame, one bar per group (grouped by: {}). Bars: mean score per 1,000 words of the group's articles, printed beside the bar; all panels share one scale. Whiskers: 95% bootstrap confidence interval of the mean ({} resamples).{compare}",
        g.group_by, g.resamples
    )];
    if g.groups.len() == 1 {
        sub.push("All articles are in one group: there is nothing to compare yet (see the report on how to define groups).".into());
    }
    if !left_out.is_empty() {
        sub.push(format!(
            "{} groups: showing {} ({}the largest); left out here, but in groups.csv and the report: {}.",
            g.groups.len(),
            groups.len(),
            if keep.is_empty() {
                ""
            } else {
                "those with a finding, then "
            },
            left_out.join(", ")
        ));
    }
    let ng = groups.len();
    let top = groups
        .iter()
        .flat_map(|gr| gr.stats[..nf].iter())
        .map(|s| finite(s.ci_high.unwrap_or(s.mean)).max(finite(s.mean)))
        .fold(0.0f64, f64::max);
    let top = if top > 0.0 { top } else { 1.0 };
    let area = header(root, st, TITLE, &sub)?;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let m = st.margin();
    let lf0 = st.label_font();
    let vf = st.value_font();
    let hf = st.font(lf0.get_size(), true);
    let (cols, prows) = grid(nf);
    // Vertical budget of a panel row: its title, its group rows, its ticks.
    let head = line_h(&hf) + st.px(8.0);
    let foot = line_h(&vf) + st.px(14.0);
    let avail = h - m - prows as i32 * (head + foot);
    let rh = (avail / (prows * ng) as i32).clamp(min_row_h(st, 0.9), st.px(44.0));
    let lf = st.font(lf0.get_size().min(rh as f64 * 0.8), false);
    let vf = st.font(vf.get_size().min(rh as f64 * 0.8), false);
    // Horizontal: group names (once, left of each panel row), then the panels.
    let names: Vec<String> = groups
        .iter()
        .map(|gr| format!("{} (n = {})", gr.name, int(gr.articles)))
        .collect();
    let name_w = names
        .iter()
        .map(|l| text_w(&lf, l))
        .max()
        .unwrap_or(0)
        .min((w as f64 * 0.25) as i32);
    let x0 = m + name_w + st.px(10.0);
    let gap = st.px(22.0);
    let pw = ((w - x0 - m - gap * (cols as i32 - 1)) / cols as i32).max(20);
    // Room after the longest bar or whisker for its value.
    let value_w = text_w(&vf, &num(top, 1)) + st.px(8.0);
    let bar_w = (pw - value_w).max(10);
    let x_of = |v: f64| (finite(v).max(0.0) / top * bar_w as f64).round() as i32;
    let step = tick_step(top, (bar_w as f64 / st.px(70.0) as f64).clamp(1.0, 5.0));
    let ink = st.px(2.0) as u32;
    for pr in 0..prows {
        let y_head = pr as i32 * (head + ng as i32 * rh + foot);
        let y0 = y_head + head;
        let y1 = y0 + ng as i32 * rh;
        for (r, name) in names.iter().enumerate() {
            let y = y0 + r as i32 * rh;
            if r % 2 == 1 {
                area.draw(&Rectangle::new(
                    [(x0 - st.px(4.0), y), (w - m, y + rh)],
                    tint(LIGHT, 0.75).filled(),
                ))
                .map_err(de)?;
            }
            let at = (x0 - st.px(10.0), y + rh / 2);
            bar_label(&area, &fit(&lf, name, name_w), &lf, INK, at, Side::Left)?;
        }
        for c in 0..cols {
            let f = pr * cols + c;
            if f >= nf {
                break;
            }
            let px0 = x0 + c as i32 * (pw + gap);
            text(
                &area,
                &fit(&hf, &pretty(&g.measures[f]), pw),
                &hf,
                INK,
                (px0, y_head + st.px(2.0)),
                HPos::Left,
                VPos::Top,
            )?;
            // Grid lines and their values under the panel.
            let mut k = 0.0;
            while k <= top + 1e-9 {
                let x = px0 + x_of(k);
                area.draw(&PathElement::new(
                    vec![(x, y0), (x, y1)],
                    LIGHT.stroke_width(1),
                ))
                .map_err(de)?;
                text(
                    &area,
                    &num(k, if step < 1.0 { 1 } else { 0 }),
                    &vf,
                    MUTED,
                    (x, y1 + st.px(4.0)),
                    HPos::Center,
                    VPos::Top,
                )?;
                k += step;
            }
            for (r, gr) in groups.iter().enumerate() {
                let s = &gr.stats[f];
                let y = y0 + r as i32 * rh;
                let pad = (rh / 5).max(1);
                let len = x_of(s.mean);
                if len > 0 {
                    area.draw(&Rectangle::new(
                        [(px0, y + pad), (px0 + len, y + rh - pad)],
                        BAR.filled(),
                    ))
                    .map_err(de)?;
                }
                let mut end = px0 + len;
                if let (Some(lo), Some(hi)) = (s.ci_low, s.ci_high) {
                    let (xl, xh) = (px0 + x_of(lo), px0 + x_of(hi));
                    let ym = y + rh / 2;
                    let cap = (rh / 4).max(2);
                    for path in [
                        vec![(xl, ym), (xh, ym)],
                        vec![(xl, ym - cap), (xl, ym + cap)],
                        vec![(xh, ym - cap), (xh, ym + cap)],
                    ] {
                        area.draw(&PathElement::new(path, INK.stroke_width(ink)))
                            .map_err(de)?;
                    }
                    end = end.max(xh);
                }
                // As the group table prints it.
                let mean = group_mean(&s.measure, s.mean);
                let at = (end + st.px(5.0), y + rh / 2);
                bar_label(&area, &mean, &vf, INK, at, Side::Right)?;
            }
            area.draw(&PathElement::new(
                vec![(px0, y0), (px0, y1)],
                INK.stroke_width(1),
            ))
            .map_err(de)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::chart::svg_texts;
    use super::*;
    use crate::model::*;

    /// example(6) with two groups, keyness and a timeline (one empty period).
    fn with_groups() -> Analysis {
        let mut a = example(6);
        let mut measures = a.frames.clone();
        measures.push("sentiment".into());
        let stats = |k: f64| {
            measures
                .iter()
                .map(|m| MeasureSummary {
                    measure: m.clone(),
                    mean: k,
                    sd: Some(1.0),
                    ci_low: Some(k - 1.0),
                    ci_high: Some(k + 1.0),
                })
                .collect::<Vec<_>>()
        };
        a.groups = Some(GroupComparison {
            group_by: "group".into(),
            measures: measures.clone(),
            resamples: 2000,
            groups: vec![
                GroupStats {
                    name: "a".into(),
                    articles: 3,
                    stats: stats(5.0),
                },
                GroupStats {
                    name: "b".into(),
                    articles: 3,
                    stats: stats(f64::NAN),
                },
            ],
            ..Default::default()
        });
        let term = |g2: f64| KeyTerm {
            term: "word".into(),
            g2,
            log_ratio: g2.signum(),
            ..Default::default()
        };
        a.keyness = Some(Keyness {
            comparisons: vec![KeynessComparison {
                by: "group".into(),
                group: "a".into(),
                terms: vec![term(12.0), term(4.0), term(-8.0)],
                ..Default::default()
            }],
            ..Default::default()
        });
        a.timeline = Some(Timeline {
            period: "month".into(),
            frames: a.frames.clone(),
            points: (0..3)
                .map(|i| PeriodPoint {
                    period: format!("2024-0{}", i + 1),
                    articles: if i == 1 { 0 } else { 3 },
                    shares: a
                        .frames
                        .iter()
                        .map(|_| (i != 1).then_some(1.0 / 7.0))
                        .collect(),
                    mean_per_1k: a.frames.iter().map(|_| None).collect(),
                })
                .collect(),
            ..Default::default()
        });
        a
    }

    #[test]
    fn timeline_counts_are_whole_numbers_and_keyness_prints_g2() {
        super::super::style::ensure_fonts().unwrap();
        let st = Style::new(1600, 1000);
        let mut a = with_groups();
        // One article per period: a real-valued axis would print "1, 0, 0".
        for p in &mut a.timeline.as_mut().unwrap().points {
            p.articles = 1;
        }
        let tl = String::from_utf8(
            super::super::timeline::CHART
                .render_svg(&a, &st, st.h)
                .unwrap(),
        )
        .unwrap();
        let texts = svg_texts(&tl);
        assert_eq!(texts.iter().filter(|t| *t == "0").count(), 1, "{texts:?}");
        assert_eq!(texts.iter().filter(|t| *t == "1").count(), 1, "{texts:?}");
        let key = String::from_utf8(
            super::super::keyness::CHART
                .render_svg(&a, &st, st.h)
                .unwrap(),
        )
        .unwrap();
        let texts = svg_texts(&key);
        // Signed, as in keyness.csv: "-8.0" for a term used less.
        for g2 in ["12.0", "4.0", "-8.0", "10.83"] {
            assert!(texts.iter().any(|t| t == g2), "{g2} missing: {texts:?}");
        }
    }

    /// `n` groups named outlet-00.. of decreasing size, from `with_groups`.
    fn many_groups(n: usize) -> Analysis {
        let mut a = with_groups();
        let g = a.groups.as_mut().unwrap();
        let one = g.groups[0].clone();
        g.groups = (0..n)
            .map(|i| GroupStats {
                name: format!("outlet-{i:02}"),
                articles: 40 - i,
                ..one.clone()
            })
            .collect();
        a
    }

    #[test]
    fn every_group_up_to_twelve_is_named_on_the_axis() {
        super::super::style::ensure_fonts().unwrap();
        let st = Style::new(1600, 1000);
        for n in [2, 9, 12] {
            let a = many_groups(n);
            let out = String::from_utf8(CHART.render_svg(&a, &st, st.h).unwrap()).unwrap();
            let texts = svg_texts(&out);
            for i in 0..n {
                let name = format!("outlet-{i:02} (n = {})", 40 - i);
                assert!(texts.contains(&name), "{n} groups: {name} missing");
            }
            assert!(!texts.iter().any(|t| t.contains("left out")), "{n}");
            // The chart says what the report says about overlapping intervals.
            assert!(out.contains("Do not compare two groups by whether their whiskers overlap"));
            assert!(!out.contains("unlikely to be chance"));
        }
    }

    #[test]
    fn beyond_twelve_groups_those_with_findings_stay_and_the_rest_are_named() {
        // The smallest group carries a finding.
        let mut a = many_groups(15);
        a.findings.items.push(crate::model::findings::Finding {
            kind: crate::model::findings::DIFFERENCE.into(),
            group_a: "outlet-14".into(),
            group_b: crate::model::findings::REST.into(),
            is_finding: true,
            ..Default::default()
        });
        let g = a.groups.as_ref().unwrap();
        let keep = with_findings(&a);
        let (shown, left) = shown(&g.groups, &keep, MAX_GROUPS);
        let names: Vec<&str> = shown.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names.len(), 12);
        assert!(names.contains(&"outlet-14"));
        assert_eq!(left, ["outlet-11", "outlet-12", "outlet-13"]);
        assert!(names.windows(2).all(|w| w[0] < w[1]), "report order");
        super::super::style::ensure_fonts().unwrap();
        let st = Style::new(1600, 1000);
        let out = String::from_utf8(CHART.render_svg(&a, &st, st.h).unwrap()).unwrap();
        assert!(
            out.contains("outlet-11, outlet-12, outlet-13"),
            "left-out groups named"
        );
    }

    #[test]
    fn ticks_are_round() {
        assert_eq!(tick_step(55.0, 4.0), 20.0);
        assert_eq!(tick_step(0.3, 3.0), 0.1);
        assert_eq!(tick_step(0.0, 3.0), 1.0);
        assert_eq!(grid(7), (4, 2));
        assert_eq!(grid(4), (4, 1));
        assert_eq!(grid(14), (4, 4));
        assert_eq!(grid(9), (3, 3));
    }

    #[test]
    fn renders_the_group_charts_only_when_there_is_data() {
        let o = crate::report::charts::ChartOptions {
            svg: true,
            ..Default::default()
        };
        let is_group = |name: &str| {
            ["groups.", "keyness.", "timeline."]
                .iter()
                .any(|p| name.starts_with(p))
        };
        let files = crate::report::charts::render_all(&with_groups(), &o).unwrap();
        let files: Vec<_> = files.into_iter().filter(|f| is_group(&f.name)).collect();
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "groups.png",
                "groups.svg",
                "keyness.png",
                "keyness.svg",
                "timeline.png",
                "timeline.svg"
            ]
        );
        for f in files.iter().filter(|f| f.name.ends_with(".png")) {
            let img = image::load_from_memory(&f.bytes).unwrap().to_rgb8();
            let ink = img.pixels().filter(|p| p.0 != [255, 255, 255]).count();
            assert!(ink > 8000, "{} looks blank", f.name);
        }
        let plain = crate::report::charts::render_all(&example(6), &Default::default()).unwrap();
        assert!(!plain.iter().any(|f| is_group(&f.name)));
    }
}
