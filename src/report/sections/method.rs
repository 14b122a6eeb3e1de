//! How the run was made: parameters, formulas, clustering, lexicons,
//! input files, what was skipped, and how to cite it.

use super::builder::{
    clip, code, doc, k_choice, no_clustering_reason, t, table, version_label, Builder, MAX_ROWS,
};
use crate::lexicon::validity::{
    reassurance_found_share, EXPLORATORY_BELOW, HIGH_THREAT_PER_1K, LOW_THREAT_PER_1K,
    OWN_DEFINITION,
};
use crate::model::findings::MIN_EXPECTED_MATCHES;
use crate::model::{FrameValidity, REASSURANCE, THREAT};
use crate::report::docs::name_of;
use crate::report::document::{Block, Cell, Inline, Target};
use crate::report::format::{count, fixed, int};
use crate::report::glossary::parameter_rows;

impl<'a> Builder<'a> {
    /// The "Method" section.
    pub(super) fn method(&mut self) {
        self.heading(2, "Method");
        let a = self.a;
        let version = version_label(&a.frame_version);
        self.para(vec![
            t(format!(
                "Analysed with frame {}. Everything below is also in ",
                version
            )),
            code("analysis.json"),
            t(", so the run can be repeated and checked. How frame counts, scores and compares, with its references, is set out in "),
            doc("docs/methods.md"),
            t(", and how far each list agrees with human coding in "),
            doc("docs/validity.md"),
            t(" (copies of frame's documents, in this folder)."),
        ]);

        self.heading(3, "Parameters");
        let mut rows: Vec<Vec<Cell>> = parameter_rows(&a.parameters)
            .into_iter()
            .map(|(k, v, m)| {
                let v = if k == "k" { k_value(a, v) } else { v };
                vec![Cell::text(k), Cell::text(v), Cell::text(m)]
            })
            .collect();
        // Fixed settings (not options) that still shape the results.
        if let Some(g) = &a.groups {
            rows.push(vec![
                Cell::text("group_bootstrap_resamples"),
                Cell::text(g.resamples.to_string()),
                Cell::text(format!(
                    "Bootstrap resamples (fixed) behind the {}% confidence interval of each group's mean; seeded with seed.",
                    (g.confidence * 100.0).round()
                )),
            ]);
        }
        self.push(Block::Table(table(
            &["Parameter", "Value", "Meaning"],
            &[],
            rows,
        )));

        self.heading(3, "TF-IDF");
        let tf = a.parameters.tf.to_ascii_lowercase();
        let tf_formula = if matches!(tf.as_str(), "raw" | "count" | "counts" | "linear") {
            "tf = count (the raw number of times the stem occurs in the article)".to_string()
        } else if matches!(tf.as_str(), "" | "log" | "sublinear" | "log1p") {
            "tf = 1 + ln(count) (count = times the stem occurs in the article; the logarithm dampens repetition, so the tenth use of a word adds less than the second)".to_string()
        } else {
            format!(
                "tf set to “{}” (frame's options are 1 + ln(count), the default, or the raw count)",
                a.parameters.tf
            )
        };
        let idf = a.parameters.idf.to_ascii_lowercase();
        let idf_formula = if matches!(idf.as_str(), "none" | "off" | "no" | "false" | "raw") {
            "idf not applied (every stem weighs the same whatever its spread across articles)"
                .to_string()
        } else {
            "idf = ln((1 + n) / (1 + df)) + 1, where n is the number of articles and df the number of articles containing the stem (rare stems weigh more; the +1 terms keep every weight positive)".to_string()
        };
        self.push(Block::List(vec![
            vec![t("Each article becomes a vector with one weight per vocabulary stem: "), code("weight = tf × idf"), t(".")],
            vec![code(tf_formula)],
            vec![code(idf_formula)],
            vec![t("Each article's vector is then divided by its length (L2 normalisation), so long and short articles are comparable and cosine similarity is a plain dot product.")],
            vec![t(format!(
                "Vocabulary: {} distinct stems in {} words; {} kept after min_df, max_df and max_features.",
                int(a.vocabulary.types_total),
                int(a.vocabulary.words_total),
                int(a.vocabulary.types_kept)
            ))],
        ]));

        self.heading(3, "Frame scores");
        self.para(vec![
            t("A frame's score counts the article's words that match an entry of the frame's lexicon, divided by the article's word count and multiplied by 1,000: "),
            code("per_1k = hits / words × 1000"),
            t(format!(
                ", where each match counts with its entry's weight: 1 unless the lexicon file gives another (in the default lists a few unambiguous entries such as “massacre” and “terror*”, and reassurance's set phrases such as “no cause for alarm”, weigh 2), so the hits can outnumber the marked words. A reassurance match preceded within {} words by a negation counts as threat; a negated match of another frame, threat included, is not counted. A reassurance match after if, unless, until, whether, hope or wish in its clause (within {} words), or in a question, is not counted: it makes safety a condition or a question, not a statement. Threat balance = ",
                a.parameters.negation_window,
                a.parameters.condition_window
            )),
            code("(threat - reassurance) / (threat + reassurance)"),
            t(" on the per-1,000 scores; none (empty in articles.csv, null in analysis.json) when both are 0, so that an article with neither is not averaged in as balanced."),
        ]);

        self.validity();

        self.heading(3, "Clustering");
        match &a.clustering {
            Some(c) => {
                let mut items = Vec::new();
                if !c.method.trim().is_empty() {
                    items.push(vec![t(c.method.trim().to_string())]);
                }
                items.push(vec![t(k_choice(c))]);
                items.push(vec![t(format!(
                    "Random seed {}, {} per k; the best run (lowest within-cluster distance) is kept.",
                    c.seed,
                    count(c.n_runs, "k-means restart", "k-means restarts")
                ))]);
                items.push(vec![t(match c.reduced_dims {
                    Some(d) => format!(
                        "Vectors were reduced to {} dimensions before clustering.",
                        int(d)
                    ),
                    None => "Vectors were clustered without dimension reduction.".to_string(),
                })]);
                let space = match c.reduced_dims {
                    Some(d) => format!("the {} reduced dimensions the articles were clustered in, so it differs a little from one computed on the full cosine similarities of similarity.csv", int(d)),
                    None => "the TF-IDF vectors the articles were clustered in".to_string(),
                };
                items.push(vec![t(match c.silhouette_sample {
                    Some(s) => format!("Silhouette computed on a sample of {} articles, with cosine distance in {space}.", int(s)),
                    None => format!("Silhouette computed on all articles, with cosine distance in {space}."),
                })]);
                self.push(Block::List(items));
            }
            None => self.para(vec![t(no_clustering_reason(self.n()))]),
        }

        self.heading(3, "Lexicons");
        if a.lexicons.is_empty() {
            self.para(vec![t("No lexicon details were recorded.")]);
        } else {
            self.para(vec![t(format!(
                "The word lists change between versions of frame: their SHA-256 fingerprints (in full in analysis.json) name the exact lists this run used, and {} stands for all of them together.",
                lexicon_set_fingerprint(&a.lexicons)
            ))]);
            let rows = a
                .lexicons
                .iter()
                .map(|l| {
                    vec![
                        Cell::text(&l.name),
                        Cell::text(&l.kind),
                        Cell::num(int(l.entries)),
                        Cell::text(&l.file),
                        hash_cell(&l.sha256),
                        Cell::text(&l.description),
                        Cell::text(l.sources.join("; ")),
                    ]
                })
                .collect();
            self.push(Block::Table(table(
                &[
                    "Name",
                    "Kind",
                    "Entries",
                    "File",
                    "SHA-256",
                    "Description",
                    "Sources",
                ],
                &[2],
                rows,
            )));
        }

        self.heading(3, "Input files");
        if a.inputs.is_empty() {
            self.para(vec![t("No input files were recorded.")]);
        } else {
            self.para(vec![t("SHA-256 fingerprints identify the exact bytes analysed: if a file changes, so does its fingerprint.")]);
            let rows = a
                .inputs
                .iter()
                .take(MAX_ROWS)
                .map(|r| {
                    vec![
                        Cell::text(&r.path),
                        hash_cell(&r.sha256),
                        Cell::num(int(r.bytes as usize)),
                    ]
                })
                .collect();
            self.push(Block::Table(table(
                &["Path", "SHA-256", "Bytes"],
                &[2],
                rows,
            )));
            self.truncated(MAX_ROWS, a.inputs.len(), "input files", "analysis.json");
        }

        self.heading(3, "Skipped and warnings");
        let cut: Vec<usize> = a.articles.iter().map(|r| r.boilerplate_lines).collect();
        let cut_in = cut.iter().filter(|&&n| n > 0).count();
        if cut_in > 0 {
            // The one total of what was taken out, so a methods section can
            // report it (the warnings below give only their own parts).
            self.para(vec![
                t(format!(
                    "Boilerplate removed: {} (lines such as share prompts, captions and credits, fragments inside kept lines, a line repeating the headline, and sentences repeated across articles) from {} of the {}; articles.csv gives each article's count (boilerplate_lines), ",
                    count(cut.iter().sum(), "line or fragment", "lines and fragments"),
                    int(cut_in),
                    count(a.articles.len(), "article", "articles"),
                )),
                Inline::Link {
                    text: "removed.csv".into(),
                    to: Target::File("removed.csv".into()),
                },
                t(" the text of each, with the rule that removed it (to check that none of it was the article's), and --keep-boilerplate keeps them all."),
            ]);
        }
        if a.skipped.is_empty() {
            self.para(vec![t("No files or rows were skipped.")]);
        } else {
            let rows = a
                .skipped
                .iter()
                .take(MAX_ROWS)
                .map(|s| vec![Cell::text(&s.source), Cell::text(&s.reason)])
                .collect();
            self.push(Block::Table(table(&["Skipped", "Reason"], &[], rows)));
            self.truncated(MAX_ROWS, a.skipped.len(), "skipped items", "analysis.json");
        }
        if a.warnings.is_empty() {
            self.para(vec![t("No warnings were raised.")]);
        } else {
            let items = a
                .warnings
                .iter()
                .take(MAX_ROWS)
                .map(|w| vec![t(w.clone())])
                .collect();
            self.push(Block::List(items));
            self.truncated(MAX_ROWS, a.warnings.len(), "warnings", "analysis.json");
        }

        self.heading(3, "How to cite");
        let frame_lex: Vec<&str> = a
            .lexicons
            .iter()
            .filter(|l| l.kind != "sentiment")
            .map(|l| l.name.as_str())
            .collect();
        let lex_part = if frame_lex.is_empty() {
            String::new()
        } else {
            format!("using the {} lexicons and ", frame_lex.join(", "))
        };
        let repo = env!("CARGO_PKG_REPOSITORY");
        let (author, year) = frame_author_year();
        self.para(vec![t("Suggested sentence for a methods section:")]);
        self.push(Block::Quote {
            source: None,
            text: format!(
                "Articles were analysed with frame {} ({}, {}; software for comparing how news articles frame a story{}), {}VADER sentiment (Hutto & Gilbert, 2014; word-list fingerprint {}); all parameters and the fingerprints of the input files and word lists are recorded in analysis.json.",
                version,
                author,
                year,
                if repo.is_empty() {
                    String::new()
                } else {
                    format!(", {}", repo)
                },
                if lex_part.is_empty() { "using ".to_string() } else { lex_part },
                lexicon_set_fingerprint(&a.lexicons),
            ),
            cite: "adapt to your citation style; cite the lexicon sources below as well".into(),
        });
        // The tests behind the findings, when the run compared groups: a
        // methods section states how a "difference" was decided.
        let compared = a
            .groups
            .as_ref()
            .filter(|g| g.differences.iter().any(|d| d.ci_low.is_some()));
        if let Some(g) = compared {
            self.push(Block::Quote {
                source: None,
                text: format!(
                    "Differences between groups of articles were estimated with 95% bootstrap intervals ({} resamples of the articles within each group; Efron & Tibshirani, 1993); a difference was reported when its interval excluded zero and each group would expect at least {} dictionary matches at their shared rate (Cochran, 1954), with Cohen's d as effect size (Cohen, 1988) and p-values corrected for the {} comparisons with Holm's (1979) method.",
                    int(g.resamples),
                    MIN_EXPECTED_MATCHES,
                    int(g.differences.iter().filter(|d| d.ci_low.is_some()).count()),
                ),
                cite: "add it when you report differences between groups".into(),
            });
        }
        let mut refs: Vec<String> = vec![
            frame_reference(&a.frame_version),
            "Hutto, C. J., & Gilbert, E. (2014). VADER: A parsimonious rule-based model for sentiment analysis of social media text. Proceedings of the International AAAI Conference on Web and Social Media, 8(1), 216–225.".into(),
            "Rousseeuw, P. J. (1987). Silhouettes: A graphical aid to the interpretation and validation of cluster analysis. Journal of Computational and Applied Mathematics, 20, 53–65.".into(),
        ];
        // The statistics the report uses, each when the run used it.
        let mut stats: Vec<&str> = Vec::new();
        if a.parameters.bootstrap_resamples > 0 || compared.is_some() {
            stats.push(EFRON);
        }
        if compared.is_some() {
            stats.extend([COCHRAN, COHEN_D, HOLM]);
        }
        if a.clustering.is_some() {
            stats.extend([SALTON, LLOYD]);
        }
        if a.keyness.is_some() {
            stats.extend([DUNNING, RAYSON, HARDIE]);
        }
        if a.groups.is_some() && a.clustering.is_some() {
            stats.push(CRAMER);
        }
        refs.extend(stats.into_iter().map(str::to_string));
        if a.lexicons.iter().any(|l| !l.validity.is_empty()) {
            refs.extend(VALIDATION_REFERENCES.iter().map(|r| r.to_string()));
        }
        if a.lexicons
            .iter()
            .flat_map(|l| &l.validity)
            .any(|v| v.dataset == OWN_DEFINITION)
        {
            refs.extend(OWN_DEFINITION_REFERENCES.iter().map(|r| r.to_string()));
        }
        for l in &a.lexicons {
            for s in &l.sources {
                let s = s.trim();
                if !s.is_empty() && !refs.iter().any(|r| reference_key(r) == reference_key(s)) {
                    refs.push(s.to_string());
                }
            }
        }
        self.para(vec![t("References:")]);
        self.push(Block::List(refs.into_iter().map(|r| vec![t(r)]).collect()));
    }

    /// "How far each frame score can be trusted": the default lexicons'
    /// agreement with human frame coding (docs/validity.md).
    fn validity(&mut self) {
        let a = self.a;
        let frames: Vec<_> = a.lexicons.iter().filter(|l| l.kind == "frame").collect();
        if frames.is_empty() {
            return;
        }
        self.heading(3, "How far each frame score can be trusted");
        self.para(vec![
            t("frame's default lexicons were compared with news that people coded for frames: SemEval-2023 Task 3 (433 articles, Piskorski et al. 2023) and FrAC (523 sentences, Guida et al. 2025), whose labels match frame's frames only approximately (see the mapping in "),
            doc("docs/validity.md"),
            t(format!(
                "; frame's documents named in this report are copied into this folder, as frame-*.md). AUC is the chance that a text the coders gave the frame scores higher than one they did not: 0.5 is chance, 1 a perfect ranking. The figures below were measured on the very word lists of this run: frame shows a list's figures only when its SHA-256 fingerprint (analysis.json, lexicons) is the one that was validated, so an edited list, or one of your own, shows none. A frame whose AUC is below {} on any data set is exploratory: use it to find and read articles, not as a measurement to test a hypothesis on without validating it yourself (frame sample and frame agree help).",
                fixed(EXPLORATORY_BELOW, 2)
            )),
        ]);
        // The project's own coding, when any frame in use was measured on it.
        if let Some(own) = frames
            .iter()
            .flat_map(|l| &l.validity)
            .find(|v| v.dataset == OWN_DEFINITION)
        {
            self.para(vec![
                t(format!("The generic frames were also measured against the definition their lists are built from: {} of the News Articles corpus (Dai 2017) that the project itself coded with Semetko & Valkenburg's (2000) questions (", count(own.n, "article", "articles"))),
                doc("docs/validity-generic-frames.md"),
                t("). The coders were two AI agents of the project, not independent experts, and agents that share a model may agree more than two people would: these figures are shown beside the verdicts, not counted in them."),
            ]);
        }
        let rows: Vec<Vec<Cell>> = frames
            .iter()
            .map(|l| {
                let (data, reading) = if l.validity.is_empty() {
                    let why = if l.name == REASSURANCE && l.builtin {
                        format!("not validated: no public human-coded data codes reassurance; on the project's own coded news sentences about half of its matches reassure (about 3 in 5 in articles with more than {} threat words per 1,000, 3 in 10 in articles with fewer than {}), and in articles about a danger it finds only about {} of the sentences that reassure ({}): exploratory, and a score of 0 does not mean no reassurance", fixed(HIGH_THREAT_PER_1K, 0), fixed(LOW_THREAT_PER_1K, 0), reassurance_found_share(), name_of("docs/validity-reassurance-sample.md"))
                    } else {
                        "not validated: not a default lexicon, or changed since it was measured".to_string()
                    };
                    ("-".to_string(), why)
                } else {
                    (
                        l.validity
                            .iter()
                            .map(validity_cell)
                            .collect::<Vec<_>>()
                            .join("; "),
                        reading_of(&l.name, &l.validity),
                    )
                };
                vec![
                    Cell::text(l.name.clone()),
                    Cell::text(data),
                    Cell::text(reading),
                ]
            })
            .collect();
        self.push(Block::Table(table(
            &[
                "Frame",
                "AUC [95% interval] by data set (labels)",
                "Reading",
            ],
            &[],
            rows,
        )));
    }
}

/// The reading of a measured default frame, with what the project's coded
/// sentences and articles showed where they apply: `validity` is non-empty
/// only for an unchanged default lexicon, the one those samples were coded
/// against.
fn reading_of(frame: &str, validity: &[FrameValidity]) -> String {
    let verdict = crate::lexicon::validity::verdict(validity);
    if frame == THREAT {
        return format!("{verdict}; in single sentences (the project's coded news sentences, {}) about 3 in 5 to 2 in 3 with a threat match present a danger, 4 in 5 or more with a threat score of 2 or more (quote those), and frame finds about 2 in 3 to 3 in 4 of the sentences that present one", name_of("docs/validity-reassurance-sample.md"));
    }
    // A low verdict from loosely matching labels alone says as much about the
    // labels as about the list: say what the frame's own definition gave.
    let (own, public): (Vec<_>, Vec<_>) =
        validity.iter().partition(|v| v.dataset == OWN_DEFINITION);
    // Judged on the figures as printed (two decimals), as the verdict is.
    let printed = |auc: f64| (auc * 100.0).round() / 100.0;
    match own.first() {
        Some(o)
            if verdict == "exploratory"
                && printed(o.auc) >= EXPLORATORY_BELOW
                && public
                    .iter()
                    .filter(|v| printed(v.auc) < EXPLORATORY_BELOW)
                    .all(|v| v.mapping.starts_with("loose")) =>
        {
            format!(
                "{verdict} by its lowest AUC, on public labels that match it only loosely; against its own definition (Semetko & Valkenburg's questions, the project's coding, {}) AUC {}",
                name_of("docs/validity-generic-frames.md"),
                fixed(o.auc, 2)
            )
        }
        _ => verdict.to_string(),
    }
}

/// What makes two references the same work however they are written:
/// the first author's surname, the year and the first three words of the
/// title ("hutto 2014 vader a parsimonious"), so that a lexicon citing VADER
/// or Choi et al. with other punctuation or a remark is listed once.
pub(super) fn reference_key(r: &str) -> String {
    let lower = r.to_lowercase();
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let surname = words(&lower).into_iter().next().unwrap_or_default();
    let year = lower
        .split(|c: char| !c.is_ascii_digit())
        .find(|d| d.len() == 4)
        .unwrap_or("")
        .to_string();
    let title = lower
        .find("). ")
        .map(|i| {
            words(&lower[i + 3..])
                .into_iter()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    format!("{surname} {year} {title}")
}

/// The project's citation file, the one source of frame's own reference.
const CITATION_CFF: &str = include_str!("../../../CITATION.cff");

/// frame's own reference (APA style for software) from CITATION.cff, with
/// the version that ran the analysis.
fn frame_reference(version: &str) -> String {
    let (author, year) = frame_author_year();
    let title = citation_field("title:").unwrap_or_else(|| "frame".into());
    let version = match version.trim().trim_start_matches('v') {
        "" => "version not recorded".to_string(),
        v => format!("Version {v}"),
    };
    let repo = env!("CARGO_PKG_REPOSITORY");
    let at = if repo.is_empty() {
        String::new()
    } else {
        format!(" {repo}")
    };
    format!("{author}. ({year}). {title} ({version}) [Computer software].{at}")
}

/// A SHA-256 fingerprint in a table: in full, shown by its first 12 characters.
fn hash_cell(sha256: &str) -> Cell {
    Cell {
        text: sha256.to_string(),
        abbrev: (sha256.chars().count() > 12).then(|| clip(sha256, 13)),
        ..Default::default()
    }
}

/// One short fingerprint for every word list of a run (the first 12 hex
/// digits of the SHA-256 of their names and fingerprints, in output order),
/// to cite beside frame's version: the lists change between versions, and
/// two runs with the same fingerprint used the same lists.
fn lexicon_set_fingerprint(lexicons: &[crate::model::LexiconInfo]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for l in lexicons {
        h.update(format!("{}\t{}\n", l.name, l.sha256).as_bytes());
    }
    h.finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The first value of `key` in CITATION.cff, unquoted.
fn citation_field(key: &str) -> Option<String> {
    CITATION_CFF
        .lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix(key))
        .map(|v| v.trim().trim_matches('"').to_string())
}

/// frame's author and year from CITATION.cff, for the reference and the
/// in-text citation.
fn frame_author_year() -> (String, String) {
    let author = citation_field("- name:").unwrap_or_else(|| "The frame developers".into());
    let year = citation_field("date-released:")
        .and_then(|d| d.get(..4).map(str::to_string))
        .unwrap_or_else(|| "n.d.".into());
    (author, year)
}

/// The bootstrap behind every interval.
const EFRON: &str =
    "Efron, B., & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall.";
/// The expected-count rule for a difference.
const COCHRAN: &str = "Cochran, W. G. (1954). Some methods for strengthening the common χ² tests. Biometrics, 10(4), 417–451.";
/// Cohen's d and its bands.
const COHEN_D: &str = "Cohen, J. (1988). Statistical Power Analysis for the Behavioral Sciences (2nd ed.). Lawrence Erlbaum.";
/// The correction for many comparisons.
const HOLM: &str = "Holm, S. (1979). A simple sequentially rejective multiple test procedure. Scandinavian Journal of Statistics, 6(2), 65–70.";
/// TF-IDF.
const SALTON: &str = "Salton, G., & Buckley, C. (1988). Term-weighting approaches in automatic text retrieval. Information Processing & Management, 24(5), 513–523.";
/// k-means.
const LLOYD: &str = "Lloyd, S. P. (1982). Least squares quantization in PCM. IEEE Transactions on Information Theory, 28(2), 129–137.";
/// Keyness G2.
const DUNNING: &str = "Dunning, T. (1993). Accurate methods for the statistics of surprise and coincidence. Computational Linguistics, 19(1), 61–74.";
/// Keyness as frequency profiling.
const RAYSON: &str = "Rayson, P., & Garside, R. (2000). Comparing corpora using frequency profiling. Proceedings of the Workshop on Comparing Corpora, ACL 2000, 1–6.";
/// Log ratio.
const HARDIE: &str = "Hardie, A. (2014). Log Ratio: An informal introduction. ESRC Centre for Corpus Approaches to Social Science (CASS), Lancaster University.";
/// Cramér's V of group against cluster.
const CRAMER: &str =
    "Cramér, H. (1946). Mathematical Methods of Statistics. Princeton University Press.";

/// The data sets behind the validity figures, for the references.
const VALIDATION_REFERENCES: [&str; 2] = [
    "Piskorski, J., Stefanovitch, N., Da San Martino, G., & Nakov, P. (2023). SemEval-2023 Task 3: Detecting the category, the framing, and the persuasion techniques in online news in a multi-lingual setup. Proceedings of SemEval-2023, 2343–2361.",
    "Guida, A., Otmakhova, Y., Hovy, E., & Frermann, L. (2025). FrAC: A frame-annotated corpus (gold standard). arXiv:2507.04612.",
];

/// The corpus and the questions behind the project's own coding.
const OWN_DEFINITION_REFERENCES: [&str; 2] = [
    "Dai, T. (2017). News Articles [data set]. Harvard Dataverse. doi:10.7910/DVN/GMFCTR.",
    "Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics: A content analysis of press and television news. Journal of Communication, 50(2), 93–109.",
];

/// "SemEval 0.77 [0.73, 0.82] (Security_and_defense, ...)".
fn validity_cell(v: &FrameValidity) -> String {
    let name = match v.dataset.as_str() {
        "semeval" => "SemEval",
        "frac" => "FrAC",
        OWN_DEFINITION => "News Articles",
        other => other,
    };
    format!(
        "{name} {} [{}, {}] ({}{})",
        fixed(v.auc, 2),
        fixed(v.auc_low, 2),
        fixed(v.auc_high, 2),
        v.labels,
        if v.mapping.starts_with("loose") {
            ", loose match"
        } else {
            ""
        }
    )
}

/// The k row's value: the k asked for, and the k used where they differ
/// (`--k 50` on 5 articles uses 4).
fn k_value(a: &crate::model::Analysis, asked: String) -> String {
    match (a.parameters.k, &a.clustering) {
        (Some(k), Some(c)) if c.k != k => format!(
            "{k} asked; {} used ({} articles allow 2 to {})",
            c.k,
            int(a.articles.len()),
            int(a.articles.len().saturating_sub(1))
        ),
        (Some(k), None) => format!("{k} asked; not used (no clustering below 3 articles)"),
        _ => asked,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(dataset: &str, mapping: &str, auc: f64) -> FrameValidity {
        FrameValidity {
            dataset: dataset.into(),
            labels: "labels".into(),
            mapping: mapping.into(),
            positives: 10,
            n: 100,
            auc,
            auc_low: auc - 0.05,
            auc_high: auc + 0.05,
        }
    }

    #[test]
    fn the_word_list_fingerprint_changes_with_any_list() {
        let mut lexicons = vec![
            crate::model::example_lexicon("threat", true),
            crate::model::example_lexicon("economic", true),
        ];
        lexicons[0].sha256 = "aa".repeat(32);
        lexicons[1].sha256 = "bb".repeat(32);
        let before = lexicon_set_fingerprint(&lexicons);
        assert_eq!(before.len(), 12);
        assert_eq!(before, lexicon_set_fingerprint(&lexicons));
        lexicons[1].sha256 = "bc".repeat(32);
        assert_ne!(before, lexicon_set_fingerprint(&lexicons));
    }

    #[test]
    fn frames_reference_comes_from_the_citation_file_with_the_runs_version() {
        let r = frame_reference("0.9.2");
        assert!(
            r.starts_with("The frame developers. (2026). frame: a toolkit for comparing how news articles frame a story (Version 0.9.2) [Computer software]."),
            "{r}"
        );
        assert!(frame_reference("").contains("(version not recorded)"));
        // The citation file names the version being built.
        let cff_version = CITATION_CFF
            .lines()
            .find_map(|l| l.strip_prefix("version:"))
            .map(|v| v.trim().trim_matches('"'));
        assert_eq!(cff_version, Some(env!("CARGO_PKG_VERSION")));
    }

    #[test]
    fn a_frame_low_only_on_loose_labels_gets_its_own_definition_figure() {
        let loose = [
            row("semeval", "loose", 0.57),
            row(OWN_DEFINITION, "close", 0.74),
        ];
        let r = reading_of("responsibility", &loose);
        assert!(r.starts_with("exploratory"), "{r}");
        assert!(r.contains("own definition") && r.contains("0.74"), "{r}");
        // Low on a closely matching data set: the verdict stands alone.
        let close = [
            row("semeval", "close", 0.60),
            row(OWN_DEFINITION, "close", 0.80),
        ];
        assert_eq!(reading_of("morality", &close), "exploratory");
        // Low on its own definition too: nothing to add.
        let both = [
            row("semeval", "loose", 0.57),
            row(OWN_DEFINITION, "close", 0.65),
        ];
        assert_eq!(reading_of("conflict", &both), "exploratory");
        // 0.699 is printed, and judged, as 0.70.
        let edge = [
            row("semeval", "loose", 0.57),
            row(OWN_DEFINITION, "close", 0.699),
        ];
        assert!(reading_of("responsibility", &edge).ends_with("AUC 0.70"));
        assert_eq!(
            reading_of("economic", &[row("frac", "close", 0.91)]),
            "holds up"
        );
    }
}
