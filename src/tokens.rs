//! The tokenised corpus: every article run through the scoring analyzer once,
//! word forms interned corpus-wide, and each distinct word form stemmed once.
//! Later stages (TF-IDF, scoring) work on ids, never on strings.

use crate::corpus::Document;
use crate::text::fxhash::FxHashMap;
use crate::text::{filters, filters::StopWords, sentences, words, Language, TokenKind};
use rayon::prelude::*;
use std::borrow::Cow;

/// One word token of an article (numbers, URLs and e-mails are not kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordToken {
    /// Id of the normalised word form in [`Vocabulary::surfaces`].
    pub surface: u32,
    /// Byte offset in the article text.
    pub start: u32,
    /// 0-based sentence index.
    pub sentence: u32,
}

/// One article after tokenisation.
#[derive(Debug, Clone, Default)]
pub struct TokenizedDoc {
    /// Every word token, in text order (stop words included, for negation).
    pub tokens: Vec<WordToken>,
    /// Byte spans of the sentences.
    pub sentences: Vec<(usize, usize)>,
}

/// Corpus-wide word forms and stems.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// Normalised word forms (lower-case, ASCII apostrophes, no possessive).
    pub surfaces: Vec<String>,
    /// Stem id of each word form.
    pub surface_stem: Vec<u32>,
    /// Whether each word form is a stop word.
    pub surface_stop: Vec<bool>,
    /// Corpus frequency of each word form.
    pub surface_count: Vec<usize>,
    /// Distinct stems.
    pub stems: Vec<String>,
    /// Display form of each stem: its most frequent word form (ties: alphabetical).
    pub display: Vec<String>,
    index: FxHashMap<String, u32>,
    stem_index: FxHashMap<String, u32>,
}

impl Vocabulary {
    /// Id of a normalised word form, if it occurs in the corpus.
    pub fn surface_id(&self, s: &str) -> Option<u32> {
        self.index.get(s).copied()
    }

    /// Id of a stem, if it occurs in the corpus.
    pub fn stem_id(&self, s: &str) -> Option<u32> {
        self.stem_index.get(s).copied()
    }
}

/// The tokenised corpus.
#[derive(Debug, Clone, Default)]
pub struct TokenizedCorpus {
    /// One per document, same order.
    pub docs: Vec<TokenizedDoc>,
    /// The shared vocabulary.
    pub vocab: Vocabulary,
}

/// Word forms of one document, interned locally so documents can be
/// tokenised in parallel and merged once. Forms borrow from the text unless
/// normalisation changed them.
struct LocalDoc<'a> {
    forms: Vec<Cow<'a, str>>,
    counts: Vec<usize>,
    tokens: Vec<WordToken>,
    sentences: Vec<(usize, usize)>,
}

/// One article through the scoring analyzer: the same tokens as
/// `Analyzer::for_scoring().analyze(text)` restricted to words, but without a
/// `String` per token (see [`filters::scoring_form`]), with the sentence
/// spans computed once, and interned with the Fx hash.
fn tokenize_doc(text: &str) -> LocalDoc<'_> {
    let sentences = sentences::sentence_spans(text);
    // Same rule as `sentences::sentence_starts`: the first sentence owns any
    // leading whitespace, so sentence indices match `sentences`.
    let mut starts: Vec<usize> = sentences.iter().map(|&(a, _)| a).collect();
    match starts.first_mut() {
        Some(first) => *first = 0,
        None => starts.push(0),
    }
    let mut index: FxHashMap<Cow<str>, u32> = FxHashMap::default();
    let mut forms: Vec<Cow<str>> = Vec::new();
    let mut counts = Vec::new();
    let mut tokens = Vec::new();
    let mut buf = String::new();
    words::for_each_token(text, &starts, |start, end, kind, sentence| {
        if kind != TokenKind::Word {
            return;
        }
        let raw = &text[start..end];
        let Some(form) = filters::scoring_form(raw, &mut buf) else {
            return;
        };
        let id = match index.get(form) {
            Some(&id) => id,
            None => {
                let id = forms.len() as u32;
                // Borrow from the text when normalisation left the word as is
                // (a prefix of the raw token: at most a possessive removed).
                let key: Cow<str> = if raw.starts_with(form) {
                    Cow::Borrowed(&raw[..form.len()])
                } else {
                    Cow::Owned(form.to_string())
                };
                index.insert(key.clone(), id);
                forms.push(key);
                counts.push(0);
                id
            }
        };
        counts[id as usize] += 1;
        tokens.push(WordToken {
            surface: id,
            start: start as u32,
            sentence: sentence as u32,
        });
    });
    LocalDoc {
        forms,
        counts,
        tokens,
        sentences,
    }
}

/// Tokenises every document (in parallel), builds the vocabulary and stems
/// each distinct word form once.
pub fn tokenize_corpus(docs: &[Document], lang: &Language, stop: &StopWords) -> TokenizedCorpus {
    let locals: Vec<LocalDoc> = docs.par_iter().map(|d| tokenize_doc(&d.text)).collect();
    let mut vocab = Vocabulary::default();
    let mut out_docs = Vec::with_capacity(locals.len());
    for local in locals {
        let map: Vec<u32> = local
            .forms
            .into_iter()
            .zip(&local.counts)
            .map(|(form, &n)| {
                let id = match vocab.index.get(form.as_ref()) {
                    Some(&id) => id,
                    None => {
                        let id = vocab.surfaces.len() as u32;
                        let form = form.into_owned();
                        vocab.index.insert(form.clone(), id);
                        vocab.surfaces.push(form);
                        vocab.surface_count.push(0);
                        id
                    }
                };
                vocab.surface_count[id as usize] += n;
                id
            })
            .collect();
        let tokens = local
            .tokens
            .into_iter()
            .map(|t| WordToken {
                surface: map[t.surface as usize],
                ..t
            })
            .collect();
        out_docs.push(TokenizedDoc {
            tokens,
            sentences: local.sentences,
        });
    }
    vocab.surface_stop = vocab.surfaces.iter().map(|s| stop.contains(s)).collect();
    let stemmed: Vec<String> = vocab
        .surfaces
        .par_iter()
        .map_init(|| lang.stemmer(), |st, s| st.stem(s).into_owned())
        .collect();
    let mut stem_index: FxHashMap<String, u32> = FxHashMap::default();
    for s in stemmed {
        let id = match stem_index.get(&s) {
            Some(&id) => id,
            None => {
                let id = vocab.stems.len() as u32;
                stem_index.insert(s.clone(), id);
                vocab.stems.push(s);
                id
            }
        };
        vocab.surface_stem.push(id);
    }
    // Display form: the most frequent non-stop word form of each stem.
    let mut best: Vec<Option<u32>> = vec![None; vocab.stems.len()];
    for (sid, &stem) in vocab.surface_stem.iter().enumerate() {
        let cand = sid as u32;
        let slot = &mut best[stem as usize];
        *slot = match *slot {
            None => Some(cand),
            Some(cur) => {
                let (c, k) = (cur as usize, sid);
                let better = (
                    vocab.surface_stop[c],
                    std::cmp::Reverse(vocab.surface_count[c]),
                    &vocab.surfaces[c],
                ) > (
                    vocab.surface_stop[k],
                    std::cmp::Reverse(vocab.surface_count[k]),
                    &vocab.surfaces[k],
                );
                Some(if better { cand } else { cur })
            }
        };
    }
    vocab.display = best
        .into_iter()
        .map(|b| {
            b.map(|i| vocab.surfaces[i as usize].clone())
                .unwrap_or_default()
        })
        .collect();
    vocab.stem_index = stem_index;
    TokenizedCorpus {
        docs: out_docs,
        vocab,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_stems_and_picks_display_forms() {
        let docs: Vec<Document> = [
            "Officers attacked. The officer's attack!",
            "Attacks on officers rose, 2,500 said.",
        ]
        .iter()
        .map(|t| Document {
            text: t.to_string(),
            ..Default::default()
        })
        .collect();
        let en = Language::english();
        let stop = StopWords::new(en.stop_words());
        let tc = tokenize_corpus(&docs, &en, &stop);
        let v = &tc.vocab;
        let stem_of =
            |w: &str| v.stems[v.surface_stem[v.surface_id(w).unwrap() as usize] as usize].clone();
        assert_eq!(stem_of("attacked"), "attack");
        assert_eq!(stem_of("attacks"), "attack");
        assert_eq!(stem_of("officer"), stem_of("officers"));
        let officer_stem = v.surface_stem[v.surface_id("officers").unwrap() as usize];
        assert_eq!(v.display[officer_stem as usize], "officers");
        // Numbers are not word tokens; stop words are kept but flagged.
        assert_eq!(tc.docs[1].tokens.len(), 5);
        assert!(v.surface_stop[v.surface_id("the").unwrap() as usize]);
        assert_eq!(tc.docs[0].sentences.len(), 2);
    }
}
