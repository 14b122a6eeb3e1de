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
            let which = if self.a.articles.iter().any(|r| r.group.is_some()) {
                "each group's articles with the highest threat and reassurance scores (the groups taking turns)"
            } else {
                "the articles with the highest threat and reassurance scores"
            };
            let which = if named.is_empty() {
                which.to_string()
            } else {
                let nos: Vec<String> = named.iter().map(|i| format!("#{}", i + 1)).collect();
                format!(
                    "the articles the Findings name ({}) and {which}",
                    nos.join(", ")
                )
            };
            self.para(vec![
                em(format!(
                    "Evidence is shown for {} of {} articles, in article order: {which}; ",
                    int(shown.len()),
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

/// The articles whose evidence is shown, in article order, and which of
/// them are there because the Findings name them. Up to
/// [`MAX_EVIDENCE_ARTICLES`] every article is; beyond, the Findings'
/// articles always (so that every article they quote can be checked here),
/// then each group's most framed articles in turn (see [`most_framed`]), so
/// that every group compared has evidence, not only the first files.
fn evidence_articles(a: &crate::model::Analysis) -> (Vec<usize>, Vec<usize>) {
    let n = a.articles.len();
    if n <= MAX_EVIDENCE_ARTICLES {
        return ((0..n).collect(), Vec::new());
    }
    let mut named: Vec<usize> = a
        .findings
        .items
        .iter()
        .filter(|f| f.article_no >= 1 && f.article_no <= n)
        .map(|f| f.article_no - 1)
        .collect();
    named.sort_unstable();
    named.dedup();
    named.truncate(MAX_EVIDENCE_ARTICLES);
    let mut shown = named.clone();
    let mut queues: Vec<std::collections::VecDeque<usize>> = by_group(a)
        .into_iter()
        .map(|g| most_framed(a, &g).into())
        .collect();
    // One article per group in turn, so that no group fills the room.
    while shown.len() < MAX_EVIDENCE_ARTICLES && queues.iter().any(|q| !q.is_empty()) {
        for q in &mut queues {
            while let Some(i) = q.pop_front() {
                if !shown.contains(&i) {
                    shown.push(i);
                    break;
                }
            }
            if shown.len() == MAX_EVIDENCE_ARTICLES {
                break;
            }
        }
    }
    shown.sort_unstable();
    (shown, named)
}

/// The articles of each group (in the groups' name order, articles without
/// a group last), or all articles as one group when none has a group.
fn by_group(a: &crate::model::Analysis) -> Vec<Vec<usize>> {
    let mut groups: std::collections::BTreeMap<Option<&str>, Vec<usize>> = Default::default();
    for (i, art) in a.articles.iter().enumerate() {
        groups.entry(art.group.as_deref()).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups
        .iter()
        .filter(|(g, _)| g.is_some())
        .map(|(_, v)| v.clone())
        .collect();
    out.extend(groups.get(&None).cloned());
    out
}

/// A group's articles in the order their evidence is worth reading: its
/// most threat-framed article, its most reassurance-framed, the second of
/// each, and so on (per 1,000 words, articles without a match of the frame
/// left out; ties in article order); then its other articles in order.
/// With neither frame in the run, by all frames' matches per 1,000 words.
/// At most [`MAX_EVIDENCE_ARTICLES`], as many as the report shows.
fn most_framed(a: &crate::model::Analysis, articles: &[usize]) -> Vec<usize> {
    let rate = |i: usize, frame: Option<&str>| -> f64 {
        a.articles[i]
            .frames
            .iter()
            .filter(|f| frame.is_none_or(|name| f.frame == name))
            .map(|f| f.per_1k)
            .sum()
    };
    let ranked = |frame: Option<&str>| -> Vec<usize> {
        let mut v: Vec<usize> = articles
            .iter()
            .copied()
            .filter(|&i| rate(i, frame) > 0.0)
            .collect();
        v.sort_by(|&x, &y| rate(y, frame).total_cmp(&rate(x, frame)).then(x.cmp(&y)));
        v
    };
    let present = |name: &str| {
        a.articles
            .iter()
            .any(|r| r.frames.iter().any(|f| f.frame == name))
    };
    let lists: Vec<Vec<usize>> = if present(THREAT) || present(REASSURANCE) {
        [THREAT, REASSURANCE]
            .into_iter()
            .filter(|f| present(f))
            .map(|f| ranked(Some(f)))
            .collect()
    } else {
        vec![ranked(None)]
    };
    // No more than the report can show: a set keeps it linear in a large group.
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let candidates = (0..articles.len())
        .flat_map(|k| lists.iter().filter_map(move |l| l.get(k).copied()))
        .chain(articles.iter().copied());
    for i in candidates {
        if out.len() == MAX_EVIDENCE_ARTICLES {
            break;
        }
        if seen.insert(i) {
            out.push(i);
        }
    }
    out
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

    fn with_threat(mut a: Analysis, rates: &[(usize, f64, &str)]) -> Analysis {
        for &(i, r, frame) in rates {
            a.articles[i].frames.push(crate::model::FrameScore {
                frame: frame.into(),
                per_1k: r,
                ..Default::default()
            });
        }
        a
    }

    #[test]
    fn articles_the_findings_name_always_have_their_evidence() {
        let (shown, named) = evidence_articles(&analysis(300, &[141, 5, 296]));
        assert_eq!(shown.len(), MAX_EVIDENCE_ARTICLES);
        assert!(shown.contains(&140) && shown.contains(&295) && shown.contains(&4));
        assert_eq!(named, vec![4, 140, 295]);
        // Without any frame matched, the rest are the first articles.
        assert_eq!(shown, (0..18).chain([140, 295]).collect::<Vec<_>>());
        let (shown, named) = evidence_articles(&analysis(8, &[3]));
        assert_eq!((shown, named), ((0..8).collect(), vec![]));
    }

    #[test]
    fn the_most_framed_articles_of_every_group_have_evidence() {
        let mut a = with_threat(
            analysis(60, &[]),
            &[
                (50, 9.0, THREAT),
                (51, 4.0, THREAT),
                (40, 2.0, REASSURANCE),
                (3, 1.0, THREAT),
            ],
        );
        // Three groups of 20; the first group would fill the room alone.
        for (i, art) in a.articles.iter_mut().enumerate() {
            art.group = Some(["a", "b", "c"][i / 20].to_string());
        }
        let (shown, named) = evidence_articles(&a);
        assert!(named.is_empty());
        assert_eq!(shown.len(), MAX_EVIDENCE_ARTICLES);
        for i in [50, 51, 40, 3] {
            assert!(shown.contains(&i), "{i} in {shown:?}");
        }
        let per_group = |g: usize| shown.iter().filter(|&&i| i / 20 == g).count();
        assert_eq!((per_group(0), per_group(1), per_group(2)), (7, 7, 6));
        // Within a group: threat first, then reassurance, then the rest in order.
        assert_eq!(
            most_framed(&a, &(40..60).collect::<Vec<_>>())[..4],
            [50, 40, 51, 41]
        );
    }
}
