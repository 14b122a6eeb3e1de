//! Statistics over the scored articles: bootstrap intervals, groups and
//! the timeline, headlines against bodies, keyness, collocations and lexicon
//! coverage.

pub mod bootstrap;
pub mod collocations;
pub mod coverage;
pub mod differences;
pub mod findings;
pub mod groups;
pub mod headline_share;
pub mod keyness;
pub mod pairs;
pub mod resample;
pub mod timeline;
pub mod topic_overlap;
