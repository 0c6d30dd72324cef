"""What the container tests share (tests/system/test_images.py, test_compose.py): the container
tool as scripts/container_tool.sh chooses it, the marks that skip them outside `make images-test`,
and the build of the images under a tag of the run's own (the `images` fixture, conftest.py)."""

from __future__ import annotations

import os
import secrets
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def container_tool(array: str) -> list[str]:
    """An array that scripts/container_tool.sh sets: CT (the command), RUN_OPTS or TOOL."""
    return subprocess.run(
        ["bash", "-c", f'source scripts/container_tool.sh; printf "%s\\n" "${{{array}[@]}}"'],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()


CT = container_tool("CT")
RUN_OPTS = container_tool("RUN_OPTS")
# Marks, not a module-level skip: the tests are collected and reported as skipped, so a run of
# these files alone (make images-test on a machine without a container tool) is not "no tests collected".
MARKS = [
    pytest.mark.servers,
    pytest.mark.skipif(
        os.environ.get("ASF_IMAGES_TEST") != "1",
        reason="HOPPAR ÖVER avbildstesterna här: 'make images-test' kör dem "
        "(och 'make test', efter de andra testerna).",
    ),
    pytest.mark.skipif(
        not CT,
        reason="HOPPAR ÖVER avbildstesterna: varken podman eller docker finns på maskinen, och podman gick inte "
        "att installera (kör t.ex. 'sudo apt-get install podman runc mmdebstrap').",
    ),
]


@contextmanager
def built_images() -> Iterator[str]:
    """scripts/images.sh under a tag of this run's own, which another run on the machine (another
    checkout) cannot move meanwhile. Taken off again at the end, and the layers only it held go with
    the prune that the next scripts/images.sh makes (or the one below), so repeated runs leave
    nothing behind."""
    tag = f"test-{secrets.token_hex(4)}"
    started = time.monotonic()
    env = {**os.environ, "IMAGE_TAG": tag}
    built = subprocess.run(["bash", "scripts/images.sh"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-3000:]
    print(f"\nscripts/images.sh: {time.monotonic() - started:.0f} s")
    try:
        yield tag
    finally:
        for name in ("rasa", "actions", "web", "python"):
            subprocess.run([*CT, "rmi", f"localhost/asf-{name}:{tag}"], capture_output=True)
        subprocess.run([*CT, "image", "prune", "-f", "--filter", "label=asf.images"], capture_output=True)
