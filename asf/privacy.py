"""Masks personal data that users type by mistake: personnummer and
samordningsnummer, phone numbers and e-mail addresses.

Used by the input channels (channels/core/connectors.py) before a message reaches
NLU, the tracker store or any log, and by the actions to tell the user.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# 10 or 12 digits: (YY)YYMMDD, optional -, + or space, four digits. Day 61-91 is a samordningsnummer.
PERSONAL_NUMBER = re.compile(r"(?<!\d)(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01]|[6-8]\d|9[01])[-+ ]?\d{4}(?!\d)")
# Swedish numbers from +46, 0046 or 0, with spaces or dashes: 8 to 13 digits in all.
PHONE = re.compile(r"(?<![\w+])(?:\+46|0046|0)[\d\s()-]{6,18}\d(?!\d)")

TOKENS = {"personnummer": "[personnummer]", "telefonnummer": "[telefonnummer]", "e-post": "[e-postadress]"}
MASKED = re.compile("|".join(re.escape(token) for token in TOKENS.values()))


def _phone(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group())
    return TOKENS["telefonnummer"] if 8 <= len(digits) <= 13 else match.group()


def mask(text: str) -> str:
    """The text with personal data replaced by a marker such as "[personnummer]"."""
    text = EMAIL.sub(TOKENS["e-post"], text)
    text = PERSONAL_NUMBER.sub(TOKENS["personnummer"], text)
    return PHONE.sub(_phone, text)


def masked_kinds(text: str) -> list[str]:
    """Which kinds of personal data were masked in an already masked text."""
    return [kind for kind, token in TOKENS.items() if token in text]
