//! End-to-end: the files students have (Word, ODT, RTF, PDF, saved web
//! pages, news-database exports) read by the real binary. All fixtures are
//! made by the tests, with invented text: Word, ODT and RTF files by
//! `common::fixtures` (the builders the readers' unit tests use), PDFs with
//! `lopdf`, HTML as text.

mod common;

use common::fixtures::{
    docx_of, interleaved_columns, odt_of, pdf_placed_of, rtf_of, wrapped, zip_of,
};
use common::{analyze_ok, csv_maps as csv_rows, frame, run};
use std::collections::BTreeMap;
use std::fs;

const TITLE: &str = "Flood warning issued as river threatens valley towns";
const PARAS: &[&str] = &[
    "Residents of three valley towns were warned on Monday that the swollen river could burst its banks overnight, threatening hundreds of homes with dangerous flooding.",
    "The Environment Agency said the threat to life was real and urged people living near the water to move valuables upstairs and prepare to leave if told to do so.",
    "Emergency crews spent the afternoon stacking sandbags along the high street, where shop owners described the risk as the worst they had seen in twenty years.",
    "Officials stressed that the new flood defences were holding and that there was no need to panic. The council said rest centres were ready and that everyone would be safe.",
    "Police reassured the public that roads would be monitored through the night and that help was available for elderly and vulnerable residents who needed support.",
];

/// A PDF with the paragraphs wrapped into lines of about 80 characters.
fn pdf_of(paras: &[&str]) -> Vec<u8> {
    let mut page = Vec::new();
    let mut y = 800.0;
    for p in paras {
        for line in wrapped(p, 80) {
            page.push((40.0, y, 10.0, line));
            y -= 13.0;
        }
        // A blank line between paragraphs, as a printed page leaves one.
        y -= 13.0;
    }
    pdf_placed_of(&[page])
}

/// The article as a browser saves the page: site furniture around it.
fn page_of(title: &str, paras: &[&str]) -> String {
    let body: String = paras.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} - BBC News</title>
<meta property="og:site_name" content="BBC News">
<meta property="article:published_time" content="2024-03-04T18:00:00Z">
<meta name="author" content="Jane Reporter">
<script>var tracking = "danger threat attack";</script></head><body>
<div class="cookie-banner"><p>We use cookies. Accept all cookies to continue.</p></div>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>{title}</h1>
{body}</article>
<section class="related"><h2>More on this story</h2><ul><li><a href="/a">Killer storm threat: deadly danger warning</a></li><li><a href="/b">Attack fears as crisis deepens</a></li></ul></section>
<aside><h2>Most read</h2><ol><li><a href="/c">Terror alert raised amid threat</a></li></ol></aside>
<div id="comments"><p>Comment: this threat is a deadly danger to everyone!</p></div></main>
<footer><p>Copyright 2024 BBC. Read about our approach to external linking.</p></footer>
</body></html>"#
    )
}

fn all_paras() -> Vec<&'static str> {
    std::iter::once(TITLE)
        .chain(PARAS.iter().copied())
        .collect()
}

#[test]
fn one_article_in_six_formats_reads_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    let paras = all_paras();
    fs::write(input.join("a-text.txt"), paras.join("\n\n")).unwrap();
    fs::write(input.join("b-word.docx"), docx_of(&paras)).unwrap();
    fs::write(input.join("c-libre.odt"), odt_of(&paras)).unwrap();
    fs::write(input.join("d-rich.rtf"), rtf_of(&paras)).unwrap();
    fs::write(input.join("e-print.pdf"), pdf_of(&paras)).unwrap();
    fs::write(input.join("f-page.html"), page_of(TITLE, PARAS)).unwrap();
    let out = dir.path().join("out");
    let r = analyze_ok(&[&input], &out);
    assert!(!r.stderr.contains("skipped"), "{}", r.stderr);
    let arts = csv_rows(&out.join("articles.csv"));
    assert_eq!(arts.len(), 6, "{arts:?}");
    let words: Vec<f64> = arts.iter().map(|a| a["words"].parse().unwrap()).collect();
    for (a, w) in arts.iter().zip(&words) {
        assert!(
            (w - words[0]).abs() / words[0] <= 0.03,
            "{}: {w} words against {} in the .txt",
            a["id"],
            words[0]
        );
        assert_eq!(a["title"], TITLE, "{}", a["id"]);
    }
    // The web page's meta data: date, outlet (its group) and byline.
    let page = arts.iter().find(|a| a["id"] == "f-page").unwrap();
    assert_eq!(page["date"], "2024-03-04");
    assert_eq!(page["group"], "BBC News");
    assert_eq!(page["byline"], "Jane Reporter");
    // Same frame scores: the page's cookie banner, related links and
    // comments (full of threat words) are not counted.
    let frames = csv_rows(&out.join("frames.csv"));
    for frame_name in ["threat", "reassurance"] {
        let scores: Vec<(String, f64)> = frames
            .iter()
            .filter(|f| f["frame"] == frame_name)
            .map(|f| (f["article_id"].clone(), f["hits"].parse().unwrap()))
            .collect();
        assert_eq!(scores.len(), 6);
        for (id, s) in &scores {
            assert_eq!(*s, scores[0].1, "{frame_name} hits of {id}: {scores:?}");
        }
    }
}

type Art<'a> = (&'a str, &'a str, &'a str, &'a str, Vec<String>);

fn ten_articles(outlets: &[&str], year: u32) -> Vec<Art<'static>> {
    (0..10)
        .map(|i| {
            let title: &'static str = Box::leak(format!("Storm report number {} from the coast", i + 1).into_boxed_str());
            let outlet: &'static str = Box::leak(outlets[i % outlets.len()].to_string().into_boxed_str());
            let date: &'static str = Box::leak(format!("March {}, {year} Tuesday", i + 1).into_boxed_str());
            let body = vec![
                format!("Article {} says the storm caused damage along the coast and residents feared more danger.", i + 1),
                format!("Officials said the clean-up in district {} would take a week and that everyone was safe.", i + 1),
            ];
            (title, outlet, date, "Jane Smith", body)
        })
        .collect()
}

fn nexis_uni_docx(arts: &[Art]) -> Vec<u8> {
    let mut p: Vec<String> = vec![
        "User Name: =Student".into(),
        "Date and Time: = Tuesday, March 12, 2024 2:15:00 PM GMT".into(),
        "Job Number: 219837465".into(),
        format!("Documents ({})", arts.len()),
        "Client/Matter: -None-".into(),
        "Search Terms: storm".into(),
    ];
    for (i, (t, o, d, _, _)) in arts.iter().enumerate() {
        p.push(format!("{}. {t}", i + 1));
        p.push(o.to_string());
        p.push(d.to_string());
    }
    for (t, o, d, b, body) in arts {
        p.extend([t.to_string(), o.to_string(), d.to_string()]);
        p.push("Copyright 2024 Publisher Ltd All Rights Reserved".into());
        p.push("Section: NEWS; Pg. 3".into());
        p.push(format!(
            "Length: {} words",
            body.iter()
                .map(|x| x.split_whitespace().count())
                .sum::<usize>()
        ));
        p.push(format!("Byline: {b}"));
        p.push("Body".into());
        p.extend(body.iter().cloned());
        p.extend(
            [
                "Classification",
                "Language: ENGLISH",
                "Publication-Type: Newspaper",
                "Load-Date: March 20, 2024",
                "End of Document",
            ]
            .map(String::from),
        );
    }
    docx_of(&p.iter().map(String::as_str).collect::<Vec<_>>())
}

fn classic_txt(arts: &[Art]) -> String {
    let mut s = String::new();
    for (i, (t, o, d, b, body)) in arts.iter().enumerate() {
        s.push_str(&format!("                  {} of {} DOCUMENTS\n\n                  {o}\n\n                  {d}\n                  Final Edition\n\n{t}\n\nBYLINE: By {b}\n\nSECTION: NEWS; Pg. 2\n\nLENGTH: 40 words\n\n\n", i + 1, arts.len()));
        for p in body {
            s.push_str(&format!("{p}\n\n"));
        }
        s.push_str("LOAD-DATE: March 20, 2012\n\nLANGUAGE: ENGLISH\n\nPUBLICATION-TYPE: Newspaper\n\n                  Copyright 2012 Publisher Ltd\n\n\n");
    }
    s
}

#[test]
fn two_exports_give_twenty_articles_compared_by_outlet() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("exports");
    fs::create_dir(&input).unwrap();
    fs::write(
        input.join("nexis-uni.docx"),
        nexis_uni_docx(&ten_articles(&["The Coastal Times", "Daily Harbour"], 2024)),
    )
    .unwrap();
    fs::write(
        input.join("lexis.txt"),
        classic_txt(&ten_articles(&["Evening Gazette"], 2012)),
    )
    .unwrap();
    // A spreadsheet and a photo dropped in the same folder.
    fs::write(
        input.join("codes.xlsx"),
        zip_of(&[("xl/workbook.xml", "<workbook/>")]),
    )
    .unwrap();
    fs::write(input.join("photo.jpg"), b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00").unwrap();
    let out = dir.path().join("out");
    let r = run(frame()
        .arg("analyze")
        .arg(&input)
        .args(["--group-by", "outlet", "--out"])
        .arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("codes.xlsx") && r.stderr.contains("export the sheet as CSV"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("photo.jpg") && r.stderr.contains("image"),
        "{}",
        r.stderr
    );
    let report = fs::read_to_string(out.join("report.md")).unwrap();
    assert!(report.contains("photo.jpg") && report.contains("codes.xlsx"));
    let arts = csv_rows(&out.join("articles.csv"));
    assert_eq!(arts.len(), 20);
    for a in &arts {
        assert!(a["date"].len() == 10, "{a:?}");
        assert!(!a["outlet"].is_empty(), "{a:?}");
        assert_eq!(a["byline"], "Jane Smith");
    }
    let ids: Vec<&str> = arts.iter().map(|a| a["id"].as_str()).collect();
    assert_eq!(ids[0], "lexis#1");
    assert!(ids.contains(&"nexis-uni#10"));
    let a1 = arts.iter().find(|a| a["id"] == "nexis-uni#1").unwrap();
    assert_eq!(a1["title"], "Storm report number 1 from the coast");
    assert_eq!(a1["date"], "2024-03-01");
    assert_eq!(a1["outlet"], "The Coastal Times");
    assert_eq!(a1["section"], "NEWS");
    let groups = csv_rows(&out.join("groups.csv"));
    let names: Vec<&str> = groups.iter().map(|g| g["group"].as_str()).collect();
    assert_eq!(
        names,
        ["Daily Harbour", "Evening Gazette", "The Coastal Times"]
    );
    let n: Vec<&str> = groups.iter().map(|g| g["articles"].as_str()).collect();
    assert_eq!(n, ["5", "10", "5"]);
    let json = fs::read_to_string(out.join("analysis.json")).unwrap();
    assert!(
        json.contains("\"byline\":\"Jane Smith\"") || json.contains("\"byline\": \"Jane Smith\"")
    );
}

#[test]
fn factiva_rtf_and_repeats_across_exports() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    let mut p = Vec::new();
    for (i, outlet) in ["The Daily Paper", "Evening Post"].iter().enumerate() {
        p.extend([
            format!("HD Harbour wall holds in storm {}", i + 1),
            "BY Jane Smith".into(),
            "WC 24 words".into(),
            format!("PD {} March 2024", i + 5),
            format!("SN {outlet}"),
            "SC PAPR".into(),
            "LA English".into(),
            "CY (c) 2024 Publisher. All rights reserved.".into(),
            "LP The harbour wall held through the night and nobody was hurt, officials said."
                .into(),
            "TD Engineers will inspect it again on Friday before the next high tide arrives."
                .into(),
            "NS gcat : Political/General News".into(),
            format!("AN Document PAPR0000020240305e03500{i}0b"),
        ]);
    }
    let p: Vec<&str> = p.iter().map(String::as_str).collect();
    fs::write(input.join("factiva.rtf"), rtf_of(&p)).unwrap();
    // The same article again, printed on its own.
    fs::write(
        input.join("again.txt"),
        "Harbour wall holds in storm 1\n\nThe harbour wall held through the night and nobody was hurt, officials said.\n\nEngineers will inspect it again on Friday before the next high tide arrives.",
    )
    .unwrap();
    let out = dir.path().join("out");
    let r = analyze_ok(&[&input], &out);
    let arts = csv_rows(&out.join("articles.csv"));
    assert_eq!(arts.len(), 3, "{arts:?}");
    let f1 = arts.iter().find(|a| a["id"] == "factiva#1").unwrap();
    assert_eq!(f1["outlet"], "The Daily Paper");
    assert_eq!(f1["date"], "2024-03-05");
    assert_eq!(f1["database"], "Factiva");
    assert!(r.stderr.contains("duplicate"), "{}", r.stderr);
}

#[test]
fn import_writes_articles_that_read_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("nexis-uni.docx");
    fs::write(
        &export,
        nexis_uni_docx(&ten_articles(&["The Coastal Times"], 2024)),
    )
    .unwrap();
    let articles = dir.path().join("articles");
    let r = run(frame()
        .arg("import")
        .arg(&export)
        .arg("--out")
        .arg(&articles));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("wrote 10 articles from 1 file"),
        "{}",
        r.stderr
    );
    let first = fs::read_to_string(articles.join("nexis-uni-001.txt")).unwrap();
    assert!(first.starts_with("---\ntitle: Storm report number 1 from the coast\noutlet: The Coastal Times\ndate: 2024-03-01\nbyline: Jane Smith\nsection: NEWS\n"), "{first}");
    assert!(first.contains("position: 1\n"));
    // Run again: nothing is replaced, the new files get new names and frame says so.
    fs::write(articles.join("nexis-uni-002.txt"), "my corrected copy").unwrap();
    let r = run(frame()
        .arg("import")
        .arg(&export)
        .arg("--out")
        .arg(&articles));
    assert_eq!(r.code, 0);
    assert!(
        r.stderr.contains("already exists and was left untouched"),
        "{}",
        r.stderr
    );
    assert_eq!(
        fs::read_to_string(articles.join("nexis-uni-002.txt")).unwrap(),
        "my corrected copy"
    );
    assert!(articles.join("nexis-uni-001-2.txt").is_file());
    // The written files analyse as the export does: same titles, dates, outlets and words.
    let only_first = dir.path().join("first");
    fs::create_dir(&only_first).unwrap();
    for i in [1, 3, 4, 5, 6, 7, 8, 9, 10] {
        let name = format!("nexis-uni-{i:03}.txt");
        fs::copy(articles.join(&name), only_first.join(&name)).unwrap();
    }
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    analyze_ok(&[&export], &a);
    analyze_ok(&[&only_first], &b);
    let key = |r: &BTreeMap<String, String>| {
        (
            r["title"].clone(),
            r["date"].clone(),
            r["group"].clone(),
            r["words"].clone(),
            r["byline"].clone(),
        )
    };
    let mut from_export: Vec<_> = csv_rows(&a.join("articles.csv")).iter().map(key).collect();
    from_export.remove(1);
    let from_files: Vec<_> = csv_rows(&b.join("articles.csv")).iter().map(key).collect();
    assert_eq!(from_export, from_files);
}

#[test]
fn broken_documents_are_skipped_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    let paras = all_paras();
    let docx = docx_of(&paras);
    fs::write(input.join("cut.docx"), &docx[..docx.len() / 2]).unwrap();
    let pdf = pdf_of(&paras);
    fs::write(input.join("cut.pdf"), &pdf[..pdf.len() / 3]).unwrap();
    fs::write(input.join("scan.pdf"), pdf_of(&[])).unwrap();
    fs::write(
        input.join("old.doc"),
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
    )
    .unwrap();
    fs::write(input.join("cut.rtf"), &rtf_of(&paras)[..200]).unwrap();
    fs::write(input.join("good.txt"), paras.join("\n\n")).unwrap();
    fs::write(input.join(".DS_Store"), b"\0\0\0\x01Bud1").unwrap();
    let out = dir.path().join("out");
    let r = run(frame().arg("analyze").arg(&input).arg("--out").arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    for (file, why) in [
        ("cut.docx", "corrupt"),
        ("scan.pdf", "OCR"),
        ("old.doc", "save it as .docx"),
    ] {
        assert!(
            r.stderr
                .lines()
                .any(|l| l.contains(file) && l.contains(why)),
            "{file}: {why} not in {}",
            r.stderr
        );
    }
    assert!(r.stderr.contains("cut.pdf"), "{}", r.stderr);
    assert!(r.stderr.contains("1 hidden file"), "{}", r.stderr);
    let arts = csv_rows(&out.join("articles.csv"));
    assert!(arts.iter().any(|a| a["id"] == "good"));
}

#[test]
fn nexis_uni_as_rtf_and_a_forced_format() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    // The Nexis Uni structure survives in its RTF export.
    let mut p: Vec<String> = vec!["Documents (2)".into(), "1. Storm report".into()];
    for (i, outlet) in ["The Coastal Times", "Daily Harbour"].iter().enumerate() {
        p.extend([
            format!("Storm report number {} from the coast", i + 1),
            outlet.to_string(),
            format!("March {}, 2024 Friday", i + 1),
            "Length: 15 words".into(),
            "Byline: Jane Smith".into(),
            "Body".into(),
            format!(
                "The storm damaged {} roofs on the seafront and the harbour wall was closed.",
                i + 3
            ),
            "Load-Date: March 9, 2024".into(),
            "End of Document".into(),
        ]);
    }
    let p: Vec<&str> = p.iter().map(String::as_str).collect();
    fs::write(input.join("nexis.rtf"), rtf_of(&p)).unwrap();
    let out = dir.path().join("out");
    analyze_ok(&[&input], &out);
    let arts = csv_rows(&out.join("articles.csv"));
    let got: Vec<(&str, &str, &str)> = arts
        .iter()
        .map(|a| (a["id"].as_str(), a["date"].as_str(), a["group"].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("nexis#1", "2024-03-01", "The Coastal Times"),
            ("nexis#2", "2024-03-02", "Daily Harbour")
        ]
    );

    // A saved page whose markup does not start like HTML, under a name
    // that does not say what it is, is read as text unless --format html
    // says what it is (a .txt keeps its reader: detection placed it).
    let page = dir.path().join("page.saved");
    fs::write(&page, format!("<div>{}</div>", page_of(TITLE, PARAS))).unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    analyze_ok(&[&page], &a);
    let r = run(frame()
        .arg("analyze")
        .arg(&page)
        .args(["--format", "html", "-q", "--out"])
        .arg(&b));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let plain = &csv_rows(&a.join("articles.csv"))[0];
    let forced = &csv_rows(&b.join("articles.csv"))[0];
    assert_ne!(plain["title"], TITLE);
    assert_eq!(forced["title"], TITLE);
    assert_eq!(forced["group"], "BBC News");
}

#[test]
fn proquest_text_export() {
    let dir = tempfile::tempdir().unwrap();
    let line = "_".repeat(60);
    let mut s = format!("{line}\n\n");
    for (i, outlet) in ["The Guardian", "The Times"].iter().enumerate() {
        s.push_str(&format!(
            "Document {} of 2\n\nFlood barrier holds in town {}\n\nAuthor: Smith, Jane\n\n\
             Full text: The barrier held through the night and nobody was hurt, officials said.\n\n\
             Engineers will check it again on Friday.\n\nSubject: Floods\n\nTitle: Flood barrier holds in town {}\n\n\
             Publication title: {outlet}; London (UK)\n\nPublication date: Mar {}, 2024\n\nSection: UK News\n\n\
             ProQuest document ID: 2908765{i}\n\n{line}\n\n",
            i + 1,
            i + 1,
            i + 1,
            i + 5
        ));
    }
    let file = dir.path().join("proquest.txt");
    fs::write(&file, s).unwrap();
    let out = dir.path().join("out");
    analyze_ok(&[&file], &out);
    let arts = csv_rows(&out.join("articles.csv"));
    let got: Vec<(&str, &str, &str, &str)> = arts
        .iter()
        .map(|a| {
            (
                a["id"].as_str(),
                a["title"].as_str(),
                a["date"].as_str(),
                a["group"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "proquest#1",
                "Flood barrier holds in town 1",
                "2024-03-05",
                "The Guardian"
            ),
            (
                "proquest#2",
                "Flood barrier holds in town 2",
                "2024-03-06",
                "The Times"
            )
        ]
    );
    assert_eq!(arts[0]["words"], arts[1]["words"]);
}

/// Saved pages whose meta data is where news sites put it: the article in a
/// JSON-LD `@graph` (author and publisher `@id` references, no `og:` tags),
/// a byline element with the writer's role in an element of its own, and a
/// `<title>` as the only headline, with the site's name after it or a dash
/// inside the headline itself.
#[test]
fn saved_pages_give_headline_byline_date_and_outlet() {
    let body = |byline: &str| {
        let paras: String = PARAS.iter().map(|p| format!("<p>{p}</p>")).collect();
        format!(
            "<body><article><div class=\"byline\">{byline}</div>{paras}</article></body></html>"
        )
    };
    let graph = r##"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebPage","@id":"https://x.test/a#webpage","name":"Flood warning issued - The Coastal Times"},
        {"@type":["NewsArticle","Article"],"@id":"https://x.test/a#article","headline":"Flood warning issued as river rises",
         "datePublished":"2024-03-05T09:30:00+00:00","author":[{"@id":"https://x.test/#jane"},{"@type":"Person","name":"Tom Jones"}],
         "publisher":{"@id":"https://x.test/#org"}},
        {"@type":"NewsMediaOrganization","@id":"https://x.test/#org","name":"The Coastal Times"},
        {"@type":"Person","@id":"https://x.test/#jane","name":"Jane Smith"}]}</script>"##;
    let pages = [
        (
            "a-graph.html",
            format!(
                "<html><head><title>Flood warning issued - The Coastal Times</title>{graph}</head>{}",
                body("By Staff")
            ),
        ),
        (
            "b-byline.html",
            format!(
                "<html><head><title>Police reassure valley residents \u{2013} Valley Gazette</title></head>{}",
                body("By <a href=\"/jane\">Jane Smith</a><span>Political correspondent</span>")
            ),
        ),
        (
            "c-dash.html",
            format!(
                "<html><head><title>Brexit - what happens next for the UK economy</title></head>{}",
                body("Jane Smith, Health Editor")
            ),
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    for (name, page) in &pages {
        fs::write(input.join(name), page).unwrap();
    }
    let out = dir.path().join("out");
    analyze_ok(&[&input], &out);
    let arts = csv_rows(&out.join("articles.csv"));
    let get = |id: &str, col: &str| {
        let a = arts.iter().find(|a| a["id"] == id).unwrap();
        a[col].clone()
    };
    assert_eq!(
        get("a-graph", "title"),
        "Flood warning issued as river rises"
    );
    assert_eq!(get("a-graph", "byline"), "Jane Smith, Tom Jones");
    assert_eq!(get("a-graph", "date"), "2024-03-05");
    assert_eq!(get("a-graph", "group"), "The Coastal Times");
    assert_eq!(get("b-byline", "title"), "Police reassure valley residents");
    assert_eq!(get("b-byline", "byline"), "Jane Smith");
    assert_eq!(get("b-byline", "group"), "Valley Gazette");
    assert_eq!(
        get("c-dash", "title"),
        "Brexit - what happens next for the UK economy"
    );
    assert_eq!(get("c-dash", "byline"), "Jane Smith");
}

/// A folder of `n` one-paragraph articles.
fn many_articles(dir: &std::path::Path, n: usize) {
    fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        fs::write(
            dir.join(format!("a{i:05}.txt")),
            format!("Story {i}\n\nPolice warned of danger in district {i} as residents met.\n"),
        )
        .unwrap();
    }
}

/// Ctrl-C during an import removes this run's temporary file and says so
/// (it used to leave `.frame-tmp-*` files and print nothing); a temporary
/// file a killed import left is removed by the next import into the folder,
/// while a user's file that only looks like one is left alone.
#[test]
fn an_interrupted_import_leaves_no_temporary_file() {
    use std::process::Stdio;
    let tmp = tempfile::tempdir().unwrap();
    let (input, out) = (tmp.path().join("in"), tmp.path().join("imp"));
    many_articles(&input, 3000);
    let mut child = common::frame_process()
        .arg("import")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .arg("--quiet")
        .stdout(Stdio::null())
        .stderr(fs::File::create(tmp.path().join("stderr.txt")).unwrap())
        .spawn()
        .unwrap();
    // Wait for the first articles to be written.
    while fs::read_dir(&out).map_or(0, |d| d.count()) < 20 && child.try_wait().unwrap().is_none() {
        std::thread::yield_now();
    }
    let interrupted = child.try_wait().unwrap().is_none();
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    let stderr = fs::read_to_string(tmp.path().join("stderr.txt")).unwrap();
    let tmp_files = || {
        fs::read_dir(&out)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".frame-tmp-"))
            .collect::<Vec<_>>()
    };
    assert!(tmp_files().is_empty(), "{:?}", tmp_files());
    if interrupted && status.code() == Some(130) {
        assert!(stderr.contains("interrupted"), "{stderr}");
    }
    // What a SIGKILL leaves, and a user's look-alike.
    fs::write(out.join(".frame-tmp-99999-a00001.txt"), "half").unwrap();
    fs::write(out.join(".frame-tmp-notes.md"), "mine").unwrap();
    let one = tmp.path().join("one");
    many_articles(&one, 1);
    let r = run(frame().arg("import").arg(&one).arg("--out").arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("removed 1 temporary file left by an interrupted import"),
        "{}",
        r.stderr
    );
    assert_eq!(tmp_files(), vec![".frame-tmp-notes.md".to_string()]);
}

/// A PDF's page number, left out of the text, is listed in removed.csv
/// under the article and counted in its boilerplate_lines.
#[test]
fn a_pdfs_page_furniture_is_listed_in_removed_csv() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    let mut paras = all_paras();
    paras.push("Page 1 of 1");
    fs::write(input.join("print.pdf"), pdf_of(&paras)).unwrap();
    let out = dir.path().join("out");
    analyze_ok(&[&input], &out);
    let removed = csv_rows(&out.join("removed.csv"));
    let furniture: Vec<&str> = removed
        .iter()
        .filter(|r| r["rule"] == "page furniture")
        .map(|r| r["text"].as_str())
        .collect();
    assert_eq!(furniture, ["Page 1 of 1"], "{removed:?}");
    let arts = csv_rows(&out.join("articles.csv"));
    assert_eq!(arts[0]["boilerplate_lines"], removed.len().to_string());
    assert!(!fs::read_to_string(out.join("sentences.csv"))
        .unwrap()
        .contains("Page 1 of 1"));
}

/// A newspaper page set in two columns whose PDF draws them line by line
/// across the page reads column by column: the right column's sentences
/// are whole in sentences.csv, none of them joined to the left column's.
#[test]
fn a_two_column_pdf_reads_column_by_column() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    let (left, right) = (PARAS[0..2].join(" "), PARAS[2..4].join(" "));
    let mut page = vec![(50.0, 800.0, 18.0, TITLE.to_string())];
    page.extend(interleaved_columns(&left, &right, 770.0));
    fs::write(input.join("e-paper.pdf"), pdf_placed_of(&[page])).unwrap();
    let out = dir.path().join("out");
    analyze_ok(&[&input], &out);
    let sentences = fs::read_to_string(out.join("sentences.csv")).unwrap();
    for sentence in [
        PARAS[2],
        "Officials stressed that the new flood defences were holding and that there was no need to panic.",
        PARAS[1],
    ] {
        assert!(sentences.contains(sentence), "{sentence:?} not in {sentences}");
    }
    let arts = csv_rows(&out.join("articles.csv"));
    assert_eq!(arts[0]["title"], TITLE);
}
