//! Article ids and groups from file paths: ids unique across the corpus,
//! groups from the first-level subfolder, and duplicate texts flagged.

use super::document::{display, Corpus};
use super::walk::Candidate;
use crate::platform::os_text;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// The first-level subfolder is the group ("corpus/outlet-a/001.txt" -> "outlet-a").
pub(crate) fn group_of(rel: &Path) -> Option<String> {
    let comps: Vec<_> = rel.components().collect();
    (comps.len() >= 2).then(|| os_text(comps[0].as_os_str()))
}

/// A stable label for each input: its folder or file name when no other
/// input has that name (so ids and groups do not depend on the order of the
/// arguments), else `inputN` by position.
pub(crate) fn input_labels(inputs: &[std::path::PathBuf]) -> Vec<String> {
    let name = |p: &std::path::PathBuf| {
        std::fs::canonicalize(p)
            .ok()
            .as_deref()
            .unwrap_or(p)
            .file_name()
            .map(os_text)
            .unwrap_or_default()
    };
    let names: Vec<String> = inputs.iter().map(name).collect();
    names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            if n.is_empty() || names.iter().filter(|m| *m == n).count() > 1 {
                format!("input{}", i + 1)
            } else {
                n.clone()
            }
        })
        .collect()
}

/// File stems as ids; where stems clash, the path relative to the input
/// folder (without extension) instead; where that clashes inside one input
/// (`story.txt` and `story.html` side by side) the extension is kept; where
/// it still clashes (two inputs), the input's label ([`input_labels`]) is
/// prefixed.
pub(crate) fn assign_ids(files: &[Candidate], labels: &[String]) -> Vec<String> {
    // The counts are only looked up, never listed, so hash maps give the
    // same ids as ordered ones; the names are made once, in parallel (at
    // 100,000 files this step was a third of a second on one core).
    type Counts<K> = rustc_hash::FxHashMap<K, usize>;
    let stems: Vec<String> = files
        .par_iter()
        .map(|c| c.path.file_stem().map(os_text).unwrap_or_default())
        .collect();
    let mut count: Counts<&str> = Counts::default();
    for s in &stems {
        *count.entry(s.as_str()).or_default() += 1;
    }
    // The usual case, file names all different: each id is its file name
    // and the passes below would change none.
    if count.len() == stems.len() {
        return stems;
    }
    let first: Vec<String> = files
        .par_iter()
        .zip(&stems)
        .map(|(c, stem)| {
            if count[stem.as_str()] > 1 {
                display(&c.rel.with_extension(""))
            } else {
                stem.clone()
            }
        })
        .collect();
    drop(count);
    let mut same_input: Counts<(usize, &str)> = Counts::default();
    for (c, id) in files.iter().zip(&first) {
        *same_input.entry((c.input, id.as_str())).or_default() += 1;
    }
    let first: Vec<String> = files
        .par_iter()
        .zip(&first)
        .map(|(c, id)| {
            if same_input[&(c.input, id.as_str())] > 1 {
                display(&c.rel)
            } else {
                id.clone()
            }
        })
        .collect();
    let mut count2: Counts<&str> = Counts::default();
    for id in &first {
        *count2.entry(id.as_str()).or_default() += 1;
    }
    files
        .par_iter()
        .zip(&first)
        .map(|(c, id)| {
            if count2[id.as_str()] > 1 {
                match labels.get(c.input) {
                    Some(l) => format!("{l}/{id}"),
                    None => format!("input{}/{}", c.input + 1, id),
                }
            } else {
                id.clone()
            }
        })
        .collect()
}

/// Ids must be unique across files and tables together: later clashes get a suffix.
pub(crate) fn dedupe_ids(corpus: &mut Corpus) {
    let mut seen: HashSet<String> = HashSet::new();
    for d in &mut corpus.documents {
        if !seen.insert(d.id.clone()) {
            let mut n = 2;
            while seen.contains(&format!("{}-{}", d.id, n)) {
                n += 1;
            }
            let new = format!("{}-{}", d.id, n);
            corpus.warnings.push(format!(
                "{}: id '{}' is already used; this article is '{}'",
                d.source, d.id, new
            ));
            d.id = new;
            seen.insert(d.id.clone());
        }
    }
}

/// Warns about articles whose cleaned text repeats an earlier one (both are
/// kept: "both are {kept}", analysed or, by `frame import`, written).
pub(crate) fn warn_duplicates(corpus: &mut Corpus, kept: &str) {
    let mut first: BTreeMap<&str, &str> = BTreeMap::new();
    let mut warnings = Vec::new();
    for d in &corpus.documents {
        if let Some(prev) = first.get(d.sha256.as_str()) {
            warnings.push(format!(
                "{}: same text as {} (duplicate article; both are {kept})",
                d.source, prev
            ));
        } else {
            first.insert(&d.sha256, &d.source);
        }
    }
    corpus.warnings.extend(warnings);
}
