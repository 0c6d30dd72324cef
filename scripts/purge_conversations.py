"""Deletes everything older than a number of days: conversation events and server logs.

Chat logs may be allmänna handlingar and can hold personal data; how long they
are kept is the running organisation's decision. This command applies it to
Rasa's SQL tracker store (the `events` table) and to the servers' rotated log
files (scripts/log_writer.py).

Every event older than the period goes, also in a conversation that is still in
use: someone who comes back every week would otherwise keep their first
messages for ever. A conversation whose events are all older disappears.

    python -m scripts.purge_conversations --days 90 [--db var/tracker.db | --url postgresql://...]
        [--logs var/logs] [--dry-run]

Without --db or --url it purges the store Rasa uses: TRACKER_URL (SQLite or
PostgreSQL, see endpoints.yml), else the SQLite file TRACKER_DB; without --logs
the servers' log folder ASF_LOGS (default var/logs).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from asf import settings


@dataclass(frozen=True)
class Purged:
    events: int  # events older than the period
    senders: list[str]  # conversations with no newer event, so gone altogether


def purge(engine: sa.engine.Engine, days: float, dry_run: bool = False, now: float | None = None) -> Purged:
    """What was (or, with dry_run, would be) deleted: every event older than `days`."""
    cutoff = (now if now is not None else time.time()) - days * 86400
    events = sa.table("events", sa.column("sender_id"), sa.column("timestamp"))
    with engine.begin() as connection:
        last_seen = (
            sa.select(events.c.sender_id).group_by(events.c.sender_id).having(sa.func.max(events.c.timestamp) < cutoff)
        )
        senders = [row[0] for row in connection.execute(last_seen)]
        old = events.c.timestamp < cutoff
        count = connection.execute(sa.select(sa.func.count()).select_from(events).where(old)).scalar_one()
        if count and not dry_run:
            connection.execute(sa.delete(events).where(old))
    return Purged(int(count), senders)


def purge_logs(folder: Path, days: float, dry_run: bool = False, now: float | None = None) -> list[Path]:
    """Rotated log files (`<name>.log.<date>...`) last written before the period; deleted unless dry_run.

    The file a server is writing to now (`<name>.log`) is left alone: it holds at most today's lines,
    because scripts/log_writer.py rotates it daily.
    """
    cutoff = (now if now is not None else time.time()) - days * 86400
    if not folder.is_dir():
        return []
    old = sorted(path for path in folder.glob("*.log.*") if path.is_file() and path.stat().st_mtime < cutoff)
    if not dry_run:
        for path in old:
            path.unlink(missing_ok=True)
    return old


def database_url(url: str | None, db: str | None) -> str:
    """--url, else --db, else the tracker store's TRACKER_URL, else the SQLite file TRACKER_DB."""
    if url:
        return url
    if db:
        return f"sqlite:///{db}"
    return settings.tracker_url()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--days", type=float, required=True, help="keep conversations active within this many days")
    parser.add_argument("--db", help="SQLite file")
    parser.add_argument("--url", help="a SQLAlchemy database URL (postgresql://...)")
    parser.add_argument("--logs", type=Path, help="the servers' log folder (default: ASF_LOGS or var/logs)")
    parser.add_argument("--dry-run", action="store_true", help="only count what would be deleted")
    args = parser.parse_args(argv)
    if args.days < 0:
        parser.error("--days kan inte vara negativt")
    url = database_url(args.url, args.db)
    # A missing SQLite file would be created empty; say so instead.
    if url.startswith("sqlite:///") and not os.path.exists(url.removeprefix("sqlite:///")):
        print(f"FEL: databasen {url.removeprefix('sqlite:///')} finns inte.", file=sys.stderr)
        return 1
    try:
        engine = sa.create_engine(url)
        shown = engine.url.render_as_string(hide_password=True)  # never the password, not even in errors
        purged = purge(engine, args.days, args.dry_run)
    except (sa.exc.SQLAlchemyError, ValueError, ImportError) as error:
        print(f"FEL: databasen kunde inte rensas: {error.__class__.__name__}.", file=sys.stderr)
        return 1
    logs = purge_logs(args.logs or settings.logs_dir(), args.days, args.dry_run)
    verb = "Skulle ta bort" if args.dry_run else "Tog bort"
    print(
        f"{verb} {purged.events} händelser äldre än {args.days:g} dagar ({shown}); "
        f"{len(purged.senders)} samtal hade inget nyare och försvann helt. "
        f"{verb} {len(logs)} loggfiler äldre än så ur {args.logs or settings.logs_dir()}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
