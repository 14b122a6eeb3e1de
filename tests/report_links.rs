//! The report folder is complete for what it links to and cites: every
//! relative link in report.html, appendix.html and report.md (and in the
//! copies of frame's documents written beside them) leads to a file in the
//! folder, and the report names no document of frame's source that the
//! folder does not hold. A student who received only the folder can open
//! every document the report points to.

mod common;
use common::*;
use std::fs;
use std::path::Path;

/// The targets of the links and images of an HTML page (`href`, `src`).
fn html_targets(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(k) = rest.find(attr) {
            rest = &rest[k + attr.len()..];
            let end = rest.find('"').unwrap();
            out.push(rest[..end].replace("&amp;", "&"));
            rest = &rest[end..];
        }
    }
    out
}

/// The targets of the inline links and images of a Markdown text, outside
/// fenced blocks and code spans.
fn markdown_targets(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut fenced = false;
    for line in md.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        // Code spans dropped: `[x](y)` inside one is no link.
        let prose: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        let mut rest = prose.as_str();
        while let Some(k) = rest.find("](") {
            rest = &rest[k + 2..];
            if let Some(end) = rest.find(')') {
                let target = &rest[..end];
                if !target.contains(char::is_whitespace) {
                    out.push(target.to_string());
                }
                rest = &rest[end..];
            }
        }
    }
    out
}

/// Whether a link leaves the folder on purpose (a web address) or stays on
/// its page (an anchor).
fn is_relative(target: &str) -> bool {
    !(target.is_empty()
        || target.starts_with('#')
        || target.contains("://")
        || target.starts_with("mailto:")
        || target.starts_with("data:"))
}

/// Every relative link of `file` that does not lead to a file of `out`.
fn dangling(out: &Path, file: &str) -> Vec<String> {
    let text = read(&out.join(file));
    let targets = if file.ends_with(".html") {
        html_targets(&text)
    } else {
        markdown_targets(&text)
    };
    let mut bad: Vec<String> = targets
        .into_iter()
        .filter(|t| is_relative(t))
        .filter(|t| {
            let path = t.split('#').next().unwrap();
            // A link leads into the folder only: never up, never absolute.
            path.contains("..") || path.starts_with('/') || !out.join(path).is_file()
        })
        .collect();
    bad.sort();
    bad.dedup();
    bad
}

/// A run on the seeds, split into two groups so that the report has its
/// group sections too.
fn grouped_seeds(root: &Path) -> std::path::PathBuf {
    let corpus = root.join("corpus");
    let mut names: Vec<_> = fs::read_dir(seeds())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    for (i, p) in names.iter().enumerate() {
        let group = corpus.join(if i % 2 == 0 { "herald" } else { "post" });
        fs::create_dir_all(&group).unwrap();
        fs::copy(p, group.join(p.file_name().unwrap())).unwrap();
    }
    corpus
}

#[test]
fn every_relative_link_in_the_report_leads_to_a_file_in_the_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let grouped = grouped_seeds(tmp.path());
    for (name, corpus) in [("plain", seeds()), ("grouped", grouped)] {
        let out = tmp.path().join(name);
        analyze_ok(&[&corpus], &out);
        let mut files: Vec<String> = vec![
            "report.html".into(),
            "appendix.html".into(),
            "report.md".into(),
        ];
        let docs: Vec<String> = fs::read_dir(&out)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("frame-") && n.ends_with(".md"))
            .collect();
        files.extend(docs.iter().cloned());
        for f in &files {
            let bad = dangling(&out, f);
            assert!(
                bad.is_empty(),
                "{name}/{f}: links to no file in the folder: {bad:?}"
            );
        }
        // The documents the report cites are links to their copies, in
        // both formats.
        for f in ["report.md", "appendix.html"] {
            let text = read(&out.join(f));
            for doc in ["frame-validity.md", "frame-methods.md"] {
                assert!(
                    text.contains(&format!("]({doc})"))
                        || text.contains(&format!("href=\"{doc}\"")),
                    "{name}/{f} does not link {doc}"
                );
            }
        }
        for f in ["report.html", "appendix.html", "report.md"] {
            let text = read(&out.join(f));
            // frame's source is not in the folder: a document named by its
            // path there could not be opened.
            assert!(
                !text.contains("docs/"),
                "{name}/{f} names a document of frame's source: {}",
                &text[text.find("docs/").unwrap().saturating_sub(80)..][..160]
            );
            // Every frame-*.md or .csv the text names is in the folder.
            let mut rest = text.as_str();
            while let Some(k) = rest.find("frame-") {
                let tail = &rest[k..];
                let end = tail
                    .find(|c: char| {
                        !(c.is_ascii_alphanumeric() || c == '-' || c == '.' || c == '_')
                    })
                    .unwrap_or(tail.len());
                let named = tail[..end].trim_end_matches('.');
                if named.ends_with(".md") || named.ends_with(".csv") {
                    assert!(
                        out.join(named).is_file(),
                        "{name}/{f} names {named}, which is not in the folder"
                    );
                }
                rest = &tail[end.max(1)..];
            }
        }
    }
}
