"""Questions that are not about financing an initiative (content/other_questions.yml).

People ask the assistant about personal data, the budget, insurance or the
förbund's own purchases too. Such a question gets an honest answer – what the
guidance does and does not cover, and whom to ask – instead of a walk through
the tree that ends in "not covered".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from asf import settings, yamltext
from asf.guidance import learned, swedish, understanding

_QUESTION_WORDS = frozenset(
    {"far", "kan", "hur", "vad", "vem", "vilken", "vilket", "vilka", "nar", "maste", "ska", "galler", "sparas", "ar"}
)


# A question the learned reader is this sure is not about an initiative, but whose topic no
# words name, gets the general answer (chosen on cross-validation: no initiative of the
# development half reached it).
_SURE_OTHER = 0.8
GENERAL = "annat_amne"


@dataclass(frozen=True)
class Topic:
    id: str
    words: tuple[str, ...]
    answer: str
    # Words that name the topic in a statement too: "Förbundet hyr konferensrum av Kvarnen till vanligt pris" is the
    # förbund's own purchase, asked about or not (trial 31, t31-7 got "täcks inte" through the knowledge question).
    stated: tuple[str, ...] = ()
    # Answered beside a description that names it, asked about or not: the guidance's silence on an IOP bears on
    # the initiative described as one (trial 39, t39-5 was assessed as a purchase without a word about it).
    noted: bool = False
    # Words that show the message is about something else after all: lunch "åt deltagarna" is no purchase of the
    # förbund's own (trial 54, t54-2 got the answer about its own purchases for participants' bus cards and lunch).
    not_when: tuple[str, ...] = ()


def topics_file() -> Path:
    return settings.content_dir() / "other_questions.yml"


def load_topics(path: Path) -> tuple[Topic, ...]:
    raw = yamltext.load(path.read_text(encoding="utf-8"))
    return tuple(
        Topic(
            key,
            tuple(entry["words"]),
            " ".join(entry["answer"].split()),
            tuple(entry.get("stated", ())),
            bool(entry.get("noted_in_a_description", False)),
            tuple(entry.get("not_when", ())),
        )
        for key, entry in raw.items()
    )


@cache
def topics() -> tuple[Topic, ...]:
    return load_topics(topics_file())


def looks_like_a_question(text: str) -> bool:
    words = swedish.tokens(text)
    if "?" in text or (bool(words) and words[0].word in _QUESTION_WORDS):
        return True
    return _SAYS_ITS_QUESTION.search(swedish.fold(text)) is not None


# "Min fråga är om förbundet måste återkräva pengarna." asks without a question mark (trial 69, t69-6).
# "min fråga gäller just att …", "jag undrar vad vägledningen säger om …" (trial 72, t72-5).
_SAYS_ITS_QUESTION = re.compile(
    r"\b(?:min fraga|fragan) (?:ar|galler) (?:just |bara |egentligen )?(?:om|att|hur|vad|vilk\w*|varfor|nar|vem)\b"
    # Not "jag undrar om förbundet kan betala …", which as often describes an initiative (review of session 43).
    r"|\bjag undrar (?:vad|hur|vilk\w*|varfor|nar|vem)\b"
)


def _sentences(text: str) -> list[str]:
    """The text's sentences, each with its closing mark."""
    return re.findall(r"[^.!?\n]+[.!?]*", text)


def _in_sentence(topic: Topic, sentence: str) -> bool:
    return _names(topic, swedish.tokens(sentence))


def split_by_topic(text: str, topic: Topic) -> tuple[str, str]:
    """The sentences of `text` that name the topic, and the rest: what a message says besides its question
    about another topic ("Kan vi betala ett studiebesök …? Får vi skriva personnummer här?")."""
    naming: list[str] = []
    rest: list[str] = []
    for sentence in _sentences(text):
        (naming if _in_sentence(topic, sentence) else rest).append(sentence.strip())
    return " ".join(naming).strip(), " ".join(rest).strip()


# A message about another topic that also gives this many facts describes an initiative too.
FACTS_OF_A_DESCRIPTION = 2


def asked_beside_a_description(
    text: str, facts_in: Callable[[str], int], models: learned.Models | None = None
) -> Topic | None:
    """The topic a message asks about, where it may also describe an initiative: a topic's word in a
    statement of a message that describes one is part of it, not a question about the topic (trial 10:
    "Vi vill ha ett nätverk för handläggare … Förbundet står för lokal och fika. Ok?" got the answer
    about the förbund's own purchases). `facts_in` counts the facts a text gives about an initiative."""
    topic = recognise(text, models=models, stated=True)
    if topic is not None and topic.noted and facts_in(text) >= FACTS_OF_A_DESCRIPTION:
        # Its answer is said beside the summary: "Kommunen har ett IOP med föreningen … Kan förbundet finansiera
        # kommunens del av IOP:t för deltagare …?" is an initiative to assess (development set 8, md8010).
        return None
    if topic is None or asked_in_a_question(text, topic):
        return topic
    if _sets_the_scene_of_a_request(text, topic):
        # "Fyra deltagare med aktivitetsersättning ska börja på … Kan förbundet betala deras löner?": the topic's
        # word sets the scene, and the question asks the förbund to pay (development set 7, md7079).
        return None
    return topic if facts_in(text) < FACTS_OF_A_DESCRIPTION else None


def _sets_the_scene_of_a_request(text: str, topic: Topic) -> bool:
    """The topic is named only in sentences that ask nothing of the förbund, and another sentence asks it to pay.
    "Vi vill köpa julklappar till vår egen personal från ett ASF och betala med förbundets pengar. Är det ok?"
    names the topic in the request itself: that is the question (third review of session 20)."""
    sentences = [s for s in _sentences(text) if s.strip()]
    requests = [s for s in sentences if understanding.asks_the_förbund_to_pay(s)]
    asked = [s for s in requests if looks_like_a_question(s)]
    if asked and not any(_in_sentence(topic, s) for s in asked):
        # "vi vill köra en KBT-grupp för …, de flesta har en psykiatrisk diagnos … kan förbundet betala?": the
        # question asks the förbund to pay, and the topic's word describes the group (trial 59, t59-4 got the answer
        # about personal data and no assessment).
        return True
    return bool(requests) and not any(_in_sentence(topic, s) for s in requests)


def noted_in(text: str) -> list[Topic]:
    """The topics to answer beside a description that names them (`noted_in_a_description`)."""
    words = swedish.tokens(text)
    return [topic for topic in topics() if topic.noted and _names(topic, words)]


def named(text: str) -> Topic | None:
    """The first topic whose words the text names, asked about or not ("jag frågade om försäkring")."""
    return next(iter(all_named(text)), None)


def all_named(text: str) -> list[Topic]:
    """Every topic whose words the text names, in the file's order; not one named only inside another's longer
    words: "Vem betalar förbundets budget?" asks who funds the förbund, not how much of the budget goes here
    (trial 40 got both answers)."""
    words = swedish.tokens(text)
    spans = {topic.id: _spans(topic.words, words) if _names(topic, words) else [] for topic in topics()}
    return [
        topic
        for topic in topics()
        if spans[topic.id]
        and not _all_inside(spans[topic.id], [s for t, o in spans.items() if t != topic.id for s in o])
    ]


def _spans(phrases: tuple[str, ...], words: tuple[swedish.Token, ...]) -> list[tuple[int, int]]:
    return [(m.start, m.end) for phrase in phrases for m in swedish.find(phrase, words) if not m.negated]


def _all_inside(spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> bool:
    """Every span lies within a longer one of the others."""
    return all(any(start <= s and e <= end and (end - start) > (e - s) for start, end in others) for s, e in spans)


def first_named(text: str, topic: Topic) -> int:
    """Which sentence of `text` names the topic first (after the last when none does): answers come in
    the order they were asked."""
    sentences = _sentences(text)
    return next((n for n, s in enumerate(sentences) if _in_sentence(topic, s)), len(sentences))


def asked_in_a_question(text: str, topic: Topic) -> bool:
    """A sentence that names the topic is itself a question ("Får vi lägga in personnummer här?"),
    not a statement beside one ("Förbundet står för lokal och fika. Ok?" names a cost)."""
    sentences = _sentences(text)
    return any(_in_sentence(topic, s) and looks_like_a_question(s) for s in sentences)


def _states(topic: Topic, words: tuple[swedish.Token, ...]) -> bool:
    return _any_said(topic.stated, words)


def _names(topic: Topic, words: tuple[swedish.Token, ...]) -> bool:
    return _any_said(topic.words, words) and not _any_said(topic.not_when, words)


def _any_said(phrases: tuple[str, ...], words: tuple[swedish.Token, ...]) -> bool:
    return any(not m.negated for phrase in phrases for m in swedish.find(phrase, words))


def recognise(
    text: str,
    known: tuple[Topic, ...] | None = None,
    models: learned.Models | None = None,
    general: bool = True,
    stated: bool = False,
) -> Topic | None:
    """The topic a message asks about, when it is a question about one; with `general`, the general
    topic when the learned reader is sure it is not about an initiative but no topic's words are
    there (not where the NLU heard a request to the assistant itself: "vad kan du?", "varför?");
    with `stated`, also a statement naming a topic's `stated` words (the caller checks that it does not
    describe an initiative: "Kommunen köper platser åt deltagare till vanligt pris" does)."""
    words = swedish.tokens(text)
    listed = known if known is not None else topics()
    if not looks_like_a_question(text):
        return next((topic for topic in listed if _states(topic, words)), None) if stated else None
    for topic in listed:
        if _names(topic, words):
            return topic
    fallback = next((topic for topic in listed if topic.id == GENERAL), None) if general else None
    if fallback is not None and (models or learned.default_models()).other_question(text) >= _SURE_OTHER:
        return fallback
    return None
