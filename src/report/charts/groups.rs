//! `groups.png`: mean score per 1,000 words of every frame in every group, as
//! a grouped bar chart with the bootstrap 95 % confidence interval of each
//! mean as an error bar.

use super::chart::Chart;
use super::style::*;
use crate::model::Analysis;
use crate::report::cautions;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The registry entry of `groups.png`.
pub const CHART: Chart = Chart {
    stem: "groups",
    alt: |_| "Mean frame scores per group with 95% confidence intervals as error bars",
    description: "Chart: mean frame scores per group with confidence intervals.",
    applies: |a| a.groups.is_some(),
    canvas_h: |_, st| st.h,
    cautions: cautions::none,
    draw_png: |root, a, st| draw(root, a, st),
    draw_svg: |root, a, st| draw(root, a, st),
};

const TITLE: &str = "Frame scores by group, with 95% confidence intervals";
/// Most groups drawn: one per palette colour, so colour (the only cue telling
/// the bars apart) is never reused; the rest are in groups.csv.
const MAX_GROUPS: usize = OKABE_ITO.len();

/// Draws the grouped bars.
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
    let mut groups: Vec<&crate::model::GroupStats> = g.groups.iter().collect();
    let mut sub = vec![format!(
        "Bars: mean score per 1,000 words of the articles in each group (compared on: {}). Whiskers: 95% bootstrap confidence interval of the mean ({} resamples). Where two groups' whiskers do not overlap, the difference is unlikely to be chance; where they overlap, read the numbers in groups.csv before claiming a difference.",
        g.group_by, g.resamples
    )];
    if groups.len() == 1 {
        sub.push("All articles are in one group: there is nothing to compare yet (see the report on how to define groups).".into());
    }
    if groups.len() > MAX_GROUPS {
        groups.sort_by(|x, y| y.articles.cmp(&x.articles).then(x.name.cmp(&y.name)));
        let rest: Vec<String> = groups[MAX_GROUPS..]
            .iter()
            .map(|g| g.name.clone())
            .collect();
        groups.truncate(MAX_GROUPS);
        groups.sort_by(|x, y| x.name.cmp(&y.name));
        let others = if rest.len() == 1 {
            format!("the other group ({}) is", rest[0])
        } else if rest.len() <= 3 {
            format!("the other {} ({}) are", rest.len(), rest.join(", "))
        } else {
            format!("the other {} are", rest.len())
        };
        sub.push(format!(
            "{} groups: showing the {} largest (one colour each); {} in groups.csv and the report.",
            g.groups.len(),
            MAX_GROUPS,
            others
        ));
    }
    let ng = groups.len();
    let top = groups
        .iter()
        .flat_map(|gr| gr.stats[..nf].iter())
        .map(|s| finite(s.ci_high.unwrap_or(s.mean)).max(finite(s.mean)))
        .fold(0.0f64, f64::max);
    let top = if top > 0.0 { top * 1.12 } else { 1.0 };
    let area = header(root, st, TITLE, &sub)?;
    let lf = st.label_font();
    let af = st.axis_font();
    let m = st.margin();
    // Legend: one swatch per group, wrapped onto more rows when they do not fit.
    let (aw, _) = area.dim_in_pixel();
    let row_h = line_h(&lf) + st.px(12.0);
    let sw = st.px(18.0);
    let mut x = m;
    let mut y = st.px(2.0);
    for (i, gr) in groups.iter().enumerate() {
        let label = format!("{} (n = {})", fit(&lf, &gr.name, st.px(300.0)), gr.articles);
        let entry = sw + st.px(6.0) + text_w(&lf, &label);
        if x > m && x + entry > aw as i32 - m {
            x = m;
            y += row_h;
        }
        area.draw(&Rectangle::new(
            [(x, y), (x + sw, y + sw)],
            category(i).filled(),
        ))
        .map_err(de)?;
        text(
            &area,
            &label,
            &lf,
            INK,
            (x + sw + st.px(6.0), y + sw / 2),
            HPos::Left,
            VPos::Center,
        )?;
        x += entry + st.px(24.0);
    }
    let legend_h = y + row_h;
    let mut chart = ChartBuilder::on(&area)
        .margin_left(m)
        .margin_right(m * 2)
        .margin_bottom(m)
        .margin_top(legend_h + st.px(8.0))
        .x_label_area_size(line_h(&lf) * 2 + st.px(12.0))
        .y_label_area_size(text_w(&lf, &format!("{:.1}", top)) + line_h(&af) + st.px(24.0))
        .build_cartesian_2d(0.0f64..nf as f64, 0.0f64..top)
        .map_err(de)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(8)
        .y_label_formatter(&|v| num(*v, 1))
        .y_desc("Mean score per 1,000 words")
        .label_style(lf.color(&INK))
        .axis_desc_style(af.color(&INK))
        .bold_line_style(LIGHT.mix(0.8))
        .light_line_style(TRANSPARENT)
        .draw()
        .map_err(de)?;
    let slot = 0.8 / ng as f64;
    let ink = st.px(2.0) as u32;
    for (gi, gr) in groups.iter().enumerate() {
        for f in 0..nf {
            let s = &gr.stats[f];
            let x0 = f as f64 + 0.1 + gi as f64 * slot;
            let x1 = x0 + slot * 0.9;
            let mean = finite(s.mean).max(0.0);
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(x0, 0.0), (x1, mean)],
                    category(gi).filled(),
                )))
                .map_err(de)?;
            if let (Some(lo), Some(hi)) = (s.ci_low, s.ci_high) {
                let xm = (x0 + x1) / 2.0;
                let cap = slot * 0.2;
                let (lo, hi) = (finite(lo).max(0.0), finite(hi).max(0.0));
                chart
                    .draw_series([
                        PathElement::new(vec![(xm, lo), (xm, hi)], INK.stroke_width(ink)),
                        PathElement::new(
                            vec![(xm - cap, lo), (xm + cap, lo)],
                            INK.stroke_width(ink),
                        ),
                        PathElement::new(
                            vec![(xm - cap, hi), (xm + cap, hi)],
                            INK.stroke_width(ink),
                        ),
                    ])
                    .map_err(de)?;
            }
        }
    }
    let (_, yr) = chart.plotting_area().get_pixel_range();
    let (x0, _) = chart.backend_coord(&(0.0, 0.0));
    let (x1, _) = chart.backend_coord(&(1.0, 0.0));
    let col_w = (x1 - x0 - st.px(6.0)).max(10);
    for (f, name) in g.measures[..nf].iter().enumerate() {
        let (cx, _) = chart.backend_coord(&(f as f64 + 0.5, 0.0));
        for (li, line) in wrap(&lf, &pretty(name), col_w).iter().take(2).enumerate() {
            text(
                root,
                line,
                &lf,
                INK,
                (cx, yr.end + st.px(8.0) + li as i32 * line_h(&lf)),
                HPos::Center,
                VPos::Top,
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
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

    /// The text elements of an SVG, in order.
    fn svg_texts(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|t| {
                let body = t.split_once('>')?.1;
                Some(body.split("</text>").next()?.trim().to_string())
            })
            .collect()
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
        for g2 in ["12.0", "4.0", "8.0", "10.83"] {
            assert!(texts.iter().any(|t| t == g2), "{g2} missing: {texts:?}");
        }
    }

    #[test]
    fn groups_never_share_a_colour() {
        super::super::style::ensure_fonts().unwrap();
        let st = Style::new(1600, 1000);
        let mut a = with_groups();
        let g = a.groups.as_mut().unwrap();
        let one = g.groups[0].clone();
        g.groups = (0..10)
            .map(|i| GroupStats {
                name: format!("outlet-{i:02}"),
                articles: 20 - i,
                ..one.clone()
            })
            .collect();
        let out = String::from_utf8(CHART.render_svg(&a, &st, st.h).unwrap()).unwrap();
        let texts = svg_texts(&out);
        let legend: Vec<&String> = texts.iter().filter(|t| t.contains("(n = ")).collect();
        assert_eq!(legend.len(), OKABE_ITO.len(), "{legend:?}");
        assert!(texts
            .iter()
            .any(|t| t.contains("the other 3 (outlet-07, outlet-08, outlet-09) are")));
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
