"""Deletes conversations whose last message is older than a number of days.

Chat logs may be allmänna handlingar and can hold personal data; how long they
are kept is the running organisation's decision. This command applies it to
Rasa's SQL tracker store (the `events` table).

    python -m scripts.purge_conversations --days 90 [--db var/tracker.db | --url postgresql://...] [--dry-run]

Without --db or --url it purges the store Rasa uses: TRACKER_URL (SQLite or
PostgreSQL, see endpoints.yml), else the SQLite file TRACKER_DB.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import sqlalchemy as sa

from asf import settings


def purge(engine: sa.engine.Engine, days: float, dry_run: bool = False, now: float | None = None) -> list[str]:
    """The sender ids whose conversations were (or, with dry_run, would be) deleted."""
    cutoff = (now if now is not None else time.time()) - days * 86400
    events = sa.table("events", sa.column("sender_id"), sa.column("timestamp"))
    with engine.begin() as connection:
        last_seen = (
            sa.select(events.c.sender_id).group_by(events.c.sender_id).having(sa.func.max(events.c.timestamp) < cutoff)
        )
        senders = [row[0] for row in connection.execute(last_seen)]
        if senders and not dry_run:
            connection.execute(sa.delete(events).where(events.c.sender_id.in_(senders)))
    return senders


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
        senders = purge(engine, args.days, args.dry_run)
    except (sa.exc.SQLAlchemyError, ValueError, ImportError) as error:
        print(f"FEL: databasen kunde inte rensas: {error.__class__.__name__}.", file=sys.stderr)
        return 1
    verb = "Skulle ta bort" if args.dry_run else "Tog bort"
    print(f"{verb} {len(senders)} samtal där senaste meddelandet är äldre än {args.days:g} dagar ({shown}).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
