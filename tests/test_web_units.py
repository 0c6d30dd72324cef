"""The web chat's parts without Rasa: signed sessions, the REST token check and the page server."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import ThreadingHTTPServer

import pytest
import requests

from channels import sessions
from channels.rest_channel import NOT_CONFIGURED, RESERVED_SENDER, WRONG_TOKEN, refusal
from scripts.web_server import make_handler

SECRET = b"a test secret that is long enough"


def test_a_new_session_verifies_only_with_its_own_token():
    session_id, token = sessions.new_session(SECRET)
    other_id, other_token = sessions.new_session(SECRET)
    assert session_id != other_id and session_id.startswith("web-")
    assert sessions.is_valid(SECRET, session_id, token)
    assert not sessions.is_valid(SECRET, session_id, None)  # a copied id alone
    assert not sessions.is_valid(SECRET, session_id, other_token)  # someone else's token
    assert not sessions.is_valid(SECRET, session_id, token[:-1] + ("0" if token[-1] != "0" else "1"))
    assert not sessions.is_valid(b"another secret", session_id, token)  # after a restart with a new secret
    assert not sessions.is_valid(SECRET, "rest-user", sessions.sign(SECRET, "rest-user", int(time.time())))


def test_a_token_resumes_its_conversation_only_for_a_limited_time():
    issued = 1_800_000_000
    session_id, token = sessions.new_session(SECRET, now=issued)
    assert sessions.is_valid(SECRET, session_id, token, now=issued + 3600, max_age=12 * 3600)
    assert not sessions.is_valid(SECRET, session_id, token, now=issued + 12 * 3600 + 1, max_age=12 * 3600)
    assert not sessions.is_valid(SECRET, session_id, token, now=issued - 60)  # issued in the future
    # The time is part of what is signed: moving it forward breaks the signature.
    later = str(issued + 3600) + token[token.index(".") :]
    assert not sessions.is_valid(SECRET, session_id, later, now=issued + 3600)
    assert not sessions.is_valid(SECRET, session_id, "not-a-number." + token.split(".")[1], now=issued)


def test_the_session_lifetime_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ASF_SESSION_HOURS", "0.5")
    assert sessions.max_age_from_environment() == 1800
    monkeypatch.delenv("ASF_SESSION_HOURS")
    assert sessions.max_age_from_environment() == 12 * 3600


def test_the_secret_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ASF_SESSION_SECRET", "from-env")
    assert sessions.secret_from_environment() == b"from-env"
    monkeypatch.delenv("ASF_SESSION_SECRET")
    assert sessions.secret_from_environment() != sessions.secret_from_environment()  # random per start


@pytest.mark.parametrize(
    ("configured", "header", "sender", "expected"),
    [
        ("", "Bearer anything", "a", (403, NOT_CONFIGURED)),
        ("", None, "a", (403, NOT_CONFIGURED)),
        ("s3cret", None, "a", (401, WRONG_TOKEN)),
        ("s3cret", "Bearer wrong", "a", (401, WRONG_TOKEN)),
        ("s3cret", "s3cret", "a", (401, WRONG_TOKEN)),  # no scheme
        ("s3cret", "Basic s3cret", "a", (401, WRONG_TOKEN)),
        ("s3cret", "Bearer s3cret", "web-0123", (403, RESERVED_SENDER)),
        ("s3cret", "Bearer s3cret", "crm-42", None),
        ("s3cret", "bearer s3cret", None, None),
    ],
)
def test_rest_token_check(configured: str, header: str | None, sender: object, expected: object):
    assert refusal(configured, header, sender) == expected


def test_refusals_are_swedish_and_say_what_to_do():
    assert "ASF_REST_TOKEN" in NOT_CONFIGURED and "avstängd" in NOT_CONFIGURED
    assert "Authorization: Bearer" in WRONG_TOKEN


@pytest.fixture
def page_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler("http://127.0.0.1:5999"))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_page_is_told_where_rasa_is_and_may_connect_only_there(page_server: str):
    page = requests.get(page_server + "/", timeout=5)
    assert page.status_code == 200
    html = page.content.decode("utf-8")
    assert 'data-server="http://127.0.0.1:5999"' in html and "__ASF_RASA_URL__" not in html
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "connect-src http://127.0.0.1:5999 ws://127.0.0.1:5999" in policy
    assert page.headers["X-Content-Type-Options"] == "nosniff"


def test_page_server_serves_the_widget_the_vendor_library_and_the_tree(page_server: str):
    for path, kind in [
        ("/chat.js", "text/javascript"),
        ("/chat.css", "text/css"),
        ("/vendor/socket.io.min.js", "text/javascript"),
        ("/beslutstrad.svg", "image/svg+xml"),
    ]:
        response = requests.get(page_server + path, timeout=5)
        assert response.status_code == 200, path
        assert response.headers["Content-Type"].startswith(kind)
    svg = requests.get(page_server + "/beslutstrad.svg", timeout=5).text
    assert "<title>Beslutsträdet" in svg


@pytest.mark.parametrize(
    "path", ["/package.json", "/node_modules/axe-core/axe.min.js", "/../README.md", "/web/index.html", "/x"]
)
def test_page_server_serves_nothing_else(page_server: str, path: str):
    response = requests.get(page_server + path, timeout=5)
    assert response.status_code == 404
    assert response.text == "Sidan finns inte.\n"


def test_page_libraries_install_is_a_no_op_when_the_lock_did_not_change():
    import subprocess

    from tests.servers import ROOT

    first = subprocess.run(["bash", "scripts/web_vendor.sh"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    again = subprocess.run(["bash", "scripts/web_vendor.sh"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0 and "Installerar" not in again.stderr
    assert (ROOT / "web" / "vendor" / "socket.io.min.js").stat().st_size > 10_000
