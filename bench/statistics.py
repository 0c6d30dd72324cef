"""How long `make statistik` takes on a large tracker store.

The conversations of a store filled by the running assistant (for example by `make loadtest`
with TRACKER_URL pointing at a PostgreSQL server you keep) are copied until there are
CONVERSATIONS of them (default 10 000), each copy under a new sender id and moved in time so
that they spread over a year; then the report is built from the copy and timed.

    python -m bench.statistics --source postgresql://... [--conversations 10000] [--out dist/statistik-bench]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from asf.statistics import store
from asf.statistics.__main__ import main as statistics_main

YEAR = 365 * 86400.0
SCHEMA = (
    "create table events (id integer primary key autoincrement, sender_id varchar(255) not null, "
    "type_name varchar(255) not null, timestamp float, intent_name varchar(255), action_name varchar(255), "
    "data text)"
)


def row(sender: str, event: dict[str, Any], shift: float) -> tuple[Any, ...]:
    moved = {**event, "timestamp": float(event.get("timestamp") or 0.0) + shift}
    intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
    action = event.get("name") if event.get("event") == "action" else None
    return sender, event.get("event"), moved["timestamp"], intent, action, json.dumps(moved, ensure_ascii=False)


def copy(source: str, target: Path, count: int) -> tuple[int, int]:
    """`count` conversations made from those in `source`, written to the SQLite file `target`."""
    originals = list(store.conversations(source))
    if not originals:
        raise SystemExit(f"FEL: {source} har inga samtal att kopiera.")
    rounds = -(-count // len(originals))
    events = 0
    with sqlite3.connect(target) as connection:
        connection.execute(SCHEMA)
        for number in range(count):
            original = originals[number % len(originals)]
            shift = (number // len(originals)) * YEAR / rounds - YEAR  # the copies spread over the past year
            rows = [row(f"bench-{number}", event, shift) for event in original]
            events += len(rows)
            connection.executemany(
                "insert into events (sender_id, type_name, timestamp, intent_name, action_name, data) "
                "values (?, ?, ?, ?, ?, ?)",
                rows,
            )
    return len(originals), events


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", required=True, help="tracker store to copy conversations from")
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=Path("dist/statistik-bench"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="asf-statistics-") as tmp:
        target = Path(tmp) / "tracker.db"
        originals, events = copy(args.source, target, args.conversations)
        print(f"{args.conversations} samtal ({events} händelser) av {originals} riktiga samtal i {args.source}.")
        started = time.perf_counter()
        status = statistics_main(["report", "--url", f"sqlite:///{target}", "--out", str(args.out)])
        print(f"Rapporten tog {time.perf_counter() - started:.1f} s.")
    return status


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
