//! `similarity.png`: cosine-similarity heatmap of the articles ordered by
//! cluster, or a cluster-by-cluster mean similarity summary for large corpora.

use super::chart::Chart;
use super::clusters::cluster_look;
use super::labels::{article_index, article_label, article_number, cluster_name, cluster_of};
use super::style::*;
use crate::model::{Analysis, Clustering};
use crate::report::cautions;
use crate::report::format::int;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use std::collections::HashMap;

/// The registry entry of `similarity.png`.
pub const CHART: Chart = Chart {
    stem: "similarity",
    alt: |a| {
        // With many articles the chart shows cluster means instead.
        if a.clustering
            .as_ref()
            .is_some_and(|c| c.assignments.len() > MAX_FULL)
        {
            "Heat map of the mean cosine similarity between and within the vocabulary clusters"
        } else {
            "Heat map of cosine similarity between articles, ordered by cluster"
        }
    },
    applies: |_| true,
    canvas_h: |a, st| {
        // One row per article shown one by one: as tall as its rows need.
        let n = a
            .clustering
            .as_ref()
            .and_then(|c| c.similarity.as_ref())
            .map_or(0, |s| s.ids.len());
        if n <= MAX_FULL {
            st.rows_height(n, 22.0, 300.0)
        } else {
            st.h
        }
    },
    cautions: cautions::similarity,
    draw_png: |root, a, st| draw(root, a, st),
    draw_svg: |root, a, st| draw(root, a, st),
};

const TITLE: &str = "How similar the articles' wording is (cosine similarity of TF-IDF vectors)";
const CAPTION: &str = "similarity";
/// Most articles shown one by one; above this the chart summarises by cluster.
pub(crate) const MAX_FULL: usize = 50;
/// Most articles for which every cell also shows its value.
const MAX_VALUES: usize = 20;

/// What the heatmap shows.
struct Heat {
    /// Row labels (columns carry short keys).
    rows: Vec<String>,
    /// Column labels.
    cols: Vec<String>,
    /// Values; None = not meaningful (an article with itself).
    values: Vec<Vec<Option<f64>>>,
    /// Colour of each row's/column's cluster.
    strip: Vec<RGBColor>,
    /// Indices where a new cluster starts (drawn as lines).
    breaks: Vec<usize>,
    show_values: bool,
}

/// Draws the similarity chart or a placeholder explaining why there is none.
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
                "No similarity chart: comparing articles needs at least 3 articles, and this run has {}.",
                a.articles.len()
            )],
        );
    };
    let sim = c.similarity.as_ref().filter(|s| !s.ids.is_empty());
    // Too many articles to show pair by pair (or no full matrix at all): the
    // cluster-by-cluster means, which the clustering computes at any size.
    let too_many = sim.is_none_or(|s| s.ids.len() > MAX_FULL);
    if too_many && c.cluster_similarity.len() == c.clusters.len() && !c.clusters.is_empty() {
        let (heat, sub) = cluster_means(a, c);
        return draw_heat(root, st, &heat, &sub);
    }
    let Some(sim) = sim else {
        let mut msg = vec![format!(
            "The full article-by-article similarity matrix was not computed for this run ({} articles), so it cannot be drawn.",
            int(a.articles.len())
        )];
        msg.extend(c.notes.iter().cloned());
        msg.push("Each article's most similar other article is listed in the tables.".to_string());
        return placeholder(root, st, TITLE, &msg);
    };
    let cluster_of = cluster_of(a);
    let title_of = article_index(a);
    let n = sim.ids.len();
    let get = |i: usize, j: usize| -> Option<f64> {
        sim.values
            .get(i)
            .and_then(|r| r.get(j))
            .copied()
            .filter(|v| v.is_finite())
    };
    // Order by cluster, then corpus (matrix) order; unknown clusters go last.
    let mut order: Vec<usize> = (0..n).collect();
    let cl = |i: usize| {
        cluster_of
            .get(sim.ids[i].as_str())
            .copied()
            .unwrap_or(usize::MAX)
    };
    order.sort_by_key(|&i| (cl(i), i));

    let (heat, sub) = if n <= MAX_FULL {
        // Rows and columns carry the article's number in the tables ("#5"),
        // not its position here: the order here is by cluster.
        let number = |i: usize| title_of.get(sim.ids[i].as_str()).copied();
        let rows = order
            .iter()
            .map(|&i| match number(i) {
                Some(ai) => article_label(a, ai),
                None => sim.ids[i].clone(),
            })
            .collect();
        let cols = order
            .iter()
            .map(|&i| number(i).map_or_else(|| "?".to_string(), article_number))
            .collect();
        let values = order
            .iter()
            .map(|&i| {
                order
                    .iter()
                    .map(|&j| if i == j { None } else { get(i, j) })
                    .collect()
            })
            .collect();
        let breaks = (1..n)
            .filter(|&k| cl(order[k]) != cl(order[k - 1]))
            .collect();
        let heat = Heat {
            rows,
            cols,
            values,
            strip: order.iter().map(|&i| cluster_look(cl(i)).0).collect(),
            breaks,
            show_values: n <= MAX_VALUES,
        };
        let sub = vec![
            "Each cell compares two articles' distinctive words: 0 = no distinctive words in common, 1 = identical word profile. Darker = more similar. Articles keep their number from the tables (#1 = first article); columns are numbered like the rows.".to_string(),
            "Articles are grouped by cluster (coloured strip, cluster boundaries drawn as lines; colours match the cluster map). The diagonal (an article with itself) is left grey.".to_string(),
        ];
        (heat, sub)
    } else {
        summary(a, c, n, &order, &cl, &get)
    };
    draw_heat(root, st, &heat, &sub)
}

/// Cluster-by-cluster mean similarity from the clustering's exact means.
fn cluster_means(a: &Analysis, c: &Clustering) -> (Heat, Vec<String>) {
    let k = c.clusters.len();
    let size = |id: usize| c.clusters.get(id).map_or(0, |ci| ci.size);
    let heat = Heat {
        rows: (0..k)
            .map(|id| format!("{} ({} articles)", cluster_name(a, id), int(size(id))))
            .collect(),
        cols: (0..k).map(|id| format!("Cluster {}", id + 1)).collect(),
        values: c
            .cluster_similarity
            .iter()
            .map(|r| r.iter().map(|v| v.filter(|x| x.is_finite())).collect())
            .collect(),
        strip: (0..k).map(|id| cluster_look(id).0).collect(),
        breaks: Vec::new(),
        show_values: k <= 25,
    };
    (heat, summary_text(c.assignments.len()))
}

/// Subtitle of the cluster-by-cluster summary.
fn summary_text(n: usize) -> Vec<String> {
    vec![
        format!(
            "{} articles are too many to show pair by pair: each cell is the mean similarity between the articles of two clusters (0 = no distinctive words in common, 1 = identical). Darker = more similar.",
            int(n)
        ),
        "The diagonal is the mean similarity within a cluster (each article with the others of its cluster): it should be darker than the rest of its row when clusters are well separated. An empty cell is a cluster of one article.".to_string(),
    ]
}

/// Cluster-by-cluster mean similarity (self-pairs excluded), from the full
/// matrix: for analyses that carry no precomputed cluster means.
fn summary(
    a: &Analysis,
    c: &Clustering,
    n: usize,
    order: &[usize],
    cl: &dyn Fn(usize) -> usize,
    get: &dyn Fn(usize, usize) -> Option<f64>,
) -> (Heat, Vec<String>) {
    let mut ids: Vec<usize> = c.clusters.iter().map(|ci| ci.id).collect();
    ids.sort_unstable();
    ids.dedup();
    let pos: HashMap<usize, usize> = ids.iter().enumerate().map(|(p, &id)| (id, p)).collect();
    let k = ids.len();
    let mut sum = vec![vec![0.0; k]; k];
    let mut cnt = vec![vec![0usize; k]; k];
    let members: Vec<(usize, usize)> = order
        .iter()
        .filter_map(|&i| pos.get(&cl(i)).map(|&p| (i, p)))
        .collect();
    for &(i, p) in &members {
        for &(j, q) in &members {
            if i != j {
                if let Some(v) = get(i, j) {
                    sum[p][q] += v;
                    cnt[p][q] += 1;
                }
            }
        }
    }
    let values = (0..k)
        .map(|p| {
            (0..k)
                .map(|q| (cnt[p][q] > 0).then(|| sum[p][q] / cnt[p][q] as f64))
                .collect()
        })
        .collect();
    let size = |id: usize| members.iter().filter(|m| ids[m.1] == id).count();
    let heat = Heat {
        rows: ids
            .iter()
            .map(|&id| format!("{} ({} articles)", cluster_name(a, id), int(size(id))))
            .collect(),
        cols: ids
            .iter()
            .map(|&id| format!("Cluster {}", id + 1))
            .collect(),
        values,
        strip: ids.iter().map(|&id| cluster_look(id).0).collect(),
        breaks: Vec::new(),
        show_values: k <= 25,
    };
    (heat, summary_text(n))
}

/// Draws a square heatmap with row labels, cluster strips and a colour bar.
fn draw_heat<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    st: &Style,
    h: &Heat,
    sub: &[String],
) -> Result<(), ChartError> {
    let max = h
        .values
        .iter()
        .flatten()
        .flatten()
        .copied()
        .fold(0.0f64, f64::max);
    // Scale runs to the highest value shown, rounded up to 0.1, so pale matrices stay readable.
    let top = ((max * 10.0).ceil() / 10.0).clamp(0.1, 1.0);
    let mut sub = sub.to_vec();
    sub.push(format!("Colour scale: 0 to {:.1}.", top));
    let area = header(root, st, TITLE, &sub)?;
    let (w, ht) = area.dim_in_pixel();
    let (w, ht) = (w as i32, ht as i32);
    let m = st.margin();
    let n = h.rows.len().max(1) as i32;
    let lf0 = st.label_font();
    let strip_w = st.px(10.0);
    let cb_w = colour_bar_w(st, "0.00", CAPTION) + st.px(30.0);
    let longest = h.rows.iter().map(|r| text_w(&lf0, r)).max().unwrap_or(0);
    // Row labels give way to cells, so that a row stays tall enough for text
    // of the smallest size.
    let min_cell = min_row_h(st, 0.8);
    let room = w - 2 * m - strip_w - st.px(4.0) - cb_w - n * min_cell - st.px(10.0);
    let label_w = longest
        .min((w as f64 * 0.34) as i32)
        .min(room)
        .max(st.px(60.0))
        + st.px(10.0);
    let widest_col = h.cols.iter().map(|s| text_w(&lf0, s)).max().unwrap_or(0);
    let head_h = line_h(&lf0) + st.px(6.0);
    let x0 = m + label_w + strip_w + st.px(4.0);
    let y0 = head_h + strip_w + st.px(4.0);
    let cell = ((w - x0 - cb_w - m) / n).min((ht - y0 - m) / n).max(1);
    let x1 = x0 + cell * n;
    let y1 = y0 + cell * n;
    let lf = st.font(lf0.get_size().min(cell as f64 * 0.8), false);
    // Column keys: all when they fit; else the cluster numbers alone (each
    // row names its cluster in full), and only then every k-th.
    let cf = st.font(lf0.get_size().min(st.fs(16.0)), false);
    let step_for = |widest: i32| ((widest + st.px(6.0)) / cell.max(1) + 1).max(1) as usize;
    let mut cols: Vec<&str> = h.cols.iter().map(String::as_str).collect();
    let mut step = step_for(widest_col);
    if step > 1 {
        cols = cols
            .iter()
            .map(|c| c.strip_prefix("Cluster ").unwrap_or(c))
            .collect();
        step = step_for(cols.iter().map(|s| text_w(&cf, s)).max().unwrap_or(0));
    }
    for (j, s) in cols.iter().enumerate() {
        if j % step == 0 {
            let cx = x0 + cell * j as i32 + cell / 2;
            text(
                &area,
                s,
                &cf,
                INK,
                (cx, head_h - st.px(4.0)),
                HPos::Center,
                VPos::Bottom,
            )?;
        }
    }
    let vf = st.font(st.value_font().get_size().min(cell as f64 * 0.32), false);
    let show_values = h.show_values && text_w(&vf, "0.00") + 4 <= cell;
    for (i, row) in h.values.iter().enumerate() {
        let y = y0 + cell * i as i32;
        let l = fit(&lf, &h.rows[i], label_w - st.px(10.0));
        if cell >= 7 {
            text(
                &area,
                &l,
                &lf,
                INK,
                (x0 - strip_w - st.px(10.0), y + cell / 2),
                HPos::Right,
                VPos::Center,
            )?;
        }
        let sc = h.strip.get(i).copied().unwrap_or(LIGHT);
        area.draw(&Rectangle::new(
            [(x0 - strip_w - st.px(4.0), y), (x0 - st.px(4.0), y + cell)],
            sc.filled(),
        ))
        .map_err(de)?;
        area.draw(&Rectangle::new(
            [
                (x0 + cell * i as i32, y0 - strip_w - st.px(4.0)),
                (x0 + cell * (i as i32 + 1), y0 - st.px(4.0)),
            ],
            sc.filled(),
        ))
        .map_err(de)?;
        for (j, v) in row.iter().enumerate() {
            let x = x0 + cell * j as i32;
            let col = match v {
                Some(v) => ramp(&YLGNBU, v / top),
                None => RGBColor(215, 215, 215),
            };
            area.draw(&Rectangle::new(
                [(x, y), (x + cell, y + cell)],
                col.filled(),
            ))
            .map_err(de)?;
            if let (true, Some(v)) = (show_values, v) {
                text(
                    &area,
                    &format!("{:.2}", v),
                    &vf,
                    text_on(col),
                    (x + cell / 2, y + cell / 2),
                    HPos::Center,
                    VPos::Center,
                )?;
            }
        }
    }
    if cell >= 8 {
        for k in 1..n {
            let (x, y) = (x0 + cell * k, y0 + cell * k);
            area.draw(&PathElement::new(
                vec![(x0, y), (x1, y)],
                WHITE.stroke_width(1),
            ))
            .map_err(de)?;
            area.draw(&PathElement::new(
                vec![(x, y0), (x, y1)],
                WHITE.stroke_width(1),
            ))
            .map_err(de)?;
        }
    }
    for &b in &h.breaks {
        let (x, y) = (x0 + cell * b as i32, y0 + cell * b as i32);
        let s = INK.stroke_width(st.px(2.0) as u32);
        area.draw(&PathElement::new(vec![(x0, y), (x1, y)], s))
            .map_err(de)?;
        area.draw(&PathElement::new(vec![(x, y0), (x, y1)], s))
            .map_err(de)?;
    }
    let bar_top = y0 + st.px(24.0);
    let bar_bot = y1.min(bar_top + st.px(420.0)).max(bar_top + st.px(60.0));
    colour_bar(
        &area,
        st,
        &YLGNBU,
        x1 + st.px(30.0),
        bar_top,
        bar_bot,
        0.0,
        top,
        2,
        CAPTION,
    )
}
