//! Settings for mimalloc, the allocator the `frame` binary (and the
//! throughput examples, so that their figures are those of a real run)
//! install as the global allocator.

/// Lets mimalloc keep freed memory for a second before handing it back to
/// the system: each stage frees hundreds of MB that the next one takes
/// again, and every page given back costs a page fault and a zeroing when it
/// is reused. (mimalloc.h documents a 10 ms default; the v3 library built
/// here defaults to the same second, in options.c, and the setting stays
/// explicit so that an upgrade cannot change it unseen.) Measured at 100,000
/// articles when it was added: 39-40 s
/// instead of 43 s, the same peak memory. `MIMALLOC_PURGE_DELAY` in the
/// environment (milliseconds, -1 = never) overrides it, for measuring.
///
/// Also turns transparent huge pages off for the process (Linux): a huge
/// page is zeroed whole, 2 MB at its first touch, and on virtual machines
/// that hand freed memory back to the host that first touch is the slowest
/// step of a large run. With 4 KB pages only what is used gets zeroed, in
/// smaller steps; measured at 100,000 articles in alternating runs:
/// 22.2-23.1 s instead of 26.4-29.1 s (system time 6.8-8.3 s against
/// 15-18 s), the same outputs.
/// `MIMALLOC_ALLOW_THP=1` in the environment keeps them, for measuring.
///
/// Without mimalloc linked in as the global allocator the allocator options
/// are unused; the huge-page switch still applies to the system allocator.
pub fn tune() {
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

// Positions in `mi_option_t` of mimalloc.h (v3, the version the mimalloc
// crate builds; libmimalloc-sys does not export these two). The C library is
// linked in with the crate; a test checks they still name these options.
const MI_OPTION_PURGE_DELAY: i32 = 15;
const MI_OPTION_ALLOW_THP: i32 = 43;

extern "C" {
    fn mi_option_set(option: i32, value: std::os::raw::c_long);
    #[cfg(test)]
    fn mi_option_get(option: i32) -> std::os::raw::c_long;
}

#[cfg(test)]
mod tests {
    use super::*;
    // Links the C library into the test binary (the library never names it).
    extern crate mimalloc;

    /// A mimalloc upgrade that renumbered its options would make `tune` set
    /// the wrong ones silently; their defaults in options.c (1,000 ms, on)
    /// and the neighbours' of `allow_thp` (32 pages, 0 KiB) tell them apart.
    #[test]
    fn option_numbers_name_purge_delay_and_allow_thp() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) }, 1000);
        }
        if std::env::var_os("MIMALLOC_ALLOW_THP").is_none() {
            assert_eq!(unsafe { mi_option_get(MI_OPTION_ALLOW_THP) }, 1);
        }
        assert_eq!(unsafe { mi_option_get(MI_OPTION_ALLOW_THP - 1) }, 32);
        assert_eq!(unsafe { mi_option_get(MI_OPTION_ALLOW_THP + 1) }, 0);
    }
}
