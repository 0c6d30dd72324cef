"""What trial 68 found misread or mishandled, each held here in new wording, through the actions."""

from __future__ import annotations

from actions.actions import (
    ActionAnswer,
    ActionChangeAnswer,
    ActionDescribeInitiative,
    ActionRequestMemo,
    ActionShowResult,
    ActionStartAssessment,
    ActionWhy,
)
from asf.guidance.loader import default_tree
from asf.guidance.understanding import read_description
from tests.unit.test_dialogue_corrections import Conversation, said
from tests.unit.test_trial61 import COORDINATOR, PLACES_VIA_THE_KOMMUN, assessed


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


def _coordinator_paid_to_a_cafe_then_bought_from_it() -> tuple[Conversation, str]:
    """A coordinator assessed; the money then said to go to a café that employs her, in a typed answer; then a
    what-if that buys her service from the café as an ordinary purchase."""
    talk = assessed(COORDINATOR)
    talk.send(ActionAnswer(), "och om hon i stället är anställd på kaféet Solrosen och vi betalar lönen dit?")
    talk.send(ActionAnswer(), "vem som får pengarna, alltså kaféet")
    assert talk.slots["current_question"] == "mottagare"
    talk.send(
        ActionAnswer(), "nej, pengarna går direkt till kaféet, det sociala företaget som har samordnaren anställd"
    )
    assert talk.slots["answers"]["mottagare"] == "ett_foretag"
    reply = said(talk.send(ActionAnswer(), "men om vi köper hennes tjänst av Solrosen som ett vanligt köp?"))
    assert talk.slots["answers"]["mottagare"] == "egen_verksamhet"
    return talk, reply


def test_a_typed_answer_a_later_answer_replaced_is_no_part_left_out_and_is_marked_so_in_the_memo():
    talk, reply = _coordinator_paid_to_a_cafe_then_bought_from_it()
    assert "Du nämner också" not in reply and "kan finansiera insatsen" in reply
    talk.send(ActionShowResult(), "/show_result", intent="show_result", choice="provat")
    memo = said(talk.send(ActionRequestMemo(), "beslutsunderlag", intent="request_memo"))
    assert "Beskrivningen nämner också" not in memo
    assert "företaget som har samordnaren anställd (Ersatt av ett senare svar.)" in memo


def test_a_why_not_another_answer_gets_that_step_and_what_the_other_answer_would_give():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    text = "men varför kan inte förbundet helt enkelt betala snickeriet direkt? mindre krångel"
    reply = said(talk.send(ActionWhy(), text, intent="ask_why"))
    assert "Hur ska förbundets pengar gå? Svar: Via kommunen." in reply
    assert (
        "Med svaret ”Direkt från förbundet till företaget” i stället skulle bedömningen bli: Förbundet bör inte"
        in reply
    )
    assert "Vem är insatsen till för" not in reply  # not the whole chain
    # a why with no other answer in it still gets the reasons
    assert "Vem är insatsen till för" in said(talk.send(ActionWhy(), "varför då?", intent="ask_why"))


def test_a_prize_to_one_company_on_the_route_for_a_company_is_not_said_to_leave_the_money_unused():
    talk = assessed("Förbundet vill dela ut ett pris till årets sociala företag i länet, 20 000 kronor till vinnaren.")
    assert talk.slots["answers"]["mottagare"] == "ett_foretag"
    talk.click("vem", "foretaget")
    reply = said(talk.click("stod_till_foretag", "pengar"))
    assert "bör inte finansiera" in reply
    assert "påverkas inte av vem som får förbundets pengar" not in reply


def test_a_coordinators_tasks_named_after_her_are_no_second_initiative():
    text = (
        "Vi överväger att anställa en ASF-samordnare på halvtid som ska sprida kunskap om sociala företag till "
        "parternas handläggare, ordna några inspirationsdagar och ett studiebesök."
    )
    reading = read_description(default_tree(), text)
    assert reading.facts["strukturell_typ"].option == "samordnare" and "strukturell_typ" not in reading.conflicts
    # an event in a sentence of its own is still a second thing done: asked about
    apart = read_description(
        default_tree(),
        "Förbundet vill anställa en samordnare på halvtid som ska sprida kunskap om sociala företag till parterna. "
        "Vi vill också ordna en inspirationsdag om sociala företag för handläggarna.",
    )
    assert {fact.option for fact in apart.conflicts["strukturell_typ"]} == {"samordnare", "evenemang"}


def test_the_answer_being_changed_is_not_offered_back_from_an_earlier_message():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "parter_och_aktorer")
    talk.send(ActionAnswer(), "samordnaren anställs av förbundet och sprider kunskap om sociala företag")
    assert talk.slots["current_question"] == "mottagare"
    talk.click("mottagare", "egen_verksamhet")
    assert talk.slots["current_question"] is None
    reply = said(
        talk.send(
            ActionChangeAnswer(), '/change_answer{"question":"mottagare"}', intent="change_answer", question="mottagare"
        )
    )
    assert talk.slots["current_question"] == "mottagare" and "Välj ett nytt svar" in reply
    assert "Det låter som" not in reply
