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
                let v = v.trim().trim_matches('"').trim_matches('\'').to_string();
                meta.push((k.trim().to_lowercase(), v));
            }
            // A line that is not `key: value` means this was no front matter.
            _ if !l.trim().is_empty() => return (text.to_string(), Vec::new()),
            _ => {}
        }
    }
    (text.to_string(), Vec::new())
}
