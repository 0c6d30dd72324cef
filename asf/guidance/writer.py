"""Who "vi" is: the party the writer says they work at.

Most users write from the förbund, and "vi" is read as the förbund. Staff of a party say so somewhere in the
text ("Vi på AF …", "Jag jobbar på kommunen.", "Jag är handläggare på FK.", "FK-handläggare här."), and then
"vi köper platserna" and "via oss" name that party: "när vi köper en arbetsförberedande insats" says who
procures it. Only there: "vi" before a verb of procuring, "oss" after "via", "genom", "hos" or "av" or paid by the
förbund ("förbundet betalar oss"), read as the party's name, keeping their offsets, so a quote shows "vi".
Elsewhere "vi" may be the förbund and the party together ("vi vill ge företaget …", "vi parter").
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
    "arbetsmarknadsenheten": "kommunen",
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
    )
)
# "FK-handläggare här.": in the text as written, where "här" (here) is not "har" (has).
_HERE = re.compile(r"\bhär\b", re.IGNORECASE)
_HERE_MARK = "hærmark"  # "här" kept apart from "har" (has) when the text is folded
_PARTY_HERE = re.compile(rf"\b{_PARTY}(?:[\s-]?\w+)?\s+{_HERE_MARK}\s*[.,!]")
# The writer at the förbund after all: "vi" stays the förbund.
_WRITER_AT_THE_FORBUND = re.compile(
    rf"\b(?:vi|jag)\s+(?:{_AT}|som)\s+(?:samordnings)?forbundet?\b"
    r"|\bforbundets\s+(?:rakning|vagnar|kontaktperson|representant)\b"
)
# "vi" names the party only as the one that procures ("vi köper", "vi upphandlar", "vi har avtalet"), "oss"
# only as the way the money goes or where someone is employed ("via oss", "hos oss", "anställd av oss"):
# elsewhere "vi" may be the förbund and the party together ("vi vill ge företaget …", "vi parter").
_WE_PROCURE = ("koper", "kopa", "kopt", "upphandl", "avtal")
_US_AS_A_ROUTE = frozenset({"via", "genom", "hos", "av"})
# "förbundet betalar oss", "förbundet ska ersätta oss" (trial 52, t52-2: "vi på AME upphandlar … och förbundet betalar
# oss" kept the direct route): only with the förbund paying, not "kaféet betalar oss hyra" (review of session 36).
_PAYING_US = frozenset({"betalar", "betala", "ersatter", "ersatta"})
_THE_FORBUND = frozenset({"forbundet", "samordningsforbundet"})
_PAYER_REACH = 2  # words between the förbund and its verb: "förbundet ska sedan betala oss"
_WE_REACH = 3  # "vi skulle vilja köpa"


def writers_party(text: str) -> str | None:
    """The party the writer says they work at, as the tree's word for it; None when they do not say, or
    say both a party and the förbund."""
    folded = swedish.fold(text)
    found = {_PARTIES[m.group("party")] for pattern in _WRITER_AT_A_PARTY for m in pattern.finditer(folded)}
    marked = swedish.fold(_HERE.sub(_HERE_MARK, text))
    found |= {_PARTIES[m.group("party")] for m in _PARTY_HERE.finditer(marked)}
    if len(found) != 1 or _WRITER_AT_THE_FORBUND.search(folded):
        return None
    return found.pop()


def we_as_the_party(words: tuple[swedish.Token, ...], party: str) -> tuple[swedish.Token, ...]:
    """`words` with "vi" that procures and "oss" that the money goes via read as the party's name."""
    return tuple(
        dataclasses.replace(w, word=party, written=party) if _the_party_meant(words, i) else w
        for i, w in enumerate(words)
    )


def _the_party_meant(words: tuple[swedish.Token, ...], index: int) -> bool:
    word = words[index]
    if word.word == "oss":
        before = words[index - 1].word if index > 0 else ""
        if before in _PAYING_US:
            payer = words[max(0, index - 2 - _PAYER_REACH) : index - 1]
            return any(w.word in _THE_FORBUND and w.clause == word.clause for w in payer)
        return before in _US_AS_A_ROUTE
    following = words[index + 1 : index + 1 + _WE_REACH]
    return word.word == "vi" and any(w.word.startswith(_WE_PROCURE) and w.clause == word.clause for w in following)
