"""Every environment variable the assistant reads, in one place, with its default and type.

Each value is read when it is asked for, not at import, so a test can set a
variable and a server started with different settings sees its own. The docs
for operators list the same variables (tests/unit/test_project.py checks that).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _text(name: str, default: str = "", environ: Mapping[str, str] | None = None) -> str:
    value = (os.environ if environ is None else environ).get(name, "").strip()
    return value or default


def content_dir() -> Path:
    """Where the editors' files live (tree, guidance index, concepts, training cases, messages)."""
    return Path(_text("ASF_CONTENT_DIR", str(ROOT / "content")))


# --- The assistant ------------------------------------------------------------

DEFAULT_CONTACT = "förbundets kansli (kontaktuppgifter finns på förbundets webbplats)"


def contact() -> str:
    """Whom users are told to ask (ASF_CONTACT)."""
    return _text("ASF_CONTACT", DEFAULT_CONTACT)


DEFAULT_GUIDANCE_URL = "/vagledning.html"


def guidance_url() -> str:
    """The guidance page's address, which citations link to with `#anchor` (ASF_GUIDANCE_URL).

    The default is relative to the intranet page; Teams, Slack and the memo link only to an
    absolute http(s) address, so set the page's full address for them."""
    return _text("ASF_GUIDANCE_URL", DEFAULT_GUIDANCE_URL)


# --- Limits for every channel -------------------------------------------------


@dataclass(frozen=True)
class Limits:
    max_chars: int = 2000
    seconds: float = 10.0  # one whole turn, action calls included

    @classmethod
    def from_env(cls) -> Limits:
        return cls(
            max_chars=int(_text("ASF_MAX_MESSAGE_CHARS", str(cls.max_chars))),
            seconds=float(_text("ASF_ACTION_TIMEOUT", str(cls.seconds))),
        )


DEFAULT_TURNS_IN_FLIGHT = 8


def max_turns_in_flight() -> int:
    """How many turns one Rasa server runs at once (ASF_MAX_TURNS_IN_FLIGHT); more are told to come back.

    Turns in flight share the server's CPU, so each takes about this many times as long as alone
    (about 0.1 s on two cores): eight keep a turn well within ASF_ACTION_TIMEOUT on a busy machine."""
    return max(1, int(_text("ASF_MAX_TURNS_IN_FLIGHT", str(DEFAULT_TURNS_IN_FLIGHT))))


@dataclass(frozen=True)
class RateLimit:
    """How many messages one web-chat connection, and one web-chat session, may send."""

    per_minute: float = 60.0  # sustained
    burst: int = 20  # at once, e.g. answers clicked quickly after a pause

    @classmethod
    def from_env(cls) -> RateLimit:
        return cls(
            per_minute=float(_text("ASF_MESSAGES_PER_MINUTE", str(cls.per_minute))),
            burst=int(_text("ASF_MESSAGES_BURST", str(cls.burst))),
        )


def allowed_origins() -> list[str]:
    """The pages whose browsers may open the web chat's socket.io connection (ASF_ALLOWED_ORIGINS).

    Origins such as `https://asf.intranat.example`, separated by commas or spaces. Empty: only the
    Rasa server's own address (scripts/run.sh sets the intranet page's address)."""
    return [origin.rstrip("/") for origin in _text("ASF_ALLOWED_ORIGINS").replace(",", " ").split()]


def action_server_url() -> str | None:
    """The action server's webhook (ACTION_SERVER_URL), probed before a turn."""
    return _text("ACTION_SERVER_URL") or None


# --- Secrets and tokens ------------------------------------------------------

ACTION_TOKEN_VARIABLE = "ACTION_SERVER_TOKEN"
REST_TOKEN_VARIABLE = "ASF_REST_TOKEN"
SESSION_SECRET_VARIABLE = "ASF_SESSION_SECRET"
SESSION_HOURS_VARIABLE = "ASF_SESSION_HOURS"


def action_server_token() -> str:
    """The shared secret Rasa sends to the action server (ACTION_SERVER_TOKEN)."""
    return os.environ.get(ACTION_TOKEN_VARIABLE, "")


def rest_token() -> str:
    """The bearer token the REST channel requires (ASF_REST_TOKEN); empty refuses every request."""
    return os.environ.get(REST_TOKEN_VARIABLE, "")


def session_secret() -> str:
    """The web chat's session-signing secret (ASF_SESSION_SECRET); empty means a random one per start."""
    return os.environ.get(SESSION_SECRET_VARIABLE, "")


def session_hours() -> float | None:
    """How long a web-chat token resumes its conversation (ASF_SESSION_HOURS), None for the default."""
    hours = _text(SESSION_HOURS_VARIABLE)
    return float(hours) if hours else None


# --- Teams ------------------------------------------------------------------


@dataclass(frozen=True)
class TeamsEnvironment:
    app_id: str
    app_password: str
    tenant_id: str
    login_url: str  # test-only overrides: the tests point these at local stand-ins
    openid_url: str


def teams(default_login_url: str, default_openid_url: str) -> TeamsEnvironment | None:
    """Teams settings (TEAMS_APP_ID, TEAMS_APP_PASSWORD, TEAMS_TENANT_ID), or None when not configured."""
    app_id, password = _text("TEAMS_APP_ID"), _text("TEAMS_APP_PASSWORD")
    if not app_id or not password:
        return None
    return TeamsEnvironment(
        app_id=app_id,
        app_password=password,
        tenant_id=_text("TEAMS_TENANT_ID"),
        login_url=_text("TEAMS_LOGIN_URL", default_login_url),
        openid_url=_text("TEAMS_OPENID_URL", default_openid_url),
    )


# --- Slack ------------------------------------------------------------------


@dataclass(frozen=True)
class SlackEnvironment:
    bot_token: str
    signing_secret: str
    api_url: str  # test-only override: the tests point this at a local stand-in
    app_token: str = ""  # an app-level token (xapp-...): Socket Mode, no public https address needed


def slack(default_api_url: str) -> SlackEnvironment:
    """Slack settings (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN); empty values mean not set."""
    return SlackEnvironment(
        bot_token=_text("SLACK_BOT_TOKEN"),
        signing_secret=_text("SLACK_SIGNING_SECRET"),
        api_url=_text("SLACK_API_URL", default_api_url),
        app_token=_text("SLACK_APP_TOKEN"),
    )


def public_url() -> str:
    """The https address Slack and Microsoft reach the Rasa server at (ASF_PUBLIC_URL), for app manifests."""
    return _text("ASF_PUBLIC_URL")


# --- Redis (shared with the lock store in endpoints.yml) ---------------------


@dataclass(frozen=True)
class RedisEnvironment:
    host: str
    port: int
    password: str | None
    db: int


def redis(environ: Mapping[str, str] | None = None) -> RedisEnvironment | None:
    """Redis settings (REDIS_HOST, REDIS_PORT, REDIS_PASSWORD, REDIS_DB), or None without REDIS_HOST."""
    host = _text("REDIS_HOST", environ=environ)
    if not host:
        return None
    return RedisEnvironment(
        host=host,
        port=int(_text("REDIS_PORT", "6379", environ)),
        password=_text("REDIS_PASSWORD", environ=environ) or None,
        db=int(_text("REDIS_DB", "1", environ)),
    )


# --- Storage ----------------------------------------------------------------


def logs_dir() -> Path:
    """The servers' log folder (ASF_LOGS, default var/logs), which the retention purge clears too."""
    return Path(_text("ASF_LOGS", "var/logs"))


def cache_dir() -> Path:
    """Where built artefacts are kept between starts (ASF_CACHE_DIR, default var/cache in the project)."""
    return Path(_text("ASF_CACHE_DIR", str(ROOT / "var" / "cache")))


def tracker_url() -> str:
    """The tracker store's database (TRACKER_URL, else SQLite at TRACKER_DB, default var/tracker.db)."""
    return _text("TRACKER_URL") or f"sqlite:///{_text('TRACKER_DB', 'var/tracker.db')}"
