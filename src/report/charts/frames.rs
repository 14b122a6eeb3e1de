//! `frames.png`: heatmap of frame intensity (hits per 1,000 words), articles
//! as rows and frames as columns, the value printed in each cell. Large corpora
//! are shown as group means (the outlets compared), else as cluster means.

use super::chart::Chart;
use super::labels::{article_index, article_label, cluster_name, MAX_ROWS};
use super::style::*;
use crate::model::Analysis;
use crate::report::cautions;
use crate::report::format::{group_mean, int};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The registry entry of `frames.png`.
pub const CHART: Chart = Chart {
    stem: "frames",
    alt: |a| {
        match rows(a).kind {
        Kind::Clusters => "Heat map of frame scores: one row per cluster (the mean of its articles) and one for all articles, one column per frame, values are matching words per 1,000 words",
        Kind::Groups => "Heat map of frame scores: one row per group (the mean of its articles) and one for all articles, one column per frame, values are matching words per 1,000 words",
        _ => "Heat map of frame scores: one row per article, one column per frame, values are matching words per 1,000 words",
    }
    },
    applies: |_| true,
    canvas_h: |a, st| st.rows_height(rows(a).rows.len(), 28.0, 400.0),
    cautions: frame_cautions,
    draw_png: |root, a, st| draw(root, a, st),
    draw_svg: |root, a, st| draw(root, a, st),
};

const CAPTION: &str = "per 1,000 words";
const TITLE: &str = "Frame intensity per article (frame words per 1,000 words)";
/// Title when the rows are cluster means.
const CLUSTER_TITLE: &str =
    "Frame intensity per cluster (mean frame words per 1,000 words of its articles)";
/// Title when the rows are group means.
const GROUP_TITLE: &str =
    "Frame intensity per group (mean frame words per 1,000 words of its articles)";

/// What the heatmap's rows are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// One row per article.
    Articles,
    /// The articles with the most frame words, one row each.
    TopArticles,
    /// The mean over all articles, then one mean per cluster.
    Clusters,
    /// The mean over all articles, then one mean per group.
    Groups,
}

impl Kind {
    /// Chart title.
    fn title(self) -> &'static str {
        match self {
            Kind::Clusters => CLUSTER_TITLE,
            Kind::Groups => GROUP_TITLE,
            _ => TITLE,
        }
    }
    /// What the rows are means of, when they are not articles.
    fn means_of(self) -> Option<&'static str> {
        match self {
            Kind::Groups => Some("group"),
            Kind::Clusters => Some("cluster"),
            _ => None,
        }
    }
    /// Title of the row axis.
    fn row_title(self) -> &'static str {
        match self {
            Kind::Clusters => "Cluster (mean of its articles)",
            Kind::Groups => "Group (mean of its articles)",
            _ => "Article",
        }
    }
}

/// Rows of the heatmap: label and one value per frame (NaN = missing).
struct Rows {
    rows: Vec<(String, Vec<f64>)>,
    note: Option<String>,
    kind: Kind,
}

/// What the chart's rows are the means of, when they are not articles
/// ("group" or "cluster": a large corpus), so that the text beside it can
/// say so.
pub fn shows_means_of(a: &Analysis) -> Option<&'static str> {
    rows(a).kind.means_of()
}

/// The chart's cautions, told what its rows are: `cautions` cannot ask this
/// module, which names them (no import circle).
fn frame_cautions(a: &Analysis) -> Vec<String> {
    let rows = if a.articles.len() <= MAX_ROWS {
        cautions::FrameRows::Articles
    } else {
        match shows_means_of(a) {
            Some(kind) => cautions::FrameRows::MeansOf(kind),
            None => cautions::FrameRows::MostFramed,
        }
    };
    cautions::frames(a, rows)
}

/// Per-article rows, or, when there are too many articles, group means
/// (the outlets a study compares; the Findings are about them) or else
/// cluster means.
fn rows(a: &Analysis) -> Rows {
    let nf = a.frames.len();
    let values = |i: usize| -> Vec<f64> {
        (0..nf)
            .map(|j| {
                a.articles[i]
                    .frames
                    .get(j)
                    .map(|f| f.per_1k)
                    .unwrap_or(f64::NAN)
            })
            .collect()
    };
    let n = a.articles.len();
    if n <= MAX_ROWS {
        return Rows {
            rows: (0..n).map(|i| (article_label(a, i), values(i))).collect(),
            note: None,
            kind: Kind::Articles,
        };
    }
    // The group table's own means, so that the two agree.
    if let Some(g) = a
        .groups
        .as_ref()
        .filter(|g| g.groups.len() >= 2 && g.groups.len() < MAX_ROWS)
    {
        let mut rows = vec![(
            "All articles".to_string(),
            mean_rows(&(0..n).collect::<Vec<_>>(), nf, &values),
        )];
        for group in &g.groups {
            let mean = |f: &String| {
                group
                    .stats
                    .iter()
                    .find(|m| &m.measure == f)
                    .map_or(f64::NAN, |m| m.mean)
            };
            rows.push((
                format!("{} ({} articles)", group.name, int(group.articles)),
                a.frames.iter().map(mean).collect(),
            ));
        }
        return Rows {
            rows,
            note: Some(format!(
                "{} articles are too many for one row each: the first row is the mean over all articles, each other row the mean over one group's articles (groups as in Comparing groups); per-article values are in frames.csv.",
                int(n)
            )),
            kind: Kind::Groups,
        };
    }
    if let Some(c) = a
        .clustering
        .as_ref()
        .filter(|c| c.clusters.len() <= MAX_ROWS)
    {
        let index = article_index(a);
        let mut rows = vec![(
            "All articles".to_string(),
            mean_rows(&(0..n).collect::<Vec<_>>(), nf, &values),
        )];
        for ci in &c.clusters {
            let members: Vec<usize> = c
                .assignments
                .iter()
                .filter(|s| s.cluster == ci.id)
                .filter_map(|s| index.get(s.article_id.as_str()).copied())
                .collect();
            rows.push((
                format!(
                    "{} ({} articles)",
                    cluster_name(a, ci.id),
                    int(members.len())
                ),
                mean_rows(&members, nf, &values),
            ));
        }
        return Rows {
            rows,
            note: Some(format!(
                "{} articles are too many for one row each: the first row is the mean over all articles, each other row the mean over one cluster's articles (clusters as in the Clusters section); per-article values are in frames.csv.",
                int(n)
            )),
            kind: Kind::Clusters,
        };
    }
    // No usable clustering: the articles with the most frame words overall.
    let mut order: Vec<(usize, f64)> = (0..n)
        .map(|i| (i, values(i).iter().map(|v| finite(*v)).sum::<f64>()))
        .collect();
    order.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    order.truncate(MAX_ROWS);
    order.sort_by_key(|x| x.0);
    Rows {
        rows: order
            .iter()
            .map(|&(i, _)| (article_label(a, i), values(i)))
            .collect(),
        note: Some(format!(
            "Showing the {} of {} articles with the most frame words; all values are in the tables.",
            MAX_ROWS,
            int(n)
        )),
        kind: Kind::TopArticles,
    }
}

/// Mean of each column over `members`, ignoring non-finite values (NaN when none).
fn mean_rows(members: &[usize], nf: usize, values: &dyn Fn(usize) -> Vec<f64>) -> Vec<f64> {
    let mut sum = vec![0.0; nf];
    let mut cnt = vec![0usize; nf];
    for &i in members {
        for (j, v) in values(i).into_iter().enumerate() {
            if v.is_finite() {
                sum[j] += v;
                cnt[j] += 1;
            }
        }
    }
    sum.iter()
        .zip(&cnt)
        .map(|(s, &c)| if c > 0 { s / c as f64 } else { f64::NAN })
        .collect()
}

/// Draws the frames heatmap.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    a: &Analysis,
    st: &Style,
) -> Result<(), ChartError> {
    if a.frames.is_empty() || a.articles.is_empty() {
        let why = if a.frames.is_empty() {
            "No frame categories were loaded, so there is nothing to show."
        } else {
            "No articles were analysed."
        };
        return placeholder(root, st, TITLE, &[why.to_string()]);
    }
    let Rows { rows, note, kind } = rows(a);
    let max = rows
        .iter()
        .flat_map(|r| r.1.iter())
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0f64, f64::max);
    let scale_max = if max > 0.0 { max } else { 1.0 };
    let mut sub = vec![if let Some(what) = kind.means_of() {
        format!(
            "Each cell: how many words from that frame's word list appear per 1,000 words of an article, averaged over the row's articles. Darker = more (scale 0 to {:.1}). Compare rows to see which {what}s lean on which frames.",
            scale_max
        )
    } else {
        format!(
            "Each cell: how many words from that frame's word list appear per 1,000 words of the article. Darker = more (scale 0 to {:.1}). Compare rows to see which articles lean on which frames.",
            scale_max
        )
    }];
    sub.extend(note);
    let area = header(root, st, kind.title(), &sub)?;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let m = st.margin();
    let af = st.axis_font();
    let nf = a.frames.len() as i32;
    let nr = rows.len() as i32;

    // Horizontal budget: axis title | row labels | cells | colour bar.
    let axis_w = line_h(&af) + st.px(6.0);
    let cb_w = colour_bar_w(st, &format!("{:.1}", scale_max), CAPTION) + st.px(24.0);
    let lf0 = st.label_font();
    let longest = rows.iter().map(|r| text_w(&lf0, &r.0)).max().unwrap_or(0);
    let label_w = longest.min((w as f64 * 0.36) as i32) + st.px(12.0);
    let x0 = m + axis_w + label_w;
    let x1 = (w - m - cb_w).max(x0 + nf);
    let cw = ((x1 - x0) / nf).max(1);

    // Column labels: horizontal when they fit, otherwise rotated.
    let names: Vec<String> = a.frames.iter().map(|f| f.replace('_', " ")).collect();
    let widest = names.iter().map(|s| text_w(&lf0, s)).max().unwrap_or(0);
    let rotate = widest > cw - st.px(8.0);
    let head_h = if rotate {
        widest.min(h / 4) + st.px(10.0)
    } else {
        line_h(&lf0) + st.px(8.0)
    };
    let y_axis_title = 0;
    let y0 = y_axis_title + line_h(&af) + st.px(6.0) + head_h;
    let avail = (h - y0 - m).max(nr);
    let ch = (avail / nr).clamp(1, st.px(110.0));

    text(
        &area,
        "Frame (word list)",
        &af,
        INK,
        (x0 + cw * nf / 2, y_axis_title),
        HPos::Center,
        VPos::Top,
    )?;
    // Aggregated rows are clusters (or the whole corpus), not articles.
    let row_title = kind.row_title();
    vtext(
        &area,
        row_title,
        &af,
        INK,
        (m + line_h(&af) / 2, y0 + ch * nr / 2),
    )?;
    for (j, name) in names.iter().enumerate() {
        let cx = x0 + cw * j as i32 + cw / 2;
        if rotate {
            let s = fit(&lf0, name, head_h - st.px(10.0));
            let tw = text_w(&lf0, &s);
            vtext(&area, &s, &lf0, INK, (cx, y0 - st.px(6.0) - tw / 2))?;
        } else {
            text(
                &area,
                name,
                &lf0,
                INK,
                (cx, y0 - st.px(6.0)),
                HPos::Center,
                VPos::Bottom,
            )?;
        }
    }

    // Fonts shrink with the rows so that 40 rows still fit.
    let lf = st.font(lf0.get_size().min(ch as f64 * 0.8), false);
    let vf = st.font(st.fs(16.0).min(ch as f64 * 0.62), false);
    // Group rows are the group table's means: printed as it prints them.
    let cell_text = |frame: usize, v: f64| {
        if kind == Kind::Groups && v.is_finite() {
            group_mean(&a.frames[frame], v)
        } else {
            num(v, 1)
        }
    };
    let widest = rows
        .iter()
        .flat_map(|r| r.1.iter().enumerate())
        .map(|(j, &v)| text_w(&vf, &cell_text(j, v)))
        .max()
        .unwrap_or(0);
    let show_values = ch >= 9 && widest + 4 <= cw;
    for (r, (label, vals)) in rows.iter().enumerate() {
        let y = y0 + ch * r as i32;
        let l = fit(&lf, label, label_w - st.px(12.0));
        text(
            &area,
            &l,
            &lf,
            INK,
            (x0 - st.px(8.0), y + ch / 2),
            HPos::Right,
            VPos::Center,
        )?;
        for (j, v) in vals.iter().enumerate() {
            let x = x0 + cw * j as i32;
            let colour = if v.is_finite() {
                ramp(&BLUES, v / scale_max)
            } else {
                RGBColor(225, 225, 225)
            };
            area.draw(&Rectangle::new([(x, y), (x + cw, y + ch)], colour.filled()))
                .map_err(de)?;
            if show_values {
                text(
                    &area,
                    &cell_text(j, *v),
                    &vf,
                    text_on(colour),
                    (x + cw / 2, y + ch / 2),
                    HPos::Center,
                    VPos::Center,
                )?;
            }
        }
    }
    // Thin white separators keep cells apart where colours are close.
    if ch >= 6 {
        for r in 1..nr {
            let y = y0 + ch * r;
            area.draw(&PathElement::new(
                vec![(x0, y), (x0 + cw * nf, y)],
                WHITE.stroke_width(1),
            ))
            .map_err(de)?;
        }
    }
    for j in 1..nf {
        let x = x0 + cw * j;
        area.draw(&PathElement::new(
            vec![(x, y0), (x, y0 + ch * nr)],
            WHITE.stroke_width(2),
        ))
        .map_err(de)?;
    }
    let bar_x = x0 + cw * nf + st.px(24.0);
    let bar_top = y0 + st.px(4.0);
    let bar_bot = (y0 + ch * nr)
        .min(bar_top + st.px(420.0))
        .max(bar_top + st.px(60.0));
    colour_bar(
        &area, st, &BLUES, bar_x, bar_top, bar_bot, 0.0, scale_max, 1, CAPTION,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_axis_say_what_the_rows_are() {
        super::super::style::ensure_fonts().unwrap();
        let st = Style::new(1600, 1000);
        let few = crate::model::example(5);
        assert_eq!(rows(&few).kind, Kind::Articles);
        let many = crate::model::example(60);
        assert!(many.clustering.is_some());
        assert_eq!(rows(&many).kind, Kind::Clusters);
        assert!((CHART.alt)(&many).contains("one row per cluster"));
        let svg =
            |a: &Analysis| String::from_utf8(CHART.render_svg(a, &st, st.h).unwrap()).unwrap();
        let s = svg(&many);
        assert!(s.contains("Frame intensity per cluster"), "cluster title");
        assert!(s.contains("Cluster (mean of its articles)"));
        assert!(!s.contains("per article (frame"));
        let s = svg(&few);
        assert!(s.contains("Frame intensity per article"));
        assert!(!s.contains("Cluster (mean"));
        // With groups to compare, the rows are the groups, with the group
        // table's means.
        let mut grouped = crate::model::example(60);
        let stats = |m: f64| -> Vec<crate::model::MeasureSummary> {
            grouped
                .frames
                .iter()
                .map(|f| crate::model::MeasureSummary {
                    measure: f.clone(),
                    mean: m,
                    ..Default::default()
                })
                .collect()
        };
        let groups = ["herald", "post"].map(|name| crate::model::GroupStats {
            name: name.into(),
            articles: 30,
            stats: stats(if name == "post" { 7.5 } else { 2.0 }),
        });
        grouped.groups = Some(crate::model::GroupComparison {
            groups: groups.to_vec(),
            ..Default::default()
        });
        let r = rows(&grouped);
        assert_eq!(r.kind, Kind::Groups);
        assert_eq!(r.rows[2].0, "post (30 articles)");
        assert!(r.rows[2].1.iter().all(|&v| v == 7.5));
        assert_eq!(shows_means_of(&grouped), Some("group"));
        // The caution beside it speaks of the groups' means, not of rows of
        // the thin article's own.
        for f in &mut grouped.articles[1].frames {
            f.hits = 0.0;
        }
        let said = frame_cautions(&grouped).join("\n");
        assert!(said.contains("in its group's mean in the chart"), "{said}");
        assert!(!said.contains("its row"), "{said}");
        let s = svg(&grouped);
        assert!(s.contains("Frame intensity per group"));
        assert!(s.contains("Group (mean of its articles)"));
    }
}
