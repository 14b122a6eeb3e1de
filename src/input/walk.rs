//! Finding the article files under the inputs: folders walked in sorted
//! order, links followed, loops and frame's own output folders left out.

use super::document::{display, Corpus};
use crate::model::{Skipped, MANIFEST};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::formats::detect::{skip_reason, ARTICLE_EXTENSIONS};
/// Extensions read as tables when named directly.
pub const TABLE_EXTENSIONS: &[&str] = &["csv", "jsonl", "ndjson"];
/// A file found while walking the inputs.
pub(crate) struct Candidate {
    pub(crate) path: PathBuf,
    /// Path relative to the input folder (or the file name when given directly).
    pub(crate) rel: PathBuf,
    /// Index of the input it came from.
    pub(crate) input: usize,
}

/// The lower-case extension of a path ("" when it has none).
pub(crate) fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Names listed in the frame manifest of `dir` (none without one): the
/// last tab-separated field of each line, which covers both manifest formats.
fn own_outputs(dir: &Path) -> HashSet<String> {
    std::fs::read_to_string(dir.join(MANIFEST))
        .map(|s| {
            s.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .filter_map(|l| l.rsplit('\t').next())
                .map(|n| n.trim().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Walks a folder in sorted order, following symbolic links but never
/// entering a folder twice (so a symlink loop ends with a warning).
pub(crate) fn walk(
    root: &Path,
    dir: &Path,
    input: usize,
    visited: &mut HashSet<PathBuf>,
    out: &mut Vec<Candidate>,
    corpus: &mut Corpus,
) {
    let real = match std::fs::canonicalize(dir) {
        Ok(r) => r,
        Err(e) => {
            corpus.skipped.push(Skipped {
                source: display(dir),
                reason: format!("cannot open folder: {e}"),
            });
            return;
        }
    };
    if !visited.insert(real) {
        corpus.skipped.push(Skipped {
            source: display(dir),
            reason: "folder already visited (symbolic link loop); skipped".into(),
        });
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            corpus.skipped.push(Skipped {
                source: display(dir),
                reason: format!("cannot list folder: {e}"),
            });
            return;
        }
    };
    // The entry's own type saves a `stat` per regular file (100,000 of them
    // were a quarter of a second on one core); links and unknown types are
    // followed with `metadata` as before.
    let mut paths: Vec<(PathBuf, Option<std::fs::FileType>)> = entries
        .filter_map(|e| e.ok().map(|e| (e.path(), e.file_type().ok())))
        .collect();
    paths.sort_by(|a, b| a.0.cmp(&b.0));
    // An input folder that is itself frame's output folder (`--out` equal
    // to the input): the outputs its manifest lists are not articles.
    let own = if dir == root {
        own_outputs(dir)
    } else {
        HashSet::new()
    };
    let mut own_found = 0;
    for (path, kind) in paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            // Said once for all of them (`load`): .DS_Store, .git ...
            corpus.hidden.push(display(&path));
            continue;
        }
        if own.contains(name) {
            own_found += 1;
            continue;
        }
        // (is a folder, is a regular file), links followed.
        let kind = if kind.is_some_and(|k| k.is_file()) {
            Ok((false, true))
        } else {
            std::fs::metadata(&path).map(|m| (m.is_dir(), m.is_file()))
        };
        let (is_dir, is_file) = match kind {
            Ok(m) => m,
            Err(e) => {
                if extension(&path).is_empty()
                    || ARTICLE_EXTENSIONS.contains(&extension(&path).as_str())
                {
                    let why = if std::fs::symlink_metadata(&path)
                        .map(|m| m.file_type().is_symlink())
                        .unwrap_or(false)
                    {
                        "broken symbolic link".to_string()
                    } else {
                        format!("cannot read: {}", crate::input::limits::io_reason(&e))
                    };
                    corpus.skipped.push(Skipped {
                        source: display(&path),
                        reason: why,
                    });
                }
                continue;
            }
        };
        if is_dir {
            // A report folder of an earlier run (`frame analyze .` writes
            // `./reports`): its report.md must not come back as an article.
            if path.join(MANIFEST).is_file() {
                corpus.warnings.push(format!(
                    "{}: a frame output folder (it holds {}); not read as articles",
                    display(&path),
                    MANIFEST
                ));
                continue;
            }
            walk(root, &path, input, visited, out, corpus);
        } else if ARTICLE_EXTENSIONS.contains(&extension(&path).as_str()) {
            if !is_file {
                corpus.skipped.push(Skipped {
                    source: display(&path),
                    reason: "not a regular file (pipe, socket or device)".into(),
                });
                continue;
            }
            let rel = path
                .strip_prefix(root)
                .map(Path::to_path_buf)
                .unwrap_or_else(|_| path.clone());
            out.push(Candidate { path, rel, input });
        } else {
            corpus.ignored_files += 1;
            corpus.skipped.push(Skipped {
                source: display(&path),
                reason: skip_reason(&extension(&path))
                    .unwrap_or_else(|| "not an article file".into()),
            });
        }
    }
    if own_found > 0 {
        corpus.warnings.push(format!(
            "{}: {own_found} files here are frame's outputs of an earlier run (listed in {MANIFEST}); not read as articles",
            display(dir)
        ));
    }
}
