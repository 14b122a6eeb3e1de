//! The output folder: every file written atomically (a hidden temporary file,
//! then a rename), and a manifest of what frame wrote so that only those
//! files are ever replaced. Any other file in the folder is the user's and is
//! never overwritten or deleted.

use crate::error::{Error, Result};
use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Name of the manifest file inside the output folder.
pub const MANIFEST: &str = ".frame-manifest";
const TMP_PREFIX: &str = ".frame-tmp-";

/// An output folder being written.
#[derive(Debug)]
pub struct OutputDir {
    path: PathBuf,
    /// Files frame wrote in earlier runs (from the manifest).
    previous: BTreeSet<String>,
    /// Files frame owns now (previous + written this run).
    owned: BTreeSet<String>,
    /// Files written in this run, in order.
    pub written: Vec<String>,
    /// Outputs not written because a file of the user's has that name.
    pub protected: Vec<String>,
}

fn out_err(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Output {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

impl OutputDir {
    /// Creates the folder if needed and checks that it can be written,
    /// before any analysis is done.
    pub fn prepare(path: &Path) -> Result<OutputDir> {
        if path.exists() && !path.is_dir() {
            return Err(out_err(path, "it is a file, not a folder"));
        }
        // `--out notes.txt/sub`: say which part of the path is a file rather
        // than the system's "Not a directory".
        if let Some(file) = path
            .ancestors()
            .skip(1)
            .find(|a| !a.as_os_str().is_empty() && a.exists() && !a.is_dir())
        {
            return Err(out_err(
                path,
                format!("{} is a file, not a folder", file.display()),
            ));
        }
        fs::create_dir_all(path).map_err(|e| out_err(path, e))?;
        let probe = path.join(format!("{TMP_PREFIX}probe-{}", std::process::id()));
        fs::write(&probe, b"").map_err(|e| out_err(path, e))?;
        let _ = fs::remove_file(&probe);
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
            owned: previous.clone(),
            previous,
            written: Vec::new(),
            protected: Vec::new(),
        })
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn write_atomic(&self, name: &str, bytes: &[u8]) -> Result<()> {
        let tmp = self.path.join(format!("{TMP_PREFIX}{name}"));
        let target = self.path.join(name);
        let mut f = fs::File::create(&tmp).map_err(|e| out_err(&target, e))?;
        f.write_all(bytes).map_err(|e| out_err(&target, e))?;
        f.sync_all().map_err(|e| out_err(&target, e))?;
        drop(f);
        fs::rename(&tmp, &target).map_err(|e| {
            let _ = fs::remove_file(&tmp);
            out_err(&target, e)
        })
    }

    fn save_manifest(&self) -> Result<()> {
        let mut s =
            String::from("# Files written by frame in this folder; frame replaces only these.\n");
        for n in &self.owned {
            s.push_str(n);
            s.push('\n');
        }
        self.write_atomic(MANIFEST, s.as_bytes())
    }

    /// Writes one output file. Returns false (and writes nothing) when a file
    /// of that name exists that frame did not write.
    pub fn write(&mut self, name: &str, bytes: &[u8]) -> Result<bool> {
        let target = self.path.join(name);
        if !self.owned.contains(name) && fs::symlink_metadata(&target).is_ok() {
            self.protected.push(name.to_string());
            return Ok(false);
        }
        // The manifest is saved before the file appears under its final name,
        // so a crash in between never leaves a frame file that looks like the user's.
        if self.owned.insert(name.to_string()) {
            self.save_manifest()?;
        }
        self.write_atomic(name, bytes)?;
        self.written.push(name.to_string());
        Ok(true)
    }

    /// Removes outputs of earlier runs that this run did not produce (they
    /// would describe another corpus), then saves the manifest.
    pub fn finish(mut self) -> Result<OutputDir> {
        let written: BTreeSet<String> = self.written.iter().cloned().collect();
        for stale in self.previous.difference(&written) {
            let p = self.path.join(stale);
            if fs::symlink_metadata(&p)
                .map(|m| m.is_file())
                .unwrap_or(false)
            {
                let _ = fs::remove_file(&p);
            }
        }
        self.owned = written;
        self.save_manifest()?;
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.iter().all(|n| !n.starts_with(TMP_PREFIX)),
            "{names:?}"
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
}
