"""Relative clauses that say where participants already are: "deltagarna som arbetstränar på Cykelköket",
"kaféet där våra deltagare arbetstränar". They set the scene; they are not what the initiative is to pay for:
"en affärscoach till kaféet där våra deltagare arbetstränar" asks for a coach, not for work training.

Only two shapes count, both short, so that a clause never reaches the request itself:
- a participant or company word, "som", a verb of being somewhere ("arbetstränar", "jobbar", "är"), and right
  after it "på", "hos", "i" or "vid" with its place ("som arbetstränar på Kafé Linden"); "som" meaning "as"
  ("platser som arbetsträning", "anställa deltagare som handledare") has no such verb;
- a company word, "där", and within four words such a verb ("kaféet där våra deltagare arbetstränar").
"""

from __future__ import annotations

from asf.guidance.swedish import Token

# The actors a scene is about, folded: participants and the company (a business's name reads "foretaget").
_ACTOR_STARTS = ("deltagar", "personer", "foretag", "kafe", "cafe", "kooperativ", "asf", "ateljen", "bageriet")
_COMPANY_STARTS = ("foretag", "kafe", "cafe", "kooperativ", "asf", "ateljen", "bageriet", "butiken", "verkstaden")
# Verbs that say where someone is, folded ("arbetstränar", "praktiserar", "jobbar", "är", "finns").
_BEING_SOMEWHERE = ("arbetstran", "praktiser", "jobbar", "arbetar", "finns")
_BEING = frozenset({"ar", "gar"})  # "är", "går": whole words only
_PLACE_PREPOSITIONS = frozenset({"pa", "hos", "i", "vid"})
_ADVERBS = frozenset({"idag", "redan", "nu", "just"})
_DETERMINERS = frozenset(
    {"ett", "en", "det", "den", "de", "vart", "var", "vara", "deras", "sitt", "sin", "olika", "flera"}
)
_PLACE_WORDS = 3  # words of a place after its preposition and a determiner ("på ett socialt företag")
_WHERE_REACH = 4  # words after "där" within which its verb stands


def scene_clauses(words: tuple[Token, ...]) -> list[tuple[int, int]]:
    """The character ranges of the clauses that say where participants are."""
    ranges = []
    for index in range(1, len(words) - 1):
        word, before = words[index], words[index - 1]
        if before.sentence != word.sentence or before.segment < word.segment - 1:
            continue  # "Grönt & Gott AB, där de arbetstränar": a comma, colon or semicolon may stand before it
        end = None
        if word.word == "som" and before.word.startswith(_ACTOR_STARTS):
            end = _end_of_where_they_are(words, index + 1)
        elif word.word == "dar" and before.word.startswith(_COMPANY_STARTS):
            end = _end_of_where_clause(words, index + 1)
        if end is not None:
            ranges.append((word.start, words[end - 1].end))
    return ranges


def _being_somewhere(word: Token) -> bool:
    return word.word in _BEING or word.word.startswith(_BEING_SOMEWHERE)


def _end_of_where_they_are(words: tuple[Token, ...], after: int) -> int | None:
    """After "som": the index after "(idag) arbetstränar på <place>", or None when the words say something else."""
    verb = _past_adverbs(words, after)
    if verb >= len(words) or not _being_somewhere(words[verb]):
        return None
    at = _past_adverbs(words, verb + 1)
    if at + 1 >= len(words) or words[at].word not in _PLACE_PREPOSITIONS or words[at].segment != words[verb].segment:
        return None
    if words[at + 1].word not in _DETERMINERS:
        return at + 2  # "på tryckeriet", "hos Kafé Linden"
    end = at + 2
    while end < len(words) and end - at <= _PLACE_WORDS and words[end].segment == words[verb].segment:
        end += 1
        if words[end - 1].word.startswith(_COMPANY_STARTS):
            break
    return end


def _past_adverbs(words: tuple[Token, ...], at: int) -> int:
    while at < len(words) and words[at].word in _ADVERBS:
        at += 1
    return at


def _end_of_where_clause(words: tuple[Token, ...], start: int) -> int | None:
    """After "där": the index after its verb of being somewhere, within a few words, or None."""
    for at in range(start, min(start + _WHERE_REACH, len(words))):
        if words[at].segment != words[start].segment:
            return None
        if _being_somewhere(words[at]):
            return at + 1
    return None


def inside(spans: tuple[tuple[int, int], ...], ranges: list[tuple[int, int]]) -> bool:
    """Every span lies inside one of the ranges (and there is a span)."""
    return bool(spans) and all(any(a <= s and e <= b for a, b in ranges) for s, e in spans)
