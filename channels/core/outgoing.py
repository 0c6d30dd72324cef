"""What the bot said in one turn, collected and put in the order a chat channel shows it.

Teams and Slack post each reply to an outside API after Rasa has answered, so the
turn is collected first (like the REST channel does) and then rendered. That lets
a channel show the decision memo once, in its own format, instead of the memo's
raw Markdown text followed by the machine-readable payload.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class Text:
    text: str
    buttons: tuple[dict[str, str], ...] = ()


@dataclass(frozen=True)
class Memo:
    """The decision memo payload (asf/memo.py `payload`), shown in the channel's own format."""

    payload: dict[str, Any]
    buttons: tuple[dict[str, str], ...] = field(default=())


Item = Text | Memo


def _buttons(message: dict[str, Any]) -> tuple[dict[str, str], ...]:
    return tuple(
        {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))} for b in message.get("buttons") or []
    )


def plan(messages: list[dict[str, Any]]) -> list[Item]:
    """The turn's replies as the channel should show them.

    The memo arrives twice (its Markdown as a text with buttons, then the
    `decision_memo` payload): the text is replaced by the memo, keeping its
    buttons. Other custom payloads (`assessment_result`) are data for other
    systems; the chat already shows the same result as text.
    """
    memos = {
        str(m["custom"].get("markdown", "")).strip(): m["custom"]
        for m in messages
        if isinstance(m.get("custom"), dict) and m["custom"].get("type") == "decision_memo"
    }
    items: list[Item] = []
    shown: set[str] = set()
    for message in messages:
        text = message.get("text")
        if isinstance(text, str) and text.strip():
            memo = memos.get(text.strip())
            if memo is not None:
                items.append(Memo(memo, _buttons(message)))
                shown.add(text.strip())
            else:
                items.append(Text(text.strip(), _buttons(message)))
        custom = message.get("custom")
        if isinstance(custom, dict) and custom.get("type") == "decision_memo":
            key = str(custom.get("markdown", "")).strip()
            if key not in shown:
                items.append(Memo(custom))
                shown.add(key)
    return items
