"""Who "vi" is: the party the writer says they work at.

Most users write from the förbund, and "vi" is read as the förbund. Staff of a party say so first ("Vi på AF
…", "Jag jobbar på kommunen.", "Jag är handläggare på FK.", "FK-handläggare här."), and then "vi köper
platserna" and "via oss" name that party: "när vi köper en arbetsförberedande insats" says who procures it.
The words "vi" and "oss" then read as the party's name, keeping their offsets, so a quote shows "vi".
"""

from __future__ import annotations

import dataclasses
import re

from asf.guidance import swedish

# The party words a writer names, folded, and the word the tree's lists read for that party.
_PARTIES = {
    "af": "arbetsformedlingen",
    "arbetsformedlingen": "arbetsformedlingen",
    "fk": "forsakringskassan",
    "forsakringskassan": "forsakringskassan",
    "kommunen": "kommunen",
    "soc": "kommunen",
    "socialtjansten": "kommunen",
    "ame": "kommunen",
    "regionen": "regionen",
    "psykiatrin": "regionen",
}
_PARTY = r"(?P<party>" + "|".join(_PARTIES) + r")"
_AT = r"(?:pa|i|hos|vid|fran)"
# The writer at a party, in folded text (no å/ä/ö, lower case).
_WRITER_AT_A_PARTY = tuple(
    re.compile(pattern)
    for pattern in (
        rf"\b(?:vi|jag)\s+{_AT}\s+{_PARTY}\b",  # "vi på AF"
        rf"\bjag\s+(?:jobbar|arbetar|ar\s+anstalld)\s+{_AT}\s+{_PARTY}\b",  # "jag jobbar på kommunen"
        rf"\bjag\s+ar\s+(?:\w+\s+){{0,2}}{_AT}\s+{_PARTY}\b",  # "jag är handläggare på FK"
        rf"\b{_PARTY}(?:[\s-]?\w+)?\s+har\s*[.,!]",  # "FK-handläggare här."
    )
)
# The writer at the förbund after all: "vi" stays the förbund.
_WRITER_AT_THE_FORBUND = re.compile(rf"\b(?:vi|jag)\s+(?:{_AT}|som)\s+(?:samordnings)?forbundet?\b")
_WE = frozenset({"vi", "oss"})


def writers_party(text: str) -> str | None:
    """The party the writer says they work at, as the tree's word for it; None when they do not say, or
    say both a party and the förbund."""
    folded = swedish.fold(text)
    found = {_PARTIES[m.group("party")] for pattern in _WRITER_AT_A_PARTY for m in pattern.finditer(folded)}
    if len(found) != 1 or _WRITER_AT_THE_FORBUND.search(folded):
        return None
    return found.pop()


def we_as_the_party(words: tuple[swedish.Token, ...], party: str) -> tuple[swedish.Token, ...]:
    """`words` with "vi" and "oss" read as the party's name."""
    return tuple(dataclasses.replace(w, word=party, written=party) if w.word in _WE else w for w in words)
