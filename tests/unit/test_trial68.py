"""What trial 68 found misread or mishandled, each held here in new wording, through the actions."""

from __future__ import annotations

from actions.actions import ActionAnswer, ActionDescribeInitiative
from tests.unit.test_dialogue_corrections import said
from tests.unit.test_trial61 import PLACES_VIA_THE_KOMMUN, assessed


def test_another_initiative_for_the_same_participants_offers_the_target_group_answered_before():
    talk = assessed(
        "Kommunen köper arbetsträningsplatser på snickeriet åt deltagare och förbundet betalar via kommunen."
    )
    talk.click("malgrupp", "vet_inte")
    assert talk.slots["answers"]["malgrupp"] == "vet_inte" and talk.slots["current_question"] is None
    text = (
        "Sen en kurs om hur sociala företag fungerar, för samma deltagare, som regionen ordnar och förbundet betalar."
    )
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    sent = talk.send(ActionAnswer(), "ja", intent="affirm")
    assert talk.slots["current_question"] == "malgrupp" and "malgrupp" not in talk.slots["answers"]
    assert "”samma deltagare”" in said(sent) and "svarade du ”Vet inte än” på samma fråga" in said(sent)
    first = next(button for message in sent for button in message.get("buttons") or [])
    assert first["title"] == "Vet inte än"


def test_another_initiative_for_other_people_is_asked_about_the_target_group_as_any_other():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    text = "Sen en kurs om hur sociala företag fungerar för nya deltagare, som regionen ordnar och förbundet betalar."
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    reply = said(talk.send(ActionAnswer(), "ja", intent="affirm"))
    assert talk.slots["current_question"] == "malgrupp" and "bedömningen före" not in reply
