//! What an interrupted run leaves behind. Ctrl-C, SIGTERM or SIGHUP remove
//! the temporary files this run created (and the folder, if this run made
//! it and it is empty), then end the process; outputs under their final
//! names are those of the previous run. A signal that comes while the
//! outputs are being renamed waits for the renames to end, so the folder
//! is never left half renamed by a signal (a SIGKILL can; the manifest's
//! journal lets the next run finish the renames).

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once, OnceLock};

/// This process's temporary files, the files it made that only mark a
/// folder (the first, empty manifest) and the folders it created.
struct Live {
    tmp: BTreeSet<PathBuf>,
    made: Vec<PathBuf>,
    created: Vec<PathBuf>,
}

static LIVE: Mutex<Live> = Mutex::new(Live {
    tmp: BTreeSet::new(),
    made: Vec::new(),
    created: Vec::new(),
});
/// Held while outputs are renamed to their final names.
static RENAMING: Mutex<()> = Mutex::new(());
static INSTALL: Once = Once::new();
/// What the interrupt message says after the count of removed files.
static AFTER: OnceLock<&'static str> = OnceLock::new();
const ANALYZE_AFTER: &str = "outputs of earlier runs are unchanged";

fn live() -> MutexGuard<'static, Live> {
    LIVE.lock().unwrap_or_else(|p| p.into_inner())
}

/// Makes Ctrl-C / SIGTERM / SIGHUP clean up this run's files before the
/// process ends (exit code 130). Called by the binary, not the library.
pub fn install() {
    INSTALL.call_once(|| crate::platform::signals::on_interrupt(clean_up_and_exit));
}

/// [`install`] for a command whose finished files stay where they are
/// (`frame import`); `after` ends the message ("the N articles written ...").
pub fn install_with_message(after: &'static str) {
    let _ = AFTER.set(after);
    install();
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
    for p in &live.made {
        let _ = fs::remove_file(p);
    }
    for dir in &live.created {
        let _ = fs::remove_file(dir.join(super::lock::LOCK_FILE));
        let _ = fs::remove_dir(dir);
    }
    // Not `eprintln!`: a stderr that cannot be written must not turn the
    // clean-up into a panic.
    let _ = writeln!(
        std::io::stderr(),
        "\nframe: interrupted; removed this run's {removed} temporary file{}; {}",
        if removed == 1 { "" } else { "s" },
        AFTER.get().copied().unwrap_or(ANALYZE_AFTER)
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

/// Creates a temporary file that must not exist yet (`frame import`'s
/// names carry the process id), known to the clean-up from the moment it
/// exists.
pub fn create_tmp_new(path: &Path) -> std::io::Result<fs::File> {
    let mut live = live();
    let f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    live.tmp.insert(path.to_path_buf());
    Ok(f)
}

/// A temporary file that was renamed or removed: no longer this run's to clean up.
pub fn forget(path: &Path) {
    live().tmp.remove(path);
}

/// Records a file this run made only to mark its folder (removed on
/// interrupt, not counted as a temporary file).
pub fn made_file(path: &Path) {
    live().made.push(path.to_path_buf());
}

/// A marking file that now holds what the run wrote: kept on interrupt.
pub fn forget_made(path: &Path) {
    live().made.retain(|p| p != path);
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
