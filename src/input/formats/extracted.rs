//! What every reader of `formats/` returns, and what detection decides.

use crate::model::options::InputFormat;

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
    /// Line ends inside a paragraph are page layout (PDF), not sentence ends.
    pub wrapped: bool,
}

impl Extracted {
    /// For wrapped text whose layout shows paragraphs (blank lines between
    /// blocks), each block's lines joined into one line: a line end would
    /// otherwise end a sentence. Other text is returned as it is.
    pub fn unwrapped(mut self) -> Extracted {
        if self.wrapped && self.text.contains("\n\n") {
            self.text = self
                .text
                .split("\n\n")
                .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|b| !b.is_empty())
                .collect::<Vec<_>>()
                .join("\n\n");
            self.wrapped = false;
        }
        self
    }
}
