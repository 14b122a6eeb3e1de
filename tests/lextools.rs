//! End-to-end tests of the lexicon tools: `--lexicon` in every format,
//! `--no-default-lexicons`, `frame lexicon list/show/check/convert`,
//! `coverage.csv` and `frame kwic`, on fixtures these tests write.

mod common;
use common::*;
use std::fs;
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, text).unwrap();
    p
}

/// Three short articles written for these tests.
fn corpus(dir: &Path) -> PathBuf {
    let c = dir.join("corpus");
    fs::create_dir_all(&c).unwrap();
    write(
        &c,
        "a.txt",
        "Police said the attack on the bakery shocked the town.\n\nThe baker was not harmed. Bread prices rose.",
    );
    write(
        &c,
        "b.txt",
        "A second attack followed. Officers attacked the suspects' van.\n\nThe bakery reopened with cheaper bread.",
    );
    write(
        &c,
        "c.txt",
        "The town council debated bread subsidies and the price of flour for every bakery.",
    );
    c
}

const DIC: &str = "%\n1\tbaking\n2\tviolence\n%\nbread\t1\nbaker*\t1\nflour\t1\nattack\t2\n";
const DICX: &str = "DicTerm,money\nprice,X\nsubsid*,2\ncheap*,X\n";
const YAML: &str = "town:\n  places: [town, 'town council']\n  people:\n    - baker\n";

fn lexicon_dir(dir: &Path) -> PathBuf {
    let l = dir.join("lex");
    fs::create_dir_all(&l).unwrap();
    write(&l, "food.dic", DIC);
    write(&l, "money.dicx", DICX);
    write(&l, "town.yml", YAML);
    write(
        &l,
        "threat.txt",
        "# description: my threat\nattack\nshock*\n",
    );
    write(&l, "README.md", "not a lexicon: passed over");
    l
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap();
    r.records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn analyze_with_every_format_replacing_and_adding_categories() {
    let d = tempfile::tempdir().unwrap();
    let c = corpus(d.path());
    let l = lexicon_dir(d.path());
    let out = d.path().join("out");
    let r = run(frame()
        .args(["analyze", "--quiet", "--lexicon"])
        .arg(&l)
        .arg(&c)
        .arg("--out")
        .arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let header = csv_rows(&out.join("sentences.csv")).remove(0);
    assert_eq!(
        header[5..],
        [
            "threat",
            "reassurance",
            "conflict",
            "responsibility",
            "human_interest",
            "morality",
            "economic",
            "baking",
            "violence",
            "money",
            "town.places",
            "town.people"
        ]
    );
    // The user's threat replaced the default: "attack" and "shock*" only.
    let frames = csv_rows(&out.join("frames.csv"));
    let hits = |id: &str, frame: &str| -> f64 {
        frames
            .iter()
            .find(|r| r[0] == id && r[1] == frame)
            .unwrap_or_else(|| panic!("{id} {frame}"))[2]
            .parse()
            .unwrap()
    };
    assert_eq!(hits("a", "threat"), 2.0); // attack, shocked
    assert_eq!(hits("b", "threat"), 2.0); // attack, attacked
    assert_eq!(hits("a", "baking"), 3.0); // bakery, baker, bread
    assert_eq!(hits("c", "money"), 3.0); // subsidies (weight 2), price
    assert_eq!(hits("c", "town.places"), 1.0); // "town council" is one phrase match
                                               // coverage.csv: categories then the unmatched words.
    let cov = csv_rows(&out.join("coverage.csv"));
    assert_eq!(cov[0], ["kind", "name", "words", "articles", "share"]);
    let row = |name: &str| cov.iter().find(|r| r[1] == name).unwrap().clone();
    assert_eq!(row("baking")[..4], ["category", "baking", "8", "3"]);
    assert_eq!(
        row("town.places")[..4],
        ["category", "town.places", "3", "2"]
    );
    assert_eq!(row("(any)")[0], "category");
    let unmatched: Vec<&str> = cov
        .iter()
        .filter(|r| r[0] == "unmatched")
        .map(|r| r[1].as_str())
        .collect();
    assert!(unmatched.contains(&"police"), "{unmatched:?}");
    assert!(!unmatched.contains(&"bread") && !unmatched.contains(&"the"));
    let report = fs::read_to_string(out.join("report.md")).unwrap();
    assert!(report.contains("## Lexicon coverage"));
    assert!(report.contains("| town.people |"));
}

#[test]
fn only_your_lexicons_and_score() {
    let d = tempfile::tempdir().unwrap();
    let c = corpus(d.path());
    let dic = write(d.path(), "food.dic", DIC);
    let out = d.path().join("out");
    let r = run(frame()
        .args(["analyze", "--quiet", "--no-default-lexicons", "--lexicon"])
        .arg(&dic)
        .arg(&c)
        .arg("--out")
        .arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let header = csv_rows(&out.join("sentences.csv")).remove(0);
    assert_eq!(header[5..], ["baking", "violence"]);
    let r = run(frame()
        .args(["score", "--no-default-lexicons", "--lexicon"])
        .arg(&dic)
        .write_stdin("Fresh bread from the baker\n"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with(
            "id,words,sentiment,positive,negative,neutral,baking,violence,threat_balance\n1,5,"
        ),
        "{}",
        r.stdout
    );
    // 2 of 5 words match: 400 per 1,000 words.
    assert!(r.stdout.contains(",400.0000,0.0000,"), "{}", r.stdout);
    let r = run(frame()
        .args(["score", "--no-default-lexicons"])
        .write_stdin("x\n"));
    assert_eq!(r.code, 1);
    assert!(r
        .stderr
        .contains("--no-default-lexicons needs at least one --lexicon"));
}

#[test]
fn malformed_lexicons_stop_the_run_with_every_problem() {
    let d = tempfile::tempdir().unwrap();
    let c = corpus(d.path());
    let l = d.path().join("bad");
    fs::create_dir_all(&l).unwrap();
    write(&l, "a.dic", "%\n1 x\n%\nfoo 1\nbar 9\n");
    write(&l, "b.dicx", "DicTerm,y\nbaz,maybe\n");
    write(&l, "c.yaml", "z: [in*]\n");
    let out = d.path().join("out");
    let r = run(frame()
        .args(["analyze", "--lexicon"])
        .arg(&l)
        .arg(&c)
        .arg("--out")
        .arg(&out));
    assert_eq!(r.code, 1, "{}", r.stderr);
    for needle in [
        "a.dic:5: `bar`: category number 9 is not in the header",
        "b.dicx:2: `baz`, column `y`: weight `maybe` is not a number",
        "c.yaml:1: wildcard `in*` is too short",
    ] {
        assert!(r.stderr.contains(needle), "{needle}\n{}", r.stderr);
    }
    assert!(!out.join("frames.csv").exists());
}

#[test]
fn check_reports_every_problem_as_file_line() {
    let d = tempfile::tempdir().unwrap();
    let l = d.path().join("lex");
    fs::create_dir_all(&l).unwrap();
    write(
        &l,
        "mine.txt",
        "# description: d\nattack\nattacks\nterror*\nterrorist\nout of the\n:)\n",
    );
    write(&l, "syntax.txt", "# description: d\nfoo 9\nfoo\nfoo\n");
    write(&l, "dup.dic", "%\n1 x\n%\nfoo 1\nfoo 1\n");
    let r = run(frame().args(["lexicon", "check"]).arg(&l));
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let f = |name: &str| l.join(name).display().to_string();
    for needle in [
        format!("{}:5: duplicate entry `foo` in category `x`", f("dup.dic")),
        format!(
            "{}:3: `attacks` and `attack` (line 2) have the same stem",
            f("mine.txt")
        ),
        format!(
            "{}:5: `terrorist` is already matched by the wildcard `terror*` (line 4)",
            f("mine.txt")
        ),
        format!(
            "{}:6: phrase `out of the` is made only of stop words",
            f("mine.txt")
        ),
        format!("{}:7: `:)` has no word in it", f("mine.txt")),
        format!("{}:2: weight 9 is out of range", f("syntax.txt")),
        format!(
            "{}:4: duplicate entry `foo` (first on line 3)",
            f("syntax.txt")
        ),
    ] {
        assert!(r.stdout.contains(&needle), "{needle}\n{}", r.stdout);
    }
    assert_eq!(r.stdout.lines().count(), 7, "{}", r.stdout);
    assert!(
        r.stderr.contains("lexicon check found 7 problems"),
        "{}",
        r.stderr
    );
    let clean = write(d.path(), "clean.yml", "a: [attack, danger*, knife crime]\n");
    let r = run(frame().args(["lexicon", "check"]).arg(&clean));
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r
        .stderr
        .contains("no problems found (1 category, 3 entries)"));
    let defaults = Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons");
    let r = run(frame().args(["lexicon", "check"]).arg(&defaults));
    assert_eq!(
        r.code, 0,
        "the default lexicons pass their own check:\n{}",
        r.stdout
    );
}

#[test]
fn list_show_and_convert() {
    let d = tempfile::tempdir().unwrap();
    let l = lexicon_dir(d.path());
    let r = run(frame().args(["lexicon", "list"]));
    assert_eq!(r.code, 0);
    assert_eq!(r.stdout.lines().count(), 8);
    assert!(r.stdout.lines().nth(1).unwrap().starts_with("threat "));
    let r = run(frame().args(["lexicon", "list", "--lexicon"]).arg(&l));
    let rows: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(rows.len(), 13, "{}", r.stdout);
    assert!(
        rows[1].contains("yours (replaces built-in)"),
        "{}",
        r.stdout
    );
    assert!(
        rows[12].starts_with("town.people") && rows[12].ends_with("town.yml"),
        "{}",
        r.stdout
    );
    let r = run(frame()
        .args(["lexicon", "show", "money", "--lexicon"])
        .arg(&l));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("\nprice  # line 2\nsubsid* 2  # line 3\n"),
        "{}",
        r.stdout
    );
    let r = run(frame().args(["lexicon", "show", "nope"]));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("no lexicon category named `nope`"));

    // Converting gives frame files that score exactly like the originals.
    let conv = d.path().join("converted");
    let r = run(frame().args(["lexicon", "convert"]).arg(&l).arg(&conv));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut names: Vec<String> = fs::read_dir(&conv)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "baking.txt",
            "money.txt",
            "threat.txt",
            "town.people.txt",
            "town.places.txt",
            "violence.txt"
        ]
    );
    let r = run(frame().args(["lexicon", "convert"]).arg(&l).arg(&conv));
    assert_eq!(r.code, 1, "existing files are never replaced");
    let c = corpus(d.path());
    let frames_with = |lex: &Path, out: &str| {
        let out = d.path().join(out);
        let r = run(frame()
            .args(["analyze", "--quiet", "--no-default-lexicons", "--lexicon"])
            .arg(lex)
            .arg(&c)
            .arg("--out")
            .arg(&out));
        assert_eq!(r.code, 0, "{}", r.stderr);
        fs::read_to_string(out.join("frames.csv")).unwrap()
    };
    let sorted = |s: String| {
        let mut v: Vec<String> = s.lines().map(String::from).collect();
        v.sort();
        v
    };
    assert_eq!(
        sorted(frames_with(&l, "o1")),
        sorted(frames_with(&conv, "o2"))
    );
}

#[test]
fn kwic_lines_exact_csv_and_categories() {
    let d = tempfile::tempdir().unwrap();
    let c = corpus(d.path());
    let r = run(frame().args(["kwic", "attack", "--window", "3"]).arg(&c));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", r.stdout);
    assert_eq!(
        lines[0],
        "a:1            Police said the [attack] on the bakery"
    );
    assert_eq!(
        lines[1],
        "b:1                   A second [attack] followed. Officers attacked"
    );
    assert_eq!(
        lines[2],
        "b:2  attack followed. Officers [attacked] the suspects' van"
    );
    assert!(
        r.stderr
            .contains("3 matches of `attack` in 2 of 3 articles"),
        "{}",
        r.stderr
    );

    let r = run(frame().args(["kwic", "attacked", "--exact"]).arg(&c));
    assert_eq!(r.stdout.lines().count(), 1, "{}", r.stdout);
    // A gap in an exact search stands for one to three words, as in scoring.
    let r = run(frame().args(["kwic", "the ... shocked", "--exact"]).arg(&c));
    assert_eq!(r.stdout.lines().count(), 1, "{}", r.stdout);
    assert!(r.stdout.contains("[the bakery shocked]"), "{}", r.stdout);

    let r = run(frame()
        .args(["kwic", "bread", "--csv", "--window", "2"])
        .arg(&c));
    let rows: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        rows[0],
        "article_id,sentence_no,word_no,left,keyword,right,category,entry,negated"
    );
    assert_eq!(rows[1], "a,3,16,not harmed.,Bread,prices rose,,bread,false");
    assert_eq!(rows.len(), 4, "{}", r.stdout);

    // A category name shows every match of the category; negation is marked.
    let dic = write(d.path(), "food.dic", DIC);
    let r = run(frame()
        .args(["kwic", "baking", "--csv", "--lexicon"])
        .arg(&dic)
        .arg(&c));
    let rows: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(rows.len(), 1 + 8, "{}", r.stdout);
    assert!(rows.iter().skip(1).all(|r| r.contains(",baking,")));
    assert!(r.stderr.contains("lexicon category `baking`"));
    let r = run(frame().args(["kwic", "harmed"]).arg(&c));
    assert_eq!(
        r.stdout,
        "a:2  bakery shocked the town. The baker was not [harmed]. Bread prices rose  (negated)\n"
    );

    // --forms counts the word forms an entry matched: every form of the
    // stem, and for a wildcard every word it starts (bakery and baker).
    let r = run(frame().args(["kwic", "attack", "--forms", "--csv"]).arg(&c));
    assert_eq!(
        r.stdout,
        "entry,form,counted,negated,excluded,articles\n\
         attack,attack,2,0,0,2\n\
         attack,attacked,1,0,0,1\n"
    );
    let r = run(frame().args(["kwic", "bake*", "--forms"]).arg(&c));
    let rows: Vec<&str> = r.stdout.lines().collect();
    assert!(rows[0].starts_with("entry  form"), "{}", r.stdout);
    assert!(rows[1].starts_with("bake*  bakery") && rows[1].ends_with(" 3"));
    assert!(rows[2].starts_with("bake*  baker ") && rows[2].ends_with(" 1"));
    assert_eq!(rows.len(), 3, "{}", r.stdout);

    let r = run(frame().args(["kwic", "in*"]).arg(&c));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("too short"));
    let r = run(frame().args(["kwic", "x", "--window", "0"]).arg(&c));
    assert_eq!(r.code, 1);
}
