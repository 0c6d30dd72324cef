"""Rasa's session expiry, also for a session the actions started.

A turn that begins a new assessment ends in a new session that carries the
state over (asf/sessions.py). That session holds no user message until the
next one arrives, and Rasa's own check (`MessageProcessor._has_session_expired`)
counts the silence from the latest user message in the session: without one it
never expires. This check counts from the start of such a session instead, a few
milliseconds after the user message of the turn that asked for it, so a
conversation silent for `session_expiration_time` (domain.yml) starts from zero
as any other. A session Rasa started itself is checked exactly as Rasa does.
"""

from __future__ import annotations

import time

from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

from asf import sessions


def last_heard(tracker: DialogueStateTracker) -> float | None:
    """When the user was last heard in the current session: their latest message, or else the start
    of a session the actions started; None for a session without either (Rasa: never expires)."""
    message = tracker.get_last_event_for(UserUttered)
    if message is not None:
        return float(message.timestamp)
    # A session start is not among the applied events: it resets them.
    start = tracker.get_last_event_for(SessionStarted, event_verbosity=EventVerbosity.ALL)
    return float(start.timestamp) if start is not None and sessions.continues(start.as_dict()) else None


def has_session_expired(processor: MessageProcessor, tracker: DialogueStateTracker) -> bool:
    """Longer than `session_expiration_time` since the user was last heard (`last_heard`)."""
    config = processor.domain.session_config
    if not config.are_sessions_enabled():
        return False
    heard = last_heard(tracker)
    return heard is not None and (time.time() - heard) / 60 > config.session_expiration_time


def install() -> None:
    """Makes every MessageProcessor in this process use the check above."""
    MessageProcessor._has_session_expired = has_session_expired
