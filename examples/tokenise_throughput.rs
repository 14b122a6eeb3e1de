//! Throughput of the tokenise + stem + count stage alone, single- and
//! multi-threaded (for bench/ and docs/performance.md):
//!
//!     cargo run --release --example tokenise_throughput -- bench/data/corpus-10000
//!
//! Prints MB/s of article text (after decoding and boilerplate removal) for
//! the best of three runs.

use frame::options::{CorpusOptions, TableColumns};
use frame::text::{filters::StopWords, Language};
use std::time::Instant;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: tokenise_throughput DIR");
    let corpus = frame::corpus::load(&CorpusOptions {
        inputs: vec![dir.into()],
        columns: TableColumns::default(),
        keep_boilerplate: false,
        metadata: None,
    })
    .expect("corpus");
    let bytes: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
    let en = Language::english();
    let stop = StopWords::new(en.stop_words());
    for threads in [1, 0] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        let best = (0..3)
            .map(|_| {
                let t = Instant::now();
                let tc =
                    pool.install(|| frame::tokens::tokenize_corpus(&corpus.documents, &en, &stop));
                std::hint::black_box(tc.vocab.stems.len());
                t.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min);
        println!(
            "{} thread(s): {:.1} MB in {:.3} s = {:.0} MB/s",
            pool.current_num_threads(),
            bytes as f64 / 1e6,
            best,
            bytes as f64 / 1e6 / best
        );
    }
}
