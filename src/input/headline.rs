//! The headline as an article's first paragraph. Where a source gives the
//! headline apart from the text (a news-database export's headline field,
//! a table's title column, front matter's `title:`), it goes before the text, as a saved article (a
//! .txt's first line) has it: its words, matches and sentiment then count
//! in the article's scores, and the headline, lead and body of
//! `positions.csv` add up to the article.

use super::paragraphs::paragraphs;
use super::repeated_title::words;

/// A title line longer than this is an opening paragraph, not a headline.
pub const HEADLINE_MAX_WORDS: usize = 30;
/// Most words a byline glued to a headline line adds to it ("by" and a
/// name of up to three words).
const BYLINE_MAX_WORDS: usize = 4;
/// The shortest paragraph that can be the lead.
pub const LEAD_MIN_WORDS: usize = 10;

/// Whether `line`, the first paragraph of a text with more after it, reads
/// as a printed headline (or a standfirst) rather than as the lead: 10 to
/// 30 words and no sentence end. Words are counted here, the same way for
/// every caller (reading the file and finding the article's parts), so the
/// two never disagree about one line.
pub fn reads_as_headline(line: &str) -> bool {
    let ends_sentence = line.trim_end().ends_with([
        '.', '!', '?', ':', ';', '"', '\u{201d}', '\u{2019}', '\'', ')',
    ]);
    (LEAD_MIN_WORDS..=HEADLINE_MAX_WORDS).contains(&line_words(line)) && !ends_sentence
}

/// The words of a line as a reader counts them: the pieces between spaces
/// that hold a letter or a digit ("U.S.-led" and "don't" are one word each,
/// a dash between spaces none).
fn line_words(line: &str) -> usize {
    line.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// `text` with `title` (on one line) as its first paragraph; `text` as it
/// is when the title is empty or the text already opens with it (the same
/// words, whatever the case and punctuation), so that it is never doubled.
pub fn with_headline(title: &str, text: &str) -> String {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let first = text.lines().map(str::trim).find(|l| !l.is_empty());
    // A long first line's title is cut at a word and ends in "…" (frame
    // import writes it so): the text already opens with it.
    let cut = title.ends_with('\u{2026}');
    // A title taken off a byline glued to its line (`titles.rs`) is that
    // line but for the name and a "by" at its end.
    let already = |l: &str| {
        let (l, t) = (words(l), words(&title));
        let glued = !t.is_empty() && l.len() > t.len() && l.len() <= t.len() + BYLINE_MAX_WORDS;
        l == t || ((cut || glued) && l.starts_with(&t))
    };
    if title.is_empty() || first.is_some_and(already) {
        return text.to_string();
    }
    format!("{title}\n\n{}", text.trim_start_matches(['\n', '\r']))
}

/// `text` with a title given beside it (front matter's `title:`) as its
/// first paragraph, as [`with_headline`], unless the text opens with a
/// printed headline of its own ([`reads_as_headline`]): that line is then the article's headline, and the
/// title is its metadata, as a web page's `<title>` beside its `<h1>`.
/// A text without words stays empty: a title alone is not an article.
pub fn with_title(title: &str, text: &str) -> String {
    let paras = paragraphs(text);
    if paras.is_empty() {
        return text.to_string();
    }
    if let [(a, b), _, ..] = paras[..] {
        let first = &text[a..b];
        if reads_as_headline(first) {
            return text.to_string();
        }
    }
    with_headline(title, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_headline_opens_the_text_once() {
        assert_eq!(
            with_headline("Flood  warning\nissued", "Homes were flooded."),
            "Flood warning issued\n\nHomes were flooded."
        );
        // Already there (other quotes or capitals): not doubled.
        let text = "FLOOD WARNING ISSUED\n\nHomes were flooded.";
        assert_eq!(with_headline("Flood warning issued", text), text);
        assert_eq!(with_headline(" ", "Homes."), "Homes.");
        // A title cut short of a long first line ("…") is that line.
        let long = "Homes were flooded in the valley and along the coast overnight.";
        assert_eq!(
            with_headline("Homes were flooded in the\u{2026}", long),
            long
        );
        assert_eq!(
            with_headline("Homes were\u{2026}", "Roads closed."),
            "Homes were\u{2026}\n\nRoads closed."
        );
    }

    #[test]
    fn a_title_taken_off_a_glued_byline_is_not_put_above_its_line() {
        let text = "Farmers count the cost Jane Smith\n\nThe river rose.";
        assert_eq!(with_headline("Farmers count the cost", text), text);
        // More than a byline's words after it: another line.
        let other = "Farmers count the cost of a long wet winter in the hills\n\nThe river rose.";
        assert_eq!(
            with_headline("Farmers count the cost", other),
            format!("Farmers count the cost\n\n{other}")
        );
    }

    #[test]
    fn a_title_beside_the_text_opens_it_unless_the_text_has_its_own_headline() {
        let lead = "Armed officers will patrol three boroughs from Monday, police said.";
        assert_eq!(
            with_title("Streets safe, say police", &format!("{lead}\n\nMore.")),
            format!("Streets safe, say police\n\n{lead}\n\nMore.")
        );
        // A printed headline (a Markdown heading without its marks) stays
        // the headline: the title is not put above it.
        let printed = format!(
            "Police chiefs say the streets of the capital are safe again\n\n{lead}\n\nMore."
        );
        assert_eq!(with_title("Streets safe, say police", &printed), printed);
        // A short first line is a label or a byline, not a headline.
        assert_eq!(
            with_title("Streets safe", &format!("By Jo Bloggs\n\n{lead}")),
            format!("Streets safe\n\nBy Jo Bloggs\n\n{lead}")
        );
        // A headline-like line with nothing after it is the whole text.
        let only = "Police chiefs say the streets of the capital are safe again";
        assert_eq!(with_title("T", only), format!("T\n\n{only}"));
        assert_eq!(with_title("T", "\n \n"), "\n \n");
    }

    #[test]
    fn a_headline_is_a_line_of_ten_to_thirty_words_without_a_sentence_end() {
        let ten = "Police chiefs say the streets of the capital are safe again";
        assert!(reads_as_headline(ten));
        assert!(!reads_as_headline(&format!("{ten}.")));
        assert!(!reads_as_headline(&format!("{ten} \u{201c}now\u{201d}")));
        assert!(!reads_as_headline("Too short a line"));
        assert!(reads_as_headline(&"word ".repeat(30)));
        assert!(!reads_as_headline(&"word ".repeat(31)));
    }

    #[test]
    fn a_headline_s_words_are_the_pieces_between_spaces_that_hold_a_letter_or_digit() {
        assert_eq!(
            line_words("U.S.-led strikes \u{2014} don't stop in 2024"),
            6
        );
        // Nine words and a dash are not ten words.
        let nine = "Police say the streets of the capital are safe";
        assert!(!reads_as_headline(&format!("{nine} \u{2014}")));
    }
}
