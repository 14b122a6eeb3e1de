//! The output folder: every output is first written to a hidden temporary
//! file, and only when all of them are complete are they renamed to their
//! final names, so a run killed midway leaves the previous run's files intact.
//! The manifest records the size and content hash of each file frame wrote; a file
//! is replaced or removed only while it still matches, so anything else in
//! the folder (or a frame output the user has since edited) is the user's and
//! is never overwritten or deleted. One run at a time holds the folder's lock
//! (docs/output-folder.md).

pub mod interrupt;
pub mod lock;
pub mod manifest;
mod writeback;

pub mod new_file;

use crate::model::error::{Error, Result};
use manifest::{Entry, Manifest, State};
use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use writeback::Writeback;

/// Locks `dir` for this run, as [`OutputDir::prepare`] does (`frame
/// import`, which writes among the user's files without a manifest).
pub fn lock_folder(dir: &Path) -> Result<lock::FolderLock> {
    lock::lock(dir)
}

/// Name of the manifest file inside the output folder.
pub use crate::model::MANIFEST;
const TMP_PREFIX: &str = ".frame-tmp-";

/// What this run wrote, shared with the files it fills on other threads.
type Records = Arc<Mutex<BTreeMap<String, Entry>>>;

/// An output folder being written (locked for this run).
#[derive(Debug)]
pub struct OutputDir {
    path: PathBuf,
    /// Files frame wrote in earlier runs (from the manifest).
    previous: Manifest,
    /// Outputs of this run waiting in their temporary files, in order.
    staged: Vec<String>,
    /// Size, time and hash of each staged file once complete.
    records: Records,
    /// Files written in this run, in order (complete after [`OutputDir::finish`]).
    pub written: Vec<String>,
    /// Outputs not written because a file of the user's has that name.
    pub protected: Vec<String>,
    /// What the user should know about the folder: an interrupted run
    /// finished or cleaned up, earlier outputs changed since and left alone.
    pub notes: Vec<String>,
    /// Whether [`OutputDir::prepare`] created the folder (so that
    /// [`OutputDir::abandon`] may remove it again).
    created: bool,
    /// Whether [`OutputDir::prepare`] saved the first (empty) manifest:
    /// removed again by [`OutputDir::abandon`].
    made_manifest: bool,
    _lock: lock::FolderLock,
}

fn out_err(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Output {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// This process's temporary name of an output: `.frame-tmp-PID-NAME`.
fn tmp_name(name: &str) -> String {
    tmp_name_of(std::process::id(), name)
}

fn tmp_name_of(pid: u32, name: &str) -> String {
    format!("{TMP_PREFIX}{pid}-{name}")
}

/// Whether `name` is a temporary file name frame gives (`.frame-tmp-`,
/// a process id, `-`, a name): a user's `.frame-tmp-draft.md` is not.
pub fn is_tmp_name(name: &str) -> bool {
    name.strip_prefix(TMP_PREFIX)
        .and_then(|rest| rest.split_once('-'))
        .is_some_and(|(pid, rest)| {
            !rest.is_empty() && !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())
        })
}

/// Removes the files in `dir` named as frame names its temporary files
/// ([`is_tmp_name`]), left by a run that was killed. Only for a folder
/// whose manifest or import list proves frame writes there, and under its
/// lock (no other run is using them). Returns how many were removed.
pub fn remove_leftover_tmp_files(dir: &Path) -> usize {
    let mut removed = 0;
    if let Ok(rd) = fs::read_dir(dir) {
        for e in rd.flatten() {
            let is_file = e.file_type().is_ok_and(|t| t.is_file());
            if is_file
                && e.file_name().to_str().is_some_and(is_tmp_name)
                && fs::remove_file(e.path()).is_ok()
            {
                removed += 1;
            }
        }
    }
    removed
}

/// Tries writing in an existing folder for real, leaving nothing behind,
/// even when the run is killed between creating and removing the probe:
/// in a folder with frame's manifest the probe has a temporary name, which
/// the next run removes; in any other folder the probe is the first, empty
/// manifest itself, which claims no file, since a temporary name there could
/// not be proved frame's.
fn probe_writable(path: &Path) -> Result<()> {
    let manifest = path.join(MANIFEST);
    let has_manifest = fs::symlink_metadata(&manifest).is_ok();
    let probe = if has_manifest {
        path.join(tmp_name("probe"))
    } else {
        manifest
    };
    let made = if has_manifest {
        interrupt::create_tmp_new(&probe)
    } else {
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&probe)
            .inspect(|_| interrupt::made_file(&probe))
    };
    made.map_err(|e| {
        out_err(
            path,
            format!("{e}; make the folder writable or choose another with --out"),
        )
    })?;
    if fs::remove_file(&probe).is_ok() {
        interrupt::forget(&probe);
        interrupt::forget_made(&probe);
    }
    Ok(())
}

/// The part of `path` that is a file, when one is (`--out notes.txt/sub`).
fn file_in_path(path: &Path) -> Option<&Path> {
    path.ancestors()
        .skip(1)
        .find(|a| !a.as_os_str().is_empty() && a.exists() && !a.is_dir())
}

/// A symbolic link in `path` (itself or a folder above) that leads nowhere.
fn dangling_link(path: &Path) -> Option<&Path> {
    path.ancestors().find(|a| {
        !a.as_os_str().is_empty()
            && fs::symlink_metadata(a).is_ok_and(|m| m.file_type().is_symlink())
            && fs::metadata(a).is_err()
    })
}

impl OutputDir {
    /// Checks, without creating the folder, that `path` can become the
    /// output folder, so that a bad `--out` fails before the corpus is read.
    pub fn check(path: &Path) -> Result<()> {
        if let Some(link) = dangling_link(path) {
            let to = fs::read_link(link)
                .map(|t| t.display().to_string())
                .unwrap_or_default();
            return Err(out_err(
                path,
                format!(
                    "{} is a symbolic link to {to}, which does not exist; create that folder, remove the link, or choose another folder with --out",
                    link.display()
                ),
            ));
        }
        if path.exists() && !path.is_dir() {
            return Err(out_err(
                path,
                "it is a file, not a folder; choose a folder with --out",
            ));
        }
        if let Some(file) = file_in_path(path) {
            return Err(out_err(
                path,
                format!(
                    "{} is a file, not a folder; choose another folder with --out",
                    file.display()
                ),
            ));
        }
        if path.is_dir() {
            return probe_writable(path);
        }
        // The nearest folder above it that exists.
        let existing = path
            .ancestors()
            .find(|a| a.as_os_str().is_empty() || a.is_dir())
            .map(|a| {
                if a.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    a
                }
            });
        if let Some(dir) = existing {
            if fs::metadata(dir)
                .map(|m| m.permissions().readonly())
                .unwrap_or(false)
            {
                return Err(out_err(
                    path,
                    format!(
                        "{} is read-only; choose another folder with --out",
                        dir.display()
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Creates the folder if needed, locks it for this run, checks that it
    /// can be written, finishes the renames of a run killed while renaming
    /// (the manifest's journal) and removes temporary files left by an
    /// interrupted run. Call it before the analysis, so that every problem
    /// with the folder is said at once.
    pub fn prepare(path: &Path) -> Result<OutputDir> {
        Self::check(path)?;
        let created = !path.is_dir();
        fs::create_dir_all(path)
            .map_err(|e| out_err(path, format!("{e}; choose another folder with --out")))?;
        if created {
            interrupt::created_folder(path);
        }
        let lock = match lock::lock(path) {
            Ok(l) => l,
            Err(e) => {
                if created {
                    let _ = fs::remove_dir(path);
                }
                return Err(e);
            }
        };
        Self::check(path)?;
        let manifest_path = path.join(MANIFEST);
        let mut notes = Vec::new();
        let (previous, had_manifest) = match fs::read(&manifest_path) {
            Ok(bytes) => (Manifest::parse_bytes(&bytes), true),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Manifest::default(), false),
            Err(e) => {
                notes.push(format!(
                    "{}: cannot be read ({}), so the files it lists cannot be told from yours and are left alone",
                    manifest_path.display(),
                    crate::model::error::io_message(&e)
                ));
                (Manifest::default(), true)
            }
        };
        if previous.bad_lines > 0 {
            notes.push(format!(
                "{}: {} line{} could not be read (damaged, or edited by hand) and {} dropped; the files {} named are treated as yours and left alone, the other outputs are frame's as before",
                manifest_path.display(),
                previous.bad_lines,
                if previous.bad_lines == 1 { "" } else { "s" },
                if previous.bad_lines == 1 { "was" } else { "were" },
                if previous.bad_lines == 1 { "it" } else { "they" },
            ));
        }
        let mut out = OutputDir {
            path: path.to_path_buf(),
            previous,
            staged: Vec::new(),
            records: Records::default(),
            written: Vec::new(),
            protected: Vec::new(),
            notes,
            created,
            made_manifest: false,
            _lock: lock,
        };
        if out.previous.has_pending() {
            out.finish_interrupted_renames()?;
        }
        if had_manifest {
            out.remove_leftover_tmp_files();
        } else {
            // An empty manifest from the start marks the folder as one
            // frame writes to, so that the temporary files of a run killed
            // before its end can be proved frame's by the next run.
            // Created in place, not through a temporary file: a run killed
            // while saving it must not leave a temporary file in a folder
            // that has no manifest yet to prove it frame's.
            let mut file = fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&manifest_path)
                .map_err(|e| out_err(&manifest_path, e))?;
            interrupt::made_file(&manifest_path);
            out.made_manifest = true;
            file.write_all(Manifest::default().render().as_bytes())
                .map_err(|e| out_err(&manifest_path, e))?;
        }
        if !out.previous.unproven.is_empty() {
            out.notes.push(format!(
                "{}: the manifest was written by an older frame and records no sizes or hashes, so its {} files cannot be told from yours and are left alone; delete the ones you do not need (or choose another folder with --out)",
                manifest_path.display(),
                out.previous.unproven.len()
            ));
        }
        Ok(out)
    }

    /// A run killed while renaming left its journal: every output it had
    /// written is complete (under its temporary or its final name), so the
    /// renames are finished and the outdated outputs removed, as that run
    /// would have done.
    fn finish_interrupted_renames(&mut self) -> Result<()> {
        let (mut renamed, mut removed, mut lost) = (0, 0, Vec::new());
        let mut done = Manifest::default();
        for (name, (state, entry)) in std::mem::take(&mut self.previous.files) {
            let target = self.path.join(&name);
            match state {
                State::Pending => {
                    // Named with the killed run's process id; a journal of
                    // a frame before 0.x names none (`.frame-tmp-NAME`).
                    let tmp = match self.previous.run {
                        Some(pid) => self.path.join(tmp_name_of(pid, &name)),
                        None => self.path.join(format!("{TMP_PREFIX}{name}")),
                    };
                    if manifest::matches(&tmp, &entry) && fs::rename(&tmp, &target).is_ok() {
                        renamed += 1;
                    } else if !manifest::matches(&target, &entry) {
                        lost.push(name);
                        continue;
                    }
                    done.files.insert(name, (State::Done, entry));
                }
                // An output of the run before, which the killed run replaced.
                State::Done => {
                    if manifest::matches(&target, &entry) && fs::remove_file(&target).is_ok() {
                        removed += 1;
                    }
                }
            }
        }
        self.save_manifest(&done)?;
        let mut note = format!(
            "{}: an earlier run was stopped while giving its outputs their final names; finished it ({renamed} renamed, {removed} outdated removed)",
            self.path.display()
        );
        if !lost.is_empty() {
            note.push_str(&format!(
                "; {} could not be recovered and will be written again: {}",
                lost.len(),
                lost.join(", ")
            ));
        }
        self.notes.push(note);
        self.previous = done;
        Ok(())
    }

    /// Temporary files of a run that was interrupted while writing are
    /// frame's own: named as frame names them, in a folder with frame's
    /// manifest (the lock says no run is using them).
    fn remove_leftover_tmp_files(&mut self) {
        let removed = remove_leftover_tmp_files(&self.path);
        if removed > 0 {
            self.notes.push(format!(
                "{}: removed {removed} temporary file{} left by an interrupted run; its earlier outputs were not changed",
                self.path.display(),
                if removed == 1 { "" } else { "s" }
            ));
        }
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The temporary and final paths of an output.
    fn staged_file(&self, name: &str) -> Staged {
        Staged {
            name: name.to_string(),
            tmp: self.path.join(tmp_name(name)),
            target: self.path.join(name),
            records: Arc::clone(&self.records),
        }
    }

    fn rename_tmp(&self, name: &str) -> Result<()> {
        let tmp = self.path.join(tmp_name(name));
        let target = self.path.join(name);
        let res = fs::rename(&tmp, &target).map_err(|e| {
            let _ = fs::remove_file(&tmp);
            out_err(&target, e)
        });
        interrupt::forget(&tmp);
        res
    }

    /// Writes the manifest (through its own temporary file and a rename).
    fn save_manifest(&self, m: &Manifest) -> Result<()> {
        let tmp = self.path.join(tmp_name(MANIFEST));
        let res = interrupt::create_tmp(&tmp)
            .and_then(|mut f| f.write_all(m.render().as_bytes()))
            .map_err(|e| {
                let _ = fs::remove_file(&tmp);
                interrupt::forget(&tmp);
                out_err(&self.path.join(MANIFEST), e)
            });
        res?;
        self.rename_tmp(MANIFEST)
    }

    /// Whether the existing file `name` is frame's to replace or remove:
    /// listed in the manifest and unchanged since.
    fn owns(&self, name: &str) -> bool {
        match self.previous.files.get(name) {
            Some((State::Done, e)) => manifest::matches(&self.path.join(name), e),
            _ => false,
        }
    }

    /// Stages one output file under a temporary name; it gets its final name
    /// in [`OutputDir::finish`]. Returns false (and writes nothing) when a
    /// file of that name exists that frame did not write.
    pub fn write(&mut self, name: &str, bytes: &[u8]) -> Result<bool> {
        self.write_with(name, |w| w.write_all(bytes))
    }

    /// Like [`OutputDir::write`], with the content written by `fill` into a
    /// buffered writer instead of handed over as bytes.
    pub fn write_with(
        &mut self,
        name: &str,
        fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<bool> {
        let Some(file) = self.reserve(name) else {
            return Ok(false);
        };
        if let Err(e) = file.fill(|w| fill(w)) {
            self.discard();
            return Err(e);
        }
        Ok(true)
    }

    /// Claims an output name for a file that will be written elsewhere (on
    /// another thread) through the returned [`Staged`]; `None` when a file of
    /// that name exists that frame did not write (or that changed since
    /// frame wrote it). If the fill fails, the run must
    /// [`OutputDir::abandon`] the folder.
    pub fn reserve(&mut self, name: &str) -> Option<Staged> {
        let target = self.path.join(name);
        if fs::symlink_metadata(&target).is_ok() && !self.owns(name) {
            self.protected.push(name.to_string());
            return None;
        }
        self.staged.push(name.to_string());
        Some(self.staged_file(name))
    }

    /// Gives up a run that failed after [`OutputDir::prepare`]: removes its
    /// temporary files, and the folder itself if this run created it (and
    /// nothing else is in it). Earlier outputs are untouched.
    pub fn abandon(mut self) {
        self.discard();
        if self.made_manifest {
            let manifest = self.path.join(MANIFEST);
            let _ = fs::remove_file(&manifest);
            interrupt::forget_made(&manifest);
        }
        if self.created {
            let _ = fs::remove_file(self.path.join(lock::LOCK_FILE));
            let _ = fs::remove_dir(&self.path);
        }
    }

    /// Removes the temporary files of this run (after a failed write).
    fn discard(&mut self) {
        for n in self.staged.drain(..) {
            let tmp = self.path.join(tmp_name(&n));
            let _ = fs::remove_file(&tmp);
            interrupt::forget(&tmp);
        }
    }

    /// Gives every staged output its final name, removes outputs of earlier
    /// runs that this run did not produce (they would describe another
    /// corpus) while they are still as frame wrote them, then saves the
    /// manifest. Interrupts wait for this to end.
    pub fn finish(mut self) -> Result<OutputDir> {
        let records = std::mem::take(&mut *self.records.lock().unwrap_or_else(|p| p.into_inner()));
        let mut journal = Manifest {
            run: Some(std::process::id()),
            ..Manifest::default()
        };
        for name in self.staged.clone() {
            let Some(e) = records.get(&name) else {
                self.discard();
                return Err(Error::Internal(format!(
                    "{name} was reserved but never written"
                )));
            };
            journal.files.insert(name, (State::Pending, e.clone()));
        }
        // Earlier outputs this run does not replace: removed if unchanged.
        let mut stale = Vec::new();
        for (name, (_, e)) in &self.previous.files {
            if journal.files.contains_key(name) {
                continue;
            }
            let p = self.path.join(name);
            if manifest::matches(&p, e) {
                stale.push(name.clone());
                journal.files.insert(name.clone(), (State::Done, e.clone()));
            } else if fs::symlink_metadata(&p).is_ok() {
                self.notes.push(format!(
                    "{} was written by an earlier run but has changed since, so it is yours now: left as it is (it no longer matches this run's outputs)",
                    p.display()
                ));
            }
        }
        let res = interrupt::renaming(|| -> Result<()> {
            // The journal is saved before any file appears under its final
            // name: a run killed during the renames is finished by the next.
            if let Err(e) = self.save_manifest(&journal) {
                self.discard();
                return Err(e);
            }
            for name in std::mem::take(&mut self.staged) {
                self.rename_tmp(&name)?;
                self.written.push(name);
            }
            for name in &stale {
                let _ = fs::remove_file(self.path.join(name));
            }
            let mut done = Manifest::default();
            for name in &self.written {
                if let Some(e) = records.get(name) {
                    done.files.insert(name.clone(), (State::Done, e.clone()));
                }
            }
            self.save_manifest(&done)
        });
        res?;
        interrupt::keep_folder(&self.path);
        interrupt::forget_made(&self.path.join(MANIFEST));
        Ok(self)
    }
}

/// An output claimed with [`OutputDir::reserve`], written to its temporary
/// name without borrowing the folder (it is renamed with the others in
/// [`OutputDir::finish`]).
#[derive(Debug)]
pub struct Staged {
    name: String,
    tmp: PathBuf,
    target: PathBuf,
    records: Records,
}

/// A writer that hashes what passes through it.
struct Hashing<W> {
    inner: W,
    hash: manifest::ContentHash,
    size: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

impl Staged {
    /// Streams the file's content into its temporary name through a buffer
    /// and records its size and hash for the manifest (no fsync: the rename
    /// in [`OutputDir::finish`] is what makes a killed or failed run
    /// harmless, and syncing every file made a run much slower. A power cut
    /// mid-run is the one case this does not cover; the run can be repeated).
    pub fn fill(
        &self,
        fill: impl FnOnce(&mut (dyn Write + Send)) -> std::io::Result<()>,
    ) -> Result<()> {
        let res = interrupt::create_tmp(&self.tmp).and_then(|f| {
            let mut w = std::io::BufWriter::with_capacity(
                1 << 20,
                Hashing {
                    inner: Writeback::new(f),
                    hash: manifest::ContentHash::new(),
                    size: 0,
                },
            );
            fill(&mut w)?;
            w.flush()?;
            let h = w.into_inner().map_err(|e| e.into_error())?;
            let meta = fs::metadata(&self.tmp)?;
            Ok(Entry {
                size: h.size,
                mtime_ns: manifest::mtime_ns(&meta),
                hash: h.hash.hex(),
            })
        });
        match res {
            Ok(entry) => {
                self.records
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .insert(self.name.clone(), entry);
                Ok(())
            }
            Err(e) => {
                let _ = fs::remove_file(&self.tmp);
                interrupt::forget(&self.tmp);
                Err(out_err(&self.target, e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abandon_removes_what_the_run_staged_and_the_folder_it_made() {
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("new");
        let mut out = OutputDir::prepare(&new).unwrap();
        out.write("terms.csv", b"x").unwrap();
        let j = out.reserve("analysis.json").unwrap();
        j.fill(|w| w.write_all(b"{}")).unwrap();
        out.abandon();
        assert!(!new.exists(), "the folder this run made is gone");

        // An existing folder stays, with the earlier run's files.
        let mut out = OutputDir::prepare(dir.path()).unwrap();
        out.write("terms.csv", b"v1").unwrap();
        out.finish().unwrap();
        let mut out = OutputDir::prepare(dir.path()).unwrap();
        let j = out.reserve("analysis.json").unwrap();
        j.fill(|w| w.write_all(b"{}")).unwrap();
        out.write("terms.csv", b"v2").unwrap();
        out.abandon();
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, vec![MANIFEST.to_string(), "terms.csv".to_string()]);
        assert_eq!(
            fs::read_to_string(dir.path().join("terms.csv")).unwrap(),
            "v1"
        );
    }

    #[test]
    fn a_reserved_name_of_a_user_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("analysis.json"), "mine").unwrap();
        let mut out = OutputDir::prepare(dir.path()).unwrap();
        assert!(out.reserve("analysis.json").is_none());
        assert_eq!(out.protected, vec!["analysis.json".to_string()]);
        out.finish().unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("analysis.json")).unwrap(),
            "mine"
        );
    }

    #[test]
    fn user_files_survive_and_frame_files_are_replaced() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("articles.csv"), "mine").unwrap();
        fs::write(dir.path().join("notes.txt"), "my notes").unwrap();
        let mut out = OutputDir::prepare(dir.path()).unwrap();
        assert!(!out.write("articles.csv", b"frame").unwrap());
        assert!(out.write("terms.csv", b"v1").unwrap());
        out.finish().unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("articles.csv")).unwrap(),
            "mine"
        );
        let mut out = OutputDir::prepare(dir.path()).unwrap();
        assert!(out.write("terms.csv", b"v2").unwrap());
        out.finish().unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("terms.csv")).unwrap(),
            "v2"
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
            "my notes"
        );
        // No temporary files are left behind.
        assert_no_tmp_files(dir.path());
    }

    /// No temporary file is left behind in `dir`.
    fn assert_no_tmp_files(dir: &Path) {
        let names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.iter().all(|n| !n.starts_with(TMP_PREFIX)),
            "{names:?}"
        );
    }

    #[test]
    fn nothing_gets_its_final_name_before_finish() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = OutputDir::prepare(dir.path()).unwrap();
        out.write("terms.csv", b"v1").unwrap();
        out.write("articles.csv", b"v1").unwrap();
        out.finish().unwrap();
        let mut out = OutputDir::prepare(dir.path()).unwrap();
        out.write("terms.csv", b"v2").unwrap();
        out.write("articles.csv", b"v2").unwrap();
        // A run killed here leaves the previous outputs whole and consistent.
        for n in ["terms.csv", "articles.csv"] {
            assert_eq!(fs::read_to_string(dir.path().join(n)).unwrap(), "v1");
        }
        drop(out);
        let mut out = OutputDir::prepare(dir.path()).unwrap();
        out.write("terms.csv", b"v3").unwrap();
        let out = out.finish().unwrap();
        assert_eq!(out.written, vec!["terms.csv".to_string()]);
        assert_eq!(
            fs::read_to_string(dir.path().join("terms.csv")).unwrap(),
            "v3"
        );
        assert!(!dir.path().join("articles.csv").exists());
        assert_no_tmp_files(dir.path());
    }

    /// Only the names frame gives its temporary files are frame's.
    #[test]
    fn temporary_names_are_told_from_the_users() {
        assert!(is_tmp_name(&tmp_name("report.md")));
        assert!(is_tmp_name(".frame-tmp-12345-terms.csv"));
        for user in [
            ".frame-tmp-draft.md",
            ".frame-tmp-12345-",
            ".frame-tmp--x",
            ".frame-tmp-12a-x",
            "frame-tmp-1-x",
        ] {
            assert!(!is_tmp_name(user), "{user}");
        }
    }

    #[test]
    fn check_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("a/b");
        OutputDir::check(&out).unwrap();
        assert!(!dir.path().join("a").exists());
    }

    #[test]
    fn the_writability_probe_leaves_no_file_a_later_run_cannot_prove_frames() {
        // A user's folder: the probe is the empty manifest, removed again.
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("mine.txt"), "keep").unwrap();
        OutputDir::check(dir.path()).unwrap();
        let names = |d: &Path| {
            let mut v: Vec<String> = fs::read_dir(d)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            v.sort();
            v
        };
        assert_eq!(names(dir.path()), ["mine.txt"]);
        // A run killed before removing that probe leaves an empty manifest,
        // which claims no file: the next run works and keeps the user's file.
        fs::write(dir.path().join(MANIFEST), "").unwrap();
        let mut out = OutputDir::prepare(dir.path()).unwrap();
        out.write("terms.csv", b"x").unwrap();
        out.finish().unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("mine.txt")).unwrap(),
            "keep"
        );
        // A folder with a manifest: the probe's temporary name is frame's.
        fs::write(dir.path().join(tmp_name_of(4242, "probe")), "").unwrap();
        OutputDir::check(dir.path()).unwrap();
        let out = OutputDir::prepare(dir.path()).unwrap();
        drop(out);
        assert_eq!(
            names(dir.path()),
            [MANIFEST, "mine.txt", "terms.csv"].map(String::from)
        );
    }

    #[test]
    fn stale_frame_outputs_are_removed_user_files_never() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = OutputDir::prepare(dir.path()).unwrap();
        out.write("similarity.csv", b"x").unwrap();
        out.finish().unwrap();
        fs::write(dir.path().join("mine.csv"), "keep").unwrap();
        let out = OutputDir::prepare(dir.path()).unwrap();
        out.finish().unwrap();
        assert!(!dir.path().join("similarity.csv").exists());
        assert!(dir.path().join("mine.csv").exists());
    }

    #[test]
    fn a_file_inside_the_path_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("notes.txt");
        fs::write(&f, "mine").unwrap();
        let err = OutputDir::prepare(&f.join("sub/deeper")).unwrap_err();
        assert!(
            err.to_string()
                .contains("notes.txt is a file, not a folder"),
            "{err}"
        );
        assert_eq!(fs::read_to_string(&f).unwrap(), "mine");
    }

    #[test]
    fn a_file_is_not_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("file");
        fs::write(&f, "x").unwrap();
        let err = OutputDir::prepare(&f).unwrap_err();
        assert!(err.to_string().contains("it is a file"), "{err}");
    }

    /// The case: after `rm reports/*` the manifest stays; an essay
    /// saved as report.md must survive the next run, with a warning.
    #[test]
    fn a_user_file_under_a_listed_name_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = OutputDir::prepare(dir.path()).unwrap();
        out.write("report.md", b"frame's report").unwrap();
        out.write("terms.csv", b"t").unwrap();
        out.finish().unwrap();
        fs::remove_file(dir.path().join("report.md")).unwrap();
        fs::remove_file(dir.path().join("terms.csv")).unwrap();
        fs::write(dir.path().join("report.md"), "my essay").unwrap();
        fs::write(dir.path().join("terms.csv"), "my terms").unwrap();
        let mut out = OutputDir::prepare(dir.path()).unwrap();
        assert!(!out.write("report.md", b"new report").unwrap());
        let out = out.finish().unwrap();
        assert_eq!(out.protected, vec!["report.md".to_string()]);
        assert_eq!(
            fs::read_to_string(dir.path().join("report.md")).unwrap(),
            "my essay"
        );
        // Not written this time and changed since: kept, and said.
        assert_eq!(
            fs::read_to_string(dir.path().join("terms.csv")).unwrap(),
            "my terms"
        );
        assert!(
            out.notes.iter().any(|n| n.contains("terms.csv")),
            "{:?}",
            out.notes
        );
        // Neither is frame's any more.
        let m = fs::read_to_string(dir.path().join(MANIFEST)).unwrap();
        assert!(!m.contains("report.md") && !m.contains("terms.csv"), "{m}");
    }

    /// A hand-written manifest listing a user's file proves nothing.
    #[test]
    fn a_hand_edited_manifest_cannot_delete_a_file() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("thesis.docx"), "chapter one").unwrap();
        fs::write(
            dir.path().join(MANIFEST),
            "# Files written by frame\nthesis.docx\n",
        )
        .unwrap();
        let out = OutputDir::prepare(dir.path()).unwrap();
        assert!(
            out.notes.iter().any(|n| n.contains("older frame")),
            "{:?}",
            out.notes
        );
        out.finish().unwrap();
        let forged = format!(
            "# frame manifest 2\nfile\t11\t0\t{}\tthesis.docx\n",
            "0".repeat(32)
        );
        fs::write(dir.path().join(MANIFEST), forged).unwrap();
        let mut out = OutputDir::prepare(dir.path()).unwrap();
        assert!(!out.write("thesis.docx", b"x").unwrap());
        out.finish().unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("thesis.docx")).unwrap(),
            "chapter one"
        );
    }

    #[test]
    fn a_second_run_into_a_locked_folder_stops() {
        let dir = tempfile::tempdir().unwrap();
        let first = OutputDir::prepare(dir.path()).unwrap();
        let err = OutputDir::prepare(dir.path()).unwrap_err().to_string();
        assert!(err.contains("another frame run"), "{err}");
        drop(first);
        OutputDir::prepare(dir.path()).unwrap();
    }

    /// A run killed between renames (simulated: journal saved, one of two
    /// files renamed) is finished by the next run, which says so.
    #[test]
    fn renames_cut_short_are_finished_by_the_next_run() {
        let dir = tempfile::tempdir().unwrap();
        let mut out = OutputDir::prepare(dir.path()).unwrap();
        out.write("a.csv", b"old a").unwrap();
        out.write("old.csv", b"only in the old run").unwrap();
        out.finish().unwrap();
        let mut out = OutputDir::prepare(dir.path()).unwrap();
        out.write("a.csv", b"new a").unwrap();
        out.write("b.csv", b"new b").unwrap();
        let records = out.records.lock().unwrap().clone();
        let mut journal = Manifest {
            run: Some(std::process::id()),
            ..Manifest::default()
        };
        for (n, e) in &records {
            journal.files.insert(n.clone(), (State::Pending, e.clone()));
        }
        let old = out.previous.files["old.csv"].clone();
        journal.files.insert("old.csv".into(), old);
        out.save_manifest(&journal).unwrap();
        out.rename_tmp("a.csv").unwrap();
        drop(out); // killed: no clean-up (OutputDir has no Drop); the lock goes with it
        let out = OutputDir::prepare(dir.path()).unwrap();
        assert!(
            out.notes
                .iter()
                .any(|n| n.contains("finished it (1 renamed, 1 outdated removed)")),
            "{:?}",
            out.notes
        );
        for (n, want) in [("a.csv", "new a"), ("b.csv", "new b")] {
            assert_eq!(fs::read_to_string(dir.path().join(n)).unwrap(), want);
        }
        assert!(!dir.path().join("old.csv").exists());
        assert_no_tmp_files(dir.path());
        assert!(!out.previous.has_pending());
    }
}
