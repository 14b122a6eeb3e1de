//! Writers that turn an `Analysis` into files.
pub mod cautions;
pub mod charts;
pub mod csv;
pub mod docs;
pub mod document;
pub mod format;
pub mod glossary;
pub mod html;
pub mod json;
pub mod links;
pub mod markdown;
pub mod reader;
pub mod sections;

/// A file produced by a writer, not yet on disk (the output module writes it atomically).
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// File name inside the output folder.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}
