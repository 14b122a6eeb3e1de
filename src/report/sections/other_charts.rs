//! Charts no section places, shown so none is silently dropped.

use super::builder::Builder;

impl<'a> Builder<'a> {
    /// Charts passed in that no section knows: shown so none is silently dropped.
    pub(super) fn other_charts(&mut self) {
        let rest: Vec<&'a str> = self
            .charts
            .iter()
            .copied()
            .filter(|c| !self.used.contains(c))
            .collect();
        if rest.is_empty() {
            return;
        }
        self.heading(2, "Other charts");
        for c in rest {
            self.place(c);
        }
    }
}
