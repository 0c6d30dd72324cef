"""Rasa's SQL tracker store, with a SQLite file in write-ahead-log (WAL) mode.

In SQLite's default mode every saved turn writes a rollback journal and syncs the
file several times; `make profile` showed that commit as the largest single cost
of the Rasa server under load. In WAL mode a commit appends to one log, and
readers never wait for the writer. `synchronous=NORMAL` (per connection) syncs
at checkpoints instead of at every commit: a crash of the program loses nothing,
only a power cut can lose the last turns, and the file is never corrupted.
PostgreSQL (several Rasa servers, TRACKER_URL) is used exactly as Rasa does.

The module is imported only by the Rasa server, so it also installs the cheaper
check of the action server's answers (rasa_plugins/action_response.py), the
intent classifier's weights in the order its product needs (rasa_plugins/intent_classifier.py), the
session start that carries the state over for a new assessment
(rasa_plugins/session_start.py) and the session expiry that also counts such a
session (rasa_plugins/session_expiry.py).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore

from rasa_plugins import action_response, intent_classifier, session_expiry, session_start


def _set_pragmas(dbapi_connection: Any, _: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # stored in the file; repeating it is a no-op
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class ProjectSQLTrackerStore(SQLTrackerStore):  # type: ignore[misc]  # Rasa ships no type stubs
    """Takes the same settings as Rasa's `type: SQL` (endpoints.yml passes `url` as the host)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        action_response.install()
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
