//! End-to-end: an article reads alike however it comes in. From a review:
//! a `--metadata` date was kept as written (written-out dates rejected
//! later, "2017-02-30" counted in 2017-02, no warning), where a date column
//! and front matter read it; and a table's title column was left out of the
//! article's words and matches, which a .txt's first line is not.

mod common;

use common::{analyze_ok, csv_maps, folder, frame, read, run};
use std::path::Path;

/// Three short dated articles and one more, each with its own words.
const ARTICLES: [(&str, &[u8]); 4] = [
    (
        "a.txt",
        b"Flood warning for the valley\n\nThe river rose overnight and homes were flooded.\n",
    ),
    (
        "b.txt",
        b"Storm reaches the coast\n\nThe storm hit the coast and the sea wall broke.\n",
    ),
    (
        "c.txt",
        b"Fire breaks out downtown\n\nA fire broke out in a warehouse near the station.\n",
    ),
    (
        "d.txt",
        b"Council approves the budget\n\nThe council approved the budget for next year.\n",
    ),
];

/// `frame analyze DIR --metadata META --out OUT`, which must succeed.
fn analyze_with_metadata(dir: &Path, meta: &Path, out: &Path) -> common::Run {
    let r = run(frame()
        .arg("analyze")
        .arg(dir)
        .arg("--metadata")
        .arg(meta)
        .arg("--out")
        .arg(out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    r
}

#[test]
fn metadata_dates_are_read_as_a_date_column_reads_them() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = folder(tmp.path(), "corpus", &ARTICLES);
    let meta = tmp.path().join("meta.csv");
    std::fs::write(
        &meta,
        "id,date\na,3 February 2017\nb,\"February 3, 2017\"\nc,2017-02-30\nd,2017-03-01\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let r = analyze_with_metadata(&dir, &meta, &out);
    assert!(
        r.stderr
            .contains("meta.csv:line 4: date '2017-02-30' is not a date frame can read"),
        "{}",
        r.stderr
    );
    let arts = csv_maps(&out.join("articles.csv"));
    let date = |id: &str| arts.iter().find(|a| a["id"] == id).unwrap()["date"].clone();
    assert_eq!(
        [date("a"), date("b"), date("c"), date("d")],
        ["2017-02-03", "2017-02-03", "", "2017-03-01"]
    );
    let timeline = read(&out.join("timeline.csv"));
    assert!(
        timeline.contains("2017-02,2,") && timeline.contains("2017-03,1,"),
        "{timeline}"
    );
    let md = read(&out.join("report.md"));
    let section = md.split("## Frames over time").nth(1).unwrap_or("");
    assert!(
        section.contains("Left out: 1 article whose date could not be read: c")
            && section.contains("dates written out as 5 March 2024")
            && !section.contains("only YYYY-MM-DD"),
        "{section}"
    );
}

/// The same impossible day in a table's date column and in front matter:
/// the date is empty in articles.csv and counted as unreadable, never as
/// its month.
#[test]
fn an_impossible_day_is_unreadable_in_every_source() {
    let tmp = tempfile::tempdir().unwrap();
    let table = tmp.path().join("t.csv");
    std::fs::write(
        &table,
        "id,date,text\na,2017-02-03,The river rose and homes were flooded.\n\
         b,2017-02-30,The storm hit the coast and the sea wall broke.\n\
         c,2017-03-01,A fire broke out in a warehouse near the station.\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let r = run(frame()
        .arg("analyze")
        .arg(&table)
        .args(["--id-column", "id", "--date-column", "date", "--out"])
        .arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("t.csv:line 3 (row 2): date '2017-02-30' is not a date frame can read"),
        "{}",
        r.stderr
    );
    let arts = csv_maps(&out.join("articles.csv"));
    assert_eq!(arts[1]["date"], "");
    let md = read(&out.join("report.md"));
    assert!(
        md.contains("1 article whose date could not be read: b"),
        "{md}"
    );

    let dir = folder(
        tmp.path(),
        "fm",
        &[
            (
                "a.txt",
                b"---\ndate: 2017-02-03\n---\nFlood\n\nThe river rose.\n",
            ),
            (
                "b.txt",
                b"---\ndate: 2017-02-30\n---\nStorm\n\nThe storm hit.\n",
            ),
        ],
    );
    let out = tmp.path().join("out-fm");
    analyze_ok(&[&dir], &out);
    let arts = csv_maps(&out.join("articles.csv"));
    assert_eq!(arts[1]["date"], "");
    assert!(read(&out.join("report.md")).contains("1 article whose date could not be read: b"));
}

/// From a review: article 1040 had 367 words and 19 threat matches as a
/// .txt, but 359 and 17 from a CSV with `--title-column` (its headline left
/// out), while positions.csv still scored an 8-word headline; `frame score`
/// ignored the title column. Now the title is the text's first paragraph,
/// a front-matter title too.
#[test]
fn a_title_column_counts_as_a_txt_files_first_line_does() {
    let title = "Air raids kill 18 civilians in the valley";
    let body = "Civilians were killed in air raids last week, an inquiry said.\n\n\
                The attack caused fear and danger in the town, residents said, and more bombing may follow.";
    let tmp = tempfile::tempdir().unwrap();
    let txt = format!("{title}\n\n{body}\n");
    let dir = folder(tmp.path(), "txt", &[("a1.txt", txt.as_bytes())]);
    let table = tmp.path().join("t.csv");
    std::fs::write(&table, format!("id,headline,body\na1,{title},\"{body}\"\n")).unwrap();
    let columns = [
        "--id-column",
        "id",
        "--title-column",
        "headline",
        "--text-column",
        "body",
    ];
    let out_txt = tmp.path().join("out-txt");
    analyze_ok(&[&dir], &out_txt);
    let out_csv = tmp.path().join("out-csv");
    let r = run(frame()
        .arg("analyze")
        .arg(&table)
        .args(columns)
        .arg("--out")
        .arg(&out_csv));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let article = |out: &Path| csv_maps(&out.join("articles.csv")).remove(0);
    let (a, b) = (article(&out_txt), article(&out_csv));
    for col in ["title", "words", "sentiment"] {
        assert_eq!(a[col], b[col], "{col}");
    }
    let hits = |out: &Path| -> Vec<(String, String)> {
        csv_maps(&out.join("frames.csv"))
            .into_iter()
            .map(|r| (r["frame"].clone(), r["hits"].clone()))
            .collect()
    };
    assert_eq!(hits(&out_txt), hits(&out_csv));
    // Front matter's title counts as well (it was left out of the text).
    let md = format!("---\ntitle: {title}\n---\n{body}\n");
    let dir_md = folder(tmp.path(), "md", &[("a1.md", md.as_bytes())]);
    let out_md = tmp.path().join("out-md");
    analyze_ok(&[&dir_md], &out_md);
    let c = article(&out_md);
    for col in ["title", "words", "sentiment"] {
        assert_eq!(a[col], c[col], "{col}");
    }
    assert_eq!(hits(&out_txt), hits(&out_md));
    // Headline, lead and body add up to the article.
    let parts: usize = csv_maps(&out_csv.join("positions.csv"))
        .iter()
        .map(|r| r["words"].parse::<usize>().unwrap())
        .sum();
    assert_eq!(parts.to_string(), b["words"]);

    // frame score reads the title column too, as the .txt's first line.
    let score = |args: &[&std::ffi::OsStr]| {
        let r = run(frame().arg("score").args(args));
        assert_eq!(r.code, 0, "{}", r.stderr);
        let row = common::csv_text_maps(&r.stdout).remove(0);
        row.into_iter()
            .filter(|(k, _)| k != "id")
            .collect::<Vec<_>>()
    };
    let mut with_title: Vec<&std::ffi::OsStr> = vec![table.as_os_str()];
    with_title.extend(columns.iter().map(std::ffi::OsStr::new));
    let from_txt = score(&[dir.join("a1.txt").as_os_str()]);
    assert_eq!(score(&with_title), from_txt);
    // Without the title column, the body alone, as before.
    let body_only = score(&[
        table.as_os_str(),
        std::ffi::OsStr::new("--text-column"),
        std::ffi::OsStr::new("body"),
    ]);
    assert_ne!(body_only, from_txt);
}

/// From a review: a hand-saved page without `og:title` or JSON-LD took its
/// headline from the `<title>`, the site's name included ("… | aljazeera"),
/// and left its `<h1>` aside, so the page scored other words than the same
/// article as a .txt. The `<h1>` is now the headline, once.
#[test]
fn a_saved_page_without_meta_data_reads_as_its_text_file() {
    let title = "Deadly car bombing rocks Iraq's Baghdad";
    let paras = [
        "A car bomb exploded at a busy market in Baghdad on Sunday, killing at least 20 people and wounding dozens more, police said.",
        "The attack caused fear and danger in the city, residents said, and officials warned that more bombings may follow.",
        "Security forces closed the roads around the market while ambulances took the wounded to hospital.",
    ];
    let txt = format!("{title}\n\n{}\n", paras.join("\n\n"));
    let body: String = paras.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    let html = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\
         <title>{title} | aljazeera</title></head><body>\
         <header><a href=\"/\">Home</a> <a href=\"/news\">News</a></header>\
         <main><article><h1>{title}</h1>\n{body}</article></main>\
         <footer><p>Copyright 2024</p></footer></body></html>"
    );
    let tmp = tempfile::tempdir().unwrap();
    let dir_txt = folder(tmp.path(), "txt", &[("a1.txt", txt.as_bytes())]);
    let dir_html = folder(tmp.path(), "html", &[("a1.html", html.as_bytes())]);
    let (out_txt, out_html) = (tmp.path().join("out-txt"), tmp.path().join("out-html"));
    analyze_ok(&[&dir_txt], &out_txt);
    analyze_ok(&[&dir_html], &out_html);
    let article = |out: &Path| csv_maps(&out.join("articles.csv")).remove(0);
    let (a, b) = (article(&out_txt), article(&out_html));
    assert_eq!(a["words"], b["words"]);
    assert_eq!(b["title"], title);
    let hits = |out: &Path| -> Vec<(String, String)> {
        csv_maps(&out.join("frames.csv"))
            .into_iter()
            .map(|r| (r["frame"].clone(), r["hits"].clone()))
            .collect()
    };
    assert_eq!(hits(&out_txt), hits(&out_html));
    assert!(
        hits(&out_txt).iter().any(|(_, h)| h != "0"),
        "{:?}",
        hits(&out_txt)
    );
}
