"""How well the assistant reads facts from descriptions and typed answers (make evaluate).

Scored on sets written by someone who saw only the guidance and the tree's questions
and options (tests/eval/), split once into a development half and a held-out half. Two
more sets by other such writers (`*_dev2.yml`, `*_dev3.yml`, `*_dev4.yml`) were added to the
development half only; `--set dev3` or `--set dev4` scores one alone (each was scored once
before anything was tuned on it, as a fresh measure).
Tune only on the development half; the held-out half is scored, never read:
`--show` (the misread items) refuses to print it.

    python -m bench.understanding [--set dev|dev3|dev4|heldout] [--show]

Figures (targets in the issue: precision >= 0.98, recall >= 0.80, wrong verdicts 0,
typed-answer accuracy >= 0.95, recorded wrongly without asking <= 0.5 %):
- precision: proposed facts that the gold states with the same option;
- recall: stated gold facts that were proposed;
- wrong verdicts: descriptions whose summary, if accepted, makes an outcome reachable
  whose verdict is not accepted and that the true facts could not reach;
- questions asked: questions on the path after the summary, answered truthfully;
- typed answers: recorded as the gold option, or asked back when the gold is `oklart`;
  "recorded wrongly" is an option recorded that is not the gold one.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from asf import other_questions
from asf.guidance import understanding
from asf.guidance.engine import AnswerError, walk
from asf.guidance.loader import default_tree
from asf.guidance.model import Tree

EVAL_DIR = Path(__file__).resolve().parent.parent / "tests" / "eval"
UNCLEAR = "oklart"


def load(name: str, part: str) -> list[dict[str, Any]]:
    """One half of a set; the development half is the first set's half plus the sets written later."""
    later = [EVAL_DIR / f"{name}_dev{n}.yml" for n in (2, 3, 4)] if part == "dev" else []
    files = [EVAL_DIR / f"{name}_{part}.yml", *later]
    items: list[dict[str, Any]] = []
    for path in files:
        items += yaml.safe_load(path.read_text(encoding="utf-8"))
    return items


def valid_facts(tree: Tree, facts: Mapping[str, str]) -> dict[str, str]:
    """Gold facts this tree can express (an older tree lacks some options)."""
    return {
        question: option
        for question, option in facts.items()
        if question in tree.questions and tree.questions[question].option(option) is not None
    }


def proposed_facts(tree: Tree, text: str) -> dict[str, str]:
    reading = understanding.read_description(tree, text)
    return {question: fact.option for question, fact in reading.facts.items()}


def reachable_outcomes(tree: Tree, fixed: Mapping[str, str]) -> set[str]:
    """Outcomes reachable when the fixed answers hold and every other question may get any answer."""
    found: set[str] = set()

    def explore(answers: dict[str, str]) -> None:
        try:
            current = walk(tree, answers)
        except AnswerError:
            return
        if current.outcome is not None:
            found.add(current.outcome.id)
            return
        assert current.question is not None
        for option in current.question.options:
            explore({**answers, current.question.id: option.id})

    explore(dict(fixed))
    return found


def questions_after(tree: Tree, proposed: Mapping[str, str], gold: Mapping[str, str], accepted: set[str]) -> int:
    """Questions asked after the accepted summary: gold answers where stated, else a route to an accepted verdict."""
    answers = dict(proposed)
    asked = 0
    for _ in range(len(tree.questions) + 1):
        current = walk(tree, answers)
        if current.question is None:
            return asked
        asked += 1
        question = current.question
        if question.id in gold:
            answers[question.id] = gold[question.id]
        else:
            fitting = [
                option.id
                for option in question.options
                if any(
                    tree.outcomes[o].verdict in accepted
                    for o in reachable_outcomes(tree, {**answers, question.id: option.id})
                )
            ]
            answers[question.id] = (fitting or [question.options[0].id])[0]
    return asked


@dataclass
class DescriptionScore:
    proposed: int = 0
    correct: int = 0
    stated: int = 0
    wrong_verdicts: int = 0
    questions: int = 0
    initiatives: int = 0
    other_questions: int = 0
    other_recognised: int = 0
    initiatives_taken_as_other: int = 0
    misread: list[str] = field(default_factory=list)


def score_descriptions(tree: Tree, items: list[dict[str, Any]]) -> DescriptionScore:
    score = DescriptionScore()
    for item in items:
        topic = other_questions.recognise(item["text"])
        if item.get("kind") == "not_initiative":
            score.other_questions += 1
            score.other_recognised += topic is not None
            continue
        if topic is not None:
            score.initiatives_taken_as_other += 1
            score.misread.append(f"{item['id']}: {item['text']}\n    taken as the other question {topic.id}")
        gold = valid_facts(tree, item.get("facts") or {})
        accepted = set(item.get("verdicts") or [])
        proposed = proposed_facts(tree, item["text"])
        right = {q: o for q, o in proposed.items() if gold.get(q) == o}
        score.initiatives += 1
        score.proposed += len(proposed)
        score.correct += len(right)
        score.stated += len(gold)
        with_summary = reachable_outcomes(tree, {**gold, **proposed})
        truth = reachable_outcomes(tree, gold)
        wrong = sorted(o for o in with_summary - truth if tree.outcomes[o].verdict not in accepted)
        score.wrong_verdicts += bool(wrong)
        score.questions += questions_after(tree, proposed, gold, accepted)
        if len(right) != len(proposed) or wrong:
            score.misread.append(f"{item['id']}: {item['text']}\n    gold {gold}\n    read {proposed}  {wrong or ''}")
    return score


@dataclass
class AnswerScore:
    total: int = 0
    right: int = 0
    recorded_wrongly: int = 0
    misread: list[str] = field(default_factory=list)


def recorded_option(tree: Tree, question_id: str, text: str) -> str | None:
    """The option the assistant would record for a typed answer, or None when it asks back."""
    reading = understanding.read_answer(tree.questions[question_id], text)
    return reading.option.id if reading.option is not None else None


def score_answers(tree: Tree, items: list[dict[str, Any]]) -> AnswerScore:
    score = AnswerScore()
    for item in items:
        question = tree.questions.get(item["question"])
        gold = item["gold"]
        if question is None or (gold != UNCLEAR and question.option(gold) is None):
            continue  # an option this tree does not have
        recorded = recorded_option(tree, question.id, item["text"])
        score.total += 1
        if recorded == (None if gold == UNCLEAR else gold):
            score.right += 1
        else:
            if recorded is not None:
                score.recorded_wrongly += 1
            score.misread.append(f"{item['id']} [{question.id}] {item['text']!r}: gold {gold}, recorded {recorded}")
    return score


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


def report(part: str, show: bool) -> Iterator[str]:
    tree = default_tree()
    described = score_descriptions(tree, load("descriptions", part))
    answered = score_answers(tree, load("typed_answers", part))
    yield f"Förståelse, {part} (trädet {tree.version}):"
    yield f"  beskrivningar: {described.initiatives}, typade svar: {answered.total}"
    yield f"  föreslagna fakta, precision: {ratio(described.correct, described.proposed)} (mål >= 0.98)"
    yield f"  angivna fakta, recall: {ratio(described.correct, described.stated)} (mål >= 0.80)"
    yield f"  beskrivningar som ger en bedömning utanför de godtagna: {described.wrong_verdicts} (mål 0)"
    yield f"  frågor efter en beskrivning, medel: {described.questions / max(described.initiatives, 1):.2f}"
    yield (
        f"  andra frågor än om en insats: {described.other_recognised} av {described.other_questions} känns igen; "
        f"{described.initiatives_taken_as_other} insatser misstas för en sådan fråga (mål 0)"
    )
    yield f"  typade svar rätt: {ratio(answered.right, answered.total)} (mål >= 0.95)"
    yield f"  typade svar sparade fel utan fråga: {ratio(answered.recorded_wrongly, answered.total)} (mål <= 0.005)"
    if show:
        yield from ("", *described.misread, "", *answered.misread)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=["dev", "dev3", "dev4", "heldout"], default="heldout")
    parser.add_argument("--show", action="store_true", help="print the misread items (development half only)")
    args = parser.parse_args(argv)
    if args.show and args.set == "heldout":
        print("Den hållna halvan visas aldrig, bara dess siffror.", file=sys.stderr)
        return 2
    for line in report(args.set, args.show):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
