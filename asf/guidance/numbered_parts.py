"""The parts a description numbers, and a later message asking for one of them.

"Ett projekt i tre delar: 1) kommunen upphandlar …, 2) förbundet arrangerar …, 3) förbundet köper in …" is
three initiatives; read as one, who it is for was a question between all of them and the third part's cash
register for the company was never named (trial 24, t24-12; trial 23, t23-8). "del 3 då?" or "ta den tredje
delen" afterwards asks for one of them.
"""

from __future__ import annotations

import re

from asf.guidance import swedish

# A number that opens a part: "1)", "2.", "3:" after a space, a line break or a colon, or "Del 2:", "Fas 2:";
# then a space.
_MARK = re.compile(
    r"(?:^|(?<=[\s:;,]))(?:(?:del|fas|steg|etapp|punkt)\s+)?(?P<number>[1-9])\s?[).:](?=\s)", re.IGNORECASE
)
_ENDING = " ,;./\n\t"  # a part's own full stop too (quoted, it would stand before another), and "… / 2."
_JOINING = re.compile(r"\s+(?:och|samt)$", re.IGNORECASE)
# A short question closing the text ("Vad säger du?", "Går det?") is about all the parts, not the last one's.
_CLOSING_QUESTION = re.compile(r"(?<=[.!])\s+[^.!?\n]{1,40}\?\s*$")
_CLOSING_WORDS = 5

_CARDINALS = {"1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "ett": 1, "tva": 2, "två": 2, "tre": 3, "fyra": 4, "fem": 5}
_ORDINALS = {"forsta": 1, "första": 1, "andra": 2, "tredje": 3, "fjarde": 4, "fjärde": 4, "femte": 5}


def _asked_by(nouns: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:{nouns})\s+(?P<cardinal>{'|'.join(_CARDINALS)})\b"
        rf"|\b(?P<ordinal>{'|'.join(_ORDINALS)})\s+del(?:en)?\b",
        re.IGNORECASE,
    )


# "del 2", "del två", "punkt 3", "den andra delen", "tredje delen": a part asked for by its number ("en del
# av hyran" is none); as a part only, not "punkt 3" or "nummer 2".
_ASKED = _asked_by(r"del(?:en)?|punkt(?:en)?|nummer")
_ASKED_AS_A_PART = _asked_by(r"del(?:en)?")
_SHORT_REQUEST = 10  # words: "och del 3 då?", "del 1 vet jag är ok, ta del 2 direkt"; longer is a description


# "har en fråga: 1 vi vill köpa … 2 kommunen vill …" numbers its parts with bare digits (trial 30, t30-19). A bare
# digit is a count as often ("1 000 kr", "2 deltagare"), so it numbers parts only when the first opens the text,
# follows a colon or a word announcing parts, every one is followed by a word that is no unit or counted noun, and
# every part has some words of its own.
_BARE_MARK = re.compile(r"(?:^|(?<=[\s:;,]))(?P<number>[1-9])\s+(?=[^\W\d_])")
_ANNOUNCED = re.compile(
    r"(?:^|[:;]|\b(?:förslag|forslag|saker|grejer|delar|insatser|frågor|fragor|idéer|ideer|punkter|alternativ))"
    r"\W*$",
    re.IGNORECASE,
)
_COUNTED = re.compile(
    r"(?:kr|kronor|tkr|mkr|miljoner?|st|procent|år|ar|månad(?:er)?|manad(?:er)?|veckor?|dagar?|timm(?:e|ar)|tim"
    r"|min|h|personer|person|deltagare|platser|plats|gånger|gang(?:er)?|gång|anställda|anstallda|handledare"
    r"|företag|foretag|arbetsträningsplatser|praktikplatser)\b",
    re.IGNORECASE,
)
_FEWEST_WORDS = 3  # in a part numbered by bare digits


def _marks(text: str) -> list[re.Match[str]]:
    """The marks that number the text's parts from 1 upwards, at least two; punctuated ones ("1)", "2.") first."""
    punctuated = list(_MARK.finditer(text))
    if _in_order(punctuated):
        return punctuated
    bare = list(_BARE_MARK.finditer(text))
    if not _in_order(bare) or not _ANNOUNCED.search(text[: bare[0].start()]):
        return []
    if any(_COUNTED.match(text, mark.end()) for mark in bare):
        return []
    ends = [following.start() for following in bare[1:]] + [len(text)]
    if any(len(text[mark.end() : end].split()) < _FEWEST_WORDS for mark, end in zip(bare, ends, strict=True)):
        return []
    return bare


def _in_order(marks: list[re.Match[str]]) -> bool:
    return len(marks) >= 2 and all(mark.group("number") == str(i + 1) for i, mark in enumerate(marks))


def numbered_parts(text: str) -> list[str]:
    """The parts in order, each without its number, when the text numbers at least two from 1 upwards."""
    marks = _marks(text)
    if not marks:
        return []
    parts = []
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        end = following.start() if following is not None else len(text)
        part = _JOINING.sub("", text[mark.end() : end].strip(_ENDING)).strip(_ENDING)
        if not part:
            return []
        parts.append(part)
    closing = _CLOSING_QUESTION.search(parts[-1])
    if closing is not None and len(closing.group().split()) <= _CLOSING_WORDS:
        parts[-1] = parts[-1][: closing.start()].strip(_ENDING)
    return parts


# "Två frågor om lokaler: 1) … 2) …", "tre olika förslag": the text announces several things, so its numbered parts
# are initiatives of their own even where one part's words name nothing the tree asks (trial 31, t31-7).
_SEVERAL = re.compile(
    r"\b(?:två|tva|tre|fyra|fem|[2-5]|flera)\s+(?:olika\s+)?(?:frågor|fragor|saker|förslag|forslag|insatser|idéer"
    r"|ideer|ärenden|arenden|initiativ|grejer|projekt)\b",
    re.IGNORECASE,
)


def announces_several(text: str) -> bool:
    """What comes before the numbered parts says they are several things ("Två frågor:")."""
    return bool(_SEVERAL.search(preamble(text)))


def preamble(text: str) -> str:
    """What the text says before its first numbered part ("Vi planerar ett projekt i tre delar:")."""
    marks = _marks(text)
    return text[: marks[0].start()] if marks else text


# Words of a message that says something about a part rather than asking for it ("punkt 2 stämmer inte",
# "den andra delen är inte aktuell längre", "stryk del 3").
_ABOUT_A_PART = re.compile(
    r"\b(?:inte|ej|fel|stammer|stämmer|stryk|strunta|glom|glöm|skippa|aktuell|behover|behöver|behovs|behövs"
    r"|hoppa over|hoppa över)\b",
    re.IGNORECASE,
)
# "kan du inte ta del 2?" is a polite request, whatever its "inte".
_POLITE = re.compile(r"\b(?:kan|kunde)\s+(?:du|vi|ni)\s+inte\s+ta\b", re.IGNORECASE)
# After "del 2": "av" only for what a part of a description is of ("del 2 av 2", "av beskrivningen"), not "av lönen".
_OF_WHAT = r"(?:\d|ett|två|tva|tre|fyra|fem|beskrivningen|texten|förslaget|forslaget|listan)"
_PART_OF_THE_TEXT = re.compile(rf"\s*av\s+{_OF_WHAT}\b|(?!\s*av\b)", re.IGNORECASE)
_IN_A_PART_OF = re.compile(r"\bi\s+(?:den\s+)?\w+\s+delen\s+av\b", re.IGNORECASE)  # "i andra delen av kommunen"


# A verb asking for a part ("ta del 2", "bedöm punkt 3"; "och" is none: "del 2 och del 3 tack" asks for the
# second first), and the forms of a request ("och del 3 då?" is one).
_VERBS = "ta|bedöm|bedom|kör|kor|gör|gor|nu"
_BEFORE_A_PART = r"\s+(?:den\s+)?(?:\w+\s+)?(?:del|punkt|nummer)"  # "ok, nu nummer 2" (trial 32, t32-9)
_ASKING_VERB = re.compile(rf"\b(?:{_VERBS}){_BEFORE_A_PART}", re.IGNORECASE)
_REQUEST = re.compile(
    rf"\b(?:{_VERBS}|och){_BEFORE_A_PART}"
    r"|\b(?:del|punkt|nummer)(?:en)?\s+\w+\W*(?:då|da|först|forst|tack|direkt|nu)\b"
    r"|^\W*(?:del|punkt|nummer)\s+\w+(?:\s+av\s+\w+)?\W*(?:tack)?\W*$"
    r"|\b(?:då|da)\s*,\s*(?:del|punkt)\s+\w+\W*$",  # "medlemsavgiften då, punkt 2?" (trial 27, t27-12)
    re.IGNORECASE,
)


def part_named(text: str, as_a_part_only: bool = False) -> int | None:
    """The number of the part a message names anywhere ("kan jag få beslutsunderlaget för del 1 också?"), if one;
    `as_a_part_only`: named as a part ("del 1", "första delen"), not as a point or a number ("punkt 3")."""
    found = (_ASKED_AS_A_PART if as_a_part_only else _ASKED).search(text)
    if found is None or not _PART_OF_THE_TEXT.match(text, found.end()):
        return None
    return _number_of(found)


def _number_of(found: re.Match[str]) -> int:
    if found.group("cardinal"):
        return _CARDINALS[found.group("cardinal").lower()]
    return _ORDINALS[found.group("ordinal").lower()]


# A part named as people say a number ("och trean då?", "tvåan tack", "den tredje då?"), as the whole message.
_COLLOQUIAL = {"ettan": 1, "tvaan": 2, "tvåan": 2, "trean": 3, "fyran": 4, "femman": 5}
_BY_ITS_NUMBER = re.compile(
    rf"^\W*(?:och\s+|ta\s+|nu\s+)?(?:(?P<colloquial>{'|'.join(_COLLOQUIAL)})"
    rf"|den\s+(?P<ordinal>{'|'.join(_ORDINALS)})(?:\s+delen)?|(?P<ordinal_then>{'|'.join(_ORDINALS)})(?=\s+(?:då|da)\b))"
    r"(?:\s+(?:då|da|tack|nu|också|ocksa))*\W*$",
    re.IGNORECASE,
)


_BY_NUMBER_ONLY = re.compile(r"\bnummer\b", re.IGNORECASE)
_AS_A_PART = re.compile(r"\b(?:del|delen|punkt|punkten)\b", re.IGNORECASE)


def part_asked_for(text: str, colloquial: bool = True) -> int | None:
    """The number of the part a short message asks for ("och del 3 då?", "ta den andra delen", "och trean då?"), if
    any; not a part of something else ("i andra delen av kommunen"). Without `colloquial`, only a part named as one
    ("delen"): while a question is open, "den andra" or "trean" may mean its second or third button (second review
    of round 20)."""
    said = _BY_ITS_NUMBER.match(text)
    if said is not None and (colloquial or re.search(r"\bdelen\b", text, re.IGNORECASE)):
        if said.group("colloquial"):
            return _COLLOQUIAL[said.group("colloquial").lower()]
        return _ORDINALS[(said.group("ordinal") or said.group("ordinal_then")).lower()]
    if len(text.split()) > _SHORT_REQUEST or _IN_A_PART_OF.search(text):
        return None
    if not colloquial and _BY_NUMBER_ONLY.search(text) and not _AS_A_PART.search(text):
        return None  # "nummer 2" while a question is open may be its second button
    if _ABOUT_A_PART.search(_POLITE.sub("", text)):
        return None
    if not _REQUEST.search(text):
        return None  # "samma som i del 2", "i del 1 är det kommunen …" name a part without asking for it
    # The part after a verb of asking ("del 1 vet jag är ok, ta del 2 direkt"), else the first named.
    verb = _ASKING_VERB.search(text)
    found = _ASKED.search(text, verb.start() if verb is not None else 0)
    if found is None or not _PART_OF_THE_TEXT.match(text, found.end()):
        return None
    return _number_of(found)


# Words too common in parts to tell them apart, folded; shorter words say too little.
_COMMON = frozenset(
    {"forbundet", "foretaget", "foretag", "sociala", "socialt", "kommunen", "regionen", "deltagarna", "deltagare",
     "betala", "betalar", "finansiera", "insatsen", "galler", "sedan", "ocksa"}
)  # fmt: skip
_SHORTEST = 4  # letters of a word that may name a part
_SAME_STEM = 4  # "priset" names "pris", "affärscoachen" names "affärscoach"
_ENDING_LETTERS = 1  # an inflection may change this many letters at the end: "handläggare", "handläggarna"
_LONG_STEM = 6


def part_named_by(text: str, parts: list[str], current: int) -> int | None:
    """The number of the one part other than `current` that a short follow-up names by a word of its own ("och
    priset då?" after part 1 of "1) studiebesök … 2) ett pris …"); trial 26, t26-12 and t26-21 started an empty
    new assessment instead. None when no part, or more than one, or the current one, has such a word."""
    if len(text.split()) > _SHORT_REQUEST:
        return None
    # An inflected common word is common too: "deltagarnas", "företagets".
    asked = {
        word
        for word in _written(text)
        if len(word) >= _SHORTEST and not any(_same_stem(word, common) for common in _COMMON)
    }
    named = [
        number
        for number, part in enumerate(parts, start=1)
        if any(_same_stem(word, other) for word in asked for other in _written(part))
    ]
    return named[0] if len(named) == 1 and named[0] != current else None


def _written(text: str) -> list[str]:
    """The words as written, folded: a company's name stays its name ("Lärkan"), not the word for a company."""
    return re.findall(r"\w+", swedish.fold(text))


def _same_stem(one: str, other: str) -> bool:
    """One word is the other inflected: "priset" and "pris", "handläggarna" and "handläggare"."""
    shortest = min(len(one), len(other))
    shared = next((i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b), shortest)
    # A longer stem may change two letters: "seminariet" and "seminarium"; "händer" is no "handläggare".
    ending = _ENDING_LETTERS + 1 if shared >= _LONG_STEM else _ENDING_LETTERS
    return shared >= _SAME_STEM and shared >= shortest - ending
