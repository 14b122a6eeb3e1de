//! Time of the scoring and bootstrap stages alone, split into their parts
//! (for bench/ and docs/performance.md), with a digest of every result so
//! that a faster version can be checked to give the same values:
//!
//!     cargo run --release --example score_throughput -- bench/data/corpus-10000
//!     cargo run --release --example score_throughput -- DIR --threads 1
//!
//! Prints wall and CPU time (user + system: on a shared machine the steadier
//! figure) of each part, and an FNV-1a digest of the `Debug` form of its
//! results (f64 `Debug` is exact, so equal digests mean equal values).
//! Scoring is `scoring::score_corpus`, the pipeline's one pass over frame
//! scores, voices and positions. With `PARTS=1` it times pieces (quote finding, part finding, VADER alone, the
//! two halves of the bootstrap). Wall time includes rayon's idle spinning
//! in CPU time, so compare with `--threads 1` on a busy machine.

use frame::model::language::Language;
use frame::model::options::{CorpusOptions, TableColumns};
use frame::model::ArticleResult;
use frame::scoring::sentiment::{SentimentAnalyzer, SentimentLexicon};
use frame::scoring::{FrameScorer, DEFAULT_NEGATION_WINDOW};
use frame::text::filters::StopWords;
use rayon::prelude::*;
use std::time::Instant;

/// User + system CPU time of this process so far (Linux `/proc`, 10 ms ticks).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<f64> = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|x| x.parse().ok())
        .collect();
    f.iter().sum::<f64>() / 100.0
}

/// FNV-1a of the `Debug` form of a value.
fn digest(v: &impl std::fmt::Debug) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in format!("{v:?}").bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Runs `f`, prints its wall and CPU time, returns its result.
fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let (t, cpu) = (Instant::now(), cpu_seconds());
    let out = f();
    println!(
        "{name:<10} {:>7.3} s wall {:>7.2} s CPU",
        t.elapsed().as_secs_f64(),
        cpu_seconds() - cpu
    );
    out
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let mut threads = 0;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--threads" => threads = args.next().and_then(|s| s.parse().ok()).expect("N"),
            _ => dir = Some(a),
        }
    }
    let dir = dir.expect("usage: score_throughput DIR [--threads N]");
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()
        .expect("pool");
    let corpus = frame::input::load(&CorpusOptions {
        inputs: vec![dir.into()],
        columns: TableColumns::default(),
        keep_boilerplate: false,
        format: None,
        metadata: None,
    })
    .expect("corpus");
    let docs = &corpus.documents;
    let en = Language::english();
    let stop = StopWords::new(en.stop_words());
    let tc = frame::text::tokens::tokenize_corpus(docs, &en, &stop);
    let lexicons = frame::lexicon::builtin();
    let senti = SentimentAnalyzer::new(SentimentLexicon::builtin());
    let scorer = FrameScorer::new(&lexicons, &tc.vocab, &en, DEFAULT_NEGATION_WINDOW);
    println!("{} articles", docs.len());
    if std::env::var_os("PARTS").is_some() {
        timed("quotes", || {
            docs.par_iter()
                .map(|d| frame::scoring::voices::quotes(&d.text).len())
                .sum::<usize>()
        });
        timed("find_q", || {
            docs.par_iter()
                .map(|d| frame::scoring::voices::find_quotes(&d.text).len())
                .sum::<usize>()
        });
        timed("resolved", || {
            docs.par_iter()
                .zip(tc.docs.par_iter())
                .map(|(d, td)| scorer.resolved_hits(&d.text, td, &tc.vocab).len())
                .sum::<usize>()
        });
        timed("parts", || {
            docs.par_iter()
                .zip(tc.docs.par_iter())
                .map(|(d, td)| {
                    frame::scoring::positions::find_parts(&d.text, &d.title, td)
                        .lead
                        .len()
                })
                .sum::<usize>()
        });
        timed("vader", || {
            docs.par_iter()
                .zip(tc.docs.par_iter())
                .map(|(d, td)| {
                    td.sentences
                        .iter()
                        .map(|&(a, b)| senti.sentence(&d.text[a..b]).compound)
                        .sum::<f64>()
                })
                .sum::<f64>()
        });
    }
    let t0 = (Instant::now(), cpu_seconds());
    // Frame scores, voices and positions in the pipeline's one pass.
    let scored = timed("score", || {
        frame::scoring::score_corpus(docs, &tc, &scorer, &senti, &lexicons, &en)
    });
    println!(
        "{:<10} {:>7.3} s wall {:>7.2} s CPU",
        "all",
        t0.0.elapsed().as_secs_f64(),
        cpu_seconds() - t0.1
    );
    let (scores, voices, positions) = (&scored.articles, &scored.voices, &scored.positions);
    let mut articles: Vec<ArticleResult> = docs
        .iter()
        .zip(scores)
        .map(|(d, s)| ArticleResult {
            id: d.id.clone(),
            frames: s.frames.clone(),
            sentences: s.sentences.clone(),
            ..Default::default()
        })
        .collect();
    let words: Vec<Vec<usize>> = tc.docs.iter().map(|d| d.words_per_sentence()).collect();
    if std::env::var_os("PARTS").is_some() {
        timed("boot_frame", || {
            articles
                .par_iter()
                .zip(words.par_iter())
                .map(|(a, w)| {
                    let hits: Vec<&[f64]> = a.sentences.iter().map(|s| s.hits.as_slice()).collect();
                    let mut r = frame::stats::resample::rng(42, &a.id);
                    frame::stats::bootstrap::frame_intervals(w, &hits, a.frames.len(), 1000, &mut r)
                        .len()
                })
                .sum::<usize>()
        });
        timed("boot_senti", || {
            articles
                .par_iter()
                .map(|a| {
                    frame::stats::bootstrap::sentiment_interval(a, 42, 1000).is_some() as usize
                })
                .sum::<usize>()
        });
    }
    timed("bootstrap", || {
        frame::stats::bootstrap::add_intervals(&mut articles, &words, 42, 1000)
    });
    let cis: Vec<_> = articles
        .iter()
        .map(|a| {
            (
                a.sentiment_ci_low,
                a.sentiment_ci_high,
                a.frames
                    .iter()
                    .map(|f| (f.ci_low, f.ci_high))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let sc: Vec<_> = scores
        .iter()
        .map(|s| {
            (
                &s.frames,
                &s.sentiment,
                s.threat_balance,
                &s.most_threatening,
                &s.most_reassuring,
                &s.sentences,
            )
        })
        .collect();
    println!(
        "digest score {:016x} voices {:016x} positions {:016x} bootstrap {:016x}",
        digest(&sc),
        digest(&voices),
        digest(&positions),
        digest(&cis)
    );
}
