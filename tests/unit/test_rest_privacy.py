"""The REST channel lets no personal data into Rasa or any log, even when a turn is cancelled.

The channel's REST handler is called here as Sanic would call it (the body check first,
then the route), with a stand-in for Rasa's message handling that hangs until the
"client" goes away. Sanic cancels the handler's task when the client disconnects;
Rasa's own handler logged the message text at ERROR then (`rest.message.received.timeout`).
"""

from __future__ import annotations

import asyncio
import json
import logging
from types import SimpleNamespace
from typing import Any

import pytest
import structlog
from rasa.core.channels.channel import UserMessage

from channels.rest import TokenRestInput

TOKEN = "test-token"
PERSONAL = ["19850312-1234", "070-123 45 67", "anna.svensson@kommun.se", "198503121234"]


class Request(SimpleNamespace):
    """What Sanic's request offers the middleware and Rasa's handler."""

    def __init__(self, body: dict[str, Any]) -> None:
        raw = json.dumps(body).encode()
        super().__init__(body=raw, json=body, args={}, method="POST", headers={"authorization": f"Bearer {TOKEN}"})


@pytest.fixture
def rest(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("ASF_REST_TOKEN", TOKEN)
    monkeypatch.delenv("ACTION_SERVER_URL", raising=False)  # no action server to probe

    def build(rasa: Any) -> tuple[Any, Any]:
        blueprint = TokenRestInput().blueprint(rasa)
        (check,) = [future.middleware for future in blueprint._future_middleware]
        (receive,) = [future.handler for future in blueprint._future_routes if future.uri == "/webhook"]
        return check, receive

    return build


def test_a_turn_cancelled_mid_way_logs_no_personal_data(rest: Any, caplog: pytest.LogCaptureFixture):
    reached = asyncio.Event()
    seen: list[UserMessage] = []

    async def rasa(message: UserMessage) -> None:
        seen.append(message)
        reached.set()
        await asyncio.sleep(3600)  # the turn hangs until the client goes away

    check, receive = rest(rasa)
    body = {
        "sender": "crm-42",
        "message": "hon har pnr 19850312-1234 och tel 070-123 45 67",
        "metadata": {"anna.svensson@kommun.se": {"pnr": 198503121234}},
    }

    async def client_disconnects() -> bool:
        request = Request(body)
        assert await check(request) is None
        task = asyncio.create_task(receive(request))
        await asyncio.wait_for(reached.wait(), 5)
        task.cancel()  # what Sanic does when the connection is lost
        await asyncio.gather(task, return_exceptions=True)
        return task.cancelled()

    caplog.set_level(logging.DEBUG)
    with structlog.testing.capture_logs() as events:
        assert asyncio.run(client_disconnects()), "the cancelled path was not exercised"

    logged = json.dumps(events, default=str, ensure_ascii=False) + caplog.text
    for data in PERSONAL:
        assert data not in logged
        assert data not in str(seen[0].text) + json.dumps(seen[0].metadata)


def test_rasa_gets_masked_metadata_keys_and_numbers_and_its_own_channel_name(rest: Any):
    seen: list[UserMessage] = []

    async def rasa(message: UserMessage) -> None:
        seen.append(message)

    check, receive = rest(rasa)
    request = Request(
        {
            "sender": "crm-42",
            "message": "hej",
            "input_channel": "anna@kommun.se",
            "metadata": {"anna.svensson@kommun.se": [198503121234, 3, True], "070-123 45 67": None, "n": 2.5},
        }
    )

    async def send() -> None:
        assert await check(request) is None
        await receive(request)

    asyncio.run(send())
    message = seen[0]
    assert message.input_channel == "rest"
    assert message.metadata == {"[e-postadress]": ["[personnummer]", 3, True], "[telefonnummer]": None, "n": 2.5}


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({"sender": "anna.svensson@kommun.se", "message": "hej"}, 'Fältet "sender" får inte innehålla'),
        ({"sender": "19850312-1234", "message": "hej"}, 'Fältet "sender" får inte innehålla'),
        ({"sender": "crm-0701234567", "message": "hej"}, 'Fältet "sender" får inte innehålla'),
        ({"sender": "crm-1", "message": "hej", "metadata": {"text": "x" * 5000}}, 'Fältet "metadata" är för stort'),
        ({"sender": "crm-1", "message": "hej", "metadata": {f"k{i}": i for i in range(1000)}}, "högst 4 096 byte"),
    ],
)
def test_refused_bodies_get_a_swedish_reason(rest: Any, body: dict[str, Any], error: str):
    async def rasa(message: UserMessage) -> None:
        raise AssertionError("a refused body reached Rasa")

    check, _ = rest(rasa)
    refused = asyncio.run(check(Request(body)))
    assert refused is not None and refused.status == 400
    assert error in json.loads(refused.body)["error"]


def test_metadata_of_ordinary_size_passes(rest: Any):
    check, _ = rest(lambda message: None)
    body = {"sender": "crm-1", "message": "hej", "metadata": {"case": "2026/123", "source": "crm" * 100}}
    assert asyncio.run(check(Request(body))) is None


@pytest.mark.parametrize("chosen", ["slack-U0123ABCD", "teams-" + "9fab" * 8, "default", "crm-42"])
def test_rest_senders_live_in_their_own_namespace(rest: Any, chosen: str):
    # A Slack user's id is visible to the whole workspace and Teams ids are our own hashes: a token
    # holder who sends one of them must land in a REST conversation, never in that person's.
    seen: list[UserMessage] = []

    async def rasa(message: UserMessage) -> None:
        seen.append(message)

    check, receive = rest(rasa)
    request = Request({"sender": chosen, "message": "hej"})

    async def send() -> None:
        assert await check(request) is None
        await receive(request)

    asyncio.run(send())
    assert seen[0].sender_id == f"rest-{chosen}"


def test_a_request_without_sender_is_refused_not_put_in_a_shared_conversation(rest: Any):
    async def rasa(message: UserMessage) -> None:
        raise AssertionError("a request without sender reached Rasa (Rasa would call it 'default')")

    check, _ = rest(rasa)
    refused = asyncio.run(check(Request({"message": "hej"})))
    assert refused is not None and refused.status == 400
    assert 'Fältet "sender" saknas' in json.loads(refused.body)["error"]
