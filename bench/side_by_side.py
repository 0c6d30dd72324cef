"""Latency of several configurations measured side by side: all their servers run at once, and
the rounds at full concurrency take turns, so whatever else the machine does falls on all of them.

Measured one after the other (A's rounds, then B's), the A/B ratio of p95 followed the machine more
than the configurations: 0.44, 1.06 and 0.52 in three runs of the same code (docs/utveckling.md,
Prestanda). Idle servers cost next to nothing, so running them together changes no figure by itself.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests

from bench.dialogues import Run, median, percentile
from bench.dialogues import run as run_dialogues
from devtools.servers import Servers, running_servers

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Candidate:
    """One configuration to measure: a column of the table."""

    tag: str
    model: Path
    values: dict[str, float]
    endpoints: Path | None = None
    round_p95: list[float] = field(default_factory=list)


def cpu_seconds(pid: int | None) -> float:
    """User and system CPU seconds the process has used so far (all its threads)."""
    if pid is None:
        return float("nan")
    # The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def rss_mb(servers: Servers, pattern: str) -> float:
    pids = subprocess.run(
        ["pgrep", "-g", str(servers.process.pid), "-f", pattern], capture_output=True, text=True
    ).stdout.split()
    total = 0
    for pid in pids:
        status = Path(f"/proc/{pid}/status").read_text()
        total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
    return total / 1024


RASA_SERVER, ACTION_SERVER = " run --model", "rasa run actions"


@contextmanager
def started(candidate: Candidate, tmp: Path) -> Iterator[Servers]:
    """The candidate's servers, answering; records the time from start to the first answer."""
    tmp.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    env = {"ASF_MODEL": str(candidate.model)}
    if candidate.endpoints:
        env["ASF_ENDPOINTS"] = str(candidate.endpoints)
    with running_servers(tmp, extra_env=env) as servers:
        requests.post(
            f"{servers.rasa_url}/webhooks/rest/webhook",
            json={"sender": "first", "message": "hej"},
            headers=servers.rest_headers,
            timeout=60,
        ).raise_for_status()
        candidate.values["start-up to first answer (s)"] = time.perf_counter() - start
        yield servers


def measured_round(servers: Servers, conversations: int, users: int, tag: str) -> tuple[Run, dict[str, float]]:
    """One batch of dialogues and the CPU milliseconds per answered message of each server."""
    pids = {name: servers.pid_of(pattern) for name, pattern in (("Rasa", RASA_SERVER), ("action", ACTION_SERVER))}
    before = {name: cpu_seconds(pid) for name, pid in pids.items()}
    result = run_dialogues(servers.rasa_url, servers.rest_headers, conversations, users, tag)
    answered = max(1, len(result.latencies))
    cpu = {
        f"{name} server CPU per message @{users} (ms)": (cpu_seconds(pid) - before[name]) * 1000 / answered
        for name, pid in pids.items()
    }
    return result, cpu


def _record(candidate: Candidate, users: int, runs: Sequence[Run], cpu: Sequence[dict[str, float]]) -> None:
    latencies = [t for run in runs for t in run.latencies]
    values = candidate.values
    values[f"p50 @{users} (ms)"] = median(latencies) * 1000  # the median, as in the tables before
    for share, name in ((0.95, "p95"), (0.99, "p99")):
        values[f"{name} @{users} (ms)"] = percentile(latencies, share) * 1000
    values[f"throughput @{users} (msg/s)"] = len(latencies) / sum(run.wall for run in runs)
    values[f"wrong verdicts @{users}"] = sum(run.wrong for run in runs)
    values[f"errors @{users}"] = sum(run.errors for run in runs)
    values[f"busy (429) @{users}"] = sum(run.busy for run in runs)
    for key in cpu[0]:
        values[key] = sum(c[key] for c in cpu) / len(cpu)


def measure(
    candidates: Sequence[Candidate], alone: int, conversations: int, concurrency: int, rounds: int, tmp: Path
) -> None:
    """Starts every candidate's servers, then: `alone` dialogues one at a time for each (none for 0), and
    `rounds` rounds of `conversations` dialogues at `concurrency`, the candidates taking turns (the first of a
    round moves one place each round). Figures at full concurrency pool all rounds; each round's p95
    is kept in `round_p95`."""
    with ExitStack() as stack:
        pairs = [(c, stack.enter_context(started(c, tmp / c.tag))) for c in candidates]
        for candidate, servers in pairs if alone else []:
            run, cpu = measured_round(servers, alone, 1, f"{candidate.tag}-1")
            _record(candidate, 1, [run], [cpu])
        runs: dict[str, list[Run]] = {c.tag: [] for c in candidates}
        cpus: dict[str, list[dict[str, float]]] = {c.tag: [] for c in candidates}
        for number in range(rounds):
            turn = number % len(pairs)
            for candidate, servers in pairs[turn:] + pairs[:turn]:
                tag = f"{candidate.tag}-{concurrency}-{number}"
                run, cpu = measured_round(servers, conversations, concurrency, tag)
                runs[candidate.tag].append(run)
                cpus[candidate.tag].append(cpu)
                candidate.round_p95.append(run.percentile(0.95) * 1000)
        for candidate, servers in pairs:
            _record(candidate, concurrency, runs[candidate.tag], cpus[candidate.tag])
            candidate.values["Rasa server RSS (MB)"] = rss_mb(servers, RASA_SERVER)
            candidate.values["action server RSS (MB)"] = rss_mb(servers, ACTION_SERVER)
