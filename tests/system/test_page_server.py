"""The intranet page server (scripts/web_server.py) with the page libraries installed from npm."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer

import pytest
import requests

from devtools.servers import ROOT
from scripts.web_server import make_handler


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


def test_page_server_serves_the_guidance_page_under_its_policy(page_server: str):
    response = requests.get(page_server + "/vagledning.html", timeout=5)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert 'id="undvik-punkt-2"' in response.content.decode("utf-8")


@pytest.mark.parametrize(
    "path", ["/package.json", "/node_modules/axe-core/axe.min.js", "/../README.md", "/web/index.html", "/x"]
)
def test_page_server_serves_nothing_else(page_server: str, path: str):
    response = requests.get(page_server + path, timeout=5)
    assert response.status_code == 404
    assert response.text == "Sidan finns inte.\n"


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
