//! The run's one warning about punctuation damaged before frame read it
//! and repaired (`quote_marks.rs`, `lost_spaces.rs`), apart from the repairs
//! so that they stay text steps that `Document` can use (a title from a
//! column is repaired too).

use super::document::{named_with_counts, Document};
use crate::model::numbers::{count, int};

/// The run's one warning about repaired punctuation (quotation marks here,
/// hyphens for lost spaces in `lost_spaces.rs`), if any article had one,
/// naming the first articles.
pub(crate) fn warning(docs: &[Document]) -> Option<String> {
    let repaired: Vec<&Document> = docs.iter().filter(|d| d.repaired_marks > 0).collect();
    if repaired.is_empty() {
        return None;
    }
    let total: usize = repaired.iter().map(|d| d.repaired_marks).sum();
    Some(format!(
        "{} punctuation damaged before frame read it ({} marks in all: a double quote for an apostrophe, as in don\"t, a question mark beside a quotation mark where a space was lost, as in said.\"?The, a double quote and a question mark for a dash, as in talks end \"?envoy, a replacement character after an opening quotation mark, or a hyphen where a space or line break was lost after punctuation, as in said.-The); frame read them as apostrophes, dashes, quotation marks and spaces: {}",
        if repaired.len() == 1 { "1 article holds".to_string() } else { format!("{} hold", count(repaired.len(), "article", "articles")) },
        int(total),
        named_with_counts(&repaired, |d| d.repaired_marks)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_warning_counts_the_marks_and_names_the_articles() {
        let doc = |source: &str, marks: usize| Document {
            source: source.into(),
            repaired_marks: marks,
            ..Document::default()
        };
        assert_eq!(warning(&[doc("a.txt", 0)]), None);
        let w = warning(&[doc("a.txt", 3), doc("b.txt", 0), doc("c.txt", 2)]).unwrap();
        assert!(w.starts_with("2 articles hold punctuation damaged"), "{w}");
        assert!(w.contains("(5 marks in all"), "{w}");
        assert!(
            w.contains("a.txt") && w.contains("c.txt") && !w.contains("b.txt"),
            "{w}"
        );
    }
}
