//! The text pipeline: a tokenizer followed by a chain of small filters, in the
//! manner of tantivy's analyzers. Two presets share the tokenizer:
//! [`Analyzer::for_vectors`] drops stop words (for TF-IDF), while
//! [`Analyzer::for_scoring`] keeps them so negators such as "not" survive.

pub mod filters;
pub mod intern;
pub mod sentences;
pub mod squash;
pub mod stop_list;
pub mod tokens;
pub mod topk;
pub mod window;
pub mod words;

pub use filters::TokenFilter;
pub use words::{Token, TokenKind};

/// A tokenizer plus a chain of filters.
pub struct Analyzer {
    filters: Vec<Box<dyn TokenFilter>>,
}

impl Analyzer {
    /// Builds an analyzer from an explicit filter chain (applied in order).
    pub fn new(filters: Vec<Box<dyn TokenFilter>>) -> Self {
        Analyzer { filters }
    }

    /// The preset used for scoring and lexicon entries: normalise, keep stop words.
    pub fn for_scoring() -> Self {
        Analyzer::new(vec![
            Box::new(filters::Normalise),
            Box::new(filters::StripPossessive),
            Box::new(filters::DropLong::default()),
        ])
    }

    /// Tokenises `text` and runs every filter; dropped tokens disappear but the
    /// survivors keep their original positions and offsets.
    pub fn analyze(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        for mut tok in words::tokenize(text) {
            if self.filters.iter().all(|f| f.apply(&mut tok)) {
                out.push(tok);
            }
        }
        out
    }
}
