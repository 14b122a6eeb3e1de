//! TF-IDF vectors, stored sparse.
//!
//! For term t in article d, over n articles, with df(t) the number of
//! articles containing t:
//!
//! * tf(t, d) = 1 + ln(count(t, d)) (`--tf sublinear`, default) or count(t, d) (`--tf raw`);
//! * idf(t) = ln((1 + n) / (1 + df(t))) + 1 (scikit-learn's smooth idf, so a
//!   term in every article keeps a positive weight);
//! * w(t, d) = tf(t, d) * idf(t), and each row is scaled to unit L2 norm.
//!
//! Only stop-word-free word tokens count; the vocabulary is pruned by
//! `min_df` (articles), `max_df` (share of articles) and `max_features`
//! (most frequent terms in the corpus, ties broken alphabetically).

use crate::model::options::TfWeighting;
use crate::similarity::sparse::CsrMatrix;
use crate::text::tokens::TokenizedCorpus;
use rayon::prelude::*;

/// Vocabulary pruning and weighting parameters.
#[derive(Debug, Clone, Copy)]
pub struct TfIdfParams {
    /// Minimum document frequency (articles).
    pub min_df: usize,
    /// Maximum document frequency as a share of articles: a term is dropped
    /// when its df > max_df x articles (scikit-learn's rule).
    pub max_df: f64,
    /// Keep only this many most frequent terms.
    pub max_features: Option<usize>,
    /// Term-frequency weighting.
    pub tf: TfWeighting,
}

/// The TF-IDF model of a corpus.
#[derive(Debug, Clone, Default)]
pub struct TfIdf {
    /// L2-normalised weights, one row per article, one column per kept stem.
    pub matrix: CsrMatrix,
    /// Raw counts, same sparsity pattern as `matrix`.
    pub counts: Vec<u32>,
    /// Stem id (in the vocabulary) of each column; columns are sorted by stem text.
    pub column_stem: Vec<u32>,
    /// Document frequency of each column.
    pub df: Vec<usize>,
    /// idf of each column.
    pub idf: Vec<f64>,
    /// Distinct stems (non-stop) before pruning.
    pub types_total: usize,
    /// Distinct non-stop stems per article.
    pub types_per_doc: Vec<usize>,
    /// Non-stop tokens per article.
    pub tokens_per_doc: Vec<usize>,
}

/// Stem counts of each article (non-stop tokens only), sorted by stem id.
pub fn stem_counts(tc: &TokenizedCorpus) -> Vec<Vec<(u32, u32)>> {
    let v = &tc.vocab;
    tc.docs
        .par_iter()
        .map(|d| {
            let mut stems: Vec<u32> = d
                .tokens
                .iter()
                .filter(|t| !v.surface_stop[t.surface as usize])
                .map(|t| v.surface_stem[t.surface as usize])
                .collect();
            stems.sort_unstable();
            let mut out: Vec<(u32, u32)> = Vec::new();
            for s in stems {
                match out.last_mut() {
                    Some((last, n)) if *last == s => *n += 1,
                    _ => out.push((s, 1)),
                }
            }
            out
        })
        .collect()
}

/// Builds the TF-IDF model.
pub fn build(tc: &TokenizedCorpus, p: &TfIdfParams) -> TfIdf {
    let n = tc.docs.len();
    let n_stems = tc.vocab.stems.len();
    let counts = stem_counts(tc);
    let mut df = vec![0usize; n_stems];
    let mut total = vec![0u64; n_stems];
    for doc in &counts {
        for &(s, c) in doc {
            df[s as usize] += 1;
            total[s as usize] += c as u64;
        }
    }
    let types_total = df.iter().filter(|&&d| d > 0).count();
    // scikit-learn's rule for a proportion: drop a term when df > max_df * n
    // (no rounding, no floor of 1: a low --max-df drops even one-article terms).
    let max_df_abs = p.max_df * n as f64;
    let stems = &tc.vocab.stems;
    let mut kept: Vec<u32> = (0..n_stems as u32)
        .filter(|&s| {
            let d = df[s as usize];
            d > 0 && d >= p.min_df && (p.max_df >= 1.0 || d as f64 <= max_df_abs)
        })
        .collect();
    if let Some(maxf) = p.max_features {
        kept.sort_by(|&a, &b| {
            total[b as usize]
                .cmp(&total[a as usize])
                .then_with(|| stems[a as usize].cmp(&stems[b as usize]))
        });
        kept.truncate(maxf);
    }
    kept.sort_by(|&a, &b| stems[a as usize].cmp(&stems[b as usize]));
    let mut column_of = vec![u32::MAX; n_stems];
    for (c, &s) in kept.iter().enumerate() {
        column_of[s as usize] = c as u32;
    }
    let col_df: Vec<usize> = kept.iter().map(|&s| df[s as usize]).collect();
    let idf: Vec<f64> = col_df
        .iter()
        .map(|&d| ((1.0 + n as f64) / (1.0 + d as f64)).ln() + 1.0)
        .collect();
    // The matrix is filled in place: row lengths first, then every row
    // written into its own slice of the final arrays, in parallel. (Building
    // the rows as vectors and copying them held twice the matrix in fresh
    // memory and copied it on one core.)
    let lens: Vec<usize> = counts
        .par_iter()
        .map(|doc| {
            doc.iter()
                .filter(|&&(s, _)| column_of[s as usize] != u32::MAX)
                .count()
        })
        .collect();
    let mut indptr = Vec::with_capacity(n + 1);
    indptr.push(0usize);
    for &l in &lens {
        indptr.push(indptr[indptr.len() - 1] + l);
    }
    let nnz = indptr[n];
    let mut indices = vec![0u32; nnz];
    let mut data = vec![0.0f64; nnz];
    let mut raw = vec![0u32; nnz];
    let mut slices = Vec::with_capacity(n);
    {
        let (mut ri, mut rd, mut rr) = (&mut indices[..], &mut data[..], &mut raw[..]);
        for &l in &lens {
            let (i, ti) = std::mem::take(&mut ri).split_at_mut(l);
            let (d, td) = std::mem::take(&mut rd).split_at_mut(l);
            let (r, tr) = std::mem::take(&mut rr).split_at_mut(l);
            slices.push((i, d, r));
            (ri, rd, rr) = (ti, td, tr);
        }
    }
    slices.into_par_iter().zip(counts.par_iter()).for_each_init(
        Vec::new,
        |row: &mut Vec<(u32, f64, u32)>, ((ci, cd, cr), doc)| {
            row.clear();
            row.extend(doc.iter().filter_map(|&(s, c)| {
                let col = column_of[s as usize];
                (col != u32::MAX).then(|| {
                    let tf = match p.tf {
                        TfWeighting::Sublinear => 1.0 + (c as f64).ln(),
                        TfWeighting::Raw => c as f64,
                    };
                    (col, tf * idf[col as usize], c)
                })
            }));
            row.sort_unstable_by_key(|e| e.0);
            let norm = row.iter().map(|e| e.1 * e.1).sum::<f64>().sqrt();
            if norm > 0.0 {
                for e in row.iter_mut() {
                    e.1 /= norm;
                }
            }
            for (k, e) in row.iter().enumerate() {
                ci[k] = e.0;
                cd[k] = e.1;
                cr[k] = e.2;
            }
        },
    );
    let matrix = CsrMatrix {
        n_rows: n,
        n_cols: kept.len(),
        indptr,
        indices,
        data,
    };
    TfIdf {
        matrix,
        counts: raw,
        column_stem: kept,
        df: col_df,
        idf,
        types_total,
        types_per_doc: counts.iter().map(|d| d.len()).collect(),
        tokens_per_doc: counts
            .iter()
            .map(|d| d.iter().map(|e| e.1 as usize).sum())
            .collect(),
    }
}

impl TfIdf {
    /// The `k` highest-weighted columns of row `r` as (column, weight, count),
    /// ties broken by column (alphabetical stem) for stable output.
    pub fn top_terms(&self, r: usize, k: usize) -> Vec<(usize, f64, u32)> {
        let (a, b) = (self.matrix.indptr[r], self.matrix.indptr[r + 1]);
        let mut v: Vec<(usize, f64, u32)> = (a..b)
            .map(|i| {
                (
                    self.matrix.indices[i] as usize,
                    self.matrix.data[i],
                    self.counts[i],
                )
            })
            .collect();
        // Columns are distinct, so the order is total.
        crate::text::topk::keep_first(&mut v, k, |x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Document;
    use crate::model::language::Language;
    use crate::text::filters::StopWords;
    use crate::text::tokens::tokenize_corpus;

    fn model(texts: &[&str], p: TfIdfParams) -> (TokenizedCorpus, TfIdf) {
        let docs: Vec<Document> = texts
            .iter()
            .map(|t| Document {
                text: t.to_string(),
                ..Default::default()
            })
            .collect();
        let en = Language::english();
        let tc = tokenize_corpus(&docs, &en, &StopWords::new(en.stop_words()));
        let m = build(&tc, &p);
        (tc, m)
    }

    fn params() -> TfIdfParams {
        TfIdfParams {
            min_df: 1,
            max_df: 1.0,
            max_features: None,
            tf: TfWeighting::Sublinear,
        }
    }

    fn weight(tc: &TokenizedCorpus, m: &TfIdf, row: usize, stem: &str) -> f64 {
        let (cols, vals) = m.matrix.row(row);
        cols.iter()
            .zip(vals)
            .find(|(c, _)| tc.vocab.stems[m.column_stem[**c as usize] as usize] == stem)
            .map(|(_, v)| *v)
            .unwrap_or(0.0)
    }

    /// Three documents worked by hand:
    /// d0 = "police police crime", d1 = "police riot", d2 = "calm".
    /// n = 3; df(police) = 2, df(crime) = 1, df(riot) = 1, df(calm) = 1.
    /// idf(police) = ln(4/3) + 1 = 1.287682; idf(others) = ln(4/2) + 1 = 1.693147.
    /// d0: tf(police) = 1 + ln 2 = 1.693147, tf(crime) = 1.
    ///     raw weights 2.180232 and 1.693147; norm = 2.760468;
    ///     normalised 0.789814 and 0.613365.
    /// d1: 1.287682 and 1.693147; norm 2.127173; 0.605350 and 0.795961.
    #[test]
    fn matches_hand_computed_values() {
        let (tc, m) = model(&["police police crime", "police riot", "calm"], params());
        assert!((weight(&tc, &m, 0, "polic") - 0.789814).abs() < 1e-5);
        assert!((weight(&tc, &m, 0, "crime") - 0.613365).abs() < 1e-5);
        assert!((weight(&tc, &m, 1, "polic") - 0.605350).abs() < 1e-5);
        assert!((weight(&tc, &m, 1, "riot") - 0.795961).abs() < 1e-5);
        assert!((weight(&tc, &m, 2, "calm") - 1.0).abs() < 1e-12);
        assert_eq!(m.df, vec![1, 1, 2, 1]); // calm, crime, polic, riot
    }

    #[test]
    fn damaged_words_are_no_terms() {
        // Once "D\u{FFFD}\u{FFFD}il" gave the terms "d" and "il", and
        // "\u{FFFD}ireann" the term "ireann".
        let (tc, m) = model(
            &[
                "D\u{FFFD}\u{FFFD}il vote D\u{FFFD}\u{FFFD}il \u{FFFD}ireann",
                "budget vote",
                "budget D\u{FFFD}\u{FFFD}il",
            ],
            params(),
        );
        let columns: Vec<&str> = m
            .column_stem
            .iter()
            .map(|&s| tc.vocab.stems[s as usize].as_str())
            .collect();
        assert_eq!(columns, ["budget", "vote"]);
        assert_eq!(m.df, vec![2, 2]);
    }

    #[test]
    fn raw_tf() {
        let (tc, m) = model(
            &["police police crime", "police riot", "calm"],
            TfIdfParams {
                tf: TfWeighting::Raw,
                ..params()
            },
        );
        // d0 raw: 2 * 1.287682 = 2.575364 and 1.693147; norm 3.082085.
        assert!((weight(&tc, &m, 0, "polic") - 0.835592).abs() < 1e-5);
    }

    #[test]
    fn pruning() {
        let texts = ["police crime", "police riot", "police calm"];
        let (_, m) = model(
            &texts,
            TfIdfParams {
                min_df: 2,
                ..params()
            },
        );
        assert_eq!(m.column_stem.len(), 1);
        let (_, m) = model(
            &texts,
            TfIdfParams {
                max_df: 0.5,
                ..params()
            },
        );
        assert_eq!(m.column_stem.len(), 3);
        // 0.3 x 3 articles = 0.9: a term in even one article is above it.
        let (_, m) = model(
            &texts,
            TfIdfParams {
                max_df: 0.3,
                ..params()
            },
        );
        assert_eq!(m.column_stem.len(), 0);
        // 0.66 x 3 = 1.98: one-article terms stay, "police" (3) goes.
        let (_, m) = model(
            &texts,
            TfIdfParams {
                max_df: 0.66,
                ..params()
            },
        );
        assert_eq!(m.column_stem.len(), 3);
        let (tc, m) = model(
            &texts,
            TfIdfParams {
                max_features: Some(2),
                ..params()
            },
        );
        let names: Vec<&str> = m
            .column_stem
            .iter()
            .map(|&s| tc.vocab.stems[s as usize].as_str())
            .collect();
        assert_eq!(names, vec!["calm", "polic"]);
    }

    #[test]
    fn single_article_and_stopword_only_article() {
        let (_, m) = model(&["the and of"], params());
        assert_eq!(m.matrix.n_rows, 1);
        assert_eq!(m.matrix.nnz(), 0);
        let (_, m) = model(&["Police said"], params());
        assert_eq!(m.matrix.nnz(), 2);
    }
}
