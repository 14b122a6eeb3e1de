//! The one stage timer: wall time per step on stderr when `FRAME_TIMINGS` is
//! set (bench/run reads these lines); never part of any output file.

use std::io::Write;
use std::time::Instant;

/// Prints `timing <prefix><step> <seconds>` at each lap when `FRAME_TIMINGS` is set.
pub struct Timer {
    prefix: &'static str,
    clock: Option<Instant>,
}

impl Timer {
    /// Starts a timer whose lines read `timing <prefix><step>`; the prefix
    /// indents and names sub-steps ("  groups.").
    pub fn new(prefix: &'static str) -> Self {
        Timer {
            prefix,
            clock: enabled().then(Instant::now),
        }
    }

    /// Prints the time since the last lap (or the start) and restarts the clock.
    pub fn lap(&mut self, step: &str) {
        if let Some(t) = &mut self.clock {
            // Dropped, not a panic, when stderr cannot be written.
            let _ = writeln!(
                std::io::stderr(),
                "timing {}{step} {:.3}s",
                self.prefix,
                t.elapsed().as_secs_f64()
            );
            *t = Instant::now();
        }
    }
}

/// Whether `FRAME_TIMINGS` asks for timings.
pub fn enabled() -> bool {
    std::env::var_os("FRAME_TIMINGS").is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timer_without_the_variable_keeps_no_clock() {
        if !enabled() {
            let mut t = Timer::new("  x.");
            assert!(t.clock.is_none());
            t.lap("step");
        }
    }
}
