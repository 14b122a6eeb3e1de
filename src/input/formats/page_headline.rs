//! A saved page's headline from its `<h1>`, for a page whose JSON-LD and
//! meta data give none. Its `<title>` then holds the headline with the
//! site's and the section's names on either side ("Deadly car bombing
//! rocks Baghdad | Iraq News | Al Jazeera", "Al Jazeera | ..."), or the
//! site's name alone, while the `<h1>` is the headline as printed: the one
//! a .txt copy of the article opens with.

use super::title_suffix::{strip_site, MAX_NAME_WORDS, SEPARATORS};
use crate::input::headline::HEADLINE_MAX_WORDS;
use crate::input::repeated_title::words;
use dom_query::{Document, NodeRef};

/// The `<meta>` names and properties that give a page's title, as
/// Readability reads them: a page with one keeps that title.
const META_TITLE_KEYS: &[&str] = &[
    "dc:title",
    "dcterms:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
];

/// Fewest words of an `<h1>` the `<title>` does not hold for it to be the
/// headline: a shorter one ("World", "Live") is a section's label.
const MIN_UNHELD_WORDS: usize = 3;

/// Page parts whose `<h1>` is the site's logo or a panel's heading, unless
/// it stands inside the article or the main content.
const FURNITURE: &[&str] = &["header", "nav", "footer", "aside"];

/// Whether the page's meta data names a title (`og:title`, `twitter:title`
/// ...): then that title is the headline, as before.
pub fn has_meta_title(doc: &Document) -> bool {
    doc.select("meta[content]").nodes().iter().any(|m| {
        let filled = m.attr("content").is_some_and(|c| !c.trim().is_empty());
        let keys = [m.attr("property"), m.attr("name")];
        filled
            && keys.iter().flatten().any(|k| {
                k.split_whitespace().any(|k| {
                    let k = k.to_ascii_lowercase().replace('.', ":");
                    META_TITLE_KEYS.contains(&k.as_str())
                })
            })
    })
}

/// The texts of the page's `<h1>` elements (spaces collapsed), those inside
/// an `<article>` first, then those inside the main content, then the
/// others outside the page's header, menus, footer and side panels; a page
/// of several gives the article's headline first, not the logo's.
pub fn candidates(doc: &Document) -> Vec<String> {
    let mut ranked: Vec<(u8, String)> = doc
        .select("h1")
        .nodes()
        .iter()
        .filter_map(|h| {
            let text = h.text().split_whitespace().collect::<Vec<_>>().join(" ");
            Some((rank(h)?, text)).filter(|(_, t)| !t.is_empty())
        })
        .collect();
    // Stable: within a rank, the page's order.
    ranked.sort_by_key(|(r, _)| *r);
    ranked.into_iter().map(|(_, t)| t).collect()
}

/// Where an `<h1>` stands: 0 in an article, 1 in the main content, 2
/// elsewhere; `None` in the page's furniture (a site's logo).
fn rank(h: &NodeRef) -> Option<u8> {
    let up: Vec<NodeRef> = h.ancestors_it(None).collect();
    let is = |names: &[&str]| up.iter().any(|a| names.iter().any(|n| a.has_name(n)));
    if is(&["article"]) {
        Some(0)
    } else if is(&["main"]) || up.iter().any(|a| a.attr("role").as_deref() == Some("main")) {
        Some(1)
    } else if is(FURNITURE) {
        None
    } else {
        Some(2)
    }
}

/// The headline from the page's `<h1>` texts (`h1s`, best first) and the
/// outlet its `<title>` names beside it: the first `<h1>` that reads as a
/// headline (not the site's name, at most a headline's length, and held in
/// the `<title>` or of three words at least) is the headline, exactly as
/// printed. When the `<title>` holds it between
/// separators, what stands at the far end of the rest (after it, else
/// before it) is the site; otherwise the site is what the `<title>`'s
/// suffix rule finds. `None` without such an `<h1>`.
pub fn from_h1(
    h1s: &[String],
    title: &str,
    site: Option<&str>,
) -> Option<(String, Option<String>)> {
    let suffix = strip_site(title, site).1;
    let names: Vec<Vec<String>> = [site, suffix.as_deref()]
        .iter()
        .flatten()
        .map(|s| words(s))
        .collect();
    let in_title = words(title);
    let held = |w: &[String]| in_title.windows(w.len()).any(|x| x == w);
    let h1 = h1s.iter().find(|h| {
        let w = words(h);
        !w.is_empty()
            && w.len() <= HEADLINE_MAX_WORDS
            && !names.contains(&w)
            && (w.len() >= MIN_UNHELD_WORDS || held(&w))
    })?;
    let outlet = site_around(title, h1).or(suffix);
    Some((h1.clone(), outlet))
}

/// The site's name in a `<title>` that holds `headline` as whole
/// separator-delimited parts: the last part after it, else the first
/// before it, when it is as short as a name.
fn site_around(title: &str, headline: &str) -> Option<String> {
    let parts = parts(title);
    let target = words(headline);
    let (from, to) = (0..parts.len()).find_map(|i| {
        (i + 1..=parts.len())
            .find(|&j| words(&parts[i..j].join(" ")) == target)
            .map(|j| (i, j))
    })?;
    let far = if to < parts.len() {
        parts.last()
    } else {
        parts[..from].first()
    }?;
    let n = far.split_whitespace().count();
    (1..=MAX_NAME_WORDS).contains(&n).then(|| far.to_string())
}

/// A `<title>` cut at every separator, the parts trimmed.
fn parts(title: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = title;
    while let Some((at, len)) = SEPARATORS
        .iter()
        .filter_map(|sep| rest.find(sep).map(|at| (at, sep.len())))
        .min_by_key(|&(at, _)| at)
    {
        out.push(rest[..at].trim());
        rest = &rest[at + len..];
    }
    out.push(rest.trim());
    out
}

/// `text` (paragraphs apart by a blank line) without its first paragraph
/// that is `headline` (the same words): the `<h1>` Readability kept in the
/// article when the `<title>` did not name it, which the headline put
/// before the text would double.
pub fn without_headline(text: &str, headline: &str) -> String {
    let target = words(headline);
    let mut gone = false;
    text.split("\n\n")
        .filter(|p| {
            let drop = !gone && words(p) == target;
            gone |= drop;
            !drop
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "Deadly car bombing rocks Iraq's Baghdad";

    fn h1s(h: &[&str]) -> Vec<String> {
        h.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_h1_is_the_headline_and_the_far_part_of_the_title_the_site() {
        for (title, outlet) in [
            (format!("{HEAD} | aljazeera"), Some("aljazeera")),
            (
                format!("{HEAD} | Iraq News | Al Jazeera"),
                Some("Al Jazeera"),
            ),
            (
                format!("{HEAD} - Russian Politics & Diplomacy - TASS"),
                Some("TASS"),
            ),
            (format!("Al Jazeera | {HEAD}"), Some("Al Jazeera")),
            (
                format!("Al Jazeera \u{2013} {HEAD} \u{2013} Iraq News"),
                Some("Iraq News"),
            ),
            // The site's name alone: nothing to name the outlet by.
            ("Al Jazeera English".to_string(), None),
        ] {
            assert_eq!(
                from_h1(&h1s(&[HEAD]), &title, None),
                Some((HEAD.to_string(), outlet.map(str::to_string))),
                "{title}"
            );
        }
        // A headline with a dash inside is matched across it.
        let dashed = "Brexit - what happens next for the UK economy";
        assert_eq!(
            from_h1(&h1s(&[dashed]), &format!("{dashed} | BBC News"), None),
            Some((dashed.to_string(), Some("BBC News".to_string())))
        );
    }

    #[test]
    fn an_h1_that_is_the_sites_name_or_too_long_is_not_the_headline() {
        let title = format!("{HEAD} | Al Jazeera");
        assert_eq!(
            from_h1(&h1s(&["Al Jazeera", HEAD]), &title, None),
            Some((HEAD.to_string(), Some("Al Jazeera".to_string())))
        );
        assert_eq!(
            from_h1(
                &h1s(&["Valley Gazette"]),
                "Fire in town",
                Some("Valley Gazette")
            ),
            None
        );
        // A short `<h1>` the `<title>` does not hold is a section's label;
        // one it holds is a short headline.
        assert_eq!(from_h1(&h1s(&["World"]), &title, None), None);
        assert_eq!(
            from_h1(&h1s(&["Gearing up"]), "Gearing up | The Times", None),
            Some(("Gearing up".to_string(), Some("The Times".to_string())))
        );
        let long = "word ".repeat(HEADLINE_MAX_WORDS + 1);
        assert_eq!(from_h1(&h1s(&[&long]), &title, None), None);
        assert_eq!(from_h1(&[], &title, None), None);
    }

    #[test]
    fn the_articles_h1_comes_before_the_logos() {
        let doc = Document::from(
            "<html><head><meta property=\"og:site_name\" content=\"X\"></head><body>\
             <header><h1>Al Jazeera</h1></header><h1>Loose heading</h1>\
             <main><h1>Main heading</h1><article><header><h1>  Article \n heading </h1></header></article></main>\
             <aside><h1>Panel</h1></aside></body></html>",
        );
        assert_eq!(
            candidates(&doc),
            h1s(&["Article heading", "Main heading", "Loose heading"])
        );
        assert!(!has_meta_title(&doc));
        for tag in [
            "<meta property=\"og:title\" content=\"T\">",
            "<meta name=\"twitter:title\" content=\"T\">",
            "<meta name=\"DC.title\" content=\"T\">",
        ] {
            assert!(has_meta_title(&Document::from(tag)), "{tag}");
        }
        assert!(!has_meta_title(&Document::from(
            "<meta property=\"og:title\" content=\" \">"
        )));
    }

    #[test]
    fn the_h1_left_in_the_text_goes_once() {
        let text = format!("Iraq\n\n{HEAD}\n\nA car bomb exploded.\n\n{HEAD}");
        assert_eq!(
            without_headline(&text, "Deadly car bombing rocks Iraq\u{2019}s Baghdad"),
            format!("Iraq\n\nA car bomb exploded.\n\n{HEAD}")
        );
        assert_eq!(without_headline("A.\n\nB.", HEAD), "A.\n\nB.");
    }
}
