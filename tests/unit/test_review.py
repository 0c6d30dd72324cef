"""The review pack for a jurist (asf/guidance/review.py, `make granskning`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from pathlib import Path

import pytest

from asf.guidance import document
from asf.guidance.document import Heading, Items, Statement, Text
from asf.guidance.engine import walk
from asf.guidance.loader import load_tree
from asf.guidance.model import Tree
from asf.guidance.review import grouped, path_text, paths, review_blocks, write
from asf.guidance.treetext import generic, tree_blocks

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tree() -> Tree:
    return load_tree(ROOT / "content" / "tree.yml")


@pytest.fixture(scope="module")
def page(tree: Tree) -> str:
    return document.html_page("Granskning", review_blocks(tree))


@pytest.fixture(scope="module")
def written(tree: Tree, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The pack written once: making its PDF takes seconds, so the tests share it."""
    return write(tree, tmp_path_factory.mktemp("review") / "granskning", date=dt.date(2026, 12, 1))


def outcome_part(page: str, outcome_id: str) -> str:
    """The HTML of one outcome: from its heading to the next outcome's (or the tree as text)."""
    start = page.index(f'id="utfall-{outcome_id}"')
    end = page.find('<h3 id="utfall-', start + 1)
    return page[start : end if end != -1 else page.index('id="tradet"')]


def statements(part: str) -> list[str]:
    return re.findall(r'<div class="statement[^"]*">.*?</div>', part)


def test_every_outcome_has_its_verdict_and_every_statement_its_quotes(tree: Tree, page: str) -> None:
    for outcome in tree.outcomes.values():
        part = outcome_part(page, outcome.id)
        assert html.escape(outcome.title) in part
        assert f"(id {outcome.id})" in part
        divs = statements(part)
        expected = [*outcome.reasons, *outcome.conditions]
        assert len(divs) == len(expected), outcome.id
        for div, statement in zip(divs, expected, strict=True):
            assert html.escape(generic(tree, statement.text)) in div
            for cite in statement.cites:
                if cite.law is not None:
                    law = tree.index.laws[cite.law]
                    assert html.escape(law.text) in div if law.text else document.NO_TEXT in div
                    continue
                assert cite.section is not None
                section = tree.index.sections[cite.section]
                place = section.points[cite.point] if cite.point else section.paragraphs[cite.paragraph or 0]
                assert f"”{html.escape(place.quote)}”" in div, (outcome.id, cite)


def test_every_reading_is_flagged_and_nothing_else(tree: Tree, page: str) -> None:
    flagged = 0
    for outcome in tree.outcomes.values():
        divs = statements(outcome_part(page, outcome.id))
        for div, statement in zip(divs, [*outcome.reasons, *outcome.conditions], strict=True):
            assert ('class="statement reading"' in div) == statement.reading
            assert (document.READING in div) == statement.reading
            flagged += statement.reading
    assert flagged >= 8  # the real tree marks its readings; a pack flagging none would pass otherwise
    assert f"varav {flagged} markerade som tolkning" in page


def test_the_paths_to_a_known_outcome(tree: Tree, page: str) -> None:
    found = paths(tree)
    # Only a next_if route leads to this outcome: the handledare employed by the company.
    to_handledare = found["handledare_hos_foretaget"]
    assert to_handledare
    assert all(w.used["handledare_anstalld"] == "hos_foretaget" for w in to_handledare)
    assert all(w.used["pengavag"] in {"via_part", "vet_inte"} for w in to_handledare)
    chosen = {
        "vem": "deltagare",
        "malgrupp": "ja",
        "insats_typ": "handledare",
        "handledare_anstalld": "hos_foretaget",
        "utforare": "kommunen",
        "pengavag": "via_part",
    }
    assert chosen in [dict(w.used) for w in to_handledare]
    # Every path the pack lists reaches its outcome when the engine walks it, and none is missed.
    for outcome_id, walks in found.items():
        for current in walks:
            assert walk(tree, current.used).outcome == tree.outcomes[outcome_id]
    assert sum(len(w) for w in found.values()) > 100
    part = outcome_part(page, "strukturell_villkor")
    assert "En annan insats för kunskap eller samverkan" in part and "Förbundet eller parterna" in part
    lines = [path_text(p) for p in grouped(found["handledare_hos_foretaget"])]
    assert any("”Via kommunen”" in line and "”Hos det sociala företaget”" in line for line in lines)
    assert all(html.escape(line) in outcome_part(page, "handledare_hos_foretaget") for line in lines)


def test_grouping_keeps_every_path(tree: Tree) -> None:
    for walks in paths(tree).values():
        expanded = set()
        for path in grouped(walks):
            combos: list[tuple[tuple[str, str], ...]] = [()]
            for short, answers in path:
                combos = [(*c, (short, a)) for c in combos for a in answers]
            expanded |= set(combos)
        assert len(expanded) == len(walks)


def test_the_tree_as_text_has_every_question_help_option_and_outcome(tree: Tree, page: str) -> None:
    text = document.markdown(tree_blocks(tree))
    for question in tree.questions.values():
        assert question.text in text and " ".join(question.help.split()) in text
        for option in question.options:
            assert generic(tree, option.label) in text
    for outcome in tree.outcomes.values():
        assert outcome.title in text
    assert "men om svaret på frågan om var handledaren är anställd var ”Hos det sociala företaget”" in text
    assert page.count('id="fraga-') == len(tree.questions)  # the pack ends with the same text


def test_the_pdf_prints_swedish_letters(tree: Tree) -> None:
    assert document.latin1("Åsa på ön, 2 § och ”citat” – klart → nästa «svar»") == (
        'Åsa på ön, 2 § och "citat" - klart -> nästa «svar»'
    )
    texts = []
    for block in review_blocks(tree):
        if isinstance(block, Heading | Text):
            texts.append(block.text)
        elif isinstance(block, Items):
            texts += block.items
        elif isinstance(block, Statement):
            texts += [block.text, *(q.text or "" for q in block.quotes), *(q.place for q in block.quotes)]
    assert any("å" in t for t in texts) and any("Ö" in t or "ö" in t for t in texts)
    # Nothing becomes "?" for want of a glyph.
    assert [t for t in texts if document.latin1(t).count("?") != t.count("?")] == []


def test_the_command_writes_html_pdf_and_text(tree: Tree, written: list[Path]) -> None:
    assert [p.name for p in written] == ["granskning.html", "beslutstrad.md", "granskning.pdf"]
    assert written[2].read_bytes().startswith(b"%PDF")
    assert written[0].read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    # The same blocks and date give the same bytes (no time stamp or random id); a short pack shows it.
    blocks = review_blocks(tree)[:12]
    day = dt.date(2026, 12, 1)
    assert document.pdf("x", blocks, day) == document.pdf("x", blocks, day)


def test_an_unreachable_outcome_says_so(tree: Tree) -> None:
    outcomes = {**tree.outcomes}
    extra = dataclasses.replace(tree.outcomes["utanfor_vagledningen"], id="ingen_vag", title="Ingen väg")
    outcomes["ingen_vag"] = extra
    page = document.html_page("x", review_blocks(dataclasses.replace(tree, outcomes=outcomes)))
    assert "Ingen väg av svar leder hit." in outcome_part(page, "ingen_vag")


def test_the_pdf_reads_back_with_swedish_letters_and_flags(tree: Tree, written: list[Path]) -> None:
    import pypdf

    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(written[2]).pages)
    assert "Översikt" in text and f"Beslutsträdets version {tree.version}" in text
    readings = sum(s.reading for o in tree.outcomes.values() for s in (*o.reasons, *o.conditions))
    assert text.count("[TOLKNING]") == readings + 1  # once more where the introduction explains the mark
    assert "Handledare som är anställd hos det sociala företaget" in text
    assert "?" not in text.replace("?”", "").replace('?"', "").replace("? ", "")
