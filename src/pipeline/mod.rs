//! The `analyze` pipeline: corpus -> tokens -> TF-IDF -> clusters -> scores
//! -> [`Analysis`], then the writers. Each stage takes the previous stage's
//! output by reference; nothing calls back into an earlier stage.

use crate::input::{self, Corpus};
use crate::lexicon::{self, Lexicon};
use crate::model::error::{Error, Result};
use crate::model::options::Options;
use crate::model::*;
use crate::output::OutputDir;
use crate::report::{self, OutputFile};
use crate::scoring::sentiment::{SentimentAnalyzer, SentimentLexicon};
use crate::scoring::{FrameScorer, DEFAULT_NEGATION_WINDOW};
use crate::similarity::cluster::{self, ClusterInput, ClusterParams};
use crate::similarity::tfidf::{self, TfIdfParams};
use crate::text::filters::StopWords;
use crate::text::tokens;
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

/// What a finished run wrote, for the closing summary.
#[derive(Debug, Clone)]
pub struct RunSummary {
    /// Articles analysed.
    pub articles: usize,
    /// Files written (names inside the output folder).
    pub written: Vec<String>,
    /// Outputs not written because a file of the user's has that name.
    pub protected: Vec<String>,
}

/// Stage timer: prints per-stage wall time to stderr when `FRAME_TIMINGS` is
/// set (the benchmark reads it); never part of any output file.
struct Stages {
    on: bool,
    last: Instant,
    bar: Option<indicatif::ProgressBar>,
}

impl Stages {
    fn new(quiet: bool) -> Self {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let b = indicatif::ProgressBar::new_spinner();
            b.enable_steady_tick(std::time::Duration::from_millis(120));
            b
        });
        Stages {
            on: std::env::var_os("FRAME_TIMINGS").is_some(),
            last: Instant::now(),
            bar,
        }
    }

    fn done(&mut self, stage: &str, next: &str) {
        if self.on {
            eprintln!("timing {stage} {:.3}s", self.last.elapsed().as_secs_f64());
        }
        if let Some(b) = &self.bar {
            b.set_message(next.to_string());
        }
        self.last = Instant::now();
    }

    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

/// Reads the stop-word list for the language plus an optional extra file
/// (one word per line, `#` comments).
pub fn stop_words(opts: &Options) -> Result<StopWords> {
    let mut words: Vec<String> = opts
        .lang
        .stop_words()
        .iter()
        .map(|s| s.to_string())
        .collect();
    if let Some(p) = &opts.stopwords_file {
        let text = std::fs::read_to_string(p).map_err(|e| Error::Input {
            path: p.clone(),
            message: if p.is_dir() {
                "--stopwords needs a file (one word per line), not a folder".into()
            } else if e.kind() == std::io::ErrorKind::InvalidData {
                "cannot read stop-word file: it is not UTF-8 text".into()
            } else {
                format!("cannot read stop-word file: {e}")
            },
        })?;
        words.extend(
            text.lines()
                .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
                .filter(|l| !l.is_empty()),
        );
    }
    Ok(StopWords::new(words))
}

/// The lexicons of a run: the defaults (embedded copies of `lexicons/*.txt`)
/// unless `--no-default-lexicons`, plus or replaced by the user's
/// `--lexicon` files. A malformed lexicon is an error listing every problem.
pub fn lexicons(opts: &Options) -> Result<Vec<Lexicon>> {
    Ok(lexicon_set(opts)?.lexicons)
}

/// Like [`lexicons`], with each category's origin and the loading warnings.
pub fn lexicon_set(opts: &Options) -> Result<lexicon::LexiconSet> {
    lexicon::load_set(&opts.lexicons, opts.no_default_lexicons)
        .map_err(|errs| Error::Lexicon(errs.iter().map(|e| e.to_string()).collect()))
}

/// Chart labels: the title cut at a word boundary to about `max` characters.
pub fn short_title(title: &str, max: usize) -> String {
    let t = title.trim();
    if t.chars().count() <= max {
        return t.to_string();
    }
    let cut: String = t.chars().take(max - 1).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '-', ' ']))
}

/// Runs the analysis on an already-read corpus.
pub fn analyze_corpus(corpus: &Corpus, opts: &Options) -> Result<Analysis> {
    let mut stages = Stages::new(opts.quiet || corpus.documents.len() < 200);
    let stop = stop_words(opts)?;
    let tc = tokens::tokenize_corpus(&corpus.documents, &opts.lang, &stop);
    stages.done("tokenise_stem", "TF-IDF");
    let tf = tfidf::build(
        &tc,
        &TfIdfParams {
            min_df: opts.min_df,
            max_df: opts.max_df,
            max_features: opts.max_features,
            tf: opts.tf,
        },
    );
    stages.done("tfidf", "clustering and scoring");
    let ids: Vec<String> = corpus.documents.iter().map(|d| d.id.clone()).collect();
    let col_terms: Vec<String> = tf
        .column_stem
        .iter()
        .map(|&s| tc.vocab.display[s as usize].clone())
        .collect();
    let col_stems: Vec<String> = tf
        .column_stem
        .iter()
        .map(|&s| tc.vocab.stems[s as usize].clone())
        .collect();
    // Each article's top terms share these instead of copying the strings.
    let shared =
        |v: &[String]| -> Vec<Arc<str>> { v.iter().map(|t| Arc::from(t.as_str())).collect() };
    let (term_of, stem_of) = (shared(&col_terms), shared(&col_stems));
    // Articles of only stop words or numbers (or a --min-df above the corpus)
    // leave no term to compare: the frame scores still stand, so the run goes
    // on without clustering and a note says why.
    let has_terms = tf.matrix.data.iter().any(|v| *v != 0.0 && v.is_finite());
    let lexicon_set = lexicon_set(opts)?;
    let lexicons = lexicon_set.lexicons;
    let senti = SentimentAnalyzer::new(SentimentLexicon::builtin());
    let scorer = FrameScorer::new(&lexicons, &tc.vocab, &opts.lang, DEFAULT_NEGATION_WINDOW);
    // Clustering and scoring (with the bootstrap intervals) read the same
    // tokens and share nothing else, so they run side by side: each has
    // serial steps (the SVD's eigen step, linfa's final fit) that would
    // otherwise leave a core idle.
    let cluster_input = ClusterInput {
        matrix: &tf.matrix,
        ids: &ids,
        terms: &col_terms,
        stems: &col_stems,
    };
    let cluster_params = ClusterParams {
        k: opts.k,
        seed: opts.seed,
        neighbours: opts.neighbours,
        top_terms: opts.top_terms,
    };
    let (clustering, (mut articles, voices, positions)) = rayon::join(
        || {
            let mut clock = Instant::now();
            let c = if has_terms {
                cluster::cluster(&cluster_input, &cluster_params)
                    .map_err(|e| Error::Internal(format!("clustering failed: {e}")))
            } else {
                Ok(None)
            };
            stage_time("cluster", &mut clock);
            c
        },
        || {
            let mut clock = Instant::now();
            // Frame scores, voices (narration against quotes) and positions
            // (headline/lead/body) in one pass: each article is matched and
            // its sentences run through VADER once.
            let crate::scoring::CorpusScores {
                articles: scores,
                voices,
                positions,
            } = crate::scoring::score_corpus(
                &corpus.documents,
                &tc,
                &scorer,
                &senti,
                &lexicons,
                &opts.lang,
            );
            stage_time("score", &mut clock);
            // In parallel: each article sorts its top terms and copies its
            // strings (a second of one core at 100,000 articles).
            let mut articles: Vec<ArticleResult> = corpus
                .documents
                .par_iter()
                .zip(scores)
                .enumerate()
                .map(|(i, (d, s))| ArticleResult {
                    id: d.id.clone(),
                    source: d.source.clone(),
                    title: d.title.clone(),
                    short_title: short_title(&d.title, 42),
                    date: d.date.clone(),
                    group: d.group.clone(),
                    words: tc.docs[i].tokens.len(),
                    tokens: tf.tokens_per_doc[i],
                    types: tf.types_per_doc[i],
                    boilerplate_lines: d.boilerplate_lines,
                    sha256: d.sha256.clone(),
                    sentiment: s.sentiment,
                    threat_balance: s.threat_balance,
                    // Filled in by bootstrap::add_intervals below.
                    sentiment_ci_low: None,
                    sentiment_ci_high: None,
                    frames: s.frames,
                    top_terms: tf
                        .top_terms(i, opts.top_terms)
                        .into_iter()
                        .enumerate()
                        .map(|(r, (col, w, count))| TermScore {
                            rank: r + 1,
                            term: term_of[col].clone(),
                            stem: stem_of[col].clone(),
                            tf: count as usize,
                            df: tf.df[col],
                            tfidf: w,
                        })
                        .collect(),
                    most_threatening: s.most_threatening,
                    most_reassuring: s.most_reassuring,
                    sentences: s.sentences,
                    voices: Vec::new(),
                    quotes: Vec::new(),
                    positions: Vec::new(),
                })
                .collect();
            // Seeded bootstrap intervals of the per-1,000 scores (see bootstrap.rs).
            let sentence_words: Vec<Vec<usize>> = tc
                .docs
                .par_iter()
                .map(crate::stats::bootstrap::words_per_sentence)
                .collect();
            crate::stats::bootstrap::add_intervals(
                &mut articles,
                &sentence_words,
                opts.seed,
                opts.bootstrap,
            );
            stage_time("bootstrap", &mut clock);
            (articles, voices, positions)
        },
    );
    let clustering = clustering?;
    stages.done("cluster_score", "writing");
    for ((art, (v, q)), p) in articles.iter_mut().zip(voices).zip(positions) {
        art.voices = v;
        art.quotes = q;
        art.positions = p;
    }
    let speakers = {
        let rows: Vec<(&str, &[VoiceScore])> = articles
            .iter()
            .map(|r| (r.id.as_str(), r.voices.as_slice()))
            .collect();
        crate::scoring::voices::speakers(&rows, lexicons.len())
    };
    let senti_info = LexiconInfo {
        name: "sentiment".into(),
        description: "VADER sentiment lexicon (Hutto & Gilbert 2014): words with mean valence ratings from -4 to +4".into(),
        sources: vec!["Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text. ICWSM-14.".into()],
        entries: senti.lexicon().len(),
        file: "lexicons/sentiment/vader_lexicon.txt".into(),
        kind: "sentiment".into(),
    };
    let mut lex_info: Vec<LexiconInfo> = lexicons.iter().map(|l| l.info()).collect();
    lex_info.push(senti_info);
    let mut analysis = Analysis {
        frame_version: env!("CARGO_PKG_VERSION").into(),
        parameters: Parameters {
            lang: opts.lang.code.into(),
            min_df: opts.min_df,
            max_df: opts.max_df,
            max_features: opts.max_features,
            tf: opts.tf.name().into(),
            idf: "smooth: ln((1 + n) / (1 + df)) + 1".into(),
            top_terms: opts.top_terms,
            keep_boilerplate: opts.corpus.keep_boilerplate,
            extra_stopwords: opts
                .stopwords_file
                .as_ref()
                .map(|p| p.to_string_lossy().into_owned()),
            stopword_list: format!("NLTK ({}, {} words)", opts.lang.name, stop.len()),
            stemmer: format!("Snowball ({})", opts.lang.name),
            k: opts.k,
            seed: opts.seed,
            negation_window: DEFAULT_NEGATION_WINDOW,
            text_column: opts.corpus.columns.text.clone(),
            id_column: opts.corpus.columns.id.clone(),
            bootstrap_resamples: opts.bootstrap,
            title_column: opts.corpus.columns.title.clone(),
            date_column: opts.corpus.columns.date.clone(),
            group_column: opts.corpus.columns.group.clone(),
            metadata: opts.corpus.metadata.as_deref().map(show_path),
            group_by: opts.group_by.clone(),
            period: opts.period.name().into(),
            lexicon_paths: opts.lexicons.iter().map(|p| show_path(p)).collect(),
            no_default_lexicons: opts.no_default_lexicons,
            neighbours: opts.neighbours,
            chart_width: opts.chart_size.0,
            chart_height: opts.chart_size.1,
            svg: opts.svg,
        },
        inputs: corpus
            .inputs
            .iter()
            .cloned()
            .chain(option_inputs(opts))
            .collect(),
        skipped: corpus.skipped.clone(),
        warnings: corpus.warnings.clone(),
        frames: scorer.names().to_vec(),
        lexicons: lex_info,
        vocabulary: VocabularyInfo {
            types_total: tf.types_total,
            types_kept: tf.column_stem.len(),
            words_total: tc.docs.iter().map(|d| d.tokens.len()).sum(),
        },
        articles,
        clustering,
        notes: Vec::new(),
        speakers,
        coverage: Default::default(),
        ..Default::default()
    };
    analysis
        .warnings
        .extend(lexicon_set.warnings.iter().map(|w| format!("lexicon: {w}")));
    analysis.coverage = crate::stats::coverage::compute(&scorer, &tc);
    analysis.notes = fragility_notes(&analysis);
    // The TF-IDF matrix is not needed from here on; its memory (~0.3 GB at
    // 100,000 articles) is reused by the group comparison.
    drop(tf);
    crate::stats::groups::attach(&mut analysis, corpus, &tc, opts)?;
    stages.done("groups", "writing");
    let empty = crate::input::limits::content_warnings(&analysis);
    analysis.warnings.extend(empty);
    stages.finish();
    Ok(analysis)
}

/// The stop-word and lexicon files of a run with their hashes (each file of
/// a lexicon folder), so that a run can be repeated on exactly these bytes.
fn option_inputs(opts: &Options) -> Vec<InputRecord> {
    let mut files: Vec<std::path::PathBuf> = opts.stopwords_file.iter().cloned().collect();
    for p in &opts.lexicons {
        if p.is_dir() {
            files.extend(lexicon::load::folder_files(p).unwrap_or_default());
        } else {
            files.push(p.clone());
        }
    }
    files
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            Some(InputRecord {
                path: show_path(p).replace('\\', "/"),
                sha256: input::sha256_hex(&bytes),
                bytes: bytes.len() as u64,
            })
        })
        .collect()
}

/// Plain-language cautions where results are fragile.
pub fn fragility_notes(a: &Analysis) -> Vec<String> {
    let n = a.articles.len();
    let mut notes = Vec::new();
    if n < 3 {
        notes.push(format!(
            "Only {n} article(s): there is no clustering or similarity map (it needs at least 3)."
        ));
    }
    if n >= 3 && a.clustering.is_none() {
        notes.push(format!(
            "No article has any term left after stop words and vocabulary pruning ({} of {} distinct stems kept; see --min-df, --max-df, --max-features): there is no clustering or similarity map. The frame scores are unaffected.",
            a.vocabulary.types_kept, a.vocabulary.types_total
        ));
    }
    if n < 20 {
        notes.push(format!(
            "With {n} articles, the scores describe these articles only: differences between them are not evidence of a general pattern, and one article can change any average."
        ));
    }
    let thin: Vec<&str> = a
        .articles
        .iter()
        .filter(|r| r.frames.iter().map(|f| f.hits).sum::<f64>() < 5.0)
        .map(|r| r.id.as_str())
        .collect();
    if !thin.is_empty() {
        let shown: Vec<&str> = thin.iter().take(10).copied().collect();
        notes.push(format!(
            "{} article(s) have fewer than 5 frame hits in all, so their frame profile rests on a handful of words: {}{}. Read their evidence before drawing conclusions.",
            thin.len(),
            shown.join(", "),
            if thin.len() > 10 { ", ..." } else { "" }
        ));
    }
    if let Some(c) = &a.clustering {
        if c.silhouette < 0.1 {
            notes.push(format!(
                "The clusters are weakly separated (mean silhouette {:.2}; 1 is perfectly separated, 0 is no structure): treat the grouping as a rough sketch.",
                c.silhouette
            ));
        }
    }
    notes
}

/// Renders every output file of an analysis (CSV, JSON, charts, reports)
/// and stages each in `out` as soon as it is rendered, so that no more than
/// one large file is in memory at a time (analysis.json is streamed).
pub fn write_outputs(a: &Analysis, opts: &Options, out: &mut OutputDir) -> Result<()> {
    let chart_opts = report::charts::ChartOptions {
        width: opts.chart_size.0,
        height: opts.chart_size.1,
        svg: opts.svg,
    };
    // The writers only read the analysis, so three run side by side: the
    // CSV tables (one at a time), analysis.json (streamed; the largest file)
    // and the charts with the reports.
    let json = out.reserve("analysis.json");
    let out = std::sync::Mutex::new(out);
    let ((tables, json), charts_and_reports) = rayon::join(
        || {
            rayon::join(
                || -> Result<()> {
                    let mut clock = Instant::now();
                    report::csv::each(a, &mut |t| {
                        let mut out = out.lock().unwrap_or_else(|p| p.into_inner());
                        out.write_with(&t.name, |w| t.write_to(w)).map(drop)
                    })?;
                    stage_time("csv", &mut clock);
                    Ok(())
                },
                || -> Result<()> {
                    let mut clock = Instant::now();
                    if let Some(j) = &json {
                        j.fill(|w| report::json::write_analysis(a, w))?;
                    }
                    stage_time("json", &mut clock);
                    Ok(())
                },
            )
        },
        || -> Result<Vec<OutputFile>> {
            let mut clock = Instant::now();
            let charts = report::charts::render_all(a, &chart_opts)
                .map_err(|e| Error::Internal(format!("chart rendering failed: {e}")))?;
            stage_time("charts", &mut clock);
            let names: Vec<&str> = charts
                .iter()
                .filter(|f| f.name.ends_with(".png"))
                .map(|f| f.name.as_str())
                .collect();
            let (md, html) = rayon::join(
                || report::markdown::render(a, &names),
                || report::html::render(a, &names),
            );
            let mut files = vec![
                OutputFile {
                    name: "report.md".into(),
                    bytes: md.into_bytes(),
                },
                OutputFile {
                    name: "report.html".into(),
                    bytes: html.into_bytes(),
                },
            ];
            stage_time("report", &mut clock);
            files.extend(charts);
            Ok(files)
        },
    );
    tables?;
    json?;
    let out = out.into_inner().unwrap_or_else(|p| p.into_inner());
    for f in charts_and_reports? {
        out.write(&f.name, &f.bytes)?;
    }
    Ok(())
}

/// `frame analyze`: read, analyse, write (see [`read`] and [`run_on`]).
pub fn run(opts: &Options) -> Result<(Analysis, RunSummary)> {
    let corpus = read(opts)?;
    run_on(corpus, opts)
}

/// The reading half of `frame analyze`: checks the output folder and the
/// stop-word file (so that they fail before a long read), then reads the
/// corpus. Creates nothing.
pub fn read(opts: &Options) -> Result<Corpus> {
    OutputDir::check(&opts.out)?;
    stop_words(opts)?;
    let mut clock = Instant::now();
    let corpus = input::load(&opts.corpus)?;
    stage_time("read", &mut clock);
    Ok(corpus)
}

/// The rest of `frame analyze` on a corpus from [`read`]: analyse, then
/// create the output folder and write every file.
pub fn run_on(corpus: Corpus, opts: &Options) -> Result<(Analysis, RunSummary)> {
    let analysis = analyze_corpus(&corpus, opts)?;
    // The article texts are not needed by the writers (the analysis holds
    // the sentences it quotes): about 0.5 GB at 100,000 articles.
    drop(corpus);
    // The folder is made only now that the analysis has succeeded; a
    // failure while writing removes what this run staged (and the folder,
    // if the run made it).
    let mut out = OutputDir::prepare(&opts.out)?;
    if let Err(e) = write_outputs(&analysis, opts, &mut out) {
        out.abandon();
        return Err(e);
    }
    let mut clock = Instant::now();
    let out = out.finish()?;
    stage_time("write", &mut clock);
    let summary = RunSummary {
        articles: analysis.articles.len(),
        written: out.written.clone(),
        protected: out.protected.clone(),
    };
    Ok((analysis, summary))
}

/// Prints `timing <stage> <seconds>` to stderr when `FRAME_TIMINGS` is set
/// (for bench/run; like [`Stages`]) and restarts the clock.
fn stage_time(stage: &str, clock: &mut Instant) {
    if std::env::var_os("FRAME_TIMINGS").is_some() {
        eprintln!("timing {stage} {:.3}s", clock.elapsed().as_secs_f64());
    }
    *clock = Instant::now();
}

/// The output folder as shown to the user.
pub fn show_path(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_titles_cut_at_words() {
        assert_eq!(short_title("Short title", 42), "Short title");
        let s = short_title(
            "Police plan of armed patrols would turn residential streets into battlegrounds",
            42,
        );
        assert!(s.chars().count() <= 42, "{s}");
        assert!(s.ends_with('…'));
        assert!(s.starts_with("Police plan of armed patrols would"));
    }
}
