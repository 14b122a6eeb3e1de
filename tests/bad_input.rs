//! Messy folders and hostile input: every case runs the real binary and checks
//! the exit code, that the message names the file and the problem, and that
//! no panic or backtrace is printed. Cases `tests/cli.rs` already covers
//! (a missing path, `--out` naming a file, an empty folder, a mix of
//! Windows-1252, binary and empty files, a CSV without its text column) are
//! not repeated here.

mod common;

use assert_cmd::Command;
use common::{csv_records as csv_rows, folder, read, Run};
use std::fs;
use std::path::Path;
use std::time::Duration;

const ARTICLE: &str = "Police said the knife attack left two people injured.\nResidents are afraid of rising crime in the town centre.\n";
const CALM: &str = "Officers said the streets are safe and there is no cause for alarm.\nThe council praised the calm response.\n";

fn frame() -> Command {
    let mut c = common::frame();
    // A FIFO or a loop must never make a run hang: fail the test instead.
    c.timeout(Duration::from_secs(120));
    c
}

/// [`common::run`], which fails on a panic, also failing on a backtrace or
/// frame's own "internal error": hostile input must meet a plain message.
fn run(cmd: &mut Command) -> Run {
    let r = common::run(cmd);
    for bad in ["stack backtrace", "internal error"] {
        assert!(!r.stderr.contains(bad), "{bad}: {}", r.stderr);
    }
    r
}

/// `frame analyze <inputs> --out <out>`.
fn analyze(inputs: &[&Path], out: &Path) -> Run {
    let mut c = frame();
    c.arg("analyze").args(inputs).arg("--out").arg(out);
    run(&mut c)
}

/// `frame analyze <table> --id-column id --out <out>`.
fn analyze_table(table: &Path, out: &Path) -> Run {
    run(frame()
        .arg("analyze")
        .arg(table)
        .args(["--id-column", "id", "--out"])
        .arg(out))
}

fn assert_has(r: &Run, parts: &[&str]) {
    for p in parts {
        assert!(r.stderr.contains(p), "expected {p:?} in:\n{}", r.stderr);
    }
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if big_endian {
            &[0xFE, 0xFF]
        } else {
            &[0xFF, 0xFE]
        });
    }
    for u in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[test]
fn missing_path_among_good_ones_and_a_dangling_link_are_named() {
    let tmp = tempfile::tempdir().unwrap();
    let good = folder(tmp.path(), "good", &[("a.txt", ARTICLE.as_bytes())]);
    let r = analyze(&[&good, &tmp.path().join("typo")], &tmp.path().join("o"));
    assert_eq!(r.code, 1);
    assert_has(&r, &["typo", "no such file or folder"]);
    // Nothing was analysed, so nothing was written.
    assert!(!tmp.path().join("o/articles.csv").exists());

    let link = tmp.path().join("link.txt");
    std::os::unix::fs::symlink(tmp.path().join("gone.txt"), &link).unwrap();
    let r = analyze(&[&link], &tmp.path().join("o"));
    assert_eq!(r.code, 1);
    assert_has(&r, &["link.txt", "broken symbolic link"]);
}

#[test]
fn out_under_a_file_and_stopwords_naming_a_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let good = folder(tmp.path(), "good", &[("a.txt", ARTICLE.as_bytes())]);
    // As root, permissions do not stop writes; a path below a file cannot be
    // created by anyone, so it stands in for an unwritable output folder.
    let notes = tmp.path().join("notes.txt");
    fs::write(&notes, "my notes").unwrap();
    let r = analyze(&[&good], &notes.join("sub"));
    assert_eq!(r.code, 1);
    assert_has(&r, &["notes.txt is a file, not a folder", "output folder"]);
    assert_eq!(read(&notes), "my notes");

    let r = run(frame()
        .arg("analyze")
        .arg(&good)
        .arg("--stopwords")
        .arg(&good)
        .arg("--out")
        .arg(tmp.path().join("o")));
    assert_eq!(r.code, 1);
    assert_has(&r, &["good", "--stopwords needs a file", "not a folder"]);

    let missing = tmp.path().join("my-stopwords.txt");
    let r = run(frame()
        .arg("analyze")
        .arg(&good)
        .arg("--stopwords")
        .arg(&missing)
        .arg("--out")
        .arg(tmp.path().join("o")));
    assert_eq!(r.code, 1);
    assert_has(&r, &["my-stopwords.txt", "cannot read stop-word file"]);
}

#[test]
fn folders_of_only_empty_only_binary_or_only_other_files() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = folder(
        tmp.path(),
        "empty",
        &[
            ("a.txt", b""),
            ("b.md", b"  \n\r\n\t"),
            ("c.html", b""),
            ("d.docx", b""),
            ("e.pdf", b""),
        ],
    );
    let r = analyze(&[&empty], &tmp.path().join("o1"));
    assert_eq!(r.code, 1);
    // A 0-byte Word file or PDF is empty, not damaged.
    assert_has(
        &r,
        &[
            "no usable article",
            "a.txt: empty file",
            "b.md: empty file",
            "d.docx: empty file (0 bytes): download or save it again",
            "e.pdf: empty file (0 bytes)",
        ],
    );

    let binary = folder(
        tmp.path(),
        "binary",
        &[
            ("scan.txt", b"%PDF-1.4\n\x00\x01\x02\x03binary"),
            ("photo.txt", b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00"),
        ],
    );
    let r = analyze(&[&binary], &tmp.path().join("o2"));
    assert_eq!(r.code, 1);
    // Read by content: a .txt that is a PDF or a photo is named as one.
    assert_has(
        &r,
        &[
            "scan.txt: corrupt or unreadable PDF",
            "photo.txt: an image (JPEG)",
        ],
    );

    let other = folder(
        tmp.path(),
        "other",
        &[
            ("essay.docx", b"PK\x03\x04"),
            ("paper.pdf", b"%PDF"),
            ("notes.xyz", b"x"),
            ("codes.xlsx", b"PK\x03\x04"),
        ],
    );
    let r = analyze(&[&other], &tmp.path().join("o3"));
    assert_eq!(r.code, 1);
    // Every file is named with what it is and what to do.
    assert_has(
        &r,
        &[
            "essay.docx: corrupt or truncated document",
            "paper.pdf: not a valid .pdf file",
            "notes.xyz: not a format frame reads (.xyz)",
            "codes.xlsx: a spreadsheet (.xlsx): export the sheet as CSV",
        ],
    );

    // Markup with no visible text is skipped, not analysed as an empty article.
    let markup = folder(
        tmp.path(),
        "markup",
        &[("a.html", b"<html><script>var x = 1;</script></html>")],
    );
    let r = analyze(&[&markup], &tmp.path().join("o4"));
    assert_eq!(r.code, 1);
    assert_has(&r, &["a.html"]);
}

#[test]
fn utf16_with_and_without_bom_and_mixed_line_endings() {
    let tmp = tempfile::tempdir().unwrap();
    let le = utf16(ARTICLE, false, true);
    let be = utf16(CALM, true, true);
    let nobom = utf16(
        "Armed gangs threatened shopkeepers on the high street.\n",
        false,
        false,
    );
    let dir = folder(
        tmp.path(),
        "in",
        &[
            ("le.txt", &le),
            ("be.txt", &be),
            ("nobom.txt", &nobom),
            (
                "mixed.txt",
                b"Riot in the town centre last night\r\nPolice made ten arrests.\rShops were damaged.\nResidents are calm today.\r\n",
            ),
        ],
    );
    let out = tmp.path().join("out");
    let r = analyze(&[&dir], &out);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("binary"), "{}", r.stderr);
    let articles = read(&out.join("articles.csv"));
    assert!(
        articles.contains("Police said the knife attack"),
        "{articles}"
    );
    assert!(
        articles.contains("Officers said the streets are safe"),
        "{articles}"
    );
    assert!(articles.contains("Armed gangs threatened"), "{articles}");
    // A lone CR ends a line like LF and CRLF do: four lines, four sentences.
    let sentences: Vec<Vec<String>> = csv_rows(&out.join("sentences.csv"))
        .into_iter()
        .filter(|r| r[0] == "mixed")
        .collect();
    assert_eq!(sentences.len(), 4, "{sentences:?}");
    for f in ["articles.csv", "sentences.csv", "analysis.json"] {
        assert!(!read(&out.join(f)).contains('\r'), "CR leaked into {f}");
    }
}

#[test]
fn a_100000_character_word_and_articles_without_words() {
    let tmp = tempfile::tempdir().unwrap();
    let long = format!("{}\n{ARTICLE}", "a".repeat(100_000));
    let dir = folder(
        tmp.path(),
        "in",
        &[
            ("long.txt", long.as_bytes()),
            (
                "stop.txt",
                b"The and of a to is it, but then we were there.\n",
            ),
            ("numbers.txt", b"1 2 3\n45 6,000 7.5 -- 2024\n"),
            ("calm.txt", CALM.as_bytes()),
        ],
    );
    let out = tmp.path().join("out");
    let r = analyze(&[&dir], &out);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_has(
        &r,
        &[
            "numbers.txt: no words",
            "stop.txt: only stop words",
            "analysed 4 articles",
        ],
    );
    // Over-long tokens are dropped from the vocabulary; the title is capped.
    assert!(!read(&out.join("terms.csv")).contains("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    let rows = csv_rows(&out.join("articles.csv"));
    let long_row = rows.iter().find(|r| r[0] == "long").unwrap();
    assert!(long_row[2].chars().count() <= 300, "title not capped");
    let numbers = rows.iter().find(|r| r[0] == "numbers").unwrap();
    assert_eq!(numbers[5], "0", "numbers are not words: {numbers:?}");
    // serde_json writes NaN and infinity as null: no score may be null.
    let json: serde_json::Value = serde_json::from_str(&read(&out.join("analysis.json"))).unwrap();
    assert_no_null_numbers(&json["articles"], ".articles");
}

/// Nulls are allowed only where a value is optional (a date, a group ...).
fn assert_no_null_numbers(v: &serde_json::Value, path: &str) {
    // The ci fields: no bootstrap interval for an article with fewer than two sentences.
    const OPTIONAL: &[&str] = &[
        "date",
        "group",
        "most_reassuring",
        "most_threatening",
        "ci_low",
        "ci_high",
        "sentiment_ci_low",
        "sentiment_ci_high",
        "threat_minus_reassurance_ci_low",
        "threat_minus_reassurance_ci_high",
        // No balance for an article with neither threat nor reassurance words.
        "threat_balance",
    ];
    match v {
        serde_json::Value::Null => {
            let key = path.rsplit('.').next().unwrap_or("");
            let key = key.split('[').next().unwrap_or(key);
            // A part or voice of 0 words has no rate and no sentiment; a
            // sentence of 0 words no sentiment.
            let unscored = ((path.contains(".positions[") || path.contains(".voices["))
                && ["per_1k", "sentiment"].contains(&key))
                || (path.contains(".sentences[") && key == "sentiment");
            assert!(OPTIONAL.contains(&key) || unscored, "null (NaN?) at {path}");
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                assert_no_null_numbers(x, &format!("{path}[{i}]"));
            }
        }
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                assert_no_null_numbers(x, &format!("{path}.{k}"));
            }
        }
        _ => {}
    }
}

#[test]
fn duplicates_single_article_and_same_names_in_two_folders() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = folder(
        tmp.path(),
        "in",
        &[
            ("bbc/story.txt", ARTICLE.as_bytes()),
            ("itv/story.txt", ARTICLE.as_bytes()),
            ("itv/story.html", format!("<p>{CALM}</p>").as_bytes()),
        ],
    );
    let out = tmp.path().join("out");
    let r = analyze(&[&dir], &out);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_has(
        &r,
        &["itv/story.txt: same text as", "bbc/story.txt", "duplicate"],
    );
    let ids: Vec<String> = csv_rows(&out.join("articles.csv"))
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    // Same stem twice in one folder keeps the extension; no "input1/" prefix.
    assert_eq!(ids, vec!["bbc/story", "itv/story.html", "itv/story.txt"]);

    let single = folder(tmp.path(), "one", &[("only.txt", ARTICLE.as_bytes())]);
    let out = tmp.path().join("out1");
    let r = analyze(&[&single], &out);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_has(&r, &["analysed 1 article;"]);
    assert!(!out.join("clusters.csv").exists());
    assert!(read(&out.join("report.md")).contains("at least 3"));
    let json: serde_json::Value = serde_json::from_str(&read(&out.join("analysis.json"))).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 1);
}

#[test]
fn symlink_loops_end_with_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = folder(
        tmp.path(),
        "in",
        &[
            ("a.txt", ARTICLE.as_bytes()),
            ("sub/b.txt", CALM.as_bytes()),
        ],
    );
    std::os::unix::fs::symlink(&dir, dir.join("sub/back-to-top")).unwrap();
    std::os::unix::fs::symlink("self", dir.join("self")).unwrap();
    let out = tmp.path().join("out");
    let r = analyze(&[&dir], &out);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_has(
        &r,
        &["back-to-top", "symbolic link loop", "analysed 2 articles"],
    );
    // A self-referencing link is no article: named as the loop it is
    // (a tester found it called a broken link), also when named directly.
    assert_eq!(csv_rows(&out.join("articles.csv")).len(), 2);
    assert_has(&r, &["self: symbolic link loop"]);
    assert!(!r.stderr.contains("broken symbolic link"), "{}", r.stderr);
    let r = analyze(&[&dir.join("self")], &tmp.path().join("o2"));
    assert_eq!(r.code, 1);
    assert_has(&r, &["self: symbolic link loop"]);
}

#[test]
fn unreadable_files_are_warnings_and_a_fifo_never_hangs() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = folder(tmp.path(), "in", &[("good.txt", ARTICLE.as_bytes())]);
    // Tests run as root, where permissions do not stop reads: a dangling link
    // and a FIFO are the files that cannot be read.
    std::os::unix::fs::symlink(dir.join("deleted.txt"), dir.join("y.txt")).unwrap();
    let fifo = dir.join("x.txt");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(ok.success());
    let out = tmp.path().join("out");
    let r = analyze(&[&dir], &out);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_has(
        &r,
        &[
            "x.txt: not a regular file",
            "y.txt: broken symbolic link",
            "analysed 1 article, skipped 2",
        ],
    );
    // Named directly, the FIFO is refused too (no read, so no hang).
    let r = analyze(&[&fifo], &tmp.path().join("o2"));
    assert_eq!(r.code, 1);
    assert_has(&r, &["x.txt: not a regular file"]);
}

/// A FIFO given where frame reads a whole file (a table, --metadata,
/// --stopwords, --lexicon, a coding sheet for `frame agree`) is refused
/// with a message naming it, never read (a read would wait forever).
#[test]
fn a_fifo_as_table_metadata_stopwords_lexicon_or_sheet_never_hangs() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = folder(tmp.path(), "in", &[("good.txt", ARTICLE.as_bytes())]);
    let mk = |name: &str| {
        let p = tmp.path().join(name);
        assert!(std::process::Command::new("mkfifo")
            .arg(&p)
            .status()
            .unwrap()
            .success());
        p
    };
    let (table, meta, stop, lex, sheet) = (
        mk("t.csv"),
        mk("meta.csv"),
        mk("stop.txt"),
        mk("lex.txt"),
        mk("sheet.csv"),
    );
    let out = tmp.path().join("out");
    let r = analyze(&[&table, &dir], &out);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_has(&r, &["t.csv", "not a regular file"]);
    for (flag, path) in [
        ("--metadata", &meta),
        ("--stopwords", &stop),
        ("--lexicon", &lex),
    ] {
        let r = run(frame()
            .arg("analyze")
            .arg(&dir)
            .arg(flag)
            .arg(path)
            .arg("--out")
            .arg(&out)
            .arg("-q"));
        assert_eq!(r.code, 1, "{flag}: {}", r.stderr);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert_has(&r, &[name.as_str(), "not a regular file"]);
    }
    let r = run(frame().arg("agree").arg(&sheet));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_has(&r, &["sheet.csv", "not a regular file"]);
}

#[test]
fn oversized_article_file_is_skipped_unread() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = folder(tmp.path(), "in", &[("good.txt", ARTICLE.as_bytes())]);
    // A sparse file: its size is above the limit, its blocks are never written.
    let f = fs::File::create(dir.join("huge.txt")).unwrap();
    f.set_len(frame::input::MAX_FILE_BYTES + 1).unwrap();
    let r = analyze(&[&dir], &tmp.path().join("out"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    // One byte over: the sizes are told apart, not both "256 MB".
    assert_has(
        &r,
        &[
            "huge.txt: file is 268,435,457 bytes, above frame's limit of 256 MB (268,435,456 bytes) per article file",
        ],
    );
    // A table obeys the same limit.
    let f = fs::File::create(tmp.path().join("huge.csv")).unwrap();
    f.set_len(frame::input::MAX_FILE_BYTES + 1).unwrap();
    let r = analyze(
        &[&dir, &tmp.path().join("huge.csv")],
        &tmp.path().join("out"),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_has(
        &r,
        &["huge.csv: file is 268,435,457 bytes, above frame's limit of 256 MB (268,435,456 bytes) per file"],
    );
}

/// An unclosed quotation mark would fold every later row of a table into
/// one article's text; the row is named with the quote's line and skipped,
/// in `analyze` and in `score` alike, and the rows before it are kept.
#[test]
fn an_unclosed_quote_in_a_csv_is_named_not_swallowed() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("quoted.csv");
    fs::write(
        &csv,
        "id,text\na1,Police said the knife attack left two injured\na2,\"The 5 inch blade\na3,Residents feel safe\na4,Another row\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let r = analyze_table(&csv, &out);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_has(
        &r,
        &[
            "quoted.csv:line 3 (row 2)",
            "quotation mark opened on line 3 is never closed",
        ],
    );
    let ids: Vec<String> = csv_rows(&out.join("articles.csv"))
        .iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(ids, ["a1"]);
    let r = run(frame().arg("score").arg(&csv).args(["--id-column", "id"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_has(
        &r,
        &["line 3", "quotation mark opened on line 3 is never closed"],
    );
    assert_eq!(r.stdout.lines().count(), 2, "{}", r.stdout);

    // A coding sheet and a metadata file with one are refused, naming the line.
    let sheet = tmp.path().join("sheet.csv");
    fs::write(
        &sheet,
        "unit_id,text,threat\nu1,A bomb,1\nu2,\"Calm streets,0\nu3,More,1\n",
    )
    .unwrap();
    let r = run(frame().arg("agree").arg(&sheet));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_has(&r, &["sheet.csv", "opened on line 3 is never closed"]);
    let meta = tmp.path().join("meta.csv");
    fs::write(&meta, "id,outlet\na1,\"Daily\na3,Other\n").unwrap();
    let r = run(frame()
        .arg("analyze")
        .arg(&csv)
        .args(["--id-column", "id", "--metadata"])
        .arg(&meta)
        .arg("--out")
        .arg(tmp.path().join("o2")));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_has(&r, &["meta.csv", "opened on line 2 is never closed"]);
}

#[test]
fn csv_with_ragged_rows_bad_utf8_and_missing_columns() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("ragged.csv");
    fs::write(
        &csv,
        b"id,text\n1,Police said the knife attack left two injured\n2,too,many,fields\n3\n4,Residents feel safe caf\xe9 owner said\n5,\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let r = analyze_table(&csv, &out);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_has(
        &r,
        &[
            "ragged.csv:line 3 (row 2): has 4 fields, the header has 2",
            "ragged.csv:line 4 (row 3): has 1 field, the header has 2",
            "ragged.csv: not valid UTF-8 (first at line 5); read as Windows-1252",
            "ragged.csv:line 6 (row 5): empty 'text' field",
        ],
    );
    let a = read(&out.join("articles.csv"));
    assert!(a.contains("café owner"), "{a}");

    // A column named by a flag that the table does not have.
    let r = run(frame()
        .arg("analyze")
        .arg(&csv)
        .args(["--date-column", "published", "--out"])
        .arg(tmp.path().join("o2")));
    assert_eq!(r.code, 1);
    assert_has(
        &r,
        &["ragged.csv", "no column 'published'", "--date-column"],
    );

    // Only a header, and a JSON Lines file of broken lines.
    let header = tmp.path().join("header.csv");
    fs::write(&header, "id,text\n").unwrap();
    let jsonl = tmp.path().join("broken.jsonl");
    fs::write(&jsonl, "{\"text\": \"unterminated\n[1, 2]\n").unwrap();
    let r = analyze(&[&header, &jsonl], &tmp.path().join("o3"));
    assert_eq!(r.code, 1);
    assert_has(
        &r,
        &[
            "no usable article",
            "broken.jsonl:line 1: not valid JSON",
            "broken.jsonl:line 2: not a JSON object",
        ],
    );
}

#[test]
fn malformed_lexicon_errors_are_file_and_line() {
    // The `--lexicon` flag is not in this branch; the parser is what it calls.
    let text = "# name: threat\n# description: danger words\n# colour: red\nattack\nattack\nab*\n*\nstab 9\n2.5\nterror word*\n# source: late\n";
    let errors = frame::lexicon::parse(text, "my/threat.txt", "threat").unwrap_err();
    let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    let expect = [
        ("my/threat.txt:3:", "unknown header key `colour`"),
        (
            "my/threat.txt:5:",
            "duplicate entry `attack` (first on line 4)",
        ),
        ("my/threat.txt:6:", "too short"),
        ("my/threat.txt:7:", "empty wildcard"),
        ("my/threat.txt:8:", "weight 9 is out of range"),
        ("my/threat.txt:9:", "only a number"),
        ("my/threat.txt:10:", "multi-word phrase"),
        ("my/threat.txt:11:", "after the header has ended"),
    ];
    assert_eq!(shown.len(), expect.len(), "{shown:#?}");
    for ((loc, msg), got) in expect.iter().zip(&shown) {
        assert!(got.starts_with(loc) && got.contains(msg), "{got}");
    }
    // A file-level problem names the file without a line; a missing
    // description is reported where the header ended.
    let errors = frame::lexicon::parse("\u{feff}# comment only\n", "x.txt", "x").unwrap_err();
    let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert!(
        shown
            .iter()
            .any(|s| s.starts_with("x.txt: ") && s.contains("no entries")),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|s| s.starts_with("x.txt:1: missing `# description:`")),
        "{shown:?}"
    );
    // Bytes that are not UTF-8, a folder, a missing file: named, with the line where known.
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad.txt");
    fs::write(&bad, b"# description: d\nok\nbad \xff byte\n").unwrap();
    let e = frame::lexicon::load_file(&bad).unwrap_err();
    assert!(
        e[0].to_string()
            .contains("bad.txt:3: the file is not valid UTF-8"),
        "{e:?}"
    );
    let e = frame::lexicon::load_file(tmp.path()).unwrap_err();
    assert!(e[0].to_string().contains("cannot read file"), "{e:?}");
    let e = frame::lexicon::load_file(&tmp.path().join("none.txt")).unwrap_err();
    assert!(
        e[0].to_string().contains("none.txt: cannot read file"),
        "{e:?}"
    );
}

/// Every file under `dir` (relative path -> bytes), symlinks as their target.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            let meta = fs::symlink_metadata(&p).unwrap();
            if meta.file_type().is_symlink() {
                out.insert(
                    rel,
                    fs::read_link(&p)
                        .unwrap()
                        .into_os_string()
                        .into_encoded_bytes(),
                );
            } else if meta.is_dir() {
                out.insert(rel + "/", Vec::new());
                stack.push(p);
            } else {
                out.insert(rel, fs::read(&p).unwrap());
            }
        }
    }
    out
}

#[test]
fn users_files_in_the_output_folder_survive_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let input = folder(
        tmp.path(),
        "in",
        &[
            ("a.txt", ARTICLE.as_bytes()),
            ("b.txt", CALM.as_bytes()),
            (
                "c.txt",
                b"Armed gangs attacked shopkeepers. Police said the threat was growing.\n",
            ),
        ],
    );
    let elsewhere = tmp.path().join("elsewhere.md");
    fs::write(&elsewhere, "my draft").unwrap();
    let out = folder(
        tmp.path(),
        "out",
        &[
            ("analysis.json", b"{\"mine\": true}"),
            ("frames.png", b"\x89PNG my own chart"),
            ("thesis.docx", b"PK\x03\x04\x00\x00binary"),
            ("notes/articles.csv", b"my,own\n1,2\n"),
            (".frame-tmp-mine", b"unlucky name"),
        ],
    );
    fs::create_dir(out.join("report.html")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, out.join("report.md")).unwrap();
    // A hidden file named like frame's temporary files is the user's too:
    // frame removes only the names it gives (`.frame-tmp-PID-NAME`) in a
    // folder with its manifest (docs/output-folder.md).
    let before = snapshot(&out);

    for _ in 0..2 {
        let r = analyze(&[&input], &out);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_has(
            &r,
            &["analysis.json already exists and was not written by frame"],
        );
        let after = snapshot(&out);
        for (name, bytes) in &before {
            assert_eq!(after.get(name), Some(bytes), "{name} changed");
        }
        assert_eq!(read(&elsewhere), "my draft");
        assert!(out.join("articles.csv").is_file());
    }
}

/// 200 MB of text in one file: run with `cargo test --release --test bad_input
/// -- --ignored`. Not in CI (minutes, and about 6 GB of memory).
#[test]
#[ignore]
fn a_200_mb_single_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    fs::create_dir(&dir).unwrap();
    let line = "Police said the knife attack left two people injured and residents are afraid. ";
    let mut text = String::with_capacity(200 << 20);
    let mut i = 0usize;
    while text.len() < 200 << 20 {
        text.push_str(line);
        i += 1;
        if i.is_multiple_of(10) {
            text.push('\n');
        }
    }
    fs::write(dir.join("big.txt"), &text).unwrap();
    let out = tmp.path().join("out");
    let r = analyze(&[&dir], &out);
    assert!(r.code == 0 || r.stderr.contains("free"), "{}", r.stderr);
    if r.code == 0 {
        assert_eq!(csv_rows(&out.join("articles.csv")).len(), 1);
    }
}

#[test]
fn articles_without_any_term_are_analysed_without_clustering() {
    let tmp = tempfile::tempdir().unwrap();
    let stop = folder(
        tmp.path(),
        "stop",
        &[
            ("a.txt", b"the and of to a in is it"),
            ("b.txt", b"it is the one that was"),
            ("c.txt", b"of the and a an"),
        ],
    );
    let nums = folder(
        tmp.path(),
        "nums",
        &[("a.txt", b"12 345"), ("b.txt", b"2020 7"), ("c.txt", b"99")],
    );
    for input in [&stop, &nums] {
        let out = tmp
            .path()
            .join(format!("o-{}", input.display().to_string().len()));
        let r = analyze(&[input], &out);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let a: serde_json::Value = serde_json::from_str(&read(&out.join("analysis.json"))).unwrap();
        assert!(a["clustering"].is_null());
        assert!(
            a["notes"].to_string().contains("no clustering"),
            "{}",
            a["notes"]
        );
        assert!(read(&out.join("report.md")).contains("not clustered"));
    }
    // A --min-df above every term's document frequency: the same.
    let good = folder(
        tmp.path(),
        "good",
        &[
            ("a.txt", ARTICLE.as_bytes()),
            ("b.txt", CALM.as_bytes()),
            (
                "c.txt",
                b"Budget talks at the council went on late into the night.\n",
            ),
        ],
    );
    let out = tmp.path().join("o-min-df");
    let r = run(frame()
        .arg("analyze")
        .arg(&good)
        .args(["--min-df", "6", "--out"])
        .arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(out.join("frames.csv").exists());
}

#[test]
fn a_failed_run_names_skipped_files_and_creates_no_output_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = folder(
        tmp.path(),
        "in",
        &[
            ("a.txt", ARTICLE.as_bytes()),
            ("b.txt", CALM.as_bytes()),
            ("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0IHDR"),
        ],
    );
    let lex = tmp.path().join("bad-lexicon.txt");
    fs::write(&lex, "# description: d\n*\n").unwrap();
    let out = tmp.path().join("o1");
    let r = run(frame()
        .arg("analyze")
        .arg(&dir)
        .arg("--lexicon")
        .arg(&lex)
        .arg("--out")
        .arg(&out));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_has(
        &r,
        &["bad-lexicon.txt", "skipped", "image.txt", "an image (PNG)"],
    );
    assert!(!out.exists(), "a failed run created {}", out.display());

    let r = analyze(&[&tmp.path().join("nonexistent")], &out);
    assert_eq!(r.code, 1);
    assert!(!out.exists(), "a failed run created {}", out.display());
}

#[test]
fn tables_wide_empty_header_only_binary_or_utf16() {
    let tmp = tempfile::tempdir().unwrap();
    // A 20,000-column header: the message lists a few columns, not all.
    let wide = tmp.path().join("wide.csv");
    let header: Vec<String> = (0..20_000).map(|i| format!("column{i}")).collect();
    fs::write(
        &wide,
        format!("{}\n{}\n", header.join(","), vec!["x"; 20_000].join(",")),
    )
    .unwrap();
    let r = analyze(&[&wide], &tmp.path().join("o1"));
    assert_eq!(r.code, 1);
    assert_has(
        &r,
        &[
            "wide.csv",
            "no column 'text'",
            "column19,",
            "... and 19980 more",
        ],
    );
    assert!(
        r.stderr.len() < 4000,
        "{} bytes of messages",
        r.stderr.len()
    );
    // --group-by naming no column lists the available ones, capped the same way.
    let cols: Vec<String> = (0..100).map(|i| format!("meta{i}")).collect();
    let wide_text = tmp.path().join("wide-text.csv");
    let rows: Vec<String> = (0..3)
        .map(|r| {
            format!(
                "Police said the attack was awful {r},{}",
                vec!["v"; 100].join(",")
            )
        })
        .collect();
    fs::write(
        &wide_text,
        format!("text,{}\n{}\n", cols.join(","), rows.join("\n")),
    )
    .unwrap();
    let mut c = frame();
    c.arg("analyze")
        .arg(&wide_text)
        .args(["--group-by", "outlet", "--out"]);
    let r = run(c.arg(tmp.path().join("o-group")));
    assert_eq!(r.code, 1);
    // (no article has a group or a date, so only the 100 columns are listed)
    assert_has(&r, &["--group-by 'outlet'", "... and 80 more"]);

    let empty = tmp.path().join("empty.csv");
    fs::write(&empty, "").unwrap();
    let header_only = tmp.path().join("header-only.csv");
    fs::write(&header_only, "id,text\n").unwrap();
    let binary = tmp.path().join("binary.csv");
    fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    let utf16_csv = tmp.path().join("utf16.csv");
    fs::write(
        &utf16_csv,
        utf16(
            "id,text\r\nu1,\"Police said the caf\u{e9} was safe.\"\r\n",
            false,
            true,
        ),
    )
    .unwrap();
    let out = tmp.path().join("o2");
    let r = analyze(&[&empty, &header_only, &binary, &utf16_csv], &out);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_has(
        &r,
        &[
            "skipped ",
            "empty.csv: empty file",
            "header-only.csv: no rows",
            "binary.csv: binary file",
        ],
    );
    let rows = csv_rows(&out.join("articles.csv"));
    assert_eq!(rows.len(), 1);
    assert!(rows[0].iter().any(|c| c.contains("café")), "{rows:?}");
}

#[test]
fn every_duplicate_id_is_named_and_an_empty_id_is_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("ids.csv");
    fs::write(
        &csv,
        "id,text\na,one text\nb,two text\na,three text\nc,four\nb,five\na,six\n",
    )
    .unwrap();
    let mut c = frame();
    c.arg("analyze")
        .arg(&csv)
        .args(["--id-column", "id", "--out"])
        .arg(tmp.path().join("o"));
    let r = run(&mut c);
    assert_eq!(r.code, 1);
    assert_has(
        &r,
        &[
            "ids.csv",
            "'a' on lines 2, 4 and 7 (rows 1, 3 and 6)",
            "'b' on lines 3 and 6 (rows 2 and 5)",
        ],
    );

    // An empty id would have become the row number "3" and clashed with row 1.
    let csv = tmp.path().join("blank.csv");
    fs::write(&csv, "id,text\n3,one text\nb,two text\n,three text\n").unwrap();
    let out = tmp.path().join("o2");
    let mut c = frame();
    c.arg("analyze")
        .arg(&csv)
        .args(["--id-column", "id", "--out"])
        .arg(&out);
    let r = run(&mut c);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_has(&r, &["blank.csv:line 4 (row 3): empty 'id' field"]);
    assert_eq!(csv_rows(&out.join("articles.csv")).len(), 2);
}

#[test]
fn an_empty_folder_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = folder(tmp.path(), "nothing-here", &[]);
    let r = analyze(&[&dir], &tmp.path().join("o"));
    assert_eq!(r.code, 1);
    assert_has(&r, &["nothing-here is empty"]);
}

#[test]
fn html_page_furniture_is_not_article_text() {
    let tmp = tempfile::tempdir().unwrap();
    let page = "<html><head><title>Knife attack in the town centre</title></head><body>\
        <header>Breaking news terror alert</header><nav>Crime Violence Murder</nav>\
        <article><p>Police said two people were hurt.</p></article>\
        <aside>Most read: riot chaos</aside><form>Sign up</form>\
        <footer>Copyright</footer></body></html>";
    let dir = folder(tmp.path(), "in", &[("page.html", page.as_bytes())]);
    let out = tmp.path().join("o");
    let r = analyze(&[&dir], &out);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let a: serde_json::Value = serde_json::from_str(&read(&out.join("analysis.json"))).unwrap();
    let art = &a["articles"][0];
    assert_eq!(art["title"], "Knife attack in the town centre");
    // Only the headline (first, as in every other format) and "Police said
    // two people were hurt." are article text.
    assert_eq!(art["words"], 12, "{}", art["sentences"]);
    let text: Vec<&str> = art["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        text,
        [
            "Knife attack in the town centre",
            "Police said two people were hurt."
        ]
    );
}

/// Repeated warnings stop after a cap on the terminal, with a count of the
/// rest (analysis.json keeps them all); control characters in a file name
/// are escaped, never sent to the terminal raw.
#[test]
fn warnings_are_capped_and_file_names_escaped() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    fs::create_dir(&dir).unwrap();
    for i in 0..80 {
        fs::write(
            dir.join(format!("a{i:02}.txt")),
            "The same text about police.",
        )
        .unwrap();
    }
    fs::write(dir.join("\u{1b}[2Jevil\nname.txt"), "").unwrap();
    let out = tmp.path().join("out");
    let r = analyze(&[&dir], &out);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let shown = r
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning:"))
        .count();
    assert!(shown <= 52, "{shown} warning lines");
    assert_has(&r, &["more warnings not shown", "analysis.json"]);
    assert!(
        !r.stderr.contains('\u{1b}'),
        "raw escape code on the terminal"
    );
    let json: serde_json::Value = serde_json::from_str(&read(&out.join("analysis.json"))).unwrap();
    let all =
        json["warnings"].as_array().unwrap().len() + json["skipped"].as_array().unwrap().len();
    assert!(all >= 80, "{all}");
}

/// Flags that size work stop at their documented limits when the arguments
/// are read, naming the flag and the range (2^64-1 resamples used to print
/// "capacity overflow" 67 times).
#[test]
fn flags_that_size_work_have_upper_limits() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = folder(tmp.path(), "in", &[("good.txt", ARTICLE.as_bytes())]);
    for (flag, value, range) in [
        ("--bootstrap", "18446744073709551615", "0..=100000"),
        ("--bootstrap", "100001", "0..=100000"),
        ("--k", "1", "2..=1000"),
        ("--top-terms", "0", "1..=1000"),
        ("--max-features", "0", "1..=10000000"),
    ] {
        let out = tmp.path().join("out");
        let r = run(frame()
            .arg("analyze")
            .arg(&dir)
            .arg(flag)
            .arg(value)
            .arg("--out")
            .arg(&out));
        assert_eq!(r.code, 1, "{flag} {value}: {}", r.stderr);
        assert_has(&r, &[flag, range]);
        assert!(!out.exists(), "{flag}: nothing written");
    }
}

/// Messages about files other than the output folder name the path and
/// say what to do: a missing --metadata, --stopwords, --lexicon or coding
/// sheet, and a table with a bad row or an unclosed quote for `frame score`.
#[test]
fn messages_name_the_path_and_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    let arts = folder(
        tmp.path(),
        "arts",
        &[("a.txt", &b"Police said the attack was violent.\n"[..])],
    );
    let missing = |name: &str| tmp.path().join(name);
    let out = tmp.path().join("out");
    let cases: [(Vec<&std::ffi::OsStr>, Vec<&str>); 4] = [
        (
            vec!["analyze".as_ref(), arts.as_os_str(), "--metadata".as_ref()],
            vec!["meta.csv", "no such file; check the path", "--metadata"],
        ),
        (
            vec!["analyze".as_ref(), arts.as_os_str(), "--stopwords".as_ref()],
            vec!["stop.txt", "no such file; check the path", "--stopwords"],
        ),
        (
            vec!["analyze".as_ref(), arts.as_os_str(), "--lexicon".as_ref()],
            vec!["lex.txt", "no such file or folder; check the path"],
        ),
        (
            vec!["agree".as_ref()],
            vec![
                "sheet.csv",
                "no such file; check the path",
                "frame sample wrote",
            ],
        ),
    ];
    for ((args, expect), file) in cases
        .iter()
        .zip(["meta.csv", "stop.txt", "lex.txt", "sheet.csv"])
    {
        let mut c = frame();
        c.args(args).arg(missing(file));
        if args[0] == "analyze" {
            c.arg("--out").arg(&out);
        }
        let r = run(&mut c);
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert_has(&r, expect);
    }

    // frame score on a table: a bad row is named by file and line, the run
    // goes on; an unclosed quote stops at the row cap naming its line.
    let csv = tmp.path().join("t.csv");
    fs::write(&csv, "id,text\n1,Police said.\n2\n3,Calm returns.\n").unwrap();
    let r = run(frame().arg("score").arg(&csv));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_has(
        &r,
        &["t.csv:line 3 (row 2): has 1 field, the header has 2; row skipped"],
    );
    let mut bytes = b"id,text\n1,Police said.\n2,\"never closed ".to_vec();
    bytes.extend(b"word ".repeat(4 << 20));
    fs::write(&csv, bytes).unwrap();
    let r = run(frame().arg("score").arg(&csv));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_has(
        &r,
        &[
            "t.csv",
            "line 3",
            "longer than 16 MB",
            "unclosed quotation mark",
        ],
    );

    // frame sample says a taken sheet name before reading the corpus: no
    // sampling warnings come first.
    let r = run(frame()
        .args(["sample", "--n", "5", "--out"])
        .arg(&csv)
        .arg(&arts));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.starts_with("frame: error:"), "{}", r.stderr);
    assert_has(&r, &["t.csv", "already exists", "choose another name"]);
}

/// `frame score` streams a UTF-16 table (either byte order, with or without
/// a BOM) through several read buffers and writes what it writes for the same
/// table in UTF-8: the same rows, scores and warnings, lines numbered alike.
/// Its "\r\n" are read as "\n", as when a UTF-16 table was decoded whole.
#[test]
fn score_reads_a_utf16_table_as_its_utf8_twin() {
    let tmp = tempfile::tempdir().unwrap();
    let mut table = String::from("id,text\n");
    for i in 0..4_000 {
        table.push_str(&match i % 4 {
            0 => format!("{i},\"Police said\nthe attack left people afraid.\"\n"),
            1 => format!("{i},Officers said the café is safe \u{1F6A8}; no cause for alarm.\n"),
            2 => format!("{i},Residents fear crime,an extra field\n"),
            _ => format!("{i},The council praised the calm response.\n"),
        });
    }
    let utf8 = tmp.path().join("utf8.csv");
    fs::write(&utf8, &table).unwrap();
    let want = run(frame().arg("score").arg(&utf8).args(["--id-column", "id"]));
    assert_eq!(want.code, 0, "{}", want.stderr);
    assert_eq!(want.stdout.lines().count(), 1 + 3_000);
    assert_has(
        &want,
        &["utf8.csv:line 5 (row 3): has 3 fields, the header has 2; row skipped"],
    );
    let crlf = table.replace('\n', "\r\n");
    for (text, big_endian, bom) in [
        (&table, false, true),
        (&table, true, true),
        (&table, false, false),
        (&table, true, false),
        (&crlf, false, true),
    ] {
        let bytes = utf16(text, big_endian, bom);
        assert!(bytes.len() > 4 * 64 * 1024);
        let path = tmp.path().join("utf16.csv");
        fs::write(&path, bytes).unwrap();
        let got = run(frame().arg("score").arg(&path).args(["--id-column", "id"]));
        assert_eq!(got.code, 0, "{}", got.stderr);
        let case = format!("big endian {big_endian}, BOM {bom}, CRLF {}", text == &crlf);
        assert!(got.stdout == want.stdout, "{case}");
        assert_eq!(
            got.stderr.replace("utf16.csv", "utf8.csv"),
            want.stderr,
            "{case}"
        );
    }
}
