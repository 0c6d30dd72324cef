"""A learned reader beside the tree's word lists: per question, a linear model over the
letters and words of what people write, trained on the labelled examples in
`content/reading/`.

The word lists (understanding.py) say exactly why they read a fact, but they only know
the words someone thought of. The models have seen about a thousand texts written by
people who never saw those lists, so they know more ways of saying the same thing
(compounds, typos, paraphrase). understanding.py uses them as a second reader: a fact
the words found is kept only when the model does not speak clearly against it, and a
fact the words missed is proposed only when the model is sure and the words that
carried its decision can be quoted as evidence.

Letter sequences (2–5 letters within a word) make the models robust to endings,
compounds and missing å/ä/ö. Trained on first use in about five seconds, then kept in a
cache file keyed by a hash of the examples and the library versions, so a server
restarts fast; nothing is downloaded.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from asf import settings, yamltext
from asf.guidance import swedish
from asf.guidance.model import Tree

log = logging.getLogger(__name__)

NOT_STATED = "none"  # a description that does not say
UNCLEAR = "oklart"  # a typed answer a careful reader could not place
# The "question" of the kind model: is a message about an initiative at all?
KIND = "kind"
INITIATIVE, OTHER_QUESTION = "initiative", "other_question"
_FORMAT = 3  # raised when what is trained changes, so an older cache file is not loaded
_C = 30.0  # weak regularisation: the texts are short and the labels clean (chosen on cross-validation)


@dataclass(frozen=True)
class Example:
    text: str
    labels: Mapping[str, str]  # question id -> option id (descriptions); one entry for a typed answer


@dataclass(frozen=True)
class Examples:
    descriptions: tuple[Example, ...]
    answers: tuple[Example, ...]
    other_questions: tuple[str, ...] = ()  # questions that are not about an initiative


def load_examples(folder: Path, tree: Tree, skip: Iterable[str] = ()) -> Examples:
    """Every labelled example in `folder` whose labels this tree can express; `skip` leaves out ids
    (the part of a set held back in cross-validation)."""
    skipped = set(skip)
    descriptions: list[Example] = []
    answers: list[Example] = []
    others: list[str] = []
    for path in sorted(folder.glob("*.yml")):
        for item in yamltext.load(path.read_text(encoding="utf-8")) or []:
            if item["id"] in skipped:
                continue
            if path.name.startswith("descriptions"):
                if item.get("kind") == "not_initiative":
                    others.append(item["text"])
                else:
                    descriptions.append(Example(item["text"], known_labels(tree, item.get("facts") or {})))
            elif known_labels(tree, {item["question"]: item["gold"]}) or item["gold"] == UNCLEAR:
                answers.append(Example(item["text"], {item["question"]: item["gold"]}))
    return Examples(tuple(descriptions), tuple(answers), tuple(others))


def known_labels(tree: Tree, labels: Mapping[str, str]) -> dict[str, str]:
    """The labels this tree can express (an older tree or example may name options it lacks)."""
    return {
        question: option
        for question, option in labels.items()
        if question in tree.questions and tree.questions[question].option(option) is not None
    }


class TextModel:
    """Per question, the probability of each option (or of "not stated"/"unclear") for a text."""

    def __init__(self, vectorizers: Mapping[str, Any], classifiers: Mapping[str, Any]) -> None:
        self._vectorizers = vectorizers
        self._classifiers = classifiers
        self._last: dict[int, tuple[str, Any]] = {}  # per vectorizer, the last text and its features

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_last": {}}  # the cache file holds the models, not the last text

    def knows(self, question_id: str) -> bool:
        return question_id in self._classifiers

    def probabilities(self, question_id: str, text: str) -> dict[str, float]:
        if question_id not in self._classifiers:
            return {}
        return self._by_option(question_id, self._features(question_id, swedish.fold(swedish.spelled_out(text))))[0]

    def _features(self, question_id: str, folded: str) -> Any:
        """The text's features, computed once for all the questions that share a vectorizer."""
        vectorizer = self._vectorizers[question_id]
        last = self._last.get(id(vectorizer))
        if last is None or last[0] != folded:
            last = (folded, vectorizer.transform([folded]))
            self._last[id(vectorizer)] = last
        return last[1]

    def _by_option(self, question_id: str, features: Any) -> list[dict[str, float]]:
        """Per row of features, each option's probability."""
        classifier = self._classifiers[question_id]
        rows = classifier.predict_proba(features)
        return [dict(zip(classifier.classes_, map(float, row), strict=True)) for row in rows]

    def strongest_word(self, question_id: str, option_id: str, text: str) -> swedish.Token | None:
        """The word whose absence lowers the option's probability most: what the decision rests on."""
        words = swedish.tokens(text)
        if not words or question_id not in self._classifiers:
            return None
        folded = swedish.fold_in_place(text)  # the same offsets as the words
        without = [folded[: word.start] + " " * (word.end - word.start) + folded[word.end :] for word in words]
        features = self._vectorizers[question_id].transform([folded, *without])
        whole, *each = self._by_option(question_id, features)
        drops = [whole.get(option_id, 0.0) - probability.get(option_id, 0.0) for probability in each]
        best = max(range(len(words)), key=drops.__getitem__)
        return words[best] if drops[best] > 0 else None


@dataclass(frozen=True)
class Models:
    descriptions: TextModel
    answers: TextModel
    kind: TextModel = field(default_factory=lambda: TextModel({}, {}))  # KIND: INITIATIVE or OTHER_QUESTION

    def other_question(self, text: str) -> float:
        """How likely the message asks about something other than an initiative (0 without a kind model)."""
        return self.kind.probabilities(KIND, text).get(OTHER_QUESTION, 0.0)


# The tree's words alone: for corrections (a change must name its new answer), the content checks,
# and a side-by-side baseline in the bench.
WORDS_ONLY = Models(TextModel({}, {}), TextModel({}, {}))


def train(examples: Examples, tree: Tree) -> Models:
    """One model per question for descriptions (options + "not stated"), one per question for answers."""
    from sklearn.feature_extraction.text import TfidfVectorizer  # heavy: only when training

    shared = _vectorizer(TfidfVectorizer, min_df=2)
    texts = [swedish.fold(e.text) for e in examples.descriptions]
    matrix = shared.fit_transform(texts) if texts else None
    described: dict[str, Any] = {}
    for question_id in tree.questions:
        labels = [e.labels.get(question_id, NOT_STATED) for e in examples.descriptions]
        if matrix is not None and len(set(labels)) >= 2:
            described[question_id] = _classifier().fit(matrix, labels)
    answer_vectorizers: dict[str, Any] = {}
    answered: dict[str, Any] = {}
    for question_id in tree.questions:
        own = [e for e in examples.answers if question_id in e.labels]
        labels = [e.labels[question_id] for e in own]
        if len(set(labels)) >= 2:
            vectorizer = _vectorizer(TfidfVectorizer, min_df=1)
            answered[question_id] = _classifier().fit(
                vectorizer.fit_transform([swedish.fold(e.text) for e in own]), labels
            )
            answer_vectorizers[question_id] = vectorizer
    return Models(
        TextModel(dict.fromkeys(described, shared), described),
        TextModel(answer_vectorizers, answered),
        _kind_model(examples, TfidfVectorizer),
    )


def _kind_model(examples: Examples, tfidf: Any) -> TextModel:
    """Initiatives against other questions; the few other questions weigh as much as the many initiatives."""
    if not examples.other_questions or not examples.descriptions:
        return TextModel({}, {})
    texts = [swedish.fold(t) for t in (*(e.text for e in examples.descriptions), *examples.other_questions)]
    labels = [INITIATIVE] * len(examples.descriptions) + [OTHER_QUESTION] * len(examples.other_questions)
    vectorizer = _vectorizer(tfidf, min_df=2)
    classifier = _classifier(balanced=True).fit(vectorizer.fit_transform(texts), labels)
    return TextModel({KIND: vectorizer}, {KIND: classifier})


def _vectorizer(tfidf: Any, min_df: int) -> Any:
    from sklearn.pipeline import make_union

    return make_union(
        tfidf(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=min_df),
        tfidf(analyzer="word", ngram_range=(1, 2), sublinear_tf=True),
    )


def _classifier(balanced: bool = False) -> Any:
    from sklearn.linear_model import LogisticRegression

    # liblinear (one-vs-rest) trains six times faster than lbfgs here, at the same accuracy.
    return LogisticRegression(C=_C, solver="liblinear", class_weight="balanced" if balanced else None)


# --- The models the assistant uses ----------------------------------------------


def examples_folder() -> Path:
    return settings.content_dir() / "reading"


@cache
def default_models() -> Models:
    """The models trained on content/reading/, from the cache when the examples are unchanged."""
    from asf.guidance.loader import default_tree

    try:
        import sklearn  # noqa: F401  (the editors' light environment has only PyYAML and jsonschema)
    except ImportError:
        log.warning("scikit-learn saknas: bara trädets ord läser fritext")
        return WORDS_ONLY
    tree = default_tree()
    folder = examples_folder()
    path = settings.cache_dir() / f"reading-{_fingerprint(folder)}.pickle"
    try:
        # Only this module writes the file, under a name that is the hash of what it was trained on.
        models: Models = pickle.loads(path.read_bytes())
        return models
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    models = train(load_examples(folder, tree), tree)
    _store(path, models)
    return models


def _fingerprint(folder: Path) -> str:
    import sklearn

    digest = hashlib.sha256(f"{sklearn.__version__} C={_C} {_FORMAT}".encode())
    for path in sorted(folder.glob("*.yml")):
        digest.update(path.name.encode() + path.read_bytes())
    digest.update((settings.content_dir() / "tree.yml").read_bytes())
    return digest.hexdigest()[:16]


def _store(path: Path, models: Models) -> None:
    """Write atomically (workers may train at once); a read-only disk only costs the next start time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(models, handle)
        os.replace(handle.name, path)
    except OSError as error:
        log.warning("Kunde inte spara den inlärda läsaren i %s: %s", path.parent, error)
