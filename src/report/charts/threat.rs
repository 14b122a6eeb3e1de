//! `threat_reassurance.png`: scatter of each article's reassurance (x) against
//! threat (y) per 1,000 words, with the threat = reassurance balance line and
//! shaded halves. Each axis is scaled to its own data when the two ranges
//! differ much (reassurance is usually far rarer than threat), so the dots do
//! not sit on one vertical line; the balance line then is not at 45°.

use super::chart::Chart;
use super::labels::{article_label, MAX_ROWS};
use super::placement::Labeler;
use super::style::*;
use crate::model::findings::{MOST_REASSURANCE, MOST_THREAT};
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
    applies: |_| true,
    canvas_h: |_, st| st.h,
    cautions: cautions::threat_reassurance,
    draw_png: |root, a, st| draw(root, a, st),
    draw_svg: |root, a, st| draw(root, a, st),
};

/// Most labelled dots; more would crowd the plot.
const LABELS: usize = 20;
/// Articles shorter than this are never labelled as examples (one word in a
/// 13-word text is 77 per 1,000): their rates rest on a word or two.
const MIN_LABEL_WORDS: usize = 50;
/// The axes share one scale when the larger maximum is at most this many
/// times the smaller; otherwise each axis is scaled to its own data.
const SHARED_RATIO: f64 = 2.0;
const TITLE: &str = "Threat versus reassurance language per article";

/// One dot: article index, reassurance and threat per 1,000 words, and how
/// clearly it leans to one side (see [`lean`]; > 0 = clearly, worth a label).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    i: usize,
    r: f64,
    t: f64,
    lean: f64,
}

/// How clearly an article leans to the side of its larger score: with
/// intervals, the lower end of the larger score's 95% interval minus the upper
/// end of the other's (> 0 when the intervals do not overlap, as the
/// report's caution puts it); without, the plain difference. Articles under
/// [`MIN_LABEL_WORDS`] words and those with neither word lean 0.
fn lean(
    words: usize,
    t: f64,
    r: f64,
    t_ci: (Option<f64>, Option<f64>),
    r_ci: (Option<f64>, Option<f64>),
) -> f64 {
    if words < MIN_LABEL_WORDS || (t <= 0.0 && r <= 0.0) {
        return 0.0;
    }
    let d = match (t_ci, r_ci) {
        ((Some(tl), Some(th)), (Some(rl), Some(rh))) => {
            if t > r {
                tl - rh
            } else {
                rl - th
            }
        }
        _ => (t - r).abs(),
    };
    if d.is_finite() {
        d.max(0.0)
    } else {
        0.0
    }
}

/// Axis maxima (reassurance, threat) and whether they share one scale: the
/// data's maximum plus 8%, 1.0 for an axis with no data above 0; one shared
/// maximum when the two are within [`SHARED_RATIO`] of each other.
fn axis_tops(max_r: f64, max_t: f64) -> (f64, f64, bool) {
    let pad = |v: f64| if v > 0.0 { v * 1.08 } else { 1.0 };
    let (x, y) = (pad(max_r), pad(max_t));
    if x.max(y) <= SHARED_RATIO * x.min(y) {
        let m = x.max(y);
        (m, m, true)
    } else {
        (x, y, false)
    }
}

/// The part of the polygon `poly` where `f(p) >= 0` (one Sutherland-Hodgman
/// step, for a half-plane bounded by a line).
fn clip(poly: &[(f64, f64)], f: impl Fn((f64, f64)) -> f64) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    for k in 0..poly.len() {
        let (p, q) = (poly[k], poly[(k + 1) % poly.len()]);
        let (fp, fq) = (f(p), f(q));
        if fp >= 0.0 {
            out.push(p);
        }
        if (fp >= 0.0) != (fq >= 0.0) {
            let s = fp / (fp - fq);
            out.push((p.0 + s * (q.0 - p.0), p.1 + s * (q.1 - p.1)));
        }
    }
    out
}

/// The plot rectangle `x` by `y` split by the line threat = reassurance:
/// (the part above it, the part below it).
type Poly = Vec<(f64, f64)>;
fn halves(x: (f64, f64), y: (f64, f64)) -> (Poly, Poly) {
    let rect = [(x.0, y.0), (x.1, y.0), (x.1, y.1), (x.0, y.1)];
    (clip(&rect, |p| p.1 - p.0), clip(&rect, |p| p.0 - p.1))
}

/// The articles the report's Findings name as the most threat- and the most
/// reassurance-framed, read from [`Analysis::findings`] (by id, checked
/// against the number), so the chart labels exactly those.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Tops {
    threat: Option<usize>,
    reassurance: Option<usize>,
}

impl Tops {
    fn names(&self, i: usize) -> bool {
        self.threat == Some(i) || self.reassurance == Some(i)
    }
}

/// [`Tops`] of an analysis: the articles of its `most_threat` and
/// `most_reassurance` findings (none when the findings name none).
fn named_articles(a: &Analysis) -> Tops {
    let find = |kind: &str| {
        let f = a.findings.items.iter().find(|f| f.kind == kind)?;
        let by_no = f
            .article_no
            .checked_sub(1)
            .filter(|&i| a.articles.get(i).is_some_and(|art| art.id == f.article_id));
        by_no.or_else(|| a.articles.iter().position(|art| art.id == f.article_id))
    };
    Tops {
        threat: find(MOST_THREAT),
        reassurance: find(MOST_REASSURANCE),
    }
}

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
    // Finite values only.
    let pts: Vec<Point> = a
        .articles
        .iter()
        .enumerate()
        .filter_map(|(i, art)| {
            let (tf, rf) = (art.frames.get(ti)?, art.frames.get(ri)?);
            let (t, r) = (tf.per_1k, rf.per_1k);
            (t.is_finite() && r.is_finite()).then(|| Point {
                i,
                r,
                t,
                lean: lean(
                    art.words,
                    t,
                    r,
                    (tf.ci_low, tf.ci_high),
                    (rf.ci_low, rf.ci_high),
                ),
            })
        })
        .collect();
    let max_r = pts.iter().fold(0.0f64, |m, p| m.max(p.r));
    let max_t = pts.iter().fold(0.0f64, |m, p| m.max(p.t));
    let (x_top, y_top, shared) = axis_tops(max_r, max_t);
    // Start a little below zero so dots at 0 are not cut by the axes.
    let (x_lo, y_lo) = (-0.03 * x_top, -0.03 * y_top);
    let tops = named_articles(a);

    let mut sub = vec![
        "Each dot is one article. Further right = more reassurance words, higher up = more threat words (both per 1,000 words). Dots above the dashed balance line (threat = reassurance) use more threat than reassurance language.".to_string(),
    ];
    if !shared {
        sub.push(format!(
            "The two axes have different scales (reassurance up to {}, threat up to {} per 1,000 words), so the balance line is not at 45°: read a dot by the side of the line it is on, not by its distance from the corner.",
            num(max_r, 1),
            num(max_t, 1)
        ));
    }
    if pts.len() < n {
        sub.push(format!(
            "{} without usable threat/reassurance scores {} not shown.",
            crate::report::format::count(n - pts.len(), "article", "articles"),
            if n - pts.len() == 1 { "is" } else { "are" }
        ));
    }
    let budget = label_budget(n);
    let named = [tops.threat, tops.reassurance]
        .into_iter()
        .flatten()
        .count();
    if named > 0 || n > budget {
        sub.push(format!(
            "Labelled: {}{} articles that lean clearly to one side{}. Articles under {} words are not labelled. Numbers (#n) are those of the tables.",
            if named > 0 {
                "the articles the Findings name as most threat- and most reassurance-framed (ranked by the lower end of the score's 95% interval, so that a short article resting on a few words does not lead: not always the highest or rightmost dot), then "
            } else {
                ""
            },
            if n > budget {
                format!("up to {budget}")
            } else {
                "the".to_string()
            },
            if a.articles.iter().any(|art| art.frames.get(ti).is_some_and(|f| f.ci_low.is_some())) {
                " (their threat and reassurance intervals do not overlap), furthest first"
            } else {
                ", furthest from the balance line first"
            },
            MIN_LABEL_WORDS
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
        .y_label_area_size(text_w(&lf, &format!("{:.1}", y_top)) + line_h(&af) + st.px(24.0))
        .build_cartesian_2d(x_lo..x_top, y_lo..y_top)
        .map_err(de)?;

    // Shaded halves first so the grid and dots stay on top.
    let (above, below) = halves((x_lo, x_top), (y_lo, y_top));
    chart
        .draw_series([
            Polygon::new(above, tint(WARM, 0.9).filled()),
            Polygon::new(below, tint(COOL, 0.9).filled()),
        ])
        .map_err(de)?;
    let decimals = |top: f64| if top < 5.0 { 2 } else { 1 };
    let (xd, yd) = (decimals(x_top), decimals(y_top));
    mesh(&mut chart, st)
        .x_desc("Reassurance words per 1,000 words")
        .y_desc("Threat words per 1,000 words")
        .x_labels(10)
        .y_labels(10)
        .x_label_formatter(&|v| num(*v, xd))
        .y_label_formatter(&|v| num(*v, yd))
        .draw()
        .map_err(de)?;
    let (d0, d1) = (x_lo.max(y_lo), x_top.min(y_top));
    chart
        .draw_series(std::iter::once(DashedPathElement::new(
            vec![(d0, d0), (d1, d1)],
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
    let nh = line_h(&nf);
    // The note for the part below the line goes in its corner when that part
    // is tall enough there; with a much longer threat axis it is a sliver,
    // so the note names the line from above instead.
    let line_end = chart.backend_coord(&(d1, d1)).1;
    let corner = x_top >= y_top || yr.end - line_end >= nh + 3 * pad;
    // A note must not hide a marker: the articles that lean most to
    // reassurance sit in the corner the note names.
    let markers: Vec<(i32, i32)> = pts
        .iter()
        .map(|p| chart.backend_coord(&(p.r, p.t)))
        .collect();
    let reach = st.px(8.0);
    let hides = |text: &str, bottom: i32| {
        let left = xr.end - pad - text_w(&nf, text);
        markers.iter().any(|&(x, y)| {
            x >= left - reach && x <= xr.end && y >= bottom - nh - reach && y <= bottom + reach
        })
    };
    let above = "Below the dashed line: more reassurance than threat ↘";
    let (down, down_y, down_pos) = if corner && !hides(down, yr.end - pad) {
        (down.to_string(), yr.end - pad, VPos::Bottom)
    } else if corner && yr.end - line_end >= 2 * nh + 3 * pad && !hides(down, line_end + pad + nh) {
        // Under the line's end, at the top of the part below it.
        (down.to_string(), line_end + pad + nh, VPos::Bottom)
    } else {
        (above.to_string(), line_end - pad, VPos::Bottom)
    };
    text(
        root,
        &down,
        &nf,
        RGBColor(0, 80, 140),
        (xr.end - pad, down_y),
        HPos::Right,
        down_pos,
    )?;
    lab.block((
        xr.start,
        yr.start,
        xr.start + pad * 2 + text_w(&nf, up),
        yr.start + pad + nh,
    ));
    lab.block((
        xr.end - pad * 2 - text_w(&nf, &down),
        down_y - nh,
        xr.end,
        down_y + pad,
    ));

    let r = if n <= MAX_ROWS {
        st.px(7.0)
    } else if n <= 300 {
        st.px(5.0)
    } else {
        st.px(3.0)
    };
    let alpha = if n <= MAX_ROWS { 1.0 } else { 0.6 };
    let colour = |p: &Point| {
        if p.t > p.r {
            WARM
        } else if p.r > p.t {
            COOL
        } else {
            MUTED
        }
    };
    chart
        .draw_series(
            pts.iter()
                .map(|p| Circle::new((p.r, p.t), r, colour(p).mix(alpha).filled())),
        )
        .map_err(de)?;
    if n <= MAX_ROWS {
        chart
            .draw_series(
                pts.iter()
                    .map(|p| Circle::new((p.r, p.t), r, WHITE.stroke_width(1))),
            )
            .map_err(de)?;
    }

    let order = label_order(&pts, &tops, budget);
    let px = |p: &Point| chart.backend_coord(&(p.r, p.t));
    // A label never covers a dot, whatever the corpus size: a hidden dot
    // would be an article missing from the picture. The boxes take in the
    // dot's white outline.
    let dot_r = r + 1;
    for p in &pts {
        lab.dot(px(p), dot_r);
    }
    let tf = st.value_font();
    let th = line_h(&tf);
    let mut placed = Vec::new();
    for p in order {
        if placed.len() >= budget.max(named) {
            break;
        }
        let mut label = fit(&tf, &article_label(a, p.i), st.px(300.0));
        if tops.threat == Some(p.i) {
            label.push_str(" (most threat)");
        }
        if tops.reassurance == Some(p.i) {
            label.push_str(" (most reassurance)");
        }
        let w = text_w(&tf, &label);
        let c = px(p);
        // The articles the report names are labelled even when no spot is
        // free: further out, or where the label hides the fewest dots.
        let spot = if tops.names(p.i) {
            Some(lab.place_anyway(c, dot_r, w, th))
        } else {
            lab.place_near(c, dot_r, w, th)
        };
        if let Some(((x, y), displaced)) = spot {
            placed.push((c, label, (x, y, x + w, y + th), displaced));
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

/// The points to try labelling, best first: the articles the Findings name,
/// then the articles that lean clearly (`lean > 0`) to either side in turn,
/// most clearly first (so both halves get labels); `max * 3` candidates at
/// most besides the named ones, since some find no free spot. Articles that
/// lean clearly to neither side (no words of either list, overlapping
/// intervals, very short texts) are never candidates.
fn label_order<'p>(pts: &'p [Point], tops: &Tops, max: usize) -> Vec<&'p Point> {
    let mut order: Vec<&Point> = Vec::new();
    for t in [tops.threat, tops.reassurance].into_iter().flatten() {
        if let Some(p) = pts.iter().find(|p| p.i == t) {
            if !order.iter().any(|q| q.i == t) {
                order.push(p);
            }
        }
    }
    let named = order.len();
    let rest = |p: &&Point| !tops.names(p.i) && p.lean > 0.0;
    let mut over: Vec<&Point> = pts.iter().filter(|p| p.t > p.r).filter(rest).collect();
    let mut under: Vec<&Point> = pts.iter().filter(|p| p.r > p.t).filter(rest).collect();
    for side in [&mut over, &mut under] {
        side.sort_by(|p, q| q.lean.total_cmp(&p.lean).then(p.i.cmp(&q.i)));
    }
    let (mut oi, mut ui) = (over.into_iter(), under.into_iter());
    loop {
        let (a, b) = (oi.next(), ui.next());
        if a.is_none() && b.is_none() {
            break;
        }
        order.extend(a);
        order.extend(b);
    }
    order.truncate(named + max.max(2) * 3);
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
    use crate::model::findings::Finding;

    fn pt(i: usize, r: f64, t: f64, lean: f64) -> Point {
        Point { i, r, t, lean }
    }

    #[test]
    fn the_named_articles_are_labelled_first_then_clear_leaners() {
        // #3 leans most clearly, but the Findings name #1 and #2.
        let pts = vec![
            pt(0, 0.0, 0.0, 0.0),
            pt(1, 0.0, 10.0, 2.0),
            pt(2, 3.0, 1.0, 0.5),
            pt(3, 0.0, 60.0, 40.0),
            pt(4, 2.0, 0.0, 1.0),
            pt(5, 0.0, 77.0, 0.0), // short or overlapping: lean 0
        ];
        let tops = Tops {
            threat: Some(1),
            reassurance: Some(2),
        };
        let order: Vec<usize> = label_order(&pts, &tops, 2).iter().map(|p| p.i).collect();
        assert_eq!(order, [1, 2, 3, 4], "named, then over and under in turn");
        let none = label_order(&pts, &Tops::default(), 2);
        assert_eq!(none.iter().map(|p| p.i).collect::<Vec<_>>(), [3, 4, 1, 2]);
    }

    #[test]
    fn only_clear_and_long_enough_articles_lean() {
        let ci = |lo, hi| (Some(lo), Some(hi));
        assert_eq!(lean(500, 0.0, 0.0, ci(0.0, 0.0), ci(0.0, 0.0)), 0.0);
        assert_eq!(lean(13, 76.9, 0.0, ci(40.0, 100.0), ci(0.0, 0.0)), 0.0);
        // Intervals overlap: not clear.
        assert_eq!(lean(300, 6.1, 6.1, ci(0.0, 19.2), ci(0.0, 17.9)), 0.0);
        assert_eq!(lean(300, 10.0, 1.0, ci(3.0, 20.0), ci(0.0, 5.0)), 0.0);
        assert_eq!(lean(300, 82.2, 0.0, ci(54.5, 113.9), ci(0.0, 0.0)), 54.5);
        assert_eq!(lean(300, 0.0, 9.0, ci(0.0, 0.0), ci(2.0, 15.0)), 2.0);
        // Without intervals: the plain difference.
        assert_eq!(lean(300, 1.0, 4.0, (None, None), (None, None)), 3.0);
    }

    #[test]
    fn axes_follow_their_own_data_when_ranges_differ() {
        let (x, y, shared) = axis_tops(6.1, 127.3);
        assert!(!shared);
        assert!((x - 6.1 * 1.08).abs() < 1e-9 && (y - 127.3 * 1.08).abs() < 1e-9);
        let (x, y, shared) = axis_tops(10.0, 15.0);
        assert!(shared && x == y && (y - 15.0 * 1.08).abs() < 1e-9);
        assert_eq!(axis_tops(0.0, 0.0), (1.0, 1.0, true));
        let (x, y, shared) = axis_tops(0.0, 40.0);
        assert!(!shared && x == 1.0 && y > 40.0);
    }

    #[test]
    fn the_halves_split_the_plot_at_the_balance_line() {
        let area = |p: &[(f64, f64)]| {
            (0..p.len())
                .map(|k| {
                    let (a, b) = (p[k], p[(k + 1) % p.len()]);
                    a.0 * b.1 - b.0 * a.1
                })
                .sum::<f64>()
                .abs()
                / 2.0
        };
        for (x, y) in [((-0.2, 6.6), (-4.0, 137.0)), ((-4.0, 137.0), (-0.2, 6.6))] {
            let (above, below) = halves(x, y);
            let whole = (x.1 - x.0) * (y.1 - y.0);
            assert!((area(&above) + area(&below) - whole).abs() < 1e-6 * whole);
            assert!(above.iter().all(|p| p.1 >= p.0 - 1e-9), "{above:?}");
            assert!(below.iter().all(|p| p.0 >= p.1 - 1e-9), "{below:?}");
        }
    }

    /// The chart labels exactly the articles the Findings name, even when
    /// another article scores higher.
    #[test]
    fn labels_the_articles_the_findings_name() {
        super::super::style::ensure_fonts().unwrap();
        let mut a = crate::model::example(60);
        let named = |kind: &str, i: usize, a: &Analysis| Finding {
            kind: kind.into(),
            article_no: i + 1,
            article_id: a.articles[i].id.clone(),
            ..Default::default()
        };
        // Not the articles with the highest scores.
        let items = vec![named(MOST_THREAT, 7, &a), named(MOST_REASSURANCE, 12, &a)];
        a.findings.items = items;
        assert_eq!(
            named_articles(&a),
            Tops {
                threat: Some(7),
                reassurance: Some(12)
            }
        );
        let st = Style::new(1600, 1000);
        let svg = String::from_utf8(CHART.render_svg(&a, &st, st.h).unwrap()).unwrap();
        let threat_label = svg
            .split("<text")
            .find(|t| t.contains("(most threat)"))
            .expect("a (most threat) label");
        assert!(threat_label.contains("#8 "), "{threat_label}");
        assert_eq!(svg.matches("(most threat)").count(), 1);
        let re = svg
            .split("<text")
            .find(|t| t.contains("(most reassurance)"))
            .expect("a (most reassurance) label");
        assert!(re.contains("#13 "), "{re}");
        // A stale number falls back to the id.
        a.findings.items[0].article_no = 1;
        assert_eq!(named_articles(&a).threat, Some(7));
        // No findings: nothing is called "most".
        a.findings.items.clear();
        let svg = String::from_utf8(CHART.render_svg(&a, &st, st.h).unwrap()).unwrap();
        assert!(!svg.contains("(most "));
    }

    /// With the real findings of a run, the chart names their articles.
    #[test]
    fn agrees_with_computed_findings() {
        super::super::style::ensure_fonts().unwrap();
        let mut a = crate::model::example(60);
        a.findings = crate::stats::findings::compute(&a);
        let tops = named_articles(&a);
        for kind in [MOST_THREAT, MOST_REASSURANCE] {
            let f = a.findings.items.iter().find(|f| f.kind == kind);
            let want = f.map(|f| f.article_no - 1);
            let got = if kind == MOST_THREAT {
                tops.threat
            } else {
                tops.reassurance
            };
            assert_eq!(got, want, "{kind}");
        }
    }
}
