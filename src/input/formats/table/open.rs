//! Opening a table to stream it (`frame score`): only a regular file, its
//! encoding sniffed from the first bytes. UTF-8 and Windows-1252 are told
//! apart row by row as the rows are read; UTF-16, rare in tables, is decoded
//! whole (within the per-file limit), as `analyze` reads it.

use crate::input::decode::{self, Start};
use std::io::{BufRead, BufReader, Cursor};
use std::path::Path;

/// Bytes read from the file at a time.
const BUFFER: usize = 64 * 1024;

/// A reader over the table's text (a UTF-8 BOM passed over), or why the
/// file cannot be read (the reason reads well after the file's name).
pub fn open(path: &Path) -> Result<Box<dyn BufRead>, String> {
    let meta = std::fs::metadata(path).map_err(|e| crate::input::limits::io_reason(&e))?;
    // Checked before opening: opening a pipe waits for a writer.
    if !meta.is_file() {
        return Err(
            "not a regular file (a pipe, socket or device); save the table to a file and give that"
                .into(),
        );
    }
    let file = std::fs::File::open(path)
        .map_err(|e| format!("cannot open: {}", crate::input::limits::io_reason(&e)))?;
    let mut reader = BufReader::with_capacity(BUFFER, file);
    let head = reader.fill_buf().map_err(|e| format!("cannot read: {e}"))?;
    if head.is_empty() {
        return Err("empty file".into());
    }
    match decode::sniff(head) {
        Start::Utf8Bom(n) => {
            reader.consume(n);
            Ok(Box::new(reader))
        }
        Start::Bytes => Ok(Box::new(reader)),
        Start::Binary => Err("binary file (not text)".into()),
        Start::Utf16 => {
            drop(reader);
            let bytes =
                crate::input::limits::read_file(path).map_err(|e| format!("cannot read: {e}"))?;
            let (text, _) = decode::decode(&bytes).map_err(|p| match p {
                decode::DecodeProblem::Empty => "empty file".to_string(),
                decode::DecodeProblem::Binary => "binary file (not text)".to_string(),
            })?;
            Ok(Box::new(Cursor::new(text.into_bytes())))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn read_all(bytes: &[u8]) -> Result<String, String> {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.csv");
        std::fs::write(&p, bytes).unwrap();
        let mut s = String::new();
        open(&p)?.read_to_string(&mut s).unwrap();
        Ok(s)
    }

    #[test]
    fn a_bom_is_passed_over_and_utf16_decoded() {
        assert_eq!(read_all(b"\xEF\xBB\xBFid,text\n").unwrap(), "id,text\n");
        let mut utf16 = vec![0xFF, 0xFE];
        for c in "id,text\n".encode_utf16() {
            utf16.extend(c.to_le_bytes());
        }
        assert_eq!(read_all(&utf16).unwrap(), "id,text\n");
        assert_eq!(read_all(b"").unwrap_err(), "empty file");
        assert_eq!(
            read_all(b"\0\0\0\x01").unwrap_err(),
            "binary file (not text)"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_or_a_pipe_is_refused_unopened() {
        let dir = tempfile::tempdir().unwrap();
        let why = open(dir.path()).err().unwrap();
        assert!(why.starts_with("not a regular file"), "{why}");
        assert_eq!(
            open(&dir.path().join("none.csv")).err().unwrap(),
            "no such file; check the path"
        );
    }
}
