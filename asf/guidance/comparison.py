"""A description that compares two ways of doing it ("Blir det enklast om regionen köper platserna och vi betalar
regionen, eller om vi betalar kaféet direkt?", "Vad är skillnaden om vi betalar snickeriet direkt jämfört med om AF
köper platserna?"): what only one of the two ways says is no fact of the initiative, it is the question asked.

Development set 13 (a writer who often asked which of two ways is best) had the second way's money route proposed as
the initiative's.
"""

from __future__ import annotations

import re

from asf.guidance import swedish

# Words that ask which of two ways is better or how they differ, folded.
_WEIGHING = re.compile(
    r"\b(?:skillnad\w*|skiljer|klok(?:ast|are)|rimlig(?:ast|are)|bast|battre|enklast|enklare|billigast|smidigast"
    r"|lampligast|lampligare|vilket alternativ|vilken modell|vilken variant)\b"
)
# A question that weighs: it ends with a question mark, or opens as one ("Vad är skillnaden …", "Är det bättre …").
_ASKS = re.compile(r"^\W*(?:vad|vilket|vilken|vilka|hur|ar det|blir det|spelar det)\b")
# Where the second way begins: "… eller (om/att) …", "… jämfört med (om/att) …", "… än att/om …", and after
# "mellan … och att/om …".
_SECOND_WAY = re.compile(r",?\s+(?:eller|jamfort med|i jamforelse med|an(?=\s+(?:att|om)\b))\s+")
_SECOND_AFTER_BETWEEN = re.compile(r",?\s+och\s+(?=(?:att|om)\b)")
_SENTENCES = re.compile(r"[^.!?\n]+[.!?]*")
_WAY_WORDS = 3  # words each way needs: fewer are two answers to one question ("AF eller FK")
_FRAME = re.compile(r"^.*?\b(?:om|att)\s+")  # the question around the first way: "vad är rimligast: att …"


def compared_sides(text: str) -> tuple[str, str, str] | None:
    """The two ways a sentence of `text` weighs against each other, as written, and the text outside that sentence;
    None when it weighs none."""
    folded = swedish.fold_in_place(text)
    for sentence in _SENTENCES.finditer(folded):
        part = sentence.group()
        if not _WEIGHING.search(part) or not ("?" in part or _ASKS.match(part)):
            continue  # "Deltagarna mår bättre av att arbetsträna på kaféet eller snickeriet" weighs nothing
        splits = [*_SECOND_WAY.finditer(part), *(_SECOND_AFTER_BETWEEN.finditer(part) if "mellan" in part else ())]
        for split in splits:
            first_way = _FRAME.sub("", part[: split.start()], count=1)  # "Är det lämpligare att AF": "AF"
            if min(len(first_way.split()), len(part[split.end() :].split())) < _WAY_WORDS:
                continue  # "Är det lämpligare att AF eller FK upphandlar …" weighs two answers, read as such
            start, end = sentence.start(), sentence.end()
            return text[start : start + split.start()], text[start + split.end() : end], text[:start] + text[end:]
    return None
