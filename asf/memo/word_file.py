"""The decision memo as a Word document (.docx, python-docx), for boards that write their papers in Word.

Lists are written with their numbers as text and a hanging indent: Word's own
list styles share one numbering across a document, so the reasons would go on
counting from the last question. Page numbers are Word fields ("Sida 1 av 3"),
filled in by Word when it lays out the pages.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from asf.guidance.explain import is_link
from asf.memo.document import Block, Entry, Fields, Heading, Items, Paragraph, quotes

LANGUAGE = "sv-SE"


def render(blocks: list[Block], title: str, day: dt.date) -> bytes:
    # Imported here: only a memo needs python-docx and lxml, not every process that imports asf.
    from docx import Document
    from docx.shared import Cm, Pt

    document = Document()
    document.core_properties.title = title
    document.core_properties.language = LANGUAGE
    # The date of the memo, not the second it was written: the same result gives the same file all day.
    moment = dt.datetime.combine(day, dt.time())
    document.core_properties.created = document.core_properties.modified = moment
    for style in ("Normal", "Heading 1", "Heading 2", "Heading 3"):
        _language(document.styles[style].element)
    document.styles["Normal"].font.size = Pt(11)
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(2.2)
    _page_numbers(section.footer.paragraphs[0])
    printed: set[str] = set()  # citations whose quote is written already
    for block in blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, level=block.level if block.level > 1 else 0)
        elif isinstance(block, Fields):
            _fields(document, block)
        elif isinstance(block, Paragraph):
            paragraph = document.add_paragraph()
            run = paragraph.add_run(block.text)
            run.italic = block.note
            run.bold = block.verdict
            if block.note:
                paragraph.paragraph_format.left_indent = Cm(0.6)
        else:
            _items(document, block, printed)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _language(element: Any) -> None:
    """Swedish spelling and hyphenation for a style (w:lang), so Word does not mark every word."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = element.get_or_add_rPr()
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), LANGUAGE)


def _field(paragraph: Any, code: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {code} \\* MERGEFORMAT ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"  # shown until Word updates the field
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _page_numbers(paragraph: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run("Sida ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" av ")
    _field(paragraph, "NUMPAGES")


def _fields(document: Any, block: Fields) -> None:
    from docx.shared import Cm

    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in block.rows:
        cells = table.add_row().cells
        cells[0].width, cells[1].width = Cm(5), Cm(11)
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].add_run(value)  # empty: a field to fill in
    document.add_paragraph()


def _items(document: Any, block: Items, printed: set[str]) -> None:
    for number, entry in enumerate(block.entries, start=1):
        _item(document, f"{number}." if block.numbered else "•", entry, printed)


def _item(document: Any, mark: str, entry: Entry, printed: set[str]) -> None:
    from docx.shared import Cm, Pt, RGBColor

    paragraph = document.add_paragraph()
    layout = paragraph.paragraph_format
    layout.left_indent = Cm(0.75)
    layout.first_line_indent = Cm(-0.75)
    layout.tab_stops.add_tab_stop(Cm(0.75))
    layout.space_after = Pt(4)
    paragraph.add_run(f"{mark}\t")
    if entry.lead:
        paragraph.add_run(entry.lead).bold = True
        paragraph.add_run(" ")
    if entry.source is not None:
        _link(paragraph, entry.source)
    else:
        paragraph.add_run(entry.text)
    if entry.cites:
        paragraph.add_run(" (").italic = True
        for position, cite in enumerate(entry.cites):
            if position:
                paragraph.add_run("; ").italic = True
            _link(paragraph, cite, italic=True)
        paragraph.add_run(")").italic = True
    # What the guidance says at a citation (the first time it appears, and in the list of citations),
    # so the memo can be checked without the guidance at hand.
    for cite in quotes(entry, printed):
        paragraph.add_run().add_break()
        quote = f"”{cite['quote']}”" if entry.source else f"{cite['text']}: ”{cite['quote']}”"
        run = paragraph.add_run(quote)
        run.italic = True
        run.font.size = Pt(9.5)
        run.font.color.rgb = RGBColor(0x4A, 0x4A, 0x4A)


def _link(paragraph: Any, cite: dict[str, Any], italic: bool = False) -> None:
    """A citation: a link to its place on the guidance page when the address is absolute, else text."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    url = cite.get("url")
    if not is_link(url):
        paragraph.add_run(str(cite["text"])).italic = italic
        return
    relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = paragraph.add_run(str(cite["text"]))
    run.italic = italic
    run.font.underline = True
    run.font.color.rgb = _blue()  # the web page's link colour
    link.append(run._r)  # moves the run into the link
    paragraph._p.append(link)


def _blue() -> Any:
    from docx.shared import RGBColor

    return RGBColor(0x1D, 0x4F, 0x91)
