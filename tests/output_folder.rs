//! The output folder is never a place to lose work (issue 26): the manifest
//! proves which files frame wrote, one run at a time holds the folder, an
//! interrupted run removes its temporary files, and every problem with the
//! folder is said before the analysis.

mod common;

use common::{analyze_ok, frame, frame_process, has_file, run, seeds};
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

fn has_tmp(dir: &Path) -> bool {
    has_file(dir, |n| n.starts_with(".frame-tmp-"))
}

/// Every entry of a folder, hidden ones too: (name, bytes), sorted.
fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

/// A corpus big enough for a run to take a moment.
fn corpus(dir: &Path, n: usize) {
    fs::create_dir_all(dir).unwrap();
    let words = [
        "police", "attack", "calm", "safe", "council", "riot", "fear", "reassure",
    ];
    for i in 0..n {
        let text: String = (0..40)
            .map(|w| words[(i * 3 + w * 7 + w / 5) % words.len()])
            .collect::<Vec<_>>()
            .join(" ");
        // A word of its own keeps every article distinct (no duplicate warnings).
        fs::write(
            dir.join(format!("a{i:05}.txt")),
            format!("Article x{i} {text}.\n\n{text} y{i}.\n"),
        )
        .unwrap();
    }
}

#[test]
fn an_essay_saved_under_a_report_name_survives_the_next_run() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("reports");
    analyze_ok(&[&seeds()], &out);
    // `rm reports/*` leaves the hidden manifest; then the student saves an essay.
    for e in fs::read_dir(&out).unwrap().flatten() {
        if !e.file_name().to_string_lossy().starts_with('.') {
            fs::remove_file(e.path()).unwrap();
        }
    }
    fs::write(out.join("report.md"), "My essay draft").unwrap();
    let r = analyze_ok(&[&seeds()], &out);
    assert_eq!(
        fs::read_to_string(out.join("report.md")).unwrap(),
        "My essay draft"
    );
    assert!(
        r.stderr.contains("report.md") && r.stderr.contains("left untouched"),
        "{}",
        r.stderr
    );
    assert!(out.join("report.html").is_file());
}

#[test]
fn a_second_run_into_a_folder_in_use_stops_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("reports");
    fs::create_dir(&out).unwrap();
    // The first run is stood in for by this test holding the folder's lock.
    let held = fs::File::open(&out).unwrap();
    held.try_lock().unwrap();
    let r = run(frame().arg("analyze").arg(seeds()).arg("--out").arg(&out));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("another frame run"), "{}", r.stderr);
    assert!(
        r.stderr.contains(&out.display().to_string()),
        "{}",
        r.stderr
    );
    assert!(
        fs::read_dir(&out).unwrap().next().is_none(),
        "nothing written"
    );
    // A lock of an ended process is gone with it.
    drop(held);
    analyze_ok(&[&seeds()], &out);
}

/// Ctrl-C and SIGTERM while the outputs are written: the temporary files go,
/// the earlier run's outputs stay whole.
#[test]
fn an_interrupted_run_removes_its_temporary_files() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    corpus(&input, 3000);
    for signal in ["INT", "TERM"] {
        let out = tmp.path().join(format!("out-{signal}"));
        analyze_ok(&[&seeds()], &out);
        let before = contents(&out);
        let mut child = frame_process()
            .arg("analyze")
            .arg(&input)
            .arg("--out")
            .arg(&out)
            .arg("--quiet")
            .stdout(Stdio::null())
            // A file, not a pipe: nobody reads it while the run goes on.
            .stderr(fs::File::create(tmp.path().join("stderr.txt")).unwrap())
            .spawn()
            .unwrap();
        while !has_tmp(&out) && child.try_wait().unwrap().is_none() {
            std::thread::yield_now();
        }
        let interrupted = child.try_wait().unwrap().is_none();
        Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .unwrap();
        let status = child.wait().unwrap();
        let stderr = fs::read_to_string(tmp.path().join("stderr.txt")).unwrap();
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(!has_tmp(&out), "{signal}: temporary files left");
        if interrupted {
            assert!(
                matches!(status.code(), Some(130) | Some(0)),
                "{signal}: {status:?} {stderr}"
            );
        }
        if interrupted && status.code() == Some(130) {
            assert!(stderr.contains("interrupted"), "{stderr}");
            let after = contents(&out);
            assert!(after == before, "{signal}: earlier outputs changed");
        }
    }
}

#[test]
fn folder_problems_come_before_the_analysis() {
    let tmp = tempfile::tempdir().unwrap();
    let link = tmp.path().join("dangling");
    std::os::unix::fs::symlink(tmp.path().join("nowhere"), &link).unwrap();
    let r = run(frame().arg("analyze").arg(seeds()).arg("--out").arg(&link));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("symbolic link") && r.stderr.contains("nowhere"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("File exists"), "{}", r.stderr);
    // A bad input and a good folder: the folder this run made is gone again.
    let out = tmp.path().join("new");
    let r = run(frame()
        .arg("analyze")
        .arg(tmp.path().join("missing"))
        .arg("--out")
        .arg(&out));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(!out.exists());
}

/// `--out` equal to the input folder: the second run does not read the
/// first run's report.md and report.html as articles, and says so.
#[test]
fn an_output_folder_equal_to_the_input_is_not_read_back() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    corpus(&dir, 5);
    analyze_ok(&[&dir], &dir);
    let second = run(frame().arg("analyze").arg(&dir).arg("--out").arg(&dir));
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(
        second.stderr.contains("analysed 5 articles"),
        "{}",
        second.stderr
    );
    assert!(
        second.stderr.contains("frame's outputs of an earlier run"),
        "{}",
        second.stderr
    );
}

/// frame's own list of the files it wrote is no hidden file of the user's,
/// also in a folder whose reports were deleted or moved.
#[test]
fn frames_own_file_list_is_not_named_as_a_hidden_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    corpus(&dir, 5);
    let out = tmp.path().join("out");
    analyze_ok(&[&dir], &out);
    fs::copy(out.join(".frame-manifest"), dir.join(".frame-manifest")).unwrap();
    let r = run(frame()
        .arg("analyze")
        .arg(&dir)
        .arg("--out")
        .arg(tmp.path().join("o2")));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("hidden file"), "{}", r.stderr);
}

/// Several folder arguments: the group is the folder's name and a shared
/// file name is told apart by it, whatever the order of the arguments.
#[test]
fn several_folders_give_stable_ids_and_groups() {
    let tmp = tempfile::tempdir().unwrap();
    let (bbc, itv) = (tmp.path().join("bbc"), tmp.path().join("itv"));
    corpus(&bbc, 3);
    corpus(&itv, 3);
    let rows = |out: &Path| -> Vec<(String, String)> {
        let mut r = csv::Reader::from_path(out.join("articles.csv")).unwrap();
        let h = r.headers().unwrap().clone();
        let (id, group) = (
            h.iter().position(|c| c == "id").unwrap(),
            h.iter().position(|c| c == "group").unwrap(),
        );
        let mut v: Vec<(String, String)> = r
            .records()
            .map(|x| {
                let x = x.unwrap();
                (x[id].to_string(), x[group].to_string())
            })
            .collect();
        v.sort();
        v
    };
    let (o1, o2) = (tmp.path().join("o1"), tmp.path().join("o2"));
    for (a, b, o) in [(&bbc, &itv, &o1), (&itv, &bbc, &o2)] {
        analyze_ok(&[a, b], o);
    }
    let got = rows(&o1);
    assert_eq!(got, rows(&o2));
    assert!(
        got.contains(&("bbc/a00000".to_string(), "bbc".to_string())),
        "{got:?}"
    );
    assert!(
        got.contains(&("itv/a00000".to_string(), "itv".to_string())),
        "{got:?}"
    );
}

/// One stray byte appended to the manifest drops that line, with a warning
/// naming the manifest; the other outputs stay frame's and are replaced
/// (they used to be disowned all at once, with "wrote 0 files" and exit 0).
#[test]
fn a_damaged_manifest_line_drops_only_that_line() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("m2");
    analyze_ok(&[&seeds()], &out);
    let mut f = fs::OpenOptions::new()
        .append(true)
        .open(out.join(".frame-manifest"))
        .unwrap();
    std::io::Write::write_all(&mut f, b"\xe9\n").unwrap();
    drop(f);
    let r = run(frame()
        .arg("analyze")
        .arg(seeds())
        .args(["--seed", "3", "--out"])
        .arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains(".frame-manifest: 1 line could not be read"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("not written by frame"), "{}", r.stderr);
    assert!(!r.stderr.contains("wrote 0 files"), "{}", r.stderr);
}

/// Outputs copied into a new folder without the hidden manifest are the
/// user's: nothing is replaced, and since the report cannot be written the
/// run fails with what to do, instead of "wrote 0 files" and exit 0.
#[test]
fn a_run_whose_report_is_refused_fails_and_says_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    let (out1, copied) = (tmp.path().join("out1"), tmp.path().join("copied"));
    analyze_ok(&[&seeds()], &out1);
    fs::create_dir(&copied).unwrap();
    for e in fs::read_dir(&out1).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') {
            fs::copy(e.path(), copied.join(&name)).unwrap();
        }
    }
    let before: Vec<_> = contents(&copied);
    let r = run(frame()
        .arg("analyze")
        .arg(seeds())
        .arg("--out")
        .arg(&copied));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("the report was not written") && r.stderr.contains("--out"),
        "{}",
        r.stderr
    );
    let after: Vec<_> = contents(&copied)
        .into_iter()
        .filter(|(n, _)| n != ".frame-manifest")
        .collect();
    assert!(after == before, "files the user copied changed");
}

/// A user's own file named like a temporary file is not frame's: left, and
/// not claimed. A temporary file frame names (`.frame-tmp-PID-NAME`) in a
/// folder with its manifest is removed, and said.
#[test]
fn only_frames_own_temporary_files_are_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let fu = tmp.path().join("fu");
    fs::create_dir(&fu).unwrap();
    fs::write(fu.join(".frame-tmp-draft.md"), "draft").unwrap();
    fs::write(fu.join(".frame-tmp-12345-report.md"), "no manifest yet").unwrap();
    let r = analyze_ok(&[&seeds()], &fu);
    assert!(!r.stderr.contains("temporary file"), "{}", r.stderr);
    assert_eq!(common::read(&fu.join(".frame-tmp-draft.md")), "draft");
    assert!(fu.join(".frame-tmp-12345-report.md").is_file());
    // Now the folder has frame's manifest: its kind of name is frame's.
    let r = analyze_ok(&[&seeds()], &fu);
    assert!(
        r.stderr.contains("removed 1 temporary file"),
        "{}",
        r.stderr
    );
    assert!(!fu.join(".frame-tmp-12345-report.md").exists());
    assert_eq!(common::read(&fu.join(".frame-tmp-draft.md")), "draft");
}

/// An edit of the same size whose old modification time was put back
/// (`cp -p`, `rsync -a`, `touch -r`) is the user's: the content hash is
/// checked, never the time alone.
#[test]
fn an_edit_with_its_old_time_restored_is_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("mt");
    analyze_ok(&[&seeds()], &out);
    let terms = out.join("terms.csv");
    let time = fs::metadata(&terms).unwrap().modified().unwrap();
    let mut text = fs::read(&terms).unwrap();
    let at = text.iter().position(|&b| b == b'\n').unwrap() + 1;
    text[at] = if text[at] == b'X' { b'Y' } else { b'X' };
    fs::write(&terms, &text).unwrap();
    fs::File::options()
        .write(true)
        .open(&terms)
        .unwrap()
        .set_modified(time)
        .unwrap();
    let r = run(frame().arg("analyze").arg(seeds()).arg("--out").arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(fs::read(&terms).unwrap(), text, "the edit was overwritten");
    assert!(
        r.stderr.contains("terms.csv") && r.stderr.contains("left untouched"),
        "{}",
        r.stderr
    );
}
