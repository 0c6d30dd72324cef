"""`make teams-package`: the Teams app package (manifest.json and two icons, zipped).

Upload the zip in Teams (Apps > Manage your apps > Upload an app) or in the
Teams admin center. Settings come from the same environment as the channel.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "dist" / "teams"
PACKAGE = OUT_DIR / "asf-assistenten-teams.zip"
SCHEMA_VERSION = "1.23"  # the newest app manifest schema Microsoft publishes (v1.23)
LANGUAGE = "sv-se"  # the manifest's own texts are Swedish (localizationInfo)
COLOR_SIZE, OUTLINE_SIZE = (192, 192), (32, 32)  # what Teams requires of the two icons
ACCENT = "#1F5C99"
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


class PackageError(Exception):
    """A setting is missing or wrong; the message says what to do, in Swedish."""


def settings(env: dict[str, str]) -> dict[str, str]:
    app_id = env.get("TEAMS_APP_ID", "").strip()
    if not app_id:
        raise PackageError(
            "TEAMS_APP_ID saknas. Sätt den till botens Microsoft App ID (från Azure Bot): "
            "TEAMS_APP_ID=... make teams-package."
        )
    if not GUID.match(app_id):
        raise PackageError(f"TEAMS_APP_ID ska vara ett GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), inte {app_id!r}.")
    website = env.get("TEAMS_WEBSITE_URL", "").strip() or "https://www.finsam.se"
    if not website.startswith("https://"):
        raise PackageError(f"TEAMS_WEBSITE_URL måste börja med https:// (Teams kräver det), inte {website!r}.")
    publisher = env.get("TEAMS_PUBLISHER", "").strip() or "Samordningsförbundet"
    return {
        "app_id": app_id,
        "website": website,
        "publisher": publisher[:32],
        "color_icon": env.get("TEAMS_ICON_COLOR", "").strip(),
        "outline_icon": env.get("TEAMS_ICON_OUTLINE", "").strip(),
    }


def manifest(config: dict[str, str], version: str) -> dict[str, Any]:
    commands = [
        ("Bedöm en insats", "Svara på några frågor och få en bedömning med hänvisningar"),
        ("Övningsläge", "Öva på påhittade fall"),
        ("Beslutsunderlag", "Få den senaste bedömningen som underlag inför ett beslut"),
        ("Hjälp", "Vad assistenten kan och hur du använder den"),
    ]
    return {
        "$schema": f"https://developer.microsoft.com/en-us/json-schemas/teams/v{SCHEMA_VERSION}/MicrosoftTeams.schema.json",
        "manifestVersion": SCHEMA_VERSION,
        "version": version,
        "id": config["app_id"],
        "localizationInfo": {"defaultLanguageTag": LANGUAGE},
        "developer": {
            "name": config["publisher"],
            "websiteUrl": config["website"],
            "privacyUrl": config["website"],
            "termsOfUseUrl": config["website"],
        },
        "name": {"short": "ASF-assistenten", "full": "ASF-assistenten: kan samordningsförbundet finansiera insatsen?"},
        "description": {
            "short": "Kan samordningsförbundet finansiera insatsen? Svar med stöd i vägledningen.",
            "full": (
                "Assistenten ställer några frågor om en insats med koppling till arbetsintegrerande sociala "
                "företag och säger, med stöd i Nationella rådets vägledning, om samordningsförbundet kan "
                "finansiera den, på vilka villkor och varför, med hänvisningar. Den fattar inga beslut och tar "
                "inte emot uppgifter om enskilda personer."
            ),
        },
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": ACCENT,
        "bots": [
            {
                "botId": config["app_id"],
                "scopes": ["personal", "team", "groupChat"],
                "supportsFiles": False,
                "isNotificationOnly": False,
                "commandLists": [
                    {
                        "scopes": ["personal", "team", "groupChat"],
                        "commands": [{"title": title, "description": text} for title, text in commands],
                    }
                ],
            }
        ],
        "validDomains": [],
    }


def _draw_document(draw: ImageDraw.ImageDraw, size: int, fill: tuple[int, int, int, int], width: int) -> None:
    """A page with lines of text and a tick: the assistant's assessment."""
    s = size / 32
    draw.rounded_rectangle([7 * s, 3 * s, 25 * s, 29 * s], radius=2 * s, outline=fill, width=width)
    for y in (9, 13, 17):
        draw.line([11 * s, y * s, 21 * s, y * s], fill=fill, width=width)
    draw.line([11 * s, 23 * s, 14 * s, 26 * s, 21 * s, 19 * s], fill=fill, width=width, joint="curve")


def color_icon() -> bytes:
    """192x192, full colour: a white page on the accent colour."""
    image = Image.new("RGB", (192, 192), ACCENT)
    _draw_document(ImageDraw.Draw(image), 192, (255, 255, 255, 255), 10)
    return _png(image)


def outline_icon() -> bytes:
    """32x32, white on a transparent background, as Teams requires for the outline icon."""
    image = Image.new("RGBA", (32, 32), (0, 0, 0, 0))
    _draw_document(ImageDraw.Draw(image), 32, (255, 255, 255, 255), 2)
    return _png(image)


def own_icon(path: str, variable: str, size: tuple[int, int], outline: bool) -> bytes:
    """The organisation's own icon from `path`, checked against what Teams requires."""
    file = Path(path)
    try:
        image = Image.open(file)
        image.load()
    except (OSError, ValueError) as error:
        raise PackageError(f"{variable}: kunde inte läsa {path} som en bild ({error}).") from error
    if image.format != "PNG":
        raise PackageError(f"{variable}: ikonen ska vara en PNG-fil, men {path} är {image.format}.")
    if image.size != size:
        raise PackageError(
            f"{variable}: ikonen ska vara {size[0]}x{size[1]} pixlar, men {path} är {image.size[0]}x{image.size[1]}."
        )
    if outline:
        rgba = image.convert("RGBA")
        pixels = [rgba.getpixel((x, y)) for x in range(size[0]) for y in range(size[1])]
        if not any(p[3] == 0 for p in pixels) or any(p[3] > 0 and p[:3] != (255, 255, 255) for p in pixels):  # type: ignore[index]
            raise PackageError(
                f"{variable}: konturikonen ska vara vit på genomskinlig bakgrund (Teams krav), och {path} är inte det."
            )
    return file.read_bytes()


def icons(config: dict[str, str]) -> tuple[bytes, bytes]:
    """The organisation's icons when given (TEAMS_ICON_COLOR, TEAMS_ICON_OUTLINE), else drawn here."""
    color = own_icon(config["color_icon"], "TEAMS_ICON_COLOR", COLOR_SIZE, False) if config["color_icon"] else None
    outline = (
        own_icon(config["outline_icon"], "TEAMS_ICON_OUTLINE", OUTLINE_SIZE, True) if config["outline_icon"] else None
    )
    return color or color_icon(), outline or outline_icon()


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def build(env: dict[str, str], target: Path = PACKAGE) -> Path:
    version = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M)
    if version is None:
        raise PackageError("pyproject.toml saknar version.")
    config = settings(env)
    color, outline = icons(config)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest(config, version.group(1)), ensure_ascii=False, indent=2))
        package.writestr("color.png", color)
        package.writestr("outline.png", outline)
    return target


def main() -> int:
    try:
        path = build(dict(os.environ))
    except PackageError as error:
        print(f"FEL: {error}", file=sys.stderr)
        return 1
    print(f"Skrev {path.relative_to(ROOT)}. Ladda upp den i Teams: Apps > Manage your apps > Upload an app.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
