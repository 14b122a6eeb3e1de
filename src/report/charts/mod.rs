//! The PNG charts (plus optional SVG copies), drawn with plotters into
//! memory and returned as files for the output module to write atomically.
//!
//! Every chart uses the embedded DejaVu Sans (no system fonts), colour-blind-safe
//! palettes, and stays readable for large corpora by aggregating or showing a
//! labelled sample (each chart says so in its subtitle). Rendering is
//! deterministic: the same `Analysis` gives the same bytes.
//!
//! [`CHARTS`] is the registry: one entry per chart (see [`Chart`]), defined
//! in the chart's own file, read by the writers here and by the report.

mod chart;
pub(crate) mod clusters;
pub(crate) mod frames;
pub(crate) mod groups;
pub(crate) mod keyness;
mod labels;
mod placement;
pub(crate) mod sentiment;
pub(crate) mod similarity;
mod style;
pub(crate) mod terms;
pub(crate) mod threat;
pub(crate) mod timeline;
pub(crate) mod timeline_groups;
pub(crate) mod voices;

use crate::model::Analysis;
use crate::report::OutputFile;
pub use chart::Chart;
pub use style::ChartError;
use style::Style;

/// Every chart, in output order. A new chart is its own file plus one line here.
pub const CHARTS: [&Chart; 11] = [
    &frames::CHART,
    &threat::CHART,
    &sentiment::CHART,
    &clusters::CHART,
    &similarity::CHART,
    &terms::CHART,
    &voices::CHART,
    &groups::CHART,
    &keyness::CHART,
    &timeline::CHART,
    &timeline_groups::CHART,
];

/// The registry entry of a chart file name ("frames.png"), if it is one.
pub fn by_file(name: &str) -> Option<&'static Chart> {
    let stem = name.strip_suffix(".png")?;
    CHARTS.into_iter().find(|c| c.stem == stem)
}

/// Size and formats of the charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartOptions {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels of a chart of fixed shape (scatter, map, group bars);
    /// a chart with one row per article grows taller when its rows need it,
    /// and every chart loses the white band below its content.
    pub height: u32,
    /// Also write an `.svg` copy of every chart.
    pub svg: bool,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            width: 1600,
            height: 1000,
            svg: false,
        }
    }
}

/// Smallest and largest accepted side, in pixels.
const SIDE: std::ops::RangeInclusive<u32> = 300..=10_000;

/// Renders every chart that applies (PNG, plus SVG when `o.svg`), in registry order.
pub fn render_all(a: &Analysis, o: &ChartOptions) -> Result<Vec<OutputFile>, ChartError> {
    if !SIDE.contains(&o.width) || !SIDE.contains(&o.height) {
        return Err(ChartError::Size(o.width, o.height));
    }
    style::ensure_fonts()?;
    let st = Style::new(o.width, o.height);
    let mut out = Vec::new();
    for chart in CHARTS.into_iter().filter(|c| (c.applies)(a)) {
        let (png, height) = chart.render_png(a, &st)?;
        out.push(OutputFile {
            name: chart.png(),
            bytes: png,
        });
        if o.svg {
            out.push(OutputFile {
                name: chart.svg(),
                bytes: chart.render_svg(a, &st, height)?,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example;
    use std::collections::HashSet;

    fn decode(bytes: &[u8]) -> image::RgbImage {
        image::load_from_memory_with_format(bytes, image::ImageFormat::Png)
            .expect("valid PNG")
            .to_rgb8()
    }

    fn check_all(a: &Analysis, o: &ChartOptions) {
        let files = render_all(a, o).expect("charts render");
        let pngs: Vec<&OutputFile> = files.iter().filter(|f| f.name.ends_with(".png")).collect();
        assert_eq!(pngs.len(), CHARTS.iter().filter(|c| (c.applies)(a)).count());
        let st = Style::new(o.width, o.height);
        for f in pngs {
            let img = decode(&f.bytes);
            let chart = by_file(&f.name).unwrap();
            assert_eq!(img.width(), o.width, "{}", f.name);
            assert!(
                img.height() <= (chart.canvas_h)(a, &st),
                "{}: {} px is taller than its canvas",
                f.name,
                img.height()
            );
            let band = widest_white_band(&img);
            assert!(
                band * 4 <= img.height(),
                "{} (n = {}): {} of {} px rows are one empty band",
                f.name,
                a.articles.len(),
                band,
                img.height()
            );
            let colours: HashSet<[u8; 3]> = img.pixels().map(|p| p.0).collect();
            assert!(
                colours.len() > 20,
                "{} looks blank ({} colours)",
                f.name,
                colours.len()
            );
            let ink = img.pixels().filter(|p| p.0 != [255, 255, 255]).count();
            assert!(
                ink > (o.width * o.height / 200) as usize,
                "{} has too few drawn pixels ({})",
                f.name,
                ink
            );
        }
    }

    /// Height of the tallest run of all-white pixel rows.
    fn widest_white_band(img: &image::RgbImage) -> u32 {
        let (mut best, mut run) = (0, 0);
        for y in 0..img.height() {
            if (0..img.width()).all(|x| img.get_pixel(x, y).0 == [255, 255, 255]) {
                run += 1;
                best = best.max(run);
            } else {
                run = 0;
            }
        }
        best
    }

    fn png_height(a: &Analysis, name: &str) -> u32 {
        let files = render_all(a, &ChartOptions::default()).unwrap();
        let f = files.iter().find(|f| f.name == name).unwrap();
        decode(&f.bytes).height()
    }

    #[test]
    fn row_charts_are_as_tall_as_their_rows() {
        for name in ["sentiment.png", "voices.png"] {
            let h: Vec<u32> = [2, 5, 20, 40]
                .iter()
                .map(|&n| png_height(&example(n), name))
                .collect();
            assert!(h.windows(2).all(|w| w[0] < w[1]), "{name}: {h:?}");
            assert!(h[1] < 800, "{name}: five articles take {} px", h[1]);
            // 40 rows at a readable size need more than the configured 1000 px.
            assert!(
                h[3] > 1000,
                "{name}: forty articles squeezed into {} px",
                h[3]
            );
        }
        let frames: Vec<u32> = [2, 5, 20]
            .iter()
            .map(|&n| png_height(&example(n), "frames.png"))
            .collect();
        assert!(frames.windows(2).all(|w| w[0] < w[1]), "frames: {frames:?}");
    }

    /// Every text of every chart is at least 9 px once the report shows the
    /// chart at its display width: read from the SVG copies' font sizes.
    #[test]
    fn text_is_at_least_nine_px_in_the_report() {
        for (w, h) in [(1600, 1000), (800, 500), (3000, 1200)] {
            let o = ChartOptions {
                width: w,
                height: h,
                svg: true,
            };
            let shown = (w as f64).min(style::REPORT_IMAGE_WIDTH);
            for a in [example(5), example(40), stress()] {
                for f in render_all(&a, &o)
                    .unwrap()
                    .iter()
                    .filter(|f| f.name.ends_with(".svg"))
                {
                    let svg = String::from_utf8(f.bytes.clone()).unwrap();
                    let sizes: Vec<f64> = svg
                        .split("font-size=\"")
                        .skip(1)
                        .map(|s| s[..s.find('"').unwrap()].parse().unwrap())
                        .collect();
                    assert!(!sizes.is_empty(), "{}", f.name);
                    let smallest = sizes.iter().copied().fold(f64::MAX, f64::min);
                    assert!(
                        smallest * shown / w as f64 >= style::MIN_DISPLAY_PX - 1e-9,
                        "{} at {w}x{h}: {smallest} px text shows at {:.1} px",
                        f.name,
                        smallest * shown / w as f64
                    );
                }
            }
        }
    }

    /// The display width assumed for fonts is the one report.html gives images.
    #[test]
    fn display_width_matches_the_report_css() {
        let html = include_str!("../html.rs");
        assert!(
            html.contains("main{max-width:1100px;"),
            "main width changed: update style::REPORT_IMAGE_WIDTH"
        );
        assert!(
            html.contains("padding:2rem 1.25rem 4rem"),
            "main padding changed: update style::REPORT_IMAGE_WIDTH"
        );
        assert!(
            html.contains("figure img{display:block;max-width:100%;height:auto;border:1px solid")
        );
        assert_eq!(style::REPORT_IMAGE_WIDTH, 1100.0 - 2.0 * 20.0 - 2.0);
    }

    /// Printed, a chart takes the full text width (no fixed height that
    /// shrinks it and its text), only capped by the page's height.
    #[test]
    fn print_css_gives_charts_the_text_width() {
        let html = include_str!("../html.rs");
        let print = &html[html.find("@media print{").expect("print CSS")..];
        let rule = print
            .lines()
            .find(|l| l.starts_with("figure img{"))
            .expect("a print rule for chart images");
        assert!(rule.contains("max-width:100%"), "{rule}");
        let cap: f64 = rule
            .split("max-height:")
            .nth(1)
            .and_then(|r| r.split("mm").next())
            .and_then(|v| v.parse().ok())
            .expect("a max-height in mm");
        // A4 (297 mm) less the page margins (26 mm) holds the cap; a
        // 1600 x 1000 chart at the 186 mm text width is 116 mm high.
        assert!((200.0..=271.0).contains(&cap), "{rule}");
    }

    /// The similarity chart names articles by the numbers the report's tables use.
    #[test]
    fn similarity_numbers_articles_like_the_tables() {
        let a = example(6);
        let c = a.clustering.as_ref().unwrap();
        // The chart orders by cluster, so its rows are not in corpus order.
        let sim = c.similarity.as_ref().unwrap();
        let files = render_all(
            &a,
            &ChartOptions {
                svg: true,
                ..Default::default()
            },
        )
        .unwrap();
        let svg = String::from_utf8(
            files
                .iter()
                .find(|f| f.name == "similarity.svg")
                .unwrap()
                .bytes
                .clone(),
        )
        .unwrap();
        let md = crate::report::markdown::render(&a, &[]);
        for (i, art) in a.articles.iter().enumerate() {
            assert!(sim.ids.contains(&art.id));
            let label = labels::article_label(&a, i);
            assert!(svg.contains(&format!("\n{label}\n")), "chart lacks {label}");
            let table = format!("#{} {}", i + 1, art.short_title);
            assert!(
                md.contains(&table),
                "the report does not call article {} {table}",
                art.id
            );
        }
    }

    #[test]
    fn renders_every_chart_for_example_sizes() {
        for n in [0, 1, 2, 5, 40] {
            check_all(&example(n), &ChartOptions::default());
        }
    }

    #[test]
    fn renders_large_corpus() {
        check_all(&example(1200), &ChartOptions::default());
    }

    #[test]
    fn names_are_fixed_and_svg_optional() {
        let a = example(5);
        let png = render_all(&a, &ChartOptions::default()).unwrap();
        let names: Vec<&str> = png.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "frames.png",
                "threat_reassurance.png",
                "sentiment.png",
                "clusters.png",
                "similarity.png",
                "terms.png",
                "voices.png"
            ]
        );
        let o = ChartOptions {
            svg: true,
            ..Default::default()
        };
        let both = render_all(&a, &o).unwrap();
        assert_eq!(both.len(), 2 * png.len());
        for f in both.iter().filter(|f| f.name.ends_with(".svg")) {
            let s = String::from_utf8(f.bytes.clone()).unwrap();
            assert!(s.starts_with("<svg"), "{}", f.name);
            assert!(s.contains("<text"), "{} has no text", f.name);
        }
    }

    #[test]
    fn deterministic() {
        for n in [5, 40] {
            let a = example(n);
            let o = ChartOptions {
                svg: true,
                ..Default::default()
            };
            let x = render_all(&a, &o).unwrap();
            let y = render_all(&a, &o).unwrap();
            for (p, q) in x.iter().zip(&y) {
                assert_eq!(p.name, q.name);
                assert!(p.bytes == q.bytes, "{} differs between runs", p.name);
            }
        }
    }

    #[test]
    fn custom_size_honoured() {
        check_all(
            &example(5),
            &ChartOptions {
                width: 800,
                height: 500,
                svg: false,
            },
        );
    }

    #[test]
    fn bad_size_is_an_error() {
        let o = ChartOptions {
            width: 0,
            height: 100,
            svg: false,
        };
        assert!(matches!(
            render_all(&example(3), &o),
            Err(ChartError::Size(0, 100))
        ));
    }

    /// The title band must contain dark glyph pixels: proves text is drawn with the
    /// embedded font (ab_glyph never consults fontconfig or system fonts).
    #[test]
    fn title_text_is_rendered_with_embedded_font() {
        std::env::set_var("FONTCONFIG_FILE", "/nonexistent/fonts.conf");
        let files = render_all(&example(5), &ChartOptions::default()).unwrap();
        for f in files {
            let img = decode(&f.bytes);
            // Title starts at the 24 px margin and is 32 px high.
            let dark = (24..64)
                .flat_map(|y| (20..800).map(move |x| (x, y)))
                .filter(|&(x, y)| {
                    let p = img.get_pixel(x, y).0;
                    p.iter().all(|&c| c < 90)
                })
                .count();
            assert!(
                dark > 300,
                "{}: title band has {} dark pixels",
                f.name,
                dark
            );
        }
    }

    #[test]
    fn nan_and_empty_values_do_not_panic() {
        let mut a = example(6);
        for art in &mut a.articles {
            for f in &mut art.frames {
                f.per_1k = f64::NAN;
            }
            art.sentiment.compound = f64::NAN;
            art.top_terms.clear();
        }
        if let Some(c) = a.clustering.as_mut() {
            for asg in &mut c.assignments {
                asg.x = f64::NAN;
            }
            c.similarity = None;
        }
        check_all(&a, &ChartOptions::default());
        let mut b = example(5);
        b.frames.clear();
        for art in &mut b.articles {
            art.frames.clear();
            art.sentiment.compound = 0.0;
        }
        check_all(&b, &ChartOptions::default());
    }

    /// Many frames with long names, ten clusters, long distinct titles, NaN-free.
    fn stress() -> Analysis {
        let mut a = example(30);
        let extra = [
            "public_health_and_safety_concerns",
            "government_accountability",
            "victims_and_families",
            "policing_and_law_enforcement",
            "statistics",
            "youth",
            "community",
        ];
        for (k, f) in extra.iter().enumerate() {
            a.frames.push(f.to_string());
            for (i, art) in a.articles.iter_mut().enumerate() {
                art.frames.push(crate::model::FrameScore {
                    frame: f.to_string(),
                    hits: 1.0,
                    per_1k: ((i * 5 + k * 7) % 13) as f64 * 1.7,
                    share: 0.0,
                    evidence: Vec::new(),
                    ..Default::default()
                });
            }
        }
        let words = [
            "Minister", "defends", "budget", "as", "nurses", "strike", "over", "pay", "in",
            "winter",
        ];
        for (i, art) in a.articles.iter_mut().enumerate() {
            let t: Vec<&str> = (0..(4 + i % 9))
                .map(|k| words[(i + k * 3) % words.len()])
                .collect();
            art.title = format!("{} {}", t.join(" "), i);
            art.short_title = art.title.chars().take(40).collect();
            for (r, t) in art.top_terms.iter_mut().enumerate() {
                t.term = format!(
                    "{}{}",
                    words[(i + r) % words.len()].to_lowercase(),
                    if r % 2 == 0 { "ing" } else { "" }
                )
                .into();
            }
        }
        let c = a.clustering.as_mut().unwrap();
        c.k = 10;
        c.clusters = (0..10)
            .map(|k| crate::model::ClusterInfo {
                id: k,
                label: format!(
                    "{} / {} / {}",
                    words[k],
                    words[(k + 3) % 10],
                    words[(k + 5) % 10]
                )
                .to_lowercase(),
                label_terms: Vec::new(),
                size: 3,
                top_terms: (0..10)
                    .map(|r| crate::model::WeightedTerm {
                        articles: 1,
                        term: format!("{}{}", words[(k + r) % 10].to_lowercase(), r),
                        stem: String::new(),
                        weight: 0.4 / (r + 1) as f64,
                    })
                    .collect(),
                central_article: format!("{:03}_article", k),
            })
            .collect();
        for (i, s) in c.assignments.iter_mut().enumerate() {
            s.cluster = i % 10;
            s.x = (i % 10) as f64 + 0.3 * ((i / 10) as f64);
            s.y = ((i % 10) as f64 * 1.3).sin() + 0.2 * (i / 10) as f64;
        }
        a
    }

    #[test]
    fn stress_case_renders() {
        check_all(&stress(), &ChartOptions::default());
    }

    /// Writes example(5) and example(40) charts to /tmp/charts-preview for a human to look at.
    #[test]
    #[ignore]
    fn preview() {
        let dir = std::path::Path::new("/tmp/charts-preview");
        std::fs::create_dir_all(dir).unwrap();
        for n in [1, 5, 40, 1200] {
            let o = ChartOptions {
                svg: n == 5,
                ..Default::default()
            };
            for f in render_all(&example(n), &o).unwrap() {
                std::fs::write(dir.join(format!("{}_{}", n, f.name)), &f.bytes).unwrap();
            }
        }
        for f in render_all(&stress(), &ChartOptions::default()).unwrap() {
            std::fs::write(dir.join(format!("stress_{}", f.name)), &f.bytes).unwrap();
        }
        let small = ChartOptions {
            width: 800,
            height: 500,
            svg: false,
        };
        for f in render_all(&example(5), &small).unwrap() {
            std::fs::write(dir.join(format!("small_{}", f.name)), &f.bytes).unwrap();
        }
    }
}
