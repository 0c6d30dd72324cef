"""The four verdict colours are one scale: the diagram and the web card use the same values."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from asf.guidance.colours import VERDICT_COLOURS
from asf.guidance.diagram import VERDICTS
from asf.guidance.model import VERDICTS as VERDICT_IDS

ROOT = Path(__file__).resolve().parents[2]


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_web_card_uses_the_shared_colours() -> None:
    css = (ROOT / "web" / "chat.css").read_text(encoding="utf-8")
    found = dict(re.findall(r"\.asf-verdict-([a-z_]+)\s*\{\s*border-left-color:\s*(#[0-9a-fA-F]{6})\s*;", css))
    assert found == {verdict: VERDICT_COLOURS[verdict].stroke for verdict in VERDICT_IDS}


def test_the_diagram_uses_the_shared_colours() -> None:
    for verdict in VERDICT_IDS:
        assert (VERDICTS[verdict].fill, VERDICTS[verdict].stroke) == VERDICT_COLOURS[verdict]


@pytest.mark.parametrize("verdict", VERDICT_IDS)
def test_the_colours_can_be_seen_and_read(verdict: str) -> None:
    fill, stroke = VERDICT_COLOURS[verdict]  # type: ignore[index]
    assert contrast(stroke, "#ffffff") >= 4.5  # the card's edge on the white page
    assert contrast(stroke, fill) >= 3.0  # the box's border on its fill
    assert contrast("#1a1a1a", fill) >= 7.0  # the text in the box


def test_the_four_verdicts_look_different() -> None:
    strokes = {colours.stroke for colours in VERDICT_COLOURS.values()}
    fills = {colours.fill for colours in VERDICT_COLOURS.values()}
    assert len(strokes) == len(fills) == 4
