//! End-to-end tests of group comparison: subfolder groups, metadata sidecar,
//! front matter, keyness, collocations, timeline, one-group corpora.
//! Every corpus is written by the test, so the right answer is known.

mod common;

use common::{csv_maps as rows, frame, num, read};
use std::fs;
use std::path::Path;

/// Runs `frame analyze` with `args`; returns (exit code, stderr).
fn analyze(args: &[&str]) -> (i32, String) {
    let out = frame()
        .arg("analyze")
        .args(args)
        .arg("--quiet")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "panic: {err}");
    (out.status.code().unwrap_or(-1), err)
}

const THREAT: [&str; 4] = [
    "Armed gangs terrorise the streets and residents fear another violent attack.",
    "Police warn of a serious threat after a brutal stabbing left a man dead.",
    "Knife crime is rising and the danger to children is growing every week.",
    "Terrified families say the violence and the attacks make the estate unsafe.",
];
const CALM: [&str; 4] = [
    "The council published its annual report on parks and libraries on Tuesday.",
    "Residents attended a meeting about bus timetables and the new cycle lanes.",
    "The committee discussed the budget for schools, roads and recycling.",
    "Shops on the high street reported steady trade over the summer months.",
];

/// Two outlets: "alarm" (every article threatening, the word "zeppelin"
/// planted in each) and "quiet" (no threat at all). Dated across three months.
fn two_outlets(root: &Path) {
    for (outlet, lines) in [("alarm", THREAT), ("quiet", CALM)] {
        let dir = root.join(outlet);
        fs::create_dir_all(&dir).unwrap();
        for i in 0..6 {
            let mut body = format!("{outlet} report number {i} from the city desk\n\n");
            // 2 to 4 sentences of the group's kind, so articles differ in their scores.
            for k in 0..(2 + i % 3) {
                body.push_str(lines[(i + k) % 4]);
                body.push(' ');
            }
            if outlet == "alarm" {
                body.push_str(
                    "A zeppelin was seen. The zeppelin hovered over the zeppelin hangar.",
                );
            }
            body.push_str(" Officials said more news would follow soon.\n");
            let name = format!("2024-0{}-1{}_{outlet}{i}.txt", 1 + i % 3, i);
            fs::write(dir.join(name), body).unwrap();
        }
    }
}

/// From a review: renaming the files (same texts) changed the groups'
/// bootstrap intervals, since the draws took the articles in name order.
/// Renamed so that each group's articles sort the other way round, the run
/// gives the same groups.csv, byte for byte, and every article the same
/// frame-score intervals.
#[test]
fn renaming_the_files_keeps_the_intervals() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    two_outlets(&corpus);
    let renamed = tmp.path().join("renamed");
    for outlet in ["alarm", "quiet"] {
        let mut names: Vec<_> = fs::read_dir(corpus.join(outlet))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        fs::create_dir_all(renamed.join(outlet)).unwrap();
        for (i, p) in names.iter().enumerate() {
            let to = renamed
                .join(outlet)
                .join(format!("{:02}-story.txt", 99 - i));
            fs::copy(p, to).unwrap();
        }
    }
    let outs = [tmp.path().join("out1"), tmp.path().join("out2")];
    for (input, out) in [&corpus, &renamed].into_iter().zip(&outs) {
        let (code, err) = analyze(&[input.to_str().unwrap(), "--out", out.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
    }
    let groups = read(&outs[0].join("groups.csv"));
    assert!(groups.contains("alarm"), "{groups}");
    assert_eq!(read(&outs[1].join("groups.csv")), groups);
    // frames.csv names articles by file: compare each run's rows without the id.
    let intervals = |out: &Path| {
        let mut v: Vec<String> = rows(&out.join("frames.csv"))
            .iter()
            .map(|r| {
                format!(
                    "{} {} {} {}",
                    r["frame"], r["per_1k"], r["ci_low"], r["ci_high"]
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(intervals(&outs[0]), intervals(&outs[1]));
}

/// From a review: a rare frame's group mean read "0.0" in one place and
/// "0.03" in another. The group table, `groups.png` (its SVG copy) and the
/// heat map's group rows print a group mean alike: below 1, two decimals.
#[test]
fn a_group_mean_reads_the_same_in_the_table_and_the_charts() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let filler = "The council met on Tuesday to talk about parks, roads and the library budget. ";
    for (outlet, n) in [("herald", 3), ("post", 3)] {
        fs::create_dir_all(corpus.join(outlet)).unwrap();
        for i in 0..n {
            let mut body = format!("{outlet} story {i}\n\n");
            for _ in 0..40 {
                body.push_str(filler);
            }
            // One threat word in one article of the herald: its mean is below 1.
            if outlet == "herald" && i == 0 {
                body.push_str("Residents spoke of a violent night.");
            }
            fs::write(corpus.join(outlet).join(format!("{i}.txt")), body).unwrap();
        }
    }
    let out = tmp.path().join("out");
    let (code, err) = analyze(&[
        corpus.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--svg",
    ]);
    assert_eq!(code, 0, "{err}");
    let g = rows(&out.join("groups.csv"));
    let herald = g.iter().find(|r| r["group"] == "herald").unwrap();
    let mean = num(herald, "threat_mean");
    assert!(mean > 0.0 && mean < 1.0, "{mean}");
    let shown = format!("{mean:.2}");
    let md = read(&out.join("report.md"));
    let table = &md[md.find("## Comparing groups").unwrap()..];
    // Markdown escapes the bracket.
    assert!(
        table.contains(&format!("| {shown} \\[")),
        "{shown}: {table}"
    );
    let svg = read(&out.join("groups.svg"));
    let texts: Vec<&str> = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| Some(t.split_once('>')?.1.split("</text>").next()?.trim()))
        .collect();
    assert!(texts.contains(&shown.as_str()), "{shown} not in {texts:?}");
}

#[test]
fn planted_word_and_threatening_group_are_found() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    two_outlets(&corpus);
    let out = tmp.path().join("out");
    let (code, err) = analyze(&[corpus.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");

    // Keyness: the planted word tops the alarm group's list.
    let key = rows(&out.join("keyness.csv"));
    let first = key
        .iter()
        .find(|r| r["group"] == "alarm" && r["comparison"] == "group")
        .expect("alarm compared");
    assert_eq!(first["term"], "zeppelin", "{first:?}");
    assert_eq!(first["freq_group"], "18");
    assert_eq!(first["freq_rest"], "0");
    // Planted in each of the 6 alarm articles (3 times each), in no other.
    assert_eq!(first["articles_group"], "6");
    assert_eq!(first["articles_rest"], "0");
    assert!(num(first, "g2") > 10.83 && num(first, "log_ratio") > 0.0);
    assert!(num(first, "p_value") < 0.001);
    // ... and appears as under-represented (negative G2) for the quiet group.
    let q = key
        .iter()
        .find(|r| r["group"] == "quiet" && r["term"] == "zeppelin")
        .expect("zeppelin listed for quiet");
    assert!(num(q, "g2") < 0.0 && num(q, "log_ratio") < 0.0);
    assert_eq!(
        (&q["articles_group"][..], &q["articles_rest"][..]),
        ("0", "6")
    );

    // Groups: the alarm group's threat interval excludes the quiet mean.
    let g = rows(&out.join("groups.csv"));
    assert_eq!(g.len(), 2);
    assert_eq!(
        (g[0]["group"].as_str(), g[0]["articles"].as_str()),
        ("alarm", "6")
    );
    let (alarm, quiet) = (&g[0], &g[1]);
    assert!(num(alarm, "threat_ci_low") > num(quiet, "threat_mean"));
    assert!(num(alarm, "threat_ci_low") <= num(alarm, "threat_mean"));
    assert!(num(alarm, "threat_mean") <= num(alarm, "threat_ci_high"));
    assert!(num(quiet, "threat_ci_high") < num(alarm, "threat_mean"));
    assert!(num(alarm, "sentiment_mean") < num(quiet, "sentiment_mean"));

    // Collocations: header, and no sequence starting or ending with a stop word.
    let c = read(&out.join("collocations.csv"));
    assert!(c.starts_with("scope,ngram,n,freq,score,measure\n"));
    assert!(c.lines().any(|l| l.starts_with("all,")));
    assert!(c.lines().any(|l| l.starts_with("alarm,")));
    for l in c.lines().skip(1) {
        let ngram = l.split(',').nth(1).unwrap();
        for w in [
            ngram.split(' ').next().unwrap(),
            ngram.rsplit(' ').next().unwrap(),
        ] {
            assert!(!["the", "a", "of", "and", "to", "in"].contains(&w), "{l}");
        }
    }

    // Timeline: three months, charts and report sections present.
    let t = rows(&out.join("timeline.csv"));
    let periods: Vec<&str> = t.iter().map(|r| r["period"].as_str()).collect();
    assert_eq!(periods, ["2024-01", "2024-02", "2024-03"]);
    for f in [
        "groups.png",
        "keyness.png",
        "timeline.png",
        "timeline_groups.png",
    ] {
        assert!(out.join(f).exists(), "{f}");
    }
    // Each group's own line: one row per period and group, with the group's
    // articles of that month, and alarm above quiet on threat every month.
    let tg = rows(&out.join("timeline_groups.csv"));
    let keys: Vec<(&str, &str, &str)> = tg
        .iter()
        .map(|r| {
            (
                r["period"].as_str(),
                r["group"].as_str(),
                r["articles"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        keys,
        [
            ("2024-01", "alarm", "2"),
            ("2024-01", "quiet", "2"),
            ("2024-02", "alarm", "2"),
            ("2024-02", "quiet", "2"),
            ("2024-03", "alarm", "2"),
            ("2024-03", "quiet", "2"),
        ]
    );
    for pair in tg.chunks(2) {
        assert!(num(&pair[0], "threat_per_1k") > num(&pair[1], "threat_per_1k"));
        assert_eq!(num(&pair[1], "threat_per_1k"), 0.0);
    }
    let md = read(&out.join("report.md"));
    assert!(md.contains("(timeline_groups.png)") && md.contains("`timeline_groups.csv`"));
    // Both groups write every month: no period is one group's.
    assert!(!md.contains("Who wrote in each period"));
    for h in [
        "## Comparing groups",
        "## Key terms (keyness)",
        "## Collocations",
        "## Frames over time",
    ] {
        assert!(md.contains(h), "{h}");
    }
    let json = read(&out.join("analysis.json"));
    assert!(json.contains("\"groups\"") && json.contains("\"keyness\""));

    // group_clusters.csv counts each group's articles per cluster as
    // articles.csv and clusters.csv give them, and the report shows the table.
    let group_of: std::collections::BTreeMap<String, String> = rows(&out.join("articles.csv"))
        .into_iter()
        .map(|r| (r["id"].clone(), r["group"].clone()))
        .collect();
    let mut want: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for r in rows(&out.join("clusters.csv")) {
        *want
            .entry((group_of[&r["article_id"]].clone(), r["cluster"].clone()))
            .or_default() += 1;
    }
    let gc = rows(&out.join("group_clusters.csv"));
    for r in &gc {
        let key = (r["group"].clone(), r["cluster"].clone());
        assert_eq!(
            r["articles"].parse::<usize>().unwrap(),
            want.get(&key).copied().unwrap_or(0),
            "{r:?}"
        );
    }
    let total: usize = gc
        .iter()
        .map(|r| r["articles"].parse::<usize>().unwrap())
        .sum();
    assert_eq!(total, 12);
    assert!(
        md.contains("**Groups and clusters.**"),
        "group × cluster table"
    );
    assert!(md.contains("| Cluster | alarm | quiet |"), "{md}");
}

#[test]
fn outputs_are_deterministic() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    two_outlets(&corpus);
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    for o in [&a, &b] {
        let (code, err) = analyze(&[corpus.to_str().unwrap(), "--out", o.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
    }
    for f in [
        "groups.csv",
        "keyness.csv",
        "collocations.csv",
        "timeline.csv",
        "timeline_groups.csv",
        "groups.png",
        "keyness.png",
        "timeline.png",
        "timeline_groups.png",
    ] {
        assert!(
            fs::read(a.join(f)).unwrap() == fs::read(b.join(f)).unwrap(),
            "{f} differs"
        );
    }
    // Another seed moves the bootstrap intervals, not the means.
    let c = tmp.path().join("c");
    analyze(&[
        corpus.to_str().unwrap(),
        "--out",
        c.to_str().unwrap(),
        "--seed",
        "7",
    ]);
    let (x, y) = (rows(&a.join("groups.csv")), rows(&c.join("groups.csv")));
    assert_eq!(
        x,
        {
            let mut y = y.clone();
            for (r, s) in y.iter_mut().zip(&x) {
                for (k, v) in r.iter_mut() {
                    if k.ends_with("_ci_low") || k.ends_with("_ci_high") {
                        *v = s[k].clone();
                    }
                }
            }
            y
        },
        "means and sds do not depend on the seed"
    );
    let moved = x
        .iter()
        .zip(&y)
        .any(|(r, s)| r.keys().any(|k| k.ends_with("_ci_low") && r[k] != s[k]));
    assert!(moved, "another seed gives other intervals");
}

#[test]
fn one_group_compares_clusters_and_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("flat");
    fs::create_dir_all(&corpus).unwrap();
    for i in 0..6 {
        let lines = if i % 2 == 0 { THREAT } else { CALM };
        fs::write(corpus.join(format!("a{i}.txt")), lines.join(" ")).unwrap();
    }
    let out = tmp.path().join("out");
    let (code, err) = analyze(&[corpus.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let g = rows(&out.join("groups.csv"));
    assert_eq!(g.len(), 1);
    assert_eq!(g[0]["group"], "all articles");
    assert_eq!(g[0]["articles"], "6");
    let key = rows(&out.join("keyness.csv"));
    assert!(!key.is_empty());
    assert!(key.iter().all(|r| r["comparison"] == "cluster"));
    let md = read(&out.join("report.md"));
    assert!(md.contains("only one group, so keyness compares the clusters only"));
    assert!(!out.join("timeline.png").exists(), "no dates, no timeline");

    // Two articles: no clusters either, and still no crash.
    let two = tmp.path().join("two");
    fs::create_dir_all(&two).unwrap();
    fs::write(two.join("x.txt"), THREAT.join(" ")).unwrap();
    fs::write(two.join("y.txt"), CALM.join(" ")).unwrap();
    let out2 = tmp.path().join("out2");
    let (code, err) = analyze(&[two.to_str().unwrap(), "--out", out2.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(rows(&out2.join("groups.csv")).len(), 1);
    assert!(rows(&out2.join("keyness.csv")).is_empty());
}

#[test]
fn metadata_sidecar_and_front_matter_define_groups() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("flat");
    fs::create_dir_all(&corpus).unwrap();
    for i in 0..6 {
        let lines = if i < 3 { THREAT } else { CALM };
        let outlet = if i < 3 { "Daily Alarm" } else { "Quiet Times" };
        // Front matter in a plain-text file: outlet and date.
        fs::write(
            corpus.join(format!("a{i}.txt")),
            format!(
                "---\noutlet: {outlet}\ndate: 2023-1{}-0{}\n---\n{}",
                i % 2,
                i + 1,
                lines.join(" ")
            ),
        )
        .unwrap();
    }
    let out = tmp.path().join("out");
    let (code, err) = analyze(&[
        corpus.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--period",
        "year",
    ]);
    assert_eq!(code, 0, "{err}");
    let g = rows(&out.join("groups.csv"));
    let names: Vec<&str> = g.iter().map(|r| r["group"].as_str()).collect();
    assert_eq!(names, ["Daily Alarm", "Quiet Times"]);
    let t = rows(&out.join("timeline.csv"));
    assert_eq!(t.len(), 1);
    assert_eq!(
        (t[0]["period"].as_str(), t[0]["articles"].as_str()),
        ("2023", "6")
    );
    let art = read(&out.join("articles.csv"));
    assert!(!art.contains("outlet:"), "front matter is not article text");

    // A sidecar keyed by id (or file name) with an author column.
    let meta = tmp.path().join("meta.csv");
    fs::write(
        &meta,
        "id,author\na0,Smith\na1,Smith\na2.txt,Jones\na3,Jones\na4,Jones\nghost,Nobody\n",
    )
    .unwrap();
    let out2 = tmp.path().join("out2");
    let (code, err) = analyze(&[
        corpus.to_str().unwrap(),
        "--out",
        out2.to_str().unwrap(),
        "--metadata",
        meta.to_str().unwrap(),
        "--group-by",
        "author",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("ghost"), "unmatched row is reported: {err}");
    assert!(
        err.contains("a5"),
        "article without a row is reported: {err}"
    );
    let g = rows(&out2.join("groups.csv"));
    let got: Vec<(&str, &str)> = g
        .iter()
        .map(|r| (r["group"].as_str(), r["articles"].as_str()))
        .collect();
    assert_eq!(got, [("Jones", "3"), ("Smith", "2"), ("(none)", "1")]);
    // Keyness, like the differences, compares the named groups only: the
    // article without a group is neither a group nor part of "the rest".
    let k = rows(&out2.join("keyness.csv"));
    let groups: std::collections::BTreeSet<&str> = k
        .iter()
        .filter(|r| r["comparison"] == "group")
        .map(|r| r["group"].as_str())
        .collect();
    assert_eq!(groups, ["Jones", "Smith"].into_iter().collect());
    for r in k.iter().filter(|r| r["comparison"] == "group") {
        let n: usize = r["articles_group"].parse::<usize>().unwrap()
            + r["articles_rest"].parse::<usize>().unwrap();
        assert!(n <= 5, "the rest holds only named groups: {r:?}");
    }

    // --group-by a column nobody has: a clear error, exit 1.
    let (code, err) = analyze(&[
        corpus.to_str().unwrap(),
        "--out",
        tmp.path().join("out3").to_str().unwrap(),
        "--group-by",
        "editor",
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("--group-by 'editor'") && err.contains("outlet"),
        "{err}"
    );

    // A broken sidecar names the file and lines.
    fs::write(&meta, "id,author\na0,X\na0,Y\n").unwrap();
    let (code, err) = analyze(&[
        corpus.to_str().unwrap(),
        "--out",
        tmp.path().join("out4").to_str().unwrap(),
        "--metadata",
        meta.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("meta.csv") && err.contains("lines 2 and 3"),
        "{err}"
    );
}

#[test]
fn csv_corpus_group_column_and_group_by_date() {
    let tmp = tempfile::tempdir().unwrap();
    let table = tmp.path().join("corpus.csv");
    let mut w = csv::Writer::from_path(&table).unwrap();
    w.write_record(["id", "text", "paper", "published"])
        .unwrap();
    for i in 0..8 {
        let lines = if i % 2 == 0 { THREAT } else { CALM };
        let paper = if i % 2 == 0 { "A" } else { "B" };
        w.write_record([
            format!("r{i}"),
            lines.join(" "),
            paper.to_string(),
            format!("2024-0{}-15", 1 + i / 4),
        ])
        .unwrap();
    }
    w.flush().unwrap();
    let out = tmp.path().join("out");
    let (code, err) = analyze(&[
        table.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--id-column",
        "id",
        "--group-column",
        "paper",
        "--date-column",
        "published",
    ]);
    assert_eq!(code, 0, "{err}");
    let g: Vec<String> = rows(&out.join("groups.csv"))
        .iter()
        .map(|r| r["group"].clone())
        .collect();
    assert_eq!(g, ["A", "B"]);
    let out2 = tmp.path().join("out2");
    let (code, err) = analyze(&[
        table.to_str().unwrap(),
        "--out",
        out2.to_str().unwrap(),
        "--id-column",
        "id",
        "--date-column",
        "published",
        "--group-by",
        "date",
    ]);
    assert_eq!(code, 0, "{err}");
    let g: Vec<String> = rows(&out2.join("groups.csv"))
        .iter()
        .map(|r| r["group"].clone())
        .collect();
    assert_eq!(g, ["2024-01", "2024-02"]);
}

/// Every place a user reads a cluster number agrees: clusters.csv, the
/// report's tables and keyness headings, keyness.csv, the charts (read from
/// their SVG copies) and analysis.json all count from 1.
#[test]
fn cluster_numbers_agree_everywhere() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("flat");
    fs::create_dir_all(&corpus).unwrap();
    // More than six articles, so terms.png has one panel per cluster.
    for i in 0..8 {
        let lines = if i % 2 == 0 { THREAT } else { CALM };
        fs::write(corpus.join(format!("a{i}.txt")), lines.join(" ")).unwrap();
    }
    let out = tmp.path().join("out");
    let (code, err) = analyze(&[
        corpus.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--svg",
    ]);
    assert_eq!(code, 0, "{err}");
    let csv = rows(&out.join("clusters.csv"));
    let mut numbers: Vec<usize> = csv.iter().map(|r| r["cluster"].parse().unwrap()).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let k = numbers.len();
    assert!(k >= 2);
    assert_eq!(
        numbers,
        (1..=k).collect::<Vec<_>>(),
        "clusters.csv counts from 1"
    );
    // keyness.csv and the report's keyness headings.
    let key = rows(&out.join("keyness.csv"));
    let md = read(&out.join("report.md"));
    for n in &numbers {
        let name = format!("Cluster {n}");
        assert!(
            key.iter().any(|r| r["group"] == name),
            "keyness.csv lacks {name}"
        );
        assert!(
            md.contains(&format!("### {name} (")),
            "report lacks heading {name}"
        );
        // Charts: the map's legend and the terms panels.
        let map = read(&out.join("clusters.svg"));
        assert!(
            map.contains(&format!("{name} ·")),
            "clusters.svg lacks {name}"
        );
        let terms = read(&out.join("terms.svg"));
        assert!(
            terms.contains(&format!("{name} (")),
            "terms.svg lacks {name}"
        );
    }
    assert!(!md.contains("### Cluster 0"));
    // The report's cluster-of-each-article table uses the CSV's numbers.
    let table_rows: Vec<&str> = md
        .lines()
        .skip_while(|l| !l.starts_with("| # | Article | Cluster |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert_eq!(table_rows.len(), csv.len());
    for (line, row) in table_rows.iter().zip(&csv) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        assert_eq!(cells[3], row["cluster"], "{line}");
    }
    // analysis.json: the same numbers.
    let json: serde_json::Value = serde_json::from_str(&read(&out.join("analysis.json"))).unwrap();
    let asg = json["clustering"]["assignments"].as_array().unwrap();
    for (a, row) in asg.iter().zip(&csv) {
        assert_eq!(a["cluster"].to_string(), row["cluster"]);
    }
    let ids: Vec<u64> = json["clustering"]["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, (1..=k as u64).collect::<Vec<_>>());
}

#[test]
fn findings_state_the_group_difference_first_and_in_findings_csv() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    two_outlets(&corpus);
    let out = tmp.path().join("out");
    let (code, err) = analyze(&[corpus.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let f = rows(&out.join("findings.csv"));
    let threat = f
        .iter()
        .find(|r| r["kind"] == "difference" && r["frame"] == "threat")
        .expect("a threat difference");
    // Two groups: the one pair, alarm against quiet.
    assert_eq!(
        (threat["group_a"].as_str(), threat["group_b"].as_str()),
        ("alarm", "quiet")
    );
    assert_eq!(threat["is_finding"], "true", "{threat:?}");
    assert!(num(threat, "ci_low") > 0.0 && num(threat, "ci_low") <= num(threat, "difference"));
    assert!(
        (num(threat, "difference") - (num(threat, "value_a") - num(threat, "value_b"))).abs()
            < 1e-3
    );
    assert!(
        threat["text"].starts_with("alarm uses more threat framing than quiet: "),
        "{}",
        threat["text"]
    );
    // A frame neither group uses differs by 0: not a finding, said plainly.
    let none: Vec<_> = f
        .iter()
        .filter(|r| {
            r["kind"] == "difference" && num(r, "value_a") == 0.0 && num(r, "value_b") == 0.0
        })
        .collect();
    assert!(!none.is_empty());
    for r in none {
        assert_eq!(r["is_finding"], "false", "{r:?}");
        assert!(
            r["text"].contains("so this is not a finding"),
            "{}",
            r["text"]
        );
    }
    assert!(f
        .iter()
        .any(|r| r["kind"] == "most_threat" && r["group_a"] == "alarm"));
    assert!(f.iter().any(|r| r["kind"] == "caution"));
    // The report says the same sentence before anything else, linked to its section.
    let html = read(&out.join("report.html"));
    let escaped = threat["text"].replace('<', "&lt;").replace('>', "&gt;");
    let said = html.find(escaped.as_str()).expect("finding in report.html");
    assert!(said < html.find("id=\"articles\"").unwrap());
    assert!(html[said..].starts_with(&format!("{} <a href=\"#comparing-groups\">", escaped)));
    let md = read(&out.join("report.md"));
    assert!(md.contains("## Findings"));
    // The charts' sections stay in the report; their long tables go to the appendix.
    let appendix = read(&out.join("appendix.html"));
    for id in ["comparing-groups", "key-terms-keyness", "frames-over-time"] {
        assert!(
            html.contains(&format!("id=\"{id}\"")),
            "{id} not in the report"
        );
        assert!(
            !appendix.contains(&format!("id=\"{id}\"")),
            "{id} in the appendix"
        );
    }
    for id in ["collocations", "evidence", "method", "spread-within-groups"] {
        assert!(
            appendix.contains(&format!("id=\"{id}\"")),
            "{id} not in the appendix"
        );
    }
    // The same rows in analysis.json.
    let json: serde_json::Value = serde_json::from_str(&read(&out.join("analysis.json"))).unwrap();
    assert_eq!(json["findings"]["items"].as_array().unwrap().len(), f.len());
    assert_eq!(json["findings"]["comparison"], "pair");
}

/// [`two_outlets`] and a third, "later", of 4 articles with a calm and a
/// threatening sentence each.
fn three_outlets(root: &Path) {
    two_outlets(root);
    let third = root.join("later");
    fs::create_dir_all(&third).unwrap();
    for i in 0..4 {
        fs::write(
            third.join(format!("l{i}.txt")),
            format!("Later report {i}\n\n{} {}", CALM[i], THREAT[i]),
        )
        .unwrap();
    }
}

#[test]
fn three_groups_compare_each_with_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    three_outlets(&corpus);
    let out = tmp.path().join("out");
    let (code, err) = analyze(&[corpus.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let f = rows(&out.join("findings.csv"));
    let diffs: Vec<_> = f.iter().filter(|r| r["kind"] == "difference").collect();
    // 3 groups x (7 frames + sentiment).
    assert_eq!(diffs.len(), 24);
    assert!(diffs.iter().all(|r| r["group_b"] == "the rest"));
    let html = read(&out.join("report.html"));
    assert!(html.contains("each group is compared with all other articles together"));
}

/// Three outlets and an article without one: every pair of outlets on every
/// measure in group_pairs.csv, "(none)" never paired, and the report says
/// which pairs hold.
#[test]
fn three_groups_are_also_compared_pair_by_pair() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    three_outlets(&corpus);
    fs::write(
        corpus.join("loose.txt"),
        format!("A loose article\n\n{} {}", THREAT[0], THREAT[1]),
    )
    .unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    for o in [&a, &b] {
        let (code, err) = analyze(&[corpus.to_str().unwrap(), "--out", o.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
    }
    let csv = read(&a.join("group_pairs.csv"));
    assert_eq!(
        csv.lines().next().unwrap(),
        "group_a,group_b,measure,articles_a,articles_b,mean_a,mean_b,difference,ci_low,ci_high,cohens_d,p,p_holm,holds,matches_a,matches_b,too_few_matches"
    );
    assert_eq!(
        fs::read(a.join("group_pairs.csv")).unwrap(),
        fs::read(b.join("group_pairs.csv")).unwrap(),
        "group_pairs.csv differs between two runs"
    );
    let pairs = rows(&a.join("group_pairs.csv"));
    // 3 pairs x (7 frames + sentiment), the articles without a group in none.
    assert_eq!(pairs.len(), 24);
    let named: std::collections::BTreeSet<(&str, &str)> = pairs
        .iter()
        .map(|r| (r["group_a"].as_str(), r["group_b"].as_str()))
        .collect();
    assert_eq!(
        named.into_iter().collect::<Vec<_>>(),
        [("alarm", "later"), ("alarm", "quiet"), ("later", "quiet")]
    );
    let threat = pairs
        .iter()
        .find(|r| r["group_a"] == "alarm" && r["group_b"] == "quiet" && r["measure"] == "threat")
        .unwrap();
    assert_eq!(threat["holds"], "true", "{threat:?}");
    assert!(num(threat, "p_holm") >= num(threat, "p") && num(threat, "p_holm") < 0.05);
    assert_eq!(threat["articles_a"], "6");
    // A frame no outlet uses: no difference, nothing holds.
    for r in pairs
        .iter()
        .filter(|r| num(r, "mean_a") == 0.0 && num(r, "mean_b") == 0.0)
    {
        assert_eq!(r["holds"], "false", "{r:?}");
    }
    let md = read(&a.join("report.md"));
    assert!(md.contains("**Pairs of groups.**"), "pairs paragraph");
    assert!(
        md.contains("These 24 comparisons are corrected together"),
        "{md}"
    );
    assert!(
        md.contains("alarm uses more threat framing than quiet: ")
            && md.contains("holds after Holm's correction over 24 pair comparisons"),
        "pair sentence"
    );
    assert!(
        md.contains("| group_pairs.csv | Every pair of groups"),
        "Files table"
    );
    let json: serde_json::Value = serde_json::from_str(&read(&a.join("analysis.json"))).unwrap();
    let jp = json["groups"]["pairs"].as_array().unwrap();
    assert_eq!(jp.len(), 24);
    assert!(jp
        .iter()
        .any(|p| p["holds"] == true && p["measure"] == "threat"));
}

/// The subfolders a student sorted the files into are the groups, also
/// when files name an outlet of their own (an export's "The Guardian
/// (London)", front matter's outlet:); that outlet stays for --group-by.
#[test]
fn subfolders_are_the_groups_before_the_outlet_a_file_names() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("c");
    for (sub, i, named) in [
        ("guardian", 0, Some("The Guardian (London)")),
        ("guardian", 1, None),
        ("guardian", 2, Some("The Guardian (London)")),
        ("bugle", 3, Some("Daily Bugle")),
        ("bugle", 4, None),
        ("bugle", 5, None),
    ] {
        let dir = corpus.join(sub);
        fs::create_dir_all(&dir).unwrap();
        let lines = if i < 3 { THREAT } else { CALM };
        let front = named.map_or(String::new(), |o| format!("---\noutlet: {o}\n---\n"));
        fs::write(
            dir.join(format!("a{i}.txt")),
            format!("{front}{}", lines.join(" ")),
        )
        .unwrap();
    }
    let out = tmp.path().join("out");
    let (code, err) = analyze(&[corpus.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let g = rows(&out.join("groups.csv"));
    let names: Vec<&str> = g.iter().map(|r| r["group"].as_str()).collect();
    assert_eq!(names, ["bugle", "guardian"]);
    assert!(
        err.contains("3 articles in subfolders name an outlet of their own (2 outlet names")
            && err.contains("--group-by outlet"),
        "{err}"
    );
    let out2 = tmp.path().join("out2");
    let (code, err) = analyze(&[
        corpus.to_str().unwrap(),
        "--out",
        out2.to_str().unwrap(),
        "--group-by",
        "outlet",
    ]);
    assert_eq!(code, 0, "{err}");
    let g = rows(&out2.join("groups.csv"));
    let names: Vec<&str> = g.iter().map(|r| r["group"].as_str()).collect();
    assert_eq!(names, ["Daily Bugle", "The Guardian (London)", "(none)"]);
}
