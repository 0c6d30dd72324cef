"""The decision memo as PDF (fpdf2), for attaching to a decision.

The text is set in DejaVu Sans, embedded from matplotlib's data folder (installed
with Rasa; no download), so every letter a description may hold prints as itself (Ł, Š, Ŋ
as well as å, ä, ö and ” – …); the PDF's built-in fonts know only Latin-1.
Left-aligned, because justified text in a narrow column leaves holes that make
Swedish compounds hard to read; the language is Swedish for screen readers.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from typing import Any

from fpdf import FPDF

from asf import pdf_lines
from asf.guidance.colours import VERDICT_COLOURS, Colours
from asf.memo.document import Block, Entry, Fields, Heading, Items, Paragraph, quotes

FONT = "DejaVuSans"
_FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
INDENT = 7.0  # mm: the hanging indent of list items
RGB = tuple[int, int, int]
TEXT: RGB = (26, 26, 26)
MUTED: RGB = (74, 74, 74)


class FontMissing(RuntimeError):
    """matplotlib's fonts are not where they should be (it is installed with Rasa)."""


# Where else DejaVu Sans is found: Debian's fonts-dejavu-core, for a slim action-server image without matplotlib.
SYSTEM_FONTS = Path("/usr/share/fonts/truetype/dejavu")


def font_folder() -> Path:
    """matplotlib's TrueType folder (found without importing matplotlib, which is slow), else Debian's."""
    spec = importlib.util.find_spec("matplotlib")
    folders = [Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf"] if spec and spec.origin else []
    for folder in [*folders, SYSTEM_FONTS]:
        if all((folder / name).is_file() for name in _FONT_FILES.values()):
            return folder
    raise FontMissing(
        "Typsnittet DejaVu Sans saknas: det följer med paketet matplotlib (kör 'make install') "
        "eller Debianpaketet fonts-dejavu-core."
    )


def _rgb(colour: str) -> RGB:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


class _Memo(FPDF):
    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FONT, size=9)
        self.set_text_color(*MUTED)
        # {nb} is fpdf2's alias for the number of pages, filled in when the document is closed.
        self.cell(0, 5, f"Sida {self.page_no()} av {{nb}}", align="R")


def render(blocks: list[Block], title: str, day: dt.date, verdict: Any = None) -> bytes:
    document = _Memo(format="A4")
    folder = font_folder()
    for style, name in _FONT_FILES.items():
        document.add_font(FONT, style=style, fname=str(folder / name))
    document.set_title(title)
    document.set_lang("sv")
    # The memo's date, not the second it was made: the same result gives the same file all day.
    document.set_creation_date(dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc))
    document.set_margins(20, 18, 20)
    document.set_auto_page_break(auto=True, margin=20)
    document.add_page()
    colours = next((c for v, c in VERDICT_COLOURS.items() if v == verdict), None)
    writer = _Writer(document, colours)
    for block in blocks:
        writer.block(block)
    return bytes(document.output())


class _Writer:
    def __init__(self, document: FPDF, colours: Colours | None) -> None:
        self.pdf = document
        self.colours = colours
        self.quoted: set[str] = set()  # citations whose quote is printed already
        self.widths: pdf_lines.Widths = {}  # characters measured for line breaking, for this document

    def text(self, text: str, size: float = 10.5, style: str = "", x: float | None = None, colour: RGB = TEXT) -> None:
        pdf = self.pdf
        left = pdf.l_margin if x is None else x
        pdf.set_x(left)
        pdf.set_font(FONT, style=style, size=size)
        pdf.set_text_color(*colour)
        pdf_lines.paragraph(pdf, pdf.w - pdf.r_margin - left, size * 0.5, text, self.widths)

    def block(self, block: Block) -> None:
        pdf = self.pdf
        if isinstance(block, Heading):
            if block.level > 1 and pdf.get_y() > pdf.page_break_trigger - 30:
                pdf.add_page()  # a heading never stands alone at the foot of a page
            size = {1: 16.0, 2: 13.0}.get(block.level, 11.5)
            pdf.ln({1: 0.0, 2: 4.0}.get(block.level, 2.5))
            self.text(block.text, size=size, style="B")
            pdf.ln(2.0 if block.level == 1 else 1.5)
        elif isinstance(block, Fields):
            self.fields(block)
        elif isinstance(block, Paragraph):
            self.paragraph(block)
        else:
            self.items(block)

    def fields(self, block: Fields) -> None:
        pdf = self.pdf
        for label, value in block.rows:
            pdf.set_font(FONT, style="B", size=10)
            pdf.set_text_color(*TEXT)
            pdf.cell(50, 6 if value else 7, f"{label}:")
            pdf.set_font(FONT, size=10)
            if value:
                pdf_lines.paragraph(pdf, pdf.w - pdf.r_margin - pdf.get_x(), 6, value, self.widths)
            else:  # an empty value is a line to write on
                pdf.multi_cell(80, 7, "", border="B", align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.5)
        pdf.ln(3)

    def paragraph(self, block: Paragraph) -> None:
        pdf = self.pdf
        top = pdf.get_y()
        if block.note:
            self.text(block.text, size=9.5, style="I", x=pdf.l_margin + 4, colour=MUTED)
            pdf.set_draw_color(118, 118, 118)
            pdf.set_line_width(0.8)
            pdf.line(pdf.l_margin + 1, top, pdf.l_margin + 1, pdf.get_y())
        elif block.verdict and self.colours is not None:
            self.text(block.text, size=12, style="B", x=pdf.l_margin + 4)
            pdf.set_fill_color(*_rgb(self.colours.stroke))
            pdf.rect(pdf.l_margin, top, 1.8, pdf.get_y() - top, style="F")
        else:
            self.text(block.text)
        pdf.ln(2)

    def items(self, block: Items) -> None:
        for number, entry in enumerate(block.entries, start=1):
            self.item(f"{number}." if block.numbered else "•", entry)
        self.pdf.ln(1)

    def item(self, mark: str, entry: Entry) -> None:
        pdf = self.pdf
        inner = pdf.l_margin + INDENT
        pdf.set_font(FONT, size=10.5)
        pdf.set_text_color(*TEXT)
        pdf.cell(INDENT, 5.25, mark)
        if entry.lead:
            self.text(entry.lead, style="B", x=inner)
        self.text(entry.text, x=inner)
        if entry.cites:
            self.text(f"({'; '.join(str(c['text']) for c in entry.cites)})", size=9, style="I", x=inner, colour=MUTED)
        # Beside a citation, what the guidance says there (a quote), so the memo can be checked on paper;
        # once in the text and once in the list of citations, not beside every statement that cites it.
        for cite in quotes(entry, self.quoted):
            pdf.ln(0.8)
            text = f"”{cite['quote']}”" if entry.source else f"{cite['text']}: ”{cite['quote']}”"
            self.text(text, size=9, style="I", x=inner + 4, colour=MUTED)
        pdf.ln(1.5)
