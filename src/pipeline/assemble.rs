//! Assembling the result model from the stages' outputs: each article's
//! row, the run's parameters, and the files besides the articles that went
//! into it.

use crate::input;
use crate::lexicon;
use crate::model::options::Options;
use crate::model::*;
use crate::report::format::{int, score3};
use std::path::Path;

/// Chart labels: the title cut at a word boundary to about `max` characters.
pub fn short_title(title: &str, max: usize) -> String {
    let t = title.trim();
    if t.chars().count() <= max {
        return t.to_string();
    }
    let cut: String = t.chars().take(max - 1).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '-', ' ']))
}

/// The stop-word and lexicon files of a run with their hashes (each file of
/// a lexicon folder), so that a run can be repeated on exactly these bytes.
pub(crate) fn option_inputs(opts: &Options) -> Vec<InputRecord> {
    let mut files: Vec<std::path::PathBuf> = opts.stopwords_file.iter().cloned().collect();
    for p in &opts.lexicons {
        if p.is_dir() {
            files.extend(lexicon::load::folder_files(p).unwrap_or_default());
        } else {
            files.push(p.clone());
        }
    }
    files
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            Some(InputRecord {
                path: show_path(p).replace('\\', "/"),
                sha256: input::sha256_hex(&bytes),
                bytes: bytes.len() as u64,
            })
        })
        .collect()
}

/// Plain-language cautions where results are fragile.
pub fn fragility_notes(a: &Analysis) -> Vec<String> {
    let n = a.articles.len();
    let mut notes = Vec::new();
    if n < 3 {
        notes.push(format!(
            "Only {}: there is no clustering or similarity map (it needs at least 3).",
            crate::report::format::count(n, "article", "articles")
        ));
    }
    if n >= 3 && a.clustering.is_none() {
        notes.push(format!(
            "No article has any term left after stop words and vocabulary pruning ({} of {} distinct stems kept; see --min-df, --max-df, --max-features): there is no clustering or similarity map. The frame scores are unaffected.",
            int(a.vocabulary.types_kept),
            int(a.vocabulary.types_total)
        ));
    }
    if n < 20 {
        notes.push(format!(
            "With {} articles, the scores describe these articles only: differences between them are not evidence of a general pattern, and one article can change any average.",
            int(n)
        ));
    }
    // Named by number and id, as the report's other cautions and its reader
    // name them; "id" said, since the next caution's brackets hold word counts.
    let thin: Vec<String> = a
        .articles
        .iter()
        .enumerate()
        .filter(|(_, r)| r.frames.iter().map(|f| f.hits).sum::<f64>() < 5.0)
        .map(|(i, r)| format!("#{} (id {})", i + 1, r.id))
        .collect();
    if !thin.is_empty() {
        let shown: Vec<&str> = thin.iter().take(10).map(String::as_str).collect();
        notes.push(format!(
            "{} fewer than 5 frame hits in all, so their frame profile rests on a handful of words: {}{}. Read their evidence before drawing conclusions.",
            crate::report::format::count(thin.len(), "article has", "articles have"),
            shown.join(", "),
            if thin.len() > 10 {
                format!(
                    " and {} more (frames.csv gives each article's hits)",
                    int(thin.len() - 10)
                )
            } else {
                String::new()
            }
        ));
    }
    if let Some(c) = &a.clustering {
        if c.silhouette < 0.1 {
            notes.push(format!(
                "The clusters are weakly separated (mean silhouette {}; 1 is perfectly separated, 0 is no structure): treat the grouping as a rough sketch.",
                score3(c.silhouette)
            ));
        }
    }
    notes
}

/// The output folder as shown to the user.
pub fn show_path(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_titles_cut_at_words() {
        assert_eq!(short_title("Short title", 42), "Short title");
        let s = short_title(
            "Police plan of armed patrols would turn residential streets into battlegrounds",
            42,
        );
        assert!(s.chars().count() <= 42, "{s}");
        assert!(s.ends_with('…'));
        assert!(s.starts_with("Police plan of armed patrols would"));
    }
}
