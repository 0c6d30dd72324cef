"""Corrections and additions from a user trial: a note about a part set aside quotes only that
part, a result is corrected one answer at a time, and a rejected summary can gain a missing line."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from actions.actions import (
    ActionAnswer,
    ActionChangeAnswer,
    ActionDescribeInitiative,
    ActionFallback,
    ActionFeedback,
    ActionHandoff,
    ActionJudge,
    ActionRequestMemo,
    ActionRestartAssessment,
    ActionStartAssessment,
    ActionStartTraining,
    ActionWhy,
)
from asf import dialogue, messages
from asf.guidance import learned, swedish
from asf.guidance.loader import default_tree
from asf.guidance.understanding import read_answer, read_description
from asf.turns import Message, Reply, State
from tests.unit.test_actions import run, tracker


def texts(replies: list[Reply]) -> str:
    return "\n".join(reply.text or "" for reply in replies)


def set_aside_quote(replies: list[Reply]) -> str:
    """The words the note "Den delen ingår inte …" quotes."""
    lead = messages.text("describe.set_aside", evidence="@@", option="").split("@@")[0]
    found = re.search(re.escape(lead) + r"(”[^”]*”)", texts(replies))
    assert found is not None, texts(replies)
    return found.group(1)


@pytest.mark.parametrize(
    ("text", "set_aside", "summarised"),
    [
        # The part set aside after a comma: the words before the comma were summarised.
        (
            "Försäkringskassan köper arbetsträning för deltagare på ett socialt företag, vi ger bidrag till företaget",
            "vi ger bidrag till företaget",
            "socialt företag",
        ),
        # The part set aside first, joined by "och" to the part that was summarised.
        (
            "Vi ger ett bidrag till företaget och kommunen köper arbetsträningsplatser för deltagare där.",
            "Vi ger ett bidrag till företaget",
            "kommunen",
        ),
    ],
)
def test_the_note_on_a_part_set_aside_quotes_only_that_part(text: str, set_aside: str, summarised: str):
    replies, state = dialogue.describe(State(), Message(text=text, intent="describe_initiative"))
    assert state.pending  # a summary of the lawful part, with the must-not part named beside it
    quote = set_aside_quote(replies)
    assert set_aside in quote
    assert summarised not in quote, quote


# --- A typed correction after a result, through the Rasa actions -----------------------------

SLOTS = (
    *("answers", "current_question", "pending_answers", "pending_evidence", "correcting", "last_result"),
    *("misunderstood", "training", "description", "feedback"),
)


class Conversation:
    """Turns through the real actions, the slots carried from one turn to the next as Rasa would."""

    def __init__(self) -> None:
        self.slots: dict[str, Any] = {name: None for name in SLOTS}

    def send(self, action: Any, text: str, intent: str = "inform", **entities: str) -> list[dict[str, Any]]:
        found = [{"entity": name, "value": value} for name, value in entities.items()]
        sent, slots = run(action, tracker(text, intent, found, **self.slots))
        self.slots.update(slots)
        return sent

    def click(self, question: str, choice: str) -> list[dict[str, Any]]:
        return self.send(ActionAnswer(), "/inform", question=question, choice=choice)


def said(sent: list[dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or "" for m in sent)


VIA_KOMMUNEN = {
    "vem": "deltagare",
    "malgrupp": "ja",
    "insats_typ": "arbetsforberedande",
    "utforare": "kommunen",
    "pengavag": "via_part",
}


def finished(answers: dict[str, str]) -> Conversation:
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    for question, choice in answers.items():
        talk.click(question, choice)
    assert talk.slots["last_result"]["answers"] == answers
    return talk


def test_a_typed_correction_after_a_result_changes_only_that_answer():
    talk = finished(VIA_KOMMUNEN)
    sent = talk.send(ActionAnswer(), "nej, det är regionen som upphandlar och inte kommunen", party="regionen")
    assert talk.slots["answers"] == {**VIA_KOMMUNEN, "utforare": "regionen"}  # the other four are kept
    assert talk.slots["last_result"]["answers"] == {**VIA_KOMMUNEN, "utforare": "regionen"}
    assert not talk.slots["pending_answers"]  # no new summary to confirm, no start from the first question
    assert "”Regionen”" in said(sent) and "Dina andra svar gäller som förut" in said(sent)
    assert any(m.get("custom", {}) and m["custom"].get("outcome_id") for m in sent)  # the result again


def test_a_correction_after_a_described_initiative_keeps_the_answers_read_from_the_description():
    talk = Conversation()
    talk.send(
        ActionDescribeInitiative(),
        "Kommunen köper arbetsträningsplatser för deltagare på ett socialt företag och betalar via kommunen",
        intent="describe_initiative",
    )
    talk.send(ActionAnswer(), "ja", intent="affirm")
    while talk.slots["current_question"]:
        question = talk.slots["current_question"]
        talk.click(question, VIA_KOMMUNEN[question])
    before = dict(talk.slots["answers"])
    assert before["utforare"] == "kommunen"
    sent = talk.send(ActionAnswer(), "fel, Försäkringskassan upphandlar, inte kommunen", party="forsakringskassan")
    # The description's "betalar via kommunen" no longer fits: how the money goes is asked, never recorded as "Via
    # Försäkringskassan" unsaid (trial 28, t28-20); the other answers stay.
    assert talk.slots["current_question"] == "pengavag" and "via kommunen" in said(sent)
    talk.click("pengavag", "via_part")
    assert talk.slots["answers"] == {**before, "utforare": "forsakringskassan"}
    # The memo shows the correction, marked as one, beside the description.
    note = messages.text("change.correction_note", text="fel, Försäkringskassan upphandlar, inte kommunen")
    assert talk.slots["description"].endswith("\n" + note)


def test_a_correction_right_after_the_feedback_question_is_a_correction_not_feedback():
    talk = finished(VIA_KOMMUNEN)
    talk.send(ActionAnswer(), "nej det är regionen som upphandlar, inte kommunen", intent="deny")
    assert talk.slots["last_result"]["answers"] == {**VIA_KOMMUNEN, "utforare": "regionen"}
    # After Nej to "Hade du nytta av bedömningen?" a typed message is a comment, unless it corrects an answer.
    talk.send(ActionFeedback(), "/feedback", intent="feedback", choice="nej")
    assert talk.slots["feedback"]["answer"] == "nej"
    talk.send(ActionAnswer(), "Arbetsförmedlingen upphandlar, inte regionen", party="arbetsformedlingen")
    assert talk.slots["last_result"]["answers"] == {**VIA_KOMMUNEN, "utforare": "arbetsformedlingen"}


def test_a_comment_after_no_that_names_an_answer_is_a_comment_not_a_correction():
    """Trial 41 (t41-7): after Nej to "Hade du nytta av bedömningen?" the comment "Svaret bemötte inte min invändning
    om att deltagarna gynnas" changed who the course for a company's supervisors was for; the new result said
    "kan finansiera" and the memo showed the comment as a correction."""
    staff_course = {"vem": "asf_personal", "asf_personal_stod": "kompetensutveckling"}
    for comment, intent in (
        ("Svaret tog ingen hänsyn till min poäng om att deltagarna också gynnas.", "inform"),
        ("Nej, bedömningen besvarade inte att deltagarna gynnas av bättre handledare.", "deny"),
    ):
        talk = finished(staff_course)
        talk.send(ActionFeedback(), "/feedback", intent="feedback", choice="nej")
        talk.send(ActionAnswer(), comment, intent=intent)
        assert talk.slots["answers"] == staff_course, comment
        assert talk.slots["feedback"]["comment"] == comment
    # A correction that says it is one still corrects there (second review: the first three were saved as comments).
    for correction in (
        "nej, det är regionen som upphandlar",
        "Det är regionen som upphandlar.",
        "Fel. Regionen upphandlar.",
        "jag hade fel, regionen upphandlar",
    ):
        talk = finished(VIA_KOMMUNEN)
        talk.send(ActionFeedback(), "/feedback", intent="feedback", choice="nej")
        talk.send(ActionAnswer(), correction, intent="inform", party="regionen")
        assert talk.slots["last_result"]["answers"] == {**VIA_KOMMUNEN, "utforare": "regionen"}, correction


def test_saying_only_that_the_result_is_wrong_asks_which_answer_and_keeps_them_all():
    talk = finished(VIA_KOMMUNEN)
    talk.send(ActionWhy(), "varför blev det så?", intent="ask_why")  # the feedback question is passed by
    sent = talk.send(ActionAnswer(), "nej, det stämmer inte", intent="deny")
    assert messages.text("change.which_kept") in said(sent)
    payloads = [b["payload"] for b in sent[-1]["buttons"]]
    assert payloads == [f'/change_answer{{"question":"{q}"}}' for q in VIA_KOMMUNEN]
    assert talk.slots["answers"] == VIA_KOMMUNEN  # unchanged: nothing cleared
    talk.send(ActionChangeAnswer(), "/change_answer", intent="change_answer", question="utforare")
    assert talk.slots["current_question"] == "utforare"
    talk.click("utforare", "regionen")
    assert talk.slots["last_result"]["answers"] == {**VIA_KOMMUNEN, "utforare": "regionen"}


def test_a_correction_naming_two_answers_asks_which_of_them():
    talk = finished(VIA_KOMMUNEN)
    sent = talk.send(ActionAnswer(), "nej, pengarna går direkt till företaget")
    payloads = [b["payload"] for b in sent[-1]["buttons"]]
    assert '/change_answer{"question":"pengavag"}' in payloads
    assert len(payloads) < len(VIA_KOMMUNEN)  # only the answers the message touches
    assert talk.slots["last_result"]["answers"] == VIA_KOMMUNEN


def test_change_answer_after_a_result_with_the_new_value_changes_it_at_once():
    talk = finished(VIA_KOMMUNEN)
    talk.send(ActionChangeAnswer(), "ändra så att det är regionen som upphandlar", intent="change_answer")
    assert talk.slots["last_result"]["answers"] == {**VIA_KOMMUNEN, "utforare": "regionen"}


def test_a_new_description_after_a_result_is_still_summarised():
    talk = finished(VIA_KOMMUNEN)
    sent = talk.send(ActionAnswer(), "Vi vill ordna en inspirationsdag om sociala företag för parternas personal")
    assert "Så här uppfattar jag insatsen" in said(sent)
    assert talk.slots["pending_answers"]["vem"] == "parter_och_aktorer"
    # the user is told that this is assessed as a new initiative, on its own
    assert said(sent).startswith(messages.text("describe.new_after_result"))


def test_a_follow_up_after_a_result_that_names_nothing_says_it_starts_a_new_assessment():
    talk = finished(VIA_KOMMUNEN)
    sent = talk.send(ActionDescribeInitiative(), "och hyran för lokalen då?", intent="describe_initiative")
    assert messages.text("describe.new_after_result") in said(sent)
    assert talk.slots["current_question"] == "vem"


def test_a_correction_after_a_result_that_names_an_unchanged_answer_too_changes_the_other_one():
    """Trial 49 (t49-1): "va? nej pengarna går ju via kommunen, förbundet betalar till oss, inte till företaget" after
    a result built on "Direkt" was a new initiative of two lines, the party and the route, and the answers before were
    asked again; naming the party that procures, already an answer, is no initiative of its own."""
    direct = {**VIA_KOMMUNEN, "utforare": "regionen", "pengavag": "direkt"}
    for text in (
        "nej, det ska ju gå via regionen",
        "va? nej pengarna skickas via regionen, förbundet betalar regionen och inte kaféet",
    ):
        talk = finished(direct)
        sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
        assert messages.text("describe.new_after_result") not in said(sent)
        assert talk.slots["last_result"]["answers"] == {**direct, "pengavag": "via_part"}


def test_a_first_description_gets_no_word_about_a_new_assessment():
    sent = Conversation().send(
        ActionDescribeInitiative(), "Kommunen köper arbetsträning på ett ASF", intent="describe_initiative"
    )
    assert messages.text("describe.new_after_result") not in said(sent)


# --- A fact missing from a rejected summary --------------------------------------------------

WORK_TRAINING = "Vi vill ordna arbetsträning för deltagare på ett socialt kafé"


def rejected_summary() -> tuple[Conversation, list[dict[str, Any]]]:
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), WORK_TRAINING, intent="describe_initiative")
    assert talk.slots["pending_answers"] == {"vem": "deltagare", "insats_typ": "arbetsforberedande"}
    return talk, talk.send(ActionAnswer(), "/deny", intent="deny")


def test_after_no_to_the_summary_a_missing_fact_can_be_added_with_the_button():
    talk, sent = rejected_summary()
    missing = [b for b in sent[-1]["buttons"] if b["title"] == messages.text("buttons.missing")]
    assert len(missing) == 1
    sent = talk.send(ActionChangeAnswer(), missing[0]["payload"], intent="change_answer", question="saknas")
    assert said(sent) == messages.text("describe.write_missing")
    sent = talk.send(ActionAnswer(), "kommunen är den som upphandlar", party="kommunen")
    assert talk.slots["pending_answers"] == {
        "vem": "deltagare",
        "insats_typ": "arbetsforberedande",
        "utforare": "kommunen",
    }
    assert "Så här uppfattar jag insatsen" in said(sent) and "”kommunen är den som upphandlar”" in said(sent)
    talk.send(ActionAnswer(), "/affirm", intent="affirm")
    assert talk.slots["answers"] == {"vem": "deltagare", "insats_typ": "arbetsforberedande", "utforare": "kommunen"}
    assert talk.slots["current_question"] == "malgrupp"  # the one fact neither written nor added is asked


def test_after_no_a_missing_fact_can_be_written_at_once_and_the_lines_are_kept():
    talk, _ = rejected_summary()
    talk.send(ActionAnswer(), "Pengarna går via regionen, som upphandlar")
    assert talk.slots["pending_answers"] == {
        "vem": "deltagare",
        "insats_typ": "arbetsforberedande",
        "utforare": "regionen",
        "pengavag": "via_part",
    }
    assert "Pengarna går via regionen" in talk.slots["description"]


def test_a_correction_giving_other_answers_to_one_line_asks_that_line_again():
    """Trial 41 (t41-4): after Nej, "det är ingen gåva, vi lånar ut pengarna till maskinen … och hyran blir ett
    bidrag" got "Jag kunde inte läsa ut något nytt", though it names the line's other answers in the tree's words."""
    talk = Conversation()
    talk.send(
        ActionDescribeInitiative(),
        "Kooperativet Kvarnen behöver en ny diskmaskin. Kan förbundet köpa den åt dem?",
        intent="describe_initiative",
    )
    assert talk.slots["pending_answers"]["stod_till_foretag"] == "in_natura"
    talk.send(ActionAnswer(), "/deny", intent="deny")
    sent = talk.send(ActionAnswer(), "det är ingen gåva, vi lånar ut pengarna till maskinen och hyran blir ett bidrag")
    assert messages.text("describe.nothing_added") not in said(sent)
    assert talk.slots["current_question"] == "stod_till_foretag", said(sent)
    assert talk.slots["answers"] == {"vem": "foretaget"}  # the other line is kept


def test_an_addition_that_adds_nothing_says_so_and_the_lines_can_still_be_accepted():
    talk, _ = rejected_summary()
    sent = talk.send(ActionAnswer(), "det är ett trevligt ställe med god mat")
    assert messages.text("describe.nothing_added") in said(sent)
    assert talk.slots["pending_answers"] == {"vem": "deltagare", "insats_typ": "arbetsforberedande"}
    accept = [b for b in sent[-1]["buttons"] if b["payload"] == "/affirm"]
    assert accept
    talk.send(ActionAnswer(), "/affirm", intent="affirm")
    assert talk.slots["answers"] == {"vem": "deltagare", "insats_typ": "arbetsforberedande"}
    assert talk.slots["current_question"] == "malgrupp"


def test_after_no_a_line_can_be_changed_in_words_and_the_other_lines_are_kept():
    talk, _ = rejected_summary()
    sent = talk.send(ActionAnswer(), "nej, inte arbetsträning, de ska ha en handledare på plats")
    assert talk.slots["pending_answers"] == {"vem": "deltagare", "insats_typ": "handledare"}
    assert "Så här uppfattar jag insatsen" in said(sent)
    assert "en handledare på plats" in said(sent)  # the changed line quotes what the user wrote


# --- A correction marked as one ("förresten", "i stället") after a result --------------------

VIA_AF = {**VIA_KOMMUNEN, "utforare": "arbetsformedlingen"}


@pytest.mark.parametrize(
    "text",
    [
        "förresten, jag hade fel: det blir förbundet som betalar företaget direkt, AF är inte med i betalningen",
        "ändring: förbundet betalar företaget direkt i stället, AF är inte inblandat",
        "vänta, i stället blir handledaren anställd av företaget och förbundet betalar lönen direkt till företaget",
        "ok vi ändrar så att förbundet betalar företaget direkt, AF är inte med",
    ],
)
def test_a_correction_marked_as_one_keeps_every_answer_and_asks_which_changes(text: str):
    talk = finished(VIA_AF)
    sent = talk.send(ActionAnswer(), text)
    # Not a new description: no summary built from these words alone, no answer thrown away.
    assert not talk.slots["pending_answers"]
    assert talk.slots["answers"] == VIA_AF
    payloads = [b["payload"] for b in sent[-1]["buttons"]]
    assert '/change_answer{"question":"pengavag"}' in payloads
    assert len(payloads) < len(VIA_AF)


def test_a_message_that_changes_one_answer_of_the_result_and_describes_nothing_else_corrects_it():
    """Trial 47 (t47-9): "nej vänta, AF vill inte hantera fakturorna så förbundet betalar cykelverkstan direkt" after
    a result via AF was taken for a new initiative: the result and every answer were lost ("Du har inte svarat på
    något ännu"). The money route changes; the other answers stay. A party that will not handle the invoices denies
    no direct payment."""
    talk = finished(VIA_AF)
    text = "vänta nu, AF vill inte ta hand om fakturorna så förbundet betalar snickeriet direkt"
    sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert messages.text("describe.new_after_result") not in said(sent)
    assert talk.slots["last_result"]["answers"] == {**VIA_AF, "pengavag": "direkt"}
    question = default_tree().questions["pengavag"]
    typed = read_answer(question, "AF vill inte hantera fakturorna", models=learned.WORDS_ONLY).option
    assert typed is not None and typed.id == "direkt"


def test_an_unmarked_change_of_one_answer_corrects_it_and_another_initiative_on_the_same_route_does_not():
    """The same without "vänta" or "nej" (trial 47, t47-9); but a message that announces another initiative, or states
    a route of its own, is one (review of session 34: "Regionen köper också praktikplatser …" replaced the result)."""
    talk = finished(VIA_AF)
    text = "AF vill inte hantera fakturorna så förbundet betalar verkstaden direkt"
    sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert messages.text("describe.new_after_result") not in said(sent)
    assert talk.slots["last_result"]["answers"] == {**VIA_AF, "pengavag": "direkt"}
    for other in (
        "Regionen köper också praktikplatser på Returverket och förbundet betalar regionen.",
        "En annan insats: regionen köper arbetsträning på ett annat kooperativ.",
    ):
        talk = finished(VIA_AF)
        sent = talk.send(ActionDescribeInitiative(), other, intent="describe_initiative")
        assert messages.text("describe.new_after_result") in said(sent)
        assert talk.slots["last_result"]["answers"] == VIA_AF
    question = default_tree().questions["pengavag"]
    routed = read_answer(question, "förbundet vill inte hantera fakturor från företaget, det får gå via kommunen")
    assert routed.option is not None and routed.option.id == "via_part"


def test_a_new_description_that_says_i_stallet_is_still_summarised():
    talk = finished(VIA_KOMMUNEN)
    sent = talk.send(
        ActionAnswer(), "I stället vill vi ordna en inspirationsdag om sociala företag för parternas personal"
    )
    assert "Så här uppfattar jag insatsen" in said(sent)
    assert talk.slots["pending_answers"]["vem"] == "parter_och_aktorer"


def test_a_correction_the_nlu_did_not_understand_still_asks_which_answer_keeping_them_all():
    talk = finished({**VIA_KOMMUNEN, "malgrupp": "ja"})
    sent = talk.send(ActionFallback(), "förresten, jag hade fel: de har rehabbehov allihop", intent="nlu_fallback")
    assert messages.text("fallback.not_understood") not in said(sent)
    assert any(b["payload"].startswith("/change_answer") for b in sent[-1]["buttons"])
    assert talk.slots["answers"] == VIA_KOMMUNEN


def test_a_corrected_answer_is_named_by_its_question():
    talk = finished(VIA_KOMMUNEN)
    sent = talk.send(ActionAnswer(), "nej, det är regionen som upphandlar och inte kommunen", party="regionen")
    assert "Jag ändrar svaret på frågan vilken part" in said(sent)


def test_a_marked_correction_right_after_the_result_read_as_a_description_is_a_correction():
    talk = finished(VIA_AF)  # the feedback question is the last thing asked
    text = "förresten, jag hade fel: förbundet betalar företaget direkt, AF är inte med i betalningen"
    sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert messages.text("describe.new_after_result") not in said(sent)
    assert not talk.slots["pending_answers"] and talk.slots["answers"] == VIA_AF
    assert talk.slots["feedback"] is None or talk.slots["feedback"].get("comment") is None
    assert any(b["payload"] == '/change_answer{"question":"pengavag"}' for b in sent[-1]["buttons"])


def test_in_training_a_message_not_understood_is_never_a_correction_of_the_own_result():
    talk = finished(VIA_KOMMUNEN)
    talk.send(ActionStartTraining(), "jag vill öva", intent="start_training")
    assert talk.slots["training"]
    sent = talk.send(ActionFallback(), "nej, jag hade fel om den förra", intent="nlu_fallback")
    assert messages.text("change.which_kept") not in said(sent)
    assert not any(b["payload"].startswith("/change_answer") for b in sent[-1].get("buttons") or [])


def test_in_training_a_typed_answer_is_never_a_correction_of_the_own_result():
    # The same as for a message not understood, on the answer path: in training after a case's
    # feedback an "inform" the NLU heard must not change the user's own earlier assessment.
    talk = finished(VIA_KOMMUNEN)
    talk.send(ActionStartTraining(), "jag vill öva", intent="start_training")
    talk.send(ActionJudge(), "/judge", intent="judge", verdict="financeable")
    assert talk.slots["training"]
    sent = talk.send(ActionAnswer(), "nej, jag hade fel, det är regionen som upphandlar", intent="inform")
    assert talk.slots["answers"] == VIA_KOMMUNEN
    assert "Jag ändrar svaret" not in said(sent) and messages.text("change.which_kept") not in said(sent)
    # A message this long says something about the case or a variant: the training says how to assess one (session 43).
    assert messages.text("fallback.training_question") in said(sent)


# A handledare employed by the company, paid straight by the förbund: "bör inte finansieras".
HANDLEDARE_PAID_DIRECTLY = {
    "vem": "deltagare",
    "malgrupp": "ja",
    "insats_typ": "handledare",
    "handledare_anstalld": "hos_foretaget",
    "utforare": "ingen_part_direkt",
}


def test_what_if_after_a_result_changes_the_answers_it_names_and_reads_what_follows():
    # Trial 10 (t10-8): "ändrar det något om …?" got "Jag tar det som en ny insats" and every question again.
    answers = HANDLEDARE_PAID_DIRECTLY
    talk = finished(answers)
    text = "ändrar det något om regionen köper handledningen av kooperativet och vi betalar regionen?"
    sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert messages.text("describe.new_after_result") not in said(sent)
    assert talk.slots["answers"] == {**answers, "utforare": "regionen", "pengavag": "via_part"}
    assert talk.slots["last_result"]["answers"]["pengavag"] == "via_part"  # a new result, nothing asked again


@pytest.mark.parametrize(
    "text",
    [
        "om vi betalar fakturorna direkt till företaget i stället, för att spara tid?",
        "om förbundet i stället betalar räkningen direkt till kooperativet, så slipper vi krånglet?",
        "går det bra om vi betalar kooperativet direkt?",
    ],
)
def test_what_if_with_om_and_instead_or_asking_if_ok_changes_only_what_it_names(text: str):
    # Trial 19 (t19-1): "om vi betalar fakturan direkt till företaget i stället, för att …?" was assessed as
    # a new initiative and asked who it is for, the target group, what they get and the party again; the
    # company the money goes straight to is the payee, not who the initiative is for.
    talk = finished(VIA_KOMMUNEN)
    sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert messages.text("describe.new_after_result") not in said(sent)
    assert talk.slots["answers"] == {**VIA_KOMMUNEN, "pengavag": "direkt"}
    assert talk.slots["last_result"]["verdict"] == "not_financeable"


FILM_FOR_STAFF = {"vem": "parter_och_aktorer", "strukturell_typ": "mojligheter", "mottagare": "egen_verksamhet"}


@pytest.mark.parametrize(
    "text",
    [
        "är arvodet till kooperativet för inspelningen okej då? det är ju inget bidrag",
        "men om ett socialt företag gör filmen, är det ok att vi köper den av dem?",
    ],
)
def test_asking_if_what_the_answers_cover_is_ok_keeps_the_result(text: str):
    # Trial 19 (t19-13, t19-21): "är arvodet till företaget ok då?" replaced a right result for an ordinary
    # purchase by one for support to the company; "… är det ok att köpa den av dem?" got "Vilket svar vill du ändra?".
    talk = finished(FILM_FOR_STAFF)
    sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert "ingår det redan i bedömningen" in said(sent) and "vanligt köp" in said(sent)
    assert talk.slots["answers"] == FILM_FOR_STAFF
    assert talk.slots["last_result"]["answers"] == FILM_FOR_STAFF


@pytest.mark.parametrize(
    ("text", "intent"),
    [  # the intents the trained NLU gives these
        ("är det ok om jag skickar fler synpunkter senare?", "nlu_fallback"),  # no answer of the result in it
        ("är det tillåtet att deltagarna anställs av kommunen sen?", "inform"),  # not covered by the result
    ],
)
def test_asking_if_something_else_is_ok_neither_changes_nor_confirms_the_result(text: str, intent: str):
    # Review: these got "Vilket svar vill du ändra?", "ingår redan" or had the party changed to the förbund.
    talk = finished(VIA_KOMMUNEN)
    action = ActionAnswer() if intent == "inform" else ActionFallback()
    sent = talk.send(action, text, intent=intent)
    assert "ingår" not in said(sent) and "Vilket svar vill du ändra?" not in said(sent)
    assert talk.slots["last_result"]["answers"] == VIA_KOMMUNEN


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("och om kommunen också betalar kooperativet 30 000 extra per år, med våra pengar?", "describe_initiative"),
        ("är det ok att förbundet också ger företaget ett bidrag via kommunen?", "inform"),
    ],
)
def test_what_if_adding_money_for_the_company_assesses_that_money(text: str, intent: str):
    # Trial 20 (t20-19): "och om AF också betalar företaget 50 000 extra per år …?" was read as a new way for
    # the money, and the result stayed "kan finansiera på villkor" with nothing said of the 50 000; then (review)
    # a blank new assessment that never named the money.
    talk = finished(VIA_KOMMUNEN)
    action = ActionAnswer() if intent == "inform" else ActionDescribeInitiative()
    talk.send(action, text, intent=intent)
    assert talk.slots["last_result"]["answers"]["stod_till_foretag"] == "pengar"
    assert talk.slots["last_result"]["verdict"] == "not_financeable"


def test_asking_if_another_answer_of_this_result_is_ok_tries_it():
    # Re-review: "är det ok om deltagarna inte behöver samordnat stöd?" was assessed as a new initiative.
    talk = finished(VIA_KOMMUNEN)
    text = "är det ok om deltagarna egentligen inte behöver samordnat stöd?"
    talk.send(ActionFallback(), text, intent="nlu_fallback")
    assert talk.slots["last_result"]["answers"]["malgrupp"] == "nej"


def test_what_if_is_read_as_a_description_and_keeps_the_answers_it_does_not_change():
    # Trial 10 (t10-16): the whole assessment was asked again.
    talk = finished({"vem": "deltagare", "malgrupp": "nej"})
    text = "ändrar det något om en del av dem har psykisk ohälsa och behöver stöd från både psykiatrin och kommunen?"
    sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert messages.text("describe.new_after_result") not in said(sent)
    assert talk.slots["answers"] == {"vem": "deltagare", "malgrupp": "ja"}


def test_what_if_names_a_company_and_a_party_without_changing_who_it_is_for():
    # Trial 11 (t11-26): "Verkstan" and "AF" made it about the company's staff, and "bör inte" followed.
    answers = HANDLEDARE_PAID_DIRECTLY
    talk = finished(answers)
    text = "ändrar det något om AF köper handledningen av Verkstan och vi finansierar via AF?"
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert talk.slots["answers"] == {**answers, "utforare": "arbetsformedlingen", "pengavag": "via_part"}
    assert talk.slots["last_result"]["verdict"] == "conditional"


def test_what_if_with_no_answer_read_keeps_the_result_instead_of_starting_again():
    # Since round 35 it says that no answer the result rests on changes (and how to try another), where it asked
    # "Vilket svar vill du ändra?" before (trial 55, t55-8).
    talk = finished({"vem": "deltagare", "malgrupp": "nej"})
    sent = talk.send(ActionDescribeInitiative(), "ändrar det något om det blir i höst?", intent="describe_initiative")
    assert messages.text("describe.new_after_result") not in said(sent)
    assert messages.text("change.no_answer_changed") in said(sent)
    assert talk.slots["answers"] == {"vem": "deltagare", "malgrupp": "nej"}


def test_what_if_about_a_seller_of_a_fee_never_changes_who_the_initiative_is_for():
    # Trial 11 (t11-1): a fee to an ASF for a study visit during the day turned the inspiration day
    # into support to a company, and then "täcks inte". A fee is an ordinary purchase, which the answer
    # about who gets the money already covers: so the user is told (trial 19, t19-13).
    answers = {"vem": "parter_och_aktorer", "strukturell_typ": "evenemang", "mottagare": "egen_verksamhet"}
    talk = finished(answers)
    text = "ändrar det något om vi betalar ett arvode till Returbutiken (ASF) för att ta emot studiebesök under dagen?"
    sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert "ingår det redan i bedömningen" in said(sent) and "vanligt köp" in said(sent)
    assert talk.slots["answers"] == answers


def test_what_if_the_film_promotes_one_company_turns_it_into_support_to_that_company():
    # Trial 12 (t12-43): "Ändrar det något om den blir reklamfilm för ett enda företag?" kept the yes.
    answers = {"vem": "parter_och_aktorer", "strukturell_typ": "mojligheter", "mottagare": "egen_verksamhet"}
    talk = finished(answers)
    talk.send(ActionDescribeInitiative(), "Ändrar det något om den blir reklamfilm för ett enda företag?")
    assert talk.slots["answers"]["mottagare"] == "ett_foretag"
    assert talk.slots["last_result"]["verdict"] == "not_financeable"


GRANT_BESIDE_PARTICIPANTS = (
    "Vi vill ge 80 000 kr i bidrag till Solgläntan (ASF), där deltagare från kommunen arbetstränar."
)
PARTICIPANTS_ROUTE = {"vem": "deltagare", "malgrupp": "ja", "insats_typ": "arbetsforberedande", "utforare": "kommunen"}


def answered_for_the_participants() -> Conversation:
    """GRANT_BESIDE_PARTICIPANTS described, then answered as for the participants, money straight to the company."""
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), GRANT_BESIDE_PARTICIPANTS, intent="describe_initiative")
    talk.send(ActionAnswer(), "/affirm", intent="affirm")  # the summary names the grant as not assessed
    for question, choice in {**PARTICIPANTS_ROUTE, "pengavag": "direkt"}.items():
        if talk.slots["current_question"] == question:
            talk.click(question, choice)
    assert talk.slots["last_result"]["answers"] == {**PARTICIPANTS_ROUTE, "pengavag": "direkt"}
    return talk


def test_what_if_about_a_grant_the_result_left_out_assesses_the_grant():
    # Trial 12 (t12-47): a grant to one company beside participants training there; answered as for the
    # participants, "ändrar det något om bidraget går via AF?" gave "kan finansieras på villkor" with
    # the grant only a side note. The what-if names the grant, so the grant is what is assessed.
    talk = answered_for_the_participants()
    what_if = "blir det annorlunda om bidraget går via kommunen?"
    sent = talk.send(ActionDescribeInitiative(), what_if, intent="describe_initiative")
    assert talk.slots["answers"] == {"vem": "foretaget", "stod_till_foretag": "pengar"}
    assert talk.slots["last_result"]["verdict"] == "not_financeable"
    # Tree 2.3.1: the result says why the route via a party does not change it (t13-2, t13-32 asked).
    assert "ett bidrag blir inte ett köp av att det passerar en part" in said(sent)


def test_what_if_that_names_no_left_out_part_keeps_the_participants_route():
    talk = answered_for_the_participants()
    what_if = "ändrar det något om pengarna går via kommunen?"  # "pengar" names the förbund's money, not the grant
    talk.send(ActionDescribeInitiative(), what_if, intent="describe_initiative")
    assert talk.slots["answers"] == {**PARTICIPANTS_ROUTE, "pengavag": "via_part"}


def test_a_description_typed_at_the_first_question_gets_a_summary():
    # Trial 13 (t13-3, t13-21): after "Bedöm en insats" a whole description was read only for "Vem …?",
    # and the rest was asked again question by question.
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    text = "En samordnare på halvtid ska sprida kunskap om sociala företag till parternas handläggare och chefer."
    sent = talk.send(ActionAnswer(), text)
    assert "Så här uppfattar jag insatsen" in said(sent)
    assert talk.slots["pending_answers"]["strukturell_typ"] == "samordnare"
    assert talk.slots["current_question"] is None


def test_an_answer_that_only_says_who_it_is_for_stays_an_answer_at_the_first_question():
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.send(ActionAnswer(), "deltagarna")
    assert talk.slots["answers"] == {"vem": "deltagare"}
    assert not talk.slots["pending_answers"]


def test_a_yes_with_a_reminder_at_the_summary_confirms_it_and_forgets_nothing():
    # Trial 13 (t13-39): "ja, men glöm inte del 1 om samordnaren" was read as "glöm" (forget) and the
    # confirmed summary was thrown away ("Vi börjar om från början").
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), WORK_TRAINING, intent="describe_initiative")
    pending = dict(talk.slots["pending_answers"])
    sent = talk.send(ActionRestartAssessment(), "ja, men glöm inte delen om samordnaren", intent="start_over")
    assert messages.text("assessment.restart") not in said(sent)
    assert {q: talk.slots["answers"][q] for q in pending} == pending


def test_forget_it_still_starts_over_when_it_says_what_to_forget():
    assert dialogue.asks_to_start_over("glöm det, vi tar det från början")
    assert not dialogue.asks_to_start_over("glöm inte delen om samordnaren")


def test_a_word_that_only_ends_like_a_request_to_start_over_is_none():
    # Found in session 14: "konferens" holds "rens", and a question about a conference started over.
    assert not dialogue.asks_to_start_over("Får vi hyra lokalen till förbundets konferens hos ett socialt företag?")
    assert dialogue.asks_to_start_over("rensa allt och ta det från noll")


GRANT_VIA_A_PARTY = (
    "Kommunen vill få 200 000 kr från förbundet och sedan ge ett verksamhetsbidrag till Kraftverket, "
    "ett socialt företag som tar emot deltagare i arbetsträning. Pengarna går alltså via kommunen."
)


def part_buttons(sent: list[dict[str, Any]]) -> list[dict[str, str]]:
    prefix = messages.text("buttons.assess_part", part="").split("”")[0]
    return [b for m in sent for b in (m.get("buttons") or []) if b["title"].startswith(prefix)]


def click(talk: Conversation, found: dict[str, str]) -> list[dict[str, Any]]:
    chosen = json.loads(found["payload"].removeprefix("/inform"))
    return talk.send(ActionAnswer(), found["payload"], question=chosen["question"], choice=chosen["choice"])


def test_a_part_the_summary_sets_aside_can_be_assessed_instead_with_one_button():
    # Trial 13 (t13-14, t13-41): the grant, the core of the initiative, was set aside with "Gör en egen
    # bedömning", and the lawful wrapper (participants, money via the party) was assessed and approved.
    talk = Conversation()
    sent = talk.send(ActionDescribeInitiative(), GRANT_VIA_A_PARTY, intent="describe_initiative")
    (part,) = part_buttons(sent)
    assert "verksamhetsbidrag" in part["title"]
    sent = click(talk, part)
    assert talk.slots["last_result"]["answers"] == {"vem": "foretaget", "stod_till_foretag": "pengar"}
    assert talk.slots["last_result"]["verdict"] == "not_financeable"
    assert "verksamhetsbidrag" in said(sent).split("\n")[0]  # it says which part it assessed
    # The memo quotes the whole description, so it says which part the result is about.
    note = messages.text("change.part_note", evidence="").split(":")[0]
    assert note in talk.slots["last_result"]["description"]


def test_a_result_that_leaves_a_part_out_offers_to_assess_it():
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), GRANT_VIA_A_PARTY, intent="describe_initiative")
    talk.send(ActionAnswer(), "/affirm", intent="affirm")
    route = {"vem": "deltagare", "malgrupp": "ja", "insats_typ": "arbetsforberedande", "utforare": "kommunen"}
    sent: list[dict[str, Any]] = []
    while talk.slots["current_question"] in route:
        question = talk.slots["current_question"]
        sent = talk.click(question, route[question])
    assert talk.slots["last_result"]["verdict"] == "conditional"
    (part,) = part_buttons(sent)
    click(talk, part)
    assert talk.slots["last_result"]["verdict"] == "not_financeable"


def test_the_open_questions_own_option_is_an_answer_even_when_the_description_names_it():
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), GRANT_VIA_A_PARTY, intent="describe_initiative")
    talk.click("vem", "foretaget")
    assert talk.slots["current_question"] == "stod_till_foretag"
    sent = talk.click("stod_till_foretag", "pengar")
    assert messages.text("describe.part_chosen", evidence="").split(":")[0] not in said(sent)
    assert talk.slots["last_result"]["answers"] == {"vem": "foretaget", "stod_till_foretag": "pengar"}


def test_a_typed_answer_read_as_start_assessment_keeps_the_confirmed_summary():
    # Trial 13 (t13-33): "förbundet och styrelsen, vi vill veta om projektet funkar", typed at "Vem …?",
    # was read as "start an assessment"; the confirmed summary was thrown away and asked again.
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), "Kan förbundet betala ett seminarium om vårt ASF-projekt?")
    talk.send(ActionAnswer(), "/affirm", intent="affirm")
    confirmed = dict(talk.slots["answers"])
    assert confirmed and talk.slots["current_question"] == "vem"
    text = "förbundet och styrelsen, vi vill veta om projektet funkar"
    talk.send(ActionStartAssessment(), text, intent="start_assessment")
    assert talk.slots["answers"] == {**confirmed, "vem": "parter_och_aktorer"}


def asks_first_mid_way(action: Any, text: str, intent: str) -> None:
    """`text` sent to `action` after the first answer: "Vill du avbryta?" with the answer kept."""
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "deltagare")
    sent = talk.send(action, text, intent=intent)
    assert messages.text("assessment.abort_offer") in said(sent)
    assert talk.slots["answers"] == {"vem": "deltagare"}


def test_a_typed_request_for_a_new_assessment_mid_way_asks_first():
    asks_first_mid_way(ActionStartAssessment(), "jag vill göra en ny bedömning", "start_assessment")


def test_a_what_if_after_a_no_reuses_the_answers_that_result_set_aside():
    # Trial 13 (t13-10): "Nej" to the target group set aside what, who and how; "ändrar det något om alla
    # är i målgruppen?" then asked all three again although the summary had confirmed them.
    talk = Conversation()
    text = "Kommunen köper en utbildning om sociala företag åt deltagarna, och förbundets pengar går via kommunen."
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    confirmed = dict(talk.slots["pending_answers"])
    talk.send(ActionAnswer(), "/affirm", intent="affirm")
    talk.click("malgrupp", "nej")
    assert talk.slots["answers"] == {"vem": "deltagare", "malgrupp": "nej"}
    what_if = "ändrar det något om alla deltagare är i målgruppen?"
    talk.send(ActionDescribeInitiative(), what_if, intent="describe_initiative")
    assert talk.slots["last_result"]["answers"] == {**confirmed, "malgrupp": "ja"}  # nothing asked again


@pytest.mark.parametrize(
    "text", ["ok, om vi bara tar med de som är i målgruppen då?", "men om alla är i Finsams målgrupp?"]
)
def test_a_what_if_that_opens_with_om_is_read_as_one(text: str):
    # Trial 13 (t13-10): "ok, om vi bara tar med de 8 som är i målgruppen då?" got a definition.
    talk = finished({"vem": "deltagare", "malgrupp": "nej"})
    sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert messages.text("describe.new_after_result") not in said(sent)
    assert talk.slots["answers"] == {"vem": "deltagare", "malgrupp": "ja"}


def test_avsluta_ends_the_conversation_outside_an_assessment_and_asks_first_inside_one():
    # Trial 13 (t13-6): "avsluta" got "Det förstod jag inte riktigt".
    talk = Conversation()
    sent = talk.send(ActionFallback(), "avsluta", intent="nlu_fallback")
    assert messages.text("start.goodbye") in said(sent)
    asks_first_mid_way(ActionFallback(), "avsluta", "nlu_fallback")


def test_spelar_det_roll_after_a_result_is_a_what_if():
    # Trial 13 (t13-16): "men pengarna går väl bara via FK, inte via AF? spelar det roll?" got the trace.
    talk = finished(VIA_KOMMUNEN)
    sent = talk.send(ActionDescribeInitiative(), "regionen köper platserna, spelar det roll?")
    assert messages.text("describe.new_after_result") not in said(sent)
    assert talk.slots["answers"]["utforare"] == "regionen"


def test_a_part_left_out_of_the_summary_is_named_first_when_its_question_comes():
    # Trial 13 (t13-41): after "Ett företag" the grant the description named was asked as if unsaid.
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), GRANT_VIA_A_PARTY, intent="describe_initiative")
    talk.send(ActionAnswer(), "/affirm", intent="affirm")
    sent = talk.click("vem", "foretaget")
    assert talk.slots["current_question"] == "stod_till_foretag"
    assert "stod_till_foretag" not in talk.slots["answers"]  # named, not recorded
    assert "verksamhetsbidrag" in said(sent)
    assert sent[-1]["buttons"][0]["payload"] == '/inform{"question":"stod_till_foretag","choice":"pengar"}'


def test_a_rejected_line_of_the_summary_is_not_suggested_again():
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), "Vi vill ge ett bidrag på 50 000 kr till Kafé Solen, ett ASF.")
    assert talk.slots["pending_answers"]["stod_till_foretag"] == "pengar"
    talk.send(ActionAnswer(), "/deny", intent="deny")
    sent = talk.send(ActionAnswer(), "/inform", intent="inform", question="stod_till_foretag")
    assert talk.slots["current_question"] == "stod_till_foretag"
    suggestion = messages.text("assessment.suggested", evidence="«E»", option="«O»").split("«E»")[1].split("«O»")[0]
    assert suggestion.strip(". ") not in said(sent)


def at_where_the_handledare_is_employed() -> Conversation:
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), "/start_assessment", intent="start_assessment")
    for question, choice in (("vem", "deltagare"), ("malgrupp", "ja"), ("insats_typ", "handledare")):
        talk.click(question, choice)
    assert talk.slots["current_question"] == "handledare_anstalld"
    return talk


def test_a_no_that_denies_the_answer_the_question_rests_on_asks_that_answer_again():
    # Trial 22 (t22-17): "nej det är ingen handledare, det är en konsult som …" at "Var är handledaren anställd?"
    # was recorded as "Hos det sociala företaget", and business coaching got "kan finansiera på villkor".
    talk = at_where_the_handledare_is_employed()
    sent = talk.send(
        ActionAnswer(), "nä, det är inte någon handledare utan en coach för kaféets ägare", intent="inform"
    )
    assert "handledare_anstalld" not in talk.slots["answers"]
    assert talk.slots["current_question"] == "insats_typ"
    assert "En handledare" in said(sent)  # the answer it asks again names the old one


@pytest.mark.parametrize(
    "text", ["nej, hos kommunen, inte hos företaget", "nej, handledaren ska inte vara anställd på företaget utan på AF"]
)
def test_a_no_about_the_open_question_itself_is_an_answer_to_it(text: str):
    talk = at_where_the_handledare_is_employed()
    talk.send(ActionAnswer(), text, intent="inform")
    assert talk.slots["answers"]["handledare_anstalld"] == "hos_part"


@pytest.mark.parametrize(
    ("clicks", "text", "question", "recorded"),
    [
        # Review of session 17: a "nej" that answers the open question, though it denies words of the last answer.
        ((("vem", "deltagare"),), "nej, deltagarna hör inte till målgruppen", "malgrupp", "nej"),
        (
            (("vem", "deltagare"), ("malgrupp", "ja"), ("insats_typ", "arbetsforberedande"), ("utforare", "kommunen")),
            "nej, inte via kommunen, direkt till företaget",
            "pengavag",
            "direkt",
        ),
        (
            (("vem", "deltagare"), ("malgrupp", "ja"), ("insats_typ", "arbetsforberedande")),
            "nej, inte AF som köper platserna, det gör kommunen",
            "utforare",
            "kommunen",
        ),
    ],
)
def test_a_no_that_answers_the_open_question_is_recorded(
    clicks: tuple[tuple[str, str], ...], text: str, question: str, recorded: str
):
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), "/start_assessment", intent="start_assessment")
    for clicked in clicks:
        talk.click(*clicked)
    assert talk.slots["current_question"] == question
    talk.send(ActionAnswer(), text, intent="inform")
    assert talk.slots["answers"][question] == recorded


@pytest.mark.parametrize(
    ("clicks", "text", "reopened"),
    [
        # Third review of session 17: another answer to the question before, named beside the denial.
        ((("vem", "deltagare"),), "nej, det är inga deltagare, det är personalen på kaféet", "vem"),
        (
            (("vem", "deltagare"), ("malgrupp", "ja"), ("insats_typ", "handledare")),
            "nej, inte handledare utan arbetsträning",
            "insats_typ",
        ),
    ],
)
def test_a_no_naming_another_answer_to_the_question_before_asks_it_again(
    clicks: tuple[tuple[str, str], ...], text: str, reopened: str
):
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), "/start_assessment", intent="start_assessment")
    for clicked in clicks:
        talk.click(*clicked)
    talk.send(ActionAnswer(), text, intent="inform")
    assert talk.slots["current_question"] == reopened and reopened not in talk.slots["answers"]


# Advice to one company, with the places a party buys there named only in a relative clause: no summary, so
# who it is for is asked first (trial 21, t21-20, in new words).
ADVICE_BESIDE_PLACES = (
    "Får förbundet betala en rådgivare som ger marknadsföringsråd till ett enda socialt företag som vi köper "
    "platser av? Annars kanske de måste lägga ner."
)


def at_what_participants_get() -> tuple[Conversation, list[dict[str, Any]]]:
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), ADVICE_BESIDE_PLACES, intent="describe_initiative")
    assert talk.slots["current_question"] == "vem" and not talk.slots.get("pending_answers")
    talk.click("vem", "deltagare")
    sent = talk.click("malgrupp", "ja")
    assert talk.slots["current_question"] == "insats_typ"
    return talk, sent


def test_a_part_named_for_another_route_is_named_first_where_this_route_reaches_it():
    # t21-20: "Vad ska deltagarna få?" offered no link to the advice, "Något annat" gave "täcks inte" and the
    # advice became a side note; on this route the advice is a service the förbund pays for the company.
    talk, sent = at_what_participants_get()
    assert "insats_typ" not in talk.slots["answers"]  # named, not recorded
    assert "marknadsföringsråd" in said(sent)
    assert sent[-1]["buttons"][0]["payload"] == '/inform{"question":"insats_typ","choice":"till_foretaget"}'
    sent = talk.click("insats_typ", "till_foretaget")
    assert talk.slots["current_question"] == "foretaget_far"
    assert sent[-1]["buttons"][0]["payload"] == '/inform{"question":"foretaget_far","choice":"tjanst"}'
    sent = talk.click("foretaget_far", "tjanst")
    assert talk.slots["last_result"]["verdict"] == "not_financeable"


def test_a_typed_answer_that_repeats_the_named_part_is_asked_about_not_recorded_as_another():
    # t21-20: "konsulten med marknadsföringen, som jag skrev" was recorded as "Något annat" (a course in
    # marketing for the participants), whose result said the guidance does not cover it.
    talk, _ = at_what_participants_get()
    sent = talk.send(ActionAnswer(), "rådgivaren som jag skrev om, med marknadsföringen", intent="inform")
    assert "insats_typ" not in talk.slots["answers"]
    assert said(sent).startswith(messages.text("assessment.did_you_mean").split("?")[0])
    assert sent[-1]["buttons"][0]["payload"] == '/inform{"question":"insats_typ","choice":"till_foretaget"}'


def test_a_typed_answer_that_names_another_option_in_its_own_words_is_recorded():
    # The relative clause's "köper platser" is the option's own word here, no echo of the advice.
    talk, _ = at_what_participants_get()
    talk.send(ActionAnswer(), "de ska arbetsträna där, vi köper platser", intent="inform")
    assert talk.slots["answers"]["insats_typ"] == "arbetsforberedande"


@pytest.mark.parametrize("intent", ["inform", "describe_initiative", "ask_why"])
def test_why_with_an_objection_after_a_result_changes_no_answer(intent: str):
    # Trial 14 (t14-4): "varför? om bageriet går bra får ju fler deltagare jobb där" changed who the
    # initiative is for to the participants, and the questions began again.
    answers = {"vem": "asf_personal", "asf_personal_stod": "kompetensutveckling"}
    talk = finished(answers)
    action = {"ask_why": ActionWhy(), "inform": ActionAnswer()}.get(intent, ActionDescribeInitiative())
    sent = talk.send(action, "varför? om kaféet går bättre får ju fler deltagare jobb där", intent=intent)
    assert talk.slots["answers"] == answers
    assert talk.slots["last_result"]["answers"] == answers
    assert messages.text("describe.new_after_result") not in said(sent)
    assert "fråga för fråga" in said(sent)  # the reasons, question by question


def test_an_objection_to_a_must_not_gets_what_the_forbund_may_do_instead():
    """Trial 46 (t46-4): "varför? de tar ju emot våra deltagare …" after "bör inte" for a grant to a company got the
    chain of answers, and nothing said what would be lawful; the outcome's alternative ends the chain."""
    answers = {"vem": "foretaget", "stod_till_foretag": "pengar"}
    talk = finished(answers)
    sent = talk.send(ActionWhy(), "varför då? pengarna hjälper ju våra deltagare där", intent="ask_why")
    alternative = talk.slots["last_result"]["alternative"]
    assert alternative and messages.text("why.alternative", alternative=alternative) in said(sent)
    lawful = finished(VIA_KOMMUNEN)
    assert not lawful.slots["last_result"]["alternative"]
    assert "i stället" not in said(lawful.send(ActionWhy(), "varför?", intent="ask_why"))


@pytest.mark.parametrize(
    "text",
    [
        "det är väl ändå för deltagarna? det är ju dem pengarna hjälper",
        "men kan man inte räkna det som stöd till deltagarna",
        "men fler deltagare får ju jobb tack vare pengarna",
    ],
)
def test_a_remark_against_the_result_is_an_objection_not_a_new_initiative(text: str):
    """Left undone in session 33 (trial 46, t46-4): a remark against "bör inte" for a grant to a company ("det är ju
    för deltagarnas skull") was read as a new initiative for participants, with a one-line summary; it gets the
    reasons and what the förbund may do instead, and the result stands."""
    answers = {"vem": "foretaget", "stod_till_foretag": "pengar"}
    talk = finished(answers)
    sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert messages.text("describe.new_after_result") not in said(sent)
    assert talk.slots["pending_answers"] is None and talk.slots["last_result"]["answers"] == answers
    assert "fråga för fråga" in said(sent) and "i stället" in said(sent)


@pytest.mark.parametrize(
    "text",
    [
        "kan vi inte se det som en kunskapsinsats för parterna?",
        "det är väl bättre om vi bjuder in företagen till en träff i stället",
        "Men nästa sak är ju en studieresa för kommunens personal till ett socialt företag.",
    ],
)
def test_a_remark_that_proposes_something_else_is_not_an_objection(text: str):
    """Review of session 34: each of these got the old result's reasons instead of being read as what it proposes."""
    talk = finished({"vem": "foretaget", "stod_till_foretag": "pengar"})
    sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert messages.text("why.objection") not in said(sent) and "fråga för fråga" not in said(sent)


def test_a_new_initiative_with_the_same_particle_is_still_a_new_initiative():
    talk = finished({"vem": "foretaget", "stod_till_foretag": "pengar"})
    sent = talk.send(
        ActionDescribeInitiative(), "Men regionen vill ju köpa arbetsträning på kaféet via oss.", intent="inform"
    )
    assert "Så här uppfattar jag insatsen" in said(sent)


def test_a_question_whether_the_forbund_may_do_something_else_is_no_correction():
    # Trial 14 (t14-24): "får förbundet ge Blomman ett bidrag på 80 000?" after a result for the places FK
    # buys changed who carries them out to "Samordningsförbundet självt".
    talk = finished(VIA_KOMMUNEN)
    talk.send(ActionAnswer(), "får förbundet ge kaféet ett bidrag på 80 000?", intent="inform")
    assert talk.slots["last_result"]["answers"] == VIA_KOMMUNEN


def test_a_what_if_that_removes_a_left_out_part_does_not_assess_it():
    # Trial 14 (t14-13): "och om vi stryker priset och bara kör dagen?" assessed the prize instead.
    talk = Conversation()
    text = (
        "Vi ordnar en inspirationsdag om sociala företag för parternas chefer och delar ut ett pris på"
        " 20 000 kr till årets ASF."
    )
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    talk.send(ActionAnswer(), "/affirm", intent="affirm")
    while talk.slots["current_question"]:
        question = talk.slots["current_question"]
        talk.click(
            question, {"vem": "parter_och_aktorer", "strukturell_typ": "evenemang"}.get(question, "egen_verksamhet")
        )
    before = talk.slots["last_result"]["answers"]
    assert before.get("strukturell_typ") == "evenemang"
    talk.send(ActionDescribeInitiative(), "och om vi stryker priset och bara kör dagen?", intent="describe_initiative")
    assert talk.slots["last_result"]["answers"].get("stod_till_foretag") is None


def test_a_part_button_works_when_the_summary_has_another_answer_to_the_same_question():
    # Trial 14 (t14-23): "Bedöm i stället" for business advice beside a coordinator (both answers to
    # what the initiative does) must assess the advice, not answer "Den frågan är inte aktuell just nu".
    text = (
        "En samordnare på förbundet ska sprida kunskap om ASF till parterna och dessutom hjälpa Kafé Ljuset"
        " med affärsrådgivning."
    )
    summary = {"vem": "parter_och_aktorer", "strukturell_typ": "samordnare", "mottagare": "egen_verksamhet"}
    state = State(pending=summary, description=text)
    button = Message(
        text="/inform",
        intent="inform",
        entities={"question": ["strukturell_typ"], "choice": ["radgivning_ett_foretag"]},
    )
    _, after = dialogue.answer(state, button)
    assert after.last_result is not None
    assert after.last_result["answers"] == {"vem": "parter_och_aktorer", "strukturell_typ": "radgivning_ett_foretag"}
    assert after.last_result["verdict"] == "not_financeable"


@pytest.mark.parametrize("intent", ["affirm", "inform", "describe_initiative"])
def test_a_yes_that_adds_a_must_avoid_part_shows_the_summary_again_with_that_part(intent: str):
    # Session 10: "ja, men …" naming a grant confirmed the summary and the grant was never seen again.
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), WORK_TRAINING + ", regionen köper platserna", intent="describe_initiative")
    pending = dict(talk.slots["pending_answers"])
    action = ActionDescribeInitiative() if intent == "describe_initiative" else ActionAnswer()
    sent = talk.send(action, "ja, men kaféet ska också få ett driftsbidrag på 40 000 kr", intent=intent)
    assert "Så här uppfattar jag insatsen" in said(sent)
    (part,) = part_buttons(sent)
    assert "driftsbidrag" in part["title"]
    assert talk.slots["pending_answers"] == pending and not talk.slots["answers"]
    assert "driftsbidrag" in talk.slots["description"]


def test_a_must_avoid_part_written_after_something_is_missing_is_named_in_the_summary():
    talk, sent = rejected_summary()
    missing = [b for b in sent[-1]["buttons"] if b["title"] == messages.text("buttons.missing")]
    talk.send(ActionChangeAnswer(), missing[0]["payload"], intent="change_answer", question="saknas")
    sent = talk.send(ActionAnswer(), "förbundet ger också kaféet ett verksamhetsbidrag")
    assert len(part_buttons(sent)) == 1
    assert "verksamhetsbidrag”. Den delen ingår inte" in said(sent)


def test_what_is_missing_is_added_and_changes_no_line_of_the_summary():
    # Trial 17 (t17-17): "Det saknas att insatsen är arbetsträning på Verkstan AB plus …" after "Något saknas"
    # changed who it is for to "Ett företag" (the company's name) and added nothing.
    talk, sent = rejected_summary()
    missing = [b for b in sent[-1]["buttons"] if b["title"] == messages.text("buttons.missing")]
    talk.send(ActionChangeAnswer(), missing[0]["payload"], intent="change_answer", question="saknas")
    talk.send(ActionAnswer(), "Det som saknas är att regionen köper platserna hos Bryggan AB och betalar dem")
    pending = talk.slots["pending_answers"]
    assert pending["vem"] == "deltagare" and pending["insats_typ"] == "arbetsforberedande"
    assert pending.get("utforare") == "regionen"


def test_a_correction_after_no_that_also_adds_something_still_changes_its_line():
    # Review of session 14: "… inte kommunen. Regionen betalar också handledaren." kept "Kommunen".
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), WORK_TRAINING + ", kommunen köper platserna", intent="describe_initiative")
    assert talk.slots["pending_answers"]["utforare"] == "kommunen"
    talk.send(ActionAnswer(), "/deny", intent="deny")
    talk.send(ActionAnswer(), "Det är regionen som köper platserna, inte kommunen. Regionen står också för maten.")
    assert talk.slots["pending_answers"].get("utforare") == "regionen"


def test_a_correction_after_no_contrasting_two_parties_without_a_comma_changes_the_line_and_its_route():
    # Trial 21: "nej, det är regionen inte kommunen" after "Nej" got "Jag kunde inte läsa ut något nytt"; the
    # line about the money ("Via {svar:utforare}") then quoted "… via kommunen" under "Via regionen".
    talk = Conversation()
    text = WORK_TRAINING + ", kommunen köper platserna och förbundet betalar via kommunen"
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert talk.slots["pending_answers"]["pengavag"] == "via_part"
    talk.send(ActionAnswer(), "/deny", intent="deny")
    sent = talk.send(ActionAnswer(), "nej, det är regionen inte kommunen", intent="inform")
    assert talk.slots["pending_answers"]["utforare"] == "regionen"
    assert talk.slots["pending_answers"]["pengavag"] == "via_part"
    (money_line,) = [line for line in said(sent).splitlines() if "Via regionen" in line]
    assert "via kommunen" not in money_line


def test_a_correction_after_no_that_says_who_it_is_for_otherwise_rebuilds_the_lines_on_that_route():
    # Trial 22 (t22-21): "Nej, det är en utbildning för företagets handledare, inte en handledare till
    # deltagarna" changed only "Vad deltagarna ska få" to "Utbildning om sociala företag" (one word, a lawful
    # example), one step from a positive result for competence development of a company's staff.
    talk = Conversation()
    text = "Kommunen vill köpa en utbildning i konflikthantering för handledarna som är anställda på Kvarnen, ett "
    text += "ASF, så att de kan stötta våra deltagare bättre. Förbundet betalar via kommunen."
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert talk.slots["pending_answers"]["insats_typ"] == "handledare"  # the misreading the user corrects
    talk.send(ActionAnswer(), "/deny", intent="deny")
    talk.send(ActionAnswer(), "nej, det gäller en kurs för företagets handledare, inte en handledare för deltagarna")
    assert talk.slots["pending_answers"] == {"vem": "asf_personal", "asf_personal_stod": "kompetensutveckling"}


@pytest.mark.parametrize(
    ("intent", "text"),
    [
        ("deny", "Nä, det blev knas, vi börjar om"),  # a comma, as in the trial
        ("inform", "Nä, det blev knas, vi börjar om"),
        ("inform", "Avbryt"),  # third review: one word alone is the request
        ("inform", "glöm allt"),
    ],
)
def test_a_request_to_start_over_at_a_corrected_summary_starts_over(intent: str, text: str):
    # Trial 22 (t22-11): "nej nu blev det fel. vi börjar om" showed a summary mixing the old lines with the
    # rejected one, or "Jag kunde inte läsa ut något nytt".
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), WORK_TRAINING + ", kommunen köper platserna", intent="describe_initiative")
    talk.send(ActionAnswer(), "/deny", intent="deny")
    talk.send(ActionAnswer(), "det är regionen som köper, inte kommunen", intent="inform")
    assert talk.slots["pending_answers"]["utforare"] == "regionen"
    sent = talk.send(ActionAnswer(), text, intent=intent)
    assert not talk.slots.get("pending_answers") and not talk.slots.get("answers")
    assert messages.text("assessment.restart") in said(sent)


@pytest.mark.parametrize(
    "text",
    [
        "nej, fråga om igen vem som köper",
        "glöm det, det är Försäkringskassan som köper",
        "Fråga om igen.",  # review of session 17: "om igen" and "avbryt" may be about a line
        "Kommunen köper inte. Avbryt det.",
        "Nej, det var rätt från början",  # third review: praise of the first version
    ],
)
def test_a_correction_with_words_of_starting_over_still_corrects(text: str):
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), WORK_TRAINING + ", kommunen köper platserna", intent="describe_initiative")
    talk.send(ActionAnswer(), "/deny", intent="deny")
    sent = talk.send(ActionAnswer(), text, intent="inform")
    assert messages.text("assessment.restart") not in said(sent)
    assert talk.slots["pending_answers"]  # the summary is still there to correct


def test_a_correction_that_leaves_lines_without_a_route_names_the_lines_it_drops():
    # Trial 22 (t22-11): "konsulten ska vara ett av de sociala företagen …" after "Nej" made it a company's
    # initiative, and the line about the mapping vanished without a word.
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), "Förbundet vill betala en kartläggning av ASF i regionen")
    assert talk.slots["pending_answers"]["strukturell_typ"] == "annan_kunskap"
    talk.send(ActionAnswer(), "/deny", intent="deny")
    sent = talk.send(ActionAnswer(), "nej, det gäller personalen på kooperativet, inte förbundet", intent="inform")
    assert "strukturell_typ" not in talk.slots["pending_answers"]
    dropped = messages.text("describe.line_dropped", lines="vad kunskaps- eller samverkansinsatsen ska göra")
    assert said(sent).startswith(dropped)


def test_a_plain_yes_at_the_summary_still_confirms_it():
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), WORK_TRAINING, intent="describe_initiative")
    talk.send(ActionAnswer(), "ja, det stämmer", intent="affirm")
    assert talk.slots["answers"] == {"vem": "deltagare", "insats_typ": "arbetsforberedande"}


def test_a_typed_yes_to_a_summary_with_a_part_button_confirms_the_summary():
    # Trial 15 (t15-4): "ja" to a summary with "Bedöm i stället …" assessed the part instead.
    talk = Conversation()
    sent = talk.send(ActionDescribeInitiative(), GRANT_VIA_A_PARTY, intent="describe_initiative")
    assert part_buttons(sent)
    assert dialogue.chosen_by_yes("ja", sent[-1]["buttons"]) is None
    pending = dict(talk.slots["pending_answers"])
    talk.send(ActionAnswer(), "ja", intent="affirm")
    assert {q: talk.slots["answers"][q] for q in pending} == pending


STAFF_TRAINING = {"vem": "asf_personal", "asf_personal_stod": "kompetensutveckling"}


@pytest.mark.parametrize(
    "text",
    [
        "om Arbetsförmedlingen upphandlar kursen och pengarna går via dem?",
        "ändrar det något om regionen köper kursen?",
        # trial 28 (t28-18): an objection naming who procures was assessed as a new initiative
        "men kommunen upphandlar ju kursen, räcker inte det?",
        "men kommunen upphandlar ju kursen, räcker inte det då?",
        "kommunen upphandlar kursen. Räcker inte det? Det är ju deras personal som går den.",
    ],
)
def test_a_what_if_about_questions_this_route_never_asks_keeps_the_result(text: str):
    # Trial 15 (t15-7): "om AF köper utbildningen …?" after "bör inte" for training the company's staff
    # switched the initiative to participants and ended in the wrong reason or in "täcks inte".
    talk = finished(STAFF_TRAINING)
    result = dict(talk.slots["last_result"])
    sent = talk.send(ActionAnswer(), text)
    assert "Det ändrar inte bedömningen" in said(sent)
    assert talk.slots["answers"] == STAFF_TRAINING and talk.slots["last_result"] == result


def test_a_what_if_that_names_another_thing_done_off_the_route_is_another_initiative():
    # Trial 17 (t17-20): "om priset i stället är ett diplom och en film …" after "bör inte" for a cash prize
    # read only the inspiration day, which the grant's route never asks about, and said "Det ändrar inte".
    talk = finished({"vem": "foretaget", "stod_till_foretag": "pengar"})
    result = dict(talk.slots["last_result"])
    what_if = "och om vi i stället bara ger vinnaren ett diplom vid ett seminarium om sociala företag?"
    sent = talk.send(ActionAnswer(), what_if)
    assert "Det ändrar inte bedömningen" not in said(sent)
    assert messages.text("describe.new_after_result") in said(sent)
    assert talk.slots["pending_answers"]["strukturell_typ"] == "evenemang"
    assert talk.slots["last_result"] == result  # the result shown stands


@pytest.mark.parametrize(
    "text",
    [
        "fast pengarna ska gå genom socialtjänsten",
        "nej, det är AF som upphandlar, men pengarna går via kommunen eftersom vi har avtal med dem",
    ],
)
def test_money_said_to_go_via_another_party_than_the_one_that_procures_is_asked_about(text: str):
    # Trial 18 (t18-18): "och pengarna går via kommunen" after the region procured changed who procures to the
    # municipality, a lawful set-up the user never described.
    answers = {**VIA_KOMMUNEN, "utforare": "arbetsformedlingen"}
    talk = finished(answers)
    sent = talk.send(ActionAnswer(), text)
    assert talk.slots["answers"] == answers
    assert "upphandlat" in said(sent) and "Här är det Arbetsförmedlingen, men" in said(sent)  # its capital kept
    assert {b["title"] for b in sent[-1]["buttons"]} >= {"Hur pengarna ska gå"}


MONEY_VIA_KOMMUNEN = (
    "Försäkringskassan köper arbetsträning på ett socialt företag åt deltagarna. Förbundet betalar via kommunen."
)


def _at_the_question_who_procures() -> Conversation:
    """MONEY_VIA_KOMMUNEN described and confirmed, answered up to "Vilken part ansvarar …?"."""
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), MONEY_VIA_KOMMUNEN, intent="describe_initiative")
    assert talk.slots["pending_answers"]["pengavag"] == "via_part" and "utforare" not in talk.slots["pending_answers"]
    talk.send(ActionAnswer(), "ja", intent="affirm")
    while talk.slots["current_question"] != "utforare":
        question = talk.slots["current_question"]
        talk.click(question, VIA_KOMMUNEN[question])
    return talk


def test_money_described_via_another_party_than_the_one_that_procures_is_asked_not_recorded():
    # Trial 28 (t28-20): "Förbundet betalar allt via kommunen" was read as "Via den part som ansvarar",
    # Försäkringskassan was then named as the one procuring, and the memo said "Via Försäkringskassan", which the
    # user never wrote.
    talk = _at_the_question_who_procures()
    sent = talk.send(ActionAnswer(), "Försäkringskassan")
    assert talk.slots["current_question"] == "pengavag" and "pengavag" not in talk.slots["answers"]
    assert "Här är det Försäkringskassan, men du skriver att pengarna ska gå via kommunen" in said(sent)
    assert {b["title"] for b in sent[-1]["buttons"]} >= {"Vilken part som ansvarar för och upphandlar insatsen"}
    # "via kommunen" typed again is not recorded as "Via Försäkringskassan" (review of session 21)
    sent = talk.send(ActionAnswer(), "via kommunen som sagt")
    assert talk.slots["current_question"] == "pengavag" and "pengavag" not in talk.slots["answers"]
    assert "men du skriver att pengarna ska gå via kommunen" in said(sent)
    for typed in ("kommunen", "genom att kommunen betalar"):  # the party alone, in other words (second review)
        talk.send(ActionAnswer(), typed)
        assert talk.slots["current_question"] == "pengavag" and "pengavag" not in talk.slots["answers"]
    talk.click("pengavag", "via_part")  # chosen now by the user: the result follows, not the same question again
    assert talk.slots["last_result"]["answers"]["pengavag"] == "via_part" and talk.slots["current_question"] is None
    # ... and naming who procures at that question changes that answer, and the money is asked again
    talk = _at_the_question_who_procures()
    talk.send(ActionAnswer(), "Försäkringskassan")
    talk.send(ActionAnswer(), "nej, det är kommunen som upphandlar")
    assert talk.slots["answers"]["utforare"] == "kommunen" and talk.slots["current_question"] == "pengavag"
    # ... and answers that name no other way for the money are recorded as before (third review of session 21)
    for typed, recorded in (
        ("vet inte än", "vet_inte"),
        ("Vi betalar direkt", "direkt"),
        ("Direkt till företaget, kommunen står för handledningen", "direkt"),
    ):
        talk = _at_the_question_who_procures()
        talk.send(ActionAnswer(), "Försäkringskassan")
        talk.send(ActionAnswer(), typed)
        assert talk.slots["last_result"]["answers"]["pengavag"] == recorded
        assert talk.slots["last_result"]["answers"]["utforare"] == "forsakringskassan"
    talk = _at_the_question_who_procures()
    talk.send(ActionAnswer(), "Försäkringskassan")
    talk.send(ActionAnswer(), "via kommunen, som ansvarar för budgeten")
    assert talk.slots["answers"]["utforare"] == "forsakringskassan" and talk.slots["current_question"] == "pengavag"
    # ... while money described via the party that procures is kept
    talk = _at_the_question_who_procures()
    talk.send(ActionAnswer(), "kommunen")
    assert talk.slots["last_result"]["answers"]["pengavag"] == "via_part"


def test_a_what_if_that_names_another_party_on_the_route_still_tries_it():
    talk = finished(VIA_KOMMUNEN)
    talk.send(ActionAnswer(), "om regionen köper platserna i stället?")
    assert talk.slots["last_result"]["answers"]["utforare"] == "regionen"


def test_a_yes_that_corrects_a_line_of_the_summary_is_no_confirmation():
    # Review of session 11: "ja fast pengarna går direkt till företaget" confirmed "Via kommunen".
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), WORK_TRAINING + ", kommunen köper platserna och pengarna går via kommunen")
    assert talk.slots["pending_answers"]["pengavag"] == "via_part"
    sent = talk.send(ActionAnswer(), "ja fast pengarna går direkt till företaget", intent="affirm")
    assert not talk.slots["answers"]  # nothing confirmed: the changed summary is shown again
    assert talk.slots["pending_answers"]["pengavag"] == "direkt"
    assert "”ja fast pengarna går direkt till företaget”" in said(sent)


def test_a_what_if_naming_the_lawful_alternative_after_a_grant_tries_it():
    # Review of session 11: "om kommunen köper platser av företaget i stället?" got "Det ändrar inte bedömningen".
    talk = finished({"vem": "foretaget", "stod_till_foretag": "pengar"})
    sent = talk.send(ActionAnswer(), "om kommunen köper platser av företaget i stället?")
    assert "Det ändrar inte bedömningen" not in said(sent)
    assert talk.slots["answers"]["stod_till_foretag"] == "kopa_tjanster"


def test_what_if_a_party_buys_places_instead_of_a_grant_is_not_told_nothing_changes():
    # Trial 20 (t20-14): "Om Försäkringskassan i stället köper fem arbetsträningsplatser av företaget …?" after
    # a grant got "Det ändrar inte bedömningen": the learned reader dropped the work training.
    talk = finished({"vem": "foretaget", "stod_till_foretag": "pengar"})
    text = (
        "Om Arbetsförmedlingen i stället köper tre arbetsträningsplatser av kooperativet till marknadspris, och"
        " förbundet finansierar det via AF?"
    )
    sent = talk.send(ActionFallback(), text, intent="nlu_fallback")
    assert "Det ändrar inte bedömningen" not in said(sent)
    assert messages.text("describe.new_after_result") in said(sent)


def test_asking_whether_the_parties_behind_it_matter_keeps_a_no_for_staff_training():
    # Trial 16 (t16-8): "spelar det ingen roll att FK och AF står bakom …" turned the staff's course into
    # an initiative for participants and a "kan finansieras på villkor".
    talk = finished(STAFF_TRAINING)
    result = dict(talk.slots["last_result"])
    sent = talk.send(
        ActionAnswer(), "spelar det ingen roll att FK och AF står bakom och att det gynnar våra deltagare?"
    )
    assert talk.slots["answers"] == STAFF_TRAINING and talk.slots["last_result"] == result
    assert "Vilket svar vill du ändra?" in said(sent)  # asked, not answered as a new initiative


@pytest.mark.parametrize(
    "text",
    [
        # Review of session 12: an "om det är …" is no change of who the initiative is for.
        "om det är FK och AF som står bakom och det gynnar våra deltagare, spelar det roll?",
        "spelar det någon roll om det är så att deltagarna också går kursen?",
    ],
)
def test_an_if_about_who_benefits_does_not_change_who_it_is_for(text: str):
    talk = finished(STAFF_TRAINING)
    talk.send(ActionAnswer(), text)
    assert talk.slots["answers"]["vem"] == "asf_personal"


def test_a_what_if_that_says_instead_still_changes_who_it_is_for():
    talk = finished(STAFF_TRAINING)
    talk.send(ActionAnswer(), "om kursen i stället är för deltagarna som arbetstränar där?")
    assert talk.slots["answers"].get("vem") == "deltagare"


def test_a_what_if_about_work_training_keeps_who_the_initiative_is_for():
    # Review of session 13: who it is for, implied from work training, changed "Ett företag" to "Deltagare"
    # in a what-if that never said so.
    talk = finished({"vem": "foretaget", "stod_till_foretag": "pengar"})
    talk.send(ActionAnswer(), "om kommunen köper arbetsträningsplatser där i stället?")
    assert talk.slots["answers"]["vem"] == "foretaget"


@pytest.mark.parametrize("action", [ActionAnswer, ActionFallback])
def test_a_course_for_the_companys_manager_is_no_correction_of_what_participants_get(action: type) -> None:
    # Trial 17 (t17-14): "och kursen för chefen då?" after places for participants changed what the
    # participants get to "Utbildning om sociala företag" and said "kan finansiera på villkor". Through the
    # running assistant the message reaches the fallback, so both routes are tried.
    talk = finished(VIA_KOMMUNEN)
    sent = talk.send(action(), "och kursen för chefen då? får den vara med i avtalet?")
    assert talk.slots["answers"].get("insats_typ") != "utbildning_om_asf"
    assert "Utbildning om sociala företag" not in said(sent)
    assert messages.text("describe.new_after_result") in said(sent)  # assessed as another initiative


def test_a_correction_of_where_the_handledare_is_employed_stays_a_correction():
    # Guard for the rule above: naming the company's staff beside another answer is still a correction.
    answers = {
        "vem": "deltagare",
        "malgrupp": "ja",
        "insats_typ": "handledare",
        "handledare_anstalld": "hos_part",
        "utforare": "kommunen",
        "pengavag": "via_part",
    }
    talk = finished(answers)
    talk.send(ActionAnswer(), "handledaren är anställd hos det sociala företaget, inte hos kommunen")
    assert talk.slots["answers"]["handledare_anstalld"] == "hos_foretaget"


@pytest.mark.parametrize(
    ("result", "follow_up"),
    [
        # Trial 24 (t24-4, t24-5, t24-12), in new wording: each replaced the result it followed.
        (
            {"vem": "parter_och_aktorer", "strukturell_typ": "medlemskap_organisation", "medlem_vem": "forbundet"},
            "okej, men får vi betala deltagaravgiften när vi åker på deras konferens i vår?",
        ),
        (
            {"vem": "foretaget", "stod_till_foretag": "starta_utveckla"},
            "Och arbetsträningen för deltagarna sen, när kommunen köper platser av det nya företaget?",
        ),
        (
            {"vem": "foretaget", "stod_till_foretag": "in_natura"},
            "bra, del två då? AF upphandlar arbetsträningsplatser på kooperativet",
        ),
        # Second review of session 19: "och X?" and an addition with "också".
        ({"vem": "foretaget", "stod_till_foretag": "pengar"}, "ok. Och medlemskap i kooperativet?"),
        ({"vem": "foretaget", "stod_till_foretag": "pengar"}, "Och datorer till företaget?"),
        (VIA_KOMMUNEN, "Jag menar att de får en handledare också"),
    ],
)
def test_a_follow_up_naming_another_thing_done_is_another_initiative_and_the_result_stands(
    result: dict[str, str], follow_up: str
):
    talk = finished(result)
    before = talk.slots["last_result"]
    sent = talk.send(ActionAnswer(), follow_up)
    assert messages.text("describe.new_after_result") in said(sent)
    assert "Jag ändrar svaret" not in said(sent)
    assert talk.slots["last_result"] == before  # the result stands until the new one is given
    assert talk.slots["description"] == follow_up  # the memo of the new one quotes only its own words


def test_a_what_if_and_a_marked_correction_of_what_is_done_still_change_this_initiative():
    grant = {"vem": "foretaget", "stod_till_foretag": "pengar"}
    talk = finished(grant)
    talk.send(ActionAnswer(), "nej fel, det är ett lån till företaget och inget bidrag")
    assert talk.slots["last_result"]["answers"]["stod_till_foretag"] == "lan"
    talk = finished({"vem": "parter_och_aktorer", "strukturell_typ": "evenemang", "mottagare": "egen_verksamhet"})
    talk.slots["description"] = "Förbundet arrangerar en inspirationsdag."
    talk.send(ActionAnswer(), "om förbundet i stället blir medlem i Skoopi?")
    assert talk.slots["answers"]["strukturell_typ"] == "medlemskap_organisation"
    # The memo says the result is for what was tried, not that the description was wrong.
    tried = messages.text("change.tried_note", text="om förbundet i stället blir medlem i Skoopi?")
    assert talk.slots["description"] == "Förbundet arrangerar en inspirationsdag.\n" + tried


@pytest.mark.parametrize(
    "text",
    [
        # Review of session 19: each of these was taken for another initiative and the result kept wrong.
        "Det blev lite fel, det är en handledare",
        "Sorry, det gäller egentligen en handledare anställd av kommunen",
        "Det är nog snarare en handledare från kommunen",
        "Tänk om det är en handledare anställd av kommunen?",
        "Samma sak men med en handledare från kommunen?",
        "Säg att det är en handledare från kommunen, går det då?",
        "Vad säger du om en handledare från kommunen?",
        "Hur blir det då om kommunen anställer en handledare?",  # second review of session 19
        "Och med en handledare från kommunen?",
        "Tänk om det även är en handledare?",  # third review of session 19
        "Sorry, glömde säga att de även har en handledare",
        "Och ifall de får en handledare?",
    ],
)
def test_a_correction_or_supposition_of_what_is_done_changes_this_result(text: str):
    talk = finished(VIA_KOMMUNEN)
    sent = talk.send(ActionAnswer(), text)
    assert messages.text("describe.new_after_result") not in said(sent)
    assert talk.slots["answers"]["insats_typ"] == "handledare"


def test_a_membership_left_out_of_the_result_is_named_as_a_membership_not_as_who_would_be_member():
    # Trial 25 (t25-22): a part left out was named by its answer alone, "Samordningsförbundet självt".
    talk = Conversation()
    text = (
        "Kommunen köper arbetsträningsplatser på kaféet för deltagare, pengarna går via kommunen."
        " Förbundet blir också medlem i Skoopi."
    )
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    talk.send(ActionAnswer(), "ja", intent="affirm")
    sent = talk.click("malgrupp", "ja")
    assert "Den låter som ”Vem som skulle bli medlem: Samordningsförbundet självt”" in said(sent)


def test_a_part_is_named_by_what_is_done_or_with_its_question_in_the_summary_and_the_result():
    from asf import recap

    tree = dialogue.tree()
    assert recap.part_name(tree, "medlem_vem", "forbundet") == "Vem som skulle bli medlem: Samordningsförbundet självt"
    label = tree.questions["stod_till_foretag"].option("in_natura").label  # type: ignore[union-attr]
    assert recap.part_name(tree, "stod_till_foretag", "in_natura") == label


def test_the_memo_notes_an_answer_changed_after_the_description():
    # Trial 26 (t26-9, t26-1): the memo quoted "Kommunens arbetsmarknadsenhet …" above answers saying Regionen, after
    # the summary was corrected; and "via Arbetsförmedlingen" above a result about money paid straight to a company.
    talk = Conversation()
    talk.send(
        ActionDescribeInitiative(),
        "Kommunen köper arbetsträningsplatser på Kafé Linden åt deltagare i målgruppen. Vi betalar via kommunen.",
        intent="describe_initiative",
    )
    talk.send(ActionAnswer(), "Nej, det är regionen som köper platserna, inte kommunen.", intent="deny")
    talk.send(ActionAnswer(), "/affirm", intent="affirm")
    while talk.slots.get("current_question") == "malgrupp":
        talk.send(ActionAnswer(), "ja", intent="affirm")
    result = talk.slots["last_result"]
    assert result["answers"]["utforare"] == "regionen"
    memo_text = said(talk.send(ActionRequestMemo(), "/request_memo", intent="request_memo"))
    note = messages.text(
        "memo.changed_answer",
        question="Vilken part som ansvarar för och upphandlar insatsen",
        answer="Regionen",
        described="Kommunen",
    )
    assert note in memo_text
    # An answer the description gave and the result kept gets no such note.
    assert "Hur pengarna ska gå: ”" not in memo_text.split("## Frågor och svar")[0]


@pytest.mark.parametrize(
    "text",
    [
        "tänk om vi i stället betalar kaféet direkt, det är ju enklare?",
        "Anta att vi betalar kaféet direkt?",
        "Bra, men tänk om vi betalar kaféet direkt, blir det en annan sak då?",  # second review of session 20
    ],
)
def test_a_supposition_with_tänk_om_or_anta_att_is_tried_on_this_result(text: str):
    # Trial 26 (t26-1): "tänk om vi istället betalar kaféet direkt …?" asked which answer to change, and without
    # "istället" it became an empty new initiative.
    talk = finished(VIA_KOMMUNEN)
    talk.send(ActionAnswer(), text)
    assert talk.slots["last_result"]["answers"] == {**VIA_KOMMUNEN, "pengavag": "direkt"}


def test_a_what_if_describing_a_whole_initiative_for_others_changes_whom_it_is_for_and_records_no_yes():
    # Trial 26 (t26-4): after a start-up grant, "ok men om kommunen startar butiken själv … och sen köper arbetsträning
    # där för deltagarna och vi betalar … via kommunen?" kept "Ett företag" and asked what the förbund would do for
    # it; the opening "ok" was then no "Ja" to the target group, which nobody had asked about.
    talk = finished({"vem": "foretaget", "stod_till_foretag": "starta_utveckla"})
    talk.send(
        ActionAnswer(),
        "ok men om kommunen startar butiken själv och sen köper arbetsträning där för deltagarna och vi betalar "
        "arbetsträningen via kommunen?",
    )
    assert talk.slots["current_question"] == "malgrupp"
    assert talk.slots["answers"]["vem"] == "deltagare" and "malgrupp" not in talk.slots["answers"]
    assert talk.slots["answers"]["pengavag"] == "via_part"


def test_an_objection_that_denies_an_answer_asks_that_question_again():
    # Trial 26 (t26-16): "varför? det är ju inte ett visst företag utan alla sociala företag i länet …" got the same
    # reasons again, with "Ett visst företag" kept and no way to change it.
    fair = {"vem": "allmanheten", "strukturell_typ": "evenemang", "mottagare": "ett_foretag"}
    talk = finished(fair)
    sent = talk.send(
        ActionAnswer(), "Varför då? Det är ju inte ett visst företag, alla kooperativ i kommunen får plats."
    )
    assert talk.slots["current_question"] == "mottagare"
    assert "mottagare" not in talk.slots["answers"]
    assert "Välj ett nytt svar" in said(sent)
    # ... while "varför?" alone, or "varför inte …?", gets the reasons
    for text in ("varför då?", "varför inte via en part?"):
        talk = finished(fair)
        talk.send(ActionAnswer(), text)
        assert talk.slots["answers"] == fair


def summary_confirmed(description: str) -> Conversation:
    """A conversation where `description` was summarised and the summary confirmed."""
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), description, intent="describe_initiative")
    talk.send(ActionAnswer(), "/affirm", intent="affirm")
    return talk


def _assessed(description: str, *typed: str) -> Conversation:
    talk = summary_confirmed(description)
    for text in typed:
        talk.send(ActionAnswer(), text)
    assert talk.slots["last_result"] is not None
    return talk


def test_the_förbunds_own_purchase_beside_a_knowledge_initiative_is_no_part_to_avoid():
    # Trial 26 (t26-8): "förbundet köper ju en tjänst av dem (samordnaren sprider kunskap …)" was set aside as the
    # förbund carrying out an initiative itself, under a result for the very purchase assessed.
    talk = _assessed(
        "Förbundet köper en tjänst av Kaffekoppen (deras samordnare sprider kunskap om ASF till parterna).",
        "parternas handläggare",
        "ett vanligt köp av en tjänst från Kaffekoppen",
    )
    assert "not_assessed" not in talk.slots["last_result"]
    # ... while places the förbund buys itself, beside a theme day, stay a part to avoid
    talk = _assessed(
        "Förbundet ordnar en temadag om sociala företag för parternas chefer och betalar lokalen. Förbundet köper "
        "också arbetsträningsplatser på kaféet själv.",
        "en temadag",
        "lokalen, vår egen kostnad",
    )
    note = talk.slots["last_result"]["not_assessed"][0]
    assert "Samordningsförbundet självt" in note
    # Trial 43 (t43-9): "kan vara något som förbundet inte bör finansiera", under a reading marker, read as if the
    # guidance were unsure of its own avoid-list. The doubt is whether the part was read right, and it says so.
    assert "Stämmer det, bör förbundet inte finansiera den delen." in note and "kan vara" not in note


def test_the_förbund_paying_its_own_theme_day_straight_is_no_part_to_avoid():
    """Trial 54 (t54-5): "allt betalas av förbundet, ingen part är med i betalningen" about the förbund's own
    inspiration day got a condition that the förbund should not pay a company straight (a participants' rule)."""
    talk = _assessed(
        "Vi ordnar en temadag om arbetsintegrerande sociala företag för socialsekreterare och handläggare på FK.",
        "vi hyr en lokal och köper en föreläsare från ett ASF. förbundet betalar allt själv, ingen part är med i "
        "betalningen",
    )
    assert "not_assessed" not in talk.slots["last_result"]
    assert "Direkt från förbundet" not in str(talk.slots["last_result"])
    # ... while places the förbund pays a company for straight, beside a theme day, stay a part to avoid
    talk = _assessed(
        "Förbundet ordnar en temadag om sociala företag för parternas chefer och betalar lokalen. Förbundet köper "
        "också arbetsträningsplatser på kaféet och betalar kaféet direkt utan någon part.",
        "lokalen, vår egen kostnad",
    )
    notes = talk.slots["last_result"]["not_assessed"]
    assert any("Direkt från förbundet till företaget" in note for note in notes), notes


@pytest.mark.parametrize(
    "text",
    [
        # Review of session 20: each of these changed who it was for to the participants and approved the grant.
        "vad händer om bidraget går via kommunen och deltagarna arbetstränar där?",
        "vad händer om bidraget går via kommunen och deltagarna själva arbetstränar där?",
        # Third review of session 20: a withdrawal word about something else leaves the grant where it was.
        "om vi skippar direktbetalningen och bidraget går via kommunen, där deltagarna arbetstränar?",
        "om bidraget i stället för att gå direkt går via kommunen och deltagarna arbetstränar där?",
    ],
)
def test_a_what_if_routing_the_grant_via_a_party_keeps_the_grant(text: str):
    grant = {"vem": "foretaget", "stod_till_foretag": "pengar"}
    talk = finished(grant)
    talk.send(ActionAnswer(), text)
    assert talk.slots["last_result"]["answers"]["stod_till_foretag"] == "pengar"
    assert talk.slots["last_result"]["verdict"] == "not_financeable"


@pytest.mark.parametrize(
    "text",
    [
        # Review of session 20: suppositions inside a sentence, or after saying it is a new question, are new.
        "Nästa idé: i höst tänker vi oss en inspirationsdag om sociala företag för politiker.",
        "Vi har en ny fråga. Anta att regionen vill ordna en temadag om sociala företag för chefer.",
        "Ny idé: anta att regionen ordnar en temadag för chefer.",
    ],
)
def test_a_new_idea_with_a_supposition_is_another_initiative(text: str):
    talk = finished(VIA_KOMMUNEN)
    before = talk.slots["last_result"]
    sent = talk.send(ActionAnswer(), text)
    assert talk.slots["last_result"] == before
    assert messages.text("describe.new_after_result") in said(sent)


@pytest.mark.parametrize(
    "text",
    [
        # Second review of session 20: the lawful alternative, with "pengarna" for how it is paid, or the grant
        # withdrawn, is tried as an initiative for the participants.
        "ändrar det något om kommunen köper arbetsträning för deltagarna där och vi betalar pengarna via kommunen?",
        "om vi drar in bidraget och AF köper arbetsträningsplatser för deltagarna där och vi betalar via AF?",
    ],
)
def test_a_what_if_describing_the_lawful_alternative_to_a_grant_is_tried_for_the_participants(text: str):
    talk = finished({"vem": "foretaget", "stod_till_foretag": "pengar"})
    talk.send(ActionAnswer(), text)
    assert talk.slots["answers"]["vem"] == "deltagare" and "stod_till_foretag" not in talk.slots["answers"]
    assert talk.slots["current_question"] == "malgrupp"


def test_a_part_to_avoid_named_beside_the_chosen_answer_stays_named_in_the_result():
    # Trial 27 (t27-20): a conference with "25 000 kr i prispengar till vinnaren"; who gets the money was asked, the
    # user said "båda" and chose the förbund's own activity, and the result approved it without a word of the prize.
    talk = summary_confirmed(
        "Vi vill dela ut ett pris, Årets sociala företag, 25 000 kr i prispengar till vinnaren, på förbundets "
        "årliga konferens. Konferensen i övrigt handlar om samverkan kring ASF. Är det ok att förbundet betalar?"
    )
    assert talk.slots["current_question"] == "mottagare"
    talk.click("mottagare", "egen_verksamhet")
    result = talk.slots["last_result"]
    assert result["verdict"] == "conditional"
    assert "prispengar" in result["not_assessed"][0]


def test_a_lump_sum_paid_whatever_is_delivered_is_money_to_the_company():
    # Trial 27 (t27-13): "tänk om kommunen betalar 100 000 kr till dem i förskott oavsett hur många deltagare som
    # faktiskt kommer?" got "ingår redan i bedömningen ovan".
    talk = finished(VIA_KOMMUNEN)
    talk.send(
        ActionAnswer(), "tänk om kommunen betalar 80 000 kr till dem i förskott oavsett hur många deltagare som kommer?"
    )
    assert talk.slots["last_result"]["answers"].get("stod_till_foretag") == "pengar"


@pytest.mark.parametrize(
    "text",
    [
        # Third review of session 20: each of these got the result's "kan finansiera" as a short answer.
        "så vi får alltså bli medlemmar i kooperativet? ja eller nej?",
        "ja eller nej, får förbundet starta ett eget socialt företag?",
    ],
)
def test_a_question_naming_another_thing_gets_no_short_answer_of_this_result(text: str):
    talk = finished(VIA_KOMMUNEN)
    sent = talk.send(ActionAnswer(), text)
    assert "Kort svar" not in said(sent)


@pytest.mark.parametrize("text", ["så vi får alltså låna ut pengarna? ja eller nej?", "Så det är okej då?"])
def test_a_question_for_the_verdict_again_gets_the_short_answer(text: str):
    # Trial 27 (t27-18): "så vi får alltså låna ut pengarna? ja eller nej?" after a result was taken for a new
    # initiative, and its first question was asked.
    talk = finished({"vem": "foretaget", "stod_till_foretag": "lan"})
    before = talk.slots["last_result"]
    sent = talk.send(ActionAnswer(), text)
    assert "Kort svar" in said(sent) and before["title"] in said(sent)
    assert talk.slots["last_result"] == before and talk.slots["current_question"] is None


def test_an_initiative_the_förbund_pays_nothing_for_leaves_the_assessment():
    # Trial 27 (t27-6): "kommunen, och kommunen betalar själv. förbundet betalar ingenting" at "Vem skulle bli
    # medlem?" looped on "Menar du …?" and "Välj det alternativ som passar bäst".
    talk = finished(
        {"vem": "parter_och_aktorer", "strukturell_typ": "medlemskap_organisation", "medlem_vem": "forbundet"}
    )
    before = talk.slots["last_result"]
    talk.send(ActionAnswer(), "/change_answer", intent="change_answer")
    sent = talk.send(ActionAnswer(), "kommunen går med och betalar själv, förbundet betalar ingenting")
    assert messages.text("assessment.forbund_pays_nothing") in said(sent)
    assert talk.slots["current_question"] is None and talk.slots["last_result"] == before
    # ... but not when the förbund pays for something else
    talk = finished(VIA_KOMMUNEN)
    sent = talk.send(ActionAnswer(), "förbundet betalar inget för lokalen, kommunen står för den")
    assert messages.text("assessment.forbund_pays_nothing") not in said(sent)
    # Trial 28 (t28-5): a what-if with the förbund paying nothing in a clause of its own ("… och förbundet inte
    # betalar något") was recorded as "En av parterna, men förbundet skulle betala avgiften"
    talk = finished(
        {"vem": "parter_och_aktorer", "strukturell_typ": "medlemskap_organisation", "medlem_vem": "forbundet"}
    )
    before = talk.slots["last_result"]
    for what_if in (
        "och om regionen går med som medlem och förbundet inte betalar något, går det?",
        "och om kommunen blir medlem i Skoopi och förbundet inte betalar något, är det ok då?",  # review, session 21
    ):
        sent = talk.send(ActionAnswer(), what_if)
        assert messages.text("assessment.forbund_pays_nothing") in said(sent)
        assert talk.slots["last_result"] == before
    # ... never where the förbund pays for something after all (review of session 21)
    for text in (
        "Ett nätverk om sociala företag med kommunen, där förbundet inte betalar något, utöver projektledarens lön.",
        "Tanken är att vi inte betalar något, men vår processledare lägger några timmar i månaden på nätverket.",
        "Om förbundet inte betalar något, är det ok att vår processledare jobbar på kaféet två dagar i veckan?",
    ):
        sent = Conversation().send(ActionDescribeInitiative(), text, intent="describe_initiative")
        assert messages.text("assessment.forbund_pays_nothing") not in said(sent)


def test_a_no_that_denies_what_is_done_asks_it_again_without_keeping_it():
    # Trial 27 (t27-8): "Nej, de ska inte få pengar. Förbundet betalar en processledare …" kept the line "Pengar för
    # att starta ett eget företag" beside a changed one.
    talk = Conversation()
    text = "Några deltagare vill starta ett eget företag. Kan förbundet ge dem startpengar?"
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert talk.slots["pending_answers"].get("insats_typ") == "startbidrag"
    talk.send(ActionAnswer(), "Nej, de ska inte få pengar. Förbundet betalar någon som hjälper dem", intent="deny")
    assert "insats_typ" not in (talk.slots["answers"] or {}) and not talk.slots["pending_answers"]
    # ... and with the new answer named, the line gets it
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    talk.send(ActionAnswer(), "Nej, de ska inte få pengar. Förbundet betalar en coach som hjälper dem", intent="deny")
    assert talk.slots["pending_answers"]["insats_typ"] == "handledare"


def test_saying_it_was_a_general_question_leaves_an_open_assessment():
    # Trial 27 (t27-15): "det var en allmän fråga, inte en insats. får företag söka pengar hos förbundet …?" at an open
    # question was recorded as the answer "Ett företag".
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    assert talk.slots["current_question"] == "vem"
    talk.send(ActionAnswer(), "det var en allmän fråga, inte en insats. får företag söka pengar hos förbundet?")
    assert talk.slots["current_question"] is None and not talk.slots["answers"]
    # ... and a question that describes an initiative is read as one (fourth review of session 20)
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.send(ActionAnswer(), "det är en generell fråga: får förbundet ge ett bidrag på 50 000 kr till ett ASF?")
    assert talk.slots["pending_answers"]["stod_till_foretag"] == "pengar"


def test_a_question_for_the_verdict_right_after_the_feedback_question_is_answered_not_stored():
    # Live check of session 20: "så vi får alltså inte betala coachen? ja eller nej?" right after "Hade du nytta av
    # bedömningen?" was stored as a "nej" to that question.
    talk = finished({"vem": "foretaget", "stod_till_foretag": "tjanst_at_foretaget"})
    sent = talk.send(ActionAnswer(), "så vi får alltså inte betala coachen? ja eller nej?", intent="deny")
    assert "Kort svar" in said(sent)


@pytest.mark.parametrize(
    "text",
    [
        # Fourth review of session 20: each of these left the assessment as if the förbund paid nothing.
        "Förbundet finansierar ingenting annat än en handledare på det sociala företaget för deltagarna",
        "Kommunen köper arbetsträning av ett socialt företag för deltagarna. Förbundet betalar inga pengar direkt "
        "till företaget utan allt går via kommunen.",
        "Kommunen köper platser på kaféet åt deltagarna. Förbundet betalar inget extra, bara det vanliga priset.",
        "Nej, vi betalar inga pengar, de får hjälp av en coach som förbundet anställer",
    ],
)
def test_a_förbund_paying_nothing_of_one_kind_is_still_an_initiative(text: str):
    talk = Conversation()
    sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert messages.text("assessment.forbund_pays_nothing") not in said(sent)


def test_a_qualified_inte_in_a_no_changes_a_line_and_keeps_what_is_done():
    # Fourth review of session 20: "Nej, det är inte arbetsträning i kommunens regi, det är AF som köper den" dropped
    # the line "Arbetsträning …" and kept Kommunen.
    talk = Conversation()
    text = "Kommunen köper arbetsträningsplatser på Kafé Linden åt deltagare i målgruppen. Vi betalar via kommunen."
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    talk.send(ActionAnswer(), "Nej, det är inte arbetsträning i kommunens regi, det är AF som köper den", intent="deny")
    assert talk.slots["pending_answers"]["insats_typ"] == "arbetsforberedande"
    assert talk.slots["pending_answers"]["utforare"] == "arbetsformedlingen"


def test_a_no_that_changes_a_line_and_answers_a_later_question_keeps_both():
    # Trial 27 (t27-7): "Nej, … handledaren ska anställas av tvätteriet, men regionen förmedlar pengarna" dropped the
    # employer line, asked it and how the money goes again, and kept nothing of the correction.
    talk = Conversation()
    text = "Kommunen vill anställa en handledare som stöttar våra deltagare på ett socialt kafé. Kan förbundet betala?"
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert talk.slots["pending_answers"]["handledare_anstalld"] == "hos_part"
    correction = "Nej, fel av mig. Handledaren anställs av det sociala företaget, men kommunen förmedlar pengarna."
    replies = talk.send(ActionAnswer(), correction, intent="deny")
    assert talk.slots["pending_answers"] == {
        "vem": "deltagare",
        "insats_typ": "handledare",
        "handledare_anstalld": "hos_foretaget",
        "pengavag": "via_part",
    }
    summary = said(replies)
    assert "Hos det sociala företaget – du skrev ”" in summary and "Nej, fel av mig" not in summary
    # ... and where the handledare is employed never changes who the initiative is for (review of session 21)
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    talk.send(ActionAnswer(), "Nej, handledaren ska vara anställd på kaféet", intent="deny")
    assert (talk.slots["pending_answers"] or talk.slots["answers"])["vem"] == "deltagare"


@pytest.mark.parametrize(
    ("correction", "employer"),
    [
        ("Nej, handledaren är en av de anställda där", None),  # where "där" is, is asked
        ("nej, handledaren ska jobba på kaféet", "hos_foretaget"),
        ("Nej. Handledaren är anställd hos regionen.", "hos_part"),
        # Second review of round 20: a negation or the handledare later in the sentence turned the rule off.
        ("Nej, handledaren är inte anställd av regionen utan av kaféet", "hos_foretaget"),
        ("Nej, handledaren är anställd på kaféet, inte hos regionen", "hos_foretaget"),
        ("Nej, det är så att handledaren anställs av kaféet", "hos_foretaget"),
    ],
)
def test_a_no_that_says_where_the_handledare_works_never_makes_the_companys_staff_who_it_is_for(
    correction: str, employer: str | None
):
    # Trial 29: "Nej, handledaren är en av de anställda där" made "Anställda eller ledning på ett socialt företag"
    # who the initiative is for, a handledare for the participants still in the summary.
    talk = Conversation()
    text = "Regionen vill att en handledare stöttar våra deltagare på Kafé Solen, och förbundet betalar via regionen."
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert "handledare_anstalld" not in talk.slots["pending_answers"]
    sent = talk.send(ActionAnswer(), correction, intent="deny")
    lines = talk.slots["pending_answers"] or talk.slots["answers"]
    assert lines["vem"] == "deltagare" and lines["insats_typ"] == "handledare" and lines["utforare"] == "regionen"
    if employer is None:
        assert "handledare_anstalld" not in lines
        short = dialogue.tree().questions["handledare_anstalld"].short
        assert messages.text("describe.asked_later", question=short) in said(sent)
    else:
        assert lines["handledare_anstalld"] == employer


def test_a_statement_after_no_that_the_nlu_took_for_why_corrects_the_summary():
    # Trial 28 (t28-10): after "Nej", "de anställda det gäller är själva personer från vår målgrupp …, inte ledningen"
    # was taken for "varför?" and got "Jag förklarar gärna varför jag frågar, när vi har börjat en bedömning."
    talk = Conversation()
    text = "Förbundet vill bekosta en kurs i bokföring för de anställda på Kafé Lyktan, ett socialt företag."
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert talk.slots["pending_answers"]["vem"] == "asf_personal"
    talk.send(ActionAnswer(), "/deny", intent="deny")
    statement = "det gäller anställda som själva är deltagare från vår målgrupp, de har lönebidrag, inte chefen"
    sent = talk.send(ActionWhy(), statement, intent="ask_why")
    assert messages.text("why.not_started") not in said(sent)
    # Read as the correction: staff who are participants themselves (either way the tree can say it)
    pending = talk.slots["pending_answers"]
    assert pending.get("vem") == "deltagare" or pending.get("asf_personal_stod") == "sjalva_deltagare"
    # ... while "varför?" itself is still a question, with or without its mark: the summary is not changed by it
    for question in ("men varför frågar du det", "Men varför.", "jag undrar vad det spelar för roll"):
        sent = talk.send(ActionWhy(), question, intent="ask_why")
        assert talk.slots["pending_answers"] == pending
        assert messages.text("why.at_summary_lines") in said(sent) and sent[-1]["buttons"]


def _asked_what_participants_get() -> Conversation:
    """An assessment started with buttons, at "Vad ska deltagarna få?"."""
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "deltagare")
    talk.click("malgrupp", "ja")
    assert talk.slots["current_question"] == "insats_typ"
    return talk


def test_an_option_the_typed_answer_denies_is_never_recorded():
    # Trial 29 (t29-7): "inga pengar till dem, de får stöd och coachning … för att starta kooperativet" at "Vad ska
    # deltagarna få?" was recorded as "Pengar för att starta ett eget företag", and the verdict was "bör inte".
    talk = _asked_what_participants_get()
    talk.send(ActionAnswer(), "inga pengar till dem, de får hjälp av vår personal för att starta ett kooperativ")
    assert talk.slots["current_question"] == "insats_typ" and "insats_typ" not in talk.slots["answers"]
    # ... while the same option named without a denial is recorded
    talk.send(ActionAnswer(), "pengar för att starta eget")
    assert talk.slots["answers"]["insats_typ"] == "startbidrag"


def test_a_why_about_one_answer_after_a_result_gets_that_step_and_a_plain_why_the_whole_chain():
    # Trial 29: "varför måste pengarna gå via kommunen?" got every step of the chain, the answer to it fifth.
    talk = finished(VIA_KOMMUNEN)
    one = said(talk.send(ActionWhy(), "varför måste pengarna gå via kommunen?", intent="ask_why"))
    money = dialogue.tree().questions["pengavag"].text
    assert money in one and messages.text("why.whole_chain") in one
    assert dialogue.tree().questions["vem"].text not in one  # only the step asked about
    whole = said(talk.send(ActionWhy(), "varför?", intent="ask_why"))
    assert dialogue.tree().questions["vem"].text in whole and money in whole
    assert talk.slots["last_result"]["answers"] == VIA_KOMMUNEN  # a why changes nothing


@pytest.mark.parametrize("text", ["var står det i vägledningen?", "är vägledningen bindande?"])
def test_the_guidance_named_after_a_result_is_no_management_of_a_company(text: str):
    # "vägledningen" ends in "ledningen" (a company's management): it changed who the initiative was for to the staff
    # of a social enterprise, the result with it (found in round 20 trying follow-ups about the guidance).
    talk = finished(VIA_KOMMUNEN)
    talk.send(ActionFallback(), text, intent="nlu_fallback")
    assert talk.slots["last_result"]["answers"] == VIA_KOMMUNEN
    assert talk.slots["answers"] == VIA_KOMMUNEN


def test_words_ending_in_a_keyword_that_mean_something_else_are_not_that_keyword():
    assert not swedish.word_matches("ledningen", "vagledningen")
    assert not swedish.word_matches("ledningen", "handledningen")
    assert swedish.word_matches("ledningen", "foretagsledningen")  # a company's management still is


def test_a_keyword_inside_a_longer_word_of_another_meaning_names_nothing():
    # "äga" ends "utbildningsdagar" and "arbetsförmåga": a day of training was set aside as "Starta, äga eller
    # utveckla ett socialt företag"; "lån" ends "mellan" and "affärsplan", "samordnade" is no "samordnare".
    pairs = [("aga", "utbildningsdagar"), ("aga", "arbetsformaga"), ("lan", "mellan"), ("lan", "affarsplanen")]
    pairs += [("samordnare", "samordnade"), ("kontanter", "kontakter")]
    for keyword, word in pairs:
        assert not swedish.word_matches(keyword, word), (keyword, word)
    assert swedish.word_matches("lan", "banklanet") and swedish.word_matches("hyra", "lokalhyran")
    reading = read_description(dialogue.tree(), "Vi ordnar två utbildningsdagar om sociala företag för handläggarna")
    assert not reading.must_nots and not reading.set_aside


def test_a_party_named_only_as_the_handledares_employer_is_asked_about_as_the_procurer():
    # Second review of round 20: "Nej, handledaren jobbar på kommunen" changed who procures from the region to the
    # municipality, unsaid; the employer is recorded and who procures asked again.
    talk = Conversation()
    text = "Regionen vill att en handledare stöttar våra deltagare på Kafé Solen, och förbundet betalar via regionen."
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    talk.send(ActionAnswer(), "Nej, handledaren jobbar på kommunen", intent="deny")
    lines = talk.slots["pending_answers"]
    assert lines["handledare_anstalld"] == "hos_part" and lines["vem"] == "deltagare"
    assert "utforare" not in lines


@pytest.mark.parametrize(
    ("correction", "changed"),
    [
        ("Nej, det är kommunen som anställer handledaren, inte regionen", {"utforare": "kommunen"}),
        ("Nej, handledaren är anställd av Arbetsförmedlingen och det är AF som betalar, inte regionen", {}),
        ("Nej, handledaren jobbar på kaféet men pengarna går direkt från förbundet", {}),
    ],
)
def test_a_no_about_the_handledare_that_changes_another_line_changes_it(correction: str, changed: dict[str, str]):
    # Review of round 20: the rule for where the handledare works took over these and kept "Regionen" and "Via
    # regionen", which the corrections deny.
    talk = Conversation()
    text = "Regionen vill att en handledare stöttar våra deltagare på Kafé Solen, och förbundet betalar via regionen."
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    talk.send(ActionAnswer(), correction, intent="deny")
    lines = talk.slots["pending_answers"] or talk.slots["answers"]
    assert lines.get("utforare") != "regionen" or lines.get("pengavag") != "via_part", lines
    for question, option in changed.items():
        assert lines[question] == option


@pytest.mark.parametrize("text", ["varför kan insatsen finansieras?", "varför blir det så för den här insatsen?"])
def test_a_why_about_the_whole_result_gets_the_whole_chain(text: str):
    # Second review of round 20: "insatsen" named the question about what participants get, and only that step came.
    talk = finished(VIA_KOMMUNEN)
    said_ = said(talk.send(ActionWhy(), text, intent="ask_why"))
    assert dialogue.tree().questions["vem"].text in said_ and dialogue.tree().questions["pengavag"].text in said_


def test_compounds_that_begin_with_a_word_of_its_own_are_still_read():
    # Second review of round 20: "handledningsplatser" lost its "platser", and "samäga" its ownership.
    tree = dialogue.tree()
    places = read_description(tree, "Kommunen köper handledningsplatser för deltagare på kaféet")
    assert places.facts["insats_typ"].option == "arbetsforberedande"
    owning = read_description(tree, "Förbundet och kommunen ska samäga kooperativet")
    assert owning.must_nots["stod_till_foretag"].option == "starta_utveckla"


@pytest.mark.parametrize(
    "text",
    ["Har ni något underlag om sociala företag som jag kan läsa?", "finns det exempel på sociala företag i regionen?"],
)
def test_a_question_asking_for_something_after_a_result_changes_no_answer(text: str):
    # End of round 20: "Har ni något underlag om sociala företag …?" changed who the initiative was for.
    talk = finished(VIA_KOMMUNEN)
    talk.send(ActionFallback(), text, intent="nlu_fallback")
    assert talk.slots["answers"] == VIA_KOMMUNEN and talk.slots["current_question"] is None


def _summary_of(text: str) -> Conversation:
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    return talk


def test_a_correction_that_the_money_goes_straight_to_the_company_replaces_the_money_line():
    """Trial 30, t30-14: a "no" naming a direct payment got "Jag kunde inte läsa ut något nytt"."""
    talk = _summary_of("Regionen köper praktikplatser på Kafé Kanelen åt deltagare och förbundet betalar via regionen.")
    assert talk.slots["pending_answers"]["pengavag"] == "via_part"
    sent = talk.send(
        ActionAnswer(),
        "nej, en sak: regionen beställer men fakturan från företaget går direkt till förbundet",
        intent="deny",
    )
    assert messages.text("describe.nothing_added") not in said(sent)
    assert talk.slots["pending_answers"]["pengavag"] == "direkt"
    assert talk.slots["pending_answers"]["utforare"] == "regionen"  # the other lines stay
    assert "fakturan från företaget går direkt till förbundet”" in said(sent)  # the line quotes the correction


def test_the_no_button_typed_in_words_asks_which_line_without_saying_nothing_was_new():
    talk = _summary_of("Regionen köper praktikplatser på Kafé Kanelen åt deltagare och förbundet betalar via regionen.")
    sent = talk.send(ActionAnswer(), "Nej, något stämmer inte riktigt", intent="deny")
    assert messages.text("describe.nothing_added") not in said(sent)
    assert any(b["payload"].startswith("/change_answer") for b in sent[-1]["buttons"])
    assert talk.slots["pending_answers"]["pengavag"] == "via_part"  # nothing changed


def test_a_payment_to_the_company_too_unclear_for_a_line_is_named_before_the_questions():
    """Trial 30, t30-2: an "agreement" paying a company got only "Tack! Jag behöver veta lite mer"."""
    talk = Conversation()
    sent = talk.send(
        ActionDescribeInitiative(),
        "Vi har skrivit ett partnerskapsavtal med det sociala företaget Solrosen ek. för. Förbundet betalar 200 000 kr"
        " om året till företaget enligt avtalet, och i gengäld tar de emot deltagare som kommunen anvisar. Det är"
        " alltså inget bidrag utan en ersättning enligt avtal.",
        intent="describe_initiative",
    )
    assert "”Förbundet betalar 200 000 kr om året till företaget" in said(sent)
    assert "inte bör finansiera" in said(sent) and not talk.slots["pending_answers"]
    assert talk.slots["current_question"] == "vem"  # asked, nothing recorded


def test_a_rejected_line_asked_after_an_earlier_question_says_that_one_comes_first():
    """Trial 30, t30-16: "Okej, då frågar jag om det igen" was followed by another question."""
    talk = _summary_of(
        "Kan AF köpa arbetsträning hos ett socialt företag för långtidsarbetslösa? Förbundet betalar AF."
    )
    assert "malgrupp" not in talk.slots["pending_answers"]
    talk.send(ActionAnswer(), "nej", intent="deny")
    sent = talk.send(ActionChangeAnswer(), "/change_answer", intent="change_answer", question="insats_typ")
    later = messages.text("describe.line_rejected_later", question=dialogue.tree().questions["insats_typ"].short)
    assert later in said(sent) and talk.slots["current_question"] == "malgrupp"
    talk.click("malgrupp", "ja")
    assert talk.slots["current_question"] == "insats_typ"
    # Rejecting the line asked next is said as before.
    talk, _ = rejected_summary()
    sent = talk.send(ActionChangeAnswer(), "/change_answer", intent="change_answer", question="vem")
    assert messages.text("describe.line_rejected") in said(sent)


def test_a_line_denied_with_by_us_after_it_is_asked_again():
    """Trial 31, t31-16: "de ska inte få arbetsträning av oss, de ska få …" got "Jag kunde inte läsa ut något nytt"."""
    talk = _summary_of(
        "Regionen köper en kurs i svetsning för deltagare som arbetstränar på Verkstan, förbundet betalar via regionen."
    )
    assert talk.slots["pending_answers"]["insats_typ"] == "arbetsforberedande"
    sent = talk.send(ActionAnswer(), "nej, de ska inte få arbetsträning av oss, de ska gå en svetskurs", intent="deny")
    assert messages.text("describe.nothing_added") not in said(sent)
    assert "insats_typ" not in talk.slots["answers"] and talk.slots["answers"]["utforare"] == "regionen"


def test_an_answer_with_a_description_at_the_first_question_keeps_the_answer():
    """Trial 31, t31-14: "parterna, det är en inspirationsdag för dem" at "Vem …?" summarised only the
    inspiration day, and who it is for was asked again after "Ja"."""
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    assert talk.slots["current_question"] == "vem"
    sent = talk.send(ActionAnswer(), "beslutsfattarna, vi ordnar en inspirationsdag")
    assert talk.slots["pending_answers"] == {"vem": "parter_och_aktorer", "strukturell_typ": "evenemang"}
    assert "”beslutsfattarna, vi ordnar en inspirationsdag”" in said(sent)
    talk.send(ActionAnswer(), "/affirm", intent="affirm")
    assert talk.slots["current_question"] == "mottagare"


def test_a_summary_for_the_companys_staff_that_the_correction_denies_asks_who_it_is_for_again():
    """Trial 35, t35-4: after "Nej", "personalen är faktiskt inte anställd av företagen, det är kommunens handledare
    …" reopened what the company's staff get (the word "personalen"), and the result was "bör inte" for them."""
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), "en kurs i arbetsmiljö för de anställda på två sociala företag")
    assert talk.slots["pending_answers"]["vem"] == "asf_personal"
    talk.send(ActionAnswer(), "nej", intent="deny")
    talk.send(ActionAnswer(), "deltagarna är inte anställda på företagen, det är regionens handledare som går kursen")
    assert talk.slots["current_question"] == "vem"


def test_an_earlier_answer_said_to_be_wrong_at_an_open_question_is_changed_or_asked_again():
    """Trial 35, t35-4: "du missförstod, det är vem-raden som är fel. …" at "Vad ska de anställda … få?" was recorded
    as an answer to that question ("utbildning") and gave "bör inte" for the company's staff. With its new answer named
    clearly it is changed at once (trial 62, t62-1); without, asked again."""
    talk = Conversation()
    talk.send(ActionStartAssessment(), "/start_assessment", intent="start_assessment")
    talk.click("vem", "asf_personal")
    assert talk.slots["current_question"] == "asf_personal_stod"
    talk.send(ActionAnswer(), "nej, raden om vem det gäller är fel, utbildningen är för regionens personal")
    assert talk.slots["answers"] == {"vem": "parter_och_aktorer"}
    talk = Conversation()
    talk.send(ActionStartAssessment(), "/start_assessment", intent="start_assessment")
    talk.click("vem", "asf_personal")
    talk.send(ActionAnswer(), "nej, raden om vem det gäller är fel")
    assert talk.slots["current_question"] == "vem" and "asf_personal_stod" not in talk.slots["answers"]


def test_asking_if_it_is_ok_in_a_way_that_changes_no_answer_keeps_the_result():
    """Trial 35, t35-12: "blir det inte ok om medlemskapet är gratis? då betalar vi ju inget" after "bör inte" for
    the förbund's membership was taken as a new initiative, and the numbered list it came from was lost."""
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    talk.click("vem", "parter_och_aktorer")
    talk.click("strukturell_typ", "medlemskap_organisation")
    talk.click("medlem_vem", "forbundet")
    result = talk.slots["last_result"]
    assert result["verdict"] == "not_financeable"
    sent = talk.send(ActionDescribeInitiative(), "blir det inte okej om avgiften är noll? då kostar det oss inget")
    assert messages.text("change.no_answer_changed") in said(sent)
    assert talk.slots["last_result"] == result and not talk.slots["pending_answers"]


def test_a_correction_that_denies_the_participants_and_names_the_company_changes_who_it_is_for():
    """Trial 35, t35-7: "pengarna är till föreningen så att den kan starta företaget, inte till deltagarna direkt"
    after a summary for participants added "Pengar för att starta ett eget företag" for the participants."""
    talk = Conversation()
    talk.send(
        ActionDescribeInitiative(),
        "Vi på regionen och AF vill att förbundet ger ett startbidrag på 60 000 kr till en förening som ska starta ett"
        " arbetsintegrerande socialt företag, eftersom våra deltagare saknar platser.",
    )
    assert talk.slots["pending_answers"]["vem"] == "deltagare"
    talk.send(ActionAnswer(), "nej", intent="deny")
    talk.send(ActionAnswer(), "bidraget går till föreningen så att den kan starta företaget, inte till deltagarna")
    pending = talk.slots["pending_answers"] or {}
    assert pending.get("vem") == "foretaget" or talk.slots["current_question"] == "vem"
    assert pending.get("insats_typ") != "startbidrag"


def test_a_correction_after_nej_that_names_an_own_purchase_stays_a_correction():
    """Trial 35, t35-16: after "Nej", "… det är en konsult från ett socialt företag som vi köper tjänsten av till
    vanligt pris" got the answer about the förbund's own purchases, and the assessment was left."""
    talk = Conversation()
    talk.send(
        ActionDescribeInitiative(),
        "Regionen och AF tar fram ett gemensamt policybeslut om sociala företag, förbundet betalar processledningen.",
    )
    summary = dict(talk.slots["pending_answers"])
    talk.send(ActionAnswer(), "nej", intent="deny")
    text = "processledningen görs av ett socialt företag som vi köper tjänsten av till marknadspris, inte av parterna"
    sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert "egna inköp" not in said(sent)
    assert talk.slots["pending_answers"] is not None and talk.slots["pending_answers"].get("vem") == summary["vem"]


def test_what_if_that_leads_back_to_a_question_names_what_it_tried_and_no_change_after_the_answer():
    # Trial 37 (t37-1): after "bör inte" for money to a company, "om det i stället är regionen som köper …" got
    # the target-group question with no word of what was tried, and the plain answer to the next question
    # "Uppdaterat. Dina senare svar gäller fortfarande", though the user had changed nothing.
    talk = finished({"vem": "foretaget", "stod_till_foretag": "pengar"})
    assert talk.slots["last_result"]["verdict"] == "not_financeable"
    text = "tänk om kommunen i stället köper praktikplatser hos kooperativet och förbundet betalar via kommunen?"
    sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    tried = said(sent)
    assert talk.slots["current_question"] == "malgrupp", tried
    lead = messages.text("change.tried", answers="@@").split("@@")[0]
    assert lead in tried and "”Kommunen”" in tried and "”Via kommunen”" in tried, tried
    talk.click("malgrupp", "ja")
    sent = talk.send(ActionAnswer(), "arbetsträning hos dem")
    assert talk.slots["last_result"]["answers"]["utforare"] == "kommunen", said(sent)
    assert messages.text("assessment.still_valid") not in said(sent)


def test_an_answer_after_changing_an_earlier_one_still_says_the_later_answers_hold():
    talk = finished(VIA_KOMMUNEN)
    talk.send(ActionChangeAnswer(), "/change_answer", intent="change_answer", question="insats_typ")
    sent = talk.click("insats_typ", "arbetsforberedande")
    assert messages.text("assessment.still_valid") in said(sent)


@pytest.mark.parametrize(
    "text",
    [
        "nej, du har missförstått. Det är regionen som köper handledningen, inte förbundet.",
        "Nej nu missuppfattade du mig, regionen står för köpet och inte förbundet",
    ],
)
def test_a_no_that_says_the_result_misread_it_is_a_correction_not_feedback(text: str):
    # Trial 38 (t38-5): "nej, du missförstod. Det är kommunen som ansvarar och köper, inte förbundet." right after
    # a result was stored as the answer "Nej" to "Hade du nytta av bedömningen?", and the correction was lost.
    talk = finished({**HANDLEDARE_PAID_DIRECTLY, "utforare": "forbundet"})
    sent = talk.send(ActionAnswer(), text, intent="deny")
    assert messages.text("feedback.thanks_no") not in said(sent)
    assert (talk.slots["feedback"] or {}).get("answer") is None, talk.slots["feedback"]
    changed = talk.slots["answers"].get("utforare") == "regionen"
    asked = any(b["payload"].startswith("/change_answer") for m in sent for b in m.get("buttons") or [])
    assert changed or asked, said(sent)


def test_is_it_not_ok_if_a_party_buys_it_names_that_party_and_never_the_forbund():
    # Trial 38 (t38-5): after "bör inte" for a handledare paid straight to the company, "blir det inte ok om kommunen
    # köper handledningen av företaget och förbundet betalar kommunen?" got "Förbundet genomför eller köper insatsen
    # själv": the question's "inte" denied the municipality, and "förbundet betalar" named the förbund as the buyer.
    talk = finished(HANDLEDARE_PAID_DIRECTLY)
    text = "blir det inte okej om regionen köper handledningen av kooperativet och förbundet betalar regionen?"
    sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert talk.slots["last_result"]["answers"]["utforare"] == "regionen", said(sent)
    assert talk.slots["last_result"]["answers"]["pengavag"] == "via_part"


def test_a_correction_that_tells_of_a_talk_with_the_kansli_changes_the_answer_and_is_no_handover():
    # Trial 38 (t38-4): "jag har pratat med kansliet, det ar forbundet sjalvt som ska bli medlem anda", heard as a wish
    # to talk to the kansli, got its contact details and the answer stayed.
    answers = {"vem": "parter_och_aktorer", "strukturell_typ": "medlemskap_organisation", "medlem_vem": "en_part"}
    talk = finished(answers)
    text = "vi har talat med kansliet och det är förbundet självt som ska bli medlem trots allt"
    sent = talk.send(ActionHandoff(), text, intent="human_handoff")
    assert talk.slots["last_result"]["answers"]["medlem_vem"] == "forbundet", said(sent)
    asked = talk.send(ActionHandoff(), "kan jag få prata med någon på kansliet?", intent="human_handoff")
    assert "kansli" in said(asked) and talk.slots["last_result"]["answers"]["medlem_vem"] == "forbundet"


def test_money_straight_to_the_company_is_not_called_unused_beside_no_party():
    # Trial 38 (t38-5): "Den här bedömningen påverkas inte av hur pengarna ska gå" above a result about a handledare
    # paid straight to the company, after "förbundet betalar lönen direkt till företaget" was a line of the summary.
    dropped = messages.text("assessment.dropped", dropped="@@").split("@@")[0]
    for route_of_money, named in (("direkt", False), ("via_part", True)):  # money via a party is still named
        talk = Conversation()
        talk.send(ActionStartAssessment(), "", intent="start_assessment")
        for question, choice in (("vem", "deltagare"), ("malgrupp", "ja"), ("insats_typ", "handledare")):
            talk.click(question, choice)
        talk.click("handledare_anstalld", "hos_foretaget")
        talk.slots["answers"] = {**talk.slots["answers"], "pengavag": route_of_money}  # a line of the summary
        sent = talk.click("utforare", "ingen_part_direkt")
        assert talk.slots["last_result"]["verdict"] == "not_financeable"
        assert (dropped in said(sent)) is named, said(sent)


def test_a_correction_saying_who_it_is_for_gives_a_summary_unsure_of_it_that_line():
    # Trial 38 (t38-8): under a summary unsure who the initiative is for, "Nej. Utbildningen riktar sig inte till
    # deltagarna utan till arbetsledarna på företagen, även om syftet är …" asked who it is for again and promised a
    # question about what the participants get.
    talk = Conversation()
    text = (
        "Vi föreslår att regionens arbetsterapeuter håller en handledarutbildning riktad till arbetsledarna på två"
        " arbetsintegrerande sociala företag, i syfte att stärka stödet till deltagare i arbetsträning. Kostnaden"
        " finansieras av förbundet via regionen."
    )
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert "vem" not in (talk.slots["pending_answers"] or {})
    correction = (
        "Nej. Kursen vänder sig inte till deltagarna utan till arbetsledarna, även om målet är bättre stöd till dem."
    )
    sent = talk.send(ActionAnswer(), correction, intent="deny")
    assert (talk.slots["pending_answers"] or {}).get("vem") == "asf_personal", said(sent)


def test_an_answer_with_darfor_in_it_heard_as_why_is_the_answer():
    # Trial 39 (t39-2): "arbetsträning, det är ju därför vi betalar ersättningen" at "Vad ska deltagarna få?", heard as
    # a why, got an explanation of the options and the same question again.
    talk = _asked_what_participants_get()
    sent = talk.send(ActionWhy(), "arbetsträning på kaféet, det är därför vi betalar dem", intent="ask_why")
    assert talk.slots["answers"].get("insats_typ") == "arbetsforberedande", said(sent)
    asked = talk.send(ActionWhy(), "varför måste det vara kommunen", intent="ask_why")  # review of session 28
    assert talk.slots["current_question"] == "utforare" and "utforare" not in talk.slots["answers"], said(asked)


def test_a_correction_that_calls_a_line_background_and_says_who_it_is_for_gives_that_line():
    # Trial 39 (t39-10): "Nej, arbetsträningen är bara bakgrund. Insatsen är utbildningen, och den riktar sig till
    # arbetsledarna …" kept "Vad deltagarna ska få: Arbetsträning" beside the company's staff (after the change in
    # aea3b5d), and before it asked who it is for with a promise to ask what the participants get.
    talk = Conversation()
    text = (
        "Med anledning av att flera av våra deltagare har arbetsträning på lokala ASF föreslår styrgruppen att"
        " regionens psykiatri, med finansiering från förbundet via regionen, håller en utbildning i bemötande"
        " riktad till arbetsledare anställda på dessa företag."
    )
    talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert (talk.slots["pending_answers"] or {}).get("insats_typ") == "arbetsforberedande"
    correction = (
        "Nej, arbetsträningen är bara bakgrunden. Insatsen är kursen, och den är för arbetsledarna, inte deltagarna."
    )
    sent = talk.send(ActionAnswer(), correction, intent="deny")
    pending = talk.slots["pending_answers"] or {}
    assert pending.get("vem") == "asf_personal" and "insats_typ" not in pending, said(sent)


def test_yes_and_no_with_a_denial_at_the_summary_still_corrects_the_line():
    # Review of session 28: "Ja och nej. Det är regionen som köper arbetsträningen, inte kommunen" confirmed the
    # municipality once "ja, och …" only added.
    for text in (
        "Ja och nej. Det är regionen som köper arbetsträningen, inte kommunen.",
        "ja, och det är regionen som köper den, inte kommunen",
    ):
        talk = Conversation()
        description = "Kommunen köper arbetsträning för deltagare på Kvarnen och förbundet betalar via kommunen."
        talk.send(ActionDescribeInitiative(), description, intent="describe_initiative")
        assert talk.slots["pending_answers"]["utforare"] == "kommunen"
        sent = talk.send(ActionAnswer(), text, intent="affirm")
        kept = talk.slots["pending_answers"] or talk.slots["answers"]
        assert kept.get("utforare") != "kommunen", said(sent)


def test_yes_and_with_a_contrast_that_denies_no_line_adds_to_the_summary():
    # Trial 39 (t39-9): "ja, och arbetsledaren är anställd på företaget, inte hos regionen" beside a handledare made
    # the initiative one for the company's staff, beside "Vad deltagarna ska få: En handledare"; and where the
    # handledare is employed, the question after Finsam's target group, was asked again.
    description = "Förbundet vill bekosta en handledare för deltagarna som arbetstränar på kooperativet Sköljet."
    for addition in (
        "ja, och arbetsledaren är anställd på kooperativet, inte hos regionen",
        "ja, och arbetsledaren är anställd av företaget och inte av kommunen",
    ):
        talk = Conversation()
        talk.send(ActionDescribeInitiative(), description, intent="describe_initiative")
        assert talk.slots["pending_answers"] == {"vem": "deltagare", "insats_typ": "handledare"}
        sent = talk.send(ActionAnswer(), addition, intent="affirm")
        pending = talk.slots["pending_answers"] or {}
        assert pending == {"vem": "deltagare", "insats_typ": "handledare", "handledare_anstalld": "hos_foretaget"}, (
            said(sent)
        )
        assert "Var handledaren är anställd: Hos det sociala företaget" in said(sent)


def test_yes_and_with_something_else_answers_no_question_past_the_target_group():
    # Review of session 29: read past Finsam's target group, "ja, och kooperativet heter Sköljet" put the handledare
    # at the company, and "ja, och deltagarna kommer från AF" made AF the party that procures.
    for description, additions in (
        (
            "Förbundet vill bekosta en handledare för deltagarna som arbetstränar på kooperativet Sköljet.",
            (
                "ja, och kooperativet heter Sköljet",
                "ja, och kommunen betalar",
                "ja, och företaget får betalt",
                "ja, och kooperativet har fem anställda",
            ),
        ),
        (
            "Förbundet vill finansiera arbetsträning på kaféet Vågen för deltagare.",
            ("ja, och deltagarna kommer från AF", "ja, och vi har pratat med regionen om det"),
        ),
    ):
        for addition in additions:
            talk = Conversation()
            talk.send(ActionDescribeInitiative(), description, intent="describe_initiative")
            lines = dict(talk.slots["pending_answers"])
            sent = talk.send(ActionAnswer(), addition, intent="affirm")
            assert talk.slots["answers"] == lines and not talk.slots["pending_answers"], (addition, said(sent))
            assert talk.slots["current_question"] == "malgrupp", addition
    # ... while one about the question after it does
    talk = Conversation()
    talk.send(ActionDescribeInitiative(), "Förbundet vill finansiera arbetsträning på kaféet Vågen för deltagare.")
    talk.send(ActionAnswer(), "ja, och det är kommunen som upphandlar platserna", intent="affirm")
    assert (talk.slots["pending_answers"] or {}).get("utforare") == "kommunen"


def test_the_user_saying_they_misunderstood_is_feedback_not_a_correction():
    # Review of session 28: "Nej, jag hade nog missförstått reglerna …" asked which answer to change.
    talk = finished(VIA_KOMMUNEN)
    talk.send(ActionAnswer(), "Nej, jag hade nog missförstått reglerna men nu är det tydligt", intent="deny")
    assert talk.slots["feedback"]["answer"] == "nej"


def test_an_objection_in_the_negative_is_answered_with_the_reasons_not_taken_as_a_correction():
    """Trial 42 (t42-7): "men syftet är ju deltagarna, spelar inte det nån roll?" after "bör inte" for a course for a
    company's staff changed who it was for to the participants, and later answers made the course financeable."""
    staff = {"vem": "asf_personal", "asf_personal_stod": "kompetensutveckling"}
    for text in (
        "men det är ju för deltagarnas skull, gör inte det någon skillnad?",
        "räknas inte det, att deltagarna får det bättre?",
    ):
        talk = finished(staff)
        sent = talk.send(ActionAnswer(), text)
        assert talk.slots["answers"] == staff, text
        assert "Skälen, med det i vägledningen som de bygger på" in said(sent), (
            text
        )  # the reasons the result rests on (trial 69)
    # Asked in the positive, it is still a what-if about this result.
    talk = finished(VIA_KOMMUNEN)
    talk.send(ActionAnswer(), "spelar det någon roll om regionen köper platserna i stället?")
    assert talk.slots["answers"]["utforare"] == "regionen"


def test_a_denied_answer_after_a_result_corrects_it_and_keeps_the_other_answers():
    # Trial 45 (t45-1): after "bör inte" built on "Direkt från förbundet", "va? nej, vi på AF betalar fakturan …, det
    # går inte direkt" was assessed as a new initiative, and the result could not be reached again.
    talk = finished({**VIA_KOMMUNEN, "pengavag": "direkt"})
    text = "vad? nej nej, kommunen betalar kooperativet och förbundet ersätter kommunen, pengarna går inte direkt"
    sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert messages.text("describe.new_after_result") not in said(sent)
    assert talk.slots["last_result"]["answers"] == VIA_KOMMUNEN


def test_a_correction_that_names_the_förbund_or_says_själva_still_makes_it_the_one_procuring():
    """Review of session 35: "nej, vi upphandlar själva" after a result via the municipality was no longer read as the
    förbund procuring itself; a bare "oss" still is not ("krångligt med fakturorna mellan oss")."""
    talk = finished(VIA_KOMMUNEN)
    talk.send(ActionAnswer(), "nej, vi upphandlar det själva", intent="inform")
    assert talk.slots["last_result"]["answers"]["utforare"] == "forbundet"


def test_a_what_if_after_a_short_opening_is_tried_on_this_result():
    """Trial 50 (t50-1): "en sak till: om AF hoppar av och bara kommunen köper platserna, blir det någon skillnad?"
    after a result for two parties was a new initiative, and five answers were asked again."""
    both = {**VIA_KOMMUNEN, "utforare": "flera_parter"}
    talk = finished(both)
    text = "en sak till: om FK hoppar av och bara kommunen köper platserna, blir det nån skillnad?"
    sent = talk.send(ActionDescribeInitiative(), text, intent="describe_initiative")
    assert messages.text("describe.new_after_result") not in said(sent)
    assert talk.slots["last_result"]["answers"]["utforare"] == "kommunen"


def test_small_talk_before_a_new_one_is_not_the_initiative():
    """Trial 54 (t54-5): "haha jag ÄR förbundschefen. ok, ny sak: vi vill ordna …" after a result was assessed, but the
    memo quoted the joke as the initiative."""
    talk = summary_confirmed("Förbundet vill gå med som medlem i en intresseorganisation för sociala företag.")
    assert talk.slots["last_result"] is not None
    sent = talk.send(
        ActionDescribeInitiative(),
        "ha, det är ju jag som är chefen. Okej, nästa sak: vi vill hålla ett seminarium om sociala företag för "
        "parternas chefer",
        intent="describe_initiative",
    )
    assert talk.slots["description"] == "vi vill hålla ett seminarium om sociala företag för parternas chefer"
    assert "Seminarium" in said(sent) or "seminarium" in said(sent)
    assert messages.text("describe.new_after_result") not in said(sent)


def test_a_speaker_from_a_company_keeps_the_summary_lines():
    """Trial 54 (t54-5): "nej, en sak: föreläsaren är vd på ett av de sociala företagen, hon ska ha ett arvode" after
    the summary of an inspiration day dropped the line on what is done and made the company's staff whom it is for."""
    talk = Conversation()
    talk.send(
        ActionDescribeInitiative(),
        "Vi planerar ett seminarium om sociala företag för chefer på kommunen och regionen.",
        intent="describe_initiative",
    )
    assert talk.slots["pending_answers"]["strukturell_typ"] == "evenemang"
    sent = talk.send(
        ActionAnswer(), "nej, en detalj: talaren är ordförande i ett kooperativ och får ett arvode på 3000 kr"
    )
    pending = talk.slots["pending_answers"]
    assert pending["vem"] == "parter_och_aktorer" and pending["strukturell_typ"] == "evenemang", said(sent)
    assert pending.get("mottagare") in (None, "egen_verksamhet"), pending


@pytest.mark.parametrize(
    "text",
    [
        "nej rad 4 ska vara regionen, AF nämnde jag bara som exempel",
        "rad 4 = regionen, kommunen blev fel",
        "fjärde raden är fel, det ska vara regionen. AF är bara med på mötena",
    ],
)
def test_a_line_named_by_its_number_after_a_result_gets_the_new_answer(text: str):
    """Trial 55 (t55-1): "nej rad 4 ska vara arbetsformedlingen, kommunen var bara en fraga" was recorded as both
    parties together, and "rad 4 = arbetsformedlingen" as a comment on the result."""
    talk = finished(VIA_KOMMUNEN)
    talk.send(ActionAnswer(), text)
    assert talk.slots["answers"] == {**VIA_KOMMUNEN, "utforare": "regionen"}


def test_a_line_named_by_its_number_is_a_correction_not_a_new_initiative():
    """Trial 55 (t55-7): "nej, rad 3 ska vara arbetstraning pa asf, …" after a result was assessed as a new initiative
    and the target group was lost."""
    answers = {"vem": "deltagare", "malgrupp": "ja", "insats_typ": "annat"}
    talk = finished(answers)
    sent = talk.send(
        ActionDescribeInitiative(),
        "nej rad 3 ska vara arbetstraning pa ett ASF, med resorna",
        intent="describe_initiative",
    )
    assert messages.text("describe.new_after_result") not in said(sent)
    assert talk.slots["answers"]["malgrupp"] == "ja" and talk.slots["answers"]["insats_typ"] == "arbetsforberedande"


def test_a_line_of_the_summary_named_by_its_number_gets_the_new_answer():
    talk = Conversation()
    talk.send(
        ActionDescribeInitiative(),
        "Regionen köper platser på kooperativet Vävaren åt deltagare, förbundet betalar via regionen.",
        intent="describe_initiative",
    )
    assert talk.slots["pending_answers"]["utforare"] == "regionen"
    talk.send(ActionAnswer(), "nej, rad 3 ska vara Försäkringskassan, regionen skrev jag fel")
    pending = talk.slots["pending_answers"]
    assert pending["utforare"] == "forsakringskassan" and pending["insats_typ"] == "arbetsforberedande", pending


def test_a_line_named_by_its_number_with_unclear_words_is_asked_again():
    """Trial 55 (t55-6): "rad 1 ska vara anstallda pa det sociala foretaget (…)" got "Vilket svar vill du ändra?"
    without the line it named among the choices."""
    answers = {**VIA_KOMMUNEN, "insats_typ": "utbildning_om_asf"}
    talk = finished(answers)
    talk.send(ActionAnswer(), "nej. rad 1 ska vara mina tre där, det ar en kurs for dom")
    assert talk.slots["current_question"] == "vem"
    assert talk.slots["answers"]["utforare"] == "kommunen"  # the other answers are kept aside, not lost
    # Clear words for the line change it, and the rest of the message is read too.
    talk = finished(answers)
    talk.send(ActionAnswer(), "nej. rad 1 ska vara personal pa kooperativet (mina tre), det ar en kurs for dom")
    assert talk.slots["answers"] == {"vem": "asf_personal", "asf_personal_stod": "kompetensutveckling"}


@pytest.mark.parametrize(
    ("text", "changed"),
    [
        # Review of session 37: a line said to be right is not changed; every line named with a value is.
        ("rad 4 är rätt men rad 5 ska vara direkt", {"pengavag": "direkt"}),
        ("rad 4 ska vara regionen. rad 5 ska vara direkt", {"utforare": "regionen", "pengavag": "direkt"}),
    ],
)
def test_several_lines_named_by_number_after_a_result(text: str, changed: dict[str, str]):
    talk = finished(VIA_KOMMUNEN)
    talk.send(ActionAnswer(), text)
    assert talk.slots["answers"] == {**VIA_KOMMUNEN, **changed}


def test_a_line_said_to_be_right_at_a_summary_is_kept():
    talk = Conversation()
    talk.send(
        ActionDescribeInitiative(),
        "Regionen köper platser på kooperativet Vävaren åt deltagare, förbundet betalar via regionen.",
        intent="describe_initiative",
    )
    talk.send(ActionAnswer(), "nej, rad 2 är rätt men rad 3 ska vara kommunen")
    pending = talk.slots["pending_answers"]
    assert pending["insats_typ"] == "arbetsforberedande" and pending["utforare"] == "kommunen", pending


def test_another_thing_added_to_a_waiting_summary_is_not_a_new_assessment():
    """Review of session 37: "Ja. En annan sak: förbundets pengar går via regionen …" at a summary dropped the
    assessment and its lines for a new one."""
    talk = Conversation()
    talk.send(
        ActionDescribeInitiative(),
        "Vi vill att deltagare ska få arbetsträning på kaféet Måsen.",
        intent="describe_initiative",
    )
    talk.send(
        ActionDescribeInitiative(),
        "Ja. En annan sak: förbundets pengar går via regionen, som har avtalet med kaféet.",
        intent="describe_initiative",
    )
    answers = {**(talk.slots["pending_answers"] or {}), **(talk.slots["answers"] or {})}
    assert answers.get("vem") == "deltagare" and answers.get("insats_typ") == "arbetsforberedande", talk.slots


def test_a_no_said_twice_before_a_correction_is_no_answer_to_the_target_group():
    """Trial 55 (t55-1): "nej nej, bara af. inte flera" after a result read its second "nej" as a no to the target
    group and asked which answer to change."""
    talk = finished({**VIA_KOMMUNEN, "utforare": "flera_parter"})
    talk.send(ActionAnswer(), "nä nä, bara regionen. inte båda")
    assert talk.slots["answers"] == {**VIA_KOMMUNEN, "utforare": "regionen"}


def test_asking_if_something_off_the_result_matters_keeps_the_result():
    """Trial 55 (t55-8): "Spelar det någon roll om samordnaren anställs hos förbundet eller hos regionen?" after a
    knowledge initiative's result got "Vilket svar vill du ändra?"."""
    answers = {"vem": "parter_och_aktorer", "strukturell_typ": "samordnare", "mottagare": "egen_verksamhet"}
    talk = finished(answers)
    sent = talk.send(ActionAnswer(), "gör det nån skillnad om processledaren sitter på kommunen eller hos oss?")
    assert messages.text("change.no_answer_changed") in said(sent)
    assert talk.slots["answers"] == answers


def test_two_lines_named_together_get_the_same_new_answer():
    """Trial 56 (t56-2): "rad 4 och 5 ska vara kommunen. FK var bara en fraga" left the result unchanged."""
    talk = finished({**VIA_KOMMUNEN, "utforare": "forsakringskassan"})
    talk.send(ActionAnswer(), "tack. men det stämmer inte, rad 4 och 5 ska vara kommunen. FK nämnde jag bara")
    assert talk.slots["answers"] == VIA_KOMMUNEN


def test_a_numbered_line_at_an_open_yes_no_question_is_no_answer_to_it():
    """Trial 56 (t56-1): "nej. rad 1 ska vara parternas personal, …" at the target-group question was recorded as
    "Nej" and got "bör inte"."""
    talk = Conversation()
    talk.send(
        ActionDescribeInitiative(),
        "Arbetsträning på kaféet Solen för deltagare, via kommunen.",
        intent="describe_initiative",
    )
    talk.send(ActionAnswer(), "/affirm", intent="affirm")
    assert talk.slots["current_question"] == "malgrupp"
    talk.send(ActionAnswer(), "nej. rad 1 ska vara parternas personal, det är en kurs för handläggarna")
    assert "malgrupp" not in (talk.slots["answers"] or {})
    assert talk.slots["current_question"] == "vem"


def test_yes_but_a_course_about_social_enterprises_keeps_whom_it_is_for():
    """Trial 56 (t56-4): "ja fast det viktiga är ju att det är en utbildning om asf för dem, inte arbetsträning" at a
    summary for patients made it one for "Ett företag"; and "lära sig vad sociala företag är" was not read as education
    about them."""
    talk = Conversation()
    talk.send(
        ActionDescribeInitiative(),
        "Vi på psykiatrin vill ha en gruppkurs där våra patienter får veta mer om arbetslivet. Kan förbundet betala?",
        intent="describe_initiative",
    )
    assert talk.slots["pending_answers"]["vem"] == "deltagare"
    talk.send(ActionAnswer(), "ja fast huvudsaken är att det är en utbildning om asf för dem, inte praktik")
    pending = talk.slots["pending_answers"]
    assert pending["vem"] == "deltagare" and pending.get("insats_typ") == "utbildning_om_asf", pending
    reading = read_description(
        dialogue.tree(), "Deltagarna ska på fyra träffar lära sig vad arbetsintegrerande sociala företag är."
    )
    assert reading.facts["insats_typ"].option == "utbildning_om_asf"


def test_money_sent_to_another_party_at_the_money_question_is_named_even_beside_the_one_procuring():
    # Trial 59 (t59-1): "pengarna för handledaren går till regionen, … kommunen betalar företaget för platserna själv"
    # where the kommun procures was recorded as "Via kommunen", and the conditions named the wrong party.
    talk = Conversation()
    talk.send(ActionStartAssessment(), "", intent="start_assessment")
    supervisor_at_the_kommun = {**HANDLEDARE_PAID_DIRECTLY, "handledare_anstalld": "hos_part", "utforare": "kommunen"}
    for question, choice in supervisor_at_the_kommun.items():
        talk.click(question, choice)
    assert talk.slots["current_question"] == "pengavag"
    sent = talk.send(ActionAnswer(), "pengarna till handledaren ska gå till regionen, kommunen betalar kaféet själv")
    assert "pengavag" not in talk.slots["answers"]
    assert "du skriver att pengarna ska gå via regionen" in said(sent)
