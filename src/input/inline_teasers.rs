//! Links to other stories inside a paragraph ("... the mission said. READ
//! MORE: UN to probe air raid on village The mission has deployed ..."): a
//! marker, another article's headline, then the article goes on. The
//! headline is not this article's words, yet it carries frame words
//! ("killed", "war crime") and, glued to the next sentence without a full
//! stop, it would be quoted as part of the article's sentence. A teaser
//! goes from its marker to where the article's own text resumes, when that
//! place can be told (see [`teaser_end`]); where it cannot, the teaser is
//! left as it is and counted, so the run can say so. The rules are
//! documented in docs/user-guide.md ("Reading the corpus").

use super::document::{named_with_counts, Document};
use crate::model::numbers::{count, int};
use std::cell::OnceCell;
use std::collections::HashSet;

/// One teaser marker as sites print it.
pub(super) struct Marker {
    /// The marker, case as printed.
    pub text: &'static str,
    /// Whether the marker may open its line: the old link labels do (a
    /// teaser on its own line), while a section label at a line's start may
    /// be an article's own headline ("PHOTOS: Scenes from the march"), so
    /// those count only inside a paragraph.
    pub opens_line: bool,
}

const fn marker(text: &'static str, opens_line: bool) -> Marker {
    Marker { text, opens_line }
}

/// The markers, taken from a corpus of 3,788 news articles (mostly Al
/// Jazeera, CNN, ABC, PRI and RTE web copies) with the count of each in
/// it. Labels found there that open no teaser are left out: "ANALYSIS:"
/// opens ABC's own headlines, "VIDEO:" and "BREAKING:" open quoted tweets,
/// "FACT:" a fact check's answer, "TIMELINE:" a section of the article.
pub(super) const MARKERS: &[Marker] = &[
    // Al Jazeera's link to a related story (401).
    marker("READ MORE:", true),
    // The same with a typing slip, twice in Al Jazeera copies.
    marker("REAd MORE:", true),
    // BBC and RTE links (2), and the capitalised form other sites print.
    marker("Read more:", true),
    marker("Read More:", true),
    // CNN travel's and ABC's link label (5 besides "READ MORE:").
    marker("MORE:", true),
    // CNN sport's links, often several in a row (30).
    marker("READ:", false),
    // Al Jazeera's link to its opinion pieces (137).
    marker("OPINION:", false),
    // Al Jazeera's links to its videos (33, "Watch:" 2).
    marker("WATCH:", false),
    marker("Watch:", false),
    // CNN's and PRI's related stories (31, "Related:" 3).
    marker("RELATED:", false),
    marker("Related:", false),
    // Al Jazeera's interactive pages (26) and picture galleries (15, "In
    // Pictures:" 3, "PHOTOS:" 2).
    marker("INTERACTIVE:", false),
    marker("IN PICTURES:", false),
    marker("In Pictures:", false),
    marker("PHOTOS:", false),
    // Al Jazeera's other sections, a few times each (3, 2, 2, 1, 1, 1, 1, 1).
    marker("ALSO READ:", false),
    marker("REPORTER'S NOTEBOOK:", false),
    marker("PROFILE:", false),
    marker("SPECIAL SERIES:", false),
    marker("INSIDE STORY:", false),
    marker("EXPLAINER:", false),
    marker("REWIND:", false),
    marker("THE LISTENING POST:", false),
];

/// Words a headline may have to the line's end (the older rule, for a
/// teaser that ends its line: nothing comes after it to tell its end by).
const LINE_END_MAX_WORDS: usize = 20;

/// Words a headline may have before the article resumes: the corpus's
/// headlines have 3 to 12; past that a capitalised word is as likely to be
/// a name inside the article's sentence (an interview's "Al Jazeera: How
/// did ...?") as the sentence's start.
const HEADLINE_MAX_WORDS: usize = 12;

/// Capitalised words that start a sentence and hardly ever stand inside a
/// headline written in sentence case (function words, pronouns, sentence
/// adverbs): after a lower-case word they mark where the article resumes
/// ("... women and children The mission ..."). "I" is not among them
/// ("Why I left").
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "My",
    "He",
    "She",
    "It",
    "They",
    "We",
    "You",
    "There",
    "Here",
    "But",
    "And",
    "Yet",
    "So",
    "Or",
    "Nor",
    "In",
    "On",
    "At",
    "As",
    "For",
    "From",
    "By",
    "With",
    "Without",
    "Within",
    "After",
    "Before",
    "During",
    "Since",
    "Until",
    "While",
    "When",
    "Where",
    "Whether",
    "If",
    "Although",
    "Though",
    "Despite",
    "Because",
    "Under",
    "Over",
    "Among",
    "Amid",
    "Across",
    "Against",
    "Along",
    "Around",
    "About",
    "According",
    "Last",
    "Earlier",
    "Later",
    "Meanwhile",
    "However",
    "Still",
    "Now",
    "Then",
    "Also",
    "Instead",
    "Indeed",
    "Many",
    "Most",
    "Some",
    "Several",
    "Few",
    "Other",
    "Others",
    "Both",
    "Each",
    "Every",
    "All",
    "Such",
    "Another",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Only",
    "Even",
    "Nearly",
    "Almost",
    "Just",
    "Once",
    "What",
    "Who",
    "Why",
    "How",
    "Which",
    "Of",
    "To",
    "Not",
    "No",
    "Following",
    "Speaking",
    "Thousands",
    "Hundreds",
    "Dozens",
    "Millions",
];

/// The openers that mark the article's resumption even after a capitalised
/// word ("... in Venezuela The government ..."), once the headline has
/// shown lower-case words: none is part of a name or a title-case phrase
/// ("Committee Against Torture", "Voices From Gaza" keep theirs out).
const STRONG_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "He",
    "She",
    "It",
    "They",
    "We",
    "But",
    "And",
    "As",
    "After",
    "Despite",
    "During",
    "Since",
    "While",
    "When",
    "Last",
    "Earlier",
    "Meanwhile",
    "However",
    "Still",
    "Once",
    "On",
    "In",
    "Many",
    "Some",
    "Both",
    "Another",
    "Now",
    "Every",
    "Yet",
    "So",
];

/// Abbreviations whose full stop ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Jr.", "Sr.", "Gen.", "Lt.", "Col.", "Sgt.", "Rep.",
    "Sen.", "Gov.", "No.", "vs.", "Prof.", "Rev.", "Capt.", "Maj.", "Mt.", "Ft.",
];

/// Closing quotation marks and brackets after a sentence's end mark.
const CLOSERS: &[char] = &['"', '\'', '\u{201d}', '\u{2019}', '\u{bb}', ')', ']', '}'];

/// Where a teaser stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TeaserEnd {
    /// The teaser runs to this byte: the article resumes there (or the
    /// line ends, or another teaser starts).
    At(usize),
    /// A teaser whose end cannot be told: left in the text, and counted.
    Unknown,
    /// No teaser: the marker does not open one here.
    None,
}

/// A line as the teaser rule reads it: the text, and (built on first use)
/// the words that stand in it in lower case.
pub(super) struct Line<'a> {
    text: &'a str,
    lower_words: OnceCell<HashSet<&'a str>>,
}

impl<'a> Line<'a> {
    /// The rule's view of `text`.
    pub(super) fn new(text: &'a str) -> Self {
        Line {
            text,
            lower_words: OnceCell::new(),
        }
    }

    /// Whether `word` (capitalised) stands in the line in lower case too:
    /// then it is a common word, and capitalised only where a sentence
    /// starts ("Rights groups say ..." in an article that speaks of
    /// "rights"). Names are capitalised wherever they stand.
    fn has_lower(&self, word: &str) -> bool {
        let words = self.lower_words.get_or_init(|| {
            self.text
                .split_whitespace()
                .map(core)
                .filter(|w| w.starts_with(char::is_lowercase))
                .collect()
        });
        words.contains(word.to_lowercase().as_str())
    }
}

/// The word without the quotation marks, brackets and punctuation around
/// it.
fn core(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// A word that reads as lower case: it starts with a small letter or a
/// digit ("for", "12", "'inhuman'").
fn lower_word(word: &str) -> bool {
    core(word).starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
}

/// A word that starts with a capital letter (after any quotation mark).
fn capitalised(word: &str) -> bool {
    core(word).starts_with(char::is_uppercase)
}

/// Whether the word ends a sentence: an end mark, then only closing
/// quotes or brackets; not an abbreviation or initials ("U.S.").
fn ends_sentence(word: &str) -> bool {
    let initials = word.len() > 1
        && word.chars().all(|c| c == '.' || c.is_ascii_uppercase())
        && word.ends_with('.');
    !ABBREVIATIONS.contains(&word)
        && !initials
        && word.trim_end_matches(CLOSERS).ends_with(['.', '!', '?'])
}

/// Whether the word ends in a question or exclamation mark (a headline's
/// own end: "Who are the Rohingya?").
fn ends_question(word: &str) -> bool {
    word.trim_end_matches(CLOSERS).ends_with(['?', '!'])
}

/// The teaser marker that starts `text`, if any.
pub(super) fn marker_at(text: &str) -> Option<&'static Marker> {
    MARKERS
        .iter()
        .filter(|m| text.starts_with(m.text))
        .max_by_key(|m| m.text.len())
}

/// Whether the marker at `start` opens a teaser: it starts a sentence (after
/// an end mark, a closing quote or bracket, or the line's start where the
/// marker may open a line), follows a teaser just cut (`chained`: "READ: A
/// READ: B"), or is printed in capitals right after a word (a caption with
/// no full stop before it: "... and famine READ MORE: ..."). A dash after
/// the end mark is a lost space (".- READ MORE:"), as elsewhere.
pub(super) fn opens_teaser(line: &str, start: usize, m: &Marker, chained: bool) -> bool {
    let before = line[..start]
        .trim_end()
        .trim_end_matches(['-', '\u{2013}', '\u{2014}'])
        .trim_end();
    if before.is_empty() {
        return m.opens_line || chained;
    }
    if chained || before.ends_with(['.', '!', '?', '"', '\'', '\u{201d}', '\u{2019}', ')', ']']) {
        return true;
    }
    let capitals = m.text.len() > "MORE:".len() && !m.text.chars().any(char::is_lowercase);
    capitals
        && before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}

/// The words after `after`, with their byte offsets in the line, up to
/// `limit` words (a marker glued to its headline by a lost space,
/// "READ MORE:-The", loses the dash).
fn words_after(line: &str, after: usize, limit: usize) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut rest = &line[after..];
    while words.len() < limit {
        let trimmed = rest.trim_start();
        if trimmed.is_empty() {
            break;
        }
        let at = line.len() - trimmed.len();
        let len = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
        let mut word = &trimmed[..len];
        let mut from = at;
        if words.is_empty() && at == after && word.len() > 1 && word.starts_with('-') {
            word = &word[1..];
            from += 1;
        }
        words.push((from, word));
        rest = &trimmed[len..];
    }
    words
}

/// Where the teaser whose marker ends at `after` stops.
///
/// First the older rule: a headline that runs to the line's end (or to the
/// next teaser's marker) in a few words with no sentence end is the
/// teaser, whole. Otherwise the headline is glued to the article's next
/// sentence, and the article resumes at the first word, within
/// [`HEADLINE_MAX_WORDS`], that starts a sentence for sure:
/// - any capitalised word after a "?" or "!" (the headline asked);
/// - an [`OPENERS`] word after a lower-case word ("... and children The
///   mission ...");
/// - an opening double quotation mark and a capital after a lower-case
///   word, the quotation going on (a headline quotes with single marks);
/// - a [`STRONG_OPENERS`] word after any word, once a lower-case word has
///   shown the headline is in sentence case;
/// - a capitalised word after a lower-case one, followed by a lower-case
///   word, that the line also has in lower case ("... of aid Rights groups
///   say ...").
///
/// A full stop first, or no such word within the limit, leaves the end
/// unknown: a name may start the sentence ("... dies at 90 Berger was ...")
/// or end the headline, and nothing tells which.
pub(super) fn teaser_end(line: &Line, after: usize) -> TeaserEnd {
    let text = line.text;
    let words = words_after(text, after, LINE_END_MAX_WORDS + 1);
    // No headline, or another marker where it should be ("MORE: MORE:").
    let Some(&(first_at, first)) = words.first() else {
        return TeaserEnd::None;
    };
    if marker_at(&text[first_at..]).is_some() {
        return TeaserEnd::None;
    }
    // A link written out ("Read more: https://...") is a web address, not a
    // headline: a quoted post's, and no story's words.
    if first.starts_with("http") || first.starts_with("www.") || first.starts_with("pic.twitter") {
        return TeaserEnd::None;
    }
    let next_marker = words
        .iter()
        .skip(1)
        .position(|&(at, _)| marker_at(&text[at..]).is_some())
        .map(|i| i + 1);
    let upto = next_marker.unwrap_or(words.len());
    let limit = next_marker.map_or(text.len(), |i| words[i].0);
    if runs_to(&words[..upto], text, limit) {
        return TeaserEnd::At(limit);
    }
    let mut seen_lower = false;
    for (i, &(at, word)) in words.iter().enumerate() {
        if i >= 1 {
            if Some(i) == next_marker {
                return TeaserEnd::At(at);
            }
            if i >= 2 && capitalised(word) && resumes(line, &words, i, seen_lower) {
                return TeaserEnd::At(at);
            }
            seen_lower |= lower_word(word) && !core(word).starts_with(|c: char| c.is_ascii_digit());
        }
        if i >= HEADLINE_MAX_WORDS {
            return TeaserEnd::Unknown;
        }
        if ends_sentence(word) && !ends_question(word) {
            return TeaserEnd::Unknown;
        }
    }
    TeaserEnd::Unknown
}

/// Whether `words` (the rest of the line, or the words before the next
/// marker at `limit`) are a whole headline: at most
/// [`LINE_END_MAX_WORDS`], none ending a sentence, and no full stop at
/// the end (nor an end mark inside closing quotes or brackets, as in
/// `... go home soon."`); a headline may end with a bare "?" or "!".
fn runs_to(words: &[(usize, &str)], text: &str, limit: usize) -> bool {
    let Some(&(last_at, last)) = words.last() else {
        return false;
    };
    if words.len() > LINE_END_MAX_WORDS
        || (limit == text.len() && !text[last_at + last.len()..].trim().is_empty())
    {
        return false;
    }
    let inner_end = words[..words.len() - 1]
        .iter()
        .any(|&(_, w)| w.trim_end_matches(CLOSERS).ends_with(['.', '!', '?']));
    let unclosed = last.trim_end_matches(CLOSERS);
    let closed = unclosed.len() < last.len();
    let end = unclosed.ends_with('.') || closed && unclosed.ends_with(['.', '!', '?']);
    !inner_end && !end
}

/// Whether the capitalised word `i` starts the article's sentence (the
/// tests listed at [`teaser_end`]).
fn resumes(line: &Line, words: &[(usize, &str)], i: usize, seen_lower: bool) -> bool {
    let word = words[i].1;
    let prev = words[i - 1].1;
    let c = core(word);
    let prev_last = prev.chars().next_back().unwrap_or(' ');
    if ends_question(prev) {
        return true;
    }
    let after_lower = lower_word(prev) && !matches!(prev_last, '-' | ':' | ',' | ';');
    // A single quotation mark before it opens a quoted headline phrase
    // ("'The end of an era'").
    let single_quoted = word.starts_with(['\'', '\u{2018}']);
    if after_lower && !single_quoted && OPENERS.contains(&c) {
        return true;
    }
    let attached = prev_last.is_alphanumeric();
    if word.starts_with(['"', '\u{201c}'])
        && lower_word(prev)
        && attached
        && !words[i..(i + 3).min(words.len())].iter().any(|(_, w)| {
            // Past the opening mark, which may take more than one byte.
            let first = w.chars().next().map_or(0, char::len_utf8);
            w[first..].contains(['"', '\u{201d}'])
        })
    {
        return true;
    }
    if seen_lower
        && attached
        && word.starts_with(char::is_alphabetic)
        && STRONG_OPENERS.contains(&c)
    {
        return true;
    }
    lower_word(prev)
        && prev_last.is_alphabetic()
        && word.starts_with(char::is_alphabetic)
        && c.chars().any(char::is_lowercase)
        && words.get(i + 1).is_some_and(|&(_, w)| lower_word(w))
        && line.has_lower(c)
}

/// Whether `sentence` holds a teaser the rules left in the text (its end
/// could not be told): such a sentence is partly another story's
/// headline, so it is no sentence to quote as the article's evidence.
pub fn holds_teaser(sentence: &str) -> bool {
    let s = sentence.trim_start();
    // Every marker ends in a colon: most sentences are passed over at once.
    memchr::memchr(b':', s.as_bytes()).is_some()
        && MARKERS.iter().any(|m| {
            s.match_indices(m.text)
                .any(|(at, _)| at == 0 || opens_teaser(s, at, m, false))
        })
}

/// The run's one warning about teasers left in the text, if any article
/// has one, naming the first articles.
pub(super) fn warning(docs: &[Document]) -> Option<String> {
    let left: Vec<&Document> = docs.iter().filter(|d| d.teasers_left > 0).collect();
    if left.is_empty() {
        return None;
    }
    let total: usize = left.iter().map(|d| d.teasers_left).sum();
    Some(format!(
        "{} left in the text ({} in all: a link to another story, such as \"READ MORE: <headline>\", \
         inside a paragraph, where frame could not tell where the headline ends and the article goes on); \
         its words count as the article's: {}",
        count(left.len(), "article holds teasers", "articles hold teasers"),
        int(total),
        named_with_counts(&left, |d| d.teasers_left)
    ))
}

#[cfg(test)]
mod tests {
    use super::super::inline_boilerplate::strip_line;
    use super::holds_teaser;

    /// The line kept, the fragments removed and the teasers left.
    fn strip(line: &str) -> (String, usize, usize) {
        let f = strip_line(line);
        (f.text.into_owned(), f.removed, f.teasers_left)
    }

    #[test]
    fn a_teaser_goes_up_to_a_sentence_opener_after_a_lower_case_word() {
        assert_eq!(
            strip("Rangers said the fire was out. READ MORE: Floods drive families from riverside homes The council opened two shelters on Friday."),
            ("Rangers said the fire was out. The council opened two shelters on Friday.".into(), 1, 0)
        );
        // A name inside the headline is passed over.
        assert_eq!(
            strip("Talks ended. OPINION: Why Lisbon fears the new rules for ports In March the ministry agreed."),
            ("Talks ended. In March the ministry agreed.".into(), 1, 0)
        );
    }

    /// Found on a generated corpus: a curly opening mark after the
    /// headline was cut inside its bytes (a panic).
    #[test]
    fn a_curly_quotation_after_the_headline_is_read_whole() {
        assert_eq!(
            strip("Rain never came. READ MORE: Farmers count the cost of a dry summer \u{201c}We lost half the crop,\u{201d} one grower said."),
            ("Rain never came. \u{201c}We lost half the crop,\u{201d} one grower said.".into(), 1, 0)
        );
        let line = "Rain never came. READ MORE: Farmers and the drought across the plain \u{201c}We\u{2019}re done in letters to the mayor.";
        let _ = strip(line);
    }

    #[test]
    fn a_sentence_holding_a_teaser_is_told() {
        assert!(holds_teaser(
            "READ MORE: Writer dies at home Morgan was born in a town."
        ));
        assert!(holds_teaser(
            "He was 90. OPINION: Why the valley matters Morgan said."
        ));
        assert!(!holds_teaser(
            "Morgan was born in a mining town: it shaped him."
        ));
        assert!(!holds_teaser(
            "Students who want to Read more: the library is open."
        ));
    }

    #[test]
    fn a_headline_that_asks_ends_at_its_question_mark() {
        assert_eq!(
            strip("Fares rose again. WATCH: Can the city still afford its trams? Officials say the budget is tight."),
            ("Fares rose again. Officials say the budget is tight.".into(), 1, 0)
        );
    }

    #[test]
    fn a_quotation_opening_after_the_headline_resumes_the_article() {
        assert_eq!(
            strip("Rain never came. IN PICTURES: Farmers count the cost of a dry summer \"We lost half the crop,\" one grower said."),
            ("Rain never came. \"We lost half the crop,\" one grower said.".into(), 1, 0)
        );
        // A quoted word inside the sentence is no start.
        let line = "Rain never came. READ MORE: Farmers and the drought across the plain called it \"Ruin\" in letters to the mayor.";
        assert_eq!(strip(line), (line.into(), 0, 1));
    }

    #[test]
    fn a_strong_opener_after_a_name_ends_a_sentence_case_headline() {
        assert_eq!(
            strip("Roads were shut. READ MORE: Storm damage spreads across Cornwall The county said crews worked all night."),
            ("Roads were shut. The county said crews worked all night.".into(), 1, 0)
        );
        // In a title-case name it does not: the end stays unknown.
        let line = "He spoke. RELATED: Voices From Gaza Against The Wall of silence was broken.";
        assert_eq!(strip(line), (line.into(), 0, 1));
    }

    #[test]
    fn a_common_word_capitalised_after_the_headline_starts_the_sentence() {
        assert_eq!(
            strip("Branches shut. RELATED: Banks leave small market towns Residents say the nearest branch is an hour away, and residents without cars are stuck."),
            ("Branches shut. Residents say the nearest branch is an hour away, and residents without cars are stuck.".into(), 1, 0)
        );
    }

    #[test]
    fn teasers_in_a_row_go_each_to_the_next_marker() {
        assert_eq!(
            strip("The club celebrated. READ: Club lifts the cup at last READ: Captain to retire in May The club said fans were welcome."),
            ("The club celebrated. The club said fans were welcome.".into(), 2, 0)
        );
    }

    #[test]
    fn a_teaser_in_capitals_after_a_caption_goes() {
        assert_eq!(
            strip("Hundreds wait at the gate READ MORE: Border crossing reopens after talks The ministry said lorries may pass."),
            ("Hundreds wait at the gate The ministry said lorries may pass.".into(), 1, 0)
        );
        // A link label in lower case after a word is prose.
        let line = "Students who want to Read more: the library is open.";
        assert_eq!(strip(line), (line.into(), 0, 0));
    }

    #[test]
    fn where_the_headline_ends_is_unknown_the_teaser_stays_and_counts() {
        for line in [
            // A name may start the sentence or end the headline.
            "He was 90. READ MORE: Writer who mapped the valley dies at home Morgan was born in a mining town.",
            // No sentence start within the headline's length.
            "It rained. READ MORE: Mothers and fathers of the missing and the dead of the long war march again on the capital.",
        ] {
            assert_eq!(strip(line), (line.into(), 0, 1), "{line}");
        }
    }

    #[test]
    fn a_section_label_opening_a_line_is_a_headline_not_a_teaser() {
        for line in [
            "PHOTOS: Scenes from the harbour festival",
            "OPINION: The council got it wrong The plan fails.",
            "Read more: https://example.org/story The minister said.",
            "The sign said \"WATCH: Falling rocks ahead\" and nothing else.",
        ] {
            assert_eq!(strip(line), (line.into(), 0, 0), "{line}");
        }
    }

    #[test]
    fn the_run_warns_about_teasers_left() {
        use super::super::document::Document;
        let docs = vec![
            Document {
                source: "a.txt".into(),
                teasers_left: 2,
                ..Default::default()
            },
            Document::default(),
        ];
        let w = super::warning(&docs).unwrap();
        assert!(
            w.starts_with("1 article holds teasers left in the text (2 in all"),
            "{w}"
        );
        assert!(w.ends_with("a.txt (2)"), "{w}");
        assert!(super::warning(&docs[1..]).is_none());
    }
}
