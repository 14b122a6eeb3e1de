//! Fuzz the news-database export splitters (Nexis Uni, classic
//! LexisNexis, Factiva, ProQuest) and their detection. The first byte picks
//! the arm: `exports::split` on the text (as the app calls it, after the
//! plain-text reader), or one database's `looks_like` and `split` on the
//! text's paragraphs, whatever the marker check would say. Checks: no
//! panic; each article's metadata has known keys, one-line values, an ISO
//! date, its database and its 1-based position; the articles' text together
//! is never more than twice the export (a headline is kept once in the text
//! and once as metadata, never twice in the text).
#![no_main]

mod shared;

use frame::input::exports::{self, factiva, fields, lexis_classic, nexis_uni, proquest};
use frame::input::formats::{self, Extracted};
use frame::model::options::InputFormat;
use libfuzzer_sys::fuzz_target;

const KEYS: &[&str] = &[
    "title", "outlet", "date", "byline", "section", "length", "database", "position",
];

fn check_articles(articles: &[Extracted], database: &str, text: &str) {
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
        assert_eq!(get("position"), Some((i + 1).to_string().as_str()));
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
                    check_articles(&split.articles, split.database, t);
                    assert!(split.warnings.iter().all(|w| !w.is_empty()));
                }
            }
        }
        n => {
            let paras = fields::paragraphs(text);
            let (database, looks, (arts, _)) = match n {
                1 => ("Nexis Uni", nexis_uni::looks_like(&paras), nexis_uni::split(&paras)),
                2 => ("LexisNexis", lexis_classic::looks_like(&paras), lexis_classic::split(&paras)),
                3 => ("Factiva", factiva::looks_like(&paras), factiva::split(&paras)),
                _ => ("ProQuest", proquest::looks_like(&paras), proquest::split(&paras)),
            };
            let _ = looks;
            let articles: Vec<Extracted> = arts
                .into_iter()
                .enumerate()
                .map(|(i, a)| a.into_extracted(database, i + 1))
                .collect();
            check_articles(&articles, database, text);
        }
    }
});
