//! Records the git commit frame is built from, so that a report names the
//! exact code behind its numbers ("0.1.0+1a2b3c4d5e6f"; ".modified" when
//! the working tree had uncommitted changes). Outside a git checkout, or
//! without git, the version is the package version alone.

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn main() {
    let version = env!("CARGO_PKG_VERSION");
    let full = match git(&["rev-parse", "--short=12", "HEAD"]) {
        Some(hash) if !hash.is_empty() => {
            // Only tracked files count: build outputs and reports are ignored.
            // --no-optional-locks: status must not refresh the index, whose
            // change would trigger the next build again.
            let modified = git(&[
                "--no-optional-locks",
                "status",
                "--porcelain",
                "--untracked-files=no",
            ])
            .is_some_and(|s| !s.is_empty());
            format!(
                "{version}+{hash}{}",
                if modified { ".modified" } else { "" }
            )
        }
        _ => version.to_string(),
    };
    println!("cargo:rustc-env=FRAME_VERSION={full}");
    // Build again when a commit is made or checked out (the index and the
    // branch's ref change) or when a file a build reads changes (listing
    // any path turns off cargo's default of watching every file).
    for path in [
        "build.rs",
        "Cargo.toml",
        "Cargo.lock",
        "CITATION.cff",
        "src",
        "lexicons",
        "validation",
        "docs",
        "assets",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    let refs = git(&["symbolic-ref", "-q", "HEAD"]);
    for p in ["HEAD", "index", "packed-refs"]
        .iter()
        .map(|p| p.to_string())
        .chain(refs)
    {
        if let Some(path) = git(&["rev-parse", "--git-path", &p]) {
            println!("cargo:rerun-if-changed={path}");
        }
    }
}
