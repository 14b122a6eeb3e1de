//! `frame import FILES... --out DIR`: every article frame finds in the
//! inputs (each article of a news-database export, each Word, PDF, RTF,
//! ODT or web page) written as a `.txt` file with front matter, so that a
//! student can check the split and the metadata, correct them, and analyse
//! the folder. frame's own front-matter reader reads each file back as the
//! same article with the same metadata.

use crate::commands::cli::ImportArgs;
use crate::input::formats::front_matter::quote;
use crate::input::walk::{IMPORT_MARKER, IMPORT_MARKER_HEADER};
use crate::input::{Corpus, Document};
use crate::model::error::Error;
use crate::output::new_file::write_new;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Reads the inputs of `frame import`, after checking that `--out` can be
/// its folder (so a bad `--out` fails first, as for `analyze`), leaving out
/// the articles this and earlier imports wrote.
pub fn read(args: &ImportArgs) -> Result<Corpus, Error> {
    crate::output::OutputDir::check(&args.out)?;
    crate::input::load_for_import(&args.to_options(), &args.out)
}

/// The list of written articles in `dir`, opened to add to it; `None` when
/// a file of that name is there that frame did not write (left alone).
fn open_marker(dir: &Path) -> std::io::Result<Option<std::fs::File>> {
    let path = dir.join(IMPORT_MARKER);
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(mut f) => {
            writeln!(f, "{IMPORT_MARKER_HEADER}")?;
            Ok(Some(f))
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let ours =
                std::fs::read_to_string(&path).is_ok_and(|s| s.starts_with(IMPORT_MARKER_HEADER));
            if ours {
                Ok(Some(std::fs::OpenOptions::new().append(true).open(&path)?))
            } else {
                Ok(None)
            }
        }
        Err(e) => Err(e),
    }
}

/// Front-matter keys in the order they are written; other metadata follows, sorted.
const FIRST_KEYS: &[&str] = &[
    "title",
    "outlet",
    "date",
    "byline",
    "section",
    "length",
    "database",
    "source_file",
    "position",
];

/// The article as a `.txt` file: a `---` block of `key: value` lines, then its text.
pub fn article_file(doc: &Document) -> String {
    let mut meta = doc.meta.clone();
    meta.insert("title".into(), doc.title.clone());
    if let Some(d) = &doc.date {
        meta.insert("date".into(), d.clone());
    }
    // A group from a subfolder is kept as the group.
    if let Some(g) = &doc.group {
        if !meta.contains_key("outlet")
            && !meta.contains_key("group")
            && !meta.contains_key("source")
        {
            meta.insert("group".into(), g.clone());
        }
    }
    let file = doc
        .source
        .split('#')
        .next()
        .unwrap_or(&doc.source)
        .to_string();
    meta.insert("source_file".into(), file);
    let mut out = String::from("---\n");
    let mut line = |k: &str, v: &str| {
        let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
        if !v.is_empty() && !k.contains([' ', ':']) {
            out.push_str(&format!("{k}: {}\n", quote(&v)));
        }
    };
    for k in FIRST_KEYS {
        if let Some(v) = meta.get(*k) {
            line(k, v);
        }
    }
    for (k, v) in &meta {
        if !FIRST_KEYS.contains(&k.as_str()) {
            line(k, v);
        }
    }
    out.push_str("---\n");
    out.push_str(&doc.text);
    if !doc.text.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// The file name for an article: its id made safe for any file system
/// (`nexis-export#3` -> `nexis-export-003.txt`).
pub fn file_name(doc: &Document) -> String {
    let id = match doc.id.rsplit_once('#') {
        Some((file, n)) => match n.parse::<usize>() {
            Ok(n) => format!("{file}-{n:03}"),
            Err(_) => doc.id.clone(),
        },
        None => doc.id.clone(),
    };
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let safe = safe
        .trim_matches(['-', '.'])
        .chars()
        .take(120)
        .collect::<String>();
    format!("{}.txt", if safe.is_empty() { "article" } else { &safe })
}

/// One article written.
#[derive(Debug, Clone)]
pub struct Written {
    /// Where the article came from (`file#position` for an export's articles).
    pub source: String,
    /// The file written.
    pub path: PathBuf,
    /// The name wanted, when it was taken and another was used.
    pub renamed_from: Option<String>,
}

/// What [`write_all`] did.
#[derive(Debug)]
pub struct Imported {
    /// The articles written, in order.
    pub written: Vec<Written>,
    /// Temporary files of an earlier import that was killed, removed.
    pub leftovers_removed: usize,
}

/// Writes every document into `dir` (created if needed), never over an
/// existing file, and lists each in the folder's [`IMPORT_MARKER`] so that
/// no later import reads it back as input. The folder is locked for the
/// run (as `analyze` locks its folder), so the temporary files an earlier,
/// killed import left (`.frame-tmp-PID-NAME`, in a folder whose
/// [`IMPORT_MARKER`] proves frame imports there) can be removed.
pub fn write_all(docs: &[Document], dir: &Path) -> Result<Imported, Error> {
    crate::output::OutputDir::check(dir)?;
    let err = |e: std::io::Error| Error::Output {
        path: dir.to_path_buf(),
        message: format!(
            "{}; choose another folder with --out",
            crate::model::error::io_message(&e)
        ),
    };
    std::fs::create_dir_all(dir).map_err(err)?;
    let _lock = crate::output::lock_folder(dir)?;
    let leftovers_removed = if marker_is_frames(dir) {
        crate::output::remove_leftover_tmp_files(dir)
    } else {
        0
    };
    let mut marker = open_marker(dir).map_err(err)?;
    let mut written = Vec::with_capacity(docs.len());
    for d in docs {
        let name = file_name(d);
        let path = write_new(dir, &name, article_file(d).as_bytes()).map_err(err)?;
        let got = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if let (Some(m), Some(n)) = (marker.as_mut(), got.as_deref()) {
            writeln!(m, "{n}").map_err(err)?;
        }
        written.push(Written {
            source: d.source.clone(),
            renamed_from: (got.as_deref() != Some(name.as_str())).then_some(name),
            path,
        });
    }
    Ok(Imported {
        written,
        leftovers_removed,
    })
}

/// Whether `dir` holds frame's list of imported articles.
fn marker_is_frames(dir: &Path) -> bool {
    std::fs::read(dir.join(IMPORT_MARKER))
        .is_ok_and(|b| b.starts_with(IMPORT_MARKER_HEADER.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::formats::front_matter::front_matter;

    #[test]
    fn front_matter_reads_back() {
        let mut d = Document {
            id: "nexis#3".into(),
            source: "exports/nexis.docx#3".into(),
            title: "\"Stay calm,\" says mayor: no danger".into(),
            text: "\"Stay calm,\" says mayor: no danger\n\nBody text.".into(),
            date: Some("2024-03-05".into()),
            group: Some("The Paper".into()),
            ..Default::default()
        };
        d.meta.insert("outlet".into(), "The Paper".into());
        d.meta.insert("byline".into(), "Jane Smith".into());
        d.meta.insert("position".into(), "3".into());
        let file = article_file(&d);
        assert!(file.starts_with("---\ntitle: "), "{file}");
        let (body, meta) = front_matter(&file);
        assert_eq!(body.trim_end(), d.text);
        let get = |k: &str| {
            meta.iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(get("title"), Some(d.title.as_str()));
        assert_eq!(get("outlet"), Some("The Paper"));
        assert_eq!(get("date"), Some("2024-03-05"));
        assert_eq!(get("byline"), Some("Jane Smith"));
        assert_eq!(get("source_file"), Some("exports/nexis.docx"));
        assert_eq!(get("position"), Some("3"));
        assert_eq!(file_name(&d), "nexis-003.txt");
    }

    /// What import writes is listed in the folder's marker, which the walk
    /// of a later import reads to leave those files out.
    #[test]
    fn written_articles_are_listed_for_later_imports() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("articles");
        let doc = Document {
            id: "a".into(),
            source: "a.txt".into(),
            title: "T".into(),
            text: "Text".into(),
            ..Default::default()
        };
        write_all(std::slice::from_ref(&doc), &out).unwrap();
        write_all(&[doc], &out).unwrap();
        let names = crate::input::walk::imported_names(&out);
        let mut names: Vec<&str> = names.iter().map(String::as_str).collect();
        names.sort();
        assert_eq!(names, ["a-2.txt", "a.txt"]);
        // A file of that name frame did not write is left as it was.
        let other = dir.path().join("other");
        std::fs::create_dir(&other).unwrap();
        std::fs::write(other.join(IMPORT_MARKER), "mine\n").unwrap();
        write_all(&[Document::default()], &other).unwrap();
        assert_eq!(
            std::fs::read_to_string(other.join(IMPORT_MARKER)).unwrap(),
            "mine\n"
        );
    }

    #[test]
    fn an_out_that_is_a_file_is_said_plainly() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("afile");
        std::fs::write(&file, "mine").unwrap();
        let e = write_all(&[Document::default()], &file)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("it is a file, not a folder; choose a folder with --out"),
            "{e}"
        );
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    }

    #[test]
    fn names_are_safe() {
        let d = Document {
            id: "sub/dir/a b?".into(),
            ..Default::default()
        };
        assert_eq!(file_name(&d), "sub-dir-a-b.txt");
    }
}
