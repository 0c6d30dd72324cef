"""The dialogue policy (rasa_plugins/intent_policy.py) predicts what Rasa's RulePolicy, configured as the
project had it, predicts from the same rules: for every intent of the domain, after a user message and after
an action; it keeps what it learned through a save and a load; and it refuses rules it cannot follow."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Restarted, UserUtteranceReverted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

ROOT = Path(__file__).resolve().parents[2]
RULE_POLICY_AS_IT_WAS = {
    "core_fallback_threshold": 0.3,
    "core_fallback_action_name": "action_fallback",
    "enable_fallback_prediction": True,
}

# What Rasa's default actions return (ActionRestart, ActionBack).
RETURNED = {"restart": [Restarted()], "back": [UserUtteranceReverted(), UserUtteranceReverted()]}

# Rasa's policies import TensorFlow (seconds): imported in the tests, so only the worker that runs them pays.


def _rules(rules_file: Path) -> tuple[Domain, list[Any]]:
    from rasa.shared.core.generator import TrainingDataGenerator
    from rasa.shared.importers.importer import TrainingDataImporter

    importer = TrainingDataImporter.load_from_config(
        str(ROOT / "config.yml"), str(ROOT / "domain.yml"), [str(rules_file)]
    )
    domain = importer.get_domain()
    trackers = TrainingDataGenerator(importer.get_stories(), domain, augmentation_factor=0).generate()
    return domain, trackers


def _trained(kind: Any, config: dict[str, Any], tmp_path: Path, domain: Domain, trackers: list[Any]) -> Any:
    from rasa.engine.graph import ExecutionContext, GraphSchema
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource

    (tmp_path / kind.__name__).mkdir()
    storage = LocalModelStorage(tmp_path / kind.__name__)
    resource = Resource(kind.__name__)
    context = ExecutionContext(GraphSchema({}), "test")
    policy = kind.create({**kind.get_default_config(), **config}, storage, resource, context)
    policy.train(trackers, domain)
    return policy, storage, resource, context


def _predicted(policy: Any, domain: Domain, events: list[Any]) -> str:
    tracker = DialogueStateTracker.from_events("test", events)
    prediction = policy.predict_action_probabilities(tracker, domain)
    return str(domain.action_names_or_texts[prediction.max_confidence_index])


def test_it_predicts_what_rule_policy_predicted_for_every_intent(tmp_path: Path):
    from rasa.core.policies.rule_policy import RulePolicy

    from rasa_plugins.intent_policy import IntentActionPolicy

    domain, trackers = _rules(ROOT / "data" / "rules.yml")
    rule_policy = _trained(RulePolicy, RULE_POLICY_AS_IT_WAS, tmp_path, domain, trackers)[0]
    config = {"fallback_action_name": "action_fallback"}
    policy, storage, resource, context = _trained(IntentActionPolicy, config, tmp_path, domain, trackers)
    loaded = IntentActionPolicy.load({**IntentActionPolicy.get_default_config(), **config}, storage, resource, context)
    # Every intent of the domain, Rasa's own (restart, back, session_start) and one no rule names.
    intents = [*domain.intents, "restart", "back", "session_start", "ett_okant_intent"]
    assert len(domain.intents) >= 25
    for intent in intents:
        message = [ActionExecuted("action_listen"), UserUttered("text", {"name": intent, "confidence": 0.9})]
        expected = _predicted(rule_policy, domain, message)
        assert _predicted(policy, domain, message) == expected, intent
        assert _predicted(loaded, domain, message) == expected, intent
        if intent == "session_start":
            continue  # Rasa predicts nothing after action_session_start
        # ... and after that action, with the events it returns (Rasa's own restart or undo), it listens.
        history = [
            ActionExecuted("action_listen"),
            UserUttered("hej", {"name": "greet"}),
            ActionExecuted("action_greet"),
        ]
        after = [*history, *message, ActionExecuted(expected), *RETURNED.get(intent, [])]
        assert _predicted(policy, domain, after) == "action_listen", intent
        # RulePolicy did too, except after "/restart" or "/back" had emptied the conversation (it answered with the
        # fallback, "Jag förstod inte …", to nothing the user had said), and after its own fallback for an intent no
        # rule names (the fallback again, until Rasa's limit of ten actions a turn; no such intent reaches it here).
        listened = "action_fallback" if intent in (*RETURNED, "ett_okant_intent") else "action_listen"
        assert _predicted(rule_policy, domain, after) == listened, intent
    assert _predicted(policy, domain, [ActionExecuted("action_listen"), UserUttered("hej", {"name": "greet"})]) == (
        "action_greet"
    )
    assert _predicted(policy, domain, [ActionExecuted("action_listen"), UserUttered("x", {"name": "nope"})]) == (
        "action_fallback"
    )


@pytest.mark.parametrize(
    ("rules", "complaint"),
    [
        (
            "- rule: a\n  steps: [{intent: greet}, {action: action_greet}]\n"
            "- rule: b\n  steps: [{intent: greet}, {action: action_help}]\n",
            "olika handlingar",
        ),
        (
            "- rule: two actions\n  steps: [{intent: greet}, {action: action_greet}, {action: action_help}]\n",
            "inte bara en avsikt följd av en handling",
        ),
        # Review of session 29: conditions, slots, entities and the rest trained silently, as if unconditional.
        (
            "- rule: a condition\n  condition: [{slot_was_set: [{current_question: vem}]}]\n"
            "  steps: [{intent: greet}, {action: action_greet}]\n",
            "inte bara en avsikt följd av en handling",
        ),
        (
            "- rule: a slot set\n"
            "  steps: [{intent: greet}, {action: action_greet}, {slot_was_set: [{current_question: vem}]}]\n",
            "inte bara en avsikt följd av en handling",
        ),
        (
            "- rule: entities\n  steps: [{intent: greet, entities: [party]}, {action: action_greet}]\n",
            "inte bara en avsikt följd av en handling",
        ),
        (
            "- rule: at the start\n  conversation_start: true\n  steps: [{intent: greet}, {action: action_greet}]\n",
            "inte bara en avsikt följd av en handling",
        ),
        (
            "- rule: no wait\n  wait_for_user_input: false\n  steps: [{intent: greet}, {action: action_greet}]\n",
            "inte bara en avsikt följd av en handling",
        ),
    ],
)
def test_rules_it_cannot_follow_stop_the_training(tmp_path: Path, rules: str, complaint: str):
    from rasa_plugins.intent_policy import IntentActionPolicy, RuleNotFollowed

    rules_file = tmp_path / "rules.yml"
    rules_file.write_text(f'version: "3.1"\nrules:\n{rules}', encoding="utf-8")
    domain, trackers = _rules(rules_file)
    with pytest.raises(RuleNotFollowed, match=complaint):
        _trained(IntentActionPolicy, {}, tmp_path, domain, trackers)
