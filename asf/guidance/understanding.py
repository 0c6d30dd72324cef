"""Understands free text against the tree: which option an answer means, which
earlier answer a user wants to change, and what a description already says.

Matching uses the tree's own keywords, so a question added to the tree is
understood without touching the Rasa files. Matching is on whole words, case-
and diacritic-insensitive ("forbundet" finds "förbundet").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from asf.guidance.engine import walk
from asf.guidance.model import Option, Question, Tree

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e"})
_YES = {"ja", "japp", "jepp", "jo", "absolut", "precis", "stämmer", "ja tack", "yes", "okej", "ok"}
_NO = {"nej", "nä", "nää", "nope", "inte", "nej tack", "no"}


def normalise(text: str) -> str:
    """Lower case, without å/ä/ö and punctuation, single spaces."""
    words = re.findall(r"[\w§]+", text.lower().translate(_FOLD))
    return " ".join(words)


_NEGATIONS = {"inte", "ej", "aldrig", "utan", "ingen", "inga"}


def _hits(text: str, phrases: Iterable[str]) -> int:
    """How strongly `text` mentions the phrases: the words of each phrase found, summed.

    A mention right after a negation ("inte ge pengar") does not count.
    """
    words = normalise(text).split()
    score = 0
    for phrase in phrases:
        wanted = normalise(phrase).split()
        if wanted and _mentioned(words, wanted):
            score += len(wanted)
    return score


def _mentioned(words: list[str], wanted: list[str]) -> bool:
    size = len(wanted)
    for start in range(len(words) - size + 1):
        if words[start : start + size] == wanted:
            before = words[max(0, start - 2) : start]
            if wanted[0] in _NEGATIONS or not _NEGATIONS & set(before):
                return True
    return False


def option_scores(question: Question, text: str, description: bool = False) -> dict[str, int]:
    """How strongly the text names each option; in a description, only options that may be read from one."""
    return {
        option.id: _hits(text, (option.label, *option.keywords)) if option.from_description or not description else 0
        for option in question.options
    }


def _unique_best(scores: Mapping[str, int]) -> str | None:
    best = max(scores.values(), default=0)
    winners = [key for key, score in scores.items() if score == best]
    return winners[0] if best > 0 and len(winners) == 1 else None


def match_option(
    question: Question, text: str, yes_no: str | None = None, entity_values: Iterable[str] = ()
) -> Option | None:
    """The option a free-text answer means, or None if it is unclear.

    `yes_no` is "ja" or "nej" when the NLU heard an affirmation or a denial;
    `entity_values` are canonical entity values (e.g. "kommunen").
    """
    plain = normalise(text)
    if plain.isdigit() and 1 <= int(plain) <= len(question.options):
        return question.options[int(plain) - 1]  # "2" picks the second button
    for value in entity_values:
        named = [o for o in question.options if o.id == value or normalise(value) in map(normalise, o.keywords)]
        if len(named) == 1:
            return named[0]
    scores = option_scores(question, text)
    chosen = _unique_best(scores)
    if chosen is not None:
        return question.option(chosen)
    meaning = yes_no or ("ja" if plain in _YES else "nej" if plain in _NO else None)
    if meaning:
        return next((option for option in question.options if option.means == meaning), None)
    return None


def match_question(tree: Tree, text: str, candidates: Iterable[str]) -> str | None:
    """Which of the `candidates` (answered question ids) the text names, if one stands out."""
    scores = {}
    for question_id in candidates:
        question = tree.questions[question_id]
        scores[question_id] = _hits(text, (question.short, *question.change_keywords))
    return _unique_best(scores)


def understand_description(tree: Tree, text: str) -> dict[str, str]:
    """Answers that a free description of the initiative already gives.

    First, a description that names something the tree leads straight to a
    "should not be financed" outcome for (a start grant, a membership ...) is
    taken along the path to that option, so the user can confirm it at once.
    Otherwise the tree is walked from the start while each question has one
    option that the text clearly names.
    """
    direct = _path_to_stop(tree, text)
    if direct is not None:
        return direct
    answers: dict[str, str] = {}
    while True:
        current = walk(tree, answers)
        if current.question is None:
            return answers
        chosen = _unique_best(option_scores(current.question, text, description=True))
        if chosen is None:
            return answers
        answers[current.question.id] = chosen


def _path_to_stop(tree: Tree, text: str) -> dict[str, str] | None:
    stops = []
    for question in tree.questions.values():
        for option in question.options:
            outcome = tree.outcomes.get(option.next)
            if outcome is not None and outcome.verdict == "not_financeable" and option.from_description:
                score = _hits(text, option.keywords)
                if score:
                    stops.append((score, question.id, option))
    if not stops:
        return None
    best = max(score for score, _, _ in stops)
    targets = {option.next for score, _, option in stops if score == best}
    if len(targets) != 1:
        return None  # two different verdict reasons named equally: ask instead
    _, question_id, option = next(s for s in stops if s[0] == best)
    path = _best_path_to(tree, question_id, text)
    if path is None:
        return None
    return {**path, question_id: option.id}


def _best_path_to(tree: Tree, target: str, text: str) -> dict[str, str] | None:
    """Answers leading from the start to `target`, preferring options the text names."""
    paths: list[tuple[int, int, dict[str, str]]] = []

    def search(node: str, answers: dict[str, str], score: int) -> None:
        if node == target:
            paths.append((score, -len(answers), dict(answers)))
            return
        question = tree.questions.get(node)
        if question is None or node in answers:
            return
        scores = option_scores(question, text, description=True)
        for option in question.options:
            answers[node] = option.id
            search(option.next, answers, score + scores[option.id])
            del answers[node]

    search(tree.start, {}, 0)
    if not paths:
        return None
    return max(paths, key=lambda entry: (entry[0], entry[1]))[2]
