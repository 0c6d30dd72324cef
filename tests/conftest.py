"""Shared fixtures: the packaged tree, loaded once."""

from __future__ import annotations

import pytest

from actions.guidance.loader import default_tree
from actions.guidance.model import Tree


@pytest.fixture(scope="session")
def tree() -> Tree:
    return default_tree()
