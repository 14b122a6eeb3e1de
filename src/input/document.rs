//! An article as the text pipeline receives it, and a corpus of them with
//! what was skipped.

use crate::model::numbers::int;
use crate::model::{InputRecord, Skipped};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

/// One article, cleaned and ready for the text pipeline.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Unique id across the corpus.
    pub id: String,
    /// Path, or `path:row N` for tables.
    pub source: String,
    /// Title (first substantial line, or the title column / front matter).
    pub title: String,
    /// The article text with boilerplate removed (paragraphs separated by blank lines).
    pub text: String,
    /// Date, if known (front matter, file name YYYY-MM-DD, or date column).
    pub date: Option<String>,
    /// Group, if known (first-level subfolder, front matter `outlet:`, or group column).
    pub group: Option<String>,
    /// Lines dropped as boilerplate.
    pub boilerplate_lines: usize,
    /// Replacement characters (U+FFFD) in the text and title: characters
    /// damaged before frame read them (set by `load`, see `damage.rs`).
    pub damaged: usize,
    /// Quotation marks repaired in the text: apostrophes written as double
    /// quotes and question marks for lost spaces (see `quote_marks.rs`).
    pub repaired_marks: usize,
    /// SHA-256 of the cleaned text.
    pub sha256: String,
    /// Other metadata by lower-case key (front matter, table columns, `--metadata` file), for `--group-by`.
    pub meta: BTreeMap<String, String>,
}

/// The articles of a run and what was skipped.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Usable articles, in sorted input order.
    pub documents: Vec<Document>,
    /// Files and rows that could not be used, with the reason.
    pub skipped: Vec<Skipped>,
    /// Every input file read, with its hash.
    pub inputs: Vec<InputRecord>,
    /// Warnings (encoding fallbacks, duplicates ...), each naming its file.
    pub warnings: Vec<String>,
    /// Files inside folders ignored because of their extension.
    pub ignored_files: usize,
    /// Hidden files and folders (names starting with '.') not read, as paths.
    pub hidden: Vec<String>,
}

/// Hex SHA-256 of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in d {
        s.push_str(&format!("{:02x}", b));
    }
    s
}

/// How many articles a warning about many of them names one by one.
const NAMED: usize = 5;

/// The first few of `docs` with their count of a problem (`n`), for a
/// warning that sums it over many articles: "a.txt (8), b.txt (2) and
/// 1,062 more".
pub(crate) fn named_with_counts(docs: &[&Document], n: impl Fn(&Document) -> usize) -> String {
    let names: Vec<String> = docs
        .iter()
        .take(NAMED)
        .map(|d| format!("{} ({})", d.source, int(n(d))))
        .collect();
    match docs.len().saturating_sub(NAMED) {
        0 => names.join(", "),
        more => format!("{} and {} more", names.join(", "), int(more)),
    }
}

/// A path as shown in messages and outputs (forward slashes; a name's
/// bytes that are not UTF-8 as `\xNN`).
pub(crate) fn display(path: &Path) -> String {
    let text = crate::platform::os_text(path.as_os_str());
    // Only Windows separates folders with a backslash; elsewhere it is part
    // of a name (and of the escapes above).
    if cfg!(windows) {
        text.replace('\\', "/")
    } else {
        text
    }
}
