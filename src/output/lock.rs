//! The advisory lock that one run holds on its output folder, so that a
//! second run into the same folder stops at once instead of mixing two
//! corpora's outputs. The operating system releases the lock when the
//! process ends, however it ends, so a killed run never blocks the next.

use crate::model::error::{Error, Result};
use std::fs;
use std::path::Path;

/// Name of the lock file, used where a folder itself cannot be locked.
pub const LOCK_FILE: &str = ".frame-lock";

/// A held lock; dropping it releases the folder.
#[derive(Debug)]
pub struct FolderLock {
    _file: fs::File,
}

/// Locks `dir` for this process, or says that another run holds it.
pub fn lock(dir: &Path) -> Result<FolderLock> {
    // The folder itself where the system allows it (Unix), so that no lock
    // file is left in the user's folder; a hidden lock file elsewhere.
    let file = match fs::File::open(dir) {
        Ok(f) => f,
        Err(_) => fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(LOCK_FILE))
            .map_err(|e| Error::Output {
                path: dir.to_path_buf(),
                message: format!("cannot create its lock file: {e}"),
            })?,
    };
    match file.try_lock() {
        Ok(()) => Ok(FolderLock { _file: file }),
        Err(fs::TryLockError::WouldBlock) => Err(Error::Output {
            path: dir.to_path_buf(),
            message: "another frame run is writing to this folder; wait for it to finish, or choose another folder with --out".into(),
        }),
        // A file system without locks (some network mounts) must not stop
        // the run: the folder is then as unprotected as before.
        Err(fs::TryLockError::Error(_)) => Ok(FolderLock { _file: file }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let first = lock(dir.path()).unwrap();
        let err = lock(dir.path()).unwrap_err().to_string();
        assert!(err.contains("another frame run"), "{err}");
        assert!(err.contains(&dir.path().display().to_string()), "{err}");
        drop(first);
        lock(dir.path()).unwrap();
    }
}
