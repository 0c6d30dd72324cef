"""Fixtures the system tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session")
def images() -> Iterator[str]:
    """The container images, built once for test_compose.py and test_images.py: their tag."""
    from tests.system.container_images import built_images  # runs scripts/container_tool.sh: only when used

    with built_images() as tag:
        yield tag
