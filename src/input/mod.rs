//! Reading a corpus: folders (walked in sorted order), single files and
//! tables (CSV, JSON Lines) become [`Document`]s; whatever cannot be used is
//! recorded in [`Corpus::skipped`] with the reason, and the run goes on.
//!
//! `walk` finds the files, `article` reads one (the reader in `formats/`
//! its content calls for, `exports` to split a news-database export into
//! articles, then `boilerplate`), `ids` names them, `cross_article` removes
//! the sentences many articles repeat (promotions); `metadata` applies a
//! `--metadata` sidecar and `limits` refuses a corpus the machine cannot
//! hold. A new input format is one file in `formats/` and one arm in
//! `formats::read` (and `formats::detect`).

mod article;
pub mod boilerplate;
pub mod cross_article;
mod damage;
pub mod day_month;
pub mod decode;
pub mod document;
pub mod exports;
pub mod formats;
pub mod headline;
mod ids;
pub mod inline_boilerplate;
pub mod inline_teasers;
pub mod invisible;
pub mod ligatures;
pub mod limits;
pub mod line_joins;
mod lost_spaces;
pub mod metadata;
pub mod paragraphs;
mod quote_marks;
mod repaired_marks;
mod repeated_title;
pub mod text_steps;
mod titles;
mod under_headline;
pub mod walk;
pub mod wire_credits;

pub use article::make_document;
pub(crate) use damage::lost_letter_at;
pub use document::{sha256_hex, Corpus, Document};
pub use formats::ARTICLE_EXTENSIONS;
pub use limits::MAX_FILE_BYTES;
pub use paragraphs::paragraphs;
pub use titles::find_title;
pub use walk::TABLE_EXTENSIONS;

use crate::model::error::{Error, Result};
use crate::model::options::CorpusOptions;
use crate::model::Skipped;
use article::{read_article_guarded, FileResult};
use document::display;
use ids::{assign_ids, dedupe_ids, group_of, input_labels, warn_duplicates};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use walk::{extension, imported_names, walk, Candidate, WalkRules, IMPORT_MARKER};

/// Reads every input into a corpus. Fails only when an input path does not
/// exist or nothing usable remains; every other problem is a skip with a reason.
pub fn load(opts: &CorpusOptions) -> Result<Corpus> {
    load_with(opts, None)
}

/// [`load`] for `frame import` writing into `out`: the articles it wrote
/// there, now or in an earlier run, and those of earlier imports in folders
/// it walks are not read as input (each pass-over is a warning).
pub fn load_for_import(opts: &CorpusOptions, out: &Path) -> Result<Corpus> {
    // A folder not made yet holds nothing to pass over.
    let out = std::fs::canonicalize(out).unwrap_or_else(|_| out.to_path_buf());
    load_with(opts, Some(out))
}

fn load_with(opts: &CorpusOptions, import_out: Option<PathBuf>) -> Result<Corpus> {
    let rules = WalkRules {
        import_out,
        forced_format: opts.format.is_some(),
    };
    let mut corpus = Corpus::default();
    let mut files: Vec<Candidate> = Vec::new();
    let mut tables: Vec<(usize, PathBuf)> = Vec::new();
    // Each path once, however often it is given (`base ./base/`).
    let inputs = walk::distinct_inputs(&opts.inputs, &mut corpus.warnings);
    for (i, input) in inputs.iter().enumerate() {
        let meta = std::fs::metadata(input).map_err(|e| Error::Input {
            path: input.clone(),
            message: if crate::platform::file::is_link_loop(&e) {
                walk::LINK_LOOP.into()
            } else if e.kind() == std::io::ErrorKind::NotFound {
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
            walk(
                input,
                input,
                i,
                &mut visited,
                &mut files,
                &mut corpus,
                &rules,
            );
        } else if TABLE_EXTENSIONS.contains(&extension(input).as_str()) {
            tables.push((i, input.clone()));
        } else if let Some(reason) = rules.import_out.as_ref().and_then(|_| imported_file(input)) {
            corpus.skipped.push(Skipped {
                source: display(input),
                reason,
            });
        } else if let Some(reason) = formats::detect::lock_file_reason(input) {
            corpus.skipped.push(Skipped {
                source: display(input),
                reason,
            });
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

    if inputs.len() > 1 {
        // A file given directly and again inside a folder given too.
        walk::drop_repeated_files(&mut files, &inputs, &mut corpus.warnings);
    }

    if !corpus.hidden.is_empty() {
        let n = corpus.hidden.len();
        let mut names: Vec<&str> = corpus.hidden.iter().take(5).map(String::as_str).collect();
        if n > 5 {
            names.push("...");
        }
        corpus.warnings.push(format!(
            "{n} hidden file{} or folder{} (name starting with '.') not read: {}",
            if n == 1 { "" } else { "s" },
            if n == 1 { "" } else { "s" },
            names.join(", ")
        ));
    }

    // The run's summaries come first, so that per-file warnings never push
    // them past what the terminal shows.
    let summaries_end = corpus.warnings.len();

    // Refuse a corpus this machine cannot hold before reading any of it.
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    // A Word or OpenDocument file counts as what it unpacks to.
    let unpacked = |p: &Path| match extension(p).as_str() {
        "docx" | "odt" => {
            formats::office_zip::unpacked_size_of_file(p).map_or(size(p), |u| u.max(size(p)))
        }
        _ => size(p),
    };
    let total: u64 = files
        .par_iter()
        .map(|c| unpacked(&c.path))
        .chain(tables.par_iter().map(|(_, p)| size(p)))
        .filter(|&s| s <= MAX_FILE_BYTES) // bigger files are skipped unread
        .sum();
    crate::input::limits::check_corpus_size(
        total,
        files.len() + tables.len(),
        crate::input::limits::available_memory(),
    )?;

    // Read and clean in parallel; the order of `files` is kept.
    let results: Vec<FileResult> = files
        .par_iter()
        .map(|c| read_article_guarded(c, opts.keep_boilerplate, opts.format))
        .collect();
    let labels = input_labels(&inputs);
    let ids = assign_ids(&files, &labels);
    // With several folders, an article directly in one of them belongs to
    // the group of that folder's name (subfolders still give the group).
    let folders = inputs.iter().filter(|p| p.is_dir()).count();
    // (subfolder, the outlet the file names) where the two differ.
    let mut own_outlets: Vec<(String, String)> = Vec::new();
    for (c, (res, id)) in files.iter().zip(results.into_iter().zip(ids)) {
        if let Some(rec) = res.input {
            corpus.inputs.push(rec);
        }
        corpus.warnings.extend(res.warnings);
        corpus.skipped.extend(res.skipped);
        match res.doc {
            Ok(docs) => {
                for mut doc in docs {
                    // An export's articles are `file#N`, N their number in the export.
                    doc.id = format!("{id}{}", doc.id);
                    // The subfolder the user sorted a file into is its group,
                    // before the outlet the file names itself (an export's
                    // "The Guardian (London)", a page's site name), which
                    // stays metadata for --group-by outlet.
                    if let Some(sub) = group_of(&c.rel) {
                        if doc
                            .group
                            .as_deref()
                            .is_some_and(|g| !g.eq_ignore_ascii_case(&sub))
                        {
                            own_outlets.push((sub.clone(), doc.group.clone().unwrap_or_default()));
                        }
                        doc.group = Some(sub);
                    } else if doc.group.is_none() {
                        doc.group = (folders > 1 && inputs[c.input].is_dir())
                            .then(|| labels[c.input].clone());
                    }
                    corpus.documents.push(doc);
                }
            }
            Err(reason) => corpus.skipped.push(Skipped {
                source: display(&c.path),
                reason,
            }),
        }
    }
    if let Some(w) = own_outlets_note(&own_outlets) {
        corpus.warnings.insert(summaries_end, w);
    }
    for (_, path) in &tables {
        formats::table::read(path, &opts.columns, opts.keep_boilerplate, &mut corpus)?;
    }
    dedupe_ids(&mut corpus);
    if let Some(p) = &opts.metadata {
        metadata::apply(p, &mut corpus)?;
    }
    // Sentences repeated across many articles (promotions, sign-ups): only
    // the whole corpus shows them, so they go once every article is read.
    if !opts.keep_boilerplate {
        let removed = cross_article::remove(&mut corpus.documents);
        if let Some(w) = cross_article::note(&removed) {
            corpus.warnings.insert(summaries_end, w);
        }
    }
    if let Some(w) = inline_teasers::warning(&corpus.documents) {
        corpus.warnings.insert(summaries_end, w);
    }
    if let Some(w) = damage::count_and_warn(&mut corpus) {
        corpus.warnings.insert(summaries_end, w);
    }
    if let Some(w) = repaired_marks::warning(&corpus.documents) {
        corpus.warnings.insert(summaries_end, w);
    }
    if let Some(w) = titles::warning(&corpus.documents) {
        corpus.warnings.insert(summaries_end, w);
    }
    if let Some(w) = document::undated_warning(&corpus.documents) {
        corpus.warnings.insert(summaries_end, w);
    }
    // `frame import` writes the articles it reads; it analyses none.
    let kept = if rules.import_out.is_some() {
        "written"
    } else {
        "analysed"
    };
    warn_duplicates(&mut corpus, kept);
    if corpus.documents.is_empty() {
        let mut details = String::new();
        if !corpus.skipped.is_empty() {
            details.push(':');
            for s in corpus.skipped.iter().take(10) {
                details.push_str(&format!("\n  {s}"));
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

/// Why a file named as input to `frame import` is import output: an
/// earlier import listed it as written.
fn imported_file(file: &Path) -> Option<String> {
    let parent = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = file.file_name()?.to_str()?;
    if imported_names(parent).contains(name) {
        Some(format!(
            "written by an earlier frame import (listed in {}); not read as input",
            display(&parent.join(IMPORT_MARKER))
        ))
    } else {
        None
    }
}

/// The run's one note when files in subfolders name an outlet of their own
/// that differs from the subfolder (the subfolder is the group).
fn own_outlets_note(pairs: &[(String, String)]) -> Option<String> {
    let (sub, own) = pairs.first()?;
    let distinct: std::collections::BTreeSet<&str> = pairs.iter().map(|p| p.1.as_str()).collect();
    Some(format!(
        "{} in subfolders {} an outlet of {} own ({}, e.g. \"{own}\" in {sub}/): the subfolders are the groups compared; to compare by the outlet the files name, add --group-by outlet",
        crate::model::numbers::count(pairs.len(), "article", "articles"),
        if pairs.len() == 1 { "names" } else { "name" },
        if pairs.len() == 1 { "its" } else { "their" },
        crate::model::numbers::count(distinct.len(), "outlet name", "outlet names"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use article::date_in;

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
        // A short first line before a paragraph is a short headline.
        assert_eq!(
            find_title("Gearing up\n\nThe team has trained for weeks, and the coach is happy with the squad.\n"),
            "Gearing up"
        );
        assert_eq!(
            find_title("Politics\nMinisters meet on Monday\nThey will talk.\n"),
            "Ministers meet on Monday"
        );
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
        let labels = vec!["bbc".to_string(), "itv".to_string()];
        let ids = assign_ids(
            &[
                c("outlet-a/001.txt", 0),
                c("outlet-b/001.txt", 0),
                c("outlet-b/002.txt", 0),
            ],
            &labels,
        );
        assert_eq!(ids, vec!["outlet-a/001", "outlet-b/001", "002"]);
        // Same stem, different extension, same folder: the extension is kept.
        let ids = assign_ids(
            &[c("story.html", 0), c("story.txt", 0), c("other.md", 0)],
            &labels,
        );
        assert_eq!(ids, vec!["story.html", "story.txt", "other"]);
        // The same file name in two inputs: the input's name tells them
        // apart, whatever the order of the arguments.
        let ids = assign_ids(&[c("a.txt", 0), c("a.txt", 1)], &labels);
        assert_eq!(ids, vec!["bbc/a", "itv/a"]);
        let ids = assign_ids(&[c("a.txt", 1), c("a.txt", 0)], &labels);
        assert_eq!(ids, vec!["itv/a", "bbc/a"]);
        // Inputs of the same name fall back to their position.
        let dir = tempfile::tempdir().unwrap();
        let (x, y) = (dir.path().join("x/data"), dir.path().join("y/data"));
        let z = dir.path().join("z");
        let labels = input_labels(&[x, y, z]);
        assert_eq!(labels, vec!["input1", "input2", "z"]);
        assert_eq!(
            group_of(Path::new("outlet-a/001.txt")).as_deref(),
            Some("outlet-a")
        );
        assert_eq!(group_of(Path::new("001.txt")), None);
    }
}
