"""Rasa's SQL tracker store, with a SQLite file in write-ahead-log (WAL) mode.

In SQLite's default mode every saved turn writes a rollback journal and syncs the
file several times; `make profile` showed that commit as the largest single cost
of the Rasa server under load. In WAL mode a commit appends to one log, and
readers never wait for the writer. `synchronous=NORMAL` (per connection) syncs
at checkpoints instead of at every commit: a crash of the program loses nothing,
only a power cut can lose the last turns, and the file is never corrupted.
PostgreSQL (several Rasa servers, TRACKER_URL) holds the same tables and rows as Rasa's
store writes. With either, a turn starts from the session the turn before it saved, when
the database still holds just that (rasa_plugins/stored_sessions.py), instead of reading
and counting all of its events again.

The module is imported only by the Rasa server, so it also installs the cheaper
check of the action server's answers (rasa_plugins/action_response.py), the lookup of
an event's class that walks the class tree once per type name (rasa_plugins/event_types.py), the
model's graph run in an order worked out once instead of through Dask (rasa_plugins/graph_runner.py), the
calls to the action server over connections kept open (rasa_plugins/kept_connections.py), the
intent classifier's weights in the order its product needs (rasa_plugins/intent_classifier.py), the
session start that carries the state over for a new assessment
(rasa_plugins/session_start.py) and the session expiry that also counts such a
session (rasa_plugins/session_expiry.py).
"""

from __future__ import annotations

import itertools
import json
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from rasa_plugins import (
    action_response,
    event_types,
    graph_runner,
    intent_classifier,
    kept_connections,
    session_expiry,
    session_start,
)
from rasa_plugins.stored_sessions import Stamp, StoredSession, StoredSessions


def _set_pragmas(dbapi_connection: Any, _: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # stored in the file; repeating it is a no-op
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class ProjectSQLTrackerStore(SQLTrackerStore):  # type: ignore[misc]  # Rasa ships no type stubs
    """Takes the same settings as Rasa's `type: SQL` (endpoints.yml passes `url` as the host)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        action_response.install()
        event_types.install()
        graph_runner.install()
        kept_connections.install()
        intent_classifier.install()
        session_expiry.install()
        session_start.install()
        super().__init__(*args, **kwargs)
        rasa_engine: Any = vars(self)["engine"]  # set by Rasa's __init__, untyped
        if rasa_engine.dialect.name == "sqlite":
            # SQLAlchemy opens and closes a file database's connection for every turn, and closing
            # the last connection to a WAL database makes SQLite copy the log back into the file.
            # One connection per thread, kept open, avoids that (Rasa uses the store from one thread).
            rasa_engine.dispose()
            engine = sa.create_engine(rasa_engine.url, poolclass=sa.pool.SingletonThreadPool)
            sa.event.listen(engine, "connect", _set_pragmas)
            self.engine = engine
            self.sessionmaker = sa.orm.sessionmaker(bind=engine)
        self.stored = StoredSessions()
        # Built once: building and hashing a statement costs more than running these on SQLite.
        table = self.SQLEvent
        sender = sa.bindparam("sender_id")
        self._count_and_last_id = sa.select(sa.func.count(), sa.func.max(table.id)).where(table.sender_id == sender)
        self._session_start = sa.select(sa.func.max(table.timestamp)).where(
            table.sender_id == sender, table.type_name == SessionStarted.type_name
        )
        self._all_events = sa.select(table.data).where(table.sender_id == sender).order_by(table.id)
        self._events_since = (
            sa.select(table.data)
            .where(table.sender_id == sender, table.timestamp >= sa.bindparam("start"))
            .order_by(table.id)
        )
        self._insert = table.__table__.insert()

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool) -> DialogueStateTracker | None:
        """Rasa's tracker for the latest session, from the events kept after the last turn when the
        database still holds what they were read from (rasa_plugins/stored_sessions.py)."""
        if fetch_events_from_all_sessions:
            return await super()._retrieve(sender_id, fetch_events_from_all_sessions)
        with self.session_scope() as session:
            latest = self._latest_session(session, sender_id)
        events = [json.loads(text) for text in latest.events]
        if self.domain and events:
            return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        return None

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Rasa's save (the events the database does not hold yet), counted from the kept session."""
        await self.stream_events(tracker)
        with self.session_scope() as session:
            latest = self._latest_session(session, tracker.sender_id)
            new = list(itertools.islice(tracker.events, len(latest.events), len(tracker.events)))
            if not new:
                return
            rows = [_row(tracker.sender_id, event) for event in new]
            session.execute(self._insert, rows)
            stamp = self._stamp(session, tracker.sender_id)
            session.commit()
        if any(isinstance(event, SessionStarted) for event in new):
            # Where the new latest session begins is the database's to say; it is read at the next turn.
            self.stored.forget(tracker.sender_id)
            return
        latest.events.extend(row["data"] for row in rows if latest.belongs(row["timestamp"]))
        self.stored.put(tracker.sender_id, StoredSession(stamp, latest.start, latest.events))

    def _stamp(self, session: Any, sender_id: str) -> Stamp:
        count, last_id = session.execute(self._count_and_last_id, {"sender_id": sender_id}).one()
        return Stamp(count, last_id)

    def _latest_session(self, session: Any, sender_id: str) -> StoredSession:
        """The conversation's latest session: kept, or read as Rasa's own query reads it."""
        stamp = self._stamp(session, sender_id)
        kept = self.stored.get(sender_id, stamp)
        if kept is not None:
            return kept
        start = session.execute(self._session_start, {"sender_id": sender_id}).scalar()
        if start is None:
            rows = session.execute(self._all_events, {"sender_id": sender_id})
        else:
            rows = session.execute(self._events_since, {"sender_id": sender_id, "start": start})
        latest = StoredSession(stamp, start, list(rows.scalars()))
        if stamp.count:
            self.stored.put(sender_id, latest)
        else:
            self.stored.forget(sender_id)
        return latest


def _row(sender_id: str, event: Event) -> dict[str, Any]:
    """An event as Rasa's SQL store writes it."""
    data = event.as_dict()
    return {
        "sender_id": sender_id,
        "type_name": event.type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
        "action_name": data.get("name"),
        "data": json.dumps(data),
    }


class StockSQLTrackerStore(SQLTrackerStore):  # type: ignore[misc]  # Rasa ships no type stubs
    """Rasa's own SQL store, with only what the dialogue needs to work (the session start that carries
    the state over, and its expiry) and none of the speed-ups above: `make bench` runs Rasa's stock
    configuration on it too, to compare the project with stock Rasa as a whole (bench/run.py)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        session_expiry.install()
        session_start.install()
        super().__init__(*args, **kwargs)
