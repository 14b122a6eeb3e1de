//! A saved page's title without the site's name after it ("Flood warning
//! issued - BBC News" -> "Flood warning issued"): browsers save the
//! `<title>`, which most sites end with their name, and a page without
//! `og:title` or JSON-LD has no other headline.

/// What may stand between a headline and the site's name.
pub const SEPARATORS: &[&str] = &[" | ", " - ", " \u{2013} ", " \u{2014} ", " \u{b7} ", " :: "];

/// Most words a site's name has ("The Times of India", "The New York Times").
pub const MAX_NAME_WORDS: usize = 5;

/// Most words of a site's name after a headline in title case ("Trump Wins
/// Iowa - Politico"): there every word is capitalised, so a longer tail may
/// be the headline's own second half ("Brexit Deal - What Happens Next").
const MAX_NAME_WORDS_TITLE_CASE: usize = 2;

/// Fewest words of what stays of a title cut by the name rule alone.
const MIN_HEAD_WORDS: usize = 3;

/// Lower-case words a site's name may hold between capitalised ones.
const NAME_LINKS: &[&str] = &[
    "of", "the", "and", "&", "de", "du", "la", "le", "el", "for", "on",
];

/// Words that make a short tail a news site's name ("abc news", "Daily Mail").
const NEWS_WORDS: &[&str] = &[
    "news",
    "online",
    "times",
    "post",
    "guardian",
    "telegraph",
    "herald",
    "tribune",
    "journal",
    "daily",
];

/// The title without its site suffix, and the suffix when it was cut by its
/// look alone (a name the page's own site name did not confirm): the
/// outlet, for a page that names none elsewhere.
///
/// Only the last separator counts, and only a short tail that reads as a
/// name (capitalised words, no lower-case words but "of", "the" ...) or as
/// the page's site name goes: a headline with a dash inside ("Brexit - what
/// happens next for the UK economy") keeps both halves.
pub fn strip_site(title: &str, site: Option<&str>) -> (String, Option<String>) {
    let kept = || (title.to_string(), None);
    let Some((head, tail)) = last_split(title) else {
        return kept();
    };
    let (head, tail) = (head.trim(), tail.trim());
    if head.is_empty() || tail.is_empty() {
        return kept();
    }
    let tail_l = tail.to_lowercase();
    if site.is_some_and(|s| {
        let s = s.to_lowercase();
        tail_l == s || tail_l.starts_with(&s) || s.starts_with(&tail_l)
    }) {
        return (head.to_string(), None);
    }
    let head_words = head.split_whitespace().count();
    let tail_words = tail.split_whitespace().count();
    let news = names_news(tail);
    let most = if title_case(head) {
        MAX_NAME_WORDS_TITLE_CASE
    } else {
        MAX_NAME_WORDS
    };
    let name =
        looks_like_name(tail) && (tail_words <= most || (news && tail_words <= MAX_NAME_WORDS));
    let news_tail = news && tail_words <= 3;
    if head_words >= MIN_HEAD_WORDS && (name || news_tail) {
        return (head.to_string(), Some(tail.to_string()));
    }
    kept()
}

/// The title split at its last separator: (before, after).
pub fn last_split(title: &str) -> Option<(&str, &str)> {
    SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|at| (at, sep.len())))
        .max_by_key(|&(at, _)| at)
        .map(|(at, len)| (&title[..at], &title[at + len..]))
}

/// Whether a site's name holds a word of news sites ("BBC News", "The
/// Guardian", "Daily Mail").
pub fn names_news(tail: &str) -> bool {
    tail.to_lowercase()
        .split_whitespace()
        .any(|w| NEWS_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// Whether `s` reads as a name: every word capitalised (or a number, an
/// "&", a domain such as "nytimes.com"), bar a few linking words inside.
pub fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.iter().enumerate().all(|(i, w)| {
            let first = w.chars().find(|c| c.is_alphanumeric());
            first.is_some_and(|c| c.is_uppercase() || c.is_numeric())
                || (i > 0 && NAME_LINKS.contains(&w.to_lowercase().as_str()))
                || (w.contains('.') && w.chars().any(char::is_alphabetic) && !w.ends_with('.'))
                || *w == "&"
        })
}

/// Whether a headline capitalises (nearly) every longer word, as many US
/// sites do: then a capitalised tail says little.
fn title_case(head: &str) -> bool {
    let long: Vec<&str> = head
        .split_whitespace()
        .filter(|w| w.chars().count() > 3)
        .collect();
    let capital = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    !long.is_empty() && capital * 5 >= long.len() * 4
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(title: &str, site: Option<&str>) -> String {
        strip_site(title, site).0
    }

    #[test]
    fn site_suffixes() {
        assert_eq!(head("Riot ends - BBC News", Some("BBC News")), "Riot ends");
        assert_eq!(
            head("Riot ends in town | The Guardian", None),
            "Riot ends in town"
        );
        assert_eq!(
            head("Left - right politics explained", None),
            "Left - right politics explained"
        );
    }

    #[test]
    fn a_short_name_after_the_last_separator_goes_and_names_the_outlet() {
        for (title, outlet) in [
            ("Flood warning issued for the valley | BBC News", "BBC News"),
            (
                "Markets fall as rates rise - The New York Times",
                "The New York Times",
            ),
            (
                "Ceasefire talks resume in Cairo \u{2013} Al Jazeera",
                "Al Jazeera",
            ),
            (
                "Ceasefire talks resume in Cairo \u{2014} Reuters",
                "Reuters",
            ),
            (
                "Storm closes schools across the north :: Times of Malta",
                "Times of Malta",
            ),
            (
                "Council approves the new budget - nytimes.com",
                "nytimes.com",
            ),
        ] {
            let (h, o) = strip_site(title, None);
            assert_eq!(o.as_deref(), Some(outlet), "{title}");
            assert!(
                !h.contains(outlet) && h.split_whitespace().count() >= 3,
                "{h}"
            );
        }
    }

    #[test]
    fn a_dash_inside_a_headline_stays() {
        for title in [
            "Brexit - what happens next for the UK economy",
            "Floods - the towns still waiting for help",
            // Only the last separator is cut, and only after a plausible title.
            "Brexit - BBC News Explains",
            "Election 2024 - What Happens Next Now",
            "Fire at the plant - police say no one was hurt",
            "One - Two",
        ] {
            assert_eq!(
                strip_site(title, None),
                (title.to_string(), None),
                "{title}"
            );
        }
        assert_eq!(
            head(
                "Brexit - what happens next for the UK economy | BBC News",
                None
            ),
            "Brexit - what happens next for the UK economy"
        );
        assert_eq!(
            head("Trump Wins Iowa Caucus - Politico", None),
            "Trump Wins Iowa Caucus"
        );
    }
}
