//! Classic LexisNexis exports (LexisNexis Academic before 2018, Nexis,
//! as .txt or .rtf): each article starts with "1 of 10 DOCUMENTS", then the
//! outlet, the date line, edition and copyright lines, the headline,
//! upper-case fields (`BYLINE:`, `SECTION:`, `LENGTH:` ...), the text, and
//! trailing fields from `LOAD-DATE:` on.

use super::dates::iso_date;
use super::fields::{labelled, one_line, upper_label, word_count, ExportArticle};

/// "3 of 10 DOCUMENTS" (also "3 of 10 DOCUMENT", any case).
fn document_marker(p: &str) -> bool {
    let w: Vec<&str> = p.split_whitespace().collect();
    w.len() == 4
        && w[0].bytes().all(|b| b.is_ascii_digit())
        && w[1].eq_ignore_ascii_case("of")
        && w[2].bytes().all(|b| b.is_ascii_digit())
        && (w[3].eq_ignore_ascii_case("documents") || w[3].eq_ignore_ascii_case("document"))
}

/// True when the paragraphs have the classic LexisNexis structure.
pub fn looks_like(paras: &[String]) -> bool {
    paras.iter().any(|p| document_marker(p))
}

/// Fields after the text: the text ends at the first of them.
const TRAILING: &[&str] = &[
    "LOAD-DATE",
    "LANGUAGE",
    "GRAPHIC",
    "PUBLICATION-TYPE",
    "DOCUMENT-TYPE",
    "URL",
    "NOTES",
    "CORRECTION-DATE",
    "CORRECTION",
    "SUBJECT",
    "JOURNAL-CODE",
    "TYPE",
    "DISTRIBUTION",
];

fn is_masthead_line(p: &str) -> bool {
    let l = p.to_lowercase();
    l.starts_with("copyright")
        || l.starts_with('\u{a9}')
        || l.contains("edition")
        || l.contains("all rights reserved")
}

/// The articles of a classic export, in order (what comes before the
/// first "1 of N DOCUMENTS" is a cover page and is left out).
pub fn split(paras: &[String]) -> (Vec<ExportArticle>, Vec<String>) {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let starts: Vec<usize> = (0..paras.len())
        .filter(|&i| document_marker(&paras[i]))
        .collect();
    for (n, &s) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(paras.len());
        let chunk = &paras[s + 1..end];
        let mut a = ExportArticle::default();
        let Some(date_at) = chunk.iter().take(6).position(|p| iso_date(p).is_some()) else {
            warnings.push(format!(
                "\"{}\": no date line in the lines after it; not read as an article",
                paras[s]
            ));
            continue;
        };
        a.date = iso_date(&chunk[date_at]);
        a.outlet = chunk[..date_at]
            .iter()
            .map(|p| one_line(p))
            .collect::<Vec<_>>()
            .join(" ");
        let mut i = date_at + 1;
        let mut title = Vec::new();
        while i < chunk.len() && upper_label(&chunk[i]).is_none() {
            if !is_masthead_line(&chunk[i]) {
                title.push(one_line(&chunk[i]));
            }
            i += 1;
        }
        // Headline lines come last before the fields; a long run means no fields.
        if i == chunk.len() {
            warnings.push(format!(
                "\"{}\": no BYLINE:/LENGTH: fields; not read as an article",
                paras[s]
            ));
            continue;
        }
        a.title = title.join(" ");
        while i < chunk.len() {
            let Some(label) = upper_label(&chunk[i]) else {
                break;
            };
            if TRAILING.contains(&label) {
                break;
            }
            let p = &chunk[i];
            if let Some(v) = labelled(p, "BYLINE") {
                a.byline = one_line(
                    v.strip_prefix("By ")
                        .or_else(|| v.strip_prefix("BY "))
                        .unwrap_or(v),
                );
            } else if let Some(v) = labelled(p, "SECTION") {
                a.section = one_line(v.split(';').next().unwrap_or(v));
            } else if let Some(v) = labelled(p, "LENGTH") {
                a.length = word_count(v);
            }
            i += 1;
        }
        a.body = chunk[i..]
            .iter()
            .take_while(|p| upper_label(p).is_none_or(|l| !TRAILING.contains(&l)))
            .cloned()
            .collect();
        out.push(a);
    }
    (out, warnings)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::input::exports::fields::paragraphs;

    /// A classic LexisNexis .txt export of (headline, outlet, date line,
    /// byline, body) articles, laid out as the service wrote it.
    pub(crate) fn classic_of(articles: &[(&str, &str, &str, &str, &[&str])]) -> String {
        let mut s = String::from("\n\n");
        let n = articles.len();
        for (i, (title, outlet, date, byline, body)) in articles.iter().enumerate() {
            s.push_str(&format!(
                "                              {} of {n} DOCUMENTS\n\n",
                i + 1
            ));
            s.push_str(&format!("                              {outlet}\n\n"));
            s.push_str(&format!("                           {date}\n"));
            s.push_str("                           Final Edition\n\n");
            s.push_str(&format!("{title}\n\n"));
            s.push_str(&format!("BYLINE: By {byline}\n\n"));
            s.push_str("SECTION: NEWS; Pg. 4\n\n");
            let words: usize = body.iter().map(|b| b.split_whitespace().count()).sum();
            s.push_str(&format!("LENGTH: {words} words\n\n\n"));
            for p in *body {
                s.push_str(&format!("{p}\n\n"));
            }
            s.push_str("\nLOAD-DATE: March 7, 2012\n\nLANGUAGE: ENGLISH\n\nPUBLICATION-TYPE: Newspaper\n\n\n");
            s.push_str(&format!("                   Copyright 2012 {outlet} Ltd\n                           All Rights Reserved\n\n\n"));
        }
        s
    }

    #[test]
    fn documents_fields_and_text() {
        let txt = classic_of(&[
            (
                "Storm damage worse than feared",
                "The Times (London)",
                "March 5, 2012 Monday",
                "JANE SMITH",
                &[
                    "Roofs were torn off in the night,\nresidents said.",
                    "Power was cut.",
                ],
            ),
            (
                "Clean-up begins",
                "The Guardian",
                "March 6, 2012 Tuesday",
                "TOM BROWN",
                &["Crews arrived at dawn."],
            ),
        ]);
        let paras = paragraphs(&txt);
        assert!(looks_like(&paras));
        let (arts, warnings) = split(&paras);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].outlet, "The Times (London)");
        assert_eq!(arts[0].date.as_deref(), Some("2012-03-05"));
        assert_eq!(arts[0].title, "Storm damage worse than feared");
        assert_eq!(arts[0].byline, "JANE SMITH");
        assert_eq!(arts[0].section, "NEWS");
        assert_eq!(arts[0].length, Some(12));
        assert_eq!(
            arts[0].body,
            vec![
                "Roofs were torn off in the night,\nresidents said.",
                "Power was cut."
            ]
        );
        assert_eq!(arts[1].title, "Clean-up begins");
        assert_eq!(arts[1].body, vec!["Crews arrived at dawn."]);
    }

    #[test]
    fn markers() {
        assert!(document_marker("12 of 100 DOCUMENTS"));
        assert!(document_marker("1 of 1 document"));
        assert!(!document_marker("1 of the DOCUMENTS"));
    }
}
