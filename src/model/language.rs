//! Language support: the Snowball stemmer (rust-stemmers) and the NLTK stop-word
//! list (stop-words) for one language. Only languages both crates know are offered.

use rust_stemmers::{Algorithm, Stemmer};

/// A language both the stemmer and the stop-word list support.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// ISO 639-1 code as given on the command line.
    pub code: &'static str,
    /// English name, for reports.
    pub name: &'static str,
    algorithm: Algorithm,
    stop_code: &'static str,
}

const LANGUAGES: &[(&str, &str, Algorithm, &str)] = &[
    ("ar", "Arabic", Algorithm::Arabic, "ar"),
    ("da", "Danish", Algorithm::Danish, "da"),
    ("de", "German", Algorithm::German, "de"),
    ("el", "Greek", Algorithm::Greek, "el"),
    ("en", "English", Algorithm::English, "en"),
    ("es", "Spanish", Algorithm::Spanish, "es"),
    ("fi", "Finnish", Algorithm::Finnish, "fi"),
    ("fr", "French", Algorithm::French, "fr"),
    ("hu", "Hungarian", Algorithm::Hungarian, "hu"),
    ("it", "Italian", Algorithm::Italian, "it"),
    ("nl", "Dutch", Algorithm::Dutch, "nl"),
    ("no", "Norwegian", Algorithm::Norwegian, "no"),
    ("pt", "Portuguese", Algorithm::Portuguese, "pt"),
    ("ro", "Romanian", Algorithm::Romanian, "ro"),
    ("ru", "Russian", Algorithm::Russian, "ru"),
    ("sv", "Swedish", Algorithm::Swedish, "sv"),
    ("ta", "Tamil", Algorithm::Tamil, "ta"),
    ("tr", "Turkish", Algorithm::Turkish, "tr"),
];

/// Function words missing from NLTK's English list that otherwise top the
/// TF-IDF term lists ("would", "can't"); none of them carries a frame, and
/// scoring never drops stop words anyway.
pub const ENGLISH_EXTRA: &[&str] = &[
    "would", "could", "might", "shall", "can't", "cannot", "won't", "also", "us", "one",
];

impl Language {
    /// Looks up a language by ISO code (case-insensitive); None if unsupported.
    pub fn from_code(code: &str) -> Option<Language> {
        let code = code.trim().to_ascii_lowercase();
        LANGUAGES
            .iter()
            .find(|(c, ..)| *c == code)
            .filter(|(_, _, _, s)| stop_words::lookup(s).is_some())
            .map(|&(code, name, algorithm, stop_code)| Language {
                code,
                name,
                algorithm,
                stop_code,
            })
    }

    /// Codes of every supported language.
    pub fn supported() -> Vec<&'static str> {
        LANGUAGES
            .iter()
            .filter(|(_, _, _, s)| stop_words::lookup(s).is_some())
            .map(|(c, ..)| *c)
            .collect()
    }

    /// English, the default.
    pub fn english() -> Language {
        Language {
            code: "en",
            name: "English",
            algorithm: Algorithm::English,
            stop_code: "en",
        }
    }

    /// The Snowball stemmer for this language.
    pub fn stemmer(&self) -> Stemmer {
        Stemmer::create(self.algorithm)
    }

    /// The NLTK stop-word list for this language as NLTK has it.
    pub fn nltk_stop_words(&self) -> &'static [&'static str] {
        stop_words::lookup(self.stop_code).unwrap_or(&[])
    }

    /// The NLTK stop-word list for this language, plus, for English, a few
    /// modal and function words NLTK lacks (`ENGLISH_EXTRA`).
    pub fn stop_words(&self) -> Vec<&'static str> {
        let mut v: Vec<&'static str> = self.nltk_stop_words().to_vec();
        if self.code == "en" {
            v.extend_from_slice(ENGLISH_EXTRA);
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_stems_and_keeps_framing_words() {
        let en = Language::from_code("EN").unwrap();
        let s = en.stemmer();
        assert_eq!(s.stem("attacks"), "attack");
        assert_eq!(s.stem("attacked"), "attack");
        let stops = en.stop_words();
        assert!(stops.contains(&"not"));
        // NLTK's list, not the ISO one: framing words survive.
        for w in ["serious", "problem", "help", "said"] {
            assert!(!stops.contains(&w), "{w} must not be a stop word");
        }
    }

    #[test]
    fn unknown_language_is_none() {
        assert!(Language::from_code("xx").is_none());
        assert!(Language::supported().contains(&"fr"));
    }
}
