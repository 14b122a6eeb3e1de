//! Reading one article file: size check, hash, the reader for its format
//! (detected from its first bytes and extension, or forced by `--format`),
//! the split of a news-database export into its articles, boilerplate
//! removal, title, date and metadata.

use super::boilerplate;
use super::document::{display, sha256_hex, Document};
use super::exports;
use super::formats::front_matter::read_date;
use super::formats::{self, Detected, Extracted};
use super::limits::MAX_FILE_BYTES;
use super::line_joins;
use super::lost_spaces;
use super::quote_marks;
use super::repeated_title;
use super::text_steps;
use super::titles;
use super::under_headline;
use super::walk::{extension, Candidate};
use crate::model::options::InputFormat;
use crate::model::removed::{Removal, RemovalRule};
use crate::model::{InputRecord, Skipped};
use std::borrow::Cow;

/// One file read: its articles (one, or each article of an export), what
/// in it could not be used, its input record and its warnings.
pub(crate) struct FileResult {
    /// The articles, or why the file cannot be used at all.
    pub(crate) doc: std::result::Result<Vec<Document>, String>,
    /// Articles of an export that were dropped, with the reason.
    pub(crate) skipped: Vec<Skipped>,
    pub(crate) input: Option<InputRecord>,
    pub(crate) warnings: Vec<String>,
}

impl FileResult {
    fn fail(reason: impl Into<String>, input: Option<InputRecord>, warnings: Vec<String>) -> Self {
        FileResult {
            doc: Err(reason.into()),
            skipped: Vec::new(),
            input,
            warnings,
        }
    }
}

/// The file's text and metadata through the reader its content and
/// extension call for, else `forced` (`--format`), with the reader used.
pub(crate) fn extract(
    path: &std::path::Path,
    bytes: &[u8],
    forced: Option<InputFormat>,
) -> std::result::Result<(InputFormat, Extracted), String> {
    let (format, by_flag) = match formats::detect::detect_or(&extension(path), bytes, forced) {
        (Detected::Reader(f), by_flag) => (f, by_flag),
        (Detected::Unsupported(why), _) => return Err(why),
    };
    match formats::read(format, bytes) {
        Ok(mut e) => {
            // Read by its content against its name: said, first.
            if let Some(w) = (!by_flag)
                .then(|| formats::detect::misnamed(&extension(path), format))
                .flatten()
            {
                e.warnings.insert(0, w);
            }
            Ok((format, e))
        }
        // Said, so that the reason is not taken for what the file is.
        Err(why) if by_flag => Err(format!(
            "read with --format {} (its content and extension do not show its kind): {why}",
            format.name()
        )),
        Err(why) => Err(why),
    }
}

/// [`read_article`], where a panic on one file (a bug of frame that the
/// file's text sets off) skips that file with a reason to report, rather
/// than ending a run of thousands of articles.
pub(crate) fn read_article_guarded(
    c: &Candidate,
    keep_boilerplate: bool,
    forced: Option<InputFormat>,
) -> FileResult {
    formats::guard::catch(|| read_article(c, keep_boilerplate, forced)).unwrap_or_else(|panic| {
        FileResult::fail(
            format!(
                "frame failed on this file, a bug in frame ({panic}); please report it with the file"
            ),
            None,
            Vec::new(),
        )
    })
}

pub(crate) fn read_article(
    c: &Candidate,
    keep_boilerplate: bool,
    forced: Option<InputFormat>,
) -> FileResult {
    let source = display(&c.path);
    let mut warnings = Vec::new();
    let size = std::fs::metadata(&c.path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        let (size, limit) = super::limits::size_and_limit(size, MAX_FILE_BYTES);
        return FileResult::fail(
            format!(
                "file is {size}, above frame's limit of {limit} per article file (split it into articles)"
            ),
            None,
            warnings,
        );
    }
    let bytes = match super::limits::read_file(&c.path) {
        Ok(b) => b,
        Err(e) => {
            return FileResult::fail(
                format!("cannot read: {}", super::limits::io_reason(&e)),
                None,
                warnings,
            )
        }
    };
    let input = Some(InputRecord {
        path: source.clone(),
        sha256: sha256_hex(&bytes),
        bytes: bytes.len() as u64,
    });
    let (format, mut extracted) = match extract(&c.path, &bytes, forced) {
        Ok(e) => e,
        Err(why) => return FileResult::fail(why, input, warnings),
    };
    // Nothing to read: one reason, not the reader's warnings about a text
    // that is not there (a page "read whole" that has nothing to read).
    if extracted.text.trim().is_empty() {
        return FileResult::fail(no_text_reason(format, &bytes, &extracted), input, warnings);
    }
    drop(bytes);
    warnings.extend(extracted.warnings.iter().map(|w| format!("{source}: {w}")));
    let file_name = c
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut skipped = Vec::new();
    // What the reader left out (a PDF's page furniture) is the file's, not
    // one article's: listed under its first article, the only one unless
    // the file is an export.
    let mut furniture = std::mem::take(&mut extracted.removed);
    // Several articles under their own titles, unless split as an export.
    let several = extracted
        .several_articles
        .as_ref()
        .map(|w| format!("{source}: {w}"));
    let parts: Vec<(Option<usize>, Extracted)> = match exports::split(&extracted.text) {
        Some(split) if !split.articles.is_empty() => {
            warnings.extend(split.warnings.iter().map(|w| format!("{source}: {w}")));
            split
                .numbers
                .into_iter()
                .map(Some)
                .zip(split.articles)
                .collect()
        }
        Some(split) => {
            warnings.push(format!(
                "{source}: looks like a {} export but no article could be split off; read as one article",
                split.database
            ));
            warnings.extend(split.warnings.iter().map(|w| format!("{source}: {w}")));
            warnings.extend(several);
            vec![(None, extracted.unwrapped())]
        }
        None => {
            warnings.extend(several);
            vec![(None, extracted.unwrapped())]
        }
    };
    let name_date = date_in(&file_name);
    // Said once for the file, not once for each article of an export.
    if let Some(Err(why)) = name_date.as_deref().map(read_date) {
        warnings.push(format!("{source}: the file name's {why}"));
    }
    let mut docs = Vec::with_capacity(parts.len());
    for (number, part) in parts {
        let mut doc = make_document(&part.text, keep_boilerplate);
        let here = match number {
            Some(n) => format!("{source}#{n}"),
            None => source.clone(),
        };
        if doc.text.trim().is_empty() {
            skipped.push(Skipped {
                source: here,
                reason: if part.text.trim().is_empty() {
                    "the article has no text".into()
                } else {
                    "no article text left after removing boilerplate".into()
                },
            });
            continue;
        }
        if !furniture.is_empty() {
            doc.boilerplate_lines += furniture.len();
            furniture.append(&mut doc.removed);
            doc.removed = std::mem::take(&mut furniture);
        }
        doc.source = here;
        // The id's part within the file; `load` puts the file's id before it.
        doc.id = number.map(|n| format!("#{n}")).unwrap_or_default();
        if let Some(d) = &name_date {
            let _ = doc.set_date(d);
        }
        for (k, v) in part.meta {
            match k.as_str() {
                "title" if !v.is_empty() => doc.set_title(&v),
                // The reader has named a date it could not read (front matter
                // with its line); the date is left empty and kept apart.
                "date" if !v.is_empty() => {
                    let _ = doc.set_date(&v);
                }
                "outlet" | "group" | "source" if !v.is_empty() => doc.group = Some(v.clone()),
                _ => {}
            }
            if !v.is_empty() {
                doc.meta.insert(k, v);
            }
        }
        docs.push(doc);
    }
    if docs.is_empty() {
        let reason = match skipped.pop() {
            Some(s) if skipped.is_empty() => s.reason,
            Some(s) => {
                skipped.push(s);
                "none of its articles has text left after removing boilerplate".into()
            }
            None => "no article found".into(),
        };
        return FileResult {
            doc: Err(reason),
            skipped,
            input,
            warnings,
        };
    }
    FileResult {
        doc: Ok(docs),
        skipped,
        input,
        warnings,
    }
}

/// Why a file whose reader found no text at all is skipped: what it holds
/// instead, and for a page built by JavaScript, how to save its text.
fn no_text_reason(format: InputFormat, bytes: &[u8], extracted: &Extracted) -> String {
    match format {
        InputFormat::Html
            if memchr::memmem::find(&bytes.to_ascii_lowercase(), b"<script").is_some() =>
        {
            "the page holds no text: it is built by JavaScript when a browser opens it; open it in a browser, let it load, then save the page again (Save Page As, \"Web Page, complete\") or copy the article's text into a .txt file".into()
        }
        InputFormat::Html => "the page holds no text (nothing visible between its tags)".into(),
        InputFormat::Text | InputFormat::Markdown if !extracted.meta.is_empty() => {
            "holds only front matter (the --- block) and no article text below it".into()
        }
        InputFormat::Docx | InputFormat::Odt | InputFormat::Rtf => {
            "the document holds no text (its body is empty)".into()
        }
        InputFormat::Pdf => "the PDF holds no text".into(),
        InputFormat::Text | InputFormat::Markdown => "the file holds no text".into(),
    }
}

/// Builds a document from decoded text: invisible characters inside words
/// removed, ligatures written out, damaged quotation marks and hyphens for
/// lost spaces repaired, boilerplate removed, line breaks inside sentences
/// joined, title found (and a line repeating it removed), the byline and
/// date lines under it read (and removed), hash taken.
pub fn make_document(text: &str, keep_boilerplate: bool) -> Document {
    let text = text_steps::characters(text);
    let (repaired_text, repaired_quotes) = quote_marks::repair(&text);
    let (repaired_text, repaired_spaces) = match lost_spaces::repair(&repaired_text) {
        (Cow::Owned(t), n) => (Cow::Owned(t), n),
        (Cow::Borrowed(_), _) => (repaired_text, 0),
    };
    let repaired = repaired_quotes + repaired_spaces;
    let text: &str = &repaired_text;
    let (clean, dropped, teasers_left, mut removed) = if keep_boilerplate {
        (text.to_string(), 0, 0, Vec::new())
    } else {
        let c = boilerplate::strip(text);
        (c.text, c.dropped, c.teasers_left, c.removed)
    };
    let clean = match line_joins::join(&clean) {
        Cow::Owned(joined) => joined,
        Cow::Borrowed(_) => clean,
    };
    let found = titles::title_of(&clean);
    // The line as printed finds the headline's repeats and the lines under
    // it; a paragraph used as the title has neither.
    let printed = if found.from_text {
        found.text.as_str()
    } else {
        found.line.as_str()
    };
    let (clean, repeats) = if keep_boilerplate {
        (clean, 0)
    } else {
        match repeated_title::without_repeats(&clean, printed) {
            (Cow::Owned(t), lines) => {
                let n = lines.len();
                removed.extend(
                    lines
                        .into_iter()
                        .map(|l| Removal::new(RemovalRule::RepeatedHeadline, l)),
                );
                (t, n)
            }
            (Cow::Borrowed(_), _) => (clean, 0),
        }
    };
    // The byline and date lines under the headline are metadata, not text
    // (a date from the file name or the file's own metadata, set later,
    // takes the place of this one).
    let under = under_headline::read(&clean, printed, keep_boilerplate);
    let (byline, date) = (under.byline.or(found.byline), under.date);
    let clean = match under.text {
        Cow::Owned(t) => t,
        Cow::Borrowed(_) => clean,
    };
    let mut doc = Document {
        sha256: sha256_hex(clean.as_bytes()),
        text: clean,
        printed_title: (found.text != found.line).then(|| found.line.clone()),
        title_from_text: found.from_text,
        title: found.text,
        boilerplate_lines: dropped + repeats,
        removed,
        teasers_left,
        repaired_marks: repaired,
        ..Default::default()
    };
    if let Some(names) = byline {
        doc.meta.insert("byline".into(), names);
    }
    if let Some(iso) = date {
        let _ = doc.set_date(&iso);
    }
    doc
}

/// A YYYY-MM-DD date inside a file name.
pub(crate) fn date_in(name: &str) -> Option<String> {
    let b = name.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let s = &b[i..i + 10];
        let ok = s.iter().enumerate().all(|(j, c)| {
            if j == 4 || j == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
        let boundary = (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
        (ok && boundary).then(|| name[i..i + 10].to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A teaser inside a paragraph goes, or is counted where its end is
    /// unknown; `--keep-boilerplate` keeps it and counts nothing.
    #[test]
    fn inline_teasers_go_unless_boilerplate_is_kept() {
        let text = "Title of the story here\n\nCrews worked late. READ MORE: Floods drive families from homes The council opened shelters. \
                    It rained. READ MORE: Writer who mapped the valley dies at home Morgan was born in a mining town.\n";
        let d = make_document(text, false);
        assert!(!d.text.contains("Floods drive"), "{}", d.text);
        assert!(d
            .text
            .contains("Crews worked late. The council opened shelters."));
        assert_eq!((d.boilerplate_lines, d.teasers_left), (1, 1));
        let kept = make_document(text, true);
        assert!(kept.text.contains("READ MORE: Floods drive families"));
        assert_eq!((kept.boilerplate_lines, kept.teasers_left), (0, 0));
    }

    /// Every piece `boilerplate_lines` counts is listed with its rule and
    /// text (for removed.csv): a line, a fragment, a teaser, a wire credit
    /// and a repeated headline; `--keep-boilerplate` lists none.
    #[test]
    fn each_removed_piece_is_listed_with_its_rule() {
        let text = "Storm closes the northern coast road

Share this

                    LONDON (Reuters) - Crews worked late. Image copyright Reuters More text came.                     READ MORE: Floods drive families from homes The council opened shelters.

                    Storm closes the northern coast road

It rained all week.
";
        let d = make_document(text, false);
        let got: Vec<(&str, &str)> = d
            .removed
            .iter()
            .map(|r| (r.rule.name(), r.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("line", "Share this"),
                ("fragment", "Image copyright Reuters"),
                ("teaser", "READ MORE: Floods drive families from homes"),
                ("wire credit", "LONDON (Reuters) -"),
                ("repeated headline", "Storm closes the northern coast road"),
            ],
            "{}",
            d.text
        );
        assert_eq!(d.boilerplate_lines, d.removed.len());
        assert!(make_document(text, true).removed.is_empty());
    }

    /// A file without a headline line: its first paragraph is cut at a
    /// word, and the cut shows.
    #[test]
    fn a_long_first_line_is_cut_at_a_word_with_an_ellipsis() {
        let para = "word ".repeat(70) + "controversy it is facing over the weekend.";
        let d = make_document(&format!("{para}\n\nMore text."), false);
        assert!(d.title.ends_with("word…"), "{}", d.title);
        assert_eq!(d.title.split_whitespace().count(), 15);
        assert!(d.title_from_text);
        assert_eq!(d.printed_title.as_deref(), Some(para.as_str()));
        let d = make_document("Short headline\n\nText.", false);
        assert_eq!(
            (d.title.as_str(), d.title_from_text),
            ("Short headline", false)
        );
        assert_eq!(d.printed_title, None);
    }

    fn read(name: &str, bytes: &[u8], forced: Option<InputFormat>) -> FileResult {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let c = Candidate {
            rel: name.into(),
            path,
            input: 0,
        };
        read_article(&c, false, forced)
    }

    /// A file with no text says what it holds (one reason, no warning that
    /// contradicts it), not "no article text left after removing boilerplate".
    #[test]
    fn a_file_without_text_says_so() {
        let why = |name: &str, bytes: &[u8]| {
            let r = read(name, bytes, None);
            assert!(r.warnings.is_empty(), "{name}: {:?}", r.warnings);
            r.doc.err().unwrap()
        };
        let app = b"<!DOCTYPE html><html><head><title>News</title></head><body><div id=\"root\"></div><script src=\"app.js\"></script></body></html>";
        assert!(
            why("app.html", app).starts_with("the page holds no text: it is built by JavaScript")
        );
        assert!(why("app.html", app).contains("save the page again"));
        assert_eq!(
            why("blank.html", b"<html><body><div></div></body></html>"),
            "the page holds no text (nothing visible between its tags)"
        );
        let empty_body = crate::input::formats::fixtures::zip_of(&[(
            "word/document.xml",
            "<w:document xmlns:w=\"w\"><w:body></w:body></w:document>",
        )]);
        assert_eq!(
            why("empty.docx", &empty_body),
            "the document holds no text (its body is empty)"
        );
        assert!(why("only.txt", b"---\ntitle: Only front matter\n---\n")
            .starts_with("holds only front matter"));
        // Text that boilerplate removal empties is still named as such.
        let r = read("share.txt", b"Share this article\n", None);
        assert_eq!(
            r.doc.err().unwrap(),
            "no article text left after removing boilerplate"
        );
    }

    /// A byline and a date line under the headline are the article's
    /// byline and date, in a .txt and a Word file alike, and not its text;
    /// a date in the file name comes first.
    #[test]
    fn byline_and_date_lines_under_the_headline_are_metadata() {
        let title = "DeVos confirmed as education secretary";
        let lead = "Betsy DeVos was confirmed today after Mike Pence cast a tie-breaking vote.";
        let paras = [
            title,
            "By Jane Smith, Political Correspondent",
            "Tuesday 7 February 2017",
            lead,
        ];
        let docx = crate::input::formats::fixtures::docx_of(&paras);
        let txt = paras.join("\n\n");
        for (name, bytes) in [
            ("devos.docx", docx.as_slice()),
            ("devos.txt", txt.as_bytes()),
        ] {
            let r = read(name, bytes, None);
            let doc = &r.doc.unwrap()[0];
            assert_eq!(doc.text.trim_end(), format!("{title}\n\n{lead}"), "{name}");
            assert_eq!(doc.title, title);
            assert_eq!(doc.date.as_deref(), Some("2017-02-07"), "{name}");
            assert_eq!(doc.meta["byline"], "Jane Smith", "{name}");
        }
        let r = read("2017-02-08 devos.txt", txt.as_bytes(), None);
        assert_eq!(r.doc.unwrap()[0].date.as_deref(), Some("2017-02-08"));
        // Front matter's date too; the lines still go.
        let fm = format!("---\ndate: 2017-02-09\n---\n{txt}");
        let doc = &read("fm.txt", fm.as_bytes(), None).doc.unwrap()[0];
        assert_eq!(doc.date.as_deref(), Some("2017-02-09"));
        assert!(!doc.text.contains("Jane Smith"), "{}", doc.text);
    }

    /// A Word file of several articles under their own Heading 1 (each
    /// with its date line) is read as one article, with a warning naming
    /// the file.
    #[test]
    fn several_articles_in_one_word_file_are_a_warning_naming_it() {
        let story = "The river burst its banks and homes were flooded overnight. ".repeat(20);
        let mut xml = String::from("<w:document xmlns:w=\"w\"><w:body>");
        for (t, day) in [
            ("Flood hits the town", 5),
            ("Council opens shelters", 6),
            ("Rain to return", 7),
        ] {
            xml.push_str(&format!(
                "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p><w:p><w:r><w:t>{day} March 2024</w:t></w:r></w:p><w:p><w:r><w:t>{story}</w:t></w:r></w:p>"
            ));
        }
        xml.push_str("</w:body></w:document>");
        let bytes = crate::input::formats::fixtures::zip_of(&[("word/document.xml", xml.as_str())]);
        let r = read("my-articles.docx", &bytes, None);
        assert_eq!(r.doc.unwrap().len(), 1);
        assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
        assert!(
            r.warnings[0].contains("my-articles.docx: looks like it holds 3 articles"),
            "{:?}",
            r.warnings
        );
    }

    /// `--format` is tried only where detection fails, and its failure says
    /// that the flag chose the reader.
    #[test]
    fn a_forced_reader_is_named_when_it_fails() {
        let docx = crate::input::formats::fixtures::docx_of(&["A Word article about the flood"]);
        let r = read("a.docx", &docx, Some(InputFormat::Text));
        assert_eq!(
            r.doc.unwrap()[0].text.trim_end(),
            "A Word article about the flood"
        );
        let r = read(
            "a.dat",
            b"Plain text in an odd file",
            Some(InputFormat::Pdf),
        );
        let why = r.doc.err().unwrap();
        assert!(
            why.starts_with(
                "read with --format pdf (its content and extension do not show its kind): "
            ),
            "{why}"
        );
        let r = read(
            "a.dat",
            b"Plain text in an odd file",
            Some(InputFormat::Text),
        );
        assert_eq!(
            r.doc.unwrap()[0].text.trim_end(),
            "Plain text in an odd file"
        );
    }

    /// A date the calendar does not have is no date: not in a file name
    /// (said once, naming the file), nor in front matter (its line named);
    /// either way the date is left empty and kept as the unread date.
    #[test]
    fn an_impossible_date_is_left_empty_and_named() {
        let r = read(
            "2017-02-30-storm.txt",
            b"Storm hits the town\n\nText.\n",
            None,
        );
        let doc = &r.doc.as_ref().unwrap()[0];
        assert_eq!(
            (doc.date.as_deref(), doc.unread_date.as_deref()),
            (None, Some("2017-02-30"))
        );
        assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
        assert!(
            r.warnings[0].contains("2017-02-30-storm.txt: the file name's date '2017-02-30' is not a date frame can read"),
            "{:?}",
            r.warnings
        );
        let r = read("s.txt", b"---\ndate: 30 February 2017\n---\nText.\n", None);
        let doc = &r.doc.as_ref().unwrap()[0];
        assert_eq!(doc.date, None);
        assert_eq!(doc.unread_date.as_deref(), Some("30 February 2017"));
        assert!(
            r.warnings[0].contains("s.txt: line 2: date '30 February 2017'"),
            "{:?}",
            r.warnings
        );
    }

    /// A front-matter warning names the file and the line.
    #[test]
    fn front_matter_warnings_name_file_and_line() {
        let r = read(
            "d.txt",
            b"---\ntitle: T\ndate: 5 March 2024\noutlet: P\n\nBody text here.\n",
            None,
        );
        let doc = &r.doc.as_ref().unwrap()[0];
        assert_eq!(doc.date.as_deref(), Some("2024-03-05"));
        // The title opens the text, as a table's title column does.
        assert_eq!(doc.text, "T\n\nBody text here.\n");
        assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
        assert!(
            r.warnings[0].contains("d.txt: line 1: the front matter"),
            "{:?}",
            r.warnings
        );
    }
}
