"""The assistant's dialogue policy: each intent leads to one action, and after it the assistant listens.

That is all `data/rules.yml` says (one rule per intent, `[{intent: X}, {action: Y}]`), and all
the project asked of Rasa's RulePolicy. RulePolicy is general: it turns the whole conversation
into states and compares them with every rule, on every prediction; `make profile` put that at
about a sixth of the Rasa server's CPU time per message, growing with the conversation. This
policy learns the same pairs from the same rules at training and looks the intent up.

What RulePolicy adds beside the rules is kept: Rasa's default intents (`restart`, `back`,
`session_start`) lead to their default actions (the channels' guard answers "/restart" and the
like itself, so no user reaches them), and an intent no rule names leads to the fallback action.
After any action it listens; RulePolicy predicted its fallback after Rasa's restart or undo had
emptied the conversation, and again after its own fallback (tests/unit/test_intent_policy.py).

A rule that says more than "this intent, then this action" (a condition on slots or a loop, a
slot set, entities, `conversation_start`, `wait_for_user_input: false`, two actions in a row),
or two rules that send one intent to two actions, stop the training with an error saying which:
the policy could not follow them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction, SupportedData
from rasa.core.policies.rule_policy import DEFAULT_ACTION_MAPPINGS
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME, RULE_SNIPPET_ACTION_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException
from rasa.shared.nlu.constants import INTENT_NAME_KEY

FILE = "intent_actions.json"


class RuleNotFollowed(RasaException):  # type: ignore[misc]  # Rasa ships no type stubs
    """A rule this policy cannot follow: it would act otherwise than the rule says."""


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class IntentActionPolicy(Policy):  # type: ignore[misc]  # Rasa ships no type stubs
    """Predicts the action a rule names for the user's intent, and `action_listen` after any action."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"fallback_action_name": "action_default_fallback", "priority": 6}

    @staticmethod
    def supported_data() -> SupportedData:
        return SupportedData.RULE_DATA

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        actions: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(config, model_storage, resource, execution_context)
        self.actions: dict[str, str] = actions or {}

    def train(self, training_trackers: list[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        actions: dict[str, str] = {}
        for tracker in training_trackers:
            if not tracker.is_rule_tracker:
                continue
            for intent, action in _intent_and_action(tracker):
                if actions.setdefault(intent, action) != action:
                    raise RuleNotFollowed(
                        f"Två regler skickar avsikten '{intent}' till olika handlingar: '{actions[intent]}' och"
                        f" '{action}'. IntentActionPolicy följer bara en handling per avsikt."
                    )
        self.actions = actions
        with self._model_storage.write_to(self._resource) as folder:
            (Path(folder) / FILE).write_text(json.dumps(actions, sort_keys=True), encoding="utf-8")
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> IntentActionPolicy:
        with model_storage.read_from(resource) as folder:
            actions = json.loads((Path(folder) / FILE).read_text(encoding="utf-8"))
        return cls(config, model_storage, resource, execution_context, actions=actions)

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        probabilities[domain.index_for_action(self.next_action(tracker))] = 1.0
        return self._prediction(probabilities)

    def next_action(self, tracker: DialogueStateTracker) -> str:
        if tracker.latest_action_name != ACTION_LISTEN_NAME or tracker.latest_message is None:
            return str(ACTION_LISTEN_NAME)
        intent = str(tracker.latest_message.intent.get(INTENT_NAME_KEY) or "")
        default: str | None = DEFAULT_ACTION_MAPPINGS.get(intent)
        return default or self.actions.get(intent) or str(self.config["fallback_action_name"])


def _intent_and_action(tracker: TrackerWithCachedStates) -> list[tuple[str, str]]:
    """The (intent, action) pairs of a rule's steps. Anything else a rule can say (a condition on slots or a
    loop, a slot set, entities, `conversation_start`, `wait_for_user_input: false`, two actions in a row) would
    change when it applies, which a lookup by intent cannot follow: it stops the training."""
    events = list(tracker.events)
    # Rasa's rule trackers start with the snippet action ("...") unless the rule only applies at the start, and
    # have it nowhere else unless the rule says not to wait for the user (then it comes after the last action).
    snippet = RULE_SNIPPET_ACTION_NAME
    starts_anywhere = [
        i for i, e in enumerate(events) if isinstance(e, ActionExecuted) and e.action_name == snippet
    ] == [0]
    waits = bool(events) and isinstance(events[-1], ActionExecuted) and events[-1].action_name == ACTION_LISTEN_NAME
    skipped = (ACTION_LISTEN_NAME, RULE_SNIPPET_ACTION_NAME)
    steps = [e for e in events if not (isinstance(e, ActionExecuted) and e.action_name in skipped)]
    pairs = list(zip(steps[::2], steps[1::2], strict=False))
    simple = (
        starts_anywhere
        and waits
        and len(steps) % 2 == 0
        and all(
            isinstance(said, UserUttered)
            and said.intent_name
            and not said.entities
            and isinstance(done, ActionExecuted)
            and done.action_name
            for said, done in pairs
        )
    )
    if not simple:
        raise RuleNotFollowed(f"Regeln '{tracker.sender_id}' är inte bara en avsikt följd av en handling.")
    return [(said.intent_name, done.action_name) for said, done in pairs]
