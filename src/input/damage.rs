//! Text damaged before frame read it: U+FFFD, the replacement character,
//! stands where a program on the way (a scraper, a database export, a file
//! saved in the wrong encoding) lost a character ("D\u{FFFD}\u{FFFD}il" for
//! "Dáil", "\u{FFFD}12.9m" for "£12.9m"). frame cannot know what was lost, so
//! it guesses nothing: each article's count is kept ([`Document::damaged`],
//! `articles.csv`'s `damaged_characters`), one warning per run names the
//! articles, and the tokenizer keeps a damaged word from being read as a word
//! (`text::words`).

use super::document::{Corpus, Document};
use rayon::prelude::*;

/// The replacement character as UTF-8 bytes.
const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();

/// Articles the warning names before "and N more".
const NAMED: usize = 5;

/// Replacement characters in `text`.
fn count_in(text: &str) -> usize {
    memchr::memmem::find_iter(text.as_bytes(), REPLACEMENT).count()
}

/// Replacement characters in an article: its text, and its title where the
/// title is not taken from the text (front matter, a title column).
pub(crate) fn count(doc: &Document) -> usize {
    let in_title = if doc.text.contains(doc.title.as_str()) {
        0
    } else {
        count_in(&doc.title)
    };
    count_in(&doc.text) + in_title
}

/// Counts every article's damaged characters into [`Document::damaged`] and
/// returns the run's one warning about them, if any article has one.
pub(crate) fn count_and_warn(corpus: &mut Corpus) -> Option<String> {
    corpus
        .documents
        .par_iter_mut()
        .for_each(|d| d.damaged = count(d));
    let damaged: Vec<&Document> = corpus.documents.iter().filter(|d| d.damaged > 0).collect();
    let what = "the text was damaged before frame read it (e.g. saved in the wrong \
                encoding), so a word holding one counts as a word but is never read: \
                no term, no lexicon match";
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    match damaged.as_slice() {
        [] => None,
        [d] => Some(format!(
            "{}: {} damaged character{} (U+FFFD): {what}",
            d.source,
            d.damaged,
            plural(d.damaged)
        )),
        many => {
            let total: usize = many.iter().map(|d| d.damaged).sum();
            let names: Vec<String> = many
                .iter()
                .take(NAMED)
                .map(|d| format!("{} ({})", d.source, d.damaged))
                .collect();
            let more = if many.len() > NAMED {
                format!(" and {} more", many.len() - NAMED)
            } else {
                String::new()
            };
            Some(format!(
                "{} articles hold damaged characters ({total} U+FFFD in all; articles.csv \
                 gives each article's count): {}{more}; {what}",
                many.len(),
                names.join(", ")
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(source: &str, title: &str, text: &str) -> Document {
        Document {
            source: source.into(),
            title: title.into(),
            text: text.into(),
            ..Default::default()
        }
    }

    #[test]
    fn counts_the_text_and_a_title_of_its_own() {
        let t = "D\u{FFFD}\u{FFFD}il vote\n\nThe T\u{FFFD}naiste said \u{FFFD}12.9m.";
        // The title is the text's first line: counted once.
        assert_eq!(count(&doc("a", "D\u{FFFD}\u{FFFD}il vote", t)), 4);
        // A title of its own (front matter, a column) counts too.
        assert_eq!(count(&doc("a", "Caf\u{FFFD} owner", t)), 5);
        assert_eq!(count(&doc("a", "", "Café, Dáil, £12.9m")), 0);
    }

    #[test]
    fn one_warning_names_the_first_articles() {
        let mut c = Corpus::default();
        assert_eq!(count_and_warn(&mut c), None);
        c.documents.push(doc("clean.txt", "", "Nothing lost here."));
        c.documents
            .push(doc("a.txt", "", "D\u{FFFD}\u{FFFD}il and \u{FFFD}ireann"));
        let w = count_and_warn(&mut c).unwrap();
        assert!(
            w.starts_with("a.txt: 3 damaged characters (U+FFFD): the text was damaged"),
            "{w}"
        );
        assert_eq!(c.documents[0].damaged, 0);
        assert_eq!(c.documents[1].damaged, 3);
        for i in 0..7 {
            c.documents
                .push(doc(&format!("b{i}.txt"), "", &"x\u{FFFD} ".repeat(i + 1)));
        }
        let w = count_and_warn(&mut c).unwrap();
        assert!(
            w.starts_with(
                "8 articles hold damaged characters (31 U+FFFD in all; articles.csv gives \
                 each article's count): a.txt (3), b0.txt (1), b1.txt (2), b2.txt (3), \
                 b3.txt (4) and 3 more; the text was damaged"
            ),
            "{w}"
        );
        assert!(!w.contains("clean.txt") && !w.contains("b4.txt"), "{w}");
    }
}
