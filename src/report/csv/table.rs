//! How a CSV table is rendered: fixed-decimal numbers, one writer
//! configuration, and the lazily rendered tables written block by block.

use super::cell::{self, write_row, Cell};
use crate::model::Analysis;
use crate::report::OutputFile;

/// `x` with 4 decimals, as the tables write it.
pub(super) fn f4(x: f64) -> String {
    String::from_utf8_lossy(&cell::fixed(x, 4, &mut [0; 32])).into_owned()
}

/// `x` with 6 decimals, as the tables write it.
pub(super) fn f6(x: f64) -> String {
    String::from_utf8_lossy(&cell::fixed(x, 6, &mut [0; 32])).into_owned()
}

/// The UTF-8 byte-order mark that `--excel` puts before every CSV: Excel on
/// Windows reads a CSV without one in the system's code page, so "é" shows
/// as "Ã©"; R, pandas and frame itself read either.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// `bytes` with [`UTF8_BOM`] before them when `bom` is on, else as they are.
pub fn with_bom(bytes: Vec<u8>, bom: bool) -> Vec<u8> {
    if !bom {
        return bytes;
    }
    let mut out = Vec::with_capacity(UTF8_BOM.len() + bytes.len());
    out.extend_from_slice(UTF8_BOM);
    out.extend_from_slice(&bytes);
    out
}

/// A whole table, header then rows, as an output file.
pub(super) fn table<'a, R, C>(
    name: &str,
    header: &[String],
    rows: impl Iterator<Item = R>,
) -> OutputFile
where
    R: IntoIterator<Item = C>,
    C: Into<Cell<'a>>,
{
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail except on a bug; keep the first error out of the data.
    write_row(&mut w, header);
    for r in rows {
        write_row(&mut w, r);
    }
    OutputFile {
        name: name.into(),
        bytes: w.into_inner().unwrap_or_default(),
    }
}

/// Like [`table`] for a table with rows per article, rendered only when it
/// is written: windows of articles are rendered in parallel blocks and each
/// block written in article order (the same bytes as rendering them one
/// after another), so the largest tables are never whole in memory.
pub(super) fn table_per_article<'a, F>(
    name: &str,
    header: &[String],
    a: &'a Analysis,
    rows: F,
) -> Table<'a>
where
    F: Fn(&'a crate::model::ArticleResult, &mut dyn FnMut(&mut dyn Iterator<Item = Cell<'a>>))
        + Sync
        + 'a,
{
    let head = table(name, header, std::iter::empty::<[&str; 0]>()).bytes;
    let render = move |w: &mut dyn std::io::Write| -> std::io::Result<()> {
        use rayon::prelude::*;
        const BLOCK: usize = 256;
        w.write_all(&head)?;
        for window in a.articles.chunks(BLOCK * 16) {
            let blocks: Vec<Vec<u8>> = window
                .par_chunks(BLOCK)
                .map(|block| {
                    let mut cw = csv::WriterBuilder::new()
                        .terminator(csv::Terminator::Any(b'\n'))
                        .has_headers(false)
                        .from_writer(Vec::new());
                    for r in block {
                        rows(r, &mut |row| write_row(&mut cw, row));
                    }
                    cw.into_inner().unwrap_or_default()
                })
                .collect();
            for b in &blocks {
                w.write_all(b)?;
            }
        }
        Ok(())
    };
    Table {
        name: name.into(),
        body: Body::Lazy(Box::new(render)),
        bom: false,
    }
}

/// A CSV table ready to be written: its bytes, or (for the largest tables)
/// a renderer that writes them block by block.
pub struct Table<'a> {
    /// File name inside the output folder.
    pub name: String,
    body: Body<'a>,
    /// Whether [`UTF8_BOM`] goes before the bytes (`--excel`).
    bom: bool,
}

/// How a table's bytes are produced.
enum Body<'a> {
    Bytes(Vec<u8>),
    Lazy(Box<LazyRender<'a>>),
}

/// Writes a table's bytes to a writer.
type LazyRender<'a> = dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()> + Sync + 'a;

impl Table<'_> {
    /// The same table, written with [`UTF8_BOM`] first when `bom` is on.
    pub fn with_bom(self, bom: bool) -> Self {
        Table { bom, ..self }
    }

    /// Writes the table's bytes to `w`.
    pub fn write_to(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        if self.bom {
            w.write_all(UTF8_BOM)?;
        }
        match &self.body {
            Body::Bytes(b) => w.write_all(b),
            Body::Lazy(render) => render(w),
        }
    }
}

impl From<OutputFile> for Table<'_> {
    fn from(f: OutputFile) -> Self {
        Table {
            name: f.name,
            body: Body::Bytes(f.bytes),
            bom: false,
        }
    }
}

impl From<Table<'_>> for OutputFile {
    fn from(t: Table<'_>) -> Self {
        let mut bytes = Vec::new();
        // Writing to a Vec cannot fail.
        let _ = t.write_to(&mut bytes);
        OutputFile {
            name: t.name,
            bytes,
        }
    }
}

/// Column names as owned strings.
pub(super) fn h(cols: &[&str]) -> Vec<String> {
    cols.iter().map(|s| s.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_zero_is_written_as_zero() {
        assert_eq!(f4(-0.00001), "0.0000");
        assert_eq!(f4(f64::NAN), "");
    }
}
