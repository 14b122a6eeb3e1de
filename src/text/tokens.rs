//! The tokenised corpus: every article run through the scoring analyzer once,
//! word forms interned corpus-wide, and each distinct word form stemmed once.
//! Later stages (TF-IDF, scoring) work on ids, never on strings.

use crate::input::Document;
use crate::model::language::Language;
use crate::text::intern::{self, Interner, KeyList};
use crate::text::{filters, filters::StopWords, sentences, words, TokenKind};
use rayon::prelude::*;

/// One word token of an article (numbers, URLs and e-mails are not kept; a
/// damaged word is, as [`words::DAMAGED_FORM`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordToken {
    /// Id of the normalised word form in [`Vocabulary::surfaces`].
    pub surface: u32,
    /// Byte offset in the article text.
    pub start: u32,
}

/// What may stand between two words of a phrase besides spaces: hyphens
/// ("all-clear" for "all clear") and quotation marks ('turned a "blind
/// eye"').
const JOINERS: &[char] = &[
    '-', '\u{2010}', '\u{2011}', '\u{00AD}', '"', '\'', '\u{2018}', '\u{2019}', '\u{201C}',
    '\u{201D}', '\u{201E}', '\u{AB}', '\u{BB}',
];

/// True when `c` can end a word: anything but punctuation.
fn ends_word(c: char) -> bool {
    let general_punctuation = ('\u{2000}'..='\u{206F}').contains(&c);
    let latin_punctuation = matches!(c, '\u{A1}' | '\u{BF}');
    !(c.is_ascii_punctuation() || general_punctuation || latin_punctuation)
}

/// A word form as a reader sees it: an initialism ("u.s", "u.k", "e.g")
/// gets back the final dot the tokeniser leaves out (a word cannot end in
/// punctuation, since that dot usually ends the sentence), so a key term
/// reads "u.s." rather than a cut-off "u.s" that looks like a stem.
pub fn display_form(form: &str) -> String {
    let mut parts = form.split('.');
    let initialism = form.contains('.')
        && parts.all(|p| {
            let mut c = p.chars();
            c.next().is_some_and(char::is_alphabetic) && c.next().is_none()
        });
    if initialism {
        format!("{form}.")
    } else {
        form.to_string()
    }
}

/// One article after tokenisation.
#[derive(Debug, Clone, Default)]
pub struct TokenizedDoc {
    /// Every word token, in text order (stop words included, for negation).
    pub tokens: Vec<WordToken>,
    /// Byte spans of the sentences.
    pub sentences: Vec<(usize, usize)>,
}

// A token's sentence is found from the spans rather than stored with it:
// 8 bytes a token instead of 12 is a third less fresh memory for the
// tokens, and every later stage that walks the tokens reads less.
impl TokenizedDoc {
    /// Words in each sentence (the per-1,000 denominator of a sentence's scores).
    pub fn words_per_sentence(&self) -> Vec<usize> {
        let mut w = vec![0usize; self.sentences.len()];
        for s in self.token_sentences() {
            if let Some(x) = w.get_mut(s) {
                *x += 1;
            }
        }
        w
    }

    /// 0-based sentence of token `i`: the first sentence owns any leading
    /// whitespace, so this counts the later sentences that start at or
    /// before the token.
    pub fn sentence_of(&self, i: usize) -> usize {
        let start = self.tokens[i].start as usize;
        self.sentences
            .get(1..)
            .map_or(0, |rest| rest.partition_point(|s| s.0 <= start))
    }

    /// Byte offset where the sentence after `s` starts (`usize::MAX` after
    /// the last): the tokens of sentence `s` start before it.
    pub fn next_sentence_start(&self, s: usize) -> usize {
        self.sentences.get(s + 1).map_or(usize::MAX, |x| x.0)
    }

    /// True when tokens `i <= j` are in the same sentence.
    pub fn same_sentence(&self, i: usize, j: usize) -> bool {
        (self.tokens[j].start as usize) < self.next_sentence_start(self.sentence_of(i))
    }

    /// True when word tokens `i..=j` read as one run of words in `text`:
    /// one sentence, and only spaces, a hyphen or quotation marks between
    /// each word and the next. A number, a comma or any other mark between
    /// two words breaks the run, since numbers and punctuation are not tokens
    /// ("on 18, edged" is not "on edge"). Without the text, only the sentence
    /// is checked.
    pub fn run_of_words(&self, text: Option<&str>, i: usize, j: usize) -> bool {
        self.run_of_words_with_commas(text, i, j, 0)
    }

    /// [`TokenizedDoc::run_of_words`], where a comma may also stand in the
    /// gaps whose bit is set in `commas` (bit 0: between tokens `i` and
    /// `i + 1`): a phrase written with one ("too little, too late").
    pub fn run_of_words_with_commas(
        &self,
        text: Option<&str>,
        i: usize,
        j: usize,
        commas: u64,
    ) -> bool {
        self.same_sentence(i, j)
            && text.is_none_or(|text| {
                (i..j).all(|k| {
                    let comma = k - i < 64 && commas >> (k - i) & 1 == 1;
                    self.words_touch(text, k, comma)
                })
            })
    }

    /// True when only spaces, a hyphen or quotation marks (and, if `comma`,
    /// a comma) stand between word tokens `k` and `k + 1` of `text` (a
    /// hyphen between spaces is a dash, and breaks).
    fn words_touch(&self, text: &str, k: usize, comma: bool) -> bool {
        let (Some(t), Some(u)) = (self.tokens.get(k), self.tokens.get(k + 1)) else {
            return false;
        };
        let Some(gap) = text.get(t.start as usize..u.start as usize) else {
            return false;
        };
        // What is left once the spaces, hyphens and quotation marks are
        // trimmed from the end is token `k` itself: a word holds no space and
        // does not end in punctuation.
        let word = gap.trim_end_matches(|c: char| {
            c.is_whitespace() || JOINERS.contains(&c) || (comma && c == ',')
        });
        !word.contains(char::is_whitespace)
            && word.chars().next_back().is_some_and(ends_word)
            && !gap.contains(" - ")
    }

    /// The sentence of each token, in token order.
    pub fn token_sentences(&self) -> impl Iterator<Item = usize> + '_ {
        let mut s = 0;
        let mut next = self.next_sentence_start(0);
        self.tokens.iter().map(move |t| {
            while next <= t.start as usize {
                s += 1;
                next = self.next_sentence_start(s);
            }
            s
        })
    }
}

/// Corpus-wide word forms and stems.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// Normalised word forms (lower-case, ASCII apostrophes, no possessive).
    pub surfaces: Vec<String>,
    /// Stem id of each word form.
    pub surface_stem: Vec<u32>,
    /// Whether each word form is a stop word, or the form of damaged words
    /// ([`words::DAMAGED_FORM`]): either way, never a term (TF-IDF, keyness,
    /// collocations, coverage's unmatched words leave them out).
    pub surface_stop: Vec<bool>,
    /// Corpus frequency of each word form.
    pub surface_count: Vec<usize>,
    /// Distinct stems.
    pub stems: Vec<String>,
    /// Display form of each stem: its most frequent word form (ties: alphabetical).
    pub display: Vec<String>,
    index: Interner,
    stem_index: Interner,
}

impl Vocabulary {
    /// Id of a normalised word form, if it occurs in the corpus.
    pub fn surface_id(&self, s: &str) -> Option<u32> {
        self.index.find_str(s, &mut Vec::new())
    }

    /// Id of the form every damaged word has ([`words::DAMAGED_FORM`]), if
    /// the corpus has any.
    pub fn damaged_id(&self) -> Option<u32> {
        self.surface_id(words::DAMAGED_FORM)
    }

    /// Id of a stem, if it occurs in the corpus.
    pub fn stem_id(&self, s: &str) -> Option<u32> {
        self.stem_index.find_str(s, &mut Vec::new())
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

/// A run of consecutive documents tokenised together: word forms interned
/// in a local table, in order of first occurrence, with their counts.
/// Tokens carry local ids until the merge.
struct Chunk<'a> {
    /// The worker's table, reused from run to run.
    forms: &'a mut Interner,
    counts: Vec<u32>,
    docs: Vec<TokenizedDoc>,
}

/// A tokenised run as the merge needs it: its word forms without the table.
struct ChunkOut {
    forms: KeyList,
    counts: Vec<u32>,
    docs: Vec<TokenizedDoc>,
}

/// Scratch buffers reused across the documents of a chunk.
#[derive(Default)]
struct Scratch {
    breaks: Vec<usize>,
    buf: String,
    key: Vec<u64>,
    tokens: Vec<WordToken>,
    sentences: Vec<(usize, usize)>,
}

/// One article through the scoring analyzer: the same tokens as
/// `Analyzer::for_scoring().analyze(text)` restricted to words
/// ([`TokenKind::counts_as_word`]), but without a
/// `String` per token (plain ASCII words are lower-cased straight into hash
/// keys, others go through [`filters::scoring_form`]), with the sentence
/// spans computed once, interned into the chunk's table.
fn tokenize_doc(text: &str, chunk: &mut Chunk, scratch: &mut Scratch) {
    // Tokens and spans are collected in buffers reused across documents and
    // then copied out at their exact size: growing a fresh list per article
    // left it up to half empty, and shrinking it in place (what the allocator
    // does for a shrink of less than half) kept the slack, as fresh memory.
    let Scratch {
        breaks,
        buf,
        key: form_key,
        tokens,
        sentences,
    } = scratch;
    sentences.clear();
    tokens.clear();
    sentences::sentence_spans_into(text, sentences, breaks);
    let bytes = text.as_bytes();
    let max = filters::DropLong::default().max_chars;
    let Chunk { forms, counts, .. } = chunk;
    words::scan_tokens(text, |start, end, kind, plain| {
        let id = if kind == TokenKind::Damaged {
            // Every damaged word is one form, never a term (see `words`).
            let h = intern::key_of(words::DAMAGED_FORM.as_bytes(), form_key);
            forms.intern(form_key, words::DAMAGED_FORM.len(), h).0
        } else if kind != TokenKind::Word {
            return;
        } else if plain {
            // ASCII letters: lower-casing is setting bit 5 of each byte; no
            // apostrophe, so no possessive; chars = bytes for the length cap.
            let len = end - start;
            if len > max {
                return;
            }
            let mut key = [0u64; 8];
            let nw = intern::words_for(len);
            for (j, k) in key.iter_mut().enumerate().take(nw) {
                let at = start + 8 * j;
                let rem = len - 8 * j;
                let w = if at + 8 <= bytes.len() {
                    u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or([0; 8]))
                } else {
                    let mut b = [0u8; 8];
                    b[..rem.min(8)].copy_from_slice(&bytes[at..at + rem.min(8)]);
                    u64::from_le_bytes(b)
                };
                let mask = if rem >= 8 {
                    u64::MAX
                } else {
                    (1u64 << (8 * rem)) - 1
                };
                *k = (w | 0x2020_2020_2020_2020) & mask;
            }
            let h = intern::hash_words(&key[..nw], len);
            forms.intern(&key[..nw], len, h).0
        } else {
            let Some(form) = filters::scoring_form(&text[start..end], buf) else {
                return;
            };
            let h = intern::key_of(form.as_bytes(), form_key);
            forms.intern(form_key, form.len(), h).0
        };
        if id as usize == counts.len() {
            counts.push(0);
        }
        counts[id as usize] += 1;
        tokens.push(WordToken {
            surface: id,
            start: start as u32,
        });
    });
    chunk.docs.push(TokenizedDoc {
        tokens: tokens.to_vec(),
        sentences: sentences.to_vec(),
    });
}

/// Splits `docs` into runs of about `target` bytes of text.
fn chunk_ranges(docs: &[Document], target: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, d) in docs.iter().enumerate() {
        bytes += d.text.len();
        if bytes >= target {
            out.push(start..i + 1);
            start = i + 1;
            bytes = 0;
        }
    }
    if start < docs.len() {
        out.push(start..docs.len());
    }
    out
}

/// Tokenises every document (in parallel, in runs of consecutive documents
/// that each intern their word forms locally), merges the local tables into
/// the vocabulary in document order (so word-form ids follow first
/// occurrence in the corpus), and stems each distinct word form once.
pub fn tokenize_corpus(docs: &[Document], lang: &Language, stop: &StopWords) -> TokenizedCorpus {
    let total: usize = docs.iter().map(|d| d.text.len()).sum();
    // Enough runs to balance the threads, few enough that merging the local
    // tables (one look-up per distinct form of each run) stays small.
    let target = (total / (4 * rayon::current_num_threads().max(1))).clamp(1 << 16, 1 << 22);
    let chunks: Vec<ChunkOut> = chunk_ranges(docs, target)
        .into_par_iter()
        .map_init(
            || {
                (
                    Interner::with_capacity((target / 64).clamp(256, 1 << 16)),
                    Scratch::default(),
                )
            },
            |(forms, scratch), range| {
                let mut chunk = Chunk {
                    forms,
                    counts: Vec::new(),
                    docs: Vec::with_capacity(range.len()),
                };
                for d in &docs[range] {
                    tokenize_doc(&d.text, &mut chunk, scratch);
                }
                ChunkOut {
                    forms: chunk.forms.take_keys(),
                    counts: chunk.counts,
                    docs: chunk.docs,
                }
            },
        )
        .collect();
    let mut vocab = Vocabulary {
        index: Interner::with_capacity(chunks.iter().map(|c| c.forms.len()).max().unwrap_or(0)),
        ..Vocabulary::default()
    };
    // Local ids of a run follow first occurrence within the run, and runs are
    // in document order: adding each run's forms in id order gives global ids
    // in order of first occurrence in the corpus.
    let remaps: Vec<Vec<u32>> = chunks
        .iter()
        .map(|chunk| {
            (0..chunk.forms.len() as u32)
                .map(|l| {
                    let (words, len) = chunk.forms.key(l);
                    let (id, new) = vocab.index.intern(words, len, chunk.forms.hash(l));
                    if new {
                        let bytes = chunk.forms.bytes(l);
                        vocab
                            .surfaces
                            .push(String::from_utf8(bytes).unwrap_or_default());
                        vocab.surface_count.push(0);
                    }
                    vocab.surface_count[id as usize] += chunk.counts[l as usize] as usize;
                    id
                })
                .collect()
        })
        .collect();
    let out_docs: Vec<TokenizedDoc> = chunks
        .into_par_iter()
        .zip(remaps)
        .flat_map_iter(|(chunk, remap)| {
            chunk.docs.into_iter().map(move |mut d| {
                for t in &mut d.tokens {
                    t.surface = remap[t.surface as usize];
                }
                d
            })
        })
        .collect();
    vocab.surface_stop = vocab
        .surfaces
        .par_iter()
        .map(|s| stop.contains(s) || s == words::DAMAGED_FORM)
        .collect();
    // Each distinct word form stemmed once; the stems numbered in order of
    // first occurrence the same way.
    let stemmed: Vec<String> = vocab
        .surfaces
        .par_iter()
        .map_init(|| lang.stemmer(), |st, s| st.stem(s).into_owned())
        .collect();
    let mut stem_index = Interner::with_capacity(stemmed.len());
    let mut key = Vec::new();
    for s in stemmed {
        let h = intern::key_of(s.as_bytes(), &mut key);
        let (id, new) = stem_index.intern(&key, s.len(), h);
        if new {
            vocab.stems.push(s);
        }
        vocab.surface_stem.push(id);
    }
    vocab.stem_index = stem_index;
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
            b.map(|i| display_form(&vocab.surfaces[i as usize]))
                .unwrap_or_default()
        })
        .collect();
    TokenizedCorpus {
        docs: out_docs,
        vocab,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initialisms_keep_their_final_dot() {
        assert_eq!(display_form("u.s"), "u.s.");
        assert_eq!(display_form("e.g"), "e.g.");
        assert_eq!(display_form("u.s.a"), "u.s.a.");
        for kept in ["pic.twitter.com", "officer", "st.louis", "u", "u..s", ".s"] {
            assert_eq!(display_form(kept), kept);
        }
    }

    /// The English token stage over documents of these texts.
    fn tokenized(texts: &[&str]) -> TokenizedCorpus {
        let docs: Vec<Document> = texts
            .iter()
            .map(|t| Document {
                text: t.to_string(),
                ..Default::default()
            })
            .collect();
        let en = Language::english();
        tokenize_corpus(&docs, &en, &StopWords::new(en.stop_words()))
    }

    #[test]
    fn an_initialism_shows_with_its_dot() {
        let tc = tokenized(&["The U.S. said so.", "U.S. officials met in the U.S."]);
        let id = tc.vocab.surface_id("u.s").expect("U.S. is one word") as usize;
        let stem = tc.vocab.surface_stem[id] as usize;
        assert_eq!(tc.vocab.display[stem], "u.s.");
    }

    #[test]
    fn shares_stems_and_picks_display_forms() {
        let tc = tokenized(&[
            "Officers attacked. The officer's attack!",
            "Attacks on officers rose, 2,500 said.",
        ]);
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

    #[test]
    fn a_damaged_word_counts_once_and_is_never_a_term() {
        let text = "Fianna F\u{FFFD}\u{FFFD}il leader in the D\u{FFFD}\u{FFFD}il. \
                    \u{FFFD}ireann \u{FFFD}12.9m deal \u{FFFD} said.";
        let docs = vec![Document {
            text: text.to_string(),
            ..Default::default()
        }];
        let en = Language::english();
        let stop = StopWords::new(en.stop_words());
        let tc = tokenize_corpus(&docs, &en, &stop);
        let v = &tc.vocab;
        let forms: Vec<&str> = tc.docs[0]
            .tokens
            .iter()
            .map(|t| v.surfaces[t.surface as usize].as_str())
            .collect();
        // One word each for the four damaged words (UAX #29 alone made
        // "f", "il", "d", "il", "ireann" and "12.9m" of them); none of the
        // fragments is a word form.
        let d = words::DAMAGED_FORM;
        assert_eq!(
            forms,
            ["fianna", d, "leader", "in", "the", d, d, d, "deal", "said"]
        );
        for fragment in ["f", "il", "d", "ireann", "12.9m"] {
            assert_eq!(v.surface_id(fragment), None, "{fragment}");
        }
        // The damaged form is flagged like a stop word: never a term.
        let id = v.damaged_id().unwrap() as usize;
        assert!(v.surface_stop[id]);
        assert_eq!(v.surface_count[id], 4);
        // The scoring analyzer (which marks and kwic line up with) agrees.
        let analyzed: Vec<String> = crate::text::Analyzer::for_scoring()
            .analyze(text)
            .into_iter()
            .filter(|t| t.kind.counts_as_word())
            .map(|t| t.text)
            .collect();
        assert_eq!(analyzed, forms);
        let starts: Vec<u32> = crate::text::Analyzer::for_scoring()
            .analyze(text)
            .into_iter()
            .filter(|t| t.kind.counts_as_word())
            .map(|t| t.start as u32)
            .collect();
        let token_starts: Vec<u32> = tc.docs[0].tokens.iter().map(|t| t.start).collect();
        assert_eq!(starts, token_starts);
    }

    #[test]
    fn a_run_of_words_has_only_spaces_hyphens_or_quotes_between() {
        let text = "On 18, edged up. On \"edge\"; at war, with all -clear.\nNo\u{2014}risk";
        let docs = vec![Document {
            text: text.to_string(),
            ..Default::default()
        }];
        let en = Language::english();
        let d = &tokenize_corpus(&docs, &en, &StopWords::new(en.stop_words())).docs[0];
        // on edged | edged up | up on | on edge | edge at | at war | war with |
        // with all | all clear | clear no | no risk
        let runs: Vec<bool> = (0..d.tokens.len() - 1)
            .map(|k| d.run_of_words(Some(text), k, k + 1))
            .collect();
        assert_eq!(
            runs,
            [false, true, false, true, false, true, false, true, true, false, false]
        );
        // Without the text only the sentence counts.
        assert!(d.run_of_words(None, 0, 1));
        assert!(!d.run_of_words(None, 2, 3));
    }

    #[test]
    fn finds_each_tokens_sentence_from_the_spans() {
        let text = "  Police came. Then? They left!\nHeadline here\n\nLast words";
        let docs = vec![Document {
            text: text.to_string(),
            ..Default::default()
        }];
        let en = Language::english();
        let stop = StopWords::new(en.stop_words());
        let d = &tokenize_corpus(&docs, &en, &stop).docs[0];
        // Reference: the last sentence whose span starts at or before the
        // token (the first sentence owns the leading whitespace).
        let reference: Vec<usize> = d
            .tokens
            .iter()
            .map(|t| {
                d.sentences
                    .iter()
                    .rposition(|s| s.0 <= t.start as usize)
                    .unwrap_or(0)
            })
            .collect();
        assert!(d.sentences.len() >= 4, "{:?}", d.sentences);
        assert_eq!(d.token_sentences().collect::<Vec<_>>(), reference);
        for i in 0..d.tokens.len() {
            assert_eq!(d.sentence_of(i), reference[i]);
            let (a, b) = d.sentences[reference[i]];
            assert!((a..b).contains(&(d.tokens[i].start as usize)));
            for j in i..d.tokens.len() {
                assert_eq!(
                    d.same_sentence(i, j),
                    reference[i] == reference[j],
                    "{i} {j}"
                );
            }
        }
    }
}
