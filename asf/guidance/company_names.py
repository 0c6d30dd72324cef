"""A business named by its name reads as "företaget".

People write "Kafé Måsen", "Returverket AB" or "Gröna Händer ASF" where the tree's words say
"företaget": "en konsult som hjälper Kafé Måsen" is a service to the company. The name's words
become one word "foretaget" that keeps the name's offsets, so a quote shows the name as written.

Only a name that says it is a business counts: a word for a kind of business right before it ("Kafé",
"Bageriet", "Second Hand"), or a form of company right after it ("AB", "ek. för.", "ekonomisk förening",
"ASF"). The name is up to three capitalised words next to that, with nothing but spaces between them (not
over a line break, a dash, a bracket or a full stop), never a party, the förbund or a word that often begins
a sentence ("Vi", "Hos", "Flera", "Enligt"). The same name elsewhere in the text ("Hoppet vill växa") counts
too, except after "i" or before "stad" (a place: "Second Hand Ystad" beside "enheten i Ystad"). A capital
alone does not count: places, people and the parties are written with one too. Text in capitals throughout
is not read for names.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from asf.guidance.swedish import Token

# Kinds of business that stand before a name, folded (no å/ä/ö), as one word or its definite form.
_KINDS = frozenset(
    {
        "kafe", "kafeet", "cafe", "cafeet", "bageri", "bageriet", "restaurang", "restaurangen",
        "butik", "butiken", "returbutik", "returbutiken", "snickeri", "snickeriet", "tvatteri",
        "tvatteriet", "atelje", "ateljen", "verkstad", "verkstaden", "kooperativ", "kooperativet",
        "stall", "catering", "firma", "firman", "bolag", "bolaget", "tradgardskooperativet",
    }
)  # fmt: skip
_TWO_WORD_KIND = ("second", "hand")
# Kinds of business that end a compound name, folded ("Syateljén", "Cykelverkstan", "Bokcaféet").
_COMPOUND_KINDS = (
    "atelje", "ateljen", "kafe", "kafeet", "cafe", "cafeet", "bageri", "bageriet", "bryggeri", "bryggeriet",
    "butik", "butiken", "verkstad", "verkstaden", "verkstan", "snickeri", "snickeriet", "tvatteri", "tvatteriet",
    "kooperativ", "kooperativet",
)  # fmt: skip
# Capitalised words that are never a business's name, folded: the parties and the förbund, and words that
# begin a sentence or a list ("Hos Returverket AB", "Flera ASF", "Vi och Returverket AB").
_NOT_A_NAME = frozenset(
    {
        "arbetsformedlingen", "forsakringskassan", "kommunen", "kommun", "regionen", "region", "af", "fk",
        "soc", "ame", "socialtjansten", "psykiatrin", "forbundet", "samordningsforbundet", "finsam", "stad",
        "vi", "de", "jag", "ni", "vara", "var", "dessa", "det", "den", "ett", "en", "flera", "alla", "manga",
        "nagra", "olika", "bada", "tva", "tre", "fyra", "fem", "hos", "pa", "for", "i", "av", "med", "till",
        "aven", "och", "eller", "men", "om", "nar", "kan", "ska", "vill", "ar", "har", "deltagarna", "bade",
        "via", "enligt", "dessutom", "genom", "utan", "efter", "inom", "mellan", "sedan", "tack", "sa", "nu", "da",
        "hej",
        "deltagare", "personalen", "ledningen", "handlaggare", "handlaggarna", "anstallda", "ungdomar",
    }
)  # fmt: skip
_LONGEST_NAME = 3  # capitalised words a name may have
_SHORTEST_ALONE = 4  # letters a one-word name needs to be found again on its own
_BETWEEN_WORDS = re.compile(r"[ \t]+|[ \t]*&[ \t]*")  # between two words of a name ("Linne & Lin"), not a line break
_PLACE_AFTER = frozenset({"stad", "kommun", "lan", "region"})  # "Malmö stad" is the place, not "Second Hand Malmö"
_COMPANY = "foretaget"
_COMPANY_WRITTEN = "företaget"


def read_as_the_company(words: tuple[Token, ...], text: str) -> tuple[Token, ...]:
    """`words` with each business name replaced by one word "foretaget" spanning the name."""
    if _in_capitals(text):
        return words
    spans, names = _named_businesses(words, text)
    if not spans:
        return words
    spans = _with_other_mentions(spans, words, text, names)
    replaced: list[Token] = []
    index = 0
    for start, end in spans:
        replaced.extend(words[index:start])
        first, last = words[start], words[end - 1]
        replaced.append(dataclasses.replace(first, word=_COMPANY, end=last.end, written=_COMPANY_WRITTEN))
        index = end
    replaced.extend(words[index:])
    return tuple(replaced)


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 3 and sum(c.isupper() for c in letters) * 2 > len(letters)


def _named_businesses(words: tuple[Token, ...], text: str) -> tuple[list[tuple[int, int]], set[tuple[str, ...]]]:
    """The spans of the names found, and each name's own words (without its kind or form)."""
    spans: list[tuple[int, int]] = []
    names: set[tuple[str, ...]] = set()
    index = 0
    while index < len(words):
        found = (
            _kind_then_name(words, text, index)
            or _name_then_form(words, text, index)
            or _name_ending_in_a_kind(words, text, index)
        )
        if found is None:
            index += 1
            continue
        (start, end), name = found
        spans.append((start, end))
        names.add(name)
        index = end
    return spans, names


def _name_ending_in_a_kind(
    words: tuple[Token, ...], text: str, index: int
) -> tuple[tuple[int, int], tuple[str, ...]] | None:
    """ "Syateljén", "Cykelverkstan", "Bokcaféet" inside a sentence: one capitalised word that is a kind of business
    with a word before it, and a capitalised genitive right before ("Sylvias Syateljé")."""
    word = words[index]
    if (
        _begins_a_sentence(words, index)
        or not text[word.start].isupper()
        or word.word in _KINDS
        or word.word in _NOT_A_NAME
    ):
        return None
    if not any(word.word.endswith(kind) and len(word.word) > len(kind) + 1 for kind in _COMPOUND_KINDS):
        return None
    before = words[index - 1]
    # The genitive is taken only inside its sentence: a capitalised first word is no name of its own.
    genitive = _a_genitive(before) and _a_name_word(words, text, index - 1) and _adjacent(words, text, index - 1)
    start = index - 1 if genitive and index > 1 and words[index - 2].sentence == before.sentence else index
    return (start, index + 1), (word.word,)


def _kind_then_name(words: tuple[Token, ...], text: str, index: int) -> tuple[tuple[int, int], tuple[str, ...]] | None:
    """ "Kafé Måsen", "kaféet Pärlan", "Second Hand Hoppet": a kind of business, then a capitalised name."""
    if _words_at(words, index, 2) == _TWO_WORD_KIND and _adjacent(words, text, index):
        name_start = index + 2
    elif words[index].word in _KINDS:
        name_start = index + 1
    else:
        return None
    if name_start >= len(words) or not _adjacent(words, text, name_start - 1):
        return None
    end = _name_end(words, text, name_start)
    if end == name_start:
        return None
    name = tuple(w.word for w in words[name_start:end])
    return (index, end + _form_length(words, text, end - 1)), name


def _name_then_form(words: tuple[Token, ...], text: str, index: int) -> tuple[tuple[int, int], tuple[str, ...]] | None:
    """ "Returverket AB", "Miljöpatrullen ek. för.", "Gröna Händer ASF": capitalised words, then a form of
    company. One word that begins a sentence before "ASF" is not taken ("Flera ASF", "Lokala ASF")."""
    if not _a_name_word(words, text, index) or (index and _continues(words, text, index - 1)):
        return None
    end = _name_end(words, text, index)
    form = _form_length(words, text, end - 1)
    if end == index or not form:
        return None
    one_opening_word = end - index == 1 and _begins_a_sentence(words, index)
    if words[end].word == "asf" and (one_opening_word or _a_genitive(words[end - 1])):
        return None  # "Flera ASF", "Malmös ASF", "Sveriges ASF"
    return (index, end + form), tuple(w.word for w in words[index:end])


def _begins_a_sentence(words: tuple[Token, ...], index: int) -> bool:
    return index == 0 or words[index - 1].sentence != words[index].sentence


def _a_genitive(word: Token) -> bool:
    return len(word.word) > 3 and word.word.endswith("s")


def _continues(words: tuple[Token, ...], text: str, before: int) -> bool:
    """The word after `before` goes on a name the word at `before` is part of."""
    return _a_name_word(words, text, before) and _adjacent(words, text, before)


def _a_name_word(words: tuple[Token, ...], text: str, index: int) -> bool:
    word = words[index]
    return text[word.start].isupper() and word.word not in _NOT_A_NAME and word.word not in _KINDS


def _adjacent(words: tuple[Token, ...], text: str, index: int) -> bool:
    """Only spaces (or "&") stand between the word at `index` and the next."""
    if index + 1 >= len(words):
        return False
    return _BETWEEN_WORDS.fullmatch(text[words[index].end : words[index + 1].start]) is not None


def _name_end(words: tuple[Token, ...], text: str, start: int) -> int:
    """The index after the name's capitalised words from `start`, up to a form of company."""
    end = start
    while end < len(words) and end - start < _LONGEST_NAME and _a_name_word(words, text, end):
        end += 1
        if not _adjacent(words, text, end - 1) or _form_length(words, text, end - 1):
            break
    return end


def _form_length(words: tuple[Token, ...], text: str, last: int) -> int:
    """How many words a form of company right after the word at `last` has: "AB", "ASF" (in capitals, not
    the start of "ASF-nätverket" or "ASF:et"), "ek. för.", "ekonomisk förening"; 0 where there is none."""
    if not _adjacent(words, text, last):
        return 0
    form = words[last + 1]
    written = text[form.start : form.end]
    after = text[form.end : form.end + 1]
    genitive = text[form.end : form.end + 3].rstrip(".,;!? )\n") == ":s"  # "Returverket AB:s hyra"
    if written in ("AB", "ASF") and (after not in ("-", ":") or genitive):
        return 1
    if _words_at(words, last + 1, 2) == ("ekonomisk", "forening") and _adjacent(words, text, last + 1):
        return 2
    if _words_at(words, last + 1, 2) == ("ek", "for") and text[form.end : words[last + 2].start].strip() == ".":
        return 2
    return 0


def _words_at(words: tuple[Token, ...], index: int, count: int) -> tuple[str, ...]:
    return tuple(w.word for w in words[index : index + count])


def _with_other_mentions(
    spans: list[tuple[int, int]], words: tuple[Token, ...], text: str, names: set[tuple[str, ...]]
) -> list[tuple[int, int]]:
    """The spans, and each other place where one of the names stands on its own, capitalised ("Hoppet vill
    växa" beside "Second Hand Hoppet"); a one-word name only when it is not a short word."""
    covered = {i for start, end in spans for i in range(start, end)}
    more = []
    for name in names:
        if len(name) == 1 and len(name[0]) < _SHORTEST_ALONE:
            continue
        for start in range(len(words) - len(name) + 1):
            end = start + len(name)
            if covered.intersection(range(start, end)) or _words_at(words, start, len(name)) != name:
                continue
            place = (end < len(words) and words[end].word in _PLACE_AFTER and _adjacent(words, text, end - 1)) or (
                start > 0 and words[start - 1].word == "i"  # "kommunens enhet i Ystad" beside "Second Hand Ystad"
            )
            if (
                not place
                and all(text[w.start].isupper() for w in words[start:end])
                and all(_adjacent(words, text, i) for i in range(start, end - 1))
            ):
                more.append((start, end))
                covered.update(range(start, end))
    return sorted(spans + more)


_PRONOUNS = frozenset({"han", "hon", "hen", "honom", "henne", "dem", "dom"})


def names_a_kind_of_business(word: str) -> bool:
    """A folded word for a kind of business ("tvätteriet", "Verkstan", "Cykelköket" as "…koket" is not one)."""
    return word in _KINDS or word.endswith(_COMPOUND_KINDS)


def may_be_a_name(words: tuple[Token, ...], text: str, index: int) -> bool:
    """The word at `index` may be a business's name on its own: capitalised, long enough, and no party, förbund,
    pronoun or place ("Malmö stad")."""
    word = words[index]
    a_place = index + 1 < len(words) and words[index + 1].word in _PLACE_AFTER
    return (
        text[word.start].isupper()
        and len(word.word) >= _SHORTEST_ALONE
        and word.word not in _PRONOUNS
        and word.word not in _NOT_A_NAME
        and not a_place
    )
