//! A compressed-sparse-row matrix: the document-term matrix stays sparse because
//! real corpora are wide (tens of thousands of terms) and each article uses few.

/// Row-major sparse matrix (CSR). Row `r` holds `indices[indptr[r]..indptr[r+1]]`
/// (column ids, strictly increasing) with the matching `data` values.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CsrMatrix {
    /// Number of rows (articles).
    pub n_rows: usize,
    /// Number of columns (vocabulary terms).
    pub n_cols: usize,
    /// Row start offsets into `indices`/`data`; length `n_rows + 1`.
    pub indptr: Vec<usize>,
    /// Column index of each stored value.
    pub indices: Vec<u32>,
    /// Stored values.
    pub data: Vec<f64>,
}

impl CsrMatrix {
    /// An empty matrix with `n_cols` columns and no rows yet.
    pub fn new(n_cols: usize) -> Self {
        CsrMatrix {
            n_rows: 0,
            n_cols,
            indptr: vec![0],
            indices: Vec::new(),
            data: Vec::new(),
        }
    }

    /// Appends a row given as (column, value) pairs sorted by column.
    pub fn push_row(&mut self, entries: &[(u32, f64)]) {
        for &(c, v) in entries {
            debug_assert!((c as usize) < self.n_cols);
            self.indices.push(c);
            self.data.push(v);
        }
        self.indptr.push(self.indices.len());
        self.n_rows += 1;
    }

    /// The (columns, values) of one row.
    pub fn row(&self, r: usize) -> (&[u32], &[f64]) {
        let (a, b) = (self.indptr[r], self.indptr[r + 1]);
        (&self.indices[a..b], &self.data[a..b])
    }

    /// Number of stored (non-zero) values.
    pub fn nnz(&self) -> usize {
        self.data.len()
    }

    /// Dot product of two rows (both sorted by column).
    pub fn row_dot(&self, a: usize, b: usize) -> f64 {
        let (ia, va) = self.row(a);
        let (ib, vb) = self.row(b);
        let (mut i, mut j, mut s) = (0, 0, 0.0);
        while i < ia.len() && j < ib.len() {
            match ia[i].cmp(&ib[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    s += va[i] * vb[j];
                    i += 1;
                    j += 1;
                }
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_dot() {
        let mut m = CsrMatrix::new(4);
        m.push_row(&[(0, 1.0), (2, 2.0)]);
        m.push_row(&[(2, 3.0), (3, 1.0)]);
        assert_eq!(m.n_rows, 2);
        assert_eq!(m.row(1), (&[2u32, 3][..], &[3.0, 1.0][..]));
        assert_eq!(m.row_dot(0, 1), 6.0);
        assert_eq!(m.nnz(), 4);
    }
}
