//! One reader per input format, each turning a file into article text and
//! metadata pairs (`title`, `date`, `outlet` ... as the file gives them):
//! [`detect`] picks the reader from the file's first bytes and extension,
//! [`read`] runs it. Tables, which hold many articles, have their own
//! entry point (`table`); news-database exports are split into articles
//! afterwards (`input::exports`).

pub mod alt_chunks;
pub mod bylines;
pub mod detect;
pub mod docx;
pub mod extracted;
pub mod front_matter;
pub mod guard;
pub mod html;
pub mod json_ld;
pub mod markdown;
pub mod odt;
pub mod office_zip;
pub mod page_extras;
pub mod page_furniture;
pub mod page_headline;
pub mod page_times;
pub mod pdf;
pub mod pdf_columns;
pub mod rtf;
pub mod table;
pub mod teaser_lists;
pub mod title_suffix;
pub mod web_page;

// The test documents the readers' tests build: one file shared with the
// integration tests (a `#[cfg(test)]` item cannot reach them), so the two
// cannot drift apart.
#[cfg(test)]
#[path = "../../../tests/common/fixtures.rs"]
pub(crate) mod fixtures;

pub use detect::{detect, Detected, ARTICLE_EXTENSIONS};
pub use extracted::Extracted;

use crate::input::decode;
use crate::model::options::InputFormat;

/// Reads a file's bytes with the reader for `format`. Text formats are
/// decoded first (a Windows-1252 fallback is a warning). `Err` is the reason
/// the file cannot be used.
pub fn read(format: InputFormat, bytes: &[u8]) -> Result<Extracted, String> {
    // A file of 0 bytes is empty whatever its name says (an interrupted
    // download), not a damaged Word file or PDF.
    if bytes.is_empty() {
        return Err("empty file (0 bytes): download or save it again".into());
    }
    match format {
        InputFormat::Docx => docx::read(bytes),
        InputFormat::Odt => odt::read(bytes),
        InputFormat::Pdf => pdf::read(bytes),
        InputFormat::Rtf => rtf::read(bytes),
        InputFormat::Text | InputFormat::Markdown | InputFormat::Html => {
            let (text, enc) = match decode::decode(bytes) {
                Ok(t) => t,
                Err(decode::DecodeProblem::Empty) => return Err("empty file".into()),
                Err(decode::DecodeProblem::Binary) => {
                    return Err("binary file (not text, and not a format frame reads: .txt, .md, .html, .docx, .odt, .rtf, .pdf)".into())
                }
            };
            // A page that is not UTF-8 says what it is (a Russian page in
            // windows-1251 read as Windows-1252 would be all mojibake).
            let declared = (format == InputFormat::Html && enc == decode::Encoding::Windows1252)
                .then(|| html::declared_charset(bytes))
                .flatten()
                .filter(|e| *e != encoding_rs::UTF_8);
            let (text, enc) = match declared {
                Some(e) => (e.decode_without_bom_handling(bytes).0.into_owned(), enc),
                None => (text, enc),
            };
            let mut out = from_text(format, text);
            // Read as the page declares, the text needs no warning.
            if let Some(w) = decode::warning(enc, bytes).filter(|_| declared.is_none()) {
                out.warnings.insert(0, w);
            }
            Ok(out)
        }
    }
}

/// The article text and metadata of decoded text in a text format.
pub fn from_text(format: InputFormat, text: String) -> Extracted {
    let (text, meta, warnings) = match format {
        // A database's HTML export holds many articles: its whole text is
        // split later; a saved page is one article inside page furniture.
        InputFormat::Html => {
            let plain = html::html_to_text(&text);
            if crate::input::exports::split(&plain).is_none() {
                return web_page::read(&text);
            }
            (plain, Vec::new(), Vec::new())
        }
        InputFormat::Markdown => markdown::read(&text),
        // Plain text may carry the same front matter as Markdown.
        _ if text.trim_start_matches('\u{feff}').starts_with("---") => {
            let f = front_matter::read(&text);
            (f.body, f.meta, f.warnings)
        }
        _ => (text, Vec::new(), Vec::new()),
    };
    // A front-matter title is the article's headline: its words count in
    // the article's scores, as a table's title column and an export's
    // headline do (the last `title:` given is the one used).
    let text = match meta.iter().rev().find(|(k, _)| k == "title") {
        Some((_, title)) => crate::input::headline::with_title(title, &text),
        None => text,
    };
    Extracted {
        text,
        meta,
        warnings,
        wrapped: false,
        several_articles: None,
        removed: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_in_its_declared_charset_is_read_so() {
        let mut page =
            b"<html><head><meta charset=\"windows-1251\"><title>T</title></head><body><p>".to_vec();
        page.extend(
            encoding_rs::WINDOWS_1251
                .encode("Наводнение в Сибири")
                .0
                .iter(),
        );
        page.extend(b"</p></body></html>");
        let e = read(InputFormat::Html, &page).unwrap();
        assert!(e.text.contains("Наводнение в Сибири"), "{:?}", e.text);
        assert!(e.warnings.is_empty(), "{:?}", e.warnings);
    }

    #[test]
    fn an_html_export_is_kept_whole_for_the_splitter() {
        let article = |n: usize, outlet: &str| {
            format!(
                "<div class=\"article\"><table><tr><td>HD</td><td>Harbour wall holds in storm {n}</td></tr>\
                 <tr><td>BY</td><td>Jane Smith</td></tr><tr><td>WC</td><td>20 words</td></tr>\
                 <tr><td>PD</td><td>{n} March 2024</td></tr><tr><td>SN</td><td>{outlet}</td></tr>\
                 <tr><td>SC</td><td>PAPR</td></tr><tr><td>LA</td><td>English</td></tr>\
                 <tr><td>LP</td><td><p>The harbour wall held through the night, officials said.</p></td></tr>\
                 <tr><td>TD</td><td><p>Engineers will inspect it again on Friday.</p></td></tr>\
                 <tr><td>AN</td><td>Document PAPR00000202403{n:02}e0350000b</td></tr></table></div>"
            )
        };
        let html = format!(
            "<html><head><title>Factiva</title></head><body>{}{}</body></html>",
            article(5, "The Daily Paper"),
            article(6, "Evening Post")
        );
        let e = from_text(InputFormat::Html, html);
        let split = crate::input::exports::split(&e.text).expect("a Factiva export");
        assert_eq!(split.database, "Factiva");
        assert_eq!(split.articles.len(), 2);
        let a = &split.articles[1];
        assert!(a.meta.contains(&("outlet".into(), "Evening Post".into())));
        assert!(a.meta.contains(&("date".into(), "2024-03-06".into())));
        assert_eq!(
            a.text,
            "Harbour wall holds in storm 6\n\nThe harbour wall held through the night, officials said.\n\nEngineers will inspect it again on Friday."
        );
    }

    /// From a review: in a Factiva HTML export without field codes, the
    /// site's menu before the first article ("Home Search Alerts
    /// Newsletters") was read as its headline, and the headline went into
    /// the byline.
    #[test]
    fn an_html_exports_page_navigation_is_no_article_text() {
        let article = |n: usize| {
            format!(
                "<div class=\"article enArticle\"><div id=\"hd\"><span class=\"enHeadline\">\
                 Harbour wall holds in storm {n}</span></div><div class=\"author\">By Jane Smith</div>\
                 <div>20 words</div><div>{n} March 2024</div><div>The Daily Paper</div><div>PAPR</div>\
                 <div>English</div><div>(c) 2024 The Daily Paper. All rights reserved</div>\
                 <p class=\"articleParagraph\">The harbour wall held through the night, officials said.</p>\
                 <p class=\"articleParagraph\">Engineers will inspect it again on Friday.</p>\
                 <div>Document PAPR00000202403{n:02}e0350000b</div></div>"
            )
        };
        let html = format!(
            "<html><head><title>Factiva</title></head><body><div id=\"headerContainer\">\
             <a href=\"#\">Home</a> <a href=\"#\">Search</a> <a href=\"#\">Alerts</a> \
             <a href=\"#\">Newsletters</a></div>{}{}</body></html>",
            article(5),
            article(6)
        );
        let e = from_text(InputFormat::Html, html);
        let split = crate::input::exports::split(&e.text).expect("a Factiva export");
        assert_eq!(split.articles.len(), 2);
        for (a, n) in split.articles.iter().zip([5, 6]) {
            let title = format!("Harbour wall holds in storm {n}");
            assert!(a.meta.contains(&("title".into(), title)), "{:?}", a.meta);
            assert!(
                a.meta.contains(&("byline".into(), "Jane Smith".into())),
                "{:?}",
                a.meta
            );
            assert!(!a.text.contains("Newsletters"), "{}", a.text);
        }
    }
}
