"""The intranet page and socket.io against real servers, the page in headless Chromium.

The servers here run with no REST token configured and the HTTP API switched on
with a token, the opposite of tests/system/test_servers.py, so both refusals are seen.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests
from playwright.sync_api import BrowserContext, Page, expect

from asf.guidance.engine import walk
from asf.guidance.loader import default_tree
from asf.guidance.progress import progress
from devtools.servers import ROOT, Servers, running_servers
from tests.system.browser import chromium
from tests.system.webchat import Chat, texts

pytestmark = pytest.mark.servers

# A URL-safe token may begin with "-" (one in 64 does), which Rasa's command line once took for an option and
# refused to start (a CI run): this one always does.
API_TOKEN = "-" + secrets.token_urlsafe(16)
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOT = ROOT / "docs" / "skarmbild-intranat.png"
# The answers to reach "kan finansieras på villkor" (outcome individ_via_part), as the buttons say them.
BUTTON_PATH = [
    "Bedöm en insats",
    "Deltagare: personer som behöver stöd för att kunna få eller behålla ett arbete",
    "Ja",
    "En handledare som stöttar dem på ett socialt företag",
    "Hos en av parterna",
    "Kommunen",
    "Via kommunen",
]


class OtherIntranet(BaseHTTPRequestHandler):
    """A page on another origin; its HTML is set once the servers' addresses are known."""

    html = b""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(self.html)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def other_intranet_server() -> Iterator[str]:
    """Started before the servers, so that its origin can be on the allow-list (ASF_ALLOWED_ORIGINS)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), OtherIntranet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory, other_intranet_server: str) -> Iterator[Servers]:
    env = {"ASF_REST_TOKEN": "", "ASF_API_TOKEN": API_TOKEN, "ASF_ALLOWED_ORIGINS": other_intranet_server}
    with running_servers(tmp_path_factory.mktemp("web"), env) as started:
        yield started


@pytest.fixture(scope="module")
def browser() -> Iterator[BrowserContext]:
    with chromium(viewport={"width": 1100, "height": 900}) as context:
        yield context


@pytest.fixture
def page(browser: BrowserContext, servers: Servers) -> Iterator[Page]:
    tab = browser.new_page()
    errors: list[str] = []
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.goto(servers.web_url + "/")
    expect(log(tab)).to_contain_text("Hej! Jag hjälper dig")
    yield tab
    tab.close()
    assert errors == []  # no blocked scripts, failed requests or script errors


def log(page: Page) -> Any:
    return page.get_by_role("log", name="Samtalet")


def wait_for_reply(page: Page, shown: int) -> None:
    """Waits until the bot has answered the message shown as item number `shown` + 1."""
    page.wait_for_function(
        "n => document.querySelectorAll('.asf-log > ol > li').length > n && "
        "document.querySelector('.asf-log > ol > li:last-child').classList.contains('asf-bot')",
        arg=shown + 1,
    )


def click_answer(page: Page, title: str) -> None:
    """Clicks the newest button with this title (older messages keep theirs) and waits for the reply."""
    shown = messages(page).count()
    log(page).get_by_role("button", name=title, exact=True).last.click()
    wait_for_reply(page, shown)


def messages(page: Page) -> Any:
    """The conversation's messages (not the lists inside a result)."""
    return log(page).locator(":scope > ol > li")


def user_said(page: Page) -> Any:
    return log(page).locator("li.asf-user .asf-text").last


def session_id(page: Page) -> str:
    stored = page.evaluate("Object.keys(sessionStorage).map(k => sessionStorage.getItem(k))")
    return str(json.loads(stored[0])["session_id"])


# --- REST and the HTTP API --------------------------------------------------------


def test_rest_refuses_everything_when_no_token_is_configured(servers: Servers):
    for headers in ({}, {"Authorization": "Bearer something"}):
        response = requests.post(
            servers.rasa_url + "/webhooks/rest/webhook", json={"sender": "x", "message": "hej"}, headers=headers
        )
        assert response.status_code == 403
        assert "ingen token är inställd" in response.json()["error"]


def test_http_api_answers_only_with_its_token(servers: Servers):
    for method, path, body in (("GET", "/conversations/x/tracker", None), ("POST", "/model/parse", {"text": "hej"})):
        refused = requests.request(method, servers.rasa_url + path, json=body, timeout=30)
        assert refused.status_code == 401, path
        allowed = requests.request(method, servers.rasa_url + path, json=body, params={"token": API_TOKEN}, timeout=30)
        assert allowed.status_code == 200, path


# --- socket.io --------------------------------------------------------------------


def stored_texts(servers: Servers, sender: str) -> str:
    with sqlite3.connect(Path(servers.log).parent / "tracker.db") as connection:
        return " ".join(row[0] for row in connection.execute("select data from events where sender_id = ?", (sender,)))


def test_socketio_conversation_cannot_be_joined_with_a_copied_session_id(servers: Servers):
    async def scenario() -> None:
        owner, intruder = Chat(servers.rasa_url), Chat(servers.rasa_url)
        await owner.connect()
        mine = await owner.session()
        assert mine["resumed"] is False and mine["session_id"].startswith("web-")
        await owner.say("/start_assessment")
        assert "Vem är insatsen till för i första hand" in texts(await owner.answer())

        await intruder.connect()
        await intruder.say("meddelande före sessionen")  # no session on this socket: ignored
        assert await intruder.silence(3) == []
        for token in (None, "f" * 64, mine["session_token"][::-1]):
            other = await intruder.session(mine["session_id"], token)
            assert other["session_id"] != mine["session_id"] and other["resumed"] is False
        await intruder.say("inkraktaren skriver", session_id=mine["session_id"])
        await intruder.answer()  # the intruder talks in its own, new conversation
        assert await owner.silence(2) == []

        await owner.say('/inform{"question":"vem","choice":"deltagare"}')
        assert "Finsams målgrupp" in texts(await owner.answer())
        assert "Finsams målgrupp" not in texts(await intruder.silence(1))
        await owner.close()
        await intruder.close()
        assert "inkraktaren" not in stored_texts(servers, mine["session_id"])
        assert "inkraktaren" in stored_texts(servers, other["session_id"])
        assert mine["session_token"] not in servers.log_text()  # the id is logged, the token never

    asyncio.run(scenario())


def test_socketio_conversation_resumes_with_id_and_token(servers: Servers):
    async def scenario() -> None:
        first = Chat(servers.rasa_url)
        await first.connect()
        mine = await first.session()
        await first.say("/start_assessment")
        await first.answer()
        await first.close()

        again = Chat(servers.rasa_url)  # as after a page reload
        await again.connect()
        resumed = await again.session(mine["session_id"], mine["session_token"])
        assert resumed == {**mine, "resumed": True}
        await again.say('/inform{"question":"vem","choice":"deltagare"}')
        assert "Finsams målgrupp" in texts(await again.answer())  # the same conversation goes on
        await again.close()

    asyncio.run(scenario())


def test_socketio_masks_personal_data_and_sends_the_result_payload(servers: Servers):
    async def scenario() -> str:
        chat = Chat(servers.rasa_url)
        await chat.connect()
        mine = await chat.session()
        await chat.say("Kan Eva 19850312-1234 få arbetsträning?")
        assert "Jag tog bort det som såg ut som ett personnummer" in texts(await chat.answer())
        await chat.say("/start_assessment")
        await chat.answer()
        results = []
        for question, choice in ANSWER_IDS:
            await chat.say(f'/inform{{"question":"{question}","choice":"{choice}"}}')
            results += [reply["custom"] for reply in await chat.answer() if "custom" in reply]
        await chat.close()
        assert [r["verdict"] for r in results] == ["conditional"]
        return str(mine["session_id"])

    session = asyncio.run(scenario())
    stored = stored_texts(servers, session)
    assert "[personnummer]" in stored and "19850312" not in stored


# --- The page in Chromium -----------------------------------------------------------


# The answers BUTTON_PATH gives, in the tree's ids: for the progress the page should show.
ANSWER_IDS = [
    ("vem", "deltagare"),
    ("malgrupp", "ja"),
    ("insats_typ", "handledare"),
    ("handledare_anstalld", "hos_part"),
    ("utforare", "kommunen"),
    ("pengavag", "via_part"),
]


def expected_progress(answered: int) -> str:
    tree = default_tree()
    step = progress(tree, walk(tree, dict(ANSWER_IDS[:answered])))
    assert step is not None
    return step.text


def take_screenshot(page: Page) -> bytes:
    """The last question with its buttons and the result with its follow-up buttons, in one picture.

    The log scrolls inside the page, so for the picture it is shown at its full height and the
    picture is cut from the last question to the message field."""
    page.evaluate("Object.assign(document.querySelector('.asf-log').style, {maxHeight: 'none', overflow: 'visible'})")
    clip = page.evaluate(
        """() => {
             const page = (e) => { const r = e.getBoundingClientRect();
               return {x: r.left + scrollX, y: r.top + scrollY, bottom: r.bottom + scrollY, width: r.width}; };
             const asked = [...document.querySelectorAll('.asf-log > ol > li')]
               .filter(li => li.querySelector('.asf-progress'));
             const top = page(asked[asked.length - 1]), widget = page(document.querySelector('.asf-chat'));
             const end = page(document.querySelector('.asf-composer'));
             return {x: widget.x - 8, y: top.y - 8, width: widget.width + 16, height: end.bottom - top.y + 16};
           }"""
    )
    shot = page.screenshot(clip=clip, full_page=True)
    page.evaluate("document.querySelector('.asf-log').removeAttribute('style')")  # the log scrolls again
    return shot


def test_page_completes_an_assessment_and_keeps_it_across_a_reload(page: Page):
    for number, title in enumerate(BUTTON_PATH):
        click_answer(page, title)
        if number < len(ANSWER_IDS):  # each question says how far the assessment has come
            expect(messages(page).last.locator(".asf-progress")).to_have_text(expected_progress(number))
    result = log(page).locator(".asf-result").last
    expect(result.get_by_role("heading", level=3)).to_have_text("Förbundet kan finansiera insatsen på villkor.")
    expect(result).to_contain_text("Skäl")
    expect(result).to_contain_text("Villkor")
    expect(result).to_contain_text("Vägledningen, ”")  # citations, as the guidance names its sections
    expect(result.locator(".asf-cite").first).to_be_visible()
    with_result = messages(page).filter(has=page.locator(".asf-result")).last
    expect(with_result.get_by_role("button", name="Beslutsunderlag")).to_be_visible()  # follow-up buttons
    expect(messages(page).last).to_contain_text("Hade du nytta av bedömningen?")  # then the feedback question
    expect(messages(page).last.get_by_role("button", name="Ja", exact=True)).to_be_visible()
    shot = take_screenshot(page)
    assert shot.startswith(b"\x89PNG") and len(shot) > 20_000
    if os.environ.get("UPDATE_SCREENSHOT"):
        SCREENSHOT.write_bytes(shot)
    click_answer(page, "Beslutsunderlag")
    memo = log(page).locator(".asf-memo").last
    expect(memo.get_by_role("heading", level=3)).to_have_text("Beslutsunderlag: Insats för deltagare genom en part")
    expect(memo.locator("strong").first).to_have_text("Vem är insatsen till för i första hand?")
    for markup in ("**", "## ", "](", "*("):  # formatted, never raw Markdown
        expect(log(page)).not_to_contain_text(markup)
    for kind in ("pdf", "docx", "md"):
        link = memo.locator(f'a[download$=".{kind}"]')
        expect(link).to_have_attribute("download", re.compile(rf"^beslutsunderlag-[0-9-]+-individ_via_part\.{kind}$"))
    cited = memo.locator("a[target=_blank]")
    assert cited.count() > 5
    for href in cited.evaluate_all("links => links.map(a => a.getAttribute('href'))"):
        assert re.fullmatch(r"/vagledning\.html#[a-z0-9-]+", href), href
    if os.environ.get("UPDATE_SCREENSHOT"):
        memo.screenshot(path=str(ROOT / "var" / "memo-on-the-page.png"))

    before, shown = session_id(page), messages(page).count()
    page.reload()
    expect(messages(page)).to_have_count(shown)
    expect(log(page).locator(".asf-result h3")).to_have_text("Förbundet kan finansiera insatsen på villkor.")
    assert session_id(page) == before
    click_answer(page, "Visa sammanfattning")  # the server still has the conversation
    expect(messages(page).last).to_contain_text("6. Hur pengarna ska gå: Via kommunen")


def test_restart_control_starts_a_new_conversation(page: Page):
    click_answer(page, "Bedöm en insats")
    before = session_id(page)
    page.get_by_role("button", name="Börja om", exact=True).first.click()
    expect(page.get_by_role("status")).to_have_text("Ett nytt samtal har börjat.")
    expect(messages(page)).to_have_count(1)
    expect(log(page)).to_contain_text("Hej! Jag hjälper dig")
    assert session_id(page) != before


def test_page_works_with_the_keyboard_alone(page: Page):
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Hoppa till chatten")).to_be_focused()
    page.keyboard.press("Enter")
    field = page.get_by_label("Ditt meddelande")
    expect(field).to_be_focused()
    shown = messages(page).count()
    page.keyboard.type("Vad kan du?")
    page.keyboard.press("Enter")
    expect(user_said(page)).to_have_text("Vad kan du?")
    wait_for_reply(page, shown)
    page.keyboard.press("Shift+Tab")  # from the field back to the newest message's last button
    focused = page.evaluate(
        "() => { const e = document.activeElement, s = getComputedStyle(e);"
        " return [e.tagName, e.textContent, s.outlineStyle, parseFloat(s.outlineWidth)]; }"
    )
    assert focused[0] == "BUTTON" and focused[2] == "solid" and focused[3] >= 2  # visible focus
    page.keyboard.press("Enter")
    expect(user_said(page)).to_have_text(focused[1])


def focus_button(page: Page, title: str) -> None:
    """From the message field, Shift+Tab back through the newest buttons to the one with this title."""
    page.get_by_label("Ditt meddelande").focus()
    for _ in range(12):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.textContent") == title:
            return
    raise AssertionError(f"no button {title!r} within reach of the keyboard")


def test_an_assessment_and_a_description_with_the_keyboard_alone(page: Page):
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Hoppa till chatten"
    for number, title in enumerate(BUTTON_PATH[:3]):
        shown = messages(page).count()
        focus_button(page, title)
        page.keyboard.press("Enter")
        wait_for_reply(page, shown)
        expect(user_said(page)).to_have_text(title)
        expect(messages(page).last.locator(".asf-progress")).to_have_text(expected_progress(number))
    # A description over several lines: Shift+Enter is a new line, Enter sends it all.
    field = page.get_by_label("Ditt meddelande")
    field.focus()
    page.keyboard.type("Första raden.")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("Andra raden.")
    expect(field).to_have_value("Första raden.\nAndra raden.")
    shown = messages(page).count()
    page.keyboard.press("Enter")
    expect(user_said(page)).to_have_text("Första raden.\nAndra raden.")
    expect(field).to_have_value("")
    expect(field).to_be_focused()
    wait_for_reply(page, shown)
    assert page.evaluate("document.getElementById('asf-message').getAttribute('aria-describedby')") == (
        "asf-message-help"
    )
    expect(page.locator("#asf-message-help")).to_have_text("Enter skickar, Skift+Enter ger en ny rad.")


def test_the_page_shows_that_the_assistant_is_working_until_it_answers(page: Page):
    for title in BUTTON_PATH[:3]:  # enough for the log to scroll
        click_answer(page, title)
    assert page.evaluate("(b => b.scrollHeight > b.clientHeight)(document.querySelector('.asf-log'))")
    typing = log(page).locator(".asf-typing")
    expect(typing).to_be_hidden()
    shown = messages(page).count()
    # Clicked and read in the same task, before any answer can arrive.
    during = page.evaluate(
        """title => {
             const buttons = [...document.querySelectorAll('.asf-buttons button')];
             buttons.filter(b => b.textContent === title).pop().click();
             const box = document.querySelector('.asf-log'), dots = document.querySelector('.asf-typing');
             const seen = dots.getBoundingClientRect().bottom <= box.getBoundingClientRect().bottom + 1;
             return [!dots.hidden, box.getAttribute('aria-busy'), seen];
           }""",
        BUTTON_PATH[3],
    )
    assert during == [True, "true", True]  # shown, and scrolled into view
    wait_for_reply(page, shown)
    expect(typing).to_be_hidden()
    assert page.evaluate("document.querySelector('.asf-log').getAttribute('aria-busy')") is None


def test_nothing_users_or_the_bot_send_becomes_html(page: Page):
    attack = '<img src=x onerror="window.hacked=1"><b>fet</b>'
    page.get_by_label("Ditt meddelande").fill(attack)
    shown = messages(page).count()
    page.get_by_role("button", name="Skicka").click()
    expect(user_said(page)).to_have_text(attack)
    # The reply must be in before the storage is edited: the page saves its own copy when a reply comes.
    wait_for_reply(page, shown)
    # A result and a bot message with markup in every field, rendered by the same code after a reload
    # (the result first: a result's card takes the place of a bot text just before it).
    evil = {"text": attack, "buttons": [{"title": attack, "payload": "/greet"}]}
    field = {"text": attack, "cites": [{"key": "k", "text": attack}]}
    result = {
        "type": "assessment_result",
        "id": attack,
        "verdict": '"><script>window.hacked=1</script>',
        "verdict_text": attack,
        "title": attack,
        "reasons": [field],
        "conditions": [field],
        "route": attack,
        "alternative": attack,
        "next_steps": [attack],
        "cites": [{"key": "k", "text": attack}],
        "sections": [
            {"key": "verdict", "heading": "Bedömning: " + attack, "form": "headline", "items": [{"text": attack}]},
            {"key": attack, "heading": attack, "form": "numbered", "items": [field]},
            {"key": attack, "heading": attack, "form": "paragraph", "items": [{"text": attack}]},
            {"key": attack, "heading": attack, "form": attack, "items": [{"text": attack}]},
        ],
        "note": attack,
    }
    page.evaluate(
        """([evil, result]) => {
             const key = Object.keys(sessionStorage)[0], saved = JSON.parse(sessionStorage.getItem(key));
             saved.items.push({from: "bot", message: {custom: result}}, {from: "bot", message: evil});
             sessionStorage.setItem(key, JSON.stringify(saved));
           }""",
        [evil, result],
    )
    page.reload()
    expect(log(page).locator(".asf-result h3")).to_have_text("Bedömning: " + attack)
    assert log(page).locator("img, b, script").count() == 0
    assert page.evaluate("window.hacked") is None
    expect(log(page).get_by_role("button", name=attack)).to_be_visible()
    expect(log(page).locator(".asf-bot > .asf-text").last).to_have_text(attack)


def test_the_result_card_shows_the_payloads_sections_in_their_order_in_place_of_its_text(page: Page):
    # No "Bedömning:" in the text: the card is found by the payload's type and replaces the text before it.
    text = {"text": "Resultatet i text", "buttons": [{"title": "Ny bedömning", "payload": "/start_assessment"}]}
    result = {
        "type": "assessment_result",
        "id": "r1",
        "verdict": "financeable",
        "sections": [
            {"key": "next_steps", "heading": "Först detta", "form": "bullets", "items": [{"text": "Ett steg"}]},
            {"key": "verdict", "heading": "Utfallet", "form": "headline", "items": [{"text": "Rubriken"}]},
            {"key": "route", "heading": "Sedan detta", "form": "paragraph", "items": [{"text": "Vägen"}]},
            {"key": "reasons", "heading": "Sist detta", "form": "numbered", "items": [{"text": "Ett skäl"}]},
        ],
    }
    page.evaluate(
        """([text, result]) => {
             const key = Object.keys(sessionStorage)[0], saved = JSON.parse(sessionStorage.getItem(key));
             saved.items.push({from: "bot", message: text}, {from: "bot", message: {custom: result}});
             sessionStorage.setItem(key, JSON.stringify(saved));
           }""",
        [text, result],
    )
    page.reload()
    card = messages(page).last.locator(".asf-result")
    expect(card.locator("h3")).to_have_text("Utfallet")
    expect(card.locator("h3, h4")).to_have_text(["Först detta", "Utfallet", "Sedan detta", "Sist detta"])
    expect(card.locator("ol > li")).to_have_text("Ett skäl")
    expect(messages(page).last.get_by_role("button", name="Ny bedömning")).to_be_visible()
    expect(log(page)).not_to_contain_text("Resultatet i text")


def test_page_has_no_accessibility_violations(page: Page, servers: Servers):
    for title in [*BUTTON_PATH, "Beslutsunderlag"]:  # the result card and the memo are the richest parts
        click_answer(page, title)
    # axe-core from npm, served as if from the page's own origin (its policy allows only that).
    page.route("**/axe.min.js", lambda route: route.fulfill(path=str(AXE), content_type="text/javascript"))
    page.add_script_tag(url=servers.web_url + "/axe.min.js")
    results = page.evaluate(
        "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']})"
    )
    assert results["passes"], "axe ran no checks"
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in results["violations"]]
    assert bad == []  # none at all, minor and moderate included


def test_tree_diagram_is_reachable_from_the_page(page: Page):
    with page.expect_response("**/beslutstrad.svg") as reached:
        page.get_by_role("link", name="beslutsträdet som bild (SVG)").click()
    response = reached.value
    assert response.status == 200 and response.headers["content-type"] == "image/svg+xml"
    assert "<title>Beslutsträdet" in response.text()


@pytest.fixture
def other_intranet(servers: Servers, other_intranet_server: str) -> str:
    """A page on another origin that embeds the widget with one script tag, as the README shows."""
    OtherIntranet.html = (
        '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Annat intranät</title>'
        '<link rel="icon" href="data:,"></head><body><main><h1>Annat intranät</h1>'
        f'<script src="{servers.web_url}/chat.js" data-server="{servers.rasa_url}"></script>'
        "</main></body></html>"
    ).encode()
    return other_intranet_server + "/"


def test_widget_embeds_on_another_intranet_with_one_script_tag(browser: BrowserContext, other_intranet: str):
    tab = browser.new_page()
    try:
        tab.goto(other_intranet)
        expect(tab.get_by_role("heading", name="Chatt med assistenten")).to_be_visible()
        expect(log(tab)).to_contain_text("Hej! Jag hjälper dig")
        click_answer(tab, "Bedöm en insats")
        expect(log(tab)).to_contain_text("Vem är insatsen till för i första hand")
    finally:
        tab.close()


def test_axe_comes_from_npm_and_the_page_from_vendor_only():
    lock = json.loads((ROOT / "web" / "package-lock.json").read_text(encoding="utf-8"))
    packages = lock["packages"]
    assert packages["node_modules/axe-core"]["version"] == "4.10.3" and AXE.is_file()
    assert packages["node_modules/socket.io-client"]["version"].startswith("4.")
    html = (ROOT / "web" / "index.html").read_text(encoding="utf-8")
    script = (ROOT / "web" / "chat.js").read_text(encoding="utf-8")
    assert "http" not in html.replace("http-equiv", "") and "//cdn" not in script
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
