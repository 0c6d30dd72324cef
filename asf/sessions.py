"""A new Rasa session for each new assessment, with the conversation's state carried over.

Decided here on plain values; actions/actions.py and rasa_plugins/session_start.py
turn the decisions into Rasa events.

Rasa loads, replays and sends to the action server every event of the current
session at each message, so the time per message grew with the length of the
conversation (29 ms in the first assessment, 201 ms in the 25th: `make growth`).
The SQL tracker store loads only the events since the latest `session_started`.
So a turn that begins a new assessment, in a session that already holds earlier
turns, asks Rasa to run `action_session_start` after it (a `FollowupAction`);
Rasa ends the turn there. Any session that grows past MAX_EVENTS is cut the same
way (a long stretch of training, many questions about one assessment).

Rasa's own session start, as rasa_plugins/session_start.py extends it, then
carries every slot the actions keep (the whole state: answers, the last result
and its memo, the training round, the feedback question), so the dialogue goes
on exactly as before. Its `session_started` is marked CONTINUED: the statistics
see one conversation going on, not one that ended (asf/statistics/replay.py),
and the expiry check counts the silence from it until the user's next message
(rasa_plugins/session_expiry.py), so a conversation silent for
`session_expiration_time` (domain.yml) after it starts from zero, as any other.

A session Rasa starts itself (a new conversation, or one silent for longer than
`session_expiration_time`) carries nothing, as Rasa's own action does with
`carry_over_slots_to_new_session: false`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from asf.turns import State

NAME = "action_session_start"
CONTINUED = "asf_continued"  # in the metadata of a session start that carries the conversation on
# The slots the actions keep (actions.read_state): all of the conversation's state.
STATE_SLOTS = (
    "answers",
    "current_question",
    "pending_answers",
    "pending_evidence",
    "correcting",
    "last_result",
    "misunderstood",
    "training",
    "description",
    "feedback",
    "typed_answers",
)
# A new assessment starts a new session only when the session holds more than a few turns already
# (about four events a turn at least): the first assessment of a conversation keeps its session.
MIN_EVENTS = 20
# Any session is cut after this many events (one assessment of a dozen messages is about 100).
MAX_EVENTS = 200


def begins_assessment(before: State, after: State) -> bool:
    """The turn asked a fresh assessment's first question, or showed the summary of a new description."""
    first_question = not after.answers and after.current_question is not None
    fresh = bool(before.answers) or before.current_question is None
    new_summary = after.pending is not None and before.pending is None
    return (first_question and fresh) or new_summary


def wanted(events: int, before: State, after: State) -> bool:
    """Should the turn end by starting a new session? `events`: how many the session holds."""
    return events >= MAX_EVENTS or (events >= MIN_EVENTS and begins_assessment(before, after))


def asked_by_a_turn(newest_first: Iterable[dict[str, Any]]) -> bool:
    """Did a dialogue action ask for this session start (not Rasa, for a new or expired conversation)?
    `newest_first`: the session's events as dicts, from the latest back (read only as far as needed)."""
    for event in newest_first:
        if event.get("event") == "session_started":
            return False
        if event.get("event") == "followup" and event.get("name") == NAME:
            return True
    return False


def carried_session(slots: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The events of a session start a dialogue action asked for, as dicts: `session_started` marked
    CONTINUED, every state slot that has a value, and the listen that ends the turn."""
    started = {"event": "session_started", "timestamp": None, "metadata": {CONTINUED: True}}
    carried = [
        {"event": "slot", "timestamp": None, "name": name, "value": slots[name]}
        for name in STATE_SLOTS
        if slots.get(name) is not None
    ]
    return [started, *carried, {"event": "action", "timestamp": None, "name": "action_listen"}]


def continues(event: dict[str, Any]) -> bool:
    """Is this (as a dict) a `session_started` the actions asked for, carrying the conversation on?"""
    metadata = event.get("metadata")
    return event.get("event") == "session_started" and isinstance(metadata, dict) and metadata.get(CONTINUED) is True
