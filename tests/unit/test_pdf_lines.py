"""asf/pdf_lines.py breaks and sets text exactly as fpdf2's multi_cell does, only faster."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from fpdf import FPDF

from asf import pdf_lines
from asf.guidance.engine import walk
from asf.guidance.explain import result_payload
from asf.guidance.model import Tree
from asf.memo import document, pdf_file
from tests.unit.test_engine import CASES

TRICKY = [
    "",
    "Kort.",
    "Ł Š Ŋ och å ä ö ” – … " * 12,
    "ordmedväldigtlångsammansättningutanmellanslagsomintefårplatspåenradochmåstedelasmittiordet" * 3,
    "två  mellanslag  mellan  orden " * 10 + "och ett på slutet ",
    "7\u00a0§ med hårt mellanslag " * 20,
    "x " * 200,
]


def strings(value: Any) -> list[str]:
    """Every string in a block: its own, its entries', its citations' and quotes'."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    elif hasattr(value, "__dataclass_fields__"):
        value = list(vars(value).values())
    return [s for item in value for s in strings(item)] if isinstance(value, list | tuple) else []


def memo_texts(tree: Tree) -> list[str]:
    """Every text a memo sets, for two results."""
    texts: list[str] = []
    for answers, *_ in CASES[:2]:
        texts += strings(document.blocks(result_payload(tree, walk(tree, answers)), dt.date(2026, 11, 28)))
    return texts


def new_page(font: str) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(dt.datetime(2026, 11, 28, tzinfo=dt.timezone.utc))
    if font == "DejaVuSans":
        pdf.add_font(font, fname=str(pdf_file.font_folder() / "DejaVuSans.ttf"))
    pdf.add_page()
    pdf.set_font(font, size=10.5)
    return pdf


def test_the_lines_are_those_multi_cell_makes(tree: Tree):
    pdf = new_page("DejaVuSans")
    widths: pdf_lines.Widths = {}
    texts = memo_texts(tree)
    assert len(texts) > 60
    # A memo's column, and narrow ones where words must be cut.
    for width, text in [(170.0, t) for t in texts + TRICKY] + [(w, t) for w in (60.0, 9.0) for t in TRICKY]:
        expected = pdf.multi_cell(width, 5, text, align="L", dry_run=True, output="LINES")
        assert pdf_lines.wrap(pdf, text, width, widths) == expected, (width, text)


@pytest.mark.parametrize("font", ["DejaVuSans", "Helvetica"])
def test_a_paragraph_gives_the_same_pdf_as_multi_cell(font: str):
    texts = [t for t in TRICKY if font == "DejaVuSans" or t.isascii()] * (6 if font == "DejaVuSans" else 14)  # pages
    made = []
    for fast in (False, True):
        pdf = new_page(font)
        for text in texts:
            pdf.set_x(pdf.l_margin + 7)
            if fast:
                pdf_lines.paragraph(pdf, 120, 5.25, text)
            else:
                pdf.multi_cell(120, 5.25, text, align="L", new_x="LMARGIN", new_y="NEXT")
        assert pdf.page_no() > 1
        made.append(bytes(pdf.output()))
    assert made[0] == made[1]


def test_text_only_multi_cell_can_set_is_left_to_it():
    pdf = new_page("Helvetica")
    assert pdf_lines.wrap(pdf, "en rad\nen till", 100) is None
    assert pdf_lines.wrap(pdf, "av\u00adstavning", 100) is None
    assert pdf_lines.wrap(pdf, "W", 1) is None  # one character wider than the line
    top = pdf.get_y()
    pdf_lines.paragraph(pdf, 100, 5, "en rad\nen till")
    assert pdf.get_y() == pytest.approx(top + 10)  # two lines, by multi_cell
