//! Text damaged before frame read it: U+FFFD, the replacement character,
//! stands where a program on the way (a scraper, a database export, a file
//! saved in the wrong encoding) lost a character ("D\u{FFFD}\u{FFFD}il" for
//! "Dáil", "\u{FFFD}12.9m" for "£12.9m"). A program that wrote `?` for a
//! character it could not store does the same with a question mark inside a
//! word ("Schr?der", "Bus ?ireann"): see [`lost_letter_at`]. frame cannot
//! know what was lost, so it guesses nothing: each article's count is kept
//! ([`Document::damaged`],
//! `articles.csv`'s `damaged_characters`), one warning per run names the
//! articles, and the tokenizer keeps a damaged word from being read as a word
//! (`text::words`).

use super::document::{named_with_counts, Corpus, Document};
use crate::model::numbers::int;
use rayon::prelude::*;

/// The replacement character as UTF-8 bytes.
const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();

/// Whether the question mark at byte `i` of `text` stands for a lost
/// character: a run of question marks with a lower-case letter right after
/// it and a letter, a space or the start of the text right before it
/// ("Schr?der", "M??nchen", "Bus ?ireann"). A question that ends a sentence
/// is followed by a space, a quotation mark or a capital; after a quotation
/// mark ("\"?and") the lost character was a space or a dash, which takes no
/// letter from a word, so that case is no damage.
pub(crate) fn lost_letter_at(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    if b.get(i) != Some(&b'?') {
        return false;
    }
    let start = i - b[..i].iter().rev().take_while(|&&c| c == b'?').count();
    let end = i + 1 + b[i + 1..].iter().take_while(|&&c| c == b'?').count();
    let after_is_lower = text[end..].chars().next().is_some_and(char::is_lowercase);
    after_is_lower
        && text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_alphabetic() || c.is_whitespace())
}

/// Whether the whitespace-delimited chunk around byte `i` is a web address,
/// whose question marks start a query ("page?utm_source=...").
fn in_web_address(text: &str, i: usize) -> bool {
    let a = text[..i].rfind(char::is_whitespace).map_or(0, |p| p + 1);
    let b = text[i..]
        .find(char::is_whitespace)
        .map_or(text.len(), |p| i + p);
    let chunk = &text[a..b];
    chunk.contains("://") || chunk.contains("www.")
}

/// Damaged characters in `text`: replacement characters and question marks
/// that stand for a lost character (outside web addresses).
fn count_in(text: &str) -> usize {
    let replaced = memchr::memmem::find_iter(text.as_bytes(), REPLACEMENT).count();
    let questions = memchr::memchr_iter(b'?', text.as_bytes())
        .filter(|&i| lost_letter_at(text, i) && !in_web_address(text, i))
        .count();
    replaced + questions
}

/// Replacement characters in an article: its text, and its title where the
/// title is not taken from the text (front matter).
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
            "{}: {} damaged character{} (U+FFFD, or ? inside a word): {what}",
            d.source,
            d.damaged,
            plural(d.damaged)
        )),
        many => {
            let total: usize = many.iter().map(|d| d.damaged).sum();
            Some(format!(
                "{} articles hold damaged characters ({} in all: U+FFFD, or ? inside a \
                 word; articles.csv gives each article's count): {}; {what}",
                int(many.len()),
                int(total),
                named_with_counts(many, |d| d.damaged)
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
    fn a_question_mark_inside_a_word_is_a_lost_character() {
        let lost = |t: &str| {
            memchr::memchr_iter(b'?', t.as_bytes())
                .filter(|&i| lost_letter_at(t, i))
                .count()
        };
        // Inside a word, a run of them, and at a word's start after a space.
        assert_eq!(lost("Gerhard Schr?der"), 1);
        assert_eq!(lost("M??nchen"), 2);
        assert_eq!(lost("Bus ?ireann and ?amonn"), 2);
        assert_eq!(lost("?ireann"), 1);
        // Questions: a space, a capital or a quotation mark follows, or a
        // quotation mark comes before (a lost space or dash, not a letter).
        assert_eq!(lost("Why? Because. Who?\"No\"? Really?No"), 0);
        assert_eq!(lost("he said \"?and then"), 0);
        assert_eq!(lost("ends here?"), 0);
        assert_eq!(lost("x"), 0);
        // Counted with U+FFFD; a web address's query is no damage.
        let d = doc(
            "a",
            "",
            "Schr?der in D\u{FFFD}\u{FFFD}il: https://x.org/a?utm=b www.y.org/c?d=e",
        );
        assert_eq!(count(&d), 3);
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
            w.starts_with(
                "a.txt: 3 damaged characters (U+FFFD, or ? inside a word): the text was damaged"
            ),
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
                "8 articles hold damaged characters (31 in all: U+FFFD, or ? inside a word; \
                 articles.csv gives each article's count): a.txt (3), b0.txt (1), b1.txt (2), b2.txt (3), \
                 b3.txt (4) and 3 more; the text was damaged"
            ),
            "{w}"
        );
        assert!(!w.contains("clean.txt") && !w.contains("b4.txt"), "{w}");
    }
}
