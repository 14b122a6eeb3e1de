//! Hints to the kernel about files being written: they change when data
//! reaches the disk and what stays cached, never the bytes of a file.
//! Outside Linux they do nothing.

use std::fs::File;

/// Starts writing `len` bytes of `file` from `offset` to the disk without
/// waiting for it (`sync_file_range` with `SYNC_FILE_RANGE_WRITE`). A
/// failure is harmless: the data is written back later as usual.
pub fn start_writeback(file: &File, offset: u64, len: u64) {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: a valid open descriptor, borrowed for the call; the call
        // only queues dirty pages of the range for writing.
        unsafe {
            libc::sync_file_range(
                file.as_raw_fd(),
                offset as libc::off64_t,
                len as libc::off64_t,
                libc::SYNC_FILE_RANGE_WRITE,
            );
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (file, offset, len);
}

/// Drops the cached pages of `len` bytes of `file` from `offset` that are
/// already on disk (`posix_fadvise` with `POSIX_FADV_DONTNEED`, which skips
/// pages still dirty or being written and never waits). A failure is
/// harmless: the pages stay cached.
pub fn drop_written_pages(file: &File, offset: u64, len: u64) {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: a valid open descriptor, borrowed for the call; the advice
        // only drops clean cached pages, whose data is on disk.
        unsafe {
            libc::posix_fadvise(
                file.as_raw_fd(),
                offset as libc::off_t,
                len as libc::off_t,
                libc::POSIX_FADV_DONTNEED,
            );
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (file, offset, len);
}

/// Whether `e` says a path's symbolic links lead round in a loop (`ELOOP`),
/// which std cannot yet name on stable Rust. Outside Linux, false: the
/// caller then names the error as it is.
pub fn is_link_loop(e: &std::io::Error) -> bool {
    #[cfg(target_os = "linux")]
    return e.raw_os_error() == Some(libc::ELOOP);
    #[cfg(not(target_os = "linux"))]
    {
        let _ = e;
        false
    }
}
