//! A headline printed twice: web copies and some exports print the title
//! line again under it (or under the text), often with other quotation
//! marks or capitals. Counted twice, its words would weigh double in the
//! article's scores, so a later line that repeats the title is removed and
//! counted with the boilerplate lines.

use std::borrow::Cow;

/// Fewest words a title needs before a line repeating it is removed:
/// shorter lines ("Analysis", "Live updates") recur for other reasons.
const MIN_TITLE_WORDS: usize = 4;

/// The words of `s`, lower-cased, without punctuation: how a line is told
/// to be the title.
pub(super) fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// `text` without the lines after its first that repeat `title` (the same
/// words, whatever the case and punctuation), and the lines removed.
/// Only when the title is the text's first line: a title from elsewhere
/// (front matter, a table column) may well be printed once in the text.
pub fn without_repeats<'a>(text: &'a str, title: &str) -> (Cow<'a, str>, Vec<&'a str>) {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty());
    let t = words(title);
    if t.len() < MIN_TITLE_WORDS || first != Some(title.trim()) {
        return (Cow::Borrowed(text), Vec::new());
    }
    let mut seen_title = false;
    let mut removed = Vec::new();
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            // Only a line of about the title's length can repeat it.
            let near = (title.len() / 2..=title.len() * 2 + 8).contains(&trimmed.len());
            if seen_title && near && words(trimmed) == t {
                removed.push(trimmed);
                continue;
            }
            seen_title = true;
        }
        out.push_str(line);
    }
    if removed.is_empty() {
        return (Cow::Borrowed(text), removed);
    }
    // A removed line between two blank lines leaves three line breaks.
    while out.contains("\n\n\n") {
        out = out.replace("\n\n\n", "\n\n");
    }
    (Cow::Owned(out.trim_end().to_string() + "\n"), removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_headline_is_removed_once_counted() {
        let text = "police could let violent suspects go\n\nPolice \u{2018}could let violent suspects go\u{2019}\n\nThe federation warned.\n";
        let (out, n) = without_repeats(text, "police could let violent suspects go");
        // The line as printed is what removed.csv shows.
        assert_eq!(n, ["Police \u{2018}could let violent suspects go\u{2019}"]);
        assert_eq!(
            out,
            "police could let violent suspects go\n\nThe federation warned.\n"
        );
    }

    #[test]
    fn short_titles_and_titles_from_elsewhere_are_left_alone() {
        let text = "Live updates\n\nLive updates\n\nText.\n";
        assert_eq!(without_repeats(text, "Live updates").1.len(), 0);
        let text = "The lead paragraph.\n\nFloods hit the north coast\n";
        assert_eq!(
            without_repeats(text, "Floods hit the north coast").1.len(),
            0
        );
    }

    #[test]
    fn a_line_that_only_starts_like_the_title_stays() {
        let text = "Floods hit the north coast\n\nFloods hit the north coast again on Monday.\n";
        let (out, n) = without_repeats(text, "Floods hit the north coast");
        assert_eq!((out.as_ref(), n.len()), (text, 0));
    }
}
