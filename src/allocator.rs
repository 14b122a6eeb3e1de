//! Settings for mimalloc, the allocator the `frame` binary (and the
//! throughput examples, so that their figures are those of a real run)
//! install as the global allocator.

/// Lets mimalloc keep freed memory for a second before handing it back to
/// the system (its default is 10 ms): each stage frees hundreds of MB that
/// the next one takes again, and every page given back costs a page fault
/// and a zeroing when it is reused. Measured at 100,000 articles: 39-40 s
/// instead of 43 s, the same peak memory. `MIMALLOC_PURGE_DELAY` in the
/// environment (milliseconds, -1 = never) overrides it, for measuring.
///
/// Also turns transparent huge pages off for the process (Linux): a huge
/// page is zeroed whole, 2 MB at its first touch, and on virtual machines
/// that hand freed memory back to the host that first touch is the slowest
/// step of a large run. With 4 KB pages only what is used gets zeroed, in
/// smaller steps; measured at 100,000 articles: 23.5-24.4 s instead of
/// 28.4-29.9 s (system time 8-11 s against 17-19 s), the same outputs.
/// `MIMALLOC_ALLOW_THP=1` in the environment keeps them, for measuring.
///
/// Without mimalloc linked in as the global allocator the allocator options
/// are unused; the huge-page switch still applies to the system allocator.
pub fn tune() {
    // `mi_option_purge_delay` and `mi_option_allow_thp` in mimalloc.h (v3,
    // the version the mimalloc crate builds); the C library is linked in
    // with the crate.
    const MI_OPTION_PURGE_DELAY: i32 = 15;
    const MI_OPTION_ALLOW_THP: i32 = 43;
    extern "C" {
        fn mi_option_set(option: i32, value: std::os::raw::c_long);
    }
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 1000) }
    }
    if std::env::var_os("MIMALLOC_ALLOW_THP").is_none() {
        // The option stops mimalloc asking for huge pages from now on; the
        // process flag also covers what it mapped before `main` (its first
        // arena), since the kernel checks it at every fault. It is
        // inherited by child processes, and frame starts none.
        unsafe { mi_option_set(MI_OPTION_ALLOW_THP, 0) }
        #[cfg(target_os = "linux")]
        unsafe {
            libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
        }
    }
}
