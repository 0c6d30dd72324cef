"""Full assessment dialogues over REST, sent concurrently, with per-message timing."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import requests
import yaml

STORIES = Path(__file__).resolve().parent.parent / "tests" / "stories"
BUSY = 429
MAX_BUSY = 200  # per conversation: beyond it a 429 counts as an error instead of waiting on


def scripts() -> list[tuple[str, list[str]]]:
    """(expected outcome, user messages) for every button and free-text story."""
    found = []
    for name, prefix in (("outcomes_by_buttons.yml", "buttons to "), ("free_text.yml", "free text to ")):
        for story in yaml.safe_load((STORIES / name).read_text(encoding="utf-8"))["stories"]:
            messages = [step["user"].strip() for step in story["steps"] if "user" in step]
            found.append((story["story"].removeprefix(prefix), messages))
    return found


def percentile(values: Sequence[float], share: float) -> float:
    """The value below which `share` of the values lie (nearest rank); NaN for none."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


@dataclass
class Run:
    latencies: list[float]
    wall: float
    wrong: int
    errors: int
    busy: int = 0  # "upptaget" answers (HTTP 429), each sent again after Retry-After

    def percentile(self, share: float) -> float:
        return percentile(self.latencies, share)

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.wall if self.wall else 0.0

    @property
    def p50(self) -> float:
        return median(self.latencies)


def run(url: str, headers: dict[str, str], conversations: int, concurrency: int, tag: str) -> Run:
    """Full assessment dialogues over REST; `headers` carry the REST channel's token."""
    plans = scripts()
    jobs = [(f"{tag}-{i}", *plans[i % len(plans)]) for i in range(conversations)]

    def converse(job: tuple[str, str, list[str]]) -> tuple[list[float], bool, int, int]:
        sender, expected, messages = job
        session = requests.Session()
        times, outcome, errors, busy = [], None, 0, 0
        for message in messages:
            try:
                while True:
                    start = time.perf_counter()
                    response = session.post(
                        f"{url}/webhooks/rest/webhook",
                        json={"sender": sender, "message": message},
                        headers=headers,
                        timeout=60,
                    )
                    if response.status_code != BUSY or busy >= MAX_BUSY:
                        break
                    # The server runs as many turns as it may (channels/core/admission.py): as a real
                    # client does, wait as asked (and up to a second more, to spread out) and send it again.
                    busy += 1
                    time.sleep(min(30.0, float(response.headers.get("Retry-After", "1"))) + random.random())
                response.raise_for_status()
                replies = response.json()
            except (requests.RequestException, ValueError):
                errors += 1
                continue
            # The answered request's time; the waits after a 429 are counted apart (`busy`).
            times.append(time.perf_counter() - start)
            outcome = next((r["custom"]["outcome_id"] for r in replies if "custom" in r), outcome)
        return times, outcome == expected, errors, busy

    start = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(converse, jobs))
    wall = time.perf_counter() - start
    return Run(
        latencies=[t for times, _, _, _ in results for t in times],
        wall=wall,
        wrong=sum(1 for _, ok, _, _ in results if not ok),
        errors=sum(e for _, _, e, _ in results),
        busy=sum(b for _, _, _, b in results),
    )
