//! End-to-end tests of the article reader: every counted match is one
//! `<mark>`, so the marks of each frame add up to the article's score in
//! frames.csv; the report links each article to it; the pages are listed in
//! the manifest.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::path::Path;

/// The value of attribute `name` in a tag's text.
fn attr<'a>(tag: &'a str, name: &str) -> &'a str {
    let key = format!("{name}=\"");
    let at = tag
        .find(&key)
        .unwrap_or_else(|| panic!("no {name} in {tag}"))
        + key.len();
    &tag[at..at + tag[at..].find('"').unwrap()]
}

/// Per article (1-based number) and frame: (marks, summed weights), counting
/// each match once (pieces of a cut mark carry the class `cont`) and only
/// matches that count for a frame (a dropped match has an empty data-frame).
fn marks(html: &str) -> BTreeMap<(usize, String), (usize, f64)> {
    let mut out = BTreeMap::new();
    for (k, art) in html.split("<article id=\"a").enumerate().skip(1) {
        let no: usize = art[..art.find('"').unwrap()].parse().unwrap();
        assert!(no >= k, "articles in order");
        let body = &art[art.find("<div class=\"text\">").unwrap()..];
        for piece in body.split("<mark ").skip(1) {
            let tag = &piece[..piece.find('>').unwrap()];
            let class = attr(tag, "class");
            let frame = attr(tag, "data-frame");
            if class.split(' ').any(|c| c == "cont") || frame.is_empty() {
                continue;
            }
            let w: f64 = attr(tag, "data-w").parse().unwrap();
            let e = out.entry((no, frame.to_string())).or_insert((0, 0.0));
            e.0 += 1;
            e.1 += w;
        }
    }
    out
}

fn frames_csv(p: &Path) -> Vec<(String, String, f64)> {
    let mut r = csv::Reader::from_path(p).unwrap();
    let h: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    let (id, frame, hits) = (col("article_id"), col("frame"), col("hits"));
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            (
                rec[id].to_string(),
                rec[frame].to_string(),
                rec[hits].parse().unwrap(),
            )
        })
        .collect()
}

/// The marks of every frame add up to the article's hits in frames.csv.
fn marks_match_scores(out: &Path) {
    let html = read(&out.join("reader.html"));
    let marked = marks(&html);
    let ids: Vec<String> = csv::Reader::from_path(out.join("articles.csv"))
        .unwrap()
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    let mut checked = 0;
    for (id, frame, hits) in frames_csv(&out.join("frames.csv")) {
        let no = ids.iter().position(|x| *x == id).unwrap() + 1;
        let (n, w) = marked
            .get(&(no, frame.clone()))
            .copied()
            .unwrap_or((0, 0.0));
        assert!(
            (w - hits).abs() < 1e-3,
            "article #{no} {id} {frame}: marks weigh {w} ({n} marks), frames.csv says {hits}"
        );
        checked += usize::from(hits > 0.0);
    }
    assert!(checked > 0, "no frame had hits");
}

#[test]
fn reader_marks_add_up_to_the_scores_on_the_seeds() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    analyze_ok(&[&seeds()], &out);
    marks_match_scores(&out);
    let reader = read(&out.join("reader.html"));
    assert_eq!(reader.matches("<article id=\"a").count(), 5);
    assert!(reader.contains("class=\"legend\""));
    assert!(!reader.contains("<script"));
    // Every article named in the report links to its place in the reader.
    let report = read(&out.join("report.html"));
    for n in 1..=5 {
        assert!(
            report.contains(&format!("href=\"reader.html#a{n}\"")),
            "#{n}"
        );
    }
    // The reader and the appendix are frame's files, listed in the manifest.
    let manifest = read(&out.join(".frame-manifest"));
    for f in ["reader.html", "appendix.html", "findings.csv"] {
        assert!(
            manifest
                .lines()
                .any(|l| l.starts_with("file\t") && l.rsplit('\t').next() == Some(f)),
            "{f} not in the manifest"
        );
        assert!(
            report.contains(&format!("<td>{f}</td>")),
            "{f} not in the file list"
        );
    }
}

#[test]
fn negated_and_quoted_matches_are_shown_apart() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = folder(
        tmp.path(),
        "corpus",
        &[
            (
                "a.txt",
                "Calm after the attack\n\nPolice said there was no threat to the public. \
                 “The fire is not under control,” a resident said. There was no clash. \
                 Another attack followed a violent night.\n"
                    .as_bytes(),
            ),
            (
                "b.txt",
                "Council budget\n\nThe council met to discuss roads. Nobody was in danger.\n"
                    .as_bytes(),
            ),
        ],
    );
    let out = tmp.path().join("out");
    analyze_ok(&[&corpus], &out);
    marks_match_scores(&out);
    let html = read(&out.join("reader.html"));
    // "not under control" counts as threat, dashed, naming its negator.
    assert!(
        html.contains("negated reassurance entry") && html.contains("(negator “not”)"),
        "{html}"
    );
    assert!(html.contains(" neg\""));
    // "no clash" is dropped and struck through, naming its negator.
    assert!(html.contains("negated by “no”: not counted"), "{html}");
    // "not under control" sits in a quote: the mark is inside the quote's shading.
    assert!(html.contains("<span class=\"q\">"));
}

/// Past the reader's first pages (2,000 articles), an article the report
/// names (here the most threat-framed, the last of 2,005) gets a page of its
/// own, and the report's links to it resolve; an article it does not name
/// stays out of the reader.
#[test]
fn an_article_the_report_names_beyond_the_first_pages_can_be_read() {
    let tmp = tempfile::tempdir().unwrap();
    let plain: Vec<(String, Vec<u8>)> = (0..2004)
        .map(|i| {
            (
                format!("a{i:04}.txt"),
                format!(
                    "Council notes {i}\n\nThe council met on day {i} to discuss the library budget. \
                     Members agreed on new opening hours for the parks and the pool. \
                     The next meeting is planned for the spring."
                )
                .into_bytes(),
            )
        })
        .collect();
    let mut files: Vec<(&str, &[u8])> = plain
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let threat = b"Gunmen attack the town\n\nGunmen attacked the town at night and killed six people. \
        The attack spread fear and panic among residents. Police warned of further violence and danger. \
        Survivors described the massacre and the terror of the assault. \
        The killings were the deadliest attack in years. Officials fear more bloodshed.";
    files.push(("z9999.txt", threat));
    let dir = folder(tmp.path(), "many", &files);
    let out = tmp.path().join("out");
    analyze_ok(&[&dir], &out);
    let named = read(&out.join("reader-named.html"));
    assert!(
        named.contains("<article id=\"a2005\""),
        "the named article is on the page"
    );
    assert!(
        !named.contains("<article id=\"a2004\""),
        "an article the report does not name is not"
    );
    let report = read(&out.join("report.html"));
    assert!(
        report.contains("reader-named.html#a2005"),
        "the report links to it"
    );
    assert!(
        !report.contains("reader-21.html"),
        "no numbered page past the first 2,000 articles"
    );
    let manifest = read(&out.join(".frame-manifest"));
    assert!(manifest.contains("reader-named.html"), "{manifest}");
}
