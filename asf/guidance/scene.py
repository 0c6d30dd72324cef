"""Relative clauses that describe the scene: "deltagarna som arbetstränar på Cykelköket", "kaféet där våra
deltagare arbetstränar". They say where the participants already are, not what the initiative is to pay for:
"en affärscoach till kaféet där våra deltagare arbetstränar" asks for a coach, not for work training.

A clause counts when "som" or "där" follows a word for the participants or for the company. It ends at the
end of its stretch of text (a comma or a full stop) or before a verb that carries the main clause on
("… som arbetstränar på Cykelköket behöver bättre verktyg").
"""

from __future__ import annotations

from asf.guidance.swedish import Token

_RELATIVE = frozenset({"som", "dar"})
# The actors a scene is about, folded: participants and the company (a business's name reads "foretaget").
_ACTOR_STARTS = ("deltagar", "personer", "foretag", "kafe", "cafe", "kooperativ", "asf", "ateljen", "bageriet")
# Verbs that take the main clause on after a relative clause that begins a sentence.
_MAIN_VERBS = frozenset(
    {"behover", "vill", "ska", "skulle", "har", "far", "kan", "ar", "saknar", "borde", "maste", "onskar"}
)


def scene_clauses(words: tuple[Token, ...]) -> list[tuple[int, int]]:
    """The character ranges of the relative clauses about the participants or the company."""
    ranges = []
    for index, word in enumerate(words[1:-1], start=1):
        if word.word not in _RELATIVE or not words[index - 1].word.startswith(_ACTOR_STARTS):
            continue
        if words[index - 1].segment != word.segment:
            continue
        end = index + 1
        while end < len(words) and words[end].segment == word.segment:
            if end > index + 1 and words[end].word in _MAIN_VERBS:
                break
            end += 1
        ranges.append((word.start, words[end - 1].end))
    return ranges


def inside(spans: tuple[tuple[int, int], ...], ranges: list[tuple[int, int]]) -> bool:
    """Every span lies inside one of the ranges (and there is a span)."""
    return bool(spans) and all(any(a <= s and e <= b for a, b in ranges) for s, e in spans)
