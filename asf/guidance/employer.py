"""Who employs the handledare, where a sentence says it around a verb of employing.

The tree's phrases for where the handledare is employed find "handledaren anställd av kommunen"; people also write
"Handledaren anställs av kommunen", "Förbundet vill själv anställa en handledare", "det sociala företaget själv
anställer en handledare" or "en stödperson som är anställd av det sociala företaget". Here the employer is the
word after "anställd/anställs av/hos/på/vid", or the subject a few words before "anställa/anställer", in a clause
that names a handledare (or a job coach, a support person, a work supervisor). The employer is read as one of
three: a party (or a unit of one), the förbund, or the company.
"""

from __future__ import annotations

from dataclasses import dataclass

from asf.guidance import company_names, swedish

# Folded words for the one who supports participants at the company.
_SUPERVISOR = ("handledar", "jobbcoach", "stodperson", "arbetsledare", "coach", "handleder")
_EMPLOYED = frozenset({"anstalld", "anstalls", "anstallas", "anstallda", "anstallt"})  # "anställt" after "har": active
_EMPLOYED_BY = frozenset({"av", "hos", "pa", "vid"})
_EMPLOYS = frozenset({"anstalla", "anstaller", "anstallde"})
_HAS = frozenset({"har", "hade"})  # "Kooperativet har anställt en handledare"
_PERSON = frozenset({"han", "hon", "hen", "henne", "honom"})  # the handledare, named by a pronoun
_EMPLOYED_REACH = 6  # words from who is employed to the verb: "handledaren kommer nog att vara anställd"
_OBJECT_REACH = 3  # words from the verb to whom it employs: "anställa en ny handledare"
# Words between a subject and the verb: "Förbundet vill själv anställa", "företaget själv anställer".
_BETWEEN = frozenset({"vill", "ska", "skulle", "kan", "kommer", "att", "sjalv", "sjalva", "sjalvt", "da", "nu", "har"})
_SUBJECT_REACH = 4
_NAME_WORDS = 2  # words of a name between the kind of company and the verb
_PRONOUNS = frozenset({"vi", "jag", "ni", "han", "hon", "hen", "man"})
_THEY = frozenset({"de", "dom"})  # a business named before them in the sentence, or no one
_THEY_REACH = 8  # words back from "de" to the business it stands for
# Words before the employer that are not part of its name: "det sociala företaget".
_ARTICLES = frozenset({"det", "den", "ett", "en", "sociala", "socialt", "arbetsintegrerande"})
# After the preposition, one of several: "anställd av ett av de sociala företagen" (trial 57, t57-3 lost the employer).
_ONE_OF = frozenset({"av", "de", "dom"})
_FÖRBUND = ("forbund", "samordningsforbund", "finsam")
_COMPANY = ("foretag", "kooperativ", "asf", "firma", "firman", "bolag", "kafe", "cafe")

PART, FÖRBUND, COMPANY = "hos_part", "hos_forbundet", "hos_foretaget"
# Where someone works, as a short answer: "han jobbar på Lyktan" (not "i": "jobbar i butiken på Ica" is where).
_WORKS = frozenset({"jobbar", "arbetar", "jobba", "arbeta"})


@dataclass(frozen=True)
class Employer:
    option: str  # one of PART, FÖRBUND, COMPANY
    start: int  # offsets of the words that say it, from the verb to the employer
    end: int


def employers(words: tuple[swedish.Token, ...]) -> list[Employer]:
    """Each employer of a handledare the text states, in the order written; denied ones left out ("inte
    anställd på företaget utan hos AF" gives AF alone)."""
    found = []
    for index, token in enumerate(words):
        if not _names_a_supervisor(words, token.clause):
            continue
        active = token.word in _EMPLOYS or (token.word == "anstallt" and index > 0 and words[index - 1].word in _HAS)
        if token.negated:
            if token.word not in _EMPLOYED or active:
                continue
            employer = _instead(words, index) if _a_supervisor_before(words, index) else None  # "… utan hos AF"
        elif active:
            employer = _before(words, index) if _a_supervisor_after(words, index) else None
        elif token.word in _EMPLOYED:
            employer = _after(words, index) if _a_supervisor_before(words, index) else None
        else:
            continue
        if employer is not None and not employer.negated:
            option = _kind(employer.word)
            if option is not None:
                start, end = min(token.start, employer.start), max(token.end, employer.end)
                found.append(Employer(option, start, end))
    return found


def _names_a_supervisor(words: tuple[swedish.Token, ...], clause: int) -> bool:
    return any(t.clause == clause and t.word.startswith(_SUPERVISOR) for t in words)


def _a_supervisor_after(words: tuple[swedish.Token, ...], index: int) -> bool:
    """Whom the verb employs is the handledare ("anställa en handledare", "anställer henne"), not participants
    ("hjälpa företaget att anställa deltagarna"; review of session 37)."""
    following = [t for t in words[index + 1 : index + 1 + _OBJECT_REACH] if t.clause == words[index].clause]
    return any(t.word.startswith(_SUPERVISOR) or t.word in _PERSON for t in following)


def _a_supervisor_before(words: tuple[swedish.Token, ...], index: int) -> bool:
    """Who is employed is the handledare ("Handledaren anställs av …", "en stödperson som är anställd av …", "hon är
    anställd av …")."""
    before = [t for t in words[max(0, index - _EMPLOYED_REACH) : index] if t.clause == words[index].clause]
    return any(t.word.startswith(_SUPERVISOR) or t.word in _PERSON for t in before)


def _after(words: tuple[swedish.Token, ...], index: int) -> swedish.Token | None:
    """The employer in "anställd av det sociala företaget": the first word after the preposition and articles."""
    following = [t for t in words[index + 1 : index + 8] if t.clause == words[index].clause]
    if not following or following[0].word not in _EMPLOYED_BY:
        return None
    return next((t for t in following[1:] if t.word not in _ARTICLES | _ONE_OF), None)


def _instead(words: tuple[swedish.Token, ...], index: int) -> swedish.Token | None:
    """The employer after "utan" in the same sentence as a denied "anställd": "inte anställd på företaget utan hos
    AF"."""
    for at in range(index + 1, min(len(words) - 1, index + 8)):
        if words[at].sentence != words[index].sentence:
            return None
        if words[at].word == "utan" and words[at + 1].word in _EMPLOYED_BY:
            return next((t for t in words[at + 2 : at + 5] if t.word not in _ARTICLES), None)
    return None


def _before(words: tuple[swedish.Token, ...], index: int) -> swedish.Token | None:
    """The subject in "Förbundet vill själv anställa en handledare": the nearest word before the verb that is not a
    helping word, within a few words of it; past a name of two words ("företaget Gröna Händer vill anställa"), never
    past a pronoun ("kooperativet vill att vi anställer" names no employer)."""
    skipped = 0
    for back in range(index - 1, max(-1, index - 1 - _SUBJECT_REACH - _NAME_WORDS), -1):
        token = words[back]
        if token.word in _THEY:
            return _the_company_they_are(words, back)
        if token.clause != words[index].clause or token.word in _PRONOUNS:
            return None
        if token.word in _BETWEEN:
            continue
        if _kind(token.word) is not None:
            return token
        skipped += 1
        if skipped > _NAME_WORDS:
            return None
    return None


def _the_company_they_are(words: tuple[swedish.Token, ...], at: int) -> swedish.Token | None:
    """The business "de" stands for, named earlier in its sentence: "cykelverkstaden har föreslagit att de anställer
    handledaren själva" (trial 56, t56-3 read the förbund as the employer)."""
    for back in range(at - 1, max(-1, at - 1 - _THEY_REACH), -1):
        token = words[back]
        if token.sentence != words[at].sentence:
            return None
        if _kind(token.word) == COMPANY:
            return token
    return None


def _kind(word: str) -> str | None:
    if word.startswith(_FÖRBUND):
        return FÖRBUND
    if swedish.word_matches("§part", word):
        return PART
    if word.startswith(_COMPANY) or company_names.names_a_kind_of_business(word):
        return COMPANY
    return None


@dataclass(frozen=True)
class NamedBusiness:
    token: swedish.Token
    certain: bool  # a word for a kind of business ("tvätteriet"); else a name that may be another organisation


# Parts of a public body's name: "Socialförvaltningen", "Vuxenenheten", "Arbetsmarknadsnämnden".
_PUBLIC_BODY = ("forvaltning", "enhet", "namnd", "myndighet", "kontor", "mottagning", "central", "torg", "kommun")
# Organisations around social enterprises that are not the company itself: a handledare employed there is asked
# about (development set 9, mt9126: "hon är anställd av Coompanion" was recorded as the company's).
_NOT_THE_COMPANY = frozenset(
    {"coompanion", "skoopi", "samhall", "famna", "sofisam", "tillvaxtverket", "arvsfonden", "vinnova", "esf"}
)


def _no_business(word: str) -> bool:
    return word in _NOT_THE_COMPANY or any(part in word for part in _PUBLIC_BODY)


def business_named_as_employer(words: tuple[swedish.Token, ...], text: str) -> NamedBusiness | None:
    """In a short answer, a business named as the employer by a word for its kind ("anställd av tvätteriet själv",
    "hos Verkstan själva") or by a name alone ("hon är anställd av Returverket", "Returverket anställer henne"), never
    a party, the förbund or a public body named after it ("anställd av Västra Götalandsregionen")."""
    for index, word in enumerate(words):
        before = [w.word for w in words[max(0, index - 2) : index]]
        employed_at = (
            bool(before) and before[-1] in _EMPLOYED_BY and (before[0] in _EMPLOYED | _WORKS or before[-1] == "hos")
        )
        employs = index + 1 < len(words) and words[index + 1].word in _EMPLOYS
        if not (employed_at or employs) or _kind(word.word) in (PART, FÖRBUND) or _no_business(word.word):
            continue
        following = words[index + 1] if index + 1 < len(words) else None
        if following is not None and (_kind(following.word) == PART or _no_business(following.word)):
            continue  # "Troligen anställer kommunen henne", "anställd av Västra Götalandsregionen"
        if company_names.names_a_kind_of_business(word.word):
            return NamedBusiness(word, certain=True)
        if company_names.may_be_a_name(words, text, index):
            return NamedBusiness(word, certain=False)
    return None
