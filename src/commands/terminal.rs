//! What frame prints on the terminal: file names with control characters
//! escaped (a name holding a newline or an escape code must not rewrite the
//! screen), and repeated warnings summarised after a cap (the report and
//! `analysis.json` keep all of them).

use std::borrow::Cow;
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

/// A warning on stderr, where the user sees it beside the summary line;
/// after [`MAX_SHOWN_WARNINGS`] they are only counted (see [`summary`]).
pub fn warn(msg: &str) {
    if WARNINGS.fetch_add(1, Ordering::Relaxed) < MAX_SHOWN_WARNINGS {
        eprintln!("warning: {}", printable(msg, false));
    }
}

/// A warning that is always shown (about the output folder and the user's files).
pub fn warn_always(msg: &str) {
    eprintln!("warning: {}", printable(msg, false));
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
}
