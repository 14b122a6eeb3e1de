//! What an interrupted run leaves behind. Ctrl-C, SIGTERM or SIGHUP remove
//! the temporary files this run created (and the folder, if this run made
//! it and it is empty), then end the process; outputs under their final
//! names are those of the previous run. A signal that comes while the
//! outputs are being renamed waits for the renames to end, so the folder
//! is never left half renamed by a signal (a SIGKILL can; the manifest's
//! journal lets the next run finish the renames).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once};

/// This process's temporary files and the folders it created.
struct Live {
    tmp: BTreeSet<PathBuf>,
    created: Vec<PathBuf>,
}

static LIVE: Mutex<Live> = Mutex::new(Live {
    tmp: BTreeSet::new(),
    created: Vec::new(),
});
/// Held while outputs are renamed to their final names.
static RENAMING: Mutex<()> = Mutex::new(());
static INSTALL: Once = Once::new();

fn live() -> MutexGuard<'static, Live> {
    LIVE.lock().unwrap_or_else(|p| p.into_inner())
}

/// Makes Ctrl-C / SIGTERM / SIGHUP clean up this run's files before the
/// process ends (exit code 130). Called by the binary, not the library.
pub fn install() {
    INSTALL.call_once(|| crate::platform::signals::on_interrupt(clean_up_and_exit));
}

fn clean_up_and_exit() {
    let _renames_done = RENAMING.lock().unwrap_or_else(|p| p.into_inner());
    // Held until the process ends, so that no writer creates a new
    // temporary file after the clean-up.
    let live = live();
    let mut removed = 0;
    for p in &live.tmp {
        if fs::remove_file(p).is_ok() {
            removed += 1;
        }
    }
    for dir in &live.created {
        let _ = fs::remove_file(dir.join(super::lock::LOCK_FILE));
        let _ = fs::remove_dir(dir);
    }
    eprintln!(
        "\nframe: interrupted; removed this run's {removed} temporary file{}; outputs of earlier runs are unchanged",
        if removed == 1 { "" } else { "s" }
    );
    std::process::exit(130);
}

/// Creates a temporary output file, known to the clean-up from the moment
/// it exists.
pub fn create_tmp(path: &Path) -> std::io::Result<fs::File> {
    let mut live = live();
    let f = fs::File::create(path)?;
    live.tmp.insert(path.to_path_buf());
    Ok(f)
}

/// A temporary file that was renamed or removed: no longer this run's to clean up.
pub fn forget(path: &Path) {
    live().tmp.remove(path);
}

/// Records a folder this run created (removed on interrupt if empty).
pub fn created_folder(dir: &Path) {
    live().created.push(dir.to_path_buf());
}

/// A folder that now holds this run's outputs: kept on interrupt.
pub fn keep_folder(dir: &Path) {
    live().created.retain(|d| d != dir);
}

/// Runs the rename phase with interrupts held back until it ends.
pub fn renaming<T>(f: impl FnOnce() -> T) -> T {
    let _guard = RENAMING.lock().unwrap_or_else(|p| p.into_inner());
    f()
}
