"""Debian's Chromium, headless, for the tests that drive the intranet page (playwright)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from playwright.sync_api import BrowserContext, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WAIT_MS = 30_000


@contextmanager
def chromium(**options: Any) -> Iterator[BrowserContext]:
    """A browser with its own empty profile; `options` go to playwright (e.g. viewport)."""
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, **options
        )
        context.set_default_timeout(WAIT_MS)
        yield context
        context.close()
