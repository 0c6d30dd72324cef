"""Collects the bot's replies in one turn for the channels that post them afterwards (Teams, Slack).

Kept apart from outgoing.py, which puts the collected replies in order without Rasa, so that
rendering can be used and tested without importing Rasa's channel package.
"""

from __future__ import annotations

from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel


class TurnCollector(CollectingOutputChannel):
    """Collects a turn's replies; unlike Rasa's collector it keeps a text in one piece."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def name(self) -> str:
        # Rasa stores this as the conversation's output channel.
        return self._name

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._persist_message(self._message(recipient_id, text=text))
