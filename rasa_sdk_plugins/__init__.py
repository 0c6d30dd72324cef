"""rasa-sdk's plugin hook: `rasa run actions` imports this package when it is on
PYTHONPATH (scripts/run.sh puts the repo there) and calls init_hooks.

Two plugins: the shared-secret gate in front of the action server, and loading the
learned reader of free text before the server answers, so the first description
after a start is not the one that waits for it (asf/guidance/learned.py).
"""

from __future__ import annotations

from typing import Any

import pluggy

from actions import gate
from asf.guidance import learned

hookimpl = pluggy.HookimplMarker("rasa_sdk")


class ReaderWarmup:
    @hookimpl
    def attach_sanic_app_extensions(self, app: Any) -> None:
        learned.default_models()


def init_hooks(manager: Any) -> None:
    """Called by rasa-sdk's plugin discovery."""
    gate.init_hooks(manager)
    manager.register(ReaderWarmup())
