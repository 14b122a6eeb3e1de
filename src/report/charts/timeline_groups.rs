//! `timeline_groups.png`: each group's own line over time, threat and
//! reassurance (the frames of the story) in panels of their own, so that a
//! change of the pooled timeline can be told from a change of who wrote in
//! that period.

use super::chart::Chart;
use super::style::*;
use super::timeline::{line_legend, period_labels};
use crate::model::{Analysis, GroupLine, Timeline, REASSURANCE, THREAT};
use crate::report::cautions;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Most groups drawn; the rest are named as left out (timeline_groups.csv has them).
pub const MAX_LINES: usize = 8;

/// Where a point is drawn hollow, as in `timeline.png`.
pub use super::timeline::FEW_ARTICLES;

/// The registry entry of `timeline_groups.png`.
pub const CHART: Chart = Chart {
    stem: "timeline_groups",
    alt: |_| "Each group's mean threat and reassurance score per 1,000 words in each period",
    applies: |a| a.timeline.as_ref().is_some_and(|t| !t.groups.is_empty()),
    canvas_h: |_, st| st.h,
    cautions: cautions::none,
    draw_png: |root, a, st| draw(root, a, st),
    draw_svg: |root, a, st| draw(root, a, st),
};

const TITLE: &str = "Frames over time, by group";

/// The frames drawn: threat and reassurance when the run has them, else the first frame.
pub fn panel_frames(t: &Timeline) -> Vec<usize> {
    let story: Vec<usize> = [THREAT, REASSURANCE]
        .iter()
        .filter_map(|f| t.frames.iter().position(|x| x == f))
        .collect();
    if story.is_empty() && !t.frames.is_empty() {
        vec![0]
    } else {
        story
    }
}

/// The groups drawn: those with the most dated articles, at most
/// [`MAX_LINES`], in name order (the order of the legend and the CSV).
pub fn shown_groups(t: &Timeline) -> Vec<&GroupLine> {
    let mut by_size: Vec<&GroupLine> = t.groups.iter().collect();
    by_size.sort_by_key(|g| std::cmp::Reverse(g.articles.iter().sum::<usize>()));
    by_size.truncate(MAX_LINES);
    let mut shown: Vec<&GroupLine> = t
        .groups
        .iter()
        .filter(|g| by_size.iter().any(|s| std::ptr::eq(*s, *g)))
        .collect();
    shown.retain(|g| g.articles.iter().any(|&n| n > 0));
    shown
}

/// Groups named in a chart note before "and N more": the note is a few
/// lines above the chart, and a long list would squeeze the panels.
const NAMED: usize = 6;

/// `names` as "a, b and c", at most [`NAMED`] of them then "and N more".
fn named(names: &[&str]) -> String {
    if names.len() > NAMED {
        return format!(
            "{} and {} more",
            names[..NAMED].join(", "),
            names.len() - NAMED
        );
    }
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.to_string(),
        None => String::new(),
    }
}

/// The note naming the groups without a line (a reader looking for one
/// must learn it is left out, not missed), or `None` when all are drawn.
pub fn left_out_note(t: &Timeline, shown: &[&GroupLine]) -> Option<String> {
    let names: Vec<&str> = t
        .groups
        .iter()
        .filter(|g| !shown.iter().any(|s| std::ptr::eq(*s, *g)))
        .map(|g| g.group.as_str())
        .collect();
    if names.is_empty() {
        return None;
    }
    let undated = |g: &&str| {
        t.groups
            .iter()
            .any(|l| l.group == *g && l.articles.iter().all(|&n| n == 0))
    };
    let (none, few): (Vec<&str>, Vec<&str>) = names.into_iter().partition(undated);
    let mut parts = Vec::new();
    if !few.is_empty() {
        parts.push(format!(
            "The {} groups with the most dated articles are shown; not shown: {} (in timeline_groups.csv).",
            shown.len(),
            named(&few)
        ));
    }
    if !none.is_empty() {
        parts.push(format!("No dated article, so no line: {}.", named(&none)));
    }
    Some(parts.join(" "))
}

/// Draws the group lines.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    a: &Analysis,
    st: &Style,
) -> Result<(), ChartError> {
    let Some(t) = a.timeline.as_ref().filter(|t| !t.groups.is_empty()) else {
        return placeholder(
            root,
            st,
            TITLE,
            &["There are not two groups with dated articles.".to_string()],
        );
    };
    let panels = panel_frames(t);
    let shown = shown_groups(t);
    // From the first to the last period in which a shown group has an
    // article: a few early articles of a group left out would stretch the axis.
    let has = |k: usize| shown.iter().any(|g| g.articles[k] > 0);
    let Some(first) = (0..t.points.len()).find(|&k| has(k)) else {
        return placeholder(root, st, TITLE, &["There is nothing to plot.".to_string()]);
    };
    let last_k = (0..t.points.len()).rev().find(|&k| has(k)).unwrap_or(first);
    let np = last_k + 1 - first;
    if panels.is_empty() {
        return placeholder(root, st, TITLE, &["There is nothing to plot.".to_string()]);
    }
    let mut sub = vec![format!(
        "Each line is one group: the mean score per 1,000 words of its articles in each {}, as in the group table. A hollow marker: the group has only one or two articles in that {} (its mean swings with each). Lines break where a group has no article.",
        t.period, t.period
    )];
    if let Some(note) = left_out_note(t, &shown) {
        sub.push(note);
    }
    let area = header(root, st, TITLE, &sub)?;
    let (w, h) = area.dim_in_pixel();
    let lf = st.label_font();
    let af = st.axis_font();
    let m = st.margin();
    let legend_w = shown
        .iter()
        .map(|g| text_w(&lf, &fit(&lf, &g.group, st.px(260.0))))
        .max()
        .unwrap_or(0)
        + st.px(60.0);
    let (plot, legend) = area.split_horizontally(w as i32 - legend_w - m);
    let x_label_h = line_h(&lf) + st.px(12.0);
    let panel_h = (h as i32 - x_label_h) / panels.len() as i32;
    let label_area = text_w(&lf, "100.0") + line_h(&af) + st.px(24.0);
    let x_range = -0.5f64..(np as f64 - 0.5);
    let mut rest = plot;
    for (pi, &fi) in panels.iter().enumerate() {
        let last = pi + 1 == panels.len();
        let (panel, below) = if last {
            (rest.clone(), rest.clone())
        } else {
            rest.split_vertically(panel_h)
        };
        let max = shown
            .iter()
            .flat_map(|g| {
                g.mean_per_1k
                    .iter()
                    .filter_map(|p| p.get(fi).copied().flatten())
            })
            .filter(|v| v.is_finite())
            .fold(0.0f64, f64::max);
        let top = if max > 0.0 { max * 1.1 } else { 1.0 };
        let mut chart = ChartBuilder::on(&panel)
            .margin_left(m)
            .margin_right(m)
            .margin_top(line_h(&lf) + st.px(10.0))
            .margin_bottom(st.px(6.0))
            .x_label_area_size(if last { x_label_h } else { 0 })
            .y_label_area_size(label_area)
            .build_cartesian_2d(x_range.clone(), 0.0f64..top)
            .map_err(de)?;
        mesh(&mut chart, st)
            .disable_x_mesh()
            .x_labels(0)
            .y_labels(5)
            .y_label_formatter(&|v| num(*v, tick_decimals(top, 5)))
            .y_desc("Per 1,000 words")
            .draw()
            .map_err(de)?;
        let (xr, yr) = chart.plotting_area().get_pixel_range();
        text(
            root,
            &pretty(&t.frames[fi]),
            &st.font(st.fs(26.0), true),
            INK,
            (xr.start, yr.start - st.px(6.0)),
            HPos::Left,
            VPos::Bottom,
        )?;
        for (gi, g) in shown.iter().enumerate() {
            let (c, shape) = series_look(gi);
            let mut segs: Vec<Vec<(f64, f64, usize)>> = Vec::new();
            let mut seg = Vec::new();
            for (k, means) in g
                .mean_per_1k
                .iter()
                .enumerate()
                .take(last_k + 1)
                .skip(first)
            {
                match means.get(fi).copied().flatten().filter(|v| v.is_finite()) {
                    Some(v) => seg.push(((k - first) as f64, v, g.articles[k])),
                    None if !seg.is_empty() => segs.push(std::mem::take(&mut seg)),
                    None => {}
                }
            }
            if !seg.is_empty() {
                segs.push(seg);
            }
            for s in segs {
                let px: Vec<(i32, i32)> = s
                    .iter()
                    .map(|&(x, y, _)| chart.backend_coord(&(x, y)))
                    .collect();
                series_line(root, st, px.clone(), c)?;
                for (&(_, _, n), p) in s.iter().zip(px) {
                    series_marker(root, st, shape, p, c, n < FEW_ARTICLES)?;
                }
            }
        }
        if last {
            let labels: Vec<String> = t.points[first..=last_k]
                .iter()
                .map(|p| p.period.clone())
                .collect();
            period_labels(root, st, &labels, yr.end, |k| {
                chart.backend_coord(&(k as f64, 0.0)).0
            })?;
        }
        rest = below;
    }
    let names: Vec<String> = shown
        .iter()
        .map(|g| fit(&lf, &g.group, st.px(260.0)))
        .collect();
    line_legend(&legend, st, &names)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(group: &str, articles: &[usize]) -> GroupLine {
        GroupLine {
            group: group.into(),
            articles: articles.to_vec(),
            mean_per_1k: articles.iter().map(|_| vec![Some(1.0)]).collect(),
        }
    }

    #[test]
    fn story_frames_get_the_panels() {
        let mut t = Timeline {
            frames: vec!["conflict".into(), THREAT.into(), REASSURANCE.into()],
            ..Default::default()
        };
        assert_eq!(panel_frames(&t), [1, 2]);
        t.frames = vec!["mine".into(), "other".into()];
        assert_eq!(panel_frames(&t), [0]);
    }

    #[test]
    fn the_largest_groups_are_shown_in_name_order() {
        let mut t = Timeline::default();
        for (i, g) in "abcdefghij".chars().enumerate() {
            t.groups.push(line(&g.to_string(), &[i, 1]));
        }
        let shown: Vec<&str> = shown_groups(&t).iter().map(|g| g.group.as_str()).collect();
        // a (1 article) and b (2) are the smallest of ten.
        assert_eq!(shown, ["c", "d", "e", "f", "g", "h", "i", "j"]);
        t.groups = vec![line("a", &[0, 0]), line("b", &[2, 0])];
        assert_eq!(
            shown_groups(&t).len(),
            1,
            "a group with no dated article has no line"
        );
    }

    #[test]
    fn groups_without_a_line_are_named() {
        let mut t = Timeline::default();
        for (i, g) in "abcdefghij".chars().enumerate() {
            t.groups.push(line(&g.to_string(), &[i, 1]));
        }
        t.groups.push(line("k", &[0, 0]));
        let shown = shown_groups(&t);
        let note = left_out_note(&t, &shown).unwrap();
        assert!(note.contains("not shown: a and b (in"), "{note}");
        assert!(note.contains("No dated article, so no line: k."), "{note}");
        t.groups.truncate(3);
        assert_eq!(left_out_note(&t, &shown_groups(&t)), None);
    }

    #[test]
    fn every_line_has_a_shape_of_its_own() {
        const { assert!(SHAPES >= MAX_LINES) };
        let shapes: std::collections::BTreeSet<usize> =
            (0..MAX_LINES).map(|i| series_look(i).1).collect();
        assert_eq!(shapes.len(), MAX_LINES);
    }

    #[test]
    fn long_lists_of_names_are_cut() {
        assert_eq!(named(&["a"]), "a");
        assert_eq!(named(&["a", "b", "c"]), "a, b and c");
        let many = ["a", "b", "c", "d", "e", "f", "g", "h"];
        assert_eq!(named(&many), "a, b, c, d, e, f and 2 more");
    }

    #[test]
    fn draws_a_line_per_group_and_a_panel_per_story_frame() {
        super::super::style::ensure_fonts().unwrap();
        let mut a = crate::model::example(6);
        let nf = a.frames.len();
        let threat = a.frames.iter().position(|f| f == THREAT).unwrap();
        let mut means = vec![vec![Some(0.5); nf]; 3];
        means[1][threat] = None;
        a.timeline = Some(Timeline {
            period: "month".into(),
            frames: a.frames.clone(),
            points: ["2017-01", "2017-02", "2017-03"]
                .iter()
                .map(|p| crate::model::PeriodPoint {
                    period: p.to_string(),
                    articles: 3,
                    ..Default::default()
                })
                .collect(),
            groups: vec![
                GroupLine {
                    group: "herald".into(),
                    articles: vec![1, 0, 5],
                    mean_per_1k: means.clone(),
                },
                GroupLine {
                    group: "post".into(),
                    articles: vec![2, 3, 4],
                    mean_per_1k: vec![vec![Some(2.0); nf]; 3],
                },
            ],
            ..Default::default()
        });
        assert!((CHART.applies)(&a));
        let st = Style::new(1600, 1000);
        let svg = String::from_utf8(CHART.render_svg(&a, &st, st.h).unwrap()).unwrap();
        let texts = super::super::chart::svg_texts(&svg);
        for label in [
            "herald",
            "post",
            "threat",
            "reassurance",
            "2017-01",
            "2017-03",
        ] {
            assert!(
                texts.iter().any(|t| t == label),
                "{label} missing: {texts:?}"
            );
        }
        a.timeline.as_mut().unwrap().groups.clear();
        assert!(!(CHART.applies)(&a));
    }
}
