"""What the review of session 41 found the session's own changes broke or missed, each held here."""

from __future__ import annotations

from actions.actions import ActionAnswer, ActionDescribeInitiative, ActionWhy
from asf import other_questions
from asf.guidance.loader import default_tree
from asf.guidance.understanding import read_description
from tests.unit.test_dialogue_corrections import said
from tests.unit.test_trial61 import PLACES_VIA_THE_KOMMUN, assessed


def test_a_what_if_asking_whether_the_förbund_may_do_otherwise_is_still_tried():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    reply = said(talk.send(ActionAnswer(), "kan förbundet betala snickeriet direkt i stället?"))
    assert "Jag provar med de nya svaren" in reply and "ny insats" not in reply


def test_a_no_to_the_feedback_question_with_a_question_after_it_is_still_the_no():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    talk.send(ActionAnswer(), "nej. hur ska jag kunna veta vad ni gör med det jag skrev?", intent="deny")
    assert talk.slots["feedback"]["answer"] == "nej"


def test_back_to_the_first_question_in_a_new_assessment_is_not_back_to_the_first_assessment():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    talk.send(
        ActionDescribeInitiative(), "En annan sak: vi vill ge kaféet Solen ett bidrag.", intent="describe_initiative"
    )
    described = talk.slots["description"]
    talk.send(ActionAnswer(), "tillbaka till den första frågan", intent="go_back")
    assert talk.slots["description"] == described  # the new assessment is not left


def test_a_why_that_asks_about_another_topic_after_a_result_gets_that_topic():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    reply = said(talk.send(ActionWhy(), "varför sparas det jag skriver här?", intent="ask_why"))
    assert "Samtalet sparas" in reply


def test_a_question_how_much_may_be_taken_from_the_budget_is_the_budget():
    topic = other_questions.recognise("Hur stor del får tas ur förbundets budget för ASF-insatser?")
    assert topic is not None and topic.id == "budget"


def test_pay_as_a_bonus_to_the_companys_staff_is_still_read():
    tree = default_tree()
    for text in (
        "Förbundet vill bekosta en bonus för personalen på snickeriet.",
        "Vi vill ge de anställda på kooperativet en julbonus.",
    ):
        assert read_description(tree, text).must_nots["asf_personal_stod"].option == "ersattning", text


def test_the_förbunds_own_web_page_bought_from_a_social_enterprise_is_no_service_to_it():
    reading = read_description(
        default_tree(), "Förbundet beställer en webbsida om Finsam åt förbundet från ett socialt företag."
    )
    assert "stod_till_foretag" not in reading.must_nots and "stod_till_foretag" not in reading.facts


def test_a_handledare_who_is_to_take_a_course_is_not_read_as_the_handledare_for_participants():
    reading = read_description(
        default_tree(),
        "Handledaren som är anställd på kaféet ska gå en utbildning i handledarskap som förbundet betalar.",
    )
    assert reading.facts.get("vem") is None or reading.facts["vem"].option != "deltagare"


def test_a_course_for_a_partys_supervisors_is_no_competence_development_for_a_companys_staff():
    reading = read_description(
        default_tree(),
        "Förbundet vill hålla en kurs för arbetsledarna på kommunens arbetsmarknadsenhet om sociala företag.",
    )
    assert "asf_personal_stod" not in reading.must_nots
