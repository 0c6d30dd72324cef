"""Retention: old conversations can be deleted by a command."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from scripts.purge_conversations import purge

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


def test_only_conversations_older_than_the_limit_are_deleted(tmp_path: Path):
    db = tmp_path / "tracker.db"
    make_store(db, {"old": 200, "recent": 3, "edge": 89})
    deleted = purge(sa.create_engine(f"sqlite:///{db}"), days=90)
    assert deleted == ["old"]
    assert senders(db) == {"recent", "edge"}


def test_dry_run_deletes_nothing_and_the_command_reports(tmp_path: Path):
    db = tmp_path / "tracker.db"
    make_store(db, {"old": 200, "recent": 3})
    out = subprocess.run(
        [sys.executable, "-m", "scripts.purge_conversations", "--days", "30", "--db", str(db), "--dry-run"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Skulle ta bort 1 samtal" in out and senders(db) == {"old", "recent"}
    out = subprocess.run(
        [sys.executable, "-m", "scripts.purge_conversations", "--days", "30", "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Tog bort 1 samtal" in out and senders(db) == {"recent"}


def test_missing_database_is_a_clear_error(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "scripts.purge_conversations", "--days", "30", "--db", str(tmp_path / "nope.db")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "finns inte" in result.stderr
