"""Rasa's prediction graph run node after node in a fixed order, instead of through Dask.

Every message runs the model's graph twice (the NLU pipeline, then the policies). Rasa's
`DaskGraphRunner` works out the nodes a run needs on each call, by a walk of the schema that visits a
shared node once per path to it, builds a Dask graph of them, and lets Dask order and run it on the
calling thread. In `make profile` that bookkeeping took more of the Rasa server's time than the
featurizers and the classifier together. The graph and the targets do not change while the server
runs, so the order is worked out once per set of targets here, and the nodes are called in it with
the same arguments Dask gives them: each needed node's `(name, output)`, an input's `(name, value)`,
or the bare name of a need nothing provides (the node warns about it, as under Dask).

A button's payload ("/inform{...}") is read by the pipeline's last node, `RegexMessageHandler`, which
replaces whatever the nodes before it made of the text with a new message built from the payload alone.
Most messages in a dialogue are payloads, so when every message of a run is a payload that node takes,
it gets the messages straight from the converter at the start of the pipeline: the same result,
without the tokenizer, the featurizers and the classifiers.
"""

from __future__ import annotations

from typing import Any

import rasa.core.processor
from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader


class OrderedGraphRunner(DaskGraphRunner):  # type: ignore[misc]  # Rasa ships no type stubs
    """Runs what `DaskGraphRunner.run` runs, and returns the same, without Dask."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._orders: dict[tuple[str, ...], list[str]] = {}

    def _order(self, targets: tuple[str, ...]) -> list[str]:
        """The graph's nodes the targets need, each after the nodes it needs."""
        order = self._orders.get(targets)
        if order is None:
            nodes = self._graph_schema.nodes
            order, seen = [], set()

            def visit(name: str) -> None:
                if name in seen or name not in nodes:
                    return
                seen.add(name)
                for need in nodes[name].needs.values():
                    visit(need)
                order.append(name)

            for target in targets:
                visit(target)
            self._orders[targets] = order
        return order

    def _payload_route(self, target: str) -> tuple[str, str, str] | None:
        """For a target that is a `RegexMessageHandler` node: the node that converts the input messages,
        the node that provides the domain, and the node whose messages the handler takes."""
        nodes = self._graph_schema.nodes
        handler = nodes.get(target)
        if handler is None or handler.uses is not RegexMessageHandler:
            return None
        before = handler.needs.get("messages")
        converter = before
        while converter in nodes and nodes[converter].needs.get("messages") in nodes:
            converter = nodes[converter].needs["messages"]
        domain = handler.needs.get("domain")
        if converter not in nodes or domain not in nodes or before is None:
            return None
        return converter, domain, before

    def _run_nodes(self, order: list[str], results: dict[str, Any]) -> None:
        nodes = self._graph_schema.nodes
        try:
            for name in order:
                if name in results:  # an input, or an output given in the node's place
                    continue
                needed = (results.get(need, need) for need in nodes[name].needs.values())
                results[name] = self._instantiated_nodes[name](*needed)
        except RuntimeError as error:
            raise GraphRunError("Error running runner.") from error

    def _read_as_payloads(self, target: str, results: dict[str, Any]) -> bool:
        """Runs the target from the converted messages alone when each of them is a payload the
        handler reads. Otherwise the whole pipeline runs, from the converted messages already in
        `results` (the handler warns again about a text that starts like a payload but is none)."""
        route = self._payload_route(target)
        if route is None:
            return False
        converter, domain, before = route
        self._run_nodes(self._order((converter, domain)), results)
        messages, known = results[converter][1], results[domain][1]
        if not all(YAMLStoryReader.unpack_regex_message(message, known) is not message for message in messages):
            return False
        results[before] = (before, messages)
        self._run_nodes([target], results)
        return True

    def run(self, inputs: dict[str, Any] | None = None, targets: list[str] | None = None) -> dict[str, Any]:
        run_targets = list(targets) if targets else list(self._graph_schema.target_names)
        order = self._order(tuple(run_targets))
        results: dict[str, Any] = {}
        for name, value in (inputs or {}).items():
            if isinstance(value, str) and value in order:  # as Rasa refuses it
                raise GraphRunError(f"Input value '{value}' clashes with a node name.")
            results[name] = (name, value)
        if len(run_targets) != 1 or not self._read_as_payloads(run_targets[0], results):
            self._run_nodes(order, results)
        return dict(results[target] for target in run_targets)


def install() -> None:
    """Makes the Rasa server load its models with `OrderedGraphRunner` (training still uses Dask)."""
    rasa.core.processor.DaskGraphRunner = OrderedGraphRunner
