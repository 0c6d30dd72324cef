"""The intent classifier's weights, laid out for the product it computes on every message.

Rasa's LogisticRegressionClassifier asks scikit-learn for `X @ coef_.T`, with X one sparse row of
n-gram features. `coef_` is stored row by row (C order), so its transpose is column by column, and
SciPy copies the whole weight matrix into row order before each product: in `make profile` that copy
was the largest single cost of reading a message. Stored column by column (Fortran order) once, the
transpose is already in row order and nothing is copied; the weights and the result are the same.

Its feature row (`_create_X`) is built from every featurizer's sentence features: Rasa first joins
all of a message's features, the per-token ones too, one `hstack` at a time on copies, and then keeps
only the sentence part. Here the sentence parts are laid side by side once, into the same matrix.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import scipy.sparse as sp  # type: ignore[import-untyped]  # SciPy ships no type stubs
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.message import Message

_rasas_process: Callable[[Any, list[Message]], list[Message]] = LogisticRegressionClassifier.process
_rasas_create_x: Callable[[Any, list[Message]], Any] = LogisticRegressionClassifier._create_X


def create_x(classifier: Any, messages: list[Message]) -> Any:
    """The matrix Rasa's `_create_X` builds (one row per message: the sentence features of the text,
    featurizer after featurizer), from the sentence parts alone. Rasa's own builds it when a
    featurizer gives dense features or the rows differ in width, which this pipeline never does."""
    data, columns, row_ends, widths = [], [], [0], set()
    for message in messages:
        width = stored = 0
        for features in message.features:
            if features.attribute != TEXT or features.type != FEATURE_TYPE_SENTENCE:
                continue
            if not features.is_sparse():
                return _rasas_create_x(classifier, messages)
            part = features.features.tocoo()
            data.append(part.data)
            columns.append(part.col + width)
            width += part.shape[1]
            stored += part.nnz
        row_ends.append(row_ends[-1] + stored)
        widths.add(width)
    if len(widths) != 1 or 0 in widths:
        return _rasas_create_x(classifier, messages)
    matrix = sp.csr_matrix(
        (np.concatenate(data), np.concatenate(columns), np.array(row_ends)), shape=(len(messages), widths.pop())
    )
    matrix.sum_duplicates()  # sorted column numbers, as `hstack` leaves them
    return matrix


def process(classifier: Any, messages: list[Message]) -> list[Message]:
    """Rasa's own process, with the weights in Fortran order (rearranged on the first message only)."""
    weights = classifier.clf.coef_
    if not weights.flags.f_contiguous:
        classifier.clf.coef_ = np.asfortranarray(weights)
    return _rasas_process(classifier, messages)


def install() -> None:
    """Makes every LogisticRegressionClassifier in this process use `process` and `create_x` above."""
    LogisticRegressionClassifier.process = process
    LogisticRegressionClassifier._create_X = create_x
