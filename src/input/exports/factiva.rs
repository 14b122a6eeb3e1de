//! Factiva exports (.rtf, .html, .txt). Each article ends with a
//! "Document XXXXXXXX..." line. With field codes ("Full Article/Report
//! plus Indexing") every block starts with its code: HD headline, BY byline,
//! WC word count, PD date, SN source name, SC source code, LA language,
//! CY copyright, LP lead paragraphs, TD the rest of the text. Without them
//! the same fields come in that order, unlabelled.

use super::dates::iso_date;
use super::fields::{one_line, word_count, ExportArticle};

/// Factiva's field codes.
const CODES: &[&str] = &[
    "HD", "CR", "BY", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "LA", "CY", "LP", "TD", "CT", "RF",
    "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "SE", "CLM",
];

/// "Document GDN0000020240305e0350000b": the end of an article.
fn document_line(p: &str) -> bool {
    let p = p.strip_prefix("AN").map(str::trim_start).unwrap_or(p);
    let Some(id) = p.strip_prefix("Document ") else {
        return false;
    };
    id.len() >= 16 && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The code a paragraph starts with and the rest of it ("HD Flood ..." ->
/// ("HD", "Flood ...")), if it starts with one.
fn coded(p: &str) -> Option<(&'static str, &str)> {
    let first = p.split_whitespace().next()?;
    let code = CODES.iter().find(|c| **c == first)?;
    Some((code, p[first.len()..].trim()))
}

/// True when the paragraphs have Factiva's structure.
pub fn looks_like(paras: &[String]) -> bool {
    paras.iter().any(|p| document_line(p))
        && paras
            .iter()
            .any(|p| word_count(p).is_some() || coded(p).is_some_and(|(c, _)| c == "WC"))
}

const LANGUAGES: &[&str] = &[
    "English",
    "German",
    "French",
    "Spanish",
    "Italian",
    "Dutch",
    "Portuguese",
    "Swedish",
    "Danish",
    "Norwegian",
    "Finnish",
    "Polish",
    "Russian",
    "Chinese",
    "Japanese",
    "Arabic",
    "Turkish",
    "Greek",
    "Czech",
    "Hungarian",
];

/// The articles of a Factiva export, in order.
pub fn split(paras: &[String]) -> (Vec<ExportArticle>, Vec<String>) {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    for (n, chunk) in paras.split(|p| document_line(p)).enumerate() {
        if chunk.is_empty() {
            continue;
        }
        let with_codes = chunk
            .iter()
            .any(|p| coded(p).is_some_and(|(c, _)| c == "HD"));
        let art = if with_codes {
            with_field_codes(chunk)
        } else {
            without_codes(chunk)
        };
        match art {
            Some(a) => out.push(a),
            // Text after the last "Document" line (a search summary) is no article.
            None if chunk.iter().all(|p| p.split_whitespace().count() < 40) => {}
            None => warnings.push(format!(
                "block {} of the export has no word count line; not read as an article",
                n + 1
            )),
        }
    }
    (out, warnings)
}

fn with_field_codes(chunk: &[String]) -> Option<ExportArticle> {
    // Code -> its paragraphs (a code alone on its paragraph takes the next ones).
    let mut fields: Vec<(&str, Vec<String>)> = Vec::new();
    let start = chunk
        .iter()
        .position(|p| coded(p).is_some_and(|(c, _)| c == "HD"))?;
    for p in &chunk[start..] {
        match coded(p) {
            Some((code, rest)) => {
                let v = if rest.is_empty() {
                    Vec::new()
                } else {
                    vec![rest.to_string()]
                };
                fields.push((code, v));
            }
            None => {
                if let Some(last) = fields.last_mut() {
                    last.1.push(p.clone());
                }
            }
        }
    }
    let get = |code: &str| -> Vec<String> {
        fields
            .iter()
            .filter(|(c, _)| *c == code)
            .flat_map(|(_, v)| v.iter().cloned())
            .collect()
    };
    let first = |code: &str| get(code).first().map(|s| one_line(s)).unwrap_or_default();
    let mut body = get("LP");
    body.extend(get("TD"));
    Some(ExportArticle {
        title: get("HD")
            .iter()
            .map(|s| one_line(s))
            .collect::<Vec<_>>()
            .join(" "),
        outlet: first("SN"),
        date: iso_date(&first("PD")),
        byline: first("BY"),
        section: first("SE"),
        length: word_count(&first("WC")),
        body,
    })
}

fn without_codes(chunk: &[String]) -> Option<ExportArticle> {
    let wc = chunk.iter().take(8).position(|p| word_count(p).is_some())?;
    if wc == 0 {
        return None;
    }
    let mut a = ExportArticle {
        title: one_line(&chunk[0]),
        byline: chunk[1..wc]
            .iter()
            .map(|p| one_line(p))
            .collect::<Vec<_>>()
            .join("; "),
        length: word_count(&chunk[wc]),
        ..Default::default()
    };
    let mut i = wc + 1;
    if let Some(d) = chunk.get(i).and_then(|p| iso_date(p)) {
        a.date = Some(d);
        i += 1;
    }
    // An optional time line ("10:31 GMT"), then the source name.
    if chunk.get(i).is_some_and(|p| {
        p.len() <= 12 && p.contains(':') && p.starts_with(|c: char| c.is_ascii_digit())
    }) {
        i += 1;
    }
    a.outlet = chunk.get(i).map(|p| one_line(p)).unwrap_or_default();
    // The language line ends the header; the copyright line may follow it.
    let lang = (i + 1..chunk.len().min(i + 8)).find(|&j| LANGUAGES.contains(&chunk[j].as_str()))?;
    let mut body_at = lang + 1;
    if chunk.get(body_at).is_some_and(|p| {
        let l = p.to_lowercase();
        l.starts_with("(c)") || l.starts_with('\u{a9}') || l.starts_with("copyright")
    }) {
        body_at += 1;
    }
    a.body = chunk[body_at..].to_vec();
    Some(a)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A Factiva export of (headline, outlet, date, byline, body) articles,
    /// with or without field codes, one paragraph per entry.
    pub(crate) fn factiva_of(
        articles: &[(&str, &str, &str, &str, &[&str])],
        codes: bool,
    ) -> Vec<String> {
        let mut p = Vec::new();
        for (i, (title, outlet, date, byline, body)) in articles.iter().enumerate() {
            let words: usize = body.iter().map(|b| b.split_whitespace().count()).sum();
            let c = |code: &str, v: &str| {
                if codes {
                    format!("{code} {v}")
                } else {
                    v.to_string()
                }
            };
            p.push(c("HD", title));
            p.push(c("BY", byline));
            p.push(c("WC", &format!("{words} words")));
            p.push(c("PD", date));
            p.push(c("SN", outlet));
            p.push(c("SC", "PAPR"));
            p.push(c("LA", "English"));
            p.push(c("CY", "(c) 2024 The Publisher. All rights reserved."));
            for (j, b) in body.iter().enumerate() {
                p.push(if j == 0 {
                    c("LP", b)
                } else if j == 1 && codes {
                    format!("TD {b}")
                } else {
                    b.to_string()
                });
            }
            if codes {
                p.push("NS gcat : Political/General News".into());
                p.push("RE uk : United Kingdom".into());
            }
            p.push(format!("Document PAPR000020240305e03{i:01}0000{i:02}x"));
        }
        p.push("Search Summary".into());
        p.push("Text flood".into());
        p
    }

    const ARTS: &[(&str, &str, &str, &str, &[&str])] = &[
        (
            "Flood defences hold",
            "The Daily Paper",
            "5 March 2024",
            "Jane Smith",
            &[
                "The walls held overnight.",
                "Nobody was hurt.",
                "Crews stayed on.",
            ],
        ),
        (
            "River falls again",
            "Evening Post",
            "6 March 2024",
            "Tom Brown",
            &["Levels fell by a metre."],
        ),
    ];

    #[test]
    fn with_and_without_codes() {
        for codes in [true, false] {
            let paras = factiva_of(ARTS, codes);
            assert!(looks_like(&paras));
            let (arts, warnings) = split(&paras);
            assert!(warnings.is_empty(), "{warnings:?}");
            assert_eq!(arts.len(), 2, "codes {codes}");
            assert_eq!(arts[0].title, "Flood defences hold");
            assert_eq!(arts[0].outlet, "The Daily Paper");
            assert_eq!(arts[0].date.as_deref(), Some("2024-03-05"));
            assert_eq!(arts[0].byline, "Jane Smith");
            assert_eq!(arts[0].length, Some(10));
            assert_eq!(
                arts[0].body[..3],
                [
                    "The walls held overnight.",
                    "Nobody was hurt.",
                    "Crews stayed on."
                ]
            );
            assert_eq!(arts[1].body[0], "Levels fell by a metre.");
        }
    }

    #[test]
    fn document_ids() {
        assert!(document_line("Document GDN0000020240305e0350000b"));
        assert!(document_line("AN Document GDN0000020240305e0350000b"));
        assert!(!document_line("Document 12"));
    }
}
