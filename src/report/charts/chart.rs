//! What the registry holds for one chart: its file name, its alt text and
//! file description for the report, when it is drawn, how it is drawn, and
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
    /// What the file holds, for the report's list of files.
    pub description: &'static str,
    /// Whether the chart is written for this analysis.
    pub applies: fn(&Analysis) -> bool,
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

    /// Draws into an RGB buffer and encodes it as PNG.
    pub fn render_png(&self, a: &Analysis, st: &Style) -> Result<Vec<u8>, ChartError> {
        let (w, h) = (st.w, st.h);
        let mut buf = vec![255u8; w as usize * h as usize * 3];
        {
            let root = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
            (self.draw_png)(&root, a, st)?;
            root.present().map_err(style::de)?;
        }
        encode_png(&buf, w, h)
    }

    /// Draws into an SVG string.
    pub fn render_svg(&self, a: &Analysis, st: &Style) -> Result<Vec<u8>, ChartError> {
        let mut s = String::new();
        {
            let root = SVGBackend::with_string(&mut s, (st.w, st.h)).into_drawing_area();
            (self.draw_svg)(&root, a, st)?;
            root.present().map_err(style::de)?;
        }
        Ok(s.into_bytes())
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
