//! Small dense linear algebra for the clustering step: a seeded Gaussian
//! generator, modified Gram-Schmidt, a cyclic Jacobi eigensolver, and a
//! randomized truncated SVD (Halko, Martinsson & Tropp 2011) that only ever
//! touches the data through block products, so a sparse n x m matrix is never
//! densified. Every sum runs in a fixed order, so results are bit-for-bit
//! repeatable for the same input and seed whatever the thread count.

use crate::similarity::sparse::{CsrMatrix, Rows};
use ndarray::{Array1, Array2, Axis};
use rand_xoshiro::rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256Plus;
use rayon::prelude::*;
use std::cell::RefCell;

/// Oversampling of the randomized SVD range finder (Halko et al. suggest 5-10).
pub const OVERSAMPLE: usize = 10;

/// A linear operator `A` (rows x cols) known only through `A * B` and `A^T * B`.
pub trait Operator: Sync {
    /// Number of rows of `A`.
    fn rows(&self) -> usize;
    /// Number of columns of `A`.
    fn cols(&self) -> usize;
    /// `A * b`, with `b` of shape (cols x l).
    fn mul(&self, b: &Array2<f64>) -> Array2<f64>;
    /// `A^T * b`, with `b` of shape (rows x l).
    fn tmul(&self, b: &Array2<f64>) -> Array2<f64>;
    /// [`Operator::mul`] of a `b` that is not needed afterwards (its
    /// memory may be handed to `scratch` for a later product).
    fn mul_owned(&self, b: Array2<f64>, scratch: &Scratch) -> Array2<f64> {
        let _ = scratch;
        self.mul(&b)
    }
    /// [`Operator::tmul`] of a `b` that is not needed afterwards.
    fn tmul_owned(&self, b: Array2<f64>, scratch: &Scratch) -> Array2<f64> {
        let _ = scratch;
        self.tmul(&b)
    }
    /// [`Operator::tmul`] that may take its buffers from `scratch`.
    fn tmul_with(&self, b: &Array2<f64>, scratch: &Scratch) -> Array2<f64> {
        let _ = scratch;
        self.tmul(b)
    }
    /// `A * gaussian(cols, l, seed)` (see [`gaussian`]).
    fn mul_gaussian(&self, l: usize, seed: u64, scratch: &Scratch) -> Array2<f64> {
        let _ = scratch;
        self.mul(&gaussian(self.cols(), l, seed))
    }
}

/// Large buffers handed back by one product of the range finder and taken
/// by a later one of the same size, instead of fresh memory for each
/// product: fresh pages are faulted in and zeroed by the kernel, a large
/// share of the clustering's time. Contents of a taken buffer are stale: every user
/// overwrites all of it.
#[derive(Default)]
pub struct Scratch {
    f64s: RefCell<Vec<Vec<f64>>>,
    f32s: RefCell<Vec<Vec<f32>>>,
}

impl Scratch {
    fn take_f64(&self, len: usize) -> Vec<f64> {
        take(&self.f64s, len, 0.0)
    }
    fn take_f32(&self, len: usize) -> Vec<f32> {
        take(&self.f32s, len, 0.0)
    }
    fn give_f64(&self, v: Vec<f64>) {
        self.f64s.borrow_mut().push(v);
    }
    fn give_f32(&self, v: Vec<f32>) {
        self.f32s.borrow_mut().push(v);
    }
    /// Hands back the memory of a matrix that is no longer needed.
    fn give_matrix(&self, b: Array2<f64>) {
        if b.is_standard_layout() {
            let (v, offset) = b.into_raw_vec_and_offset();
            if offset == Some(0) || offset.is_none() {
                self.give_f64(v);
            }
        }
    }
}

/// A buffer of exactly `len` values from `pool`, or a new one.
fn take<T: Copy>(pool: &RefCell<Vec<Vec<T>>>, len: usize, zero: T) -> Vec<T> {
    let mut pool = pool.borrow_mut();
    match pool.iter().position(|v| v.len() == len) {
        Some(i) => pool.swap_remove(i),
        None => vec![zero; len],
    }
}

/// Sparse rows together with their transpose (CSR), so both products can
/// be computed row-parallel without scattered writes.
pub struct SparseOp<'a> {
    a: Rows<'a>,
    at: CsrMatrix,
}

impl<'a> SparseOp<'a> {
    /// Wraps `a` and builds its transpose (memory linear in nnz).
    pub fn new(a: impl Into<Rows<'a>>) -> Self {
        let a = a.into();
        SparseOp {
            a,
            at: transpose(a),
        }
    }
}

/// Transpose of sparse rows; the rows of the result list the rows' numbers
/// (in `a`'s order) in increasing order.
pub fn transpose(a: Rows<'_>) -> CsrMatrix {
    let (n_rows, n_cols) = (a.n_rows(), a.n_cols());
    let mut counts = vec![0usize; n_cols + 1];
    for r in 0..n_rows {
        for &c in a.row(r).0 {
            counts[c as usize + 1] += 1;
        }
    }
    for i in 0..n_cols {
        counts[i + 1] += counts[i];
    }
    let indptr = counts.clone();
    let mut next = counts;
    let mut indices = vec![0u32; a.nnz()];
    let mut data = vec![0.0; a.nnz()];
    for r in 0..n_rows {
        let (cols, vals) = a.row(r);
        for (&c, &v) in cols.iter().zip(vals) {
            let p = next[c as usize];
            indices[p] = r as u32;
            data[p] = v;
            next[c as usize] += 1;
        }
    }
    CsrMatrix {
        n_rows: n_cols,
        n_cols: n_rows,
        indptr,
        indices,
        data,
    }
}

/// `b` as f32, row-major, in a buffer from `scratch`.
fn to_f32(b: &Array2<f64>, scratch: &Scratch) -> Vec<f32> {
    let mut out = scratch.take_f32(b.len());
    match b.as_slice() {
        Some(s) => out
            .par_iter_mut()
            .zip(s.par_iter())
            .for_each(|(o, &x)| *o = x as f32),
        None => out
            .iter_mut()
            .zip(b.iter())
            .for_each(|(o, &x)| *o = x as f32),
    }
    out
}

/// `m * b` for a tall operand already read as f32 (see [`csr_mul_with`]),
/// into a buffer from `scratch`.
fn csr_mul_f32(m: Rows<'_>, b32: &[f32], l: usize, scratch: &Scratch) -> Array2<f64> {
    let n = m.n_rows();
    let mut out = scratch.take_f64(n * l);
    if l > 0 {
        mul_rows(m, b32, l, &mut out);
    }
    Array2::from_shape_vec((n, l), out).unwrap_or_else(|_| Array2::zeros((n, l)))
}

/// [`csr_mul_with`] of an operand that is not needed afterwards: its memory
/// goes to `scratch` for a later product of the same size.
fn csr_mul_owned(m: Rows<'_>, b: Array2<f64>, scratch: &Scratch) -> Array2<f64> {
    let out = csr_mul_with(m, &b, scratch);
    scratch.give_matrix(b);
    out
}

/// `m * b` for sparse rows `m` and dense `b` (m.n_cols x l), parallel over
/// rows; each output row is summed in column order, so the result is
/// deterministic.
pub fn csr_mul_dense(m: Rows<'_>, b: &Array2<f64>) -> Array2<f64> {
    csr_mul_with(m, b, &Scratch::default())
}

/// [`csr_mul_dense`] with the large buffers taken from `scratch`.
fn csr_mul_with(m: Rows<'_>, b: &Array2<f64>, scratch: &Scratch) -> Array2<f64> {
    let l = b.ncols();
    if b.nrows() >= TALL_ROWS {
        // A tall operand (a row per term, or per article of a large
        // corpus) does not fit in cache and every stored value gathers
        // one of its rows at random: reading it as f32 halves that
        // traffic. Sums stay f64; the ~1e-7 relative rounding is far
        // below what separates clusters.
        let b32 = to_f32(b, scratch);
        let out = csr_mul_f32(m, &b32, l, scratch);
        scratch.give_f32(b32);
        return out;
    }
    let n = m.n_rows();
    let mut out = vec![0.0; n * l];
    if l > 0 {
        // Plain slices (not ndarray row iterators) so the inner loop is
        // vectorised; the order of every sum is unchanged.
        let owned;
        let bs: &[f64] = match b.as_slice() {
            Some(s) => s,
            None => {
                owned = b.iter().copied().collect::<Vec<f64>>();
                &owned
            }
        };
        mul_rows(m, bs, l, &mut out);
    }
    Array2::from_shape_vec((n, l), out).unwrap_or_else(|_| Array2::zeros((n, l)))
}

/// `out = m * b` for row-major dense `b` with `l` columns (f64 or f32 values).
fn mul_rows<T: Copy + Into<f64> + Sync>(m: Rows<'_>, bs: &[T], l: usize, out: &mut [f64]) {
    mul_rows_by(m, bs, l, out, |c| Some(c as usize));
}

/// [`mul_rows`] where column `c` of `m` reads row `row_of(c)` of `b`, and a
/// column without one is left out.
fn mul_rows_by<T: Copy + Into<f64> + Sync>(
    m: Rows<'_>,
    bs: &[T],
    l: usize,
    out: &mut [f64],
    row_of: impl Fn(u32) -> Option<usize> + Sync,
) {
    // Each row is summed in a small buffer and then written once: adding
    // into fresh zeroed memory reads its pages before writing them, which
    // costs two page faults per page instead of one.
    out.par_chunks_mut(l).enumerate().for_each_init(
        || vec![0.0f64; l],
        |acc, (r, row)| {
            let (cols, vals) = m.row(r);
            sum_row(acc, cols, vals, bs, l, &row_of);
            row.copy_from_slice(acc);
        },
    );
}

/// One row of [`mul_rows_by`]: `acc` = the sum over the row's stored values
/// of value x (row of `bs`), each product added in column order.
#[inline(always)]
fn sum_row<T: Copy + Into<f64>>(
    acc: &mut [f64],
    cols: &[u32],
    vals: &[f64],
    bs: &[T],
    l: usize,
    row_of: &impl Fn(u32) -> Option<usize>,
) {
    acc.fill(0.0);
    for (&c, &v) in cols.iter().zip(vals) {
        let Some(c) = row_of(c) else {
            continue;
        };
        for (o, &x) in acc.iter_mut().zip(&bs[c * l..(c + 1) * l]) {
            *o += v * x.into();
        }
    }
}

impl Operator for SparseOp<'_> {
    fn rows(&self) -> usize {
        self.a.n_rows()
    }
    fn cols(&self) -> usize {
        self.a.n_cols()
    }
    fn mul(&self, b: &Array2<f64>) -> Array2<f64> {
        csr_mul_dense(self.a, b)
    }
    fn tmul(&self, b: &Array2<f64>) -> Array2<f64> {
        csr_mul_dense((&self.at).into(), b)
    }
    fn mul_owned(&self, b: Array2<f64>, scratch: &Scratch) -> Array2<f64> {
        csr_mul_owned(self.a, b, scratch)
    }
    fn tmul_owned(&self, b: Array2<f64>, scratch: &Scratch) -> Array2<f64> {
        csr_mul_owned((&self.at).into(), b, scratch)
    }
    fn tmul_with(&self, b: &Array2<f64>, scratch: &Scratch) -> Array2<f64> {
        csr_mul_with((&self.at).into(), b, scratch)
    }
    fn mul_gaussian(&self, l: usize, seed: u64, scratch: &Scratch) -> Array2<f64> {
        let m = self.cols();
        if m >= TALL_ROWS {
            // Drawn straight into f32 (the same values as drawing f64 and
            // reading them as f32, as csr_mul_with would).
            let g = gaussian_f32(m, l, seed);
            let out = csr_mul_f32(self.a, &g, l, scratch);
            scratch.give_f32(g);
            out
        } else {
            csr_mul_dense(self.a, &gaussian(m, l, seed))
        }
    }
}

/// A dense matrix with its column means subtracted (implicitly), for PCA:
/// `(X - 1 mu^T) B = X B - 1 (mu^T B)` and `(X - 1 mu^T)^T B = X^T B - mu (1^T B)`.
pub struct CentredDense<'a> {
    x: &'a Array2<f64>,
    mean: Array1<f64>,
}

impl<'a> CentredDense<'a> {
    /// Wraps `x`, computing its column means (rows summed in order).
    pub fn new(x: &'a Array2<f64>) -> Self {
        let n = x.nrows().max(1) as f64;
        let mut mean = Array1::zeros(x.ncols());
        for row in x.rows() {
            mean += &row;
        }
        mean /= n;
        CentredDense { x, mean }
    }
}

impl Operator for CentredDense<'_> {
    fn rows(&self) -> usize {
        self.x.nrows()
    }
    fn cols(&self) -> usize {
        self.x.ncols()
    }
    fn mul(&self, b: &Array2<f64>) -> Array2<f64> {
        let mut out = self.x.dot(b);
        let shift = self.mean.dot(b);
        for mut row in out.rows_mut() {
            row -= &shift;
        }
        out
    }
    fn tmul(&self, b: &Array2<f64>) -> Array2<f64> {
        let mut out = self.x.t().dot(b);
        let colsum = b.sum_axis(Axis(0));
        for (mut row, &m) in out.rows_mut().into_iter().zip(self.mean.iter()) {
            row.scaled_add(-m, &colsum);
        }
        out
    }
}

/// A (rows x cols) matrix of independent standard normal draws (Box-Muller on
/// the top 53 bits of xoshiro256+), filled row by row.
///
/// Rows come in blocks of [`GAUSSIAN_BLOCK`], each from its own generator
/// (the first seeded with `seed`, block b with `seed + b * golden ratio`),
/// so the blocks fill in parallel and the values never depend on the thread
/// count: one generator for a row per vocabulary term was a serial step.
pub fn gaussian(rows: usize, cols: usize, seed: u64) -> Array2<f64> {
    let mut v = vec![0.0f64; rows * cols];
    if cols > 0 {
        v.par_chunks_mut(GAUSSIAN_BLOCK * cols)
            .enumerate()
            .for_each(|(b, block)| fill_normal(block, block_seed(seed, b)));
    }
    Array2::from_shape_vec((rows, cols), v).unwrap_or_else(|_| Array2::zeros((rows, cols)))
}

/// [`gaussian`] read as f32 (row-major), without the f64 matrix.
fn gaussian_f32(rows: usize, cols: usize, seed: u64) -> Vec<f32> {
    let mut v = vec![0.0f32; rows * cols];
    if cols > 0 {
        v.par_chunks_mut(GAUSSIAN_BLOCK * cols)
            .enumerate()
            .for_each(|(b, block)| {
                let mut draws = vec![0.0f64; block.len()];
                fill_normal(&mut draws, block_seed(seed, b));
                for (o, &x) in block.iter_mut().zip(&draws) {
                    *o = x as f32;
                }
            });
    }
    v
}

/// The seed of block `b` of the Gaussian matrix (golden-ratio steps).
fn block_seed(seed: u64, b: usize) -> u64 {
    seed.wrapping_add((b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// Rows of the Gaussian matrix drawn from one generator.
const GAUSSIAN_BLOCK: usize = 4096;

/// Fills `out` with standard normal draws from a generator seeded by `seed`.
fn fill_normal(out: &mut [f64], seed: u64) {
    let mut rng = Xoshiro256Plus::seed_from_u64(seed);
    let mut unit = move || ((rng.next_u64() >> 11) as f64 + 0.5) * (1.0 / (1u64 << 53) as f64);
    let mut pairs = out.chunks_exact_mut(2);
    for pair in &mut pairs {
        let (u1, u2) = (unit(), unit());
        let r = (-2.0 * u1.ln()).sqrt();
        let t = 2.0 * std::f64::consts::PI * u2;
        pair[0] = r * t.cos();
        pair[1] = r * t.sin();
    }
    if let [last] = pairs.into_remainder() {
        let (u1, u2) = (unit(), unit());
        *last = (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos();
    }
}

/// Orthonormalises the columns of `y` in place. Columns that are numerically
/// in the span of earlier ones become exactly zero, so rank deficiency is
/// harmless.
///
/// One algorithm, block classical Gram-Schmidt with reorthogonalisation
/// (BCGS2, Barlow & Smoktunowicz 2013): each block of columns is projected
/// against all earlier columns twice with matrix products over row chunks
/// (parallel, partial sums added in chunk order, so repeatable), then
/// orthonormalised within itself by modified Gram-Schmidt run twice ("twice
/// is enough"). Column-by-column MGS reads every earlier column once per
/// column, which is memory-bound on the tall term side of a wide vocabulary.
///
/// Inputs of fewer than [`PAR_ROWS`] rows are one block, summed strictly
/// left to right: that is MGS twice, bit for bit what earlier versions
/// computed, and it keeps the outputs of small corpora unchanged. Giving them
/// the tall inputs' blocks or eight-lane dot products would change their
/// rounding: the matrix products and [`fast_dot`] add the same terms in
/// another order, so the SVD, and through k-means++ the clusters, could move.
pub fn orthonormalise(y: &mut Array2<f64>) {
    const BLOCK: usize = 16;
    const CHUNK: usize = 8192;
    let (m, l) = y.dim();
    let (block, dot_of): (usize, DotFn) = if m < PAR_ROWS {
        (l.max(1), dot)
    } else {
        (BLOCK, fast_dot)
    };
    let starts: Vec<usize> = (0..m).step_by(CHUNK).collect();
    let mut j0 = 0;
    while j0 < l {
        let j1 = (j0 + block).min(l);
        let b = j1 - j0;
        let norm0: Vec<f64> = (j0..j1)
            .map(|j| y.column(j).iter().map(|x| x * x).sum::<f64>().sqrt())
            .collect();
        if j0 > 0 {
            for _pass in 0..2 {
                let yr = &*y;
                let partial: Vec<Array2<f64>> = starts
                    .par_iter()
                    .map(|&r0| {
                        let r1 = (r0 + CHUNK).min(m);
                        let q = yr.slice(ndarray::s![r0..r1, ..j0]);
                        let v = yr.slice(ndarray::s![r0..r1, j0..j1]);
                        q.t().dot(&v)
                    })
                    .collect();
                let mut p = Array2::<f64>::zeros((j0, b));
                for part in &partial {
                    p += part;
                }
                let chunks: Vec<_> = y.axis_chunks_iter_mut(Axis(0), CHUNK).collect();
                chunks.into_par_iter().for_each(|mut c| {
                    let (q, mut v) =
                        c.multi_slice_mut((ndarray::s![.., ..j0], ndarray::s![.., j0..j1]));
                    ndarray::linalg::general_mat_mul(-1.0, &q, &p, 1.0, &mut v);
                });
            }
        }
        // Within the block: MGS twice on contiguous copies of its columns.
        let mut cols: Vec<Vec<f64>> = (j0..j1).map(|j| y.column(j).to_vec()).collect();
        mgs_twice(&mut cols, &norm0, dot_of);
        for (c, col) in cols.iter().enumerate() {
            for (dst, &x) in y.column_mut(j0 + c).iter_mut().zip(col) {
                *dst = x;
            }
        }
        j0 = j1;
    }
}

/// A dot product, chosen per input by [`orthonormalise`].
type DotFn = fn(&[f64], &[f64]) -> f64;

/// Inputs of [`orthonormalise`] below this many rows are a single block.
const PAR_ROWS: usize = 8192;

/// Modified Gram-Schmidt, run twice, on `cols` (each column's norm before
/// any projection in `norm0`), with dot products by `dot_of`. A column whose
/// remainder is below 1e-10 of its original norm is rounding noise, not a
/// direction, and becomes zero.
fn mgs_twice(cols: &mut [Vec<f64>], norm0: &[f64], dot_of: DotFn) {
    for (c, &n0) in norm0.iter().enumerate() {
        let (done, rest) = cols.split_at_mut(c);
        let v = &mut rest[0];
        for _pass in 0..2 {
            for q in done.iter() {
                let p = dot_of(q, v);
                for (x, &qi) in v.iter_mut().zip(q) {
                    *x -= p * qi;
                }
            }
        }
        let norm = dot_of(v, v).sqrt();
        if norm > 0.0 && norm > 1e-10 * n0 {
            v.iter_mut().for_each(|x| *x /= norm);
        } else {
            v.iter_mut().for_each(|x| *x = 0.0);
        }
    }
}

/// `Z^T Z`. A tall `Z` (a row per vocabulary term) is summed over fixed
/// chunks of rows in parallel, the partial products added in chunk order, so
/// the result does not depend on the thread count.
pub fn gram(z: &Array2<f64>) -> Array2<f64> {
    const CHUNK: usize = 8192;
    let m = z.nrows();
    if m < 2 * CHUNK {
        return z.t().dot(z);
    }
    let starts: Vec<usize> = (0..m).step_by(CHUNK).collect();
    let partial: Vec<Array2<f64>> = starts
        .par_iter()
        .map(|&r0| {
            let c = z.slice(ndarray::s![r0..(r0 + CHUNK).min(m), ..]);
            c.t().dot(&c)
        })
        .collect();
    let mut g = Array2::<f64>::zeros((z.ncols(), z.ncols()));
    for part in &partial {
        g += part;
    }
    g
}

/// Rows from which the term side of the range finder is only rescaled.
const TALL_ROWS: usize = 8192;

/// Scales every non-zero column to unit length.
fn normalise_columns(z: &mut Array2<f64>) {
    for mut col in z.columns_mut() {
        let n = col.iter().map(|x| x * x).sum::<f64>().sqrt();
        if n > 0.0 {
            col.mapv_inplace(|x| x / n);
        }
    }
}

/// Dot product with eight running sums (so the compiler can vectorise it),
/// in a fixed order: the same inputs always give the same bits.
pub fn fast_dot(a: &[f64], b: &[f64]) -> f64 {
    let mut acc = [0.0f64; 8];
    let whole = a.len().min(b.len()) / 8 * 8;
    for (ca, cb) in a[..whole].chunks_exact(8).zip(b[..whole].chunks_exact(8)) {
        for t in 0..8 {
            acc[t] += ca[t] * cb[t];
        }
    }
    let mut s = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
    for (x, y) in a[whole..].iter().zip(&b[whole..]) {
        s += x * y;
    }
    s
}

/// Plain dot product, summed left to right.
pub fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations.
/// Returns eigenvalues in decreasing order (ties by original position) and the
/// matching unit eigenvectors as columns.
pub fn symmetric_eigen(a: &Array2<f64>) -> (Vec<f64>, Array2<f64>) {
    let n = a.nrows();
    let mut m = a.clone();
    let mut v = Array2::<f64>::eye(n);
    let total: f64 = m.iter().map(|x| x * x).sum::<f64>().sqrt();
    for _sweep in 0..100 {
        let mut off = 0.0;
        for p in 0..n {
            for q in (p + 1)..n {
                off += m[[p, q]] * m[[p, q]];
            }
        }
        if off.sqrt() <= 1e-15 * total || total == 0.0 {
            break;
        }
        for p in 0..n {
            for q in (p + 1)..n {
                let apq = m[[p, q]];
                if apq.abs() <= 1e-300 {
                    continue;
                }
                // Rotation angle that zeroes m[p][q] (Golub & Van Loan 8.5.2).
                let theta = (m[[q, q]] - m[[p, p]]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..n {
                    let (mkp, mkq) = (m[[k, p]], m[[k, q]]);
                    m[[k, p]] = c * mkp - s * mkq;
                    m[[k, q]] = s * mkp + c * mkq;
                }
                for k in 0..n {
                    let (mpk, mqk) = (m[[p, k]], m[[q, k]]);
                    m[[p, k]] = c * mpk - s * mqk;
                    m[[q, k]] = s * mpk + c * mqk;
                }
                for k in 0..n {
                    let (vkp, vkq) = (v[[k, p]], v[[k, q]]);
                    v[[k, p]] = c * vkp - s * vkq;
                    v[[k, q]] = s * vkp + c * vkq;
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| m[[j, j]].total_cmp(&m[[i, i]]).then(i.cmp(&j)));
    let vals = order.iter().map(|&i| m[[i, i]]).collect();
    let vecs = v.select(Axis(1), &order);
    (vals, vecs)
}

/// Randomized truncated SVD scores: returns `U_d * Sigma_d` (rows x d), i.e. the
/// coordinates of each row of `A` on the top `d` right singular vectors, and
/// the `d` singular values.
///
/// Recipe (Halko et al. 2011, alg. 4.4 + 5.1): Y = A * Omega with Gaussian
/// Omega (cols x l, l = d + oversampling), Q = orth(Y); `power` times
/// Q = orth(A * orth(A^T Q)); then B = Q^T A is small (l x cols), and
/// B B^T = Z^T Z with Z = A^T Q (cols x l) is l x l, whose eigenpairs
/// (W, sigma^2) give A V = Q W Sigma. Each score column's sign is fixed so that
/// its largest-magnitude entry is positive (first such entry on ties).
pub fn randomized_svd(
    op: &dyn Operator,
    d: usize,
    oversample: usize,
    power: usize,
    seed: u64,
) -> (Array2<f64>, Vec<f64>) {
    let fit = svd_fit(op, d, oversample, power, seed);
    let mut scores = fit.q.dot(&fit.w);
    for (j, mut col) in scores.axis_iter_mut(Axis(1)).enumerate() {
        col *= fit.sigma[j];
        fix_sign(&mut col);
    }
    (scores, fit.sigma)
}

/// What the range finder leaves: Q (rows x l), Z = A^T Q (cols x l), the
/// top `d` eigenvectors W (l x d) of Z^T Z and the singular values.
struct SvdFit {
    q: Array2<f64>,
    z: Array2<f64>,
    w: Array2<f64>,
    sigma: Vec<f64>,
}

/// The range finder and the small eigenproblem of [`randomized_svd`].
fn svd_fit(op: &dyn Operator, d: usize, oversample: usize, power: usize, seed: u64) -> SvdFit {
    let (n, m) = (op.rows(), op.cols());
    let d = d.min(n).min(m);
    let l = (d + oversample).min(n).min(m);
    if d == 0 {
        return SvdFit {
            q: Array2::zeros((n, 0)),
            z: Array2::zeros((m, 0)),
            w: Array2::zeros((0, 0)),
            sigma: Vec::new(),
        };
    }
    let mut clock = crate::platform::timing::Timer::new("    svd.");
    let scratch = Scratch::default();
    let mut q = op.mul_gaussian(l, seed, &scratch);
    clock.lap("gaussian");
    orthonormalise(&mut q);
    for _ in 0..power {
        let mut z = op.tmul_owned(q, &scratch);
        // The term side of a wide vocabulary (a row per term) is only
        // rescaled, not orthonormalised: Q is orthonormalised right after on
        // the document side, so this is subspace iteration on A A^T (Halko et
        // al. 2011, section 4.5), and it saves the largest dense step.
        if z.nrows() < TALL_ROWS {
            orthonormalise(&mut z);
        } else {
            normalise_columns(&mut z);
        }
        q = op.mul_owned(z, &scratch);
        orthonormalise(&mut q);
    }
    clock.lap("range_finder");
    let z = op.tmul_with(&q, &scratch);
    drop(scratch);
    let g = gram(&z);
    let (vals, w) = symmetric_eigen(&g);
    clock.lap("eigen");
    let sigma: Vec<f64> = vals.iter().take(d).map(|&x| x.max(0.0).sqrt()).collect();
    let w = w.slice(ndarray::s![.., ..d]).to_owned();
    SvdFit { q, z, w, sigma }
}

/// [`randomized_svd`] scores of every row of `a`, with the singular vectors
/// fitted on the rows `sample` only (increasing, distinct): each row is then
/// projected, `a V` with `V = Z W Sigma^-1`, which is exactly what the scores
/// of the sampled rows are when their rank is at most `d`. The fit runs on
/// the sample's own terms (columns renumbered), so its cost follows the
/// sample and not the corpus; the projection is one sparse product.
pub fn sampled_svd(
    a: Rows<'_>,
    sample: &[usize],
    d: usize,
    oversample: usize,
    power: usize,
    seed: u64,
) -> (Array2<f64>, Vec<f64>) {
    // Columns the sample uses, numbered in increasing original order.
    let mut local = vec![ABSENT; a.n_cols()];
    for &r in sample {
        for &c in a.row(r).0 {
            local[c as usize] = 0;
        }
    }
    let mut used = 0u32;
    for slot in local.iter_mut().filter(|s| **s != ABSENT) {
        *slot = used;
        used += 1;
    }
    let mut sub = CsrMatrix::new(used as usize);
    for &r in sample {
        let (cols, vals) = a.row(r);
        sub.indices.extend(cols.iter().map(|&c| local[c as usize]));
        sub.data.extend_from_slice(vals);
        sub.indptr.push(sub.indices.len());
        sub.n_rows += 1;
    }
    let fit = {
        let op = SparseOp::new(&sub);
        svd_fit(&op, d, oversample, power, seed)
    };
    drop(sub);
    // V = Z W Sigma^-1 (sample terms x d); a direction with sigma = 0 spans
    // nothing and projects to 0.
    let mut clock = crate::platform::timing::Timer::new("    svd.");
    let mut v = fit.z.dot(&fit.w);
    drop(fit.z);
    clock.lap("basis");
    for (j, mut col) in v.axis_iter_mut(Axis(1)).enumerate() {
        let s = fit.sigma[j];
        if s > 0.0 {
            col /= s;
        } else {
            col.fill(0.0);
        }
    }
    let mut scores = mul_rows_mapped(a, &local, &v);
    clock.lap("project");
    for mut col in scores.axis_iter_mut(Axis(1)) {
        fix_sign(&mut col);
    }
    (scores, fit.sigma)
}

/// A column of the corpus that the sampled fit never saw.
const ABSENT: u32 = u32::MAX;

/// `a * v` where column `c` of `a` is row `local[c]` of `v`, and a column
/// marked [`ABSENT`] is left out (a term the fit never saw). Parallel over
/// rows, each summed in column order.
fn mul_rows_mapped(a: Rows<'_>, local: &[u32], v: &Array2<f64>) -> Array2<f64> {
    let (n, d) = (a.n_rows(), v.ncols());
    let vs: Vec<f64> = v.iter().copied().collect();
    let mut out = vec![0.0f64; n * d];
    if d > 0 {
        mul_rows_by(a, &vs, d, &mut out, |c| {
            let k = local[c as usize];
            (k != ABSENT).then_some(k as usize)
        });
    }
    Array2::from_shape_vec((n, d), out).unwrap_or_else(|_| Array2::zeros((n, d)))
}

/// Flips a vector so that its largest-magnitude entry (first on ties) is positive.
pub fn fix_sign(col: &mut ndarray::ArrayViewMut1<f64>) {
    let mut best = 0.0f64;
    let mut sign = 1.0;
    for &x in col.iter() {
        if x.abs() > best {
            best = x.abs();
            sign = x.signum();
        }
    }
    if sign < 0.0 {
        col.mapv_inplace(|x| -x);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_sums_add_in_column_order_and_skip_missing_rows() {
        let mut r = Xoshiro256Plus::seed_from_u64(11);
        let mut unit = || (r.next_u64() >> 11) as f64 / (1u64 << 53) as f64 - 0.5;
        let l = 13;
        let cols: Vec<u32> = vec![0, 3, 4, 9, 17, 18];
        let vals: Vec<f64> = cols.iter().map(|_| unit()).collect();
        let b32: Vec<f32> = (0..20 * l).map(|_| unit() as f32).collect();
        let skip = |c: u32| (c != 4).then_some(c as usize);
        let mut acc = vec![1.0; l];
        sum_row(&mut acc, &cols, &vals, &b32, l, &skip);
        let want: f64 = [0usize, 1, 3, 4, 5].iter().fold(0.0, |a, &k| {
            a + vals[k] * b32[cols[k] as usize * l + 2] as f64
        });
        assert_eq!(acc[2].to_bits(), want.to_bits());
    }

    #[test]
    fn jacobi_recovers_known_eigenvalues() {
        let a = ndarray::array![[2.0, 1.0, 0.0], [1.0, 2.0, 0.0], [0.0, 0.0, 5.0]];
        let (vals, vecs) = symmetric_eigen(&a);
        assert!((vals[0] - 5.0).abs() < 1e-12);
        assert!((vals[1] - 3.0).abs() < 1e-12);
        assert!((vals[2] - 1.0).abs() < 1e-12);
        // A v = lambda v for each pair.
        for (v, &lambda) in vecs.columns().into_iter().zip(&vals) {
            let av = a.dot(&v);
            for (&x, &y) in av.iter().zip(v.iter()) {
                assert!((x - lambda * y).abs() < 1e-10);
            }
        }
    }

    #[test]
    fn gram_schmidt_gives_orthonormal_columns_and_zeroes_dependent_ones() {
        let mut y = gaussian(50, 4, 7);
        let c0 = y.column(0).to_owned();
        y.column_mut(3).assign(&(&c0 * 2.0));
        orthonormalise(&mut y);
        let g = y.t().dot(&y);
        for i in 0..3 {
            for j in 0..3 {
                let want = if i == j { 1.0 } else { 0.0 };
                assert!((g[[i, j]] - want).abs() < 1e-12);
            }
        }
        assert!(y.column(3).iter().all(|&x| x == 0.0));
    }

    /// The column-by-column modified Gram-Schmidt (run twice, summed left to
    /// right) that small inputs always got: the oracle for their bits.
    fn reference_mgs(y: &Array2<f64>) -> Array2<f64> {
        let mut out = y.clone();
        let l = y.ncols();
        let mut cols: Vec<Vec<f64>> = (0..l).map(|j| y.column(j).to_vec()).collect();
        for j in 0..l {
            let (done, rest) = cols.split_at_mut(j);
            let v = &mut rest[0];
            let norm0 = dot(v, v).sqrt();
            for _pass in 0..2 {
                for q in done.iter() {
                    let p = dot(q, v);
                    for (x, &qi) in v.iter_mut().zip(q) {
                        *x -= p * qi;
                    }
                }
            }
            let norm = dot(v, v).sqrt();
            if norm > 0.0 && norm > 1e-10 * norm0 {
                v.iter_mut().for_each(|x| *x /= norm);
            } else {
                v.iter_mut().for_each(|x| *x = 0.0);
            }
        }
        for (j, c) in cols.iter().enumerate() {
            out.column_mut(j).assign(&Array1::from(c.clone()));
        }
        out
    }

    #[test]
    fn small_inputs_get_exactly_the_column_by_column_bits() {
        for (rows, cols, seed) in [(50, 4, 7), (300, 40, 8), (PAR_ROWS - 1, 30, 9)] {
            let y = gaussian(rows, cols, seed);
            let mut got = y.clone();
            orthonormalise(&mut got);
            let want = reference_mgs(&y);
            assert!(got
                .iter()
                .zip(want.iter())
                .all(|(a, b)| a.to_bits() == b.to_bits()));
        }
    }

    #[test]
    fn tall_inputs_are_orthonormal_in_blocks() {
        let mut y = gaussian(PAR_ROWS + 100, 40, 3);
        let c5 = y.column(5).to_owned();
        let c20 = y.column(20).to_owned();
        y.column_mut(33).assign(&(&c5 * 3.0 - &c20));
        orthonormalise(&mut y);
        let g = y.t().dot(&y);
        for i in 0..40 {
            for j in 0..40 {
                let want = if i == j && i != 33 { 1.0 } else { 0.0 };
                assert!((g[[i, j]] - want).abs() < 1e-10, "{i} {j}");
            }
        }
        assert!(y.column(33).iter().all(|&x| x == 0.0));
    }

    /// 20 rows of rank 2 (combinations of two disjoint term sets) in
    /// `cols` columns, of which the first 5 are used.
    fn rank_two(cols: usize) -> CsrMatrix {
        let mut a = CsrMatrix::new(cols);
        for r in 0..20 {
            let (x, y) = ((r % 5) as f64 + 1.0, (r % 3) as f64);
            a.push_row(&[(0, x), (1, x), (2, x), (3, y), (4, y)]);
        }
        a
    }

    #[test]
    fn randomized_svd_matches_exact_singular_values_of_low_rank_sparse() {
        let a = rank_two(6);
        let op = SparseOp::new(&a);
        let (scores, sigma) = randomized_svd(&op, 2, 4, 2, 1);
        // Scores must reproduce the Gram matrix A A^T exactly (rank 2).
        let g = scores.dot(&scores.t());
        for i in 0..20 {
            for j in 0..20 {
                assert!((g[[i, j]] - a.row_dot(i, j)).abs() < 1e-9);
            }
        }
        assert!(sigma[0] >= sigma[1] && sigma[1] > 0.0);
    }

    #[test]
    fn sampled_svd_projects_unseen_rows_exactly_at_low_rank() {
        // Rank 2 again, with a column the sample never uses: the rows left
        // out must get scores that reproduce A A^T as well as the sampled ones.
        let mut a = rank_two(7);
        a.push_row(&[(6, 1.0)]);
        let sample: Vec<usize> = (0..20).step_by(2).collect();
        let (scores, sigma) = sampled_svd((&a).into(), &sample, 2, 4, 2, 1);
        assert_eq!(scores.dim(), (21, 2));
        for i in 0..20 {
            for j in 0..20 {
                let g = scores.row(i).dot(&scores.row(j));
                assert!((g - a.row_dot(i, j)).abs() < 1e-9, "{i} {j}");
            }
        }
        // A term outside the sample's vocabulary projects to nothing.
        assert!(scores.row(20).iter().all(|&x| x == 0.0));
        assert!(sigma[0] >= sigma[1] && sigma[1] > 0.0);
        // Every row sampled: the same scores as the unsampled SVD.
        let all: Vec<usize> = (0..21).collect();
        let (full, _) = randomized_svd(&SparseOp::new(&a), 2, 4, 2, 1);
        let (samp, _) = sampled_svd((&a).into(), &all, 2, 4, 2, 1);
        for (x, y) in full.iter().zip(samp.iter()) {
            assert!((x - y).abs() < 1e-9);
        }
    }

    #[test]
    fn transpose_round_trips() {
        let mut a = CsrMatrix::new(3);
        a.push_row(&[(0, 1.0), (2, 2.0)]);
        a.push_row(&[(1, 3.0)]);
        let t = transpose((&a).into());
        assert_eq!(t.n_rows, 3);
        assert_eq!(t.row(2), (&[0u32][..], &[2.0][..]));
        assert_eq!(transpose((&t).into()), a);
    }
}
