//! Finding the article files under the inputs: folders walked in name
//! order (numbers by value), links followed, loops, frame's own output folders and the
//! resource folders of pages saved "complete" left out.

use super::document::{display, Corpus};
use crate::model::{Skipped, MANIFEST};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::formats::detect::{
    lock_file_reason, skip_reason, unplaced_extension, ARTICLE_EXTENSIONS,
};
/// Why a symbolic link that leads round in a loop is not read.
pub const LINK_LOOP: &str =
    "symbolic link loop (the link leads back to itself through other links); point it at a file";
/// Extensions read as tables when named directly.
pub const TABLE_EXTENSIONS: &[&str] = &["csv", "tsv", "tab", "jsonl", "ndjson"];
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

/// The file `frame import` keeps in its `--out` folder, listing the articles
/// it wrote there, so that a later import does not read them back as input.
pub const IMPORT_MARKER: &str = ".frame-import";

/// First line of [`IMPORT_MARKER`]: a file without it is not frame's.
pub const IMPORT_MARKER_HEADER: &str =
    "# frame import: articles frame import wrote in this folder (one name a line); frame import does not read them as input";

/// What a walk passes over beyond hidden files and report folders.
#[derive(Debug, Default, Clone)]
pub(crate) struct WalkRules {
    /// For `frame import`: its `--out` folder (as `canonicalize` gives it,
    /// when it exists). Set, the walk also passes over the articles of
    /// earlier imports (folders holding [`IMPORT_MARKER`], files it lists).
    pub(crate) import_out: Option<PathBuf>,
    /// `--format` was given: a file whose extension frame does not know is
    /// read with that reader instead of being skipped.
    pub(crate) forced_format: bool,
}

impl WalkRules {
    fn importing(&self) -> bool {
        self.import_out.is_some()
    }

    /// Whether `dir` is this import's `--out` folder.
    fn is_import_out(&self, dir: &Path) -> bool {
        self.import_out
            .as_deref()
            .is_some_and(|out| std::fs::canonicalize(dir).is_ok_and(|d| d == out))
    }
}

/// The names of the articles an earlier `frame import` wrote into `dir`
/// (none without its marker, or with a marker frame did not write).
pub(crate) fn imported_names(dir: &Path) -> HashSet<String> {
    std::fs::read_to_string(dir.join(IMPORT_MARKER))
        .ok()
        .filter(|s| s.starts_with(IMPORT_MARKER_HEADER))
        .map(|s| {
            s.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .map(|l| l.trim().to_string())
                .collect()
        })
        .unwrap_or_default()
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

/// The suffixes browsers give the resource folder of a page saved
/// "complete": `_files` in English (Chrome, Edge, Firefox), and the names
/// Firefox gives it in other languages (German, French, Spanish, Dutch,
/// Italian, Portuguese, Polish, the Scandinavian languages, Finnish, Czech,
/// Turkish, Catalan).
const RESOURCE_SUFFIXES: &[&str] = &[
    "_files",
    "-Dateien",
    "_fichiers",
    "_archivos",
    "_bestanden",
    "_file",
    "_arquivos",
    "_ficheiros",
    "_pliki",
    "_filer",
    "_tiedostot",
    "_soubory",
    "_dosyalar",
    "_fitxers",
];

/// The page a folder holds the resources of, when it is one: a browser's
/// "Save page as" → "Web page, complete" writes `X.html` and beside it a
/// folder `X_files` (`X-Dateien` in a German Firefox ...) of the page's
/// images, scripts, styles and ad frames (`saved_resource.html`), which
/// would otherwise be read as an article of a group "X_files" and fill the
/// warnings with one line per image. A folder of such a name without its
/// page beside it is read as any folder.
fn saved_page_of(dir: &Path) -> Option<PathBuf> {
    let name = dir.file_name()?.to_str()?;
    RESOURCE_SUFFIXES
        .iter()
        .filter_map(|suffix| name.strip_suffix(suffix).filter(|s| !s.is_empty()))
        .flat_map(|stem| ["html", "htm"].map(|ext| dir.with_file_name(format!("{stem}.{ext}"))))
        .find(|page| page.is_file())
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
    rules: &WalkRules,
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
    // Numbers in names in their numeric order ("2.txt" before "10.txt"), as
    // a file manager shows them, so that article #2 is the file named 2;
    // names that compare equal so ("01", "1") fall back to byte order, so
    // that the order never depends on the order the folder lists them in.
    paths.sort_by(|a, b| alphanumeric_sort::compare_path(&a.0, &b.0).then_with(|| a.0.cmp(&b.0)));
    // An input folder that is itself frame's output folder (`--out` equal
    // to the input): the outputs its manifest lists are not articles.
    let own = if dir == root {
        own_outputs(dir)
    } else {
        HashSet::new()
    };
    // An input folder that an import writes into (`--out` equal to the
    // input): the articles it wrote there are its output, not its input.
    let imported = if dir == root && rules.is_import_out(dir) {
        imported_names(dir)
    } else {
        HashSet::new()
    };
    let mut own_found = 0;
    let mut imported_found = 0;
    for (path, kind) in paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        // frame's own lists (of imported articles, of a report folder's
        // files), not files of the user's: never named as hidden files.
        if name == IMPORT_MARKER || name == MANIFEST {
            continue;
        }
        if imported.contains(name) {
            imported_found += 1;
            continue;
        }
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
                    let why = if crate::platform::file::is_link_loop(&e) {
                        LINK_LOOP.to_string()
                    } else if std::fs::symlink_metadata(&path)
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
            if let Some(page) = saved_page_of(&path) {
                corpus.warnings.push(format!(
                    "{}: the images, scripts and ad frames of the saved page {} (\"Web page, complete\"), not articles; not read (the page itself is)",
                    display(&path),
                    display(&page)
                ));
                continue;
            }
            if rules.is_import_out(&path) {
                corpus.warnings.push(format!(
                    "{}: the folder this import writes into (--out); its files are not read as input",
                    display(&path)
                ));
                continue;
            }
            if rules.importing() && path.join(IMPORT_MARKER).is_file() {
                corpus.warnings.push(format!(
                    "{}: articles an earlier frame import wrote (it holds {IMPORT_MARKER}); not read as input",
                    display(&path)
                ));
                continue;
            }
            walk(root, &path, input, visited, out, corpus, rules);
        } else if let Some(reason) = lock_file_reason(&path) {
            corpus.skipped.push(Skipped {
                source: display(&path),
                reason,
            });
        } else if ARTICLE_EXTENSIONS.contains(&extension(&path).as_str())
            || (rules.forced_format && unplaced_extension(&extension(&path)))
        {
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
    if imported_found > 0 {
        corpus.warnings.push(format!(
            "{}: {imported_found} file{} here {} written by an earlier frame import (listed in {IMPORT_MARKER}); not read as input",
            display(dir),
            if imported_found == 1 { "" } else { "s" },
            if imported_found == 1 { "was" } else { "were" },
        ));
    }
}

/// The inputs with each path once: an argument naming a file or folder
/// given before (`base base`, `base ./base/`, a link to it) is dropped with
/// a warning, so it is read once and the ids stay those of one input.
/// An input that cannot be resolved is kept (reading it says why).
pub(crate) fn distinct_inputs(inputs: &[PathBuf], warnings: &mut Vec<String>) -> Vec<PathBuf> {
    let mut seen: Vec<(PathBuf, &PathBuf)> = Vec::new();
    let mut out = Vec::with_capacity(inputs.len());
    for input in inputs {
        if let Ok(real) = std::fs::canonicalize(input) {
            if let Some((_, first)) = seen.iter().find(|(r, _)| *r == real) {
                warnings.push(format!(
                    "{}: the same {} as {}, given before; read once",
                    display(input),
                    if real.is_dir() { "folder" } else { "file" },
                    display(first)
                ));
                continue;
            }
            seen.push((real, input));
        }
        out.push(input.clone());
    }
    out
}

/// Drops the files that an earlier input already gave (`base
/// base/1.txt`: the file is in the folder too), so each file is read once;
/// one warning per input that repeated any. Only called with several inputs.
pub(crate) fn drop_repeated_files(
    files: &mut Vec<Candidate>,
    inputs: &[PathBuf],
    warnings: &mut Vec<String>,
) {
    use rayon::prelude::*;
    let real: Vec<PathBuf> = files
        .par_iter()
        .map(|c| std::fs::canonicalize(&c.path).unwrap_or_else(|_| c.path.clone()))
        .collect();
    // Input index -> (files dropped, the input that gave them first).
    let mut dropped: std::collections::BTreeMap<usize, (usize, usize)> = Default::default();
    let mut first: std::collections::HashMap<&PathBuf, usize> = Default::default();
    let mut keep = Vec::with_capacity(files.len());
    for (c, r) in files.iter().zip(&real) {
        match first.get(r) {
            Some(&by) => {
                dropped.entry(c.input).or_insert((0, by)).0 += 1;
                keep.push(false);
            }
            None => {
                first.insert(r, c.input);
                keep.push(true);
            }
        }
    }
    let mut k = keep.iter();
    files.retain(|_| *k.next().unwrap_or(&true));
    for (input, (n, by)) in dropped {
        let path = &inputs[input];
        warnings.push(if path.is_dir() {
            format!(
                "{}: {n} file{} here {} also given through {}; each file is read once",
                display(path),
                if n == 1 { "" } else { "s" },
                if n == 1 { "is" } else { "are" },
                display(&inputs[by])
            )
        } else {
            format!(
                "{}: also given through {}; read once",
                display(path),
                display(&inputs[by])
            )
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walked(root: &Path, rules: &WalkRules) -> (Vec<String>, Corpus) {
        let mut corpus = Corpus::default();
        let mut out = Vec::new();
        walk(
            root,
            root,
            0,
            &mut HashSet::new(),
            &mut out,
            &mut corpus,
            rules,
        );
        let names = out
            .iter()
            .map(|c| c.rel.to_string_lossy().replace('\\', "/"))
            .collect();
        (names, corpus)
    }

    /// Numbers in file names sort by value, as a file manager shows them;
    /// "1" and "01" in one fixed order.
    #[test]
    fn numbered_files_come_in_numeric_order() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "10.txt", "2.txt", "1.txt", "01.txt", "b.txt", "a 3.txt", "a 20.txt",
        ] {
            std::fs::write(dir.path().join(name), "An article").unwrap();
        }
        let (names, _) = walked(dir.path(), &WalkRules::default());
        assert_eq!(
            names,
            ["1.txt", "01.txt", "2.txt", "10.txt", "a 3.txt", "a 20.txt", "b.txt"]
        );
    }

    /// `frame import DIR --out DIR/articles` run twice: the second run must
    /// not read the first run's articles, and says so.
    #[test]
    fn an_import_passes_over_its_own_and_earlier_output() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let sub = |p: &str| {
            std::fs::create_dir_all(root.join(p)).unwrap();
            root.join(p)
        };
        std::fs::write(root.join("a.txt"), "An article").unwrap();
        std::fs::write(sub("articles").join("a.txt"), "Imported").unwrap();
        std::fs::write(sub("old").join("b.txt"), "Imported before").unwrap();
        std::fs::write(
            root.join("old").join(IMPORT_MARKER),
            format!("{IMPORT_MARKER_HEADER}\nb.txt\n"),
        )
        .unwrap();
        std::fs::write(sub("mine").join("c.txt"), "The user's").unwrap();
        let rules = WalkRules {
            import_out: Some(std::fs::canonicalize(root.join("articles")).unwrap()),
            forced_format: false,
        };
        let (names, corpus) = walked(root, &rules);
        assert_eq!(names, ["a.txt", "mine/c.txt"]);
        assert_eq!(corpus.warnings.len(), 2, "{:?}", corpus.warnings);
        assert!(corpus.warnings[0].contains("articles: the folder this import writes into (--out)"));
        assert!(corpus.warnings[1].contains("old: articles an earlier frame import wrote"));
        // `analyze` reads import folders: they are what a student analyses.
        let (names, corpus) = walked(root, &WalkRules::default());
        assert_eq!(
            names,
            ["a.txt", "articles/a.txt", "mine/c.txt", "old/b.txt"]
        );
        assert!(corpus.warnings.is_empty() && corpus.hidden.is_empty());
    }

    /// `--out` equal to the input folder: the files an earlier import
    /// listed are passed over, the user's own are read.
    #[test]
    fn an_import_into_its_input_folder_reads_only_the_users_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in ["a.txt", "a-001.txt"] {
            std::fs::write(root.join(f), "text").unwrap();
        }
        std::fs::write(
            root.join(IMPORT_MARKER),
            format!("{IMPORT_MARKER_HEADER}\na-001.txt\n"),
        )
        .unwrap();
        let rules = WalkRules {
            import_out: Some(std::fs::canonicalize(root).unwrap()),
            forced_format: false,
        };
        let (names, corpus) = walked(root, &rules);
        assert_eq!(names, ["a.txt"]);
        assert!(
            corpus.warnings[0].contains("1 file here was written by an earlier frame import"),
            "{:?}",
            corpus.warnings
        );
        // A marker frame did not write proves nothing.
        std::fs::write(root.join(IMPORT_MARKER), "a-001.txt\n").unwrap();
        assert_eq!(walked(root, &rules).0, ["a-001.txt", "a.txt"]);
    }

    /// "Web page, complete" saves `X.html` and a folder `X_files` of the
    /// page's resources: the page is read, the folder is one warning; a
    /// `_files` folder with no page beside it is read as any folder.
    #[test]
    fn a_saved_pages_resource_folder_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for (f, text) in [
            ("Flood - BBC News.html", "<html><p>Article</p></html>"),
            ("Flood - BBC News_files/saved_resource.html", "<p>Ad</p>"),
            ("Flood - BBC News_files/img1.gif", "GIF89a"),
            ("Old.htm", "<p>Article</p>"),
            ("Old_files/frame.html", "<p>Ad</p>"),
            ("notes_files/a.txt", "The user's own notes"),
            ("_files/b.txt", "A folder named only _files"),
        ] {
            std::fs::create_dir_all(root.join(f).parent().unwrap()).unwrap();
            std::fs::write(root.join(f), text).unwrap();
        }
        let (names, corpus) = walked(root, &WalkRules::default());
        assert_eq!(
            names,
            [
                "Flood - BBC News.html",
                "Old.htm",
                "_files/b.txt",
                "notes_files/a.txt"
            ]
        );
        assert!(corpus.skipped.is_empty(), "{:?}", corpus.skipped);
        assert_eq!(corpus.warnings.len(), 2, "{:?}", corpus.warnings);
        assert!(
            corpus.warnings[0].contains(
                "Flood - BBC News_files: the images, scripts and ad frames of the saved page"
            ) && corpus.warnings[0].contains("Flood - BBC News.html"),
            "{:?}",
            corpus.warnings
        );
        assert!(corpus.warnings[1].contains("Old_files: the images"));
    }

    /// Firefox names the resource folder in the browser's language:
    /// `Seite-Dateien` in German, `Page_fichiers` in French ...; each is
    /// left out as `_files` is, only with its page beside it.
    #[test]
    fn a_localised_resource_folder_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for (n, suffix) in [
            "-Dateien",
            "_fichiers",
            "_archivos",
            "_bestanden",
            "_file",
            "_arquivos",
        ]
        .into_iter()
        .enumerate()
        {
            let res = root.join(format!("Flut{}{suffix}", n + 1));
            std::fs::create_dir_all(&res).unwrap();
            std::fs::write(res.join("saved_resource.html"), "<p>Ad</p>").unwrap();
            let page = format!("Flut{}.html", n + 1);
            std::fs::write(root.join(page), "<p>Article</p>").unwrap();
        }
        std::fs::create_dir_all(root.join("Notizen-Dateien")).unwrap();
        std::fs::write(root.join("Notizen-Dateien/a.txt"), "The user's notes").unwrap();
        let (names, corpus) = walked(root, &WalkRules::default());
        assert_eq!(
            names,
            [
                "Flut1.html",
                "Flut2.html",
                "Flut3.html",
                "Flut4.html",
                "Flut5.html",
                "Flut6.html",
                "Notizen-Dateien/a.txt"
            ]
        );
        assert_eq!(corpus.warnings.len(), 6, "{:?}", corpus.warnings);
        assert!(corpus.warnings[0].contains("Flut1-Dateien: the images"));
        assert!(corpus.warnings[0].contains("Flut1.html"));
    }

    /// With `--format`, a file of an extension frame does not know is read
    /// in a folder too; one frame knows as something else is still skipped.
    #[test]
    fn format_reaches_unknown_extensions_in_folders() {
        let dir = tempfile::tempdir().unwrap();
        for f in ["a.dat", "b.txt", "c.png", "README"] {
            std::fs::write(dir.path().join(f), "text").unwrap();
        }
        let (names, corpus) = walked(dir.path(), &WalkRules::default());
        assert_eq!(names, ["b.txt"]);
        assert_eq!(corpus.skipped.len(), 3);
        let forced = WalkRules {
            forced_format: true,
            ..WalkRules::default()
        };
        let (names, corpus) = walked(dir.path(), &forced);
        assert_eq!(names, ["README", "a.dat", "b.txt"]);
        assert_eq!(corpus.skipped.len(), 1);
        assert!(corpus.skipped[0].reason.contains("an image (.png)"));
    }
}
