//! What frame prints on the terminal: file names with control characters
//! escaped (a name holding a newline or an escape code must not rewrite the
//! screen), and repeated warnings summarised after a cap (the report and
//! `analysis.json` keep all of them).

use std::borrow::Cow;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Warnings about single files shown before the rest are only counted.
pub const MAX_SHOWN_WARNINGS: usize = 50;

static WARNINGS: AtomicUsize = AtomicUsize::new(0);

/// `s` with control characters escaped (`\n`, `\u{1b}`); with
/// `keep_newlines`, line breaks stay (messages laid out over lines).
pub fn printable(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !s
        .chars()
        .any(|c| c.is_control() && !(keep_newlines && c == '\n'))
    {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_control() && !(keep_newlines && c == '\n') {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Writes `line` and a line break to stderr. A stderr that cannot be
/// written (a full disk, a closed pipe: `2>/dev/full`, `2>&1 | true`) drops
/// the line: `eprintln!` would panic there, and the run's outcome (its
/// exit code, the files it wrote) matters more than a message no one can
/// read. Everything frame prints on stderr goes through here.
pub fn say(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err
        .write_all(line.as_bytes())
        .and_then(|_| err.write_all(b"\n"));
}

/// [`say`] without the line break.
pub fn say_part(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// What a write to stdout came to: a reader that went away (`| head`) is
/// the Unix convention for "enough" and no error; anything else (a full
/// disk, an I/O error) fails the run, which must not report success for
/// output that was lost.
pub fn stdout_result(res: std::io::Result<()>) -> Result<(), crate::Error> {
    match res {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(crate::Error::Stdout(crate::model::error::io_message(&e)))
        }
        _ => Ok(()),
    }
}

/// Writes `bytes` to stdout and flushes ([`stdout_result`] for the errors).
pub fn print_out(bytes: &[u8]) -> Result<(), crate::Error> {
    let mut out = std::io::stdout().lock();
    stdout_result(out.write_all(bytes).and_then(|_| out.flush()))
}

/// A warning on stderr, where the user sees it beside the summary line;
/// after [`MAX_SHOWN_WARNINGS`] they are only counted (see [`summary`]).
pub fn warn(msg: &str) {
    if WARNINGS.fetch_add(1, Ordering::Relaxed) < MAX_SHOWN_WARNINGS {
        say(&format!("warning: {}", printable(msg, false)));
    }
}

/// A warning that is always shown (about the output folder and the user's files).
pub fn warn_always(msg: &str) {
    say(&format!("warning: {}", printable(msg, false)));
}

/// The line that says how many warnings were not shown, if any.
pub fn summary(where_listed: &str) -> Option<String> {
    let n = WARNINGS.load(Ordering::Relaxed);
    (n > MAX_SHOWN_WARNINGS).then(|| {
        format!(
            "warning: {} more warnings not shown (the first {MAX_SHOWN_WARNINGS} are above); {where_listed}",
            n - MAX_SHOWN_WARNINGS
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(printable("plain name.txt", false), "plain name.txt");
        assert_eq!(
            printable("evil\n\u{1b}[2Jname.txt", false),
            "evil\\n\\u{1b}[2Jname.txt"
        );
        assert_eq!(printable("a\nb\tc", true), "a\nb\\tc");
    }

    #[test]
    fn a_closed_pipe_is_no_error_a_full_disk_is() {
        use std::io::{Error, ErrorKind};
        assert!(stdout_result(Ok(())).is_ok());
        assert!(stdout_result(Err(Error::from(ErrorKind::BrokenPipe))).is_ok());
        let full = stdout_result(Err(Error::from_raw_os_error(28))).unwrap_err();
        assert_eq!(full.exit_code(), 1);
        let msg = full.to_string();
        assert!(
            msg.starts_with("could not write to standard output: "),
            "{msg}"
        );
        assert!(!msg.contains("os error"), "{msg}");
    }
}
