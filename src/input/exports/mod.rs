//! News-database exports split into their articles, with the metadata each
//! article's header gives (headline, outlet, ISO date, byline, section,
//! stated length): Nexis Uni, classic LexisNexis, Factiva and ProQuest. The readers
//! in `formats/` turn the file into text first, so the same splitter serves
//! an export saved as .docx, .rtf, .pdf, .html or .txt. Cover pages and
//! result lists are left out.

pub mod dates;
pub mod factiva;
pub mod fields;
pub mod lexis_classic;
pub mod nexis_uni;
pub mod proquest;

use crate::input::formats::extracted::Extracted;
use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// "document" in any (ASCII) case: every classic LexisNexis marker holds
/// it, as [`lexis_classic::document_marker`] reads one ("1 of 2 documents").
static DOCUMENT_ANY_CASE: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["document"])
        .expect("one fixed word builds")
});

/// The articles of one export file.
#[derive(Debug, Clone)]
pub struct Split {
    /// Which database's structure was found ("Nexis Uni", "LexisNexis", "Factiva").
    pub database: &'static str,
    /// The articles, in the order of the file: one for each article of the
    /// export, so that the Nth is the export's Nth (an article that cannot
    /// be read is there with no text, and a warning names it).
    pub articles: Vec<Extracted>,
    /// What could not be read as the export lays it out, each naming the article.
    pub warnings: Vec<String>,
    /// Each article's number, the N of its id `FILE#N`: its place in the
    /// file, or the number a classic LexisNexis export states for it.
    pub numbers: Vec<usize>,
}

/// Splits `text` if it has the structure of a news-database export; `None`
/// for an ordinary article. A cheap look for each structure's marker comes
/// first, so an ordinary article costs a few substring searches.
pub fn split(text: &str) -> Option<Split> {
    let has = |s: &str| memchr::memmem::find(text.as_bytes(), s.as_bytes()).is_some();
    let maybe_uni = has("End of Document");
    let maybe_classic = DOCUMENT_ANY_CASE.is_match(text);
    let maybe_factiva = has("Document ") && has(" words");
    let maybe_proquest = has("Full text:");
    if !(maybe_uni || maybe_classic || maybe_factiva || maybe_proquest) {
        return None;
    }
    let paras = fields::paragraphs(text);
    let (database, (articles, mut warnings), numbers) =
        if maybe_uni && nexis_uni::looks_like(&paras) {
            ("Nexis Uni", nexis_uni::split(&paras), None)
        } else if maybe_classic && lexis_classic::looks_like(&paras) {
            let (articles, warnings, numbers) = lexis_classic::split(&paras);
            ("LexisNexis", (articles, warnings), Some(numbers))
        } else if maybe_proquest && proquest::looks_like(&paras) {
            ("ProQuest", proquest::split(&paras), None)
        } else if maybe_factiva && factiva::looks_like(&paras) {
            ("Factiva", factiva::split(&paras), None)
        } else if maybe_factiva && factiva::looks_like(&lines_of(text)) {
            // Field codes on lines of their own, records apart by a blank
            // line: each record is one paragraph, so read line by line.
            ("Factiva", factiva::split(&lines_of(text)), None)
        } else {
            return None;
        };
    let numbers = numbers.unwrap_or_else(|| (1..=articles.len()).collect());
    warnings.extend(
        articles
            .iter()
            .zip(&numbers)
            .filter_map(|(a, &n)| fields::length_warning(n, a)),
    );
    Some(Split {
        database,
        articles: articles
            .into_iter()
            .zip(&numbers)
            .map(|(a, &n)| a.into_extracted(database, n))
            .collect(),
        warnings,
        numbers,
    })
}

/// Whether a line is one an export's splitter reads as its structure (a
/// record's start or end, a field label), whatever its place on a page: a
/// PDF's page furniture is never such a line, though it may end the
/// pages as a running footer does.
pub fn record_line(line: &str) -> bool {
    let l = line.trim();
    nexis_uni::record_line(l)
        || lexis_classic::record_line(l)
        || factiva::record_line(l)
        || proquest::record_line(l)
}

/// The text's non-blank lines, trimmed, each as a paragraph.
fn lines_of(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factiva_records_apart_by_blank_lines_with_codes_on_their_own_lines() {
        let rec = |hd: &str, day: u8, an: &str| {
            format!(
                "HD\n{hd}\nBY\nBy Anna Lee\nWC\n18 words\nPD\n{day} March 2024\nSN\nThe Times\n\
                 LP\nFloods swept through the valley on Tuesday.\nTD\nThree hundred homes \
                 were hit and rescuers worked through the night.\nNS\ngcat : Political/General \
                 News\nAN\nDocument {an}\n"
            )
        };
        let text = format!(
            "{}\n{}",
            rec("Flood threat grows", 5, "TIMES00020240305ek350001x"),
            rec("Second headline", 6, "TIMES00020240306ek360002y")
        );
        let s = split(&text).expect("read as an export");
        assert_eq!(s.database, "Factiva");
        assert_eq!(s.articles.len(), 2);
        let meta = |k: usize, key: &str| {
            s.articles[k]
                .meta
                .iter()
                .find(|(m, _)| m == key)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(meta(0, "title").as_deref(), Some("Flood threat grows"));
        assert_eq!(meta(1, "date").as_deref(), Some("2024-03-06"));
        assert!(
            !s.articles[0].text.contains("gcat"),
            "{}",
            s.articles[0].text
        );
        assert!(
            s.articles[0].text.contains("rescuers worked"),
            "{}",
            s.articles[0].text
        );
    }
    use lexis_classic::tests::{classic_of, classic_part, times};

    #[test]
    fn a_stated_length_far_above_the_text_read_is_named() {
        let fac = "HD Flood\n\nWC 300 words\n\nPD 5 March 2024\n\nSN The Sun\n\n\
                   LP Homes were flooded.\n\nAN Document THESUN0020240305e0350000b\n";
        let s = split(fac).unwrap();
        assert_eq!(s.database, "Factiva");
        assert_eq!(s.warnings.len(), 1, "{:?}", s.warnings);
        assert!(
            s.warnings[0].starts_with("article 1 (\"Flood\"): the export states 300 words but 3")
        );
        let ok = fac.replace("WC 300", "WC 4");
        assert!(split(&ok).unwrap().warnings.is_empty());
    }

    #[test]
    fn classic_positions_are_the_export_numbers() {
        let classic = classic_of(&[
            times("Storm hits", "March 5, 2012 Monday", &["Text one."]),
            (
                "Monthly digest",
                "Water Monthly",
                "March 2012",
                "C D",
                &["Text two."],
            ),
            times("Storm ends", "March 6, 2012 Tuesday", &["Text three."]),
        ]);
        let s = split(&classic).unwrap();
        assert_eq!(s.articles.len(), 3);
        let third = &s.articles[2];
        assert!(third.text.starts_with("Storm ends"));
        assert!(third.meta.contains(&("position".into(), "3".into())));
        assert!(s.articles[1]
            .meta
            .contains(&("date".into(), "2012-03".into())));
    }

    #[test]
    fn a_part_of_a_download_keeps_the_export_numbers() {
        let classic = classic_part(
            101,
            500,
            &[
                times("Storm hits", "March 5, 2012 Monday", &["Text one."]),
                times("Storm ends", "March 6, 2012 Tuesday", &["Text two."]),
            ],
        )
        .replace("LENGTH: 2 words", "LENGTH: 900 words");
        let s = split(&classic).unwrap();
        assert_eq!(s.numbers, [101, 102]);
        assert!(s.articles[1]
            .meta
            .contains(&("position".into(), "102".into())));
        assert_eq!(s.warnings.len(), 2, "{:?}", s.warnings);
        assert!(s.warnings[0].starts_with("article 101 (\"Storm hits\"): the export states 900"));
        let uni = one_nexis_uni_article();
        assert_eq!(split(&uni).unwrap().numbers, [1]);
    }

    /// A Nexis Uni export of one article.
    fn one_nexis_uni_article() -> String {
        nexis_uni::tests::nexis_uni_of(&[(
            "Flood warning issued for valley",
            "The Northern Echo",
            "March 5, 2024 Tuesday",
            "Jane Smith",
            &["Residents were told to leave."],
        )])
        .join("\n\n")
    }

    #[test]
    fn classic_markers_in_any_case_or_with_separators_are_found() {
        let docs = [
            times("Storm hits", "March 5, 2012 Monday", &["Text one."]),
            times("Storm ends", "March 6, 2012 Tuesday", &["Text two."]),
        ];
        let lower = classic_of(&docs).replace(" DOCUMENTS", " documents");
        assert!(!lower.contains("DOCUMENT"));
        let s = split(&lower).unwrap();
        assert_eq!((s.database, s.articles.len()), ("LexisNexis", 2));
        let mixed = classic_of(&docs).replace(" of 2 DOCUMENTS", "\tOF\t2\tDocuments");
        assert_eq!(split(&mixed).unwrap().articles.len(), 2);
        let big = classic_part(1001, 2500, &docs)
            .replace("1001 of 2500", "1,001 of 2,500")
            .replace("1002 of 2500", "1,002 of 2,500");
        let s = split(&big).unwrap();
        assert_eq!((s.database, s.articles.len()), ("LexisNexis", 2));
        assert_eq!(s.numbers, [1001, 1002]);
    }

    #[test]
    fn ordinary_articles_are_not_split() {
        assert!(split("Police said the document was 300 words long.\n\nEnd of story.").is_none());
        assert!(split("A plain article about nothing.").is_none());
    }

    #[test]
    fn each_database_is_recognised() {
        let uni = one_nexis_uni_article();
        let s = split(&uni).unwrap();
        assert_eq!(s.database, "Nexis Uni");
        assert_eq!(s.articles.len(), 1);
        assert_eq!(
            s.articles[0].text,
            "Flood warning issued for valley\n\nResidents were told to leave."
        );
        let classic = classic_of(&[
            times("Storm hits", "March 5, 2012 Monday", &["Text one."]),
            times("Storm ends", "March 6, 2012 Tuesday", &["Text two."]),
        ]);
        let s = split(&classic).unwrap();
        assert_eq!((s.database, s.articles.len()), ("LexisNexis", 2));
        let fac = factiva::tests::factiva_of(
            &[(
                "Flood defences hold",
                "The Daily Paper",
                "5 March 2024",
                "Jane Smith",
                &["The walls held."],
            )],
            false,
        )
        .join("\n\n");
        let s = split(&fac).unwrap();
        assert_eq!((s.database, s.articles.len()), ("Factiva", 1));
        assert!(s.articles[0]
            .meta
            .contains(&("outlet".into(), "The Daily Paper".into())));
    }
}
