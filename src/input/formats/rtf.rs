//! Rich Text Format (.rtf, also what Nexis and Factiva export): the text,
//! with the file's code page, `\u` escapes and hidden groups (font tables,
//! `{\*\...}` destinations) handled by the parser.

use super::extracted::Extracted;
use super::guard;

/// Groups whose text is not the article's: running headers and footers
/// (on every page; the parser appends them to the text), footnotes and
/// comments, as the Word and ODT readers leave them out.
const NOT_TEXT: &[&str] = &[
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "footnote",
    "annotation",
];

/// `rtf` without the groups that open with one of the control words
/// `words` (`{\header ...}`), nested groups and escaped braces counted.
fn without_groups(rtf: &[u8], words: &[&str]) -> Vec<u8> {
    let mut out = Vec::with_capacity(rtf.len());
    let mut i = 0;
    while i < rtf.len() {
        if rtf[i] == b'{' && rtf.get(i + 1) == Some(&b'\\') {
            let word_end = rtf[i + 2..]
                .iter()
                .position(|b| !b.is_ascii_alphabetic())
                .map_or(rtf.len(), |n| i + 2 + n);
            if words.iter().any(|w| w.as_bytes() == &rtf[i + 2..word_end]) {
                i = group_end(rtf, i);
                continue;
            }
        }
        out.push(rtf[i]);
        i += 1;
    }
    out
}

/// The index just past the group that opens at `start` (the end of `rtf`
/// when it is never closed).
fn group_end(rtf: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while i < rtf.len() {
        match rtf[i] {
            // An escaped brace or backslash is text, not structure.
            b'\\' => i += 1,
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    rtf.len()
}

/// Control words that write a character: in a tracked deletion they are
/// deleted text (`\'e9`, `\u8220`, `\emdash`, an escaped brace ...).
const TEXT_WORDS: &[&[u8]] = &[
    b"'",
    b"\\",
    b"{",
    b"}",
    b"u",
    b"~",
    b"_",
    b"tab",
    b"emdash",
    b"endash",
    b"emspace",
    b"enspace",
    b"qmspace",
    b"bullet",
    b"lquote",
    b"rquote",
    b"ldblquote",
    b"rdblquote",
    b"line",
];

/// The control word or symbol at `i` (a backslash): its name, its numeric
/// parameter and the index just past it (and past the space that may
/// delimit it).
fn control_at(rtf: &[u8], i: usize) -> (&[u8], Option<i64>, usize) {
    let start = i + 1;
    let letters = rtf[start..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    if letters == 0 {
        // A symbol: `\'hh` takes two hex digits, any other one character.
        let len = if rtf.get(start) == Some(&b'\'') { 3 } else { 1 };
        let end = (start + len).min(rtf.len());
        return (&rtf[start..(start + 1).min(rtf.len())], None, end);
    }
    let name = &rtf[start..start + letters];
    let mut end = start + letters;
    let digits_from = end + usize::from(rtf.get(end) == Some(&b'-'));
    let digits = rtf[digits_from..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let param = (digits > 0)
        .then(|| {
            std::str::from_utf8(&rtf[end..digits_from + digits])
                .ok()?
                .parse()
                .ok()
        })
        .flatten();
    if digits > 0 {
        end = digits_from + digits;
    }
    if rtf.get(end) == Some(&b' ') {
        end += 1;
    }
    (name, param, end)
}

/// `rtf` without the text of tracked deletions (from `\deleted` to
/// `\deleted0`, `\plain` or the group's end), as Word shows the document
/// with its changes accepted. Control words and groups stay, so the
/// file's structure is unchanged; `\par` stays, so a paragraph break is
/// never lost.
fn without_deleted(rtf: &[u8]) -> Vec<u8> {
    if memchr::memmem::find(rtf, b"\\deleted").is_none() {
        return rtf.to_vec();
    }
    let mut out = Vec::with_capacity(rtf.len());
    let mut outer: Vec<bool> = Vec::new();
    let mut deleted = false;
    let mut i = 0;
    while i < rtf.len() {
        match rtf[i] {
            b'{' => {
                outer.push(deleted);
                out.push(b'{');
                i += 1;
            }
            b'}' => {
                deleted = outer.pop().unwrap_or(false);
                out.push(b'}');
                i += 1;
            }
            b'\\' => {
                let (name, param, end) = control_at(rtf, i);
                let mut end = end;
                match name {
                    b"deleted" => deleted = param != Some(0),
                    b"plain" => deleted = false,
                    // Binary data: its bytes are not RTF, copied unread.
                    b"bin" => end = (end + param.unwrap_or(0).max(0) as usize).min(rtf.len()),
                    _ => {}
                }
                if !(deleted && TEXT_WORDS.contains(&name)) {
                    out.extend_from_slice(&rtf[i..end]);
                }
                i = end;
            }
            b => {
                if !deleted {
                    out.push(b);
                }
                i += 1;
            }
        }
    }
    out
}

/// The text of an RTF file, one paragraph per `\par`; deleted tracked
/// changes, running headers and footers, footnotes and comments left out.
pub fn read(bytes: &[u8]) -> Result<Extracted, String> {
    let bytes = &without_deleted(&without_groups(bytes, NOT_TEXT));
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

    /// From a real-input review: the parser appended running headers,
    /// footers and footnotes to the article's text.
    #[test]
    fn headers_footers_and_notes_are_not_text() {
        let rtf = "{\\rtf1\\ansi{\\fonttbl{\\f0 Calibri;}}{\\header \\pard Running head\\par}{\\footerr \\pard Page {\\b 1}\\par}\\pard Body \\{text\\}{\\footnote \\pard A \\} note.} goes on.\\par{\\headers ok}\\par}";
        assert_eq!(
            read(rtf.as_bytes()).unwrap().text,
            "Body {text} goes on.\n\nok"
        );
        // A group left open runs to the end of the file.
        assert_eq!(without_groups(b"a{\\header b{c}", NOT_TEXT), b"a");
    }

    /// From a red-team review: Word saves tracked changes in RTF as
    /// `\deleted` runs, and their text was read and scored with the text
    /// that replaced it.
    #[test]
    fn deleted_tracked_changes_are_not_text() {
        let rtf = "{\\rtf1\\ansi{\\fonttbl{\\f0 Calibri;}}\\pard The defences {\\deleted\\revauthdel1\\revdttmdel5 would fail \\u8212?\\'e9 badly}{\\revised would hold} now.\\par\n\\pard Officials \\deleted gone words\\deleted0  were {\\deleted\\plain calm}.\\par\n{\\pard\\deleted A whole paragraph.\\par}\\pard Last.\\par}";
        assert_eq!(
            read(rtf.as_bytes()).unwrap().text,
            "The defences would hold now.\n\nOfficials were calm.\n\nLast."
        );
        // A file without tracked changes passes through unchanged.
        let plain = rtf_of(&["One", "Two"]);
        assert_eq!(without_deleted(plain.as_bytes()), plain.as_bytes());
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
