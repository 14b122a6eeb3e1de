//! Validated options for a run. The binary turns command-line arguments into
//! these; the library never sees clap types.

use crate::model::language::Language;
use std::path::PathBuf;

/// Bootstrap resamples drawn per article unless `--bootstrap` says otherwise.
pub const DEFAULT_RESAMPLES: usize = 1000;
/// Most bootstrap resamples per article `--bootstrap` accepts: the
/// intervals are stable long before, and each resample costs time per article.
pub const MAX_RESAMPLES: usize = 100_000;

/// How term frequency is weighted in TF-IDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TfWeighting {
    /// 1 + ln(count) (scikit-learn's `sublinear_tf=True`).
    Sublinear,
    /// The raw count.
    Raw,
}

impl TfWeighting {
    /// Name used in outputs.
    pub fn name(&self) -> &'static str {
        match self {
            TfWeighting::Sublinear => "sublinear",
            TfWeighting::Raw => "raw",
        }
    }
}

/// Where and how to read a tabular corpus (CSV or JSON Lines).
#[derive(Debug, Clone)]
pub struct TableColumns {
    /// Column holding the article text.
    pub text: String,
    /// Column holding the id (default: the 1-based row number).
    pub id: Option<String>,
    /// Column holding the title.
    pub title: Option<String>,
    /// Column holding the date.
    pub date: Option<String>,
    /// Column holding the group.
    pub group: Option<String>,
}

impl Default for TableColumns {
    fn default() -> Self {
        TableColumns {
            text: "text".into(),
            id: None,
            title: None,
            date: None,
            group: None,
        }
    }
}

/// Options for reading a corpus.
#[derive(Debug, Clone)]
pub struct CorpusOptions {
    /// Files and folders to read.
    pub inputs: Vec<PathBuf>,
    /// Columns of tabular inputs.
    pub columns: TableColumns,
    /// Keep boilerplate lines (captions, share prompts ...).
    pub keep_boilerplate: bool,
    /// Metadata sidecar (CSV keyed by article id) with columns such as outlet, date, author.
    pub metadata: Option<PathBuf>,
    /// The reader for article files detection cannot place (`--format`); `None`: skip them.
    pub format: Option<InputFormat>,
}

/// A reader for article files, chosen by `--format` when detection fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Plain text (front matter read if present).
    Text,
    /// Markdown.
    Markdown,
    /// A saved web page (main content extracted).
    Html,
    /// Microsoft Word (.docx).
    Docx,
    /// OpenDocument text (.odt).
    Odt,
    /// Rich Text Format (.rtf).
    Rtf,
    /// PDF (its text layer).
    Pdf,
}

impl InputFormat {
    /// Name used in messages (the usual extension).
    pub fn name(&self) -> &'static str {
        match self {
            InputFormat::Text => "txt",
            InputFormat::Markdown => "md",
            InputFormat::Html => "html",
            InputFormat::Docx => "docx",
            InputFormat::Odt => "odt",
            InputFormat::Rtf => "rtf",
            InputFormat::Pdf => "pdf",
        }
    }
}

/// Options for `frame analyze`.
#[derive(Debug, Clone)]
pub struct Options {
    /// What to read.
    pub corpus: CorpusOptions,
    /// Output folder.
    pub out: PathBuf,
    /// Stemmer and stop-word language.
    pub lang: Language,
    /// Minimum number of articles a term must appear in.
    pub min_df: usize,
    /// Maximum share of articles a term may appear in (0, 1].
    pub max_df: f64,
    /// Keep only the N most frequent terms.
    pub max_features: Option<usize>,
    /// TF weighting.
    pub tf: TfWeighting,
    /// Top terms reported per article and cluster.
    pub top_terms: usize,
    /// Extra stop-word file.
    pub stopwords_file: Option<PathBuf>,
    /// Fixed number of clusters.
    pub k: Option<usize>,
    /// Random seed for clustering.
    pub seed: u64,
    /// Compute nearest neighbours for very large corpora too.
    pub neighbours: bool,
    /// Chart size in pixels.
    pub chart_size: (u32, u32),
    /// Also write SVG copies of the charts.
    pub svg: bool,
    /// Also list, in evidence.csv, the matches excluded phrases dropped.
    pub show_excluded: bool,
    /// Write every CSV with a UTF-8 byte-order mark, for Excel.
    pub excel: bool,
    /// Hide progress and the summary.
    pub quiet: bool,
    /// Bootstrap resamples per article for frame-score intervals (0 = none).
    pub bootstrap: usize,
    /// The user's lexicon files and folders (`--lexicon`), in order.
    pub lexicons: Vec<PathBuf>,
    /// Use only the user's lexicons (`--no-default-lexicons`).
    pub no_default_lexicons: bool,
    /// Column to compare groups on (`--group-by`): a metadata column, "group" or "date".
    pub group_by: Option<String>,
    /// Period of the timeline and of `--group-by date`.
    pub period: crate::model::dates::Period,
}

impl Options {
    /// Defaults for the given inputs (what `frame analyze INPUT` does).
    pub fn new(inputs: Vec<PathBuf>) -> Self {
        Options {
            corpus: CorpusOptions {
                inputs,
                columns: TableColumns::default(),
                keep_boilerplate: false,
                metadata: None,
                format: None,
            },
            out: PathBuf::from("reports"),
            lang: Language::english(),
            min_df: 1,
            max_df: 1.0,
            max_features: None,
            tf: TfWeighting::Sublinear,
            top_terms: 10,
            stopwords_file: None,
            k: None,
            seed: 42,
            neighbours: false,
            chart_size: (1600, 1000),
            svg: false,
            show_excluded: false,
            excel: false,
            quiet: false,
            bootstrap: DEFAULT_RESAMPLES,
            lexicons: Vec::new(),
            no_default_lexicons: false,
            group_by: None,
            period: crate::model::dates::Period::Month,
        }
    }
}
