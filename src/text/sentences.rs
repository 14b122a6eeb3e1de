//! Sentence boundaries: UAX #29 sentence breaks inside each line, with a line
//! break always ending a sentence (headlines and captions carry no full stop),
//! and no break after common titles and abbreviations ("Mr.", "Dr.", "St.").

use unicode_segmentation::UnicodeSegmentation;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "sgt", "insp", "supt", "det", "cllr", "prof", "rev", "gen",
    "col", "lt", "capt", "cmdr", "gov", "sen", "rep", "jr", "sr", "vs", "etc", "e.g", "i.e", "u.s",
    "u.k", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
];

fn ends_with_abbreviation(s: &str) -> bool {
    let t = s.trim_end();
    let Some(stripped) = t.strip_suffix('.') else {
        return false;
    };
    let last = stripped
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("")
        .to_lowercase();
    // A single capital letter ("J. K. Rowling") is an initial.
    ABBREVIATIONS.contains(&last.as_str())
        || (last.chars().count() == 1 && last.chars().all(|c| c.is_alphabetic()))
}

/// "No. 10": "No." is an abbreviation only before a number.
fn number_sign(before: &str, next: &str) -> bool {
    let t = before.trim_end();
    (t.ends_with(" No.") || t == "No." || t.ends_with(" no.") || t.ends_with("(No."))
        && next.trim_start().starts_with(|c: char| c.is_ascii_digit())
}

/// Byte spans `(start, end)` of the sentences of `text`, trimmed, non-empty.
pub fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut current: Option<(usize, usize)> = None;
        for (off, s) in line.split_sentence_bound_indices() {
            let (a, b) = (line_start + off, line_start + off + s.len());
            current = match current {
                Some((cs, _ce))
                    if ends_with_abbreviation(&text[cs..a]) || number_sign(&text[cs..a], s) =>
                {
                    Some((cs, b))
                }
                Some(span) => {
                    spans.push(span);
                    Some((a, b))
                }
                None => Some((a, b)),
            };
        }
        if let Some(span) = current {
            spans.push(span);
        }
        line_start += line.len();
    }
    spans
        .into_iter()
        .filter_map(|(a, b)| {
            let s = &text[a..b];
            let lead = s.len() - s.trim_start().len();
            let t = s.trim();
            (!t.is_empty()).then_some((a + lead, a + lead + t.len()))
        })
        .collect()
}

/// Start offsets of every sentence, first always 0 (for token tagging).
/// Index i is sentence i of [`sentence_spans`]: leading whitespace belongs to
/// the first sentence rather than to an extra one, which would shift every
/// token's sentence index by one against the spans.
pub fn sentence_starts(text: &str) -> Vec<usize> {
    let mut starts: Vec<usize> = sentence_spans(text).into_iter().map(|(a, _)| a).collect();
    match starts.first_mut() {
        Some(first) => *first = 0,
        None => starts.push(0),
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        sentence_spans(t)
            .into_iter()
            .map(|(a, b)| &t[a..b])
            .collect()
    }

    #[test]
    fn splits_on_full_stops_and_lines() {
        assert_eq!(
            sents("Headline without stop\nFirst one. Second one! Third?"),
            vec![
                "Headline without stop",
                "First one.",
                "Second one!",
                "Third?"
            ]
        );
    }

    #[test]
    fn titles_do_not_end_sentences() {
        assert_eq!(
            sents("Mr. Kaba was driving. Dr. J. Smith said so."),
            vec!["Mr. Kaba was driving.", "Dr. J. Smith said so."]
        );
    }

    #[test]
    fn no_is_an_abbreviation_only_before_numbers() {
        assert_eq!(
            sents("He went to No. 10 Downing Street. No. Danger grew."),
            vec!["He went to No. 10 Downing Street.", "No.", "Danger grew."]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            sents("She said: “This is wrong.” Then left."),
            vec!["She said: “This is wrong.”", "Then left."]
        );
    }

    #[test]
    fn starts_align_with_spans_after_leading_whitespace() {
        let t = "\n  World News\nArmed gangs roam. All calm.";
        assert_eq!(
            sents(t),
            vec!["World News", "Armed gangs roam.", "All calm."]
        );
        let starts = sentence_starts(t);
        assert_eq!(starts.len(), 3);
        assert_eq!(starts[0], 0);
        assert_eq!(&t[starts[1]..starts[2]], "Armed gangs roam. ");
    }

    #[test]
    fn empty_text() {
        assert!(sents("").is_empty());
        assert_eq!(sentence_starts(""), vec![0]);
    }
}
