"""`make loadtest`: many concurrent full assessments over REST through nginx to
several Rasa servers (scripts/cluster.py), then a check in the PostgreSQL
tracker store that nothing was lost, duplicated or reordered.

Two phases, each bounded in count and time:
1. a burst: CONVERSATIONS (default 200) assessments at once, each a dialogue
   from the test stories (bench/dialogues.py) with a known expected outcome;
2. long conversations: LONG (default 4) conversations that each run LONG_ROUNDS
   (default 25) assessments in a row, the last one the first one's messages
   again, to show that the time per message does not grow with the length of
   the conversation (at most GROWTH_FACTOR times, see `grew`).

A server that runs as many turns as it may answers "busy" (HTTP 429 with
Retry-After, channels/core/admission.py); the client here does what a real
one should: it waits that long (plus up to a second, so that not all come back
at once) and sends the same message again. Those answers are counted and
printed as load shed, not as losses. An answer that is one of the guard's own
refusals (the turn took too long, the action server did not answer, ...) is an
error: the message was dropped.

Prints conversations, messages, errors, the 429s, p50/p95 latency, each Rasa
server's share of the requests (from nginx's access log) and the store check;
the exit code is non-zero when any message went unanswered or was dropped, any
outcome was wrong, or the store disagrees with what was sent.

    python -m bench.loadtest
    CONVERSATIONS=50 REPLICAS=3 python -m bench.loadtest
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import requests

from bench.dialogues import median, percentile, scripts
from channels.core import guard

if TYPE_CHECKING:
    from scripts.cluster import Cluster

ROOT = Path(__file__).resolve().parent.parent
WEBHOOK = "/webhooks/rest/webhook"


@dataclass(frozen=True)
class Plan:
    """One conversation: its sender id and the assessments it runs, in order."""

    sender: str
    assessments: tuple[tuple[str, tuple[str, ...]], ...]  # (expected outcome, user messages)

    @property
    def messages(self) -> list[str]:
        return [message for _, messages in self.assessments for message in messages]

    @property
    def expected(self) -> list[str]:
        return [outcome for outcome, _ in self.assessments]


# The guard's answers for a message it did not let Rasa handle (or finish): the message was dropped.
DROPPED = {guard.TOO_SLOW, guard.UNAVAILABLE, guard.FAILED, guard.NO_REPLY, guard.BUSY}


@dataclass
class Conversation:
    plan: Plan
    latencies: list[tuple[int, float]] = field(default_factory=list)  # (assessment number, seconds)
    waits: list[float] = field(default_factory=list)  # first send to answer, the waits after a 429 included
    outcomes: list[str] = field(default_factory=list)  # outcome_id of each result the client saw
    errors: list[str] = field(default_factory=list)
    busy: int = 0  # 429 answers: sent again after Retry-After
    retried: int = 0  # messages that got at least one 429


def make_plans(tag: str, count: int, rounds: int = 1, offset: int = 0, last_repeats_first: bool = False) -> list[Plan]:
    """`count` conversations of `rounds` assessments each, taken in turn from the test stories.

    With `last_repeats_first` each conversation's last assessment sends its first one's messages
    again, so that the time per message early and late in a conversation is compared like with like.
    """
    dialogues = [(outcome, tuple(messages)) for outcome, messages in scripts()]
    plans = []
    for number in range(count):
        chosen = [dialogues[(offset + number * rounds + i) % len(dialogues)] for i in range(rounds)]
        if last_repeats_first and rounds > 1:
            chosen[-1] = chosen[0]
        plans.append(Plan(f"{tag}-{number}", tuple(chosen)))
    return plans


def headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def retry_after(response: requests.Response) -> float:
    """The seconds a 429 asks the client to wait, and up to one more so that clients spread out."""
    try:
        seconds = float(response.headers.get("Retry-After", "1"))
    except ValueError:
        seconds = 1.0
    return min(30.0, max(0.0, seconds)) + random.random()


def send(
    session: requests.Session, url: str, body: dict[str, str], result: Conversation, deadline: float, timeout: float
) -> requests.Response | None:
    """Posts `body`, again after each 429 for as long as the server asks; None when time ran out."""
    busy = 0
    while True:
        response = session.post(url + WEBHOOK, json=body, timeout=timeout)
        if response.status_code != 429:
            result.retried += busy > 0
            return response
        busy += 1
        result.busy += 1
        wait = retry_after(response)
        if time.monotonic() + wait > deadline:
            result.retried += 1
            return None
        time.sleep(wait)


def converse(url: str, token: str, plan: Plan, deadline: float, timeout: float) -> Conversation:
    """Sends the plan's messages one after another, as a person would, and times each answer."""
    result = Conversation(plan)
    session = requests.Session()
    session.headers.update(headers(token))
    for number, (_, messages) in enumerate(plan.assessments):
        for message in messages:
            if time.monotonic() > deadline:
                result.errors.append("inte skickat: tiden tog slut")
                continue
            first = time.perf_counter()
            try:
                response = send(session, url, {"sender": plan.sender, "message": message}, result, deadline, timeout)
                if response is None:
                    result.errors.append(f"{message!r}: fortfarande upptaget när tiden tog slut")
                    continue
                start = time.perf_counter() - response.elapsed.total_seconds()
                response.raise_for_status()
                replies = response.json()
            except (requests.RequestException, ValueError) as error:
                result.errors.append(f"{message!r}: {error}")
                continue
            result.latencies.append((number, time.perf_counter() - start))
            result.waits.append(time.perf_counter() - first)
            if not replies:
                result.errors.append(f"{message!r}: inget svar")
            dropped = [reply["text"] for reply in replies if reply.get("text") in DROPPED]
            if dropped:
                result.errors.append(f"{message!r}: {dropped[0][:40]}...")
            result.outcomes += [
                reply["custom"]["outcome_id"]
                for reply in replies
                if isinstance(reply.get("custom"), dict) and reply["custom"].get("type") == "assessment_result"
            ]
    return result


@dataclass
class Phase:
    name: str
    conversations: list[Conversation]
    wall: float

    @property
    def latencies(self) -> list[float]:
        return [seconds for c in self.conversations for _, seconds in c.latencies]

    @property
    def messages(self) -> int:
        return sum(len(c.plan.messages) for c in self.conversations)

    @property
    def errors(self) -> int:
        return sum(len(c.errors) for c in self.conversations)

    @property
    def wrong(self) -> int:
        return sum(1 for c in self.conversations if c.outcomes != c.plan.expected)

    @property
    def busy(self) -> int:
        return sum(c.busy for c in self.conversations)

    @property
    def retried(self) -> int:
        return sum(c.retried for c in self.conversations)

    @property
    def waits(self) -> list[float]:
        return [seconds for c in self.conversations for seconds in c.waits]


def run_phase(name: str, url: str, token: str, plans: Sequence[Plan], seconds: float, timeout: float = 120) -> Phase:
    """All plans at once (one thread each), stopping new messages after `seconds`."""
    deadline = time.monotonic() + seconds
    start = time.perf_counter()
    with ThreadPoolExecutor(max(1, len(plans))) as pool:
        done = list(pool.map(lambda plan: converse(url, token, plan, deadline, timeout), plans))
    return Phase(name, done, time.perf_counter() - start)


def replica_shares(access_log: Path) -> Counter[str]:
    """Webhook requests per Rasa server, from nginx's log ($upstream_addr)."""
    shares: Counter[str] = Counter()
    for line in access_log.read_text(encoding="utf-8", errors="replace").splitlines():
        fields = line.split()
        if len(fields) >= 5 and fields[1] == "POST" and fields[2] == WEBHOOK:
            shares[fields[4]] += 1
    return shares


def check_store(tracker_url: str, plans: Sequence[Plan]) -> list[str]:
    """What the tracker store holds, against what was sent: one line per problem.

    Per conversation: the user messages are stored exactly once each and in the
    order they were sent, every one is followed by at least one bot answer
    before the next, and the assessment results are the expected outcomes in order.
    """
    import sqlalchemy as sa

    from channels.rest import namespaced

    engine = sa.create_engine(tracker_url)
    # The REST channel stores each sender as "rest-<sender>" (channels/rest.py).
    events: dict[str, list[tuple[str, dict[str, object]]]] = {namespaced(plan.sender): [] for plan in plans}
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text("select sender_id, type_name, data from events where sender_id in :senders order by id").bindparams(
                sa.bindparam("senders", expanding=True)
            ),
            {"senders": list(events)},
        )
        for sender, kind, data in rows:
            events[sender].append((kind, json.loads(data)))
    engine.dispose()
    problems = []
    for plan in plans:
        stored = events[namespaced(plan.sender)]
        texts = [str(data.get("text")) for kind, data in stored if kind == "user"]
        if texts != plan.messages:
            problems.append(f"{plan.sender}: {len(texts)} användarmeddelanden sparade, {len(plan.messages)} skickade")
        kinds = [kind for kind, _ in stored if kind in ("user", "bot")]
        unanswered = sum(1 for i, kind in enumerate(kinds) if kind == "user" and kinds[i + 1 : i + 2] != ["bot"])
        if unanswered:
            problems.append(f"{plan.sender}: {unanswered} meddelanden utan svar i databasen")
        outcomes = []
        for kind, data in stored:
            payload = data.get("data") if kind == "bot" else None
            custom = payload.get("custom") if isinstance(payload, dict) else None
            if isinstance(custom, dict) and custom.get("type") == "assessment_result":
                outcomes.append(str(custom["outcome_id"]))
        if outcomes != plan.expected:
            problems.append(f"{plan.sender}: bedömningarna {outcomes}, väntade {plan.expected}")
    return problems


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def summary(phase: Phase) -> str:
    lat = phase.latencies
    return (
        f"{phase.name}: {len(phase.conversations)} samtal, {phase.messages} meddelanden, "
        f"{phase.errors} fel, {phase.wrong} fel bedömningar, "
        f"p50 {ms(median(lat))} ms, p95 {ms(percentile(lat, 0.95))} ms, "
        f"{len(lat) / phase.wall if phase.wall else 0:.1f} meddelanden/s, {phase.wall:.0f} s\n"
        f"  upptaget (429): {phase.busy} svar på {phase.retried} meddelanden, som skickades igen efter Retry-After; "
        f"tid till svar med väntan p50 {ms(median(phase.waits))} ms, p95 {ms(percentile(phase.waits, 0.95))} ms"
    )


def growth(phase: Phase) -> tuple[float, float]:
    """Median latency of the first and of the last assessment in the long conversations."""
    rounds = max(len(c.plan.assessments) for c in phase.conversations)
    first = [s for c in phase.conversations for n, s in c.latencies if n == 0]
    last = [s for c in phase.conversations for n, s in c.latencies if n == rounds - 1]
    return median(first), median(last)


# The long conversations' last assessment (the first one's messages again) may take at most this
# much longer per message than the first: a conversation's length must not cost time per message
# (asf/sessions.py). Wider than `make growth`'s 15 %: here four conversations share two busy servers.
GROWTH_FACTOR = 1.5
GROWTH_SLACK = 0.02  # seconds
GREW = "tiden per meddelande växte med samtalets längd (sista bedömningen mer än 1,5 gånger den första)"


def grew(first: float, last: float) -> bool:
    return last > GROWTH_FACTOR * first + GROWTH_SLACK


@dataclass
class Load:
    burst: Phase
    long: Phase
    shares: Counter[str]
    problems: list[str]

    @property
    def failures(self) -> list[str]:
        """Why the run failed, one reason a line; empty when it passed."""
        first, last = growth(self.long)
        reasons = []
        if self.problems:
            reasons.append("databasen stämmer inte med det som skickades")
        if any(p.errors for p in (self.burst, self.long)):
            reasons.append("meddelanden utan svar eller tappade")
        if any(p.wrong for p in (self.burst, self.long)):
            reasons.append("fel bedömningar")
        if grew(first, last):
            reasons.append(GREW)
        return reasons

    @property
    def ok(self) -> bool:
        return not self.failures


def run_load(
    cluster: Cluster,
    conversations: int,
    long: int,
    rounds: int,
    seconds: float,
    tag: str = "load",
    warmup: int = 4,
) -> Load:
    url, token = cluster.url, cluster.rest_token
    # A few messages first (round-robin reaches every server), so that no measured
    # message is also a server's first one.
    for number in range(warmup):
        requests.post(
            url + WEBHOOK,
            json={"sender": f"{tag}-warmup-{number}", "message": "hej"},
            headers=headers(token),
            timeout=120,
        ).raise_for_status()
    started = time.monotonic()
    burst_plans = make_plans(f"{tag}-burst", conversations)
    burst = run_phase("Samtidiga bedömningar", url, token, burst_plans, seconds)
    long_plans = make_plans(f"{tag}-long", long, rounds=rounds, offset=7, last_repeats_first=True)
    left = max(1.0, seconds - (time.monotonic() - started))
    long_phase = run_phase(f"Långa samtal ({rounds} bedömningar i rad)", url, token, long_plans, left)
    problems = check_store(cluster.tracker_url, burst_plans + long_plans)
    return Load(burst, long_phase, replica_shares(cluster.access_log), problems)


def report(load: Load) -> str:
    total = load.burst.latencies + load.long.latencies
    requests_total = sum(load.shares.values()) or 1
    first, last = growth(load.long)
    lines = [
        summary(load.burst),
        summary(load.long),
        f"Långa samtal: p50 {ms(first)} ms i första bedömningen, {ms(last)} ms i sista (samma meddelanden), "
        f"kvot {last / first if first else float('nan'):.2f}",
        f"Totalt: {len(load.burst.conversations) + len(load.long.conversations)} samtal, "
        f"{load.burst.messages + load.long.messages} meddelanden, {load.burst.errors + load.long.errors} fel, "
        f"p50 {ms(median(total))} ms, p95 {ms(percentile(total, 0.95))} ms, "
        f"{load.burst.busy + load.long.busy} upptaget-svar (429) på {load.burst.retried + load.long.retried} "
        "meddelanden",
        "Andel per Rasa-server (nginx): "
        + ", ".join(f"{addr} {n} ({100 * n / requests_total:.0f} %)" for addr, n in sorted(load.shares.items())),
        "Databasen (PostgreSQL): "
        + ("alla meddelanden sparade en gång, i ordning, med svar; alla bedömningar rätt" if not load.problems else ""),
        *load.problems[:20],
        "Resultat: " + ("GODKÄNT" if load.ok else "UNDERKÄNT: " + "; ".join(load.failures)),
    ]
    return "\n".join(lines)


def main() -> int:
    from scripts.cluster import running_cluster

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    replicas = int(os.environ.get("REPLICAS", "2"))
    conversations = int(os.environ.get("CONVERSATIONS", "200"))
    long = int(os.environ.get("LONG", "4"))
    rounds = int(os.environ.get("LONG_ROUNDS", "25"))
    seconds = float(os.environ.get("LOAD_SECONDS", "900"))
    print(
        f"Startar {replicas} Rasa-servrar bakom nginx med PostgreSQL och Redis; "
        f"sedan {conversations} samtidiga bedömningar och {long} långa samtal (högst {seconds:.0f} s).",
        file=sys.stderr,
    )
    with tempfile.TemporaryDirectory(prefix="asf-loadtest-") as tmp, running_cluster(Path(tmp), replicas) as cluster:
        load = run_load(
            cluster,
            conversations,
            long,
            rounds,
            seconds,
            warmup=2 * replicas,
        )
        print(f"{replicas} Rasa-servrar bakom nginx, {os.cpu_count()} kärnor, {time.strftime('%Y-%m-%d')}")
        print(report(load))
    return 0 if load.ok else 1


if __name__ == "__main__":
    sys.exit(main())
