"""YAML text to data, with libyaml's parser when PyYAML was built with it.

libyaml reads the same safe subset as PyYAML's pure-Python SafeLoader, about ten
times faster: the content files are read on every check and every test run.
"""

from __future__ import annotations

from typing import Any

import yaml

SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str) -> Any:
    """What yaml.safe_load(text) gives; raises yaml.YAMLError as it does."""
    return yaml.load(text, Loader=SAFE_LOADER)  # safe: SAFE_LOADER is a SafeLoader
