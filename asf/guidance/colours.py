"""The one colour scale for the four verdicts.

The diagram (asf/guidance/diagram.py) fills outcome boxes with `fill` and draws
their border in `stroke`; the web card (web/chat.css, `.asf-verdict-*`) draws its
left border in `stroke`. tests/unit/test_colours.py checks that chat.css uses
these values, so the picture and the card cannot drift apart.

Every `stroke` has a contrast of at least 4.5:1 against white (WCAG 1.4.11 asks
3:1 for graphics), and every `fill` keeps black text above 12:1.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from asf.guidance.model import Verdict

__all__ = ["VERDICT_COLOURS", "Colours"]


class Colours(NamedTuple):
    fill: str  # light background of an outcome box
    stroke: str  # border: the diagram's box and the web card's left edge


VERDICT_COLOURS: Mapping[Verdict, Colours] = {
    "financeable": Colours("#d7f0d2", "#1e7a34"),
    "conditional": Colours("#fde3c4", "#b35c00"),
    "not_financeable": Colours("#f9d6d5", "#b3261e"),
    "out_of_scope": Colours("#e6e6e6", "#555555"),
}
