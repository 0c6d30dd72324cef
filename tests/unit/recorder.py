"""Conversations run through the real actions, recorded as Rasa's tracker store records them.

Each turn is a user event (the intent given, as the NLU would pick it), the action the rules in
data/rules.yml choose, the action's bot messages and its slot events; the events go into an
`events` table with the columns of Rasa's SQLTrackerStore. The statistics tests read it back,
so the figures come from what the real dialogue code did, not from hand-made events.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import actions
from asf import sessions, yamltext

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = (
    "create table events (id integer primary key autoincrement, sender_id varchar(255) not null, "
    "type_name varchar(255) not null, timestamp float, intent_name varchar(255), action_name varchar(255), "
    "data text)"
)


@cache
def rule_actions() -> dict[str, str]:
    rules = yamltext.load((ROOT / "data" / "rules.yml").read_text(encoding="utf-8"))["rules"]
    return {rule["steps"][0]["intent"]: rule["steps"][1]["action"] for rule in rules}


@cache
def action_classes() -> dict[str, Any]:
    return {cls().name(): cls for cls in actions.DialogueAction.__subclasses__()}


def at(text: str) -> float:
    """ "2026-11-02 10:00" (Swedish time) as a Unix timestamp."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo("Europe/Stockholm")).timestamp()


@dataclass
class Conversation:
    sender: str
    channel: str
    clock: float
    step: float = 60.0  # seconds between turns
    slots: dict[str, Any] = field(default_factory=dict)
    session_start: int = 0  # the index of the first event Rasa would load for the next turn
    events: list[dict[str, Any]] = field(default_factory=list)

    def say(self, text: str, intent: str, **entities: str) -> list[dict[str, Any]]:
        """One turn: the user's message, the action the rules pick, its replies and slots, and the new
        session the action may ask for (asf/sessions.py), run as Rasa runs it."""
        parsed_entities = [{"entity": k, "value": v} for k, v in entities.items()]
        latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": parsed_entities}
        self.events.append(
            {
                "event": "user",
                "timestamp": self.clock,
                "text": text,
                "parse_data": latest,
                "input_channel": self.channel,
            }
        )
        name = rule_actions()[intent]
        self.events.append({"event": "action", "timestamp": self.clock, "name": name})
        dispatcher_messages, returned = self.run(action_classes()[name](), latest)
        for message in dispatcher_messages:
            data = {"buttons": message.get("buttons") or None, "custom": message.get("custom")}
            self.events.append({"event": "bot", "timestamp": self.clock, "text": message.get("text"), "data": data})
        self.record(returned)
        if any(event["event"] == "followup" for event in returned):
            # Rasa runs the follow-up action and ends the turn after it; the store then loads the
            # events from the new session start on.
            self.events.append({"event": "action", "timestamp": self.clock, "name": sessions.NAME})
            self.session_start = len(self.events)
            self.record(sessions.carried_session(self.slots))
        else:
            self.events.append({"event": "action", "timestamp": self.clock, "name": "action_listen"})
        self.clock += self.step
        return dispatcher_messages

    def run(self, action: Any, latest: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The action's messages and events, given the slots and the session's events as Rasa sends them."""
        session = self.events[self.session_start :]
        tracker = Tracker(self.sender, dict(self.slots), latest, session, False, None, {}, "action_listen")
        dispatcher = CollectingDispatcher()
        returned = asyncio.run(action.run(dispatcher, tracker, {}))
        return dispatcher.messages, returned

    def record(self, returned: list[dict[str, Any]]) -> None:
        for event in returned:
            stored = {**event, "timestamp": event.get("timestamp") or self.clock}
            if event["event"] == "slot":
                self.slots[event["name"]] = event["value"]
            elif event["event"] == "session_started":
                self.slots = {}
            self.events.append(stored)

    def click(self, payload: str) -> list[dict[str, Any]]:
        """A button: its payload as the message, its intent and entities as Rasa reads them."""
        intent, _, body = payload[1:].partition("{")
        entities = json.loads("{" + body) if body else {}
        return self.say(payload, intent, **entities)


def write(path: Path, conversations: list[Conversation]) -> str:
    """The conversations as a SQLite tracker store; returns its SQLAlchemy URL."""
    with sqlite3.connect(path) as connection:
        connection.execute(SCHEMA)
        for conversation in conversations:
            for event in conversation.events:
                connection.execute(
                    "insert into events (sender_id, type_name, timestamp, intent_name, action_name, data) "
                    "values (?, ?, ?, ?, ?, ?)",
                    (
                        conversation.sender,
                        event["event"],
                        event["timestamp"],
                        (event.get("parse_data") or {}).get("intent", {}).get("name"),
                        event.get("name") if event["event"] == "action" else None,
                        json.dumps(event, ensure_ascii=False),
                    ),
                )
    return f"sqlite:///{path}"
