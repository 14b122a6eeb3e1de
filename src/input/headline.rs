//! The headline as an article's first paragraph. Where a source gives the
//! headline apart from the text (a news-database export's headline field,
//! a table's title column), it goes before the text, as a saved article (a
//! .txt's first line) has it: its words, matches and sentiment then count
//! in the article's scores, and the headline, lead and body of
//! `positions.csv` add up to the article.

use super::repeated_title::words;

/// `text` with `title` (on one line) as its first paragraph; `text` as it
/// is when the title is empty or the text already opens with it (the same
/// words, whatever the case and punctuation), so that it is never doubled.
pub fn with_headline(title: &str, text: &str) -> String {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let first = text.lines().map(str::trim).find(|l| !l.is_empty());
    if title.is_empty() || first.is_some_and(|l| words(l) == words(&title)) {
        return text.to_string();
    }
    format!("{title}\n\n{}", text.trim_start_matches(['\n', '\r']))
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
    }
}
