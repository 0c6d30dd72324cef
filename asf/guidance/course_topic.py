"""What a course is about is no money for it.

"En starta eget-kurs", "en kurs i hur man startar eget", "utbildning om att starta företag": the words of a
start grant ("starta eget") name the course's subject there, not money for starting a business (trial 23,
t23-6: a course the kommun buys was proposed as "Pengar för att starta ett eget företag"). Only where the
clause names no money (pengar, bidrag, kronor, startpeng …): "en kurs och sedan 10 000 kr till den som vill
starta eget" still names the money.
"""

from __future__ import annotations

from asf.guidance import swedish

# A course, folded, as a word or the last part of a compound ("eget-kurs", "företagarutbildning").
_COURSES = ("kurs", "kursen", "kurser", "utbildning", "utbildningen", "utbildningar", "forelasning", "forelasningen",
            "workshop", "workshopen", "studiecirkel", "studiecirkeln", "seminarium", "seminariet")  # fmt: skip
# Money named in the clause: then the start-up words may name money after all.
_MONEY = ("pengar", "bidrag", "kronor", "kr", "tkr", "sek", "mkr", "startpeng", "kapital", "kontanter", "kontantstod")
_BEFORE = 6  # words from the course to the subject: "en kurs för deltagare om hur man startar eget"


def _a_course(token: swedish.Token) -> bool:
    return any(token.word == course or token.word.endswith(course) for course in _COURSES)


def _money(token: swedish.Token) -> bool:
    return any(swedish.word_matches(money, token.word) for money in _MONEY)


def is_a_course_subject(start: int, end: int, words: tuple[swedish.Token, ...]) -> bool:
    """The words at `start`–`end` (character offsets) are what a course in their clause is about, and the
    clause names no money."""
    inside = [i for i, t in enumerate(words) if start <= t.start < end]
    if not inside:
        return False
    first, last = inside[0], inside[-1]
    clause = words[first].clause
    in_clause = [t for t in words if t.clause == clause]
    if any(_money(t) for t in in_clause):
        return False
    before = [t for t in words[max(0, first - _BEFORE) : first] if t.clause == clause]
    right_after = words[last + 1] if last + 1 < len(words) and words[last + 1].clause == clause else None
    return any(_a_course(t) for t in before) or (right_after is not None and _a_course(right_after))
