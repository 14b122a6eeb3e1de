//! Where the article reader's pages and anchors are: the one place that
//! names them, for the reader itself and for every link to it (report,
//! appendix, Markdown, the file list).

use crate::model::READER_MAX;

/// Articles per reader page.
pub const PAGE_SIZE: usize = 100;

/// File name of reader page `p` (0-based).
pub fn page_name(p: usize) -> String {
    if p == 0 {
        "reader.html".into()
    } else {
        format!("reader-{}.html", p + 1)
    }
}

/// The reader page of the articles beyond the first [`READER_MAX`] that
/// the report names.
pub const NAMED_PAGE: &str = "reader-named.html";

/// Link to article `i` (0-based) in the reader.
pub fn href(i: usize) -> String {
    if i < READER_MAX {
        format!("{}#a{}", page_name(i / PAGE_SIZE), i + 1)
    } else {
        format!("{NAMED_PAGE}#a{}", i + 1)
    }
}

/// The reader's file names for a corpus of `n` articles, with the page of
/// the named articles beyond the first pages when there are any.
pub fn reader_pages(n: usize, named: bool) -> Vec<String> {
    let shown = n.min(READER_MAX);
    let mut pages: Vec<String> = (0..shown.div_ceil(PAGE_SIZE)).map(page_name).collect();
    if named {
        pages.push(NAMED_PAGE.into());
    }
    pages
}
