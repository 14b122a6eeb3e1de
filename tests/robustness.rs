//! No half-written results and repeatable runs: a run killed at any moment
//! leaves every final-named output complete (or absent); the same input gives
//! byte-identical CSV and JSON whatever the thread count; `analysis.json`
//! records the SHA-256 of every input file.

mod common;

use common::{analyze_ok, frame_process, has_file};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const WORDS: &[&str] = &[
    "police",
    "attack",
    "knife",
    "residents",
    "afraid",
    "calm",
    "safe",
    "council",
    "budget",
    "riot",
    "officers",
    "arrest",
    "community",
    "fear",
    "reassure",
    "patrol",
    "gang",
    "violence",
    "mayor",
    "streets",
    "victims",
    "families",
    "court",
    "charged",
    "protest",
    "cost",
    "taxpayers",
    "blame",
    "government",
    "minister",
];

/// `n` distinct small articles in `dir` (three subfolders, so groups exist).
fn corpus(dir: &Path, n: usize, salt: usize) {
    for i in 0..n {
        let sub = dir.join(["bbc", "itv", "sky"][i % 3]);
        fs::create_dir_all(&sub).unwrap();
        let mut text = String::new();
        for s in 0..4 {
            let words: Vec<&str> = (0..9)
                .map(|w| WORDS[(i * 7 + s * 13 + w * (salt + 3) + i / 5) % WORDS.len()])
                .collect();
            text.push_str(&format!(
                "The {} said {}.\n",
                words[0],
                words[1..].join(" ")
            ));
        }
        fs::write(sub.join(format!("a{i:05}.txt")), text).unwrap();
    }
}

/// Output files (not hidden ones) of a folder (none when an interrupted
/// run removed the folder it had made).
fn outputs(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let Ok(rd) = fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    rd.map(|e| e.unwrap())
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// A complete file parses: CSV and JSON fully, PNG up to its end chunk.
fn assert_parses(name: &str, bytes: &[u8]) {
    if name.ends_with(".csv") {
        let mut r = csv::Reader::from_reader(bytes);
        let width = r.headers().unwrap().len();
        for rec in r.records() {
            assert_eq!(rec.unwrap().len(), width, "{name}: short row");
        }
    } else if name.ends_with(".json") {
        serde_json::from_slice::<serde_json::Value>(bytes)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    } else if name.ends_with(".png") {
        assert!(
            bytes.ends_with(&[0xAE, 0x42, 0x60, 0x82]),
            "{name}: no IEND"
        );
    } else if name.ends_with(".html") {
        assert!(
            String::from_utf8_lossy(bytes)
                .trim_end()
                .ends_with("</html>"),
            "{name}"
        );
    }
}

/// Starts a run, waits for `ready(out)` (or the run's end), sends `signal`,
/// and checks that every final-named file is complete: byte-identical to
/// the same file of one of the `references` (the runs it may come from).
fn interrupt(
    input: &Path,
    out: &Path,
    signal: &str,
    ready: impl Fn(&Path) -> bool,
    references: &[&BTreeMap<String, Vec<u8>>],
) {
    let mut child = frame_process()
        .arg("analyze")
        .arg(input)
        .arg("--out")
        .arg(out)
        .arg("--quiet")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Poll for the moment to interrupt; no timing is asserted. If the run
    // finishes first, the checks below still hold for a complete run.
    while !ready(out) {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::yield_now();
    }
    let status = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(status.success() || child.try_wait().unwrap().is_some());
    child.wait().unwrap();
    for (name, bytes) in outputs(out) {
        assert!(
            references.iter().any(|r| r.get(&name) == Some(&bytes)),
            "{name} after SIGKILL/SIGINT is not a complete output of any run ({} bytes)",
            bytes.len()
        );
        assert_parses(&name, &bytes);
    }
}

/// A moment to interrupt a run: (name, signal, "now" test on the output folder).
type Moment = (&'static str, &'static str, fn(&Path) -> bool);

#[test]
fn a_killed_run_leaves_no_half_written_file() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    corpus(&a, 2000, 0);
    corpus(&b, 40, 1);
    let (ref_a, ref_b) = (tmp.path().join("ref-a"), tmp.path().join("ref-b"));
    analyze_ok(&[&a], &ref_a);
    analyze_ok(&[&b], &ref_b);
    let (ref_a, ref_b) = (outputs(&ref_a), outputs(&ref_b));
    assert!(ref_a.len() >= 14, "{:?}", ref_a.keys());
    for (name, bytes) in ref_a.iter().chain(&ref_b) {
        assert_parses(name, bytes);
    }

    let moments: [Moment; 4] = [
        // As soon as the folder is created (after the analysis, before any output).
        ("fresh-early", "KILL", |o| o.is_dir()),
        // As soon as the renames start (the journal, its lines `pending`,
        // comes before any final name; the first, empty manifest does not count).
        ("fresh-writing", "KILL", |o| {
            fs::read_to_string(o.join(".frame-manifest")).is_ok_and(|m| m.contains("pending"))
        }),
        // Ctrl-C while a temporary file is being written.
        ("fresh-int", "INT", |o| {
            has_file(o, |n| n.starts_with(".frame-tmp-"))
        }),
        // Over a complete earlier run of another corpus: old or new, never mixed within a file.
        ("over-old", "KILL", |o| {
            has_file(o, |n| n == "similarity.csv")
        }),
    ];
    for (name, signal, ready) in moments {
        let out = tmp.path().join(name);
        if name == "over-old" {
            analyze_ok(&[&b], &out);
            // Wait for the rewrite to begin: the first output replaced by the new run.
            interrupt(
                &a,
                &out,
                signal,
                |o| fs::read(o.join("articles.csv")).ok().as_ref() == ref_a.get("articles.csv"),
                &[&ref_a, &ref_b],
            );
        } else {
            interrupt(&a, &out, signal, ready, &[&ref_a]);
        }
        // The next run completes, clears the temporary files and matches the reference.
        analyze_ok(&[&a], &out);
        assert!(
            !has_file(&out, |n| n.starts_with(".frame-tmp-")),
            "{name}: temp file left: {:?}, manifest {:?}",
            fs::read_dir(&out)
                .unwrap()
                .flatten()
                .map(|e| e.file_name())
                .collect::<Vec<_>>(),
            fs::read_to_string(out.join(".frame-manifest"))
        );
        assert_eq!(
            outputs(&out),
            ref_a,
            "{name}: rerun differs from the reference"
        );
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn tables_and_json(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    outputs(dir)
        .into_iter()
        .filter(|(n, _)| n.ends_with(".csv") || n.ends_with(".json"))
        .collect()
}

#[test]
fn same_input_same_bytes_whatever_the_thread_count_and_inputs_are_hashed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    corpus(&dir, 60, 2);
    fs::write(dir.join("bbc/page.html"), "<html><body><h1>Riot in the town centre</h1><p>Police said the riot left shops damaged.</p></body></html>").unwrap();
    fs::write(dir.join("itv/notes.md"), "---\ntitle: Calm returns\ndate: 2024-03-05\n---\n# Calm returns\n\nResidents said the streets were safe again.\n").unwrap();
    fs::write(
        dir.join("sky/w1252.txt"),
        b"The council\x92s budget will cost taxpayers millions.\n",
    )
    .unwrap();
    let table = tmp.path().join("extra.csv");
    fs::write(&table, "text\nOfficers patrol the estate after the attack.\nThe mayor praised the calm community.\n").unwrap();

    let runs: Vec<PathBuf> = ["1", "2", "1"]
        .iter()
        .enumerate()
        .map(|(i, threads)| {
            let out = tmp.path().join(format!("out{i}"));
            let o = frame_process()
                .env("RAYON_NUM_THREADS", threads)
                .arg("analyze")
                .arg(&dir)
                .arg(&table)
                .arg("--out")
                .arg(&out)
                .output()
                .unwrap();
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            out
        })
        .collect();
    let first = tables_and_json(&runs[0]);
    assert!(first.len() >= 8, "{:?}", first.keys());
    for r in &runs[1..] {
        let other = tables_and_json(r);
        for (name, bytes) in &first {
            assert!(
                other.get(name) == Some(bytes),
                "{name} differs between runs"
            );
        }
    }

    // Every input file is recorded with the SHA-256 of its bytes on disk.
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(runs[0].join("analysis.json")).unwrap()).unwrap();
    let inputs = json["inputs"].as_array().unwrap();
    assert_eq!(inputs.len(), 64, "60 articles, 3 other files, 1 table");
    for rec in inputs {
        let path = PathBuf::from(rec["path"].as_str().unwrap());
        let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(
            rec["sha256"].as_str().unwrap(),
            sha256_hex(&bytes),
            "{}",
            path.display()
        );
        assert_eq!(rec["bytes"].as_u64().unwrap(), bytes.len() as u64);
    }
}

#[test]
fn argument_order_changes_row_order_only() {
    let tmp = tempfile::tempdir().unwrap();
    let (x, y) = (tmp.path().join("x"), tmp.path().join("y"));
    corpus(&x, 12, 3);
    corpus(&y, 9, 4);
    // Distinct file names across the two folders, so ids do not depend on order.
    for e in fs::read_dir(y.join("bbc")).unwrap() {
        let p = e.unwrap().path();
        fs::rename(
            &p,
            p.with_file_name(format!("y-{}", p.file_name().unwrap().to_string_lossy())),
        )
        .unwrap();
    }
    for sub in ["itv", "sky"] {
        fs::remove_dir_all(y.join(sub)).unwrap();
    }
    let (xy, yx) = (tmp.path().join("xy"), tmp.path().join("yx"));
    analyze_ok(&[&x, &y], &xy);
    analyze_ok(&[&y, &x], &yx);
    let sorted = |p: &Path| {
        let text = fs::read_to_string(p).unwrap();
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        lines.sort();
        lines
    };
    // Per-article numbers do not depend on the order; rows follow it.
    for f in [
        "articles.csv",
        "frames.csv",
        "terms.csv",
        "evidence.csv",
        "sentences.csv",
    ] {
        assert_eq!(sorted(&xy.join(f)), sorted(&yx.join(f)), "{f}");
    }
    let first_id = |p: &Path| {
        fs::read_to_string(p.join("articles.csv"))
            .unwrap()
            .lines()
            .nth(1)
            .unwrap()
            .split(',')
            .next()
            .unwrap()
            .to_string()
    };
    assert!(first_id(&xy).starts_with('a') && first_id(&yx).starts_with("y-"));
}

#[test]
fn analysis_json_records_every_parameter_and_option_file() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    corpus(&a, 12, 0);
    let lex_dir = tmp.path().join("lex");
    fs::create_dir_all(&lex_dir).unwrap();
    let danger = "# description: danger words\nknife\nattack\n";
    let calm = "# description: calm words\ncalm\nsafe\n";
    fs::write(lex_dir.join("danger.txt"), danger).unwrap();
    fs::write(lex_dir.join("calm.txt"), calm).unwrap();
    let one = tmp.path().join("blame.txt");
    fs::write(&one, "# description: blame words\nblame\n").unwrap();
    let sw = tmp.path().join("sw.txt");
    fs::write(&sw, "mayor\n").unwrap();
    let run = |out: &Path| {
        let o = frame_process()
            .arg("analyze")
            .arg(&a)
            .arg("--lexicon")
            .arg(&lex_dir)
            .arg("--lexicon")
            .arg(&one)
            .arg("--stopwords")
            .arg(&sw)
            .args(["--no-default-lexicons", "--group-by", "group", "--period"])
            .args(["year", "--chart-size", "800x600", "--svg", "--quiet"])
            .arg("--out")
            .arg(out)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        fs::read(out.join("analysis.json")).unwrap()
    };
    let (j1, j2) = (run(&tmp.path().join("o1")), run(&tmp.path().join("o2")));
    // No output path or clock time: the same bytes whatever the folder.
    assert_eq!(j1, j2);
    let json: serde_json::Value = serde_json::from_slice(&j1).unwrap();
    let p = &json["parameters"];
    assert_eq!(p["no_default_lexicons"], true);
    assert_eq!(p["group_by"], "group");
    assert_eq!(p["period"], "year");
    assert_eq!(p["chart_width"], 800);
    assert_eq!(p["chart_height"], 600);
    assert_eq!(p["svg"], true);
    assert_eq!(p["lexicon_paths"].as_array().unwrap().len(), 2);
    for key in ["title_column", "date_column", "group_column", "metadata"] {
        assert!(p.get(key).is_some(), "{key} missing from {p}");
    }
    let inputs = json["inputs"].as_array().unwrap();
    for (file, text) in [
        (lex_dir.join("danger.txt"), danger),
        (lex_dir.join("calm.txt"), calm),
        (one.clone(), "# description: blame words\nblame\n"),
        (sw.clone(), "mayor\n"),
    ] {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let rec = inputs
            .iter()
            .find(|r| r["path"].as_str().unwrap().ends_with(&name))
            .unwrap_or_else(|| panic!("{name} not among the inputs"));
        assert_eq!(rec["sha256"], sha256_hex(text.as_bytes()), "{name}");
    }
}

#[test]
fn a_run_failing_while_writing_leaves_the_previous_outputs_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    corpus(&a, 30, 0);
    corpus(&b, 20, 1);
    let out = tmp.path().join("out");
    analyze_ok(&[&b], &out);
    let before = outputs(&out);
    let manifest = fs::read(out.join(".frame-manifest")).unwrap();
    // A folder where report.md's temporary file goes makes the run fail after
    // the CSV and JSON files are written but before the reports are. That
    // name carries the run's process id: the shell makes the folder under
    // its own id, then becomes frame (`exec` keeps the id).
    let frame_bin = frame_process().get_program().to_owned();
    let o = Command::new("sh")
        .arg("-c")
        .arg(r#"mkdir "$0/.frame-tmp-$$-report.md" && exec "$1" analyze "$2" --out "$0" --quiet"#)
        .arg(&out)
        .arg(&frame_bin)
        .arg(&a)
        .env_remove("FRAME_TIMINGS")
        .output()
        .unwrap();
    let blocker = fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.is_dir())
        .expect("the blocking folder");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("report.md"), "{stderr}");
    assert!(
        outputs(&out) == before,
        "outputs of the earlier run changed"
    );
    assert_eq!(fs::read(out.join(".frame-manifest")).unwrap(), manifest);
    assert!(
        !has_file(&out, |n| n.starts_with(".frame-tmp-")
            && !n.ends_with("-report.md")),
        "temporary files left"
    );
    fs::remove_dir(&blocker).unwrap();
    analyze_ok(&[&a], &out);
    let reference = tmp.path().join("ref");
    analyze_ok(&[&a], &reference);
    assert!(outputs(&out) == outputs(&reference));
}
