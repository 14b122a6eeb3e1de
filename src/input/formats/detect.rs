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
    // Named directly, a file frame knows as something else is refused with
    // what to do, as in a folder: read as text, a saved page's MIME
    // headers or a JSON array would be analysed as an article.
    if let Some(why) = other_format(ext) {
        return Detected::Unsupported(why);
    }
    match ext {
        "md" | "markdown" => Detected::Reader(InputFormat::Markdown),
        "html" | "htm" | "xhtml" => Detected::Reader(InputFormat::Html),
        // 0 bytes: empty whatever the name (`formats::read` says so).
        "docx" | "odt" | "pdf" | "rtf" if bytes.is_empty() => Detected::Reader(InputFormat::Text),
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
    // Chrome, Edge and Internet Explorer write this line first in an MHTML
    // file; a Safari web archive is a binary property list of the page.
    if starts(b"bplist00") && memchr::memmem::find(head, b"WebMainResource").is_some() {
        return Some(Detected::Unsupported(web_archive_reason("webarchive")));
    }
    if text_start.starts_with(b"From: <Saved by ") {
        let ext = if ext == "mht" { ext } else { "mhtml" };
        return Some(Detected::Unsupported(web_archive_reason(ext)));
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

/// Why a page saved as one file (`ext` names its kind: `webarchive`,
/// `mht`, else MHTML) is refused: its text sits inside the archive's
/// encoding (quoted-printable parts, a property list), so it must be saved
/// again as a plain page.
fn web_archive_reason(ext: &str) -> String {
    let (kind, save) = match ext {
        // Safari offers no "HTML only": its plain page is "Page Source".
        "webarchive" => (
            "Safari's .webarchive",
            "open it in Safari and save it again with Format \"Page Source\" (.html), or in another browser as \"Web page, HTML only\" (.html)",
        ),
        "mht" => (
            ".mht, as Edge and Internet Explorer save \"Web page, single file\"",
            "open it in the browser and save it again as \"Web page, HTML only\" (.html)",
        ),
        _ => (
            ".mhtml, as Chrome and Edge save \"Webpage, single file\"",
            "open it in the browser and save it again as \"Web page, HTML only\" (.html)",
        ),
    };
    format!(
        "a web page saved as one file ({kind}), which frame cannot read: {save}, then give frame the .html file"
    )
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
    if ARTICLE_EXTENSIONS.contains(&ext) {
        return None;
    }
    Some(other_format(ext).unwrap_or_else(|| match ext {
        "" => "no file extension: name it .txt, or give --format to say how to read it".into(),
        _ => format!(
            "not a format frame reads (.{ext}); frame reads .txt, .md, .html, .docx, .odt, .rtf and .pdf (and .csv/.jsonl named directly); give --format to read it with one of those readers"
        ),
    }))
}

/// Largest file taken for an Office lock file (Word's are 162 bytes):
/// a real document named `~$...` is read as any other.
const LOCK_FILE_MAX_BYTES: u64 = 1024;

/// Why the file at `path` is passed over as the lock file Word (or Excel,
/// PowerPoint) keeps beside a document while it is open: `~$` and the
/// document's name, a few bytes naming the user. Read, it would be called a
/// corrupt document. `None`: not one.
pub fn lock_file_reason(path: &std::path::Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    if !name.starts_with("~$")
        || std::fs::metadata(path).map_or(true, |m| m.len() > LOCK_FILE_MAX_BYTES)
    {
        return None;
    }
    let ext = name
        .rsplit_once('.')
        .map_or("", |(_, e)| e)
        .to_ascii_lowercase();
    let (app, what) = match ext.as_str() {
        "xls" | "xlsx" | "xlsm" | "csv" => ("Excel", "spreadsheet"),
        "ppt" | "pptx" => ("PowerPoint", "presentation"),
        _ => ("Word", "document"),
    };
    Some(format!(
        "{app}'s lock file for a {what} open in {app}, not an article ({app} writes a ~$ file beside a {what} while it is open and deletes it on closing): close the {what} in {app}, or ignore this"
    ))
}

/// Whether `--format` applies to a file found in a folder with extension
/// `ext`: frame neither reads that extension nor knows it as something else
/// (a spreadsheet, an image, an archive ...), so detection cannot place it.
pub fn unplaced_extension(ext: &str) -> bool {
    !ARTICLE_EXTENSIONS.contains(&ext) && other_format(ext).is_none()
}

/// What a file with extension `ext` is, when frame knows it as something
/// other than an article, with what to do instead.
fn other_format(ext: &str) -> Option<String> {
    let reason = match ext {
        "xlsx" | "xls" | "xlsm" | "ods" | "numbers" => format!(
            "a spreadsheet (.{ext}): export the sheet as CSV and give frame the .csv file directly (frame analyze FILE.csv --text-column ...)"
        ),
        "csv" | "tsv" | "tab" | "jsonl" | "ndjson" => format!(
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
        "mhtml" | "mht" | "webarchive" => web_archive_reason(ext),
        "json" => "a JSON file (.json): frame reads a table of articles as JSON Lines, not as one JSON array; convert it to JSON Lines (one object per line, .jsonl) or CSV and name that file directly (frame analyze FILE.jsonl --text-column ...); a .json file that already holds one object per line only needs renaming to .jsonl".into(),
        _ => return None,
    };
    Some(reason)
}

/// The reader a file named with extension `ext` calls for by its name:
/// `None` for a name that says nothing (no extension, `.dat`); a name frame
/// knows as something else (`.doc`, `.json` ...) calls for none of them.
fn reader_of_name(ext: &str) -> Option<Option<InputFormat>> {
    Some(Some(match ext {
        "txt" | "text" => InputFormat::Text,
        "md" | "markdown" => InputFormat::Markdown,
        "html" | "htm" | "xhtml" => InputFormat::Html,
        "docx" => InputFormat::Docx,
        "odt" => InputFormat::Odt,
        "pdf" => InputFormat::Pdf,
        "rtf" => InputFormat::Rtf,
        _ if other_format(ext).is_some() => return Some(None),
        _ => return None,
    }))
}

/// What a reader reads, as a warning names it.
fn kind_name(format: InputFormat) -> &'static str {
    match format {
        InputFormat::Html => "a web page",
        InputFormat::Docx => "a Word document",
        InputFormat::Odt => "an OpenDocument text",
        InputFormat::Pdf => "a PDF",
        InputFormat::Rtf => "an RTF document",
        InputFormat::Text => "a text file",
        InputFormat::Markdown => "a Markdown file",
    }
}

/// The warning for a file whose content chose `format` while its name
/// calls for another reader (a web page saved as `article.pdf`, a Word
/// file named `.txt`, an RTF file named `.doc`): it is read by its
/// content, and the warning says so. `None` when the name agrees, says
/// nothing (`.dat`, none), or the reader was chosen by `--format`.
pub fn misnamed(ext: &str, format: InputFormat) -> Option<String> {
    let named = reader_of_name(ext)?;
    let agrees = match named {
        Some(InputFormat::Text | InputFormat::Markdown) => {
            matches!(format, InputFormat::Text | InputFormat::Markdown)
        }
        Some(f) => f == format,
        None => false,
    };
    let kind = kind_name(format);
    (!agrees).then(|| format!("{kind} saved with a .{ext} name; read as {kind}"))
}

/// The reader for a file, where `forced` (`--format`) is used only for a
/// file that detection cannot place: no signature in its content and an
/// extension frame does not know, or a `.docx`/`.odt`/`.rtf`/`.pdf` whose
/// content is not one. A file whose content or extension says what it is
/// keeps its reader (or its reason to be skipped).
pub fn detect_or(ext: &str, bytes: &[u8], forced: Option<InputFormat>) -> (Detected, bool) {
    let Some(f) = forced else {
        return (detect(ext, bytes), false);
    };
    if let Some(d) = by_content(ext, bytes) {
        return (d, false);
    }
    match ext {
        "md" | "markdown" | "html" | "htm" | "xhtml" | "txt" | "text" => {
            (detect(ext, bytes), false)
        }
        _ if other_format(ext).is_some() => (detect(ext, bytes), false),
        _ => (Detected::Reader(f), true),
    }
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

    /// `--format` is for what detection cannot place: a real Word file or
    /// a .txt keeps its reader, an unknown extension takes the forced one.
    #[test]
    fn a_forced_reader_is_used_only_where_detection_fails() {
        let docx = crate::input::formats::fixtures::docx_of(&["Text"]);
        let forced = Some(InputFormat::Pdf);
        for (ext, bytes, want, by_flag) in [
            (
                "docx",
                &docx[..],
                Detected::Reader(InputFormat::Docx),
                false,
            ),
            ("txt", b"plain", Detected::Reader(InputFormat::Text), false),
            (
                "dat",
                b"%PDF-1.4",
                Detected::Reader(InputFormat::Pdf),
                false,
            ),
            ("dat", b"plain", Detected::Reader(InputFormat::Pdf), true),
            ("", b"plain", Detected::Reader(InputFormat::Pdf), true),
            // A .rtf that does not start as one: detection failed.
            ("rtf", b"plain", Detected::Reader(InputFormat::Pdf), true),
        ] {
            assert_eq!(detect_or(ext, bytes, forced), (want, by_flag), "{ext}");
        }
        let (d, _) = detect_or("png", b"\x89PNG\r\n", Some(InputFormat::Text));
        assert!(matches!(d, Detected::Unsupported(r) if r.contains("image")));
        assert_eq!(
            detect_or("dat", b"plain", None),
            (Detected::Reader(InputFormat::Text), false)
        );
        assert!(unplaced_extension("dat") && unplaced_extension(""));
        assert!(!unplaced_extension("txt") && !unplaced_extension("xlsx"));
    }

    /// A page saved as one file (Chrome/Edge .mhtml/.mht, Safari
    /// .webarchive) or a JSON array is refused with the way to a file frame
    /// reads: in a folder by its extension, named directly by its content
    /// or extension, and `--format` does not reach it.
    #[test]
    fn web_archives_and_json_say_how_to_save_them() {
        let why = |ext, b: &[u8]| match detect(ext, b) {
            Detected::Unsupported(r) => r,
            d => panic!("{ext}: {d:?}"),
        };
        let mhtml = b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://x.example/\r\nMIME-Version: 1.0\r\n";
        let webarchive = b"bplist00\xd1\x01\x02_\x10\x0fWebMainResource\xd5";
        for (ext, bytes) in [
            ("mhtml", &mhtml[..]),
            ("mht", b"MIME-Version: 1.0\r\n"),
            ("txt", mhtml),
            ("webarchive", webarchive),
            ("dat", webarchive),
        ] {
            assert!(
                why(ext, bytes).contains("\"Web page, HTML only\" (.html)"),
                "{ext}"
            );
            let (d, by_flag) = detect_or(ext, bytes, Some(InputFormat::Text));
            assert!(matches!(d, Detected::Unsupported(_)) && !by_flag, "{ext}");
        }
        assert!(why("json", b"[\n {\"text\": \"a\"}\n]").contains("convert it to JSON Lines"));
        for ext in ["mhtml", "mht", "webarchive"] {
            assert!(skip_reason(ext).unwrap().contains("HTML only"), "{ext}");
        }
        assert!(skip_reason("json").unwrap().contains(".jsonl) or CSV"));
        // An e-mail's header alone is no saved page.
        assert_eq!(
            detect("txt", b"From: Jane <jane@example.org>\nSubject: Floods\n"),
            Detected::Reader(InputFormat::Text)
        );
    }

    /// Word's `~$` lock file is named as one, never as a corrupt document;
    /// a large file of that name, or another name, is not one.
    #[test]
    fn office_lock_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let file = |name: &str, len: usize| {
            let p = dir.path().join(name);
            std::fs::write(&p, vec![b'x'; len]).unwrap();
            p
        };
        let word = lock_file_reason(&file("~$rticle.docx", 162)).unwrap();
        assert!(
            word.starts_with("Word's lock file for a document open in Word, not an article"),
            "{word}"
        );
        assert!(
            word.contains("close the document in Word, or ignore this"),
            "{word}"
        );
        let excel = lock_file_reason(&file("~$book.xlsx", 165)).unwrap();
        assert!(excel.starts_with("Excel's lock file"), "{excel}");
        assert_eq!(lock_file_reason(&file("~$big.docx", 5000)), None);
        assert_eq!(lock_file_reason(&file("article.docx", 162)), None);
        assert_eq!(lock_file_reason(&dir.path().join("~$gone.docx")), None);
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
        assert!(why("pdf", b"%PD").contains("not a valid .pdf"));
        // 0 bytes: read, and found empty (formats::read), not called damaged.
        assert!(matches!(detect("pdf", b""), Detected::Reader(_)));
        assert!(skip_reason("xlsx")
            .unwrap()
            .contains("export the sheet as CSV"));
        assert!(skip_reason("jpeg").unwrap().contains("image"));
        assert!(skip_reason("docx").is_none());
        assert!(skip_reason("txt").is_none());
        assert!(skip_reason("xyz").unwrap().contains(".xyz"));
    }

    /// From a review: a web page saved with a .pdf name was read as a page
    /// without a word; every file read by its content against its name
    /// says so alike.
    #[test]
    fn a_file_read_against_its_name_is_named() {
        let page = b"<!DOCTYPE html><html><body><p>Text</p></body></html>".as_slice();
        let rtf = b"{\\rtf1\\ansi hello}".as_slice();
        let pdf = b"%PDF-1.4\n...".as_slice();
        let docx = crate::input::formats::fixtures::docx_of(&["Text"]);
        let odt = crate::input::formats::fixtures::odt_of(&["Text"]);
        for (ext, bytes, warning) in [
            (
                "pdf",
                page,
                "a web page saved with a .pdf name; read as a web page",
            ),
            (
                "docx",
                page,
                "a web page saved with a .docx name; read as a web page",
            ),
            (
                "txt",
                page,
                "a web page saved with a .txt name; read as a web page",
            ),
            (
                "txt",
                docx.as_slice(),
                "a Word document saved with a .txt name; read as a Word document",
            ),
            (
                "pdf",
                docx.as_slice(),
                "a Word document saved with a .pdf name; read as a Word document",
            ),
            (
                "docx",
                odt.as_slice(),
                "an OpenDocument text saved with a .docx name; read as an OpenDocument text",
            ),
            (
                "doc",
                rtf,
                "an RTF document saved with a .doc name; read as an RTF document",
            ),
            (
                "docx",
                rtf,
                "an RTF document saved with a .docx name; read as an RTF document",
            ),
            ("html", pdf, "a PDF saved with a .html name; read as a PDF"),
        ] {
            let Detected::Reader(f) = detect(ext, bytes) else {
                panic!("{ext}: {warning}")
            };
            assert_eq!(misnamed(ext, f).as_deref(), Some(warning), "{ext}");
        }
        // Names that agree, or say nothing.
        for (ext, f) in [
            ("htm", InputFormat::Html),
            ("txt", InputFormat::Text),
            ("md", InputFormat::Text),
            ("pdf", InputFormat::Pdf),
            ("dat", InputFormat::Html),
            ("", InputFormat::Docx),
        ] {
            assert_eq!(misnamed(ext, f), None, "{ext}");
        }
    }
}
