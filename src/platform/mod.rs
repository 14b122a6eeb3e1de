//! The only OS-specific code: process settings and system calls, each
//! behind a safe function.

pub(crate) mod file;
mod process;

pub use process::configure_process;
