"""A description that numbers several initiatives is assessed a part at a time (trial 24, t24-12)."""

from __future__ import annotations

import pytest

from actions.actions import ActionAnswer, ActionDescribeInitiative, ActionFallback
from asf import messages
from asf.guidance.model import quoted
from asf.guidance.numbered_parts import numbered_parts, part_asked_for
from tests.unit.test_dialogue_corrections import Conversation, said

THREE_PARTS = (
    "Vårt förslag har tre delar: 1) regionen köper arbetsträningsplatser på Kafé Lärkan åt deltagare,"
    " 2) förbundet ordnar en temadag om sociala företag för parternas handläggare, 3) förbundet ger kaféet"
    " 30 000 kr till en ny diskmaskin. Hur ser du på det?"
)


def test_the_numbered_parts_are_found_without_their_numbers_joining_words_or_a_closing_question():
    assert numbered_parts(THREE_PARTS) == [
        "regionen köper arbetsträningsplatser på Kafé Lärkan åt deltagare",
        "förbundet ordnar en temadag om sociala företag för parternas handläggare",
        "förbundet ger kaféet 30 000 kr till en ny diskmaskin.",
    ]
    assert numbered_parts("Två saker:\n1. AF köper platser.\n2. En studieresa för politiker.") == [
        "AF köper platser.",
        "En studieresa för politiker.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Förbundet betalar 1 000 kr. 2 deltagare börjar i maj.",  # amounts and counts are no numbering
        "Vi har 3 deltagare. 2) något",  # not numbered from 1
        "1) bara en del",
    ],
)
def test_text_that_numbers_no_parts_from_one_has_none(text: str):
    assert numbered_parts(text) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("och del 3 då?", 3),
        ("kan du ta den andra delen nu", 2),
        ("Del två", 2),
        ("punkt 2 tack", 2),
        ("en del av hyran", None),  # "en del" is no number
        ("vi har en del deltagare som vill", None),
        ("och del 3, där förbundet ger kaféet pengar till en ny diskmaskin, hur blir det?", None),  # a description
    ],
)
def test_a_short_message_asks_for_a_part_by_its_number(text: str, number: int | None):
    assert part_asked_for(text) == number


def test_a_numbered_description_is_assessed_a_part_at_a_time_and_a_later_part_on_request():
    talk = Conversation()
    sent = talk.send(ActionDescribeInitiative(), THREE_PARTS, intent="describe_initiative")
    first, second, third = numbered_parts(THREE_PARTS)
    parts = f"del 1 {quoted(first)}, del 2 {quoted(second)} och del 3 {quoted(third)}"
    assert messages.text("describe.numbered_parts", count=3, parts=parts) in said(sent)
    # The summary is the first part's alone: who it is for is no question between three initiatives.
    assert talk.slots["pending_answers"]["vem"] == "deltagare"
    assert talk.slots["pending_answers"]["utforare"] == "regionen"
    talk.send(ActionAnswer(), "ja", intent="affirm")
    while talk.slots["current_question"]:
        question = talk.slots["current_question"]
        talk.click(question, {"malgrupp": "ja", "pengavag": "via_part"}[question])
    result = talk.slots["last_result"]
    assert result["answers"]["insats_typ"] == "arbetsforberedande"
    # The memo quotes the whole description and says which part its result is about.
    note = messages.text("change.numbered_part_note", number=1, evidence=quoted(first))
    assert result["description"] == f"{THREE_PARTS}\n{note}"
    # The third part, asked for afterwards, is assessed on its own words: a grant to the company.
    sent = talk.send(ActionAnswer(), "och del 3 då?")
    assert messages.text("describe.numbered_part", number=3, evidence=quoted(third)) in said(sent)
    assert talk.slots["last_result"] == result  # the first part's result stands
    assert talk.slots["pending_answers"]["vem"] == "foretaget"
    assert talk.slots["description"] == f"{THREE_PARTS}\n" + messages.text(
        "change.numbered_part_note", number=3, evidence=quoted(third)
    )


def test_two_numbered_lines_about_one_initiative_are_read_as_one():
    text = "1) Kommunen köper arbetsträningsplatser på kaféet åt deltagare. 2) Pengarna går via kommunen."
    talk = Conversation()
    sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert "delar" not in said(sent).split("\n")[0]
    assert talk.slots["pending_answers"]["pengavag"] == "via_part"


def test_a_part_asked_for_in_words_the_nlu_did_not_understand_is_assessed():
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), THREE_PARTS, intent="describe_initiative")
    talk.send(ActionAnswer(), "ja", intent="affirm")
    while talk.slots["current_question"]:
        question = talk.slots["current_question"]
        talk.click(question, {"malgrupp": "ja", "pengavag": "via_part"}[question])
    sent = talk.send(ActionFallback(), "del 2, tack", intent="nlu_fallback")
    second = numbered_parts(THREE_PARTS)[1]
    assert messages.text("describe.numbered_part", number=2, evidence=quoted(second)) in said(sent)
    assert talk.slots["pending_answers"]["vem"] == "parter_och_aktorer"
