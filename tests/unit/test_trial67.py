"""What trial 67 found misread or mishandled, each held here in new wording, through the actions."""

from __future__ import annotations

from actions.actions import (
    ActionAnswer,
    ActionDescribeInitiative,
    ActionRequestMemo,
    ActionShowResult,
    ActionStartAssessment,
)
from asf import messages, other_questions
from asf.guidance.loader import default_tree
from asf.guidance.understanding import read_description
from tests.unit.test_dialogue_corrections import Conversation, said
from tests.unit.test_trial61 import PLACES_VIA_THE_KOMMUN, assessed
from tests.unit.test_trial65 import FEE_PAID, SUMMARY_CORRECTION, corrected_at_the_summary


def test_a_what_if_opening_a_later_sentence_is_tried():
    talk = assessed(FEE_PAID)
    talk.send(ActionAnswer(), "förbundet är medlem")
    assert talk.slots["answers"]["medlem_vem"] == "forbundet" and talk.slots["current_question"] is None
    text = "Inte min fråga. Hursomhelst: och om det i stället är regionen som är medlem och förbundet betalar?"
    reply = said(talk.send(ActionDescribeInitiative(), text, intent="describe_initiative"))
    assert "Jag provar med de nya svaren" in reply and "ny insats" not in reply


def test_an_auditors_question_about_a_remark_gets_the_honest_answer():
    text = "Innebär det att jag ska rikta en anmärkning mot styrelsen, eller räcker ett påpekande i revisionsrapporten?"
    topic = other_questions.recognise(text)
    assert topic is not None and topic.id == "efter_en_utbetalning"


def test_the_memo_again_in_few_words():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    talk.send(ActionRequestMemo(), "beslutsunderlaget", intent="request_memo")
    reply = said(talk.send(ActionAnswer(), "underlaget igen tack", intent="nlu_fallback"))
    assert "# Beslutsunderlag" in reply


def test_money_straight_to_a_business_named_by_its_kind_is_read():
    reading = read_description(
        default_tree(),
        "vi på AF vill att sex deltagare får arbetsträna på ett socialt företag. förbundet ska betala direkt till "
        "bageriet. går det?",
    )
    assert reading.facts["pengavag"].option == "direkt"


def test_the_way_tried_can_still_be_chosen_after_going_back_from_it():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    talk.send(ActionAnswer(), "och om regionen köper platserna i stället?")
    assert talk.slots["answers"]["utforare"] == "regionen"
    talk.send(ActionAnswer(), "tillbaka till min bedömning")
    assert talk.slots["answers"]["utforare"] == "kommunen"
    reply = said(talk.send(ActionAnswer(), "nej förresten, jag tar det nya upplägget ändå"))
    assert talk.slots["answers"]["utforare"] == "regionen" and "Välj ett nytt svar" not in reply
    talk.send(ActionAnswer(), "tillbaka till min bedömning")
    assert talk.slots["answers"]["utforare"] == "kommunen"


def test_the_old_button_for_the_way_tried_still_chooses_it_after_going_back():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    talk.send(ActionAnswer(), "och om regionen köper platserna i stället?")
    talk.send(ActionShowResult(), "/show_result", intent="show_result", choice="egen")
    assert talk.slots["answers"]["utforare"] == "kommunen"
    reply = said(talk.send(ActionShowResult(), "/show_result", intent="show_result", choice="provat"))
    assert talk.slots["answers"]["utforare"] == "regionen" and "ingen prövning" not in reply


def test_a_concepts_name_typed_alone_at_a_yes_or_no_question_is_explained_not_taken_for_a_yes():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "deltagare")
    reply = said(talk.send(ActionAnswer(), "finsams målgrupp?"))
    assert "malgrupp" not in talk.slots["answers"] and talk.slots["current_question"] == "malgrupp"
    assert "2 §" in reply
    # a name that answers a question is still the answer
    other = Conversation()
    other.send(ActionStartAssessment(), "", intent="start_assessment")
    other.send(ActionAnswer(), "parterna")
    assert other.slots["answers"]["vem"] == "parter_och_aktorer"


def test_a_summary_correction_belongs_to_its_own_assessment_in_the_memo():
    talk = corrected_at_the_summary()
    talk.send(
        ActionDescribeInitiative(),
        "En annan sak: förbundet vill ge kaféet Solen ett bidrag till hyran.",
        intent="describe_initiative",
    )
    other = "nej, det är inte hyran, det är ett bidrag till nya möbler"
    talk.send(ActionAnswer(), other, intent="deny")
    talk.send(ActionAnswer(), "tillbaka till min förra bedömning")
    assert talk.slots["answers"]["utforare"] == "regionen"
    talk.send(ActionAnswer(), "nej, målgruppen är fel, de hör inte alla dit", intent="deny")
    talk.click("malgrupp", "vet_inte")  # the result again, after a change of it
    memo = said(talk.send(ActionRequestMemo(), "beslutsunderlaget", intent="request_memo"))
    assert SUMMARY_CORRECTION in memo and other not in memo


def test_the_way_tried_chosen_in_more_words_with_its_memo():
    for text in (
        "vi kör nog på att regionen köper platserna i stället, kan underlaget gälla det?",
        "ok, byt till varianten där regionen köper platserna och ge mig underlaget för den",
    ):
        talk = assessed(PLACES_VIA_THE_KOMMUN)
        talk.send(ActionAnswer(), "och om regionen köper platserna i stället?")
        reply = said(talk.send(ActionAnswer(), text))
        assert talk.slots["answers"]["utforare"] == "regionen", text
        assert messages.text("result.tried_used") in reply and "# Beslutsunderlag" in reply, text
    # a choice of something else than what was tried is no choice of it
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    talk.send(ActionAnswer(), "och om regionen köper platserna i stället?")
    reply = said(talk.send(ActionAnswer(), "byt till varianten där förbundet betalar snickeriet direkt"))
    assert messages.text("result.tried_used") not in reply


def test_the_lines_taken_as_they_stand_in_words_after_saying_no():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.send(
        ActionDescribeInitiative(),
        "Regionen köper arbetsträningsplatser på Bageriet Limpan åt deltagare, förbundet betalar via regionen.",
        intent="describe_initiative",
    )
    talk.send(ActionAnswer(), "nej det stämmer inte riktigt", intent="deny")
    reply = said(talk.send(ActionAnswer(), "suck. ja ok, raderna stämmer, kör"))
    assert talk.slots["answers"]["utforare"] == "regionen" and "Jag kunde inte läsa ut något nytt" not in reply


def test_an_abbreviated_interest_organisation_for_companies_does_not_make_them_the_member():
    reading = read_description(
        default_tree(),
        "i bokföringen ser jag att förb betalat medlemsavgift till en intresseorg för sociala företag, 8000 kr/år.",
    )
    assert reading.facts.get("medlem_vem") is None or reading.facts["medlem_vem"].option != "foretaget"
    assert "medlem_vem" not in reading.must_nots or reading.must_nots["medlem_vem"].option != "foretaget"
