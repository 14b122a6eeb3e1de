//! One reader per input format, each turning a file into article text and
//! metadata pairs (`title`, `date`, `outlet` ... as the file gives them):
//! [`detect`] picks the reader from the file's first bytes and extension,
//! [`read`] runs it. Tables, which hold many articles, have their own
//! entry point (`table`); news-database exports are split into articles
//! afterwards (`input::exports`).

pub mod detect;
pub mod docx;
pub mod extracted;
pub mod front_matter;
pub mod guard;
pub mod html;
pub mod markdown;
pub mod odt;
pub mod office_zip;
pub mod pdf;
pub mod rtf;
pub mod table;
pub mod web_page;

pub use detect::{detect, Detected, ARTICLE_EXTENSIONS};
pub use extracted::Extracted;

use crate::input::decode;
use crate::model::options::InputFormat;

/// Reads a file's bytes with the reader for `format`. Text formats are
/// decoded first (a Windows-1252 fallback is a warning). `Err` is the reason
/// the file cannot be used.
pub fn read(format: InputFormat, bytes: &[u8]) -> Result<Extracted, String> {
    match format {
        InputFormat::Docx => docx::read(bytes),
        InputFormat::Odt => odt::read(bytes),
        InputFormat::Pdf => pdf::read(bytes),
        InputFormat::Rtf => rtf::read(bytes),
        InputFormat::Text | InputFormat::Markdown | InputFormat::Html => {
            let (text, enc) = match decode::decode(bytes) {
                Ok(t) => t,
                Err(decode::DecodeProblem::Empty) => return Err("empty file".into()),
                Err(decode::DecodeProblem::Binary) => {
                    return Err("binary file (not text, and not a format frame reads: .txt, .md, .html, .docx, .odt, .rtf, .pdf)".into())
                }
            };
            let mut out = from_text(format, text);
            if enc == decode::Encoding::Windows1252 {
                out.warnings
                    .insert(0, "not valid UTF-8; read as Windows-1252".into());
            }
            Ok(out)
        }
    }
}

/// The article text and metadata of decoded text in a text format.
pub fn from_text(format: InputFormat, text: String) -> Extracted {
    let (text, meta) = match format {
        // A database's HTML export holds many articles: its whole text is
        // split later; a saved page is one article inside page furniture.
        InputFormat::Html => {
            let plain = html::html_to_text(&text);
            if crate::input::exports::split(&plain).is_none() {
                return web_page::read(&text);
            }
            (plain, Vec::new())
        }
        InputFormat::Markdown => markdown::markdown_to_text(&text),
        // Plain text may carry the same front matter as Markdown.
        _ if text.trim_start_matches('\u{feff}').starts_with("---") => {
            front_matter::front_matter(&text)
        }
        _ => (text, Vec::new()),
    };
    Extracted {
        text,
        meta,
        warnings: Vec::new(),
        wrapped: false,
    }
}
