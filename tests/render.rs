//! The report as a student prints it: `scripts/render-report` renders
//! report.html in headless Chromium, prints it to PDF and fails if the
//! seeds' report takes more than 12 A4 pages. Needs Chromium and poppler
//! (pdfinfo, pdftoppm), so it is ignored by default:
//! `cargo test --release --test render -- --ignored`.

use std::path::Path;
use std::process::Command;

#[test]
#[ignore = "needs Chromium and poppler-utils; run with --ignored"]
fn the_seeds_report_prints_on_at_most_12_pages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new(root.join("scripts/render-report"))
        .arg("--out")
        .arg(tmp.path())
        .env("FRAME", env!("CARGO_BIN_EXE_frame"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("report.html prints on"), "{stdout}");
    let dir = tmp.path().join("seeds");
    for f in [
        "report.pdf",
        "report.png",
        "reader.png",
        "pages/page-01.png",
    ] {
        let len = std::fs::metadata(dir.join(f)).map(|m| m.len()).unwrap_or(0);
        assert!(len > 1000, "{f} missing or empty");
    }
}
