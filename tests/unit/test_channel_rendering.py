"""How Teams and Slack show the assistant's replies, without servers: the memo
once and in the channel's markup, buttons within each client's limits, and the
checks on who is calling."""

from __future__ import annotations

import copy
import json
import time
from typing import Any

import pytest

from asf import dialogue, memo, settings
from asf.guidance.engine import walk
from asf.guidance.explain import result_payload, result_text
from asf.guidance.model import Tree
from asf.turns import State
from channels.core.markup import slack_mrkdwn, teams_markdown
from channels.core.outgoing import Memo, Text, plan
from channels.slack.blocks import ACTIONS_PER_BLOCK, SECTION_CHARS, SlackFile, SlackMessage, outputs
from channels.slack.security import SeenEvents, is_authentic, seen_events, signature
from channels.teams.cards import MAX_BUTTONS, activities
from channels.teams.channel import user_text
from tests.unit.test_engine import CASES
from tests.unit.test_teams_result_card import card_texts, submits


def buttons(count: int) -> list[dict[str, str]]:
    return [{"title": f"Svar {n}", "payload": f'/inform{{"question":"q","choice":"c{n}"}}'} for n in range(count)]


def memo_turn(tree: Tree) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """What Rasa collects when the user asks for the memo: intro, Markdown with buttons, payload."""
    result = result_payload(tree, walk(tree, CASES[0][0]))
    replies, _ = dialogue.request_memo(State(last_result=result))
    messages: list[dict[str, Any]] = []
    for reply in replies:
        if reply.custom is not None:
            messages.append({"recipient_id": "u", "custom": reply.custom})
        else:
            messages.append({"recipient_id": "u", "text": reply.text, "buttons": list(reply.buttons) or None})
    return [{k: v for k, v in m.items() if v is not None} for m in messages], result


Turn = tuple[list[dict[str, Any]], dict[str, Any]]


@pytest.fixture(scope="module")
def made_once(tree: Tree) -> Turn:
    # The memo turn makes a PDF and a Word file (half a CPU second); the tests that take it as
    # it comes share one, each with its own copy to change.
    return memo_turn(tree)


@pytest.fixture
def turn(made_once: Turn) -> Turn:
    return copy.deepcopy(made_once)


def test_plan_shows_the_memo_once_with_its_buttons_and_drops_machine_payloads(turn: Turn):
    messages, _ = turn
    messages.append({"recipient_id": "u", "custom": {"type": "assessment_result", "verdict": "x"}})
    items = plan(messages)
    assert [type(item) for item in items] == [Text, Memo]
    memo_item = items[1]
    assert isinstance(memo_item, Memo) and memo_item.payload["type"] == "decision_memo"
    assert ("Ny bedömning", "/start_assessment") in [(b["title"], b["payload"]) for b in memo_item.buttons]


def test_a_memo_payload_without_its_text_is_still_shown(turn: Turn):
    document = turn[0][-1]["custom"]  # what memo.payload gives for the result
    items = plan([{"recipient_id": "u", "custom": document}])
    assert len(items) == 1 and isinstance(items[0], Memo)


def test_the_memo_names_its_result_and_plan_pairs_by_position_and_id_not_by_markdown(tree: Tree, turn: Turn):
    messages, result = turn
    document = messages[-1]["custom"]
    assert document["result_id"] == result["id"]
    # The memo takes the place of the text just before it even when that text is not its Markdown
    # (nothing compares Markdown), and keeps that text's buttons.
    messages[-2] = {**messages[-2], "text": "Beslutsunderlaget, skrivet på annat sätt"}
    items = plan(messages)
    assert [type(item) for item in items] == [Text, Memo]
    assert items[1].buttons == tuple(messages[-2]["buttons"])
    # A result's memo is shown once, however often its payload comes (with or without its text);
    # a memo for another result is shown too.
    other = {**memo.payload(result_payload(tree, walk(tree, CASES[1][0]))), "markdown": document["markdown"]}
    assert other["result_id"] != document["result_id"]
    again = [{"recipient_id": "u", "custom": document}, {"recipient_id": "u", "custom": other}]
    twice = [*messages, *messages[-2:], *again]
    shown = [item.payload["result_id"] for item in plan(twice) if isinstance(item, Memo)]
    assert shown == [document["result_id"], other["result_id"]]
    assert [item.text for item in plan(twice) if isinstance(item, Text)] == [messages[0]["text"]]


def test_a_text_not_just_before_a_memo_stays_a_text(turn: Turn):
    messages, _ = turn
    intro, markdown, document = messages
    between = {"recipient_id": "u", "custom": {"type": "assessment_result", "id": "x"}}
    items = plan([intro, markdown, between, document])
    assert [type(item) for item in items] == [Text, Text, Memo]
    assert items[2].buttons == ()


def test_teams_uses_a_hero_card_up_to_six_buttons_and_an_adaptive_card_beyond():
    few, many = activities([Text("Fråga?", tuple(buttons(MAX_BUTTONS))), Text("Fråga?", tuple(buttons(9)))])
    assert few["attachments"][0]["contentType"] == "application/vnd.microsoft.card.hero"
    assert len(few["attachments"][0]["content"]["buttons"]) == 6
    card = many["attachments"][0]
    assert card["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert [len(block["actions"]) for block in card["content"]["body"]] == [6, 3]
    shown = [a["data"]["msteams"]["text"] for block in card["content"]["body"] for a in block["actions"]]
    assert shown == [b["payload"] for b in buttons(9)]


def test_teams_memo_is_markdown_with_bold_headings_and_every_citation(turn: Turn):
    messages, result = turn
    activity = activities(plan(messages))[1]
    assert activity["textFormat"] == "markdown"
    assert f"**Beslutsunderlag: {result['title']}**" in activity["text"]
    assert "\n# " not in activity["text"]
    for cite in result["cites"]:
        assert cite["text"] in activity["text"]
    assert "Teams tar inte emot filer" in activity["text"]


def test_teams_markdown_keeps_lines_apart_and_lists_intact():
    text = teams_markdown("Dina svar hittills:\n1. Vem: Deltagare\n2. Vad: Pengar\nSkriv något.")
    assert text == "Dina svar hittills:\n1. Vem: Deltagare\n2. Vad: Pengar\n\nSkriv något."


def test_slack_memo_is_mrkdwn_in_sections_within_limits_plus_the_pdf(turn: Turn):
    messages, result = turn
    out = outputs(plan(messages))
    assert [type(o) for o in out] == [SlackMessage, SlackMessage, SlackFile]
    message, pdf = out[1], out[2]
    assert isinstance(message, SlackMessage) and isinstance(pdf, SlackFile)
    sections = [b["text"]["text"] for b in message.blocks if b["type"] == "section"]
    assert all(len(s) <= SECTION_CHARS for s in sections)
    text = "\n\n".join(sections)
    assert f"*Beslutsunderlag: {result['title']}*" in text and "**" not in text
    for cite in result["cites"]:
        assert cite["text"].replace("&", "&amp;") in text
    assert pdf.content.startswith(b"%PDF") and pdf.filename.endswith(".pdf")
    assert pdf.content == memo.pdf(result)[: len(pdf.content)]  # the memo's PDF, made again the same


def test_slack_splits_long_texts_and_many_buttons_within_block_kit_limits():
    long_text = "\n\n".join(f"Stycke {n}: " + "ord " * 200 for n in range(8)) + "\n\nLångt: " + "ord " * 1000
    (message,) = outputs([Text(long_text, tuple(buttons(30)))])
    assert isinstance(message, SlackMessage)
    sections = [b for b in message.blocks if b["type"] == "section"]
    assert len(sections) > 1 and all(len(s["text"]["text"]) <= SECTION_CHARS for s in sections)
    assert " ".join(s["text"]["text"] for s in sections).split() == long_text.split()
    actions = [b for b in message.blocks if b["type"] == "actions"]
    assert [len(a["elements"]) for a in actions] == [ACTIONS_PER_BLOCK, 5]
    long_label = {"title": "x" * 100, "payload": "/p"}
    (short,) = outputs([Text("Fråga?", (long_label,))])
    assert isinstance(short, SlackMessage)
    assert len(short.blocks[-1]["elements"][0]["text"]["text"]) == 75


def test_slack_mrkdwn_escapes_control_characters():
    assert slack_mrkdwn("A & B <c> **fet** *kursiv*") == "A &amp; B &lt;c&gt; *fet* _kursiv_"


@pytest.mark.parametrize(
    ("secret", "age", "expected"),
    [("hemlig", 0, True), ("fel", 0, False), ("hemlig", 600, False), ("hemlig", -600, False)],
)
def test_slack_signature_check(secret: str, age: int, expected: bool):
    body = b'{"type":"event_callback"}'
    stamp = str(int(time.time()) - age)
    assert is_authentic("hemlig", stamp, signature(secret, stamp, body), body) is expected
    assert is_authentic("hemlig", "inte-ett-tal", signature("hemlig", stamp, body), body) is False
    assert is_authentic("hemlig", stamp, signature("hemlig", stamp, body), body + b" ") is False


def test_an_event_id_is_answered_once():
    seen = SeenEvents()
    assert seen.first_time("Ev1") and not seen.first_time("Ev1") and seen.first_time("Ev2")


def test_without_redis_the_answered_events_are_kept_in_memory():
    assert isinstance(seen_events(settings.redis({})), SeenEvents)


def test_teams_text_without_mentions_or_html_and_from_card_values():
    assert user_text({"text": "<at>ASF-assistenten</at> vad är ett ASF?"}) == "vad är ett ASF?"
    assert user_text({"text": "A &amp; B"}) == "A & B"
    assert user_text({"text": "", "value": {"asf_payload": "/ask_help"}}) == "/ask_help"


BASE = "https://asf.intranat.example/vagledning.html"


def result_turn(
    tree: Tree, monkeypatch: pytest.MonkeyPatch, base: str = BASE
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """What Rasa collects when an assessment ends: the result's text with buttons, then its payload."""
    monkeypatch.setenv("ASF_GUIDANCE_URL", base)
    answers = CASES[3][0]
    result = result_payload(tree, walk(tree, answers))
    messages: list[dict[str, Any]] = [
        {"recipient_id": "u", "text": result_text(tree, walk(tree, answers)), "buttons": buttons(2)},
        {"recipient_id": "u", "custom": result},
    ]
    return messages, result


def statement_cites(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for s in (*result["reasons"], *result["conditions"]) for c in s["cites"]]


def test_teams_result_links_every_citation_to_its_place_on_the_guidance_page(
    tree: Tree, monkeypatch: pytest.MonkeyPatch
):
    messages, result = result_turn(tree, monkeypatch)
    [activity] = activities(plan(messages))
    said = card_texts(activity)
    for cite in statement_cites(result):
        assert f"[{cite['text']}]({cite['url']})" in said
        assert cite["url"].startswith(BASE + "#")
    card = activity["attachments"][0]["content"]
    assert len(submits(card)) == 2  # the text's buttons are kept


def test_slack_result_links_every_citation_as_mrkdwn(tree: Tree, monkeypatch: pytest.MonkeyPatch):
    messages, result = result_turn(tree, monkeypatch)
    [message] = outputs(plan(messages))
    assert isinstance(message, SlackMessage)
    text = "\n\n".join(b["text"]["text"] for b in message.blocks if b["type"] == "section")
    for cite in statement_cites(result):
        assert f"<{cite['url']}|{cite['text']}>" in text
    assert "](" not in text


def test_teams_and_slack_memo_link_the_citations(tree: Tree, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ASF_GUIDANCE_URL", BASE)
    messages, result = memo_turn(tree)
    teams = activities(plan(messages))[1]["text"]
    slack = outputs(plan(messages))[1]
    assert isinstance(slack, SlackMessage)
    slack_text = "\n\n".join(b["text"]["text"] for b in slack.blocks if b["type"] == "section")
    for cite in result["cites"]:
        assert f"[{cite['text']}]({cite['url']})" in teams
        assert f"<{cite['url']}|{cite['text']}>" in slack_text


def test_without_an_absolute_guidance_address_the_channels_say_the_citation_as_text(
    tree: Tree, monkeypatch: pytest.MonkeyPatch
):
    messages, result = result_turn(tree, monkeypatch, base="/vagledning.html")
    [activity] = activities(plan(messages))
    said = card_texts(activity)
    assert "](" not in said and "/vagledning.html" not in json.dumps(activity)
    for cite in statement_cites(result):
        assert cite["text"] in said


def test_slack_turns_only_http_markdown_links_into_links():
    assert slack_mrkdwn("[A & B](https://x.example/v#a)") == "<https://x.example/v#a|A &amp; B>"
    assert slack_mrkdwn("[A](javascript:alert(1))") == "[A](javascript:alert(1))"
    assert slack_mrkdwn("[A|B](https://x.example/#a)") == "<https://x.example/#a|A/B>"


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Deltagare", "Deltagare"),
        (
            "Parternas personal, beslutsfattare eller andra aktörer (kunskap och samverkan)",
            "Parternas personal, beslutsfattare eller andra aktörer",
        ),
        (
            "En annan insats för kunskap eller samverkan, t.ex. en kartläggning, en utvärdering eller ett nätverksmöte",
            "En annan insats för kunskap eller samverkan",
        ),
        (
            "Deltagare: personer som behöver stöd för att kunna få eller behålla ett arbete",
            "Deltagare: personer som behöver stöd för att kunna få eller behålla ett…",
        ),
    ],
)
def test_slack_button_labels_fit_75_characters_shortened_sensibly_never_mid_word(title: str, expected: str):
    from channels.slack.blocks import BUTTON_CHARS, label

    shortened = label(title)
    assert shortened == expected and len(shortened) <= BUTTON_CHARS
    whole_words = {word.strip(",:") for word in title.split()}
    assert all(word.strip(",:") in whole_words for word in shortened.rstrip("…").split())  # never mid-word


def test_slack_cuts_a_long_word_run_at_a_word_boundary_and_names_the_whole_text(tree: Tree):
    from channels.slack.blocks import BUTTON_CHARS, label

    title = "ord " * 30 + "slutordet"
    shortened = label(title)
    assert len(shortened) <= BUTTON_CHARS and shortened.endswith("ord…")
    [message] = outputs([Text("Fråga?", ({"title": title, "payload": "/x"},))])
    assert isinstance(message, SlackMessage)
    note = next(b for b in message.blocks if b["type"] == "context")
    assert title in note["elements"][0]["text"]  # the whole text is still there to read
    every_label = [label(str(o.label)) for q in tree.questions.values() for o in q.options]
    assert all(len(text) <= BUTTON_CHARS and "  " not in text for text in every_label)
