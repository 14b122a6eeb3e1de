//! Markdown: the text without its markup, and its front matter.

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
