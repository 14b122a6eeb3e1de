//! The sentences and lexicon matches behind the scores, per article.

use super::builder::{clip, code, em, strong, t, table, Builder};
use crate::model::{REASSURANCE, THREAT};
use crate::report::document::{Block, Cell, Inline, Target};
use crate::report::format::{hits, int, quotable};

/// Articles whose evidence (sentences and matched terms) is quoted.
pub const MAX_EVIDENCE_ARTICLES: usize = 20;
/// Matched terms listed per frame and article in the evidence tables.
pub const MAX_TERMS_PER_FRAME: usize = 8;
/// Longest quoted sentence, in characters, before it is cut with an ellipsis.
pub const MAX_SENTENCE_CHARS: usize = 400;

impl<'a> Builder<'a> {
    /// The "Evidence" section.
    pub(super) fn evidence(&mut self) {
        self.heading(2, "Evidence");
        let a = self.a;
        self.para(vec![
            t("The sentences and words behind the scores, to quote and to check. For each article: the sentence with the most threat words, the sentence with the most reassurance words, and for each frame the words that matched (most frequent first, at most "),
            t(MAX_TERMS_PER_FRAME.to_string()),
            t(" per frame) with the first sentence where each occurs. “Entry” is the lexicon line that matched (a trailing * matches any ending); “Term” is the form of it found most often, and “Count” counts every form the entry matched (an entry matches its word's other endings too: *attack* counts attacks and attacked). All matches are in "),
            code("evidence.csv"),
            t(", all sentences with their scores in "),
            code("sentences.csv"),
            t("."),
        ]);
        if a.articles.is_empty() {
            self.para(vec![t("No articles, so no evidence.")]);
            return;
        }
        let has_threat = self.has_frame(THREAT);
        let has_reass = self.has_frame(REASSURANCE);
        let mut cut_terms = false;
        let (shown, named) = evidence_articles(self.a);
        // Said before the articles, so that a reader looking for one that
        // is not here knows at once where it is.
        if a.articles.len() > shown.len() {
            let first = shown.len() - named.len();
            let which = if named.is_empty() {
                format!("the first {first}")
            } else {
                let nos: Vec<String> = named.iter().map(|i| format!("#{}", i + 1)).collect();
                format!(
                    "the articles the Findings name ({}) and the first {first}",
                    nos.join(", ")
                )
            };
            self.para(vec![
                em(format!(
                    "Evidence is shown for {which} of {} articles; ",
                    int(a.articles.len())
                )),
                code("evidence.csv"),
                em(" and "),
                code("sentences.csv"),
                em(" cover every article."),
            ]);
        }
        for &i in &shown {
            let art = &a.articles[i];
            let title = if art.title.trim().is_empty() {
                art.id.clone()
            } else {
                clip(art.title.trim(), 160)
            };
            self.heading(3, &format!("#{} {}", i + 1, title));
            let mut line = vec![
                em("Id "),
                code(art.id.clone()),
                em(format!(", {} words. ", int(art.words))),
            ];
            if self.linkable(i) {
                line.push(Inline::Link {
                    text: "Read it with its frame words marked".into(),
                    to: Target::Article(i),
                });
                line.push(t("."));
            }
            self.para(line);
            for (present, which, sref) in [
                (has_threat, "threat", &art.most_threatening),
                (has_reass, "reassurance", &art.most_reassuring),
            ] {
                match sref {
                    Some(s) => {
                        self.para(vec![strong(format!(
                            "Most {} sentence",
                            if which == "threat" {
                                "threatening"
                            } else {
                                "reassuring"
                            }
                        ))]);
                        self.push(Block::Quote {
                            source: self.linkable(i).then_some(Target::Article(i)),
                            text: clip(&quotable(&s.text), MAX_SENTENCE_CHARS),
                            cite: format!(
                                "sentence {}, {} {} {}{}",
                                s.sentence_no,
                                hits(s.hits),
                                which,
                                if (s.hits - 1.0).abs() < 1e-9 {
                                    "hit"
                                } else {
                                    "hits"
                                },
                                // As in the Findings: one hit is weak evidence alone.
                                if s.hits < 2.0 {
                                    ": read it in context before quoting it as evidence"
                                } else {
                                    ""
                                }
                            ),
                        });
                    }
                    None if present => {
                        let matched = art.frames.iter().any(|f| f.frame == which && f.hits > 0.0);
                        self.para(vec![em(if matched {
                            format!("No sentence is quoted as its most {}: each of its {which} matches stands where a denial, a contrast or a condition sets it aside (“nobody was put at risk”, “fear rather than reassurance”, “safe to return once …”). The matches still count in its scores.", if which == "threat" { "threatening" } else { "reassuring" })
                        } else {
                            format!("No sentence matched the {which} lexicon.")
                        })])
                    }
                    None => {}
                }
            }
            let mut rows = Vec::new();
            for fs in &art.frames {
                let matched: Vec<_> = fs.evidence.iter().filter(|e| e.count > 0).collect();
                if matched.len() > MAX_TERMS_PER_FRAME {
                    cut_terms = true;
                }
                for e in matched.into_iter().take(MAX_TERMS_PER_FRAME) {
                    rows.push(vec![
                        Cell::text(&fs.frame),
                        Cell::text(&e.term),
                        Cell::text(&e.entry),
                        Cell::num(int(e.count)),
                        Cell::text(clip(e.example_sentence.trim(), MAX_SENTENCE_CHARS)),
                    ]);
                }
            }
            if rows.is_empty() {
                self.para(vec![em("No lexicon term matched in this article.")]);
            } else {
                self.push(Block::Table(table(
                    &["Frame", "Term", "Entry", "Count", "Example sentence"],
                    &[3],
                    rows,
                )));
            }
        }
        if cut_terms {
            self.para(vec![
                em(format!(
                    "Only the {} most frequent terms per frame are shown; the full list is in ",
                    MAX_TERMS_PER_FRAME
                )),
                code("evidence.csv"),
                em("."),
            ]);
        }
    }
}

/// The articles whose evidence is shown, in article order, and which of them
/// are there because the Findings name them (beyond the first ones): the
/// Findings' articles always, so that every article they quote can be
/// checked here, then the first articles up to [`MAX_EVIDENCE_ARTICLES`].
fn evidence_articles(a: &crate::model::Analysis) -> (Vec<usize>, Vec<usize>) {
    let n = a.articles.len();
    let mut named: Vec<usize> = a
        .findings
        .items
        .iter()
        .filter(|f| f.article_no >= 1 && f.article_no <= n)
        .map(|f| f.article_no - 1)
        .collect();
    named.sort_unstable();
    named.dedup();
    // As many first articles as leave room for the named ones beyond them.
    let mut first = MAX_EVIDENCE_ARTICLES.min(n);
    while first > 0 && first + named.iter().filter(|&&i| i >= first).count() > MAX_EVIDENCE_ARTICLES
    {
        first -= 1;
    }
    named.retain(|&i| i >= first);
    let mut shown: Vec<usize> = (0..first).chain(named.iter().copied()).collect();
    shown.sort_unstable();
    (shown, named)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::findings::Finding;
    use crate::model::{Analysis, ArticleResult};

    fn analysis(n: usize, named: &[usize]) -> Analysis {
        let mut a = Analysis {
            articles: (0..n).map(|_| ArticleResult::default()).collect(),
            ..Default::default()
        };
        a.findings.items = named
            .iter()
            .map(|&no| Finding {
                article_no: no,
                ..Default::default()
            })
            .collect();
        a
    }

    #[test]
    fn articles_the_findings_name_always_have_their_evidence() {
        let (shown, named) = evidence_articles(&analysis(300, &[141, 5, 296]));
        assert_eq!(shown.len(), MAX_EVIDENCE_ARTICLES);
        assert!(shown.contains(&140) && shown.contains(&295) && shown.contains(&4));
        assert_eq!(named, vec![140, 295]);
        assert_eq!(&shown[..18], &(0..18).collect::<Vec<_>>()[..]);
        assert_eq!(shown, (0..18).chain([140, 295]).collect::<Vec<_>>());
        let (shown, named) = evidence_articles(&analysis(8, &[3]));
        assert_eq!((shown, named), ((0..8).collect(), vec![]));
    }
}
