"""A question after a click: its buttons give way to the choice made, as in Slack.

Teams sends a click with `replyToId`, the id of the message the button was on.
The bot replaces that message (the Bot Framework's updateActivity) with the same
message without its buttons and with "Du valde: ..." below, so the chat shows
what was answered and an old question cannot be answered again by mistake.

Teams does not send the clicked message along (Slack does), so the messages with
buttons the bot sent are remembered here, in memory, for a while. A click on a
message this server no longer remembers (after a restart, or sent by another
Rasa server) is still answered; only the old buttons stay.
"""

from __future__ import annotations

import copy
import time
from collections import OrderedDict
from typing import Any

CHOICE = "Du valde: **{title}**"


class SentCards:
    """Messages with buttons, by conversation and activity id, for a day at most."""

    def __init__(self, limit: int = 5000, ttl: float = 24 * 3600) -> None:
        self.limit = limit
        self.ttl = ttl
        self._sent: OrderedDict[tuple[str, str], tuple[float, dict[str, Any]]] = OrderedDict()

    def remember(self, conversation: str, activity_id: str, activity: dict[str, Any]) -> None:
        if not activity.get("attachments"):
            return
        self._sent[(conversation, activity_id)] = (time.monotonic(), activity)
        self._sent.move_to_end((conversation, activity_id))
        while len(self._sent) > self.limit:
            self._sent.popitem(last=False)

    def take(self, conversation: str, activity_id: str) -> dict[str, Any] | None:
        """The message, once: after its buttons are gone nothing is left to replace."""
        found = self._sent.pop((conversation, activity_id), None)
        if found is None or time.monotonic() - found[0] > self.ttl:
            return None
        return found[1]


def _escape(title: str) -> str:
    return title.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")


def _without_answers(card: dict[str, Any]) -> dict[str, Any]:
    """An Adaptive Card without its answer buttons (Action.Submit); toggles for quotes stay."""

    def keep(element: dict[str, Any]) -> bool:
        actions = element.get("actions") if element.get("type") == "ActionSet" else None
        return not (isinstance(actions, list) and any(a.get("type") == "Action.Submit" for a in actions))

    card = {key: value for key, value in card.items() if key != "actions"}
    card["body"] = [element for element in card.get("body", []) if keep(element)]
    return card


def answered(activity: dict[str, Any], title: str) -> dict[str, Any]:
    """`activity` as it should look once `title` was clicked."""
    choice = CHOICE.format(title=_escape(title))
    updated = copy.deepcopy(activity)
    attachments = []
    for attachment in updated.get("attachments", []):
        content = attachment.get("content")
        if attachment.get("contentType") == "application/vnd.microsoft.card.adaptive" and isinstance(content, dict):
            card = _without_answers(content)
            if card["body"]:  # a result card keeps its content, with the choice below it
                card["body"].append({"type": "TextBlock", "text": choice, "wrap": True, "spacing": "Medium"})
                attachments.append({**attachment, "content": card})
                choice = ""
        # A hero card holds only buttons: it goes, and the choice is said in the text.
    updated["attachments"] = attachments
    if choice:
        text = str(updated.get("text") or "")
        updated["text"] = f"{text}\n\n{choice}" if text else choice
        updated.setdefault("textFormat", "markdown")
    return updated
