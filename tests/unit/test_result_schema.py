"""The integration contract as a file: docs/result.schema.json describes what
result_payload really returns for every outcome, and the example in
docs/integration.md is what the code produces."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from asf import dialogue
from asf.guidance.engine import walk
from asf.guidance.explain import result_payload
from asf.guidance.model import Tree
from asf.turns import Message, State
from tests.unit.test_engine import CASES

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "result.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)


def errors(payload: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(payload)]


def test_the_schema_is_a_valid_json_schema():
    jsonschema.Draft7Validator.check_schema(SCHEMA)


def test_the_cases_reach_every_outcome(tree: Tree):
    reached = {outcome.id for answers, *_ in CASES if (outcome := walk(tree, answers).outcome) is not None}
    assert reached == set(tree.outcomes)


@pytest.mark.parametrize("answers", [case[0] for case in CASES], ids=[case[1] for case in CASES])
def test_every_outcome_payload_matches_the_schema(tree: Tree, answers: dict[str, str]):
    assert errors(result_payload(tree, walk(tree, answers))) == []


def test_the_chat_message_with_its_description_matches_the_schema():
    text = "Vi vill ge ett startbidrag till en deltagare som vill starta ett socialt kafé"
    _, state = dialogue.describe(State(), Message(text=text, intent="describe_initiative"))
    _, state = dialogue.answer(state, Message(text="ja", intent="affirm"))
    replies, _ = dialogue.answer(state, Message(text="ja", intent="affirm"))  # målgruppen
    [custom] = [r.custom for r in replies if r.custom and r.custom.get("type") == "assessment_result"]
    assert custom["description"] == text
    assert errors(custom) == []


def test_a_payload_without_a_required_field_is_refused(tree: Tree):
    payload = result_payload(tree, walk(tree, CASES[3][0]))
    assert set(SCHEMA["required"]) <= set(payload)
    for field in SCHEMA["required"]:
        broken = {k: v for k, v in payload.items() if k != field}
        assert errors(broken), f"the schema accepts a result without {field!r}"
    for where in (("reasons", 0), ("path", 0), ("cites", 0)):
        for field in list(payload[where[0]][where[1]]):
            broken = copy.deepcopy(payload)
            del broken[where[0]][where[1]][field]
            assert errors(broken), f"the schema accepts {where} without {field!r}"


def test_wrong_values_are_refused(tree: Tree):
    payload = result_payload(tree, walk(tree, CASES[3][0]))
    for field, value in [("verdict", "maybe"), ("type", "other"), ("route", 3), ("answers", {"vem": 1})]:
        assert errors({**payload, field: value}), field


def test_new_fields_are_allowed(tree: Tree):
    payload = result_payload(tree, walk(tree, CASES[3][0]))
    payload["id"] = "ett-nytt-falt"
    payload["path"][0]["id"] = "ett-nytt-falt"
    payload["cites"][0]["id"] = "ett-nytt-falt"
    assert errors(payload) == []


def test_the_example_in_the_integration_docs_is_what_the_code_returns(tree: Tree):
    text = (ROOT / "docs" / "integration.md").read_text(encoding="utf-8")
    blocks = [json.loads(b) for b in re.findall(r"```json\n(.*?)```", text, re.S)]
    [example] = [b for b in blocks if b.get("type") == "assessment_result"]
    assert errors(example) == []
    real = result_payload(tree, walk(tree, example["answers"]))
    varies = {"id"}  # a per-result identifier, should one be added, differs between runs
    assert {k: v for k, v in example.items() if k not in varies} == {k: v for k, v in real.items() if k not in varies}
