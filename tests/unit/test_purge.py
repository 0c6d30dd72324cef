"""Retention: everything older than the period is deleted by a command, events and log files alike."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from scripts.log_writer import RotatingFile
from scripts.purge_conversations import purge, purge_logs

ROOT = Path(__file__).resolve().parents[2]
DAY = 86400.0


def make_store(path: Path, conversations: dict[str, float]) -> None:
    """A tracker store with the `events` table Rasa's SQLTrackerStore creates, one event per age in days."""
    with sqlite3.connect(path) as connection:
        connection.execute(
            "create table events (id integer primary key, sender_id varchar(255) not null, "
            "type_name varchar(255) not null, timestamp float, intent_name varchar(255), "
            "action_name varchar(255), data text)"
        )
        now = time.time()
        for sender, age in conversations.items():
            for offset in (age + 1, age):
                connection.execute(
                    "insert into events (sender_id, type_name, timestamp, data) values (?, 'user', ?, '{}')",
                    (sender, now - offset * DAY),
                )


def senders(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {row[0] for row in connection.execute("select distinct sender_id from events")}


def ages(path: Path, sender: str) -> list[int]:
    """The age in whole days of each event of a conversation, oldest first."""
    with sqlite3.connect(path) as connection:
        rows = connection.execute("select timestamp from events where sender_id = ? order by timestamp", (sender,))
        return [round((time.time() - row[0]) / DAY) for row in rows]


def test_only_conversations_older_than_the_limit_are_deleted(tmp_path: Path):
    db = tmp_path / "tracker.db"
    make_store(db, {"old": 200, "recent": 3, "edge": 88})
    purged = purge(sa.create_engine(f"sqlite:///{db}"), days=90)
    assert purged.senders == ["old"] and purged.events == 2
    assert senders(db) == {"recent", "edge"}


def test_old_events_go_even_in_a_conversation_still_in_use(tmp_path: Path):
    # Someone who comes back every so often: their first messages must not outlive the period.
    db = tmp_path / "tracker.db"
    make_store(db, {"returning": 200})
    with sqlite3.connect(db) as connection:
        connection.execute(
            "insert into events (sender_id, type_name, timestamp, data) values ('returning', 'user', ?, '{}')",
            (time.time() - 1 * DAY,),
        )
    purged = purge(sa.create_engine(f"sqlite:///{db}"), days=90)
    assert purged.events == 2 and purged.senders == []
    assert ages(db, "returning") == [1]


def test_rotated_logs_older_than_the_period_are_deleted_and_the_current_one_kept(tmp_path: Path):
    clock = [time.time() - 200 * DAY]
    log = RotatingFile(tmp_path / "rasa.log", now=lambda: clock[0])
    log.write(b"a line from long ago\n")
    clock[0] = time.time() - 1 * DAY
    log.write(b"yesterday\n")  # a new day: the old file is rotated away
    clock[0] = time.time()
    log.write(b"today\n")
    log.close()
    rotated = sorted(tmp_path.glob("rasa.log.*"))
    assert len(rotated) == 2 and (tmp_path / "rasa.log").read_bytes() == b"today\n"
    os.utime(rotated[0], (time.time() - 200 * DAY,) * 2)  # as when it was last written
    os.utime(rotated[1], (time.time() - 1 * DAY,) * 2)
    assert purge_logs(tmp_path, days=90, dry_run=True) == [rotated[0]] and rotated[0].exists()
    assert purge_logs(tmp_path, days=90) == [rotated[0]]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["rasa.log", rotated[1].name])
    assert b"long ago" not in b"".join(p.read_bytes() for p in tmp_path.iterdir())


def test_a_log_rotates_by_size_too(tmp_path: Path):
    log = RotatingFile(tmp_path / "web.log", max_bytes=100)
    for number in range(30):
        log.write(f"rad {number:02}\n".encode())
    log.close()
    files = list(tmp_path.iterdir())
    assert len(files) >= 3 and all(p.stat().st_size <= 100 for p in files)
    assert sum(p.read_bytes().count(b"\n") for p in files) == 30


def test_dry_run_deletes_nothing_and_the_command_reports(tmp_path: Path):
    db = tmp_path / "tracker.db"
    make_store(db, {"old": 200, "recent": 3})
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "scripts.purge_conversations",
            "--days",
            "30",
            "--db",
            str(db),
            "--logs",
            str(tmp_path),
            "--dry-run",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Skulle ta bort 2 händelser" in out and "1 samtal hade inget nyare" in out
    assert senders(db) == {"old", "recent"}
    out = subprocess.run(
        [sys.executable, "-m", "scripts.purge_conversations", "--days", "30", "--db", str(db), "--logs", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Tog bort 2 händelser" in out and senders(db) == {"recent"}


def test_missing_database_is_a_clear_error(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "scripts.purge_conversations", "--days", "30", "--db", str(tmp_path / "nope.db")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "finns inte" in result.stderr
