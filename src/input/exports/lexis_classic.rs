//! Classic LexisNexis exports (LexisNexis Academic before 2018, Nexis,
//! as .txt or .rtf): each article starts with "1 of 10 DOCUMENTS", then the
//! outlet, the date line, edition and copyright lines, the headline,
//! upper-case fields (`BYLINE:`, `SECTION:`, `LENGTH:` ...), the text, and
//! trailing fields from `LOAD-DATE:` on.

use super::dates::{dayless_date, iso_date};
use super::fields::{article_name, labelled, one_line, upper_label, word_count, ExportArticle};

/// "3 of 10 DOCUMENTS" (also "3 of 10 DOCUMENT", any case, and numbers
/// with thousands separators: "1,001 of 2,500 DOCUMENTS"). Every marker
/// holds "document" in some case: the pre-filter in `exports::split` looks
/// for that.
pub(super) fn document_marker(p: &str) -> bool {
    let w: Vec<&str> = p.split_whitespace().collect();
    w.len() == 4
        && is_number(w[0])
        && w[1].eq_ignore_ascii_case("of")
        && is_number(w[2])
        && (w[3].eq_ignore_ascii_case("documents") || w[3].eq_ignore_ascii_case("document"))
}

/// Digits, or digits grouped in threes by commas ("2,500").
fn is_number(w: &str) -> bool {
    let mut groups = w.split(',');
    let first = groups.next().unwrap_or("");
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    if !w.contains(',') {
        return digits(first);
    }
    digits(first) && first.len() <= 3 && groups.all(|g| g.len() == 3 && digits(g))
}

/// True when the paragraphs have the classic LexisNexis structure.
pub fn looks_like(paras: &[String]) -> bool {
    paras.iter().any(|p| document_marker(p))
}

/// Fields between the headline and the text.
const HEADER: &[&str] = &[
    "BYLINE",
    "SECTION",
    "LENGTH",
    "DATELINE",
    "HIGHLIGHT",
    "SOURCE",
    "HEADLINE",
];

/// Fields after the text: the text ends at the first of them.
const TRAILING: &[&str] = &[
    "LOAD-DATE",
    "LANGUAGE",
    "GRAPHIC",
    "PHOTO",
    "PHOTOS",
    "CHART",
    "CUTLINE",
    "ENHANCEMENT",
    "PUBLICATION-TYPE",
    "PUBLICATION-SOURCE-COUNTRY",
    "DOCUMENT-TYPE",
    "JOURNAL-CODE",
    "URL",
    "NOTES",
    "CORRECTION-DATE",
    "CORRECTION",
    "SERIES",
    "CATEGORY",
    "SUBJECT",
    "ORGANIZATION",
    "COMPANY",
    "TICKER",
    "INDUSTRY",
    "PERSON",
    "GEOGRAPHIC",
    "CITY",
    "STATE",
    "COUNTRY",
    "TYPE",
    "DISTRIBUTION",
];

/// Fields after the text whose value may run on over more paragraphs.
const FREE_TEXT: &[&str] = &[
    "GRAPHIC",
    "PHOTO",
    "PHOTOS",
    "CHART",
    "CUTLINE",
    "ENHANCEMENT",
    "NOTES",
    "CORRECTION",
];

/// The label of a paragraph that starts one of the export's fields. Only
/// the labels LexisNexis writes count: a headline `EXCLUSIVE: ...` or a
/// dateline `KARACHI: ...` has the same upper-case shape but is text.
fn field_label(p: &str) -> Option<&str> {
    upper_label(p).filter(|l| HEADER.contains(l) || TRAILING.contains(l))
}

/// A line the splitter reads as structure: a document marker or a field.
pub fn record_line(l: &str) -> bool {
    document_marker(l) || field_label(l).is_some()
}

/// The label of a paragraph that starts a field after the text.
fn trailing_label(p: &str) -> Option<&str> {
    upper_label(p).filter(|l| TRAILING.contains(l))
}

/// Edition and copyright lines printed between the date line and the
/// headline. Short, so that a headline mentioning an edition is no masthead.
fn is_masthead_line(p: &str) -> bool {
    let l = p.to_lowercase();
    l.starts_with("copyright")
        || l.starts_with('\u{a9}')
        || l.contains("all rights reserved")
        || (l.contains("edition") && l.split_whitespace().count() <= 8)
}

/// The date line among the first paragraphs (the outlet, which may take
/// more than one, comes before it): its place and its date, ISO to the day
/// or, for monthly and quarterly titles, to the month or year.
fn date_line(chunk: &[String]) -> Option<(usize, Option<String>)> {
    chunk.iter().take(6).enumerate().find_map(|(i, p)| {
        if let Some(d) = iso_date(p) {
            return Some((i, Some(d)));
        }
        let first = p.lines().next().unwrap_or_default();
        dayless_date(first).map(|d| (i, d))
    })
}

/// The document number and total a marker states ("101 of 500 DOCUMENTS"
/// -> (101, 500)); `None` for a number too large to be one.
fn stated_number(marker: &str) -> Option<(usize, usize)> {
    let number = |w: &str| w.replace(',', "").parse().ok();
    let mut w = marker.split_whitespace();
    let n = number(w.next()?)?;
    let total = number(w.nth(1)?)?;
    Some((n, total))
}

/// Each document's number: the one its marker states, when every marker
/// states one of the same export (same total, 1 to the total, each above
/// the one before), so that a file holding documents 101-200 of a larger
/// download numbers them 101-200 and a student finds "#101" in it. Else
/// their places in the file, with the reason the stated ones were not used.
fn numbering(markers: &[&str]) -> (Vec<usize>, Option<String>) {
    let mut numbers: Vec<usize> = Vec::with_capacity(markers.len());
    let mut total_before = None;
    for (i, m) in markers.iter().map(|m| one_line(m)).enumerate() {
        let why = match stated_number(&m) {
            None => Some(format!("\"{m}\" states no number frame can read")),
            Some((n, total)) if n == 0 || n > total => {
                Some(format!("\"{m}\" is no document of the export"))
            }
            Some((n, total))
                if total_before.is_some_and(|t| t != total)
                    || numbers.last().is_some_and(|&p| n <= p) =>
            {
                Some(format!("\"{m}\" follows \"{}\"", one_line(markers[i - 1])))
            }
            Some((n, total)) => {
                total_before = Some(total);
                numbers.push(n);
                None
            }
        };
        if let Some(why) = why {
            let last = markers.len();
            return (
                (1..=last).collect(),
                Some(format!(
                    "the export's own document numbers cannot be the articles' numbers \
                     ({why}); its articles are numbered by their place in this file \
                     (#1 to #{last}) instead"
                )),
            );
        }
    }
    (numbers, None)
}

/// The articles of a classic export, in order (what comes before the
/// first "1 of N DOCUMENTS" is a cover page and is left out), with each
/// article's number ([`numbering`]). Every document marker gives one
/// article, so that an article keeps its number even where it cannot be
/// read in full.
pub fn split(paras: &[String]) -> (Vec<ExportArticle>, Vec<String>, Vec<usize>) {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let starts: Vec<usize> = (0..paras.len())
        .filter(|&i| document_marker(&paras[i]))
        .collect();
    let markers: Vec<&str> = starts.iter().map(|&s| paras[s].as_str()).collect();
    let (numbers, fallback) = numbering(&markers);
    warnings.extend(fallback);
    for (n, &s) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(paras.len());
        let (a, notes) = article(&paras[s], &paras[s + 1..end]);
        let name = article_name(numbers[n], &a.title);
        warnings.extend(notes.into_iter().map(|w| format!("{name}: {w}")));
        out.push(a);
    }
    (out, warnings, numbers)
}

/// One document: the article and what a warning should say about it.
fn article(marker: &str, chunk: &[String]) -> (ExportArticle, Vec<String>) {
    let mut a = ExportArticle::default();
    let mut notes = Vec::new();
    let mut i = match date_line(chunk) {
        Some((d, date)) => {
            a.outlet = chunk[..d]
                .iter()
                .map(|p| one_line(p))
                .collect::<Vec<_>>()
                .join(" ");
            let line = chunk[d].lines().next().unwrap_or_default();
            match &date {
                Some(iso) if iso.len() < 10 => notes.push(format!(
                    "its date line \"{line}\" gives no day; its date is {iso}"
                )),
                None => notes.push(format!(
                    "its date line \"{line}\" gives no single month or year; its date is left empty"
                )),
                Some(_) => {}
            }
            a.date = date;
            d + 1
        }
        None => match chunk.first() {
            // The outlet comes first, as above the date line it lacks.
            Some(p) if field_label(p).is_none() => {
                notes.push(format!(
                    "no date line after \"{marker}\"; its date is left empty and its first line is taken as the outlet"
                ));
                a.outlet = one_line(p);
                1
            }
            _ => {
                notes.push(format!(
                    "no outlet or date line after \"{marker}\"; both are left empty"
                ));
                0
            }
        },
    };
    let mut title: Vec<&String> = Vec::new();
    while i < chunk.len() && field_label(&chunk[i]).is_none() {
        if !(title.is_empty() && is_masthead_line(&chunk[i])) {
            title.push(&chunk[i]);
        }
        i += 1;
    }
    let header_fields = chunk.get(i).is_some_and(|p| trailing_label(p).is_none());
    let mut body: Vec<String> = Vec::new();
    if header_fields {
        a.title = title
            .iter()
            .map(|p| one_line(p))
            .collect::<Vec<_>>()
            .join(" ");
    } else if let Some((first, rest)) = title.split_first() {
        // No BYLINE:/LENGTH: before the text: the headline is its first paragraph.
        notes.push(
            "no BYLINE:/SECTION:/LENGTH: fields; its first paragraph is taken as the headline"
                .into(),
        );
        a.title = one_line(first);
        body.extend(rest.iter().map(|p| p.to_string()));
    }
    while let Some(label) = chunk.get(i).and_then(|p| field_label(p)) {
        if TRAILING.contains(&label) {
            break;
        }
        let p = &chunk[i];
        if let Some(v) = labelled(p, "BYLINE") {
            a.byline = one_line(v);
        } else if let Some(v) = labelled(p, "SECTION") {
            a.section = one_line(v.split(';').next().unwrap_or(v));
        } else if let Some(v) = labelled(p, "LENGTH") {
            a.length = word_count(v);
        }
        i += 1;
    }
    let text_end = (i..chunk.len())
        .find(|&j| trailing_label(&chunk[j]).is_some())
        .unwrap_or(chunk.len());
    body.extend(chunk[i..text_end].iter().cloned());
    a.body = body;
    // After the text come fields; only a caption or a note runs on below
    // its label. Plain text below any other field means the text was cut
    // at a paragraph that starts like a field.
    let mut field = "";
    let mut lost = 0;
    for p in &chunk[text_end..] {
        if let Some(label) = field_label(p) {
            field = label;
        } else if !is_masthead_line(p) && !FREE_TEXT.contains(&field) {
            lost += 1;
        }
    }
    if lost > 0 {
        let label = upper_label(&chunk[text_end]).unwrap_or_default();
        notes.push(format!(
            "its text ends at the paragraph starting \"{label}:\", but {lost} paragraph(s) of text follow the fields there and were not read"
        ));
    }
    if a.title.is_empty() && a.body.is_empty() {
        // One reason is enough for a document with nothing to read.
        notes = vec![format!(
            "no headline or text follows \"{marker}\"; it is left out"
        )];
    }
    (a, notes)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::input::exports::fields::paragraphs;

    /// An article of a fixture: (headline, outlet, date line, byline, body).
    pub(crate) type Doc<'a> = (&'a str, &'a str, &'a str, &'a str, &'a [&'a str]);

    /// An article of The Times by "A B", the one most fixtures repeat.
    pub(crate) fn times<'a>(title: &'a str, date: &'a str, body: &'a [&'a str]) -> Doc<'a> {
        (title, "The Times", date, "A B", body)
    }

    /// A classic LexisNexis .txt export of the articles, laid out as the
    /// service wrote it.
    pub(crate) fn classic_of(articles: &[Doc]) -> String {
        classic_part(1, articles.len(), articles)
    }

    /// [`classic_of`] for a part of a larger download: its documents are
    /// numbered from `first`, of `total`.
    pub(crate) fn classic_part(first: usize, total: usize, articles: &[Doc]) -> String {
        let mut s = String::from("\n\n");
        for (i, (title, outlet, date, byline, body)) in articles.iter().enumerate() {
            s.push_str(&format!(
                "                              {} of {total} DOCUMENTS\n\n",
                first + i
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

    /// The articles and warnings of an export's text.
    fn split_text(txt: &str) -> (Vec<ExportArticle>, Vec<String>) {
        let (arts, warnings, _) = split(&paragraphs(txt));
        (arts, warnings)
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
        let (arts, warnings, _) = split(&paras);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].outlet, "The Times (London)");
        assert_eq!(arts[0].date.as_deref(), Some("2012-03-05"));
        assert_eq!(arts[0].title, "Storm damage worse than feared");
        // As the export writes it; `into_extracted` drops the "By".
        assert_eq!(arts[0].byline, "By JANE SMITH");
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
    fn upper_case_openings_that_are_no_field_are_text() {
        let txt = "1 of 2 DOCUMENTS\n\nDaily Mail (London)\n\nMarch 6, 2012 Tuesday\n\n\
            EXCLUSIVE: Minister knew of flood risk for years\n\nBYLINE: By TOM BROWN\n\n\
            LENGTH: 9 words\n\nThe minister was warned in 2009 that defences would fail.\n\n\
            LOAD-DATE: March 7, 2012\n\n2 of 2 DOCUMENTS\n\nDawn (Pakistan)\n\n\
            March 7, 2012 Wednesday\n\nFloods displace thousands in Sindh\n\n\
            BYLINE: STAFF REPORTER\n\nDATELINE: KARACHI\n\nLENGTH: 16 words\n\n\
            KARACHI: Floods have displaced thousands of families, officials said.\n\n\
            Relief camps were set up.\n\nLOAD-DATE: March 8, 2012\n";
        let (arts, warnings) = split_text(txt);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            arts[0].title,
            "EXCLUSIVE: Minister knew of flood risk for years"
        );
        assert_eq!(arts[0].byline, "By TOM BROWN");
        assert_eq!(
            arts[0].body,
            vec!["The minister was warned in 2009 that defences would fail."]
        );
        assert_eq!(arts[1].title, "Floods displace thousands in Sindh");
        assert_eq!(arts[1].length, Some(16));
        assert_eq!(
            arts[1].body,
            vec![
                "KARACHI: Floods have displaced thousands of families, officials said.",
                "Relief camps were set up."
            ]
        );
    }

    #[test]
    fn a_date_line_without_a_day_keeps_the_article_and_the_numbering() {
        let txt = classic_of(&[
            times("Storm hits", "March 5, 2012 Monday", &["One."]),
            (
                "Quarterly review",
                "Flood Review",
                "Spring 2012",
                "C D",
                &["Two."],
            ),
            (
                "Monthly digest",
                "Water Monthly",
                "March 2012",
                "E F",
                &["Three."],
            ),
            times("Storm ends", "March 6, 2012 Tuesday", &["Four."]),
        ]);
        let (arts, warnings) = split_text(&txt);
        assert_eq!(arts.len(), 4);
        let titles: Vec<&str> = arts.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Storm hits",
                "Quarterly review",
                "Monthly digest",
                "Storm ends"
            ]
        );
        assert_eq!(arts[1].date.as_deref(), Some("2012"));
        assert_eq!(arts[1].outlet, "Flood Review");
        assert_eq!(arts[2].date.as_deref(), Some("2012-03"));
        assert_eq!(arts[2].body, vec!["Three."]);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].starts_with("article 2 (\"Quarterly review\")"));
        assert!(warnings[0].contains("\"Spring 2012\" gives no day"));
        assert!(warnings[1].starts_with("article 3 (\"Monthly digest\")"));
    }

    #[test]
    fn an_article_with_no_date_or_no_fields_is_kept_and_named() {
        let txt = "1 of 3 DOCUMENTS\n\nDaily Mail (London)\n\nTuesday edition\n\n\
            Flood alert\n\nBYLINE: A B\n\nLENGTH: 3 words\n\nRivers are rising.\n\n\
            LOAD-DATE: March 7, 2012\n\n2 of 3 DOCUMENTS\n\nThe Times\n\n\
            March 7, 2012 Wednesday\n\nNo fields here\n\nThe text comes at once.\n\n\
            LOAD-DATE: March 8, 2012\n\n3 of 3 DOCUMENTS\n\n";
        let (arts, warnings) = split_text(txt);
        assert_eq!(arts.len(), 3);
        assert_eq!(
            (
                arts[0].outlet.as_str(),
                arts[0].title.as_str(),
                arts[0].date.as_ref()
            ),
            ("Daily Mail (London)", "Flood alert", None)
        );
        assert_eq!(arts[0].body, vec!["Rivers are rising."]);
        assert_eq!(arts[1].title, "No fields here");
        assert_eq!(arts[1].body, vec!["The text comes at once."]);
        assert_eq!(arts[2], ExportArticle::default());
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(warnings[0].starts_with("article 1 (\"Flood alert\"): no date line"));
        assert!(warnings[1].starts_with("article 2 (\"No fields here\"): no BYLINE:"));
        assert!(warnings[2].starts_with("article 3: no headline or text"));
    }

    #[test]
    fn text_cut_at_a_field_label_is_named() {
        let long = "The committee heard evidence from residents who had lost everything \
            in the floods and from engineers who said the defences were never maintained.";
        let txt = classic_of(&[times(
            "Inquiry opens",
            "March 5, 2012 Monday",
            &["The inquiry opened.", "SUBJECT: the flood defences.", long],
        )]);
        let (arts, warnings) = split_text(&txt);
        assert_eq!(arts[0].body, vec!["The inquiry opened."]);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("\"SUBJECT:\""), "{warnings:?}");
    }

    #[test]
    fn markers_with_thousands_separators_are_markers() {
        for m in [
            "1,001 of 2,500 DOCUMENTS",
            "999 of 1,000 documents",
            "12,345 of 1,234,567 Document",
        ] {
            assert!(document_marker(m), "{m}");
        }
        for m in [
            "1,00 of 2,500 DOCUMENTS",
            "1001, of 2500 DOCUMENTS",
            ",100 of 2500 DOCUMENTS",
            "1234,567 of 2,000,000 DOCUMENTS",
            "1.001 of 2.500 DOCUMENTS",
        ] {
            assert!(!document_marker(m), "{m}");
        }
        assert_eq!(
            numbering(&["1,001 of 2,500 DOCUMENTS", "1,002 of 2,500 DOCUMENTS"]),
            (vec![1001, 1002], None)
        );
        let txt = classic_part(
            1001,
            2500,
            &[
                times("Storm hits", "March 5, 2012 Monday", &["One."]),
                times("Storm ends", "March 6, 2012 Tuesday", &["Two."]),
            ],
        )
        .replace("1001 of 2500", "1,001 of 2,500")
        .replace("1002 of 2500", "1,002 of 2,500");
        assert!(txt.contains("1,002 of 2,500 DOCUMENTS"));
        let (arts, warnings, numbers) = split(&paragraphs(&txt));
        assert_eq!((arts.len(), numbers), (2, vec![1001, 1002]));
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn stated_numbers_in_order_number_the_articles() {
        let markers = [
            "101 of 500 DOCUMENTS",
            "102 of 500 DOCUMENTS",
            "105 of 500 Document",
        ];
        assert_eq!(numbering(&markers), (vec![101, 102, 105], None));
        let txt = classic_part(
            101,
            500,
            &[
                times("Storm hits", "March 5, 2012 Monday", &["One."]),
                (
                    "Monthly digest",
                    "Water Monthly",
                    "March 2012",
                    "C D",
                    &["Two."],
                ),
            ],
        );
        let (arts, warnings, numbers) = split(&paragraphs(&txt));
        assert_eq!(arts.len(), 2);
        assert_eq!(numbers, [101, 102]);
        // Warnings name an article by the number of its id.
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].starts_with("article 102 (\"Monthly digest\")"));
    }

    #[test]
    fn stated_numbers_out_of_order_give_way_to_places() {
        for (markers, why) in [
            (
                [
                    "3 of 10 DOCUMENTS",
                    "2 of 10 DOCUMENTS",
                    "4 of 10 DOCUMENTS",
                ],
                "\"2 of 10 DOCUMENTS\" follows \"3 of 10 DOCUMENTS\"",
            ),
            (
                [
                    "1 of 10 DOCUMENTS",
                    "2 of 10 DOCUMENTS",
                    "2 of 10 DOCUMENTS",
                ],
                "\"2 of 10 DOCUMENTS\" follows \"2 of 10 DOCUMENTS\"",
            ),
            // Two downloads pasted into one file.
            (
                ["1 of 2 DOCUMENTS", "2 of 2 DOCUMENTS", "3 of 30 DOCUMENTS"],
                "\"3 of 30 DOCUMENTS\" follows \"2 of 2 DOCUMENTS\"",
            ),
            (
                [
                    "0 of 10 DOCUMENTS",
                    "1 of 10 DOCUMENTS",
                    "2 of 10 DOCUMENTS",
                ],
                "\"0 of 10 DOCUMENTS\" is no document of the export",
            ),
            (
                ["1 of 2 DOCUMENTS", "2 of 2 DOCUMENTS", "3 of 2 DOCUMENTS"],
                "\"3 of 2 DOCUMENTS\" is no document of the export",
            ),
            (
                [
                    "1 of 10 DOCUMENTS",
                    "99999999999999999999999 of 10 DOCUMENTS",
                    "3 of 10 DOCUMENTS",
                ],
                "\"99999999999999999999999 of 10 DOCUMENTS\" states no number frame can read",
            ),
        ] {
            let (numbers, warning) = numbering(&markers);
            assert_eq!(numbers, [1, 2, 3], "{markers:?}");
            let warning = warning.unwrap();
            assert!(warning.contains(why), "{warning}");
            assert!(warning.ends_with("numbered by their place in this file (#1 to #3) instead"));
        }
    }

    #[test]
    fn markers() {
        assert!(document_marker("12 of 100 DOCUMENTS"));
        assert!(document_marker("1 of 1 document"));
        assert!(!document_marker("1 of the DOCUMENTS"));
    }
}
