//! Reading a corpus: folders (walked in sorted order), single files and
//! tables (CSV, JSON Lines) become [`Document`]s; whatever cannot be used is
//! recorded in [`Corpus::skipped`] with the reason, and the run goes on.

pub mod boilerplate;
pub mod decode;
pub mod limits;
pub mod markup;
pub mod metadata;
pub mod table;

use crate::model::error::{Error, Result};
use crate::model::options::CorpusOptions;
use crate::model::{InputRecord, Skipped};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// Extensions read as articles inside a folder.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm"];
/// Extensions read as tables when named directly.
pub const TABLE_EXTENSIONS: &[&str] = &["csv", "jsonl", "ndjson"];
/// Largest article or table file frame reads (256 MiB, far above any
/// article); bigger files are skipped unread with a warning. A run needs about 27 bytes of memory per
/// byte of input (see `crate::input::limits`), so this keeps one file under ~8 GB.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// One article, cleaned and ready for the text pipeline.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Unique id across the corpus.
    pub id: String,
    /// Path, or `path:row N` for tables.
    pub source: String,
    /// Title (first substantial line, or the title column / front matter).
    pub title: String,
    /// The article text with boilerplate removed (paragraphs separated by blank lines).
    pub text: String,
    /// Date, if known (front matter, file name YYYY-MM-DD, or date column).
    pub date: Option<String>,
    /// Group, if known (first-level subfolder, front matter `outlet:`, or group column).
    pub group: Option<String>,
    /// Lines dropped as boilerplate.
    pub boilerplate_lines: usize,
    /// SHA-256 of the cleaned text.
    pub sha256: String,
    /// Other metadata by lower-case key (front matter, table columns, `--metadata` file), for `--group-by`.
    pub meta: BTreeMap<String, String>,
}

/// The articles of a run and what was skipped.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Usable articles, in sorted input order.
    pub documents: Vec<Document>,
    /// Files and rows that could not be used, with the reason.
    pub skipped: Vec<Skipped>,
    /// Every input file read, with its hash.
    pub inputs: Vec<InputRecord>,
    /// Warnings (encoding fallbacks, duplicates ...), each naming its file.
    pub warnings: Vec<String>,
    /// Files inside folders ignored because of their extension.
    pub ignored_files: usize,
}

/// Hex SHA-256 of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in d {
        s.push_str(&format!("{:02x}", b));
    }
    s
}

/// A file found while walking the inputs.
struct Candidate {
    path: PathBuf,
    /// Path relative to the input folder (or the file name when given directly).
    rel: PathBuf,
    /// Index of the input it came from.
    input: usize,
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Walks a folder in sorted order, following symbolic links but never
/// entering a folder twice (so a symlink loop ends with a warning).
fn walk(
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
    for (path, kind) in paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
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
                        format!("cannot read: {e}")
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
            if path.join(crate::output::MANIFEST).is_file() {
                corpus.warnings.push(format!(
                    "{}: a frame output folder (it holds {}); not read as articles",
                    display(&path),
                    crate::output::MANIFEST
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
        }
    }
}

/// Reads every input into a corpus. Fails only when an input path does not
/// exist or nothing usable remains; every other problem is a skip with a reason.
pub fn load(opts: &CorpusOptions) -> Result<Corpus> {
    let mut corpus = Corpus::default();
    let mut files: Vec<Candidate> = Vec::new();
    let mut tables: Vec<(usize, PathBuf)> = Vec::new();
    for (i, input) in opts.inputs.iter().enumerate() {
        let meta = std::fs::metadata(input).map_err(|e| Error::Input {
            path: input.clone(),
            message: if e.kind() == std::io::ErrorKind::NotFound {
                if std::fs::symlink_metadata(input).is_ok() {
                    "broken symbolic link".into()
                } else {
                    "no such file or folder".into()
                }
            } else {
                format!("cannot open: {e}")
            },
        })?;
        if meta.is_dir() {
            let mut visited = HashSet::new();
            walk(input, input, i, &mut visited, &mut files, &mut corpus);
        } else if TABLE_EXTENSIONS.contains(&extension(input).as_str()) {
            tables.push((i, input.clone()));
        } else if meta.is_file() {
            let rel = PathBuf::from(input.file_name().unwrap_or(input.as_os_str()));
            files.push(Candidate {
                path: input.clone(),
                rel,
                input: i,
            });
        } else {
            corpus.skipped.push(Skipped {
                source: display(input),
                reason: "not a regular file (pipe, socket or device)".into(),
            });
        }
    }

    // Refuse a corpus this machine cannot hold before reading any of it.
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let total: u64 = files
        .par_iter()
        .map(|c| size(&c.path))
        .chain(tables.par_iter().map(|(_, p)| size(p)))
        .filter(|&s| s <= MAX_FILE_BYTES) // bigger files are skipped unread
        .sum();
    crate::input::limits::check_corpus_size(
        total,
        files.len() + tables.len(),
        crate::input::limits::available_memory(),
    )?;

    // Decode and clean in parallel; the order of `files` is kept.
    let results: Vec<FileResult> = files
        .par_iter()
        .map(|c| read_article(c, opts.keep_boilerplate))
        .collect();
    let ids = assign_ids(&files);
    for (c, (res, id)) in files.iter().zip(results.into_iter().zip(ids)) {
        if let Some(rec) = res.input {
            corpus.inputs.push(rec);
        }
        corpus.warnings.extend(res.warnings);
        match res.doc {
            Ok(mut doc) => {
                doc.id = id;
                if doc.group.is_none() {
                    doc.group = group_of(&c.rel);
                }
                corpus.documents.push(doc);
            }
            Err(reason) => corpus.skipped.push(Skipped {
                source: display(&c.path),
                reason,
            }),
        }
    }
    for (_, path) in &tables {
        table::read(path, &opts.columns, opts.keep_boilerplate, &mut corpus)?;
    }
    dedupe_ids(&mut corpus);
    if let Some(p) = &opts.metadata {
        metadata::apply(p, &mut corpus)?;
    }
    warn_duplicates(&mut corpus);
    if corpus.documents.is_empty() {
        let mut details = String::new();
        if !corpus.skipped.is_empty() {
            details.push(':');
            for s in corpus.skipped.iter().take(10) {
                details.push_str(&format!("\n  skipped {}: {}", s.source, s.reason));
            }
            if corpus.skipped.len() > 10 {
                details.push_str(&format!("\n  ... and {} more", corpus.skipped.len() - 10));
            }
        } else if corpus.ignored_files > 0 {
            details = format!(
                ": {} file(s) found, none with an article extension ({}) ",
                corpus.ignored_files,
                ARTICLE_EXTENSIONS
                    .iter()
                    .map(|e| format!(".{e}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        } else {
            let folders: Vec<String> = opts
                .inputs
                .iter()
                .filter(|p| p.is_dir())
                .map(|p| display(p))
                .collect();
            details = match folders.as_slice() {
                [] => " (the input is empty)".into(),
                [one] => format!(": the folder {one} is empty"),
                many => format!(": the folders {} are empty", many.join(", ")),
            };
        }
        return Err(Error::NoArticles { details });
    }
    Ok(corpus)
}

struct FileResult {
    doc: std::result::Result<Document, String>,
    input: Option<InputRecord>,
    warnings: Vec<String>,
}

fn read_article(c: &Candidate, keep_boilerplate: bool) -> FileResult {
    let source = display(&c.path);
    let mut warnings = Vec::new();
    let size = std::fs::metadata(&c.path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return FileResult {
            doc: Err(format!(
                "file is {} MB, above frame's limit of {} MB per article file (split it into articles)",
                size >> 20,
                MAX_FILE_BYTES >> 20
            )),
            input: None,
            warnings,
        };
    }
    let bytes = match std::fs::read(&c.path) {
        Ok(b) => b,
        Err(e) => {
            return FileResult {
                doc: Err(format!("cannot read: {e}")),
                input: None,
                warnings,
            }
        }
    };
    let input = Some(InputRecord {
        path: source.clone(),
        sha256: sha256_hex(&bytes),
        bytes: bytes.len() as u64,
    });
    let (text, enc) = match decode::decode(&bytes) {
        Ok(t) => t,
        Err(decode::DecodeProblem::Empty) => {
            return FileResult {
                doc: Err("empty file".into()),
                input,
                warnings,
            }
        }
        Err(decode::DecodeProblem::Binary) => {
            return FileResult {
                doc: Err("binary file (not text)".into()),
                input,
                warnings,
            }
        }
    };
    if enc == decode::Encoding::Windows1252 {
        warnings.push(format!("{source}: not valid UTF-8; read as Windows-1252"));
    }
    let ext = extension(&c.path);
    let mut meta = Vec::new();
    let text = match ext.as_str() {
        "html" | "htm" => {
            // The <title> names the article; its words are not counted again as text.
            meta.extend(markup::html_title(&text).map(|t| ("title".to_string(), t)));
            markup::html_to_text(&text)
        }
        "md" | "markdown" => {
            let (t, m) = markup::markdown_to_text(&text);
            meta = m;
            t
        }
        // Plain text may carry the same front matter as Markdown.
        _ if text.trim_start_matches('\u{feff}').starts_with("---") => {
            let (t, m) = metadata::front_matter(&text);
            meta = m;
            t
        }
        _ => text,
    };
    let file_name = c
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut doc = make_document(&text, keep_boilerplate);
    if doc.text.trim().is_empty() {
        return FileResult {
            doc: Err("no article text left after removing boilerplate".into()),
            input,
            warnings,
        };
    }
    doc.source = source;
    doc.date = date_in(&file_name);
    for (k, v) in meta {
        match k.as_str() {
            "title" if !v.is_empty() => doc.title = v.clone(),
            "date" if !v.is_empty() => doc.date = Some(v.clone()),
            "outlet" | "group" | "source" if !v.is_empty() => doc.group = Some(v.clone()),
            _ => {}
        }
        if !v.is_empty() {
            doc.meta.insert(k, v);
        }
    }
    FileResult {
        doc: Ok(doc),
        input,
        warnings,
    }
}

/// Trimmed byte spans of the paragraphs of `text`: blocks of lines separated
/// by blank lines; where the text has no blank line between two lines of
/// text, each non-blank line is a paragraph (files that never leave a blank
/// line put one paragraph on each line).
pub fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut blank_before = false;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_end();
        if t.trim().is_empty() {
            blank_before = !lines.is_empty();
        } else {
            let span = (at + t.len() - t.trim_start().len(), at + t.len());
            match blocks.last_mut() {
                Some(last) if !blank_before => last.1 = span.1,
                _ => blocks.push(span),
            }
            lines.push(span);
            blank_before = false;
        }
        at += line.len();
    }
    if blocks.len() > 1 {
        blocks
    } else {
        lines
    }
}

/// Builds a document from decoded text: boilerplate removed, title found, hash taken.
pub fn make_document(text: &str, keep_boilerplate: bool) -> Document {
    let (clean, dropped) = if keep_boilerplate {
        (text.to_string(), 0)
    } else {
        boilerplate::strip(text)
    };
    let title = find_title(&clean);
    Document {
        sha256: sha256_hex(clean.as_bytes()),
        text: clean,
        title,
        boilerplate_lines: dropped,
        ..Default::default()
    }
}

/// The first line of at least four words (section labels such as "World News"
/// are shorter), else the first non-empty line.
pub fn find_title(text: &str) -> String {
    let lines = || text.lines().map(str::trim).filter(|l| !l.is_empty());
    lines()
        .find(|l| l.split_whitespace().count() >= 4)
        .or_else(|| lines().next())
        .unwrap_or("")
        .chars()
        .take(300)
        .collect()
}

/// A YYYY-MM-DD date inside a file name.
fn date_in(name: &str) -> Option<String> {
    let b = name.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let s = &b[i..i + 10];
        let ok = s.iter().enumerate().all(|(j, c)| {
            if j == 4 || j == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
        let boundary = (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
        (ok && boundary).then(|| name[i..i + 10].to_string())
    })
}

/// The first-level subfolder is the group ("corpus/outlet-a/001.txt" -> "outlet-a").
fn group_of(rel: &Path) -> Option<String> {
    let comps: Vec<_> = rel.components().collect();
    (comps.len() >= 2).then(|| comps[0].as_os_str().to_string_lossy().into_owned())
}

/// File stems as ids; where stems clash, the path relative to the input
/// folder (without extension) instead; where that clashes inside one input
/// (`story.txt` and `story.html` side by side) the extension is kept; where
/// it still clashes (two inputs), the input's number is prefixed.
fn assign_ids(files: &[Candidate]) -> Vec<String> {
    // The counts are only looked up, never listed, so hash maps give the
    // same ids as ordered ones; the names are made once, in parallel (at
    // 100,000 files this step was a third of a second on one core).
    type Counts<K> = crate::text::fxhash::FxHashMap<K, usize>;
    let stems: Vec<String> = files
        .par_iter()
        .map(|c| {
            c.path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    let mut count: Counts<&str> = Counts::default();
    for s in &stems {
        *count.entry(s.as_str()).or_default() += 1;
    }
    // The usual case, file names all different: each id is its file name
    // and the passes below would change none.
    if count.len() == stems.len() {
        return stems;
    }
    let first: Vec<String> = files
        .par_iter()
        .zip(&stems)
        .map(|(c, stem)| {
            if count[stem.as_str()] > 1 {
                display(&c.rel.with_extension(""))
            } else {
                stem.clone()
            }
        })
        .collect();
    drop(count);
    let mut same_input: Counts<(usize, &str)> = Counts::default();
    for (c, id) in files.iter().zip(&first) {
        *same_input.entry((c.input, id.as_str())).or_default() += 1;
    }
    let first: Vec<String> = files
        .par_iter()
        .zip(&first)
        .map(|(c, id)| {
            if same_input[&(c.input, id.as_str())] > 1 {
                display(&c.rel)
            } else {
                id.clone()
            }
        })
        .collect();
    let mut count2: Counts<&str> = Counts::default();
    for id in &first {
        *count2.entry(id.as_str()).or_default() += 1;
    }
    files
        .par_iter()
        .zip(&first)
        .map(|(c, id)| {
            if count2[id.as_str()] > 1 {
                format!("input{}/{}", c.input + 1, id)
            } else {
                id.clone()
            }
        })
        .collect()
}

/// Ids must be unique across files and tables together: later clashes get a suffix.
fn dedupe_ids(corpus: &mut Corpus) {
    let mut seen: HashSet<String> = HashSet::new();
    for d in &mut corpus.documents {
        if !seen.insert(d.id.clone()) {
            let mut n = 2;
            while seen.contains(&format!("{}-{}", d.id, n)) {
                n += 1;
            }
            let new = format!("{}-{}", d.id, n);
            corpus.warnings.push(format!(
                "{}: id '{}' is already used; this article is '{}'",
                d.source, d.id, new
            ));
            d.id = new;
            seen.insert(d.id.clone());
        }
    }
}

fn warn_duplicates(corpus: &mut Corpus) {
    let mut first: BTreeMap<&str, &str> = BTreeMap::new();
    let mut warnings = Vec::new();
    for d in &corpus.documents {
        if let Some(prev) = first.get(d.sha256.as_str()) {
            warnings.push(format!(
                "{}: same text as {} (duplicate article; both are analysed)",
                d.source, prev
            ));
        } else {
            first.insert(&d.sha256, &d.source);
        }
    }
    corpus.warnings.extend(warnings);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_blocks_else_lines() {
        let spans = |t: &str| -> Vec<String> {
            paragraphs(t)
                .into_iter()
                .map(|(a, b)| t[a..b].to_string())
                .collect()
        };
        // Hard-wrapped: a paragraph runs over several lines.
        assert_eq!(
            spans("Title line here\n\n  First line\nof the lead.\n\n\nBody one\nbody two \n"),
            [
                "Title line here",
                "First line\nof the lead.",
                "Body one\nbody two"
            ]
        );
        // No blank line anywhere: each line is a paragraph.
        assert_eq!(spans("\nOne\n two \nthree\n\n"), ["One", "two", "three"]);
        assert!(spans(" \n\n").is_empty());
    }

    #[test]
    fn title_skips_short_section_labels() {
        assert_eq!(
            find_title("\nWorld News\n\nOver 100 Officers Refuse to Carry Guns\nBody"),
            "Over 100 Officers Refuse to Carry Guns"
        );
        assert_eq!(find_title("Short\n"), "Short");
    }

    #[test]
    fn dates_in_file_names() {
        assert_eq!(date_in("2024-03-05_bbc.txt").as_deref(), Some("2024-03-05"));
        assert_eq!(date_in("bbc-2024-03-05.md").as_deref(), Some("2024-03-05"));
        assert_eq!(date_in("12024-03-051.txt"), None);
        assert_eq!(date_in("001.txt"), None);
    }

    #[test]
    fn ids_keep_subfolders_when_stems_clash() {
        let c = |p: &str, input| Candidate {
            path: PathBuf::from(format!("root/{p}")),
            rel: PathBuf::from(p),
            input,
        };
        let ids = assign_ids(&[
            c("outlet-a/001.txt", 0),
            c("outlet-b/001.txt", 0),
            c("outlet-b/002.txt", 0),
        ]);
        assert_eq!(ids, vec!["outlet-a/001", "outlet-b/001", "002"]);
        // Same stem, different extension, same folder: the extension is kept.
        let ids = assign_ids(&[c("story.html", 0), c("story.txt", 0), c("other.md", 0)]);
        assert_eq!(ids, vec!["story.html", "story.txt", "other"]);
        // The same file name in two inputs: the input number tells them apart.
        let ids = assign_ids(&[c("a.txt", 0), c("a.txt", 1)]);
        assert_eq!(ids, vec!["input1/a", "input2/a"]);
        assert_eq!(
            group_of(Path::new("outlet-a/001.txt")).as_deref(),
            Some("outlet-a")
        );
        assert_eq!(group_of(Path::new("001.txt")), None);
    }
}
