//! `analysis.json`: the whole analysis, every parameter and input hash, so a
//! run can be cited and repeated.

use super::OutputFile;
use crate::analysis::Analysis;
use crate::error::{Error, Result};

/// Serialises the analysis (pretty-printed, deterministic field order).
pub fn analysis(a: &Analysis) -> Result<OutputFile> {
    let mut bytes = serde_json::to_vec_pretty(a)
        .map_err(|e| Error::Internal(format!("cannot serialise analysis.json: {e}")))?;
    bytes.push(b'\n');
    Ok(OutputFile {
        name: "analysis.json".into(),
        bytes,
    })
}
