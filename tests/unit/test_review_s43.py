"""What session 42 left open and session 43 mended, each held here in new wording, through the actions."""

from __future__ import annotations

from actions.actions import ActionAnswer, ActionDescribeInitiative, ActionStartAssessment
from tests.unit.test_dialogue_corrections import Conversation, said


def _summarised(description: str) -> Conversation:
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.send(ActionDescribeInitiative(), description, intent="describe_initiative")
    assert talk.slots["pending_answers"], description
    return talk


def test_a_procuring_party_denied_at_the_summary_is_asked_again_and_named_later_is_noted():
    talk = _summarised(
        "Regionen upphandlar praktikplatser på ett kooperativ för personer som står långt från arbetsmarknaden. "
        "Förbundets pengar går via regionen."
    )
    assert talk.slots["pending_answers"].get("utforare") == "regionen"
    reply = said(talk.send(ActionAnswer(), "nej, det är inte regionen som upphandlar", intent="deny"))
    assert "kunde inte läsa ut något nytt" not in reply
    assert "upphandlar insatsen igen" in reply
    assert "utforare" not in talk.slots["answers"]
    open_question = talk.slots["current_question"]
    assert open_question != "utforare"
    reply = said(talk.send(ActionAnswer(), "det är Försäkringskassan som köper platserna"))
    assert "Jag noterar Försäkringskassan" in reply, reply
    assert talk.slots["answers"]["utforare"] == "forsakringskassan"
    assert talk.slots["current_question"] == open_question  # the question it did not answer, asked again
    assert "pengarna ska gå via regionen" in reply  # the route written before no longer fits: the conflict is named


def test_a_party_named_without_a_word_of_procuring_at_another_question_is_not_taken_as_the_procurer():
    talk = _summarised(
        "Regionen upphandlar praktikplatser på ett kooperativ för personer som står långt från arbetsmarknaden. "
        "Förbundets pengar går via regionen."
    )
    talk.send(ActionAnswer(), "nej, det är inte regionen som upphandlar", intent="deny")
    said(talk.send(ActionAnswer(), "de har kontakt med kommunen"))
    assert "utforare" not in talk.slots["answers"]


# --- The fresh-eyes review of the session's change ----------------------------------------------------------------

from actions.actions import ActionExplainConcept, ActionFallback, ActionJudge, ActionStartTraining  # noqa: E402
from tests.unit.test_trial61 import assessed  # noqa: E402


def test_a_description_opening_i_wonder_whether_is_still_summarised():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    text = (
        "Jag undrar om förbundet kan finansiera arbetsträning på ett kafé som regionen har upphandlat enligt LOU, "
        "för deltagare i Finsams målgrupp, med pengarna via regionen"
    )
    reply = said(talk.send(ActionDescribeInitiative(), text, intent="describe_initiative"))
    assert "Så här uppfattar jag insatsen" in reply


def test_a_yes_with_a_correction_and_a_topic_word_keeps_the_correction():
    talk = _summarised(
        "Regionen köper arbetsträning på ett kooperativ för deltagare i målgruppen och förbundet betalar via regionen"
    )
    assert talk.slots["pending_answers"].get("pengavag") == "via_part"
    text = "ja, men kooperativet ligger utanför vårt område och pengarna går direkt till dem"
    talk.send(ActionAnswer(), text, intent="affirm")
    assert (talk.slots["answers"] or {}).get("pengavag") != "via_part"
    assert (talk.slots["pending_answers"] or {}).get("pengavag") in (None, "direkt")


def test_asking_to_have_an_initiative_assessed_with_the_assistant_is_no_request_for_training():
    talk = Conversation()
    text = (
        "Kan jag använda dig för att bedöma om vi får finansiera en kurs om ASF för deltagarna? Kommunen ordnar "
        "den och förbundet betalar via kommunen."
    )
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert talk.slots["training"] is None


def test_who_answers_for_the_handledare_denied_is_about_where_the_handledare_works():
    talk = _summarised(
        "Kommunen anställer en handledare som stöttar deltagare i Finsams målgrupp på ett socialt företag, och "
        "förbundets pengar går via kommunen"
    )
    text = "nej, det är inte kommunen som ansvarar för handledaren, hon är anställd av företaget"
    talk.send(ActionAnswer(), text, intent="deny")
    assert (talk.slots["pending_answers"] or {}).get("handledare_anstalld") == "hos_foretaget"


def test_an_answer_with_a_question_about_what_it_means_for_the_result_is_recorded():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "deltagare")
    talk.send(ActionAnswer(), "ja, vad innebär det för bedömningen?")
    assert talk.slots["answers"].get("malgrupp") == "ja"


def test_two_ways_offered_in_a_question_record_neither():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    for question, choice in (
        ("vem", "deltagare"),
        ("malgrupp", "ja"),
        ("insats_typ", "arbetsforberedande"),
        ("utforare", "kommunen"),
    ):
        talk.click(question, choice)
    talk.send(ActionAnswer(), "direkt till kooperativet, eller måste kommunen då göra en upphandling enligt LOU?")
    assert "pengavag" not in talk.slots["answers"] and talk.slots["last_result"] is None


def test_money_not_going_to_social_enterprises_denies_no_line_about_them():
    talk = _summarised(
        "Regionen köper en utbildning om sociala företag för deltagare i Finsams målgrupp av ett studieförbund, och "
        "förbundets pengar går via regionen"
    )
    talk.send(
        ActionAnswer(), "nej, pengarna går inte till ASF alls, de går till studieförbundet via regionen", intent="deny"
    )
    assert talk.slots["answers"].get("insats_typ") == "utbildning_om_asf"


def test_nothing_missing_at_the_summary_is_no_correction():
    talk = _summarised("Förbundet vill finansiera en samordnare på kansliet som sprider kunskap om sociala företag.")
    reply = said(talk.send(ActionFallback(), "Det saknas inget, det stämmer", intent="nlu_fallback"))
    assert "Vilken rad stämmer inte?" not in reply


def test_a_request_for_another_assessment_after_a_result_starts_one_without_a_description():
    talk = assessed("Förbundet vill finansiera en samordnare på kansliet som sprider kunskap om sociala företag.")
    said(talk.send(ActionStartAssessment(), "Jag vill bedöma ett annat projekt nu", intent="start_assessment"))
    assert not talk.slots["description"] and talk.slots["current_question"] == "vem"


def test_in_training_a_concept_named_alone_is_explained_and_a_verdict_with_a_question_mark_judged():
    talk = Conversation()
    talk.send(ActionStartTraining(), "övning grund", intent="start_training")
    reply = said(
        talk.send(ActionExplainConcept(), "vad menas med upphandling?", intent="ask_concept", concept="upphandling")
    )
    assert "Upphandling" in reply and talk.slots["training"]["judged"] == 0
    talk.send(
        ActionJudge(), "på villkor? skillnaden mot kan finansieras är väl att pengarna går via AF", intent="judge"
    )
    assert talk.slots["training"]["judged"] == 1
