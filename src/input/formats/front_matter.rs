//! A `---` front-matter block of `key: value` lines at the top of a plain
//! text or Markdown file.

use crate::input::day_month::{year_last, DayMonth};
use crate::model::dates::Date;

/// What a `---` block at the top of a text gives.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct FrontMatter {
    /// The text after the block (the whole text when it has none).
    pub body: String,
    /// (lower-case key, value) pairs, in the file's order; a `date` that
    /// frame reads in a written form ("5 March 2024") is given as ISO.
    pub meta: Vec<(String, String)>,
    /// Problems, each starting with the line of the file it is on.
    pub warnings: Vec<String>,
}

/// Splits a leading `---` ... `---` block of `key: value` lines off `text`.
/// Returns the body and the (lower-case key, value) pairs; text without a
/// block is returned whole. [`read`] also gives the warnings.
pub fn front_matter(text: &str) -> (String, Vec<(String, String)>) {
    let f = read(text);
    (f.body, f.meta)
}

/// A `key: value` line: the key one word (no space), the value unquoted.
fn key_value(l: &str) -> Option<(String, String)> {
    match l.split_once(':') {
        Some((k, v)) if !k.trim().is_empty() && !k.contains(' ') => {
            Some((k.trim().to_lowercase(), unquote(v.trim()).to_string()))
        }
        _ => None,
    }
}

/// The front matter of `text` with warnings for what a student would not
/// see go wrong otherwise: a block never closed, a date frame cannot read,
/// a key given twice.
///
/// A block that is never closed, but whose first lines are `key: value`
/// lines, is still read as front matter up to the first line that is not
/// one: such a file was meant to have front matter (a student forgot the
/// closing `---`), and read as text its `title:` line would become the
/// headline and its keys would be scored as words. A `---` followed by no
/// `key: value` line is a rule in a text, read as text without a warning.
pub fn read(text: &str) -> FrontMatter {
    let whole = || FrontMatter {
        body: text.to_string(),
        ..FrontMatter::default()
    };
    let t = text.trim_start_matches('\u{feff}');
    let Some(rest) = t
        .strip_prefix("---\r\n")
        .or_else(|| t.strip_prefix("---\n"))
    else {
        return whole();
    };
    // (line number, key, value)
    let mut pairs: Vec<(usize, String, String)> = Vec::new();
    let mut offset = 0;
    let mut body_at = None;
    let mut closed = false;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        let l = line.trim_end();
        if l == "---" || l == "..." {
            body_at = Some(offset + line.len());
            closed = true;
            break;
        }
        match key_value(l) {
            Some((k, v)) => pairs.push((i + 2, k, v)),
            None if l.trim().is_empty() => {}
            None => {
                body_at = Some(offset);
                break;
            }
        }
        offset += line.len();
    }
    if pairs.is_empty() && !closed {
        return whole();
    }
    if let (false, Some(at)) = (closed, body_at) {
        // A closing line further on: the block is closed, but holds a line
        // that is not `key: value`, so it is no front matter (as before).
        let bad_line = rest[..at].lines().count() + 2;
        if let Some(n) = rest[at..]
            .lines()
            .position(|l| matches!(l.trim_end(), "---" | "..."))
        {
            let mut f = whole();
            f.warnings.push(format!(
                "line {bad_line}: not a key: value line, so the --- block (lines 1-{}) was read as article text, not as front matter",
                bad_line + n
            ));
            return f;
        }
    }
    let mut warnings = Vec::new();
    if !closed {
        // Ended by a line that is not `key: value`, or by the end of the text.
        let last = pairs.last().map_or(2, |p| p.0);
        warnings.push(format!(
            "line 1: the front matter (the --- block) is never closed with a --- line; lines 2-{last} were read as its key: value lines and the rest as the article; add a --- line after line {last}"
        ));
    }
    let body = body_at.map_or("", |at| &rest[at..]);
    let mut meta: Vec<(String, String)> = Vec::with_capacity(pairs.len());
    let mut first_line: Vec<(String, usize)> = Vec::new();
    for (line, k, v) in pairs {
        if let Some((_, first)) = first_line.iter().find(|(key, _)| *key == k) {
            warnings.push(format!(
                "line {line}: '{k}' is given again (first on line {first}); this later value is used"
            ));
        } else {
            first_line.push((k.clone(), line));
        }
        let v = if k == "date" && !v.is_empty() {
            match read_date(&v) {
                Ok(iso) => iso,
                Err(why) => {
                    warnings.push(format!("line {line}: {why}"));
                    v
                }
            }
        } else {
            v
        };
        meta.push((k, v));
    }
    FrontMatter {
        body: body.trim_start_matches(['\r', '\n']).to_string(),
        meta,
        warnings,
    }
}

/// A date as frame keeps it, wherever it comes from (front matter, a table's
/// `--date-column`, a `--metadata` file, a file name): an ISO date (or
/// year-month, or year) as ISO; a numeric date with the year last
/// ("05/03/2024") as ISO when its order of day and month is settled (see
/// `input::day_month`); a date written out ("5 March 2024", "March 5, 2024")
/// as ISO, by the parser the database exports use; else why it cannot be
/// read. A day or month the calendar does not have ("2017-02-30") cannot be
/// read: taken as its month, a typing error would move the article in the
/// timeline without a word.
pub(crate) fn read_date(v: &str) -> Result<String, String> {
    read_date_in(v, None)
}

/// [`read_date`], with the order of day and month that the date's column
/// settles (`None` outside a column, or when the column does not settle it).
pub(crate) fn read_date_in(v: &str, order: Option<DayMonth>) -> Result<String, String> {
    let how = "write it as YYYY-MM-DD, e.g. 2024-03-05, or as 5 March 2024";
    let unread = |why: &str| {
        format!("date '{v}' is not a date frame can read{why}; the article is left out of the timeline ({how})")
    };
    let t = v.trim();
    match crate::model::dates::parse_date(t) {
        Some(Date {
            year,
            month: Some(m),
            day: Some(d),
        }) => {
            // Kept as given when it is ISO already (a time after it stays).
            let iso = format!("{year:04}-{m:02}-{d:02}");
            return Ok(if t.starts_with(&iso) {
                t.to_string()
            } else {
                iso
            });
        }
        Some(Date {
            year,
            month: Some(m),
            day: None,
        }) if t.len() <= 7 => return Ok(format!("{year:04}-{m:02}")),
        Some(Date { month: None, .. }) if t.len() <= 4 => return Ok(t.to_string()),
        _ => {}
    }
    if let Some(read) = year_last(t, order) {
        return read.map_err(|why| unread(&format!(": {why}")));
    }
    crate::input::exports::dates::iso_date(v).ok_or_else(|| unread(""))
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

    fn pairs(f: &FrontMatter) -> Vec<(&str, &str)> {
        f.meta
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect()
    }

    /// A block a student forgot to close is still front matter, with a
    /// warning naming the line to add, not a title "title: ..." and keys
    /// scored as words.
    #[test]
    fn an_unclosed_block_is_read_with_a_warning() {
        let f = read("---\ntitle: Never closed\ndate: 2024-03-05\n\nBody text follows here.\n");
        assert_eq!(
            pairs(&f),
            [("title", "Never closed"), ("date", "2024-03-05")]
        );
        assert_eq!(f.body, "Body text follows here.\n");
        assert_eq!(f.warnings.len(), 1, "{:?}", f.warnings);
        assert!(
            f.warnings[0].starts_with("line 1: the front matter (the --- block) is never closed")
                && f.warnings[0].contains("add a --- line after line 3"),
            "{:?}",
            f.warnings
        );
        // A rule at the top of a text, with no key: value line, is text.
        let t = "---\nThe police said nothing more\n";
        assert_eq!(
            read(t),
            FrontMatter {
                body: t.into(),
                ..FrontMatter::default()
            }
        );
        // Closed, but with a line that is not key: value: text, as before, said.
        let t = "---\ntitle: X\nA subtitle without a colon\n---\nBody\n";
        let f = read(t);
        assert_eq!((f.body.as_str(), f.meta.len()), (t, 0));
        assert!(
            f.warnings[0].starts_with("line 3: not a key: value line"),
            "{:?}",
            f.warnings
        );
        assert!(f.warnings[0].contains("(lines 1-4)"), "{:?}", f.warnings);
    }

    #[test]
    fn dates_are_read_or_named_with_their_line() {
        let date = |v: &str| {
            let f = read(&format!("---\ntitle: T\ndate: {v}\n---\nBody"));
            (pairs(&f)[1].1.to_string(), f.warnings)
        };
        for (v, want) in [
            ("2024-03-05", "2024-03-05"),
            ("2024-03", "2024-03"),
            ("2024", "2024"),
            ("2024-03-05T10:00:00Z", "2024-03-05T10:00:00Z"),
            // The written forms the database exports accept, as ISO.
            ("5 March 2024", "2024-03-05"),
            ("March 5, 2024", "2024-03-05"),
            // Other numeric forms, as ISO.
            ("2017/2/5", "2017-02-05"),
            ("2024/03/05 10:00", "2024-03-05"),
            ("13/03/2024", "2024-03-13"),
            ("5.3.2024", "2024-03-05"),
        ] {
            assert_eq!(date(v), (want.to_string(), vec![]), "{v}");
        }
        let (kept, w) = date("2024-13-45");
        assert_eq!(kept, "2024-13-45");
        assert!(
            w.len() == 1
                && w[0].starts_with("line 3: date '2024-13-45' is not a date frame can read"),
            "{w:?}"
        );
        // An impossible day is not read as its month (2017-02).
        for v in ["2017-02-30", "30 February 2017", "31/2/2024", "3/5/2024"] {
            let (_, w) = date(v);
            assert!(
                w[0].starts_with(&format!("line 3: date '{v}' is not a date frame can read")),
                "{w:?}"
            );
        }
        let (_, w) = date("soon");
        assert!(w[0].starts_with("line 3: date 'soon'"), "{w:?}");
    }

    #[test]
    fn a_repeated_key_is_named() {
        let f = read("---\ntitle: One\ntitle: Two\n---\nB");
        assert_eq!(pairs(&f), [("title", "One"), ("title", "Two")]);
        assert_eq!(
            f.warnings,
            ["line 3: 'title' is given again (first on line 2); this later value is used"]
        );
    }
}
