//! Turning bytes into text: UTF-8 (BOM or not), UTF-16 with a BOM, and
//! Windows-1252 as the fallback for anything else that is not binary.

/// How a file's bytes were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (a BOM, if any, removed).
    Utf8,
    /// UTF-16 LE or BE, detected by its BOM.
    Utf16,
    /// Not valid UTF-8: read as Windows-1252 (warned about).
    Windows1252,
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
        (String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8)
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
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), Encoding::Utf8),
            Err(_) => {
                let (cow, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                (cow.into_owned(), Encoding::Windows1252)
            }
        }
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
