"""The parts of an assessment result, in the one order every rendering shows them.

The chat text (`explain.result_text`), the decision memo (`asf/memo/`) and the
web card (`web/chat.js`, from the result payload's `sections`) all walk
`SECTIONS`; none keeps its own list of headings. Change the order or a heading
here and all three follow.

Everything is read from the result payload (`explain.result_payload`), so a
result stored in a conversation before `sections` existed renders the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from asf.guidance.model import VERDICT_SENTENCES

Form = Literal["headline", "numbered", "bullets", "paragraph"]

NOTE = "Det här är ett stöd inför ett beslut, inte ett beslut."


@dataclass(frozen=True)
class ResultSection:
    """One part of the result and how it is shown.

    `form`: "headline" is the verdict as a sentence ("Förbundet bör inte finansiera insatsen.")
    with the outcome's title as its item; "numbered" a list of
    statements with their citations; "bullets" a plain list; "paragraph" one text.
    """

    key: str  # the result payload's field it shows ("verdict": `verdict_sentence` and `title`)
    heading: str
    form: Form
    level: int = 2  # 1: a part of its own; 2: a part of the verdict above it (the memo's sub-headings)
    in_chat: bool = True  # False: the chat text gives these beside each statement instead
    memo_heading: str | None = None  # a shorter heading where the memo's context says the rest


SECTIONS: tuple[ResultSection, ...] = (
    ResultSection("verdict", "Bedömning", "headline", level=1),
    ResultSection("reasons", "Skäl", "numbered"),
    ResultSection("conditions", "Villkor", "numbered"),
    ResultSection("route", "Så går finansieringen", "paragraph"),
    ResultSection("alternative", "Det här kan förbundet göra i stället", "paragraph"),
    ResultSection("next_steps", "Nästa steg", "bullets"),
    ResultSection(
        "cites", "Hänvisningar till vägledningen", "bullets", level=1, in_chat=False, memo_heading="Hänvisningar"
    ),
)


# Shown after a statement that is our reading of the guidance rather than what it says, in every
# channel and in the memo (the payload carries it as `reading_note`, so no channel words it anew).
READING_NOTE = "Det här är en tolkning: vägledningen säger det inte uttryckligen."


@dataclass(frozen=True)
class Part:
    """A section filled from one result: its heading and items (each {"text"}; statements also {"cites"}
    and {"reading"}, true when the statement is a reading of the guidance rather than what it says,
    with {"reading_note"} then, the sentence that says so;
    citations also {"quote"} and {"url"})."""

    section: ResultSection
    heading: str
    items: tuple[dict[str, Any], ...]


def _items(section: ResultSection, result: Mapping[str, Any]) -> tuple[dict[str, Any], ...]:
    if section.form == "headline":
        return ({"text": result["title"]},)
    value = result.get(section.key)
    if not value:
        return ()
    if isinstance(value, str):
        return ({"text": value},)
    items: list[dict[str, Any]] = []
    for entry in value:
        if isinstance(entry, str):
            items.append({"text": entry})
        elif "cites" in entry:
            reading = bool(entry.get("reading"))
            note = {"reading_note": READING_NOTE} if reading else {}
            items.append({"text": entry["text"], "reading": reading, **note, "cites": list(entry["cites"])})
        elif "key" in entry:  # a citation: its text, and its quote and link when the result has them
            items.append({"text": entry["text"], **{k: entry[k] for k in ("quote", "url") if k in entry}})
        else:
            items.append({"text": entry["text"]})
    return tuple(items)


def parts(result: Mapping[str, Any]) -> list[Part]:
    """The result's sections in `SECTIONS` order, without the empty ones."""
    found: list[Part] = []
    for section in SECTIONS:
        items = _items(section, result)
        if not items:
            continue
        heading = verdict_sentence(result) if section.form == "headline" else section.heading
        found.append(Part(section, heading, items))
    return found


def verdict_sentence(result: Mapping[str, Any]) -> str:
    """The verdict as a sentence with förbundet as subject; also for a result stored before
    the payload carried `verdict_sentence`."""
    sentence = result.get("verdict_sentence")
    return str(sentence) if sentence else VERDICT_SENTENCES[result["verdict"]]


def payload_sections(result: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The sections as the result payload carries them, for the web card and other systems."""
    return [
        {"key": part.section.key, "heading": part.heading, "form": part.section.form, "items": list(part.items)}
        for part in parts(result)
    ]
