//! The container Word (.docx) and OpenDocument (.odt) files share: a zip
//! archive of XML parts. Finds which kind a zip is, reads one part under
//! the memory guard (the unpacked size counts, not the file's), and walks
//! a part's XML into paragraphs.

use super::extracted::{Detected, Extracted};
use crate::input::limits::MAX_FILE_BYTES;
use crate::input::line_joins::ends_sentence;
use crate::input::under_headline::is_byline_or_date;
use crate::model::options::InputFormat;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::{Cursor, Read, Seek};
use zip::ZipArchive;

type Archive<'a> = ZipArchive<Cursor<&'a [u8]>>;

fn open(bytes: &[u8]) -> Result<Archive<'_>, String> {
    ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        format!("corrupt or truncated document (its zip container cannot be read: {e}); open it and save it again")
    })
}

/// The unpacked size of every entry of an archive, as its directory states
/// it (saturating; an entry that unpacks to more is caught when read).
pub fn unpacked_size<R: Read + Seek>(zip: &mut ZipArchive<R>) -> u64 {
    if let Some(total) = zip.decompressed_size() {
        return u64::try_from(total).unwrap_or(u64::MAX);
    }
    (0..zip.len())
        .filter_map(|i| zip.by_index_raw(i).ok().map(|f| f.size()))
        .fold(0u64, u64::saturating_add)
}

/// The unpacked size of the zip file at `path`, if it is one (only its
/// directory is read): what the memory guard counts for a .docx or .odt.
pub fn unpacked_size_of_file(path: &std::path::Path) -> Option<u64> {
    let f = std::fs::File::open(path).ok()?;
    let mut zip = ZipArchive::new(std::io::BufReader::new(f)).ok()?;
    Some(unpacked_size(&mut zip))
}

/// What kind of zip this is: Word, OpenDocument text, or something frame
/// does not read (a spreadsheet, a presentation, a plain archive).
pub fn kind(bytes: &[u8]) -> Detected {
    let zip = match open(bytes) {
        Ok(z) => z,
        Err(e) => return Detected::Unsupported(e),
    };
    let mut zip = zip;
    let has = |zip: &Archive<'_>, name: &str| zip.index_for_name(name).is_some();
    if has(&zip, "word/document.xml") {
        return Detected::Reader(InputFormat::Docx);
    }
    if has(&zip, "xl/workbook.xml") {
        return Detected::Unsupported(
            "an Excel spreadsheet (.xlsx): export the sheet as CSV and give frame the .csv file directly".into(),
        );
    }
    if has(&zip, "ppt/presentation.xml") {
        return Detected::Unsupported("a PowerPoint presentation, not an article".into());
    }
    let mimetype = read_part(&mut zip, "mimetype").unwrap_or_default();
    match mimetype.trim() {
        m if m.starts_with("application/vnd.oasis.opendocument.text") => {
            Detected::Reader(InputFormat::Odt)
        }
        m if m.contains("opendocument.spreadsheet") => Detected::Unsupported(
            "an OpenDocument spreadsheet (.ods): export the sheet as CSV and give frame the .csv file directly".into(),
        ),
        _ if has(&zip, "content.xml") => Detected::Reader(InputFormat::Odt),
        _ => Detected::Unsupported(
            "a zip archive, not a Word or OpenDocument file: unpack it and give frame the folder".into(),
        ),
    }
}

fn read_part(zip: &mut Archive<'_>, name: &str) -> Result<String, String> {
    String::from_utf8(read_part_bytes(zip, name)?)
        .map_err(|_| format!("corrupt document ({name} is not UTF-8 XML)"))
}

fn read_part_bytes(zip: &mut Archive<'_>, name: &str) -> Result<Vec<u8>, String> {
    let total = unpacked_size(zip);
    if total > MAX_FILE_BYTES {
        let (size, limit) = crate::input::limits::size_and_limit(total, MAX_FILE_BYTES);
        return Err(format!(
            "unpacks to {size}, above frame's limit of {limit} per article file"
        ));
    }
    let f = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => {
            return Err(format!("corrupt document: it has no {name}"))
        }
        Err(zip::result::ZipError::UnsupportedArchive(m)) if m.contains("assword") => {
            return Err("password-protected (encrypted) document: open it, remove the password and save it again".into())
        }
        Err(e) => return Err(format!("corrupt document ({name}: {e})")),
    };
    let mut out = Vec::new();
    // The directory's sizes may lie: the read itself stops at the limit.
    f.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("corrupt or truncated document ({name}: {e})"))?;
    if out.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "{name} unpacks to more than frame's limit of {} MB per article file",
            MAX_FILE_BYTES >> 20
        ));
    }
    Ok(out)
}

/// The bytes of part `name` of the zip file `bytes` (a part that is not
/// XML: an HTML or RTF part embedded in a Word file).
pub fn part_bytes(bytes: &[u8], name: &str) -> Result<Vec<u8>, String> {
    let mut zip = open(bytes)?;
    read_part_bytes(&mut zip, name)
}

/// The XML text of part `name` of the zip file `bytes`.
pub fn part(bytes: &[u8], name: &str) -> Result<String, String> {
    let mut zip = open(bytes)?;
    read_part(&mut zip, name)
}

/// How a document's XML marks paragraphs, text and breaks (local names,
/// without the `w:` or `text:` prefix).
pub struct XmlDialect {
    /// Elements that are paragraphs (each ends with a paragraph break).
    pub paragraphs: &'static [&'static str],
    /// Elements whose text is the document's text; empty: all text inside a paragraph.
    pub text: &'static [&'static str],
    /// Empty elements that stand for a line break.
    pub line_breaks: &'static [&'static str],
    /// Empty elements that stand for a space (tabs, ODT's `text:s`).
    pub spaces: &'static [&'static str],
    /// Empty elements that stand for a hyphen (Word's non-breaking hyphen).
    pub hyphens: &'static [&'static str],
    /// Elements whose content is not text of the document (notes, deleted text).
    pub skip: &'static [&'static str],
    /// Elements that hold a text box: pull quotes (which repeat the
    /// article's words), sidebars, captions. Left out, unless the document
    /// has no text outside them.
    pub boxes: &'static [&'static str],
    /// Elements that hold a table: one of short cells (data) is left out,
    /// unless the document has no other text; one whose cells hold
    /// paragraphs of text (a layout table) is read as text.
    pub tables: &'static [&'static str],
    /// A table's rows, counted in the warning.
    pub rows: &'static [&'static str],
    /// Runs of text that carry their own formatting (Word's `w:r`): a
    /// hiding mark among a run's properties hides the rest of the run.
    pub runs: &'static [&'static str],
}

/// How strongly an element marks its paragraph as the document's title:
/// [`TITLE_STYLE`], [`TOP_HEADING`] or `None`.
pub type TitleMark<'a> = &'a dyn Fn(&BytesStart) -> Option<u8>;

/// Whether an element marks text the reader does not see (Word's
/// `<w:vanish/>` among a run's properties, an ODT span in a style that is
/// not displayed). An element holding text hides all of it; an empty one
/// inside a run hides the rest of the run.
pub type Hidden<'a> = &'a dyn Fn(&BytesStart) -> bool;

/// Each element `element` of `xml` as (its `key` attribute, the title mark
/// `mark` gives it and its children), for reading a document's style
/// sheet: which styles are a title or a top-level heading, by whatever id
/// the document gives them.
pub fn marked_styles(
    xml: &str,
    element: &str,
    key: &str,
    mark: impl Fn(&BytesStart) -> Option<u8>,
) -> std::collections::HashMap<String, u8> {
    let mut out = std::collections::HashMap::new();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<String> = None;
    while let Ok(ev) = reader.read_event() {
        match ev {
            Event::Start(e) | Event::Empty(e) => {
                if e.local_name().as_ref() == element {
                    current = attribute(&e, key).map(|k| k.into_owned());
                }
                if let (Some(id), Some(m)) = (current.as_ref(), mark(&e)) {
                    let best = out.entry(id.clone()).or_insert(m);
                    *best = (*best).min(m);
                }
            }
            Event::End(e) if e.local_name().as_ref() == element => current = None,
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The title mark of a paragraph in a title style (it wins over headings).
pub const TITLE_STYLE: u8 = 1;
/// The title mark of a top-level heading.
pub const TOP_HEADING: u8 = 2;
/// A paragraph of this many words, not a heading, is the body's start (as
/// is one that ends a sentence).
const BODY_WORDS: usize = 20;

/// The value of the attribute `local` (name without prefix) of `e`.
pub fn attribute<'a>(e: &'a BytesStart, local: &str) -> Option<std::borrow::Cow<'a, str>> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| a.value)
}

/// Fewest words of text under a title or top-level heading for it to head
/// an article of its own (an article's sections may be shorter).
const ARTICLE_MIN_WORDS: usize = 150;

/// Paragraphs right under a heading that may be its article's byline and
/// date lines.
const BYLINE_PARAGRAPHS: usize = 2;

/// A paragraph in a title style or a top-level heading, with what stands
/// under it up to the next one.
#[derive(Debug, Default, PartialEq, Clone)]
pub struct Heading {
    /// [`TITLE_STYLE`] or [`TOP_HEADING`].
    pub mark: u8,
    /// The words of the text under it.
    pub words: usize,
    /// The paragraphs under it.
    pub paragraphs: usize,
    /// One of the first paragraphs under it is a printed byline or date
    /// line ("By Jane Smith", "12 March 2024", or both on one line), as an
    /// article has under its headline and a section under a subhead has
    /// not.
    pub dated: bool,
}

/// The text of an office document and its title, when a paragraph is
/// marked as one.
#[derive(Debug, Default, PartialEq)]
pub struct OfficeText {
    /// The paragraphs, separated by blank lines.
    pub text: String,
    /// The first paragraph in a title style, else the first top-level
    /// heading before the body begins.
    pub title: Option<String>,
    /// Each paragraph in a title style or a top-level heading, in order.
    pub headings: Vec<Heading>,
    /// The text was read from text boxes: the document has none outside them.
    pub from_boxes: bool,
    /// Tables of short cells (data) left out of the text, and their rows.
    pub tables_left: (usize, usize),
    /// The text was read from such tables: the document has none outside them.
    pub from_tables: bool,
}

impl OfficeText {
    /// A warning when the document seems to hold several articles, each
    /// under its own title: two or more paragraphs in the Title style that
    /// each head at least [`ARTICLE_MIN_WORDS`] words, or, in a document
    /// without a Title, two or more in Heading 1 that each head as many
    /// words and have their own byline or date line right under them. A
    /// document with a Title has its sections under Heading 1, as the
    /// title rule reads it; subheads in Heading 1 over a paragraph or two
    /// of one article have no byline or date of their own.
    pub fn several_articles(&self) -> Option<String> {
        let has_title = self.headings.iter().any(|h| h.mark == TITLE_STYLE);
        let (mark, style, what) = if has_title {
            (TITLE_STYLE, "Title-style", "each over text of its own")
        } else {
            (
                TOP_HEADING,
                "Heading 1",
                "each over text of its own with its own byline or date line",
            )
        };
        let n = self
            .headings
            .iter()
            .filter(|h| h.mark == mark && h.words >= ARTICLE_MIN_WORDS && (has_title || h.dated))
            .count();
        (n >= 2).then(|| {
            format!(
                "looks like it holds {n} articles ({n} {style} titles, {what}), read as one article: split it, one article per file, or, if they head the sections of one article, ignore this warning"
            )
        })
    }

    /// What a reader returns: the text, the title as metadata, the
    /// warnings (text read from text boxes, tables left out or read) and
    /// the warning of several articles for the caller to give if the file
    /// is read as one.
    pub fn into_extracted(self) -> Extracted {
        let mut warnings = Vec::new();
        if self.from_boxes {
            warnings.push("all its text is in text boxes, which frame otherwise leaves out (pull quotes repeat the article's words): it was read from them".to_string());
        }
        if self.from_tables {
            warnings.push("all its text is in tables of short cells, which frame otherwise leaves out as data: it was read from them, a cell a paragraph".to_string());
        }
        let (tables, rows) = self.tables_left;
        if tables > 0 {
            let (t, r) = (plural(tables, "table"), plural(rows, "row"));
            warnings.push(format!(
                "{t} of short cells ({r}: figures, results, a list) left out of the text: a table is data, not the article's sentences, and its cells would be scored as fragments; to score one, copy its text into the document as paragraphs (a table whose cells hold paragraphs of text is read as text)"
            ));
        }
        Extracted {
            several_articles: self.several_articles(),
            meta: self
                .title
                .map(|t| ("title".into(), t))
                .into_iter()
                .collect(),
            text: self.text,
            warnings,
            ..Extracted::default()
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The paragraphs of an office XML part, separated by blank lines, text
/// boxes left out (read only when there is no text outside them), and
/// tables of short cells left out (read, a cell a paragraph, only when
/// there is no text outside them and no text boxes to read). Hidden text
/// is never read: it is not what the document shows.
pub fn paragraphs(
    xml: &str,
    dialect: &XmlDialect,
    title_mark: TitleMark,
    hidden: Hidden,
) -> Result<OfficeText, String> {
    let read = |boxes, tables| paragraphs_of(xml, dialect, (title_mark, hidden), boxes, tables);
    let got = read(false, false)?;
    if !got.text.trim().is_empty() {
        return Ok(got);
    }
    if !dialect.boxes.is_empty() {
        let boxed = read(true, false)?;
        if !boxed.text.trim().is_empty() {
            return Ok(OfficeText {
                from_boxes: true,
                ..boxed
            });
        }
    }
    if got.tables_left.0 > 0 {
        let tabled = read(false, true)?;
        if !tabled.text.trim().is_empty() {
            return Ok(OfficeText {
                from_tables: true,
                ..tabled
            });
        }
    }
    Ok(got)
}

/// The text read so far, its headings and title.
#[derive(Default)]
struct Collected {
    out: String,
    headings: Vec<Heading>,
    /// The best title so far and its mark.
    title: Option<(u8, String)>,
    /// A heading after the body has begun heads a section, not the document.
    body_started: bool,
}

/// Where a [`Collected`] stood, to go back to (a table left out).
struct Mark {
    out: usize,
    headings: usize,
    last_heading: Option<Heading>,
    title: Option<(u8, String)>,
    body_started: bool,
}

impl Collected {
    fn mark(&self) -> Mark {
        Mark {
            out: self.out.len(),
            headings: self.headings.len(),
            last_heading: self.headings.last().cloned(),
            title: self.title.clone(),
            body_started: self.body_started,
        }
    }

    /// Back to `m`: what was added since is gone. Whether anything was.
    fn back_to(&mut self, m: Mark) -> bool {
        let added = self.out.len() > m.out;
        self.out.truncate(m.out);
        self.headings.truncate(m.headings);
        if let (Some(h), Some(last)) = (m.last_heading, self.headings.last_mut()) {
            *last = h;
        }
        self.title = m.title;
        self.body_started = m.body_started;
        added
    }

    /// Ends the paragraph `para` (with title mark `mark`): its lines, spaces
    /// collapsed, added to the text. Returns the paragraph added, if any.
    fn flush(&mut self, para: &mut String, mark: &mut Option<u8>) -> Option<String> {
        let lines: Vec<String> = para
            .split('\n')
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect();
        *para = String::new();
        let m = mark.take();
        if lines.is_empty() {
            return None;
        }
        if !self.out.is_empty() {
            self.out.push_str("\n\n");
        }
        let joined = lines.join("\n");
        match m {
            Some(m) => self.headings.push(Heading {
                mark: m,
                ..Heading::default()
            }),
            None => {
                if let Some(h) = self.headings.last_mut() {
                    h.words += joined.split_whitespace().count();
                    if h.paragraphs < BYLINE_PARAGRAPHS && is_byline_or_date(&joined) {
                        h.dated = true;
                    }
                    h.paragraphs += 1;
                }
            }
        }
        match m {
            Some(m) if m == TITLE_STYLE || !self.body_started => {
                if self.title.as_ref().is_none_or(|(best, _)| m < *best) {
                    self.title = Some((m, joined.replace('\n', " ")));
                }
            }
            Some(_) => {}
            None => {
                self.body_started |=
                    joined.split_whitespace().count() >= BODY_WORDS || ends_sentence(&joined)
            }
        }
        self.out.push_str(&joined);
        Some(joined)
    }
}

/// A table being read: the text as it was before it, its rows, and whether
/// a cell holds a paragraph of text (a table used for the page's layout,
/// not data).
struct OpenTable {
    before: Mark,
    rows: usize,
    prose: bool,
}

fn paragraphs_of(
    xml: &str,
    dialect: &XmlDialect,
    (title_mark, hidden): (TitleMark, Hidden),
    read_boxes: bool,
    keep_tables: bool,
) -> Result<OfficeText, String> {
    let mut reader = Reader::from_str(xml);
    // Runs nest only in odd files; a hidden run stays hidden to its end.
    let mut run_depth = 0usize;
    let mut run_hidden = false;
    let mut got = Collected {
        out: String::with_capacity(xml.len() / 4),
        ..Collected::default()
    };
    let mut para = String::new();
    let mut in_text = 0usize;
    let mut skipping = 0usize;
    // The current paragraph's title mark.
    let mut mark: Option<u8> = None;
    // Tables nest; the outermost decides what is kept.
    let mut table_depth = 0usize;
    let mut table: Option<OpenTable> = None;
    let mut tables_left = (0usize, 0usize);
    // A paragraph ended; inside a table, whether it is one of text.
    let flush = |got: &mut Collected,
                 para: &mut String,
                 mark: &mut Option<u8>,
                 table: &mut Option<OpenTable>| {
        if let (Some(p), Some(t)) = (got.flush(para, mark), table.as_mut()) {
            t.prose |= p.split_whitespace().count() >= BODY_WORDS && ends_sentence(&p);
        }
    };
    loop {
        let ev = reader.read_event().map_err(|e| {
            format!(
                "corrupt document XML at byte {}: {e}",
                reader.error_position()
            )
        })?;
        match ev {
            Event::Start(e) => {
                let name = e.local_name();
                let name: &str = name.as_ref();
                if dialect.skip.contains(&name)
                    || (!read_boxes && dialect.boxes.contains(&name))
                    || skipping > 0
                    || hidden(&e)
                {
                    skipping += 1;
                } else if dialect.runs.contains(&name) {
                    run_depth += 1;
                } else if dialect.text.contains(&name) {
                    in_text += 1;
                } else if dialect.tables.contains(&name) {
                    if table_depth == 0 {
                        table = Some(OpenTable {
                            before: got.mark(),
                            rows: 0,
                            prose: false,
                        });
                    }
                    table_depth += 1;
                } else if dialect.rows.contains(&name) {
                    if let Some(t) = table.as_mut() {
                        t.rows += 1;
                    }
                } else if let Some(m) = title_mark(&e) {
                    mark = Some(mark.map_or(m, |old| old.min(m)));
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                let name: &str = name.as_ref();
                if skipping > 0 {
                    skipping -= 1;
                } else if dialect.runs.contains(&name) {
                    run_depth = run_depth.saturating_sub(1);
                    run_hidden &= run_depth > 0;
                } else if dialect.text.contains(&name) {
                    in_text = in_text.saturating_sub(1);
                } else if dialect.paragraphs.contains(&name) {
                    flush(&mut got, &mut para, &mut mark, &mut table);
                } else if dialect.tables.contains(&name) && table_depth > 0 {
                    table_depth -= 1;
                    if table_depth == 0 {
                        // A table of short cells is data: left out, and counted.
                        if let Some(t) = table.take().filter(|t| !t.prose && !keep_tables) {
                            if got.back_to(t.before) {
                                tables_left.0 += 1;
                                tables_left.1 += t.rows;
                            }
                        }
                    }
                }
            }
            Event::Empty(e) if skipping == 0 => {
                let name = e.local_name();
                let name: &str = name.as_ref();
                if run_hidden {
                    // A hidden run's tabs and breaks are hidden with it.
                } else if dialect.line_breaks.contains(&name) {
                    para.push('\n');
                } else if dialect.spaces.contains(&name) {
                    para.push(' ');
                } else if dialect.hyphens.contains(&name) {
                    para.push('-');
                } else if dialect.paragraphs.contains(&name) {
                    flush(&mut got, &mut para, &mut mark, &mut table);
                } else if run_depth > 0 && hidden(&e) {
                    run_hidden = true;
                } else if let Some(m) = title_mark(&e) {
                    mark = Some(mark.map_or(m, |old| old.min(m)));
                }
            }
            // Hidden text takes no part in the paragraph, its breaks neither.
            Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) if run_hidden => {}
            Event::Text(t) if skipping == 0 && (in_text > 0 || dialect.text.is_empty()) => {
                // Only break elements make lines; newlines in the XML are spaces.
                para.push_str(&t.xml10_content().replace('\n', " "));
            }
            Event::CData(t) if skipping == 0 && (in_text > 0 || dialect.text.is_empty()) => {
                para.push_str(&t.xml10_content().replace('\n', " "));
            }
            Event::GeneralRef(r) if skipping == 0 && (in_text > 0 || dialect.text.is_empty()) => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    para.push(c);
                } else if let Ok(s) = quick_xml::escape::unescape(&format!("&{};", &*r)) {
                    para.push_str(&s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    flush(&mut got, &mut para, &mut mark, &mut table);
    Ok(OfficeText {
        text: got.out,
        title: got.title.map(|(_, t)| t),
        headings: got.headings,
        from_boxes: false,
        tables_left,
        from_tables: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::formats::fixtures::zip_of;
    use std::io::Write;

    #[test]
    fn kinds_of_zip() {
        let docx = zip_of(&[("word/document.xml", "<w:document/>")]);
        assert_eq!(kind(&docx), Detected::Reader(InputFormat::Docx));
        let odt = zip_of(&[
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", "<x/>"),
        ]);
        assert_eq!(kind(&odt), Detected::Reader(InputFormat::Odt));
        let xlsx = zip_of(&[("xl/workbook.xml", "<x/>")]);
        assert!(matches!(kind(&xlsx), Detected::Unsupported(r) if r.contains("CSV")));
        let plain = zip_of(&[("a.txt", "hello")]);
        assert!(matches!(kind(&plain), Detected::Unsupported(r) if r.contains("unpack")));
        // Truncated: the zip's directory is at its end.
        let cut = &docx[..docx.len() / 2];
        assert!(matches!(kind(cut), Detected::Unsupported(r) if r.contains("corrupt")));
    }

    #[test]
    fn unpacked_size_is_what_counts() {
        // 300 MB of zeros compresses to a few hundred kB; it must be refused unread.
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        w.start_file("word/document.xml", opts).unwrap();
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..300 {
            w.write_all(&zeros).unwrap();
        }
        let bomb = w.finish().unwrap().into_inner();
        assert!((bomb.len() as u64) < MAX_FILE_BYTES / 100);
        let err = part(&bomb, "word/document.xml").unwrap_err();
        assert!(err.contains("unpacks to 300 MB"), "{err}");
    }

    #[test]
    fn broken_xml_is_an_error_not_a_panic() {
        let d = XmlDialect {
            paragraphs: &["p"],
            text: &[],
            line_breaks: &[],
            spaces: &[],
            hyphens: &[],
            skip: &[],
            boxes: &[],
            tables: &[],
            rows: &[],
            runs: &[],
        };
        let none = |_: &BytesStart| false;
        assert_eq!(
            paragraphs("<p>a &amp; b</p><p>c&#233;</p>", &d, &|_| None, &none)
                .unwrap()
                .text,
            "a & b\n\ncé"
        );
        assert!(paragraphs("<p>a</q>", &d, &|_| None, &none).is_err());
    }
}
