"""Serves the intranet page, its chat widget, the tree diagram and the guidance page
(/vagledning.html, built from content/guidance_index.yml, which citations link to), on loopback.

Only a fixed set of files is served (never web/node_modules or anything else
in the repository). The page is told where the Rasa server is by filling in
the widget's `data-server` attribute, and its Content-Security-Policy allows
scripts and styles from this server only and connections to that Rasa server.

A client that is slow to send its request (or sends nothing) is cut off after
--timeout seconds, and at most --max-connections are served at once; the next
one gets a short Swedish 503 at once, so a handful of idle sockets cannot tie up
a thread each without end.

    python -m scripts.web_server --port 8080 --rasa-url http://127.0.0.1:5005
"""

from __future__ import annotations

import argparse
import socket
import sys
import threading
from functools import cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from asf.guidance import page
from asf.guidance.loader import default_tree

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "web"
PLACEHOLDER = "__ASF_RASA_URL__"

# URL path -> (file, content type). The widget's own files may be embedded by other intranets.
FILES: dict[str, tuple[Path, str]] = {
    "/index.html": (WEB / "index.html", "text/html; charset=utf-8"),
    "/chat.js": (WEB / "chat.js", "text/javascript; charset=utf-8"),
    "/chat.css": (WEB / "chat.css", "text/css; charset=utf-8"),
    "/page.css": (WEB / "page.css", "text/css; charset=utf-8"),
    "/vendor/socket.io.min.js": (WEB / "vendor" / "socket.io.min.js", "text/javascript; charset=utf-8"),
    "/vendor/socket.io-client.LICENSE": (WEB / "vendor" / "socket.io-client.LICENSE", "text/plain; charset=utf-8"),
    "/beslutstrad.svg": (ROOT / "docs" / "beslutstrad.svg", "image/svg+xml"),
}
ALIASES = {"/": "/index.html"}
DEFAULT_TIMEOUT = 10.0  # seconds a client may take to send its request (and to read the answer)
DEFAULT_MAX_CONNECTIONS = 64
BUSY = (
    b"HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 5\r\n"
    b"Connection: close\r\n\r\n" + "Sidan har för många besökare just nu. Försök igen om en stund.\n".encode()
)
# URL path -> the page, built once from the guidance index (asf/guidance/page.py).
GENERATED = {"/vagledning.html": "text/html; charset=utf-8"}


@cache
def generated(path: str) -> bytes:
    """A page built from content/, not read from a file."""
    if path == "/vagledning.html":
        return page.html(default_tree().index, home="./").encode("utf-8")
    raise KeyError(path)


def resolve(path: str, rasa_url: str) -> tuple[str, bytes] | None:
    """What a URL path serves: (content type, body), or None for anything not on the list."""
    path = ALIASES.get(path, path)
    if path in GENERATED:
        return GENERATED[path], generated(path)
    entry = FILES.get(path)
    if entry is None or not entry[0].is_file():
        return None
    file, content_type = entry
    body = file.read_bytes()
    if file.name == "index.html":
        body = body.replace(PLACEHOLDER.encode(), rasa_url.encode())
    return content_type, body


def page_policy(rasa_url: str) -> str:
    """CSP for the page: own scripts and styles, connections only to the Rasa server."""
    parts = urlsplit(rasa_url)
    socket_scheme = "wss" if parts.scheme == "https" else "ws"
    rasa = f"{parts.scheme}://{parts.netloc} {socket_scheme}://{parts.netloc}"
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        f"connect-src {rasa}; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
    )


def make_handler(rasa_url: str, timeout: float = DEFAULT_TIMEOUT) -> type[BaseHTTPRequestHandler]:
    policy = page_policy(rasa_url)
    socket_timeout = None if timeout <= 0 else timeout

    class Handler(BaseHTTPRequestHandler):
        server_version = "asf-web"
        sys_version = ""
        # A socket timeout: reading a request line or header that does not come ends the connection.
        timeout = socket_timeout

        def do_GET(self) -> None:
            self._serve(with_body=True)

        def do_HEAD(self) -> None:
            self._serve(with_body=False)

        def _serve(self, with_body: bool) -> None:
            found = resolve(urlsplit(self.path).path, rasa_url)
            if found is None:
                body = b"Sidan finns inte.\n"
                self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", body, with_body)
                return
            content_type, body = found
            self._send(HTTPStatus.OK, content_type, body, with_body)

        def _send(self, status: HTTPStatus, content_type: str, body: bytes, with_body: bool) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            if content_type.startswith("text/html"):
                self.send_header("Content-Security-Policy", policy)
            elif content_type.startswith("image/svg"):
                self.send_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
            else:
                # The widget may be embedded on another intranet's page.
                self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            if with_body:
                self.wfile.write(body)

    return Handler


class PageServer(ThreadingHTTPServer):
    """ThreadingHTTPServer with a cap on connections served at once."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler], max_connections: int) -> None:
        self._slots = threading.BoundedSemaphore(max_connections)
        super().__init__(address, handler)

    def process_request(self, request: socket.socket, client_address: tuple[str, int]) -> None:  # type: ignore[override]
        if not self._slots.acquire(blocking=False):
            try:
                request.settimeout(1)
                request.sendall(BUSY)
            except OSError:
                pass
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except Exception:
            self._slots.release()
            raise

    def process_request_thread(self, request: socket.socket, client_address: tuple[str, int]) -> None:  # type: ignore[override]
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()


def make_server(
    host: str,
    port: int,
    rasa_url: str,
    timeout: float = DEFAULT_TIMEOUT,
    max_connections: int = DEFAULT_MAX_CONNECTIONS,
) -> PageServer:
    return PageServer((host, port), make_handler(rasa_url.rstrip("/"), timeout), max_connections)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serves the intranet page.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--rasa-url", required=True, help="the Rasa server as the browser reaches it")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds a client may take")
    parser.add_argument("--max-connections", type=int, default=DEFAULT_MAX_CONNECTIONS)
    args = parser.parse_args(argv)
    if not (WEB / "vendor" / "socket.io.min.js").is_file():
        missing = "FEL: web/vendor/socket.io.min.js saknas; den hör till git. Hämta den med 'git checkout web/vendor'."
        print(missing, file=sys.stderr)
        return 1
    server = make_server(args.host, args.port, args.rasa_url, args.timeout, args.max_connections)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
