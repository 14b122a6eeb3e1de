//! Who frames: an article split into quoted speech and the outlet's own
//! narration, each quote attributed to its speaker where a simple pattern
//! finds one.
//!
//! **Quotes.** Double quotes, curly (“…”, also „…“-style openers) or straight
//! ("…"), are found paragraph by paragraph (`crate::input::paragraphs`: blocks separated
//! by blank lines, or lines where a file has none).
//! A quote still open at the end of a paragraph continues when the next
//! paragraph starts with an opening mark, as newspapers print a quote that
//! runs over several paragraphs; otherwise it ends with its paragraph. A
//! straight `"` opens a quote after a space, a line start or an opening
//! bracket/dash, and closes the open one anywhere. Single quotes (‘…’ or
//! '…') count only outside double quotes, inside one paragraph, when the
//! opening mark follows a space (or line start, bracket, dash) and the
//! closing mark follows a non-space and is not followed by a letter or digit
//! ("the Met’s" and "don’t" are apostrophes, not quotes). A quote needs at
//! least one letter or digit inside; quotes nested inside a quote are part of
//! it.
//!
//! **Speakers.** Tried in this order, the first that names someone wins:
//! 1. after the closing mark: a speech verb then a name (“…,” said Ms Dick);
//! 2. after the closing mark: a name then a speech verb (“…,” Ms Dick said);
//! 3. before the opening mark, in the same sentence (or in the sentence
//!    before, when that ends with a colon): a name before a speech verb
//!    ("Ms Dick told the ITV show: “…”", "She added: “…”",
//!    "Cressida Dick, the commissioner, said the plan was “wrong”"); the
//!    last verb that has a name before it counts;
//! 4. "according to X" before or after the quote in its sentence;
//! 5. a short name alone before a colon ("Ms Dick: “…”").
//!
//! A name is a run of capitalised words (with "of", "the", "for" ... inside),
//! a phrase opened by "a", "an" or "the" ("a spokesman", "the Home Office"),
//! one of a few plural nouns ("police", "critics", "witnesses"), or a pronoun.
//! "Cressida Dick, the Met Police Commissioner, said" gives "Cressida Dick".
//! **He, she and they** stand for the last named speaker of an earlier quote
//! in the same article (empty when there is none). Speakers are kept as
//! written: "Ms Dick" and "Cressida Dick" are two speakers; across articles
//! speakers are grouped case-insensitively ("A spokesman" = "a spokesman").
//!
//! **Narration** is everything outside quotes, so narration and quotes
//! partition the article: their words and hits add up to the article's.

use crate::model::{QuoteInfo, SpeakerScore, VoiceScore};
use crate::scoring::sentiment::SentimentAnalyzer;
use crate::scoring::{FrameScorer, PartScore, Scan};
use crate::text::fxhash::FxHashMap;
use crate::text::tokens::{TokenizedDoc, Vocabulary};
use std::collections::BTreeMap;

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

/// Finds the quotes of `text` and attributes each to a speaker.
pub fn quotes(text: &str) -> Vec<Quote> {
    let mut qs = find_quotes(text);
    attribute(text, &mut qs);
    qs
}

/// [`quotes`] with the sentence spans of `text` already at hand (see
/// [`attribute_in`]).
pub fn quotes_in(text: &str, sentences: &[(usize, usize)]) -> Vec<Quote> {
    let mut qs = find_quotes(text);
    attribute_in(text, sentences, &mut qs);
    qs
}

fn opens_after(prev: Option<char>) -> bool {
    prev.is_none_or(|p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '"')
    })
}

fn has_alnum(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// Adds the quote (opening mark, text start, text end, closing mark end) to
/// `out` unless its text has no letter or digit.
fn push_quote(
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
fn single_quotes_walk(text: &str, pa: usize, pb: usize, doubles: &[Quote], out: &mut Vec<Quote>) {
    let in_double = |i: usize| {
        doubles
            .iter()
            .any(|q| q.open <= i && i < q.close.max(q.end))
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

/// Verbs that introduce or follow a quote.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "warned",
    "warns",
    "explained",
    "explains",
    "insisted",
    "insists",
    "claimed",
    "claims",
    "stated",
    "states",
    "argued",
    "argues",
    "asked",
    "asks",
    "commented",
    "declared",
    "noted",
    "notes",
    "wrote",
    "writes",
    "admitted",
    "admits",
    "continued",
    "replied",
    "acknowledged",
    "suggested",
    "urged",
    "revealed",
    "confirmed",
    "announced",
    "tweeted",
    "saying",
    "adding",
    "warning",
    "insisting",
    "claiming",
    "telling",
    "explaining",
    "arguing",
    "stressed",
    "stresses",
    "remarked",
    "asserted",
    "asserts",
    "mentioned",
    "emphasised",
    "emphasized",
    "described",
    "describing",
    "called",
    "calling",
    "recalled",
    "shouted",
    "tweeted",
    "posted",
];
/// Words allowed between a speaker and the verb ("Ms Dick has also said").
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "previously",
    "today",
    "yesterday",
    "earlier",
    "once",
    "further",
    "separately",
    "reportedly",
    "recently",
    "again",
    "simply",
    "just",
    "publicly",
    "repeatedly",
    "herself",
    "himself",
];
const PRONOUNS: &[&str] = &["he", "she", "they"];
const DETERMINERS: &[&str] = &["a", "an", "the"];
/// Lower-case words allowed inside a capitalised name ("Commissioner of the Met").
const CONNECTORS: &[&str] = &[
    "of", "the", "for", "and", "de", "du", "van", "von", "der", "da", "di", "al", "bin", "le", "la",
];
/// Plural nouns that name a speaker on their own ("critics say").
const BARE_SPEAKERS: &[&str] = &[
    "police",
    "officers",
    "officials",
    "witnesses",
    "residents",
    "critics",
    "campaigners",
    "sources",
    "experts",
    "neighbours",
    "neighbors",
    "ministers",
    "protesters",
    "activists",
    "locals",
    "relatives",
    "prosecutors",
    "detectives",
    "paramedics",
    "organisers",
    "organizers",
    "investigators",
    "analysts",
    "economists",
    "researchers",
    "scientists",
    "opponents",
    "supporters",
    "doctors",
    "teachers",
    "parents",
    "students",
    "unions",
    "mps",
    "councillors",
];
/// Nouns that make a lower-case "a/an/the ..." phrase a speaker: people and
/// the bodies that speak for them ("a spokeswoman", "the local council"), so
/// that "the guidance adds" or "the report says" name nobody. Plurals are
/// matched by their singular.
const PERSON_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "source",
    "official",
    "minister",
    "secretary",
    "officer",
    "commissioner",
    "chief",
    "head",
    "leader",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "president",
    "mayor",
    "councillor",
    "inspector",
    "detective",
    "superintendent",
    "constable",
    "sergeant",
    "commander",
    "deputy",
    "member",
    "mp",
    "resident",
    "witness",
    "eyewitness",
    "neighbour",
    "neighbor",
    "victim",
    "relative",
    "friend",
    "mother",
    "father",
    "parent",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "man",
    "woman",
    "men",
    "women",
    "boy",
    "girl",
    "person",
    "people",
    "expert",
    "analyst",
    "economist",
    "researcher",
    "scientist",
    "professor",
    "academic",
    "doctor",
    "nurse",
    "lawyer",
    "solicitor",
    "barrister",
    "judge",
    "prosecutor",
    "coroner",
    "campaigner",
    "activist",
    "protester",
    "critic",
    "teacher",
    "student",
    "worker",
    "owner",
    "shopkeeper",
    "manager",
    "executive",
    "founder",
    "governor",
    "senator",
    "representative",
    "lawmaker",
    "politician",
    "candidate",
    "agent",
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "envoy",
    "general",
    "captain",
    "soldier",
    "paramedic",
    "firefighter",
    "medic",
    "surgeon",
    "survivor",
    "bystander",
    "passenger",
    "driver",
    "organiser",
    "organizer",
    "investigator",
    "regulator",
    "police",
    "government",
    "council",
    "ministry",
    "department",
    "force",
    "company",
    "firm",
    "union",
    "party",
    "agency",
    "charity",
    "organisation",
    "organization",
    "authority",
    "authorities",
    "board",
    "committee",
    "office",
    "service",
    "court",
    "hospital",
    "school",
    "university",
    "federation",
    "association",
    "commission",
    "group",
    "team",
    "club",
    "campaign",
    "family",
    "spokesmen",
    "spokeswomen",
    "staff",
    "insider",
    "observer",
];

/// Whether the words after a determiner name someone: a capitalised word
/// ("the Home Office") or a person-like noun ("a federation leader").
fn person_like<'a>(words: impl IntoIterator<Item = &'a str>) -> bool {
    words.into_iter().any(|w| {
        let l = lower(w);
        let l = l.trim_end_matches("'s");
        capitalised(w)
            || PERSON_NOUNS.contains(&l)
            || BARE_SPEAKERS.contains(&l)
            || l.strip_suffix('s')
                .is_some_and(|x| PERSON_NOUNS.contains(&x))
    })
}

/// Sentence-initial words that are not part of a name ("But Ms Dick said").
const NOT_NAME_START: &[&str] = &[
    "but",
    "and",
    "yet",
    "so",
    "then",
    "however",
    "now",
    "also",
    "meanwhile",
    "later",
    "today",
    "yesterday",
    "last",
    "this",
    "that",
    "it",
    "there",
    "when",
    "while",
    "as",
    "after",
    "before",
    "in",
    "on",
    "at",
    "if",
    "speaking",
    "writing",
    "here",
    "what",
    "which",
    "who",
];
/// Words that end a name read forwards ("said a spokesman on Monday").
const STOP_FORWARD: &[&str] = &[
    "who",
    "which",
    "that",
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "when",
    "while",
    "as",
    "and",
    "but",
    "yesterday",
    "today",
    "last",
    "this",
    "adding",
    "told",
    "to",
    "with",
    "from",
    "said",
    "says",
    "added",
    "earlier",
    "later",
    "has",
    "had",
    "is",
    "was",
    "were",
    "are",
    "in",
    "speaking",
    "writing",
    "about",
];
/// Prepositions that show a "the ..." phrase is a place or thing, not a speaker.
const NOT_IN_SPEAKER: &[&str] = &["in", "at", "on", "from", "to", "with", "by", "into"];
/// Abbreviations that keep their full stop inside a name ("Mr. Smith").
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "sgt", "insp", "supt", "det", "cllr", "prof", "rev", "gen",
    "col", "lt", "capt", "gov", "sen", "rep", "jr", "sr",
];

/// A word or punctuation mark of a context, as byte offsets into it.
#[derive(Debug, Clone, Copy)]
enum Item {
    Word(usize, usize),
    Punct(char),
}

fn items(s: &str) -> Vec<Item> {
    Items { s, p: 0 }.collect()
}

/// The [`Item`]s of a string, lazily: callers that need only the first few
/// (the words right after a quote) stop there instead of reading the rest
/// of the paragraph. Walks the string by byte offset, copying nothing.
struct Items<'a> {
    s: &'a str,
    /// Byte offset of the next character to read.
    p: usize,
}

impl Items<'_> {
    #[inline]
    fn next_char(&self, p: usize) -> Option<char> {
        // Most characters are ASCII: one byte, no decoding.
        match *self.s.as_bytes().get(p)? {
            b if b < 0x80 => Some(b as char),
            _ => self.s[p..].chars().next(),
        }
    }
}

impl Iterator for Items<'_> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        let s = self.s;
        while let Some(c) = self.next_char(self.p) {
            let p = self.p;
            if c.is_alphanumeric() {
                let mut q = p + c.len_utf8();
                while let Some(cj) = self.next_char(q) {
                    let inner = matches!(cj, '\'' | '’' | '-' | '‐')
                        && self
                            .next_char(q + cj.len_utf8())
                            .is_some_and(char::is_alphanumeric);
                    if cj.is_alphanumeric() || inner {
                        q += cj.len_utf8();
                    } else {
                        break;
                    }
                }
                let mut end = q;
                let w = &s[p..end];
                // An initial ("J.") or a title ("Mr."): asked only of a word
                // followed by a full stop.
                let initial = || {
                    let mut cs = w.chars();
                    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
                };
                if s[q..].starts_with('.') && (initial() || lower_in(w, TITLES)) {
                    end += 1;
                    q += 1;
                }
                self.p = q;
                return Some(Item::Word(p, end));
            }
            self.p = p + c.len_utf8();
            if !c.is_whitespace() {
                return Some(Item::Punct(c));
            }
        }
        None
    }
}

fn word<'a>(s: &'a str, it: &Item) -> Option<&'a str> {
    match *it {
        Item::Word(a, b) => Some(&s[a..b]),
        Item::Punct(_) => None,
    }
}

fn lower(w: &str) -> String {
    w.to_lowercase().replace('’', "'")
}

/// `list.contains(&lower(w).as_str())` without allocating when `w` is
/// ASCII (then its lower-case form is byte-wise ASCII lower case and holds
/// no ’): every word of every sentence is checked against the speech verbs,
/// and two allocations per word dominated quote attribution.
fn lower_in(w: &str, list: &[&str]) -> bool {
    if w.is_ascii() {
        list.iter().any(|x| {
            x.len() == w.len()
                && w.bytes()
                    .zip(x.bytes())
                    .all(|(a, b)| a.to_ascii_lowercase() == b)
        })
    } else {
        list.contains(&lower(w).as_str())
    }
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `w` is one of the [`SPEECH_VERBS`] (ignoring case), asked of
/// every word of every article: one hash look-up of its ASCII lower case
/// (built on the stack) instead of a scan of the list.
fn is_verb(w: &str) -> bool {
    static VERBS: std::sync::OnceLock<FxHashMap<&'static str, ()>> = std::sync::OnceLock::new();
    const MAX: usize = 16;
    if !w.is_ascii() || w.len() > MAX {
        // The general rule (rare: non-ASCII or long words).
        return lower_in(w, SPEECH_VERBS);
    }
    let verbs = VERBS.get_or_init(|| SPEECH_VERBS.iter().map(|v| (*v, ())).collect());
    let mut buf = [0u8; MAX];
    let lw = &mut buf[..w.len()];
    lw.copy_from_slice(w.as_bytes());
    lw.make_ascii_lowercase();
    // ASCII in, ASCII out: always valid UTF-8.
    std::str::from_utf8(lw).is_ok_and(|l| verbs.contains_key(l))
}

/// The words of `s` from word `a` to word `b` (inclusive), as written.
fn span(s: &str, ws: &[(usize, usize)], a: usize, b: usize) -> String {
    s[ws[a].0..ws[b].1]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A speaker read backwards from the end of `s` (the text before a verb).
fn backward(s: &str) -> Option<String> {
    let its = items(s);
    let mut end = its.len();
    while end > 0 && word(s, &its[end - 1]).is_some_and(|w| lower_in(w, BETWEEN)) {
        end -= 1;
    }
    if end == 0 {
        return None;
    }
    // Words back to the previous punctuation mark.
    let run_of = |end: usize| -> (usize, Vec<(usize, usize)>) {
        let mut j = end;
        while j > 0 && matches!(its[j - 1], Item::Word(..)) {
            j -= 1;
        }
        let ws = its[j..end]
            .iter()
            .filter_map(|it| match *it {
                Item::Word(a, b) => Some((a, b)),
                _ => None,
            })
            .collect();
        (j, ws)
    };
    match its[end - 1] {
        Item::Word(..) => {
            let (_, ws) = run_of(end);
            name_at_end(s, &ws)
        }
        Item::Punct(',') => {
            // "Cressida Dick, the Met Police Commissioner, said" and
            // "Lord Harris, who advised the mayor, told": the name before the aside.
            let (j1, seg1) = run_of(end - 1);
            let first = seg1
                .first()
                .map(|&(a, b)| lower(&s[a..b]))
                .unwrap_or_default();
            let relative = matches!(first.as_str(), "who" | "which" | "whose");
            if (relative || DETERMINERS.contains(&first.as_str()))
                && j1 > 0
                && matches!(its[j1 - 1], Item::Punct(','))
            {
                let (_, seg2) = run_of(j1 - 1);
                if let Some(n) = whole_name(s, &seg2)
                    .filter(|n| !lower_in(n.split(' ').next().unwrap_or(""), DETERMINERS))
                {
                    return Some(n);
                }
            }
            if relative {
                return None;
            }
            whole_name(s, &seg1)
        }
        Item::Punct(_) => None,
    }
}

/// A speaker at the end of a run of words ("... Ms Dick", "... a spokesman").
fn name_at_end(s: &str, ws: &[(usize, usize)]) -> Option<String> {
    let w = |k: usize| &s[ws[k].0..ws[k].1];
    let n = ws.len();
    if n == 0 {
        return None;
    }
    let last = lower(w(n - 1));
    if PRONOUNS.contains(&last.as_str()) {
        return Some(w(n - 1).to_string());
    }
    let mut k;
    if capitalised(w(n - 1)) {
        k = n - 1;
        while k > 0 && (capitalised(w(k - 1)) || lower_in(w(k - 1), CONNECTORS)) {
            k -= 1;
        }
        while k < n - 1 && !capitalised(w(k)) {
            k += 1;
        }
        if k > 0 && lower_in(w(k - 1), DETERMINERS) {
            k -= 1;
        }
    } else {
        // "a federation leader", "the local police", or a bare "critics".
        let det = (n.saturating_sub(5)..n)
            .rev()
            .find(|&j| lower_in(w(j), DETERMINERS));
        match det {
            Some(j)
                if j < n - 1
                    && !(j + 1..n).any(|m| lower_in(w(m), NOT_IN_SPEAKER))
                    && person_like((j + 1..n).map(w)) =>
            {
                k = j
            }
            _ if BARE_SPEAKERS.contains(&last.as_str()) => k = n - 1,
            _ => return None,
        }
    }
    while k < n - 1 && lower_in(w(k), NOT_NAME_START) {
        k += 1;
    }
    if lower_in(w(k), NOT_NAME_START) {
        return None;
    }
    let k = k.max(n.saturating_sub(7));
    Some(span(s, ws, k, n - 1))
}

/// The whole run as a speaker, if it is one (at most 7 words).
fn whole_name(s: &str, ws: &[(usize, usize)]) -> Option<String> {
    if ws.is_empty() || ws.len() > 7 {
        return None;
    }
    let n = name_at_end(s, ws)?;
    (n.split_whitespace().count() == ws.len()).then_some(n)
}

/// A speaker read forwards from the start of `s` (the text after a verb).
fn forward(s: &str) -> Option<String> {
    // Only the leading run of words matters: read no further.
    let ws: Vec<(usize, usize)> = (Items { s, p: 0 })
        .map_while(|it| match it {
            Item::Word(a, b) => Some((a, b)),
            _ => None,
        })
        .collect();
    let w = |k: usize| &s[ws[k].0..ws[k].1];
    if ws.is_empty() {
        return None;
    }
    let first = lower(w(0));
    if PRONOUNS.contains(&first.as_str()) {
        return Some(w(0).to_string());
    }
    let mut end = 0;
    if DETERMINERS.contains(&first.as_str()) {
        while end + 1 < ws.len() && end < 7 && !lower_in(w(end + 1), STOP_FORWARD) {
            end += 1;
        }
        if end == 0 || !person_like((1..=end).map(w)) {
            return None;
        }
    } else if capitalised(w(0)) && !NOT_NAME_START.contains(&first.as_str()) {
        while end + 1 < ws.len()
            && end < 6
            && (capitalised(w(end + 1))
                || (lower_in(w(end + 1), CONNECTORS)
                    && ws.get(end + 2).is_some_and(|_| capitalised(w(end + 2)))))
        {
            end += 1;
        }
    } else if !BARE_SPEAKERS.contains(&first.as_str()) {
        return None;
    }
    Some(span(s, &ws, 0, end))
}

/// Start of the first speech verb among the first `max` words of `s` before
/// any sentence punctuation, quote mark or colon.
fn first_verb(s: &str, max: usize) -> Option<(usize, usize)> {
    let mut n = 0;
    for it in (Items { s, p: 0 }) {
        match it {
            Item::Word(a, b) => {
                if is_verb(&s[a..b]) {
                    return Some((a, b));
                }
                n += 1;
                if n >= max {
                    return None;
                }
            }
            Item::Punct(',' | '—' | '–') => {}
            Item::Punct(_) => return None,
        }
    }
    None
}

/// Offsets of "according to" in `s`: the byte after it.
fn according_to(s: &str) -> Option<usize> {
    // Pairs of neighbouring items, read lazily.
    let mut prev: Option<Item> = None;
    for it in (Items { s, p: 0 }) {
        if let (Some(Item::Word(a, b)), Item::Word(_, d)) = (prev, it) {
            if lower_in(&s[a..b], &["according"]) && lower_in(s[b..d].trim(), &["to"]) {
                return Some(d);
            }
        }
        prev = Some(it);
    }
    None
}

/// Fills in `speaker` and `rule` of every quote (in text order).
pub fn attribute(text: &str, qs: &mut [Quote]) {
    attribute_in(text, &crate::text::sentences::sentence_spans(text), qs);
}

/// [`attribute`] with the sentence spans of `text` already at hand
/// (`crate::text::sentences::sentence_spans`, as in `TokenizedDoc::sentences`),
/// so the scorer does not split every article into sentences again.
pub fn attribute_in(text: &str, sentences: &[(usize, usize)], qs: &mut [Quote]) {
    let paras = crate::input::paragraphs(text);
    let para_of = |i: usize| {
        let k = paras.partition_point(|&(a, _)| a <= i);
        paras
            .get(k.wrapping_sub(1))
            .copied()
            .unwrap_or((0, text.len()))
    };
    // Names before a speech verb in the narration, for the pronoun rule:
    // found on the first quote that needs them (reading every word of the
    // article for them is wasted when no quote is attributed to a pronoun).
    let spans: Vec<(usize, usize)> = qs.iter().map(|q| (q.start, q.end)).collect();
    let mut mentions: Option<Vec<(usize, String)>> = None;
    let mut last_named: Option<(usize, String)> = None;
    for k in 0..qs.len() {
        let q = qs[k].clone();
        let (pa, _) = para_of(q.open);
        let (_, pb) = para_of(q.close.saturating_sub(1).max(q.open));
        // Context never reaches back into the previous quote or forward into the next.
        let prev_close = k.checked_sub(1).map(|j| qs[j].close).unwrap_or(0);
        let next_open = qs
            .get(k + 1)
            .map(|n| n.open)
            .filter(|&o| o >= q.close && o <= pb)
            .unwrap_or(pb);
        let after = &text[q.close.min(next_open)..next_open];
        // The sentence the quote opens in (sentences never cross lines).
        let s_start = sentences
            .iter()
            .rev()
            .find(|&&(a, _)| a <= q.open)
            .map(|&(a, _)| a)
            .unwrap_or(pa)
            .max(prev_close)
            .min(q.open);
        let mut before = &text[s_start..q.open];
        if before.trim().is_empty() {
            // "She added:" as the sentence (or line) before the quote.
            if let Some(&(a, b)) = sentences.iter().rev().find(|&&(_, b)| b <= s_start) {
                let a = a.max(prev_close);
                if a < b && text[a..b].trim_end().ends_with(':') {
                    before = &text[a..b];
                }
            }
        }
        let (speaker, rule) = find_speaker(after, before);
        let speaker = match speaker {
            Some(s) if lower_in(&s, PRONOUNS) => {
                let mentions =
                    mentions.get_or_insert_with(|| narration_mentions(text, sentences, &spans));
                let mention = mentions.iter().rev().find(|m| m.0 < q.open);
                match (&last_named, mention) {
                    (Some(l), Some(m)) if m.0 > l.0 => Some(m.1.clone()),
                    (Some(l), _) => Some(l.1.clone()),
                    (None, m) => m.map(|m| m.1.clone()),
                }
            }
            Some(s) => {
                last_named = Some((q.open, s.clone()));
                Some(s)
            }
            None => None,
        };
        qs[k].speaker = speaker.clone().unwrap_or_default();
        qs[k].rule = if speaker.is_some() { rule } else { "" };
    }
}

/// Names before a speech verb in the narration ("Lord Harris told the
/// House of Lords ..."), outside the quotes (`quotes`: their text spans),
/// with the offset of the verb, in text order.
fn narration_mentions(
    text: &str,
    sentences: &[(usize, usize)],
    quotes: &[(usize, usize)],
) -> Vec<(usize, String)> {
    let in_quote = |i: usize| quotes.iter().any(|&(a, b)| a <= i && i < b);
    let mut mentions = Vec::new();
    for &(a, b) in sentences {
        let sent = &text[a..b];
        for it in (Items { s: sent, p: 0 }) {
            if let Item::Word(x, y) = it {
                if is_verb(&sent[x..y]) && !in_quote(a + x) {
                    if let Some(n) = backward(&sent[..x]) {
                        if !lower_in(&n, PRONOUNS) {
                            mentions.push((a + x, n));
                        }
                    }
                }
            }
        }
    }
    mentions
}

/// The speaker from the text after and before a quote, and the rule used.
fn find_speaker(after: &str, before: &str) -> (Option<String>, &'static str) {
    let a = after.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '—' | '–' | '-' | '.' | '!' | '?')
    });
    // 1. “…,” said Ms Dick.
    if let Some(Item::Word(x, y)) = (Items { s: a, p: 0 }).next() {
        if is_verb(&a[x..y]) {
            if let Some(s) = forward(&a[y..]) {
                return (Some(s), "said X");
            }
        }
    }
    // 2. “…,” Ms Dick said.
    if let Some((x, _)) = first_verb(a, 9) {
        if let Some(s) = backward(&a[..x]) {
            return (Some(s), "X said");
        }
    }
    // 3. Ms Dick told the ITV show: “…”
    let its = items(before);
    for it in its.iter().rev() {
        if let Item::Word(x, y) = *it {
            if is_verb(&before[x..y]) {
                if let Some(s) = backward(&before[..x]) {
                    return (Some(s), "X said");
                }
            }
        }
    }
    // 4. according to X
    for ctx in [before, after] {
        if let Some(at) = according_to(ctx) {
            if let Some(s) = forward(&ctx[at..]) {
                return (Some(s), "according to X");
            }
        }
    }
    // 5. Ms Dick: “…”
    let b = before.trim_end();
    if let Some(head) = b.strip_suffix(':') {
        let ws: Vec<(usize, usize)> = items(head)
            .iter()
            .filter_map(|it| match *it {
                Item::Word(x, y) => Some((x, y)),
                _ => None,
            })
            .collect();
        if !ws.is_empty()
            && ws.len() <= 6
            && items(head)
                .iter()
                .all(|i| matches!(i, Item::Word(..) | Item::Punct('.')))
        {
            if let Some(s) = whole_name(head, &ws) {
                return (Some(s), "X:");
            }
        }
    }
    (None, "")
}

// ------------------------------------------------------------------ scoring

/// One voice of an article: ("narration" or "quote", speaker, quotes, byte spans).
pub type VoiceSpans = (String, String, usize, Vec<(usize, usize)>);

/// The byte spans of each voice of an article: narration first, then one
/// entry per speaker (in order of first quote; unattributed quotes last).
pub fn voice_spans(text: &str, qs: &[Quote]) -> Vec<VoiceSpans> {
    let mut narration = Vec::new();
    let mut at = 0;
    for q in qs {
        if q.start > at {
            narration.push((at, q.start));
        }
        at = at.max(q.end);
    }
    if at < text.len() {
        narration.push((at, text.len()));
    }
    let mut out = vec![("narration".to_string(), String::new(), 0, narration)];
    let mut by: Vec<VoiceSpans> = Vec::new();
    for q in qs {
        let key = lower(&q.speaker);
        match by.iter_mut().find(|e| lower(&e.1) == key) {
            Some(e) => {
                e.2 += 1;
                e.3.push((q.start, q.end));
            }
            None => by.push(("quote".into(), q.speaker.clone(), 1, vec![(q.start, q.end)])),
        }
    }
    // Unattributed quotes after the named speakers.
    by.sort_by_key(|e| e.1.is_empty());
    out.extend(by);
    out
}

fn per_1k(hits: &[f64], words: usize) -> Vec<f64> {
    hits.iter()
        .map(|h| {
            if words > 0 {
                h * 1000.0 / words as f64
            } else {
                0.0
            }
        })
        .collect()
}

/// Longest quote text kept in `analysis.json`, in characters.
const MAX_QUOTE_CHARS: usize = 400;

/// Voices and quotes of one article.
pub fn score_article(
    text: &str,
    doc: &TokenizedDoc,
    vocab: &Vocabulary,
    scorer: &FrameScorer,
    senti: &SentimentAnalyzer,
) -> (Vec<VoiceScore>, Vec<QuoteInfo>) {
    let scan = Scan {
        resolved: scorer.resolved_hits(text, doc, vocab),
        sentence_sentiment: Vec::new(),
    };
    score_article_in(text, doc, scorer, senti, &scan)
}

/// [`score_article`] with the article's [`Scan`] from
/// [`FrameScorer::score_scan`]: its resolved hits, and the VADER scores of
/// its whole sentences (used where a voice holds a whole sentence; an empty
/// list means none are at hand).
pub fn score_article_in(
    text: &str,
    doc: &TokenizedDoc,
    scorer: &FrameScorer,
    senti: &SentimentAnalyzer,
    scan: &Scan,
) -> (Vec<VoiceScore>, Vec<QuoteInfo>) {
    let qs = quotes_in(text, &doc.sentences);
    let resolved = &scan.resolved;
    let cache = (!scan.sentence_sentiment.is_empty()).then_some(&scan.sentence_sentiment[..]);
    let voices = voice_spans(text, &qs)
        .into_iter()
        .map(|(voice, speaker, quotes, spans)| {
            let p: PartScore = scorer.score_spans_in(text, doc, senti, &spans, resolved, cache);
            VoiceScore {
                voice,
                speaker,
                quotes,
                words: p.words,
                sentiment: p.sentiment,
                sentences: p.pieces,
                per_1k: per_1k(&p.hits, p.words),
                hits: p.hits,
            }
        })
        .collect();
    // Tokens are in text order: those starting inside a quote are a run,
    // found by two binary searches.
    let tokens_before = |pos: usize| doc.tokens.partition_point(|tk| (tk.start as usize) < pos);
    let infos = qs
        .iter()
        .map(|q| {
            let t: String = text[q.start..q.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let t = if t.chars().count() > MAX_QUOTE_CHARS {
                t.chars().take(MAX_QUOTE_CHARS - 1).collect::<String>() + "…"
            } else {
                t
            };
            QuoteInfo {
                speaker: q.speaker.clone(),
                rule: q.rule.to_string(),
                text: t,
                words: tokens_before(q.end).saturating_sub(tokens_before(q.start)),
            }
        })
        .collect();
    (voices, infos)
}

/// Voices and quotes of every article, in corpus order.
pub fn score_corpus(
    docs: &[crate::input::Document],
    tc: &crate::text::tokens::TokenizedCorpus,
    scorer: &FrameScorer,
    senti: &SentimentAnalyzer,
) -> Vec<(Vec<VoiceScore>, Vec<QuoteInfo>)> {
    use rayon::prelude::*;
    docs.par_iter()
        .zip(tc.docs.par_iter())
        .map(|(d, td)| score_article(&d.text, td, &tc.vocab, scorer, senti))
        .collect()
}

/// Quote rows of every article grouped by speaker (case-insensitively; the
/// most frequent spelling names the group, ties alphabetical). Sorted by
/// quoted words, most first; unattributed quotes last.
pub fn speakers(articles: &[(&str, &[VoiceScore])], n_frames: usize) -> Vec<SpeakerScore> {
    struct Acc {
        spellings: BTreeMap<String, usize>,
        articles: usize,
        quotes: usize,
        words: usize,
        hits: Vec<f64>,
        compound: f64,
        sentences: usize,
    }
    let mut groups: BTreeMap<String, Acc> = BTreeMap::new();
    for (_, voices) in articles {
        for v in voices.iter().filter(|v| v.voice == "quote") {
            let g = groups.entry(lower(&v.speaker)).or_insert_with(|| Acc {
                spellings: BTreeMap::new(),
                articles: 0,
                quotes: 0,
                words: 0,
                hits: vec![0.0; n_frames],
                compound: 0.0,
                sentences: 0,
            });
            *g.spellings.entry(v.speaker.clone()).or_default() += v.quotes;
            g.articles += 1;
            g.quotes += v.quotes;
            g.words += v.words;
            for (h, x) in g.hits.iter_mut().zip(&v.hits) {
                *h += x;
            }
            // The article's compound is the mean over its pieces; weight it back.
            g.compound += v.sentiment.compound * v.sentences as f64;
            g.sentences += v.sentences;
        }
    }
    let mut out: Vec<SpeakerScore> = groups
        .into_values()
        .map(|g| {
            let speaker = g
                .spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|x| x.0.clone())
                .unwrap_or_default();
            SpeakerScore {
                speaker,
                articles: g.articles,
                quotes: g.quotes,
                words: g.words,
                per_1k: per_1k(&g.hits, g.words),
                hits: g.hits,
                sentiment: if g.sentences > 0 {
                    g.compound / g.sentences as f64
                } else {
                    0.0
                },
                sentences: g.sentences,
            }
        })
        .collect();
    // Each speaker's lower-case name made once, not twice per comparison
    // (tens of thousands of speakers at 100,000 articles). Stable, as before.
    out.sort_by_cached_key(|a| {
        (
            a.speaker.is_empty(),
            std::cmp::Reverse(a.words),
            a.speaker.to_lowercase(),
        )
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character-by-character scanner that the mark-to-mark one
    /// replaced: the reference for the equivalence test below.
    fn find_quotes_reference(text: &str) -> Vec<Quote> {
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
            let mut prev: Option<char> = None;
            for (off, c) in seg.char_indices() {
                let i = pa + off;
                let len = c.len_utf8();
                if continues && off == 0 {
                    // The opening mark that continues a quote from the paragraph before.
                    continues = false;
                    prev = Some(c);
                    continue;
                }
                let next = seg[off + len..].chars().next();
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
                        } else if opens_after(prev) && next.is_some_and(|n| !n.is_whitespace()) {
                            cur = Some((i, i + len));
                        }
                    }
                    _ => {}
                }
                prev = Some(c);
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
            single_quotes_walk(text, pa, pb, &doubles, &mut out);
        }
        out.sort_by_key(|q| q.open);
        out
    }

    /// The mark-to-mark scanner finds exactly the quotes of the
    /// character-by-character one, on seeded random mixes of words, every
    /// quotation mark, apostrophes, brackets, dashes and paragraph breaks.
    #[test]
    fn quote_scanner_equals_the_character_walk() {
        let pieces = [
            "word",
            "Police",
            "said",
            " ",
            " ",
            "  ",
            "\n",
            "\n\n",
            "\"",
            "“",
            "”",
            "„",
            "'",
            "‘",
            "’",
            "(",
            ")",
            "—",
            "–",
            "-",
            "/",
            "don't",
            "officers'",
            "é",
            "3",
            ".",
            ",",
            "’s",
            "[",
            "{",
        ];
        let mut rng = crate::stats::bootstrap::rng(7, "quote-scanner");
        let mut quotes = 0;
        for _ in 0..3000 {
            let n = 1 + crate::stats::bootstrap::below(&mut rng, 60);
            let text = crate::stats::bootstrap::pieces_text(&mut rng, &pieces, n);
            let got = find_quotes(&text);
            let want = find_quotes_reference(&text);
            let key = |q: &Quote| (q.open, q.start, q.end, q.close);
            assert_eq!(
                got.iter().map(key).collect::<Vec<_>>(),
                want.iter().map(key).collect::<Vec<_>>(),
                "{text:?}"
            );
            quotes += got.len();
        }
        assert!(quotes > 1000, "{quotes}");
    }

    #[test]
    fn fast_word_checks_equal_lower_casing() {
        for w in [
            "said",
            "SAID",
            "Said",
            "saiD",
            "says",
            "sa",
            "",
            "acknowledged",
            "ACKNOWLEDGEDX",
            "said’",
            "Saïd",
            "\u{212a}nown",
            "announcedannounced",
            "he",
            "HE",
            "The",
        ] {
            assert_eq!(is_verb(w), SPEECH_VERBS.contains(&lower(w).as_str()), "{w}");
            for list in [SPEECH_VERBS, PRONOUNS, DETERMINERS, TITLES] {
                assert_eq!(lower_in(w, list), list.contains(&lower(w).as_str()), "{w}");
            }
        }
    }

    fn found(text: &str) -> Vec<(String, String)> {
        quotes(text)
            .into_iter()
            .map(|q| (text[q.start..q.end].to_string(), q.speaker))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn curly_and_straight_double_quotes() {
        assert_eq!(
            found("“Streets are safe,” said Ms Dick. He said \"no\" twice."),
            vec![pair("Streets are safe,", "Ms Dick"), pair("no", "Ms Dick")]
        );
    }

    #[test]
    fn quote_over_paragraphs_is_one_quote() {
        let t = "She added: “First paragraph of the quote.\n\n“Second paragraph ends here.”\nNarration follows.";
        let q = quotes(t);
        assert_eq!(q.len(), 1);
        assert!(t[q[0].start..q[0].end].starts_with("First"));
        assert!(t[q[0].start..q[0].end].ends_with("here."));
        // Unterminated without a continuation: the quote ends with its paragraph.
        let u = quotes("He said: “No closing mark\nNext paragraph is narration.");
        assert_eq!(u.len(), 1);
        assert_eq!(u[0].end, "He said: “No closing mark".len());
    }

    #[test]
    fn a_quote_wrapped_over_lines_of_one_paragraph_is_one_quote() {
        let t = "Intro line.\n\nHe said: “The streets\nare safe tonight,” and left.\n\nEnd.";
        let q = quotes(t);
        assert_eq!(q.len(), 1);
        assert_eq!(&t[q[0].start..q[0].end], "The streets\nare safe tonight,");
    }

    #[test]
    fn single_quotes_only_where_unambiguous() {
        assert_eq!(
            found("Police ‘could let suspects go’ if the Met’s officers don’t get help"),
            vec![pair("could let suspects go", "")]
        );
        assert_eq!(
            found("Patrols would make 'battlegrounds' say critics"),
            vec![pair("battlegrounds", "critics")]
        );
        // Nested single quotes are part of the double quote.
        assert_eq!(
            found("She said: “There are no ‘no-go areas’.”"),
            vec![pair("There are no ‘no-go areas’.", "")]
        );
    }

    #[test]
    fn attribution_patterns() {
        let cases = [
            ("“We are calm,” Ms Dick said.", "Ms Dick"),
            (
                "“We are calm,” said a spokesman for the Met.",
                "a spokesman for the Met",
            ),
            ("Ms Dick told the ITV show: “We are calm.”", "Ms Dick"),
            (
                "Cressida Dick, the Met Police Commissioner, said it was “wrong”.",
                "Cressida Dick",
            ),
            (
                "Streets risk becoming “armed battlegrounds”, according to David Lammy.",
                "David Lammy",
            ),
            (
                "According to the Home Office, “crime is falling”.",
                "the Home Office",
            ),
            ("Ms Dick: “We are calm.”", "Ms Dick"),
            (
                "A federation leader has warned: “We are at risk.”",
                "A federation leader",
            ),
            (
                "“We are calm,” Mr. Smith, the chief constable, added.",
                "Mr. Smith",
            ),
            ("Officers said the area was “quiet”.", "Officers"),
            // Things do not speak: a determiner phrase needs a person-like noun.
            ("The guidance adds that streets are “safe”.", ""),
            ("“Calm,” the guidance adds.", ""),
            ("“Calm,” says the report.", ""),
            ("“Calm,” said the local council.", "the local council"),
            (
                "The head of police was forced to deny “no-go areas” exist.",
                "",
            ),
        ];
        for (text, speaker) in cases {
            let q = quotes(text);
            assert_eq!(q.len(), 1, "{text}");
            assert_eq!(q[0].speaker, speaker, "{text}");
        }
    }

    #[test]
    fn pronouns_take_the_last_named_speaker() {
        let t = "“First,” Ms Dick said.\n\nShe added:\n“Second.”\n\nThen he said “third”.";
        let q = quotes(t);
        let s: Vec<&str> = q.iter().map(|q| q.speaker.as_str()).collect();
        assert_eq!(s, ["Ms Dick", "Ms Dick", "Ms Dick"]);
        assert_eq!(quotes("“Alone,” she said.")[0].speaker, "");
        // A name before a speech verb in the narration counts too.
        let t = "“One,” Ms Dick said.\n\nLord Harris, who advised the mayor, told peers he was not convinced.\n\n“Two,” he said.";
        let s: Vec<String> = quotes(t).into_iter().map(|q| q.speaker).collect();
        assert_eq!(s, ["Ms Dick", "Lord Harris"]);
    }

    #[test]
    fn voices_partition_the_text() {
        let t = "Calm day. “Danger,” said Ms Dick. “More,” she said. “Anon.”";
        let q = quotes(t);
        let v = voice_spans(t, &q);
        assert_eq!(v.len(), 3);
        assert_eq!((v[1].1.as_str(), v[1].2), ("Ms Dick", 2));
        assert_eq!((v[2].1.as_str(), v[2].2), ("", 1));
        let mut all: Vec<(usize, usize)> = v.iter().flat_map(|x| x.3.clone()).collect();
        all.sort();
        assert_eq!(all.first().unwrap().0, 0);
        assert_eq!(all.last().unwrap().1, t.len());
        for w in all.windows(2) {
            assert_eq!(w[0].1, w[1].0);
        }
    }
}
