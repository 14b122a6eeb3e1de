//! End-to-end tests of `frame sample`, `frame agree` and the bootstrap
//! intervals, on the sample corpus and on sheets the tests write.

mod common;
use common::*;
use std::fs;
use std::path::{Path, PathBuf};

const FRAMES: &str = "threat,reassurance,conflict,responsibility,human_interest,morality,economic";

#[test]
fn sample_is_seeded_stratified_and_blank() {
    let a = run(frame()
        .args(["sample", "--n", "30", "--seed", "7"])
        .arg(seeds()));
    assert_eq!(a.code, 0, "{}", a.stderr);
    let b = run(frame()
        .args(["sample", "--n", "30", "--seed", "7"])
        .arg(seeds()));
    assert_eq!(a.stdout, b.stdout, "same seed, same sheet");
    let c = run(frame()
        .args(["sample", "--n", "30", "--seed", "8"])
        .arg(seeds()));
    assert_ne!(a.stdout, c.stdout, "another seed, another sheet");
    let mut rdr = csv::Reader::from_reader(a.stdout.as_bytes());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header.join(","),
        format!("unit_id,article_id,text,{FRAMES}")
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 30);
    for r in &rows {
        let (id, art) = (&r[0], &r[1]);
        assert!(id.starts_with(&format!("{art}#s")), "{id}");
        assert!(!r[2].is_empty());
        assert!((3..10).all(|c| r[c].is_empty()), "codes are left blank");
    }
    // The strata are reported: every frame has units with and without hits.
    assert!(a.stderr.contains("sampled 30 of"), "{}", a.stderr);
    let morality = a
        .stderr
        .lines()
        .find(|l| l.trim_start().starts_with("morality"))
        .unwrap();
    let n: Vec<usize> = morality
        .split_whitespace()
        .skip(1)
        .map(|x| x.parse().unwrap())
        .collect();
    assert!(n[2] >= 1 && n[3] >= 1, "{morality}");
}

#[test]
fn sample_articles_and_never_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sheet.csv");
    let r = run(frame()
        .args(["sample", "--n", "3", "--unit", "article", "--out"])
        .arg(&out)
        .arg(seeds()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let sheet = fs::read_to_string(&out).unwrap();
    let mut rdr = csv::Reader::from_reader(sheet.as_bytes());
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 3);
    assert!(
        rows.iter().all(|r| r[0] == r[1]),
        "article ids are unit ids"
    );
    fs::write(&out, "my codes").unwrap();
    let r = run(frame()
        .args(["sample", "--n", "3", "--out"])
        .arg(&out)
        .arg(seeds()));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("never overwrites"), "{}", r.stderr);
    assert_eq!(fs::read_to_string(&out).unwrap(), "my codes");
}

/// A sheet of every sentence of the seeds, coded exactly as frame codes them
/// in `frame analyze` (hits >= 1 in sentences.csv).
fn self_coded_sheet(dir: &Path) -> PathBuf {
    let rep = dir.join("rep");
    analyze_ok(&[&seeds()], &rep);
    let mut rdr = csv::Reader::from_path(rep.join("sentences.csv")).unwrap();
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    let frames: Vec<usize> = FRAMES
        .split(',')
        .map(|f| header.iter().position(|h| h == f).unwrap())
        .collect();
    let p = dir.join("self.csv");
    let mut w = csv::Writer::from_path(&p).unwrap();
    let mut h = vec!["unit_id", "text"];
    h.extend(FRAMES.split(','));
    w.write_record(&h).unwrap();
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let mut row = vec![format!("{}#s{}", &rec[0], &rec[1]), rec[2].to_string()];
        for &c in &frames {
            let hits: f64 = rec[c].parse().unwrap();
            row.push(if hits >= 1.0 { "1" } else { "0" }.into());
        }
        w.write_record(&row).unwrap();
    }
    w.flush().unwrap();
    p
}

#[test]
fn frame_agrees_with_itself_sentence_by_sentence() {
    // Re-scoring a sentence on its own must give the hits it had in its article.
    let dir = tempfile::tempdir().unwrap();
    let sheet = self_coded_sheet(dir.path());
    let r = run(frame().arg("agree").arg(&sheet).arg("--csv"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut rdr = csv::Reader::from_reader(r.stdout.as_bytes());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    let k = header.iter().position(|h| h == "kappa").unwrap();
    let ag = header.iter().position(|h| h == "agreement").unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 7);
    for row in &rows {
        assert_eq!(&row[ag], "1.0000", "{row:?}");
        assert_eq!(&row[k], "1.0000", "{row:?}");
    }
    // The text report has a quotable sentence per frame.
    let r = run(frame().arg("agree").arg(&sheet));
    assert!(
        r.stdout
            .contains("For threat, frame agreed with the human coder on 100% of "),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("almost perfect"));
}

#[test]
fn agree_rejects_missing_and_bad_codes_naming_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("coded.csv");
    fs::write(
        &p,
        "unit_id,article_id,text,threat,reassurance\n\
         a#s1,a,A violent attack.,1,0\n\
         a#s2,a,All is calm.,0,\n\
         a#s3,a,Nothing here.,2,0\n",
    )
    .unwrap();
    let r = run(frame().arg("agree").arg(&p));
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stderr.contains("coded.csv"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("row 3 (unit a#s2): no code for reassurance"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("row 4 (unit a#s3): “2” for threat is not a code"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
}

#[test]
fn two_coders_with_missing_units() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("alice.csv"), dir.path().join("bob.csv"));
    fs::write(
        &a,
        "unit_id,text,threat\nx#s1,t,1\nx#s2,t,0\nx#s3,t,1\nx#s4,t,0\n",
    )
    .unwrap();
    fs::write(&b, "unit_id,threat\nx#s1,1\nx#s2,0\nx#s3,0\n").unwrap();
    let r = run(frame().arg("agree").arg(&a).arg(&b));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("missing from bob.csv"), "{}", r.stderr);
    assert!(r.stderr.contains("x#s4"), "{}", r.stderr);
    // 3 matched units: 1/1, 0/0, 1/0. po = 2/3, pe = 2/3*1/3 + 1/3*2/3 = 4/9:
    // kappa = (2/9)/(5/9) = 0.4; alpha = 1 - (6-1)*1/(3*3) = 0.44.
    assert!(
        r.stdout.contains("For threat, the two coders agreed on 67% of 3 sentences (Cohen's κ = 0.40, Krippendorff's α = 0.44)."),
        "{}",
        r.stdout
    );
}

#[test]
fn frames_csv_has_bootstrap_intervals() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r");
    analyze_ok(&[&seeds()], &out);
    let text = fs::read_to_string(out.join("frames.csv")).unwrap();
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header.join(","),
        "article_id,frame,hits,per_1k,share,top_terms,ci_low,ci_high"
    );
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let (p, lo, hi): (f64, f64, f64) = (
            rec[3].parse().unwrap(),
            rec[6].parse().unwrap(),
            rec[7].parse().unwrap(),
        );
        assert!(lo <= p && p <= hi, "{rec:?}");
    }
    // articles.csv: each article's sentiment with its interval over sentences.
    let text = fs::read_to_string(out.join("articles.csv")).unwrap();
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (s, lo, hi) = (
        col("sentiment"),
        col("sentiment_ci_low"),
        col("sentiment_ci_high"),
    );
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let num = |i: usize| rec[i].parse::<f64>().unwrap();
        assert!(num(lo) <= num(s) && num(s) <= num(hi), "{rec:?}");
        assert!(num(lo) < num(hi), "{rec:?}");
    }
    let report = fs::read_to_string(out.join("report.md")).unwrap();
    assert!(report.contains("How sure are these scores?"));
    assert!(report.contains("Caution: fragile results"));
    // --bootstrap 0: no intervals, empty columns.
    let out0 = dir.path().join("r0");
    let r = run(frame()
        .arg("analyze")
        .arg(seeds())
        .arg("--out")
        .arg(&out0)
        .args(["-q", "--bootstrap", "0"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = fs::read_to_string(out0.join("frames.csv")).unwrap();
    assert!(text.lines().skip(1).all(|l| l.ends_with(",,")), "{text}");
    let text = fs::read_to_string(out0.join("articles.csv")).unwrap();
    assert!(text.lines().skip(1).all(|l| l.ends_with(",,")), "{text}");
}
