"""Links in a reply that the assistant did not make are never shown as links.

The assistant's replies quote what users wrote (the summary quotes the description,
the memo repeats it), and Teams and Slack render Markdown. A user who writes
`[Vägledningen](https://elsewhere.example)` in a description would otherwise get
a link from the assistant, with the assistant's authority, to an address of
their choosing. The assistant itself links only to the guidance page
(`markdown_cite` in asf/guidance/explain.py), so a link to any other address is
taken apart before the channel renders the text.
"""

from __future__ import annotations

import re

from asf import settings

# A Markdown link or image, `[label](target)` or `![label](target)`, with escaped characters in the label.
_LINK = re.compile(r"!?\[((?:\\.|[^\]\\\n])*)\]\(([^)\n]*)\)")
# What else Teams' Markdown could make a link of: brackets before "(", "[" or ":" (a reference link
# or its definition), and "<" that opens an autolink or HTML. Masking markers such as "[personnummer]"
# and a "3 < 4" stay as they are, since some Teams clients would show the backslash.
_BRACKETS = re.compile(r"\[((?:\\.|[^\]\\\n])*)\](?=[(\[:])")
_ANGLE = re.compile(r"<(?=[A-Za-z/!?])")


def _is_ours(target: str, guidance_url: str) -> bool:
    """A link the assistant makes: to an anchor on the guidance page at its absolute address."""
    page = guidance_url.split("#")[0]
    return page.startswith(("http://", "https://")) and (target == page or target.startswith(page + "#"))


def _teams_plain(text: str) -> str:
    """Text outside the assistant's own links, with whatever could become a link escaped."""
    text = _BRACKETS.sub(lambda match: f"\\[{match.group(1)}\\]", text)
    return _ANGLE.sub(r"\\<", text)


def teams_escaped(text: str, guidance_url: str | None = None) -> str:
    """`text` for Teams' Markdown: the assistant's own links kept; in every other link, image, reference
    or autolink the brackets are escaped with a backslash, so it shows as typed and is never a link."""
    page = settings.guidance_url() if guidance_url is None else guidance_url
    out: list[str] = []
    start = 0
    for match in _LINK.finditer(text):
        if _is_ours(match.group(2), page) and not match.group(0).startswith("!"):
            out.append(_teams_plain(text[start : match.start()]))
            out.append(match.group(0))
            start = match.end()
    out.append(_teams_plain(text[start:]))
    return "".join(out)


def slack_defused(text: str, guidance_url: str | None = None) -> str:
    """`text` before Slack's conversion of Markdown links: a link to another address stays text.

    Slack has no backslash escapes, so the link is broken apart instead: `[label] (address)`, which
    shows the real address. Slack's own `<...>` syntax is escaped later (markup.slack_escape).
    """
    page = settings.guidance_url() if guidance_url is None else guidance_url

    def defuse(match: re.Match[str]) -> str:
        if _is_ours(match.group(2), page) and not match.group(0).startswith("!"):
            return match.group(0)
        return f"[{match.group(1)}] ({match.group(2)})"

    return _LINK.sub(defuse, text)
