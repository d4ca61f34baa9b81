#!/usr/bin/env python3
"""Writes the small seed inputs of fuzz/corpus/ that are not plain text to write by hand:
.docx files built from the XML the DOCX tests use (tests/importer/docx_builder.h), a tiny
PDF with text, and damaged files. The outputs are committed; run this again only to change
them:  python3 fuzz/make_corpus.py
Inputs that a fuzzer found (crash-*) are committed as found, not made here.

The big seeds are not copied here: CTest and `make fuzz` take data/demo/*.txt and
tests/importer/data/*.pdf straight from where they are."""
import io
import pathlib
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE / "corpus"


def write(kind, name, data):
    path = CORPUS / kind / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


# --- text -------------------------------------------------------------------------------

HEAD = "1 Uppföljning\n\nUppföljningsfrågor Svarsalternativ med kommentar\n\n"
TEXTS = {
    "empty.txt": "",
    "audience.txt": HEAD + "Har ni identifierat verktyg? (Samtliga nämnder och \nstyrelser) \n \n"
    "Strategi 1:1 Staden ska arbeta. \n\n Ja \n",
    "expected_result.txt": HEAD + "Deltar ni? \n \nGenomförs aktiviteter med \ninsats 3:2. \n \n"
    "Förväntat resultat: Motverka oseriös \nverksamhet och skapa \nlikhet inför lagen \n\n Ja \n \n"
    "Vi deltar.\n",
    "comment_traps.txt": HEAD + "Har ni gjort det? \n\nStrategi 1:1 Text\n\n Ja \n \n"
    "Vi frågade oss varför? Svaret var \nenkelt. Avtalet involverar Miljö-\noch klimatnämnden. \n"
    "   \n2023. Rapporterna visar en ökning. \n\n2 gånger per år följer vi upp.\n"
    " Har ni stärkt näringslivets och \ncivilsamhällets delaktighet? \n \nStrategi 2:3 Text\n\n Nej \n",
    "headings.txt": "1 Program\n\n1.2 Del\n\n1.2.1 Mål\n\n1.2.1.1 Insats\n\nHar ni A? \n\n"
    "Strategi 1.1 T\n\nJa\n\n1.2.3 Annat mål\n\nHar ni B? \n\nStrategi 1:3 T\n\nvet ej\n\f"
    "\f1.3 Nästa avsnitt\n\nLös text utan fråga.\n\nHar ni C?\n\nStrategi 1:1 Text utan svar.\n",
    "crlf.txt": (HEAD + "Har ni gjort det? \n\nDelvis\n\nNästan klart.\n").replace("\n", "\r\n"),
}


def texts():
    for name, text in TEXTS.items():
        write("text", name, text)
    # Latin-1 (Windows-1252) as an old export may be: "ö" and "ä" are single bytes, no UTF-8.
    write("text", "latin1.txt", (HEAD + "Är ert arbete kunskapsbaserat? \n \nStrategi 1:1 Text\n\n Ja \n"
                                 "Vårt arbete är lagstyrt.\n").encode("cp1252"))


# --- docx -------------------------------------------------------------------------------

def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def p(text, style=""):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{esc(text)}</w:t></w:r></w:p>'


def tc(paragraphs):
    return f"<w:tc>{paragraphs}</w:tc>"


def row(question, answer):
    return f"<w:tr>{tc(question)}{tc(answer)}</w:tr>"


def table(rows):
    return "<w:tbl>" + row(p("Uppföljningsfrågor"), p("Svarsalternativ med kommentar")) + rows + "</w:tbl>"


def content_control_box(checked, label):
    glyph = "\u2612" if checked else "\u2610"
    return (f'<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="{int(checked)}"/></w14:checkbox></w:sdtPr>'
            f"<w:sdtContent><w:r><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>"
            f'<w:r><w:t xml:space="preserve"> {label} </w:t></w:r>')


def form_field_box(checked, label):
    return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:sizeAuto/>'
            f'<w:default w:val="{int(checked)}"/></w:checkBox></w:ffData></w:fldChar></w:r>'
            "<w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r>"
            f'<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> {label} </w:t></w:r>')


def document_xml(body):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:body>'
            + body + "</w:body></w:document>")


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types '
    'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
    'ContentType="application/xml"/><Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships '
    'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>')


def zip_parts(parts, compression=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))  # repeatable bytes
            info.compress_type = compression
            archive.writestr(info, data)
    return out.getvalue()


def docx(body, compression=zipfile.ZIP_DEFLATED):
    return zip_parts([("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                      ("word/document.xml", document_xml(body))], compression)


def docxs():
    question = p("Har ni en plan? (Berörda nämnder och styrelser)") + \
        p("Genomförs aktiviteter i enlighet med insats 3:2.") + p("Förväntat resultat: Färre brott.")
    write("docx", "headings_and_table.docx", docx(
        p("1 Program", "Heading1") + p("1.2 Del") + p("1.2.1 Mål", "Heading3") +
        p("Inledande text om programmet.") +
        table(row(question, p("Delvis") + p("Varför inte fler? Resurserna räckte inte.") +
                  p("2023. Rapporterna kom sent.")) +
              row(p("Har ni B?") + p("Strategi 1:1 Text"), p("Ja, den antogs 2023."))) +
        p("1.2.3.1 Insats", "Heading4") + table(row(p("Har ni C?"), p("")))))
    write("docx", "check_boxes.docx", docx(
        p("Program", "Rubrik1") + p("Inriktning", "Rubrik2") +
        table(row(p("Har ni A?"), p("☐ Ja ☒ Nej ☐ Delvis")) +
              row(p("Har ni B?"), "<w:p>" + content_control_box(False, "Ja") +
                  content_control_box(True, "Delvis") + "</w:p>") +
              row(p("Har ni C?"), "<w:p>" + form_field_box(True, "Vet ej") + form_field_box(False, "Nej") +
                  "</w:p>") +
              row(p(""), p("☐ Ja ☐ Nej") + p("En lös kommentar.")))))
    # Stored (not deflated) entries: the XML lies open for the fuzzer to change.
    write("docx", "stored.docx", docx(p("1 Mål", "Heading1") + table(row(p("Har ni A?"), p("Ja"))),
                                      zipfile.ZIP_STORED))
    entities = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">'
                '<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
                '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&b;&ext;</w:t></w:r></w:p></w:body></w:document>')
    write("docx", "entities.docx", zip_parts([("word/document.xml", entities)], zipfile.ZIP_STORED))
    write("docx", "malformed_xml.docx", zip_parts([("word/document.xml", "<w:document><w:body><w:p>")]))
    write("docx", "no_body.docx", zip_parts([("word/document.xml", "<w:document/>")]))
    write("docx", "no_document.docx", zip_parts([("hello.txt", "hej")]))
    whole = docx(table(row(p("Har ni A?"), p("Ja"))))
    write("docx", "truncated.docx", whole[: len(whole) // 2])
    write("docx", "not_a_zip.docx", "Detta är ingen docx")
    # Runs nested 200 000 deep overflowed the stack of the recursive readers (now refused).
    write("docx", "deep_nesting.docx", zip_parts([("word/document.xml", document_xml(
        "<w:p>" + "<w:r>" * 200000 + "</w:r>" * 200000 + "</w:p>"))]))
    # Bare document.xml: the fuzz target also reads each input as the XML inside a .docx.
    write("docx", "document.xml", document_xml(
        p("1 Program", "Heading1") + table(row(p("Har ni A?") + p("Strategi 1:1 Text"),
                                               "<w:p>" + content_control_box(True, "Ja") + "</w:p>" +
                                               p("Vi har en plan.")))))
    write("docx", "entities.xml", entities)
    write("docx", "empty.docx", b"")


# --- pdf --------------------------------------------------------------------------------

def pdf_with_text(lines):
    """A one-page PDF in Helvetica with a correct cross-reference table."""
    ops = ["BT", "/F1 10 Tf"]
    for x, y, text in lines:
        safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"1 0 0 1 {x} {y} Tm ({safe}) Tj")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pdfs():
    small = pdf_with_text([
        (50, 800, "1 Program"), (50, 780, "1.1 Del"),
        (50, 760, "Uppfoljningsfragor"), (300, 760, "Svarsalternativ med kommentar"),
        (50, 740, "Har ni en plan? (Berorda namnder)"), (300, 740, "Ja"),
        (50, 728, "Strategi 1:1 Text om planen"), (300, 728, "Vi har en plan."),
        (50, 700, "Har ni B?"), (300, 700, "Delvis"),
    ])
    write("pdf", "small_text.pdf", small)
    write("pdf", "truncated.pdf", small[: len(small) * 2 // 3])
    write("pdf", "header_only.pdf", b"%PDF-1.4")
    write("pdf", "empty.pdf", b"")


if __name__ == "__main__":
    texts()
    docxs()
    pdfs()
