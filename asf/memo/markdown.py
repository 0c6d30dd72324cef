"""The decision memo as Markdown: shown in the chat and offered as a download."""

from __future__ import annotations

from asf.guidance.explain import markdown_cite
from asf.memo.document import Block, Fields, Heading, Items, Paragraph


def render(document: list[Block]) -> str:
    """Each citation links to its place on the guidance page when its address is absolute
    (ASF_GUIDANCE_URL); a relative address means nothing in a downloaded file, so it stays text."""
    chunks: list[str] = []
    for block in document:
        if isinstance(block, Heading):
            chunks.append(f"{'#' * block.level} {block.text}")
        elif isinstance(block, Paragraph):
            chunks.append(f"> {block.text}" if block.note else block.text)
        elif isinstance(block, Fields):
            # Two trailing spaces: a line break inside one paragraph.
            chunks.append("\n".join(f"{label}: {value}".rstrip() + "  " for label, value in block.rows).rstrip())
        else:
            chunks.append("\n".join(_item(block, number) for number in range(len(block.entries))))
    return "\n\n".join(chunks) + "\n"


def _item(block: Items, number: int) -> str:
    entry = block.entries[number]
    mark = f"{number + 1}." if block.numbered else "-"
    if entry.source is not None:
        return f"{mark} {markdown_cite(entry.source)}"
    lead = f"**{entry.lead}** " if entry.lead else ""
    cites = f" *({'; '.join(markdown_cite(c) for c in entry.cites)})*" if entry.cites else ""
    return f"{mark} {lead}{entry.text}{cites}"
