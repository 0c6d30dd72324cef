"""How far an assessment has come: "Fråga 2 av högst 5".

The number of questions left depends on the answers still to come, so the
honest figure is an upper bound: the questions answered so far plus the
longest path from the open question to an outcome. Routes (`next_if`) depend
on earlier answers, so the path is followed with the answers it would pick,
not read off the tree's shape alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from asf.guidance.engine import Walk
from asf.guidance.model import Tree


@dataclass(frozen=True)
class Progress:
    number: int  # the open question's place on the path, 1 for the first
    at_most: int  # the most questions this assessment can have, given the answers so far

    @property
    def text(self) -> str:
        return f"Fråga {self.number} av högst {self.at_most}"

    def payload(self) -> dict[str, Any]:
        """The progress as every channel receives it beside a question (see docs/integration.md)."""
        return {"number": self.number, "at_most": self.at_most, "text": self.text}


def longest_remaining(tree: Tree, node: str, chosen: Mapping[str, str]) -> int:
    """The most questions still to answer from `node` (counting it) to an outcome.

    The tree is small (a dozen questions) and the validator rules out cycles, so a
    plain depth-first search is fast enough (about a millisecond from the start).
    """
    question = tree.questions.get(node)
    if question is None:  # an outcome
        return 0
    return 1 + max(
        longest_remaining(tree, option.target(chosen), {**chosen, question.id: option.id})
        for option in question.options
    )


def progress(tree: Tree, current: Walk) -> Progress | None:
    """Where the open question stands; None when the walk has reached an outcome."""
    if current.question is None:
        return None
    answered = len(current.steps)
    return Progress(answered + 1, answered + longest_remaining(tree, current.question.id, current.used))
