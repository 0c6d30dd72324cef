"""The decision memo ("beslutsunderlag"): the assessment as a document.

Built only from the result payload (asf.guidance.explain.result_payload), the
same object the chat answer is built from, so the two cannot disagree. One list
of blocks (document.py) is written as Markdown for the chat and download, as PDF
for attaching to a decision and as Word for boards that write their papers there.
"""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

from asf.guidance.explain import result_id
from asf.memo import document
from asf.memo import markdown as markdown_file
from asf.memo.document import DISCLAIMER

__all__ = ["DISCLAIMER", "docx", "markdown", "payload", "pdf"]


def markdown(result: dict[str, Any], date: dt.date | None = None) -> str:
    return markdown_file.render(document.blocks(result, date))


def pdf(result: dict[str, Any], date: dt.date | None = None) -> bytes:
    from asf.memo import pdf_file  # fpdf takes over a second to import: only when a memo is made

    day = date or dt.date.today()
    return pdf_file.render(document.blocks(result, day), document.title(result), day, result.get("verdict"))


def docx(result: dict[str, Any], date: dt.date | None = None) -> bytes:
    from asf.memo import word_file  # python-docx and lxml: only when a memo is made

    day = date or dt.date.today()
    return word_file.render(document.blocks(result, day), document.title(result), day)


def payload(result: dict[str, Any], date: dt.date | None = None) -> dict[str, Any]:
    """The memo for other systems and the web page: Markdown, the blocks (`document`) the page
    formats, and the PDF and Word files in base64.

    `result_id` is the `id` of the result payload it was made from (computed for a
    result stored before results had ids)."""
    from asf.memo import pdf_file, word_file

    day = date or dt.date.today()
    blocks = document.blocks(result, day)
    title = document.title(result)
    return {
        "type": "decision_memo",
        "result_id": result.get("id") or result_id(result["answers"], result["tree_version"]),
        "outcome_id": result["outcome_id"],
        "verdict": result.get("verdict"),
        "filename": f"beslutsunderlag-{day.isoformat()}-{result['outcome_id']}",
        "markdown": markdown_file.render(blocks),
        "document": document.as_json(blocks),
        "pdf_base64": base64.b64encode(pdf_file.render(blocks, title, day, result.get("verdict"))).decode("ascii"),
        "docx_base64": base64.b64encode(word_file.render(blocks, title, day)).decode("ascii"),
    }
