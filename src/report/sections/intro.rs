//! The opening of the report: the summary with its cautions, and the
//! numbered list of articles used throughout.

use super::builder::{clip, no_clustering_reason, silhouette_words, t, table, Builder, MAX_ROWS};
use crate::lexicon::validity::reassurance_found_share;
use crate::model::{MIN_SENTENCES_TO_LEAD, READER_MAX, REASSURANCE, THREAT};
use crate::report::document::{Block, Cell, Target};
use crate::report::format::{count, int, score3};

/// Articles listed in the report itself; a longer list goes to the appendix.
const MAX_ARTICLES_IN_REPORT: usize = 20;
/// Clusters named in the summary paragraph.
const MAX_CLUSTERS_IN_SUMMARY: usize = 6;

impl<'a> Builder<'a> {
    /// The summary, its cautions and the table of contents.
    pub(super) fn intro(&mut self) {
        let a = self.a;
        let n = self.n();
        let mut p = Vec::new();
        if n == 0 {
            p.push(t("No articles were analysed, so there is nothing to compare. The Method section lists any files that were skipped and why."));
        } else {
            let words: usize = a.articles.iter().map(|x| x.words).sum();
            p.push(t(format!(
                "This report compares {} ({} words in total) for how {} the story. ",
                count(n, "news article", "news articles"),
                int(words),
                if n == 1 { "it frames" } else { "they frame" }
            )));
            if !a.frames.is_empty() {
                p.push(t(format!(
                    "It counts the vocabulary of {} ({}), measures the tone of the wording (sentiment) and groups articles that use similar words. ",
                    count(a.frames.len(), "frame", "frames"),
                    a.frames.join(", ")
                )));
            }
            if n > 1 && a.groups.as_ref().is_none_or(|g| g.groups.len() < 2) {
                p.push(t("The articles form one group, so no outlets or other groups are compared (put each outlet's articles in a subfolder, or name a column with --group-by). "));
            }
            if n > 1 && a.articles.iter().all(|x| x.date.is_none()) {
                p.push(t("No article has a date: to cite one as outlet and date, or to follow the frames over time, give each its date (a date: line in front matter, a file name that starts YYYY-MM-DD, a date column, or --metadata). "));
            }
            if let Some(g) = a.groups.as_ref().filter(|g| g.groups.len() >= 2) {
                let none = crate::stats::groups::NO_GROUP;
                let names: Vec<&str> = g
                    .groups
                    .iter()
                    .map(|x| x.name.as_str())
                    .filter(|&n| n != none)
                    .collect();
                let by = if g.group_by == "group" {
                    "subfolder or group column".to_string()
                } else {
                    g.group_by.clone()
                };
                // The articles without a group are shown, never compared.
                let without = g
                    .groups
                    .iter()
                    .find(|x| x.name == none)
                    .map_or(String::new(), |x| {
                        format!(
                            "; {} without one {} left out of the comparisons",
                            count(x.articles, "article", "articles"),
                            if x.articles == 1 { "is" } else { "are" }
                        )
                    });
                p.push(t(format!(
                    "The articles fall into {} by {} ({}), {} in the findings below{without}. ",
                    count(names.len(), "group", "groups"),
                    by,
                    names.join(", "),
                    if names.len() >= 2 {
                        "compared"
                    } else {
                        "not compared (one group)"
                    }
                )));
            }
            if n > 1 && self.has_frame(THREAT) && self.has_frame(REASSURANCE) {
                let [up, down, even, neither] = leanings(a);
                p.push(t(format!(
                    "{} more threat than reassurance vocabulary, {} more reassurance, {} as much of each, and {} neither. ",
                    capitalise(&count_verb(up, "uses", "use")),
                    int(down),
                    int(even),
                    int(neither)
                )));
                // With reassurance nearly absent the count only sorts the
                // articles by whether they use threat words: say so.
                if let Some((matches, with)) = reassurance_scarce(a) {
                    p.push(t(format!(
                        "Reassurance words are almost absent here ({} in {} of the {} articles), so these counts mostly say which articles use threat words. ",
                        count(matches, "match", "matches"),
                        int(with),
                        int(n)
                    )));
                }
                // The count invites "most articles are threat-framed"; with
                // the default list it leans to threat by construction.
                if a.lexicons
                    .iter()
                    .any(|l| l.name == REASSURANCE && l.builtin)
                {
                    p.push(t(format!(
                        "These counts lean to threat: the default reassurance list finds only about {} reassuring sentences, so they compare vocabularies, not stances. ",
                        reassurance_found_share()
                    )));
                }
            }
            if n == 1 {
                let c = a.articles[0].sentiment.compound;
                if c.is_finite() {
                    p.push(t(format!(
                        "Its overall sentiment (VADER compound score, from -1 very negative to +1 very positive) is {}. ",
                        score3(c)
                    )));
                }
            } else if let Some((li, hi_i, few)) = sentiment_extremes(a) {
                let a_li = &a.articles[li];
                let a_hi = &a.articles[hi_i];
                // Name the extremes for what they are: in a set of negative
                // articles the top one is the least negative, not positive.
                let low = if a_li.sentiment.compound > 0.0 {
                    "least positive"
                } else {
                    "most negative"
                };
                let high = if a_hi.sentiment.compound < 0.0 {
                    "least negative"
                } else {
                    "most positive"
                };
                p.push(t(format!(
                    "Sentiment (VADER compound score, the mean of an article's sentences, from -1 very negative to +1 very positive) is {low} in "
                )));
                p.push(self.article_link(li));
                // The id beside the number: ids that look like numbers
                // ("00708") are easily taken for the report's #n.
                p.push(t(format!(
                    " (id {}: {}) and {high} in ",
                    a_li.id,
                    with_interval(a_li)
                )));
                p.push(self.article_link(hi_i));
                p.push(t(format!(" (id {}: {})", a_hi.id, with_interval(a_hi))));
                // Without intervals (--bootstrap 0) the ranking is by the score.
                let intervals = a.articles.iter().any(|x| x.sentiment_ci_low.is_some());
                p.push(t(if few {
                    ". ".to_string()
                } else if intervals {
                    format!(
                        ", among the articles of at least {MIN_SENTENCES_TO_LEAD} sentences, ranked by the end of the 95% interval nearer 0 so that a short article cannot lead on a sentence or two. "
                    )
                } else {
                    format!(
                        ", among the articles of at least {MIN_SENTENCES_TO_LEAD} sentences, so that a short article cannot lead on a sentence or two. "
                    )
                }));
            }
            match &a.clustering {
                Some(c) => {
                    let names: Vec<String> = c
                        .clusters
                        .iter()
                        .take(MAX_CLUSTERS_IN_SUMMARY)
                        .map(|cl| {
                            format!("“{}” ({})", cl.label, count(cl.size, "article", "articles"))
                        })
                        .collect();
                    let more = c.clusters.len().saturating_sub(MAX_CLUSTERS_IN_SUMMARY);
                    p.push(t(format!(
                        "Grouped by shared vocabulary, the articles form {}: {}{}. The mean silhouette of {} indicates {}.",
                        count(c.k, "cluster", "clusters"),
                        names.join(", "),
                        if more > 0 {
                            format!(" and {} more", int(more))
                        } else {
                            String::new()
                        },
                        score3(c.silhouette),
                        silhouette_words(c.silhouette)
                    )));
                }
                None => p.push(t(no_clustering_reason(n))),
            }
        }
        self.para(p);
        self.findings();
        self.push(Block::Toc);
    }

    /// The "Articles" section.
    pub(super) fn articles(&mut self) {
        self.heading(2, "Articles");
        let a = self.a;
        if a.articles.is_empty() {
            self.para(vec![t("No articles were analysed.")]);
            return;
        }
        let which = if a.articles.len() > READER_MAX {
            format!(" (the first {} articles, and every later one this report names; frame kwic shows any word of the others in context)", int(READER_MAX))
        } else {
            String::new()
        };
        self.para(vec![t(format!("Each article has a number (#) used throughout this report; the id links it to the rows of the CSV files. The rows of articles.csv are in the same order, so #2 is its second row, which need not be the file named 2. A title opens the article in the reader{which}, with every frame word marked; the file each article came from is in articles.csv and in the reader."))]);
        let has_date = a.articles.iter().any(|x| x.date.is_some());
        let has_group = a.articles.iter().any(|x| x.group.is_some());
        let mut header = vec!["#", "Id", "Title", "Words"];
        if has_date {
            header.push("Date");
        }
        if has_group {
            header.push("Group");
        }
        let rows = a
            .articles
            .iter()
            .enumerate()
            .take(MAX_ROWS)
            .map(|(i, art)| {
                let mut r = vec![
                    Cell::num((i + 1).to_string()),
                    Cell::text(&art.id),
                    {
                        let c = Cell::text(clip(&art.title, 160));
                        if self.linkable(i) {
                            c.linked(Target::Article(i))
                        } else {
                            c
                        }
                    },
                    Cell::num(int(art.words)),
                ];
                if has_date {
                    r.push(Cell::num(art.date.clone().unwrap_or_default()));
                }
                if has_group {
                    r.push(Cell::text(art.group.clone().unwrap_or_default()));
                }
                r
            })
            .collect();
        if a.articles.len() > MAX_ARTICLES_IN_REPORT {
            let mut columns = vec!["ids", "titles", "words"];
            if has_date {
                columns.push("dates");
            }
            if has_group {
                columns.push("groups");
            }
            let (last, rest) = columns.split_last().unwrap_or((&"words", &[]));
            self.appendix(
                "List of articles",
                &format!(
                    "The list of articles with their {} and {last}:",
                    rest.join(", ")
                ),
            );
        }
        self.push(Block::Table(table(&header, &[0, 3], rows)));
        self.truncated(MAX_ROWS, a.articles.len(), "articles", "articles.csv");
        self.end_appendix();
    }
}

/// Articles leaning to threat, to reassurance, with as much of each, and
/// with neither (no threat or reassurance word at all).
fn leanings(a: &crate::model::Analysis) -> [usize; 4] {
    let pos = |name: &str| a.frames.iter().position(|f| f == name);
    let (tj, rj) = (pos(THREAT), pos(REASSURANCE));
    let mut out = [0; 4];
    for art in &a.articles {
        let score = |j: Option<usize>| j.and_then(|j| art.frames.get(j)).map_or(0.0, |f| f.per_1k);
        let b = art.threat_balance.unwrap_or(0.0);
        let k = if b > 1e-9 {
            0
        } else if b < -1e-9 {
            1
        } else if score(tj) > 0.0 || score(rj) > 0.0 {
            2
        } else {
            3
        };
        out[k] += 1;
    }
    out
}

/// The most negative and most positive article by sentiment, and whether
/// the pick had to fall back to all articles (none has
/// [`MIN_SENTENCES_TO_LEAD`] sentences). Ranked by the end of the 95%
/// interval nearer 0 where there is one (then the compound, then the
/// first article), so that a two-sentence stub does not lead.
fn sentiment_extremes(a: &crate::model::Analysis) -> Option<(usize, usize, bool)> {
    let long = |art: &crate::model::ArticleResult| {
        art.sentences
            .iter()
            .filter(|s| s.text.chars().any(char::is_alphabetic))
            .count()
            >= MIN_SENTENCES_TO_LEAD
    };
    let few = !a.articles.iter().any(long);
    let candidates: Vec<usize> = (0..a.articles.len())
        .filter(|&i| a.articles[i].sentiment.compound.is_finite())
        .filter(|&i| few || long(&a.articles[i]))
        .collect();
    let key = |i: usize, end: Option<f64>| {
        let c = a.articles[i].sentiment.compound;
        (end.filter(|x| x.is_finite()).unwrap_or(c), c)
    };
    let lo = candidates.iter().copied().min_by(|&x, &y| {
        let (kx, ky) = (
            key(x, a.articles[x].sentiment_ci_high),
            key(y, a.articles[y].sentiment_ci_high),
        );
        kx.0.total_cmp(&ky.0)
            .then(kx.1.total_cmp(&ky.1))
            .then(x.cmp(&y))
    })?;
    let hi = candidates.iter().copied().max_by(|&x, &y| {
        let (kx, ky) = (
            key(x, a.articles[x].sentiment_ci_low),
            key(y, a.articles[y].sentiment_ci_low),
        );
        kx.0.total_cmp(&ky.0)
            .then(kx.1.total_cmp(&ky.1))
            .then(y.cmp(&x))
    })?;
    Some((lo, hi, few))
}

/// An article's compound with its 95% interval when it has one.
fn with_interval(art: &crate::model::ArticleResult) -> String {
    match (art.sentiment_ci_low, art.sentiment_ci_high) {
        (Some(l), Some(h)) => format!(
            "{} [95% interval {}, {}]",
            score3(art.sentiment.compound),
            score3(l),
            score3(h)
        ),
        _ => score3(art.sentiment.compound),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "1 article uses" / "3 articles use".
fn count_verb(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        count(n, "article", "articles"),
        if n == 1 { one } else { many }
    )
}

/// The reassurance matches and the articles holding any, when fewer than
/// one article in ten holds one.
fn reassurance_scarce(a: &crate::model::Analysis) -> Option<(usize, usize)> {
    let j = a.frames.iter().position(|f| f == REASSURANCE)?;
    let hits: Vec<f64> = a
        .articles
        .iter()
        .map(|x| x.frames.get(j).map_or(0.0, |f| f.hits))
        .collect();
    let with = hits.iter().filter(|&&h| h > 0.0).count();
    (with * 10 < a.articles.len()).then(|| (hits.iter().sum::<f64>().round() as usize, with))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{example, SentenceScore};

    /// `n` sentences of one compound each.
    fn sentences(n: usize, compound: f64) -> Vec<SentenceScore> {
        (0..n)
            .map(|i| SentenceScore {
                sentence_no: i + 1,
                text: "A sentence.".into(),
                words: 2,
                sentiment: compound,
                hits: Vec::new(),
            })
            .collect()
    }

    #[test]
    fn a_short_article_does_not_lead_on_sentiment() {
        let mut a = example(4);
        for (i, art) in a.articles.iter_mut().enumerate() {
            art.sentences = sentences(6, 0.0);
            art.sentiment.compound = [-0.2, -0.3, 0.4, 0.1][i];
            art.sentiment_ci_low = Some(art.sentiment.compound - 0.1);
            art.sentiment_ci_high = Some(art.sentiment.compound + 0.1);
        }
        // Article 4: the most negative mean, on two sentences only.
        a.articles[3].sentences = sentences(2, -0.9);
        a.articles[3].sentiment.compound = -0.9;
        a.articles[3].sentiment_ci_low = Some(-0.95);
        a.articles[3].sentiment_ci_high = Some(-0.85);
        assert_eq!(sentiment_extremes(&a), Some((1, 2, false)));
        // An article whose interval stays further from 0 leads even with a
        // slightly higher mean.
        a.articles[0].sentiment_ci_high = Some(-0.25);
        a.articles[1].sentiment_ci_high = Some(-0.05);
        assert_eq!(sentiment_extremes(&a).map(|x| x.0), Some(0));
        // No article long enough: all compete, and the summary says nothing
        // about a minimum.
        for art in &mut a.articles {
            art.sentences = sentences(1, 0.0);
        }
        assert_eq!(sentiment_extremes(&a), Some((3, 2, true)));
    }

    #[test]
    fn even_and_empty_articles_are_counted_apart() {
        let mut a = example(3);
        let (t, r) = (0, 1);
        for (i, art) in a.articles.iter_mut().enumerate() {
            let (x, y) = [(2.0, 2.0), (0.0, 0.0), (3.0, 1.0)][i];
            art.frames[t].per_1k = x;
            art.frames[r].per_1k = y;
            art.threat_balance = (x + y > 0.0).then(|| (x - y) / (x + y));
        }
        assert_eq!(leanings(&a), [1, 0, 1, 1]);
    }

    #[test]
    fn reassurance_in_fewer_than_one_article_in_ten_is_scarce() {
        let mut a = example(20);
        let r = a.frames.iter().position(|f| f == REASSURANCE).unwrap();
        for art in &mut a.articles {
            art.frames[r].hits = 0.0;
        }
        a.articles[4].frames[r].hits = 2.0;
        assert_eq!(reassurance_scarce(&a), Some((2, 1)));
        a.articles[7].frames[r].hits = 1.0;
        assert_eq!(reassurance_scarce(&a), None, "2 of 20 is one in ten");
    }
}
