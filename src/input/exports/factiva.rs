//! Factiva exports (.rtf, .html, .txt). Each article ends with a
//! "Document XXXXXXXX..." line. With field codes ("Full Article/Report
//! plus Indexing") every block starts with its code: HD headline, BY byline,
//! WC word count, PD date, SN source name, SC source code, LA language,
//! CY copyright, LP lead paragraphs, TD the rest of the text. Without them
//! the same fields come in that order, unlabelled.

use super::dates::iso_date;
use super::fields::{article_name, one_line, word_count, ExportArticle};

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

/// A line the splitter reads as structure: an article's end or a field code.
pub fn record_line(l: &str) -> bool {
    document_line(l) || coded(l).is_some()
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

/// The articles of a Factiva export, in order: one for each "Document"
/// line, so that the Nth is the export's Nth even where one cannot be read.
pub fn split(paras: &[String]) -> (Vec<ExportArticle>, Vec<String>) {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let chunks: Vec<&[String]> = paras.split(|p| document_line(p)).collect();
    let last = chunks.len() - 1;
    for (k, chunk) in chunks.into_iter().enumerate() {
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
            None if k == last && chunk.iter().all(|p| p.split_whitespace().count() < 40) => {}
            None if k == last => warnings.push(
                "the text after the export's last \"Document ...\" line has no word count line; not read as an article".into(),
            ),
            None => {
                warnings.push(format!(
                    "{}: no word count line (\"WC\" or \"N words\"); its text is read whole, with no headline, outlet or date",
                    article_name(out.len() + 1, "")
                ));
                out.push(ExportArticle {
                    body: chunk.to_vec(),
                    ..Default::default()
                });
            }
        }
    }
    (out, warnings)
}

/// Codes that follow the text in Factiva's order (contact, references,
/// then the indexing).
const AFTER_TEXT: &[&str] = &[
    "CT", "RF", "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN",
];

/// Indexing codes, whose values Factiva writes as "code : Name" pairs
/// ("NS gcat : Political/General News").
const INDEXING: &[&str] = &["CO", "IN", "NS", "RE"];

/// True when the words after a code read as a sentence, not a field value:
/// "IN total, 300 homes ...", "PUB landlords said ...".
fn sentence_like(rest: &str) -> bool {
    rest.starts_with(|c: char| c.is_lowercase())
        || rest.ends_with(['.', '!', '?', '"', '\'', '\u{201d}', '\u{2019}', ','])
}

/// An indexing field as Factiva lays it out: the code alone, or the code
/// and "code : Name" pairs.
fn indexing_field(p: &str) -> bool {
    coded(p)
        .is_some_and(|(c, rest)| INDEXING.contains(&c) && (rest.is_empty() || rest.contains(" : ")))
}

fn with_field_codes(chunk: &[String]) -> Option<ExportArticle> {
    // Code -> its paragraphs (a code alone on its paragraph takes the next ones).
    let mut fields: Vec<(&str, Vec<String>)> = Vec::new();
    let start = chunk
        .iter()
        .position(|p| coded(p).is_some_and(|(c, _)| c == "HD"))?;
    let chunk = &chunk[start..];
    // Inside the text (LP, TD) a paragraph may open with an upper-case word
    // that is also a code ("IN total, ...", "AN elderly man ...", "BY the
    // time ..."): there only a code that can follow the text in Factiva's
    // order, laid out as Factiva writes it, opens a field.
    let indexing_from = chunk
        .iter()
        .position(|p| indexing_field(p))
        .unwrap_or(chunk.len());
    let mut in_text = false;
    for (j, p) in chunk.iter().enumerate() {
        let current = fields.last().map_or("", |f| f.0);
        let field = coded(p).filter(|&(code, rest)| {
            if !in_text {
                return true;
            }
            match code {
                "TD" => current == "LP",
                _ if !AFTER_TEXT.contains(&code) => false,
                _ if rest.is_empty() => true,
                _ if INDEXING.contains(&code) => rest.contains(" : "),
                // These come after the indexing codes when there are any.
                "IPC" | "IPD" | "PUB" if j < indexing_from => false,
                _ => !sentence_like(rest),
            }
        });
        match field {
            Some((code, rest)) => {
                in_text = matches!(code, "LP" | "TD");
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

    fn paras(text: &str) -> Vec<String> {
        text.split("\n\n").map(String::from).collect()
    }

    #[test]
    fn upper_case_openings_of_the_text_are_no_codes() {
        let p = paras(
            "HD Council admits flood failures\n\nBY Jane Smith\n\nWC 62 words\n\n\
             PD 5 March 2024\n\nSN The Sun\n\nLA English\n\n\
             LP Town hall bosses admitted they got it wrong.\n\n\
             TD The council leader apologised.\n\n\
             BY the time the alarm was raised, the water was deep.\n\n\
             IN total, 300 homes were flooded.\n\n\
             AN elderly man was rescued by boat.\n\n\
             PUB landlords opened their doors to families.\n\n\
             CT scans showed no serious injuries.\n\n\
             IPC Media said its staff had helped.\n\n\
             RE cent rain was the heaviest on record.\n\n\
             CO abcde : Anglian Water Services Ltd\n\nIN\n\ni1 : Water Utilities\n\n\
             NS gcat : Political/General News\n\nRE uk : United Kingdom\n\n\
             IPD Flood\n\nPUB News Group Newspapers Ltd.\n\n\
             AN Document THESUN0020240305e0350000b",
        );
        let (arts, warnings) = split(&p);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(arts.len(), 1);
        let a = &arts[0];
        assert_eq!(
            (a.title.as_str(), a.byline.as_str()),
            ("Council admits flood failures", "Jane Smith")
        );
        assert_eq!(
            a.body,
            [
                "Town hall bosses admitted they got it wrong.",
                "The council leader apologised.",
                "BY the time the alarm was raised, the water was deep.",
                "IN total, 300 homes were flooded.",
                "AN elderly man was rescued by boat.",
                "PUB landlords opened their doors to families.",
                "CT scans showed no serious injuries.",
                "IPC Media said its staff had helped.",
                "RE cent rain was the heaviest on record.",
            ]
        );
    }

    #[test]
    fn an_unreadable_article_keeps_its_place() {
        let mut p = factiva_of(ARTS, false);
        // The first article loses its word count line.
        p.retain(|x| x != "10 words");
        let (arts, warnings) = split(&p);
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].title, "");
        assert!(arts[0]
            .body
            .contains(&"The walls held overnight.".to_string()));
        assert_eq!(arts[1].title, "River falls again");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].starts_with("article 1: no word count line"));
    }

    #[test]
    fn document_ids() {
        assert!(document_line("Document GDN0000020240305e0350000b"));
        assert!(document_line("AN Document GDN0000020240305e0350000b"));
        assert!(!document_line("Document 12"));
    }
}
