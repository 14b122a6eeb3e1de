//! Settings for mimalloc, the allocator the `frame` binary (and the
//! throughput examples, so that their figures are those of a real run)
//! install as the global allocator.

/// Lets mimalloc keep freed memory for a second before handing it back to
/// the system (its default is 10 ms): each stage frees hundreds of MB that
/// the next one takes again, and every page given back costs a page fault
/// and a zeroing when it is reused. Measured at 100,000 articles: 39-40 s
/// instead of 43 s, the same peak memory. Without mimalloc linked in as the
/// global allocator this only sets an unused option. `MIMALLOC_PURGE_DELAY`
/// in the environment (milliseconds, -1 = never) overrides it, for measuring.
pub fn tune() {
    // `mi_option_purge_delay` in mimalloc.h (v3, the version the mimalloc
    // crate builds); the C library is linked in with the crate.
    const MI_OPTION_PURGE_DELAY: i32 = 15;
    extern "C" {
        fn mi_option_set(option: i32, value: std::os::raw::c_long);
    }
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 1000) }
    }
}
