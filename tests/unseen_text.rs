//! End-to-end: text a reader of the document never sees (Word's and
//! LibreOffice's hidden text, tracked deletions in Word and RTF files) is
//! not scored, text Word shows from an embedded web page is, and a file
//! whose text frame cannot reach is skipped with a reason naming it. From
//! a red-team review of the input stage; the fixtures are invented.

mod common;

use common::fixtures::zip_of;
use common::{analyze_ok, csv_maps, frame, run};
use std::fs;

const BODY: &str = "Residents of the valley were told to move valuables upstairs before the river peaks on Thursday night.";

/// A .docx of `body` (Word XML), with `extra` parts.
fn docx(body: &str, extra: &[(&str, &str)]) -> Vec<u8> {
    let doc = format!(
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"r\"><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let mut parts = vec![("word/document.xml", doc.as_str())];
    parts.extend_from_slice(extra);
    zip_of(&parts)
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

#[test]
fn hidden_and_deleted_text_is_not_scored() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    let word = docx(
        &format!(
            "{}{}<w:p><w:r><w:t xml:space=\"preserve\">The council said the defences </w:t></w:r>\
             <w:del w:id=\"1\"><w:r><w:delText>would collapse</w:delText></w:r></w:del>\
             <w:r><w:rPr><w:vanish/></w:rPr><w:t>EDITOR: catastrophe terror panic.</w:t></w:r>\
             <w:r><w:t>would hold.</w:t></w:r></w:p>{}",
            p("Flood plan defended"),
            p("By Jane Smith"),
            p(BODY)
        ),
        &[],
    );
    fs::write(input.join("word.docx"), word).unwrap();
    let rtf = format!(
        "{{\\rtf1\\ansi{{\\fonttbl{{\\f0 Calibri;}}}}\\pard Council backs plan\\par\\pard The mayor said the barrier {{\\deleted\\revauthdel1 was a catastrophe and}} held.\\par\\pard {BODY}\\par}}"
    );
    fs::write(input.join("tracked.rtf"), rtf).unwrap();
    let out = dir.path().join("out");
    analyze_ok(&[&input], &out);
    let sentences = fs::read_to_string(out.join("sentences.csv")).unwrap();
    for unseen in ["collapse", "EDITOR", "catastrophe", "terror"] {
        assert!(!sentences.contains(unseen), "{unseen}: {sentences}");
    }
    assert!(sentences.contains("The council said the defences would hold."));
    assert!(sentences.contains("The mayor said the barrier held."));
    let arts = csv_maps(&out.join("articles.csv"));
    let word = arts.iter().find(|a| a["id"] == "word").unwrap();
    assert_eq!(word["title"], "Flood plan defended");
}

/// A Word file written by a web tool holds its text as an embedded page;
/// one whose embedded part frame cannot read is skipped, named, with what
/// to do.
#[test]
fn text_embedded_as_a_web_page_is_read_or_named() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    let rels = "<Relationships xmlns=\"r\"><Relationship Id=\"rId9\" Type=\"t/aFChunk\" Target=\"chunk.html\"/><Relationship Id=\"rId8\" Type=\"t/aFChunk\" Target=\"afchunk.mht\"/></Relationships>";
    let page = format!(
        "<html><body><h1>Storm batters coast</h1><p>By Ann Lee</p><p>{BODY}</p></body></html>"
    );
    let chunk = |id: &str| {
        docx(
            &format!("<w:altChunk r:id=\"{id}\"/>"),
            &[
                ("word/_rels/document.xml.rels", rels),
                ("word/chunk.html", &page),
                ("word/afchunk.mht", "MIME-Version: 1.0\r\n"),
            ],
        )
    };
    fs::write(input.join("exported.docx"), chunk("rId9")).unwrap();
    fs::write(input.join("packed.docx"), chunk("rId8")).unwrap();
    let out = dir.path().join("out");
    let r = run(frame().arg("analyze").arg(&input).arg("--out").arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("packed.docx: all its text is in parts Word converts only when it opens the file (word/afchunk.mht")
            && r.stderr.contains("open the document in Word and save it again"),
        "{}",
        r.stderr
    );
    let arts = csv_maps(&out.join("articles.csv"));
    assert_eq!(arts.len(), 1);
    assert_eq!(arts[0]["title"], "Storm batters coast");
    assert_eq!(arts[0]["byline"], "Ann Lee");
}
