"""Is a request really from Slack, and has it been answered already?"""

from __future__ import annotations

import time
from collections import OrderedDict

import redis
from slack_sdk.signature import Clock, SignatureVerifier

from asf.settings import RedisEnvironment

MAX_AGE = 5 * 60  # Slack's advice, which SignatureVerifier applies: refuse requests older than five minutes


class _At(Clock):
    """A fixed time, for checking a signature as of `now`."""

    def __init__(self, now: float) -> None:
        self._now = now

    def now(self) -> float:
        return self._now


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """Slack's v0 signature of a request (what Slack sends as X-Slack-Signature)."""
    return str(SignatureVerifier(secret).generate_signature(timestamp=timestamp, body=body))


def is_authentic(secret: str, timestamp: str | None, given: str | None, body: bytes, now: float | None = None) -> bool:
    """Signed by Slack with `secret` within the last five minutes (slack_sdk's SignatureVerifier)."""
    if not secret or not timestamp or not given:
        return False
    # Only ASCII digits: int() also reads other scripts' digits, and a signature with other characters
    # (or header bytes kept as surrogates) is wrong, not a reason for a 500.
    if not (timestamp.isascii() and timestamp.isdigit() and given.isascii()):
        return False
    verifier = SignatureVerifier(secret, _At(now) if now is not None else Clock())
    try:
        return verifier.is_valid(body=body, timestamp=timestamp, signature=given)
    except (UnicodeDecodeError, ValueError):  # Slack's bodies are UTF-8; anything else is not from Slack
        return False


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
