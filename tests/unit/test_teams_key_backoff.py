"""Failing to fetch Microsoft's signing keys backs off instead of fetching on every request."""

from __future__ import annotations

import asyncio
import itertools

import aiohttp

from channels.teams.auth import BACKOFF_FIRST, BACKOFF_MAX, KeyCache

KEY = {"kid": "k1", "kty": "RSA", "n": "x", "e": "AQAB"}


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def cache_with(outcomes: list[bool]) -> tuple[KeyCache, Clock, list[float]]:
    """A cache whose fetches fail (False) or succeed (True) in turn; the list records when each ran."""
    clock = Clock()
    cache = KeyCache("http://127.0.0.1:9/openid", clock=clock)
    fetched: list[float] = []

    async def fetch() -> None:
        fetched.append(clock.now)
        if not outcomes.pop(0):
            raise aiohttp.ClientConnectionError("unreachable")
        cache._keys = {"k1": KEY}
        cache._fetched = clock.now

    cache._fetch = fetch  # type: ignore[method-assign]
    return cache, clock, fetched


def test_requests_during_an_outage_do_not_each_fetch_and_the_wait_grows():
    cache, clock, fetched = cache_with([False] * 20)

    async def requests_for(seconds: int) -> None:
        for _ in range(seconds):  # one request a second
            assert await cache.key("k1") is None
            clock.now += 1

    asyncio.run(requests_for(600))
    assert len(fetched) < 15, fetched  # without backoff: 600 fetches
    gaps = [b - a for a, b in itertools.pairwise(fetched)]
    assert gaps[0] >= BACKOFF_FIRST and gaps == sorted(gaps) and max(gaps) <= BACKOFF_MAX + 1


def test_after_the_outage_the_keys_are_fetched_and_used():
    cache, clock, fetched = cache_with([False, True])

    async def run() -> None:
        assert await cache.key("k1") is None
        clock.now += BACKOFF_FIRST
        assert await cache.key("k1") == KEY
        clock.now += 1
        assert await cache.key("k1") == KEY  # cached: no third fetch

    asyncio.run(run())
    assert len(fetched) == 2
