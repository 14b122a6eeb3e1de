//! End-to-end tests of `frame sample`, `frame agree` and the bootstrap
//! intervals, on the sample corpus and on sheets the tests write.

mod common;
use common::*;
use std::collections::BTreeMap;
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

/// `frame sample --excel` writes the sheet with a UTF-8 byte-order mark
/// (the sheet otherwise the same), and `frame agree` reads it back filled,
/// BOM and all, as Excel's "CSV UTF-8" saves it.
#[test]
fn an_excel_sheet_has_a_bom_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let (plain, excel) = (dir.path().join("plain.csv"), dir.path().join("excel.csv"));
    for (out, flag) in [(&plain, None), (&excel, Some("--excel"))] {
        let mut cmd = frame();
        cmd.args(["sample", "--n", "12", "--seed", "3", "--out"])
            .arg(out)
            .arg(seeds());
        if let Some(f) = flag {
            cmd.arg(f);
        }
        let r = run(&mut cmd);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let (p, x) = (fs::read(&plain).unwrap(), fs::read(&excel).unwrap());
    assert!(!p.starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(&x[..3], b"\xEF\xBB\xBF");
    assert_eq!(&x[3..], &p[..]);
    // Fill every code column, keep the BOM, and agree with frame.
    let mut rdr = csv::Reader::from_reader(&p[..]);
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    w.write_record(&header).unwrap();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.unwrap();
        let row: Vec<String> = (0..header.len())
            .map(|c| match c {
                0..=2 => rec[c].to_string(),
                _ => ((i + c) % 2).to_string(),
            })
            .collect();
        w.write_record(&row).unwrap();
    }
    let filled = dir.path().join("filled.csv");
    fs::write(&filled, w.into_inner().unwrap()).unwrap();
    let r = run(frame().arg("agree").arg(&filled));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("of a stratified sample"), "{}", r.stdout);
}

/// Every sentence of the seeds as `frame analyze` scores it (sentences.csv):
/// unit id (`<article>#s<n>`, as `frame sample` writes it), text, and the
/// hits of each frame of `FRAMES`.
fn seed_sentences(dir: &Path) -> Vec<(String, String, Vec<f64>)> {
    let rep = dir.join("rep");
    analyze_ok(&[&seeds()], &rep);
    let mut rdr = csv::Reader::from_path(rep.join("sentences.csv")).unwrap();
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    let frames: Vec<usize> = FRAMES
        .split(',')
        .map(|f| header.iter().position(|h| h == f).unwrap())
        .collect();
    rdr.records()
        .map(|rec| {
            let rec = rec.unwrap();
            let hits = frames.iter().map(|&c| rec[c].parse().unwrap()).collect();
            (
                format!("{}#s{}", &rec[0], &rec[1]),
                rec[2].to_string(),
                hits,
            )
        })
        .collect()
}

/// A sheet of every sentence of the seeds, coded exactly as frame codes them
/// in `frame analyze` (hits >= 1 in sentences.csv).
fn self_coded_sheet(dir: &Path) -> PathBuf {
    let p = dir.join("self.csv");
    let mut w = csv::Writer::from_path(&p).unwrap();
    let mut h = vec!["unit_id", "text"];
    h.extend(FRAMES.split(','));
    w.write_record(&h).unwrap();
    for (id, text, hits) in seed_sentences(dir) {
        let mut row = vec![id, text];
        row.extend(
            hits.iter()
                .map(|&x| if x >= 1.0 { "1" } else { "0" }.to_string()),
        );
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
            .contains("For threat, frame agreed with the human coder on 100.0% of "),
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

/// From a tester: a coding sheet saved by Excel with its `sep=;` line
/// had "no unit_id column"; it is split as article tables are, and its
/// rows keep the file's line numbers.
#[test]
fn agree_reads_an_excel_sep_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("coded.csv");
    fs::write(
        &p,
        "sep=;\r\nunit_id;article_id;text;threat;reassurance\r\n\
         a#s1;a;A violent attack.;1;0\r\n\
         a#s2;a;All is calm.;0;\r\n",
    )
    .unwrap();
    let r = run(frame().arg("agree").arg(&p));
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(!r.stderr.contains("no unit_id column"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("row 3 (line 4) (unit a#s2): no code for reassurance"),
        "{}",
        r.stderr
    );
}

#[test]
fn entries_name_the_words_behind_false_hits() {
    // "attack" matches three sentences, one of them sport: the coder's 0
    // there is that entry's false hit, listed with the unit's id.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("coded.csv");
    fs::write(
        &p,
        "unit_id,text,threat,reassurance\n\
         a#s1,Gunmen attacked the village at night.,1,0\n\
         a#s2,The attack killed four people.,1,0\n\
         b#s1,The striker led the attack in the second half.,0,0\n\
         c#s1,Officials said the water is safe to drink.,0,1\n",
    )
    .unwrap();
    let r = run(frame().args(["agree", "--entries", "--csv"]).arg(&p));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut rdr = csv::Reader::from_reader(r.stdout.as_bytes());
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    let attack = rows
        .iter()
        .find(|r| &r[0] == "threat" && &r[1] == "attack")
        .unwrap_or_else(|| panic!("{}", r.stdout));
    assert_eq!(
        (&attack[2], &attack[3], &attack[4], &attack[6]),
        ("3", "2", "1", "b#s1"),
        "{}",
        r.stdout
    );
    assert_eq!(&rows[0][1], "attack", "most false hits first: {}", r.stdout);
    assert!(
        rows.iter()
            .any(|r| &r[0] == "reassurance" && &r[2] == "1" && &r[3] == "1"),
        "{}",
        r.stdout
    );
    let text = run(frame().args(["agree", "--entries"]).arg(&p));
    assert_eq!(text.code, 0, "{}", text.stderr);
    assert!(
        text.stdout.contains("Entries behind frame's hits"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout.contains("For threat, frame agreed"),
        "{}",
        text.stdout
    );
    // Two coders have no frame hits to list.
    let r = run(frame().args(["agree", "--entries"]).arg(&p).arg(&p));
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stderr.contains("--entries"), "{}", r.stderr);
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
        r.stdout.contains("For threat, the two coders agreed on 66.7% of 3 sentences (Cohen's κ = 0.40, Krippendorff's α = 0.44)."),
        "{}",
        r.stdout
    );
}

/// From a tester: two sheets of different samples gave a table of n/a,
/// a methods sentence and exit 0.
#[test]
fn two_coders_with_no_unit_in_common_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("alice.csv"), dir.path().join("bob.csv"));
    fs::write(&a, "unit_id,text,threat\nx#s1,t,1\nx#s2,t,0\n").unwrap();
    fs::write(&b, "unit_id,threat\ny#s1,1\ny#s2,0\n").unwrap();
    let r = run(frame().arg("agree").arg(&a).arg(&b));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("bob.csv") && r.stderr.contains("no unit_id in common with alice.csv"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty(), "{}", r.stdout);
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
    // Threat minus reassurance per article, for its paired interval below.
    let mut lean: BTreeMap<String, f64> = BTreeMap::new();
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let (p, lo, hi): (f64, f64, f64) = (
            rec[3].parse().unwrap(),
            rec[6].parse().unwrap(),
            rec[7].parse().unwrap(),
        );
        assert!(lo <= p && p <= hi, "{rec:?}");
        let sign = match &rec[1] {
            "threat" => 1.0,
            "reassurance" => -1.0,
            _ => 0.0,
        };
        *lean.entry(rec[0].to_string()).or_default() += sign * p;
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
        // The paired interval of threat minus reassurance holds the
        // article's own difference (4 decimals in the CSV).
        let d = lean[&rec[0]];
        let (dl, dh) = (
            num(col("threat_minus_reassurance_ci_low")),
            num(col("threat_minus_reassurance_ci_high")),
        );
        assert!(dl - 1e-4 <= d && d <= dh + 1e-4, "{d} {rec:?}");
    }
    let report = fs::read_to_string(out.join("report.md")).unwrap();
    assert!(report.contains("How sure are these scores?"));
    assert!(report.contains("ranked by the end of the 95% interval nearer 0"));
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
    assert!(text.lines().skip(1).all(|l| l.ends_with(",,,,")), "{text}");
    // No intervals: the summary does not say it ranked by one.
    let report = fs::read_to_string(out0.join("report.md")).unwrap();
    assert!(!report.contains("95% interval nearer 0"), "{report}");
}

/// The strata table `frame sample` prints: per frame, corpus and sample
/// units with hits and without.
fn strata_table(stderr: &str) -> BTreeMap<String, [usize; 4]> {
    stderr
        .lines()
        .filter_map(|l| {
            let v: Vec<&str> = l.split_whitespace().collect();
            let n: Vec<usize> = v.iter().skip(1).filter_map(|x| x.parse().ok()).collect();
            (v.len() == 5 && n.len() == 4).then(|| (v[0].to_string(), [n[0], n[1], n[2], n[3]]))
        })
        .collect()
}

/// One frame's row of `frame agree --csv`, by column name.
fn agree_row(csv_text: &str, frame: &str) -> BTreeMap<String, String> {
    let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    let rec = rdr
        .records()
        .map(|r| r.unwrap())
        .find(|r| &r[0] == frame)
        .unwrap();
    header
        .into_iter()
        .zip(rec.iter().map(String::from))
        .collect()
}

#[test]
fn corpus_estimates_weight_the_strata_back_to_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("sheet.csv");
    let s = run(frame()
        .args(["sample", "--n", "60", "--seed", "7", "--out"])
        .arg(&sheet)
        .arg(seeds()));
    assert_eq!(s.code, 0, "{}", s.stderr);
    let strata = strata_table(&s.stderr);
    assert_eq!(strata.len(), 7, "{}", s.stderr);
    // The frame whose sentences without hits the sample holds least of,
    // against those with hits: there, misses are under-sampled.
    let share = |[ch, cn, sh, sn]: [usize; 4]| (sh as f64 / ch as f64) / (sn as f64 / cn as f64);
    let (frame_name, &[corpus_with, corpus_without, _, _]) = strata
        .iter()
        .max_by(|a, b| share(*a.1).total_cmp(&share(*b.1)))
        .unwrap();
    let k = FRAMES.split(',').position(|f| f == frame_name).unwrap();
    // The coder agrees with frame (hits >= 1), and also marks every other
    // sentence of the sheet without a hit for this frame: misses.
    let hits: BTreeMap<String, Vec<f64>> = seed_sentences(dir.path())
        .into_iter()
        .map(|(id, _, h)| (id, h))
        .collect();
    let text = fs::read_to_string(&sheet).unwrap();
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let header = rdr.headers().unwrap().clone();
    let coded = dir.path().join("coded.csv");
    let mut w = csv::Writer::from_path(&coded).unwrap();
    w.write_record(&header).unwrap();
    // [stratum][coder, frame] counts, tallied here from the test's own codes.
    let mut tally = [[0usize; 4]; 2];
    let mut no_hit_seen = 0;
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let h = &hits[&rec[0]];
        let mut row: Vec<String> = rec.iter().take(3).map(String::from).collect();
        for (f, &x) in h.iter().enumerate() {
            let mut code = x >= 1.0;
            if f == k && x == 0.0 {
                no_hit_seen += 1;
                code = no_hit_seen % 2 == 0;
            }
            row.push(if code { "1" } else { "0" }.into());
            if f == k {
                let stratum = usize::from(x == 0.0);
                tally[stratum][usize::from(code) * 2 + usize::from(x >= 1.0)] += 1;
            }
        }
        w.write_record(&row).unwrap();
    }
    w.flush().unwrap();
    let plain = run(frame().arg("agree").arg(&coded).arg("--csv"));
    assert_eq!(plain.code, 0, "{}", plain.stderr);
    let weighted = run(frame()
        .arg("agree")
        .arg(&coded)
        .arg("--csv")
        .arg("--corpus")
        .arg(seeds()));
    assert_eq!(weighted.code, 0, "{}", weighted.stderr);
    // Without --corpus the columns are the ones frame agree always wrote;
    // with it, the same columns and values come first (but the methods
    // sentence, which says where the weighted figures are).
    let old = "frame,units,coder_1,frame_1,both_1,both_0,agreement,kappa,alpha,precision,recall,kappa_band,alpha_band,note,sentence";
    assert_eq!(plain.stdout.lines().next().unwrap(), old);
    let cut = |l: &str| l.find(",\"For ").map_or(l, |i| &l[..i]).to_string();
    for (a, b) in plain.stdout.lines().zip(weighted.stdout.lines()) {
        assert!(b.starts_with(&cut(a)), "{a}\n{b}");
    }
    // The sheet is frame sample's: the sentence says the figures are unweighted.
    assert!(
        plain.stdout.contains("of a stratified sample (Cohen's"),
        "{}",
        plain.stdout
    );
    assert!(plain.stdout.contains("unweighted, so recall and κ are biased as figures for the corpus: frame agree --corpus weights them)."));
    assert!(weighted
        .stdout
        .contains("; unweighted: the corpus estimates below weight them)."));
    assert!(weighted.stdout.lines().next().unwrap().ends_with(
        ",weighted_recall,weighted_recall_lo,weighted_recall_hi,weighted_kappa,weighted_kappa_lo,weighted_kappa_hi,corpus_hits,corpus_no_hits,coded_hits,coded_no_hits,weighted_note,weighted_sentence"
    ));
    let row = agree_row(&weighted.stdout, frame_name);
    let num = |c: &str| row[c].parse::<f64>().unwrap();
    // The strata are those frame sample drew.
    assert_eq!(row["corpus_hits"], corpus_with.to_string());
    assert_eq!(row["corpus_no_hits"], corpus_without.to_string());
    // Weighted recall by hand: TP and FN of each stratum times N_h / n_h
    // (cells: [coder 0 frame 0, coder 0 frame 1, coder 1 frame 0, coder 1 frame 1]).
    let n = |h: usize| tally[h].iter().sum::<usize>() as f64;
    let wt = [corpus_with as f64 / n(0), corpus_without as f64 / n(1)];
    let tp: f64 = (0..2).map(|h| wt[h] * tally[h][3] as f64).sum();
    let fn_: f64 = (0..2).map(|h| wt[h] * tally[h][2] as f64).sum();
    let expected = tp / (tp + fn_);
    assert!(tally[1][2] > 0 && tp > 0.0, "{tally:?}");
    assert_eq!(
        row["weighted_recall"],
        format!("{expected:.4}"),
        "{tally:?}"
    );
    assert!(num("weighted_recall") < num("recall"), "{row:?}");
    assert!(num("weighted_recall_lo") <= expected && expected <= num("weighted_recall_hi"));
    // Text: the sample's report unchanged, then the corpus block.
    let plain_text = run(frame().arg("agree").arg(&coded));
    assert!(!plain_text.stdout.contains("Corpus estimates"));
    let text = run(frame()
        .arg("agree")
        .arg(&coded)
        .arg("--corpus")
        .arg(seeds()));
    assert_eq!(text.code, 0, "{}", text.stderr);
    // The table is the same; the note beside it says the figures are unweighted.
    let table = plain_text.stdout.split("\nUnweighted: ").next().unwrap();
    assert!(plain_text
        .stdout
        .contains("\nUnweighted: the sheet has the columns frame sample writes"));
    assert!(text.stdout.starts_with(table));
    assert!(text
        .stdout
        .contains("the corpus estimates below weight them back to the corpus."));
    assert!(text
        .stdout
        .contains("Corpus estimates (weighted by stratum size"));
    let sentence = format!(
        "Weighted to the corpus's {corpus_with} sentences with a {frame_name} hit and {corpus_without} without, frame's recall for {frame_name} is {expected:.2} ["
    );
    assert!(
        text.stdout.contains(&sentence),
        "{sentence}\n{}",
        text.stdout
    );
    // Deterministic.
    let again = run(frame()
        .arg("agree")
        .arg(&coded)
        .arg("--corpus")
        .arg(seeds()));
    assert_eq!(text.stdout, again.stdout);
    // A row from another corpus: a warning with its id, left out of the estimates.
    let mut other = fs::read_to_string(&coded).unwrap();
    other.push_str("elsewhere#s1,elsewhere,A quiet day.,0,0,0,0,0,0,0\n");
    let other_p = dir.path().join("other.csv");
    fs::write(&other_p, other).unwrap();
    let r = run(frame()
        .arg("agree")
        .arg(&other_p)
        .arg("--corpus")
        .arg(seeds()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("1 of the 61 coded sentences of other.csv are not in the corpus given with --corpus (e.g. elsewhere#s1)"), "{}", r.stderr);
    // Corpus flags need --corpus; --corpus needs one sheet.
    let r = run(frame()
        .arg("agree")
        .arg(&coded)
        .args(["--unit", "sentence"]));
    assert_ne!(r.code, 0);
    let r = run(frame()
        .arg("agree")
        .arg(&coded)
        .args(["--text-column", "body"]));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("--text-column tells how to read the corpus"),
        "{}",
        r.stderr
    );
    let r = run(frame()
        .arg("agree")
        .arg(&coded)
        .arg(&coded)
        .arg("--corpus")
        .arg(seeds()));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("give one coding sheet"), "{}", r.stderr);
}

/// A question sheet of the seeds, filled by a rule: every question of
/// `frames` answered 1 for the first `yes` articles, 0 elsewhere.
fn question_sheet(dir: &Path, name: &str, yes: usize, flip: Option<(usize, &str)>) -> PathBuf {
    let r = run(frame()
        .args(["sample", "--n", "5", "--unit", "article", "--questions"])
        .arg(seeds()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut rdr = csv::Reader::from_reader(r.stdout.as_bytes());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&header).unwrap();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.unwrap();
        let row: Vec<String> = header
            .iter()
            .enumerate()
            .map(|(c, h)| {
                if c < 3 {
                    rec[c].to_string()
                } else if flip == Some((i, h.as_str())) {
                    if i < yes { "0" } else { "1" }.to_string()
                } else if i < yes {
                    "1".to_string()
                } else {
                    "0".to_string()
                }
            })
            .collect();
        w.write_record(&row).unwrap();
    }
    let p = dir.join(name);
    fs::write(&p, w.into_inner().unwrap()).unwrap();
    p
}

#[test]
fn question_sheets_measure_the_generic_frames_against_their_definition() {
    let dir = tempfile::tempdir().unwrap();
    let a = question_sheet(dir.path(), "a.csv", 2, None);
    let b = question_sheet(dir.path(), "b.csv", 2, Some((4, "C2")));
    let header = read(&a).lines().next().unwrap().to_string();
    assert!(
        header.ends_with(",R1,R2,R3,R4,R5,H1,H2,H3,H4,C1,C2,C3,C4,M1,M2,M3,E1,E2,E3"),
        "{header}"
    );
    let r = run(frame().arg("agree").arg(&a).arg(&b).arg("--csv"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows = csv_text_maps(&r.stdout);
    let frames: Vec<&str> = rows.iter().map(|r| r["frame"].as_str()).collect();
    assert_eq!(
        frames,
        [
            "responsibility",
            "human_interest",
            "conflict",
            "morality",
            "economic"
        ]
    );
    for row in &rows {
        assert_eq!(row["n"], "5");
        assert_eq!(row["carries"], "2", "{row:?}");
        assert_eq!(row["coders"], "2");
        let auc = num(row, "auc");
        assert!((0.0..=1.0).contains(&auc), "{row:?}");
        assert!(
            num(row, "auc_low") <= auc && auc <= num(row, "auc_high"),
            "{row:?}"
        );
    }
    // The coders differ on one conflict answer only.
    let conflict = &rows[2];
    assert!(num(conflict, "kappa_min") < 1.0, "{conflict:?}");
    assert_eq!(num(&rows[4], "kappa_min"), 1.0);
    // The text report ends with a sentence per frame for a methods section.
    let t = run(frame().arg("agree").arg(&a).arg(&b));
    assert_eq!(t.code, 0, "{}", t.stderr);
    assert!(t.stdout.contains("(5 articles, 2 coders)"), "{}", t.stdout);
    assert!(t.stdout.contains("For a methods section:"), "{}", t.stdout);
    assert!(
        t.stdout.contains(
            "frame's economic score ranked the 2 articles that carry the frame against the other 3"
        ),
        "{}",
        t.stdout
    );
    // One coder against frame alone: no agreement columns.
    let one = run(frame().arg("agree").arg(&a));
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert!(
        one.stdout.contains("(5 articles, 1 coder)"),
        "{}",
        one.stdout
    );
    assert!(
        one.stdout.contains("with the coder's scale"),
        "{}",
        one.stdout
    );
    assert!(!one.stdout.contains("kappa per question"), "{}", one.stdout);
}

#[test]
fn a_question_sheet_and_a_frame_sheet_are_not_compared() {
    let dir = tempfile::tempdir().unwrap();
    let q = question_sheet(dir.path(), "q.csv", 2, None);
    let f = self_coded_sheet(dir.path());
    let r = run(frame().arg("agree").arg(&f).arg(&q));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("give two sheets of the same kind"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("q.csv holds answers"), "{}", r.stderr);
}

#[test]
fn question_sheets_refuse_what_does_not_apply() {
    let r = run(frame()
        .args(["sample", "--n", "5", "--questions"])
        .arg(seeds()));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("add --unit article"), "{}", r.stderr);
    let dir = tempfile::tempdir().unwrap();
    let a = question_sheet(dir.path(), "a.csv", 2, None);
    let t = run(frame().arg("agree").arg(&a).args(["--threshold", "2"]));
    assert_eq!(t.code, 1, "{}", t.stderr);
    assert!(
        t.stderr.contains("--threshold does not apply"),
        "{}",
        t.stderr
    );
    // A cell left blank is named by its row, as for frame sheets.
    let text = read(&a);
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let last = lines.len() - 1;
    lines[last] = lines[last].trim_end_matches(",0").to_string() + ",";
    let blank = dir.path().join("blank.csv");
    fs::write(&blank, lines.join("\n") + "\n").unwrap();
    let e = run(frame().arg("agree").arg(&blank));
    assert_eq!(e.code, 1, "{}", e.stderr);
    assert!(e.stderr.contains("row 6"), "{}", e.stderr);
    assert!(e.stderr.contains("no code for"), "{}", e.stderr);
}
