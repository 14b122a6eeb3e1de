//! The output folder: every output is first written to a hidden temporary
//! file, and only when all of them are complete are they renamed to their
//! final names, so a run killed midway leaves the previous run's files intact.
//! A manifest of what frame wrote means only those files are ever replaced.
//! Any other file in the folder is the user's and is never overwritten or
//! deleted.

pub mod new_file;

use crate::model::error::{Error, Result};
use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Name of the manifest file inside the output folder.
pub use crate::model::MANIFEST;
const TMP_PREFIX: &str = ".frame-tmp-";

/// An output folder being written.
#[derive(Debug)]
pub struct OutputDir {
    path: PathBuf,
    /// Files frame wrote in earlier runs (from the manifest).
    previous: BTreeSet<String>,
    /// Outputs of this run waiting in their temporary files, in order.
    staged: Vec<String>,
    /// Files written in this run, in order (complete after [`OutputDir::finish`]).
    pub written: Vec<String>,
    /// Outputs not written because a file of the user's has that name.
    pub protected: Vec<String>,
    /// Whether [`OutputDir::prepare`] created the folder (so that
    /// [`OutputDir::abandon`] may remove it again).
    created: bool,
}

fn out_err(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Output {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

fn tmp_name(name: &str) -> String {
    format!("{TMP_PREFIX}{name}")
}

/// The part of `path` that is a file, when one is (`--out notes.txt/sub`).
fn file_in_path(path: &Path) -> Option<&Path> {
    path.ancestors()
        .skip(1)
        .find(|a| !a.as_os_str().is_empty() && a.exists() && !a.is_dir())
}

impl OutputDir {
    /// Checks, without creating the folder, that `path` can become the
    /// output folder, so that a bad `--out` fails before the corpus is read.
    pub fn check(path: &Path) -> Result<()> {
        if path.exists() && !path.is_dir() {
            return Err(out_err(path, "it is a file, not a folder"));
        }
        if let Some(file) = file_in_path(path) {
            return Err(out_err(
                path,
                format!("{} is a file, not a folder", file.display()),
            ));
        }
        if path.is_dir() {
            // An existing folder can be tried for real, leaving nothing behind.
            let probe = path.join(format!("{TMP_PREFIX}probe-{}", std::process::id()));
            fs::write(&probe, b"").map_err(|e| out_err(path, e))?;
            let _ = fs::remove_file(&probe);
            return Ok(());
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
                return Err(out_err(path, format!("{} is read-only", dir.display())));
            }
        }
        Ok(())
    }

    /// Creates the folder if needed, checks that it can be written and
    /// removes temporary files left by an interrupted run.
    pub fn prepare(path: &Path) -> Result<OutputDir> {
        Self::check(path)?;
        let created = !path.is_dir();
        fs::create_dir_all(path).map_err(|e| out_err(path, e))?;
        Self::check(path)?;
        let previous: BTreeSet<String> = fs::read_to_string(path.join(MANIFEST))
            .map(|s| {
                s.lines()
                    .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                    .map(|l| l.trim().to_string())
                    .filter(|l| !l.contains('/') && !l.contains('\\') && l != "..")
                    .collect()
            })
            .unwrap_or_default();
        // Temporary files left by an interrupted run are frame's own.
        if let Ok(rd) = fs::read_dir(path) {
            for e in rd.flatten() {
                if e.file_name().to_string_lossy().starts_with(TMP_PREFIX) {
                    let _ = fs::remove_file(e.path());
                }
            }
        }
        Ok(OutputDir {
            path: path.to_path_buf(),
            previous,
            staged: Vec::new(),
            written: Vec::new(),
            protected: Vec::new(),
            created,
        })
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn write_tmp(&self, name: &str, bytes: &[u8]) -> Result<()> {
        self.staged_file(name).fill(|w| w.write_all(bytes))
    }

    /// The temporary and final paths of an output.
    fn staged_file(&self, name: &str) -> Staged {
        Staged {
            tmp: self.path.join(tmp_name(name)),
            target: self.path.join(name),
        }
    }

    fn rename_tmp(&self, name: &str) -> Result<()> {
        let tmp = self.path.join(tmp_name(name));
        let target = self.path.join(name);
        fs::rename(&tmp, &target).map_err(|e| {
            let _ = fs::remove_file(&tmp);
            out_err(&target, e)
        })
    }

    fn save_manifest(&self, names: &BTreeSet<String>) -> Result<()> {
        let mut s =
            String::from("# Files written by frame in this folder; frame replaces only these.\n");
        for n in names {
            s.push_str(n);
            s.push('\n');
        }
        self.write_tmp(MANIFEST, s.as_bytes())?;
        self.rename_tmp(MANIFEST)
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
    /// that name exists that frame did not write. If the fill fails, the run
    /// must [`OutputDir::abandon`] the folder.
    pub fn reserve(&mut self, name: &str) -> Option<Staged> {
        let target = self.path.join(name);
        if !self.previous.contains(name) && fs::symlink_metadata(&target).is_ok() {
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
        if self.created {
            let _ = fs::remove_dir(&self.path);
        }
    }

    /// Removes the temporary files of this run (after a failed write).
    fn discard(&mut self) {
        for n in self.staged.drain(..) {
            let _ = fs::remove_file(self.path.join(tmp_name(&n)));
        }
    }

    /// Gives every staged output its final name, removes outputs of earlier
    /// runs that this run did not produce (they would describe another
    /// corpus), then saves the manifest.
    pub fn finish(mut self) -> Result<OutputDir> {
        let staged: BTreeSet<String> = self.staged.iter().cloned().collect();
        // Listed before any file appears under its final name, so a crash
        // during the renames never leaves a frame file that looks like the user's.
        let owned: BTreeSet<String> = self.previous.union(&staged).cloned().collect();
        if let Err(e) = self.save_manifest(&owned) {
            self.discard();
            return Err(e);
        }
        for name in std::mem::take(&mut self.staged) {
            self.rename_tmp(&name)?;
            self.written.push(name);
        }
        for stale in self.previous.difference(&staged) {
            let p = self.path.join(stale);
            if fs::symlink_metadata(&p)
                .map(|m| m.is_file())
                .unwrap_or(false)
            {
                let _ = fs::remove_file(&p);
            }
        }
        self.save_manifest(&staged)?;
        Ok(self)
    }
}

/// An output claimed with [`OutputDir::reserve`], written to its temporary
/// name without borrowing the folder (it is renamed with the others in
/// [`OutputDir::finish`]).
#[derive(Debug)]
pub struct Staged {
    tmp: PathBuf,
    target: PathBuf,
}

impl Staged {
    /// Streams the file's content into its temporary name through a buffer
    /// (no fsync: the rename in [`OutputDir::finish`] is what makes a killed
    /// or failed run harmless, and syncing every file made a run much
    /// slower. A power cut mid-run is the one case this does not cover; the
    /// run can be repeated).
    pub fn fill(
        &self,
        fill: impl FnOnce(&mut (dyn Write + Send)) -> std::io::Result<()>,
    ) -> Result<()> {
        let res = fs::File::create(&self.tmp).and_then(|f| {
            let mut w = std::io::BufWriter::with_capacity(1 << 20, Writeback::new(f));
            fill(&mut w)?;
            w.flush()
        });
        res.map_err(|e| {
            let _ = fs::remove_file(&self.tmp);
            out_err(&self.target, e)
        })
    }
}

/// A file whose written data is handed to the disk every [`WRITEBACK_STEP`]
/// bytes while the rest is still being written. Without it, the renames of
/// [`OutputDir::finish`] over a previous run's files waited for the kernel
/// to write out the whole new file (ext4 does so when a rename replaces a
/// file), with both cores idle. Starting write-back never waits for the
/// disk and changes no byte; on other systems this is a plain file.
///
/// The pages of a step whose write-back has finished by the time the next
/// step starts are then dropped from the page cache (`POSIX_FADV_DONTNEED`,
/// which skips pages still dirty or being written and never waits): the
/// next steps' pages take the memory just freed instead of fresh pages.
/// Every fresh page costs a zeroing, and on a virtual machine whose host
/// takes back free memory a fault on the host as well, and large outputs
/// would go through gigabytes of them. The files' bytes are on disk either
/// way; only their cached copies go.
struct Writeback {
    file: fs::File,
    written: u64,
    started: u64,
    /// Start of the step whose write-back was started last.
    last_step: u64,
}

/// Bytes between two starts of write-back.
const WRITEBACK_STEP: u64 = 32 << 20;

impl Writeback {
    fn new(file: fs::File) -> Self {
        Writeback {
            file,
            written: 0,
            started: 0,
            last_step: 0,
        }
    }

    /// Starts the write-back of what was written since the last start, and
    /// drops the step before that from the page cache: it had a whole
    /// step's time to reach the disk.
    fn start_writeback(&mut self) {
        crate::platform::file::start_writeback(
            &self.file,
            self.started,
            self.written - self.started,
        );
        if self.last_step < self.started {
            crate::platform::file::drop_written_pages(
                &self.file,
                self.last_step,
                self.started - self.last_step,
            );
        }
        self.last_step = self.started;
        self.started = self.written;
    }
}

impl Write for Writeback {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.file.write(buf)?;
        self.written += n as u64;
        if self.written - self.started >= WRITEBACK_STEP {
            self.start_writeback();
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        // The tail too: then a rename has nothing left to wait for.
        if self.written > self.started {
            self.start_writeback();
        }
        self.file.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dropping written steps from the page cache keeps every byte: a file
    /// of three steps and a tail reads back as written.
    #[test]
    fn writeback_keeps_every_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big");
        let step = WRITEBACK_STEP as usize;
        let chunk: Vec<u8> = (0..1_000_003u32).map(|i| (i % 251) as u8).collect();
        let mut want = Vec::new();
        {
            let mut w = std::io::BufWriter::new(Writeback::new(fs::File::create(&path).unwrap()));
            while want.len() < 3 * step + 12_345 {
                w.write_all(&chunk).unwrap();
                want.extend_from_slice(&chunk);
            }
            w.flush().unwrap();
        }
        assert!(fs::read(&path).unwrap() == want);
    }

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

    #[test]
    fn check_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("a/b");
        OutputDir::check(&out).unwrap();
        assert!(!dir.path().join("a").exists());
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
}
