"""The token buckets behind the web chat's rate limits (channels/core/rate_limit.py)."""

from __future__ import annotations

from asf.settings import RateLimit
from channels.core.rate_limit import TokenBuckets


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_then_the_sustained_rate_per_key():
    clock = Clock()
    buckets = TokenBuckets(RateLimit(per_minute=60, burst=3), clock=clock)
    assert [buckets.allow("a") for _ in range(5)] == [True, True, True, False, False]
    assert buckets.allow("b")  # another key has its own budget
    clock.now += 1.0  # one message a second comes back
    assert buckets.allow("a") and not buckets.allow("a")
    clock.now += 60
    assert [buckets.allow("a") for _ in range(4)] == [True, True, True, False]  # never more than the burst


def test_refused_attempts_do_not_count_against_the_key():
    clock = Clock()
    buckets = TokenBuckets(RateLimit(per_minute=60, burst=1), clock=clock)
    assert buckets.allow("a")
    for _ in range(100):
        assert not buckets.allow("a")
    clock.now += 1.0
    assert buckets.allow("a")


def test_memory_stays_bounded_with_many_keys():
    clock = Clock()
    buckets = TokenBuckets(RateLimit(per_minute=60, burst=2), clock=clock, max_keys=100)
    for number in range(10_000):
        assert buckets.allow(f"k{number}")
    assert len(buckets._buckets) <= 100


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("ASF_MESSAGES_PER_MINUTE", "6")
    monkeypatch.setenv("ASF_MESSAGES_BURST", "2")
    assert RateLimit.from_env() == RateLimit(per_minute=6.0, burst=2)
