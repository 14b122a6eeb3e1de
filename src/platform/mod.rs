//! The only CPU- and OS-specific code: process settings, SIMD dispatch and
//! system calls, each behind a safe function.

mod process;

pub use process::configure_process;
