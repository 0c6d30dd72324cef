"""Conversations survive a crash: PostgreSQL as the tracker store, servers killed with SIGKILL.

A private PostgreSQL server (Debian's package, loopback only) holds the
conversations. Mid-assessment the Rasa server and the action server are killed;
a new start against the same database goes on at the same question with every
earlier answer, and the events are read back from PostgreSQL itself. The
retention command works on the same database through TRACKER_URL.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from channels.rest import namespaced
from devtools.servers import ROOT, Servers, running_servers
from devtools.services import postgres_server

pytestmark = pytest.mark.servers

SENDER = "persistent-user"
BEFORE_CRASH = [
    '/inform{"question":"vem","choice":"deltagare"}',
    "ja",
    '/inform{"question":"insats_typ","choice":"handledare"}',
]
OPEN_QUESTION = "Var är handledaren anställd?"
AFTER_CRASH = [
    '/inform{"question":"handledare_anstalld","choice":"hos_part"}',
    "kommunen",
    '/inform{"question":"pengavag","choice":"via_part"}',
]


def texts(replies: list[dict[str, object]]) -> str:
    return "\n".join(str(reply.get("text", "")) for reply in replies)


def action_token(servers: Servers) -> str:
    raw = Path(f"/proc/{servers.pid_of('rasa run actions')}/environ").read_bytes().split(b"\0")
    return dict(item.decode().split("=", 1) for item in raw if b"=" in item)["ACTION_SERVER_TOKEN"]


def stored_answers(url: str) -> dict[str, str]:
    """The last value of the `answers` slot, read from PostgreSQL's events table."""
    with sa.create_engine(url).connect() as connection:
        rows = connection.execute(
            sa.text("select data from events where sender_id = :s and type_name = 'slot' order by id"),
            {"s": namespaced(SENDER)},
        )
        answers: dict[str, str] = {}
        for (data,) in rows:
            event = json.loads(data)
            if event["name"] == "answers":
                answers = event["value"]
    return answers


def purge(url: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts.purge_conversations", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "TRACKER_URL": url},
    )


def test_conversation_survives_killed_servers_in_postgresql(tmp_path: Path):
    with postgres_server() as pg:
        url = pg.url()
        (tmp_path / "first").mkdir()
        with running_servers(tmp_path / "first", pg.tracker_env()) as first:
            first.say(SENDER, "/start_assessment")
            for message in BEFORE_CRASH:
                first.say(SENDER, message)
            assert OPEN_QUESTION in texts(first.say(SENDER, "sammanfattning"))
            first_token = action_token(first)
            rasa, actions = first.pid_of(" run --model"), first.pid_of("rasa run actions")
            assert rasa is not None and actions is not None
            os.kill(rasa, signal.SIGKILL)
            os.kill(actions, signal.SIGKILL)
            assert first.process.wait(timeout=60) != 0

        assert stored_answers(url) == {"vem": "deltagare", "malgrupp": "ja", "insats_typ": "handledare"}

        (tmp_path / "second").mkdir()
        with running_servers(tmp_path / "second", pg.tracker_env()) as second:
            summary = texts(second.say(SENDER, "sammanfattning"))
            for answer in (
                "Deltagare: personer som behöver stöd för att kunna få eller behålla ett arbete",
                "Ja",
                OPEN_QUESTION,
            ):
                assert answer in summary
            replies = [second.say(SENDER, message) for message in AFTER_CRASH]
            result = [reply["custom"] for reply in replies[-1] if "custom" in reply]
            assert "Förbundet kan finansiera insatsen på villkor." in texts(replies[-1])
            assert result[0]["answers"] == {  # type: ignore[index]
                "vem": "deltagare",
                "malgrupp": "ja",
                "insats_typ": "handledare",
                "handledare_anstalld": "hos_part",
                "utforare": "kommunen",
                "pengavag": "via_part",
            }
            assert action_token(second) != first_token  # a new secret per start

        assert stored_answers(url)["pengavag"] == "via_part"

        # Retention on the same PostgreSQL database, through TRACKER_URL as `make purge` reads it.
        kept = purge(url, "--days", "1")
        assert kept.returncode == 0 and "Tog bort 0 händelser" in kept.stdout, kept.stdout
        dry = purge(url, "--days", "0", "--dry-run")
        assert "Skulle ta bort" in dry.stdout and "1 samtal hade inget nyare" in dry.stdout and stored_answers(url)
        done = purge(url, "--days", "0")
        assert "1 samtal hade inget nyare och försvann helt" in done.stdout, done.stdout
        assert "Tog bort 0 händelser" not in done.stdout and "postgresql://asf:***@127.0.0.1" in done.stdout
        assert pg.password not in done.stdout + done.stderr
        assert stored_answers(url) == {}


def test_purge_on_an_unreachable_database_is_a_clear_error_without_the_password():
    result = purge("postgresql://asf:hemligt-lösen@127.0.0.1:1/asf", "--days", "30")
    assert result.returncode == 1
    assert "FEL: databasen kunde inte rensas" in result.stderr
    assert "hemligt" not in result.stdout + result.stderr
