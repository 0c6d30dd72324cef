"""The report's figures, counted from replayed conversations for one period.

Every figure is a `Table` (rows of a label and numbers), so the HTML report and the CSV show
exactly the same numbers. Free text (masked misunderstood messages and feedback comments) is
kept apart in `Texts`; it goes into the HTML report only.

An assessment, a typed answer or a training round belongs to the period in which it started
(Swedish time). Shares are percentages with one decimal; None means "not applicable" (no
denominator).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from asf.guidance.loader import default_tree
from asf.guidance.model import VERDICT_NAMES, VERDICTS, sentence_case
from asf.statistics.replay import SUMMARY, Assessment, Conversation
from asf.training.cases import default_cases

ZONE = ZoneInfo("Europe/Stockholm")
Value = int | float | None

CHANNELS = {"socketio": "Intranätet", "rest": "REST (andra system)", "botframework": "Teams", "slack": "Slack"}
OUTSIDE = "Utanför en fråga"
MESSAGE_BUCKETS = ((1, 5), (6, 10), (11, 15), (16, 20), (21, None))
MINUTE_BUCKETS = ((0, 2), (2, 5), (5, 10), (10, 30), (30, None))
SCORE_BUCKETS = ((0, 25), (25, 50), (50, 75), (75, 100))


@dataclass(frozen=True)
class Table:
    key: str  # short id, for the CSV and the HTML anchors
    title: str
    columns: tuple[str, ...]  # the value columns; the first column is the row label
    rows: tuple[tuple[str, tuple[Value, ...]], ...]

    def value(self, label: str, column: str) -> Value:
        """One number, for tests and the key figures."""
        row = dict(self.rows)[label]
        return row[self.columns.index(column)]


@dataclass(frozen=True)
class Period:
    since: date | None = None  # first day, inclusive
    until: date | None = None  # last day, inclusive

    def bounds(self) -> tuple[float | None, float | None]:
        """[start, end) as Unix timestamps, Swedish time."""
        start = datetime.combine(self.since, datetime.min.time(), ZONE).timestamp() if self.since else None
        end = (
            datetime.combine(self.until + timedelta(days=1), datetime.min.time(), ZONE).timestamp()
            if self.until
            else None
        )
        return start, end

    def contains(self, at: float) -> bool:
        start, end = self.bounds()
        return (start is None or at >= start) and (end is None or at < end)

    def label(self) -> str:
        if self.since and self.until:
            return f"{self.since.isoformat()} – {self.until.isoformat()}"
        if self.since:
            return f"från och med {self.since.isoformat()}"
        if self.until:
            return f"till och med {self.until.isoformat()}"
        return "hela tiden som finns sparad"


@dataclass
class Texts:
    """Masked free text for the report: what was not understood, and the feedback comments."""

    misread: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    comments: list[tuple[str, str, str]] = field(default_factory=list)  # (outcome title, Ja/Nej, comment)


@dataclass
class Figures:
    period: Period
    tables: dict[str, Table]
    texts: Texts
    conversations: int


def local(at: float) -> datetime:
    return datetime.fromtimestamp(at, ZONE)


def week(at: float) -> str:
    year, number, _ = local(at).isocalendar()
    return f"{year}-v{number:02d}"


def month(at: float) -> str:
    return local(at).strftime("%Y-%m")


def share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


@cache
def _question_names() -> dict[str, str]:
    tree = default_tree()
    return {qid: sentence_case(question.short) for qid, question in tree.questions.items()}


def question_name(question: str | None) -> str:
    if question is None:
        return OUTSIDE
    if question == SUMMARY:
        return "Sammanfattningen av en beskrivning"
    return _question_names().get(question, question)


def outcome_name(outcome: str | None) -> str:
    found = default_tree().outcomes.get(outcome or "")
    return found.title if found is not None else f"Okänt utfall ({outcome})"


def case_name(case: str) -> str:
    found = default_cases().cases.get(case)
    return found.title if found is not None else f"Okänt fall ({case})"


def channel_name(channel: str) -> str:
    return CHANNELS.get(channel, channel or "Okänd kanal")


def _bucket(value: float, buckets: Sequence[tuple[int, int | None]], unit: str) -> str:
    for low, high in buckets:
        if high is None or value < high or (unit == "meddelanden" and value <= high):
            return _bucket_label(low, high, unit)
    return _bucket_label(*buckets[-1], unit)


def _bucket_table(
    key: str, title: str, values: Iterable[float], buckets: Sequence[tuple[int, int | None]], unit: str
) -> Table:
    """How many values fall in each bucket, every bucket listed (also the empty ones)."""
    counts = Counter(_bucket(value, buckets, unit) for value in values)
    labels = (_bucket_label(low, high, unit) for low, high in buckets)
    return _table(key, title, ("Bedömningar",), ((label, (counts[label],)) for label in labels))


def _bucket_label(low: int, high: int | None, unit: str) -> str:
    if high is None:
        return f"{low} {unit} eller fler" if unit == "meddelanden" else f"{low} {unit} eller mer"
    if unit == "meddelanden":
        return f"{low}–{high} {unit}"
    return f"{low}–{high} {unit}" if low else f"under {high} {unit}"


def _score_label(low: int, high: int) -> str:
    if low == 0:
        return f"under {high} % rätt"
    return f"{low}–{high} % rätt" if high == 100 else f"{low}–{high - 1} % rätt"


def _table(key: str, title: str, columns: Iterable[str], rows: Iterable[tuple[str, Sequence[Value]]]) -> Table:
    return Table(key, title, tuple(columns), tuple((label, tuple(values)) for label, values in rows))


def count(conversations: Iterable[Conversation], period: Period | None = None) -> Figures:
    """Every figure of the report for `period` (default: everything stored)."""
    period = period or Period()
    assessments: list[Assessment] = []
    typed: Counter[str] = Counter()
    misread: Counter[str | None] = Counter()  # by question id; None outside a question
    texts = Texts()
    rounds = []
    seen = 0
    for conversation in conversations:
        seen += 1
        assessments += [a for a in conversation.assessments if period.contains(a.started)]
        typed.update(q for at, q in conversation.typed_answers if period.contains(at))
        for item in conversation.misreads:
            if period.contains(item.at):
                misread[item.question] += 1
                if item.text.strip():
                    texts.misread[question_name(item.question)][item.text.strip()] += 1
        rounds += [r for r in conversation.rounds if period.contains(r.started)]
    finished = [a for a in assessments if a.finished is not None]
    stopped = [a for a in assessments if a.finished is None and a.stopped_at is not None]
    tables: list[Table] = []

    # Over time, per verdict, outcome and channel.
    def over_time(key: str, title: str, label: object) -> Table:
        started = Counter(label(a.started) for a in assessments)  # type: ignore[operator]
        ended = Counter(label(a.started) for a in finished)  # type: ignore[operator]
        return _table(key, title, ("Började", "Med resultat"), ((k, (started[k], ended[k])) for k in sorted(started)))

    tables.append(over_time("per_vecka", "Bedömningar per vecka", week))
    tables.append(over_time("per_manad", "Bedömningar per månad", month))
    verdicts = Counter(a.verdict for a in finished)
    tables.append(
        _table(
            "per_bedomning",
            "Resultat per bedömning",
            ("Antal", "Andel (%)"),
            ((sentence_case(VERDICT_NAMES[v]), (verdicts[v], share(verdicts[v], len(finished)))) for v in VERDICTS),
        )
    )
    outcomes = Counter(outcome_name(a.outcome) for a in finished)
    tables.append(
        _table(
            "per_utfall",
            "Resultat per utfall i beslutsträdet",
            ("Antal", "Andel (%)"),
            (
                (name, (n, share(n, len(finished))))
                for name, n in sorted(outcomes.items(), key=lambda kv: (-kv[1], kv[0]))
            ),
        )
    )
    started_in = Counter(channel_name(a.channel) for a in assessments)
    finished_in = Counter(channel_name(a.channel) for a in finished)
    tables.append(
        _table(
            "per_kanal",
            "Bedömningar per kanal",
            ("Började", "Med resultat"),
            ((name, (started_in[name], finished_in[name])) for name in sorted(started_in)),
        )
    )

    # Where assessments stop, and how long a finished one takes.
    stops = Counter(question_name(a.stopped_at) for a in stopped)
    tables.append(
        _table(
            "avbrutna",
            "Bedömningar som slutade utan resultat, per fråga där de slutade",
            ("Antal", "Andel (%)"),
            ((name, (n, share(n, len(stopped)))) for name, n in sorted(stops.items(), key=lambda kv: (-kv[1], kv[0]))),
        )
    )
    messages = [a.messages for a in finished]
    minutes = [(a.finished - a.started) / 60 for a in finished if a.finished is not None]

    def middle(values: list[int] | list[float]) -> tuple[Value, Value]:
        if not values:
            return None, None
        return round(float(statistics.median(values)), 1), round(statistics.fmean(values), 1)

    tables.append(
        _table(
            "langd",
            "Hur lång en bedömning med resultat är",
            ("Median", "Medel"),
            (("Meddelanden från användaren", middle(messages)), ("Minuter", middle(minutes))),
        )
    )
    tables.append(
        _bucket_table(
            "langd_meddelanden",
            "Bedömningar med resultat, efter antal meddelanden",
            messages,
            MESSAGE_BUCKETS,
            "meddelanden",
        )
    )
    tables.append(
        _bucket_table("langd_minuter", "Bedömningar med resultat, efter tid", minutes, MINUTE_BUCKETS, "minuter")
    )

    # Not covered, rejected summaries, misunderstood answers.
    uncovered = verdicts["out_of_scope"]
    described = [a for a in assessments if a.summary_shown]
    rejected = sum(a.summary_rejected for a in described)
    asked = {q for q in [*typed, *misread] if q is not None}
    misread_rows: list[tuple[str, Sequence[Value]]] = [
        (question_name(q), (typed[q], misread[q], share(misread[q], typed[q])))
        for q in sorted(asked, key=question_name)
    ]
    if misread[None]:
        misread_rows.append((OUTSIDE, (None, misread[None], None)))
    tables.append(
        _table(
            "forstod_inte",
            "Skrivna svar som assistenten inte förstod, per fråga",
            ("Skrivna svar", "Förstod inte", "Andel (%)"),
            misread_rows,
        )
    )

    # Feedback per outcome.
    answered = [a for a in finished if a.feedback is not None]
    per_outcome: dict[str, Counter[str]] = defaultdict(Counter)
    for a in answered:
        per_outcome[outcome_name(a.outcome)][a.feedback or ""] += 1
        if a.comment:
            texts.comments.append((outcome_name(a.outcome), sentence_case(a.feedback or ""), a.comment))
    texts.comments.sort()
    tables.append(
        _table(
            "nytta",
            "Hade du nytta av bedömningen? Svar per utfall",
            ("Ja", "Nej", "Andel ja (%)"),
            (
                (name, (c["ja"], c["nej"], share(c["ja"], c["ja"] + c["nej"])))
                for name, c in sorted(per_outcome.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
            ),
        )
    )

    # Training mode.
    judged_rounds = [r for r in rounds if r.judgements]
    judgements = [j for r in rounds for j in r.judgements]
    scores: Counter[str] = Counter()
    for r in judged_rounds:
        percent = 100 * sum(right for _, right in r.judgements) / len(r.judgements)
        low, high = next((lo, hi) for lo, hi in SCORE_BUCKETS if percent < hi or hi == 100)
        scores[_score_label(low, high)] += 1
    tables.append(
        _table(
            "ovning_poang",
            "Övningsomgångar efter andel rätt",
            ("Omgångar",),
            ((label, (scores[label],)) for label in (_score_label(lo, hi) for lo, hi in SCORE_BUCKETS)),
        )
    )
    per_case: dict[str, Counter[bool]] = defaultdict(Counter)
    for case, right in judgements:
        per_case[case_name(case)][right] += 1
    tables.append(
        _table(
            "ovning_fall",
            "Övningsfall: andel felaktiga bedömningar per fall",
            ("Bedömningar", "Fel", "Andel fel (%)"),
            (
                (name, (c[True] + c[False], c[False], share(c[False], c[True] + c[False])))
                for name, c in sorted(
                    per_case.items(), key=lambda kv: (-(share(kv[1][False], sum(kv[1].values())) or 0), kv[0])
                )
            ),
        )
    )

    feedback_yes = sum(a.feedback == "ja" for a in answered)
    overview = _table(
        "oversikt",
        "Nyckeltal",
        ("Värde",),
        (
            ("Samtal", (seen,)),
            ("Bedömningar som började", (len(assessments),)),
            ("Bedömningar med resultat", (len(finished),)),
            ("Bedömningar utan resultat", (len(stopped),)),
            ("Andel med resultat som inte täcks av vägledningen (%)", (share(uncovered, len(finished)),)),
            ("Beskrivningar med egna ord som fick en sammanfattning", (len(described),)),
            ("Sammanfattningar som användaren sa nej till", (rejected,)),
            ("Andel sammanfattningar som användaren sa nej till (%)", (share(rejected, len(described)),)),
            ("Skrivna svar på frågor", (sum(typed.values()),)),
            ("Meddelanden som assistenten inte förstod", (sum(misread.values()),)),
            ("Svar på frågan om nytta", (len(answered),)),
            ("Andel som svarade ja (%)", (share(feedback_yes, len(answered)),)),
            ("Övningsomgångar", (len(rounds),)),
            ("Bedömda övningsfall", (len(judgements),)),
            ("Andel rätt i övningsläget (%)", (share(sum(right for _, right in judgements), len(judgements)),)),
        ),
    )
    ordered = {overview.key: overview, **{t.key: t for t in tables}}
    return Figures(period, ordered, texts, seen)
