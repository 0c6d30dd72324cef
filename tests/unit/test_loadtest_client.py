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

    from bench.loadtest import Conversation, Load, Phase, report

    def phase(first: float, last: float, errors: list[str]) -> Phase:
        done = Conversation(plan("ett"), latencies=[(0, first), (1, last)], outcomes=["", ""], errors=errors)
        done.plan = Plan("load-1", (("", ("ett",)), ("", ("två",))))
        return Phase("fas", [done], 1.0)

    grown = Load(phase(0.05, 0.30, []), phase(0.05, 0.30, []), Counter(), [])
    assert grown.failures == ["tiden per meddelande växte mer än tre gånger i de långa samtalen"]
    assert report(grown).endswith("UNDERKÄNT: tiden per meddelande växte mer än tre gånger i de långa samtalen")
    lost = Load(phase(0.1, 0.1, ["'två': inget svar"]), phase(0.1, 0.1, []), Counter(), ["load-1: 1 av 2"])
    assert lost.failures == ["databasen stämmer inte med det som skickades", "meddelanden utan svar eller tappade"]
