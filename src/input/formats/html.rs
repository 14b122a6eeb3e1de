//! Saved web pages: the visible text of the page, with paragraph breaks
//! kept as blank lines, and its `<title>`.

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "td",
    "th",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "ul",
    "ol",
    "table",
    "figure",
    "figcaption",
    "pre",
    "hr",
    "title",
    "dd",
    "dt",
    "main",
    "aside",
    "nav",
];
/// Elements whose text is dropped: code and styling, the `<head>`, and the
/// page furniture around an article (menus, site header and footer, side
/// panels, forms).
const HIDDEN_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "nav", "header", "footer", "aside",
    "form",
];

/// Where the tag at `at` (`<name` or `</name`) is `name` itself, not a
/// longer name (`<head` is not `<header`).
fn is_tag(lower: &str, at: usize, name: &str) -> bool {
    let skip = if lower[at..].starts_with("</") { 2 } else { 1 };
    let rest = &lower[at + skip..];
    rest.starts_with(name)
        && rest[name.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// The end of the element `name` whose start tag ends at `from`: just after
/// its matching closing tag (nested elements of the same name counted), or
/// the end of the text when it is never closed.
fn element_end(lower: &str, from: usize, name: &str) -> usize {
    let mut depth = 1;
    let mut i = from;
    while let Some(j) = lower[i..].find('<').map(|j| i + j) {
        let closing = lower[j..].starts_with("</");
        if is_tag(lower, j, name) {
            let gt = match lower[j..].find('>') {
                Some(k) => j + k + 1,
                None => return lower.len(),
            };
            if closing {
                depth -= 1;
                if depth == 0 {
                    return gt;
                }
            } else if !lower[j..gt].ends_with("/>") {
                depth += 1;
            }
            i = gt;
        } else {
            i = j + 1;
        }
    }
    lower.len()
}

/// Most bytes of a row of links ([`link_row_end`]): a menu is short.
const LINK_ROW_MAX_BYTES: usize = 4096;

/// Whether text between links holds no word: spaces, punctuation and
/// character references (`|`, `&middot;`, `&#183;`).
fn separators(text: &str) -> bool {
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let reference = (c == '&')
            .then(|| rest.find(';').filter(|&k| k <= 10))
            .flatten();
        match reference {
            Some(k) => rest = &rest[k + 1..],
            None if c.is_alphanumeric() => return false,
            None => rest = &rest[c.len_utf8()..],
        }
    }
    true
}

/// The end of a row of links, the page's navigation, when the element
/// `name` whose start tag ends at `from` holds two links or more and
/// nothing else but separators between them (`<div><a>Home</a> |
/// <a>Search</a></div>`): just after its closing tag. `None` for anything
/// else: text outside the links, another element, one link alone (a
/// headline may be a link), or no end within [`LINK_ROW_MAX_BYTES`].
fn link_row_end(lower: &str, from: usize, name: &str) -> Option<usize> {
    let limit = lower.len().min(from.saturating_add(LINK_ROW_MAX_BYTES));
    let (mut i, mut links) = (from, 0);
    loop {
        let j = i + lower.get(i..limit)?.find('<')?;
        if !separators(&lower[i..j]) {
            return None;
        }
        let gt = j + lower.get(j..limit)?.find('>')? + 1;
        if lower[j..].starts_with("</") && is_tag(lower, j, name) {
            return (links >= 2).then_some(gt);
        }
        if lower[j..].starts_with("</") || !is_tag(lower, j, "a") {
            return None;
        }
        // The link's own text and inline markup, up to its end tag.
        let close = gt + lower.get(gt..limit)?.find("</a")?;
        if lower[gt..close].contains("<a") {
            return None;
        }
        i = close + lower.get(close..limit)?.find('>')? + 1;
        links += 1;
    }
}

/// The outermost `<article>` elements of a page and the words of their
/// visible text: (how many, words in all).
pub fn article_elements(html: &str) -> (usize, usize) {
    let lower = html.to_ascii_lowercase();
    let (mut count, mut words, mut from) = (0, 0, 0);
    while let Some(at) = lower[from..].find("<article").map(|k| from + k) {
        if !is_tag(&lower, at, "article") {
            from = at + 1;
            continue;
        }
        let Some(open_end) = lower[at..].find('>').map(|k| at + k + 1) else {
            break;
        };
        let end = element_end(&lower, open_end, "article");
        count += 1;
        words += html_to_text(&html[open_end..end])
            .split_whitespace()
            .count();
        from = end;
    }
    (count, words)
}

/// The text of the `<title>` element, entities decoded, if there is one.
pub fn html_title(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let a = (0..lower.len())
        .filter(|&i| lower.as_bytes()[i] == b'<')
        .find(|&i| lower[i..].starts_with("<title") && is_tag(&lower, i, "title"))?;
    let start = a + lower[a..].find('>')? + 1;
    let end = start + lower[start..].find("</title")?;
    let t = decode_entities(html[start..end].trim());
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = if let Some(hex) = num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse().ok()?
        };
        return char::from_u32(n);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "rsquo" => '\u{2019}',
        "lsquo" => '\u{2018}',
        "rdquo" => '\u{201D}',
        "ldquo" => '\u{201C}',
        "mdash" => '\u{2014}',
        "ndash" => '\u{2013}',
        "hellip" => '\u{2026}',
        "pound" => '£',
        "euro" => '€',
        "copy" => '©',
        _ => return None,
    })
}

/// Replaces HTML character references (`&amp;`, `&#8217;`, `&rsquo;` ...).
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after
            .find(';')
            .filter(|&j| j <= 10)
            .and_then(|j| decode_entity(&after[..j]).map(|c| (c, j)))
        {
            Some((c, j)) => {
                out.push(c);
                rest = &after[j + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Elements that have no end tag, or whose end tag a page may leave out
/// (an unclosed `<p>` or `<li>` is no deeper nesting).
const UNNESTED: [&str; 30] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rt", "rp",
];

/// How deep the page's elements nest, counted from its tags (an estimate:
/// elements whose end tag may be left out are not counted).
pub fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    for at in memchr::memchr_iter(b'<', bytes) {
        let rest = &bytes[at + 1..];
        let closing = rest.first() == Some(&b'/');
        let after = &rest[closing as usize..];
        let len = after
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = &after[..len];
        if name.is_empty()
            || UNNESTED
                .iter()
                .any(|u| u.as_bytes().eq_ignore_ascii_case(name))
        {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            let self_closing = rest
                .iter()
                .position(|&b| b == b'>')
                .is_some_and(|e| e > 0 && rest[e - 1] == b'/');
            if !self_closing {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
    }
    deepest
}

/// The visible text of an HTML document: scripts, styles, the `<head>` (its
/// `<title>` is read by [`html_title`], not counted as text), page
/// furniture (nav, header, footer, aside, form) and rows of links (menus in
/// a `<div>` or `<p>`) are dropped, block elements become paragraph
/// breaks, entities are decoded.
pub fn html_to_text(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len() / 2);
    let mut i = 0;
    let bytes = html.as_bytes();
    while i < bytes.len() {
        if bytes[i] == b'<' {
            // Comments.
            if lower[i..].starts_with("<!--") {
                i = lower[i..]
                    .find("-->")
                    .map(|j| i + j + 3)
                    .unwrap_or(bytes.len());
                continue;
            }
            let end = match lower[i..].find('>') {
                Some(j) => i + j + 1,
                None => break,
            };
            let tag = &lower[i + 1..end - 1];
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            // A row of links (a site's menu, an export's page navigation)
            // is no text.
            if !closing && (name == "div" || name == "p") && !tag.ends_with('/') {
                if let Some(after) = link_row_end(&lower, end, &name) {
                    i = after;
                    out.push_str("\n\n");
                    continue;
                }
            }
            if !closing && HIDDEN_TAGS.contains(&name.as_str()) {
                i = if tag.ends_with('/') {
                    end
                } else {
                    element_end(&lower, end, &name)
                };
                out.push_str("\n\n");
                continue;
            }
            if BLOCK_TAGS.contains(&name.as_str()) {
                out.push_str(if name == "br" { "\n" } else { "\n\n" });
            } else {
                out.push(' ');
            }
            i = end;
        } else {
            let next = lower[i..].find('<').map(|j| i + j).unwrap_or(bytes.len());
            out.push_str(&decode_entities(&html[i..next]));
            i = next;
        }
    }
    tidy(&out)
}

/// Inline elements common in the HTML fragments scraped text holds; with
/// [`BLOCK_TAGS`], their tags tell markup from prose with a "<" in it.
const INLINE_TAGS: &[&str] = &[
    "span", "a", "b", "i", "u", "em", "strong", "img", "sup", "sub", "small",
];

/// Whether a text holds HTML markup: a tag of a common element (`<p>`,
/// `<br/>`, `<a href="...">`, `</div>`) closed by its `>` on its line, not
/// a stray `<` of prose ("<2%", "x<y", "<Ctrl>").
pub fn holds_markup(s: &str) -> bool {
    memchr::memchr_iter(b'<', s.as_bytes()).any(|at| {
        let tag = &s[at + 1..];
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let len = tag.bytes().take_while(u8::is_ascii_alphanumeric).count();
        let (name, after) = tag.split_at(len);
        BLOCK_TAGS
            .iter()
            .chain(INLINE_TAGS)
            .any(|m| m.eq_ignore_ascii_case(name))
            && after.starts_with(['>', '/', ' ', '\t'])
            && after
                .find(['>', '<', '\n'])
                .is_some_and(|i| after.as_bytes()[i] == b'>')
    })
}

/// Collapses runs of spaces inside lines and of blank lines between paragraphs.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(&line);
    }
    out
}

/// The character set a page declares in its first bytes (`<meta
/// charset="windows-1251">`, or `charset=` in a Content-Type meta), as
/// encoding_rs knows it.
pub fn declared_charset(html: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &html[..html.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    let at = memchr::memmem::find(&lower, b"charset=")? + b"charset=".len();
    let label: Vec<u8> = lower[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .copied()
        .collect();
    encoding_rs::Encoding::for_label(&label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declared_charset_is_read() {
        let name = |h: &[u8]| declared_charset(h).map(|e| e.name());
        assert_eq!(
            name(b"<meta charset=\"windows-1251\">"),
            Some("windows-1251")
        );
        assert_eq!(
            name(b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-2\">"),
            Some("ISO-8859-2")
        );
        assert_eq!(name(b"<p>no declaration</p>"), None);
        assert_eq!(name(b"<meta charset=\"nonsense\">"), None);
    }
    use crate::input::formats::markdown::markdown_to_text;

    #[test]
    fn html_keeps_visible_text_and_paragraphs() {
        let html = "<html><head><title>Police &amp; public</title><style>p{}</style></head>\
            <body><script>var x = 1;</script><h1>Headline</h1><p>First <b>para</b>&rsquo;s text.</p>\
            <!-- hidden --><p>Second&nbsp;para.</p></body></html>";
        let t = html_to_text(html);
        assert_eq!(t, "Headline\n\nFirst para ’s text.\n\nSecond para.");
        assert_eq!(html_title(html).as_deref(), Some("Police & public"));
    }

    #[test]
    fn page_furniture_is_dropped() {
        let html = "<html><head><title>Riot in the town centre</title></head><body>\
            <header><a>Home</a> <a>World</a></header><nav><ul><li>Sport</li></ul></nav>\
            <article><h1>Riot in the town centre</h1><p>Police said the riot was over.</p>\
            <aside>Most read: <aside>nested</aside> celebrity news</aside>\
            <p>Residents were calm.</p></article>\
            <form><label>Sign up to our newsletter</label></form>\
            <footer>Copyright 2024</footer></body></html>";
        assert_eq!(
            html_to_text(html),
            "Riot in the town centre\n\nPolice said the riot was over.\n\nResidents were calm."
        );
        // An unclosed <head> does not swallow a <header> by its prefix.
        assert_eq!(html_title("<p>no title</p>"), None);
        assert_eq!(html_to_text("<headline>Text</headline>"), "Text");
    }

    /// From a review: a Factiva HTML export's page navigation (a `<div>`
    /// of menu links before the first article) was read as the first
    /// article's headline, and the real one went into its byline.
    #[test]
    fn a_row_of_links_is_no_text() {
        let html = "<body><div id=\"headerContainer\"><a href=\"#\">Home</a> <a href=\"#\">Search</a> \
            &middot; <a href=\"#\"><b>Alerts</b></a></div>\
            <div class=\"top\"><a href=\"/\">Home</a> | <a href=\"/news\">News</a></div>\
            <div><span class=\"enHeadline\">Minister defends travel ban</span></div>\
            <div><a href=\"/story\">A headline given as a link</a></div>\
            <p><a href=\"/a\">Flood</a> warnings were issued, <a href=\"/b\">officials</a> said.</p>\
            <div><a href=x>One</a> <img src=y> <a href=z>Two</a></div></body>";
        assert_eq!(
            html_to_text(html),
            "Minister defends travel ban\n\nA headline given as a link\n\n\
             Flood warnings were issued, officials said.\n\nOne Two"
        );
        // Unclosed or cut off, nothing is lost.
        for cut in [
            "<div><a>Home</a> <a>News",
            "<div><a>Home</a><a>News</a>",
            "<div><a>Home",
        ] {
            assert!(html_to_text(cut).contains("Home"), "{cut}");
        }
    }

    #[test]
    fn markup_is_told_from_a_stray_angle_bracket() {
        for html in [
            "<p>Text</p>",
            "Line one<br>Line two",
            "a <br/> b",
            "<A HREF=\"x\">link</A>",
            "text</div>",
        ] {
            assert!(holds_markup(html), "{html}");
        }
        for plain in [
            "x<y and y>z",
            "<2% of votes",
            "press <Ctrl> now",
            "a <b held\nover> lines",
            "<p",
            "",
        ] {
            assert!(!holds_markup(plain), "{plain}");
        }
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &#8217; &#x41; &bogus; & b"),
            "a ’ A &bogus; & b"
        );
    }

    #[test]
    fn markdown_is_stripped_and_front_matter_read() {
        let (t, meta) = markdown_to_text("---\ntitle: \"Hello\"\ndate: 2024-05-01\n---\n# Head\n\nSome **bold** [link](http://x.y) ![img](a.png) snake_case.\n");
        assert_eq!(t, "Head\n\nSome bold link  snake_case.\n");
        assert_eq!(
            meta,
            vec![
                ("title".into(), "Hello".into()),
                ("date".into(), "2024-05-01".into())
            ]
        );
    }
}
