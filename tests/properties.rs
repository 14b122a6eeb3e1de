//! Property tests (proptest) of the entry points that see raw user text: the
//! tokenizer and analyzer, the sentence splitter, the decoder and markup
//! strippers, boilerplate removal inside a line, and the lexicon parser. Kept fast (a few hundred cases each) so
//! they run in CI; the long searches are the cargo-fuzz targets in `fuzz/`
//! (docs/fuzzing.md). Findings of either are pinned as unit tests here.

mod common;

use common::fixtures::zip_of;
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

/// A web page's text run into one line: article words, punctuation and the
/// boilerplate phrases and their parts, in any order.
fn pasted_line() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "The",
        "river",
        "rose",
        "said",
        "police.",
        ",",
        ".",
        "?",
        ")",
        "(",
        "é",
        "😀",
        "Media playback is not supported on this device",
        "Image copyright",
        "Image caption",
        "Image source,",
        "Getty Images",
        "Reuters",
        "(Image:",
        "(Picture: PA)",
        "Share this with",
        "Email",
        "Facebook",
        "Twitter",
        "Copy this link",
        "READ MORE:",
        "MORE:",
        "Read more:",
        "These are external links and will open in a new window",
        "Continue reading the main story",
    ]);
    (
        prop::collection::vec(piece, 0..24),
        prop::collection::vec(any::<bool>(), 24),
    )
        .prop_map(|(v, spaces)| {
            v.iter()
                .zip(&spaces)
                .map(|(p, &sp)| if sp { format!("{p} ") } else { p.to_string() })
                .collect()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..config() })]

    /// Boilerplate inside a line is only ever taken out: what is left, spaces
    /// aside, is the line's characters in order, and a line with nothing
    /// removed is left as it was.
    #[test]
    fn fragments_are_only_removed(line in pasted_line()) {
        let (kept, n) = frame::input::inline_boilerplate::strip_fragments(&line);
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<Vec<_>>();
        let (kept_chars, all) = (squash(&kept), squash(&line));
        let mut rest = all.iter();
        prop_assert!(kept_chars.iter().all(|c| rest.any(|d| d == c)), "{:?} -> {:?}", line, kept);
        prop_assert_eq!(n == 0, kept == line.as_str(), "{:?} -> {:?}", line, kept);
        prop_assert!(n == 0 || kept_chars.len() < all.len());
    }
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

/// A zip of (name, content) entries, stored, as the office readers take it.
fn stored_zip(entries: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (n, c) in entries {
        w.start_file(*n, o).unwrap();
        w.write_all(c.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A reader's paragraphs: lines trimmed and never empty, one blank line
/// between paragraphs, none at either end.
fn check_tidy(text: &str) -> Result<(), TestCaseError> {
    prop_assert!(!text.contains("\n\n\n"), "{:?}", text);
    for line in text.split('\n') {
        prop_assert_eq!(line, line.trim());
    }
    prop_assert!(!text.starts_with('\n') && !text.ends_with('\n'));
    Ok(())
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Office XML made of the elements the Word and ODT readers look at, nested
/// any way, with text, entities, CDATA and broken tags between them.
fn office_xml() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<w:p>"),
        Just("</w:p>"),
        Just("<w:p/>"),
        Just("<w:t>"),
        Just("</w:t>"),
        Just("<w:br/>"),
        Just("<w:tab/>"),
        Just("<mc:Fallback>"),
        Just("</mc:Fallback>"),
        Just("<text:p>"),
        Just("</text:p>"),
        Just("<text:h>"),
        Just("</text:h>"),
        Just("<text:s/>"),
        Just("<text:line-break/>"),
        Just("<text:note>"),
        Just("</text:note>"),
        Just("&amp;"),
        Just("&#233;"),
        Just("&#x1F600;"),
        Just("&bogus;"),
        Just("&#0;"),
        Just("<![CDATA[a\nb]]>"),
        Just("<?xml version=\"1.0\"?>"),
        Just("<!-- c -->"),
        Just(" "),
        Just("\n"),
        Just("\u{a0}"),
        Just("<"),
        Just(">"),
        Just("</"),
        Just("Police said"),
        Just("calm."),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

/// Text with the markers and header lines of the four news-database
/// exports, in any order, so the splitters meet half-formed exports.
fn export_like() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "End of Document",
        "1 of 2 DOCUMENTS",
        "2 of 2 DOCUMENTS",
        "Documents (2)",
        "1. Storm hits",
        "The Times",
        "March 5, 2024 Tuesday",
        "5 March 2024",
        "2024-13-45",
        "Body",
        "Byline: Jane Smith",
        "BYLINE: By A B",
        "Section: NEWS; Pg. 3",
        "SECTION: NEWS",
        "Length: 30 words",
        "LENGTH: 99999999999999999999 words",
        "Load-Date: March 20, 2024",
        "LOAD-DATE: March 20, 2012",
        "Classification",
        "HD Flood defences hold",
        "BY Jane Smith",
        "WC 20 words",
        "20 words",
        "PD 5 March 2024",
        "SN The Daily Paper",
        "LP The walls held.",
        "TD More text.",
        "Document PAPR000020240305e0350000b",
        "Search Summary",
        "Document 1 of 2",
        "Full text: The barrier held.",
        "Title: Barrier holds",
        "Publication title: The Guardian; London (UK)",
        "Publication date: Mar 5, 2024",
        "Author: A B",
        "ProQuest document ID: 298765",
        "____________________________________________________________",
        "Residents were told to leave.",
    ])
    .prop_map(str::to_string);
    let piece = prop_oneof![4 => fixed, 1 => "\\PC{0,10}"];
    let sep = prop_oneof![Just("\n\n"), Just("\n"), Just("\n\n\n"), Just(" ")];
    prop::collection::vec((piece, sep), 0..40).prop_map(|v| {
        v.into_iter()
            .flat_map(|(p, s)| [p, s.to_string()])
            .collect()
    })
}

/// Web-page pieces: the meta data Readability reads, article markup and
/// page furniture.
fn page_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<!DOCTYPE html>"),
        Just("<html>"),
        Just("<head>"),
        Just("</head>"),
        Just("<title>Storm hits - BBC News</title>"),
        Just("<title>\n</title>"),
        Just("<meta property=\"og:site_name\" content=\"BBC News\">"),
        Just("<meta property=\"og:title\" content=\"A\nB\">"),
        Just("<meta property=\"article:published_time\" content=\"2024-03-04T18:00:00Z\">"),
        Just("<meta property=\"article:published_time\" content=\"yesterday\">"),
        Just("<meta name=\"author\" content=\" \">"),
        Just("<meta name=\"author\" content=\"Jane\">"),
        Just("<body>"),
        Just("<article>"),
        Just("</article>"),
        Just("<h1>Storm hits</h1>"),
        Just("<p>Police said the riot was over and residents were safe at last.</p>"),
        Just("<p>"),
        Just("</p>"),
        Just("<nav>Home News</nav>"),
        Just("<br>"),
        Just("&amp;"),
        Just("<script>var x = 1;</script>"),
        Just("<div class=\"comments\">"),
        Just("</div>"),
        Just("\n"),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..config() })]

    /// Any XML in a valid .docx or .odt is read or refused, never a panic;
    /// the text is never longer than the XML and its paragraphs are tidy.
    #[test]
    fn office_xml_of_any_shape(xml in office_xml()) {
        use frame::input::formats::{docx, odt};
        let d = stored_zip(&[("word/document.xml", &xml)]);
        let o = stored_zip(&[("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", &xml)]);
        for e in [docx::read(&d), odt::read(&o)].into_iter().flatten() {
            prop_assert!(e.text.len() <= xml.len());
            check_tidy(&e.text)?;
        }
    }

    /// Random bytes behind each binary format's signature are read or
    /// refused with a reason by that format's reader, never a panic.
    #[test]
    fn random_bytes_into_each_reader(magic in 0usize..4, tail in prop::collection::vec(any::<u8>(), 0..300)) {
        use frame::input::formats::{docx, odt, pdf, rtf};
        let prefix: &[u8] = [&b"PK\x03\x04"[..], b"%PDF-1.4\n", b"{\\rtf1 ", b""][magic];
        let bytes = [prefix, &tail].concat();
        for got in [docx::read(&bytes), odt::read(&bytes), pdf::read(&bytes), rtf::read(&bytes)] {
            if let Err(why) = got {
                prop_assert!(!why.trim().is_empty());
            }
        }
    }

    /// Half-formed exports split, or not, into articles whose metadata has
    /// known keys, one-line values, ISO dates, the database and the
    /// article's number (increasing, so ids within a file never clash).
    #[test]
    fn export_metadata_is_well_formed(text in export_like()) {
        if let Some(split) = frame::input::exports::split(&text) {
            for (i, a) in split.articles.iter().enumerate() {
                for (k, v) in &a.meta {
                    prop_assert!(["title", "outlet", "date", "byline", "section", "length", "database", "position"].contains(&k.as_str()), "{}", k);
                    prop_assert!(!v.trim().is_empty() && !v.contains('\n'), "{}: {:?}", k, v);
                    prop_assert!(k != "date" || is_iso_date(v), "{:?}", v);
                }
                prop_assert!(a.meta.contains(&("database".into(), split.database.into())));
                // The article's number: its place, or what a classic LexisNexis export states.
                prop_assert!(a.meta.contains(&("position".into(), split.numbers[i].to_string())));
                prop_assert!(split.database == "LexisNexis" || split.numbers[i] == i + 1);
            }
            prop_assert_eq!(split.numbers.len(), split.articles.len());
            prop_assert!(split.numbers.first().is_none_or(|&n| n >= 1));
            prop_assert!(split.numbers.windows(2).all(|w| w[0] < w[1]), "{:?}", split.numbers);
        }
    }

    /// A saved page gives at most four metadata pairs, each on one line, a
    /// date only in ISO form, and text at most 4x the page.
    #[test]
    fn web_page_metadata_is_well_formed(page in page_like()) {
        let e = frame::input::formats::web_page::read(&page);
        prop_assert!(e.text.len() <= 4 * page.len() + 16);
        for (k, v) in &e.meta {
            prop_assert!(["title", "byline", "date", "outlet"].contains(&k.as_str()), "{}", k);
            prop_assert!(!v.trim().is_empty() && !v.contains('\n'), "{}: {:?}", k, v);
            prop_assert!(k != "date" || is_iso_date(v), "{:?}", v);
        }
    }
}
