//! The only CPU- and OS-specific code: process settings, SIMD dispatch and
//! system calls, each behind a safe function.

pub(crate) mod file;
mod process;
pub(crate) mod simd;

pub use process::configure_process;
