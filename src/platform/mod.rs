//! The only CPU- and OS-specific code: process settings, SIMD dispatch and
//! system calls, each behind a safe function; and the stage clock.

pub(crate) mod file;
mod process;
pub(crate) mod signals;
pub(crate) mod simd;
pub mod timing;

pub use process::configure_process;
