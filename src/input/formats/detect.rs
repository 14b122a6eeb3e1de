//! Which reader a file needs, from its first bytes (a `.txt` that is really
//! a Word file is read as Word) and then its extension; and, for files frame
//! cannot read, why not and what to do instead.

pub use super::extracted::Detected;
use crate::model::options::InputFormat;

/// Extensions read as articles inside a folder (others are skipped with a reason).
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "docx", "odt", "rtf", "pdf",
];

/// Microsoft's old compound-file container (.doc, .xls, .ppt, and Office
/// files saved with a password).
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The reader for a file with lower-case extension `ext` and content `bytes`.
pub fn detect(ext: &str, bytes: &[u8]) -> Detected {
    if let Some(d) = by_content(ext, bytes) {
        return d;
    }
    match ext {
        "md" | "markdown" => Detected::Reader(InputFormat::Markdown),
        "html" | "htm" | "xhtml" => Detected::Reader(InputFormat::Html),
        "docx" | "odt" | "pdf" | "rtf" => Detected::Unsupported(format!(
            "not a valid .{ext} file (it does not start as one does): corrupt, truncated or renamed; open it and save it again"
        )),
        _ => Detected::Reader(InputFormat::Text),
    }
}

fn by_content(ext: &str, bytes: &[u8]) -> Option<Detected> {
    let head = &bytes[..bytes.len().min(1024)];
    let starts = |magic: &[u8]| head.starts_with(magic);
    if starts(b"PK\x03\x04") {
        return Some(super::office_zip::kind(bytes));
    }
    if starts(OLE_MAGIC) {
        return Some(Detected::Unsupported(ole_reason(ext)));
    }
    // A PDF may have a few bytes of junk before its header.
    if memchr::memmem::find(head, b"%PDF-").is_some() {
        return Some(Detected::Reader(InputFormat::Pdf));
    }
    let text_start = head
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(head)
        .trim_ascii_start();
    if text_start.starts_with(b"{\\rtf") {
        return Some(Detected::Reader(InputFormat::Rtf));
    }
    if let Some(kind) = image_kind(head) {
        return Some(Detected::Unsupported(format!(
            "an image ({kind}), not text: frame cannot read a photo or scan of an article; run OCR on it or copy the article's text into a .txt file"
        )));
    }
    let lower = text_start.to_ascii_lowercase();
    if !matches!(ext, "md" | "markdown")
        && (lower.starts_with(b"<!doctype html")
            || lower.starts_with(b"<html")
            || (lower.starts_with(b"<?xml") && memchr::memmem::find(&lower, b"<html").is_some()))
    {
        return Some(Detected::Reader(InputFormat::Html));
    }
    None
}

fn ole_reason(ext: &str) -> String {
    match ext {
        "doc" => "an old Word file (.doc): open it in Word or LibreOffice and save it as .docx".into(),
        "xls" => "an old Excel spreadsheet (.xls): export the sheet as CSV and give frame the .csv file".into(),
        "ppt" => "a PowerPoint file (.ppt): frame reads articles, not slides".into(),
        "docx" | "xlsx" | "pptx" => format!(
            "a password-protected (encrypted) .{ext} file: open it, remove the password and save it again"
        ),
        _ => "an old Microsoft Office file (.doc/.xls/.ppt) or a password-protected one: save it as .docx (a spreadsheet: as CSV)".into(),
    }
}

fn image_kind(head: &[u8]) -> Option<&'static str> {
    let s = |m: &[u8]| head.starts_with(m);
    if s(b"\x89PNG") {
        Some("PNG")
    } else if s(b"\xFF\xD8\xFF") {
        Some("JPEG")
    } else if s(b"GIF87a") || s(b"GIF89a") {
        Some("GIF")
    } else if s(b"II*\0") || s(b"MM\0*") {
        Some("TIFF")
    } else if s(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
        Some("WebP")
    } else if head.get(4..8) == Some(b"ftyp")
        && head
            .get(8..12)
            .is_some_and(|b| matches!(b, b"heic" | b"heix" | b"mif1" | b"avif"))
    {
        Some("HEIC")
    } else if s(b"BM") && head.len() > 14 && head.get(6..10) == Some(&[0, 0, 0, 0]) {
        Some("BMP")
    } else {
        None
    }
}

/// Why a file found in a folder is not read, judged by its extension alone
/// (it is not opened). `None`: frame reads files with this extension.
pub fn skip_reason(ext: &str) -> Option<String> {
    let reason = match ext {
        "xlsx" | "xls" | "xlsm" | "ods" | "numbers" => format!(
            "a spreadsheet (.{ext}): export the sheet as CSV and give frame the .csv file directly (frame analyze FILE.csv --text-column ...)"
        ),
        "csv" | "tsv" | "jsonl" | "ndjson" => format!(
            "a table (.{ext}): tables are read only when named directly (frame analyze FILE.{ext}), so that one is not mixed into a folder of articles"
        ),
        "doc" => "an old Word file (.doc): open it in Word or LibreOffice and save it as .docx".into(),
        "pages" => "an Apple Pages file: export it as Word (.docx) or PDF".into(),
        "jpg" | "jpeg" | "png" | "gif" | "tif" | "tiff" | "bmp" | "webp" | "heic" | "heif" => format!(
            "an image (.{ext}), not text: frame cannot read a photo or scan of an article; run OCR on it or copy the article's text into a .txt file"
        ),
        "zip" | "7z" | "rar" | "gz" | "tar" => {
            format!("an archive (.{ext}): unpack it and give frame the folder")
        }
        "ppt" | "pptx" | "odp" | "key" => format!("a presentation (.{ext}), not an article"),
        _ if ARTICLE_EXTENSIONS.contains(&ext) => return None,
        "" => "no file extension: name it .txt (or give it directly, with --format if needed)".into(),
        _ => format!(
            "not a format frame reads (.{ext}); frame reads .txt, .md, .html, .docx, .odt, .rtf and .pdf (and .csv/.jsonl named directly)"
        ),
    };
    Some(reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_wins_over_extension() {
        assert_eq!(
            detect("txt", b"{\\rtf1\\ansi hello}"),
            Detected::Reader(InputFormat::Rtf)
        );
        assert_eq!(
            detect("txt", b"%PDF-1.4\n..."),
            Detected::Reader(InputFormat::Pdf)
        );
        assert_eq!(
            detect("txt", b"  <!DOCTYPE html><html>"),
            Detected::Reader(InputFormat::Html)
        );
        assert_eq!(
            detect("html", b"plain"),
            Detected::Reader(InputFormat::Html)
        );
        assert_eq!(detect("txt", b"plain"), Detected::Reader(InputFormat::Text));
        assert_eq!(
            detect("md", b"# x"),
            Detected::Reader(InputFormat::Markdown)
        );
    }

    #[test]
    fn unreadable_files_say_what_to_do() {
        let why = |ext, b: &[u8]| match detect(ext, b) {
            Detected::Unsupported(r) => r,
            d => panic!("{d:?}"),
        };
        let mut ole = OLE_MAGIC.to_vec();
        ole.extend([0; 20]);
        assert!(why("doc", &ole).contains("save it as .docx"));
        assert!(why("docx", &ole).contains("password"));
        assert!(why("xls", &ole).contains("CSV"));
        assert!(why("jpg", b"\xFF\xD8\xFF\xE0rest").contains("image (JPEG)"));
        assert!(why("txt", b"\x89PNG\r\n").contains("OCR"));
        assert!(why("docx", b"not a zip").contains("not a valid .docx"));
        assert!(why("pdf", b"").contains("not a valid .pdf"));
        assert!(skip_reason("xlsx")
            .unwrap()
            .contains("export the sheet as CSV"));
        assert!(skip_reason("jpeg").unwrap().contains("image"));
        assert!(skip_reason("docx").is_none());
        assert!(skip_reason("txt").is_none());
        assert!(skip_reason("xyz").unwrap().contains(".xyz"));
    }
}
