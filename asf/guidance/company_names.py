"""A business named by its name reads as "företaget".

People write "Kafé Måsen", "Returverket AB" or "Gröna Händer ASF" where the tree's words say
"företaget": "en konsult som hjälper Kafé Måsen" is a service to the company. The name's words
become one word "foretaget" that keeps the name's offsets, so a quote shows the name as written.

Only a name that says it is a business counts: a word for a kind of business before it ("Kafé",
"Bageriet", "Second Hand"), or a form of company after it ("AB", "ek. för.", "ekonomisk förening",
"ASF"). A later mention of the same name ("Hoppet vill växa") counts too. A capital alone does not:
places, people and the parties are written with one too.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from asf.guidance.swedish import Token

# Kinds of business that stand before a name, folded (no å/ä/ö), as one word or its definite form.
_KINDS = frozenset(
    {
        "kafe", "kafeet", "cafe", "cafeet", "bageri", "bageriet", "restaurang", "restaurangen",
        "butik", "butiken", "returbutik", "returbutiken", "snickeri", "snickeriet", "tvatteri",
        "tvatteriet", "atelje", "ateljen", "verkstad", "verkstaden", "kooperativ", "kooperativet",
        "stall", "catering", "firma", "firman", "bolag", "bolaget", "handelstradgard", "tradgardskooperativet",
    }
)  # fmt: skip
_TWO_WORD_KINDS = (("second", "hand"),)
# Words that may join two capitalised words of one name ("Omtanke i Norr", "Linne & Lin").
_JOINING = frozenset({"i", "och", "pa"})
_LONGEST_NAME = 4  # capitalised words a name may have after its kind
_COMPANY = "foretaget"
_COMPANY_WRITTEN = "företaget"


def read_as_the_company(words: tuple[Token, ...], text: str) -> tuple[Token, ...]:
    """`words` with each business name replaced by one word "foretaget" spanning the name."""
    spans = _named_businesses(words, text)
    if not spans:
        return words
    names = {words[i].word for start, end in spans for i in range(start, end) if _capitalised(words[i], text)}
    names -= _KINDS
    spans = _with_later_mentions(spans, words, text, names)
    replaced: list[Token] = []
    index = 0
    for start, end in spans:
        replaced.extend(words[index:start])
        first, last = words[start], words[end - 1]
        replaced.append(dataclasses.replace(first, word=_COMPANY, end=last.end, written=_COMPANY_WRITTEN))
        index = end
    replaced.extend(words[index:])
    return tuple(replaced)


def _capitalised(token: Token, text: str) -> bool:
    return text[token.start].isupper()


def _named_businesses(words: tuple[Token, ...], text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(words):
        span = _kind_then_name(words, text, index) or _name_then_form(words, text, index)
        if span:
            spans.append(span)
            index = span[1]
        else:
            index += 1
    return spans


def _kind_then_name(words: tuple[Token, ...], text: str, index: int) -> tuple[int, int] | None:
    """ "Kafé Måsen", "kaféet Pärlan", "Second Hand Hoppet": a kind of business, then a capitalised name."""
    kind_words = next((len(kind) for kind in _TWO_WORD_KINDS if _words_at(words, index) == kind), 0)
    if not kind_words and words[index].word in _KINDS:
        kind_words = 1
    name = index + kind_words
    if not kind_words or name >= len(words) or words[name].segment != words[index].segment:
        return None
    end = _name_end(words, text, name)
    if end == index + kind_words:
        return None
    return index, _with_form_after(words, text, end)


def _name_then_form(words: tuple[Token, ...], text: str, index: int) -> tuple[int, int] | None:
    """ "Returverket AB", "Miljöpatrullen ek. för.", "Gröna Händer ASF": a name, then a form of company."""
    if not _capitalised(words[index], text) or (index and _name_continues(words, text, index - 1, index)):
        return None
    end = _name_end(words, text, index)
    with_form = _with_form_after(words, text, end)
    return (index, with_form) if end > index and with_form > end else None


def _name_continues(words: tuple[Token, ...], text: str, before: int, index: int) -> bool:
    """The word at `index` goes on the name the word at `before` is part of (same stretch of text, capitalised)."""
    return words[before].segment == words[index].segment and _capitalised(words[before], text)


def _name_end(words: tuple[Token, ...], text: str, start: int) -> int:
    """The index after the capitalised words from `start` ("Omtanke i Norr": a joining word between two)."""
    end = start
    while end < len(words) and end - start < _LONGEST_NAME and words[end].segment == words[start].segment:
        if _capitalised(words[end], text) and not _a_form(words, text, end):
            end += 1
        elif (
            end > start
            and words[end].word in _JOINING
            and end + 1 < len(words)
            and words[end + 1].segment == words[end].segment
            and _capitalised(words[end + 1], text)
            and not _a_form(words, text, end + 1)
        ):
            end += 2
        else:
            break
    return end


def _a_form(words: tuple[Token, ...], text: str, index: int) -> bool:
    return _form_length(words, text, index) > 0


def _with_form_after(words: tuple[Token, ...], text: str, end: int) -> int:
    return end + _form_length(words, text, end)


def _form_length(words: tuple[Token, ...], text: str, index: int) -> int:
    """How many words a form of company at `index` has: "AB", "ASF" (capitals), "ek. för.",
    "ekonomisk förening" after a name; 0 where there is none."""
    if index >= len(words):
        return 0
    written = text[words[index].start : words[index].end]
    if written in ("AB", "ASF"):
        return 1
    if _words_at(words, index) in (("ek", "for"), ("ekonomisk", "forening")):
        return 2
    return 0


def _words_at(words: tuple[Token, ...], index: int) -> tuple[str, str]:
    following = words[index + 1].word if index + 1 < len(words) else ""
    return words[index].word, following


def _with_later_mentions(
    spans: list[tuple[int, int]], words: tuple[Token, ...], text: str, names: set[str]
) -> list[tuple[int, int]]:
    """The spans, and each other capitalised word that is one of the names found ("Hoppet vill växa")."""
    covered = {i for start, end in spans for i in range(start, end)}
    more = [
        (i, i + 1)
        for i, token in enumerate(words)
        if i not in covered and token.word in names and _capitalised(token, text)
    ]
    return sorted(spans + more)
