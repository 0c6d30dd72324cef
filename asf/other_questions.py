"""Questions that are not about financing an initiative (content/other_questions.yml).

People ask the assistant about personal data, the budget, insurance or the
förbund's own purchases too. Such a question gets an honest answer – what the
guidance does and does not cover, and whom to ask – instead of a walk through
the tree that ends in "not covered".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from asf import settings, yamltext
from asf.guidance import swedish

_QUESTION_WORDS = frozenset(
    {"far", "kan", "hur", "vad", "vem", "vilken", "vilket", "vilka", "nar", "maste", "ska", "galler", "sparas", "ar"}
)


@dataclass(frozen=True)
class Topic:
    id: str
    words: tuple[str, ...]
    answer: str


def topics_file() -> Path:
    return settings.content_dir() / "other_questions.yml"


def load_topics(path: Path) -> tuple[Topic, ...]:
    raw = yamltext.load(path.read_text(encoding="utf-8"))
    return tuple(Topic(key, tuple(entry["words"]), " ".join(entry["answer"].split())) for key, entry in raw.items())


@cache
def topics() -> tuple[Topic, ...]:
    return load_topics(topics_file())


def looks_like_a_question(text: str) -> bool:
    words = swedish.tokens(text)
    return "?" in text or (bool(words) and words[0].word in _QUESTION_WORDS)


def recognise(text: str, known: tuple[Topic, ...] | None = None) -> Topic | None:
    """The topic a message asks about, when it is a question about one."""
    if not looks_like_a_question(text):
        return None
    words = swedish.tokens(text)
    for topic in known if known is not None else topics():
        if any(not mention.negated for word in topic.words for mention in swedish.find(word, words)):
            return topic
    return None
