"""How often a key (a socket.io connection, a web-chat session) may act: a token bucket per key.

Each key may spend `burst` messages at once and gets `per_minute` back per minute. Memory stays
bounded: keys whose bucket has filled up again are forgotten when the table grows large, since a
full bucket is the same as a key never seen.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from asf.settings import RateLimit


class TokenBuckets:
    def __init__(self, limit: RateLimit, clock: Callable[[], float] = time.monotonic, max_keys: int = 10000) -> None:
        self.rate = limit.per_minute / 60.0
        self.burst = float(limit.burst)
        self.clock = clock
        self.max_keys = max_keys
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, when counted)

    def _tokens(self, key: str, now: float) -> float:
        tokens, then = self._buckets.get(key, (self.burst, now))
        return min(self.burst, tokens + (now - then) * self.rate)

    def allow(self, key: str) -> bool:
        """True, and one message counted, when `key` may act now; False (nothing counted) otherwise."""
        now = self.clock()
        tokens = self._tokens(key, now)
        if tokens < 1:
            self._buckets[key] = (tokens, now)
            return False
        self._buckets[key] = (tokens - 1, now)
        if len(self._buckets) > self.max_keys:
            self._prune(now)
        return True

    def forget(self, key: str) -> None:
        self._buckets.pop(key, None)

    def _prune(self, now: float) -> None:
        full = [key for key in self._buckets if self._tokens(key, now) >= self.burst]
        for key in full:
            del self._buckets[key]
        # Still too many keys that are all busy: forget the oldest half (they start afresh).
        if len(self._buckets) > self.max_keys:
            for key in list(self._buckets)[: len(self._buckets) // 2]:
                del self._buckets[key]
