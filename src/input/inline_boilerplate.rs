//! Boilerplate inside a line: the fixed phrases web pages print between
//! paragraphs, found where a copy ran the page into one paragraph (text
//! pasted from a browser into a .txt without line breaks). Only fragments
//! whose end can be told are removed, so that no article word goes with
//! them: a fixed sentence, a label with a known credit, a credit in
//! brackets, a row of share buttons, a teaser that ends its line. The
//! rules are documented in docs/user-guide.md ("Reading the corpus").

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
    /// "Share this with": only with a row of share buttons after it.
    SharePanel,
    /// A "READ MORE:" teaser: only where it ends its line.
    Teaser,
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
    ("READ MORE:", Kind::Teaser),
    ("Read more:", Kind::Teaser),
    ("Read More:", Kind::Teaser),
    ("MORE:", Kind::Teaser),
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

/// The buttons of a share panel ("Share this with Email Facebook ...").
const SHARE_BUTTONS: &[&str] = &[
    "Email",
    "Facebook",
    "Messenger",
    "Twitter",
    "Pinterest",
    "WhatsApp",
    "LinkedIn",
    "Reddit",
];

/// Words a bracketed credit may have before its closing bracket.
const BRACKET_MAX_WORDS: usize = 10;

/// Words a teaser's headline may have after "READ MORE:" to the line's end.
const TEASER_MAX_WORDS: usize = 20;

static FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(PHRASES.iter().map(|(p, _)| p))
        .expect("fixed phrases build")
});

/// The line without the boilerplate fragments inside it, and how many
/// were removed (borrowed, 0, when there are none: the usual case).
pub fn strip_fragments(line: &str) -> (Cow<'_, str>, usize) {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for m in FINDER.find_iter(line) {
        let (start, after) = (m.start(), m.end());
        if cuts.last().is_some_and(|&(_, end)| start < end)
            || line[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let end = match PHRASES[m.pattern().as_usize()].1 {
            Kind::Sentence => word_end(line, after).map(|e| full_stop(line, e)),
            Kind::CreditLabel => word_end(line, after).and_then(|e| credit_end(line, e)),
            Kind::CaptionLabel => word_end(line, after).and_then(|e| caption_label_end(line, e)),
            Kind::Bracketed => bracket_end(line, after),
            Kind::SharePanel => share_panel_end(line, after),
            Kind::Teaser => teaser_runs_to_the_end(line, start, after).then_some(line.len()),
        };
        if let Some(end) = end {
            cuts.push((start, end));
        }
    }
    if cuts.is_empty() {
        return (Cow::Borrowed(line), 0);
    }
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    for &(start, end) in &cuts {
        out.push_str(&line[at..start]);
        at = end;
        // One space where the fragment sat between words, none at an end
        // or before punctuation.
        let rest = line[at..].trim_start();
        at = line.len() - rest.len();
        if rest.is_empty() || out.is_empty() || rest.starts_with([',', '.', ';', ':', ')']) {
            out.truncate(out.trim_end().len());
        } else if !out.ends_with(char::is_whitespace) {
            out.push(' ');
        }
    }
    out.push_str(&line[at..]);
    (Cow::Owned(out), cuts.len())
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
    CREDITS
        .iter()
        .filter(|c| rest.starts_with(*c))
        .find_map(|c| word_end(line, from + c.len()))
        .or((label_end > at).then_some(label_end))
}

/// Past a caption label, when a comma, a colon or a capital letter (the
/// caption's first) follows it: "Image caption contests" is text.
fn caption_label_end(line: &str, at: usize) -> Option<usize> {
    let label_end = punctuation(line, at);
    let capital = line[at..].trim_start().starts_with(char::is_uppercase);
    (label_end > at || capital).then_some(label_end)
}

/// Past the closing bracket of "(Image: ...)", if it closes on this line
/// within a few words.
fn bracket_end(line: &str, at: usize) -> Option<usize> {
    let close = line[at..].find([')', '('])?;
    let inside = &line[at..at + close];
    (line[at + close..].starts_with(')') && inside.split_whitespace().count() <= BRACKET_MAX_WORDS)
        .then_some(at + close + 1)
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

/// A teaser is removed only where it starts a sentence and its headline
/// ends the line: a few words with no sentence end among them (headlines
/// carry no full stop). Where the headline runs on into the article, the
/// two cannot be told apart, and the teaser is kept.
fn teaser_runs_to_the_end(line: &str, start: usize, after: usize) -> bool {
    let before = line[..start].trim_end();
    let starts_sentence = before.is_empty()
        || before.ends_with(['.', '!', '?', '"', '\'', '\u{201d}', '\u{2019}', ')']);
    let rest = line[after..].trim();
    let words = rest.split_whitespace().take(TEASER_MAX_WORDS + 1).count();
    let inner_end = rest.char_indices().any(|(i, c)| {
        matches!(c, '.' | '!' | '?') && rest[i + 1..].starts_with(char::is_whitespace)
    });
    starts_sentence && (1..=TEASER_MAX_WORDS).contains(&words) && !inner_end && !rest.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for text in [
            "He decided to share this with the committee.",
            "Share this with Facebook friends, the council urged.",
        ] {
            assert_eq!(strip(text), (text.into(), 0), "{text}");
        }
    }

    #[test]
    fn a_teaser_goes_only_where_it_ends_its_line() {
        assert_eq!(
            strip("The zoo said it was reviewing its procedures. READ MORE: Fury after snow leopard shot dead"),
            ("The zoo said it was reviewing its procedures.".into(), 1)
        );
        assert_eq!(
            strip("Police closed the road. MORE: Is the town ready for another flood?"),
            ("Police closed the road.".into(), 1)
        );
        for text in [
            // Runs on into the article: where the headline stops is unknown.
            "The zoo said it was reviewing. READ MORE: Fury after snow leopard shot dead The keepers said the animal had escaped. Police were called.",
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
