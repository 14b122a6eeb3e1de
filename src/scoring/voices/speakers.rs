//! Attributing a quote to its speaker: a speech verb and a name after or
//! before the quote, "according to", a name before a colon, and pronouns
//! standing for a name just before them (`pronouns.rs`). See the parent
//! module for the rules.

use super::asides::without_asides;
use super::colon_names::colon_person;
use super::context_words::{
    capitalised, ends_with_participle_aside, ends_with_role_aside, items, not_name_start,
    phrasal_call, reply_after, reply_before, role_aside, time_word, verb_at, word, Item, Items,
};
pub(super) use super::context_words::{is_verb, lower, lower_in};
use super::full_names;
use super::mentions::narration_mentions;
use super::name_shape;
use super::pronouns::{antecedent, name_words, Antecedent, Article};
use super::quotes::Quote;
use super::speaker_checks::{ends_with_document, plausible, starts_with_document};
use super::words::{
    BARE_SPEAKERS, BETWEEN, CONTINUING_VERBS, NON_PERSON_PRONOUNS, OPENERS, PERSON_NOUNS,
    RELATIVES, STOP_FORWARD, VERB_ENDS,
};
pub(super) use super::words::{DETERMINERS, PRONOUNS, TITLES};

/// Lower-case words allowed inside a capitalised name ("Commissioner of the Met").
const CONNECTORS: &[&str] = &[
    "of", "the", "for", "and", "de", "du", "van", "von", "der", "da", "di", "al", "bin", "le", "la",
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

/// Prepositions that show a "the ..." phrase is a place or thing, not a speaker.
const NOT_IN_SPEAKER: &[&str] = &["in", "at", "on", "from", "to", "with", "by", "into"];

/// Whether a speech verb is a participle ("saying", "adding").
fn participle(verb: &str) -> bool {
    lower(verb).ends_with("ing")
}

/// A speaker before the speech verb `verb` (the text before it is `s`).
/// A verb right after "and" or "or" shares the subject of its clause: in
/// "Ms Roy criticised the men and said", "blasting the men and saying", the
/// men are the object of another verb, the speaker is the clause's subject.
/// Before a participle, a phrase is the speaker only where it opens its
/// clause ("Critics saying", "with critics saying"): in "sent a letter to
/// the governor saying" the letter says it, not the governor.
fn backward_of(s: &str, verb: &str) -> Option<String> {
    let its = items(s);
    let last = its
        .iter()
        .rev()
        .find(|it| word(s, it).is_none_or(|w| !lower_in(w, BETWEEN)));
    if last
        .and_then(|it| word(s, it))
        .is_some_and(|w| lower_in(w, &["and", "or"]))
    {
        return clause_subject(s);
    }
    backward(s, participle(verb))
}

/// The subject that opens a clause of `s` (clauses split at commas) and is
/// followed by a lower-case word, its verb: a pronoun, a capitalised name
/// (with "the" before it), a bare plural ("critics") or "a/an/the" with the
/// person nouns that follow it ("the chief executive").
fn clause_subject(s: &str) -> Option<String> {
    for clause in s.split([',', ';', '—', '–']) {
        let ws: Vec<(usize, usize)> = items(clause)
            .iter()
            .filter_map(|it| match *it {
                Item::Word(a, b) => Some((a, b)),
                _ => None,
            })
            .collect();
        let w = |k: usize| &clause[ws[k].0..ws[k].1];
        // Conjunctions and adverbs may come first; a clause opened by a
        // preposition or another word ("On Friday", "Speaking on the
        // radio") has no subject.
        let mut k = 0;
        while k < ws.len() && lower_in(w(k), OPENERS) {
            k += 1;
        }
        if k + 1 >= ws.len() || not_name_start(w(k)) {
            continue;
        }
        let start = k;
        let det = lower_in(w(k), DETERMINERS);
        if det {
            k += 1;
        }
        let mut end = k;
        if capitalised(w(k)) {
            while end + 1 < ws.len()
                && (capitalised(w(end + 1))
                    || (lower_in(w(end + 1), CONNECTORS)
                        && end + 2 < ws.len()
                        && capitalised(w(end + 2))))
            {
                end += 1;
            }
        } else if det {
            // The first person noun within four words, and those right after it.
            let Some(m) = (k..ws.len().min(k + 4)).find(|&m| person_like([w(m)])) else {
                continue;
            };
            end = m;
            while end + 1 < ws.len() && person_like([w(end + 1)]) {
                end += 1;
            }
        } else if !lower_in(w(k), PRONOUNS) && !lower_in(w(k), BARE_SPEAKERS) {
            continue;
        }
        if end + 1 < ws.len() && !capitalised(w(end + 1)) {
            return plausible(span(clause, &ws, start, end));
        }
    }
    None
}

/// Words that open a clause with no subject ("Despite the result, ...",
/// "Following the vote, ...").
const CLAUSE_PREPOSITIONS: &[&str] = &[
    "despite",
    "during",
    "amid",
    "following",
    "with",
    "without",
    "under",
    "since",
    "for",
    "from",
    "by",
    "about",
    "among",
    "against",
    "although",
    "though",
    "because",
    "unlike",
    "like",
    "upon",
    "over",
    "through",
    "until",
    "once",
    "asked",
    "responding",
    "according",
    "ahead",
];

/// The subject of the sentence a participle after a comma goes on with
/// (`s`: the text before the participle): "Mr Li denied it, telling ABC
/// News:", "On Friday, the council paused it, saying:", "Chris Bryce,
/// chief of the body, welcomed it, saying". Read in the clause right
/// before the participle if it opens with a name, else in the first clause
/// of the sentence that is not an opening phrase ("On Friday", "Despite
/// the result"); nobody when the name runs on into a noun ("Ethics
/// experts", "Japan's trade minister"), which the subject then is and which
/// a capitalised run alone misses.
fn participle_subject(s: &str) -> Option<String> {
    // The sentence the participle is in, after any quote before it.
    let from = s
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(
                c,
                '"' | '\u{201c}' | '\u{201d}' | ':' | ';' | '\n' | '(' | ')'
            ) || (matches!(c, '.' | '!' | '?')
                && s[i + 1..].starts_with(char::is_whitespace)
                && !abbreviation(&s[..i]))
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    let clauses: Vec<&str> = s[from..].split([',', '—', '–']).collect();
    // The clause right before the participle, if it has a subject of its
    // own ("Erdogan said on Sunday, adding"), else the sentence's first.
    let last = clauses
        .iter()
        .rev()
        .find(|c| c.contains(char::is_alphanumeric));
    if let Some(decided) = last.and_then(|c| clause_opening(c, false)) {
        return decided;
    }
    clauses.iter().find_map(|c| clause_opening(c, true))?
}

/// The subject that opens `clause` for [`participle_subject`]: None when
/// the clause opens with no name (an opening phrase, or nothing), else the
/// name, or Some(None) where the name is doubtful. With `alone`, a clause
/// that is a name alone counts ("Chris Bryce, CEO of IPSE, ...").
fn clause_opening(clause: &str, alone: bool) -> Option<Option<String>> {
    let ws: Vec<(usize, usize)> = items(clause)
        .iter()
        .filter_map(|it| match *it {
            Item::Word(a, b) => Some((a, b)),
            _ => None,
        })
        .collect();
    let w = |k: usize| &clause[ws[k].0..ws[k].1];
    let mut k = 0;
    while k < ws.len() && lower_in(w(k), OPENERS) {
        k += 1;
    }
    if k >= ws.len()
        || not_name_start(w(k))
        || lower_in(w(k), CLAUSE_PREPOSITIONS)
        || time_word(w(k))
    {
        return None;
    }
    if alone {
        if let Some(n) = whole_name(clause, &ws[k..]) {
            return Some(Some(n));
        }
    }
    let subject = clause_subject(&clause[ws[k].0..])?;
    let n = subject.split(' ').count();
    // "Ethics experts", "Japan's trade minister Hiroshige Seko", "White
    // House press secretary Sean Spicer": the name runs on.
    let runs_on = ws
        .get(k + n)
        .is_some_and(|&(a, b)| !capitalised(&clause[a..b]) && person_like([&clause[a..b]]))
        || {
            // Lower-case words, then a capitalised one that is no day or month.
            let mut m = k + n;
            while m < ws.len().min(k + n + 3)
                && !capitalised(w(m))
                && !lower_in(w(m), NOT_IN_SPEAKER)
                && !lower_in(w(m), BETWEEN)
            {
                m += 1;
            }
            m > k + n && m < ws.len() && capitalised(w(m)) && !time_word(w(m))
        };
    let possessive = subject.ends_with("'s") || subject.ends_with("\u{2019}s");
    Some((!runs_on && !possessive).then_some(subject))
}

/// Whether `s`, the text before a full stop, ends with a title or an
/// initial ("Gov", "J"), whose stop ends no sentence.
fn abbreviation(s: &str) -> bool {
    let w = s
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let mut cs = w.chars();
    let initial = matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase());
    initial || lower_in(w, TITLES)
}

/// The words of `s` from word `a` to word `b` (inclusive), as written.
fn span(s: &str, ws: &[(usize, usize)], a: usize, b: usize) -> String {
    s[ws[a].0..ws[b].1]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A speaker read backwards from the end of `s` (the text before a verb).
/// With `opens_clause`, the name must open its run of words or follow
/// "with"/"without" (see [`backward_of`]).
fn backward(s: &str, opens_clause: bool) -> Option<String> {
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
            let (k, name) = name_at(s, &ws)?;
            let w = |k: usize| &s[ws[k].0..ws[k].1];
            let opens = k == 0 || lower_in(w(k - 1), &["with", "without"]);
            (!opens_clause || opens || lower_in(&name, PRONOUNS)).then_some(name)
        }
        Item::Punct(',') => {
            // "Cressida Dick, the Met Police Commissioner, said" and
            // "Lord Harris, who advised the mayor, told": the name before the aside.
            let (j1, seg1) = run_of(end - 1);
            let first = seg1
                .first()
                .map(|&(a, b)| lower(&s[a..b]))
                .unwrap_or_default();
            let relative = RELATIVES.contains(&first.as_str());
            // "Mr Li, speaking to the BBC, said": an aside opened by a
            // participle describes the name before it.
            let participle_aside = first.len() > 4
                && first.ends_with("ing")
                && seg1.first().is_some_and(|&(a, b)| !capitalised(&s[a..b]));
            // "John Smith, managing director of Acme, said": a role
            // without an article describes the name before it as "the
            // managing director" would.
            let role = role_aside(&seg1.iter().map(|&(a, b)| &s[a..b]).collect::<Vec<_>>());
            if (relative || participle_aside || role || DETERMINERS.contains(&first.as_str()))
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
    name_at(s, ws).map(|(_, n)| n)
}

/// [`name_at_end`] with the index of the name's first word in `ws`.
fn name_at(s: &str, ws: &[(usize, usize)]) -> Option<(usize, String)> {
    // "when the Kochs initially announced": an adverb between a name and
    // its verb is no part of the name.
    let adverbs = ws
        .iter()
        .rev()
        .take_while(|&&(a, b)| name_shape::adverb(&s[a..b]))
        .count();
    let ws = &ws[..ws.len() - adverbs];
    let w = |k: usize| &s[ws[k].0..ws[k].1];
    let n = ws.len();
    let last = lower(ws.last().map_or("", |&(a, b)| &s[a..b]));
    // "... Trump It said": "It" opens a sentence whose full stop was lost.
    if n == 0 || NON_PERSON_PRONOUNS.contains(&last.as_str()) {
        return None;
    }
    if PRONOUNS.contains(&last.as_str()) {
        return Some((n - 1, w(n - 1).to_string()));
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
    while k < n - 1 && not_name_start(w(k)) {
        k += 1;
    }
    if not_name_start(w(k)) {
        return None;
    }
    let k = k.max(n.saturating_sub(7));
    // "Palestinian officials first called for a boycott": a bare plural
    // names no one in particular, the weakest speaker there is, so it
    // speaks only right before its verb or across the few words `BETWEEN`
    // allows ("officials later said"), not across any adverb; a name or a
    // phrase with "the" still does ("the Kochs initially announced").
    if adverbs > 0 && k == n - 1 && lower_in(w(k), BARE_SPEAKERS) {
        return None;
    }
    // "Ambassador to the Republic of Ruritania Jane Doe said": the place
    // glued before the person is no part of the name.
    let before: Vec<&str> = (k.saturating_sub(2)..k).map(w).collect();
    let run: Vec<&str> = (k..n).map(w).collect();
    let k = k + name_shape::person_after_place(&before, &run).unwrap_or(0);
    plausible(span(s, ws, k, n - 1)).map(|name| (k, name))
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
    let ws: Vec<(usize, usize)> = Items::new(s)
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
    // "said Manaus judge Luis Valois", "says chief Cabinet adviser Ana
    // Lima": a descriptor with a person noun, then the name it describes
    // (the last capitalised run before a word that ends a name).
    let lim = (0..ws.len().min(6))
        .find(|&m| lower_in(w(m), STOP_FORWARD))
        .unwrap_or(ws.len().min(6));
    let described = (1..lim)
        .rev()
        .find(|&j| capitalised(w(j)) && !capitalised(w(j - 1)) && !time_word(w(j)));
    if let Some(j) = described.filter(|&j| {
        !DETERMINERS.contains(&first.as_str())
            && (0..j).any(|m| !capitalised(w(m)) && person_like([w(m)]))
    }) {
        return forward(&s[ws[j].0..]);
    }
    let mut end = 0;
    if DETERMINERS.contains(&first.as_str()) {
        while end + 1 < ws.len() && end < 7 && !lower_in(w(end + 1), STOP_FORWARD) {
            end += 1;
        }
        if end == 0 || !person_like((1..=end).map(w)) {
            return None;
        }
    } else if capitalised(w(0)) && !not_name_start(w(0)) {
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
    plausible(span(s, &ws, 0, end))
}

/// Start of the first speech verb among the first `max` words of `s` before
/// any sentence punctuation, quote mark or colon.
fn first_verb(s: &str, max: usize) -> Option<(usize, usize)> {
    let mut n = 0;
    for it in Items::new(s) {
        match it {
            Item::Word(a, b) => {
                if verb_at(s, a, b) {
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
    for it in Items::new(s) {
        if let (Some(Item::Word(a, b)), Item::Word(_, d)) = (prev, it) {
            if lower_in(&s[a..b], &["according"]) && lower_in(s[b..d].trim(), &["to"]) {
                return Some(d);
            }
        }
        prev = Some(it);
    }
    None
}

/// The subject pronoun ("he", "she", "they") for an object pronoun that
/// opens `s` on its own ("according to him."): "him", "her" or "them" not
/// followed by a word ("according to her lawyer" names the lawyer).
fn object_pronoun(s: &str) -> Option<&'static str> {
    let mut its = Items::new(s);
    let w = its.next().and_then(|it| word(s, &it))?;
    if its.next().is_some_and(|it| matches!(it, Item::Word(..))) {
        return None;
    }
    match lower(w).as_str() {
        "him" => Some("he"),
        "her" => Some("she"),
        "them" => Some("they"),
        _ => None,
    }
}

/// Fills in `speaker` and `rule` of every quote (in text order).
pub fn attribute(text: &str, qs: &mut [Quote]) {
    attribute_in(text, &crate::text::sentences::sentence_spans(text), qs);
}

/// [`attribute`] with the sentence spans of `text` already at hand
/// (`crate::text::sentences::sentence_spans`, as in `TokenizedDoc::sentences`),
/// so the scorer does not split every article into sentences again.
pub fn attribute_in(text: &str, sentences: &[(usize, usize)], qs: &mut [Quote]) {
    // Offsets and lines are those of `text`; only the asides are gone.
    let masked = without_asides(text);
    let text: &str = &masked;
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
    let mut mentions: Option<Vec<Antecedent>> = None;
    // The speaker of the latest attributed quote, at the quote's end.
    let mut last: Option<Antecedent> = None;
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
        // A quote left open has no closing mark to read a speaker after:
        // where it was cut short (`quotes::unclosed_end`) the text that
        // follows is a guess at narration, not its attribution.
        let after = if q.close == q.end {
            ""
        } else {
            &text[q.close.min(next_open)..next_open]
        };
        // The sentence the quote opens in (sentences never cross lines).
        // Sentences are in text order: the last one starting at or before
        // the quote is found by halving, not by walking back from the end.
        let s_start = sentences[..sentences.partition_point(|&(a, _)| a <= q.open)]
            .last()
            .map(|&(a, _)| a)
            .unwrap_or(pa)
            .max(prev_close)
            .min(q.open);
        let (mut before, mut before_start) = (&text[s_start..q.open], s_start);
        if before.trim().is_empty() {
            // "She added:" as the sentence (or line) before the quote.
            let ended = sentences.partition_point(|&(_, b)| b <= s_start);
            if let Some(&(a, b)) = sentences[..ended].last() {
                let a = a.max(prev_close);
                if a < b && text[a..b].trim_end().ends_with(':') {
                    (before, before_start) = (&text[a..b], a);
                }
            }
        }
        let next_sentence = opens_sentence(&text[q.start..q.end], after);
        let holds_next = !next_sentence
            && qs.get(k + 1).is_some_and(|n| n.open == next_open)
            && !after
                .match_indices(['.', '!', '?'])
                .any(|(i, _)| after[i + 1..].starts_with(char::is_whitespace));
        let previous = last.as_ref().map(|l| l.1.as_str());
        let context = (after, before, next_sentence, holds_next);
        let (speaker, rule) = find_speaker(context, previous);
        // A quote inside a sentence of the narration ("Ms Roy called it “a
        // mistake”.") belongs to that sentence: a name opening the next one
        // reports someone else; a pronoun there goes on with the same person.
        let (speaker, rule) = match speaker {
            Some(s)
                if next_sentence && embedded(&text[s_start..q.open]) && !lower_in(&s, PRONOUNS) =>
            {
                find_speaker(("", before, next_sentence, holds_next), previous)
            }
            other => (other, rule),
        };
        // A name before a colon may head a section ("Michigan: ‘…’"): it
        // speaks only where it shows a person of the article (`colon_names.rs`).
        let speaker = match speaker {
            Some(s) if rule == "X:" => {
                let person = colon_person(text, &s, q.open, || {
                    mentions
                        .get_or_insert_with(|| {
                            narration_mentions(text, sentences, &spans, backward_of, forward)
                        })
                        .clone()
                });
                person.then_some(s)
            }
            s => s,
        };
        let speaker = match speaker {
            Some(s) if lower_in(&s, PRONOUNS) => {
                let mentions = mentions.get_or_insert_with(|| {
                    narration_mentions(text, sentences, &spans, backward_of, forward)
                });
                let mention = mentions[..mentions.partition_point(|m| m.0 < q.open)].last();
                let article = Article {
                    text,
                    sentences,
                    quotes: &spans,
                };
                antecedent(&article, &s, before_start, last.as_ref(), mention)
            }
            s => s,
        };
        if let Some(s) = &speaker {
            last = Some((q.close, s.clone()));
        }
        qs[k].speaker = speaker.clone().unwrap_or_default();
        qs[k].rule = if speaker.is_some() { rule } else { "" };
    }
    full_names::resolve(text, qs, || {
        mentions
            .unwrap_or_else(|| narration_mentions(text, sentences, &spans, backward_of, forward))
    });
}

/// Whether a quote opens inside a sentence of the narration: `head`, the
/// text of its sentence before it, holds words after the last sentence end
/// and does not end with a colon ("Ms Roy said: “…”" introduces the quote).
fn embedded(head: &str) -> bool {
    let head = head.trim_end();
    let tail = head
        .rfind(['.', '!', '?'])
        .filter(|&i| head[i + 1..].starts_with(char::is_whitespace))
        .map_or(head, |i| &head[i + 1..]);
    !head.ends_with(':') && tail.contains(char::is_alphanumeric)
}

/// Whether the text after a quote (`after`) opens a new sentence: the
/// quoted text or the text right after its closing mark ends a sentence,
/// and a capitalised word follows.
fn opens_sentence(quoted: &str, after: &str) -> bool {
    let stop = |c: char| matches!(c, '.' | '!' | '?');
    let rest = after.trim_start();
    // A mark glued to the next word ("?Trump said") is no sentence end:
    // converted text prints a lost closing quotation mark so.
    let (ended, rest) = match rest.strip_prefix(stop) {
        Some(r) => (r.starts_with(char::is_whitespace), r.trim_start()),
        None => (quoted.trim_end().ends_with(stop), rest),
    };
    ended && rest.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `speaker`, named after a quote with `verb`, introduces the
/// next quote rather than this one ("“…” Ms Roy said: “…”"): this quote
/// ends its sentence (`next_sentence`), the verb's sentence (`rest`, the
/// text after the quote from the verb on) ends with a colon, the verb does
/// not continue ("added", "continued": Ms Roy also spoke this quote) and
/// the speaker is no pronoun (which stands for the person just quoted:
/// "“…” She said: “…”").
fn introduces_next(rest: &str, next_sentence: bool, verb: &str, speaker: &str) -> bool {
    let rest = rest.trim_end();
    let one_sentence = !rest
        .match_indices(['.', '!', '?'])
        .any(|(i, _)| rest[i + 1..].starts_with(char::is_whitespace));
    next_sentence
        && one_sentence
        && rest.ends_with(':')
        && !lower_in(verb, CONTINUING_VERBS)
        && !lower_in(speaker, PRONOUNS)
}

/// Whether a speech verb `verb` ends its clause's attribution, `rest` being
/// the text after it: no word follows, or a place or time ("said at a news
/// conference", "said Tuesday"), or the addressee of "told" ("told DW").
/// Any other word opens the speaker's own report ("said the vote ...").
fn attribution_ends(verb: &str, rest: &str) -> bool {
    let next = Items::new(rest).next().and_then(|it| word(rest, &it));
    next.is_none_or(|w| {
        lower_in(w, NOT_IN_SPEAKER) || lower_in(w, &["during", "after"]) || time_word(w)
    }) || lower_in(verb, &["told", "tells"])
}

/// Words after a speech verb within which "that" opens its report ("said
/// on Tuesday that", "told reporters that").
const REPORT_WITHIN: usize = 4;

/// Whether `speaker`, named after a quote with `verb`, opens a report of
/// their own rather than speaking this quote ("“…” Mr Li said that ..."):
/// this quote ends its sentence (`next_sentence`), "that" follows the verb
/// (`rest`, the text after it) within [`REPORT_WITHIN`] words before any
/// punctuation, the verb does not continue ("added that": Mr Li also spoke
/// this quote) and the speaker is no pronoun (which goes on with the
/// person just quoted). "X said that" is how the narration reports X's own
/// words, so a name there says nothing about who spoke the quote before,
/// unless X also spoke the quote before that one (see [`find_speaker`]).
fn reports_next(rest: &str, next_sentence: bool, verb: &str, speaker: &str) -> bool {
    next_sentence
        && !lower_in(verb, CONTINUING_VERBS)
        && !lower_in(speaker, PRONOUNS)
        && Items::new(rest)
            .take(REPORT_WITHIN)
            .map_while(|it| match it {
                Item::Word(a, b) => Some(&rest[a..b]),
                Item::Punct(_) => None,
            })
            .any(|w| lower_in(w, &["that"]))
}

/// Whether `before`, the text of a quote's sentence before it, ends with a
/// speech verb that has a speaker before it, and at most three words after
/// it ("Bannon called her", "Ms Dick told reporters:"): that verb reports
/// the quote. A finite verb right after it ("Wiretap claims are ‘…’")
/// shows a noun that looks like a verb, which reports nothing.
fn reported_right_before(before: &str) -> bool {
    let its = items(before);
    let mut its = its.iter().rev().peekable();
    its.next_if(|it| matches!(it, Item::Punct(',' | ':')));
    let noun = |y: usize| {
        Items::new(&before[y..])
            .next()
            .and_then(|it| word(&before[y..], &it))
            .is_some_and(|w| lower_in(w, VERB_ENDS))
    };
    its.take(4)
        .map_while(|it| match *it {
            Item::Word(x, y) => Some((x, y)),
            Item::Punct(_) => None,
        })
        .any(|(x, y)| {
            verb_at(before, x, y) && !noun(y) && backward_of(&before[..x], &before[x..y]).is_some()
        })
}

/// Whether the speakers `a` and `b` share a word that names them on its
/// own (`pronouns::name_words`, ignoring case): "Alex Massie" and "Massie",
/// "the official" and "The official".
fn same_person(a: &str, b: &str) -> bool {
    let theirs = name_words(b);
    name_words(a)
        .iter()
        .any(|w| theirs.iter().any(|t| lower(t) == lower(w)))
}

/// The speaker from the text after and before a quote, and the rule used;
/// `next_sentence`: the text after the quote opens a new sentence
/// ([`opens_sentence`]); `holds_next`: the text after the quote runs on to
/// another quote in the same sentence; `previous`: the speaker of the
/// quote before, whom a report after this one ("Massie said that ...")
/// shows still speaking ([`reports_next`]).
fn find_speaker(
    (after, before, next_sentence, holds_next): (&str, &str, bool, bool),
    previous: Option<&str>,
) -> (Option<String>, &'static str) {
    let a = after.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '—' | '–' | '-' | '.' | '!' | '?')
    });
    // "Bannon called her “…” while Kushner called her “…”": a clause after
    // the quote that runs on to another quote introduces that one, and a
    // verb with its subject right before this quote reports it (rule 3).
    // Without such a verb ("“…,” Ms Dick said, “…”") the name after speaks.
    let a = if holds_next && reported_right_before(before) {
        ""
    } else {
        a
    };
    // A document as the subject of the verb ("a Nielsen study said",
    // "according to a Treasury statement") names nobody: the quote is left
    // unattributed rather than passed to a name further away.
    const NOBODY: (Option<String>, &str) = (None, "");
    // 1. “…,” said Ms Dick. A name after "called on" ... is its object,
    // who is asked, not who speaks ([`phrasal_call`]).
    if let Some(Item::Word(x, y)) = Items::new(a).next() {
        if is_verb(&a[x..y]) && !phrasal_call(&a[x..y], &a[y..]) {
            if let Some(s) = forward(&a[y..]) {
                if !introduces_next(&a[x..], next_sentence, &a[x..y], &s) {
                    return (Some(s), "said X");
                }
            }
            if starts_with_document(&a[y..]) {
                return NOBODY;
            }
        }
    }
    // 2. “…,” Ms Dick said.
    // "“…,” Anthony Skinner, director of the Middle East practice at
    // Verisk Maplecroft, told DW": an aside may hold the verb far off. A
    // name so far from a quote that ends its sentence, or whose verb goes
    // on with a report, mostly opens the next one.
    let found = first_verb(a, 9).or_else(|| {
        first_verb(a, 24).filter(|&(x, y)| {
            if next_sentence || !attribution_ends(&a[x..y], &a[y..]) {
                return false;
            }
            // Only "Name, aside," before the verb: one comma clause, no more.
            let its = items(&a[..x]);
            let commas: Vec<usize> = (0..its.len())
                .filter(|&i| !matches!(its[i], Item::Word(..)))
                .collect();
            matches!(commas[..], [i, j] if i > 0 && j > i + 1 && j + 1 == its.len())
                && commas.iter().all(|&i| matches!(its[i], Item::Punct(',')))
        })
    });
    if let Some((x, y)) = found {
        if let Some(s) = backward_of(&a[..x], &a[x..y]) {
            // A report of someone else's words, not of the last speaker's.
            let new_report = reports_next(&a[y..], next_sentence, &a[x..y], &s)
                && !previous.is_some_and(|p| same_person(&s, p));
            // "“…” Ms Roy, reporting from Kabul, said the vote ...", "“…”
            // Ms Roy, mother of the victim, said no words ...": a new
            // sentence that goes on after the verb reports Ms Roy's own
            // words, and the aside introduces her as someone new.
            let goes_on = matches!(Items::new(&a[y..]).next(), Some(Item::Word(..)));
            let reports_on = next_sentence
                && ((ends_with_participle_aside(&a[..x]) && goes_on)
                    || (ends_with_role_aside(&a[..x]) && !attribution_ends(&a[x..y], &a[y..])));
            // "“…” Ms Roy called for a boycott": a demand after the quote
            // ([`phrasal_call`]), not its report; as after "said that", a
            // pronoun ("He also called for sanctions") goes on with the
            // person just quoted.
            let demand = phrasal_call(&a[x..y], &a[y..]) && !lower_in(&s, PRONOUNS);
            if !introduces_next(&a[x..], next_sentence, &a[x..y], &s)
                && !new_report
                && !reports_on
                && !demand
            {
                return (Some(s), "X said");
            }
        }
        // Only a finite verb: "a statement saying ..." after the quote
        // often opens the next report, not this quote's attribution; so
        // does a document in the next sentence ("“…” The report notes").
        if !participle(&a[x..y]) && !next_sentence && ends_with_document(&a[..x]) {
            return NOBODY;
        }
    }
    // “…,” Ms Dick responded.: a reply verb speaks only with the name
    // alone before it, in a clause that the quote does not end and that
    // does not run on to the next quote. A pronoun that replies stands for
    // the one spoken to, not for the last speaker the pronoun rule takes.
    if let Some((x, y)) = reply_after(a).filter(|_| !next_sentence && !holds_next) {
        let name = backward_of(&a[..x], &a[x..y]);
        if let Some(s) = name.filter(|s| s == a[..x].trim() && !lower_in(s, PRONOUNS)) {
            return (Some(s), "X said");
        }
    }
    // 3. Ms Dick told the ITV show: “…”
    let its = items(before);
    for it in its.iter().rev() {
        if let Item::Word(x, y) = *it {
            let reply = !verb_at(before, x, y) && reply_before(before, x, y);
            if verb_at(before, x, y) || reply {
                let name = backward_of(&before[..x], &before[x..y]);
                if let Some(s) = name.filter(|s| !(reply && lower_in(s, PRONOUNS))) {
                    return (Some(s), "X said");
                }
                // "Mr Li denied it, telling ABC News: “…”": a participle
                // after a comma shares the subject of its sentence.
                if participle(&before[x..y]) && before[..x].trim_end().ends_with(',') {
                    if let Some(s) = participle_subject(&before[..x]) {
                        return (Some(s), "X said");
                    }
                }
                if ends_with_document(&before[..x]) {
                    return NOBODY;
                }
            }
        }
    }
    // 4. according to X
    for ctx in [before, after] {
        if let Some(at) = according_to(ctx) {
            if let Some(p) = object_pronoun(&ctx[at..]) {
                return (Some(p.to_string()), "according to X");
            }
            if let Some(s) = forward(&ctx[at..]) {
                return (Some(s), "according to X");
            }
            // After the quote, "according to a study" may cite the next
            // claim ("FACT: According to a 2010 study ...").
            if std::ptr::eq(ctx, before) && starts_with_document(&ctx[at..]) {
                return NOBODY;
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

#[cfg(test)]
mod tests {
    use super::super::quotes::find_quotes;
    use super::*;

    /// The speakers of the quotes of `text`, in order.
    fn who(text: &str) -> Vec<String> {
        let mut qs = find_quotes(text);
        attribute(text, &mut qs);
        qs.iter().map(|q| q.as_written().to_string()).collect()
    }

    #[test]
    fn adverbs_places_documents_and_both_are_cut_from_a_speaker() {
        let t = "\u{201c}We are done,\u{201d} the Smiths initially said.";
        assert_eq!(who(t), ["the Smiths"]);
        let t = "\u{201c}It was a record,\u{201d} Ambassador to the Republic of Ruritania Jane Roe said.";
        assert_eq!(who(t), ["Jane Roe"]);
        let t = "\u{201c}We will look at it,\u{201d} Managing Director at Acme Widgets GmbH Tom Brown told reporters.";
        assert_eq!(who(t), ["Tom Brown"]);
        let t =
            "\u{201c}We will find them,\u{201d} Inspector-General of Police Amir Abu Salem said.";
        assert_eq!(who(t), ["Amir Abu Salem"]);
        // A bare plural before an adverb is the subject of another sense
        // of the verb; without the adverb, or with "the", it speaks.
        let t = "\u{201c}We will not pay the fines.\u{201d} Local officials first called for a boycott.";
        assert_eq!(who(t), [""]);
        let t =
            "\u{201c}We will not pay the fines.\u{201d} Officials initially called for a boycott.";
        assert_eq!(who(t), [""]);
        // The few words that often stand between a speaker and "said"
        // (`BETWEEN`) are read before this rule, as always.
        let t = "\u{201c}We will not pay the fines,\u{201d} officials later said.";
        assert_eq!(who(t), ["officials"]);
        let t = "\u{201c}We will not pay the fines,\u{201d} the officials initially said.";
        assert_eq!(who(t), ["the officials"]);
        let t = "\u{201c}We will not pay the fines,\u{201d} officials said.";
        assert_eq!(who(t), ["officials"]);
        let t = "Article 4 of the act states: \u{201c}No fee is due.\u{201d}";
        assert_eq!(who(t), [""]);
        let t = "\u{201c}We must work together.\u{201d} Both Lopez and Meyer stressed the point.";
        assert_eq!(who(t), ["Lopez and Meyer"]);
        // A body after a role stays whole.
        let t = "The director of Human Rights Watch said: \u{201c}It is wrong.\u{201d}";
        assert_ne!(who(t), ["Rights Watch"]);
    }

    #[test]
    fn a_demand_after_a_quote_does_not_report_it() {
        let q = "\u{201c}We will not pay the fines.\u{201d}";
        // "called for", "called on", "called off" ... after a quote: the
        // name asks or does something else; it did not speak the quote.
        for tail in [
            "Ms Roy called for a boycott.",
            "Mr Li called on the government to act.",
            "Mr Li called on reporters to leave.",
            "Mr Li called upon the council to act.",
            "Mr Li called on Monday for a boycott.",
            "Mr Li called Tuesday for a boycott.",
            "Mr Li called off the strike.",
            "Mr Li called in the army.",
            "Mr Li, calling for calm, left.",
        ] {
            assert_eq!(who(&format!("{q} {tail}")), [""], "{tail}");
        }
        // The name after "called on" is the one asked, not a speaker.
        let t = "\u{201c}We will not pay the fines,\u{201d} called on Ms Roy to act.";
        assert_eq!(who(t), [""]);
        // "called" with no particle, or "called out", reports the quote.
        let t = "\u{201c}Stop the vote!\u{201d} Ms Roy called out.";
        assert_eq!(who(t), ["Ms Roy"]);
        let t = "\u{201c}Stop the vote,\u{201d} Ms Roy called.";
        assert_eq!(who(t), ["Ms Roy"]);
        let t = "\u{201c}Stop the vote,\u{201d} Ms Roy called on Monday.";
        assert_eq!(who(t), ["Ms Roy"]);
        // Before a quote, "called" names or asks in the speaker's own words.
        let t = "Ms Roy called the move \u{201c}a disgrace\u{201d}.";
        assert_eq!(who(t), ["Ms Roy"]);
        let t = "Ms Roy called the decision \u{201c}reckless and cruel\u{201d}.";
        assert_eq!(who(t), ["Ms Roy"]);
        let t = "Ms Roy called on Russia to \u{201c}release without delay\u{201d} the men.";
        assert_eq!(who(t), ["Ms Roy"]);
        let t = "Mr Li called for \u{201c}an end to the violence\u{201d} on Monday.";
        assert_eq!(who(t), ["Mr Li"]);
        // A pronoun there goes on with the person just quoted.
        let t = "Ms Roy said the plan would fail. She likened it to a \u{201c}costly and reckless mistake.\u{201d} She also called for a boycott.";
        assert_eq!(who(t), ["Ms Roy"]);
    }

    #[test]
    fn a_possessive_or_demonstrative_alone_is_never_a_speaker() {
        let t = "Masood also said he had reports. \u{201c}I believe there were heavy casualties.\u{201d} His claims could not be independently verified.";
        let got = who(t);
        assert!(!got.iter().any(|s| s == "His"), "{got:?}");
    }

    #[test]
    fn a_capitalised_verb_after_a_name_is_part_of_the_name() {
        let t = "Ana Lima told reporters after talks with the United States: \u{201c}We are ready.\u{201d}";
        assert_eq!(who(t), ["Ana Lima"]);
        let t =
            "Envoys of the Federated States arrived on Friday. \u{201c}We are ready,\u{201d} she said.";
        assert_eq!(who(t), [""]);
        assert!(!verb_at("talks with the United States", 21, 27));
        assert!(verb_at("the report states", 11, 17));
        // A headline in title case keeps its verb.
        assert!(verb_at("Finance Minister Says Budget Holds", 17, 21));
    }

    #[test]
    fn a_verb_after_a_function_word_has_no_speaker_before_it() {
        assert_eq!(backward("The judge thanked the doctors and", false), None);
    }

    #[test]
    fn a_verb_after_and_takes_the_subject_of_its_clause() {
        let t = "Ms Okafor issued a statement on Friday criticising the managers and \
                 saying she was \u{201c}appalled\u{201d} by the delays.";
        assert_eq!(who(t), ["Ms Okafor"]);
        let t = "The judge criticised the doctors and said the delays were \u{201c}inexcusable\u{201d}.";
        assert_eq!(who(t), ["The judge"]);
        let t = "Speaking on City Radio, Mr Ode praised the staff and added: \u{201c}They were brave.\u{201d}";
        assert_eq!(who(t), ["Mr Ode"]);
    }

    #[test]
    fn a_participle_after_an_object_names_nobody() {
        let t = "The union sent a letter to the minister saying the plan was \u{201c}unworkable\u{201d}.";
        assert_eq!(who(t), [""]);
        // A phrase that opens its clause still speaks.
        let t = "With critics saying the scheme is \u{201c}a mess\u{201d}, the council paused it.";
        assert_eq!(who(t), ["critics"]);
    }

    #[test]
    fn a_descriptor_before_a_name_is_not_the_name() {
        let t = "\u{201c}It is over,\u{201d} said Lisbon mayor Rui Costa.";
        assert_eq!(who(t), ["Rui Costa"]);
        let t = "\u{201c}We cannot rule it out,\u{201d} said chief fire officer Tom Reyes.";
        assert_eq!(who(t), ["Tom Reyes"]);
        let t = "\u{201c}Stay indoors,\u{201d} said police Tuesday.";
        assert_eq!(who(t), ["police"]);
    }

    #[test]
    fn openers_and_other_words_never_start_a_name() {
        for w in [
            "But",
            "and",
            "Meanwhile",
            "YESTERDAY",
            "In",
            "speaking",
            "Who",
        ] {
            assert!(not_name_start(w), "{w}");
        }
        for w in ["Ms", "Cressida", "Police", "Butler", "Inspector"] {
            assert!(!not_name_start(w), "{w}");
        }
        let t = "Meanwhile Ms Roy said the plan was \u{201c}wrong\u{201d}.";
        assert_eq!(who(t), ["Ms Roy"]);
    }

    #[test]
    fn days_and_months_are_not_named() {
        for w in ["Tuesday", "march", "MAY", "December"] {
            assert!(time_word(w), "{w}");
        }
        for w in ["Mayor", "Marcher", "Augusta", "Sundays"] {
            assert!(!time_word(w), "{w}");
        }
        let t = "\u{201c}Stay indoors,\u{201d} said police March 5.";
        assert_eq!(who(t), ["police"]);
    }

    #[test]
    fn a_party_state_aside_is_not_the_speaker() {
        let q = "\u{201c}We will not vote for it,\u{201d}";
        for (said, speaker) in [
            (
                "Sen. Dianne Feinstein, D-California, said.",
                "Sen. Dianne Feinstein",
            ),
            ("Rep. Jim Jordan (R-Ohio) said.", "Rep. Jim Jordan"),
            ("Rep. Devin Nunes (R-Calif.) said.", "Rep. Devin Nunes"),
            ("Ryan, R-Wis., said.", "Ryan"),
            (
                "Ways and Means Committee chairman Kevin Brady, R-Texas, said.",
                "Kevin Brady",
            ),
            (
                "Sen. Chris Coons, D-Delaware, who was there, said.",
                "Sen. Chris Coons",
            ),
            (
                "Sen. Lindsey Graham, R-South Carolina, told reporters.",
                "Sen. Lindsey Graham",
            ),
            (
                "Rep. Pete Sessions (R-Texas), the House Rules Committee chair, said.",
                "Rep. Pete Sessions",
            ),
            (
                "Sen. Tim Kaine, D-Virginia, the ranking member, said.",
                "Sen. Tim Kaine",
            ),
            ("said Sen. Bernie Sanders (I-Vt.).", "Sen. Bernie Sanders"),
            (
                "Catherine Frazier, a spokeswoman for Sen. Ted Cruz, R-Texas, said.",
                "Catherine Frazier",
            ),
            // As without the aside: never the politician the spokesman
            // speaks for.
            (
                "Drew Hammill, spokesman for Nancy Pelosi, D-Calif., said.",
                "Drew Hammill",
            ),
            ("said Sen. Kamala Harris, D-Calif.", "Sen. Kamala Harris"),
            // Hyphenated names are names.
            ("Jean-Pierre Raffarin said.", "Jean-Pierre Raffarin"),
            (
                "said Rep. Mario Diaz-Balart, R-Florida.",
                "Rep. Mario Diaz-Balart",
            ),
            (
                "Rep. Mario Diaz-Balart, R-Florida, said.",
                "Rep. Mario Diaz-Balart",
            ),
        ] {
            assert_eq!(who(&format!("{q} {said}")), [speaker], "{said}");
        }
        let t = "Sen. Susan Collins, R-Maine, said she would \u{201c}not vote\u{201d} for it.";
        assert_eq!(who(t), ["Sen. Susan Collins"]);
        let t = "Rep. Jim Jordan (R-Ohio): \u{201c}No.\u{201d}";
        assert_eq!(who(t), ["Rep. Jim Jordan"]);
    }

    #[test]
    fn a_legislators_place_or_a_dash_aside_is_not_the_speaker() {
        let q = "\u{201c}We will not vote for it,\u{201d}";
        for (said, speaker) in [
            ("Sen. Jane Doe, R-Lincoln, said.", "Sen. Jane Doe"),
            ("Rep. Ann Roe (D-Springfield) said.", "Rep. Ann Roe"),
            ("said Rep. Ann Roe (D-Springfield).", "Rep. Ann Roe"),
            ("Jane Doe \u{2013} a Labour MP \u{2013} said.", "Jane Doe"),
            (
                "Jane Doe \u{2014} who chairs the panel \u{2014} said.",
                "Jane Doe",
            ),
        ] {
            assert_eq!(who(&format!("{q} {said}")), [speaker], "{said}");
        }
        let t = "Jane Doe \u{2013} a Labour MP \u{2013} said: \u{201c}We will not.\u{201d}";
        assert_eq!(who(t), ["Jane Doe"]);
        let t =
            "On Friday, Sir Jo Roe \u{2013} the judge \u{2013} said: \u{201c}We will not.\u{201d}";
        assert_eq!(who(t), ["Sir Jo Roe"]);
        // Never the party the speaker leads.
        let t = "Tim Roe, leader of the Green Party \u{2013} its third \u{2013} called it \u{201c}shameful\u{201d}.";
        assert_eq!(who(t), ["Tim Roe"]);
    }

    #[test]
    fn an_indefinite_document_is_not_a_speaker() {
        let t = "A Nielsen study said viewers are \u{201c}older than ever\u{201d}.";
        assert_eq!(who(t), [""]);
        let t = "\u{201c}Older than ever,\u{201d} a Nielsen study said.";
        assert_eq!(who(t), [""]);
        let t = "According to a Nielsen study, viewers are \u{201c}older than ever\u{201d}.";
        assert_eq!(who(t), [""]);
        // A rejected document is no reason to take a name before a colon
        // or a name further away.
        let t = "A Nielsen study said: \u{201c}Viewers are older than ever.\u{201d}";
        assert_eq!(who(t), [""]);
        let t = "According to a US Treasury statement, he ran \u{201c}prison camps\u{201d} there. Later he was fired, according to the Unification Ministry.";
        assert_eq!(who(t), [""]);
        let t = "Ms Roy spoke first. \u{201c}Older than ever,\u{201d} a Nielsen study said.";
        assert_eq!(who(t), [""]);
        // A verb whose subject follows the document is not the document's.
        let t = "Chief Frank Weise said in a statement that the market continued to \u{201c}develop positively.\u{201d}";
        assert_eq!(who(t), ["Chief Frank Weise"]);
        // The person who cites the study still speaks.
        let t = "Ms Roy said a Nielsen study found viewers \u{201c}older\u{201d}.";
        assert_eq!(who(t), ["Ms Roy"]);
        let t = "\u{201c}Older than ever,\u{201d} a Nielsen spokesman said.";
        assert_eq!(who(t), ["a Nielsen spokesman"]);
    }

    #[test]
    fn a_definite_document_is_not_a_speaker() {
        let q = "\u{201c}The talks have failed,\u{201d}";
        for (said, speaker) in [
            ("the KCNA report said.", ""),
            ("the ministry's statement said.", ""),
            ("said the ministry's statement.", ""),
            ("the report says.", ""),
            ("the minister said.", "the minister"),
            ("the spokesman said.", "the spokesman"),
            ("the ministry said.", "the ministry"),
            ("the Washington Post said.", "the Washington Post"),
        ] {
            assert_eq!(who(&format!("{q} {said}")), [speaker], "{said}");
        }
        // Not given to the person who cites the document either.
        let t = "Mr Li said the report says prices will \u{201c}rise sharply\u{201d}.";
        assert_eq!(who(t), [""]);
        let t = "Mr Li said the KCNA report called the talks \u{201c}a failure\u{201d}.";
        assert_eq!(who(t), [""]);
        let t = "According to the KCNA report, the talks were \u{201c}a failure\u{201d}.";
        assert_eq!(who(t), [""]);
        // An indefinite document before "the" is still found.
        let t = "Graft \u{201c}will be punished\u{201d}, a news release from the meeting said, according to Mr Li.";
        assert_eq!(who(t), [""]);
        let t = "To act, she said, Iraq must send a letter to the Security Council saying, \u{201c}Please investigate.\u{201d}";
        assert_eq!(who(t), [""]);
        // A document that opens the next sentence leaves the quote to its speaker.
        let t = "Ms Roy said: \u{201c}Prices will rise.\u{201d} The report notes that costs fell.";
        assert_eq!(who(t), ["Ms Roy"]);
        let t =
            "Ms Roy said prices would \u{201c}rise\u{201d}. The statement added that costs fell.";
        assert_eq!(who(t), ["Ms Roy"]);
        assert!(opens_sentence("Prices rose.", " The report"));
        assert!(opens_sentence("Prices rose", ". The report"));
        assert!(!opens_sentence("Prices rose,", "?The report"));
        assert!(!opens_sentence("Prices rose", ", the report"));
    }

    #[test]
    fn a_name_that_opens_the_next_quote_did_not_speak_this_one() {
        let t = "\u{201c}We will win.\u{201d} Ms Roy said: \u{201c}We are ready.\u{201d}";
        assert_eq!(who(t), ["", "Ms Roy"]);
        let t =
            "Mr Li called it \u{201c}a mistake\u{201d}. Ms Roy said: \u{201c}It was not.\u{201d}";
        assert_eq!(who(t), ["Mr Li", "Ms Roy"]);
        // "Added" goes on with the same speaker, and so does a pronoun.
        let t = "\u{201c}We will win.\u{201d} Ms Roy added: \u{201c}We are ready.\u{201d}";
        assert_eq!(who(t), ["Ms Roy", "Ms Roy"]);
        let t = "\u{201c}We will win,\u{201d} Ms Roy said. \u{201c}Not yet.\u{201d} She said: \u{201c}Soon.\u{201d}";
        assert_eq!(who(t), ["Ms Roy", "Ms Roy", "Ms Roy"]);
        // A colon in a later sentence opens nothing of this quote.
        let t =
            "\u{201c}We will win.\u{201d} Ms Roy said. Asked why, Mr Li said: \u{201c}No.\u{201d}";
        assert_eq!(who(t), ["Ms Roy", "Mr Li"]);
        // Within one sentence the name after the quote still speaks it.
        let t = "\u{201c}We will win,\u{201d} Ms Roy said: \u{201c}Soon.\u{201d}";
        assert_eq!(who(t), ["Ms Roy", "Ms Roy"]);
    }

    #[test]
    fn a_report_after_a_quote_names_its_own_speaker_only() {
        // "X said that" after a quote of its own reports X's words.
        let t = "\u{201c}We will win.\u{201d} Mr Li said that the vote was close.";
        assert_eq!(who(t), [""]);
        let t = "\u{201c}We will win.\u{201d} Mr Li told reporters on Friday that it was close.";
        assert_eq!(who(t), [""]);
        // A speaker before the quote still speaks it.
        let t = "Ms Roy said: \u{201c}We will win.\u{201d} Mr Li said that it was close.";
        assert_eq!(who(t), ["Ms Roy"]);
        // The speaker of the quote before goes on speaking.
        let t = "\u{201c}We lost,\u{201d} Ms Ana Roy said. \u{201c}It was close.\u{201d} \
                 Roy said that she would stay.";
        assert_eq!(who(t), ["Ms Ana Roy", "Roy"]);
        let t = "\u{201c}We lost,\u{201d} Ms Roy said. \u{201c}It was close.\u{201d} \
                 Mr Li said that she would stay.";
        assert_eq!(who(t), ["Ms Roy", ""]);
        // "Added that" and a pronoun go on with the same speaker; without
        // "that", and inside a sentence, the name after the quote speaks it.
        let t = "\u{201c}We will win.\u{201d} Ms Roy added that it was close.";
        assert_eq!(who(t), ["Ms Roy"]);
        let t = "\u{201c}We will win.\u{201d} Mr Li said the vote was close.";
        assert_eq!(who(t), ["Mr Li"]);
        let t = "\u{201c}We will win,\u{201d} Mr Li said, adding that it was close.";
        assert_eq!(who(t), ["Mr Li"]);
        assert!(same_person("Alex Massie", "Massie"));
        assert!(same_person("the official", "The official"));
        assert!(!same_person("Mr Li", "Ms Roy"));
    }

    #[test]
    fn a_quote_cut_short_takes_no_speaker_after_it() {
        // The closing mark is missing: the quote ends after three sentences,
        // and the name after the cut reports the narration, not this quote.
        let t = "Officials met. \"In May a bus was hit. Two died. Roads shut. \
                 Mr Li said the vote was close.";
        assert_eq!(who(t), [""]);
        // Before the quote a speaker is still found.
        let t = "Ms Roy said: \"In May a bus was hit. Two died. Roads shut. \
                 Mr Li said the vote was close.";
        assert_eq!(who(t), ["Ms Roy"]);
    }

    #[test]
    fn a_quote_inside_a_sentence_is_not_spoken_by_the_next_sentence() {
        let t = "The plan was \u{201c}a mistake\u{201d}. Mr Li said the vote was close.";
        assert_eq!(who(t), [""]);
        let t = "Ms Roy called it \u{201c}a mistake\u{201d}. Mr Li said the vote was close.";
        assert_eq!(who(t), ["Ms Roy"]);
        // A pronoun in the next sentence goes on with the same person.
        let t = "\u{201c}We lost,\u{201d} Ms Roy said. She thinks it was \u{201c}a mistake\u{201d}. She said more.";
        assert_eq!(who(t), ["Ms Roy", "Ms Roy"]);
        // A quote that is a sentence of its own keeps the name after it.
        let t = "\u{201c}It was a mistake.\u{201d} Mr Li said the vote was close.";
        assert_eq!(who(t), ["Mr Li"]);
        assert!(embedded("The plan was "));
        assert!(!embedded("Ms Roy said: "));
        assert!(!embedded(""));
    }

    #[test]
    fn a_participle_after_a_comma_goes_on_with_the_sentences_subject() {
        let t = "Ms Roy denied it, telling ABC News: \u{201c}No.\u{201d}";
        assert_eq!(who(t), ["Ms Roy"]);
        let t = "Despite the result, Mr Li stayed upbeat, saying: \u{201c}We will win.\u{201d}";
        assert_eq!(who(t), ["Mr Li"]);
        let t = "Jo Roe, head of the union, welcomed it, saying: \u{201c}Good.\u{201d}";
        assert_eq!(who(t), ["Jo Roe"]);
        let t = "The vote was close, Gov. Ann Roe said on Sunday, adding: \u{201c}We won.\u{201d}";
        assert_eq!(who(t), ["Gov. Ann Roe"]);
        // A name that runs on into a noun is not the subject.
        let t =
            "Ethics experts gave it muted applause, telling ABC News: \u{201c}Too late.\u{201d}";
        assert_eq!(who(t), [""]);
        let t = "Japan's trade minister Ken Ito replied, saying: \u{201c}No tariffs.\u{201d}";
        assert_eq!(who(t), ["Ken Ito"]);
    }

    #[test]
    fn an_aside_opened_by_a_participle_is_not_the_speaker() {
        let t = "Ms Roy, speaking to the BBC, said: \u{201c}No.\u{201d}";
        assert_eq!(who(t), ["Ms Roy"]);
        let t = "\u{201c}No,\u{201d} Ms Roy, speaking to the BBC, said.";
        assert_eq!(who(t), ["Ms Roy"]);
        // A new sentence that goes on after the verb reports her own words.
        let t =
            "\u{201c}It was close.\u{201d} Ms Roy, reporting from Kabul, said the vote was fair.";
        assert_eq!(who(t), [""]);
        assert!(ends_with_participle_aside("Ms Roy, speaking to the BBC, "));
        assert!(!ends_with_participle_aside("Ms Roy, the mayor,"));
        assert!(!ends_with_participle_aside("Speaking to the BBC,"));
    }

    #[test]
    fn according_to_a_pronoun_is_the_name_it_stands_for() {
        let t = "Mr Li said the vote was close. \u{201c}We will win,\u{201d} according to him.";
        assert_eq!(who(t), ["Mr Li"]);
        // Only a name that fits the pronoun.
        let t = "Ms Roy said the vote was close. \u{201c}We will win,\u{201d} according to him.";
        assert_eq!(who(t), [""]);
        assert_eq!(object_pronoun(" him."), Some("he"));
        assert_eq!(object_pronoun(" them, "), Some("they"));
        assert_eq!(object_pronoun(" her lawyer"), None);
    }

    #[test]
    fn a_role_without_an_article_after_a_name_is_not_the_speaker() {
        let q = "\u{201c}We will appeal,\u{201d}";
        for (said, speaker) in [
            ("John Smith, chief executive of Acme, said.", "John Smith"),
            ("Li Keqiang, premier, said on Friday.", "Li Keqiang"),
            (
                "Sen. Rand Paul, Trump's former rival, said.",
                "Sen. Rand Paul",
            ),
            // A long role holds the verb beyond the usual reach.
            (
                "Anthony Skinner, director of the Middle East and North Africa \
                 practice at Verisk Maplecroft, told DW.",
                "Anthony Skinner",
            ),
        ] {
            assert_eq!(who(&format!("{q} {said}")), [speaker], "{said}");
        }
        let t = "John Smith, chief executive of Acme, said: \u{201c}We will appeal.\u{201d}";
        assert_eq!(who(t), ["John Smith"]);
        let t = "Ms Lee, professor of law at Peking University, said the ruling was \
                 \u{201c}a landmark\u{201d}.";
        assert_eq!(who(t), ["Ms Lee"]);
        // After the verb the name was read alone already, and still is.
        let t =
            "\u{201c}We will appeal,\u{201d} said John Smith, head of the union's health section.";
        assert_eq!(who(t), ["John Smith"]);
    }

    #[test]
    fn a_role_aside_has_the_shape_of_a_title() {
        let role = |s: &str| role_aside(&s.split(' ').collect::<Vec<_>>());
        for s in [
            "managing director",
            "chief executive of Acme",
            "president and chief executive of the Acme Group",
            "Britain's foreign secretary",
            "associate professor at George Washington University",
        ] {
            assert!(role(s), "{s}");
        }
        for s in [
            "Jones and Brown",
            "and Brown",
            "however",
            "in London",
            "Acme Group",
            "Britain's",
            "45",
        ] {
            assert!(!role(s), "{s}");
        }
    }

    #[test]
    fn a_role_aside_in_the_next_sentence_introduces_someone_new() {
        // The verb goes on with the new person's own report.
        let t = "\u{201c}Kill them, maim them.\u{201d} Akhtar, the government minister, said \
                 the state takes the allegations seriously.";
        assert_eq!(who(t), [""]);
        let t = "Mrs Nevin said: \u{201c}It is a nightmare.\u{201d} Mary Nevin, mother of the \
                 victim, said no words can express how she feels.";
        assert_eq!(who(t), ["Mrs Nevin"]);
        // A place, time or addressee after the verb ends the attribution.
        let t = "\u{201c}So why do that here?\u{201d} Haggai Mazursky, a traveller, told Reuters.";
        assert_eq!(who(t), ["Haggai Mazursky"]);
    }

    #[test]
    fn a_name_far_before_the_verb_needs_a_comma_quote_and_a_plain_attribution() {
        // The verb's own report ("said the rules ...") or a quote that ends
        // its sentence leave a far-off name to the next report.
        let t = "\u{201c}It will pass,\u{201d} Ajit Pai, the son of immigrants who grew up in \
                 Kansas, said the rules were wrong.";
        assert_eq!(who(t), [""]);
        let t = "\u{201c}It will pass.\u{201d} Crispin Blunt, the MP who chairs the Foreign \
                 Affairs Committee, said.";
        assert_eq!(who(t), [""]);
        let t = "\u{201c}It will pass,\u{201d} Ajit Pai, the son of immigrants who grew up in \
                 Kansas, said in December.";
        assert_eq!(who(t), ["Ajit Pai"]);
    }

    #[test]
    fn a_capitalised_role_aside_is_not_the_speaker() {
        for (said, speaker) in [
            ("Chris Bryce, CEO of IPSE, said.", "Chris Bryce"),
            (
                "Frank Schwabe, Bundestag member for Kiel, said.",
                "Frank Schwabe",
            ),
            ("Ann Cole, Chief Executive of Acme, said.", "Ann Cole"),
            ("Tom Roe, Secretary of State, said.", "Tom Roe"),
            ("Jane Doe, Labour MP for Bath, told the BBC.", "Jane Doe"),
        ] {
            let t = format!("\u{201c}We need clarity,\u{201d} {said}");
            assert_eq!(who(&t), [speaker], "{said}");
        }
        // A place or a titled name after the comma is read as before: the
        // words next to the verb.
        let t = "\u{201c}We need clarity,\u{201d} officials in Paris, France, said.";
        assert_eq!(who(t), ["France"]);
        let t = "\u{201c}We need clarity,\u{201d} Ms Roy, President Putin, said.";
        assert_eq!(who(t), ["President Putin"]);
    }

    #[test]
    fn a_clause_that_runs_on_to_another_quote_does_not_speak_this_one() {
        let t = "Bannon called her \u{201c}a liar\u{201d} while Kushner called her \u{201c}a friend\u{201d}.";
        assert_eq!(who(t), ["Bannon", "Kushner"]);
        // Without a verb before the quote, the name after it speaks both parts.
        let t = "\u{201c}We will win,\u{201d} Trump said, \u{201c}and we will win big.\u{201d}";
        assert_eq!(who(t), ["Trump", "Trump"]);
        // Another sentence is read as before.
        let t = "Bannon called her \u{201c}a liar\u{201d}, Kushner said.";
        assert_eq!(who(t), ["Kushner"]);
        let t = "The Archbishop said he was \u{201c}shocked\u{201d}, while Ms Cooper described it as \u{201c}shameful\u{201d}.";
        assert_eq!(who(t), ["The Archbishop", "Ms Cooper"]);
        // A noun that looks like a verb reports nothing.
        let t = "GCHQ: Wiretap claims are \u{2018}nonsense\u{2019} GCHQ said the claim was \u{201c}nonsense\u{201d}.";
        assert_eq!(who(t), ["GCHQ", "GCHQ"]);
    }

    #[test]
    fn a_place_or_a_label_before_a_colon_is_not_a_speaker() {
        let t =
            "Calls came in all day.\n\nMichigan: 'There is a bomb in the building.'\n\nMore text.";
        assert_eq!(who(t), [""]);
        let t = "News: \u{201c}The talks have ended without a deal today.\u{201d}";
        assert_eq!(who(t), [""]);
        let t = "Donald Trump spoke.\n\nTrump: \u{201c}We will win.\u{201d}";
        assert_eq!(who(t), ["Trump"]);
        // Two words or more show a person only with a title or the person
        // elsewhere in the article (`colon_names.rs`).
        let t = "Martin Schulz: \u{201c}We will win.\u{201d}";
        assert_eq!(who(t), [""]);
        let t = "SPD leader Martin Schulz spoke.\n\nMartin Schulz: \u{201c}We will win.\u{201d}";
        assert_eq!(who(t), ["Martin Schulz"]);
        let t = "West Bank: \u{201c}One day on my land is worth a lifetime.\u{201d}\n\n\
                 Settlers in the West Bank were moved.";
        assert_eq!(who(t), [""]);
    }
    #[test]
    fn responded_speaks_only_right_beside_its_quote() {
        let t = "Ms Foster responded: \u{201c}It is not a matter for them.\u{201d}";
        assert_eq!(who(t), ["Ms Foster"]);
        let t = "\u{201c}I am not aware of any,\u{201d} Sessions responded, according to the Post.";
        assert_eq!(who(t), ["Sessions"]);
        // A pronoun that replies is the one spoken to, not the last speaker.
        let t = "\u{201c}Is it so?\u{201d} Mr Li asked. \u{201c}No, never,\u{201d} he responds.";
        assert_eq!(who(t), ["Mr Li", ""]);
        let t = "Asked by Mr Li, she responded: \u{201c}No, never.\u{201d}";
        assert_eq!(who(t), [""]);
        // Nor does a verb that introduces the next quote report this one.
        let t = "Asked about \u{201c}slobs,\u{201d} Trump responded \u{201c}only Rosie.\u{201d}";
        assert_eq!(who(t)[0], "");
        // An action, not a report of the quote.
        let t = "\u{201c}It is over for us,\u{201d} Mr Li responded by leaving the room.";
        assert_eq!(who(t), [""]);
        let t = "The army responded to the attack: \u{201c}We will strike back hard.\u{201d}";
        assert_eq!(who(t), [""]);
        let t = "\u{201c}It is over for us,\u{201d} the minister said as police responded.";
        assert_eq!(who(t), ["the minister"]);
    }
}
