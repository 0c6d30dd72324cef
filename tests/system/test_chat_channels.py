"""Teams and Slack over the real servers (`scripts/run.sh`), with only the outside
network edge (Microsoft's and Slack's services) replaced by local stand-ins."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa

from channels.core.markup import slack_escape
from channels.slack.blocks import BUTTON_CHARS
from channels.slack.channel import conversation_id
from channels.slack.security import signature
from channels.teams.channel import sender_id
from devtools.servers import Servers, running_servers
from tests.system.edge import Edge, running_edge
from tests.unit.test_teams_result_card import card_texts, validate_card

pytestmark = pytest.mark.servers

APP_ID = str(uuid.uuid4())
TENANT_ID = str(uuid.uuid4())
SIGNING_SECRET = "test-signing-secret-" + uuid.uuid4().hex
SLACK_APP_TOKEN = "xapp-test-" + uuid.uuid4().hex
GUIDANCE_URL = "https://asf.example.se/vagledning.html"
DESCRIPTION = "Vi vill ge ett startbidrag till en deltagare, 19850312-1234, som vill starta ett socialt kafé"


@dataclass
class Setup:
    servers: Servers
    edge: Edge


def channel_env(edge_url: str) -> dict[str, str]:
    """Teams and Slack configured against the stand-in at `edge_url`."""
    return {
        "TEAMS_APP_ID": APP_ID,
        "TEAMS_APP_PASSWORD": "test-password",
        "TEAMS_TENANT_ID": TENANT_ID,
        "TEAMS_LOGIN_URL": edge_url,
        "TEAMS_OPENID_URL": f"{edge_url}/openid",
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": f"{edge_url}/api/",
    }


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    with running_edge(SLACK_APP_TOKEN) as edge:
        env = {
            **channel_env(edge.url),
            "SLACK_APP_TOKEN": SLACK_APP_TOKEN,  # Socket Mode too, through the stand-in
            "ASF_GUIDANCE_URL": GUIDANCE_URL,  # absolute, so Teams and Slack link the citations
        }
        with running_servers(tmp_path_factory.mktemp("chat"), env) as servers:
            yield Setup(servers, edge)


def result_over_rest(servers: Servers, sender: str) -> dict[str, Any]:
    """The same assessment over REST, for its machine-readable result."""
    servers.say(sender, DESCRIPTION)
    servers.say(sender, "ja")  # the summary is right
    replies = servers.say(sender, "ja")  # and the participants belong to Finsam's target group
    found: dict[str, Any] = next(r["custom"] for r in replies if isinstance(r.get("custom"), dict))  # type: ignore[misc]
    return found


def stored_description(setup: Setup, sender: str) -> str:
    """The initiative's description as the tracker store holds it."""
    import sqlite3
    from pathlib import Path

    with sqlite3.connect(Path(setup.servers.log).parent / "tracker.db") as connection:
        rows = connection.execute(
            "select data from events where sender_id = ? and type_name = 'slot'", (sender,)
        ).fetchall()
    values = [json.loads(row[0]) for row in rows]
    description = [v["value"] for v in values if v.get("name") == "description" and v.get("value")]
    assert description, "no description stored"
    return str(description[-1])


# --- Teams -------------------------------------------------------------------


class TeamsUser:
    def __init__(self, setup: Setup, name: str) -> None:
        self.setup = setup
        self.conversation = f"a:conv-{name}-{uuid.uuid4().hex}"
        self.user = f"29:{name}"

    def activity(self, text: str = "", value: dict[str, Any] | None = None) -> dict[str, Any]:
        activity: dict[str, Any] = {
            "type": "message",
            "id": uuid.uuid4().hex,
            "channelId": "msteams",
            "serviceUrl": self.setup.edge.service_url,
            "from": {"id": self.user, "name": "Test Testsson"},
            "recipient": {"id": f"28:{APP_ID}", "name": "ASF-assistenten"},
            "conversation": {"id": self.conversation, "conversationType": "personal"},
            "text": text,
        }
        if value is not None:
            activity["value"] = value
        return activity

    def post(self, activity: dict[str, Any], token: str | None = None) -> requests.Response:
        edge = self.setup.edge
        headers = {"Authorization": f"Bearer {token or edge.sign(edge.bot_claims(APP_ID))}"}
        return requests.post(
            f"{self.setup.servers.rasa_url}/webhooks/botframework/webhook", json=activity, headers=headers, timeout=60
        )

    def replies(self) -> list[dict[str, Any]]:
        return [a for a in self.setup.edge.activities if a["conversation"]["id"] == self.conversation]

    def typing(self) -> list[dict[str, Any]]:
        return [a for a in self.setup.edge.typing if a["conversation"]["id"] == self.conversation]

    def send(
        self, activity: dict[str, Any], expect: int = 1, until: Callable[[dict[str, Any]], bool] | None = None
    ) -> list[dict[str, Any]]:
        """The replies to one activity: the webhook answers at once, the replies come after.

        `until` names a reply to wait for: on a busy machine a slow one (the memo) can come after a pause
        longer than the quiet moment that otherwise ends the wait."""
        before = len(self.replies())
        response = self.post(activity)
        assert response.status_code == 200, response.text
        self.setup.edge.wait_for(
            lambda: (
                len(self.replies()) >= before + expect
                and (until is None or any(until(reply) for reply in self.replies()[before:]))
            )
        )
        count = -1
        while count != len(self.replies()):  # until nothing more arrives for a moment
            count = len(self.replies())
            time.sleep(0.7)
        return self.replies()[before:]

    def say(
        self,
        text: str = "",
        value: dict[str, Any] | None = None,
        reply_to: str | None = None,
        until: Callable[[dict[str, Any]], bool] | None = None,
    ) -> list[dict[str, Any]]:
        activity = self.activity(text, value)
        if reply_to is not None:
            activity["replyToId"] = reply_to
        return self.send(activity, until=until)


def card_buttons(activity: dict[str, Any]) -> list[tuple[str, str]]:
    """(title, text sent to the bot) for every button of a reply, hero card or Adaptive Card."""
    found = []
    for attachment in activity.get("attachments", []):
        content = attachment["content"]
        for button in content.get("buttons", []):
            assert button["type"] == "messageBack"
            found.append((button["title"], button["text"]))
        for block in content.get("body", []):
            for action in block.get("actions", []):
                if action["type"] == "Action.Submit":  # not the toggles that show the guidance's words
                    found.append((action["title"], action["data"]["msteams"]["text"]))
    return found


def test_teams_answers_in_swedish_with_buttons_using_a_single_tenant_token(setup: Setup):
    replies = TeamsUser(setup, "greet").say("hej")
    assert any("Hej! Jag hjälper dig" in r["text"] for r in replies)
    assert ("Bedöm en insats", "/start_assessment") in [b for r in replies for b in card_buttons(r)]
    for reply in replies:
        assert reply["from"]["id"] == f"28:{APP_ID}" and reply["recipient"]["id"] == "29:greet"
    request = setup.edge.token_requests[-1]
    assert request["tenant"] == TENANT_ID
    assert request["client_id"] == APP_ID and request["grant_type"] == "client_credentials"
    assert request["scope"] == "https://api.botframework.com/.default"


def test_teams_greets_when_the_bot_is_added_and_not_when_someone_else_is(setup: Setup):
    user = TeamsUser(setup, "installs")
    added = user.activity()
    added.update(type="conversationUpdate", membersAdded=[{"id": f"28:{APP_ID}"}])
    greeting = user.send(added)
    assert any("Hej! Jag hjälper dig" in r["text"] for r in greeting)
    assert ("Bedöm en insats", "/start_assessment") in [b for r in greeting for b in card_buttons(r)]

    other = TeamsUser(setup, "colleague")
    someone = other.activity()
    someone.update(type="conversationUpdate", membersAdded=[{"id": "29:a-colleague"}])
    assert other.post(someone).status_code == 200
    time.sleep(1.5)
    assert other.replies() == []


def test_teams_shows_every_option_of_a_question_with_more_than_six(setup: Setup):
    user = TeamsUser(setup, "many")
    user.say("/start_assessment")
    replies = user.say('/inform{"question":"vem","choice":"parter_och_aktorer"}')
    question = next(r for r in replies if "attachments" in r)
    buttons = card_buttons(question)
    assert len(buttons) == 10
    content = question["attachments"][0]["content"]
    assert question["attachments"][0]["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert all(len(block["actions"]) <= 6 for block in content["body"])
    assert (
        "Inspirationsdag, seminarium eller studiebesök om sociala företag",
        '/inform{"question":"strukturell_typ","choice":"evenemang"}',
    ) in buttons
    # A click on the ninth option (it leads to a result), as a client that sends only the card's value.
    _, payload = buttons[8]
    answered = user.say("", value={"asf_payload": payload})
    assert any("Förbundet bör inte finansiera insatsen." in card_texts(r) for r in answered)


@pytest.mark.parametrize(
    "case",
    ["wrong issuer", "wrong audience", "expired", "unsigned", "other key", "other serviceUrl", "no token"],
)
def test_teams_refuses_requests_the_bot_framework_did_not_sign(setup: Setup, case: str):
    edge = setup.edge
    user = TeamsUser(setup, "intruder-" + case.replace(" ", "-"))
    claims = {
        "wrong issuer": edge.bot_claims(APP_ID, iss="https://sts.windows.net/evil/"),
        "wrong audience": edge.bot_claims(APP_ID, aud=str(uuid.uuid4())),
        "expired": edge.bot_claims(APP_ID, exp=int(time.time()) - 3600),
        "other serviceUrl": edge.bot_claims(APP_ID, serviceurl="http://127.0.0.1:9/elsewhere/"),
    }
    if case in claims:
        token = edge.sign(claims[case])
    elif case == "unsigned":
        import jwt

        token = jwt.encode(edge.bot_claims(APP_ID), key="", algorithm="none", headers={"kid": edge.kid})
    elif case == "other key":
        token = edge.sign(edge.bot_claims(APP_ID), key=rsa.generate_private_key(65537, 2048))
    else:
        token = ""
    activity = user.activity("hej")
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = requests.post(
        f"{setup.servers.rasa_url}/webhooks/botframework/webhook", json=activity, headers=headers, timeout=30
    )
    assert response.status_code == 401
    time.sleep(0.5)
    assert user.replies() == []


def test_teams_decision_memo_has_every_citation_and_no_personal_data(setup: Setup):
    result = result_over_rest(setup.servers, "teams-memo-reference")
    user = TeamsUser(setup, "memo")
    user.say(DESCRIPTION)
    user.say("ja")
    user.say("ja")  # målgruppen
    replies = user.say("/request_memo", until=lambda reply: "Beslutsunderlag:" in reply.get("text", ""))
    memo = next(r for r in replies if "Beslutsunderlag:" in r.get("text", ""))
    assert memo["textFormat"] == "markdown"
    assert "**Beslutsunderlag: Pengar till en deltagare som vill starta eget företag**" in memo["text"]
    for cite in result["cites"]:
        assert cite["text"] in memo["text"]
    assert "[personnummer]" in memo["text"] and "19850312" not in json.dumps(replies)
    assert stored_description(setup, sender_id(user.activity())) in memo["text"]  # masked exactly as stored
    assert ("Ny bedömning", "/start_assessment") in card_buttons(memo)
    # The memo is shown once, not again as raw Markdown.
    assert not any(r.get("text", "").lstrip().startswith("# ") for r in replies)


def test_teams_shows_the_result_as_an_adaptive_card_with_linked_citations(setup: Setup):
    result = result_over_rest(setup.servers, "teams-card-reference")
    user = TeamsUser(setup, "card")
    user.say(DESCRIPTION)
    user.say("ja")
    replies = user.say("ja", until=lambda reply: bool(reply.get("attachments")) and "summary" in reply)  # the result
    card_reply = next(r for r in replies if r.get("attachments") and "summary" in r)
    attachment = card_reply["attachments"][0]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    validate_card(attachment["content"])
    said = card_texts(card_reply)
    assert result["verdict_sentence"] in said and result["title"] in said
    for statement in result["reasons"] + result["conditions"]:
        for cite in statement["cites"]:
            assert f"({cite['url']})" in said  # a link to its place on the guidance page
    assert ("Beslutsunderlag", "/request_memo") in card_buttons(card_reply)
    assert "19850312" not in json.dumps(replies)


def test_teams_shows_typing_before_each_turn(setup: Setup):
    user = TeamsUser(setup, "typing")
    for text in ("hej", "/start_assessment"):
        typing_before = len(user.typing())
        replies = user.say(text)
        typing = user.typing()[typing_before:]
        assert len(typing) == 1
        assert typing[0]["received_at"] < replies[0]["received_at"]


def test_teams_replaces_a_clicked_questions_buttons_with_the_choice(setup: Setup):
    user = TeamsUser(setup, "update")
    replies = user.say("/start_assessment")
    question = next(r for r in replies if "attachments" in r)
    title, payload = card_buttons(question)[0]
    user.say(payload, value={"asf_payload": payload, "asf_title": title}, reply_to=question["id"])
    update = next(u for u in setup.edge.updates if u.get("id") == question["id"])
    assert update["conversation"]["id"] == user.conversation and update["type"] == "message"
    assert update["attachments"] == []
    assert update["text"] == question["text"] + f"\n\nDu valde: **{title}**"
    # A typed answer replaces nothing.
    count = len(setup.edge.updates)
    user.say("tillbaka")
    assert len(setup.edge.updates) == count


def test_teams_answers_the_webhook_at_once_when_a_turn_is_slower_than_the_time_limit(setup: Setup):
    limit = 15  # seconds the Bot Framework waits for a webhook's answer
    user = TeamsUser(setup, "slow")
    setup.edge.slow_conversations[user.conversation] = limit + 2  # each post to the conversation: 17 s
    before = len(user.replies())
    started = time.monotonic()
    response = user.post(user.activity("hej"))
    answered = time.monotonic() - started
    print(f"Teams time-to-200 with a turn slower than {limit} s: {answered:.3f} s")
    assert response.status_code == 200 and answered < 2
    setup.edge.wait_for(lambda: any("Hej! Jag hjälper dig" in r["text"] for r in user.replies()[before:]), 90)
    finished = max(r["received_at"] for r in user.replies()[before:])
    print(f"the turn's last reply arrived {finished - started:.1f} s after the request")
    assert finished - started > limit


# --- Slack -------------------------------------------------------------------


def slack_post(
    setup: Setup,
    body: bytes,
    content_type: str,
    secret: str = SIGNING_SECRET,
    timestamp: int | None = None,
    extra: dict[str, str] | None = None,
) -> requests.Response:
    stamp = str(timestamp if timestamp is not None else int(time.time()))
    headers = {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": signature(secret, stamp, body),
        **(extra or {}),
    }
    return requests.post(f"{setup.servers.rasa_url}/webhooks/slack/webhook", data=body, headers=headers, timeout=30)


class SlackUser:
    """A person writing to the assistant: in a direct message, or with `channel` by @-mentions there."""

    def __init__(self, setup: Setup, name: str, channel: str | None = None) -> None:
        self.setup = setup
        self.user = "U" + name.upper()
        self.direct = channel is None
        self.channel = channel or "D" + uuid.uuid4().hex[:10].upper()
        self.last_ts = ""  # the person's last message, under which a mention is answered

    def envelope(self, text: str, event_id: str | None = None) -> dict[str, Any]:
        self.last_ts = f"{time.time():.6f}"
        event: dict[str, Any] = {"channel": self.channel, "user": self.user, "ts": self.last_ts}
        if self.direct:
            event.update(type="message", channel_type="im", text=text)
        else:
            event.update(type="app_mention", text=f"<@U0BOT> {text}")
        return {
            "type": "event_callback",
            "team_id": "T0TEST",
            "event_id": event_id or "Ev" + uuid.uuid4().hex,
            "event": event,
        }

    def event(self, text: str, event_id: str | None = None) -> bytes:
        return json.dumps(self.envelope(text, event_id)).encode()

    def click(self, value: str, message: dict[str, Any] | None = None) -> bytes:
        """Slack's block_actions payload for a button; with `message`, as clicked on that posted message."""
        action: dict[str, Any] = {"type": "button", "action_id": "asf-answer-0", "value": value}
        payload: dict[str, Any] = {"type": "block_actions", "user": {"id": self.user}, "channel": {"id": self.channel}}
        if message is not None:
            action = next(e for e in slack_elements(message) if e["value"] == value)
            payload["message"] = {"ts": message["ts"], "text": message["text"], "blocks": message["blocks"]}
            payload["container"] = {"type": "message", "message_ts": message["ts"], "channel_id": self.channel}
            if message.get("thread_ts"):
                payload["message"]["thread_ts"] = payload["container"]["thread_ts"] = message["thread_ts"]
        payload["actions"] = [{**action, "action_ts": str(time.time())}]
        return urlencode({"payload": json.dumps(payload)}).encode()

    def messages(self) -> list[dict[str, Any]]:
        return [m for m in self.setup.edge.slack_messages if m["channel"] == self.channel]

    def send(self, body: bytes, content_type: str = "application/json", expect: int = 1) -> list[dict[str, Any]]:
        before = len(self.messages())
        response = slack_post(self.setup, body, content_type)
        assert response.status_code == 200, response.text
        self.setup.edge.wait_for(lambda: len(self.messages()) >= before + expect)
        time.sleep(0.3)  # anything more that would arrive for this turn
        return self.messages()[before:]


def slack_text(message: dict[str, Any]) -> str:
    return "\n".join(b["text"]["text"] for b in message["blocks"] if b["type"] == "section")


def slack_elements(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]]


def slack_buttons(message: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["text"]["text"], e["value"]) for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]]


def test_slack_answers_the_url_verification_challenge(setup: Setup):
    body = json.dumps({"type": "url_verification", "challenge": "abc123", "token": "x"}).encode()
    response = slack_post(setup, body, "application/json")
    assert response.status_code == 200 and response.json() == {"challenge": "abc123"}


def test_slack_answers_a_correctly_signed_message_with_buttons(setup: Setup):
    user = SlackUser(setup, "greet")
    messages = user.send(user.event("hej"))
    assert "Hej! Jag hjälper dig" in slack_text(messages[0])
    assert ("Bedöm en insats", "/start_assessment") in slack_buttons(messages[0])


@pytest.mark.parametrize("case", ["wrong secret", "stale", "no signature"])
def test_slack_refuses_unsigned_wrongly_signed_and_stale_requests(setup: Setup, case: str):
    user = SlackUser(setup, "intruder")
    body = user.event("hej")
    if case == "no signature":
        response = requests.post(
            f"{setup.servers.rasa_url}/webhooks/slack/webhook",
            data=body,
            headers={"Content-Type": "application/json"},
            timeout=30,
        )
    elif case == "stale":
        response = slack_post(setup, body, "application/json", timestamp=int(time.time()) - 600)
    else:
        response = slack_post(setup, body, "application/json", secret="not-the-secret")
    assert response.status_code == 401
    time.sleep(1.5)
    assert user.messages() == []


def test_slack_retry_gives_exactly_one_answer(setup: Setup):
    user = SlackUser(setup, "retry")
    body = user.event("hej", event_id="EvRETRY" + uuid.uuid4().hex)
    first = slack_post(setup, body, "application/json")
    retry = slack_post(
        setup, body, "application/json", extra={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    )
    assert first.status_code == 200 and retry.status_code == 200
    setup.edge.wait_for(lambda: len(user.messages()) >= 1)
    time.sleep(2)
    greetings = [m for m in user.messages() if "Hej! Jag hjälper dig" in slack_text(m)]
    assert len(greetings) == 1


def test_slack_button_click_continues_the_assessment(setup: Setup):
    user = SlackUser(setup, "click")
    messages = user.send(user.click("/start_assessment"), "application/x-www-form-urlencoded")
    assert any("Vem är insatsen till för i första hand" in slack_text(m) for m in messages)
    question = next(m for m in messages if slack_buttons(m))
    buttons = dict(slack_buttons(question))
    assert len(buttons) == 6
    # Slack cuts a button's text at 75 characters; the label is found by its beginning.
    choice = next(title for title in buttons if title.startswith("Förbundet självt, parternas personal"))
    nine = user.send(user.click(buttons[choice], question), "application/x-www-form-urlencoded")
    assert len([b for m in nine for b in slack_buttons(m)]) == 10
    # The clicked question now shows the choice instead of its buttons.
    update = next(u for u in setup.edge.slack_updates if u["ts"] == question["ts"])
    assert update["channel"] == user.channel
    assert [b["type"] for b in update["blocks"]] == ["section", "context"]
    assert update["blocks"][-1]["elements"][0]["text"] == f"Du valde: *{choice}*"


def test_slack_mention_in_a_channel_is_answered_there_and_own_posts_are_not(setup: Setup):
    channel = "C" + uuid.uuid4().hex[:10].upper()
    mention = {"type": "app_mention", "channel": channel, "user": "UMENTION", "text": "<@U0BOT> hej", "ts": "1.000100"}
    own = {"type": "message", "channel_type": "im", "channel": channel, "user": "U0BOT", "bot_id": "B1", "text": "hej"}
    for event in (own, mention):
        body = json.dumps({"type": "event_callback", "event_id": "Ev" + uuid.uuid4().hex, "event": event}).encode()
        assert slack_post(setup, body, "application/json").status_code == 200
    setup.edge.wait_for(lambda: any(m["channel"] == channel for m in setup.edge.slack_messages))
    time.sleep(1)
    answers = [m for m in setup.edge.slack_messages if m["channel"] == channel]
    assert sum("Hej! Jag hjälper dig" in slack_text(m) for m in answers) == 1
    assert {m.get("thread_ts") for m in answers} == {"1.000100"}  # in a thread under the mention


def test_slack_keeps_every_button_text_within_its_limit_and_shows_the_whole_text(setup: Setup):
    user = SlackUser(setup, "labels")
    user.send(user.click("/start_assessment"), "application/x-www-form-urlencoded")
    messages = user.send(
        user.click('/inform{"question":"vem","choice":"parter_och_aktorer"}'), "application/x-www-form-urlencoded"
    )
    question = next(m for m in messages if slack_buttons(m))
    titles = [title for title, _ in slack_buttons(question)]
    assert all(len(title) <= BUTTON_CHARS for title in titles)
    long = (
        "En annan insats för kunskap eller samverkan, t.ex. en kartläggning, en utvärdering eller ett nätverksmöte "
        "för parterna"
    )
    assert "En annan insats för kunskap eller samverkan" in titles  # shortened where the meaning allows
    notes = [e["text"] for b in question["blocks"] if b["type"] == "context" for e in b["elements"]]
    assert any(long in note for note in notes)


def test_slack_waits_out_a_rate_limit_and_answers_once(setup: Setup):
    user = SlackUser(setup, "ratelimit")
    setup.edge.slack_rate_limited[user.channel] = 1  # the first post is refused with 429, Retry-After: 1
    messages = user.send(user.event("hej"))
    time.sleep(1)
    assert sum("Hej! Jag hjälper dig" in slack_text(m) for m in user.messages()) == 1 and messages
    attempts = [a for a in setup.edge.slack_attempts if a["channel"] == user.channel]
    assert len(attempts) >= 2
    waited = attempts[1]["at"] - attempts[0]["at"]
    print(f"Slack rate limit: the post was retried {waited:.2f} s after HTTP 429 with Retry-After: 1")
    assert waited >= 1


def test_a_direct_message_assessment_never_surfaces_in_a_channel(setup: Setup):
    person = "privat"
    direct = SlackUser(setup, person)
    direct.send(direct.event(DESCRIPTION))
    direct.send(direct.event("ja"))
    result = direct.send(direct.event("ja"))  # målgruppen: the result, in the direct message
    said_in_private = "\n".join(slack_text(m) for m in result)
    assert "Förbundet bör inte finansiera insatsen." in said_in_private
    # The same person in a channel: a conversation of its own, answered in a thread.
    public = SlackUser(setup, person, channel="C" + uuid.uuid4().hex[:10].upper())
    answers = public.send(public.event("/request_memo")) + public.send(public.event("sammanfattning"))
    said_in_public = "\n".join(slack_text(m) for m in answers)
    assert answers and "Beslutsunderlag:" not in said_in_public
    for private in ("Förbundet bör inte finansiera insatsen.", "socialt kafé", "Pengar till en deltagare"):
        assert private not in said_in_public
    assert not [f for f in setup.edge.slack_files if f.get("channel") == public.channel]
    assert all(m.get("thread_ts") for m in answers)  # in threads under the mentions, not in the channel
    assert conversation_id(direct.channel, direct.user) != conversation_id(public.channel, public.user)


def test_slack_click_in_a_thread_is_answered_in_that_thread(setup: Setup):
    user = SlackUser(setup, "threaded", channel="C" + uuid.uuid4().hex[:10].upper())
    greeting = user.send(user.event("hej"))
    thread = user.last_ts
    assert all(m["thread_ts"] == thread for m in greeting)
    question = next(m for m in greeting if ("Bedöm en insats", "/start_assessment") in slack_buttons(m))
    answers = user.send(user.click("/start_assessment", question), "application/x-www-form-urlencoded")
    assert any("Vem är insatsen till för i första hand" in slack_text(m) for m in answers)
    assert all(m["thread_ts"] == thread for m in answers)


def test_slack_socket_mode_answers_events_and_clicks(setup: Setup):
    edge = setup.edge
    edge.wait_for(lambda: bool(edge.sockets), 30)  # the assistant connected at start-up
    user = SlackUser(setup, "socket")
    envelope_id = uuid.uuid4().hex
    edge.socket_send({"envelope_id": envelope_id, "type": "events_api", "payload": user.envelope("hej")})
    edge.wait_for(lambda: any("Hej! Jag hjälper dig" in slack_text(m) for m in user.messages()))
    assert envelope_id in edge.socket_acks
    question = next(m for m in user.messages() if slack_buttons(m))
    payload = json.loads(parse_qs(user.click("/start_assessment", question).decode())["payload"][0])
    click_id = uuid.uuid4().hex
    edge.socket_send({"envelope_id": click_id, "type": "interactive", "payload": payload})
    edge.wait_for(lambda: any("Vem är insatsen till för i första hand" in slack_text(m) for m in user.messages()))
    assert click_id in edge.socket_acks
    # Slack sends an envelope again when it missed the ack: it is answered once.
    count = len(user.messages())
    edge.socket_send(
        {
            "envelope_id": uuid.uuid4().hex,
            "type": "events_api",
            "payload": {**user.envelope("hej"), "event_id": "EvSOCKET"},
        }
    )
    edge.socket_send(
        {
            "envelope_id": uuid.uuid4().hex,
            "type": "events_api",
            "payload": {**user.envelope("hej"), "event_id": "EvSOCKET"},
        }
    )
    edge.wait_for(lambda: len(user.messages()) > count)
    time.sleep(1.5)
    assert sum("Hej! Jag hjälper dig" in slack_text(m) for m in user.messages()[count:]) == 1


def test_slack_decision_memo_as_mrkdwn_and_pdf_file(setup: Setup):
    result = result_over_rest(setup.servers, "slack-memo-reference")
    user = SlackUser(setup, "memo")
    user.send(user.event(DESCRIPTION))
    user.send(user.event("ja"))
    user.send(user.event("ja"))  # målgruppen
    before_files = len(setup.edge.slack_files)
    messages = user.send(user.click("/request_memo"), "application/x-www-form-urlencoded", expect=2)
    memo = next(m for m in messages if "Beslutsunderlag:" in slack_text(m))
    text = slack_text(memo)
    assert "*Beslutsunderlag: Pengar till en deltagare som vill starta eget företag*" in text
    assert "**" not in text and "\n# " not in text
    for cite in result["cites"]:
        assert slack_escape(cite["text"]) in text
    assert "[personnummer]" in text and "19850312" not in json.dumps(messages)
    assert slack_escape(stored_description(setup, conversation_id(user.channel, user.user))) in text
    setup.edge.wait_for(lambda: any(f.get("completed") for f in setup.edge.slack_files[before_files:]))
    pdf = next(f for f in setup.edge.slack_files[before_files:] if f.get("completed"))
    assert pdf["channel"] == user.channel and pdf["filename"].endswith(".pdf")
    assert pdf["content"].startswith(b"%PDF") and len(pdf["content"]) == pdf["length"]


def test_no_secret_or_personal_data_reaches_the_logs(setup: Setup):
    logs = setup.servers.log_text()
    assert "Teams channel not configured" not in logs  # these logs are this module's servers'
    for secret in ("test-password", SIGNING_SECRET, "xoxb-test-token", setup.edge.access_token, "19850312"):
        assert secret not in logs
