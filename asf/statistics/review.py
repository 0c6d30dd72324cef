"""Masked transcripts for improving the tree and the NLU (`make samtal`), as Markdown.

A conversation is included when something in it went wrong for the user: a message the
assistant did not understand, a summary of a description the user said no to, "Nej" to
"Hade du nytta av bedömningen?", or a result that the guidance does not cover. Each
transcript is numbered; it never shows a sender id, and every line is masked again
(asf/privacy.py), whatever the channel stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from asf.statistics.figures import Period, channel_name, local, outcome_name
from asf.statistics.replay import Conversation

REASONS = {
    "forstod_inte": "assistenten förstod inte ett meddelande",
    "avvisad": "användaren sa nej till sammanfattningen",
    "nej": "användaren svarade Nej på frågan om nytta",
    "tacks_inte": "resultatet täcks inte av vägledningen",
}


@dataclass(frozen=True)
class Selection:
    period: Period = field(default_factory=Period)
    reasons: frozenset[str] = frozenset(REASONS)  # any of these
    outcome: str | None = None  # only conversations with a result with this outcome id


def reasons(conversation: Conversation, period: Period) -> list[str]:
    """Why the conversation is worth reading, in the order of REASONS (within the period)."""
    inside = [a for a in conversation.assessments if period.contains(a.started)]
    found = {
        "forstod_inte": any(period.contains(m.at) for m in conversation.misreads),
        "avvisad": any(a.summary_rejected for a in inside),
        "nej": any(a.feedback == "nej" for a in inside),
        "tacks_inte": any(a.verdict == "out_of_scope" for a in inside),
    }
    return [key for key in REASONS if found[key]]


def selected(conversation: Conversation, selection: Selection) -> list[str]:
    why = [key for key in reasons(conversation, selection.period) if key in selection.reasons]
    if selection.outcome is not None and not any(
        a.outcome == selection.outcome and selection.period.contains(a.started) for a in conversation.assessments
    ):
        return []
    return why


def _quote(text: str) -> str:
    """A message as a Markdown block quote; Markdown's own characters at a line start are escaped."""
    lines = text.splitlines() or [""]
    return "\n".join("> " + ("\\" + line if line[:1] and line[:1] in "#>-*+|" else line) for line in lines)


def transcript(number: int, conversation: Conversation, why: list[str]) -> str:
    started = local(conversation.first or 0).strftime("%Y-%m-%d")
    outcomes = sorted({outcome_name(a.outcome) for a in conversation.assessments if a.outcome})
    head = [
        f"## Samtal {number}",
        "",
        f"- Datum: {started}",
        f"- Kanal: {channel_name(conversation.channel)}",
        f"- Varför det är med: {'; '.join(REASONS[key] for key in why)}",
    ]
    if outcomes:
        head.append(f"- Resultat: {'; '.join(outcomes)}")
    body: list[str] = []
    for line in conversation.transcript:
        who = "Användaren" if line.speaker == "user" else "Assistenten"
        body += ["", f"**{who}** ({local(line.at).strftime('%H:%M')}):", "", _quote(line.text)]
    return "\n".join([*head, *body])


def render(conversations: Iterable[Conversation], selection: Selection) -> tuple[str, int]:
    """The Markdown document and how many conversations it holds."""
    chosen_ones = [(c, why) for c in conversations if (why := selected(c, selection))]
    chosen_ones.sort(key=lambda item: item[0].first or 0.0)  # by date, not by the store's order of senders
    parts = [transcript(number, c, why) for number, (c, why) in enumerate(chosen_ones, start=1)]
    chosen = ", ".join(REASONS[key] for key in REASONS if key in selection.reasons)
    intro = [
        "# Samtal att granska",
        "",
        f"Period: {selection.period.label()}. Med: samtal där {chosen}"
        + (f", med utfallet {outcome_name(selection.outcome)}" if selection.outcome else "")
        + ".",
        "",
        "Personnummer, telefonnummer och e-postadresser är borttagna. Avsändarna visas inte; samtalen är "
        "bara numrerade. En knapp som användaren klickade på visas som [knappens text].",
        "",
        f"Antal samtal: {len(parts)}.",
    ]
    return "\n\n".join(["\n".join(intro), *parts]) + "\n", len(parts)
