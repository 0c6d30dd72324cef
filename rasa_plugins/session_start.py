"""Rasa's session start, carrying the conversation's state over when a dialogue action asked for it.

A turn that begins a new assessment ends with a `FollowupAction` to
`action_session_start` (asf/sessions.py); Rasa runs its own `ActionSessionStart`
in this process and ends the turn. Here that action returns the state slots
with the new session (`sessions.carried_session`). A session Rasa starts itself
(a new conversation, or after `session_expiration_time`) runs Rasa's action
unchanged, which carries nothing (`carry_over_slots_to_new_session: false`).
Done here rather than in the action server so that a session start costs no
call to it: one per new conversation and one per new assessment.
"""

from __future__ import annotations

from typing import Any

from rasa.core.actions.action import ActionSessionStart
from rasa.shared.core.events import Event

from asf import sessions

_rasa_run = ActionSessionStart.run


async def run(self: ActionSessionStart, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> list[Event]:
    if not sessions.asked_by_a_turn(event.as_dict() for event in reversed(tracker.events)):
        events: list[Event] = await _rasa_run(self, output_channel, nlg, tracker, domain)
        return events
    values = {name: tracker.get_slot(name) for name in sessions.STATE_SLOTS}
    return [event for data in sessions.carried_session(values) if (event := Event.from_parameters(data)) is not None]


def install() -> None:
    """Makes Rasa's ActionSessionStart in this process carry the state when asked to."""
    ActionSessionStart.run = run
