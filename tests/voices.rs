//! End-to-end tests of "Who speaks, and where": voices.csv, speakers.csv,
//! positions.csv and voices.png, on articles written for the test.

mod common;

use common::{analyze_ok, csv_maps as csv_rows, folder, num};
use std::collections::BTreeMap;
use std::fs;

/// A reassuring narration around a threatening quote; a quote over two
/// paragraphs; an unattributed quote, which the mayor calling for calm
/// after it did not speak; a one-word phrase in quotation marks with no
/// speaker, which is narration.
const PLAIN: &str = "Council says the city centre is calm tonight

Officers reassured residents on Monday that the city centre is calm, safe and peaceful, and that families can enjoy the market.

“Violent gangs attack people here every night and the danger is growing,” said Inspector Jane Smith.

She added: “We fear more attacks this winter.

“Knife crime is a threat to everyone.”

Visitors were told to relax and enjoy the festive lights, which are beautiful this year.

A sign at the gate read “Welcome”.

Someone had painted on the old wall: “We are not leaving this town.” Mayor Tom Reed called for calm.
";

const MARKDOWN: &str = "# Minister says the new budget protects family incomes

The minister said on Tuesday that the budget would protect family incomes and support local shops across the country.

Critics said the plan was too small.
";

fn analyse() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let input = folder(
        dir.path(),
        "in",
        &[
            ("plain.txt", PLAIN.as_bytes()),
            ("budget.md", MARKDOWN.as_bytes()),
        ],
    );
    analyze_ok(&[&input], &dir.path().join("out"));
    dir
}

#[test]
fn voices_positions_and_speakers() {
    let dir = analyse();
    let out = dir.path().join("out");
    for f in ["voices.csv", "speakers.csv", "positions.csv", "voices.png"] {
        assert!(out.join(f).exists(), "{f} missing");
    }

    // Voices: narration reassures, the attributed quotes threaten.
    let voices = csv_rows(&out.join("voices.csv"));
    let plain: Vec<&BTreeMap<String, String>> = voices
        .iter()
        .filter(|r| r["article_id"] == "plain")
        .collect();
    let kinds: Vec<(&str, &str)> = plain
        .iter()
        .map(|r| (r["voice"].as_str(), r["speaker"].as_str()))
        .collect();
    assert_eq!(
        kinds,
        [("narration", ""), ("quote", "Jane Smith"), ("quote", "")]
    );
    let (narr, smith, anon) = (plain[0], plain[1], plain[2]);
    assert!(num(narr, "reassurance") > 0.0);
    assert_eq!(num(narr, "threat"), 0.0);
    assert!(num(narr, "sentiment") > 0.0);
    assert!(num(smith, "threat") > 0.0);
    assert_eq!(num(smith, "reassurance"), 0.0);
    assert!(num(smith, "sentiment") < 0.0);
    // The unattributed quotation, without the sign's "Welcome".
    assert_eq!(num(anon, "words"), 6.0);
    // Narration and quotes partition the article's words.
    let articles = csv_rows(&out.join("articles.csv"));
    let words: f64 = articles
        .iter()
        .find(|r| r["id"] == "plain")
        .map(|r| num(r, "words"))
        .unwrap();
    assert_eq!(plain.iter().map(|r| num(r, "words")).sum::<f64>(), words);

    // The quote over two paragraphs is one quote, attributed through "She added:".
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("analysis.json")).unwrap()).unwrap();
    let art = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "plain")
        .unwrap();
    let quotes = art["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 3);
    assert!(quotes.iter().all(|q| q["text"] != "Welcome"), "{quotes:?}");
    // The title goes from the speaker; the name as written stays with the quote.
    assert_eq!(quotes[1]["speaker"], "Jane Smith");
    assert_eq!(quotes[1]["written"], "Inspector Jane Smith");
    let text = quotes[1]["text"].as_str().unwrap();
    assert!(
        text.starts_with("We fear") && text.ends_with("everyone."),
        "{text}"
    );

    // Speakers across the corpus.
    let speakers = csv_rows(&out.join("speakers.csv"));
    let smith = speakers
        .iter()
        .find(|r| r["speaker"] == "Jane Smith")
        .unwrap();
    assert_eq!(
        (smith["articles"].as_str(), smith["quotes"].as_str()),
        ("1", "2")
    );
    assert!(!speakers.iter().any(|r| r["speaker"] == "Critics"));

    // Positions in plain text and Markdown.
    let pos = csv_rows(&out.join("positions.csv"));
    let part = |id: &str, p: &str| {
        pos.iter()
            .find(|r| r["article_id"] == id && r["part"] == p)
            .unwrap_or_else(|| panic!("{id} {p}"))
    };
    assert_eq!(num(part("plain", "headline"), "words"), 8.0);
    assert_eq!(num(part("plain", "lead"), "words"), 21.0);
    assert!(num(part("plain", "lead"), "reassurance") > 0.0);
    assert!(num(part("plain", "body"), "threat") > 0.0);
    assert_eq!(num(part("budget", "headline"), "words"), 8.0);
    assert_eq!(num(part("budget", "lead"), "words"), 19.0);
    assert_eq!(num(part("budget", "body"), "words"), 7.0);

    // The report explains the new tables.
    let md = fs::read_to_string(out.join("report.md")).unwrap();
    assert!(md.contains("Who speaks: narration and quotes"));
    assert!(md.contains("Where the frame sits: headline, lead and body"));
    assert!(md.contains("voices.png"));
}

#[test]
fn outputs_are_deterministic() {
    let (a, b) = (analyse(), analyse());
    for f in ["voices.csv", "speakers.csv", "positions.csv", "voices.png"] {
        let x = fs::read(a.path().join("out").join(f)).unwrap();
        let y = fs::read(b.path().join("out").join(f)).unwrap();
        assert!(x == y, "{f} differs between runs");
    }
}
