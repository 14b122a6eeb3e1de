//! Throughput of the tokenise + stem + count stage alone, single- and
//! multi-threaded (for bench/ and docs/performance.md):
//!
//!     cargo run --release --example tokenise_throughput -- bench/data/corpus-10000
//!     cargo run --release --example tokenise_throughput -- DIR --threads 1 --runs 1
//!
//! Prints MB/s of article text (after decoding and boilerplate removal) for
//! the best of `--runs` runs (default 3) on 1 thread and on all (`--threads`
//! chooses one count), the CPU time of the best run (user + system: on a
//! shared machine the steadier figure), and the time and fresh memory of the
//! first run (the later ones reuse the memory the first one freed, as a real
//! run, which tokenises once, cannot). That the fast sentence splitter gives
//! the reference's spans is a unit test (`text::sentences`).

use frame::model::language::Language;
use frame::model::options::{CorpusOptions, TableColumns};
use frame::text::filters::StopWords;
use std::time::Instant;

/// The allocator and settings of the `frame` binary (src/main.rs), so the
/// figures are those of a real run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// User + system CPU time of this process so far (Linux `/proc`, 10 ms
/// ticks; 0 elsewhere): on a shared machine the steadier figure.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces) in parentheses.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<f64> = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|x| x.parse().ok())
        .collect();
    f.iter().sum::<f64>() / 100.0
}

/// Peak resident memory of this process so far, in MB (Linux `/proc`; 0
/// elsewhere): its growth over the first run is the fresh memory the stage
/// takes, which on a virtual machine costs a fault and a zeroing per page.
fn peak_mb() -> u64 {
    let st = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    st.lines()
        .find(|l| l.starts_with("VmHWM"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|x| x.parse::<u64>().ok())
        .unwrap_or(0)
        / 1024
}

fn main() {
    frame::platform::configure_process();
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let mut threads: Vec<usize> = vec![1, 0];
    let mut runs = 3;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--threads" => {
                threads = vec![args
                    .next()
                    .and_then(|s| s.parse().ok())
                    .expect("--threads N")]
            }
            "--runs" => runs = args.next().and_then(|s| s.parse().ok()).expect("--runs N"),
            _ => dir = Some(a),
        }
    }
    let dir = dir.expect("usage: tokenise_throughput DIR [--threads N] [--runs N]");
    let corpus = frame::input::load(&CorpusOptions {
        inputs: vec![dir.into()],
        columns: TableColumns::default(),
        keep_boilerplate: false,
        format: None,
        metadata: None,
    })
    .expect("corpus");
    let bytes: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
    let en = Language::english();
    let stop = StopWords::new(en.stop_words());
    for threads in threads {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        let times: Vec<(f64, f64, u64)> = (0..runs)
            .map(|_| {
                let (t, cpu, peak) = (Instant::now(), cpu_seconds(), peak_mb());
                let tc = pool.install(|| {
                    frame::text::tokens::tokenize_corpus(&corpus.documents, &en, &stop)
                });
                std::hint::black_box(tc.vocab.stems.len());
                let fresh = peak_mb().saturating_sub(peak);
                drop(tc);
                (t.elapsed().as_secs_f64(), cpu_seconds() - cpu, fresh)
            })
            .collect();
        let best = times.iter().map(|t| t.0).fold(f64::INFINITY, f64::min);
        let best_cpu = times.iter().map(|t| t.1).fold(f64::INFINITY, f64::min);
        println!(
            "{} thread(s): {:.1} MB in {:.3} s = {:.0} MB/s (CPU {:.2} s = {:.0} MB per CPU-second); \
             first run {:.3} s, {} MB of fresh memory",
            pool.current_num_threads(),
            bytes as f64 / 1e6,
            best,
            bytes as f64 / 1e6 / best,
            best_cpu,
            bytes as f64 / 1e6 / best_cpu.max(0.01),
            times[0].0,
            times[0].2,
        );
    }
}
