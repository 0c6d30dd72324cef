"""Does the time per message grow with the length of a conversation?

Starts the assistant (one Rasa server, SQLite, `devtools.servers`) and runs
CONVERSATIONS (default 8) conversations one after another, each with ROUNDS
(default 25) assessments in a row in the same conversation. The last
assessment repeats the first one's messages, so the two are compared like
with like. Prints the median per-message latency of the first and of the last
assessment (and of a few between), and the ratio last/first; the exit code is
non-zero when the ratio is above LIMIT (default 1.15), a message went
unanswered or an outcome was wrong.

    python -m bench.growth            # make growth
    CONVERSATIONS=2 ROUNDS=10 python -m bench.growth
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.dialogues import median
from bench.loadtest import Conversation, converse, make_plans, ms

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Growth:
    rounds: int
    by_round: dict[int, float]  # assessment number (0-based) -> median seconds per message
    errors: int
    wrong: int

    @property
    def first(self) -> float:
        return self.by_round.get(0, float("nan"))

    @property
    def last(self) -> float:
        return self.by_round.get(self.rounds - 1, float("nan"))

    @property
    def ratio(self) -> float:
        return self.last / self.first if self.first else float("nan")


def measure(conversations: list[Conversation], rounds: int) -> Growth:
    """The median per-message latency of each assessment, over all conversations."""
    by_round = {
        number: median([s for c in conversations for n, s in c.latencies if n == number]) for number in range(rounds)
    }
    return Growth(
        rounds,
        by_round,
        errors=sum(len(c.errors) for c in conversations),
        wrong=sum(1 for c in conversations if c.outcomes != c.plan.expected),
    )


def report(growth: Growth, limit: float) -> str:
    # The second assessment too: it is the first one that follows a result (and so carries one).
    shown = sorted({0, 1, growth.rounds // 4, growth.rounds // 2, 3 * growth.rounds // 4, growth.rounds - 1})
    second = growth.by_round.get(1, float("nan"))
    lines = [
        "Median per meddelande i bedömning "
        + ", ".join(f"{n + 1}: {ms(growth.by_round[n])} ms" for n in shown if n in growth.by_round),
        f"Första bedömningen {ms(growth.first)} ms, bedömning {growth.rounds} {ms(growth.last)} ms: "
        f"kvot {growth.ratio:.2f} (gräns {limit:.2f}); mot bedömning 2: kvot {growth.last / second:.2f}; "
        f"{growth.errors} fel, {growth.wrong} fel bedömningar",
    ]
    return "\n".join(lines)


def passed(growth: Growth, limit: float) -> bool:
    return growth.ratio <= limit and not growth.errors and not growth.wrong


def main() -> int:
    from devtools.servers import running_servers

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    count = int(os.environ.get("CONVERSATIONS", "8"))
    rounds = int(os.environ.get("ROUNDS", "25"))
    limit = float(os.environ.get("LIMIT", "1.15"))
    plans = make_plans("growth", count, rounds=rounds, last_repeats_first=True)
    with tempfile.TemporaryDirectory(prefix="asf-growth-") as tmp, running_servers(Path(tmp)) as servers:
        # One message first, so that no measured message is the server's first.
        servers.say("growth-warmup", "hej")
        started = time.perf_counter()
        done = [converse(servers.rasa_url, servers.rest_token, plan, time.monotonic() + 1800, 120) for plan in plans]
        wall = time.perf_counter() - started
    growth = measure(done, rounds)
    print(
        f"{count} samtal efter varandra, {rounds} bedömningar i vart och ett, en Rasa-server (SQLite), "
        f"{os.cpu_count()} kärnor, {time.strftime('%Y-%m-%d %H:%M')}, {wall:.0f} s, "
        f"lastmedelvärde {os.getloadavg()[0]:.1f}"
    )
    print(report(growth, limit))
    ok = passed(growth, limit)
    print("Resultat: " + ("GODKÄNT" if ok else "UNDERKÄNT"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
