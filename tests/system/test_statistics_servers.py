"""Statistics and conversation review over a tracker store filled by the running assistant.

Real servers (`scripts/run.sh`) with Teams and Slack behind local stand-ins of their services;
conversations over REST, the web chat (socket.io), Teams and Slack with results, feedback, a
rejected summary, a message not understood and a training round. The report's figures are
counted by hand below, asserted from the CSV, then the same events are copied into a
PostgreSQL server and the report read from there through TRACKER_URL must say the same.
"""

from __future__ import annotations

import asyncio
import csv
import io
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from asf.training.cases import default_cases
from devtools.servers import ROOT, Servers, running_servers
from devtools.services import postgres_server
from tests.system.edge import running_edge
from tests.system.test_chat_channels import (
    Setup,
    SlackUser,
    TeamsUser,
    card_buttons,
    channel_env,
    slack_buttons,
)
from tests.system.webchat import Chat

pytestmark = pytest.mark.servers

DESCRIPTION = "Vi vill ge ett startbidrag till en deltagare, 19850312-1234, som vill starta ett socialt kafé"
COMMENT = "Svaret var för kort och sa inget om lönebidrag, mejla anna@example.se"
NOT_UNDERSTOOD = "blåbärssoppa med grädde"
FEEDBACK = "Hade du nytta av bedömningen?"


def click(payload_question: str, choice: str) -> str:
    return f'/inform{{"question":"{payload_question}","choice":"{choice}"}}'


def texts(replies: list[dict[str, object]]) -> str:
    return "\n".join(str(r.get("text") or "") for r in replies)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The SQLite tracker store after the conversations below, with the servers still running."""
    home = tmp_path_factory.mktemp("statistics")
    with running_edge() as edge:
        env = channel_env(edge.url)
        with running_servers(home, env) as servers:
            converse(Setup(servers, edge))
            yield home / "tracker.db"


def converse(setup: Setup) -> None:
    servers = setup.servers
    # REST: "Stöd i pengar till ett företag" in 3 messages, "Nej" and a comment with a phone number.
    servers.say("stat-rest-1", "/start_assessment")
    servers.say("stat-rest-1", click("vem", "foretaget"))
    result = servers.say("stat-rest-1", click("stod_till_foretag", "pengar"))
    assert result[-1]["text"] == FEEDBACK
    buttons: list[dict[str, str]] = result[-1]["buttons"]  # type: ignore[assignment]
    assert [b["payload"] for b in buttons] == ['/feedback{"choice":"ja"}', '/feedback{"choice":"nej"}']
    assert "vad som saknades" in texts(servers.say("stat-rest-1", '/feedback{"choice":"nej"}'))
    assert "sparat din kommentar" in texts(servers.say("stat-rest-1", COMMENT))
    # REST: a message not understood at the first question; the conversation ends there.
    servers.say("stat-rest-2", "/start_assessment")
    assert "Vem är insatsen till för" in texts(servers.say("stat-rest-2", NOT_UNDERSTOOD))
    # REST: a training round of set "grund": the first case right, the second wrong.
    cases = default_cases()
    first, second = (cases.cases[case] for case in cases.sets["grund"][:2])
    wrong = next(v for v in ("financeable", "not_financeable") if v != second.verdict)
    servers.say("stat-training", "övning grund")
    assert "Rätt" in texts(servers.say("stat-training", f'/judge{{"verdict":"{first.verdict}"}}'))
    servers.say("stat-training", "/skip_case")
    assert "Inte riktigt" in texts(servers.say("stat-training", f'/judge{{"verdict":"{wrong}"}}'))
    assert "rätt på 1" in texts(servers.say("stat-training", "/stop_training"))
    # Teams: a description (with a personnummer the channel masks); the user says the summary is wrong.
    teams = TeamsUser(setup, "statistics")
    summary = teams.say(DESCRIPTION)
    assert ("Nej, något stämmer inte", "/deny") in [b for r in summary for b in card_buttons(r)]
    teams.say("/deny")
    # Slack: "not covered" by buttons in 4 messages, and a typed "ja" to the feedback question.
    slack = SlackUser(setup, "statistics")
    slack.send(slack.click("/start_assessment"), "application/x-www-form-urlencoded")
    for question, choice in (("vem", "deltagare"), ("malgrupp", "ja")):
        slack.send(slack.click(click(question, choice)), "application/x-www-form-urlencoded")
    answered = slack.send(slack.click(click("insats_typ", "annat")), "application/x-www-form-urlencoded", expect=2)
    assert ("Ja", '/feedback{"choice":"ja"}') in [b for m in answered for b in slack_buttons(m)]
    slack.send(slack.event("ja"))
    # The web chat: "Kan finansieras" in 4 messages and "Ja" by the button.
    asyncio.run(web_chat(servers))


async def web_chat(servers: Servers) -> None:
    chat = Chat(servers.rasa_url)
    await chat.connect()
    await chat.session()
    for message in (
        "/start_assessment",
        click("vem", "parter_och_aktorer"),
        click("strukturell_typ", "samordnare"),
        click("mottagare", "egen_verksamhet"),
        '/feedback{"choice":"ja"}',
    ):
        await chat.say(message)
        replies = await chat.answer()
    assert "Tack för svaret" in "\n".join(str(r.get("text", "")) for r in replies)
    await chat.close()


def command(*arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "asf.statistics", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def figures(folder: Path) -> dict[tuple[str, str, str], str]:
    rows = list(csv.reader(io.StringIO((folder / "statistik.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    return {(r[0], r[1], r[2]): r[3] for r in rows[1:]}


def test_the_report_counts_what_happened_in_every_channel(store: Path, tmp_path: Path):
    done = command("report", "--url", f"sqlite:///{store}", "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    found = figures(tmp_path)

    def key(row: str) -> str:
        return found[("Nyckeltal", row, "Värde")]

    assert key("Samtal") == "6"
    assert key("Bedömningar som började") == "5"  # REST 2, Teams, Slack, web
    assert key("Bedömningar med resultat") == "3"
    assert key("Bedömningar utan resultat") == "2"
    assert key("Andel med resultat som inte täcks av vägledningen (%)") == "33,3"
    assert key("Andel sammanfattningar som användaren sa nej till (%)") == "100,0"
    assert key("Meddelanden som assistenten inte förstod") == "1"
    assert key("Svar på frågan om nytta") == "3" and key("Andel som svarade ja (%)") == "66,7"
    assert key("Övningsomgångar") == "1" and key("Andel rätt i övningsläget (%)") == "50,0"
    channel = "Bedömningar per kanal"
    assert found[(channel, "REST (andra system)", "Började")] == "2"
    assert found[(channel, "REST (andra system)", "Med resultat")] == "1"
    assert found[(channel, "Teams", "Började")] == "1" and found[(channel, "Teams", "Med resultat")] == "0"
    assert found[(channel, "Slack", "Med resultat")] == "1" and found[(channel, "Intranätet", "Med resultat")] == "1"
    verdicts = "Resultat per bedömning"
    assert [found[(verdicts, v, "Antal")] for v in ("Kan finansieras", "Bör inte finansieras")] == ["1", "1"]
    assert found[("Hur lång en bedömning med resultat är", "Meddelanden från användaren", "Median")] == "4,0"
    useful = "Hade du nytta av bedömningen? Svar per utfall"
    assert found[(useful, "Stöd i pengar till ett företag", "Nej")] == "1"
    assert found[(useful, "Något annat än vägledningens exempel", "Ja")] == "1"
    assert (
        found[("Skrivna svar som assistenten inte förstod, per fråga", "Vem insatsen riktar sig till", "Förstod inte")]
        == "1"
    )
    stops = "Bedömningar som slutade utan resultat, per fråga där de slutade"
    assert found[(stops, "Sammanfattningen av en beskrivning", "Antal")] == "1"
    page = (tmp_path / "statistik.html").read_text(encoding="utf-8")
    assert "Svaret var för kort och sa inget om lönebidrag, mejla [e-postadress]" in page and NOT_UNDERSTOOD in page
    for secret in ("stat-rest", "stat-training", "slack-U", "teams-", "anna@", "19850312", "startbidrag"):
        assert secret not in page


def test_the_review_is_masked_and_holds_what_went_wrong(store: Path, tmp_path: Path):
    out = tmp_path / "samtal.md"
    done = command("review", "--url", f"sqlite:///{store}", "--out", str(out))
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert "Antal samtal: 4." in text  # REST Nej, REST not understood, Teams summary rejected, Slack not covered
    assert "[personnummer]" in text and "[e-postadress]" in text
    for secret in ("19850312", "anna@", "stat-rest", "slack-U", "teams-"):
        assert secret not in text


def test_postgresql_gives_the_same_figures(store: Path, tmp_path: Path):
    with sqlite3.connect(store) as connection:
        rows = connection.execute(
            "select sender_id, type_name, timestamp, intent_name, action_name, data from events order by id"
        ).fetchall()
    assert rows
    done = command("report", "--url", f"sqlite:///{store}", "--out", str(tmp_path / "sqlite"))
    assert done.returncode == 0, done.stderr
    with postgres_server() as pg:
        engine = sa.create_engine(pg.url())
        with engine.begin() as connection:
            connection.execute(
                sa.text(
                    "create table events (id serial primary key, sender_id varchar(255) not null, "
                    "type_name varchar(255) not null, timestamp double precision, intent_name varchar(255), "
                    "action_name varchar(255), data text)"
                )
            )
            connection.execute(
                sa.text(
                    "insert into events (sender_id, type_name, timestamp, intent_name, action_name, data) "
                    "values (:s, :t, :ts, :i, :a, :d)"
                ),
                [dict(zip(("s", "t", "ts", "i", "a", "d"), row, strict=True)) for row in rows],
            )
        engine.dispose()
        done = command("report", "--out", str(tmp_path / "pg"), env={"TRACKER_URL": pg.url()})
        assert done.returncode == 0, done.stderr
        assert "test-only-password" not in done.stdout + done.stderr
    assert figures(tmp_path / "pg") == figures(tmp_path / "sqlite")
    assert figures(tmp_path / "pg")[("Nyckeltal", "Bedömningar som började", "Värde")] == "5"
