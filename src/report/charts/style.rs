//! Shared look of every chart: embedded fonts, colour palettes, text sizes,
//! text measuring/fitting, the title band, placeholders and a greedy label placer.

use super::placement::{PxRect, HALO};
use plotters::chart::{ChartContext, MeshStyle};
use plotters::coord::ranged1d::{Ranged, ValueFormatter};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;
use std::sync::OnceLock;

/// Why a chart could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// The requested size is unusable.
    #[error("chart size {0}x{1} is out of range (each side must be 300 to 10000 pixels)")]
    Size(u32, u32),
    /// The embedded font could not be registered.
    #[error("the embedded DejaVu Sans font could not be loaded")]
    Font,
    /// plotters failed while drawing.
    #[error("drawing a chart failed: {0}")]
    Draw(String),
    /// PNG encoding failed.
    #[error("encoding a PNG failed: {0}")]
    Encode(String),
}

/// Font family name the embedded DejaVu Sans is registered under.
pub const FAMILY: &str = "sans-serif";

static FONTS: OnceLock<bool> = OnceLock::new();

/// Registers the embedded DejaVu Sans (normal and bold) once per process.
///
/// plotters is built with `ab_glyph`, which never looks at system fonts, so
/// without this every text call fails with `FontUnavailable`.
pub fn ensure_fonts() -> Result<(), ChartError> {
    let ok = FONTS.get_or_init(|| {
        let normal = plotters::style::register_font(
            FAMILY,
            FontStyle::Normal,
            include_bytes!("../../../assets/fonts/DejaVuSans.ttf"),
        )
        .is_ok();
        let bold = plotters::style::register_font(
            FAMILY,
            FontStyle::Bold,
            include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf"),
        )
        .is_ok();
        normal && bold
    });
    if *ok {
        Ok(())
    } else {
        Err(ChartError::Font)
    }
}

/// Okabe-Ito palette (colour-blind safe), black left out.
pub const OKABE_ITO: [RGBColor; 7] = [
    RGBColor(0, 114, 178),   // blue
    RGBColor(230, 159, 0),   // orange
    RGBColor(0, 158, 115),   // bluish green
    RGBColor(204, 121, 167), // reddish purple
    RGBColor(86, 180, 233),  // sky blue
    RGBColor(213, 94, 0),    // vermillion
    RGBColor(240, 228, 66),  // yellow
];

/// Colours for categories (clusters, groups, frames over time): Okabe-Ito,
/// then Paul Tol's indigo and wine, a dark brown and black. Chosen so that every
/// pair stays as far apart under simulated protan, deutan and tritan vision as
/// Okabe-Ito's own closest pair (a test checks it); the default k sweep stops at
/// 10 clusters, so up to 11 categories never share a colour.
pub const CATEGORICAL: [RGBColor; 11] = [
    OKABE_ITO[0],
    OKABE_ITO[1],
    OKABE_ITO[2],
    OKABE_ITO[3],
    OKABE_ITO[4],
    OKABE_ITO[5],
    OKABE_ITO[6],
    RGBColor(51, 34, 136), // Tol indigo
    RGBColor(136, 34, 85), // Tol wine
    RGBColor(102, 17, 0),  // dark brown
    RGBColor(0, 0, 0),     // black
];

/// Marker shapes (circle, triangle, square, diamond, downward triangle,
/// star, plus, cross): as many as a line chart has lines
/// (`timeline_groups::MAX_LINES`), so every line differs by shape alone and
/// the chart reads in greyscale; beyond the palette the shape of a category
/// changes, so categories 12 and up still differ from the first eleven.
pub const SHAPES: usize = 8;

/// Colours of the lines of a line chart, in order: Okabe-Ito's seven and
/// black before the rest of [`CATEGORICAL`], because Tol indigo, its eighth,
/// is close to Okabe-Ito blue, and the eight lines a chart may draw should
/// all be told apart by colour as well as by shape.
pub const SERIES: [RGBColor; 11] = [
    CATEGORICAL[0],
    CATEGORICAL[1],
    CATEGORICAL[2],
    CATEGORICAL[3],
    CATEGORICAL[4],
    CATEGORICAL[5],
    CATEGORICAL[6],
    CATEGORICAL[10],
    CATEGORICAL[7],
    CATEGORICAL[8],
    CATEGORICAL[9],
];

/// Colour of "threat" and negative values (Okabe-Ito vermillion).
pub const WARM: RGBColor = RGBColor(213, 94, 0);
/// Colour of "reassurance" and positive values (Okabe-Ito blue).
pub const COOL: RGBColor = RGBColor(0, 114, 178);
/// Main text colour.
pub const INK: RGBColor = RGBColor(30, 30, 30);
/// Secondary text colour (subtitles, notes).
pub const MUTED: RGBColor = RGBColor(85, 85, 85);
/// Light grey for grid lines and frames.
pub const LIGHT: RGBColor = RGBColor(205, 205, 205);

/// Single-hue sequential ramp (ColorBrewer "Blues"): light = low, dark = high.
pub const BLUES: [(u8, u8, u8); 6] = [
    (247, 251, 255),
    (198, 219, 239),
    (107, 174, 214),
    (33, 113, 181),
    (8, 69, 148),
    (8, 48, 107),
];

/// Multi-hue sequential ramp (ColorBrewer "YlGnBu"), for similarity.
pub const YLGNBU: [(u8, u8, u8); 6] = [
    (255, 255, 217),
    (199, 233, 180),
    (65, 182, 196),
    (29, 145, 192),
    (34, 94, 168),
    (8, 29, 88),
];

/// Colour at `t` in [0, 1] along a ramp, by linear interpolation between stops;
/// NaN maps to the low end so bad values never panic.
pub fn ramp(stops: &[(u8, u8, u8)], t: f64) -> RGBColor {
    let Some(&last) = stops.last() else {
        return RGBColor(255, 255, 255);
    };
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        0.0
    };
    if stops.len() == 1 {
        return RGBColor(last.0, last.1, last.2);
    }
    let pos = t * (stops.len() - 1) as f64;
    let i = (pos.floor() as usize).min(stops.len() - 2);
    let f = pos - i as f64;
    let (a, b) = (stops[i], stops[i + 1]);
    let mix = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * f).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// WCAG relative luminance of `c` (0 = black, 1 = white).
fn luminance(c: RGBColor) -> f64 {
    let lin = |c: u8| {
        let c = c as f64 / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// Black or white, whichever reads better on `bg` (WCAG relative luminance).
pub fn text_on(bg: RGBColor) -> RGBColor {
    // Contrast against black is (l+0.05)/0.05, against white 1.05/(l+0.05); equal at l ≈ 0.179.
    if luminance(bg) > 0.179 {
        INK
    } else {
        WHITE
    }
}

/// `c` blended towards white by `amount` in [0, 1] (for light background tints).
pub fn tint(c: RGBColor, amount: f64) -> RGBColor {
    let m = |x: u8| (x as f64 + (255.0 - x as f64) * amount.clamp(0.0, 1.0)).round() as u8;
    RGBColor(m(c.0), m(c.1), m(c.2))
}

/// Category colour for index `i` (cycles through [`CATEGORICAL`]).
pub fn category(i: usize) -> RGBColor {
    CATEGORICAL[i % CATEGORICAL.len()]
}

/// Colour and marker shape of category `i`: colours first, then the shape
/// changes, so no two of the first `CATEGORICAL.len() * SHAPES` look alike.
pub fn category_look(i: usize) -> (RGBColor, usize) {
    (category(i), (i / CATEGORICAL.len()) % SHAPES)
}

/// Radius of a line chart's markers: large enough beside a 3-pixel line for
/// the eight shapes (a plus from a cross, a star from a triangle) to be told apart.
pub fn line_marker_r(st: &Style) -> i32 {
    st.px(6.5)
}

/// Colour and marker shape of line `i` of a line chart: the first
/// [`SHAPES`] lines each have a colour and a shape of their own, so a line
/// is told from every other without colour (greyscale print, colour-blind
/// readers), and the palette's close pairs (blue and sky blue, orange and
/// vermillion) differ in shape too. Colour and shape cycle at different
/// lengths, so no two of the first 88 lines look alike.
pub fn series_look(i: usize) -> (RGBColor, usize) {
    (SERIES[i % SERIES.len()], i % SHAPES)
}

/// Width of a line chart's lines: with markers of [`line_marker_r`], wide
/// enough to follow a line across the chart.
pub fn line_stroke(st: &Style) -> u32 {
    st.px(3.0) as u32
}

/// Width of the [`INK`] edge on each side of a series' line and around its
/// markers: the part of a light colour (yellow) that meets the white. Two
/// design pixels, as one leaves gaps where plotters rounds the corners of a
/// slanted line or a marker to whole pixels (the tests find them).
fn edge_w(st: &Style) -> u32 {
    st.px(2.0) as u32
}

/// Draws a line of a line chart through the pixels `pts` in `c`, edged in
/// [`INK`] on both sides. The edge, not the colour, meets the white
/// background: Okabe-Ito's yellow, orange and sky blue are fainter on white
/// than the 3:1 WCAG asks of graphics (yellow all but vanishes in print), and
/// darkening them would merge them with vermillion and blue for colour-blind
/// readers; edged, every line is seen and the colours inside stay the palette's.
pub fn series_line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    st: &Style,
    pts: Vec<(i32, i32)>,
    c: RGBColor,
) -> Result<(), ChartError> {
    let w = line_stroke(st);
    let e = edge_w(st);
    // The edge also runs past both ends, which plotters cuts square.
    let mut casing = pts.clone();
    let n = casing.len();
    if n >= 2 {
        casing[0] = beyond(pts[1], pts[0], e);
        casing[n - 1] = beyond(pts[n - 2], pts[n - 1], e);
    }
    area.draw(&PathElement::new(casing, INK.stroke_width(w + 2 * e)))
        .map_err(de)?;
    area.draw(&PathElement::new(pts, c.stroke_width(w)))
        .map_err(de)
}

/// The point `by` pixels past `to`, going from `from` to `to`.
fn beyond(from: (i32, i32), to: (i32, i32), by: u32) -> (i32, i32) {
    let (dx, dy) = ((to.0 - from.0) as f64, (to.1 - from.1) as f64);
    let d = dx.hypot(dy);
    if d == 0.0 {
        return to;
    }
    let k = by as f64 / d;
    (
        to.0 + (dx * k).round() as i32,
        to.1 + (dy * k).round() as i32,
    )
}

/// Draws a line chart's marker of `shape` in `c` on pixel `p`, outlined in
/// [`INK`] as its line is edged. A hollow marker (a point of few articles)
/// keeps a ring of its colour inside the outline around a white centre, so
/// it still shows whose point it is.
pub fn series_marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    st: &Style,
    shape: usize,
    p: (i32, i32),
    c: RGBColor,
    hollow: bool,
) -> Result<(), ChartError> {
    let r = line_marker_r(st);
    marker(area, shape, p, r, c.filled())?;
    if hollow {
        // Half the radius: a larger centre leaves a triangle or a star
        // no colour inside its outline, a smaller one no longer reads as hollow.
        marker(area, shape, p, r / 2, WHITE.filled())?;
    }
    marker(area, shape, p, r, INK.stroke_width(edge_w(st)))
}

/// The mesh of a chart with axes, in the look those charts share: labels and
/// axis descriptions in ink, light grid lines at the labelled values only.
/// The caller adds its axes' labels, formatters and descriptions, then draws.
pub fn mesh<'a, 'b, DB, X, Y, XT, YT>(
    chart: &'b mut ChartContext<'a, DB, Cartesian2d<X, Y>>,
    st: &Style,
) -> MeshStyle<'a, 'b, X, Y, DB>
where
    DB: DrawingBackend,
    X: Ranged<ValueType = XT> + ValueFormatter<XT>,
    Y: Ranged<ValueType = YT> + ValueFormatter<YT>,
{
    let mut m = chart.configure_mesh();
    m.label_style(st.label_font().color(&INK))
        .axis_desc_style(st.axis_font().color(&INK))
        .bold_line_style(LIGHT.mix(0.8))
        .light_line_style(TRANSPARENT);
    m
}

/// Width in CSS pixels at which report.html shows a chart: `main` is at most
/// 1100 px wide with 1.25rem (20 px) padding each side, and the image has a
/// 1 px border (report/html.rs, box-sizing: border-box).
pub const REPORT_IMAGE_WIDTH: f64 = 1058.0;

/// Smallest chart text, in CSS pixels (font size, the em), once the report
/// scales a chart down to [`REPORT_IMAGE_WIDTH`]. Printed, a chart takes the
/// A4 text width (186 mm, report.html's print CSS), where 11 px come out at
/// about 5.5 pt (9 px gave 4.5 pt).
pub const MIN_DISPLAY_PX: f64 = 11.0;

/// plotters sizes a font by its line height, not its em: its SVG backend
/// writes `font-size` as size / 1.24 (DejaVu Sans' own ratio is 1.16, so
/// this errs on the large side).
pub const SIZE_PER_EM: f64 = 1.24;

/// Sizes derived from the canvas so charts look alike at any resolution.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Canvas width in pixels.
    pub w: u32,
    /// Canvas height in pixels: the configured height, or the height a chart
    /// with many rows needs (see [`Style::with_height`]).
    pub h: u32,
    /// Scale relative to the 1600x1000 design size.
    pub s: f64,
}

impl Style {
    /// Style for a canvas of `w` x `h` pixels.
    pub fn new(w: u32, h: u32) -> Self {
        let s = (w as f64 / 1600.0).min(h as f64 / 1000.0);
        Style {
            w,
            h,
            s: s.clamp(0.3, 4.0),
        }
    }
    /// The same style on a canvas `h` pixels high: sizes keep the configured
    /// scale, so a taller chart has more rows, not bigger text.
    pub fn with_height(&self, h: u32) -> Self {
        Style { h, ..*self }
    }
    /// A length of `v` design pixels, scaled.
    pub fn px(&self, v: f64) -> i32 {
        (v * self.s).round().max(1.0) as i32
    }
    /// Smallest font size (plotters' size) in canvas pixels: an em of
    /// [`MIN_DISPLAY_PX`] once the report shows the chart at most
    /// [`REPORT_IMAGE_WIDTH`] wide.
    pub fn min_font(&self) -> f64 {
        let shrink = (self.w as f64 / REPORT_IMAGE_WIDTH).max(1.0);
        (MIN_DISPLAY_PX * SIZE_PER_EM * shrink).ceil()
    }
    /// Font size for `v` design pixels. Text shrinks more slowly than the canvas
    /// (scale^0.6) and never below [`Style::min_font`], so text stays legible in the report.
    pub fn fs(&self, v: f64) -> f64 {
        (v * self.s.powf(0.6)).max(self.min_font())
    }
    /// The embedded font at `size` px (at least [`Style::min_font`]), bold or normal.
    pub fn font(&self, size: f64, bold: bool) -> FontDesc<'static> {
        font(size.max(self.min_font()), bold)
    }
    /// Canvas height for a chart of `rows` rows of `row` design pixels under a
    /// header and axes of about `chrome` design pixels: the configured height,
    /// or more when the rows need it (the white left below is cut off later).
    pub fn rows_height(&self, rows: usize, row: f64, chrome: f64) -> u32 {
        let need = self.px(chrome) as f64 + rows as f64 * self.px(row) as f64;
        (need.ceil() as u32).clamp(self.h, 10_000)
    }
    /// Outer margin.
    pub fn margin(&self) -> i32 {
        self.px(24.0)
    }
    /// Font used for chart titles.
    pub fn title_font(&self) -> FontDesc<'static> {
        font(self.fs(32.0), true)
    }
    /// Font used for subtitles and notes.
    pub fn sub_font(&self) -> FontDesc<'static> {
        font(self.fs(18.0), false)
    }
    /// Font used for axis and category labels.
    pub fn label_font(&self) -> FontDesc<'static> {
        font(self.fs(16.0), false)
    }
    /// Font used for axis descriptions.
    pub fn axis_font(&self) -> FontDesc<'static> {
        font(self.fs(18.0), false)
    }
    /// Font used for values inside cells and next to bars.
    pub fn value_font(&self) -> FontDesc<'static> {
        font(self.fs(14.0), false)
    }
}

/// Human-readable frame name ("human_interest" -> "human interest").
pub fn pretty(name: &str) -> String {
    name.replace('_', " ")
}

/// The embedded font at `size` px, bold or normal (charts use [`Style::font`],
/// which keeps the report's smallest size).
fn font(size: f64, bold: bool) -> FontDesc<'static> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    FontDesc::new(FontFamily::Name(FAMILY), size, style)
}

/// Width in pixels of `text` in `f` (0 when it cannot be measured).
pub fn text_w(f: &FontDesc, text: &str) -> i32 {
    f.box_size(text).map(|(w, _)| w as i32).unwrap_or(0)
}

/// Line height in pixels for `f`.
pub fn line_h(f: &FontDesc) -> i32 {
    (f.get_size() * 1.25).ceil() as i32
}

/// `text` shortened with an ellipsis so that it is at most `max_w` pixels wide.
pub fn fit(f: &FontDesc, text: &str, max_w: i32) -> String {
    if text_w(f, text) <= max_w {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    // Binary search on the number of kept characters: widths grow with length.
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let cand: String = chars[..mid]
            .iter()
            .collect::<String>()
            .trim_end()
            .to_string()
            + "…";
        if text_w(f, &cand) <= max_w {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo == 0 {
        return "…".to_string();
    }
    chars[..lo]
        .iter()
        .collect::<String>()
        .trim_end()
        .to_string()
        + "…"
}

/// Splits `text` into lines no wider than `max_w` (words longer than a line are cut).
pub fn wrap(f: &FontDesc, text: &str, max_w: i32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let cand = if cur.is_empty() {
            word.to_string()
        } else {
            format!("{} {}", cur, word)
        };
        if text_w(f, &cand) <= max_w || cur.is_empty() {
            cur = cand;
        } else {
            lines.push(std::mem::take(&mut cur));
            cur = word.to_string();
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines.into_iter().map(|l| fit(f, &l, max_w)).collect()
}

/// `text` wrapped into at most `lines` lines, the last one ending in an
/// ellipsis when words are left over.
pub fn wrap_at_most(f: &FontDesc, text: &str, max_w: i32, lines: usize) -> Vec<String> {
    let mut out = wrap(f, text, max_w);
    if lines > 0 && out.len() > lines {
        let rest = out.split_off(lines - 1).join(" ");
        out.push(fit(f, &rest, max_w));
    }
    out
}

/// Converts a plotters drawing error into a `ChartError`.
pub fn de<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> ChartError {
    ChartError::Draw(e.to_string())
}

/// Draws `text` at pixel `pos` with the given anchor.
pub fn text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    f: &FontDesc,
    color: RGBColor,
    pos: (i32, i32),
    h: HPos,
    v: VPos,
) -> Result<(), ChartError> {
    if text.is_empty() {
        return Ok(());
    }
    let st = f.color(&color).pos(Pos::new(h, v));
    area.draw_text(text, &st, pos).map_err(de)
}

/// Which side of its anchor point a bar's label goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The label ends at the anchor (it reads up to a bar or an axis).
    Left,
    /// The label starts at the anchor (it reads on from a bar's end).
    Right,
}

/// Draws a bar's label (a name, a term or a value) on `side` of `x`,
/// centred on the row's middle `y`: the one anchoring every bar chart uses,
/// so names and values line up with their bars alike in all of them.
pub fn bar_label<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    label: &str,
    f: &FontDesc,
    color: RGBColor,
    (x, y): (i32, i32),
    side: Side,
) -> Result<(), ChartError> {
    let h = match side {
        Side::Left => HPos::Right,
        Side::Right => HPos::Left,
    };
    text(area, label, f, color, (x, y), h, VPos::Center)
}

/// Draws `text` rotated to read bottom-to-top, centred on `pos`.
pub fn vtext<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    f: &FontDesc,
    color: RGBColor,
    pos: (i32, i32),
) -> Result<(), ChartError> {
    let st = f
        .color(&color)
        .transform(FontTransform::Rotate270)
        .pos(Pos::new(HPos::Center, VPos::Center));
    area.draw_text(text, &st, pos).map_err(de)
}

/// Fills the canvas white and draws the title plus wrapped subtitle lines;
/// returns the area left below them for the chart.
pub fn header<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    st: &Style,
    title: &str,
    subtitle: &[String],
) -> Result<DrawingArea<DB, Shift>, ChartError> {
    root.fill(&WHITE).map_err(de)?;
    let m = st.margin();
    let tf = st.title_font();
    let sf = st.sub_font();
    let max_w = st.w as i32 - 2 * m;
    let mut y = m;
    for line in wrap(&tf, title, max_w) {
        text(root, &line, &tf, INK, (m, y), HPos::Left, VPos::Top)?;
        y += line_h(&tf);
    }
    y += st.px(4.0);
    for para in subtitle {
        for line in wrap(&sf, para, max_w) {
            text(root, &line, &sf, MUTED, (m, y), HPos::Left, VPos::Top)?;
            y += line_h(&sf);
        }
    }
    y += st.px(12.0);
    let y = y.min(st.h as i32 - 1).max(0) as u32;
    let (_, rest) = root.split_vertically(y);
    Ok(rest)
}

/// Height in pixels that [`header`] takes for this title and subtitle, so a
/// chart can size its rows before drawing.
pub fn header_h(st: &Style, title: &str, subtitle: &[String]) -> i32 {
    let m = st.margin();
    let tf = st.title_font();
    let sf = st.sub_font();
    let max_w = st.w as i32 - 2 * m;
    let title_lines = wrap(&tf, title, max_w).len() as i32;
    let sub_lines: i32 = subtitle
        .iter()
        .map(|p| wrap(&sf, p, max_w).len() as i32)
        .sum();
    m + title_lines * line_h(&tf) + st.px(4.0) + sub_lines * line_h(&sf) + st.px(12.0)
}

/// Smallest row height (pixels) that holds a label of the smallest font size
/// when the label may take `shrink` of the row.
pub fn min_row_h(st: &Style, shrink: f64) -> i32 {
    (st.min_font() / shrink).ceil() as i32
}

/// A full chart that explains, in plain words, why there is nothing to plot.
pub fn placeholder<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    st: &Style,
    title: &str,
    message: &[String],
) -> Result<(), ChartError> {
    let area = header(root, st, title, &[])?;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let m = st.margin();
    let f = font(st.fs(24.0), false);
    let box_w = (w - 2 * m).max(10);
    let lines: Vec<String> = message
        .iter()
        .flat_map(|p| wrap(&f, p, box_w - 2 * st.px(40.0)))
        .collect();
    let lh = line_h(&f);
    let block = lh * lines.len() as i32;
    let box_h = (block + 2 * st.px(40.0)).min(h - m).max(10);
    // At the top, so the white below is cut off and the chart stays short.
    let top = st.px(12.0).min(h - box_h).max(0);
    area.draw(&Rectangle::new(
        [(m, top), (m + box_w, top + box_h)],
        tint(LIGHT, 0.6).filled(),
    ))
    .map_err(de)?;
    area.draw(&Rectangle::new(
        [(m, top), (m + box_w, top + box_h)],
        LIGHT.stroke_width(1),
    ))
    .map_err(de)?;
    let mut y = top + (box_h - block) / 2;
    for line in &lines {
        text(
            &area,
            line,
            &f,
            INK,
            (m + box_w / 2, y),
            HPos::Center,
            VPos::Top,
        )?;
        y += lh;
    }
    Ok(())
}

/// Draws a point label at top-left `(x, y)` on a translucent white box,
/// so it stays readable over dense markers.
pub fn halo_label<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    label: &str,
    f: &FontDesc,
    (x, y): (i32, i32),
    (w, h): (i32, i32),
) -> Result<(), ChartError> {
    area.draw(&Rectangle::new(
        [(x - HALO, y), (x + w + HALO, y + h)],
        WHITE.mix(0.75).filled(),
    ))
    .map_err(de)?;
    text(
        area,
        label,
        f,
        INK,
        (x, y + h / 2),
        HPos::Left,
        VPos::Center,
    )
}

/// A thin grey line from the edge of the marker at `p` (radius `r`) to the
/// nearest point of the label box `(x0, y0, x1, y1)`, so a label set away
/// from its dot still points at it.
pub fn leader<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    p: (i32, i32),
    r: i32,
    rect: PxRect,
) -> Result<(), ChartError> {
    let Some((from, to)) = leader_ends(p, r, rect) else {
        return Ok(());
    };
    area.draw(&PathElement::new(vec![from, to], MUTED.stroke_width(1)))
        .map_err(de)
}

/// Ends of a leader from the edge of the marker at `p` (radius `r`) to the
/// nearest point of the label box `rect`; `None` when the box touches the
/// marker, so no stub of a line is drawn.
pub fn leader_ends(p: (i32, i32), r: i32, rect: PxRect) -> Option<((i32, i32), (i32, i32))> {
    let to = (p.0.clamp(rect.0, rect.2), p.1.clamp(rect.1, rect.3));
    let (dx, dy) = ((to.0 - p.0) as f64, (to.1 - p.1) as f64);
    let d = (dx * dx + dy * dy).sqrt();
    if d <= r as f64 + 2.0 {
        return None;
    }
    let from = (
        p.0 + (dx / d * (r as f64 + 1.0)).round() as i32,
        p.1 + (dy / d * (r as f64 + 1.0)).round() as i32,
    );
    Some((from, to))
}

/// Corners of a polygonal marker of `shape` centred on `p` with radius
/// `r`; `None` for the circle and the square, which plotters draws itself.
fn marker_corners(shape: usize, p: (i32, i32), r: i32) -> Option<Vec<(i32, i32)>> {
    let at = |pts: &[(f64, f64)]| -> Vec<(i32, i32)> {
        pts.iter()
            .map(|&(x, y)| (p.0 + x.round() as i32, p.1 + y.round() as i32))
            .collect()
    };
    // Points on a circle of radius `s`, from `deg` degrees (0 = right,
    // 90 = down) in equal steps: the triangles and the star.
    let ring = |n: usize, s: f64, deg: f64| -> Vec<(f64, f64)> {
        (0..n)
            .map(|k| {
                let a = (deg + 360.0 * k as f64 / n as f64).to_radians();
                (a.cos() * s, a.sin() * s)
            })
            .collect()
    };
    let r = r as f64;
    let pts: Vec<(f64, f64)> = match shape {
        1 => ring(3, r + 2.0, -90.0),
        3 => vec![
            (0.0, -r - 2.0),
            (r + 2.0, 0.0),
            (0.0, r + 2.0),
            (-r - 2.0, 0.0),
        ],
        4 => ring(3, r + 2.0, 90.0),
        5 => {
            // Five points alternating with five inner corners.
            let outer = ring(5, r + 3.0, -90.0);
            let inner = ring(5, (r + 3.0) * 0.45, -54.0);
            outer
                .into_iter()
                .zip(inner)
                .flat_map(|(o, i)| [o, i])
                .collect()
        }
        6 | 7 => {
            // A plus with arms a third as wide as it is long; the cross is
            // the plus turned by 45 degrees.
            let (a, b) = (r + 1.5, (r * 0.42).max(1.5));
            let plus = [
                (-b, -a),
                (b, -a),
                (b, -b),
                (a, -b),
                (a, b),
                (b, b),
                (b, a),
                (-b, a),
                (-b, b),
                (-a, b),
                (-a, -b),
                (-b, -b),
            ];
            if shape == 6 {
                plus.to_vec()
            } else {
                let c = std::f64::consts::FRAC_1_SQRT_2;
                plus.iter()
                    .map(|&(x, y)| ((x - y) * c * 1.1, (x + y) * c * 1.1))
                    .collect()
            }
        }
        _ => return None,
    };
    Some(at(&pts))
}

/// Draws a marker of `shape` (0 circle, 1 triangle, 2 square, 3 diamond,
/// 4 downward triangle, 5 star, 6 plus, 7 cross) centred on pixel `p`.
pub fn marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    shape: usize,
    p: (i32, i32),
    r: i32,
    style: ShapeStyle,
) -> Result<(), ChartError> {
    match (shape, marker_corners(shape, p, r)) {
        // plotters' polygon markers always fill, so outlines are drawn as a path.
        (_, Some(v)) if style.filled => area.draw(&Polygon::new(v, style)),
        (_, Some(v)) => {
            let mut closed = v.clone();
            closed.push(v[0]);
            area.draw(&PathElement::new(closed, style))
        }
        (2, None) => area.draw(&Rectangle::new(
            [(p.0 - r, p.1 - r), (p.0 + r, p.1 + r)],
            style,
        )),
        _ => area.draw(&Circle::new(p, r, style)),
    }
    .map_err(de)
}

/// A marker filled with `fill` and outlined in ink, as legends and panel
/// titles show a category: the outline keeps light colours (yellow, sky
/// blue) visible on white.
pub fn outlined_marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    shape: usize,
    p: (i32, i32),
    r: i32,
    fill: ShapeStyle,
) -> Result<(), ChartError> {
    marker(area, shape, p, r, fill)?;
    marker(area, shape, p, r, ShapeStyle::from(&INK).stroke_width(1))
}

/// Draws a vertical colour bar for `stops` spanning `lo`..`hi`, with tick labels
/// and a caption, inside `x, y0..y1` (pixels on `area`).
#[allow(clippy::too_many_arguments)]
pub fn colour_bar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    st: &Style,
    stops: &[(u8, u8, u8)],
    x: i32,
    y0: i32,
    y1: i32,
    lo: f64,
    hi: f64,
    decimals: usize,
    caption: &str,
) -> Result<(), ChartError> {
    let bw = st.px(22.0);
    let span = (y1 - y0).max(1);
    for dy in 0..span {
        let t = 1.0 - dy as f64 / span as f64;
        area.draw(&Rectangle::new(
            [(x, y0 + dy), (x + bw, y0 + dy + 1)],
            ramp(stops, t).filled(),
        ))
        .map_err(de)?;
    }
    area.draw(&Rectangle::new(
        [(x, y0), (x + bw, y1)],
        MUTED.stroke_width(1),
    ))
    .map_err(de)?;
    let lf = st.value_font();
    for i in 0..=4 {
        let t = i as f64 / 4.0;
        let y = y1 - (t * span as f64).round() as i32;
        let v = lo + (hi - lo) * t;
        area.draw(&PathElement::new(
            vec![(x + bw, y), (x + bw + st.px(5.0), y)],
            MUTED.stroke_width(1),
        ))
        .map_err(de)?;
        text(
            area,
            &format!("{:.*}", decimals, v),
            &lf,
            INK,
            (x + bw + st.px(8.0), y),
            HPos::Left,
            VPos::Center,
        )?;
    }
    text(
        area,
        caption,
        &lf,
        MUTED,
        (x, y0 - st.px(10.0)),
        HPos::Left,
        VPos::Bottom,
    )?;
    Ok(())
}

/// Width a colour bar needs, including tick labels like `sample` and its caption.
pub fn colour_bar_w(st: &Style, sample: &str, caption: &str) -> i32 {
    let f = st.value_font();
    (st.px(22.0) + st.px(10.0) + text_w(&f, sample) + st.px(8.0))
        .max(text_w(&f, caption) + st.px(4.0))
}

/// A number formatted for labels; "–" when not finite, never "-0.00".
pub fn num(v: f64, decimals: usize) -> String {
    if v.is_finite() {
        let s = format!("{:.*}", decimals, v);
        match s.strip_prefix('-') {
            Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_string(),
            _ => s,
        }
    } else {
        "–".to_string()
    }
}

/// Decimals that tell apart the labels of an axis from 0 to `top` with at
/// most `labels` labels: plotters steps by at least `top / labels`, so its
/// first significant digit is enough (0.05 and 0.15 must not both print 0.1).
pub fn tick_decimals(top: f64, labels: usize) -> usize {
    let step = top / labels.max(1) as f64;
    if !(step.is_finite() && step > 0.0) {
        return 0;
    }
    (-step.log10().floor()).max(0.0) as usize
}

/// Replaces non-finite values by 0 so scales and sorting stay sane.
pub fn finite(v: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines a chart may draw differ in colour and in shape, each on its
    /// own; later lines still never repeat an earlier look.
    #[test]
    fn every_line_has_its_own_colour_and_shape() {
        for i in 0..SHAPES {
            for j in i + 1..SHAPES {
                assert_ne!(series_look(i).0, series_look(j).0, "colour {i} {j}");
                assert_ne!(series_look(i).1, series_look(j).1, "shape {i} {j}");
            }
        }
        let looks: Vec<_> = (0..88).map(series_look).collect();
        for i in 0..looks.len() {
            for j in i + 1..looks.len() {
                assert!(looks[i] != looks[j], "lines {i} and {j} look alike");
            }
        }
    }

    /// The eight line colours stay as far apart under simulated colour
    /// blindness as Okabe-Ito's own closest pair.
    #[test]
    fn line_colours_stay_apart_under_colour_blindness() {
        let okabe = closest_pair(&OKABE_ITO);
        let lines = closest_pair(&SERIES[..SHAPES]);
        assert!(lines >= okabe - 0.5, "{lines:.1} vs {okabe:.1}");
    }

    /// Every shape draws something distinct: no two shapes cover the same
    /// pixels, filled or outlined.
    #[test]
    fn marker_shapes_differ() {
        let covered = |shape: usize, filled: bool| -> Vec<bool> {
            let mut buf = vec![255u8; 40 * 40 * 3];
            {
                let root = BitMapBackend::with_buffer(&mut buf, (40, 40)).into_drawing_area();
                let style = if filled {
                    BLACK.filled()
                } else {
                    BLACK.stroke_width(1)
                };
                marker(&root, shape, (20, 20), 8, style).unwrap();
                root.present().unwrap();
            }
            buf.chunks(3).map(|p| p[0] < 128).collect()
        };
        for filled in [true, false] {
            let all: Vec<Vec<bool>> = (0..SHAPES).map(|s| covered(s, filled)).collect();
            for i in 0..SHAPES {
                assert!(all[i].iter().any(|&b| b), "shape {i} draws nothing");
                for j in i + 1..SHAPES {
                    assert_ne!(all[i], all[j], "shapes {i} and {j}, filled {filled}");
                }
            }
        }
    }

    /// CIE L*a*b* (D65) of a linear-light RGB triple.
    fn lab(rgb: [f64; 3]) -> [f64; 3] {
        let [r, g, b] = rgb;
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        let (fx, fy, fz) = (f(x), f(y), f(z));
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    }

    fn linear(c: RGBColor) -> [f64; 3] {
        let l = |v: u8| {
            let v = v as f64 / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        [l(c.0), l(c.1), l(c.2)]
    }

    /// Machado, Oliveira & Fernandes (2009) matrices at severity 1.0, in
    /// linear RGB: protanopia, deuteranopia, tritanopia (and normal vision).
    const VISION: [[[f64; 3]; 3]; 4] = [
        [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ],
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ],
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ],
    ];

    /// Smallest CIE76 colour difference between two colours of `p` under any of
    /// the four kinds of vision.
    fn closest_pair(p: &[RGBColor]) -> f64 {
        let mut worst = f64::MAX;
        for m in &VISION {
            let seen: Vec<[f64; 3]> = p
                .iter()
                .map(|&c| {
                    let l = linear(c);
                    let s: Vec<f64> = m
                        .iter()
                        .map(|row| (row[0] * l[0] + row[1] * l[1] + row[2] * l[2]).clamp(0.0, 1.0))
                        .collect();
                    lab([s[0], s[1], s[2]])
                })
                .collect();
            for i in 0..seen.len() {
                for j in i + 1..seen.len() {
                    let d = (0..3)
                        .map(|k| (seen[i][k] - seen[j][k]).powi(2))
                        .sum::<f64>()
                        .sqrt();
                    worst = worst.min(d);
                }
            }
        }
        worst
    }

    /// WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white).
    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// WCAG 2.1's contrast for graphics a reader must make out (success
    /// criterion 1.4.11), against the white background.
    const MIN_CONTRAST: f64 = 3.0;

    /// Pixels of a 60 x 40 white canvas after `draw`, as colours.
    fn drawn(draw: impl Fn(&DrawingArea<BitMapBackend, Shift>)) -> Vec<RGBColor> {
        let mut buf = vec![255u8; 60 * 40 * 3];
        {
            let root = BitMapBackend::with_buffer(&mut buf, (60, 40)).into_drawing_area();
            draw(&root);
            root.present().unwrap();
        }
        buf.chunks(3).map(|p| RGBColor(p[0], p[1], p[2])).collect()
    }

    /// Whether the white background reaches a pixel of the colour `c` itself
    /// without crossing a pixel that stands out from white by
    /// [`MIN_CONTRAST`]: then `c` meets the background where it is faint.
    fn exposed(px: &[RGBColor], c: RGBColor) -> bool {
        let (w, h) = (60usize, 40usize);
        let faint = |i: usize| contrast(px[i], WHITE) < MIN_CONTRAST;
        let mut seen = vec![false; w * h];
        let mut todo: Vec<usize> = (0..w * h)
            .filter(|&i| i % w == 0 || i % w == w - 1 || i / w == 0 || i / w == h - 1)
            .filter(|&i| faint(i))
            .collect();
        while let Some(i) = todo.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            if px[i] == c {
                return true;
            }
            let (x, y) = (i % w, i / w);
            let next = [
                (x > 0).then(|| i - 1),
                (x + 1 < w).then(|| i + 1),
                (y > 0).then(|| i - w),
                (y + 1 < h).then(|| i + w),
            ];
            todo.extend(next.into_iter().flatten().filter(|&j| !seen[j] && faint(j)));
        }
        false
    }

    /// Lines through the middle of the test canvas at every tenth degree,
    /// straight and bent, as a line chart's segments run.
    fn test_lines() -> Vec<Vec<(i32, i32)>> {
        let mut out = Vec::new();
        for deg in (0..360).step_by(10) {
            let a = (deg as f64).to_radians();
            let (dx, dy) = (
                (a.cos() * 18.0).round() as i32,
                (a.sin() * 12.0).round() as i32,
            );
            for (bx, by) in [(0, 0), (3, -7), (-5, 6)] {
                out.push(vec![
                    (30 - dx, 20 - dy),
                    (30 + bx, 20 + by),
                    (30 + dx, 20 + dy),
                ]);
            }
        }
        out
    }

    /// Every line colour, as a line at any slope, a filled marker and a
    /// hollow one of its shape, meets the white background with an edge a
    /// reader sees (on screen and on paper), and still shows its own colour.
    #[test]
    fn every_series_stands_out_on_white() {
        let st = Style::new(1600, 1000);
        for i in 0..SERIES.len() {
            let (c, shape) = series_look(i);
            for pts in test_lines() {
                let line = drawn(|a| series_line(a, &st, pts.clone(), c).unwrap());
                assert!(
                    !exposed(&line, c),
                    "series {i}: line {pts:?} faint on white"
                );
                assert!(
                    line.contains(&c),
                    "series {i}: line {pts:?} not in its colour"
                );
            }
            let full = drawn(|a| series_marker(a, &st, shape, (30, 20), c, false).unwrap());
            let hollow = drawn(|a| series_marker(a, &st, shape, (30, 20), c, true).unwrap());
            for (what, px) in [("marker", &full), ("hollow marker", &hollow)] {
                assert!(!exposed(px, c), "series {i} {what}: faint on white");
                assert!(
                    px.contains(&c),
                    "series {i} {what}: its colour is not shown"
                );
            }
            assert_eq!(
                hollow[20 * 60 + 30],
                WHITE,
                "series {i}: hollow marker not hollow"
            );
            assert_ne!(
                full[20 * 60 + 30],
                WHITE,
                "series {i}: filled marker hollow"
            );
        }
    }

    /// The check above can fail: Okabe-Ito's light colours drawn bare, as
    /// the line charts once drew them, are not seen on white.
    #[test]
    fn bare_light_colours_fade_on_white() {
        for c in [OKABE_ITO[6], OKABE_ITO[1], OKABE_ITO[4]] {
            assert!(contrast(c, WHITE) < MIN_CONTRAST, "{c:?}");
            let bare = drawn(|a| {
                a.draw(&PathElement::new(
                    vec![(5, 30), (30, 10), (55, 20)],
                    c.stroke_width(3),
                ))
                .unwrap()
            });
            assert!(exposed(&bare, c), "{c:?}");
        }
        assert!(contrast(INK, WHITE) >= MIN_CONTRAST);
        assert!((contrast(BLACK, WHITE) - 21.0).abs() < 1e-9);
    }

    #[test]
    fn tick_labels_have_the_decimals_their_steps_need() {
        assert_eq!(tick_decimals(0.26, 5), 2, "0.05, 0.10, 0.15");
        assert_eq!(tick_decimals(1.1, 5), 1);
        assert_eq!(tick_decimals(4.9, 5), 1);
        assert_eq!(tick_decimals(24.0, 5), 0);
        assert_eq!(tick_decimals(0.0, 5), 0);
        assert_eq!(tick_decimals(f64::NAN, 5), 0);
    }

    #[test]
    fn categories_never_share_a_look() {
        let looks: Vec<(RGBColor, usize)> =
            (0..CATEGORICAL.len() * SHAPES).map(category_look).collect();
        for i in 0..looks.len() {
            for j in i + 1..looks.len() {
                assert!(looks[i] != looks[j], "categories {i} and {j} look alike");
            }
        }
        // Up to the palette size the colour alone differs (the default k sweep ends at 10).
        for i in 0..CATEGORICAL.len() {
            for j in i + 1..CATEGORICAL.len() {
                assert_ne!(category(i), category(j), "{i} and {j}");
            }
        }
        assert!(CATEGORICAL.len() >= 10);
    }

    #[test]
    fn palette_stays_apart_under_colour_blindness() {
        let okabe = closest_pair(&OKABE_ITO);
        let ours = closest_pair(&CATEGORICAL);
        assert!(okabe > 15.0, "{okabe}");
        assert!(
            ours >= okabe - 0.5,
            "closest pair {ours:.1} vs Okabe-Ito's {okabe:.1}"
        );
        // The check can fail: a red next to a green does not pass.
        let bad = [
            RGBColor(213, 94, 0),
            RGBColor(0, 158, 115),
            RGBColor(0, 114, 178),
            RGBColor(150, 150, 0),
        ];
        assert!(closest_pair(&bad) < okabe - 0.5);
    }

    #[test]
    fn smallest_font_reads_min_display_px_in_the_report() {
        for w in [300, 800, 1058, 1600, 2400, 10_000] {
            let st = Style::new(w, 1000);
            let shown = st.min_font() / SIZE_PER_EM * (w as f64).min(REPORT_IMAGE_WIDTH) / w as f64;
            assert!(shown >= MIN_DISPLAY_PX, "{w}: {shown}");
            assert!(st.font(1.0, false).get_size() >= st.min_font());
            assert!(st.fs(1.0) >= st.min_font());
        }
        assert_eq!(Style::new(1600, 1000).min_font(), 21.0);
        assert_eq!(Style::new(800, 500).min_font(), 14.0);
    }

    #[test]
    fn rows_height_grows_with_rows_only_past_the_canvas() {
        let st = Style::new(1600, 1000);
        assert_eq!(st.rows_height(5, 28.0, 330.0), 1000);
        assert_eq!(st.rows_height(40, 28.0, 330.0), 330 + 40 * 28);
        let t = st.with_height(2000);
        assert_eq!((t.h, t.s, t.w), (2000, st.s, st.w));
    }

    #[test]
    fn legend_words_end_in_an_ellipsis_only_when_cut() {
        ensure_fonts().unwrap();
        let st = Style::new(1600, 1000);
        let f = st.font(st.fs(15.0), false);
        let words = "police / officers / armed / response / units";
        let w = text_w(&f, "police / officers /");
        let two = wrap_at_most(&f, words, w, 2);
        assert_eq!(two.len(), 2);
        assert!(two[1].ends_with('…'), "{two:?}");
        let all = wrap_at_most(&f, words, 10_000, 1);
        assert_eq!(all, vec![words.to_string()]);
    }
}
