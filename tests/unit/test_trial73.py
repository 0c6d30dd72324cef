"""What trial 73 found misread or mishandled, each held here in new wording, through the actions."""

from __future__ import annotations

from actions.actions import (
    ActionAnswer,
    ActionBack,
    ActionDescribeInitiative,
    ActionExplainConcept,
    ActionJudge,
    ActionRequestMemo,
    ActionStartAssessment,
    ActionStartTraining,
    ActionWhy,
)
from asf.guidance.loader import default_tree
from asf.guidance.understanding import read_description
from tests.unit.test_dialogue_corrections import Conversation, said
from tests.unit.test_trial61 import PLACES_VIA_THE_KOMMUN, assessed


def _training_after_feedback() -> Conversation:
    talk = Conversation()
    talk.send(ActionStartTraining(), "övning grund", intent="start_training")
    talk.send(ActionJudge(), "bör inte finansieras", intent="judge")
    assert talk.slots["training"] and not talk.slots["training"]["awaiting"]
    return talk


def test_a_verdict_naming_a_concept_in_training_is_judged_not_explained():
    talk = Conversation()
    talk.send(ActionStartTraining(), "övning grund", intent="start_training")
    reply = said(
        talk.send(ActionExplainConcept(), "bör inte, för det gynnar bara ett ASF", intent="ask_concept", concept="asf")
    )
    assert "Tillväxtverkets definition" not in reply
    assert talk.slots["training"]["judged"] == 1


def test_a_question_about_the_case_after_feedback_stays_in_training():
    talk = _training_after_feedback()
    reply = said(
        talk.send(
            ActionDescribeInitiative(),
            "men blir det inte ändå ett sätt att starta ett företag? och får förbundet ens göra så?",
            intent="describe_initiative",
        )
    )
    assert talk.slots["training"] is not None and not talk.slots["pending_answers"]
    assert "följdfrågor" in reply


def test_what_the_question_means_is_explained_and_nothing_is_recorded():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "deltagare")
    reply = said(talk.send(ActionAnswer(), "ingen aning, vad innebär det?"))
    assert "2 § i lagen" in reply and "malgrupp" not in talk.slots["answers"]
    assert talk.slots["current_question"] == "malgrupp"


def test_back_after_a_result_keeps_the_confirmed_lines_beyond_the_step():
    talk = assessed(
        "Regionen vill anställa en handledare som stöttar deltagare på två sociala företag, förbundet betalar lönen "
        "via regionen"
    )
    talk.click("malgrupp", "nej")
    assert talk.slots["last_result"]["verdict"] == "not_financeable"
    talk.send(ActionBack(), "backa", intent="go_back")
    assert talk.slots["current_question"] == "malgrupp"
    reply = said(talk.send(ActionAnswer(), "ja, bara de som behöver samordnad rehabilitering"))
    assert talk.slots["current_question"] is None, reply
    assert talk.slots["last_result"]["answers"]["utforare"] == "regionen"


def test_a_question_about_decisions_for_individuals_after_a_result_gets_its_answer_not_the_memo():
    talk = assessed(PLACES_VIA_THE_KOMMUN)
    text = "får förbundet alls fatta beslut om ersättningar till enskilda? är inte det myndighetsutövning?"
    reply = said(talk.send(ActionRequestMemo(), text, intent="request_memo"))
    assert "# Beslutsunderlag" not in reply
    assert "inte besluta om förmåner eller rättigheter för enskilda" in reply


def test_a_development_grant_is_a_grant_in_money():
    reading = read_description(
        default_tree(), "Företaget får också ett utvecklingsbidrag på 50 000 kr utöver platserna"
    )
    assert reading.facts["stod_till_foretag"].option == "pengar"


def test_establishing_a_new_social_enterprise_is_named_beside_the_things_it_needs():
    reading = read_description(
        default_tree(),
        "Regionen vill driva etableringen av ett nytt socialt företag och behöver pengar till maskiner och lokal",
    )
    named = {fact.option for fact in reading.conflicts.get("stod_till_foretag", ())}
    stated = reading.facts.get("stod_till_foretag")
    assert "starta_utveckla" in named | ({stated.option} if stated else set())


def test_a_why_naming_the_results_own_answer_gets_that_step_not_one_another_word_names():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    for question, choice in (
        ("vem", "deltagare"),
        ("malgrupp", "ja"),
        ("insats_typ", "arbetsforberedande"),
        ("utforare", "regionen"),
        ("pengavag", "direkt"),
    ):
        talk.click(question, choice)
    text = "varför får inte förbundet betala ut direkt till dem? är det lagen som säger så?"
    reply = said(talk.send(ActionWhy(), text, intent="ask_why"))
    assert "Hur ska förbundets pengar gå?" in reply
    assert "Vilken part ansvarar" not in reply


def test_an_answer_that_names_another_part_also_says_it_is_assessed_on_its_own():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "parter_och_aktorer")
    reply = said(talk.send(ActionAnswer(), "Främst samordnaren, fast hon ska också hålla i inspirationsdagen"))
    assert talk.slots["answers"]["strukturell_typ"] == "samordnare"
    assert "Du nämner också ”Inspirationsdag, seminarium eller studiebesök" in reply
