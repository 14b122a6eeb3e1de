//! A small, hand-made `Analysis` and lexicon entry for the writers' and
//! statistics' tests; not used by the pipeline.

use super::*;

/// A frame lexicon as the report lists it, without measurements, for
/// tests. Not used by the pipeline.
#[doc(hidden)]
pub fn example_lexicon(name: &str, builtin: bool) -> LexiconInfo {
    LexiconInfo {
        name: name.to_string(),
        description: String::new(),
        sources: Vec::new(),
        entries: 1,
        file: format!("lexicons/{name}.txt"),
        kind: "frame".into(),
        builtin,
        sha256: String::new(),
        validity: Vec::new(),
    }
}

/// A small, hand-made `Analysis` for writer tests (charts, reports, CSV):
/// `n` articles, seven frames, two clusters. Not used by the pipeline.
#[doc(hidden)]
pub fn example(n: usize) -> Analysis {
    let frames: Vec<String> = [
        "threat",
        "reassurance",
        "conflict",
        "responsibility",
        "human_interest",
        "morality",
        "economic",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut articles = Vec::new();
    for i in 0..n {
        let id = format!("{:03}_article", i);
        let title = format!(
            "Police chief says city streets are safe despite knife crime rise, part {}",
            i + 1
        );
        let short_title: String = if title.chars().count() > 40 {
            title.chars().take(39).collect::<String>() + "…"
        } else {
            title.clone()
        };
        let words = 400 + 37 * i;
        let fs: Vec<FrameScore> = frames
            .iter()
            .enumerate()
            .map(|(j, f)| {
                let hits = ((i * 7 + j * 3) % 11) as f64;
                FrameScore {
                    frame: f.clone(),
                    hits,
                    per_1k: hits * 1000.0 / words as f64,
                    share: 0.0,
                    evidence: vec![Evidence {
                        term: format!("{}-word", f),
                        entry: f.clone(),
                        count: hits as usize,
                        weight: 1.0,
                        example_sentence: format!(
                            "An example sentence for {} in article {}.",
                            f, i
                        )
                        .into(),
                    }],
                    excluded: Vec::new(),
                    ci_low: Some(hits * 500.0 / words as f64),
                    ci_high: Some(hits * 1500.0 / words as f64),
                }
            })
            .collect();
        let total: f64 = fs.iter().map(|f| f.hits).sum();
        let fs: Vec<FrameScore> = fs
            .into_iter()
            .map(|mut f| {
                f.share = if total > 0.0 { f.hits / total } else { 0.0 };
                f
            })
            .collect();
        let (t, r) = (fs[0].per_1k, fs[1].per_1k);
        let compound = ((i as f64 * 0.37).sin()).clamp(-1.0, 1.0);
        articles.push(ArticleResult {
            id: id.clone(),
            source: format!("seeds/{}.txt", id),
            title,
            short_title,
            words,
            tokens: words / 2,
            types: words / 3,
            sentiment: SentimentSummary {
                compound,
                positive: 0.1,
                negative: 0.12,
                neutral: 0.78,
            },
            threat_balance: (t + r > 0.0).then(|| (t - r) / (t + r)),
            frames: fs,
            top_terms: (0..5)
                .map(|r| TermScore {
                    rank: r + 1,
                    term: format!("term{}_{}", i, r).into(),
                    stem: format!("term{}_{}", i, r).into(),
                    count: 5 - r,
                    df: 1 + r % 3,
                    tfidf: 0.5 / (r + 1) as f64,
                })
                .collect(),
            most_threatening: Some(SentenceRef {
                sentence_no: 2,
                text: "Armed gangs roam the streets.".into(),
                hits: 2.0,
            }),
            most_reassuring: Some(SentenceRef {
                sentence_no: 5,
                text: "There is no cause for alarm, police said.".into(),
                hits: 1.0,
            }),
            sentences: vec![SentenceScore {
                sentence_no: 1,
                text: "Armed gangs roam the streets.".into(),
                words: 5,
                sentiment: -0.4,
                hits: vec![2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
            }],
            ..Default::default()
        });
    }
    let k = if n >= 3 { 2 } else { 0 };
    let clustering = (n >= 3).then(|| Clustering {
        method: "example".into(),
        k,
        k_chosen_by: "silhouette".into(),
        seed: 42,
        n_runs: 10,
        k_scores: vec![KScore {
            k: 2,
            silhouette: 0.31,
        }],
        silhouette: 0.31,
        clusters: (0..k)
            .map(|c| ClusterInfo {
                id: c,
                label: format!("police / knife / crime {}", c),
                label_terms: Vec::new(),
                size: (0..n).filter(|i| i % k == c).count(),
                top_terms: (0..5)
                    .map(|r| WeightedTerm {
                        articles: 1,
                        term: format!("term{}_{}", c, r),
                        stem: format!("term{}_{}", c, r),
                        weight: 0.3 / (r + 1) as f64,
                    })
                    .collect(),
                central_article: format!("{:03}_article", c),
            })
            .collect(),
        assignments: (0..n)
            .map(|i| Assignment {
                article_id: format!("{:03}_article", i),
                cluster: i % k,
                cluster_label: format!("police / knife / crime {}", i % k),
                silhouette: Some(0.3),
                x: (i as f64).cos(),
                y: (i as f64).sin(),
                nearest_id: Some(format!("{:03}_article", (i + 1) % n)),
                nearest_similarity: Some(0.42),
            })
            .collect(),
        similarity: Some(SimilarityMatrix {
            ids: (0..n).map(|i| format!("{:03}_article", i)).collect(),
            values: (0..n)
                .map(|i| {
                    (0..n)
                        .map(|j| {
                            if i == j {
                                1.0
                            } else {
                                0.1 + 0.05 * ((i + j) % 7) as f64
                            }
                        })
                        .collect()
                })
                .collect(),
        }),
        ..Default::default()
    });
    let mut a = Analysis {
        frame_version: env!("FRAME_VERSION").into(),
        frames,
        articles,
        clustering,
        ..Default::default()
    };
    example_voices(&mut a);
    a
}

/// Voices, quotes, speakers and positions for [`example`].
fn example_voices(a: &mut Analysis) {
    let nf = a.frames.len();
    let speakers = ["Ms Dick", "a spokesman", ""];
    let row = |voice: &str, speaker: &str, words: usize, seed: usize| {
        let hits: Vec<f64> = (0..nf).map(|j| ((seed + j * 5) % 7) as f64).collect();
        VoiceScore {
            voice: voice.into(),
            speaker: speaker.into(),
            quotes: usize::from(voice == "quote") * (1 + seed % 3),
            words,
            sentiment: SentimentSummary {
                compound: ((seed as f64) * 0.53).sin() * 0.6,
                ..Default::default()
            },
            sentences: 1 + seed % 4,
            per_1k: hits.iter().map(|h| h * 1000.0 / words as f64).collect(),
            hits,
        }
    };
    for (i, art) in a.articles.iter_mut().enumerate() {
        let quoted = 40 + 11 * (i % 5);
        art.voices = vec![row("narration", "", art.words - quoted, i)];
        for (k, sp) in speakers.iter().enumerate().take(1 + i % 3) {
            art.voices
                .push(row("quote", sp, quoted / (1 + i % 3), i + k + 1));
            art.quotes.push(QuoteInfo {
                speaker: sp.to_string(),
                rule: if sp.is_empty() { "" } else { "X said" }.into(),
                text: "There is no cause for alarm.".into(),
                words: 6,
                written: String::new(),
            });
        }
        art.positions = ["headline", "lead", "body"]
            .iter()
            .enumerate()
            .map(|(k, part)| {
                let v = row(part, "", [10, 35, art.words - 45][k], i + 2 * k);
                PositionScore {
                    part: part.to_string(),
                    words: v.words,
                    sentiment: v.sentiment,
                    hits: v.hits,
                    per_1k: v.per_1k,
                }
            })
            .collect();
    }
    a.speakers = speakers
        .iter()
        .enumerate()
        .filter(|_| !a.articles.is_empty())
        .map(|(k, sp)| SpeakerScore {
            speaker: sp.to_string(),
            articles: a.articles.len(),
            quotes: 2 + k,
            words: 120 - 30 * k,
            hits: vec![1.0; nf],
            per_1k: vec![1000.0 / (120 - 30 * k) as f64; nf],
            sentiment: 0.1 - 0.2 * k as f64,
            sentences: 3,
        })
        .collect();
}
