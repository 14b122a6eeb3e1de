//! Reducing HTML and Markdown to the visible text of the article, with
//! paragraph breaks kept as blank lines.

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
const HIDDEN_TAGS: &[&str] = &["script", "style", "noscript", "template", "svg", "head"];

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

/// The visible text of an HTML document: scripts, styles and the `<head>`
/// (except its `<title>`, which becomes the first line) are dropped, block
/// elements become paragraph breaks, entities are decoded.
pub fn html_to_text(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len() / 2);
    // The <title> is the article's headline more often than not.
    if let (Some(a), Some(b)) = (lower.find("<title"), lower.find("</title>")) {
        if let Some(gt) = lower[a..].find('>') {
            let start = a + gt + 1;
            if start <= b {
                out.push_str(decode_entities(html[start..b].trim()).trim());
                out.push_str("\n\n");
            }
        }
    }
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
            if !closing && HIDDEN_TAGS.contains(&name.as_str()) {
                let close = format!("</{}", name);
                i = lower[end..]
                    .find(&close)
                    .map(|j| end + j)
                    .and_then(|j| lower[j..].find('>').map(|k| j + k + 1))
                    .unwrap_or(bytes.len());
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

/// Markdown to plain text: heading marks, emphasis markers, images and link
/// targets removed (link text kept); a leading `---` front-matter block is
/// returned separately as (key, value) pairs.
pub fn markdown_to_text(md: &str) -> (String, Vec<(String, String)>) {
    let mut meta = Vec::new();
    let mut body = md;
    if let Some(rest) = md.strip_prefix("---\n") {
        if let Some(end) = rest.find("\n---") {
            for line in rest[..end].lines() {
                if let Some((k, v)) = line.split_once(':') {
                    let v = v.trim().trim_matches('"').trim_matches('\'').to_string();
                    meta.push((k.trim().to_lowercase(), v));
                }
            }
            body = rest[end + 4..]
                .trim_start_matches('-')
                .trim_start_matches('\n');
        }
    }
    let mut out = String::with_capacity(body.len());
    for line in body.lines() {
        let l = line.trim_start();
        let l = l.trim_start_matches('#').trim_start();
        let l = l.strip_prefix("> ").unwrap_or(l);
        out.push_str(&strip_inline_markdown(l));
        out.push('\n');
    }
    (out, meta)
}

fn strip_inline_markdown(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c == '!' && chars.get(i + 1) == Some(&'[')) || c == '[' {
            let open = if c == '!' { i + 1 } else { i };
            if let Some(close) = chars[open..]
                .iter()
                .position(|&x| x == ']')
                .map(|p| open + p)
            {
                if chars.get(close + 1) == Some(&'(') {
                    if let Some(paren) = chars[close..]
                        .iter()
                        .position(|&x| x == ')')
                        .map(|p| close + p)
                    {
                        if c == '[' {
                            out.extend(&chars[open + 1..close]);
                        }
                        i = paren + 1;
                        continue;
                    }
                }
            }
        }
        if c == '*'
            || c == '`'
            || (c == '_'
                && (i == 0
                    || !chars[i - 1].is_alphanumeric()
                    || chars.get(i + 1).is_none_or(|n| !n.is_alphanumeric())))
        {
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_keeps_visible_text_and_paragraphs() {
        let html = "<html><head><title>Police &amp; public</title><style>p{}</style></head>\
            <body><script>var x = 1;</script><h1>Headline</h1><p>First <b>para</b>&rsquo;s text.</p>\
            <!-- hidden --><p>Second&nbsp;para.</p></body></html>";
        let t = html_to_text(html);
        assert_eq!(
            t,
            "Police & public\n\nHeadline\n\nFirst para ’s text.\n\nSecond para."
        );
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
