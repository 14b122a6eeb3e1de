//! The only CPU- and OS-specific code: process settings, SIMD dispatch and
//! system calls, each behind a safe function; and the stage clock.

pub(crate) mod file;
mod os_text;
mod process;
pub(crate) mod signals;
pub(crate) mod simd;
pub mod timing;

pub use os_text::os_text;
pub use process::configure_process;
