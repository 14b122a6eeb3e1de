//! `clusters.png`: the 2-D article map coloured (and shaped) by cluster, with
//! the cluster labels in a legend beside the plot and a sample of titles.

use super::chart::Chart;
use super::labels::{article_index, article_label, cluster_name, MAX_ROWS};
use super::placement::{Labeler, PxRect, Search};
use super::style::*;
use crate::model::Analysis;
use crate::report::cautions;
use crate::report::format::int;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The registry entry of `clusters.png`.
pub const CHART: Chart = Chart {
    stem: "clusters",
    alt: |_| "Two-dimensional map of the articles, coloured by vocabulary cluster",
    applies: |_| true,
    canvas_h: |_, st| st.h,
    cautions: cautions::clusters,
    draw_png: |root, a, st| draw(root, a, st),
    draw_svg: |root, a, st| draw(root, a, st),
};

const TITLE: &str = "Map of articles by the words they use, coloured by cluster";

/// Colour and shape of cluster `c` (see [`category_look`]): eleven colours,
/// then the shape changes, so no two clusters of a run look alike.
pub fn cluster_look(c: usize) -> (RGBColor, usize) {
    category_look(c)
}

/// Draws the cluster map, or a placeholder when there is no clustering.
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
                "No cluster map: grouping articles needs at least 3 articles, and this run has {}.",
                a.articles.len()
            )],
        );
    };
    // (assignment index, x, y, cluster), finite coordinates only.
    let pts: Vec<(usize, f64, f64, usize)> = c
        .assignments
        .iter()
        .enumerate()
        .filter(|(_, s)| s.x.is_finite() && s.y.is_finite())
        .map(|(i, s)| (i, s.x, s.y, s.cluster))
        .collect();
    if pts.is_empty() {
        return placeholder(
            root,
            st,
            TITLE,
            &["No article has usable map coordinates, so the map cannot be drawn.".to_string()],
        );
    }
    let n = pts.len();
    // Shapes change only after the palette's colours run out: say "shape"
    // only when the map has more than one.
    let shaped = c
        .clusters
        .iter()
        .any(|cl| cluster_look(cl.id).1 != cluster_look(c.clusters[0].id).1);
    let mut sub = vec![format!(
        "Each marker is an article, placed so that articles using similar distinctive (TF-IDF) words sit close together; the axes have no units. {} the {} clusters found ({}, mean silhouette {}: closer to 1 = better separated).",
        if shaped { "Colour and shape show" } else { "Colour shows" },
        c.k,
        k_words(&c.k_chosen_by),
        // The text's precision, so the chart and the summary give one figure.
        crate::report::format::score3(finite(c.silhouette))
    )];
    if c.assignments.len() > n {
        sub.push(format!(
            "{} without map coordinates {} not shown.",
            crate::report::format::count(c.assignments.len() - n, "article", "articles"),
            if c.assignments.len() - n == 1 {
                "is"
            } else {
                "are"
            }
        ));
    }
    sub.extend(label_note(n, c.k));
    let area = header(root, st, TITLE, &sub)?;
    let (w, _) = area.dim_in_pixel();
    let legend_w = (w as f64 * 0.27) as u32;
    let (plot_area, legend) = area.split_horizontally(w - legend_w);

    let (mut x0, mut x1, mut y0, mut y1) = pts.iter().fold(
        (f64::MAX, f64::MIN, f64::MAX, f64::MIN),
        |(a0, a1, b0, b1), p| (a0.min(p.1), a1.max(p.1), b0.min(p.2), b1.max(p.2)),
    );
    // Pad the ranges (a dense map more, so its tags find room beside the
    // cloud); a degenerate range (all points equal) gets a unit span.
    let pad_share = if n > DENSE { 0.12 } else { 0.08 };
    for (lo, hi) in [(&mut x0, &mut x1), (&mut y0, &mut y1)] {
        let span = *hi - *lo;
        let pad = if span > 0.0 { span * pad_share } else { 1.0 };
        *lo -= pad;
        *hi += pad;
    }
    let lf = st.label_font();
    let af = st.axis_font();
    let m = st.margin();
    let mut chart = ChartBuilder::on(&plot_area)
        .margin_left(m)
        .margin_right(st.px(10.0))
        .margin_bottom(m)
        .margin_top(st.px(6.0))
        .x_label_area_size(line_h(&lf) + line_h(&af) + st.px(16.0))
        .y_label_area_size(text_w(&lf, "-0.00") + line_h(&af) + st.px(24.0))
        .build_cartesian_2d(x0..x1, y0..y1)
        .map_err(de)?;
    chart
        .configure_mesh()
        .x_desc("Map dimension 1")
        .y_desc("Map dimension 2")
        .label_style(lf.color(&INK))
        .axis_desc_style(af.color(&INK))
        .bold_line_style(LIGHT.mix(0.6))
        .light_line_style(TRANSPARENT)
        .x_label_formatter(&|v| num(*v, 2))
        .y_label_formatter(&|v| num(*v, 2))
        .draw()
        .map_err(de)?;

    let r = marker_radius(st, n);
    let alpha = if n <= MAX_ROWS { 1.0 } else { 0.7 };
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    let mut lab = Labeler::new((xr.start, yr.start, xr.end, yr.end));
    let px = |p: &(usize, f64, f64, usize)| chart.backend_coord(&(p.1, p.2));
    for p in &pts {
        let (col, shape) = cluster_look(p.3);
        // Few markers are outlined like the legend's; a dense cloud is not,
        // where outlines would merge into a dark smear.
        if n <= MAX_ROWS {
            outlined_marker(root, shape, px(p), r, col.mix(alpha).filled())?;
        } else {
            marker(root, shape, px(p), r, col.mix(alpha).filled())?;
        }
        // No label may cover a marker, at any corpus size.
        let (x, y) = px(p);
        lab.block((x - r - 2, y - r - 2, x + r + 2, y + r + 2));
    }

    // Cluster tags first (they name every cluster), then article titles in
    // the room left.
    let pixel_pts: Vec<Dot> = pts.iter().map(|p| (px(p), p.3, p.0)).collect();
    let tags = if n > MAX_ROWS {
        place_tags(&mut lab, a, st, &pixel_pts, r)
    } else {
        Vec::new()
    };
    let titles = if n <= DENSE {
        place_titles(&mut lab, a, st, &pixel_pts, r)
    } else {
        Vec::new()
    };
    // Leaders, then labels, then the labelled markers' rings on top, so no
    // marker is ever drawn over label text.
    let tf = st.value_font();
    let th = line_h(&tf);
    for t in &titles {
        if t.displaced {
            let rc = t.rect;
            leader(root, t.at, r + 1, (rc.0 - 2, rc.1, rc.2 + 2, rc.3))?;
        }
    }
    for t in &tags {
        cased_leader(root, st, t.at, r + 1, t.rect)?;
    }
    for t in &titles {
        let rc = t.rect;
        halo_label(root, &t.text, &tf, (rc.0, rc.1), (rc.2 - rc.0, th))?;
    }
    for t in &tags {
        draw_tag(root, st, t)?;
    }
    if n > MAX_ROWS {
        for t in titles.iter().chain(&tags) {
            // Ring the labelled marker so the label's owner is visible in a dense map.
            let (_, shape) = cluster_look(t.cluster);
            marker(
                root,
                shape,
                t.at,
                r + 1,
                ShapeStyle::from(&INK).stroke_width(st.px(2.0) as u32),
            )?;
        }
    }
    draw_legend(&legend, a, st)
}

/// Above this many articles no article title is written on the map: the
/// cloud leaves too little free room, which the cluster tags need.
const DENSE: usize = 300;

/// Most cluster tags on a map (the largest clusters get them); the legend lists every cluster it has room for.
const MAX_TAGS: usize = 12;

/// Marker radius for a map of `n` articles: smaller as the cloud gets denser.
fn marker_radius(st: &Style, n: usize) -> i32 {
    if n <= MAX_ROWS {
        st.px(8.0)
    } else if n <= DENSE {
        st.px(5.0)
    } else if n <= 5_000 {
        st.px(3.5)
    } else {
        st.px(2.5)
    }
}

/// The subtitle line that says how the map is labelled, if it is not every article.
fn label_note(n: usize, k: usize) -> Option<String> {
    let tags = if k > MAX_TAGS {
        format!("the {MAX_TAGS} largest clusters are")
    } else {
        "each cluster is".to_string()
    };
    let n_text = int(n);
    if n <= MAX_ROWS {
        None
    } else if n <= DENSE {
        Some(format!(
            "{n_text} articles: {tags} tagged at the article nearest its centre on the map (ringed); a sample of articles is labelled where there is room."
        ))
    } else {
        Some(format!(
            "{n_text} articles: {tags} tagged beside the cloud, with a line to the article nearest its centre on the map (ringed); no label covers a marker."
        ))
    }
}

/// A marker on the map: its pixel centre, its cluster and its row of the
/// assignments.
type Dot = ((i32, i32), usize, usize);

/// A label placed on the map: the marker it names, its box and text.
struct Placed {
    /// Pixel centre of the marker.
    at: (i32, i32),
    /// Cluster of the marker (its shape for the ring).
    cluster: usize,
    /// The label's box: text top-left to bottom-right.
    rect: PxRect,
    text: String,
    displaced: bool,
}

/// Places one tag per cluster (at most [`MAX_TAGS`], the largest clusters)
/// in free room near its centre on the map. Of the tags left, the one that
/// can sit nearest its centre goes first, so that leaders stay short; a tag
/// is shortened to its cluster's name where room is short. A tag whose
/// leader cannot avoid the others' is placed last, crossing them; one with
/// no room at all is left out (the legend still names its cluster).
fn place_tags(lab: &mut Labeler, a: &Analysis, st: &Style, pts: &[Dot], r: i32) -> Vec<Placed> {
    let Some(c) = a.clustering.as_ref() else {
        return Vec::new();
    };
    let f = tag_font(st);
    let mut order: Vec<&crate::model::ClusterInfo> = c.clusters.iter().collect();
    order.sort_by(|p, q| q.size.cmp(&p.size).then(p.id.cmp(&q.id)));
    let mut left: Vec<Tag> = order
        .into_iter()
        .take(MAX_TAGS)
        .filter_map(|ci| {
            let texts = [tag_text(a, ci.id, &f, st.px(230.0)), cluster_tag(ci.id)];
            anchor(ci.id, pts).map(|at| (ci.id, at, texts))
        })
        .collect();
    let mut out = Vec::new();
    for cross_leaders in [false, true] {
        let how = Search {
            step: st.px(6.0),
            cross_leaders,
        };
        while let Some(tag) = place_nearest_tag(lab, st, &mut left, r, how) {
            out.push(tag);
        }
    }
    out
}

/// A tag to place: its cluster, the marker it points at and its two texts
/// (with the cluster's words, and the bare name).
type Tag = (usize, (i32, i32), [String; 2]);

/// Places, of the tags `left`, the one whose best spot is nearest its marker
/// and takes it out of `left`; `None` when none has a spot.
fn place_nearest_tag(
    lab: &mut Labeler,
    st: &Style,
    left: &mut Vec<Tag>,
    r: i32,
    how: Search,
) -> Option<Placed> {
    let f = tag_font(st);
    let h = tag_h(st);
    let (_, i, t) = left
        .iter()
        .enumerate()
        .filter_map(|(i, (_, at, texts))| {
            let d = |t: usize| lab.nearest_free(*at, r + 2, tag_w(st, &f, &texts[t]), h, how);
            choose_text(d(0).map(|x| x.0), d(1).map(|x| x.0), h).map(|(d, t)| (d, i, t))
        })
        .min()?;
    let (cluster, at, texts) = left.remove(i);
    let text = texts[t].clone();
    let w = tag_w(st, &f, &text);
    let ((x, y), _) = lab.place_free(at, r + 2, w, h, how)?;
    Some(Placed {
        at,
        cluster,
        rect: (x, y, x + w, y + h),
        text,
        displaced: true,
    })
}

/// Which of a tag's two texts to use, from the squared distances of their
/// nearest free spots: the one with the cluster's words, unless it must sit
/// more than three line heights (`h`) further away than the bare name.
fn choose_text(long: Option<i64>, short: Option<i64>, h: i32) -> Option<(i64, usize)> {
    let far = |a: i64, b: i64| (a as f64).sqrt() > (b as f64).sqrt() + 3.0 * h as f64;
    match (long, short) {
        (Some(l), Some(s)) if far(l, s) => Some((s, 1)),
        (Some(l), _) => Some((l, 0)),
        (None, Some(s)) => Some((s, 1)),
        (None, None) => None,
    }
}

/// Places the titles of a sample of articles (each cluster's most central
/// first, then corpus order) where they cover nothing.
fn place_titles(lab: &mut Labeler, a: &Analysis, st: &Style, pts: &[Dot], r: i32) -> Vec<Placed> {
    let Some(c) = a.clustering.as_ref() else {
        return Vec::new();
    };
    let index = article_index(a);
    let central: Vec<&str> = c
        .clusters
        .iter()
        .map(|ci| ci.central_article.as_str())
        .collect();
    let mut order: Vec<&Dot> = pts.iter().collect();
    order.sort_by_key(|p| {
        let id = c.assignments[p.2].article_id.as_str();
        (!central.contains(&id), p.2)
    });
    let n = pts.len();
    let max_labels = if n <= MAX_ROWS { n } else { 12 };
    let tf = st.value_font();
    let th = line_h(&tf);
    let mut placed = Vec::new();
    for p in order.into_iter().take(max_labels * 3) {
        if placed.len() >= max_labels {
            break;
        }
        let id = c.assignments[p.2].article_id.as_str();
        let title = index
            .get(id)
            .map(|&i| article_label(a, i))
            .unwrap_or_else(|| id.to_string());
        let text = fit(&tf, &title, st.px(280.0));
        let w = text_w(&tf, &text);
        if let Some(((x, y), displaced)) = lab.place_near(p.0, r + 2, w, th) {
            placed.push(Placed {
                at: p.0,
                cluster: p.1,
                rect: (x, y, x + w, y + th),
                text,
                displaced,
            });
        }
    }
    placed
}

/// Where cluster `id`'s tag points: the member nearest the members' mean
/// position, which is where the map projects the cluster's centre (the map
/// is a linear projection of the clustered vectors).
fn anchor(id: usize, pts: &[Dot]) -> Option<(i32, i32)> {
    let members: Vec<(i32, i32)> = pts.iter().filter(|p| p.1 == id).map(|p| p.0).collect();
    let k = members.len().max(1) as i64;
    let (sx, sy) = members.iter().fold((0i64, 0i64), |(sx, sy), p| {
        (sx + p.0 as i64, sy + p.1 as i64)
    });
    let mean = (sx / k, sy / k);
    members
        .into_iter()
        .min_by_key(|p| (p.0 as i64 - mean.0).pow(2) + (p.1 as i64 - mean.1).pow(2))
}

/// Height of a tag's box: a line of [`tag_font`], padded.
fn tag_h(st: &Style) -> i32 {
    line_h(&tag_font(st)) + 2 * st.px(3.0)
}

/// Font of the cluster tags (bold, the legend's size).
fn tag_font(st: &Style) -> FontDesc<'static> {
    st.font(st.fs(15.0), true)
}

/// The short name a tag falls back to: "Cluster 3".
fn cluster_tag(id: usize) -> String {
    format!("Cluster {}", id + 1)
}

/// "Cluster 3: police / man" with as many of the cluster's top words as fit
/// in `max_w` (whole words only, so a tag never ends in a cut word).
fn tag_text(a: &Analysis, id: usize, f: &FontDesc, max_w: i32) -> String {
    let name = cluster_name(a, id);
    let Some((head, words)) = name.split_once(": ") else {
        return name;
    };
    let mut text = head.to_string();
    for (i, word) in words.split(" / ").enumerate() {
        let sep = if i == 0 { ": " } else { " / " };
        let longer = format!("{text}{sep}{word}");
        if text_w(f, &longer) > max_w {
            break;
        }
        text = longer;
    }
    text
}

/// Width of a tag's box: the cluster's marker, a gap and the text, padded.
fn tag_w(st: &Style, f: &FontDesc, text: &str) -> i32 {
    2 * st.px(6.0) + 2 * st.px(5.0) + st.px(6.0) + text_w(f, text)
}

/// Draws a cluster tag: a white box with a thin border, the cluster's
/// marker (colour and shape, as in the legend) and its text.
fn draw_tag<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    st: &Style,
    t: &Placed,
) -> Result<(), ChartError> {
    let (x0, y0, x1, y1) = t.rect;
    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], WHITE.filled()))
        .map_err(de)?;
    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], MUTED.stroke_width(1)))
        .map_err(de)?;
    let (col, shape) = cluster_look(t.cluster);
    let mr = st.px(5.0);
    let centre = (x0 + st.px(6.0) + mr, (y0 + y1) / 2);
    outlined_marker(area, shape, centre, mr, col.filled())?;
    let f = tag_font(st);
    text(
        area,
        &t.text,
        &f,
        INK,
        (centre.0 + mr + st.px(6.0), (y0 + y1) / 2),
        HPos::Left,
        VPos::Center,
    )
}

/// A leader from the marker at `p` (radius `r`) to a tag's box, dark on a
/// white casing so it stays visible where it crosses the cloud.
fn cased_leader<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    st: &Style,
    p: (i32, i32),
    r: i32,
    rect: PxRect,
) -> Result<(), ChartError> {
    let Some((from, to)) = leader_ends(p, r, rect) else {
        return Ok(());
    };
    let casing = WHITE.stroke_width(st.px(4.0).max(3) as u32);
    area.draw(&PathElement::new(vec![from, to], casing))
        .map_err(de)?;
    area.draw(&PathElement::new(
        vec![from, to],
        INK.stroke_width(st.px(1.5).max(1) as u32),
    ))
    .map_err(de)
}

/// How k was chosen, in words: "k fixed by --k" or "k chosen by silhouette".
pub fn k_words(chosen_by: &str) -> String {
    match chosen_by {
        "fixed" => "k fixed by --k".to_string(),
        "" => "k chosen automatically".to_string(),
        other => format!("k chosen by {other}"),
    }
}

/// The legend panel: one entry per cluster, largest first when not all fit.
fn draw_legend<DB: DrawingBackend>(
    legend: &DrawingArea<DB, Shift>,
    a: &Analysis,
    st: &Style,
) -> Result<(), ChartError> {
    let Some(c) = a.clustering.as_ref() else {
        return Ok(());
    };
    let (w, h) = legend.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let m = st.margin();
    let hf = st.font(st.fs(18.0), true);
    let bf = st.font(st.fs(15.0), true);
    let lf = st.font(st.fs(15.0), false);
    let r = st.px(8.0);
    let text_x = st.px(10.0) + 2 * r + st.px(10.0);
    let max_w = w - text_x - m;
    let mut y = st.px(6.0);
    text(
        legend,
        "Clusters (top words)",
        &hf,
        INK,
        (st.px(10.0), y),
        HPos::Left,
        VPos::Top,
    )?;
    y += line_h(&hf) + st.px(8.0);
    // Two lines of top words per cluster, or one when that lists them all.
    let fits_with = |lines: i32| {
        let entry_h = line_h(&bf) + lines * line_h(&lf) + st.px(10.0);
        ((h - y - m) / entry_h.max(1)).max(1) as usize
    };
    let word_lines = if fits_with(2) >= c.clusters.len() {
        2
    } else {
        1
    };
    let fits = fits_with(word_lines as i32);
    let mut ids: Vec<&crate::model::ClusterInfo> = c.clusters.iter().collect();
    let hidden = ids.len().saturating_sub(fits);
    if hidden > 0 {
        // Keep the largest clusters, then show them in id order.
        ids.sort_by(|p, q| q.size.cmp(&p.size).then(p.id.cmp(&q.id)));
        ids.truncate(fits.saturating_sub(1).max(1));
        ids.sort_by_key(|ci| ci.id);
    }
    for ci in &ids {
        let (col, shape) = cluster_look(ci.id);
        let cy = y + line_h(&bf) / 2;
        outlined_marker(legend, shape, (st.px(10.0) + r, cy), r, col.filled())?;
        let head = format!(
            "Cluster {} · {} article{}",
            ci.id + 1,
            ci.size,
            if ci.size == 1 { "" } else { "s" }
        );
        text(
            legend,
            &fit(&bf, &head, max_w),
            &bf,
            INK,
            (text_x, y),
            HPos::Left,
            VPos::Top,
        )?;
        y += line_h(&bf);
        let name = cluster_name(a, ci.id);
        let label = name.split_once(": ").map(|x| x.1).unwrap_or("(no label)");
        for line in wrap_at_most(&lf, label, max_w, word_lines) {
            text(
                legend,
                &line,
                &lf,
                MUTED,
                (text_x, y),
                HPos::Left,
                VPos::Top,
            )?;
            y += line_h(&lf);
        }
        y += st.px(10.0);
    }
    if c.clusters.len() > ids.len() {
        let more = format!(
            "+ {} smaller clusters (see the tables)",
            c.clusters.len() - ids.len()
        );
        text(
            legend,
            &fit(&lf, &more, w - m),
            &lf,
            MUTED,
            (st.px(10.0), y),
            HPos::Left,
            VPos::Top,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{example, ClusterInfo};
    use rand_xoshiro::rand_core::{RngCore, SeedableRng};

    /// `n` articles in `k` clusters, and their pixel positions: a dense,
    /// overlapping cloud in the middle of a 1000 x 650 plot.
    fn dense(n: usize, k: usize) -> (Analysis, Vec<Dot>) {
        let mut a = example(n);
        let c = a.clustering.as_mut().unwrap();
        c.k = k;
        c.clusters = (0..k)
            .map(|id| ClusterInfo {
                id,
                label: format!("police{id} / officers / armed / response"),
                label_terms: Vec::new(),
                size: (0..n).filter(|i| i % k == id).count(),
                top_terms: Vec::new(),
                central_article: String::new(),
            })
            .collect();
        let mut rng = rand_xoshiro::Xoshiro256Plus::seed_from_u64(7);
        let mut pick = |m: u64| (rng.next_u64() % m) as i32;
        let pts = (0..n)
            .map(|i| {
                c.assignments[i].cluster = i % k;
                let step = (400 / k) as i32;
                let (cx, cy) = (300 + step * (i % k) as i32, 250 + step / 3 * (i % k) as i32);
                ((cx + pick(400) - 200, cy + pick(300) - 150), i % k, i)
            })
            .collect();
        (a, pts)
    }

    #[test]
    fn tags_name_every_cluster_and_cover_no_marker() {
        ensure_fonts().unwrap();
        let st = Style::new(1600, 1000);
        let r = marker_radius(&st, 4000);
        let (a, pts) = dense(4000, 10);
        let mut lab = Labeler::new((0, 0, 1000, 650));
        let dot = |(x, y): (i32, i32)| (x - r - 2, y - r - 2, x + r + 2, y + r + 2);
        for p in &pts {
            lab.block(dot(p.0));
        }
        let tags = place_tags(&mut lab, &a, &st, &pts, r);
        let mut named: Vec<usize> = tags.iter().map(|t| t.cluster).collect();
        named.sort_unstable();
        assert_eq!(named, (0..10).collect::<Vec<_>>());
        let overlap = |a: PxRect, b: PxRect| a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
        for (i, t) in tags.iter().enumerate() {
            assert!(t.text.starts_with(&cluster_tag(t.cluster)), "{}", t.text);
            assert!(pts.iter().all(|p| !overlap(t.rect, dot(p.0))), "{}", t.text);
            assert!(tags[..i].iter().all(|u| !overlap(t.rect, u.rect)));
            // Its leader points at a member of its own cluster.
            assert!(pts.iter().any(|p| p.0 == t.at && p.1 == t.cluster));
        }
    }

    #[test]
    fn more_clusters_than_tags_tag_the_largest() {
        ensure_fonts().unwrap();
        let st = Style::new(1600, 1000);
        let (a, pts) = dense(2000, 20);
        let mut lab = Labeler::new((0, 0, 1000, 650));
        for &((x, y), _, _) in &pts {
            lab.block((x - 5, y - 5, x + 5, y + 5));
        }
        let tags = place_tags(&mut lab, &a, &st, &pts, 3);
        assert_eq!(
            tags.len(),
            MAX_TAGS,
            "{:?}",
            tags.iter().map(|t| &t.text).collect::<Vec<_>>()
        );
        assert!(label_note(2000, 20).unwrap().contains("12 largest"));
        assert!(label_note(40, 20).is_none());
    }

    #[test]
    fn tag_text_keeps_whole_words() {
        ensure_fonts().unwrap();
        let st = Style::new(1600, 1000);
        let f = tag_font(&st);
        let (a, _) = dense(10, 2);
        let long = tag_text(&a, 1, &f, 2000);
        assert_eq!(long, "Cluster 2: police1 / officers / armed / response");
        let short = tag_text(&a, 1, &f, text_w(&f, "Cluster 2: police1 / office"));
        assert_eq!(short, "Cluster 2: police1");
        assert_eq!(tag_text(&a, 1, &f, 10), "Cluster 2");
    }

    #[test]
    fn a_tag_keeps_its_words_unless_they_push_it_far_away() {
        let h = 20;
        assert_eq!(choose_text(Some(100), Some(100), h), Some((100, 0)));
        assert_eq!(choose_text(Some(80 * 80), Some(10 * 10), h), Some((100, 1)));
        assert_eq!(choose_text(None, Some(4), h), Some((4, 1)));
        assert_eq!(choose_text(None, None, h), None);
    }
}
