//! Helpers shared by the end-to-end tests: run the real `frame` binary and
//! check that it never panics, write the input folders, read the outputs.
//! `fixtures` builds Word, ODT and RTF files (shared with the library's unit
//! tests).
#![allow(dead_code)]

pub mod fixtures;

use assert_cmd::cargo::CommandCargoExt;
use assert_cmd::Command;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The `frame` binary as a plain process, for tests that spawn and signal
/// it; the benchmark's timing switch is off.
pub fn frame_process() -> std::process::Command {
    let mut c = std::process::Command::cargo_bin("frame").unwrap();
    c.env_remove("FRAME_TIMINGS");
    c
}

/// The `frame` binary, with the benchmark's timing switch off.
pub fn frame() -> Command {
    Command::from_std(frame_process())
}

/// The sample corpus.
pub fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// Exit code and output of one run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `cmd`; fails the test if frame printed a panic or a backtrace.
pub fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().unwrap();
    let r = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !r.stderr.contains("panicked") && !r.stderr.contains("RUST_BACKTRACE"),
        "panic: {}",
        r.stderr
    );
    r
}

/// `frame analyze INPUT FLAGS --out OUT`, whatever its exit code.
pub fn analyze_with(input: &Path, flags: &[&str], out: &Path) -> Run {
    run(frame()
        .arg("analyze")
        .arg(input)
        .args(flags)
        .arg("--out")
        .arg(out))
}

/// Fails unless frame's messages include `text`, showing them all.
#[track_caller]
pub fn assert_said(r: &Run, text: &str) {
    assert!(r.stderr.contains(text), "{}", r.stderr);
}

/// Fails if frame's messages include `text`, showing them all.
#[track_caller]
pub fn assert_not_said(r: &Run, text: &str) {
    assert!(!r.stderr.contains(text), "{}", r.stderr);
}

/// `frame analyze <inputs> --out <out> --quiet`; fails the test unless the
/// run succeeds.
pub fn analyze_ok(inputs: &[&Path], out: &Path) -> Run {
    let r = run(frame()
        .arg("analyze")
        .args(inputs)
        .arg("--out")
        .arg(out)
        .arg("--quiet"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    r
}

/// Writes `files` (path in the folder, content) into the folder `root/name`
/// and returns the folder.
pub fn folder(root: &Path, name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = root.join(name);
    fs::create_dir_all(&dir).unwrap();
    for (n, b) in files {
        let p = dir.join(n);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, b).unwrap();
    }
    dir
}

/// Whether `dir` holds an entry whose name passes `pred`; false when `dir`
/// is missing (a failed run may remove the folder it made).
pub fn has_file(dir: &Path, pred: impl Fn(&str) -> bool) -> bool {
    fs::read_dir(dir)
        .map(|rd| rd.flatten().any(|e| pred(&e.file_name().to_string_lossy())))
        .unwrap_or(false)
}

/// The whole text of an output file; the failure names the file.
pub fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The rows of a CSV output as maps from column name to cell.
pub fn csv_maps(p: &Path) -> Vec<BTreeMap<String, String>> {
    let r = csv::Reader::from_path(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    maps_of(r)
}

/// The rows of CSV text (a command's stdout) as maps from column to cell.
pub fn csv_text_maps(text: &str) -> Vec<BTreeMap<String, String>> {
    maps_of(csv::Reader::from_reader(text.as_bytes()))
}

fn maps_of<R: std::io::Read>(mut r: csv::Reader<R>) -> Vec<BTreeMap<String, String>> {
    let head = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            head.iter()
                .zip(rec.unwrap().iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// The rows of a CSV output as cells, the header row left out.
pub fn csv_records(p: &Path) -> Vec<Vec<String>> {
    csv::Reader::from_path(p)
        .unwrap()
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// A number cell of a [`csv_maps`] row; the failure names the column.
pub fn num(row: &BTreeMap<String, String>, col: &str) -> f64 {
    row[col]
        .parse()
        .unwrap_or_else(|_| panic!("{col}: {:?}", row[col]))
}
