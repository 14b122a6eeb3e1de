//! `frame score`: frame and sentiment scores for short texts (headlines,
//! posts) read from stdin lines or a CSV / JSON Lines file, without a report.
//! Lines (`lines.rs`) and table rows (`table.rs`) are scored and written in
//! batches (`batch.rs`), so memory stays bounded whatever the input's
//! length; `sink.rs` writes the rows.

mod batch;
mod lines;
mod sink;
mod table;

pub use batch::{Batch, BatchScorer, BATCH, BATCH_BYTES, MAX_LINE_BYTES, MAX_ROW_BYTES};
pub use lines::score_lines;
pub use sink::{to_csv, to_jsonl, RowSink, ScoreRow};
pub use table::score_table;

use crate::input::{self, Document};
use crate::model::error::Result;
use crate::model::options::{CorpusOptions, Options};

/// Scores documents with the run's lexicons (defaults and `--lexicon` files).
pub fn score(docs: &[Document], opts: &Options) -> Result<Vec<ScoreRow>> {
    Ok(BatchScorer::new(opts)?.score(docs))
}

/// Reads the texts of the table or files in `opts.corpus.inputs` (each file
/// is capped at the input size limit), with the corpus's warnings.
pub fn read_texts(opts: &Options) -> Result<(Vec<Document>, Vec<String>)> {
    let c = input::load(&CorpusOptions {
        keep_boilerplate: true,
        ..opts.corpus.clone()
    })?;
    let mut warnings = c.warnings;
    warnings.extend(crate::commands::skipped::skipped_warnings(&c.skipped));
    Ok((c.documents, warnings))
}

/// Scores documents already read (article files) in batches of [`BATCH`],
/// each written before the next is scored.
pub fn score_documents(scorer: &BatchScorer, docs: &[Document], sink: &mut RowSink) -> usize {
    let mut scored = 0;
    for batch in docs.chunks(BATCH) {
        sink.write(&scorer.score(batch));
        scored += batch.len();
        if sink.closed {
            break;
        }
    }
    scored
}
