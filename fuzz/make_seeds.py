#!/usr/bin/env python3
"""Writes small real inputs of every format frame reads into corpus/<target>/,
the starting corpus of the reader targets (docs/fuzzing.md). The files are
built here, as the tests build theirs, so none is kept in git."""

import io
import pathlib
import shutil
import zipfile
from xml.sax.saxutils import escape

ROOT = pathlib.Path(__file__).resolve().parent
ARTICLES = sorted((ROOT.parent / "seeds").glob("*.txt"))


def paras_of(path, n=6):
    text = path.read_text(encoding="utf-8", errors="replace")
    return [p.strip() for p in text.split("\n\n") if p.strip()][:n]


def zip_of(entries, stored=False):
    buf = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, content in entries:
            z.writestr(name, content)
    return buf.getvalue()


def word_xml(paras, extras=True):
    # extras: a tab, a run and a line break in each paragraph.
    tail = "<w:r><w:tab/><w:t>x</w:t><w:br/></w:r>" if extras else ""
    body = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r>{tail}</w:p>'
        for p in paras
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f"<w:body>{body}<mc:AlternateContent><mc:Fallback><w:p><w:r><w:t>box</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>"
        "<w:p><w:r><w:instrText>HYPERLINK</w:instrText><w:delText>gone</w:delText><w:t>&#233;&amp;</w:t></w:r></w:p>"
        "<w:sectPr/></w:body></w:document>"
    )


def odt_xml(paras):
    body = "".join(
        f'<text:p text:style-name="P1">{escape(p)}<text:s text:c="2"/><text:tab/>'
        f"<text:line-break/><text:span>s</text:span></text:p>"
        for p in paras
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        f'<text:h text:outline-level="1">Heading</text:h>{body}'
        "<text:p>a<text:note><text:note-body><text:p>note</text:p></text:note-body></text:note></text:p>"
        "<text:tracked-changes><text:p>deleted</text:p></text:tracked-changes>"
        "</office:text></office:body></office:document-content>"
    )


def docx_of(paras, extras=True):
    return zip_of([("[Content_Types].xml", "<Types/>"), ("word/document.xml", word_xml(paras, extras))])


def odt_of(paras, manifest="<manifest:manifest/>"):
    return zip_of(
        [
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", odt_xml(paras)),
            ("META-INF/manifest.xml", manifest),
        ]
    )


def rtf_of(paras):
    s = (
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}}"
        "{\\colortbl;\\red0\\green0\\blue0;}{\\*\\generator Test 1.0;}\\viewkind4\\uc1\n"
    )
    for p in paras:
        s += "\\pard\\sa200\\f0\\fs24 "
        for c in p:
            if c in "\\{}":
                s += "\\" + c
            elif ord(c) < 128:
                s += c
            elif ord(c) < 256:
                s += "\\'%02x" % ord(c)
            else:
                v = ord(c) if ord(c) < 32768 else ord(c) - 65536
                s += "\\u%d?" % v
        s += "\\b bold\\b0  \\par\n"
    return (s + "}").encode("utf-8")


def pdf_escape(s):
    s = s.encode("latin-1", "replace").decode("latin-1")
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_of(paras):
    lines = []
    for p in paras:
        words, line = p.split(), ""
        for w in words:
            if len(line) + len(w) > 80:
                lines.append(line)
                line = ""
            line = (line + " " + w).strip()
        lines += [line, ""]
    ops = ["BT", "/F1 10 Tf", "13 TL", "40 800 Td"]
    ops += [f"({pdf_escape(l)}) Tj T*" for l in lines]
    ops.append("ET")
    content = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>",
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.5\n")
    offsets = []
    for i, o in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def page_of(title, paras):
    body = "".join(f"<p>{escape(p)}</p>\n" for p in paras)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} - BBC News</title>
<meta property="og:site_name" content="BBC News">
<meta property="article:published_time" content="2024-03-04T18:00:00Z">
<meta name="author" content="Jane Reporter">
<script>var tracking = "danger";</script></head><body>
<div class="cookie-banner"><p>We use cookies.</p></div>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>{escape(title)}</h1>
{body}</article>
<section class="related"><h2>More on this story</h2><ul><li><a href="/a">Storm threat</a></li></ul></section>
<div id="comments"><p>Comment: a danger to everyone!</p></div></main>
<footer><p>Copyright 2024 BBC.</p></footer>
</body></html>"""


ARTS = [
    (f"Storm report number {i} from the coast", ["The Northern Echo", "The Times"][i % 2],
     f"March {i}, 2024 Tuesday", "Jane Smith",
     [f"Article {i} says the storm caused damage along the coast and residents feared more danger.",
      f"Officials said the clean-up in district {i} would take a week and that everyone was safe."])
    for i in (1, 2)
]


def nexis_uni(arts):
    p = ["User Name: =Student", "Date and Time: = Tuesday, March 12, 2024 2:15:00 PM GMT",
         "Job Number: 219837465", f"Documents ({len(arts)})", "Client/Matter: -None-", "Search Terms: storm"]
    for i, (t, o, d, _, _) in enumerate(arts):
        p += [f"{i + 1}. {t}", o, d]
    for t, o, d, b, body in arts:
        p += [t, o, d, "Copyright 2024 Publisher Ltd All Rights Reserved", "Section: NEWS; Pg. 3",
              "Length: 30 words", f"Byline: {b}", "Body"] + body
        p += ["Classification", "Language: ENGLISH", "Publication-Type: Newspaper",
              "Load-Date: March 20, 2024", "End of Document"]
    return p


def classic(arts):
    s = ""
    for i, (t, o, d, b, body) in enumerate(arts):
        s += (f"                  {i + 1} of {len(arts)} DOCUMENTS\n\n                  {o}\n\n"
              f"                  {d}\n                  Final Edition\n\n{t}\n\nBYLINE: By {b}\n\n"
              "SECTION: NEWS; Pg. 2\n\nLENGTH: 40 words\n\n\n")
        s += "".join(f"{p}\n\n" for p in body)
        s += ("LOAD-DATE: March 20, 2012\n\nLANGUAGE: ENGLISH\n\nPUBLICATION-TYPE: Newspaper\n\n"
              "                  Copyright 2012 Publisher Ltd\n\n\n")
    return s


def factiva(arts, codes):
    p = []
    for i, (t, o, d, b, body) in enumerate(arts):
        c = (lambda code, v: f"{code} {v}") if codes else (lambda code, v: v)
        words = sum(len(x.split()) for x in body)
        p += [c("HD", t), c("BY", b), c("WC", f"{words} words"), c("PD", "5 March 2024"), c("SN", o),
              c("SC", "PAPR"), c("LA", "English"), c("CY", "(c) 2024 The Publisher. All rights reserved.")]
        p += [c("LP", body[0])] + [f"TD {x}" if codes else x for x in body[1:]]
        if codes:
            p += ["NS gcat : Political/General News", "RE uk : United Kingdom"]
        p.append(f"Document PAPR000020240305e03{i}0000{i:02}x")
    return p + ["Search Summary", "Text flood"]


def proquest(arts):
    line = "_" * 60
    s = f"{line}\n\n"
    for i, (t, o, d, b, body) in enumerate(arts):
        s += f"Document {i + 1} of {len(arts)}\n\n{t}\n\nAuthor: {b}\n\nPublication info: {o}; London (UK). {d}: 7.\n\n"
        s += f"Full text: {body[0]}\n\n" + "".join(f"{x}\n\n" for x in body[1:])
        s += (f"Subject: Floods\n\nTitle: {t}\n\nPublication title: {o}; London (UK)\n\nPublication date: {d}\n\n"
              f"Section: UK News\n\nSource type: Newspaper\n\nProQuest document ID: 29{i}8765\n\n{line}\n\n")
    return s


def factiva_html(arts):
    rows = "".join(
        f'<div class="article"><table><tr><td>HD</td><td>{t}</td></tr><tr><td>BY</td><td>{b}</td></tr>'
        f"<tr><td>WC</td><td>20 words</td></tr><tr><td>PD</td><td>5 March 2024</td></tr><tr><td>SN</td><td>{o}</td></tr>"
        f"<tr><td>SC</td><td>PAPR</td></tr><tr><td>LA</td><td>English</td></tr>"
        f"<tr><td>LP</td><td><p>{body[0]}</p></td></tr><tr><td>TD</td><td><p>{body[1]}</p></td></tr>"
        f"<tr><td>AN</td><td>Document PAPR00000202403{i:02}e0350000b</td></tr></table></div>"
        for i, (t, o, d, b, body) in enumerate(arts)
    )
    return f"<html><head><title>Factiva</title></head><body>{rows}</body></html>"


def write(target, name, data):
    d = ROOT / "corpus" / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def main():
    docs = [paras_of(a) for a in ARTICLES[:3]]
    enc = '<manifest:file-entry><manifest:encryption-data/></manifest:file-entry>'
    exports = {
        "nexis_uni.txt": "\n\n".join(nexis_uni(ARTS)),
        "classic.txt": classic(ARTS),
        "factiva_codes.txt": "\n\n".join(factiva(ARTS, True)),
        "factiva_plain.txt": "\n\n".join(factiva(ARTS, False)),
        "proquest.txt": proquest(ARTS),
    }
    for i, paras in enumerate(docs):
        # office: the first byte picks the arm (0 zip, 1 Word XML, 2 ODT XML).
        write("office", f"docx{i}", b"\x00" + docx_of(paras))
        write("office", f"odt{i}", b"\x00" + odt_of(paras))
        write("office", f"word_xml{i}", b"\x01" + word_xml(paras).encode())
        write("office", f"odt_xml{i}", b"\x02" + odt_xml(paras).encode())
        write("pdf", f"article{i}.pdf", pdf_of(paras))
        write("rtf", f"article{i}.rtf", rtf_of(paras))
        write("web_page", f"page{i}.html", page_of(paras[0][:60], paras[1:]))
        # detect: the first byte picks the extension (see EXTS in detect.rs).
        for pick, data in [(3, docx_of(paras)), (4, odt_of(paras)), (5, rtf_of(paras)), (6, pdf_of(paras)),
                           (2, page_of(paras[0][:60], paras[1:]).encode()), (0, ARTICLES[i].read_bytes())]:
            write("detect", f"{pick}_{i}", bytes([pick]) + data)
    write("office", "odt_encrypted", b"\x00" + odt_of(docs[0], enc))
    write("office", "docx_stored", b"\x00" + zip_of([("word/document.xml", word_xml(docs[1]))], stored=True))
    write("web_page", "factiva.html", factiva_html(ARTS))
    write("detect", "2_factiva", b"\x02" + factiva_html(ARTS).encode())
    write("detect", "3_nexis_uni_docx", b"\x03" + docx_of(nexis_uni(ARTS), extras=False))
    write("detect", "6_classic_pdf", b"\x06" + pdf_of(classic(ARTS).split("\n\n")))
    write("detect", "5_factiva_rtf", b"\x05" + rtf_of(factiva(ARTS, True)))
    for n, (name, text) in enumerate(exports.items()):
        for pick in range(5):
            write("exports", f"{pick}_{name}", bytes([pick]) + text.encode())
        write("detect", f"0_{name}", b"\x00" + text.encode())


if __name__ == "__main__":
    main()
