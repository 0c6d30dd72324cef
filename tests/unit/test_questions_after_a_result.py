"""Questions typed after a result that ask something and change nothing: a concept asked about, a why while a what-if
is shown, the way back asked for in other words. Through the real actions, the slots carried from turn to turn."""

from __future__ import annotations

from actions.actions import (
    ActionAnswer,
    ActionBack,
    ActionChangeAnswer,
    ActionStartAssessment,
    ActionWhy,
)
from asf import messages
from tests.unit.test_dialogue_corrections import Conversation, finished, said
from tests.unit.test_what_if_record import SUPERVISOR_AT_A_PARTY, described


def test_a_concept_question_without_swedish_letters_after_a_result_changes_no_answer():
    # Trial 59 (t59-1): "en annan grej, vad ar egentligen ett arbetsintegrerande socialt foretag? ar det en egen
    # bolagsform?" after a result, heard as an answer, changed where the supervisor works and gave a new result.
    talk: Conversation = finished(SUPERVISOR_AT_A_PARTY)
    result = dict(talk.slots["last_result"])
    sent = talk.send(
        ActionAnswer(),
        "en annan sak, vad ar egentligen ett arbetsintegrerande socialt foretag? ar det nan slags bolagsform?",
    )
    assert talk.slots["answers"] == SUPERVISOR_AT_A_PARTY
    assert talk.slots["last_result"] == result
    assert "Tillväxtverkets definition" in said(sent)


MEMBERSHIP = "Vi vill att förbundet blir medlem i Skoopi, intresseorganisationen för sociala företag."


def membership_assessed() -> Conversation:
    talk = described(MEMBERSHIP)
    assert talk.slots["last_result"]["answers"]["medlem_vem"] == "forbundet"
    return talk


def test_the_way_back_typed_while_an_answer_of_the_result_is_being_changed_gives_the_result_back():
    # Trial 59 (t59-5): "vänta, jag ville bara prova. gå tillbaka till min första bedömning" while a question of the
    # result was asked again got "Vi går tillbaka ett steg", and the assessment was lost.
    talk = membership_assessed()
    result = dict(talk.slots["last_result"])
    talk.send(
        ActionChangeAnswer(), '/change_answer{"question":"medlem_vem"}', intent="change_answer", question="medlem_vem"
    )
    assert talk.slots["current_question"] == "medlem_vem"
    sent = talk.send(ActionBack(), "vanta, jag ville bara testa. ga tillbaka till min forsta bedomning", intent="back")
    assert talk.slots["current_question"] is None
    assert talk.slots["answers"] == result["answers"]
    assert talk.slots["last_result"]["outcome_id"] == result["outcome_id"]
    assert messages.text("result.back_to_record") in said(sent)


def test_the_way_back_typed_in_a_new_assessment_is_a_step_back_as_before():
    talk = membership_assessed()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "deltagare")
    sent = talk.send(ActionBack(), "gå tillbaka till min första bedömning", intent="back")
    assert messages.text("result.back_to_record") not in said(sent)
    assert talk.slots["last_result"]["answers"]["medlem_vem"] == "forbundet"


def test_keep_my_first_assessment_typed_after_a_what_if_goes_back_to_it():
    # Trial 59 (t59-2): "behåll min första bedömning, den med bidraget" was read as a why about what was tried.
    talk = membership_assessed()
    record = dict(talk.slots["last_result"])
    talk.send(ActionAnswer(), "och om kommunen blir medlem i stället och förbundet betalar avgiften via kommunen?")
    assert talk.slots["last_result"]["answers"]["medlem_vem"] == "en_part"
    sent = talk.send(
        ActionWhy(), "behåll min första bedömning, den med medlemskapet. jag ska visa styrelsen", intent="ask_why"
    )
    assert talk.slots["last_result"]["answers"] == record["answers"]
    assert messages.text("result.back_to_record") in said(sent)


def test_a_why_while_a_what_if_is_shown_says_which_result_it_explains():
    # Trial 59 (t59-5): "varför får inte förbundet vara medlem då?" after trying the kommun as member explained what
    # was tried, without saying so; the question was about the assessment.
    talk = membership_assessed()
    talk.send(ActionAnswer(), "och om kommunen blir medlem i stället och förbundet betalar avgiften via kommunen?")
    tried = dict(talk.slots["last_result"])
    sent = talk.send(
        ActionWhy(), "varfor far inte forbundet vara medlem da? vi ar ju ingen vanlig firma", intent="ask_why"
    )
    assert said(sent).startswith(messages.text("why.of_the_record"))
    assert "Förbundet som medlem" in said(sent) or "Samordningsförbundet självt" in said(sent)
    assert talk.slots["last_result"] == tried  # nothing chosen by asking
    sent = talk.send(ActionWhy(), "varför?", intent="ask_why")
    assert said(sent).startswith(messages.text("why.of_the_trial"))


def test_a_course_about_social_enterprises_typed_after_a_result_is_no_change_to_the_company():
    # Trial 59 (t59-3): "en utbildning om sociala företag" after the result of such a course for participants changed
    # who the initiative is for to the company: the companies are what is learned about.
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    for question, choice in {
        "vem": "deltagare",
        "malgrupp": "ja",
        "insats_typ": "utbildning_om_asf",
        "utforare": "kommunen",
        "pengavag": "via_part",
    }.items():
        talk.click(question, choice)
    talk.send(ActionAnswer(), "en utbildning om sociala foretag, som jag skrev")
    assert talk.slots["answers"]["vem"] == "deltagare"


def test_a_seminar_said_not_to_be_about_social_enterprises_is_not_recorded_as_one_about_them():
    # Trial 60 (t60-4): "ett seminarium, fast ämnet är bemötande vid psykisk ohälsa, inte sociala företag som sådana"
    # was recorded as "Inspirationsdag, seminarium eller studiebesök om sociala företag", and the result said the
    # initiative matched the guidance's example.
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "parter_och_aktorer")
    talk.send(ActionAnswer(), "en temadag, men ämnet är stress på arbetsplatsen och inte sociala foretag")
    assert talk.slots["answers"].get("strukturell_typ") != "evenemang"
    assert talk.slots["current_question"] == "strukturell_typ"
