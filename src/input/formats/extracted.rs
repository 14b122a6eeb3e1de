//! What every reader of `formats/` returns, and what detection decides.

use crate::input::line_joins::{continues, ends_sentence};
use crate::model::options::InputFormat;
use crate::model::removed::Removal;

/// What to do with a file: read it with a reader, or skip it with a reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detected {
    /// Read with this reader.
    Reader(InputFormat),
    /// Not readable; the reason says what it is and what to do.
    Unsupported(String),
}

/// Text taken out of a file, with the metadata the file itself gives.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    /// The text, paragraphs separated by blank lines.
    pub text: String,
    /// (lower-case key, value) pairs: `title`, `date`, `outlet`, `byline` ...
    pub meta: Vec<(String, String)>,
    /// Problems worth telling the user that did not stop the reading.
    pub warnings: Vec<String>,
    /// Text the reader left out as not the article's own (a PDF's running
    /// headers and page numbers), listed in `removed.csv`.
    pub removed: Vec<Removal>,
    /// Line ends inside a paragraph are page layout (PDF), not sentence ends.
    pub wrapped: bool,
    /// A warning that the file seems to hold several articles (a Word file
    /// with one Heading 1 title per article), said only when the file is
    /// read as one article, not when it is split as a news-database export.
    pub several_articles: Option<String>,
}

impl Extracted {
    /// The text as one article: for wrapped text (PDF) the page's layout
    /// lines joined into paragraphs (a line end would otherwise end a
    /// sentence): see [`join_layout_lines`]. Other text is returned as it is.
    pub fn unwrapped(mut self) -> Extracted {
        if self.wrapped {
            self.text = join_layout_lines(&self.text);
            self.wrapped = false;
        }
        self
    }
}

/// Whether a line may open a paragraph: a capital, a digit, an opening
/// quote or a dash or bullet.
fn opens(line: &str) -> bool {
    line.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(
                c,
                '"' | '\'' | '\u{201c}' | '\u{2018}' | '\u{2013}' | '\u{2014}' | '\u{2022}'
            )
    })
}

/// Paragraphs of text laid out in lines (a PDF's text layer), judged line
/// by line, so that a page with blank lines between its paragraphs and a
/// page without them (first-line indents) come out alike, and a page break
/// (a blank line in the text) neither glues a page into one paragraph nor
/// cuts a sentence that runs on to the next page.
///
/// A line break inside a block is layout, and joined, unless the line was
/// ended on purpose, which typesetting shows: the line ends a sentence, the
/// next opens one, and the next line's first word would have fitted on it
/// (the text's longest line is the measure); or the block's first line is
/// a short line without a full stop before a capital (a headline). A blank
/// line separates paragraphs, except between a block that stops mid-sentence
/// and one that goes on in lower case (a paragraph across a page break).
pub fn join_layout_lines(text: &str) -> String {
    let width = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut paragraphs: Vec<String> = Vec::new();
    // Whether the last paragraph may go on in the next block.
    let mut open = false;
    for block in text.split("\n\n") {
        let lines: Vec<&str> = block
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let Some(first) = lines.first() else {
            continue;
        };
        let goes_on = open && first.chars().next().is_some_and(char::is_lowercase);
        let mut current = if goes_on {
            paragraphs.pop().unwrap_or_default()
        } else {
            String::new()
        };
        let mut starts_paragraph = !goes_on;
        for (i, line) in lines.iter().enumerate() {
            // A word hyphenated at the line end is made whole ("gov-" "ernment").
            let hyphenated = i > 0 && continues(lines[i - 1], line, None) == Some(true);
            if hyphenated {
                current.pop();
            } else if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
            let Some(next) = lines.get(i + 1) else {
                break;
            };
            let len = line.chars().count();
            let next_word = next
                .split_whitespace()
                .next()
                .map_or(0, |w| w.chars().count());
            let would_fit = len + 1 + next_word <= width;
            let ended = ends_sentence(line) && opens(next) && would_fit;
            let headline = starts_paragraph
                && !ends_sentence(line)
                && opens(next)
                && line.split_whitespace().count() <= 12
                && (would_fit || len * 100 < width * 85);
            starts_paragraph = ended || headline;
            if starts_paragraph {
                paragraphs.push(std::mem::take(&mut current));
            }
        }
        open = !current.is_empty() && !ends_sentence(&current);
        if !current.is_empty() {
            paragraphs.push(current);
        }
    }
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The review's PDFs: a page without blank lines (its lines were kept,
    /// cutting sentences) and the same page before a second page (the page
    /// break made the whole first page, headline included, one paragraph).
    #[test]
    fn layout_lines_are_joined_page_by_page() {
        let page = "Flood warning issued for the valley today\nResidents were told to leave their homes as the\nriver rose. Officials said the danger was serious.";
        let want = "Flood warning issued for the valley today\n\nResidents were told to leave their homes as the river rose. Officials said the danger was serious.";
        assert_eq!(join_layout_lines(page), want);
        let two = format!(
            "{page}\n\nPage two continues the story of the flood and the\nresponse of the council."
        );
        assert_eq!(
            join_layout_lines(&two),
            format!("{want}\n\nPage two continues the story of the flood and the response of the council.")
        );
    }

    /// First-line indents, no gaps: a paragraph ends where a sentence ends
    /// on a short line; a sentence ending on a full line runs on.
    #[test]
    fn paragraphs_without_gaps_end_at_short_sentence_ends() {
        let text = "The river rose through the night and crews worked on.\nEngineers said the wall would hold until the\nmorning. The mayor agreed.\nShops stayed shut on the high street all day as\nwater covered the road.";
        assert_eq!(
            join_layout_lines(text),
            "The river rose through the night and crews worked on. Engineers said the wall would hold until the morning. The mayor agreed.\n\nShops stayed shut on the high street all day as water covered the road."
        );
        // A sentence cut by a page break is one paragraph again.
        assert_eq!(
            join_layout_lines("Officials said the danger\n\nwas serious. More rain comes."),
            "Officials said the danger was serious. More rain comes."
        );
    }
}
