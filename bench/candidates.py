"""Training time and held-out intent macro-F1 of candidate NLU pipelines, over several seeds.

Each candidate is config.yml with its intent classifier (and, for some, its featurizers)
replaced; everything else (spaCy, entities, fallback, policies) stays as in config.yml.
"stock (B)" is bench/stock_config.yml, Rasa's default that `make bench` compares against,
with the seed set on its learned components, so its spread over seeds can be measured too.
Every training starts from an empty cache, as in `make bench`.

    python -m bench.candidates [NAME ...] [--seeds 1,2,3]

Prints one row per candidate: mean training time (wall clock and CPU), min/mean/max
macro-F1 over the seeds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from bench.run import children_cpu_seconds

ROOT = Path(__file__).resolve().parent.parent
Pipeline = list[dict[str, Any]]


def _replace(pipeline: Pipeline, name: str, new: list[dict[str, Any]]) -> Pipeline:
    """The pipeline with the component called `name` replaced by `new` (none, one or several)."""
    out: Pipeline = []
    for component in pipeline:
        out += new if component["name"] == name else [component]
    return out


CLASSIFIER = "LogisticRegressionClassifier"  # the intent classifier in config.yml


def _diet(epochs: int) -> Callable[[Pipeline, int], Pipeline]:
    """DIET as config.yml had it before the linear model (80 epochs), or with fewer epochs."""

    def change(pipeline: Pipeline, seed: int) -> Pipeline:
        diet = {
            "name": "DIETClassifier",
            "epochs": epochs,
            "entity_recognition": False,
            "constrain_similarities": True,
            "random_seed": seed,
        }
        return _replace(pipeline, CLASSIFIER, [diet])

    return change


def _logistic(solver: str = "lbfgs", drop: tuple[str, ...] = ()) -> Callable[[Pipeline, int], Pipeline]:
    def change(pipeline: Pipeline, seed: int) -> Pipeline:
        classifier = {"name": CLASSIFIER, "solver": solver, "random_state": seed}
        kept = [c for c in pipeline if c["name"] not in drop]
        return _replace(kept, CLASSIFIER, [classifier])

    return change


CANDIDATES: dict[str, Callable[[Pipeline, int], Pipeline]] = {
    "logreg lbfgs (today)": _logistic(),
    "logreg liblinear": _logistic("liblinear"),
    "logreg lbfgs no-lexical": _logistic(drop=("LexicalSyntacticFeaturizer",)),
    "diet80 (before)": _diet(80),
    "diet40": _diet(40),
    "diet20": _diet(20),
}
STOCK = "stock (B)"
STOCK_CONFIG = ROOT / "bench" / "stock_config.yml"


def _seeded(components: Pipeline, seed: int) -> Pipeline:
    """The components, each one trained with epochs given the seed (DIET, ResponseSelector, TED)."""
    return [{**c, "random_seed": seed} if "epochs" in c else c for c in components]


def config_for(name: str, seed: int) -> dict[str, Any]:
    if name == STOCK:
        stock: dict[str, Any] = yaml.safe_load(STOCK_CONFIG.read_text(encoding="utf-8"))
        return {**stock, "pipeline": _seeded(stock["pipeline"], seed), "policies": _seeded(stock["policies"], seed)}
    config: dict[str, Any] = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    config["pipeline"] = CANDIDATES[name](config["pipeline"], seed)
    return config


def train(config: dict[str, Any], out: Path, tag: str) -> tuple[Path, float, float]:
    """The model, and the wall-clock and CPU seconds its training took (see bench/run.py)."""
    path = out / f"{tag}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    env = {**os.environ, "RASA_CACHE_DIRECTORY": str(out / f"cache-{tag}")}
    command = [str(ROOT / ".venv" / "bin" / "rasa"), "train", "--config", str(path), "--domain", "domain.yml"]
    command += ["--data", "data", "--out", str(out), "--fixed-model-name", tag, "--quiet"]
    cpu = children_cpu_seconds()
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return out / f"{tag}.tar.gz", time.perf_counter() - start, children_cpu_seconds() - cpu


def macro_f1(model: Path) -> float:
    # In a child process: each loaded model keeps its TensorFlow graph in memory.
    script = (
        "import sys, pathlib; from scripts.evaluate_nlu import evaluate; "
        "print(evaluate(pathlib.Path(sys.argv[1]))[0]['intent macro-F1'])"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(model)], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    return float(out.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", default=list(CANDIDATES), help=", ".join([*CANDIDATES, STOCK]))
    parser.add_argument("--seeds", default="1,2,3")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in (*CANDIDATES, STOCK)]
    if unknown:
        parser.error(f"unknown candidate {unknown[0]!r}; choose from: {', '.join([*CANDIDATES, STOCK])}")
    seeds = [int(s) for s in args.seeds.split(",")]
    print(f"{'candidate':30}{'train (s)':>11}{'CPU (s)':>9}{'F1 min':>9}{'F1 mean':>9}{'F1 max':>9}   per seed")
    with tempfile.TemporaryDirectory() as tmp:
        for number, name in enumerate(args.names):
            times, cpus, scores = [], [], []
            for seed in seeds:
                tag = f"candidate{number}-{seed}"  # its own cache: nothing is reused between candidates
                model, seconds, cpu = train(config_for(name, seed), Path(tmp), tag)
                times.append(seconds)
                cpus.append(cpu)
                scores.append(macro_f1(model))
                model.unlink()
            per_seed = ", ".join(f"{s}: {t:.0f} s {f:.3f}" for s, t, f in zip(seeds, times, scores, strict=True))
            print(
                f"{name:30}{statistics.mean(times):>11.1f}{statistics.mean(cpus):>9.1f}{min(scores):>9.3f}{statistics.mean(scores):>9.3f}"
                f"{max(scores):>9.3f}   {per_seed}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
