"""What trial 75 found mishandled, held here in new wording, through the actions."""

from __future__ import annotations

from actions.actions import ActionAnswer, ActionFallback, ActionJudge, ActionStartTraining
from tests.unit.test_dialogue_corrections import Conversation, said
from tests.unit.test_trial61 import PLACES_VIA_THE_KOMMUN, assessed


def _after_the_first_feedback() -> Conversation:
    talk = Conversation()
    talk.send(ActionStartTraining(), "övning grund", intent="start_training")
    talk.send(ActionJudge(), "på villkor", intent="judge")
    assert talk.slots["training"] and not talk.slots["training"]["awaiting"]
    return talk


def test_a_question_when_a_verdict_has_no_conditions_is_explained_in_training():
    talk = _after_the_first_feedback()
    reply = said(talk.send(ActionJudge(), "men när gäller 'kan finansieras' utan villkor?", intent="judge"))
    assert "Vill du öva?" not in reply
    assert "”Kan finansieras” betyder" in reply


def test_a_judgement_after_the_feedback_is_no_offer_to_practise():
    talk = _after_the_first_feedback()
    reply = said(talk.send(ActionJudge(), "bör inte finansieras", intent="judge"))
    assert "Vill du öva?" not in reply and talk.slots["training"]["judged"] == 1


def test_next_case_in_a_longer_message_goes_on():
    talk = _after_the_first_feedback()
    reply = said(talk.send(ActionFallback(), "jo jag övar ju redan, nästa fall tack", intent="nlu_fallback"))
    assert "Fall 2 av" in reply and talk.slots["training"]["position"] == 1


def test_whether_it_matters_that_the_company_is_no_social_enterprise_gets_the_guidances_words():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    answers = dict(talk.slots["last_result"]["answers"])
    reply = said(talk.send(ActionAnswer(), "men om snickeriet inte är ett socialt företag utan ett vanligt AB, då?"))
    assert "vilket företag eller vilken arbetsgivare som helst" in reply
    assert "Vilket svar vill du ändra?" not in reply
    assert talk.slots["last_result"]["answers"] == answers
