"""What session 42 left open and session 43 mended, each held here in new wording, through the actions."""

from __future__ import annotations

from actions.actions import ActionAnswer, ActionDescribeInitiative, ActionStartAssessment
from tests.unit.test_dialogue_corrections import Conversation, said


def _summarised(description: str) -> Conversation:
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.send(ActionDescribeInitiative(), description, intent="describe_initiative")
    assert talk.slots["pending_answers"], description
    return talk


def test_a_procuring_party_denied_at_the_summary_is_asked_again_and_named_later_is_noted():
    talk = _summarised(
        "Regionen upphandlar praktikplatser på ett kooperativ för personer som står långt från arbetsmarknaden. "
        "Förbundets pengar går via regionen."
    )
    assert talk.slots["pending_answers"].get("utforare") == "regionen"
    reply = said(talk.send(ActionAnswer(), "nej, det är inte regionen som upphandlar", intent="deny"))
    assert "kunde inte läsa ut något nytt" not in reply
    assert "upphandlar insatsen igen" in reply
    assert "utforare" not in talk.slots["answers"]
    open_question = talk.slots["current_question"]
    assert open_question != "utforare"
    reply = said(talk.send(ActionAnswer(), "det är Försäkringskassan som köper platserna"))
    assert "Jag noterar Försäkringskassan" in reply, reply
    assert talk.slots["answers"]["utforare"] == "forsakringskassan"
    assert talk.slots["current_question"] == open_question  # the question it did not answer, asked again
    assert "pengarna ska gå via regionen" in reply  # the route written before no longer fits: the conflict is named


def test_a_party_named_without_a_word_of_procuring_at_another_question_is_not_taken_as_the_procurer():
    talk = _summarised(
        "Regionen upphandlar praktikplatser på ett kooperativ för personer som står långt från arbetsmarknaden. "
        "Förbundets pengar går via regionen."
    )
    talk.send(ActionAnswer(), "nej, det är inte regionen som upphandlar", intent="deny")
    said(talk.send(ActionAnswer(), "de har kontakt med kommunen"))
    assert "utforare" not in talk.slots["answers"]
