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

/// Link to article `i` (0-based) in the reader.
pub fn href(i: usize) -> String {
    format!("{}#a{}", page_name(i / PAGE_SIZE), i + 1)
}

/// The reader's file names for a corpus of `n` articles.
pub fn reader_pages(n: usize) -> Vec<String> {
    let shown = n.min(READER_MAX);
    (0..shown.div_ceil(PAGE_SIZE)).map(page_name).collect()
}
