"""The shapes one conversational turn works with: the message in, the state
kept in slots, and the replies out. Shared by the assessment and training flows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Message:
    """The user's latest message as the NLU understood it."""

    text: str = ""
    intent: str | None = None
    entities: dict[str, list[str]] = field(default_factory=dict)

    @property
    def typed(self) -> bool:
        """Written by the user, not a button's payload ("/inform{…}") and not empty."""
        return bool(self.text.strip()) and not self.text.startswith("/")

    def entity(self, name: str) -> str | None:
        values = self.entities.get(name) or []
        return values[0] if values else None


@dataclass(frozen=True)
class State:
    answers: dict[str, str] = field(default_factory=dict)
    current_question: str | None = None
    pending: dict[str, str] | None = None  # answers read from a description, awaiting confirmation
    evidence: dict[str, str] | None = None  # the user's own words behind each answer read from a description
    correcting: bool = False  # the user said the summary is wrong and is choosing the wrong line
    last_result: dict[str, Any] | None = None
    misunderstood: int = 0
    description: str | None = None  # the initiative in the user's own words, as masked by the channel
    training: dict[str, Any] | None = None  # the running training round, see asf/training/flow.py
    feedback: dict[str, Any] | None = None  # "Hade du nytta av bedömningen?" for the last result, see asf/feedback.py
    # The answers typed in this assessment (as masked by the channel), each with the question open when it was
    # typed: words that answer a later question are named there (dialogue._suggested_by_earlier_answers).
    typed_answers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Reply:
    text: str | None = None
    buttons: tuple[dict[str, str], ...] = ()
    custom: dict[str, Any] | None = None
    # Beside a question: how far the assessment has come (asf/guidance/progress.py), sent with the
    # text as the message's `progress` so every channel can show it its own way.
    progress: dict[str, Any] | None = None


Turn = tuple[list[Reply], State]


def button(title: str, payload: str) -> dict[str, str]:
    return {"title": title, "payload": payload}
