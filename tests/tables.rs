//! End-to-end: tables (CSV, TSV, JSON Lines) and `--metadata` files as a
//! student brings them: a column named twice, Excel's `sep=` line, dates
//! whose day and month only the column settles, a site's name after each
//! title, and columns a flag would read that none names.

mod common;

use common::{analyze_with as analyze, assert_not_said, assert_said, csv_maps, frame, run};
use std::fs;

#[test]
fn a_repeated_column_frame_reads_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("dupcol.csv");
    fs::write(&csv, "id,text,text\n1,Flood a,Flood b\n").unwrap();
    let r = analyze(&csv, &[], &tmp.path().join("o"));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_said(
        &r,
        "dupcol.csv: the header names 2 columns 'text' (columns 2, 3)",
    );
    let r = run(frame().arg("score").arg(&csv));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_said(&r, "2 columns 'text'");
    let jsonl = tmp.path().join("dup.jsonl");
    fs::write(
        &jsonl,
        "{\"text\": \"Flood a\", \"text\": \"Flood b\"}\n{\"text\": \"The flood is a danger to the town\"}\n",
    )
    .unwrap();
    let r = run(frame().arg("score").arg(&jsonl));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_said(
        &r,
        "dup.jsonl:line 1: the key 'text', which frame reads for the text, is given more than once",
    );
    assert_eq!(r.stdout.lines().count(), 2, "{}", r.stdout);
}

/// Excel writes a `sep=;` line before the header of a CSV file: it says
/// the delimiter, the header is the next line, and messages name the
/// file's own lines.
#[test]
fn an_excel_sep_line_declares_the_delimiter() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("sepline.csv");
    fs::write(
        &csv,
        "sep=;\r\nid;title;text\r\n1;Floods;Floods hit the town, and residents fled.\r\n2;Council;Council blamed for the flood response by critics.\r\n3;Broken\r\n",
    )
    .unwrap();
    let out = tmp.path().join("report");
    let r = analyze(&csv, &["--title-column", "title"], &out);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_said(
        &r,
        "sepline.csv:line 5 (row 3): has 2 fields, the header has 3",
    );
    let arts = csv_maps(&out.join("articles.csv"));
    let ids: Vec<&str> = arts.iter().map(|a| a["id"].as_str()).collect();
    assert_eq!(ids, ["1", "2"]);
    assert_eq!(arts[0]["title"], "Floods");
}

/// From a tester: a `sep=;` line (Excel writes it) was read in article
/// tables but not in `--metadata` files; and a metadata column given twice
/// kept its last value without a word. Both go through the tables' rules.
#[test]
fn metadata_files_follow_the_table_rules() {
    let tmp = tempfile::tempdir().unwrap();
    let seeds = common::seeds();
    let md = tmp.path().join("md_sep.csv");
    fs::write(
        &md,
        "sep=;\r\nid;outlet\r\n000_3bdc49879786d167;Herald\r\n001_9efc418f29e62ccf;Post\r\n",
    )
    .unwrap();
    let out = tmp.path().join("o");
    let r = analyze(
        &seeds,
        &["--metadata", md.to_str().unwrap(), "--quiet"],
        &out,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let arts = csv_maps(&out.join("articles.csv"));
    let herald = arts
        .iter()
        .find(|a| a["id"] == "000_3bdc49879786d167")
        .unwrap();
    assert_eq!(herald["outlet"], "Herald", "{herald:?}");
    // A semicolon header without the line is read too; rows keep their lines.
    fs::write(
        &md,
        "id;outlet\n000_3bdc49879786d167;Herald\n001_9efc418f29e62ccf;Post;extra\n",
    )
    .unwrap();
    let r = analyze(&seeds, &["--metadata", md.to_str().unwrap()], &out);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_said(&r, "md_sep.csv: line 3: has 3 fields, the header has 2");
    // A column given twice is refused, naming the file, line and column.
    let dup = tmp.path().join("md.csv");
    fs::write(&dup, "id,outlet,Outlet\n000_3bdc49879786d167,H,P\n").unwrap();
    let r = analyze(
        &seeds,
        &["--metadata", dup.to_str().unwrap(), "--group-by", "outlet"],
        &tmp.path().join("o3"),
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_said(
        &r,
        "md.csv: line 1: the header names the column 'outlet' twice (columns 2 and 3)",
    );
    fs::write(&dup, "sep=,\nid,outlet,outlet\n000_3bdc49879786d167,H,P\n").unwrap();
    let r = analyze(
        &seeds,
        &["--metadata", dup.to_str().unwrap()],
        &tmp.path().join("o4"),
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_said(
        &r,
        "md.csv: line 2: the header names the column 'outlet' twice",
    );
}

/// From a real-input review: a spreadsheet's CSV gave its dates as
/// "2017/2/7" and "2/17/2017", and frame left 3,716 of 3,824 articles out
/// of the timeline. They are read, as ISO, when the day is clear; a date
/// that could be either is named, not guessed.
#[test]
fn spreadsheet_dates_are_read_when_the_day_is_clear() {
    let tmp = tempfile::tempdir().unwrap();
    let table = tmp.path().join("sheet.csv");
    fs::write(
        &table,
        "id,date,text\n\
         a,2017/2/7,Floods threaten the town and residents fear the danger.\n\
         b,2/17/2017,Storm danger grows as the river rises to a record.\n\
         c,3/5/2017,Officials say the threat of floods has passed.\n",
    )
    .unwrap();
    let out = tmp.path().join("o");
    let r = analyze(
        &table,
        &[
            "--text-column",
            "text",
            "--date-column",
            "date",
            "--id-column",
            "id",
        ],
        &out,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let dates: Vec<String> = csv_maps(&out.join("articles.csv"))
        .into_iter()
        .map(|m| format!("{}={}", m["id"], m["date"]))
        .collect();
    // "2/17/2017" settles month first for the column: "3/5/2017" is 5 March.
    assert_eq!(dates, ["a=2017-02-07", "b=2017-02-17", "c=2017-03-05"]);
    assert_not_said(&r, "is not a date frame can read");
}

/// Tables from news feeds and scrapers end each title with the outlet
/// ("Storm hits the coast - BBC News"): frame reads the title as the
/// headline, so the site's name is cut, said once, and kept as the outlet;
/// a speaker after a wire headline ("- Putin") stays.
#[test]
fn a_sites_name_after_a_tables_titles_is_cut_and_said() {
    let tmp = tempfile::tempdir().unwrap();
    let table = tmp.path().join("feed.csv");
    fs::write(
        &table,
        "id,title,text\n\
         a,Storm hits the coast - BBC News,A storm hit the coast and two people were hurt.\n\
         b,Floods close roads in Kent | The Guardian,Floods closed roads and residents fear the danger.\n\
         c,Russia ready to cooperate on Syria - Putin,The Kremlin said talks would go on.\n",
    )
    .unwrap();
    let out = tmp.path().join("o");
    let r = analyze(
        &table,
        &["--title-column", "title", "--id-column", "id"],
        &out,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows: Vec<String> = csv_maps(&out.join("articles.csv"))
        .into_iter()
        .map(|m| format!("{}|{}", m["title"], m["outlet"]))
        .collect();
    assert_eq!(
        rows,
        [
            "Storm hits the coast|BBC News",
            "Floods close roads in Kent|The Guardian",
            "Russia ready to cooperate on Syria - Putin|",
        ]
    );
    assert_said(&r, "feed.csv: 2 titles end in a site's name");
    // The outlet is a column --group-by can pick.
    let out2 = tmp.path().join("o2");
    let r = analyze(
        &table,
        &[
            "--title-column",
            "title",
            "--id-column",
            "id",
            "--group-by",
            "outlet",
        ],
        &out2,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

/// A table with columns named for a title and a date, read without the
/// flags, says which flags would read them; with the flags it says nothing.
#[test]
fn columns_no_flag_reads_are_named_with_the_flags() {
    let tmp = tempfile::tempdir().unwrap();
    let table = tmp.path().join("feed.csv");
    fs::write(
        &table,
        "title,date,text
Storm hits the coast,2024-03-01,A storm hit the coast and two people were hurt.
",
    )
    .unwrap();
    let r = analyze(&table, &[], &tmp.path().join("o"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_said(&r, "feed.csv: frame reads a table's titles, dates, ids and groups only from the columns named by flags; to use the columns this one has, add --title-column title --date-column date");
    let flags = ["--title-column", "title", "--date-column", "date"];
    let r = analyze(&table, &flags, &tmp.path().join("o2"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_not_said(&r, "only from the columns named by flags");
    let arts = csv_maps(&tmp.path().join("o2").join("articles.csv"));
    assert_eq!(
        (arts[0]["title"].as_str(), arts[0]["date"].as_str()),
        ("Storm hits the coast", "2024-03-01")
    );
}
