//! The reading order of a PDF page set in columns. Layout programs may draw
//! a page line by line across its columns (the left column's first line,
//! the right column's, then the second lines); read in that order the
//! columns' sentences interleave into nonsense. Each character is kept with
//! its place on the page, and a page whose text keeps clear of a vertical
//! gutter is read column by column. Any other page reads exactly as
//! pdf-extract's plain-text output writes it.

use super::page_furniture;
use pdf_extract::{MediaBox, OutputDev, OutputError, PlainTextOutput, Transform};

/// Fewest lines a column holds: fewer is a caption, a byline or a table's
/// column beside the text, not a column of it.
const MIN_LINES: usize = 5;
/// Fewest words the median line of a column holds: a table's cells and a
/// list's entries hold fewer, a column of prose more.
const MIN_WORDS: usize = 3;
/// Narrowest column, in ems (a newspaper's narrowest holds about 25
/// characters, some 12 ems).
const MIN_COLUMN_EMS: f64 = 8.0;
/// Narrowest gutter, in ems: a justified line's widest word space is
/// narrower, so a gap this wide between a line's words is a gutter.
const MIN_GUTTER_EMS: f64 = 0.8;
/// Share of a column's words with a letter, at least: news prose has a
/// figure here and there, a table's column of results mostly figures.
const LETTERED_OF: (usize, usize) = (2, 3);
/// Baselines further apart than this many times the text's size part
/// paragraphs (pdf-extract's plain output reads a blank line there); most
/// of a column's lines are closer, a table's rows are often further apart.
const PARAGRAPH_GAP: f64 = 1.5;
/// One line in this many may cross a gutter between two lines that do not
/// (a photo's caption over both columns); lines over the columns at the
/// page's top or bottom (a headline, a footer) always may.
const CROSSING_SHARE: usize = 10;
/// Lines that may cross a gutter between two lines that do not on a page
/// of few lines; the columns' own tests keep a page of one column from
/// being split.
const CROSSING_LINES: usize = 1;
/// One character in this many may be turned or mirrored (a margin note
/// set vertically) before a page's layout is not trusted.
const TURNED_SHARE: usize = 20;

/// One character as pdf-extract hands it over, kept to be written again.
struct Glyph {
    trm: Transform,
    width: f64,
    spacing: f64,
    font_size: f64,
    text: String,
    /// The first character of a string the PDF draws (pdf-extract's plain
    /// output looks for a space or a line break only before those).
    word_start: bool,
}

/// An output device that writes a page's text as pdf-extract's plain-text
/// device does and keeps each character with its place.
pub struct Recorder<'a> {
    plain: PlainTextOutput<&'a mut String>,
    glyphs: Vec<Glyph>,
    media_box: Option<MediaBox>,
    word_start: bool,
}

impl<'a> Recorder<'a> {
    /// A device writing the page's text, in the order it is drawn, to `text`.
    pub fn new(text: &'a mut String) -> Self {
        Recorder {
            plain: PlainTextOutput::new(text),
            glyphs: Vec::new(),
            media_box: None,
            word_start: false,
        }
    }

    /// The characters kept, once the page is read.
    pub fn finish(self) -> Page {
        Page {
            glyphs: self.glyphs,
            media_box: self.media_box,
        }
    }
}

impl OutputDev for Recorder<'_> {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &MediaBox,
        art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.media_box = Some(*media_box);
        self.plain.begin_page(page_num, media_box, art_box)
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        self.plain.end_page()
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        self.glyphs.push(Glyph {
            trm: *trm,
            width,
            spacing,
            font_size,
            text: char.to_string(),
            word_start: std::mem::take(&mut self.word_start),
        });
        self.plain
            .output_character(trm, width, spacing, font_size, char)
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.word_start = true;
        self.plain.begin_word()
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        self.plain.end_word()
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        self.plain.end_line()
    }
}

/// A page's characters as the PDF draws them.
pub struct Page {
    glyphs: Vec<Glyph>,
    media_box: Option<MediaBox>,
}

impl Page {
    /// The page's text in reading order: `drawn` (its text in the order the
    /// PDF draws it) unless the page is set in columns drawn across each
    /// other, then written again column by column.
    pub fn text(&self, drawn: String) -> String {
        let Some(media_box) = self.media_box else {
            return drawn;
        };
        let Some(order) = reading_order(&self.glyphs) else {
            return drawn;
        };
        let mut out = String::new();
        if self.write(&order, &media_box, &mut out).is_err() {
            return drawn;
        }
        out
    }

    /// The characters in `order` through pdf-extract's plain-text device, so
    /// that spaces and line breaks come as they do for any other page.
    fn write(
        &self,
        order: &[usize],
        media_box: &MediaBox,
        out: &mut String,
    ) -> Result<(), OutputError> {
        let mut dev = PlainTextOutput::new(out);
        dev.begin_page(0, media_box, None)?;
        let mut last = None;
        for &i in order {
            let g = &self.glyphs[i];
            // A character that follows another than it did in the PDF is
            // looked at for a space or a line break before it.
            if g.word_start || last.is_none_or(|l| l + 1 != i) {
                dev.begin_word()?;
            }
            dev.output_character(&g.trm, g.width, g.spacing, g.font_size, &g.text)?;
            last = Some(i);
        }
        dev.end_page()
    }
}

/// A character's place: from `x0` to `x1` on the baseline `y` (points, from
/// the bottom left), `size` its height.
#[derive(Clone, Copy)]
struct Place {
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    blank: bool,
    letter: bool,
}

impl Place {
    fn centre(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
}

/// Where an upright character stands; `None` for a turned or mirrored one.
fn place(g: &Glyph) -> Option<Place> {
    let m = &g.trm;
    let upright =
        m.m11 > 0.0 && m.m22 > 0.0 && m.m12.abs() <= 0.01 * m.m11 && m.m21.abs() <= 0.01 * m.m22;
    let size = g.font_size.abs() * m.m22;
    let advance = g.width * g.font_size.abs() * (m.m11 * m.m22).sqrt();
    let p = Place {
        x0: m.m31,
        x1: m.m31 + advance.max(0.0),
        y: m.m32,
        size,
        blank: g.text.trim().is_empty(),
        letter: g.text.chars().any(char::is_alphabetic),
    };
    let finite = [p.x0, p.x1, p.y, p.size].iter().all(|v| v.is_finite());
    (upright && finite && size > 0.0).then_some(p)
}

/// The characters on one baseline.
struct Line {
    /// Indexes into the page's characters, in the order drawn.
    glyphs: Vec<usize>,
    y: f64,
    size: f64,
    /// The stretches of text along the line: its characters but blanks,
    /// joined across gaps narrower than a gutter.
    runs: Vec<(f64, f64)>,
}

/// The order to read a page's characters in, when the page is set in
/// columns and drawn across them; `None` to keep the order drawn.
fn reading_order(glyphs: &[Glyph]) -> Option<Vec<usize>> {
    let places: Vec<Option<Place>> = glyphs.iter().map(place).collect();
    let inked = places
        .iter()
        .zip(glyphs)
        .filter(|(_, g)| !g.text.trim().is_empty());
    let (turned, all) = inked.fold((0, 0), |(t, a), (p, _)| (t + p.is_none() as usize, a + 1));
    if all == 0 || turned * TURNED_SHARE > all {
        return None;
    }
    let lines = lines_of(&places);
    let text_lines = lines.iter().filter(|l| !l.runs.is_empty()).count();
    if text_lines < MIN_LINES {
        return None;
    }
    let em = median(lines.iter().filter(|l| !l.runs.is_empty()).map(|l| l.size))?;
    let splits = gutters(&lines, &places, em)?;
    let apart = set_apart(&lines);
    let spans: Vec<bool> = spanning(&lines, &splits)
        .into_iter()
        .zip(apart)
        .map(|(s, a)| s || a)
        .collect();
    let column = |i: usize| {
        let x = places[i].map_or(0.0, |p| p.centre());
        splits.iter().filter(|&&s| s < x).count()
    };
    // Blocks of lines between the lines that cross a gutter; each block is
    // read column by column.
    let mut order = Vec::with_capacity(glyphs.len());
    let mut block: Vec<&Line> = Vec::new();
    let mut blocks = 0;
    let mut switches = 0;
    let mut flush = |block: &mut Vec<&Line>, order: &mut Vec<usize>| {
        if block.is_empty() {
            return;
        }
        blocks += 1;
        let mut drawn: Vec<usize> = block
            .iter()
            .flat_map(|l| l.glyphs.iter().copied())
            .collect();
        drawn.sort_unstable();
        let cols: Vec<usize> = drawn
            .iter()
            .filter(|&&i| places[i].is_some_and(|p| !p.blank))
            .map(|&i| column(i))
            .collect();
        switches += cols.windows(2).filter(|w| w[0] != w[1]).count();
        for c in 0..=splits.len() {
            for l in block.iter() {
                order.extend(l.glyphs.iter().copied().filter(|&i| column(i) == c));
            }
        }
        block.clear();
    };
    for (line, &span) in lines.iter().zip(&spans) {
        if span {
            flush(&mut block, &mut order);
            order.extend(line.glyphs.iter().copied());
        } else {
            block.push(line);
        }
    }
    flush(&mut block, &mut order);
    // A page drawn column by column already reads in order as drawn.
    if switches <= splits.len() * (blocks + 2) {
        return None;
    }
    order.extend((0..glyphs.len()).filter(|&i| places[i].is_none()));
    let unchanged = order.iter().enumerate().all(|(n, &i)| n == i);
    (!unchanged).then_some(order)
}

/// The page's characters grouped by baseline, top line first; each line's
/// characters in the order drawn.
fn lines_of(places: &[Option<Place>]) -> Vec<Line> {
    let mut by_height: Vec<(usize, Place)> = places
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.map(|p| (i, p)))
        .collect();
    by_height.sort_by(|a, b| b.1.y.total_cmp(&a.1.y).then(a.0.cmp(&b.0)));
    let mut lines: Vec<Line> = Vec::new();
    for (i, p) in by_height {
        match lines.last_mut() {
            // Within a third of an em of the line's baseline: a superscript
            // or a font's own offset, not the next line.
            Some(l) if (l.y - p.y).abs() <= 0.3 * l.size.max(p.size) => l.glyphs.push(i),
            _ => lines.push(Line {
                glyphs: vec![i],
                y: p.y,
                size: p.size,
                runs: Vec::new(),
            }),
        }
    }
    for l in &mut lines {
        l.glyphs.sort_unstable();
        let mut inked: Vec<Place> = l
            .glyphs
            .iter()
            .filter_map(|&i| places[i])
            .filter(|p| !p.blank)
            .collect();
        if let Some(size) = median(inked.iter().map(|p| p.size)) {
            l.size = size;
        }
        inked.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        for p in inked {
            match l.runs.last_mut() {
                Some(r) if p.x0 - r.1 < MIN_GUTTER_EMS * l.size => r.1 = r.1.max(p.x1),
                _ => l.runs.push((p.x0, p.x1)),
            }
        }
    }
    lines
}

/// Lines kept whole where they stand: the top and bottom lines
/// (`page_furniture::ZONE` of them at most) set apart from the text by a
/// gap of more than two and a half lines. A running header is often in
/// two parts ("The Daily Post" on the left, "Page 3" on the right) that
/// would otherwise each head a column, away from the page's ends where the
/// furniture rule looks for them.
fn set_apart(lines: &[Line]) -> Vec<bool> {
    let mut apart = vec![false; lines.len()];
    let text: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].runs.is_empty())
        .collect();
    let gaps: Vec<f64> = text
        .windows(2)
        .map(|w| lines[w[0]].y - lines[w[1]].y)
        .collect();
    let Some(pitch) = median(gaps.iter().copied()) else {
        return apart;
    };
    let zone = page_furniture::ZONE.min(gaps.len());
    let far = |g: usize| gaps[g] > 2.5 * pitch;
    if let Some(last) = (0..zone).rev().find(|&g| far(g)) {
        for &i in &text[..=last] {
            apart[i] = true;
        }
    }
    if let Some(first) = (gaps.len() - zone..gaps.len()).find(|&g| far(g)) {
        for &i in &text[first + 1..] {
            apart[i] = true;
        }
    }
    apart
}

/// Whether each line has text across one of the gutters at `splits`.
fn spanning(lines: &[Line], splits: &[f64]) -> Vec<bool> {
    lines
        .iter()
        .map(|l| {
            l.runs
                .iter()
                .any(|r| splits.iter().any(|&s| r.0 < s && r.1 > s))
        })
        .collect()
}

/// Where the page's gutters are: x positions that at most one line in
/// `CROSSING_SHARE` crosses (lines over the columns at the page's top and
/// bottom aside), with a column of prose on each side.
fn gutters(lines: &[Line], places: &[Option<Place>], em: f64) -> Option<Vec<f64>> {
    let runs = || lines.iter().flat_map(|l| l.runs.iter());
    let lo = runs().map(|r| r.0).min_by(f64::total_cmp)?;
    let hi = runs().map(|r| r.1).max_by(f64::total_cmp)?;
    if hi - lo < 2.0 * MIN_COLUMN_EMS * em {
        return None;
    }
    // How many lines cross each point of the page's width, half a point
    // apart; the lines over the columns at the page's top and bottom (a
    // headline, a standfirst, a footer) are not counted.
    let bins = (((hi - lo) / 0.5).ceil() as usize).clamp(1, 2000);
    let step = (hi - lo) / bins as f64;
    let text: Vec<&Line> = lines.iter().filter(|l| !l.runs.is_empty()).collect();
    let cover: Vec<i64> = (0..bins)
        .map(|b| {
            let x = lo + (b as f64 + 0.5) * step;
            let (mut inside, mut pending, mut clear) = (0, 0, 0);
            for l in &text {
                if l.runs.iter().any(|r| r.0 <= x && x <= r.1) {
                    pending += (clear > 0) as i64;
                } else {
                    clear += 1;
                    inside += pending;
                    pending = 0;
                }
            }
            // Clear for most of the page's lines: a paragraph's short last
            // lines at the foot of a page are no gutter.
            if clear * 2 >= text.len() {
                inside
            } else {
                text.len() as i64
            }
        })
        .collect();
    let text_lines = lines.iter().filter(|l| !l.runs.is_empty()).count();
    let allowed = (text_lines / CROSSING_SHARE).max(CROSSING_LINES) as i64;
    // Each stretch at most `allowed` lines cross, wide enough, with room
    // for a column on either side: where it is crossed least, and how
    // often and how wide.
    let mut candidates: Vec<(i64, usize, f64)> = Vec::new();
    let mut b = 0;
    while b < bins {
        if cover[b] > allowed {
            b += 1;
            continue;
        }
        let start = b;
        while b < bins && cover[b] <= allowed {
            b += 1;
        }
        let x = lo + (middle_of_least(&cover[start..b]) + start) as f64 * step;
        let wide = (b - start) as f64 * step >= MIN_GUTTER_EMS * em;
        let room = (x - lo).min(hi - x) >= MIN_COLUMN_EMS * em;
        if wide && room {
            let least = cover[start..b].iter().min().copied().unwrap_or(0);
            candidates.push((least, b - start, x));
        }
    }
    // The clearest first, each kept if the columns it makes, with those
    // kept before, are all columns of prose.
    candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut splits: Vec<f64> = Vec::new();
    for (_, _, x) in candidates {
        let mut with = splits.clone();
        with.push(x);
        with.sort_by(f64::total_cmp);
        if all_prose(lines, places, &with, em) {
            splits = with;
        }
    }
    (!splits.is_empty()).then_some(splits)
}

/// The middle of the widest stretch where the fewest lines cross, as an
/// offset (half a bin in) from the stretch's start.
fn middle_of_least(cover: &[i64]) -> usize {
    let least = cover.iter().min().copied().unwrap_or(0);
    let (mut best, mut best_len) = (0, 0);
    let mut i = 0;
    while i < cover.len() {
        if cover[i] != least {
            i += 1;
            continue;
        }
        let start = i;
        while i < cover.len() && cover[i] == least {
            i += 1;
        }
        if i - start > best_len {
            (best, best_len) = (start, i - start);
        }
    }
    best + best_len / 2
}

/// Whether each column between the gutters at `splits` is a column of
/// prose: not too few lines, words in them or letters in the words (a
/// table's figures), not too narrow, its lines not set apart (a table's
/// rows).
fn all_prose(lines: &[Line], places: &[Option<Place>], splits: &[f64], em: f64) -> bool {
    let spans = spanning(lines, splits);
    let columns = splits.len() + 1;
    let mut stats = vec![ColumnStats::default(); columns];
    for (l, _) in lines.iter().zip(&spans).filter(|(_, &s)| !s) {
        let mut parts: Vec<Vec<Place>> = vec![Vec::new(); columns];
        for p in l
            .glyphs
            .iter()
            .filter_map(|&i| places[i])
            .filter(|p| !p.blank)
        {
            let c = splits.iter().filter(|&&s| s < p.centre()).count();
            parts[c].push(p);
        }
        for (part, col) in parts.iter_mut().zip(&mut stats) {
            if !part.is_empty() {
                col.add(part, l);
            }
        }
    }
    stats.iter().all(|c| c.is_prose(em))
}

/// What a column's lines hold, to tell a column of prose from a table's.
#[derive(Clone, Default)]
struct ColumnStats {
    /// Words in each line.
    words: Vec<usize>,
    /// Words with a letter, in all lines.
    lettered: usize,
    /// Each line's baseline and size, top line first.
    baselines: Vec<(f64, f64)>,
    left: Option<f64>,
    right: Option<f64>,
}

impl ColumnStats {
    /// Counts the part of line `l` in this column.
    fn add(&mut self, part: &mut [Place], l: &Line) {
        part.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        // A gap wider than a sixth of an em parts two words (a word space
        // is a quarter em or more, kerning far less).
        let mut words = 0;
        let mut letter = false;
        for (n, p) in part.iter().enumerate() {
            if n == 0 || p.x0 - part[n - 1].x1 > l.size / 6.0 {
                words += 1;
                self.lettered += letter as usize;
                letter = false;
            }
            letter |= p.letter;
        }
        self.lettered += letter as usize;
        self.words.push(words);
        self.baselines.push((l.y, l.size));
        let right = part.iter().map(|p| p.x1).fold(f64::MIN, f64::max);
        self.left = Some(self.left.map_or(part[0].x0, |x| x.min(part[0].x0)));
        self.right = Some(self.right.map_or(right, |x| x.max(right)));
    }

    fn is_prose(&self, em: f64) -> bool {
        let words: usize = self.words.iter().sum();
        let median_words = median(self.words.iter().map(|&w| w as f64)).unwrap_or(0.0);
        let width = self.right.unwrap_or(0.0) - self.left.unwrap_or(0.0);
        // Lines of one paragraph, under pdf-extract's own paragraph gap of
        // one and a half times the size.
        let pairs = self.baselines.windows(2);
        let close = pairs
            .clone()
            .filter(|w| w[0].0 - w[1].0 <= PARAGRAPH_GAP * w[0].1.max(w[1].1))
            .count();
        self.words.len() >= MIN_LINES
            && median_words >= MIN_WORDS as f64
            && width >= MIN_COLUMN_EMS * em
            && self.lettered * LETTERED_OF.1 >= words * LETTERED_OF.0
            && close * 2 >= pairs.len()
    }
}

/// The median of `values`; `None` when there are none.
fn median(values: impl Iterator<Item = f64>) -> Option<f64> {
    let mut v: Vec<f64> = values.collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    Some(v[v.len() / 2])
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{interleaved_columns, pdf_placed_of, wrapped, PlacedLine};
    use super::super::pdf;
    use super::*;

    const LEFT: &str = "Residents of the valley were told to leave their homes on Monday as the river rose through the night. Police said the danger was real and that the water could reach the high street by morning. Some families stayed upstairs with their pets.";
    const RIGHT: &str = "Engineers worked on the flood wall until dawn and said it would hold. The council opened two rest centres in the school halls and asked people to check on their elderly neighbours. Buses took those without cars to the rest centres.";

    /// Each page's text as pdf-extract's plain device writes it (the order
    /// drawn) and as the recorder reads it.
    fn drawn_and_read(bytes: &[u8]) -> Vec<(String, String)> {
        let doc = pdf_extract::Document::load_mem(bytes).unwrap();
        doc.get_pages()
            .into_keys()
            .map(|n| {
                let mut drawn = String::new();
                pdf_extract::output_doc_page(&doc, &mut PlainTextOutput::new(&mut drawn), n)
                    .unwrap();
                let mut text = String::new();
                let mut device = Recorder::new(&mut text);
                pdf_extract::output_doc_page(&doc, &mut device, n).unwrap();
                let read = device.finish().text(text.clone());
                assert_eq!(
                    text, drawn,
                    "the recorder writes what the plain device writes"
                );
                (drawn, read)
            })
            .collect()
    }

    /// The article frame reads from the PDF, its lines joined.
    fn article(bytes: &[u8]) -> String {
        let text = pdf::read(bytes).unwrap().unwrapped().text;
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Lines of one column at x 50, 10 points, from `top` down.
    fn single_column(text: &str, top: f64) -> Vec<PlacedLine> {
        wrapped(text, 85)
            .into_iter()
            .enumerate()
            .map(|(i, t)| (50.0, top - 13.0 * i as f64, 10.0, t))
            .collect()
    }

    #[test]
    fn columns_drawn_line_by_line_read_column_by_column() {
        let pdf = pdf_placed_of(&[interleaved_columns(LEFT, RIGHT, 780.0)]);
        let (drawn, _) = &drawn_and_read(&pdf)[0];
        // What this is about: as drawn, the columns interleave.
        assert!(!drawn.contains("the river rose"), "{drawn:?}");
        assert_eq!(article(&pdf), format!("{LEFT} {RIGHT}"));
    }

    /// A headline of two lines and a standfirst over both columns: more
    /// lines across the gutter than a tenth of the page's.
    #[test]
    fn a_headline_over_both_columns_comes_first() {
        let top = [
            (50.0, 815.0, 18.0, "Flood warning for the valley towns"),
            (50.0, 795.0, 18.0, "as the river rises through the night"),
            (
                50.0,
                775.0,
                11.0,
                "Police tell residents to leave their homes and the council opens rest centres",
            ),
            (
                50.0,
                761.0,
                11.0,
                "in two school halls while engineers work on the flood wall until dawn",
            ),
        ];
        let mut page: Vec<PlacedLine> = top
            .iter()
            .map(|&(x, y, s, t)| (x, y, s, t.to_string()))
            .collect();
        page.extend(interleaved_columns(LEFT, RIGHT, 735.0));
        let pdf = pdf_placed_of(&[page]);
        let heading: Vec<&str> = top.iter().map(|t| t.3).collect();
        assert_eq!(
            article(&pdf),
            format!("{} {LEFT} {RIGHT}", heading.join(" "))
        );
    }

    /// An article over the page's full width, then another in two columns
    /// under it: the first reads as drawn, the second column by column.
    #[test]
    fn columns_under_a_full_width_article_read_column_by_column() {
        let mut page = single_column(&format!("{RIGHT} {LEFT}"), 800.0);
        let top = 800.0 - 13.0 * page.len() as f64 - 30.0;
        page.extend(interleaved_columns(LEFT, RIGHT, top));
        let pdf = pdf_placed_of(&[page]);
        assert_eq!(article(&pdf), format!("{RIGHT} {LEFT} {LEFT} {RIGHT}"));
    }

    /// A running header in two parts, over the columns: it stays at the
    /// page's top, where the furniture rule finds it on every page.
    #[test]
    fn a_running_header_over_the_columns_stays_on_top() {
        let page = |n: usize, left: &str, right: &str| {
            let mut p = vec![
                (50.0, 815.0, 9.0, "The Daily Post".to_string()),
                (500.0, 815.0, 9.0, format!("Page {n}")),
            ];
            p.extend(interleaved_columns(left, right, 780.0));
            p
        };
        let pdf = pdf_placed_of(&[page(1, LEFT, RIGHT), page(2, RIGHT, LEFT)]);
        let e = pdf::read(&pdf).unwrap();
        let removed: Vec<&str> = e.removed.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            removed,
            ["The Daily Post Page 1", "The Daily Post Page 2"],
            "{:?}",
            e.text
        );
        let text = article(&pdf);
        assert_eq!(text, format!("{LEFT} {RIGHT} {RIGHT} {LEFT}"));
    }

    #[test]
    fn three_columns_read_left_to_right() {
        let cols = [
            "The storm came in from the sea after dark and the wind tore roofs from the houses along the front.",
            "By midnight the lifeboat crew had been called out twice to boats that had broken free in the harbour.",
            "In the morning the clear-up began and the mayor thanked the volunteers who had worked all night long.",
        ];
        let lines: Vec<Vec<String>> = cols.iter().map(|c| wrapped(c, 25)).collect();
        let mut page = Vec::new();
        for i in 0..lines.iter().map(Vec::len).max().unwrap() {
            for (x, col) in [50.0, 230.0, 410.0].into_iter().zip(&lines) {
                if let Some(t) = col.get(i) {
                    page.push((x, 780.0 - 13.0 * i as f64, 10.0, t.clone()));
                }
            }
        }
        let pdf = pdf_placed_of(&[page]);
        assert_eq!(article(&pdf), cols.join(" "));
    }

    #[test]
    fn one_column_reads_as_drawn() {
        let mut page = vec![(200.0, 800.0, 16.0, "Storm hits the coast".to_string())];
        page.extend(single_column(&format!("{LEFT} {RIGHT} {LEFT}"), 770.0));
        for (drawn, read) in drawn_and_read(&pdf_placed_of(&[page])) {
            assert_eq!(read, drawn);
        }
    }

    /// Between paragraphs, a small table of short cells and a centred line:
    /// gaps that run down the table are no gutter.
    #[test]
    fn a_table_in_one_column_is_not_split() {
        let mut page = single_column(LEFT, 800.0);
        let mut y = 800.0 - 13.0 * page.len() as f64 - 20.0;
        page.push((250.0, y, 10.0, "Rainfall by town".into()));
        for row in [
            ["Town", "Rain (mm)", "Homes hit"],
            ["Ashford", "82", "140"],
            ["Bourne", "64", "35"],
            ["Carlton", "71", "88"],
            ["Dunmore", "90", "210"],
            ["Eastleigh", "58", "12"],
        ] {
            y -= 13.0;
            for (x, cell) in [60.0, 250.0, 420.0].into_iter().zip(row) {
                page.push((x, y, 10.0, cell.into()));
            }
        }
        page.extend(single_column(RIGHT, y - 20.0));
        for (drawn, read) in drawn_and_read(&pdf_placed_of(&[page])) {
            assert_eq!(read, drawn);
        }
    }

    /// A page that is all table, two wide columns of short cells drawn row
    /// by row: its rows stay rows.
    #[test]
    fn a_page_of_table_is_not_split() {
        let mut page = Vec::new();
        for (i, (name, value)) in [
            ("Northumberland Constabulary", "Road closures"),
            ("Environment Agency", "Flood warnings"),
            ("Highways England", "Motorway closures"),
            ("Northumbrian Water", "Supply interruptions"),
            ("County Council", "Rest centres"),
            ("Met Office", "Weather warnings"),
            ("Network Rail", "Train cancellations"),
        ]
        .into_iter()
        .enumerate()
        {
            let y = 780.0 - 13.0 * i as f64;
            page.push((50.0, y, 10.0, name.to_string()));
            page.push((320.0, y, 10.0, value.to_string()));
        }
        for (drawn, read) in drawn_and_read(&pdf_placed_of(&[page])) {
            assert_eq!(read, drawn);
        }
    }

    /// From a report's table: a column of labels in words beside one of
    /// figures, drawn row by row. The figures are no column of prose.
    #[test]
    fn a_table_of_figures_is_not_split() {
        let mut page = Vec::new();
        for (i, (label, figures)) in [
            (
                "economic rte vs the rest",
                "10.8 vs 15.1 -4.4 [-6.3, -2.3] -0.18 0.0010 yes",
            ),
            (
                "conflict bbc vs the rest",
                "4.5 vs 5.9 -1.5 [-2.2, -0.8] -0.18 0.0029 yes",
            ),
            (
                "threat cnn vs the rest",
                "3.5 vs 4.6 -1.1 [-1.6, -0.5] -0.18 0.0018 yes",
            ),
            (
                "economic bbc vs the rest",
                "10.9 vs 15.0 -4.0 [-6.1, -1.9] -0.16 0.0085 yes",
            ),
            (
                "conflict rte vs the rest",
                "4.6 vs 5.9 -1.3 [-2.0, -0.6] -0.16 0.0118 yes",
            ),
            (
                "morality dw vs the rest",
                "3.7 vs 4.6 -1.0 [-1.5, -0.4] -0.16 0.0194 yes",
            ),
            (
                "human interest abc vs the rest",
                "8.1 vs 6.0 2.1 [0.9, 3.3] 0.18 0.0389 yes",
            ),
        ]
        .into_iter()
        .enumerate()
        {
            let y = 780.0 - 13.0 * i as f64;
            page.push((50.0, y, 10.0, label.to_string()));
            page.push((250.0, y, 10.0, figures.to_string()));
        }
        for (drawn, read) in drawn_and_read(&pdf_placed_of(&[page])) {
            assert_eq!(read, drawn);
        }
    }

    /// A table of wordy cells whose rows stand apart, drawn row by row.
    #[test]
    fn a_table_of_rows_apart_is_not_split() {
        let mut page = Vec::new();
        for (i, (place, what)) in [
            (
                "The old bridge over the river",
                "closed to all traffic until further notice",
            ),
            (
                "The high street near the market",
                "shops open again from ten in the morning",
            ),
            (
                "The school on the hill road",
                "pupils to stay at home for the whole week",
            ),
            (
                "The rest centre in the hall",
                "beds and hot meals for up to sixty people",
            ),
            (
                "The station car park by the line",
                "used by the army for its trucks and boats",
            ),
            (
                "The health centre on the green",
                "open for urgent cases only until Friday",
            ),
        ]
        .into_iter()
        .enumerate()
        {
            let y = 780.0 - 24.0 * i as f64;
            page.push((50.0, y, 10.0, place.to_string()));
            page.push((320.0, y, 10.0, what.to_string()));
        }
        for (drawn, read) in drawn_and_read(&pdf_placed_of(&[page])) {
            assert_eq!(read, drawn);
        }
    }

    /// Columns drawn one after the other already read in order: the text
    /// is pdf-extract's, unchanged.
    #[test]
    fn columns_drawn_one_after_the_other_read_as_drawn() {
        let mut page: Vec<PlacedLine> = interleaved_columns(LEFT, RIGHT, 780.0);
        page.sort_by(|a, b| a.0.total_cmp(&b.0));
        let pdf = pdf_placed_of(&[page]);
        for (drawn, read) in drawn_and_read(&pdf) {
            assert_eq!(read, drawn);
        }
        assert_eq!(article(&pdf), format!("{LEFT} {RIGHT}"));
    }
}
