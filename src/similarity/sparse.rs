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
        sorted_dot(self.row(a), self.row(b))
    }
}

/// Dot product of two sparse rows, each sorted by column.
fn sorted_dot((ia, va): (&[u32], &[f64]), (ib, vb): (&[u32], &[f64])) -> f64 {
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

/// The rows of a [`CsrMatrix`] read in an order of their own, without a
/// copy: row `p` of the view is row `order[p]` of the matrix (row `p` when
/// there is no order). A reordered copy would cost as much memory as the
/// matrix itself.
#[derive(Debug, Clone, Copy)]
pub struct Rows<'a> {
    m: &'a CsrMatrix,
    order: Option<&'a [usize]>,
}

impl<'a> Rows<'a> {
    /// The rows of `m` in `order`, a permutation of its row numbers.
    pub fn permuted(m: &'a CsrMatrix, order: &'a [usize]) -> Self {
        debug_assert_eq!(order.len(), m.n_rows);
        Rows {
            m,
            order: Some(order),
        }
    }

    /// Number of rows.
    pub fn n_rows(&self) -> usize {
        self.order.map_or(self.m.n_rows, <[usize]>::len)
    }

    /// Number of columns.
    pub fn n_cols(&self) -> usize {
        self.m.n_cols
    }

    /// Number of stored values (a permutation keeps every row).
    pub fn nnz(&self) -> usize {
        self.m.nnz()
    }

    /// The (columns, values) of row `p` of the view.
    #[inline]
    pub fn row(&self, p: usize) -> (&'a [u32], &'a [f64]) {
        let m: &'a CsrMatrix = self.m;
        match self.order {
            Some(order) => m.row(order[p]),
            None => m.row(p),
        }
    }

    /// Dot product of rows `a` and `b` of the view.
    pub fn row_dot(&self, a: usize, b: usize) -> f64 {
        sorted_dot(self.row(a), self.row(b))
    }
}

impl<'a> From<&'a CsrMatrix> for Rows<'a> {
    fn from(m: &'a CsrMatrix) -> Self {
        Rows { m, order: None }
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

    #[test]
    fn a_permuted_view_reads_the_rows_in_its_order() {
        let mut m = CsrMatrix::new(3);
        m.push_row(&[(0, 1.0)]);
        m.push_row(&[(1, 2.0), (2, 1.0)]);
        m.push_row(&[(1, 3.0)]);
        let order = [2, 0, 1];
        let v = Rows::permuted(&m, &order);
        assert_eq!((v.n_rows(), v.n_cols(), v.nnz()), (3, 3, 4));
        for (p, &r) in order.iter().enumerate() {
            assert_eq!(v.row(p), m.row(r));
        }
        assert_eq!(v.row_dot(0, 2), m.row_dot(2, 1));
        let all = Rows::from(&m);
        assert_eq!((all.n_rows(), all.row(1)), (3, m.row(1)));
    }
}
