"""What the bot said in one turn, put in the order a chat channel shows it.

Teams and Slack post each reply to an outside API after Rasa has answered, so the
turn is collected first (collector.py, like the REST channel does) and then rendered. That lets
a channel show the decision memo once, in its own format, instead of the memo's
raw Markdown text followed by the machine-readable payload.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from asf.guidance.explain import chat_text, markdown_cite


@dataclass(frozen=True)
class Text:
    text: str
    buttons: tuple[dict[str, str], ...] = ()
    # The assessment result this text says, for channels that draw it as a card (Teams).
    result: dict[str, Any] | None = field(default=None, compare=False)


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


def _memo(message: dict[str, Any]) -> dict[str, Any] | None:
    custom = message.get("custom")
    return custom if isinstance(custom, dict) and custom.get("type") == "decision_memo" else None


def _result(message: dict[str, Any]) -> dict[str, Any] | None:
    custom = message.get("custom")
    if isinstance(custom, dict) and custom.get("type") == "assessment_result" and "sections" in custom:
        return custom
    return None


def plan(messages: list[dict[str, Any]]) -> list[Item]:
    """The turn's replies as the channel should show them.

    The memo arrives twice: its Markdown as a text with buttons, and right after
    it the `decision_memo` payload, which names the result it belongs to
    (`result_id`, the `id` of the `assessment_result` payload). The memo takes
    the place of the text just before it, keeping its buttons, and a result's
    memo is shown once. The result (`assessment_result`) arrives as its text and
    then its payload: the text is said again from the payload with each citation
    as a Markdown link to its place on the guidance page (when ASF_GUIDANCE_URL is
    absolute), keeping the text's buttons. Other custom payloads are data for other systems.
    """
    items: list[Item] = []
    shown: set[str] = set()
    text_from: int | None = None  # the message the last item was made from, when that item is a Text
    for position, message in enumerate(messages):
        text = message.get("text")
        if isinstance(text, str) and text.strip():
            items.append(Text(text.strip(), _buttons(message)))
            text_from = position
        result = _result(message)
        last_item = items[-1] if items else None
        if result is not None and isinstance(last_item, Text) and text_from is not None and position - text_from <= 1:
            items[-1] = Text(chat_text(result, cite=markdown_cite), last_item.buttons, result)
        memo = _memo(message)
        if memo is None:
            continue
        last = items[-1] if items else None
        own_text = last if isinstance(last, Text) and text_from is not None and position - text_from <= 1 else None
        if own_text is not None:
            items.pop()  # the memo's own Markdown, sent just before it: the memo takes its place
        text_from = None
        result_id = memo.get("result_id")
        if isinstance(result_id, str):
            if result_id in shown:
                continue
            shown.add(result_id)
        items.append(Memo(memo, own_text.buttons if own_text is not None else ()))
    return items
