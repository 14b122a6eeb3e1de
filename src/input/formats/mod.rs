//! One reader per input format, each turning a decoded file into article
//! text and metadata pairs (`title`, `date`, `outlet` ... as the file gives
//! them). Tables, which hold many articles, have their own entry point.

pub mod front_matter;
pub mod html;
pub mod markdown;
pub mod table;

/// The article text and (lower-case key, value) metadata of a decoded file,
/// read by the reader for its extension (`ext`, lower case).
pub fn to_text(ext: &str, text: String) -> (String, Vec<(String, String)>) {
    match ext {
        "html" | "htm" => {
            // The <title> names the article; its words are not counted again as text.
            let meta = html::html_title(&text)
                .map(|t| ("title".to_string(), t))
                .into_iter()
                .collect();
            (html::html_to_text(&text), meta)
        }
        "md" | "markdown" => markdown::markdown_to_text(&text),
        // Plain text may carry the same front matter as Markdown.
        _ if text.trim_start_matches('\u{feff}').starts_with("---") => {
            front_matter::front_matter(&text)
        }
        _ => (text, Vec::new()),
    }
}
