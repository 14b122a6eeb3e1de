//! Writing a new file among the user's own files (`frame import`): never
//! replacing one that exists, and never leaving half a file under the final
//! name. The bytes go to a hidden temporary file first, which is then
//! hard-linked to the first free name (a link fails rather than replace).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The names tried for `name`: itself, then `stem-2.ext`, `stem-3.ext` ...
fn candidates(name: &str) -> impl Iterator<Item = String> + '_ {
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s, format!(".{e}")),
        _ => (name, String::new()),
    };
    std::iter::once(name.to_string()).chain((2..).map(move |n| format!("{stem}-{n}{ext}")))
}

/// Writes `bytes` to `dir/name`, or to `dir/stem-N.ext` when that name is
/// taken; returns the path written. An existing file is never touched.
pub fn write_new(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    // `.frame-tmp-PID-NAME` (`super::is_tmp_name`), known to the interrupt
    // clean-up while it exists; removed whatever happens below (a full
    // disk used to leave it behind, empty).
    let tmp = dir.join(format!(".frame-tmp-{}-{name}", std::process::id()));
    let result = super::interrupt::create_tmp_new(&tmp)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        })
        .and_then(|()| link_to_free_name(dir, &tmp, name, bytes));
    let _ = fs::remove_file(&tmp);
    super::interrupt::forget(&tmp);
    result
}

/// Gives the complete temporary file `tmp` the first free name of `name`.
fn link_to_free_name(dir: &Path, tmp: &Path, name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    {
        for cand in candidates(name).take(10_000) {
            let path = dir.join(&cand);
            match fs::hard_link(tmp, &path) {
                Ok(()) => return Ok(path),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                // No hard links on this file system (FAT, some network
                // drives): create the new name exclusively instead; a write
                // that fails (or is interrupted) removes it, so no half
                // file is left under the final name.
                Err(_) => match super::interrupt::create_tmp_new(&path) {
                    Ok(mut f) => {
                        let res = f.write_all(bytes).and_then(|()| f.sync_all());
                        if res.is_err() {
                            let _ = fs::remove_file(&path);
                        }
                        super::interrupt::forget(&path);
                        return res.map(|()| path);
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                    Err(e) => return Err(e),
                },
            }
        }
        Err(std::io::Error::other(format!("no free name for {name}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let first = write_new(dir.path(), "a.txt", b"one").unwrap();
        assert_eq!(first, dir.path().join("a.txt"));
        let second = write_new(dir.path(), "a.txt", b"two").unwrap();
        assert_eq!(second, dir.path().join("a-2.txt"));
        assert_eq!(fs::read(&first).unwrap(), b"one");
        assert_eq!(fs::read(&second).unwrap(), b"two");
        // No temporary file is left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
        let names: Vec<String> = candidates("x").take(3).collect();
        assert_eq!(names, ["x", "x-2", "x-3"]);
    }
}
