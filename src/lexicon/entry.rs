//! The rules every lexicon format shares: a category and its entries,
//! weights, entry kinds (word, prefix, phrase, exact form), excluded
//! phrases, category names, and the errors a file can hold.

use crate::model::language::Language;
use crate::model::LexiconInfo;
use crate::text::{Analyzer, TokenKind};
use std::fmt;

/// Largest allowed entry weight: big enough for "this term is unambiguous",
/// small enough that one word cannot swamp a whole article.
pub const MAX_WEIGHT: f64 = 5.0;

/// Shortest allowed wildcard prefix, in characters; shorter prefixes
/// (`a*`, `in*`) match a large share of all English words.
pub const MIN_PREFIX_CHARS: usize = 3;

/// The word of a phrase entry that stands for a gap of one to
/// [`MAX_GAP_WORDS`] words of the text: `keep ... safe`.
pub const GAP: &str = "...";

/// Most words a gap (`...`) stands for: enough for a short object ("keep
/// the public safe", "no passengers or crew were hurt"), short enough that
/// the two sides still belong to one clause.
pub const MAX_GAP_WORDS: usize = 3;

/// One frame category as read from a lexicon file.
#[derive(Debug, Clone, PartialEq)]
pub struct Lexicon {
    /// Category name (the file stem): its column name in every output.
    pub name: String,
    /// One-line description from the `# description:` header.
    pub description: String,
    /// All `# rationale:` lines joined with spaces (empty if none).
    pub rationale: String,
    /// The `# source:` lines, in file order.
    pub sources: Vec<String>,
    /// File it was read from (as given, or `lexicons/<name>.txt` for built-ins).
    pub file: String,
    /// Entries in file order.
    pub entries: Vec<Entry>,
}

/// One line of a lexicon: what to match and how much a match counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The entry as written, lower-cased, curly apostrophes made straight,
    /// runs of spaces collapsed; a wildcard keeps its trailing `*`.
    pub text: String,
    /// Whether this is a word/phrase or a prefix wildcard.
    pub kind: EntryKind,
    /// Weight of one match, in (0, `MAX_WEIGHT`]; 1.0 unless given.
    pub weight: f64,
    /// 1-based line number in the file.
    pub line: usize,
    /// Phrases (normalised, each containing the entry) inside which a match
    /// of this entry does not count: `safe !safe seat`. Usually empty.
    pub excluded: Vec<String>,
    /// Whether the word `...` in `text` is a gap of one to
    /// [`MAX_GAP_WORDS`] words (frame's `.txt` and YAML; a `.dic` entry has
    /// no gaps).
    pub gap: bool,
}

/// How an entry is matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryKind {
    /// A single word or a phrase: the scorer tokenises and stems it.
    Term,
    /// A word or phrase written `=memorial`: each word matches only that
    /// word form, never by stem (`text` holds it without the `=`).
    Exact,
    /// A prefix wildcard: matches any surface word starting with this prefix
    /// (the prefix is stored without its `*`).
    Prefix(String),
}

/// One problem found in a lexicon file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct LexiconError {
    /// File the problem is in.
    pub file: String,
    /// 1-based line, when the problem belongs to one line.
    pub line: Option<usize>,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl Entry {
    /// A plain entry (matched by stem or prefix, nothing excluded), as the
    /// formats without sense syntax (`.dic`, `.dicx`) give.
    pub fn plain(text: String, kind: EntryKind, weight: f64, line: usize) -> Entry {
        Entry {
            text,
            kind,
            weight,
            line,
            excluded: Vec::new(),
            gap: false,
        }
    }

    /// The entry as written in frame's format, without weight or excluded
    /// phrases: `=` before an exact entry. Two entries with the same key are
    /// duplicates.
    pub fn key(&self) -> String {
        match self.kind {
            EntryKind::Exact => format!("={}", self.text),
            _ => self.text.clone(),
        }
    }

    /// The two sides of the entry's gap (`keep ... safe` -> ("keep",
    /// "safe")), or `None` when it has none.
    pub fn gap_sides(&self) -> Option<(&str, &str)> {
        gap_sides(&self.text).filter(|_| self.gap)
    }

    /// The excluded phrases as written after the entry: ` !safe seat !safe haven`
    /// (empty when there are none).
    pub fn excluded_suffix(&self) -> String {
        self.excluded.iter().map(|p| format!(" !{p}")).collect()
    }
}

impl Lexicon {
    /// Summary of this lexicon for the result model (`kind` = "frame").
    pub fn info(&self) -> LexiconInfo {
        LexiconInfo {
            name: self.name.clone(),
            description: self.description.clone(),
            sources: self.sources.clone(),
            entries: self.entries.len(),
            file: self.file.clone(),
            kind: "frame".to_string(),
            builtin: false,
            sha256: String::new(),
            validity: Vec::new(),
        }
    }
}

/// Lower-cases and makes apostrophe variants (’ ‘ ʼ) a plain `'`, so that
/// entries and article text written with either style match.
pub fn normalise(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// True if `s` is written as a plain decimal number (`2`, `1.5`, `.5`, `-1`).
/// `f64::from_str` is not used for the test because it also accepts words
/// such as "nan", "inf" and "infinity", which are legitimate entries.
pub(crate) fn looks_numeric(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let mut digits = 0;
    let mut dots = 0;
    for c in body.chars() {
        match c {
            '0'..='9' => digits += 1,
            '.' => dots += 1,
            _ => return false,
        }
    }
    digits > 0 && dots <= 1
}

/// Checks a weight written as `raw`: a plain number above 0 and at most
/// [`MAX_WEIGHT`] (shared by every lexicon format, so a converted file parses).
pub fn check_weight(raw: &str) -> Result<f64, String> {
    let w: f64 = if looks_numeric(raw.trim()) {
        raw.trim().parse().unwrap_or(f64::NAN)
    } else {
        f64::NAN
    };
    if w > 0.0 && w <= MAX_WEIGHT {
        Ok(w)
    } else if looks_numeric(raw.trim()) {
        Err(format!(
            "weight {raw} is out of range: weights must be above 0 and at most {MAX_WEIGHT}"
        ))
    } else {
        Err(format!("weight `{raw}` is not a number"))
    }
}

/// How a normalised entry is matched, or why it cannot be an entry: the
/// wildcard rules shared by every lexicon format (`*` once, at the end of a
/// single word, after at least [`MIN_PREFIX_CHARS`] letters).
pub fn entry_kind(text: &str) -> Result<EntryKind, String> {
    undamaged(text)?;
    if text.contains('?') {
        return Err(format!(
            "`{text}`: `?` wildcards are not supported; frame knows only a `*` at the end of a word"
        ));
    }
    let Some(pos) = text.find('*') else {
        return Ok(EntryKind::Term);
    };
    if pos + 1 != text.len() {
        return Err(format!(
            "`{text}`: `*` may only appear once, at the end of a single word \
             (a prefix wildcard like `terror*`)"
        ));
    }
    let prefix = &text[..pos];
    if prefix.contains(' ') {
        return Err(format!(
            "`{text}`: a wildcard cannot be used in a multi-word phrase; \
             use a single word like `terror*`, or write the phrase out"
        ));
    }
    let n = prefix.chars().count();
    if n == 0 {
        return Err("`*` on its own is an empty wildcard (it would match every word)".into());
    }
    if n < MIN_PREFIX_CHARS {
        return Err(format!(
            "wildcard `{text}` is too short: a wildcard needs at least \
             {MIN_PREFIX_CHARS} letters before the `*`"
        ));
    }
    Ok(EntryKind::Prefix(prefix.to_string()))
}

/// Refuses an entry or excluded phrase holding the replacement character
/// (U+FFFD): the file was damaged before frame read it, and a damaged word
/// in an article is never matched (`text::words`), so the entry would
/// silently lose that word.
fn undamaged(text: &str) -> Result<(), String> {
    if text.contains(crate::text::words::DAMAGE) {
        Err(format!(
            "`{text}` holds a damaged character (U+FFFD, the replacement character, where \
             text was lost before frame read the file): write the word again"
        ))
    } else {
        Ok(())
    }
}

/// Splits an entry's fields where its excluded phrases begin (the first
/// field starting with `!`): the entry (with its weight, in `.txt`) and the
/// excluded phrases.
pub fn split_excluded<'a>(fields: &'a [&'a str]) -> (&'a [&'a str], &'a [&'a str]) {
    let at = fields
        .iter()
        .position(|f| f.starts_with('!'))
        .unwrap_or(fields.len());
    fields.split_at(at)
}

/// Word stems of `text` with the scorer's analyzer and the English stemmer
/// (the stemmer the lexicon format is documented with), used to check that
/// an excluded phrase contains its entry.
fn english_stems(text: &str) -> Vec<String> {
    let stemmer = Language::english().stemmer();
    Analyzer::for_scoring()
        .analyze(text)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| stemmer.stem(&t.text).into_owned())
        .collect()
}

/// Reads one entry shared by frame's `.txt` and the YAML format: `words`
/// (weight already removed) and the `!phrase` fields after them. Returns the
/// normalised text, its kind and its excluded phrases, or what is wrong.
pub fn parse_entry(
    words: &[&str],
    excluded: &[&str],
) -> Result<(String, EntryKind, Vec<String>), String> {
    let written = normalise(&words.join(" "));
    undamaged(&written)?;
    undamaged(&excluded.join(" "))?;
    if written.is_empty() {
        return Err(format!(
            "`{}` has no entry before the `!`: write the word first, like `safe !safe seat`",
            excluded.join(" ")
        ));
    }
    let (text, kind) = match written.strip_prefix('=') {
        Some(rest) => {
            let rest = rest.trim_start().to_string();
            if rest.is_empty() {
                return Err(
                    "`=` on its own: write the word form right after it, like `=memorial`".into(),
                );
            }
            if rest.contains('*') || rest.contains('?') {
                return Err(format!(
                    "`{written}`: an exact entry (`=`) cannot have a wildcard; write the \
                     word form itself, like `=memorial`"
                ));
            }
            (rest, EntryKind::Exact)
        }
        None => {
            let kind = entry_kind(&written)?;
            (written, kind)
        }
    };
    check_gap(&text)?;
    let gapped = has_gap(&text);
    if let Some((before, after)) = gap_sides(&text).filter(|_| gapped) {
        if english_stems(before).is_empty() || english_stems(after).is_empty() {
            return Err(format!(
                "`{text}`: each side of the gap (`...`) needs a word (numbers and \
                 punctuation are not words), like `keep ... safe`"
            ));
        }
    }
    if gapped && !excluded.is_empty() {
        return Err(format!(
            "`{text}`: an entry with a gap (`...`) cannot have excluded phrases; write the \
             phrases it should match instead"
        ));
    }
    // Group the fields into phrases: each `!` starts one.
    let mut phrases: Vec<Vec<&str>> = Vec::new();
    for f in excluded {
        match f.strip_prefix('!') {
            Some(rest) => phrases.push(if rest.is_empty() { vec![] } else { vec![rest] }),
            None => phrases.last_mut().expect("starts with `!`").push(f),
        }
    }
    let entry_stems = match &kind {
        EntryKind::Prefix(_) => Vec::new(),
        _ => english_stems(&text),
    };
    let mut out = Vec::new();
    for words in phrases {
        let phrase = normalise(&words.join(" "));
        if phrase.is_empty() {
            return Err(format!(
                "`{text}`: `!` with no phrase after it; write the phrase to exclude after \
                 the `!`, like `safe !safe seat`"
            ));
        }
        if phrase.contains('*')
            || phrase.contains(GAP)
            || phrase.split(' ').any(|w| w.starts_with('='))
        {
            return Err(format!(
                "`!{phrase}`: an excluded phrase is plain words (matched by stem), without \
                 `*`, `=` or `...`"
            ));
        }
        let stems = english_stems(&phrase);
        let contains = match &kind {
            EntryKind::Prefix(p) => phrase.split(' ').any(|w| w.starts_with(p.as_str())),
            _ => {
                !entry_stems.is_empty()
                    && stems
                        .windows(entry_stems.len())
                        .any(|w| w == entry_stems.as_slice())
            }
        };
        if !contains {
            return Err(format!(
                "`!{phrase}` does not contain the entry `{text}`: an excluded phrase is \
                 the entry with the words around it, like `safe !safe seat`"
            ));
        }
        if stems == entry_stems {
            return Err(format!(
                "`!{phrase}` is the entry itself (numbers and punctuation are not words): \
                 it would exclude every match; name the words around it too, like \
                 `safe !safe seat`"
            ));
        }
        out.push(phrase);
    }
    Ok((text, kind, out))
}

/// The two sides of a normalised entry's gap, if it has one.
fn gap_sides(text: &str) -> Option<(&str, &str)> {
    text.split_once(" ... ")
}

/// Whether a normalised entry has a gap: the word `...` between its words.
pub fn has_gap(text: &str) -> bool {
    text.split(' ').any(|w| w == GAP)
}

/// Refuses a gap (`...`, or the one-character ellipsis) anywhere but as one
/// word between the words of a phrase, or more than once: a gap at an end
/// would only widen the match, and two gaps would let a pattern wander over
/// a sentence.
fn check_gap(text: &str) -> Result<(), String> {
    if !text.contains("..") && !text.contains('\u{2026}') {
        return Ok(());
    }
    let words: Vec<&str> = text.split(' ').collect();
    let written_apart = words
        .iter()
        .all(|w| *w == GAP || !(w.contains("..") || w.contains('\u{2026}')));
    if !written_apart {
        return Err(format!(
            "`{text}`: a gap is written `...` (three full stops) as a word of its own, with a \
             space on each side, like `keep ... safe`"
        ));
    }
    let at: Vec<usize> = (0..words.len()).filter(|&k| words[k] == GAP).collect();
    if at.len() > 1 {
        return Err(format!(
            "`{text}` has {} gaps (`...`); an entry may have one, like `keep ... safe`",
            at.len()
        ));
    }
    if at[0] == 0 || at[0] + 1 == words.len() {
        return Err(format!(
            "`{text}`: a gap (`...`) goes between two words of a phrase, like `keep ... safe`"
        ));
    }
    Ok(())
}

/// Checks a category name taken from a file name, a `.dic` header, a `.dicx`
/// column or YAML keys: it becomes a CSV column, a report heading and (with
/// `frame lexicon convert`) a file name, so only letters, digits, `_`, `-`
/// and `.` are allowed. Spaces are turned into `_`.
pub fn category_name(raw: &str) -> Result<String, String> {
    let name: String = raw.split_whitespace().collect::<Vec<_>>().join("_");
    if name.is_empty() {
        return Err("empty category name".into());
    }
    if name.starts_with('.') || name.ends_with('.') || name.contains("..") {
        return Err(format!(
            "category name `{name}` cannot start or end with `.` or contain `..`"
        ));
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.')))
    {
        return Err(format!(
            "category name `{name}` contains `{c}`; use letters, digits, `_`, `-` and `.` only"
        ));
    }
    Ok(name)
}

/// Every line ending an editor shows as one (`\r\n`, `\n`, or a lone `\r`
/// from old Mac files) becomes `\n` before a lexicon is parsed, so that the
/// line numbers of every format agree with the editor and with each other
/// (the YAML parser counted a lone `\r` as a line, the others did not).
pub fn unify_line_endings(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}
