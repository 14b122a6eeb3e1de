//! `analysis.json`: the whole analysis, every parameter and input hash, so a
//! run can be cited and repeated.

use crate::analysis::Analysis;
use std::io::Write;

/// Above this many articles analysis.json is written compact: indentation
/// made it ten times the size of the corpus (224 MB for 23 MB of text at
/// 10,000 articles), and a file that size is read by programs, not people.
pub const PRETTY_MAX_ARTICLES: usize = 1000;

/// Writes `analysis.json` to `w` as it is serialised (deterministic field
/// order; pretty-printed up to [`PRETTY_MAX_ARTICLES`] articles, compact
/// above), so the file never has to be held in memory.
pub fn write_analysis(a: &Analysis, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    // serde_json makes a write per token; through `dyn Write` each was a
    // virtual call into the caller's buffer. A buffer of a concrete type
    // here takes them inline and passes on large blocks.
    let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
    if a.articles.len() <= PRETTY_MAX_ARTICLES {
        serde_json::to_writer_pretty(&mut w, a)?;
    } else {
        serde_json::to_writer(&mut w, a)?;
    }
    w.write_all(b"\n")?;
    w.flush()
}
