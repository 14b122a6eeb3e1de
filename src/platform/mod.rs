//! The only CPU- and OS-specific code: allocator settings, SIMD dispatch and
//! system calls, each behind a safe function.

pub mod allocator;
pub mod timing;
