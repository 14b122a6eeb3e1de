//! The article reader's marks: every match of an article with the frame it
//! counts for, its entry, weight and negator, taken from the scorer's own
//! matching ([`FrameScorer::matches`], [`FrameScorer::negators`],
//! [`FrameScorer::counted_category`]), so a mark is exactly a counted hit
//! and the marks of a frame add up to its score.

use super::matcher::FrameScorer;
use crate::model::reader::{Mark, ReaderText};
use crate::text::tokens::{TokenizedDoc, Vocabulary};
use crate::text::Analyzer;

impl FrameScorer {
    /// Every match of an article after negation, in text order, with byte
    /// spans of `text`.
    pub fn marks(&self, text: &str, doc: &TokenizedDoc, vocab: &Vocabulary) -> Vec<Mark> {
        let (matches, negated, _) = self.counted_matches(Some(text), doc, vocab);
        let ends = word_ends(text, doc, vocab);
        let mut out: Vec<Mark> = matches
            .iter()
            .zip(&negated)
            .map(|(m, neg)| {
                let e = &self.entries[m.entry as usize];
                Mark {
                    start: doc.tokens[m.first].start as usize,
                    end: ends[m.last],
                    entry_frame: e.category,
                    counts_for: self.counted_category(e.category, neg.is_some()),
                    entry: e.text.clone(),
                    weight: e.weight,
                    negator: neg.map(|j| vocab.surfaces[doc.tokens[j].surface as usize].clone()),
                }
            })
            .collect();
        out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end), m.entry_frame));
        out
    }

    /// The reader's view of one article: its text, marks and quote spans.
    pub fn reader_text(&self, text: &str, doc: &TokenizedDoc, vocab: &Vocabulary) -> ReaderText {
        let quotes = super::voices::quotes_in(text, &doc.sentences)
            .into_iter()
            .map(|q| (q.start, q.end))
            .collect();
        ReaderText {
            text: text.to_string(),
            marks: self.marks(text, doc, vocab),
            quotes,
        }
    }
}

/// Byte offset one past each word token: the scoring analyzer run again
/// (as `kwic` does), so its word tokens line up one to one with `doc`'s;
/// if they ever did not, a word ends where its normalised form would.
fn word_ends(text: &str, doc: &TokenizedDoc, vocab: &Vocabulary) -> Vec<usize> {
    let ends: Vec<(usize, usize)> = Analyzer::for_scoring()
        .analyze(text)
        .into_iter()
        .filter(|t| t.kind.counts_as_word())
        .map(|t| (t.start, t.end))
        .collect();
    if ends.len() == doc.tokens.len()
        && ends
            .iter()
            .zip(&doc.tokens)
            .all(|(e, t)| e.0 == t.start as usize)
    {
        return ends.into_iter().map(|e| e.1).collect();
    }
    doc.tokens
        .iter()
        .map(|t| {
            let start = t.start as usize;
            let n = vocab.surfaces[t.surface as usize].chars().count();
            let mut end = start;
            for (k, (i, c)) in text[start..].char_indices().enumerate() {
                if k == n {
                    break;
                }
                end = start + i + c.len_utf8();
            }
            end
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::input::Document;
    use crate::lexicon::Lexicon;
    use crate::model::language::Language;
    use crate::scoring::sentiment::{SentimentAnalyzer, SentimentLexicon};
    use crate::scoring::{FrameScorer, DEFAULT_NEGATION_WINDOW};
    use crate::text::filters::StopWords;
    use crate::text::tokens::tokenize_corpus;

    fn lex(name: &str, entries: &str) -> Lexicon {
        let text = format!("# description: test list\n{entries}");
        crate::lexicon::parse(&text, &format!("{name}.txt"), name).expect("test lexicon parses")
    }

    #[test]
    fn marks_add_up_to_the_scores() {
        let lexicons = vec![
            lex("threat", "attack\ndanger 2\nknife crime\nfear\nalarm\n"),
            lex("reassurance", "safe\nno cause for alarm\ncalm\n"),
            lex("conflict", "clash\nattack\n"),
        ];
        let text = "Police said there was no cause for alarm. The streets are not safe, \
                    and “knife crime is a danger,” she said. There was no clash. \
                    Another attack followed; calm returned. It isn't dangerous.";
        let docs = vec![Document {
            text: text.into(),
            ..Default::default()
        }];
        let en = Language::english();
        let tc = tokenize_corpus(&docs, &en, &StopWords::new(en.stop_words()));
        let scorer = FrameScorer::new(&lexicons, &tc.vocab, &en, DEFAULT_NEGATION_WINDOW);
        let senti = SentimentAnalyzer::new(SentimentLexicon::builtin());
        let scores = scorer.score(text, &tc.docs[0], &tc.vocab, &senti);
        let r = scorer.reader_text(text, &tc.docs[0], &tc.vocab);
        for (c, f) in scores.frames.iter().enumerate() {
            let marked: f64 = r
                .marks
                .iter()
                .filter(|m| m.counts_for == Some(c))
                .map(|m| m.weight)
                .sum();
            assert_eq!(marked, f.hits, "{}", f.frame);
            let n = r.marks.iter().filter(|m| m.counts_for == Some(c)).count();
            assert_eq!(
                n,
                f.evidence.iter().map(|e| e.count).sum::<usize>(),
                "{}",
                f.frame
            );
        }
        let span = |m: &crate::model::reader::Mark| &text[m.start..m.end];
        assert!(r.marks.iter().any(|m| span(m) == "no cause for alarm"));
        let not_safe = r.marks.iter().find(|m| span(m) == "safe").unwrap();
        assert_eq!(not_safe.negator.as_deref(), Some("not"));
        assert_eq!(not_safe.counts_for, Some(0));
        let clash = r.marks.iter().find(|m| span(m) == "clash").unwrap();
        assert_eq!(
            clash.counts_for, None,
            "a negated conflict match is not counted"
        );
        assert_eq!(r.marks.iter().filter(|m| span(m) == "attack").count(), 2);
        assert_eq!(r.quotes.len(), 1);
        assert_eq!(
            &text[r.quotes[0].0..r.quotes[0].1],
            "knife crime is a danger,"
        );
    }
}
