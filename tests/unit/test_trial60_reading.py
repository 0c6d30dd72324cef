"""What trial 60 showed misread in a description of a course for the companies' supervisors, and in the correction
that followed it: each held here in new wording."""

from __future__ import annotations

from actions.actions import ActionAnswer, ActionDescribeInitiative, ActionStartAssessment, ActionWhy
from asf.guidance import swedish
from asf.guidance.loader import default_tree
from asf.guidance.understanding import read_description
from tests.unit.test_dialogue_corrections import Conversation, said

COURSE_FOR_THE_SUPERVISORS = "utbildning ~ för ~ handledarna på ~ företag"


def matches(keyword: str, text: str) -> bool:
    return bool(swedish.find(keyword, swedish.tokens(text)))


def test_a_course_subject_may_stand_between_the_course_and_whom_it_is_for():
    text = "en utbildning (tre träffar) i samtalsmetodik vid neuropsykiatriska diagnoser för handledarna på företagen"
    assert matches(COURSE_FOR_THE_SUPERVISORS, text)
    # Without words opening a subject the gap stays short: six words of something else part the two.
    assert not matches(
        COURSE_FOR_THE_SUPERVISORS,
        "en utbildning nästa vår tillsammans med regionens folk för handledarna på företagen",
    )


def test_a_course_for_the_supervisors_asked_for_after_the_scene_is_what_is_assessed():
    text = (
        "Jag jobbar som arbetsterapeut i regionen. Handledarna på de sociala företagen här vet ofta inte hur de ska"
        " stötta deltagare med autism. Vi tänker oss en utbildning (tre träffar) i samtalsmetodik vid"
        " neuropsykiatriska diagnoser för handledarna på företagen. Kan förbundet stå för den?"
    )
    facts = read_description(default_tree(), text).facts
    assert facts["vem"].option == "asf_personal"
    assert facts["asf_personal_stod"].option == "kompetensutveckling"
    assert "insats_typ" not in facts


def test_a_correction_of_whom_it_is_for_drops_the_lines_the_new_people_do_not_reach():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    scene = "Handledarna på de sociala företagen vet ofta inte hur de ska stötta deltagare med autism."
    first = said(talk.send(ActionDescribeInitiative(), scene, intent="describe_initiative"))
    assert "Vad deltagarna ska få" in first  # the misreading the correction mends
    correction = "nej, det är fel. kursen är för handledarna, alltså de anställda på företagen, inte för deltagarna"
    second = said(talk.send(ActionAnswer(), correction, intent="deny"))
    assert "Anställda eller ledning på ett arbetsintegrerande socialt företag" in second
    assert "Vad deltagarna ska få" not in second.split("Så här uppfattar jag insatsen")[1]
    assert "tagit bort" in second  # the dropped line is named, not dropped silently


def course_for_the_supervisors_assessed() -> Conversation:
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    text = (
        "Regionen vill ordna en utbildning i samtalsmetodik för handledarna på de sociala företagen. Kan förbundet"
        " betala?"
    )
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    talk.send(ActionAnswer(), "ja", intent="affirm")
    assert talk.slots["answers"]["asf_personal_stod"] == "kompetensutveckling"
    return talk


def test_denying_a_part_of_the_answer_the_user_never_named_is_an_argument_met_with_the_reasons():
    talk = course_for_the_supervisors_assessed()
    objection = "men varför? det är ju deltagarna som vinner på det. det är ju inte affärsutveckling"
    reply = said(talk.send(ActionWhy(), objection, intent="ask_why"))
    assert "bygger på det du skrev: ”Regionen vill ordna en utbildning i samtalsmetodik" in reply
    assert "Skälen, med det i vägledningen som de bygger på" in reply  # the reasons the result rests on (trial 69)
    assert (
        talk.slots["current_question"] is None and talk.slots["answers"]["asf_personal_stod"] == "kompetensutveckling"
    )


def test_denying_the_part_the_user_named_still_asks_the_question_again():
    talk = course_for_the_supervisors_assessed()
    reply = said(
        talk.send(ActionWhy(), "varför då? det är ju inte en utbildning utan en lönesatsning", intent="ask_why")
    )
    assert "Välj ett nytt svar" in reply and talk.slots["current_question"] == "asf_personal_stod"
    # ... as does denying it in a word of the same part ("kurs" is "utbildning"): the label's own words are its parts
    talk = course_for_the_supervisors_assessed()
    reply = said(
        talk.send(ActionWhy(), "varför? det är ju inte någon kurs, det är handledning på plats", intent="ask_why")
    )
    assert "Välj ett nytt svar" in reply
