"""`make slack-manifest`: the Slack app's manifest, with the server's public address filled in.

Slack creates the whole app from it (Create New App > From an app manifest): the bot
user, the direct-message tab, the scopes, the events and where Slack sends them,
and the buttons' Interactivity. What is left to do by hand is to install the app
and copy its two secrets (docs/drift.md, "Slack").

With --socket-mode the app uses Socket Mode instead: no public address is needed,
and Slack asks for an app-level token (SLACK_APP_TOKEN) instead of a signing secret.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from asf import settings

ROOT = Path(__file__).resolve().parent.parent
OUT_FILE = ROOT / "dist" / "slack" / "manifest.json"
WEBHOOK_PATH = "/webhooks/slack/webhook"
NAME = "ASF-assistenten"
ACCENT = "#1F5C99"  # the Teams app's accent colour (scripts/teams_package.py)
# What the assistant does in Slack and no more: read mentions and direct messages,
# write answers, and share the memo PDF.
BOT_SCOPES = ["app_mentions:read", "chat:write", "im:history", "im:read", "im:write", "files:write"]
BOT_EVENTS = ["app_mention", "message.im"]
DESCRIPTION = "Kan samordningsförbundet finansiera insatsen? Svar med stöd i vägledningen."
LONG_DESCRIPTION = (
    "Assistenten ställer några frågor om en insats med koppling till arbetsintegrerande sociala företag och "
    "säger, med stöd i Nationella rådets vägledning, om samordningsförbundet kan finansiera den, på vilka "
    "villkor och varför, med hänvisningar till vägledningen. Skriv till den i ett direktmeddelande, eller "
    "nämn @ASF-assistenten i en kanal så svarar den i en tråd. Den fattar inga beslut och ska inte få "
    "uppgifter om enskilda personer."
)


class ManifestError(Exception):
    """A setting is missing or wrong; the message says what to do, in Swedish."""


def webhook_url(public_url: str) -> str:
    parts = urlsplit(public_url.strip())
    if not public_url.strip():
        raise ManifestError(
            "ASF_PUBLIC_URL saknas. Sätt den till den https-adress där Slack når Rasa-servern: "
            "ASF_PUBLIC_URL=https://asf.example.se make slack-manifest. Kan Slack inte nå servern, "
            "använd Socket Mode: SOCKET_MODE=1 make slack-manifest."
        )
    if parts.scheme != "https" or not parts.netloc or parts.query or parts.fragment:
        raise ManifestError(f"ASF_PUBLIC_URL ska vara en https-adress som https://asf.example.se, inte {public_url!r}.")
    return f"https://{parts.netloc}{parts.path.rstrip('/')}{WEBHOOK_PATH}"


def manifest(public_url: str, socket_mode: bool) -> dict[str, Any]:
    events: dict[str, Any] = {"bot_events": BOT_EVENTS}
    interactivity: dict[str, Any] = {"is_enabled": True}
    if not socket_mode:
        url = webhook_url(public_url)
        events["request_url"] = url
        interactivity["request_url"] = url
    return {
        "_metadata": {"major_version": 1, "minor_version": 1},
        "display_information": {
            "name": NAME,
            "description": DESCRIPTION,
            "long_description": LONG_DESCRIPTION,
            "background_color": ACCENT,
        },
        "features": {
            # Direct messages to the app, which is where a private assessment is made.
            "app_home": {
                "home_tab_enabled": False,
                "messages_tab_enabled": True,
                "messages_tab_read_only_enabled": False,
            },
            "bot_user": {"display_name": NAME, "always_online": True},
        },
        "oauth_config": {"scopes": {"bot": BOT_SCOPES}},
        "settings": {
            "event_subscriptions": events,
            "interactivity": interactivity,
            "org_deploy_enabled": False,
            "socket_mode_enabled": socket_mode,
            "token_rotation_enabled": False,
        },
    }


def write(public_url: str, socket_mode: bool, target: Path = OUT_FILE) -> Path:
    document = manifest(public_url, socket_mode)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Skriver Slack-appens manifest.")
    parser.add_argument("--socket-mode", action="store_true", help="Socket Mode i stället för en publik adress")
    args = parser.parse_args(argv)
    try:
        path = write(settings.public_url(), args.socket_mode)
    except ManifestError as error:
        print(f"FEL: {error}", file=sys.stderr)
        return 1
    print(
        f"Skrev {path.relative_to(ROOT)}. Skapa appen med den: Create New App > From an app manifest, "
        "klistra in filens innehåll."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
