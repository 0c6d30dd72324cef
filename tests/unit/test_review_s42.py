"""Regressions the fresh-eyes review of session 42 found in the session's own change, each held here."""

from __future__ import annotations

from actions.actions import ActionAnswer, ActionBack, ActionRequestMemo, ActionShowResult, ActionStartAssessment
from asf import other_questions
from asf.guidance.loader import default_tree
from asf.guidance.understanding import read_description
from asf.privacy import mask
from tests.unit.test_dialogue_corrections import Conversation, said
from tests.unit.test_trial61 import PLACES_VIA_THE_KOMMUN, assessed


def _at_the_target_group() -> Conversation:
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "deltagare")
    assert talk.slots["current_question"] == "malgrupp"
    return talk


def test_polite_requests_to_go_back_still_step_back():
    for text in ("kan vi inte gå tillbaka?", "kan jag få gå tillbaka ett steg?", "gå tillbaka till föregående fråga"):
        talk = _at_the_target_group()
        talk.send(ActionBack(), text, intent="go_back")
        assert talk.slots["current_question"] == "vem" and "malgrupp" not in talk.slots["answers"], text


def test_a_memo_the_board_can_understand_is_not_the_first_assessments():
    talk = assessed("Förbundet vill bli medlem i en intresseorganisation för sociala företag.")
    talk.send(ActionAnswer(), "ny insats: " + PLACES_VIA_THE_KOMMUN, intent="describe_initiative")
    talk.send(ActionAnswer(), "ja", intent="affirm")
    shown = talk.slots["last_result"]["id"]
    talk.send(
        ActionRequestMemo(), "Kan jag få ett beslutsunderlag som styrelsen lätt kan förstå?", intent="request_memo"
    )
    assert talk.slots["last_result"]["id"] == shown


def test_none_of_them_followed_by_an_answer_records_the_answer():
    talk = _at_the_target_group()
    talk.click("malgrupp", "ja")
    asked = said(
        talk.send(ActionAnswer(), "IPS-stöd från en arbetsspecialist på regionen, för jobb på vanliga arbetsplatser")
    )
    assert "Menar du" in asked and talk.slots["current_question"] == "insats_typ"
    talk.send(ActionAnswer(), "ingen av dem, det är arbetsträning på ett socialt företag")
    assert talk.slots["answers"].get("insats_typ") == "arbetsforberedande"


def test_asking_for_the_result_mid_assessment_is_told_it_comes_after_the_questions():
    talk = _at_the_target_group()
    reply = said(talk.send(ActionShowResult(), "kan du visa resultatet nu?", intent="show_result"))
    assert "Bedömningen kommer när de sista frågorna är besvarade" in reply and "malgrupp" not in talk.slots["answers"]


def test_new_topics_keep_to_their_own_questions():
    for text in (
        "Enligt lagtexten ska parterna upphandla, så kommunen köper platser. Kan förbundet betala via kommunen?",
        "Kan kommunen söka pengar direkt från förbundet för att köpa platser på ett socialt företag?",
        "Kan förbundet betala föreläsarens arvode i förskott?",
    ):
        topic = other_questions.recognise(text)
        assert topic is None or topic.id not in ("lagtext", "foretag_soker_pengar", "forskott"), text


def test_ages_and_words_of_a_group_are_not_one_person():
    for text in ("en grupp i 50-årsåldern med utmattningssyndrom", "Varje kvinna med utmattningssyndrom får plats"):
        assert mask(text) == text
    assert mask("en 45-årig man med depression") == "en 45-årig man med [hälsouppgift]"


def test_a_seat_in_a_companys_management_group_is_no_introduction_to_blank():
    reading = read_description(
        default_tree(), "Jag sitter i ledningsgruppen för kaféet, vi vill att kommunen köper platser."
    )
    assert reading.facts["utforare"].option == "kommunen"


def test_a_condition_after_counts_as_is_still_read():
    text = "Räknas det som ett vanligt köp om kommunen köper arbetsträningsplatser av kaféet åt deltagare?"
    assert read_description(default_tree(), text).facts["utforare"].option == "kommunen"
