//! What the article reader shows: an article's text with the byte spans
//! of its frame matches and quotes, from the scorer's own matcher and quote
//! finder (`scoring::marks`), so that marks and scores cannot disagree.

/// One article's text with its marks. Not serialised: the reader pages
/// show it, analysis.json does not repeat every text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReaderText {
    /// The article text as analysed (after boilerplate removal).
    pub text: String,
    /// Every frame match, in text order.
    pub marks: Vec<Mark>,
    /// Byte spans of quoted speech (the quoted words), in text order.
    pub quotes: Vec<(usize, usize)>,
}

/// One lexicon match in an article, as the scorer counted it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mark {
    /// Byte offset of its first word.
    pub start: usize,
    /// Byte offset one past its last word.
    pub end: usize,
    /// Frame of the lexicon entry that matched (index into `Analysis::frames`).
    pub entry_frame: usize,
    /// Frame the match counts for (a negated threat match counts as
    /// reassurance and vice versa); `None` when negation drops it.
    pub counts_for: Option<usize>,
    /// The lexicon entry as written.
    pub entry: String,
    /// Its weight.
    pub weight: f64,
    /// The negator that reaches it ("not", "no" ...), if any.
    pub negator: Option<String>,
}
