//! What a saved page's JSON-LD (`<script type="application/ld+json">`, the
//! schema.org description news sites give search engines) says of its
//! article: headline, date, authors and publisher. Readability reads only a
//! lone article object; most news sites wrap it in an `@graph` with the
//! page and the site (Yoast on WordPress and many papers), or list several
//! objects, give `@type` as a list, or name the author and publisher by an
//! `@id` that points elsewhere in the graph.

use super::html::decode_entities;
use dom_query::Document;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The article of a page's JSON-LD.
#[derive(Debug, Default, PartialEq)]
pub struct ArticleLd {
    /// The `headline` (or `name`), entities decoded.
    pub headline: Option<String>,
    /// `datePublished` (or `dateCreated`) as the page gives it.
    pub date: Option<String>,
    /// The authors' names, in the page's order, each once.
    pub authors: Vec<String>,
    /// The publisher's name.
    pub publisher: Option<String>,
}

/// Types that are a story: schema.org's `Article` and its subtypes
/// (`NewsArticle`, `OpinionNewsArticle`, `ReportageNewsArticle` ...), blog
/// posts and reports.
fn is_article_type(t: &str) -> bool {
    // "schema:NewsArticle" and "https://schema.org/NewsArticle" are the same type.
    let t = t.rsplit(['/', ':', '#']).next().unwrap_or(t);
    t.ends_with("Article") || matches!(t, "BlogPosting" | "LiveBlogPosting" | "Report")
}

/// The article the page's JSON-LD blocks describe, if one does.
pub fn read(doc: &Document) -> Option<ArticleLd> {
    let blocks: Vec<Value> = doc
        .select("script")
        .nodes()
        .iter()
        .filter(|s| {
            s.attr("type")
                .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
        })
        .filter_map(|s| parse_block(&s.text()))
        .collect();
    from_blocks(&blocks)
}

/// One block's JSON, without the CDATA or comment marks some pages wrap
/// it in; `None` when it is not JSON.
fn parse_block(text: &str) -> Option<Value> {
    let mut s = text.trim();
    for (open, close) in [
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
        ("<!--", "-->"),
    ] {
        if let Some(inner) = s.strip_prefix(open) {
            s = inner.trim();
            s = s.strip_suffix(close).unwrap_or(s).trim();
        }
    }
    serde_json::from_str(s.trim_end_matches(';')).ok()
}

/// The article of several parsed blocks: the first object of an article
/// type with a headline (else the first of an article type), its `@id`
/// references resolved against every object of every block.
fn from_blocks(blocks: &[Value]) -> Option<ArticleLd> {
    let mut objects = Vec::new();
    for b in blocks {
        collect(b, &mut objects);
    }
    let mut by_id: BTreeMap<&str, &Map<String, Value>> = BTreeMap::new();
    for o in &objects {
        // A bare {"@id": ...} is a reference, not the object.
        if let (Some(id), true) = (o.get("@id").and_then(Value::as_str), o.len() > 1) {
            by_id.entry(id).or_insert(o);
        }
    }
    let articles: Vec<&Map<String, Value>> = objects
        .iter()
        .copied()
        .filter(|o| types(o).into_iter().any(is_article_type))
        .collect();
    let article = articles
        .iter()
        .find(|o| {
            text_of(o, "headline")
                .or_else(|| text_of(o, "name"))
                .is_some()
        })
        .or(articles.first())?;
    let resolve = |v: &'_ Value| -> Option<String> { name_of(v, &by_id) };
    let mut authors: Vec<String> = Vec::new();
    for key in ["author", "creator"] {
        let found: Vec<String> = match article.get(key) {
            Some(Value::Array(list)) => list.iter().filter_map(resolve).collect(),
            Some(v) => resolve(v).into_iter().collect(),
            None => Vec::new(),
        };
        for a in found {
            if !authors.contains(&a) {
                authors.push(a);
            }
        }
        if !authors.is_empty() {
            break;
        }
    }
    let publisher = ["publisher", "sourceOrganization"]
        .iter()
        .filter_map(|k| article.get(*k))
        .find_map(|v| match v {
            Value::Array(list) => list.iter().find_map(resolve),
            v => resolve(v),
        });
    Some(ArticleLd {
        headline: text_of(article, "headline").or_else(|| text_of(article, "name")),
        date: ["datePublished", "dateCreated"]
            .iter()
            .find_map(|k| text_of(article, k)),
        authors,
        publisher,
    })
}

/// Every object of a block: the block itself, the items of a top-level
/// list, the members of an `@graph`, and an object's `mainEntity`.
fn collect<'a>(v: &'a Value, out: &mut Vec<&'a Map<String, Value>>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect(i, out)),
        Value::Object(o) => {
            out.push(o);
            for key in ["@graph", "mainEntity"] {
                if let Some(inner) = o.get(key) {
                    collect(inner, out);
                }
            }
        }
        _ => {}
    }
}

/// The object's `@type`, one name or a list of them.
fn types(o: &Map<String, Value>) -> Vec<&str> {
    match o.get("@type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// A text field of an object on one line, entities decoded; `None` when
/// missing, empty or not text.
fn text_of(o: &Map<String, Value>, key: &str) -> Option<String> {
    one_line(o.get(key)?.as_str()?)
}

/// Text on one line, entities decoded; `None` when empty.
fn one_line(s: &str) -> Option<String> {
    let s = decode_entities(s);
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// The name of a person or organisation given as text, as an object with
/// a `name` (or given and family names), or as an `@id` reference to one.
fn name_of(v: &Value, by_id: &BTreeMap<&str, &Map<String, Value>>) -> Option<String> {
    match v {
        // A link to the author's page is no name.
        Value::String(s) if s.contains("://") => None,
        Value::String(s) => one_line(s),
        Value::Object(o) => {
            let o = match (text_of(o, "name"), o.get("@id").and_then(Value::as_str)) {
                (None, Some(id)) => by_id.get(id).copied().unwrap_or(o),
                _ => o,
            };
            text_of(o, "name").or_else(|| {
                let parts: Vec<String> = ["givenName", "familyName"]
                    .iter()
                    .filter_map(|k| text_of(o, k))
                    .collect();
                (!parts.is_empty()).then(|| parts.join(" "))
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(blocks: &[&str]) -> Option<ArticleLd> {
        let scripts: String = blocks
            .iter()
            .map(|b| format!("<script type=\"application/ld+json\">{b}</script>"))
            .collect();
        read(&Document::from(format!(
            "<html><head>{scripts}</head><body><p>Text.</p></body></html>"
        )))
    }

    fn full(authors: &[&str]) -> ArticleLd {
        ArticleLd {
            headline: Some("Harbour wall holds in storm".into()),
            date: Some("2024-03-05T09:30:00+00:00".into()),
            authors: authors.iter().map(|a| a.to_string()).collect(),
            publisher: Some("The Coastal Times".into()),
        }
    }

    /// Yoast (WordPress) and many newspapers: the article inside an
    /// `@graph`, its author and publisher `@id` references to other members.
    #[test]
    fn an_article_inside_a_graph_with_references() {
        let graph = r##"{"@context":"https://schema.org","@graph":[
            {"@type":"WebPage","@id":"https://x.test/a#webpage","name":"Harbour wall holds in storm - The Coastal Times"},
            {"@type":"NewsArticle","@id":"https://x.test/a#article","isPartOf":{"@id":"https://x.test/a#webpage"},
             "headline":"Harbour wall holds in storm","datePublished":"2024-03-05T09:30:00+00:00",
             "author":{"@id":"https://x.test/#/schema/person/1"},"publisher":{"@id":"https://x.test/#organization"}},
            {"@type":"Organization","@id":"https://x.test/#organization","name":"The Coastal Times"},
            {"@type":"Person","@id":"https://x.test/#/schema/person/1","name":"Jane Smith"}]}"##;
        assert_eq!(page(&[graph]), Some(full(&["Jane Smith"])));
    }

    #[test]
    fn a_list_of_objects_a_list_of_types_and_a_list_of_authors() {
        let list = r#"[{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[]},
            {"@context":"https://schema.org","@type":["NewsArticle","Article"],
             "headline":"Harbour wall holds in storm","datePublished":"2024-03-05T09:30:00+00:00",
             "author":[{"@type":"Person","name":"Jane Smith"},{"@type":"Person","name":"Tom Jones"},
                       "https://x.test/authors/jane"],
             "publisher":{"@type":"Organization","name":"The Coastal Times"}}]"#;
        assert_eq!(page(&[list]), Some(full(&["Jane Smith", "Tom Jones"])));
        // The graph's members in a second block, the article in a CDATA
        // section and with its type as a full URL.
        let article = r##"//<![CDATA[
            {"@context":"http://schema.org","@type":"http://schema.org/NewsArticle",
             "headline":"Harbour wall holds in storm","datePublished":"2024-03-05T09:30:00+00:00",
             "author":{"@id":"#jane"},"publisher":{"@id":"#org"}}
            //]]>"##;
        let members = r##"{"@graph":[{"@id":"#jane","@type":"Person","givenName":"Jane","familyName":"Smith"},
            {"@id":"#org","@type":"NewsMediaOrganization","name":"The Coastal Times"}]}"##;
        assert_eq!(page(&[article, members]), Some(full(&["Jane Smith"])));
    }

    #[test]
    fn no_article_no_json_and_odd_values_are_none_or_skipped() {
        assert_eq!(page(&[r#"{"@type":"WebSite","name":"Site"}"#]), None);
        assert_eq!(page(&["{not json", "", "[]", "null"]), None);
        let odd = r##"{"@type":"Article","headline":"  Wall &amp; pier\n hold ","author":[1,null,{"@id":"#nobody"}],
            "publisher":"The Coastal Times","datePublished":20240305}"##;
        assert_eq!(
            page(&[odd]),
            Some(ArticleLd {
                headline: Some("Wall & pier hold".into()),
                date: None,
                authors: Vec::new(),
                publisher: Some("The Coastal Times".into()),
            })
        );
    }
}
