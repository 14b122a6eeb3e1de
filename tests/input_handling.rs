//! End-to-end: how the binary handles input that used to go wrong quietly
//! (review of input handling, defects 4-7 and 9): an import reading its own
//! output, `--format` on files detection places, front matter never closed
//! or with a date frame cannot read, files that hold no text, `--out`
//! naming a file, boilerplate inside a paragraph, text damaged before frame
//! read it (U+FFFD); and from a review of real student inputs: a page saved
//! "complete" with its resource folder, web archives and JSON arrays,
//! Word's lock file. Tables are in `tables.rs`.

mod common;

use common::fixtures::docx_of;
use common::{
    analyze_ok, analyze_with as analyze, assert_not_said, assert_said, csv_maps, folder, frame,
    read, run, Run,
};
use std::fs;
use std::path::Path;

const ARTICLE: &str = "Flood warning issued for the valley\n\nResidents were told to leave their homes as the river rose, and police said the danger was real.\n";

/// `frame import ARGS --out OUT`, whatever its exit code.
fn import(args: &[&Path], out: &Path) -> Run {
    run(frame().arg("import").args(args).arg("--out").arg(out))
}

/// A Word file of one short article.
fn storm_docx() -> Vec<u8> {
    docx_of(&[
        "Storm hits the coast",
        "Waves broke the sea wall overnight.",
    ])
}

/// `frame import DIR --out DIR/articles` twice: the second run reads the
/// sources only (the first run's articles are passed over, with a warning).
#[test]
fn an_import_run_twice_never_reads_its_own_output() {
    let tmp = tempfile::tempdir().unwrap();
    let docx = storm_docx();
    let dir = folder(
        tmp.path(),
        "in",
        &[("a.txt", ARTICLE.as_bytes()), ("b.docx", &docx)],
    );
    let out = dir.join("articles");
    let first = import(&[&dir], &out);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_said(&first, "wrote 2 articles from 2 files");
    let second = import(&[&dir], &out);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert_said(&second, "wrote 2 articles from 2 files");
    assert_said(
        &second,
        "the folder this import writes into (--out); its files are not read as input",
    );
    // A third import into another folder passes over both earlier outputs.
    let third = import(&[&dir], &dir.join("again"));
    assert_said(&third, "articles an earlier frame import wrote");
    assert_said(&third, "wrote 2 articles from 2 files");
    // The imported folder is still what `analyze` reads.
    let r = analyze_ok(&[&out], &tmp.path().join("report"));
    assert_not_said(&r, ".frame-import");
    assert_eq!(csv_maps(&tmp.path().join("report/articles.csv")).len(), 4);
}

/// `--format` applies only where detection fails: a real Word file stays
/// Word, a file of an unknown extension (also inside a folder) takes it.
#[test]
fn format_is_used_only_where_detection_fails() {
    let tmp = tempfile::tempdir().unwrap();
    let docx = storm_docx();
    let dir = folder(
        tmp.path(),
        "in",
        &[
            ("a.docx", &docx),
            ("b.dat", ARTICLE.as_bytes()),
            ("c.png", b"\x89PNG\r\n"),
        ],
    );
    let out = tmp.path().join("o");
    let r = run(frame()
        .arg("import")
        .arg(&dir)
        .args(["--format", "txt", "--out"])
        .arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_said(&r, "wrote 2 articles from 2 files");
    assert!(
        fs::read_to_string(out.join("a.txt"))
            .unwrap()
            .contains("Waves broke the sea wall"),
        "the Word file was read as Word"
    );
    assert_said(&r, "c.png: an image");
    // A forced reader that fails says it was forced.
    let r = analyze(
        &dir,
        &["--format", "pdf", "--quiet"],
        &tmp.path().join("o2"),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_said(&r, "b.dat: read with --format pdf");
    assert_not_said(&r, "a.docx");
}

#[test]
fn front_matter_problems_name_file_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = folder(
        tmp.path(),
        "fm",
        &[
            (
                "unclosed.txt",
                b"---\ntitle: Never closed front matter\ndate: 2024-03-05\n\nBody text follows here about floods and danger to life.\n",
            ),
            (
                "baddate.txt",
                b"---\ntitle: Storm hits coast\ndate: 2024-13-45\n---\nStorm text body here about the danger and the threat.\n",
            ),
            (
                "written.txt",
                b"---\ntitle: Written date\ndate: 5 March 2024\n---\nBody text about floods and the danger to the town.\n",
            ),
        ],
    );
    let out = tmp.path().join("o");
    let r = analyze_ok(&[&dir], &out);
    assert_said(
        &r,
        "unclosed.txt: line 1: the front matter (the --- block) is never closed",
    );
    assert_said(
        &r,
        "baddate.txt: line 3: date '2024-13-45' is not a date frame can read",
    );
    let arts = csv_maps(&out.join("articles.csv"));
    let get = |id: &str| arts.iter().find(|a| a["id"] == id).unwrap();
    assert_eq!(get("unclosed")["title"], "Never closed front matter");
    assert_eq!(get("unclosed")["date"], "2024-03-05");
    assert_eq!(get("written")["date"], "2024-03-05");
}

/// One clear reason for a file with no text, and `--out` naming a file
/// said as `analyze` says it.
#[test]
fn files_without_text_and_an_out_file_are_said_plainly() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = folder(
        tmp.path(),
        "in",
        &[
            (
                "app.html",
                b"<!DOCTYPE html><html><head><title>News</title></head><body><div id=\"root\"></div><noscript>You need to enable JavaScript to run this app.</noscript><script src=\"app.js\"></script></body></html>",
            ),
            ("only.txt", b"---\ntitle: Only front matter\n---\n"),
            ("good.txt", ARTICLE.as_bytes()),
        ],
    );
    let r = import(&[&dir], &tmp.path().join("o"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_said(
        &r,
        "app.html: the page holds no text: it is built by JavaScript",
    );
    assert_said(&r, "only.txt: holds only front matter");
    for wrong in ["after removing boilerplate", "no article found in the page"] {
        assert_not_said(&r, wrong);
    }
    let file = tmp.path().join("afile");
    fs::write(&file, "mine").unwrap();
    let r = import(&[&dir], &file);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_said(&r, "it is a file, not a folder; choose a folder with --out");
    assert_eq!(fs::read_to_string(&file).unwrap(), "mine");
}

/// A page pasted into a .txt as one paragraph: the boilerplate inside it
/// goes, and what is left is the article, word for word (frame finds it the
/// same text as the clean copy); `--keep-boilerplate` keeps it all.
#[test]
fn boilerplate_inside_one_paragraph_goes() {
    let tmp = tempfile::tempdir().unwrap();
    let clean = "Snow leopard escapes from city zoo The keepers said the animal escaped overnight and police were called. \
                 Visitors were moved away from the enclosure. The zoo said it was reviewing its procedures.\n";
    let pasted = "Snow leopard escapes from city zoo Image copyright Getty Images The keepers said the animal escaped \
                  overnight and police were called. Media playback is not supported on this device Visitors were moved \
                  away from the enclosure. Share this with Email Facebook Messenger Twitter Copy this link The zoo said \
                  it was reviewing its procedures. READ MORE: Fury after snow leopard shot dead\n";
    let dir = folder(
        tmp.path(),
        "in",
        &[
            ("clean.txt", clean.as_bytes()),
            ("pasted.txt", pasted.as_bytes()),
        ],
    );
    let out = tmp.path().join("o");
    let r = analyze_ok(&[&dir], &out);
    assert_said(&r, "pasted.txt: same text as");
    let arts = csv_maps(&out.join("articles.csv"));
    let get = |id: &str| arts.iter().find(|a| a["id"] == id).unwrap();
    assert_eq!(get("clean")["boilerplate_lines"], "0");
    assert_eq!(get("pasted")["boilerplate_lines"], "4");
    assert_eq!(get("pasted")["words"], get("clean")["words"]);
    // The report gives the run's one total, for a methods section.
    let report = fs::read_to_string(out.join("report.md")).unwrap();
    assert!(
        report.contains("Boilerplate removed: 4 lines and fragments (")
            && report.contains(") from 1 of the 2 articles;"),
        "{report}"
    );

    let kept = tmp.path().join("kept");
    let r = analyze(&dir, &["--keep-boilerplate", "--quiet"], &kept);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_not_said(&r, "same text as");
    let arts = csv_maps(&kept.join("articles.csv"));
    assert!(arts.iter().all(|a| a["boilerplate_lines"] == "0"));
}

/// A promotion repeated in several otherwise different articles goes from
/// each (counted in `boilerplate_lines`, said once for the run); three
/// copies of one wire story keep their shared text, which is the article;
/// `--keep-boilerplate` keeps the promotion.
#[test]
fn a_sentence_repeated_across_articles_goes() {
    let tmp = tempfile::tempdir().unwrap();
    let promo = "The Morning Briefing brings the day's top stories to your inbox every weekday.";
    let stories = [
        "The council approved the new bridge after a long debate about its cost.",
        "Firefighters brought the warehouse blaze under control before dawn on Sunday.",
        "The museum reopened its doors after two years of careful restoration work.",
        "Farmers in the valley said the late frost had ruined much of the apple harvest.",
    ];
    let wire = "The storm reached the coast early on Monday and cut power to thousands of homes. \
                Schools will stay closed until the roads are cleared, officials said.";
    let mut files: Vec<(String, String)> = stories
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let body = if i == 0 {
                // Inside a paragraph, as a web page pasted into a file.
                format!("{s} {promo} More details will follow.")
            } else {
                format!("{s} More details will follow.\n\n{promo}")
            };
            (
                format!("story{i}.txt"),
                format!("Story number {i} of the day\n\n{body}\n"),
            )
        })
        .collect();
    for i in 0..4 {
        files.push((
            format!("wire{i}.txt"),
            format!("Storm hits the coast\n\nBy staff of outlet {i}.\n\n{wire}\n"),
        ));
    }
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_bytes()))
        .collect();
    let dir = folder(tmp.path(), "in", &files);
    let out = tmp.path().join("o");
    let r = analyze_ok(&[&dir], &out);
    assert_said(
        &r,
        "removed 4 sentences that stand word for word in 4 or more different articles",
    );
    assert_said(&r, "from 4 articles");
    let arts = csv_maps(&out.join("articles.csv"));
    let get = |id: &str| arts.iter().find(|a| a["id"] == id).unwrap();
    for i in 0..4 {
        assert_eq!(get(&format!("story{i}"))["boilerplate_lines"], "1");
    }
    for i in 0..4 {
        assert_eq!(get(&format!("wire{i}"))["boilerplate_lines"], "0");
    }
    let sentences = read(&out.join("sentences.csv"));
    assert!(!sentences.contains("Morning Briefing"), "{sentences}");
    assert_eq!(sentences.matches("Schools will stay closed").count(), 4);
    assert_eq!(sentences.matches("More details will follow.").count(), 4);

    let kept = tmp.path().join("kept");
    let r = analyze(&dir, &["--keep-boilerplate", "--quiet"], &kept);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_not_said(&r, "word for word");
    assert_eq!(
        read(&kept.join("sentences.csv"))
            .matches("Morning Briefing")
            .count(),
        4
    );
}

/// Text damaged before frame read it (U+FFFD, the replacement character):
/// one warning for the run names the articles, articles.csv and
/// analysis.json give each one's count, and no fragment of a damaged word
/// becomes a term, a key term or a collocation.
#[test]
fn damaged_characters_are_named_once_and_never_terms() {
    let tmp = tempfile::tempdir().unwrap();
    let irish = |n: usize| {
        format!(
            "Budget vote in the D\u{FFFD}\u{FFFD}il number {n}\n\nThe D\u{FFFD}\u{FFFD}il voted on the \
             budget. Fianna F\u{FFFD}\u{FFFD}il and Sinn F\u{FFFD}in members spoke, and Bus \
             \u{FFFD}ireann drivers watched. The D\u{FFFD}\u{FFFD}il sits again on Tuesday, \
             when the budget returns.\n"
        )
    };
    let other = |n: usize| {
        format!(
            "Harbour council meets {n}\n\nThe harbour council met on Monday to discuss fishing \
             quotas. Councillors said the fishing fleet needed new quotas before the winter.\n"
        )
    };
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for n in 1..=5 {
        files.push((format!("irish/{n}.txt"), irish(n).into_bytes()));
        files.push((format!("other/{n}.txt"), other(n).into_bytes()));
    }
    // Damaged while decoding: UTF-16 (its BOM says so) with a lone
    // surrogate, which is no character. (A UTF-8 file's stray byte is read
    // as Windows-1252, not lost.)
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    let lone = [0x00, 0xD8];
    files.push((
        "irish/6.txt".into(),
        [
            &[0xFF, 0xFE][..],
            &utf16("The D"),
            &lone,
            &utf16("il debate on the budget went on\n\nMembers of the D"),
            &lone,
            &utf16("il argued late.\n"),
        ]
        .concat(),
    ));
    let named: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let dir = folder(tmp.path(), "in", &named);
    let out = tmp.path().join("o");
    let r = analyze(&dir, &[], &out);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // One warning, not one per file; the first five articles are named.
    let lines: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.contains("damaged character"))
        .collect();
    assert_eq!(lines.len(), 1, "{}", r.stderr);
    let w = lines[0];
    assert!(
        w.starts_with(
            "warning: 6 articles hold damaged characters (52 in all: U+FFFD, or ? inside a word; "
        ),
        "{w}"
    );
    for n in 1..=5 {
        assert!(w.contains(&format!("irish/{n}.txt (10)")), "{w}");
    }
    assert!(
        w.contains(" and 1 more; the text was damaged before frame read it"),
        "{w}"
    );

    let arts = csv_maps(&out.join("articles.csv"));
    let get = |id: &str| arts.iter().find(|a| a["id"] == id).unwrap();
    assert_eq!(get("irish/1")["damaged_characters"], "10");
    assert_eq!(get("6")["damaged_characters"], "2");
    assert_eq!(get("other/1")["damaged_characters"], "0");
    // A damaged word is one word, as the word it was ("Fianna F\u{FFFD}\u{FFFD}il" is
    // two, not "fianna", "f", "il"): 6 in the title (the number is none), 28 below.
    assert_eq!(get("irish/1")["words"], "34");

    // No fragment is a term, a key term or part of a collocation.
    let fragments = ["f", "il", "in", "ireann", "d", "\u{FFFD}"];
    for (file, col) in [
        ("terms.csv", "term"),
        ("keyness.csv", "term"),
        ("coverage.csv", "name"),
    ] {
        let rows = csv_maps(&out.join(file));
        for row in &rows {
            if let Some(t) = row.get(col) {
                assert!(!fragments.contains(&t.as_str()), "{file}: {row:?}");
            }
        }
    }
    let keyness = read(&out.join("keyness.csv"));
    assert!(keyness.contains(",budget,"), "{keyness}");
    let collocations = read(&out.join("collocations.csv"));
    for bad in ["ireann drivers", "fianna f", "il and", "\u{FFFD}"] {
        assert!(!collocations.contains(bad), "{collocations}");
    }
    // The report's method section and analysis.json carry the warning.
    let report = read(&out.join("report.md"));
    let method = &report[report.find("### Skipped and warnings").unwrap()..];
    assert!(
        method.contains("6 articles hold damaged characters"),
        "{method}"
    );
    let json: serde_json::Value = serde_json::from_str(&read(&out.join("analysis.json"))).unwrap();
    assert!(json["warnings"].as_array().unwrap().iter().any(|w| w
        .as_str()
        .unwrap()
        .starts_with("6 articles hold damaged characters")));
    assert_eq!(json["articles"][0]["damaged_characters"], 10);
}

/// A soft hyphen (`&shy;` in a saved page) or a word joiner inside a word
/// does not split it: "dan&shy;ger" counts as "danger", in `analyze` as in
/// `score`.
#[test]
fn invisible_characters_inside_words_are_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let page = "<html><body><article><h1>Storm news</h1>\
                <p>The dan&shy;ger to residents is grave, officials said today.</p>\
                <p>Roads were closed after the flood\u{2060}ing overnight.</p></article></body></html>";
    let dir = folder(tmp.path(), "in", &[("storm.html", page.as_bytes())]);
    let out = tmp.path().join("report");
    analyze_ok(&[&dir], &out);
    let evidence = read(&out.join("evidence.csv"));
    assert!(evidence.contains(",danger,"), "{evidence}");
    assert!(!evidence.contains('\u{ad}'), "{evidence}");
    let r = run(frame()
        .arg("score")
        .write_stdin("The dan\u{ad}ger is grave.\n"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let row: Vec<&str> = r.stdout.lines().nth(1).unwrap().split(',').collect();
    assert!(row[5].parse::<f64>().unwrap() > 0.0, "{}", r.stdout);
}

/// Two files whose names are Latin-1, not UTF-8 (as an old zip unpacks on
/// Linux): each keeps its own id and source, its stray byte as `\xE9`, not
/// both the same `caf�` with one renamed.
#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_stay_apart() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    fs::create_dir(&dir).unwrap();
    for b in [0xe9u8, 0xe8] {
        let name = [b"caf".as_slice(), &[b], b".txt"].concat();
        fs::write(dir.join(std::ffi::OsStr::from_bytes(&name)), ARTICLE).unwrap();
    }
    let out = tmp.path().join("out");
    let r = analyze_ok(&[&dir], &out);
    assert!(!r.stderr.contains('\u{fffd}'), "{}", r.stderr);
    let rows = csv_maps(&out.join("articles.csv"));
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, ["caf\\xE8", "caf\\xE9"]);
    assert!(
        rows[1]["source"].ends_with("in/caf\\xE9.txt"),
        "{:?}",
        rows[1]
    );
}

/// From a real-input review: a sentence wrapped by hand after "not" was two
/// sentences, and "safe to drink" counted as reassurance.
#[test]
fn a_sentence_wrapped_at_a_negation_keeps_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = folder(
        tmp.path(),
        "in",
        &[(
            "water.txt",
            b"Water warning in town\n\nOfficials said on Monday that the tap water in the town was not\nsafe to drink and residents should boil it.\n",
        )],
    );
    let out = tmp.path().join("out");
    analyze_ok(&[&dir], &out);
    let rows = csv_maps(&out.join("evidence.csv"));
    let safe: Vec<_> = rows
        .iter()
        .filter(|r| r.values().any(|v| v.contains("safe")))
        .collect();
    assert!(!safe.is_empty(), "{rows:?}");
    assert!(
        safe.iter().all(|r| r.values().any(|v| v == "threat")),
        "{safe:?}"
    );
}

/// "Save page as" → "Web page, complete" writes `Page.html` and a folder
/// `Page_files` of its resources: the page is the one article, the folder
/// one warning, not an ad frame read as an article of a group "Page_files"
/// and one warning per image.
#[test]
fn a_page_saved_complete_is_read_without_its_resources() {
    let tmp = tempfile::tempdir().unwrap();
    let page = format!(
        "<html><head><title>Flood warning issued - BBC News</title></head><body><article><h1>Flood warning issued</h1><p>{}</p></article></body></html>",
        ARTICLE.lines().nth(2).unwrap()
    );
    let ad = b"<html><body><p>Buy the best insurance deals today, compare prices now and save money on every policy.</p></body></html>";
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("Flood - BBC News.html".into(), page.into_bytes()),
        (
            "Flood - BBC News_files/saved_resource.html".into(),
            ad.to_vec(),
        ),
        ("Flood - BBC News_files/style.css".into(), b"p {}".to_vec()),
    ];
    for i in 0..60 {
        files.push((
            format!("Flood - BBC News_files/img{i}.gif"),
            b"GIF89a".to_vec(),
        ));
    }
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), &b[..])).collect();
    let dir = folder(tmp.path(), "in", &files);
    let out = tmp.path().join("report");
    let r = analyze(&dir, &[], &out);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_said(
        &r,
        "Flood - BBC News_files: the images, scripts and ad frames of the saved page",
    );
    assert_not_said(&r, "img1.gif");
    assert_not_said(&r, "more warnings not shown");
    let arts = csv_maps(&out.join("articles.csv"));
    assert_eq!(arts.len(), 1, "{arts:?}");
    assert!(
        arts[0]["source"].ends_with("Flood - BBC News.html"),
        "{arts:?}"
    );
}

/// A page saved as one file (Chrome's .mhtml, Safari's .webarchive) and a
/// JSON array are refused, in a folder and named directly, with the way to
/// a file frame reads; never read as text ("From: <Saved by Blink>").
#[test]
fn web_archives_and_json_arrays_are_refused_with_the_fix() {
    let tmp = tempfile::tempdir().unwrap();
    let mhtml = b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/police\r\nSubject: Police chief defends stop and search\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n------MultipartBoundary--abc----\r\nContent-Type: text/html\r\n\r\n<html><body><p>The police chief defended stop and search powers on Monday.</p></body></html>\r\n------MultipartBoundary--abc------\r\n";
    let webarchive = b"bplist00\xd1\x01\x02_\x10\x0fWebMainResource\xd5\x03\x04\x05\x06\x07";
    let json = b"[\n {\"id\": \"a1\", \"text\": \"Floods hit the town and residents fled.\"}\n]\n";
    let dir = folder(
        tmp.path(),
        "in",
        &[
            ("good.txt", ARTICLE.as_bytes()),
            ("police.mhtml", mhtml),
            ("police.mht", mhtml),
            ("police.webarchive", webarchive),
            ("rows.json", json),
        ],
    );
    let r = analyze(&dir, &[], &tmp.path().join("report"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    for name in ["police.mhtml", "police.mht", "police.webarchive"] {
        assert_said(&r, &format!("{name}: a web page saved as one file"));
    }
    assert_said(&r, "save it again as \"Web page, HTML only\" (.html)");
    assert_said(&r, "rows.json: a JSON file");
    assert_said(
        &r,
        "convert it to JSON Lines (one object per line, .jsonl) or CSV",
    );
    assert_not_said(&r, "give --format");
    // Named directly (and with --format, which does not reach them).
    for (name, fix) in [
        ("police.mhtml", "Web page, HTML only"),
        ("police.webarchive", "Web page, HTML only"),
        ("rows.json", "JSON Lines"),
    ] {
        for flags in [&[][..], &["--format", "txt"][..]] {
            let r = analyze(&dir.join(name), flags, &tmp.path().join("direct"));
            assert_eq!(r.code, 1, "{name} {flags:?}: {}", r.stderr);
            assert_said(&r, fix);
            assert_not_said(&r, "Saved by Blink");
        }
    }
}

/// Word leaves `~$name.docx` (162 bytes) beside a document while it is
/// open: it is named as Word's lock file, not as a corrupt document.
#[test]
fn words_lock_file_is_not_called_corrupt() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lock = vec![5u8];
    lock.extend(b"Alice");
    lock.resize(162, 0);
    let dir = folder(
        tmp.path(),
        "in",
        &[
            ("article.txt", ARTICLE.as_bytes()),
            ("~$rticle.docx", &lock),
        ],
    );
    let r = analyze(&dir, &[], &tmp.path().join("report"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_said(
        &r,
        "~$rticle.docx: Word's lock file for a document open in Word, not an article",
    );
    assert_not_said(&r, "corrupt");
    // Named directly, the same.
    let r = analyze(&dir.join("~$rticle.docx"), &[], &tmp.path().join("direct"));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_said(&r, "Word's lock file");
    assert_not_said(&r, "corrupt");
}

/// What boilerplate removal took out is written to removed.csv, one row
/// per piece an article's `boilerplate_lines` counts, and the report's
/// "Skipped and warnings" links it, so that a reader can check none of it
/// was the article's.
#[test]
fn removed_text_is_listed_piece_by_piece() {
    let tmp = tempfile::tempdir().unwrap();
    let a = "Council approves the new flood defence plan\n\nShare this\n\n\
             LONDON (Reuters) - The council approved the plan on Monday. \
             READ MORE: Floods drive families from homes The work starts in spring.\n\n\
             Image caption Workers on the river bank\n\nIt will cost two million pounds.\n";
    let b = "Residents welcome the new library opening\n\nThe library opened on Saturday \
             with a reading for children and a concert in the evening.\n";
    let dir = folder(
        tmp.path(),
        "in",
        &[("a.txt", a.as_bytes()), ("b.txt", b.as_bytes())],
    );
    let out = tmp.path().join("report");
    analyze_ok(&[&dir], &out);
    let arts = csv_maps(&out.join("articles.csv"));
    let removed = csv_maps(&out.join("removed.csv"));
    for art in &arts {
        let rows = removed
            .iter()
            .filter(|r| r["article_id"] == art["id"])
            .count();
        assert_eq!(rows.to_string(), art["boilerplate_lines"], "{art:?}");
    }
    let got: Vec<(&str, &str)> = removed
        .iter()
        .map(|r| (r["rule"].as_str(), r["text"].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("line", "Share this"),
            ("teaser", "READ MORE: Floods drive families from homes"),
            ("wire credit", "LONDON (Reuters) -"),
            ("line", "Image caption Workers on the river bank"),
        ]
    );
    assert!(removed.iter().all(|r| r["source"].ends_with("a.txt")));
    let report = read(&out.join("report.md"));
    let method = &report[report.find("### Skipped and warnings").unwrap()..];
    assert!(method.contains("[removed.csv](removed.csv)"), "{method}");
}

/// From a tester: one Windows-1252 byte in a UTF-8 article made frame read
/// the whole file as Windows-1252 ("â€œno-go areasâ€" in the title and
/// sentences, a speaker lost). The file stays UTF-8, the stray byte is read
/// as Windows-1252, and the warning names the file, the count and the line.
#[test]
fn a_stray_windows_1252_byte_leaves_the_rest_utf8() {
    let tmp = tempfile::tempdir().unwrap();
    let seed = fs::read(common::seeds().join("000_3bdc49879786d167.txt")).unwrap();
    let mut bytes = seed.clone();
    bytes.extend_from_slice(b"\nCaf\xe9 owners said so.\n");
    let line = bytes.iter().filter(|&&b| b == b'\n').count();
    let dir = folder(tmp.path(), "mix", &[("a.txt", &bytes)]);
    let out = tmp.path().join("o");
    let r = analyze_ok(&[&dir], &out);
    assert_said(
        &r,
        &format!("a.txt: 1 byte was not UTF-8 (first at line {line}) and was read as Windows-1252; the rest is UTF-8"),
    );
    assert_not_said(&r, "damaged character");
    let arts = csv_maps(&out.join("articles.csv"));
    // The seed opens with its lead paragraph, so the title is its opening
    // words; the mended quotation marks are checked in the sentences.
    assert!(!arts[0]["title"].contains("â€"), "{arts:?}");
    let sentences = read(&out.join("sentences.csv"));
    assert!(sentences.contains("“no-go areas”"), "{sentences}");
    assert!(!sentences.contains("â€"), "{sentences}");
    assert!(sentences.contains("Café owners said so."), "{sentences}");
    // The same article written in Windows-1252 is read whole as such.
    let (cp1252, _, bad) = encoding_rs::WINDOWS_1252.encode(std::str::from_utf8(&seed).unwrap());
    assert!(!bad);
    let dir = folder(tmp.path(), "old", &[("b.txt", &cp1252)]);
    let out = tmp.path().join("o2");
    let r = analyze_ok(&[&dir], &out);
    assert_said(
        &r,
        "b.txt: not valid UTF-8 (first at line 1); read as Windows-1252",
    );
    let arts = csv_maps(&out.join("articles.csv"));
    assert!(!arts[0]["title"].contains("â€"), "{arts:?}");
    let sentences = read(&out.join("sentences.csv"));
    assert!(sentences.contains("“no-go areas”"), "{sentences}");
}

/// From a tester: `--group-by date` with no dated article put all articles
/// in one group without a word, and `--group-by nosuch` listed "group,
/// date" as available though no article had either.
#[test]
fn grouping_by_a_date_no_article_has_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = folder(
        tmp.path(),
        "c",
        &[
            ("a.txt", ARTICLE.as_bytes()),
            (
                "b.txt",
                b"Council meets\n\nThe council met on the budget and agreed the plan.\n",
            ),
        ],
    );
    let r = analyze(&dir, &["--group-by", "date"], &tmp.path().join("o"));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_said(&r, "--group-by date: no article has a date");
    assert_said(&r, "(no article has a group, a date or a metadata column)");
    let r = analyze(&dir, &["--group-by", "nosuch"], &tmp.path().join("o"));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_not_said(&r, "available: group, date");
}

/// From a tester: a JSON Lines row without the text key was called "empty";
/// `frame import` said duplicates are "analysed".
#[test]
fn a_missing_key_and_import_duplicates_are_said_as_they_are() {
    let tmp = tempfile::tempdir().unwrap();
    let jsonl = tmp.path().join("rows.jsonl");
    fs::write(
        &jsonl,
        "{\"text\": \"The flood is a danger to the town.\"}\n{\"body\": \"Where is the text?\"}\n",
    )
    .unwrap();
    let r = analyze(&jsonl, &[], &tmp.path().join("o"));
    assert_said(
        &r,
        "rows.jsonl:line 2: no 'text' key in this object (its keys: body); use --text-column to pick one",
    );
    let dir = folder(
        tmp.path(),
        "dups",
        &[("a.txt", ARTICLE.as_bytes()), ("b.txt", ARTICLE.as_bytes())],
    );
    let r = import(&[&dir], &tmp.path().join("imported"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_said(&r, "(duplicate article; both are written)");
    assert_not_said(&r, "analysed");
}

/// From a review of 150 real articles: titles kept what the text's cleaning
/// had no rule for. A byline glued to the headline line, a first paragraph
/// used whole as the title, a dash written as `"?` (a stray quotation mark
/// in the title) and a replacement character opening a quotation (in the
/// title and the quotes) are each read as what they are.
#[test]
fn titles_and_quotes_lose_the_damage_of_a_copy() {
    let tmp = tempfile::tempdir().unwrap();
    let body = "The river rose in the night and the fields were lost. Farmers in the north \
                counted the cost on Monday, and the council promised help within a week.";
    let glued = format!("Farmers count the cost of the floods Jane Smith\n\n{body}\n");
    let paragraph = format!("{body} {body}\n\nMore followed later in the day.\n");
    let dash = format!("Talks on the dam end without a deal \"?envoy\n\n{body}\n");
    let lost = format!(
        "Mayor rejects \"\u{FFFD}propaganda\" claims\n\n{body} The mayor said \"\u{FFFD}We are safe here,\" and left.\n"
    );
    let files: [(&str, &[u8]); 4] = [
        ("a.txt", glued.as_bytes()),
        ("b.txt", paragraph.as_bytes()),
        ("c.txt", dash.as_bytes()),
        ("d.txt", lost.as_bytes()),
    ];
    let dir = folder(tmp.path(), "copies", &files);
    let out = tmp.path().join("o");
    let r = run(frame().arg("analyze").arg(&dir).arg("--out").arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("1 article has no headline line") && r.stderr.contains("b.txt"),
        "{}",
        r.stderr
    );
    let arts = csv_maps(&out.join("articles.csv"));
    let title = |file: &str| {
        let a = arts.iter().find(|a| a["source"].ends_with(file)).unwrap();
        (
            a["title"].clone(),
            a.get("byline").cloned().unwrap_or_default(),
        )
    };
    assert_eq!(
        title("a.txt"),
        (
            "Farmers count the cost of the floods".into(),
            "Jane Smith".into()
        )
    );
    assert_eq!(
        title("b.txt").0,
        "The river rose in the night and the fields were lost…"
    );
    assert_eq!(
        title("c.txt").0,
        "Talks on the dam end without a deal \u{2014} envoy"
    );
    assert_eq!(title("d.txt").0, "Mayor rejects \"propaganda\" claims");
    let json: serde_json::Value = serde_json::from_str(&read(&out.join("analysis.json"))).unwrap();
    let quotes: Vec<&str> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["quotes"].as_array().unwrap())
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    assert!(quotes.contains(&"We are safe here,"), "{quotes:?}");
    assert!(quotes.iter().all(|q| !q.contains('\u{FFFD}')), "{quotes:?}");
    assert!(!read(&out.join("report.md")).contains('\u{FFFD}'));
}
