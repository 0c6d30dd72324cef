"""What trial 74 found misread or mishandled, each held here in new wording, through the actions."""

from __future__ import annotations

from actions.actions import ActionAnswer, ActionExplainConcept, ActionStartAssessment, ActionSummary, ActionWhy
from asf.training.flow import parse_verdict
from asf.turns import Message
from tests.unit.test_dialogue_corrections import Conversation, said
from tests.unit.test_review_s43 import _summarised
from tests.unit.test_trial61 import assessed


def test_none_of_the_answers_fits_points_to_something_else_and_records_nothing():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "deltagare")
    talk.click("malgrupp", "ja")
    reply = said(talk.send(ActionAnswer(), "inget av dem, det handlar om pengar till deltagarna för resor"))
    assert "insats_typ" not in talk.slots["answers"]
    assert "välj ”Något annat”" in reply


def test_the_summary_asked_for_while_it_waits_is_the_summary_not_no_answers():
    talk = _summarised("Förbundet vill finansiera en samordnare på kansliet som sprider kunskap om sociala företag.")
    reply = said(talk.send(ActionSummary(), "kan jag se sammanfattningen igen", intent="show_summary"))
    assert "inte svarat på några frågor" not in reply
    assert "Så här uppfattar jag insatsen" in reply


def test_change_line_two_after_a_result_changes_it_whatever_concept_it_names():
    talk = assessed("Regionen köper praktikplatser på ett kooperativ, och förbundet betalar via regionen")
    talk.click("malgrupp", "vet_inte")
    assert talk.slots["last_result"] is not None
    text = "andra rad 2, vi har kollat och alla ar i finsams malgrupp"
    reply = said(talk.send(ActionExplainConcept(), text, intent="ask_concept", concept="malgrupp"))
    assert "Enligt 2 § i lagen" not in reply.split("\n")[0]
    assert talk.slots["last_result"]["answers"]["malgrupp"] == "ja"


def test_an_answer_before_a_why_is_recorded_after_the_reason_for_the_question():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    for question, choice in (("vem", "deltagare"), ("malgrupp", "ja"), ("insats_typ", "arbetsforberedande")):
        talk.click(question, choice)
    reply = said(talk.send(ActionWhy(), "regionen, som jag sa. varför är det viktigt vem som köper?", intent="ask_why"))
    assert "7 §" in reply
    assert talk.slots["answers"]["utforare"] == "regionen" and talk.slots["current_question"] == "pengavag"


def test_a_no_before_a_why_is_not_recorded():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "deltagare")
    talk.send(ActionWhy(), "nej, varför frågar du om det?", intent="ask_why")
    assert "malgrupp" not in talk.slots["answers"]


def test_whether_the_förbund_may_pay_money_straight_to_individuals_gets_the_laws_answer():
    talk = Conversation()
    reply = said(
        talk.send(
            ActionAnswer(), "men får förbundet alls betala ut pengar direkt till enskilda personer?", intent="inform"
        )
    )
    assert "inte besluta om förmåner eller rättigheter för enskilda" in reply


def test_none_of_the_answers_said_at_the_end_points_to_something_else():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "deltagare")
    talk.click("malgrupp", "ja")
    reply = said(talk.send(ActionAnswer(), "jobbcoachning mot vanliga jobb, inget av svaren passar"))
    assert "välj ”Något annat”" in reply and "insats_typ" not in talk.slots["answers"]


def test_covered_with_a_word_between_is_a_verdict_in_training():
    assert parse_verdict(Message(text="det står inget om kurser, så den täcks nog inte")) == "out_of_scope"
