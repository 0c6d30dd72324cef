"""A turn's replies as Slack messages (Block Kit) and files."""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from typing import Any

from channels.core.markup import slack_escape, slack_mrkdwn
from channels.core.outgoing import Item, Memo
from channels.core.untrusted import slack_defused

# Slack's Block Kit limits: 3000 characters in a section's text, 25 elements in
# an actions block, 75 characters in a button's text, 50 blocks in a message.
SECTION_CHARS = 3000
ACTIONS_PER_BLOCK = 25
BUTTON_CHARS = 75
MAX_BLOCKS = 50


@dataclass(frozen=True)
class SlackMessage:
    text: str  # what notifications and screen readers show
    blocks: list[dict[str, Any]]


@dataclass(frozen=True)
class SlackFile:
    filename: str
    content: bytes
    title: str


def _sections(mrkdwn: str) -> list[dict[str, Any]]:
    chunks: list[str] = []
    for paragraph in mrkdwn.split("\n\n"):
        while len(paragraph) > SECTION_CHARS:  # one paragraph longer than a section
            cut = max(paragraph.rfind("\n", 0, SECTION_CHARS), paragraph.rfind(" ", 0, SECTION_CHARS))
            cut = cut if cut > 0 else SECTION_CHARS  # between lines or words where possible
            chunks.append(paragraph[:cut])
            paragraph = paragraph[cut:].lstrip()
        if chunks and len(chunks[-1]) + 2 + len(paragraph) <= SECTION_CHARS:
            chunks[-1] += "\n\n" + paragraph
        else:
            chunks.append(paragraph)
    return [{"type": "section", "text": {"type": "mrkdwn", "text": chunk}} for chunk in chunks if chunk.strip()]


_PARENTHESES = re.compile(r"\s*\([^()]*\)")
_EXAMPLE = re.compile(r",?\s+(?:t\.ex\.|till exempel)\s.*$")


def label(title: str, limit: int = BUTTON_CHARS) -> str:
    """A button text within Slack's limit, shortened where the meaning allows and never mid-word.

    In order: the text as it is; without its parenthesised asides ("(kunskap och samverkan)");
    without its examples (", t.ex. ..."); else cut after the last whole word that fits, with "…"
    (a single word longer than the limit, which no label has, is cut where it must be).
    """
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    for shorter in (
        _PARENTHESES.sub("", title),
        _EXAMPLE.sub("", title),
        _EXAMPLE.sub("", _PARENTHESES.sub("", title)),
    ):
        shorter = shorter.rstrip(" ,:;")
        if len(shorter) <= limit and len(shorter.split()) >= 3:  # still says something
            return shorter
    cut = title[: limit - 1]  # room for the "…"
    if " " in cut and title[limit - 1] != " ":
        cut = cut.rsplit(" ", 1)[0]  # the last word does not fit whole: it goes
    # One word longer than the limit is the only text ever cut inside a word.
    return (cut.rstrip(" ,:;–-") or title[: limit - 1]) + "…"


def _actions(buttons: tuple[dict[str, str], ...]) -> list[dict[str, Any]]:
    elements = [
        {
            "type": "button",
            "text": {"type": "plain_text", "text": label(b["title"]), "emoji": True},
            "value": b["payload"],
            "action_id": f"asf-answer-{number}",
        }
        for number, b in enumerate(buttons)
    ]
    return [
        {"type": "actions", "elements": elements[i : i + ACTIONS_PER_BLOCK]}
        for i in range(0, len(elements), ACTIONS_PER_BLOCK)
    ]


FULL_LABELS = "asf-full-labels"  # block_id of the note with the whole texts of shortened buttons


def _full_labels(buttons: tuple[dict[str, str], ...]) -> list[dict[str, Any]]:
    """The whole text of each button Slack's limit shortened, so no part of an answer is hidden."""
    shortened = [b["title"] for b in buttons if label(b["title"]) != " ".join(b["title"].split())]
    if not shortened:
        return []
    text = "Hela svarsalternativen: " + "; ".join(f"_{slack_escape(title)}_" for title in shortened)
    return [{"type": "context", "block_id": FULL_LABELS, "elements": [{"type": "mrkdwn", "text": text[:3000]}]}]


def _message(mrkdwn: str, buttons: tuple[dict[str, str], ...]) -> SlackMessage:
    actions = _full_labels(buttons) + _actions(buttons)
    sections = _sections(mrkdwn)[: MAX_BLOCKS - len(actions)]
    return SlackMessage(text=mrkdwn[:SECTION_CHARS], blocks=sections + actions)


def memo_file(payload: dict[str, Any]) -> SlackFile | None:
    try:
        content = base64.b64decode(str(payload.get("pdf_base64", "")), validate=True)
    except (binascii.Error, ValueError):
        return None
    if not content:
        return None
    name = str(payload.get("filename") or "beslutsunderlag")
    return SlackFile(filename=f"{name}.pdf", content=content, title="Beslutsunderlag (PDF)")


def outputs(items: list[Item]) -> list[SlackMessage | SlackFile]:
    out: list[SlackMessage | SlackFile] = []
    for item in items:
        if isinstance(item, Memo):
            out.append(_message(slack_mrkdwn(slack_defused(str(item.payload.get("markdown", "")))), item.buttons))
            pdf = memo_file(item.payload)
            if pdf is not None:
                out.append(pdf)
        else:
            out.append(_message(slack_mrkdwn(slack_defused(item.text)), item.buttons))
    return out


def answered(blocks: list[dict[str, Any]], choice: str) -> list[dict[str, Any]]:
    """A question after a click: its buttons replaced by the choice, so the thread shows what was answered."""
    kept = [block for block in blocks if block.get("type") != "actions" and block.get("block_id") != FULL_LABELS]
    note = {"type": "context", "elements": [{"type": "mrkdwn", "text": f"Du valde: *{slack_escape(choice)}*"}]}
    return [*kept, note][:MAX_BLOCKS]
