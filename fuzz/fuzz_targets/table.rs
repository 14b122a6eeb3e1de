//! Fuzz the table readers (CSV and JSON Lines corpora, the --metadata
//! sidecar, frame agree's coding sheet) on arbitrary bytes: no panic, and
//! every document read has an id. The readers take a path, so the bytes go
//! to a temporary file; the first byte picks the reader.
#![no_main]

use frame::input::document::Corpus;
use frame::input::formats::table;
use frame::model::options::TableColumns;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("frame-fuzz-table-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    match pick % 4 {
        0 | 1 => {
            let ext = if pick % 4 == 0 { "csv" } else { "jsonl" };
            let path = dir.join(format!("t.{ext}"));
            std::fs::write(&path, bytes).unwrap();
            let mut corpus = Corpus::default();
            if table::read(&path, &TableColumns::default(), false, &mut corpus).is_ok() {
                assert!(corpus.documents.iter().all(|d| !d.id.is_empty()));
            }
        }
        2 => {
            // A metadata sidecar over a two-article corpus.
            let path = dir.join("meta.csv");
            std::fs::write(&path, bytes).unwrap();
            let mut corpus = Corpus::default();
            for id in ["a", "b"] {
                corpus.documents.push(frame::input::Document {
                    id: id.into(),
                    text: "Some text.".into(),
                    ..Default::default()
                });
            }
            let _ = frame::input::metadata::apply(&path, &mut corpus);
        }
        _ => {
            let path = dir.join("sheet.csv");
            std::fs::write(&path, bytes).unwrap();
            let frames = vec!["threat".to_string(), "reassurance".to_string()];
            let _ = frame::commands::validate::agree::read_sheet(&path, &frames, pick & 0x10 != 0);
        }
    }
});
