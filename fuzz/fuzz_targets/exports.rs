//! Fuzz the news-database export splitters (Nexis Uni, classic
//! LexisNexis, Factiva, ProQuest) and their detection. The first byte picks
//! the arm: `exports::split` on the text (as the app calls it, after the
//! plain-text reader), or one database's `looks_like` and `split` on the
//! text's paragraphs, whatever the marker check would say. Checks: no
//! panic; each article's metadata has known keys, one-line values, an ISO
//! date, its database and its number (its 1-based place, or the number a
//! classic LexisNexis export states; increasing); the articles' text
//! together is never more than twice the export (a headline is kept once in
//! the text and once as metadata, never twice in the text).
#![no_main]

mod shared;

use frame::input::exports::{self, factiva, fields, lexis_classic, nexis_uni, proquest};
use frame::input::formats::{self, Extracted};
use frame::model::options::InputFormat;
use libfuzzer_sys::fuzz_target;

const KEYS: &[&str] = &[
    "title", "outlet", "date", "byline", "section", "length", "database", "position",
];

fn check_articles(articles: &[Extracted], numbers: &[usize], database: &str, text: &str) {
    assert_eq!(numbers.len(), articles.len());
    assert!(numbers.first().is_none_or(|&n| n >= 1));
    assert!(numbers.windows(2).all(|w| w[0] < w[1]), "{numbers:?}");
    let mut total = 0usize;
    for (i, a) in articles.iter().enumerate() {
        shared::assert_meta(a, KEYS);
        let get = |k: &str| {
            a.meta
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(get("database"), Some(database));
        assert_eq!(get("position"), Some(numbers[i].to_string().as_str()));
        assert!(database == "LexisNexis" || numbers[i] == i + 1);
        if let Some(n) = get("length") {
            assert!(n.parse::<usize>().is_ok(), "length {n:?}");
        }
        let keys: Vec<&str> = a.meta.iter().map(|(k, _)| k.as_str()).collect();
        let mut unique = keys.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), keys.len(), "a key twice: {keys:?}");
        total += a.text.len();
    }
    assert!(
        total <= 2 * text.len() + 2 * articles.len(),
        "{total} bytes of articles from {} of export",
        text.len()
    );
}

fuzz_target!(init: shared::guard_aware_panic_hook(), |data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    match pick % 5 {
        0 => {
            // The way a .txt export reaches the splitter in the app.
            let e = formats::from_text(InputFormat::Text, text.to_string());
            for t in [text, e.text.as_str()] {
                if let Some(split) = exports::split(t) {
                    check_articles(&split.articles, &split.numbers, split.database, t);
                    assert!(split.warnings.iter().all(|w| !w.is_empty()));
                }
            }
        }
        n => {
            let paras = fields::paragraphs(text);
            let by_place = |(arts, _): (Vec<fields::ExportArticle>, Vec<String>)| {
                let numbers = (1..=arts.len()).collect();
                (arts, numbers)
            };
            let (database, looks, (arts, numbers)) = match n {
                1 => ("Nexis Uni", nexis_uni::looks_like(&paras), by_place(nexis_uni::split(&paras))),
                2 => {
                    let (arts, _, numbers) = lexis_classic::split(&paras);
                    ("LexisNexis", lexis_classic::looks_like(&paras), (arts, numbers))
                }
                3 => ("Factiva", factiva::looks_like(&paras), by_place(factiva::split(&paras))),
                _ => ("ProQuest", proquest::looks_like(&paras), by_place(proquest::split(&paras))),
            };
            let _ = looks;
            let articles: Vec<Extracted> = arts
                .into_iter()
                .zip(&numbers)
                .map(|(a, &n)| a.into_extracted(database, n))
                .collect();
            check_articles(&articles, &numbers, database, text);
        }
    }
});
