"""A new Rasa session for each new assessment, with the state carried over (asf/sessions.py)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import actions
from asf import sessions
from asf.statistics import replay
from asf.turns import State
from tests.unit.recorder import Conversation, at

ANSWERS = {"vem": "foretaget", "stod_till_foretag": "pengar"}
RESULT: dict[str, Any] = {"outcome_id": "kontantbidrag", "answers": ANSWERS}


def tracker(events: list[dict[str, Any]], intent: str = "start_assessment", **slots: Any) -> Tracker:
    latest = {"text": f"/{intent}", "intent": {"name": intent, "confidence": 1.0}, "entities": []}
    return Tracker("test-user", dict(slots), latest, events, False, None, {}, "action_listen")


def turn_events(count: int) -> list[dict[str, Any]]:
    """`count` events of earlier turns in the session (what they are does not matter here)."""
    return [{"event": "action", "timestamp": 1.0 + i, "name": "action_listen"} for i in range(count)]


def run(action: Any, track: Tracker) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = asyncio.run(action.run(CollectingDispatcher(), track, {}))
    return events


def test_the_state_slots_are_the_ones_the_actions_write():
    everything = State(
        answers={"vem": "foretaget"},
        current_question="vem",
        pending={"vem": "foretaget"},
        evidence={"vem": "ord"},
        correcting=True,
        last_result={"id": "x"},
        misunderstood=1,
        training={"judged": 1},
        description="text",
        feedback={"answer": "ja"},
        typed_answers=(("vem", "text"),),
    )
    written = [event["name"] for event in actions.state_events(State(), everything)]
    assert tuple(written) == sessions.STATE_SLOTS


@pytest.mark.parametrize(
    ("before", "after", "begins"),
    [
        # "Ny bedömning" after a result: the first question of a fresh assessment.
        (State(answers=ANSWERS, last_result=RESULT), State(current_question="vem"), True),
        # The first assessment of a conversation.
        (State(), State(current_question="vem"), True),
        # A new description after a result: its summary waits for "Ja".
        (State(answers=ANSWERS), State(answers=ANSWERS, pending={"vem": "deltagare"}), True),
        # An answer in the middle of an assessment.
        (
            State(answers={"vem": "foretaget"}, current_question="stod_till_foretag"),
            State(answers={"vem": "foretaget", "stod_till_foretag": "pengar"}, current_question=None),
            False,
        ),
        # Not understood at the first question: the same question again.
        (State(current_question="vem"), State(current_question="vem", misunderstood=1), False),
        # "Ja" to a summary: the answers are given, no new summary.
        (State(pending={"vem": "deltagare"}), State(answers={"vem": "deltagare"}, current_question="malgrupp"), False),
    ],
)
def test_which_turns_begin_an_assessment(before: State, after: State, begins: bool):
    assert sessions.begins_assessment(before, after) is begins


def test_a_new_assessment_starts_a_session_only_after_a_few_turns_and_any_session_is_cut_when_long():
    before, after = State(answers=ANSWERS), State(current_question="vem")
    assert not sessions.wanted(sessions.MIN_EVENTS - 1, before, after)
    assert sessions.wanted(sessions.MIN_EVENTS, before, after)
    middle = State(answers={"vem": "foretaget"}, current_question="stod_till_foretag")
    assert not sessions.wanted(sessions.MAX_EVENTS - 1, middle, middle)
    assert sessions.wanted(sessions.MAX_EVENTS, middle, middle)


def test_a_new_assessment_late_in_a_session_asks_rasa_for_a_new_session():
    track = tracker(turn_events(40), answers=ANSWERS, last_result=RESULT)
    events = run(actions.ActionStartAssessment(), track)
    assert events[-1] == {"event": "followup", "timestamp": None, "name": "action_session_start"}
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots["current_question"] == "vem" and slots["answers"] == {}


def test_the_first_assessment_of_a_conversation_keeps_its_session():
    events = run(actions.ActionStartAssessment(), tracker(turn_events(4)))
    assert not [e for e in events if e["event"] == "followup"]


def test_a_session_start_asked_for_carries_every_state_slot_with_a_value():
    slots: dict[str, Any] = {"current_question": "vem", "answers": {}, "last_result": RESULT, "misunderstood": 0.0}
    slots["training"] = None
    slots["session_started_metadata"] = {"not": "state"}
    started = sessions.carried_session(slots)
    assert started[0] == {"event": "session_started", "timestamp": None, "metadata": {"asf_continued": True}}
    assert sessions.continues(started[0])
    carried = {e["name"]: e["value"] for e in started if e["event"] == "slot"}
    # The last result (its memo) among them; a slot without a value, or not the actions', is not carried.
    assert carried == {"current_question": "vem", "answers": {}, "last_result": RESULT, "misunderstood": 0.0}
    assert started[-1] == {"event": "action", "timestamp": None, "name": "action_listen"}


ASKED = [
    {"event": "session_started", "timestamp": 1.0},
    {"event": "user", "timestamp": 100.5, "text": "/start_assessment"},
    {"event": "action", "timestamp": 100.6, "name": "action_start_assessment"},
    {"event": "slot", "timestamp": 100.7, "name": "current_question", "value": "vem"},
    {"event": "followup", "timestamp": 100.7, "name": "action_session_start"},
    {"event": "bot", "timestamp": 100.8, "text": "Vem är insatsen till för i första hand?"},
]


@pytest.mark.parametrize(
    ("events", "asked"),
    [
        (ASKED, True),
        ([], False),  # a new conversation
        # Silent longer than session_expiration_time after a session the actions started.
        ([*ASKED, *sessions.carried_session({"current_question": "vem"})], False),
        ([*ASKED[:4], {"event": "followup", "timestamp": 100.7, "name": "action_other"}], False),
    ],
)
def test_only_a_session_start_a_dialogue_action_asked_for_carries_the_state(events: list[dict[str, Any]], asked: bool):
    assert sessions.asked_by_a_turn(reversed(events)) is asked


def test_statistics_see_one_conversation_across_the_sessions_the_actions_start():
    conversation = Conversation("web-many", "socketio", at("2026-11-05 10:00"))
    outcomes = []
    for _ in range(3):
        conversation.click("/start_assessment")
        conversation.click('/inform{"question":"vem","choice":"foretaget"}')
        replies = conversation.click('/inform{"question":"stod_till_foretag","choice":"pengar"}')
        outcomes += [r["custom"]["outcome_id"] for r in replies if (r.get("custom") or {}).get("outcome_id")]
    conversation.click("/start_assessment")
    conversation.click("/request_memo")  # the memo of the third result, asked in the fourth assessment
    starts = [e for e in conversation.events if e["event"] == "session_started"]
    assert len(starts) >= 2 and all(sessions.continues(e) for e in starts)
    assert outcomes == ["kontantbidrag"] * 3
    found = replay.replay(conversation.events)
    assert [a.outcome for a in found.assessments] == ["kontantbidrag"] * 3 + [None]
    assert found.assessments[-1].stopped_at == "vem"
    assert all(a.messages == 3 for a in found.assessments[:3])


def test_the_memo_of_the_last_result_is_still_there_after_the_session_start():
    conversation = Conversation("web-memo", "socketio", at("2026-11-05 10:00"))
    conversation.click("/start_assessment")
    conversation.click('/inform{"question":"vem","choice":"foretaget"}')
    conversation.click('/inform{"question":"stod_till_foretag","choice":"pengar"}')
    conversation.click("/ask_why")
    conversation.click("/start_assessment")
    assert any(e["event"] == "session_started" for e in conversation.events)
    memo = conversation.click("/request_memo")
    assert any((m.get("custom") or {}).get("type") == "decision_memo" for m in memo), memo
