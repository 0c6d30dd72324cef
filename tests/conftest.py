"""Shared fixtures: the packaged tree, loaded once."""

from __future__ import annotations

import pytest

from asf.guidance.loader import default_tree
from asf.guidance.model import Tree


@pytest.fixture(scope="session")
def tree() -> Tree:
    return default_tree()
