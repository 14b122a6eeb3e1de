//! The result model: everything a run found, as plain serialisable structs.
//! Report writers (CSV, JSON, charts, HTML, Markdown) see only these types,
//! never tokens, ndarray or linfa.

pub mod coverage;
pub mod dates;
pub mod error;
mod example;
pub mod findings;
pub mod language;
pub mod numbers;
pub mod options;
pub mod pairs;
pub mod reader;
pub mod removed;
pub mod serde_blocks;
mod unscored;

pub use dates::{DominatedPeriod, GroupLine, PeriodPoint, Timeline};
#[doc(hidden)]
pub use example::{example, example_lexicon};
use serde::Serialize;

/// The file in an output folder that lists what frame wrote there; a folder
/// holding one is frame's, never read as articles.
pub const MANIFEST: &str = ".frame-manifest";

/// Name of the threat frame: with [`REASSURANCE`], the pair that negation
/// moves matches between and the threat balance compares.
pub const THREAT: &str = "threat";
/// Name of the reassurance frame.
pub const REASSURANCE: &str = "reassurance";
use std::sync::Arc;

/// The complete result of `frame analyze`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Analysis {
    /// frame's version: the package version and the git commit it was built
    /// from ("0.1.0+1a2b3c4d5e6f"; ".modified" with uncommitted changes).
    pub frame_version: String,
    /// Every parameter of the run, so it can be cited and repeated.
    pub parameters: Parameters,
    /// Every input file read, with its SHA-256.
    pub inputs: Vec<InputRecord>,
    /// Files or rows that were skipped, and why.
    pub skipped: Vec<Skipped>,
    /// Non-fatal warnings raised during the run (decoding fallbacks and the like).
    pub warnings: Vec<String>,
    /// Frame categories in output order (lexicon file names).
    pub frames: Vec<String>,
    /// The lexicons used.
    pub lexicons: Vec<LexiconInfo>,
    /// One entry per analysed article, in corpus order.
    #[serde(serialize_with = "serde_blocks::articles_field")]
    pub articles: Vec<ArticleResult>,
    /// Corpus-level vocabulary figures.
    pub vocabulary: VocabularyInfo,
    /// Clustering and similarity; `None` when there are fewer than 3 articles.
    pub clustering: Option<Clustering>,
    /// Plain-language cautions about fragile results (few articles, few hits ...).
    pub notes: Vec<String>,
    /// Quoted speakers across the corpus (see `voices.rs`), most quoted words first.
    pub speakers: Vec<SpeakerScore>,
    /// How much of the corpus each lexicon category matches, and the most
    /// frequent words no lexicon matches (`coverage.csv`).
    pub coverage: coverage::Coverage,
    /// Articles compared by group (outlet, period, metadata column): see `groups.rs`.
    pub groups: Option<GroupComparison>,
    /// Key terms of each group and each cluster against the rest: see `keyness.rs`.
    pub keyness: Option<Keyness>,
    /// Strongly associated two- and three-word sequences: see `collocations.rs`.
    pub collocations: Option<Collocations>,
    /// Frame shares per period; `None` when no article has a usable date.
    pub timeline: Option<Timeline>,
    /// What the report says first: group differences, the most framed
    /// articles and the cautions that apply (see `findings.rs`).
    pub findings: findings::Findings,
    /// The texts and marks of the articles the reader shows (the first
    /// [`READER_MAX`] articles), in corpus order; not in analysis.json.
    #[serde(skip)]
    pub reader: Vec<reader::ReaderText>,
    /// The texts and marks of the articles beyond the first [`READER_MAX`]
    /// that the report names (summary, findings, its tables), by article
    /// index, ascending: every article the report points to can be read
    /// marked. Not in analysis.json.
    #[serde(skip)]
    pub reader_named: Vec<(usize, reader::ReaderText)>,
}

impl Analysis {
    /// Whether the article reader holds article `i` (0-based, corpus order).
    pub fn in_reader(&self, i: usize) -> bool {
        (i < READER_MAX && i < self.articles.len())
            || self
                .reader_named
                .binary_search_by_key(&i, |(j, _)| *j)
                .is_ok()
    }
}

/// Most articles the reader pages show; beyond them `frame kwic` shows any match in context.
pub const READER_MAX: usize = 2000;

/// Sentences an article needs to be named as the most negative or positive
/// in the summary: with fewer, one strong sentence decides its mean.
pub const MIN_SENTENCES_TO_LEAD: usize = 5;

/// Parameters of a run (no paths to the output folder, no clock times).
#[derive(Debug, Clone, Serialize, Default)]
pub struct Parameters {
    pub lang: String,
    pub min_df: usize,
    pub max_df: f64,
    pub max_features: Option<usize>,
    pub tf: String,
    pub idf: String,
    pub top_terms: usize,
    pub keep_boilerplate: bool,
    pub extra_stopwords: Option<String>,
    pub stopword_list: String,
    pub stemmer: String,
    pub k: Option<usize>,
    pub seed: u64,
    pub negation_window: usize,
    /// Words before a reassurance match searched for a condition or hope
    /// ("if", "until", "hope" ...) that leaves it unasserted.
    pub condition_window: usize,
    pub text_column: String,
    pub id_column: Option<String>,
    /// Bootstrap resamples per article for the frame-score intervals (0 = none).
    pub bootstrap_resamples: usize,
    /// For table input: the column holding titles (not set: first line of the text).
    pub title_column: Option<String>,
    /// For table input: the column holding dates.
    pub date_column: Option<String>,
    /// For table input: the column holding groups.
    pub group_column: Option<String>,
    /// Metadata file (CSV keyed by article id), as given.
    pub metadata: Option<String>,
    /// Column the groups are compared on (`--group-by`).
    pub group_by: Option<String>,
    /// Period of the timeline and of `--group-by date`.
    pub period: String,
    /// The user's lexicon files and folders (`--lexicon`), as given, in order.
    pub lexicon_paths: Vec<String>,
    /// Whether only the user's lexicons were used (`--no-default-lexicons`).
    pub no_default_lexicons: bool,
    /// Whether nearest neighbours were computed for very large corpora too.
    pub neighbours: bool,
    /// Chart width in pixels.
    pub chart_width: u32,
    /// Chart height in pixels.
    pub chart_height: u32,
    /// Whether SVG copies of the charts were written.
    pub svg: bool,
    /// Whether evidence.csv also lists the matches excluded phrases dropped
    /// (`--show-excluded`; left out of analysis.json when off).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub show_excluded: bool,
    /// Whether every CSV begins with a UTF-8 byte-order mark for Excel
    /// (`--excel`; left out of analysis.json when off, as the CSVs are then
    /// as before).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub excel: bool,
}

/// One input file and its content hash.
#[derive(Debug, Clone, Serialize)]
pub struct InputRecord {
    /// Path as given on the command line or found in a folder (relative when given relative).
    pub path: String,
    /// Hex SHA-256 of the raw bytes.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: u64,
}

/// A file or row that could not be used.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    /// Path (and row, for tables) of what was skipped.
    pub source: String,
    /// Why, in plain words.
    pub reason: String,
}

impl std::fmt::Display for Skipped {
    /// The warning every command prints for it: "skipped SOURCE: REASON".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "skipped {}: {}", self.source, self.reason)
    }
}

/// A lexicon category as loaded.
#[derive(Debug, Clone, Serialize)]
pub struct LexiconInfo {
    /// Category name (the file stem): its column name in every output.
    pub name: String,
    /// One-line description from the file header.
    pub description: String,
    /// Sources cited in the file header.
    pub sources: Vec<String>,
    /// Number of entries.
    pub entries: usize,
    /// File it was read from.
    pub file: String,
    /// "frame" for frame categories, "sentiment" for the sentiment lexicon.
    pub kind: String,
    /// A default lexicon as frame ships it (not replaced by the user's file).
    pub builtin: bool,
    /// Hex SHA-256 of the text the lexicon was read from (the file's bytes,
    /// or the text built into frame for a default), so that a run names the
    /// exact word list it used; empty when the file could not be read again.
    pub sha256: String,
    /// How well this lexicon's scores matched human frame coding
    /// (docs/validity.md); empty for lexicons that were not measured (the
    /// user's own, a replaced default, sentiment).
    pub validity: Vec<FrameValidity>,
}

/// One measurement of a default frame lexicon against human-coded news
/// (validation/run writes them; docs/validity.md explains them).
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct FrameValidity {
    /// Data set ("semeval", "frac", "news-sv").
    pub dataset: String,
    /// The human labels counted as the frame.
    pub labels: String,
    /// How close those labels are to the frame ("close", "loose (...)").
    pub mapping: String,
    /// Texts carrying the labels.
    pub positives: usize,
    /// Texts in the data set.
    pub n: usize,
    /// AUC of the per-1,000 score against the labels.
    pub auc: f64,
    /// Lower end of its bootstrap 95% interval.
    pub auc_low: f64,
    /// Upper end of its bootstrap 95% interval.
    pub auc_high: f64,
}

/// Corpus-level vocabulary figures.
#[derive(Debug, Clone, Serialize, Default)]
pub struct VocabularyInfo {
    /// Distinct stems before pruning.
    pub types_total: usize,
    /// Stems kept in the TF-IDF vocabulary after --min-df/--max-df/--max-features.
    pub types_kept: usize,
    /// Total words in the corpus.
    pub words_total: usize,
}

/// Everything found for one article.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ArticleResult {
    /// Unique id (file stem, subfolder path where stems clash, or id column).
    pub id: String,
    /// Path, or path:row for tables.
    pub source: String,
    /// Title (first non-boilerplate line, or the title column).
    pub title: String,
    /// Short title for chart labels (truncated with an ellipsis).
    pub short_title: String,
    pub date: Option<String>,
    /// The date the article's source gave when frame could not read it (as
    /// given; `date` is then empty): counted apart in the timeline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unread_date: Option<String>,
    pub group: Option<String>,
    /// Metadata the article's file gave, by lower-case key (front matter,
    /// a news-database export's header, a web page's meta data, table columns,
    /// `--metadata`); left out of `analysis.json` when there is none.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub meta: std::collections::BTreeMap<String, String>,
    /// Word tokens in the text: the denominator of every per-1,000 figure.
    pub words: usize,
    /// Tokens left after stop words (the ones vectorised).
    pub tokens: usize,
    /// Distinct stems.
    pub types: usize,
    /// Lines dropped as boilerplate.
    pub boilerplate_lines: usize,
    /// What was dropped, one entry per piece counted in `boilerplate_lines`
    /// (`removed.csv`); not in analysis.json.
    #[serde(skip)]
    pub removed: Vec<removed::Removal>,
    /// Replacement characters (U+FFFD) in the text and title: characters
    /// damaged before frame read them (a word holding one is never read).
    pub damaged_characters: usize,
    /// SHA-256 of the article text.
    pub sha256: String,
    /// Sentiment aggregated over sentences.
    pub sentiment: SentimentSummary,
    /// (threat - reassurance) / (threat + reassurance) on per-1,000 scores;
    /// `None` (empty in CSV, null in JSON) when both are 0.
    pub threat_balance: Option<f64>,
    /// Lower end of the seeded 95% bootstrap interval of `sentiment.compound`
    /// (sentences resampled); `None` with fewer than two sentences.
    pub sentiment_ci_low: Option<f64>,
    /// Upper end of that interval.
    pub sentiment_ci_high: Option<f64>,
    /// Lower end of the seeded 95% bootstrap interval of threat minus
    /// reassurance per 1,000 words (the same resamples, paired): an interval
    /// that holds 0 means the article's lean may rest on a few sentences.
    /// `None` without an interval or without both frames.
    pub threat_minus_reassurance_ci_low: Option<f64>,
    /// Upper end of that interval.
    pub threat_minus_reassurance_ci_high: Option<f64>,
    /// One score per frame, in `Analysis::frames` order.
    pub frames: Vec<FrameScore>,
    /// Top TF-IDF terms, best first.
    pub top_terms: Vec<TermScore>,
    /// The sentence with the highest threat score (if any threat hit).
    pub most_threatening: Option<SentenceRef>,
    /// The sentence with the highest reassurance score (if any reassurance hit).
    pub most_reassuring: Option<SentenceRef>,
    /// Every sentence with its scores, for close reading.
    pub sentences: Vec<SentenceScore>,
    /// Narration and quoted speech (one entry per speaker), scored separately.
    pub voices: Vec<VoiceScore>,
    /// Every quote found, with its speaker (not a phrase of at most
    /// [`PHRASE_MAX_WORDS`] words with no speaker: see there).
    pub quotes: Vec<QuoteInfo>,
    /// Headline, lead and body, scored separately.
    pub positions: Vec<PositionScore>,
}

/// Most words of a phrase in quotation marks that, when no rule names its
/// speaker, is read as the outlet's own words (scare quotes, a title, a
/// nickname), not as a quotation: it stays in the narration and is no
/// quote of `voices.csv`, `speakers.csv`, the report or `analysis.json`.
pub const PHRASE_MAX_WORDS: usize = 3;

/// Fewest words of a voice (a speaker's quotes in an article, or across
/// the corpus) whose frame rates per 1,000 words are given: on fewer, one
/// matched word is a rate of 50 or more (a one-word quote scores 1,000),
/// above any article's, so voices.csv and speakers.csv leave the rates
/// empty and the report cites none, as it cautions against articles too
/// short to be read as one. About one sentence.
pub const RATE_MIN_WORDS: usize = 20;

/// Whether a voice of `words` words gets frame rates ([`RATE_MIN_WORDS`]):
/// the one test the CSV files, the JSON, the report and the chart share.
pub fn voice_has_rates(words: usize) -> bool {
    words >= RATE_MIN_WORDS
}

/// Frame scores and sentiment of one voice of an article: its narration, or
/// the quotes of one speaker. Serialised by `unscored.rs` (null rates
/// without words).
#[derive(Debug, Clone, Default)]
pub struct VoiceScore {
    /// "narration" or "quote".
    pub voice: String,
    /// Speaker, one name per person in the article (empty for narration and unattributed quotes).
    pub speaker: String,
    /// Quotes in this row (0 for narration).
    pub quotes: usize,
    /// Word tokens in this voice.
    pub words: usize,
    /// Sentiment over the sentence pieces of this voice.
    pub sentiment: SentimentSummary,
    /// Sentence pieces the sentiment averages over.
    pub sentences: usize,
    /// Weighted hits per frame, in `Analysis::frames` order.
    pub hits: Vec<f64>,
    /// Hits per 1,000 words of this voice, in `Analysis::frames` order.
    pub per_1k: Vec<f64>,
}

/// One quote of an article.
#[derive(Debug, Clone, Serialize, Default)]
pub struct QuoteInfo {
    /// Speaker (empty when unattributed): as written, or the full name the article gave the same person (see `written`).
    pub speaker: String,
    /// The attribution rule that named the speaker ("said X", "X said", "according to X", "X:").
    pub rule: String,
    /// The quoted words (long quotes are cut with an ellipsis).
    pub text: String,
    /// Word tokens in the quote.
    pub words: usize,
    /// The speaker as the text names them ("Mr Davis", "the president") where `speaker` differs; else empty.
    pub written: String,
}

/// One quoted speaker across the corpus.
#[derive(Debug, Clone, Serialize, Default)]
pub struct SpeakerScore {
    /// Speaker as the voices name them (the most frequent spelling; empty = unattributed quotes).
    pub speaker: String,
    /// Articles quoting this speaker.
    pub articles: usize,
    /// Quotes.
    pub quotes: usize,
    /// Quoted words.
    pub words: usize,
    /// Weighted hits per frame.
    pub hits: Vec<f64>,
    /// Hits per 1,000 quoted words.
    pub per_1k: Vec<f64>,
    /// Mean compound sentiment of the quoted sentence pieces.
    pub sentiment: f64,
    /// Sentence pieces the sentiment averages over.
    pub sentences: usize,
}

/// Frame scores and sentiment of one part of an article. Serialised by
/// `unscored.rs` (null rates without words).
#[derive(Debug, Clone, Default)]
pub struct PositionScore {
    /// "headline", "lead" or "body".
    pub part: String,
    /// Word tokens in the part (0 = the article has no such part).
    pub words: usize,
    /// Sentiment over the part's sentence pieces.
    pub sentiment: SentimentSummary,
    /// Weighted hits per frame, in `Analysis::frames` order.
    pub hits: Vec<f64>,
    /// Hits per 1,000 words of the part.
    pub per_1k: Vec<f64>,
}

/// Sentiment of an article or sentence (VADER-style).
#[derive(Debug, Clone, Copy, Serialize, Default, PartialEq)]
pub struct SentimentSummary {
    /// Compound score in [-1, 1].
    pub compound: f64,
    /// Share of positive weight, [0, 1].
    pub positive: f64,
    /// Share of negative weight, [0, 1].
    pub negative: f64,
    /// Share of neutral weight, [0, 1].
    pub neutral: f64,
}

/// Score of one frame in one article.
#[derive(Debug, Clone, Serialize, Default)]
pub struct FrameScore {
    /// Frame category name.
    pub frame: String,
    /// Weighted matches (negated matches of threat/reassurance move to the other side).
    pub hits: f64,
    /// Hits per 1,000 words.
    pub per_1k: f64,
    /// Share of this article's frame hits, [0, 1].
    pub share: f64,
    /// Matched terms, most frequent first, with an example sentence each.
    pub evidence: Vec<Evidence>,
    /// Matches that an entry's excluded phrases dropped (they do not count),
    /// as evidence rows; only with `--show-excluded`, else empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub excluded: Vec<Evidence>,
    /// Lower end of the 95% bootstrap interval of `per_1k` (resampling sentences;
    /// `None` with fewer than two sentences or `--bootstrap 0`). See `bootstrap.rs`.
    pub ci_low: Option<f64>,
    /// Upper end of the 95% bootstrap interval of `per_1k`.
    pub ci_high: Option<f64>,
}

/// A matched lexicon term in an article.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    /// Surface form as it appears in the article (most frequent form).
    pub term: String,
    /// The lexicon entry that matched.
    pub entry: String,
    /// Number of matches.
    pub count: usize,
    /// The entry's weight: its matches add `count` times this to the frame's hits.
    pub weight: f64,
    /// First sentence where it matched (shared with the article's sentence
    /// list: the same text is not held twice); a sentence of more than
    /// `text::window::MAX_QUOTE_WORDS` words is a window of words around
    /// the match, "…" marking the cuts.
    pub example_sentence: Arc<str>,
}

/// A TF-IDF term of an article.
#[derive(Debug, Clone, Serialize)]
pub struct TermScore {
    /// 1-based rank within the article.
    pub rank: usize,
    /// Most frequent surface form of the stem in the corpus (shared by
    /// every article that lists the term: a million copies at 100,000
    /// articles otherwise).
    pub term: Arc<str>,
    /// The stem (shared likewise).
    pub stem: Arc<str>,
    /// Times the stem occurs in the article (the weight's tf is computed
    /// from it, 1 + ln(count) by default).
    pub count: usize,
    /// Number of articles containing the stem.
    pub df: usize,
    /// L2-normalised TF-IDF weight.
    pub tfidf: f64,
}

/// A sentence quoted as evidence.
#[derive(Debug, Clone, Serialize)]
pub struct SentenceRef {
    /// 1-based sentence number in the article.
    pub sentence_no: usize,
    /// The sentence text (shared with the article's sentence list), or a
    /// window of words around its first hit when long (as evidence).
    pub text: Arc<str>,
    /// The frame hits that selected it.
    pub hits: f64,
}

/// Scores of one sentence (serialised in `unscored.rs`: no sentiment for
/// a sentence of 0 words).
#[derive(Debug, Clone)]
pub struct SentenceScore {
    /// 1-based sentence number.
    pub sentence_no: usize,
    /// The sentence text, whitespace runs as single spaces.
    pub text: Arc<str>,
    /// Word tokens in the sentence (the article's `words` is their sum); a
    /// sentence of 0 words has no part in the article's sentiment.
    pub words: usize,
    /// Compound sentiment in [-1, 1]; written only for a sentence of words.
    pub sentiment: f64,
    /// Hits per frame, in `Analysis::frames` order.
    pub hits: Vec<f64>,
}

/// Clustering and similarity of the articles.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Clustering {
    /// Plain description of the method (reduction, algorithm, restarts).
    pub method: String,
    /// Number of clusters used.
    pub k: usize,
    /// "silhouette" when chosen automatically, "fixed" when given with --k.
    pub k_chosen_by: String,
    /// RNG seed.
    pub seed: u64,
    /// KMeans restarts per k.
    pub n_runs: usize,
    /// Mean silhouette for every k tried.
    pub k_scores: Vec<KScore>,
    /// Mean silhouette of the chosen clustering.
    pub silhouette: f64,
    /// When silhouette was computed on a sample: its size.
    pub silhouette_sample: Option<usize>,
    /// Dimensions the vectors were reduced to before clustering (None = not reduced).
    pub reduced_dims: Option<usize>,
    /// Clusters, by id.
    pub clusters: Vec<ClusterInfo>,
    /// One row per article, in corpus order.
    pub assignments: Vec<Assignment>,
    /// Full cosine-similarity matrix (small corpora only).
    pub similarity: Option<SimilarityMatrix>,
    /// Mean cosine similarity (TF-IDF rows) between the articles of every pair
    /// of clusters, rows and columns in cluster order; the diagonal leaves out
    /// each article's similarity with itself (None for a one-article cluster).
    /// Exact for any corpus size: it only needs each cluster's vector sum.
    pub cluster_similarity: Vec<Vec<Option<f64>>>,
    /// Notes on what was or was not computed (sampling, skipped similarity ...).
    pub notes: Vec<String>,
}

/// Writes a 0-based cluster index as the 1-based number users read everywhere.
fn one_based<S: serde::Serializer>(id: &usize, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u64(*id as u64 + 1)
}

/// Mean silhouette for one k.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct KScore {
    pub k: usize,
    pub silhouette: f64,
}

/// Terms in a cluster's label (chosen from its most distinctive terms, see
/// `similarity::cluster::describe`).
pub const LABEL_TERMS: usize = 3;

/// Description of one cluster.
#[derive(Debug, Clone, Serialize)]
pub struct ClusterInfo {
    /// Cluster number. 0-based in memory (an index into `clusters`), but
    /// written 1-based to analysis.json, like every other place a user reads
    /// it (clusters.csv, the report, the charts, keyness): "Cluster 1" is id 1.
    #[serde(serialize_with = "one_based")]
    pub id: usize,
    /// Label made of [`LABEL_TERMS`] distinctive terms, those that a fair
    /// share of the members use first (so not always the first top terms).
    pub label: String,
    /// The label's terms, in label order, each with the number of member
    /// articles that use it (a label term can lie beyond `top_terms`).
    pub label_terms: Vec<WeightedTerm>,
    /// Number of articles.
    pub size: usize,
    /// The most distinctive terms: centroid weight minus the term's mean
    /// weight in the other articles, highest first (only terms above 0).
    pub top_terms: Vec<WeightedTerm>,
    /// Id of the article closest to the centroid.
    pub central_article: String,
}

/// A term with a weight.
#[derive(Debug, Clone, Serialize)]
pub struct WeightedTerm {
    /// Surface form.
    pub term: String,
    /// Stem.
    pub stem: String,
    /// Weight (for a cluster's terms: centroid TF-IDF minus the mean TF-IDF
    /// of the other articles).
    pub weight: f64,
    /// How many of the cluster's articles use the term.
    pub articles: usize,
}

/// Where one article landed.
#[derive(Debug, Clone, Serialize)]
pub struct Assignment {
    pub article_id: String,
    /// Cluster index, 0-based in memory, written 1-based (see `ClusterInfo::id`).
    #[serde(serialize_with = "one_based")]
    pub cluster: usize,
    pub cluster_label: String,
    /// Silhouette of this article (None when not computed, e.g. outside the sample).
    pub silhouette: Option<f64>,
    /// 2-D map coordinates.
    pub x: f64,
    pub y: f64,
    /// Most similar other article.
    pub nearest_id: Option<String>,
    /// Its cosine similarity.
    pub nearest_similarity: Option<f64>,
}

/// Full pairwise cosine similarity, rows and columns in `ids` order.
#[derive(Debug, Clone, Serialize)]
pub struct SimilarityMatrix {
    pub ids: Vec<String>,
    pub values: Vec<Vec<f64>>,
}

/// Articles compared by group: counts, means and their uncertainty.
#[derive(Debug, Clone, Serialize, Default)]
pub struct GroupComparison {
    /// What the groups are ("group" = subfolder / group column, a metadata column, or "date").
    pub group_by: String,
    /// Measures compared, in column order: every frame (per 1,000 words), then "sentiment".
    pub measures: Vec<String>,
    /// Bootstrap resamples behind each confidence interval.
    pub resamples: usize,
    /// Seed of the bootstrap (from `--seed`).
    pub seed: u64,
    /// Confidence level of the intervals (0.95).
    pub confidence: f64,
    /// One entry per group, sorted by name (articles without a value last, as "(none)").
    pub groups: Vec<GroupStats>,
    /// Plain-language notes (one group only, small groups ...).
    pub notes: Vec<String>,
    /// Differences of every measure between groups with bootstrap intervals:
    /// the one pair when there are two groups, each group against the rest
    /// when there are more (see `stats/differences.rs`).
    pub differences: Vec<findings::GroupDifference>,
    /// With three or more named groups, every pair of them on every
    /// measure, from the same bootstrap draws, Holm-adjusted over the pairs
    /// alone (see `stats/pairs.rs`); empty with fewer groups.
    pub pairs: Vec<pairs::GroupPair>,
}

/// One group's articles and summary statistics.
#[derive(Debug, Clone, Serialize, Default)]
pub struct GroupStats {
    /// Group name.
    pub name: String,
    /// Number of articles.
    pub articles: usize,
    /// One summary per measure, in `GroupComparison::measures` order.
    pub stats: Vec<MeasureSummary>,
}

/// Mean of one measure in one group, with its spread.
#[derive(Debug, Clone, Serialize, Default)]
pub struct MeasureSummary {
    /// Frame name or "sentiment".
    pub measure: String,
    /// Mean over the group's articles.
    pub mean: f64,
    /// Sample standard deviation (n - 1); `None` with one article.
    pub sd: Option<f64>,
    /// Lower end of the bootstrap percentile interval; `None` with one article.
    pub ci_low: Option<f64>,
    /// Upper end of the bootstrap percentile interval; `None` with one article.
    pub ci_high: Option<f64>,
}

/// Keyness: terms over- and under-represented in each group (and cluster) against the rest.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Keyness {
    /// Formulas, in words.
    pub method: String,
    /// Least total frequency (group + rest) a term needs to be listed.
    pub min_freq: usize,
    /// Terms listed per direction (over / under) and comparison.
    pub top: usize,
    /// One comparison per group, then one per cluster.
    pub comparisons: Vec<KeynessComparison>,
    /// Plain-language notes (why groups or clusters were not compared ...).
    pub notes: Vec<String>,
}

/// One group (or cluster) against all other articles.
#[derive(Debug, Clone, Serialize, Default)]
pub struct KeynessComparison {
    /// "group" or "cluster".
    pub by: String,
    /// Group name, or "Cluster N" for clusters (1-based, as in the report).
    pub group: String,
    /// Articles in the group.
    pub articles: usize,
    /// Non-stop tokens in the group.
    pub tokens_group: usize,
    /// Non-stop tokens in the rest of the corpus.
    pub tokens_rest: usize,
    /// Over-represented terms (largest G2 first), then under-represented ones.
    pub terms: Vec<KeyTerm>,
}

/// A key term with its raw counts and statistics.
#[derive(Debug, Clone, Serialize, Default)]
pub struct KeyTerm {
    /// Most frequent surface form of the stem.
    pub term: String,
    /// The stem counted.
    pub stem: String,
    /// Count in the group.
    pub freq_group: usize,
    /// Count in the rest.
    pub freq_rest: usize,
    /// Articles of the group that use the term (AntConc's range): a high
    /// count in one article is no pattern of the group.
    pub articles_group: usize,
    /// Articles of the rest that use the term.
    pub articles_rest: usize,
    /// Dunning's log-likelihood G2, signed: negative when under-represented (as quanteda).
    pub g2: f64,
    /// Hardie's log ratio: log2 of the ratio of relative frequencies (positive = over-represented).
    pub log_ratio: f64,
    /// p-value of G2 under chi-square with 1 degree of freedom.
    pub p_value: f64,
}

/// Collocations: two- and three-word sequences that occur together more than chance.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Collocations {
    /// Association measure ("G2").
    pub measure: String,
    /// Least frequency of a listed sequence.
    pub min_freq: usize,
    /// Sequences listed per scope and length.
    pub top: usize,
    /// The rules (sentence boundaries, punctuation, stop words), in words.
    pub method: String,
    /// Every listed sequence: scope "all" first, then each group.
    pub items: Vec<Collocation>,
}

/// One collocation.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Collocation {
    /// "all" or a group name.
    pub scope: String,
    /// The words, lower-case, separated by spaces.
    pub ngram: String,
    /// Number of words (2 or 3).
    pub n: usize,
    /// Occurrences in the scope.
    pub freq: usize,
    /// Association score (see `Collocations::measure`).
    pub score: f64,
}
