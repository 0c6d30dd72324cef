"""The assistant's own words (greeting, buttons, prompts, help, training texts),
read from content/messages.yml so that editors own the wording.

`text("start.hint")` gives one text by its group and key; `text("handoff.text",
contact=...)` fills its `{placeholders}` with `str.format`. The file is read
once, on first use. An unknown key or a placeholder the caller does not fill
raises MessageError naming the file, the key and what to do, so a wrong edit
fails loudly instead of showing "{contact}" to a user. `make validate` finds
the same mistakes before anyone chats (asf/content_check.py).
"""

from __future__ import annotations

import string
from functools import cache
from pathlib import Path

import yaml

from asf import settings, yamltext

FILE_NAME = "messages.yml"


class MessageError(LookupError):
    """A text is missing from messages.yml, or needs a value the code does not give."""


def messages_file() -> Path:
    return settings.content_dir() / FILE_NAME


@cache
def load(path: Path) -> dict[str, str]:
    """Every text in `path` by "group.key"; MessageError if the file has the wrong shape."""
    try:
        raw = yamltext.load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise MessageError(f"{path} kan inte läsas ({error.strerror}). Finns filen i ASF_CONTENT_DIR?") from error
    except yaml.YAMLError as error:
        raise MessageError(f"{path} är inte giltig YAML. Kör `make validate` för att se var.") from error
    if not isinstance(raw, dict):
        raise MessageError(f"{path}: filen ska ha grupper av texter. Kör `make validate` för att se vad som är fel.")
    texts: dict[str, str] = {}
    for group, entries in raw.items():
        if not isinstance(entries, dict):
            raise MessageError(f"{path}: gruppen '{group}' ska ha texter under sig. Kör `make validate`.")
        for key, value in entries.items():
            if not isinstance(value, str):
                raise MessageError(f"{path}: '{group}.{key}' ska vara en text. Kör `make validate`.")
            texts[f"{group}.{key}"] = value
    return texts


def placeholders(template: str) -> list[str]:
    """The names of the `{placeholders}` in a text, in order; ValueError for a stray brace."""
    return [field for _, field, _, _ in string.Formatter().parse(template) if field is not None]


def text(key: str, **values: object) -> str:
    """The text `key` ("group.key") with its placeholders filled from `values`."""
    path = messages_file()
    template = load(path).get(key)
    if template is None:
        raise MessageError(f"{path} har ingen text '{key}'. Lägg till den, eller kör `make validate`.")
    try:
        missing = [name for name in placeholders(template) if name not in values]
    except ValueError as error:
        raise MessageError(f"{path}: texten '{key}' har en ensam klammer ({error}). Skriv {{{{ eller }}}}.") from error
    if missing:
        given = ", ".join(f"{{{name}}}" for name in sorted(values)) or "inga"
        raise MessageError(
            f"{path}: texten '{key}' använder {{{missing[0]}}}, som assistenten inte fyller i här "
            f"(den ger: {given}). Rätta platshållaren i texten."
        )
    return template.format(**values)
