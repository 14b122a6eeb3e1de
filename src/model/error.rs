//! The library's error type. Each variant names the file (and line) concerned,
//! and maps to an exit code: 1 for bad input or usage, 2 for internal failures.

use std::path::PathBuf;

/// Everything that can end a run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input path does not exist or cannot be listed.
    #[error("{path}: {message}")]
    Input {
        /// The path concerned.
        path: PathBuf,
        /// What is wrong, in plain words.
        message: String,
    },
    /// Nothing usable was found in the inputs.
    #[error("no usable article in the input{details}")]
    NoArticles {
        /// Summary of what was skipped.
        details: String,
    },
    /// One or more lexicon files cannot be used (each message is file:line: problem).
    #[error("the lexicon files have problems (fix them and run again):\n  {}", .0.join("\n  "))]
    Lexicon(Vec<String>),
    /// The output folder cannot be created or written.
    #[error("cannot write to output folder {path}: {message}")]
    Output {
        /// The folder or file concerned.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// Standard output could not be written (a full disk; a closed pipe is
    /// no error). The message is the system's reason.
    #[error("could not write to standard output: {0}")]
    Stdout(String),
    /// Bad option values that clap cannot check.
    #[error("{0}")]
    Usage(String),
    /// A bug or an unexpected failure.
    #[error("internal error: {0}")]
    Internal(String),
    /// `frame lexicon check` found problems (each message is file:line: problem).
    #[error("lexicon check found {} problem{} (listed above)", .0.len(), if .0.len() == 1 { "" } else { "s" })]
    Check(Vec<String>),
}

impl Error {
    /// Exit code for this error: 1 for the user's input, 2 for internal failures.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Internal(_) => 2,
            _ => 1,
        }
    }
}

/// An I/O error's message without the operating system's code ("No space
/// left on device", not "No space left on device (os error 28)").
pub fn io_message(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.rfind(" (os error ") {
        Some(i) if s.ends_with(')') => s[..i].to_string(),
        _ => s,
    }
}

/// Result with the library's error.
pub type Result<T> = std::result::Result<T, Error>;
