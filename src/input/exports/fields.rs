//! What the export readers share: the paragraphs of an export, the article
//! they fill in, and the `Label: value` lines of its header.

use crate::input::formats::extracted::Extracted;

/// One article found in an export, before it becomes a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportArticle {
    /// Headline.
    pub title: String,
    /// Publication (newspaper, site, agency).
    pub outlet: String,
    /// Publication date, ISO 8601, if the export gives one.
    pub date: Option<String>,
    /// Author(s) as the export writes them.
    pub byline: String,
    /// Section (and page) as the export writes them.
    pub section: String,
    /// Length in words as the export states it.
    pub length: Option<usize>,
    /// The article's paragraphs.
    pub body: Vec<String>,
}

impl ExportArticle {
    /// The article as text (headline first, as in a saved article, so that
    /// the headline is scored as one) with its metadata; `database` names
    /// the export's source and `number` is the article's number in it (the
    /// N of its id `FILE#N`, kept as `position`).
    pub fn into_extracted(self, database: &str, number: usize) -> Extracted {
        let mut text = String::new();
        // Exports wrap lines at a fixed width (classic .txt, PDF): a line
        // end inside a paragraph is layout, not the end of a sentence.
        for p in &self.body {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(&one_line(p));
        }
        // A record with a headline and no body is no article to analyse: its
        // text stays empty, so it is skipped with a warning. The headline
        // opens the text by the rule a table's title column follows.
        if self.body.iter().any(|p| !p.trim().is_empty()) {
            text = crate::input::headline::with_headline(&self.title, &text);
        }
        let mut meta = Vec::new();
        let mut put = |k: &str, v: String| {
            if !v.is_empty() {
                meta.push((k.to_string(), v));
            }
        };
        put("title", self.title);
        put("outlet", self.outlet);
        put("date", self.date.unwrap_or_default());
        // Every source's byline by the one rule: the names without "By",
        // as a web page's byline gives them, so that one writer is one group.
        put(
            "byline",
            crate::input::formats::bylines::clean(&self.byline),
        );
        put("section", self.section);
        put(
            "length",
            self.length.map(|n| n.to_string()).unwrap_or_default(),
        );
        put("database", database.to_string());
        put("position", number.to_string());
        Extracted {
            text,
            meta,
            warnings: Vec::new(),
            wrapped: false,
            several_articles: None,
            removed: Vec::new(),
        }
    }
}

/// The paragraphs of a text by frame's one paragraph rule, each with its
/// lines trimmed (a paragraph keeps its line breaks).
pub fn paragraphs(text: &str) -> Vec<String> {
    crate::input::paragraphs::paragraphs(text)
        .into_iter()
        .map(|(a, b)| {
            text[a..b]
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// The value of a `Label: value` paragraph (label matched without regard
/// to case), trimmed; `None` when the paragraph has another label.
pub fn labelled<'a>(para: &'a str, label: &str) -> Option<&'a str> {
    let (head, rest) = para.split_once(':')?;
    head.trim().eq_ignore_ascii_case(label).then(|| rest.trim())
}

/// The upper-case `LABEL:` a paragraph starts with, by its shape only
/// (classic LexisNexis fields: `BYLINE:`, `LENGTH:`, `LOAD-DATE:` ...). A
/// headline `EXCLUSIVE: ...` has the same shape: callers check the label.
pub fn upper_label(para: &str) -> Option<&str> {
    let (head, _) = para.split_once(':')?;
    let ok = head.len() >= 2
        && head.len() <= 30
        && head.starts_with(|c: char| c.is_ascii_uppercase())
        && head
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '-' || c == '_');
    ok.then_some(head)
}

/// How a warning names an article of an export: its number in the file
/// (the `N` of its id `FILE#N`) and, if it has one, its headline.
pub fn article_name(n: usize, title: &str) -> String {
    let title = one_line(title);
    if title.is_empty() {
        return format!("article {n}");
    }
    let mut short: String = title.chars().take(60).collect();
    if short.len() < title.len() {
        short.push_str("...");
    }
    format!("article {n} (\"{short}\")")
}

/// Words in an article's paragraphs, counted as the export's stated length
/// counts them (runs between spaces).
pub fn words_in(body: &[String]) -> usize {
    body.iter().map(|p| p.split_whitespace().count()).sum()
}

/// A warning when the text read is less than half the length the export
/// states: a sign that part of the article was taken for a field or cut off.
pub fn length_warning(n: usize, a: &ExportArticle) -> Option<String> {
    let stated = a.length?;
    let read = words_in(&a.body);
    (read * 2 < stated).then(|| {
        format!(
            "{}: the export states {stated} words but {read} were read as its text; \
             part of the article may be missing (compare it with the export)",
            article_name(n, &a.title)
        )
    })
}

/// "523 words" -> 523 (also "1,204 words").
pub fn word_count(s: &str) -> Option<usize> {
    let s = s.trim();
    let n = s
        .strip_suffix("words")
        .or_else(|| s.strip_suffix("Words"))
        .or_else(|| s.strip_suffix("word"))?
        .trim();
    if n.is_empty() || !n.chars().all(|c| c.is_ascii_digit() || c == ',') {
        return None;
    }
    n.replace(',', "").parse().ok()
}

/// One-line text (line breaks inside a paragraph become spaces).
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_without_a_body_is_no_text() {
        let art = |body: Vec<String>| ExportArticle {
            title: "Empty body".into(),
            body,
            ..Default::default()
        };
        assert_eq!(art(vec![]).into_extracted("Nexis Uni", 3).text, "");
        assert_eq!(
            art(vec!["  ".into()]).into_extracted("Nexis Uni", 3).text,
            ""
        );
        let x = art(vec!["Homes flooded.".into()]).into_extracted("Nexis Uni", 3);
        assert_eq!(x.text, "Empty body\n\nHomes flooded.");
    }

    #[test]
    fn labels_and_counts() {
        assert_eq!(labelled("Length: 523 words", "length"), Some("523 words"));
        assert_eq!(labelled("Byline:Jane", "Byline"), Some("Jane"));
        assert_eq!(labelled("Police: calm", "Byline"), None);
        assert_eq!(upper_label("LOAD-DATE: March 6, 2024"), Some("LOAD-DATE"));
        assert_eq!(upper_label("Police said: no"), None);
        assert_eq!(word_count("1,204 words"), Some(1204));
        assert_eq!(word_count("words"), None);
        assert_eq!(
            paragraphs("A\n b \n\n\nC\n"),
            vec!["A\nb".to_string(), "C".to_string()]
        );
    }

    #[test]
    fn article_text_starts_with_the_headline() {
        let a = ExportArticle {
            title: "Flood warning".into(),
            outlet: "The Paper".into(),
            date: Some("2024-03-05".into()),
            length: Some(12),
            body: vec!["One.".into(), "Two.".into()],
            ..Default::default()
        };
        let e = ExportArticle {
            body: vec!["One\nwrapped.".into(), "Two.".into()],
            ..a
        }
        .into_extracted("Nexis Uni", 3);
        assert_eq!(e.text, "Flood warning\n\nOne wrapped.\n\nTwo.");
        assert!(e.meta.contains(&("position".into(), "3".into())));
        assert!(e.meta.contains(&("length".into(), "12".into())));
        assert!(!e.meta.iter().any(|(k, _)| k == "byline"));
    }

    /// From a tester's review: Factiva and Nexis kept the leading "By" that
    /// a web page's byline loses, so `--group-by byline` split one writer.
    #[test]
    fn a_byline_loses_its_by_as_a_web_page_s_does() {
        let byline = |b: &str| {
            let e = ExportArticle {
                byline: b.into(),
                body: vec!["Text.".into()],
                ..Default::default()
            }
            .into_extracted("Factiva", 1);
            e.meta
                .into_iter()
                .find(|(k, _)| k == "byline")
                .map(|(_, v)| v)
        };
        assert_eq!(byline("By Sam Writer").as_deref(), Some("Sam Writer"));
        assert_eq!(byline("BY SAM WRITER").as_deref(), Some("SAM WRITER"));
        assert_eq!(
            byline("By Daniel Bates In New York For Dailymail.com").as_deref(),
            Some("Daniel Bates In New York For Dailymail.com")
        );
        assert_eq!(
            byline("By MICHAEL D. SHEAR and NICHOLAS FANDOS").as_deref(),
            Some("MICHAEL D. SHEAR and NICHOLAS FANDOS")
        );
        assert_eq!(byline("Sam Writer").as_deref(), Some("Sam Writer"));
        assert_eq!(byline("By").as_deref(), None);
    }
}
