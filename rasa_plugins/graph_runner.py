"""Rasa's prediction graph run node after node in a fixed order, instead of through Dask.

Every message runs the model's graph twice (the NLU pipeline, then the policies). Rasa's
`DaskGraphRunner` works out the nodes a run needs on each call, by a walk of the schema that visits a
shared node once per path to it, builds a Dask graph of them, and lets Dask order and run it on the
calling thread. In `make profile` that bookkeeping took more of the Rasa server's time than the
featurizers and the classifier together. The graph and the targets do not change while the server
runs, so the order is worked out once per set of targets here, and the nodes are called in it with
the same arguments Dask gives them: each needed node's `(name, output)`, an input's `(name, value)`,
or the bare name of a need nothing provides (the node warns about it, as under Dask).
"""

from __future__ import annotations

from typing import Any

import rasa.core.processor
from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner


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

    def run(self, inputs: dict[str, Any] | None = None, targets: list[str] | None = None) -> dict[str, Any]:
        run_targets = list(targets) if targets else list(self._graph_schema.target_names)
        order = self._order(tuple(run_targets))
        nodes = self._graph_schema.nodes
        results: dict[str, Any] = {}
        for name, value in (inputs or {}).items():
            if isinstance(value, str) and value in order:  # as Rasa refuses it
                raise GraphRunError(f"Input value '{value}' clashes with a node name.")
            results[name] = (name, value)
        try:
            for name in order:
                if name in results:  # an input given in the node's place, as Dask would take it
                    continue
                needed = (results.get(need, need) for need in nodes[name].needs.values())
                results[name] = self._instantiated_nodes[name](*needed)
        except RuntimeError as error:
            raise GraphRunError("Error running runner.") from error
        return dict(results[target] for target in run_targets)


def install() -> None:
    """Makes the Rasa server load its models with `OrderedGraphRunner` (training still uses Dask)."""
    rasa.core.processor.DaskGraphRunner = OrderedGraphRunner
