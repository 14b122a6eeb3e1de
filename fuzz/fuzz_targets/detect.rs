//! Fuzz the path a file takes through the app: detection from the first
//! bytes and the extension (the first fuzzed byte picks the extension), the
//! reader detection picks, the export split, and then `input::load` on the
//! bytes saved as a file, which gives ids. Checks: no panic escapes; a
//! file starting as a zip, a PDF or RTF goes to that reader or is refused
//! with a reason; every reason and warning is non-empty; every document
//! loaded has a unique id, `f` or `f#N` for the article numbered N in an
//! export (N from 1), and text.
#![no_main]

mod shared;

use frame::input::formats::{self, detect, Detected};
use frame::input::{self, exports};
use frame::model::options::{CorpusOptions, InputFormat, TableColumns};
use libfuzzer_sys::fuzz_target;

const EXTS: &[&str] = &[
    "txt", "md", "html", "docx", "odt", "rtf", "pdf", "doc", "xlsx", "htm", "markdown", "",
];

fuzz_target!(init: shared::guard_aware_panic_hook(), |data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let ext = EXTS[pick as usize % EXTS.len()];
    let _ = detect::skip_reason(ext);
    let found = formats::detect(ext, bytes);
    let head = &bytes[..bytes.len().min(1024)];
    match &found {
        Detected::Unsupported(why) => assert!(!why.trim().is_empty()),
        Detected::Reader(f) => {
            if bytes.starts_with(b"PK\x03\x04") {
                assert!(matches!(f, InputFormat::Docx | InputFormat::Odt), "{f:?}");
            } else if memchr::memmem::find(head, b"%PDF-").is_some() {
                assert_eq!(*f, InputFormat::Pdf);
            }
            match formats::read(*f, bytes) {
                Ok(e) => {
                    assert!(e.warnings.iter().all(|w| !w.is_empty()));
                    let e = e.unwrapped();
                    if let Some(split) = exports::split(&e.text) {
                        for a in &split.articles {
                            let _ = input::make_document(&a.text, false);
                        }
                    }
                    let _ = input::make_document(&e.text, false);
                }
                Err(why) => assert!(!why.trim().is_empty()),
            }
        }
    }
    // The same bytes as a file of the app's input: ids and documents.
    let dir = std::env::temp_dir().join(format!("frame-fuzz-detect-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let name = if ext.is_empty() { "f".to_string() } else { format!("f.{ext}") };
    let path = dir.join(&name);
    std::fs::write(&path, bytes).unwrap();
    let opts = CorpusOptions {
        inputs: vec![path],
        columns: TableColumns::default(),
        keep_boilerplate: false,
        metadata: None,
        format: None,
    };
    if let Ok(corpus) = input::load(&opts) {
        let mut ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
        for d in &corpus.documents {
            let (file, n) = d.id.split_once('#').unwrap_or((&d.id, "1"));
            assert!(!file.is_empty() && !file.contains(['/', '\n']), "id {:?}", d.id);
            assert!(n.parse::<usize>().is_ok_and(|n| n >= 1), "id {:?}", d.id);
            assert!(!d.text.trim().is_empty());
        }
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate ids");
        assert!(corpus.skipped.iter().all(|s| !s.reason.trim().is_empty()));
    }
});
