"""Users' words quoted back in Teams and Slack never become links from the assistant; its own links stay."""

from __future__ import annotations

import re

import pytest

from channels.core.outgoing import Memo, Text
from channels.core.untrusted import slack_defused, teams_escaped
from channels.slack.blocks import SlackMessage, outputs
from channels.teams.cards import activities

PAGE = "https://asf.intranat.example/vagledning.html"
OURS = f"[Vägledningen, punkt 2]({PAGE}#undvik-punkt-2)"
WRITTEN = [
    "[Vägledningen](https://elsewhere.example/login)",
    "![bild](https://elsewhere.example/pixel.png)",
    "<https://elsewhere.example/login>",
    '<a href="https://elsewhere.example">Vägledningen</a>',
    r"\[trick\](https://elsewhere.example)",  # a backslash of the user's own must not undo ours
    f"[Vägledningen]({PAGE}.elsewhere.example#x)",  # an address that only starts like ours
]
# A Markdown link (or image) whose brackets are not escaped, as CommonMark reads it; and raw HTML or autolinks.
MARKDOWN_LINK = re.compile(r"(?<!\\)(?:\\\\)*\[((?:\\.|[^\]\\])*)\]\(([^)]*)\)")
ANGLE = re.compile(r"(?<!\\)<(?=[A-Za-z/!?])")


def teams_text(quoted: str) -> str:
    text = f"Du skrev: ”{quoted}”. Läs mer: {OURS}"
    [activity] = activities([Text(text)])
    return str(activity["text"])


@pytest.fixture(autouse=True)
def guidance_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASF_GUIDANCE_URL", PAGE)


@pytest.mark.parametrize("quoted", WRITTEN)
def test_teams_shows_a_users_link_as_text_and_keeps_the_assistants_own(quoted: str):
    text = teams_text(quoted)
    targets = [target for _, target in MARKDOWN_LINK.findall(text)]
    assert targets == [f"{PAGE}#undvik-punkt-2"], text
    assert not ANGLE.search(text), text
    assert "elsewhere.example" in text  # shown, as the user wrote it


def test_teams_memo_is_escaped_too():
    [activity] = activities([Memo({"markdown": f"# Underlag\n\nBeskrivning: {WRITTEN[0]}\n\n{OURS}"})])
    targets = [target for _, target in MARKDOWN_LINK.findall(str(activity["text"]))]
    assert targets == [f"{PAGE}#undvik-punkt-2"]


def test_teams_escaping_reads_back_as_what_the_user_wrote():
    # CommonMark drops a backslash before punctuation, so the user sees their own characters.
    escaped = teams_escaped(WRITTEN[0] + " 3 < 4")
    assert re.sub(r"\\(.)", r"\1", escaped) == WRITTEN[0] + " 3 < 4"


def slack_links(quoted: str) -> list[str]:
    text = f"Du skrev: ”{quoted}”. Läs mer: {OURS}"
    [message] = outputs([Text(text)])
    assert isinstance(message, SlackMessage)
    shown = message.text + str(message.blocks)
    return re.findall(r"<(https?://[^|>]+)\|", shown)


@pytest.mark.parametrize("quoted", WRITTEN)
def test_slack_shows_a_users_link_as_text_and_keeps_the_assistants_own(quoted: str):
    assert set(slack_links(quoted)) == {f"{PAGE}#undvik-punkt-2"}


def test_without_an_absolute_guidance_address_no_link_is_ours():
    assert slack_defused(OURS, "/vagledning.html") == f"[Vägledningen, punkt 2] ({PAGE}#undvik-punkt-2)"
    assert teams_escaped(OURS, "/vagledning.html").startswith(r"\[Vägledningen")


def test_teams_leaves_masking_markers_and_comparisons_as_they_are():
    # Only what could become a link is escaped: a Teams client that shows backslashes shows none here.
    text = "Du skrev: ”hon har [personnummer] och 3 < 4”."
    assert teams_escaped(text) == text
