//! PDF: the text layer, as the PDF's fonts encode it. A scanned PDF (page
//! images only) has none and is skipped with a hint to run OCR.

use super::extracted::Extracted;
use super::guard;
use super::page_furniture::without_furniture;
use super::pdf_columns::Recorder;
use crate::input::exports;
use crate::model::removed::{Removal, RemovalRule};

/// The text of a PDF file; pages and paragraphs separated by blank lines.
pub fn read(bytes: &[u8]) -> Result<Extracted, String> {
    let pages = match guard::catch(|| extract(bytes)) {
        Ok(Ok(Ok(p))) => p,
        Ok(Ok(Err(why))) => return Err(why),
        Ok(Err(e)) => {
            let msg = e.to_string();
            return Err(if msg.to_lowercase().contains("encrypt") || msg.contains("password") {
                "password-protected (encrypted) PDF: open it, save a copy without the password (or print it to PDF) and try again".into()
            } else {
                format!("corrupt or unreadable PDF ({msg}); open it and save (or print) it as a new PDF")
            });
        }
        Err(panic) => {
            return Err(format!(
                "unreadable PDF (the PDF reader failed: {panic}); open it and save (or print) it as a new PDF, or copy its text into a .txt file"
            ))
        }
    };
    let whole = tidy(&pages.concat());
    if whole.split_whitespace().count() < 5 {
        return Err("no text layer (a scanned PDF, images of pages): it needs OCR first, e.g. in Adobe Acrobat (Scan & OCR) or with ocrmypdf; then give frame the new PDF".into());
    }
    let (text, furniture) = text_of(&pages, whole);
    Ok(Extracted {
        text,
        removed: furniture
            .iter()
            .map(|l| Removal::new(RemovalRule::PageFurniture, l))
            .collect(),
        wrapped: true,
        ..Default::default()
    })
}

/// The text frame reads: for one article the pages without any furniture
/// (running headers, footers, page numbers). For a news-database export
/// the export's record marks stay (they may end every page, as a running
/// footer does) and the rest of the furniture goes, so that page numbers
/// and running headers are not inside its articles; when that changes what
/// the splitter reads from the articles' headers (each page opening with
/// an article whose outlet repeats like a running header), the pages are
/// read whole. `whole` is the pages as they are, tidied. Also returns the
/// furniture lines taken out.
fn text_of(pages: &[String], whole: String) -> (String, Vec<String>) {
    let headers = |text: &str| {
        exports::split(text).map(|s| {
            let meta: Vec<_> = s.articles.into_iter().map(|a| a.meta).collect();
            (s.database, meta)
        })
    };
    match headers(&whole) {
        Some(h) if !h.1.is_empty() => {
            let (cleaned, furniture) = without_furniture(pages, &exports::record_line);
            let cleaned = tidy(&cleaned);
            if headers(&cleaned).as_ref() == Some(&h) {
                (cleaned, furniture)
            } else {
                (whole, Vec::new())
            }
        }
        _ => {
            let (text, furniture) = without_furniture(pages, &|_| false);
            (tidy(&text), furniture)
        }
    }
}

/// The text of each page, as `pdf_extract::extract_text_from_mem` reads
/// the whole file (a page set in columns drawn across each other read
/// column by column, `pdf_columns`), with the page tree
/// checked between loading and reading: the extractor looks a page's
/// MediaBox and Resources up its /Parent chain without a stop, so a chain
/// that loops (fuzzing found a page that is its own parent) would never
/// return. `Ok(Err)` is the reason such a file cannot be used.
fn extract(bytes: &[u8]) -> Result<Result<Vec<String>, String>, pdf_extract::OutputError> {
    let mut doc = pdf_extract::Document::load_mem(bytes)?;
    if doc.is_encrypted() {
        doc.decrypt("")?;
    }
    if parent_loops(&doc) {
        return Ok(Err("corrupt PDF (its page tree loops: a page is its own ancestor); open it and save (or print) it as a new PDF".into()));
    }
    let mut pages = Vec::new();
    for number in doc.get_pages().into_keys() {
        let mut text = String::new();
        let mut device = Recorder::new(&mut text);
        pdf_extract::output_doc_page(&doc, &mut device, number)?;
        let page = device.finish();
        pages.push(page.text(text));
    }
    Ok(Ok(pages))
}

/// True when some page's /Parent chain comes back to a node it passed.
/// Nodes already known to end are not walked again, so this is linear in
/// the size of the page tree.
fn parent_loops(doc: &pdf_extract::Document) -> bool {
    let mut ends = std::collections::HashSet::new();
    for (_, page) in doc.get_pages() {
        let mut path = std::collections::HashSet::new();
        let mut node = page;
        while !ends.contains(&node) {
            if !path.insert(node) {
                return true;
            }
            let parent = doc
                .get_dictionary(node)
                .and_then(|d| d.get(b"Parent"))
                .and_then(|p| p.as_reference());
            match parent {
                Ok(p) => node = p,
                Err(_) => break,
            }
        }
        ends.extend(path);
    }
    false
}

/// Lines trimmed, runs of blank lines (page and paragraph gaps) made one,
/// form feeds dropped. Lines are kept: an export's header has one field per
/// line; [`Extracted::unwrapped`] joins them for an ordinary article.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = false;
    for line in s.lines() {
        let line = line.replace('\u{c}', " ");
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(&line);
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Document, Object, Stream};

    /// A PDF with one page per entry, each line of the entry a line of text
    /// in Helvetica (a standard font, so no font file is embedded).
    pub(crate) fn pdf_of(pages: &[&[&str]]) -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let font_id = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => "Helvetica",
            "Encoding" => "WinAnsiEncoding",
        });
        let resources_id = doc.add_object(dictionary! {
            "Font" => dictionary! { "F1" => font_id },
        });
        let mut kids = Vec::new();
        for lines in pages {
            let mut ops = vec![
                Operation::new("BT", vec![]),
                Operation::new("Tf", vec!["F1".into(), 11.into()]),
                Operation::new("TL", vec![14.into()]),
                Operation::new("Td", vec![50.into(), 780.into()]),
            ];
            for l in *lines {
                ops.push(Operation::new("Tj", vec![Object::string_literal(*l)]));
                ops.push(Operation::new("T*", vec![]));
            }
            ops.push(Operation::new("ET", vec![]));
            let content = Content { operations: ops };
            let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
            let page_id = doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "Contents" => content_id,
            });
            kids.push(page_id.into());
        }
        let count = kids.len() as i64;
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => kids,
                "Count" => count,
                "Resources" => resources_id,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            }),
        );
        let catalog_id = doc.add_object(dictionary! {
            "Type" => "Catalog",
            "Pages" => pages_id,
        });
        doc.trailer.set("Root", catalog_id);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    #[test]
    fn text_layer_is_read() {
        let pdf = pdf_of(&[
            &[
                "Flood warning for the valley",
                "Residents were told to leave.",
            ],
            &["Second page text here now."],
        ]);
        let t = read(&pdf).unwrap().text;
        assert!(t.contains("Flood warning for the valley"), "{t:?}");
        assert!(t.contains("Residents were told to leave."), "{t:?}");
        assert!(t.contains("Second page text here now."), "{t:?}");
    }

    /// A running header is gone from the article, whose title is then its
    /// headline.
    #[test]
    fn running_headers_are_not_the_title() {
        let pdf = pdf_of(&[
            &[
                "The Daily Post, 5 March 2024",
                "Storm hits coast",
                "The storm came in the night.",
                "Page 1 of 2",
            ],
            &[
                "The Daily Post, 5 March 2024",
                "Three people were hurt.",
                "Page 2 of 2",
            ],
        ]);
        let e = read(&pdf).unwrap();
        // What went is listed for removed.csv, page by page.
        let removed: Vec<(&str, &str)> = e
            .removed
            .iter()
            .map(|r| (r.rule.name(), r.text.as_str()))
            .collect();
        assert_eq!(
            removed,
            [
                ("page furniture", "The Daily Post, 5 March 2024"),
                ("page furniture", "Page 1 of 2"),
                ("page furniture", "The Daily Post, 5 March 2024"),
                ("page furniture", "Page 2 of 2"),
            ]
        );
        let article = e.unwrapped().text;
        assert!(
            !article.contains("Daily Post") && !article.contains("Page"),
            "{article:?}"
        );
        assert_eq!(article.lines().next(), Some("Storm hits coast"));
    }

    /// From a real-input review: a Nexis Uni export saved as PDF carries
    /// its running header and page numbers on every page (once glued to
    /// the header's line); split into articles, they were inside the
    /// articles' text. The record marks ending most pages stay.
    #[test]
    fn an_exports_articles_lose_the_page_furniture() {
        let running = "Flood coverage March 2024";
        let header = |title: &str, date: &str| -> Vec<String> {
            [
                title,
                "The Northern Echo",
                date,
                "Copyright 2024 The Publisher Ltd All Rights Reserved",
                "Section: NEWS; Pg. 7",
                "Length: 40 words",
                "Byline: Jane Smith",
                "Body",
            ]
            .map(String::from)
            .to_vec()
        };
        let end = [
            "Classification",
            "Load-Date: March 6, 2024",
            "End of Document",
        ];
        let mut pages: Vec<Vec<String>> = Vec::new();
        let mut cover = vec![running.to_string(), "Page 1 of 4".into()];
        cover.extend(
            [
                "User Name: =Student Account",
                "Job Number: 219837465",
                "Documents (2)",
                "1. Flood warning issued for valley",
                "2. Council says roads are safe",
            ]
            .map(String::from),
        );
        pages.push(cover);
        let mut p2 = vec![running.to_string(), "Page 2 of 4".into()];
        p2.extend(header(
            "Flood warning issued for valley",
            "March 5, 2024 Tuesday",
        ));
        p2.extend(
            [
                "Residents of the valley were told to leave their",
                "homes as the river rose through the night and the",
            ]
            .map(String::from),
        );
        pages.push(p2);
        let mut p3 = vec![format!("{running} Page 3 of 4")];
        p3.extend(
            [
                "rain went on. Engineers said the flood wall would",
                "hold until the morning.",
            ]
            .map(String::from),
        );
        p3.extend(end.map(String::from));
        pages.push(p3);
        let mut p4 = vec![running.to_string(), "- 4 -".into()];
        p4.extend(header(
            "Council says roads are safe",
            "March 6, 2024 Wednesday",
        ));
        p4.push("Roads reopened on Wednesday after the water fell.".into());
        p4.extend(end.map(String::from));
        pages.push(p4);
        let refs: Vec<Vec<&str>> = pages
            .iter()
            .map(|p| p.iter().map(String::as_str).collect())
            .collect();
        let slices: Vec<&[&str]> = refs.iter().map(Vec::as_slice).collect();
        let e = read(&pdf_of(&slices)).unwrap();
        let split = crate::input::exports::split(&e.text).expect("a Nexis Uni export");
        assert_eq!(split.articles.len(), 2, "{:?}", e.text);
        let texts: Vec<String> = split
            .articles
            .iter()
            .map(|a| a.text.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        assert_eq!(
            texts[0],
            "Flood warning issued for valley Residents of the valley were told to leave their \
             homes as the river rose through the night and the rain went on. Engineers said \
             the flood wall would hold until the morning."
        );
        assert_eq!(
            texts[1],
            "Council says roads are safe Roads reopened on Wednesday after the water fell."
        );
        let title = |i: usize| {
            split.articles[i]
                .meta
                .iter()
                .find(|(k, _)| k == "title")
                .map(|(_, v)| v.clone())
        };
        assert_eq!(title(1).as_deref(), Some("Council says roads are safe"));
    }

    /// An export that starts each article on a new page, with no page
    /// numbers: the outlet line repeats at the top of every page like a
    /// running header, and is the header's field all the same.
    #[test]
    fn an_outlet_on_top_of_every_page_stays_in_the_header() {
        let page = |title: &'static str, body: &'static str| -> Vec<&'static str> {
            vec![
                title,
                "The Northern Echo",
                "March 5, 2024 Tuesday",
                "Length: 6 words",
                "Body",
                body,
                "Load-Date: March 6, 2024",
                "End of Document",
            ]
        };
        let pages = [
            page("Storm hits the coast", "The storm came in the night."),
            page("Storm ends at dawn", "The wind fell in the morning."),
            page("Roads open again", "Crews cleared the roads by noon."),
        ];
        let slices: Vec<&[&str]> = pages.iter().map(Vec::as_slice).collect();
        let e = read(&pdf_of(&slices)).unwrap();
        let split = crate::input::exports::split(&e.text).expect("a Nexis Uni export");
        assert_eq!(split.articles.len(), 3);
        for (a, title) in split.articles.iter().zip([
            "Storm hits the coast",
            "Storm ends at dawn",
            "Roads open again",
        ]) {
            assert!(
                a.meta.contains(&("title".into(), title.into())),
                "{:?}",
                a.meta
            );
            assert!(
                a.meta
                    .contains(&("outlet".into(), "The Northern Echo".into())),
                "{:?}",
                a.meta
            );
        }
    }

    /// From a tester's review: a Nexis Uni PDF sets the copyright line
    /// apart from the date line (a gap, a smaller font), so that outlet and
    /// date read as one paragraph. The outlet became the headline, the
    /// cover page's list of results or the page number the headline, and
    /// the page numbers stayed in the text.
    #[test]
    fn a_gap_after_the_date_line_keeps_the_header() {
        let article = |n: usize, title: &'static str, outlet: &'static str| -> Vec<String> {
            let mut p: Vec<String> = vec![format!("Page {n} of 3"), String::new(), title.into()];
            p.extend(
                [
                    "",
                    outlet,
                    "February 11, 2017 Saturday",
                    "",
                    "Copyright 2017 Newspaper Ltd All Rights Reserved",
                    "",
                    "Section: WORLD; Pg. 4",
                    "Length: 12 words",
                    "Byline: By Jane Smith",
                    "",
                    "Body",
                    "",
                    "The storm came in the night and the river rose over",
                    "the wall by the old bridge.",
                    "",
                    "Classification",
                    "",
                    "Load-Date: February 12, 2017",
                    "",
                    "End of Document",
                ]
                .map(String::from),
            );
            p
        };
        let pages = [
            [
                "Page 1 of 3",
                "",
                "User Name: = Student, A.",
                "Documents (2)",
                "",
                "1. Storm hits the coast",
                "Client/Matter: -None-",
                "2. Roads open again",
                "Client/Matter: -None-",
            ]
            .map(String::from)
            .to_vec(),
            article(2, "Storm hits the coast", "The Guardian (London)"),
            article(3, "Roads open again", "The Irish Times"),
        ];
        let refs: Vec<Vec<&str>> = pages
            .iter()
            .map(|p| p.iter().map(String::as_str).collect())
            .collect();
        let slices: Vec<&[&str]> = refs.iter().map(Vec::as_slice).collect();
        let e = read(&pdf_of(&slices)).unwrap();
        // The layout this test is about: outlet and date one paragraph.
        assert!(
            e.text
                .contains("\n\nThe Irish Times\nFebruary 11, 2017 Saturday\n\n"),
            "{:?}",
            e.text
        );
        let split = crate::input::exports::split(&e.text).expect("a Nexis Uni export");
        assert_eq!(split.articles.len(), 2, "{:?}", e.text);
        for (a, (title, outlet)) in split.articles.iter().zip([
            ("Storm hits the coast", "The Guardian (London)"),
            ("Roads open again", "The Irish Times"),
        ]) {
            let meta = |k: &str| a.meta.iter().find(|(m, _)| m == k).map(|(_, v)| v.as_str());
            assert_eq!(meta("title"), Some(title), "{:?}", a.meta);
            assert_eq!(meta("outlet"), Some(outlet), "{:?}", a.meta);
            assert_eq!(meta("date"), Some("2017-02-11"), "{:?}", a.meta);
            assert_eq!(meta("byline"), Some("Jane Smith"), "{:?}", a.meta);
            let text = a.text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(
                text,
                format!(
                    "{title} The storm came in the night and the river rose over the wall by \
                     the old bridge."
                )
            );
        }
    }

    #[test]
    fn layout_lines_are_joined_into_paragraphs() {
        let e = Extracted {
            text: tidy("Title\n\nOne line\nwrapped here.\n\n\n\u{c}Next\n"),
            wrapped: true,
            ..Default::default()
        };
        assert_eq!(e.text, "Title\n\nOne line\nwrapped here.\n\nNext");
        assert_eq!(
            e.unwrapped().text,
            "Title\n\nOne line wrapped here.\n\nNext"
        );
    }

    #[test]
    fn a_page_tree_that_loops_is_an_error_not_a_hang() {
        // The fuzzer's input: a page whose /Parent is itself, its MediaBox
        // only on the page tree above it.
        let good = pdf_of(&[&["Flood warning for the valley towns today"]]);
        let mut doc = Document::load_mem(&good).unwrap();
        let (_, page) = doc.get_pages().into_iter().next().unwrap();
        let dict = doc.get_object_mut(page).unwrap().as_dict_mut().unwrap();
        assert!(dict.get(b"MediaBox").is_err());
        dict.set("Parent", page);
        let mut looped = Vec::new();
        doc.save_to(&mut looped).unwrap();
        let err = read(&looped).unwrap_err();
        assert!(err.contains("page tree loops"), "{err}");
        assert!(read(&good).is_ok());
    }

    #[test]
    fn scanned_and_broken_pdfs_are_errors() {
        let empty = pdf_of(&[&[]]);
        assert!(read(&empty).unwrap_err().contains("OCR"));
        let good = pdf_of(&[&["Some words on the page for the test"]]);
        for cut in [20, good.len() / 2] {
            let e = read(&good[..cut]);
            assert!(e.is_err() || e.unwrap().text.contains("Some words"));
        }
        assert!(read(b"%PDF-1.4\n garbage garbage").is_err());
    }
}
