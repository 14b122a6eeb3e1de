//! What clustering reads from earlier stages, and the checks it passes
//! before any fit.

use crate::similarity::sparse::CsrMatrix;
use std::borrow::Cow;

/// What clustering needs from earlier stages.
pub struct ClusterInput<'a> {
    /// L2-normalised TF-IDF rows, one per article.
    pub matrix: &'a CsrMatrix,
    /// Article ids, one per row.
    pub ids: &'a [String],
    /// Surface form of each column's term.
    pub terms: &'a [String],
    /// Stem of each column.
    pub stems: &'a [String],
}

/// The matrix to cluster: `Ok(None)` for fewer than 3 articles, `Err` when
/// the ids, terms or stems do not match the matrix or no article has a term.
/// Non-finite weights (which TF-IDF cannot produce) become 0 so that they
/// never reach k-means.
pub fn checked_matrix<'a>(input: &ClusterInput<'a>) -> Result<Option<Cow<'a, CsrMatrix>>, String> {
    let raw = input.matrix;
    let n = raw.n_rows;
    if input.ids.len() != n {
        return Err(format!(
            "clustering: {} ids for {} matrix rows",
            input.ids.len(),
            n
        ));
    }
    if input.terms.len() != raw.n_cols || input.stems.len() != raw.n_cols {
        return Err(format!(
            "clustering: {} terms and {} stems for {} matrix columns",
            input.terms.len(),
            input.stems.len(),
            raw.n_cols
        ));
    }
    if n < 3 {
        return Ok(None);
    }
    if raw.data.iter().all(|&v| v == 0.0 || !v.is_finite()) {
        return Err("clustering: no article has any term left after vocabulary pruning".into());
    }
    if raw.data.iter().all(|v| v.is_finite()) {
        return Ok(Some(Cow::Borrowed(raw)));
    }
    let mut m = raw.clone();
    m.data
        .iter_mut()
        .filter(|v| !v.is_finite())
        .for_each(|v| *v = 0.0);
    Ok(Some(Cow::Owned(m)))
}

#[cfg(test)]
mod tests {
    use super::super::cluster;
    use super::super::test_corpus::{params, planted};
    use super::*;

    #[test]
    fn inconsistent_input_and_empty_vocabulary_are_errors() {
        let c = planted(5, 2, 10, 5, 8, 2, 12);
        let ids = &c.ids[..4];
        let bad = ClusterInput { ids, ..c.input() };
        assert!(cluster(&bad, &params(None)).is_err());
        let mut empty = CsrMatrix::new(3);
        for _ in 0..4 {
            empty.push_row(&[]);
        }
        let ids: Vec<String> = (0..4).map(|i| i.to_string()).collect();
        let terms: Vec<String> = vec!["a".into(), "b".into(), "c".into()];
        let input = ClusterInput {
            matrix: &empty,
            ids: &ids,
            terms: &terms,
            stems: &terms,
        };
        assert!(cluster(&input, &params(None)).is_err());
    }

    #[test]
    fn fewer_than_three_articles_give_none() {
        for n in [0, 1, 2] {
            let c = planted(n, 1, 5, 5, 4, 2, 4);
            assert!(cluster(&c.input(), &params(None)).unwrap().is_none());
        }
    }

    #[test]
    fn non_finite_weights_become_zero() {
        let mut m = CsrMatrix::new(2);
        for r in 0..3 {
            m.push_row(&[(0, 1.0), (1, if r == 1 { f64::NAN } else { 0.5 })]);
        }
        let ids: Vec<String> = (0..3).map(|i| i.to_string()).collect();
        let terms: Vec<String> = vec!["a".into(), "b".into()];
        let input = ClusterInput {
            matrix: &m,
            ids: &ids,
            terms: &terms,
            stems: &terms,
        };
        let clean = checked_matrix(&input).unwrap().unwrap();
        assert!(matches!(clean, Cow::Owned(_)));
        assert_eq!(clean.row(1).1, &[1.0, 0.0][..]);
    }
}
