//! Stated limits: how much input frame accepts, and the checks that turn
//! "too big for this machine" into a clear message before any memory is used,
//! instead of an out-of-memory crash halfway through. Also the warnings for
//! articles that hold no words to score.
//!
//! The memory figure is measured, not guessed: a 204 MiB single-file corpus
//! peaked at 5.6 GB resident (`/usr/bin/time -v`, 2 cores), and 5,000 articles
//! of 2 KB (11 MB) at 0.3 GB: about 27 bytes of memory per byte of input either way. Most of it is the per-sentence results (every
//! sentence is kept with its scores for `sentences.csv` and `analysis.json`)
//! and the rendered outputs, which are held in memory until they are written
//! atomically. [`MEMORY_PER_INPUT_BYTE`] rounds that up.

use crate::model::error::{Error, Result};
use crate::model::Analysis;

/// Largest article or table file frame reads (256 MiB, far above any
/// article); bigger files are skipped unread with a warning. A run needs about 27 bytes of memory per
/// byte of input (see `crate::input::limits`), so this keeps one file under ~8 GB.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Bytes of memory a run needs per byte of input (measured 27; rounded up).
pub const MEMORY_PER_INPUT_BYTE: u64 = 30;
/// Largest total input (all files and tables together) frame accepts on any machine.
pub const MAX_CORPUS_BYTES: u64 = 2 * 1024 * 1024 * 1024;
/// Set to any value to skip the free-memory check (the fixed ceiling still holds).
pub const SKIP_MEMORY_CHECK_ENV: &str = "FRAME_SKIP_MEMORY_CHECK";

/// Reads a whole input file (article, table, metadata, stop words, lexicon,
/// coding sheet), refusing what is not a regular file (a pipe, socket or
/// device would block or never end) and stopping at [`MAX_FILE_BYTES`]
/// whatever size the file claims (files under `/proc` claim none). The
/// error reads well after "cannot read: ".
pub fn read_file(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let not_regular = || {
        std::io::Error::other(
            "not a regular file (a pipe, socket or device); save the content to a file and give that",
        )
    };
    // Checked before opening: opening a pipe waits for a writer.
    if !std::fs::metadata(path)?.is_file() {
        return Err(not_regular());
    }
    let f = std::fs::File::open(path)?;
    let meta = f.metadata()?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    let too_big = || {
        std::io::Error::other(format!(
            "the file is larger than frame's limit of {} MB per file (split it into parts)",
            mib(MAX_FILE_BYTES)
        ))
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big());
    }
    Ok(bytes)
}

/// An error of reading a file in plain words with what to do about it
/// ("No such file or directory (os error 2)" is neither).
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "no such file; check the path".into(),
        K::PermissionDenied => "permission denied; check that you may read the file".into(),
        K::IsADirectory => "it is a folder; give a file".into(),
        _ => e.to_string(),
    }
}

fn mib(bytes: u64) -> u64 {
    bytes.div_ceil(1024 * 1024)
}

/// A size in MB as messages give it: whole when it is, else one decimal.
fn mb(bytes: u64) -> String {
    if bytes.is_multiple_of(1 << 20) {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{:.1} MB", bytes as f64 / f64::from(1 << 20))
    }
}

/// A file's `size` and the `limit` it is above, as a message shows them:
/// in MB, and in bytes where MB would show the same number ("256 MB, above
/// the limit of 256 MB" reads as a bug).
pub fn size_and_limit(size: u64, limit: u64) -> (String, String) {
    let one_decimal = |b: u64| format!("{:.1}", b as f64 / f64::from(1 << 20));
    if one_decimal(size) == one_decimal(limit) {
        let bytes = |b: u64| format!("{} bytes", crate::model::numbers::int(b as usize));
        (bytes(size), format!("{} ({})", mb(limit), bytes(limit)))
    } else {
        (mb(size), mb(limit))
    }
}

/// Memory this process may still use, in bytes: the smaller of the system's
/// `MemAvailable` and the cgroup (container) limit minus its usage. `None`
/// where neither can be read (not Linux).
pub fn available_memory() -> Option<u64> {
    let meminfo = std::fs::read_to_string("/proc/meminfo").ok().and_then(|s| {
        s.lines()
            .find(|l| l.starts_with("MemAvailable:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<u64>().ok())
            .map(|kb| kb * 1024)
    });
    let read_num = |p: &str| {
        std::fs::read_to_string(p)
            .ok()
            .and_then(|s| s.trim().parse::<u64>().ok())
    };
    let cgroup = read_num("/sys/fs/cgroup/memory.max")
        .map(|max| max.saturating_sub(read_num("/sys/fs/cgroup/memory.current").unwrap_or(0)));
    match (meminfo, cgroup) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Refuses a corpus of `total` input bytes that is above [`MAX_CORPUS_BYTES`],
/// or whose estimated memory ([`MEMORY_PER_INPUT_BYTE`] x input) is more than
/// `available` (see [`available_memory`]). The message gives the numbers and
/// what to do.
pub fn check_corpus_size(total: u64, files: usize, available: Option<u64>) -> Result<()> {
    if total > MAX_CORPUS_BYTES {
        let (size, limit) = size_and_limit(total, MAX_CORPUS_BYTES);
        return Err(Error::Usage(format!(
            "the input is {size} in {files} file(s), above frame's limit of {limit} per run: analyse it in parts (e.g. one folder per outlet or period)"
        )));
    }
    let need = total.saturating_mul(MEMORY_PER_INPUT_BYTE);
    if let Some(avail) = available {
        if need > avail && std::env::var_os(SKIP_MEMORY_CHECK_ENV).is_none() {
            return Err(Error::Usage(format!(
                "the input is {} MB in {files} file(s); analysing it needs about {} MB of memory ({}x the input) but only {} MB is free: analyse it in parts, close other programs, or set {SKIP_MEMORY_CHECK_ENV}=1 to try anyway",
                mib(total),
                mib(need),
                MEMORY_PER_INPUT_BYTE,
                mib(avail)
            )));
        }
    }
    Ok(())
}

/// Warnings for articles that were read but give nothing to measure: no words
/// at all (only numbers, links or punctuation), or no words left after stop
/// words (no TF-IDF terms). Their scores are all zero, which is easy to misread.
pub fn content_warnings(a: &Analysis) -> Vec<String> {
    let mut out = Vec::new();
    for r in &a.articles {
        if r.words == 0 {
            out.push(format!(
                "{}: no words (only numbers, links or punctuation); its scores are all zero",
                r.source
            ));
        } else if r.tokens == 0 {
            out.push(format!(
                "{}: only stop words ({} words); it has no TF-IDF terms (similarity 0 to every other article)",
                r.source, r.words
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.txt");
        std::fs::write(&f, "text").unwrap();
        assert_eq!(read_file(&f).unwrap(), b"text");
        let err = read_file(dir.path()).unwrap_err().to_string();
        assert!(err.contains("not a regular file"), "{err}");
        if std::path::Path::new("/dev/zero").exists() {
            let err = read_file(std::path::Path::new("/dev/zero"))
                .unwrap_err()
                .to_string();
            assert!(err.contains("not a regular file"), "{err}");
        }
        // A /proc file claims size 0; the read is capped all the same.
        if std::path::Path::new("/proc/self/status").exists() {
            assert!(!read_file(std::path::Path::new("/proc/self/status"))
                .unwrap()
                .is_empty());
        }
    }

    /// One byte over the limit must not read "256 MB, above the limit of
    /// 256 MB": sizes that round alike are given in bytes.
    #[test]
    fn sizes_over_a_limit_read_apart() {
        let limit = MAX_FILE_BYTES;
        assert_eq!(
            size_and_limit(limit + 1, limit),
            (
                "268,435,457 bytes".to_string(),
                "256 MB (268,435,456 bytes)".to_string()
            )
        );
        assert_eq!(
            size_and_limit(limit + (1 << 19), limit),
            ("256.5 MB".to_string(), "256 MB".to_string())
        );
        assert_eq!(
            size_and_limit(300 << 20, limit),
            ("300 MB".to_string(), "256 MB".to_string())
        );
        let err = check_corpus_size(MAX_CORPUS_BYTES + 1, 2, None).unwrap_err();
        assert!(
            err.to_string().contains("is 2,147,483,649 bytes in 2 file(s), above frame's limit of 2048 MB (2,147,483,648 bytes)"),
            "{err}"
        );
    }

    #[test]
    fn corpus_size_limits() {
        assert!(check_corpus_size(1000, 1, Some(1 << 30)).is_ok());
        assert!(check_corpus_size(1000, 1, None).is_ok());
        let err = check_corpus_size(MAX_CORPUS_BYTES + 1, 3, None).unwrap_err();
        assert!(err.to_string().contains("above frame's limit"), "{err}");
        assert_eq!(err.exit_code(), 1);
        // 100 MB of input needs about 3 GB; with 1 GB free it is refused.
        let err = check_corpus_size(100 << 20, 7, Some(1 << 30)).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("100 MB in 7 file(s)")
                && msg.contains("3000 MB")
                && msg.contains("1024 MB"),
            "{msg}"
        );
    }

    #[test]
    fn empty_articles_are_warned_about() {
        let mut a = crate::model::example(3);
        a.articles[0].words = 0;
        a.articles[1].tokens = 0;
        let w = content_warnings(&a);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w[0].contains(&a.articles[0].source) && w[0].contains("no words"));
        assert!(w[1].contains(&a.articles[1].source) && w[1].contains("only stop words"));
    }
}
