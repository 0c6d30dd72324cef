"""The intranet page server (scripts/web_server.py) with the page libraries installed from npm."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
import requests

from devtools.servers import ROOT
from scripts.web_server import make_server

TIMEOUT = 1.0  # the fixture's client timeout, short so the tests are quick
MAX_CONNECTIONS = 3


@pytest.fixture
def page_server() -> Iterator[str]:
    server = make_server("127.0.0.1", 0, "http://127.0.0.1:5999", timeout=TIMEOUT, max_connections=MAX_CONNECTIONS)
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


def test_page_server_serves_the_guidance_page_under_its_policy(page_server: str):
    response = requests.get(page_server + "/vagledning.html", timeout=5)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert 'id="undvik-punkt-2"' in response.content.decode("utf-8")


@pytest.mark.parametrize(
    # "/../README.md" and the like are sent raw below: requests would normalise them before sending.
    "path",
    ["/package.json", "/node_modules/axe-core/axe.min.js", "/web/index.html", "/x"],
)
def test_page_server_serves_nothing_else(page_server: str, path: str):
    response = requests.get(page_server + path, timeout=5)
    assert response.status_code == 404
    assert response.text == "Sidan finns inte.\n"


def raw_get(server: str, target: str) -> bytes:
    """A request line sent as written: requests (urllib3) would normalise "/../x" to "/x" before sending."""
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as connection:
        connection.sendall(f"GET {target} HTTP/1.0\r\nHost: {host}\r\n\r\n".encode())
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


@pytest.mark.parametrize(
    "target",
    [
        "/../README.md",
        "/web/../README.md",
        "/..%2fREADME.md",
        "/%2e%2e/README.md",
        "/chat.js/../../README.md",
        "//etc/passwd",
    ],
)
def test_traversal_sent_raw_finds_nothing(page_server: str, target: str):
    answer = raw_get(page_server, target)
    assert answer.startswith(b"HTTP/1.0 404"), answer[:80]
    assert b"Sidan finns inte." in answer and b"# " not in answer


def test_a_client_that_never_finishes_its_request_is_cut_off(page_server: str):
    host, port = page_server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=TIMEOUT + 5) as slow:
        slow.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # and never the blank line that ends the headers
        started = time.monotonic()
        assert slow.recv(1024) == b""  # the server closed the connection
        assert time.monotonic() - started < TIMEOUT + 3


def test_connections_beyond_the_cap_get_a_swedish_503_and_the_page_works_again_after(page_server: str):
    host, port = page_server.removeprefix("http://").split(":")
    idle = [socket.create_connection((host, int(port)), timeout=5) for _ in range(MAX_CONNECTIONS)]
    try:
        for connection in idle:
            connection.sendall(b"GET / HTTP/1.1\r\n")
        time.sleep(0.2)  # the server has taken them
        busy = requests.get(page_server + "/", timeout=5)
        assert busy.status_code == 503
        assert "Försök igen om en stund" in busy.content.decode("utf-8")
    finally:
        for connection in idle:
            connection.close()
    time.sleep(0.3)
    assert requests.get(page_server + "/", timeout=5).status_code == 200


def test_page_libraries_install_is_a_no_op_when_the_lock_did_not_change():
    import subprocess

    first = subprocess.run(["bash", "scripts/web_vendor.sh"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    again = subprocess.run(["bash", "scripts/web_vendor.sh"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0 and "Installerar" not in again.stderr
    # The committed copy is the file npm installed and checked against the lock's integrity hash.
    vendored = (ROOT / "web" / "vendor" / "socket.io.min.js").read_bytes()
    assert len(vendored) > 10_000
    assert vendored == (ROOT / "web" / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js").read_bytes()
