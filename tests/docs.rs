//! The user documentation stays true: the README is short and keeps what CI
//! and students rely on, every relative link in the README and docs/ leads
//! somewhere, docs/options.md names every option `--help` prints, and
//! CITATION.cff is valid YAML with the fields a citation needs.

mod common;
use common::*;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn readme_is_short_and_keeps_the_essentials() {
    let r = read("README.md");
    let lines = r.lines().count();
    assert!(
        lines <= 160,
        "README.md has {lines} lines; move detail to docs/"
    );
    for needed in [
        "cargo test --release",
        "cargo run --release -- analyze seeds/",
        "## Getting your articles in",
        "docs/importing.md",
        "docs/user-guide.md",
        "docs/methods.md",
        "docs/options.md",
        "docs/validity.md",
        "CITATION.cff",
    ] {
        assert!(r.contains(needed), "README.md lacks {needed}");
    }
}

/// GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == ' ' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// Text outside fenced code blocks.
fn prose(text: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn anchors(path: &Path) -> BTreeSet<String> {
    prose(&fs::read_to_string(path).unwrap())
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| slug(l.trim_start_matches('#')))
        .collect()
}

#[test]
fn every_relative_link_resolves() {
    let mut files = vec![
        root().join("README.md"),
        root().join("ARCHITECTURE.md"),
        root().join("lexicons/README.md"),
    ];
    for e in fs::read_dir(root().join("docs")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "md") {
            files.push(p);
        }
    }
    let mut broken = Vec::new();
    for f in &files {
        let text = prose(&fs::read_to_string(f).unwrap());
        for part in text.split("](").skip(1) {
            let Some(end) = part.find(')') else { continue };
            let link = &part[..end];
            if link.starts_with("http") || link.contains(' ') {
                continue;
            }
            let (path, anchor) = link.split_once('#').unwrap_or((link, ""));
            let target = if path.is_empty() {
                f.clone()
            } else {
                f.parent().unwrap().join(path)
            };
            if !target.exists() {
                broken.push(format!("{}: {link} (no such file)", f.display()));
            } else if !anchor.is_empty()
                && target.extension().is_some_and(|x| x == "md")
                && !anchors(&target).contains(anchor)
            {
                broken.push(format!("{}: {link} (no such heading)", f.display()));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

/// The long options a `--help` text lists.
fn flags(help: &str) -> BTreeSet<String> {
    help.split(|c: char| c.is_whitespace() || c == ',' || c == '[' || c == ']')
        .filter(|w| w.starts_with("--") && w.len() > 2)
        .map(|w| {
            w.trim_end_matches(|c: char| !c.is_alphanumeric())
                .split(['=', '<'])
                .next()
                .unwrap()
                .to_string()
        })
        .filter(|w| w.len() > 2)
        .collect()
}

#[test]
fn options_page_names_every_option() {
    let page = read("docs/options.md");
    let commands: [&[&str]; 10] = [
        &["analyze"],
        &["score"],
        &["import"],
        &["kwic"],
        &["sample"],
        &["agree"],
        &["lexicon", "list"],
        &["lexicon", "show"],
        &["lexicon", "check"],
        &["lexicon", "convert"],
    ];
    for cmd in commands {
        let r = run(frame().args(cmd).arg("--help"));
        assert_eq!(r.code, 0, "{cmd:?}");
        let heading = format!("## `frame {}`", cmd[0]);
        assert!(page.contains(&heading), "docs/options.md has no {heading}");
        for f in flags(&r.stdout) {
            if f == "--help" {
                continue;
            }
            assert!(
                page.contains(&format!("`{f}")),
                "docs/options.md does not describe {f} of frame {}",
                cmd.join(" ")
            );
        }
    }
}

#[test]
fn citation_file_is_complete() {
    let text = read("CITATION.cff");
    let docs = yaml_rust2::YamlLoader::load_from_str(&text).expect("CITATION.cff is valid YAML");
    let d = &docs[0];
    for key in [
        "cff-version",
        "message",
        "title",
        "authors",
        "version",
        "date-released",
        "license",
        "abstract",
        "preferred-citation",
    ] {
        assert!(!d[key].is_badvalue(), "CITATION.cff lacks {key}");
    }
    assert_eq!(d["cff-version"].as_str(), Some("1.2.0"));
    assert_eq!(d["version"].as_str(), Some(env!("CARGO_PKG_VERSION")));
    let date = d["date-released"].as_str().unwrap();
    assert!(
        date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-',
        "{date}"
    );
    assert!(d["authors"].as_vec().is_some_and(|a| !a.is_empty()));
    let pc = &d["preferred-citation"];
    assert_eq!(pc["version"].as_str(), Some(env!("CARGO_PKG_VERSION")));
    assert!(!pc["authors"].is_badvalue() && !pc["title"].is_badvalue());
}
