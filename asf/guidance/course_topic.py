"""What a course is about is no money for it.

"En starta eget-kurs", "en kurs i hur man startar eget", "utbildning om att starta företag": the words of a
start grant ("starta eget") name the course's subject there, not money for starting a business (trial 23,
t23-6: a course the kommun buys was proposed as "Pengar för att starta ett eget företag"). Only where the
sentence names no money (pengar, bidrag, kronor, etableringsstöd …): "en kurs och sedan 10 000 kr till den som vill
starta eget" still names the money, and "efter kursen ska de kunna starta eget" names no course subject.
"""

from __future__ import annotations

import itertools

from asf.guidance import swedish

# Words that join a course to its subject: "en kurs i …", "utbildning om hur …", "en kurs för deltagare om …",
# "en utbildning där deltagarna lär sig …".
_SUBJECT_WORDS = frozenset({"i", "om", "kring", "inom", "dar"})
# Money named in the sentence: then the start-up words may name money after all ("efter kursen får de
# 10 000 kr", "etableringsstöd").
_MONEY = ("pengar", "bidrag", "kronor", "kr", "tkr", "sek", "mkr", "startpeng", "kapital", "kontanter",
          "etableringsstod", "startstod", "kontantstod", "stipendium")  # fmt: skip
# "ekonomiskt stöd", and "stöd" in a sentence naming the förbund ("får ett stöd från förbundet"); "stöd från FK"
# is mostly no money.
_MONEY_BEFORE_SUPPORT = "ekonomiskt"
_SUPPORT = "stod"
_THE_FORBUND = "forbundet"
_BEFORE = 6  # words from the course to the subject: "en kurs för deltagare om hur man startar eget"


def _a_course(token: swedish.Token) -> bool:
    return swedish.is_a_course(token.word)


def _money(token: swedish.Token) -> bool:
    return token.word == _MONEY_BEFORE_SUPPORT or any(swedish.word_matches(money, token.word) for money in _MONEY)


def is_a_course_subject(start: int, end: int, words: tuple[swedish.Token, ...]) -> bool:
    """The words at `start`–`end` (character offsets) are what a course is about ("en kurs om …", "en
    starta eget-kurs"), in a sentence that names no money."""
    inside = [i for i, t in enumerate(words) if start <= t.start < end]
    if not inside:
        return False
    first, last = inside[0], inside[-1]
    sentence = words[first].sentence
    in_sentence = [t for t in words if t.sentence == sentence]
    if any(_money(t) for t in in_sentence):
        return False
    if any(t.word == _SUPPORT for t in in_sentence) and any(t.word == _THE_FORBUND for t in in_sentence):
        return False
    if _in_a_course_about_social_enterprises(first, in_sentence, words):
        return True
    if _how_one_learns(first, words, in_sentence):
        return True
    right_after = words[last + 1] if last + 1 < len(words) and words[last + 1].sentence == sentence else None
    if right_after is not None and _a_course(right_after):
        return True  # "en starta eget-kurs"
    before = [t for t in words[max(0, first - _BEFORE) : first] if t.clause == words[first].clause]
    courses = [i for i, t in enumerate(before) if _a_course(t)]
    # The subject follows the course after "i", "om", "kring": "efter kursen ska de kunna starta eget" is no subject.
    return bool(courses) and any(t.word in _SUBJECT_WORDS for t in before[courses[0] + 1 :])


# "en utbildning om arbetsintegrerande sociala företag – vad de är, hur man kan bli anställd och delägare":
# what the course covers may run over several clauses (trial 31, t31-9 read "delägare" as the förbund owning a
# company). Only in a sentence where neither the förbund nor "vi" acts: "… och förbundet vill bli delägare" is no
# course subject.
_ABOUT = "om"
_SOCIAL_ENTERPRISE = frozenset({"sociala", "socialt", "arbetsintegrerande", "asf"})
_ACTORS = frozenset({"forbundet", "samordningsforbundet", "vi", "oss"})
_TO_ITS_TOPIC = 3  # words from the course to "om"


def _in_a_course_about_social_enterprises(
    first: int, in_sentence: list[swedish.Token], words: tuple[swedish.Token, ...]
) -> bool:
    if any(t.word in _ACTORS for t in in_sentence):
        return False
    start = words[first].start
    for index, token in enumerate(in_sentence):
        if token.start >= start or not _a_course(token):
            continue
        following = [t.word for t in in_sentence[index + 1 : index + 2 + _TO_ITS_TOPIC]]
        if _ABOUT in following and _SOCIAL_ENTERPRISE & set(following[following.index(_ABOUT) + 1 :]):
            return True
    return False


# "… där deltagarna får lära sig vad sociala företag är, hur man kan bli delägare eller anställd i ett" (trial 70,
# t70-7 had the förbund's owning a company flagged three times): "hur man …" after a course or a word of learning
# earlier in the sentence is what is taught, whoever else acts in it.
_HOW_ONE = (("hur", "man"), ("hur", "en"))
_HOW_ONE_BEFORE = 3  # words from "hur man" to the words: "hur man kan bli delägare"
_LEARNING = frozenset({"lar", "lara", "lars", "laras", "veta", "kunskap", "kunskaper"})


def _how_one_learns(first: int, words: tuple[swedish.Token, ...], in_sentence: list[swedish.Token]) -> bool:
    before = words[max(0, first - _HOW_ONE_BEFORE - 1) : first]
    pairs = {(a.word, b.word) for a, b in itertools.pairwise(before) if a.sentence == words[first].sentence}
    if not pairs & set(_HOW_ONE):
        return False
    start = words[first].start
    return any(t.start < start and (_a_course(t) or t.word in _LEARNING) for t in in_sentence)


# The ones a course is for: "en kurs för handledarna på kaféet", "utbildning till arbetsledarna", "utbilda
# handledarna". Such words name who learns, not what the initiative gives (trial 42: "kurs för handledarna på
# kaféet" was read as a handledare for the participants).
_FOR = frozenset({"for", "till", "at"})
# Verb forms only: "utbildade handledare" are trained ones, not ones a course is for (review, session 32).
_TEACHING = frozenset(
    f"{stem}{ending}"
    for stem in ("utbild", "fortbild", "vidareutbild", "kompetensutveckl")
    for ending in ("a", "ar", "as")
)
_BEFORE_THE_LEARNERS = frozenset({"de", "dem", "alla", "vara", "sina", "deras", "nagra", "tva", "tre", "fyra"})


def is_taught(start: int, end: int, words: tuple[swedish.Token, ...]) -> bool:
    """The words at `start`–`end` (character offsets) are the ones a course is for: right after "för/till/åt"
    with a course a few words before in the same clause, or right after a verb of teaching."""
    first = next((i for i, t in enumerate(words) if start <= t.start < end), None)
    if first is None:
        return False
    at = first - 1
    while at >= 0 and words[at].word in _BEFORE_THE_LEARNERS and words[at].clause == words[first].clause:
        at -= 1
    if at < 0 or words[at].clause != words[first].clause:
        return False
    if words[at].word in _TEACHING:
        return True
    if words[at].word not in _FOR:
        return False
    before = words[max(0, at - _BEFORE) : at]
    return any(_a_course(t) and t.clause == words[first].clause for t in before)


# A study and what it is about: "en utvärdering av hur deltagarna mår av arbetsträningen", "en uppföljning av
# arbetsträningen på kaféet", "en enkät om hur deltagarna upplever …". The words after it name what is studied, not what
# is done or for whom (trial 61, t61-4: an evaluation was summarised as work training for participants). Folded word
# beginnings.
_STUDIES = ("utvardering", "utvardera", "uppfoljning", "kartlaggning", "kartlagga", "undersokning", "enkat",
            "forskning", "analys", "intervjustudie", "effektmatning", "matning")  # fmt: skip
_A_STUDY = frozenset({"studie", "studien", "studier", "studierna"})  # not "studiecirkel", "studiebesök"


def _a_study(word: str) -> bool:
    return word.startswith(_STUDIES) or word in _A_STUDY


_STUDIED = frozenset({"av", "om", "kring", "hur", "vad", "huruvida"})
_TO_THE_STUDIED = 9  # words from the study to what it is about: "utvärdering av hur våra pat mår av arbetsträning"


def is_a_study_subject(start: int, end: int, words: tuple[swedish.Token, ...]) -> bool:
    """The words at `start`–`end` (character offsets) are what a study is about: a study word a few words before, in
    the same clause, followed by "av", "om" or "hur" before them."""
    first = next((i for i, t in enumerate(words) if start <= t.start < end), None)
    if first is None:
        return False
    clause = words[first].clause
    before = [t for t in words[max(0, first - _TO_THE_STUDIED) : first] if t.clause == clause]
    studies = [i for i, t in enumerate(before) if _a_study(t.word)]
    return bool(studies) and any(t.word in _STUDIED for t in before[studies[0] + 1 :])


def names_a_study(words: tuple[swedish.Token, ...]) -> bool:
    """A study word followed within two words by what it is about ("en utvärdering av …", "enkät om hur …")."""
    return any(
        _a_study(token.word) and any(t.word in _STUDIED for t in words[i + 1 : i + 3]) for i, token in enumerate(words)
    )
