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
