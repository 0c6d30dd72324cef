"""Scores the trained model on the held-out NLU test set (never trained on).

Prints intent accuracy and macro-F1 and entity precision/recall/F1, next to
the targets. Entities count as right when label and span match exactly.
An `nlu_fallback` prediction for an `out_of_scope` example counts as right:
the assistant answers both the same way.

Usage: python scripts/evaluate_nlu.py [MODEL] [--strict]
(--strict: exit 1 when a target is missed).
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import logging
import os
import subprocess
import sys
import time
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
OUT = ROOT / "results" / "nlu"
TARGETS = {"intent macro-F1": 0.95, "entity F1": 0.90}
SAME_BEHAVIOUR = {("out_of_scope", "nlu_fallback")}


def current_model() -> Path:
    script = "source scripts/common.sh >/dev/null; model_path"
    out = subprocess.run(["bash", "-c", script], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return ROOT / out.strip()


async def predict(model: Path, texts: list[str]) -> tuple[list[dict[str, Any]], float]:
    """The parse of every text, and the mean seconds per parse (model loading excluded)."""
    from rasa.core.agent import Agent

    # Rasa logs every parsed text at debug level on stdout; keep the test set out of sight.
    with contextlib.redirect_stdout(io.StringIO()):
        agent = Agent.load(str(model))
        started = time.perf_counter()
        parsed = [await agent.parse_message(text) for text in texts]
    return parsed, (time.perf_counter() - started) / len(texts)


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    scores = []
    for label in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores)


def entity_scores(gold: list[set[tuple[int, int, str]]], found: list[set[tuple[int, int, str]]]) -> dict[str, float]:
    tp = sum(len(g & f) for g, f in zip(gold, found, strict=True))
    n_found = sum(len(f) for f in found)
    n_gold = sum(len(g) for g in gold)
    precision = tp / n_found if n_found else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"entity precision": precision, "entity recall": recall, "entity F1": f1}


def evaluate(model: Path) -> tuple[dict[str, float], list[dict[str, Any]], int]:
    from rasa.shared.nlu.training_data.loading import load_data

    examples = [m for m in load_data(str(HELDOUT)).intent_examples]
    texts = [m.get("text") for m in examples]
    parsed, parse_seconds = asyncio.run(predict(model, texts))
    gold_intents = [m.get("intent") for m in examples]
    predicted = []
    for gold, result in zip(gold_intents, parsed, strict=True):
        name = result["intent"]["name"]
        predicted.append(gold if (gold, name) in SAME_BEHAVIOUR else name)
    gold_entities = [{(e["start"], e["end"], e["entity"]) for e in m.get("entities") or []} for m in examples]
    found_entities = [
        {
            (e["start"], e["end"], e["entity"])
            for e in r.get("entities") or []
            if e["entity"] in {"party", "activity", "concept"}
        }
        for r in parsed
    ]
    scores = {
        "intent accuracy": sum(g == p for g, p in zip(gold_intents, predicted, strict=True)) / len(examples),
        "intent macro-F1": macro_f1(gold_intents, predicted),
        **entity_scores(gold_entities, found_entities),
        "parse time (ms/message)": parse_seconds * 1000,
    }
    rows = zip(texts, gold_intents, predicted, strict=True)
    errors = [{"text": t, "intent": g, "predicted": p} for t, g, p in rows if g != p]
    return scores, errors, len(examples)


def main(argv: list[str]) -> int:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")
    paths = [a for a in argv if not a.startswith("--")]
    model = Path(paths[0]) if paths else current_model()
    if not model.exists():
        raise SystemExit(f"FEL: modellen {model} finns inte. Kör 'make train'.")
    scores, errors, count = evaluate(model)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "errors.json").write_text(json.dumps(errors, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"Held-out NLU test set: {count} examples ({HELDOUT.relative_to(ROOT)}), model {model.name}")
    missed = []
    for name, value in scores.items():
        target = TARGETS.get(name)
        verdict = "" if target is None else f"  (mål ≥ {target:.2f}: {'ok' if value >= target else 'MISSAS'})"
        if target is not None and value < target:
            missed.append(name)
        print(f"  {name:<18} {value:.3f}{verdict}")
    confusions = Counter((e["intent"], e["predicted"]) for e in errors)
    print("  vanligaste förväxlingar: " + ", ".join(f"{g}→{p} ×{n}" for (g, p), n in confusions.most_common(5)))
    print(f"  felklassade yttranden: {(OUT / 'errors.json').relative_to(ROOT)}")
    return 1 if missed and "--strict" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
