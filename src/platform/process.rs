//! Settings of the `frame` process, applied once at the start of `main`.

/// Turns transparent huge pages off for the process (Linux; elsewhere it
/// does nothing). A huge page is zeroed whole at its first touch, and on
/// virtual machines that hand freed memory back to the host that first
/// touch is the slowest step of a large run; with 4 KB pages only what is
/// used gets zeroed, in small steps. The kernel checks the flag at every
/// fault, so it also covers memory the allocator mapped before `main`, and
/// it overrides the allocator's own requests for huge pages
/// (`madvise(MADV_HUGEPAGE)`). It is inherited by child processes, and
/// frame starts none. Outputs do not depend on it.
///
/// `MIMALLOC_ALLOW_THP` in the environment (any value) leaves the setting
/// to the allocator, for measuring.
pub fn configure_process() {
    if std::env::var_os("MIMALLOC_ALLOW_THP").is_some() {
        return;
    }
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory
    // of ours; a failure (an old kernel) leaves huge pages as they were.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// The flag is set for the process (the kernel reports it back).
    #[test]
    fn huge_pages_are_off_after_configure() {
        if std::env::var_os("MIMALLOC_ALLOW_THP").is_some() {
            return;
        }
        configure_process();
        // SAFETY: PR_GET_THP_DISABLE takes no pointer and returns the flag.
        let flag = unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) };
        assert_eq!(flag, 1);
    }
}
