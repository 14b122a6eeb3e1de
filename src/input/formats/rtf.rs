//! Rich Text Format (.rtf, also what Nexis and Factiva export): the text,
//! with the file's code page, `\u` escapes and hidden groups (font tables,
//! `{\*\...}` destinations) handled by the parser.

use super::extracted::Extracted;
use super::guard;

/// The text of an RTF file, one paragraph per `\par`.
pub fn read(bytes: &[u8]) -> Result<Extracted, String> {
    // The parser is young; a panic on a malformed file must be a skip.
    let doc = match guard::catch(|| rtf_parser_tt::RtfDocument::from_bytes(bytes)) {
        Ok(Ok(d)) => d,
        Ok(Err(e)) => {
            return Err(format!(
                "corrupt or truncated RTF ({e}); open it and save it again"
            ))
        }
        Err(p) => return Err(format!("unreadable RTF (the RTF reader failed: {p})")),
    };
    let raw = guard::catch(|| doc.get_text()).map_err(|p| format!("unreadable RTF ({p})"))?;
    // Each RTF paragraph is a paragraph of the article.
    let text = raw
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    Ok(Extracted {
        text,
        ..Extracted::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::formats::fixtures::rtf_of;

    #[test]
    fn text_not_code() {
        let rtf = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Calibri;}}{\\colortbl;\\red0\\green0\\blue0;}\
            {\\*\\expandedcolortbl;;}\\pard\\f0\\fs22 Police said the \\b riot\\b0  was over.\\par\n\
            Caf\\'e9 owners \\u8220?cheered\\u8221?.\\par}";
        let t = read(rtf.as_bytes()).unwrap().text;
        assert_eq!(
            t,
            "Police said the riot was over.\n\nCaf\u{e9} owners \u{201c}cheered\u{201d}."
        );
        let t = read(rtf_of(&["One para", "Two \u{2014} {braces}"]).as_bytes())
            .unwrap()
            .text;
        assert_eq!(t, "One para\n\nTwo \u{2014} {braces}");
    }

    #[test]
    fn truncated_rtf_is_not_a_panic() {
        let good = rtf_of(&["Some text in a paragraph", "More"]);
        for cut in [6, 40, good.len() / 2, good.len() - 1] {
            let _ = read(&good.as_bytes()[..cut]);
        }
        assert!(read(b"{\\rtf1 {\\b unclosed").is_err() || read(b"{\\rtf1 {\\b unclosed").is_ok());
    }
}
