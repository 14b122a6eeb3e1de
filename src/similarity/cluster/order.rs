//! The order clustering sees the articles in: sorted by a key drawn from each
//! article's TF-IDF row, not by the order the files were read. k-means++
//! picks its starting rows by position, the samples of large corpora are
//! drawn by position and every floating sum runs in row order, so clustering
//! the rows as given made the clusters depend on file names and argument
//! order. A TF-IDF row does not depend on where its article sits in the
//! corpus (columns are sorted by stem, idf counts articles), so the same
//! articles in any order become the same sorted rows, bit for bit. The
//! steps read the rows through a permuted view (`sparse::Rows`), so the
//! matrix is never copied.

use crate::model::Clustering;
use crate::similarity::sparse::CsrMatrix;
use rayon::prelude::*;

/// The rows in content order: `order[p]` is the corpus row clustered at
/// position `p`. Rows are sorted by the XXH3 hash of their entries (columns
/// and the bits of their weights); equal rows (the same text, or no term at
/// all) by article id, then by corpus position, which only decides which of
/// two identical rows comes first.
pub fn content_order(m: &CsrMatrix, ids: &[String]) -> Vec<usize> {
    let keys: Vec<u64> = (0..m.n_rows)
        .into_par_iter()
        .map_init(Vec::new, |buf: &mut Vec<u8>, r| row_key(m, r, buf))
        .collect();
    let mut order: Vec<usize> = (0..m.n_rows).collect();
    order.par_sort_unstable_by(|&a, &b| {
        keys[a]
            .cmp(&keys[b])
            .then_with(|| ids[a].cmp(&ids[b]))
            .then(a.cmp(&b))
    });
    order
}

/// XXH3 of row `r`'s column ids and weights (little-endian bytes), built in
/// `buf` so each worker reuses one buffer.
fn row_key(m: &CsrMatrix, r: usize, buf: &mut Vec<u8>) -> u64 {
    let (cols, vals) = m.row(r);
    buf.clear();
    buf.reserve(cols.len() * 12);
    for &c in cols {
        buf.extend_from_slice(&c.to_le_bytes());
    }
    for &v in vals {
        buf.extend_from_slice(&v.to_bits().to_le_bytes());
    }
    xxhash_rust::xxh3::xxh3_64(buf)
}

/// Whether `order` keeps every row where it is (nothing to reorder).
pub fn is_identity(order: &[usize]) -> bool {
    order.iter().enumerate().all(|(p, &r)| p == r)
}

/// The items in `order`.
pub fn permute<T: Clone>(items: &[T], order: &[usize]) -> Vec<T> {
    order.iter().map(|&r| items[r].clone()).collect()
}

/// Puts a clustering of the rows in `order` back in corpus order: the
/// per-article rows and the similarity matrix (named by `ids`, the corpus's
/// ids). Everything else names articles by id or describes clusters.
pub fn restore(c: &mut Clustering, order: &[usize], ids: &[String]) {
    c.assignments = unpermute(std::mem::take(&mut c.assignments), order);
    if let Some(s) = c.similarity.as_mut() {
        let n = order.len();
        let mut values = vec![vec![0.0; n]; n];
        for (p, row) in s.values.iter().enumerate() {
            for (q, &v) in row.iter().enumerate() {
                values[order[p]][order[q]] = v;
            }
        }
        s.values = values;
        s.ids = ids.to_vec();
    }
}

/// The inverse of [`permute`]: item `p` goes back to position `order[p]`.
fn unpermute<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = (0..items.len()).map(|_| None).collect();
    for (item, &r) in items.into_iter().zip(order) {
        slots[r] = Some(item);
    }
    slots
        .into_iter()
        .map(|s| s.expect("a permutation fills every slot"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::similarity::sparse::Rows;

    fn matrix(rows: &[&[(u32, f64)]]) -> CsrMatrix {
        let mut m = CsrMatrix::new(4);
        for r in rows {
            m.push_row(r);
        }
        m
    }

    /// The rows of `m` in `order`, as the clustering reads them.
    fn rows_in(m: &CsrMatrix, order: &[usize]) -> Vec<(Vec<u32>, Vec<u64>)> {
        let view = Rows::permuted(m, order);
        (0..view.n_rows())
            .map(|p| {
                let (cols, vals) = view.row(p);
                (cols.to_vec(), vals.iter().map(|v| v.to_bits()).collect())
            })
            .collect()
    }

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_same_rows_in_any_order_sort_to_the_same_matrix() {
        let rows: [&[(u32, f64)]; 4] = [
            &[(0, 0.6), (2, 0.8)],
            &[(1, 1.0)],
            &[],
            &[(0, 0.8), (2, 0.6)],
        ];
        let a = matrix(&rows);
        let reversed: Vec<&[(u32, f64)]> = rows.iter().rev().copied().collect();
        let b = matrix(&reversed);
        let (ia, ib) = (ids(&["a", "b", "c", "d"]), ids(&["d", "c", "b", "a"]));
        let (oa, ob) = (content_order(&a, &ia), content_order(&b, &ib));
        assert_eq!(rows_in(&a, &oa), rows_in(&b, &ob));
        assert_eq!(permute(&ia, &oa), permute(&ib, &ob));
        // The weights count, not only the columns.
        assert_ne!(
            row_key(&a, 0, &mut Vec::new()),
            row_key(&a, 3, &mut Vec::new())
        );
    }

    #[test]
    fn equal_rows_are_ordered_by_id() {
        let m = matrix(&[&[(1, 1.0)], &[(1, 1.0)], &[(1, 1.0)]]);
        let order = content_order(&m, &ids(&["b", "c", "a"]));
        assert_eq!(order, vec![2, 0, 1]);
        // Equal ids too: corpus position.
        assert_eq!(content_order(&m, &ids(&["x", "x", "x"])), vec![0, 1, 2]);
    }

    #[test]
    fn restore_undoes_the_order() {
        let order = vec![2, 0, 3, 1];
        let items = vec!["w", "x", "y", "z"];
        let moved = permute(&items, &order);
        assert_eq!(moved, vec!["y", "w", "z", "x"]);
        assert_eq!(unpermute(moved, &order), items);
        assert!(is_identity(&[0, 1, 2]) && !is_identity(&order));
        let m = matrix(&[&[(0, 1.0)], &[(1, 0.5), (3, 0.5)], &[], &[(2, 2.0)]]);
        let p = Rows::permuted(&m, &order);
        assert_eq!(p.row(0), m.row(2));
        assert_eq!(p.row(1), m.row(0));
        assert_eq!(p.row(3), m.row(1));
        assert_eq!(p.nnz(), m.nnz());
    }
}
