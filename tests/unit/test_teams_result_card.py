"""The Teams result card: valid against the Adaptive Card JSON Schema, the web card's
parts in the web card's order, citations linked, buttons generic; and a clicked
question's buttons giving way to the choice."""

from __future__ import annotations

import asyncio
import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from asf.guidance.engine import walk
from asf.guidance.explain import result_payload
from asf.guidance.model import Tree
from asf.guidance.sections import NOTE, READING_NOTE, parts
from channels.core.keyed_lock import KeyedLock
from channels.core.outgoing import Text
from channels.teams.answered import SentCards, answered
from channels.teams.cards import activities
from channels.teams.result_card import QUOTES_TITLE, VERDICT_STYLES, escape, result_card
from tests.unit.test_engine import CASES

SCHEMA = Path(__file__).parent / "schemas" / "adaptive-card-1.5.schema.json"
BASE = "https://asf.example.se/vagledning.html"
FOLLOW_UP = [
    {"title": "Beslutsunderlag", "payload": "/request_memo"},
    {"title": "Ny bedömning", "payload": "/start_assessment"},
    {"title": "Ja, det hjälpte", "payload": '/feedback{"useful":"ja"}'},
]


@cache
def validator() -> jsonschema.Draft6Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft6Validator.check_schema(schema)
    return jsonschema.Draft6Validator(schema)


def validate_card(card: dict[str, Any]) -> None:
    """Raises when `card` is not an Adaptive Card by the official 1.5 schema."""
    errors = sorted(validator().iter_errors(card), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message[:300]}" for e in errors)


def card_texts(activity: dict[str, Any]) -> str:
    """Every TextBlock of an activity's cards (hidden ones too), and its text."""
    found = [str(activity.get("text") or "")]

    def visit(element: Any) -> None:
        if isinstance(element, dict):
            if element.get("type") == "TextBlock":
                found.append(str(element["text"]))
            for value in element.values():
                visit(value)
        elif isinstance(element, list):
            for value in element:
                visit(value)

    visit(activity.get("attachments", []))
    return "\n".join(found)


def all_results(tree: Tree) -> list[dict[str, Any]]:
    return [result_payload(tree, walk(tree, answers), BASE) for answers, *_ in CASES]


def submits(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for b in card["body"] if b["type"] == "ActionSet" for a in b["actions"] if a["type"] == "Action.Submit"]


def test_every_result_card_is_valid_by_the_adaptive_card_schema(tree: Tree):
    results = all_results(tree)
    assert {r["verdict"] for r in results} == set(VERDICT_STYLES)  # every verdict is checked
    for result in results:
        validate_card(result_card(result, FOLLOW_UP))


def test_every_result_card_fits_in_a_teams_message(tree: Tree):
    # Teams refuses a bot message over about 28 KB; the card is nearly all of the activity.
    for result in all_results(tree):
        [activity] = activities([Text("x", tuple(FOLLOW_UP), result)])
        assert len(json.dumps(activity, ensure_ascii=False).encode()) < 24_000
        assert activity["attachments"][0]["content"]["fallbackText"].endswith(result["verdict_sentence"])


def test_the_schema_check_can_fail(tree: Tree):
    card = result_card(all_results(tree)[0])
    validate_card(card)
    for broken in (
        {**card, "colour": "green"},  # no such property
        {**card, "body": [{"type": "TextBlock"}]},  # a TextBlock needs its text
        {**card, "body": [{"type": "Paragraph", "text": "x"}]},  # no such element
    ):
        with pytest.raises(AssertionError):
            validate_card(broken)


def test_the_card_shows_the_web_cards_parts_in_order_with_every_citation_linked(tree: Tree):
    for result in all_results(tree):
        card = result_card(result, FOLLOW_UP)
        said = card_texts({"attachments": [{"content": card}]})
        # The verdict in its colour, at the top, with the outcome's title.
        top = card["body"][0]
        assert top["style"] == VERDICT_STYLES[result["verdict"]]
        assert [b["text"] for b in top["items"]] == [escape(result["verdict_sentence"]), escape(result["title"])]
        # Every section's heading, in the order of asf/guidance/sections.py (what the web card follows).
        headings = [p.heading for p in parts(result) if p.section.form != "headline"]
        positions = [said.index(escape(h)) for h in headings]
        assert positions == sorted(positions)
        for statement in result["reasons"] + result["conditions"]:
            assert escape(statement["text"]) in said
            for cite in statement["cites"]:
                assert f"[{cite['text']}]({cite['url']})" in said
                if cite["quote"]:
                    assert escape(cite["quote"]) in said
        for step in result["next_steps"]:
            assert escape(step) in said
        if result["route"]:
            assert escape(result["route"]) in said
        assert NOTE in said


def test_the_guidances_words_are_behind_a_toggle_that_shows_them(tree: Tree):
    card = result_card(all_results(tree)[0])
    sets = [b for b in card["body"] if b["type"] == "ActionSet"]
    toggles = [a for b in sets for a in b["actions"] if a["type"] == "Action.ToggleVisibility"]
    assert toggles and all(t["title"] == QUOTES_TITLE for t in toggles)
    hidden = {b["id"]: b for b in card["body"] if b["type"] == "Container" and b.get("isVisible") is False}
    for toggle in toggles:
        [target] = toggle["targetElements"]
        assert hidden[target]["items"]  # each toggle opens a container of quotes


def test_any_buttons_after_a_result_become_actions_six_to_a_set(tree: Tree):
    result = all_results(tree)[0]
    many = [{"title": f"Svar {n}", "payload": f"/svar{n}"} for n in range(8)]
    card = result_card(result, many)
    sets = [b for b in card["body"] if b["type"] == "ActionSet" and submits({"body": [b]})]
    assert [len(s["actions"]) for s in sets] == [6, 2]
    assert [(a["title"], a["data"]["msteams"]["text"]) for a in submits(card)] == [
        (b["title"], b["payload"]) for b in many
    ]
    validate_card(card)


def test_text_from_the_guidance_is_shown_literally_not_as_markdown():
    assert escape("a *fet* [länk](x) _kursiv_") == "a \\*fet\\* \\[länk\\](x) \\_kursiv\\_"
    assert escape("2. steget") == "2\\. steget"


def test_activities_draw_a_result_text_as_its_card_and_other_texts_as_before(tree: Tree):
    result = all_results(tree)[0]
    first, second = activities([Text("Resultatet", tuple(FOLLOW_UP[:2]), result), Text("Något annat")])
    assert first["summary"] == result["verdict_sentence"] and "text" not in first
    assert first["attachments"][0]["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert second["text"] == "Något annat" and "attachments" not in second


# --- a clicked question ---------------------------------------------------------


def test_a_clicked_hero_card_question_becomes_its_text_and_the_choice():
    [question] = activities([Text("Vem är insatsen till för?", ({"title": "Deltagare", "payload": "/a"},))])
    updated = answered(question, "Deltagare")
    assert updated["attachments"] == []
    assert updated["text"] == "Vem är insatsen till för?\n\nDu valde: **Deltagare**"
    assert "attachments" in question  # the remembered message is not changed


def test_a_clicked_result_card_keeps_its_content_and_toggles_and_shows_the_choice(tree: Tree):
    result = all_results(tree)[0]
    [activity] = activities([Text("x", tuple(FOLLOW_UP), result)])
    card = activity["attachments"][0]["content"]
    updated = answered(activity, "Ny bedömning")["attachments"][0]["content"]
    assert submits(updated) == []
    kept = [b for b in card["body"] if not (b["type"] == "ActionSet" and submits({"body": [b]}))]
    assert updated["body"][:-1] == kept
    assert updated["body"][-1]["text"] == "Du valde: **Ny bedömning**"
    validate_card(updated)


def test_a_question_with_many_options_becomes_text_and_choice_too():
    options = tuple({"title": f"Svar {n}", "payload": f"/s{n}"} for n in range(9))
    [question] = activities([Text("Vilken sorts insats?", options)])
    updated = answered(question, "Svar_8*")
    assert updated["attachments"] == [] and updated["text"].endswith("Du valde: **Svar\\_8\\***")


def test_sent_cards_are_given_back_once_and_only_for_their_conversation():
    sent = SentCards(limit=2)
    card = {"type": "message", "attachments": [{"contentType": "x"}]}
    sent.remember("c1", "a1", card)
    sent.remember("c1", "plain", {"type": "message", "text": "utan knappar"})
    assert sent.take("c2", "a1") is None
    assert sent.take("c1", "a1") == card and sent.take("c1", "a1") is None
    assert sent.take("c1", "plain") is None
    for n in range(3):
        sent.remember("c", str(n), copy.deepcopy(card))
    assert sent.take("c", "0") is None and sent.take("c", "2") is not None  # the oldest went first


def test_one_conversations_turns_run_one_at_a_time_and_others_alongside():
    async def run() -> list[str]:
        lock, log = KeyedLock(), []

        async def turn(key: str, name: str, seconds: float) -> None:
            async with lock.hold(key):
                log.append(f"{name} start")
                await asyncio.sleep(seconds)
                log.append(f"{name} end")

        await asyncio.gather(turn("a", "a1", 0.05), turn("a", "a2", 0), turn("b", "b1", 0.01))
        assert lock._locks == {}  # nothing kept once no turn waits
        return log

    log = asyncio.run(run())
    assert log.index("a1 end") < log.index("a2 start")
    assert log.index("b1 start") < log.index("a1 end")


def test_a_reading_of_the_guidance_is_marked_as_one_in_the_card(tree: Tree):
    result = result_payload(tree, walk(tree, CASES[3][0]), BASE)
    readings = [s["text"] for s in result["reasons"] + result["conditions"] if s["reading"]]
    assert readings
    shown = card_texts({"attachments": [{"content": result_card(result)}]})
    assert shown.count(f"_{escape(READING_NOTE)}_") == len(readings)
