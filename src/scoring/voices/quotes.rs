//! Finding quotes: double quotes (curly or straight) paragraph by
//! paragraph, quotes running over paragraphs, and single quotes told apart
//! from apostrophes. See the parent module for the rules.

/// One quote found in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset of the quoted text (after the opening mark).
    pub start: usize,
    /// Byte offset one past the quoted text (at the closing mark).
    pub end: usize,
    /// Byte offset one past the closing mark (= `end` when the quote is unterminated).
    pub close: usize,
    /// The speaker ("" when no pattern found one): as written, or the
    /// article's one name for the person (`full_names.rs`; see `written`).
    pub speaker: String,
    /// Which attribution rule named the speaker ("" when none).
    pub rule: &'static str,
    /// The speaker as the text names them, where `speaker` differs from it
    /// ("" otherwise).
    pub written: String,
}

impl Quote {
    /// The speaker as the text names them ("" when unattributed).
    pub fn as_written(&self) -> &str {
        if self.written.is_empty() {
            &self.speaker
        } else {
            &self.written
        }
    }
}

pub(super) fn opens_after(prev: Option<char>) -> bool {
    prev.is_none_or(|p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '"')
    })
}

fn has_alnum(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// Adds the quote (opening mark, text start, text end, closing mark end) to
/// `out` unless its text has no letter or digit. Replacement characters
/// (U+FFFD) at either end of the text are left out of it: they are the lost
/// rest of a damaged quotation mark, not speech, and a quote shown in the
/// reader or `analysis.json` must not open or close with one (the input
/// stage repairs the usual case, `input::quote_marks`).
pub(super) fn push_quote(
    text: &str,
    out: &mut Vec<Quote>,
    (open, start, end, close): (usize, usize, usize, usize),
) {
    let (start, end) = without_damage(text, start, end);
    if end > start && has_alnum(&text[start..end]) {
        out.push(Quote {
            open,
            start,
            end,
            close,
            speaker: String::new(),
            rule: "",
            written: String::new(),
        });
    }
}

/// `start..end` of `text` without the replacement characters at its ends.
fn without_damage(text: &str, start: usize, end: usize) -> (usize, usize) {
    const LOST: char = '\u{FFFD}';
    if start >= end {
        return (start, end);
    }
    let piece = &text[start..end];
    let head = piece.len() - piece.trim_start_matches(LOST).len();
    let tail = piece[head..].len() - piece[head..].trim_end_matches(LOST).len();
    (start + head, end - tail)
}

/// Sentences a quote whose closing mark is missing may hold at most.
///
/// Such a quote ends where its paragraph ends (or at the next opening
/// mark), which is right in print, where paragraphs are short; but text
/// flattened into one paragraph (scraped or converted pages, mangled dashes
/// printed as `"?`) then makes one stray mark quote the rest of the article.
/// Measured on 3,791 news articles, 97.8% of the quotes that do close hold
/// at most 3 sentences, while the 226 left open ran up to 2,091 words, the
/// 20 longest over 100. So three sentences keep almost every real quote
/// whole, and a runaway becomes a short quote instead of the article's
/// narration; the text after the cut stays narration.
pub(super) const MAX_UNCLOSED_SENTENCES: usize = 3;

/// Where a quote left open ends: at `end` (its paragraph's end or the next
/// opening mark) unless the quoted text from `from` to `end` holds more
/// than [`MAX_UNCLOSED_SENTENCES`] sentences with a letter or digit, then
/// at the end of the last of those it may hold.
pub(super) fn unclosed_end(text: &str, from: usize, end: usize) -> usize {
    let piece = &text[from..end];
    let mut worded = crate::text::sentences::sentence_spans(piece)
        .into_iter()
        .filter(|&(a, b)| has_alnum(&piece[a..b]));
    match worded.nth(MAX_UNCLOSED_SENTENCES - 1) {
        Some((_, b)) if worded.next().is_some() => from + b,
        _ => end,
    }
}

/// Quote spans (speakers empty), in text order. A quote whose closing
/// mark is missing has `close == end` (see [`MAX_UNCLOSED_SENTENCES`]).
pub fn find_quotes(text: &str) -> Vec<Quote> {
    let paras = crate::input::paragraphs(text);
    let mut out: Vec<Quote> = Vec::new();
    let push = |out: &mut Vec<Quote>, open: usize, start: usize, end: usize, close: usize| {
        push_quote(text, out, (open, start, end, close));
    };
    // (opening mark, start of the quoted text)
    let mut cur: Option<(usize, usize)> = None;
    let mut continues = false;
    for (pi, &(pa, pb)) in paras.iter().enumerate() {
        let seg = &text[pa..pb];
        let mut off = 0;
        if continues {
            // The opening mark that continues a quote from the paragraph before.
            continues = false;
            off = seg.chars().next().map_or(0, char::len_utf8);
        }
        // Only quotation marks matter: jump from one to the next ('"' or the
        // lead byte 0xE2 of the curly marks; 0xE2 never occurs inside another
        // character's encoding, so every hit is on a character boundary).
        while let Some(p) = memchr::memchr2(b'"', 0xE2, &seg.as_bytes()[off..]) {
            let o = off + p;
            let Some(c) = seg[o..].chars().next() else {
                break;
            };
            let len = c.len_utf8();
            off = o + len;
            let i = pa + o;
            match c {
                '“' | '„' => {
                    // An opening mark inside a quote: the closing mark was left out.
                    if let Some((o, s)) = cur.take() {
                        let e = unclosed_end(text, s.max(pa), i);
                        push(&mut out, o, s, e, e);
                    }
                    cur = Some((i, i + len));
                }
                '”' => {
                    if let Some((o, s)) = cur.take() {
                        push(&mut out, o, s, i, i + len);
                    }
                }
                '"' => {
                    if let Some((o, s)) = cur.take() {
                        push(&mut out, o, s, i, i + len);
                    } else {
                        let prev = seg[..o].chars().next_back();
                        let next = seg[o + len..].chars().next();
                        if opens_after(prev) && next.is_some_and(|n| !n.is_whitespace()) {
                            cur = Some((i, i + len));
                        }
                    }
                }
                _ => {}
            }
        }
        if let Some((o, s)) = cur {
            let next_opens = paras
                .get(pi + 1)
                .is_some_and(|&(na, _)| text[na..].starts_with(['“', '"', '„']));
            if next_opens {
                continues = true;
            } else {
                let e = unclosed_end(text, s.max(pa), pb);
                push(&mut out, o, s, e, e);
                cur = None;
            }
        }
    }
    let doubles = out.clone();
    for &(pa, pb) in &paras {
        single_quotes(text, pa, pb, &doubles, &mut out);
    }
    out.sort_by_key(|q| q.open);
    out
}

/// Whether `seg` has a single quotation mark that could open a quote (an
/// opening context before it, a letter or digit after it): a necessary
/// condition checked on the marks alone, so that the common paragraph,
/// whose apostrophes all sit inside words, is not walked character by
/// character.
fn may_open_single(seg: &str) -> bool {
    let bytes = seg.as_bytes();
    let mut off = 0;
    while let Some(p) = memchr::memchr2(b'\'', 0xE2, &bytes[off..]) {
        let o = off + p;
        let Some(c) = seg[o..].chars().next() else {
            return false;
        };
        off = o + c.len_utf8();
        if matches!(c, '\'' | '‘')
            && opens_after(seg[..o].chars().next_back())
            && seg[off..].chars().next().is_some_and(char::is_alphanumeric)
        {
            return true;
        }
    }
    false
}

/// Single-quoted spans of one paragraph, outside double quotes.
fn single_quotes(text: &str, pa: usize, pb: usize, doubles: &[Quote], out: &mut Vec<Quote>) {
    if may_open_single(&text[pa..pb]) {
        single_quotes_walk(text, pa, pb, doubles, out);
    }
}

/// [`single_quotes`] without the quick check: the walk over every character.
pub(super) fn single_quotes_walk(
    text: &str,
    pa: usize,
    pb: usize,
    doubles: &[Quote],
    out: &mut Vec<Quote>,
) {
    // The double quotes are in text order and do not overlap, so the one
    // that could hold `i` is found by halving (testing each against each
    // grew with the square of an article's length).
    let in_double = |i: usize| {
        let k = doubles.partition_point(|q| q.open <= i);
        k > 0 && i < doubles[k - 1].close.max(doubles[k - 1].end)
    };
    let chars: Vec<(usize, char)> = text[pa..pb]
        .char_indices()
        .map(|(o, c)| (pa + o, c))
        .collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k + 1).map(|x| x.1);
        let closer = match c {
            '‘' => '’',
            '\'' => '\'',
            _ => {
                k += 1;
                continue;
            }
        };
        if in_double(i) || !opens_after(prev) || !next.is_some_and(|n| n.is_alphanumeric()) {
            k += 1;
            continue;
        }
        let found = (k + 1..chars.len()).find(|&j| {
            let (_, cj) = chars[j];
            cj == closer
                && !chars[j - 1].1.is_whitespace()
                && chars.get(j + 1).is_none_or(|x| !x.1.is_alphanumeric())
                && !in_double(chars[j].0)
        });
        match found {
            Some(j) if !(k + 1..j).any(|m| in_double(chars[m].0)) => {
                let (end, cl) = chars[j];
                let len = c.len_utf8();
                if has_alnum(&text[i + len..end]) {
                    out.push(Quote {
                        open: i,
                        start: i + len,
                        end,
                        close: end + cl.len_utf8(),
                        speaker: String::new(),
                        rule: "",
                        written: String::new(),
                    });
                }
                k = j + 1;
            }
            _ => k += 1,
        }
    }
}

// ------------------------------------------------------------------ speakers

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        find_quotes(text)
            .iter()
            .map(|q| &text[q.start..q.end])
            .collect()
    }

    #[test]
    fn a_quote_never_opens_or_closes_with_a_replacement_character() {
        let t = "He said \u{201C}\u{FFFD} we stay\u{FFFD}\u{FFFD}\u{201D} and \"\u{FFFD}\" left.";
        assert_eq!(spans(t), [" we stay"]);
        // One inside a word of the quote stays.
        assert_eq!(
            spans("She said \"Baha\u{FFFD}i prayers\" then."),
            ["Baha\u{FFFD}i prayers"]
        );
    }

    #[test]
    fn a_quote_left_open_in_a_long_paragraph_ends_after_three_sentences() {
        // One paragraph, one stray mark: without the bound the quote would
        // run to the end of the text.
        let t = "Officials met on Monday. \"?In May a bus was hit. Two died. Roads shut. \
                 Police said it was calm. Shops opened on Friday. The mayor thanked staff.";
        assert_eq!(spans(t), ["?In May a bus was hit. Two died. Roads shut."]);
        let q = &find_quotes(t)[0];
        assert_eq!(q.close, q.end, "still marked as left open");
        // Up to three sentences the quote ends with its paragraph, as before.
        let t = "She said: \u{201c}We lost. We are tired. We go home.\n\nNarration.";
        assert_eq!(spans(t), ["We lost. We are tired. We go home."]);
        // An opening mark inside a quote ends it, within the same bound.
        let t = "\u{201c}One. Two. Three. Four. Five. \u{201c}Six.\u{201d}";
        assert_eq!(spans(t), ["One. Two. Three.", "Six."]);
    }

    #[test]
    fn a_continued_quote_counts_sentences_in_its_last_paragraph_only() {
        let t = "He said: \u{201c}Up. Down. Left. Right.\n\n\u{201c}One. Two. Three. Four. Five.\n\nEnd.";
        let q = find_quotes(t);
        assert_eq!(q.len(), 1);
        assert_eq!(
            &t[q[0].start..q[0].end],
            "Up. Down. Left. Right.\n\n\u{201c}One. Two. Three."
        );
    }

    #[test]
    fn unclosed_end_keeps_short_quotes_and_bad_input_whole() {
        assert_eq!(unclosed_end("", 0, 0), 0);
        let t = "We lost. We are tired. We go home. Rain fell";
        assert_eq!(
            unclosed_end(t, 0, t.len()),
            "We lost. We are tired. We go home.".len()
        );
        // Marks without words are no sentence.
        let t = "We lost. We are tired. We go home. ?! ...";
        assert_eq!(unclosed_end(t, 0, t.len()), t.len());
    }
}
