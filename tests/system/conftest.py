"""Fixtures the system tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from devtools.servers import Servers, running_servers


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    """The servers as `make run` starts them, shared by the test files that need nothing else of them
    and stop nothing (each start is 25-45 s of a worker); a file that needs other settings, or stops
    a server, has a `servers` fixture of its own. The files that use these are marked
    xdist_group("shared-servers"): `make pytest` hands whole groups to its workers (--dist loadgroup),
    so they run on one worker, which starts the servers once. Their senders differ."""
    with running_servers(tmp_path_factory.mktemp("shared")) as started:
        yield started


@pytest.fixture(scope="session")
def images() -> Iterator[str]:
    """The container images, built once for test_compose.py and test_images.py: their tag."""
    from tests.system.container_images import built_images  # runs scripts/container_tool.sh: only when used

    with built_images() as tag:
        yield tag
