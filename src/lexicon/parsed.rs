//! What parsing one lexicon file gives, whatever its format: its
//! categories and the problems found, and the lenient/strict views of it.

use super::entry::{unify_line_endings, Lexicon, LexiconError};

/// What one file (or folder) gave: its categories, and problems that do not
/// stop a run.
#[derive(Debug, Clone, Default)]
pub struct FileLexicons {
    /// The categories, in file order.
    pub lexicons: Vec<Lexicon>,
    /// Warnings, each with file and line.
    pub warnings: Vec<LexiconError>,
}

/// The result of a format's structural parser: `Err` for a file whose
/// structure cannot be read, otherwise the categories and the entry errors.
pub(crate) type Parsed = Result<(FileLexicons, Vec<LexiconError>), Vec<LexiconError>>;

/// The lenient reading shared by the `.dic`, `.dicx` and YAML parsers: line
/// endings unified first (so every format numbers lines alike), and a file
/// whose structure cannot be read gives no categories, only its errors.
pub(crate) fn lenient(
    text: &str,
    file: &str,
    parse_all: fn(&str, &str) -> Parsed,
) -> (FileLexicons, Vec<LexiconError>) {
    parse_all(&unify_line_endings(text), file).unwrap_or_else(|e| (FileLexicons::default(), e))
}

/// The strict reading: the categories only when there is no error.
pub(crate) fn strict(
    (lexicons, errors): (FileLexicons, Vec<LexiconError>),
) -> Result<FileLexicons, Vec<LexiconError>> {
    if errors.is_empty() {
        Ok(lexicons)
    } else {
        Err(errors)
    }
}
