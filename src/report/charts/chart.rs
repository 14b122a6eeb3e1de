//! What the registry holds for one chart: its file name, its alt text and
//! when it is drawn, how it is drawn, and
//! the cautions the report places beside it.

use super::style::{self, ChartError, Style};
use crate::model::Analysis;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Draws a chart into a PNG (bitmap) drawing area.
pub type DrawPng =
    for<'b> fn(&DrawingArea<BitMapBackend<'b>, Shift>, &Analysis, &Style) -> Result<(), ChartError>;

/// Draws a chart into an SVG drawing area.
pub type DrawSvg =
    for<'b> fn(&DrawingArea<SVGBackend<'b>, Shift>, &Analysis, &Style) -> Result<(), ChartError>;

/// One chart, declared once in its own file and listed in [`super::CHARTS`].
pub struct Chart {
    /// File stem: the chart is written as `{stem}.png` (and `{stem}.svg`).
    pub stem: &'static str,
    /// Alt text of the chart in the report (it may depend on what is drawn).
    pub alt: fn(&Analysis) -> &'static str,
    /// Whether the chart is written for this analysis.
    pub applies: fn(&Analysis) -> bool,
    /// Height of the canvas it is drawn on: the configured height for a chart
    /// of fixed shape, more for one with many rows ([`Style::rows_height`]).
    /// The white band left below the content is cut off after drawing.
    pub canvas_h: fn(&Analysis, &Style) -> u32,
    /// Plain-words cautions the report places beside the chart.
    pub cautions: fn(&Analysis) -> Vec<String>,
    /// The chart's draw function on a bitmap.
    pub draw_png: DrawPng,
    /// The same draw function on SVG.
    pub draw_svg: DrawSvg,
}

impl Chart {
    /// File name of the PNG.
    pub fn png(&self) -> String {
        format!("{}.png", self.stem)
    }

    /// File name of the SVG copy.
    pub fn svg(&self) -> String {
        format!("{}.svg", self.stem)
    }

    /// Draws into an RGB buffer, cuts off the white band below the content and
    /// encodes it as PNG; also returns the height kept (for [`Chart::render_svg`]).
    pub fn render_png(&self, a: &Analysis, st: &Style) -> Result<(Vec<u8>, u32), ChartError> {
        let st = st.with_height((self.canvas_h)(a, st));
        let (w, h) = (st.w, st.h);
        let mut buf = vec![255u8; w as usize * h as usize * 3];
        {
            let root = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
            (self.draw_png)(&root, a, &st)?;
            root.present().map_err(style::de)?;
        }
        let kept = content_height(&buf, w, h, st.margin() as u32);
        buf.truncate(w as usize * kept as usize * 3);
        Ok((encode_png(&buf, w, kept)?, kept))
    }

    /// Draws into an SVG string on the same canvas as the PNG, showing its top
    /// `height` pixels (the height [`Chart::render_png`] kept).
    pub fn render_svg(&self, a: &Analysis, st: &Style, height: u32) -> Result<Vec<u8>, ChartError> {
        let st = st.with_height((self.canvas_h)(a, st));
        let mut s = String::new();
        {
            let root = SVGBackend::with_string(&mut s, (st.w, st.h)).into_drawing_area();
            (self.draw_svg)(&root, a, &st)?;
            root.present().map_err(style::de)?;
        }
        Ok(crop_svg(s, st.w, st.h, height).into_bytes())
    }
}

/// Height to keep of an RGB8 canvas: down to the last row that is not all
/// white, plus `margin` pixels (never more than the canvas).
pub(crate) fn content_height(buf: &[u8], w: u32, h: u32, margin: u32) -> u32 {
    let row = w as usize * 3;
    let last = (0..h as usize)
        .rev()
        .find(|&y| buf[y * row..(y + 1) * row].iter().any(|&b| b != 255));
    match last {
        Some(y) => (y as u32 + 1 + margin).min(h),
        None => h,
    }
}

/// An SVG drawn `w` x `h` shown `kept` pixels high: plotters writes the size
/// in the opening tag only, so that tag is rewritten (unchanged if not found).
fn crop_svg(s: String, w: u32, h: u32, kept: u32) -> String {
    let from = format!("<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\"");
    let to = format!("<svg width=\"{w}\" height=\"{kept}\" viewBox=\"0 0 {w} {kept}\"");
    match s.strip_prefix(&from) {
        Some(rest) => to + rest,
        None => s,
    }
}

/// PNG bytes of an RGB8 buffer.
fn encode_png(buf: &[u8], w: u32, h: u32) -> Result<Vec<u8>, ChartError> {
    use image::ImageEncoder;
    let mut bytes = Vec::new();
    image::codecs::png::PngEncoder::new(&mut bytes)
        .write_image(buf, w, h, image::ColorType::Rgb8)
        .map_err(|e| ChartError::Encode(e.to_string()))?;
    Ok(bytes)
}

/// The text elements of a chart's SVG, in order (for tests that check what
/// a chart prints).
#[cfg(test)]
pub fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = t.split_once('>')?.1;
            Some(body.split("</text>").next()?.trim().to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_height_keeps_the_ink_and_a_margin() {
        let (w, h) = (4u32, 10u32);
        let mut buf = vec![255u8; (w * h * 3) as usize];
        assert_eq!(content_height(&buf, w, h, 2), h, "blank canvas kept whole");
        buf[(3 * w * 3 + 5) as usize] = 0; // a pixel on row 3
        assert_eq!(content_height(&buf, w, h, 2), 6);
        assert_eq!(content_height(&buf, w, h, 20), h);
        buf[((h - 1) * w * 3) as usize] = 10; // last row
        assert_eq!(content_height(&buf, w, h, 2), h);
    }

    #[test]
    fn svg_is_cropped_in_its_opening_tag() {
        let s = r#"<svg width="100" height="50" viewBox="0 0 100 50" xmlns="x"><rect height="50"/></svg>"#;
        let c = crop_svg(s.to_string(), 100, 50, 30);
        assert!(
            c.starts_with(r#"<svg width="100" height="30" viewBox="0 0 100 30" xmlns"#),
            "{c}"
        );
        assert!(c.contains(r#"<rect height="50"/>"#));
        assert_eq!(crop_svg("<svg>".into(), 100, 50, 30), "<svg>");
    }
}
