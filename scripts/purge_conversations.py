"""Deletes conversations whose last message is older than a number of days.

Chat logs may be allmänna handlingar and can hold personal data; how long they
are kept is the running organisation's decision. This command applies it to
Rasa's SQL tracker store (the `events` table).

    python scripts/purge_conversations.py --days 90 [--db var/tracker.db | --url postgresql://...] [--dry-run]
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import sqlalchemy as sa


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


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--days", type=float, required=True, help="keep conversations active within this many days")
    parser.add_argument("--db", default=os.environ.get("TRACKER_DB", "var/tracker.db"), help="SQLite file")
    parser.add_argument("--url", help="a SQLAlchemy database URL instead of --db")
    parser.add_argument("--dry-run", action="store_true", help="only count what would be deleted")
    args = parser.parse_args(argv)
    if args.days < 0:
        parser.error("--days kan inte vara negativt")
    if not args.url and not os.path.exists(args.db):
        print(f"FEL: databasen {args.db} finns inte.", file=sys.stderr)
        return 1
    engine = sa.create_engine(args.url or f"sqlite:///{args.db}")
    try:
        senders = purge(engine, args.days, args.dry_run)
    except sa.exc.SQLAlchemyError as error:
        print(f"FEL: databasen kunde inte rensas: {error.__class__.__name__}.", file=sys.stderr)
        return 1
    verb = "Skulle ta bort" if args.dry_run else "Tog bort"
    print(f"{verb} {len(senders)} samtal där senaste meddelandet är äldre än {args.days:g} dagar.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
