//! Running a third-party reader that may panic on malformed input (the PDF
//! text extractor has `unwrap`s and `panic!`s for fonts and encodings it
//! does not expect) so that a bad file is a skip with a reason, never a
//! crash. The binary's panic hook asks [`in_guard`] and stays quiet for a
//! panic caught here.

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};

thread_local! {
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

/// True while this thread runs a reader under [`catch`]: a panic now is a
/// bad input file, handled by the caller, not a bug of frame.
pub fn in_guard() -> bool {
    GUARDED.with(Cell::get)
}

/// Runs `f`; a panic inside it becomes `Err` with the panic's message.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    let was = GUARDED.with(|g| g.replace(true));
    // The reader only sees the input bytes and owns everything it builds,
    // so nothing half-updated outlives a panic.
    let out = catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(was));
    out.map_err(|p| {
        p.downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".into())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_become_errors() {
        assert_eq!(catch(|| 2 + 2), Ok(4));
        assert!(!in_guard());
        let r: Result<(), String> = catch(|| {
            assert!(in_guard());
            panic!("bad font {}", 7)
        });
        assert_eq!(r.unwrap_err(), "bad font 7");
        assert!(!in_guard());
    }
}
