"""rasa-sdk's plugin hook: `rasa run actions` imports this package when it is on
PYTHONPATH (scripts/run.sh puts the repo there) and calls init_hooks.

The only plugin is the shared-secret gate in front of the action server.
"""

from actions.gate import init_hooks

__all__ = ["init_hooks"]
