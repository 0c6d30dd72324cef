"""One conversation's stored events, replayed into what the statistics count.

The events are the ones Rasa keeps in its tracker store (user and bot messages, the actions
run and the slots they set), as plain dicts. The slots are the assessment state the actions
keep (actions/actions.py), so the replay follows them:

- an assessment starts when the first question is asked or a summary of a description is
  shown; "Ny bedömning" or "Börja om" with answers given ends the open one and starts another;
- it has a result when the `assessment_result` payload is sent (not when "Visa resultatet"
  repeats it); changing an answer after a result gives a new result, counted as a new
  assessment;
- it stops without a result when the conversation (or the Rasa session) ends first, at the
  last question asked; a session the actions start for a new assessment, with the state
  carried over (asf/sessions.py), does not end anything;
- a rise of the `misunderstood` slot is an answer the assistant did not understand;
- the `feedback` slot (asf/feedback.py) and the `training` slot (asf/training/flow.py) give
  the feedback and the training rounds.

Nothing here keeps a sender id; free text is kept only for the misunderstood messages, the
feedback comments and (on request) the transcript, and is masked again (asf/privacy.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from asf.privacy import mask
from asf.sessions import continues

SUMMARY = "sammanfattning"  # where an assessment stopped when only a description's summary was shown
RESTARTS = frozenset({"action_start_assessment", "action_restart_assessment"})
# A click whose buttons were not shown in the conversation (the greeting came from the page): named
# by what the button does, in the words of the greeting's and the result's buttons.
BUTTONS = {
    "start_assessment": "Bedöm en insats",
    "start_training": "Övningsläge",
    "ask_help": "Vad kan du?",
    "ask_why": "Varför blev det så?",
    "request_memo": "Beslutsunderlag",
    "show_summary": "Visa sammanfattning",
    "human_handoff": "Prata med en person",
}


@dataclass
class Assessment:
    started: float
    channel: str
    messages: int = 1  # the user's messages from the one that started it to the one that gave the result
    last_question: str | None = None
    summary_shown: bool = False
    summary_rejected: bool = False
    finished: float | None = None
    outcome: str | None = None
    verdict: str | None = None
    result_id: str | None = None
    feedback: str | None = None  # "ja" or "nej"
    comment: str | None = None

    @property
    def stopped_at(self) -> str | None:
        """The question an unfinished assessment stopped at (SUMMARY for a summary); None when finished."""
        if self.finished is not None:
            return None
        return self.last_question or (SUMMARY if self.summary_shown else None)


@dataclass
class Misread:
    """A message the assistant did not understand: at a question (or None outside one), masked."""

    at: float
    question: str | None
    text: str


@dataclass
class TrainingRound:
    started: float
    judgements: list[tuple[str, bool]] = field(default_factory=list)  # (case id, right)


@dataclass
class Line:
    """One line of a transcript: who said it, when, and what (masked)."""

    at: float
    speaker: str  # "user" or "bot"
    text: str


@dataclass
class Conversation:
    assessments: list[Assessment] = field(default_factory=list)
    typed_answers: list[tuple[float, str]] = field(default_factory=list)  # (time, question) of each typed answer
    misreads: list[Misread] = field(default_factory=list)
    rounds: list[TrainingRound] = field(default_factory=list)
    transcript: list[Line] = field(default_factory=list)
    first: float | None = None
    last: float | None = None
    channel: str = ""


def _intent(event: dict[str, Any]) -> str | None:
    name = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
    return name if isinstance(name, str) else None


def _button_title(payload: str, buttons: list[dict[str, Any]]) -> str | None:
    for item in buttons:
        if isinstance(item, dict) and item.get("payload") == payload:
            return str(item.get("title", ""))
    return None


class _Replay:
    def __init__(self, transcript: bool) -> None:
        self.out = Conversation()
        self.keep_transcript = transcript
        self.slots: dict[str, Any] = {}
        self.current: Assessment | None = None
        self.round: TrainingRound | None = None
        self.last_action: str | None = None
        self.user_at = 0.0
        self.user_text = ""
        self.user_channel = ""
        self.buttons: list[dict[str, Any]] = []  # the last buttons shown, to name a click in a transcript
        self.carrying = False  # right after a session start that carries the conversation on

    # --- assessments
    def open(self) -> Assessment:
        self.current = Assessment(started=self.user_at, channel=self.user_channel)
        self.out.assessments.append(self.current)
        return self.current

    def close(self) -> None:
        self.current = None

    def close_round(self) -> None:
        self.round = None

    # --- events
    def user(self, event: dict[str, Any], at: float) -> None:
        raw = event.get("text")
        text = raw if isinstance(raw, str) else ""
        self.user_at, self.user_text = at, text
        self.user_channel = str(event.get("input_channel") or self.user_channel or "")
        self.out.channel = self.out.channel or self.user_channel
        question = self.slots.get("current_question")
        if question and text and not text.startswith("/") and not self.slots.get("training"):
            self.out.typed_answers.append((at, question))
        if self.current is not None:
            self.current.messages += 1
            if self.slots.get("pending_answers") and _intent(event) in ("deny", "change_answer"):
                self.current.summary_rejected = True
        if self.keep_transcript:
            shown = _button_title(text, self.buttons) if text.startswith("/") else None
            if shown is None and text.startswith("/"):
                shown = BUTTONS.get(text[1:].split("{")[0], "en knapp")
            said = f"[{shown}]" if shown is not None else text
            self.out.transcript.append(Line(at, "user", mask(said)))

    def bot(self, event: dict[str, Any], at: float) -> None:
        data = event.get("data") or {}
        custom = data.get("custom") if isinstance(data, dict) else None
        if isinstance(custom, dict) and custom.get("type") == "assessment_result":
            if self.last_action != "action_show_result":
                assessment = self.current or self.open()
                assessment.finished = at
                assessment.outcome = custom.get("outcome_id")
                assessment.verdict = custom.get("verdict")
                assessment.result_id = custom.get("id")
                self.close()
            return
        buttons = data.get("buttons") if isinstance(data, dict) else None
        if isinstance(buttons, list) and buttons:
            self.buttons = buttons
        text = event.get("text")
        if self.keep_transcript and isinstance(text, str) and text.strip():
            titles = [str(b.get("title", "")) for b in buttons or [] if isinstance(b, dict)]
            shown = text + ("\n" + " | ".join(f"[{t}]" for t in titles) if titles else "")
            self.out.transcript.append(Line(at, "bot", mask(shown)))

    def slot(self, name: str, value: Any, at: float) -> None:
        old = self.slots.get(name)
        if name == "answers" and value == {} and old and self.last_action in RESTARTS and self.current is not None:
            self.close()  # a new assessment while one was open: the open one stopped here
        elif name == "current_question" and value:
            (self.current or self.open()).last_question = value
        elif name == "pending_answers" and value:
            (self.current or self.open()).summary_shown = True
        elif name == "misunderstood" and isinstance(value, (int, float)) and value > (old or 0):
            question = self.slots.get("current_question")
            self.out.misreads.append(Misread(self.user_at, question or None, mask(self.user_text)))
        elif name == "training":
            self.training(old if isinstance(old, dict) else None, value if isinstance(value, dict) else None)
        elif name == "feedback" and isinstance(value, dict) and value.get("answer") in ("ja", "nej"):
            for assessment in reversed(self.out.assessments):
                if assessment.result_id is not None and assessment.result_id == value.get("result"):
                    assessment.feedback = value["answer"]
                    comment = value.get("comment")
                    assessment.comment = mask(comment) if isinstance(comment, str) and comment.strip() else None
                    break
        self.slots[name] = value

    def training(self, old: dict[str, Any] | None, new: dict[str, Any] | None) -> None:
        if new is None:
            self.close_round()
            return
        judged, before = int(new.get("judged", 0)), int(old.get("judged", 0)) if old else 0
        if old is None or judged < before or new.get("cases") != old.get("cases"):
            self.round = TrainingRound(self.user_at)
            self.out.rounds.append(self.round)
        if old is not None and judged > before and self.round is not None:
            cases, position = new.get("cases") or [], int(new.get("position", 0))
            if 0 <= position < len(cases):
                right = int(new.get("correct", 0)) > int(old.get("correct", 0))
                self.round.judgements.append((str(cases[position]), right))

    def feed(self, event: dict[str, Any]) -> None:
        kind = event.get("event")
        at = float(event.get("timestamp") or 0.0)
        if kind in ("user", "bot", "slot", "action", "session_started"):
            self.out.first = at if self.out.first is None else min(self.out.first, at)
            self.out.last = at if self.out.last is None else max(self.out.last, at)
        if kind == "user":
            self.user(event, at)
        elif kind == "bot":
            self.bot(event, at)
        elif kind == "action":
            name = event.get("name")
            self.last_action = name if isinstance(name, str) else None
        elif kind == "slot" and isinstance(event.get("name"), str):
            if self.carrying:
                self.slots[event["name"]] = event.get("value")  # the same value, carried into the new session
            else:
                self.slot(event["name"], event.get("value"), at)
        elif continues(event):
            # A new session the actions started (asf/sessions.py): the conversation goes on, and the
            # slot events after it carry the state over unchanged.
            self.carrying = True
        elif kind in ("session_started", "restart"):
            # A new Rasa session starts with empty slots: what was open stopped here.
            self.close()
            self.close_round()
            self.slots = {}
        if kind != "slot" and not continues(event):
            self.carrying = False


def replay(events: Iterable[dict[str, Any]], transcript: bool = False) -> Conversation:
    """The assessments, misunderstood messages, training rounds (and transcript) of one conversation."""
    state = _Replay(transcript)
    for event in events:
        if isinstance(event, dict):
            state.feed(event)
    return state.out
