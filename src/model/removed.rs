//! The text frame removed from an article as not the article's own
//! (boilerplate lines, fragments inside kept lines, links to other stories,
//! the marks of a wire agency, a line repeating the headline, sentences
//! repeated across many articles): written to `removed.csv`, so that a
//! reader can check that nothing of the article went. One entry per piece
//! that `boilerplate_lines` counts.

/// Most characters of a removed text that are kept: a longer one is cut
/// there and ends in "…" (a removed line is short, but a line run together
/// with the page's furniture need not be, and 20,000 articles' removals
/// are held until the report is written).
pub const REMOVED_TEXT_MAX: usize = 300;

/// Which rule removed a text (the rules are documented in
/// docs/user-guide.md, "Reading the corpus").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemovalRule {
    /// A whole line matched a line rule (share prompt, caption, credit ...).
    Line,
    /// A fixed phrase inside a kept line.
    Fragment,
    /// A link to another story inside a paragraph ("READ MORE: ...").
    Teaser,
    /// A dateline, sign-off or credit of the agency or desk that filed it.
    WireCredit,
    /// A later line repeating the headline.
    RepeatedHeadline,
    /// A sentence standing word for word in many articles of the run.
    CrossArticle,
    /// A PDF's running header or footer, or page number.
    PageFurniture,
}

impl RemovalRule {
    /// The rule's name in `removed.csv`.
    pub fn name(self) -> &'static str {
        match self {
            RemovalRule::Line => "line",
            RemovalRule::Fragment => "fragment",
            RemovalRule::Teaser => "teaser",
            RemovalRule::WireCredit => "wire credit",
            RemovalRule::RepeatedHeadline => "repeated headline",
            RemovalRule::CrossArticle => "cross-article repeat",
            RemovalRule::PageFurniture => "page furniture",
        }
    }
}

/// One removed piece of an article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    pub rule: RemovalRule,
    /// The text as it stood, trimmed, at most [`REMOVED_TEXT_MAX`] characters.
    pub text: String,
}

impl Removal {
    /// The removal of `text` by `rule`, its text trimmed and capped.
    pub fn new(rule: RemovalRule, text: &str) -> Removal {
        let text = text.trim();
        let text = match text.char_indices().nth(REMOVED_TEXT_MAX) {
            None => text.to_string(),
            Some(_) => {
                let (cut, _) = text
                    .char_indices()
                    .nth(REMOVED_TEXT_MAX - 1)
                    .expect("more characters than the cap");
                format!("{}…", text[..cut].trim_end())
            }
        };
        Removal { rule, text }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A removed text is kept whole up to the cap, and cut with "…" past it
    /// (counted in characters, not bytes).
    #[test]
    fn a_long_removed_text_is_capped_in_characters() {
        let short = Removal::new(RemovalRule::Line, "  Share this  ");
        assert_eq!(short.text, "Share this");
        let exact = "é".repeat(REMOVED_TEXT_MAX);
        assert_eq!(Removal::new(RemovalRule::Line, &exact).text, exact);
        let long = Removal::new(RemovalRule::Fragment, &"é".repeat(REMOVED_TEXT_MAX + 5));
        assert_eq!(long.text.chars().count(), REMOVED_TEXT_MAX);
        assert!(long.text.ends_with("é…"));
    }
}
