//! ProQuest exports ("Text only" / RTF / HTML of several documents): each
//! record between lines of underscores (or after "Document 3 of 10"), with
//! labelled fields: `Author:`, `Full text:` (the article, up to the next
//! field), then `Title:`, `Publication title:`, `Publication date:`,
//! `Section:`, `ProQuest document ID:` ...; the export's footer under the
//! last record ("Contact ProQuest", "Copyright © ... ProQuest LLC") is no
//! article's.

use super::dates::iso_date;
use super::fields::{article_name, labelled, one_line, ExportArticle};
use std::borrow::Cow;

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

/// A paragraph with the shape of ProQuest's fields: a label of one to four
/// words, starting with a capital, then a colon.
fn field_shaped(p: &str) -> bool {
    p.split_once(':').is_some_and(|(head, _)| {
        head.len() <= 30
            && (1..=4).contains(&head.split_whitespace().count())
            && head.starts_with(|c: char| c.is_uppercase())
            && head
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '/' | '-'))
    })
}

/// Where the full text ends: at the indexing block, a run of fields to the
/// end of the record. A paragraph of the text that starts like a field
/// ("Location: The play is set ...", "Publisher: Faber, 20 pounds") is
/// followed by more text, so one field alone does not end the text.
fn text_end(chunk: &[String], from: usize) -> usize {
    (from..chunk.len())
        .find(|&j| after_text(&chunk[j]) && chunk.get(j + 1).is_none_or(|q| field_shaped(q)))
        .unwrap_or(chunk.len())
}

/// True when the paragraphs have ProQuest's structure.
pub fn looks_like(paras: &[String]) -> bool {
    paras.iter().any(|p| labelled(p, "Full text").is_some())
        && paras.iter().any(|p| {
            labelled(p, "ProQuest document ID").is_some()
                || labelled(p, "Publication title").is_some()
        })
}

/// Fields that make a chunk a record (the search's cover has none of them).
const RECORD_FIELDS: [&str; 6] = [
    "Title",
    "Abstract",
    "Publication title",
    "Publication date",
    "Document ID",
    "ProQuest document ID",
];

/// A line the splitter reads as structure: a record separator or a field.
pub fn record_line(l: &str) -> bool {
    separator(l)
        || labelled(l, "Full text").is_some()
        || RECORD_FIELDS.iter().any(|f| labelled(l, f).is_some())
        || after_text(l)
}

/// A line of the footer ProQuest writes under the last record of an
/// export ("Contact ProQuest", "Copyright © 2024 ProQuest LLC. All rights
/// reserved. - Terms and Conditions"); a record's own `Copyright:` field is
/// not one.
fn footer_line(line: &str) -> bool {
    let l = line.trim();
    l.eq_ignore_ascii_case("Contact ProQuest")
        || l.eq_ignore_ascii_case("Terms and Conditions")
        || (l.starts_with("Copyright")
            && !l.starts_with("Copyright:")
            && l.contains("ProQuest LLC"))
}

/// The last record without the export's footer after it: read as part of
/// the record, the footer was text "not read" among its fields (or, after
/// a text with no fields, part of the article). Its lines may share a
/// paragraph with the record's last field when no blank line parts them.
fn without_footer(chunk: &[String]) -> Cow<'_, [String]> {
    let mut keep = chunk.len();
    while let Some(last) = keep.checked_sub(1).map(|i| &chunk[i]) {
        let lines: Vec<&str> = last.lines().collect();
        let footer_from = lines
            .iter()
            .rposition(|l| !footer_line(l))
            .map_or(0, |i| i + 1);
        if footer_from == lines.len() {
            break;
        }
        if footer_from > 0 {
            let mut owned = chunk[..keep].to_vec();
            owned[keep - 1] = lines[..footer_from].join("\n");
            return Cow::Owned(owned);
        }
        keep -= 1;
    }
    Cow::Borrowed(&chunk[..keep])
}

/// The articles of a ProQuest export, in order.
pub fn split(paras: &[String]) -> (Vec<ExportArticle>, Vec<String>) {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let chunks: Vec<&[String]> = paras.split(|p| separator(p)).collect();
    let last = chunks.len().saturating_sub(1);
    for (i, chunk) in chunks.into_iter().enumerate() {
        let chunk = if i == last {
            without_footer(chunk)
        } else {
            Cow::Borrowed(chunk)
        };
        let chunk = &chunk[..];
        let Some(text_at) = chunk
            .iter()
            .position(|p| labelled(p, "Full text").is_some())
        else {
            // The search's cover or a record without full text (an abstract
            // only). The record keeps its place, with no text, so that the
            // Nth article is still the export's Nth.
            let record = chunk
                .iter()
                .any(|p| RECORD_FIELDS.iter().any(|f| labelled(p, f).is_some()));
            if record {
                let title = chunk
                    .iter()
                    .find_map(|p| labelled(p, "Title"))
                    .map(str::to_string)
                    .unwrap_or_else(|| chunk.first().map(|p| one_line(p)).unwrap_or_default());
                warnings.push(format!(
                    "{}: the record has no \"Full text:\" (an abstract only?); not read as an article",
                    article_name(out.len() + 1, &title)
                ));
                out.push(ExportArticle::default());
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
        let end = text_end(chunk, text_at + 1);
        body.extend(chunk[text_at + 1..end].iter().cloned());
        let mut title = field("Title");
        if title.is_empty() {
            title = chunk.first().map(|p| one_line(p)).unwrap_or_default();
        }
        // The indexing block holds fields only; text there was cut off.
        let lost = chunk[end..]
            .iter()
            .filter(|p| !field_shaped(p) && p.split_whitespace().count() >= 6)
            .count();
        if lost > 0 {
            warnings.push(format!(
                "{}: its full text ends at \"{}\", but {lost} paragraph(s) of text follow among the fields there and were not read",
                article_name(out.len() + 1, &title),
                chunk[end].split(':').next().unwrap_or_default().trim()
            ));
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

    #[test]
    fn a_paragraph_starting_like_a_field_does_not_end_the_text() {
        let txt = proquest_of(&[(
            "Theatre review: flood drama",
            "The Guardian",
            "Mar 5, 2024",
            "Smith, Jane",
            &[
                "A new play about the 1953 flood opened last night.",
                "Location: The play is set on Canvey Island, where the sea wall failed.",
                "Survivors in the audience wept at the final scene.",
                "The Flood, by A. Writer. Publisher: Faber, 20 pounds.",
            ],
        )]);
        let (arts, warnings) = split(&paragraphs(&txt));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(arts[0].body.len(), 4, "{:?}", arts[0].body);
        assert_eq!(arts[0].section, "UK News");
    }

    #[test]
    fn text_cut_by_a_run_of_fields_is_named() {
        let txt = proquest_of(&[(
            "Festival guide",
            "The Guardian",
            "Mar 5, 2024",
            "Smith, Jane",
            &[
                "Three shows about floods open this week.",
                "Location: Canvey Island",
                "Publisher: Faber",
                "Survivors in the audience wept at the final scene of the play.",
            ],
        )]);
        let (arts, warnings) = split(&paragraphs(&txt));
        assert_eq!(
            arts[0].body,
            vec!["Three shows about floods open this week."]
        );
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0]
            .starts_with("article 1 (\"Festival guide\"): its full text ends at \"Location\""));
    }

    /// ProQuest ends an export with its own footer ("Contact ProQuest",
    /// "Copyright © 2024 ProQuest LLC ..."), on the lines after the last
    /// record (glued to it when no blank line comes between): it is not
    /// text the last article lost, and never part of an article.
    #[test]
    fn the_exports_footer_is_not_lost_text() {
        let records = [
            ("One", "The Times", "Mar 5, 2024", "A", &["Text one."][..]),
            ("Two", "The Times", "Mar 6, 2024", "B", &["Text two."][..]),
        ];
        let footer = "Contact ProQuest\nCopyright \u{a9} 2024 ProQuest LLC. All rights reserved. - Terms and Conditions\n";
        let plain = proquest_of(&records);
        // As ProQuest writes it: the line of underscores right under the
        // last field, the footer after a blank line.
        let line = "_".repeat(60);
        let glued = plain.replace(&format!("\n\n{line}"), &format!("\n{line}"));
        for txt in [
            format!("{plain}{footer}"),
            format!("{glued}{footer}"),
            format!("{plain}Contact ProQuest\n\nCopyright \u{a9} 2021 ProQuest LLC. All rights reserved.\n\nTerms and Conditions\n"),
            // No line of underscores after the last record: the footer
            // follows its last field.
            format!("{}\n{footer}", plain.trim_end().trim_end_matches('_').trim_end()),
            format!("{}\n\n{footer}", plain.trim_end().trim_end_matches('_').trim_end()),
        ] {
            let (arts, warnings) = split(&paragraphs(&txt));
            assert!(warnings.is_empty(), "{warnings:?}\n{txt}");
            assert_eq!(arts.len(), 2);
            assert_eq!(arts[1].body, ["Text two."]);
        }
        // Text in the fields is still named, footer or not.
        let cut = format!("{glued}{footer}").replace(
            "Section: UK News\n\nSource type: Newspaper\n\nProQuest document ID: 2918765",
            "Section: UK News\n\nThe rest of the article was found among the fields.\n\nProQuest document ID: 2918765",
        );
        assert_eq!(split(&paragraphs(&cut)).1.len(), 1);
    }

    #[test]
    fn a_record_without_full_text_keeps_its_place() {
        let txt = proquest_of(&[
            ("One", "The Times", "Mar 5, 2024", "A", &["Text one."]),
            ("Two", "The Times", "Mar 6, 2024", "B", &["Text two."]),
            ("Three", "The Times", "Mar 7, 2024", "C", &["Text three."]),
        ])
        .replace("Full text: Text two.", "Abstract: Text two.");
        let (arts, warnings) = split(&paragraphs(&txt));
        assert_eq!(arts.len(), 3);
        assert_eq!(arts[1], ExportArticle::default());
        assert_eq!(arts[2].title, "Three");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].starts_with("article 2 (\"Two\"): the record has no"));
        // A short record with no Title: field either is still a record,
        // named by its first line.
        let short = txt.replace("Title: Two\n\n", "").replace(
            "Author: B\n\nPublication info: The Times; London (UK). Mar 6, 2024: 7.\n\n",
            "",
        );
        let (arts, warnings) = split(&paragraphs(&short));
        assert_eq!(arts.len(), 3, "{short}");
        assert_eq!(arts[2].title, "Three");
        assert!(
            warnings[0].starts_with("article 2 (\"Two\")"),
            "{warnings:?}"
        );
    }
}
