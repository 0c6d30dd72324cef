"""Left-aligned paragraphs for fpdf2 in linear time: the lines multi_cell makes, set one cell each.

fpdf2's multi_cell (2.8) measures the whole line again for every character it adds, so a line
costs the square of its length: measured, half of a memo's CPU time and nearly all of the review
pack's went there. `wrap` breaks the text as multi_cell does (at the last space that fits, inside
a word only when the word does not fit on a line of its own) with each character measured once,
and `paragraph` sets the lines with fpdf2's `cell`, which draws one line as multi_cell does: the
same PDF. Text that needs more of multi_cell (newlines, soft hyphens, character spacing, a
character wider than the line) is left to multi_cell.
"""

from __future__ import annotations

from typing import Any

# The characters fpdf2 breaks a line at (fpdf.line_break.BREAKING_SPACE_SYMBOLS): the space and
# the Unicode spaces of fixed width, not the no-break space.
BREAKING_SPACES = frozenset(" \u200b\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u205f\u3000")
_LEFT_TO_MULTI_CELL = frozenset("\n\r\u000c\u00ad")  # newline, form feed and soft hyphen
NBSP = "\u00a0"
_TOLERANCE = 1e-9  # fpdf2's FloatTolerance: a character fits unless it overshoots by more


# Character widths by font, style and size: one document's cache (a font's name may mean another file elsewhere).
Widths = dict[tuple[str, str, float, str], float]


def wrap(pdf: Any, text: str, width: float, widths: Widths | None = None) -> list[str] | None:
    """`text` in the current font broken into lines for a cell `width` wide, as multi_cell breaks it;
    None when the text needs multi_cell itself. `widths` keeps the characters measured for the next text."""
    if pdf.char_spacing or pdf.font_stretching != 100 or pdf.text_shaping or _LEFT_TO_MULTI_CELL & set(text):
        return None
    limit = width - 2 * pdf.c_margin
    measured = {} if widths is None else widths
    font = (pdf.font_family, pdf.font_style, pdf.font_size_pt)
    lines: list[str] = []
    start, used, last_space, i = 0, 0.0, -1, 0
    while i < len(text):
        char = text[i]
        key = (*font, char)
        if key not in measured:
            measured[key] = pdf.get_string_width(char)
        if used + measured[key] - limit > _TOLERANCE:
            if char in BREAKING_SPACES:  # the space at the end of a full line is dropped
                lines.append(text[start:i])
                i += 1
            elif last_space >= start:  # back to the last space; it is dropped
                lines.append(text[start:last_space])
                i = last_space + 1
            elif i > start:  # a word longer than the line is cut where it stops fitting
                lines.append(text[start:i])
            else:
                return None  # one character wider than the line: multi_cell says so
            start, used = i, 0.0
            continue
        if char in BREAKING_SPACES:
            last_space = i
        # multi_cell sets a no-break space as a space (viewers stretch only those), and measures it so.
        used += measured[key] if char != NBSP else measured.setdefault((*font, " "), pdf.get_string_width(" "))
        i += 1
    if used:  # the rest, unless none of it has width (multi_cell drops that too)
        lines.append(text[start:])
    return [line.replace(NBSP, " ") for line in lines] or [""]  # an empty text is one empty line, as in multi_cell


def paragraph(pdf: Any, width: float, height: float, text: str, widths: Widths | None = None) -> None:
    """Left-aligned `text` in a column `width` wide from the current x, then to the left margin on the
    next line: multi_cell(width, height, text, align="L", new_x="LMARGIN", new_y="NEXT")."""
    lines = wrap(pdf, text, width, widths)
    if lines is None:
        pdf.multi_cell(width, height, text, align="L", new_x="LMARGIN", new_y="NEXT")
        return
    for number, line in enumerate(lines, start=1):
        last = number == len(lines)
        pdf.cell(width, height, line, align="L", new_x="LMARGIN" if last else "LEFT", new_y="NEXT")
