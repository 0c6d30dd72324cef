"""Rasa checks every answer from the action server against a JSON schema. Its check
(`jsonschema.validate`) first validates the schema itself against the JSON Schema
meta-schema, on every call: measured with `make profile`, a quarter of the Rasa
server's CPU time under load. The schema never changes, so it is checked once here
and the same validator is reused; answers are validated exactly as before.

The check of the events was the next cost (about 3 ms for a turn's ten events): each
event is tried against all 23 event schemas of a `oneOf`, though each of them allows
only one value of "event". So an event is checked against the one schema for its
"event" value, which accepts exactly what the `oneOf` accepts; anything that fails, or
an event of no known kind, is checked again the full way, so the error raised is the
one Rasa raises.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from jsonschema import ValidationError
from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@cache
def response_validator() -> Validator:
    """The validator for the action server's answers; the schema is checked on the first call only."""
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


class _ByKind:
    """The answer's schema with the events' `oneOf` taken out, and one validator per kind of event."""

    def __init__(self, outer: Validator, kinds: Mapping[str, Validator]) -> None:
        self.outer = outer
        self.kinds = kinds

    def accepts(self, result: Any) -> bool:
        if not self.outer.is_valid(result):
            return False
        events = result.get("events", []) if isinstance(result, dict) else []
        for event in events:
            name = event.get("event") if isinstance(event, dict) else None
            kind = self.kinds.get(name) if isinstance(name, str) else None
            if kind is None or not kind.is_valid(event):
                return False
        return True


@cache
def _by_kind() -> _ByKind | None:
    """None when the events' schema is not a `oneOf` whose every branch allows one distinct "event" value: then
    only the full check is exact."""
    schema = RemoteAction.action_response_format_spec()
    item = schema["properties"]["events"]["items"]
    branches = item.get("oneOf") or []
    kinds = [branch.get("properties", {}).get("event", {}).get("const") for branch in branches]
    if not branches or None in kinds or len(set(kinds)) != len(kinds):
        return None
    cls = type(response_validator())  # the schema is checked there, once
    without_one_of = {key: value for key, value in item.items() if key != "oneOf"}
    events = {**schema["properties"]["events"], "items": without_one_of}
    outer = {**schema, "properties": {**schema["properties"], "events": events}}
    return _ByKind(cls(outer), {kind: cls(branch) for kind, branch in zip(kinds, branches, strict=True)})


def validate_action_result(_: RemoteAction, result: dict[str, Any]) -> bool:
    """What RemoteAction._validate_action_result does, without re-checking the schema."""
    quick = _by_kind()
    if quick is not None and quick.accepts(result):
        return True
    error = best_match(response_validator().iter_errors(result))
    if error is None:
        return True
    # The same message Rasa adds to the error it raises.
    error.message += (
        ". Failed to validate Action server response from API, make sure your response from the Action "
        f"endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


def install() -> None:
    """Makes every RemoteAction in this process use the validator that is built once."""
    RemoteAction._validate_action_result = validate_action_result


__all__ = ["ValidationError", "install", "response_validator", "validate_action_result"]
