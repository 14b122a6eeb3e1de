//! What a run shows while it works: a spinner on the terminal and, for
//! bench/run, the stage timings.

use crate::platform::timing::Timer;
use std::io::IsTerminal;

/// The stages of a run as the user sees them: a spinner naming the stage
/// under way (on a terminal, for runs long enough to need one) and the
/// stage timer.
pub(crate) struct Stages {
    timer: Timer,
    bar: Option<indicatif::ProgressBar>,
}

impl Stages {
    /// Starts the clock; `quiet` shows no spinner.
    pub(crate) fn new(quiet: bool) -> Self {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let b = indicatif::ProgressBar::new_spinner();
            b.enable_steady_tick(std::time::Duration::from_millis(120));
            b
        });
        Stages {
            timer: Timer::new(""),
            bar,
        }
    }

    /// Ends `stage` (timed) and shows `next` as under way.
    pub(crate) fn done(&mut self, stage: &str, next: &str) {
        self.timer.lap(stage);
        if let Some(b) = &self.bar {
            b.set_message(next.to_string());
        }
    }

    /// Clears the spinner.
    pub(crate) fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
