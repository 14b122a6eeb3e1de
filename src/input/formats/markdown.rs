//! Markdown: the text without its markup, and its front matter.

/// Markdown to plain text: heading marks, emphasis markers, images and link
/// targets removed (link text kept); a leading `---` front-matter block is
/// returned separately as (key, value) pairs.
pub fn markdown_to_text(md: &str) -> (String, Vec<(String, String)>) {
    let (text, meta, _) = read(md);
    (text, meta)
}

/// [`markdown_to_text`] with the front matter's warnings.
pub fn read(md: &str) -> (String, Vec<(String, String)>, Vec<String>) {
    // The one front-matter rule of Markdown and plain text.
    let super::front_matter::FrontMatter {
        body,
        meta,
        warnings,
    } = super::front_matter::read(md);
    let mut out = String::with_capacity(body.len());
    for line in body.lines() {
        let l = line.trim_start();
        let l = l.trim_start_matches('#').trim_start();
        let l = l.strip_prefix("> ").unwrap_or(l);
        out.push_str(&strip_inline_markdown(l));
        out.push('\n');
    }
    (out, meta, warnings)
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
    use crate::input::formats::front_matter::front_matter;

    #[test]
    fn front_matter_is_read_by_the_one_rule() {
        // Found by the front_matter fuzz target: a line starting with ':'
        // gave an empty key, which the plain-text reader refuses.
        let fuzzed = "---\n\u{5}--- >\n:--\0\0\0\r\r-\n-\0\0\0\0\u{16}_ E>\n# \u{3}\0\0\0\0:He\n---\n\r\r-\n-\0\0\0\0\u{16}_ E>\n# \u{3}Me E>\n\n# \n\0Me \n\0\u{4}\0\0\0\0\n\n\n\n\n";
        for md in [fuzzed, "---\n: no key\ntitle: x\n---\nText"] {
            let (_, meta) = markdown_to_text(md);
            assert!(meta.iter().all(|(k, _)| !k.is_empty()), "{meta:?}");
            assert_eq!(meta, front_matter(md).1);
        }
        let (text, meta) = markdown_to_text("---\r\ntitle: 'A: b'\r\n---\r\n# Head\n");
        assert_eq!(meta, vec![("title".to_string(), "A: b".to_string())]);
        assert_eq!(text, "Head\n");
    }
}
