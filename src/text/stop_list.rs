//! The stop-word list of a run: the language's list plus the user's
//! `--stopwords` file.

use crate::model::error::{Error, Result};
use crate::model::options::Options;
use crate::text::filters::StopWords;

/// Reads the stop-word list for the language plus an optional extra file
/// (one word per line, `#` comments).
pub fn for_run(opts: &Options) -> Result<StopWords> {
    let mut words: Vec<String> = opts
        .lang
        .stop_words()
        .iter()
        .map(|s| s.to_string())
        .collect();
    if let Some(p) = &opts.stopwords_file {
        let text = crate::input::limits::read_file(p).and_then(|b| {
            String::from_utf8(b).map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidData))
        });
        let text = text.map_err(|e| Error::Input {
            path: p.clone(),
            message: if p.is_dir() {
                "--stopwords needs a file (one word per line), not a folder".into()
            } else if e.kind() == std::io::ErrorKind::InvalidData {
                "cannot read stop-word file: it is not UTF-8 text".into()
            } else {
                format!(
                    "cannot read stop-word file: {} (the file given to --stopwords)",
                    crate::input::limits::io_reason(&e)
                )
            },
        })?;
        words.extend(
            text.lines()
                .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
                .filter(|l| !l.is_empty()),
        );
    }
    Ok(StopWords::new(words))
}
