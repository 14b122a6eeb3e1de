//! End-to-end: an export's articles keep the export's own numbers (`FILE#N`,
//! `position`, the imported file's name) when one of them has no day in its
//! date line or cannot be read at all, and the article is named in a warning.
//! The export is invented text laid out as classic LexisNexis writes it.

mod common;

use common::{frame, run};
use std::fs;

/// One classic LexisNexis document: marker, outlet, date line, headline,
/// fields, text and trailing fields.
fn document(n: usize, of: usize, outlet: &str, date: &str, title: &str, text: &str) -> String {
    let words = text.split_whitespace().count();
    format!(
        "                              {n} of {of} DOCUMENTS\n\n\
         \x20                             {outlet}\n\n\
         \x20                          {date}\n\n\
         {title}\n\nBYLINE: By A REPORTER\n\nLENGTH: {words} words\n\n\
         {text}\n\nLOAD-DATE: March 9, 2012\n\nLANGUAGE: ENGLISH\n\n\n"
    )
}

#[test]
fn skipped_and_dayless_articles_keep_the_export_numbering() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("monthly.txt");
    let text = [
        document(
            1,
            4,
            "The Times (London)",
            "March 5, 2012 Monday",
            "Storm damage worse than feared",
            "Roofs were torn off in the night, residents said.",
        ),
        document(
            2,
            4,
            "Flood Review",
            "Spring 2012",
            "EXCLUSIVE: Minister knew of flood risk for years",
            "The minister was warned in 2009 that defences would fail.",
        ),
        // A marker with nothing after it: no article to read.
        "                              3 of 4 DOCUMENTS\n\n".to_string(),
        document(
            4,
            4,
            "Dawn (Pakistan)",
            "March 7, 2012 Wednesday",
            "Floods displace thousands in Sindh",
            "KARACHI: Floods have displaced thousands of families, officials said.",
        ),
    ]
    .concat();
    fs::write(&export, text).unwrap();
    let out = dir.path().join("articles");
    let r = run(frame().arg("import").arg(&export).arg("--out").arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("article 2 (\"EXCLUSIVE: Minister knew of flood risk for years\")"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("monthly.txt#3"), "{}", r.stderr);
    assert!(!out.join("monthly-003.txt").exists());

    let second = fs::read_to_string(out.join("monthly-002.txt")).unwrap();
    assert!(
        second.contains("title: EXCLUSIVE: Minister knew of flood risk for years\n"),
        "{second}"
    );
    assert!(second.contains("date: 2012\n"), "{second}");
    assert!(second.contains("position: 2\n"), "{second}");

    let fourth = fs::read_to_string(out.join("monthly-004.txt")).unwrap();
    assert!(
        fourth.contains("title: Floods displace thousands in Sindh\n"),
        "{fourth}"
    );
    assert!(fourth.contains("position: 4\n"), "{fourth}");
    assert!(
        fourth.contains("\nKARACHI: Floods have displaced thousands of families"),
        "{fourth}"
    );
}
