"""What the tracker store last read or wrote of each recent conversation, so a turn need not read it again.

Rasa's SQL store reads every event of a conversation's latest session at the start of a turn
and counts them again before it saves the turn's new ones: `make profile` showed these two
queries and the ORM objects they build as the largest share of the Rasa server's time per
message. The store keeps here, per conversation, the latest session's events as stored (the
JSON text, so nothing a turn changes in its tracker can change them) with what the database
held when they were read or written: its number of events for the conversation and the
highest event id. A turn checks those two figures (one indexed query) and reads the session
again only when they differ, so an event written or deleted elsewhere (another Rasa server,
`make purge`) is never missed.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

# Enough for every conversation of a busy hour on one server; the oldest are forgotten first,
# and a forgotten one is only read from the database again.
CAPACITY = 500


@dataclass(frozen=True)
class Stamp:
    """How many events the database holds for a conversation, and the highest id among them."""

    count: int
    last_id: int | None


@dataclass
class StoredSession:
    """The latest session of one conversation as the database holds it."""

    stamp: Stamp
    # The timestamp of the latest SessionStarted stored (None: none is): Rasa loads the events
    # from that time on, so a later event with an earlier timestamp belongs to no session it loads.
    start: float | None
    events: list[str] = field(default_factory=list)  # the events' JSON text, in the order stored

    def belongs(self, timestamp: float | None) -> bool:
        """Whether Rasa's query for the latest session would load an event with this timestamp."""
        return self.start is None or (timestamp is not None and timestamp >= self.start)


class StoredSessions:
    """The most recently used conversations' latest sessions, at most `capacity` of them."""

    def __init__(self, capacity: int = CAPACITY) -> None:
        self.capacity = capacity
        self._sessions: OrderedDict[str, StoredSession] = OrderedDict()

    def get(self, sender_id: str, stamp: Stamp) -> StoredSession | None:
        """The session kept for this conversation, if the database still holds what it was read from."""
        kept = self._sessions.get(sender_id)
        if kept is None or kept.stamp != stamp:
            return None
        self._sessions.move_to_end(sender_id)
        return kept

    def put(self, sender_id: str, session: StoredSession) -> None:
        self._sessions[sender_id] = session
        self._sessions.move_to_end(sender_id)
        while len(self._sessions) > self.capacity:
            self._sessions.popitem(last=False)

    def forget(self, sender_id: str) -> None:
        self._sessions.pop(sender_id, None)

    def __len__(self) -> int:
        return len(self._sessions)
