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
    let tmp = dir.join(format!(".frame-tmp-{}-{name}", std::process::id()));
    {
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    let result = (|| {
        for cand in candidates(name).take(10_000) {
            let path = dir.join(&cand);
            match fs::hard_link(&tmp, &path) {
                Ok(()) => return Ok(path),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                // No hard links on this file system (FAT, some network
                // drives): create the new name exclusively instead.
                Err(_) => match fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&path)
                {
                    Ok(mut f) => {
                        f.write_all(bytes)?;
                        return Ok(path);
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                    Err(e) => return Err(e),
                },
            }
        }
        Err(std::io::Error::other(format!("no free name for {name}")))
    })();
    let _ = fs::remove_file(&tmp);
    result
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
