"""One turn at a time per conversation, for channels that answer their webhook first
and handle the message after (Teams, Slack).

Rasa's lock store already runs one conversation's messages in order, but the replies
are posted after Rasa is done; without this lock, two quick clicks could have their
answers posted interleaved.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class KeyedLock:
    def __init__(self) -> None:
        self._locks: dict[str, asyncio.Lock] = {}
        self._users: dict[str, int] = {}

    @asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._users[key] = self._users.get(key, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._users[key] -= 1
            if not self._users[key]:  # nobody waits: forget it, so the dict does not grow
                del self._users[key]
                del self._locks[key]
