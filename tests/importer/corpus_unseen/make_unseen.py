#!/usr/bin/env python3
"""Writes the second import corpus: follow-ups made another way than tests/importer/corpus,
to check that the importer reads templates it was not written against. Each document is
written as flat OpenDocument (.fodt, the way LibreOffice itself saves), then LibreOffice
turns it into .docx, .odt and .pdf (and prints the .docx as NAME.docx.pdf); tables also go to an .xlsx written as Excel writes
one (shared strings); the .txt is what a user gets by copying the document out of
Word as plain text (tables as tab-separated rows). The answer key NAME.expected.json is the
dry-run JSON; its optional "warnings" lists the warnings the import must give (by words
they contain), as for an empty answer cell, and "format_warnings" those of one format.

The outputs are committed; run again only to change them:
    /usr/bin/python3 tests/importer/corpus_unseen/make_unseen.py [--no-office] [NAME …]

What the documents vary, as municipalities do: the three layouts (a table whose header row
names the columns, labelled paragraphs, the two-column layout under other header words),
column headers in other orders and words (Uppföljningsfråga, Åtgärd, Insats, Aktivitet,
Ansvar, Målgrupp, Status, Måluppfyllelse, Kommentar/analys, Redovisning, Mål, extra
columns such as Budget or Tidplan), heading numbers "2", "2.", "2.1", "2.1.3" or the word
processor's own outline numbering, metadata lines above the first heading, check boxes (☒
☐ in the document, [x] [ ] in the text), every answer scale, comments of several
paragraphs and bullet lists, rows long enough to break over pages under a repeated header
row, page headers and "Sida 3 av 7" footers, landscape and portrait pages, empty answer
cells, questions that wrap over several lines, answers in lower or upper case, and
comments holding a numbered list, a question of their own or a line that begins with a
year."""
import json
import pathlib
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

HERE = pathlib.Path(__file__).resolve().parent

# Sentences for comments, other than the first corpus's, so that no text is shared.
TEXT = [
    "Enheten har tagit fram en ny rutin som började gälla i mars och som nu används i samtliga arbetslag.",
    "Uppföljningen gjordes genom intervjuer med chefer och en genomgång av avvikelserapporterna.",
    "Resultatet redovisades för nämndens arbetsutskott i oktober.",
    "Kostnaden blev lägre än beräknat eftersom en del av arbetet kunde göras inom ordinarie budget.",
    "Vi har haft svårt att rekrytera och två tjänster har stått vakanta under större delen av året.",
    "Dialogen med föreningslivet har fördjupats och tre nya överenskommelser har tecknats.",
    "Arbetet fortsätter under nästa år med fokus på de verksamheter som ännu inte har kommit igång.",
    "Statistiken för de två senaste åren visar en minskning av anmälda händelser med ungefär en femtedel.",
    "Brukarundersökningen visar att fler upplever att de får information i tid.",
    "Planen har reviderats och beslutas i nämnden under våren.",
]


def para(seed, n):
    return " ".join(TEXT[(seed + i) % len(TEXT)] for i in range(n))


def Q(text, answer, comment=(), number=None, audience=None, expected=None, extra=None, spelled=None, reference=None):
    """A question. `comment` is a list of paragraphs; an item that is a list is a bullet
    list whose items are paragraphs of their own in the key. `spelled` is the answer as
    the document writes it (in another case); `reference` the two-column layout's
    strategy line, whose number is the key's reference_number."""
    return dict(text=text, answer=answer, comment=list(comment), number=number, audience=audience,
                expected=expected, extra=extra or {}, spelled=spelled or answer, reference=reference)


BULLETS = ["Utbildning för alla nya medarbetare", "Checklista vid tillsynsbesök", "Gemensam kalender med polisen"]

DOCS = {
    # An action plan: number first, the measure, who, the goal, the status and an analysis;
    # metadata above the first heading; headings three levels deep; landscape; bullets.
    "u_actionplan": dict(
        layout="header", landscape=True,
        columns=["Nr", "Aktivitet", "Ansvar", "Mål", "Status", "Kommentar/analys"],
        meta=["Nämnd: Social resursnämnd", "Datum: 2024-12-02", "Besvaras av: Avdelningen för stöd och omsorg"],
        page_header="Social resursnämnd – uppföljning av handlingsplan 2024",
        sections=[
            ("2", "Handlingsplan för ett tryggare Mölnby", []),
            ("2.1", "Förebyggande arbete", []),
            ("2.1.1", "Barn och unga", [
                Q("Starta föräldragrupper i varje skolområde", "Genomförd", [para(0, 3), para(3, 2)], number="2.1.1a",
                  audience="Familjeenheten", expected="Minst en grupp per termin"),
                Q("Erbjuda sommarlovsaktiviteter för barn som inte reser bort", "Pågår",
                  [para(1, 4), para(5, 4), para(8, 3)], number="2.1.1b", audience="Fritidsenheten",
                  expected="Aktiviteter alla veckor"),
                Q("Kartlägga skolfrånvaro", "Ej påbörjad", [para(2, 2)], number="2.1.1c", audience="Elevhälsan"),
            ]),
            ("2.1.2", "Vuxna i utsatthet", [
                Q("Utbilda personal i våld i nära relationer", "Genomförd", [para(4, 2), BULLETS, para(6, 1)],
                  number="2.1.2a", audience="Stöd och omsorg", expected="All personal utbildad"),
                Q("Utveckla uppsökande arbete", "Pågår", [para(7, 5), para(2, 5), para(4, 4)], number="2.1.2b"),
            ]),
            ("2.2", "Samverkan", [
                Q("Ta fram en gemensam lägesbild med polisen", "Genomförd", [para(9, 3)], number="2.2a",
                  audience="Kommunledningen", expected="En lägesbild per halvår"),
            ]),
        ]),
    # Goals with a fulfilment scale; headings "1." "2."; an extra column (Budget) that is
    # kept as text; audience called Målgrupp; comments called Redovisning; portrait.
    "u_goals": dict(
        layout="header",
        columns=["Insats", "Målgrupp", "Måluppfyllelse", "Redovisning", "Budget"],
        meta=["Nämnd: Kultur- och fritidsnämnden", "Datum: 2025-01-20"],
        page_header="Uppföljning av mål 2024",
        sections=[
            ("1.", "Ett rikt kulturliv", [
                Q("Fler besökare på biblioteken genom längre öppettider på kvällar och helger", "Uppfyllt",
                  [para(0, 2), para(8, 2)], audience="Alla invånare", extra={"Budget": "400 tkr"}),
                Q("Kulturskola i alla stadsdelar", "Delvis uppfyllt", [para(3, 5), para(6, 5)],
                  audience="Barn 6–15 år", extra={"Budget": "1 200 tkr"}),
            ]),
            ("2.", "Idrott och rörelse", [
                Q("Rusta upp spontanidrottsplatser", "Ej uppfyllt", [para(4, 3)], audience="Unga",
                  extra={"Budget": "2 500 tkr"}),
                Q("Öppen hall på fredagskvällar", "Uppfyllt", [para(5, 2)], audience="Unga 13–18 år"),
                Q("Simskola för nyanlända", None, [], audience="Nyanlända barn", extra={"Budget": "150 tkr"}),
            ]),
        ],
        warnings=["inget svar"]),
    # Check boxes in the answer cell, the question column called Uppföljningsfråga, the
    # answer and the comment in their own columns; Ja/Nej/Delvis.
    "u_checkboxes": dict(
        layout="header", boxes=["Ja", "Nej", "Delvis"],
        columns=["Uppföljningsfråga", "Svar", "Kommentar"],
        meta=["Nämnd: Miljö- och byggnämnden", "Besvaras av: Miljöförvaltningen"],
        sections=[
            ("1", "Intern kontroll", [
                Q("Har nämnden följt upp att rutinen för attest av fakturor tillämpas i alla delar av verksamheten?",
                  "Ja", [para(1, 2)]),
                Q("Har alla medarbetare genomgått utbildningen i informationssäkerhet?", "Delvis",
                  [para(2, 3), para(6, 2)]),
                Q("Finns en aktuell risk- och sårbarhetsanalys?", "Nej", [para(9, 1)]),
            ]),
            ("2", "Arbetsmiljö", [
                Q("Har skyddsronder genomförts enligt plan?", "Ja", []),
                Q("Har sjukfrånvaron följts upp per enhet?", "Delvis", [para(7, 2), BULLETS]),
            ]),
        ]),
    # Traffic lights, number called Id, the question called Åtgärd, "Förväntat resultat",
    # the answer Bedömning; rows long enough to break over pages; footer "Sida N av M".
    "u_traffic": dict(
        layout="header", landscape=True,
        columns=["Id", "Åtgärd", "Förväntat resultat", "Bedömning", "Kommentar", "Tidplan"],
        meta=["Förvaltning: Stadsmiljöförvaltningen", "Datum: 2024-09-30"],
        page_header="Stadsmiljöförvaltningen",
        sections=[
            ("3", "Trafiksäkerhet", [
                Q("Bygga om övergångsställen vid skolor", "Grön", [para(0, 6), para(4, 6), para(8, 5)], number="T1",
                  expected="Alla övergångsställen vid skolor är säkrade", extra={"Tidplan": "2024–2025"}),
                Q("Sänka hastigheten i bostadsområden", "Gul", [para(2, 6), para(5, 6), para(1, 6), para(7, 4)],
                  number="T2", expected="30 km/h i alla bostadsområden", extra={"Tidplan": "2025"}),
                Q("Belysa cykelvägar", "Röd", [para(3, 4), para(9, 6)], number="T3", expected="Alla huvudstråk belysta"),
            ]),
            ("4", "Skötsel", [
                Q("Ta bort klotter inom ett dygn", "Grön", [para(6, 5), para(0, 6), para(2, 6)], number="S1",
                  expected="Klotter borta inom 24 timmar", extra={"Tidplan": "Löpande"}),
                Q("Tömma papperskorgar oftare sommartid", "Gul", [para(8, 6), para(3, 5)], number="S2"),
            ]),
        ]),
    # Labelled paragraphs: the labels Ansvarig, Målgrupp, Status, Kommentar/analys, Mål;
    # questions that wrap over several lines; several comment paragraphs and a bullet list.
    "u_labelled": dict(
        layout="labelled", answer_label="Status", audience_label="Ansvarig", comment_label="Kommentar/analys",
        expected_label="Mål",
        meta=["Nämnd: Äldrenämnden", "Datum: 2024-11-15", "Besvaras av: Äldreförvaltningen"],
        page_header="Äldrenämnden",
        # The document has one page: its page header stands once, like a title, and is
        # warned about (as a title above the first heading is) rather than read or dropped.
        format_warnings={".pdf": ["Äldrenämnden"]},
        sections=[
            ("1", "Trygghet i hemtjänsten", [
                Q("Har förvaltningen infört nyckelfria lås hos alla brukare som har hemtjänst och "
                  "som har önskat det under året, även i de områden där leverantören har bytts?", "Genomförd",
                  [para(0, 3), para(4, 2), BULLETS], number="1.1", audience="Hemtjänsten",
                  expected="Nyckelfria lås hos alla som önskar"),
                Q("Har förvaltningen minskat antalet olika medarbetare som besöker varje brukare?", "Påbörjad",
                  [para(2, 4)], number="1.2"),
            ]),
            ("2", "Säkerhet på boenden", [
                Q("Har brandskyddet setts över på samtliga boenden?", "Genomförd", [para(5, 2), para(9, 2)],
                  number="2.1", audience="Fastighetsenheten"),
                Q("Har personalen övat utrymning?", "Ej påbörjad", [para(7, 3)], number="2.2",
                  expected="Övning på varje boende"),
            ]),
        ]),
    # Labelled paragraphs with check boxes for the answer, headings "1" and "1.1", a
    # fulfilment scale; the question numbers are the headings of level three.
    "u_labelled_boxes": dict(
        layout="labelled", boxes=["Uppfyllt", "Delvis uppfyllt", "Ej uppfyllt"], answer_label="Måluppfyllelse",
        audience_label="Berörda", comment_label="Kommentar",
        meta=["Besvaras av: Utbildningsförvaltningen"],
        sections=[
            ("1", "Uppföljning av plan för studiero", []),
            ("1.1", "Mål för grundskolan", [
                Q("Har alla skolor en ordningsregel som eleverna har varit med om att ta fram?", "Uppfyllt",
                  [para(1, 3)], number="1.1.1", audience="Grundskolenämnden"),
                Q("Har andelen elever som upplever studiero ökat?", "Delvis uppfyllt", [para(3, 3), para(8, 2)],
                  number="1.1.2"),
            ]),
            ("1.2", "Mål för gymnasiet", [
                Q("Har gymnasieskolorna infört mobilfria lektioner?", "Ej uppfyllt", [para(6, 2)], number="1.2.1",
                  audience="Gymnasienämnden"),
            ]),
        ]),
    # Headings numbered by the word processor (outline numbering: the numbers are not in
    # the text of the .docx and .odt, only in the PDF and in the copied text); the
    # question column is Fråga, the audience Ansvarig; answers written in lower case.
    "u_outline": dict(
        layout="header", outline=True,
        columns=["Fråga", "Ansvarig", "Svar", "Kommentar"],
        meta=["Förvaltning: Kommunstyrelsens förvaltning"],
        sections=[
            ("1", "Styrning och ledning", []),
            ("1.1", "Internkontroll", [
                Q("Har förvaltningen en aktuell delegationsordning?", "Ja", [para(3, 2)], audience="Kanslichef",
                  spelled="ja"),
                Q("Har avvikelser rapporterats till nämnden varje kvartal?", "Delvis", [para(5, 3), para(0, 2)],
                  audience="Ekonomichef", spelled="DELVIS"),
            ]),
            ("1.2", "Säkerhet", [
                Q("Finns en plan för kontinuitet vid kris?", "Nej", [para(8, 2)], audience="Säkerhetssamordnare"),
            ]),
            ("2", "Medarbetare", [
                Q("Har alla chefer genomgått ledarskapsutbildningen?", "Vet ej", [], audience="HR-chef"),
            ]),
        ]),
    # The two-column layout under other header words (Fråga | Svar och kommentar): the
    # question with its audience and the strategy it follows up on the left, check boxes
    # and the comment on the right.
    "u_two_column": dict(
        layout="two_column", boxes=["Ja", "Nej", "Delvis"], columns=["Fråga", "Svar och kommentar"],
        sections=[
            ("1", "Uppföljning av programmet för social hållbarhet", []),
            ("1.1", "Målområde 1: Goda uppväxtvillkor", [
                Q("Har ni samverkat med skolan kring barn i behov av stöd?", "Ja", [para(0, 3), para(4, 2)],
                  audience="berörda nämnder", reference="Strategi 1:1 Staden ska samordna stödet till barn."),
                Q("Har ni erbjudit feriejobb till alla sökande ungdomar?", "Delvis", [para(6, 3)],
                  reference="Strategi 1:2 Alla unga ska få ett första arbete."),
            ]),
            ("1.2", "Målområde 2: Arbete och försörjning", [
                Q("Har ni anställt personer i arbetsmarknadsinsatser?", "Nej", [para(2, 4)],
                  reference="Strategi 2:1 Staden ska vara en inkluderande arbetsgivare.",
                  expected="Fler personer går från insats till anställning."),
            ]),
        ]),
    # Labelled paragraphs whose comments hold what looks like structure: a numbered list,
    # a sentence ending in '?', a line beginning with a year; answers in lower case.
    "u_tricky": dict(
        layout="labelled", answer_label="Status", audience_label="Ansvarig", comment_label="Kommentar",
        meta=["Nämnd: Byggnadsnämnden", "Datum: 2025-02-03"],
        sections=[
            ("1", "Handläggning", [
                Q("Har handläggningstiderna för bygglov kortats?", "Genomförd",
                  [para(2, 2), "1. Digital ansökan infördes i mars.", "2. Fler handläggare anställdes.",
                   "Varför gick det fortare? Främst tack vare den digitala ansökan."],
                  number="1.1", audience="Bygglovsenheten", spelled="genomförd"),
                Q("Har tillsynsärendena minskat?", "Pågår", ["2024 kom det in fler ärenden än året före.", para(7, 2)],
                  number="1.2", spelled="pågår"),
            ]),
            ("2", "Service", [
                Q("Har e-tjänsterna för medborgarna utvecklats?", "Ej påbörjad", [para(1, 2)], number="2.1",
                  spelled="ej påbörjad"),
            ]),
        ]),
    # Seven columns on a portrait page, so that words and options wrap in narrow cells;
    # header words in capitals; the header row not repeated on later pages; the facts in a
    # small table of their own above the first heading, as many templates put them.
    "u_narrow": dict(
        layout="header", repeat_header=False,
        columns=["NR", "ÅTGÄRD", "ANSVAR", "MÅL", "STATUS", "KOMMENTAR", "TIDPLAN"],
        meta_table=[("Nämnd", "Gymnasienämnden"), ("Datum", "2024-10-01"), ("Besvaras av", "Utbildningsförvaltningen")],
        sections=[
            ("1", "Trygg skolmiljö", [
                Q("Införa närvarande vuxna i korridorerna under raster", "Genomförd", [para(0, 4), para(5, 3)],
                  number="1.1", audience="Rektorer", expected="Vuxna i alla korridorer", extra={"TIDPLAN": "Ht 2024"}),
                Q("Utbilda elevskyddsombud", "Ej påbörjad", [para(3, 5), para(8, 4)], number="1.2",
                  audience="Elevhälsochef", expected="Alla ombud utbildade"),
                Q("Kartlägga otrygga platser på skolgårdarna", "Pågår", [para(6, 6), para(1, 5)], number="1.3",
                  audience="Fastighetsavdelningen", extra={"TIDPLAN": "Vt 2025"}),
            ]),
            ("2", "Studiero", [
                Q("Ta fram gemensamma ordningsregler", "Genomförd", [para(2, 5), para(9, 4), para(4, 3)],
                  number="2.1", audience="Rektorer", expected="Regler på alla skolor"),
            ]),
        ]),
}


# --- the answer key ---------------------------------------------------------------------

def paragraphs(comment):
    out = []
    for c in comment:
        out += c if isinstance(c, list) else [c]
    return out


def expected_json(doc):
    sections, questions = [], []
    for number, title, qs in doc["sections"]:
        sections.append(dict(number=number.rstrip("."), title=title))
        for x in qs:
            ref = x["reference"].split(" ")[1] if x["reference"] else x["number"]
            questions.append(dict(section=number.rstrip("."), text=x["text"], audience=x["audience"],
                                  reference_number=ref, expected_result=x["expected"], answer=x["answer"],
                                  comment="\n\n".join(paragraphs(x["comment"])) or None))
    out = dict(sections=sections, questions=questions)
    if doc.get("warnings"):
        out["warnings"] = doc["warnings"]
    if doc.get("format_warnings"):
        out["format_warnings"] = doc["format_warnings"]
    return out


# --- the document as flat ODF -----------------------------------------------------------

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')

STYLES = """<office:styles>
 <style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.15cm"/>
  <style:text-properties fo:font-size="10pt"/></style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard"
  style:default-outline-level="1"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm"/>
  <style:text-properties fo:font-size="15pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard"
  style:default-outline-level="2"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.2cm"/>
  <style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Standard"
  style:default-outline-level="3"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.2cm"/>
  <style:text-properties fo:font-size="11pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Question" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.3cm"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Th" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-weight="bold"/></style:style>
</office:styles>"""


def outline_style():
    """Outline numbering: Writer numbers the headings itself, "1", "1.1", a space after."""
    levels = "".join(
        f'<text:outline-level-style text:level="{n}" style:num-format="1" text:display-levels="{n}">'
        '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
        '<style:list-level-label-alignment text:label-followed-by="space"/></style:list-level-properties>'
        '</text:outline-level-style>' for n in (1, 2, 3))
    return f'<text:outline-style style:name="Outline">{levels}</text:outline-style>'


def styles(doc):
    return STYLES.replace("</office:styles>", outline_style() + "</office:styles>") if doc.get("outline") else STYLES


def automatic_styles(doc, widths):
    w, h = ("29.7cm", "21cm") if doc.get("landscape") else ("21cm", "29.7cm")
    cols = "".join(f'<style:style style:name="col{i}" style:family="table-column">'
                   f'<style:table-column-properties style:column-width="{x:.2f}cm"/></style:style>'
                   for i, x in enumerate(widths))
    return f"""<office:automatic-styles>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="{w}" fo:page-height="{h}"
  style:print-orientation="{'landscape' if doc.get('landscape') else 'portrait'}" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm"
  fo:margin-left="2cm" fo:margin-right="2cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.3cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="tbl" style:family="table"><style:table-properties style:width="{sum(widths):.2f}cm" table:align="left"/></style:style>
 {cols}
 <style:style style:name="meta" style:family="table"><style:table-properties style:width="10cm" table:align="left"/></style:style>
 <style:style style:name="metacol" style:family="table-column"><style:table-column-properties style:column-width="5cm"/></style:style>
 <style:style style:name="cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style>
 <style:style style:name="head" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:background-color="#dddddd" fo:border="0.5pt solid #000000"/></style:style>
 <text:list-style style:name="bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•">
  <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
   <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.4cm" fo:margin-left="0.6cm"/>
  </style:list-level-properties></text:list-level-style-bullet></text:list-style>
</office:automatic-styles>"""


def master(doc):
    header = f'<style:header><text:p>{escape(doc["page_header"])}</text:p></style:header>' if doc.get("page_header") else ""
    footer = ('<style:footer><text:p>Sida <text:page-number text:select-page="current">1</text:page-number> av '
              '<text:page-count>1</text:page-count></text:p></style:footer>')
    return (f'<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">'
            f'{header}{footer}</style:master-page></office:master-styles>')


def tp(text, style="Standard"):
    return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'


def comment_xml(comment):
    out = ""
    for c in comment:
        if isinstance(c, list):
            out += '<text:list text:style-name="bullets">' + "".join(
                f"<text:list-item>{tp(i)}</text:list-item>" for i in c) + "</text:list>"
        else:
            out += tp(c)
    return out


def boxes(doc, answer, glyphs=("☒", "☐")):
    return " ".join(f"{glyphs[0] if o == answer else glyphs[1]} {o}" for o in doc["boxes"])


def role(column):
    """The role a column's header gives it, in any case ("ÅTGÄRD" as "Åtgärd")."""
    return {"Fråga": "text", "Uppföljningsfråga": "text", "Aktivitet": "text", "Insats": "text", "Åtgärd": "text",
            "Nr": "number", "Id": "number", "Ansvarig": "audience", "Ansvar": "audience", "Målgrupp": "audience",
            "Mål": "expected", "Förväntat resultat": "expected", "Status": "answer", "Måluppfyllelse": "answer",
            "Bedömning": "answer", "Svar": "answer", "Kommentar/analys": "comment", "Redovisning": "comment",
            "Kommentar": "comment"}.get(column[:1] + column[1:].lower(), "extra")


def cell_paragraphs(doc, column, x):
    """The cell's content as a list of paragraphs (a bullet list as a list)."""
    r = role(column)
    if r == "comment":
        return x["comment"]
    if r == "extra":
        v = x["extra"].get(column)
    else:
        v = x[r]
    if r == "answer" and doc.get("boxes"):
        return [boxes(doc, v)]
    if r == "answer":
        v = x["spelled"]
    return [v] if v else []


def widths_of(doc):
    total = 25.7 if doc.get("landscape") else 17.0
    if doc["layout"] == "two_column":
        return [total / 2, total / 2]
    weights = [{"number": 1.4, "answer": 3.2 if doc.get("boxes") else 2.4, "text": 4.5, "comment": 8.0,
                "audience": 3.0, "expected": 3.5, "extra": 2.2}[role(c)] for c in doc.get("columns", [])]
    return [total * w / sum(weights) for w in weights] if weights else [total]


def heading_xml(doc, number, title):
    level = len(number.rstrip(".").split("."))
    text = escape(title) if doc.get("outline") else f"{escape(number)} {escape(title)}"
    return f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">{text}</text:h>'


def two_column_cells(doc, x):
    """The two-column layout's cells: question (audience), strategy and expected result on
    the left; the answer and the comment on the right."""
    left = [x["text"] + (f" ({x['audience']})" if x["audience"] else ""), x["reference"]]
    if x["expected"]:
        left.append("Förväntat resultat: " + x["expected"])
    answer = boxes(doc, x["answer"]) if doc.get("boxes") else x["spelled"]
    return left, [answer] + x["comment"]


def meta_table_xml(doc):
    rows = "".join(f'<table:table-row><table:table-cell table:style-name="cell" office:value-type="string">{tp(k)}'
                   f'</table:table-cell><table:table-cell table:style-name="cell" office:value-type="string">{tp(v)}'
                   f'</table:table-cell></table:table-row>' for k, v in doc["meta_table"])
    return (f'<table:table table:name="Uppgifter" table:style-name="meta"><table:table-column table:style-name="metacol"/>'
            f'<table:table-column table:style-name="metacol"/>{rows}</table:table>')


def body_xml(doc, widths):
    out = [tp(line) for line in doc.get("meta", [])]
    if doc.get("meta_table"):
        out.append(meta_table_xml(doc))
    for number, title, qs in doc["sections"]:
        out.append(heading_xml(doc, number, title))
        if not qs:
            continue
        if doc["layout"] == "two_column":
            cols = "".join(f'<table:table-column table:style-name="col{i}"/>' for i in range(len(widths)))
            head = "<table:table-header-rows><table:table-row>" + "".join(
                f'<table:table-cell table:style-name="head" office:value-type="string">{tp(c, "Th")}</table:table-cell>'
                for c in doc["columns"]) + "</table:table-row></table:table-header-rows>"
            rows = ""
            for x in qs:
                rows += "<table:table-row>" + "".join(
                    f'<table:table-cell table:style-name="cell" office:value-type="string">{comment_xml(c)}</table:table-cell>'
                    for c in two_column_cells(doc, x)) + "</table:table-row>"
            out.append(f'<table:table table:name="Tabell{len(out)}" table:style-name="tbl">{cols}{head}{rows}</table:table>')
        elif doc["layout"] == "header":
            cols = "".join(f'<table:table-column table:style-name="col{i}"/>' for i in range(len(widths)))
            head = "<table:table-row>" + "".join(
                f'<table:table-cell table:style-name="head" office:value-type="string">{tp(c, "Th")}</table:table-cell>'
                for c in doc["columns"]) + "</table:table-row>"
            if doc.get("repeat_header", True):
                head = f"<table:table-header-rows>{head}</table:table-header-rows>"
            rows = ""
            for x in qs:
                rows += "<table:table-row>" + "".join(
                    f'<table:table-cell table:style-name="cell" office:value-type="string">'
                    f'{comment_xml(cell_paragraphs(doc, c, x)) or tp("")}</table:table-cell>'
                    for c in doc["columns"]) + "</table:table-row>"
            out.append(f'<table:table table:name="Tabell{len(out)}" table:style-name="tbl">{cols}{head}{rows}</table:table>')
        else:
            for x in qs:
                out += [tp(line, "Question" if i == 0 else "Standard") for i, line in enumerate(labelled_lines(doc, x))]
                if x["comment"]:
                    out.append(comment_xml(x["comment"][1:]))
    return "".join(out)


def labelled_lines(doc, x, glyphs=("☒", "☐")):
    """The labelled paragraphs up to the first comment paragraph."""
    out = [f"{x['number']} {x['text']}"]
    if x["audience"]:
        out.append(f"{doc['audience_label']}: {x['audience']}")
    if x["expected"]:
        out.append(f"{doc['expected_label'] if 'expected_label' in doc else 'Förväntat resultat'}: {x['expected']}")
    answer = boxes(doc, x["answer"], glyphs) if doc.get("boxes") else x["spelled"]
    out.append(f"{doc['answer_label']}: {answer}")
    if x["comment"]:
        first = x["comment"][0]
        out.append(f"{doc['comment_label']}: {first}")
    return out


def write_fodt(path, doc):
    widths = widths_of(doc)
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><office:document {NS} office:version="1.3" '
           f'office:mimetype="application/vnd.oasis.opendocument.text">{styles(doc)}{automatic_styles(doc, widths)}'
           f'{master(doc)}<office:body><office:text>{body_xml(doc, widths)}</office:text></office:body></office:document>')
    path.write_text(xml)


# --- the spreadsheet --------------------------------------------------------------------

def header_row_cells(doc, x, lines_of):
    """One question's cells in a header-row table, each cell's paragraphs as lines_of writes them."""
    cells = []
    for c in doc["columns"]:
        if role(c) == "answer" and doc.get("boxes"):
            cells.append(boxes(doc, x["answer"], ("[x]", "[ ]")))
        else:
            cells.append("\n".join(lines_of(cell_paragraphs(doc, c, x))))
    return cells


def column_letter(i):
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i]


def write_xlsx(path, doc):
    """One sheet, as Excel saves it: strings in a shared table, a cell's paragraphs as line
    breaks inside it; the metadata lines, then per section its heading and, when it has
    questions, the header row and a row per question."""
    strings, rows = [], []

    def sid(text):
        if text not in strings:
            strings.append(text)
        return strings.index(text)

    def row(cells):
        n = len(rows) + 1
        rows.append(f'<row r="{n}">' + "".join(
            f'<c r="{column_letter(i)}{n}" t="s"><v>{sid(c)}</v></c>' for i, c in enumerate(cells) if c) + "</row>")

    for line in doc.get("meta", []):
        row([line])
    for k, v in doc.get("meta_table", []):
        row([k, v])
    for number, title, qs in doc["sections"]:
        row([])
        row([f"{number} {title}"])
        if qs:
            row(doc["columns"])
        for x in qs:
            row(header_row_cells(doc, x, paragraphs))
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    sst = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{main}" count="{len(strings)}" '
           f'uniqueCount="{len(strings)}">' + "".join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in strings)
           + "</sst>")
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{main}">'
             f'<sheetData>{"".join(rows)}</sheetData></worksheet>')
    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{main}" xmlns:r="{rel}">'
                '<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wrels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{pkg}">'
             f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
             f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{pkg}">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", wrels)
        z.writestr("xl/sharedStrings.xml", sst)
        z.writestr("xl/worksheets/sheet1.xml", sheet)


# --- the plain text ---------------------------------------------------------------------

def write_txt(path, doc):
    """As a document copied out of Word as plain text: tables as tab-separated rows, a
    cell's paragraphs on lines of their own within the row, bullets as "•", boxes as [x]."""
    lines = list(doc.get("meta", [])) + [f"{k}\t{v}" for k, v in doc.get("meta_table", [])] + [""]

    def flat(comment):
        out = []
        for c in comment:
            out += [f"• {i}" for i in c] if isinstance(c, list) else [c]
        return out

    for number, title, qs in doc["sections"]:
        lines += [f"{number} {title}", ""]
        if not qs:
            continue
        if doc["layout"] == "two_column":
            lines.append("\t".join(doc["columns"]))
            for x in qs:
                left, right = two_column_cells(doc, x)
                if doc.get("boxes"):
                    right[0] = boxes(doc, x["answer"], ("[x]", "[ ]"))
                lines += ("\n".join(flat(left)) + "\t" + "\n".join(flat(right))).split("\n")
            lines.append("")
        elif doc["layout"] == "header":
            lines.append("\t".join(doc["columns"]))
            for x in qs:
                lines += "\t".join(header_row_cells(doc, x, flat)).split("\n")
            lines.append("")
        else:
            for x in qs:
                lines += labelled_lines(doc, x, ("[x]", "[ ]"))
                for c in flat(x["comment"][1:]):
                    lines += ["", c] if not c.startswith("•") else [c]
                lines.append("")
    path.write_text("\n".join(lines) + "\n")


# --- all of it --------------------------------------------------------------------------

def soffice(target, files, outdir):
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", target,
                        "--outdir", str(outdir)] + [str(f) for f in files], check=True, capture_output=True)


def main():
    only = [a for a in sys.argv[1:] if not a.startswith("--")] or list(DOCS)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        texts = []
        for name in only:
            doc = DOCS[name]
            (HERE / f"{name}.expected.json").write_text(json.dumps(expected_json(doc), ensure_ascii=False, indent=1) + "\n")
            # Copied as text, a two-column table whose cells have several paragraphs cannot
            # tell the last paragraphs of a row's comment from the next row's question; the
            # importer warns where a row begins with its strategy, but cannot know more.
            if doc["layout"] != "two_column":
                write_txt(HERE / f"{name}.txt", doc)
            write_fodt(tmp / f"{name}.fodt", doc)
            texts.append(tmp / f"{name}.fodt")
            if doc["layout"] == "header":
                write_xlsx(HERE / f"{name}.xlsx", doc)
        if "--no-office" in sys.argv:
            return
        soffice("docx:MS Word 2007 XML", texts, HERE)
        soffice("odt", texts, HERE)
        soffice("pdf", texts, HERE)
        # The PDF printed from the .docx as well (NAME.docx.pdf): Word's bullets and
        # paragraph spacing come out of LibreOffice's Word import otherwise than its own.
        docx = [HERE / f"{name}.docx" for name in only]
        soffice("pdf", docx, tmp)
        for name in only:
            (tmp / f"{name}.pdf").replace(HERE / f"{name}.docx.pdf")


if __name__ == "__main__":
    main()
