"""Admission control: at most a set number of turns in flight in one Rasa server.

A Rasa server handles every turn on one event loop, and its turns share the CPU: a hundred
turns started at once all finish late, and those past the time limit are cancelled after
the server has spent its work on them. Refusing at the door instead keeps the turns that
were let in fast, and the ones turned away cost almost nothing: they are told to come back
after `retry_after` seconds and nothing about them is stored, so the retry is their first
and only copy.

There is no queue: a message is let in or refused at once. All of it runs on the event
loop's one thread, so a plain counter is enough.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from asf import settings


class Admission:
    def __init__(self, capacity: int, retry_after: int = 2) -> None:
        if capacity < 1:
            raise ValueError("at least one turn must be allowed in flight")
        self.capacity = capacity
        self.retry_after = retry_after  # seconds, whole: HTTP's Retry-After takes no fractions
        self.in_flight = 0
        self.refused = 0  # since the start

    @contextmanager
    def turn(self) -> Iterator[bool]:
        """True (and one place taken until the block ends) when a turn may run now, else False."""
        if self.in_flight >= self.capacity:
            self.refused += 1
            yield False
            return
        self.in_flight += 1
        try:
            yield True
        finally:
            self.in_flight -= 1


_shared: Admission | None = None


def shared() -> Admission:
    """The process's one gate, which every channel's guard passes through (ASF_MAX_TURNS_IN_FLIGHT)."""
    global _shared
    if _shared is None:
        _shared = Admission(settings.max_turns_in_flight())
    return _shared
