"""The decision memo comes from the same result as the chat answer and holds all of it."""

from __future__ import annotations

import base64
import datetime as dt
import io
import re
from typing import Any

import docx
import pypdf
import pytest

from asf import dialogue, memo
from asf.guidance.engine import walk
from asf.guidance.explain import result_payload
from asf.guidance.model import Tree
from asf.guidance.sections import READING_NOTE
from asf.privacy import mask
from asf.turns import Message, State
from tests.unit.test_engine import CASES

DAY = dt.date(2026, 11, 28)


def word_text(data: bytes) -> str:
    """The Word file's text: paragraphs (links included), then the table's cells."""
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def pdf_text(data: bytes) -> str:
    """The text of every page, without the page footers ("Sida 1 av 2"), which the extractor may
    place inside a paragraph that runs on to the next page."""
    pages = (page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    return " ".join(re.sub(r"Sida \d+ av \d+", " ", text) for text in pages)


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("answers", [case[0] for case in CASES[::3]])
def test_memo_holds_every_answer_citation_and_statement(tree: Tree, answers):
    result = result_payload(tree, walk(tree, answers))
    text = memo.markdown(result, DAY)
    in_pdf = squash(pdf_text(memo.pdf(result, DAY)))
    in_word = squash(word_text(memo.docx(result, DAY)))
    wanted = [step["question"] for step in result["path"]] + [step["answer"] for step in result["path"]]
    wanted += [cite["text"] for cite in result["cites"]]
    wanted += [item["text"] for item in result["reasons"] + result["conditions"]] + result["next_steps"]
    wanted += [result["verdict_sentence"], "2026-11-28", result["tree_version"], "inte ett beslut"]
    for item in wanted:
        assert item in text
        assert squash(item) in in_pdf, item
        assert squash(item) in in_word, item


def test_swedish_characters_survive_in_the_pdf(tree: Tree):
    answers = {
        "vem": "deltagare",
        "malgrupp": "ja",
        "insats_typ": "arbetsforberedande",
        "utforare": "regionen",
        "pengavag": "via_part",
    }
    text = squash(pdf_text(memo.pdf(result_payload(tree, walk(tree, answers)), DAY)))
    for phrase in [
        "7 § lagen (2003:1210)",
        "Frågor och svar",
        "Hänvisningar",
        "målgrupp",
        "Förbundets pengar ska gå via",
        "Vägledningen, ”Individriktade insatser”, stycke 1",
        "Förbundet kan finansiera insatsen på villkor.",
    ]:
        assert phrase in text


# Letters outside Latin-1 (a core PDF font prints them as "?") and Swedish typography.
BEYOND_LATIN_1 = "Kooperativet i Łódź och Šibenik, ”Ŋ-projektet” – årets ’bästa’ idé … → 10 000 kr"


def test_every_letter_and_mark_survives_in_the_pdf_and_the_word_file(tree: Tree):
    result = result_payload(tree, walk(tree, {"vem": "foretaget", "stod_till_foretag": "pengar"}))
    result["description"] = BEYOND_LATIN_1
    assert BEYOND_LATIN_1 in pdf_text(memo.pdf(result, DAY))
    assert BEYOND_LATIN_1 in word_text(memo.docx(result, DAY))


def test_memo_without_a_description_has_no_description_section(tree: Tree):
    result = result_payload(tree, walk(tree, {"vem": "foretaget", "stod_till_foretag": "pengar"}))
    result["description"] = None  # every answer given by clicking
    for text in (memo.markdown(result, DAY), squash(pdf_text(memo.pdf(result, DAY)))):
        assert "Insatsen" not in text.replace("Insatsen riktar", "")
        assert "beskrevs" not in text
        assert "Frågor och svar" in text
    result["description"] = "Vi vill ge ett startbidrag till ett kafé"
    text = memo.markdown(result, DAY)
    assert "## Insatsen\n\nVi vill ge ett startbidrag till ett kafé" in text


def test_memo_uses_the_masked_description():
    _, state = dialogue.describe(
        State(),
        Message(
            text=mask("Vi vill ge startbidrag till deltagaren Eva 19850312-1234 som vill starta eget kafé"),
            intent="describe_initiative",
        ),
    )
    _, state = dialogue.answer(state, Message(text="ja", intent="affirm"))
    _, state = dialogue.answer(state, Message(text="ja", intent="affirm"))  # målgruppen
    replies, _ = dialogue.request_memo(state)
    document = next(r.custom for r in replies if r.custom)
    assert "[personnummer]" in document["markdown"] and "19850312" not in document["markdown"]
    assert "19850312" not in pdf_text(base64.b64decode(document["pdf_base64"]))


def test_memo_payload_and_chat_text_agree():
    _, state = dialogue.start(State())
    _, state = dialogue.answer(state, Message(intent="inform", entities={"question": ["vem"], "choice": ["annan"]}))
    replies, _ = dialogue.request_memo(state)
    document = next(r.custom for r in replies if r.custom)
    assert document["type"] == "decision_memo" and document["outcome_id"] == "utanfor_vagledningen"
    assert any(r.text == document["markdown"] for r in replies)
    assert base64.b64decode(document["pdf_base64"]).startswith(b"%PDF")


def test_memo_without_a_result_explains_what_to_do():
    replies, _ = dialogue.request_memo(State())
    assert "Gör en bedömning först" in (replies[0].text or "")


BASE = "https://asf.intranat.example/vagledning.html"


@pytest.fixture(scope="module")
def long_result(tree: Tree) -> dict[str, Any]:
    return result_payload(tree, walk(tree, CASES[3][0]), guidance_url=BASE)


# The long memo as PDF and as Word, made once for the tests below that each read a different part of
# it: the files are bytes (nothing a test does changes them), and a PDF takes a third of a CPU second.
@pytest.fixture(scope="module")
def long_pdf(long_result: dict[str, Any]) -> bytes:
    return memo.pdf(long_result, DAY)


@pytest.fixture(scope="module")
def long_docx(long_result: dict[str, Any]) -> bytes:
    return memo.docx(long_result, DAY)


def test_memo_links_every_citation_to_its_place_when_the_address_is_absolute(tree: Tree):
    result = result_payload(tree, walk(tree, CASES[3][0]), guidance_url=BASE)
    text = memo.markdown(result, DAY)
    for cite in result["cites"]:
        link = f"[{cite['text']}]({BASE}#{cite['url'].split('#')[1]})"
        assert link in text  # in the list of citations, and beside each statement and answer
        assert text.count(link) >= 2, cite["key"]
    # A relative address means nothing in a downloaded document: the citation stays text.
    relative = memo.markdown(result_payload(tree, walk(tree, CASES[3][0]), guidance_url="/vagledning.html"), DAY)
    assert "](" not in relative and "/vagledning.html" not in relative


def test_the_pdf_prints_each_quote_beside_its_citation(long_result: dict[str, Any], long_pdf: bytes):
    result = long_result
    in_pdf = squash(pdf_text(long_pdf))
    assert "](" not in in_pdf and BASE not in in_pdf  # no Markdown link syntax on paper
    quoted = [c for c in result["cites"] if c["quote"]]
    assert quoted
    for cite in quoted:  # right after the citation: beside a statement ("…: ”…”") or in the list of citations
        beside = re.escape(squash(cite["text"])) + ":? " + re.escape(squash(f"”{cite['quote']}”"))
        assert re.search(beside, in_pdf), cite["key"]
    # Beside the statement that cites it: a reason's quote follows that reason.
    reason = result["reasons"][0]
    first = reason["cites"][0]
    after = in_pdf.index(squash(reason["text"]))
    assert in_pdf.index(squash(first["quote"]), after) > after


# --- The printed memo: layout, pages, language, fields ---------------------------


def pdf_runs(data: bytes) -> list[tuple[str, str]]:
    """Each piece of text on the PDF's pages with the font it is set in."""
    runs: list[tuple[str, str]] = []

    def visit(text: str, cm: object, tm: object, font: object, size: object) -> None:
        if text.strip() and isinstance(font, dict):
            runs.append((text.strip(), str(font.get("/BaseFont", ""))))

    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return runs


def test_every_page_says_its_number_and_the_number_of_pages(long_pdf: bytes):
    data = long_pdf
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    assert len(pages) >= 2  # a memo long enough to need the count
    for number, page in enumerate(pages, start=1):
        assert f"Sida {number} av {len(pages)}" in page.extract_text()


def test_the_pdf_is_in_swedish_with_an_embedded_unicode_font(long_pdf: bytes):
    reader = pypdf.PdfReader(io.BytesIO(long_pdf))
    assert reader.trailer["/Root"]["/Lang"] == "sv"  # type: ignore[index]
    pages: list[Any] = list(reader.pages)
    fonts = {str(font.get_object()["/BaseFont"]) for page in pages for font in page["/Resources"]["/Font"].values()}
    assert fonts and all("DejaVuSans" in name for name in fonts)
    descriptors = [
        font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        for page in pages
        for font in page["/Resources"]["/Font"].values()
    ]
    assert all("/FontFile2" in descriptor for descriptor in descriptors)  # embedded, not named


def test_questions_are_bold_and_answers_are_not(long_result, long_pdf: bytes):
    runs = pdf_runs(long_pdf)
    question = long_result["path"][0]["question"]
    assert any(question in text and "Bold" in font for text, font in runs)
    assert any(text.startswith("Svar:") and "Bold" not in font for text, font in runs)


def test_the_memo_has_empty_fields_for_diarienummer_and_handlaggare(long_pdf: bytes, long_docx: bytes):
    in_pdf = pdf_text(long_pdf)
    word = docx.Document(io.BytesIO(long_docx))
    rows = {row.cells[0].text: row.cells[1].text for row in word.tables[0].rows}
    for field in ("Diarienummer", "Handläggare"):
        assert f"{field}:" in in_pdf
        assert rows[field] == ""
    assert rows["Datum"] == "2026-11-28"
    assert f"Diarienummer: {DAY.isoformat()}" not in in_pdf  # nothing filled in for the reader


def test_the_word_file_is_swedish_numbers_its_pages_and_links_its_citations(long_result, long_docx: bytes):
    word = docx.Document(io.BytesIO(long_docx))
    assert word.core_properties.language == "sv-SE"
    assert word.styles["Normal"].element.rPr.xml.count('w:val="sv-SE"') == 1
    footer = word.sections[0].footer.paragraphs[0]._p.xml
    assert "Sida " in footer and " av " in footer
    assert footer.index(" PAGE ") < footer.index(" NUMPAGES ")
    links = {rel.target_ref for rel in word.part.rels.values() if rel.reltype.endswith("/hyperlink")}
    assert links == {cite["url"] for cite in long_result["cites"]}
    # Hanging indents: each numbered item's later lines start under its text, not under its number.
    items = [p for p in word.paragraphs if p.text.startswith("1.\t")]
    assert items and all(p.paragraph_format.first_line_indent < 0 < p.paragraph_format.left_indent for p in items)
    questions = [run for p in word.paragraphs for run in p.runs if run.bold]
    assert long_result["path"][0]["question"] in [run.text for run in questions]


def test_the_payload_carries_the_word_file_and_the_blocks_the_page_formats(long_result):
    document = memo.payload(long_result, DAY)
    assert base64.b64decode(document["docx_base64"]).startswith(b"PK")  # a zip, as every .docx
    kinds = [block["kind"] for block in document["document"]]
    assert kinds[:3] == ["heading", "fields", "paragraph"]
    listed = [item for block in document["document"] if block["kind"] == "list" for item in block["items"]]
    assert [item["lead"] for item in listed if item["lead"]] == [step["question"] for step in long_result["path"]]
    beside = {c["text"] for item in listed for c in item["cites"]}
    assert {item["source"]["text"] for item in listed if "source" in item} == {c["text"] for c in long_result["cites"]}
    assert beside <= {c["text"] for c in long_result["cites"]}


def test_the_font_is_found_without_matplotlib_in_debians_folder(monkeypatch: pytest.MonkeyPatch, tmp_path):
    import importlib.util

    from asf.memo import pdf_file

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    monkeypatch.setattr(pdf_file, "SYSTEM_FONTS", tmp_path)
    with pytest.raises(pdf_file.FontMissing, match="fonts-dejavu-core"):
        pdf_file.font_folder()
    for name in pdf_file._FONT_FILES.values():
        (tmp_path / name).write_bytes(b"")
    assert pdf_file.font_folder() == tmp_path


@pytest.mark.parametrize("verdict", ["financeable", "conditional", "not_financeable", "out_of_scope"])
def test_the_verdict_is_marked_in_the_colour_the_diagram_and_the_page_use(tree: Tree, verdict: str):
    from asf.guidance.colours import VERDICT_COLOURS

    answers = next(case[0] for case in CASES if walk(tree, case[0]).outcome.verdict == verdict)  # type: ignore[union-attr]
    reader = pypdf.PdfReader(io.BytesIO(memo.pdf(result_payload(tree, walk(tree, answers)), DAY)))
    drawn = b"".join(page.get_contents().get_data() for page in reader.pages)  # type: ignore[union-attr]
    for name, (_, stroke) in VERDICT_COLOURS.items():
        # As fpdf2 writes a colour: each channel 0–1 with at most four decimals, trailing zeros dropped.
        rgb = " ".join(f"{int(stroke[i : i + 2], 16) / 255:.4f}".rstrip("0").rstrip(".") for i in (1, 3, 5))
        assert (f"{rgb} rg".encode() in drawn) == (name == verdict), name


def test_a_reading_of_the_guidance_is_marked_as_one_in_the_memo_as_in_the_chat(tree: Tree):
    result = result_payload(tree, walk(tree, CASES[3][0]))
    readings = [s["text"] for s in result["reasons"] + result["conditions"] if s["reading"]]
    assert readings  # the case has statements that are our reading
    text = squash(memo.markdown(result, DAY))
    in_pdf = squash(pdf_text(memo.pdf(result, DAY)))
    in_word = squash(word_text(memo.docx(result, DAY)))
    for statement in readings:
        marked = squash(f"{statement} {READING_NOTE}")
        assert marked in text and marked in in_pdf and marked in in_word
    assert text.count(READING_NOTE) == len(readings)
