"""How sure the model is of held-out in-domain utterances, next to held-out junk.

The FallbackClassifier threshold in config.yml is read from these figures: below it a
message counts as not understood. Too high, and right readings of real questions are
lost; too low, and text that is not language (code, markup, symbols) passes as an answer.

    python -m bench.confidence [MODEL]

For every text the intent the classifier ranks first (nlu_fallback left aside) and its
confidence. Prints percentiles of the confidence for the in-domain utterances of
tests/nlu/heldout.yml the model reads right, the same for tests/nlu/junk.yml, and per
threshold how many right readings it would lose and how many junk texts would be taken
as an intent other than out_of_scope. Neither file is trained on.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
JUNK = ROOT / "tests" / "nlu" / "junk.yml"
OUT_OF_SCOPE = "out_of_scope"
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6)
PERCENTILES = (1, 5, 10, 50, 90, 100)


@dataclass(frozen=True)
class Reading:
    gold: str
    intent: str
    confidence: float


def top_intent(parse: dict[str, Any]) -> tuple[str, float]:
    """The classifier's first intent and its confidence, whatever the fallback made of it."""
    ranking = [r for r in parse.get("intent_ranking") or [] if r["name"] != "nlu_fallback"]
    if not ranking:
        return "", 0.0
    best = max(ranking, key=lambda r: float(r["confidence"]))
    return str(best["name"]), float(best["confidence"])


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile by the nearest-rank rule (no interpolation), nan when empty."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, -(-len(ordered) * p // 100))  # ceil(n * p / 100), at least 1
    return ordered[int(rank) - 1]


def lost(in_domain: Sequence[Reading], threshold: float) -> int:
    """Right readings of in-domain utterances that the threshold would turn into nlu_fallback."""
    return sum(r.intent == r.gold and r.confidence < threshold for r in in_domain)


def passed(junk: Sequence[Reading], threshold: float) -> int:
    """Junk texts taken, at or above the threshold, as an intent other than out_of_scope."""
    return sum(r.intent != OUT_OF_SCOPE and r.confidence >= threshold for r in junk)


def read(model: Path, path: Path) -> list[Reading]:
    from rasa.shared.nlu.training_data.loading import load_data

    from scripts.evaluate_nlu import predict

    examples = load_data(str(path)).intent_examples
    parsed, _ = asyncio.run(predict(model, [m.get("text") for m in examples]))
    return [Reading(m.get("intent"), *top_intent(p)) for m, p in zip(examples, parsed, strict=True)]


def report(in_domain: Sequence[Reading], junk: Sequence[Reading]) -> list[str]:
    right = [r.confidence for r in in_domain if r.intent == r.gold]
    junk_other = [r.confidence for r in junk if r.intent != OUT_OF_SCOPE]
    lines = [f"{'confidence percentile':34}" + "".join(f"{f'p{p}':>7}" for p in PERCENTILES)]
    for label, values in (
        (f"in-domain, read right ({len(right)})", right),
        (f"junk, not out_of_scope ({len(junk_other)})", junk_other),
    ):
        lines.append(f"{label:34}" + "".join(f"{percentile(values, p):>7.2f}" for p in PERCENTILES))
    lines.append(f"{'threshold':>10}{'in-domain lost':>18}{'junk passed':>14}")
    for threshold in THRESHOLDS:
        losses, passes = f"{lost(in_domain, threshold)}/{len(in_domain)}", f"{passed(junk, threshold)}/{len(junk)}"
        lines.append(f"{threshold:>10.2f}{losses:>18}{passes:>14}")
    return lines


def main(argv: list[str]) -> int:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")
    from scripts.evaluate_nlu import current_model

    model = Path(argv[0]) if argv else current_model()
    if not model.exists():
        raise SystemExit(f"FEL: modellen {model} finns inte. Kör 'make train'.")
    in_domain = [r for r in read(model, HELDOUT) if r.gold != OUT_OF_SCOPE]
    junk = read(model, JUNK)
    print(f"Model {model.name}: {HELDOUT.relative_to(ROOT)} (in-domain) and {JUNK.relative_to(ROOT)}")
    print("\n".join(report(in_domain, junk)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
