"""Personal data typed by mistake is masked, and the user is told."""

from __future__ import annotations

import pytest

from asf import dialogue
from asf.privacy import mask, masked_kinds
from asf.turns import Message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hon har personnummer 19850312-1234", "hon har personnummer [personnummer]"),
        ("pnr 198503121234.", "pnr [personnummer]."),
        ("850312-1234 heter han", "[personnummer] heter han"),
        ("8503121234", "[personnummer]"),
        ("född 850312+1234", "född [personnummer]"),
        ("samordningsnummer 850372-1234", "samordningsnummer [personnummer]"),
        ("ring 070-123 45 67", "ring [telefonnummer]"),
        ("ring +46 70 123 45 67 i dag", "ring [telefonnummer] i dag"),
        ("växeln 08-123 456 78", "växeln [telefonnummer]"),
        ("mejla anna.svensson@kommun.se nu", "mejla [e-postadress] nu"),
        ("ring 070-1234567 eller a@b.se", "ring [telefonnummer] eller [e-postadress]"),
    ],
)
def test_personal_data_is_masked(text, expected):
    assert mask(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Vi vill ge 30 000 kr i startbidrag",
        "enligt 7 § lagen (2003:1210)",
        "insatsen pågår 2024-2026 med 12 deltagare",
        "budget 1250000 kronor",
        "vägledningen från 2016-04-28",
    ],
)
def test_ordinary_numbers_are_kept(text):
    assert mask(text) == text


def test_user_is_told_what_was_removed():
    message = Message(text=mask("hon heter Eva, 19850312-1234, tel 070-123 45 67"), intent="inform")
    notice = dialogue.privacy_notice(message)
    assert notice is not None and notice.text is not None
    assert "ett personnummer och ett telefonnummer" in notice.text
    assert masked_kinds(message.text) == ["personnummer", "telefonnummer"]
    assert dialogue.privacy_notice(Message(text="hej")) is None


def test_channels_mask_the_text_and_the_metadata_they_hand_rasa():
    import asyncio

    from rasa.core.channels.channel import UserMessage

    from channels.core.connectors import masking

    seen: list[UserMessage] = []

    async def rasa(message: UserMessage) -> None:
        seen.append(message)

    message = UserMessage(
        "ring 070-123 45 67",
        sender_id="crm-1",
        metadata={"note": "pnr 19800101-1234", "contacts": [{"mail": "anna.svensson@example.se"}], "count": 3},
    )

    async def deliver() -> None:
        await masking(rasa)(message)

    asyncio.run(deliver())
    stored = seen[0]
    assert "070-123 45 67" not in str(stored.text)
    assert "19800101-1234" not in str(stored.metadata)
    assert "anna.svensson@example.se" not in str(stored.metadata)
    assert stored.metadata["count"] == 3
