//! An article as the text pipeline receives it, and a corpus of them with
//! what was skipped.

use super::day_month::DayMonth;
use super::formats::front_matter::read_date_in;
use crate::model::numbers::int;
use crate::model::removed::Removal;
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
    /// The title line as the text prints it, where `title` differs from it
    /// (a paragraph shortened, a byline glued to it taken off): what finds
    /// the headline in the text (`scoring::positions`).
    pub printed_title: Option<String>,
    /// True when the text has no headline line and `title` is the opening
    /// of its first paragraph (the run warns, see `input::titles`).
    pub title_from_text: bool,
    /// The article text with boilerplate removed (paragraphs separated by blank lines).
    pub text: String,
    /// Date, if known and readable (front matter, file name YYYY-MM-DD, date
    /// column, `--metadata`), ISO; set through [`Document::set_date`].
    pub date: Option<String>,
    /// A date the article's source gave that frame cannot read, as given
    /// (`date` is then `None`): the timeline counts it apart from no date.
    pub unread_date: Option<String>,
    /// Group, if known (first-level subfolder, front matter `outlet:`, or group column).
    pub group: Option<String>,
    /// Lines dropped as boilerplate.
    pub boilerplate_lines: usize,
    /// What was dropped: one entry (its rule and text, capped) per piece
    /// counted in `boilerplate_lines`.
    pub removed: Vec<Removal>,
    /// Links to other stories left in the text, their end unknown (see
    /// `inline_teasers.rs`): the run warns about them.
    pub teasers_left: usize,
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

impl Document {
    /// Sets a title given apart from the text (front matter, a table's
    /// title column, `--metadata`): it is the title as given, so the rules
    /// for a title found in the text no longer apply to it; but its
    /// damaged punctuation is repaired (and counted) as the text's is, as
    /// the same program damaged both ('"skinny budget"?Would' in a column).
    pub fn set_title(&mut self, title: &str) {
        let (title, quotes) = super::quote_marks::repair(title);
        let (title, spaces) = super::lost_spaces::repair(&title);
        self.repaired_marks += quotes + spaces;
        self.title = title.into_owned();
        self.printed_title = None;
        self.title_from_text = false;
    }

    /// Sets the date from `value` by the one date reader every source goes
    /// through (ISO, or written out as "5 March 2024"), or, when it cannot be
    /// read, leaves the date empty, keeps `value` as the unread date and
    /// says why, for the caller's warning naming the file and line.
    pub fn set_date(&mut self, value: &str) -> Result<(), String> {
        self.set_date_in(value, None)
    }

    /// [`Document::set_date`], reading a year-last date ("3/5/2024") in the
    /// order of day and month its column settles.
    pub fn set_date_in(&mut self, value: &str, order: Option<DayMonth>) -> Result<(), String> {
        match read_date_in(value, order) {
            Ok(iso) => {
                self.date = Some(iso);
                self.unread_date = None;
                Ok(())
            }
            Err(why) => {
                self.date = None;
                self.unread_date = Some(value.trim().to_string());
                Err(why)
            }
        }
    }
}

/// One warning for the rows of a table or `--metadata` file (`name`) whose
/// date could not be read, each given as "FILE:line N: why": the first
/// named, the rest counted, since a column of dates in one unreadable form
/// would otherwise fill the warnings.
pub(crate) fn bad_dates_warning(name: &str, bad: &[String]) -> Option<String> {
    let first = bad.first()?;
    Some(match bad.len() {
        1 => first.clone(),
        n => format!(
            "{name}: {} rows have a date frame cannot read and are left out of the timeline; the first, {first}",
            int(n)
        ),
    })
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

/// The run's one warning about the articles without a date, when others
/// have one (only then is there a timeline to leave them out of): it names
/// where the first are (a table row by its line), so that a student can find
/// and date them. An unreadable date has its own warning, where it is read.
pub(crate) fn undated_warning(docs: &[Document]) -> Option<String> {
    let has_date = |d: &Document| d.date.as_deref().is_some_and(|x| !x.trim().is_empty());
    if !docs.iter().any(has_date) {
        return None;
    }
    let undated: Vec<&Document> = docs
        .iter()
        .filter(|d| !has_date(d) && d.unread_date.is_none())
        .collect();
    let (what, verb) = match undated.len() {
        0 => return None,
        1 => ("1 article has", "is"),
        _ => ("", "are"),
    };
    let what = if what.is_empty() {
        format!("{} articles have", int(undated.len()))
    } else {
        what.to_string()
    };
    let names: Vec<&str> = undated
        .iter()
        .take(NAMED)
        .map(|d| d.source.as_str())
        .collect();
    let named = match undated.len().saturating_sub(NAMED) {
        0 => names.join(", "),
        more => format!("{} and {} more", names.join(", "), int(more)),
    };
    Some(format!(
        "{what} no date (an empty date cell, or no date in the file or its name) and {verb} left out of Frames over time: {named}; articles.csv gives every article's date"
    ))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// From a real-input review: a CSV row with an empty date cell was left
    /// out of the timeline, whose text said the warnings name it, but no
    /// warning did.
    #[test]
    fn articles_without_a_date_are_named_once_when_others_have_one() {
        let doc = |source: &str, date: Option<&str>| Document {
            source: source.into(),
            date: date.map(str::to_string),
            ..Document::default()
        };
        let dated = doc("d.csv:line 2 (row 1)", Some("2024-03-05"));
        let empty = doc("d.csv:line 520 (row 518)", None);
        let mut unread = doc("d.csv:line 4 (row 3)", None);
        unread.unread_date = Some("05.03.2024".into());
        // No dated article: no timeline, nothing left out of it.
        assert_eq!(undated_warning(std::slice::from_ref(&empty)), None);
        assert_eq!(undated_warning(&[dated.clone(), unread.clone()]), None);
        let one = undated_warning(&[dated.clone(), empty.clone(), unread]).unwrap();
        assert!(one.starts_with("1 article has no date"), "{one}");
        assert!(
            one.contains("left out of Frames over time: d.csv:line 520 (row 518);"),
            "{one}"
        );
        let mut docs = vec![dated];
        docs.extend((0..1006).map(|i| doc(&format!("{i}.txt"), Some(" "))));
        let many = undated_warning(&docs).unwrap();
        assert!(many.starts_with("1,006 articles have no date"), "{many}");
        assert!(
            many.contains(": 0.txt, 1.txt, 2.txt, 3.txt, 4.txt and 1,001 more;"),
            "{many}"
        );
    }

    /// A title from a column has its damaged punctuation repaired and
    /// counted; a clean one is kept as given.
    #[test]
    fn set_title_repairs_damaged_punctuation() {
        let mut d = Document::default();
        d.set_title("Council's \"rainy day\"?Fund Runs Dry,-Mayor Warns");
        assert_eq!(
            d.title,
            "Council's \"rainy day\" Fund Runs Dry, Mayor Warns"
        );
        assert_eq!(d.repaired_marks, 2);
        let mut d = Document::default();
        d.set_title("A well-known \"fund\" runs dry");
        assert_eq!(
            (d.title.as_str(), d.repaired_marks),
            ("A well-known \"fund\" runs dry", 0)
        );
    }

    /// An unreadable date leaves the date empty and is kept apart, so that
    /// the timeline counts it as "could not be read", not as no date.
    #[test]
    fn set_date_reads_or_keeps_the_unread_value() {
        let mut d = Document::default();
        d.set_date(" February 3, 2017 ").unwrap();
        assert_eq!(
            (d.date.as_deref(), d.unread_date.as_deref()),
            (Some("2017-02-03"), None)
        );
        let why = d.set_date("2017-02-30").unwrap_err();
        assert!(why.starts_with("date '2017-02-30' is not a date"), "{why}");
        assert_eq!(
            (d.date, d.unread_date.as_deref()),
            (None, Some("2017-02-30"))
        );
    }
}
