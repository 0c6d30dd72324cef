"""Rasa's own command line (`rasa run`, `rasa train`, `rasa test`, `rasa shell`), with skops imported first.

Rasa loads the intent classifier (LogisticRegressionClassifier) with skops, and importing skops.io looks
up the module of every NumPy and SciPy ufunc by walking all of sys.modules, one walk per ufunc (765).
After TensorFlow, which Rasa imports at once, that is thousands of modules a walk: measured 14.4 s of
CPU on a busy machine, against 2.6 s when skops comes first, in every Rasa process that loads or trains
a model. Usage: python -m rasa_plugins.cli run --model ... (the same arguments as `rasa`).
"""

from __future__ import annotations

import skops.io  # noqa: F401  first, before anything imports TensorFlow (see above)
from rasa.__main__ import main

if __name__ == "__main__":
    main()
