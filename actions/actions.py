"""Rasa SDK actions: tracker -> dialogue turn -> dispatcher.

Each action reads the assessment state from slots, lets asf.dialogue decide
what to say, sends it and stores the new state. No logic lives here.
"""

from __future__ import annotations

import logging
from abc import ABCMeta, abstractmethod
from collections.abc import Callable
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from asf import dialogue, feedback, routing, sessions
from asf.training import flow as training
from asf.turns import Message, State, Turn

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
        evidence=mapping("pending_evidence"),
        correcting=tracker.get_slot("correcting") is True,
        last_result=mapping("last_result"),
        misunderstood=int(misunderstood) if isinstance(misunderstood, (int, float)) else 0,
        training=mapping("training"),
        description=description if isinstance(description := tracker.get_slot("description"), str) else None,
        feedback=mapping("feedback"),
        typed_answers=_typed_answers(tracker.get_slot("typed_answers")),
    )


def _typed_answers(value: Any) -> tuple[tuple[str, str], ...]:
    """The slot's [question, text] pairs; anything else (an older or forged value) is no answer."""
    if not isinstance(value, list):
        return ()
    return tuple(
        (pair[0], pair[1])
        for pair in value
        if isinstance(pair, list) and len(pair) == 2 and all(isinstance(part, str) for part in pair)
    )


def read_message(tracker: Tracker) -> Message:
    latest = tracker.latest_message or {}
    entities: dict[str, list[str]] = {}
    for entity in latest.get("entities") or []:
        name, value = entity.get("entity"), entity.get("value")
        if isinstance(name, str) and isinstance(value, str):
            entities.setdefault(name, []).append(value)
    intent = (latest.get("intent") or {}).get("name")
    text = latest.get("text") or ""
    # "/intent{...}" is a button payload (or a forged one): its entities count, its text is not
    # free text, or a word inside the JSON could match an answer's keywords.
    message = Message(text="" if text.startswith("/") else text, intent=intent, entities=entities)
    if message.typed:
        buttons = _last_buttons(tracker)
        return (
            dialogue.chosen_by_yes(message.text, buttons)
            or dialogue.chosen_by_title(message.text, buttons)
            or dialogue.chosen_by_order(message.text, buttons)
            or message
        )
    return message


def _last_buttons(tracker: Tracker) -> list[dict[str, Any]]:
    """The buttons of the assistant's last message before the user's latest one."""
    for event in reversed(tracker.events or []):
        if event.get("event") == "bot":
            return list((event.get("data") or {}).get("buttons") or [])
    return []


def state_events(before: State, after: State) -> list[EventType]:
    # The same slots, in the same order, as sessions.STATE_SLOTS (a unit test checks it).
    changes = {
        "answers": (before.answers, after.answers),
        "current_question": (before.current_question, after.current_question),
        "pending_answers": (before.pending, after.pending),
        "pending_evidence": (before.evidence, after.evidence),
        "correcting": (before.correcting, after.correcting),
        "last_result": (before.last_result, after.last_result),
        "misunderstood": (float(before.misunderstood), float(after.misunderstood)),
        "training": (before.training, after.training),
        "description": (before.description, after.description),
        "feedback": (before.feedback, after.feedback),
        "typed_answers": (_as_lists(before.typed_answers), _as_lists(after.typed_answers)),
    }
    return [SlotSet(slot, new) for slot, (old, new) in changes.items() if old != new]


def _as_lists(pairs: tuple[tuple[str, str], ...]) -> list[list[str]] | None:
    """Pairs as the slot keeps them (JSON has no tuples); none as no value."""
    return [list(pair) for pair in pairs] or None


StepFunction = Callable[[State, Message], Turn]


class DialogueAction(Action, metaclass=ABCMeta):
    """Runs one step of asf.dialogue (or of the training flow) for the latest message.

    Abstract, so rasa-sdk registers only the actions made by `_action` below.
    """

    action_name = ""

    @staticmethod
    @abstractmethod
    def step(state: State, message: Message) -> Turn:
        """The dialogue step this action runs."""

    def name(self) -> str:
        return self.action_name

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        state = read_state(tracker)
        message = read_message(tracker)
        # A typed "ja" to "Vill du avbryta bedömningen?" is the yes button, whose step is another action's.
        step = _YES_STEPS.get(message.intent or "", type(self).step) if not message.typed else type(self).step
        replies, new_state = step(state, message)
        notice = dialogue.privacy_notice(message)
        if notice is not None:
            replies = [notice, *replies]
        for reply in replies:
            if reply.custom is not None:
                dispatcher.utter_message(json_message=reply.custom)
            else:
                # Extra keys travel with the message to the channel (Rasa keeps them as the bot event's metadata).
                extra = {"progress": reply.progress} if reply.progress is not None else {}
                dispatcher.utter_message(text=reply.text, buttons=list(reply.buttons), **extra)
        events = state_events(state, new_state)
        if sessions.wanted(len(tracker.events), state, new_state):
            # Rasa runs its session start after this turn and ends the turn there (asf/sessions.py).
            events.append(FollowupAction(sessions.NAME))
        return events


def _action(action_name: str, step: StepFunction) -> type[DialogueAction]:
    # Every step is wrapped: right after the feedback question a typed "ja" or comment is feedback,
    # unless it corrects an answer of the result or asks for the memo; a typed request for the memo
    # ("promemoria", "PM") after a result gives it, whatever intent the NLU picked.
    # While the summary waits for "Ja" or "Nej", a typed line it lacks is added, whatever the intent.
    # After a what-if's result, its buttons' words typed choose as the buttons do, before any of that (the feedback
    # question comes after that result too).
    guarded = routing.trial_choice_first(
        feedback.around(routing.memo_first(routing.summary_first(step)), unless=routing.not_feedback)
    )
    return type(action_name, (DialogueAction,), {"action_name": action_name, "step": staticmethod(guarded)})


def _stateless(turn: Callable[[State], Turn]) -> StepFunction:
    """A step that needs only the state, not the message."""
    return lambda state, message: turn(state)


# The actions named in domain.yml, each one step of the dialogue.
ActionGreet = _action("action_greet", dialogue.unless_an_answer(_stateless(dialogue.greet)))
ActionGoodbye = _action(
    "action_goodbye", routing.not_for_a_question(dialogue.unless_an_answer(_stateless(dialogue.goodbye)))
)
ActionThanks = _action(
    "action_thanks", routing.not_for_a_question(dialogue.unless_an_answer(_stateless(dialogue.thanks)))
)
ActionStartAssessment = _action(
    "action_start_assessment", dialogue.other_question_first(dialogue.unless_an_answer(dialogue.start))
)
# In training a description or a question about the case is about the case: it never leaves the training silently
# (trial 73, t73-7: "men är inte en ny ugn att utveckla företaget? …" after the feedback started an assessment).
ActionDescribeInitiative = _action("action_describe_initiative", routing.in_training(dialogue.describe))
# In training a typed answer is about the case, never a change of the user's own earlier result.
ActionAnswer = _action("action_answer", routing.in_training(dialogue.answer))
ActionWhy = _action(
    "action_why",
    dialogue.other_question_first(
        dialogue.unless_a_concept_question(
            dialogue.unless_a_correction(
                dialogue.why_after_an_answer_first(dialogue.unless_an_answer_not_a_why(dialogue.why_asked))
            )
        )
    ),
)
ActionBack = _action(
    "action_back",
    routing.in_training(
        dialogue.other_question_first(
            dialogue.unless_a_correction(dialogue.unless_no_step_back(_stateless(dialogue.go_back)))
        )
    ),
)
# "andra aktörer" (other actors), typed as an answer, was read as "ändra" (change): an answer stays one.
# "ändrar det något att maten köps från ett ASF?" asks about own purchases: that topic first.
ActionChangeAnswer = _action(
    "action_change_answer",
    routing.in_training(dialogue.other_question_first(dialogue.unless_a_statement_answers(dialogue.change))),
)
# "ja hon har stöd från både psykiatrin och FK" was read as a request for the summary: an answer stays one.
# "… Sammanfattningen stämmer i övrigt." while the summary waits is its answer (trial 74), not a request to see it.
ActionSummary = _action(
    "action_summary",
    routing.in_training(
        dialogue.other_question_first(
            dialogue.unless_a_correction(dialogue.unless_an_answer(_stateless(dialogue.summary)))
        )
    ),
)
# "resebolaget och restaurangen, dvs våra egna kostnader", an answer, was read as "börja om".
ActionRestartAssessment = _action("action_restart_assessment", dialogue.restart)
ActionHelp = _action(
    "action_help", dialogue.other_question_first(dialogue.unless_an_answer(_stateless(dialogue.help_turn)))
)
# "hur stor andel av budgeten får vi lägga på ASF?" was read as a concept question: another topic first.
# In training a verdict that names a concept ("kan finansieras, det är ju positivt för ASF", trial 73, t73-7) is the
# verdict; any other message about a concept is explained, in training too.
ActionExplainConcept = _action(
    "action_explain_concept",
    routing.verdict_first_in_training(
        dialogue.other_question_first(dialogue.unless_a_statement_names_answers(dialogue.concept))
    ),
)
ActionHandoff = _action(
    "action_handoff",
    dialogue.topic_before_handoff(
        dialogue.initiative_before_handoff(dialogue.unless_a_statement_answers(_stateless(dialogue.handoff)))
    ),
)
# "kan chattloggen bli en allmän handling?" was read as a request for the result (trial 24, t24-10).
ActionShowResult = _action(
    "action_show_result",
    routing.in_training(dialogue.other_question_first(dialogue.unless_an_answer(dialogue.show_result))),
)
ActionFallback = _action("action_fallback", dialogue.fallback)
ActionRequestMemo = _action("action_request_memo", routing.in_training(dialogue.request_memo))
# Outside training, the training's intents count only for messages that ask for the training.
ActionStartTraining = _action("action_start_training", routing.training_intent(dialogue.start_training))
ActionJudge = _action("action_judge", routing.training_intent(dialogue.unless_an_answer(training.judge)))
ActionSkipCase = _action(
    "action_skip_case", routing.training_intent(dialogue.unless_an_answer(_stateless(training.next_case)))
)
ActionFeedback = _action("action_feedback", feedback.answer)
ActionStopTraining = _action(
    "action_stop_training", routing.training_intent(dialogue.unless_an_answer(_stateless(dialogue.stop_training)))
)

# The steps a typed "ja" may stand for (dialogue.chosen_by_yes), beside the NLU's "affirm", and a typed button
# title that picks an answer to change (dialogue.chosen_by_title).
_YES_STEPS: dict[str, StepFunction] = {
    "start_over": ActionRestartAssessment.step,
    "start_training": ActionStartTraining.step,
    "change_answer": ActionChangeAnswer.step,
}
