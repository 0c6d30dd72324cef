"""socket.io against real servers: the Origin allow-list and the per-connection and per-session rate limits."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import Iterator

import pytest
import socketio

from channels.socketio import TOO_FAST
from devtools.servers import Servers, running_servers
from tests.system.webchat import Chat, texts

pytestmark = pytest.mark.servers

INTRANET = "https://intranat.example"
BURST = 3


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    env = {
        "ASF_ALLOWED_ORIGINS": f"{INTRANET}, https://annat-intranat.example",
        # A burst of three, then one message every ten seconds: the test sends faster than that.
        "ASF_MESSAGES_PER_MINUTE": "6",
        "ASF_MESSAGES_BURST": str(BURST),
    }
    with running_servers(tmp_path_factory.mktemp("socketio"), env) as started:
        yield started


def user_messages(servers: Servers, session_id: str) -> list[str]:
    """The user messages the tracker store holds for a session: what reached Rasa."""
    with sqlite3.connect(servers.log.parent / "tracker.db") as connection:
        rows = connection.execute(
            "select data from events where sender_id = ? and type_name = 'user' order by id", (session_id,)
        )
        return [json.loads(data)["text"] for (data,) in rows]


@pytest.mark.parametrize(
    ("origin", "allowed"),
    [
        (INTRANET, True),
        ("https://annat-intranat.example", True),
        (None, True),  # not a browser: the signed session decides
        ("https://elak.example", False),
        ("http://intranat.example", False),  # not the same origin: another scheme
        ("https://intranat.example.elak.example", False),
    ],
)
def test_only_listed_pages_may_open_the_chat(servers: Servers, origin: str | None, allowed: bool):
    async def run() -> bool:
        chat = Chat(servers.rasa_url)
        try:
            await chat.connect(origin)
        except socketio.exceptions.ConnectionError:
            return False
        try:
            return bool((await chat.session())["session_id"])
        finally:
            await chat.close()

    assert asyncio.run(run()) is allowed


def test_one_connection_sending_too_fast_is_told_to_wait_and_the_rest_never_reach_rasa(servers: Servers):
    async def run() -> tuple[str, str]:
        chat = Chat(servers.rasa_url)
        await chat.connect(INTRANET)
        try:
            session = await chat.session()
            for number in range(BURST + 4):
                await chat.say(f"meddelande {number}")
            return session["session_id"], texts(await chat.answer(quiet=3))
        finally:
            await chat.close()

    session_id, said = asyncio.run(run())
    assert said.count(TOO_FAST) >= 4 and "försök igen om en stund" in TOO_FAST
    assert len(user_messages(servers, session_id)) <= BURST


def test_sockets_sharing_one_session_share_its_budget(servers: Servers):
    async def run() -> tuple[str, str]:
        first = Chat(servers.rasa_url)
        await first.connect(INTRANET)
        session = await first.session()
        chats = [first]
        try:
            for _ in range(3):  # each new socket has a fresh connection budget, the session does not
                chat = Chat(servers.rasa_url)
                await chat.connect(INTRANET)
                await chat.session(session["session_id"], session["session_token"])
                chats.append(chat)
            for chat in chats:
                await chat.say("hej")
                await chat.say("hej igen")
            said = [texts(await chat.answer(quiet=3)) for chat in chats]
            return session["session_id"], "\n".join(said)
        finally:
            for chat in chats:
                await chat.close()

    session_id, said = asyncio.run(run())
    assert TOO_FAST in said
    assert len(user_messages(servers, session_id)) <= BURST
