"""Walks the tree: given the answers so far, the next question or the outcome.

Answers are a plain mapping from question id to option id, so they can live in
a Rasa slot, a test table or a terminal session alike. The walk always starts
from the root, so changing an earlier answer simply re-walks the tree; answers
to questions that are no longer on the path are reported as unused.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from asf.guidance.model import (
    ANSWER_PLACEHOLDER,
    Citation,
    Option,
    Outcome,
    Question,
    Statement,
    Tree,
    sentence_case,
)


class AnswerError(ValueError):
    """The answers do not fit the tree (unknown question or option, wrong type)."""


@dataclass(frozen=True)
class Step:
    """One answered question on the path."""

    question: Question
    option: Option

    @property
    def cites(self) -> tuple[Citation, ...]:
        return _unique((*self.question.cites, *self.option.cites))


@dataclass(frozen=True)
class Walk:
    steps: tuple[Step, ...]
    question: Question | None  # the next question, when no outcome is reached yet
    outcome: Outcome | None
    used: Mapping[str, str]  # answers on the path, in path order
    unused: Mapping[str, str]  # answers given but not (or not yet) on the path

    @property
    def finished(self) -> bool:
        return self.outcome is not None

    def fill(self, text: str) -> str:
        """Replace `{svar:question}` with the label of the answer on this path."""
        words = {step.question.id: step.option.in_text or step.option.label for step in self.steps}

        def answer(match: Any) -> str:
            question_id = match.group(1)
            if question_id not in words:
                raise AnswerError(f"Texten behöver svaret på '{question_id}', men den frågan är inte besvarad.")
            # A label may itself hold a placeholder ("Via {svar:utforare}"); one level is enough.
            word = ANSWER_PLACEHOLDER.sub(lambda inner: words.get(inner.group(1), "parten"), words[question_id])
            return sentence_case(word) if match.start() == 0 else word

        return ANSWER_PLACEHOLDER.sub(answer, text)

    def cites_of(self, statement: Statement) -> tuple[Citation, ...]:
        """A statement's citations, with those of the option chosen for its `cite_answer` question."""
        chosen = next((step.option for step in self.steps if step.question.id == statement.cite_answer), None)
        return _unique((*statement.cites, *(chosen.cites if chosen else ())))


def check_answers(tree: Tree, answers: Any) -> dict[str, str]:
    """The answers as a clean dict; AnswerError for anything the tree does not know."""
    if answers is None:
        return {}
    if not isinstance(answers, Mapping):
        raise AnswerError("Svaren måste vara en samling fråga → svar.")
    clean: dict[str, str] = {}
    for question_id, option_id in answers.items():
        if not isinstance(question_id, str) or not isinstance(option_id, str):
            raise AnswerError(f"Ogiltigt svar: {question_id!r} → {option_id!r}. Både fråga och svar ska vara text.")
        question = tree.questions.get(question_id)
        if question is None:
            raise AnswerError(f"Det finns ingen fråga med id '{question_id}'.")
        if question.option(option_id) is None:
            known = ", ".join(option.id for option in question.options)
            raise AnswerError(f"Frågan '{question_id}' har inget svarsalternativ '{option_id}'. Möjliga: {known}.")
        clean[question_id] = option_id
    return clean


def walk(tree: Tree, answers: Any) -> Walk:
    """Follow the answers from the start question as far as they go."""
    given = check_answers(tree, answers)
    steps: list[Step] = []
    node = tree.start
    # The validator rules out cycles; the bound guards against a tree built by hand.
    for _ in range(len(tree.questions) + 1):
        if node in tree.outcomes:
            return _finish(steps, given, question=None, outcome=tree.outcomes[node])
        question = tree.questions.get(node)
        if question is None:
            raise AnswerError(f"Trädet leder till '{node}', som inte finns.")
        chosen = given.get(question.id)
        if chosen is None:
            return _finish(steps, given, question=question, outcome=None)
        option = question.option(chosen)
        assert option is not None  # checked by check_answers
        earlier = {step.question.id: step.option.id for step in steps}
        steps.append(Step(question, option))
        node = option.target(earlier)
    raise AnswerError("Trädet innehåller en slinga; kör `make validate`.")


def _finish(steps: list[Step], given: dict[str, str], question: Question | None, outcome: Outcome | None) -> Walk:
    used = {step.question.id: step.option.id for step in steps}
    unused = {qid: oid for qid, oid in given.items() if qid not in used}
    return Walk(steps=tuple(steps), question=question, outcome=outcome, used=used, unused=unused)


def back(tree: Tree, answers: Any) -> dict[str, str]:
    """The answers without the last one on the path (one step back)."""
    current = walk(tree, answers)
    if not current.steps:
        return dict(current.used)
    last = current.steps[-1].question.id
    return {qid: oid for qid, oid in current.used.items() if qid != last}


def reopen(tree: Tree, answers: Any, question_id: str) -> dict[str, str]:
    """The answers with `question_id` cleared so it is asked again.

    Later answers are kept: if they still apply after the new answer, the walk
    uses them and the user is not asked again; if not, they end up unused.
    """
    given = check_answers(tree, answers)
    if question_id not in tree.questions:
        raise AnswerError(f"Det finns ingen fråga med id '{question_id}'.")
    return {qid: oid for qid, oid in given.items() if qid != question_id}


def _unique(cites: tuple[Citation, ...]) -> tuple[Citation, ...]:
    return tuple(dict.fromkeys(cites))
