"""The assistant's texts (plain lines, and Markdown for the decision memo) in the
markup Teams and Slack render."""

from __future__ import annotations

import re

_HEADING = re.compile(r"^#{1,6}\s+(.*)$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d+\.)\s")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LINK = re.compile(r"\[((?:\\.|[^\]\\])+)\]\((https?://[^\s()]+)\)")
_ITALIC = re.compile(r"(?<!\*)\*(?!\*)(.+?)(?<!\*)\*(?!\*)")


def teams_markdown(text: str) -> str:
    """Markdown that Teams renders the same on desktop, web and mobile.

    Headings become bold lines (bot messages do not render `#` headings on every
    client), and consecutive plain lines become paragraphs, because Markdown
    would otherwise run them together into one line.
    """
    out: list[str] = []
    for raw in text.strip().splitlines():
        line = raw.rstrip()
        heading = _HEADING.match(line)
        if heading:
            line = f"**{heading.group(1)}**"
        is_item = bool(_LIST_ITEM.match(line))
        if out and out[-1] and line and not is_item:
            out.append("")
        out.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out))


def slack_escape(text: str) -> str:
    """Slack's three control characters, escaped as its docs require."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_mrkdwn(text: str) -> str:
    """Slack's mrkdwn: *bold*, _italic_, bullets, quotes and links <url|text> (from Markdown's
    [text](url) with an http(s) address); no headings, so they become bold lines."""
    out: list[str] = []
    for raw in text.strip().splitlines():
        line = raw.rstrip()
        quote = line.startswith("> ")
        if quote:
            line = line[2:]
        heading = _HEADING.match(line)
        line = slack_escape(heading.group(1) if heading else line)
        line = _LINK.sub(_slack_link, line)
        line = _ITALIC.sub(r"_\1_", line)
        line = _BOLD.sub(r"*\1*", line)
        if heading:
            line = f"*{line}*"
        line = re.sub(r"^(\s*)[-*]\s", r"\1• ", line)
        out.append(f"> {line}" if quote else line)
    return "\n".join(out)


def _slack_link(match: re.Match[str]) -> str:
    """A Markdown link [text](url), already escaped, as Slack's <url|text>."""
    label = re.sub(r"\\(.)", r"\1", match.group(1)).replace("|", "/")
    return f"<{match.group(2)}|{label}>"


def unescape_slack(text: str) -> str:
    """What the user typed, from Slack's escaped message text."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
