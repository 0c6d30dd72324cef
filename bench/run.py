"""`make bench`: the project's configuration (A) against Rasa's stock one (B),
trained on the same data and measured side by side in one run.

Prints per configuration: training time, model size, start-up time to the
first answer, resident memory of the Rasa and action servers, REST latency
p50/p95/p99 for full assessment dialogues at 1 and 20 concurrent
conversations (of the answered requests: a "busy" 429 from the admission
control is sent again after Retry-After and counted apart), throughput, the CPU
milliseconds each server spent per answered message, and intent macro-F1 on the
held-out test set. Also a micro-benchmark of the tree engine.

B runs on the same server set-up as A (endpoints.yml, with the project's speed-ups in the Rasa server,
rasa_plugins/), so A/B compares the configurations alone. B is measured once more on Rasa's own SQL
tracker store, without those speed-ups ("B, Rasas SQL"): stock Rasa as a whole. The three run at
once and take turns, three rounds at 20 concurrent each (bench/side_by_side.py); the figures pool the
rounds, and each round's p95 is printed after the table. The last two lines are the ratios A/B and
A/(B on Rasa's own store).

    python -m bench.run            # the full comparison (about ten minutes)
    python -m bench.run --smoke    # engine + A only, reusing the current model, few dialogues
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

from bench.side_by_side import Candidate, measure
from scripts.evaluate_nlu import current_model, evaluate

ROOT = Path(__file__).resolve().parent.parent
STOCK_CONFIG = ROOT / "bench" / "stock_config.yml"


def engine_walk_time() -> float:
    """Seconds for one full walk of the tree to an outcome (best of repeated runs)."""
    from asf.guidance.engine import walk
    from asf.guidance.loader import default_tree

    tree = default_tree()
    answers = {
        "vem": "deltagare",
        "malgrupp": "ja",
        "insats_typ": "handledare",
        "handledare_anstalld": "hos_part",
        "utforare": "kommunen",
        "pengavag": "via_part",
    }
    runs = timeit.repeat(lambda: walk(tree, answers), number=2000, repeat=5)
    return min(runs) / 2000


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def train(config: Path, out: Path, name: str) -> tuple[Path, float, float]:
    """The model, and the wall-clock and CPU seconds its training took.

    CPU seconds barely change when other programs share the machine; wall-clock seconds do.
    """
    # An empty cache of its own, so neither run reuses components trained earlier.
    env = {**os.environ, "RASA_CACHE_DIRECTORY": str(out / f"cache-{name}")}
    cpu = children_cpu_seconds()
    start = time.perf_counter()
    subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "rasa"),
            "train",
            "--config",
            str(config),
            "--domain",
            "domain.yml",
            "--data",
            "data",
            "--out",
            str(out),
            "--fixed-model-name",
            name,
            "--quiet",
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    return out / f"{name}.tar.gz", time.perf_counter() - start, children_cpu_seconds() - cpu


def rasas_own_store(folder: Path) -> Path:
    """endpoints.yml with Rasa's own SQL store (rasa_plugins.tracker_store.StockSQLTrackerStore) in place
    of the project's, so that B also runs as stock Rasa does: none of the project's speed-ups in the server."""
    text = (ROOT / "endpoints.yml").read_text(encoding="utf-8")
    project, stock = (
        "rasa_plugins.tracker_store.ProjectSQLTrackerStore",
        "rasa_plugins.tracker_store.StockSQLTrackerStore",
    )
    if f"type: {project}" not in text:
        raise SystemExit(f"endpoints.yml names no {project}: the comparison with Rasa's own store cannot be made")
    path = folder / "endpoints-stock.yml"
    path.write_text(text.replace(f"type: {project}", f"type: {stock}"), encoding="utf-8")
    return path


def nlu_scores(model: Path) -> dict[str, float]:
    scores, _, _ = evaluate(model)
    return {
        "intent macro-F1": float(scores["intent macro-F1"]),
        "NLU parse (ms/msg)": float(scores["parse time (ms/message)"]),
    }


def _cell(value: float) -> str:
    # Scores below 1 (F1) need three decimals to compare; the rest read better with two.
    return f"{value:>14.3f}" if abs(value) < 1 else f"{value:>14.2f}"


def print_table(columns: dict[str, Candidate]) -> None:
    keys = list(dict.fromkeys(k for c in columns.values() for k in c.values))
    print(f"{'':40}" + "".join(f"{name:>14}" for name in columns))
    for key in keys:
        print(f"{key:40}" + "".join(_cell(c.values.get(key, float("nan"))) for c in columns.values()))


def print_rounds(a: Candidate, b: Candidate, stock: Candidate) -> None:
    """Each round's p95 at full concurrency and its A/B ratio: how far the pooled figure can be trusted."""
    for number, (pa, pb, ps) in enumerate(zip(a.round_p95, b.round_p95, stock.round_p95, strict=True), start=1):
        print(f"round {number}: p95 @20 A {pa:.0f} / B {pb:.0f} / B, Rasas SQL {ps:.0f} ms, A/B {pa / pb:.2f}")


ROUNDS = 3  # rounds at 20 concurrent per configuration, taken in turn (bench/side_by_side.py)


def main(argv: list[str]) -> int:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    smoke = "--smoke" in argv
    walk_us = engine_walk_time() * 1e6
    print(f"Tree engine: one full walk to an outcome takes {walk_us:.1f} µs")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        if smoke:
            model_a = current_model()
            if not model_a.exists():
                print("FEL: ingen tränad modell; kör 'make train'.", file=sys.stderr)
                return 1
            # The same model on Rasa's own store too: the dialogues must work there for the full run's B.
            a = Candidate("A", model_a, {})
            on_rasas_store = Candidate("As", model_a, {}, endpoints=rasas_own_store(tmp))
            # Two at a time and one round only: a full run's dozen one-at-a-time dialogues add nothing here.
            measure([a, on_rasas_store], alone=0, conversations=4, concurrency=2, rounds=1, tmp=tmp)
            a.values.update(nlu_scores(model_a))
            columns = {"A (projekt)": a, "A, Rasas SQL": on_rasas_store}
            print_table(columns)
            failed = [c for c in columns.values() if c.values.get("errors @2") or c.values.get("wrong verdicts @2")]
            return 1 if failed else 0
        trained = {}
        for tag, config in (("A", ROOT / "config.yml"), ("B", STOCK_CONFIG)):
            model, seconds, cpu = train(config, tmp, tag)
            values = {"training time (s)": seconds, "training CPU (s)": cpu}
            trained[tag] = Candidate(tag, model, {**values, "model size (MB)": model.stat().st_size / 1e6})
        a, b = trained["A"], trained["B"]
        # B's model once more, on Rasa's own store: stock Rasa as a whole, not only its configuration.
        stock = Candidate("Bs", b.model, {}, endpoints=rasas_own_store(tmp))
        measure([a, b, stock], alone=15, conversations=60, concurrency=20, rounds=ROUNDS, tmp=tmp)
        for candidate in (a, b):
            candidate.values.update(nlu_scores(candidate.model))
    print_table({"A (projekt)": a, "B (standard)": b, "B, Rasas SQL": stock})
    print_rounds(a, b, stock)
    ratios = {k: a.values[k] / b.values[k] for k in a.values if b.values.get(k)}
    wanted = [
        "training time (s)",
        "training CPU (s)",
        "p95 @20 (ms)",
        "Rasa server CPU per message @20 (ms)",
        "start-up to first answer (s)",
        "Rasa server RSS (MB)",
        "intent macro-F1",
    ]
    print("A/B: " + ", ".join(f"{k} {ratios[k]:.2f}" for k in wanted if k in ratios))
    latency = [k for k in ("p50 @20 (ms)", "p95 @20 (ms)") if stock.values.get(k)]
    print("A/(B, Rasas SQL): " + ", ".join(f"{k} {a.values[k] / stock.values[k]:.2f}" for k in latency))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
