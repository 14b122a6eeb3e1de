//! The stop-word list of a run: the language's list plus the user's
//! `--stopwords` file.

use crate::model::error::{Error, Result};
use crate::model::language::ENGLISH_EXTRA;
use crate::model::options::Options;
use crate::text::filters::StopWords;

/// The stop list of a run as a methods section cites it: NLTK's list, the
/// words frame adds to it, the words of `--stopwords`, and `total` (the
/// distinct words of all three).
pub fn label(opts: &Options, total: usize) -> String {
    let nltk = opts.lang.nltk_stop_words().len();
    let added = if opts.lang.code == "en" {
        format!(
            " + {} words frame adds ({}; \"us\" also removes \"US\", as words are lower-cased)",
            ENGLISH_EXTRA.len(),
            ENGLISH_EXTRA.join(", ")
        )
    } else {
        String::new()
    };
    let own = match &opts.stopwords_file {
        Some(p) => format!(" + the words of {}", p.to_string_lossy()),
        None => String::new(),
    };
    format!(
        "NLTK ({}, {nltk} words){added}{own}: {total} words in all",
        opts.lang.name
    )
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_label_names_nltk_what_frame_adds_and_the_user_s_file() {
        let mut opts = Options::new(Vec::new());
        let nltk = opts.lang.nltk_stop_words().len();
        let label = label(&opts, 207);
        assert!(
            label.starts_with(&format!(
                "NLTK (English, {nltk} words) + 10 words frame adds (would, "
            )),
            "{label}"
        );
        assert!(label.ends_with(": 207 words in all"), "{label}");
        opts.stopwords_file = Some("mine.txt".into());
        assert!(label_has(&opts, " + the words of mine.txt: "));
    }

    fn label_has(opts: &Options, part: &str) -> bool {
        label(opts, 1).contains(part)
    }
}
