//! Fuzz the Word (.docx) and OpenDocument (.odt) readers. The first byte
//! picks the arm: raw bytes as a zip (detection, the memory guard, the zip
//! reader), or fuzzed XML wrapped into a valid .docx or .odt so that the
//! paragraph walk is reached. Checks: no panic; a readable zip detected as
//! Word or ODT; the text never longer than the XML part it comes from, its
//! paragraphs tidy, no metadata invented.
#![no_main]

mod shared;

use frame::input::formats::{self, docx, odt, office_zip, Detected};
use frame::model::options::InputFormat;
use libfuzzer_sys::fuzz_target;
use std::io::{Cursor, Write};

/// A zip of `entries`, stored (not deflated) so the fuzzer's bytes reach
/// the XML as they are.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, content) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(content).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn check(bytes: &[u8], format: InputFormat, part: &str) {
    let got = formats::read(format, bytes);
    let direct = match format {
        InputFormat::Docx => docx::read(bytes),
        _ => odt::read(bytes),
    };
    assert_eq!(got, direct, "formats::read and the reader disagree");
    if let Ok(e) = got {
        let xml = office_zip::part(bytes, part).expect("read, so the part is there");
        assert!(
            e.text.len() <= xml.len(),
            "{} bytes of text from {} of XML",
            e.text.len(),
            xml.len()
        );
        shared::assert_tidy(&e.text);
        assert!(e.meta.is_empty() && !e.wrapped);
    }
}

fuzz_target!(init: shared::guard_aware_panic_hook(), |data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    match pick % 3 {
        0 => {
            for ext in ["docx", "odt"] {
                match formats::detect(ext, rest) {
                    Detected::Reader(InputFormat::Docx) => check(rest, InputFormat::Docx, "word/document.xml"),
                    Detected::Reader(InputFormat::Odt) => check(rest, InputFormat::Odt, "content.xml"),
                    Detected::Reader(_) => {}
                    Detected::Unsupported(why) => assert!(!why.is_empty()),
                }
            }
            // Read as what the extension says, whatever the content.
            check(rest, InputFormat::Docx, "word/document.xml");
            check(rest, InputFormat::Odt, "content.xml");
        }
        1 => {
            let bytes = zip_of(&[("[Content_Types].xml", b"<Types/>"), ("word/document.xml", rest)]);
            assert_eq!(formats::detect("docx", &bytes), Detected::Reader(InputFormat::Docx));
            check(&bytes, InputFormat::Docx, "word/document.xml");
        }
        _ => {
            // The byte after the pick decides whether a manifest is there
            // (the encryption check reads it first).
            let manifest: &[u8] = if pick & 0x10 != 0 { rest } else { b"<manifest:manifest/>" };
            let bytes = zip_of(&[
                ("mimetype", b"application/vnd.oasis.opendocument.text"),
                ("content.xml", rest),
                ("META-INF/manifest.xml", manifest),
            ]);
            assert_eq!(formats::detect("odt", &bytes), Detected::Reader(InputFormat::Odt));
            check(&bytes, InputFormat::Odt, "content.xml");
        }
    }
});
