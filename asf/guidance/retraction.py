"""What a writer takes back as they write: "tänkte att förbundet betalar direkt till kaféet\nnej förresten, kommunen
köper platserna". People write in a chat as they think (development set 14, trial 52); what they took back is not
what they mean, and reading it put the first thought beside the second ("Direkt" and "Via kommunen" both named).

Only a "nej" that corrects counts: with a word of correction after it ("…, nej förresten, …", "… eller nej, förlåt,
…", "…\näh nej, rättar mig, …"), or opening a line as "men nej, det är …" with the right answer. A "nej" that denies
something ("nej, vi köper inga platser", "…\nNej, inte AF.") takes nothing back, in a description; in a typed answer a
line opening with "nej" does, unless it rules out another answer (`after_the_last`).
"""

from __future__ import annotations

import re

from asf.guidance import swedish

# Folded. A word of correction after "nej": "förresten", "vänta", "förlåt", "rättar mig", "det stämmer inte".
_CORRECTING = (
    r"(?:forresten|vanta|forlat|ursakta|sorry|fel|jag\s+menar|rattar\s+mig|det\s+stammer\s+inte(?:\s+langre)?)"
)
_GAP = r"(?:[^\S\n]|,)+"  # space or a comma, within the line: "nej, förresten", not "nej.\nFörresten"
_AFTER = r"[^\S\n,.!:;]*[,.!:;]?[^\S\n]*"  # the mark and space after the correction
_IN_A_LINE = re.compile(rf"\b(?:eller{_GAP})?(?:nej|na){_GAP}{_CORRECTING}\b{_AFTER}")
# A line opening with "nej" and a word of correction, or with "äh nej", "men nej", "eller nej" and then the right
# answer ("men nej, det är kommunen som blir medlem"); not "men nej, hon är inte anställd där", which denies.
_CORRECTION_OPENING_A_LINE = (
    rf"\n[^\S\n]*(?:(?:ah|men|eller|oj){_GAP})?(?:nej|na){_GAP}{_CORRECTING}\b{_AFTER}"
    rf"|\n[^\S\n]*(?:ah|men|eller|oj){_GAP}(?:nej|na){_GAP}(?=det\s+(?:ar|blir|galler)\b(?!\s+(?:ju\s+)?inte\b))"
)
# In a description a line opening with a plain "nej", "förresten" or "vänta" may deny or add something ("Kommunen
# köper.\nNej, inte AF.", "…\nFörresten, kaféet har sökt bidrag hos oss tidigare."). In a typed answer, after a first
# answer, "nej" takes it back ("hos företaget\nnej, regionen anställer henne"), unless it rules out another ("via
# kommunen\nnej, inte direkt"), and so does "vänta" ("nej\nvänta jo, …").
_OPENING_A_LINE = re.compile(_CORRECTION_OPENING_A_LINE)
_OPENING_AN_ANSWERS_LINE = re.compile(
    rf"{_CORRECTION_OPENING_A_LINE}|\n[^\S\n]*(?:nej|na)\b(?!{_GAP}inte\b){_AFTER}|\n[^\S\n]*vanta\b{_AFTER}"
)
# Where the clause that a correction in a line takes back begins: after a sentence mark, a comma or "och".
_CLAUSE_START = re.compile(r"[,;.!?\n]|\boch\b")


def after_the_last(text: str) -> str | None:
    """What a typed answer says after the last correction that follows some words, or None without one: the
    answer is what the writer settled on ("regionen\nnej förlåt, det är kommunen" is the municipality)."""
    last = None
    for found in _corrections(swedish.fold_in_place(text), _OPENING_AN_ANSWERS_LINE):
        if _has_words(text[: found.start()]):
            last = found
    return text[last.end() :] if last is not None else None


def without_what_was_taken_back(text: str) -> str:
    """`text` with what the writer took back, and the words taking it back, blanked out (same length, so offsets and
    quotes stay the writer's own): the line before a correction opening a line, or the clause before one in a line."""
    blanked = list(text)
    folded = swedish.fold_in_place(text)
    for found in _corrections(folded, _OPENING_A_LINE):
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


def _corrections(folded: str, opening_a_line: re.Pattern[str]) -> list[re.Match[str]]:
    """Every correction in the folded text (same offsets as the text), in order, overlapping ones too."""
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
