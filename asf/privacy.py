"""Masks personal data that users type by mistake: personnummer and
samordningsnummer, phone numbers, e-mail addresses, common first names written
with a capital letter (with the capitalised word after one, a surname), and health
conditions in a sentence about one person.

Used by the input channels (channels/core/connectors.py) before a message reaches
NLU, the tracker store or any log, and by the actions to tell the user.

The text is first normalised to NFKC, so full-width digits and "＠", and
non-breaking spaces and hyphens, are read as their plain forms. Every pattern
can start a match only where the text allows it (after a non-digit, at the start
of a word) and is bounded or unambiguous after that, so masking takes time linear
in the length of the text, whatever a client sends.
"""

from __future__ import annotations

import re
import unicodedata

from asf.first_names import FIRST_NAMES
from asf.health_words import SICK_LEAVE_STARTS
from asf.health_words import WORD_STARTS as HEALTH_WORD_STARTS

# Hyphens and dashes people (and word processors) put between digits. NFKC keeps most of them.
DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"

# The "@" as it is written to dodge harvesters: (at), [at], {at}, (snabel-a); and (dot), (punkt).
_AT = r"(?:@|\s?[(\[{]\s?(?:at|snabel-?a)\s?[)\]}]\s?)"
_DOT = r"(?:\.|\s?[(\[{]\s?(?:dot|punkt)\s?[)\]}]\s?)"
# The local part may start only where a run of such characters starts: without the look-behind the
# engine would rescan a long run from every position in it, quadratic time on a long word.
EMAIL = re.compile(rf"(?<![\w.+-])[\w.+-]+{_AT}[\w-]+(?:{_DOT}[\w-]+)+", re.IGNORECASE)

# Between the date and the last four digits: nothing, "-", "+", any dash, ".", "/", "_", optionally with
# a space on either side, or a space alone.
_SEPARATOR = rf"(?:\s?[{DASHES}+./_]\s?|\s)?"
_MONTH = r"(?:0[1-9]|1[0-2])"
# Day 61-91 is a samordningsnummer.
_DAY = r"(?:[0-2]\d|3[01]|[6-8]\d|9[01])"
PERSONAL_NUMBER = re.compile(
    r"(?<!\d)(?:"
    # (YY)YYMMDD, separator, four digits
    rf"(?:19|20)?\d{{2}}{_MONTH}{_DAY}{_SEPARATOR}\d{{4}}"
    # (YY)YY-MM-DD-NNNN: the same sign inside the date, then a sign (not a bare space) before the four digits
    rf"|(?:19|20)?\d{{2}}(?P<sign>[{DASHES}./_]){_MONTH}(?P=sign){_DAY}\s?[{DASHES}+./_]\s?\d{{4}}"
    # Not the first date of a range: "2027-01-01 – 2027-12-31" goes on with a sign and a month.
    rf")(?!\d)(?![{DASHES}./]{_MONTH}[{DASHES}./]{_DAY}(?!\d))"
)
# Swedish numbers from +46, 0046 or 0 and an area code (never 0 itself), with spaces, dashes, dots,
# slashes or brackets: 8 to 13 digits. Not the "000 000 000" of a large amount, and not a date
# written 01.02.2025, 05/11/2026 or 01-02-2025, not the month or day of 2027-01-01 (never right
# after a year and a sign, or a year, a month and a sign), and not a time such as 09.30 in "kl. 09.30–11.00".
_DATE = r"\d{1,2}([./-])\d{1,2}\1(?:19|20)?\d{2}(?!\d)"
_TIME = r"[0-2]\d[.:][0-5]\d(?![\d.:])"
PHONE = re.compile(
    rf"(?<![\w+])(?<!\d\s)(?<!\d[.,])(?<!\d{{4}}[{DASHES}./])(?<!\d{{4}}[{DASHES}./]\d\d[{DASHES}./])(?!{_DATE}|{_TIME})(?:\+46|0046|0(?=[1-9]))[\d\s()./{DASHES}]{{6,18}}\d(?!\d)"
)

# A capitalised word (perhaps double-barrelled, as surnames are).
CAPITALISED = re.compile(r"\b[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?\b")

TOKENS = {
    "personnummer": "[personnummer]",
    "telefonnummer": "[telefonnummer]",
    "e-post": "[e-postadress]",
    "namn": "[namn]",
    "hälsa": "[hälsouppgift]",
}
MASKED = re.compile("|".join(re.escape(token) for token in TOKENS.values()))


def _phone(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group())
    return TOKENS["telefonnummer"] if 8 <= len(digits) <= 13 else match.group()


# Quick scans (a character class first, so the regex engine skips ahead in C) that tell when a pattern
# cannot match at all; most messages have no "@" and many no digits.
_MAYBE_EMAIL = re.compile(r"[@(\[{]")
_DIGIT = re.compile(r"\d")


def _mask_names(text: str) -> str:
    """Each first name in the list, with the capitalised words right after it (more names, the
    surname), as one "[namn]"."""
    parts: list[str] = []
    copied = 0  # the text before this is in `parts`
    name_end: int | None = None  # where the name being masked ends so far
    for word in CAPITALISED.finditer(text):
        if name_end is not None and text[name_end : word.start()] == " ":
            name_end = copied = word.end()  # "Anna Maria Svensson": part of the same name
        elif any(part in FIRST_NAMES for part in word.group().split("-")):  # "Siv-Britt": either part
            parts += [text[copied : word.start()], TOKENS["namn"]]
            name_end = copied = word.end()
        else:
            name_end = None
    parts.append(text[copied:])
    return "".join(parts)


def _without_dots(pattern: str) -> str:
    return pattern.replace("å", "[åa]").replace("ä", "[äa]").replace("ö", "[öo]")


def _word_starts(starts: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the words, as the start of a word ("depressionen"); short ones (abbreviations: "adhd") as whole words.
    The lookahead on the first letters lets the regex engine skip ahead in C to where a word could start: without
    it, 1 MB of text took three times as long."""
    first_letters = "".join(sorted({w[0] for w in starts}))
    # Also written without å, ä and ö ("utbrandhet", "angest"), as people often type in a chat.
    words = "|".join(_without_dots(re.escape(w)) + (r"\b" if len(w) <= 4 else r"\w*") for w in starts)
    return re.compile(rf"(?=[{first_letters}])\b(?:{words})", re.IGNORECASE)


def _person_words(words: str) -> re.Pattern[str]:
    """A name or number masked in the text, one of the words for a person, or a person's age ("i 25-årsåldern")."""
    # "e": "en 25-åring"; the others start the definite words before an age ("deltagaren är 25 år")
    first_letters = "".join(sorted({word[0] for word in words.split("|")} | set("edpkbiu")))
    return re.compile(
        rf"(?=[\[\d{first_letters}])(?:\[(?:namn|personnummer)\]|\b(?:{words})\b|{_AN_AGE})", re.IGNORECASE
    )


# "en kvinna i 25 årsåldern med utmattningssyndrom" (trial 69, t69-7 had it copied into the memo): one person's age
# says the sentence is about one person ("en 25-åring", "25 år gammal", "en deltagare i 30-årsåldern", also without
# å); an age of a group ("personer i 50-årsåldern", "18-25 år gamla") describes a target group.
_AN_AGE = (
    r"\ben\s+\d{1,2}\s?-?\s?[åa]ri(?:ng|g)\b|\b\d{1,2}\s?[åa]r\s+gammal\b"
    r"|\ben\s+(?:kvinna|man|person|deltagare|kille|tjej|ungdom|individ|klient|brukare|patient)"
    r"\s+i\s+\d{1,2}\s?-?\s?[åa]rs[åa]ldern\b"
    # "deltagaren är 25 år och har adhd" (session 42's note): one person named by the definite form and an age
    r"|\b(?:deltagaren|personen|klienten|brukaren|patienten|individen|ungdomen|eleven)"
    r"(?:\s+(?:är|ar|blir|fyller)|\s*,|\s+som\s+(?:är|ar))"
    r"\s+\d{1,2}\s?[åa]r\b(?!\s?[-–]|\s+(?:eller|och)\s+(?:äldre|aldre|yngre|mer|över|over|under|uppåt|uppat))"
)
_HEALTH = _word_starts(HEALTH_WORD_STARTS)
_SICK_LEAVE = _word_starts(SICK_LEAVE_STARTS)
# Words for one certain person: a personal pronoun, "en kille", "kvinnan", "mannen".
# Not "kvinna", "pojke" or "flicka" alone: "Varje kvinna med …", "pojke eller flicka" describe a target group.
_CERTAIN = "han|hon|hans|hennes|honom|henne|kille|killen|tjej|tjejen|kvinnan|mannen|pojken|flickan"
# What makes a sentence about one person: a name or number masked in it, or a word for a person, "hen" too.
_ONE_PERSON = _person_words(f"{_CERTAIN}|hen|hens")
# One certain person, as the words before sick leave must name one: not "hen", which is as often anyone ("får hen
# behålla sin sjukpenning?"), nor "han på kommunen" after the words ("… för sjukskrivna, han på kommunen upphandlar").
_CERTAIN_PERSON = _person_words(_CERTAIN)
# A sentence ends at ".", "!", "?" or a new line; bounded, so splitting takes linear time.
_SENTENCE = re.compile(r"[^.!?\n]*[.!?\n]*")
# "deltagare med adhd" in a sentence that is about one person only elsewhere ("Mannen i styrelsen vill ha
# arbetsträning för deltagare med adhd"): a group's condition, which the assessment needs. "en deltagare med" is one.
# Nouns that are plural only count anywhere; "deltagare" and "brukare", singular too ("Kalle är en ny deltagare med
# adhd"), only after a word that makes them a group ("för deltagare med", "alla deltagare med"; review of session 43).
_GROUP_WITH = re.compile(
    r"(?:\b(?:personer|ungdomar|unga|vuxna|individer|kvinnor|män|klienter|patienter|sjukskrivna|långtidssjukskrivna)"
    r"|\b(?:för|åt|alla|flera|många|fler|de|dessa|sådana)\s+(?:deltagare|brukare|arbetssökande))"
    r"\s+med\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_REPEATED_HEALTH = re.compile(r"\[hälsouppgift\](?:\s+\[hälsouppgift\])+")


def _mask_health(text: str) -> str:
    """Health conditions in the sentences that are about one person; sick leave after the words for that person."""
    if not _ONE_PERSON.search(text) or not (_HEALTH.search(text) or _SICK_LEAVE.search(text)):
        return text
    masked = "".join(
        _mask_one_persons(part) if _ONE_PERSON.search(part) else part
        for part in (match.group() for match in _SENTENCE.finditer(text))
    )
    return _REPEATED_HEALTH.sub(TOKENS["hälsa"], masked)  # "diagnosen bipolär": one marker, not two


def _mask_one_persons(sentence: str) -> str:
    """A sentence about one person with its health conditions and sick leave masked."""
    return _mask_sick_leave(_HEALTH.sub(lambda word: _unless_a_groups(sentence, word), sentence))


def _unless_a_groups(sentence: str, word: re.Match[str]) -> str:
    """The marker for a health word, unless the words just before it say it is a group's ("personer med …")."""
    before = sentence[max(0, word.start() - 60) : word.start()]  # bounded: linear time on a long sentence
    return word.group() if _GROUP_WITH.search(before) else TOKENS["hälsa"]


# "hon jobbar med sjukskrivna", "för långtidssjukskrivna": the people on sick leave someone works with or for.
# Not "till" or "bland": "hon hör till gruppen sjukskrivna" is about her (review of session 43).
_FOR_THOSE = re.compile(r"\b(?:med|för|for|åt|at)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _unless_the_group(after_the_person: str, word: re.Match[str]) -> str:
    """The marker for a sick-leave word, unless it is the plural after "med", "för" …: a group, not the person."""
    before = after_the_person[max(0, word.start() - 30) : word.start()]
    plural = re.fullmatch(r"\w*skrivna", word.group(), re.IGNORECASE) is not None
    return word.group() if plural and _FOR_THOSE.search(before) else TOKENS["hälsa"]


def _mask_sick_leave(sentence: str) -> str:
    person = _CERTAIN_PERSON.search(sentence)
    if person is None:
        return sentence
    after = sentence[person.end() :]
    return sentence[: person.end()] + _SICK_LEAVE.sub(lambda word: _unless_the_group(after, word), after)


def mask(text: str) -> str:
    """The text (NFKC-normalised) with personal data replaced by a marker such as "[personnummer]"."""
    text = unicodedata.normalize("NFKC", text)
    if _MAYBE_EMAIL.search(text):
        text = EMAIL.sub(TOKENS["e-post"], text)
    if _DIGIT.search(text):
        text = PERSONAL_NUMBER.sub(TOKENS["personnummer"], text)
        text = PHONE.sub(_phone, text)
    # Names after e-mail addresses (a name inside one goes with the address); health last, since a
    # masked name tells that a sentence is about one person.
    return _mask_health(_mask_names(text))


def masked_kinds(text: str) -> list[str]:
    """Which kinds of personal data were masked in an already masked text."""
    return [kind for kind, token in TOKENS.items() if token in text]
