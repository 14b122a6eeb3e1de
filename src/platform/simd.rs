//! Run-time choice of vector instructions: the binary is built for any
//! x86-64, and a hot loop is also compiled for AVX2 and used when the CPU
//! has it.

/// True when the CPU has AVX2 and BMI2 (checked at run time, cached by the
/// standard library); always false on other architectures.
#[inline]
pub fn has_avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("bmi2")
    }
    #[cfg(not(target_arch = "x86_64"))]
    false
}

/// Defines a safe function that calls a kernel, a function marked
/// `#[inline(always)]`, through a copy of itself compiled with AVX2 and
/// BMI2 when [`has_avx2`], and as it is otherwise:
///
/// ```ignore
/// avx2_dispatch! {
///     /// Docs of the wrapper.
///     fn wrapper[const W: usize, R: Trait][W, R](a: &[f64], r: &mut R) => kernel::<W>
/// }
/// ```
///
/// The first brackets hold the wrapper's generic parameters, the second
/// their names. The arguments reach the kernel as the copy's own parameters
/// (not captured by a closure), so the compiler knows they do not alias
/// and keeps the kernel's sums in vector registers.
///
/// The result is the same either way for code that only adds and multiplies
/// floats: the wider instructions do the same operations, each rounded
/// separately and in the same order (Rust never fuses a multiplication and
/// an addition on its own), so the bits are identical.
macro_rules! avx2_dispatch {
    (
        $(#[$attr:meta])*
        $vis:vis fn $name:ident [$($generics:tt)*] [$($gname:tt),*]
            ($($arg:ident: $ty:ty),* $(,)?) $(-> $ret:ty)? => $kernel:path
    ) => {
        $(#[$attr])*
        #[inline]
        $vis fn $name<$($generics)*>($($arg: $ty),*) $(-> $ret)? {
            #[cfg(target_arch = "x86_64")]
            if $crate::platform::simd::has_avx2() {
                #[target_feature(enable = "avx2,bmi2")]
                fn avx2<$($generics)*>($($arg: $ty),*) $(-> $ret)? {
                    $kernel($($arg),*)
                }
                // SAFETY: the CPU has just been checked for both features.
                return unsafe { avx2::<$($gname),*>($($arg),*) };
            }
            $kernel($($arg),*)
        }
    };
}
pub(crate) use avx2_dispatch;

#[cfg(test)]
mod tests {
    use super::*;

    /// Four multiply-add chains side by side.
    #[inline(always)]
    fn dot<const N: usize>(a: &[f64], b: &[f64]) -> [f64; N] {
        let mut acc = [0.0f64; N];
        for (x, y) in a.chunks_exact(N).zip(b.chunks_exact(N)) {
            for k in 0..N {
                acc[k] += x[k] * y[k];
            }
        }
        acc
    }

    avx2_dispatch! {
        fn dot_fastest[const N: usize][N](a: &[f64], b: &[f64]) -> [f64; N] => dot::<N>
    }

    /// A multiply-add loop gives the same bits through the dispatch as in
    /// the baseline build.
    #[test]
    fn dispatch_gives_the_baseline_bits() {
        let a: Vec<f64> = (0..1000).map(|i| (i as f64 * 0.37).sin()).collect();
        let b: Vec<f64> = (0..1000).map(|i| (i as f64 * 1.13).cos() / 3.0).collect();
        let base = dot::<4>(&a, &b);
        let fast = dot_fastest::<4>(&a, &b);
        assert_eq!(base.map(f64::to_bits), fast.map(f64::to_bits));
        let _ = has_avx2();
    }
}
