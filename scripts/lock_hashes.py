"""Adds the sha256 hash of every file of each pinned release to a lock pip-compile wrote (make lock).

pip-compile --generate-hashes reads hashes from PyPI's JSON API at an address pip-tools 7.6 gets
wrong here (it then downloads every wheel of every release to hash it: tens of gigabytes for
TensorFlow); the index's own JSON page (PEP 691) lists each file with its hash, so this reads that.
Usage: python lock_hashes.py INDEX_URL LOCK... (each lock rewritten in place); scripts/lock.sh passes
pip's default index.
"""

from __future__ import annotations

import json
import os
import re
import ssl
import sys
import urllib.request
from pathlib import Path

from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    canonicalize_name,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import Version

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)$")


def file_version(filename: str) -> Version | None:
    """The release a distribution file belongs to, or None for a file type pip does not install."""
    try:
        if filename.endswith(".whl"):
            return parse_wheel_filename(filename)[1]
        return parse_sdist_filename(filename)[1]
    except (InvalidWheelFilename, InvalidSdistFilename):
        return None


def release_hashes(index: str, name: str, version: str) -> list[str]:
    """The sha256 of every wheel and source archive of one release, from the index's JSON page."""
    request = urllib.request.Request(
        f"{index.rstrip('/')}/{canonicalize_name(name)}/", headers={"Accept": "application/vnd.pypi.simple.v1+json"}
    )
    context = ssl.create_default_context(cafile=os.environ.get("PIP_CERT") or None)
    with urllib.request.urlopen(request, timeout=60, context=context) as response:
        files = json.load(response)["files"]
    wanted = Version(version)
    hashes = sorted({f["hashes"]["sha256"] for f in files if file_version(f["filename"]) == wanted})
    if not hashes:
        raise SystemExit(f"{name}=={version}: the index lists no files with a sha256 hash")
    return hashes


def with_hashes(index: str, text: str) -> str:
    """The lock's text with each bare `name==version` line followed by its hashes."""
    out = []
    for line in text.splitlines():
        match = PIN.match(line)
        if match:
            hashes = release_hashes(index, *match.groups())
            out.append(line + " \\")
            out.extend(f"    --hash=sha256:{h}" + (" \\" if i < len(hashes) - 1 else "") for i, h in enumerate(hashes))
        else:
            out.append(line)
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    for path in map(Path, sys.argv[2:]):
        path.write_text(with_hashes(sys.argv[1], path.read_text(encoding="utf-8")), encoding="utf-8")
