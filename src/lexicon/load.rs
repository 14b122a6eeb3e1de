//! Which lexicons a run uses: the built-in defaults plus the user's
//! `--lexicon` files and folders, in any supported format.
//!
//! Order: the defaults first (a user category with a default's name takes its
//! place), then the user's new categories in the order given (a folder's files
//! sorted by name, each file's categories in file order). Two user categories
//! with the same name are an error, as is anything malformed; every problem
//! of every file is collected before giving up. Problems that leave a clear
//! result (a duplicate entry in a `.dic` file, an empty category) are
//! warnings.

use super::builtin::builtin;
use super::entry::{Lexicon, LexiconError};
use super::parsed::FileLexicons;
use super::{dicx, liwc, txt, yaml};
use crate::model::options::Options;
use std::path::{Path, PathBuf};

/// Lexicon formats frame reads, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// frame's own `.txt` format: one category per file, named after the file.
    Frame,
    /// LIWC `.dic`: a `%`-delimited category header, then entries with category numbers.
    LiwcDic,
    /// LIWC-22 `.dicx`: CSV, `DicTerm` then one column per category.
    Dicx,
    /// quanteda-style YAML (`.yml`, `.yaml`).
    Yaml,
}

impl Format {
    /// The format of `path`, from its extension (case-insensitive).
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Format::Frame),
            "dic" => Some(Format::LiwcDic),
            "dicx" => Some(Format::Dicx),
            "yml" | "yaml" => Some(Format::Yaml),
            _ => None,
        }
    }

    /// Name for messages and listings.
    pub fn name(&self) -> &'static str {
        match self {
            Format::Frame => "frame .txt",
            Format::LiwcDic => "LIWC .dic",
            Format::Dicx => "LIWC-22 .dicx",
            Format::Yaml => "YAML",
        }
    }
}

/// Where a category of a [`LexiconSet`] comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// One of frame's built-in defaults.
    BuiltIn,
    /// The user's, replacing the built-in category of the same name.
    Replaces,
    /// The user's, a new category.
    User,
}

impl Origin {
    /// Label for listings.
    pub fn label(&self) -> &'static str {
        match self {
            Origin::BuiltIn => "built-in",
            Origin::Replaces => "yours (replaces built-in)",
            Origin::User => "yours",
        }
    }
}

/// The lexicons of a run, in output order.
#[derive(Debug, Clone, Default)]
pub struct LexiconSet {
    /// The categories.
    pub lexicons: Vec<Lexicon>,
    /// Origin of each category (same order).
    pub origins: Vec<Origin>,
    /// Problems that did not stop loading.
    pub warnings: Vec<LexiconError>,
}

impl LexiconSet {
    /// `frame lexicon list`: one aligned row per category (name, entries,
    /// source, file).
    pub fn listing(&self) -> String {
        let rows: Vec<[String; 4]> = self
            .lexicons
            .iter()
            .zip(&self.origins)
            .map(|(l, o)| {
                [
                    l.name.clone(),
                    l.entries.len().to_string(),
                    o.label().to_string(),
                    l.file.clone(),
                ]
            })
            .collect();
        let head = ["category", "entries", "source", "file"].map(String::from);
        let mut w = [0usize; 4];
        for r in std::iter::once(&head).chain(&rows) {
            for (i, c) in r.iter().enumerate() {
                w[i] = w[i].max(c.chars().count());
            }
        }
        let mut out = String::new();
        for r in std::iter::once(&head).chain(&rows) {
            let line = format!(
                "{:<a$}  {:>b$}  {:<c$}  {}",
                r[0],
                r[1],
                r[2],
                r[3],
                a = w[0],
                b = w[1],
                c = w[2]
            );
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    /// `frame lexicon show NAME`: the category in frame's format, or `None`.
    pub fn show(&self, name: &str) -> Option<String> {
        let i = self.lexicons.iter().position(|l| l.name == name)?;
        Some(super::convert::show_text(
            &self.lexicons[i],
            self.origins[i].label(),
        ))
    }
}

fn one(file: &str, line: Option<usize>, message: String) -> Vec<LexiconError> {
    vec![LexiconError {
        file: file.to_string(),
        line,
        message,
    }]
}

/// Reads a file as UTF-8, naming the line of the first bad byte.
pub fn read_text(path: &Path) -> Result<String, Vec<LexiconError>> {
    let file = path.display().to_string();
    let bytes = crate::input::limits::read_file(path).map_err(|e| {
        one(
            &file,
            None,
            format!("cannot read file: {}", crate::input::limits::io_reason(&e)),
        )
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let ok = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..ok].iter().filter(|&&b| b == b'\n').count() + 1;
        one(
            &file,
            Some(line),
            format!(
                "the file is not valid UTF-8 (bad byte at offset {ok}); save it as UTF-8 in \
                 your text editor"
            ),
        )
    })
}

/// Reads one lexicon file of any supported format.
pub fn read_file(path: &Path) -> Result<FileLexicons, Vec<LexiconError>> {
    match read_file_lenient(path) {
        (f, e) if e.is_empty() => Ok(f),
        (_, e) => Err(e),
    }
}

/// [`read_file`] that also returns what could be read from a file with
/// mistakes (every entry that parsed), beside the errors.
pub fn read_file_lenient(path: &Path) -> (FileLexicons, Vec<LexiconError>) {
    let file = path.display().to_string();
    // A mistyped path is named as one, not as a file of the wrong kind.
    if !path.exists() {
        return (
            FileLexicons::default(),
            one(
                &file,
                None,
                "no such file or folder (a path is read from the folder you run frame in)".into(),
            ),
        );
    }
    let Some(format) = Format::of(path) else {
        return (
            FileLexicons::default(),
            one(
                &file,
                None,
                "not a lexicon file: frame reads .txt (its own format), .dic (LIWC), .dicx \
                 (LIWC-22) and .yml/.yaml (quanteda)"
                    .into(),
            ),
        );
    };
    let text = match read_text(path) {
        Ok(t) => t,
        Err(e) => return (FileLexicons::default(), e),
    };
    match format {
        Format::Frame => {
            let name = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            if let Err(m) = super::entry::category_name(&name) {
                return (
                    FileLexicons::default(),
                    one(
                        &file,
                        None,
                        format!("{m} (a .txt lexicon is named after its file)"),
                    ),
                );
            }
            // A plain word list (no header) is read, with a warning.
            let (lx, errors, missing) = txt::parse_list(&text, &file, &name);
            (
                FileLexicons {
                    lexicons: vec![lx],
                    warnings: missing
                        .map(|m| txt::no_description_warning(m, &name))
                        .into_iter()
                        .collect(),
                },
                errors,
            )
        }
        Format::LiwcDic => liwc::parse_lenient(&text, &file),
        Format::Dicx => dicx::parse_lenient(&text, &file),
        Format::Yaml => yaml::parse_lenient(&text, &file),
    }
}

/// The lexicon files of a folder (.txt, .dic, .dicx, .yml, .yaml), in name
/// order; an error when it holds none.
pub fn folder_files(dir: &Path) -> Result<Vec<PathBuf>, Vec<LexiconError>> {
    folder_listing(dir).map(|(files, _)| files)
}

/// The lexicon files of a folder, and the names of the files passed over
/// that a user may have meant as a list (a `.csv` or `.text` file of
/// words): not hidden files, and not documentation (`.md`, a README). One
/// listing gives both, so the two can never disagree.
fn folder_listing(dir: &Path) -> Result<(Vec<PathBuf>, Vec<String>), Vec<LexiconError>> {
    let file = dir.display().to_string();
    let rd =
        std::fs::read_dir(dir).map_err(|e| one(&file, None, format!("cannot list folder: {e}")))?;
    let (mut files, others): (Vec<PathBuf>, Vec<PathBuf>) = rd
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .partition(|p| Format::of(p).is_some());
    files.sort();
    let mut passed_over: Vec<String> = others
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .filter(|n| {
            let lower = n.to_ascii_lowercase();
            !n.starts_with('.') && !lower.ends_with(".md") && !lower.starts_with("readme")
        })
        .collect();
    passed_over.sort();
    if files.is_empty() {
        let named = if passed_over.is_empty() {
            String::new()
        } else {
            format!(
                " (it holds {}: rename a plain list of words to .txt)",
                passed_over.join(", ")
            )
        };
        return Err(one(
            &file,
            None,
            format!("the folder holds no lexicon file (.txt, .dic, .dicx, .yml or .yaml){named}"),
        ));
    }
    Ok((files, passed_over))
}

/// Reads a lexicon file, or every lexicon file of a folder; collects the
/// problems of all files before failing.
pub fn read_path(path: &Path) -> Result<FileLexicons, Vec<LexiconError>> {
    if !path.exists() {
        return Err(one(
            &path.display().to_string(),
            None,
            "no such file or folder; check the path".into(),
        ));
    }
    let (files, other) = if path.is_dir() {
        folder_listing(path)?
    } else {
        (vec![path.to_path_buf()], Vec::new())
    };
    let mut out = FileLexicons::default();
    if !other.is_empty() {
        // Named, so that a list saved as .csv is not dropped silently.
        out.warnings.extend(one(
            &path.display().to_string(),
            None,
            format!(
                "passed over {} that {} not a lexicon file ({}); frame reads .txt, .dic, .dicx, .yml and .yaml (rename a plain list of words to .txt)",
                if other.len() == 1 { "1 file".to_string() } else { format!("{} files", other.len()) },
                if other.len() == 1 { "is" } else { "are" },
                other.join(", ")
            ),
        ));
    }
    let mut errors = Vec::new();
    for f in files {
        match read_file(&f) {
            Ok(r) => {
                out.lexicons.extend(r.lexicons);
                out.warnings.extend(r.warnings);
            }
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The lexicons of a run: the defaults (unless `no_defaults`) with the
/// user's `paths` added or replacing defaults of the same name.
pub fn load_set(paths: &[PathBuf], no_defaults: bool) -> Result<LexiconSet, Vec<LexiconError>> {
    let mut set = LexiconSet::default();
    if !no_defaults {
        for lx in builtin() {
            set.lexicons.push(lx);
            set.origins.push(Origin::BuiltIn);
        }
    }
    let mut errors = Vec::new();
    // Name -> (file, line) of the user's category, to report clashes.
    let mut mine: Vec<(String, String, usize)> = Vec::new();
    for p in paths {
        let read = match read_path(p) {
            Ok(r) => r,
            Err(e) => {
                errors.extend(e);
                continue;
            }
        };
        set.warnings.extend(read.warnings);
        for lx in read.lexicons {
            let line = lx.entries.first().map_or(1, |e| e.line);
            if let Some((_, file, first)) = mine.iter().find(|(n, _, _)| *n == lx.name) {
                errors.push(LexiconError {
                    file: lx.file.clone(),
                    line: Some(line),
                    message: format!(
                        "category `{}` is defined twice (also in {file}:{first}); rename one",
                        lx.name
                    ),
                });
                continue;
            }
            mine.push((lx.name.clone(), lx.file.clone(), line));
            match set.lexicons.iter().position(|l| l.name == lx.name) {
                Some(i) => {
                    set.lexicons[i] = lx;
                    set.origins[i] = Origin::Replaces;
                }
                None => {
                    set.lexicons.push(lx);
                    set.origins.push(Origin::User);
                }
            }
        }
    }
    if errors.is_empty() && set.lexicons.is_empty() {
        errors.push(LexiconError {
            file: "--lexicon".into(),
            line: None,
            message: "no lexicon to use: give at least one --lexicon PATH with \
                      --no-default-lexicons"
                .into(),
        });
    }
    if errors.is_empty() {
        Ok(set)
    } else {
        Err(errors)
    }
}

/// The lexicons of a run: the defaults (embedded copies of `lexicons/*.txt`)
/// unless `--no-default-lexicons`, plus or replaced by the user's
/// `--lexicon` files. A lexicon that cannot be used is an error listing every problem.
pub fn lexicons_for_run(opts: &Options) -> crate::Result<Vec<Lexicon>> {
    Ok(set_for_run(opts)?.lexicons)
}

/// Like [`lexicons_for_run`], with each category's origin and the loading warnings.
pub fn set_for_run(opts: &Options) -> crate::Result<LexiconSet> {
    load_set(&opts.lexicons, opts.no_default_lexicons)
        .map_err(|errs| crate::Error::Lexicon(errs.iter().map(|e| e.to_string()).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    #[test]
    fn user_categories_replace_or_extend_the_defaults() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "threat.txt", "# description: mine\nperil\n");
        write(
            d.path(),
            "extra.dic",
            "%\n1 anger\n2 joy\n%\nrage* 1\nglee 2\n",
        );
        write(d.path(), "README.md", "not a lexicon");
        let set = load_set(&[d.path().to_path_buf()], false).unwrap();
        let names: Vec<&str> = set.lexicons.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "threat",
                "reassurance",
                "conflict",
                "responsibility",
                "human_interest",
                "morality",
                "economic",
                "anger",
                "joy"
            ]
        );
        assert_eq!(set.origins[0], Origin::Replaces);
        assert_eq!(set.origins[1], Origin::BuiltIn);
        assert_eq!(set.origins[7], Origin::User);
        assert_eq!(set.lexicons[0].entries[0].text, "peril");
        let only = load_set(&[d.path().join("extra.dic")], true).unwrap();
        assert_eq!(only.lexicons.len(), 2);
        let list = set.listing();
        let rows: Vec<&str> = list.lines().collect();
        assert_eq!(rows.len(), 10);
        assert!(
            rows[0].starts_with("category        entries  source"),
            "{list}"
        );
        assert!(
            rows[1].starts_with("threat                1  yours (replaces built-in)  "),
            "{list}"
        );
        assert!(
            rows[2].contains("  built-in  ") && rows[2].ends_with("lexicons/reassurance.txt"),
            "{list}"
        );
        assert!(
            rows[8].starts_with("anger                 1  yours  ")
                && rows[8].ends_with("extra.dic"),
            "{list}"
        );
        let show = set.show("anger").unwrap();
        assert!(show.starts_with("# name: anger\n# description: LIWC dictionary category `anger` (number 1)\n#\n# (1 entry, yours, from "), "{show}");
        assert!(show.ends_with("rage*  # line 5\n"), "{show}");
        assert!(set.show("nope").is_none());
    }

    #[test]
    fn files_a_lexicon_folder_passes_over_are_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("calm.txt"),
            "# description: calm words\ncalm\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("threat.csv"), "word\ndanger\n").unwrap();
        std::fs::write(dir.path().join("README.md"), "notes").unwrap();
        std::fs::write(dir.path().join(".hidden"), "x").unwrap();
        let r = read_path(dir.path()).unwrap();
        let said: Vec<String> = r
            .warnings
            .iter()
            .map(ToString::to_string)
            .filter(|w| w.contains("passed over"))
            .collect();
        assert_eq!(said.len(), 1, "{:?}", r.warnings);
        assert!(
            said[0].contains("passed over 1 file that is not a lexicon file (threat.csv)"),
            "{}",
            said[0]
        );
        std::fs::remove_file(dir.path().join("threat.csv")).unwrap();
        let r = read_path(dir.path()).unwrap();
        assert!(!r.warnings.iter().any(|w| w.message.contains("passed over")));
        // A folder of only a list saved as .csv: the error names it.
        std::fs::remove_file(dir.path().join("calm.txt")).unwrap();
        std::fs::write(dir.path().join("threat.csv"), "word\ndanger\n").unwrap();
        let e = read_path(dir.path()).unwrap_err();
        assert!(
            e[0].to_string().contains(
                "holds no lexicon file (.txt, .dic, .dicx, .yml or .yaml) (it holds threat.csv: rename"
            ),
            "{}",
            e[0]
        );
    }

    #[test]
    fn a_plain_word_list_loads_with_a_warning_naming_the_file() {
        let d = tempfile::tempdir().unwrap();
        let list = write(d.path(), "threat.txt", "danger*\nrisk\n");
        let set = load_set(std::slice::from_ref(&list), false).unwrap();
        let i = set
            .lexicons
            .iter()
            .position(|l| l.name == "threat")
            .unwrap();
        assert_eq!(set.origins[i], Origin::Replaces);
        assert_eq!(set.lexicons[i].entries.len(), 2);
        assert_eq!(set.lexicons[i].description, "");
        assert_eq!(set.warnings.len(), 1, "{:?}", set.warnings);
        let w = set.warnings[0].to_string();
        assert!(w.starts_with(&format!("{}:1: missing `# description:` header line, so frame reads the file as a plain word list", list.display())), "{w}");
        assert!(
            w.contains("the category is `threat`") && w.contains("shows no description"),
            "{w}"
        );
        // Any other mistake still stops the run.
        let bad = write(d.path(), "calm.txt", "calm\nte*rror\n");
        let e = load_set(&[bad], false).unwrap_err();
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].line, Some(2));
    }

    #[test]
    fn clashes_and_errors_are_collected() {
        let d = tempfile::tempdir().unwrap();
        let a = write(d.path(), "a.yml", "anger: [rage]\n");
        let b = write(d.path(), "b.dic", "%\n1 anger\n%\nfury 1\n");
        let bad = write(d.path(), "c.txt", "# description: d\nfine\nte*rror\n");
        let e = load_set(&[a, b, bad, d.path().join("missing.dic")], true).unwrap_err();
        let e: Vec<String> = e.iter().map(|e| e.to_string()).collect();
        assert_eq!(e.len(), 3, "{e:?}");
        assert!(
            e[0].contains("b.dic:4: category `anger` is defined twice (also in"),
            "{e:?}"
        );
        assert!(e[1].contains("c.txt:3: "), "{e:?}");
        assert!(e[2].contains("missing.dic: no such file"), "{e:?}");
        let e = load_set(&[], true).unwrap_err();
        assert!(e[0].message.contains("no lexicon to use"));
        let e = read_path(&write(d.path(), "x.csv", "a")).unwrap_err();
        assert!(e[0].message.contains("not a lexicon file"));
        // A mistyped path without an extension is named as missing.
        let e = read_path(&d.path().join("nosuch")).unwrap_err();
        assert!(e[0].message.starts_with("no such file or folder"), "{e:?}");
        let empty = tempfile::tempdir().unwrap();
        assert!(read_path(empty.path()).unwrap_err()[0]
            .message
            .contains("no lexicon file"));
    }
}
