"""How long `make statistik` takes on a large tracker store.

The conversations of a store filled by the running assistant (for example by `make loadtest`
with TRACKER_URL pointing at a PostgreSQL server you keep) are copied until there are
CONVERSATIONS of them (default 10 000), each copy under a new sender id and moved in time so
that they spread over a year; then the report is built from the copy and timed.

    python -m bench.statistics --source postgresql://... [--conversations 10000] [--target URL]
                               [--out dist/statistik-bench]

--target is an empty database (SQLite or PostgreSQL) for the copy; without it a temporary
SQLite file is used.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from asf.statistics import store
from asf.statistics.__main__ import main as statistics_main

YEAR = 365 * 86400.0


def row(sender: str, event: dict[str, Any], shift: float) -> tuple[Any, ...]:
    moved = {**event, "timestamp": float(event.get("timestamp") or 0.0) + shift}
    intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
    action = event.get("name") if event.get("event") == "action" else None
    return sender, event.get("event"), moved["timestamp"], intent, action, json.dumps(moved, ensure_ascii=False)


def copy(source: str, target: str, count: int) -> tuple[int, int]:
    """`count` conversations made from those in `source`, written to the database `target`."""
    originals = list(store.conversations(source))
    if not originals:
        shown = sa.engine.make_url(source).render_as_string(hide_password=True)
        raise SystemExit(f"FEL: {shown} har inga samtal att kopiera.")
    rounds = -(-count // len(originals))
    events = 0
    engine = sa.create_engine(target)
    table = sa.Table(
        "events",
        sa.MetaData(),
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sender_id", sa.String(255), nullable=False),
        sa.Column("type_name", sa.String(255), nullable=False),
        sa.Column("timestamp", sa.Float),
        sa.Column("intent_name", sa.String(255)),
        sa.Column("action_name", sa.String(255)),
        sa.Column("data", sa.Text),
    )
    table.metadata.create_all(engine)
    columns = ("sender_id", "type_name", "timestamp", "intent_name", "action_name", "data")
    with engine.begin() as connection:
        batch: list[dict[str, Any]] = []
        for number in range(count):
            original = originals[number % len(originals)]
            shift = (number // len(originals)) * YEAR / rounds - YEAR  # the copies spread over the past year
            batch += [dict(zip(columns, row(f"bench-{number}", event, shift), strict=True)) for event in original]
            if len(batch) > 5000 or number == count - 1:
                events += len(batch)
                connection.execute(table.insert(), batch)
                batch = []
    engine.dispose()
    return len(originals), events


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", required=True, help="tracker store to copy conversations from")
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=Path("dist/statistik-bench"))
    parser.add_argument("--target", help="an empty database for the copy (default: a temporary SQLite file)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="asf-statistics-") as tmp:
        target = args.target or f"sqlite:///{Path(tmp) / 'tracker.db'}"
        originals, events = copy(args.source, target, args.conversations)
        shown = sa.engine.make_url(target).render_as_string(hide_password=True)
        print(f"{args.conversations} samtal ({events} händelser) av {originals} riktiga samtal, i {shown}.")
        started = time.perf_counter()
        status = statistics_main(["report", "--url", target, "--out", str(args.out)])
        print(f"Rapporten tog {time.perf_counter() - started:.1f} s.")
    return status


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
