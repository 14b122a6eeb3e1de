//! Boilerplate inside a line: the fixed phrases web pages print between
//! paragraphs, found where a copy ran the page into one paragraph (text
//! pasted from a browser into a .txt without line breaks). Only fragments
//! whose end can be told are removed, so that no article word goes with
//! them: a fixed sentence, a label with a known credit, a credit in
//! brackets, a row of share buttons, a link to another story up to where
//! the article resumes ([`inline_teasers`]). The rules are documented in
//! docs/user-guide.md ("Reading the corpus").

use super::inline_teasers::{self, Line, TeaserEnd, MARKERS};
use crate::model::removed::RemovalRule;
use aho_corasick::{AhoCorasick, MatchKind};
use std::borrow::Cow;
use std::sync::LazyLock;

/// What follows a phrase, and so how far the fragment runs.
#[derive(Clone, Copy)]
enum Kind {
    /// A whole sentence the page prints as it is.
    Sentence,
    /// A picture credit label: with the credit after it if that is a known
    /// one, else alone where a comma or colon shows it is a label.
    CreditLabel,
    /// A caption label, before punctuation or a capital: the caption has
    /// no end mark, so it stays.
    CaptionLabel,
    /// A credit in brackets: up to the closing bracket.
    Bracketed,
    /// "Share this with" (or "Send Facebook Twitter"): only with a row of
    /// share buttons after it.
    SharePanel,
    /// A link's label ("Learn more"): only where it ends its line after a
    /// finished sentence.
    LinkLabel,
    /// A print edition's credit in brackets, up to the closing bracket when
    /// a page number ends it ("(China Daily European Weekly 01/27/2017
    /// page32)").
    EditionCredit,
}

/// The phrases, as sites print them (case counts: "the image caption
/// said" is article text).
const PHRASES: &[(&str, Kind)] = &[
    (
        "Media playback is not supported on this device",
        Kind::Sentence,
    ),
    (
        "Media playback is unsupported on your device",
        Kind::Sentence,
    ),
    (
        "These are external links and will open in a new window",
        Kind::Sentence,
    ),
    ("Continue reading the main story", Kind::Sentence),
    ("Share this slide:", Kind::Sentence),
    (
        "Do you have information you want to share with the Huffington Post? Here's how",
        Kind::Sentence,
    ),
    ("Learn more", Kind::LinkLabel),
    ("(China Daily", Kind::EditionCredit),
    (
        "The views do not necessarily reflect those of China Daily",
        Kind::Sentence,
    ),
    ("Provided to China Daily", Kind::Sentence),
    ("/ For China Daily", Kind::Sentence),
    ("/ China Daily", Kind::Sentence),
    ("Image copyright", Kind::CreditLabel),
    ("Image source", Kind::CreditLabel),
    ("Image caption", Kind::CaptionLabel),
    ("(Image:", Kind::Bracketed),
    ("(IMAGE:", Kind::Bracketed),
    ("(Picture:", Kind::Bracketed),
    ("(PICTURE:", Kind::Bracketed),
    ("(Photo:", Kind::Bracketed),
    ("(PHOTO:", Kind::Bracketed),
    ("(Pictured:", Kind::Bracketed),
    ("Share this with", Kind::SharePanel),
    ("Send Facebook Twitter", Kind::SharePanel),
];

/// Credits that follow "Image copyright" / "Image source" (longest first).
const CREDITS: &[&str] = &[
    "AFP/Getty Images",
    "Getty Images",
    "Getty",
    "Reuters",
    "AFP",
    "EPA-EFE",
    "EPA",
    "PA Media",
    "PA Wire",
    "PA",
    "AP",
    "Shutterstock",
    "Alamy",
    "Rex Features",
    "BBC",
];

/// The buttons of a share panel ("Share this with Email Facebook ...",
/// "Send Facebook Twitter Google+ Whatsapp ... Permalink").
pub(crate) const SHARE_BUTTONS: &[&str] = &[
    "Email",
    "Facebook",
    "Messenger",
    "Twitter",
    "Pinterest",
    "WhatsApp",
    "Whatsapp",
    "LinkedIn",
    "linkedin",
    "Reddit",
    "reddit",
    "Google+",
    "Tumblr",
    "stumble",
    "Digg",
    "Newsvine",
    "Permalink",
];

/// Words a bracketed credit that is no known one may have: a name
/// ("(Photo: John Smith)"), each word capitalised.
const BRACKET_MAX_WORDS: usize = 3;

/// The phrases, then the teaser markers (pattern numbers from
/// `PHRASES.len()` on).
static FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(
            PHRASES
                .iter()
                .map(|(p, _)| *p)
                .chain(MARKERS.iter().map(|m| m.text)),
        )
        .expect("fixed phrases build")
});

/// A line with the boilerplate fragments inside it removed.
pub struct Fragments<'a> {
    /// The line without them (borrowed when there are none: the usual case).
    pub text: Cow<'a, str>,
    /// How many were removed.
    pub removed: usize,
    /// What was removed, in line order: each fragment's rule (a fragment,
    /// or a link to another story) and text.
    pub pieces: Vec<(RemovalRule, &'a str)>,
    /// Teasers left in the line: their end could not be told.
    pub teasers_left: usize,
}

/// The line without the boilerplate fragments inside it, and how many
/// were removed (borrowed, 0, when there are none: the usual case).
pub fn strip_fragments(line: &str) -> (Cow<'_, str>, usize) {
    let f = strip_line(line);
    (f.text, f.removed)
}

/// The line without the boilerplate fragments inside it, with the counts
/// of those removed and of the teasers left in it.
pub fn strip_line(line: &str) -> Fragments<'_> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    // Which cuts are links to other stories.
    let mut teaser_cuts: Vec<bool> = Vec::new();
    let mut teasers_left = 0;
    // Where the last teaser cut ended: a marker right there opens the
    // next teaser of a row ("READ: A READ: B").
    let mut teaser_cut_end = None;
    let teaser_line = Line::new(line);
    for m in FINDER.find_iter(line) {
        let (start, after) = (m.start(), m.end());
        if cuts.last().is_some_and(|&(_, end)| start < end)
            || line[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            || after_opening_quote(line, start)
        {
            continue;
        }
        let pattern = m.pattern().as_usize();
        if let Some(marker) = pattern.checked_sub(PHRASES.len()).map(|i| &MARKERS[i]) {
            let chained = teaser_cut_end == Some(start);
            if !inline_teasers::opens_teaser(line, start, marker, chained) {
                continue;
            }
            match inline_teasers::teaser_end(&teaser_line, after) {
                TeaserEnd::At(end) => {
                    cuts.push((start, end));
                    teaser_cuts.push(true);
                    teaser_cut_end = Some(end);
                }
                TeaserEnd::Unknown => teasers_left += 1,
                TeaserEnd::None => {}
            }
            continue;
        }
        let end = match PHRASES[pattern].1 {
            Kind::Sentence => word_end(line, after).map(|e| full_stop(line, e)),
            Kind::CreditLabel => word_end(line, after).and_then(|e| credit_end(line, e)),
            Kind::CaptionLabel => word_end(line, after).and_then(|e| caption_label_end(line, e)),
            Kind::Bracketed => bracket_end(line, after),
            Kind::SharePanel => share_panel_end(line, after),
            Kind::LinkLabel => link_label_ends_the_line(line, start, after).then_some(line.len()),
            Kind::EditionCredit => edition_credit_end(line, after),
        };
        if let Some(end) = end {
            cuts.push((start, end));
            teaser_cuts.push(false);
        }
    }
    let removed = cuts.len();
    let pieces = cuts
        .iter()
        .zip(&teaser_cuts)
        .map(|(&(start, end), &teaser)| {
            let rule = if teaser {
                RemovalRule::Teaser
            } else {
                RemovalRule::Fragment
            };
            (rule, &line[start..end])
        })
        .collect();
    let text = if cuts.is_empty() {
        Cow::Borrowed(line)
    } else {
        Cow::Owned(cut_out(line, &cuts))
    };
    Fragments {
        text,
        removed,
        pieces,
        teasers_left,
    }
}

/// The line without the byte ranges `cuts` (in order, not overlapping),
/// spaced as if they had never been there.
pub(super) fn cut_out(line: &str, cuts: &[(usize, usize)]) -> String {
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    for &(start, end) in cuts {
        out.push_str(&line[at..start]);
        at = end;
        // One space where the fragment sat between words, none at an end
        // or before punctuation.
        let mut rest = line[at..].trim_start();
        // A full stop after a fragment that followed a sentence's end (or
        // nothing) was the fragment's own: "Image copyright Reuters." alone
        // leaves no ".", and none is doubled.
        let out_end = out.trim_end();
        if rest.starts_with('.')
            && !rest.starts_with("..")
            && (out_end.is_empty() || out_end.ends_with(['.', '!', '?']))
        {
            rest = rest[1..].trim_start();
        }
        at = line.len() - rest.len();
        if rest.is_empty() || out.is_empty() || rest.starts_with([',', '.', ';', ':', ')', ']']) {
            out.truncate(out.trim_end().len());
        } else if !out.ends_with(char::is_whitespace) {
            out.push(' ');
        }
    }
    out.push_str(&line[at..]);
    out
}

/// Quotation marks that open a quotation; the straight ones open one only
/// where no word is right before them ([`after_opening_quote`]).
const OPENING_QUOTES: &[char] = &['\u{201c}', '\u{2018}', '\u{201e}', '\u{201a}', '\u{ab}'];

/// True when an opening quotation mark comes right before `start` (spaces
/// between allowed): a phrase inside a quotation is quoted ("the app showed
/// the error \"Media playback is not supported on this device\""), not the
/// page's boilerplate. A straight quote opens one when it is attached to
/// the phrase or stands after a space, a bracket or the line's start.
/// Looks at a few characters only (no scan of the line).
fn after_opening_quote(line: &str, start: usize) -> bool {
    let before = line[..start].trim_end();
    let mut back = before.chars().rev();
    match back.next() {
        Some(c) if OPENING_QUOTES.contains(&c) => true,
        Some('"' | '\'') => {
            before.len() == start
                || back
                    .next()
                    .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '\u{2014}'))
        }
        _ => false,
    }
}

/// `at`, when a word ends there (the phrase is not the start of a longer word).
fn word_end(line: &str, at: usize) -> Option<usize> {
    (!line[at..].starts_with(char::is_alphanumeric)).then_some(at)
}

/// Past a full stop right after the sentence.
fn full_stop(line: &str, at: usize) -> usize {
    at + usize::from(line[at..].starts_with('.'))
}

/// Past a comma or colon after a label ("Image caption, ...").
fn punctuation(line: &str, at: usize) -> usize {
    at + usize::from(line[at..].starts_with([',', ':']))
}

/// Past the known credit after a credit label, else past the label when
/// a comma or colon shows it is one ("Image source, Jane Smith"): "Image
/// copyright law" opening a sentence is text.
fn credit_end(line: &str, at: usize) -> Option<usize> {
    let label_end = punctuation(line, at);
    let rest = line[label_end..].trim_start();
    let from = line.len() - rest.len();
    known_credit_end(line, from).or((label_end > at).then_some(label_end))
}

/// Past the known credit that starts at `from`, or credits joined by a
/// slash ("AP/Getty Images"); `None` where none does, or a slash goes on
/// to one that is not known (its end cannot be told).
fn known_credit_end(line: &str, from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let rest = &line[at..];
        let end = CREDITS
            .iter()
            .filter(|c| rest.starts_with(*c))
            .find_map(|c| word_end(line, at + c.len()))?;
        if line[end..].starts_with('/') {
            at = end + 1;
        } else {
            return Some(end);
        }
    }
}

/// Past a caption label, when a comma, a colon or a capital letter (the
/// caption's first) follows it: "Image caption contests" is text.
fn caption_label_end(line: &str, at: usize) -> Option<usize> {
    let label_end = punctuation(line, at);
    let capital = line[at..].trim_start().starts_with(char::is_uppercase);
    (label_end > at || capital).then_some(label_end)
}

/// Past the closing bracket of "(Image: ...)", if what it holds is a
/// credit: a known one ("(Image: Getty Images)") or a name of a few
/// capitalised words ("(Photo: John Smith)"). A description ("(Photo: a
/// man in a blue coat)") may be the article's own words, and stays.
fn bracket_end(line: &str, at: usize) -> Option<usize> {
    let close = line[at..].find([')', '('])?;
    if !line[at + close..].starts_with(')') {
        return None;
    }
    let inside = line[at..at + close].trim();
    let from = at + (line[at..].len() - line[at..].trim_start().len());
    let known = known_credit_end(line, from).is_some_and(|e| line[e..at + close].trim().is_empty());
    let words = || inside.split_whitespace();
    let name = (1..=BRACKET_MAX_WORDS).contains(&words().count())
        && words().all(|w| w.starts_with(char::is_uppercase));
    (known || name).then_some(at + close + 1)
}

/// Past the share buttons ("Email Facebook ... Copy this link") after
/// "Share this with", when there are at least two: "share this with the
/// committee" is text.
fn share_panel_end(line: &str, at: usize) -> Option<usize> {
    let mut end = at;
    let mut buttons = 0;
    let mut rest = &line[at..];
    loop {
        let trimmed = rest.trim_start();
        let word = trimmed
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let from = line.len() - trimmed.len();
        if SHARE_BUTTONS.contains(&word) {
            buttons += 1;
            end = from + word.len();
        } else if buttons >= 2 && word.starts_with("http") && line[..end].ends_with("Permalink") {
            // The permanent link the "Permalink" button shows.
            end = from + word.len();
            break;
        } else if buttons >= 2 && trimmed.starts_with("Copy this link") {
            end = word_end(line, from + "Copy this link".len()).unwrap_or(end);
            break;
        } else {
            break;
        }
        rest = &line[end..];
    }
    (buttons >= 2).then_some(end)
}

/// Past the closing bracket of an edition's credit opened before `at`,
/// when the bracket closes within a few words and a page number ends it.
fn edition_credit_end(line: &str, at: usize) -> Option<usize> {
    let close = at + line[at..].find(')')?;
    let inside = line[at..close].trim_end();
    let page = inside.trim_end_matches(|c: char| c.is_ascii_digit());
    (inside.len() - page.len() > 0
        && page.trim_end().to_lowercase().ends_with("page")
        && inside.split_whitespace().count() <= 6)
        .then_some(close + 1)
}

/// Whether the link label at `start..after` ends its line after a
/// finished sentence ("... impact you? Learn more"): "want to learn more
/// about" and "Learn more about the plan." are text.
fn link_label_ends_the_line(line: &str, start: usize, after: usize) -> bool {
    let before = line[..start].trim_end();
    line[after..].trim().is_empty()
        && !before.is_empty()
        && before.ends_with(['.', '!', '?', '"', '\u{201d}', ')'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edition_credit_goes_with_its_page_number() {
        let line = "Prices rose. (China Daily European Weekly 01/27/2017 page32)";
        assert_eq!(strip(line), ("Prices rose.".to_string(), 1));
        let line = "Prices rose, Wang Li / For China Daily said. The views do not necessarily \
                    reflect those of China Daily. Photos Provided to China Daily";
        assert_eq!(
            strip(line),
            ("Prices rose, Wang Li said. Photos".to_string(), 3)
        );
        // The paper named in prose, or a bracket without a page, is text.
        for line in [
            "He told China Daily the plan works.",
            "Prices rose (China Daily reported on Monday).",
        ] {
            assert_eq!(strip(line), (line.to_string(), 0), "{line}");
        }
    }

    #[test]
    fn a_link_label_goes_only_where_it_ends_its_line_after_a_sentence() {
        let (out, n) = strip("Prices rose. How will it impact you? Learn more");
        assert_eq!(
            (out.as_str(), n),
            ("Prices rose. How will it impact you?", 1)
        );
        let (out, n) = strip("Prices rose. Share this slide: How will it impact you? Learn more");
        assert_eq!(
            (out.as_str(), n),
            ("Prices rose. How will it impact you?", 2)
        );
        let line = "Do you have information you want to share with the Huffington Post? Here's how. Prices rose.";
        assert_eq!(strip(line), ("Prices rose.".to_string(), 1));
        // Prose: inside a sentence, not at the line's end, or alone on it.
        for line in [
            "Students who want to learn more can apply.",
            "Learn more about the plan. Prices rose.",
            "They learn more",
            "Learn more",
            "Prices rose and viewers will Learn more",
        ] {
            assert_eq!(strip(line), (line.to_string(), 0), "{line}");
        }
    }

    fn strip(line: &str) -> (String, usize) {
        let (s, n) = strip_fragments(line);
        (s.into_owned(), n)
    }

    #[test]
    fn fixed_sentences_go_wherever_they_are() {
        assert_eq!(
            strip("The match ended in a draw. Media playback is not supported on this device The captain said the team had played well."),
            ("The match ended in a draw. The captain said the team had played well.".into(), 1)
        );
        assert_eq!(
            strip("Officials met on Monday. These are external links and will open in a new window. Talks resume today."),
            ("Officials met on Monday. Talks resume today.".into(), 1)
        );
        assert_eq!(
            strip("Media playback is unsupported on your device"),
            (String::new(), 1)
        );
    }

    #[test]
    fn picture_labels_go_with_a_known_credit_and_captions_stay() {
        assert_eq!(
            strip("Fires spread overnight. Image copyright Getty Images Image caption Firefighters at the scene on Monday Crews worked until dawn."),
            ("Fires spread overnight. Firefighters at the scene on Monday Crews worked until dawn.".into(), 2)
        );
        // An unknown credit stays (its end cannot be told), the label goes.
        assert_eq!(
            strip("Image source, Jane Smith The river rose."),
            ("Jane Smith The river rose.".into(), 1)
        );
        assert_eq!(
            strip("The minister arrived (Image: Getty) and spoke to crowds."),
            ("The minister arrived and spoke to crowds.".into(), 1)
        );
        assert_eq!(
            strip("The minister arrived (Picture: PA), and spoke (Photo: the minister in a crowd of reporters who had waited for hours outside)."),
            ("The minister arrived, and spoke (Photo: the minister in a crowd of reporters who had waited for hours outside).".into(), 1)
        );
    }

    #[test]
    fn share_buttons_go_only_as_a_row() {
        assert_eq!(
            strip("Share this with Email Facebook Messenger Twitter Copy this link The storm hit at night."),
            ("The storm hit at night.".into(), 1)
        );
        assert_eq!(
            strip("He left. Send Facebook Twitter Google+ Whatsapp Tumblr linkedin stumble Digg reddit Newsvine Permalink http://dw.com/p/2Wx5C The man is believed to be in France."),
            ("He left. The man is believed to be in France.".into(), 1)
        );
        for text in [
            "He decided to share this with the committee.",
            "Send Facebook Twitter users a message, he said.",
            "Share this with Facebook friends, the council urged.",
        ] {
            assert_eq!(strip(text), (text.into(), 0), "{text}");
        }
    }

    #[test]
    fn a_teaser_goes_where_its_end_can_be_told() {
        assert_eq!(
            strip("The zoo said it was reviewing its procedures. READ MORE: Fury after snow leopard shot dead"),
            ("The zoo said it was reviewing its procedures.".into(), 1)
        );
        assert_eq!(
            strip("Police closed the road. MORE: Is the town ready for another flood?"),
            ("Police closed the road.".into(), 1)
        );
        // Runs on into the article: the teaser goes up to where it resumes
        // (inline_teasers.rs has the rules).
        assert_eq!(
            strip("The zoo said it was reviewing. READ MORE: Fury after snow leopard shot dead The keepers said the animal had escaped. Police were called."),
            ("The zoo said it was reviewing. The keepers said the animal had escaped. Police were called.".into(), 1)
        );
        for text in [
            // Ends like article text.
            "Visitors were moved. READ MORE: The keepers said the animal escaped.",
            // Not at a sentence start.
            "NO MORE: that is the message from residents",
            "Residents want to read more: the report is long",
        ] {
            assert_eq!(strip(text), (text.into(), 0), "{text}");
        }
    }

    #[test]
    fn phrases_inside_words_or_prose_are_text() {
        for text in [
            "The image caption said nothing about the flood.",
            "Media playback is not supported on this devices list.",
            "XMedia playback is not supported on this device",
            "An image copyright dispute went to court.",
            "Image copyright law is a maze, lawyers said.",
            "Image source code was leaked on Monday.",
            "Image caption contests drew thousands of entries.",
        ] {
            assert_eq!(strip(text), (text.into(), 0), "{text}");
        }
    }

    #[test]
    fn a_line_ending_in_a_closed_sentence_is_no_teaser() {
        for text in [
            "Displaced residents say they have nowhere to go. READ MORE: Kurdish city battered by crackdown Akar said the displaced \"will be able to go home soon.\"",
            "Visitors were moved. READ MORE: The keepers said the animal \u{201c}escaped.\u{201d}",
            "Visitors were moved. READ MORE: The keepers said the animal escaped (again.)",
            "Visitors were moved. READ MORE: The keepers asked \"who let it out?\"",
            "Visitors were moved. READ MORE: The keeper shouted \u{2018}run!\u{2019}",
            // A sentence end inside, behind a closing quote.
            "Visitors were moved. READ MORE: Keepers said \"no.\" The zoo shut",
        ] {
            assert_eq!(strip(text), (text.into(), 0), "{text}");
        }
        // A headline may still end with a bare question mark or a quote.
        assert_eq!(
            strip("Police closed the road. READ MORE: Mayor says town is \"ready\""),
            ("Police closed the road.".into(), 1)
        );
    }

    #[test]
    fn a_teaser_inside_a_quotation_is_text() {
        for text in [
            "The librarian gave one piece of advice. \"Read more: it is the best habit you will ever build.\"",
            "The sign said \"READ MORE: Books are free here\"",
            "The sign said 'READ MORE: Books are free here'",
            "The sign said \u{201c}READ MORE: Books are free here\u{201d}",
            "\"READ MORE: Books are free here\"",
        ] {
            assert_eq!(strip(text), (text.into(), 0), "{text}");
        }
        // After a closing quote, a teaser still goes.
        assert_eq!(
            strip("He said \"we are done.\" READ MORE: Fury after snow leopard shot dead"),
            ("He said \"we are done.\"".into(), 1)
        );
    }

    #[test]
    fn only_a_credit_in_brackets_goes() {
        for text in [
            "He then left (Photo: a man in a blue coat standing near the gate) quietly.",
            "He then left (Image: the gate at dawn) quietly.",
            "He then left (Pictured: his Own Home And Garden) quietly.",
            "He then left (Photo: ) quietly.",
        ] {
            assert_eq!(strip(text), (text.into(), 0), "{text}");
        }
        for (text, kept) in [
            (
                "He then left (Photo: John Smith) quietly.",
                "He then left quietly.",
            ),
            (
                "He then left (Image: Getty Images) quietly.",
                "He then left quietly.",
            ),
            (
                "He then left (Picture: AP/Getty Images) quietly.",
                "He then left quietly.",
            ),
            (
                "He then left (PHOTO: REUTERS) quietly.",
                "He then left quietly.",
            ),
        ] {
            assert_eq!(strip(text), (kept.into(), 1), "{text}");
        }
    }

    #[test]
    fn a_quoted_fixed_sentence_is_text() {
        for text in [
            "the app showed the error \"Media playback is not supported on this device\" during the final.",
            "the app showed the error \u{201c}Media playback is not supported on this device\u{201d} during the final.",
            "the note read \"Image copyright Reuters\" in small print.",
        ] {
            assert_eq!(strip(text), (text.into(), 0), "{text}");
        }
        // A closing quote before it is no quotation of it.
        assert_eq!(
            strip("He said \"we won.\" Media playback is not supported on this device The crowd cheered."),
            ("He said \"we won.\" The crowd cheered.".into(), 1)
        );
    }

    #[test]
    fn a_long_line_of_teaser_marks_is_kept_in_one_pass() {
        let line = "MORE: ".repeat(200_000);
        assert_eq!(strip(&line), (line.clone(), 0));
        let line = "It rained. MORE: ".repeat(50_000);
        assert_eq!(strip(&line), (line.clone(), 0));
    }

    #[test]
    fn a_fragment_leaves_no_stray_stop_or_credit_part() {
        assert_eq!(strip("Image copyright Reuters."), (String::new(), 1));
        assert_eq!(strip("(Photo: Getty)."), (String::new(), 1));
        assert_eq!(
            strip("Fires spread. Image copyright Reuters. The river rose."),
            ("Fires spread. The river rose.".into(), 1)
        );
        assert_eq!(
            strip("Image copyright AP/Getty Images The march went on."),
            ("The march went on.".into(), 1)
        );
        // A slash to an unknown credit: its end cannot be told.
        let text = "Image copyright AP/John Smith The march went on.";
        assert_eq!(strip(text), (text.into(), 0));
        // The stop ending a sentence stays.
        assert_eq!(
            strip("The award went to the team (Photo: PA). It was a surprise."),
            ("The award went to the team. It was a surprise.".into(), 1)
        );
    }

    #[test]
    fn every_phrase_is_found() {
        for (p, _) in PHRASES {
            assert!(
                FINDER
                    .find(p)
                    .is_some_and(|m| m.start() == 0 && m.end() == p.len()),
                "{p}"
            );
        }
    }
}
