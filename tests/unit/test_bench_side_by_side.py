"""`make bench`'s side-by-side measurement (bench/side_by_side.py): the candidates take turns round
by round, figures pool every round, and a server's CPU time is read from /proc as the kernel counts it."""

from __future__ import annotations

import math
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from bench import side_by_side
from bench.dialogues import Run
from bench.side_by_side import Candidate, cpu_seconds, measure


def test_cpu_seconds_is_the_process_own_cpu_time():
    deadline = time.process_time() + 0.2
    while time.process_time() < deadline:  # some CPU to count
        pass
    # /proc counts in clock ticks (10 ms here), process_time more finely.
    assert cpu_seconds(os.getpid()) == pytest.approx(time.process_time(), abs=0.05)
    assert math.isnan(cpu_seconds(None))


class FakeServers:
    def __init__(self, tag: str) -> None:
        self.tag = tag


def test_candidates_take_turns_and_every_round_is_pooled(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    order: list[tuple[str, int]] = []
    started: list[str] = []
    # Each candidate's latencies: A answers in 0.1 s each round, B in 0.2 s, C in 0.3 s, plus the round number.
    base = {"A": 0.1, "B": 0.2, "C": 0.3}

    @contextmanager
    def fake_started(candidate: Candidate, tmp: Path) -> Iterator[FakeServers]:
        started.append(candidate.tag)
        yield FakeServers(candidate.tag)

    def fake_round(servers: Any, conversations: int, users: int, tag: str) -> tuple[Run, dict[str, float]]:
        order.append((servers.tag, users))
        number = len([o for o in order if o == (servers.tag, users)]) - 1
        latency = base[servers.tag] + number
        run = Run(latencies=[latency] * conversations, wall=1.0, wrong=0, errors=0, busy=number)
        return run, {f"Rasa server CPU per message @{users} (ms)": 10.0 * (number + 1)}

    monkeypatch.setattr(side_by_side, "started", fake_started)
    monkeypatch.setattr(side_by_side, "measured_round", fake_round)
    monkeypatch.setattr(side_by_side, "rss_mb", lambda servers, pattern: 1.0)
    candidates = [Candidate(tag, tmp_path / f"{tag}.tar.gz", {}) for tag in "ABC"]

    measure(candidates, alone=5, conversations=4, concurrency=20, rounds=3, tmp=tmp_path)

    assert started == ["A", "B", "C"]
    at_20 = [tag for tag, users in order if users == 20]
    # Each candidate goes first once: none is always measured on a fresher (or busier) machine.
    assert at_20 == ["A", "B", "C", "B", "C", "A", "C", "A", "B"]
    assert [tag for tag, users in order if users == 1] == ["A", "B", "C"]
    a = candidates[0]
    assert a.round_p95 == pytest.approx([100.0, 1100.0, 2100.0])
    # Pooled over the rounds (12 latencies: 4 each of 0.1, 1.1 and 2.1 s), not the last round's.
    assert a.values["p50 @20 (ms)"] == pytest.approx(1100.0)
    assert a.values["p95 @20 (ms)"] == pytest.approx(2100.0)
    assert a.values["throughput @20 (msg/s)"] == pytest.approx(12 / 3)
    assert a.values["busy (429) @20"] == 0 + 1 + 2
    assert a.values["Rasa server CPU per message @20 (ms)"] == pytest.approx(20.0)
    assert a.values["p50 @1 (ms)"] == pytest.approx(100.0)


def test_no_one_at_a_time_dialogues_when_none_are_asked_for(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    users_seen: list[int] = []

    @contextmanager
    def fake_started(candidate: Candidate, tmp: Path) -> Iterator[FakeServers]:
        yield FakeServers(candidate.tag)

    def fake_round(servers: Any, conversations: int, users: int, tag: str) -> tuple[Run, dict[str, float]]:
        users_seen.append(users)
        return Run(latencies=[0.1], wall=1.0, wrong=0, errors=0), {}

    monkeypatch.setattr(side_by_side, "started", fake_started)
    monkeypatch.setattr(side_by_side, "measured_round", fake_round)
    monkeypatch.setattr(side_by_side, "rss_mb", lambda servers, pattern: 1.0)

    measure([Candidate("A", tmp_path / "a", {})], alone=0, conversations=2, concurrency=2, rounds=1, tmp=tmp_path)

    assert users_seen == [2]
