//! `analysis.json`: the whole analysis, every parameter and input hash, so a
//! run can be cited and repeated.

use crate::model::serde_blocks::{with_articles_as_placeholder, PLACEHOLDER};
use crate::model::{Analysis, ArticleResult};
use rayon::prelude::*;
use std::io::Write;

/// Above this many articles analysis.json is written compact: indentation
/// makes it many times the size of the corpus, and a file that size is read
/// by programs, not people.
pub const PRETTY_MAX_ARTICLES: usize = 1000;

/// Writes `analysis.json` to `w` as it is serialised (deterministic field
/// order; pretty-printed up to [`PRETTY_MAX_ARTICLES`] articles, compact
/// above), so the file never has to be held in memory.
pub fn write_analysis(a: &Analysis, w: &mut (dyn Write + Send)) -> std::io::Result<()> {
    // serde_json makes a write per token; through `dyn Write` each was a
    // virtual call into the caller's buffer. A buffer of a concrete type
    // here takes them inline and passes on large blocks.
    let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
    if a.articles.len() <= PRETTY_MAX_ARTICLES {
        serde_json::to_writer_pretty(&mut w, a)?;
    } else {
        write_compact(a, &mut w)?;
    }
    w.write_all(b"\n")?;
    w.flush()
}

/// Articles serialised in one block, side by side.
const BLOCK: usize = 512;

/// Compact `analysis.json`, byte for byte what `serde_json::to_writer`
/// gives, with the articles (nearly all of the file) serialised in
/// parallel blocks. The rest of the analysis is
/// serialised with a placeholder for the list, and the list is written in
/// its place (compact JSON has no indentation, so an element's text does not
/// depend on where it sits). Falls back to one serial pass if the
/// placeholder is not found exactly once.
fn write_compact(a: &Analysis, w: &mut (impl Write + Send)) -> std::io::Result<()> {
    let frame = with_articles_as_placeholder(|| serde_json::to_vec(a))?;
    let marker = serde_json::to_vec(PLACEHOLDER)?;
    let mut hits = frame
        .windows(marker.len())
        .enumerate()
        .filter(|(_, win)| *win == marker.as_slice())
        .map(|(i, _)| i);
    let (Some(at), None) = (hits.next(), hits.next()) else {
        serde_json::to_writer(&mut *w, a)?;
        return Ok(());
    };
    w.write_all(&frame[..at])?;
    w.write_all(b"[")?;
    // Each block is written while the next is serialised: writing is one
    // thread's work (mostly the kernel copying into the page cache), and
    // done between the blocks it would leave the other cores idle once the
    // CSV tables are written.
    let serialise = |block: &[ArticleResult]| -> std::io::Result<Vec<Vec<u8>>> {
        Ok(block
            .par_iter()
            .map(serde_json::to_vec)
            .collect::<Result<_, _>>()?)
    };
    let mut first = true;
    let mut put = |w: &mut (dyn Write + Send), parts: Vec<Vec<u8>>| -> std::io::Result<()> {
        for part in parts {
            if !first {
                w.write_all(b",")?;
            }
            first = false;
            w.write_all(&part)?;
        }
        Ok(())
    };
    let mut pending: Vec<Vec<u8>> = Vec::new();
    for block in a.articles.chunks(BLOCK) {
        let (written, next) = rayon::join(|| put(&mut *w, pending), || serialise(block));
        written?;
        pending = next?;
    }
    put(&mut *w, pending)?;
    w.write_all(b"]")?;
    w.write_all(&frame[at + marker.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The block-parallel compact writer gives exactly serde_json's output.
    #[test]
    fn compact_writer_equals_serde_json() {
        let mut a = Analysis::default();
        for i in 0..(2 * BLOCK + 7) {
            a.articles.push(ArticleResult {
                id: format!("a{i}"),
                title: format!("Title \"{i}\" \u{0}frame: articles\u{0}"),
                words: i,
                ..Default::default()
            });
        }
        a.warnings.push("after the articles".into());
        let mut got = Vec::new();
        write_compact(&a, &mut got).unwrap();
        let want = serde_json::to_vec(&a).unwrap();
        assert_eq!(
            String::from_utf8(got).unwrap(),
            String::from_utf8(want).unwrap()
        );
        assert!(!crate::model::serde_blocks::articles_as_placeholder());
    }
}
