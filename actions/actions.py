"""Rasa SDK actions: tracker -> dialogue turn -> dispatcher.

Each action reads the assessment state from slots, lets actions.dialogue decide
what to say, sends it and stores the new state. No logic lives here.
"""

from __future__ import annotations

import logging
from abc import ABCMeta, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import dialogue
from actions.training import flow as training
from actions.turns import Message, State, Turn

logger = logging.getLogger(__name__)


def read_state(tracker: Tracker) -> State:
    def mapping(name: str) -> dict[str, Any] | None:
        value = tracker.get_slot(name)
        return value if isinstance(value, dict) else None

    answers = mapping("answers") or {}
    misunderstood = tracker.get_slot("misunderstood")
    current = tracker.get_slot("current_question")
    return State(
        answers={str(k): str(v) for k, v in answers.items()},
        current_question=current if isinstance(current, str) else None,
        pending=mapping("pending_answers"),
        last_result=mapping("last_result"),
        misunderstood=int(misunderstood) if isinstance(misunderstood, (int, float)) else 0,
        training=mapping("training"),
        description=description if isinstance(description := tracker.get_slot("description"), str) else None,
    )


def read_message(tracker: Tracker) -> Message:
    latest = tracker.latest_message or {}
    entities: dict[str, list[str]] = {}
    for entity in latest.get("entities") or []:
        name, value = entity.get("entity"), entity.get("value")
        if isinstance(name, str) and isinstance(value, str):
            entities.setdefault(name, []).append(value)
    intent = (latest.get("intent") or {}).get("name")
    return Message(text=latest.get("text") or "", intent=intent, entities=entities)


def state_events(before: State, after: State) -> list[EventType]:
    changes = {
        "answers": (before.answers, after.answers),
        "current_question": (before.current_question, after.current_question),
        "pending_answers": (before.pending, after.pending),
        "last_result": (before.last_result, after.last_result),
        "misunderstood": (float(before.misunderstood), float(after.misunderstood)),
        "training": (before.training, after.training),
        "description": (before.description, after.description),
    }
    return [SlotSet(slot, new) for slot, (old, new) in changes.items() if old != new]


class DialogueAction(Action, metaclass=ABCMeta):
    """Runs one step of actions.dialogue for the latest message.

    Abstract, so rasa-sdk registers only the concrete actions below.
    """

    action_name = ""

    def name(self) -> str:
        return self.action_name

    @abstractmethod
    def step(self, state: State, message: Message) -> Turn:
        """The dialogue step this action runs."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        state = read_state(tracker)
        message = read_message(tracker)
        replies, new_state = self.step(state, message)
        notice = dialogue.privacy_notice(message)
        if notice is not None:
            replies = [notice, *replies]
        for reply in replies:
            if reply.custom is not None:
                dispatcher.utter_message(json_message=reply.custom)
            else:
                dispatcher.utter_message(text=reply.text, buttons=list(reply.buttons))
        return state_events(state, new_state)


class ActionGreet(DialogueAction):
    action_name = "action_greet"

    def step(self, state: State, message: Message) -> Turn:
        return dialogue.greet(state)


class ActionStartAssessment(DialogueAction):
    action_name = "action_start_assessment"

    def step(self, state: State, message: Message) -> Turn:
        return dialogue.start(state)


class ActionDescribeInitiative(DialogueAction):
    action_name = "action_describe_initiative"

    def step(self, state: State, message: Message) -> Turn:
        return dialogue.describe(state, message)


class ActionAnswer(DialogueAction):
    action_name = "action_answer"

    def step(self, state: State, message: Message) -> Turn:
        return dialogue.answer(state, message)


class ActionWhy(DialogueAction):
    action_name = "action_why"

    def step(self, state: State, message: Message) -> Turn:
        return dialogue.why(state)


class ActionBack(DialogueAction):
    action_name = "action_back"

    def step(self, state: State, message: Message) -> Turn:
        return dialogue.go_back(state)


class ActionChangeAnswer(DialogueAction):
    action_name = "action_change_answer"

    def step(self, state: State, message: Message) -> Turn:
        return dialogue.change(state, message)


class ActionSummary(DialogueAction):
    action_name = "action_summary"

    def step(self, state: State, message: Message) -> Turn:
        return dialogue.summary(state)


class ActionRestartAssessment(DialogueAction):
    action_name = "action_restart_assessment"

    def step(self, state: State, message: Message) -> Turn:
        return dialogue.restart(state)


class ActionHelp(DialogueAction):
    action_name = "action_help"

    def step(self, state: State, message: Message) -> Turn:
        return dialogue.help_turn(state)


class ActionExplainConcept(DialogueAction):
    action_name = "action_explain_concept"

    def step(self, state: State, message: Message) -> Turn:
        return dialogue.concept(state, message)


class ActionHandoff(DialogueAction):
    action_name = "action_handoff"

    def step(self, state: State, message: Message) -> Turn:
        return dialogue.handoff(state)


class ActionShowResult(DialogueAction):
    action_name = "action_show_result"

    def step(self, state: State, message: Message) -> Turn:
        return dialogue.show_result(state)


class ActionFallback(DialogueAction):
    action_name = "action_fallback"

    def step(self, state: State, message: Message) -> Turn:
        return dialogue.fallback(state, message)


class ActionStartTraining(DialogueAction):
    action_name = "action_start_training"

    def step(self, state: State, message: Message) -> Turn:
        return training.start(state, message)


class ActionJudge(DialogueAction):
    action_name = "action_judge"

    def step(self, state: State, message: Message) -> Turn:
        return training.judge(state, message)


class ActionSkipCase(DialogueAction):
    action_name = "action_skip_case"

    def step(self, state: State, message: Message) -> Turn:
        return training.next_case(state)


class ActionStopTraining(DialogueAction):
    action_name = "action_stop_training"

    def step(self, state: State, message: Message) -> Turn:
        return training.stop(state)


class ActionRequestMemo(DialogueAction):
    action_name = "action_request_memo"

    def step(self, state: State, message: Message) -> Turn:
        return dialogue.request_memo(state)
