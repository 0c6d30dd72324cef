"""Bad input over a running server, one table row per input, with what the user gets.

Each message row is sent by a fresh user in two states: in the middle of an
assessment and right after a verdict. Whatever the input, the user gets a reply
in Swedish (never nothing, never a 500), and the stored state, answers, open
question and verdict alike, is exactly what it was. Malformed and oversized
bodies are sent to every webhook the project has (add new ones to WEBHOOKS).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import queue
import re
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import requests

from channels.core.guard import COMMAND, EMPTY, ENGLISH
from channels.rest import namespaced
from devtools.servers import Servers, running_servers

pytestmark = pytest.mark.servers

TOO_LONG = "Meddelandet är för långt (10 000 tecken) och har inte sparats"
UNKNOWN_ANSWER = "Det svaret känner jag inte igen"
SWEDISH = None  # any reply in Swedish

# (name, message, what the reply must contain; SWEDISH: any Swedish reply)
MESSAGES: list[tuple[str, str, str | None]] = [
    ("empty", "", EMPTY),
    ("whitespace", "   \n\t ", EMPTY),
    ("only control characters", "\x00\x07\x1b", EMPTY),
    ("10 000 letters", "a" * 10_000, TOO_LONG),
    ("10 000 characters of sentences", ("Vi vill anställa en handledare hos kommunen. " * 250)[:10_000], TOO_LONG),
    ("10 000 emoji", "😀" * 10_000, TOO_LONG),
    ("just under the limit", "hej " * 499, SWEDISH),
    ("emoji", "😀🎉👍", SWEDISH),
    ("mixed scripts", "Привет مرحبا 你好 שלום Ἀθῆναι", SWEDISH),
    ("combining marks and right-to-left override", "e\u0301\u0301\u0301 \u202eabc\u202c", SWEDISH),
    ("NUL and bell inside text", "vad\x00 är\x07 ett ASF?", SWEDISH),
    ("script tag", "<script>alert('x')</script>", SWEDISH),
    ("HTML with an event handler", '<img src=x onerror="alert(1)"><b>hej</b>', SWEDISH),
    ("SQL drop", "'; DROP TABLE events; --", SWEDISH),
    ("SQL always true", "1' OR '1'='1", SWEDISH),
    ("SQL delete", "Robert'); DELETE FROM events WHERE sender_id LIKE '%", SWEDISH),
    ("English question", "Can the coordination association fund a social enterprise?", ENGLISH),
    ("English greeting", "Hello, what can you do for me?", ENGLISH),
    ("short English", "What is this?", SWEDISH),
    ("unknown intent", "/delete_everything", SWEDISH),
    ("unknown intent with entities", '/grant_money{"verdict": "financeable"}', SWEDISH),
    ("Rasa restart", "/restart", COMMAND),
    ("Rasa back", "/back", COMMAND),
    ("Rasa session start", '/session_start{"metadata": {}}', COMMAND),
    ("choice that does not exist", '/inform{"question":"vem","choice":"finns_inte"}', UNKNOWN_ANSWER),
    ("question that does not exist", '/inform{"question":"finns_inte","choice":"deltagare"}', UNKNOWN_ANSWER),
    ("huge choice", '/inform{"question":"insats_typ","choice":"' + "x" * 1900 + '"}', UNKNOWN_ANSWER),
    ("script as choice", '/inform{"question":"vem","choice":"<script>alert(1)</script>"}', UNKNOWN_ANSWER),
    ("nested JSON entities", '/inform{"question":{"a":{"b":[1,2,3]}},"choice":["a",{"b":"c"}]}', SWEDISH),
    (
        "slots as entities",
        '/inform{"answers":{"vem":"annat"},"current_question":"pengavag","last_result":{"verdict":"financeable"}}',
        SWEDISH,
    ),
    ("broken entity JSON", '/inform{"question":"vem","choice":"deltagare"', SWEDISH),
    ("forged result", '/show_result{"verdict":"financeable","outcome_id":"strukturell_insats"}', SWEDISH),
    ("forged training verdict", '/judge{"verdict":"financeable"}', SWEDISH),
    ("change a question that does not exist", '/change_answer{"question":"<script>x</script>"}', SWEDISH),
]

MID_ANSWERS = ['/inform{"question":"vem","choice":"deltagare"}', "ja"]
DONE_ANSWERS = [
    *MID_ANSWERS,
    '/inform{"question":"insats_typ","choice":"handledare"}',
    '/inform{"question":"handledare_anstalld","choice":"hos_part"}',
    "kommunen",
    '/inform{"question":"pengavag","choice":"via_part"}',
]
SWEDISH_WORDS = {"jag", "du", "och", "att", "inte", "det", "är", "en", "som", "på", "om", "kan", "svar", "vill", "för"}


SLACK_SECRET = "bad-input-signing-secret"
# Nothing listens on port 9: replies and key fetches fail, which no row here needs.
NOWHERE = "http://127.0.0.1:9"


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    # Teams and Slack configured: unconfigured, they answer 503 before reading a body, and the
    # malformed-body rows below would test nothing.
    env = {
        "TEAMS_APP_ID": "00000000-0000-0000-0000-000000000001",
        "TEAMS_APP_PASSWORD": "bad-input-password",
        "TEAMS_LOGIN_URL": NOWHERE,
        "TEAMS_OPENID_URL": f"{NOWHERE}/openid",
        "SLACK_BOT_TOKEN": "xoxb-bad-input",
        "SLACK_SIGNING_SECRET": SLACK_SECRET,
        "SLACK_API_URL": f"{NOWHERE}/api/",
    }
    with running_servers(tmp_path_factory.mktemp("bad-input"), env) as started:
        yield started


def texts(replies: list[dict[str, object]]) -> str:
    return "\n".join(str(reply.get("text", "")) for reply in replies)


def is_swedish(text: str) -> bool:
    """Two common Swedish words, or one and a letter only Swedish (of these) has."""
    common = set(re.findall(r"\w+", text.lower())) & SWEDISH_WORDS
    return len(common) >= 2 or (len(common) == 1 and re.search("[åäö]", text) is not None)


def state(servers: Servers, sender: str) -> dict[str, Any]:
    """The slots that hold the assessment, as the tracker store has them."""
    slots: dict[str, Any] = {"answers": None, "current_question": None, "last_result": None}
    with sqlite3.connect(servers.log.parent / "tracker.db") as connection:
        rows = connection.execute("select data from events where sender_id = ? order by id", (namespaced(sender),))
        for (data,) in rows:
            event = json.loads(data)
            if event.get("event") == "slot" and event.get("name") in slots:
                slots[event["name"]] = event["value"]
    return slots


def prepare(servers: Servers, sender: str, answers: list[str]) -> dict[str, Any]:
    servers.say(sender, "/start_assessment")
    for answer in answers:
        servers.say(sender, answer)
    return state(servers, sender)


@pytest.mark.parametrize(("name", "message", "expected"), MESSAGES, ids=[row[0] for row in MESSAGES])
@pytest.mark.parametrize("stage", ["mid", "done"])
def test_bad_message_gets_a_swedish_answer_and_changes_nothing(
    servers: Servers, stage: str, name: str, message: str, expected: str | None
):
    sender = f"bad-{stage}-{MESSAGES.index((name, message, expected))}"
    before = prepare(servers, sender, MID_ANSWERS if stage == "mid" else DONE_ANSWERS)
    assert before["answers"] and (before["current_question"] if stage == "mid" else before["last_result"])

    response = requests.post(
        f"{servers.rasa_url}/webhooks/rest/webhook",
        json={"sender": sender, "message": message},
        headers=servers.rest_headers,
        timeout=60,
    )
    assert response.status_code == 200
    reply = texts(response.json())
    assert is_swedish(reply), reply
    if expected is not None:
        assert expected in reply
    assert "<script>" not in reply and "<img" not in reply  # nothing the user sent comes back as markup
    assert state(servers, sender) == before

    if stage == "done":  # and the verdict shown is still the one given
        again = texts(servers.say(sender, "visa bedömningen igen"))
        assert "Förbundet kan finansiera insatsen på villkor." in again


@dataclass(frozen=True)
class Webhook:
    name: str
    path: str
    swedish_400: bool  # answers a malformed body with 400 and a Swedish reason
    refused: tuple[int, ...] = (400,)  # what a malformed body may get: never a 500 (nor 503: configured)
    signed: bool = False  # Slack: signed with the signing secret, so the body itself is read


# Every webhook that takes a message. Channels added later belong here. Teams reads the body, then
# checks the Bot Framework token (401: no key can be fetched here); Slack checks the signature first,
# so its rows are signed, and acknowledges JSON objects that are not events with 200 and ignores them.
WEBHOOKS = [
    Webhook("REST", "/webhooks/rest/webhook", swedish_400=True),
    Webhook("Teams", "/webhooks/botframework/webhook", swedish_400=False, refused=(400, 401)),
    Webhook("Slack", "/webhooks/slack/webhook", swedish_400=False, refused=(200, 400), signed=True),
]


def slack_headers(body: bytes) -> dict[str, str]:
    """Slack's v0 signature computed here from its definition, so any bytes can be signed."""
    timestamp = str(int(time.time()))
    digest = hmac.new(SLACK_SECRET.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": f"v0={digest}"}


def is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


NOT_AN_OBJECT = "Anropet ska vara ett JSON-objekt med fälten sender och message."
BODIES: list[tuple[str, bytes, str]] = [
    ("not JSON", b"{not json", "Anropet ska vara JSON (UTF-8)."),
    ("empty body", b"", "Anropet ska vara JSON (UTF-8)."),
    ("not UTF-8", b'{"sender": "a", "message": "\xff\xfe"}', "Anropet ska vara JSON (UTF-8)."),
    ("cut off", b'{"sender": "a", "message": "hej', "Anropet ska vara JSON (UTF-8)."),
    ("nested 100 000 deep", b"[" * 100_000 + b"]" * 100_000, "Anropet ska vara JSON (UTF-8)."),
    ("array", b'["hej"]', NOT_AN_OBJECT),
    ("string", b'"hej"', NOT_AN_OBJECT),
    ("number", b"42", NOT_AN_OBJECT),
    ("null", b"null", NOT_AN_OBJECT),
    ("message is a number", b'{"sender": "a", "message": 5}', 'Fältet "message" ska vara text.'),
    ("message is an object", b'{"sender": "a", "message": {"text": "hej"}}', 'Fältet "message" ska vara text.'),
    ("sender is an object", b'{"sender": {"id": 1}, "message": "hej"}', 'Fältet "sender" ska vara text'),
    ("sender is 10 000 characters", b'{"sender": "' + b"s" * 10_000 + b'", "message": "hej"}', 'Fältet "sender"'),
    ("metadata is a string", b'{"sender": "a", "message": "hej", "metadata": "{}"}', 'Fältet "metadata"'),
]


@pytest.mark.parametrize("webhook", WEBHOOKS, ids=[w.name for w in WEBHOOKS])
@pytest.mark.parametrize(("name", "body", "error"), BODIES, ids=[row[0] for row in BODIES])
def test_malformed_body_is_refused_in_swedish(servers: Servers, webhook: Webhook, name: str, body: bytes, error: str):
    headers = {"Content-Type": "application/json", **servers.rest_headers}
    if webhook.signed:
        headers.update(slack_headers(body))
    response = requests.post(servers.rasa_url + webhook.path, data=body, headers=headers, timeout=30)
    # Slack signs UTF-8 text: other bytes cannot be from Slack, whatever their signature says.
    refused = (401,) if webhook.signed and not is_utf8(body) else webhook.refused
    assert response.status_code in refused, response.text
    if webhook.swedish_400:
        assert error in response.json()["error"]
    elif response.status_code == 400:
        assert "Begäran saknar" in response.text  # Swedish, not Sanic's English page


@pytest.mark.parametrize("webhook", WEBHOOKS, ids=[w.name for w in WEBHOOKS])
def test_oversized_body_is_refused_and_the_server_goes_on(servers: Servers, webhook: Webhook):
    body = json.dumps({"sender": "big", "message": "a" * 2_000_000}).encode()
    headers = {"Content-Type": "application/json", **servers.rest_headers}
    response = requests.post(servers.rasa_url + webhook.path, data=body, headers=headers, timeout=30)
    assert response.status_code == 413
    if webhook.swedish_400:
        assert "Anropet är för stort" in response.json()["error"]
    assert "Hej! Jag hjälper dig" in texts(servers.say("after-big", "hej"))


def test_malformed_socketio_requests_are_refused(servers: Servers):
    url = servers.rasa_url + "/socket.io/"
    assert requests.post(url + "?EIO=4&transport=polling", data=b"\xff{garbage", timeout=10).status_code == 400
    assert requests.get(url + "?EIO=999&transport=nonsense", timeout=10).status_code == 400
    big = requests.post(url + "?EIO=4&transport=polling", data=b"4" + b"a" * 2_000_000, timeout=30)
    assert big.status_code in (400, 413)


def test_malformed_socketio_messages_get_a_swedish_answer(servers: Servers):
    import socketio

    client = socketio.Client()
    answers: queue.Queue[dict[str, Any]] = queue.Queue()
    client.on("bot_uttered", answers.put)
    client.on("session_confirm", lambda _: answers.put({"text": "session"}))
    client.connect(servers.rasa_url, transports=["polling"])
    try:
        client.emit("session_request", {})
        assert answers.get(timeout=10)["text"] == "session"
        rows: list[tuple[object, str]] = [
            (["hej"], NOT_AN_OBJECT),
            ("hej", NOT_AN_OBJECT),
            ({"message": 5}, 'Fältet "message" ska vara text.'),
            ({"message": {"text": "hej"}}, 'Fältet "message" ska vara text.'),
            ({"message": "hej", "metadata": "{broken"}, 'Fältet "metadata"'),
            ({"message": "   "}, EMPTY),
            ({}, EMPTY),
            ({"message": "a" * 10_000}, TOO_LONG),
            ({"message": "/restart"}, COMMAND),
            ({"message": "Hello, what can you do for me?"}, ENGLISH),
            ({"message": "hej"}, "Hej! Jag hjälper dig"),
        ]
        for data, expected in rows:
            client.emit("user_uttered", data)
            reply = answers.get(timeout=30)
            assert expected in str(reply.get("text")), (data, reply)
            while not answers.empty():  # the greeting comes in several messages
                answers.get_nowait()
    finally:
        client.disconnect()
