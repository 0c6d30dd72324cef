"""What a writer takes back as they write: "tänkte att förbundet betalar direkt till kaféet\nnej förresten, kommunen
köper platserna". People write in a chat as they think (development set 14, trial 52); what they took back is not
what they mean, and reading it put the first thought beside the second ("Direkt" and "Via kommunen" both named).

Only a "nej" that corrects counts: opening a new line ("…\näh nej, rättar mig, …", "…\nmen nej, det är kommunen …"),
or with a word of correction after it anywhere ("…, nej förresten, …", "… eller nej, förlåt, …"). A "nej" that
denies something ("nej, vi köper inga platser") in the first line, or with no line before it, takes nothing back.
"""

from __future__ import annotations

import re

from asf.guidance import swedish

# Folded. A word of correction after "nej": "förresten", "vänta", "förlåt", "rättar mig", "det stämmer inte".
_CORRECTING = (
    r"(?:forresten|vanta|forlat|ursakta|sorry|fel|jag\s+menar|rattar\s+mig|det\s+stammer\s+inte(?:\s+langre)?)"
)
_IN_A_LINE = re.compile(rf"\b(?:eller\s+)?(?:nej|na)\W+{_CORRECTING}\b[\s,.!:;]*")
_CORRECTION_OPENING_A_LINE = (
    rf"\n[^\S\n]*(?:(?:ah|men|eller|oj)\W+)(?:nej|na)\b[\s,.!:;]*(?:{_CORRECTING}\b[\s,.!:;]*)?"
    rf"|\n[^\S\n]*(?:nej|na)\W+{_CORRECTING}\b[\s,.!:;]*"
    rf"|\n[^\S\n]*(?:vanta|forresten)\b[\s,.!:;]*"
)
# In a description a line opening with a plain "nej" may deny something ("Kommunen köper.\nNej, inte AF."); in a
# typed answer, after a first answer, it takes that answer back ("hos företaget\nnej, regionen anställer henne").
_OPENING_A_LINE = re.compile(_CORRECTION_OPENING_A_LINE)
_OPENING_AN_ANSWERS_LINE = re.compile(rf"{_CORRECTION_OPENING_A_LINE}|\n[^\S\n]*(?:nej|na)\b[\s,.!:;]*")
# Where the clause that a correction in a line takes back begins: after a sentence mark, a comma or "och".
_CLAUSE_START = re.compile(r"[,;.!?\n]|\boch\b")


def after_the_last(text: str) -> str | None:
    """What a typed answer says after the last correction that follows some words, or None without one: the
    answer is what the writer settled on ("regionen\nnej förlåt, det är kommunen" is the municipality)."""
    last = None
    for found in _corrections(text, _OPENING_AN_ANSWERS_LINE):
        if _has_words(text[: found.start()]):
            last = found
    return text[last.end() :] if last is not None else None


def without_what_was_taken_back(text: str) -> str:
    """`text` with what the writer took back, and the words taking it back, blanked out (same length, so offsets and
    quotes stay the writer's own): the line before a correction opening a line, or the clause before one in a line."""
    blanked = list(text)
    folded = swedish.fold_in_place(text)
    for found in _corrections(text, _OPENING_A_LINE):
        if not _has_words(text[: found.start()]):
            continue
        if folded[found.start()] == "\n":
            begin = folded.rfind("\n", 0, found.start()) + 1  # the whole line before
        else:
            before = folded[: found.start()].rstrip(" ,;:")
            starts = [m.end() for m in _CLAUSE_START.finditer(before)]
            begin = starts[-1] if starts else 0
        for at in range(begin, found.end()):
            if blanked[at] != "\n":
                blanked[at] = " "
    return "".join(blanked)


def _corrections(text: str, opening_a_line: re.Pattern[str]) -> list[re.Match[str]]:
    """Every correction, in order, overlapping ones too."""
    folded = swedish.fold_in_place(text)
    found: list[re.Match[str]] = []
    at = 0
    while (match := _first_from(folded, at, opening_a_line)) is not None:
        found.append(match)
        at = match.start() + 1  # "nej\nvänta jo": the line's "vänta" is a correction of its own
    return found


def _first_from(folded: str, at: int, opening_a_line: re.Pattern[str]) -> re.Match[str] | None:
    candidates = [m for m in (_IN_A_LINE.search(folded, at), opening_a_line.search(folded, at)) if m is not None]
    return min(candidates, key=lambda m: m.start(), default=None)


def _has_words(text: str) -> bool:
    return re.search(r"\w", text) is not None
