"""The test stories stay true to the tree: button stories end at their outcome,
and together the stories cover every outcome."""

from __future__ import annotations

import json
from pathlib import Path

from asf import yamltext
from asf.guidance.engine import walk
from asf.guidance.model import Tree

STORIES = Path(__file__).resolve().parents[1] / "stories"


def stories(name: str) -> list[dict]:  # type: ignore[type-arg]
    loaded: list[dict] = yamltext.load((STORIES / name).read_text(encoding="utf-8"))["stories"]  # type: ignore[type-arg]
    return loaded


def user_messages(story: dict) -> list[str]:  # type: ignore[type-arg]
    return [step["user"].strip() for step in story["steps"] if "user" in step]


def test_every_button_story_reaches_its_outcome(tree: Tree):
    for story in stories("outcomes_by_buttons.yml"):
        answers = {}
        for message in user_messages(story):
            if message.startswith("/inform"):
                data = json.loads(message.removeprefix("/inform"))
                answers[data["question"]] = data["choice"]
        result = walk(tree, answers)
        assert result.outcome is not None
        assert story["story"] == f"buttons to {result.outcome.id}"


def test_buttons_and_free_text_cover_every_outcome(tree: Tree):
    by_buttons = {s["story"].removeprefix("buttons to ") for s in stories("outcomes_by_buttons.yml")}
    by_text = {s["story"].removeprefix("free text to ") for s in stories("free_text.yml")}
    assert by_buttons == set(tree.outcomes)
    assert len(by_text) >= 10 and by_text <= set(tree.outcomes)


def test_free_text_stories_use_no_buttons():
    for story in stories("free_text.yml"):
        assert not any(message.startswith("/") for message in user_messages(story)), story["story"]
