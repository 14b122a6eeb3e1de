//! The tables behind every chart, as UTF-8 CSV (no BOM, unless `--excel`
//! asks for one before every table). Numbers are written with fixed
//! decimals so that the same run gives byte-identical files.

mod cell;
mod group_tables;
mod table;

use crate::model::{voice_has_rates, Analysis};
use crate::report::OutputFile;
use cell::Cell;
pub use cell::{from_spreadsheet_safe, spreadsheet_safe, write_text_record};
use table::{f6, h, table, table_per_article};
pub use table::{with_bom, Table, UTF8_BOM};

/// `articles.csv`: one row per article; after the fixed columns, one per
/// metadata key any article has (outlet, byline, section ... from front
/// matter, exports, web pages, table columns or `--metadata`), sorted.
pub fn articles(a: &Analysis) -> OutputFile {
    let keys: Vec<&str> = a
        .articles
        .iter()
        .flat_map(|r| r.meta.keys().map(String::as_str))
        .filter(|k| !matches!(*k, "title" | "date" | "group" | "id" | "source"))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut header = h(&[
        "id",
        "source",
        "title",
        "date",
        "group",
        "words",
        "tokens",
        "types",
        "boilerplate_lines",
        "damaged_characters",
        "sentiment",
        "positive",
        "negative",
        "neutral",
        "threat_balance",
        "sentiment_ci_low",
        "sentiment_ci_high",
        "threat_minus_reassurance_ci_low",
        "threat_minus_reassurance_ci_high",
    ]);
    header.extend(keys.iter().map(|k| k.to_string()));
    table(
        "articles.csv",
        &header,
        a.articles.iter().map(|r| {
            [
                Cell::from(&r.id),
                Cell::from(&r.source),
                Cell::from(&r.title),
                Cell::Text(r.date.as_deref().unwrap_or_default()),
                Cell::Text(r.group.as_deref().unwrap_or_default()),
                Cell::Int(r.words),
                Cell::Int(r.tokens),
                Cell::Int(r.types),
                Cell::Int(r.boilerplate_lines),
                Cell::Int(r.damaged_characters),
                Cell::F4(r.sentiment.compound),
                Cell::F4(r.sentiment.positive),
                Cell::F4(r.sentiment.negative),
                Cell::F4(r.sentiment.neutral),
                Cell::OptF4(r.threat_balance),
                Cell::OptF4(r.sentiment_ci_low),
                Cell::OptF4(r.sentiment_ci_high),
                Cell::OptF4(r.threat_minus_reassurance_ci_low),
                Cell::OptF4(r.threat_minus_reassurance_ci_high),
            ]
            .into_iter()
            .chain(
                keys.iter()
                    .map(|k| Cell::Text(r.meta.get(*k).map(String::as_str).unwrap_or_default())),
            )
        }),
    )
}

/// `removed.csv`: what boilerplate removal took out of each article, one
/// row per piece its `boilerplate_lines` counts (the rule and the text,
/// capped at [`crate::model::removed::REMOVED_TEXT_MAX`] characters); None when nothing was
/// removed (`--keep-boilerplate`, or clean text).
pub fn removed(a: &Analysis) -> Option<OutputFile> {
    if a.articles.iter().all(|r| r.removed.is_empty()) {
        return None;
    }
    Some(table(
        "removed.csv",
        &h(&["article_id", "source", "rule", "text"]),
        a.articles.iter().flat_map(|r| {
            r.removed.iter().map(move |x| {
                [
                    Cell::from(&r.id),
                    Cell::from(&r.source),
                    Cell::Text(x.rule.name()),
                    Cell::from(&x.text),
                ]
            })
        }),
    ))
}

/// `terms.csv`: the top TF-IDF terms of each article.
pub fn terms(a: &Analysis) -> OutputFile {
    table(
        "terms.csv",
        &h(&["article_id", "rank", "term", "stem", "count", "df", "tfidf"]),
        a.articles.iter().flat_map(|r| {
            r.top_terms.iter().map(move |t| {
                [
                    Cell::from(&r.id),
                    Cell::Int(t.rank),
                    Cell::from(&*t.term),
                    Cell::from(&*t.stem),
                    Cell::Int(t.count),
                    Cell::Int(t.df),
                    Cell::F6(t.tfidf),
                ]
            })
        }),
    )
}

/// `frames.csv`: one row per article and frame.
pub fn frames(a: &Analysis) -> OutputFile {
    table(
        "frames.csv",
        &h(&[
            "article_id",
            "frame",
            "hits",
            "per_1k",
            "share",
            "top_terms",
            "ci_low",
            "ci_high",
        ]),
        a.articles.iter().flat_map(|r| {
            r.frames.iter().map(move |f| {
                let mut top = String::new();
                for (i, e) in f.evidence.iter().take(5).enumerate() {
                    use std::fmt::Write;
                    let sep = if i > 0 { "; " } else { "" };
                    let _ = write!(top, "{sep}{} ({})", e.term, e.count);
                }
                [
                    Cell::from(&r.id),
                    Cell::from(&f.frame),
                    Cell::F4(f.hits),
                    Cell::F4(f.per_1k),
                    Cell::F4(f.share),
                    Cell::Own(top),
                    Cell::OptF4(f.ci_low),
                    Cell::OptF4(f.ci_high),
                ]
            })
        }),
    )
}

/// `evidence.csv`: every matched term, per article and frame, with an example sentence.
pub fn evidence(a: &Analysis) -> OutputFile {
    evidence_table(a).into()
}

fn evidence_table(a: &Analysis) -> Table<'_> {
    let marked = a.parameters.show_excluded;
    let mut header = vec![
        "article_id",
        "frame",
        "term",
        "count",
        "example_sentence",
        "entry",
        "weight",
    ];
    if marked {
        header.push("excluded");
    }
    table_per_article("evidence.csv", &h(&header), a, move |r, emit| {
        for f in &r.frames {
            let counted = f.evidence.iter().map(|e| (e, false));
            let dropped = f.excluded.iter().map(|e| (e, true));
            for (e, excluded) in counted.chain(dropped) {
                let row = [
                    Cell::from(&r.id),
                    Cell::from(&f.frame),
                    Cell::from(&e.term),
                    Cell::Int(e.count),
                    Cell::Text(&e.example_sentence),
                    Cell::from(&e.entry),
                    Cell::Own(e.weight.to_string()),
                    Cell::Text(if excluded { "true" } else { "false" }),
                ];
                emit(&mut row.into_iter().take(if marked { 8 } else { 7 }));
            }
        }
    })
}

/// `sentences.csv`: every sentence with its sentiment and frame hits, for
/// close reading; a sentence of 0 words has an empty sentiment, so the mean
/// of an article's cells is its sentiment in articles.csv.
pub fn sentences(a: &Analysis) -> OutputFile {
    sentences_table(a).into()
}

fn sentences_table(a: &Analysis) -> Table<'_> {
    let mut header = h(&["article_id", "sentence_no", "text", "words", "sentiment"]);
    header.extend(a.frames.iter().cloned());
    table_per_article("sentences.csv", &header, a, |r, emit| {
        for s in &r.sentences {
            emit(
                &mut [
                    Cell::from(&r.id),
                    Cell::Int(s.sentence_no),
                    Cell::Text(&s.text),
                    Cell::Int(s.words),
                    // A sentence of 0 words has no part in the article's
                    // sentiment: empty, as voices.csv leaves a voice of 0 words.
                    Cell::OptF4((s.words > 0).then_some(s.sentiment)),
                ]
                .into_iter()
                .chain(s.hits.iter().map(|&x| Cell::F4(x))),
            );
        }
    })
}

/// `clusters.csv`: cluster, map position and nearest neighbour of each article.
pub fn clusters(a: &Analysis) -> Option<OutputFile> {
    let c = a.clustering.as_ref()?;
    Some(table(
        "clusters.csv",
        &h(&[
            "article_id",
            "cluster",
            "cluster_label",
            "silhouette",
            "x",
            "y",
            "nearest_id",
            "nearest_similarity",
        ]),
        c.assignments.iter().map(|s| {
            [
                Cell::from(&s.article_id),
                // 1-based, as the charts, the report and keyness name clusters.
                Cell::Int(s.cluster + 1),
                Cell::from(&s.cluster_label),
                Cell::OptF4(s.silhouette),
                Cell::F6(s.x),
                Cell::F6(s.y),
                Cell::Text(s.nearest_id.as_deref().unwrap_or_default()),
                Cell::OptF4(s.nearest_similarity),
            ]
        }),
    ))
}

/// `similarity.csv`: the full cosine-similarity matrix (small corpora only).
pub fn similarity(a: &Analysis) -> Option<OutputFile> {
    let m = a.clustering.as_ref()?.similarity.as_ref()?;
    let mut header = vec!["article_id".to_string()];
    header.extend(m.ids.iter().cloned());
    Some(table(
        "similarity.csv",
        &header,
        m.ids.iter().zip(&m.values).map(|(id, row)| {
            std::iter::once(Cell::from(id)).chain(row.iter().map(|&x| Cell::F4(x)))
        }),
    ))
}

/// A part's or a voice's sentiment and frame rates: the sentiment empty
/// without words (a missing headline has no score rather than a score of
/// 0), the rates empty unless `rated` (a part with words; a voice that
/// [`voice_has_rates`], as one match in a few words is a rate no article
/// reaches).
fn score_cols<'a>(
    a: &Analysis,
    words: usize,
    rated: bool,
    sentiment: f64,
    per_1k: &'a [f64],
) -> impl Iterator<Item = Cell<'a>> {
    std::iter::once(Cell::OptF4((words > 0).then_some(sentiment))).chain(
        (0..a.frames.len())
            .map(move |c| Cell::OptF4(rated.then(|| per_1k.get(c).copied().unwrap_or(0.0)))),
    )
}

/// `voices.csv`: narration and quoted speech (one row per speaker) of each article.
pub fn voices(a: &Analysis) -> OutputFile {
    let mut header = h(&["article_id", "voice", "speaker", "words", "sentiment"]);
    header.extend(a.frames.iter().cloned());
    table(
        "voices.csv",
        &header,
        a.articles.iter().flat_map(|r| {
            r.voices.iter().map(move |v| {
                [
                    Cell::from(&r.id),
                    Cell::from(&v.voice),
                    Cell::from(&v.speaker),
                    Cell::Int(v.words),
                ]
                .into_iter()
                .chain(score_cols(
                    a,
                    v.words,
                    voice_has_rates(v.words),
                    v.sentiment.compound,
                    &v.per_1k,
                ))
            })
        }),
    )
}

/// `speakers.csv`: every quoted speaker across the corpus.
pub fn speakers(a: &Analysis) -> OutputFile {
    let mut header = h(&["speaker", "articles", "quotes", "words"]);
    header.extend(a.frames.iter().cloned());
    header.push("sentiment".into());
    table(
        "speakers.csv",
        &header,
        a.speakers.iter().map(|s| {
            [
                Cell::from(&s.speaker),
                Cell::Int(s.articles),
                Cell::Int(s.quotes),
                Cell::Int(s.words),
            ]
            .into_iter()
            .chain((0..a.frames.len()).map(|c| {
                Cell::OptF4(
                    voice_has_rates(s.words).then(|| s.per_1k.get(c).copied().unwrap_or(0.0)),
                )
            }))
            .chain([Cell::F4(s.sentiment)])
        }),
    )
}

/// `positions.csv`: headline, lead and body of each article.
pub fn positions(a: &Analysis) -> OutputFile {
    let mut header = h(&["article_id", "part", "words", "sentiment"]);
    header.extend(a.frames.iter().cloned());
    table(
        "positions.csv",
        &header,
        a.articles.iter().flat_map(|r| {
            r.positions.iter().map(move |p| {
                [Cell::from(&r.id), Cell::from(&p.part), Cell::Int(p.words)]
                    .into_iter()
                    .chain(score_cols(
                        a,
                        p.words,
                        p.words > 0,
                        p.sentiment.compound,
                        &p.per_1k,
                    ))
            })
        }),
    )
}

/// `coverage.csv`: per lexicon category (and `(any)`) the word tokens it
/// matches, then the most frequent words no lexicon matches.
pub fn coverage(a: &Analysis) -> OutputFile {
    let c = &a.coverage;
    let cats = c.categories.iter().map(|r| {
        vec![
            "category".to_string(),
            r.category.clone(),
            r.words.to_string(),
            r.articles.to_string(),
            f6(r.share),
        ]
    });
    let words = c.unmatched.iter().map(|w| {
        vec![
            "unmatched".to_string(),
            w.word.clone(),
            w.count.to_string(),
            w.articles.to_string(),
            f6(w.share),
        ]
    });
    table(
        "coverage.csv",
        &h(&["kind", "name", "words", "articles", "share"]),
        cats.chain(words),
    )
}

/// Every CSV table, each handed to `emit` as soon as it is rendered, in a
/// fixed order; one table at a time, so a run never holds two large tables
/// in memory (the largest, evidence and sentences, are themselves rendered
/// in parallel blocks of articles).
pub fn each(
    a: &Analysis,
    emit: &mut dyn FnMut(Table<'_>) -> crate::model::error::Result<()>,
) -> crate::model::error::Result<()> {
    type Make = for<'a> fn(&'a Analysis) -> Vec<Table<'a>>;
    let makers: [Make; 12] = [
        |a| vec![articles(a).into()],
        |a| removed(a).into_iter().map(Table::from).collect(),
        |a| vec![terms(a).into()],
        |a| vec![frames(a).into()],
        |a| vec![evidence_table(a)],
        |a| vec![sentences_table(a)],
        |a| {
            clusters(a)
                .into_iter()
                .chain(similarity(a))
                .map(Table::from)
                .collect()
        },
        |a| vec![voices(a).into()],
        |a| vec![speakers(a).into()],
        |a| vec![positions(a).into()],
        |a| vec![coverage(a).into()],
        |a| group_tables::all(a).into_iter().map(Table::from).collect(),
    ];
    let bom = a.parameters.excel;
    for make in makers {
        for t in make(a) {
            emit(t.with_bom(bom))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RATE_MIN_WORDS;

    #[test]
    fn headers_and_rows() {
        let a = crate::model::example(3);
        let art = String::from_utf8(articles(&a).bytes).unwrap();
        assert!(art.starts_with("id,source,title,date,group,words,tokens,types,boilerplate_lines,damaged_characters,sentiment,positive,negative,neutral,threat_balance,sentiment_ci_low,sentiment_ci_high,threat_minus_reassurance_ci_low,threat_minus_reassurance_ci_high\n"));
        assert_eq!(art.lines().count(), 4);
        let fr = String::from_utf8(frames(&a).bytes).unwrap();
        assert_eq!(fr.lines().count(), 1 + 3 * 7);
        let s = String::from_utf8(sentences(&a).bytes).unwrap();
        assert!(s.lines().next().unwrap().ends_with(
            "threat,reassurance,conflict,responsibility,human_interest,morality,economic"
        ));
        assert!(clusters(&a).is_some());
        assert!(clusters(&crate::model::example(2)).is_none());
    }

    /// `--excel` puts the UTF-8 byte-order mark before every table and
    /// changes nothing else; without it no table starts with one.
    #[test]
    fn excel_writes_a_bom_before_every_table_and_nothing_else() {
        fn render(a: &Analysis) -> Vec<(String, Vec<u8>)> {
            let mut out = Vec::new();
            each(a, &mut |t| {
                out.push((t.name.clone(), OutputFile::from(t).bytes));
                Ok(())
            })
            .unwrap();
            out
        }
        let mut a = crate::model::example(4);
        let plain = render(&a);
        a.parameters.excel = true;
        let excel = render(&a);
        assert!(plain.len() > 10, "{} tables", plain.len());
        assert_eq!(plain.len(), excel.len());
        for ((name, p), (name_x, x)) in plain.iter().zip(&excel) {
            assert_eq!(name, name_x);
            assert!(!p.starts_with(UTF8_BOM), "{name} has a BOM without --excel");
            assert_eq!(&x[..3], [0xEF, 0xBB, 0xBF], "{name}");
            assert_eq!(&x[3..], &p[..], "{name} differs beyond the BOM");
        }
    }

    /// From a review: a sentence of 0 words ("1,200.", ":-)") was written
    /// with a sentiment that the article's mean leaves out. Its cell is
    /// empty, so the mean of the cells is the article's sentiment; its
    /// hits stay (0), so the sentences still sum to the article's counts.
    #[test]
    fn a_sentence_of_no_words_has_no_sentiment_and_the_mean_holds() {
        let mut a = crate::model::example(1);
        let nf = a.frames.len();
        let sentence = |no: usize, words: usize, sentiment: f64| crate::model::SentenceScore {
            sentence_no: no,
            text: "x".into(),
            words,
            sentiment,
            hits: vec![0.0; nf],
        };
        a.articles[0].sentences = vec![
            sentence(1, 8, 0.5),
            sentence(2, 0, 0.36),
            sentence(3, 12, -0.2),
        ];
        let scored: Vec<_> = a.articles[0]
            .sentences
            .iter()
            .map(|s| {
                (
                    crate::model::SentimentSummary {
                        compound: s.sentiment,
                        ..Default::default()
                    },
                    s.words,
                )
            })
            .collect();
        let article = crate::scoring::sentiment::aggregate(&scored).compound;
        let text = String::from_utf8(sentences(&a).bytes).unwrap();
        let cells: Vec<&str> = text
            .lines()
            .skip(1)
            .map(|l| l.split(',').nth(4).unwrap())
            .collect();
        assert_eq!(cells, ["0.5000", "", "-0.2000"]);
        let written: Vec<f64> = cells.iter().filter_map(|c| c.parse().ok()).collect();
        let mean = written.iter().sum::<f64>() / written.len() as f64;
        assert!((mean - article).abs() < 1e-9, "{mean} {article}");
    }

    /// removed.csv has a row per removed piece, named by article, file and
    /// rule; a run that removed nothing writes no file.
    #[test]
    fn removed_rows() {
        use crate::model::removed::{Removal, RemovalRule};
        let mut a = crate::model::example(3);
        assert!(removed(&a).is_none());
        a.articles[1].removed = vec![
            Removal::new(RemovalRule::Line, "Share this"),
            Removal::new(RemovalRule::CrossArticle, "=Sign up, now"),
        ];
        let s = String::from_utf8(removed(&a).unwrap().bytes).unwrap();
        let id = &a.articles[1].id;
        let src = &a.articles[1].source;
        assert_eq!(
            s,
            format!("article_id,source,rule,text\n{id},{src},line,Share this\n{id},{src},cross-article repeat,\"'=Sign up, now\"\n")
        );
    }

    /// A voice or speaker of fewer than RATE_MIN_WORDS words keeps its
    /// sentiment but has no rates: one match in a one-word quote would read
    /// 1,000 per 1,000 words.
    #[test]
    fn short_voices_and_speakers_have_no_rates() {
        use crate::model::{SpeakerScore, VoiceScore};
        let mut a = crate::model::example(1);
        let nf = a.frames.len();
        let voice = |words: usize| VoiceScore {
            voice: "quote".into(),
            speaker: "Jane Roe".into(),
            quotes: 1,
            words,
            hits: vec![1.0; nf],
            per_1k: vec![1000.0 / words as f64; nf],
            ..Default::default()
        };
        a.articles[0].voices = vec![voice(1), voice(RATE_MIN_WORDS)];
        let speaker = |words: usize| SpeakerScore {
            speaker: "Jane Roe".into(),
            words,
            per_1k: vec![1000.0 / words as f64; nf],
            ..Default::default()
        };
        a.speakers = vec![speaker(RATE_MIN_WORDS - 1), speaker(RATE_MIN_WORDS)];
        let v = String::from_utf8(voices(&a).bytes).unwrap();
        let rows: Vec<&str> = v.lines().skip(1).collect();
        let empty = ",".repeat(nf);
        assert!(
            rows[0].ends_with(&format!(",1,0.0000{empty}")),
            "{}",
            rows[0]
        );
        assert!(rows[1].ends_with(",50.0000"), "{}", rows[1]);
        let s = String::from_utf8(speakers(&a).bytes).unwrap();
        let rows: Vec<&str> = s.lines().skip(1).collect();
        assert!(
            rows[0].contains(&format!(",{}{empty},", RATE_MIN_WORDS - 1)),
            "{}",
            rows[0]
        );
        assert!(rows[1].contains(",50.0000,"), "{}", rows[1]);
    }

    #[test]
    fn voices_speakers_positions_headers() {
        let a = crate::model::example(3);
        let frames = "threat,reassurance,conflict,responsibility,human_interest,morality,economic";
        let v = String::from_utf8(voices(&a).bytes).unwrap();
        assert!(v.starts_with(&format!(
            "article_id,voice,speaker,words,sentiment,{frames}\n"
        )));
        let s = String::from_utf8(speakers(&a).bytes).unwrap();
        assert!(s.starts_with(&format!(
            "speaker,articles,quotes,words,{frames},sentiment\n"
        )));
        let p = String::from_utf8(positions(&a).bytes).unwrap();
        assert!(p.starts_with(&format!("article_id,part,words,sentiment,{frames}\n")));
    }

    #[test]
    fn coverage_rows() {
        let mut a = crate::model::example(2);
        a.coverage = crate::model::coverage::Coverage {
            words_total: 10,
            categories: vec![crate::model::coverage::CategoryCoverage {
                category: "economy.positive".into(),
                words: 2,
                articles: 1,
                share: 0.2,
            }],
            unmatched: vec![crate::model::coverage::WordCount {
                word: "police".into(),
                count: 3,
                articles: 2,
                share: 0.3,
            }],
            unmatched_types: 1,
        };
        let s = String::from_utf8(coverage(&a).bytes).unwrap();
        assert_eq!(
            s,
            "kind,name,words,articles,share\ncategory,economy.positive,2,1,0.200000\nunmatched,police,3,2,0.300000\n"
        );
    }
}
