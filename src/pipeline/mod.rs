//! The `analyze` pipeline: corpus -> tokens -> TF-IDF -> clusters -> scores
//! -> [`Analysis`], then the writers. Each stage takes the previous stage's
//! output by reference; nothing calls back into an earlier stage.

mod assemble;
mod progress;

pub use assemble::{fragility_notes, short_title, show_path};

use crate::input::{self, Corpus};
use crate::lexicon;
use crate::model::error::{Error, Result};
use crate::model::options::Options;
use crate::model::*;
use crate::output::OutputDir;
use crate::platform::timing::Timer;
use crate::report::{self, OutputFile};
use crate::scoring::sentiment::{SentimentAnalyzer, SentimentLexicon};
use crate::scoring::{FrameScorer, CONDITION_WINDOW, DEFAULT_NEGATION_WINDOW};
use crate::similarity::cluster::{self, ClusterInput, ClusterParams};
use crate::similarity::tfidf::{self, TfIdfParams};
use crate::text::tokens;
use assemble::option_inputs;
use progress::Stages;
use rayon::prelude::*;
use std::sync::Arc;

/// What a finished run wrote, for the closing summary.
#[derive(Debug, Clone)]
pub struct RunSummary {
    /// Articles analysed.
    pub articles: usize,
    /// Files written (names inside the output folder).
    pub written: Vec<String>,
    /// Outputs not written because a file of the user's has that name.
    pub protected: Vec<String>,
    /// What the user should know about the output folder (files frame
    /// wrote earlier that have changed since and were left alone).
    pub notes: Vec<String>,
}

/// Runs the analysis on an already-read corpus.
pub fn analyze_corpus(corpus: &Corpus, opts: &Options) -> Result<Analysis> {
    // A spinner for runs long enough to need one: many articles, or a few
    // huge ones (one 250 MB article takes minutes).
    let bytes: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
    let mut stages = Stages::new(opts.quiet || (corpus.documents.len() < 200 && bytes < 8 << 20));
    let stop = crate::text::stop_list::for_run(opts)?;
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
    let lexicon_set = lexicon::load::set_for_run(opts)?;
    let lexicons = lexicon_set.lexicons;
    let senti = SentimentAnalyzer::new(SentimentLexicon::builtin());
    let scorer = FrameScorer::new(&lexicons, &tc.vocab, &opts.lang, DEFAULT_NEGATION_WINDOW)
        .listing_excluded(opts.show_excluded);
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
    }
    .check()
    .map_err(|e| match e.is_usage() {
        true => Error::Usage(format!("--{e}")),
        false => Error::Internal(format!("clustering failed: {e}")),
    })?;
    // Scoring and the bootstrap each go over every sentence once: the
    // percentage a huge article's run shows.
    let sentences: u64 = tc.docs.iter().map(|d| d.sentences.len() as u64).sum();
    let meter = stages.meter("scoring sentences", 2 * sentences);
    let done = |n: u64| meter.add(n);
    let (clustering, (mut articles, voices, positions)) = rayon::join(
        || {
            let mut clock = Timer::new("");
            let c = if has_terms {
                cluster::cluster(&cluster_input, &cluster_params)
                    .map_err(|e| Error::Internal(format!("clustering failed: {e}")))
            } else {
                Ok(None)
            };
            clock.lap("cluster");
            c
        },
        || {
            let mut clock = Timer::new("");
            // Frame scores, voices (narration against quotes) and positions
            // (headline/lead/body) in one pass: each article is matched and
            // its sentences run through VADER once.
            let crate::scoring::CorpusScores {
                articles: scores,
                voices,
                positions,
            } = crate::scoring::score_corpus_ticking(
                &corpus.documents,
                &tc,
                &scorer,
                &senti,
                &lexicons,
                &opts.lang,
                &done,
            );
            clock.lap("score");
            // In parallel: each article sorts its top terms and copies its
            // strings, which is a serial second on large corpora.
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
                    unread_date: d.unread_date.clone(),
                    group: d.group.clone(),
                    meta: d.meta.clone(),
                    words: tc.docs[i].tokens.len(),
                    tokens: tf.tokens_per_doc[i],
                    types: tf.types_per_doc[i],
                    boilerplate_lines: d.boilerplate_lines,
                    removed: d.removed.clone(),
                    damaged_characters: d.damaged,
                    sha256: d.sha256.clone(),
                    sentiment: s.sentiment,
                    threat_balance: s.threat_balance,
                    // Filled in by bootstrap::add_intervals below.
                    sentiment_ci_low: None,
                    sentiment_ci_high: None,
                    threat_minus_reassurance_ci_low: None,
                    threat_minus_reassurance_ci_high: None,
                    frames: s.frames,
                    top_terms: tf
                        .top_terms(i, opts.top_terms)
                        .into_iter()
                        .enumerate()
                        .map(|(r, (col, w, count))| TermScore {
                            rank: r + 1,
                            term: term_of[col].clone(),
                            stem: stem_of[col].clone(),
                            count: count as usize,
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
            let sentence_words: Vec<Vec<usize>> =
                tc.docs.par_iter().map(|d| d.words_per_sentence()).collect();
            // With no resamples the bootstrap still tells each article done.
            crate::stats::bootstrap::add_intervals_ticking(
                &mut articles,
                &sentence_words,
                opts.seed,
                opts.bootstrap,
                &done,
            );
            clock.lap("bootstrap");
            (articles, voices, positions)
        },
    );
    let clustering = clustering?;
    stages.done("cluster_score", "writing");
    // The reader's texts and marks, from the scorer's own matcher, for the
    // first READER_MAX articles only: a reader of every article of a large
    // corpus would be the corpus again, and nobody reads it page by page.
    let reader: Vec<reader::ReaderText> = corpus
        .documents
        .par_iter()
        .zip(tc.docs.par_iter())
        .take(READER_MAX)
        .map(|(d, td)| scorer.reader_text(&d.text, td, &tc.vocab))
        .collect();
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
        builtin: true,
        sha256: input::sha256_hex(
            SentimentLexicon::builtin_texts()
                .concat()
                .as_bytes(),
        ),
        validity: Vec::new(),
    };
    // A default lexicon carries what docs/validity.md measured for it; a
    // replaced or added one was not measured.
    let mut lex_info: Vec<LexiconInfo> = lexicons
        .iter()
        .zip(&lexicon_set.origins)
        .map(|(l, origin)| {
            let mut info = l.info();
            if *origin == lexicon::Origin::BuiltIn {
                info.builtin = true;
                info.validity = lexicon::validity::measured(&l.name);
            }
            info.sha256 = match lexicon::builtin_text(&l.name) {
                Some(text) if info.builtin => input::sha256_hex(text.as_bytes()),
                _ => std::fs::read(&info.file)
                    .map(|bytes| input::sha256_hex(&bytes))
                    .unwrap_or_default(),
            };
            info
        })
        .collect();
    lex_info.push(senti_info);
    let mut analysis = Analysis {
        frame_version: env!("FRAME_VERSION").into(),
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
            stopword_list: crate::text::stop_list::label(opts, stop.len()),
            stemmer: format!("Snowball ({})", opts.lang.name),
            k: opts.k,
            seed: opts.seed,
            negation_window: DEFAULT_NEGATION_WINDOW,
            condition_window: CONDITION_WINDOW,
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
            show_excluded: opts.show_excluded,
            excel: opts.excel,
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
        reader,
        ..Default::default()
    };
    analysis
        .warnings
        .extend(lexicon_set.warnings.iter().map(|w| format!("lexicon: {w}")));
    if let Some(w) = k_warning(
        opts.k,
        analysis.clustering.as_ref(),
        analysis.articles.len(),
    ) {
        analysis.warnings.push(w);
    }
    let texts: Vec<&str> = corpus.documents.iter().map(|d| d.text.as_str()).collect();
    analysis.coverage = crate::stats::coverage::compute(&scorer, &tc, &texts);
    analysis.notes = fragility_notes(&analysis);
    // The TF-IDF matrix is not needed from here on; its memory is reused by
    // the group comparison.
    drop(tf);
    crate::stats::groups::attach(&mut analysis, corpus, &tc, opts)?;
    stages.done("groups", "writing");
    let empty = crate::input::limits::content_warnings(&analysis);
    analysis.warnings.extend(empty);
    analysis.findings = crate::stats::findings::compute(&analysis);
    // The reader's first pages stop at READER_MAX articles; the articles
    // beyond them that the report names get a page of their own, so that
    // every article the report points to can be read marked.
    if corpus.documents.len() > READER_MAX {
        let named = report::sections::named_articles(&analysis);
        analysis.reader_named = named
            .into_par_iter()
            .filter(|&i| i >= READER_MAX)
            .map(|i| {
                let text = scorer.reader_text(&corpus.documents[i].text, &tc.docs[i], &tc.vocab);
                (i, text)
            })
            .collect();
    }
    stages.finish();
    Ok(analysis)
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
                    let mut clock = Timer::new("");
                    report::csv::each(a, &mut |t| {
                        let mut out = out.lock().unwrap_or_else(|p| p.into_inner());
                        out.write_with(&t.name, |w| t.write_to(w)).map(drop)
                    })?;
                    clock.lap("csv");
                    Ok(())
                },
                || -> Result<()> {
                    let mut clock = Timer::new("");
                    if let Some(j) = &json {
                        j.fill(|w| report::json::write_analysis(a, w))?;
                    }
                    clock.lap("json");
                    Ok(())
                },
            )
        },
        || -> Result<Vec<OutputFile>> {
            let mut clock = Timer::new("");
            let charts = report::charts::render_all(a, &chart_opts)
                .map_err(|e| Error::Internal(format!("chart rendering failed: {e}")))?;
            clock.lap("charts");
            let names: Vec<&str> = charts
                .iter()
                .filter(|f| f.name.ends_with(".png"))
                .map(|f| f.name.as_str())
                .collect();
            let (md, (html, appendix)) = rayon::join(
                || report::markdown::render(a, &names),
                || report::html::render_pages(a, &names),
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
                OutputFile {
                    name: "appendix.html".into(),
                    bytes: appendix.into_bytes(),
                },
            ];
            files.extend(report::reader::render(a));
            // The documents the report cites, so that the folder holds them.
            files.extend(report::docs::files(a.parameters.excel));
            clock.lap("report");
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
    crate::text::stop_list::for_run(opts)?;
    let mut clock = Timer::new("");
    let corpus = input::load(&opts.corpus)?;
    clock.lap("read");
    Ok(corpus)
}

/// The rest of `frame analyze` on a corpus from [`read`]: analyse, then
/// create the output folder and write every file.
pub fn run_on(corpus: Corpus, opts: &Options) -> Result<(Analysis, RunSummary)> {
    let out = OutputDir::prepare(&opts.out)?;
    run_into(corpus, opts, out)
}

/// Like [`run_on`], into an output folder the caller prepared (and locked)
/// before reading the corpus. A failure removes what this run staged (and
/// the folder, if the run made it).
pub fn run_into(
    corpus: Corpus,
    opts: &Options,
    mut out: OutputDir,
) -> Result<(Analysis, RunSummary)> {
    let analysis = match analyze_corpus(&corpus, opts) {
        Ok(a) => a,
        Err(e) => {
            out.abandon();
            return Err(e);
        }
    };
    // The article texts are not needed by the writers (the analysis holds
    // the sentences it quotes), and their memory is better used by them.
    drop(corpus);
    if let Err(e) = write_outputs(&analysis, opts, &mut out) {
        out.abandon();
        return Err(e);
    }
    let mut clock = Timer::new("");
    let out = out.finish()?;
    clock.lap("write");
    let summary = RunSummary {
        articles: analysis.articles.len(),
        written: out.written.clone(),
        protected: out.protected.clone(),
        notes: out.notes.clone(),
    };
    Ok((analysis, summary))
}

/// The warning for a `--k` the run could not use: more clusters than the
/// articles allow (the clustering used fewer), or too few articles to
/// cluster at all. The report's Method table shows both k's too.
fn k_warning(
    asked: Option<usize>,
    clustering: Option<&crate::model::Clustering>,
    n: usize,
) -> Option<String> {
    let asked = asked?;
    match clustering {
        Some(c) if c.k != asked => Some(format!(
            "--k {asked} is more clusters than {n} articles allow (k must be 2 to {}); used k = {}",
            n.saturating_sub(1),
            c.k
        )),
        Some(_) => None,
        None => Some(format!(
            "--k {asked} was not used: clustering needs at least 3 articles, and there {} {n}",
            if n == 1 { "is" } else { "are" }
        )),
    }
}
