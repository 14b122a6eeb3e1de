//! Who "the president" is in an article: the people the article names
//! with the title of a role before their name ("President Donald Trump",
//! "Foreign Minister Sergey Lavrov"), for `full_names.rs` to give a quote
//! of "the president" the one person who holds that title there.

use super::context_words::lower_in;
use super::name_shape::{
    initial, name_word, particle, trim_end, without_possessive, MAX_NAME_WORDS,
};
use super::words::{OFFICES, ROLE_QUALIFIERS, ROLE_WORDS};

/// The words of a role named with "the" ("the president" gives
/// ["president"], "The foreign minister" ["foreign", "minister"], "the
/// President" ["President"]): up to three words of letters, the last a
/// title or an office, and no name after it.
pub(super) fn role_words(speaker: &str) -> Option<Vec<&str>> {
    let mut ws = speaker.split(' ').filter(|w| !w.is_empty());
    if !ws.next().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        return None;
    }
    let ws: Vec<&str> = ws.collect();
    let office = |w: &str| lower_in(w, OFFICES) || lower_in(w, ROLE_WORDS);
    ((1..=3).contains(&ws.len())
        && ws
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
        && ws.last().is_some_and(|w| office(w)))
    .then_some(ws)
}

/// Every name the article gives the title `role` (from [`role_words`]),
/// with the offset of the title, in text order. The title is written with
/// capitals and stands alone: not after a word that makes it another
/// office ("Vice President Mike Pence" holds no "President", "First
/// Minister Nicola Sturgeon" no "Minister"). The name runs to a mark, a
/// possessive or the line's end ("President Trump's", "Mr Lavrov, who");
/// a name cut short by a word it cannot read ("Joe Biden-spoke") is not
/// taken at all.
pub(super) fn holders<'a>(text: &'a str, role: &[&str]) -> Vec<(usize, Vec<&'a str>)> {
    let mut found = Vec::new();
    let Some(first_word) = role.first().filter(|w| !w.is_empty()) else {
        return found;
    };
    let mut from = 0;
    while let Some(k) = find_ignoring_case(&text[from..], first_word) {
        let start = from + k;
        from = start + first_word.len();
        // The word before, or the part of a word before a hyphen
        // ("Vice-President"; "Colonel-General Andrei Serdyukov" holds
        // "General").
        let before = &text[..start];
        let joined = before.strip_suffix('-');
        let word_before = joined
            .unwrap_or_else(|| before.trim_end())
            .rsplit(|c: char| c.is_whitespace() || c == '-')
            .next()
            .unwrap_or("");
        if before.ends_with(char::is_alphanumeric) || lower_in(word_before, ROLE_QUALIFIERS) {
            continue;
        }
        let line = text[start..].split('\n').next().unwrap_or("");
        let mut words = line.split_whitespace();
        let titled_role = role.iter().all(|r| {
            words
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case(r) && w.starts_with(char::is_uppercase))
        });
        if !titled_role {
            continue;
        }
        let mut name: Vec<&str> = Vec::new();
        let mut whole = true;
        for w in words {
            let bare = w.trim_end_matches(|c: char| ",.;:!?)\"”".contains(c) && !initial(w));
            let bare = without_possessive(bare);
            let named = name.iter().filter(|w| name_word(w)).count();
            if named == MAX_NAME_WORDS || !(name_word(bare) || initial(bare) || particle(bare)) {
                whole = !w.starts_with(char::is_uppercase);
                break;
            }
            name.push(bare);
            if bare.len() < w.len() && !initial(w) {
                break;
            }
        }
        trim_end(&mut name);
        if whole && name.last().is_some_and(|w| name_word(w)) {
            found.push((start, name));
        }
    }
    found
}

/// The holder a quote at byte `at` names (from [`holders`]): the fullest
/// form of the name, if the article gives it first before the quote and
/// every name with the title has the same family name ("President Trump"
/// and "President Donald Trump" are one; with "President Xi Jinping" there
/// too, there is none).
pub(super) fn holder<'a>(found: &[(usize, Vec<&'a str>)], at: usize) -> Option<Vec<&'a str>> {
    let (first_at, first_name) = found.first()?;
    let family = first_name.last()?;
    (*first_at < at && found.iter().all(|(_, n)| n.last() == Some(family)))
        .then(|| found.iter().map(|(_, n)| n.clone()).max_by_key(Vec::len))
        .flatten()
}

/// Byte offset of the first `needle` (ASCII) in `hay`, ignoring ASCII case.
fn find_ignoring_case(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return None;
    }
    (0..h.len().checked_sub(n.len())? + 1)
        .find(|&i| hay.is_char_boundary(i) && h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(text: &str, speaker: &str) -> Option<Vec<String>> {
        let role = role_words(speaker)?;
        let found = holders(text, &role);
        holder(&found, text.len()).map(|n| n.iter().map(|w| w.to_string()).collect())
    }

    #[test]
    fn a_role_is_the_one_name_the_article_gives_its_title() {
        let t = "President Donald Trump spoke. Later President Trump's aide left.";
        assert_eq!(named(t, "the president").unwrap(), ["Donald", "Trump"]);
        let t = "Russian Foreign Minister Sergey Lavrov, who arrived, spoke.";
        assert_eq!(
            named(t, "the foreign minister").unwrap(),
            ["Sergey", "Lavrov"]
        );
        let t = "Syrian President Bashar al-Assad spoke.";
        assert_eq!(named(t, "The president").unwrap(), ["Bashar", "al-Assad"]);
        let t = "President George W. Bush spoke.";
        assert_eq!(named(t, "the president").unwrap(), ["George", "W.", "Bush"]);
        let t = "President Donald Trump Tuesday signed it.";
        assert_eq!(named(t, "the president").unwrap(), ["Donald", "Trump"]);
        let t = "Colonel-General Andrei Serdyukov spoke.";
        assert_eq!(named(t, "the general").unwrap(), ["Andrei", "Serdyukov"]);
    }

    #[test]
    fn another_office_two_holders_or_a_name_cut_short_give_none() {
        for t in [
            "Vice President Mike Pence spoke.",
            "Vice-President Mike Pence spoke.",
            "Ex-President Barack Obama spoke.",
            "President Donald Trump met President Xi Jinping\nin Florida.",
            "Former Vice President Joe Biden-spoke candidly.",
            "the president spoke.",
        ] {
            assert_eq!(named(t, "the president"), None, "{t}");
        }
        assert_eq!(
            named("First Minister Nicola Sturgeon spoke.", "the minister"),
            None
        );
        assert_eq!(role_words("the  "), None);
        assert_eq!(role_words("the ministry"), None);
        assert_eq!(role_words("the President"), Some(vec!["President"]));
        assert_eq!(role_words("a president"), None);
    }
}
