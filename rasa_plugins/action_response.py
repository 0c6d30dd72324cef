"""Rasa checks every answer from the action server against a JSON schema. Its check
(`jsonschema.validate`) first validates the schema itself against the JSON Schema
meta-schema, on every call: measured with `make profile`, a quarter of the Rasa
server's CPU time under load. The schema never changes, so it is checked once here
and the same validator is reused; answers are validated exactly as before.
"""

from __future__ import annotations

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


def validate_action_result(_: RemoteAction, result: dict[str, Any]) -> bool:
    """What RemoteAction._validate_action_result does, without re-checking the schema."""
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
