"""One list of result sections (asf/guidance/sections.py) drives the chat text,
the decision memo and the web card; the page knows the result by its payload type."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from pathlib import Path
from typing import Any

import pytest

from asf import dialogue, memo
from asf.guidance import sections
from asf.guidance.engine import walk
from asf.guidance.explain import result_id, result_payload, result_text
from asf.guidance.model import Tree
from asf.turns import Message, State

ROOT = Path(__file__).resolve().parents[2]
CHAT_JS = (ROOT / "web" / "chat.js").read_text(encoding="utf-8")
DAY = dt.date(2026, 11, 28)
# "kan finansieras på villkor": reasons, conditions, route, next steps and citations.
CONDITIONAL = {
    "vem": "deltagare",
    "malgrupp": "ja",
    "insats_typ": "arbetsforberedande",
    "utforare": "regionen",
    "pengavag": "via_part",
}
# "bör inte finansieras": with an alternative instead of a route.
NOT_FINANCEABLE = {"vem": "foretaget", "stod_till_foretag": "medlem", "medlem_vem": "forbundet"}


def positions(text: str, needles: list[str]) -> list[int]:
    found = [text.find(needle) for needle in needles]
    assert -1 not in found, (needles, found)
    return found


def is_increasing(numbers: list[int]) -> bool:
    return all(a < b for a, b in itertools.pairwise(numbers))


@pytest.mark.parametrize("answers", [CONDITIONAL, NOT_FINANCEABLE])
def test_the_three_renderings_follow_a_changed_section_list(
    tree: Tree, answers: dict[str, str], monkeypatch: pytest.MonkeyPatch
):
    # A copy in another order (citations first, verdict last) with headings of its own.
    shuffled = tuple(
        dataclasses.replace(section, heading=f"Rubrik {section.key}", memo_heading=None)
        for section in (*sections.SECTIONS[-1:], *reversed(sections.SECTIONS[:-1]))
    )
    monkeypatch.setattr(sections, "SECTIONS", shuffled)
    result = result_payload(tree, walk(tree, answers))

    # The web card: the payload carries the sections, in the copy's order, with its headings.
    shown = [part["key"] for part in result["sections"]]
    assert shown == [s.key for s in shuffled if s.key == "verdict" or result.get(s.key)]
    # The verdict's heading is the verdict as a sentence, whatever the section is called.
    assert [part["heading"] for part in result["sections"]][-1] == result["verdict_sentence"]
    headings = [f"Rubrik {key}" for key in shown]

    # The chat text: the same order, without the citation list (the chat cites beside each statement).
    text = result_text(tree, walk(tree, answers))
    in_chat = [result["verdict_sentence"] if h == "Rubrik verdict" else h for h in headings if h != "Rubrik cites"]
    assert is_increasing(positions(text, in_chat))
    assert "Rubrik cites" not in text
    assert text.startswith("Rubrik next_steps:\n- ")
    assert text.endswith(f"{result['title']}: {result['verdict_sentence']}\n\n{sections.NOTE}")

    # The memo: the same order, as Markdown headings.
    document = memo.markdown(result, DAY)
    memo_headings = re.findall(r"^#+ (Rubrik \w+)", document, flags=re.MULTILINE)
    assert memo_headings == headings
    assert "## Rubrik cites" in document and "### Rubrik reasons" in document


def test_the_sections_keep_what_users_saw(tree: Tree):
    result = result_payload(tree, walk(tree, CONDITIONAL))
    assert [(p["key"], p["heading"], p["form"]) for p in result["sections"]] == [
        ("verdict", "Förbundet kan finansiera insatsen på villkor.", "headline"),
        ("reasons", "Skäl", "numbered"),
        ("conditions", "Villkor", "numbered"),
        ("route", "Så går finansieringen", "paragraph"),
        ("next_steps", "Nästa steg", "bullets"),
        ("cites", "Hänvisningar till vägledningen", "bullets"),
    ]
    assert result["sections"][1]["items"] == result["reasons"]
    assert result["sections"][-1]["items"] == [
        {"text": cite["text"], "quote": cite["quote"], "url": cite["url"]} for cite in result["cites"]
    ]
    assert result["note"] == "Det här är ett stöd inför ett beslut, inte ett beslut."
    text = result_text(tree, walk(tree, CONDITIONAL))
    assert text.startswith("Insats för deltagare genom en part: Förbundet kan finansiera insatsen på villkor.\n\n")
    assert "\n\nSkäl:\n1. " in text and "\n\nVillkor:\n1. " in text and "\n\nSå går finansieringen: " in text
    document = memo.markdown(result, DAY)
    for heading in ["## Bedömning", "### Skäl", "### Villkor", "### Nästa steg"]:
        assert f"\n{heading}\n" in document
    assert "\n## Bedömning\n\nFörbundet kan finansiera insatsen på villkor.\n" in document
    assert "\n## Hänvisningar\n" in document


def test_a_result_stored_before_sections_and_ids_gives_the_same_memo(tree: Tree):
    result = result_payload(tree, walk(tree, CONDITIONAL))
    older = {k: v for k, v in result.items() if k not in ("id", "sections", "note")}
    assert memo.markdown(older, DAY) == memo.markdown(result, DAY)
    assert memo.payload(older, DAY)["result_id"] == result["id"]


def test_the_web_card_has_no_headings_of_its_own_and_knows_the_result_by_its_type():
    assert "Bedömning" not in CHAT_JS  # neither a heading nor the old "Bedömning:" text prefix
    text_tests = re.findall(r"(?:textContent|\.text)\s*\.\s*(?:indexOf|startsWith|includes|match|search)\(", CHAT_JS)
    assert text_tests == []
    for section in sections.SECTIONS:
        assert section.heading not in CHAT_JS, section.heading
    assert sections.NOTE not in CHAT_JS
    assert 'm.custom.type === "assessment_result"' in CHAT_JS
    assert "r.sections" in CHAT_JS


def custom_of(replies: list[Any], kind: str) -> dict[str, Any]:
    (found,) = [r.custom for r in replies if r.custom and r.custom.get("type") == kind]
    return found  # type: ignore[no-any-return]


def test_the_memo_names_the_result_it_belongs_to():
    _, state = dialogue.start(State())
    replies: list[Any] = []
    for question, choice in NOT_FINANCEABLE.items():
        replies, state = dialogue.answer(
            state, Message(intent="inform", entities={"question": [question], "choice": [choice]})
        )
    result = custom_of(replies, "assessment_result")
    assert re.fullmatch(r"[0-9a-f]{16}", result["id"])
    assert state.last_result is not None and state.last_result["id"] == result["id"]
    again, _ = dialogue.show_result(state)
    assert custom_of(again, "assessment_result")["id"] == result["id"]  # stable when shown again
    replies, _ = dialogue.request_memo(state)
    assert custom_of(replies, "decision_memo")["result_id"] == result["id"]


def test_the_result_id_depends_on_the_answers_and_the_tree_version(tree: Tree):
    first = result_payload(tree, walk(tree, CONDITIONAL))["id"]
    assert result_id(dict(reversed(list(CONDITIONAL.items()))), tree.version) == first
    assert result_id({**CONDITIONAL, "utforare": "kommunen"}, tree.version) != first
    assert result_id(CONDITIONAL, tree.version + "-ny") != first
