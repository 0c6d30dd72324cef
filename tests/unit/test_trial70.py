"""What trial 70 found misread or mishandled, each held here in new wording, through the actions."""

from __future__ import annotations

from actions.actions import ActionAnswer
from tests.unit.test_dialogue_corrections import said
from tests.unit.test_trial61 import assessed


def test_paying_over_the_price_to_support_the_company_is_support_not_an_own_purchase():
    talk = assessed(
        "Ett seminarium om sociala företag för parternas handläggare. Lokal och fika köper vi av Kafé Tranan, ett "
        "socialt företag, till vanligt pris."
    )
    assert talk.slots["current_question"] is None
    reply = said(
        talk.send(ActionAnswer(), "Och om vi betalar en bit över ordinarie pris för fikat, för att stötta kaféet?")
    )
    assert "egna inköp" not in reply and "bör inte finansiera" in reply
