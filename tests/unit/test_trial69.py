"""What trial 69 found misread or mishandled, each held here in new wording, through the actions."""

from __future__ import annotations

from actions.actions import ActionBack, ActionStartAssessment
from tests.unit.test_dialogue_corrections import Conversation, said
from tests.unit.test_trial61 import PLACES_VIA_THE_KOMMUN, assessed


def test_tillbaka_that_is_no_step_back_keeps_every_answer():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    kept = dict(talk.slots["answers"])
    reply = said(
        talk.send(
            ActionBack(), "Utbetalningen är redan gjord. Borde förbundet kräva tillbaka pengarna?", intent="go_back"
        )
    )
    assert talk.slots["answers"] == kept and "revisorer" in reply
    reply = said(
        talk.send(
            ActionBack(),
            "Jag ville inte backa eller gå tillbaka. Min fråga är om förbundet måste återkräva beloppet.",
            intent="go_back",
        )
    )
    assert talk.slots["answers"] == kept and "revisorer" in reply
    talk.send(ActionBack(), "ok, då går vi tillbaka till arbetsträningen på snickeriet", intent="go_back")
    assert talk.slots["answers"] == kept


def test_a_plain_step_back_still_steps_back():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "deltagare")
    assert talk.slots["current_question"] == "malgrupp"
    talk.send(ActionBack(), "gå tillbaka till förra frågan", intent="go_back")
    assert talk.slots["current_question"] == "vem"
    talk.click("vem", "deltagare")
    talk.send(ActionBack(), "tillbaka", intent="go_back")
    assert talk.slots["current_question"] == "vem"
