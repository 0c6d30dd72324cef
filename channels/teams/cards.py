"""A turn's replies as Bot Framework activities that Teams renders well."""

from __future__ import annotations

from typing import Any

from channels.core.markup import teams_markdown
from channels.core.outgoing import Item, Memo, Text
from channels.core.untrusted import teams_escaped
from channels.teams.result_card import result_attachment

# The limit relied on: six buttons per card or action set. Microsoft's Teams card
# docs say buttons beyond the number a card supports "are not shown"; for
# Adaptive Cards Teams displays six actions per actions array on web and
# desktop (the rest are dropped, or folded away on mobile; see
# atc0005/go-teams-notify#161). Up to six answers are hero-card buttons; more
# become an Adaptive Card with action sets of at most six each, so every answer
# stays one visible click.
MAX_BUTTONS = 6

# Teams gives a bot no simple way to send a file (see docs/drift.md), so the memo is text.
MEMO_FILE_NOTE = (
    "*Teams tar inte emot filer från assistenten, så underlaget visas som text. "
    "Behöver du en PDF kan du göra bedömningen på intranätsidan.*"
)


def message_back(button: dict[str, str]) -> dict[str, Any]:
    """A button that shows its title in the chat and sends its payload to the bot."""
    return {
        "type": "messageBack",
        "title": button["title"],
        "displayText": button["title"],
        "text": button["payload"],
        "value": {"asf_payload": button["payload"], "asf_title": button["title"]},
    }


def hero_card(buttons: tuple[dict[str, str], ...]) -> dict[str, Any]:
    return {
        "contentType": "application/vnd.microsoft.card.hero",
        "content": {"buttons": [message_back(b) for b in buttons]},
    }


def choice_card(buttons: tuple[dict[str, str], ...]) -> dict[str, Any]:
    """More answers than a hero card shows: action sets of at most MAX_BUTTONS each."""
    sets = [buttons[i : i + MAX_BUTTONS] for i in range(0, len(buttons), MAX_BUTTONS)]
    body = [
        {
            "type": "ActionSet",
            "actions": [
                {
                    "type": "Action.Submit",
                    "title": b["title"],
                    # Teams turns `msteams.messageBack` into an ordinary message with this text.
                    "data": {
                        "msteams": {"type": "messageBack", "displayText": b["title"], "text": b["payload"]},
                        "asf_payload": b["payload"],
                        "asf_title": b["title"],
                    },
                }
                for b in group
            ],
        }
        for group in sets
    ]
    return {
        "contentType": "application/vnd.microsoft.card.adaptive",
        "content": {
            "type": "AdaptiveCard",
            "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
            "version": "1.2",
            "body": body,
        },
    }


def buttons_card(buttons: tuple[dict[str, str], ...]) -> dict[str, Any]:
    return hero_card(buttons) if len(buttons) <= MAX_BUTTONS else choice_card(buttons)


def activities(items: list[Item]) -> list[dict[str, Any]]:
    """One message activity per reply; a result as its Adaptive Card (channels/teams/result_card.py),
    the memo as formatted text with a note on the PDF."""
    out: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, Text) and item.result is not None:
            # The card says it all; `summary` is what a notification shows.
            summary = str(item.result.get("verdict_sentence") or "Bedömningen är klar.")
            attachment = result_attachment(item.result, item.buttons)
            out.append({"type": "message", "summary": summary, "attachments": [attachment]})
            continue
        if isinstance(item, Memo):
            text = teams_markdown(teams_escaped(str(item.payload.get("markdown", "")))) + "\n\n" + MEMO_FILE_NOTE
        else:
            text = teams_markdown(teams_escaped(item.text))  # users' quoted words never become links
        activity: dict[str, Any] = {"type": "message", "textFormat": "markdown", "text": text}
        if item.buttons:
            activity["attachments"] = [buttons_card(item.buttons)]
        out.append(activity)
    return out
