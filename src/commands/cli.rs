//! Command-line arguments (clap derive), turned into validated library options.

use crate::model::language::Language;
use crate::model::options::{Options, TableColumns, TfWeighting};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const ANALYZE_EXAMPLE: &str = "\
Example:
  frame analyze seeds/
      reads every .txt/.md/.html article in seeds/ and writes charts (PNG),
      report.html, report.md and the tables (CSV, JSON) into reports/.
  frame analyze corpus.csv --text-column body --id-column url --out my-report
      reads one article per CSV row.

Exit codes: 0 success (also when some files were skipped with a warning),
1 bad input or usage, 2 internal failure.";

/// Compare how news articles frame a story: threat and reassurance, conflict,
/// responsibility, human interest, morality, economic frames, sentiment, and
/// which articles are alike, with the words and sentences behind every score.
#[derive(Parser, Debug)]
#[command(name = "frame", version = env!("FRAME_VERSION"), about, long_about = None, after_help = "Run `frame analyze --help` for a worked example.")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Analyse a folder (or files, or a CSV/JSON Lines table) of articles and write a report folder.
    #[command(after_help = ANALYZE_EXAMPLE)]
    Analyze(AnalyzeArgs),
    /// Score short texts (one per stdin line, or the rows of a CSV/JSON Lines file); CSV to stdout.
    #[command(
        after_help = "Texts are scored as given: no boilerplate is removed (frame analyze removes it). In a table, the title (from --title-column) is scored as the text's first line, as frame analyze reads it. Dates and groups are not used (--date-column and --group-column are errors): join the output to your table by --id-column.\n\nExample:\n  echo 'Police say there is no threat to the public' | frame score\n  frame score headlines.csv --text-column headline --id-column id --json"
    )]
    Score(ScoreArgs),
    /// List, show, check and convert lexicons (frame .txt, LIWC .dic/.dicx, quanteda YAML).
    #[command(after_help = LEXICON_EXAMPLE)]
    Lexicon(LexiconArgs),
    /// Keyword in context: every match of a word, phrase, wildcard or lexicon category, with the words around it.
    #[command(after_help = KWIC_EXAMPLE)]
    Kwic(KwicArgs),
    /// Draw a seeded, stratified sample of sentences (or articles) as a blank coding sheet (CSV).
    #[command(after_help = SAMPLE_EXAMPLE)]
    Sample(SampleArgs),
    /// Agreement of a filled coding sheet with frame, or of two coders (kappa, alpha, precision, recall).
    #[command(after_help = AGREE_EXAMPLE)]
    Agree(AgreeArgs),
    /// Write each article found in Word, PDF, RTF, ODT, web-page and news-database export files as a .txt file with its metadata, to check the split.
    #[command(after_help = IMPORT_EXAMPLE)]
    Import(ImportArgs),
}

const IMPORT_EXAMPLE: &str = "\
Example:
  frame import downloads/nexis-flood.docx downloads/factiva.rtf --out articles/
      writes articles/nexis-flood-001.txt ... one file per article, each
      starting with its title, outlet, date, byline and section; check them,
      correct what is wrong, then run: frame analyze articles/

An existing file is never replaced: the new article gets the next free name
(name-2.txt) and frame says so. See docs/importing.md.";

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// Files or folders: .docx, .odt, .rtf, .pdf, saved web pages, .txt/.md, news-database exports.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Folder to write the articles into (created if needed; existing files are never replaced).
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,
    /// Reader for files whose kind neither content nor extension shows (an unknown or no extension, also in folders; a .docx/.odt/.rtf/.pdf that is not one); other files keep their reader.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<FormatArg>,
    /// Hide the list of files written (warnings and the summary are still shown).
    #[arg(long, short)]
    pub quiet: bool,
}

impl ImportArgs {
    /// The corpus options: articles as their files hold them (boilerplate
    /// is removed when the written files are analysed, not before).
    pub fn to_options(&self) -> crate::model::options::CorpusOptions {
        let mut o = Options::new(self.inputs.clone()).corpus;
        o.keep_boilerplate = true;
        o.format = self.format.map(FormatArg::format);
        o
    }
}

const SAMPLE_EXAMPLE: &str = "\
Example:
  frame sample seeds/ --n 60 --seed 7 --out coding.csv
      writes 60 sentences, with empty threat, reassurance ... columns for a
      coder to fill with 0 or 1; the same seed gives the same sheet.

The sample is stratified: for every frame, sentences frame finds hits in and
sentences it finds none in both appear (see docs/user-guide.md, Validating the dictionary).";

const AGREE_EXAMPLE: &str = "\
Examples:
  frame agree coding.csv              the coder against frame
  frame agree alice.csv bob.csv       two coders against each other
  frame agree coding.csv --csv > agreement.csv
  frame agree coding.csv --entries    which entries make the false hits
  frame agree coding.csv --corpus seeds/
                                      adds corpus estimates: precision, recall
                                      and kappa weighted by stratum size
                                      (give the corpus and flags frame sample had)

Exit codes: 0 success, 1 a sheet cannot be used (missing or non-0/1 codes are
listed by row), 2 internal failure.";

#[derive(Copy, Clone, Debug, ValueEnum)]
pub enum TfArg {
    /// 1 + ln(count)
    Sublinear,
    /// the raw count
    Raw,
}

#[derive(Args, Debug)]
pub struct TableArgs {
    /// Column holding the article text (CSV / JSON Lines inputs).
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_column: String,
    /// Column holding the article id (default: the row number).
    #[arg(long, value_name = "NAME")]
    pub id_column: Option<String>,
    /// Column holding the title: read as the text's first line (its headline), as an article file's first line is, so its words count.
    #[arg(long, value_name = "NAME")]
    pub title_column: Option<String>,
    /// Column holding the date.
    #[arg(long, value_name = "NAME")]
    pub date_column: Option<String>,
    /// Column holding the group (outlet, period ...).
    #[arg(long, value_name = "NAME")]
    pub group_column: Option<String>,
    /// Reader for article files whose kind neither content nor extension shows (an unknown or no extension, also in folders; a .docx/.odt/.rtf/.pdf that is not one); other files keep their reader.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<FormatArg>,
}

/// The readers `--format` can force.
#[derive(Copy, Clone, Debug, ValueEnum)]
pub enum FormatArg {
    /// Plain text (front matter read if present)
    Txt,
    /// Markdown
    Md,
    /// Saved web page
    Html,
    /// Microsoft Word
    Docx,
    /// OpenDocument text
    Odt,
    /// Rich Text Format
    Rtf,
    /// PDF (text layer)
    Pdf,
}

impl FormatArg {
    /// The library's reader for this choice.
    pub fn format(self) -> crate::model::options::InputFormat {
        use crate::model::options::InputFormat as F;
        match self {
            FormatArg::Txt => F::Text,
            FormatArg::Md => F::Markdown,
            FormatArg::Html => F::Html,
            FormatArg::Docx => F::Docx,
            FormatArg::Odt => F::Odt,
            FormatArg::Rtf => F::Rtf,
            FormatArg::Pdf => F::Pdf,
        }
    }
}

#[derive(Args, Debug)]
pub struct AnalyzeArgs {
    /// Folders, article files (.txt, .md, .html, .docx, .odt, .rtf, .pdf, news-database exports) or tables (.csv, .jsonl).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Output folder (created if needed; only files frame wrote are ever replaced).
    #[arg(long, short, default_value = "reports", value_name = "DIR")]
    pub out: PathBuf,
    /// Language for the stemmer and stop words (ISO code, e.g. en, de, fr).
    #[arg(long, default_value = "en", value_name = "CODE")]
    pub lang: String,
    /// Drop terms found in fewer than N articles.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_df: usize,
    /// Drop terms found in more than F x (number of articles) articles, as scikit-learn does (0 < F <= 1; 1 keeps all).
    #[arg(long, default_value_t = 1.0, value_name = "F")]
    pub max_df: f64,
    /// Keep only the N most frequent terms in the TF-IDF vocabulary (1 to 10,000,000).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
    pub max_features: Option<u64>,
    /// Term-frequency weighting for TF-IDF.
    #[arg(long, value_enum, default_value = "sublinear")]
    pub tf: TfArg,
    /// Terms reported per article (top TF-IDF) and cluster (most distinctive) (1 to 1,000).
    #[arg(long, default_value_t = 10, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub top_terms: u64,
    /// Extra stop words, one per line.
    #[arg(long, value_name = "FILE")]
    pub stopwords: Option<PathBuf>,
    /// Keep boilerplate lines (captions, share prompts, "MORE:" links ...) and sentences repeated across many articles (promotions).
    #[arg(long)]
    pub keep_boilerplate: bool,
    /// Number of clusters (2 to 1,000; default: chosen by silhouette over 2..=10).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(2..=1000))]
    pub k: Option<u64>,
    /// Random seed for clustering.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Compute nearest neighbours even above 5,000 articles (approximate).
    #[arg(long)]
    pub neighbours: bool,
    /// Chart size in pixels, WIDTHxHEIGHT (charts with a row per article grow taller when they need to; white below a chart is cut off).
    #[arg(long, default_value = "1600x1000", value_name = "WxH")]
    pub chart_size: String,
    /// Also write SVG copies of the charts.
    #[arg(long)]
    pub svg: bool,
    /// Also list in evidence.csv the matches that excluded phrases (`safe !safe seat`) dropped, marked in an `excluded` column.
    #[arg(long)]
    pub show_excluded: bool,
    /// Write every CSV with a UTF-8 byte-order mark, so that Excel on Windows shows accented letters right (R and pandas read either).
    #[arg(long)]
    pub excel: bool,
    /// Hide progress and the summary (warnings are still shown).
    #[arg(long, short)]
    pub quiet: bool,
    #[command(flatten)]
    pub table: TableArgs,
    #[command(flatten)]
    pub lexicon_sel: LexiconSelection,
    /// Metadata file: CSV with an id column (article id or file name) and any columns (outlet, date, author ...).
    #[arg(long, value_name = "FILE")]
    pub metadata: Option<PathBuf>,
    /// Compare groups on this column: a metadata column, `group` (subfolder / group column, the default) or `date` (by --period).
    #[arg(long, value_name = "COLUMN")]
    pub group_by: Option<String>,
    /// Period of the timeline and of --group-by date.
    #[arg(long, value_enum, default_value = "month")]
    pub period: PeriodArg,
    /// Bootstrap resamples per article for the 95% intervals of frame scores (0: none; at most 100,000).
    #[arg(long, default_value_t = crate::model::options::DEFAULT_RESAMPLES as u64, value_name = "N", value_parser = clap::value_parser!(u64).range(0..=crate::model::options::MAX_RESAMPLES as u64))]
    pub bootstrap: u64,
}

#[derive(Copy, Clone, Debug, ValueEnum)]
pub enum UnitArg {
    /// One row per sentence
    Sentence,
    /// One row per article
    Article,
}

impl UnitArg {
    /// The library's unit for this choice.
    pub fn unit(self) -> crate::commands::validate::Unit {
        match self {
            UnitArg::Sentence => crate::commands::validate::Unit::Sentence,
            UnitArg::Article => crate::commands::validate::Unit::Article,
        }
    }
}

#[derive(Args, Debug)]
pub struct SampleArgs {
    /// Folders, article files (.txt, .md, .html, .docx, .odt, .rtf, .pdf, news-database exports) or tables (.csv, .jsonl).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Number of units to sample (1 to 1,000,000).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub n: u64,
    /// Random seed: the same seed and corpus give the same sheet.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// What a coder codes: sentences or whole articles.
    #[arg(long, value_enum, default_value = "sentence")]
    pub unit: UnitArg,
    /// Code columns for Semetko & Valkenburg's questions (R1-R5, H1-H4, C1-C4, M1-M3, E1-E3; docs/codebook-generic-frames.md) instead of one per frame; needs --unit article.
    #[arg(long)]
    pub questions: bool,
    /// Write the sheet to FILE (never overwritten) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Write the sheet with a UTF-8 byte-order mark, so that Excel on Windows shows accented letters right (frame agree reads either).
    #[arg(long)]
    pub excel: bool,
    /// Language for the stemmer.
    #[arg(long, default_value = "en", value_name = "CODE")]
    pub lang: String,
    /// Keep boilerplate lines (captions, share prompts, "MORE:" links ...) and sentences repeated across many articles (promotions).
    #[arg(long)]
    pub keep_boilerplate: bool,
    #[command(flatten)]
    pub table: TableArgs,
    #[command(flatten)]
    pub lexicon_sel: LexiconSelection,
}

#[derive(Args, Debug)]
pub struct AgreeArgs {
    /// A filled coding sheet, and optionally a second coder's sheet of the same units.
    #[arg(required = true, num_args = 1..=2, value_name = "CODED.csv")]
    pub sheets: Vec<PathBuf>,
    /// frame codes a unit 1 for a frame when its hits reach this.
    #[arg(long, default_value_t = 1.0, value_name = "HITS")]
    pub threshold: f64,
    /// Write the table as CSV (one row per frame) instead of text.
    #[arg(long)]
    pub csv: bool,
    /// List each lexicon entry that matched a unit, with how many of its units the coder coded 1 and 0 (which entries make frame's false hits); with --csv, every entry and the ids of its units coded 0, instead of the frame table. One sheet only.
    #[arg(long)]
    pub entries: bool,
    /// The corpus the sheet was drawn from (the INPUTs given to frame sample, after the sheet): adds corpus estimates weighted by stratum size.
    #[arg(long, num_args = 1.., value_name = "INPUT")]
    pub corpus: Vec<PathBuf>,
    /// With --corpus: what the sheet's rows are (default: told by the unit ids).
    #[arg(long, value_enum, requires = "corpus")]
    pub unit: Option<UnitArg>,
    /// With --corpus: keep boilerplate lines, as frame sample did when given it.
    #[arg(long, requires = "corpus")]
    pub keep_boilerplate: bool,
    /// Language for the stemmer.
    #[arg(long, default_value = "en", value_name = "CODE")]
    pub lang: String,
    #[command(flatten)]
    pub table: TableArgs,
    #[command(flatten)]
    pub lexicon_sel: LexiconSelection,
}

#[derive(Copy, Clone, Debug, ValueEnum)]
pub enum PeriodArg {
    /// ISO weeks (Monday to Sunday)
    Week,
    /// calendar months
    Month,
    /// calendar years
    Year,
}

#[derive(Args, Debug)]
pub struct ScoreArgs {
    /// A CSV or JSON Lines file; without it, one text per line on stdin.
    #[arg(value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Write JSON Lines instead of CSV.
    #[arg(long)]
    pub json: bool,
    /// Language for the stemmer and stop words.
    #[arg(long, default_value = "en", value_name = "CODE")]
    pub lang: String,
    #[command(flatten)]
    pub table: TableArgs,
    #[command(flatten)]
    pub lexicon_sel: LexiconSelection,
}

fn language(code: &str) -> Result<Language, String> {
    Language::from_code(code).ok_or_else(|| {
        format!(
            "unsupported --lang '{code}'; supported: {}",
            Language::supported().join(", ")
        )
    })
}

fn columns(t: &TableArgs) -> TableColumns {
    TableColumns {
        text: t.text_column.clone(),
        id: t.id_column.clone(),
        title: t.title_column.clone(),
        date: t.date_column.clone(),
        group: t.group_column.clone(),
    }
}

fn chart_size(s: &str) -> Result<(u32, u32), String> {
    let bad = || {
        format!(
            "--chart-size must look like 1600x1000 (width x height, each 300 to 8000), not '{s}'"
        )
    };
    let (w, h) = s
        .to_ascii_lowercase()
        .split_once('x')
        .map(|(w, h)| (w.trim().to_string(), h.trim().to_string()))
        .ok_or_else(bad)?;
    let (w, h): (u32, u32) = (w.parse().map_err(|_| bad())?, h.parse().map_err(|_| bad())?);
    if !(300..=8000).contains(&w) || !(300..=8000).contains(&h) {
        return Err(bad());
    }
    Ok((w, h))
}

impl AnalyzeArgs {
    /// Validates the arguments into library options.
    pub fn to_options(&self) -> Result<Options, String> {
        if !(self.max_df > 0.0 && self.max_df <= 1.0) {
            return Err(format!("--max-df must be in (0, 1], not {}", self.max_df));
        }
        if self.min_df == 0 {
            return Err("--min-df must be at least 1".into());
        }
        // --max-features, --k, --top-terms and --bootstrap are range-checked by clap.
        let mut o = Options::new(self.inputs.clone());
        o.corpus.columns = columns(&self.table);
        o.corpus.format = self.table.format.map(FormatArg::format);
        o.corpus.keep_boilerplate = self.keep_boilerplate;
        o.out = self.out.clone();
        o.lang = language(&self.lang)?;
        o.min_df = self.min_df;
        o.max_df = self.max_df;
        o.max_features = self.max_features.map(|n| n as usize);
        o.tf = match self.tf {
            TfArg::Sublinear => TfWeighting::Sublinear,
            TfArg::Raw => TfWeighting::Raw,
        };
        o.top_terms = self.top_terms as usize;
        o.stopwords_file = self.stopwords.clone();
        o.k = self.k.map(|k| k as usize);
        o.seed = self.seed;
        o.neighbours = self.neighbours;
        o.show_excluded = self.show_excluded;
        o.excel = self.excel;
        o.chart_size = chart_size(&self.chart_size)?;
        o.svg = self.svg;
        o.quiet = self.quiet;
        self.lexicon_sel.apply(&mut o)?;
        o.bootstrap = self.bootstrap as usize;
        o.corpus.metadata = self.metadata.clone();
        o.group_by = self
            .group_by
            .as_ref()
            .map(|g| g.trim().to_string())
            .filter(|g| !g.is_empty());
        o.period = match self.period {
            PeriodArg::Week => crate::model::dates::Period::Week,
            PeriodArg::Month => crate::model::dates::Period::Month,
            PeriodArg::Year => crate::model::dates::Period::Year,
        };
        Ok(o)
    }
}

impl ScoreArgs {
    /// Validates the arguments into library options.
    pub fn to_options(&self) -> Result<Options, String> {
        // Its output is one row of scores per text: a date or group given
        // for it would change nothing, and a user would think it had.
        for (given, flag) in [
            (self.table.date_column.is_some(), "--date-column"),
            (self.table.group_column.is_some(), "--group-column"),
        ] {
            if given {
                return Err(format!(
                    "frame score does not use {flag}: it writes one row of scores per text; \
                     give --id-column and join its output to your table by the id \
                     (frame analyze reads dates and groups)"
                ));
            }
        }
        let mut o = Options::new(self.input.iter().cloned().collect());
        o.corpus.columns = columns(&self.table);
        o.corpus.format = self.table.format.map(FormatArg::format);
        o.lang = language(&self.lang)?;
        self.lexicon_sel.apply(&mut o)?;
        Ok(o)
    }
}

const LEXICON_EXAMPLE: &str = "\
Examples:
  frame lexicon list                          every category: size, source, file
  frame lexicon list --lexicon my.dic         ... with your dictionary added
  frame lexicon show threat                   the entries of one category
  frame lexicon check my_lexicons/            every problem as file:line (exit 1 if any)
  frame lexicon convert LIWC2015.dic my_lex/  one frame .txt file per category";

const KWIC_EXAMPLE: &str = "\
Examples:
  frame kwic attack seeds/                    'attack', 'attacks', 'attacked' ... in context
  frame kwic attack seeds/ --exact            only the form 'attack'
  frame kwic 'knife crime' seeds/ --window 5
  frame kwic threat seeds/ --csv > threat.csv every match of the threat category
  frame kwic threat seeds/ --forms            the word forms each threat entry matched, counted
  frame kwic 'safe !safe seat' seeds/ --show-excluded   'safe', and marked where 'safe seat' drops it";

/// Which lexicons to use: the defaults, plus or instead of your own.
#[derive(Args, Debug, Clone, Default)]
pub struct LexiconSelection {
    /// Your own lexicon: a file (.txt, .dic, .dicx, .yml/.yaml) or a folder of them; repeatable.
    /// A category with a default's name replaces it.
    #[arg(long = "lexicon", value_name = "PATH")]
    pub lexicons: Vec<PathBuf>,
    /// Use only the lexicons given with --lexicon.
    #[arg(long)]
    pub no_default_lexicons: bool,
}

impl LexiconSelection {
    /// Copies the selection into library options.
    pub fn apply(&self, o: &mut Options) -> Result<(), String> {
        if self.no_default_lexicons && self.lexicons.is_empty() {
            return Err("--no-default-lexicons needs at least one --lexicon PATH".into());
        }
        o.lexicons = self.lexicons.clone();
        o.no_default_lexicons = self.no_default_lexicons;
        Ok(())
    }
}

#[derive(Args, Debug)]
pub struct LexiconArgs {
    #[command(subcommand)]
    pub command: LexiconCommand,
}

#[derive(Subcommand, Debug)]
pub enum LexiconCommand {
    /// Every category with its size, source (built-in or yours) and file.
    List(LexiconSelection),
    /// The entries of one category.
    Show {
        /// Category name (see `frame lexicon list`).
        name: String,
        #[command(flatten)]
        sel: LexiconSelection,
    },
    /// Check lexicon files: every problem as file:line; exit 1 if there is any.
    Check {
        /// Lexicon files or folders.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Language of the stemmer and stop words used for the checks.
        #[arg(long, default_value = "en", value_name = "CODE")]
        lang: String,
    },
    /// Convert a lexicon (any format) to frame's .txt format: one file per category in folder OUT.
    Convert {
        /// A lexicon file or folder.
        #[arg(value_name = "IN")]
        input: PathBuf,
        /// Folder to write into (created if needed; existing files are never replaced).
        #[arg(value_name = "OUT")]
        out: PathBuf,
    },
}

#[derive(Args, Debug)]
pub struct KwicArgs {
    /// A word, a phrase ('knife crime'), a wildcard (terror*) or a lexicon category name.
    #[arg(value_name = "TERM")]
    pub term: String,
    /// Folders, article files or tables, as for `frame analyze`.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Words of context on each side.
    #[arg(long, default_value_t = 8, value_name = "N")]
    pub window: usize,
    /// Match the exact word form instead of every form with the same stem.
    #[arg(long)]
    pub exact: bool,
    /// Treat TERM as a word even when a lexicon category has that name.
    #[arg(long)]
    pub word: bool,
    /// Also show, marked "excluded", the matches an entry's excluded phrases (`!phrase`) drop.
    #[arg(long)]
    pub show_excluded: bool,
    /// Write CSV to stdout instead of aligned lines.
    #[arg(long)]
    pub csv: bool,
    /// Instead of the lines, count the word forms each entry matched (to see what a stem or wildcard catches).
    #[arg(long)]
    pub forms: bool,
    /// Language for the stemmer.
    #[arg(long, default_value = "en", value_name = "CODE")]
    pub lang: String,
    /// Keep boilerplate lines (captions, share prompts ...) and sentences repeated across many articles (promotions).
    #[arg(long)]
    pub keep_boilerplate: bool,
    #[command(flatten)]
    pub table: TableArgs,
    #[command(flatten)]
    pub lexicon_sel: LexiconSelection,
}

impl KwicArgs {
    /// Validates the arguments into library options.
    pub fn to_options(&self) -> Result<Options, String> {
        if self.window == 0 || self.window > 100 {
            return Err(format!(
                "--window must be 1 to 100 words, not {}",
                self.window
            ));
        }
        let mut o = Options::new(self.inputs.clone());
        o.corpus.columns = columns(&self.table);
        o.corpus.format = self.table.format.map(FormatArg::format);
        o.corpus.keep_boilerplate = self.keep_boilerplate;
        o.lang = language(&self.lang)?;
        o.quiet = true;
        self.lexicon_sel.apply(&mut o)?;
        Ok(o)
    }
}

/// The `--lang` of `frame lexicon check`.
pub fn check_language(code: &str) -> Result<Language, String> {
    language(code)
}

impl SampleArgs {
    /// Validates the arguments into library options and sampling parameters.
    pub fn to_options(
        &self,
    ) -> Result<(Options, crate::commands::validate::sample::SampleParams), String> {
        if self.n == 0 {
            return Err("--n must be at least 1".into());
        }
        let mut o = Options::new(self.inputs.clone());
        o.corpus.columns = columns(&self.table);
        o.corpus.format = self.table.format.map(FormatArg::format);
        o.corpus.keep_boilerplate = self.keep_boilerplate;
        o.lang = language(&self.lang)?;
        o.seed = self.seed;
        self.lexicon_sel.apply(&mut o)?;
        let unit = self.unit.unit();
        if self.questions && unit != crate::commands::validate::Unit::Article {
            return Err(
                "--questions asks Semetko & Valkenburg's questions of whole articles: add --unit article"
                    .into(),
            );
        }
        Ok((
            o,
            crate::commands::validate::sample::SampleParams {
                n: self.n as usize,
                seed: self.seed,
                unit,
                questions: self.questions,
            },
        ))
    }
}

impl AgreeArgs {
    /// Validates the arguments into library options (the corpus of
    /// `--corpus`, read as `frame sample` reads it) and what `--corpus` asks.
    pub fn to_options(
        &self,
    ) -> Result<
        (
            Options,
            Option<crate::commands::validate::estimates::CorpusRequest>,
        ),
        String,
    > {
        if !(self.threshold.is_finite() && self.threshold > 0.0) {
            return Err(format!(
                "--threshold must be above 0, not {}",
                self.threshold
            ));
        }
        let t = &self.table;
        let table_flag = [
            (t.text_column != "text", "--text-column"),
            (t.id_column.is_some(), "--id-column"),
            (t.title_column.is_some(), "--title-column"),
            (t.date_column.is_some(), "--date-column"),
            (t.group_column.is_some(), "--group-column"),
            (t.format.is_some(), "--format"),
        ]
        .into_iter()
        .find_map(|(given, name)| given.then_some(name));
        if let (Some(flag), true) = (table_flag, self.corpus.is_empty()) {
            return Err(format!(
                "{flag} tells how to read the corpus: give it with --corpus INPUT..."
            ));
        }
        let mut o = Options::new(self.corpus.clone());
        o.corpus.columns = columns(&self.table);
        o.corpus.format = self.table.format.map(FormatArg::format);
        o.corpus.keep_boilerplate = self.keep_boilerplate;
        o.lang = language(&self.lang)?;
        self.lexicon_sel.apply(&mut o)?;
        let request = (!self.corpus.is_empty()).then(|| {
            crate::commands::validate::estimates::CorpusRequest {
                unit: self.unit.map(UnitArg::unit),
            }
        });
        Ok((o, request))
    }
}
