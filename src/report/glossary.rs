//! What each parameter of a run means, in plain words, for the Method
//! section's parameter table.

/// Every parameter as (name, value, meaning): known ones in a reading order,
/// then any field added to `Parameters` later, so none is ever left out.
pub fn parameter_rows(p: &crate::model::Parameters) -> Vec<(String, String, String)> {
    const KNOWN: [(&str, &str); 32] = [
        ("lang", "Language of the texts: chooses the stop-word list and the stemmer."),
        ("text_column", "For table (CSV) input: the column holding the article text."),
        ("id_column", "For table input: the column holding article ids (not set: ids come from file names or row numbers)."),
        ("keep_boilerplate", "Whether lines that look like boilerplate (bylines, share prompts, cookie notices) and sentences repeated word for word across many articles (promotions) were kept (yes) or dropped (no)."),
        ("stopword_list", "List of very common words (the, and, of …) left out of the TF-IDF vocabulary."),
        ("extra_stopwords", "File of further words to leave out (not set: none)."),
        ("stemmer", "Algorithm that merges word forms into stems (stabbed, stabbing → stab)."),
        ("min_df", "A stem must occur in at least this many articles to enter the TF-IDF vocabulary."),
        ("max_df", "Stems occurring in more than this share of articles are left out as too common to tell articles apart."),
        ("max_features", "Upper limit on the vocabulary size, keeping the most frequent stems (not set: no limit)."),
        ("tf", "How a stem's count in an article is weighted (see TF-IDF below)."),
        ("idf", "How a stem's rarity across articles is weighted (see TF-IDF below)."),
        ("top_terms", "How many terms are listed per article (top TF-IDF) and per cluster (most distinctive)."),
        ("negation_window", "A reassurance word preceded within this many words by a negation (not, no, never …) counts as threat; a negated word of any other frame, threat included, is not counted."),
        ("condition_window", "A reassurance word preceded within this many words, in its clause, by if, unless, until, whether, hope or wish is not counted (nor one in a question): it makes safety a condition, not a statement."),
        ("k", "Number of clusters asked for (not set: chosen automatically by silhouette)."),
        ("seed", "Random seed for the clustering and the bootstrap resampling: the same seed and inputs give the same clusters and intervals."),
        ("bootstrap_resamples", "Bootstrap resamples per article behind the 95% interval of each frame score (0: no intervals)."),
        ("title_column", "For table input: the column holding titles (not set: the first line of the text is the title)."),
        ("date_column", "For table input: the column holding dates (not set: dates come from front matter or file names)."),
        ("group_column", "For table input: the column holding groups such as the outlet (not set: the subfolder is the group)."),
        ("metadata", "CSV file of extra columns (date, outlet …) keyed by article id (--metadata; not set: none)."),
        ("group_by", "What the groups compared are (--group-by): the subfolder or group column when not set, \"date\" for periods, or a metadata column."),
        ("period", "Length of a period on the timeline and for --group-by date: week, month or year."),
        ("lexicon_paths", "Your own lexicon files or folders (--lexicon), in the order given (empty: only the default lexicons)."),
        ("no_default_lexicons", "Whether the default lexicons were left out, so only your own were used (--no-default-lexicons)."),
        ("neighbours", "Whether each article's most similar article was computed even above 5,000 articles, where it is approximate (--neighbours)."),
        ("chart_width", "Width of the PNG charts in pixels (--chart-size WIDTHxHEIGHT)."),
        ("chart_height", "Height of the PNG charts in pixels (--chart-size WIDTHxHEIGHT)."),
        ("svg", "Whether SVG copies of the charts were written beside the PNG files (--svg)."),
        ("show_excluded", "Whether evidence.csv also lists, marked excluded, the matches excluded phrases and conditions dropped; they never count (--show-excluded; shown only when on)."),
        ("excel", "Whether every CSV file begins with a UTF-8 byte-order mark, so that Excel on Windows reads accented letters right (--excel; shown only when on)."),
    ];
    let map = match serde_json::to_value(p) {
        Ok(serde_json::Value::Object(m)) => m,
        _ => serde_json::Map::new(),
    };
    let mut out = Vec::new();
    for (k, meaning) in KNOWN {
        if let Some(v) = map.get(k) {
            out.push((k.to_string(), json_value(v), meaning.to_string()));
        }
    }
    for (k, v) in &map {
        if !KNOWN.iter().any(|(n, _)| n == k) {
            out.push((k.clone(), json_value(v), "See analysis.json.".to_string()));
        }
    }
    out
}

fn json_value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "not set".into(),
        serde_json::Value::Bool(b) => if *b { "yes" } else { "no" }.into(),
        serde_json::Value::String(s) if s.is_empty() => "(empty)".into(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parameter_is_explained() {
        // The fields written only when on are explained too.
        let p = crate::model::Parameters {
            show_excluded: true,
            excel: true,
            ..Default::default()
        };
        for (k, _, meaning) in parameter_rows(&p) {
            assert_ne!(meaning, "See analysis.json.", "{k} has no meaning in KNOWN");
        }
    }

    #[test]
    fn every_parameter_has_a_row() {
        let p = crate::model::Parameters::default();
        let rows = parameter_rows(&p);
        let map = match serde_json::to_value(&p).unwrap() {
            serde_json::Value::Object(m) => m,
            _ => panic!("not an object"),
        };
        assert_eq!(rows.len(), map.len());
        for k in map.keys() {
            assert!(rows.iter().any(|(n, _, _)| n == k), "missing {k}");
        }
    }
}
