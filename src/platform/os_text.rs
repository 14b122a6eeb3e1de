//! File names as text. A name that is not valid Unicode (a Latin-1 name
//! from an old zip file, on Linux) shows its stray bytes as `\xE9` instead
//! of `�`, so that two such files keep different names, ids and sources.

use std::ffi::OsStr;

/// `name` as text, each byte that is not UTF-8 written as `\xNN`.
#[cfg(unix)]
pub fn os_text(name: &OsStr) -> String {
    use std::fmt::Write;
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::with_capacity(name.len());
    for chunk in name.as_bytes().utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02X}");
        }
    }
    out
}

/// `name` as text (Windows names are UTF-16; an unpaired surrogate, the
/// only name that is not text, shows as `�`).
#[cfg(not(unix))]
pub fn os_text(name: &OsStr) -> String {
    name.to_string_lossy().into_owned()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::ffi::OsStrExt;

    #[test]
    fn stray_bytes_are_escaped_and_text_kept() {
        assert_eq!(os_text(OsStr::from_bytes(b"caf\xe9.txt")), "caf\\xE9.txt");
        assert_eq!(os_text(OsStr::from_bytes(b"caf\xe8.txt")), "caf\\xE8.txt");
        assert_eq!(os_text(OsStr::new("Zürich €.txt")), "Zürich €.txt");
    }
}
