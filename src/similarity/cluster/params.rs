//! The clustering's parameters, checked before any fit: [`ClusterParams`]
//! (what the user chose) and [`ClusterTuning`] (internal knobs) become a
//! [`ValidClusterParams`] through [`ClusterParams::check`], so the fit never
//! has to guard against values that make no sense.

use std::fmt;

/// Clustering parameters.
#[derive(Debug, Clone)]
pub struct ClusterParams {
    /// Fixed k, or None to choose by silhouette.
    pub k: Option<usize>,
    /// RNG seed.
    pub seed: u64,
    /// Compute neighbours even for very large corpora.
    pub neighbours: bool,
    /// Top terms per cluster.
    pub top_terms: usize,
}

/// Whether to reduce the vectors with truncated SVD before clustering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reduce {
    /// Reduce whenever there are more terms than `dims`.
    Auto,
    /// Always reduce (to at most `dims`; a lossless rotation when there are fewer terms).
    Always,
    /// Never reduce: cluster the dense TF-IDF rows.
    Never,
}

/// Internal knobs with sensible defaults; [`ClusterParams::check`] uses `Default`.
#[derive(Debug, Clone)]
pub struct ClusterTuning {
    /// k-means restarts per k (best inertia kept).
    pub n_runs: usize,
    /// When to reduce with truncated SVD.
    pub reduce: Reduce,
    /// Target dimensions of the SVD reduction.
    pub dims: usize,
    /// Largest k tried when choosing k automatically.
    pub max_auto_k: usize,
    /// Largest corpus that gets the full similarity matrix.
    pub similarity_max: usize,
    /// Largest corpus that gets exact nearest neighbours by default.
    pub exact_neighbours_max: usize,
    /// Power iterations of the randomized SVD.
    pub power_iterations: usize,
    /// Above this many articles, k is chosen on a seeded sample of this size.
    pub choose_k_sample: usize,
    /// k-means restarts per k while choosing k on more than
    /// `full_sweep_max` articles; the chosen k is then fitted with `n_runs`.
    pub sweep_runs: usize,
    /// Largest corpus whose k sweep uses all `n_runs` restarts per k.
    pub full_sweep_max: usize,
    /// Above this many articles, the SVD is fitted on a seeded sample of
    /// this size and every article is projected onto it.
    pub svd_sample: usize,
}

impl Default for ClusterTuning {
    fn default() -> Self {
        ClusterTuning {
            n_runs: 10,
            reduce: Reduce::Auto,
            dims: 100,
            max_auto_k: 10,
            similarity_max: 500,
            exact_neighbours_max: 5_000,
            power_iterations: 2,
            choose_k_sample: 10_000,
            // Restarts barely move a k's mean silhouette, so ranking k needs
            // few; the fit that is kept still gets all of them.
            sweep_runs: 3,
            full_sweep_max: 2_000,
            // The fit's cost grows with the corpus (and its vocabulary),
            // while 100 directions are pinned down long before this size;
            // up to it nothing changes.
            svd_sample: 20_000,
        }
    }
}

/// Why parameters were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamError {
    /// A fixed k below 2: one cluster says nothing about the corpus.
    TooFewClusters(usize),
    /// A tuning knob below the smallest value the fit can work with.
    Tuning {
        /// The knob's field name in [`ClusterTuning`].
        knob: &'static str,
        /// Its smallest workable value.
        min: usize,
        /// The value given.
        got: usize,
    },
}

impl ParamError {
    /// Whether the user's own choice was refused (not an internal knob).
    pub fn is_usage(&self) -> bool {
        matches!(self, ParamError::TooFewClusters(_))
    }
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // Worded like the command line's own check of --k.
            ParamError::TooFewClusters(_) => write!(f, "k must be at least 2"),
            ParamError::Tuning { knob, min, got } => {
                write!(
                    f,
                    "clustering tuning: {knob} must be at least {min}, not {got}"
                )
            }
        }
    }
}

impl std::error::Error for ParamError {}

/// Parameters that passed [`ClusterParams::check`]; the only way into the fit.
#[derive(Debug, Clone)]
pub struct ValidClusterParams {
    params: ClusterParams,
    tuning: ClusterTuning,
}

impl ValidClusterParams {
    /// The user's parameters.
    pub fn params(&self) -> &ClusterParams {
        &self.params
    }

    /// The internal knobs.
    pub fn tuning(&self) -> &ClusterTuning {
        &self.tuning
    }
}

impl ClusterParams {
    /// Checks the parameters with the default tuning.
    pub fn check(self) -> Result<ValidClusterParams, ParamError> {
        self.check_with(ClusterTuning::default())
    }

    /// Checks the parameters together with explicit tuning.
    ///
    /// A k above what the corpus allows is not refused: how many articles
    /// survive reading and de-duplication is only known to the fit, which
    /// uses the largest possible k and says so in a note.
    pub fn check_with(self, tuning: ClusterTuning) -> Result<ValidClusterParams, ParamError> {
        if let Some(k) = self.k.filter(|&k| k < 2) {
            return Err(ParamError::TooFewClusters(k));
        }
        // Each of these would leave the fit nothing to work with: no
        // restart, no dimension, no k to try, or a sample too small to hold
        // two clusters.
        let floors = [
            ("n_runs", tuning.n_runs, 1),
            ("dims", tuning.dims, 1),
            ("max_auto_k", tuning.max_auto_k, 2),
            ("choose_k_sample", tuning.choose_k_sample, 3),
            ("svd_sample", tuning.svd_sample, 1),
        ];
        for (knob, got, min) in floors {
            if got < min {
                return Err(ParamError::Tuning { knob, min, got });
            }
        }
        Ok(ValidClusterParams {
            params: self,
            tuning,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(k: Option<usize>) -> ClusterParams {
        ClusterParams {
            k,
            seed: 42,
            neighbours: false,
            top_terms: 10,
        }
    }

    #[test]
    fn k_below_two_is_refused_in_the_command_line_s_words() {
        for k in [0, 1] {
            let e = params(Some(k)).check().unwrap_err();
            assert_eq!(e, ParamError::TooFewClusters(k));
            assert!(e.is_usage());
            assert_eq!(format!("--{e}"), "--k must be at least 2");
        }
        assert!(params(Some(2)).check().is_ok());
        assert!(params(None).check().is_ok());
        // Above the corpus is the fit's business (it clamps, with a note).
        assert!(params(Some(1_000_000)).check().is_ok());
    }

    #[test]
    fn unworkable_tuning_is_refused_by_name() {
        let bad = ClusterTuning {
            choose_k_sample: 2,
            ..Default::default()
        };
        let e = params(None).check_with(bad).unwrap_err();
        assert!(!e.is_usage());
        assert_eq!(
            e.to_string(),
            "clustering tuning: choose_k_sample must be at least 3, not 2"
        );
        let none = ClusterTuning {
            n_runs: 0,
            ..Default::default()
        };
        assert!(params(Some(3)).check_with(none).is_err());
        assert!(params(None).check_with(ClusterTuning::default()).is_ok());
    }
}
