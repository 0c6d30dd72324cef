"""The intent classifier's weights, laid out for the product it computes on every message.

Rasa's LogisticRegressionClassifier asks scikit-learn for `X @ coef_.T`, with X one sparse row of
n-gram features. `coef_` is stored row by row (C order), so its transpose is column by column, and
SciPy copies the whole weight matrix into row order before each product: in `make profile` that copy
was the largest single cost of reading a message. Stored column by column (Fortran order) once, the
transpose is already in row order and nothing is copied; the weights and the result are the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.training_data.message import Message

_rasas_process: Callable[[Any, list[Message]], list[Message]] = LogisticRegressionClassifier.process


def process(classifier: Any, messages: list[Message]) -> list[Message]:
    """Rasa's own process, with the weights in Fortran order (rearranged on the first message only)."""
    weights = classifier.clf.coef_
    if not weights.flags.f_contiguous:
        classifier.clf.coef_ = np.asfortranarray(weights)
    return _rasas_process(classifier, messages)


def install() -> None:
    """Makes every LogisticRegressionClassifier in this process use `process` above."""
    LogisticRegressionClassifier.process = process
