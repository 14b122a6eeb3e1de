//! Turning bytes into text: UTF-8 (BOM or not), UTF-16 with a BOM, and
//! Windows-1252 as the fallback for anything else that is not binary. Text
//! that is UTF-8 but for a few bytes (a Windows-1252 "é" pasted into a UTF-8
//! file) stays UTF-8, and only those bytes are read as Windows-1252
//! ([`utf8_or_1252`]).

use std::borrow::Cow;

/// How a file's bytes were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (a BOM, if any, removed).
    Utf8,
    /// UTF-8 but for this many bytes that are not, each read as the
    /// Windows-1252 character it is (warned about; see [`utf8_or_1252`]).
    Utf8Mended(usize),
    /// UTF-16 LE or BE, detected by its BOM.
    Utf16,
    /// Not valid UTF-8: read as Windows-1252 (warned about).
    Windows1252,
}

/// Text with invalid UTF-8 stays UTF-8 (its invalid bytes read as
/// Windows-1252) while its invalid sequences are at most one in
/// `MENDED_SHARE` of its non-ASCII characters (valid ones and invalid
/// sequences together): a Windows-1252 file, whose accented letters are
/// almost never followed by what UTF-8 needs after them, is read whole as
/// Windows-1252.
pub const MENDED_SHARE: usize = 4;

/// Bytes as text: UTF-8 when they are; when they are not, UTF-8 with the
/// invalid bytes read as Windows-1252 if those are few (see
/// [`MENDED_SHARE`]), else Windows-1252 whole. Never [`Encoding::Utf16`].
pub fn utf8_or_1252(bytes: &[u8]) -> (Cow<'_, str>, Encoding) {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (Cow::Borrowed(s), Encoding::Utf8);
    }
    // Non-ASCII characters of valid UTF-8 (their lead bytes), and the
    // invalid sequences and their bytes.
    let (mut valid, mut sequences) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        sequences += usize::from(!chunk.invalid().is_empty());
    }
    if valid == 0 || (sequences * MENDED_SHARE) > valid + sequences {
        let (cow, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
        return (cow, Encoding::Windows1252);
    }
    let (text, invalid) = mended(bytes);
    (Cow::Owned(text), Encoding::Utf8Mended(invalid))
}

/// The UTF-8 of `bytes` with each byte that is not UTF-8 read as the
/// Windows-1252 character it is, and the number of such bytes.
fn mended(bytes: &[u8]) -> (String, usize) {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut invalid = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        invalid += chunk.invalid().len();
        text.push_str(
            &encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(chunk.invalid())
                .0,
        );
    }
    (text, invalid)
}

/// The warning for text decoded as `enc` from `bytes` (as given to
/// [`decode`]), naming the line of the first byte that is not UTF-8; `None` for UTF-8 and UTF-16. The caller puts the
/// file's name before it.
pub fn warning(enc: Encoding, bytes: &[u8]) -> Option<String> {
    let line = || {
        std::str::from_utf8(bytes).err().map_or(1, |e| {
            memchr::memchr_iter(b'\n', &bytes[..e.valid_up_to()]).count() + 1
        })
    };
    match enc {
        Encoding::Utf8 | Encoding::Utf16 => None,
        Encoding::Windows1252 => Some(format!(
            "not valid UTF-8 (first at line {}); read as Windows-1252",
            line()
        )),
        Encoding::Utf8Mended(n) => Some(format!(
            "{} not UTF-8 (first at line {}) and {} read as Windows-1252; the rest is UTF-8",
            if n == 1 {
                "1 byte was".to_string()
            } else {
                format!("{} bytes were", crate::model::numbers::int(n))
            },
            line(),
            if n == 1 { "was" } else { "were" },
        )),
    }
}

/// Why bytes could not be used as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeProblem {
    /// No bytes, or only whitespace.
    Empty,
    /// Looks like a binary file (NUL bytes or many control characters).
    Binary,
}

/// Heuristic: NUL bytes, or more than 10% control characters in the first 8 KiB,
/// mean a binary file (images, PDFs, Word files).
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 10 > head.len()
}

/// UTF-16 without a BOM (Notepad's "Unicode" without signature): in text
/// that is mostly ASCII, every other byte is NUL. Returns the encoding when at
/// least 90% of the odd (LE) or even (BE) bytes of the first 8 KiB are NUL and
/// at most 10% of the others are.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(8192) & !1];
    let pairs = head.len() / 2;
    if pairs < 4 {
        return None;
    }
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 10 >= pairs * 9 && even * 10 <= pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= pairs * 9 && odd * 10 <= pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// How the first bytes of a file say it must be read when it is read piece
/// by piece (a table streamed by `frame score`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// UTF-8 with a byte-order mark of this many bytes to pass over.
    Utf8Bom(usize),
    /// UTF-16 in this byte order, after a byte-order mark of `bom` bytes
    /// (2, or 0 for UTF-16 recognised without one), decoded as [`decode`] does.
    Utf16 {
        /// `encoding_rs::UTF_16LE` or `encoding_rs::UTF_16BE`.
        encoding: &'static encoding_rs::Encoding,
        /// Bytes of the byte-order mark to pass over.
        bom: usize,
    },
    /// A binary file.
    Binary,
    /// UTF-8 or Windows-1252, which can be told apart piece by piece.
    Bytes,
}

/// Sniffs `head` (the first bytes, 8 KiB suffice) as [`decode`] would.
pub fn sniff(head: &[u8]) -> Start {
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Start::Utf8Bom(3)
    } else if head.starts_with(&[0xFF, 0xFE]) {
        Start::Utf16 {
            encoding: encoding_rs::UTF_16LE,
            bom: 2,
        }
    } else if head.starts_with(&[0xFE, 0xFF]) {
        Start::Utf16 {
            encoding: encoding_rs::UTF_16BE,
            bom: 2,
        }
    } else if let Some(encoding) = utf16_without_bom(head) {
        Start::Utf16 { encoding, bom: 0 }
    } else if looks_binary(head) {
        Start::Binary
    } else {
        Start::Bytes
    }
}

/// Decodes `bytes` to text, reporting the encoding used.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeProblem> {
    let (text, enc) = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        // The mark says UTF-8: a byte that is not is a stray, however many.
        match std::str::from_utf8(rest) {
            Ok(s) => (s.to_string(), Encoding::Utf8),
            Err(_) => {
                let (text, n) = mended(rest);
                (text, Encoding::Utf8Mended(n))
            }
        }
    } else if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let enc = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (cow, _) = enc.decode_with_bom_removal(&bytes[2..]);
        (cow.into_owned(), Encoding::Utf16)
    } else if let Some(enc) = utf16_without_bom(bytes) {
        let (cow, _) = enc.decode_without_bom_handling(bytes);
        (cow.into_owned(), Encoding::Utf16)
    } else if looks_binary(bytes) {
        return Err(DecodeProblem::Binary);
    } else {
        let (text, enc) = utf8_or_1252(bytes);
        (text.into_owned(), enc)
    };
    if text.trim().is_empty() {
        return Err(DecodeProblem::Empty);
    }
    // Normalise line endings so paragraphs and lines mean the same everywhere.
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    Ok((text, enc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing_agrees_with_decoding() {
        assert_eq!(sniff(b"\xEF\xBB\xBFid,text\n"), Start::Utf8Bom(3));
        let utf16 = |encoding, bom| Start::Utf16 { encoding, bom };
        assert_eq!(sniff(b"\xFF\xFEi\0d\0"), utf16(encoding_rs::UTF_16LE, 2));
        assert_eq!(sniff(b"\xFE\xFF\0i\0d"), utf16(encoding_rs::UTF_16BE, 2));
        assert_eq!(
            sniff(b"i\0d\0,\0t\0e\0x\0t\0\n\0"),
            utf16(encoding_rs::UTF_16LE, 0)
        );
        assert_eq!(
            sniff(b"\0i\0d\0,\0t\0e\0x\0t\0\n"),
            utf16(encoding_rs::UTF_16BE, 0)
        );
        assert_eq!(sniff(b"PK\x03\x04\0\0"), Start::Binary);
        assert_eq!(sniff(b"id,text\n1,caf\xe9\n"), Start::Bytes);
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("café".as_bytes()).unwrap(),
            ("café".into(), Encoding::Utf8)
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFcaf\xC3\xA9").unwrap(),
            ("café".into(), Encoding::Utf8)
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in "Police said".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(
            decode(&le).unwrap(),
            ("Police said".into(), Encoding::Utf16)
        );
        let mut be = vec![0xFE, 0xFF];
        for u in "Polizei".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap().0, "Polizei");
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let text = "Police said residents were safe.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).unwrap(), (text.into(), Encoding::Utf16));
        assert_eq!(decode(&be).unwrap(), (text.into(), Encoding::Utf16));
        // A binary file with many NULs is still binary.
        assert_eq!(decode(&[0u8; 64]), Err(DecodeProblem::Binary));
    }

    #[test]
    fn windows_1252_fallback() {
        // 0x92 is a curly apostrophe and 0xE9 "é" in Windows-1252.
        let (t, e) = decode(b"Police\x92s caf\xE9").unwrap();
        assert_eq!(t, "Police\u{2019}s café");
        assert_eq!(e, Encoding::Windows1252);
    }

    /// From a tester: one Windows-1252 "é" appended to a UTF-8 article made
    /// frame read the whole file as Windows-1252 (its quotation marks
    /// "â€œ"). The file stays UTF-8 and only the stray byte is read as
    /// Windows-1252, counted.
    #[test]
    fn a_stray_byte_in_utf8_is_read_alone() {
        let mut bytes = "“No-go areas” are a myth, the mayor’s office said.\n"
            .as_bytes()
            .to_vec();
        bytes.extend_from_slice(b"Caf\xe9 owners agreed.\n");
        let (text, enc) = decode(&bytes).unwrap();
        assert_eq!(
            text,
            "“No-go areas” are a myth, the mayor’s office said.\nCafé owners agreed.\n"
        );
        assert_eq!(enc, Encoding::Utf8Mended(1));
        assert_eq!(
            warning(enc, &bytes).unwrap(),
            "1 byte was not UTF-8 (first at line 2) and was read as Windows-1252; the rest is UTF-8"
        );
        // With a byte-order mark the file is UTF-8 however many bytes are not.
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(b"Caf\xe9 cr\xe8me \x93quoted\x94");
        let (text, enc) = decode(&bom).unwrap();
        assert_eq!(text, "Café crème “quoted”");
        assert_eq!(enc, Encoding::Utf8Mended(4));
        assert!(warning(enc, &bom)
            .unwrap()
            .starts_with("4 bytes were not UTF-8"));
    }

    /// A Windows-1252 file is still read whole as Windows-1252, also when
    /// a capital letter and a quotation mark happen to make a UTF-8
    /// character ("É”" is the bytes of "ɔ").
    #[test]
    fn a_windows_1252_file_with_an_accidental_utf8_pair_stays_windows_1252() {
        let bytes = b"\x93CAF\xC9\x94, said the m\xE9tro\x92s d\xE9put\xE9 in \xC9vry.";
        let (text, enc) = decode(bytes).unwrap();
        assert_eq!(enc, Encoding::Windows1252);
        assert_eq!(text, "“CAFÉ”, said the métro’s député in Évry.");
        assert_eq!(
            warning(enc, bytes).unwrap(),
            "not valid UTF-8 (first at line 1); read as Windows-1252"
        );
        // As many invalid sequences as a quarter of the non-ASCII
        // characters is still UTF-8; one more is Windows-1252.
        let utf8_three = "é é é ".as_bytes();
        let at_share = [utf8_three, b"\xe9"].concat();
        assert_eq!(utf8_or_1252(&at_share).1, Encoding::Utf8Mended(1));
        let past_share = [utf8_three, b"\xe9 \xe9"].concat();
        assert_eq!(utf8_or_1252(&past_share).1, Encoding::Windows1252);
        assert_eq!(warning(Encoding::Utf8, b"x"), None);
    }

    #[test]
    fn binary_and_empty() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0IHDR"),
            Err(DecodeProblem::Binary)
        );
        assert_eq!(decode(b""), Err(DecodeProblem::Empty));
        assert_eq!(decode(b" \n\t \r\n"), Err(DecodeProblem::Empty));
    }

    #[test]
    fn line_endings_are_normalised() {
        assert_eq!(decode(b"a\r\nb\rc\nd").unwrap().0, "a\nb\nc\nd");
    }
}
