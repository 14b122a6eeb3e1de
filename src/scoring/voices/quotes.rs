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
    /// The speaker as written ("" when no pattern found one).
    pub speaker: String,
    /// Which attribution rule named the speaker ("" when none).
    pub rule: &'static str,
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
/// `out` unless its text has no letter or digit.
pub(super) fn push_quote(
    text: &str,
    out: &mut Vec<Quote>,
    (open, start, end, close): (usize, usize, usize, usize),
) {
    if end > start && has_alnum(&text[start..end]) {
        out.push(Quote {
            open,
            start,
            end,
            close,
            speaker: String::new(),
            rule: "",
        });
    }
}

/// Quote spans (speakers empty), in text order.
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
                        push(&mut out, o, s, i, i);
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
                push(&mut out, o, s, pb, pb);
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
                    });
                }
                k = j + 1;
            }
            _ => k += 1,
        }
    }
}

// ------------------------------------------------------------------ speakers
