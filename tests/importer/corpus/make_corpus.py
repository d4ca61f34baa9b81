#!/usr/bin/env python3
"""Writes the import corpus: follow-ups in the three layouts other municipalities use, each
as .docx, .pdf (printed by LibreOffice from the .docx), .txt and, where the layout allows,
.odt and .xlsx, with the answer key (NAME.expected.json, the dry-run JSON) made from the
same content. The outputs are committed; run this again only to change them (LibreOffice
takes a few minutes):  python3 tests/importer/corpus/make_corpus.py [--no-office] [NAME …]

Layouts:
  two_column  question and reference | answer and comment, the Göteborg layout (.txt as
              the seed fixture's: pdftotext of the PDF Word made, column after column)
  header      a table whose header row names the columns, in any order (.txt: tab-separated,
              as Word and Excel save a table as plain text; .xlsx: one sheet)
  labelled    "1.1 Har nämnden …?" then "Berörda:", "Svar:", "Kommentar:" paragraphs
Variants of the header layout: header_c answers with Word check boxes (content controls;
.txt: "[x] Genomförd [ ] Pågår"), header_d is one table whose headings are rows merged
over all its columns (.xlsx: merged cells, the header row below the document's facts).
The comments are long enough that LibreOffice breaks rows over pages and repeats the header."""
import json
import pathlib
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

HERE = pathlib.Path(__file__).resolve().parent

LOREM = [
    "Förvaltningen har under året arbetat vidare med frågan tillsammans med polisen och civilsamhället.",
    "Arbetet följs upp varje kvartal i ledningsgruppen och resultaten redovisas för nämnden.",
    "Vi ser en tydlig förbättring i de områden där insatserna har varit mest omfattande.",
    "Samverkan med skolan och socialtjänsten har stärkts genom gemensamma möten och en delad lägesbild.",
    "Under hösten genomfördes en enkät bland medarbetarna som visar att kunskapen har ökat.",
    "Resurserna har inte räckt för att nå alla verksamheter och arbetet fortsätter därför nästa år.",
    "Nämnden har fattat beslut om en ny rutin som ska gälla från och med årsskiftet.",
    "Uppföljningen visar att målgruppen nås i högre grad än tidigare men att vissa grupper saknas.",
]


def comment(seed, paragraphs, sentences):
    out = []
    for p in range(paragraphs):
        out.append(" ".join(LOREM[(seed + p * 3 + s) % len(LOREM)] for s in range(sentences)))
    return out


def q(text, answer, paragraphs=1, sentences=2, seed=0, audience=None, number=None, expected=None, reference=None):
    return dict(text=text, answer=answer, comment=comment(seed, paragraphs, sentences) if paragraphs else [],
                audience=audience, number=number, expected=expected, reference=reference)


# --- the documents ----------------------------------------------------------------------

DOCS = {
    "two_column_a": dict(layout="two_column", sections=[
        ("1", "Uppföljning Stadens program för trygghet 2023–2026", []),
        ("1.1", "Målområde 1: Kunskap", [
            q("Är ert arbete kunskapsbaserat?", "Ja", 2, 3, 0, reference="Strategi 1:1 Arbetet ska utgå från lägesbilder och aktuell forskning."),
            q("Har ni säkrat kompetensen hos era medarbetare?", "Delvis", 3, 4, 1, reference="Strategi 1:2 Staden ska säkra kompetens hos ansvariga och utförare.",
              expected="Fler medarbetare har gått utbildningen."),
        ]),
        ("1.2", "Målområde 2: Samverkan", [
            q("Har ni deltagit i lokala trygghetsråd?", "Nej", 1, 2, 2, audience="samtliga nämnder och styrelser",
              reference="Strategi 2:1 Staden ska delta i lokala och centrala forum."),
            q("Har ni tagit initiativ till nya samarbeten?", "Ej aktuellt", 4, 4, 3, reference="Strategi 2:2 Staden ska ta initiativ till samverkan."),
            q("Har ni stärkt civilsamhällets delaktighet?", "Ja", 2, 3, 4, reference="Strategi 2:3 Civilsamhället ska vara delaktigt."),
        ]),
    ]),
    "two_column_b": dict(layout="two_column", sections=[
        ("1", "Uppföljning Handlingsplan mot våld i nära relationer 2024–2027", []),
        ("1.1", "Fokusområde 1: Förebygga", [
            q("Har ni genomfört informationsinsatser?", "Ja", 3, 4, 5, reference="Insats 1:1 Informera invånare om var stöd finns."),
            q("Har ni utbildat personal i att ställa frågan om våld?", "Delvis", 2, 4, 6, reference="Insats 1:2 Personal ska utbildas.",
              expected="All personal i berörda verksamheter har utbildats."),
        ]),
        ("2", "Uppföljning Plan för tillgänglighet 2024", []),
        ("2.1", "Fysisk miljö", [
            q("Har ni inventerat era lokaler?", "Nej", 1, 3, 7, audience="berörda nämnder", reference="Åtgärd 2:1 Alla lokaler inventeras."),
            q("Har ni åtgärdat enkelt avhjälpta hinder?", "Vet ej", 3, 4, 0, reference="Åtgärd 2:2 Hinder ska avhjälpas."),
        ]),
    ]),
    "header_a": dict(layout="header", columns=["Nr", "Åtgärd", "Ansvarig", "Status", "Kommentar"],
                     meta=["Nämnd: Socialnämnden", "Datum: 2024-11-30"], sections=[
        ("1", "Trygghet i offentlig miljö", [
            q("Kartlägga otrygga platser tillsammans med polisen", "Pågår", 2, 4, 1, audience="Stadsmiljönämnden", number="1.1"),
            q("Förbättra belysningen i parker och gångtunnlar", "Genomförd", 1, 2, 2, audience="Park- och naturnämnden", number="1.2"),
            q("Genomföra trygghetsvandringar i varje stadsdel", "Ej påbörjad", 3, 4, 3, number="1.3"),
        ]),
        ("2", "Tidiga insatser för barn och unga", [
            q("Utveckla samverkan mellan skola och socialtjänst", "Påbörjad", 4, 4, 4, audience="Utbildningsnämnden", number="2.1"),
            q("Erbjuda föräldraskapsstöd i alla stadsdelar", "Genomförd", 2, 3, 5, audience="Socialnämnden", number="2.2"),
        ]),
    ]),
    "header_b": dict(layout="header", columns=["Insats", "Mål", "Måluppfyllelse", "Kommentar/analys", "Berörda"],
                     sections=[
        ("1.", "Kunskapsbaserat arbete", [
            q("Ta fram en gemensam lägesbild", "Uppfyllt", 2, 4, 6, audience="Kommunstyrelsen", expected="En lägesbild per år"),
            q("Följa upp insatsernas effekter", "Delvis uppfyllt", 3, 4, 7, audience="Samtliga nämnder", expected="Alla insatser följs upp"),
        ]),
        ("2.", "Samordning", [
            q("Samordna det brottsförebyggande arbetet", "Ej uppfyllt", 1, 3, 0, expected="En samordnare är utsedd"),
            q("Inrätta ett lokalt brottsförebyggande råd", "Uppfyllt", 4, 4, 1, audience="Kommunstyrelsen", expected="Rådet har mötts fyra gånger"),
        ]),
    ]),
    "header_c": dict(layout="header", columns=["Åtgärd", "Status", "Nr", "Kommentar", "Ansvarig"],
                     boxes=["Genomförd", "Pågår", "Ej påbörjad"], sections=[
        ("1", "Förebyggande arbete i skolan", [
            q("Införa ett program mot mobbning på alla skolor", "Pågår", 2, 3, 2, audience="Grundskolenämnden", number="1.1"),
            q("Anställa fler skolkuratorer", "Genomförd", 1, 3, 4, number="1.2"),
        ]),
        ("2", "Fritid", [
            q("Hålla fritidsgårdarna öppna på helger", "Ej påbörjad", 3, 4, 6, audience="Kulturnämnden", number="2.1"),
            q("Erbjuda lovaktiviteter för alla åldrar", "Genomförd", 2, 4, 1, audience="Idrotts- och föreningsnämnden", number="2.2"),
        ]),
    ]),
    "header_d": dict(layout="header", columns=["Id", "Aktivitet", "Bedömning", "Redovisning"], merged_headings=True,
                     meta=["Förvaltning: Stadsbyggnadsförvaltningen", "Datum: 2025-01-15"], sections=[
        ("1", "Trygga stadsmiljöer", [
            q("Ta fram riktlinjer för trygghet i detaljplaner", "Grön", 2, 4, 3, number="A1"),
            q("Inventera otrygga platser med boende", "Gul", 3, 4, 5, number="A2"),
        ]),
        ("2", "Belysning och skötsel", [
            q("Byta belysning längs gång- och cykelvägar", "Röd", 1, 3, 7, number="B1"),
            q("Snabbare klotterborttagning", "Grön", 2, 3, 0, number="B2"),
        ]),
    ]),
    "labelled_a": dict(layout="labelled", meta=["Besvaras av: Kulturnämnden"], sections=[
        ("1", "Trygghet och studiero", [
            q("Har nämnden arbetat med att öka tryggheten i verksamheterna?", "Delvis", 2, 3, 2, audience="Samtliga nämnder",
              number="1.1", expected="Ökad upplevd trygghet."),
            q("Har nämnden följt upp incidenter?", "Ja", 3, 4, 3, number="1.2"),
        ]),
        ("2", "Samverkan", [
            q("Har nämnden samverkat med polisen?", "Nej", 1, 2, 4, audience="Berörda nämnder", number="2.1"),
            q("Har nämnden deltagit i medborgardialoger?", "Ej aktuellt", 2, 3, 5, number="2.2"),
        ]),
    ]),
    "labelled_b": dict(layout="labelled", answer_label="Bedömning", sections=[
        ("1", "Uppföljning av handlingsplan för minskad brottslighet", []),
        ("1.1", "Insatser för unga", [
            q("Har förvaltningen erbjudit sommarjobb till unga i utsatta områden?", "Grön", 2, 4, 6, audience="Arbetsmarknadsnämnden",
              number="1.1.1"),
            q("Har förvaltningen utökat fältarbetet?", "Gul", 3, 4, 7, number="1.1.2", expected="Fler fältassistenter på kvällstid."),
        ]),
        ("1.2", "Insatser i boendet", [
            q("Har bostadsbolagen genomfört trygghetsåtgärder i trapphus?", "Röd", 1, 3, 0, audience="Bostadsbolagen", number="1.2.1"),
        ]),
    ]),
}


# --- the answer key ---------------------------------------------------------------------

def section_number(number):
    return number.rstrip(".")


def expected_json(doc):
    sections, questions = [], []
    for number, title, qs in doc["sections"]:
        sections.append(dict(number=section_number(number), title=title))
        for x in qs:
            layout = doc["layout"]
            ref = x["number"]
            if layout == "two_column":
                ref = x["reference"].split(" ")[1]
            questions.append(dict(section=section_number(number), text=x["text"], audience=x["audience"],
                                  reference_number=ref, expected_result=x["expected"], answer=x["answer"],
                                  comment="\n\n".join(x["comment"]) or None))
    return dict(sections=sections, questions=questions)


# --- .docx ------------------------------------------------------------------------------

W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"')


def p(text, style=None, bold=False):
    # Word's Normal style: 8 pt after each paragraph, which the PDF shows as a gap.
    pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
    ppr = f'<w:pPr>{pstyle}<w:spacing w:after="160"/></w:pPr>'
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def tc(paragraphs, width):
    body = "".join(paragraphs) or p("")
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{body}</w:tc>'


def tr(cells, header=False):
    trpr = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
    return f"<w:tr>{trpr}{''.join(cells)}</w:tr>"


BORDERS = "<w:tblBorders>" + "".join(
    f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for s in ["top", "left", "bottom", "right", "insideH", "insideV"]) + "</w:tblBorders>"


def table(rows, widths):
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>{BORDERS}<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>'


def heading(number, title):
    level = len(section_number(number).split("."))
    return p(f"{number} {title}", f"Heading{level}")


def docx_body(doc):
    layout = doc["layout"]
    out = [p(line) for line in doc.get("meta", [])]
    merged = []  # header_d: the rows of its one table
    for number, title, qs in doc["sections"]:
        out.append(heading(number, title))
        if not qs:
            continue
        if layout == "two_column":
            rows = [tr([tc([p("Uppföljningsfrågor", bold=True)], 4500), tc([p("Svarsalternativ med kommentar", bold=True)], 4500)], True)]
            for x in qs:
                left = [p(x["text"] + (f" ({x['audience']})" if x["audience"] else "")), p(""), p(x["reference"])]
                if x["expected"]:
                    left += [p(""), p("Förväntat resultat: " + x["expected"])]
                right = [p(x["answer"]), p("")]
                for i, c in enumerate(x["comment"]):
                    right += ([p("")] if i else []) + [p(c)]
                rows.append(tr([tc(left, 4500), tc(right, 4500)]))
            out.append(table(rows, [4500, 4500]))
        elif layout == "header":
            cols = doc["columns"]
            widths = header_widths(doc)
            rows = [] if doc.get("merged_headings") else [header_row(doc, widths)]
            for x in qs:
                rows.append(tr([tc(header_paragraphs(doc, c, x), w) for c, w in zip(cols, widths)]))
            if doc.get("merged_headings"):
                out[-1:] = []  # the heading is a row of the one table instead
                merged += [tr([f'<w:tc><w:tcPr><w:tcW w:w="{sum(widths)}" w:type="dxa"/><w:gridSpan w:val="{len(cols)}"/>'
                               f'</w:tcPr>{p(f"{number} {title}", bold=True)}</w:tc>'])] + rows
            else:
                out.append(table(rows, widths))
        else:
            for x in qs:
                out += labelled_paragraphs(doc, x)
    if merged:
        widths = header_widths(doc)
        out.append(table([header_row(doc, widths)] + merged, widths))
    return "".join(out)


def header_widths(doc):
    cols = doc["columns"]
    widths = [700 if c in ("Nr", "Id") else 1700 if c in ("Status", "Måluppfyllelse", "Bedömning") else
              2600 if c in ("Ansvarig", "Berörda") else 2000 if c in ("Åtgärd", "Insats", "Aktivitet") else 2300 for c in cols]
    if doc.get("boxes"):
        widths = [2600 if c == "Status" else w for c, w in zip(cols, widths)]
    return [w * LANDSCAPE_WIDTH // sum(widths) for w in widths]


def header_row(doc, widths):
    return tr([tc([p(c, bold=True)], w) for c, w in zip(doc["columns"], widths)], True)


def header_paragraphs(doc, column, x):
    if doc.get("boxes") and header_cell(column, x) == [x["answer"]] and column in ("Status", "Bedömning"):
        return [content_control_boxes(doc, x["answer"])]
    return [p(t) for t in header_cell(column, x)]


def check_boxes(doc, answer, glyphs=("[x]", "[ ]")):
    return " ".join(f"{glyphs[0] if o == answer else glyphs[1]} {o}" for o in doc["boxes"])


def content_control_boxes(doc, answer):
    """A paragraph of Word check boxes (Developer → Check Box), one per option."""
    runs = ""
    for o in doc["boxes"]:
        checked = o == answer
        runs += (f'<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/></w14:checkbox></w:sdtPr>'
                 f'<w:sdtContent><w:r><w:t>{"☒" if checked else "☐"}</w:t></w:r></w:sdtContent></w:sdt>'
                 f'<w:r><w:t xml:space="preserve"> {escape(o)} </w:t></w:r>')
    return f'<w:p><w:pPr><w:spacing w:after="160"/></w:pPr>{runs}</w:p>'


def header_cell(column, x):
    role = {"Nr": "number", "Id": "number", "Åtgärd": "text", "Insats": "text", "Aktivitet": "text",
            "Ansvarig": "audience", "Berörda": "audience", "Status": "answer", "Måluppfyllelse": "answer",
            "Bedömning": "answer", "Kommentar": "comment", "Kommentar/analys": "comment", "Redovisning": "comment",
            "Mål": "expected"}[column]
    value = x[role]
    if role == "comment":
        return value
    return [value] if value else []


def labelled_lines(doc, x):
    """The paragraphs of a labelled question, as (text, is_comment_start)."""
    out = [f"{x['number']} {x['text']}"]
    if x["audience"]:
        out.append(f"Berörda: {x['audience']}")
    if x["expected"]:
        out.append(f"Förväntat resultat: {x['expected']}")
    out.append(f"{doc.get('answer_label', 'Svar')}: {x['answer']}")
    if x["comment"]:
        out.append("Kommentar: " + x["comment"][0])
        out += x["comment"][1:]
    return out


def labelled_paragraphs(doc, x):
    return [p(line) for line in labelled_lines(doc, x)]


# Wide tables are printed on A4 landscape, as offices do: 14,570 twips between 2 cm margins.
LANDSCAPE = ('<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
             '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')
LANDSCAPE_WIDTH = 14400


def write_docx(path, body):
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>')
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", document)


# --- .txt and .xlsx ---------------------------------------------------------------------

def header_txt(doc):
    """As Word saves a table as plain text: cells separated by tabs, a cell's paragraphs by
    line breaks inside the row."""
    lines = list(doc.get("meta", [])) + [""]
    for number, title, qs in doc["sections"]:
        lines += [f"{number} {title}", ""]
        if not qs:
            continue
        lines.append("\t".join(doc["columns"]))
        for x in qs:
            cells = ["\n".join(header_cell(c, x)) for c in doc["columns"]]
            if doc.get("boxes"):
                cells = [check_boxes(doc, x["answer"]) if c == "Status" else t for c, t in zip(doc["columns"], cells)]
            lines += "\t".join(cells).split("\n")
        lines.append("")
    return "\n".join(lines) + "\n"


def wrap(text, width=40):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line + " ")
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + [line + " "]


def two_column_txt(doc):
    """As pdftotext takes the seed fixture out of its PDF: each column's text in turn."""
    lines = []
    for number, title, qs in doc["sections"]:
        lines += wrap(f"{number} {title}") + [""]
        if not qs:
            continue
        lines += ["Uppföljningsfrågor Svarsalternativ med kommentar ", ""]
        for x in qs:
            lines += wrap(x["text"] + (f" ({x['audience']})" if x["audience"] else "")) + [" "]
            lines += wrap(x["reference"]) + [""]
            if x["expected"]:
                lines += wrap("Förväntat resultat: " + x["expected"]) + [""]
            lines += [f" {x['answer']} ", " "]
            for c in x["comment"]:
                lines += wrap(c) + [""]
    return "\n".join(lines) + "\n"


def labelled_txt(doc):
    lines = list(doc.get("meta", [])) + [""]
    for number, title, qs in doc["sections"]:
        lines += [f"{number} {title}", ""]
        for x in qs:
            for i, line in enumerate(labelled_lines(doc, x)):
                if i > 0 and not line.split(":")[0] in ("Berörda", "Förväntat resultat", "Svar", "Bedömning", "Kommentar"):
                    lines.append("")  # a blank line before each further comment paragraph
                lines.append(line)
            lines.append("")
    return "\n".join(lines) + "\n"


def xlsx_cell(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def write_xlsx(path, doc):
    letters = "ABCDEFGHIJ"
    rows, n = [], 0

    def add(cells):
        nonlocal n
        n += 1
        rows.append(f'<row r="{n}">' + "".join(xlsx_cell(f"{letters[i]}{n}", t) for i, t in enumerate(cells) if t) + "</row>")

    merges = []
    for line in doc.get("meta", []):
        add([line])
    if doc.get("merged_headings"):
        add([])
        add(doc["columns"])
    for number, title, qs in doc["sections"]:
        add([f"{number} {title}"])
        if doc.get("merged_headings"):
            merges.append(f'<mergeCell ref="A{n}:{letters[len(doc["columns"]) - 1]}{n}"/>')
        elif qs:
            add(doc["columns"])
        for x in qs:
            add(["\n\n".join(header_cell(c, x)) for c in doc["columns"]])
    merged = f'<mergeCells count="{len(merges)}">{"".join(merges)}</mergeCells>' if merges else ""
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f'<sheetData>{"".join(rows)}</sheetData>{merged}</worksheet>')
    workbook = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                '<sheet name="Uppföljning" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wrels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
             'Target="worksheets/sheet1.xml"/></Relationships>')
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", wrels)
        z.writestr("xl/worksheets/sheet1.xml", sheet)


# --- all of it --------------------------------------------------------------------------

def soffice(target, files, outdir):
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", target,
                        "--outdir", str(outdir)] + [str(f) for f in files], check=True, capture_output=True)


def main():
    only = [a for a in sys.argv[1:] if not a.startswith("--")]  # names of documents to write; all by default
    for name, doc in DOCS.items():
        if only and name not in only:
            continue
        (HERE / f"{name}.expected.json").write_text(json.dumps(expected_json(doc), ensure_ascii=False, indent=1) + "\n")
        write_docx(HERE / f"{name}.docx", docx_body(doc) + (LANDSCAPE if doc["layout"] == "header" else ""))
        if doc["layout"] == "header":
            (HERE / f"{name}.txt").write_text(header_txt(doc))
            write_xlsx(HERE / f"{name}.xlsx", doc)
        elif doc["layout"] == "two_column":
            (HERE / f"{name}.txt").write_text(two_column_txt(doc))
        elif doc["layout"] == "labelled":
            (HERE / f"{name}.txt").write_text(labelled_txt(doc))
    if "--no-office" in sys.argv:  # the text files and keys only, without LibreOffice
        return
    docx = [HERE / f"{n}.docx" for n in only] if only else sorted(HERE.glob("*.docx"))
    soffice("pdf", docx, HERE)
    soffice("odt", docx, HERE)
    if not only:
        unruled()


def unruled():
    """tests/importer/data/unruled_header.pdf: header_a's first table printed without borders,
    which the PDF importer must warn about rather than read rows from guessed boundaries."""
    global BORDERS
    doc = dict(DOCS["header_a"], sections=DOCS["header_a"]["sections"][:1])
    borders, BORDERS = BORDERS, ""
    with tempfile.TemporaryDirectory() as tmp:
        write_docx(pathlib.Path(tmp) / "unruled_header.docx", docx_body(doc))
        soffice("pdf", [pathlib.Path(tmp) / "unruled_header.docx"], HERE.parent / "data")
    BORDERS = borders


if __name__ == "__main__":
    main()
