"""Corrections and additions from a user trial: a note about a part set aside quotes only that
part, a result is corrected one answer at a time, and a rejected summary can gain a missing line."""

from __future__ import annotations

import re

import pytest

from asf import dialogue, messages
from asf.turns import Message, Reply, State


def texts(replies: list[Reply]) -> str:
    return "\n".join(reply.text or "" for reply in replies)


def set_aside_quote(replies: list[Reply]) -> str:
    """The words the note "Den delen ingår inte …" quotes."""
    lead = messages.text("describe.set_aside", evidence="@@", option="").split("@@")[0]
    found = re.search(re.escape(lead) + r"(”[^”]*”)", texts(replies))
    assert found is not None, texts(replies)
    return found.group(1)


@pytest.mark.parametrize(
    ("text", "set_aside", "summarised"),
    [
        # The part set aside after a comma: the words before the comma were summarised.
        (
            "Försäkringskassan köper arbetsträning för deltagare på ett socialt företag, vi ger bidrag till företaget",
            "vi ger bidrag till företaget",
            "socialt företag",
        ),
        # The part set aside first, joined by "och" to the part that was summarised.
        (
            "Vi ger ett bidrag till företaget och kommunen köper arbetsträningsplatser för deltagare där.",
            "Vi ger ett bidrag till företaget",
            "kommunen",
        ),
    ],
)
def test_the_note_on_a_part_set_aside_quotes_only_that_part(text: str, set_aside: str, summarised: str):
    replies, state = dialogue.describe(State(), Message(text=text, intent="describe_initiative"))
    assert state.pending  # a summary of the lawful part, with the must-not part named beside it
    quote = set_aside_quote(replies)
    assert set_aside in quote
    assert summarised not in quote, quote
