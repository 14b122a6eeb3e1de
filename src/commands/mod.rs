//! The binary's subcommands besides `analyze`: argument parsing and the
//! small tools (articles out of exports and documents, keywords in context, scoring short texts, validation).

pub mod cli;
pub mod import;
pub mod kwic;
pub mod kwic_forms;
pub mod run;
pub mod score;
pub mod skipped;
pub mod terminal;
pub mod validate;
