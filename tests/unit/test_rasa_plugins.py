"""The tracker store and the action-answer check the Rasa server loads from rasa_plugins/."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from unittest import mock

import pytest
from jsonschema import ValidationError
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

DOMAIN = Domain.from_yaml("version: '3.1'\nslots:\n  answers:\n    type: any\n    mappings: [{type: custom}]\n")

# rasa_plugins imports Rasa's RemoteAction, and with it TensorFlow (about 4 CPU seconds). Imported in the
# tests, not at the top, so that only the test worker that runs them pays for it, not every worker's collection.


def test_a_sqlite_tracker_store_is_in_wal_mode_and_keeps_a_conversation(tmp_path: Path):
    from rasa_plugins.tracker_store import ProjectSQLTrackerStore

    db = tmp_path / "tracker.db"
    store = ProjectSQLTrackerStore(domain=DOMAIN, host=f"sqlite:///{db}")
    tracker = DialogueStateTracker.from_events(
        "wal-test", [ActionExecuted("action_listen"), UserUttered("hej"), SlotSet("answers", {"vem": "deltagare"})]
    )
    asyncio.run(store.save(tracker))
    with sqlite3.connect(db) as plain:
        assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    # The connection stays open between turns, so SQLite does not fold the log back after each one.
    with store.engine.connect() as first, store.engine.connect() as second:
        assert first.connection.dbapi_connection is second.connection.dbapi_connection
    again = asyncio.run(store.retrieve("wal-test"))
    assert again is not None and again.get_slot("answers") == {"vem": "deltagare"}
    assert [e.as_dict()["event"] for e in again.events] == ["action", "user", "slot"]


VALID = {"events": [{"event": "slot", "name": "answers", "value": {}}], "responses": [{"text": "Hej"}]}


def test_a_valid_action_answer_passes_and_the_schema_is_checked_once():
    from rasa_plugins import action_response

    action_response.response_validator.cache_clear()
    validator_class = type(action_response.response_validator())
    action_response.response_validator.cache_clear()
    with mock.patch.object(validator_class, "check_schema", wraps=validator_class.check_schema) as check:
        for _ in range(3):
            assert action_response.validate_action_result(mock.Mock(), VALID) is True
    assert check.call_count == 1


@pytest.mark.parametrize(
    "answer",
    [{"events": "not a list"}, {"events": [{"event": "slot", "name": 3}]}, {"responses": "text"}],
)
def test_an_invalid_action_answer_is_refused_as_rasa_refuses_it(answer: dict[str, object]):
    from rasa_plugins import action_response

    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action_response.validate_action_result(mock.Mock(), answer)


def test_installing_makes_rasa_use_the_cached_check():
    from rasa.core.actions.action import RemoteAction

    from rasa_plugins import action_response

    original = RemoteAction._validate_action_result
    try:
        action_response.install()
        action = RemoteAction("action_greet", None)
        with pytest.raises(ValidationError):
            action._validate_action_result({"events": "not a list"})
        assert action._validate_action_result(VALID) is True
    finally:
        RemoteAction._validate_action_result = original
