//! What a run shows while it works: a spinner on the terminal and, for
//! bench/run, the stage timings.

use crate::platform::timing::Timer;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

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

    /// A meter of `total` units of work for the stage under way, shown as
    /// "`label`: N%" on the spinner.
    pub(crate) fn meter(&self, label: &str, total: u64) -> Meter {
        Meter {
            shown: self.bar.as_ref().map(|bar| {
                Arc::new(Shown {
                    bar: bar.clone(),
                    label: label.to_string(),
                    total: total.max(1),
                    done: AtomicU64::new(0),
                    percent: AtomicU64::new(u64::MAX),
                })
            }),
        }
    }

    /// Clears the spinner.
    pub(crate) fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

/// Work done in a long stage, shown as a percentage beside the stage's
/// name: one huge article spends most of a run in one stage, and a spinner
/// alone does not say whether it will take a minute or an hour. Without a
/// spinner (not a terminal, or `--quiet`) it counts nothing, so what tests
/// and CI see never changes.
#[derive(Clone, Default)]
pub(crate) struct Meter {
    shown: Option<Arc<Shown>>,
}

struct Shown {
    bar: indicatif::ProgressBar,
    label: String,
    total: u64,
    done: AtomicU64,
    /// The percentage on screen, so the message changes 100 times at most.
    percent: AtomicU64,
}

impl Meter {
    /// Adds `n` units done (from any thread).
    pub(crate) fn add(&self, n: u64) {
        let Some(s) = &self.shown else {
            return;
        };
        let done = s.done.fetch_add(n, Ordering::Relaxed) + n;
        let pct = percent(done, s.total);
        if s.percent.swap(pct, Ordering::Relaxed) != pct {
            s.bar.set_message(format!("{}: {pct}%", s.label));
        }
    }
}

/// `done` of `total` as a whole percentage, at most 100.
fn percent(done: u64, total: u64) -> u64 {
    (done.saturating_mul(100) / total.max(1)).min(100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_is_whole_and_capped() {
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(7, 5), 100);
    }

    /// Without a terminal nothing is shown or counted.
    #[test]
    fn a_quiet_meter_counts_nothing() {
        let m = Stages::new(true).meter("scoring", 10);
        m.add(5);
        assert!(m.shown.is_none());
    }
}
