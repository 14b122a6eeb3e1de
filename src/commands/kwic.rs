//! `frame kwic`: keyword-in-context lines, as in a concordancer (AntConc,
//! quanteda's `kwic()`), to read what a word, phrase, wildcard or whole
//! lexicon category actually matches.
//!
//! Matching is the scorer's own ([`FrameScorer::spans`]): a plain word
//! matches every form with its stem, `word*` every word starting with
//! `word`, a phrase its sequence of stems. `--exact` compares normalised word
//! forms instead (a wildcard is still a prefix). A category name as TERM
//! shows every match of that category. Context is `window` word tokens on
//! each side, cut from the original text (case and punctuation kept).

use crate::input::Document;
use crate::lexicon::{has_gap, normalise, parse_entry, split_excluded, Entry, EntryKind, Lexicon};
use crate::model::language::Language;
use crate::scoring::matcher::{may_fill_gap, phrase_at, GAP_SLOT};
use crate::scoring::{
    is_negator, negations, FrameScorer, NegationTarget, SpanMatch, DEFAULT_NEGATION_WINDOW,
};
use crate::text::filters::StopWords;
use crate::text::tokens::{tokenize_corpus, TokenizedDoc, Vocabulary};
use crate::text::{Analyzer, TokenKind};
use rayon::prelude::*;

/// What to look for.
#[derive(Debug, Clone)]
pub struct KwicQuery {
    /// A word, phrase, `prefix*` wildcard or lexicon category name.
    pub term: String,
    /// Words of context on each side.
    pub window: usize,
    /// Compare word forms instead of stems.
    pub exact: bool,
    /// Treat `term` as a word even if a category has that name.
    pub as_word: bool,
    /// Also show the matches an entry's excluded phrases dropped, marked.
    pub show_excluded: bool,
}

/// One concordance line.
#[derive(Debug, Clone, PartialEq)]
pub struct KwicLine {
    /// Article id.
    pub article_id: String,
    /// 1-based sentence number in the article.
    pub sentence_no: usize,
    /// 1-based number of the first matched word among the article's words.
    pub word_no: usize,
    /// Context before the match.
    pub left: String,
    /// The matched words as written.
    pub keyword: String,
    /// Context after the match.
    pub right: String,
    /// Category searched for, or empty for a word search.
    pub category: String,
    /// The lexicon entry (or search term) that matched.
    pub entry: String,
    /// A negator stands within the scorer's negation window before it.
    pub negated: bool,
    /// One of its entry's excluded phrases dropped it: it does not count.
    pub excluded: bool,
    /// For a category search, the category the match counts for in the
    /// scores (as `evidence.csv` lists it): the category itself, threat for
    /// a negated reassurance match ([`crate::scoring::negation::PolarPair`]),
    /// or empty when it counts for none (another negated match, an excluded
    /// one). Empty for a word search.
    pub counts_as: String,
    /// The category of the entry, when it is not the one searched: a
    /// negated reassurance match listed under `kwic threat`, where it counts.
    pub flipped_from: Option<String>,
}

/// The concordance and what it searched.
#[derive(Debug, Clone, Default)]
pub struct Kwic {
    /// Lines in corpus order, then text order.
    pub lines: Vec<KwicLine>,
    /// The category searched for, if TERM named one.
    pub category: Option<String>,
    /// Articles searched.
    pub articles: usize,
    /// Articles with at least one match (for a category, one that counts for it).
    pub articles_matched: usize,
}

impl KwicLine {
    /// Whether the line counts: for a category search, for that category
    /// (so the counted lines add up to the category's score); for a word
    /// search, when neither negated nor excluded.
    pub fn counts(&self) -> bool {
        if self.category.is_empty() {
            !self.negated && !self.excluded
        } else {
            self.counts_as == self.category
        }
    }

    /// The note after a line of text output: what negation or an excluded
    /// phrase did to it.
    pub fn note(&self) -> String {
        if self.excluded {
            return "  (excluded: does not count)".into();
        }
        if let Some(from) = &self.flipped_from {
            return format!("  (negated {from}: counts as {})", self.counts_as);
        }
        if !self.negated {
            return String::new();
        }
        if self.category.is_empty() {
            "  (negated)".into()
        } else if self.counts_as.is_empty() {
            "  (negated: does not count)".into()
        } else {
            format!("  (negated: counts as {})", self.counts_as)
        }
    }
}

/// The lexicon searched for: the category named `term`, or `term` as a one-entry lexicon.
fn target(q: &KwicQuery, lexicons: &[Lexicon]) -> Result<(Lexicon, Option<String>), String> {
    if !q.as_word {
        if let Some(lx) = lexicons.iter().find(|l| l.name == q.term.trim()) {
            return Ok((lx.clone(), Some(lx.name.clone())));
        }
    }
    let fields: Vec<&str> = q.term.split_whitespace().collect();
    if fields.is_empty() {
        return Err("the search term is empty".into());
    }
    // A term is written like a lexicon entry: `=form`, `safe !safe seat`.
    let (words, excluded) = split_excluded(&fields);
    let (text, kind, excluded) =
        parse_entry(words, excluded).map_err(|m| format!("search term {m}"))?;
    Ok((
        Lexicon {
            name: String::new(),
            description: String::new(),
            rationale: String::new(),
            sources: Vec::new(),
            file: String::new(),
            entries: vec![Entry {
                gap: has_gap(&text),
                text,
                kind,
                weight: 1.0,
                line: 0,
                excluded,
            }],
        },
        None,
    ))
}

/// Word-form matches of `entries` (for `--exact`), with the scorer's negation rule.
fn exact_spans(
    entries: &[(String, Vec<u32>, Option<String>)],
    article: &str,
    doc: &TokenizedDoc,
    vocab: &Vocabulary,
    negator: &[bool],
) -> Vec<SpanMatch> {
    let toks = &doc.tokens;
    let mut out: Vec<SpanMatch> = Vec::new();
    for i in 0..toks.len() {
        let surface = &vocab.surfaces[toks[i].surface as usize];
        for (text, ids, prefix) in entries {
            let len = match prefix {
                Some(p) if surface.starts_with(p.as_str()) => 1,
                Some(_) => continue,
                None if !ids.is_empty() => match phrase_at(
                    ids,
                    toks.len(),
                    i,
                    |s, k| s == toks[k].surface,
                    |k| may_fill_gap(&vocab.surfaces[toks[k].surface as usize]),
                ) {
                    Some((last, _)) => last + 1 - i,
                    None => continue,
                },
                None => continue,
            };
            let last = i + len - 1;
            if out.iter().any(|m| m.first == i && m.last == last) {
                continue;
            }
            out.push(SpanMatch {
                category: 0,
                entry: text.clone(),
                first: i,
                last,
                negated: false,
                excluded: false,
            });
        }
    }
    let mut blocked = vec![false; toks.len()];
    for m in out.iter().filter(|m| m.last > m.first) {
        for b in &mut blocked[m.first..=m.last] {
            *b = true;
        }
    }
    let targets: Vec<NegationTarget> = out
        .iter()
        .map(|m| NegationTarget {
            first: m.first,
            last: m.last,
            group: 0,
            category: 0,
        })
        .collect();
    let neg = negations(
        Some(article),
        doc,
        vocab,
        negator,
        DEFAULT_NEGATION_WINDOW,
        &targets,
        &blocked,
    );
    for (m, n) in out.iter_mut().zip(neg) {
        m.negated = n.is_some();
    }
    out
}

/// Collapses runs of whitespace (line breaks included) to one space.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Finds every match of the query in `docs`.
pub fn kwic(
    docs: &[Document],
    lexicons: &[Lexicon],
    lang: &Language,
    stop: &StopWords,
    q: &KwicQuery,
) -> Result<Kwic, String> {
    let (lx, category) = target(q, lexicons)?;
    let tc = tokenize_corpus(docs, lang, stop);
    let analyzer = Analyzer::for_scoring();
    // A named category is matched among all the lists, as the scorer does,
    // so that its lines and their `negated` flags are the hits it counts
    // (a negator's scope and phrase coverage depend on the other lists).
    let keep = category
        .as_ref()
        .and_then(|n| lexicons.iter().position(|l| &l.name == n));
    let scorer = FrameScorer::new(
        if keep.is_some() {
            lexicons
        } else {
            std::slice::from_ref(&lx)
        },
        &tc.vocab,
        lang,
        DEFAULT_NEGATION_WINDOW,
    );
    let negator: Vec<bool> = tc.vocab.surfaces.iter().map(|s| is_negator(s)).collect();
    let exact_entries: Vec<(String, Vec<u32>, Option<String>)> = lx
        .entries
        .iter()
        .map(|e: &Entry| {
            let forms = |part: &str| {
                analyzer
                    .analyze(part)
                    .into_iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .map(|t| tc.vocab.surface_id(&t.text))
                    .collect::<Option<Vec<u32>>>()
            };
            // A gap is a slot of its own, between the forms of its sides.
            let ids = match e.gap_sides() {
                Some((a, b)) => forms(a).zip(forms(b)).map(|(mut a, b)| {
                    a.push(GAP_SLOT);
                    a.extend(b);
                    a
                }),
                None => forms(&e.text),
            }
            .unwrap_or_default();
            let prefix = match &e.kind {
                EntryKind::Prefix(p) => Some(normalise(p)),
                EntryKind::Term | EntryKind::Exact => None,
            };
            (e.text.clone(), ids, prefix)
        })
        .collect();
    let per_doc: Vec<Vec<KwicLine>> = docs
        .par_iter()
        .zip(tc.docs.par_iter())
        .map(|(d, td)| {
            let mut spans = if q.exact {
                exact_spans(&exact_entries, &d.text, td, &tc.vocab, &negator)
            } else {
                let mut s = scorer.spans(Some(&d.text), td, &tc.vocab);
                if q.show_excluded {
                    s.extend(scorer.excluded_spans(Some(&d.text), td, &tc.vocab));
                }
                // A category's lines are the matches that count for it (a
                // negated reassurance match under threat, as the scores count
                // it) and its own entries' matches that count elsewhere or not at all.
                s.retain(|m| {
                    keep.is_none_or(|k| {
                        m.category == k
                            || (m.negated && scorer.counted_category(m.category, true) == Some(k))
                    })
                });
                s
            };
            if spans.is_empty() {
                return Vec::new();
            }
            spans.sort_by_key(|m| (m.first, m.last));
            // Word offsets with ends; the same analyzer as the token stage,
            // so the word tokens line up one to one.
            let offs: Vec<(usize, usize)> = analyzer
                .analyze(&d.text)
                .into_iter()
                .filter(|t| t.kind.counts_as_word())
                .map(|t| (t.start, t.end))
                .collect();
            let n = td.tokens.len();
            let aligned = offs.len() == n;
            let words = |a: usize, b: usize| -> String {
                td.tokens[a..=b]
                    .iter()
                    .map(|t| tc.vocab.surfaces[t.surface as usize].as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            spans
                .into_iter()
                .map(|m| {
                    let lo = m.first.saturating_sub(q.window);
                    let hi = (m.last + q.window).min(n - 1);
                    let (left, keyword, right) = if aligned {
                        (
                            clean(&d.text[offs[lo].0..offs[m.first].0]),
                            clean(&d.text[offs[m.first].0..offs[m.last].1]),
                            clean(&d.text[offs[m.last].1..offs[hi].1]),
                        )
                    } else {
                        (
                            if lo < m.first {
                                words(lo, m.first - 1)
                            } else {
                                String::new()
                            },
                            words(m.first, m.last),
                            if hi > m.last {
                                words(m.last + 1, hi)
                            } else {
                                String::new()
                            },
                        )
                    };
                    let name = |c: usize| lexicons[c].name.clone();
                    let counts_as = match keep {
                        Some(_) if !m.excluded => scorer
                            .counted_category(m.category, m.negated)
                            .map(name)
                            .unwrap_or_default(),
                        _ => String::new(),
                    };
                    let flipped_from = keep.filter(|&k| m.category != k).map(|_| name(m.category));
                    KwicLine {
                        counts_as,
                        flipped_from,
                        article_id: d.id.clone(),
                        sentence_no: td.sentence_of(m.first) + 1,
                        word_no: m.first + 1,
                        left,
                        keyword,
                        right,
                        category: category.clone().unwrap_or_default(),
                        entry: m.entry,
                        negated: m.negated,
                        excluded: m.excluded,
                    }
                })
                .collect()
        })
        .collect();
    Ok(Kwic {
        articles: docs.len(),
        // Excluded lines do not count as matches, nor, for a category,
        // lines that count for no category or another one.
        articles_matched: per_doc
            .iter()
            .filter(|l| {
                l.iter().any(|x| {
                    if x.category.is_empty() {
                        !x.excluded
                    } else {
                        x.counts()
                    }
                })
            })
            .count(),
        lines: per_doc.into_iter().flatten().collect(),
        category,
    })
}

/// The line `frame kwic` prints to stderr after the concordance: how many
/// matches count (for a category, those that count for it, so that they add
/// up to its score), in how many articles, and what else is listed.
/// `what` names the search.
pub fn summary(k: &Kwic, what: &str, show_excluded: bool) -> String {
    let plural = crate::model::numbers::count;
    let excluded = k.lines.iter().filter(|l| l.excluded).count();
    let mut s = match &k.category {
        None => format!(
            "frame: {} of {what}",
            plural(k.lines.len() - excluded, "match", "matches")
        ),
        Some(c) => {
            let counted = k.lines.iter().filter(|l| l.counts()).count();
            let _ = c;
            format!(
                "frame: {} counted for {what}",
                plural(counted, "match", "matches")
            )
        }
    };
    s.push_str(&format!(
        " in {} of {}",
        crate::model::numbers::int(k.articles_matched),
        plural(k.articles, "article", "articles")
    ));
    if let Some(c) = &k.category {
        let flipped = k.lines.iter().filter(|l| l.flipped_from.is_some()).count();
        if flipped > 0 {
            s.push_str(&format!(
                " ({flipped} of them negated reassurance, which the scores count as {c}, marked)"
            ));
        }
        let negated: Vec<&KwicLine> = k
            .lines
            .iter()
            .filter(|l| !l.excluded && !l.counts())
            .collect();
        if !negated.is_empty() {
            let elsewhere: Vec<&str> = negated
                .iter()
                .map(|l| l.counts_as.as_str())
                .filter(|a| !a.is_empty())
                .collect();
            s.push_str(&format!(
                "; {} more negated, not counted for {c} (marked){}",
                negated.len(),
                match elsewhere.first() {
                    Some(other) => format!(
                        ": {} of them count{} as {other}",
                        elsewhere.len(),
                        if elsewhere.len() == 1 { "s" } else { "" }
                    ),
                    None => String::new(),
                }
            ));
        }
    }
    if show_excluded {
        s.push_str(&format!("; {excluded} more dropped by excluded phrases or, for reassurance, by a condition or question (marked)"));
    }
    s
}

/// Keeps the last `max` characters of `s`, marking a cut with `…`.
fn tail(s: &str, max: usize) -> String {
    let n = s.chars().count();
    if n <= max {
        s.to_string()
    } else {
        format!("…{}", s.chars().skip(n - max + 1).collect::<String>())
    }
}

/// Keeps the first `max` characters of `s`, marking a cut with `…`.
fn head(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max - 1).collect::<String>())
    }
}

/// Aligned concordance lines: `id:sentence`, the left context right-aligned,
/// the match in brackets, the right context (each side cut to 70 characters).
pub fn to_text(lines: &[KwicLine]) -> String {
    const SIDE: usize = 70;
    let locs: Vec<String> = lines
        .iter()
        .map(|l| format!("{}:{}", l.article_id, l.sentence_no))
        .collect();
    let lefts: Vec<String> = lines.iter().map(|l| tail(&l.left, SIDE)).collect();
    let wl = locs.iter().map(|s| s.chars().count()).max().unwrap_or(0);
    let wr = lefts.iter().map(|s| s.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for ((l, loc), left) in lines.iter().zip(&locs).zip(&lefts) {
        let pad_loc = wl - loc.chars().count();
        let pad_left = wr - left.chars().count();
        // No space before punctuation that follows the match ("[harmed]. Bread").
        let right = head(&l.right, SIDE);
        let gap = if right.starts_with(|c: char| c.is_alphanumeric() || "\"“‘'(".contains(c)) {
            " "
        } else {
            ""
        };
        let line = format!(
            "{loc}{}  {}{left} [{}]{gap}{right}{}",
            " ".repeat(pad_loc),
            " ".repeat(pad_left),
            l.keyword,
            l.note()
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The concordance as CSV: article_id, sentence_no, word_no, left, keyword,
/// right, category, entry, negated, with `with_excluded` excluded, and for a
/// category search (`category`) counts_as ([`KwicLine::counts_as`]).
pub fn to_csv(lines: &[KwicLine], with_excluded: bool, category: bool) -> Vec<u8> {
    use crate::report::csv::write_text_record;
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let mut header = vec![
        "article_id",
        "sentence_no",
        "word_no",
        "left",
        "keyword",
        "right",
        "category",
        "entry",
        "negated",
    ];
    // The column exists only when asked for, so that existing readers of
    // the table see the columns they always did.
    if with_excluded {
        header.push("excluded");
    }
    if category {
        header.push("counts_as");
    }
    write_text_record(&mut w, &header);
    let flag = |b: bool| if b { "true" } else { "false" };
    for l in lines {
        let (sentence_no, word_no) = (l.sentence_no.to_string(), l.word_no.to_string());
        let mut row = vec![
            l.article_id.as_str(),
            &sentence_no,
            &word_no,
            &l.left,
            &l.keyword,
            &l.right,
            &l.category,
            &l.entry,
            flag(l.negated),
        ];
        if with_excluded {
            row.push(flag(l.excluded));
        }
        if category {
            row.push(&l.counts_as);
        }
        write_text_record(&mut w, &row);
    }
    w.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs() -> Vec<Document> {
        [
            (
                "a",
                "The dog attacked a man.\nLater, attacks on dogs rose sharply in the city.",
            ),
            (
                "b",
                "No attack happened. Knife crime fell; the knife-crime unit was praised.",
            ),
        ]
        .iter()
        .map(|(id, t)| Document {
            id: id.to_string(),
            text: t.to_string(),
            ..Default::default()
        })
        .collect()
    }

    fn run(term: &str, window: usize, exact: bool, lexicons: &[Lexicon]) -> Kwic {
        let en = Language::english();
        let q = KwicQuery {
            term: term.into(),
            window,
            exact,
            as_word: false,
            show_excluded: false,
        };
        kwic(&docs(), lexicons, &en, &StopWords::new(en.stop_words()), &q).unwrap()
    }

    #[test]
    fn stem_matching_with_context() {
        let k = run("attack", 3, false, &[]);
        let got: Vec<(&str, usize, &str, &str, &str, bool)> = k
            .lines
            .iter()
            .map(|l| {
                (
                    l.article_id.as_str(),
                    l.sentence_no,
                    l.left.as_str(),
                    l.keyword.as_str(),
                    l.right.as_str(),
                    l.negated,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("a", 1, "The dog", "attacked", "a man. Later", false),
                ("a", 2, "a man. Later,", "attacks", "on dogs rose", false),
                ("b", 1, "No", "attack", "happened. Knife crime", true),
            ]
        );
        assert_eq!((k.articles, k.articles_matched), (2, 2));
        assert_eq!(k.lines[1].word_no, 7);
    }

    #[test]
    fn negated_flags_follow_the_scorer() {
        let en = Language::english();
        let stop = StopWords::new(en.stop_words());
        let docs: Vec<Document> = [
            "No, the attack was real.",
            "No attack came.",
            "There is no doubt the attack was planned.",
            "Officers did not protect the victim.",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Document {
            id: format!("d{i}"),
            text: t.to_string(),
            ..Default::default()
        })
        .collect();
        let negated = |term: &str, exact: bool, lx: &[Lexicon]| -> Vec<bool> {
            let q = KwicQuery {
                term: term.into(),
                window: 2,
                exact,
                as_word: false,
                show_excluded: false,
            };
            kwic(&docs, lx, &en, &stop, &q)
                .unwrap()
                .lines
                .iter()
                .map(|l| l.negated)
                .collect()
        };
        // The comma ends the scope and "no doubt" is not a negation.
        assert_eq!(negated("attack", false, &[]), [false, true, false]);
        assert_eq!(negated("attack", true, &[]), [false, true, false]);
        // A named category is resolved among all lists: "not" goes to
        // "protect", not to "victim".
        let t =
            crate::lexicon::parse("# description: d\nvictim\n", "threat.txt", "threat").unwrap();
        let r = crate::lexicon::parse(
            "# description: d\nprotect\n",
            "reassurance.txt",
            "reassurance",
        )
        .unwrap();
        // Under threat, the negated "protect" is listed too: it counts as threat.
        assert_eq!(
            negated("threat", false, &[t.clone(), r.clone()]),
            [true, false]
        );
        assert_eq!(negated("reassurance", false, &[t, r]), [true]);
    }

    #[test]
    fn a_category_lists_every_match_that_counts_for_it() {
        let en = Language::english();
        let stop = StopWords::new(en.stop_words());
        let docs = vec![Document {
            id: "d".into(),
            text: "Life has not returned to normal. Officers did not protect the victim. \
                   She did not have to die."
                .into(),
            ..Default::default()
        }];
        let t = crate::lexicon::parse("# description: d\nvictim\ndie\n", "threat.txt", "threat")
            .unwrap();
        let r = crate::lexicon::parse(
            "# description: d\nreturned to normal\nprotect\n",
            "reassurance.txt",
            "reassurance",
        )
        .unwrap();
        let lxs = [t, r];
        let q = |term: &str| KwicQuery {
            term: term.into(),
            window: 2,
            exact: false,
            as_word: false,
            show_excluded: false,
        };
        let k = kwic(&docs, &lxs, &en, &stop, &q("threat")).unwrap();
        let got: Vec<(&str, &str, Option<&str>, bool)> = k
            .lines
            .iter()
            .map(|l| {
                (
                    l.entry.as_str(),
                    l.counts_as.as_str(),
                    l.flipped_from.as_deref(),
                    l.counts(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("returned to normal", "threat", Some("reassurance"), true),
                ("protect", "threat", Some("reassurance"), true),
                ("victim", "threat", None, true),
                ("die", "", None, false),
            ]
        );
        // The counted lines add up to the score.
        let opts = crate::model::options::Options::new(Vec::new());
        let (_, scored) = crate::commands::validate::score_documents(&docs, &opts, &lxs).unwrap();
        let counted = k.lines.iter().filter(|l| l.counts()).count();
        assert_eq!(counted as f64, scored[0].0.frames[0].hits);
        let text = to_text(&k.lines);
        assert!(
            text.contains(
                "[returned to normal]. Officers did  (negated reassurance: counts as threat)"
            ),
            "{text}"
        );
        assert!(text.contains("[die]  (negated: does not count)"), "{text}");
        let csv = String::from_utf8(to_csv(&k.lines, false, true)).unwrap();
        assert!(csv.starts_with("article_id,sentence_no,word_no,left,keyword,right,category,entry,negated,counts_as\n"), "{csv}");
        assert!(
            csv.contains(",threat,returned to normal,true,threat\n"),
            "{csv}"
        );
        assert!(csv.ends_with(",threat,die,true,\n"), "{csv}");
        let s = summary(&k, "`threat`", false);
        assert_eq!(s, "frame: 3 matches counted for `threat` in 1 of 1 article (2 of them negated reassurance, which the scores count as threat, marked); 1 more negated, not counted for threat (marked)");
        // Under reassurance, its negated matches are marked as counting for threat.
        let k = kwic(&docs, &lxs, &en, &stop, &q("reassurance")).unwrap();
        assert!(k
            .lines
            .iter()
            .all(|l| !l.counts() && l.counts_as == "threat"));
        assert_eq!(k.articles_matched, 0);
        assert!(to_text(&k.lines).contains("(negated: counts as threat)"));
        let s = summary(&k, "`reassurance`", false);
        assert!(s.starts_with("frame: 0 matches counted for `reassurance` in 0 of 1 article; 2 more negated, not counted for reassurance (marked): 2 of them count as threat"), "{s}");
    }

    #[test]
    fn exact_phrases_wildcards_and_categories() {
        assert_eq!(run("attack", 3, true, &[]).lines.len(), 1);
        assert_eq!(run("attacks", 3, true, &[]).lines[0].keyword, "attacks");
        let k = run("Knife  Crime", 2, false, &[]);
        assert_eq!(k.lines.len(), 1);
        assert_eq!(k.lines[0].keyword, "Knife crime");
        let k = run("dog*", 1, false, &[]);
        let kw: Vec<&str> = k.lines.iter().map(|l| l.keyword.as_str()).collect();
        assert_eq!(kw, ["dog", "dogs"]);
        let lx = crate::lexicon::parse("# description: d\nattack\nknife crime\n", "c.txt", "crime")
            .unwrap();
        let k = run("crime", 2, false, std::slice::from_ref(&lx));
        assert_eq!(k.category.as_deref(), Some("crime"));
        let entries: Vec<&str> = k.lines.iter().map(|l| l.entry.as_str()).collect();
        assert_eq!(entries, ["attack", "attack", "attack", "knife crime"]);
        assert!(k.lines.iter().all(|l| l.category == "crime"));
        // --word searches the word even where a category has its name.
        let en = Language::english();
        let q = KwicQuery {
            term: "crime".into(),
            window: 2,
            exact: false,
            as_word: true,
            show_excluded: false,
        };
        let k = kwic(&docs(), &[lx], &en, &StopWords::new(en.stop_words()), &q).unwrap();
        assert_eq!(k.lines.len(), 1);
        assert!(k.category.is_none());
    }

    #[test]
    fn bad_terms_are_errors() {
        let en = Language::english();
        let q = |t: &str| KwicQuery {
            term: t.into(),
            window: 2,
            exact: false,
            as_word: false,
            show_excluded: false,
        };
        let stop = StopWords::new(en.stop_words());
        assert!(kwic(&docs(), &[], &en, &stop, &q("in*"))
            .unwrap_err()
            .contains("too short"));
        assert!(kwic(&docs(), &[], &en, &stop, &q("  ")).is_err());
    }

    #[test]
    fn text_and_csv_output() {
        let k = run("attack", 2, false, &[]);
        let t = to_text(&k.lines);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "a:1      The dog [attacked] a man");
        assert_eq!(
            lines[2],
            "b:1           No [attack] happened. Knife  (negated)"
        );
        let pos: Vec<usize> = lines.iter().map(|l| l.find('[').unwrap()).collect();
        assert!(pos.iter().all(|&p| p == pos[0]), "{t}");
        let csv = String::from_utf8(to_csv(&k.lines, false, false)).unwrap();
        assert!(csv.starts_with("article_id,sentence_no,word_no,left,keyword,right,category,entry,negated\na,1,3,The dog,attacked,a man,,attack,false\n"), "{csv}");
    }

    #[test]
    fn show_excluded_marks_what_an_excluded_phrase_drops() {
        let en = Language::english();
        let stop = StopWords::new(en.stop_words());
        let q = |t: &str, show: bool| KwicQuery {
            term: t.into(),
            window: 2,
            exact: false,
            as_word: false,
            show_excluded: show,
        };
        // "knife crime" is the excluded phrase; "knife-crime" is one word.
        let lx =
            crate::lexicon::parse("# description: d\ncrime !knife crime\n", "c.txt", "c").unwrap();
        let lxs = std::slice::from_ref(&lx);
        let k = kwic(&docs(), lxs, &en, &stop, &q("c", false)).unwrap();
        assert!(k.lines.is_empty(), "{:?}", k.lines);
        let k = kwic(&docs(), lxs, &en, &stop, &q("c", true)).unwrap();
        assert_eq!(k.lines.len(), 1);
        assert!(k.lines[0].excluded);
        assert_eq!(k.articles_matched, 0);
        let t = to_text(&k.lines);
        assert!(
            t.contains("Knife [crime] fell; the  (excluded: does not count)"),
            "{t}"
        );
        let csv = String::from_utf8(to_csv(&k.lines, true, true)).unwrap();
        assert!(csv.contains(",negated,excluded,counts_as\n"), "{csv}");
        assert!(csv.ends_with(",crime,false,true,\n"), "{csv}");
        // A search term takes the same syntax as a lexicon entry.
        let k = kwic(&docs(), &[], &en, &stop, &q("knife !knife crime", true)).unwrap();
        let flags: Vec<bool> = k.lines.iter().map(|l| l.excluded).collect();
        assert_eq!(flags, [true]);
        let k = kwic(&docs(), &[], &en, &stop, &q("=attacks", false)).unwrap();
        assert_eq!(k.lines.len(), 1);
        assert!(kwic(&docs(), &[], &en, &stop, &q("crime !fell", false))
            .unwrap_err()
            .contains("does not contain the entry"));
    }
}
