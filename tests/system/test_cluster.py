"""Scale-out, small: two Rasa servers behind nginx with the PostgreSQL tracker
store and the Redis lock store (scripts/cluster.py), as `make loadtest` runs it
with 200 conversations."""

from __future__ import annotations

import functools
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bench.loadtest import make_plans, report, run_load
from devtools.servers import ROOT
from scripts.cluster import Cluster, running_cluster

pytestmark = pytest.mark.servers


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    with running_cluster(tmp_path_factory.mktemp("cluster"), replicas=2) as started:
        yield started


def test_concurrent_assessments_are_spread_and_nothing_is_lost(cluster: Cluster):
    load = run_load(cluster, conversations=20, long=2, rounds=3, seconds=300)
    printed = report(load)
    assert load.burst.errors == 0 and load.long.errors == 0, printed
    assert load.burst.wrong == 0 and load.long.wrong == 0, printed
    assert load.problems == [], printed
    assert load.ok, printed
    # Round-robin: both servers answered a fair share of the messages.
    assert set(load.shares) == set(cluster.replicas), printed
    assert min(load.shares.values()) >= 0.3 * sum(load.shares.values()), printed
    assert "Resultat: GODKÄNT" in printed


def test_the_store_check_notices_a_missing_conversation(cluster: Cluster):
    from bench.loadtest import check_store

    never_sent = make_plans("never-sent", 1)
    problems = check_store(cluster.tracker_url, never_sent)
    assert any("0 användarmeddelanden sparade" in p for p in problems)
    assert any("bedömningarna []" in p for p in problems)


def redis_set_calls(cluster: Cluster) -> int:
    stats = subprocess.run(
        ["redis-cli", "-h", cluster.redis_host, "-p", str(cluster.redis_port), "info", "commandstats"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.search(r"cmdstat_set:calls=(\d+)", stats)
    return int(found.group(1)) if found else 0


def test_the_lock_store_is_redis(cluster: Cluster):
    import requests

    before = redis_set_calls(cluster)
    for number in range(4):
        requests.post(
            cluster.url + "/webhooks/rest/webhook",
            json={"sender": f"lock-{number}", "message": "hej"},
            headers=cluster.rest_headers(),
            timeout=60,
        ).raise_for_status()
    # Rasa's RedisLockStore writes the conversation's lock (at least) once per message.
    assert redis_set_calls(cluster) - before >= 4


def test_a_conversation_silent_past_the_expiry_starts_a_new_session(cluster: Cluster):
    """Session expiry (domain.yml) is what keeps long-lived conversations short in the store."""
    import json

    import requests
    import sqlalchemy as sa

    def say(message: str) -> None:
        requests.post(
            cluster.url + "/webhooks/rest/webhook",
            json={"sender": "expiring", "message": message},
            headers=cluster.rest_headers(),
            timeout=60,
        ).raise_for_status()

    def sessions(connection: sa.engine.Connection) -> int:
        query = "select count(*) from events where sender_id = 'rest-expiring' and type_name = 'session_started'"
        return int(connection.execute(sa.text(query)).scalar_one())

    expiry_minutes = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["session_config"][
        "session_expiration_time"
    ]
    assert 0 < expiry_minutes <= 24 * 60
    say("/start_assessment")
    say('/inform{"question":"vem","choice":"deltagare"}')
    engine = sa.create_engine(cluster.tracker_url)
    with engine.begin() as connection:
        assert sessions(connection) == 1
        # Make the conversation look silent for longer than the expiry time.
        shift = (expiry_minutes + 5) * 60
        rows = connection.execute(sa.text("select id, data from events where sender_id = 'rest-expiring'")).all()
        for row_id, data in rows:
            event = json.loads(data)
            event["timestamp"] -= shift
            connection.execute(
                sa.text("update events set data = :data, timestamp = timestamp - :shift where id = :id"),
                {"data": json.dumps(event), "shift": shift, "id": row_id},
            )
    say("hej")
    with engine.connect() as connection:
        assert sessions(connection) == 2
    engine.dispose()


def socketio_lines(access_log: Path) -> list[list[str]]:
    lines = access_log.read_text(encoding="utf-8").splitlines()
    return [line.split() for line in lines if " /socket.io/ " in line]


def test_socketio_session_sticks_to_one_server(cluster: Cluster):
    import socketio

    # Long-polling only: every poll is a new HTTP request, so without sticky
    # routing half of them would reach the server that does not know the session.
    client = socketio.Client()
    replies: list[dict[str, Any]] = []
    arrived = threading.Condition()

    def on_bot(data: dict[str, Any]) -> None:
        with arrived:
            replies.append(data)
            arrived.notify_all()

    def turn_over(since: int) -> bool:
        # A turn is over when the next question (with its buttons) or the verdict has arrived.
        return any(r.get("buttons") or "Förbundet kan finansiera" in str(r.get("text")) for r in replies[since:])

    client.on("bot_uttered", on_bot)
    confirmed = threading.Event()
    client.on("session_confirm", lambda *_: confirmed.set())
    before = len(socketio_lines(cluster.access_log))
    client.connect(cluster.url, transports=["polling"], socketio_path="socket.io")
    try:
        client.emit("session_request", {"session_id": "sticky-session"})
        assert confirmed.wait(30)
        messages = [
            "/start_assessment",
            '/inform{"question":"vem","choice":"deltagare"}',
            '/inform{"question":"malgrupp","choice":"ja"}',
            '/inform{"question":"insats_typ","choice":"handledare"}',
            '/inform{"question":"handledare_anstalld","choice":"hos_part"}',
            '/inform{"question":"utforare","choice":"kommunen"}',
            '/inform{"question":"pengavag","choice":"via_part"}',
        ]
        for message in messages:
            count = len(replies)
            client.emit("user_uttered", {"message": message, "session_id": "sticky-session"})
            with arrived:
                assert arrived.wait_for(functools.partial(turn_over, count), timeout=60), message
    finally:
        client.disconnect()
    assert any("Förbundet kan finansiera insatsen på villkor." in str(r.get("text")) for r in replies), replies
    lines = socketio_lines(cluster.access_log)[before:]
    assert len(lines) > len(messages)
    assert {fields[4] for fields in lines} <= set(cluster.replicas)
    assert len({fields[4] for fields in lines}) == 1, lines
    assert all(fields[3] == "200" for fields in lines), lines


def test_nginx_listens_on_loopback_only(cluster: Cluster):
    config = next((cluster.logs.parent / "nginx").glob("nginx.conf")).read_text(encoding="utf-8")
    listens = [line.split()[1] for line in config.splitlines() if line.strip().startswith("listen ")]
    assert listens and all(address.startswith("127.0.0.1:") for address in listens)


def listening(address: str) -> bool:
    host, port = address.rsplit(":", 1)
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex((host, int(port))) == 0


def test_make_cluster_starts_everything_and_ctrl_c_stops_it(tmp_path: Path):
    log = tmp_path / "cluster.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "scripts.cluster"],
            cwd=ROOT,
            env={**os.environ, "REPLICAS": "1"},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 300
        while "Klustret är igång" not in log.read_text():
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.5)
        printed = log.read_text()
        addresses = re.findall(r"127\.0\.0\.1:\d+", printed)
        assert len(addresses) >= 4, printed  # nginx, one Rasa server, PostgreSQL, Redis
        assert all(listening(address) for address in addresses), printed
    finally:
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends
        process.wait(timeout=120)
    assert not [address for address in addresses if listening(address)], log.read_text()


def test_run_sh_rejects_an_unknown_part():
    result = subprocess.run(
        ["bash", "scripts/run.sh", "--everything"], cwd=ROOT, capture_output=True, text=True, timeout=30
    )
    assert result.returncode != 0
    assert "Okänt val '--everything'" in result.stderr
