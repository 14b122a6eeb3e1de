//! End-to-end tests of the `frame` binary on the sample corpus and on
//! fixtures written by the tests.

mod common;
use common::*;
use std::fs;
use std::path::Path;

const OUTPUTS: &[&str] = &[
    "articles.csv",
    "terms.csv",
    "frames.csv",
    "evidence.csv",
    "sentences.csv",
    "clusters.csv",
    "similarity.csv",
    "analysis.json",
    "report.html",
    "appendix.html",
    "reader.html",
    "findings.csv",
    "report.md",
    "frames.png",
    "threat_reassurance.png",
    "sentiment.png",
    "clusters.png",
    "similarity.png",
    "terms.png",
];

#[test]
fn analyze_seeds_writes_every_output_and_is_repeatable() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("nested/b"));
    let r = run(frame().arg("analyze").arg(seeds()).arg("--out").arg(&a));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("analysed 5 articles"), "{}", r.stderr);
    for f in OUTPUTS {
        assert!(a.join(f).is_file(), "missing {f}");
    }
    let articles = read(&a.join("articles.csv"));
    assert_eq!(articles.lines().count(), 6, "{articles}");
    assert!(articles
        .lines()
        .next()
        .unwrap()
        .starts_with("id,source,title,date,group,words,tokens,types,boilerplate_lines"));
    assert!(articles.contains("000_3bdc49879786d167"));
    let r2 = analyze_ok(&[&seeds()], &b);
    // --quiet leaves only warnings: seed 000 opens with its lead paragraph
    // and no headline line, which the one warning about titles names.
    assert!(
        r2.stderr.lines().all(|l| l.starts_with("warning: ")),
        "--quiet printed: {}",
        r2.stderr
    );
    assert_eq!(r2.stderr.lines().count(), 1, "{}", r2.stderr);
    assert!(
        r2.stderr.contains("000_3bdc49879786d167.txt"),
        "{}",
        r2.stderr
    );
    for f in OUTPUTS
        .iter()
        .filter(|f| f.ends_with(".csv") || f.ends_with(".json"))
    {
        assert_eq!(
            fs::read(a.join(f)).unwrap(),
            fs::read(b.join(f)).unwrap(),
            "{f} differs between runs"
        );
    }
    let json: serde_json::Value = serde_json::from_str(&read(&a.join("analysis.json"))).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 5);
    assert_eq!(json["inputs"].as_array().unwrap().len(), 5);
    assert_eq!(json["inputs"][0]["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(json["parameters"]["min_df"], 1);
    assert!(
        !read(&a.join("analysis.json")).contains(a.to_str().unwrap()),
        "output path leaked into analysis.json"
    );
}

/// `frame analyze seeds/ --out <out>`, with its messages (not `--quiet`).
fn analyze_seeds_into(out: &Path) -> Run {
    run(frame().arg("analyze").arg(seeds()).arg("--out").arg(out))
}

#[test]
fn user_files_in_the_output_folder_survive() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("my-notes.txt"), "my notes").unwrap();
    fs::write(tmp.path().join("terms.csv"), "my own terms").unwrap();
    let r = analyze_seeds_into(tmp.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(read(&tmp.path().join("my-notes.txt")), "my notes");
    assert_eq!(read(&tmp.path().join("terms.csv")), "my own terms");
    assert!(
        r.stderr.contains("terms.csv") && r.stderr.contains("not written by frame"),
        "{}",
        r.stderr
    );
    // A second run replaces frame's own files and still leaves the user's alone.
    let r = analyze_seeds_into(tmp.path());
    assert_eq!(r.code, 0);
    assert_eq!(read(&tmp.path().join("terms.csv")), "my own terms");
    assert!(tmp.path().join("articles.csv").is_file());
    assert!(r.stderr.contains("(open "), "{}", r.stderr);
}

#[test]
fn a_users_report_html_is_not_offered_as_the_report() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("report.html"), "my own page").unwrap();
    let r = analyze_seeds_into(tmp.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(read(&tmp.path().join("report.html")), "my own page");
    assert!(!r.stderr.contains("(open "), "{}", r.stderr);
    assert!(
        r.stderr.contains("the report was not written"),
        "{}",
        r.stderr
    );
}

#[test]
fn csv_and_jsonl_corpora() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("corpus.csv");
    fs::write(
        &csv,
        "id,headline,body,outlet\nx1,Knife attack,\"Police said the knife attack left two injured. Residents are afraid.\",a\nx2,Calm streets,\"Officers said the streets are safe and there is no cause for alarm.\",b\nx3,Budget,\"The council budget will cost taxpayers millions.\",a\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let r = run(frame()
        .args([
            "analyze",
            "--text-column",
            "body",
            "--id-column",
            "id",
            "--title-column",
            "headline",
            "--group-column",
            "outlet",
            "--out",
        ])
        .arg(&out)
        .arg(&csv));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let a = read(&out.join("articles.csv"));
    assert!(
        a.contains("x1,") && a.contains("Knife attack") && a.contains(",a,"),
        "{a}"
    );
    assert_eq!(a.lines().count(), 4);

    let jsonl = tmp.path().join("corpus.jsonl");
    fs::write(&jsonl, "{\"text\": \"Armed police patrol the streets.\"}\n{\"text\": \"The mayor said residents are safe.\"}\n").unwrap();
    let out2 = tmp.path().join("out2");
    let r = run(frame().arg("analyze").arg(&jsonl).arg("--out").arg(&out2));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let a = read(&out2.join("articles.csv"));
    assert_eq!(a.lines().count(), 3, "{a}");
    // Two articles: no clustering, said plainly, the rest still written.
    assert!(!out2.join("clusters.csv").exists());
    assert!(read(&out2.join("report.md"))
        .to_lowercase()
        .contains("at least 3"));
}

#[test]
fn table_with_a_missing_column_is_skipped_with_a_named_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("corpus.csv");
    fs::write(&csv, "id,body\n1,hello there\n").unwrap();
    let r = run(frame()
        .arg("analyze")
        .arg(&csv)
        .arg("--out")
        .arg(tmp.path().join("o")));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("corpus.csv") && r.stderr.contains("no column 'text'"),
        "{}",
        r.stderr
    );
}

#[test]
fn duplicate_ids_in_a_table_are_an_error_naming_the_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("dupes.csv");
    fs::write(&csv, "id,text\na,first text\nb,second text\na,third text\n").unwrap();
    let r = run(frame()
        .arg("analyze")
        .arg(&csv)
        .args(["--id-column", "id", "--out"])
        .arg(tmp.path().join("o")));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("dupes.csv") && r.stderr.contains("rows 1 and 3"),
        "{}",
        r.stderr
    );
}

#[test]
fn windows_1252_binary_and_empty_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    fs::create_dir(&dir).unwrap();
    fs::write(
        dir.join("a.txt"),
        b"The police\x92s response was calm. Officers said residents were safe.",
    )
    .unwrap();
    fs::write(dir.join("b.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    fs::write(dir.join("c.txt"), b"").unwrap();
    fs::write(
        dir.join("d.md"),
        "# Gang violence\n\nArmed gangs attacked two men.\n",
    )
    .unwrap();
    fs::write(dir.join("e.html"), "<html><head><title>Riot</title><script>x()</script></head><body><p>Rioters threw bricks at police.</p></body></html>").unwrap();
    fs::write(dir.join("notes.docx"), b"PK\x03\x04").unwrap();
    let out = tmp.path().join("out");
    let r = run(frame().arg("analyze").arg(&dir).arg("--out").arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("a.txt") && r.stderr.contains("Windows-1252"),
        "{}",
        r.stderr
    );
    // Files are read by content: a .txt holding a PNG is named as an image,
    // a broken .docx as corrupt.
    assert!(r.stderr.contains("b.txt: an image (PNG)"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("notes.docx: corrupt or truncated document"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("c.txt") && r.stderr.contains("empty"),
        "{}",
        r.stderr
    );
    let a = read(&out.join("articles.csv"));
    assert!(
        a.contains("police’s response") || a.contains("The police’s response"),
        "{a}"
    );
    assert!(a.contains("\ne,") && a.contains("Riot"), "{a}");
    let s = read(&out.join("sentences.csv"));
    assert!(!s.contains("x()"), "script text leaked: {s}");
}

#[test]
fn empty_folder_missing_path_and_bad_output_fail_with_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let r = run(frame()
        .arg("analyze")
        .arg(&empty)
        .arg("--out")
        .arg(tmp.path().join("o")));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("no usable article"), "{}", r.stderr);

    let r = run(frame()
        .arg("analyze")
        .arg(tmp.path().join("nope"))
        .arg("--out")
        .arg(tmp.path().join("o")));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("nope") && r.stderr.contains("no such file or folder"),
        "{}",
        r.stderr
    );

    let file = tmp.path().join("a-file");
    fs::write(&file, "x").unwrap();
    let r = run(frame().arg("analyze").arg(seeds()).arg("--out").arg(&file));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("a-file") && r.stderr.contains("is a file"),
        "{}",
        r.stderr
    );
    assert_eq!(read(&file), "x");
}

#[test]
fn usage_errors_exit_1_and_help_has_an_example() {
    let r = run(frame().args(["analyze"]));
    assert_eq!(r.code, 1);
    let r = run(frame().args(["analyze", "seeds", "--max-df", "2"]));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("--max-df"), "{}", r.stderr);
    let r = run(frame().args(["analyze", "seeds", "--lang", "xx"]));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("unsupported --lang"), "{}", r.stderr);
    let r = run(frame().args(["analyze", "--help"]));
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("frame analyze seeds/"), "{}", r.stdout);
    let r = run(frame().arg("--version"));
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains(env!("CARGO_PKG_VERSION")));
}

/// A table longer than one batch (4,096 rows) comes out whole and in order,
/// with a bad row named by file and line and the rows after it scored.
#[test]
fn score_streams_a_table_longer_than_a_batch() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("rows.csv");
    let texts = [
        "Armed gangs terrorise the estate.",
        "Residents are safe and calm.",
        "The council met.",
    ];
    let n = 10_000;
    let mut body = String::from("id,text\n");
    for i in 0..n {
        if i == 5_000 {
            body.push_str("bad,row,with,four\n");
        }
        body.push_str(&format!("r{i},\"{}\"\n", texts[i % 3]));
    }
    fs::write(&csv, body).unwrap();
    let r = run(frame().arg("score").arg(&csv).args(["--id-column", "id"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let ids: Vec<&str> = r
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    let want: Vec<String> = (0..n).map(|i| format!("r{i}")).collect();
    assert_eq!(ids, want);
    assert!(
        r.stderr
            .contains("rows.csv:line 5002 (row 5001): has 4 fields, the header has 2; row skipped"),
        "{}",
        r.stderr
    );
    // Rows of the same text score the same wherever their batch fell.
    let rows: Vec<&str> = r.stdout.lines().skip(1).collect();
    let tail = |l: &str| l.split_once(',').unwrap().1.to_string();
    assert_eq!(tail(rows[0]), tail(rows[n - 1 - (n - 1) % 3]));
}

/// From a tester: UTF-16 on standard input without a byte-order mark was
/// scored as zeros without a word, and with one it was read as
/// Windows-1252 with a phantom empty row. It is decoded as a file is; NUL
/// bytes that are not UTF-16 are named, never scored.
#[test]
fn score_decodes_utf16_on_stdin() {
    let text = "Police warn of danger in the city.\nAll safe now.\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let plain = run(frame().arg("score").write_stdin(text));
    assert_eq!(plain.code, 0, "{}", plain.stderr);
    assert_eq!(plain.stdout.lines().count(), 3, "{}", plain.stdout);
    for bytes in [
        le.clone(),
        [&[0xFF, 0xFE][..], &le].concat(),
        [&[0xFE, 0xFF][..], &be].concat(),
        be,
    ] {
        let r = run(frame().arg("score").write_stdin(bytes));
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(r.stdout, plain.stdout);
        assert!(r.stderr.is_empty(), "{}", r.stderr);
    }
    // NUL bytes in a line that does not start as UTF-16: named and skipped.
    let r = run(frame()
        .arg("score")
        .write_stdin(&b"Police warn of danger.\nA\0l\0l\0 \0s\0a\0f\0e\0\n"[..]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 2, "{}", r.stdout);
    assert!(
        r.stderr.contains("<stdin>:line 2: holds NUL bytes"),
        "{}",
        r.stderr
    );
}

/// From a tester: a table of a header and no rows said "(see the warnings
/// above)" when there were none.
#[test]
fn score_names_a_table_of_no_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("hdronly.csv");
    fs::write(&csv, "id,text\n").unwrap();
    let r = run(frame().arg("score").arg(&csv));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("hdronly.csv has no rows, only a header (id, text)"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("see the warnings"), "{}", r.stderr);
}

#[test]
fn score_reads_stdin_and_csv() {
    let r = run(frame().arg("score").write_stdin("Police say there is no threat to the public.\nArmed gangs terrorise the estate and residents live in fear!\n"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut lines = r.stdout.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("id,words,sentiment,positive,negative,neutral,threat,reassurance"),
        "{header}"
    );
    assert!(header.ends_with(",threat_balance"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 2);
    let balance = |r: &Vec<&str>| r.last().unwrap().parse::<f64>().unwrap();
    assert!(
        balance(&rows[0]) < 0.0,
        "negated threat should read as reassurance: {:?}",
        rows[0]
    );
    assert!(balance(&rows[1]) > 0.0, "{:?}", rows[1]);

    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("h.csv");
    fs::write(&csv, "hid,headline\nh1,Violence erupts as police clash with protesters\nh2,Residents reassured as calm returns\n").unwrap();
    let r = run(frame().arg("score").arg(&csv).args([
        "--text-column",
        "headline",
        "--id-column",
        "hid",
        "--json",
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let first: serde_json::Value = serde_json::from_str(r.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(first["id"], "h1");
    assert!(first["threat"].as_f64().unwrap() > 0.0);
}

/// `frame score` writes scores per text: a date or group column would
/// change nothing, so giving one is an error that says what to do.
#[test]
fn score_rejects_the_columns_it_does_not_use() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("h.csv");
    fs::write(
        &csv,
        "id,date,text
h1,2024-03-05,Police clash with protesters
",
    )
    .unwrap();
    for flag in ["--date-column", "--group-column"] {
        let r = run(frame().arg("score").arg(&csv).args([flag, "date"]));
        assert_eq!(r.code, 1, "{flag}: {}", r.stderr);
        assert!(
            r.stderr
                .contains(&format!("frame score does not use {flag}"))
                && r.stderr.contains("--id-column"),
            "{}",
            r.stderr
        );
        assert!(r.stdout.is_empty());
    }
}

/// `--show-excluded` lists in evidence.csv what excluded phrases dropped,
/// marked, and changes no score; without it evidence.csv keeps its columns.
#[test]
fn show_excluded_lists_dropped_matches_in_evidence_and_counts_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    fs::create_dir_all(&corpus).unwrap();
    fs::write(
        corpus.join("a.txt"),
        "Striker out\n\nThe striker has a knee injury. A man was hurt in the attack. Police said it was murder.\n",
    )
    .unwrap();
    fs::write(
        corpus.join("b.txt"),
        "Council budget\n\nThe council met to discuss roads and bins.\n",
    )
    .unwrap();
    let (plain, marked) = (tmp.path().join("plain"), tmp.path().join("marked"));
    for (out, flag) in [(&plain, None), (&marked, Some("--show-excluded"))] {
        let mut cmd = frame();
        cmd.arg("analyze")
            .arg(&corpus)
            .arg("--out")
            .arg(out)
            .arg("--quiet");
        if let Some(f) = flag {
            cmd.arg(f);
        }
        let r = run(&mut cmd);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let plain_rows = csv_records(&plain.join("evidence.csv"));
    let marked_rows = csv_records(&marked.join("evidence.csv"));
    let header = |p: &std::path::Path| {
        read(&p.join("evidence.csv"))
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        header(&plain),
        "article_id,frame,term,count,example_sentence,entry,weight"
    );
    assert_eq!(
        header(&marked),
        "article_id,frame,term,count,example_sentence,entry,weight,excluded"
    );
    assert!(
        plain_rows.iter().all(|r| r[5] != "injury"),
        "{plain_rows:?}"
    );
    // Count times weight (murder weighs 2), summed per article and frame,
    // is frames.csv's hits.
    assert!(
        plain_rows.iter().any(|r| r[5] == "murder" && r[6] == "2"),
        "{plain_rows:?}"
    );
    let mut sums: std::collections::BTreeMap<(String, String), f64> = Default::default();
    for r in &plain_rows {
        let w = r[3].parse::<f64>().unwrap() * r[6].parse::<f64>().unwrap();
        *sums.entry((r[0].clone(), r[1].clone())).or_default() += w;
    }
    for r in csv_records(&plain.join("frames.csv")) {
        let hits: f64 = r[2].parse().unwrap();
        let sum = sums
            .get(&(r[0].clone(), r[1].clone()))
            .copied()
            .unwrap_or(0.0);
        assert!((hits - sum).abs() < 1e-9, "{r:?}: evidence sums to {sum}");
    }
    let dropped: Vec<&Vec<String>> = marked_rows.iter().filter(|r| r[7] == "true").collect();
    assert_eq!(dropped.len(), 1, "{marked_rows:?}");
    assert_eq!(
        (&dropped[0][1], &dropped[0][2], &dropped[0][5]),
        (
            &"threat".to_string(),
            &"injury".to_string(),
            &"injury".to_string()
        )
    );
    // The counted rows are the plain run's rows, each marked false.
    let counted: Vec<Vec<String>> = marked_rows
        .iter()
        .filter(|r| r[7] == "false")
        .map(|r| r[..7].to_vec())
        .collect();
    assert_eq!(counted, plain_rows);
    assert_eq!(
        read(&plain.join("frames.csv")),
        read(&marked.join("frames.csv"))
    );
}

/// `--excel` writes every CSV with a UTF-8 byte-order mark and is recorded;
/// without it no CSV has one, and the files are otherwise the same bytes.
#[test]
fn excel_puts_a_bom_before_every_csv_and_only_then() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = folder(
        tmp.path(),
        "corpus",
        &[
            (
                "paris/a.txt",
                "Émeutes à Genève\n\nLa police a dit que l'attaque était violente. Residents feared more violence.\n".as_bytes(),
            ),
            (
                "paris/b.txt",
                "Café reopens\n\nThe café in Zürich is safe again, officials said, and calm has returned.\n".as_bytes(),
            ),
            (
                "rome/c.txt",
                "Crisis in Malmö\n\nA violent attack left many injured; the mayor blamed the police.\n".as_bytes(),
            ),
        ],
    );
    let (plain, excel) = (tmp.path().join("plain"), tmp.path().join("excel"));
    analyze_ok(&[&corpus], &plain);
    let r = run(frame()
        .arg("analyze")
        .arg(&corpus)
        .arg("--out")
        .arg(&excel)
        .args(["--quiet", "--excel"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut names: Vec<String> = fs::read_dir(&plain)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".csv"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{names:?}");
    for n in &names {
        let p = fs::read(plain.join(n)).unwrap();
        let x = fs::read(excel.join(n)).unwrap();
        assert!(
            !p.starts_with(b"\xEF\xBB\xBF"),
            "{n} has a BOM without --excel"
        );
        assert!(
            x.starts_with(b"\xEF\xBB\xBF"),
            "{n} has no BOM with --excel"
        );
        assert_eq!(&x[3..], &p[..], "{n}: more than the BOM differs");
    }
    let params = |dir: &Path| {
        let j: serde_json::Value = serde_json::from_str(&read(&dir.join("analysis.json"))).unwrap();
        j["parameters"].clone()
    };
    assert_eq!(params(&excel)["excel"], serde_json::Value::Bool(true));
    assert!(params(&plain).get("excel").is_none());
    assert!(read(&excel.join("report.md")).contains("--excel"));
}

/// The report's row of a frame in the table "How far each frame score can be trusted".
fn trust_row<'a>(report_md: &'a str, frame: &str) -> &'a str {
    let section = report_md
        .split("How far each frame score can be trusted")
        .nth(1)
        .expect("the report has the validity table");
    section
        .lines()
        .find(|l| l.starts_with(&format!("| {frame} |")))
        .unwrap_or_else(|| panic!("no row for {frame} in {section}"))
}

#[test]
fn report_gives_sentence_level_threat_reading_only_for_the_default_list() {
    let tmp = tempfile::tempdir().unwrap();
    let default_out = tmp.path().join("default");
    let r = run(frame()
        .arg("analyze")
        .arg(seeds())
        .arg("--out")
        .arg(&default_out)
        .arg("--quiet"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let md = read(&default_out.join("report.md"));
    let threat = trust_row(&md, "threat");
    assert!(threat.contains("SemEval"), "{threat}");
    assert!(threat.contains("threat score of 2 or more"), "{threat}");
    assert!(!trust_row(&md, "conflict").contains("score of 2"));
    assert!(trust_row(&md, "reassurance").contains("not validated"));

    // A changed threat list was not what the coded sentences measured.
    let own = tmp.path().join("threat.txt");
    fs::write(
        &own,
        format!(
            "{}\nmenacing\n",
            read(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons/threat.txt"))
        ),
    )
    .unwrap();
    let own_out = tmp.path().join("own");
    let r = run(frame()
        .arg("analyze")
        .arg(seeds())
        .arg("--lexicon")
        .arg(&own)
        .arg("--out")
        .arg(&own_out)
        .arg("--quiet"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let own_md = read(&own_out.join("report.md"));
    let threat = trust_row(&own_md, "threat");
    assert!(threat.contains("not validated"), "{threat}");
    assert!(!threat.contains("score of 2"), "{threat}");

    // The run records which threat list it used: the changed list has
    // another fingerprint, and so has the set of lists the report cites.
    let threat_sha = |out: &Path| {
        let json: serde_json::Value =
            serde_json::from_str(&read(&out.join("analysis.json"))).unwrap();
        let threat = json["lexicons"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["name"] == "threat")
            .unwrap()
            .clone();
        threat["sha256"].as_str().unwrap().to_string()
    };
    let (default_sha, own_sha) = (threat_sha(&default_out), threat_sha(&own_out));
    assert_eq!(default_sha.len(), 64);
    assert_eq!(own_sha.len(), 64);
    assert_ne!(default_sha, own_sha);
    let cited = |md: &str| {
        let at = md.find("word-list fingerprint ").expect("cited") + 22;
        md[at..at + 12].to_string()
    };
    assert_ne!(cited(&md), cited(&own_md));
}

#[test]
fn findings_say_why_no_reassuring_sentence_is_quoted() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = folder(
        tmp.path(),
        "corpus",
        &[
            (
                "a.txt",
                b"Return plan\n\nOfficials said it will be safe to return home when the river falls. Roads stay closed.\n",
            ),
            (
                "b.txt",
                b"Storm damage\n\nThe storm destroyed homes and injured ten people. Rescuers searched the ruins.\n",
            ),
        ],
    );
    let out = tmp.path().join("out");
    analyze_ok(&[&dir], &out);
    let md = read(&out.join("report.md"));
    let findings = md.split("## Findings").nth(1).unwrap_or("");
    let findings = findings.split("\n## ").next().unwrap_or("");
    // One match in the corpus: too few to call any article
    // reassurance-framed; the Findings say so and name where it is.
    assert!(
        findings.contains("Reassurance words are too rare in these articles to call any article reassurance-framed (1 weighted match in all). The most are in #1 "),
        "{findings}"
    );
    assert!(
        findings.contains("No sentence of it is quoted")
            && findings.contains("waits on a condition"),
        "{findings}"
    );
    assert!(
        !findings.contains("its most reassuring sentence"),
        "{findings}"
    );
}

#[test]
fn the_timeline_names_articles_whose_date_cannot_be_read() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = folder(
        tmp.path(),
        "corpus",
        &[
            (
                "a.txt",
                b"---\ndate: 2024-03-05\n---\nFlood\n\nThe river rose overnight.\n",
            ),
            (
                "b.txt",
                b"---\ndate: 2024-04-02\n---\nStorm\n\nThe storm hit the coast.\n",
            ),
            (
                "c.txt",
                b"---\ndate: 2024-13-45\n---\nFire\n\nA fire broke out downtown.\n",
            ),
        ],
    );
    let out = tmp.path().join("out");
    analyze_ok(&[&dir], &out);
    let md = read(&out.join("report.md"));
    let timeline = md.split("## Frames over time").nth(1).unwrap_or("");
    assert!(
        timeline.contains("1 article whose date could not be read: c"),
        "{timeline}"
    );
}

/// `frame` with stdout going to `/dev/full` (every write fails with "No
/// space left on device").
fn to_full_disk(args: &[&str], cwd: &Path) -> std::process::Output {
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    frame_process()
        .args(args)
        .current_dir(cwd)
        .stdin(std::process::Stdio::null())
        .stdout(full)
        .output()
        .unwrap()
}

/// A full disk under stdout fails the run with a message (it used to exit
/// 0 with the output lost); every subcommand that prints results.
#[test]
fn stdout_on_a_full_disk_fails_the_run() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = seeds();
    let seeds = seeds.to_str().unwrap();
    let lines: String = (0..5000)
        .map(|i| format!("Police warn of danger {i}\n"))
        .collect();
    fs::write(tmp.path().join("lines.txt"), lines).unwrap();
    let cases: [&[&str]; 5] = [
        &["score", "lines.txt"],
        &["kwic", "threat", seeds, "--csv"],
        &["sample", "--n", "5", seeds],
        &["lexicon", "show", "threat"],
        &["lexicon", "list"],
    ];
    for args in cases {
        let o = to_full_disk(args, tmp.path());
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("could not write to standard output: No space left on device"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

/// A reader that goes away (`| head -1`) is the Unix way of saying
/// "enough": no message, exit 0.
#[test]
fn a_closed_pipe_on_stdout_is_quiet() {
    let tmp = tempfile::tempdir().unwrap();
    let lines: String = (0..50_000)
        .map(|i| format!("Police warn of danger {i}\n"))
        .collect();
    fs::write(tmp.path().join("lines.txt"), lines).unwrap();
    let mut child = frame_process()
        .arg("score")
        .stdin(fs::File::open(tmp.path().join("lines.txt")).unwrap())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader leaves before reading anything
    let o = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

/// A stderr that cannot be written (`2>/dev/full`, `2>&1 | true`) used to
/// panic inside the panic hook and abort (exit 134): now the messages are
/// dropped and the run keeps its own exit code.
#[test]
fn a_stderr_that_cannot_be_written_keeps_the_exit_code() {
    let tmp = tempfile::tempdir().unwrap();
    let full = || {
        fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    let o = frame_process()
        .args(["score", "nonexist.csv"])
        .current_dir(tmp.path())
        .stderr(full())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    // Closed before the run writes anything: analyze warns and succeeds.
    let mut child = frame_process()
        .arg("analyze")
        .arg(seeds())
        .arg("--out")
        .arg(tmp.path().join("ep"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{status:?}");
    assert!(tmp.path().join("ep/report.html").is_file());
}

/// The same folder or file given twice is read once, with one warning
/// naming the repeated argument; ids stay those of one input.
#[test]
fn a_path_given_twice_is_read_once() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("base");
    fs::create_dir(&corpus).unwrap();
    for e in fs::read_dir(seeds()).unwrap().flatten() {
        fs::copy(e.path(), corpus.join(e.file_name())).unwrap();
    }
    let first = fs::read_dir(&corpus)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .min()
        .unwrap();
    let cases: [&[&str]; 3] = [
        &["base", "base"],
        &["base", "./base/"],
        &["base", &format!("base/{first}")],
    ];
    for (i, inputs) in cases.iter().enumerate() {
        let out = format!("o{i}");
        let r = run(frame()
            .arg("analyze")
            .args(*inputs)
            .args(["--out", &out, "--quiet"])
            .current_dir(tmp.path()));
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(r.stderr.contains("read once"), "{inputs:?}: {}", r.stderr);
        assert!(r.stderr.contains(inputs[1]), "{inputs:?}: {}", r.stderr);
        assert!(!r.stderr.contains("both are analysed"), "{}", r.stderr);
        let rows = csv_maps(&tmp.path().join(&out).join("articles.csv"));
        assert_eq!(rows.len(), 5, "{inputs:?}");
        assert!(
            rows.iter().all(|r| !r["id"].starts_with("input")),
            "{rows:?}"
        );
    }
}

/// `--k` above what the articles allow: said on stderr, and the Method
/// table shows the k asked for and the k used.
#[test]
fn a_k_too_large_is_warned_and_shown() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("k");
    let r = run(frame()
        .arg("analyze")
        .arg(seeds())
        .args(["--k", "50", "--quiet", "--out"])
        .arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("--k 50") && r.stderr.contains("used k = 4"),
        "{}",
        r.stderr
    );
    let md = read(&out.join("report.md"));
    assert!(
        md.contains("| k | 50 asked; 4 used"),
        "{}",
        &md[md.find("| k |").unwrap_or(0)..][..200]
    );
}
