"""`make bench`: the project's configuration (A) against Rasa's stock one (B),
trained on the same data and measured side by side in one run.

Prints per configuration: training time, model size, start-up time to the
first answer, resident memory of the Rasa and action servers, REST latency
p50/p95/p99 for full assessment dialogues at 1 and 20 concurrent
conversations (of the answered requests: a "busy" 429 from the admission
control is sent again after Retry-After and counted apart), throughput, and
intent macro-F1 on the held-out test set. Also a micro-benchmark of the tree engine.

B runs on the same server set-up as A (endpoints.yml, with the project's speed-ups in the Rasa server,
rasa_plugins/), so A/B compares the configurations alone. B is measured once more on Rasa's own SQL
tracker store, without those speed-ups ("B, Rasas SQL"): stock Rasa as a whole. The last two lines
are the ratios A/B and A/(B on Rasa's own store).

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
from dataclasses import dataclass, field
from pathlib import Path

from bench.dialogues import run as run_dialogues
from devtools.servers import running_servers
from scripts.evaluate_nlu import current_model, evaluate

ROOT = Path(__file__).resolve().parent.parent
STOCK_CONFIG = ROOT / "bench" / "stock_config.yml"


@dataclass
class Figures:
    name: str
    values: dict[str, float] = field(default_factory=dict)


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


def rss_mb(pgid: int, pattern: str) -> float:
    pids = subprocess.run(["pgrep", "-g", str(pgid), "-f", pattern], capture_output=True, text=True).stdout.split()
    total = 0
    for pid in pids:
        status = Path(f"/proc/{pid}/status").read_text()
        total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
    return total / 1024


def measure(
    name: str,
    model: Path,
    conversations: int,
    concurrency: tuple[int, ...],
    figures: Figures,
    endpoints: Path | None = None,
) -> None:
    import requests

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        env = {"ASF_MODEL": str(model), **({"ASF_ENDPOINTS": str(endpoints)} if endpoints else {})}
        with running_servers(Path(tmp), extra_env=env) as servers:
            requests.post(
                f"{servers.rasa_url}/webhooks/rest/webhook",
                json={"sender": "first", "message": "hej"},
                headers=servers.rest_headers,
                timeout=60,
            ).raise_for_status()
            figures.values["start-up to first answer (s)"] = time.perf_counter() - start
            for users in concurrency:
                result = run_dialogues(
                    servers.rasa_url,
                    servers.rest_headers,
                    conversations if users > 1 else max(12, conversations // 4),
                    users,
                    f"{name}-{users}",
                )
                figures.values[f"p50 @{users} (ms)"] = result.p50 * 1000
                figures.values[f"p95 @{users} (ms)"] = result.percentile(0.95) * 1000
                figures.values[f"p99 @{users} (ms)"] = result.percentile(0.99) * 1000
                figures.values[f"throughput @{users} (msg/s)"] = result.throughput
                figures.values[f"wrong verdicts @{users}"] = result.wrong
                figures.values[f"errors @{users}"] = result.errors
                figures.values[f"busy (429) @{users}"] = result.busy
            pgid = servers.process.pid
            figures.values["Rasa server RSS (MB)"] = rss_mb(pgid, " run --model")
            figures.values["action server RSS (MB)"] = rss_mb(pgid, "rasa run actions")


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


def print_table(columns: list[Figures]) -> None:
    keys = list(dict.fromkeys(k for c in columns for k in c.values))
    print(f"{'':34}" + "".join(f"{c.name:>14}" for c in columns))
    for key in keys:
        print(f"{key:34}" + "".join(_cell(c.values.get(key, float("nan"))) for c in columns))


def main(argv: list[str]) -> int:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    smoke = "--smoke" in argv
    walk_us = engine_walk_time() * 1e6
    print(f"Tree engine: one full walk to an outcome takes {walk_us:.1f} µs")
    a, b, stock = Figures("A (projekt)"), Figures("B (standard)"), Figures("B, Rasas SQL")
    with tempfile.TemporaryDirectory() as tmp:
        if smoke:
            model_a = current_model()
            if not model_a.exists():
                print("FEL: ingen tränad modell; kör 'make train'.", file=sys.stderr)
                return 1
            # Two at a time only: the dozen one-at-a-time conversations of a full run add nothing to a smoke test.
            measure("A", model_a, conversations=4, concurrency=(2,), figures=a)
            a.values.update(nlu_scores(model_a))
            # The same model on Rasa's own store: the dialogues must work there too for the full run's B.
            on_rasas_store = Figures("A, Rasas SQL")
            endpoints = rasas_own_store(Path(tmp))
            measure("As", model_a, conversations=4, concurrency=(2,), figures=on_rasas_store, endpoints=endpoints)
            print_table([a, on_rasas_store])
            failed = [f for f in (a, on_rasas_store) if f.values.get("errors @2") or f.values.get("wrong verdicts @2")]
            return 1 if failed else 0
        for figures, config in ((a, ROOT / "config.yml"), (b, STOCK_CONFIG)):
            model, seconds, cpu = train(config, Path(tmp), figures.name[0])
            figures.values["training time (s)"] = seconds
            figures.values["training CPU (s)"] = cpu
            figures.values["model size (MB)"] = model.stat().st_size / 1e6
            measure(figures.name[0], model, conversations=60, concurrency=(1, 20), figures=figures)
            figures.values.update(nlu_scores(model))
        # B's model once more, on Rasa's own store: stock Rasa as a whole, not only its configuration.
        measure("Bs", model, conversations=60, concurrency=(1, 20), figures=stock, endpoints=rasas_own_store(Path(tmp)))
    print_table([a, b, stock])
    ratios = {k: a.values[k] / b.values[k] for k in a.values if b.values.get(k)}
    wanted = [
        "training time (s)",
        "training CPU (s)",
        "p95 @20 (ms)",
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
