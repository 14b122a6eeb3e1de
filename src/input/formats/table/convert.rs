//! A table row becomes a document, and the columns named by flags are
//! checked against the table's: the rules `analyze` and `frame score` share.

use super::super::html::{holds_markup, html_to_text};
use super::rows::RawRow;
use super::site_titles::{row_site, SiteTitles};
use crate::input::article::make_document;
use crate::input::day_month::DayMonth;
use crate::input::document::Document;
use crate::input::headline::with_headline;
use crate::model::options::TableColumns;

/// Column names shown in a message before "... and N more".
const MAX_LISTED: usize = 20;

/// `items` joined with ", ", cut after 20 with "... and N more", so that a
/// message stays short whatever the file holds.
pub fn listing<S: AsRef<str>>(items: &[S]) -> String {
    let mut s: Vec<&str> = items.iter().take(MAX_LISTED).map(AsRef::as_ref).collect();
    let more;
    if items.len() > MAX_LISTED {
        more = format!("... and {} more", items.len() - MAX_LISTED);
        s.push(&more);
    }
    s.join(", ")
}

/// The columns frame reads, with what each is for.
fn read_columns(cols: &TableColumns) -> impl Iterator<Item = (&'static str, &String)> {
    [
        ("text", Some(&cols.text)),
        ("id", cols.id.as_ref()),
        ("title", cols.title.as_ref()),
        ("date", cols.date.as_ref()),
        ("group", cols.group.as_ref()),
    ]
    .into_iter()
    .filter_map(|(what, col)| Some((what, col?)))
}

/// Why the table cannot be used when a column named by a flag (or the
/// default text column) is not among `columns`, or is there more than once
/// (which of them holds the text would be a guess).
pub fn missing_column(columns: &[String], cols: &TableColumns) -> Option<String> {
    read_columns(cols).find_map(|(what, col)| {
        let at: Vec<String> = (1..=columns.len())
            .filter(|&i| &columns[i - 1] == col)
            .map(|i| i.to_string())
            .collect();
        match at.len() {
            0 => Some(format!(
                "no column '{col}' for the {what} (columns: {}); use --{what}-column to pick one",
                listing(columns)
            )),
            1 => None,
            n => Some(format!(
                "the header names {n} columns '{col}' (columns {}), which frame reads for the {what}; rename all but one so that it is clear which to read",
                listing(&at)
            )),
        }
    })
}

/// Column names that say what a column holds, for each flag a student may
/// not know to give: a table with a `title` column read without
/// `--title-column` loses its headlines, and one with a `date` column its
/// timeline, silently.
const TELLING_NAMES: &[(&str, &[&str])] = &[
    ("title", &["title", "headline", "heading"]),
    (
        "date",
        &[
            "date",
            "published",
            "pubdate",
            "publication_date",
            "published_at",
        ],
    ),
    ("id", &["id", "doc_id", "article_id"]),
    (
        "group",
        &["outlet", "publication", "newspaper", "source", "group"],
    ),
];

/// A hint for the table `name` naming the columns whose names say they
/// hold a title, date, id or group that no flag picks, with the flags
/// that would read them: frame reads only the columns it is told to.
pub fn unread_columns(name: &str, columns: &[String], cols: &TableColumns) -> Option<String> {
    let given = |what: &str| read_columns(cols).any(|(w, _)| w == what);
    let read: Vec<&String> = read_columns(cols).map(|(_, c)| c).collect();
    let flags: Vec<String> = TELLING_NAMES
        .iter()
        .filter(|(what, _)| !given(what))
        .filter_map(|(what, names)| {
            // The first column, in the header's order, whose name tells.
            let col = columns
                .iter()
                .find(|c| !read.contains(c) && names.contains(&c.trim().to_lowercase().as_str()))?;
            Some(format!("--{what}-column {}", shell_word(col)))
        })
        .collect();
    (!flags.is_empty()).then(|| {
        format!(
            "{name}: frame reads a table's titles, dates, ids and groups only from the columns named by flags; to use the columns this one has, add {}",
            flags.join(" ")
        )
    })
}

/// `col` as a shell word: quoted when it holds anything but letters,
/// digits, `_`, `-` and `.`.
fn shell_word(col: &str) -> String {
    if !col.is_empty()
        && col
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
    {
        col.to_string()
    } else {
        format!("'{}'", col.replace('\'', "'\\''"))
    }
}

/// The document of one row (`source` names it in later messages), or why
/// the row is left out.
pub fn to_document(
    row: &RawRow,
    cols: &TableColumns,
    keep_boilerplate: bool,
    source: String,
) -> Result<Document, String> {
    to_document_in(
        row,
        cols,
        keep_boilerplate,
        source,
        &TableContext::default(),
    )
    .map(|r| r.doc)
}

/// What the whole table tells about one row's cells: the order of day and
/// month its date column settles, and the site names its titles end in.
#[derive(Debug, Default, Clone)]
pub struct TableContext {
    /// Day and month order of year-last dates (`input::day_month::column_order`).
    pub order: Option<DayMonth>,
    /// Site names to cut from the end of titles.
    pub sites: SiteTitles,
}

/// A row read as an article, with what its reading noticed.
#[derive(Debug)]
pub struct RowDocument {
    /// The article.
    pub doc: Document,
    /// Why its date cell could not be read, if it could not.
    pub bad_date: Option<String>,
    /// The site's name cut from the end of its title, if one was.
    pub site_cut: Option<String>,
}

/// [`to_document`], reading the row's cells as the whole table settles
/// them ([`TableContext`]): year-last dates in the column's order, and
/// titles without the site's name they end in.
pub fn to_document_in(
    row: &RawRow,
    cols: &TableColumns,
    keep_boilerplate: bool,
    source: String,
    context: &TableContext,
) -> Result<RowDocument, String> {
    let get = |c: &Option<String>| {
        c.as_ref()
            .and_then(|c| row.fields.get(c))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    if let Some((what, key)) = read_columns(cols).find(|(_, c)| row.repeated.contains(c)) {
        return Err(format!(
            "the key '{key}', which frame reads for the {what}, is given more than once in this object; keep one"
        ));
    }
    // A CSV row has every column of the header; a JSON object may lack one.
    let Some(text) = row.fields.get(&cols.text) else {
        let mut keys: Vec<String> = row.fields.keys().cloned().collect();
        keys.sort();
        return Err(format!(
            "no '{}' key in this object (its keys: {}); use --text-column to pick one",
            cols.text,
            if keys.is_empty() {
                "none".to_string()
            } else {
                listing(&keys)
            }
        ));
    };
    if text.trim().is_empty() {
        return Err(format!("empty '{}' field", cols.text));
    }
    // A row number standing in for a missing id could clash with a real one.
    let id = match (&cols.id, get(&cols.id)) {
        (None, _) => row.row.to_string(),
        (Some(_), Some(id)) => id,
        (Some(col), None) => return Err(format!("empty '{col}' field (the id column)")),
    };
    let text = text.replace("\r\n", "\n");
    // Tables scraped from the web often keep the page's HTML in the text
    // cell: its tags and link addresses are not the article's words.
    let text = if holds_markup(&text) {
        html_to_text(&text)
    } else {
        text
    };
    // The title is the text's first line, as in an article file and an
    // export: its words, matches and sentiment count, and the headline,
    // lead and body add up to the article.
    let title = get(&cols.title).map(|t| {
        let t = if holds_markup(&t) {
            html_to_text(&t)
        } else {
            t
        };
        t.split_whitespace().collect::<Vec<_>>().join(" ")
    });
    let (title, site_cut) = match title {
        Some(t) => {
            let (t, cut) = context.sites.cut(&t, row_site(row.fields.iter()));
            (Some(t), cut)
        }
        None => (None, None),
    };
    let text = match &title {
        Some(t) => with_headline(t, &text),
        None => text,
    };
    let mut doc = make_document(&text, keep_boilerplate);
    if doc.text.trim().is_empty() {
        return Err("no article text left after removing boilerplate".into());
    }
    doc.id = id;
    doc.source = source;
    if let Some(t) = title.filter(|t| !t.is_empty()) {
        doc.set_title(&t);
    }
    // An unreadable date is left empty and kept apart; `read` warns of it.
    let bad_date = match cols.date.as_ref().and_then(|c| row.fields.get(c)) {
        Some(v) if !v.trim().is_empty() => doc.set_date_in(v, context.order).err(),
        _ => None,
    };
    doc.group = get(&cols.group);
    // Every other short column is metadata that --group-by can pick.
    for (k, v) in &row.fields {
        let v = v.trim();
        if k != &cols.text && !v.is_empty() && v.len() <= 200 {
            doc.meta.insert(k.trim().to_lowercase(), v.to_string());
        }
    }
    // The outlet a title named, for --group-by, unless a column names it.
    if let Some(site) = &site_cut {
        doc.meta
            .entry("outlet".to_string())
            .or_insert_with(|| site.clone());
    }
    Ok(RowDocument {
        doc,
        bad_date,
        site_cut,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn columns_whose_names_tell_are_named_with_their_flags() {
        let cols = TableColumns::default();
        let hint = unread_columns(
            "feed.csv",
            &columns(&["ID", "Headline", "date", "text", "Source"]),
            &cols,
        )
        .unwrap();
        assert!(
            hint.ends_with(
                "add --title-column Headline --date-column date --id-column ID --group-column Source"
            ),
            "{hint}"
        );
        assert!(hint.starts_with("feed.csv: "), "{hint}");
        // A flag given, or a column read for something else, is not hinted.
        let cols = TableColumns {
            title: Some("Headline".into()),
            group: Some("Source".into()),
            ..TableColumns::default()
        };
        let hint = unread_columns(
            "f.csv",
            &columns(&["Headline", "date", "text", "Source"]),
            &cols,
        );
        assert!(hint.unwrap().ends_with("add --date-column date"));
        // Nothing to say of a table whose other columns tell nothing.
        let cols = TableColumns::default();
        assert_eq!(
            unread_columns("f.csv", &columns(&["text", "words", "url"]), &cols),
            None
        );
    }

    #[test]
    fn a_column_name_with_a_space_is_quoted_for_the_shell() {
        assert_eq!(shell_word("pub date"), "'pub date'");
        assert_eq!(shell_word("title"), "title");
        assert_eq!(shell_word("it's"), "'it'\\''s'");
    }
    use std::collections::HashMap;

    fn row(pairs: &[(&str, &str)]) -> RawRow {
        RawRow {
            row: 7,
            line: 8,
            fields: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<HashMap<_, _>>(),
            windows_1252: false,
            repeated: Vec::new(),
        }
    }

    #[test]
    fn a_row_without_an_id_column_takes_its_row_number() {
        let cols = TableColumns::default();
        let d = to_document(
            &row(&[("text", "Police said."), ("Outlet", "Times")]),
            &cols,
            true,
            "t.csv:row 7".into(),
        )
        .unwrap();
        assert_eq!((d.id.as_str(), d.meta["outlet"].as_str()), ("7", "Times"));
    }

    /// From a real-input review: a scraped table's text cells held the
    /// page's HTML, and its tags and link addresses were scored as words.
    #[test]
    fn html_in_a_text_cell_is_read_as_text() {
        let cols = TableColumns::default();
        let cell = "<p>The flood reached the town on <b>Monday</b>.</p>\
                    <p>Residents left&nbsp;their homes.<br>Roads closed.</p>\
                    <a href=\"https://example.com/flood-live\">Flood warnings</a>";
        let d = to_document(&row(&[("text", cell)]), &cols, true, "".into()).unwrap();
        assert_eq!(
            d.text,
            "The flood reached the town on Monday .\n\nResidents left their homes.\nRoads closed.\n\nFlood warnings"
        );
        // Plain text with a stray "<" is left as it is.
        for plain in [
            "Rates rose by <2% while x<y and a <b held.",
            "Use <Ctrl> to select.",
        ] {
            let d = to_document(&row(&[("text", plain)]), &cols, true, "".into()).unwrap();
            assert_eq!(d.text, plain);
        }
    }

    /// From a review: a title column was left out of the article's words
    /// and matches, yet scored as its headline, so the parts did not add up
    /// to the article; a .txt's first line is part of its text.
    #[test]
    fn the_title_is_the_texts_first_paragraph() {
        let cols = TableColumns {
            title: Some("title".into()),
            ..TableColumns::default()
        };
        let d = to_document(
            &row(&[
                ("title", "Raids kill 18\nin Helmand"),
                ("text", "Civilians died."),
            ]),
            &cols,
            false,
            "".into(),
        )
        .unwrap();
        assert_eq!(
            d.text.trim_end(),
            "Raids kill 18 in Helmand\n\nCivilians died."
        );
        assert_eq!(d.title, "Raids kill 18 in Helmand");
        // A text that opens with its headline keeps it once.
        let text = "Raids kill 18 in Helmand\n\nCivilians died.";
        let d = to_document(
            &row(&[("title", "Raids kill 18 in Helmand"), ("text", text)]),
            &cols,
            true,
            "".into(),
        )
        .unwrap();
        assert_eq!(d.text, text);
        // Without a title column the text is as before.
        let d = to_document(
            &row(&[("title", "Raids"), ("text", "Civilians died.")]),
            &TableColumns::default(),
            true,
            "".into(),
        )
        .unwrap();
        assert_eq!(d.text, "Civilians died.");
    }

    #[test]
    fn empty_text_or_id_leave_the_row_out() {
        let cols = TableColumns {
            id: Some("id".into()),
            ..TableColumns::default()
        };
        let r = to_document(&row(&[("text", " "), ("id", "a")]), &cols, true, "".into());
        assert_eq!(r.unwrap_err(), "empty 'text' field");
        let r = to_document(&row(&[("text", "x"), ("id", "")]), &cols, true, "".into());
        assert_eq!(r.unwrap_err(), "empty 'id' field (the id column)");
    }

    /// `id,text,text`: which column holds the text would be a guess.
    #[test]
    fn a_repeated_column_frame_reads_is_refused() {
        let cols = TableColumns::default();
        let header = |h: &[&str]| h.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let why = missing_column(&header(&["id", "text", "text"]), &cols).unwrap();
        assert!(
            why.contains("the header names 2 columns 'text' (columns 2, 3)"),
            "{why}"
        );
        // A repeated column frame does not read is metadata, not refused.
        assert_eq!(
            missing_column(&header(&["note", "text", "note"]), &cols),
            None
        );
        // A JSON object giving the text key twice.
        let mut r = row(&[("text", "b")]);
        r.repeated = vec!["text".into()];
        let why = to_document(&r, &cols, true, "".into()).unwrap_err();
        assert!(why.contains("the key 'text'"), "{why}");
        r.repeated = vec!["note".into()];
        assert!(to_document(&r, &cols, true, "".into()).is_ok());
    }

    #[test]
    fn a_missing_column_names_the_flag() {
        let cols = TableColumns {
            date: Some("published".into()),
            ..TableColumns::default()
        };
        let why = missing_column(&["text".into(), "id".into()], &cols).unwrap();
        assert!(why.contains("no column 'published' for the date (columns: text, id)"));
        assert!(why.contains("--date-column"));
        assert_eq!(
            missing_column(&["text".into()], &TableColumns::default()),
            None
        );
    }
}
