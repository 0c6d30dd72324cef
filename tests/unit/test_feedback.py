"""The feedback question after a result: asked every time, never in the way, comment masked and cut."""

from __future__ import annotations

from typing import Any

from actions.actions import (
    ActionAnswer,
    ActionDescribeInitiative,
    ActionExplainConcept,
    ActionFeedback,
    ActionHandoff,
    ActionJudge,
    ActionStartAssessment,
    ActionThanks,
)
from asf import feedback
from tests.unit.test_actions import run, tracker

RESULT_ENTITIES = [{"entity": "question", "value": "stod_till_foretag"}, {"entity": "choice", "value": "pengar"}]


def result() -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """A real result: "pengar" to the company, by button, through the answer action."""
    return run(
        ActionAnswer(),
        tracker(
            "/inform", entities=RESULT_ENTITIES, current_question="stod_till_foretag", answers={"vem": "foretaget"}
        ),
    )


def after_result(**changes: Any) -> dict[str, Any]:
    """The slots right after the result, with `changes` to the feedback slot."""
    _, slots = result()
    return {
        **slots,
        "answers": {"vem": "foretaget", "stod_till_foretag": "pengar"},
        "feedback": {**slots["feedback"], **changes},
    }


def texts(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def test_every_result_ends_with_the_question_and_ja_nej_buttons():
    messages, slots = result()
    assert messages[-1]["text"] == "Hade du nytta av bedömningen?"
    assert [(b["title"], b["payload"]) for b in messages[-1]["buttons"]] == [
        ("Ja", '/feedback{"choice":"ja"}'),
        ("Nej", '/feedback{"choice":"nej"}'),
    ]
    custom = next(m["custom"] for m in messages if m.get("custom"))
    assert slots["feedback"] == {
        "result": custom["id"],
        "outcome": "kontantbidrag",
        "verdict": "not_financeable",
        "status": "asked",
        "answer": None,
        "comment": None,
    }


def test_clicking_nej_thanks_and_asks_for_a_comment_and_stores_the_answer():
    slots = after_result()
    entities = [{"entity": "choice", "value": "nej"}]
    messages, changed = run(ActionFeedback(), tracker("/feedback", intent="feedback", entities=entities, **slots))
    assert "vad som saknades" in texts(messages)
    assert changed["feedback"]["answer"] == "nej" and changed["feedback"]["status"] == "answered"
    assert changed["feedback"]["outcome"] == "kontantbidrag"


def test_a_typed_ja_right_after_the_question_is_the_answer():
    slots = after_result()
    messages, changed = run(ActionAnswer(), tracker("ja", intent="affirm", **slots))
    assert changed["feedback"]["answer"] == "ja"
    assert "Tack för svaret" in texts(messages)


def test_a_typed_ja_later_is_not_feedback():
    slots = after_result(status="passed")
    messages, changed = run(ActionAnswer(), tracker("ja", intent="affirm", **slots))
    assert "feedback" not in changed
    assert "Vill du bedöma en insats?" in texts(messages)


def test_the_comment_is_masked_and_stored_with_the_answer():
    slots = after_result(status="answered", answer="nej")
    text = "Saknade svar om lönebidrag, ring mig på 070-123 45 67 eller anna@example.se"
    messages, changed = run(ActionDescribeInitiative(), tracker(text, intent="describe_initiative", **slots))
    stored = changed["feedback"]
    assert stored["comment"] == "Saknade svar om lönebidrag, ring mig på [telefonnummer] eller [e-postadress]"
    assert stored["answer"] == "nej" and stored["status"] == "commented"
    assert "sparat din kommentar" in texts(messages)
    assert "070-123" not in str(messages) and "anna@" not in str(changed)


def test_a_long_comment_is_cut_and_the_user_told():
    slots = after_result(status="answered", answer="ja")
    text = "bra " * 300
    messages, changed = run(ActionThanks(), tracker(text, intent="thanks", **slots))
    assert len(changed["feedback"]["comment"]) == feedback.COMMENT_MAX_CHARS
    assert f"de första {feedback.COMMENT_MAX_CHARS} tecknen" in texts(messages)


def test_ignoring_the_question_a_description_is_handled_as_usual():
    slots = after_result()
    text = "Vi vill ordna ett seminarium om sociala företag för parterna"
    messages, changed = run(ActionDescribeInitiative(), tracker(text, intent="describe_initiative", **slots))
    assert changed["pending_answers"]  # the summary of what was read, as without feedback
    assert changed["feedback"]["status"] == "passed" and changed["feedback"]["answer"] is None
    assert "kommentar" not in texts(messages)


def test_a_request_after_nej_is_not_taken_as_a_comment():
    slots = after_result(status="answered", answer="nej")
    _, changed = run(ActionStartAssessment(), tracker("ny bedömning", intent="start_assessment", **slots))
    assert changed["current_question"] == "vem"
    assert changed["feedback"] == {**slots["feedback"], "status": "passed"}


def test_a_message_after_the_comment_turn_is_handled_as_usual():
    slots = after_result(status="passed", answer="nej")
    text = "Vi vill ordna ett seminarium om sociala företag för parterna"
    _, changed = run(ActionDescribeInitiative(), tracker(text, intent="describe_initiative", **slots))
    assert changed["pending_answers"] and "feedback" not in changed


def test_a_later_click_on_the_buttons_still_counts():
    slots = after_result(status="passed")
    entities = [{"entity": "choice", "value": "ja"}]
    _, changed = run(ActionFeedback(), tracker("/feedback", intent="feedback", entities=entities, **slots))
    assert changed["feedback"]["answer"] == "ja"


def test_feedback_without_a_result_offers_an_assessment():
    entities = [{"entity": "choice", "value": "ja"}]
    messages, changed = run(ActionFeedback(), tracker("/feedback", intent="feedback", entities=entities))
    assert "Det finns ingen bedömning" in texts(messages) and changed == {}
    assert messages[0]["buttons"][0]["payload"] == "/start_assessment"


def test_typed_feedback_in_words_reads_a_negation_as_nej():
    slots = after_result(status="passed")
    _, changed = run(ActionFeedback(), tracker("bedömningen hjälpte inte", intent="feedback", **slots))
    assert changed["feedback"]["answer"] == "nej"
    _, changed = run(ActionFeedback(), tracker("jag hade nytta av bedömningen", intent="feedback", **slots))
    assert changed["feedback"]["answer"] == "ja"


def test_a_comment_the_nlu_reads_as_a_question_about_a_concept_is_still_the_comment():
    slots = after_result(status="answered", answer="nej")
    messages, changed = run(ActionExplainConcept(), tracker("bra men för kort", intent="ask_concept", **slots))
    assert changed["feedback"]["comment"] == "bra men för kort"
    assert "sparat din kommentar" in texts(messages)


def test_a_real_question_about_a_concept_or_a_person_after_nej_is_answered():
    slots = after_result(status="answered", answer="nej")
    entities = [{"entity": "concept", "value": "asf"}]
    messages, changed = run(
        ActionExplainConcept(), tracker("vad är ett asf?", intent="ask_concept", entities=entities, **slots)
    )
    assert changed["feedback"]["comment"] is None and "sparat din kommentar" not in texts(messages)
    messages, changed = run(ActionHandoff(), tracker("kan jag prata med någon?", intent="human_handoff", **slots))
    assert "Du kan vända dig till" in texts(messages) and changed["feedback"]["comment"] is None


def test_a_comment_the_nlu_reads_as_a_training_judgement_is_still_the_comment():
    slots = after_result(status="answered", answer="nej")
    text = "Ordet är för svagt: det borde stå ska inte, inte bör inte."
    messages, changed = run(ActionJudge(), tracker(text, intent="judge", **slots))
    assert changed["feedback"]["comment"] == text
    assert "sparat din kommentar" in texts(messages)


def test_a_new_initiative_written_where_a_comment_was_asked_for_is_assessed_not_saved():
    # make loadtest (session 39): "Vi vill att förbundet blir medlem i en intresseorganisation för sociala företag"
    # right after "Tack för svaret! Vill du säga något mer …" was saved as a comment, and nothing was assessed.
    slots = after_result(status="answered", answer="ja")
    text = "Förbundet vill gå med som medlem i en intresseorganisation för sociala företag"
    _, changed = run(ActionDescribeInitiative(), tracker(text, intent="describe_initiative", **slots))
    assert changed.get("pending_answers") or (changed.get("last_result") or {}).get("outcome_id")
    assert (changed.get("feedback") or {}).get("comment") is None
    # A comment that reads as no initiative is still the comment.
    comment = "Bra och tydligt svar, tack"
    _, changed = run(ActionDescribeInitiative(), tracker(comment, intent="describe_initiative", **slots))
    assert changed["feedback"]["comment"] == comment
