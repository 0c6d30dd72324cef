"""Reads conversations from Rasa's SQL tracker store (the `events` table), SQLite or PostgreSQL.

Only reads. A period limits which conversations are read (those with an event inside it);
which assessments count is decided later, by when each started (figures.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa

EVENTS = sa.table(
    "events", sa.column("id"), sa.column("sender_id"), sa.column("timestamp"), sa.column("data"), sa.column("type_name")
)
# Only the kinds the replay looks at; Rasa also stores featurizations, rejected actions and the like.
KINDS = ("user", "bot", "slot", "action", "session_started", "restart")


class StoreError(RuntimeError):
    """The tracker store could not be read; the message is Swedish and holds no password."""


def conversations(url: str, since: float | None = None, until: float | None = None) -> Iterator[list[dict[str, Any]]]:
    """Each conversation's events in order, for conversations with an event in [since, until)."""
    try:
        engine = sa.create_engine(url)
    except (sa.exc.ArgumentError, ImportError, ValueError) as error:
        raise StoreError(f"Adressen till databasen går inte att använda ({error.__class__.__name__}).") from error
    query = sa.select(EVENTS.c.sender_id, EVENTS.c.data).where(EVENTS.c.type_name.in_(KINDS))
    if since is not None or until is not None:
        active = sa.select(EVENTS.c.sender_id).distinct()
        if since is not None:
            active = active.where(EVENTS.c.timestamp >= since)
        if until is not None:
            active = active.where(EVENTS.c.timestamp < until)
        query = query.where(EVENTS.c.sender_id.in_(active))
    query = query.order_by(EVENTS.c.sender_id, EVENTS.c.id)
    try:
        with engine.connect() as connection:
            result = connection.execution_options(stream_results=True).execute(query)
            sender: str | None = None
            events: list[dict[str, Any]] = []
            for row_sender, data in result:
                if row_sender != sender:
                    if events:
                        yield events
                    sender, events = row_sender, []
                try:
                    event = json.loads(data)
                except (TypeError, ValueError):
                    continue  # a row Rasa did not write; the rest still counts
                if isinstance(event, dict):
                    events.append(event)
            if events:
                yield events
    except sa.exc.SQLAlchemyError as error:
        shown = engine.url.render_as_string(hide_password=True)
        raise StoreError(f"Databasen {shown} kunde inte läsas ({error.__class__.__name__}).") from error
    finally:
        engine.dispose()
