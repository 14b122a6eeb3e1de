//! A `---` front-matter block of `key: value` lines at the top of a plain
//! text or Markdown file.

/// Splits a leading `---` ... `---` block of `key: value` lines off `text`.
/// Returns the body and the (lower-case key, value) pairs; text without a
/// closed block is returned whole.
pub fn front_matter(text: &str) -> (String, Vec<(String, String)>) {
    let t = text.trim_start_matches('\u{feff}');
    let Some(rest) = t
        .strip_prefix("---\r\n")
        .or_else(|| t.strip_prefix("---\n"))
    else {
        return (text.to_string(), Vec::new());
    };
    let mut meta = Vec::new();
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let l = line.trim_end();
        if l == "---" || l == "..." {
            return (
                rest[offset..].trim_start_matches(['\r', '\n']).to_string(),
                meta,
            );
        }
        match l.split_once(':') {
            Some((k, v)) if !k.trim().is_empty() && !k.contains(' ') => {
                let v = unquote(v.trim()).to_string();
                meta.push((k.trim().to_lowercase(), v));
            }
            // A line that is not `key: value` means this was no front matter.
            _ if !l.trim().is_empty() => return (text.to_string(), Vec::new()),
            _ => {}
        }
    }
    (text.to_string(), Vec::new())
}

/// A value without one pair of matching quotes around it (`"a: b"` -> `a: b`);
/// quotes that are part of the value stay (`"Calm," he said`).
pub fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

/// A value written so that [`front_matter`] reads it back as it is: quoted
/// when it starts or ends with a quote or a space.
pub fn quote(v: &str) -> String {
    let needs = v.starts_with(['"', '\'', ' ']) || v.ends_with(['"', '\'', ' ']);
    if needs {
        format!("\"{v}\"")
    } else {
        v.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_as_written() {
        for v in [
            "plain",
            "\"Calm,\" he said",
            "It's 'fine'",
            "a: b",
            "\"",
            " x ",
        ] {
            let text = format!("---\ntitle: {}\n---\nBody", quote(v));
            let (body, meta) = front_matter(&text);
            assert_eq!(body, "Body");
            assert_eq!(meta, vec![("title".to_string(), v.to_string())], "{v:?}");
        }
        assert_eq!(
            front_matter("---\ntitle: \"Hello\"\n---\nB").1[0].1,
            "Hello"
        );
    }
}
