//! Where the frame sits: headline, lead and body of each article, scored
//! separately, because headlines and leads carry the frame.
//!
//! * **Headline** = the article's title (`Document::title`: the first line of
//!   at least four words, or the front-matter / title-column value). It is
//!   scored on its own. When the title is a line of the text with more than
//!   [`HEADLINE_MAX_WORDS`] words, the file was saved without its headline
//!   and the title is really the opening paragraph: the headline is then
//!   empty (0 words) and that paragraph is the lead.
//! * When the title is not a line of the text (front matter's `title:` above
//!   a printed headline, which `input::headline::with_title` leaves out of
//!   the text; a title column's and an export's headline open the text)
//!   and the text opens with a line of [`LEAD_MIN_WORDS`] to
//!   [`HEADLINE_MAX_WORDS`] words without a sentence end (a Markdown
//!   `# Heading`, or a headline saved with the text), that line is the
//!   headline: it is scored as the headline and is never the lead. (Shorter
//!   opening lines are section labels and count as body, as before.)
//! * The **headline line is not part of the lead or body**, and neither is
//!   any later line that repeats it (web copies often print it twice); the
//!   comparison ignores case and punctuation.
//! * **Lead** = the first paragraph after the headline line with at least
//!   [`LEAD_MIN_WORDS`] words (shorter lines are section labels, bylines and
//!   captions, and count as body). Paragraphs are blocks separated by blank
//!   lines, or lines where a file has none (`crate::input::paragraphs`). When
//!   paragraphs are missing (the lead paragraph has more than
//!   [`ONE_BLOCK_WORDS`] words, or it is the only paragraph), the lead is the
//!   opening sentences up to and including the one holding word
//!   [`LEAD_WORDS`].
//! * **Body** = every other paragraph of the text.

use super::frames::Scan;
use super::matcher::FrameScorer;
use super::negation::DEFAULT_NEGATION_WINDOW;
use super::parts::PartScore;
use crate::input::headline::{reads_as_headline, HEADLINE_MAX_WORDS, LEAD_MIN_WORDS};
use crate::input::Document;
use crate::lexicon::Lexicon;
use crate::model::language::Language;
use crate::model::PositionScore;
use crate::scoring::sentiment::SentimentAnalyzer;
use crate::text::filters::StopWords;
use crate::text::tokens::{tokenize_corpus, TokenizedCorpus, TokenizedDoc};
use rayon::prelude::*;

/// A lead paragraph longer than this means the paragraphs were lost.
pub const ONE_BLOCK_WORDS: usize = 150;
/// Words of the lead when paragraphs are missing (rounded up to a sentence end).
pub const LEAD_WORDS: usize = 50;

/// Where the parts of one article are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parts {
    /// The text scored as the headline ("" when the article has none).
    pub headline: String,
    /// The headline's line in the text, when it is there.
    pub headline_line: Option<(usize, usize)>,
    /// Byte spans of the lead.
    pub lead: Vec<(usize, usize)>,
    /// Byte spans of the body.
    pub body: Vec<(usize, usize)>,
}

/// Lower-case words only, so "Police ‘could …’" equals "police could …".
fn norm(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The characters of [`norm`]`(s)`, without building it: the words of `s`
/// lower-cased one character at a time, joined by single spaces. That is
/// exactly `norm(s)` unless `s` holds a capital sigma, whose lower case
/// depends on its place in the word (see [`same_norm`]).
fn norm_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .enumerate()
        .flat_map(|(i, w)| {
            (i > 0)
                .then_some(' ')
                .into_iter()
                .chain(w.chars().flat_map(char::to_lowercase))
        })
}

/// `norm(s) == t` (`whole`) or `norm(s).starts_with(t)`, comparing as it
/// goes: every paragraph and line is compared with the title, and most
/// differ in their first characters, so building each one's lower-case
/// copy was wasted.
fn same_norm(s: &str, t: &str, whole: bool) -> bool {
    if s.contains('\u{3a3}') {
        let n = norm(s);
        return if whole { n == t } else { n.starts_with(t) };
    }
    let mut a = norm_chars(s);
    for c in t.chars() {
        if a.next() != Some(c) {
            return false;
        }
    }
    !whole || a.next().is_none()
}

/// `paras` with every line whose words are the title's (`t`, normalised)
/// split off as a paragraph of its own; the other lines stay together.
fn split_title_lines(text: &str, t: &str, paras: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    if t.is_empty() {
        return paras;
    }
    let mut out = Vec::with_capacity(paras.len());
    for (a, b) in paras {
        if !text[a..b].contains('\n') {
            out.push((a, b));
            continue;
        }
        let mut run: Option<(usize, usize)> = None;
        let mut at = a;
        for line in text[a..b].split_inclusive('\n') {
            let body = line.trim();
            let start = at + line.len() - line.trim_start().len();
            let span = (start, start + body.len());
            at += line.len();
            if body.is_empty() {
                continue;
            }
            if same_norm(body, t, true) {
                out.extend(run.take());
                out.push(span);
            } else {
                run = Some(run.map_or(span, |(ra, _)| (ra, span.1)));
            }
        }
        out.extend(run);
    }
    out
}

/// Finds headline, lead and body of an article.
pub fn find_parts(text: &str, title: &str, doc: &TokenizedDoc) -> Parts {
    let t = norm(title);
    // A headline printed inside a paragraph (right above the lead with no
    // blank line between, or repeated under the text) is a line of its own.
    let paras = split_title_lines(text, &t, crate::input::paragraphs(text));
    let first_token = |pos: usize| doc.tokens.partition_point(|t| (t.start as usize) < pos);
    let words = |(a, b): (usize, usize)| first_token(b) - first_token(a);
    // find_title cuts a long first line at a word and marks the cut with "…".
    let cut = title.ends_with('\u{2026}');
    let same = |k: usize| {
        let p = &text[paras[k].0..paras[k].1];
        !t.is_empty() && (same_norm(p, &t, true) || (cut && same_norm(p, &t, false)))
    };
    let mut headline = title.trim().to_string();
    let mut head_k = None;
    if let Some(k) = (0..paras.len()).find(|&k| same(k)) {
        if words(paras[k]) > HEADLINE_MAX_WORDS {
            headline.clear();
        } else {
            head_k = Some(k);
        }
    } else if paras.len() > 1 {
        let k = 0;
        // The title came from elsewhere (front matter) and the text opens
        // with a line of its own that reads as a headline: a Markdown
        // "# Heading" (its marks are gone by now) or any first line without
        // a sentence end, followed by more text. That line is the article's
        // printed headline, never its lead (the rule `with_title` follows).
        let line = text[paras[k].0..paras[k].1].trim_end();
        if reads_as_headline(line) {
            headline = line.to_string();
            head_k = Some(k);
        }
    }
    let rest: Vec<usize> = (0..paras.len())
        .filter(|&k| Some(k) != head_k && !(head_k.is_some() && same(k)))
        .collect();
    let from = head_k.map(|h| h + 1).unwrap_or(0);
    let lead_k = rest
        .iter()
        .copied()
        .find(|&k| k >= from && words(paras[k]) >= LEAD_MIN_WORDS)
        .or_else(|| rest.iter().copied().find(|&k| k >= from));
    let mut parts = Parts {
        headline,
        headline_line: head_k.map(|k| paras[k]),
        ..Default::default()
    };
    for &k in &rest {
        let (a, b) = paras[k];
        if Some(k) != lead_k {
            parts.body.push((a, b));
            continue;
        }
        let n = words((a, b));
        let only = !rest.iter().any(|&j| j > k);
        if n > ONE_BLOCK_WORDS || (only && n > LEAD_WORDS) {
            // Paragraphs are missing: the sentences holding the first 50 words.
            let pos = doc.tokens[first_token(a) + LEAD_WORDS - 1].start as usize;
            let end = doc
                .sentences
                .iter()
                .find(|&&(sa, sb)| sa <= pos && pos < sb)
                .map(|&(_, sb)| sb.min(b))
                .unwrap_or(b);
            parts.lead.push((a, end));
            if end < b {
                parts.body.push((end, b));
            }
        } else {
            parts.lead.push((a, b));
        }
    }
    parts
}

fn position(part: &str, p: PartScore) -> PositionScore {
    PositionScore {
        part: part.into(),
        words: p.words,
        sentiment: p.sentiment,
        per_1k: p
            .hits
            .iter()
            .map(|h| {
                if p.words > 0 {
                    h * 1000.0 / p.words as f64
                } else {
                    0.0
                }
            })
            .collect(),
        hits: p.hits,
    }
}

/// Headline, lead and body scores of every article, in corpus order: the
/// reference that `scoring::score_corpus`'s one pass is tested against.
#[cfg(test)]
/// Headlines are scored as texts of their own (a title from front matter
/// need not be in the text), with the same lexicons.
pub fn score_corpus(
    docs: &[Document],
    tc: &TokenizedCorpus,
    scorer: &FrameScorer,
    senti: &SentimentAnalyzer,
    lexicons: &[Lexicon],
    lang: &Language,
) -> Vec<Vec<PositionScore>> {
    let heads = Headlines::new(docs, tc, lexicons, lang);
    docs.par_iter()
        .zip(tc.docs.par_iter())
        .enumerate()
        .map(|(i, (d, td))| {
            let scan = Scan {
                resolved: scorer.resolved_hits(&d.text, td, &tc.vocab),
                sentence_sentiment: Vec::new(),
            };
            heads.score_article(i, &d.text, td, scorer, senti, &scan)
        })
        .collect()
}

/// The parts of every article and its headline tokenised and compiled on
/// their own: the corpus-wide step before each article's positions can be
/// scored ([`Headlines::score_article`]).
pub struct Headlines {
    parts: Vec<Parts>,
    texts: Vec<Document>,
    tc: TokenizedCorpus,
    scorer: FrameScorer,
}

impl Headlines {
    /// Finds the parts of every article and tokenises the headlines (with
    /// no stop words) into a vocabulary of their own, against which the
    /// lexicons are compiled.
    pub fn new(
        docs: &[Document],
        tc: &TokenizedCorpus,
        lexicons: &[Lexicon],
        lang: &Language,
    ) -> Self {
        let parts: Vec<Parts> = docs
            .par_iter()
            .zip(tc.docs.par_iter())
            // The headline as printed (a byline glued to it, a paragraph used
            // as the title) is what the text holds.
            .map(|(d, td)| find_parts(&d.text, d.printed_title.as_deref().unwrap_or(&d.title), td))
            .collect();
        let texts: Vec<Document> = parts
            .iter()
            .map(|p| Document {
                text: p.headline.clone(),
                ..Default::default()
            })
            .collect();
        let htc = tokenize_corpus(&texts, lang, &StopWords::new(Vec::<String>::new()));
        let scorer = FrameScorer::new(lexicons, &htc.vocab, lang, DEFAULT_NEGATION_WINDOW);
        Headlines {
            parts,
            texts,
            tc: htc,
            scorer,
        }
    }

    /// Headline, lead and body scores of article `i` (`text`, tokenised as
    /// `doc`), given its [`Scan`] (resolved hits, and whole-sentence VADER
    /// scores when at hand).
    pub fn score_article(
        &self,
        i: usize,
        text: &str,
        doc: &TokenizedDoc,
        scorer: &FrameScorer,
        senti: &SentimentAnalyzer,
        scan: &Scan,
    ) -> Vec<PositionScore> {
        let (p, h, htd) = (&self.parts[i], &self.texts[i].text, &self.tc.docs[i]);
        // Headlines are texts of their own, matched against their own vocabulary.
        let head_scan = Scan {
            resolved: self.scorer.resolved_hits(h, htd, &self.tc.vocab),
            sentence_sentiment: Vec::new(),
        };
        let head = self
            .scorer
            .score_spans(h, htd, senti, &[(0, h.len())], &head_scan);
        let part = |spans: &[(usize, usize)]| scorer.score_spans(text, doc, senti, spans, scan);
        vec![
            position("headline", head),
            position("lead", part(&p.lead)),
            position("body", part(&p.body)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_title_comparison_equals_normalising() {
        let strings = [
            "",
            "Police ‘could’ act",
            "police could act",
            "POLICE COULD ACT NOW",
            "ΟΔΟΣ Σ",
            "οδος σ",
            "Straße İstanbul",
            "straße i̇stanbul",
            "— police, could: act —",
        ];
        for s in strings {
            for t in strings.map(norm) {
                assert_eq!(same_norm(s, &t, true), norm(s) == t, "{s:?} {t:?}");
                assert_eq!(
                    same_norm(s, &t, false),
                    norm(s).starts_with(&t),
                    "{s:?} {t:?}"
                );
            }
        }
    }
    use crate::input::make_document;

    fn parts_of(raw: &str) -> (Document, Parts) {
        let d = make_document(raw, false);
        let en = Language::english();
        let tc = tokenize_corpus(
            std::slice::from_ref(&d),
            &en,
            &StopWords::new(en.stop_words()),
        );
        let p = find_parts(&d.text, &d.title, &tc.docs[0]);
        (d, p)
    }

    fn texts(d: &Document, spans: &[(usize, usize)]) -> Vec<String> {
        spans
            .iter()
            .map(|&(a, b)| d.text[a..b].to_string())
            .collect()
    }

    const LEAD: &str = "Armed officers will patrol three London boroughs from Monday, the Metropolitan Police said.";

    #[test]
    fn headline_lead_body_in_plain_text() {
        let raw = format!("World News\n\nMet Police to send armed patrols onto streets\n\nBy A Reporter\n\n{LEAD}\n\nThe plan drew criticism.\nMET POLICE TO SEND ARMED PATROLS ONTO STREETS\n");
        let (d, p) = parts_of(&raw);
        assert_eq!(p.headline, "Met Police to send armed patrols onto streets");
        assert_eq!(texts(&d, &p.lead), [LEAD]);
        // Labels and bylines are body; the repeated headline is not counted.
        assert_eq!(
            texts(&d, &p.body),
            ["World News", "By A Reporter", "The plan drew criticism."]
        );
    }

    #[test]
    fn hard_wrapped_lead_is_its_whole_paragraph() {
        let raw = "Met Police to send armed patrols onto streets\nArmed officers will patrol three London\nboroughs from Monday, the Metropolitan\nPolice said on Friday.\n\nCritics said the plan\nwas rushed.\n";
        let (d, p) = parts_of(raw);
        assert_eq!(p.headline, "Met Police to send armed patrols onto streets");
        assert_eq!(
            texts(&d, &p.lead),
            ["Armed officers will patrol three London boroughs from Monday, the Metropolitan Police said on Friday."]
        );
        assert_eq!(texts(&d, &p.body), ["Critics said the plan was rushed."]);
    }

    #[test]
    fn long_title_line_is_the_lead_not_a_headline() {
        let first = "The head of London police has been forced to deny that parts of the capital are becoming no-go areas after two shocking incidents in which the public was filmed cheering as officers were assaulted.";
        let (d, p) = parts_of(&format!("{first}\nSecond paragraph here.\n"));
        assert_eq!(p.headline, "");
        assert_eq!(texts(&d, &p.lead), [first]);
        assert_eq!(texts(&d, &p.body), ["Second paragraph here."]);
    }

    #[test]
    fn one_block_lead_is_the_first_fifty_words() {
        let s = "This sentence has exactly ten words in it, you see. ";
        let block = s.repeat(20);
        let (d, p) = parts_of(&format!("Police say streets are safe\n{}\n", block.trim()));
        assert_eq!(p.headline, "Police say streets are safe");
        // Word 50 ends the fifth sentence.
        assert_eq!(texts(&d, &p.lead), [s.repeat(5).trim_end().to_string()]);
        assert_eq!(p.body.len(), 1);
    }

    /// Front matter gives the title; the `# Heading` (ten words or more)
    /// is the headline, and the paragraph after it the lead.
    #[test]
    fn markdown_heading_under_front_matter_is_the_headline_not_the_lead() {
        let heading = "Police chiefs say the streets of the capital are safe again";
        let (text, meta) = crate::input::formats::markdown::markdown_to_text(&format!(
            "---\ntitle: Streets safe, say police\n---\n# {heading}\n\n{LEAD}\n\nMore text follows here.\n"
        ));
        assert_eq!(
            meta[0],
            ("title".to_string(), "Streets safe, say police".to_string())
        );
        let en = Language::english();
        let d = Document {
            title: "Streets safe, say police".into(),
            text,
            ..Default::default()
        };
        let tc = tokenize_corpus(
            std::slice::from_ref(&d),
            &en,
            &StopWords::new(en.stop_words()),
        );
        let p = find_parts(&d.text, &d.title, &tc.docs[0]);
        assert_eq!(p.headline, heading);
        assert_eq!(texts(&d, &p.lead), [LEAD]);
        assert_eq!(texts(&d, &p.body), ["More text follows here."]);
        // A first line that is a sentence stays the lead.
        let d2 = Document {
            title: "Elsewhere".into(),
            text: format!("{LEAD}\n\nMore text follows here, and then some more words.\n"),
            ..Default::default()
        };
        let tc2 = tokenize_corpus(
            std::slice::from_ref(&d2),
            &en,
            &StopWords::new(en.stop_words()),
        );
        let p2 = find_parts(&d2.text, &d2.title, &tc2.docs[0]);
        assert_eq!(p2.headline, "Elsewhere");
        assert_eq!(texts(&d2, &p2.lead), [LEAD]);
    }

    #[test]
    fn markdown_headline() {
        let (text, _) = crate::input::formats::markdown::markdown_to_text(&format!(
            "# Police say the streets are safe\n\n{LEAD}\n\nMore text follows here.\n"
        ));
        let (d, p) = parts_of(&text);
        assert_eq!(p.headline, "Police say the streets are safe");
        assert_eq!(texts(&d, &p.lead), [LEAD]);
        assert_eq!(texts(&d, &p.body), ["More text follows here."]);
    }
}
