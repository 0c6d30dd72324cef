"""The Rasa SDK actions with a CollectingDispatcher and an inline Tracker: no server, no network."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import (
    ActionAnswer,
    ActionChangeAnswer,
    ActionDescribeInitiative,
    ActionExplainConcept,
    ActionFallback,
    ActionGreet,
    ActionStartAssessment,
    ActionWhy,
    read_state,
)
from asf import dialogue, messages


def tracker(
    text: str = "", intent: str = "inform", entities: list[dict[str, Any]] | None = None, **slots: Any
) -> Tracker:
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": entities or []}
    return Tracker("test-user", dict(slots), latest, [], False, None, {}, "action_listen")


def run(action: Any, track: Tracker) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, track, {}))
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    return dispatcher.messages, slots


def test_action_names_match_the_domain():
    from asf import yamltext

    domain_actions = set(yamltext.load(Path("domain.yml").read_text(encoding="utf-8"))["actions"])
    from actions import actions as module

    names = {cls().name() for cls in module.DialogueAction.__subclasses__()}
    assert names == domain_actions


def test_greet_sends_intro_with_buttons():
    messages, _ = run(ActionGreet(), tracker(intent="greet"))
    assert "Skriv inga uppgifter om enskilda personer" in messages[0]["text"]
    assert messages[0]["buttons"][0]["payload"] == "/start_assessment"


def test_start_sets_current_question_slot():
    messages, slots = run(ActionStartAssessment(), tracker(intent="start_assessment"))
    assert slots["current_question"] == "vem"
    assert "Vem är insatsen till för i första hand?" in messages[-1]["text"]
    assert len(messages[-1]["buttons"]) == 6


def test_button_answer_updates_answers_slot():
    entities = [{"entity": "question", "value": "vem"}, {"entity": "choice", "value": "foretaget"}]
    messages, slots = run(ActionAnswer(), tracker("/inform", entities=entities, current_question="vem", answers={}))
    assert slots["answers"] == {"vem": "foretaget"}
    assert slots["current_question"] == "stod_till_foretag"
    assert "Vad skulle förbundet göra för företaget?" in messages[-1]["text"]


def test_result_is_sent_as_text_and_custom_payload():
    entities = [{"entity": "question", "value": "stod_till_foretag"}, {"entity": "choice", "value": "pengar"}]
    messages, slots = run(
        ActionAnswer(),
        tracker("/inform", entities=entities, current_question="stod_till_foretag", answers={"vem": "foretaget"}),
    )
    text = "\n".join(m["text"] or "" for m in messages)
    assert "Förbundet bör inte finansiera insatsen." in text
    custom = [m["custom"] for m in messages if m.get("custom")]
    assert custom and custom[0]["verdict"] == "not_financeable" and custom[0]["outcome_id"] == "kontantbidrag"
    assert slots["current_question"] is None
    assert slots["last_result"]["tree_version"]


def test_free_text_answer_with_entity():
    entities = [{"entity": "party", "value": "regionen"}]
    _, slots = run(
        ActionAnswer(),
        tracker(
            "regionen",
            entities=entities,
            current_question="utforare",
            answers={"vem": "deltagare", "malgrupp": "ja", "insats_typ": "arbetsforberedande"},
        ),
    )
    assert slots["answers"]["utforare"] == "regionen"


def test_why_uses_the_trees_help_text():
    messages, slots = run(ActionWhy(), tracker("varför?", intent="ask_why", current_question="vem", answers={}))
    assert "Förbundet har enligt lagen två uppgifter" in messages[0]["text"]
    assert slots == {}


def test_change_answer_reopens_the_named_question():
    answers = {"vem": "deltagare", "malgrupp": "ja", "insats_typ": "arbetsforberedande", "utforare": "kommunen"}
    messages, slots = run(
        ActionChangeAnswer(),
        tracker(
            "ändra svaret om vem som upphandlar", intent="change_answer", current_question="pengavag", answers=answers
        ),
    )
    assert slots["current_question"] == "utforare"
    assert "Svaret var ”Kommunen”" in messages[-1]["text"]


def test_description_is_held_for_confirmation():
    messages, slots = run(
        ActionDescribeInitiative(),
        tracker("Vi vill ordna ett seminarium om sociala företag för parterna", intent="describe_initiative"),
    )
    assert slots["pending_answers"] == {"vem": "parter_och_aktorer", "strukturell_typ": "evenemang"}
    assert set(slots["pending_evidence"]) == {"vem", "strukturell_typ"}
    assert "Stämmer det?" in messages[0]["text"]


def test_concept_from_entity():
    messages, _ = run(
        ActionExplainConcept(),
        tracker("vad är 7 §?", intent="ask_concept", entities=[{"entity": "concept", "value": "paragraf_7"}]),
    )
    assert messages[0]["text"].startswith("7 § i Finsamlagen")


def test_fallback_counts_misunderstandings():
    _, slots = run(ActionFallback(), tracker("asdf", intent="nlu_fallback", misunderstood=1.0))
    assert slots["misunderstood"] == 2.0


def test_malformed_slots_do_not_crash():
    messages, slots = run(
        ActionAnswer(),
        tracker("ja", intent="affirm", answers="not a dict", current_question=42, pending_answers=[1, 2]),
    )
    assert messages  # the user gets an answer, not an exception
    assert all(isinstance(SlotSet(k, v), dict) for k, v in slots.items())


def test_training_round_through_the_actions():
    from actions.actions import ActionJudge, ActionSkipCase, ActionStartTraining, ActionStopTraining

    messages, slots = run(ActionStartTraining(), tracker("övning grund", intent="start_training"))
    training = slots["training"]
    assert training["position"] == 0 and training["awaiting"] is True
    assert any("Fall 1 av" in (m["text"] or "") for m in messages)
    messages, slots = run(
        ActionJudge(),
        tracker(
            "/judge", intent="judge", training=training, entities=[{"entity": "verdict", "value": "not_financeable"}]
        ),
    )
    assert "Vägledningens svar:" in messages[0]["text"] and slots["training"]["judged"] == 1
    messages, slots = run(ActionSkipCase(), tracker("nästa", intent="skip_case", training=slots["training"]))
    assert "Fall 2 av" in messages[0]["text"]
    messages, slots = run(ActionStopTraining(), tracker("avsluta", intent="stop_training", training=slots["training"]))
    assert "Du bedömde 1 fall" in messages[0]["text"] and slots["training"] is None


def test_memo_action_sends_markdown_and_pdf():
    from actions.actions import ActionRequestMemo
    from asf.guidance.engine import walk
    from asf.guidance.explain import result_payload
    from asf.guidance.loader import default_tree

    result = result_payload(default_tree(), walk(default_tree(), {"vem": "annan"}))
    messages, _ = run(ActionRequestMemo(), tracker("beslutsunderlag", intent="request_memo", last_result=result))
    custom = [m["custom"] for m in messages if m.get("custom")]
    assert custom and custom[0]["type"] == "decision_memo" and custom[0]["pdf_base64"]


def test_words_inside_a_forged_payload_are_not_taken_as_an_answer():
    # "annat" is a keyword of an option of the open question; inside a payload it must not count.
    forged = '/inform{"answers":{"vem":"annat"},"current_question":"pengavag"}'
    answers = {"vem": "deltagare", "malgrupp": "ja"}
    messages, slots = run(ActionAnswer(), tracker(forged, answers=answers, current_question="insats_typ"))
    assert "answers" not in slots and "current_question" not in slots
    assert "Jag är inte säker på vilket svar du menar" in messages[0]["text"]


@pytest.mark.parametrize(
    ("action", "intent", "entities"),
    [
        ("ActionExplainConcept", "explain_concept", [{"entity": "concept", "value": "malgrupp"}]),
        ("ActionHandoff", "human_handoff", []),
    ],
)
def test_a_clear_answer_to_the_open_question_is_an_answer_whatever_the_intent(
    action: str, intent: str, entities: list[dict[str, Any]]
):
    from actions import actions as module

    text = "ja, det var därför jag nämnde målgruppen och kontakten med FK"
    answers = {"vem": "deltagare"}
    track = tracker(text, intent, entities, answers=answers, current_question="malgrupp")
    _, slots = run(getattr(module, action)(), track)
    assert slots["answers"] == {"vem": "deltagare", "malgrupp": "ja"}


AT_UTFORARE = {"vem": "deltagare", "malgrupp": "ja", "insats_typ": "arbetsforberedande"}


@pytest.mark.parametrize(
    ("action", "intent", "entities", "text", "answers"),
    [
        ("ActionExplainConcept", "explain_concept", [{"entity": "concept", "value": "asf"}], "vad är ett ASF?", {}),
        ("ActionHandoff", "human_handoff", [], "kan jag få prata med någon på kommunen?", AT_UTFORARE),
    ],
)
def test_a_question_that_names_an_option_still_reaches_its_intent(
    action: str, intent: str, entities: list[dict[str, Any]], text: str, answers: dict[str, str]
):
    from actions import actions as module

    current = "utforare" if answers else "vem"
    track = tracker(text, intent, entities, answers=answers, current_question=current)
    messages, slots = run(getattr(module, action)(), track)
    assert "answers" not in slots  # nothing recorded: "ASF" and "kommunen" were not answers here
    assert messages and messages[0]["text"]


def _after_offer(text: str, buttons: list[dict[str, str]]) -> Tracker:
    slots = {"answers": {"vem": "deltagare", "malgrupp": "ja"}, "current_question": "insats_typ"}
    return _after_buttons(text, "Menar du ”Pengar eller saker till företaget”?", buttons, slots, "affirm")


def _after_buttons(text: str, asked: str, buttons: list[dict[str, str]], slots: dict[str, Any], intent: str) -> Tracker:
    """A tracker whose last bot message asked `asked` with `buttons`, and whose user then typed `text`."""
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": []}
    events = [{"event": "bot", "text": asked, "data": {"buttons": buttons}}, {"event": "user", "text": text}]
    return Tracker("test-user", slots, latest, events, False, None, {}, "action_listen")


ONE_OFFER = [
    {
        "title": "Pengar eller saker till företaget",
        "payload": '/inform{"question": "insats_typ", "choice": "till_foretaget"}',
    },
    {"title": "Inget av dem", "payload": '/inform{"question": "insats_typ"}'},
]


@pytest.mark.parametrize("text", ["ja", "ja precis", "japp, det stämmer"])
def test_a_typed_yes_to_a_single_offered_answer_chooses_it(text: str):
    # Trial 10 (t10-29): "ja" to "Menar du ”Pengar eller saker till företaget”?" got "Jag är inte säker".
    _, slots = run(ActionAnswer(), _after_offer(text, ONE_OFFER))
    assert slots["answers"]["insats_typ"] == "till_foretaget"


def test_a_yes_with_more_words_or_to_several_offers_is_read_as_usual():
    two = [*ONE_OFFER[:1], {"title": "Något annat", "payload": '/inform{"question": "insats_typ", "choice": "annat"}'}]
    assert dialogue.chosen_by_yes("ja", two) is None
    assert dialogue.chosen_by_yes("ja men bara hyran", ONE_OFFER) is None
    assert dialogue.chosen_by_yes("nej", ONE_OFFER) is None
    chosen = dialogue.chosen_by_yes("ja", ONE_OFFER)
    assert chosen is not None and chosen.entity("choice") == "till_foretaget" and not chosen.typed


def test_a_typed_yes_to_the_offer_to_start_over_starts_over():
    # Trial 11 (t11-15): "ja" to "Vill du avbryta bedömningen?" was recorded as the open question's answer.
    buttons = [
        {"title": "Ja, avbryt och börja om", "payload": "/start_over"},
        {"title": "Nej, fortsätt bedömningen", "payload": '/start_assessment{"choice": "fortsatt"}'},
    ]
    latest = {"text": "ja", "intent": {"name": "affirm", "confidence": 1.0}, "entities": []}
    events = [{"event": "bot", "text": "Vill du avbryta bedömningen?", "data": {"buttons": buttons}}]
    slots = {"answers": {"vem": "deltagare"}, "current_question": "malgrupp"}
    track = Tracker("test-user", slots, latest, events, False, None, {}, "action_listen")
    messages_sent, new_slots = run(ActionAnswer(), track)
    assert new_slots["answers"] == {}
    assert messages.text("assessment.restart") in "\n".join(m.get("text") or "" for m in messages_sent)


def test_the_yes_commands_have_steps():
    from actions import actions as module

    assert set(module._YES_STEPS) == dialogue.YES_COMMANDS | dialogue.TITLE_COMMANDS


def test_a_typed_title_of_a_button_that_picks_an_answer_to_change_clicks_it():
    # Trial 46 (t46-9): "hur pengarna gar" typed at "Vilket svar vill du ändra?" got "Det förstod jag inte".
    buttons = [
        {"title": "Vem insatsen riktar sig till", "payload": '/change_answer{"question":"vem"}'},
        {"title": "Hur pengarna ska gå", "payload": '/change_answer{"question":"pengavag"}'},
    ]
    answers = {"vem": "deltagare", "malgrupp": "ja", "insats_typ": "arbetsforberedande", "utforare": "kommunen"}
    slots = {"answers": {**answers, "pengavag": "direkt"}}
    track = _after_buttons("hur pengarna gar", "Vilket svar vill du ändra?", buttons, slots, "nlu_fallback")
    sent, new_slots = run(ActionAnswer(), track)
    assert new_slots["current_question"] == "pengavag"
    assert "förstod jag inte" not in "\n".join(m.get("text") or "" for m in sent)
    # One word, or words of no single title, click nothing.
    assert dialogue.chosen_by_title("pengarna", buttons) is None
    assert dialogue.chosen_by_title("via kommunen", buttons) is None


def test_typed_answers_are_kept_in_their_slot_and_a_forged_value_is_none():
    typed = tracker("ja, de behöver stöd från flera", current_question="malgrupp", answers={"vem": "deltagare"})
    _, slots = run(ActionAnswer(), typed)
    assert slots["answers"]["malgrupp"] == "ja"
    assert slots["typed_answers"] == [["malgrupp", "ja, de behöver stöd från flera"]]
    forged = tracker(typed_answers=[["vem", 3], "x", ["a", "b"]])
    assert read_state(forged).typed_answers == (("a", "b"),)


def test_a_line_named_by_its_place_under_which_line_is_wrong_clicks_it():
    # Trial 47 (t47-4): "sista raden" typed under "Vilken rad stämmer inte?" got "Jag kunde inte läsa ut något nytt".
    buttons = [
        {"title": "Vem insatsen riktar sig till: …", "payload": '/change_answer{"question":"vem"}'},
        {"title": "Vad … ska göra: …", "payload": '/change_answer{"question":"strukturell_typ"}'},
        {"title": "Något saknas", "payload": '/change_answer{"question":"saknas"}'},
        {"title": "Inget av det stämmer", "payload": "/start_over"},
    ]
    pending = {"vem": "parter_och_aktorer", "strukturell_typ": "evenemang"}
    slots = {"pending_answers": pending, "pending_evidence": {q: "ord" for q in pending}, "correcting": True}
    track = _after_buttons("sista raden", "Vilken rad stämmer inte?", buttons, slots, "nlu_fallback")
    sent, new_slots = run(ActionAnswer(), track)
    assert new_slots.get("current_question") == "strukturell_typ"
    assert "kunde inte läsa ut" not in "\n".join(m.get("text") or "" for m in sent)
    assert dialogue.chosen_by_order("den första raden", buttons).entity("question") == "vem"  # type: ignore[union-attr]
    after = dialogue.chosen_by_order("Sista raden är fel, det gäller företagen", buttons)
    assert after is not None and after.entity("question") == "strukturell_typ"
    assert after.text == "det gäller företagen"  # as written, for the quote
    assert dialogue.chosen_by_order("femte raden", buttons) is None
    assert dialogue.chosen_by_order("raden om pengarna", buttons) is None


_THREE_LINES = [
    {"title": "Vem insatsen riktar sig till: …", "payload": '/change_answer{"question":"vem"}'},
    {"title": "Vad … ska göra: …", "payload": '/change_answer{"question":"strukturell_typ"}'},
    {"title": "Vem som får förbundets pengar: …", "payload": '/change_answer{"question":"mottagare"}'},
    {"title": "Något saknas", "payload": '/change_answer{"question":"saknas"}'},
]
_A_DAY = {"vem": "parter_och_aktorer", "strukturell_typ": "evenemang", "mottagare": "egen_verksamhet"}


def test_a_line_named_by_its_place_with_its_new_answer_changes_that_line_and_keeps_the_others():
    # Trial 47 (t47-4): "sista raden. foretagen vi besoker ska fa 5000 kr var …" dropped the line about the day itself
    # and rewrote who it was for.
    slots = {"pending_answers": _A_DAY, "pending_evidence": {q: "ord" for q in _A_DAY}, "correcting": True}
    text = "tredje raden: kooperativen vi hälsar på får 3000 kr var som tack"
    track = _after_buttons(text, "Vilken rad stämmer inte?", _THREE_LINES, slots, "inform")
    sent, new_slots = run(ActionAnswer(), track)
    assert new_slots["pending_answers"] == {**_A_DAY, "mottagare": "ett_foretag"}
    assert "du skrev ”…får 3000 kr var som tack”" in "\n".join(m.get("text") or "" for m in sent)


def test_a_line_named_by_its_place_with_words_for_two_answers_asks_which_of_them():
    slots = {"pending_answers": _A_DAY, "pending_evidence": {q: "ord" for q in _A_DAY}, "correcting": True}
    text = "tredje raden: kooperativen vi hälsar på får 3000 kr var från förbundet som tack"
    sent, new_slots = run(
        ActionAnswer(), _after_buttons(text, "Vilken rad stämmer inte?", _THREE_LINES, slots, "inform")
    )
    assert new_slots["current_question"] == "mottagare" and "mottagare" not in new_slots["answers"]
    payloads = [b["payload"] for b in sent[-1]["buttons"]]
    assert '/inform{"question":"mottagare","choice":"ett_foretag"}' in payloads and len(payloads) == 3


def test_a_line_named_by_its_place_with_words_that_give_no_clear_answer_asks_that_line_again():
    slots = {"pending_answers": _A_DAY, "pending_evidence": {q: "ord" for q in _A_DAY}, "correcting": True}
    track = _after_buttons("andra raden stämmer inte riktigt", "Vilken rad stämmer inte?", _THREE_LINES, slots, "deny")
    _, new_slots = run(ActionAnswer(), track)
    assert new_slots.get("current_question") == "strukturell_typ"


def test_a_line_said_to_be_right_before_another_is_named_is_not_chosen():
    # Review of session 35: "sista raden är rätt men andra raden är fel, det är handledning" chose the last line.
    assert (
        dialogue.chosen_by_order("sista raden är rätt men andra raden är fel, det är handledning", _THREE_LINES) is None
    )
    assert dialogue.chosen_by_order("sista raden stämmer, det är tredje raden som är fel", _THREE_LINES) is None
    chosen = dialogue.chosen_by_order("sista raden stämmer inte: företagen får 3000 kr", _THREE_LINES)
    assert chosen is not None and chosen.entity("question") == "mottagare"
