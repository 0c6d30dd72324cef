"""The action server's plugins: the gate and the warm-up of the learned reader."""

from __future__ import annotations

from typing import Any

import pytest

import rasa_sdk_plugins
from actions import gate
from asf.guidance import learned


class Manager:
    def __init__(self) -> None:
        self.registered: list[Any] = []

    def register(self, plugin: Any) -> None:
        self.registered.append(plugin)


def test_the_action_server_loads_the_learned_reader_before_it_answers(monkeypatch: pytest.MonkeyPatch):
    loaded: list[bool] = []

    def load() -> learned.Models:
        loaded.append(True)
        return learned.WORDS_ONLY

    monkeypatch.setattr(learned, "default_models", load)
    manager = Manager()
    rasa_sdk_plugins.init_hooks(manager)
    assert gate in manager.registered  # the gate stays
    for plugin in manager.registered:
        if plugin is not gate:
            plugin.attach_sanic_app_extensions(app=None)
    assert loaded == [True]
