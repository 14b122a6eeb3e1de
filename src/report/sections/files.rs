//! The list of files in the output folder, with what each holds.

use super::builder::{em, t, table, version_label, Builder};
use crate::report::document::{Block, Cell, Inline, Target};
use crate::report::links::{reader_pages, NAMED_PAGE};

impl<'a> Builder<'a> {
    /// The "Appendix" section of the report: a link to each part of the appendix.
    pub(super) fn appendix_contents(&mut self) {
        let parts: Vec<(String, String)> = self
            .appendix
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level: 2, id, text } => Some((id.clone(), text.clone())),
                _ => None,
            })
            .collect();
        if parts.is_empty() {
            return;
        }
        self.heading(2, "Appendix");
        // One paragraph of links rather than a list: a line each made the
        // printed report a page longer.
        let mut p = vec![t("The long tables, the evidence behind every score and the method in full are in the appendix (appendix.html), which is not meant to be printed whole: ")];
        let last = parts.len() - 1;
        for (k, (id, text)) in parts.into_iter().enumerate() {
            p.push(Inline::Link {
                text,
                to: Target::Section(id),
            });
            p.push(t(if k == last { "." } else { " · " }));
        }
        self.para(p);
        let cite = self.appendix.iter().find_map(|b| match b {
            Block::Heading { level: 3, id, text } if text == "How to cite" => Some(id.clone()),
            _ => None,
        });
        if let Some(id) = cite {
            self.para(vec![
                t("To cite this analysis in a methods section: "),
                Inline::Link {
                    text: "How to cite".into(),
                    to: Target::Section(id),
                },
                t(" gives sentences to adapt and the references (frame itself, VADER, the statistics the run used and the sources of each lexicon)."),
            ]);
        }
    }

    /// The "Files" section.
    pub(super) fn files(&mut self) {
        self.heading(2, "Files");
        let a = self.a;
        self.para(vec![t("Everything in this folder. Keep the folder together (e.g. zip it): the web page shows the charts from the PNG files beside it.")]);
        let mut names: Vec<String> = [
            "report.html",
            "appendix.html",
            "report.md",
            "findings.csv",
            "articles.csv",
            "frames.csv",
            "evidence.csv",
            "sentences.csv",
            "terms.csv",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        if a.articles.iter().any(|r| !r.removed.is_empty()) {
            names.push("removed.csv".into());
        }
        // The reader's pages share one row: twenty rows saying the same
        // would push the data files out of sight.
        let pages = reader_pages(a.articles.len(), false);
        match pages.as_slice() {
            [] => {}
            [one] => names.push(one.clone()),
            [first, .., last] => names.push(format!("{first} to {last} ({} pages)", pages.len())),
        }
        if !a.reader_named.is_empty() {
            names.push(NAMED_PAGE.into());
        }
        if let Some(c) = &a.clustering {
            names.push("clusters.csv".into());
            if c.similarity.is_some() {
                names.push("similarity.csv".into());
            }
        }
        for n in [
            "voices.csv",
            "speakers.csv",
            "positions.csv",
            "coverage.csv",
        ] {
            names.push(n.into());
        }
        if let Some(g) = &a.groups {
            names.push("groups.csv".into());
            if !g.pairs.is_empty() {
                names.push("group_pairs.csv".into());
            }
        }
        if crate::stats::topic_overlap::group_clusters(a).is_some() {
            names.push("group_clusters.csv".into());
        }
        if a.keyness.is_some() {
            names.push("keyness.csv".into());
        }
        if a.collocations.is_some() {
            names.push("collocations.csv".into());
        }
        if a.timeline.is_some() {
            names.push("timeline.csv".into());
        }
        if a.timeline.as_ref().is_some_and(|t| !t.groups.is_empty()) {
            names.push("timeline_groups.csv".into());
        }
        names.push("analysis.json".into());
        let charts = self.charts.clone();
        let mut rows: Vec<Vec<Cell>> = names
            .iter()
            .map(|n| vec![Cell::text(n), Cell::text(file_description(n))])
            .collect();
        // frame's documents share one row, linked to the methods first.
        let docs = crate::report::docs::DOCS;
        rows.push(vec![
            Cell::text(format!(
                "{} to {} ({} files)",
                docs[0].name,
                docs[docs.len() - 1].name,
                docs.len()
            ))
            .linked(Target::File(docs[0].name.into())),
            Cell::text(format!(
                "frame's documents that this report cites (its methods, the validity figures, the codebooks, the user guide and the lexicons' sources), copied into the folder so that every one of them can be opened from here: {}.",
                docs.iter().map(|d| d.name).collect::<Vec<_>>().join(", ")
            )),
        ]);
        // The charts share one row: each is described in its section.
        if !charts.is_empty() {
            rows.push(vec![
                Cell::text(format!("{} charts (.png)", charts.len())),
                Cell::text(format!(
                    "{}: the charts of this report as images, each explained in its section above.",
                    charts.join(", ")
                )),
            ]);
        }
        self.push(Block::Table(table(&["File", "What it holds"], &[], rows)));
        self.para(vec![em(format!(
            "Generated by frame {}.",
            version_label(&a.frame_version)
        ))]);
    }
}

/// What each output file holds (the charts share one row).
fn file_description(name: &str) -> &'static str {
    match name {
        "report.html" => "This report as a web page. It opens offline; keep the PNG charts in the same folder.",
        "appendix.html" => "The appendix of this report: the long tables, the evidence per article, lexicon coverage and the method in full.",
        "report.md" => "This report and its appendix in Markdown, for notes or for conversion (e.g. with pandoc).",
        "findings.csv" => "The findings this report opens with, one row per finding: kind, frame, groups, values, difference, its 95% interval, whether it is a finding, and the sentence.",
        "articles.csv" => "One row per article: id, source, title, date, group, word counts, boilerplate lines removed, sentiment (with its interval) and threat balance; its frame scores are in frames.csv.",
        "removed.csv" => "The text removed as boilerplate, one row per piece boilerplate_lines counts: article, file, rule, text (cut at 300 characters).",
        "frames.csv" => "One row per article and frame: weighted hits, score per 1,000 words, share of the article's frame hits, and the 95% bootstrap interval of the score (ci_low, ci_high).",
        "evidence.csv" => "Every matched lexicon term per article and frame, with its count and an example sentence.",
        "sentences.csv" => "Every sentence of every article with its sentiment and frame hits, for close reading.",
        "terms.csv" => "Top TF-IDF terms per article: rank, term, stem, count, document frequency and weight.",
        "clusters.csv" => "Cluster of every article, with its silhouette, map position and most similar article.",
        "similarity.csv" => "Cosine similarity between every pair of articles.",
        "coverage.csv" => "Share of all words each lexicon category matches, and the most frequent words no lexicon matches.",
        "analysis.json" => "Everything in this report in one machine-readable file, plus parameters, lexicons and input hashes: for repeating or citing the run.",
        "voices.csv" => "One row per article and voice: the outlet's narration, and the quotes of each speaker, with words, sentiment and frame scores per 1,000 words.",
        "speakers.csv" => "Every quoted speaker across the corpus: articles, quotes, quoted words, frame scores per 1,000 words and sentiment.",
        "positions.csv" => "Headline, lead and body of every article, with words, sentiment and frame scores per 1,000 words.",
        "groups.csv" => "One row per group: articles, then mean, standard deviation and 95% bootstrap interval of every frame and of sentiment.",
        "group_pairs.csv" => "Every pair of groups on every frame and on sentiment (three or more groups): both means, the difference with its 95% bootstrap interval, Cohen's d, p and p_holm (Holm over the pairs alone), whether it holds after that correction, and each side's matches.",
        "group_clusters.csv" => "Articles per group per cluster (group, cluster, its label, articles, share of the group's articles): whether the groups are also topics.",
        "keyness.csv" => "Key terms of each group and cluster against the rest: counts, signed log-likelihood G2, log ratio and p-value.",
        "collocations.csv" => "Strongly associated two- and three-word sequences, overall and per group, with frequency and G2.",
        "timeline.csv" => "Per period: articles, each frame's share of frame words and mean score per 1,000 words.",
        "timeline_groups.csv" => "Per period and group: the group's articles and each frame's mean score per 1,000 words (each group's own line over time).",
        NAMED_PAGE => "The reader's page for the articles past the first 2,000 that this report names (its picks, quotes and findings), marked the same way.",
        n if n.starts_with("reader") => "The article reader: each article's full text with every frame match marked (each frame its own underline, colour and letter; hovering shows the lexicon entry and weight), negated matches and quoted speech shown apart.",
        _ => "",
    }
}
