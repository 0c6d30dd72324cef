"""The decision tree as typed, immutable objects.

Built by `loader.py` from tree.yml and guidance_index.yml after the validator has
accepted them, so code using these objects can trust every reference.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

Verdict = Literal["financeable", "conditional", "not_financeable", "out_of_scope"]

VERDICTS: tuple[Verdict, ...] = ("financeable", "conditional", "not_financeable", "out_of_scope")

VERDICT_NAMES: Mapping[Verdict, str] = {
    "financeable": "kan finansieras",
    "conditional": "kan finansieras på villkor",
    "not_financeable": "bör inte finansieras",
    "out_of_scope": "täcks inte av vägledningen",
}

# The verdict as a full sentence with förbundet as subject, as every result shows it
# (chat text, memo, web card, training feedback). VERDICT_NAMES stays for buttons and legends.
VERDICT_SENTENCES: Mapping[Verdict, str] = {
    "financeable": "Förbundet kan finansiera insatsen.",
    "conditional": "Förbundet kan finansiera insatsen på villkor.",
    "not_financeable": "Förbundet bör inte finansiera insatsen.",
    "out_of_scope": "Vägledningen täcker inte insatsen.",
}


def sentence_case(text: str) -> str:
    """First letter upper case; unlike str.capitalize() it keeps names such as "Finsams"."""
    return text[:1].upper() + text[1:]


def listing(items: Iterable[str], last: str = "och") -> str:
    """Items as a Swedish list: "a", "a och b", "a, b och c" (or with last="eller": "a, b eller c")."""
    listed = list(items)
    if len(listed) <= 1:
        return "".join(listed)
    return ", ".join(listed[:-1]) + f" {last} " + listed[-1]


def quoted(text: str) -> str:
    """A text inside Swedish quotation marks: ”text”."""
    return f"”{text}”"


# `{svar:utforare}` in a text stands for the label of the answer to `utforare`.
ANSWER_PLACEHOLDER = re.compile(r"\{svar:([a-z0-9_]+)\}")


@dataclass(frozen=True)
class Citation:
    """A place in the guidance: a section's list item or paragraph, or a law paragraph it names."""

    section: str | None = None
    point: int | None = None
    paragraph: int | None = None
    law: str | None = None

    @property
    def key(self) -> str:
        """A stable, compact form for payloads and tests, e.g. 'undvik/punkt-2' or 'lag/7 §'."""
        if self.law is not None:
            return f"lag/{self.law}"
        if self.point is not None:
            return f"{self.section}/punkt-{self.point}"
        return f"{self.section}/stycke-{self.paragraph}"

    @property
    def anchor(self) -> str:
        """The place's id on the guidance page (asf/guidance/page.py), e.g. 'undvik-punkt-2' or 'lag-7'."""
        return anchor(self.key)


def anchor(key: str) -> str:
    """A citation key as an HTML id and URL fragment: 'undvik/punkt-2' -> 'undvik-punkt-2', 'lag/7 §' -> 'lag-7'."""
    return re.sub(r"[^a-z0-9_]+", "-", key.lower().replace("§", "")).strip("-")


@dataclass(frozen=True)
class Statement:
    """A reason or condition: a sentence and the places it rests on.

    `reading` marks a statement that is our reading of, or an inference from, the
    guidance rather than what it says, so it can be shown as such. `cite_answer`
    names a question whose chosen option's citations the statement also rests on
    (the example the initiative matches).
    """

    text: str
    cites: tuple[Citation, ...]
    reading: bool = False
    cite_answer: str | None = None


@dataclass(frozen=True)
class Route:
    """Where an option leads instead of its `next` when earlier answers on the path match.

    `answered` maps a question id to the option ids that make the rule apply; every
    question named must have one of its options chosen earlier on the path.
    """

    answered: Mapping[str, tuple[str, ...]]
    next: str

    def applies(self, chosen: Mapping[str, str]) -> bool:
        return all(chosen.get(question) in options for question, options in self.answered.items())


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    next: str
    keywords: tuple[str, ...] = ()  # what people type for this option as an answer
    cues: tuple[str, ...] = ()  # what shows it in a description (keywords when empty)
    means: str | None = None  # "ja" or "nej": lets a plain yes/no pick this option
    in_text: str | None = None  # the label's form inside a sentence ("kommunen")
    # May be read out of a free description by its words. "Vet inte än" (id vet_inte) marked false is
    # still given when the description doubts another answer ("vi vet inte om de är i målgruppen").
    from_description: bool = True
    lawful_route: bool = False  # a sign of the lawful route: a must-not is not proposed from a text naming it
    joint_of: tuple[str, ...] = ()  # the options this one stands for when several are named together
    cites: tuple[Citation, ...] = ()
    routes: tuple[Route, ...] = ()  # `next_if` in tree.yml: the first rule that applies wins

    def target(self, chosen: Mapping[str, str]) -> str:
        """Where the option leads, given the answers chosen earlier on the path."""
        return next((route.next for route in self.routes if route.applies(chosen)), self.next)


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    help: str
    short: str  # how the question is named in "ändra svaret om ..." and summaries
    cites: tuple[Citation, ...]
    options: tuple[Option, ...]
    change_keywords: tuple[str, ...] = ()

    def option(self, option_id: str) -> Option | None:
        return next((option for option in self.options if option.id == option_id), None)


@dataclass(frozen=True)
class Outcome:
    id: str
    verdict: Verdict
    title: str
    reasons: tuple[Statement, ...]
    cites: tuple[Citation, ...]
    conditions: tuple[Statement, ...] = ()
    route: str | None = None
    alternative: str | None = None
    next_steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    """A paragraph or list item of the guidance: our short label and its exact text (a quote)."""

    label: str
    quote: str


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    parent: str | None
    paragraphs: Mapping[int, Place]
    points: Mapping[int, Place]
    laws: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    """A document the tree rests on: the guidance itself or the law it builds on."""

    title: str
    publisher: str
    address: str
    address_is: str  # "document" (the document itself) or "publisher_site" (only the publisher's site)
    adopted: str | None = None


@dataclass(frozen=True)
class Law:
    """A paragraph of the law: named in the guidance (7 §) or a companion source it builds on (2 §)."""

    key: str  # "7 §"
    name: str  # the paragraph written out in full
    named_in_guidance: bool
    text: str | None = None  # what the paragraph says
    paraphrase: bool = False  # True when `text` is our own wording, not the law's


@dataclass(frozen=True)
class GuidanceIndex:
    short_name: str
    title: str
    sections: Mapping[str, Section]
    laws: Mapping[str, Law]
    source: Source
    law_source: Source


@dataclass(frozen=True)
class CoverageEntry:
    cite: Citation
    decided_by: tuple[str, ...]  # outcome ids or "question.option"


@dataclass(frozen=True)
class Tree:
    version: str
    start: str
    questions: Mapping[str, Question]
    outcomes: Mapping[str, Outcome]
    index: GuidanceIndex
    coverage: tuple[CoverageEntry, ...]

    def is_question(self, node_id: str) -> bool:
        return node_id in self.questions
