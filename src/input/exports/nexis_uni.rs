//! Nexis Uni (and Lexis+, LexisNexis Academic since 2018) exports, as
//! .docx, .rtf or .pdf: a cover page with the list of results, then each
//! article as headline, outlet, date line, `Copyright` / edition lines,
//! `Section:`, `Length:`, `Byline:` ..., a `Body` line, the text, then
//! `Classification` ... `Load-Date:` and `End of Document`.

use super::dates::iso_date;
use super::fields::{article_name, labelled, one_line, word_count, ExportArticle};

/// True when the paragraphs have Nexis Uni's structure.
pub fn looks_like(paras: &[String]) -> bool {
    let lines = || paras.iter().flat_map(|p| p.lines());
    lines().any(|l| l == "End of Document") && lines().any(|l| l == "Body")
}

/// A line that is a structural line of its own in the export.
fn is_marker(l: &str) -> bool {
    matches!(l, "Body" | "End of Document" | "Classification")
        || [
            "Section",
            "Length",
            "Byline",
            "Load-Date",
            "Correction-Date",
            "Correction",
        ]
        .iter()
        .any(|f| labelled(l, f).is_some())
}

/// A line the splitter reads as structure: a marker, a field, the end of
/// a text.
pub fn record_line(l: &str) -> bool {
    is_marker(l) || ends_body(l)
}

/// Paragraphs with their structural lines taken apart: a PDF's layout may
/// put "Byline: ..." and "Body" in one block with no blank line between.
fn units(paras: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(paras.len());
    for p in paras {
        if p.contains('\n') && p.lines().any(is_marker) {
            out.extend(p.lines().map(str::to_string));
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// Paragraphs that end an article's text: the indexing block after it,
/// and the correction notice a newspaper appended later (`Correction-Date:`,
/// `Correction:`), which is not the article's own text (classic LexisNexis
/// ends the text at the same fields).
fn ends_body(p: &str) -> bool {
    matches!(
        p,
        "Classification" | "Graphic" | "Notes" | "End of Document"
    ) || ["Load-Date", "Correction-Date", "Correction"]
        .iter()
        .any(|f| labelled(p, f).is_some())
}

/// Header lines that are neither headline nor outlet nor date.
fn is_field(p: &str) -> bool {
    [
        "Section",
        "Length",
        "Byline",
        "Highlight",
        "Dateline",
        "Edition",
        "Pg.",
        "Series",
    ]
    .iter()
    .any(|l| labelled(p, l).is_some())
        || p.starts_with("Copyright")
        || p.starts_with('\u{a9}')
}

/// "Load-Date: ...", "Date and Time: ...": a label (no digits) before a colon;
/// the colon of a time ("10:30 AM") is none.
fn has_label(p: &str) -> bool {
    p.split_once(':')
        .is_some_and(|(head, _)| !head.is_empty() && !head.contains(|c: char| c.is_ascii_digit()))
}

/// The date line of an article's header: a date that is no field.
fn is_date_line(p: &str) -> bool {
    !is_field(p) && !has_label(p) && iso_date(p).is_some()
}

/// The header's paragraphs, with a paragraph that holds the date line
/// among others taken apart into its lines: headline, outlet and date
/// each have a line of their own, but a PDF's layout joins the lines it
/// sets close together (outlet and date, when a gap or a smaller font
/// sets the copyright line apart), so that the paragraph before the
/// date's would be read as the outlet.
fn header_lines(header: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(header.len());
    for p in header {
        if p.contains('\n') && p.lines().any(is_date_line) {
            out.extend(p.lines().map(str::to_string));
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// The articles of a Nexis Uni export, in order, and a warning for each
/// block between `End of Document` lines that holds no article.
pub fn split(paras: &[String]) -> (Vec<ExportArticle>, Vec<String>) {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let paras = units(paras);
    let chunks: Vec<&[String]> = paras.split(|p| p == "End of Document").collect();
    let last = chunks.len() - 1;
    for (i, chunk) in chunks.into_iter().enumerate() {
        let Some(body_at) = chunk.iter().position(|p| p == "Body") else {
            // The tail after the last article, or a block that is only a cover page.
            // Any other block keeps its place, with no text, so that the Nth
            // article is still the export's Nth.
            if i != last && !chunk.is_empty() {
                warnings.push(format!(
                    "{}: no \"Body\" line before its \"End of Document\"; not read as an article",
                    article_name(out.len() + 1, "")
                ));
                out.push(ExportArticle::default());
            }
            continue;
        };
        let header = header_lines(&chunk[..body_at]);
        // The date line is the last header line that is a date and not a field.
        let date_at = header.iter().rposition(|p| is_date_line(p));
        let mut a = ExportArticle::default();
        let fields_from = match date_at {
            Some(d) => {
                a.date = iso_date(&header[d]);
                if d >= 1 {
                    a.outlet = one_line(&header[d - 1]);
                }
                if d >= 2 {
                    a.title = one_line(&header[d - 2]);
                }
                d + 1
            }
            None => {
                warnings.push(format!(
                    "{}: no date line; its headline and outlet may be missing",
                    article_name(out.len() + 1, "")
                ));
                0
            }
        };
        for p in &header[fields_from..] {
            if let Some(v) = labelled(p, "Section") {
                a.section = one_line(v.split(';').next().unwrap_or(v));
            } else if let Some(v) = labelled(p, "Length") {
                a.length = word_count(v);
            } else if let Some(v) = labelled(p, "Byline") {
                a.byline = one_line(v);
            }
        }
        a.body = chunk[body_at + 1..]
            .iter()
            .take_while(|p| !ends_body(p))
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

    /// A Nexis Uni export (as its .docx reads, one paragraph per line) of
    /// the given (headline, outlet, date line, byline, body) articles.
    pub(crate) fn nexis_uni_of(articles: &[(&str, &str, &str, &str, &[&str])]) -> Vec<String> {
        let mut p: Vec<String> = vec![
            "User Name: =Student Account".into(),
            "Date and Time: = Tuesday, March 12, 2024 2:15:00 PM GMT".into(),
            "Job Number: 219837465".into(),
            format!("Documents ({})", articles.len()),
            "Client/Matter: -None-".into(),
            "Search Terms: flood AND warning".into(),
            "Search Type: Terms and Connectors".into(),
        ];
        for (i, (title, outlet, date, _, _)) in articles.iter().enumerate() {
            p.push(format!("{}. {title}", i + 1));
            p.push(outlet.to_string());
            p.push(date.to_string());
        }
        for (title, outlet, date, byline, body) in articles {
            p.push(title.to_string());
            p.push(outlet.to_string());
            p.push(date.to_string());
            p.push("Copyright 2024 The Publisher Ltd All Rights Reserved".into());
            p.push("Section: NEWS; Pg. 7".into());
            let words: usize = body.iter().map(|b| b.split_whitespace().count()).sum();
            p.push(format!("Length: {words} words"));
            p.push(format!("Byline: {byline}"));
            p.push("Body".into());
            p.extend(body.iter().map(|b| b.to_string()));
            p.push("Classification".into());
            p.push("Language: ENGLISH".into());
            p.push("Publication-Type: Newspaper".into());
            p.push("Subject: FLOODS (90%); WEATHER (78%)".into());
            p.push("Load-Date: March 6, 2024".into());
            p.push("End of Document".into());
        }
        p
    }

    #[test]
    fn cover_page_then_articles() {
        let paras = nexis_uni_of(&[
            (
                "Flood warning issued for valley",
                "The Northern Echo",
                "March 5, 2024 Tuesday",
                "Jane Smith",
                &["Residents were told to leave.", "The river rose overnight."],
            ),
            (
                "Council says roads are safe",
                "Daily Courier",
                "March 6, 2024 Wednesday 10:30 AM GMT",
                "Tom Brown",
                &["Roads reopened on Wednesday."],
            ),
        ]);
        assert!(looks_like(&paras));
        let (arts, warnings) = split(&paras);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].title, "Flood warning issued for valley");
        assert_eq!(arts[0].outlet, "The Northern Echo");
        assert_eq!(arts[0].date.as_deref(), Some("2024-03-05"));
        assert_eq!(arts[0].byline, "Jane Smith");
        assert_eq!(arts[0].section, "NEWS");
        assert_eq!(arts[0].length, Some(9));
        assert_eq!(
            arts[0].body,
            vec!["Residents were told to leave.", "The river rose overnight."]
        );
        assert_eq!(arts[1].date.as_deref(), Some("2024-03-06"));
        assert_eq!(arts[1].outlet, "Daily Courier");
    }

    #[test]
    fn header_lines_in_one_block() {
        let text = "Cover\n\nRiver rises again\nThe Northern Echo\nMarch 7, 2024 Thursday\nLength: 4 words\nBody\n\nThe river rose again.\n\nLoad-Date: March 8, 2024\nEnd of Document\n";
        let paras = paragraphs(text);
        assert!(looks_like(&paras));
        let (arts, _) = split(&paras);
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].title, "River rises again");
        assert_eq!(arts[0].outlet, "The Northern Echo");
        assert_eq!(arts[0].date.as_deref(), Some("2024-03-07"));
        assert_eq!(arts[0].body, vec!["The river rose again."]);
    }

    /// From a tester's review of Nexis Uni PDFs: a gap (a blank line, or a
    /// smaller font) between the date line and the copyright line makes
    /// outlet and date one paragraph, with the headline the paragraph
    /// before; the outlet was read as the headline and the cover page's
    /// list of results as the headline.
    #[test]
    fn outlet_and_date_in_one_paragraph() {
        let text = "User Name: = Student, A.\nDocuments (2)\n\n\
            1. Storm hits the coast\nClient/Matter: -None-\n\
            2. Roads open again\nClient/Matter: -None-\n\n\
            Storm hits the coast\n\nThe Guardian (London)\nFebruary 11, 2017 Saturday\n\n\
            Copyright 2017 Guardian Ltd\n\nSection: WORLD; Pg. 4\nLength: 6 words\n\
            Byline: Staff Reporter\n\nBody\n\nThe storm came in the night.\n\n\
            Classification\n\nLoad-Date: February 12, 2017\n\nEnd of Document\n\n\
            Roads open again\nwith a headline on two lines\n\nThe Irish Times\n\
            February 13, 2017 Monday\n\nCopyright 2017 Irish Times\n\nBody\n\n\
            Crews cleared the roads by noon.\n\nLoad-Date: February 14, 2017\n\nEnd of Document\n";
        let paras = paragraphs(text);
        assert!(looks_like(&paras));
        let (arts, warnings) = split(&paras);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].title, "Storm hits the coast");
        assert_eq!(arts[0].outlet, "The Guardian (London)");
        assert_eq!(arts[0].date.as_deref(), Some("2017-02-11"));
        assert_eq!(arts[0].byline, "Staff Reporter");
        assert_eq!(arts[0].body, vec!["The storm came in the night."]);
        assert_eq!(
            arts[1].title,
            "Roads open again with a headline on two lines"
        );
        assert_eq!(arts[1].outlet, "The Irish Times");
        assert_eq!(arts[1].date.as_deref(), Some("2017-02-13"));
    }

    /// From a tester's review: a correction notice after the text is the
    /// export's field, not the article's text (nor its framing).
    #[test]
    fn a_correction_notice_is_no_text() {
        let mut paras = nexis_uni_of(&[(
            "Vote passes",
            "The New York Times",
            "February 9, 2017 Thursday",
            "By MICHAEL D. SHEAR",
            &["The vote passed on Thursday."],
        )]);
        let at = paras.iter().position(|p| p == "Classification").unwrap();
        paras.insert(at, "Correction-Date: February 11, 2017".into());
        paras.insert(
            at + 1,
            "Correction: An article on Thursday misstated the vote.".into(),
        );
        let (arts, _) = split(&paras);
        assert_eq!(arts[0].body, vec!["The vote passed on Thursday."]);
        // In a PDF the fields may share a paragraph with the text's end.
        let text = "Vote passes\nThe Times\nFebruary 9, 2017 Thursday\nBody\n\n\
            The vote passed on Thursday.\n\nCorrection-Date: February 11, 2017\n\
            Correction: An article on Thursday misstated the vote.\n\n\
            Classification\n\nEnd of Document\n";
        let (arts, _) = split(&paragraphs(text));
        assert_eq!(arts[0].body, vec!["The vote passed on Thursday."]);
    }

    #[test]
    fn a_block_without_body_keeps_its_place() {
        let arts = [
            (
                "One",
                "The Echo",
                "March 5, 2024 Tuesday",
                "A",
                &["Text one."][..],
            ),
            (
                "Two",
                "The Echo",
                "March 6, 2024 Wednesday",
                "B",
                &["Text two."][..],
            ),
            (
                "Three",
                "The Echo",
                "March 7, 2024 Thursday",
                "C",
                &["Text three."][..],
            ),
        ];
        let mut paras = nexis_uni_of(&arts);
        let second_body = paras
            .iter()
            .enumerate()
            .filter(|(_, p)| *p == "Body")
            .nth(1)
            .unwrap()
            .0;
        paras.remove(second_body);
        let (arts, warnings) = split(&paras);
        assert_eq!(arts.len(), 3);
        assert_eq!(arts[1], ExportArticle::default());
        assert_eq!(arts[2].title, "Three");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].starts_with("article 2: no \"Body\" line"));
    }

    #[test]
    fn not_nexis() {
        assert!(!looks_like(&paragraphs(
            "A plain article.\n\nWith a Body of text."
        )));
    }
}
