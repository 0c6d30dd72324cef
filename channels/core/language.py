"""Whether a message is plainly written in English.

The NLU is trained on Swedish only and takes English sentences for something
(often a description of an initiative, which starts a new assessment). A
sentence with several English function words and not one Swedish one gets a
reply instead. Short answers ("ok", "yes") pass: they are never a sentence.
"""

from __future__ import annotations

import re

_ENGLISH = (
    "the a an is are was were be been do does did can could would should will what which who how why when where "
    "this that these those it its you your we our they their he she my me to of for with from and or not no yes "
    "please hello hi thanks about"
)
# Words that also occur in English ("i", "in", "man") are left out: they decide nothing.
_SWEDISH = (
    "och att det som är en ett på av för med till den de vi du jag har kan ska inte om vad hur var när vem vilka "
    "eller men så från hej tack ja nej insats insatsen förbund förbundet samordningsförbund deltagare företag "
    "vill får ge"
)
ENGLISH, SWEDISH = frozenset(_ENGLISH.split()), frozenset(_SWEDISH.split())
WORD = re.compile(r"[^\W\d_]+")


def looks_english(text: str) -> bool:
    words = [word.lower() for word in WORD.findall(text)]
    if len(words) < 4 or any(word in SWEDISH for word in words):
        return False
    return sum(word in ENGLISH for word in words) >= 2
