"""Loads and validates the training cases (cases.yml).

A case can never contradict the tree: each case states the answers it
implies, and validation walks the engine with them and requires the
outcome's verdict to be the case's verdict.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from asf import settings
from asf.guidance.engine import AnswerError, walk
from asf.guidance.model import Tree, Verdict
from asf.guidance.validator import Problem, in_file_order
from asf.guidance.yamlpos import LocatedYaml, YamlSyntaxError, load_located

CASES_FILE = settings.content_dir() / "training_cases.yml"
SCHEMA_FILE = settings.content_dir() / "training_cases.schema.json"
DEFAULT_ROUND = 5  # cases in a round when no named set is asked for


@dataclass(frozen=True)
class Case:
    id: str
    title: str
    story: str
    answers: dict[str, str]
    verdict: Verdict
    topic: str
    misunderstanding: str


@dataclass(frozen=True)
class CaseBook:
    version: str
    cases: dict[str, Case]
    sets: dict[str, tuple[str, ...]]

    def round(self, set_name: str | None = None, seed: int | None = None) -> list[str]:
        """The case ids of a round: a named set in its fixed order, or cases drawn by `seed`."""
        if set_name is not None:
            return list(self.sets[set_name])
        ids = sorted(self.cases)
        random.Random(seed).shuffle(ids)
        return ids[:DEFAULT_ROUND]


class CaseError(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("Övningsfallen har fel:\n" + "\n".join(f"- {p}" for p in problems))


def check_cases(tree: Tree, path: Path = CASES_FILE) -> list[Problem]:
    """Every problem in the case file, in plain Swedish with its line; empty when all is well."""
    try:
        doc = load_located(path)
    except YamlSyntaxError as error:
        return [Problem(str(path), None, str(error))]
    except OSError as error:
        return [Problem(str(path), None, f"Filen kan inte läsas: {error.strerror}.")]
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    problems = [
        Problem(
            doc.source, doc.line_of(tuple(error.absolute_path)), f"'{_where(error.absolute_path)}': {error.message}"
        )
        for error in jsonschema.Draft7Validator(schema).iter_errors(doc.data)
    ]
    if problems:
        return in_file_order(problems)
    return in_file_order(_semantic_problems(tree, doc))


def _where(path: Any) -> str:
    return "/".join(str(part) for part in path) or "filens början"


def _semantic_problems(tree: Tree, doc: LocatedYaml) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    reached: set[str] = set()
    for position, case in enumerate(doc.data["cases"]):
        line = doc.line_of(("cases", position))
        if case["id"] in seen:
            problems.append(Problem(doc.source, line, f"Två fall har id '{case['id']}'."))
        seen.add(case["id"])
        try:
            result = walk(tree, case["answers"])
        except AnswerError as error:
            problems.append(Problem(doc.source, line, f"Fallet '{case['id']}': {error}"))
            continue
        if result.outcome is None:
            assert result.question is not None
            problems.append(
                Problem(
                    doc.source,
                    line,
                    f"Fallet '{case['id']}' leder inte till någon bedömning: "
                    f"frågan '{result.question.id}' saknar svar.",
                )
            )
            continue
        reached.add(result.outcome.id)
        if result.unused:
            extra = ", ".join(result.unused)
            problems.append(
                Problem(doc.source, line, f"Fallet '{case['id']}' har svar som inte ligger på vägen: {extra}.")
            )
        if result.outcome.verdict != case["verdict"]:
            problems.append(
                Problem(
                    doc.source,
                    line,
                    f"Fallet '{case['id']}' säger {case['verdict']}, men trädet ger {result.outcome.verdict} "
                    f"(bedömningen '{result.outcome.id}'). Rätta svaren eller utfallet.",
                )
            )
    for set_name, ids in doc.data["sets"].items():
        for index, case_id in enumerate(ids):
            if case_id not in seen:
                problems.append(
                    Problem(
                        doc.source,
                        doc.line_of(("sets", set_name, index)),
                        f"Övningssetet '{set_name}' nämner fallet '{case_id}', som inte finns.",
                    )
                )
    for outcome_id in tree.outcomes:
        if outcome_id not in reached:
            problems.append(Problem(doc.source, None, f"Inget fall leder till bedömningen '{outcome_id}'."))
    return problems


def load_cases(tree: Tree, path: Path = CASES_FILE) -> CaseBook:
    problems = check_cases(tree, path)
    if problems:
        raise CaseError(problems)
    data = load_located(path).data
    cases = {
        raw["id"]: Case(
            id=raw["id"],
            title=raw["title"],
            story=raw["story"],
            answers=dict(raw["answers"]),
            verdict=raw["verdict"],
            topic=raw["topic"],
            misunderstanding=raw["misunderstanding"],
        )
        for raw in data["cases"]
    }
    return CaseBook(
        version=str(data["version"]), cases=cases, sets={name: tuple(ids) for name, ids in data["sets"].items()}
    )


@cache
def default_cases() -> CaseBook:
    from asf.guidance.loader import default_tree

    return load_cases(default_tree())
