"""Admission control over the real servers, with room for one turn at a time (ASF_MAX_TURNS_IN_FLIGHT=1).

A background client keeps that one place taken, turn after turn, as a crowd would. A REST
message then gets 429 with Retry-After and nothing of it is stored, so the same message sent
again after the wait is stored once. The web chat gets a `busy` event with its message, and the
page in headless Chromium shows that it will try again, does so by itself, and the message is
shown once and stored once.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from playwright.sync_api import BrowserContext, Page, expect

from channels.core.guard import BUSY
from channels.rest import namespaced
from devtools.servers import Servers, running_servers
from tests.system.browser import WAIT_MS, chromium
from tests.system.webchat import Chat

pytestmark = pytest.mark.servers

BUSY_STATUS = "Många frågar just nu – jag skickar ditt meddelande igen om några sekunder …"


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    with running_servers(tmp_path_factory.mktemp("busy"), {"ASF_MAX_TURNS_IN_FLIGHT": "1"}) as started:
        yield started


class Crowd:
    """Keeps the server's one place taken: a REST client that sends again as soon as it has its answer."""

    def __init__(self, servers: Servers) -> None:
        self.servers, self.stop, self.answered = servers, threading.Event(), 0
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        session = requests.Session()
        session.headers.update(self.servers.rest_headers)
        while not self.stop.is_set():
            response = session.post(
                f"{self.servers.rasa_url}/webhooks/rest/webhook", json={"sender": "crowd", "message": "hej"}, timeout=30
            )
            self.answered += response.status_code == 200

    def __enter__(self) -> Crowd:
        self.thread.start()
        while self.answered < 2:  # it is under way
            threading.Event().wait(0.05)
        return self

    def __exit__(self, *_: Any) -> None:
        self.stop.set()
        self.thread.join(60)


def events(servers: Servers, sender: str) -> list[tuple[str, dict[str, Any]]]:
    with sqlite3.connect(servers.log.parent / "tracker.db") as connection:
        rows = connection.execute("select type_name, data from events where sender_id = ? order by id", (sender,))
        return [(kind, json.loads(data)) for kind, data in rows]


def user_texts(servers: Servers, sender: str) -> list[str]:
    return [str(data.get("text")) for kind, data in events(servers, sender) if kind == "user"]


def post(servers: Servers, sender: str, message: str) -> requests.Response:
    return requests.post(
        f"{servers.rasa_url}/webhooks/rest/webhook",
        json={"sender": sender, "message": message},
        headers=servers.rest_headers,
        timeout=30,
    )


def test_rest_gets_429_with_retry_after_and_nothing_is_stored_until_it_is_sent_again(servers: Servers):
    with Crowd(servers):
        for attempt in range(1, 11):  # each try its own conversation, in case one got in between
            sender = f"busy-rest-{attempt}"
            refused = post(servers, sender, "/start_assessment")
            if refused.status_code == 429:
                break
        assert refused.status_code == 429, refused.text
        assert refused.headers["Retry-After"] == "2"
        assert refused.json() == {"error": BUSY}
        assert events(servers, namespaced(sender)) == []  # not half-stored: nothing at all
    answered = post(servers, sender, "/start_assessment")
    assert answered.status_code == 200
    assert "Vem är insatsen till för i första hand" in json.dumps(answered.json(), ensure_ascii=False)
    assert user_texts(servers, namespaced(sender)) == ["/start_assessment"]


def test_the_web_chat_is_told_busy_with_its_message_and_nothing_is_stored(servers: Servers):
    async def first_of(*queues: asyncio.Queue[dict[str, Any]]) -> dict[str, Any]:
        waiting = [asyncio.ensure_future(queue.get()) for queue in queues]
        done, pending = await asyncio.wait(waiting, timeout=30, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        return done.pop().result()

    async def run() -> tuple[dict[str, Any], str, str]:
        chat = Chat(servers.rasa_url)
        busy: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        chat.client.on("busy", busy.put)
        await chat.connect()
        session = (await chat.session())["session_id"]
        with Crowd(servers):
            for attempt in range(1, 11):  # each try its own text, in case one got in between
                text = f"Vi vill stötta ett socialt företag, del {attempt}"
                await chat.say(text)
                got = await first_of(busy, chat.replies)
                if "retry_after" in got:
                    break
                await chat.silence(1.5)  # the rest of that answer
        await chat.close()
        return got, text, session

    got, text, session = asyncio.run(run())
    assert got == {"text": BUSY, "retry_after": 2, "message": text}
    assert text not in user_texts(servers, session)


@pytest.fixture(scope="module")
def browser() -> Iterator[BrowserContext]:
    with chromium() as context:
        yield context


@pytest.fixture
def page(browser: BrowserContext, servers: Servers) -> Iterator[Page]:
    tab = browser.new_page()
    tab.goto(servers.web_url + "/")
    expect(tab.get_by_role("log", name="Samtalet")).to_contain_text("Hej! Jag hjälper dig")
    yield tab
    tab.close()


def test_the_page_says_it_will_try_again_and_does_so_by_itself(page: Page, servers: Servers):
    status = page.get_by_role("status")
    field = page.get_by_label("Ditt meddelande")
    with Crowd(servers):
        for attempt in range(1, 11):  # each try its own text, in case one got in between
            text = f"Vi vill stötta ett socialt företag, del {attempt}"
            field.fill(text)
            field.press("Enter")
            try:
                expect(status).to_have_text(BUSY_STATUS, timeout=3000)
                break
            except AssertionError:
                continue
        expect(status).to_have_text(BUSY_STATUS)
        session = json.loads(page.evaluate("Object.values(sessionStorage)[0]"))["session_id"]
        assert text not in user_texts(servers, session)  # refused: nothing of it stored
    # The crowd has gone: the page's own retry goes through, the status clears and the answer comes.
    expect(status).to_have_text("", timeout=WAIT_MS)
    shown = page.get_by_role("log", name="Samtalet").locator("li.asf-user .asf-text")
    expect(shown.last).to_have_text(text)
    expect(page.locator(".asf-log li.asf-bot").last).not_to_be_empty()
    assert shown.all_text_contents().count(text) == 1  # shown once, not again for the retry
    assert user_texts(servers, session).count(text) == 1  # and stored once
