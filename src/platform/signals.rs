//! Ctrl-C, SIGTERM and SIGHUP, through the `ctrlc` crate (its
//! `termination` feature adds the last two).

/// Runs `f` on a thread of its own when the process is interrupted or
/// asked to terminate. Only the first call in a process takes effect.
pub fn on_interrupt(f: impl FnMut() + Send + 'static) {
    // A second call (library tests that run several commands) only fails
    // with "handler already set", which leaves the first one in place.
    let _ = ctrlc::set_handler(f);
}
