//! ProQuest exports ("Text only" / RTF / HTML of several documents): each
//! record between lines of underscores (or after "Document 3 of 10"), with
//! labelled fields: `Author:`, `Full text:` (the article, up to the next
//! field), then `Title:`, `Publication title:`, `Publication date:`,
//! `Section:`, `ProQuest document ID:` ...

use super::dates::iso_date;
use super::fields::{labelled, one_line, ExportArticle};

/// Fields after the full text: the text ends at the first of them.
const AFTER_TEXT: &[&str] = &[
    "Subject",
    "Location",
    "Company / organization",
    "People",
    "Identifier / keyword",
    "Credit",
    "Illustration",
    "Caption",
    "Title",
    "Publication title",
    "Pages",
    "First page",
    "Publication year",
    "Publication date",
    "Section",
    "Publisher",
    "Place of publication",
    "Country of publication",
    "Publication subject",
    "Source type",
    "Language of publication",
    "Document type",
    "ProQuest document ID",
    "Document URL",
    "Copyright",
    "Last updated",
    "Database",
    "Dateline",
];

fn separator(p: &str) -> bool {
    (p.len() >= 10 && p.chars().all(|c| c == '_')) || {
        let w: Vec<&str> = p.split_whitespace().collect();
        w.len() == 4
            && w[0] == "Document"
            && w[1].bytes().all(|b| b.is_ascii_digit())
            && w[2] == "of"
            && w[3].bytes().all(|b| b.is_ascii_digit())
    }
}

fn after_text(p: &str) -> bool {
    AFTER_TEXT.iter().any(|l| labelled(p, l).is_some())
}

/// True when the paragraphs have ProQuest's structure.
pub fn looks_like(paras: &[String]) -> bool {
    paras.iter().any(|p| labelled(p, "Full text").is_some())
        && paras.iter().any(|p| {
            labelled(p, "ProQuest document ID").is_some()
                || labelled(p, "Publication title").is_some()
        })
}

/// The articles of a ProQuest export, in order.
pub fn split(paras: &[String]) -> (Vec<ExportArticle>, Vec<String>) {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    for (n, chunk) in paras.split(|p| separator(p)).enumerate() {
        let Some(text_at) = chunk
            .iter()
            .position(|p| labelled(p, "Full text").is_some())
        else {
            // The search's cover or a record without full text (an abstract only).
            if chunk.iter().any(|p| labelled(p, "Title").is_some()) {
                warnings.push(format!(
                    "record {} of the export has no \"Full text:\"; not read as an article",
                    n + 1
                ));
            }
            continue;
        };
        let field = |label: &str| {
            chunk
                .iter()
                .find_map(|p| labelled(p, label))
                .map(one_line)
                .unwrap_or_default()
        };
        let mut body = Vec::new();
        let first = labelled(&chunk[text_at], "Full text").unwrap_or_default();
        if !first.is_empty() {
            body.push(first.to_string());
        }
        body.extend(
            chunk[text_at + 1..]
                .iter()
                .take_while(|p| !after_text(p))
                .cloned(),
        );
        let mut title = field("Title");
        if title.is_empty() {
            title = chunk.first().map(|p| one_line(p)).unwrap_or_default();
        }
        let outlet = field("Publication title");
        out.push(ExportArticle {
            title,
            outlet: outlet.split(';').next().unwrap_or("").trim().to_string(),
            date: iso_date(&field("Publication date")),
            byline: field("Author"),
            section: field("Section"),
            length: None,
            body,
        });
    }
    (out, warnings)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::input::exports::fields::paragraphs;

    /// A ProQuest "Text only" export of (headline, outlet, date, author, body) records.
    pub(crate) fn proquest_of(records: &[(&str, &str, &str, &str, &[&str])]) -> String {
        let line = "_".repeat(60);
        let mut s = format!("{line}\n\n");
        for (i, (title, outlet, date, author, body)) in records.iter().enumerate() {
            s.push_str(&format!(
                "Document {} of {}\n\n{title}\n\nAuthor: {author}\n\n",
                i + 1,
                records.len()
            ));
            s.push_str(&format!(
                "Publication info: {outlet}; London (UK). {date}: 7.\n\n"
            ));
            s.push_str(&format!("Full text: {}\n\n", body[0]));
            for b in &body[1..] {
                s.push_str(&format!("{b}\n\n"));
            }
            s.push_str(&format!("Subject: Floods\n\nTitle: {title}\n\nPublication title: {outlet}; London (UK)\n\nPublication date: {date}\n\nSection: UK News\n\nSource type: Newspaper\n\nProQuest document ID: 29{i}8765\n\n{line}\n\n"));
        }
        s
    }

    #[test]
    fn records_and_fields() {
        let txt = proquest_of(&[
            (
                "Flood barrier holds",
                "The Guardian",
                "Mar 5, 2024",
                "Smith, Jane",
                &["The barrier held.", "Nobody was hurt."],
            ),
            (
                "River falls",
                "The Times",
                "Mar 6, 2024",
                "Brown, Tom",
                &["Levels fell overnight."],
            ),
        ]);
        let paras = paragraphs(&txt);
        assert!(looks_like(&paras));
        let (arts, warnings) = split(&paras);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].title, "Flood barrier holds");
        assert_eq!(arts[0].outlet, "The Guardian");
        assert_eq!(arts[0].date.as_deref(), Some("2024-03-05"));
        assert_eq!(arts[0].byline, "Smith, Jane");
        assert_eq!(arts[0].section, "UK News");
        assert_eq!(arts[0].body, vec!["The barrier held.", "Nobody was hurt."]);
        assert_eq!(arts[1].body, vec!["Levels fell overnight."]);
    }
}
