"""`make loadtest`'s client (bench/loadtest.py) against a stand-in server: a 429 is load shed,
sent again after Retry-After and counted, never a loss; a guard's refusal in a 200 is a loss."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from bench.loadtest import Plan, converse
from channels.core.guard import BUSY, TOO_SLOW


class StandIn(BaseHTTPRequestHandler):
    """Answers each message after `refusals[message]` 429s; records what it was sent and when."""

    refusals: ClassVar[dict[str, int]] = {}
    answers: ClassVar[dict[str, str]] = {}
    received: ClassVar[list[tuple[str, float]]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        message = body["message"]
        self.received.append((message, time.monotonic()))
        if self.refusals.get(message, 0) > 0:
            self.refusals[message] -= 1
            self.reply(429, {"error": BUSY}, {"Retry-After": "0"})
        else:
            self.reply(200, [{"recipient_id": body["sender"], "text": self.answers.get(message, "svar")}])

    def reply(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
        raw = json.dumps(data).encode()
        self.send_response(status)
        for name, value in {"Content-Type": "application/json", **(headers or {})}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    StandIn.refusals, StandIn.answers, StandIn.received = {}, {}, []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def plan(*messages: str) -> Plan:
    return Plan("load-1", (("", tuple(messages)),))


def test_a_429_is_sent_again_in_order_and_counted_not_lost(server: str):
    StandIn.refusals = {"två": 2}
    result = converse(server, "t", plan("ett", "två", "tre"), time.monotonic() + 30, 10)
    assert [m for m, _ in StandIn.received] == ["ett", "två", "två", "två", "tre"]
    assert result.errors == [] and result.busy == 2 and result.retried == 1
    assert len(result.latencies) == 3 and len(result.waits) == 3


def test_a_guard_refusal_in_a_200_is_a_dropped_message(server: str):
    StandIn.answers = {"två": TOO_SLOW}
    result = converse(server, "t", plan("ett", "två"), time.monotonic() + 30, 10)
    assert len(result.errors) == 1 and "två" in result.errors[0]
    assert result.busy == 0


def test_still_busy_when_time_runs_out_is_an_error_not_a_silent_drop(server: str):
    StandIn.refusals = {"ett": 10_000}
    result = converse(server, "t", plan("ett"), time.monotonic() + 1.5, 10)
    assert result.busy >= 1 and result.retried == 1
    assert result.errors and "upptaget" in result.errors[0]


def test_a_failed_run_says_why():
    from collections import Counter

    from bench.loadtest import GREW, Conversation, Load, Phase, report

    def phase(first: float, last: float, errors: list[str]) -> Phase:
        done = Conversation(plan("ett"), latencies=[(0, first), (1, last)], outcomes=["", ""], errors=errors)
        done.plan = Plan("load-1", (("", ("ett",)), ("", ("två",))))
        return Phase("fas", [done], 1.0)

    grown = Load(phase(0.05, 0.30, []), phase(0.05, 0.30, []), Counter(), [])
    assert grown.failures == [GREW]
    assert report(grown).endswith(f"UNDERKÄNT: {GREW}")
    assert Load(phase(0.05, 0.09, []), phase(0.05, 0.09, []), Counter(), []).failures == []
    lost = Load(phase(0.1, 0.1, ["'två': inget svar"]), phase(0.1, 0.1, []), Counter(), ["load-1: 1 av 2"])
    assert lost.failures == ["databasen stämmer inte med det som skickades", "meddelanden utan svar eller tappade"]


def test_the_long_conversations_end_with_their_first_assessment_again():
    from bench.loadtest import make_plans

    plans = make_plans("long", 3, rounds=25, offset=7, last_repeats_first=True)
    assert all(p.assessments[-1] == p.assessments[0] for p in plans)
    assert all(len(set(p.assessments[:-1])) == 24 for p in plans)  # otherwise 24 different dialogues
    plain = make_plans("burst", 3)
    assert [len(p.assessments) for p in plain] == [1, 1, 1]


def test_growth_is_the_median_per_assessment_and_fails_above_the_limit():
    from bench.growth import measure, passed
    from bench.loadtest import Conversation, make_plans

    (plan_,) = make_plans("g", 1, rounds=3, last_repeats_first=True)
    steady = Conversation(plan_, latencies=[(0, 0.10), (0, 0.12), (1, 0.5), (2, 0.11), (2, 0.12)])
    steady.outcomes = plan_.expected
    found = measure([steady], 3)
    assert (round(found.first, 3), round(found.last, 3)) == (0.11, 0.115)
    assert passed(found, 1.15)
    slower = Conversation(plan_, latencies=[(0, 0.10), (2, 0.13)], outcomes=plan_.expected)
    assert not passed(measure([slower], 3), 1.15)
    wrong = Conversation(plan_, latencies=[(0, 0.10), (2, 0.10)], outcomes=["fel"])
    assert not passed(measure([wrong], 3), 1.15)


def test_make_bench_sends_a_busy_message_again(server: str, monkeypatch: pytest.MonkeyPatch):
    from bench import dialogues

    monkeypatch.setattr(dialogues, "scripts", lambda: [("utfall", ["ett", "två"])])
    monkeypatch.setattr("bench.dialogues.random.random", lambda: 0.0)
    StandIn.refusals = {"två": 2}
    result = dialogues.run(server, {}, conversations=1, concurrency=1, tag="b")
    assert [m for m, _ in StandIn.received] == ["ett", "två", "två", "två"]
    assert result.errors == 0 and result.busy == 2 and len(result.latencies) == 2
