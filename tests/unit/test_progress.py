"""Progress on every question: "Fråga n av högst N", from the tree's longest remaining path."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import ActionAnswer, ActionStartAssessment
from asf import dialogue
from asf.guidance.engine import walk
from asf.guidance.model import Tree
from asf.guidance.progress import Progress, progress
from asf.turns import Message, State


def completions(tree: Tree, answers: dict[str, str]) -> Iterator[int]:
    """How many questions each finished assessment has that starts with `answers`, found by the engine alone."""
    current = walk(tree, answers)
    if current.finished:
        yield len(current.steps)
        return
    assert current.question is not None
    for option in current.question.options:
        yield from completions(tree, {**answers, current.question.id: option.id})


def partial_walks(tree: Tree, answers: dict[str, str]) -> Iterator[dict[str, str]]:
    """Every set of answers that leaves a question open, reached by clicking through the tree."""
    current = walk(tree, answers)
    if current.finished or current.question is None:
        return
    yield answers
    for option in current.question.options:
        yield from partial_walks(tree, {**answers, current.question.id: option.id})


def test_the_bound_is_the_longest_assessment_still_possible_at_every_question(tree):
    checked = 0
    for answers in partial_walks(tree, {}):
        step = progress(tree, walk(tree, answers))
        assert step is not None
        assert step.number == len(answers) + 1
        assert step.at_most == max(completions(tree, answers)), answers
        checked += 1
    assert checked > len(tree.questions)  # every question, on every path to it


def test_no_progress_once_the_assessment_has_a_result(tree):
    finished = {"vem": "annan"}
    assert walk(tree, finished).finished
    assert progress(tree, walk(tree, finished)) is None


def test_the_text_is_plain_swedish():
    assert Progress(2, 5).text == "Fråga 2 av högst 5"
    assert Progress(2, 5).payload() == {"number": 2, "at_most": 5, "text": "Fråga 2 av högst 5"}


def test_every_question_the_dialogue_asks_carries_its_progress(tree):
    replies, state = dialogue.start(State())
    first = progress(tree, walk(tree, {}))
    assert first is not None and replies[-1].progress == first.payload()
    replies, state = dialogue.answer(
        state, Message(text="", intent="inform", entities={"question": ["vem"], "choice": ["deltagare"]})
    )
    assert replies[-1].progress is not None
    assert replies[-1].progress["number"] == 2
    assert replies[-1].progress["text"].startswith("Fråga 2 av högst ")


def test_a_result_carries_no_progress():
    replies, _ = dialogue.answer(
        State(current_question="vem"),
        Message(text="", intent="inform", entities={"question": ["vem"], "choice": ["annan"]}),
    )
    assert all(reply.progress is None for reply in replies)
    assert any(reply.custom for reply in replies)


def _run(action: Any, slots: dict[str, Any], intent: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    latest = {"text": "", "intent": {"name": intent, "confidence": 1.0}, "entities": entities}
    dispatcher = CollectingDispatcher()
    asyncio.run(action().run(dispatcher, Tracker("u", slots, latest, [], False, None, {}, "action_listen"), {}))
    return list(dispatcher.messages)


@pytest.mark.parametrize(
    ("action", "slots", "intent", "entities", "number"),
    [
        (ActionStartAssessment, {}, "start_assessment", [], 1),
        (
            ActionAnswer,
            {"current_question": "vem"},
            "inform",
            [{"entity": "question", "value": "vem"}, {"entity": "choice", "value": "deltagare"}],
            2,
        ),
    ],
)
def test_the_action_sends_the_progress_with_the_question(action, slots, intent, entities, number):
    messages = _run(action, slots, intent, entities)
    asked = messages[-1]
    assert asked["buttons"] and asked["progress"]["number"] == number
    assert asked["progress"]["text"] == f"Fråga {number} av högst {asked['progress']['at_most']}"


def test_the_web_channel_passes_the_progress_on():
    from channels.socketio import WebChatOutput

    sent: list[dict[str, Any]] = []

    class Output(WebChatOutput):
        async def _send_message(self, recipient_id: str, response: Any) -> None:
            sent.append(response)

    output = Output(None, "bot_uttered")
    step = {"number": 1, "at_most": 7, "text": "Fråga 1 av högst 7"}
    message = {"text": "Vem?", "buttons": [{"title": "Ja", "payload": "/ja"}], "progress": step, "custom": None}
    asyncio.run(output.send_response("u", message))
    asyncio.run(output.send_response("u", {"text": "Hej"}))
    assert sent == [{"text": "Vem?", "buttons": [{"title": "Ja", "payload": "/ja"}], "progress": step}, {"text": "Hej"}]
