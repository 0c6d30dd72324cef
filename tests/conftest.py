"""Shared fixtures: the packaged tree, loaded once. And the garbage collector kept to new objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from asf.guidance.loader import default_tree
from asf.guidance.model import Tree


@pytest.fixture(scope="session")
def tree() -> Tree:
    return default_tree()


# `make pytest` hands whole groups of tests to its workers (pytest-xdist's --dist loadgroup): each test
# file is a group of its own, as with --dist loadfile (its module fixtures start once), except the files
# that name a shared group, which then run on one worker (tests/system/conftest.py, the shared servers).
# First, so the group is there when pytest-xdist reads it.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))


# Rasa, TensorFlow, fpdf and the rest are millions of objects that live as long as the process, and
# Python's full collection walks all of them each time: measured, 4-5 of each test worker's 33 CPU
# seconds in `make unit`, and under 1 with this.
# What survives collection, and then each test file, is frozen (gc.freeze: never scanned or freed
# again), so a collection walks only what the tests made since. Garbage is still collected first.
def pytest_collection_finish(session: pytest.Session) -> None:
    gc.collect()
    gc.freeze()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    yield
    if nextitem is None or nextitem.path != item.path:  # the file's last test and its fixtures are done
        gc.collect()
        gc.freeze()
