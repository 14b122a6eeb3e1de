//! Saved web pages: the article's main content, found as Firefox's reader
//! view finds it (a port of Mozilla's Readability), without navigation,
//! cookie notices, related links, comments or footers; the title without
//! the site's suffix; headline, byline, date and site name from the page's
//! JSON-LD, else its meta data, else its `<h1>` (or `<title>`) and byline
//! element.

use super::bylines::{self, DomByline};
use super::extracted::Extracted;
use super::guard;
use super::html::{article_elements, html_title, html_to_text, nesting_depth};
use super::json_ld::{self, ArticleLd};
use super::page_headline;
use super::teaser_lists;
use super::title_suffix::strip_site;
use super::{page_extras, page_times};
use dom_smoothie::{Article, Config, Readability, TextMode};

/// Page parts that are never the article's text, by the ids and classes
/// sites, blog software and consent tools give them: reader comments
/// (WordPress, Disqus), cookie banners (cookieconsent, OneTrust,
/// Cookiebot) and lists of other stories. Readability drops such parts by a
/// looser rule only on its first try, and on a short article it tries again
/// without it.
const NOT_THE_ARTICLE: &str = "#comments, .comments, .comment, .comment-list, .commentlist, \
    .comments-area, .comment-respond, #respond, #disqus_thread, \
    .cc-window, #onetrust-consent-sdk, #CybotCookiebotDialog, .cookie-banner, #cookie-banner, \
    .cookie-notice, #cookie-notice, \
    .most-read, .mostread, .most-popular, .more-stories, .related-stories, \
    .related-articles, .related-content, .recommended-stories";

/// The article of a saved web page with its metadata (`title`, `byline`,
/// `date`, `outlet`). A page Readability finds no article in is read whole
/// (visible text without page furniture), with a warning.
pub fn read(html: &str) -> Extracted {
    // The article finder walks the page's tree recursively: a page nested
    // deeper than any real one would overflow the stack and end the run.
    let depth = nesting_depth(html);
    if depth > MAX_NESTING {
        return whole_page(
            html,
            format!("its elements nest {depth} deep, more than the {MAX_NESTING} frame looks for an article in"),
        );
    }
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let parsed = guard::catch(|| {
        let doc = dom_query::Document::from(html);
        let ld = json_ld::read(&doc);
        let time_date = page_times::date(&doc);
        doc.select(NOT_THE_ARTICLE).remove();
        teaser_lists::remove(&doc);
        page_extras::remove(&doc);
        // Printed date lines, read once comments and other stories are gone.
        let printed_date = time_date
            .is_none()
            .then(|| page_times::printed_date(&doc))
            .flatten();
        let time_date = time_date.or(printed_date);
        page_times::separate_date_lines(&doc);
        let dom_byline = bylines::candidate(&doc);
        let h1s = page_headline::candidates(&doc);
        let meta_title = page_headline::has_meta_title(&doc);
        let mut r = Readability::with_document(doc, None, Some(cfg))?;
        let page_title = r.get_article_title().to_string();
        r.parse().map(|article| Found {
            article,
            ld,
            dom_byline,
            page_title,
            h1s,
            meta_title,
            time_date,
        })
    });
    let found = match parsed {
        Ok(Ok(f)) if !f.article.text_content.trim().is_empty() => f,
        other => {
            let why = match other {
                Ok(Err(e)) => e.to_string(),
                Err(p) => p,
                _ => "no text".into(),
            };
            return whole_page(html, why);
        }
    };
    let (meta, from_h1) = page_meta(&found, html);
    let article = found.article;
    let mut text = tidy(&article.text_content);
    let read = text.split_whitespace().count();
    // Readability drops the page's headline from the text; a saved article
    // starts with it, and the headline is scored as one.
    if let Some((_, title)) = meta.iter().find(|(k, _)| k == "title") {
        // Readability keeps the `<h1>` when the `<title>` does not name it
        // (the site's name alone): put first, it would stand twice.
        if from_h1 {
            text = page_headline::without_headline(&text, title);
        }
        text = crate::input::headline::with_headline(title, &text);
    }
    // A live blog or a page of stories holds several articles; the finder
    // keeps one, and what it leaves is named.
    let mut warnings = Vec::new();
    let (articles, in_articles) = article_elements(html);
    let missing = in_articles.saturating_sub(read);
    if articles >= 2 && missing >= LEFT_OUT_WORDS.max(in_articles / 4) {
        warnings.push(format!(
            "the page holds {articles} articles (<article> elements: a live blog or a page of \
             stories?) with {in_articles} words; frame read the main one, {read} words, and left \
             the others out: to analyse every entry, copy them into a .txt file"
        ));
    }
    Extracted {
        text,
        meta,
        warnings,
        wrapped: false,
        several_articles: None,
        removed: Vec::new(),
    }
}

/// What the article finder and the readers of its meta data found.
struct Found {
    article: Article,
    ld: Option<ArticleLd>,
    dom_byline: Option<DomByline>,
    /// The `<title>` as Readability cleans it, to tell a title taken from it.
    page_title: String,
    /// The texts of the page's `<h1>` elements, the article's first.
    h1s: Vec<String>,
    /// Whether the page's meta data names a title (`og:title` ...).
    meta_title: bool,
    /// The date the page's `<time>` elements give (`page_times::date`),
    /// else its printed date lines (`page_times::printed_date`).
    time_date: Option<String>,
}

/// The page's `title`, `byline`, `date` and `outlet`: JSON-LD first (as
/// Readability ranks it, but read whole: `@graph`, lists, `@id`
/// references), then the meta data Readability read, then the `<h1>`
/// (else the `<title>`), the byline element and the article's `<time>`;
/// and whether the title is the `<h1>`'s.
fn page_meta(found: &Found, html: &str) -> (Vec<(String, String)>, bool) {
    let article = &found.article;
    let ld = found.ld.as_ref();
    let nonempty = |s: &str| Some(clean(s)).filter(|s| !s.is_empty());
    let site = ld
        .and_then(|l| l.publisher.as_deref())
        .or(article.site_name.as_deref())
        .and_then(nonempty);
    // A title Readability took from the `<title>` was cut at its first
    // separator when the last left too few words; the whole `<title>` is
    // cut here, at its last separator only.
    let mut from_h1 = false;
    let (title, suffix) = match ld.and_then(|l| l.headline.as_deref()) {
        Some(headline) => strip_site(&clean(headline), site.as_deref()),
        None if clean(&article.title) == clean(&found.page_title) => {
            let whole = clean(&html_title(html).unwrap_or_else(|| article.title.clone()));
            // Without a headline in the meta data, the `<h1>` is the one
            // printed: the `<title>` adds the site's and the section's
            // names on either side, or is the site's name alone.
            let h1 = (!found.meta_title)
                .then(|| page_headline::from_h1(&found.h1s, &whole, site.as_deref()))
                .flatten();
            from_h1 = h1.is_some();
            h1.unwrap_or_else(|| strip_site(&whole, site.as_deref()))
        }
        None => strip_site(&clean(&article.title), site.as_deref()),
    };
    let mut meta = Vec::new();
    if !title.is_empty() {
        meta.push(("title".to_string(), title));
    }
    let byline = match ld.filter(|l| !l.authors.is_empty()) {
        Some(l) => Some(l.authors.join(", ")),
        // Readability's byline from the element is its text glued across
        // the element's parts; the parts read apart give the names.
        None => article.byline.as_deref().map(|b| match &found.dom_byline {
            Some(d) if clean(b) == d.glued => d.parts.clone(),
            _ => b.to_string(),
        }),
    };
    if let Some(b) = byline.map(|b| bylines::clean(&b)).filter(|b| !b.is_empty()) {
        meta.push(("byline".to_string(), b));
    }
    if let Some(d) = ld
        .and_then(|l| l.date.as_deref())
        .and_then(crate::input::exports::dates::iso_date)
        .or_else(|| {
            article
                .published_time
                .as_deref()
                .and_then(crate::input::exports::dates::iso_date)
        })
        .or_else(|| found.time_date.clone())
    {
        meta.push(("date".to_string(), d));
    }
    if let Some(s) = site.or(suffix) {
        meta.push(("outlet".to_string(), s));
    }
    (meta, from_h1)
}

/// Fewest words of a page's `<article>` elements missing from the text read
/// (and at least a quarter of them) for articles to count as left out; a
/// story's teasers of related stories stay below it.
const LEFT_OUT_WORDS: usize = 15;

/// Deepest nesting of elements in which an article is looked for; real
/// pages stay far below it.
const MAX_NESTING: usize = 2_000;

/// The page read whole (visible text without page furniture), with a
/// warning saying `why` no article was found.
fn whole_page(html: &str, why: String) -> Extracted {
    let mut meta = Vec::new();
    if let Some(t) = html_title(html) {
        let (title, suffix) = strip_site(&t, None);
        meta.push(("title".to_string(), title));
        meta.extend(suffix.map(|s| ("outlet".to_string(), s)));
    }
    Extracted {
        text: html_to_text(html),
        meta,
        warnings: vec![format!(
            "no article found in the page ({why}); its whole visible text was read"
        )],
        wrapped: false,
        several_articles: None,
        removed: Vec::new(),
    }
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Paragraphs separated by one blank line, spaces inside lines collapsed.
fn tidy(s: &str) -> String {
    s.split("\n\n")
        .map(|p| {
            p.lines()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A news page as a browser saves it: site header and navigation, a
    /// cookie banner, the article with meta data, related links, comments
    /// and a footer around the paragraphs given.
    pub(crate) fn page_of(title: &str, paras: &[&str]) -> String {
        let body: String = paras.iter().map(|p| format!("<p>{p}</p>\n")).collect();
        format!(
            r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} - BBC News</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="BBC News">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<style>body {{ font-family: sans-serif; }}</style>
<script>window.analytics = {{ track: function() {{}} }};</script>
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience. Accept all cookies or manage your settings.</p><button>Accept</button></div>
<header class="site-header"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></header>
<nav class="nav"><ul><li><a href="/world">World</a></li><li><a href="/uk">UK</a></li><li><a href="/business">Business</a></li></ul></nav>
<main><article class="article-body">
<h1>{title}</h1>
<p class="byline">By Jane Reporter</p>
{body}</article>
<section class="related-links"><h2>More on this story</h2><ul><li><a href="/a">Attack fears grow as danger rises</a></li><li><a href="/b">Threat of violence alarms town</a></li></ul></section>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="/c">Deadly crisis warning</a></li></ol></aside>
<section id="comments" class="comments"><h2>Comments</h2><div class="comment"><p>This is a terrible danger and a threat to us all!</p></div></section>
</main>
<footer class="site-footer"><p>Copyright 2024 BBC. The BBC is not responsible for the content of external sites.</p></footer>
</body></html>"#
        )
    }

    const PARAS: &[&str] = &[
        "Police have reassured residents of the town after a fire broke out at a warehouse on Monday night, saying there is no risk to the public and that the situation is under control.",
        "Firefighters worked through the night to contain the blaze, which started shortly after ten o'clock. Nobody was injured, and the nearby homes were not evacuated at any point.",
        "A council spokesperson said the road would reopen by Wednesday morning and thanked local people for their patience while crews made the site safe and cleared the debris.",
    ];

    #[test]
    fn main_content_and_meta_data() {
        let page = page_of("Warehouse fire under control, police say", PARAS);
        let e = read(&page);
        assert!(e.warnings.is_empty(), "{:?}", e.warnings);
        for p in PARAS {
            assert!(e.text.contains(p), "missing {p:?} in {:?}", e.text);
        }
        for junk in [
            "cookies",
            "Most read",
            "More on this story",
            "Attack fears",
            "terrible danger",
            "Copyright",
            "Weather",
            "analytics",
            "font-family",
        ] {
            assert!(!e.text.contains(junk), "{junk:?} kept in {:?}", e.text);
        }
        let get = |k: &str| {
            e.meta
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(
            get("title"),
            Some("Warehouse fire under control, police say")
        );
        assert_eq!(get("date"), Some("2024-03-05"));
        assert_eq!(get("outlet"), Some("BBC News"));
        assert_eq!(get("byline"), Some("Jane Reporter"));
    }

    /// From a real-input review: on a short article Readability kept the
    /// reader comments inside it, the cookie banner and a "Most read" list of
    /// story cards after it.
    #[test]
    fn comments_cookie_banners_and_story_lists_are_not_the_article() {
        let page = "<html><head><title>Council spends on new road</title></head><body>\
            <div class=\"cc-window\">We use cookies to improve your experience. Accept all cookies.</div>\
            <article class=\"main\"><h1>Council spends on new road</h1>\
            <p>The council will spend two million pounds on a new road, officials said on Monday.</p>\
            <p>Work starts in May and should end before the winter, the council said.</p>\
            <section id=\"comments\" class=\"comments\"><div class=\"comment\"><p>Dave says: Disgraceful waste, the council are corrupt.</p></div></section></article>\
            <div class=\"more-stories\"><h2>Most read</h2><article class=\"card\"><h3>Storm brings travel chaos</h3><p>Roads flooded.</p></article></div>\
            </body></html>";
        let text = read(page).text;
        assert!(text.contains("two million pounds"), "{text}");
        for gone in ["cookies", "Disgraceful", "Storm brings", "Most read"] {
            assert!(!text.contains(gone), "{gone}: {text}");
        }
    }

    /// From a real-input review: lists of other stories whose only mark
    /// is their heading ("Most read", "Related stories") were kept in a
    /// short article; a heading of the same words over text stays.
    #[test]
    fn story_lists_under_a_teaser_heading_are_not_the_article() {
        let page = "<html><head><title>Council spends on new road</title></head><body><div>\
            <h1>Council spends on new road</h1>\
            <p>The council will spend two million pounds on a new road, officials said on Monday.</p>\
            <p>Work starts in May and should end before the winter, the council said.</p>\
            <h2>Recommended</h2>\
            <p>The council recommended that a cycle lane be built beside the road as well.</p>\
            <h2>Most read</h2>\
            <ul><li><a href=\"/a\">Storm brings travel chaos to the north</a></li>\
            <li><a href=\"/b\">Deadly crash closes motorway</a></li></ul>\
            <div><h3>Related stories:</h3></div>\
            <div><a href=\"/d\">Danger of floods rises</a> <a href=\"/e\">Attack on bus shocks town</a></div>\
            <h4>You may also like</h4><a href=\"/f\">Crisis talks fail</a><a href=\"/g\">Threat to jobs</a>\
            </div></body></html>";
        let text = read(page).text;
        for kept in ["two million pounds", "Recommended", "cycle lane"] {
            assert!(text.contains(kept), "{kept}: {text}");
        }
        for gone in [
            "Most read",
            "Storm brings",
            "Deadly crash",
            "Related stories",
            "Danger of floods",
            "Attack on bus",
            "You may also like",
            "Crisis talks",
            "Threat to jobs",
        ] {
            assert!(!text.contains(gone), "{gone}: {text}");
        }
    }

    /// From a review: a page whose parts have no telling class or id kept,
    /// in a short article, the cookie notice, the reader comments under
    /// their heading and the footer's legal notice; in a long one, the
    /// comments and the footer.
    #[test]
    fn comments_cookie_and_legal_notices_without_telling_classes() {
        let page = |paras: &[&str]| {
            let body: String = paras.iter().map(|p| format!("<p>{p}</p>")).collect();
            format!(
                "<html><head><title>Warehouse fire - Evening Post</title></head><body>\
                 <div class=\"top\"><a href=\"/\">Home</a> | <a href=\"/news\">News</a></div>\
                 <div class=\"gdpr\"><p>This website uses cookies. We and our partners use cookies \
                 to personalise content and ads. Accept or manage settings.</p></div>\
                 <div class=\"content\"><h1>Warehouse fire under control</h1>{body}\
                 <h3>Reader comments</h3><p>Joe Bloggs wrote: This is a total disaster and a crisis.</p>\
                 <p>Ann wrote: I agree, shocking and dangerous.</p></div>\
                 <div class=\"foot\">Evening Post, 1 High Street. Registered in England No. 12345. \
                 All rights reserved.</div></body></html>"
            )
        };
        for paras in [&PARAS[..1], PARAS] {
            let text = read(&page(paras)).text;
            for p in paras {
                assert!(text.contains(p), "missing {p:?} in {text:?}");
            }
            for gone in [
                "cookies",
                "Reader comments",
                "disaster",
                "shocking",
                "Registered",
            ] {
                assert!(!text.contains(gone), "{gone}: {text}");
            }
        }
    }

    /// From a review: the date under the headline (a `<time>`) and the
    /// picture's caption after it were read as one line of text (now the
    /// date is a line of its own and the caption is left out), and a page
    /// without JSON-LD or meta dates had no date though its `<time
    /// datetime>` gave one.
    #[test]
    fn date_line_and_caption_are_not_text_and_the_time_gives_the_date() {
        let body: String = PARAS.iter().map(|p| format!("<p>{p}</p>")).collect();
        let page = format!(
            "<html><head><title>Warehouse fire | Daily Bugle</title></head><body>\
             <header><a href=\"/\">Daily Bugle</a><time datetime=\"2024-01-01\">1 Jan</time></header>\
             <main><article><h1>Warehouse fire under control, police say</h1>\
             <time datetime=\"2017-02-20\">20 February 2017</time>\
             <figure><img src=\"x.jpg\"><figcaption>Firefighters at the scene. Photograph: Getty \
             Images</figcaption></figure>{body}</article></main></body></html>"
        );
        let e = read(&page);
        assert_eq!(
            e.text,
            format!(
                "Warehouse fire under control, police say\n\n20 February 2017\n\n{}",
                PARAS.join("\n\n")
            )
        );
        assert!(
            e.meta.contains(&("date".into(), "2017-02-20".into())),
            "{:?}",
            e.meta
        );
        // A date in the meta data comes first.
        let with_meta = page.replacen(
            "</title>",
            "</title><meta property=\"article:published_time\" content=\"2017-02-21T08:00:00Z\">",
            1,
        );
        assert!(read(&with_meta)
            .meta
            .contains(&("date".into(), "2017-02-21".into())));
    }

    fn meta_of(page: &str) -> Vec<(String, String)> {
        let e = read(page);
        assert!(e.warnings.is_empty(), "{:?}", e.warnings);
        e.meta
    }

    fn pairs(kv: &[(&str, &str)]) -> Vec<(String, String)> {
        kv.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// A page without `og:` tags: its headline, date, authors and publisher
    /// in a JSON-LD `@graph`, by `@id` references (Readability read none).
    #[test]
    fn meta_data_from_a_json_ld_graph() {
        let body: String = PARAS.iter().map(|p| format!("<p>{p}</p>")).collect();
        let page = format!(
            r##"<html><head><title>Warehouse fire - Valley Gazette</title>
            <script type="application/ld+json">{{"@context":"https://schema.org","@graph":[
            {{"@type":"WebPage","@id":"#page","name":"Warehouse fire - Valley Gazette"}},
            {{"@type":["NewsArticle","Article"],"headline":"Warehouse fire under control, police say",
              "datePublished":"2024-03-05T09:30:00Z","author":[{{"@id":"#jane"}},{{"@type":"Person","name":"Tom Jones"}}],
              "publisher":{{"@id":"#org"}}}},
            {{"@type":"Organization","@id":"#org","name":"Valley Gazette"}},
            {{"@type":"Person","@id":"#jane","name":"Jane Smith"}}]}}</script>
            </head><body><article>{body}</article></body></html>"##
        );
        assert_eq!(
            meta_of(&page),
            pairs(&[
                ("title", "Warehouse fire under control, police say"),
                ("byline", "Jane Smith, Tom Jones"),
                ("date", "2024-03-05"),
                ("outlet", "Valley Gazette"),
            ])
        );
    }

    /// A page with only a `<title>` and a byline element whose role is an
    /// element of its own: the name alone, the title without the site's
    /// name (which names the outlet), and a dash inside a headline kept.
    #[test]
    fn meta_data_from_the_title_and_the_byline_element() {
        let page = |title: &str, byline: &str| {
            let body: String = PARAS.iter().map(|p| format!("<p>{p}</p>")).collect();
            format!(
                "<html><head><title>{title}</title></head><body><article>\
                 <div class=\"byline\">{byline}</div>{body}</article></body></html>"
            )
        };
        assert_eq!(
            meta_of(&page(
                "Warehouse fire under control \u{2013} Valley Gazette",
                "By <a href=\"/jane\">Jane Smith</a><span>Political correspondent</span>"
            )),
            pairs(&[
                ("title", "Warehouse fire under control"),
                ("byline", "Jane Smith"),
                ("outlet", "Valley Gazette"),
            ])
        );
        assert_eq!(
            meta_of(&page(
                "Brexit - what happens next for the UK economy",
                "Jane Smith, Health Editor"
            )),
            pairs(&[
                ("title", "Brexit - what happens next for the UK economy"),
                ("byline", "Jane Smith"),
            ])
        );
    }

    /// A hand-saved page without `og:` tags or JSON-LD: its `<title>`, the
    /// `<h1>` (if any) in its article, and the paragraphs.
    fn bare_page(title: &str, h1: Option<&str>) -> String {
        let body: String = PARAS.iter().map(|p| format!("<p>{p}</p>")).collect();
        let h1 = h1.map(|h| format!("<h1>{h}</h1>")).unwrap_or_default();
        format!(
            "<html><head><title>{title}</title></head><body>\
             <header><a href=\"/\">Home</a></header><article>{h1}{body}</article></body></html>"
        )
    }

    const HEAD: &str = "Deadly car bombing rocks Iraq's Baghdad";

    /// The title and outlet read, and the text, which must open with the
    /// headline once and hold it nowhere else.
    fn headline_of(page: &str) -> (Vec<(String, String)>, String) {
        let e = read(page);
        assert!(e.warnings.is_empty(), "{:?}", e.warnings);
        assert!(e.text.starts_with(&format!("{HEAD}\n\n")), "{}", e.text);
        assert_eq!(e.text.matches("car bombing").count(), 1, "{}", e.text);
        assert!(e.text.contains(PARAS[2]), "{}", e.text);
        (e.meta, e.text)
    }

    /// From a review: without `og:title` or JSON-LD the `<title>` was the
    /// headline, with the site's and the section's names in it ("… |
    /// aljazeera", "… | Iraq News"), so the page scored other words than
    /// the same article as a .txt. The `<h1>` is the headline as printed.
    #[test]
    fn a_page_without_meta_data_takes_its_headline_from_the_h1() {
        for (title, outlet) in [
            (format!("{HEAD} | aljazeera"), "aljazeera"),
            (format!("{HEAD} | Iraq News | Al Jazeera"), "Al Jazeera"),
            (
                format!("{HEAD} - Russian Politics &amp; Diplomacy - TASS"),
                "TASS",
            ),
            (format!("Al Jazeera | {HEAD}"), "Al Jazeera"),
        ] {
            let (meta, _) = headline_of(&bare_page(&title, Some(HEAD)));
            assert_eq!(
                meta,
                pairs(&[("title", HEAD), ("outlet", outlet)]),
                "{title}"
            );
        }
    }

    /// From a review: a `<title>` of the site's name alone was the
    /// headline, and the real one, the `<h1>`, counted as the lead.
    #[test]
    fn a_title_of_the_sites_name_alone_leaves_the_h1_the_headline() {
        let (meta, text) = headline_of(&bare_page("Al Jazeera English", Some(HEAD)));
        assert_eq!(meta, pairs(&[("title", HEAD)]));
        assert!(!text.contains("Al Jazeera English"), "{text}");
    }

    #[test]
    fn without_an_h1_the_title_is_cut_as_before() {
        assert_eq!(
            meta_of(&bare_page(
                "Warehouse fire under control \u{2013} Valley Gazette",
                None
            )),
            pairs(&[
                ("title", "Warehouse fire under control"),
                ("outlet", "Valley Gazette")
            ])
        );
        let whole = format!("{HEAD} | aljazeera");
        assert_eq!(
            meta_of(&bare_page(&whole, None)),
            pairs(&[("title", &whole)])
        );
    }

    /// A headline the page's meta data or JSON-LD gives stays the
    /// headline, whatever its `<h1>` says.
    #[test]
    fn a_meta_or_json_ld_headline_comes_before_the_h1() {
        let og = "Warehouse fire under control, police say";
        let with = |head: &str| {
            bare_page(&format!("{og} | Valley Gazette"), Some("Fire: the latest")).replacen(
                "</title>",
                &format!("</title>{head}"),
                1,
            )
        };
        for head in [
            format!("<meta property=\"og:title\" content=\"{og}\">"),
            format!(
                "<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
                 \"headline\":\"{og}\"}}</script>"
            ),
        ] {
            let meta = meta_of(&with(&head));
            assert_eq!(meta[0], ("title".to_string(), og.to_string()), "{head}");
        }
    }

    #[test]
    fn articles_left_out_of_a_live_blog_are_named() {
        let page = |more: usize| {
            let entry = |time: &str, text: &str| {
                format!(
                    "<article><h2>{time}</h2><p>{text}{}</p></article>",
                    " More news follows here.".repeat(more)
                )
            };
            format!(
                "<html><head><title>Floods live</title></head><body><main>{}{}{}</main></body></html>",
                entry("10:32", "Floods swept through the valley on Tuesday, forcing hundreds of \
                               residents to leave their homes and officials to warn of more."),
                entry("10:45", "The minister said the situation was calm tonight."),
                entry("11:00", "Roads reopened to traffic in the north.")
            )
        };
        // Short entries: the finder keeps the first; the two left out are named.
        let x = read(&page(0));
        assert!(x.text.contains("residents to leave"), "{}", x.text);
        assert!(!x.text.contains("Roads reopened"), "{}", x.text);
        assert_eq!(x.warnings.len(), 1, "{:?} {}", x.warnings, x.text);
        assert!(
            x.warnings[0].starts_with("the page holds 3 articles"),
            "{:?}",
            x.warnings
        );
        // Long entries: all are read, and nothing is said.
        let x = read(&page(8));
        assert!(x.text.contains("Roads reopened"), "{}", x.text);
        assert!(x.warnings.is_empty(), "{:?}", x.warnings);
        assert_eq!(article_elements(&page(0)).0, 3);
        assert_eq!(article_elements("<p>No articles here.</p>"), (0, 0));
    }

    #[test]
    fn a_page_nested_deeper_than_any_real_one_is_read_whole() {
        let n = MAX_NESTING + 5;
        let page = format!(
            "<html><body>{}<p>Deep text about the flood.</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let x = read(&page);
        assert!(x.text.contains("Deep text about the flood."), "{}", x.text);
        assert!(
            x.warnings[0].contains(&format!("nest {} deep", n + 2)),
            "{:?}",
            x.warnings
        );
        // Unclosed paragraphs and list items, void and self-closing tags
        // are no nesting.
        assert_eq!(
            nesting_depth("<div><p>a<p>b<br><img src=x/><ul><li>c<li>d</ul><x-y/></div>"),
            2
        );
    }

    #[test]
    fn not_an_article_is_read_whole_with_a_warning() {
        let e = read("<html><body><p>Short.</p></body></html>");
        assert_eq!(e.text, "Short.");
        assert!(!e.warnings.is_empty() || e.text == "Short.");
    }
}
