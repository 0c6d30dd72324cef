"""The decision memo as a list of blocks, the one source every format is written from.

Markdown (chat and download), PDF, Word and the web page's formatted view all
walk these blocks, so they cannot disagree about what the memo holds or in
which order. Built only from the result payload (asf.guidance.explain.result_payload).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from asf import messages, tree_changelog
from asf.guidance import sections

DISCLAIMER = (
    "Det här är ett stöd inför ett beslut, inte ett beslut. Bedömningen bygger på svaren nedan och på "
    "Nationella rådets vägledning om arbetsintegrerande sociala företag (2016-04-28). Beslutet fattas av "
    "förbundets styrelse eller av den part som berörs."
)

# Filled in by hand by whoever brings the memo to the board: left empty on purpose.
FORM_FIELDS = ("Diarienummer", "Handläggare")


@dataclass(frozen=True)
class Heading:
    level: int  # 1 is the memo's title
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    note: bool = False  # the reminder that this is not a decision, set apart from the text
    verdict: bool = False  # the verdict sentence, marked with the verdict's colour


@dataclass(frozen=True)
class Fields:
    """Labelled values at the top; an empty value is a field to fill in."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Entry:
    """A list item: an optional bold lead (a question), its text and the citations it rests on.

    `source` marks an entry that is itself a citation (the list of citations)."""

    text: str
    lead: str = ""
    cites: tuple[dict[str, Any], ...] = ()
    source: dict[str, Any] | None = None


@dataclass(frozen=True)
class Items:
    entries: tuple[Entry, ...]
    numbered: bool


Block = Heading | Paragraph | Fields | Items


def answer_note(text: str) -> str:
    """The line a typed answer that also names something to avoid adds to the description, on one line."""
    return messages.text("change.answer_note", text=_one_line(text))


def after_the_result_note(text: str, *, trying: bool) -> str:
    """The line a what-if (`trying`) or a correction after the result adds to the description, on one line."""
    if trying:
        return messages.text("change.tried_note", text=_one_line(text))
    return messages.text("change.correction_note", text=_one_line(text))


def _one_line(text: str) -> str:
    # A note of several lines split in the memo: its second line stood in the description (review of session 40).
    return " ".join(text.split())


# The key in a result for the corrections typed at its summary (kept by asf/dialogue.py).
CORRECTED_AT_THE_SUMMARY = "corrected_at_summary"
# The key in a result for the description's lines of typed answers that a later answer replaced (asf/dialogue.py).
ANSWERS_GIVEN_UP = "answers_given_up"


def _marked_if_given_up(line: str, result: dict[str, Any]) -> str:
    """A typed answer that a later answer replaced, said to be so: the board reads the chat in its order, and trial 68
    (t68-1) found "pengarna går direkt till Kafé Kompassen" above a result about buying a service from it."""
    if line in (result.get(ANSWERS_GIVEN_UP) or ()):
        return f"{line} " + messages.text("memo.answer_given_up")
    return line


def summary_corrections(result: dict[str, Any]) -> tuple[str, ...]:
    """The corrections typed at the summary, each as its line under "Skrivet i samtalet"."""
    return tuple(
        messages.text("change.summary_correction_note", text=_one_line(str(text)))
        for text in result.get(CORRECTED_AT_THE_SUMMARY) or ()
    )


def after_the_result_openings() -> tuple[str, str]:
    """How the lines added after the result begin (the correction's and the what-if's)."""
    return (after_the_result_note("", trying=False).rstrip(": "), after_the_result_note("", trying=True).rstrip(": "))


def conversation_openings() -> tuple[str, ...]:
    """How every line the conversation adds to the description begins."""
    return (answer_note("").rstrip(": "), *after_the_result_openings())


def conversation_lines(description: str) -> tuple[str, tuple[str, ...]]:
    """The description as written, and the lines the conversation added to it (a typed answer, a correction or a
    what-if after the result), in their order."""
    openings = conversation_openings()
    lines = description.split("\n")
    later = tuple(line for line in lines if line.startswith(openings))
    return "\n".join(line for line in lines if not line.startswith(openings)).strip(), later


def quotes(entry: Entry, printed: set[str]) -> list[dict[str, Any]]:
    """The citations whose quote goes beside `entry` in a printed memo: the first time a citation
    appears in the text, and again in the list of citations (`source`). `printed` is updated."""
    found = []
    for cite in entry.cites:
        key = str(cite.get("key") or cite["text"])
        if cite.get("quote") and key not in printed:
            printed.add(key)
            found.append(cite)
    if entry.source is not None and entry.source.get("quote"):
        found.append(entry.source)
    return found


def title(result: dict[str, Any]) -> str:
    return f"Beslutsunderlag: {result['title']}"


def version_text(result: dict[str, Any]) -> str:
    """The tree's version and the day it took effect, in words a board member can use: the change
    log is a file in the assistant's installation, so the memo names who has it, not where it lies."""
    version = str(result["tree_version"])
    day = tree_changelog.date_of(version)
    if day is None:
        return messages.text("memo.version_undated", version=version)
    return messages.text("memo.version", version=version, date=day.isoformat())


def blocks(result: dict[str, Any], date: dt.date | None = None) -> list[Block]:
    """The memo's blocks in reading order."""
    day = (date or dt.date.today()).isoformat()
    out: list[Block] = [
        Heading(1, title(result)),
        Fields(
            (("Datum", day), ("Beslutsträdets version", version_text(result)), *((name, "") for name in FORM_FIELDS))
        ),
        Paragraph(DISCLAIMER, note=True),
    ]
    # The user's own description, when there was one; answers given only by clicking are
    # already the section below, so a sentence saying so would be filler.
    if result.get("description"):
        out += [Heading(2, "Insatsen")]
        # The answers made it an initiative for others than the description says: said before it, not only after.
        if result.get("described_otherwise"):
            out += [Paragraph(result["described_otherwise"], note=True)]
        described, said_later = conversation_lines(result["description"])
        said_later = (*summary_corrections(result), *said_later)
        out += [Paragraph(described)] if described else []
        # A part of it that the answers left out and that could be "bör inte finansieras" on its own.
        left_out = result.get("not_assessed_memo") or result.get("not_assessed") or ()  # the latter: kept before
        out += [Paragraph(text, note=True) for text in left_out]
        out += [Paragraph(text, note=True) for text in result.get("struck_memo") or ()]
        # An answer changed in the conversation after the description, which then says otherwise.
        out += [Paragraph(text, note=True) for text in result.get("changed_answers") or ()]
        if said_later:
            # Words typed in answers, corrections and what-ifs, apart from the description and said to be the user's
            # chat (trials 60–62 read them as part of the description, or as describing another way).
            out += [
                Heading(3, messages.text("memo.said_later_heading")),
                Paragraph(messages.text("memo.said_later_note"), note=True),
                Items(tuple(Entry(_marked_if_given_up(line, result)) for line in said_later), numbered=False),
            ]
    out += [
        Heading(2, "Frågor och svar"),
        Items(
            tuple(
                Entry(f"Svar: {step['answer']}.", lead=step["question"], cites=tuple(step["cites"]))
                for step in result["path"]
            ),
            numbered=True,
        ),
    ]
    # The result's sections in their one order (asf/guidance/sections.py); the title already
    # holds the outcome's title, so under "Bedömning" stands only the verdict sentence.
    for part in sections.parts(result):
        section = part.section
        if section.form == "headline":
            out += [Heading(section.level + 1, section.heading), Paragraph(part.heading, verdict=True)]
            continue
        out.append(Heading(section.level + 1, section.memo_heading or part.heading))
        if section.form == "paragraph":
            out += [Paragraph(item["text"]) for item in part.items]
            continue
        entries = []
        for item in part.items:
            if "cites" in item:
                # A reading of the guidance is marked as one in the memo too, as in the chat.
                text = f"{item['text']} {item['reading_note']}" if item.get("reading_note") else item["text"]
                entries.append(Entry(text, cites=tuple(item["cites"])))
            elif "url" in item or "quote" in item:  # a citation of its own (the list of citations)
                entries.append(Entry(item["text"], source=item))
            else:
                entries.append(Entry(item["text"]))
        out.append(Items(tuple(entries), numbered=section.form == "numbered"))
    return out


def as_json(document: list[Block]) -> list[dict[str, Any]]:
    """The blocks for the web page (custom payload `document`, see docs/integration.md)."""
    out: list[dict[str, Any]] = []
    for block in document:
        if isinstance(block, Heading):
            out.append({"kind": "heading", "level": block.level, "text": block.text})
        elif isinstance(block, Paragraph):
            out.append({"kind": "paragraph", "text": block.text, "note": block.note, "verdict": block.verdict})
        elif isinstance(block, Fields):
            out.append({"kind": "fields", "rows": [{"label": label, "value": value} for label, value in block.rows]})
        else:
            items = [
                {"lead": e.lead, "text": e.text, "cites": list(e.cites), **({"source": e.source} if e.source else {})}
                for e in block.entries
            ]
            out.append({"kind": "list", "numbered": block.numbered, "items": items})
    return out
