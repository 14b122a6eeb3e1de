//! The manifest (`.frame-manifest`): one line per file frame wrote in the
//! folder, with the size, modification time and XXH3-128 hash it had when frame
//! wrote it. A file is frame's to replace or remove only while it still
//! matches its line; the rename phase of a run is journalled here too
//! (lines marked `pending`), so that the next run can finish it.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::Path;
use std::time::UNIX_EPOCH;
use xxhash_rust::xxh3::Xxh3Default;

/// First line of a manifest in this format.
const HEADER: &str = "# frame manifest 2: files frame wrote here; each is replaced or removed only while its size and hash still match this line";

/// What frame recorded of one file it wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Size in bytes.
    pub size: u64,
    /// Modification time in nanoseconds since 1970 (0 when unknown).
    pub mtime_ns: u128,
    /// XXH3-128 of the content ([`ContentHash`]), lower-case hex.
    pub hash: String,
}

/// Whether an entry is a finished output or one a run was renaming.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Under its final name since its run finished.
    Done,
    /// Written under its temporary name; its run had started the renames.
    Pending,
}

/// A parsed manifest: file name -> (state, entry).
#[derive(Debug, Default, Clone)]
pub struct Manifest {
    /// Every listed file, by name.
    pub files: BTreeMap<String, (State, Entry)>,
    /// Names listed in an older manifest (no size or hash): never trusted.
    pub unproven: Vec<String>,
    /// Lines that could not be read (not UTF-8, or not a line frame
    /// writes): dropped, so the files they named are the user's.
    pub bad_lines: usize,
    /// The process that saved a journal: its temporary files are named
    /// with it (`.frame-tmp-PID-NAME`), so the next run can finish them.
    pub run: Option<u32>,
}

/// The comment line of a journal naming the process that saved it.
const RUN_LINE: &str = "# process ";

/// A name that may be listed: a plain file name inside the folder.
fn plain_name(name: &str) -> bool {
    !name.is_empty() && name != "." && name != ".." && !name.contains(['/', '\\', '\t', '\n'])
}

impl Manifest {
    /// Reads the manifest text; lines it does not understand are dropped
    /// and counted (so a damaged line proves nothing, and the others keep
    /// what they prove).
    pub fn parse(text: &str) -> Manifest {
        Self::parse_bytes(text.as_bytes())
    }

    /// [`Manifest::parse`] on the file's bytes: a line that is not UTF-8
    /// (a stray byte appended by hand or by a broken copy) is one bad line,
    /// never the whole manifest.
    pub fn parse_bytes(bytes: &[u8]) -> Manifest {
        let mut m = Manifest::default();
        let versioned = bytes.starts_with(b"# frame manifest 2");
        for line in bytes.split(|&b| b == b'\n') {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            let Ok(line) = std::str::from_utf8(line) else {
                m.bad_lines += 1;
                continue;
            };
            if let Some(pid) = line.strip_prefix(RUN_LINE) {
                m.run = pid.trim().parse().ok();
                continue;
            }
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !versioned {
                let name = line.trim();
                if plain_name(name) {
                    m.unproven.push(name.to_string());
                } else {
                    m.bad_lines += 1;
                }
                continue;
            }
            let Some((state, entry, name)) = parse_line(line) else {
                m.bad_lines += 1;
                continue;
            };
            m.files.insert(name.to_string(), (state, entry));
        }
        m
    }

    /// The manifest as text, names in sorted order.
    pub fn render(&self) -> String {
        let mut s = format!("{HEADER}\n");
        if let Some(pid) = self.run {
            s.push_str(&format!("{RUN_LINE}{pid}\n"));
        }
        s.push_str("# state\tsize\tmodified (ns)\txxh3-128\tname\n");
        for (name, (state, e)) in &self.files {
            let state = match state {
                State::Done => "file",
                State::Pending => "pending",
            };
            s.push_str(&format!(
                "{state}\t{}\t{}\t{}\t{name}\n",
                e.size, e.mtime_ns, e.hash
            ));
        }
        s
    }

    /// Whether any rename of an earlier run was left unfinished.
    pub fn has_pending(&self) -> bool {
        self.files.values().any(|(s, _)| *s == State::Pending)
    }
}

/// One line of a manifest in this format, or `None` when it is not one.
fn parse_line(line: &str) -> Option<(State, Entry, &str)> {
    let f: Vec<&str> = line.splitn(5, '\t').collect();
    let [state, size, mtime, hash, name] = f[..] else {
        return None;
    };
    let state = match state {
        "file" => State::Done,
        "pending" => State::Pending,
        _ => return None,
    };
    let (Ok(size), Ok(mtime_ns)) = (size.parse(), mtime.parse()) else {
        return None;
    };
    if hash.len() != 32 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) || !plain_name(name) {
        return None;
    }
    let entry = Entry {
        size,
        mtime_ns,
        hash: hash.to_ascii_lowercase(),
    };
    Some((state, entry, name))
}

/// Modification time of a file's metadata, in nanoseconds (0 when unknown).
pub fn mtime_ns(meta: &fs::Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

/// The content hash of the manifest, fed as the file is written.
pub struct ContentHash(Box<Xxh3Default>);

impl ContentHash {
    /// An empty hash.
    pub fn new() -> Self {
        ContentHash(Box::default())
    }

    /// Adds bytes.
    pub fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    /// The hash as lower-case hex (32 digits).
    pub fn hex(&self) -> String {
        format!("{:032x}", self.0.digest128())
    }
}

impl Default for ContentHash {
    fn default() -> Self {
        Self::new()
    }
}

/// Content hash of a file.
fn file_hash(path: &Path) -> std::io::Result<String> {
    let mut f = fs::File::open(path)?;
    let mut h = ContentHash::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(h.hex())
}

/// Whether the file at `path` is still the one `entry` records: a regular
/// file (not a link) of the recorded size and the recorded content hash.
/// The content is always read: a recorded modification time proves
/// nothing, since `cp -p`, `rsync -a` and `touch -r` put an edited file's
/// old time back (docs/output-folder.md gives the cost: under a second for
/// the 435 MB of a 20,000-article report). The time stays in the manifest
/// for people reading it.
pub fn matches(path: &Path, entry: &Entry) -> bool {
    let Ok(meta) = fs::symlink_metadata(path) else {
        return false;
    };
    if !meta.is_file() || meta.len() != entry.size {
        return false;
    }
    file_hash(path).is_ok_and(|h| h == entry.hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry_of(path: &Path) -> Entry {
        let bytes = fs::read(path).unwrap();
        Entry {
            size: bytes.len() as u64,
            mtime_ns: mtime_ns(&fs::metadata(path).unwrap()),
            hash: {
                let mut h = ContentHash::new();
                h.update(&bytes);
                h.hex()
            },
        }
    }

    #[test]
    fn render_and_parse_round_trip() {
        let mut m = Manifest::default();
        let e = Entry {
            size: 3,
            mtime_ns: 17,
            hash: "a".repeat(32),
        };
        m.files
            .insert("report md.md".into(), (State::Done, e.clone()));
        m.files.insert("terms.csv".into(), (State::Pending, e));
        m.run = Some(4242);
        let back = Manifest::parse(&m.render());
        assert_eq!(back.files, m.files);
        assert!(back.has_pending());
        assert_eq!(back.run, Some(4242));
        assert_eq!(back.bad_lines, 0);
    }

    /// One stray byte appended to the manifest drops that line only: every
    /// other output stays frame's (it used to disown them all).
    #[test]
    fn a_line_that_is_not_utf8_is_dropped_alone() {
        let mut m = Manifest::default();
        let e = Entry {
            size: 3,
            mtime_ns: 17,
            hash: "b".repeat(32),
        };
        m.files.insert("terms.csv".into(), (State::Done, e.clone()));
        m.files.insert("report.md".into(), (State::Done, e));
        let mut bytes = m.render().into_bytes();
        bytes.extend(b"\xe9\n");
        bytes.extend(b"file\tnot a line\n");
        let back = Manifest::parse_bytes(&bytes);
        assert_eq!(back.files, m.files);
        assert_eq!(back.bad_lines, 2);
    }

    #[test]
    fn an_old_or_damaged_manifest_proves_nothing() {
        let old = Manifest::parse("# Files written by frame\nreport.md\n../etc/passwd\n");
        assert!(old.files.is_empty());
        assert_eq!(old.unproven, vec!["report.md".to_string()]);
        let bad = Manifest::parse(&format!(
            "{HEADER}\nfile\tx\t0\t{}\ta.csv\nfile\t1\t0\tzz\tb.csv\nfile\t1\t0\t{}\t../c\n",
            "0".repeat(32),
            "0".repeat(32)
        ));
        assert!(bad.files.is_empty(), "{:?}", bad.files);
        assert_eq!(bad.bad_lines, 3);
    }

    #[test]
    fn a_changed_file_no_longer_matches() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("report.md");
        fs::write(&p, "frame's report").unwrap();
        let e = entry_of(&p);
        assert!(matches(&p, &e));
        // Same size, new content (within the same clock tick, so perhaps
        // the same time): the hash decides, the time is not trusted.
        fs::write(&p, "my essay draft").unwrap();
        assert!(!matches(&p, &e));
        // Same content written again (a new time): the hash proves it.
        fs::write(&p, "frame's report").unwrap();
        let mut stale_time = e.clone();
        stale_time.mtime_ns = 1;
        assert!(matches(&p, &stale_time));
        // A different size never matches.
        fs::write(&p, "x").unwrap();
        assert!(!matches(&p, &e));
        fs::remove_file(&p).unwrap();
        assert!(!matches(&p, &e));
    }

    /// An edit of the same size whose old modification time was put back
    /// (`cp -p`, `rsync -a`, `touch -r`) is still the user's: the time is
    /// never taken as proof.
    #[test]
    fn a_restored_modification_time_proves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("terms.csv");
        fs::write(&p, "0,frame").unwrap();
        let e = entry_of(&p);
        let old = fs::metadata(&p).unwrap().modified().unwrap();
        fs::write(&p, "X,frame").unwrap();
        fs::File::options()
            .write(true)
            .open(&p)
            .unwrap()
            .set_modified(old)
            .unwrap();
        assert_eq!(mtime_ns(&fs::metadata(&p).unwrap()), e.mtime_ns);
        assert!(!matches(&p, &e));
    }
}
