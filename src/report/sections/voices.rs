//! Who speaks (narration against quoted speech) and where the frame sits
//! (headline, lead and body).

use super::builder::{clip, code, doc, em, strong, t, table, Builder, MAX_ROWS};
use crate::model::{voice_has_rates, PHRASE_MAX_WORDS, RATE_MIN_WORDS, REASSURANCE, THREAT};
use crate::report::charts;
use crate::report::document::{Block, Cell};
use crate::report::format::{count, fixed, int, per_1k, score3};

/// Quotes shown as attribution examples.
const MAX_QUOTE_EXAMPLES: usize = 12;

/// Pooled per-1,000 score of frame `c` over `rows` of (hits, words); not a
/// number without words (no headline in any article, no quote), so that the
/// table prints "n/a" rather than a rate of 0 that reads as a finding.
fn pooled<'b>(rows: impl Iterator<Item = (&'b [f64], usize)>, c: usize) -> f64 {
    let (mut h, mut w) = (0.0, 0usize);
    for (hits, words) in rows {
        h += hits.get(c).copied().unwrap_or(0.0);
        w += words;
    }
    if w > 0 {
        h * 1000.0 / w as f64
    } else {
        f64::NAN
    }
}

impl<'a> Builder<'a> {
    /// Narration against quotes over all articles together: each frame's
    /// hits per 1,000 words of each voice, the answer for the corpus that
    /// the per-article table and chart leave to the reader to add up.
    fn voices_pooled(&mut self) {
        let a = self.a;
        let voice = |name: &'static str| {
            a.articles
                .iter()
                .flat_map(|r| r.voices.iter())
                .filter(move |v| v.voice == name)
                .map(|v| (v.hits.as_slice(), v.words))
        };
        let (narrated, quoted): (usize, usize) = (
            voice("narration").map(|(_, w)| w).sum(),
            voice("quote").map(|(_, w)| w).sum(),
        );
        if a.frames.is_empty() || narrated == 0 || quoted == 0 {
            return;
        }
        let words: usize = a.articles.iter().map(|r| r.words).sum();
        let whole = |c: usize| {
            let h: f64 = a
                .articles
                .iter()
                .filter_map(|r| r.frames.get(c))
                .map(|f| f.hits)
                .sum();
            if words > 0 {
                h * 1000.0 / words as f64
            } else {
                0.0
            }
        };
        let rows = a
            .frames
            .iter()
            .enumerate()
            .map(|(c, f)| {
                vec![
                    Cell::text(f.replace('_', " ")),
                    Cell::num(per_1k(pooled(voice("narration"), c))),
                    Cell::num(per_1k(pooled(voice("quote"), c))),
                    Cell::num(per_1k(whole(c))),
                ]
            })
            .collect();
        self.para(vec![t(format!(
            "All articles together ({} words of narration, {} quoted), in frame words per 1,000 words of each voice:",
            int(narrated),
            int(quoted)
        ))]);
        self.push(Block::Table(table(
            &["Frame", "Narration", "Quotes", "Both"],
            &[1, 2, 3],
            rows,
        )));
        self.para(vec![em(
            "A frame that is denser in quotes is carried more by the people quoted than by the outlet's own words; quotes include the unattributed ones. These figures pool all words, so Both lies between the two voices; the Frames chart's “All articles” row is the mean of the articles' own rates, in which a short article weighs as much as a long one, so it can differ.",
        )]);
    }

    /// Threat's share of the frame words in headlines against bodies, per
    /// cluster: the Findings give the corpus's difference, an average over
    /// kinds of news that can differ a lot.
    fn threat_share_by_cluster(&mut self, j: usize) {
        let a = self.a;
        let Some(c) = a.clustering.as_ref().filter(|c| c.clusters.len() > 1) else {
            return;
        };
        let of: std::collections::HashMap<&str, usize> = c
            .assignments
            .iter()
            .map(|x| (x.article_id.as_str(), x.cluster))
            .collect();
        // Per cluster: threat and all frame matches in headlines, then in bodies.
        let sums: Vec<[f64; 4]> = (0..c.clusters.len())
            .map(|k| {
                let members = a
                    .articles
                    .iter()
                    .filter(|art| of.get(art.id.as_str()) == Some(&k));
                crate::stats::headline_share::pooled(members, j)
            })
            .collect();
        let parts: Vec<String> = c
            .clusters
            .iter()
            .filter_map(|cl| {
                let x = sums.get(cl.id)?;
                // As for the Findings: each side must expect 5 threat
                // matches at the pooled share, or the difference is noise.
                let pooled = (x[0] + x[2]) / (x[1] + x[3]).max(f64::MIN_POSITIVE);
                let enough =
                    pooled * x[1].min(x[3]) >= crate::model::findings::MIN_EXPECTED_MATCHES;
                (x[1] > 0.0 && x[3] > 0.0 && enough).then(|| {
                    let d = 100.0 * (x[0] / x[1] - x[2] / x[3]);
                    format!(
                        "{} “{}” {}{}",
                        cl.id + 1,
                        cl.label,
                        if d > 0.0 { "+" } else { "" },
                        fixed(d, 1)
                    )
                })
            })
            .collect();
        if parts.is_empty() {
            return;
        }
        self.para(vec![t(format!(
            "Threat's share of the frame words, headlines minus bodies, in percentage points by cluster (the Findings give all articles together, with its interval; a cluster whose headlines would expect fewer than 5 threat words is left out): cluster {}.",
            parts.join("; cluster ")
        ))]);
    }

    /// The frames shown in the compact tables: threat and reassurance when
    /// present, else the first two.
    pub(super) fn key_frames(&self) -> Vec<(usize, String)> {
        let f = &self.a.frames;
        let named: Vec<(usize, String)> = [THREAT, REASSURANCE]
            .iter()
            .filter_map(|n| f.iter().position(|x| x == n).map(|i| (i, n.to_string())))
            .collect();
        if named.is_empty() {
            f.iter().take(2).cloned().enumerate().collect()
        } else {
            named
        }
    }

    /// The "Who speaks" section: narration against quotes, speakers, attribution samples.
    pub(super) fn voices(&mut self) {
        self.heading(2, "Who speaks: narration and quotes");
        let a = self.a;
        self.explain(vec![
            strong("How to read this. "),
            t("Every article is split into quoted speech and the outlet's own narration (everything outside quotes), and both are scored like whole articles, per 1,000 words of that voice. Quotes are text in double quotes (“…” or \"…\"), including quotes that run over several paragraphs the newspaper way (an opening mark on each paragraph, a closing mark only at the end), and single quotes (‘…’) where they cannot be apostrophes. "),
            t(format!("A phrase of at most {PHRASE_MAX_WORDS} words in quotation marks that no pattern gives a speaker (scare quotes such as the so-called “experts”, a title, a nickname) is the outlet's own wording, not a quote: it counts as narration. ")),
            t("Each quote is attributed to a speaker by simple patterns: "),
            em("“…,” said X"),
            t(", "),
            em("“…,” X said"),
            t(", "),
            em("X told the BBC: “…”"),
            t(", "),
            em("X added: “…”"),
            t(", "),
            em("according to X"),
            t(" and "),
            em("X: “…”"),
            t(" (more speech verbs are listed in "),
            doc("docs/user-guide.md"),
            t(", “Who speaks, and where”). "),
            strong("He"),
            t(", "),
            strong("she"),
            t(" and "),
            strong("they"),
            t(" stand for the last person named as speaking before the quote in the same article. Within an article a short form takes the full name the article gave before it (“Ms Smith” after “Jane Smith said” is Jane Smith, and titles go: “Sen. Jane Smith” is Jane Smith); “the president” is the one person the article calls President before a name, and stays as written where it names two or none. Across articles only the same spelling is one speaker, so a role left as written (“the ministry”) gathers several articles' holders: read it as a kind of source ("),
            code("speakers.csv"),
            t("). Narration and quotes together make up the whole article, so their words and hits add up to the article's."),
        ]);
        self.chart(&charts::voices::CHART);
        if a.articles.is_empty() {
            return;
        }
        let keys = self.key_frames();
        let quoted: usize = a
            .articles
            .iter()
            .flat_map(|r| r.voices.iter())
            .filter(|v| v.voice == "quote")
            .map(|v| v.words)
            .sum();
        let quotes: usize = a.articles.iter().map(|r| r.quotes.len()).sum();
        let attributed: usize = a
            .articles
            .iter()
            .flat_map(|r| r.quotes.iter())
            .filter(|q| !q.speaker.is_empty())
            .count();
        self.para(vec![t(format!(
            "{} found in {}; {} of them attributed to a speaker; {} quoted words ({} of all words).",
            count(quotes, "quote", "quotes"),
            count(a.articles.len(), "article", "articles"),
            int(attributed),
            int(quoted),
            if a.vocabulary.words_total > 0 {
                format!(
                    "{}%",
                    fixed(100.0 * quoted as f64 / a.vocabulary.words_total as f64, 1)
                )
            } else {
                "n/a".into()
            }
        ))]);
        self.voices_pooled();
        self.appendix(
            "Voices by article and speaker",
            "Narration against quotes in each article, every quoted speaker, and the attributions to check:",
        );
        let mut header: Vec<String> = vec![
            "#".into(),
            "Article".into(),
            "Narration words".into(),
            "Quoted words".into(),
            "Speakers".into(),
        ];
        for (_, f) in &keys {
            header.push(format!("{f}: narration"));
            header.push(format!("{f}: quotes"));
        }
        let rows: Vec<Vec<Cell>> = a
            .articles
            .iter()
            .enumerate()
            .take(MAX_ROWS)
            .map(|(i, art)| {
                let narr: Vec<&crate::model::VoiceScore> = art
                    .voices
                    .iter()
                    .filter(|v| v.voice == "narration")
                    .collect();
                let qs: Vec<&crate::model::VoiceScore> =
                    art.voices.iter().filter(|v| v.voice == "quote").collect();
                let speakers = qs.iter().filter(|v| !v.speaker.is_empty()).count();
                let mut row = vec![
                    Cell::num((i + 1).to_string()),
                    self.article_cell(i),
                    Cell::num(int(narr.iter().map(|v| v.words).sum())),
                    Cell::num(int(qs.iter().map(|v| v.words).sum())),
                    Cell::num(int(speakers)),
                ];
                for &(c, _) in &keys {
                    row.push(Cell::num(per_1k(pooled(
                        narr.iter().map(|v| (v.hits.as_slice(), v.words)),
                        c,
                    ))));
                    row.push(Cell::num(per_1k(pooled(
                        qs.iter().map(|v| (v.hits.as_slice(), v.words)),
                        c,
                    ))));
                }
                row
            })
            .collect();
        let h: Vec<&str> = header.iter().map(String::as_str).collect();
        let numeric: Vec<usize> = (0..h.len()).filter(|&i| i != 1).collect();
        self.push(Block::Table(table(&h, &numeric, rows)));
        self.truncated(MAX_ROWS, a.articles.len(), "articles", "voices.csv");

        self.heading(3, "Speakers");
        if a.speakers.is_empty() {
            self.para(vec![t("No quotes were found.")]);
            return;
        }
        self.para(vec![
            t("Quoted speakers across the corpus, most quoted words first (grouped ignoring upper and lower case; unattributed quotes last). Scores are per 1,000 quoted words of the speaker; sentiment is the mean compound score of their quoted sentences. Few words make a speaker's scores unstable: read them with the word count; a speaker quoted in fewer than "),
            t(RATE_MIN_WORDS.to_string()),
            t(" words has no scores (–), as one frame word in a few would score far above any article."),
        ]);
        let mut header: Vec<String> = vec![
            "Speaker".into(),
            "Articles".into(),
            "Quotes".into(),
            "Words".into(),
        ];
        header.extend(keys.iter().map(|(_, f)| f.clone()));
        header.push("Sentiment".into());
        let rows: Vec<Vec<Cell>> = a
            .speakers
            .iter()
            .take(MAX_ROWS)
            .map(|sp| {
                let name = if sp.speaker.is_empty() {
                    "(unattributed)".to_string()
                } else {
                    sp.speaker.clone()
                };
                let mut row = vec![
                    Cell::text(name),
                    Cell::num(int(sp.articles)),
                    Cell::num(int(sp.quotes)),
                    Cell::num(int(sp.words)),
                ];
                for &(c, _) in &keys {
                    // Under RATE_MIN_WORDS words a rate is one match's
                    // accident: the table gives none, as speakers.csv.
                    row.push(Cell::num(if voice_has_rates(sp.words) {
                        per_1k(sp.per_1k.get(c).copied().unwrap_or(0.0))
                    } else {
                        "–".to_string()
                    }));
                }
                row.push(Cell::num(score3(sp.sentiment)));
                row
            })
            .collect();
        let h: Vec<&str> = header.iter().map(String::as_str).collect();
        let numeric: Vec<usize> = (1..h.len()).collect();
        self.push(Block::Table(table(&h, &numeric, rows)));
        self.truncated(MAX_ROWS, a.speakers.len(), "speakers", "speakers.csv");

        self.heading(3, "Check the attributions");
        self.para(vec![
            t("Attribution is pattern matching, not understanding: read a sample before relying on the speaker table. The first quotes of the corpus with the rule that named their speaker (every quote is in "),
            code("analysis.json"),
            t(", under each article's "),
            code("quotes"),
            t("):"),
        ]);
        let rows: Vec<Vec<Cell>> = a
            .articles
            .iter()
            .enumerate()
            .flat_map(|(i, art)| art.quotes.iter().map(move |q| (i, q)))
            .take(MAX_QUOTE_EXAMPLES)
            .map(|(i, q)| {
                vec![
                    self.number_cell(i),
                    Cell::text(if q.speaker.is_empty() {
                        "(unattributed)".to_string()
                    } else if q.written.is_empty() {
                        q.speaker.clone()
                    } else {
                        format!("{} (written “{}”)", q.speaker, q.written)
                    }),
                    Cell::text(if q.rule.is_empty() {
                        "–"
                    } else {
                        q.rule.as_str()
                    }),
                    Cell::text(clip(&q.text, 160)),
                ]
            })
            .collect();
        self.push(Block::Table(table(
            &["#", "Speaker", "Rule", "Quote"],
            &[0],
            rows,
        )));
    }

    /// The "Where the frame sits" section: headline, lead and body.
    pub(super) fn positions(&mut self) {
        self.heading(2, "Where the frame sits: headline, lead and body");
        let a = self.a;
        self.explain(vec![
            strong("How to read this. "),
            t("Headlines and leads carry the frame, so each article is scored in three parts. The "),
            strong("headline"),
            t(" is the article's title, scored on its own; its line is not part of the lead or body, nor is a later line that repeats it. When the title is a line of more than 30 words the file has no headline (the title is really the opening paragraph): the headline then has 0 words. The "),
            strong("lead"),
            t(" is the first paragraph after the headline with at least 10 words (shorter lines are labels, bylines and captions, and count as body); when the paragraphs were lost (one block of text, or a first paragraph of more than 150 words) it is the opening sentences up to word 50. The "),
            strong("body"),
            t(" is the rest. Scores are per 1,000 words of the part, so a 10-word headline with one threat word scores 100: compare parts across articles, and remember how few words a headline has."),
        ]);
        if a.articles.is_empty() {
            return;
        }
        let keys = self.key_frames();
        let parts = ["headline", "lead", "body"];
        // Threat's share of the frame words, the figure the Findings compare
        // between headlines and bodies (rates per word favour headlines).
        let threat_share = a
            .frames
            .iter()
            .position(|f| f == THREAT)
            .filter(|_| a.frames.len() > 1);
        let header: Vec<String> = std::iter::once("Measure".to_string())
            .chain(parts.iter().map(|p| p.to_string()))
            .collect();
        let by_part: Vec<Vec<Cell>> = parts
            .iter()
            .map(|part| {
                let ps: Vec<&crate::model::PositionScore> = a
                    .articles
                    .iter()
                    .flat_map(|r| r.positions.iter())
                    .filter(|p| p.part == *part && p.words > 0)
                    .collect();
                let n = ps.len();
                let mean = |f: &dyn Fn(&crate::model::PositionScore) -> f64| {
                    if n > 0 {
                        ps.iter().map(|p| f(p)).sum::<f64>() / n as f64
                    } else {
                        f64::NAN
                    }
                };
                let mut row = vec![
                    Cell::num(int(n)),
                    Cell::num(fixed(mean(&|p| p.words as f64), 1)),
                    Cell::num(score3(mean(&|p| p.sentiment.compound))),
                ];
                for c in 0..a.frames.len() {
                    row.push(Cell::num(per_1k(pooled(
                        ps.iter().map(|p| (p.hits.as_slice(), p.words)),
                        c,
                    ))));
                }
                if let Some(j) = threat_share {
                    // Over the articles with a headline and a body, as the
                    // Findings compare them, so that both give one figure.
                    let both: Vec<&crate::model::PositionScore> = a
                        .articles
                        .iter()
                        .filter(|r| crate::stats::headline_share::has_both(r))
                        .flat_map(|r| r.positions.iter())
                        .filter(|p| p.part == *part && p.words > 0)
                        .collect();
                    let of = |k: Option<usize>| -> f64 {
                        both.iter()
                            .map(|p| match k {
                                Some(k) => p.hits.get(k).copied().unwrap_or(0.0),
                                None => p.hits.iter().sum(),
                            })
                            .sum()
                    };
                    let all = of(None);
                    row.push(Cell::num(if all > 0.0 {
                        format!("{}%", fixed(100.0 * of(Some(j)) / all, 1))
                    } else {
                        "n/a".into()
                    }));
                }
                row
            })
            .collect();
        // Transposed (one column per part), so that many frames make the
        // table longer, not wider than the page.
        let names: Vec<String> = ["Articles with it", "Mean words", "Mean sentiment"]
            .iter()
            .map(|s| s.to_string())
            .chain(a.frames.iter().map(|f| format!("{f} per 1,000")))
            .chain(threat_share.map(|_| {
                format!("{THREAT}: share of all frame words (articles with a headline and a body)")
            }))
            .collect();
        let rows: Vec<Vec<Cell>> = names
            .iter()
            .enumerate()
            .map(|(r, name)| {
                std::iter::once(Cell::text(name))
                    .chain(by_part.iter().map(|col| col[r].clone()))
                    .collect()
            })
            .collect();
        self.para(vec![t("All articles together (frame scores pooled: all headline words of the corpus together, and so on; n/a where no article has the part; the share of threat is over the articles that have both a headline and a body, as the Findings compare them):")]);
        let h: Vec<&str> = header.iter().map(String::as_str).collect();
        let numeric: Vec<usize> = (1..h.len()).collect();
        self.push(Block::Table(table(&h, &numeric, rows)));
        let not_compared =
            a.findings.items.iter().filter(|x| {
                x.kind == crate::model::findings::HEADLINE_VS_BODY && x.value_a.is_none()
            });
        for x in not_compared {
            self.para(vec![t(x.text.clone())]);
        }
        if let Some(j) = threat_share {
            self.threat_share_by_cluster(j);
        }
        self.appendix(
            "Headline, lead and body by article",
            "The parts of every article, scored separately:",
        );
        let mut header: Vec<String> = vec!["#".into(), "Article".into()];
        for (_, f) in &keys {
            for part in parts {
                header.push(format!("{f}: {part}"));
            }
        }
        for part in parts {
            header.push(format!("sentiment: {part}"));
        }
        let rows: Vec<Vec<Cell>> = a
            .articles
            .iter()
            .enumerate()
            .take(MAX_ROWS)
            .map(|(i, art)| {
                let get = |part: &str| art.positions.iter().find(|p| p.part == part);
                let mut row = vec![Cell::num((i + 1).to_string()), self.article_cell(i)];
                for &(c, _) in &keys {
                    for part in parts {
                        row.push(Cell::num(match get(part) {
                            Some(p) if p.words > 0 => {
                                per_1k(p.per_1k.get(c).copied().unwrap_or(0.0))
                            }
                            _ => "–".into(),
                        }));
                    }
                }
                for part in parts {
                    row.push(Cell::num(match get(part) {
                        Some(p) if p.words > 0 => score3(p.sentiment.compound),
                        _ => "–".into(),
                    }));
                }
                row
            })
            .collect();
        let h: Vec<&str> = header.iter().map(String::as_str).collect();
        let numeric: Vec<usize> = (0..h.len()).filter(|&i| i != 1).collect();
        self.push(Block::Table(table(&h, &numeric, rows)));
        self.truncated(MAX_ROWS, a.articles.len(), "articles", "positions.csv");
    }
}
