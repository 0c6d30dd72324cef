"""Teams and Slack over the real servers (`scripts/run.sh`), with only the outside
network edge (Microsoft's and Slack's services) replaced by local stand-ins."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa

from channels.core.markup import slack_escape
from channels.slack.security import signature
from channels.teams.channel import sender_id
from devtools.servers import Servers, running_servers
from tests.system.edge import Edge, running_edge

pytestmark = pytest.mark.servers

APP_ID = str(uuid.uuid4())
TENANT_ID = str(uuid.uuid4())
SIGNING_SECRET = "test-signing-secret-" + uuid.uuid4().hex
DESCRIPTION = "Vi vill ge ett startbidrag till en deltagare, 19850312-1234, som vill starta ett socialt kafé"


@dataclass
class Setup:
    servers: Servers
    edge: Edge


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    with running_edge() as edge:
        env = {
            "TEAMS_APP_ID": APP_ID,
            "TEAMS_APP_PASSWORD": "test-password",
            "TEAMS_TENANT_ID": TENANT_ID,
            "TEAMS_LOGIN_URL": edge.url,
            "TEAMS_OPENID_URL": f"{edge.url}/openid",
            "SLACK_BOT_TOKEN": "xoxb-test-token",
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": f"{edge.url}/api/",
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

    def say(self, text: str = "", value: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        before = len(self.replies())
        response = self.post(self.activity(text, value))
        assert response.status_code == 200, response.text
        return self.replies()[before:]


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
    before = len(user.replies())
    assert user.post(added).status_code == 200
    greeting = user.replies()[before:]
    assert any("Hej! Jag hjälper dig" in r["text"] for r in greeting)
    assert ("Bedöm en insats", "/start_assessment") in [b for r in greeting for b in card_buttons(r)]

    other = TeamsUser(setup, "colleague")
    someone = other.activity()
    someone.update(type="conversationUpdate", membersAdded=[{"id": "29:a-colleague"}])
    assert other.post(someone).status_code == 200
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
    assert any("Förbundet bör inte finansiera insatsen." in r["text"] for r in answered)


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
    replies = user.say("/request_memo")
    memo = next(r for r in replies if "Beslutsunderlag:" in r["text"])
    assert memo["textFormat"] == "markdown"
    assert "**Beslutsunderlag: Pengar till en deltagare som vill starta eget företag**" in memo["text"]
    for cite in result["cites"]:
        assert cite["text"] in memo["text"]
    assert "[personnummer]" in memo["text"] and "19850312" not in json.dumps(replies)
    assert stored_description(setup, sender_id(user.activity())) in memo["text"]  # masked exactly as stored
    assert ("Ny bedömning", "/start_assessment") in card_buttons(memo)
    # The memo is shown once, not again as raw Markdown.
    assert not any(r["text"].lstrip().startswith("# ") for r in replies)


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
    def __init__(self, setup: Setup, name: str) -> None:
        self.setup = setup
        self.user = "U" + name.upper()
        self.channel = "D" + uuid.uuid4().hex[:10].upper()

    def event(self, text: str, event_id: str | None = None) -> bytes:
        envelope = {
            "type": "event_callback",
            "team_id": "T0TEST",
            "event_id": event_id or "Ev" + uuid.uuid4().hex,
            "event": {
                "type": "message",
                "channel_type": "im",
                "channel": self.channel,
                "user": self.user,
                "text": text,
            },
        }
        return json.dumps(envelope).encode()

    def click(self, value: str, message: dict[str, Any] | None = None) -> bytes:
        """Slack's block_actions payload for a button; with `message`, as clicked on that posted message."""
        action: dict[str, Any] = {"type": "button", "action_id": "asf-answer-0", "value": value}
        payload: dict[str, Any] = {"type": "block_actions", "user": {"id": self.user}, "channel": {"id": self.channel}}
        if message is not None:
            action = next(e for e in slack_elements(message) if e["value"] == value)
            payload["message"] = {"ts": message["ts"], "text": message["text"], "blocks": message["blocks"]}
            payload["container"] = {"type": "message", "message_ts": message["ts"], "channel_id": self.channel}
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
    choice = next(title for title in buttons if title.startswith("Parternas personal, beslutsfattare"))
    nine = user.send(user.click(buttons[choice], question), "application/x-www-form-urlencoded")
    assert len([b for m in nine for b in slack_buttons(m)]) == 10
    # The clicked question now shows the choice instead of its buttons.
    update = next(u for u in setup.edge.slack_updates if u["ts"] == question["ts"])
    assert update["channel"] == user.channel
    assert [b["type"] for b in update["blocks"]] == ["section", "context"]
    assert update["blocks"][-1]["elements"][0]["text"] == f"Du valde: *{choice}*"


def test_slack_mention_in_a_channel_is_answered_there_and_own_posts_are_not(setup: Setup):
    channel = "C" + uuid.uuid4().hex[:10].upper()
    mention = {"type": "app_mention", "channel": channel, "user": "UMENTION", "text": "<@U0BOT> hej"}
    own = {"type": "message", "channel_type": "im", "channel": channel, "user": "U0BOT", "bot_id": "B1", "text": "hej"}
    for event in (own, mention):
        body = json.dumps({"type": "event_callback", "event_id": "Ev" + uuid.uuid4().hex, "event": event}).encode()
        assert slack_post(setup, body, "application/json").status_code == 200
    setup.edge.wait_for(lambda: any(m["channel"] == channel for m in setup.edge.slack_messages))
    time.sleep(1)
    answers = [m for m in setup.edge.slack_messages if m["channel"] == channel]
    assert sum("Hej! Jag hjälper dig" in slack_text(m) for m in answers) == 1


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
    assert slack_escape(stored_description(setup, f"slack-{user.user}")) in text
    setup.edge.wait_for(lambda: any(f.get("completed") for f in setup.edge.slack_files[before_files:]))
    pdf = next(f for f in setup.edge.slack_files[before_files:] if f.get("completed"))
    assert pdf["channel"] == user.channel and pdf["filename"].endswith(".pdf")
    assert pdf["content"].startswith(b"%PDF") and len(pdf["content"]) == pdf["length"]


def test_no_secret_or_personal_data_reaches_the_logs(setup: Setup):
    from devtools.servers import ROOT

    logs = "".join(p.read_text(errors="replace") for p in (ROOT / "var" / "logs").glob("*.log"))
    assert "Teams channel not configured" not in logs  # these logs are this module's servers'
    for secret in ("test-password", SIGNING_SECRET, "xoxb-test-token", setup.edge.access_token, "19850312"):
        assert secret not in logs
