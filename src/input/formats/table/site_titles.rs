//! A title column's site names. Tables built from news feeds and scrapers
//! (Google News RSS, a browser extension's export) often end each title
//! with the outlet ("Storm hits coast - BBC News"): that is not the
//! headline's wording, and frame reads the title as the text's first line,
//! so its words would count as the headline's. A saved page's title is cut
//! the same way (`title_suffix`); in a table the cut needs more proof,
//! because wire headlines end in their speaker ("Russia will respond -
//! Putin") as often as in a site.

use super::super::bylines::SECTION_WORDS;
use super::super::title_suffix::{last_split, looks_like_name, names_news, strip_site};
use std::collections::{BTreeMap, BTreeSet};

/// Fewest titles a site's name must end for it to be cut by recurring alone.
const MIN_RECURRING: usize = 3;

/// Share of a table's titles (one in this many) a name must end to be cut by
/// recurring alone: a speaker ends a few wire headlines, an outlet a good
/// part of its table.
const RECURRING_ONE_IN: usize = 10;

/// Columns whose value names the row's outlet, which confirms a title's tail.
const SITE_COLUMNS: &[&str] = &[
    "outlet",
    "source",
    "site",
    "publisher",
    "publication",
    "newspaper",
    "media",
];

/// The site names that end a table's titles often enough to be cut.
#[derive(Debug, Default, Clone)]
pub struct SiteTitles {
    recurring: BTreeSet<String>,
}

impl SiteTitles {
    /// Learns from the table's titles which tails recur: those that read as
    /// a name and end at least [`MIN_RECURRING`] titles and one in
    /// [`RECURRING_ONE_IN`].
    pub fn of<'a>(titles: impl Iterator<Item = &'a str>) -> SiteTitles {
        let mut count: BTreeMap<String, usize> = BTreeMap::new();
        let mut n = 0;
        for t in titles {
            n += 1;
            if let (_, Some(tail)) = strip_site(t.trim(), None) {
                // A section ("- Politics") recurs as a site does, but names
                // no outlet.
                if looks_like_name(&tail) && !section(&tail) {
                    *count.entry(tail).or_default() += 1;
                }
            }
        }
        SiteTitles {
            recurring: count
                .into_iter()
                .filter(|&(_, c)| c >= MIN_RECURRING && c * RECURRING_ONE_IN >= n)
                .map(|(tail, _)| tail)
                .collect(),
        }
    }

    /// The title without its site's name, and the name, when the row's own
    /// outlet column names it (`site`), the name holds a news word ("BBC
    /// News"), or it recurs in the table; otherwise the title as it is. A
    /// section's name left before the site's ("- Politics - The Guardian")
    /// goes with it: it is the site's navigation, not the headline's words.
    pub fn cut(&self, title: &str, site: Option<&str>) -> (String, Option<String>) {
        match self.site_of(title, site) {
            Some((head, name)) => (without_section(&head), Some(name)),
            None => (title.to_string(), None),
        }
    }

    /// The title before its site's name, and the name, when [`Self::cut`]'s
    /// proof holds.
    fn site_of(&self, title: &str, site: Option<&str>) -> Option<(String, String)> {
        if let Some(site) = site.filter(|s| !s.trim().is_empty()) {
            let (head, by_look) = strip_site(title, Some(site.trim()));
            if by_look.is_none() && head != title {
                let tail = last_split(title).map(|(_, t)| t.trim().to_string())?;
                return Some((head, tail));
            }
        }
        match strip_site(title, None) {
            // A page's rule also cuts a lower-case tail with a news word;
            // in a table that is the headline's own ("- news agency director").
            (head, Some(name))
                if looks_like_name(&name)
                    && (names_news(&name) || self.recurring.contains(&name)) =>
            {
                Some((head, name))
            }
            _ => None,
        }
    }
}

/// `head` without a section's name after its last separator, when the
/// headline before it keeps at least [`MIN_HEADLINE_WORDS`] words.
fn without_section(head: &str) -> String {
    match last_split(head) {
        Some((before, tail))
            if section(tail.trim()) && before.split_whitespace().count() >= MIN_HEADLINE_WORDS =>
        {
            before.trim().to_string()
        }
        _ => head.to_string(),
    }
}

/// Fewest words a headline keeps when a section's name is cut after it: a
/// shorter one may be the section's own page ("Live - Politics").
const MIN_HEADLINE_WORDS: usize = 3;

/// Whether a title's tail is a section's name: section words only.
fn section(tail: &str) -> bool {
    tail.split_whitespace()
        .all(|w| SECTION_WORDS.contains(&w.to_lowercase().as_str()))
}

/// The row's outlet as one of its columns names it ([`SITE_COLUMNS`]), to
/// confirm a title's tail.
pub fn row_site<'a>(fields: impl Iterator<Item = (&'a String, &'a String)>) -> Option<&'a str> {
    fields
        .filter(|(k, v)| {
            SITE_COLUMNS.contains(&k.trim().to_lowercase().as_str()) && !v.trim().is_empty()
        })
        .map(|(_, v)| v.as_str())
        .min()
}

/// One notice for the table `name` whose titles lost a site's name
/// (`cut`: each name and how many titles ended in it), so that the change
/// to the user's title column is said, not silent.
pub fn cut_warning(name: &str, cut: &BTreeMap<String, usize>) -> Option<String> {
    let rows: usize = cut.values().sum();
    if rows == 0 {
        return None;
    }
    let mut by_count: Vec<(&String, &usize)> = cut.iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let shown: Vec<String> = by_count
        .iter()
        .take(3)
        .map(|(site, n)| format!("'{site}' {n}"))
        .collect();
    let more = by_count.len().saturating_sub(3);
    Some(format!(
        "{name}: {rows} {} in a site's name ({}{}): cut from the headline, whose words frame counts, and kept as the article's outlet where no column names one (--group-by outlet)",
        if rows == 1 { "title ends" } else { "titles end" },
        shown.join(", "),
        if more > 0 { format!(" and {more} more") } else { String::new() }
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn learned(titles: &[&str]) -> SiteTitles {
        SiteTitles::of(titles.iter().copied())
    }

    #[test]
    fn a_name_with_a_news_word_is_cut_in_any_table() {
        let s = SiteTitles::default();
        assert_eq!(
            s.cut("Storm hits the coast - BBC News", None),
            ("Storm hits the coast".into(), Some("BBC News".into()))
        );
        assert_eq!(
            s.cut("Floods close roads in Kent | The Guardian", None),
            (
                "Floods close roads in Kent".into(),
                Some("The Guardian".into())
            )
        );
    }

    #[test]
    fn a_section_before_the_site_goes_with_it() {
        let s = SiteTitles::default();
        assert_eq!(
            s.cut(
                "Minister resigns over expenses - Politics - The Guardian",
                None
            ),
            (
                "Minister resigns over expenses".into(),
                Some("The Guardian".into())
            )
        );
        assert_eq!(
            s.cut("Storm hits the coast | World | BBC News", Some("BBC News")),
            ("Storm hits the coast".into(), Some("BBC News".into()))
        );
        // Words that are not a section's name are the headline's own.
        assert_eq!(
            s.cut("Minister resigns - Greene says sorry - The Guardian", None),
            (
                "Minister resigns - Greene says sorry".into(),
                Some("The Guardian".into())
            )
        );
        // A section after a title of fewer words is left: it may be the page.
        assert_eq!(
            s.cut("Live blog - Politics - BBC News", None),
            ("Live blog - Politics".into(), Some("BBC News".into()))
        );
    }

    #[test]
    fn a_tail_in_lower_case_is_the_headlines_own() {
        let s = SiteTitles::default();
        let t = "Opposition leader detained in Minsk - news agency director";
        assert_eq!(s.cut(t, None), (t.to_string(), None));
    }

    #[test]
    fn a_speaker_after_a_wire_headline_stays() {
        let s = learned(&[
            "Russia ready to cooperate on Syria - Putin",
            "Talks in Astana were useful - Lavrov",
            "Sanctions will not work - Putin",
            "Moscow hosts the summit in April",
        ]);
        for t in [
            "Russia ready to cooperate on Syria - Putin",
            "Sanctions will not work - Putin",
        ] {
            assert_eq!(s.cut(t, None), (t.to_string(), None), "{t}");
        }
    }

    #[test]
    fn a_name_that_ends_many_titles_is_the_site() {
        let titles = [
            "Storm hits the coast - Reuters",
            "Floods close roads in Kent - Reuters",
            "Talks resume in Geneva - Reuters",
            "Markets fall on rate fears",
        ];
        let s = learned(&titles);
        assert_eq!(
            s.cut(titles[2], None),
            ("Talks resume in Geneva".into(), Some("Reuters".into()))
        );
        // Two of forty titles are not enough.
        let mut many: Vec<&str> = vec!["Storm hits the coast - Reuters"; 3];
        many.extend(std::iter::repeat_n("Markets fall on rate fears", 37));
        let s = learned(&many);
        assert!(s.cut(titles[0], None).1.is_none());
    }

    #[test]
    fn a_recurring_section_is_not_a_site() {
        let s = learned(&[
            "Storm hits the coast - Politics",
            "Floods close roads in Kent - Politics",
            "Talks resume in Geneva - Politics",
        ]);
        let t = "Talks resume in Geneva - Politics";
        assert_eq!(s.cut(t, None), (t.to_string(), None));
    }

    #[test]
    fn the_rows_outlet_column_confirms_its_name() {
        let s = SiteTitles::default();
        assert_eq!(
            s.cut("Storm hits the coast - RTÉ", Some("RTÉ")),
            ("Storm hits the coast".into(), Some("RTÉ".into()))
        );
        let t = "Russia ready to cooperate on Syria - Putin";
        assert_eq!(s.cut(t, Some("TASS")), (t.to_string(), None));
    }

    #[test]
    fn a_dash_inside_a_headline_stays() {
        let s = learned(&["Brexit - what happens next for the economy"; 5]);
        let t = "Brexit - what happens next for the economy";
        assert_eq!(s.cut(t, None), (t.to_string(), None));
    }

    #[test]
    fn the_notice_names_the_sites_most_cut_first() {
        let cut: BTreeMap<String, usize> =
            [("BBC News".to_string(), 2), ("Reuters".to_string(), 5)].into();
        let w = cut_warning("t.csv", &cut).unwrap();
        assert!(
            w.starts_with("t.csv: 7 titles end in a site's name ('Reuters' 5, 'BBC News' 2)"),
            "{w}"
        );
        assert_eq!(cut_warning("t.csv", &BTreeMap::new()), None);
    }

    #[test]
    fn the_site_column_is_found_by_its_name() {
        let fields = [
            ("Title".to_string(), "x".to_string()),
            ("Source".to_string(), "BBC News".to_string()),
        ];
        assert_eq!(
            row_site(fields.iter().map(|(k, v)| (k, v))),
            Some("BBC News")
        );
        let none = [("title".to_string(), "x".to_string())];
        assert_eq!(row_site(none.iter().map(|(k, v)| (k, v))), None);
    }
}
