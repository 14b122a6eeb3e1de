//! `frame import FILES... --out DIR`: every article frame finds in the
//! inputs (each article of a news-database export, each Word, PDF, RTF,
//! ODT or web page) written as a `.txt` file with front matter, so that a
//! student can check the split and the metadata, correct them, and analyse
//! the folder. frame's own front-matter reader reads each file back as the
//! same article with the same metadata.

use crate::input::formats::front_matter::quote;
use crate::input::Document;
use crate::output::new_file::write_new;
use std::path::{Path, PathBuf};

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

/// Writes every document into `dir` (created if needed), never over an
/// existing file. Returns what was written, in order.
pub fn write_all(
    docs: &[Document],
    dir: &Path,
) -> Result<Vec<Written>, crate::model::error::Error> {
    let err = |e: std::io::Error| crate::model::error::Error::Output {
        path: dir.to_path_buf(),
        message: e.to_string(),
    };
    std::fs::create_dir_all(dir).map_err(err)?;
    let mut out = Vec::with_capacity(docs.len());
    for d in docs {
        let name = file_name(d);
        let path = write_new(dir, &name, article_file(d).as_bytes()).map_err(err)?;
        let got = path.file_name().map(|n| n.to_string_lossy().into_owned());
        out.push(Written {
            source: d.source.clone(),
            renamed_from: (got.as_deref() != Some(name.as_str())).then_some(name),
            path,
        });
    }
    Ok(out)
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

    #[test]
    fn names_are_safe() {
        let d = Document {
            id: "sub/dir/a b?".into(),
            ..Default::default()
        };
        assert_eq!(file_name(&d), "sub-dir-a-b.txt");
    }
}
