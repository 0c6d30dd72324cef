"""Is a request really from Slack, and has it been answered already?"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections import OrderedDict

import redis

from asf.settings import RedisEnvironment

MAX_AGE = 5 * 60  # Slack's advice: refuse requests older than five minutes (replays)


def signature(secret: str, timestamp: str, body: bytes) -> str:
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def is_authentic(secret: str, timestamp: str | None, given: str | None, body: bytes, now: float | None = None) -> bool:
    if not secret or not timestamp or not given:
        return False
    # Only ASCII digits: int() also reads other scripts' digits, and a signature with other characters
    # (or header bytes kept as surrogates) is wrong, not a reason for a 500.
    if not (timestamp.isascii() and timestamp.isdigit() and given.isascii()):
        return False
    try:
        age = abs((now if now is not None else time.time()) - int(timestamp))
    except ValueError:
        return False
    if age > MAX_AGE:
        return False
    return hmac.compare_digest(signature(secret, timestamp, body), given)


class SeenEvents:
    """Event ids answered in the last hour, so Slack's retries never give a second answer.

    In memory: enough for the one Rasa process `make run` starts. Slack retries
    within minutes, and an hour's ids are few. Several Rasa servers share
    `RedisSeenEvents` instead (see `seen_events`).
    """

    def __init__(self, ttl: float = 3600, limit: int = 10000) -> None:
        self.ttl = ttl
        self.limit = limit
        self._seen: OrderedDict[str, float] = OrderedDict()

    def first_time(self, event_id: str) -> bool:
        """True the first time an id is seen, False for every repeat."""
        now = time.monotonic()
        while self._seen and (len(self._seen) > self.limit or next(iter(self._seen.values())) < now - self.ttl):
            self._seen.popitem(last=False)
        if event_id in self._seen:
            return False
        self._seen[event_id] = now
        return True


class RedisSeenEvents:
    """The same in Redis, shared by every Rasa server: a retry may reach another server.

    Synchronous like Rasa's own Redis lock store, which already sits on this path.
    """

    def __init__(self, client: redis.Redis, ttl: int = 3600) -> None:
        self.client = client
        self.ttl = ttl

    def first_time(self, event_id: str) -> bool:
        # SET NX is atomic: of two servers that get the same event, exactly one wins.
        return bool(self.client.set(f"asf:slack-event:{event_id}", 1, nx=True, ex=self.ttl))


def seen_events(found: RedisEnvironment | None) -> SeenEvents | RedisSeenEvents:
    """Redis when the lock store uses it (REDIS_HOST, as in endpoints.yml), else memory."""
    if found is None:
        return SeenEvents()
    client = redis.Redis(
        host=found.host,
        port=found.port,
        password=found.password,
        db=found.db,
        socket_timeout=2,
    )
    return RedisSeenEvents(client)
