"""An assessment result as an Adaptive Card: the web card's sections, in Teams.

Built from the result payload's `sections` (asf/guidance/sections.py), as the
intranet page's card is (web/chat.js), so both show the same parts in the same
order: the verdict and the outcome's title, the reasons and conditions with their
citations as links to the guidance page (the guidance's own words behind a
"Vad vägledningen säger" toggle, as the page's disclosure), the route, the
next steps and the list of citations. Any buttons that come with the result
(a new assessment, the memo, feedback, ...) become the card's actions.

The card keeps to Adaptive Cards 1.5 (what Teams renders on desktop, web and
mobile) and to its JSON Schema; tests/unit/test_teams_result_card.py validates it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from asf.guidance.explain import is_link
from asf.guidance.sections import NOTE, payload_sections, verdict_sentence

CARD_VERSION = "1.5"
ADAPTIVE = "application/vnd.microsoft.card.adaptive"
SCHEMA_URL = "http://adaptivecards.io/schemas/adaptive-card.json"
MAX_ACTIONS = 6  # Teams shows six actions per action set (channels/teams/cards.py)

# The one colour scale (asf/guidance/colours.py) in the names an Adaptive Card has:
# a container style is the host's colour for good, warning, attention or neutral.
VERDICT_STYLES = {
    "financeable": "good",
    "conditional": "warning",
    "not_financeable": "attention",
    "out_of_scope": "emphasis",
}
QUOTES_TITLE = "Vad vägledningen säger"

# The characters that start formatting in the Markdown subset a TextBlock renders (bold,
# italic, links); the guidance's texts are words, not markup.
_MARKDOWN = re.compile(r"([\\`*_\[\]])")
_LIST_START = re.compile(r"^(\s*)(\d+)\.(\s)")


def escape(text: str) -> str:
    """`text` shown literally in a TextBlock (Teams renders a subset of Markdown there)."""
    escaped = _MARKDOWN.sub(r"\\\1", str(text))
    return _LIST_START.sub(r"\1\2\\.\3", escaped)  # "2. ..." in a text is not a list


def cite_link(cite: Mapping[str, Any]) -> str:
    """A citation as a Markdown link to its place on the guidance page, or its text without one."""
    url = cite.get("url")
    label = escape(str(cite["text"]))
    return f"[{label}]({url})" if is_link(url) else label


def text_block(text: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": text, "wrap": True, **style}


def submit(button: Mapping[str, str]) -> dict[str, Any]:
    """A button: Teams posts its title in the chat and its payload to the bot (messageBack)."""
    return {
        "type": "Action.Submit",
        "title": button["title"],
        "data": {
            "msteams": {"type": "messageBack", "displayText": button["title"], "text": button["payload"]},
            "asf_payload": button["payload"],
            "asf_title": button["title"],
        },
    }


def action_sets(buttons: Sequence[Mapping[str, str]]) -> list[dict[str, Any]]:
    """Buttons as action sets of at most six, so every one stays one visible click."""
    return [
        {"type": "ActionSet", "actions": [submit(b) for b in buttons[i : i + MAX_ACTIONS]]}
        for i in range(0, len(buttons), MAX_ACTIONS)
    ]


def _item_blocks(key: str, number: int, item: Mapping[str, Any], form: str) -> list[dict[str, Any]]:
    """One list item: its text with its citations as links, and the quotes behind a toggle."""
    # A no-break space after the mark: the number or bullet is text, not the start of a Markdown
    # list, which Teams would draw with its own numbering and indentation in each TextBlock.
    mark = f"{number}.\u00a0" if form == "numbered" else "•\u00a0"
    if "url" in item:  # an entry of the list of citations
        return [text_block(f"{mark}{cite_link(item)}", spacing="Small")]
    cites = list(item.get("cites") or [])
    text = escape(str(item["text"]))
    if cites:
        text += " (" + "; ".join(cite_link(c) for c in cites) + ")"
    if item.get("reading_note"):
        text += f" _{escape(str(item['reading_note']))}_"
    blocks = [text_block(f"{mark}{text}", spacing="Small")]
    quotes = [c for c in cites if isinstance(c.get("quote"), str) and c["quote"]]
    if quotes:
        target = f"citat-{key}-{number}"
        toggle = {"type": "Action.ToggleVisibility", "title": QUOTES_TITLE, "targetElements": [target]}
        blocks.append({"type": "ActionSet", "actions": [toggle], "spacing": "Small"})
        shown = [text_block(f"”{escape(c['quote'])}” – {escape(str(c['text']))}", isSubtle=True) for c in quotes]
        blocks.append({"type": "Container", "id": target, "isVisible": False, "items": shown})
    return blocks


def _section(part: Mapping[str, Any]) -> list[dict[str, Any]]:
    items = list(part.get("items") or [])
    form = str(part.get("form", ""))
    if form == "headline":
        headline = [text_block(escape(str(part["heading"])), size="Large", weight="Bolder")]
        headline += [text_block(escape(str(item["text"])), weight="Bolder", spacing="Small") for item in items]
        return headline
    if not items:
        return []
    blocks = [text_block(escape(str(part["heading"])), weight="Bolder", spacing="Medium", separator=True)]
    if form == "paragraph":
        return blocks + [text_block(escape(str(item["text"])), spacing="Small") for item in items]
    key = str(part.get("key", "del"))
    for number, item in enumerate(items, start=1):
        blocks += _item_blocks(key, number, item, form)
    return blocks


def result_card(result: Mapping[str, Any], buttons: Sequence[Mapping[str, str]] = ()) -> dict[str, Any]:
    """The Adaptive Card for a result payload (asf.guidance.explain.result_payload), with its buttons."""
    parts = list(result.get("sections") or payload_sections(result))  # a result stored before `sections`
    headline = [block for part in parts if part.get("form") == "headline" for block in _section(part)]
    rest = [block for part in parts if part.get("form") != "headline" for block in _section(part)]
    verdict = {
        "type": "Container",
        "style": VERDICT_STYLES.get(str(result.get("verdict")), "emphasis"),
        "bleed": True,
        "items": headline,
    }
    note = text_block(f"_{escape(str(result.get('note') or NOTE))}_", isSubtle=True, spacing="Medium")
    return {
        "type": "AdaptiveCard",
        "$schema": SCHEMA_URL,
        "version": CARD_VERSION,
        "lang": "sv",
        # What a client that cannot draw the card shows instead: the verdict. The whole text is
        # not repeated here; Teams limits a message to about 28 KB, and the card is most of that.
        "fallbackText": f"{result.get('title', '')}: {verdict_sentence(result)}",
        "body": [verdict, *rest, note, *action_sets(buttons)],
    }


def result_attachment(result: Mapping[str, Any], buttons: Sequence[Mapping[str, str]] = ()) -> dict[str, Any]:
    return {"contentType": ADAPTIVE, "content": result_card(result, buttons)}
