//! Who frames: an article split into quoted speech and the outlet's own
//! narration, each quote attributed to its speaker where a simple pattern
//! finds one.
//!
//! **Quotes.** Double quotes, curly (“…”, also „…“-style openers) or straight
//! ("…"), are found paragraph by paragraph (`crate::input::paragraphs`: blocks separated
//! by blank lines, or lines where a file has none).
//! A quote still open at the end of a paragraph continues when the next
//! paragraph starts with an opening mark, as newspapers print a quote that
//! runs over several paragraphs; otherwise it ends with its paragraph, but
//! after at most three sentences (`quotes::MAX_UNCLOSED_SENTENCES`: a text
//! flattened into one paragraph would otherwise be quoted to its end), and
//! no speaker is read after a quote so cut, whose true end is unknown. A
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
//!    in 1 and 2, a name whose sentence starts after the quote and ends
//!    with a colon introduces the next quote ("“…” Ms Dick said: “…”"), so
//!    it does not count for this one, unless its verb goes on ("Ms Dick
//!    added:") or it is a pronoun; nor does a name opening the next
//!    sentence after a quote inside a sentence of the narration ("He called
//!    it “a mistake”. Ms Dick said ..."), where only a pronoun goes on; nor
//!    does a name in a new sentence that reports its own words ("“…” Ms
//!    Dick said that ..."), unless it spoke the quote before this one too;
//!    nor does a name whose "called" a particle makes a demand or another
//!    verb ("“…” Ms Dick called for calm", "called on", "called off":
//!    `context_words::phrasal_call`), where only a pronoun goes on;
//! 3. before the opening mark, in the same sentence (or in the sentence
//!    before, when that ends with a colon): a name before a speech verb
//!    ("Ms Dick told the ITV show: “…”", "She added: “…”",
//!    "Cressida Dick, the commissioner, said the plan was “wrong”"); the
//!    last verb that has a name before it counts; a participle after a
//!    comma goes on with its sentence's subject ("Ms Dick denied it,
//!    telling ABC News: “…”"), and an aside opened by a participle is no
//!    name ("Ms Dick, speaking to the BBC, said: “…”");
//!    "responded" and "responds" report speech only right beside the
//!    quote, with a name alone before them: "Ms Dick responded: “…”" and
//!    "“…,” Ms Dick responded." (a clause the quote does not end, over at
//!    the verb); elsewhere they report an action ("police responded to
//!    the call"). A pronoun before them ("he responded:") is the one spoken
//!    to, whom the pronoun rule (the last speaker) would not find, so it
//!    gives no speaker through them;
//! 4. "according to X" before or after the quote in its sentence
//!    ("according to him" is the pronoun "he");
//! 5. a short name alone before a colon ("Ms Dick: “…”"), where it shows a
//!    person (`colon_names.rs`): a US state, one word the article never
//!    gives a first name, a title or a speech verb ("Michigan:", "News:"),
//!    or several words that are no role and no personal name the article
//!    shows as a person (a title before it, the name given elsewhere) or
//!    that read as a place or a headline ("West Bank:", "Lake Chad:",
//!    "Sen. Jane Doe Slams Pruitt:") heads a section, not a quote.
//!
//! In 1 and 2, where the text after the quote runs on to another quote in
//! its sentence and a speech verb with its subject stands right before
//! this quote ("Bannon called her “…” while Kushner called her “…”"), the
//! name after introduces the next quote and rule 3 reads this one's.
//!
//! A name is a run of capitalised words (with "of", "the", "for" ... inside),
//! a phrase opened by "a", "an" or "the" ("a spokesman", "the Home Office"),
//! one of a few plural nouns ("police", "critics", "witnesses"; not across
//! an adverb other than the few of `words::BETWEEN`), or a pronoun.
//! "Cressida Dick, the Met Police Commissioner, said" gives "Cressida Dick",
//! and so does a role without an article ("Cressida Dick, commissioner of
//! the Met, said"; after a quote that does not end its sentence even a long
//! one, where the verb ends the attribution); in a new sentence after a
//! quote, a name with such a role whose verb goes on with a report ("Ms
//! Dick, mother of the victim, said no words ...") is someone new, not
//! this quote's speaker;
//! "said Lisbon mayor Rui Costa" gives "Rui Costa" (a descriptor with a
//! person noun before the name). Asides are passed over (`asides.rs`): a
//! US party-state aside ("Sen. Dianne Feinstein, D-California, said",
//! "Rep. Jim Jordan (R-Ohio) said"), a state legislator's party and place
//! after a name, in commas or brackets ("Sen. Jane Doe, R-Lincoln, said"),
//! and a description between dashes before a speech verb ("Jane Doe – a
//! Labour MP – said").
//! A phrase with "a", "an" or "the" whose head is a document ("a Nielsen
//! study", "a White House statement", "the KCNA report", "the ministry's
//! statement") names no speaker. A speaker never ends on a
//! conjunction, preposition or article ("the men and" is none). A capitalised speech
//! verb right after a capitalised word is part of a name ("the United
//! States"), outside title-case headlines. A speech verb right after "and"
//! or "or" ("criticised the men and said", "blasting the men and saying")
//! takes the subject that opens its clause; before a participle ("saying")
//! a phrase is the speaker only where it opens its clause ("with critics
//! saying", not "a letter to the governor saying").
//! **He, she and they** stand for the most recent name before them (the
//! speaker of an earlier quote, or a name before a speech verb in the
//! narration) when it is in the pronoun's sentence or the one before (or
//! every sentence between refers to it by name or pronoun, or names no one
//! else) and does not contradict the pronoun: "she" is not "Mr Li", "he" not "the ministry",
//! "they" only a plural ("officials"). Otherwise the quote stays
//! unattributed; an older name is never tried (`pronouns.rs`). Within an
//! article a short form ("Ms Dick") takes the full name given before it
//! ("Cressida Dick"), titles go ("Sen. Jane Doe" is "Jane Doe") and "the
//! president" is the one person called President before a name
//! (`full_names.rs`); across articles speakers are grouped
//! case-insensitively ("A spokesman" = "a spokesman").
//!
//! **Phrases.** A quote of at most three words (`model::PHRASE_MAX_WORDS`)
//! that no rule gives a speaker is a phrase the outlet sets in quotation
//! marks (scare quotes, a title, a nickname), not a quotation: it is
//! dropped after attribution (`marked_phrase`), so its words are narration.
//!
//! **Narration** is everything outside quotes, so narration and quotes
//! partition the article: their words and hits add up to the article's.

mod asides;
mod colon_names;
mod context_words;
mod full_names;
mod mentions;
mod name_shape;
mod pronouns;
pub mod quotes;
mod role_holders;
mod speaker_checks;
pub mod speakers;
mod words;

use super::frames::Scan;
use super::matcher::FrameScorer;
use super::parts::PartScore;
use super::sentiment::SentimentAnalyzer;
use crate::model::{QuoteInfo, SpeakerScore, VoiceScore, PHRASE_MAX_WORDS};

use crate::text::tokens::TokenizedDoc;
#[cfg(test)]
use crate::text::tokens::Vocabulary;
pub use quotes::{find_quotes, Quote};
use speakers::{attribute, attribute_in, lower};
use std::collections::BTreeMap;

/// Finds the quotes of `text` and attributes each to a speaker.
pub fn quotes(text: &str) -> Vec<Quote> {
    let mut qs = find_quotes(text);
    attribute(text, &mut qs);
    qs.retain(|q| !marked_phrase(text, q));
    qs
}

/// [`quotes`] with the sentence spans of `text` already at hand (see
/// [`attribute_in`]).
pub fn quotes_in(text: &str, sentences: &[(usize, usize)]) -> Vec<Quote> {
    let mut qs = find_quotes(text);
    attribute_in(text, sentences, &mut qs);
    qs.retain(|q| !marked_phrase(text, q));
    qs
}

/// Whether `q` is a phrase the outlet sets in quotation marks rather than
/// a quotation: no rule names its speaker and it has at most
/// [`PHRASE_MAX_WORDS`] words (scare quotes, a title, a nickname, a term:
/// the so-called “experts”, the film “Breaking Bad”). Such marks distance
/// or name; they give no one a voice, so the phrase stays in the narration
/// instead of swelling the unattributed quotes. Attribution has already
/// run, so the phrase still bounds the context of the quotes beside it;
/// a short quote with a speaker (X called it “a mistake”) is a quotation.
fn marked_phrase(text: &str, q: &Quote) -> bool {
    q.speaker.is_empty()
        && text[q.start..q.end]
            .split_whitespace()
            .filter(|w| w.contains(char::is_alphanumeric))
            .count()
            <= PHRASE_MAX_WORDS
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

/// Voices and quotes of one article, given its [`Scan`] from
/// [`FrameScorer::score_scan`]: its resolved hits, and the VADER scores of
/// its whole sentences (used where a voice holds a whole sentence; an empty
/// list means none are at hand).
pub fn score_article(
    text: &str,
    doc: &TokenizedDoc,
    scorer: &FrameScorer,
    senti: &SentimentAnalyzer,
    scan: &Scan,
) -> (Vec<VoiceScore>, Vec<QuoteInfo>) {
    let qs = quotes_in(text, &doc.sentences);
    let voices = voice_spans(text, &qs)
        .into_iter()
        .map(|(voice, speaker, quotes, spans)| {
            let p: PartScore = scorer.score_spans(text, doc, senti, &spans, scan);
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
                written: q.written.clone(),
            }
        })
        .collect();
    (voices, infos)
}

/// Voices and quotes of one article, matching it anew: the reference that
/// the pipeline's one pass is tested against.
#[cfg(test)]
pub fn score_article_alone(
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
    score_article(text, doc, scorer, senti, &scan)
}

/// Voices and quotes of every article, in corpus order (the reference
/// twin of `scoring::score_corpus`).
#[cfg(test)]
pub fn score_corpus(
    docs: &[crate::input::Document],
    tc: &crate::text::tokens::TokenizedCorpus,
    scorer: &FrameScorer,
    senti: &SentimentAnalyzer,
) -> Vec<(Vec<VoiceScore>, Vec<QuoteInfo>)> {
    use rayon::prelude::*;
    docs.par_iter()
        .zip(tc.docs.par_iter())
        .map(|(d, td)| score_article_alone(&d.text, td, &tc.vocab, scorer, senti))
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
    // (a large corpus has tens of thousands of speakers). Stable, as before.
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
    use super::quotes::*;
    use super::speakers::*;
    use super::words::SPEECH_VERBS;
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
                    let e = unclosed_end(text, s.max(pa), pb);
                    push(&mut out, o, s, e, e);
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
        let mut rng = crate::stats::resample::rng(7, "quote-scanner");
        let mut quotes = 0;
        for _ in 0..3000 {
            let n = 1 + crate::stats::resample::below(&mut rng, 60);
            let text = crate::stats::resample::pieces_text(&mut rng, &pieces, n);
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

    /// Every quote of `text` with its speaker, short phrases with no
    /// speaker too: what the attribution tests read.
    fn attributed(text: &str) -> Vec<Quote> {
        let mut qs = find_quotes(text);
        attribute(text, &mut qs);
        qs
    }

    fn found(text: &str) -> Vec<(String, String)> {
        quotes(text)
            .into_iter()
            .map(|q| (text[q.start..q.end].to_string(), q.as_written().to_string()))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    /// A pronoun that opens a sentence whose full stop was lost ("... Trump
    /// It said") is not part of a name.
    #[test]
    fn a_pronoun_is_not_a_name_word() {
        let found = found("North Korea fires missile, challenging Trump It said Kim \"personally guided\" the test.");
        assert!(
            found.iter().all(|(_, who)| !who.contains("It")),
            "{found:?}"
        );
    }

    #[test]
    fn curly_and_straight_double_quotes() {
        assert_eq!(
            found("“Streets are safe,” said Ms Dick. She said \"no\" twice."),
            vec![pair("Streets are safe,", "Ms Dick"), pair("no", "Ms Dick")]
        );
    }

    #[test]
    fn quote_over_paragraphs_is_one_quote() {
        let t = "She added: “First paragraph of the quote.\n\n“Second paragraph ends here.”\nNarration follows.";
        let q = attributed(t);
        assert_eq!(q.len(), 1);
        assert!(t[q[0].start..q[0].end].starts_with("First"));
        assert!(t[q[0].start..q[0].end].ends_with("here."));
        // Unterminated without a continuation: the quote ends with its paragraph.
        let u = attributed("He said: “No closing mark\nNext paragraph is narration.");
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
            let q = attributed(text);
            assert_eq!(q.len(), 1, "{text}");
            assert_eq!(q[0].as_written(), speaker, "{text}");
        }
    }

    #[test]
    fn pronouns_take_the_last_named_speaker() {
        let t = "“First,” Ms Dick said.\n\nShe added:\n“Second.”\n\nThen she said “third”.";
        let q = attributed(t);
        let s: Vec<&str> = q.iter().map(|q| q.as_written()).collect();
        assert_eq!(s, ["Ms Dick", "Ms Dick", "Ms Dick"]);
        // "He" is not Ms Dick, and an older name is no fallback.
        let t = "“First,” Mr Li said. “Second,” Ms Dick said. Then he said “third”.";
        let s: Vec<String> = attributed(t)
            .iter()
            .map(|q| q.as_written().to_string())
            .collect();
        assert_eq!(s, ["Mr Li", "Ms Dick", ""]);
        // Nor is a name two sentences back, with a sentence about someone else between.
        let t = "“First,” Mr Li said. Ms Dick arrived late. “Second,” he said.";
        let s: Vec<String> = attributed(t)
            .iter()
            .map(|q| q.as_written().to_string())
            .collect();
        assert_eq!(s, ["Mr Li", ""]);
        // A sentence about him keeps him near.
        let t = "“First,” Mr Li said. He arrived late. “Second,” he said.";
        let s: Vec<String> = attributed(t)
            .iter()
            .map(|q| q.as_written().to_string())
            .collect();
        assert_eq!(s, ["Mr Li", "Mr Li"]);
        assert_eq!(attributed("“Alone,” she said.")[0].speaker, "");
        // A name before a speech verb in the narration counts too.
        let t = "“One,” Ms Dick said.\n\nLord Harris, who advised the mayor, told peers he was not convinced.\n\n“Two,” he said.";
        let s: Vec<String> = attributed(t)
            .iter()
            .map(|q| q.as_written().to_string())
            .collect();
        assert_eq!(s, ["Ms Dick", "Lord Harris"]);
    }

    #[test]
    fn a_short_phrase_with_no_speaker_is_no_quotation() {
        // Scare quotes and a title: the outlet's words, left in the narration.
        let t = "The so-called \u{201c}experts\u{201d} praised the film \u{201c}Dark Water Rising\u{201d} on Monday.";
        assert!(attributed(t).len() == 2 && quotes(t).is_empty());
        let v = voice_spans(t, &quotes(t));
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].3, [(0, t.len())]);
        // A short quote with a speaker is a quotation, and so is a longer
        // one without.
        assert_eq!(
            found("Ms Roy called the plan \u{201c}a costly mistake\u{201d} on Monday."),
            [pair("a costly mistake", "Ms Roy")]
        );
        assert_eq!(
            found("A sign at the gate read \u{201c}keep out of here\u{201d} in red."),
            [pair("keep out of here", "")]
        );
        // Words are counted by spaces; a lone mark is none.
        assert_eq!(
            found("Prices went \u{201c}up - and up\u{201d} again."),
            [] as [(String, String); 0]
        );
    }

    #[test]
    fn voices_partition_the_text() {
        let t = "Calm day. “Danger,” said Ms Dick. “More,” she said. “Anon.”";
        let q = attributed(t);
        let v = voice_spans(t, &q);
        assert_eq!(v.len(), 3);
        // One voice per person, named without the title (`full_names.rs`).
        assert_eq!((v[1].1.as_str(), v[1].2), ("Dick", 2));
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
