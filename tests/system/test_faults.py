"""Faults and access over the real processes started by scripts/run.sh.

The action server is killed (SIGKILL) and frozen (SIGSTOP) while a user is in
the middle of an assessment: the user gets a Swedish message, nothing of the
refused turn is stored, and when the server is back the same conversation goes
on at the same question. The action server answers only Rasa (shared secret),
and the secret never reaches a log.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from channels.core.guard import UNAVAILABLE
from channels.rest import namespaced
from devtools.servers import ROOT, Servers, running_servers

pytestmark = pytest.mark.servers

ACTIONS = "rasa run actions"
FIRST_ANSWER = '/inform{"question":"vem","choice":"deltagare"}'
SECOND_QUESTION = "Hör deltagarna till Finsams målgrupp"


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    with running_servers(tmp_path_factory.mktemp("faults")) as started:
        yield started


def texts(replies: list[dict[str, object]]) -> str:
    return "\n".join(str(reply.get("text", "")) for reply in replies)


def stored_events(servers: Servers, sender: str) -> list[str]:
    """The events stored for a REST sender, which the REST channel stores as rest-<sender>."""
    with sqlite3.connect(servers.log.parent / "tracker.db") as connection:
        query = "select data from events where sender_id = ? order by id"
        rows = connection.execute(query, (namespaced(sender),)).fetchall()
    assert rows, f"nothing stored for {sender}: the test would compare nothing"
    return [row[0] for row in rows]


def action_server_url(servers: Servers) -> str:
    pid = servers.pid_of(ACTIONS)
    assert pid is not None
    arguments = Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
    port = arguments[arguments.index("--port") + 1]
    return f"http://127.0.0.1:{port}"


def action_server_env(servers: Servers) -> dict[str, str]:
    pid = servers.pid_of(ACTIONS)
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(item.decode().split("=", 1) for item in raw if b"=" in item)


def wait_until_answered(servers: Servers, sender: str, message: str, seconds: float = 90) -> list[dict[str, object]]:
    """Sends `message` until the reply is no longer the 'not available' message (the server is back)."""
    deadline = time.monotonic() + seconds
    while True:
        replies = servers.say(sender, message)
        if texts(replies) != UNAVAILABLE or time.monotonic() > deadline:
            return replies
        time.sleep(1)


def start_at_the_first_question(servers: Servers, sender: str) -> None:
    assert "Vem är insatsen till för i första hand" in texts(servers.say(sender, "/start_assessment"))


def test_killed_action_server_gives_a_swedish_message_and_the_conversation_goes_on(servers: Servers):
    sender = "fault-kill"
    start_at_the_first_question(servers, sender)
    before = stored_events(servers, sender)
    old_pid = servers.pid_of(ACTIONS)
    assert old_pid is not None
    os.kill(old_pid, signal.SIGKILL)

    replies = servers.say(sender, FIRST_ANSWER)
    assert texts(replies) == UNAVAILABLE
    assert stored_events(servers, sender) == before  # the refused turn left nothing behind

    replies = wait_until_answered(servers, sender, FIRST_ANSWER)
    assert SECOND_QUESTION in texts(replies)  # the same question was answered, once
    assert servers.pid_of(ACTIONS) not in (None, old_pid)
    assert "Action-servern stoppade; startar om den" in servers.log.read_text(errors="replace")
    summary = texts(servers.say(sender, "sammanfattning"))
    assert (
        "Deltagare: personer som behöver stöd för att kunna få eller behålla ett arbete" in summary
        and SECOND_QUESTION in summary
    )


def test_frozen_action_server_gives_a_swedish_message_within_seconds(servers: Servers):
    sender = "fault-stop"
    start_at_the_first_question(servers, sender)
    before = stored_events(servers, sender)
    pid = servers.pid_of(ACTIONS)
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)  # accepts connections, never answers: a hung server
    try:
        started = time.monotonic()
        replies = servers.say(sender, FIRST_ANSWER)
        waited = time.monotonic() - started
    finally:
        os.kill(pid, signal.SIGCONT)
    assert texts(replies) == UNAVAILABLE
    assert waited < 10  # not Rasa's five-minute wait for the action server
    assert stored_events(servers, sender) == before

    replies = wait_until_answered(servers, sender, FIRST_ANSWER)
    assert SECOND_QUESTION in texts(replies)
    assert servers.pid_of(ACTIONS) == pid  # it was only paused, not restarted


ACTION_CALL: dict[str, Any] = {
    "next_action": "action_greet",
    "sender_id": "gate-test",
    "tracker": {"sender_id": "gate-test", "slots": {}, "latest_message": {}, "events": [], "active_loop": {}},
    "domain": {},
    "version": "3.6.2",
}


def test_action_server_answers_only_with_the_shared_secret(servers: Servers):
    url = action_server_url(servers)
    token = action_server_env(servers)["ACTION_SERVER_TOKEN"]
    assert len(token) >= 32  # run.sh made a random one

    for headers in ({}, {"X-Action-Token": "wrong"}, {"X-Action-Token": token[:-1]}):
        refused = requests.post(f"{url}/webhook", json=ACTION_CALL, headers=headers, timeout=10)
        assert refused.status_code == 401
        assert "Åtkomst nekad" in refused.json()["error"]
    assert requests.get(f"{url}/actions", timeout=10).status_code == 401
    assert requests.get(f"{url}/health", timeout=10).status_code == 200

    answered = requests.post(f"{url}/webhook", json=ACTION_CALL, headers={"X-Action-Token": token}, timeout=10)
    assert answered.status_code == 200
    assert "Hej! Jag hjälper dig" in answered.json()["responses"][0]["text"]


def test_the_secret_is_in_no_log_and_not_in_the_repo(servers: Servers):
    token = action_server_env(servers)["ACTION_SERVER_TOKEN"]
    servers.say("gate-log", "hej")
    logs = [servers.log, *servers.logs.glob("*.log")]
    assert all(token not in path.read_text(errors="replace") for path in logs)
    assert "${ACTION_SERVER_TOKEN}" in (ROOT / "endpoints.yml").read_text(encoding="utf-8")


def test_the_rasa_http_api_is_not_open(servers: Servers):
    for path in ("/status", "/conversations/fault-kill/tracker", "/model"):
        assert requests.get(servers.rasa_url + path, timeout=10).status_code in (401, 403, 404)


def test_ctrl_c_stops_every_process(servers: Servers):
    """Last in this file, on purpose: it stops the file's servers with Ctrl-C, as their fixture would
    at the end (a test below it would find them gone), after the action server was killed and started
    again above. Servers of its own would cost a start, 25-45 s."""
    pid = servers.process.pid
    children = subprocess.run(["pgrep", "-g", str(pid)], capture_output=True, text=True).stdout.split()
    assert len(children) >= 3
    servers.process.send_signal(signal.SIGINT)
    servers.process.wait(timeout=30)  # no kill after it, unlike the fixture: a stop that hangs fails here
    left = subprocess.run(["pgrep", "-g", str(pid)], capture_output=True, text=True).stdout.split()
    assert left == []
