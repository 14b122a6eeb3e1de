//! End-to-end: an export's articles keep the export's own numbers (`FILE#N`,
//! `position`, the imported file's name) when one of them has no day in its
//! date line or cannot be read at all, and the article is named in a warning;
//! a part of a larger download keeps the numbers it states ("101 of 500"),
//! unless they are out of order. The exports are invented text laid out as
//! classic LexisNexis writes it.

mod common;

use common::{analyze_ok, csv_maps, frame, run};
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

/// Three documents of a larger download, numbered as `numbers` say, of 500.
fn part(numbers: [usize; 3], text: &str) -> String {
    let titles = [
        "Storm damage worse than feared",
        "Minister knew of flood risk for years",
        "Floods displace thousands in Sindh",
    ];
    numbers
        .iter()
        .zip(titles)
        .map(|(&n, title)| {
            document(
                n,
                500,
                "The Times (London)",
                "March 5, 2012 Monday",
                title,
                text,
            )
        })
        .collect()
}

#[test]
fn a_part_of_a_download_keeps_the_numbers_it_states() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    fs::write(
        input.join("part2.txt"),
        part([101, 102, 104], "Roofs were torn off in the night."),
    )
    .unwrap();
    fs::write(
        input.join("pasted.txt"),
        part([101, 102, 101], "Power was cut to the town."),
    )
    .unwrap();
    let r = analyze_ok(&[&input], &dir.path().join("report"));
    let ids: Vec<String> = csv_maps(&dir.path().join("report/articles.csv"))
        .into_iter()
        .map(|a| a["id"].clone())
        .collect();
    assert_eq!(
        ids,
        [
            "part2#101",
            "part2#102",
            "part2#104",
            "pasted#1",
            "pasted#2",
            "pasted#3"
        ]
    );
    assert!(
        r.stderr.contains(
            "pasted.txt: the export's own document numbers cannot be the articles' numbers \
             (\"101 of 500 DOCUMENTS\" follows \"102 of 500 DOCUMENTS\"); its articles are \
             numbered by their place in this file (#1 to #3) instead"
        ),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("part2.txt: "), "{}", r.stderr);

    let out = dir.path().join("articles");
    let r = run(frame()
        .arg("import")
        .arg(input.join("part2.txt"))
        .arg("--out")
        .arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let first = fs::read_to_string(out.join("part2-101.txt")).unwrap();
    assert!(first.contains("position: 101\n"), "{first}");
    assert!(out.join("part2-104.txt").exists());
}
