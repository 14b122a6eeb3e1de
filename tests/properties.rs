//! Property tests (proptest) of the entry points that see raw user text: the
//! tokenizer and analyzer, the sentence splitter, the decoder and markup
//! strippers, and the lexicon parser. Kept fast (a few hundred cases each) so
//! they run in CI; the long searches are the cargo-fuzz targets in `fuzz/`
//! (docs/fuzzing.md). Findings of either are pinned as unit tests here.

use frame::input::decode;
use frame::input::formats::{html, markdown};
use frame::text::{sentences, words, Analyzer};
use proptest::prelude::*;

/// Text that looks like news copy with awkward bits: words, hyphens,
/// apostrophes, abbreviations, numbers, URLs, CR/LF, non-ASCII letters,
/// combining marks and emoji.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("police".to_string()),
        Just("no-go".to_string()),
        Just("don't".to_string()),
        Just("government’s".to_string()),
        Just("Mr.".to_string()),
        Just("No. 10".to_string()),
        Just("2,500".to_string()),
        Just("https://example.com/a-b?c=d.".to_string()),
        Just("@handle".to_string()),
        Just("a@b.co".to_string()),
        Just("café".to_string()),
        Just("e\u{301}".to_string()),
        Just("👮‍♀️".to_string()),
        Just("--".to_string()),
        Just("-".to_string()),
        Just("\u{2011}".to_string()),
        Just(".".to_string()),
        Just("?!".to_string()),
        Just("\"".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\n\n".to_string()),
        Just(" ".to_string()),
        Just("\t".to_string()),
        "\\PC{1,8}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

/// Any text at all, including control characters.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![newsy(), any::<String>()]
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 300,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn check_tokens(text: &str) -> Result<(), TestCaseError> {
    let toks = words::tokenize(text);
    let mut last_end = 0;
    let mut last_sentence = 0;
    for (i, t) in toks.iter().enumerate() {
        prop_assert!(t.start < t.end && t.end <= text.len());
        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        prop_assert_eq!(&text[t.start..t.end], t.text.as_str());
        prop_assert!(t.start >= last_end, "tokens overlap: {:?}", t);
        prop_assert_eq!(t.position, i);
        prop_assert!(t.sentence >= last_sentence);
        last_end = t.end;
        last_sentence = t.sentence;
    }
    for t in Analyzer::for_scoring().analyze(text) {
        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        prop_assert!(t.start < t.end && t.end <= text.len());
    }
    Ok(())
}

fn check_sentences(text: &str) -> Result<(), TestCaseError> {
    let mut last = 0;
    for (a, b) in sentences::sentence_spans(text) {
        prop_assert!(
            last <= a && a < b && b <= text.len(),
            "{a}..{b} after {last}"
        );
        prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        let s = &text[a..b];
        prop_assert_eq!(s.trim(), s, "span not trimmed");
        last = b;
    }
    Ok(())
}

/// What `decode` should give for valid UTF-8 text: the same text with CRLF
/// and CR made LF and a leading BOM removed.
fn normalised(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn tokens_slice_their_source(text in any_text()) {
        check_tokens(&text)?;
    }

    #[test]
    fn sentences_are_ordered_and_disjoint(text in any_text()) {
        check_sentences(&text)?;
    }

    #[test]
    fn decode_of_valid_utf8_round_trips(text in newsy()) {
        prop_assume!(!text.trim().is_empty());
        let (got, enc) = decode::decode(text.as_bytes()).unwrap();
        prop_assert_eq!(enc, decode::Encoding::Utf8);
        prop_assert_eq!(got, normalised(&text));
        // The same text as UTF-16 with a BOM, either byte order.
        for be in [false, true] {
            let mut bytes: Vec<u8> = if be { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
            for u in text.encode_utf16() {
                bytes.extend(if be { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            let (got, enc) = decode::decode(&bytes).unwrap();
            prop_assert_eq!(enc, decode::Encoding::Utf16);
            prop_assert_eq!(got, normalised(&text));
        }
    }

    #[test]
    fn decode_and_markup_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok((text, _)) = decode::decode(&bytes) {
            prop_assert!(!text.contains('\r'));
            let _ = html::html_to_text(&text);
            let _ = markdown::markdown_to_text(&text);
        }
    }

    #[test]
    fn markup_of_any_text_never_panics(text in any_text(), tags in prop::collection::vec(
        prop_oneof![
            Just("<p>"), Just("</p>"), Just("<script>"), Just("</script>"), Just("<!--"),
            Just("-->"), Just("&amp;"), Just("&#x1F600;"), Just("&#99999999;"), Just("&"),
            Just("<"), Just("---\n"), Just("title: x\n"), Just("# "), Just("[a]("), Just("```\n"),
            Just("<title>"), Just("</title"), Just("<header>"), Just("</header>"), Just("<head>"),
            Just("<nav/>"), Just("<aside>"), Just("</aside>"), Just("\n\n"),
        ],
        0..12,
    )) {
        let html = format!("{}{text}", tags.concat());
        let _ = html::html_to_text(&html);
        let _ = html::html_title(&html);
        // Paragraph spans are ordered, disjoint, on char boundaries and trimmed.
        let mut last = 0;
        for (a, b) in frame::input::paragraphs(&html) {
            prop_assert!(last <= a && a < b && b <= html.len());
            let p = &html[a..b];
            prop_assert_eq!(p.trim(), p);
            last = b;
        }
        let _ = markdown::markdown_to_text(&html);
        let _ = html::decode_entities(&html);
    }

    #[test]
    fn lexicon_errors_name_real_lines(lines in prop::collection::vec(
        prop_oneof![
            Just("# description: d".to_string()),
            Just("# name: x".to_string()),
            Just("# source: s".to_string()),
            Just("# colour: red".to_string()),
            Just("attack".to_string()),
            Just("terror*".to_string()),
            Just("a*".to_string()),
            Just("*".to_string()),
            Just("stab 9".to_string()),
            Just("stab 1e400".to_string()),
            Just("2.5".to_string()),
            Just("no-go area 2".to_string()),
            Just("word # comment".to_string()),
            "\\PC{0,12}",
        ],
        0..20,
    )) {
        let text = lines.join("\n");
        let count = text.lines().count();
        if let Err(errors) = frame::lexicon::parse(&text, "p.txt", "x") {
            prop_assert!(!errors.is_empty());
            for e in errors {
                prop_assert!(e.line.is_none_or(|l| l >= 1 && l <= count), "{}", e);
                prop_assert!(e.to_string().starts_with("p.txt:"));
            }
        }
    }
}

/// Valid small documents of every binary format the readers take, to be cut
/// and mangled: (reader, bytes).
fn documents() -> Vec<(frame::model::options::InputFormat, Vec<u8>)> {
    use frame::model::options::InputFormat as F;
    use std::io::Write;
    let zip_of = |entries: &[(&str, &str)]| {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (n, c) in entries {
            w.start_file(*n, o).unwrap();
            w.write_all(c.as_bytes()).unwrap();
        }
        w.finish().unwrap().into_inner()
    };
    let docx = zip_of(&[(
        "word/document.xml",
        "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>Police said the riot &amp; fire were over.</w:t></w:r></w:p><w:p><w:r><w:t>End of Document</w:t></w:r></w:p></w:body></w:document>",
    )]);
    let odt = zip_of(&[
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", "<o:document-content xmlns:o=\"o\" xmlns:text=\"t\"><text:p>Residents<text:s text:c=\"2\"/>were calm.</text:p></o:document-content>"),
    ]);
    let rtf = b"{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Times;}}{\\*\\gen x;}\\pard Police \\'e9t\\u8220?\\b said\\b0\\par 1 of 2 DOCUMENTS\\par}".to_vec();
    let html = b"<!DOCTYPE html><html><head><title>Riot - BBC News</title><meta property=\"og:site_name\" content=\"BBC News\"></head><body><nav>Home</nav><article><p>Police said the riot was over and residents were safe.</p></article></body></html>".to_vec();
    let pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n4 0 obj<</Length 44>>stream\nBT /F1 12 Tf 72 720 Td (Police said calm) Tj ET\nendstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".to_vec();
    vec![
        (F::Docx, docx),
        (F::Odt, odt),
        (F::Rtf, rtf),
        (F::Html, html),
        (F::Pdf, pdf),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..config() })]

    /// A document cut short and with bytes changed is read or refused with a
    /// reason, never a panic; so is its text by the export splitter.
    #[test]
    fn broken_documents_never_panic(which in 0usize..5, cut in 0.0f64..1.0, flips in proptest::collection::vec((0.0f64..1.0, any::<u8>()), 0..4)) {
        let (format, mut bytes) = documents().swap_remove(which);
        for (at, b) in flips {
            let i = (at * bytes.len() as f64) as usize;
            if i < bytes.len() {
                bytes[i] = b;
            }
        }
        bytes.truncate(((cut * bytes.len() as f64) as usize).max(1));
        if let Ok(e) = frame::input::formats::read(format, &bytes) {
            let _ = frame::input::exports::split(&e.text);
        }
        let _ = frame::input::formats::detect("docx", &bytes);
    }
}
