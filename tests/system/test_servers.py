"""The assistant over real servers: `scripts/run.sh` started as `make run` does."""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests

from asf import sessions
from channels.rest import namespaced
from devtools.servers import ROOT, Servers, free_port

# The servers are shared with the other files in this group (tests/system/conftest.py).
pytestmark = [pytest.mark.servers, pytest.mark.xdist_group("shared-servers")]


def texts(replies: list[dict[str, object]]) -> str:
    return "\n".join(str(reply.get("text", "")) for reply in replies)


def test_greets_in_swedish_over_rest(servers: Servers):
    replies = servers.say("rest-greet", "hej")
    assert "Hej! Jag hjälper dig" in texts(replies)
    assert "Skriv inga uppgifter om enskilda personer" in texts(replies)


def test_full_assessment_over_rest_with_result_payload(servers: Servers):
    sender = "rest-assessment"
    first = servers.say(sender, "/start_assessment")
    assert "Vem är insatsen till för i första hand" in texts(first)
    servers.say(sender, '/inform{"question":"vem","choice":"deltagare"}')
    servers.say(sender, "ja")
    servers.say(sender, '/inform{"question":"insats_typ","choice":"handledare"}')
    servers.say(sender, '/inform{"question":"handledare_anstalld","choice":"hos_part"}')
    servers.say(sender, "kommunen")
    replies = servers.say(sender, '/inform{"question":"pengavag","choice":"via_part"}')
    assert "Förbundet kan finansiera insatsen på villkor." in texts(replies)
    custom = [reply["custom"] for reply in replies if "custom" in reply]
    assert len(custom) == 1
    assert custom[0]["verdict"] == "conditional"  # type: ignore[index]
    assert custom[0]["answers"]["utforare"] == "kommunen"  # type: ignore[index]


def test_conversation_is_stored_in_sqlite(servers: Servers):
    servers.say("stored-user", "hej")
    db = Path(servers.log).parent / "tracker.db"
    import sqlite3

    with sqlite3.connect(db) as connection:
        rows = connection.execute("select count(*) from events where sender_id = 'rest-stored-user'").fetchone()
    assert rows[0] > 0


def test_serves_the_intranet_page(servers: Servers):
    page = requests.get(servers.web_url + "/", timeout=10)
    assert page.status_code == 200
    assert "Kan samordningsförbundet finansiera insatsen?" in page.content.decode("utf-8")
    assert requests.get(servers.web_url + "/chat.js", timeout=10).status_code == 200


def test_rest_refuses_requests_without_the_token(servers: Servers):
    url = f"{servers.rasa_url}/webhooks/rest/webhook"
    body = {"sender": "no-token", "message": "hej"}
    for headers in ({}, {"Authorization": "Bearer fel-token"}, {"Authorization": servers.rest_token}):
        response = requests.post(url, json=body, headers=headers, timeout=30)
        assert response.status_code == 401
        assert "Token saknas eller är fel" in response.json()["error"]
    # The token is checked before the body: a stranger learns nothing about what the body should be.
    garbage = requests.post(url, data=b"{not json", headers={"Content-Type": "application/json"}, timeout=30)
    assert garbage.status_code == 401
    assert requests.post(url, json=body, headers=servers.rest_headers, timeout=30).status_code == 200


def test_rest_cannot_speak_in_a_web_chat_conversation(servers: Servers):
    response = requests.post(
        f"{servers.rasa_url}/webhooks/rest/webhook",
        json={"sender": "web-0123456789abcdef", "message": "hej"},
        headers=servers.rest_headers,
        timeout=30,
    )
    assert response.status_code == 403
    assert "hör till webbchatten" in response.json()["error"]


def test_http_api_is_off_without_its_token(servers: Servers):
    assert requests.get(f"{servers.rasa_url}/conversations/x/tracker", timeout=30).status_code == 404
    assert requests.post(f"{servers.rasa_url}/model/parse", json={"text": "hej"}, timeout=30).status_code == 404
    assert requests.get(f"{servers.rasa_url}/conversations/x/tracker?token=gissning", timeout=30).status_code == 404


def test_port_in_use_is_a_clear_error(tmp_path: Path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            ["bash", "scripts/run.sh"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            env={
                "PATH": "/usr/bin:/bin",
                "RASA_PORT": str(port),
                "ACTION_PORT": str(free_port()),
                "WEB_PORT": str(free_port()),
                "TRACKER_DB": str(tmp_path / "t.db"),
            },
        )
    assert result.returncode != 0
    assert f"Port {port} används redan" in result.stderr


def test_free_text_assessments_reach_their_outcomes(servers: Servers):
    import yaml

    stories = yaml.safe_load((ROOT / "tests" / "stories" / "free_text.yml").read_text(encoding="utf-8"))["stories"]
    wrong = []
    for number, story in enumerate(stories):
        expected = story["story"].removeprefix("free text to ")
        results = []
        for step in story["steps"]:
            if "user" in step:
                replies = servers.say(f"free-text-{number}", step["user"].strip())
                results += [reply["custom"] for reply in replies if "custom" in reply]
        got = results[-1]["outcome_id"] if results else None  # type: ignore[index]
        if got != expected:
            wrong.append((expected, got))
    assert wrong == []


def test_personal_data_is_masked_before_it_is_stored(servers: Servers):
    import sqlite3

    replies = servers.say("privacy-user", "Kan Eva 19850312-1234 (eva@exempel.se, 070-123 45 67) få arbetsträning?")
    assert "Jag tog bort det som såg ut som ett personnummer" in texts(replies)
    db = Path(servers.log).parent / "tracker.db"
    with sqlite3.connect(db) as connection:
        stored = " ".join(
            row[0] for row in connection.execute("select data from events where sender_id = 'rest-privacy-user'")
        )
    assert "[personnummer]" in stored
    for secret in ("19850312", "eva@exempel.se", "070-123 45 67", "123 45 67"):
        assert secret not in stored
    assert "19850312" not in servers.log_text()


def test_retention_command_works_on_the_real_tracker_store(servers: Servers, tmp_path: Path):
    import sqlite3

    import sqlalchemy as sa

    from scripts.purge_conversations import purge

    servers.say("retention-user", "hej")
    copy = tmp_path / "copy.db"
    # SQLite's backup, as docs/drift.md says: in WAL mode the latest turns can be in tracker.db-wal.
    source, target = sqlite3.connect(Path(servers.log).parent / "tracker.db"), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    engine = sa.create_engine(f"sqlite:///{copy}")
    sender = namespaced("retention-user")
    assert sender not in purge(engine, days=1).senders
    assert sender in purge(engine, days=0, now=time.time() + 60).senders
    with engine.connect() as connection:
        assert connection.execute(sa.text("select count(*) from events")).scalar() == 0


def test_teams_and_slack_refuse_clearly_when_not_configured(servers: Servers):
    # run.sh started without TEAMS_* and SLACK_* variables, and still started.
    for route, name in (("botframework", "Teams"), ("slack", "Slack")):
        response = requests.post(f"{servers.rasa_url}/webhooks/{route}/webhook", json={"type": "message"}, timeout=10)
        assert response.status_code == 503
        assert f"{name}-kanalen är inte inställd" in response.text
    log = (servers.logs / "rasa.log").read_text(errors="replace")
    assert "Teams channel not configured" in log and "Slack channel not configured" in log


def _session_starts(servers: Servers, sender: str) -> list[dict[str, object]]:
    import json
    import sqlite3

    with sqlite3.connect(Path(servers.log).parent / "tracker.db") as connection:
        rows = connection.execute(
            "select data from events where sender_id = ? and type_name = 'session_started' order by id",
            (namespaced(sender),),
        ).fetchall()
    return [json.loads(data) for (data,) in rows]


def _customs(replies: list[dict[str, object]]) -> list[dict[str, object]]:
    return [reply["custom"] for reply in replies if isinstance(reply.get("custom"), dict)]  # type: ignore[misc]


def _one_result_then_a_new_assessment(servers: Servers, sender: str) -> None:
    servers.say(sender, "/start_assessment")
    servers.say(sender, '/inform{"question":"vem","choice":"foretaget"}')
    first = servers.say(sender, '/inform{"question":"stod_till_foretag","choice":"pengar"}')
    assert "Förbundet bör inte finansiera insatsen." in texts(first)
    servers.say(sender, "/ask_why")
    assert len(_session_starts(servers, sender)) == 1
    again = servers.say(sender, "/start_assessment")
    assert "Vem är insatsen till för i första hand" in texts(again)


def test_a_new_assessment_starts_a_new_session_that_keeps_the_conversation_going(servers: Servers):
    """asf/sessions.py over the real servers: the second assessment runs in a new Rasa session (so a
    message costs the same late in a conversation), and what the user had is kept: the first
    result's memo, then the second assessment goes on to its own result."""
    sender = "two-assessments"
    _one_result_then_a_new_assessment(servers, sender)
    starts = _session_starts(servers, sender)
    assert len(starts) == 2 and sessions.continues(starts[1])
    memo = servers.say(sender, "/request_memo")
    assert [c.get("type") for c in _customs(memo)] == ["decision_memo"]
    servers.say(sender, '/inform{"question":"vem","choice":"parter_och_aktorer"}')
    servers.say(sender, '/inform{"question":"strukturell_typ","choice":"samordnare"}')
    second = servers.say(sender, '/inform{"question":"mottagare","choice":"egen_verksamhet"}')
    assert [c.get("outcome_id") for c in _customs(second)] == ["strukturell_insats"]
    assert len(_session_starts(servers, sender)) == 2


def test_a_conversation_silent_past_the_expiry_after_a_new_session_starts_from_zero(servers: Servers):
    """The new session holds no user message of its own yet; the expiry still counts from the last
    one (rasa_plugins/session_expiry.py), as for any session: after the silence nothing is kept."""
    import json
    import sqlite3

    import yaml

    sender = "silent-after-new-session"
    _one_result_then_a_new_assessment(servers, sender)
    expiry = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["session_config"]
    shift = (expiry["session_expiration_time"] + 5) * 60
    with sqlite3.connect(Path(servers.log).parent / "tracker.db") as connection:
        rows = connection.execute("select id, data from events where sender_id = ?", (namespaced(sender),)).fetchall()
        for row_id, data in rows:
            event = json.loads(data)
            event["timestamp"] -= shift
            connection.execute(
                "update events set data = ?, timestamp = timestamp - ? where id = ?", (json.dumps(event), shift, row_id)
            )
    later = servers.say(sender, "/request_memo")
    assert "Gör en bedömning först" in texts(later)
    starts = _session_starts(servers, sender)
    assert len(starts) == 3 and not sessions.continues(starts[2])
