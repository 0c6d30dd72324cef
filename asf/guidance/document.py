"""A small document model for texts made from the tree, rendered as HTML, Markdown or PDF.

The review pack (asf/guidance/review.py) and the tree as text
(asf/guidance/treetext.py) are lists of blocks; each renderer writes every block,
so the HTML, the PDF and the Markdown say the same thing.

The PDF uses fpdf2's built-in Helvetica, which covers Latin-1 (å, ä, ö, é, §);
the few typographic characters outside it are replaced. fpdf2 is imported only
when a PDF is made, so HTML and Markdown need nothing but the standard library.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["Block", "Heading", "Items", "Quote", "Statement", "Text", "html_page", "markdown", "pdf"]


@dataclass(frozen=True)
class Heading:
    level: int  # 1-4
    text: str
    anchor: str | None = None


@dataclass(frozen=True)
class Text:
    text: str
    label: str | None = None  # a bold lead-in, e.g. "Hjälptext"


@dataclass(frozen=True)
class Items:
    items: tuple[str, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Quote:
    """A passage a statement cites: where it is, and its text (exact, our summary, or missing)."""

    place: str
    text: str | None
    exact: bool = True  # False: `text` is our own summary (e.g. a law paragraph we hold no copy of)


@dataclass(frozen=True)
class Statement:
    """A reason or condition beside the passages it cites; `reading` flags our reading or inference."""

    kind: str  # "Skäl" or "Villkor"
    text: str
    reading: bool
    quotes: tuple[Quote, ...] = field(default_factory=tuple)
    note: str | None = None


Block = Heading | Text | Items | Statement

READING = "TOLKNING"
READING_NOTE = "vår tolkning av eller slutsats från vägledningen, inte vad den säger"
NO_TEXT = "Texten finns inte i guidance_index.yml; läs den i källan."
SUMMARY = "Vår sammanfattning, inte ordagrann text"


# --- HTML ------------------------------------------------------------------------

_CSS = """
body { font-family: system-ui, sans-serif;
  color: #1a1a1a;
  max-width: 52rem;
  margin: 2rem auto;
  padding: 0 1rem;
  line-height: 1.5;
  }
h1 { font-size: 1.6rem; }
h2 { margin-top: 2.5rem; border-top: 2px solid #767676; padding-top: 1rem; }
.statement { border: 1px solid #767676;
  border-left: 6px solid #2f5d8a;
  border-radius: .3rem;
  padding: .5rem .75rem;
  margin: .75rem 0;
  }
.statement.reading { border-left-color: #b35c00; background: #fff8ef; }
.statement p.claim { margin: 0 0 .4rem; }
.flag { display: inline-block;
  font-weight: bold;
  color: #fff;
  background: #8a4600;
  padding: 0 .4rem;
  border-radius: .2rem;
  margin-right: .4rem;
  }
blockquote { margin: .4rem 0 .4rem 1rem;
  padding: .2rem .75rem;
  border-left: 3px solid #767676;
  background: #f4f4f4;
  }
blockquote p { margin: 0; }
blockquote footer { font-size: .9em; color: #4a4a4a; }
.missing { color: #b3261e; font-weight: bold; }
.summary { font-style: italic; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _html_block(block: Block) -> str:
    if isinstance(block, Heading):
        anchor = f' id="{_e(block.anchor)}"' if block.anchor else ""
        return f"<h{block.level}{anchor}>{_e(block.text)}</h{block.level}>"
    if isinstance(block, Text):
        label = f"<strong>{_e(block.label)}:</strong> " if block.label else ""
        return f"<p>{label}{_e(block.text)}</p>"
    if isinstance(block, Items):
        tag = "ol" if block.ordered else "ul"
        return f"<{tag}>" + "".join(f"<li>{_e(item)}</li>" for item in block.items) + f"</{tag}>"
    flag = f'<span class="flag" title="{_e(READING_NOTE)}">{READING}</span>' if block.reading else ""
    parts = [
        f'<div class="statement{" reading" if block.reading else ""}">',
        f'<p class="claim"><strong>{_e(block.kind)}:</strong> {flag}{_e(block.text)}</p>',
    ]
    if block.note:
        parts.append(f"<p><em>{_e(block.note)}</em></p>")
    for quote in block.quotes:
        if quote.text is None:
            body = f'<p class="missing">{_e(NO_TEXT)}</p>'
        elif quote.exact:
            body = f'<p lang="sv">”{_e(quote.text)}”</p>'
        else:
            body = f'<p class="summary">{_e(SUMMARY)}: {_e(quote.text)}</p>'
        parts.append(f"<blockquote>{body}<footer>{_e(quote.place)}</footer></blockquote>")
    parts.append("</div>")
    return "".join(parts)


def html_page(title: str, blocks: Sequence[Block]) -> str:
    body = "\n".join(_html_block(block) for block in blocks)
    return (
        '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


# --- Markdown --------------------------------------------------------------------


def _md_block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return [f"{'#' * block.level} {block.text}"]
    if isinstance(block, Text):
        return [f"**{block.label}:** {block.text}" if block.label else block.text]
    if isinstance(block, Items):
        return [f"{f'{n}.' if block.ordered else '-'} {item}" for n, item in enumerate(block.items, start=1)]
    flag = f"**[{READING}]** " if block.reading else ""
    lines = [f"**{block.kind}:** {flag}{block.text}"]
    if block.note:
        lines += ["", f"*{block.note}*"]
    for quote in block.quotes:
        text = NO_TEXT if quote.text is None else f"”{quote.text}”" if quote.exact else f"{SUMMARY}: {quote.text}"
        lines += ["", f"> {text}  ", f"> — {quote.place}"]
    return lines


def markdown(blocks: Sequence[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        lines += [*_md_block(block), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


# --- PDF -------------------------------------------------------------------------

_PLAIN = str.maketrans({"–": "-", "—": "-", "→": "->", "“": '"', "”": '"', "’": "'", "…": "...", "•": "-"})


def latin1(text: str) -> str:
    """Text the PDF's built-in font can print: å, ä, ö, é and § stay; ”, – and → become plain ones."""
    return text.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")


def pdf(title: str, blocks: Sequence[Block], date: dt.date) -> bytes:
    from fpdf import FPDF

    document = FPDF(format="A4")
    document.set_title(latin1(title))
    document.set_creation_date(dt.datetime.combine(date, dt.time(), tzinfo=dt.timezone.utc))
    document.set_auto_page_break(auto=True, margin=18)
    document.add_page()

    def write(text: str, size: float = 10, style: str = "", indent: float = 0, gap: float = 1.2) -> None:
        document.set_font("Helvetica", style=style, size=size)
        document.set_x(document.l_margin + indent)
        document.multi_cell(document.epw - indent, size * 0.5, latin1(text), new_x="LMARGIN", new_y="NEXT")
        document.ln(gap)

    for block in blocks:
        if isinstance(block, Heading):
            if block.level <= 2 and document.get_y() > 60:
                document.ln(3)
            write(block.text, size={1: 16, 2: 13, 3: 11.5}.get(block.level, 10.5), style="B", gap=2)
        elif isinstance(block, Text):
            write(f"{block.label}: {block.text}" if block.label else block.text)
        elif isinstance(block, Items):
            for n, item in enumerate(block.items, start=1):
                write(f"{n}. {item}" if block.ordered else f"- {item}", indent=4, gap=0.6)
            document.ln(1)
        else:
            flag = f"[{READING}] " if block.reading else ""
            write(f"{block.kind}: {flag}{block.text}", style="B" if block.reading else "", gap=0.8)
            if block.note:
                write(block.note, size=9, style="I", indent=6, gap=0.6)
            for quote in block.quotes:
                if quote.text is None:
                    text, style = NO_TEXT, "B"
                elif quote.exact:
                    text, style = f"”{quote.text}”", "I"
                else:
                    text, style = f"{SUMMARY}: {quote.text}", ""
                write(text, size=9, style=style, indent=8, gap=0.3)
                write(f"- {quote.place}", size=8.5, indent=8, gap=0.8)
            document.ln(1.5)
    return bytes(document.output())
