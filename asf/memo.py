"""The decision memo ("beslutsunderlag"): the assessment as a document.

Built only from the result payload (asf.guidance.explain.result_payload),
the same object the chat answer is built from, so the two cannot disagree.
Markdown for chat and download, PDF for attaching to a decision.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from asf import tree_changelog
from asf.guidance import sections
from asf.guidance.explain import markdown_cite, plain_cite, result_id

DISCLAIMER = (
    "Det här är ett stöd inför ett beslut, inte ett beslut. Bedömningen bygger på svaren nedan och på "
    "Nationella rådets vägledning om arbetsintegrerande sociala företag (2016-04-28). Beslutet fattas av "
    "förbundets styrelse eller av den part som berörs."
)


Cite = Callable[[Mapping[str, Any]], str]
Line = tuple[str, list[dict[str, Any]]]  # a Markdown line and the citations it names


def _cites(items: list[dict[str, Any]], cite: Cite) -> str:
    return "; ".join(cite(item) for item in items)


def _document(result: dict[str, Any], date: dt.date | None, cite: Cite) -> list[Line]:
    """The memo's lines, each with the citations it names; `cite` writes a citation."""
    day = (date or dt.date.today()).isoformat()
    head = [
        f"# Beslutsunderlag: {result['title']}",
        "",
        f"Datum: {day}  ",
        f"Beslutsträdets version: {result['tree_version']} (vad som ändrats står i {tree_changelog.REFERENCE})",
        "",
        f"> {DISCLAIMER}",
        "",
        "## Insatsen",
        "",
        result.get("description") or "Insatsen beskrevs genom svaren på frågorna nedan.",
        "",
        "## Frågor och svar",
        "",
    ]
    lines: list[Line] = [(line, []) for line in head]
    for number, step in enumerate(result["path"], start=1):
        line = f"{number}. **{step['question']}** Svar: {step['answer']}. *({_cites(step['cites'], cite)})*"
        lines.append((line, list(step["cites"])))
    # The result's sections in their one order (asf/guidance/sections.py); the
    # document's title already holds the outcome's title, so under the heading
    # "Bedömning" stands only the verdict sentence ("Förbundet bör inte finansiera insatsen.").
    for part in sections.parts(result):
        section = part.section
        heading = section.heading if section.form == "headline" else section.memo_heading or part.heading
        lines += [("", []), (f"{'#' * (section.level + 1)} {heading}", [])]
        if section.form == "headline":
            lines += [("", []), (part.heading, [])]
            continue
        lines.append(("", []))
        for item in part.items:
            if section.form == "paragraph":
                lines.append((item["text"], []))
            elif "cites" in item:
                lines.append((f"- {item['text']} *({_cites(item['cites'], cite)})*", list(item["cites"])))
            elif "url" in item or "quote" in item:  # a citation of its own (the list of citations)
                lines.append((f"- {cite(item)}", [item]))
            else:
                lines.append((f"- {item['text']}", []))
    return lines


def markdown(result: dict[str, Any], date: dt.date | None = None) -> str:
    """The memo in Markdown; each citation links to its place on the guidance page when its
    address is absolute (ASF_GUIDANCE_URL)."""
    return "\n".join(line for line, _ in _document(result, date, markdown_cite)) + "\n"


# The PDF's built-in fonts are written with WinAnsiEncoding (Windows-1252): Latin-1 (å, ä, ö, é, §)
# and Swedish typography (” – … ’ •) print as they are; the few characters outside it are replaced.
PDF_ENCODING = "windows-1252"
_PLAIN = str.maketrans({"→": "->", "−": "-"})


def _winansi(text: str) -> str:
    return text.translate(_PLAIN).encode(PDF_ENCODING, "replace").decode(PDF_ENCODING)


def pdf(result: dict[str, Any], date: dt.date | None = None) -> bytes:
    from fpdf import FPDF  # imported when a memo is asked for: it takes over a second to load

    document = FPDF(format="A4")
    document.core_fonts_encoding = PDF_ENCODING
    document.set_title(_winansi(f"Beslutsunderlag: {result['title']}"))
    # The memo's date, not the second it was made: the same result gives the same file all day.
    day = date or dt.date.today()
    document.set_creation_date(dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc))
    document.set_auto_page_break(auto=True, margin=18)
    document.add_page()
    width = document.epw

    def write(text: str, size: int = 11, style: str = "", gap: float = 1.5) -> None:
        document.set_font("Helvetica", style=style, size=size)
        document.multi_cell(width, size * 0.5, _winansi(text), new_x="LMARGIN", new_y="NEXT")
        document.ln(gap)

    for raw, cites in _document(result, date, plain_cite):
        line = raw.rstrip()
        if not line:
            continue
        if line.startswith("# "):
            write(line[2:], size=16, style="B", gap=3)
        elif line.startswith("## "):
            write(line[3:], size=13, style="B", gap=2)
        elif line.startswith("### "):
            write(line[4:], size=11, style="B")
        elif line.startswith("> "):
            write(line[2:], size=10, style="I", gap=3)
        else:
            write(line.replace("**", "").replace("*", ""), size=10, gap=0.5 if cites else 1.5)
            # Beside each citation, what the guidance says there (a quote), so the memo can be checked on paper.
            quoted = [c for c in cites if c.get("quote")]
            for number, cite in enumerate(quoted, start=1):
                document.set_x(document.l_margin + 6)
                document.set_font("Helvetica", style="I", size=9)
                gap = 1.5 if number == len(quoted) else 0.5
                text = f"{cite['text']}: ”{cite['quote']}”"
                document.multi_cell(width - 6, 4.5, _winansi(text), new_x="LMARGIN", new_y="NEXT")
                document.ln(gap)
    return bytes(document.output())


def payload(result: dict[str, Any], date: dt.date | None = None) -> dict[str, Any]:
    """The memo for other systems and the web page's download: Markdown and base64 PDF.

    `result_id` is the `id` of the result payload it was made from (computed for a
    result stored before results had ids)."""
    day = (date or dt.date.today()).isoformat()
    return {
        "type": "decision_memo",
        "result_id": result.get("id") or result_id(result["answers"], result["tree_version"]),
        "outcome_id": result["outcome_id"],
        "filename": f"beslutsunderlag-{day}-{result['outcome_id']}",
        "markdown": markdown(result, date),
        "pdf_base64": base64.b64encode(pdf(result, date)).decode("ascii"),
    }
