"""The tracker store and the action-answer check the Rasa server loads from rasa_plugins/."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from jsonschema import ValidationError
from jsonschema.exceptions import best_match
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
    action_response._by_kind.cache_clear()  # built from the checked validator: the one check happens there
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


def _answers_to_check() -> list[Any]:
    """Answers of every kind of event Rasa knows, valid and not, and answers that are wrong around the events."""
    from rasa.core.actions.action import RemoteAction

    item = RemoteAction.action_response_format_spec()["properties"]["events"]["items"]
    kinds = [branch["properties"]["event"]["const"] for branch in item["oneOf"]]
    events: list[Any] = [{"event": kind} for kind in kinds]
    events += [{"event": kind, "timestamp": "late"} for kind in kinds]  # a timestamp must be a number or null
    events += [
        {"event": "slot", "name": "answers", "value": {"vem": "deltagare"}, "timestamp": 1.5},
        {"event": "slot", "name": 3, "value": 1},
        {"event": "slot", "value": 1},
        {"event": "entities", "entities": [{"entity": "party", "value": "kommunen", "start": 0, "end": 8}]},
        {"event": "entities", "entities": [{"entity": "party", "start": "0"}]},
        {"event": "user", "text": "hej", "parse_data": {"intent": {"name": "greet", "confidence": 0.9}}},
        {"event": "user", "text": 5},
        {"event": "action", "name": "action_listen", "policy": None, "confidence": 1.0},
        {"event": "action", "hide_rule_turn": "yes"},
        {"event": "bot", "text": "Hej", "data": {"buttons": []}},
        {"event": "followup", "name": "action_session_start"},
        {"event": "no_such_kind"},
        {"name": "answers"},
        {"event": 7},
        "slot",
        None,
    ]
    answers: list[Any] = [{"events": [event], "responses": []} for event in events]
    answers += [
        {"events": events[:3]},
        {"events": "not a list"},
        {"responses": "text"},
        {"responses": [{"text": "Hej"}, "Hej"]},
        {},
        [],
        "answer",
        {"events": [], "responses": [{"text": "Hej", "buttons": [{"title": "Ja", "payload": "/affirm"}]}]},
    ]
    return answers


def test_checking_each_event_by_its_kind_accepts_exactly_what_rasas_check_accepts():
    from rasa_plugins import action_response

    by_kind = action_response._by_kind()
    assert by_kind is not None  # the schema Rasa ships allows it
    full = action_response.response_validator()
    checked = _answers_to_check()
    assert any(full.is_valid(a) for a in checked) and not all(full.is_valid(a) for a in checked)
    for answer in checked:
        assert by_kind.accepts(answer) == full.is_valid(answer), answer


def test_an_answer_refused_by_kind_raises_the_error_rasas_check_raises():
    from rasa_plugins import action_response

    full = action_response.response_validator()
    for answer in (a for a in _answers_to_check() if isinstance(a, dict)):
        expected = best_match(full.iter_errors(answer))
        if expected is None:
            assert action_response.validate_action_result(mock.Mock(), answer) is True
            continue
        with pytest.raises(ValidationError) as raised:
            action_response.validate_action_result(mock.Mock(), answer)
        assert raised.value.message.startswith(expected.message), answer


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


def test_a_session_the_actions_start_is_loaded_alone_and_expires_as_one_rasa_starts(tmp_path: Path):
    """asf/sessions.py: the store loads only the new session, with the state carried over, and the
    session expires `session_expiration_time` after it started when no user message came since."""
    from types import SimpleNamespace

    from rasa.core.processor import MessageProcessor
    from rasa.shared.core.events import FollowupAction, SessionStarted

    from rasa_plugins import session_expiry
    from rasa_plugins.tracker_store import ProjectSQLTrackerStore

    domain = Domain.from_yaml(
        "version: '3.1'\nsession_config:\n  session_expiration_time: 120\nslots:\n"
        "  answers:\n    type: any\n    mappings: [{type: custom}]\n"
        "  current_question:\n    type: text\n    mappings: [{type: custom}]\n"
    )
    store = ProjectSQLTrackerStore(domain=domain, host=f"sqlite:///{tmp_path / 'tracker.db'}")
    first = [
        ActionExecuted("action_session_start", timestamp=1.0),
        SessionStarted(timestamp=1.0),
        ActionExecuted("action_listen", timestamp=2.0),
        UserUttered("hej", timestamp=3.0),
        SlotSet("answers", {"vem": "foretaget"}, timestamp=4.0),
        ActionExecuted("action_listen", timestamp=5.0),
    ]
    asyncio.run(store.save(DialogueStateTracker.from_events("carried", first, domain.slots)))
    carried = [
        SessionStarted(timestamp=104.0, metadata={"asf_continued": True}),
        SlotSet("answers", {}, timestamp=104.0),
        SlotSet("current_question", "vem", timestamp=104.0),
        ActionExecuted("action_listen", timestamp=105.0),
    ]
    turn = [
        UserUttered("/start_assessment", timestamp=100.0),
        ActionExecuted("action_start_assessment", timestamp=101.0),
        SlotSet("answers", {}, timestamp=102.0),
        SlotSet("current_question", "vem", timestamp=102.0),
        FollowupAction("action_session_start", timestamp=102.0),
        ActionExecuted("action_session_start", timestamp=103.0),
        *carried,
    ]
    loaded = asyncio.run(store.retrieve("carried"))
    assert loaded is not None
    for event in turn:
        loaded.update(event)
    asyncio.run(store.save(loaded))
    again = asyncio.run(store.retrieve("carried"))
    assert again is not None
    assert [e.as_dict() for e in again.events] == [e.as_dict() for e in carried]
    assert again.get_slot("current_question") == "vem" and again.get_slot("answers") == {}
    # Rasa's own check finds no user message in the session, so the session would never expire.
    assert again.get_last_event_for(UserUttered) is None
    processor = SimpleNamespace(domain=domain)
    with mock.patch("time.time", return_value=104.0 + 119 * 60):
        assert session_expiry.has_session_expired(processor, again) is False
    with mock.patch("time.time", return_value=104.0 + 121 * 60):
        assert session_expiry.has_session_expired(processor, again) is True
    # A message in the new session: counted from it, as Rasa does.
    again.update(UserUttered("/ask_why", timestamp=5000.0))
    with mock.patch("time.time", return_value=5000.0 + 119 * 60):
        assert session_expiry.has_session_expired(processor, again) is False
    # A session Rasa started itself: the same answers as Rasa's own check.
    rasa_started = DialogueStateTracker.from_events("plain", first, domain.slots)
    for minutes, expired in ((119, False), (121, True)):
        with mock.patch("time.time", return_value=3.0 + minutes * 60):
            assert session_expiry.has_session_expired(processor, rasa_started) is expired
    assert session_expiry.has_session_expired(processor, DialogueStateTracker("empty", domain.slots)) is False
    # The store installs the check in the Rasa server.
    assert MessageProcessor._has_session_expired is session_expiry.has_session_expired


def test_rasas_session_start_carries_the_state_only_when_a_dialogue_action_asked_for_it():
    """rasa_plugins/session_start.py: after a FollowupAction from a dialogue action, Rasa's own
    ActionSessionStart (run in the Rasa server) carries the state slots into the new session."""
    from rasa.core.actions.action import ActionSessionStart
    from rasa.shared.core.events import FollowupAction, SessionStarted

    from rasa_plugins import session_start

    domain = Domain.from_yaml(
        "version: '3.1'\nsession_config:\n  carry_over_slots_to_new_session: false\nslots:\n"
        "  answers:\n    type: any\n    mappings: [{type: custom}]\n"
        "  current_question:\n    type: text\n    mappings: [{type: custom}]\n"
        "  last_result:\n    type: any\n    mappings: [{type: custom}]\n"
    )
    session_start.install()
    before = [
        SessionStarted(timestamp=1.0),
        UserUttered("/start_assessment", timestamp=2.0),
        ActionExecuted("action_start_assessment", timestamp=3.0),
        SlotSet("last_result", {"outcome_id": "kontantbidrag"}, timestamp=3.0),
        SlotSet("answers", {}, timestamp=3.0),
        SlotSet("current_question", "vem", timestamp=3.0),
    ]

    def run(events: list[Any]) -> list[dict[str, Any]]:
        tracker = DialogueStateTracker.from_events("start", events, domain.slots)
        started = asyncio.run(ActionSessionStart().run(mock.Mock(), mock.Mock(), tracker, domain))
        return [{k: v for k, v in e.as_dict().items() if k != "timestamp"} for e in started]

    asked = run([*before, FollowupAction("action_session_start", timestamp=3.0)])
    assert asked == [
        {"event": "session_started", "metadata": {"asf_continued": True}},
        {"event": "slot", "name": "answers", "value": {}},
        {"event": "slot", "name": "current_question", "value": "vem"},
        {"event": "slot", "name": "last_result", "value": {"outcome_id": "kontantbidrag"}},
        {
            "event": "action",
            "name": "action_listen",
            "policy": None,
            "confidence": None,
            "action_text": None,
            "hide_rule_turn": False,
        },
    ]
    # Started by Rasa (a new conversation, or after the expiry): Rasa's own action, nothing carried.
    for events in (before, []):
        assert [e["event"] for e in run(events)] == ["session_started", "action"]


def test_the_intent_classifier_reads_as_before_with_its_weights_in_fortran_order():
    import numpy as np
    import scipy.sparse as sp  # type: ignore[import-untyped]  # SciPy ships no type stubs
    from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
    from rasa.shared.nlu.training_data.message import Message

    from rasa_plugins import intent_classifier

    rng = np.random.default_rng(3)
    features = sp.random(60, 400, density=0.05, format="csr", random_state=4)
    labels = [f"intent_{i % 3}" for i in range(60)]
    classifier = LogisticRegressionClassifier({}, "intent", mock.Mock(), mock.Mock())
    classifier.clf.fit(features, labels)
    # Fitted, the weights are a view into the solver's array; loaded from the model, in C order: neither is F.
    assert not classifier.clf.coef_.flags.f_contiguous
    rows = sp.csr_matrix(rng.random((2, 400)))

    def read(process: Any) -> list[tuple[str, float]]:
        messages = [Message(data={"text": "a"}), Message(data={"text": "b"})]
        with mock.patch.object(classifier, "_create_X", return_value=rows):
            process(classifier, messages)
        return [(m.get("intent")["name"], m.get("intent")["confidence"]) for m in messages]

    before = read(LogisticRegressionClassifier.process)
    original = LogisticRegressionClassifier.process
    try:
        intent_classifier.install()
        assert LogisticRegressionClassifier.process is intent_classifier.process
        after = read(LogisticRegressionClassifier.process)
    finally:
        LogisticRegressionClassifier.process = original
    assert classifier.clf.coef_.flags.f_contiguous
    assert [name for name, _ in after] == [name for name, _ in before]
    assert np.allclose([c for _, c in after], [c for _, c in before], rtol=0, atol=1e-12)


def _turns() -> list[list[Any]]:
    """Turns of one conversation as Rasa's processor adds them: a session start, answers, and an
    assessment that starts a new session whose events are older than the session start (asf/sessions.py)."""
    from rasa.shared.core.events import BotUttered, FollowupAction, SessionStarted

    return [
        [ActionExecuted("action_session_start", timestamp=1.0), SessionStarted(timestamp=1.0)],
        [
            ActionExecuted("action_listen", timestamp=2.0),
            UserUttered("hej", timestamp=3.0),
            BotUttered("Hej!", timestamp=3.5),
        ],
        [UserUttered("deltagare", timestamp=10.0), SlotSet("answers", {"vem": "deltagare"}, timestamp=11.0)],
        [
            UserUttered("/start_assessment", timestamp=100.0),
            SlotSet("answers", {}, timestamp=102.0),
            FollowupAction("action_session_start", timestamp=102.0),
            ActionExecuted("action_session_start", timestamp=103.0),
            SessionStarted(timestamp=104.0),
            SlotSet("answers", {"vem": "foretaget"}, timestamp=104.0),
            ActionExecuted("action_listen", timestamp=105.0),
        ],
        [UserUttered("nej", timestamp=99.0), SlotSet("answers", {"vem": "deltagare"}, timestamp=106.0)],
        [],
        [UserUttered("tack", timestamp=200.0), BotUttered("Varsågod", timestamp=201.0)],
    ]


def _events(tracker: DialogueStateTracker | None) -> list[dict[str, Any]]:
    return [] if tracker is None else [event.as_dict() for event in tracker.events]


def test_the_kept_session_gives_the_tracker_rasas_own_store_gives(tmp_path: Path):
    """Turn after turn, the project's store loads and saves exactly what Rasa's SQL store does,
    including a session start in mid-turn and an event older than the session it is saved in."""
    from rasa.core.tracker_store import SQLTrackerStore

    from rasa_plugins.tracker_store import ProjectSQLTrackerStore

    ours = ProjectSQLTrackerStore(domain=DOMAIN, host=f"sqlite:///{tmp_path / 'ours.db'}")
    rasas = SQLTrackerStore(domain=DOMAIN, host=f"sqlite:///{tmp_path / 'rasas.db'}")
    for turn in _turns():
        loaded = [asyncio.run(store.retrieve("samtal")) for store in (ours, rasas)]
        assert _events(loaded[0]) == _events(loaded[1])
        for store, loaded_tracker in zip((ours, rasas), loaded, strict=True):
            tracker = loaded_tracker or DialogueStateTracker("samtal", DOMAIN.slots)
            for event in turn:
                tracker.update(event)
            asyncio.run(store.save(tracker))
    final = [asyncio.run(store.retrieve("samtal")) for store in (ours, rasas)]
    assert _events(final[0]) == _events(final[1])
    assert [e["event"] for e in _events(final[0])][:2] == ["session_started", "slot"]
    with sqlite3.connect(tmp_path / "ours.db") as a, sqlite3.connect(tmp_path / "rasas.db") as b:
        columns = "sender_id, type_name, timestamp, intent_name, action_name, data"
        assert (
            a.execute(f"SELECT {columns} FROM events ORDER BY id").fetchall()
            == b.execute(f"SELECT {columns} FROM events ORDER BY id").fetchall()
        )


def test_events_written_or_deleted_elsewhere_are_read_again(tmp_path: Path):
    """Another Rasa server on the same database, and `make purge`, change what a kept session holds."""
    import sqlalchemy as sa

    from rasa_plugins.tracker_store import ProjectSQLTrackerStore
    from scripts.purge_conversations import purge

    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    first, second = (ProjectSQLTrackerStore(domain=DOMAIN, host=url) for _ in range(2))
    tracker = DialogueStateTracker.from_events("delad", [UserUttered("hej", timestamp=10.0)], DOMAIN.slots)
    asyncio.run(first.save(tracker))
    other = asyncio.run(second.retrieve("delad"))
    assert other is not None
    other.update(SlotSet("answers", {"vem": "deltagare"}, timestamp=20.0))
    asyncio.run(second.save(other))
    seen = asyncio.run(first.retrieve("delad"))
    assert seen is not None and seen.get_slot("answers") == {"vem": "deltagare"}
    # Saving from the first server now adds only its own new event after the second server's.
    seen.update(UserUttered("tack", timestamp=30.0))
    asyncio.run(first.save(seen))
    assert [e["event"] for e in _events(asyncio.run(second.retrieve("delad")))] == ["user", "slot", "user"]
    purge(sa.create_engine(url), days=1, now=25.0 + 86400)
    after = asyncio.run(first.retrieve("delad"))
    assert [e.get("text") for e in _events(after)] == ["tack"]
    purge(sa.create_engine(url), days=1, now=100.0 + 86400)
    assert asyncio.run(first.retrieve("delad")) is None and len(first.stored) == 0


def test_a_turn_reads_the_kept_session_instead_of_the_events(tmp_path: Path):
    """After a save, loading the conversation reads only how many events it has and the highest id."""
    import sqlalchemy as sa

    from rasa_plugins.tracker_store import ProjectSQLTrackerStore

    store = ProjectSQLTrackerStore(domain=DOMAIN, host=f"sqlite:///{tmp_path / 'tracker.db'}")
    tracker = DialogueStateTracker.from_events("läst", [UserUttered("hej", timestamp=1.0)], DOMAIN.slots)
    asyncio.run(store.save(tracker))
    statements: list[str] = []
    sa.event.listen(store.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    loaded = asyncio.run(store.retrieve("läst"))
    assert loaded is not None and _events(loaded) == _events(tracker)
    assert len(statements) == 1 and "count(" in statements[0] and "data" not in statements[0]


def test_an_events_class_is_found_as_rasa_finds_it_with_one_walk_per_type_name():
    from rasa.shared.core import events as rasa_events
    from rasa.shared.utils.common import all_subclasses

    from rasa_plugins import event_types

    original = rasa_events.Event.resolve_by_type
    names = {cls.type_name for cls in all_subclasses(rasa_events.Event)}
    expected = {name: original(name) for name in names}
    event_types._found.clear()
    with mock.patch.object(event_types, "all_subclasses", wraps=all_subclasses) as walk:
        for _ in range(3):
            assert {name: event_types.resolve_by_type(name) for name in names} == expected
    assert walk.call_count == len(names)
    # Names no class has: Rasa's answers, every time.
    assert event_types.resolve_by_type("topic") is None
    assert event_types.resolve_by_type("okänd", default=rasa_events.SlotSet) is rasa_events.SlotSet
    with pytest.raises(ValueError, match="Unknown event name 'okänd'"):
        event_types.resolve_by_type("okänd")
    try:
        event_types.install()
        assert rasa_events.Event.from_parameters({"event": "slot", "name": "answers", "value": 1}) == SlotSet(
            "answers", 1
        )
        assert rasa_events.Event.resolve_by_type("user") is UserUttered
    finally:
        rasa_events.Event.resolve_by_type = original


def _featurized(seed: int, origins: tuple[tuple[str, int], ...], dense: bool = False) -> Any:
    """A message with per-token and sentence features from several featurizers, as the pipeline leaves it."""
    import numpy as np
    import scipy.sparse as sp
    from rasa.shared.nlu.training_data.features import Features
    from rasa.shared.nlu.training_data.message import Message

    message = Message(data={"text": "arbetsträning"})
    for number, (origin, width) in enumerate(origins):
        state = seed * 10 + number
        message.add_features(
            Features(sp.random(7, width, density=0.1, format="coo", random_state=state), "sequence", "text", origin)
        )
        sentence = sp.random(1, width, density=0.2, format="coo", random_state=state + 5)
        message.add_features(Features(sentence, "sentence", "text", origin))
        message.add_features(Features(sentence, "sentence", "intent", origin))  # another attribute: not read
    if dense:
        message.add_features(Features(np.ones((1, 4)), "sentence", "text", "spacy"))
    return message


def test_the_intent_classifiers_feature_rows_are_rasas_built_from_the_sentence_parts_alone():
    from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier

    from rasa_plugins import intent_classifier

    classifier = LogisticRegressionClassifier({}, "intent", mock.Mock(), mock.Mock())
    origins = (("regex", 5), ("lexical", 30), ("chars", 400), ("words", 90))
    for messages in ([_featurized(1, origins)], [_featurized(seed, origins) for seed in range(2, 6)]):
        rasas = LogisticRegressionClassifier._create_X(classifier, messages)
        ours = intent_classifier.create_x(classifier, messages)
        assert ours.shape == rasas.shape == (len(messages), 525) and ours.dtype == rasas.dtype
        assert (ours != rasas).nnz == 0 and ours.has_canonical_format
    # Dense sentence features, or rows of different widths: Rasa's own, which this pipeline never needs.
    for messages in ([_featurized(7, origins, dense=True)], [_featurized(8, origins), _featurized(9, origins[:2])]):
        with mock.patch.object(intent_classifier, "_rasas_create_x", return_value="rasas") as rasas_own:
            assert intent_classifier.create_x(classifier, messages) == "rasas"
        rasas_own.assert_called_once()
    original = LogisticRegressionClassifier._create_X, LogisticRegressionClassifier.process
    try:
        intent_classifier.install()
        assert LogisticRegressionClassifier._create_X is intent_classifier.create_x
    finally:
        LogisticRegressionClassifier._create_X, LogisticRegressionClassifier.process = original


def test_calls_to_an_endpoint_share_one_kept_connection_with_rasas_headers_and_login():
    from aiohttp import web
    from rasa.utils.endpoints import EndpointConfig

    from rasa_plugins import kept_connections

    seen: list[tuple[int, str | None, str | None]] = []

    async def webhook(request: web.Request) -> web.Response:
        peer = request.transport.get_extra_info("peername") if request.transport else None
        seen.append(
            (peer[1] if peer else -1, request.headers.get("X-Action-Token"), request.headers.get("Authorization"))
        )
        return web.json_response({"events": [], "responses": []})

    async def calls() -> list[object]:
        app = web.Application()
        app.router.add_post("/webhook", webhook)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        endpoint = EndpointConfig(
            url=f"http://127.0.0.1:{port}/webhook",
            headers={"X-Action-Token": "hemligt"},
            basic_auth={"username": "rasa", "password": "losen"},
        )
        try:
            answers = [await endpoint.request(json={"next_action": "action_greet"}) for _ in range(3)]
        finally:
            await vars(endpoint)[kept_connections._KEPT][1].close()
            await runner.cleanup()
        return answers

    original = EndpointConfig.session
    try:
        kept_connections.install()
        answers = asyncio.run(calls())
        with mock.patch.object(kept_connections, "_rasas_session", return_value="rasas") as rasas_own:
            assert EndpointConfig("http://127.0.0.1:1").session() == "rasas"  # outside an event loop
        rasas_own.assert_called_once()
    finally:
        EndpointConfig.session = original
    assert answers == [{"events": [], "responses": []}] * 3
    assert len({port for port, _, _ in seen}) == 1  # one connection for all three calls
    assert {(token, login) for _, token, login in seen} == {("hemligt", "Basic cmFzYTpsb3Nlbg==")}


def test_the_ordered_graph_runner_returns_what_rasas_dask_runner_returns_and_calls_each_node_once():
    from rasa.engine.exceptions import GraphRunError
    from rasa.engine.graph import ExecutionContext, GraphComponent, GraphSchema, SchemaNode
    from rasa.engine.runner.dask import DaskGraphRunner

    from rasa_plugins.graph_runner import OrderedGraphRunner

    calls: list[str] = []

    class Joined(GraphComponent):  # type: ignore[misc]  # Rasa ships no type stubs
        """Joins its inputs (by parameter name) after its own name: the output shows which inputs it got."""

        def __init__(self, name: str) -> None:
            self.name = name

        @classmethod
        def create(cls, config: dict[str, Any], model_storage: Any, resource: Any, execution_context: Any) -> Any:
            return cls(execution_context.node_name)

        def run(self, **inputs: Any) -> str:
            calls.append(self.name)
            return self.name + "(" + ",".join(f"{key}={inputs[key]}" for key in sorted(inputs)) + ")"

    def node(needs: dict[str, str], target: bool = False) -> SchemaNode:
        return SchemaNode(needs=needs, uses=Joined, constructor_name="create", fn="run", config={}, is_target=target)

    # A diamond (both middle nodes need the first), a target, a node no target needs, and an input.
    schema = GraphSchema(
        {
            "first": node({"text": "message"}),
            "left": node({"a": "first"}),
            "right": node({"b": "first"}),
            "joined": node({"l": "left", "r": "right"}, target=True),
            "unused": node({"a": "first"}),
        }
    )

    def runner(kind: type[DaskGraphRunner]) -> DaskGraphRunner:
        return kind(schema, mock.Mock(), ExecutionContext(schema, "model"))

    outputs = {}
    for kind in (DaskGraphRunner, OrderedGraphRunner):
        calls.clear()
        graph = runner(kind)
        outputs[kind] = [graph.run(inputs={"message": "hej"}), graph.run(inputs={"message": "då"}, targets=["left"])]
        assert sorted(calls) == ["first", "first", "joined", "left", "left", "right"]
    assert outputs[OrderedGraphRunner] == outputs[DaskGraphRunner]
    assert outputs[OrderedGraphRunner][0] == {"joined": "joined(l=left(a=first(text=hej)),r=right(b=first(text=hej)))"}
    with pytest.raises(GraphRunError):
        runner(OrderedGraphRunner).run(inputs={"message": "first"})


def test_installing_makes_the_rasa_server_load_its_model_with_the_ordered_runner():
    import rasa.core.processor
    from rasa.engine.runner.dask import DaskGraphRunner

    from rasa_plugins import graph_runner

    try:
        graph_runner.install()
        assert rasa.core.processor.DaskGraphRunner is graph_runner.OrderedGraphRunner
    finally:
        rasa.core.processor.DaskGraphRunner = DaskGraphRunner


def test_a_payload_skips_the_pipeline_before_the_handler_and_is_read_as_rasas_dask_runner_reads_it():
    from rasa.engine.graph import ExecutionContext, GraphComponent, GraphSchema, SchemaNode
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler
    from rasa.shared.nlu.training_data.message import Message

    from rasa_plugins.graph_runner import OrderedGraphRunner

    domain = Domain.from_yaml("version: '3.1'\nintents: [inform, affirm]\nentities: [choice]\n")
    classified: list[str] = []

    class Step(GraphComponent):  # type: ignore[misc]  # Rasa ships no type stubs
        """The converter (texts to messages) and a classifier that calls everything "affirm"."""

        @classmethod
        def create(cls, config: dict[str, Any], model_storage: Any, resource: Any, execution_context: Any) -> Any:
            return cls()

        def convert(self, messages: list[str]) -> list[Message]:
            return [Message(data={"text": text}) for text in messages]

        def classify(self, messages: list[Message]) -> list[Message]:
            for message in messages:
                classified.append(message.get("text"))
                message.set("intent", {"name": "affirm", "confidence": 0.9}, add_to_output=True)
            return messages

        def provide(self) -> Domain:
            return domain

    def node(uses: type, fn: str, needs: dict[str, str]) -> SchemaNode:
        return SchemaNode(needs=needs, uses=uses, constructor_name="create", fn=fn, config={})

    schema = GraphSchema(
        {
            "converter": node(Step, "convert", {"messages": "__message__"}),
            "classifier": node(Step, "classify", {"messages": "converter"}),
            "domain": node(Step, "provide", {}),
            "handler": node(RegexMessageHandler, "process", {"messages": "classifier", "domain": "domain"}),
        }
    )
    texts = ['/inform{"choice": "deltagare"}', "/affirm", "/okänd", "/inform{trasig", "ja tack"]

    def read(kind: type[DaskGraphRunner], batch: list[str]) -> list[dict[str, Any]]:
        graph = kind(schema, mock.Mock(), ExecutionContext(schema, "model"))
        return [
            message.as_dict() for message in graph.run(inputs={"__message__": batch}, targets=["handler"])["handler"]
        ]

    for batch in [[text] for text in texts] + [texts[:2], texts[1:3]]:
        classified.clear()
        expected = read(DaskGraphRunner, batch)
        assert classified == batch
        classified.clear()
        assert read(OrderedGraphRunner, batch) == expected
        # Only a batch with a message the handler leaves as it is (an unknown intent, plain text) goes
        # through the classifier; Rasa reads "/inform{trasig" as "inform" and drops the rest.
        assert classified == (batch if {"/okänd", "ja tack"} & set(batch) else [])
